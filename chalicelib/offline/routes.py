"""`POST /actions`: the mobile app's offline queue (docs/records.md, "The offline queue")."""

from __future__ import annotations

from typing import Any

from chalice.app import Blueprint

from chalicelib import deps
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.web import RouteDoc, documented, parse_body

MODELS = "chalicelib.offline.models"
RUN = RouteDoc(
    "Replay up to 25 queued requests (POST /emails, /records/leads, /records/contacts, "
    "/tracking/messages), each exactly once by its key (the same store as Idempotency-Key), in "
    "order; a failure stops only the actions that depend on it",
    {200: f"{MODELS}:ActionResults"},
    body=f"{MODELS}:ActionBatch",
    tags=("offline",),
    auth=True,
)

bp = Blueprint(__name__)


@bp.route("/actions", methods=["POST"])
@documented(RUN)
def run_actions() -> dict[str, Any]:
    from chalicelib.offline.models import MAX_BATCH_BYTES, ActionBatch

    request = bp.current_request
    if len(request.raw_body or b"") > MAX_BATCH_BYTES:
        raise StratusError(
            ErrorCode.PAYLOAD_TOO_LARGE,
            "The batch is over 5 MB: send fewer actions at a time.",
            413,
        )
    principal = deps.signed_in(request)
    batch = parse_body(ActionBatch, request)
    return {"results": deps.offline_queue().run(principal, batch, bp.lambda_context)}
