"""The hot path counts the events it records (Powertools Metrics, published per invocation):
an open or a click stored is one TrackingOpens / TrackingClicks; a repeat the store refused,
a HEAD, a forged token or tracking turned off counts nothing."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest

from chalicelib.metrics import TRACKING_CLICKS, TRACKING_OPENS, MetricsBuffer
from chalicelib.org_settings import OrgSettings, OrgState
from chalicelib.tracking import tokens
from chalicelib.tracking.hits import HitRequest, HotPath
from tests.unit.test_tracking_tokens import CLICK, KEYS, OPEN

NOW = 1_800_000_000.0


class Recorder:
    def __init__(self, stores: bool) -> None:
        self.stores = stores
        self.events: list[object] = []

    def record(self, event: object) -> bool:
        self.events.append(event)
        return self.stores


class Settings:
    def __init__(self, on: bool) -> None:
        self.on = on

    def state(self, org_id: str) -> OrgState:
        return OrgState(OrgSettings(email_tracking=self.on, link_tracking=self.on))


class Clock:
    def now(self) -> float:
        return NOW


def _hot_path(stores: bool = True, on: bool = True) -> tuple[HotPath, MetricsBuffer]:
    buffer = MetricsBuffer()
    hot_path = HotPath(KEYS, Settings(on), Recorder(stores), Clock(), 2**33, buffer)
    return hot_path, buffer


def _signed(claim: tokens.Claim) -> str:
    return tokens.sign(replace(claim, prepared_at=int(NOW) - 3600), KEYS)


def test_a_recorded_open_and_click_are_counted_once_each() -> None:
    hot_path, buffer = _hot_path()
    hot_path.open(_signed(OPEN), HitRequest(method="GET", user_agent="Mozilla/5.0"))
    hot_path.click(_signed(CLICK), HitRequest(method="GET", user_agent="Mozilla/5.0"))
    assert buffer.pending() == [(TRACKING_OPENS, 1.0), (TRACKING_CLICKS, 1.0)]


@pytest.mark.parametrize(
    ("stores", "on", "method"),
    [
        (False, True, "GET"),  # the store refused a repeat (same token, same second)
        (True, True, "HEAD"),  # a link checker: answered, never recorded
        (True, False, "GET"),  # the org turned tracking off
    ],
)
def test_what_is_not_recorded_is_not_counted(stores: bool, on: bool, method: str) -> None:
    hot_path, buffer = _hot_path(stores, on)
    hot_path.open(_signed(OPEN), HitRequest(method=method, user_agent="Mozilla/5.0"))
    assert buffer.pending() == []


def test_a_forged_token_is_not_counted() -> None:
    hot_path, buffer = _hot_path()
    others = tokens.SigningKeys.parse(f"k1:{base64.b64encode(b'x' * 32).decode()}")
    assert others is not None
    forged = tokens.sign(replace(OPEN, prepared_at=int(NOW) - 3600), others)
    hot_path.open(forged, HitRequest(method="GET", user_agent="Mozilla/5.0"))
    assert buffer.pending() == []


def test_a_link_signed_under_a_longer_retention_dies_with_todays_lifetime() -> None:
    # Given a link signed when retention was 180 days (its own expiry: 210 days on)
    day = 86400
    prepared = int(NOW) - 50 * day
    link = replace(CLICK, prepared_at=prepared, expires_at=prepared + 210 * day)
    token = tokens.sign(link, KEYS)
    request = HitRequest(method="GET", user_agent="Mozilla/5.0")
    # When retention is lowered to 10 days (lifetime 10 + 30 days of grace), 50 days on
    shorter = HotPath(KEYS, Settings(True), Recorder(True), Clock(), 10 * day, MetricsBuffer())
    # Then it no longer redirects, while under the old retention it still would
    assert shorter.click(token, request) is None
    longer = HotPath(KEYS, Settings(True), Recorder(True), Clock(), 180 * day, MetricsBuffer())
    assert longer.click(token, request) == CLICK.url
