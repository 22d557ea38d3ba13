"""Email tracking through the app: preparing, the pixel, the redirect, reports, deletion."""

from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode, urlsplit

import boto3
import pytest
from botocore.exceptions import ClientError
from chalice.test import Client

from chalicelib import deps
from chalicelib.store import keys
from chalicelib.tracking.hits import GIF
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.fakes import FakeClock

KEY = base64.b64encode(b"s" * 32).decode()
ORIGIN_SECRET = "cloudfront-origin-secret-for-tests"
RFC_3339_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")  # the API's one format
BASE = "http://127.0.0.1:8999"
CHROME = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
HTML = (
    "<html><body><p>Hello &amp; welcome</p>"
    '<a href="https://example.com/pricing?plan=pro&amp;utm_source=x%2Fy#compare">pricing</a> '
    '<a href="mailto:sales@acme.demo">mail us</a> <a href="#top">top</a>'
    "<a href='http://docs.example.org/a b'>docs</a></body></html>"
)


def _json(response: Any) -> Any:
    return json.loads(response.body)


def _code(response: Any) -> str:
    return str(_json(response)["error"]["code"])


@dataclass
class Tracking:
    client: Client
    sign_in: SignIn
    clock: FakeClock
    stack: ProvisionedStack

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def settings(self, email: bool, link: bool) -> None:
        admin = self.sign_in("admin@acme.demo")
        body = json.dumps({"email_tracking": email, "link_tracking": link}).encode()
        response = self.client.http.put("/admin/settings", body=body, headers=self.auth(admin))
        assert response.status_code == 200, response.body

    def prepare(self, token: str, body: dict[str, Any]) -> Any:
        return self.client.http.post(
            "/tracking/messages", body=json.dumps(body).encode(), headers=self.auth(token)
        )

    def prepared(self, token: str, recipients: list[str], html: str = HTML) -> dict[str, Any]:
        body = {"subject": "Pricing", "recipients": recipients, "html": html}
        response = self.prepare(token, body)
        assert response.status_code == 201, response.body
        return dict(_json(response))

    def report(self, token: str, message_id: str) -> Any:
        return self.client.http.get(f"/tracking/messages/{message_id}", headers=self.auth(token))

    def items(self) -> list[dict[str, Any]]:
        client = boto3.client("dynamodb")
        found: list[dict[str, Any]] = []
        for page in client.get_paginator("scan").paginate(TableName=self.stack.table_name):
            found.extend(page["Items"])
        return found

    def events(self) -> list[dict[str, Any]]:
        return [i for i in self.items() if i["sk"]["S"].startswith(keys.TRACKING_EVENT_PREFIX)]


