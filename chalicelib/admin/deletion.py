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
(`revocations_failed`), shown by `GET /admin/org/deletion`. A provider that does not answer a
revocation (out of reach, 5xx, 429) leaves that user as they are (tokens kept, a try counted
for them on the job) while the run goes on with the slice's other users, then fails: SQS
delivers the message again (every 30 minutes, its visibility timeout) and each such user is
tried again. A user's REVOCATION_ATTEMPTS-th try is their last: a grant still unanswered is
counted as failed and the user deleted. A message delivered REVOCATION_ATTEMPTS times that
still has users to retry queues a fresh one (RETRY_SECONDS) instead of failing again, so no
run reaches the dead-letter queue for an outage.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from chalicelib.clock import Clock
from chalicelib.errors import LeaseHeld, NotFound, RevocationUnanswered
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.keys import Key
from chalicelib.store.org_deletion import DeletionJob, OrgDeletionJobs, org_tag, user_tag
from chalicelib.store.table import Store

KIND = "org_deletion"
LEASE_SECONDS = 360.0  # longer than a run (the worker's lambda_timeout is 300 s)
USERS_PER_RUN = 20
PAGES_PER_RUN = 10
SETTLE_SECONDS = 900  # SQS's longest delay; longer than an email or calendar job runs
#: Tries (runs) per user after which a revocation the provider does not answer is counted as
#: failed instead of retried.
REVOCATION_ATTEMPTS = 5
#: A message delivered REVOCATION_ATTEMPTS times with users still to retry is replaced by a
#: fresh one this much later (SQS's longest delay): the queue's maxReceiveCount, 10, is never
#: reached for an outage.
RETRY_SECONDS = 900
#: A deletion under way whose progress has not moved for this long is queued again when asked
#: (its message may have gone to the dead-letter queue); any shorter, asking again starts
#: nothing: its own chain goes on (a run retries a revocation every 30 minutes, 5 times).
STALLED_SECONDS = 6 * 3600
#: where a deletion's progress stays readable without a session: `<org tag>.<secret>` follows
STATUS_PATH = "/org-deletions/"


class Queue(Protocol):
    def send(self, body: Mapping[str, Any], *, delay_seconds: int = 0) -> str: ...


class Sealer(Protocol):
    """The envelope (chalicelib/crypto/envelope.py): the sweep's saved cursor is sealed."""

    def seal(self, plaintext: bytes, context: Mapping[str, str]) -> bytes: ...

    def open(self, blob: bytes, context: Mapping[str, str]) -> bytes: ...


#: The saved cursor's one attribute: the sealed Scan position (it may name another org's item,
#: and the job item outlives the deletion's other traces).
SEALED_CURSOR = "sealed"


class RevocationsPending(Exception):
    """Some users of a run's slice are to be tried again: a provider did not answer."""


@dataclass(frozen=True)
class UserDeleted:
    """One user's deletion: the items deleted, and the providers whose grant it held that did
    not confirm its revocation (its tokens are deleted all the same)."""

    items: int
    not_revoked: tuple[str, ...] = ()


class DeleteUser(Protocol):
    """(org, user) -> as account deletion; `unanswered_ok`: a provider that does not answer a
    revocation counts as not revoked (else RevocationUnanswered)."""

    def __call__(self, org_id: str, user_id: str, *, unanswered_ok: bool) -> UserDeleted: ...


