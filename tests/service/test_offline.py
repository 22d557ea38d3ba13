"""The offline queue (chalicelib/offline): `POST /actions` through the app in
chalice.test.Client, on moto, against the Salesforce emulator over HTTP. Each action runs once
across replays, through the same idempotency store as the Idempotency-Key header."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import deps
from tests.conftest import Salesforce, SignIn
from tests.fakes import FakeClock
from tests.records_http import ALICE, LEAD, NEWCOMER, count_with_email, json_headers, offline_action

PETER = "peter.gibbons@initech.com"
CONTACT = {"first_name": "Dana", "last_name": "Whitfield", "email": NEWCOMER, "company": "Initech"}
EMAIL = {
    "source": "client",
    "message": {
        "internet_message_id": "<offline-1@acme.demo>",
        "subject": "Renewal",
        "date": "2026-11-20T10:00:00Z",
        "from": {"email": ALICE, "name": "Alice Anders"},
        "to": [{"email": PETER, "name": "Peter Gibbons"}],
        "text": "Hello Peter",
    },
}


def _run(client: Client, token: str, *actions: dict[str, Any]) -> Any:
    return client.http.post(
        "/actions", body=json.dumps({"actions": list(actions)}), headers=json_headers(token)
    )


def _results(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.body
    return list(json.loads(response.body)["results"])


@pytest.fixture
def alice(sign_in: SignIn) -> str:
    return sign_in(ALICE)


def test_a_replayed_batch_answers_the_same_and_creates_nothing_new(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given a queue of a logged email, a Lead and a Contact
    actions = [
        offline_action("k-email", "/emails", EMAIL),
        offline_action("k-lead", "/records/leads", LEAD),
        offline_action("k-contact", "/records/contacts", CONTACT),
    ]

    # When the device sends it, loses the answer, and sends it again
    first = _results(_run(client, alice, *actions))
    emails = len(sf_env.emu.records["EmailMessage"])
    calls = sf_env.emu.api_calls
    again = _results(_run(client, alice, *actions))

    # Then both answers are the same, in order, and each action ran once
    assert [(r["key"], r["status"]) for r in first] == [
        ("k-email", 201),
        ("k-lead", 201),
        ("k-contact", 201),
    ]
    assert again == first
    assert sf_env.emu.api_calls == calls
    assert len(sf_env.emu.records["EmailMessage"]) == emails
    assert (
        count_with_email(sf_env, "Lead", NEWCOMER),
        count_with_email(sf_env, "Contact", NEWCOMER),
    ) == (1, 1)
    assert first[0]["body"]["job"]["status"] == "done"
    assert first[1]["body"]["record"]["type"] == "Lead"


def test_an_action_and_a_header_request_with_the_same_key_are_one_request(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    header = client.http.post(
        "/records/leads", body=json.dumps(LEAD), headers=json_headers(alice, key="shared-key")
    )
    assert header.status_code == 201, header.body

    (result,) = _results(_run(client, alice, offline_action("shared-key", "/records/leads", LEAD)))

    assert result == {"key": "shared-key", "status": 201, "body": json.loads(header.body)}
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


def test_a_failure_stops_only_the_actions_that_depend_on_it(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    no_company = {k: v for k, v in LEAD.items() if k != "company"}
    results = _results(
        _run(
            client,
            alice,
            offline_action("a", "/records/leads", no_company),
            offline_action("b", "/records/contacts", CONTACT, depends_on="a"),
            offline_action(
                "c", "/records/leads", {**LEAD, "email": "other@brightline-labs.example"}
            ),
            offline_action("d", "/records/leads", {"last_name": "X", "surname": "Y"}),
        )
    )

    assert [(r["key"], r["status"]) for r in results] == [
        ("a", 400),
        ("b", 424),
        ("c", 201),
        ("d", 400),
    ]
    assert results[0]["body"]["error"]["field"] == "company"
    assert results[1]["body"]["error"]["code"] == "dependency_failed"
    assert results[3]["body"]["error"]["code"] == "validation_error"
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 0
    assert count_with_email(sf_env, "Lead", "other@brightline-labs.example") == 1


def test_a_failed_action_runs_again_when_replayed(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    contact = {**CONTACT, "company": "Brightline Labs"}
    (refused,) = _results(_run(client, alice, offline_action("c1", "/records/contacts", contact)))
    assert (refused["status"], refused["body"]["error"]["code"]) == (400, "account_not_found")

    # the user chose to create the Account: a new body needs a new key
    fixed = {**contact, "create_account": True}
    (created,) = _results(_run(client, alice, offline_action("c2", "/records/contacts", fixed)))

    assert created["status"] == 201
    assert created["body"]["record"]["account_created"] is True


def test_a_tracked_message_is_prepared_once(
    client: Client, sign_in: SignIn, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", "t1:" + base64.b64encode(b"s" * 32).decode())
    deps.reset()
    admin = sign_in("admin@acme.demo")
    on = client.http.put(
        "/admin/settings", body=json.dumps({"email_tracking": True}), headers=json_headers(admin)
    )
    assert on.status_code == 200, on.body
    token = sign_in(ALICE)
    message = {"subject": "Hi", "recipients": [PETER], "html": "<p>Hello</p>"}
    action = offline_action("t1", "/tracking/messages", message)

    first = _results(_run(client, token, action))
    again = _results(_run(client, token, action))

    assert first[0]["status"] == 201, first
    assert again == first


def test_a_batch_is_checked_before_anything_runs(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    twice = _run(
        client,
        alice,
        offline_action("a", "/records/leads", LEAD),
        offline_action("a", "/records/leads", LEAD),
    )
    later = _run(
        client,
        alice,
        offline_action("a", "/records/leads", LEAD, depends_on="b"),
        offline_action("b", "/records/leads", LEAD),
    )
    too_many = _run(
        client, alice, *[offline_action(f"k{i}", "/records/leads", LEAD) for i in range(26)]
    )
    elsewhere = _run(client, alice, offline_action("a", "/lookup", {"emails": [PETER]}))

    for response in (twice, later, too_many, elsewhere):
        assert response.status_code == 400, response.body
        assert json.loads(response.body)["error"]["code"] == "validation_error"
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 0


def test_actions_need_a_session(client: Client, sf_env: Salesforce) -> None:
    response = client.http.post(
        "/actions",
        body=json.dumps({"actions": [offline_action("a", "/records/leads", LEAD)]}),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 401


def _losing_the_answer(monkeypatch: pytest.MonkeyPatch, times: int = 1) -> list[str]:
    """Salesforce saves the next `times` inserts (create or Composite), then the answer is lost
    on the way back (our client sees no answer: 502). Returns what was saved, by kind."""
    from chalicelib.errors import ErrorCode, StratusError
    from chalicelib.providers.salesforce.client import SalesforceClient

    saved: list[str] = []
    create, composite = SalesforceClient.create, SalesforceClient.composite

    def lost(real: Any) -> Any:
        def call(self: SalesforceClient, *args: Any, **kwargs: Any) -> Any:
            answer = real(self, *args, **kwargs)
            if len(saved) < times:
                saved.append(real.__name__)
                raise StratusError(
                    ErrorCode.SALESFORCE_UNAVAILABLE, "Salesforce did not answer in time.", 502
                )
            return answer

        return call

    monkeypatch.setattr(SalesforceClient, "create", lost(create))
    monkeypatch.setattr(SalesforceClient, "composite", lost(composite))
    return saved


def test_a_lost_salesforce_reply_does_not_create_twice(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given Salesforce saves the Lead but its answer is lost
    saved = _losing_the_answer(monkeypatch)
    action = offline_action("k-lost", "/records/leads", LEAD)
    (failed,) = _results(_run(client, alice, action))
    assert (failed["status"], saved) == (502, ["create"])
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1

    # When the device replays the action with the same key
    (replayed,) = _results(_run(client, alice, action))
    (again,) = _results(_run(client, alice, action))

    # Then the Lead Salesforce saved is the answer: none is created twice
    (lead,) = [r for r in sf_env.emu.records["Lead"].values() if r.get("Email") == NEWCOMER]
    assert replayed["status"] == 201, replayed
    assert replayed["body"]["record"] == {"id": lead["Id"], "type": "Lead"}
    assert again == replayed
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


def test_a_lost_reply_of_a_new_account_and_contact_creates_neither_twice(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = _losing_the_answer(monkeypatch)
    contact = {**CONTACT, "company": "Brightline Labs", "create_account": True}
    headers = json_headers(alice, key="k-contact-lost")

    lost = client.http.post("/records/contacts", body=json.dumps(contact), headers=headers)
    replayed = client.http.post("/records/contacts", body=json.dumps(contact), headers=headers)

    assert (lost.status_code, saved) == (502, ["composite"])
    assert replayed.status_code == 201, replayed.body
    record = json.loads(replayed.body)["record"]
    accounts = [a for a in sf_env.emu.records["Account"].values() if a["Name"] == "Brightline Labs"]
    assert [a["Id"] for a in accounts] == [record["account_id"]]
    assert record["account_created"] is True
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 1


def test_a_dependency_from_an_earlier_batch(client: Client, alice: str, sf_env: Salesforce) -> None:
    # Given a queue longer than one batch: the first batch created a Lead, another failed
    first = _results(
        _run(
            client,
            alice,
            offline_action("lead-1", "/records/leads", LEAD),
            offline_action("lead-2", "/records/leads", {"last_name": "NoCompany"}),
        )
    )
    assert [r["status"] for r in first] == [201, 400]

    # When the next batch depends on them, and on a key never sent
    other = "other@brightline-labs.example"
    results = _results(
        _run(
            client,
            alice,
            offline_action("c-1", "/records/contacts", CONTACT, depends_on="lead-1"),
            offline_action("c-2", "/records/leads", {**LEAD, "email": other}, depends_on="lead-2"),
            offline_action(
                "c-3", "/records/leads", {**LEAD, "email": other}, depends_on="never-sent"
            ),
        )
    )

    # Then the store answers: completed runs its dependant, failed or unknown is 424
    assert [(r["key"], r["status"]) for r in results] == [("c-1", 201), ("c-2", 424), ("c-3", 424)]
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 1
    assert count_with_email(sf_env, "Lead", other) == 0


def test_an_action_that_meets_an_outage_says_when_to_send_it_again() -> None:
    from chalicelib.errors import StorageUnavailable
    from chalicelib.offline.models import ActionBatch
    from chalicelib.offline.service import OfflineQueue
    from chalicelib.sessions import Principal

    # Given a route whose service cannot reach the table (503 with Retry-After: 5)
    def unreachable(*_: Any) -> tuple[int, dict[str, Any]]:
        raise StorageUnavailable()

    queue = OfflineQueue({"/records/leads": unreachable})
    batch = ActionBatch.model_validate({"actions": [offline_action("a", "/records/leads", LEAD)]})
    # When the batch runs, Then the action's error carries the header's seconds
    (result,) = queue.run(Principal("00D", "005", "s", 0, False), batch)
    assert result["status"] == 503
    assert result["body"]["error"]["code"] == "storage_unavailable"
    assert result["body"]["error"]["retry_after"] == 5


# -- review 14c M5: a batch answers within API Gateway's time, whatever Salesforce does ----------
def test_a_batch_answers_within_its_budget_when_salesforce_hangs(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses
    import time

    from chalicelib.settings import get_settings

    # Given API Gateway's 29 s scaled down to 5 s (an action starts with 4 s left), a read
    # timeout of 2.5 s, and a Salesforce that hangs on the next requests: without a deadline, a
    # Contact's Account query and its retry alone would take 2 x 2.5 s and more
    budget = 5.0
    monkeypatch.setenv("SALESFORCE_TIMEOUT_SECONDS", "2.5")
    get_settings.cache_clear()
    queue = dataclasses.replace(deps.offline_queue(), budget_seconds=budget, action_seconds=4.0)
    monkeypatch.setattr(deps, "offline_queue", lambda: queue)
    sf_env.emu.fault_delay = 3.5
    sf_env.emu.inject_fault("timeout", count=2)
    contact = {**CONTACT, "account_name": "Initech"}
    batch = (
        offline_action("c-slow", "/records/contacts", contact),
        offline_action("l-next", "/records/leads", LEAD),
    )

    # When the device sends a batch
    started = time.monotonic()
    response = _run(client, alice, *batch)
    took = time.monotonic() - started

    # Then the answer comes in time, with every action's result: the Contact failed (its query
    # cut short, no insert sent), the Lead was left for the next batch
    assert took < budget, took
    results = _results(response)
    assert [(r["key"], r["status"]) for r in results] == [("c-slow", 502), ("l-next", 503)]
    assert results[1]["body"]["error"]["code"] == "not_run"
    # and the replay, once Salesforce answers again, creates each once (no insert was sent, so
    # the Contact runs again at once rather than waiting for a late commit)
    sf_env.emu.reset()  # the fault the Lead never reached is dropped
    replayed = _results(_run(client, alice, *batch))
    assert [r["status"] for r in replayed] == [201, 201], replayed
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 1
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


# -- a client-held email in a batch honours the action's deadline ---------------------------------
FILES = [
    {"name": "quote.txt", "content_type": "text/plain", "content_base64": "cXVvdGU="},
    {"name": "terms.txt", "content_type": "text/plain", "content_base64": "dGVybXM="},
]


def _scaled_queue(
    monkeypatch: pytest.MonkeyPatch, budget: float, read_timeout: float, action: float = 4.0
) -> None:
    """API Gateway's 29 s scaled down to `budget` (an action starts with `action` s left)."""
    import dataclasses

    from chalicelib.settings import get_settings

    monkeypatch.setenv("SALESFORCE_TIMEOUT_SECONDS", str(read_timeout))
    get_settings.cache_clear()
    queue = dataclasses.replace(deps.offline_queue(), budget_seconds=budget, action_seconds=action)
    monkeypatch.setattr(deps, "offline_queue", lambda: queue)


