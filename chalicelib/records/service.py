"""Records: the signature parser behind its setting, and new Leads and Contacts created as the
user (docs/records.md, "API").

Every Salesforce call uses the user's own connection, so Salesforce's required fields,
field-level security, validation rules and duplicate rules apply: we create nothing the user
could not. An `Idempotency-Key` stores only a reference to what was created (its id and type,
and a Contact's Account id); the answer is rendered from it and from the request's body, which
a replay must repeat (the idempotency layer compares its digest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from chalicelib import metrics
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.hooks import RecordCreated
from chalicelib.idempotency import Idempotency, body_tag, in_progress
from chalicelib.logs import logger
from chalicelib.providers.salesforce import soql
from chalicelib.providers.salesforce.client import (
    Deadline,
    SalesforceApiError,
    SalesforceClient,
    to_stratus_error,
)
from chalicelib.providers.salesforce.ids import case_safe
from chalicelib.records.attempts import (
    Attempts,
    account_created_since,
    ambiguous,
    created_since,
)
from chalicelib.records.models import NewContact, NewLead, ParseSignature
from chalicelib.records.signatures import parse_signature
from chalicelib.sessions import Principal

#: the form's names -> the Salesforce field that keeps them, per object (standard fields only)
_PERSON = {
    "first_name": "FirstName",
    "last_name": "LastName",
    "title": "Title",
    "email": "Email",
    "phone": "Phone",
    "mobile": "MobilePhone",
    "fax": "Fax",
}
LEAD_FIELDS: Mapping[str, str] = {
    **_PERSON,
    "company": "Company",
    "website": "Website",
    "street": "Street",
    "city": "City",
    "state": "State",
    "postal_code": "PostalCode",
    "country": "Country",
}
CONTACT_FIELDS: Mapping[str, str] = {
    **_PERSON,
    "street": "MailingStreet",
    "city": "MailingCity",
    "state": "MailingState",
    "postal_code": "MailingPostalCode",
    "country": "MailingCountry",
}
#: request members that are options, not fields of the record
_OPTIONS = frozenset({"allow_duplicates", "account_id", "account_name", "create_account"})
DUPLICATE_RULE_HEADER = "Sforce-Duplicate-Rule-Header"
#: idempotency route names (the offline queue uses the same: one request, one key)
LEADS_ROUTE = "records_leads"
CONTACTS_ROUTE = "records_contacts"
_MAX_DUPLICATES = 25
#: what a duplicate rule may match for a new Lead, Contact or (with a Contact) Account
_MATCHED_KINDS = frozenset({"Lead", "Contact", "Account"})
#: DUPLICATES_DETECTED's result key: the docs spell it `duplicateResult`
#: (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_duplicateerror.htm),
#: but real orgs have been recorded answering `duplicateResut` (sic): a captured REST answer
#: `[{"duplicateResut": {"allowSave": true, "duplicateRule": "Contacts_DR", ...}}]` in a
#: connector's tests, RestAssured tests asserting `[0].duplicateResut.duplicateRule` on
#: `POST /services/data/v51.0/sobjects/Lead`, and clients that read either key (public code
#: found by searching "duplicateResut"). Read both.
_DUPLICATE_RESULT_KEYS = ("duplicateResult", "duplicateResut")


class ClientFor(Protocol):
    def __call__(self, org_id: str, user_id: str) -> SalesforceClient: ...


@dataclass(frozen=True)
class Created:
    """The answer of `POST /records/*` (201)."""

    status: int
    body: dict[str, Any]


@dataclass(frozen=True)
class _Attempt:
    """One request's attempt under its Idempotency-Key (None: no key, nothing to mark)."""

    principal: Principal
    route: str
    key: str | None
    body: str  # the body's idempotency.body_tag (an HMAC under the key): never the body


def _attempt(principal: Principal, route: str, key: str | None, body: Any) -> _Attempt:
    return _Attempt(principal, route, key, body_tag(key, body) if key is not None else "")


