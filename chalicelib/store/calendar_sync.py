"""Calendar sync's items, built and read here only (docs/data.md, docs/calendar.md).

Per user, one state item: the settings (provider, calendar, direction), the provider's cursor
(Google sync token / Graph delta link) sealed for its owner (it grants reading the calendar),
the Salesforce watermark (a SystemModstamp), the end of the window the cursor's round listed,
the status, counts and the latest failures by id.
While sync is on it carries gsi1 keys (`CALSYNC`, `<org>#<user>`): the schedule's fan-out
reads that index.

Per synced event, one pair item: the provider's event id, the Salesforce Event id, one-way
tags (HMAC-SHA-256 under the user's sealed tag key) of the attendees' addresses and of the
Contacts/Leads the sync related to the Event, each side's version as last written or seen, and
`expires_at` = the event's end + the past window, after which the pair is forgotten (TTL,
honoured on read).
Nothing of an event's content is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from chalicelib.clock import Clock
from chalicelib.crypto.envelope import Envelope
from chalicelib.store import keys
from chalicelib.store.table import Item, Store

COUNT_NAMES = ("created", "updated", "deleted")
#: how many of the latest refused records the status keeps
MAX_FAILED = 20


#: bytes of a user's tag key (HMAC-SHA-256)
TAG_KEY_BYTES = 32


def new_tag_key() -> bytes:
    return secrets.token_bytes(TAG_KEY_BYTES)


def attendee_tag(key: bytes, address: str) -> str:
    """An attendee's address as a pair keeps it: a one-way tag (HMAC-SHA-256 under the user's
    tag key, 16 hex characters), enough to tell which attendees are new, never the address.
    The key is sealed in the user's state (KMS), so a copy of the table alone cannot test a
    list of addresses against the tags, as it could against a hash salted with known ids."""
    return _tag(key, "attendee", address.strip().lower())


def relation_tag(key: bytes, person_id: str) -> str:
    """A Contact or Lead the sync related to an Event, as its pair keeps it (same one-way tag):
    an attendee removed from the event has their relation removed, never one made by hand."""
    return _tag(key, "relation", person_id)


def _tag(key: bytes, kind: str, value: str) -> str:
    text = f"calendar-{kind}|{value}".encode()
    return hmac.new(key, text, hashlib.sha256).hexdigest()[:16]


def _context(org_id: str, user_id: str) -> dict[str, str]:
    return {"purpose": "calendar-sync", "org": org_id, "user": user_id}


@dataclass(frozen=True)
class SyncState:
    """One user's calendar sync."""

    org_id: str
    user_id: str
    enabled: bool = False
    provider: str = "google"
    calendar_id: str | None = None
    direction: str = "both"
    cursor: str | None = field(default=None, repr=False)
    watermark: str | None = None
    #: a keyed digest of the rows (their content: id, deletion, stamps, fields) the last cycle
    #: read at the watermark's own second (`>=` reads them again each cycle): while the same
    #: ones come back unchanged and nothing else, the cycle has nothing to do and reads no pair
    #: (docs/calendar.md, step 2)
    watermark_seen: str | None = None
    #: the end (epoch second) of the window the cursor's listing round started with: once the
    #: window has moved on by a day, the round starts again (docs/calendar.md, "The window")
    window_end: int | None = None
    state: str = "never_run"
    last_run_at: int | None = None
    last_success_at: int | None = None
    next_run_at: int | None = None
    last_error: dict[str, str] | None = None
    counts: dict[str, Any] = field(default_factory=dict)
    failed: tuple[dict[str, str], ...] = ()
    #: set when sync is turned on for a calendar: a cycle's end is written only to the same one
    generation: str | None = None
    #: bumped by every write of the state: a cycle's end is written only if nothing else wrote
    #: it meanwhile (the user turned sync off or changed it while the cycle ran)
    version: int = 0
    #: the key of the pairs' one-way tags (sealed beside the cursor, re-sealed with it)
    tag_key: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Pair:
    """One event on both sides (either id may still be missing while its write is pending)."""

    key: str  # p:<provider id> | s:<salesforce id>
    provider_id: str | None
    sf_id: str | None
    #: one-way tags of the attendees' addresses (`attendee_tag`)
    attendees: tuple[str, ...] = field(default=(), repr=False)
    #: one-way tags of the Contacts/Leads this sync related to the Event (`relation_tag`)
    related: tuple[str, ...] = field(default=(), repr=False)
    provider_version: str | None = None
    sf_stamp: str | None = None
    expires_at: int = 0
    #: epoch second a write to the other side started (cleared once the pair is complete)
    pending_at: int | None = None
    #: why the other side refused it (an error code), while it does
    failed: str | None = None
    #: a tombstone: the Salesforce Event was deleted but the calendar event was left alone
    #: (a Graph meeting: deleting it would notify its attendees); kept until it expires so
    #: that the meeting is not synced back into Salesforce
    sf_deleted: bool = False

    def done(self, **changes: Any) -> Pair:
        return replace(self, pending_at=None, failed=None, **changes)


