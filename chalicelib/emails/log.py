"""Logging one email into Salesforce as its user: match the people, write the activity once,
save the attachments (docs/email.md, "The flow").

Salesforce API calls for an email with participants P and k attachments to save:
- 1 Composite: the lookup's batch for the addresses not in the lookup cache, with the org's
  Users and (Enhanced Email) the Message-ID riding along; 0 when every address is cached
  (then the logged-email marker alone tells a duplicate).
- 1 Composite: the activity (EmailMessage + sender relation, or Task) and any Chatter posts.
- k uploads (ContentVersion, streamed).

Exactly once: under a lease per (user, Message-ID), the marker (a SHA-256 of the Message-ID ->
the record) or Salesforce's own `MessageIdentifier` answers "already logged": nothing is
created, and only the attachments the record lacks are saved.

A run within a request (a client-held email) has a deadline: every call above is cut to it,
the write is not begun without the time for it, and a run whose time ran out ends with an
error rather than a result, so that the client's retry finishes it (docs/email.md).

A write whose outcome is unknown (cut at the deadline, timed out) may still be committed by
Salesforce later. Its pending marker (the activity's, or the upload's on the logged marker)
says when it was sent: a run that finds nothing in Salesforce within SETTLE_SECONDS of that
writes nothing and answers 409 `request_in_progress` with Retry-After (a queued job comes back
after the queue's visibility timeout), as records do (chalicelib/idempotency.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from chalicelib import addresses, caching, usage
from chalicelib.clock import Clock
from chalicelib.emails import drive
from chalicelib.errors import ConditionFailed, ErrorCode, LeaseHeld, StratusError
from chalicelib.idempotency import SETTLE_SECONDS
from chalicelib.logs import logger
from chalicelib.mail import AttachmentInfo, MailMessage
from chalicelib.org_settings import OrgSettings, OrgState
from chalicelib.providers.salesforce import activities, soql
from chalicelib.providers.salesforce.activities import Activity, ActivityRefused, Person
from chalicelib.providers.salesforce.client import (
    MIN_ATTEMPT_SECONDS,
    Deadline,
    SalesforceClient,
    out_of_time,
)
from chalicelib.store import keys
from chalicelib.store.email_jobs import (
    DONE,
    SKIPPED,
    LoggedEmail,
    LoggedEmails,
    message_hash,
)
from chalicelib.store.table import Store
from chalicelib.usage import NOT_COUNTED, UsageCounter

MB = 1024 * 1024
LOG_LEASE_SECONDS = 300.0  # longer than logging one email with its attachments takes
ENHANCED_EMAIL_RECHECK_SECONDS = 24 * 3600  # an org found without Enhanced Email: try again after
#: how Salesforce refuses an EmailMessage where Enhanced Email is off (the emulator's answers,
#: after the object reference: without it an EmailMessage belongs to a Case, ParentId required,
#: and the Enhanced Email fields do not exist)
_ENHANCED_FIELDS = frozenset({"RelatedToId", "ToIds", "CcIds", "BccIds", "ParentId"})
#: the pending marker's write, between the check for time and the activity's insert
MARKER_WRITE_SECONDS = 0.5


def name_digest(value: str) -> str:
    """How a queue message names a chosen attachment (its id or file name): SHA-256, so the
    queue holds no file name."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class Retryable(StratusError):
    """Try the job again later (`delay` seconds): Salesforce or the mailbox is busy, out of
    reach, near its daily limit, or another run holds the email."""

    def __init__(self, error: StratusError, delay: int) -> None:
        super().__init__(error.code, error.message, error.status, error.headers)
        self.delay = delay


class OrgStateStore(Protocol):
    """The org's item (chalicelib/org_settings.StoredOrgSettings)."""

    def state(self, org_id: str) -> OrgState: ...

    def note_enhanced_email_missing(self, org_id: str) -> None: ...


class PeopleFinder(Protocol):
    """The lookup's batch and cache (the lookup feature, wired in deps)."""

    def __call__(
        self,
        org_id: str,
        user_id: str,
        emails: Sequence[str],
        extra: Mapping[str, str],
        deadline: Deadline | None,
    ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]] | None]: ...


