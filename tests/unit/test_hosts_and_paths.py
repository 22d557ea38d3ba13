"""The login-host allow-list and the return_to rule: property tests (hypothesis)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chalicelib.connections.browser import is_safe_return_path
from chalicelib.providers.salesforce import hosts, soql

_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
_suffixes = st.sampled_from(
    [".my.salesforce.com", ".sandbox.my.salesforce.com", ".my.site.com", ".force.com"]
)


@given(name=_label, suffix=_suffixes)
def test_every_my_domain_or_site_host_is_allowed_as_https(name: str, suffix: str) -> None:
    assert hosts.parse_login_host(name + suffix) == f"https://{name}{suffix}"


@given(name=_label, suffix=_suffixes, tail=_label)
def test_a_salesforce_host_followed_by_another_domain_is_refused(
    name: str, suffix: str, tail: str
) -> None:
    assert hosts.parse_login_host(f"{name}{suffix}.{tail}.example") is None


# -- mutations of allowed hosts: each input is generated with the answer it must get ----------

# (prefix, suffix) of an allowed host: a My Domain / site label + an allowed suffix, or an exact
# login host (no prefix). Mutations that change the suffix are applied to the suffix only, so a
# label that happens to contain "salesforce" cannot make the expected answer wrong.
_allowed_parts = st.one_of(
    st.tuples(_label, _suffixes),
    st.tuples(st.just(""), st.sampled_from(sorted(hosts.LOGIN_EXACT))),
)

# spellings of an allowed host that must be accepted (as the https origin of the host)
_ACCEPTED = [
    lambda h: h,
    lambda h: h.upper(),
    lambda h: "https://" + h,
    lambda h: "https://" + h + "/",
    lambda h: "HTTPS://" + h.title(),
]

# tricks on the whole host that must be refused
_REFUSED_HOST = [
    # userinfo
    lambda h: "user@" + h,
    lambda h: h + "@evil.example",
    lambda h: "https://user:pw@" + h,
    lambda h: "evil.example@" + h,
    # ports
    lambda h: h + ":443",
    lambda h: h + ":8443",
    lambda h: "https://" + h + ":443/",
    # paths, queries, fragments
    lambda h: h + "/x",
    lambda h: "https://" + h + "/services/oauth2",
    lambda h: h + "//evil.example",
    lambda h: h + "?x=1",
    lambda h: h + "#x",
    lambda h: h + "\\evil.example",
    lambda h: "evil.example\\" + h,
    lambda h: "evil.example/" + h,
    # other schemes and scheme-relative forms
    lambda h: "http://" + h,
    lambda h: "//" + h,
    lambda h: "https:/" + h,
    lambda h: "javascript://" + h,
    lambda h: "https://https://" + h,
    # look-alike endings and edges
    lambda h: h + ".",
    lambda h: h + "..",
    lambda h: "." + h,
    lambda h: "-" + h,
    lambda h: h + ".evil.example",
    lambda h: h + "-evil.example",
    lambda h: h + "x",
    lambda h: h + ".com",
    # encoded characters
    lambda h: h.replace(".", "%2E", 1),
    lambda h: h.replace(".", "%2e"),
    lambda h: h + "%2F",
    lambda h: h + "%00",
    lambda h: "%68" + h[1:],  # an encoded first letter
    # full-width and other Unicode dots, letters and spaces
    lambda h: h.replace(".", "\uff0e"),
    lambda h: h.replace(".", "\uff0e", 1),
    lambda h: h.replace(".", "\u3002", 1),
    lambda h: h.replace(".", "\uff61", 1),
    lambda h: "\uff41" + h,
    lambda h: h.replace("a", "\u0430", 1),  # a Cyrillic a (if there is an a)
    # whitespace and controls
    lambda h: " " + h,
    lambda h: h + " ",
    lambda h: h + "\t",
    lambda h: h + "\r\n",
    lambda h: h + "\x00",
    lambda h: h.replace(".", " .", 1),
]

# look-alikes of the allowed suffix (the label kept): never an allowed suffix
_REFUSED_SUFFIX = [
    lambda s: s[:-1],  # .co
    lambda s: s + "m",
    lambda s: s.replace("salesforce", "sa1esforce"),
    lambda s: s.replace("salesforce", "salesforce-com"),
    lambda s: s.replace("force", "f0rce"),
    lambda s: s.replace("site", "s1te"),
    lambda s: s.replace(".com", ".com.evil.example"),
    lambda s: s.replace(".com", ".net"),
    lambda s: s.replace(".my.", ".mx."),
    lambda s: s.replace("my.", "my-"),
    lambda s: s.replace("sandbox.", "sandbox-"),
    lambda s: s.replace("login.", "login-"),
    lambda s: s.replace(".com", "%2Ecom"),
    lambda s: s.replace(".com", "\uff0ecom"),
]


@given(parts=_allowed_parts, spelling=st.sampled_from(_ACCEPTED))
def test_spellings_of_an_allowed_host_give_its_https_origin(
    parts: tuple[str, str], spelling: Any
) -> None:
    host = "".join(parts)
    assert hosts.parse_login_host(spelling(host)) == f"https://{host}"


@given(parts=_allowed_parts, trick=st.sampled_from(_REFUSED_HOST))
def test_tricks_around_an_allowed_host_are_refused(parts: tuple[str, str], trick: Any) -> None:
    host = "".join(parts)
    value = trick(host)
    assume(value != host)  # a trick that changed nothing (no "a" to replace) proves nothing
    assert hosts.parse_login_host(value) is None, value
    assert hosts.parse_login_host(value, ("http://127.0.0.1:8123",)) is None, value


@given(parts=_allowed_parts, look_alike=st.sampled_from(_REFUSED_SUFFIX))
def test_look_alike_suffixes_are_refused(parts: tuple[str, str], look_alike: Any) -> None:
    prefix, suffix = parts
    mutated = look_alike(suffix)
    assume(mutated != suffix)
    assert hosts.parse_login_host(prefix + mutated) is None, prefix + mutated


@pytest.mark.parametrize(
    ("value", "allowed"),
    [
        ("127.0.0.1:8123", True),
        ("http://127.0.0.1:8123", True),
        ("http://127.0.0.1:8123/", True),
        ("127.0.0.1:81234", False),
        ("127.0.0.1:812", False),
        ("127.0.0.1:8124", False),
        ("https://127.0.0.1:8123", False),
        ("http://127.0.0.1:8123@evil.example", False),
        ("http://user@127.0.0.1:8123", False),
        ("127.0.0.1:8123.evil.example", False),
        ("127.0.0.1:8123/x", False),
        ("127.0.0.1", False),
        ("localhost:8123", False),
        ("http://127.0.0.1:8123\uff0f", False),
    ],
)
def test_mutations_of_a_configured_origin(value: str, allowed: bool) -> None:
    configured = ("http://127.0.0.1:8123",)
    expected = "http://127.0.0.1:8123" if allowed else None
    assert hosts.parse_login_host(value, configured) == expected


def test_configured_origins_are_matched_exactly() -> None:
    configured = ("http://127.0.0.1:8123",)
    assert hosts.parse_login_host("127.0.0.1:8123", configured) == "http://127.0.0.1:8123"
    assert hosts.parse_login_host("127.0.0.1:8124", configured) is None
    assert hosts.parse_login_host("http://127.0.0.1:8123/x", configured) is None


def test_instance_urls_must_be_salesforce_https_origins() -> None:
    assert hosts.is_allowed_instance("https://acme.my.salesforce.com")
    assert hosts.is_allowed_instance("https://na1.salesforce.com/")
    assert not hosts.is_allowed_instance("http://acme.my.salesforce.com")
    assert not hosts.is_allowed_instance("https://acme.my.salesforce.com.evil.example")
    assert not hosts.is_allowed_instance("https://user@acme.my.salesforce.com")
    assert not hosts.is_allowed_instance("https://acme.my.salesforce.com:444")
    assert not hosts.is_allowed_instance("https://acme.my.salesforce.com/x")
    assert hosts.is_allowed_instance("http://127.0.0.1:8123", ("http://127.0.0.1:8123",))


@given(path=st.from_regex(r"/[A-Za-z0-9_\-./?=&]{0,60}", fullmatch=True))
def test_plain_relative_paths_are_safe(path: str) -> None:
    if not path.startswith("//"):
        assert is_safe_return_path(path)


@given(
    host=_label,
    layers=st.integers(min_value=1, max_value=3),
    prefix=st.sampled_from(["/", "//", "/\\", "\\"]),
)
def test_percent_encoded_escapes_are_never_safe(host: str, layers: int, prefix: str) -> None:
    encoded = prefix + host + ".example"
    for _ in range(layers):
        encoded = quote(encoded, safe="")
    # e.g. "/" + "%2F%2Fevil.example" decodes to "///evil.example": another site
    assert not is_safe_return_path("/" + encoded)


@given(host=_label, prefix=st.sampled_from(["//", "/\\", "\\", "https://", "javascript:"]))
def test_protocol_relative_and_absolute_urls_are_never_safe(host: str, prefix: str) -> None:
    assert not is_safe_return_path(prefix + host + ".example")


@given(
    path=st.from_regex(r"/[A-Za-z0-9_\-./?=&]{0,30}", fullmatch=True),
    bad=st.characters().filter(lambda c: not 0x21 <= ord(c) <= 0x7E),
    at=st.integers(min_value=1, max_value=40),
)
def test_return_to_with_any_non_ascii_space_or_control_is_refused(
    path: str, bad: str, at: int
) -> None:
    # non-ASCII, whitespace and controls anywhere: they would go back raw in Location
    assert not is_safe_return_path(path[:at] + bad + path[at:])


@given(value=st.text(max_size=40))
def test_soql_literals_round_trip_and_cannot_break_out(value: str) -> None:
    quoted = soql.literal(value)
    assert quoted.startswith("'") and quoted.endswith("'")
    body = quoted[1:-1]
    # every quote inside is escaped: an unescaped ' would end the literal
    i = 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        assert body[i] != "'"
        i += 1
