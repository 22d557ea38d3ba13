"""Email logging against the Salesforce emulator over real HTTP (Stratus issue 11): matching in one
Composite, Enhanced Email with relations and a feed post, orgs without Enhanced Email, the Task
fallback, multipart ContentVersion uploads (chunked, 15 MB), permission and upload faults, and
call counts per user and kind."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import pytest
import requests
from sfemu_client import API, SfClient, multipart_parts

from devstack.googleemu import seed as googleemu_seed
from devstack.msemu import seed as msemu_seed
from devstack.sfemu import SEEDED_MAIL_CONTACT_EMAIL, SHARED_CONTACT_LEAD_EMAIL, Emulator, to18

MESSAGE_ID = "<CAF=q1w2e3.demo@mail.gmail.com>"
NO_SUCH_CONTACT = to18("0035g0000000001")  # a well-formed Contact id no record has


@pytest.fixture
def alice(sf: SfClient) -> str:
    return str(sf.login("alice@acme.demo")["access_token"])


def _errors(response: requests.Response) -> list[tuple[str, list[str] | None]]:
    return [(e["errorCode"], e.get("fields")) for e in response.json()]


def _query_sub(ref: str, soql: str) -> dict[str, Any]:
    return {"method": "GET", "url": f"{API}/query?q={soql}", "referenceId": ref}


def _insert_sub(ref: str, type_name: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "method": "POST",
        "url": f"{API}/sobjects/{type_name}",
        "referenceId": ref,
        "body": body,
    }


def _email(emu: Emulator, **extra: Any) -> dict[str, Any]:
    return {
        "Subject": "Re: Q3 renewal",
        "TextBody": "Thanks for the call.",
        "HtmlBody": "<p>Thanks for the call.</p>",
        "FromAddress": "alice@acme.demo",
        "FromName": "Alice Anders",
        "ToAddress": SHARED_CONTACT_LEAD_EMAIL,
        "CcAddress": "bob@acme.demo",
        "MessageDate": "2026-11-29T10:00:00.000+0000",
        "MessageIdentifier": MESSAGE_ID,
        "ThreadIdentifier": MESSAGE_ID,
        "Status": "3",
        "Incoming": False,
        "RelatedToId": emu.demo.accounts["initech"],
        "ToIds": [emu.demo.contacts["peter"]],
        **extra,
    }


def _log_email(sf: SfClient, token: str, emu: Emulator) -> str:
    response = sf.create(token, "EmailMessage", _email(emu))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_matching_and_duplicate_check_take_one_composite_call(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    # Given alice, who sees Initech's contact Peter but not bob's lead with the same address
    emails = f"('{SHARED_CONTACT_LEAD_EMAIL}', 'bob@acme.demo')"
    subrequests = [
        _query_sub("contacts", f"SELECT Id, Email, Name FROM Contact WHERE Email IN {emails}"),
        _query_sub(
            "leads",
            f"SELECT Id, Email, Name FROM Lead WHERE Email IN {emails} AND IsConverted = false",
        ),
        _query_sub("users", f"SELECT Id, Email, Name FROM User WHERE Email IN {emails}"),
        _query_sub(
            "logged",
            f"SELECT Id, MessageIdentifier FROM EmailMessage WHERE MessageIdentifier = "
            f"'{MESSAGE_ID}'",
        ),
    ]
    # When the product asks everything in one composite
    before = sf.composite(alice, subrequests)
    _log_email(sf, alice, emu)
    after = sf.composite(alice, subrequests[3:])
    bob = str(sf.login("bob@acme.demo")["access_token"])
    bobs = sf.composite(bob, subrequests[1:2])
    # Then each answer is the user's own view, and each composite is one API call
    answers = {r["referenceId"]: r["body"] for r in before.json()["compositeResponse"]}
    assert [r["Id"] for r in answers["contacts"]["records"]] == [emu.demo.contacts["peter"]]
    assert answers["leads"]["totalSize"] == 0
    assert [r["Email"] for r in answers["users"]["records"]] == ["bob@acme.demo"]
    assert answers["logged"]["totalSize"] == 0
    assert after.json()["compositeResponse"][0]["body"]["totalSize"] == 1
    leads = bobs.json()["compositeResponse"][0]["body"]["records"]
    assert [r["Id"] for r in leads] == [emu.demo.leads["peter"]]
    alice_id = emu.demo.users["alice"]
    assert emu.calls(alice_id, "composite") == 2
    assert emu.calls(alice_id, "sobject_insert") == 1
    assert emu.calls(alice_id, "query") == 0
    assert emu.calls(kind="composite") == 3


def test_long_text_bodies_cannot_be_filtered(sf: SfClient, alice: str) -> None:
    response = sf.query(alice, "SELECT Id FROM EmailMessage WHERE TextBody = 'x'")
    assert response.status_code == 400
    assert _errors(response) == [("INVALID_FIELD", None)]
    assert "can not be filtered" in response.json()[0]["message"]


def test_enhanced_email_with_relations_and_feed_post_in_one_composite(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    # Given an email to Peter (a Contact), related to Initech
    alice_id = emu.demo.users["alice"]
    account = emu.demo.accounts["initech"]
    subrequests = [
        _insert_sub("email", "EmailMessage", _email(emu)),
        _insert_sub(
            "sender",
            "EmailMessageRelation",
            {
                "EmailMessageId": "@{email.id}",
                "RelationType": "FromAddress",
                "RelationId": alice_id,
                "RelationAddress": "alice@acme.demo",
            },
        ),
        _insert_sub(
            "post",
            "FeedItem",
            {
                "Type": "LinkPost",
                "ParentId": account,
                "LinkUrl": "https://stratus.example/e/1",
                "Title": "Email logged",
                "Body": "Re: Q3 renewal",
            },
        ),
    ]
    # When it is logged with allOrNone
    response = sf.composite(alice, subrequests, all_or_none=True)
    # Then everything is created, the recipients and the sender are related to the email
    statuses = [r["httpStatusCode"] for r in response.json()["compositeResponse"]]
    assert statuses == [201, 201, 201], response.text
    email_id = response.json()["compositeResponse"][0]["body"]["id"]
    relations = sf.query(
        alice,
        "SELECT RelationId, RelationType, RelationObjectType FROM EmailMessageRelation "
        f"WHERE EmailMessageId = '{email_id}' ORDER BY RelationType",
    ).json()["records"]
    assert [(r["RelationType"], r["RelationId"], r["RelationObjectType"]) for r in relations] == [
        ("FromAddress", alice_id, "User"),
        ("ToAddress", emu.demo.contacts["peter"], "Contact"),
    ]
    stored = emu.records["EmailMessage"][email_id]
    assert stored["RelatedToId"] == account and stored["Status"] == "3"
    task = emu.records["Task"][stored["ActivityId"]]
    assert task["TaskSubtype"] == "Email" and task["WhatId"] == account
    assert emu.calls(alice_id) == 2 and emu.calls(alice_id, "composite") == 1


def test_all_or_none_rolls_the_email_back_when_a_relation_is_refused(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    subrequests = [
        _insert_sub("email", "EmailMessage", _email(emu)),
        _insert_sub(
            "sender",
            "EmailMessageRelation",
            {"EmailMessageId": "@{email.id}", "RelationType": "FromAddress", "RelationId": "005"},
        ),
    ]
    response = sf.composite(alice, subrequests, all_or_none=True)
    answers = response.json()["compositeResponse"]
    assert [a["body"][0]["errorCode"] for a in answers] == ["PROCESSING_HALTED", "MALFORMED_ID"]
    assert emu.records["EmailMessage"] == {}
    assert emu.records["EmailMessageRelation"] == {}


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"Subject": "x" * 4001}, ("STRING_TOO_LONG", ["Subject"])),
        ({"TextBody": "x" * 131_073}, ("STRING_TOO_LONG", ["TextBody"])),
        ({"HtmlBody": "x" * 131_073}, ("STRING_TOO_LONG", ["HtmlBody"])),
        ({"Status": "9"}, ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ["Status"])),
        ({"ToIds": ["003"]}, ("MALFORMED_ID", ["ToIds"])),
        ({"ToIds": [NO_SUCH_CONTACT]}, ("INVALID_CROSS_REFERENCE_KEY", ["ToIds"])),
        ({"RelatedToId": NO_SUCH_CONTACT}, ("FIELD_INTEGRITY_EXCEPTION", ["RelatedToId"])),
        ({"FromAddress": "not an address"}, ("INVALID_EMAIL_ADDRESS", ["FromAddress"])),
        ({"ActivityId": None}, ("INVALID_FIELD_FOR_INSERT_UPDATE", ["ActivityId"])),
    ],
)
def test_email_message_values_salesforce_refuses(
    sf: SfClient,
    emu: Emulator,
    alice: str,
    extra: dict[str, Any],
    expected: tuple[str, list[str]],
) -> None:
    response = sf.create(alice, "EmailMessage", _email(emu, **extra))
    assert response.status_code == 400
    assert _errors(response) == [expected]
    assert emu.records["EmailMessage"] == {}


def test_a_recipient_the_user_cannot_see_is_refused(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    hidden = emu.demo.leads["gavin"]  # casey's lead
    response = sf.create(alice, "EmailMessage", _email(emu, ToIds=[hidden]))
    assert _errors(response) == [("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", [])]


def test_without_enhanced_email_an_email_needs_a_case(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    # Given an org where Enhanced Email is off
    emu.enhanced_email = False
    plain = {k: v for k, v in _email(emu).items() if k not in {"RelatedToId", "ToIds"}}
    # When the product logs as it would with Enhanced Email
    related = sf.create(alice, "EmailMessage", _email(emu))
    parentless = sf.create(alice, "EmailMessage", plain)
    relation = sf.create(
        alice, "EmailMessageRelation", {"EmailMessageId": NO_SUCH_CONTACT, "RelationType": "x"}
    )
    on_case = sf.create(
        alice, "EmailMessage", {**plain, "ParentId": emu.demo.cases["globex_login"]}
    )
    # Then only an email on a Case is accepted
    assert related.status_code == 400 and _errors(related) == [("INVALID_FIELD", None)]
    assert parentless.status_code == 400
    assert _errors(parentless) == [("REQUIRED_FIELD_MISSING", ["ParentId"])]
    assert relation.status_code == 404 and _errors(relation) == [("NOT_FOUND", None)]
    assert on_case.status_code == 201, on_case.text


def test_task_fallback_and_lead_rules(sf: SfClient, emu: Emulator, alice: str) -> None:
    task = {
        "TaskSubtype": "Email",
        "Subject": "Email: Re: Q3 renewal",
        "Description": "Thanks for the call.",
        "Status": "Completed",
        "ActivityDate": "2026-11-29",
        "WhoId": emu.demo.contacts["peter"],
        "WhatId": emu.demo.opportunities["initech_tps"],
    }
    created = sf.create(alice, "Task", task)
    assert created.status_code == 201, created.text
    stored = emu.records["Task"][created.json()["id"]]
    assert stored["IsClosed"] is True and stored["AccountId"] == emu.demo.accounts["initech"]
    lead_only = sf.create(alice, "Task", {**task, "WhoId": emu.demo.leads["tom"], "WhatId": None})
    assert lead_only.status_code == 201, lead_only.text
    refusals = {
        "lead with what": {"WhoId": emu.demo.leads["tom"]},
        "long subject": {"Subject": "x" * 256},
        "long description": {"Description": "x" * 32_001},
        "subtype": {"TaskSubtype": "Fax"},
        "account as who": {"WhoId": emu.demo.accounts["initech"]},
    }
    codes = {
        name: _errors(sf.create(alice, "Task", {**task, **change}))
        for name, change in refusals.items()
    }
    assert codes == {
        "lead with what": [("FIELD_INTEGRITY_EXCEPTION", ["WhoId", "WhatId"])],
        "long subject": [("STRING_TOO_LONG", ["Subject"])],
        "long description": [("STRING_TOO_LONG", ["Description"])],
        "subtype": [("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ["TaskSubtype"])],
        "account as who": [("FIELD_INTEGRITY_EXCEPTION", ["WhoId"])],
    }


def test_chunked_15_mb_upload_arrives_byte_exact(sf: SfClient, emu: Emulator, alice: str) -> None:
    # Given a logged email and a 15 MB attachment
    email_id = _log_email(sf, alice, emu)
    data = os.urandom(15 * 1024 * 1024)
    entity = {
        "Title": "agreement",
        "PathOnClient": "agreement.pdf",
        "FirstPublishLocationId": email_id,
    }
    # When it is streamed with Transfer-Encoding: chunked
    response = sf.upload(alice, entity, data, filename="agreement.pdf", chunked=True)
    # Then the file arrived whole, and the product can ask which files the email has
    assert response.status_code == 201, response.text
    version_id = response.json()["id"]
    stored = emu.uploaded_file(version_id)
    assert stored is not None
    assert (stored.sha256, stored.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert stored.data is None  # large files keep only their digest
    files = sf.query(
        alice,
        "SELECT Id, Title, ContentSize, FileExtension, ContentDocumentId FROM ContentVersion "
        f"WHERE FirstPublishLocationId = '{email_id}'",
    ).json()["records"]
    assert [(f["Id"], f["Title"], f["ContentSize"], f["FileExtension"]) for f in files] == [
        (version_id, "agreement", len(data), "pdf")
    ]
    links = sf.query(
        alice,
        f"SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = '{email_id}'",
    ).json()["records"]
    assert [link["ContentDocumentId"] for link in links] == [files[0]["ContentDocumentId"]]
    assert emu.records["EmailMessage"][email_id]["HasAttachment"] is True
    assert emu.calls(emu.demo.users["alice"], "content_upload") == 1


def test_small_upload_with_content_length_keeps_its_bytes(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    email_id = _log_email(sf, alice, emu)
    entity = {"PathOnClient": "logo.png", "FirstPublishLocationId": email_id}
    response = sf.upload(alice, entity, b"\x89PNG\r\n--not-a-boundary\r\n", filename="logo.png")
    assert response.status_code == 201, response.text
    stored = emu.uploaded_file(response.json()["id"])
    assert stored is not None and stored.data == b"\x89PNG\r\n--not-a-boundary\r\n"
    assert emu.records["ContentVersion"][response.json()["id"]]["Title"] == "logo"


def _raw_upload(sf: SfClient, token: str, body: bytes, content_type: str) -> requests.Response:
    headers = {"Content-Type": content_type}
    return sf.api(token, "POST", f"{API}/sobjects/ContentVersion", headers=headers, data=body)


def test_malformed_uploads_are_refused(sf: SfClient, emu: Emulator, alice: str) -> None:
    email_id = _log_email(sf, alice, emu)
    entity = {"PathOnClient": "a.txt", "FirstPublishLocationId": email_id}
    head, tail = multipart_parts(entity, "a.txt", "b1")
    multipart = 'multipart/form-data; boundary="b1"'
    entity_only = head.split(b'--b1\r\nContent-Disposition: form-data; name="VersionData"')[0]
    cases = {
        "no boundary": _raw_upload(sf, alice, head + b"x" + tail, "multipart/form-data"),
        "wrong part": _raw_upload(
            sf, alice, head.replace(b"entity_content", b"entity_document") + b"x" + tail, multipart
        ),
        "no file part": _raw_upload(sf, alice, entity_only + b"--b1--\r\n", multipart),
        "truncated": _raw_upload(sf, alice, head + b"x", multipart),
        "bad json": _raw_upload(
            sf, alice, head.replace(b'{"PathOnClient"', b'{PathOnClient"') + b"x" + tail, multipart
        ),
        "hidden parent": sf.upload(
            alice,
            {"PathOnClient": "a.txt", "FirstPublishLocationId": emu.demo.accounts["stark"]},
            b"x",
        ),
        "no path": sf.upload(alice, {"FirstPublishLocationId": email_id}, b"x"),
    }
    codes = {name: _errors(response) for name, response in cases.items()}
    assert codes == {
        "no boundary": [("INVALID_MULTIPART_REQUEST", None)],
        "wrong part": [("INVALID_MULTIPART_REQUEST", None)],
        "no file part": [("INVALID_MULTIPART_REQUEST", None)],
        "truncated": [("INVALID_MULTIPART_REQUEST", None)],
        "bad json": [("JSON_PARSER_ERROR", None)],
        "hidden parent": [("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", [])],
        "no path": [("REQUIRED_FIELD_MISSING", ["PathOnClient"])],
    }
    assert emu.records["ContentVersion"] == {} and emu.records["ContentDocument"] == {}


def test_upload_faults_fail_the_next_uploads_only(sf: SfClient, emu: Emulator, alice: str) -> None:
    email_id = _log_email(sf, alice, emu)
    entity = {"PathOnClient": "a.txt", "FirstPublishLocationId": email_id}
    emu.fail_uploads(1, "storage_limit")
    emu.fail_uploads(1, "server_error")
    full = sf.upload(alice, entity, b"x" * 2048, chunked=True)
    broken = sf.upload(alice, entity, b"x")
    fine = sf.upload(alice, entity, b"x")
    assert full.status_code == 400
    assert full.json() == [
        {"message": "storage limit exceeded", "errorCode": "STORAGE_LIMIT_EXCEEDED", "fields": []}
    ]
    assert broken.status_code == 500 and _errors(broken) == [("UNKNOWN_EXCEPTION", None)]
    assert fine.status_code == 201
    assert len(emu.records["ContentVersion"]) == 1
    assert emu.calls(emu.demo.users["alice"], "content_upload") == 3


def test_permission_knobs_answer_as_salesforce_does(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    alice_id = emu.demo.users["alice"]
    email_id = _log_email(sf, alice, emu)
    emu.deny_field_edit(alice_id, "EmailMessage", "HtmlBody")
    no_html = sf.create(alice, "EmailMessage", _email(emu))
    emu.deny_create(alice_id, "EmailMessage")
    emu.deny_create(alice_id, "ContentVersion")
    emu.deny_create(alice_id, "FeedItem")
    no_email = sf.create(alice, "EmailMessage", _email(emu, HtmlBody=None))
    no_file = sf.upload(alice, {"PathOnClient": "a.txt", "FirstPublishLocationId": email_id}, b"x")
    no_post = sf.create(alice, "FeedItem", {"ParentId": email_id, "Body": "x"})
    bob = str(sf.login("bob@acme.demo")["access_token"])
    bobs = sf.create(bob, "EmailMessage", _email(emu, RelatedToId=None, ToIds=[]))
    assert _errors(no_html) == [("INVALID_FIELD_FOR_INSERT_UPDATE", ["HtmlBody"])]
    for refused in (no_email, no_file, no_post):
        assert refused.status_code == 403
        assert _errors(refused) == [("INSUFFICIENT_ACCESS_OR_READONLY", None)]
    assert bobs.status_code == 201  # the knobs are per user
    emu.clear_denials()
    assert sf.create(alice, "EmailMessage", _email(emu)).status_code == 201


def test_seeded_mail_addresses_match_crm_records(emu: Emulator) -> None:
    # The Google and Microsoft emulators' external correspondent is a Contact and a Lead here
    assert googleemu_seed.CUSTOMER[1] == msemu_seed.EXTERNAL_CONTACT == SEEDED_MAIL_CONTACT_EMAIL
    emails = {
        kind: {r["Email"] for r in emu.records[kind].values()} for kind in ("Contact", "Lead")
    }
    assert SEEDED_MAIL_CONTACT_EMAIL in emails["Contact"] & emails["Lead"]
    assert all(emu.records[kind] for kind in ("Account", "Opportunity", "Case"))


def test_control_surface_sets_the_email_knobs(sf: SfClient, emu: Emulator, alice: str) -> None:
    alice_id = emu.demo.users["alice"]
    control = f"{sf.base}/_emulator"
    assert sf.http.post(f"{control}/enhanced-email", json={"enabled": False}).ok
    assert sf.http.post(f"{control}/upload-faults", json={"kind": "storage_limit"}).ok
    denied = {"user_id": alice_id, "type": "Task"}
    stats = sf.http.post(f"{control}/deny-create", json=denied).json()
    assert stats["enhanced_email"] is False
    assert stats["pending_upload_faults"] == ["storage_limit"]
    assert sf.create(alice, "Task", {"Subject": "x"}).status_code == 403
    assert sf.http.post(f"{control}/clear-denials", json={}).ok
    assert sf.create(alice, "Task", {"Subject": "x"}).status_code == 201
    assert sf.http.get(f"{control}/stats").json()["api_calls_by_kind"] == {"sobject_insert": 2}
