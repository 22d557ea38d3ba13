"""Org deletions' progress: one item per org (`ORGDELETION#<tag>` / `JOB`), keyed and written
without the org id (a one-way tag), so that the item can outlive the deletion and still say
"done" while a scan finds nothing naming the org. The sweep's cursor (which may name it) is
removed when the job ends."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed
from chalicelib.store import keys
from chalicelib.store.table import Item, Store

KEEP_DONE_SECONDS = 30 * 86400  # how long "done" is shown after the end
PHASES = ("users", "org", "sweep", "settle", "last_sweep", "done")
#: the providers whose grants a deletion may fail to revoke (counted per provider)
REVOKING = ("salesforce", "google", "microsoft")
COUNTS = (
    "users_deleted",
    "items_deleted",
    "runs",
    *(f"revocations_failed_{provider}" for provider in REVOKING),
)
_ATTRIBUTES = (
    "phase",
    "requested_at",
    "updated_at",
    "finished_at",
    "cursor",
    "expires_at",
    "settle_until",
    "status_hash",
    "revocation_tries",
    *COUNTS,
)
_NAMES = {f"#{name}": name for name in _ATTRIBUTES}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def user_tag(user_id: str) -> str:
    """A one-way tag of a user id (the job item keeps no user id): 16 characters."""
    digest = hashlib.sha256(b"stratus/org-deletion-user\x00" + user_id.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode("ascii")


def org_tag(org_id: str) -> str:
    """A one-way tag of an org id (16 characters)."""
    digest = hashlib.sha256(b"stratus/org-deletion\x00" + org_id.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode("ascii")


@dataclass(frozen=True)
class DeletionJob:
    phase: str
    requested_at: int
    updated_at: int
    finished_at: int | None
    users_deleted: int
    items_deleted: int
    runs: int
    cursor: dict[str, str] | None
    #: provider -> users whose grant it did not revoke (Microsoft has no per-grant revocation)
    revocations_failed: Mapping[str, int] = field(default_factory=dict)
    settle_until: int = 0  # the last sweep runs from then on
    #: user tag -> the runs in which a provider did not answer that user's revocation
    revocation_tries: Mapping[str, int] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.phase == "done"

    def view(self) -> dict[str, Any]:
        from chalicelib.timefmt import rfc3339

        return {
            "status": "done" if self.done else ("queued" if not self.runs else "running"),
            "phase": self.phase,
            "requested_at": rfc3339(self.requested_at),
            "updated_at": rfc3339(self.updated_at),
            "finished_at": rfc3339(self.finished_at) if self.finished_at else None,
            "users_deleted": self.users_deleted,
            "items_deleted": self.items_deleted,
            "runs": self.runs,
            "revocations_failed": dict(self.revocations_failed),
        }


def _job(item: Item) -> DeletionJob:
    cursor = item.get("cursor")
    return DeletionJob(
        phase=str(item.get("phase") or "users"),
        requested_at=int(item.get("requested_at") or 0),
        updated_at=int(item.get("updated_at") or 0),
        finished_at=int(item["finished_at"]) if item.get("finished_at") else None,
        users_deleted=int(item.get("users_deleted") or 0),
        items_deleted=int(item.get("items_deleted") or 0),
        runs=int(item.get("runs") or 0),
        cursor={str(k): str(v) for k, v in cursor.items()} if isinstance(cursor, dict) else None,
        revocations_failed={
            provider: int(item[f"revocations_failed_{provider}"])
            for provider in REVOKING
            if item.get(f"revocations_failed_{provider}")
        },
        settle_until=int(item.get("settle_until") or 0),
        revocation_tries={
            str(tag): int(n) for tag, n in dict(item.get("revocation_tries") or {}).items()
        },
    )


@dataclass(frozen=True)
class OrgDeletionJobs:
    store: Store
    clock: Clock

    def get(self, org_id: str) -> DeletionJob | None:
        item = self.store.get(keys.org_deletion_key(org_tag(org_id)))
        return _job(item) if item else None

    def status_token(self, org_id: str) -> str:
        """A new secret for the job's public status path (`status_path`): only its SHA-256 is
        kept on the job. Call it once, as the job starts."""
        token = secrets.token_urlsafe(18)
        self.store.update(
            keys.org_deletion_key(org_tag(org_id)),
            "SET #status_hash = :h",
            {":h": _digest(token)},
            {"#status_hash": "status_hash"},
            condition="attribute_exists(pk)",
        )
        return f"{org_tag(org_id)}.{token}"

    def by_status_token(self, reference: str) -> DeletionJob | None:
        """The job whose status path is `reference` (`<org tag>.<token>`), or None."""
        tag, _, token = reference.partition(".")
        if not tag or not token or len(reference) > 100:
            return None
        item = self.store.get(keys.org_deletion_key(tag))
        stored = str((item or {}).get("status_hash") or "")
        if not stored or not hmac.compare_digest(stored, _digest(token)):
            return None
        return _job(item or {})

    def start(self, org_id: str) -> tuple[DeletionJob, bool]:
        """The org's deletion: a new one (True) unless one is under way (False, as it is)."""
        now = int(self.clock.now())
        item = {
            "pk": keys.org_deletion_key(org_tag(org_id))[0],
            "sk": keys.org_deletion_key(org_tag(org_id))[1],
            "phase": "users",
            "requested_at": now,
            "updated_at": now,
            **dict.fromkeys(COUNTS, 0),
        }
        try:
            self.store.update(
                keys.org_deletion_key(org_tag(org_id)),
                "SET #phase = :p, #requested_at = :now, #updated_at = :now, #users_deleted = :z, "
                "#items_deleted = :z, #runs = :z, #revocation_tries = :none REMOVE #finished_at, "
                "#cursor, #expires_at, #settle_until, #status_hash, "
                + ", ".join(f"#revocations_failed_{provider}" for provider in REVOKING),
                {":p": "users", ":now": now, ":z": 0, ":done": "done", ":none": {}},
                _NAMES,
                condition="attribute_not_exists(pk) OR #phase = :done",
            )
        except ConditionFailed:
            found = self.get(org_id)
            if found is not None:
                return found, False
        return _job(item), True

    def revocation_unanswered(self, org_id: str, user_id: str) -> None:
        """Count a run in which a provider did not answer the user's revocation (one write;
        a job started before these counts existed gets its map here)."""
        key, tag = keys.org_deletion_key(org_tag(org_id)), user_tag(user_id)
        names = {"#tries": "revocation_tries", "#user": tag, "#updated_at": "updated_at"}
        now = int(self.clock.now())
        try:
            self.store.update(
                key,
                "SET #tries.#user = if_not_exists(#tries.#user, :z) + :one, #updated_at = :now",
                {":z": 0, ":one": 1, ":now": now},
                names,
                condition="attribute_exists(#tries)",
            )
        except ConditionFailed:
            self.store.update(
                key,
                "SET #tries = :first, #updated_at = :now",
                {":first": {tag: 1}, ":now": now},
                {"#tries": "revocation_tries", "#updated_at": "updated_at"},
                condition="attribute_not_exists(#tries)",
            )

    def advance(
        self,
        org_id: str,
        *,
        phase: str | None = None,
        added: Mapping[str, int] | None = None,
        cursor: Mapping[str, str] | None = None,
        settle_until: int | None = None,
    ) -> None:
        """Record progress: counts added, the phase reached, the sweep's cursor, when the last
        sweep may run (one write)."""
        now = int(self.clock.now())
        values: dict[str, Any] = {":now": now}
        sets, adds, removes = ["#updated_at = :now"], [], []
        if settle_until is not None:
            sets.append("#settle_until = :settle")
            values[":settle"] = settle_until
        for i, (name, n) in enumerate((added or {}).items()):
            if name not in COUNTS:
                raise ValueError(f"not a count: {name}")
            adds.append(f"#{name} :a{i}")
            values[f":a{i}"] = n
        if phase is not None:
            sets.append("#phase = :phase")
            values[":phase"] = phase
        if cursor is not None:
            sets.append("#cursor = :cursor")
            values[":cursor"] = dict(cursor)
        elif phase is not None:
            removes.append("#cursor")
        if phase == "done":
            sets += ["#finished_at = :now", "#expires_at = :exp"]
            values[":exp"] = now + KEEP_DONE_SECONDS
            removes.append("#revocation_tries")
        expression = "SET " + ", ".join(sets)
        expression += " ADD " + ", ".join(adds) if adds else ""
        expression += " REMOVE " + ", ".join(removes) if removes else ""
        used = {n: a for n, a in _NAMES.items() if n in expression}
        self.store.update(keys.org_deletion_key(org_tag(org_id)), expression, values, used)
