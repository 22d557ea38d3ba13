"""GET /health: liveness, with the running version (no AWS call: a cheap probe)."""

from __future__ import annotations

from chalice.app import Blueprint

from chalicelib.settings import get_settings
from chalicelib.web import RouteDoc, documented

bp = Blueprint(__name__)


@bp.route("/health", methods=["GET"])
@documented(
    RouteDoc(
        summary="Liveness and version",
        responses={200: "chalicelib.health.models:Health"},
        tags=("meta",),
    )
)
def health() -> dict[str, str]:
    return {"status": "ok", "version": get_settings().version}