@dataclass(frozen=True)
class Selection:
    """Which attachments to save: all, none, or those named (by id or name; `hashed`: the
    names arrive as SHA-256, as a queue message carries them)."""

    mode: str  # all | none | some
    chosen: frozenset[str] = frozenset()
    hashed: bool = False

    def wants(self, attachment: AttachmentInfo) -> bool:
        if self.mode != "some":
            return self.mode == "all"
        named = [attachment.id, attachment.name]
        if self.hashed:
            named = [name_digest(k) for k in named]
        return any(k in self.chosen for k in named)

    def by_id(self, attachment: AttachmentInfo) -> bool:
        """Asked for by its id (an inline image is then saved too)."""
        if self.mode != "some":
            return False
        key = name_digest(attachment.id) if self.hashed else attachment.id
        return key in self.chosen


@dataclass(frozen=True)
class Options:
    attachments: Selection | None  # None: the org's default
    related_to: str | None


@dataclass(frozen=True)
class Outcome:
    status: str  # done | skipped
    result: dict[str, Any]


@dataclass(frozen=True)
class _Run:
    """One email being logged for one user."""

    org_id: str
    user_id: str
    message: MailMessage = field(repr=False)
    chunks: Callable[[AttachmentInfo], Iterable[bytes]]
    options: Options
    state: OrgState
    own: frozenset[str]
    digest: str
    deadline: Deadline | None = None  # when its Salesforce calls must have ended (a request's)

    @property
    def settings(self) -> OrgSettings:
        return self.state.settings

    @property
    def incoming(self) -> bool:
        return self.message.sender.email not in self.own

    def others(self) -> list[str]:
        """The participants other than the user."""
        return [a for a in _participants(self.message, self.incoming) if a not in self.own]


@dataclass
class _People:
    """The email's participants, matched."""

    incoming: bool
    relations: list[Person] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    by_email: dict[str, Person] = field(default_factory=dict)
    checked: bool = False  # Salesforce was asked whether the email is logged
    found_id: str | None = None  # ... and named this record


