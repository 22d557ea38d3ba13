"""Org administration routes: the org's settings (org admins only)."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint

from chalicelib import deps
from chalicelib.web import RouteDoc, documented, parse_body

MODELS = "chalicelib.admin.models"
_ADMINS_ONLY = partial(RouteDoc, tags=("admin",), auth=True)
SHOW = _ADMINS_ONLY("The org's settings (org admins only)", {200: f"{MODELS}:OrgSettingsView"})
CHANGE = _ADMINS_ONLY(
    "Change the org's settings (org admins only); omitted settings keep their value",
    {200: f"{MODELS}:OrgSettingsView"},
    body=f"{MODELS}:OrgSettingsUpdate",
)

bp = Blueprint(__name__)


@bp.route("/admin/settings", methods=["GET"])
@documented(SHOW)
def get_org_settings() -> dict[str, Any]:
    return deps.admin().settings(deps.signed_in(bp.current_request))


@bp.route("/admin/settings", methods=["PUT"])
@documented(CHANGE)
def put_org_settings() -> dict[str, Any]:
    from chalicelib.admin.models import OrgSettingsUpdate

    admin = deps.admin()
    principal = admin.require_admin(deps.signed_in(bp.current_request))  # 403 before 400
    update = parse_body(OrgSettingsUpdate, bp.current_request)
    return admin.change_settings(principal, update.model_dump(exclude_none=True))
