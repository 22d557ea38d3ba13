"""Email logging: `POST /emails`, its jobs, and the queue worker (docs/email.md).

A Gmail or Outlook email becomes a job on the SQS queue (202); the worker reads the message
through the user's mailbox connection and logs it (`log.EmailLog`). A client-held email is
logged within the request (201): its content is never written anywhere, not even to a queue.
Either way the job's item keeps only its status, its error and its result sealed for its
owner; the queue message only references (user, source, message id, options).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib import mail
from chalicelib.connections.provider import connection_required
from chalicelib.emails.log import EmailLog, Options, Outcome, Retryable, Selection, name_digest
from chalicelib.emails.models import ClientMessage, ClientSource, LogEmail
from chalicelib.errors import (
    ErrorCode,
    LeaseHeld,
    NotFound,
    StratusError,
    Unavailable,
)
from chalicelib.idempotency import Idempotency
from chalicelib.logs import logger
from chalicelib.mail import AttachmentInfo, MailMessage, MailReader
from chalicelib.providers.salesforce.client import Deadline
from chalicelib.queues import MAX_DELAY_SECONDS, JobQueue
from chalicelib.sessions import Principal
from chalicelib.store import keys
from chalicelib.store.email_jobs import FAILED, FINAL, QUEUED, RUNNING, EmailJob, EmailJobs
from chalicelib.store.table import Store

#: which connection each mailbox source reads through, and the feature its scopes must allow
PROVIDER_OF = {"gmail": "google", "outlook": "microsoft"}
MAX_RECEIVES = 5  # the queue's maxReceiveCount: the last try ends the job as failed
JOB_LEASE_SECONDS = 180.0  # longer than the worker's timeout (120 s)
JOB_BUDGET_MS = 60_000  # the longest one job may take (a 25 MB attachment or two, with retries)
RETRY_SOON_SECONDS = 60

#: errors a later try may not meet (the rest end the job as failed)
RETRYABLE = frozenset(
    {
        ErrorCode.BUSY,
        ErrorCode.STORAGE_UNAVAILABLE,
        ErrorCode.ENCRYPTION_UNAVAILABLE,
        ErrorCode.QUEUE_UNAVAILABLE,
        ErrorCode.REQUEST_IN_PROGRESS,
        ErrorCode.SALESFORCE_UNAVAILABLE,
        ErrorCode.SALESFORCE_BUSY,
        ErrorCode.SALESFORCE_LIMIT_EXCEEDED,
        ErrorCode.SALESFORCE_LIMIT_NEAR,
        ErrorCode.GOOGLE_UNAVAILABLE,
        ErrorCode.GOOGLE_BUSY,
        ErrorCode.MICROSOFT_UNAVAILABLE,
        ErrorCode.MICROSOFT_BUSY,
        ErrorCode.NOT_RUN,  # a request's deadline: nothing sent, or the run cut between writes
    }
)
#: Salesforce's daily limit: the job waits for it, it is not failed
LIMITS = frozenset({ErrorCode.SALESFORCE_LIMIT_EXCEEDED, ErrorCode.SALESFORCE_LIMIT_NEAR})


class Connections(Protocol):
    """What the service asks of the connections vault."""

    def get(self, provider: str, org_id: str, user_id: str) -> Any: ...

    def tokens(self, provider: str, org_id: str, user_id: str) -> Any: ...


@dataclass(frozen=True)
class Submitted:
    """The answer of `POST /emails`: its status (201 done here, 202 queued) and the job."""

    status: int
    job: EmailJob


class EmailLogging:
    """The email-logging feature."""

    def __init__(
        self,
        store: Store,
        jobs: EmailJobs,
        queue: JobQueue,
        log: EmailLog,
        connections: Connections,
        readers: Mapping[str, Callable[[Any], MailReader]],
        missing_features: Mapping[str, Callable[[list[str]], list[str]]],
        idempotency: Idempotency,
        stalled_seconds: int,
        new_id: Callable[[], str] = lambda: secrets.token_hex(12),
    ) -> None:
        # A job not ended this long after its last change never will be: its message went to
        # the dead-letter queue (5 receives, its worker killed each time) or was lost. It is
        # then shown, and kept, as failed `job_stalled` (EMAIL_JOB_STALLED_SECONDS).
        self._stalled_seconds = stalled_seconds
        self._store = store
        self._jobs = jobs
        self._queue = queue
        self._log = log
        self._connections = connections
        self._readers = readers  # provider -> (TokenSource -> MailReader)
        self._missing = missing_features  # provider -> (scopes -> features they leave out)
        self._idempotency = idempotency
        self._new_id = new_id

    # -- POST /emails ----------------------------------------------------------------------------
    def submit(
        self,
        principal: Principal,
        request: LogEmail,
        *,
        idempotency_key: str | None,
        body: Any,
        lambda_context: Any = None,
        deadline: Deadline | None = None,
    ) -> Submitted:
        """Queue or log the email, once per Idempotency-Key (the first answer is replayed).
        `deadline`: when a client-held email's Salesforce calls must have ended (the route's
        29 s, an offline action's share of its batch); a queued one's worker has its own."""
        made: list[Submitted] = []

        def once() -> dict[str, Any]:
            submitted = self._submit(principal, request, deadline)
            made.append(submitted)
            return {"job": submitted.job.job_id, "status": submitted.status}

        reference = self._idempotency.run(
            principal.org_id,
            principal.user_id,
            "emails",
            idempotency_key,
            body,
            once,
            lambda_context,
        )
        if made:
            return made[0]
        job = self._jobs.get(principal.org_id, principal.user_id, str(reference["job"]))
        if job is None:  # the first request's job expired within the key's 24 hours
            raise NotFound("The job this Idempotency-Key created has expired.")
        return Submitted(int(reference["status"]), job)

    def _submit(
        self, principal: Principal, request: LogEmail, deadline: Deadline | None
    ) -> Submitted:
        self._require_salesforce(principal)
        if isinstance(request, ClientSource):
            return Submitted(201, self._log_now(principal, request, deadline))
        provider = PROVIDER_OF[request.source]
        self._require_mailbox(principal, provider)
        job = self._jobs.create(
            principal.org_id, principal.user_id, self._new_id(), request.source, QUEUED
        )
        message = {
            "v": 1,
            "job": job.job_id,
            "org": principal.org_id,
            "user": principal.user_id,
            "source": request.source,
            "message_id": request.message_id,
            "attachments": _queued_selection(request.attachments),
            "related_to": request.related_to,
        }
        try:
            self._queue.send(message)
        except Exception:
            self._jobs.delete(job)  # nothing half-written: no job that no message will run
            raise
        return Submitted(202, job)

    def _require_salesforce(self, principal: Principal) -> None:
        connection = self._connections.get("salesforce", principal.org_id, principal.user_id)
        if connection is None or connection.status != "active":
            raise StratusError(
                ErrorCode.SALESFORCE_REAUTH_REQUIRED, "Sign in to Salesforce again.", 401
            )

    def _require_mailbox(self, principal: Principal, provider: str) -> None:
        connection = self._connections.get(provider, principal.org_id, principal.user_id)
        if connection is None:
            raise connection_required(provider)
        # 401 <provider>_reauth_required when it is revoked
        self._connections.tokens(provider, principal.org_id, principal.user_id)
        scopes = str(connection.attributes.get("scopes", "")).split()
        if "email_logging" in self._missing[provider](scopes):
            raise StratusError(
                ErrorCode.CONNECTION_REQUIRED,
                f"The {provider} connection does not allow reading mail: connect it again "
                f"with /connections/{provider}/start and allow mail access.",
                409,
                details={"provider": provider},
            )

    def _log_now(
        self, principal: Principal, request: ClientSource, deadline: Deadline | None
    ) -> EmailJob:
        """Log a client-held message within the request; the ended job."""
        org_id, user_id = principal.org_id, principal.user_id
        # the key that seals the job's result, at hand before Salesforce is written to: KMS
        # out of reach answers 503 now, with nothing written anywhere
        self._jobs.prepare(org_id, user_id)
        job = self._jobs.create(org_id, user_id, self._new_id(), "client", RUNNING)
        message, contents = _client_message(request.message)
        options = Options(_selection(request.attachments, hashed=False), request.related_to)

        def chunks(attachment: AttachmentInfo) -> Iterator[bytes]:
            data = contents[attachment.id]
            for start in range(0, len(data), mail.CHUNK):
                yield data[start : start + mail.CHUNK]

        try:
            outcome = self._log.log(org_id, user_id, message, chunks, options, deadline)
        except Retryable as later:
            self._jobs.delete(job)  # the client sends it again: nothing half-written here
            raise _answer_later(later) from None
        except StratusError as failed:
            if isinstance(failed, Unavailable) or failed.code in RETRYABLE:
                self._jobs.delete(job)  # an outage: the client sends it again
                raise
            return self._jobs.finish(job, FAILED, error=_error(failed))
        except Exception:
            self._jobs.delete(job)  # a crash: no job left running; the client sends it again
            raise
        try:
            return self._jobs.finish(job, outcome.status, result=outcome.result)
        except Exception:
            # logged, but its answer cannot be kept: no job left running; the client sends it
            # again and is answered duplicate, with the same record (the marker is written)
            self._jobs.delete(job)
            raise

    # -- GET /emails/jobs/{id} ---------------------------------------------------------------
    def job(self, principal: Principal, job_id: str) -> EmailJob:
        """The caller's own job; anyone else's (or none) is 404."""
        if not _plausible_id(job_id):
            raise NotFound("No such job.")
        job = self._jobs.get(principal.org_id, principal.user_id, job_id)
        if job is None:
            raise NotFound("No such job.")
        if job.status not in FINAL and self._stalled(job):
            job = self._jobs.finish(job, FAILED, error=_stalled())
        return job

    def _stalled(self, job: EmailJob) -> bool:
        since = max(job.updated_at, job.retry_at or 0)
        return self._jobs.clock.now() - since > self._stalled_seconds

    # -- the worker ----------------------------------------------------------------------------
    def handle_batch(
        self,
        records: Sequence[Mapping[str, Any]],
        remaining_ms: Callable[[], int] | None = None,
    ) -> dict[str, Any]:
        """Run each message's job; the partial batch failures (messages to deliver again). A
        job is started only while the function has JOB_BUDGET_MS left (a batch of big
        attachments must not be cut off by Lambda's timeout mid-job): the rest come back."""
        failures = []
        for record in records:
            if remaining_ms is not None and remaining_ms() < JOB_BUDGET_MS:
                failures.append({"itemIdentifier": str(record.get("messageId"))})
                continue
            try:
                self._handle(record)
            except Exception:
                logger.warning(
                    "email job will be tried again", extra={"message_id": record.get("messageId")}
                )
                failures.append({"itemIdentifier": str(record.get("messageId"))})
        return {"batchItemFailures": failures}

    def _handle(self, record: Mapping[str, Any]) -> None:
        body = json.loads(str(record.get("body") or "{}"))
        receives = int((record.get("attributes") or {}).get("ApproximateReceiveCount") or 1)
        job = self._jobs.get(str(body["org"]), str(body["user"]), str(body["job"]))
        if job is None or job.status in FINAL:
            return  # expired, deleted with its account, or already done: nothing to do
        lease_name = keys.email_job_lease(job.org_id, job.user_id, job.job_id)
        try:
            lease = self._store.acquire_lease(lease_name, JOB_LEASE_SECONDS)
        except LeaseHeld:
            raise Retryable(StratusError(ErrorCode.BUSY, "running elsewhere", 503), 30) from None
        try:
            if self._jobs.start(job):
                self._run(job, body, last_try=receives >= MAX_RECEIVES)
        finally:
            self._store.release_lease(lease)

    def _run(self, job: EmailJob, body: Mapping[str, Any], *, last_try: bool) -> None:
        try:
            outcome = self._read_and_log(job, body)
        except StratusError as error:
            if error.code in LIMITS:  # wait for the daily limit: a new message, not a retry
                delay = min(MAX_DELAY_SECONDS, _retry_after(error, default=MAX_DELAY_SECONDS))
                self._jobs.wait(job, int(job.updated_at) + delay)
                self._queue.send(dict(body), delay_seconds=delay)
                return
            retry = isinstance(error, Retryable) or error.code in RETRYABLE
            if not retry or last_try:
                self._jobs.finish(job, FAILED, error=_error(error))
                return
            raise
        except Exception:
            if last_try:
                self._jobs.finish(job, FAILED, error=_internal())
            raise
        self._jobs.finish(job, outcome.status, result=outcome.result)

    def _read_and_log(self, job: EmailJob, body: Mapping[str, Any]) -> Outcome:
        provider = PROVIDER_OF[job.source]
        if self._connections.get(provider, job.org_id, job.user_id) is None:
            raise connection_required(provider)  # disconnected since it was queued
        tokens = self._connections.tokens(provider, job.org_id, job.user_id)
        reader = self._readers[provider](tokens)
        message_id = str(body["message_id"])
        message = reader.message(message_id)
        options = Options(
            _selection(body.get("attachments"), hashed=True),
            str(body["related_to"]) if body.get("related_to") else None,
        )

        def chunks(attachment: AttachmentInfo) -> Iterator[bytes]:
            return reader.attachment(message_id, attachment)

        return self._log.log(job.org_id, job.user_id, message, chunks, options)


# -- helpers ---------------------------------------------------------------------------------
def _plausible_id(job_id: str) -> bool:
    return 0 < len(job_id) <= 64 and job_id.isalnum()


def _queued_selection(choice: Any) -> Any:
    """The attachments option as a queue message carries it: names and ids as SHA-256."""
    if choice is None or isinstance(choice, str):
        return choice
    return sorted({name_digest(str(entry)) for entry in choice})


def _selection(choice: Any, *, hashed: bool) -> Selection | None:
    if choice is None:
        return None
    if isinstance(choice, str):
        return Selection(choice)
    return Selection("some", frozenset(str(entry) for entry in choice), hashed=hashed)


def _client_message(message: ClientMessage) -> tuple[MailMessage, dict[str, bytes]]:
    """A client-held message as the log takes it, with its attachments' bytes by id."""
    contents: dict[str, bytes] = {}
    attachments = []
    html = message.html or ""
    for index, attachment in enumerate(message.attachments):
        data = attachment.content()
        handle = f"client-{index}"
        contents[handle] = data
        content_id = (attachment.content_id or "").strip().removeprefix("<").removesuffix(">")
        inline = bool(content_id) and f"cid:{content_id}" in html
        attachments.append(
            AttachmentInfo(
                handle,
                attachment.name,
                attachment.content_type,
                len(data),
                inline,
                content_id,
                exact_size=True,
            )
        )

    def addresses(group: Sequence[Any]) -> tuple[mail.Address, ...]:
        return mail.addresses((p.email, p.name or "") for p in group)

    sender = mail.address(message.sender.email, message.sender.name or "")
    assert sender is not None  # validated by the model
    converted = MailMessage(
        internet_message_id=message.internet_message_id,
        subject=message.subject,
        date=mail.utc(message.date),
        sender=sender,
        to=addresses(message.to),
        cc=addresses(message.cc),
        bcc=addresses(message.bcc),
        text=message.text
        if message.text is not None
        else (mail.html_to_text(message.html) if message.html else None),
        html=message.html,
        in_reply_to=message.in_reply_to,
        references=tuple(message.references),
        attachments=tuple(attachments),
    )
    return converted, contents


def _error(error: StratusError) -> dict[str, str]:
    shown = {"code": error.code.value, "message": error.message}
    provider = (getattr(error, "details", None) or {}).get("provider")
    return {**shown, "provider": str(provider)} if provider else shown


def _stalled() -> dict[str, str]:
    return {
        "code": ErrorCode.JOB_STALLED.value,
        "message": "The job did not finish (its worker was stopped repeatedly); log it again.",
    }


def _internal() -> dict[str, str]:
    return {"code": ErrorCode.INTERNAL_ERROR.value, "message": "The job failed unexpectedly."}


def _retry_after(error: StratusError, default: int) -> int:
    raw = str(error.headers.get("Retry-After", "")).strip()
    return int(raw) if raw.isdigit() else default


def _answer_later(later: Retryable) -> StratusError:
    """A client-held email that must wait: the client sends it again after Retry-After."""
    seconds = max(1, _retry_after(later, default=later.delay or RETRY_SOON_SECONDS))
    status = 409 if later.code == ErrorCode.REQUEST_IN_PROGRESS else 503
    return StratusError(later.code, later.message, status, {"Retry-After": str(seconds)})
