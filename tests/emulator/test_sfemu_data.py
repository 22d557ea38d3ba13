"""REST data API over real HTTP: API call counting, Sforce-Limit-Info, Composite, sObject CRUD,
per-user permissions, faults, the control surface and robustness."""

from __future__ import annotations

import socket
import time
from typing import Any
from urllib.parse import quote

import pytest
import requests
from sfemu_client import API, SfClient

from devstack.sfemu import Emulator, EmulatorServer

SIGN_IN_PSA = (
    "SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.Profile.Name, "
    "PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsCustomizeApplication "
    "FROM PermissionSetAssignment WHERE AssigneeId = '{user_id}'"
)
SIGN_IN_USER = (
    "SELECT Id, Name, Email, TimeZoneSidKey, LanguageLocaleKey, LocaleSidKey, Profile.Name "
    "FROM User WHERE Id = '{user_id}'"
)


@pytest.fixture
def alice(sf: SfClient) -> str:
    return str(sf.login("alice@acme.demo")["access_token"])


def _errors(response: requests.Response) -> list[str]:
    return [e["errorCode"] for e in response.json()]


def test_api_calls_and_limit_header(sf: SfClient, emu: Emulator, users: dict[str, str]) -> None:
    alice = sf.login("alice@acme.demo")["access_token"]
    bob = sf.login("bob@acme.demo")["access_token"]
    assert emu.api_calls == 0
    first = sf.query(alice, "SELECT Id FROM Account")
    assert first.headers["Sforce-Limit-Info"] == "api-usage=1/15000"
    sf.query(bob, "SELECT Id FROM Account")
    third = sf.api(alice, "GET", f"{API}/limits")
    assert third.headers["Sforce-Limit-Info"] == "api-usage=3/15000"
    assert third.json()["DailyApiRequests"] == {"Max": 15000, "Remaining": 14997}
    # an error answered to an authenticated request still counts
    assert sf.query(alice, "SELECT FROM").status_code == 400
    assert emu.api_calls == 4
    assert emu.api_calls_by_user == {users["alice"]: 3, users["bob"]: 1}
    logged = [entry for entry in emu.request_log if entry[1].startswith("/services/data")]
    assert logged[0] == ("GET", f"{API}/query", users["alice"], 200)
    emu.set_api_usage(14000, 15000)
    assert sf.query(alice, "SELECT Id FROM Account").headers["Sforce-Limit-Info"] == (
        "api-usage=14001/15000"
    )
    emu.reset_counters()
    assert emu.api_calls == 0 and emu.api_calls_by_user == {} and emu.request_log == []