_NewRecord = TypeVar("_NewRecord", NewLead, NewContact, contravariant=True)


class RecordCreation(Protocol[_NewRecord]):
    """`Records.create_lead` or `Records.create_contact`, unbound: the route and the offline
    replay each take one, so both kinds go through the same parse, key and reply code."""

    def __call__(
        self,
        records: Records,
        principal: Principal,
        request: _NewRecord,
        /,
        *,
        idempotency_key: str | None,
        body: Any,
        lambda_context: Any = None,
        deadline: Deadline | None = None,
    ) -> Created: ...


class Records:
    """The records feature."""

    def __init__(
        self,
        client_for: ClientFor,
        idempotency: Idempotency,
        extraction_enabled: Callable[[str, str], bool],
        record_created: Callable[[RecordCreated], None],
        attempts: Attempts,
        recorder: metrics.MetricsRecorder | None = None,
    ) -> None:
        self._client_for = client_for
        self._metrics = recorder if recorder is not None else metrics.recorder()
        self._attempts = attempts  # exactly once when an insert's answer was lost
        self._idempotency = idempotency
        self._extraction_enabled = extraction_enabled  # (org, user): the effective setting
        self._record_created = record_created

    # -- POST /signatures/parse ------------------------------------------------------------------
    def parse_signature(self, principal: Principal, request: ParseSignature) -> dict[str, Any]:
        """The signature's fields; nothing of the text is kept or logged."""
        if not self._extraction_enabled(principal.org_id, principal.user_id):
            raise StratusError(
                ErrorCode.SIGNATURE_EXTRACTION_DISABLED,
                "Signature extraction is turned off for this user or org.",
                403,
            )
        result = parse_signature(
            request.text, request.html, request.sender.email, request.sender.name
        )
        return {
            "fields": dict(result.fields),
            "confidence": dict(result.confidence),
            "signature": result.signature,
        }

    # -- POST /records/leads, /records/contacts --------------------------------------------------
    def create_lead(
        self,
        principal: Principal,
        request: NewLead,
        *,
        idempotency_key: str | None,
        body: Any,
        lambda_context: Any = None,
        deadline: Deadline | None = None,
    ) -> Created:
        """A new Lead, once per Idempotency-Key (even when Salesforce's answer was lost);
        `deadline`: when its Salesforce calls must have ended (the offline queue's)."""

        def once() -> dict[str, Any]:
            client = self._client(principal, deadline)
            values = _values(request, LEAD_FIELDS)
            attempt = _attempt(principal, LEADS_ROUTE, idempotency_key, body)
            found = self._saved_before(attempt, client, values, "Lead")
            if found is not None:
                reference = {"id": str(found["Id"]), "type": "Lead"}
            else:
                with self._outcome(attempt):
                    reference = {"id": _insert(client, "Lead", values, request), "type": "Lead"}
            self._created(attempt, reference["id"])
            return self._announced(principal, request, reference)

        reference = self._idempotency.run(
            principal.org_id,
            principal.user_id,
            LEADS_ROUTE,
            idempotency_key,
            body,
            once,
            lambda_context,
        )
        return _answer(reference, request, LEAD_FIELDS)

    def create_contact(
        self,
        principal: Principal,
        request: NewContact,
        *,
        idempotency_key: str | None,
        body: Any,
        lambda_context: Any = None,
        deadline: Deadline | None = None,
    ) -> Created:
        """A new Contact of an Account (found, or created with it all or none), once per
        Idempotency-Key (even when Salesforce's answer was lost); `deadline` as for a Lead."""

        def once() -> dict[str, Any]:
            client = self._client(principal, deadline)
            values = _values(request, CONTACT_FIELDS)
            attempt = _attempt(principal, CONTACTS_ROUTE, idempotency_key, body)
            found = self._saved_before(attempt, client, values, "Contact")
            if found is not None:
                reference = {
                    "id": str(found["Id"]),
                    "type": "Contact",
                    "account": found.get("AccountId"),
                    "account_created": account_created_since(
                        found, principal.user_id, float(found["_since"])
                    ),
                }
                self._created(attempt, str(found["Id"]))
                return self._announced(principal, request, reference)
            with self._outcome(attempt, nothing_sent=True):  # a query: no insert yet
                account_id, new_account = _account(client, request)
            with self._outcome(attempt):
                account_id, record_id = _insert_contact(
                    client, values, request, account_id, new_account
                )
            reference = {
                "id": record_id,
                "type": "Contact",
                "account": account_id,
                "account_created": new_account is not None,
            }
            self._created(attempt, record_id)
            return self._announced(principal, request, reference)

        reference = self._idempotency.run(
            principal.org_id,
            principal.user_id,
            CONTACTS_ROUTE,
            idempotency_key,
            body,
            once,
            lambda_context,
        )
        return _answer(reference, request, CONTACT_FIELDS)

    def _client(self, principal: Principal, deadline: Deadline | None) -> SalesforceClient:
        client = self._client_for(principal.org_id, principal.user_id)
        client.deadline = deadline
        return client

    def _saved_before(
        self, attempt: _Attempt, client: SalesforceClient, values: dict[str, Any], sobject: str
    ) -> dict[str, Any] | None:
        """The record an earlier attempt under this key saved although its answer was lost
        (attempts.py), with `_since`: when that attempt began; None without a key, on a first
        attempt (marked now, before anything is sent) or when nothing was saved. 409
        request_in_progress while an unknown outcome may still commit, record_outcome_ambiguous
        when more than one record not answered under another key may be it; 422 for another
        body."""
        if attempt.key is None:
            return None
        org_id, user_id = attempt.principal.org_id, attempt.principal.user_id
        earlier = self._attempts.begin(org_id, user_id, attempt.route, attempt.key, attempt.body)
        if earlier is None:
            return None
        taken = self._attempts.taken(org_id, user_id, attempt.route, attempt.key)
        found = created_since(client, sobject, values, user_id, earlier.first_at, taken)
        if len(found) > 1:
            raise ambiguous(sobject, found)
        if found:
            return {**found[0], "_since": earlier.first_at}
        wait = self._attempts.wait_seconds(earlier)
        if wait > 0:
            raise in_progress(wait)
        self._attempts.again(org_id, user_id, attempt.route, attempt.key)
        return None

    @contextmanager
    def _outcome(self, attempt: _Attempt, *, nothing_sent: bool = False) -> Iterator[None]:
        """Mark the attempt refused when what runs inside got a definite answer that saved
        nothing (or, `nothing_sent`, sends no insert), so a replay runs again instead of
        looking for a record (H1 of review 14b); an unknown outcome (no answer, a 5xx after
        sending) keeps the marker as it is."""
        try:
            yield
        except StratusError as exc:
            if attempt.key is not None and (nothing_sent or _definite(exc)):
                self._mark_refused(attempt)
            raise

    def _created(self, attempt: _Attempt, record_id: str) -> None:
        """Keep the record's id on the key's marker, so that another key's replay never takes
        it for its own lost insert. Salesforce saved it: a failure here is logged by type only
        (that replay may then find one candidate more: ambiguous, or this one)."""
        if attempt.key is None:
            return
        principal = attempt.principal
        try:
            self._attempts.created(
                principal.org_id, principal.user_id, attempt.route, attempt.key, record_id
            )
        except Exception as exc:
            logger.warning("record attempt not completed", extra={"error": type(exc).__name__})

    def _mark_refused(self, attempt: _Attempt) -> None:
        assert attempt.key is not None
        principal = attempt.principal
        try:
            self._attempts.refused(principal.org_id, principal.user_id, attempt.route, attempt.key)
        except Exception as exc:  # the refusal is still the answer; a replay reconciles
            logger.warning("record attempt not marked", extra={"error": type(exc).__name__})

    def _announced(
        self, principal: Principal, request: NewLead | NewContact, reference: dict[str, Any]
    ) -> dict[str, Any]:
        """Tell the lookup (through the hook) that the address is now this record. Salesforce
        saved it: a failure here (the table) costs at most a stale cached lookup, never the
        answer (logged by type only, counted)."""
        if request.email:
            event = RecordCreated(
                principal.org_id,
                principal.user_id,
                request.email,
                str(reference["type"]),
                str(reference["id"]),
            )
            try:
                self._record_created(event)
            except Exception as exc:
                logger.warning("record_created not told", extra={"error": type(exc).__name__})
                self._metrics.add(metrics.RECORD_CREATED_HOOK_FAILURES)
        return reference


