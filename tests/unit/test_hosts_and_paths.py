"""The login-host allow-list and the return_to rule: property tests (hypothesis)."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from chalicelib.auth.models import is_safe_return_path
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


@given(value=st.text(max_size=80))
def test_whatever_is_allowed_is_an_https_salesforce_origin(value: str) -> None:
    base = hosts.parse_login_host(value)
    if base is not None:
        host = base.removeprefix("https://")
        assert base.startswith("https://")
        assert host in hosts.LOGIN_EXACT or host.endswith(hosts.LOGIN_SUFFIXES)
        assert all(c.isalnum() or c in ".-" for c in host)


@given(
    name=_label, suffix=_suffixes, trick=st.sampled_from(["@", ":443", "/x", "\\", "%2F", "?", "#"])
)
def test_userinfo_ports_and_paths_are_refused(name: str, suffix: str, trick: str) -> None:
    assert hosts.parse_login_host(f"{name}{suffix}{trick}") is None
    assert hosts.parse_login_host(f"evil.example{trick}{name}{suffix}") is None


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