@dataclass(frozen=True)
class CalendarSyncStore:
    """The calendar-sync items of the table."""

    store: Store
    envelope: Envelope
    clock: Clock

    # -- state ---------------------------------------------------------------------------------
    def get(self, org_id: str, user_id: str, *, with_cursor: bool = True) -> SyncState | None:
        """The user's state; `with_cursor=False` leaves the sealed cursor sealed (no KMS: the
        settings and status routes never need it)."""
        item = self.store.get(keys.calendar_sync_key(org_id, user_id))
        return self._state(item, org_id, user_id, with_cursor) if item is not None else None

    def get_with(
        self, org_id: str, user_id: str, others: Sequence[keys.Key]
    ) -> tuple[SyncState | None, dict[keys.Key, Item]]:
        """The user's state (as `get`) and the items of `others` that exist, in one consistent
        BatchGetItem: a worker's cycle reads its connections with its state in one request."""
        wanted = [keys.calendar_sync_key(org_id, user_id), *others]
        found = {
            (str(item["pk"]), str(item["sk"])): item
            for item in self.store.batch_get(wanted, attributes=None, consistent=True)
        }
        item = found.pop(wanted[0], None)
        state = self._state(item, org_id, user_id, True) if item is not None else None
        return state, found

    def _state(self, item: Item, org_id: str, user_id: str, with_cursor: bool) -> SyncState:
        cursor = tag_key = None
        if with_cursor:
            cursor_bytes = self._open(item.get("cursor"), org_id, user_id)
            cursor = cursor_bytes.decode() if cursor_bytes is not None else None
            tag_key = self._open(item.get("tag_key"), org_id, user_id)
        error = item.get("last_error")
        return SyncState(
            org_id=org_id,
            user_id=user_id,
            enabled=bool(item.get("enabled")),
            provider=str(item.get("provider", "google")),
            calendar_id=str(item["calendar_id"]) if item.get("calendar_id") else None,
            direction=str(item.get("direction", "both")),
            cursor=cursor,
            watermark=str(item["watermark"]) if item.get("watermark") else None,
            window_end=_int(item.get("window_end")),
            watermark_seen=str(item["watermark_seen"]) if item.get("watermark_seen") else None,
            state=str(item.get("state", "never_run")),
            last_run_at=_int(item.get("last_run_at")),
            last_success_at=_int(item.get("last_success_at")),
            next_run_at=_int(item.get("next_run_at")),
            last_error={str(k): str(v) for k, v in error.items()} if error else None,
            counts=_plain_counts(item.get("counts")),
            failed=tuple(json.loads(str(item.get("failed") or "[]"))),
            generation=str(item["generation"]) if item.get("generation") else None,
            version=int(item.get("version", 0)),
            tag_key=tag_key,
        )

    def _open(self, sealed: Any, org_id: str, user_id: str) -> bytes | None:
        if sealed is None:
            return None
        return self.envelope.open(bytes(sealed), _context(org_id, user_id))

    def set_direction(self, state: SyncState, direction: str) -> SyncState:
        """Change only the direction: the sealed cursor and tag key stay as stored (no KMS)."""
        self.store.update(
            keys.calendar_sync_key(state.org_id, state.user_id),
            "SET #direction = :direction, #updated_at = :now ADD #version :one",
            {":direction": direction, ":now": int(self.clock.now()), ":one": 1},
            {"#direction": "direction", "#updated_at": "updated_at", "#version": "version"},
            condition="attribute_exists(pk)",
        )
        return replace(state, direction=direction, version=state.version + 1)

    def put(self, state: SyncState, *, if_unchanged: bool = False) -> None:
        """Write the whole state (settings changes and each cycle's end), its version bumped.
        `if_unchanged`: only while the stored state is still the one read (`state.version`)
        and on; ConditionFailed otherwise (a cycle's end never turns sync back on)."""
        item = self._item(state)
        if not if_unchanged:  # the user's own change (a cycle's end needs the item: below)
            self.store.put(item)
            return
        condition = "version = :read AND enabled = :on"
        if state.version == 0:
            condition = "(attribute_not_exists(version) OR version = :read) AND enabled = :on"
        written = [k for k in item if k not in {"pk", "sk"}]
        gone = [k for k in _OPTIONAL if k not in item]
        expression = "SET " + ", ".join(f"#{k} = :{k}" for k in written)
        if gone:
            expression += " REMOVE " + ", ".join(f"#{k}" for k in gone)
        self.store.update(
            keys.calendar_sync_key(state.org_id, state.user_id),
            expression,
            {**{f":{k}": item[k] for k in written}, ":read": state.version, ":on": True},
            {f"#{k}": k for k in written + gone},
            condition=f"attribute_exists(pk) AND {condition}",
        )

    def _item(self, state: SyncState) -> dict[str, Any]:
        pk, sk = keys.calendar_sync_key(state.org_id, state.user_id)
        item: dict[str, Any] = {
            "pk": pk,
            "sk": sk,
            "enabled": state.enabled,
            "provider": state.provider,
            "direction": state.direction,
            "state": state.state,
            "counts": state.counts,
            "failed": json.dumps(list(state.failed)[-MAX_FAILED:]),
            "updated_at": int(self.clock.now()),
            "version": state.version + 1,
        }
        optional = {
            "calendar_id": state.calendar_id,
            "watermark": state.watermark,
            "window_end": state.window_end,
            "watermark_seen": state.watermark_seen,
            "last_run_at": state.last_run_at,
            "last_success_at": state.last_success_at,
            "next_run_at": state.next_run_at,
            "last_error": state.last_error,
            "generation": state.generation,
        }
        item.update({k: v for k, v in optional.items() if v is not None})
        context = _context(state.org_id, state.user_id)
        # sealed together, under the same cached data key: opening both costs one KMS call
        if state.cursor:
            item["cursor"] = self.envelope.seal(state.cursor.encode(), context)
        if state.tag_key:
            item["tag_key"] = self.envelope.seal(state.tag_key, context)
        if state.enabled:
            item["gsi1pk"] = keys.CALENDAR_SYNC_INDEX
            item["gsi1sk"] = f"{state.org_id}#{state.user_id}"
        return item

    def forget(self, org_id: str, user_id: str) -> int:
        """Delete the user's state and every pair (sync turned off)."""
        pk, _ = keys.calendar_sync_key(org_id, user_id)
        found = [
            (str(i["pk"]), str(i["sk"]))
            for i in self.store.query_all(pk, sk_prefix=keys.CALENDAR_PAIR_PREFIX)
        ]
        found.append(keys.calendar_sync_key(org_id, user_id))
        return self.store.delete_many(found)

    def enabled_users(
        self, cursor: str | None, limit: int
    ) -> tuple[list[tuple[str, str]], str | None]:
        """One page of the users with sync on (the gsi1 index): (org, user) pairs."""
        page = self.store.query(keys.CALENDAR_SYNC_INDEX, index="gsi1", limit=limit, cursor=cursor)
        users = []
        for item in page.items:
            org_id, _, user_id = str(item["gsi1sk"]).partition("#")
            users.append((org_id, user_id))
        return users, page.cursor

    # -- pairs ---------------------------------------------------------------------------------
    def pairs(self, org_id: str, user_id: str) -> list[Pair]:
        pk, _ = keys.calendar_sync_key(org_id, user_id)
        return [
            _pair(item) for item in self.store.query_all(pk, sk_prefix=keys.CALENDAR_PAIR_PREFIX)
        ]

    def save_pairs(self, org_id: str, user_id: str, pairs: Iterable[Pair]) -> None:
        for pair in pairs:
            pk, sk = keys.calendar_pair_key(org_id, user_id, pair.key)
            item: dict[str, Any] = {"pk": pk, "sk": sk, "expires_at": pair.expires_at}
            optional = {
                "provider_id": pair.provider_id,
                "sf_id": pair.sf_id,
                "provider_version": pair.provider_version,
                "sf_stamp": pair.sf_stamp,
                "pending_at": pair.pending_at,
                "failed": pair.failed,
            }
            item.update({k: v for k, v in optional.items() if v is not None})
            if pair.sf_deleted:
                item["sf_deleted"] = True
            if pair.attendees:
                item["attendees"] = list(pair.attendees)
            if pair.related:
                item["related"] = list(pair.related)
            # only while the user's sync state lives (deleted with the account): a cycle under
            # way when the account or its org is deleted recreates nothing
            self.store.put(item, requires=keys.calendar_sync_key(org_id, user_id))

    def drop_pairs(self, org_id: str, user_id: str, pair_keys: Iterable[str]) -> None:
        wanted = [keys.calendar_pair_key(org_id, user_id, key) for key in pair_keys]
        if wanted:
            self.store.delete_many(wanted)


