"""The hot paths' answers to links that end: an expired token, a revoked sender (account
deleted), and the viewer headers that only our CloudFront may set (issue 9, findings 4 and 5)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from chalicelib.metrics import MetricsBuffer
from chalicelib.org_settings import OrgSettings, OrgState, revocation_tag
from chalicelib.store.tracking_events import NOWHERE, Location, TrackingEvent
from chalicelib.tracking import tokens
from chalicelib.tracking.hits import HitRequest, HotPath, destination, hit_request
from tests.fakes import FakeClock
from tests.unit.test_tracking_tokens import CLICK, KEYS, OPEN, sign_v1

PREPARED = OPEN.prepared_at
RETENTION = 180 * 86400
SECRET = b"origin-secret"


@dataclass
class Recorder:
    events: list[TrackingEvent] = field(default_factory=list)

    def record(self, event: TrackingEvent) -> bool:
        self.events.append(event)
        return True


@dataclass
class Org:
    state_: OrgState = field(
        default_factory=lambda: OrgState(OrgSettings(email_tracking=True, link_tracking=True))
    )
    reads: int = 0

    def state(self, org_id: str) -> OrgState:
        self.reads += 1
        return self.state_


def _hot_path(at: float, org: Org | None = None) -> tuple[HotPath, Recorder]:
    recorder = Recorder()
    clock = FakeClock(at)
    path = HotPath(KEYS, org or Org(), recorder, clock, RETENTION, MetricsBuffer(), lambda: SECRET)
    return path, recorder


GET = HitRequest(method="GET", user_agent="Mozilla/5.0 (Macintosh) Chrome/126.0")


def test_a_click_redirects_until_its_expiry_and_then_never() -> None:
    token = tokens.sign(CLICK, KEYS)
    path, _ = _hot_path(CLICK.expires_at - 1)
    assert path.click(token, GET) == CLICK.url
    path, recorder = _hot_path(CLICK.expires_at)
    assert path.click(token, GET) is None
    assert recorder.events == []


def test_a_version_1_link_expires_retention_plus_grace_after_it_was_prepared() -> None:
    old = sign_v1(CLICK, KEYS)
    end = PREPARED + RETENTION + tokens.GRACE_SECONDS
    assert _hot_path(end - 1)[0].click(old, GET) == CLICK.url
    assert _hot_path(end)[0].click(old, GET) is None


def test_the_fallback_destination_refuses_an_expired_link_too() -> None:
    token = tokens.sign(CLICK, KEYS)
    assert destination(token, KEYS, CLICK.expires_at - 1, RETENTION) == CLICK.url
    assert destination(token, KEYS, CLICK.expires_at, RETENTION) is None
    old = sign_v1(CLICK, KEYS)
    assert destination(old, KEYS, PREPARED + RETENTION + tokens.GRACE_SECONDS, RETENTION) is None


def _revoked(before: int) -> Org:
    settings = OrgSettings(email_tracking=True, link_tracking=True)
    return Org(OrgState(settings, {revocation_tag(OPEN.user_id): before}))


@pytest.mark.parametrize("before", [PREPARED, PREPARED + 86400])
def test_a_revoked_senders_links_stop_and_their_pixels_record_nothing(before: int) -> None:
    # Given the sender's account was deleted after the message was prepared
    path, recorder = _hot_path(PREPARED + 2 * 86400, _revoked(before))
    # Then the link has no destination and the pixel records nothing
    assert path.click(tokens.sign(CLICK, KEYS), GET) is None
    path.open(tokens.sign(OPEN, KEYS), GET)
    assert recorder.events == []


def test_links_prepared_after_a_revocation_work() -> None:
    path, recorder = _hot_path(PREPARED + 2 * 86400, _revoked(PREPARED - 1))
    assert path.click(tokens.sign(CLICK, KEYS), GET) == CLICK.url
    other_user = replace(CLICK, user_id="005000000000009AAA")
    assert path.click(tokens.sign(other_user, KEYS), GET) == CLICK.url
    assert len(recorder.events) == 2


def test_a_failing_org_state_still_redirects() -> None:
    class Broken:
        def state(self, org_id: str) -> OrgState:
            raise RuntimeError("a bug, not an outage: the cache never raises")

    recorder = Recorder()
    clock = FakeClock(PREPARED + 60)
    path = HotPath(KEYS, Broken(), recorder, clock, RETENTION, MetricsBuffer())
    assert path.click(tokens.sign(CLICK, KEYS), GET) == CLICK.url
    assert recorder.events == []


# -- what the request says, and who may say it -------------------------------------------------


@dataclass
class Request:
    headers: dict[str, str]
    method: str = "GET"
    context: dict[str, Any] = field(
        default_factory=lambda: {"identity": {"sourceIp": "130.176.0.1"}}  # a CloudFront edge
    )


VIEWER = {
    "cloudfront-viewer-country": "FR",
    "cloudfront-viewer-country-region": "IDF",
    "cloudfront-viewer-city": "Paris",
    "cloudfront-viewer-address": "17.58.0.1:51234",
    "user-agent": "Mozilla/5.0",
}


def test_viewer_headers_count_only_with_our_origin_secret() -> None:
    trusted = hit_request(Request({**VIEWER, "x-origin-secret": "origin-secret"}), lambda: SECRET)
    assert trusted.location == Location("FR", "IDF", "Paris")
    assert trusted.source_ip == "17.58.0.1"  # the viewer's, not the edge's
    for headers, secret in [
        (VIEWER, SECRET),
        ({**VIEWER, "x-origin-secret": "origin-secreT"}, SECRET),
        ({**VIEWER, "x-origin-secret": "origin-secret"}, None),
        ({**VIEWER, "x-origin-secret": ""}, b""),
        ({**VIEWER, "x-origin-secret": "\ud800"}, SECRET),
    ]:
        untrusted = hit_request(Request(headers), lambda: secret)  # noqa: B023 - called here
        assert untrusted.location == NOWHERE
        assert untrusted.source_ip == "130.176.0.1"


@pytest.mark.parametrize(
    "address", ["", "17.58.0.1", "17.58.0.1:", "not-an-ip:80", "[2001:db8::1]:443", ":443"]
)
def test_a_malformed_viewer_address_leaves_the_source_address(address: str) -> None:
    headers = {**VIEWER, "x-origin-secret": "origin-secret", "cloudfront-viewer-address": address}
    assert hit_request(Request(headers), lambda: SECRET).source_ip == "130.176.0.1"


def test_an_ipv6_viewer_address_is_read() -> None:
    headers = {
        **VIEWER,
        "x-origin-secret": "origin-secret",
        "cloudfront-viewer-address": "2001:db8:0:0:0:0:0:1:443",
    }
    assert hit_request(Request(headers), lambda: SECRET).source_ip == "2001:db8:0:0:0:0:0:1"


def test_the_viewers_address_is_the_one_classified() -> None:
    # Given a pixel fetched by Apple's proxy (its network) through our CloudFront
    chrome = "Mozilla/5.0 (Macintosh) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
    headers = {**VIEWER, "x-origin-secret": "origin-secret", "user-agent": chrome}
    path, recorder = _hot_path(PREPARED + 3600)
    path.open(tokens.sign(OPEN, KEYS), hit_request(Request(headers), lambda: SECRET))
    # Then the verdict comes from the viewer's address, not from CloudFront's edge
    assert [e.verdict for e in recorder.events] == ["apple_mpp"]
    assert recorder.events[0].reason.endswith("_network")


def test_the_origin_secret_is_resolved_only_for_a_request_that_presents_one() -> None:
    asked: list[int] = []

    def secret() -> bytes:
        asked.append(1)
        return SECRET

    hit_request(Request(VIEWER), secret)  # a direct call: no SSM read for it
    assert asked == []
    hit_request(Request({**VIEWER, "x-origin-secret": "x"}), secret)
    assert asked == [1]