def tracking_app(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    """The app with a tracking key, our CloudFront's origin secret and a clock the test moves
    (the `tracking` fixture of this module and of test_tracking_hardening)."""
    clock = FakeClock()
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", f"t1:{KEY}")
    monkeypatch.setenv("CLOUDFRONT_ORIGIN_SECRET", ORIGIN_SECRET)
    deps.reset()
    monkeypatch.setattr(deps, "clock", lru_cache(maxsize=1)(lambda: clock))
    return Tracking(client, sign_in, clock, stack)


@pytest.fixture
def tracking(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    return tracking_app(client, sign_in, stack, monkeypatch)


def _paths(html: str, kind: str) -> list[str]:
    marker = f"{BASE}/t/{kind}/"
    out = []
    start = html.find(marker)
    while start >= 0:
        end = min(i for i in (html.find('"', start), html.find("'", start)) if i >= 0)
        out.append(html[start + len(BASE) : end])
        start = html.find(marker, end)
    return out


# -- preparing ---------------------------------------------------------------------------------


def test_both_settings_off_refuses_to_prepare(tracking: Tracking) -> None:
    alice = tracking.sign_in("alice@acme.demo")
    response = tracking.prepare(alice, {"recipients": ["a@x.example"], "html": HTML})
    assert response.status_code == 403
    assert _code(response) == "tracking_disabled"


def test_each_recipient_gets_a_copy_with_its_own_pixel_and_links(tracking: Tracking) -> None:
    # Given both kinds of tracking on
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    # When alice prepares a message for two recipients
    prepared = tracking.prepared(alice, ["ann@client.example", "Bob@Client.EXAMPLE"])
    # Then each copy has one pixel and its two http(s) links rewritten, all different
    assert [r["email"] for r in prepared["recipients"]] == [
        "ann@client.example",
        "Bob@client.example",
    ]
    copies = [r["html"] for r in prepared["recipients"]]
    pixels = [_paths(c, "o") for c in copies]
    links = [_paths(c, "c") for c in copies]
    assert [len(p) for p in pixels] == [1, 1] and pixels[0] != pixels[1]
    assert [len(x) for x in links] == [2, 2] and not set(links[0]) & set(links[1])
    # And, the pixel and the tracked URLs aside, the HTML is the original byte for byte
    for copy, pixel, tracked in zip(copies, pixels, links, strict=True):
        restored = copy.replace(
            f'"{BASE}{tracked[0]}"',
            '"https://example.com/pricing?plan=pro&amp;utm_source=x%2Fy#compare"',
        )
        restored = restored.replace(f"'{BASE}{tracked[1]}'", "'http://docs.example.org/a b'")
        pixel_tag = restored[restored.index("<img") : restored.index("</body>")]
        assert pixel[0] in pixel_tag
        assert restored.replace(pixel_tag, "") == HTML


def test_only_the_enabled_kind_of_tracking_is_added(tracking: Tracking) -> None:
    alice = tracking.sign_in("alice@acme.demo")
    tracking.settings(email=True, link=False)
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    assert len(_paths(html, "o")) == 1 and not _paths(html, "c")
    tracking.settings(email=False, link=True)
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    assert not _paths(html, "o") and len(_paths(html, "c")) == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"recipients": [], "html": HTML}, "recipients"),
        ({"recipients": [f"r{i}@x.example" for i in range(101)], "html": HTML}, "recipients"),
        ({"recipients": ["not-an-address"], "html": HTML}, "recipients"),
        ({"recipients": ["a@x.example", "A@X.example"], "html": HTML}, "recipients"),
        ({"recipients": ["a@x.example"], "html": "x" * (1024 * 1024 + 1)}, "html"),
        ({"recipients": ["a@x.example"]}, "html"),
        ({"recipients": ["a@x.example"], "html": HTML, "bcc": []}, "bcc"),
    ],
)
def test_invalid_requests_are_400(tracking: Tracking, body: dict[str, Any], field: str) -> None:
    tracking.settings(email=True, link=True)
    response = tracking.prepare(tracking.sign_in("alice@acme.demo"), body)
    assert response.status_code == 400
    assert _code(response) == "validation_error"
    assert field in _json(response)["error"]["message"]


