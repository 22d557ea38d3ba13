"""Tracking links that end (expiry, revocation at account deletion), locations only from our
CloudFront, and crafted input answered 400 rather than 500 (issue 9, findings 4, 5, 7)."""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import quote

import pytest
from chalice.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib import deps
from chalicelib.org_settings import REVOKED_PREFIX, StoredOrgSettings, revocation_tag
from chalicelib.store import keys
from chalicelib.store.table import Store
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.fakes import FakeClock
from tests.service.test_tracking import (
    CHROME,
    ORIGIN_SECRET,
    Tracking,
    _code,
    _json,
    _org,
    _paths,
    tracking_app,
)

KEEP = 210 * 86400  # how long a revocation must outlive the deletion: a token's lifetime


@pytest.fixture
def tracking(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    return tracking_app(client, sign_in, stack, monkeypatch)


def _me(tracking: Tracking, token: str) -> tuple[str, str]:
    me = _json(tracking.client.http.get("/me", headers=tracking.auth(token)))
    return str(me["org"]["id"]), str(me["user"]["id"])


# -- revocation --------------------------------------------------------------------------------


def test_another_containers_account_deletion_stops_links_within_the_cache_minute(
    tracking: Tracking, aws_calls: AwsCallCounter
) -> None:
    # Given alice's message whose link this container has followed (the org's state cached)
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    link = _paths(html, "c")[0]
    tracking.clock.advance(60)
    aws_calls.attach(deps.hot_path_dynamodb_client())
    assert tracking.client.http.get(link, headers={"User-Agent": CHROME}).status_code == 302
    # When her account is deleted in another container (which revokes her links on the org's
    # item; this container's cache does not know yet)
    org, user = _me(tracking, alice)
    StoredOrgSettings(deps.store(), tracking.clock).revoke_tracking_links(org, user, KEEP)
    # Then the link keeps redirecting for at most the cache's minute, without a read per click
    tracking.clock.advance(30)
    aws_calls.reset()
    assert tracking.client.http.get(link, headers={"User-Agent": CHROME}).status_code == 302
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}  # the event, no read
    tracking.clock.advance(31)
    stopped = tracking.client.http.get(link, headers={"User-Agent": CHROME})  # reads the org
    assert stopped.status_code == 404 and "Location" not in stopped.headers
    # ... and once known, a revoked link costs no read and no write
    aws_calls.reset()
    assert tracking.client.http.get(link, headers={"User-Agent": CHROME}).status_code == 404
    assert dict(aws_calls.calls) == {}


def test_links_prepared_after_the_revocation_work(tracking: Tracking) -> None:
    # Given alice's links revoked (her account was deleted, and she signed up again later)
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    old = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    org, user = _me(tracking, alice)
    StoredOrgSettings(deps.store(), tracking.clock).revoke_tracking_links(org, user, KEEP)
    deps.org_settings_cache().forget(org)
    tracking.clock.advance(5)
    # When she prepares a new message
    new = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    tracking.clock.advance(60)
    # Then its links redirect and its pixel records, while the old ones stay dead
    assert tracking.client.http.get(_paths(new, "c")[0]).status_code == 302
    assert tracking.client.http.get(_paths(old, "c")[0]).status_code == 404
    tracking.client.http.get(_paths(new, "o")[0], headers={"User-Agent": CHROME})
    tracking.client.http.get(_paths(old, "o")[0], headers={"User-Agent": CHROME})
    assert [e["recipient"]["N"] for e in tracking.events()] == ["0", "0"]  # the new pixel, click