def _attachments_on(salesforce: Salesforce, record_id: str) -> list[str]:
    versions = salesforce.emu.records["ContentVersion"].values()
    return sorted(
        str(v.get("PathOnClient")) for v in versions if v.get("FirstPublishLocationId") == record_id
    )


def _email_items(salesforce: Salesforce) -> list[str]:
    """The sort keys of the email jobs and logged-email markers in the table."""
    import boto3

    from chalicelib.settings import get_settings

    items = boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    return [i["sk"]["S"] for i in items if i["sk"]["S"].startswith(("EMAILJOB#", "LOGGED#"))]


def test_an_email_whose_insert_hangs_answers_within_its_budget_and_is_logged_once(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    # Given a 6 s budget, a read timeout (6 s) that alone would outlast it, Peter already in
    # the lookup cache (so the activity's insert is the email's first Salesforce call), and a
    # Salesforce that stalls on that insert, then commits it anyway (a late commit)
    budget, stall = 6.0, 6.5
    _scaled_queue(monkeypatch, budget, read_timeout=6.0)
    _warm_lookup(client, alice)
    sf_env.emu.fault_delay = stall
    sf_env.emu.inject_fault("timeout", count=1)
    email = {**EMAIL, "attachments": "all", "message": {**EMAIL["message"], "attachments": FILES}}
    deps._stored_org_settings().change(_org_id(client, alice), {"attachments": True})
    batch = (
        offline_action("e-slow", "/emails", email),
        offline_action("l-next", "/records/leads", LEAD),
    )

    # When the device sends the batch
    started = time.monotonic()
    results = _results(_run(client, alice, *batch))
    took = time.monotonic() - started

    # Then it answers in time: the insert was cut at the action's deadline (an unknown
    # outcome: no job is kept, so the key stays free), the Lead left for the next batch
    assert took < budget, took
    assert [(r["key"], r["status"]) for r in results] == [("e-slow", 502), ("l-next", 503)]
    assert results[0]["body"]["error"]["code"] == "salesforce_unavailable"
    assert not [sk for sk in _email_items(sf_env) if sk.startswith("EMAILJOB#")]
    # ... Salesforce commits the stalled insert after all
    while time.monotonic() - started < stall + 3 and not sf_env.emu.records["EmailMessage"]:
        time.sleep(0.1)
    (landed,) = sf_env.emu.records["EmailMessage"].values()

    # When the device replays the batch
    replayed = _results(_run(client, alice, *batch))

    # Then the email is logged once (the pending marker made the replay ask Salesforce, which
    # found the late insert), with both its attachments, and the Lead is answered as before
    assert [r["status"] for r in replayed] == [201, 201], replayed
    job = replayed[0]["body"]["job"]
    assert job["status"] == "done" and job["result"]["salesforce_id"] == landed["Id"]
    assert len(sf_env.emu.records["EmailMessage"]) == 1
    assert _attachments_on(sf_env, landed["Id"]) == ["quote.txt", "terms.txt"]
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


def test_an_email_without_time_for_salesforce_is_not_run_and_leaves_nothing(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a batch that starts the email with 3 s left: its calls' deadline (1 s) leaves less
    # than an attempt's 2 s; Peter is in the lookup cache, so the insert would be the first call
    _scaled_queue(monkeypatch, budget=3.0, read_timeout=2.5, action=2.5)
    _warm_lookup(client, alice)
    calls = sf_env.emu.calls()

    # When the device sends a client-held email
    (result,) = _results(_run(client, alice, offline_action("e-late", "/emails", EMAIL)))

    # Then nothing is sent or written (no pending marker either), and the device is told to
    # send it again at once
    assert result["status"] == 503
    assert result["body"]["error"]["code"] == "not_run"
    assert result["body"]["error"]["retry_after"] == 1
    assert sf_env.emu.calls() == calls
    assert _email_items(sf_env) == []
    # ... and with time, the replay logs it once
    _scaled_queue(monkeypatch, budget=29.0, read_timeout=2.5)
    (again,) = _results(_run(client, alice, offline_action("e-late", "/emails", EMAIL)))
    assert again["status"] == 201 and again["body"]["job"]["status"] == "done"
    assert len(sf_env.emu.records["EmailMessage"]) == 1


def test_an_email_whose_upload_hangs_ends_without_a_result_and_its_replay_saves_the_rest(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from chalicelib.providers.salesforce import activities

    # Given a 6 s budget and a Salesforce that stalls on the first upload past the deadline,
    # then saves it anyway (a late commit)
    _scaled_queue(monkeypatch, budget=6.0, read_timeout=6.0)
    deps._stored_org_settings().change(_org_id(client, alice), {"attachments": True})
    real = activities.upload_file
    stalled: list[str] = []

    def stall_first(client_: Any, parent_id: str, name: str, *args: Any) -> str:
        if not stalled:
            stalled.append(name)
            sf_env.emu.fault_delay = 6.5
            sf_env.emu.inject_fault("timeout", count=1)
        return real(client_, parent_id, name, *args)

    monkeypatch.setattr(activities, "upload_file", stall_first)
    email = {**EMAIL, "message": {**EMAIL["message"], "attachments": FILES}}

    # When the device sends it
    started = time.monotonic()
    (result,) = _results(_run(client, alice, offline_action("e-upload", "/emails", email)))

    # Then it answers in time, and the run ends without a result (a job done with an
    # attachment lost would be replayed as is): no job is kept, so the key stays free
    assert time.monotonic() - started < 6.0
    assert result["status"] == 502, result
    assert not [sk for sk in _email_items(sf_env) if sk.startswith("EMAILJOB#")]
    (logged,) = sf_env.emu.records["EmailMessage"].values()

    while time.monotonic() - started < 10 and not _attachments_on(sf_env, logged["Id"]):
        time.sleep(0.1)
    assert _attachments_on(sf_env, logged["Id"]) == ["quote.txt"]

    # When the device replays it
    (again,) = _results(_run(client, alice, offline_action("e-upload", "/emails", email)))

    # Then the same record is answered and each attachment is on it once
    assert again["status"] == 201, again
    saved = again["body"]["job"]["result"]
    assert saved["salesforce_id"] == logged["Id"]
    assert [(a["name"], a["status"]) for a in saved["attachments"]] == [
        ("quote.txt", "skipped"),  # already saved
        ("terms.txt", "saved"),
    ]
    assert len(sf_env.emu.records["EmailMessage"]) == 1
    assert _attachments_on(sf_env, logged["Id"]) == ["quote.txt", "terms.txt"]


def _warm_lookup(client: Client, token: str) -> None:
    warm = client.http.post(
        "/lookup", body=json.dumps({"emails": [PETER]}), headers=json_headers(token)
    )
    assert warm.status_code == 200, warm.body


def _org_id(client: Client, token: str) -> str:
    me = client.http.get("/me", headers=json_headers(token))
    return str(json.loads(me.body)["org"]["id"])


# -- a replay before Salesforce's late commit waits (the settle window) ---------------------------
@pytest.fixture
def app_clock(client: Client, monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The app's clock, moved by the test (the pending markers' settle window)."""
    fake = FakeClock()
    monkeypatch.setattr(deps.clock(), "now", fake.now)
    return fake


def _landing(salesforce: Salesforce, kind: str, until: float) -> list[dict[str, Any]]:
    """The records of `kind` once one landed (a late commit), waiting until `until`."""
    import time

    while time.monotonic() < until and not salesforce.emu.records[kind]:
        time.sleep(0.1)
    return list(salesforce.emu.records[kind].values())


def test_an_email_replayed_before_its_cut_insert_commits_waits_and_writes_nothing(
    client: Client,
    alice: str,
    sf_env: Salesforce,
    monkeypatch: pytest.MonkeyPatch,
    app_clock: FakeClock,
) -> None:
    import time

    # Given an email whose insert was cut at the deadline, which Salesforce commits 9 s after
    # it was sent (a late commit)
    stall = 9.0
    _scaled_queue(monkeypatch, budget=6.0, read_timeout=6.0)
    _warm_lookup(client, alice)
    deps._stored_org_settings().change(_org_id(client, alice), {"attachments": True})
    sf_env.emu.fault_delay = stall
    sf_env.emu.inject_fault("timeout", count=1)
    email = {**EMAIL, "attachments": "all", "message": {**EMAIL["message"], "attachments": FILES}}
    action = offline_action("e-late-commit", "/emails", email)
    started = time.monotonic()
    (first,) = _results(_run(client, alice, action))
    assert first["status"] == 502, first

    # When the device replays it 60 s later (by the app's clock), before the commit
    app_clock.advance(60)
    (early,) = _results(_run(client, alice, action))

    # Then it is told to come back when the window has passed, and nothing is written
    assert time.monotonic() - started < stall  # the insert has not landed yet
    assert early["status"] == 409, early
    assert early["body"]["error"]["code"] == "request_in_progress"
    assert early["body"]["error"]["retry_after"] == 60
    (landed,) = _landing(sf_env, "EmailMessage", started + stall + 3)
    # ... and the replay after the commit answers that record, with each file once
    (late,) = _results(_run(client, alice, action))
    assert late["status"] == 201, late
    assert late["body"]["job"]["result"]["salesforce_id"] == landed["Id"]
    assert len(sf_env.emu.records["EmailMessage"]) == 1
    assert _attachments_on(sf_env, landed["Id"]) == ["quote.txt", "terms.txt"]


def test_an_email_whose_insert_never_commits_is_written_once_after_the_window(
    client: Client, alice: str, sf_env: Salesforce, app_clock: FakeClock
) -> None:
    # Given an email whose insert failed with an unknown outcome (Salesforce answered 503 and
    # saved nothing; Peter is cached, so the insert is the email's first call)
    _warm_lookup(client, alice)
    sf_env.emu.inject_fault("unavailable", count=1)
    action = offline_action("e-lost", "/emails", EMAIL)
    (first,) = _results(_run(client, alice, action))
    assert first["status"] == 502, first
    assert not sf_env.emu.records["EmailMessage"]

    # When the device replays it at once, then after the settle window
    (early,) = _results(_run(client, alice, action))
    app_clock.advance(121)
    (late,) = _results(_run(client, alice, action))

    # Then the first replay waits the whole window and writes nothing; the second writes it once
    assert early["status"] == 409, early
    assert early["body"]["error"]["retry_after"] == 120
    assert late["status"] == 201, late
    (written,) = sf_env.emu.records["EmailMessage"].values()
    assert late["body"]["job"]["result"]["salesforce_id"] == written["Id"]
    (again,) = _results(_run(client, alice, action))  # and a replay answers it as before
    assert again["body"]["job"]["result"]["salesforce_id"] == written["Id"]
    assert len(sf_env.emu.records["EmailMessage"]) == 1


def test_an_email_replayed_before_its_cut_upload_commits_waits_then_saves_each_file_once(
    client: Client,
    alice: str,
    sf_env: Salesforce,
    monkeypatch: pytest.MonkeyPatch,
    app_clock: FakeClock,
) -> None:
    import time

    from chalicelib.providers.salesforce import activities

    # Given an email logged, whose first upload was cut at the deadline and lands 9 s after it
    # was sent (a late commit)
    _scaled_queue(monkeypatch, budget=6.0, read_timeout=6.0)
    deps._stored_org_settings().change(_org_id(client, alice), {"attachments": True})
    real = activities.upload_file
    stalled: list[float] = []

    def stall_first(client_: Any, parent_id: str, name: str, *args: Any) -> str:
        if not stalled:
            stalled.append(time.monotonic())
            sf_env.emu.fault_delay = 9.0
            sf_env.emu.inject_fault("timeout", count=1)
        return real(client_, parent_id, name, *args)

    monkeypatch.setattr(activities, "upload_file", stall_first)
    email = {**EMAIL, "message": {**EMAIL["message"], "attachments": FILES}}
    action = offline_action("e-upload-late", "/emails", email)
    (first,) = _results(_run(client, alice, action))
    assert first["status"] == 502, first
    (logged,) = sf_env.emu.records["EmailMessage"].values()

    # When the device replays it before the upload lands
    (early,) = _results(_run(client, alice, action))

    # Then it waits, and uploads nothing (neither the file in flight nor the one after it)
    assert time.monotonic() - stalled[0] < 9.0
    assert early["status"] == 409, early
    assert early["body"]["error"]["code"] == "request_in_progress"
    assert not _attachments_on(sf_env, logged["Id"])
    # ... and after the late commit, the replay saves only the other file
    while time.monotonic() - stalled[0] < 12 and not _attachments_on(sf_env, logged["Id"]):
        time.sleep(0.1)
    (late,) = _results(_run(client, alice, action))
    assert late["status"] == 201, late
    saved = late["body"]["job"]["result"]
    assert saved["salesforce_id"] == logged["Id"]
    assert [(a["name"], a["status"]) for a in saved["attachments"]] == [
        ("quote.txt", "skipped"),  # already saved (it landed late)
        ("terms.txt", "saved"),
    ]
    assert _attachments_on(sf_env, logged["Id"]) == ["quote.txt", "terms.txt"]
    assert len(sf_env.emu.records["EmailMessage"]) == 1