def test_bad_html_is_400(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    body = {"recipients": ["a@x.example"], "html": '<p><a href="https://x.example'}
    response = tracking.prepare(tracking.sign_in("alice@acme.demo"), body)
    assert response.status_code == 400
    assert _code(response) == "invalid_html"


@pytest.mark.parametrize(
    ("html", "recipients", "status"),
    [
        # 1 MB of CJK per copy: 3 UTF-8 bytes a character in the JSON (not 6 as \\uXXXX)
        ('<p><a href="https://example.com/">' + "漢" * 340_000 + "</a></p>", 4, 201),
        ('<p><a href="https://example.com/">' + "漢" * 340_000 + "</a></p>", 5, 400),
        # 0.9 MB of quotes per copy: twice as much once escaped in the JSON
        ("<p>" + '"""漢' * 160_000 + "</p>", 4, 400),
    ],
)
def test_copies_that_would_not_fit_in_a_lambda_response_are_400_and_not_stored(
    tracking: Tracking, html: str, recipients: int, status: int
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    body = {"recipients": [f"r{i}@x.example" for i in range(recipients)], "html": html}
    response = tracking.prepare(alice, body)
    assert response.status_code == status
    stored = [i for i in tracking.items() if i["sk"]["S"].startswith("TMSG#")]
    if status == 400:
        assert _code(response) == "message_too_large"
        assert "6,291,456 bytes" in _json(response)["error"]["message"]
        assert stored == []
    else:
        # what API Gateway receives from Lambda, base64-encoded, is under 6 MB
        assert len(base64.b64encode(response.body)) < 6 * 1024 * 1024
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"
        prepared = json.loads(response.body.decode("utf-8"))
        assert len(prepared["recipients"]) == recipients
        assert [i["sk"]["S"] for i in stored] == [f"TMSG#{prepared['id']}"]


def test_preparing_needs_a_session(tracking: Tracking) -> None:
    response = tracking.prepare("nope", {"recipients": ["a@x.example"], "html": HTML})
    assert response.status_code == 401


def test_without_a_signing_key_nothing_is_prepared_and_the_pixel_still_answers(
    tracking: Tracking, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    pixel = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "o")[0]
    monkeypatch.delenv("TRACKING_SIGNING_KEYS")
    deps.reset()
    response = tracking.prepare(alice, {"recipients": ["a@x.example"], "html": HTML})
    assert response.status_code == 503 and _code(response) == "tracking_not_configured"
    answer = tracking.client.http.get(pixel)
    assert answer.status_code == 200 and answer.body == GIF
    assert tracking.events() == []


# -- the pixel ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept",
    [
        None,
        "text/html",
        "image/webp,*/*",
        "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
        "image/*",
        "application/json",
        "",
    ],
)
def test_the_pixel_is_a_gif_whatever_the_accept_header(
    tracking: Tracking, accept: str | None
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    pixel = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "o")[0]
    headers = {"User-Agent": CHROME} | ({"Accept": accept} if accept is not None else {})
    response = tracking.client.http.get(pixel, headers=headers)
    assert response.status_code == 200
    assert response.body == GIF and len(response.body) == 42
    assert response.headers["Content-Type"] == "image/gif"
    assert response.headers["Cache-Control"] == "no-store, no-cache, private"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert len(tracking.events()) == 1


def test_forged_truncated_and_unknown_tokens_get_the_gif_and_record_nothing(
    tracking: Tracking,
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    pixel = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "o")[0]
    token = pixel.rsplit("/", 1)[1]
    flipped = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    for bad in (flipped, token[:-1], token[:20], "x", "A" * 300, "%00", "..%2F..%2Fetc"):
        response = tracking.client.http.get(f"/t/o/{bad}")
        assert response.status_code == 200 and response.body == GIF, bad
        assert response.headers["Content-Type"] == "image/gif"
    assert tracking.events() == []


def test_the_pixel_answers_gif_when_dynamodb_fails(tracking: Tracking) -> None:
    # Given a prepared message and DynamoDB refusing every write of the hot path
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]

    def refuse(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError"}}, "TransactWriteItems")

    deps.hot_path_dynamodb_client().meta.events.register(
        "before-call.dynamodb.TransactWriteItems", refuse
    )
    # When the pixel and a link are loaded
    pixel = tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})
    tracking.clock.advance(60)
    redirect = tracking.client.http.get(_paths(html, "c")[0], headers={"User-Agent": CHROME})
    # Then both answer as if nothing happened, and nothing was recorded
    assert pixel.status_code == 200 and pixel.body == GIF
    assert redirect.status_code == 302
    assert redirect.headers["Location"].startswith("https://example.com/pricing")
    assert tracking.events() == []


def test_a_valid_link_redirects_and_the_pixel_answers_when_the_recorder_cannot_be_built(
    tracking: Tracking, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a prepared message, and a container that cannot build its recorder
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]

    def broken() -> None:
        raise RuntimeError("cannot build the DynamoDB client")

    monkeypatch.setattr(deps, "tracking_hot_path", lru_cache(maxsize=1)(broken))
    # When the link and the pixel are loaded
    redirect = tracking.client.http.get(_paths(html, "c")[0], headers={"User-Agent": CHROME})
    pixel = tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})
    forged = tracking.client.http.get("/t/c/" + "A" * 60)
    # Then the link still redirects, the pixel is still the GIF, and a forgery is still 404
    assert redirect.status_code == 302
    assert redirect.headers["Location"].startswith("https://example.com/pricing")
    assert pixel.status_code == 200 and pixel.body == GIF
    assert forged.status_code == 404 and "Location" not in forged.headers
    assert tracking.events() == []


def test_a_pixel_and_a_click_cost_no_read_and_one_write(
    tracking: Tracking, aws_calls: AwsCallCounter
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    aws_calls.attach(deps.hot_path_dynamodb_client())
    aws_calls.attach(deps.dynamodb_client())
    tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})  # warms
    tracking.clock.advance(30)
    aws_calls.reset()
    tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}
    aws_calls.reset()
    tracking.client.http.get(_paths(html, "c")[0], headers={"User-Agent": CHROME})
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}
    aws_calls.reset()
    tracking.client.http.head(_paths(html, "c")[0], headers={"User-Agent": CHROME})
    tracking.client.http.get("/t/o/forged", headers={"User-Agent": CHROME})
    assert dict(aws_calls.calls) == {}