#: the state's attributes that a write leaves out when they have no value
_OPTIONAL = (
    "calendar_id",
    "watermark",
    "window_end",
    "watermark_seen",
    "last_run_at",
    "last_success_at",
    "next_run_at",
    "last_error",
    "generation",
    "cursor",
    "tag_key",
    "gsi1pk",
    "gsi1sk",
)


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _plain_counts(value: Any) -> dict[str, Any]:
    """Counts as plain ints (DynamoDB answers Decimals)."""
    if not isinstance(value, Mapping):
        return {}
    return {
        str(k): _plain_counts(v) if isinstance(v, Mapping) else int(v) for k, v in value.items()
    }


def _pair(item: Mapping[str, Any]) -> Pair:
    sk = str(item["sk"])
    return Pair(
        key=sk.removeprefix(keys.CALENDAR_PAIR_PREFIX),
        provider_id=str(item["provider_id"]) if item.get("provider_id") else None,
        sf_id=str(item["sf_id"]) if item.get("sf_id") else None,
        attendees=tuple(str(a) for a in item.get("attendees") or ()),
        related=tuple(str(a) for a in item.get("related") or ()),
        provider_version=str(item["provider_version"]) if item.get("provider_version") else None,
        sf_stamp=str(item["sf_stamp"]) if item.get("sf_stamp") else None,
        expires_at=int(item.get("expires_at", 0)),
        pending_at=_int(item.get("pending_at")),
        failed=str(item["failed"]) if item.get("failed") else None,
        sf_deleted=bool(item.get("sf_deleted")),
    )