def _duplicate_headers(request: NewLead | NewContact) -> dict[str, str]:
    """Salesforce's duplicate rule header (REST API 52.0+). `runAsCurrentUser=true` always: the
    rules then match only records the user can see, so a 409 never names a record hidden from
    them ("false: use the system sharing rules",
    https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm);
    `allowSave=true` when the user chose to save past an alert."""
    if request.allow_duplicates:
        return {DUPLICATE_RULE_HEADER: "allowSave=true; runAsCurrentUser=true"}
    return {DUPLICATE_RULE_HEADER: "runAsCurrentUser=true"}


def _definite(exc: StratusError) -> bool:
    """Whether an error is an answer that saved nothing: a 4xx (Salesforce refused, or we did
    before sending), Salesforce's limit or throttle (503: refused before any work), or too
    little time left to send it (not_run). A 502 (no answer, or a 5xx after sending) is not:
    the insert may have been saved."""
    if exc.code is ErrorCode.NOT_RUN:
        return True
    return exc.status < 500 or (isinstance(exc, SalesforceApiError) and exc.status == 503)


def _insert(
    client: SalesforceClient, sobject: str, values: dict[str, Any], request: NewLead | NewContact
) -> str:
    """Insert as the user; the new record's id."""
    try:
        created = client.create(sobject, values, _duplicate_headers(request))
    except SalesforceApiError as exc:
        raise _refusal(client, exc, request) from None
    return str(created.get("id") or "")