class EmailLog:
    """Logs emails for the users of this container (one instance per container)."""

    def __init__(
        self,
        store: Store,
        markers: LoggedEmails,
        clock: Clock,
        org_state: OrgStateStore,
        people: PeopleFinder,
        salesforce_for: Callable[[str, str], SalesforceClient],
        own_addresses: Callable[[str, str], set[str]],
        user_cache_seconds: float,
        usage_counter: UsageCounter = NOT_COUNTED,
        for_user: Callable[[OrgState, str, str], OrgSettings] | None = None,
    ) -> None:
        self._usage = usage_counter  # the dashboard's figures (chalicelib/usage.py)
        # (org state, org id, user id) -> the settings as they apply to the user: their own
        # choices where the org allows them (chalicelib/user_settings.py: `attachments`)
        self._for_user = for_user
        self._store = store
        self._markers = markers
        self._clock = clock
        self._org_state = org_state
        self._people = people
        self._salesforce_for = salesforce_for
        self._own_addresses = own_addresses
        # (org, address) -> the org's active User with that address, or "" (none)
        self._users: caching.TTLCache[tuple[str, str], str] = caching.TTLCache(
            clock, user_cache_seconds, 20_000
        )
        self._enhanced_off: caching.TTLCache[str, bool] = caching.TTLCache(
            clock, ENHANCED_EMAIL_RECHECK_SECONDS, 10_000
        )

    # -- the whole run -----------------------------------------------------------------------
    def log(
        self,
        org_id: str,
        user_id: str,
        message: MailMessage,
        chunks: Callable[[AttachmentInfo], Iterable[bytes]],
        options: Options,
        deadline: Deadline | None = None,
    ) -> Outcome:
        """Log the email once. `deadline`: when its Salesforce calls must have ended (a
        client-held email, logged within API Gateway's time); None for the worker's jobs."""
        state = self._org_state.state(org_id)
        if self._for_user is not None:
            state = replace(state, settings=self._for_user(state, org_id, user_id))
        settings = state.settings
        own = {addresses.normalise(a) for a in self._own_addresses(org_id, user_id) if a}
        incoming = message.sender.email not in own
        everyone = _participants(message, incoming)
        excluded = _excluded(everyone, settings.excluded_domains)
        if excluded:
            return Outcome(SKIPPED, _skipped(excluded))
        digest = message_hash(message.internet_message_id)
        lease_name = keys.email_log_lease(org_id, user_id, digest)
        try:
            lease = self._store.acquire_lease(lease_name, LOG_LEASE_SECONDS)
        except LeaseHeld:
            raise Retryable(
                StratusError(
                    ErrorCode.REQUEST_IN_PROGRESS, "This email is being logged right now.", 409
                ),
                delay=30,
            ) from None
        run = _Run(
            org_id, user_id, message, chunks, options, state, frozenset(own), digest, deadline
        )
        try:
            return self._log(run)
        finally:
            self._store.release_lease(lease)

    def _log(self, run: _Run) -> Outcome:
        org_id, user_id = run.org_id, run.user_id
        kind = self._kind(org_id, run.state)
        marker = self._markers.get(org_id, user_id, run.digest)
        query = _logged_query(run, kind, marker)
        client = self._salesforce_for(org_id, user_id)
        client.deadline = run.deadline
        people = self._match(run, query, client)
        if marker is not None and marker.pending and not people.checked and query is not None:
            # a run was cut off around its write, and no matching call was needed: ask now
            self._calls(run)
            records = client.query(query).get("records") or []
            people.checked, people.found_id = True, str(records[0]["Id"]) if records else None
        logged, duplicate = _already(marker, people)
        links = drive.drive_links(run.message.text, run.message.html)
        if logged is None:
            if marker is not None and marker.pending:
                # Salesforce shows nothing yet: the earlier write may still commit late
                self._settled(marker.pending_since)
            logged = self._insert(client, run, kind, self._activity(run, people, links))
            self._usage.count(org_id, user_id, usage.EMAILS_LOGGED)
        if logged != marker:
            self._markers.remember(org_id, user_id, run.digest, logged)
        saved = self._attachments(client, logged, run, duplicate)
        result = {
            "salesforce_id": logged.record_id,
            "kind": logged.kind,
            "duplicate": duplicate,
            "relations": [{"email": p.email, "id": p.id, "type": p.type} for p in people.relations],
            "unmatched": people.unmatched,
            "attachments": saved,
            "drive_links": [
                {"url": link.url, **({"title": link.title} if link.title else {})} for link in links
            ],
        }
        return Outcome(DONE, result)

    # -- matching ------------------------------------------------------------------------------
    def _match(self, run: _Run, logged_query: str | None, client: SalesforceClient) -> _People:
        org_id, user_id, message = run.org_id, run.user_id, run.message
        others = run.others()
        people = _People(incoming=run.incoming)
        extra: dict[str, str] = {}
        missing_users = [a for a in others if self._users.get((org_id, a)) is None]
        if missing_users:
            extra["users"] = _users_query(missing_users)
        if logged_query is not None:
            extra["logged"] = logged_query
        results, extra_records = (
            self._people(org_id, user_id, others, extra, run.deadline) if others else ([], None)
        )
        if extra_records is not None:
            self._remember_users(org_id, missing_users, extra_records.get("users", []))
            logged = extra_records.get("logged") or []
            people.checked = logged_query is not None
            if logged:
                people.found_id = str(logged[0].get("Id"))
        matched = dict(zip(others, results, strict=True))
        if extra_records is None:
            # every address was in the lookup cache: a User is asked for only where no Contact
            # or Lead matched (then Salesforce is asked once, for those only)
            unknown = [a for a in missing_users if not _matches(matched[a])]
            if unknown:
                self._calls(run)
                records = client.query(_users_query(unknown)).get("records") or []
                self._remember_users(org_id, unknown, records)
        for address in _participants(message, run.incoming):
            if address in run.own:  # the user: their own Salesforce User
                person: Person | None = Person(address, user_id, "User")
            else:
                person = self._person(org_id, address, matched[address])
            if person is None:
                people.unmatched.append(address)
            else:
                people.relations.append(person)
                people.by_email[address] = person
        return people

    def _person(self, org_id: str, address: str, result: dict[str, Any]) -> Person | None:
        for match in result.get("matches") or []:  # Contacts first, then Leads
            if match.get("type") in {"Contact", "Lead"} and match.get("id"):
                return Person(address, str(match["id"]), str(match["type"]))
        user = self._users.get((org_id, address))
        return Person(address, user, "User") if user else None

    def _remember_users(
        self, org_id: str, asked: Sequence[str], records: Sequence[dict[str, Any]]
    ) -> None:
        found = {
            addresses.normalise(str(r.get("Email") or "")): str(r.get("Id"))
            for r in records
            if r.get("Id")
        }
        for address in asked:
            self._users.put((org_id, address), found.get(address, ""))

    # -- writing -------------------------------------------------------------------------------
    def _kind(self, org_id: str, state: OrgState) -> str:
        """Task when the admin asks for it, or while the org is known to lack Enhanced Email
        (found by this container, or noted on the org's item by any: for a day, then tried
        again, since an org may turn it on)."""
        if state.settings.email_logging == "task" or self._enhanced_off.get(org_id):
            return "Task"
        missing_at = state.enhanced_email_missing_at
        if (
            missing_at is not None
            and self._clock.now() - missing_at < ENHANCED_EMAIL_RECHECK_SECONDS
        ):
            return "Task"
        return "EmailMessage"

    def _activity(self, run: _Run, people: _People, links: list[drive.DriveLink]) -> Activity:
        message, options, settings = run.message, run.options, run.settings

        def matched(group: Sequence[Any]) -> list[Person]:
            return [people.by_email[a.email] for a in group if a.email in people.by_email]

        text, html = message.text, message.html
        posts: list[activities.LinkPost] = []
        parent = None
        if links and settings.drive_links == "chatter":
            posts = [activities.LinkPost(link.url, link.title) for link in links]
            contacts = [p for p in people.relations if p.type == "Contact"]
            parent = options.related_to or (contacts[0].id if contacts else None)
        if links and (settings.drive_links == "activity" or parent is None):
            text = (text or "") + drive.appendix(links)
        bcc = () if people.incoming else message.bcc
        return Activity(
            subject=message.subject,
            text=text,
            html=html,
            date=message.date,
            message_identifier=message.internet_message_id,
            thread_identifier=_thread(message),
            incoming=people.incoming,
            from_address=message.sender.email,
            from_name=message.sender.name,
            to_addresses=[a.email for a in message.to],
            cc_addresses=[a.email for a in message.cc],
            bcc_addresses=[a.email for a in bcc],
            to_people=matched(message.to),
            cc_people=matched(message.cc),
            bcc_people=matched(bcc),
            sender=people.by_email.get(message.sender.email),
            related_to=options.related_to,
            link_posts=posts if parent else (),
            link_post_parent=parent,
        )

    def _settled(self, since: float | None) -> None:
        """409 `request_in_progress` (Retryable) while a write whose outcome is unknown, sent
        at `since`, may still be committed by Salesforce: a write now could make a second."""
        left = (since or 0) + SETTLE_SECONDS - self._clock.now()
        if left > 0:
            wait = math.ceil(left)
            raise Retryable(
                StratusError(
                    ErrorCode.REQUEST_IN_PROGRESS,
                    "An earlier write of this email may still be saving in Salesforce.",
                    409,
                    {"Retry-After": str(wait)},
                ),
                delay=wait,
            )

    def _insert(
        self, client: SalesforceClient, run: _Run, kind: str, activity: Activity
    ) -> LoggedEmail:
        """The activity's write under a pending marker. A definite failure (refused, or never
        sent) removes the marker: nothing was saved, so a retry need not wait to settle."""
        _require_time(run.deadline)  # no pending marker for a write that cannot be sent
        self._markers.pending(run.org_id, run.user_id, run.digest, kind)
        try:
            return self._write(client, run, kind, activity)
        except StratusError as failed:
            if isinstance(failed, ActivityRefused) or _not_sent(failed):
                self._store.delete(keys.logged_email_key(run.org_id, run.user_id, run.digest))
            raise

    def _write(
        self, client: SalesforceClient, run: _Run, kind: str, activity: Activity
    ) -> LoggedEmail:
        if kind == "EmailMessage":
            try:
                requests = activities.email_message_requests(client, activity)
                self._calls(run)
                return LoggedEmail(activities.insert(client, requests), "EmailMessage")
            except ActivityRefused as refused:
                if not _enhanced_email_missing(refused):
                    raise
                logger.info("enhanced email is off; logging tasks", extra={"org_id": run.org_id})
                self._enhanced_off.put(run.org_id, True)
                self._org_state.note_enhanced_email_missing(run.org_id)
        requests = activities.task_requests(client, activity)
        self._calls(run)
        return LoggedEmail(activities.insert(client, requests), "Task")

    def _saved(self, run: _Run, size: int) -> None:
        self._usage.count(run.org_id, run.user_id, usage.ATTACHMENTS_SAVED)
        self._usage.count(run.org_id, run.user_id, usage.ATTACHMENT_BYTES, size)

    def _calls(self, run: _Run, n: int = 1) -> None:
        """Salesforce API calls made for the user (the dashboard's figures)."""
        self._usage.count(run.org_id, run.user_id, usage.SALESFORCE_API_CALLS, n)

    # -- attachments ---------------------------------------------------------------------------
    def _attachments(
        self, client: SalesforceClient, logged: LoggedEmail, run: _Run, duplicate: bool
    ) -> list[dict[str, Any]]:
        """Each attachment's fate. The org decides whether any is saved (`attachments`); the
        request's choice only narrows it (default: all)."""
        message, settings = run.message, run.settings
        if not settings.attachments:
            return [
                _entry(a, "skipped", "the org does not save attachments")
                for a in message.attachments
            ]
        selection = run.options.attachments or Selection("all")
        limit = settings.max_attachment_mb * MB
        wanted = [a for a in message.attachments if _wanted(a, selection)]
        present: Counter[str] = Counter()
        if duplicate and any(a.size <= limit for a in wanted):
            self._calls(run)
            present = Counter(
                name for name, _ in activities.existing_files(client, logged.record_id)
            )
            needed = Counter(a.name for a in wanted if a.size <= limit)
            self._uploads_settled(run, {n for n, k in needed.items() if k > present[n]})
        out = []
        for attachment in message.attachments:
            if attachment not in wanted:
                reason = "inline image" if attachment.inline else "not selected"
                out.append(_entry(attachment, "skipped", reason))
            elif attachment.size > limit:
                out.append(_entry(attachment, "too_large", f"over {settings.max_attachment_mb} MB"))
            elif present[attachment.name] > 0:  # by name: Graph's `size` is not the bytes'
                present[attachment.name] -= 1
                out.append(_entry(attachment, "skipped", "already saved"))
            else:
                self._calls(run)
                entry = {"name": attachment.name, "size": attachment.size}
                entry.update(self._save(client, logged.record_id, attachment, run))
                if entry["status"] == "saved":
                    self._saved(run, attachment.size)
                out.append(entry)
        if any(e["status"] in {"saved", "failed"} for e in out):
            self._upload_ended(run)
        return out

    def _uploads_settled(self, run: _Run, missing: set[str]) -> None:
        """Before saving the files a logged record lacks: wait (409) while one of them is the
        upload in flight when an earlier run ended, sent less than SETTLE_SECONDS ago."""
        if not missing:
            return
        item = self._store.get(keys.logged_email_key(run.org_id, run.user_id, run.digest)) or {}
        if item.get("upload_name") in {name_digest(n) for n in missing}:
            self._settled(float(item.get("upload_since") or 0))

    def _uploading(self, run: _Run, attachment: AttachmentInfo) -> None:
        """The upload's pending mark on the logged marker, before it is sent: the file's name
        as SHA-256 (the table holds no file name) and when."""
        with contextlib.suppress(ConditionFailed):  # the marker is gone with its account
            self._store.update(
                keys.logged_email_key(run.org_id, run.user_id, run.digest),
                "SET upload_name = :name, upload_since = :now",
                {":name": name_digest(attachment.name), ":now": int(self._clock.now())},
                condition="attribute_exists(pk)",
            )

    def _upload_ended(self, run: _Run) -> None:
        """The uploads' outcomes are known: no replay need wait for one."""
        with contextlib.suppress(ConditionFailed):
            self._store.update(
                keys.logged_email_key(run.org_id, run.user_id, run.digest),
                "REMOVE upload_name, upload_since",
                {":now": int(self._clock.now())},  # DynamoDB refuses empty values
                condition="upload_since <= :now",  # absent (no mark, or no marker): nothing
            )

    def _save(
        self,
        client: SalesforceClient,
        parent_id: str,
        attachment: AttachmentInfo,
        run: _Run,
    ) -> dict[str, Any]:
        self._uploading(run, attachment)
        try:
            version = activities.upload_file(
                client,
                parent_id,
                attachment.name,
                lambda: run.chunks(attachment),
                attachment.size if attachment.exact_size else None,
            )
        except StratusError as failed:
            if _not_sent(failed):
                self._upload_ended(run)  # nothing saved: a retry need not wait to settle
            if failed.code in REAUTH_CODES or _ran_out(failed, run.deadline):
                # the run ends without a result: the email is logged (its marker confirmed),
                # and the retry saves what its record lacks (a cut upload that landed after
                # all is found by name then)
                raise
            logger.warning("attachment not saved", extra={"error": failed.code.value})
            return {"status": "failed", "reason": f"{failed.code.value}: {failed.message}"}
        return {"status": "saved", "content_version_id": version}


