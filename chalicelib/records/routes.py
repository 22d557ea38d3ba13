"""Records routes: a signature parsed into contact fields, new Leads and Contacts
(docs/records.md, "API")."""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from chalice.app import Blueprint, Request, Response

from chalicelib import deps, idempotency
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.web import RouteDoc, documented, json_response, parse_body

if TYPE_CHECKING:
    from chalicelib.records.models import NewContact, NewLead
    from chalicelib.records.service import RecordCreation

NewRecord = TypeVar("NewRecord", "NewLead", "NewContact")

MODELS = "chalicelib.records.models"
_SIGNED_IN = partial(RouteDoc, tags=("records",), auth=True)
PARSE = _SIGNED_IN(
    "The contact fields of an email's signature, parsed by Stratus itself (nothing is stored "
    "or logged; 403 signature_extraction_disabled when turned off)",
    {200: f"{MODELS}:ParsedSignature"},
    body=f"{MODELS}:ParseSignature",
)
_CREATE = (
    " as the signed-in user: Salesforce's required fields, field-level security, validation "
    "and duplicate rules apply (400 with Salesforce's message and field; 409 "
    "duplicates_detected with the matches). `Idempotency-Key` makes a replay answer the same"
)
LEAD = _SIGNED_IN(
    "Create a Lead" + _CREATE, {201: f"{MODELS}:CreatedRecord"}, body=f"{MODELS}:NewLead"
)
CONTACT = _SIGNED_IN(
    "Create a Contact of an Account (by id, by name, or created)" + _CREATE,
    {201: f"{MODELS}:CreatedRecord"},
    body=f"{MODELS}:NewContact",
)

bp = Blueprint(__name__)


def _refuse_if_over(request: Request, limit: int) -> None:
    if len(request.raw_body or b"") > limit:
        raise StratusError(
            ErrorCode.PAYLOAD_TOO_LARGE, f"The request is over {limit // 1024} KB.", 413
        )


@bp.route("/signatures/parse", methods=["POST"])
@documented(PARSE)
def parse_signature() -> dict[str, Any]:
    from chalicelib.records.models import MAX_PARSE_BYTES, ParseSignature

    request = bp.current_request
    _refuse_if_over(request, MAX_PARSE_BYTES)
    principal = deps.signed_in(request)
    return deps.records().parse_signature(principal, parse_body(ParseSignature, request))


def _create_record(model: type[NewRecord], create: RecordCreation[NewRecord]) -> Response:
    """A Lead's and a Contact's route differ only in the model and the service method: one
    path, so both keep the same size limit, sign-in check, idempotency key and reply."""
    from chalicelib.providers.salesforce.client import GATEWAY_TIMEOUT, deadline_within
    from chalicelib.records.models import MAX_RECORD_BYTES

    # a Contact's Account query (retried) and its insert could outlast API Gateway's 29 s
    deadline = deadline_within(GATEWAY_TIMEOUT)
    request = bp.current_request
    _refuse_if_over(request, MAX_RECORD_BYTES)
    principal = deps.signed_in(request)
    created = create(
        deps.records(),
        principal,
        parse_body(model, request),
        idempotency_key=idempotency.key_of(request.headers),
        body=json.loads(request.raw_body),
        lambda_context=bp.lambda_context,
        deadline=deadline,
    )
    return json_response(created.body, created.status)


@bp.route("/records/leads", methods=["POST"])
@documented(LEAD)
def create_lead() -> Response:
    from chalicelib.records.models import NewLead
    from chalicelib.records.service import Records

    return _create_record(NewLead, Records.create_lead)


@bp.route("/records/contacts", methods=["POST"])
@documented(CONTACT)
def create_contact() -> Response:
    from chalicelib.records.models import NewContact
    from chalicelib.records.service import Records

    return _create_record(NewContact, Records.create_contact)
