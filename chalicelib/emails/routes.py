"""Email logging routes (docs/email.md) and the queue worker's entry point (declared in app.py)."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps, idempotency, metrics, outcomes
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.web import RouteDoc, documented, parse_body

MODELS = "chalicelib.emails.models"
_SIGNED_IN = partial(RouteDoc, tags=("emails",), auth=True)
LOG = _SIGNED_IN(
    "Log an email to Salesforce: a Gmail or Outlook message (queued: 202) or one the client "
    "holds (logged within the request: 201). `Idempotency-Key` makes a replay answer the same",
    {201: f"{MODELS}:JobAnswer", 202: f"{MODELS}:JobAnswer"},
    body=f"{MODELS}:LogEmailRequest",
)
JOB = _SIGNED_IN("An email-logging job of the caller's", {200: f"{MODELS}:JobAnswer"})

bp = Blueprint(__name__)


@bp.route("/emails", methods=["POST"])
@documented(LOG)
def log_email() -> Response:
    from chalicelib.emails.models import MAX_REQUEST_BYTES, LogEmailRequest
    from chalicelib.providers.salesforce.client import GATEWAY_TIMEOUT, deadline_within

    # a client-held email's calls (matching, activity, uploads) could outlast API Gateway's 29 s
    deadline = deadline_within(GATEWAY_TIMEOUT)
    request = bp.current_request
    if len(request.raw_body or b"") > MAX_REQUEST_BYTES:
        raise StratusError(
            ErrorCode.MESSAGE_TOO_LARGE,
            "The request is over 5 MB: log the email from its mailbox (source gmail or outlook) "
            "or without its largest attachments.",
            413,
        )
    principal = deps.signed_in(request)
    parsed = parse_body(LogEmailRequest, request).root
    key = idempotency.key_of(request.headers)
    submitted = deps.email_logging().submit(
        principal,
        parsed,
        idempotency_key=key,
        body=json.loads(request.raw_body),
        lambda_context=bp.lambda_context,
        deadline=deadline,
    )
    job = submitted.job
    return Response(
        body={"job": job.view()},
        status_code=submitted.status,
        headers={"Location": f"/emails/jobs/{job.job_id}"},
    )


@bp.route("/emails/jobs/{job_id}", methods=["GET"])
@documented(JOB)
def get_job(job_id: str) -> dict[str, Any]:
    principal = deps.signed_in(bp.current_request)
    return {"job": deps.email_logging().job(principal, job_id).view()}


def handle_job_messages(event: Any) -> dict[str, Any]:
    """The SQS worker (app.py's `@app.on_sqs_message`): one job per message, partial batch
    failures reported so that one failing job never runs the others again."""
    context = getattr(event, "context", None)
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    try:
        return deps.email_logging().handle_batch([record.to_dict() for record in event], remaining)
    finally:
        metrics.flush(force=True)
        deps.usage().flush(force=True)
        outcomes.flush()  # the provider calls it made, for the status page
