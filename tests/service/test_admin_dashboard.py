"""The dashboard page over HTTP (the browser tests drive it in Chromium): who sees what, its
headers, the settings form with its CSRF token, its stylesheet; and the users listing."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from chalice.test import Client

from chalicelib.admin import assets
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn

SITE = "http://127.0.0.1:8999"  # sf_env's PUBLIC_BASE_URL
FORM = "application/x-www-form-urlencoded"


def _cookie(token: str) -> dict[str, str]:
    return {"Cookie": f"__Host-stratus_session={token}"}


def _page(client: Client, token: str, path: str = "/admin") -> Any:
    return client.http.get(path, headers=_cookie(token))


def _csrf_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([A-Za-z0-9_-]+)"', html)
    assert found, html[:500]
    return found.group(1)


def _text(response: Any) -> str:
    return bytes(response.body).decode("utf-8")


def _form(fields: dict[str, str]) -> dict[str, str]:
    """Every setting as the page submits it (the current values), changed by `fields`."""
    return {
        "days": "30",
        "email_logging": "email_message",
        "max_attachment_mb": "25",
        "drive_links": "activity",
        "excluded_domains": "",
        **fields,
    }


def _post(client: Client, token: str, fields: dict[str, str]) -> Any:
    headers = {**_cookie(token), "Content-Type": FORM, "Origin": SITE}
    return client.http.post("/admin", body=urlencode(fields).encode(), headers=headers)


def _follow(client: Client, token: str, redirect: Any) -> Any:
    """GET where a 303 points (or a path), as a browser after the form."""
    location = redirect if isinstance(redirect, str) else redirect.headers["Location"]
    response = client.http.get(location, headers=_cookie(token))
    assert response.status_code == 200, response.body
    return response


def _settings(client: Client, token: str) -> dict[str, Any]:
    response = client.http.get("/admin/settings", headers={"Authorization": f"Bearer {token}"})
    return dict(json.loads(response.body))


def test_the_page_is_html_under_a_strict_policy(client: Client, sign_in: SignIn) -> None:
    response = _page(client, sign_in("admin@acme.demo"))
    assert response.status_code == 200
    headers = response.headers
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Security-Policy"] == "default-src 'self'; frame-ancestors 'none'"
    assert headers["Cache-Control"] == "no-store" and headers["X-Frame-Options"] == "DENY"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    html = _text(response)
    assert "<script" not in html and "style=" not in html  # the CSP would refuse both
    assert f'href="{assets.stylesheet().path}"' in html
    assert 'href="/admin/usage.csv?from=' in html
    _csrf_token(html)


def test_without_a_session_the_page_links_to_the_sign_in(client: Client, sign_in: SignIn) -> None:
    response = client.http.get("/admin")
    assert response.status_code == 401
    assert response.headers["Content-Type"].startswith("text/html")
    assert 'href="/auth/salesforce/login?return_to=%2Fadmin"' in _text(response)


def test_a_user_who_is_not_an_admin_gets_a_403_page(client: Client, sign_in: SignIn) -> None:
    response = _page(client, sign_in("alice@acme.demo"))
    assert response.status_code == 403
    html = _text(response)
    assert "Only an administrator" in html and "csrf_token" not in html


def test_the_form_changes_a_setting_and_says_what_changed(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    token = _csrf_token(_text(_page(client, admin)))
    response = _post(client, admin, _form({"csrf_token": token, "email_tracking": "on"}))
    # a redirect to the page (POST/redirect/GET: a reload does not post again), which says it
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/admin?days=30&saved=email_tracking")
    html = _text(_follow(client, admin, response))
    assert "Settings saved." in html and "Email tracking: now on" in html
    assert _settings(client, admin)["email_tracking"] is True
    # the same form again changes nothing, and says so
    again = _post(client, admin, _form({"csrf_token": token, "email_tracking": "on"}))
    assert "Nothing changed." in _text(_follow(client, admin, again))
    # a `saved=` no save sends says nothing
    assert "Settings saved." not in _text(_follow(client, admin, "/admin?saved=nothing_real"))


def test_the_form_needs_the_sessions_own_token(client: Client, sign_in: SignIn) -> None:
    admin, other_admin = sign_in("admin@acme.demo"), sign_in("admin@acme.demo")
    others = _csrf_token(_text(_page(client, other_admin)))
    for token in ("", "x" * 86, others):
        response = _post(client, admin, _form({"csrf_token": token, "email_tracking": "on"}))
        assert response.status_code == 403, token
        assert "The form had expired: nothing was changed." in _text(response)
    assert _settings(client, admin)["email_tracking"] is False


def test_a_user_who_is_not_an_admin_cannot_post_the_form_with_their_own_token(
    client: Client, sign_in: SignIn
) -> None:
    from types import SimpleNamespace

    from chalicelib import csrf

    admin, alice = sign_in("admin@acme.demo"), sign_in("alice@acme.demo")
    # Given a valid token of alice's own session (she has no page to take one from)
    token = csrf.issue(SimpleNamespace(csrf_key=csrf.session_key(alice)))
    response = _post(client, alice, _form({"csrf_token": token, "email_tracking": "on"}))
    assert response.status_code == 403 and "Not allowed" in _text(response)
    assert _settings(client, admin)["email_tracking"] is False


def test_every_setting_is_a_labelled_field_and_users_choices_have_their_boxes(
    client: Client, sign_in: SignIn
) -> None:
    from chalicelib.admin.forms import OVERRIDE_FIELD
    from chalicelib.org_settings import OVERRIDABLE, SETTINGS

    html = _text(_page(client, sign_in("admin@acme.demo")))
    for setting in SETTINGS:
        assert f'<label for="setting-{setting.name}">' in html, setting.name
        assert re.search(f'id="setting-{setting.name}" name="{setting.name}"', html), setting.name
    for name in OVERRIDABLE:
        box = f'id="override-{name}" name="{OVERRIDE_FIELD}" value="{name}"'
        assert box in html and f'<label for="override-{name}">' in html, name


def test_a_refused_value_is_explained_in_words_and_nothing_is_saved(
    client: Client, sign_in: SignIn
) -> None:
    admin = sign_in("admin@acme.demo")
    token = _csrf_token(_text(_page(client, admin)))
    cases = {
        "max_attachment_mb": ("0", "Max attachment MB: Input should be greater than or equal to 1"),
        "excluded_domains": ("acme.demo\r\nno domain", "Excluded domains, line 2: 'no domain'"),
        "email_logging": ("fax", "Email logging: Input should be 'email_message' or 'task'"),
    }
    for name, (value, words) in cases.items():
        fields = _form({"csrf_token": token, "email_tracking": "on", name: value})
        response = _post(client, admin, fields)
        assert response.status_code == 400, name
        html = _text(response)
        assert "Nothing was saved." in html and words.replace("'", "&#x27;") in html, name
    assert _settings(client, admin)["email_tracking"] is False


def test_a_cross_site_form_is_refused_before_the_page(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    token = _csrf_token(_text(_page(client, admin)))
    headers = {**_cookie(admin), "Content-Type": FORM, "Origin": "https://evil.example"}
    body = urlencode(_form({"csrf_token": token, "email_tracking": "on"})).encode()
    response = client.http.post("/admin", body=body, headers=headers)
    assert response.status_code == 403
    assert json.loads(response.body)["error"]["code"] == "csrf_rejected"


def test_the_stylesheet_is_served_under_its_hash_with_a_long_cache(client: Client) -> None:
    sheet = assets.stylesheet()
    response = client.http.get(sheet.path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/css; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert bytes(response.body) == sheet.body
    assert client.http.get("/admin/assets/admin.0000000000000000.css").status_code == 404


def test_users_with_a_broken_connection_come_first(
    client: Client, sign_in: SignIn, stack: ProvisionedStack
) -> None:
    admin = sign_in("admin@acme.demo")
    sign_in("alice@acme.demo")
    bob = sign_in("bob@acme.demo")
    # Given bob's Salesforce connection was revoked
    me = json.loads(client.http.get("/me", headers={"Authorization": f"Bearer {bob}"}).body)
    pk, sk = keys.connection_key(me["org"]["id"], me["user"]["id"], "salesforce")
    boto3.client("dynamodb").update_item(
        TableName=stack.table_name,
        Key={"pk": {"S": pk}, "sk": {"S": sk}},
        UpdateExpression="SET #s = :r",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":r": {"S": "revoked"}},
    )
    # When the admin lists the users
    response = client.http.get("/admin/users", headers={"Authorization": f"Bearer {admin}"})
    assert response.status_code == 200
    users = json.loads(response.body)["users"]
    # Then bob comes first, then the others by name
    assert [u["email"] for u in users] == ["bob@acme.demo", "admin@acme.demo", "alice@acme.demo"]
    assert users[0]["broken"] is True
    assert users[0]["connections"] == {
        "salesforce": "revoked",
        "google": "not_connected",
        "microsoft": "not_connected",
    }
    assert users[1]["usage_30_days"] == {"emails_logged": 0, "lookups": 0, "tracked_messages": 0}
    assert users[1]["last_active"].endswith("Z")


def test_the_users_table_shows_each_users_calendar_sync_state(
    client: Client, sign_in: SignIn
) -> None:
    from chalicelib import deps
    from chalicelib.store.calendar_sync import CalendarSyncStore, SyncState

    admin = sign_in("admin@acme.demo")
    alice, bob = sign_in("alice@acme.demo"), sign_in("bob@acme.demo")
    # Given alice's calendar sync is on and failing, bob's was turned off, the admin never had one
    calendars = CalendarSyncStore(deps.store(), deps.envelope(), deps.clock())
    for token, state in ((alice, SyncState("", "", True, state="error")), (bob, SyncState("", ""))):
        me = json.loads(client.http.get("/me", headers={"Authorization": f"Bearer {token}"}).body)
        calendars.put(replace(state, org_id=me["org"]["id"], user_id=me["user"]["id"]))
    # When the admin lists the users, as JSON and on the page
    listed = client.http.get("/admin/users", headers={"Authorization": f"Bearer {admin}"})
    page = client.http.get("/admin", headers={"Authorization": f"Bearer {admin}"})
    # Then each row says its user's calendar sync state, in words on the page
    states = {u["email"]: u["calendar_sync"] for u in json.loads(listed.body)["users"]}
    assert states == {
        "admin@acme.demo": "disabled",
        "alice@acme.demo": "error",
        "bob@acme.demo": "disabled",
    }
    html = page.body.decode()
    assert '<th scope="col">Calendar sync</th>' in html
    assert "<td>Failing</td>" in html and html.count("<td>Off</td>") == 2


@pytest.mark.parametrize("query", ["days=7", "days=abc", "days="])
def test_a_period_the_page_cannot_show_is_answered_with_the_page_in_words(
    client: Client, sign_in: SignIn, query: str
) -> None:
    admin = sign_in("admin@acme.demo")
    response = client.http.get(f"/admin?{query}", headers={"Authorization": f"Bearer {admin}"})
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/html")
    html = response.body.decode()
    assert "That period cannot be shown." in html and "the last 30 or 90 days" in html
    assert 'aria-current="page">Last 30 days' in html
