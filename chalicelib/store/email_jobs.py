"""Email-logging jobs and logged-email markers, built and read here only (docs/data.md).

A job's item holds its status, source and timestamps, its error's code, and its result and error
sealed with envelope encryption bound to its owner (the result names the addresses matched, an
error's message may quote what Salesforce was sent: never in plain text). It lives
`EMAIL_JOB_DAYS` in the owner's partition.

A logged-email marker holds the SHA-256 of an Internet Message-ID and the Salesforce record
it became, for `LOGGED_EMAIL_DAYS`: logging the same email again finds it and creates nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from chalicelib.clock import Clock
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import ConditionFailed
from chalicelib.store import keys
from chalicelib.store.table import Store

QUEUED, RUNNING, DONE, FAILED, SKIPPED = "queued", "running", "done", "failed", "skipped"
PENDING_SECONDS = 24 * 3600  # a pending logged-email marker (a write about to be sent)
FINAL = frozenset({DONE, FAILED, SKIPPED})


def message_hash(internet_message_id: str) -> str:
    """The SHA-256 of a Message-ID as compared: angle brackets and case of the domain part
    are not significant to us (clients disagree on both)."""
    core = internet_message_id.strip().removeprefix("<").removesuffix(">").strip()
    local, at, domain = core.rpartition("@")
    normal = f"{local}{at}{domain.lower()}" if at else core
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _context(org_id: str, user_id: str) -> dict[str, str]:
    return {"purpose": "email-job", "org": org_id, "user": user_id}


@dataclass(frozen=True)
class EmailJob:
    org_id: str
    user_id: str
    job_id: str
    source: str  # gmail | outlook | client
    status: str
    created_at: int
    updated_at: int
    expires_at: int
    result: dict[str, Any] | None = field(default=None, repr=False)
    error: dict[str, str] | None = None
    retry_at: int | None = None  # waiting for Salesforce's daily limit to recover

    def view(self) -> dict[str, Any]:
        """The job as the API shows it."""
        shown: dict[str, Any] = {"id": self.job_id, "status": self.status, "source": self.source}
        if self.result is not None:
            shown["result"] = self.result
        if self.error is not None:
            shown["error"] = dict(self.error)
        return shown


@dataclass(frozen=True)
class EmailJobs:
    """The email jobs of the table (results sealed per owner)."""

    store: Store
    envelope: Envelope
    clock: Clock
    lifetime_seconds: int

    def prepare(self, org_id: str, user_id: str) -> None:
        """Have the key that seals the owner's results at hand (a seal soon after needs no
        KMS call: EncryptionUnavailable now, before any work, rather than after it)."""
        self.envelope.prepare(_context(org_id, user_id))

    def create(self, org_id: str, user_id: str, job_id: str, source: str, status: str) -> EmailJob:
        now = int(self.clock.now())
        job = EmailJob(
            org_id, user_id, job_id, source, status, now, now, now + self.lifetime_seconds
        )
        pk, sk = keys.email_job_key(org_id, user_id, job_id)
        self.store.put_if_absent(
            {
                "pk": pk,
                "sk": sk,
                "source": source,
                "status": status,
                "created_at": now,
                "updated_at": now,
                "expires_at": job.expires_at,
            }
        )
        return job

    def get(self, org_id: str, user_id: str, job_id: str) -> EmailJob | None:
        item = self.store.get(keys.email_job_key(org_id, user_id, job_id))
        if item is None:
            return None
        result = error = None
        sealed = item.get("sealed")
        if sealed is not None:  # boto3's Binary
            opened = json.loads(self.envelope.open(bytes(sealed), _context(org_id, user_id)))
            result, error = opened.get("result"), opened.get("error")
        retry_at = item.get("retry_at")
        return EmailJob(
            org_id=org_id,
            user_id=user_id,
            job_id=job_id,
            source=str(item.get("source", "")),
            status=str(item["status"]),
            created_at=int(item["created_at"]),
            updated_at=int(item["updated_at"]),
            expires_at=int(item["expires_at"]),
            result=result,
            error={str(k): str(v) for k, v in error.items()} if isinstance(error, dict) else None,
            retry_at=int(retry_at) if retry_at is not None else None,
        )

    def start(self, job: EmailJob) -> bool:
        """Mark the job running, unless it has ended (False then: nothing to do)."""
        try:
            self.store.update(
                keys.email_job_key(job.org_id, job.user_id, job.job_id),
                "SET #s = :running, updated_at = :now REMOVE retry_at",
                {":running": RUNNING, ":now": int(self.clock.now()), ":q": QUEUED},
                {"#s": "status"},
                condition="attribute_exists(pk) AND (#s = :q OR #s = :running)",
            )
        except ConditionFailed:
            return False
        return True

    def wait(self, job: EmailJob, until: int) -> None:
        """The job waits (queued again) until `until` (Salesforce's daily limit)."""
        self.store.update(
            keys.email_job_key(job.org_id, job.user_id, job.job_id),
            "SET #s = :queued, updated_at = :now, retry_at = :until",
            {":queued": QUEUED, ":now": int(self.clock.now()), ":until": until},
            {"#s": "status"},
            condition="attribute_exists(pk)",
        )

    def finish(
        self,
        job: EmailJob,
        status: str,
        result: dict[str, Any] | None = None,
        error: dict[str, str] | None = None,
    ) -> EmailJob:
        """End the job with its result (sealed) or its error; the ended job."""
        if status not in FINAL:
            raise ValueError(status)
        now = int(self.clock.now())
        values: dict[str, Any] = {":status": status, ":now": now}
        names = {"#s": "status"}
        assignments = ["#s = :status", "updated_at = :now"]
        # the result names people, and an error may quote what Salesforce was sent (some of
        # its messages repeat the value): both sealed for the owner; the code alone in plain
        sealed: dict[str, Any] = {}
        if result is not None:
            sealed["result"] = result
        if error is not None:
            sealed["error"] = dict(error)
            values[":code"] = error.get("code", "")
            assignments.append("error_code = :code")
        if sealed:
            plaintext = json.dumps(sealed, separators=(",", ":")).encode("utf-8")
            values[":sealed"] = self.envelope.seal(plaintext, _context(job.org_id, job.user_id))
            assignments.append("sealed = :sealed")
        self.store.update(
            keys.email_job_key(job.org_id, job.user_id, job.job_id),
            "SET " + ", ".join(assignments) + " REMOVE retry_at",
            values,
            names,
            condition="attribute_exists(pk)",
        )
        return EmailJob(
            job.org_id,
            job.user_id,
            job.job_id,
            job.source,
            status,
            job.created_at,
            now,
            job.expires_at,
            result,
            error,
        )

    def delete(self, job: EmailJob) -> None:
        self.store.delete(keys.email_job_key(job.org_id, job.user_id, job.job_id))


@dataclass(frozen=True)
class LoggedEmail:
    record_id: str  # "" while pending: the write to Salesforce was about to be sent
    kind: str  # EmailMessage | Task
    pending_since: int | None = None  # epoch second the pending marker was written

    @property
    def pending(self) -> bool:
        return not self.record_id


@dataclass(frozen=True)
class LoggedEmails:
    """Markers of logged emails: Message-ID hash -> the Salesforce record."""

    store: Store
    clock: Clock
    lifetime_seconds: int

    def get(self, org_id: str, user_id: str, digest: str) -> LoggedEmail | None:
        item = self.store.get(keys.logged_email_key(org_id, user_id, digest))
        if item is None:
            return None
        since = item.get("pending_since")
        return LoggedEmail(
            str(item["record_id"]), str(item["kind"]), int(since) if since is not None else None
        )

    def pending(self, org_id: str, user_id: str, digest: str, kind: str) -> LoggedEmail:
        """Note that the email's record is about to be written (before the write), so that a
        run cut off between Salesforce's answer and `remember` asks Salesforce before writing
        again. It lives a day."""
        pk, sk = keys.logged_email_key(org_id, user_id, digest)
        now = int(self.clock.now())
        item = {"pk": pk, "sk": sk, "record_id": "", "kind": kind, "pending_since": now}
        # only while the account lives: a job under way when it is deleted recreates nothing
        self.store.put(
            {**item, "created_at": now, "expires_at": now + PENDING_SECONDS},
            requires=keys.profile_key(org_id, user_id),
        )
        return LoggedEmail("", kind, now)

    def remember(self, org_id: str, user_id: str, digest: str, logged: LoggedEmail) -> None:
        pk, sk = keys.logged_email_key(org_id, user_id, digest)
        now = int(self.clock.now())
        self.store.put(
            {
                "pk": pk,
                "sk": sk,
                "record_id": logged.record_id,
                "kind": logged.kind,
                "created_at": now,
                "expires_at": now + self.lifetime_seconds,
            },
            requires=keys.profile_key(org_id, user_id),
        )
