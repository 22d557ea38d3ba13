"""Exactly once when Salesforce's answer to an insert is lost (docs/records.md, "Exactly once").

The idempotency layer deletes its record when the request fails, and a timeout or a 5xx after
the insert was sent is a failure whose outcome we do not know: Salesforce may have saved the
record, or may still be saving it (it goes on after our client gave up). So before inserting
under an `Idempotency-Key` we write our own marker (the attempt's time and the body's
`idempotency.body_tag`, an HMAC under the key: a copy of the table cannot test a guessed name
or address against it; under the key hashed with the route). A definite answer (Salesforce
refused: 4xx; or we refused before sending) marks it `refused`: nothing was saved, and a
replay simply runs again. A success keeps the id it answered (`created`). Otherwise a later
attempt asks Salesforce first for the user's records of the same natural key (the email, else
the name) created since the first attempt, less those another key's marker answered: one is
the answer; more than one is 409 `record_outcome_ambiguous` (we do not guess); none while the
latest attempt is younger than SETTLE_SECONDS is 409 `request_in_progress` with Retry-After
instead of an insert (a late commit would make two). The same key with another body is 422
`idempotency_key_reused`, whatever the first attempt's outcome. The same pattern as the email
logging's pending marker (chalicelib/emails/log.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, ErrorCode, StratusError
from chalicelib.idempotency import SETTLE_SECONDS, WINDOW_SECONDS, key_reused
from chalicelib.providers.salesforce import soql
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.store import keys
from chalicelib.store.table import Store

#: Salesforce's clock and ours may differ; CreatedDate has whole seconds
CLOCK_MARGIN_SECONDS = 120
_REFUSED = "refused"
_EXISTS = "attribute_exists(pk)"
#: a user's records of one natural key created since an attempt: more than one of them not
#: answered under another key is ambiguous anyway, so a few suffice
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class Earlier:
    """An earlier attempt under the key whose outcome is unknown."""

    first_at: float  # when the first attempt began: a saved record was created since
    last_at: float  # when the latest began: the settle window runs from here


class Attempts:
    """The attempt markers of record inserts under an Idempotency-Key."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def begin(self, org_id: str, user_id: str, route: str, key: str, body: str) -> Earlier | None:
        """Mark an attempt now; the earlier attempt whose outcome is unknown, or None (the
        first, or the earlier ones were refused). 422 when the key came with another body
        (`body`: its idempotency.body_tag)."""
        pk, sk = _marker_key(org_id, user_id, route, key)
        now = int(self._clock.now())
        # `attempt` makes each attempt's item its own (put_if_absent takes an identical item
        # for a retry of its own write)
        item = {
            "pk": pk,
            "sk": sk,
            "first_at": now,
            "attempted_at": now,
            "body": body,
            "attempt": secrets.token_hex(8),
            "expires_at": now + WINDOW_SECONDS,
        }
        try:
            self._store.put_if_absent(item)
            return None
        except ConditionFailed:
            found = self._store.get((pk, sk))
        if found is not None and not hmac.compare_digest(str(found.get("body", body)), body):
            raise key_reused()
        if found is None or found.get("outcome") == _REFUSED:
            # nothing was saved: this attempt is a first one (the request's idempotency
            # record serialises attempts under one key, so no condition is needed)
            self._store.put(item)
            return None
        last_at = float(found["attempted_at"])
        return Earlier(float(found.get("first_at") or last_at), last_at)

    def wait_seconds(self, earlier: Earlier) -> int:
        """How long a replay that found no record must still wait (0: settled)."""
        left = earlier.last_at + SETTLE_SECONDS - self._clock.now()
        return max(0, math.ceil(left))

    def again(self, org_id: str, user_id: str, route: str, key: str) -> None:
        """A new attempt after an unknown outcome settled with nothing saved."""
        self._store.update(
            _marker_key(org_id, user_id, route, key),
            "SET attempted_at = :now, attempt = :attempt",
            {":now": int(self._clock.now()), ":attempt": secrets.token_hex(8)},
            condition=_EXISTS,
        )

    def created(self, org_id: str, user_id: str, route: str, key: str, record_id: str) -> None:
        """The record this key answered: another key's replay never takes it for its own."""
        with contextlib.suppress(ConditionFailed):  # expired meanwhile: nothing to keep
            self._store.update(
                _marker_key(org_id, user_id, route, key),
                "SET created = :id",
                {":id": record_id},
                condition=_EXISTS,  # never an item without its TTL
            )

    def taken(self, org_id: str, user_id: str, route: str, key: str) -> frozenset[str]:
        """The ids the user's other keys of this route answered within the window."""
        pk, own = _marker_key(org_id, user_id, route, key)
        prefix = keys.record_attempt_key(org_id, user_id, route, "")[1]
        found = self._store.query_all(pk, sk_prefix=prefix, attributes=("sk", "created"))
        return frozenset(
            str(item["created"]) for item in found if item.get("created") and item["sk"] != own
        )

    def refused(self, org_id: str, user_id: str, route: str, key: str) -> None:
        """The attempt got a definite answer that saved nothing: a replay runs again."""
        with contextlib.suppress(ConditionFailed):  # expired meanwhile: a first attempt anyway
            self._store.update(
                _marker_key(org_id, user_id, route, key),
                "SET outcome = :refused",
                {":refused": _REFUSED},
                condition=_EXISTS,  # never an item without its TTL
            )