def test_account_deletion_leaves_only_a_one_way_tag_of_the_user(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    org, user = _me(tracking, alice)
    assert tracking.client.http.delete("/me", headers=tracking.auth(alice)).status_code == 200
    (settings_item,) = [i for i in tracking.items() if i["pk"]["S"] == keys.org_pk(org)]
    revoked = {k: v for k, v in settings_item.items() if k.startswith(REVOKED_PREFIX)}
    assert list(revoked) == [REVOKED_PREFIX + revocation_tag(user)]
    assert user not in str(tracking.items())


def test_revocations_older_than_a_tokens_lifetime_are_pruned(
    store: Store, clock: FakeClock
) -> None:
    # Given users deleted over the months, each revocation written by the next deletion
    org_settings = StoredOrgSettings(store, clock)
    org_settings.change("00Dorg", {"email_tracking": True})
    for user in ("005a", "005b", "005c"):
        org_settings.revoke_tracking_links("00Dorg", user, KEEP)
        clock.advance(KEEP / 2 + 1)
    # When one more user is deleted
    org_settings.revoke_tracking_links("00Dorg", "005d", KEEP)
    # Then only the revocations that can still matter are kept (c, deleted half a lifetime
    # ago, and d), and the settings are untouched
    state = org_settings.state("00Dorg")
    assert set(state.revoked) == {revocation_tag("005c"), revocation_tag("005d")}
    assert state.settings.email_tracking


def test_a_revocation_is_never_moved_back_in_time(store: Store, clock: FakeClock) -> None:
    org_settings = StoredOrgSettings(store, clock)
    org_settings.revoke_tracking_links("00Dorg", "005a", KEEP)
    later = org_settings.state("00Dorg").revoked[revocation_tag("005a")] + 100
    store.update(
        keys.org_settings_key("00Dorg"),
        "SET #r = :t",
        {":t": later},
        {"#r": REVOKED_PREFIX + revocation_tag("005a")},
    )
    org_settings.revoke_tracking_links("00Dorg", "005a", KEEP)  # a late retry of the hook
    assert org_settings.state("00Dorg").revoked[revocation_tag("005a")] == later


# -- location ----------------------------------------------------------------------------------


def _located(tracking: Tracking, headers: dict[str, str]) -> Any:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    prepared = tracking.prepared(alice, ["a@x.example"])
    tracking.clock.advance(3600)
    pixel = _paths(prepared["recipients"][0]["html"], "o")[0]
    assert tracking.client.http.get(pixel, headers={"User-Agent": CHROME, **headers}).status_code
    report = _json(tracking.report(alice, prepared["id"]))
    assert report["recipients"][0]["opens"] == 1
    return report["recipients"][0]["location"]


VIEWER = {
    "CloudFront-Viewer-Country": "US",
    "CloudFront-Viewer-Country-Region": "WA",
    "CloudFront-Viewer-City": "Seattle",
}


@pytest.mark.parametrize("presented", [None, "", "wrong", ORIGIN_SECRET + "x", ORIGIN_SECRET[:-1]])
def test_viewer_headers_from_anyone_but_our_cloudfront_are_ignored(
    tracking: Tracking, presented: str | None
) -> None:
    headers = {**VIEWER, **({"X-Origin-Secret": presented} if presented is not None else {})}
    assert _located(tracking, headers) is None


def test_viewer_headers_through_our_cloudfront_are_kept(tracking: Tracking) -> None:
    headers = {**VIEWER, "X-Origin-Secret": ORIGIN_SECRET}
    assert _located(tracking, headers) == {"country": "US", "region": "WA", "city": "Seattle"}


def test_without_a_configured_secret_no_viewer_header_is_trusted(
    tracking: Tracking, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLOUDFRONT_ORIGIN_SECRET")
    deps.reset()
    assert _located(tracking, {**VIEWER, "X-Origin-Secret": ""}) is None


def test_malformed_viewer_values_are_dropped_even_from_our_cloudfront(tracking: Tracking) -> None:
    headers = {
        "X-Origin-Secret": ORIGIN_SECRET,
        "CloudFront-Viewer-Country": "<b>",
        "CloudFront-Viewer-Country-Region": "WA",
        "CloudFront-Viewer-City": quote("Sea\u202ettle<script>"),
    }
    assert _located(tracking, headers) is None


# -- crafted input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://[fe80::1%25\u00e9]/",
        "http://[fe80::1%25eth0]/x",
        "http://[fe80::1%\u00e9]/",
        "https://[v1.x]/",
        "https://a[b]/",
        "https://[::1]x/",
    ],
)
def test_a_link_to_an_address_a_browser_refuses_is_left_alone_not_a_500(
    tracking: Tracking, url: str
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = f'<p><a href="{url}">zone</a> <a href="https://example.com/ok">ok</a></p>'
    response = tracking.prepare(alice, {"recipients": ["a@x.example"], "html": html})
    assert response.status_code == 201, response.body
    copy = _json(response)["recipients"][0]["html"]
    assert f'href="{url}"' in copy and len(_paths(copy, "c")) == 1


def _cursor(key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _crafted_cursors(pk: str) -> list[str]:
    good = {"pk": pk, "sk": "TEVT#x", "gsi1pk": pk, "gsi1sk": "TACT#1#x#y"}
    return [
        _cursor({**good, "gsi1sk": 123}),  # a number where DynamoDB holds a string
        _cursor({**good, "gsi1sk": True}),
        _cursor({**good, "sk": 1.5}),
        _cursor({**good, "sk": 10**400}),
        _cursor({**good, "gsi1sk": "OTHER#1"}),  # outside the query's prefix
        _cursor({**good, "gsi1pk": "USER#other#user"}),  # another partition
        _cursor({k: v for k, v in good.items() if k != "sk"}),  # a key attribute missing
        _cursor({**good, "extra": "x"}),
        _cursor({**good, "sk": ""}),
        _cursor({**good, "sk": "x" * 1025}),
        _cursor({**good, "gsi1sk": "TACT#\ud800"}),  # a lone surrogate
        _cursor({**good, "gsi1sk": ["TACT#"]}),
        _cursor({**good, "pk": None}),
        _cursor([good]),
        _cursor("TACT#"),
        _cursor(None),
        "eyJwayI6",  # truncated JSON
        "%%%",
        "\u00e9\u00e9\u00e9\u00e9",
        "A" * 2049,
        "[" * 1500,
    ]


def test_crafted_activity_cursors_are_400_never_500(tracking: Tracking) -> None:
    alice = tracking.sign_in("alice@acme.demo")
    org, user = _me(tracking, alice)
    for cursor in _crafted_cursors(keys.user_pk(org, user)):
        response = tracking.client.http.get(
            f"/tracking/activity?cursor={quote(cursor)}", headers=tracking.auth(alice)
        )
        assert response.status_code == 400, (cursor, response.body)
        assert _code(response) == "validation_error"


def test_a_cursor_the_feed_gave_still_pages(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example", "b@x.example"])["recipients"]
    for copy in html:
        tracking.clock.advance(10)
        tracking.client.http.get(_paths(copy["html"], "o")[0], headers={"User-Agent": CHROME})
    first = _json(
        tracking.client.http.get("/tracking/activity?limit=1", headers=tracking.auth(alice))
    )
    second = tracking.client.http.get(
        f"/tracking/activity?limit=1&cursor={first['cursor']}", headers=tracking.auth(alice)
    )
    assert second.status_code == 200 and len(_json(second)["events"]) == 1
    assert _org(tracking, alice)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    key=st.dictionaries(
        st.sampled_from(["pk", "sk", "gsi1pk", "gsi1sk", "x"]),
        st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans(), st.none()),
    )
)
def test_no_cursor_built_from_any_json_key_is_a_500(
    tracking: Tracking, key: dict[str, Any]
) -> None:
    alice = tracking.sign_in("alice@acme.demo")
    response = tracking.client.http.get(
        f"/tracking/activity?cursor={quote(_cursor(key))}", headers=tracking.auth(alice)
    )
    assert response.status_code in (200, 400), response.body