def test_hits_after_the_sender_deleted_their_account_store_nothing(tracking: Tracking) -> None:
    # Given a prepared message whose sender then deletes their account
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    me = _json(tracking.client.http.get("/me", headers=tracking.auth(alice)))
    hers = keys.user_pk(me["org"]["id"], me["user"]["id"])
    deleted = tracking.client.http.delete("/me", headers=tracking.auth(alice))
    assert deleted.status_code == 200, deleted.body
    tracking.clock.advance(60)
    # When a recipient opens the email and clicks its link afterwards
    pixel = tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})
    click = tracking.client.http.get(_paths(html, "c")[0], headers={"User-Agent": CHROME})
    # Then they still get the GIF, the link no longer redirects (her links are revoked), and
    # the table holds nothing of hers
    assert pixel.status_code == 200 and pixel.body == GIF
    assert click.status_code == 404 and "Location" not in click.headers
    assert tracking.events() == []
    assert not [i for i in tracking.items() if hers in (i["pk"]["S"], i.get("gsi1pk", {}).get("S"))]


def test_turning_email_tracking_off_reaches_sent_pixels_within_a_minute(
    tracking: Tracking,
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    pixel = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "o")[0]
    tracking.client.http.get(pixel, headers={"User-Agent": CHROME})  # caches "on"
    assert len(tracking.events()) == 1
    # another container's admin turns it off: this container's cache does not know yet
    boto3.client("dynamodb").update_item(
        TableName=tracking.stack.table_name,
        Key={"pk": {"S": keys.org_pk(_org(tracking, alice))}, "sk": {"S": "SETTINGS"}},
        UpdateExpression="SET email_tracking = :f",
        ExpressionAttributeValues={":f": {"BOOL": False}},
    )
    tracking.clock.advance(30)
    tracking.client.http.get(pixel, headers={"User-Agent": CHROME})
    assert len(tracking.events()) == 2  # within the minute: still on here
    tracking.clock.advance(31)
    response = tracking.client.http.get(pixel, headers={"User-Agent": CHROME})
    assert response.body == GIF
    assert len(tracking.events()) == 2  # after it: off


def _org(tracking: Tracking, token: str) -> str:
    me = tracking.client.http.get("/me", headers=tracking.auth(token))
    return str(_json(me)["org"]["id"])


# -- the redirect ------------------------------------------------------------------------------