REAUTH_CODES = frozenset(
    {
        ErrorCode.SALESFORCE_REAUTH_REQUIRED,
        ErrorCode.GOOGLE_REAUTH_REQUIRED,
        ErrorCode.MICROSOFT_REAUTH_REQUIRED,
    }
)


def _require_time(deadline: Deadline | None) -> None:
    """503 `not_run`, nothing written, unless the activity's insert can still be sent after
    the pending marker's write."""
    if deadline is not None and deadline.left() < MIN_ATTEMPT_SECONDS + MARKER_WRITE_SECONDS:
        raise out_of_time()


def _not_sent(failed: StratusError) -> bool:
    """A failure that saved nothing for sure: not sent for want of time, or refused for
    want of a Salesforce session."""
    return failed.code == ErrorCode.NOT_RUN or failed.code in REAUTH_CODES


def _ran_out(failed: StratusError, deadline: Deadline | None) -> bool:
    """Whether an upload failed for want of time (not sent, or cut at the deadline) rather
    than for Salesforce's own reasons."""
    if failed.code == ErrorCode.NOT_RUN:
        return True
    return deadline is not None and deadline.left() < MIN_ATTEMPT_SECONDS


def _entry(attachment: AttachmentInfo, status: str, reason: str) -> dict[str, Any]:
    return {"name": attachment.name, "size": attachment.size, "status": status, "reason": reason}


