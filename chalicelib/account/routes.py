"""The signed-in user's account: /me, the live Salesforce check, deletion."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.web import RouteDoc, documented

MODELS = "chalicelib.account.models"
_SIGNED_IN = partial(RouteDoc, auth=True)
ME = _SIGNED_IN("The signed-in user, org and connections", {200: f"{MODELS}:Me"})
CHECK = _SIGNED_IN(
    "Check the Salesforce connection live (one API call)", {200: f"{MODELS}:SalesforceCheck"}
)
DELETE = _SIGNED_IN(
    "Delete the account: revoke at Salesforce and delete every stored item",
    {200: f"{MODELS}:Deleted"},
)

bp = Blueprint(__name__)


@bp.route("/me", methods=["GET"])
@documented(ME)
def me() -> dict[str, Any]:
    return deps.accounts().describe(deps.signed_in(bp.current_request))


@bp.route("/me", methods=["DELETE"])
@documented(DELETE)
def delete_me() -> Response:
    from chalicelib.sessions import cleared_cookie

    result = deps.accounts().delete(deps.signed_in(bp.current_request))
    headers: dict[str, str | list[str]] = {
        "Set-Cookie": cleared_cookie(),
        "Cache-Control": "no-store",
    }
    return Response(body=result, status_code=200, headers=headers)


@bp.route("/me/salesforce", methods=["GET"])
@documented(CHECK)
def me_salesforce() -> dict[str, Any]:
    return deps.accounts().check_salesforce(deps.signed_in(bp.current_request))
