"""Email logging (issue 11): Salesforce and mailbox calls per logged email, and the worker's
memory while a 25 MiB attachment moves from Gmail or Graph into Salesforce.

The helpers above `run()` (generated Contacts, message bodies, call counters) are shared with
tests/service/test_email_costs.py, which asserts the same counts exactly in `make test`.

`python -m bench --only emails` runs only this one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.cookies import SimpleCookie
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

from bench.core import (
    REPO,
    Figure,
    app_output_discarded,
    environment,
    run_measuring_child,
)

ORDER = 75
TITLE = "Email logging: API calls per logged email, memory per 25 MB attachment"
METHOD = """
In-process, as the service tests run: the app through `chalice.test.Client` on moto (DynamoDB,
KMS and SQS provisioned from infra/template.yaml), the Salesforce, Google and Microsoft
emulators over HTTP on 127.0.0.1, each counting the calls it serves (a Composite request is one
Salesforce API call). Alice signs in and connects Gmail and Outlook; the org's `attachments`
setting is on. Salesforce calls: for each N participants (generated Contacts, fresh per case:
the sender and N-1 recipients besides Alice) and k attachments of 1 KiB, one client-sourced
`POST /emails`, then a second, different email with the same participants (every address
cached). Provider calls: a Gmail and an Outlook message with k attachments, `POST /emails` then
one pass of the queue worker (devstack/worker.py `poll_once`, as Lambda's event source).
Memory: the emulators hold a 25 MiB attachment; a fresh interpreter (the worker: nothing of the
emulators is counted) reads the message with the provider's reader and streams the attachment
through `activities.upload_file` into a ContentVersion at the Salesforce emulator over HTTP,
under `tracemalloc` (Python allocations; the peak minus what was traced when the upload began).
The Salesforce emulator's SHA-256 of what it received is compared with the attachment's.
"""

ALICE = "alice@acme.demo"
PETER = "peter.gibbons@initech.com"  # a seeded Contact
PARTICIPANTS = (1, 5, 20)
ATTACHMENTS = (0, 1, 3)
FILE_BYTES = 1024
BENCH_SECRET = "bench-secret"  # noqa: S105 - the throwaway emulators' client secret
GOOGLE_CLIENT = ("stratus-google-bench.apps.googleusercontent.com", BENCH_SECRET)
MICROSOFT_CLIENT = ("stratus-ms-bench", BENCH_SECRET)
BASE_URL = "http://127.0.0.1:8999"  # PUBLIC_BASE_URL: only the OAuth callbacks name it
TARGET_MIB = 16.0
MIB = 1024 * 1024
T = TypeVar("T")
#: the identity endpoints of the Microsoft emulator (not Graph calls)
_MS_IDENTITY = frozenset({"authorize", "token", "control"})


# -- what the service tests share ---------------------------------------------------------------
def files(count: int, tag: str) -> list[tuple[str, bytes]]:
    """`count` distinct small attachments (name, bytes)."""
    return [
        (f"{tag}-{i}.bin", hashlib.sha256(f"{tag}/{i}".encode()).digest() * (FILE_BYTES // 32))
        for i in range(count)
    ]


def add_contacts(emu: Any, owner_id: str, count: int, tag: str) -> list[str]:
    """`count` new Contacts owned by `owner_id` in the Salesforce emulator; their addresses."""
    addresses = [f"{tag}-{i}@customer-{tag}.example" for i in range(count)]
    for index, address in enumerate(addresses):
        emu.org.insert(
            "Contact",
            {"FirstName": "Bench", "LastName": f"{tag} {index}", "Email": address},
            as_user=owner_id,
        )
    return addresses


def client_email(
    message_id: str, people: Sequence[str], attached: Sequence[tuple[str, bytes]]
) -> dict[str, Any]:
    """The body of a client-sourced `POST /emails`: from people[0] to Alice and the rest."""
    import base64

    return {
        "source": "client",
        "message": {
            "internet_message_id": f"<{message_id}@bench.example>",
            "subject": "Costs",
            "date": "2026-11-02T09:00:00Z",
            "from": {"email": people[0]},
            "to": [{"email": ALICE}, *({"email": p} for p in people[1:])],
            "text": "Numbers attached.",
            "attachments": [
                {
                    "name": name,
                    "content_type": "application/octet-stream",
                    "content_base64": base64.b64encode(data).decode(),
                }
                for name, data in attached
            ],
        },
    }


def add_gmail_message(
    emu: Any, mailbox: str, message_id: str, attached: Sequence[tuple[str, bytes]]
) -> str:
    """A message from Peter to `mailbox` with `attached` files (each has a filename, so Gmail
    serves its bytes only through `messages.attachments.get`); its Gmail id."""
    from devstack.googleemu.gmail import Message, Part

    parts = [Part("text/plain", data=b"Numbers attached.")]
    for name, data in attached:
        disposition = ("Content-Disposition", f'attachment; filename="{name}"')
        parts.append(
            Part("application/octet-stream", headers=[disposition], filename=name, data=data)
        )
    payload = Part("multipart/mixed", parts=parts)
    payload.headers = [
        ("Date", "Mon, 02 Nov 2026 09:00:00 +0000"),
        ("Message-ID", f"<{message_id}@bench.example>"),
        ("From", f"Peter Gibbons <{PETER}>"),
        ("To", mailbox),
        ("Subject", "Costs"),
    ]
    when = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    emu.mailboxes[mailbox].add(Message(message_id, message_id, ["INBOX"], when, payload, "", 9100))
    return message_id


def add_outlook_message(
    emu: Any, mailbox: str, tag: str, attached: Sequence[tuple[str, bytes]]
) -> str:
    """A message from Peter to `mailbox` with `attached` files; its Graph id."""
    from devstack.msemu.seed import graph_id

    user_id = emu.user_id(mailbox)
    message_id = graph_id("bench", "message", tag)
    sender = {"emailAddress": {"name": "Peter Gibbons", "address": PETER}}
    emu.add_message(
        user_id,
        {
            "id": message_id,
            "lastModifiedDateTime": "2026-11-02T09:00:00Z",
            "sentDateTime": "2026-11-02T09:00:00Z",
            "internetMessageId": f"<{tag}@bench.example>",
            "subject": "Costs",
            "from": sender,
            "sender": sender,
            "toRecipients": [{"emailAddress": {"name": "Alice", "address": mailbox}}],
            "body": {"contentType": "text", "content": "Numbers attached."},
        },
    )
    for index, (name, data) in enumerate(attached):
        emu.add_attachment(
            user_id,
            message_id,
            attachment_id=graph_id("bench", "attachment", f"{tag}-{index}"),
            name=name,
            content_type="application/octet-stream",
            data=data,
        )
    return message_id


def salesforce_calls(emu: Any, user_id: str) -> Counter[str]:
    """The Salesforce API calls the emulator counted for one user, by kind."""
    from devstack.sfemu.emulator import CALL_KINDS

    return Counter({kind: emu.calls(user_id=user_id, kind=kind) for kind in CALL_KINDS})


def google_calls(emu: Any, user: str) -> Counter[str]:
    """Gmail API calls made with the user's token (OAuth endpoints are not counted here)."""
    calls = emu.stats()["calls_by_user"].get(user, {})
    return Counter({k: v for k, v in calls.items() if not k.startswith("oauth.")})


def google_refreshes(emu: Any, user: str) -> int:
    return int(emu.stats()["token_refreshes"].get(user, 0))


def microsoft_calls(emu: Any) -> Counter[str]:
    """Graph calls ("GET attachment_value", ...): the identity platform's are not counted."""
    calls = emu.stats()["calls"]
    return Counter({k: v for k, v in calls.items() if k.split(" ", 1)[-1] not in _MS_IDENTITY})


def microsoft_refreshes(emu: Any) -> int:
    return int(emu.stats()["token_refreshes"])


def spent(counter: Callable[[], Counter[str]], action: Callable[[], T]) -> tuple[Counter[str], T]:
    """What `action` added to `counter()` (positive entries only), and what it returned."""
    before = counter()
    result = action()
    return counter() - before, result


def check_logged(job: Mapping[str, Any], people: Sequence[str], attachments: int) -> None:
    """The job logged the email with every participant matched and every attachment saved,
    so that its call count measures the whole work (a count of a half-done job proves
    nothing)."""
    result = job["result"]
    types = {r["email"]: r["type"] for r in result["relations"]}
    saved = [a for a in result["attachments"] if a["status"] == "saved"]
    if any(types.get(p) != "Contact" for p in people) or result["unmatched"]:
        raise RuntimeError(f"participants left unmatched: {result['unmatched']}")
    if len(saved) != attachments or len(result["attachments"]) != attachments:
        raise RuntimeError(f"attachments not saved: {result['attachments']}")


# -- the in-process stack ---------------------------------------------------------------------
@dataclass
class _Stack:
    salesforce: Any  # devstack.sfemu.Emulator
    google: Any
    microsoft: Any
    queue_url: str


@contextmanager
def _stack() -> Iterator[_Stack]:
    """moto provisioned from the template, the three emulators on loopback, and the app's
    environment pointed at them."""
    import boto3
    from moto import mock_aws

    from devstack.googleemu import GoogleEmulator
    from devstack.motoatomic import make_moto_atomic
    from devstack.msemu import MicrosoftEmulator
    from devstack.provision import provision_stack
    from devstack.sfemu import Emulator, EmulatorServer

    make_moto_atomic()
    emu = Emulator(client_id="stratus-bench", client_secret=BENCH_SECRET)
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    callback = BASE_URL + "/connections/{}/callback"
    google = GoogleEmulator(*GOOGLE_CLIENT, redirect_uris=[callback.format("google")]).start()
    microsoft = MicrosoftEmulator(
        *MICROSOFT_CLIENT, redirect_uris=[callback.format("microsoft")]
    ).start()
    try:
        with environment(), mock_aws():
            stack = provision_stack(boto3.session.Session(), stage="bench")
            os.environ.update(_app_environment(stack, server.url, google, microsoft))
            from chalicelib import deps

            deps.reset()
            yield _Stack(emu, google, microsoft, stack.email_queue_url)
            deps.reset()
    finally:
        google.stop()
        microsoft.stop()
        server.stop()


def _app_environment(stack: Any, sf_url: str, google: Any, microsoft: Any) -> dict[str, str]:
    return {
        "STRATUS_TABLE": stack.table_name,
        "STRATUS_KMS_KEY_ID": stack.key_alias,
        "STRATUS_EMAIL_QUEUE": stack.email_queue_name,
        "PUBLIC_BASE_URL": BASE_URL,
        "SALESFORCE_CLIENT_ID": "stratus-bench",
        "SALESFORCE_CLIENT_SECRET": BENCH_SECRET,
        "SALESFORCE_LOGIN_URL": sf_url,
        "SALESFORCE_SANDBOX_URL": sf_url,
        "SALESFORCE_EXTRA_LOGIN_HOSTS": sf_url.split("://", 1)[1],
        "OAUTHLIB_INSECURE_TRANSPORT": "1",
        "GOOGLE_CLIENT_ID": GOOGLE_CLIENT[0],
        "GOOGLE_CLIENT_SECRET": GOOGLE_CLIENT[1],
        "GOOGLE_ACCOUNTS_URL": google.url,
        "GOOGLE_OAUTH_URL": google.url,
        "GOOGLE_API_URL": google.url,
        "MICROSOFT_CLIENT_ID": MICROSOFT_CLIENT[0],
        "MICROSOFT_CLIENT_SECRET": MICROSOFT_CLIENT[1],
        "MICROSOFT_TENANT": microsoft.tenant,
        "MICROSOFT_LOGIN_URL": microsoft.url,
        "MICROSOFT_GRAPH_URL": microsoft.url,
    }


@dataclass
class EmailUser:
    """A signed-in user of the app in `client` (a chalice.test.Client) logging emails: her
    session token, her Salesforce user id and the email-jobs queue the worker reads."""

    client: Any
    session: str
    user_id: str
    queue_url: str

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.session}", "Content-Type": "application/json"}

    def connect(self, provider: str) -> None:
        """Connect a mailbox (google, microsoft): the browser's part of the OAuth flow."""
        import requests

        cookie = f"__Host-stratus_session={self.session}"
        start = self.client.http.get(
            f"/connections/{provider}/start?return_to=/settings", headers={"Cookie": cookie}
        )
        binding = SimpleCookie(start.headers["Set-Cookie"])["__Secure-stratus_oauth"].value
        consent = requests.get(start.headers["Location"], allow_redirects=False, timeout=10)
        params = {k: v[0] for k, v in parse_qs(urlsplit(consent.headers["Location"]).query).items()}
        done = self.client.http.get(
            f"/connections/{provider}/callback?{urlencode(params)}",
            headers={"Cookie": f"{cookie}; __Secure-stratus_oauth={binding}"},
        )
        if done.status_code != 302:
            raise RuntimeError(f"connecting {provider} failed: {done.body!r}")

    def save_attachments(self) -> None:
        """Turn the org's `attachments` setting on (directly: the admin API has its tests)."""
        from chalicelib import deps

        me = self.client.http.get("/me", headers=self.headers())
        org_id = json.loads(me.body)["org"]["id"]
        deps._stored_org_settings().change(org_id, {"attachments": True})

    def log(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /emails; for a mailbox source, one pass of the worker. The finished job."""
        import boto3

        from app import email_jobs
        from devstack.worker import poll_once

        response = self.client.http.post("/emails", body=json.dumps(body), headers=self.headers())
        if response.status_code not in (201, 202):
            raise RuntimeError(f"POST /emails answered {response.status_code}: {response.body!r}")
        job: dict[str, Any] = json.loads(response.body)["job"]
        if response.status_code == 202:
            poll_once(boto3.client("sqs"), self.queue_url, email_jobs)
            reply = self.client.http.get(f"/emails/jobs/{job['id']}", headers=self.headers())
            job = json.loads(reply.body)["job"]
        if job["status"] != "done":
            raise RuntimeError(f"the email was not logged: {job}")
        return job


# -- the figures ------------------------------------------------------------------------------
def _salesforce_figures(alice: EmailUser, emu: Any) -> list[Figure]:
    figures = []
    counted = partial(salesforce_calls, emu, alice.user_id)
    for count in PARTICIPANTS:
        for k in ATTACHMENTS:
            tag = f"n{count}k{k}"
            people = add_contacts(emu, alice.user_id, count, tag)

            first = client_email(tag, people, files(k, tag))
            cold, job = spent(counted, partial(alice.log, first))
            check_logged(job, people, k)
            second = client_email(tag + "b", people, files(k, tag + "b"))  # same people
            cached, job = spent(counted, partial(alice.log, second))
            check_logged(job, people, k)
            figures += [
                _calls_figure(f"Salesforce calls, N={count}, k={k}", cold, 2 + k),
                _calls_figure(f"Salesforce calls, N={count}, k={k}, cached", cached, 1 + k),
            ]
    return figures


def _calls_figure(label: str, calls: Counter[str], target: int) -> Figure:
    return Figure(
        label,
        sum(calls.values()),
        "calls",
        "Salesforce API calls for one logged email with N participants and k attachments "
        "(cached: every participant was matched before).",
        target=target,
        detail=", ".join(f"{kind} {n}" for kind, n in sorted(calls.items())),
    )


def _provider_figures(alice: EmailUser, stack: _Stack) -> list[Figure]:
    figures = []
    for k in ATTACHMENTS:
        gmail_id = add_gmail_message(stack.google, ALICE, f"b1b1b1b1b1b1b{k:03d}", files(k, "g"))
        refreshes = google_refreshes(stack.google, ALICE)
        gmail, job = spent(
            partial(google_calls, stack.google, ALICE),
            partial(alice.log, {"source": "gmail", "message_id": gmail_id}),
        )
        check_logged(job, [PETER], k)
        refreshed = google_refreshes(stack.google, ALICE) - refreshes
        figures.append(_provider_figure(f"Gmail calls, k={k}", gmail, 1 + k, refreshed))
        outlook_id = add_outlook_message(stack.microsoft, ALICE, f"costs-{k}", files(k, "o"))
        refreshes = microsoft_refreshes(stack.microsoft)
        outlook, job = spent(
            partial(microsoft_calls, stack.microsoft),
            partial(alice.log, {"source": "outlook", "message_id": outlook_id}),
        )
        check_logged(job, [PETER], k)
        refreshed = microsoft_refreshes(stack.microsoft) - refreshes
        figures.append(_provider_figure(f"Graph calls, k={k}", outlook, 1 + k, refreshed))
    return figures


def _provider_figure(label: str, calls: Counter[str], target: int, refreshes: int) -> Figure:
    listed = ", ".join(f"{endpoint} {n}" for endpoint, n in sorted(calls.items()))
    return Figure(
        label,
        sum(calls.values()),
        "calls",
        "Mailbox API calls to read one email and its k attachments (the message, then one "
        "per attachment); token refreshes are not counted.",
        target=target,
        detail=f"{listed}; token refreshes {refreshes}",
    )


# Runs in a fresh interpreter, the worker: argv[1] is a JSON object (urls, tokens, ids)
_WORKER = r"""
import json, sys, time, tracemalloc
args = json.loads(sys.argv[1])
sys.path.insert(0, args["repo"])
from chalicelib.settings import Settings
from chalicelib.providers.google.provider import GoogleProvider
from chalicelib.providers.microsoft.provider import MicrosoftProvider
from chalicelib.providers.salesforce import activities
from chalicelib.providers.salesforce.client import SalesforceClient

class Fixed:
    def __init__(self, token): self.token = token
    def current(self): return self.token
    def refreshed(self, stale): raise RuntimeError("the bench token expired")

def rss_kib(name):
    for line in open("/proc/self/status"):
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0

settings = Settings(google_api_url=args["url"], microsoft_graph_url=args["url"],
                    mailbox_timeout_seconds=60.0)
kind = GoogleProvider if args["provider"] == "google" else MicrosoftProvider
reader = kind(settings, lambda s: s).mail_reader(Fixed(args["token"]))
salesforce = SalesforceClient(args["sf_url"], Fixed(args["sf_token"]),
                              settings.salesforce_api_version, read_timeout=120.0)
message = reader.message(args["message_id"])
(attachment,) = message.attachments
try:
    open("/proc/self/clear_refs", "w").write("5")  # reset VmHWM (Linux >= 4.0)
except OSError:
    pass
rss_before = rss_kib("VmRSS")
tracemalloc.start()
baseline = tracemalloc.get_traced_memory()[0]
started = time.perf_counter()
version = activities.upload_file(salesforce, args["parent_id"], attachment.name,
                                 lambda: reader.attachment(args["message_id"], attachment))
seconds = time.perf_counter() - started
peak = tracemalloc.get_traced_memory()[1] - baseline
print(json.dumps({"peak": peak, "version": version, "seconds": seconds,
                  "listed": attachment.size, "rss_kib": rss_kib("VmHWM") - rss_before}))
"""


def _move(start: Callable[[], tuple[Any, dict[str, Any]]], salesforce: Any, sf_url: str) -> Any:
    """One 25 MiB attachment from a mailbox emulator to Salesforce, in the worker process."""
    alice_id = salesforce.demo.users["alice"]
    parent = salesforce.org.insert(
        "EmailMessage",
        {"Subject": "25 MB", "Status": "1", "MessageIdentifier": "<25mb@bench.example>"},
        as_user=alice_id,
    )
    emu, args = start()
    try:
        args.update(
            repo=str(REPO),
            url=emu.url,
            sf_url=sf_url,
            sf_token=salesforce.issue_tokens(alice_id)["access_token"],
            parent_id=parent["Id"],
        )
        report = run_measuring_child(_WORKER, args, f"{args['provider']} to Salesforce")
    finally:
        emu.stop()
    report["blob"] = salesforce.uploaded_file(report["version"])
    return report


def _memory_figures() -> list[Figure]:
    from bench.mail_stream import SIZE, _expected, _google, _microsoft
    from devstack.sfemu import Emulator, EmulatorServer

    expected = _expected()
    emu = Emulator(client_id="stratus-bench", client_secret=BENCH_SECRET)
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    figures = []
    try:
        for name, start in (("Gmail", _google), ("Graph", _microsoft)):
            report = _move(start, emu, server.url)
            blob = report["blob"]
            if blob is None or (blob.sha256, blob.size) != (expected, SIZE):
                raise RuntimeError(f"{name}: Salesforce received other bytes than the attachment")
            figures += _memory_pair(name, report, SIZE)
    finally:
        server.stop()
    return figures


def _memory_pair(name: str, report: Mapping[str, Any], size: int) -> list[Figure]:
    detail = (
        f"peak {report['peak']:,} B for {size:,} B; RSS high-water +{report['rss_kib']:,} KiB; "
        f"{report['seconds']:.2f} s; sha256 at Salesforce matches"
    )
    return [
        Figure(
            f"Worker memory above baseline, 25 MiB from {name} to Salesforce",
            round(report["peak"] / MIB, 2),
            "MiB",
            "Python memory held at once while the attachment moves from the mailbox into a "
            "Salesforce File; the attachment itself is 25 MiB.",
            target=TARGET_MIB,
            detail=detail,
        ),
        Figure(
            f"Worker memory / attachment size ({name} to Salesforce)",
            round(report["peak"] / size, 4),
            "x",
            "1.00x would mean the whole attachment sat in memory.",
            target=TARGET_MIB * MIB / size,
        ),
    ]


def count_figures() -> list[Figure]:
    """The exact counts (Salesforce and mailbox calls): what test_bench checks too."""
    from chalice.test import Client

    from app import app

    with _stack() as stack, Client(app, stage_name="test") as client, app_output_discarded():
        from bench.lookup import _sign_in

        alice_id = stack.salesforce.demo.users["alice"]
        alice = EmailUser(client, _sign_in(client, ALICE), alice_id, stack.queue_url)
        alice.connect("google")
        alice.connect("microsoft")
        alice.save_attachments()
        return _salesforce_figures(alice, stack.salesforce) + _provider_figures(alice, stack)


def run() -> list[Figure]:
    return count_figures() + _memory_figures()
