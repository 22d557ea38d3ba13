"""Records under replays and refusals (review 14b): a replay answers what the first request
answered, a late commit is awaited rather than duplicated, a key keeps its body, the new
Account of a Contact meets duplicate rules too, and a 409 names only records the user sees.
Through the app in chalice.test.Client, on moto, against the Salesforce emulator over HTTP."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import deps
from devstack.sfemu.duplicates import STANDARD_ACCOUNT_RULE, DuplicateRule
from tests.conftest import Salesforce, SignIn
from tests.fakes import FakeClock
from tests.records_http import (
    ALICE,
    CONTACT,
    LEAD,
    NEWCOMER,
    count_with_email,
    error_of,
    json_headers,
    offline_action,
    post_json,
    run_actions,
)


def _account_named(salesforce: Salesforce, name: str) -> dict[str, Any]:
    return next(a for a in salesforce.emu.records["Account"].values() if a["Name"] == name)


@pytest.fixture
def alice(sign_in: SignIn) -> str:
    return sign_in(ALICE)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The app's clock, moved by the test (the attempt markers' settle window)."""
    fake = FakeClock()
    monkeypatch.setattr(deps.clock(), "now", fake.now)
    return fake


def _timing_out(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The next insert times out on our side while Salesforce is still saving: nothing is saved
    yet. Returns a list whose one entry commits that insert late when called."""
    from chalicelib.errors import ErrorCode, StratusError
    from chalicelib.providers.salesforce.client import SalesforceClient

    real = SalesforceClient.create
    late: list[Any] = []

    def create(self: SalesforceClient, *args: Any, **kwargs: Any) -> Any:
        if not late:
            late.append(lambda: real(self, *args, **kwargs))
            raise StratusError(ErrorCode.SALESFORCE_UNAVAILABLE, "timeout", 502)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SalesforceClient, "create", create)
    return late


# -- H1: a definite refusal is answered again, never reconciled ----------------------------------
def test_a_replayed_duplicate_refusal_answers_409_again(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given alice's own Lead for the sender, and an alerting rule on Lead emails
    assert post_json(client, alice, "/records/leads", LEAD).status_code == 201
    sf_env.emu.add_duplicate_rule(DuplicateRule("Lead_Email", "Lead", "Lead", "email", "alert"))
    action = offline_action("k-dup", "/records/leads", {**LEAD, "first_name": "D."})

    # When the queued Lead is refused as a duplicate, and the batch is replayed
    (first,) = run_actions(client, alice, action)
    (again,) = run_actions(client, alice, action)

    # Then the replay answers the same 409, not her other Lead as if it were this one
    assert first["status"] == 409, first
    assert again == first
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


def test_a_replayed_salesforce_400_runs_again(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    no_company = {k: v for k, v in LEAD.items() if k != "company"}
    first = post_json(client, alice, "/records/leads", no_company, key="k-400")
    inserts, queries = sf_env.emu.calls(kind="sobject_insert"), sf_env.emu.calls(kind="query")
    again = post_json(client, alice, "/records/leads", no_company, key="k-400")

    assert (first.status_code, again.status_code) == (400, 400)
    assert error_of(again) == error_of(first)
    # sent again, and not looked up first: nothing can have been saved
    assert sf_env.emu.calls(kind="sobject_insert") == inserts + 1
    assert sf_env.emu.calls(kind="query") == queries


def test_a_failed_action_with_the_same_key_runs_again_when_replayed(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given a Contact refused for want of its Account
    action = offline_action("c1", "/records/contacts", {**CONTACT, "company": "Brightline Labs"})
    (refused,) = run_actions(client, alice, action)
    assert refused["body"]["error"]["code"] == "account_not_found"

    # When the Account appears (created on the desktop) and the same batch is replayed
    alice_id = sf_env.emu.users[ALICE]["Id"]
    account = sf_env.emu.org.insert("Account", {"Name": "Brightline Labs"}, as_user=alice_id)["Id"]
    (replayed,) = run_actions(client, alice, action)

    # Then the same key ran again and joined it
    assert replayed["status"] == 201, replayed
    assert replayed["body"]["record"]["account_id"] == account


# -- H2: a late commit is awaited ----------------------------------------------------------------
def test_a_late_commit_after_a_timeout_is_awaited_not_created_twice(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given our insert timed out while Salesforce went on saving
    late = _timing_out(monkeypatch)
    action = offline_action("k-late", "/records/leads", LEAD)
    (lost,) = run_actions(client, alice, action)
    assert lost["status"] == 502

    # When the device replays at once: nothing is found yet, so nothing is inserted
    (early,) = run_actions(client, alice, action)
    assert early["status"] == 409, early
    assert early["body"]["error"]["code"] == "request_in_progress"
    assert 0 < early["body"]["error"]["retry_after"] <= 120
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 0

    # Then once the late save has landed, the replay answers it
    late[0]()
    (replayed,) = run_actions(client, alice, action)
    assert replayed["status"] == 201, replayed
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


def test_nothing_saved_after_the_settle_window_is_created_once(
    client: Client,
    alice: str,
    sf_env: Salesforce,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    _timing_out(monkeypatch)  # the first insert never lands
    body = {**LEAD}
    assert post_json(client, alice, "/records/leads", body, key="k-settle").status_code == 502
    waiting = post_json(client, alice, "/records/leads", body, key="k-settle")
    assert waiting.status_code == 409
    assert 0 < int(waiting.headers["Retry-After"]) <= 120

    clock.advance(121)
    created = post_json(client, alice, "/records/leads", body, key="k-settle")
    again = post_json(client, alice, "/records/leads", body, key="k-settle")

    assert created.status_code == 201, created.body
    assert json.loads(again.body) == json.loads(created.body)
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1


# -- M1: a key keeps its body --------------------------------------------------------------------
def test_the_same_key_with_another_body_after_a_refusal_is_422(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    no_company = {k: v for k, v in LEAD.items() if k != "company"}
    assert post_json(client, alice, "/records/leads", no_company, key="k-body").status_code == 400

    other = post_json(client, alice, "/records/leads", LEAD, key="k-body")

    assert other.status_code == 422, other.body
    assert error_of(other)["code"] == "idempotency_key_reused"
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 0


def test_the_same_key_with_another_body_after_a_lost_reply_is_422(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    late = _timing_out(monkeypatch)
    assert post_json(client, alice, "/records/leads", LEAD, key="k-x").status_code == 502
    late[0]()  # it was saved after all

    other = post_json(
        client, alice, "/records/leads", {**LEAD, "email": "d@other.example"}, key="k-x"
    )

    assert other.status_code == 422, other.body
    assert count_with_email(sf_env, "Lead", "d@other.example") == 0


def test_the_attempt_marker_holds_no_body_in_plain_text(
    client: Client, alice: str, sf_env: Salesforce, stack: Any
) -> None:
    import boto3

    assert post_json(client, alice, "/records/leads", LEAD, key="k-plain").status_code == 201
    items = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    markers = [i for i in items if i["sk"]["S"].startswith("RECATTEMPT#")]
    assert len(markers) == 1
    dumped = json.dumps(markers)
    assert NEWCOMER not in dumped and "Whitfield" not in dumped and "k-plain" not in dumped


# -- M3: a saved record is never answered as an error --------------------------------------------
def test_a_failing_lookup_freshness_write_still_answers_201(
    client: Client,
    alice: str,
    sf_env: Salesforce,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from chalicelib import metrics
    from chalicelib.errors import StorageUnavailable
    from chalicelib.records.created import CreatedAddresses

    def broken(self: Any, *args: Any) -> None:
        raise StorageUnavailable()

    monkeypatch.setattr(CreatedAddresses, "remember", broken)
    recorded: list[metrics.Metric] = []
    add = metrics.recorder().add
    monkeypatch.setattr(
        metrics.recorder(),
        "add",
        lambda metric, value=1: (recorded.append(metric), add(metric, value)),
    )
    with caplog.at_level(logging.WARNING):
        response = post_json(client, alice, "/records/leads", LEAD)

    assert response.status_code == 201, response.body
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 1
    assert recorded.count(metrics.RECORD_CREATED_HOOK_FAILURES) == 1
    assert "record_created not told" in caplog.text
    assert NEWCOMER not in caplog.text


# -- H3: a Contact's new Account meets duplicate rules too ---------------------------------------
def _name_rule() -> DuplicateRule:
    """A custom Account matching rule on the name alone, in the standard rule's place (what
    Salesforce's help suggests for name-only matching: knowledge article 000386375)."""
    return DuplicateRule("Account_Names", "Account", "Account", "account_name", "alert")


def test_a_new_account_that_duplicates_one_answers_409_naming_it(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.add_duplicate_rule(_name_rule())
    initech = _account_named(sf_env, "Initech")
    body = {**CONTACT, "account_name": "Initech Inc", "create_account": True}

    refused = post_json(client, alice, "/records/contacts", body)

    assert refused.status_code == 409, refused.body
    error = error_of(refused)
    assert error["duplicates"] == [
        {"id": initech["Id"], "type": "Account", "name": "Initech", "email": None}
    ]
    assert error["allow_duplicates"] is True
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 0


def test_allow_duplicates_reaches_the_new_account_too(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.add_duplicate_rule(_name_rule())
    body = {**CONTACT, "account_name": "Initech Inc", "create_account": True}

    created = post_json(client, alice, "/records/contacts", {**body, "allow_duplicates": True})

    assert created.status_code == 201, created.body
    record = json.loads(created.body)["record"]
    assert record["account_id"] == _account_named(sf_env, "Initech Inc")["Id"]
    assert record["account_created"] is True


def test_the_standard_account_rule_lets_a_named_account_be_created(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Salesforce's default rule needs a Billing City or Zip, which a Contact's new Account lacks
    sf_env.emu.add_duplicate_rule(STANDARD_ACCOUNT_RULE)
    body = {**CONTACT, "account_name": "Initech Inc", "create_account": True}

    assert post_json(client, alice, "/records/contacts", body).status_code == 201


# -- M2 and L1: nothing the user cannot see ------------------------------------------------------
def test_a_409_names_no_record_the_user_cannot_see(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given a Contact of bob's that alice cannot see, and a rule matching Leads to Contacts
    visible = sf_env.emu.visible_ids(sf_env.emu.users[ALICE]["Id"], "Contact")
    hidden = next(c for c in sf_env.emu.records["Contact"].values() if c["Id"] not in visible)
    sf_env.emu.add_duplicate_rule(DuplicateRule("Lead_Email", "Lead", "Contact", "email", "block"))

    # When alice creates a Lead with that Contact's address
    response = post_json(client, alice, "/records/leads", {**LEAD, "email": hidden["Email"]})

    # Then the rule runs with her sharing: it matches nothing she cannot see
    assert response.status_code == 201, response.body


def test_an_account_id_the_user_cannot_see_is_a_400_naming_account_id(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    visible = sf_env.emu.visible_ids(sf_env.emu.users[ALICE]["Id"], "Account")
    hidden = next(a for a in sf_env.emu.records["Account"].values() if a["Id"] not in visible)

    response = post_json(
        client, alice, "/records/contacts", {**CONTACT, "account_id": hidden["Id"]}
    )

    assert response.status_code == 400, response.body
    error = error_of(response)
    assert error["field"] == "account_id"
    assert error["message"]
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 0


# -- L4: what the first tests left unproved -------------------------------------------------------
def test_a_contact_joins_an_account_by_its_id(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    initech = _account_named(sf_env, "Initech")
    body = {**CONTACT, "account_id": initech["Id"][:15]}

    response = post_json(client, alice, "/records/contacts", body)

    assert response.status_code == 201, response.body
    assert json.loads(response.body)["record"]["account_id"] == initech["Id"]
    (contact,) = [c for c in sf_env.emu.records["Contact"].values() if c["Email"] == NEWCOMER]
    assert contact["AccountId"] == initech["Id"]


def test_a_created_contact_is_what_the_lookup_answers_at_once(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    before = client.http.get(f"/lookup?email={NEWCOMER}", headers=json_headers(alice))
    assert json.loads(before.body)["results"][0]["matches"] == []

    created = post_json(client, alice, "/records/contacts", {**CONTACT, "company": "Initech"})

    after = client.http.get(f"/lookup?email={NEWCOMER}", headers=json_headers(alice))
    matches = json.loads(after.body)["results"][0]["matches"]
    assert [m["id"] for m in matches] == [json.loads(created.body)["record"]["id"]]


def test_a_record_body_over_64_kb_is_413_on_its_route_and_as_an_action(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    big = {**LEAD, "title": "x" * (64 * 1024)}

    direct = post_json(client, alice, "/records/leads", big)
    (action,) = run_actions(client, alice, offline_action("big", "/records/leads", big))

    assert direct.status_code == 413
    assert (action["status"], action["body"]["error"]["code"]) == (413, "payload_too_large")
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 0


def test_a_batch_over_5_mb_is_413(client: Client, alice: str) -> None:
    action = offline_action("huge", "/records/leads", {**LEAD, "title": "x" * (5 * 1024 * 1024)})
    response = client.http.post(
        "/actions", body=json.dumps({"actions": [action]}), headers=json_headers(alice)
    )
    assert response.status_code == 413


# -- L5: the created-addresses item stays bounded -------------------------------------------------
def test_the_created_addresses_item_drops_what_no_cache_can_still_hold(
    store: Any, clock: FakeClock
) -> None:
    from chalicelib.records import created
    from chalicelib.store import keys

    # Given a user who created records for three addresses, two of them long ago
    addresses = created.CreatedAddresses(store, clock, lifetime_seconds=300)
    addresses.remember("00D", "005", "old@example.com")
    addresses.remember("00D", "005", "older@example.com")
    clock.advance(200)
    addresses.remember("00D", "005", "recent@example.com")
    clock.advance(200)

    # When another record is created
    addresses.remember("00D", "005", "new@example.com")

    # Then the item holds only what a cached lookup may still need
    item = store.get(keys.created_addresses_key("00D", "005"))
    assert len([k for k in item if k.startswith("a_")]) == 2
    assert addresses.among(
        "00D", "005", ["recent@example.com", "new@example.com", "old@example.com"]
    ) == {
        "recent@example.com",
        "new@example.com",
    }


def test_the_created_addresses_item_keeps_at_most_its_bound(
    store: Any, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.records import created
    from chalicelib.store import keys

    monkeypatch.setattr(created, "MAX_ADDRESSES", 3)
    addresses = created.CreatedAddresses(store, clock, lifetime_seconds=300)
    for n in range(5):
        addresses.remember("00D", "005", f"p{n}@example.com")
        clock.advance(1)

    item = store.get(keys.created_addresses_key("00D", "005"))
    assert len([k for k in item if k.startswith("a_")]) == 3
    assert addresses.among("00D", "005", [f"p{n}@example.com" for n in range(5)]) == {
        "p2@example.com",
        "p3@example.com",
        "p4@example.com",
    }


# -- review 14c M4: a lost insert is never answered with another key's record -------------------
def test_a_lost_insert_is_never_answered_with_another_key_s_record(
    client: Client,
    alice: str,
    sf_env: Salesforce,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    # Given a Lead created under k1, then a second one for the same address on purpose (k2),
    # whose insert times out and never lands
    first = post_json(client, alice, "/records/leads", LEAD, key="k1")
    assert first.status_code == 201, first.body
    first_id = json.loads(first.body)["record"]["id"]
    _timing_out(monkeypatch)
    second = {**LEAD, "company": "Brightline Labs EMEA", "allow_duplicates": True}
    assert post_json(client, alice, "/records/leads", second, key="k2").status_code == 502

    # When k2 is replayed: k1's Lead is not k2's, so the replay waits for a late commit
    waiting = post_json(client, alice, "/records/leads", second, key="k2")
    assert waiting.status_code == 409, waiting.body
    assert error_of(waiting)["code"] == "request_in_progress"

    # Then once nothing landed within the settle window, k2's Lead is created, once
    clock.advance(121)
    created = post_json(client, alice, "/records/leads", second, key="k2")
    again = post_json(client, alice, "/records/leads", second, key="k2")
    assert created.status_code == 201, created.body
    assert json.loads(created.body)["record"]["id"] != first_id
    assert json.loads(again.body) == json.loads(created.body)
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 2


def test_a_lost_insert_with_two_records_that_may_be_its_own_is_409_ambiguous(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given k3's insert timed out but landed late, and another Lead for the address was created
    # meanwhile without a key (the sidebar, on purpose)
    late = _timing_out(monkeypatch)
    body = {**LEAD, "allow_duplicates": True}
    assert post_json(client, alice, "/records/leads", body, key="k3").status_code == 502
    late[0]()
    unkeyed = post_json(client, alice, "/records/leads", body)
    assert unkeyed.status_code == 201, unkeyed.body

    # When k3 is replayed
    replayed = post_json(client, alice, "/records/leads", body, key="k3")

    # Then it answers neither as its own: 409 naming both, and nothing new is inserted
    assert replayed.status_code == 409, replayed.body
    error = error_of(replayed)
    assert error["code"] == "record_outcome_ambiguous"
    ids = {r["Id"] for r in sf_env.emu.records["Lead"].values() if r.get("Email") == NEWCOMER}
    assert {c["id"] for c in error["candidates"]} == ids
    assert {c["type"] for c in error["candidates"]} == {"Lead"}
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 2


def test_a_lost_insert_found_among_other_keys_records_is_answered(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a Lead under k4, then k5's insert of the same address lost but saved late
    body = {**LEAD, "allow_duplicates": True}
    first = post_json(client, alice, "/records/leads", body, key="k4")
    late = _timing_out(monkeypatch)
    assert post_json(client, alice, "/records/leads", body, key="k5").status_code == 502
    late[0]()

    # When k5 is replayed, Then it answers the Lead k4 did not answer
    replayed = post_json(client, alice, "/records/leads", body, key="k5")
    assert replayed.status_code == 201, replayed.body
    k4_id = json.loads(first.body)["record"]["id"]
    (k5_id,) = {
        r["Id"]
        for r in sf_env.emu.records["Lead"].values()
        if r.get("Email") == NEWCOMER and r["Id"] != k4_id
    }
    assert json.loads(replayed.body)["record"]["id"] == k5_id
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 2


# -- review 14c Low: what is stored of a body is keyed, not a bare hash ---------------------------
def test_no_stored_tag_of_a_body_can_be_recomputed_from_a_guessed_body(
    client: Client, alice: str, sf_env: Salesforce, stack: Any
) -> None:
    import hashlib

    import boto3

    from chalicelib.idempotency import body_digest

    # Given a Lead created under a key
    assert post_json(client, alice, "/records/leads", LEAD, key="k-tag").status_code == 201
    # When someone with a copy of the table guesses the body exactly
    guess = body_digest(LEAD)
    unsalted = {guess, hashlib.sha256(json.dumps(guess).encode()).hexdigest()}
    # Then neither the attempt marker nor the idempotency record holds a digest of it
    items = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    mine = [i for i in items if i["sk"]["S"].startswith(("RECATTEMPT#", "IDEMPOTENCY#"))]
    assert {i["sk"]["S"].split("#")[0] for i in mine} == {"RECATTEMPT", "IDEMPOTENCY"}
    stored = {str(v.get("S")) for item in mine for v in item.values()}
    assert not stored & unsalted
