"""No request shape makes a 5xx: raw HTTP fuzzing of every route, beyond what the schema says.

schemathesis (test_openapi.py) sends what the OpenAPI document describes. This pass sends what
it does not: any method on any path of the route table (the 404 fallbacks included), path
parameters that are real, random, huge or percent-mangled, random query strings, bodies that
are JSON of the wrong shape, almost-JSON (NaN, duplicate keys, deep nesting, huge numbers),
form data or bytes, under any Content-Type, with odd Authorization, Cookie, Origin and
CloudFront headers - and half of them with a real session, so authenticated code runs. Everything
is healthy here (moto, the emulator), so every answer must be below 500; a 5xx is a crash.
Inputs that once crashed are kept as explicit cases below (issue 9, finding 7).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devstack.provision import ProvisionedStack
from tests.service.conftest import Served

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "QUERY", "TRACE"]
CONTENT_TYPES = [
    None,
    "application/json",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-16",
    "text/plain; application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "application/vnd.api+json",
    "application/json; boundary",
    "*/*",
    "",
]
ALMOST_JSON = [
    b'{"emails": [NaN]}',
    b'{"html": "<a>", "html": "<b>", "recipients": ["a@b.co"]}',
    b'{"email_tracking": Infinity}',
    b"[" * 5000 + b"]" * 5000,
    b'{"recipients": ["a@b.co"], "html": "' + b"x" * 70000 + b'"}',
    b'{"limit": 1e400}',
    b'{"emails": ["a@b.co"]',
    b"\xff\xfe{\x00}\x00",
    b"null",
    b'"just a string"',
    b"emails=a%40b.co",
]
ODD_STRINGS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "..",
            "%00",
            "%ZZ",
            "%2F..%2F",
            "\u202eevil",
            "a" * 3000,
            "\U0001d518\U0001d52b",
            "[fe80::1%25\u00e9]",
            "9" * 40,
            "-1",
            "null",
            "__proto__",
        ]
    ),
)
JSONISH: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ODD_STRINGS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ODD_STRINGS, inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["email", "emails", "recipients", "html", "subject", "message_id", "since", "limit"]
FIELDS += ["cursor", "email_tracking", "link_tracking", "login", "return_to", "code", "state"]
FIELDS += ["error", "error_description"]


@dataclass
class Session:
    """A live admin session, renewed when a fuzzed request ended it (logout, DELETE /me)."""

    served: Served
    token: str = ""
    message_id: str = ""
    tokens: list[str] = field(default_factory=list)  # real pixel and click paths

    def renew(self) -> None:
        self.token = self.served.sign_in()
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        with _http() as http:
            on = {"email_tracking": True, "link_tracking": True}
            http.put(f"{self.served.url}/admin/settings", json=on, headers=headers)
            body = {"recipients": ["pat@example.org"], "html": '<a href="https://e.com/x">x</a>'}
            reply = http.post(f"{self.served.url}/tracking/messages", json=body, headers=headers)
        if reply.status_code == 201:
            self.message_id = reply.json()["id"]
            html = reply.json()["recipients"][0]["html"]
            self.tokens = re.findall(r"/t/[oc]/[A-Za-z0-9_\-.~]+", html)


def _http() -> requests.Session:
    http = requests.Session()
    http.trust_env = False
    return http


@pytest.fixture(scope="module")
def session(served_app: Served, aws: ProvisionedStack) -> Iterator[Session]:
    live = Session(served_app)
    live.renew()
    yield live


@st.composite
def targets(draw: st.DrawFn, session: Session) -> tuple[str, str]:
    """(method, path): mostly a method the route has, sometimes any."""
    from app import app

    template = draw(st.sampled_from(sorted(app.routes)))
    allowed = st.sampled_from(sorted(set(app.routes[template]) - {"OPTIONS"}))
    method = draw(allowed | allowed | allowed | st.sampled_from(METHODS))

    def value(match: re.Match[str]) -> str:
        real = {"message_id": session.message_id}.get(match.group(1))
        choices = [quote(draw(ODD_STRINGS), safe="%"), *([real] if real else [])]
        return draw(st.sampled_from(choices))

    path = re.sub(r"\{(\w+)\}", value, template)
    if template.startswith("/t/") and session.tokens and draw(st.booleans()):
        path = draw(st.sampled_from(session.tokens))
        path += draw(st.sampled_from(["", "x", "A", "%41", "/extra"]))
    query = draw(st.dictionaries(st.sampled_from(FIELDS) | ODD_STRINGS, ODD_STRINGS, max_size=3))
    if query:
        path += "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in query.items())
    return method, path


SHAPED = st.fixed_dictionaries(  # near the real bodies: some fields right, some not
    {},
    optional={
        "recipients": st.lists(st.emails() | ODD_STRINGS, max_size=3),
        "html": ODD_STRINGS.map(lambda t: f'<a href="https://e.com/{t}">{t}</a>') | ODD_STRINGS,
        "emails": st.lists(st.emails() | ODD_STRINGS, max_size=3) | JSONISH,
        "subject": JSONISH,
        "email_tracking": st.booleans() | JSONISH,
        "link_tracking": st.booleans(),
    },
)
BODIES = st.one_of(
    st.none(),
    st.sampled_from(ALMOST_JSON),
    JSONISH.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(FIELDS), JSONISH, max_size=4).map(
        lambda v: json.dumps(v).encode()
    ),
    SHAPED.map(lambda v: json.dumps(v).encode()),
    SHAPED.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=64),
)


@st.composite
def headers(draw: st.DrawFn, session: Session) -> dict[str, str]:
    found: dict[str, str] = {}
    json_type = st.just("application/json")
    content_type = draw(json_type | json_type | st.sampled_from(CONTENT_TYPES))
    if content_type is not None:
        found["Content-Type"] = content_type
    auth = draw(st.sampled_from(["bearer", "none", "junk", "cookie", "both"]))
    if auth in {"bearer", "both"}:
        found["Authorization"] = f"Bearer {session.token}"
    if auth == "junk":
        found["Authorization"] = draw(st.sampled_from(["Bearer", "Bearer  ", "Basic Og==", "x"]))
    if auth in {"cookie", "both"}:
        found["Cookie"] = f"__Host-stratus_session={session.token}; stratus_session=x"
    if draw(st.booleans()):
        found["Cookie"] = draw(st.sampled_from(['a="b', "=;=;", "x=" + "y" * 5000, "\u00e9=1"]))
    extras = {
        "Origin": ["https://evil.example", "null", "http://127.0.0.1"],
        "Accept": ["text/html", "image/*", "", "application/json;q=0"],
        "CloudFront-Viewer-City": ["<b>\u202eParis", "%E2%80%AE", "x" * 500],
        "CloudFront-Viewer-Country": ["ZZ", "<", ""],
        "Sec-Fetch-Site": ["cross-site", "same-origin", "none"],
        "X-CSRF-Token": ["", "x"],
    }
    for name, values in extras.items():
        if draw(st.booleans()):
            found[name] = draw(st.sampled_from(values))
    return {k: v.encode("utf-8").decode("latin-1") for k, v in found.items()}


def send(served: Served, method: str, path: str, head: dict[str, str], body: Any) -> Any:
    with _http() as http:
        return http.request(
            method, served.url + path, headers=head, data=body, allow_redirects=False, timeout=30
        )


def assert_not_a_crash(reply: requests.Response, what: str) -> None:
    assert reply.status_code < 500, f"{what} -> {reply.status_code} {reply.text[:300]}"
    assert reply.headers.get("X-Content-Type-Options") == "nosniff", what


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_request_shape_makes_a_5xx(session: Session, data: st.DataObject) -> None:
    method, path = data.draw(targets(session), label="target")
    head = data.draw(headers(session), label="headers")
    body = data.draw(BODIES, label="body")
    reply = send(session.served, method, path, head, body)
    assert_not_a_crash(reply, f"{method} {path[:200]} {head} {body!r:.200}")
    if method in {"DELETE", "POST"} and path.split("?")[0] in {"/me", "/auth/logout"}:
        session.renew()  # the session may have ended: keep fuzzing signed in


TRACKING = {"recipients": ["pat@example.org"]}
CRAFTED = [
    pytest.param(
        "POST",
        "/tracking/messages",
        json.dumps({**TRACKING, "html": '<a href="http://[fe80::1%25\u00e9]/">x</a>'}).encode(),
        id="link-with-non-ascii-ipv6-zone-id",
    ),
    pytest.param(
        "POST",
        "/tracking/messages",
        json.dumps(
            {**TRACKING, "html": '<a href="http://[fe80::1%eth\u00e90]:80/">x</a>'}
        ).encode(),
        id="link-with-raw-non-ascii-zone-id",
    ),
    pytest.param("GET", "/tracking/activity?cursor=eyJ4IjogMX0", None, id="crafted-cursor-json"),
    pytest.param("GET", "/tracking/activity?cursor=%00%ff", None, id="crafted-cursor-bytes"),
    pytest.param("GET", "/tracking/activity?cursor=" + "A" * 2048, None, id="crafted-cursor-long"),
    pytest.param("POST", "/lookup", b'{"emails": [NaN]}', id="json-nan"),
    pytest.param(
        "PUT",
        "/admin/settings",
        b'{"email_tracking": true, "email_tracking": false}',
        id="json-duplicate-keys",
    ),
]


@pytest.mark.parametrize(("method", "path", "body"), CRAFTED)
def test_known_crafted_inputs_are_answered_below_500(
    session: Session, method: str, path: str, body: bytes | None
) -> None:
    head = {"Authorization": f"Bearer {session.token}", "Content-Type": "application/json"}
    reply = send(session.served, method, path, head, body)
    assert_not_a_crash(reply, f"{method} {path}")
    assert 400 <= reply.status_code < 500 or reply.ok, reply.text