def _insert_contact(
    client: SalesforceClient,
    values: dict[str, Any],
    request: NewContact,
    account_id: str | None,
    new_account: str | None,
) -> tuple[str | None, str]:
    """Insert the Contact (with its new Account when one is to be created); (account id,
    contact id)."""
    if new_account is not None:
        return _insert_with_account(client, new_account, values, request)
    if account_id is not None:
        values["AccountId"] = account_id
    return account_id, _insert(client, "Contact", values, request)


def _insert_with_account(
    client: SalesforceClient, account_name: str, values: dict[str, Any], request: NewContact
) -> tuple[str, str]:
    """A new Account and its Contact in one Composite call with allOrNone, so a refused Contact
    leaves no Account behind (and one API call fewer); (account id, contact id). The duplicate
    rule header goes in each subrequest's own httpHeaders (the Account has duplicate rules too:
    Salesforce's standard one is active by default): subrequests inherit only Accept,
    Authorization and Content-Type
    (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_subrequest.htm)."""
    headers = _duplicate_headers(request)
    account = {
        "method": "POST",
        "url": f"{client.data_path}/sobjects/Account",
        "referenceId": "account",
        "body": {"Name": account_name},
        "httpHeaders": headers,
    }
    contact: dict[str, Any] = {
        "method": "POST",
        "url": f"{client.data_path}/sobjects/Contact",
        "referenceId": "contact",
        "body": {**values, "AccountId": "@{account.id}"},
        "httpHeaders": headers,
    }
    replies = client.composite([account, contact], all_or_none=True)
    failed = [r for r in replies if int(r.get("httpStatusCode") or 0) >= 400]
    if failed:
        cause = next((r for r in failed if not _halted(r)), failed[0])
        error = to_stratus_error(int(cause.get("httpStatusCode") or 400), cause.get("body"))
        raise _refusal(client, error, request, on_account=cause.get("referenceId") == "account")
    ids = {str(r.get("referenceId")): str((r.get("body") or {}).get("id") or "") for r in replies}
    return ids["account"], ids["contact"]


