"""`make run`'s stack (LocalStack in-process: moto's server, the emulators, `chalice local` and
the queue worker as processes) logging emails end to end over HTTP: sign in, connect Google
and Microsoft, POST /emails for each source, and the real worker process does the queued work
(devstack/worker.py on moto's SQS) until GET /emails/jobs/{id} says done."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import requests

from devstack.stack import LocalStack
from tests.e2e.conftest import free_port, http, runner_env

ALICE = "alice@acme.demo"
PETER = "peter.gibbons@initech.com"  # a seeded Contact (and Lead) of the demo org
BINDING = "__Secure-stratus_oauth"
FINAL = {"done", "failed", "skipped"}
JOB_TIMEOUT = 30.0


def _location(reply: requests.Response) -> str:
    assert reply.status_code == 302, reply.text
    return str(reply.headers["Location"])


def _binding(reply: requests.Response) -> str:
    # Secure cookies are not kept by `requests` for http://127.0.0.1: handed back by hand
    return SimpleCookie(reply.headers["Set-Cookie"])[BINDING].value


@dataclass
class LocalUser:
    """One signed-in user of a running local stack, over HTTP (Bearer, as the mobile app)."""

    api: str
    session: requests.Session
    token: str = ""

    @classmethod
    def sign_in(cls, api: str, username: str) -> LocalUser:
        user = cls(api, http())
        query = urlencode({"login": "production", "return_to": "/me"})
        login = user.session.get(f"{api}/auth/salesforce/login?{query}", allow_redirects=False)
        consent = user.session.get(
            f"{_location(login)}&{urlencode({'login_hint': username})}", allow_redirects=False
        )
        signed_in = user.session.get(
            _location(consent),
            headers={"Cookie": f"{BINDING}={_binding(login)}"},
            allow_redirects=False,
        )
        _location(signed_in)
        user.token = str(signed_in.cookies["__Host-stratus_session"])
        return user

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def connect(self, provider: str) -> None:
        """The mailbox connect flow through the bundled emulator's consent."""
        start = self.session.get(
            f"{self.api}/connections/{provider}/start?return_to=/me",
            headers=self.bearer,
            allow_redirects=False,
        )
        callback = _location(self.session.get(_location(start), allow_redirects=False))
        connected = self.session.get(
            callback,
            headers={**self.bearer, "Cookie": f"{BINDING}={_binding(start)}"},
            allow_redirects=False,
        )
        assert _location(connected) == "/me"

    def me(self) -> dict[str, Any]:
        reply = self.session.get(f"{self.api}/me", headers=self.bearer, timeout=10)
        assert reply.status_code == 200, reply.text
        return dict(reply.json())

    def log_email(self, body: dict[str, Any], key: str | None = None) -> requests.Response:
        headers = dict(self.bearer)
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.session.post(f"{self.api}/emails", json=body, headers=headers, timeout=30)

    def job(self, job_id: str) -> dict[str, Any]:
        reply = self.session.get(f"{self.api}/emails/jobs/{job_id}", headers=self.bearer)
        assert reply.status_code == 200, reply.text
        return dict(reply.json()["job"])

    def finished(self, job_id: str, timeout: float = JOB_TIMEOUT) -> dict[str, Any]:
        """Poll the job until it ends (the worker process runs it)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if job["status"] in FINAL or time.monotonic() > deadline:
                return job
            time.sleep(0.2)


def start_stack(log: Path, **extra_env: str) -> LocalStack:
    """`make run`'s stack in this process on free loopback ports, its children's output in
    `log` (read it when a test fails)."""
    port = free_port()
    sink = log.open("wb")
    stack = LocalStack(port=port, env=runner_env(port, 0, **extra_env), output=sink)
    try:
        return stack.start()
    except BaseException:
        sink.close()
        raise


@contextlib.contextmanager
def running_stack(log: Path, **extra_env: str) -> Iterator[LocalStack]:
    """`start_stack` for a `with` block: stopped, and its log closed, on the way out."""
    started = start_stack(log, **extra_env)
    try:
        yield started
    finally:
        started.stop()
        started.output.close()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    with running_stack(tmp_path_factory.mktemp("local-emails") / "stack.log") as started:
        yield started


@pytest.fixture(scope="module")
def alice(stack: LocalStack) -> LocalUser:
    user = LocalUser.sign_in(stack.api_url, ALICE)
    user.connect("google")
    user.connect("microsoft")
    return user


def _logged(stack: LocalStack, job: dict[str, Any]) -> dict[str, Any]:
    """The EmailMessage a done job names, as the Salesforce emulator holds it."""
    assert job["status"] == "done", job
    result = job["result"]
    assert result["kind"] == "EmailMessage" and result["duplicate"] is False, result
    return dict(stack.emulator.org.get(result["salesforce_id"]))


def _relations(stack: LocalStack, email_message_id: str) -> dict[str, set[str]]:
    """RelationType -> the related ids (EmailMessageRelation rows of one EmailMessage)."""
    found: dict[str, set[str]] = {}
    for row in list(stack.emulator.org.records["EmailMessageRelation"].values()):
        if row["EmailMessageId"] == email_message_id:
            found.setdefault(row["RelationType"], set()).add(row["RelationId"])
    return found


def test_the_banner_says_the_worker_runs(stack: LocalStack) -> None:
    banner = stack.banner()
    assert stack.worker is not None and stack.worker.poll() is None
    line = next(x for x in banner.splitlines() if x.strip().startswith("email jobs"))
    assert stack.provisioned.email_queue_name in line
    assert "worker: running" in line and "POST /emails" in line


def test_a_gmail_email_is_logged_by_the_worker_process(stack: LocalStack, alice: LocalUser) -> None:
    message_id = stack.google.demo.messages[ALICE]["plain"]
    reply = alice.log_email({"source": "gmail", "message_id": message_id})
    assert reply.status_code == 202, reply.text
    job = reply.json()["job"]
    assert reply.headers["Location"] == f"/emails/jobs/{job['id']}"
    assert job["status"] == "queued"

    done = alice.finished(job["id"])
    record = _logged(stack, done)
    relations = {r["email"]: r for r in done["result"]["relations"]}
    assert relations[PETER]["type"] == "Contact" and relations[ALICE]["type"] == "User"
    assert record["Subject"] == "Re: Q3 renewal" and record["Incoming"] is True
    assert record["MessageIdentifier"].startswith("<")
    assert record["ToIds"] == [relations[ALICE]["id"]]
    linked = _relations(stack, done["result"]["salesforce_id"])
    assert linked["FromAddress"] == {relations[PETER]["id"]}
    assert relations[ALICE]["id"] in linked["ToAddress"]


def test_an_outlook_email_is_logged_by_the_worker_process(
    stack: LocalStack, alice: LocalUser
) -> None:
    message_id = stack.microsoft.demo.messages["alice"]["sent"]
    reply = alice.log_email({"source": "outlook", "message_id": message_id})
    assert reply.status_code == 202, reply.text
    done = alice.finished(reply.json()["job"]["id"])
    record = _logged(stack, done)
    relations = {r["email"]: r for r in done["result"]["relations"]}
    assert relations[PETER]["type"] == "Contact"
    assert record["Subject"] == "Pricing for Initech" and record["Incoming"] is False
    linked = _relations(stack, done["result"]["salesforce_id"])
    assert relations[PETER]["id"] in linked["ToAddress"]


def test_a_client_email_is_logged_within_the_request(stack: LocalStack, alice: LocalUser) -> None:
    body = {
        "source": "client",
        "message": {
            "internet_message_id": "<e2e-client-1@initech.com>",
            "subject": "Client-held renewal note",
            "date": "2026-11-02T10:00:00Z",
            "from": {"email": PETER, "name": "Peter Gibbons"},
            "to": [{"email": ALICE}],
            "text": "Logged from the mobile app.",
        },
    }
    reply = alice.log_email(body)
    assert reply.status_code == 201, reply.text
    job = reply.json()["job"]
    assert job["status"] == "done", job
    assert alice.job(job["id"]) == job
    record = _logged(stack, job)
    assert record["MessageIdentifier"] == "<e2e-client-1@initech.com>"
    assert record["Subject"] == "Client-held renewal note"
    relations = {r["email"]: r for r in job["result"]["relations"]}
    linked = _relations(stack, job["result"]["salesforce_id"])
    assert linked["FromAddress"] == {relations[PETER]["id"]}
    # logged again: the first record, nothing new
    again = alice.log_email(body)
    assert again.status_code == 201, again.text
    assert again.json()["job"]["result"]["duplicate"] is True
    assert again.json()["job"]["result"]["salesforce_id"] == job["result"]["salesforce_id"]
