"""Gmail v1 reads against the emulator over real HTTP: message formats, base64url parts,
attachments only through attachments.get, error shapes, counters and faults."""

from __future__ import annotations

import email
import email.policy
import hashlib
import time
from typing import Any

import pytest
from googleemu_client import GoogleClient

from devstack.googleemu import (
    BIG_ATTACHMENT_NAME,
    BIG_ATTACHMENT_SIZE,
    DRIVE_LINK,
    INLINE_CID,
    GoogleEmulator,
    b64url_decode,
)
from devstack.googleemu.seed import big_attachment

ALICE = "alice@acme.demo"
MESSAGES = "/gmail/v1/users/me/messages"


@pytest.fixture
def token(google: GoogleClient) -> str:
    body: dict[str, Any] = google.login(ALICE)
    return str(body["access_token"])


def parts_of(part: dict[str, Any]) -> list[dict[str, Any]]:
    out = [part]
    for child in part.get("parts", []):
        out.extend(parts_of(child))
    return out


def header(part: dict[str, Any], name: str) -> str:
    return next(h["value"] for h in part["headers"] if h["name"].lower() == name.lower())


def test_list_is_newest_first_with_pages(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    ids = gemu.demo.messages[ALICE]
    first = google.api(token, "GET", MESSAGES, params={"maxResults": 3}).json()
    assert [m["id"] for m in first["messages"]] == [
        ids["sent"],
        ids["drive_link"],
        ids["inline_image"],
    ]
    second = google.api(
        token, "GET", MESSAGES, params={"maxResults": 3, "pageToken": first["nextPageToken"]}
    ).json()
    assert [m["id"] for m in second["messages"]] == [ids["big_attachment"], ids["plain"]]
    assert "nextPageToken" not in second
    inbox = google.api(token, "GET", MESSAGES, params={"labelIds": "SENT"}).json()
    assert [m["id"] for m in inbox["messages"]] == [ids["sent"]]


def test_big_attachment_only_through_attachments_get(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    message_id = gemu.demo.messages[ALICE]["big_attachment"]
    message = google.api(token, "GET", f"{MESSAGES}/{message_id}").json()
    assert message["payload"]["mimeType"] == "multipart/mixed"
    assert message["sizeEstimate"] > BIG_ATTACHMENT_SIZE
    pdf = next(p for p in parts_of(message["payload"]) if p["filename"] == BIG_ATTACHMENT_NAME)
    assert pdf["partId"] == "1" and pdf["mimeType"] == "application/pdf"
    assert pdf["body"]["size"] == BIG_ATTACHMENT_SIZE and "data" not in pdf["body"]
    text = next(p for p in parts_of(message["payload"]) if p["mimeType"] == "text/plain")
    assert text["partId"] == "0.0"
    assert b"signed master agreement" in b64url_decode(text["body"]["data"])
    response = google.api(
        token, "GET", f"{MESSAGES}/{message_id}/attachments/{pdf['body']['attachmentId']}"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["size"] == BIG_ATTACHMENT_SIZE
    assert "=" not in body["data"][-4:] and "+" not in body["data"] and "/" not in body["data"]
    data = b64url_decode(body["data"])
    assert hashlib.sha256(data).digest() == hashlib.sha256(big_attachment()).digest()
    assert data.startswith(b"%PDF-")
    assert gemu.counters.calls_by_user[ALICE]["gmail.attachments.get"] == 1


def test_attachment_ids_change_at_every_read_and_earlier_ones_keep_working(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    """As Gmail does (google_workspace_mcp#237, dust-tt/dust#27314): a client may not take an
    attachmentId for the attachment's identity; the part id stays."""
    message_id = gemu.demo.messages[ALICE]["inline_image"]

    def image() -> dict[str, Any]:
        message = google.api(token, "GET", f"{MESSAGES}/{message_id}").json()
        return next(p for p in parts_of(message["payload"]) if p["mimeType"] == "image/png")

    first, second = image(), image()
    assert first["partId"] == second["partId"]
    assert first["body"]["attachmentId"] != second["body"]["attachmentId"]
    for part in (first, second):
        path = f"{MESSAGES}/{message_id}/attachments/{part['body']['attachmentId']}"
        assert google.api(token, "GET", path).status_code == 200
    unknown = f"{MESSAGES}/{message_id}/attachments/ANGjdJnotone"
    assert google.api(token, "GET", unknown).status_code == 400


def test_inline_image_and_drive_link(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    ids = gemu.demo.messages[ALICE]
    message = google.api(token, "GET", f"{MESSAGES}/{ids['inline_image']}").json()
    parts = parts_of(message["payload"])
    assert message["payload"]["mimeType"] == "multipart/related"
    image = next(p for p in parts if p["mimeType"] == "image/png")
    assert header(image, "Content-ID") == f"<{INLINE_CID}>"
    assert header(image, "Content-Disposition").startswith("inline")
    html = next(p for p in parts if p["mimeType"] == "text/html")
    assert f"cid:{INLINE_CID}".encode() in b64url_decode(html["body"]["data"])
    png = google.api(
        token,
        "GET",
        f"{MESSAGES}/{ids['inline_image']}/attachments/{image['body']['attachmentId']}",
    ).json()
    assert b64url_decode(png["data"]).startswith(b"\x89PNG\r\n\x1a\n")
    drive = google.api(token, "GET", f"{MESSAGES}/{ids['drive_link']}").json()
    bodies = [
        b64url_decode(p["body"]["data"]) for p in parts_of(drive["payload"]) if "data" in p["body"]
    ]
    assert all(DRIVE_LINK.encode() in b for b in bodies) and len(bodies) == 2


def test_metadata_minimal_and_raw_formats(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    message_id = gemu.demo.messages[ALICE]["inline_image"]
    meta = google.api(
        token,
        "GET",
        f"{MESSAGES}/{message_id}",
        params={"format": "metadata", "metadataHeaders": ["Subject", "From"]},
    ).json()
    assert {h["name"] for h in meta["payload"]["headers"]} == {"Subject", "From"}
    assert "parts" not in meta["payload"]
    minimal = google.api(token, "GET", f"{MESSAGES}/{message_id}", params={"format": "minimal"})
    assert "payload" not in minimal.json() and minimal.json()["threadId"] == message_id
    raw = google.api(token, "GET", f"{MESSAGES}/{message_id}", params={"format": "raw"}).json()
    parsed = email.message_from_bytes(b64url_decode(raw["raw"]), policy=email.policy.default)
    assert parsed["Subject"] == "New logo"
    images = [p for p in parsed.walk() if p.get_content_type() == "image/png"]
    assert images[0]["Content-ID"] == f"<{INLINE_CID}>"
    assert images[0].get_payload(decode=True).startswith(b"\x89PNG")
    bad = google.api(token, "GET", f"{MESSAGES}/{message_id}", params={"format": "nope"})
    assert bad.status_code == 400 and bad.json()["error"]["status"] == "INVALID_ARGUMENT"


def test_error_shapes(google: GoogleClient, gemu: GoogleEmulator, token: str) -> None:
    unauthenticated = google.api("ya29.bogus", "GET", MESSAGES)
    assert unauthenticated.status_code == 401
    error = unauthenticated.json()["error"]
    assert error["code"] == 401 and error["status"] == "UNAUTHENTICATED"
    assert error["errors"][0] == {
        "message": error["message"],
        "domain": "global",
        "reason": "authError",
        "location": "Authorization",
        "locationType": "header",
    }
    missing = google.api(token, "GET", f"{MESSAGES}/0000000000000000")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == "NOT_FOUND"
    other = google.api(token, "GET", "/gmail/v1/users/bob@acme.demo/messages")
    assert other.status_code == 403
    own = google.api(token, "GET", f"/gmail/v1/users/{ALICE}/messages")
    assert own.status_code == 200
    no_scope = google.login("bob@acme.demo", scope="openid email")
    denied = google.api(no_scope["access_token"], "GET", MESSAGES)
    assert denied.status_code == 403
    assert denied.json()["error"]["errors"][0]["reason"] == "insufficientPermissions"


def test_faults_and_counters(google: GoogleClient, gemu: GoogleEmulator, token: str) -> None:
    gemu.inject_fault("rate_limit")
    gemu.inject_fault("server_error")
    throttled = google.api(token, "GET", MESSAGES)
    assert throttled.status_code == 429 and throttled.headers["Retry-After"] == "1"
    error = throttled.json()["error"]
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert error["errors"][0]["reason"] == "rateLimitExceeded"
    assert google.api(token, "GET", MESSAGES).status_code == 500
    assert google.api(token, "GET", MESSAGES).status_code == 200
    gemu.fault_delay = 0.3
    gemu.inject_fault("stall")
    started = time.monotonic()
    assert google.api(token, "GET", MESSAGES).status_code == 200
    assert time.monotonic() - started >= 0.3
    # every request counts; per user only those that authenticated
    assert gemu.counters.calls["gmail.messages.list"] == 4
    assert gemu.counters.calls_by_user[ALICE]["gmail.messages.list"] == 2
    gemu.reset_counters()
    assert gemu.stats()["calls"] == {}


def test_search_and_profile(google: GoogleClient, gemu: GoogleEmulator, token: str) -> None:
    ids = gemu.demo.messages[ALICE]

    def search(q: str) -> list[str]:
        body = google.api(token, "GET", MESSAGES, params={"q": q}).json()
        return [m["id"] for m in body.get("messages", [])]

    assert search("from:peter.gibbons@initech.com has:attachment") == [ids["big_attachment"]]
    assert search(f"rfc822msgid:<{ids['drive_link']}.demo@mail.gmail.com>") == [ids["drive_link"]]
    assert search("in:sent") == [ids["sent"]]
    assert search("subject:logo") == [ids["inline_image"]]
    assert search("nothing-matches-this") == []
    profile = google.api(token, "GET", "/gmail/v1/users/me/profile").json()
    assert profile["emailAddress"] == ALICE and profile["messagesTotal"] == 5
    calendar = google.api(token, "GET", "/calendar/v3/calendars/primary").json()
    assert calendar["id"] == ALICE and calendar["timeZone"] == "Europe/London"
