"""Calendar sync routes (docs/calendar.md) and the schedule's and worker's entry points
(declared in app.py: a blueprint's schedule would skip the middleware, PITFALLS)."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps, metrics, outcomes
from chalicelib.web import RouteDoc, documented, parse_body

MODELS = "chalicelib.calendar.models"
_SIGNED_IN = partial(RouteDoc, tags=("calendar",), auth=True)
GET = _SIGNED_IN(
    "The caller's calendar sync: settings and status", {200: f"{MODELS}:CalendarSyncAnswer"}
)
PUT = _SIGNED_IN(
    "Turn calendar sync on (a connection with the calendar scope is needed) or off (its state "
    "and pairs are deleted)",
    {200: f"{MODELS}:CalendarSyncAnswer"},
    body=f"{MODELS}:CalendarSyncRequest",
)
RUN = _SIGNED_IN("Queue the caller's calendar sync now", {202: f"{MODELS}:CalendarSyncRun"})

bp = Blueprint(__name__)


@bp.route("/me/calendar-sync", methods=["GET"])
@documented(GET)
def get_calendar_sync() -> dict[str, Any]:
    principal = deps.signed_in(bp.current_request)
    answer: dict[str, Any] = deps.calendar_sync().view(principal.org_id, principal.user_id)
    return answer


@bp.route("/me/calendar-sync", methods=["PUT"])
@documented(PUT)
def put_calendar_sync() -> dict[str, Any]:
    from chalicelib.calendar.models import CalendarSyncRequest

    request = bp.current_request
    principal = deps.signed_in(request)
    wanted = parse_body(CalendarSyncRequest, request)
    answer: dict[str, Any] = deps.calendar_sync().configure(
        principal.org_id,
        principal.user_id,
        enabled=wanted.enabled,
        provider=wanted.provider,
        calendar_id=wanted.calendar_id,
        direction=wanted.direction,
    )
    return answer


@bp.route("/me/calendar-sync/run", methods=["POST"])
@documented(RUN)
def run_calendar_sync() -> Response:
    principal = deps.signed_in(bp.current_request)
    deps.calendar_sync().request_run(principal.org_id, principal.user_id)
    return Response(body={"queued": True}, status_code=202)


def fan_out() -> dict[str, int]:
    """The schedule (app.py's `@app.schedule`): one message per user with sync on."""
    try:
        done = deps.calendar_sync().fan_out()
        return {"users": done.users, "pages": done.pages}
    finally:
        metrics.flush(force=True)


def handle_messages(event: Any) -> dict[str, Any]:
    """The worker (app.py's `@app.on_sqs_message`): one user per message, partial batch
    failures reported."""
    try:
        records = [record.to_dict() for record in event]
        metrics.record_queue_wait(records, metrics.CALENDAR_SYNC_LAG)  # the sync lag (issue 13)
        context = getattr(event, "context", None)
        remaining = (
            context.get_remaining_time_in_millis() / 1000.0
            if context is not None and hasattr(context, "get_remaining_time_in_millis")
            else None
        )
        answer: dict[str, Any] = deps.calendar_sync().handle_batch(records, remaining)
        return answer
    finally:
        metrics.flush(force=True)
        deps.usage().flush(force=True)  # the events it synced, for the dashboard
        outcomes.flush()  # the provider calls it made, for the status page
