"""Email tracking routes: preparing messages, the pixel, the link redirect, and the reports.

The pixel and the redirect are the hot paths (DESIGN §4): they import only the token,
classifier and recorder code, never pydantic, and answer whatever happens to the recording.
"""

from __future__ import annotations

from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.errors import NotFound
from chalicelib.settings import get_settings
from chalicelib.web import RouteDoc, documented, parse_body, parse_query

MODELS = "chalicelib.tracking.models"

bp = Blueprint(__name__)


@bp.route("/t/o/{token}", methods=["GET", "HEAD"])
@documented(
    RouteDoc(
        summary="Open-tracking pixel: always a 1x1 transparent GIF, whatever the token",
        responses={200: None},
        tags=("tracking",),
        content_type="image/gif",
    )
)
def pixel(token: str) -> Response:
    from chalicelib.tracking.hits import GIF, PIXEL_HEADERS, hit_request

    try:
        deps.tracking_hot_path().open(token, hit_request(bp.current_request))
    except Exception:  # building collaborators failed (configuration): the GIF still goes out
        from chalicelib.logs import logger

        logger.warning("tracking pixel not recorded", exc_info=True)
    return Response(body=GIF, status_code=200, headers=dict(PIXEL_HEADERS))


@bp.route("/t/c/{token}", methods=["GET", "HEAD"])
@documented(
    RouteDoc(
        summary="Tracked link: 302 to the destination signed in the token, else 404",
        responses={302: None},
        tags=("tracking",),
    )
)
def click(token: str) -> Response:
    from chalicelib.tracking.hits import destination, hit_request

    try:
        location = deps.tracking_hot_path().click(token, hit_request(bp.current_request))
    except Exception:  # building collaborators failed: a valid token still redirects
        from chalicelib.logs import logger

        logger.warning("tracking click not recorded", exc_info=True)
        location = destination(token, deps.tracking_keys())
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
@documented(
    RouteDoc(
        summary="Prepare a message for tracking: one copy of the HTML per recipient",
        body=f"{MODELS}:PrepareMessage",
        responses={201: f"{MODELS}:PreparedMessage"},
        tags=("tracking",),
        auth=True,
    )
)
def prepare_message() -> Response:
    from chalicelib.sessions import authenticate
    from chalicelib.tracking import service
    from chalicelib.tracking.models import PrepareMessage

    principal = authenticate(bp.current_request)
    request = parse_body(PrepareMessage, bp.current_request)
    settings = get_settings()
    config = service.TrackingConfig(
        public_base_url=settings.public_base_url,
        retention_seconds=settings.tracking_retention_days * 86400,
    )
    prepared = service.prepare_message(
        deps.store(), deps.clock(), deps.tracking_keys(), config, principal, request
    )
    return Response(
        body=prepared,
        status_code=201,
        headers={"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"},
    )


@bp.route("/tracking/messages/{message_id}", methods=["GET"])
@documented(
    RouteDoc(
        summary="What happened to a tracked message, per recipient (its sender only)",
        responses={200: f"{MODELS}:MessageReport"},
        tags=("tracking",),
        auth=True,
    )
)
def message_report(message_id: str) -> dict[str, Any]:
    from chalicelib.sessions import authenticate
    from chalicelib.tracking import service
    from chalicelib.tracking.events import EventLog

    principal = authenticate(bp.current_request)
    event_log = EventLog(deps.dynamodb_client(), get_settings().table_name, deps.clock())
    return service.message_report(deps.store(), event_log, principal, message_id)


@bp.route("/tracking/activity", methods=["GET"])
@documented(
    RouteDoc(
        summary="The signed-in user's newest opens and clicks across messages",
        query=f"{MODELS}:ActivityQuery",
        responses={200: f"{MODELS}:Activity"},
        tags=("tracking",),
        auth=True,
    )
)
def activity() -> dict[str, Any]:
    from chalicelib.sessions import authenticate
    from chalicelib.tracking import service
    from chalicelib.tracking.models import ActivityQuery

    principal = authenticate(bp.current_request)
    query = parse_query(ActivityQuery, bp.current_request)
    return service.activity(
        deps.store(), principal, since=query.since, limit=query.limit, cursor=query.cursor
    )