def test_a_click_redirects_to_the_exact_destination(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    tracking.clock.advance(120)
    first, second = (
        tracking.client.http.get(path, headers={"User-Agent": CHROME}) for path in _paths(html, "c")
    )
    assert first.status_code == 302
    assert first.headers["Location"] == (
        "https://example.com/pricing?plan=pro&utm_source=x%2Fy#compare"
    )
    assert first.headers["Cache-Control"] == "no-store, private"
    assert first.headers["Referrer-Policy"] == "no-referrer"
    assert second.headers["Location"] == "http://docs.example.org/a%20b"
    assert len(tracking.events()) == 2


@pytest.mark.parametrize(
    "destination",
    [
        "https://example.com/p?a=b|c&d={e}",
        "https://example.com/p?q=^x`y\\z#f|{g}^`\\h",
        "https://example.com/p?x=%7C|%7B{#%7D}",
        "https://example.com/p#frag?x=1&y=|{}",
        "https://example.com/p?json={%22a%22:[1,2]}&sel=a|b",
    ],
)
def test_query_and_fragment_reach_the_destination_byte_for_byte(
    tracking: Tracking, destination: str
) -> None:
    # Given a link whose query and fragment hold characters that need no encoding there
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = f'<p><a href="{destination.replace("&", "&amp;")}">go</a></p>'
    link = _paths(tracking.prepared(alice, ["a@x.example"], html)["recipients"][0]["html"], "c")[0]
    # When it is clicked
    response = tracking.client.http.get(link, headers={"User-Agent": CHROME})
    # Then the redirect leads exactly there
    assert response.status_code == 302
    assert response.headers["Location"] == destination


def test_head_redirects_and_records_nothing(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    link = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "c")[0]
    response = tracking.client.http.head(link)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("https://example.com/")
    assert tracking.events() == []


def test_a_forged_or_altered_link_is_404_and_never_a_redirect(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    link = _paths(html, "c")[0]
    token = link.rsplit("/", 1)[1]
    pixel_token = _paths(html, "o")[0].rsplit("/", 1)[1]
    candidates = [
        token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
        for i in range(0, len(token), 7)
    ]
    candidates += [token[:-2], token + "AA", pixel_token, "https%3A%2F%2Fevil.example", "x"]
    for bad in candidates:
        response = tracking.client.http.get(f"/t/c/{bad}")
        assert response.status_code == 404, bad
        assert "Location" not in response.headers
        assert _code(response) == "not_found"
    assert tracking.events() == []


def test_links_keep_working_when_link_tracking_is_turned_off(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    link = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "c")[0]
    tracking.settings(email=True, link=False)
    deps.org_settings_cache().forget(_org(tracking, alice))
    response = tracking.client.http.get(link, headers={"User-Agent": CHROME})
    assert response.status_code == 302
    assert tracking.events() == []


def test_links_signed_with_a_rotated_out_current_key_keep_redirecting(
    tracking: Tracking, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    link = _paths(tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"], "c")[0]
    new_key = base64.b64encode(b"n" * 32).decode()
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", f"t2:{new_key},t1:{KEY}")
    deps.reset()
    assert tracking.client.http.get(link).status_code == 302
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", f"t2:{new_key}")
    deps.reset()
    assert tracking.client.http.get(link).status_code == 404


# -- events and reports -----------------------------------------------------------------------


def test_the_report_counts_opens_and_clicks_by_verdict_with_location(tracking: Tracking) -> None:
    # Given a message to two recipients
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    prepared = tracking.prepared(alice, ["ann@client.example", "bob@client.example"])
    ann, bob = (r["html"] for r in prepared["recipients"])
    get = tracking.client.http.get
    # When Apple's proxy fetches ann's pixel on delivery, a scanner clicks within seconds...
    get(_paths(ann, "o")[0], headers={"User-Agent": "Mozilla/5.0"})
    tracking.clock.advance(2)
    get(_paths(ann, "c")[0], headers={"User-Agent": CHROME})
    # ... ann opens it in a browser, twice, from Seattle, and clicks a link
    tracking.clock.advance(3600)
    where = {
        "User-Agent": CHROME,
        "X-Origin-Secret": ORIGIN_SECRET,  # through our CloudFront distribution
        "CloudFront-Viewer-Country": "US",
        "CloudFront-Viewer-Country-Region": "WA",
        "CloudFront-Viewer-City": "Seattle",
    }
    get(_paths(ann, "o")[0], headers=where)
    tracking.clock.advance(60)
    get(_paths(ann, "o")[0], headers=where)
    tracking.clock.advance(5)  # events are listed by time: no two share a millisecond here
    get(_paths(ann, "c")[1], headers=where)
    # ... Gmail's proxy opens bob's copy, and alice views her own sent copy while signed in
    gmail = (
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"
    )
    get(_paths(bob, "o")[0], headers={"User-Agent": gmail, "CloudFront-Viewer-Country": "US"})
    tracking.clock.advance(1)
    get(
        _paths(bob, "o")[0],
        headers={"User-Agent": CHROME, "Cookie": f"__Host-stratus_session={alice}"},
    )
    # Then the report tells people from machines
    report = _json(tracking.report(alice, prepared["id"]))
    assert report["subject"] == "Pricing" and report["email_tracking"] and report["link_tracking"]
    first, second = report["recipients"]
    assert first["email"] == "ann@client.example"
    assert (first["opens"], first["human_opens"], first["clicks"], first["human_clicks"]) == (
        3,
        2,
        2,
        1,
    )
    assert [e["verdict"] for e in first["events"]] == [
        "apple_mpp",
        "scanner",
        "human",
        "human",
        "human",
    ]
    assert first["events"][1]["reason"] == "clicked_within_seconds_of_sending"
    assert first["events"][4]["url"] == "http://docs.example.org/a%20b"
    assert first["events"][4]["link"] == 1
    assert first["location"] == {"country": "US", "region": "WA", "city": "Seattle"}
    assert first["first_human_open"] < first["last_human_open"]
    times = [report["created_at"], first["first_human_open"], first["last_human_open"]]
    assert all(RFC_3339_UTC.fullmatch(t) for t in times + [e["at"] for e in first["events"]])
    assert first["events"][0]["location"] is None  # a proxy's location is not the reader's
    assert [e["verdict"] for e in second["events"]] == ["image_proxy", "sender"]
    assert (second["opens"], second["human_opens"]) == (2, 1)
    assert second["location"] is None


def test_events_keep_no_address_or_user_agent_and_expire(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})
    (event,) = tracking.events()
    text = json.dumps(event)
    assert "127.0.0.1" not in text and "Chrome" not in text
    expires = int(event["expires_at"]["N"])
    assert expires == pytest.approx(tracking.clock.now() + 180 * 86400, abs=5)
    assert event["gsi1pk"] == event["pk"] and event["pk"]["S"].startswith("USER#")


def test_a_retried_event_write_is_stored_once(
    tracking: Tracking, caplog: pytest.LogCaptureFixture
) -> None:
    # Given the SDK told to retry the hot path's first write although it landed
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    prepared = tracking.prepared(alice, ["a@x.example"])
    tracking.clock.advance(60)
    sent: list[int] = []

    def retry_once(attempts: int, **_: Any) -> float | None:
        sent.append(attempts)
        return 0 if attempts == 1 else None  # as after a timeout on the answer

    client = deps.hot_path_dynamodb_client()
    client.meta.events.register("needs-retry.dynamodb.TransactWriteItems", retry_once)
    # When the pixel is loaded once
    response = tracking.client.http.get(
        _paths(prepared["recipients"][0]["html"], "o")[0], headers={"User-Agent": CHROME}
    )
    # Then the write was sent twice, and one open is stored and counted
    assert response.status_code == 200 and response.body == GIF
    assert sent == [1, 2]
    assert len(tracking.events()) == 1
    assert "not recorded" not in caplog.text  # the refused retry is not a failure
    report = _json(tracking.report(alice, prepared["id"]))
    assert report["recipients"][0]["opens"] == 1


def test_a_replayed_pixel_is_one_event_per_second(tracking: Tracking) -> None:
    # Given a prepared message
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    prepared = tracking.prepared(alice, ["a@x.example"])
    pixel = _paths(prepared["recipients"][0]["html"], "o")[0]
    tracking.clock.advance(60 + math.ceil(tracking.clock.now()) - tracking.clock.now())
    # When the pixel is replayed 20 times within one second, the first time by a person
    for replay in range(20):
        agent = CHROME if replay == 0 else "python-requests/2.32"
        response = tracking.client.http.get(pixel, headers={"User-Agent": agent})
        assert response.status_code == 200 and response.body == GIF
        tracking.clock.advance(0.04)
    # Then one event is stored: the first
    (event,) = tracking.events()
    assert event["verdict"]["S"] == "human"
    # And replays in two more seconds add one event each
    for _ in range(2):
        tracking.clock.advance(1)
        for _ in range(5):
            tracking.client.http.get(pixel, headers={"User-Agent": CHROME})
    assert len(tracking.events()) == 3
    report = _json(tracking.report(alice, prepared["id"]))
    assert report["recipients"][0]["opens"] == 3


def test_links_clicked_in_the_same_second_are_each_recorded_and_a_burst(
    tracking: Tracking,
) -> None:
    # Given a message with two links, read a while after it was prepared
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    prepared = tracking.prepared(alice, ["a@x.example"])
    links = _paths(prepared["recipients"][0]["html"], "c")
    tracking.clock.advance(3600)
    # When both links are fetched within the same second, each twice
    for link in links + links:
        assert tracking.client.http.get(link, headers={"User-Agent": CHROME}).status_code == 302
    # Then each link is one event (different tokens), and together they are a scanner's burst
    assert len(tracking.events()) == 2
    (recipient,) = _json(tracking.report(alice, prepared["id"]))["recipients"]
    assert recipient["clicks"] == 2 and recipient["human_clicks"] == 0
    assert {e["reason"] for e in recipient["events"]} == {"many_links_in_one_second"}


def test_the_same_recipient_number_of_two_messages_is_not_a_burst(tracking: Tracking) -> None:
    # Given two messages, each to one recipient (recipient 0 of each)
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    first, second = (tracking.prepared(alice, [to]) for to in ("a@x.example", "b@x.example"))
    tracking.clock.advance(3600)
    # When each recipient clicks one link, a different one, in the same second
    for prepared, link in ((first, 0), (second, 1)):
        path = _paths(prepared["recipients"][0]["html"], "c")[link]
        assert tracking.client.http.get(path, headers={"User-Agent": CHROME}).status_code == 302
    # Then both clicks stay human, in the activity feed and in each report
    feed = _json(tracking.client.http.get("/tracking/activity", headers=tracking.auth(alice)))
    assert [(e["verdict"], e["reason"]) for e in feed["events"]] == [
        ("human", "no_machine_signal")
    ] * 2
    for prepared in (first, second):
        (recipient,) = _json(tracking.report(alice, prepared["id"]))["recipients"]
        assert recipient["human_clicks"] == 1


def test_the_report_lists_the_newest_50_events_and_counts_all(tracking: Tracking) -> None:
    # Given ann's copy opened 58 times and its links clicked twice, bob's opened once
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    prepared = tracking.prepared(alice, ["ann@x.example", "bob@x.example"])
    ann, bob = (r["html"] for r in prepared["recipients"])
    tracking.clock.advance(3600)
    for _ in range(58):
        tracking.clock.advance(1)
        tracking.client.http.get(_paths(ann, "o")[0], headers={"User-Agent": CHROME})
    for link in _paths(ann, "c"):
        tracking.clock.advance(30)
        tracking.client.http.get(link, headers={"User-Agent": CHROME})
    tracking.client.http.get(_paths(bob, "o")[0], headers={"User-Agent": CHROME})
    # When alice reads the report
    response = tracking.report(alice, prepared["id"])
    # Then ann's counts are exact, and her 50 newest events are listed, oldest first
    assert response.status_code == 200
    first, second = _json(response)["recipients"]
    assert (first["opens"], first["human_opens"], first["clicks"], first["human_clicks"]) == (
        58,
        58,
        2,
        2,
    )
    assert len(first["events"]) == 50 and first["events_truncated"] is True
    assert [e["kind"] for e in first["events"]] == ["open"] * 48 + ["click", "click"]
    times = [e["at"] for e in first["events"]]
    assert times == sorted(times) and first["first_human_open"] < times[0]
    assert [e["url"] for e in first["events"][-2:]] == [
        "https://example.com/pricing?plan=pro&utm_source=x%2Fy#compare",
        "http://docs.example.org/a%20b",
    ]
    assert (len(second["events"]), second["events_truncated"]) == (1, False)


def test_only_the_sender_sees_a_message(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    message = tracking.prepared(alice, ["a@x.example"])["id"]
    bob = tracking.sign_in("bob@acme.demo")
    for token, path in ((bob, message), (alice, "A" * 16), (alice, "nope")):
        response = tracking.report(token, path)
        assert response.status_code == 404 and _code(response) == "not_found"
    assert tracking.report(alice, message).status_code == 200
    assert tracking.client.http.get(f"/tracking/messages/{message}").status_code == 401


def test_activity_lists_the_newest_events_across_messages_by_pages(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    pixels = []
    for subject in ("one", "two"):
        body = {"subject": subject, "recipients": ["a@x.example", "b@x.example"], "html": HTML}
        prepared = _json(tracking.prepare(alice, body))
        pixels += [_paths(r["html"], "o")[0] for r in prepared["recipients"]]
    since = None
    for index, pixel in enumerate(pixels):
        tracking.clock.advance(10)
        if index == 1:
            from datetime import UTC, datetime

            since = datetime.fromtimestamp(tracking.clock.now(), UTC).isoformat()
        tracking.client.http.get(pixel, headers={"User-Agent": CHROME})
    # Newest first, two per page, across both messages
    seen: list[tuple[str, str]] = []
    cursor = None
    while True:
        query = "/tracking/activity?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = _json(tracking.client.http.get(query, headers=tracking.auth(alice)))
        seen += [(e["subject"], e["recipient"]) for e in page["events"]]
        assert all(RFC_3339_UTC.fullmatch(e["at"]) for e in page["events"])
        cursor = page["cursor"]
        if not cursor:
            break
    assert seen == [
        ("two", "b@x.example"),
        ("two", "a@x.example"),
        ("one", "b@x.example"),
        ("one", "a@x.example"),
    ]
    # since= stops at the first older event
    recent = _json(
        tracking.client.http.get(
            f"/tracking/activity?{urlencode({'since': since})}", headers=tracking.auth(alice)
        )
    )
    assert len(recent["events"]) == 3 and recent["cursor"] is None
    # another user sees none of it
    bob = tracking.sign_in("bob@acme.demo")
    assert (
        _json(tracking.client.http.get("/tracking/activity", headers=tracking.auth(bob)))["events"]
        == []
    )


def test_a_bad_activity_cursor_is_400(tracking: Tracking) -> None:
    alice = tracking.sign_in("alice@acme.demo")
    response = tracking.client.http.get(
        "/tracking/activity?cursor=xyz", headers=tracking.auth(alice)
    )
    assert response.status_code == 400


@pytest.mark.parametrize("since", ["0.5", "1800000000", "2026-01-01", "yesterday"])
def test_since_must_be_an_iso_8601_date_time(tracking: Tracking, since: str) -> None:
    alice = tracking.sign_in("alice@acme.demo")
    response = tracking.client.http.get(
        f"/tracking/activity?since={since}", headers=tracking.auth(alice)
    )
    assert response.status_code == 400 and _code(response) == "validation_error"


@pytest.mark.parametrize("value", [0, 1, "true", "on"])
def test_settings_are_json_booleans_only(tracking: Tracking, value: object) -> None:
    admin = tracking.sign_in("admin@acme.demo")
    body = json.dumps({"email_tracking": value}).encode()
    response = tracking.client.http.put("/admin/settings", body=body, headers=tracking.auth(admin))
    assert response.status_code == 400 and _code(response) == "validation_error"


def test_deleting_the_account_leaves_no_tracking_data(tracking: Tracking) -> None:
    # Given alice's tracked message with opens and clicks
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example", "b@x.example"])["recipients"][0]["html"]
    tracking.clock.advance(60)
    for path in _paths(html, "o") + _paths(html, "c"):
        tracking.client.http.get(path, headers={"User-Agent": CHROME})
    org = _org(tracking, alice)
    me = _json(tracking.client.http.get("/me", headers=tracking.auth(alice)))
    alice_pk = keys.user_pk(org, me["user"]["id"])
    mine = [i for i in tracking.items() if i["pk"]["S"] == alice_pk]
    assert any(i["sk"]["S"].startswith("TMSG#") for i in mine)
    assert len([i for i in mine if i["sk"]["S"].startswith("TEVT#")]) == 3
    # When she deletes her account
    response = tracking.client.http.delete("/me", headers=tracking.auth(alice))
    assert response.status_code == 200
    # Then nothing of hers is left, only the org's settings
    left = tracking.items()
    assert not [i for i in left if "TMSG#" in i["sk"]["S"] or "TEVT#" in i["sk"]["S"]]
    assert not [i for i in left if alice_pk in (i["pk"]["S"], i.get("gsi1pk", {}).get("S"))]
    assert [i["pk"]["S"] for i in left if i["pk"]["S"].startswith("ORG#")] == [f"ORG#{org}"]


def test_a_late_hit_after_retention_is_not_recorded(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    tracking.clock.advance(181 * 86400)
    assert tracking.client.http.get(_paths(html, "o")[0]).body == GIF
    assert tracking.client.http.get(_paths(html, "c")[0]).status_code == 302
    assert tracking.events() == []


def test_links_expire_30_days_after_the_retention_period(tracking: Tracking) -> None:
    # Given a message prepared now (retention 180 days, links live 30 days more)
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    link, pixel = _paths(html, "c")[0], _paths(html, "o")[0]
    # When a recipient clicks a second before the end of the grace period, and then after it
    tracking.clock.advance(210 * 86400 - 1)
    before = tracking.client.http.get(link)
    tracking.clock.advance(1)
    after = tracking.client.http.get(link)
    # Then the first redirects and the second is 404, never a redirect; the pixel stays a GIF
    assert before.status_code == 302
    assert after.status_code == 404 and "Location" not in after.headers
    assert tracking.client.http.get(pixel).body == GIF
    assert tracking.events() == []


def test_urls_use_the_public_base_url(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    html = tracking.prepared(tracking.sign_in("alice@acme.demo"), ["a@x.example"])
    for path in _paths(html["recipients"][0]["html"], "o") + _paths(
        html["recipients"][0]["html"], "c"
    ):
        assert urlsplit(BASE + path).netloc == "127.0.0.1:8999"
