"""Per-user settings (`/me/settings`): refused by default, allowed per setting by the admin
(`user_overrides`), and honoured by tracking (prepare and the hot paths, with no extra read),
signature extraction, email logging's attachments and the dashboard's form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.org_settings import OrgSettings, OrgState
from chalicelib.store import keys
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.service.test_tracking import CHROME, Tracking, _paths, tracking_app


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _put(client: Client, path: str, token: str, body: dict[str, Any]) -> Any:
    return client.http.put(path, body=json.dumps(body).encode(), headers=_auth(token))


def _mine(client: Client, token: str) -> dict[str, Any]:
    response = client.http.get("/me/settings", headers=_auth(token))
    assert response.status_code == 200, response.body
    return dict(json.loads(response.body))


def _ids(client: Client, token: str) -> tuple[str, str]:
    me = json.loads(client.http.get("/me", headers=_auth(token)).body)
    return str(me["org"]["id"]), str(me["user"]["id"])


@pytest.fixture
def tracking(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    return tracking_app(client, sign_in, stack, monkeypatch)


def test_by_default_every_setting_comes_from_the_org_and_a_change_is_refused(
    client: Client, sign_in: SignIn
) -> None:
    alice = sign_in("alice@acme.demo")
    shown = _mine(client, alice)
    assert set(shown) == {
        "email_tracking",
        "link_tracking",
        "attachments",
        "signature_extraction",
        "calendar_sync",
    }
    assert shown["signature_extraction"] == {
        "value": True,
        "source": "org",
        "org_value": True,
        "may_override": False,
    }
    response = _put(client, "/me/settings", alice, {"email_tracking": True})
    assert response.status_code == 403
    assert "email_tracking" in json.loads(response.body)["error"]["message"]
    org_id, user_id = _ids(client, alice)
    assert deps.store().get(keys.user_settings_key(org_id, user_id)) is None


def test_an_allowed_choice_is_the_users_until_they_follow_the_org_again(
    client: Client, sign_in: SignIn
) -> None:
    # Given an admin who lets users choose email tracking and attachments
    admin = sign_in("admin@acme.demo")
    allowed = {"user_overrides": ["attachments", "email_tracking"]}
    response = _put(client, "/admin/settings", admin, allowed)
    assert response.status_code == 200, response.body
    assert json.loads(response.body)["user_overrides"] == ["email_tracking", "attachments"]
    alice = sign_in("alice@acme.demo")
    # When Alice turns email tracking on for herself
    response = _put(client, "/me/settings", alice, {"email_tracking": True})
    # Then it is on for her, from her own choice; link tracking is still refused
    assert response.status_code == 200, response.body
    mine = json.loads(response.body)
    assert mine["email_tracking"] == {
        "value": True,
        "source": "user",
        "org_value": False,
        "may_override": True,
    }
    assert mine["link_tracking"]["source"] == "org" and not mine["link_tracking"]["may_override"]
    refused = _put(client, "/me/settings", alice, {"link_tracking": True, "attachments": True})
    assert refused.status_code == 403
    assert _mine(client, alice)["attachments"]["source"] == "org"  # nothing of it written
    # null: she follows the org again
    again = _put(client, "/me/settings", alice, {"email_tracking": None})
    assert json.loads(again.body)["email_tracking"]["source"] == "org"


def test_a_choice_the_org_stops_allowing_follows_the_org(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    _put(client, "/admin/settings", admin, {"user_overrides": ["signature_extraction"]})
    alice = sign_in("alice@acme.demo")
    _put(client, "/me/settings", alice, {"signature_extraction": False})
    org_id, user_id = _ids(client, alice)
    assert deps.signature_extraction_enabled(org_id, user_id) is False
    _put(client, "/admin/settings", admin, {"user_overrides": []})
    assert _mine(client, alice)["signature_extraction"]["source"] == "org"
    assert deps.signature_extraction_enabled(org_id, user_id) is True


@pytest.mark.parametrize(
    "body",
    [
        {"user_overrides": ["excluded_domains"]},
        {"user_overrides": "email_tracking"},
    ],
)
def test_only_overridable_settings_can_be_left_to_users(
    client: Client, sign_in: SignIn, body: dict[str, Any]
) -> None:
    admin = sign_in("admin@acme.demo")
    response = _put(client, "/admin/settings", admin, body)
    assert response.status_code == 400
    assert (
        json.loads(client.http.get("/admin/settings", headers=_auth(admin)).body)["user_overrides"]
        == []
    )


@pytest.mark.parametrize("body", [{"email_tracking": 1}, {"excluded_domains": []}])
def test_a_users_change_is_validated(client: Client, sign_in: SignIn, body: dict[str, Any]) -> None:
    admin = sign_in("admin@acme.demo")
    _put(client, "/admin/settings", admin, {"user_overrides": ["email_tracking"]})
    response = _put(client, "/me/settings", sign_in("alice@acme.demo"), body)
    assert response.status_code == 400


def test_a_user_who_chose_tracking_gets_pixels_that_record_without_a_read(
    tracking: Tracking, aws_calls: AwsCallCounter
) -> None:
    # Given an org with tracking off that lets users choose it, and Alice who turned it on
    admin = tracking.sign_in("admin@acme.demo")
    _put(tracking.client, "/admin/settings", admin, {"user_overrides": ["email_tracking"]})
    alice = tracking.sign_in("alice@acme.demo")
    _put(tracking.client, "/me/settings", alice, {"email_tracking": True})
    bob = tracking.sign_in("bob@acme.demo")
    # When both prepare a message
    refused = tracking.prepare(bob, {"recipients": ["a@x.example"], "html": "<p>hi</p>"})
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    # Then Bob (the org's setting) is refused; Alice's pixel records, at no read
    assert refused.status_code == 403
    assert _paths(html, "o") and not _paths(html, "c")  # link tracking is still off
    aws_calls.attach(deps.hot_path_dynamodb_client())
    aws_calls.attach(deps.dynamodb_client())
    tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})  # warms
    tracking.clock.advance(30)
    aws_calls.reset()
    tracking.client.http.get(_paths(html, "o")[0], headers={"User-Agent": CHROME})
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}
    assert len(tracking.events()) == 2


def test_a_user_who_turned_tracking_off_gets_no_pixel(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    admin = tracking.sign_in("admin@acme.demo")
    _put(tracking.client, "/admin/settings", admin, {"user_overrides": ["email_tracking"]})
    alice = tracking.sign_in("alice@acme.demo")
    _put(tracking.client, "/me/settings", alice, {"email_tracking": False})
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    assert not _paths(html, "o") and _paths(html, "c")


def _hit(tracking: Tracking, path: str) -> int:
    """Load a pixel or follow a link an hour later (past the settings cache): events added."""
    tracking.clock.advance(3600)
    before = len(tracking.events())
    response = tracking.client.http.get(path, headers={"User-Agent": CHROME, "Accept": "*/*"})
    assert response.status_code in (200, 302), response.status_code
    return len(tracking.events()) - before


def test_the_orgs_switch_stops_pixels_and_links_already_sent(tracking: Tracking) -> None:
    # Given an org that tracks and lets users choose, and a message Alice prepared then
    tracking.settings(email=True, link=True)
    admin = tracking.sign_in("admin@acme.demo")
    overrides = {"user_overrides": ["email_tracking", "link_tracking"]}
    _put(tracking.client, "/admin/settings", admin, overrides)
    alice = tracking.sign_in("alice@acme.demo")
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    assert _hit(tracking, _paths(html, "o")[0]) == 1
    # When the admin turns tracking off
    off = {"email_tracking": False, "link_tracking": False}
    assert _put(tracking.client, "/admin/settings", admin, off).status_code == 200
    # Then the pixel and the link already sent record nothing (the link still leads on)
    assert _hit(tracking, _paths(html, "o")[0]) == 0
    assert _hit(tracking, _paths(html, "c")[0]) == 0


def test_a_users_opt_out_stops_their_pixels_already_sent_not_others(tracking: Tracking) -> None:
    # Given an org that tracks and lets users choose, and messages of Alice and Bob
    tracking.settings(email=True, link=True)
    admin = tracking.sign_in("admin@acme.demo")
    _put(tracking.client, "/admin/settings", admin, {"user_overrides": ["email_tracking"]})
    alice, bob = tracking.sign_in("alice@acme.demo"), tracking.sign_in("bob@acme.demo")
    alices = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    bobs = tracking.prepared(bob, ["a@x.example"])["recipients"][0]["html"]
    # When Alice turns email tracking off for herself
    opted_out = _put(tracking.client, "/me/settings", alice, {"email_tracking": False})
    assert opted_out.status_code == 200
    # Then her pixel already sent records nothing; her links and Bob's pixel still do
    assert _hit(tracking, _paths(alices, "o")[0]) == 0
    assert _hit(tracking, _paths(alices, "c")[0]) == 1
    assert _hit(tracking, _paths(bobs, "o")[0]) == 1
    # and once she turns it on again, only what she prepares from then on records
    _put(tracking.client, "/me/settings", alice, {"email_tracking": True})
    tracking.clock.advance(1)
    fresh = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    assert _hit(tracking, _paths(alices, "o")[0]) == 0
    assert _hit(tracking, _paths(fresh, "o")[0]) == 1


def test_a_users_own_choice_records_only_while_the_org_lets_users_choose(
    tracking: Tracking,
) -> None:
    # Given an org with tracking off that lets users choose, and Alice who chose it
    admin = tracking.sign_in("admin@acme.demo")
    _put(tracking.client, "/admin/settings", admin, {"user_overrides": ["email_tracking"]})
    alice = tracking.sign_in("alice@acme.demo")
    _put(tracking.client, "/me/settings", alice, {"email_tracking": True})
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    assert _hit(tracking, _paths(html, "o")[0]) == 1
    # When the admin takes the choice back
    _put(tracking.client, "/admin/settings", admin, {"user_overrides": []})
    # Then her pixel already sent records nothing
    assert _hit(tracking, _paths(html, "o")[0]) == 0


def test_email_logging_applies_the_users_attachments_choice(
    client: Client, sign_in: SignIn
) -> None:
    admin = sign_in("admin@acme.demo")
    _put(client, "/admin/settings", admin, {"user_overrides": ["attachments"]})
    alice = sign_in("alice@acme.demo")
    _put(client, "/me/settings", alice, {"attachments": True})
    org_id, user_id = _ids(client, alice)
    state = deps._stored_org_settings().state(org_id)
    bob_id = _ids(client, sign_in("bob@acme.demo"))[1]
    # the collaborator email logging is given (chalicelib/emails/log.py: for_user)
    assert deps.user_settings().for_user(state, org_id, user_id).attachments is True
    assert deps.user_settings().for_user(state, org_id, bob_id).attachments is False
    # an org that lets nobody choose costs no read of the user's item
    plain = OrgState(OrgSettings(attachments=False))
    assert deps.user_settings().for_user(plain, org_id, user_id) is plain.settings


def test_a_users_choices_go_with_their_account(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    _put(client, "/admin/settings", admin, {"user_overrides": ["calendar_sync"]})
    alice = sign_in("alice@acme.demo")
    _put(client, "/me/settings", alice, {"calendar_sync": False})
    org_id, user_id = _ids(client, alice)
    assert deps.store().get(keys.user_settings_key(org_id, user_id)) is not None
    assert client.http.delete("/me", headers=_auth(alice)).status_code == 200
    assert deps.store().get(keys.user_settings_key(org_id, user_id)) is None


def test_the_dashboard_form_sets_which_settings_users_may_choose(
    client: Client, sign_in: SignIn
) -> None:
    from tests.service.test_admin_dashboard import _csrf_token, _follow, _form, _page, _post, _text

    admin = sign_in("admin@acme.demo")
    html = _text(_page(client, admin))
    assert 'id="override-email_tracking" name="override" value="email_tracking">' in html
    assert 'id="override-excluded_domains"' not in html  # not a setting users may choose
    fields = {"csrf_token": _csrf_token(html), "signature_extraction": "on", "calendar_sync": "on"}
    form = _form(fields) | {"override": "link_tracking"}
    saved = _post(client, admin, form)
    assert saved.status_code == 303
    assert "User overrides: now link_tracking" in _text(_follow(client, admin, saved))
    assert 'value="link_tracking" checked>' in _text(_page(client, admin))
    assert json.loads(client.http.get("/admin/settings", headers=_auth(admin)).body)[
        "user_overrides"
    ] == ["link_tracking"]
    refused = _post(client, admin, _form(fields) | {"override": "max_attachment_mb"})
    assert refused.status_code == 400
    assert "users cannot choose &#x27;max_attachment_mb&#x27;" in _text(refused)


def test_calendar_sync_follows_the_users_own_choice(client: Client, sign_in: SignIn) -> None:
    # Given an org with calendar sync on that lets users choose it, and Alice who turned it off
    admin = sign_in("admin@acme.demo")
    _put(client, "/admin/settings", admin, {"user_overrides": ["calendar_sync"]})
    alice = sign_in("alice@acme.demo")
    _put(client, "/me/settings", alice, {"calendar_sync": False})
    # When she turns calendar sync on, Then it is refused as the org's "off" would be
    body = {"enabled": True, "provider": "google", "direction": "both"}
    response = _put(client, "/me/calendar-sync", alice, body)
    assert response.status_code == 403, response.body
    assert json.loads(response.body)["error"]["code"] == "calendar_sync_disabled"
    # ... while Bob, who follows the org, is not refused for that reason
    bob = sign_in("bob@acme.demo")
    other = _put(client, "/me/calendar-sync", bob, body)
    assert json.loads(other.body)["error"]["code"] != "calendar_sync_disabled"