@dataclass(frozen=True)
class OrgDeletion:
    store: Store
    jobs: OrgDeletionJobs
    queue: Queue
    delete_user: DeleteUser
    clock: Clock
    sealer: Sealer
    before_done: Callable[[], None] = lambda: None  # this container's pending counts flushed
    users_per_run: int = USERS_PER_RUN
    pages_per_run: int = PAGES_PER_RUN
    settle_seconds: int = SETTLE_SECONDS
    deliveries: int = 1  # of the run's message so far (SQS's ApproximateReceiveCount)

    # -- the API -------------------------------------------------------------------------------
    def request(self, org_id: str) -> tuple[DeletionJob, str | None]:
        """Start the org's deletion and queue its first run; the path of its public status
        page when this call started it. A deletion already under way is answered as it is
        (None: its status path was given when it started) and nothing more is queued: its own
        chain of runs goes on, unless it has not moved for STALLED_SECONDS."""
        job, started = self.jobs.start(org_id)
        if not started:
            if self.clock.now() - job.updated_at >= STALLED_SECONDS:
                logger.warning("org deletion stalled: queued again", extra={"org_id": org_id})
                self.queue.send({"kind": KIND, "org": org_id})
            return job, None
        status_path = STATUS_PATH + self.jobs.status_token(org_id)
        self.queue.send({"kind": KIND, "org": org_id})
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
                    deliveries = int(record.get("attributes", {}).get("ApproximateReceiveCount", 1))
                    replace(self, deliveries=deliveries).run(str(body["org"]))
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
        except RevocationsPending:
            if self.deliveries < REVOCATION_ATTEMPTS:
                raise  # the run fails: SQS delivers its message again
            delay = RETRY_SECONDS  # a fresh message instead, far from maxReceiveCount
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
        if phase == "users" and not self._users(org_id, job):
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

    def _users(self, org_id: str, job: DeletionJob) -> bool:
        """Delete up to users_per_run users; True when none is left. Users whose revocation
        went unanswered stay for the next delivery (RevocationsPending), after the others."""
        users = self._known_users(org_id)
        pending = [u for u in users[: self.users_per_run] if not self._try_user(org_id, u, job)]
        if pending:
            raise RevocationsPending(f"{len(pending)} users' revocations unanswered")
        return len(users) <= self.users_per_run

    def _try_user(self, org_id: str, user_id: str, job: DeletionJob) -> bool:
        """Delete the user, unless a provider leaves their revocation unanswered before their
        last try (False: the try is counted on the job, nothing of theirs is deleted)."""
        tries = job.revocation_tries.get(user_tag(user_id), 0)
        last_try = tries + 1 >= REVOCATION_ATTEMPTS
        try:
            self._delete_user(org_id, user_id, unanswered_ok=last_try)
        except RevocationUnanswered:
            self.jobs.revocation_unanswered(org_id, user_id)
            return False
        return True

    def _delete_user(self, org_id: str, user_id: str, *, unanswered_ok: bool) -> None:
        gone = self.delete_user(org_id, user_id, unanswered_ok=unanswered_ok)
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
        """The `ORG#<org>` partition and the org's open and click counter shards."""
        deleted = self.store.delete_owned_by(keys.org_pk(org_id))
        for shard in range(keys.HIT_SHARDS):
            deleted += self.store.delete_owned_by(keys.org_hits_pk(org_id, shard))
        self.jobs.advance(org_id, added={"items_deleted": deleted})

    def _sweep(self, org_id: str, cursor: dict[str, str] | None) -> bool:
        """Scan up to pages_per_run pages from the saved `cursor`; True when the scan has
        ended."""
        position = self._opened(org_id, cursor)
        for _ in range(self.pages_per_run):
            found, position = self.store.scan_naming(org_id, position)
            self._delete_found(org_id, found)
            if position is None:
                return True
        if position is not None:  # (none only when no page was to be read)
            self.jobs.advance(org_id, cursor=self._sealed(org_id, position))
        return False

    def _context(self, org_id: str) -> dict[str, str]:
        return {"purpose": "org-deletion-cursor", "org": org_tag(org_id)}

    def _sealed(self, org_id: str, position: Mapping[str, str]) -> dict[str, str]:
        blob = self.sealer.seal(json.dumps(dict(position)).encode(), self._context(org_id))
        return {SEALED_CURSOR: base64.b64encode(blob).decode("ascii")}

    def _opened(self, org_id: str, cursor: Mapping[str, str] | None) -> dict[str, str] | None:
        """The Scan position a saved cursor holds (one saved before cursors were sealed: as
        it is)."""
        if not cursor or SEALED_CURSOR not in cursor:
            return dict(cursor) if cursor else None
        blob = base64.b64decode(cursor[SEALED_CURSOR])
        return dict(json.loads(self.sealer.open(blob, self._context(org_id))))

    def _delete_found(self, org_id: str, found: Sequence[Key]) -> None:
        """Delete what a sweep's page found; a user as any other (RevocationsPending: the page
        is swept again on the next delivery)."""
        rest = [key for key in found if not key[0].startswith(f"USER#{org_id}#")]
        if rest:
            self.store.delete_many(rest)
            self.jobs.advance(org_id, added={"items_deleted": len(rest)})
        users = {pk.split("#", 2)[2] for pk, _ in found if pk.startswith(f"USER#{org_id}#")}
        job = self.jobs.get(org_id) if users else None
        # revoked at the providers first, as any other user
        pending = [u for u in sorted(users) if job and not self._try_user(org_id, u, job)]
        if pending:
            raise RevocationsPending(f"{len(pending)} users' revocations unanswered")
