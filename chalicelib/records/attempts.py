"""Exactly once when Salesforce's answer to an insert is lost (docs/records.md, "Exactly once").

The idempotency layer deletes its record when the request fails, and a timeout or a 5xx after
the insert was sent is a failure whose outcome we do not know: Salesforce may have saved the
record. So before inserting under an `Idempotency-Key` we write our own marker (the time of the
first attempt, under the key hashed with the route); a later attempt that finds one asks
Salesforce first for a record of the same natural key (the email, else the name) created by
this user since that attempt, and answers it instead of inserting again. The same pattern as
the email logging's pending marker (chalicelib/emails/log.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed
from chalicelib.idempotency import WINDOW_SECONDS
from chalicelib.providers.salesforce import soql
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.store import keys
from chalicelib.store.table import Store

#: Salesforce's clock and ours may differ; CreatedDate has whole seconds
CLOCK_MARGIN_SECONDS = 120


class Attempts:
    """The attempt markers of record inserts under an Idempotency-Key."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def begin(self, org_id: str, user_id: str, route: str, key: str) -> float | None:
        """Mark an attempt now; the time of an earlier attempt under this key (whose outcome
        is unknown: it left no idempotency record), or None for the first one."""
        digest = hashlib.sha256(f"{route}\n{key}".encode()).hexdigest()
        pk, sk = keys.record_attempt_key(org_id, user_id, route, digest)
        now = self._clock.now()
        # `attempt` makes each attempt's item its own (put_if_absent takes an identical item
        # for a retry of its own write)
        item = {"pk": pk, "sk": sk, "attempted_at": int(now), "attempt": secrets.token_hex(8)}
        try:
            self._store.put_if_absent({**item, "expires_at": int(now + WINDOW_SECONDS)})
            return None
        except ConditionFailed:
            found = self._store.get((pk, sk))
            return float(found["attempted_at"]) if found is not None else None


def created_since(
    client: SalesforceClient,
    sobject: str,
    values: dict[str, Any],
    user_id: str,
    since: float,
) -> dict[str, Any] | None:
    """The user's record of `sobject` with the values' email (else first and last name) created
    since `since` (less a margin), oldest first: what a lost insert saved, if it did."""
    if values.get("Email"):
        match = f"Email = {soql.literal(str(values['Email']))}"
    elif values.get("LastName"):
        match = f"LastName = {soql.literal(str(values['LastName']))}"
        if values.get("FirstName"):
            match += f" AND FirstName = {soql.literal(str(values['FirstName']))}"
    else:
        return None  # Salesforce refused it: LastName is required on both objects
    start = dt.datetime.fromtimestamp(since - CLOCK_MARGIN_SECONDS, dt.UTC)
    account = ""
    if sobject == "Contact":
        account = ", AccountId, Account.CreatedById, Account.CreatedDate"
    found = client.query(
        f"SELECT Id{account} FROM {sobject} WHERE {match}"
        f" AND CreatedById = {soql.literal(user_id)}"
        f" AND CreatedDate >= {start:%Y-%m-%dT%H:%M:%SZ} ORDER BY CreatedDate ASC LIMIT 1"
    )
    records = found.get("records") or []
    return dict(records[0]) if records else None


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
