"""GET /health: liveness, with the running version (no AWS call: a cheap probe)."""

from __future__ import annotations

from typing import Literal

from chalice.app import Blueprint
from pydantic import BaseModel

from chalicelib.settings import get_settings
from chalicelib.web import RouteDoc, documented

bp = Blueprint(__name__)


class Health(BaseModel):
    status: Literal["ok"]
    version: str


@bp.route("/health", methods=["GET"])
@documented(RouteDoc(summary="Liveness and version", responses={200: Health}, tags=("meta",)))
def health() -> dict[str, str]:
    return Health(status="ok", version=get_settings().version).model_dump()
