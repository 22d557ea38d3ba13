"""Deleting an org (`DELETE /admin/org`): every item of every user of the org, then the org's
own items, then a sweep for anything else naming it; as a background job on the org-deletion
queue, in slices that re-queue themselves (docs/operations.md, "Deleting an org").

Each user goes as account deletion does (`delete_user`: connections revoked at Salesforce,
Google and Microsoft first, then every item of the user's partition and what gsi1 points to
it from, sessions last). Every step may run again: an interrupted run (a Lambda timeout, an
outage) leaves its message to SQS, which delivers it again; the progress item says where to
go on. Runs of one org never overlap (a lease).

Phases: `users` (the users the org's indexes know: profiles, usage, calendar sync; they leave
those indexes as they go, so each run asks again), `org` (the `ORG#<org>` partition: settings,
usage days), `sweep` (a Scan, page by page with a saved cursor, for any item whose keys still
name the org: a user no index knew, a lease, a session; a user partition found there is
deleted as a user), `settle` (the next run is queued with a delay: `settle_seconds`, longer
than any email or calendar job of the org's users already under way may run; their writes
need the user's profile, so they write nothing, but a lease may be left), `last_sweep` (the
same sweep again), then `org` once more (what the sweeps' deletions wrote there) and `done`.
Sign-ins of the org are refused while it runs (auth/service.py), and a usage flush never
recreates its items (store/usage.py), so once `done` no item names the org.

Microsoft has no revocation of one grant (providers/microsoft/provider.py): its tokens are
deleted, and each user whose grant a provider did not revoke is counted on the job
(`revocations_failed`), shown by `GET /admin/org/deletion`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.clock import Clock
from chalicelib.errors import LeaseHeld, NotFound
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.keys import Key
from chalicelib.store.org_deletion import DeletionJob, OrgDeletionJobs, org_tag
from chalicelib.store.table import Store

KIND = "org_deletion"
LEASE_SECONDS = 360.0  # longer than a run (the worker's lambda_timeout is 300 s)
USERS_PER_RUN = 20
PAGES_PER_RUN = 10
SETTLE_SECONDS = 900  # SQS's longest delay; longer than an email or calendar job runs
#: where a deletion's progress stays readable without a session: `<org tag>.<secret>` follows
STATUS_PATH = "/org-deletions/"


class Queue(Protocol):
    def send(self, body: Mapping[str, Any], *, delay_seconds: int = 0) -> str: ...


@dataclass(frozen=True)
class UserDeleted:
    """One user's deletion: the items deleted, and the providers whose grant it held that did
    not confirm its revocation (its tokens are deleted all the same)."""

    items: int
    not_revoked: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgDeletion:
    store: Store
    jobs: OrgDeletionJobs
    queue: Queue
    delete_user: Callable[[str, str], UserDeleted]  # (org, user): as account deletion
    clock: Clock
    before_done: Callable[[], None] = lambda: None  # this container's pending counts flushed
    users_per_run: int = USERS_PER_RUN
    pages_per_run: int = PAGES_PER_RUN
    settle_seconds: int = SETTLE_SECONDS

    # -- the API -------------------------------------------------------------------------------
    def request(self, org_id: str) -> tuple[DeletionJob, str | None]:
        """Start the org's deletion (or find the one under way) and queue its first run; the
        path of its public status page when this call started it (None: already under way)."""
        job, started = self.jobs.start(org_id)
        status_path = None
        if started:
            status_path = STATUS_PATH + self.jobs.status_token(org_id)
        self.queue.send({"kind": KIND, "org": org_id})
        if started:
            logger.info("org deletion requested", extra={"org_id": org_id})
        return job, status_path

    def progress_by_status(self, reference: str) -> DeletionJob:
        """The job whose public status path ends in `reference` (no session: the caller's
        ended with the org); 404 for any other."""
        job = self.jobs.by_status_token(reference)
        if job is None:
            raise NotFound("No org deletion has this status address.")
        return job

    def progress(self, org_id: str) -> DeletionJob:
        job = self.jobs.get(org_id)
        if job is None:
            raise NotFound("This org has not been deleted.")
        return job

    # -- the worker ----------------------------------------------------------------------------
    def handle_batch(self, records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        """One run per message; a failed run's message is reported (SQS delivers it again)."""
        failures = []
        for record in records:
            try:
                body = json.loads(str(record.get("body") or "{}"))
                if body.get("kind") == KIND:
                    self.run(str(body["org"]))
            except Exception:
                logger.exception("org deletion run failed")
                failures.append({"itemIdentifier": str(record.get("messageId", ""))})
        return {"batchItemFailures": failures}

    def run(self, org_id: str) -> str:
        """One slice of the deletion: "done", "continued" (the next run is queued), "locked"
        (another run holds the org: it goes on itself) or "nothing" (no deletion under way)."""
        try:
            lease = self.store.acquire_lease(f"org-deletion#{org_tag(org_id)}", LEASE_SECONDS)
        except LeaseHeld:
            return "locked"
        try:
            job = self.jobs.get(org_id)
            if job is None or job.done:
                return "nothing"
            self.jobs.advance(org_id, added={"runs": 1})
            delay = self._slice(org_id, job)
        finally:
            self.store.release_lease(lease)
        if delay is not None:
            self.queue.send({"kind": KIND, "org": org_id}, delay_seconds=delay)
            return "continued"
        return "done"

    def _slice(self, org_id: str, job: DeletionJob) -> int | None:
        """Go on from the job's phase: None when the deletion is done, else the delay (seconds)
        of the next run."""
        phase = job.phase
        if phase == "users" and not self._users(org_id):
            return 0
        if phase in ("users", "org"):
            self._org_items(org_id)
            self.jobs.advance(org_id, phase="sweep")
            phase, job = "sweep", DeletionJob("sweep", 0, 0, None, 0, 0, 0, None)
        if phase == "sweep":
            if not self._sweep(org_id, job.cursor):
                return 0
            settle_until = int(self.clock.now()) + self.settle_seconds
            self.jobs.advance(org_id, phase="settle", settle_until=settle_until)
            job = DeletionJob("settle", 0, 0, None, 0, 0, 0, None, settle_until=settle_until)
            phase = "settle"
        return self._after_sweep(org_id, phase, job)

    def _after_sweep(self, org_id: str, phase: str, job: DeletionJob) -> int | None:
        if phase == "settle":
            wait = job.settle_until - int(self.clock.now())
            if wait > 0:  # what jobs under way write meanwhile, the last sweep deletes
                return min(wait, SETTLE_SECONDS)
            self.jobs.advance(org_id, phase="last_sweep")
            job = DeletionJob("last_sweep", 0, 0, None, 0, 0, 0, None)
        if not self._sweep(org_id, job.cursor):
            return 0
        self.before_done()
        self._org_items(org_id)  # what the sweeps' account deletions wrote there
        self.jobs.advance(org_id, phase="done")
        logger.info("org deleted", extra={"org_id": org_id})
        return None

    def _users(self, org_id: str) -> bool:
        """Delete up to users_per_run users; True when none is left."""
        users = self._known_users(org_id)
        for user_id in users[: self.users_per_run]:
            self._delete_user(org_id, user_id)
        return len(users) <= self.users_per_run

    def _delete_user(self, org_id: str, user_id: str) -> None:
        gone = self.delete_user(org_id, user_id)
        added = {"users_deleted": 1, "items_deleted": gone.items}
        for provider in gone.not_revoked:  # Microsoft, always: no per-grant revocation
            added[f"revocations_failed_{provider}"] = 1
        self.jobs.advance(org_id, added=added)

    def _known_users(self, org_id: str) -> list[str]:
        """The org's users its indexes know (profiles, usage days, calendar sync)."""
        found: dict[str, None] = {}
        for item in self.store.query_all(keys.org_members_index(org_id), index="gsi1"):
            found[str(item["gsi1sk"]).rsplit("#", 1)[-1]] = None
        for item in self.store.query_all(keys.org_user_usage_index(org_id), index="gsi1"):
            found[str(item["gsi1sk"]).rsplit("#", 1)[-1]] = None
        calendar = self.store.query_all(
            keys.CALENDAR_SYNC_INDEX, sk_prefix=f"{org_id}#", index="gsi1"
        )
        for item in calendar:
            found[str(item["gsi1sk"]).split("#", 1)[1]] = None
        return list(found)

    def _org_items(self, org_id: str) -> None:
        deleted = self.store.delete_owned_by(keys.org_pk(org_id))
        self.jobs.advance(org_id, added={"items_deleted": deleted})

    def _sweep(self, org_id: str, cursor: dict[str, str] | None) -> bool:
        """Scan up to pages_per_run pages from `cursor`; True when the scan has ended."""
        for _ in range(self.pages_per_run):
            found, cursor = self.store.scan_naming(org_id, cursor)
            self._delete_found(org_id, found)
            if cursor is None:
                return True
        self.jobs.advance(org_id, cursor=cursor)
        return False

    def _delete_found(self, org_id: str, found: Sequence[Key]) -> None:
        users = {pk.split("#", 2)[2] for pk, _ in found if pk.startswith(f"USER#{org_id}#")}
        for user_id in sorted(users):  # revoked at the providers first, as any other user
            self._delete_user(org_id, user_id)
        rest = [key for key in found if not key[0].startswith(f"USER#{org_id}#")]
        if rest:
            self.store.delete_many(rest)
            self.jobs.advance(org_id, added={"items_deleted": len(rest)})