def _halted(reply: Mapping[str, Any]) -> bool:
    """A subrequest rolled back or never run because another one failed (allOrNone)."""
    body = reply.get("body")
    first = body[0] if isinstance(body, list) and body and isinstance(body[0], dict) else {}
    return first.get("errorCode") == "PROCESSING_HALTED"


def _values(request: NewLead | NewContact, mapping: Mapping[str, str]) -> dict[str, Any]:
    """The Salesforce fields of the request's non-empty fields."""
    sent = request.model_dump(exclude_none=True)
    return {mapping[name]: value for name, value in sent.items() if name in mapping and value != ""}


def _answer(
    reference: Mapping[str, Any], request: NewLead | NewContact, mapping: Mapping[str, str]
) -> Created:
    record: dict[str, Any] = {"id": reference["id"], "type": reference["type"]}
    if reference["type"] == "Contact":
        record["account_id"] = reference.get("account")
        record["account_created"] = bool(reference.get("account_created"))
    sent = request.model_dump(exclude_none=True)
    not_saved = sorted(
        name
        for name, value in sent.items()
        if name not in mapping
        and name not in _OPTIONS
        and value != ""
        and not (name == "company" and reference["type"] == "Contact")
    )
    return Created(201, {"record": record, "not_saved": not_saved})


# -- the Contact's Account ------------------------------------------------------------------------
def _account(client: SalesforceClient, request: NewContact) -> tuple[str | None, str | None]:
    """The Contact's Account: (its id, None) for `account_id` as given (Salesforce checks that
    the user sees it) or the oldest Account of that name the user sees (`account_name`, else
    `company`); (None, the name) when it is to be created with the Contact
    (`create_account`); (None, None) for a private Contact."""
    if request.account_id is not None:
        return request.account_id, None
    name = (request.account_name or request.company or "").strip()
    if not name:
        return None, None  # a private Contact (no Account), as Salesforce allows
    found = client.query(
        "SELECT Id FROM Account WHERE Name = "
        + soql.literal(name)
        + " ORDER BY CreatedDate ASC LIMIT 1"
    )
    records = found.get("records") or []
    if records:
        return str(records[0]["Id"]), None
    if not request.create_account:
        raise StratusError(
            ErrorCode.ACCOUNT_NOT_FOUND,
            "No Account of that name is visible to you; send create_account: true to create it.",
            400,
            details={"field": "account_name" if request.account_name else "company"},
        )
    return None, name


# -- Salesforce's refusals ------------------------------------------------------------------------
def _refusal(
    client: SalesforceClient,
    error: SalesforceApiError,
    request: NewLead | NewContact,
    *,
    on_account: bool = False,
) -> StratusError:
    """Salesforce's refusal as our answer: duplicates 409 with the matches; a rule, a required
    field or field-level security 400 with Salesforce's message and field (`on_account`: the
    new Account's, whose Name is our `account_name` or `company`); the rest as is."""
    if error.sf_code == "DUPLICATES_DETECTED":
        return _duplicates(client, error)
    first = error.errors[0] if error.errors else {}
    if error.sf_code == "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" and isinstance(
        request, NewContact
    ):
        return _hidden_account(first, error.sf_code)
    if error.code is ErrorCode.SALESFORCE_FORBIDDEN:
        return _forbidden(first, error)
    if error.code is not ErrorCode.SALESFORCE_REJECTED:
        return error  # limits and outages (503/502), reauth (401)
    fields = [str(f) for f in first.get("fields") or [] if isinstance(f, str)]
    mapping = LEAD_FIELDS if isinstance(request, NewLead) else CONTACT_FIELDS
    ours = {v: k for k, v in mapping.items()}
    if on_account and isinstance(request, NewContact):
        ours = {"Name": "account_name" if request.account_name else "company"}
    details: dict[str, Any] = {"salesforce_code": error.sf_code}
    if fields:
        details["field"] = ours.get(fields[0], fields[0])
        details["salesforce_fields"] = fields
    return StratusError(ErrorCode.SALESFORCE_REJECTED, error.message, 400, details=details)


