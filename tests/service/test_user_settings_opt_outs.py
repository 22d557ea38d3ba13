"""Users' tracking opt-outs on the org's one item stay bounded (a 400 KB item serves every
write of the org's settings): pruned once no token they could stop still verifies, and beyond
MAX_OPT_OUTS kept per bucket of users, so no opted-out hit is ever recorded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.org_settings import (
    MAX_OPT_OUTS,
    OPT_OUT_BUCKET_PREFIX,
    OPT_OUT_BUCKETS,
    OPT_OUT_PREFIX,
    StoredOrgSettings,
    opt_out_bucket,
    revocation_tag,
)
from chalicelib.store import keys
from chalicelib.store.table import Store
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.fakes import FakeClock
from tests.service.test_tracking import CHROME, Tracking, _paths, tracking_app

ORG = "00D000000000001AAA"
LIFETIME = 210 * 86_400  # the longest a tracking token lives (retention + grace)
#: DynamoDB's item size limit (names and values, UTF-8).
ITEM_LIMIT = 400 * 1024


@pytest.fixture
def tracking(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    return tracking_app(client, sign_in, stack, monkeypatch)


def _size(item: dict[str, Any]) -> int:
    """An upper bound of the item's size as DynamoDB counts it (numbers as their digits)."""
    return sum(
        len(name.encode()) + len(json.dumps(value, default=str)) for name, value in item.items()
    )


def _user(n: int) -> str:
    return f"005{n:015d}"


def test_opt_outs_beyond_the_cap_go_to_their_bucket_and_still_stop_old_tokens(
    store: Store, clock: FakeClock
) -> None:
    settings = StoredOrgSettings(store, clock, max_opt_outs=5)
    prepared_at = int(clock.now())
    clock.advance(60)
    # When many users opt out of email tracking (more than the item keeps one by one)
    users = [_user(n) for n in range(40)]
    for user in users:
        settings.opt_out_of_tracking(ORG, user, "email_tracking", LIFETIME)
    # Then every write succeeded, the item keeps 5 one by one and the rest per bucket
    item = store.get(keys.org_settings_key(ORG)) or {}
    one_by_one = [n for n in item if n.startswith(OPT_OUT_PREFIX)]
    buckets = [n for n in item if n.startswith(OPT_OUT_BUCKET_PREFIX)]
    assert len(one_by_one) == 5
    assert 0 < len(buckets) <= 35
    # ... and every one of them has their tokens prepared before stopped; a later one is not
    state = settings.state(ORG)
    assert all(state.opted_out_since(u, "email_tracking", prepared_at) for u in users)
    assert not any(state.opted_out_since(u, "link_tracking", prepared_at) for u in users)
    assert not state.opted_out_since(users[-1], "email_tracking", int(clock.now()) + 1)
    # ... a user outside the opted-out buckets keeps their hits; one inside records none
    # (the bucket's price, never the other way)
    full = {n.rsplit("#", 1)[1] for n in buckets}
    others = [_user(n) for n in range(1000, 1100)]
    outside = next(u for u in others if opt_out_bucket(u) not in full)
    assert not state.opted_out_since(outside, "email_tracking", prepared_at)
    inside = next(u for u in others if opt_out_bucket(u) in full)
    assert state.opted_out_since(inside, "email_tracking", prepared_at)


def test_an_opt_out_already_kept_is_renewed_in_place_and_stale_ones_make_room(
    store: Store, clock: FakeClock
) -> None:
    settings = StoredOrgSettings(store, clock, max_opt_outs=3)
    first = [_user(n) for n in range(3)]
    for user in first:
        settings.opt_out_of_tracking(ORG, user, "email_tracking", LIFETIME)
    # When one of them opts out again: their own entry, not a bucket's
    clock.advance(10)
    settings.opt_out_of_tracking(ORG, first[0], "email_tracking", LIFETIME)
    item = store.get(keys.org_settings_key(ORG)) or {}
    assert not any(n.startswith(OPT_OUT_BUCKET_PREFIX) for n in item)
    assert item[f"{OPT_OUT_PREFIX}email_tracking#{revocation_tag(first[0])}"] == int(clock.now())
    # When no token they could stop still verifies, a new user's opt-out takes a stale place
    clock.advance(LIFETIME + 1)
    settings.opt_out_of_tracking(ORG, _user(99), "email_tracking", LIFETIME)
    item = store.get(keys.org_settings_key(ORG)) or {}
    assert [n for n in item if n.startswith(OPT_OUT_PREFIX)] == [
        f"{OPT_OUT_PREFIX}email_tracking#{revocation_tag(_user(99))}"
    ]
    assert not any(n.startswith(OPT_OUT_BUCKET_PREFIX) for n in item)


