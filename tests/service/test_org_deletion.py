"""Deleting an org (`DELETE /admin/org`): a resumable job on its own queue that revokes every
user's connections at Salesforce and Google, deletes every item naming the org, ends the
caller's session and leaves another org untouched."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests
from chalice.test import Client

from chalicelib import deps
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from devstack.sfemu import Emulator, EmulatorServer
from devstack.worker import poll_once
from tests.conftest import Mailboxes, Salesforce, SignIn
from tests.mailboxes import Browser

ALICE = "alice@acme.demo"
NOT_THE_ORG = "00D000000000OTHEAA"


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _scan(stack: ProvisionedStack) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for page in boto3.client("dynamodb").get_paginator("scan").paginate(TableName=stack.table_name):
        items.extend(page["Items"])
    return items


def _key(item: dict[str, Any]) -> str:
    return f"{item['pk']['S']}|{item['sk']['S']}"


def _text(item: dict[str, Any]) -> str:
    return json.dumps(item, default=lambda b: base64.b64encode(b).decode())


@pytest.fixture
def deletion_queue(
    stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A fresh org-deletion queue for the test (SQS allows one purge a minute)."""
    sqs = boto3.client("sqs")
    name = f"{stack.org_deletion_queue_name}-{abs(hash(request.node.nodeid)) % 10**8}"
    url = sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "1800"})["QueueUrl"]
    monkeypatch.setenv("STRATUS_ORG_DELETION_QUEUE", name)
    monkeypatch.setenv("ORG_DELETION_SETTLE_SECONDS", "0")  # the last sweep at once
    deps.reset()
    yield url
    sqs.delete_queue(QueueUrl=url)


def _work(url: str, most: int = 20) -> list[Any]:
    """Run the worker until the queue is empty: what each poll did."""
    from app import org_deletion

    sqs, polls = boto3.client("sqs"), []
    for _ in range(most):
        polled = poll_once(sqs, url, org_deletion, visibility_timeout=0)
        if not polled.received:
            return polls
        polls.append(polled)
    raise AssertionError(f"the deletion did not end: {polls}")


@pytest.fixture
def other_org(
    client: Client, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SignIn]:
    """A second Salesforce org (another emulator: its own org id, users and records), reached
    as the sandbox login host, so that users of two orgs are signed in to one Stratus."""
    emu = Emulator(client_id="stratus-test", client_secret="test-secret", id_start=2_000_029)
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    hosts = [u.split("://", 1)[1] for u in (sf_env.url, server.url)]
    monkeypatch.setenv("SALESFORCE_SANDBOX_URL", server.url)
    monkeypatch.setenv("SALESFORCE_EXTRA_LOGIN_HOSTS", ",".join(hosts))
    deps.reset()
    try:
        yield SignIn(client, Salesforce(emu, server.url))
    finally:
        server.stop()


def _sign_in_other(other: SignIn, username: str) -> str:
    url = other.authorize_url(login="sandbox", return_to="/me")
    response = other.callback(other.consent(url, username))
    assert response.status_code == 302, response.body
    token = other.cookie(response, "__Host-stratus_session")
    assert token
    return token


def _org_of(client: Client, token: str) -> str:
    return str(json.loads(client.http.get("/me", headers=_auth(token)).body)["org"]["id"])


def _count_an_open(org_id: str, shard: int) -> None:
    """An open counted for the org today in one of its counter shards, as a pixel counts it."""
    from datetime import UTC, datetime

    from chalicelib.store.usage import hit_adds

    adds = hit_adds(org_id, datetime.now(UTC).date(), shard, "open", "human")
    deps.store().update(adds.key, adds.expression, adds.values, adds.names)


def _delete(client: Client, token: str, confirm: str) -> Any:
    body = json.dumps({"confirm": confirm}).encode()
    return client.http.delete("/admin/org", body=body, headers=_auth(token))