def ambiguous(sobject: str, candidates: list[dict[str, Any]]) -> StratusError:
    """409: more than one record may be what a lost insert saved; the user picks (replays
    answer the same until the key's window ends)."""
    return StratusError(
        ErrorCode.RECORD_OUTCOME_AMBIGUOUS,
        f"An earlier attempt's answer was lost and more than one new {sobject} may be the one"
        " it saved; check them rather than sending it again.",
        409,
        details={"candidates": [{"id": str(c["Id"]), "type": sobject} for c in candidates]},
    )


def _marker_key(org_id: str, user_id: str, route: str, key: str) -> tuple[str, str]:
    digest = hashlib.sha256(f"{route}\n{key}".encode()).hexdigest()
    return keys.record_attempt_key(org_id, user_id, route, digest)


def created_since(
    client: SalesforceClient,
    sobject: str,
    values: dict[str, Any],
    user_id: str,
    since: float,
    excluding: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """The user's records of `sobject` with the values' email (else first and last name)
    created since `since` (less a margin) but not `excluding` (other keys' records), oldest
    first, at most MAX_CANDIDATES: what a lost insert saved, if it did, among others."""
    if values.get("Email"):
        match = f"Email = {soql.literal(str(values['Email']))}"
    elif values.get("LastName"):
        match = f"LastName = {soql.literal(str(values['LastName']))}"
        if values.get("FirstName"):
            match += f" AND FirstName = {soql.literal(str(values['FirstName']))}"
    else:
        return []  # Salesforce refused it: LastName is required on both objects
    start = dt.datetime.fromtimestamp(since - CLOCK_MARGIN_SECONDS, dt.UTC)
    account = ""
    if sobject == "Contact":
        account = ", AccountId, Account.CreatedById, Account.CreatedDate"
    found = client.query(
        f"SELECT Id{account} FROM {sobject} WHERE {match}"
        f" AND CreatedById = {soql.literal(user_id)}"
        f" AND CreatedDate >= {start:%Y-%m-%dT%H:%M:%SZ} ORDER BY CreatedDate ASC"
        f" LIMIT {MAX_CANDIDATES + len(excluding)}"
    )
    records = [dict(r) for r in found.get("records") or [] if str(r.get("Id")) not in excluding]
    return records[:MAX_CANDIDATES]


def account_created_since(record: dict[str, Any], user_id: str, since: float) -> bool:
    """Whether a found Contact's Account was created by the user in the same attempt."""
    account = record.get("Account") or {}
    created = str(account.get("CreatedDate") or "")
    try:
        at = dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
    except ValueError:
        return False
    same_user = str(account.get("CreatedById") or "")[:15] == user_id[:15]
    return same_user and at >= since - CLOCK_MARGIN_SECONDS