def test_the_org_item_at_its_bound_stays_far_under_dynamodbs_limit(
    store: Store, clock: FakeClock
) -> None:
    # Given an org item holding the most opt-outs it ever keeps: MAX_OPT_OUTS one by one and
    # every bucket of both kinds
    now = int(clock.now())
    item: dict[str, Any] = {"pk": keys.org_settings_key(ORG)[0], "sk": "SETTINGS"}
    for n in range(MAX_OPT_OUTS):
        item[f"{OPT_OUT_PREFIX}email_tracking#{revocation_tag(_user(n))}"] = now
    for setting in ("email_tracking", "link_tracking"):
        for bucket in range(OPT_OUT_BUCKETS):
            item[f"{OPT_OUT_BUCKET_PREFIX}{setting}#{bucket:02x}"] = now
    store.put(item)
    settings = StoredOrgSettings(store, clock)
    # When more users opt out of both kinds and the admin changes a setting
    for n in range(MAX_OPT_OUTS, MAX_OPT_OUTS + 50):
        for setting in ("email_tracking", "link_tracking"):
            settings.opt_out_of_tracking(ORG, _user(n), setting, LIFETIME)
    settings.change(ORG, {"email_tracking": True})
    # Then every write succeeded and the item did not grow past its bound (a quarter of
    # DynamoDB's limit leaves room for the deleted users' revocations)
    stored = store.get(keys.org_settings_key(ORG)) or {}
    assert len([n for n in stored if n.startswith(OPT_OUT_PREFIX)]) == MAX_OPT_OUTS
    assert _size(stored) < ITEM_LIMIT // 4
    assert settings.state(ORG).opted_out_since(_user(MAX_OPT_OUTS + 7), "link_tracking", now)


def test_a_user_who_opts_out_beyond_the_cap_gets_no_hit_recorded(tracking: Tracking) -> None:
    # Given an org that tracks, lets users choose, and already keeps MAX_OPT_OUTS opt-outs
    tracking.settings(email=True, link=True)
    admin = tracking.sign_in("admin@acme.demo")
    body = json.dumps({"user_overrides": ["email_tracking"]}).encode()
    tracking.client.http.put("/admin/settings", body=body, headers=tracking.auth(admin))
    store, key = deps.store(), keys.org_settings_key(_org_of(tracking, admin))
    item = dict(store.get(key) or {})
    now = int(tracking.clock.now())
    item.update(
        {
            f"{OPT_OUT_PREFIX}email_tracking#{revocation_tag(_user(n))}": now
            for n in range(MAX_OPT_OUTS)
        }
    )
    store.put(item)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    # When Alice turns email tracking off for herself
    body = json.dumps({"email_tracking": False}).encode()
    response = tracking.client.http.put("/me/settings", body=body, headers=tracking.auth(alice))
    assert response.status_code == 200, response.body
    # Then her opt-out is kept in her bucket, not one by one past the cap
    me = json.loads(tracking.client.http.get("/me", headers=tracking.auth(alice)).body)
    alice_id = str(me["user"]["id"])
    stored = store.get(key) or {}
    assert f"{OPT_OUT_PREFIX}email_tracking#{revocation_tag(alice_id)}" not in stored
    assert f"{OPT_OUT_BUCKET_PREFIX}email_tracking#{opt_out_bucket(alice_id)}" in stored
    assert len([n for n in stored if n.startswith(OPT_OUT_PREFIX)]) == MAX_OPT_OUTS
    # ... and her pixel already sent records nothing, even an hour later (past every cache)
    tracking.clock.advance(3600)
    before = len(tracking.events())
    pixel = _paths(html, "o")[0]
    answer = tracking.client.http.get(pixel, headers={"User-Agent": CHROME, "Accept": "*/*"})
    assert answer.status_code == 200
    assert len(tracking.events()) == before
    # ... and the admin can still change the org's settings
    body = json.dumps({"link_tracking": False}).encode()
    changed = tracking.client.http.put("/admin/settings", body=body, headers=tracking.auth(admin))
    assert changed.status_code == 200, changed.body


def _org_of(tracking: Tracking, token: str) -> str:
    me = json.loads(tracking.client.http.get("/me", headers=tracking.auth(token)).body)
    return str(me["org"]["id"])
