"""Graph v1.0 against the Microsoft emulator over real HTTP: /me, messages, attachments and
$value bytes, calendarView delta (paging, @removed, 410), events and meeting notices, error
shapes, scopes, faults and counters."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest
import requests
from msemu_client import MsClient

from devstack.msemu import MicrosoftEmulator

WINDOW = {"startDateTime": "2026-10-01T00:00:00Z", "endDateTime": "2027-01-31T00:00:00Z"}


@pytest.fixture
def token(ms: MsClient) -> str:
    access: str = ms.login("alice@acme.demo")["access_token"]
    return access


def _assert_graph_error(response: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == code and isinstance(error["message"], str)
    assert {"date", "request-id", "client-request-id"} <= set(error["innerError"])
    return error


def _drain(ms: MsClient, token: str, first: str, **kwargs: Any) -> tuple[list[Any], str, int]:
    """Follow nextLinks from ``first``: (items, deltaLink, pages)."""
    items: list[Any] = []
    url, pages = first, 0
    while True:
        body = ms.graph("GET", url, token, **kwargs).json()
        items.extend(body["value"])
        pages += 1
        kwargs.pop("params", None)
        if "@odata.deltaLink" in body:
            return items, body["@odata.deltaLink"], pages
        url = body["@odata.nextLink"]


def test_me(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    me = ms.graph("GET", "/me", token).json()
    assert me["mail"] == me["userPrincipalName"] == "alice@acme.demo"
    assert me["id"] == ms_emu.demo.users["alice"]


def test_message_fields(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    mid = ms_emu.demo.messages["alice"]["intro"]
    message = ms.graph("GET", f"/me/messages/{mid}", token).json()
    assert message["id"] == mid
    assert message["internetMessageId"].startswith("<") and message["internetMessageId"].endswith(
        "@acme.demo>"
    )
    assert message["from"]["emailAddress"]["address"] == "peter.gibbons@initech.com"
    assert message["toRecipients"][0]["emailAddress"]["address"] == "alice@acme.demo"
    assert message["ccRecipients"][0]["emailAddress"]["address"] == "bob@acme.demo"
    assert message["body"]["contentType"] == "text" and message["hasAttachments"] is False


def test_seed_is_deterministic(ms_emu: MicrosoftEmulator) -> None:
    other = MicrosoftEmulator(clock=ms_emu.clock)
    assert other.demo == ms_emu.demo
    assert set(ms_emu.demo.users) == {"admin", "alice", "bob", "maria", "casey"}


def test_large_attachment_only_via_value(
    ms: MsClient, ms_emu: MicrosoftEmulator, token: str
) -> None:
    mid = ms_emu.demo.messages["alice"]["proposal"]
    aid = ms_emu.demo.attachments["alice"]["proposal_pdf"]
    listing = ms.graph("GET", f"/me/messages/{mid}/attachments", token).json()["value"]
    assert [a["id"] for a in listing] == [aid]
    meta = listing[0]
    assert meta["@odata.type"] == "#microsoft.graph.fileAttachment"
    assert meta["size"] > 15 * 1024 * 1024 and "contentBytes" not in meta
    with ms.graph("GET", f"/me/messages/{mid}/attachments/{aid}/$value", token, stream=True) as r:
        assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf"
        assert int(r.headers["Content-Length"]) == meta["size"]
        digest, size = hashlib.sha256(), 0
        for chunk in r.iter_content(1 << 16):
            digest.update(chunk)
            size += len(chunk)
    assert size == meta["size"]
    user = ms_emu.data[ms_emu.demo.users["alice"]]
    expected = hashlib.sha256(user.attachments[mid][0].content()).hexdigest()
    assert digest.hexdigest() == expected


def test_inline_image(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    mid = ms_emu.demo.messages["alice"]["photos"]
    message = ms.graph("GET", f"/me/messages/{mid}", token).json()
    assert 'src="cid:logo@acme.demo"' in message["body"]["content"]
    (attachment,) = ms.graph("GET", f"/me/messages/{mid}/attachments", token).json()["value"]
    assert attachment["isInline"] is True and attachment["contentId"] == "logo@acme.demo"
    raw = base64.b64decode(attachment["contentBytes"])
    assert raw.startswith(b"\x89PNG")
    one = ms.graph("GET", f"/me/messages/{mid}/attachments/{attachment['id']}", token).json()
    assert one["contentBytes"] == attachment["contentBytes"]
    value = ms.graph("GET", f"/me/messages/{mid}/attachments/{attachment['id']}/$value", token)
    assert value.content == raw and value.headers["Content-Type"] == "image/png"


def test_drive_link_message(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    mid = ms_emu.demo.messages["alice"]["drive_link"]
    body = ms.graph("GET", f"/me/messages/{mid}", token).json()["body"]["content"]
    assert "sharepoint.com/:w:/" in body


def test_missing_message_and_other_users_message(
    ms: MsClient, ms_emu: MicrosoftEmulator, token: str
) -> None:
    _assert_graph_error(ms.graph("GET", "/me/messages/AAMkAGnope", token), 404, "ErrorItemNotFound")
    bobs = ms_emu.demo.messages["bob"]["intro"]
    _assert_graph_error(ms.graph("GET", f"/me/messages/{bobs}", token), 404, "ErrorItemNotFound")


def test_bad_tokens_are_401(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    response = ms.http.get(f"{ms.base}/v1.0/me", timeout=10)
    _assert_graph_error(response, 401, "InvalidAuthenticationToken")
    assert "WWW-Authenticate" in response.headers
    _assert_graph_error(ms.graph("GET", "/me", "nonsense"), 401, "InvalidAuthenticationToken")
    ms_emu.expire_access_tokens()
    error = _assert_graph_error(ms.graph("GET", "/me", token), 401, "InvalidAuthenticationToken")
    assert "expired" in error["message"]


def test_missing_scope_is_403(ms: MsClient, ms_emu: MicrosoftEmulator) -> None:
    token = ms.login("bob@acme.demo", scope="openid email User.Read")["access_token"]
    mid = ms_emu.demo.messages["bob"]["intro"]
    _assert_graph_error(ms.graph("GET", f"/me/messages/{mid}", token), 403, "ErrorAccessDenied")
    response = ms.graph("GET", "/me/calendarView/delta", token, params=WINDOW)
    _assert_graph_error(response, 403, "ErrorAccessDenied")
    read_only = ms.login("bob@acme.demo", scope="openid User.Read Calendars.Read")["access_token"]
    assert ms.graph("GET", "/me/events", read_only).status_code == 200
    response = ms.graph("POST", "/me/events", read_only, json={"subject": "x"})
    _assert_graph_error(response, 403, "ErrorAccessDenied")


def test_delta_requires_window_first(ms: MsClient, token: str) -> None:
    response = ms.graph("GET", "/me/calendarView/delta", token)
    _assert_graph_error(response, 400, "ErrorInvalidParameter")


def test_delta_full_then_incremental(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    prefer = {"Prefer": "odata.maxpagesize=4"}
    items, delta_link, pages = _drain(
        ms, token, "/me/calendarView/delta", params=WINDOW, headers=prefer
    )
    occurrences = [e for e in items if e["type"] == "occurrence"]
    weekly = ms_emu.demo.events["alice"]["weekly"]
    assert len(occurrences) == 12 and {e["seriesMasterId"] for e in occurrences} == {weekly}
    assert not [e for e in items if e["type"] == "seriesMaster"]
    assert len(items) == 15 and pages == 4
    assert len({e["id"] for e in items}) == 15
    # no changes: empty round, new deltaLink
    body = ms.graph("GET", delta_link, token).json()
    assert body["value"] == [] and "@odata.deltaLink" in body
    # a change, a creation and a deletion
    lunch = ms_emu.demo.events["alice"]["lunch"]
    call = ms_emu.demo.events["alice"]["initech_call"]
    assert ms.graph("PATCH", f"/me/events/{lunch}", token, json={"subject": "Team lunch"}).ok
    assert ms.graph("DELETE", f"/me/events/{call}", token).status_code == 204
    created = ms.graph(
        "POST",
        "/me/events",
        token,
        json={
            "subject": "New",
            "start": {"dateTime": "2026-12-01T10:00:00", "timeZone": "UTC"},
            "end": {"dateTime": "2026-12-01T11:00:00", "timeZone": "UTC"},
        },
    )
    assert created.status_code == 201
    items, _, _ = _drain(ms, token, body["@odata.deltaLink"])
    by_id = {e["id"]: e for e in items}
    assert by_id[lunch]["subject"] == "Team lunch"
    assert by_id[call]["@removed"] == {"reason": "deleted"}
    assert created.json()["id"] in by_id and len(items) == 3


def test_deleting_a_series_removes_its_occurrences(
    ms: MsClient, ms_emu: MicrosoftEmulator, token: str
) -> None:
    _, delta_link, _ = _drain(ms, token, "/me/calendarView/delta", params=WINDOW)
    weekly = ms_emu.demo.events["alice"]["weekly"]
    master = ms.graph("GET", f"/me/events/{weekly}", token).json()
    assert master["type"] == "seriesMaster" and master["recurrence"]["pattern"]["type"] == "weekly"
    assert ms.graph("DELETE", f"/me/events/{weekly}", token).status_code == 204
    items, _, _ = _drain(ms, token, delta_link)
    assert len(items) == 12 and all("@removed" in e for e in items)


def test_expired_delta_token_is_410(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    _, delta_link, _ = _drain(ms, token, "/me/calendarView/delta", params=WINDOW)
    ms_emu.expire_delta_tokens("alice@acme.demo")
    _assert_graph_error(ms.graph("GET", delta_link, token), 410, "syncStateNotFound")
    bogus = f"{ms.base}/v1.0/me/calendarView/delta?$deltatoken=bogus"
    _assert_graph_error(ms.graph("GET", bogus, token), 410, "syncStateNotFound")


def test_event_writes_record_meeting_notices(
    ms: MsClient, ms_emu: MicrosoftEmulator, token: str
) -> None:
    attendee = {"emailAddress": {"address": "peter.gibbons@initech.com", "name": "Peter"}}
    body = {
        "subject": "Demo",
        "start": {"dateTime": "2026-12-02T10:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-12-02T11:00:00", "timeZone": "UTC"},
        "attendees": [attendee],
    }
    event = ms.graph("POST", "/me/events", token, json=body).json()
    assert event["attendees"][0]["status"]["response"] == "none"
    assert ms.graph("PATCH", f"/me/events/{event['id']}", token, json={"subject": "D2"}).ok
    assert ms.graph("DELETE", f"/me/events/{event['id']}", token).status_code == 204
    kinds = [(n.kind, n.recipients) for n in ms_emu.meeting_notices]
    assert kinds == [
        ("request", ["peter.gibbons@initech.com"]),
        ("update", ["peter.gibbons@initech.com"]),
        ("cancellation", ["peter.gibbons@initech.com"]),
    ]
    lunch = ms_emu.demo.events["alice"]["lunch"]  # no attendees: nobody is notified
    assert ms.graph("PATCH", f"/me/events/{lunch}", token, json={"subject": "L"}).ok
    assert len(ms_emu.meeting_notices) == 3


def test_event_validation(ms: MsClient, token: str) -> None:
    response = ms.graph("POST", "/me/events", token, json={"subject": "no times"})
    _assert_graph_error(response, 400, "ErrorInvalidRequest")
    response = ms.graph("POST", "/me/events", token, json={"bogus": 1})
    _assert_graph_error(response, 400, "RequestBodyRead")


def test_graph_faults(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    ms_emu.inject_fault("throttled")
    ms_emu.inject_fault("unavailable")
    ms_emu.inject_fault("server_error")
    throttled = ms.graph("GET", "/me", token)
    _assert_graph_error(throttled, 429, "TooManyRequests")
    assert throttled.headers["Retry-After"] == "3"
    _assert_graph_error(ms.graph("GET", "/me", token), 503, "serviceNotAvailable")
    _assert_graph_error(ms.graph("GET", "/me", token), 500, "generalException")
    assert ms.graph("GET", "/me", token).status_code == 200
    ms_emu.fault_delay = 0.3
    ms_emu.inject_fault("stall")
    response = ms.graph("GET", "/me", token)
    assert response.status_code == 200 and response.elapsed.total_seconds() >= 0.3


def test_counters(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    ms_emu.reset_counters()
    mid = ms_emu.demo.messages["alice"]["photos"]
    ms.graph("GET", "/me", token)
    ms.graph("GET", "/me", token)
    ms.graph("GET", f"/me/messages/{mid}/attachments", token)
    ms.graph("GET", "/me/calendarView/delta", token, params=WINDOW)
    calls = ms_emu.stats()["calls"]
    assert calls == {"GET me": 2, "GET attachments": 1, "GET calendar_delta": 1}
    assert ms.http.get(f"{ms.base}/_emulator/stats", timeout=5).json()["calls"]["GET me"] == 2


def test_event_moved_out_of_window_is_removed(
    ms: MsClient, ms_emu: MicrosoftEmulator, token: str
) -> None:
    _, delta_link, _ = _drain(ms, token, "/me/calendarView/delta", params=WINDOW)
    lunch = ms_emu.demo.events["alice"]["lunch"]
    moved = {
        "start": {"dateTime": "2027-06-01T12:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2027-06-01T13:00:00", "timeZone": "UTC"},
    }
    assert ms.graph("PATCH", f"/me/events/{lunch}", token, json=moved).ok
    items, _, _ = _drain(ms, token, delta_link)
    assert items == [
        {"@odata.type": "#microsoft.graph.event", "id": lunch, "@removed": {"reason": "deleted"}}
    ]


def test_a_retried_page_answers_again(ms: MsClient, token: str) -> None:
    prefer = {"Prefer": "odata.maxpagesize=5"}
    first = ms.graph("GET", "/me/calendarView/delta", token, params=WINDOW, headers=prefer)
    assert first.headers["Preference-Applied"] == "odata.maxpagesize=5"
    next_link = first.json()["@odata.nextLink"]
    once = ms.graph("GET", next_link, token, headers=prefer).json()
    again = ms.graph("GET", next_link, token, headers=prefer).json()
    assert once["value"] == again["value"] and len(once["value"]) == 5


def test_control_surface(ms: MsClient, ms_emu: MicrosoftEmulator, token: str) -> None:
    control = f"{ms.base}/_emulator"
    seed = ms.http.get(f"{control}/seed", timeout=5).json()
    assert seed["users"]["alice"]["email"] == "alice@acme.demo"
    assert seed["messages"]["alice"]["proposal"] == ms_emu.demo.messages["alice"]["proposal"]
    response = ms.http.post(f"{control}/faults", json={"kind": "throttled", "count": 2}, timeout=5)
    assert response.json()["pending_faults"]["graph"] == ["throttled", "throttled"]
    assert ms.http.post(f"{control}/faults", json={"kind": "nope"}, timeout=5).status_code == 400
    assert ms.graph("GET", "/me", token).status_code == 429
    assert ms.graph("GET", "/me", token).status_code == 429
    ms.http.post(f"{control}/revoke-grant", json={"email": "alice@acme.demo"}, timeout=5)
    _assert_graph_error(ms.graph("GET", "/me", token), 401, "InvalidAuthenticationToken")
    assert ms.http.post(f"{control}/reset-counters", timeout=5).json()["calls"] == {}
    assert ms.http.post(f"{control}/nope", timeout=5).status_code == 404
