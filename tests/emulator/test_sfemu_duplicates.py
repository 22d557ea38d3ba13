"""The Salesforce emulator's validation rules and duplicate rules over real HTTP
(devstack/sfemu/duplicates.py): DUPLICATES_DETECTED in Salesforce's REST shape, blocking and
alerting rules, and Sforce-Duplicate-Rule-Header (API 52.0 and later)."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from sfemu_client import API, SfClient

from devstack.sfemu import Emulator
from devstack.sfemu.duplicates import RESULT_KEYS, DuplicateRule, ResultKey, ValidationRule

PETER = "peter.gibbons@initech.com"
ALLOW = {"Sforce-Duplicate-Rule-Header": "allowSave=true"}
LEAD = {"LastName": "Gibbons", "Company": "Initech", "Email": PETER}


@pytest.fixture
def alice(sf: SfClient) -> str:
    return str(sf.login("alice@acme.demo")["access_token"])


def _create(
    sf: SfClient,
    token: str,
    fields: dict[str, Any],
    headers: dict[str, str] | None = None,
    api: str = API,
) -> requests.Response:
    return sf.api(token, "POST", f"{api}/sobjects/Lead", json=fields, headers=headers or {})


def _contact_of(emu: Emulator, email: str) -> dict[str, Any]:
    return next(c for c in emu.records["Contact"].values() if c["Email"] == email)


def test_a_blocking_rule_answers_duplicates_detected_in_salesforce_s_shape(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    emu.add_duplicate_rule(DuplicateRule("Leads_vs_Contacts", "Lead", "Contact", "email", "block"))
    leads = len(emu.records["Lead"])

    response = _create(sf, alice, LEAD, ALLOW)

    assert response.status_code == 400
    contact = _contact_of(emu, PETER)
    assert response.json() == [
        {
            "duplicateResult": {
                "allowSave": False,
                "duplicateRule": "Leads_vs_Contacts",
                "duplicateRuleEntityType": "Lead",
                "errorMessage": "Use one of these records?",
                "matchResults": [
                    {
                        "entityType": "Contact",
                        "errors": [],
                        "matchEngine": "ExactMatchEngine",
                        "matchRecords": [
                            {
                                "additionalInformation": [],
                                "fieldDiffs": [],
                                "matchConfidence": 100.0,
                                "record": {
                                    "attributes": {
                                        "type": "Contact",
                                        "url": f"{API}/sobjects/Contact/{contact['Id']}",
                                    },
                                    "Id": contact["Id"],
                                },
                            }
                        ],
                        "rule": "Contact_Email_Match_Rule",
                        "size": 1,
                        "success": True,
                    }
                ],
            },
            "errorCode": "DUPLICATES_DETECTED",
            "message": "Use one of these records?",
        }
    ]
    assert len(emu.records["Lead"]) == leads


@pytest.mark.parametrize("spelling", RESULT_KEYS)
def test_an_alerting_rule_saves_only_with_the_header_from_api_52(
    sf: SfClient, emu: Emulator, alice: str, spelling: ResultKey
) -> None:
    emu.spell_duplicate_result(spelling)
    emu.add_duplicate_rule(DuplicateRule("Lead_Emails", "Lead", "Contact", "email", "alert"))

    plain = _create(sf, alice, LEAD)
    too_old = _create(sf, alice, LEAD, ALLOW, api="/services/data/v51.0")
    lowered = _create(sf, alice, LEAD, {"Sforce-Duplicate-Rule-Header": "allowsave=TRUE"})

    assert plain.status_code == too_old.status_code == 400
    assert set(plain.json()[0]) == {spelling, "errorCode", "message"}
    assert plain.json()[0][spelling]["allowSave"] is True
    assert lowered.status_code == 201, lowered.text
    assert emu.records["Lead"][lowered.json()["id"]]["Email"] == PETER


def test_run_as_current_user_matches_only_what_the_user_sees(
    sf: SfClient, emu: Emulator, alice: str, users: dict[str, str]
) -> None:
    # Umbrella Health's Contacts are bob's: alice does not see them
    visible = emu.visible_ids(users["alice"], "Contact")
    hidden = next(c for c in emu.records["Contact"].values() if c["Id"] not in visible)
    emu.add_duplicate_rule(DuplicateRule("Lead_Emails", "Lead", "Contact", "email", "block"))
    fields = {**LEAD, "Email": hidden["Email"]}

    system = _create(sf, alice, fields)
    hers = _create(sf, alice, fields, {"Sforce-Duplicate-Rule-Header": "runAsCurrentUser=true"})

    assert system.status_code == 400
    assert hers.status_code == 201, hers.text


def test_a_name_rule_matches_first_and_last_name_ignoring_case(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    emu.add_duplicate_rule(DuplicateRule("Lead_Names", "Lead", "Contact", "name", "block"))
    same = _create(sf, alice, {"FirstName": "PETER", "LastName": "gibbons", "Company": "X"})
    other = _create(sf, alice, {"FirstName": "Petra", "LastName": "Gibbons", "Company": "X"})
    assert same.status_code == 400
    assert same.json()[0]["errorCode"] == "DUPLICATES_DETECTED"
    assert other.status_code == 201


def test_a_validation_rule_names_its_field_and_runs_before_duplicate_rules(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    emu.add_duplicate_rule(DuplicateRule("Lead_Emails", "Lead", "Contact", "email", "block"))
    emu.add_validation_rule(
        ValidationRule("Lead", "Phone is required.", lambda v: not v.get("Phone"), "Phone")
    )
    response = _create(sf, alice, LEAD)
    assert response.status_code == 400
    assert response.json() == [
        {
            "message": "Phone is required.",
            "errorCode": "FIELD_CUSTOM_VALIDATION_EXCEPTION",
            "fields": ["Phone"],
        }
    ]


# -- Accounts: the Standard Account Duplicate Rule (duplicates.py) --------------------------------
def _account(sf: SfClient, token: str, fields: dict[str, Any], header: str = "") -> Any:
    headers = {"Sforce-Duplicate-Rule-Header": header} if header else {}
    return sf.api(token, "POST", f"{API}/sobjects/Account", json=fields, headers=headers)


def test_the_standard_account_rule_needs_a_name_and_a_city_and_alerts(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    from devstack.sfemu.duplicates import STANDARD_ACCOUNT_RULE

    emu.add_duplicate_rule(STANDARD_ACCOUNT_RULE)
    initech = next(a for a in emu.records["Account"].values() if a["Name"] == "Initech")

    # a name alone does not fire the standard matching rule (it needs Billing City or Zip)
    assert _account(sf, alice, {"Name": "Initech Inc"}).status_code == 201
    # a fuzzy-equal name in the same city alerts, and names the Account
    refused = _account(sf, alice, {"Name": "Initech, Inc.", "BillingCity": "Austin"})
    assert refused.status_code == 400
    (error,) = refused.json()
    result = error["duplicateResult"]
    assert (error["errorCode"], result["allowSave"]) == ("DUPLICATES_DETECTED", True)
    assert result["duplicateRule"] == "Standard_Account_Duplicate_Rule"
    ids = [m["record"]["Id"] for m in result["matchResults"][0]["matchRecords"]]
    assert initech["Id"] in ids
    # the user may save past the alert
    allowed = _account(
        sf, alice, {"Name": "Initech, Inc.", "BillingCity": "Austin"}, "allowSave=true"
    )
    assert allowed.status_code == 201


def test_a_rule_that_enforces_sharing_matches_only_what_the_user_sees(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    from devstack.sfemu.duplicates import STANDARD_ACCOUNT_RULE

    emu.add_duplicate_rule(STANDARD_ACCOUNT_RULE)
    alice_id = emu.users["alice@acme.demo"]["Id"]
    visible = emu.visible_ids(alice_id, "Account")
    hidden = next(a for a in emu.records["Account"].values() if a["Id"] not in visible)

    fields = {"Name": hidden["Name"], "BillingCity": hidden.get("BillingCity") or "Nowhere"}
    assert _account(sf, alice, fields).status_code == 201
