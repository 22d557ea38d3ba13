"""GET /lookup?email= and POST /lookup: who the addresses of an email are in Salesforce."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint

from chalicelib import deps
from chalicelib.web import RouteDoc, documented, parse_body, parse_query

# Views import the models when called (cold start: pydantic is paid by the routes that use it).
MODELS = "chalicelib.lookup.models"
_LOOKUP = partial(RouteDoc, responses={200: f"{MODELS}:LookupResults"}, tags=("lookup",), auth=True)
ONE = _LOOKUP(
    "Who one address is in Salesforce (one API call on a miss, none on a repeat)",
    query=f"{MODELS}:LookupQuery",
)
MANY = _LOOKUP(
    "Who 1-25 addresses are in Salesforce (one API call for all the misses)",
    body=f"{MODELS}:LookupBatch",
)

bp = Blueprint(__name__)


@bp.route("/lookup", methods=["GET"])
@documented(ONE)
def lookup_one() -> dict[str, Any]:
    from chalicelib.lookup.models import LookupQuery

    principal = deps.signed_in(bp.current_request)  # before parsing: no details for strangers
    query = parse_query(LookupQuery, bp.current_request)
    return {"results": deps.lookups().lookup(principal, [query.email])}


@bp.route("/lookup", methods=["POST"])
@documented(MANY)
def lookup_many() -> dict[str, Any]:
    from chalicelib.lookup.models import LookupBatch

    principal = deps.signed_in(bp.current_request)
    batch = parse_body(LookupBatch, bp.current_request)
    return {"results": deps.lookups().lookup(principal, batch.emails)}