def test_only_an_admin_confirming_the_org_id_starts_it(
    client: Client, sign_in: SignIn, deletion_queue: str
) -> None:
    admin, bob = sign_in("admin@acme.demo"), sign_in("bob@acme.demo")
    org_id = _org_of(client, admin)
    assert _delete(client, bob, org_id).status_code == 403
    wrong = _delete(client, admin, NOT_THE_ORG)
    assert wrong.status_code == 400
    assert json.loads(wrong.body)["error"]["code"] == "validation_error"
    assert client.http.get("/admin/org/deletion", headers=_auth(admin)).status_code == 404
    alice = sign_in(ALICE)  # not an admin: nor may she read a deletion's progress
    assert client.http.get("/admin/org/deletion", headers=_auth(alice)).status_code == 403
    assert not boto3.client("sqs").receive_message(QueueUrl=deletion_queue).get("Messages")


def test_deleting_the_org_revokes_deletes_everything_naming_it_and_spares_another_org(
    client: Client,
    sign_in: SignIn,
    mailbox_env: Mailboxes,
    stack: ProvisionedStack,
    deletion_queue: str,
    other_org: SignIn,
) -> None:
    # Given an org whose admin, Alice (with Google and Microsoft connected) and Bob signed in,
    # with settings, per-user choices and usage; and another org's admin and Alice too
    emu = sign_in.salesforce.emu
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    alice = Browser(client, sign_in(ALICE))
    assert alice.connect("google").status_code == 302
    assert alice.connect("microsoft").status_code == 302
    bob = sign_in("bob@acme.demo")
    allowed = json.dumps({"user_overrides": ["attachments"], "email_tracking": True}).encode()
    assert client.http.put("/admin/settings", body=allowed, headers=_auth(admin)).status_code == 200
    mine = json.dumps({"attachments": True}).encode()
    assert client.http.put("/me/settings", body=mine, headers=_auth(bob)).status_code == 200
    client.http.get("/admin/usage", headers=_auth(admin))
    alice_sf = emu.user_by_username(ALICE)
    assert alice_sf is not None
    refresh_token = emu.issued_refresh_tokens(alice_sf["Id"])[-1]
    other_admin = _sign_in_other(other_org, "admin@acme.demo")
    other_alice = _sign_in_other(other_org, ALICE)
    other_id = _org_of(client, other_admin)
    assert other_id != org_id
    other_settings = json.dumps({"user_overrides": ["attachments"]}).encode()
    assert (
        client.http.put("/admin/settings", body=other_settings, headers=_auth(other_admin))
    ).status_code == 200
    client.http.get("/admin/usage", headers=_auth(other_admin))
    for org in (org_id, other_id):  # opens counted in counter shards (store/usage.py)
        _count_an_open(org, shard=3)
    others_before = {_key(i): i for i in _scan(stack) if other_id in _text(i)}
    assert len(others_before) >= 6
    assert any(org_id in _text(i) for i in _scan(stack))
    # When the admin deletes the org
    response = _delete(client, admin, org_id)
    # Then a job is queued; its progress is shown while the admin's session lives
    assert response.status_code == 202, response.body
    assert json.loads(response.body)["job"]["status"] == "queued"
    shown = client.http.get("/admin/org/deletion", headers=_auth(admin))
    assert json.loads(shown.body)["job"]["phase"] == "users"
    assert _work(deletion_queue)
    # ... no item names the org, the other org's items are all there
    left = _scan(stack)
    assert [i["pk"]["S"] for i in left if org_id in _text(i)] == []
    others_after = {_key(i): i for i in left if other_id in _text(i)}
    assert others_after == others_before  # not an item of the other org added, lost or changed
    for token in (other_admin, other_alice):
        assert client.http.get("/me", headers=_auth(token)).status_code == 200
    # ... the grants are revoked at Salesforce and Google
    assert mailbox_env.google.stats()["revocations"] == {ALICE: 1}
    reply = requests.post(
        f"{sign_in.salesforce.url}/services/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": "stratus-test",
            "client_secret": "test-secret",
        },
        timeout=10,
    )
    assert reply.status_code == 400 and reply.json()["error"] == "invalid_grant"
    # ... every session ended, the caller's too; the job says done (under a one-way tag)
    for token in (admin, bob, alice.session):
        assert client.http.get("/me", headers=_auth(token)).status_code == 401
    job = deps.org_deletion().progress(org_id)
    assert job.done and job.users_deleted == 3 and job.items_deleted > 0
    # ... and it says that Microsoft's grant could not be revoked (Graph has no per-grant
    # revocation: its tokens were deleted), Salesforce's and Google's were
    assert job.revocations_failed == {"microsoft": 1}
    assert job.view()["revocations_failed"] == {"microsoft": 1}


