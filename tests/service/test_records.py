"""Records (chalicelib/records): /signatures/parse, and new Leads and Contacts created as the
user through the app in chalice.test.Client, on moto, against the Salesforce emulator over HTTP
(its required fields, field-level security, validation and duplicate rules)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from chalice.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib.records.signatures import FIELDS
from devstack.sfemu.duplicates import RESULT_KEYS, DuplicateRule, ResultKey, ValidationRule
from tests.conftest import Salesforce, SignIn
from tests.records_http import ALICE, NEWCOMER, json_headers, post_json

SIGNED = (
    "Hi Alice,\n\nthanks for the call today.\n\nBest regards,\n\nDana Whitfield\n"
    "Head of Operations\nBrightline Labs\nTel: +1 (415) 555-0142\n"
    "dana.whitfield@brightline-labs.example\n"
)


def _body(response: Any) -> dict[str, Any]:
    return dict(json.loads(response.body))


def _records(salesforce: Salesforce, kind: str, email: str) -> list[dict[str, Any]]:
    found = salesforce.emu.records[kind].values()
    return [r for r in found if str(r.get("Email") or "").lower() == email]


def _lead(**fields: Any) -> dict[str, Any]:
    return {
        "first_name": "Dana",
        "last_name": "Whitfield",
        "company": "Brightline Labs",
        "email": NEWCOMER,
        **fields,
    }


@pytest.fixture
def alice(sign_in: SignIn) -> str:
    return sign_in(ALICE)


# -- POST /signatures/parse ------------------------------------------------------------------------
def test_a_signature_is_parsed_into_the_form_fields(client: Client, alice: str) -> None:
    # Given an email whose newest message ends with a signature
    body = {"text": SIGNED, "from": {"email": NEWCOMER, "name": "Dana Whitfield"}}

    # When the sidebar asks for its fields
    response = post_json(client, alice, "/signatures/parse", body)

    # Then the block's fields come back, phones in E.164, each with its confidence
    assert response.status_code == 200, response.body
    answer = _body(response)
    assert answer["fields"]["first_name"] == "Dana"
    assert answer["fields"]["last_name"] == "Whitfield"
    assert answer["fields"]["phone"] == "+14155550142"
    assert set(answer["confidence"]) == set(answer["fields"])
    assert "Brightline Labs" in answer["signature"]


def test_an_email_without_a_signature_answers_no_fields(client: Client, alice: str) -> None:
    body = {"text": "ok, see you then", "from": {"email": NEWCOMER, "name": "Dana Whitfield"}}
    answer = _body(post_json(client, alice, "/signatures/parse", body))
    assert answer == {"fields": {}, "confidence": {}, "signature": ""}


def test_a_body_over_256_kb_is_refused_with_413(client: Client, alice: str) -> None:
    body = {"text": "x" * (256 * 1024), "from": {"email": NEWCOMER}}
    response = post_json(client, alice, "/signatures/parse", body)
    assert response.status_code == 413
    assert _body(response)["error"]["code"] == "payload_too_large"


def test_parsing_needs_a_session(client: Client, sf_env: Salesforce) -> None:
    response = client.http.post(
        "/signatures/parse",
        body=json.dumps({"text": SIGNED, "from": {"email": NEWCOMER}}),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 401


def test_an_org_that_turned_extraction_off_gets_403(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    changed = client.http.put(
        "/admin/settings",
        body=json.dumps({"signature_extraction": False}),
        headers=json_headers(admin),
    )
    assert changed.status_code == 200, changed.body

    response = post_json(
        client, sign_in(ALICE), "/signatures/parse", {"text": SIGNED, "from": {"email": NEWCOMER}}
    )

    assert response.status_code == 403
    assert _body(response)["error"]["code"] == "signature_extraction_disabled"


# -- POST /records/leads -----------------------------------------------------------------------
def test_a_lead_is_created_as_the_user_with_the_mapped_fields(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    linkedin = "https://www.linkedin.com/in/danawhitfield"
    body = _lead(
        mobile="+14155550199", city="Oakland", state="CA", postal_code="94612", linkedin=linkedin
    )

    calls = sf_env.emu.api_calls
    response = post_json(client, alice, "/records/leads", body)

    assert response.status_code == 201, response.body
    assert sf_env.emu.api_calls == calls + 1  # the insert
    answer = _body(response)
    (lead,) = _records(sf_env, "Lead", NEWCOMER)
    assert answer == {"record": {"id": lead["Id"], "type": "Lead"}, "not_saved": ["linkedin"]}
    assert (lead["Company"], lead["MobilePhone"], lead["City"], lead["State"]) == (
        "Brightline Labs",
        "+14155550199",
        "Oakland",
        "CA",
    )
    assert (lead["PostalCode"], lead["OwnerId"]) == ("94612", sf_env.emu.users[ALICE]["Id"])


def test_a_required_field_salesforce_misses_is_a_400_naming_it(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    body = _lead()
    del body["company"]
    response = post_json(client, alice, "/records/leads", body)
    assert response.status_code == 400
    error = _body(response)["error"]
    assert error["code"] == "salesforce_rejected"
    assert error["field"] == "company"
    assert error["salesforce_code"] == "REQUIRED_FIELD_MISSING"
    assert "Company" in error["message"]
    assert _records(sf_env, "Lead", NEWCOMER) == []


def test_a_field_the_user_may_not_edit_is_refused_by_salesforce(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.deny_field_edit(sf_env.emu.users[ALICE]["Id"], "Lead", "Title")
    response = post_json(client, alice, "/records/leads", _lead(title="Head of Operations"))
    assert response.status_code == 400
    error = _body(response)["error"]
    assert (error["field"], error["salesforce_code"]) == (
        "title",
        "INVALID_FIELD_FOR_INSERT_UPDATE",
    )


def test_a_validation_rule_answers_its_message_and_field(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.add_validation_rule(
        ValidationRule(
            "Lead", "A Lead needs a phone number.", lambda v: not v.get("Phone"), "Phone"
        )
    )
    response = post_json(client, alice, "/records/leads", _lead())
    assert response.status_code == 400
    error = _body(response)["error"]
    assert error["message"] == "A Lead needs a phone number."
    assert (error["field"], error["salesforce_code"]) == (
        "phone",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    )


@pytest.mark.parametrize("spelling", RESULT_KEYS)
def test_a_blocking_duplicate_rule_answers_409_with_the_matches(
    client: Client, alice: str, sf_env: Salesforce, spelling: ResultKey
) -> None:
    # Given a Contact alice sees, and a rule that blocks Leads matching a Contact's email (the
    # org answering either spelling of the result's key)
    sf_env.emu.spell_duplicate_result(spelling)
    initech = "peter.gibbons@initech.com"
    (contact,) = _records(sf_env, "Contact", initech)
    sf_env.emu.add_duplicate_rule(DuplicateRule("Lead_Dupes", "Lead", "Contact", "email", "block"))
    leads = len(_records(sf_env, "Lead", initech))

    # When she creates a Lead with that address, even asking to allow duplicates
    calls = sf_env.emu.api_calls
    response = post_json(
        client, alice, "/records/leads", _lead(email=initech, allow_duplicates=True)
    )

    # Then nothing is created and the match is named
    assert response.status_code == 409
    error = _body(response)["error"]
    assert error["code"] == "duplicates_detected"
    assert error["allow_duplicates"] is False
    assert error["duplicates"] == [
        {"id": contact["Id"], "type": "Contact", "name": "Peter Gibbons", "email": initech}
    ]
    assert len(_records(sf_env, "Lead", initech)) == leads
    assert sf_env.emu.api_calls == calls + 2  # the refused insert, the matches' names


@pytest.mark.parametrize("spelling", RESULT_KEYS)
def test_an_alerting_rule_lets_the_user_save_when_asked(
    client: Client, alice: str, sf_env: Salesforce, spelling: ResultKey
) -> None:
    sf_env.emu.spell_duplicate_result(spelling)
    sf_env.emu.add_duplicate_rule(DuplicateRule("Lead_Names", "Lead", "Lead", "name", "alert"))
    first = post_json(client, alice, "/records/leads", _lead())
    assert first.status_code == 201, first.body
    other = _lead(email="dana@whitfield.example")

    refused = post_json(client, alice, "/records/leads", other)
    allowed = post_json(client, alice, "/records/leads", {**other, "allow_duplicates": True})

    assert refused.status_code == 409
    error = _body(refused)["error"]
    assert error["allow_duplicates"] is True
    assert [d["id"] for d in error["duplicates"]] == [_body(first)["record"]["id"]]
    assert allowed.status_code == 201, allowed.body
    assert len(_records(sf_env, "Lead", "dana@whitfield.example")) == 1


def test_a_created_lead_is_what_the_lookup_answers_at_once(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given alice's sidebar looked the sender up: not in Salesforce (cached)
    before = client.http.get(f"/lookup?email={NEWCOMER}", headers=json_headers(alice))
    assert json.loads(before.body)["results"][0]["matches"] == []

    # When she creates a Lead for the sender
    created = post_json(client, alice, "/records/leads", _lead())

    # Then the next lookup finds it
    after = client.http.get(f"/lookup?email={NEWCOMER}", headers=json_headers(alice))
    matches = json.loads(after.body)["results"][0]["matches"]
    assert [m["id"] for m in matches] == [_body(created)["record"]["id"]]


def test_a_lead_created_in_another_container_is_what_the_lookup_answers(
    client: Client, alice: str, sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib import deps

    # Given container A cached "not in Salesforce" for the sender, and a cached match
    peter = "peter.gibbons@initech.com"
    for address in (NEWCOMER, peter):
        client.http.get(f"/lookup?email={address}", headers=json_headers(alice))
    container_a = deps.lookups()

    # When alice creates the Lead in container B (its own memory; the same table)
    deps.reset()
    created = post_json(client, alice, "/records/leads", _lead())
    assert created.status_code == 201, created.body

    # Then container A asks Salesforce again rather than serve its cached miss
    monkeypatch.setattr(deps, "lookups", lambda: container_a)
    calls = sf_env.emu.api_calls
    after = client.http.get(f"/lookup?email={NEWCOMER}", headers=json_headers(alice))
    matches = json.loads(after.body)["results"][0]["matches"]
    assert [m["id"] for m in matches] == [_body(created)["record"]["id"]]
    assert sf_env.emu.api_calls == calls + 1
    # and a cached match is still served without Salesforce
    again = client.http.get(f"/lookup?email={peter}", headers=json_headers(alice))
    assert json.loads(again.body)["results"][0]["matches"]
    assert sf_env.emu.api_calls == calls + 1


def test_an_idempotency_key_creates_one_lead_and_answers_the_same(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    first = post_json(client, alice, "/records/leads", _lead(), key="lead-1")
    calls = sf_env.emu.api_calls
    again = post_json(client, alice, "/records/leads", _lead(), key="lead-1")
    other = post_json(client, alice, "/records/leads", _lead(title="CEO"), key="lead-1")

    assert (first.status_code, again.status_code) == (201, 201)
    assert _body(again) == _body(first)
    assert sf_env.emu.api_calls == calls  # the replay asked Salesforce nothing
    assert len(_records(sf_env, "Lead", NEWCOMER)) == 1
    assert other.status_code == 422
    assert _body(other)["error"]["code"] == "idempotency_key_reused"


# -- POST /records/contacts ----------------------------------------------------------------------
def _contact(**fields: Any) -> dict[str, Any]:
    return {"first_name": "Dana", "last_name": "Whitfield", "email": NEWCOMER, **fields}


def test_a_contact_joins_the_account_the_user_sees_by_name(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    initech = next(a for a in sf_env.emu.records["Account"].values() if a["Name"] == "Initech")
    calls = sf_env.emu.api_calls
    response = post_json(
        client, alice, "/records/contacts", _contact(company="initech", city="Austin")
    )
    assert response.status_code == 201, response.body
    assert sf_env.emu.api_calls == calls + 2  # the Account by name, the insert
    (contact,) = _records(sf_env, "Contact", NEWCOMER)
    assert _body(response)["record"] == {
        "id": contact["Id"],
        "type": "Contact",
        "account_id": initech["Id"],
        "account_created": False,
    }
    assert (contact["AccountId"], contact["MailingCity"]) == (initech["Id"], "Austin")


def test_an_account_the_user_cannot_see_is_not_found(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Umbrella Health is bob's: alice does not see it
    response = post_json(
        client, alice, "/records/contacts", _contact(account_name="Umbrella Health")
    )
    assert response.status_code == 400
    error = _body(response)["error"]
    assert (error["code"], error["field"]) == ("account_not_found", "account_name")
    assert _records(sf_env, "Contact", NEWCOMER) == []


def test_an_account_is_created_when_asked(client: Client, alice: str, sf_env: Salesforce) -> None:
    body = _contact(account_name="Brightline Labs", create_account=True)
    response = post_json(client, alice, "/records/contacts", body)
    assert response.status_code == 201, response.body
    record = _body(response)["record"]
    account = sf_env.emu.records["Account"][record["account_id"]]
    assert (account["Name"], record["account_created"]) == ("Brightline Labs", True)
    assert sf_env.emu.records["Contact"][record["id"]]["AccountId"] == account["Id"]


def test_an_account_id_must_be_an_account(client: Client, alice: str) -> None:
    response = post_json(client, alice, "/records/contacts", _contact(account_id="00Q000000000001"))
    assert response.status_code == 400
    assert _body(response)["error"]["code"] == "validation_error"


def test_nothing_of_the_text_is_logged(
    client: Client, alice: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    marker = "Zephyrine Quillfeather"
    text = f"Hi,\n\nregards,\n{marker}\nTel: +1 415 555 0142\n"
    caplog.set_level("DEBUG")

    parsed = post_json(
        client, alice, "/signatures/parse", {"text": text, "from": {"email": NEWCOMER}}
    )
    refused = post_json(
        client, alice, "/signatures/parse", {"text": text, "from": {"email": marker}}
    )

    assert parsed.status_code == 200
    assert refused.status_code == 400  # the sender is not an address: named, not echoed
    assert marker not in refused.body.decode()
    captured = capsys.readouterr()
    assert marker not in captured.out + captured.err + caplog.text


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=400) | st.just(SIGNED),
    html=st.none() | st.text(max_size=200).map(lambda t: f"<div>{t}</div>"),
)
def test_any_body_answers_200_with_only_known_fields(
    client: Client, alice: str, text: str, html: str | None
) -> None:
    body = {"text": text, "html": html, "from": {"email": NEWCOMER}}
    response = post_json(client, alice, "/signatures/parse", body)
    assert response.status_code == 200, response.body
    answer = _body(response)
    assert set(answer["fields"]) <= set(FIELDS)
    assert set(answer["confidence"]) == set(answer["fields"])
    assert all(0 <= c <= 1 for c in answer["confidence"].values())


def test_a_refused_contact_leaves_no_new_account(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    # Given a validation rule that refuses this Contact
    sf_env.emu.add_validation_rule(
        ValidationRule(
            "Contact", "A Contact needs a phone number.", lambda v: not v.get("Phone"), "Phone"
        )
    )
    body = _contact(account_name="Brightline Labs", create_account=True)

    # When alice creates it with a new Account
    calls = sf_env.emu.api_calls
    response = post_json(client, alice, "/records/contacts", body)

    # Then neither exists: the Account and the Contact were one all-or-none call
    assert response.status_code == 400
    error = _body(response)["error"]
    assert (error["field"], error["message"]) == ("phone", "A Contact needs a phone number.")
    names = [a["Name"] for a in sf_env.emu.records["Account"].values()]
    assert "Brightline Labs" not in names
    assert _records(sf_env, "Contact", NEWCOMER) == []
    assert sf_env.emu.api_calls == calls + 2  # the Account by name, the Composite


def test_a_duplicate_contact_with_a_new_account_answers_409_and_leaves_nothing(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    initech = "peter.gibbons@initech.com"
    sf_env.emu.add_duplicate_rule(DuplicateRule("C_Dupes", "Contact", "Contact", "email", "alert"))
    body = _contact(email=initech, account_name="Brightline Labs", create_account=True)

    refused = post_json(client, alice, "/records/contacts", body)
    allowed = post_json(client, alice, "/records/contacts", {**body, "allow_duplicates": True})

    assert refused.status_code == 409, refused.body
    assert _body(refused)["error"]["allow_duplicates"] is True
    assert allowed.status_code == 201, allowed.body
    record = _body(allowed)["record"]
    accounts = [a for a in sf_env.emu.records["Account"].values() if a["Name"] == "Brightline Labs"]
    assert [a["Id"] for a in accounts] == [record["account_id"]]


def test_a_contact_without_its_required_last_name_is_a_400_naming_it(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    body = _contact(company="Initech")
    del body["last_name"]
    response = post_json(client, alice, "/records/contacts", body)
    assert response.status_code == 400
    error = _body(response)["error"]
    assert (error["code"], error["field"]) == ("salesforce_rejected", "last_name")
    assert error["salesforce_code"] == "REQUIRED_FIELD_MISSING"
    assert _records(sf_env, "Contact", NEWCOMER) == []


def test_a_contact_field_the_user_may_not_edit_is_refused_by_salesforce(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.deny_field_edit(sf_env.emu.users[ALICE]["Id"], "Contact", "Title")
    response = post_json(
        client, alice, "/records/contacts", _contact(company="Initech", title="CTO")
    )
    assert response.status_code == 400
    error = _body(response)["error"]
    assert (error["field"], error["salesforce_code"]) == (
        "title",
        "INVALID_FIELD_FOR_INSERT_UPDATE",
    )
    assert _records(sf_env, "Contact", NEWCOMER) == []


def test_a_contact_validation_rule_answers_its_message_and_field(
    client: Client, alice: str, sf_env: Salesforce
) -> None:
    sf_env.emu.add_validation_rule(
        ValidationRule("Contact", "Mailing city is required.", lambda v: not v.get("MailingCity"))
    )
    sf_env.emu.add_validation_rule(
        ValidationRule("Contact", "A Contact needs a phone.", lambda v: not v.get("Phone"), "Phone")
    )
    top = post_json(client, alice, "/records/contacts", _contact(company="Initech"))
    field = post_json(
        client, alice, "/records/contacts", _contact(company="Initech", city="Austin")
    )
    assert (top.status_code, field.status_code) == (400, 400)
    assert _body(top)["error"]["message"] == "Mailing city is required."
    assert "field" not in _body(top)["error"]
    error = _body(field)["error"]
    assert (error["field"], error["salesforce_code"]) == (
        "phone",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    )