def _matches(result: dict[str, Any]) -> bool:
    """Whether a lookup result names a Contact or a Lead."""
    return any(m.get("type") in {"Contact", "Lead"} for m in result.get("matches") or [])


def _wanted(attachment: AttachmentInfo, selection: Selection) -> bool:
    if attachment.inline and not selection.by_id(attachment):
        return False
    return selection.wants(attachment)


def _participants(message: MailMessage, incoming: bool) -> list[str]:
    """From, to, cc and (on mail the user sent) bcc, distinct, in that order."""
    groups = [(message.sender,), message.to, message.cc]
    if not incoming:
        groups.append(message.bcc)
    return list(dict.fromkeys(a.email for group in groups for a in group))


def _excluded(everyone: Sequence[str], domains: Sequence[str]) -> list[str]:
    """The excluded domains, when every participant is in one of them (else [])."""
    if not domains or not everyone:
        return []
    excluded = {d.lower() for d in domains}
    domains_seen = {a.rpartition("@")[2] for a in everyone}
    inside = all(any(d == x or d.endswith("." + x) for x in excluded) for d in domains_seen)
    return sorted(domains_seen) if inside else []


def _skipped(domains: list[str]) -> dict[str, Any]:
    return {
        "salesforce_id": None,
        "kind": None,
        "duplicate": False,
        "relations": [],
        "unmatched": [],
        "attachments": [],
        "drive_links": [],
        "reason": "every participant is in an excluded domain (" + ", ".join(domains[:5]) + ")",
    }