def test_an_interrupted_deletion_finishes_on_the_next_run(
    client: Client,
    sign_in: SignIn,
    stack: ProvisionedStack,
    deletion_queue: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a deletion that goes one user per run, and a run that dies after its first user
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    sign_in("bob@acme.demo")
    sign_in(ALICE)
    one_by_one = dataclasses.replace(deps.org_deletion(), users_per_run=1)
    calls = {"n": 0}
    real = one_by_one.delete_user

    def dies_once(org: str, user: str, *, unanswered_ok: bool) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("the worker died here")
        return real(org, user, unanswered_ok=unanswered_ok)

    monkeypatch.setattr(
        deps, "org_deletion", lambda: dataclasses.replace(one_by_one, delete_user=dies_once)
    )
    assert _delete(client, admin, org_id).status_code == 202
    # When the worker runs until the queue is empty
    polls = _work(deletion_queue)
    # Then the failed run came back and the deletion went on to the end
    assert any(p.failed for p in polls)
    assert deps.org_deletion().progress(org_id).done
    assert [i["pk"]["S"] for i in _scan(stack) if org_id in _text(i)] == []


def test_asking_again_while_it_runs_is_the_same_deletion(
    client: Client, sign_in: SignIn, deletion_queue: str
) -> None:
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    first = _delete(client, admin, org_id)
    # When it is asked for again while it runs
    again = _delete(client, admin, org_id)
    # Then the answer is the same job, and nothing more is queued: one chain of runs
    assert again.status_code == 202
    assert json.loads(again.body)["job"] == json.loads(first.body)["job"]
    assert "status_url" in json.loads(first.body) and "status_url" not in json.loads(again.body)
    assert _queued(deletion_queue) == 1
    assert deps.org_deletion().jobs.get(org_id) is not None
    assert org_id not in _text(
        boto3.client("dynamodb").get_item(
            TableName=deps.get_settings().table_name,
            Key={"pk": {"S": keys.org_deletion_key(_tag(org_id))[0]}, "sk": {"S": "JOB"}},
        )["Item"]
    )


def test_asking_again_for_a_deletion_that_has_stalled_queues_it_again(
    client: Client, sign_in: SignIn, deletion_queue: str
) -> None:
    from chalicelib.admin.deletion import STALLED_SECONDS

    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    _delete(client, admin, org_id)
    # Given a deletion whose progress has not moved for STALLED_SECONDS (its message lost)
    boto3.client("sqs").purge_queue(QueueUrl=deletion_queue)
    deps.store().update(
        keys.org_deletion_key(_tag(org_id)),
        "SET updated_at = updated_at - :s",
        {":s": STALLED_SECONDS},
    )
    # When it is asked for again: queued again, still the same job
    assert _delete(client, admin, org_id).status_code == 202
    assert _queued(deletion_queue) == 1


def test_the_sweeps_saved_position_names_no_item(
    client: Client,
    sign_in: SignIn,
    stack: ProvisionedStack,
    deletion_queue: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from chalicelib.store.org_deletion import OrgDeletionJobs

    # Given a sweep that stops after every page of 2 items (so it saves where it is), and
    # the job item as every step of the deletion leaves it
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    sign_in(ALICE)
    store = deps.store()
    for n in range(6):  # another org's items: the Scan pages through them too
        store.put({"pk": f"USER#00D000000000009AAA#00500000000000{n}AAA", "sk": "PROFILE"})
    scan = store.scan_naming
    monkeypatch.setattr(store, "scan_naming", lambda text, cursor: scan(text, cursor, page_items=2))
    page_by_page = dataclasses.replace(deps.org_deletion(), pages_per_run=1)
    monkeypatch.setattr(deps, "org_deletion", lambda: page_by_page)
    saved: list[dict[str, Any]] = []
    advance = OrgDeletionJobs.advance

    def watched(jobs: OrgDeletionJobs, org: str, **changes: Any) -> None:
        advance(jobs, org, **changes)
        job = store.get(keys.org_deletion_key(_tag(org))) or {}
        if job.get("cursor"):
            saved.append(job)

    monkeypatch.setattr(OrgDeletionJobs, "advance", watched)
    # When the org is deleted to the end
    assert _delete(client, admin, org_id).status_code == 202
    _work(deletion_queue)
    # Then the sweep saved its position, sealed: no key of any item is readable on the job
    assert saved
    for job in saved:
        assert set(job["cursor"]) == {"sealed"}
        assert not any(p in _text(job) for p in ("USER#", "SESSION#", "ORG#", org_id)), job
    assert page_by_page.progress(org_id).done
    assert [i["pk"]["S"] for i in _scan(stack) if org_id in _text(i)] == []


def _queued(url: str) -> int:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"])


def _tag(org_id: str) -> str:
    from chalicelib.store.org_deletion import org_tag

    return org_tag(org_id)


def test_nothing_naming_the_org_comes_back_once_it_is_deleted(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, deletion_queue: str
) -> None:
    from chalicelib.errors import ConditionFailed
    from chalicelib.store.calendar_sync import CalendarSyncStore, Pair
    from chalicelib.store.email_jobs import LoggedEmails
    from chalicelib.store.usage import UsageItems
    from chalicelib.usage import LOOKUPS, Usage

    # Given an org with Alice, another container holding her usage, and an item of another org
    # whose key merely contains the org id
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    alice = sign_in(ALICE)
    alice_id = str(json.loads(client.http.get("/me", headers=_auth(alice)).body)["user"]["id"])
    late = Usage(UsageItems(deps.store()), deps.clock())
    late.count(org_id, alice_id, LOOKUPS)
    decoy = {"pk": f"ORG#{org_id}X", "sk": "SETTINGS"}
    deps.store().put(decoy)
    # When the deletion is asked, a sign-in of the org meanwhile is refused, in words
    assert _delete(client, admin, org_id).status_code == 202
    refused = sign_in.callback(sign_in.consent(sign_in.authorize_url(), "bob@acme.demo"))
    assert refused.status_code == 409, refused.body
    assert json.loads(refused.body)["error"]["code"] == "org_being_deleted"
    assert _work(deletion_queue)
    assert deps.org_deletion().progress(org_id).done
    # ... and after it is done, the other container flushes, and jobs under way write
    late.flush(force=True)
    with pytest.raises(ConditionFailed):
        LoggedEmails(deps.store(), deps.clock(), 86400).pending(org_id, alice_id, "ab" * 32, "Task")
    calendar = CalendarSyncStore(deps.store(), deps.envelope(), deps.clock())
    with pytest.raises(ConditionFailed):
        calendar.save_pairs(org_id, alice_id, [Pair("p:ev1", "ev1", None, expires_at=2**31)])
    # Then no item names the org (as a whole key segment); the other org's item is kept
    left = _scan(stack)
    assert [_key(i) for i in left if org_id in _text(i)] == [f"ORG#{org_id}X|SETTINGS"]


def test_the_last_sweep_waits_for_jobs_under_way(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, deletion_queue: str
) -> None:
    # Given a deletion that settles 600 s after its first sweep
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    sent: list[int] = []

    class Queue:
        def send(self, body: Any, *, delay_seconds: int = 0) -> str:
            sent.append(delay_seconds)
            return "m"

    import time

    from tests.fakes import FakeClock

    clock = FakeClock(time.time())
    deletion = dataclasses.replace(
        deps.org_deletion(), queue=Queue(), settle_seconds=600, clock=clock
    )
    deletion.request(org_id)  # (the job, and its status path)
    # When it runs: its first sweep ends, and the next run is delayed
    assert deletion.run(org_id) == "continued"
    assert deletion.progress(org_id).phase == "settle" and sent[-1] == 600
    # ... a lease a job under way wrote meanwhile is left for the last sweep
    deps.store().put({"pk": f"LEASE#email-log#{org_id}#005000000000009AAA", "sk": "LEASE"})
    assert deletion.run(org_id) == "continued" and sent[-1] == 600  # delivered early: waits
    # Then once the time has passed, the last sweep deletes it and the job is done
    clock.advance(600)
    assert deletion.run(org_id) == "done"
    assert [_key(i) for i in _scan(stack) if org_id in _text(i)] == []


def test_done_stays_readable_at_the_status_address_the_start_gave(
    client: Client, sign_in: SignIn, deletion_queue: str
) -> None:
    # Given an admin who deleted the org and kept the status address of the answer
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    started = json.loads(_delete(client, admin, org_id).body)
    status_url = started["status_url"]
    assert status_url.startswith("/org-deletions/") and org_id not in status_url
    assert "status_url" not in json.loads(_delete(client, admin, org_id).body)  # shown once
    # When the deletion is done (the admin's session went with it)
    assert _work(deletion_queue)
    assert client.http.get("/admin/org/deletion", headers=_auth(admin)).status_code == 401
    # Then the address, without a session, says done; another secret is 404
    shown = client.http.get(status_url)
    assert shown.status_code == 200, shown.body
    assert json.loads(shown.body)["job"]["status"] == "done"
    assert shown.headers["Cache-Control"] == "no-store"
    forged = status_url[:-4] + ("AAAA" if not status_url.endswith("AAAA") else "BBBB")
    assert client.http.get(forged).status_code == 404


def _org_with_google(client: Client, sign_in: SignIn, *users: str) -> tuple[str, str]:
    """The admin's session and the org's id, once each of `users` has connected Google."""
    admin = sign_in("admin@acme.demo")
    org_id = _org_of(client, admin)
    for email in users:
        assert Browser(client, sign_in(email)).connect("google").status_code == 302
    return admin, org_id


def test_a_google_that_does_not_answer_holds_the_deletion_until_it_revokes(
    client: Client, sign_in: SignIn, mailbox_env: Mailboxes, deletion_queue: str
) -> None:
    # Given alice connected Google, and Google's OAuth endpoints answer 503 for a while
    admin, org_id = _org_with_google(client, sign_in, ALICE)
    mailbox_env.google.inject_fault("unavailable", count=1, target="oauth")
    # When the admin deletes the org and its worker runs while Google does not answer
    from app import org_deletion

    assert _delete(client, admin, org_id).status_code == 202
    polled = poll_once(boto3.client("sqs"), deletion_queue, org_deletion, visibility_timeout=0)
    # Then the run failed before alice's tokens were deleted (SQS delivers it again)
    assert polled.failed == 1
    assert not deps.org_deletion().progress(org_id).done
    assert mailbox_env.google.stats()["revocations"] == {}
    # ... and once Google answers, her grant is revoked and the deletion ends
    assert _work(deletion_queue)
    job = deps.org_deletion().progress(org_id)
    assert job.done and mailbox_env.google.stats()["revocations"] == {ALICE: 1}
    assert "google" not in job.revocations_failed
    # ... and Salesforce, which revoked her grant on the first run, is not reported as failed
    # (its connection was forgotten at once: the retry did not ask it again)
    assert "salesforce" not in job.revocations_failed


def test_a_revocation_never_answered_is_counted_as_failed_after_some_deliveries(
    client: Client, sign_in: SignIn, mailbox_env: Mailboxes, deletion_queue: str
) -> None:
    from chalicelib.admin.deletion import REVOCATION_ATTEMPTS

    admin, org_id = _org_with_google(client, sign_in, ALICE)
    # Given Google never answers a revocation
    mailbox_env.google.inject_fault("unavailable", count=100, target="oauth")
    assert _delete(client, admin, org_id).status_code == 202
    # When the worker runs until the queue is empty
    polls = _work(deletion_queue)
    # Then the run was retried, then the deletion went on and says Google was not revoked
    assert sum(p.failed for p in polls) == REVOCATION_ATTEMPTS - 1
    job = deps.org_deletion().progress(org_id)
    assert job.done and job.revocations_failed.get("google") == 1
    assert "salesforce" not in job.revocations_failed


def _two_users_with_google(client: Client, sign_in: SignIn) -> tuple[str, str]:
    return _org_with_google(client, sign_in, ALICE, "bob@acme.demo")


def test_a_user_whose_revocation_went_unanswered_is_tried_again_in_later_deliveries(
    client: Client, sign_in: SignIn, mailbox_env: Mailboxes, deletion_queue: str
) -> None:
    from chalicelib.admin.deletion import REVOCATION_ATTEMPTS

    admin, org_id = _two_users_with_google(client, sign_in)
    # Given Google leaves both users' first tries unanswered, and one more of each but the
    # last try (REVOCATION_ATTEMPTS - 2 deliveries fail for both)
    mailbox_env.google.inject_fault(
        "unavailable", count=2 * (REVOCATION_ATTEMPTS - 2), target="oauth"
    )
    assert _delete(client, admin, org_id).status_code == 202
    # When the worker runs until the queue is empty
    polls = _work(deletion_queue)
    # Then each failed delivery tried both users, and the next one tried them again: both
    # grants are revoked and none is reported as failed
    assert sum(p.failed for p in polls) == REVOCATION_ATTEMPTS - 2
    job = deps.org_deletion().progress(org_id)
    assert job.done and mailbox_env.google.stats()["revocations"] == {ALICE: 1, "bob@acme.demo": 1}
    assert job.revocations_failed == {}
    assert "revocation_tries" not in json.dumps(job.view())


def test_only_a_user_left_unanswered_on_every_try_is_given_up(
    client: Client, sign_in: SignIn, mailbox_env: Mailboxes, deletion_queue: str
) -> None:
    from chalicelib.admin.deletion import REVOCATION_ATTEMPTS

    admin, org_id = _two_users_with_google(client, sign_in)
    # Given Google leaves every try of both users unanswered but the other user's last one
    # (REVOCATION_ATTEMPTS - 1 failed deliveries for both, then one more unanswered try)
    faults = 2 * (REVOCATION_ATTEMPTS - 1) + 1
    mailbox_env.google.inject_fault("unavailable", count=faults, target="oauth")
    assert _delete(client, admin, org_id).status_code == 202
    polls = _work(deletion_queue)
    # Then the user tried REVOCATION_ATTEMPTS times without an answer is counted as failed,
    # the other one is revoked on their last try, and the deletion ended
    assert sum(p.failed for p in polls) == REVOCATION_ATTEMPTS - 1
    job = deps.org_deletion().progress(org_id)
    assert job.done and job.users_deleted == 3
    assert job.revocations_failed == {"google": 1}
    assert len(mailbox_env.google.stats()["revocations"]) == 1