def test_limit_exceeded(sf: SfClient, emu: Emulator, alice: str) -> None:
    emu.set_api_usage(100, 100)
    response = sf.query(alice, "SELECT Id FROM Account")
    assert response.status_code == 403
    assert response.json() == [
        {"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}
    ]
    assert response.headers["Sforce-Limit-Info"] == "api-usage=100/100"
    assert emu.api_calls == 0


def test_sign_in_queries(sf: SfClient, emu: Emulator, users: dict[str, str]) -> None:
    maria = sf.login("maria@acme.demo")["access_token"]
    response = sf.query(maria, SIGN_IN_PSA.format(user_id=users["maria"]))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["done"] is True and body["totalSize"] == 2
    sets = {r["PermissionSet"]["Name"]: r["PermissionSet"] for r in body["records"]}
    owned = next(ps for ps in sets.values() if ps["IsOwnedByProfile"])
    assert owned["Profile"]["Name"] == "Standard User"
    assert owned["Profile"]["attributes"]["type"] == "Profile"
    assert sets["Sales_Ops"]["Profile"] is None
    assert not any(ps["PermissionsModifyAllData"] for ps in sets.values())
    # 15-character ids are accepted in filters
    short = sf.query(maria, SIGN_IN_USER.format(user_id=users["maria"][:15]))
    (user,) = short.json()["records"]
    assert user["Id"] == users["maria"]
    assert user["Profile"]["Name"] == "Standard User"
    assert user["TimeZoneSidKey"] == "Europe/Madrid" and user["LocaleSidKey"] == "es_ES"
    admin = sf.login("admin@acme.demo")["access_token"]
    admin_sets = sf.query(admin, SIGN_IN_PSA.format(user_id=users["admin"])).json()["records"]
    assert admin_sets[0]["PermissionSet"]["PermissionsModifyAllData"] is True
    assert admin_sets[0]["PermissionSet"]["Profile"]["Name"] == "System Administrator"
    # users can read their own assignments only (View All Data / admins: everyone's)
    bob = sf.login("bob@acme.demo")["access_token"]
    assert sf.query(bob, SIGN_IN_PSA.format(user_id=users["alice"])).json()["totalSize"] == 0
    assert sf.query(maria, SIGN_IN_PSA.format(user_id=users["alice"])).json()["totalSize"] == 1
    assert sf.query(admin, SIGN_IN_PSA.format(user_id=users["alice"])).json()["totalSize"] == 1


def test_per_user_visibility_over_http(sf: SfClient, emu: Emulator) -> None:
    tokens = {alias: sf.login(f"{alias}@acme.demo")["access_token"] for alias in emu.demo.users}
    soql = "SELECT Id, Name FROM Account ORDER BY Name"
    names = {
        alias: [r["Name"] for r in sf.query(token, soql).json()["records"]]
        for alias, token in tokens.items()
    }
    assert names["alice"] == ["Globex Corporation", "Initech"]
    assert names["bob"] == ["Stark Industries", "Umbrella Health"]
    assert names["casey"] == ["Pied Piper"]
    assert len(names["maria"]) == len(names["admin"]) == len(emu.records["Account"])
    # the duplicate email: each rep sees only their own copy
    email = emu.demo.duplicate_contact_email
    dup = f"SELECT Id, Account.Name FROM Contact WHERE Email = '{email.upper()}'"
    assert [r["Account"]["Name"] for r in sf.query(tokens["alice"], dup).json()["records"]] == [
        "Globex Corporation"
    ]
    assert [r["Account"]["Name"] for r in sf.query(tokens["bob"], dup).json()["records"]] == [
        "Stark Industries"
    ]
    assert sf.query(tokens["maria"], dup).json()["totalSize"] == 2
    # casey's profile cannot read opportunities or cases at all
    denied = sf.query(tokens["casey"], "SELECT Id FROM Opportunity")
    assert denied.status_code == 400 and _errors(denied) == ["INVALID_TYPE"]
    assert "sObject type 'Opportunity' is not supported" in denied.json()[0]["message"]
    sub = sf.query(tokens["casey"], "SELECT Id, (SELECT Id FROM Cases) FROM Account")
    assert sub.status_code == 400 and _errors(sub) == ["INVALID_TYPE"]


def test_composite_is_one_api_call(sf: SfClient, emu: Emulator, alice: str) -> None:
    queries = [
        "SELECT Id, Name FROM Contact WHERE Email = 'hank.scorpio@globex.com'",
        "SELECT Id FROM Lead WHERE Email = 'tom@jumptoconclusions.com'",
        "SELECT Id, Name FROM Account ORDER BY Name LIMIT 1",
        "SELECT Id FROM Opportunity WHERE IsClosed = false",
        "SELECT COUNT() FROM Task",
    ]
    body = {
        "allOrNone": False,
        "compositeRequest": [
            {"method": "GET", "url": f"{API}/query?q={quote(q)}", "referenceId": f"q{i}"}
            for i, q in enumerate(queries)
        ],
    }
    response = sf.api(alice, "POST", f"{API}/composite", json=body)
    assert response.status_code == 200, response.text
    results = response.json()["compositeResponse"]
    assert [r["referenceId"] for r in results] == ["q0", "q1", "q2", "q3", "q4"]
    assert all(r["httpStatusCode"] == 200 for r in results)
    assert set(results[0]) == {"body", "httpHeaders", "httpStatusCode", "referenceId"}
    assert results[0]["body"]["records"][0]["Name"] == "Hank Scorpio"
    assert results[4]["body"]["records"] == []
    assert emu.api_calls == 1
    assert response.headers["Sforce-Limit-Info"] == "api-usage=1/15000"


def test_composite_references_and_create(sf: SfClient, emu: Emulator, alice: str) -> None:
    body = {
        "allOrNone": True,
        "compositeRequest": [
            {
                "method": "GET",
                "url": f"{API}/query?q="
                + quote(
                    "SELECT Id, AccountId FROM Contact WHERE Email = 'hank.scorpio@globex.com'"
                ),
                "referenceId": "who",
            },
            {
                "method": "POST",
                "url": f"{API}/sobjects/Task",
                "referenceId": "task",
                "body": {
                    "Subject": "Email: Hello",
                    "WhoId": "@{who.records[0].Id}",
                    "WhatId": "@{who.records[0].AccountId}",
                    "Status": "Completed",
                    "TaskSubtype": "Email",
                },
            },
            {"method": "GET", "url": f"{API}/sobjects/Task/@{{task.id}}", "referenceId": "read"},
        ],
    }
    response = sf.api(alice, "POST", f"{API}/composite", json=body)
    results = response.json()["compositeResponse"]
    assert [r["httpStatusCode"] for r in results] == [200, 201, 200], results
    created = results[1]
    assert created["body"]["success"] is True and created["body"]["errors"] == []
    assert created["httpHeaders"]["Location"] == f"{API}/sobjects/Task/{created['body']['id']}"
    task = results[2]["body"]
    assert task["WhoId"] == emu.demo.contacts["hank"]
    assert task["AccountId"] == emu.demo.accounts["globex"]
    assert task["OwnerId"] == emu.demo.users["alice"]
    assert emu.api_calls == 1


def test_composite_all_or_none_rolls_back(sf: SfClient, emu: Emulator, alice: str) -> None:
    before = len(emu.records["Task"])
    body = {
        "allOrNone": True,
        "compositeRequest": [
            {"method": "POST", "url": f"{API}/sobjects/Task", "referenceId": "ok", "body": {}},
            {
                "method": "POST",
                "url": f"{API}/sobjects/Contact",
                "referenceId": "bad",
                "body": {"FirstName": "No", "Email": "not-an-email"},
            },
            {"method": "GET", "url": f"{API}/limits", "referenceId": "after"},
        ],
    }
    results = sf.api(alice, "POST", f"{API}/composite", json=body).json()["compositeResponse"]
    assert [r["httpStatusCode"] for r in results] == [400, 400, 400]
    assert results[0]["body"][0]["errorCode"] == "PROCESSING_HALTED"
    assert results[1]["body"][0]["errorCode"] == "INVALID_EMAIL_ADDRESS"
    assert results[2]["body"][0]["errorCode"] == "PROCESSING_HALTED"
    assert len(emu.records["Task"]) == before
    # without allOrNone the good one stays and a dependent subrequest is halted
    body["allOrNone"] = False
    body["compositeRequest"][2] = {
        "method": "GET",
        "url": f"{API}/sobjects/Contact/@{{bad.id}}",
        "referenceId": "after",
    }
    results = sf.api(alice, "POST", f"{API}/composite", json=body).json()["compositeResponse"]
    assert [r["httpStatusCode"] for r in results] == [201, 400, 400]
    assert results[2]["body"][0]["errorCode"] == "PROCESSING_HALTED"
    assert len(emu.records["Task"]) == before + 1


def test_composite_limits_and_validation(sf: SfClient, emu: Emulator, alice: str) -> None:
    sub = {"method": "GET", "url": f"{API}/limits"}
    too_many = {"compositeRequest": [{**sub, "referenceId": f"r{i}"} for i in range(26)]}
    response = sf.api(alice, "POST", f"{API}/composite", json=too_many)
    assert response.status_code == 400
    assert response.json()[0]["errorCode"] == "INVALID_API_INPUT"
    exactly = {"compositeRequest": [{**sub, "referenceId": f"r{i}"} for i in range(25)]}
    assert sf.api(alice, "POST", f"{API}/composite", json=exactly).status_code == 200
    missing_ref = {"compositeRequest": [sub]}
    assert sf.api(alice, "POST", f"{API}/composite", json=missing_ref).status_code == 400
    not_json = sf.api(alice, "POST", f"{API}/composite", data=b"{nope")
    assert not_json.status_code == 400 and _errors(not_json) == ["JSON_PARSER_ERROR"]


def test_sobject_crud(sf: SfClient, emu: Emulator, alice: str) -> None:
    created = sf.api(
        alice,
        "POST",
        f"{API}/sobjects/Contact",
        json={
            "FirstName": "Nina",
            "LastName": "New",
            "Email": "nina@globex.com",
            "AccountId": emu.demo.accounts["globex"],
        },
    )
    assert created.status_code == 201, created.text
    record_id = created.json()["id"]
    assert created.json() == {"id": record_id, "success": True, "errors": []}
    assert record_id.startswith("003") and len(record_id) == 18
    got = sf.api(
        alice, "GET", f"{API}/sobjects/Contact/{record_id}", params={"fields": "Name,Email"}
    )
    assert got.json() == {
        "attributes": {"type": "Contact", "url": f"{API}/sobjects/Contact/{record_id}"},
        "Name": "Nina New",
        "Email": "nina@globex.com",
    }
    patched = sf.api(alice, "PATCH", f"{API}/sobjects/Contact/{record_id}", json={"Title": "VP"})
    assert patched.status_code == 204 and patched.content == b""
    assert emu.records["Contact"][record_id]["Title"] == "VP"
    found = sf.query(alice, "SELECT Id FROM Contact WHERE Title = 'vp'").json()
    assert [r["Id"] for r in found["records"]] == [record_id]
    assert sf.api(alice, "DELETE", f"{API}/sobjects/Contact/{record_id}").status_code == 204
    assert sf.api(alice, "GET", f"{API}/sobjects/Contact/{record_id}").status_code == 404


def test_sobject_errors(sf: SfClient, emu: Emulator, alice: str) -> None:
    missing = sf.api(alice, "POST", f"{API}/sobjects/Contact", json={"FirstName": "X"})
    assert missing.status_code == 400
    assert missing.json() == [
        {
            "message": "Required fields are missing: [LastName]",
            "errorCode": "REQUIRED_FIELD_MISSING",
            "fields": ["LastName"],
        }
    ]
    bad_email = sf.api(
        alice, "POST", f"{API}/sobjects/Lead", json={"LastName": "X", "Company": "Y", "Email": "no"}
    )
    assert bad_email.status_code == 400 and _errors(bad_email) == ["INVALID_EMAIL_ADDRESS"]
    unknown = sf.api(alice, "POST", f"{API}/sobjects/Lead", json={"Nope__c": 1})
    assert unknown.status_code == 400 and _errors(unknown) == ["INVALID_FIELD"]
    read_only = sf.api(
        alice, "POST", f"{API}/sobjects/Contact", json={"LastName": "X", "Name": "Y"}
    )
    assert _errors(read_only) == ["INVALID_FIELD_FOR_INSERT_UPDATE"]
    # a record alice cannot see, as a cross-reference
    cross = sf.api(
        alice,
        "POST",
        f"{API}/sobjects/Task",
        json={"Subject": "x", "WhatId": emu.demo.accounts["stark"]},
    )
    assert cross.status_code == 400
    assert _errors(cross) == ["INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY"]
    malformed = sf.api(alice, "POST", f"{API}/sobjects/Task", json={"WhoId": "123"})
    assert _errors(malformed) == ["MALFORMED_ID"]
    invisible = sf.api(alice, "GET", f"{API}/sobjects/Account/{emu.demo.accounts['stark']}")
    assert invisible.status_code == 404 and _errors(invisible) == ["NOT_FOUND"]
    not_an_id = sf.api(alice, "GET", f"{API}/sobjects/Account/banana")
    assert not_an_id.status_code == 404
    casey = sf.login("casey@acme.demo")["access_token"]
    denied = sf.api(
        casey,
        "POST",
        f"{API}/sobjects/Opportunity",
        json={"Name": "x", "StageName": "Prospecting", "CloseDate": "2030-01-01"},
    )
    assert denied.status_code == 403 and _errors(denied) == ["INSUFFICIENT_ACCESS_OR_READONLY"]
    read_only_account = sf.api(
        casey,
        "PATCH",
        f"{API}/sobjects/Account/{emu.demo.accounts['piedpiper']}",
        json={"Name": "Renamed"},
    )
    assert read_only_account.status_code == 403
    maria = sf.login("maria@acme.demo")["access_token"]
    # maria can see alice's account (View All Data) but not edit it
    assert sf.api(maria, "GET", f"{API}/sobjects/Account/{emu.demo.accounts['globex']}").ok
    edit = sf.api(
        maria, "PATCH", f"{API}/sobjects/Account/{emu.demo.accounts['globex']}", json={"Phone": "1"}
    )
    assert edit.status_code == 403 and _errors(edit) == ["INSUFFICIENT_ACCESS_OR_READONLY"]


def test_versions_and_unknown_paths(sf: SfClient, alice: str) -> None:
    old = sf.query(alice, "SELECT Id FROM Account")
    assert old.status_code == 200
    too_old = sf.api(
        alice, "GET", "/services/data/v49.0/query", params={"q": "SELECT Id FROM User"}
    )
    assert too_old.status_code == 404 and _errors(too_old) == ["NOT_FOUND"]
    for path in ("/nope", "/services/apexrest/x", f"{API}/nope", "/services/oauth2/nope"):
        response = sf.api(alice, "GET", path)
        assert response.status_code == 404
        assert response.json() == [
            {"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}
        ]
    versions = sf.http.get(f"{sf.base}/services/data/", timeout=10)
    assert versions.status_code == 200 and any(v["version"] == "60.0" for v in versions.json())
    assert sf.api(alice, "PUT", f"{API}/query").status_code == 405
    assert sf.api(alice, "GET", f"{API}/sobjects/Account/describe").json()["keyPrefix"] == "001"


@pytest.mark.parametrize(
    ("kind", "status", "code"),
    [
        ("unavailable", 503, None),
        ("server_error", 500, "UNKNOWN_EXCEPTION"),
        ("limit_exceeded", 403, "REQUEST_LIMIT_EXCEEDED"),
    ],
)
def test_faults(
    sf: SfClient, emu: Emulator, alice: str, kind: str, status: int, code: str | None
) -> None:
    emu.inject_fault(kind, count=2)
    for _ in range(2):
        response = sf.query(alice, "SELECT Id FROM Account")
        assert response.status_code == status
        if code is None:
            assert response.headers["Content-Type"].startswith("text/html")
        else:
            assert _errors(response) == [code]
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 200
    assert emu.api_calls == 1  # failed requests are not counted
    # OAuth endpoints are not affected by data faults
    emu.inject_fault(kind)
    assert sf.api(alice, "GET", "/services/oauth2/userinfo").status_code == 200


def test_subrequest_error_fault_fails_the_first_subrequest_of_the_next_composite(
    sf: SfClient, emu: Emulator, alice: str
) -> None:
    queries = ["SELECT Id FROM Account", "SELECT Id FROM Contact"]
    body = {
        "compositeRequest": [
            {"method": "GET", "url": f"{API}/query?q={quote(q)}", "referenceId": f"q{i}"}
            for i, q in enumerate(queries)
        ]
    }
    emu.inject_fault("subrequest_error")
    # the Composite itself succeeds (one API call); its first subrequest is a 500
    response = sf.api(alice, "POST", f"{API}/composite", json=body)
    assert response.status_code == 200
    first, second = response.json()["compositeResponse"]
    assert first["httpStatusCode"] == 500
    assert [e["errorCode"] for e in first["body"]] == ["UNKNOWN_EXCEPTION"]
    assert second["httpStatusCode"] == 200
    assert emu.api_calls == 1
    # ... once: the next Composite is whole again
    again = sf.api(alice, "POST", f"{API}/composite", json=body).json()["compositeResponse"]
    assert [r["httpStatusCode"] for r in again] == [200, 200]
    # a request that is not a Composite meets it as a plain 500
    emu.inject_fault("subrequest_error")
    plain = sf.query(alice, "SELECT Id FROM Account")
    assert plain.status_code == 500 and _errors(plain) == ["UNKNOWN_EXCEPTION"]


def test_timeout_fault(sf: SfClient, emu: Emulator, alice: str) -> None:
    emu.fault_delay = 1.0
    emu.inject_fault("timeout")
    with pytest.raises(requests.exceptions.ReadTimeout):
        sf.api(alice, "GET", f"{API}/limits", timeout=0.3)
    started = time.monotonic()
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 200
    assert time.monotonic() - started < 0.9
    with pytest.raises(ValueError, match="unknown fault"):
        emu.inject_fault("gremlins")


def test_control_surface(sf: SfClient, emu: Emulator, alice: str) -> None:
    control = f"{sf.base}/_emulator"
    sf.query(alice, "SELECT Id FROM Account")
    stats = sf.http.get(f"{control}/stats", timeout=10).json()
    assert stats["api_calls"] == 1 and stats["api_calls_by_user"] == {emu.demo.users["alice"]: 1}
    assert stats["token_refreshes"] == 0
    assert sf.http.post(f"{control}/faults", json={"kind": "server_error", "count": 1}).ok
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 500
    assert sf.http.post(f"{control}/faults", json={"kind": "bogus"}).status_code == 400
    assert sf.http.post(f"{control}/usage", json={"used": 5, "limit": 5}).ok
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 403
    assert sf.http.post(f"{control}/reset", json={}).ok
    assert emu.api_calls == 0 and emu.api_usage == (0, 15000)
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 200
    assert sf.http.post(f"{control}/expire-tokens").ok
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 401
    assert sf.http.post(f"{control}/rotation", json={"enabled": False}).ok
    assert emu.rotate_refresh_tokens is False
    seed = sf.http.get(f"{control}/seed", timeout=10).json()
    assert seed["users"]["alice"] == {"id": emu.demo.users["alice"], "username": "alice@acme.demo"}
    assert sf.http.post(f"{control}/nope").status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("GET", f"{API}/query", {"params": {"q": "SELECT (((((("}}),
        ("GET", f"{API}/query", {"params": {"q": "SELECT Id FROM Account WHERE " + "(" * 500}}),
        ("GET", f"{API}/query", {"params": {"q": "\x00\xff'"}}),
        ("GET", f"{API}/query", {}),
        ("POST", f"{API}/sobjects/Account", {"data": b"\xff\xfe"}),
        ("POST", f"{API}/sobjects/Account", {"json": [1, 2, 3]}),
        ("POST", f"{API}/sobjects/Account", {"json": {"Name": {"nested": True}}}),
        ("PATCH", f"{API}/sobjects/Account/001", {"json": {}}),
        ("POST", f"{API}/composite", {"json": {"compositeRequest": [{"method": 1}]}}),
        ("POST", f"{API}/composite", {"json": {"compositeRequest": "x"}}),
        ("POST", "/services/oauth2/token", {"data": b"\xff=\xfe&&&="}),
        ("GET", "/services/oauth2/authorize", {"params": {"client_id": "\x00"}}),
        ("GET", "/id/x", {}),
        ("POST", "/_emulator/usage", {"data": b"not json"}),
    ],
)
def test_malformed_requests_never_crash(
    sf: SfClient, alice: str, method: str, path: str, kwargs: dict[str, Any]
) -> None:
    response = sf.api(alice, method, path, **kwargs)
    assert 400 <= response.status_code < 500, response.text
    assert sf.query(alice, "SELECT Id FROM Account").status_code == 200


def test_bad_authorization_headers(sf: SfClient) -> None:
    for header in ("", "Bearer", "Bearer ", "Basic abc", "Bearer " + "x" * 5000):
        response = sf.http.get(
            f"{sf.base}{API}/limits", headers={"Authorization": header}, timeout=10
        )
        assert response.status_code == 401
        assert _errors(response) == ["INVALID_SESSION_ID"]


def test_server_stop_frees_port() -> None:
    emu = Emulator(seed=False)
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    port = server.port
    assert requests.get(f"{server.url}/_emulator/stats", timeout=5).status_code == 200
    server.stop()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", port))  # the port is free again
    with EmulatorServer(emu, host="127.0.0.1", port=port) as again:
        url = again.url
        assert requests.get(f"{url}/_emulator/stats", timeout=5).ok
    assert not again.running
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{url}/_emulator/stats", timeout=2)
