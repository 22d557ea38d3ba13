"""Email tracking routes: preparing messages, the pixel, the link redirect, and the reports.

The pixel and the redirect are the hot paths (DESIGN §4): they import only the token,
classifier and recorder code, never pydantic, and answer whatever happens to the recording.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.errors import NotFound
from chalicelib.web import RouteDoc, documented, parse_body, parse_query

MODELS = "chalicelib.tracking.models"
_HIT = partial(RouteDoc, tags=("tracking",))
_SIGNED_IN = partial(RouteDoc, tags=("tracking",), auth=True)
PIXEL = _HIT(
    "Open-tracking pixel: always a 1x1 transparent GIF, whatever the token",
    {200: None},
    content_type="image/gif",
)
CLICK = _HIT("Tracked link: 302 to the destination signed in the token, else 404", {302: None})
PREPARE = _SIGNED_IN(
    "Prepare a message for tracking: one copy of the HTML per recipient",
    {201: f"{MODELS}:PreparedMessage"},
    body=f"{MODELS}:PrepareMessage",
)
REPORT = _SIGNED_IN(
    "What happened to a tracked message, per recipient (its sender only)",
    {200: f"{MODELS}:MessageReport"},
)
ACTIVITY = _SIGNED_IN(
    "The signed-in user's newest opens and clicks across messages",
    {200: f"{MODELS}:Activity"},
    query=f"{MODELS}:ActivityQuery",
)

bp = Blueprint(__name__)


@bp.route("/t/o/{token}", methods=["GET", "HEAD"])
@documented(PIXEL)
def pixel(token: str) -> Response:
    from chalicelib.tracking.hits import GIF, PIXEL_HEADERS, hit_request

    try:
        hot_path = deps.tracking_hot_path()
        hot_path.open(token, hit_request(bp.current_request, hot_path.origin_secret))
    except Exception:  # building collaborators failed (configuration): the GIF still goes out
        from chalicelib.logs import logger

        logger.warning("tracking pixel not recorded", exc_info=True)
    return Response(body=GIF, status_code=200, headers=dict(PIXEL_HEADERS))


@bp.route("/t/c/{token}", methods=["GET", "HEAD"])
@documented(CLICK)
def click(token: str) -> Response:
    from chalicelib.tracking.hits import destination, hit_request

    try:
        hot_path = deps.tracking_hot_path()
        location = hot_path.click(token, hit_request(bp.current_request, hot_path.origin_secret))
    except Exception:  # building collaborators failed: a valid, unexpired token still redirects
        from chalicelib.logs import logger

        logger.warning("tracking click not recorded", exc_info=True)
        retention = deps.tracking_retention_seconds()
        location = destination(token, deps.tracking_keys(), deps.clock().now(), retention)
    if location is None:
        raise NotFound("No such link.")
    return Response(
        body="",
        status_code=302,
        headers={
            "Location": location,
            "Cache-Control": "no-store, private",
            "Referrer-Policy": "no-referrer",
        },
    )


@bp.route("/tracking/messages", methods=["POST"])
@documented(PREPARE)
def prepare_message() -> Response:
    import json

    from chalicelib import idempotency
    from chalicelib.tracking.models import PrepareMessage

    principal = deps.signed_in(bp.current_request)
    request = parse_body(PrepareMessage, bp.current_request)
    prepared = deps.tracking().prepare(
        principal,
        request,
        idempotency_key=idempotency.key_of(bp.current_request.headers),
        body=json.loads(bp.current_request.raw_body),
        lambda_context=bp.lambda_context,
    )
    return Response(
        body=prepared,
        status_code=201,
        headers={"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"},
    )


@bp.route("/tracking/messages/{message_id}", methods=["GET"])
@documented(REPORT)
def message_report(message_id: str) -> dict[str, Any]:
    return deps.tracking().report(deps.signed_in(bp.current_request), message_id)


@bp.route("/tracking/activity", methods=["GET"])
@documented(ACTIVITY)
def activity() -> dict[str, Any]:
    from chalicelib.tracking.models import ActivityQuery

    principal = deps.signed_in(bp.current_request)
    return deps.tracking().activity(principal, parse_query(ActivityQuery, bp.current_request))