def _logged_query(run: _Run, kind: str, marker: LoggedEmail | None) -> str | None:
    """What the matching call asks Salesforce about this email:
    - a marker's record: whether it still exists (a user may delete a logged email to log it
      again);
    - a pending marker (a run cut off around its write): whether that write happened, by the
      Message-ID of an EmailMessage, or for a Task (no such field) by its owner, subtype and
      subject, created since the marker;
    - no marker: whether an EmailMessage has the Message-ID (for a Task the marker alone
      tells)."""
    if marker is not None and not marker.pending:
        return f"SELECT Id FROM {marker.kind} WHERE Id = {soql.literal(marker.record_id)}"
    if marker is not None and marker.kind == "Task":
        since = dt.datetime.fromtimestamp((marker.pending_since or 0) - 120, dt.UTC)
        return (
            f"SELECT Id FROM Task WHERE OwnerId = {soql.literal(run.user_id)}"
            " AND TaskSubtype = 'Email'"
            f" AND Subject = {soql.literal(activities.task_subject(run.message.subject))}"
            f" AND CreatedDate >= {since:%Y-%m-%dT%H:%M:%SZ} ORDER BY CreatedDate LIMIT 1"
        )
    if kind != "EmailMessage" and marker is None:
        return None
    return (  # the user's own: a colleague's copy of the same email is theirs
        "SELECT Id FROM EmailMessage WHERE MessageIdentifier = "
        f"{soql.literal(run.message.internet_message_id)}"
        f" AND CreatedById = {soql.literal(run.user_id)} ORDER BY CreatedDate LIMIT 1"
    )


