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

ALICE = "alice@acme.demo"
PETER = "peter.gibbons@initech.com"
NEWCOMER = "dana.whitfield@brightline-labs.example"
LEAD = {
    "first_name": "Dana",
    "last_name": "Whitfield",
    "company": "Brightline Labs",
    "email": NEWCOMER,
}
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


def _headers(token: str, key: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return headers


def _action(key: str, path: str, body: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"key": key, "method": "POST", "path": path, "body": body, **more}


def _run(client: Client, token: str, *actions: dict[str, Any]) -> Any:
    return client.http.post(
        "/actions", body=json.dumps({"actions": list(actions)}), headers=_headers(token)
    )


def _results(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.body
    return list(json.loads(response.body)["results"])


def _count(salesforce: Salesforce, kind: str, email: str) -> int:
    records = salesforce.emu.records[kind].values()
    return sum(1 for r in records if str(r.get("Email") or "").lower() == email)


@pytest.fixture
def alice(sign_in: SignIn) -> str:
    return sign_in(ALICE)


def test_a_replayed_batch_answers_the_same_and_creates_nothing_new(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given a queue of a logged email, a Lead and a Contact
    actions = [
        _action("k-email", "/emails", EMAIL),
        _action("k-lead", "/records/leads", LEAD),
        _action("k-contact", "/records/contacts", CONTACT),
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
    assert (_count(sf_env, "Lead", NEWCOMER), _count(sf_env, "Contact", NEWCOMER)) == (1, 1)
    assert first[0]["body"]["job"]["status"] == "done"
    assert first[1]["body"]["record"]["type"] == "Lead"


def test_an_action_and_a_header_request_with_the_same_key_are_one_request(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    header = client.http.post(
        "/records/leads", body=json.dumps(LEAD), headers=_headers(alice, key="shared-key")
    )
    assert header.status_code == 201, header.body

    (result,) = _results(_run(client, alice, _action("shared-key", "/records/leads", LEAD)))

    assert result == {"key": "shared-key", "status": 201, "body": json.loads(header.body)}
    assert _count(sf_env, "Lead", NEWCOMER) == 1


def test_a_failure_stops_only_the_actions_that_depend_on_it(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    no_company = {k: v for k, v in LEAD.items() if k != "company"}
    results = _results(
        _run(
            client,
            alice,
            _action("a", "/records/leads", no_company),
            _action("b", "/records/contacts", CONTACT, depends_on="a"),
            _action("c", "/records/leads", {**LEAD, "email": "other@brightline-labs.example"}),
            _action("d", "/records/leads", {"last_name": "X", "surname": "Y"}),
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
    assert _count(sf_env, "Contact", NEWCOMER) == 0
    assert _count(sf_env, "Lead", "other@brightline-labs.example") == 1


def test_a_failed_action_runs_again_when_replayed(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    contact = {**CONTACT, "company": "Brightline Labs"}
    (refused,) = _results(_run(client, alice, _action("c1", "/records/contacts", contact)))
    assert (refused["status"], refused["body"]["error"]["code"]) == (400, "account_not_found")

    # the user chose to create the Account: a new body needs a new key
    fixed = {**contact, "create_account": True}
    (created,) = _results(_run(client, alice, _action("c2", "/records/contacts", fixed)))

    assert created["status"] == 201
    assert created["body"]["record"]["account_created"] is True


def test_a_tracked_message_is_prepared_once(
    client: Client, sign_in: SignIn, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", "t1:" + base64.b64encode(b"s" * 32).decode())
    deps.reset()
    admin = sign_in("admin@acme.demo")
    on = client.http.put(
        "/admin/settings", body=json.dumps({"email_tracking": True}), headers=_headers(admin)
    )
    assert on.status_code == 200, on.body
    token = sign_in(ALICE)
    message = {"subject": "Hi", "recipients": [PETER], "html": "<p>Hello</p>"}
    action = _action("t1", "/tracking/messages", message)

    first = _results(_run(client, token, action))
    again = _results(_run(client, token, action))

    assert first[0]["status"] == 201, first
    assert again == first


def test_a_batch_is_checked_before_anything_runs(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    twice = _run(
        client, alice, _action("a", "/records/leads", LEAD), _action("a", "/records/leads", LEAD)
    )
    later = _run(
        client,
        alice,
        _action("a", "/records/leads", LEAD, depends_on="b"),
        _action("b", "/records/leads", LEAD),
    )
    too_many = _run(client, alice, *[_action(f"k{i}", "/records/leads", LEAD) for i in range(26)])
    elsewhere = _run(client, alice, _action("a", "/lookup", {"emails": [PETER]}))

    for response in (twice, later, too_many, elsewhere):
        assert response.status_code == 400, response.body
        assert json.loads(response.body)["error"]["code"] == "validation_error"
    assert _count(sf_env, "Lead", NEWCOMER) == 0


def test_actions_need_a_session(client: Client, sf_env: Salesforce) -> None:
    response = client.http.post(
        "/actions",
        body=json.dumps({"actions": [_action("a", "/records/leads", LEAD)]}),
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
    action = _action("k-lost", "/records/leads", LEAD)
    (failed,) = _results(_run(client, alice, action))
    assert (failed["status"], saved) == (502, ["create"])
    assert _count(sf_env, "Lead", NEWCOMER) == 1

    # When the device replays the action with the same key
    (replayed,) = _results(_run(client, alice, action))
    (again,) = _results(_run(client, alice, action))

    # Then the Lead Salesforce saved is the answer: none is created twice
    (lead,) = [r for r in sf_env.emu.records["Lead"].values() if r.get("Email") == NEWCOMER]
    assert replayed["status"] == 201, replayed
    assert replayed["body"]["record"] == {"id": lead["Id"], "type": "Lead"}
    assert again == replayed
    assert _count(sf_env, "Lead", NEWCOMER) == 1


def test_a_lost_reply_of_a_new_account_and_contact_creates_neither_twice(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = _losing_the_answer(monkeypatch)
    contact = {**CONTACT, "company": "Brightline Labs", "create_account": True}
    headers = _headers(alice, key="k-contact-lost")

    lost = client.http.post("/records/contacts", body=json.dumps(contact), headers=headers)
    replayed = client.http.post("/records/contacts", body=json.dumps(contact), headers=headers)

    assert (lost.status_code, saved) == (502, ["composite"])
    assert replayed.status_code == 201, replayed.body
    record = json.loads(replayed.body)["record"]
    accounts = [a for a in sf_env.emu.records["Account"].values() if a["Name"] == "Brightline Labs"]
    assert [a["Id"] for a in accounts] == [record["account_id"]]
    assert record["account_created"] is True
    assert _count(sf_env, "Contact", NEWCOMER) == 1


def test_a_dependency_from_an_earlier_batch(client: Client, alice: str, sf_env: Salesforce) -> None:
    # Given a queue longer than one batch: the first batch created a Lead, another failed
    first = _results(
        _run(
            client,
            alice,
            _action("lead-1", "/records/leads", LEAD),
            _action("lead-2", "/records/leads", {"last_name": "NoCompany"}),
        )
    )
    assert [r["status"] for r in first] == [201, 400]

    # When the next batch depends on them, and on a key never sent
    other = "other@brightline-labs.example"
    results = _results(
        _run(
            client,
            alice,
            _action("c-1", "/records/contacts", CONTACT, depends_on="lead-1"),
            _action("c-2", "/records/leads", {**LEAD, "email": other}, depends_on="lead-2"),
            _action("c-3", "/records/leads", {**LEAD, "email": other}, depends_on="never-sent"),
        )
    )

    # Then the store answers: completed runs its dependant, failed or unknown is 424
    assert [(r["key"], r["status"]) for r in results] == [("c-1", 201), ("c-2", 424), ("c-3", 424)]
    assert _count(sf_env, "Contact", NEWCOMER) == 1
    assert _count(sf_env, "Lead", other) == 0
