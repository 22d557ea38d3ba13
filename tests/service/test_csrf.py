"""Cross-site request forgery (issue 9, finding 1): every unsafe route of the app, attacked with
a signed-in victim's cookie, and the shapes that must keep working (chalicelib/csrf.py)."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from chalice.test import Client

from chalicelib import csrf, deps
from chalicelib.cookies import SESSION_COOKIE
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn

SITE = "http://127.0.0.1:8999"  # PUBLIC_BASE_URL of the sign_in fixture
CLIENT_ORIGIN = "https://sidebar.example"
EVIL = "https://evil.example"
KEY = base64.b64encode(b"c" * 32).decode()
HTML = '<p>Hi <a href="https://example.com/pricing">pricing</a></p>'
# a body each route would accept, so a request that got past the check would do real work
BODIES: dict[str, dict[str, Any]] = {
    "/tracking/messages": {"subject": "Hi", "recipients": ["hank@globex.example"], "html": HTML},
    "/lookup": {"emails": ["hank.scorpio@globex.com"]},
    "/admin/settings": {"email_tracking": False, "link_tracking": False},
}


def _unsafe_routes() -> list[tuple[str, str]]:
    """Every (method, path) of the app with an unsafe method, fallbacks included: a route added
    later is attacked here without anyone listing it."""
    from app import app

    return [
        (method, re.sub(r"{\w+}", "x", path))
        for path, methods in sorted(app.routes.items())
        for method in sorted(methods)
        if method in csrf.UNSAFE_METHODS
    ]


def _body(path: str) -> bytes:
    return json.dumps(BODIES.get(path, {})).encode()


def _cookie(token: str) -> dict[str, str]:
    return {"Cookie": f"theme=dark; {SESSION_COOKIE}={token}"}


def _code(response: Any) -> str:
    return str(json.loads(response.body)["error"]["code"])


def _table(stack: ProvisionedStack) -> list[dict[str, Any]]:
    client = boto3.client("dynamodb")
    items: list[dict[str, Any]] = []
    for page in client.get_paginator("scan").paginate(TableName=stack.table_name):
        items.extend(page["Items"])
    return sorted(items, key=lambda item: (item["pk"]["S"], item["sk"]["S"]))


@pytest.fixture
def app_client(
    client: Client, sign_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Client]:
    """The app signed in through the emulator, with tracking configured and a client origin."""
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", f"c1:{KEY}")
    monkeypatch.setenv("STRATUS_CORS_ORIGINS", CLIENT_ORIGIN)
    deps.reset()
    yield client


@pytest.fixture
def admin(app_client: Client, sign_in: SignIn) -> str:
    """A signed-in admin whose org has tracking on (so every route would act if reached)."""
    token = sign_in("admin@acme.demo")
    response = app_client.http.put(
        "/admin/settings",
        body=json.dumps({"email_tracking": True, "link_tracking": True}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.body
    return token


BYPASSES = {
    "foreign-origin-text-plain": {"Origin": EVIL, "Content-Type": "text/plain; application/json"},
    "foreign-origin-no-type": {"Origin": EVIL},
    "no-origin-fetch-cross-site": {"Sec-Fetch-Site": "cross-site"},
    "no-origin-fetch-same-site": {"Sec-Fetch-Site": "same-site", "Content-Type": "text/plain"},
    "null-origin": {"Origin": "null", "Content-Type": "application/json"},
    "nothing-said": {"Content-Type": "application/json"},
    "nothing-said-no-type": {},
    "foreign-origin-like-ours": {"Origin": "http://127.0.0.1:8999.evil.example"},
    "foreign-origin-json": {"Origin": EVIL, "Content-Type": "application/json"},
}


@pytest.mark.parametrize("shape", sorted(BYPASSES))
def test_every_unsafe_route_refuses_the_cookie_from_another_site(
    app_client: Client, admin: str, stack: ProvisionedStack, shape: str
) -> None:
    # Given a signed-in admin's browser and a table with their session, profile and connection
    before = _table(stack)
    routes = _unsafe_routes()
    assert {("POST", "/auth/logout"), ("DELETE", "/me"), ("POST", "/lookup")} <= set(routes)
    for method, path in routes:
        # When another site makes the browser send an unsafe request with the cookie
        headers = {**_cookie(admin), **BYPASSES[shape]}
        response = app_client.http.request(method, path, body=_body(path), headers=headers)
        # Then it is refused before any route runs
        assert response.status_code == 403, (method, path, response.body)
        assert _code(response) == "csrf_rejected"
        assert "Access-Control-Allow-Origin" not in response.headers
    # and nothing changed: the session lives, no message was prepared, no setting turned off
    assert _table(stack) == before
    me = app_client.http.get("/me", headers={"Authorization": f"Bearer {admin}"})
    assert me.status_code == 200


@pytest.mark.parametrize(
    "where",
    [
        {"Origin": SITE},
        {"Origin": CLIENT_ORIGIN},
        {"Sec-Fetch-Site": "same-origin"},
        {"Origin": "HTTP://127.0.0.1:8999"},  # an origin is case-insensitive in scheme and host
    ],
    ids=["same-origin", "client-origin", "fetch-same-origin", "origin-case"],
)
def test_the_cookie_from_this_site_or_a_client_origin_still_works(
    app_client: Client, admin: str, where: dict[str, str]
) -> None:
    headers = {**_cookie(admin), **where, "Content-Type": "application/json"}
    # When the site itself (or a configured client) prepares a message and looks someone up
    prepared = app_client.http.post(
        "/tracking/messages", body=_body("/tracking/messages"), headers=headers
    )
    looked_up = app_client.http.post("/lookup", body=_body("/lookup"), headers=headers)
    # Then both are served
    assert prepared.status_code == 201, prepared.body
    assert looked_up.status_code == 200, looked_up.body
    # and signing out works, ending the session
    assert app_client.http.post("/auth/logout", headers=headers).status_code == 204
    assert app_client.http.get("/me", headers=_cookie(admin) | where).status_code == 401


def test_a_configured_client_origin_gets_its_cors_headers_on_an_unsafe_request(
    app_client: Client, admin: str
) -> None:
    headers = {**_cookie(admin), "Origin": CLIENT_ORIGIN, "Content-Type": "application/json"}
    response = app_client.http.post("/lookup", body=_body("/lookup"), headers=headers)
    assert response.status_code == 200, response.body
    assert response.headers["Access-Control-Allow-Origin"] == CLIENT_ORIGIN


@pytest.mark.parametrize("where", [{"Origin": EVIL}, {"Sec-Fetch-Site": "cross-site"}, {}])
def test_a_bearer_token_works_from_anywhere(
    app_client: Client, admin: str, where: dict[str, str]
) -> None:
    # Given a mobile client (or a script) authenticated by Bearer, with a cookie beside it
    headers = {
        "Authorization": f"Bearer {admin}",
        "Content-Type": "application/json",
        **_cookie("whatever"),
        **where,
    }
    # When it calls unsafe routes from wherever it is
    prepared = app_client.http.post(
        "/tracking/messages", body=_body("/tracking/messages"), headers=headers
    )
    logout = app_client.http.post("/auth/logout", headers=headers)
    # Then nothing about it changed
    assert prepared.status_code == 201, prepared.body
    assert logout.status_code == 204


def test_requests_without_a_session_are_not_judged(app_client: Client) -> None:
    # Given no session cookie at all, from another site
    for method, path in _unsafe_routes():
        response = app_client.http.request(
            method,
            path,
            body=_body(path),
            headers={"Origin": EVIL, "Content-Type": "application/json", "Cookie": "theme=dark"},
        )
        # Then it is answered as any stranger is: 401 where a session is needed, never a 403
        assert response.status_code in {204, 401, 404}, (method, path, response.body)
    assert app_client.http.post("/auth/logout", headers={"Origin": EVIL}).status_code == 204


def test_a_cross_site_logout_does_not_sign_the_victim_out(
    app_client: Client, sign_in: SignIn
) -> None:
    token = sign_in()
    response = app_client.http.post("/auth/logout", headers={**_cookie(token), "Origin": EVIL})
    assert response.status_code == 403
    assert "Set-Cookie" not in response.headers
    assert app_client.http.get("/me", headers=_cookie(token)).status_code == 200


def _token_for(token: str) -> str:
    principal = deps.sessions().resolve(token)
    assert principal is not None
    return csrf.issue(principal)


def test_a_csrf_token_lets_a_request_that_names_no_origin_through(
    app_client: Client, admin: str
) -> None:
    # Given a browser (or a privacy tool) that sends neither Origin nor Fetch Metadata
    headers = {**_cookie(admin), "Content-Type": "application/json"}
    # When the dashboard's script sends the token in the header
    with_header = {**headers, csrf.HEADER: _token_for(admin)}
    response = app_client.http.post("/lookup", body=_body("/lookup"), headers=with_header)
    # Then it is served; with `Origin: null` too
    assert response.status_code == 200, response.body
    with_null = {**with_header, "Origin": "null"}
    response = app_client.http.post("/lookup", body=_body("/lookup"), headers=with_null)
    assert response.status_code == 200, response.body
    assert _code(app_client.http.post("/lookup", body=b"{}", headers=headers)) == "csrf_rejected"


def test_a_form_posting_its_csrf_token_signs_out(app_client: Client, sign_in: SignIn) -> None:
    # Given the dashboard's sign-out form (a urlencoded body with the token field)
    token = sign_in()
    form = f"{csrf.FORM_FIELD}={_token_for(token)}".encode()
    headers = {**_cookie(token), "Content-Type": csrf.FORM_TYPE}
    # When it is posted by a browser that sends no Origin
    response = app_client.http.post("/auth/logout", body=form, headers=headers)
    # Then the session ends
    assert response.status_code == 204, response.body
    assert app_client.http.get("/me", headers=_cookie(token)).status_code == 401


def test_a_csrf_token_does_not_help_another_site_or_another_session(
    app_client: Client, sign_in: SignIn
) -> None:
    alice, mallory = sign_in("alice@acme.demo"), sign_in("bob@acme.demo")
    refused = [
        # a valid token cannot overrule a foreign Origin (the browser says it is cross-site)
        {**_cookie(alice), "Origin": EVIL, csrf.HEADER: _token_for(alice)},
        {**_cookie(alice), "Sec-Fetch-Site": "cross-site", csrf.HEADER: _token_for(alice)},
        # another session's token (the attacker's own) is not the victim's
        {**_cookie(alice), csrf.HEADER: _token_for(mallory)},
        # with a planted second cookie, its token might not be the authenticating session's
        {
            "Cookie": f"{SESSION_COOKIE}={mallory}; {SESSION_COOKIE}={alice}",
            csrf.HEADER: _token_for(mallory),
        },
        {**_cookie(alice), csrf.HEADER: "A" * 86},
        {**_cookie(alice), csrf.HEADER: _token_for(alice)[:-1]},
    ]
    for headers in refused:
        response = app_client.http.post("/auth/logout", headers=headers)
        assert response.status_code == 403, headers
    assert app_client.http.get("/me", headers=_cookie(alice)).status_code == 200


def test_each_issued_token_differs_and_each_verifies(app_client: Client, sign_in: SignIn) -> None:
    token = sign_in()
    issued = {_token_for(token) for _ in range(20)}
    assert len(issued) == 20  # masked afresh: a compressed page cannot leak it (BREACH)
    assert all(csrf.verify(token, value) for value in issued)


def test_the_oauth_callback_from_salesforce_is_not_judged(sign_in: SignIn) -> None:
    # Salesforce sends the browser back with a cross-site top-level GET
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    nonce = f"__Secure-stratus_oauth={sign_in.browser_nonce}"
    response = sign_in.client.http.get(
        f"/auth/salesforce/callback?{urlencode(params)}",
        headers={"Cookie": nonce, "Sec-Fetch-Site": "cross-site", "Origin": "null"},
    )
    assert response.status_code == 302, response.body


# -- JSON bodies: exactly application/json -----------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain; application/json",
        "text/plain",
        None,
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin-1",
        "application/jsonp",
        "application/json, text/plain",
        "application/vnd.api+json",
    ],
)
def test_a_json_body_of_another_declared_type_is_415(
    app_client: Client, admin: str, content_type: str | None
) -> None:
    # Given a same-origin request (the CSRF check passes), declaring another type
    headers = {**_cookie(admin), "Origin": SITE}
    if content_type is not None:
        headers["Content-Type"] = content_type
    for path, method in [("/lookup", "POST"), ("/tracking/messages", "POST")]:
        response = app_client.http.request(method, path, body=_body(path), headers=headers)
        assert response.status_code == 415, (path, content_type, response.body)
        assert _code(response) == "unsupported_media_type"
    bearer = {"Authorization": f"Bearer {admin}", "Origin": EVIL}
    if content_type is not None:
        bearer["Content-Type"] = content_type
    assert app_client.http.post("/lookup", body=_body("/lookup"), headers=bearer).status_code == 415


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"],
)
def test_application_json_with_or_without_utf_8_is_accepted(
    app_client: Client, admin: str, content_type: str
) -> None:
    headers = {"Authorization": f"Bearer {admin}", "Content-Type": content_type}
    response = app_client.http.post("/lookup", body=_body("/lookup"), headers=headers)
    assert response.status_code == 200, response.body


SUBRESOURCE = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}


def test_another_sites_image_cannot_spend_the_victims_salesforce_calls(
    app_client: Client, sign_in: SignIn
) -> None:
    # Given alice signed in in her browser
    token = sign_in("alice@acme.demo")
    emu = sign_in.salesforce.emu
    emu.reset_counters()
    # When another site's page embeds <img src=".../lookup?email=..."> (her cookie goes along)
    iframe = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"}  # a hidden iframe
    for site, extra in (("cross-site", {}), ("same-site", {}), ("cross-site", iframe)):
        headers = {**_cookie(token), **SUBRESOURCE, "Sec-Fetch-Site": site, **extra}
        response = app_client.http.get("/lookup?email=hank.scorpio@globex.com", headers=headers)
        # Then it is refused before Salesforce is asked
        assert response.status_code == 403, response.body
        assert _code(response) == "csrf_rejected"
    assert emu.api_calls == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"},  # a link she clicked
        {
            "Sec-Fetch-Site": "cross-site",
            "Sec-Fetch-Mode": "navigate",
            "Sec-Fetch-Dest": "document",
        },
        {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors", "Origin": CLIENT_ORIGIN},
        {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"},
        {},  # a browser without Fetch Metadata, or another HTTP client
    ],
)
def test_reads_from_this_site_a_client_origin_or_a_navigation_keep_working(
    app_client: Client, sign_in: SignIn, headers: dict[str, str]
) -> None:
    token = sign_in("alice@acme.demo")
    response = app_client.http.get("/me", headers={**_cookie(token), **headers})
    assert response.status_code == 200, response.body


def test_a_bearer_read_from_another_site_is_not_judged(app_client: Client, sign_in: SignIn) -> None:
    token = sign_in("alice@acme.demo")
    headers = {"Authorization": f"Bearer {token}", **SUBRESOURCE}
    assert app_client.http.get("/me", headers=headers).status_code == 200
