"""Org administration routes: the org's settings (org admins only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chalice.app import Blueprint

from chalicelib import deps
from chalicelib.web import RouteDoc, documented, parse_body

if TYPE_CHECKING:
    from chalicelib.sessions import Principal

MODELS = "chalicelib.admin.models"

bp = Blueprint(__name__)


def _admin() -> Principal:
    """The signed-in org admin (rights re-read from Salesforce when the reading is old)."""
    from chalicelib.admin import service
    from chalicelib.sessions import authenticate

    principal = authenticate(bp.current_request)
    return service.require_admin(principal, deps.clock().now(), _recheck)


def _recheck(principal: Principal) -> Principal:
    from chalicelib.auth.service import admin_rights

    rights = admin_rights(deps.vault(), principal.org_id, principal.user_id)
    return deps.sessions().record_admin_check(principal, rights)


@bp.route("/admin/settings", methods=["GET"])
@documented(
    RouteDoc(
        summary="The org's settings (org admins only)",
        responses={200: f"{MODELS}:OrgSettingsView"},
        tags=("admin",),
        auth=True,
    )
)
def get_org_settings() -> dict[str, Any]:
    from chalicelib.admin import service

    return service.show_settings(deps.store(), _admin())


@bp.route("/admin/settings", methods=["PUT"])
@documented(
    RouteDoc(
        summary="Change the org's settings (org admins only); omitted settings keep their value",
        body=f"{MODELS}:OrgSettingsUpdate",
        responses={200: f"{MODELS}:OrgSettingsView"},
        tags=("admin",),
        auth=True,
    )
)
def put_org_settings() -> dict[str, Any]:
    from chalicelib.admin import service
    from chalicelib.admin.models import OrgSettingsUpdate

    principal = _admin()
    update = parse_body(OrgSettingsUpdate, bp.current_request)
    changes = update.model_dump(exclude_none=True)
    return service.change_settings(
        deps.store(), deps.clock(), deps.org_settings(), principal, changes
    )
