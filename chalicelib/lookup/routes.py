"""GET /lookup?email= and POST /lookup: who the addresses of an email are in Salesforce."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chalice.app import Blueprint

from chalicelib import deps
from chalicelib.web import RouteDoc, documented, parse_body, parse_query

if TYPE_CHECKING:
    from chalicelib.sessions import Principal

# Views import the service, models and sessions when called (cold start: see auth.routes).
MODELS = "chalicelib.lookup.models"

bp = Blueprint(__name__)


def _principal() -> Principal:
    """Who asks: checked before the request is parsed (no session, no validation details)."""
    from chalicelib.sessions import authenticate

    return authenticate(bp.current_request)


def _answer(principal: Principal, addresses: list[str]) -> dict[str, Any]:
    from chalicelib.lookup import lookups

    org_id, user_id = principal.org_id, principal.user_id
    results = lookups().lookup(
        org_id, user_id, addresses, client=lambda: deps.vault().client(org_id, user_id)
    )
    return {"results": results}


@bp.route("/lookup", methods=["GET"])
@documented(
    RouteDoc(
        summary="Who one address is in Salesforce (one API call on a miss, none on a repeat)",
        query=f"{MODELS}:LookupQuery",
        responses={200: f"{MODELS}:LookupResults"},
        tags=("lookup",),
        auth=True,
    )
)
def lookup_one() -> dict[str, Any]:
    from chalicelib.lookup.models import LookupQuery

    principal = _principal()
    query = parse_query(LookupQuery, bp.current_request)
    return _answer(principal, [query.email])


@bp.route("/lookup", methods=["POST"])
@documented(
    RouteDoc(
        summary="Who 1-25 addresses are in Salesforce (one API call for all the misses)",
        body=f"{MODELS}:LookupBatch",
        responses={200: f"{MODELS}:LookupResults"},
        tags=("lookup",),
        auth=True,
    )
)
def lookup_many() -> dict[str, Any]:
    from chalicelib.lookup.models import LookupBatch

    principal = _principal()
    batch = parse_body(LookupBatch, bp.current_request)
    return _answer(principal, batch.emails)
