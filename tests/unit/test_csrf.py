"""The CSRF rules and tokens (chalicelib/csrf.py) and the tolerant Cookie reader (cookies.py)."""

from __future__ import annotations

from dataclasses import dataclass
from http.cookies import SimpleCookie

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib import cookies, csrf

SITE = "https://stratus.example"
TRUSTED = csrf.trusted_origins(SITE + "/api", ("https://sidebar.example",))
TOKEN = "t" * 43
COOKIE = {"cookie": f"{cookies.SESSION_COOKIE}={TOKEN}"}


@dataclass(frozen=True)
class Bound:
    csrf_key: bytes


def _refusal(method: str = "POST", body: bytes = b"", **headers: str) -> str | None:
    merged = {k.replace("_", "-"): v for k, v in headers.items()}
    return csrf.refusal(method, {**COOKIE, **merged}, lambda: body, TRUSTED)


def test_trusted_origins_are_this_sites_and_the_clients() -> None:
    assert sorted(TRUSTED) == ["https://sidebar.example", SITE]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Stratus.Example:443/api/", "https://stratus.example"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://[::1]:80", "http://[::1]"),
        ("https://a.example:8443", "https://a.example:8443"),
        ("null", ""),
        ("file:///etc", ""),
        ("https://a.example:99999", ""),
        ("https://a.example:443.evil.example", ""),
    ],
)
def test_origins_are_compared_as_browsers_serialise_them(url: str, origin: str) -> None:
    assert csrf.origin_of(url) == origin


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_safe_methods_are_never_judged(method: str) -> None:
    assert _refusal(method, origin="https://evil.example") is None


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": SITE},
        {"origin": "https://sidebar.example"},
        {"sec_fetch_site": "same-origin"},
        {"sec_fetch_site": "none"},
        {"origin": SITE, "sec_fetch_site": "cross-site"},  # Origin decides where it is given
    ],
)
def test_requests_from_this_site_pass(headers: dict[str, str]) -> None:
    assert _refusal(**headers) is None


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "https://stratus.example.evil.example"},
        {"origin": "https://evil.example", "sec_fetch_site": "same-origin"},
        {"sec_fetch_site": "cross-site"},
        {"sec_fetch_site": "same-site"},
        {"origin": "null"},
        {"origin": "null", "sec_fetch_site": "same-origin"},
        {"sec_fetch_site": "a-future-value"},
        {},
    ],
)
def test_requests_from_elsewhere_or_nowhere_are_refused(headers: dict[str, str]) -> None:
    assert _refusal(**headers) is not None


def test_bearer_and_cookieless_requests_are_not_judged() -> None:
    bearer = {"authorization": "Bearer x", "origin": "https://evil.example", **COOKIE}
    assert csrf.refusal("POST", bearer, lambda: b"", TRUSTED) is None
    stranger = {"origin": "https://evil.example", "cookie": "stratus_session=old; a=b"}
    assert csrf.refusal("DELETE", stranger, lambda: b"", TRUSTED) is None
    basic = {"authorization": "Basic eDp5", "origin": "https://evil.example", **COOKIE}
    assert csrf.refusal("POST", basic, lambda: b"", TRUSTED) is not None


def test_a_token_passes_only_where_nothing_says_where_the_request_came_from() -> None:
    token = csrf.issue(Bound(csrf.session_key(TOKEN)))
    assert _refusal(**{"x-csrf-token": token}) is None
    assert _refusal(origin="null", **{"x-csrf-token": token}) is None
    assert _refusal(origin="https://evil.example", **{"x-csrf-token": token}) is not None
    assert _refusal(sec_fetch_site="cross-site", **{"x-csrf-token": token}) is not None


def test_a_form_field_token_is_read_from_an_urlencoded_body_only() -> None:
    token = csrf.issue(Bound(csrf.session_key(TOKEN)))
    form = f"a=1&{csrf.FORM_FIELD}={token}".encode()
    assert _refusal(body=form, content_type=csrf.FORM_TYPE) is None
    assert _refusal(body=form, content_type="text/plain") is not None
    twice = form + f"&{csrf.FORM_FIELD}={token}".encode()
    assert _refusal(body=twice, content_type=csrf.FORM_TYPE) is not None


def test_the_body_is_not_read_unless_a_form_token_is_needed() -> None:
    def unread() -> bytes:
        raise AssertionError("read")

    headers = {**COOKIE, "origin": SITE, "content-type": csrf.FORM_TYPE}
    assert csrf.refusal("POST", headers, unread, TRUSTED) is None


@given(st.text(min_size=1, max_size=80), st.binary(min_size=32, max_size=32))
def test_issued_tokens_verify_for_their_session_only(session: str, pad: bytes) -> None:
    token = csrf.issue(Bound(csrf.session_key(session)), random=lambda n: pad[:n])
    assert csrf.verify(session, token)
    assert not csrf.verify(session + "x", token)
    assert not csrf.verify(session, token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1])


@given(st.text(max_size=120))
def test_verify_never_raises(token: str) -> None:
    assert csrf.verify(TOKEN, token) in {True, False}


def test_a_principal_without_a_session_key_gets_no_token() -> None:
    with pytest.raises(ValueError):
        csrf.issue(Bound(b""))


# -- the Cookie header --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        'broken"cookie; __Host-stratus_session=abc',  # SimpleCookie drops all of it
        "a=b;__Host-stratus_session=abc;c",
        "  __Host-stratus_session = abc  ; x=[1,2]",
        '__Host-stratus_session="abc"; tracking=a b c',
        "=nameless; noequals; __Host-stratus_session=abc; \x7f=1",
    ],
)
def test_another_apps_malformed_cookie_does_not_hide_ours(header: str) -> None:
    assert cookies.values({"cookie": header}, cookies.SESSION_COOKIE) == ["abc"]


def test_simple_cookie_would_have_lost_it() -> None:
    jar: SimpleCookie = SimpleCookie()
    jar.load('broken"cookie; __Host-stratus_session=abc')
    assert cookies.SESSION_COOKIE not in jar


def test_every_distinct_value_of_a_repeated_name_is_kept_in_order() -> None:
    header = "__Host-stratus_session=b; __Host-stratus_session=a; __Host-stratus_session=b"
    assert cookies.values({"cookie": header}, cookies.SESSION_COOKIE) == ["b", "a"]
    assert cookies.first({"cookie": header}, cookies.SESSION_COOKIE) == "b"


def test_names_are_exact() -> None:
    header = "stratus_session=planted; __host-stratus_session=x; __Host-stratus_sessionX=y"
    assert cookies.values({"cookie": header}, cookies.SESSION_COOKIE) == []


cookie_names = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters=";="),
    min_size=1,
    max_size=12,
)
cookie_values = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters=';"\\'),
    max_size=20,
)


@given(st.lists(st.tuples(cookie_names, cookie_values), max_size=8), st.text(max_size=40))
def test_the_reader_finds_what_a_browser_sent_among_any_neighbours(
    neighbours: list[tuple[str, str]], junk: str
) -> None:
    ours = ("__Host-stratus_session", "v4lue")
    pairs = [*neighbours, ours]
    header = "; ".join(f"{k}={v}" for k, v in pairs) + "; " + junk.replace(";", "")
    found = cookies.values({"cookie": header}, cookies.SESSION_COOKIE)
    assert "v4lue" in found