def _forbidden(first: Mapping[str, Any], error: SalesforceApiError) -> StratusError:
    """403: the user's profile may not do this (e.g. no Create on Lead, Contact or Account).
    Salesforce's message names the object, so the user knows what to ask their admin for."""
    return StratusError(
        ErrorCode.SALESFORCE_FORBIDDEN,
        str(first.get("message") or error.message)[:300],
        403,
        details={"salesforce_code": error.sf_code},
    )


def _hidden_account(first: Mapping[str, Any], sf_code: str) -> StratusError:
    """The Contact's `account_id` names an Account the user may not see (or use): Salesforce's
    message, our field."""
    return StratusError(
        ErrorCode.SALESFORCE_REJECTED,
        str(first.get("message") or "You cannot use that Account.")[:300],
        400,
        details={"salesforce_code": sf_code, "field": "account_id"},
    )


def _duplicates(client: SalesforceClient, error: SalesforceApiError) -> StratusError:
    """409 with the records the duplicate rule matched: their name and email read as the user
    (one Composite call), so a record the user cannot see shows its id and type only."""
    result: dict[str, Any] = next(
        (
            e[key]
            for e in error.errors
            for key in _DUPLICATE_RESULT_KEYS
            if isinstance(e.get(key), dict)
        ),
        {},
    )
    matches: list[tuple[str, str]] = []
    for match in result.get("matchResults") or []:
        for found in match.get("matchRecords") or []:
            record = found.get("record") or {}
            record_id = case_safe(str(record.get("Id") or ""))
            kind = str((record.get("attributes") or {}).get("type") or match.get("entityType"))
            if record_id is not None and kind in _MATCHED_KINDS:
                matches.append((record_id, kind))
    matches = list(dict.fromkeys(matches))[:_MAX_DUPLICATES]
    details = _seen(client, matches)
    allow_save = bool(result.get("allowSave"))
    return StratusError(
        ErrorCode.DUPLICATES_DETECTED,
        str(result.get("errorMessage") or error.message)
        + (" Send allow_duplicates: true to save anyway." if allow_save else ""),
        409,
        details={
            "duplicates": [
                {"id": rid, "type": kind, **details.get(rid, {"name": None, "email": None})}
                for rid, kind in matches
            ],
            "allow_duplicates": allow_save,
        },
    )


def _seen(client: SalesforceClient, matches: list[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Name and email of the matched records the user can read, by id (an Account has no
    email)."""
    by_type: dict[str, list[str]] = {}
    for match_id, kind in matches:
        by_type.setdefault(kind, []).append(match_id)
    if not by_type:
        return {}
    subrequests = [
        client.query_subrequest(
            kind,
            f"SELECT {'Id, Name' if kind == 'Account' else 'Id, Name, Email'} FROM {kind}"
            " WHERE Id IN (" + ", ".join(soql.id_literal(i) for i in ids) + ")",
        )
        for kind, ids in by_type.items()
    ]
    seen: dict[str, dict[str, Any]] = {}
    try:
        replies = client.composite(subrequests)
    except StratusError:
        return seen  # the 409 is still right; the names are a courtesy
    for reply in replies:
        body = reply.get("body") if int(reply.get("httpStatusCode") or 0) == 200 else None
        for record in (body or {}).get("records") or []:
            record_id = case_safe(str(record.get("Id") or ""))
            if record_id is not None:
                seen[record_id] = {"name": record.get("Name"), "email": record.get("Email")}
    return seen