def _already(marker: LoggedEmail | None, people: _People) -> tuple[LoggedEmail | None, bool]:
    """The record the email already is, if any, and whether that makes this a duplicate."""
    if marker is not None and marker.pending:
        if people.found_id is None:
            return None, False  # the cut-off write never happened: write it
        return LoggedEmail(people.found_id, marker.kind), False  # it did: this run's own
    if marker is not None:
        if people.checked and people.found_id is None:
            return None, False  # deleted in Salesforce since: logged anew
        return marker, True
    if people.found_id is not None:
        return LoggedEmail(people.found_id, "EmailMessage"), True
    return None, False


def _users_query(emails: Sequence[str]) -> str:
    listed = ", ".join(soql.literal(e) for e in emails)
    return f"SELECT Id, Email FROM User WHERE IsActive = true AND Email IN ({listed})"


def _thread(message: MailMessage) -> str | None:
    """ThreadIdentifier: the thread's first message (References' first), else In-Reply-To."""
    if message.references:
        return message.references[0]
    return message.in_reply_to


def _enhanced_email_missing(refused: ActivityRefused) -> bool:
    """The org has no Enhanced Email: the EmailMessage insert fails on its fields."""
    if refused.sf_code in {"INVALID_FIELD", "REQUIRED_FIELD_MISSING"}:
        named = set(refused.fields) | {f for f in _ENHANCED_FIELDS if f in refused.message}
        return bool(named & _ENHANCED_FIELDS)
    return refused.sf_code == "NOT_FOUND" and "EmailMessageRelation" in refused.message
