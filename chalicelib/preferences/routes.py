"""`/me/settings`: the signed-in user's own settings (where their org allows them)."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint

from chalicelib import deps
from chalicelib.web import RouteDoc, documented, parse_body

MODELS = "chalicelib.preferences.models"
_SIGNED_IN = partial(RouteDoc, tags=("account",), auth=True)
SHOW = _SIGNED_IN(
    "The user's settings: each value, where it comes from (org, user), and whether the org "
    "lets users choose it",
    {200: f"{MODELS}:UserSettingsView"},
)
CHANGE = _SIGNED_IN(
    "Choose settings for oneself (only those the org lets users choose: others 403)",
    {200: f"{MODELS}:UserSettingsView"},
    body=f"{MODELS}:UserSettingsUpdate",
)

bp = Blueprint(__name__)


@bp.route("/me/settings", methods=["GET"])
@documented(SHOW)
def get_my_settings() -> dict[str, Any]:
    return deps.preferences().show(deps.signed_in(bp.current_request))


@bp.route("/me/settings", methods=["PUT"])
@documented(CHANGE)
def put_my_settings() -> dict[str, Any]:
    from chalicelib.preferences.models import UserSettingsUpdate

    principal = deps.signed_in(bp.current_request)
    update = parse_body(UserSettingsUpdate, bp.current_request)
    return deps.preferences().change(principal, update.model_dump(exclude_unset=True))
