"""Proofs of issue 14's sentences that the other records and offline tests left open (the map's
gaps): the user's object permissions, per-user keys and owners, keys in flight and concurrent
replays, a replayed batch with failures, `account_name`, and what /signatures/parse never does
(log the text, call out). Through the app in chalice.test.Client (or its local HTTP server for
real concurrency), on moto, against the Salesforce emulator over HTTP."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from chalice.test import Client

from chalicelib.providers.salesforce.client import SalesforceClient
from tests.conftest import Salesforce, SignIn
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

BOB = "bob@acme.demo"


def _accounts_named(salesforce: Salesforce, name: str) -> list[dict[str, Any]]:
    return [a for a in salesforce.emu.records["Account"].values() if a["Name"] == name]


def _sizes(salesforce: Salesforce) -> dict[str, int]:
    return {kind: len(salesforce.emu.records[kind]) for kind in ("Lead", "Contact", "Account")}


@pytest.fixture
def alice(sign_in: SignIn) -> str:
    return sign_in(ALICE)


# -- gap 1: we can't do anything the user can't (object permissions) -----------------------------
def test_a_user_without_create_on_lead_gets_salesforce_s_refusal_and_no_lead(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given alice's profile has no Create on Lead
    sf_env.emu.deny_create(sf_env.emu.users[ALICE]["Id"], "Lead")
    # When she creates one
    response = post_json(client, alice, "/records/leads", LEAD)
    # Then Salesforce's refusal and its message reach her, and no Lead exists
    assert response.status_code == 403, response.body
    error = error_of(response)
    assert (error["code"], error["salesforce_code"]) == (
        "salesforce_forbidden",
        "INSUFFICIENT_ACCESS_OR_READONLY",
    )
    assert "you cannot create Lead records" in error["message"]
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 0


@pytest.mark.parametrize("denied", ["Contact", "Account"])
def test_a_user_without_create_on_contact_or_account_leaves_neither(
    client: Client, alice: str, sf_env: Salesforce, denied: str
) -> None:
    # Given alice may not create one of the two records a Contact with a new Account needs
    sf_env.emu.deny_create(sf_env.emu.users[ALICE]["Id"], denied)
    body = {**CONTACT, "account_name": "Nova Co", "create_account": True}
    # When she asks for both
    response = post_json(client, alice, "/records/contacts", body)
    # Then she is refused with Salesforce's message, and no orphan Account is left behind
    assert response.status_code == 403, response.body
    error = error_of(response)
    assert error["salesforce_code"] == "INSUFFICIENT_ACCESS_OR_READONLY"
    assert f"you cannot create {denied} records" in error["message"]
    assert _accounts_named(sf_env, "Nova Co") == []
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 0


# -- gap 2: each action is the signed-in user's ---------------------------------------------------
def test_an_action_s_record_is_the_user_s_and_a_key_is_per_user(
    client: Client, sign_in: SignIn, sf_env: Salesforce
) -> None:
    alice, bob = sign_in(ALICE), sign_in(BOB)
    action = offline_action("shared", "/records/leads", LEAD)

    (a,) = run_actions(client, alice, action)
    (b,) = run_actions(client, bob, action)
    a_again, b_again = run_actions(client, alice, action), run_actions(client, bob, action)

    # Two users, one key: two requests, each record owned by the user who sent it
    assert (a["status"], b["status"]) == (201, 201), (a, b)
    leads = sf_env.emu.records["Lead"]
    owners = [leads[r["body"]["record"]["id"]]["OwnerId"] for r in (a, b)]
    assert owners == [sf_env.emu.users[ALICE]["Id"], sf_env.emu.users[BOB]["Id"]]
    # and each user's replay answers their own result and creates nothing
    assert (a_again, b_again) == ([a], [b])
    assert count_with_email(sf_env, "Lead", NEWCOMER) == 2


# -- gap 3: a key in flight, and one batch replayed at once --------------------------------------
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/records/leads", LEAD),
        ("/records/contacts", {**CONTACT, "company": "Initech"}),
    ],
)
def test_a_request_still_in_flight_answers_409(
    client: Client,
    alice: str,
    sf_env: Salesforce,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    body: dict[str, Any],
) -> None:
    # Given a first request that, while Salesforce saves its record, sees the same one arrive
    nested: list[Any] = []
    create = SalesforceClient.create

    def create_while_replayed(self: SalesforceClient, *args: Any, **kwargs: Any) -> Any:
        if not nested:
            nested.append(post_json(client, alice, path, body, key="in-flight"))
        return create(self, *args, **kwargs)

    monkeypatch.setattr(SalesforceClient, "create", create_while_replayed)
    first = post_json(client, alice, path, body, key="in-flight")
    # Then the one that arrived meanwhile is told to retry; the record is created once
    assert first.status_code == 201, first.body
    assert nested[0].status_code == 409, nested[0].body
    assert error_of(nested[0])["code"] == "request_in_progress"
    assert nested[0].headers["Retry-After"] == "1"
    kind = "Lead" if path.endswith("leads") else "Contact"
    assert count_with_email(sf_env, kind, NEWCOMER) == 1


def test_one_batch_replayed_at_once_from_several_clients_creates_each_record_once(
    sign_in: SignIn, served: str, sf_env: Salesforce
) -> None:
    # Given a batch of five Leads that four connections of the device send at the same moment
    token = sign_in(ALICE)
    emails = [f"p{i}@brightline-labs.example" for i in range(5)]
    actions = [
        offline_action(f"k{i}", "/records/leads", {**LEAD, "email": email})
        for i, email in enumerate(emails)
    ]
    barrier = threading.Barrier(4)

    def send(wait: Callable[[], Any] = lambda: None) -> list[dict[str, Any]]:
        wait()
        with requests.Session() as http:
            http.trust_env = False  # loopback only, whatever proxy the machine has
            reply = http.post(
                f"{served}/actions",
                data=json.dumps({"actions": actions}),
                headers=json_headers(token),
                timeout=60,
            )
        assert reply.status_code == 200, reply.text
        return list(reply.json()["results"])

    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(pool.map(lambda _: send(barrier.wait), range(4)))

    # Then each Lead exists once; a racing copy is told to retry, never answered with an error
    assert [count_with_email(sf_env, "Lead", email) for email in emails] == [1] * 5
    statuses = [[r["status"] for r in reply] for reply in replies]
    assert all(s in (201, 409) for row in statuses for s in row), statuses
    assert all(
        r["body"]["error"]["code"] == "request_in_progress"
        for reply in replies
        for r in reply
        if r["status"] == 409
    )
    # and the replay after the race answers every one created, with the same ids
    final = send()
    assert [r["status"] for r in final] == [201] * 5
    won = {r["key"]: r["body"] for reply in replies for r in reply if r["status"] == 201}
    assert all(won[r["key"]] == r["body"] for r in final if r["key"] in won)


# -- gap 4: a replayed batch with failures --------------------------------------------------------
def test_a_replayed_mixed_batch_answers_the_same_and_creates_nothing_new(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given a batch whose Lead is refused (no Company), whose Contact depends on it, and
    # whose other Lead is created
    no_company = {k: v for k, v in LEAD.items() if k != "company"}
    other = {**LEAD, "email": "other@brightline-labs.example"}
    batch = [
        offline_action("refused", "/records/leads", no_company),
        offline_action("dependant", "/records/contacts", {**CONTACT, "company": "Initech"},
                depends_on="refused"),
        offline_action("created", "/records/leads", other),
    ]  # fmt: skip
    first = run_actions(client, alice, *batch)
    assert [r["status"] for r in first] == [400, 424, 201], first
    sizes = _sizes(sf_env)

    # When the response was lost and the device sends the whole batch again
    again = run_actions(client, alice, *batch)

    # Then it answers the same results and nothing new exists in Salesforce
    assert again == first
    assert _sizes(sf_env) == sizes
    assert count_with_email(sf_env, "Lead", "other@brightline-labs.example") == 1


# -- gap 6: `account_name` joins an Account the user sees ------------------------------------------
def test_a_contact_joins_an_existing_account_by_account_name(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    (initech,) = _accounts_named(sf_env, "Initech")
    accounts = len(sf_env.emu.records["Account"])

    response = post_json(client, alice, "/records/contacts", {**CONTACT, "account_name": "Initech"})

    assert response.status_code == 201, response.body
    record = json.loads(response.body)["record"]
    assert (record["account_id"], record["account_created"]) == (initech["Id"], False)
    assert sf_env.emu.records["Contact"][record["id"]]["AccountId"] == initech["Id"]
    assert len(sf_env.emu.records["Account"]) == accounts


# -- gap 7 and 11: what /signatures/parse never does ----------------------------------------------
def test_a_parser_bug_is_logged_by_its_type_and_never_by_its_text(
    client: Client,
    alice: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from chalicelib.records import signatures

    marker = "Zephyrine Quillfeather"

    def broken(*_: object) -> None:
        raise LookupError(f"no block near {marker!r}")  # a message that quotes the email

    monkeypatch.setattr(signatures, "extract", broken)
    caplog.set_level("DEBUG")
    text = f"Hi,\n\nregards,\n{marker}\nTel: +1 415 555 0142\n"

    response = post_json(
        client, alice, "/signatures/parse", {"text": text, "from": {"email": NEWCOMER}}
    )

    assert response.status_code == 200, response.body
    assert json.loads(response.body) == {"fields": {}, "confidence": {}, "signature": ""}
    logged = capsys.readouterr()
    output = logged.out + logged.err + caplog.text
    failures = [r for r in caplog.records if r.getMessage() == "signature parser failed"]
    assert [getattr(r, "error", None) for r in failures] == ["LookupError"], caplog.text
    assert marker not in output
    assert not [r for r in caplog.records if marker in repr(vars(r))]
    assert "no block near" not in output


def test_parsing_a_signature_calls_nothing_outside(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given no connection may leave the process (moto runs in it: AWS needs none)
    dialled: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        dialled.append(address)
        raise OSError("no outbound connection during a parse")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    calls = sf_env.emu.api_calls
    text = (
        "Hi Alice,\n\nthanks.\n\nBest regards,\n\nDana Whitfield\nHead of Operations\n"
        "Brightline Labs\nTel: +1 (415) 555-0142\n"
    )

    response = post_json(
        client, alice, "/signatures/parse", {"text": text, "from": {"email": NEWCOMER}}
    )

    # Then it is parsed all the same, and no socket was dialled, not even Salesforce's
    assert response.status_code == 200, response.body
    assert json.loads(response.body)["fields"]["phone"] == "+14155550142"
    assert dialled == []
    assert sf_env.emu.api_calls == calls


# -- gap 12: stronger proofs ----------------------------------------------------------------------
def test_a_contact_s_required_field_and_field_security_refusals_carry_salesforce_s_message(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.deny_field_edit(sf_env.emu.users[ALICE]["Id"], "Contact", "Title")
    without_last_name = {k: v for k, v in CONTACT.items() if k != "last_name"}

    missing = post_json(
        client, alice, "/records/contacts", {**without_last_name, "company": "Initech"}
    )
    hidden = post_json(client, alice, "/records/contacts", {**CONTACT, "company": "Initech",
                                                        "title": "CTO"})  # fmt: skip

    assert (missing.status_code, hidden.status_code) == (400, 400)
    assert error_of(missing)["message"] == "Required fields are missing: [LastName]"
    assert error_of(hidden)["message"] == (
        "Unable to create/update fields: Title. Please check the security settings of this "
        "field and verify that it is read/write for your profile or permission set."
    )
    assert count_with_email(sf_env, "Contact", NEWCOMER) == 0


@pytest.mark.parametrize("path", ["/records/leads", "/records/contacts"])
@pytest.mark.parametrize("key", ["", "two words", "x" * 256, "caf\u00e9"])
def test_a_malformed_idempotency_key_is_a_400_and_creates_nothing(
    client: Client, alice: str, sf_env: Salesforce, path: str, key: str
) -> None:
    calls = sf_env.emu.api_calls
    headers = {**json_headers(alice), "Idempotency-Key": key}
    body = {**CONTACT, "company": "Initech"} if path.endswith("contacts") else LEAD

    response = client.http.post(path, body=json.dumps(body), headers=headers)

    assert response.status_code == 400, response.body
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert error["message"].startswith("Idempotency-Key must be")  # named, never echoed
    assert key == "" or key not in error["message"]
    assert sf_env.emu.api_calls == calls


def test_a_region_is_no_country_and_the_address_is_read_whole(client: Client, alice: str) -> None:
    text = (
        "Merci.\n\nL\u00e9a Morand\nResponsable des achats\nAlpage Outils SA\nRue du Lac 3\n"
        "1800 Vevey\nSuisse romande\n+41 21 555 01 77"
    )
    sender = {"email": "lea.morand@alpage.example", "name": "L\u00e9a Morand"}

    response = post_json(client, alice, "/signatures/parse", {"text": text, "from": sender})

    assert response.status_code == 200, response.body
    fields = json.loads(response.body)["fields"]
    assert "country" not in fields  # "Suisse romande" is a region, and no country is named
    assert {k: fields.get(k) for k in ("street", "city", "postal_code", "phone")} == {
        "street": "Rue du Lac 3",
        "city": "Vevey",
        "postal_code": "1800",
        "phone": "+41215550177",
    }
