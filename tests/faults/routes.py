"""Every route of /openapi.json, as a request the faults tier can prepare and replay.

A route's entry says how to prepare a request that succeeds while everything is healthy, what
it answers then, and which AWS services its answer depends on in the fault stack (data keys are
not cached there, `STRATUS_DATA_KEY_MAX_AGE_SECONDS=0`, so every KMS use shows; access tokens
are, as in production). `test_every_route_of_the_openapi_document_is_drilled` keeps this list
in step with the document.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import requests

from tests.faults.drill import (
    CALENDAR_QUEUE,
    ORG_DELETION_QUEUE,
    Drill,
    Planned,
    set_cookies,
    unique_address,
)

JSON = {"Content-Type": "application/json"}
DESTINATION = "https://example.com/pricing?ref=drill"
_PIXEL = re.compile(r"(http://127\.0\.0\.1:\d+/t/o/[A-Za-z0-9_\-.~]+)")
_CLICK = re.compile(r"(http://127\.0\.0\.1:\d+/t/c/[A-Za-z0-9_\-.~]+)")


@dataclass(frozen=True)
class SpareOrg:
    """A throwaway Salesforce org (its own emulator) that a drill may delete."""

    login: str  # its emulator's host: the sign-in's `login`
    org_id: str


@dataclass
class Shared:
    """What several requests use: the admin's session, one prepared message, and the
    throwaway orgs (each taken by one drill)."""

    admin: str
    message_id: str
    pixel_url: str
    click_url: str
    spare_orgs: list[SpareOrg] = field(default_factory=list)


def prepare_message(drill: Drill, token: str) -> tuple[str, str, str]:
    """(message id, pixel URL, click URL) of a freshly prepared tracked message."""
    body = {
        "subject": "Fault drill",
        "recipients": ["pat@example.org"],
        "html": f'<p>Hello <a href="{DESTINATION}">pricing</a></p>',
    }
    reply = drill.call("POST", "/tracking/messages", token, json=body)
    assert reply.status_code == 201, reply.text
    copy = reply.json()["recipients"][0]["html"]
    pixel, click = _PIXEL.search(copy), _CLICK.search(copy)
    assert pixel and click, copy
    return reply.json()["id"], pixel.group(1), click.group(1)


Plan = Callable[[Drill, Shared], Planned]


def _bearer(token: str, **more: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **more}


def _get(path: str, auth: bool = True) -> Plan:
    def plan(drill: Drill, shared: Shared) -> Planned:
        return Planned("GET", drill.api + path, _bearer(shared.admin) if auth else {})

    return plan


def _send_json(method: str, path: str, body: Callable[[], object]) -> Plan:
    def plan(drill: Drill, shared: Shared) -> Planned:
        payload = json.dumps(body()).encode()
        return Planned(method, drill.api + path, _bearer(shared.admin, **JSON), payload)

    return plan


def _client_email() -> dict[str, object]:
    return {
        "source": "client",
        "message": {
            "internet_message_id": f"<{unique_address()}>",
            "subject": "Fault drill",
            "date": "2026-11-20T10:00:00Z",
            "from": {"email": "peter.gibbons@initech.com"},
            "to": [{"email": "admin@acme.demo"}],
            "text": "Hello",
        },
    }


def _login(drill: Drill, shared: Shared) -> Planned:
    return Planned("GET", drill.api + "/auth/salesforce/login?login=production&return_to=/me")


def _callback(drill: Drill, shared: Shared) -> Planned:
    return drill.callback_request(drill.start_sign_in("bob@acme.demo"))


def _logout(drill: Drill, shared: Shared) -> Planned:
    return Planned("POST", drill.api + "/auth/logout", _bearer(drill.sign_in("maria@acme.demo")))


def _delete_me(drill: Drill, shared: Shared) -> Planned:
    token = drill.sign_in("casey@acme.demo")
    return Planned("DELETE", drill.api + "/me", _bearer(token), user="casey")


def _lookup_one(drill: Drill, shared: Shared) -> Planned:
    path = f"/lookup?email={quote(unique_address())}"
    return Planned("GET", drill.api + path, _bearer(shared.admin))


def _report(drill: Drill, shared: Shared) -> Planned:
    path = f"/tracking/messages/{shared.message_id}"
    return Planned("GET", drill.api + path, _bearer(shared.admin))


def _connection_callback(drill: Drill, token: str, provider: str) -> Planned:
    """The admin starts connecting a mailbox and the bundled emulator consents (login_hint is
    the admin's address): our callback is left to send, with the binding cookie."""
    start = drill.call("GET", f"/connections/{provider}/start?return_to=/me", token)
    assert start.status_code == 302, start.text
    cookies = "; ".join(f"{k}={v}" for k, v in set_cookies(start).items() if v)
    consent = drill.http.get(start.headers["Location"], allow_redirects=False, timeout=10)
    assert consent.status_code == 302, consent.text
    callback = consent.headers["Location"]
    state = parse_qs(urlsplit(callback).query)["state"][0]
    return Planned("GET", callback, _bearer(token, Cookie=cookies), state=state)


def _connection_start(drill: Drill, shared: Shared) -> Planned:
    path = "/connections/google/start?return_to=/me"
    return Planned("GET", drill.api + path, _bearer(shared.admin))


def _connection_finish(drill: Drill, shared: Shared) -> Planned:
    return _connection_callback(drill, shared.admin, "google")


def _connected(drill: Drill, shared: Shared, provider: str) -> None:
    reply = drill.send(_connection_callback(drill, shared.admin, provider))
    assert reply.status_code == 302, reply.text


def _connection_check(drill: Drill, shared: Shared) -> Planned:
    _connected(drill, shared, "microsoft")
    return Planned("GET", drill.api + "/connections/microsoft", _bearer(shared.admin))


def _connection_delete(drill: Drill, shared: Shared) -> Planned:
    _connected(drill, shared, "google")
    return Planned("DELETE", drill.api + "/connections/google", _bearer(shared.admin))


def _admin_asset(drill: Drill, shared: Shared) -> Planned:
    from chalicelib.admin import assets

    return Planned("GET", drill.api + assets.stylesheet().path)


def _status_asset(drill: Drill, shared: Shared) -> Planned:
    from chalicelib.status import page

    return Planned("GET", drill.api + "/status/assets/" + page.stylesheet().name)


def _signature() -> dict[str, object]:
    text = "Hello,\n\nThanks.\n\n--\nPat Doe\nSales Director, Example Org\n+1 415 555 0100"
    return {"text": text, "from": {"email": "pat@example.org", "name": "Pat Doe"}}


def _calendar_sync_on(drill: Drill, shared: Shared) -> Planned:
    """Turning sync off (what a drill may repeat): turned on, the local schedule would start
    cycles in the background that take the other drills' injected faults and leases."""
    _connected(drill, shared, "google")
    return _send_json("PUT", "/me/calendar-sync", lambda: {"enabled": False})(drill, shared)


def _my_settings(drill: Drill, shared: Shared) -> Planned:
    """The org lets its users choose email tracking; the admin chooses it (an opt-out would
    revoke the prepared message's links)."""
    allow = {"user_overrides": ["email_tracking"]}
    reply = drill.call("PUT", "/admin/settings", shared.admin, json=allow)
    assert reply.status_code == 200, reply.text
    return _send_json("PUT", "/me/settings", lambda: {"email_tracking": True})(drill, shared)


# -- issues 11-14: queued work, records, the offline queue, the dashboard's form, org deletion --
def _client_email_job(drill: Drill, shared: Shared) -> Planned:
    """A client-held email logged while healthy: its job, done, with a sealed result."""
    logged = drill.call("POST", "/emails", shared.admin, json=_client_email())
    assert logged.status_code == 201, logged.text
    job = logged.json()["job"]
    assert job["status"] == "done", job
    return Planned("GET", f"{drill.api}/emails/jobs/{job['id']}", _bearer(shared.admin))


def _new_record(kind: str) -> dict[str, object]:
    """A Lead or a Contact of a seeded Account, with an address no record has yet."""
    body: dict[str, object] = {
        "first_name": "Dana",
        "last_name": "Drill",
        "email": unique_address(),
    }
    if kind == "leads":
        return {**body, "company": "Fault Drill Labs"}
    return {**body, "account_name": "Initech"}


def _record(kind: str) -> Plan:
    """POST /records/<kind> under a fresh Idempotency-Key (replayed, it creates nothing)."""

    def plan(drill: Drill, shared: Shared) -> Planned:
        headers = _bearer(shared.admin, **JSON, **{"Idempotency-Key": str(uuid.uuid4())})
        body = json.dumps(_new_record(kind)).encode()
        return Planned("POST", f"{drill.api}/records/{kind}", headers, body)

    return plan


#: the offline queue's batch: which path each action replays
_ACTIONS = (
    ("/records/leads", lambda: _new_record("leads")),
    ("/tracking/messages", lambda: {"recipients": ["lee@example.org"], "html": "<p>Hi</p>"}),
    ("/emails", _client_email),
)


def _actions(drill: Drill, shared: Shared) -> Planned:
    """A batch with one action of each kind, each under a fresh key."""
    batch = [
        {"key": str(uuid.uuid4()), "method": "POST", "path": path, "body": body()}
        for path, body in _ACTIONS
    ]
    payload = json.dumps({"actions": batch}).encode()
    return Planned("POST", drill.api + "/actions", _bearer(shared.admin, **JSON), payload)


def _action_results(reply: requests.Response, down: frozenset[str]) -> None:
    """Each action answers for itself: the email's result is sealed (KMS), the rest is not."""
    results = reply.json()["results"]
    assert [r["body"].get("error", {}).get("code") for r in results if r["status"] >= 400] == (
        ["encryption_unavailable"] if "kms" in down else []
    ), results
    expected = [503 if path == "/emails" and "kms" in down else 201 for path, _ in _ACTIONS]
    assert [r["status"] for r in results] == expected, results
    # the route's Retry-After, in the action's answer (the batch's own status is 200)
    assert all(r["body"]["error"]["retry_after"] > 0 for r in results if r["status"] == 503)


class _Form(HTMLParser):
    """The fields a browser submits from a page's form, as the page filled them in."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        name = found.get("name")
        if tag == "input" and name and (found.get("type") != "checkbox" or "checked" in found):
            self.fields.append((name, found.get("value", "on")))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in found:
            self.fields.append((self._select, found.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.append((name, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data)


def _dashboard_form(drill: Drill, shared: Shared) -> Planned:
    """The dashboard's settings form sent back as the page filled it in (its CSRF token
    included): nothing changes, and the answer is the redirect to the page."""
    page = drill.call("GET", "/admin", shared.admin)
    assert page.status_code == 200, page.text[:300]
    form = _Form()
    form.feed(page.text)
    assert any(name == "csrf_token" for name, _ in form.fields), page.text[:300]
    headers = _bearer(shared.admin, **{"Content-Type": "application/x-www-form-urlencoded"})
    return Planned("POST", drill.api + "/admin", headers, urlencode(form.fields).encode())


def _calendar_sync_run(drill: Drill, shared: Shared) -> Planned:
    _connected(drill, shared, "google")
    on = drill.call("PUT", "/me/calendar-sync", shared.admin, json={"enabled": True})
    assert on.status_code == 200, on.text
    return Planned("POST", drill.api + "/me/calendar-sync/run", _bearer(shared.admin))


def _calendar_sync_off(drill: Drill, shared: Shared) -> None:
    """The runs the drill queued end, then sync is off (a sync left on would run in the
    background and take the other drills' faults and leases)."""
    drill.wait_idle(CALENDAR_QUEUE)
    off = drill.call("PUT", "/me/calendar-sync", shared.admin, json={"enabled": False})
    assert off.status_code == 200, off.text
    drill.wait_idle(CALENDAR_QUEUE)


def _throwaway_admin(drill: Drill, shared: Shared) -> tuple[SpareOrg, str]:
    """A throwaway org and its admin's session."""
    assert shared.spare_orgs, "every throwaway org is used: raise SPARE_ORGS (conftest.py)"
    org = shared.spare_orgs.pop()
    return org, drill.sign_in("admin@acme.demo", login=org.login)


def _org_deletion(drill: Drill, shared: Shared) -> Planned:
    org, admin = _throwaway_admin(drill, shared)
    body = json.dumps({"confirm": org.org_id}).encode()
    return Planned("DELETE", drill.api + "/admin/org", _bearer(admin, **JSON), body, org=org.org_id)


def _org_deletion_status(drill: Drill, shared: Shared) -> Planned:
    """The public status address of a throwaway org's deletion, once it is done."""
    planned = _org_deletion(drill, shared)
    started = drill.send(planned)
    assert started.status_code == 202, started.text
    drill.wait_idle(ORG_DELETION_QUEUE)
    return Planned("GET", drill.api + started.json()["status_url"])


def _org_deleted(drill: Drill, shared: Shared) -> None:
    """The deletions the drill asked for ran to their end (the worker's runs)."""
    drill.wait_idle(ORG_DELETION_QUEUE)


def _hit(method: str, which: str) -> Plan:
    def plan(drill: Drill, shared: Shared) -> Planned:
        url = shared.pixel_url if which == "pixel" else shared.click_url
        headers = {"User-Agent": "Mozilla/5.0 (drill)", "Accept": "image/avif,image/webp,*/*"}
        location = DESTINATION if which == "click" else None
        return Planned(method, url, headers, expect_location=location)

    return plan


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # as in /openapi.json
    healthy: int  # the status while everything works
    plan: Plan
    needs: frozenset[str] = frozenset()  # AWS services its answer depends on
    hot: str | None = None  # "pixel" / "click": answered whatever happens (DESIGN 4)
    single_use: bool = False  # replaying it after it was spent is refused (OAuth state)
    exactly_once: bool = False  # replayed after the drill: the same answer, nothing created
    results: Callable[[requests.Response, frozenset[str]], None] | None = None  # the body's
    settle: Callable[[Drill, Shared], None] | None = None  # after the drill: background ends

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


BOTH = frozenset({"dynamodb", "kms"})
TABLE = frozenset({"dynamodb"})
ROUTES = (
    Route("GET", "/health", 200, _get("/health", auth=False)),
    Route("GET", "/openapi.json", 200, _get("/openapi.json", auth=False)),
    Route("GET", "/auth/salesforce/login", 302, _login, BOTH),
    Route("GET", "/auth/salesforce/callback", 302, _callback, BOTH, single_use=True),
    Route("POST", "/auth/logout", 204, _logout, TABLE),
    Route("GET", "/me", 200, _get("/me"), TABLE),
    Route("GET", "/me/salesforce", 200, _get("/me/salesforce"), TABLE),
    Route("DELETE", "/me", 200, _delete_me, BOTH),
    Route("GET", "/lookup", 200, _lookup_one, TABLE),
    Route(
        "POST",
        "/lookup",
        200,
        _send_json("POST", "/lookup", lambda: {"emails": [unique_address(), unique_address()]}),
        TABLE,
    ),
    Route("GET", "/admin/settings", 200, _get("/admin/settings"), TABLE),
    Route(
        "PUT",
        "/admin/settings",
        200,
        _send_json("PUT", "/admin/settings", lambda: {"email_tracking": True}),
        TABLE,
    ),
    Route(
        "POST",
        "/tracking/messages",
        201,
        _send_json(
            "POST",
            "/tracking/messages",
            lambda: {"recipients": ["lee@example.org"], "html": f'<a href="{DESTINATION}">x</a>'},
        ),
        TABLE,
    ),
    Route("GET", "/tracking/messages/{message_id}", 200, _report, TABLE),
    Route("GET", "/tracking/activity", 200, _get("/tracking/activity"), TABLE),
    Route("GET", "/connections/{provider}/start", 302, _connection_start, BOTH),
    Route(
        "GET",
        "/connections/{provider}/callback",
        302,
        _connection_finish,
        BOTH,
        single_use=True,
    ),
    # the access token stored at the connection is cached in the container: no KMS
    Route("GET", "/connections/{provider}", 200, _connection_check, TABLE),
    # the refresh token is opened to revoke it at Google first
    Route("DELETE", "/connections/{provider}", 204, _connection_delete, BOTH),
    # issue 13: the dashboard and its figures, a user's own settings; issue 12: calendar sync
    Route("GET", "/admin", 200, _get("/admin"), TABLE),
    Route("GET", "/admin/usage", 200, _get("/admin/usage"), TABLE),
    Route("GET", "/admin/usage.csv", 200, _get("/admin/usage.csv"), TABLE),
    Route("GET", "/admin/users", 200, _get("/admin/users"), TABLE),
    Route("GET", "/me/settings", 200, _get("/me/settings"), TABLE),
    Route("GET", "/me/calendar-sync", 200, _get("/me/calendar-sync"), TABLE),
    # the public status page reports what is down, it is not refused
    Route("GET", "/status", 200, _get("/status", auth=False)),
    Route("GET", "/status.html", 200, _get("/status.html", auth=False)),
    Route("GET", "/admin/assets/{name}", 200, _admin_asset),
    Route("GET", "/status/assets/{name}", 200, _status_asset),
    # no deletion was asked for: a 404 naming that, read from the table
    Route("GET", "/admin/org/deletion", 404, _get("/admin/org/deletion"), TABLE),
    Route(
        "POST", "/signatures/parse", 200, _send_json("POST", "/signatures/parse", _signature), TABLE
    ),
    Route("PUT", "/me/settings", 200, _my_settings, TABLE),
    Route(
        "PUT",
        "/me/calendar-sync",
        200,
        _calendar_sync_on,
        TABLE,
    ),
    # a client-held email, logged within the request: the key that seals its job's result is
    # taken before Salesforce is written to, so KMS out of reach writes nothing anywhere
    Route("POST", "/emails", 201, _send_json("POST", "/emails", _client_email), BOTH),
    # a done job's result is sealed: reading it opens it
    Route("GET", "/emails/jobs/{job_id}", 200, _client_email_job, BOTH),
    # the user's Salesforce access token is cached in the container (the sign-in put it
    # there): KMS is not needed; under a fresh Idempotency-Key, replayed after the drill
    Route("POST", "/records/leads", 201, _record("leads"), TABLE, exactly_once=True),
    Route("POST", "/records/contacts", 201, _record("contacts"), TABLE, exactly_once=True),
    # the batch needs the table; each action answers for itself (the email needs KMS)
    Route("POST", "/actions", 200, _actions, TABLE, exactly_once=True, results=_action_results),
    Route("POST", "/admin", 303, _dashboard_form, TABLE),
    # a reference queued on SQS (moto too); the worker's run ends before sync is turned off
    Route(
        "POST", "/me/calendar-sync/run", 202, _calendar_sync_run, TABLE, settle=_calendar_sync_off
    ),
    # a throwaway org each: the job and its first run queued on SQS; the public status page
    Route("DELETE", "/admin/org", 202, _org_deletion, TABLE, settle=_org_deleted),
    Route("GET", "/org-deletions/{reference}", 200, _org_deletion_status, TABLE),
    Route("GET", "/t/o/{token}", 200, _hit("GET", "pixel"), hot="pixel"),
    Route("HEAD", "/t/o/{token}", 200, _hit("HEAD", "pixel"), hot="pixel"),
    Route("GET", "/t/c/{token}", 302, _hit("GET", "click"), hot="click"),
    Route("HEAD", "/t/c/{token}", 302, _hit("HEAD", "click"), hot="click"),
)
ROUTES_BY_ID = {route.id: route for route in ROUTES}
