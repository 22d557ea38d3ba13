"""Tracking tokens: signed, compact, versioned, rotatable, expiring; nothing unsigned ever
verifies, and old (version 1) tokens keep working until their computed expiry."""

from __future__ import annotations

import base64
import struct
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.tracking import tokens
from chalicelib.tracking.tokens import Claim, KeyConfigError, SigningKeys

KEY1 = base64.b64encode(b"k" * 32).decode()
KEY0 = base64.b64encode(b"z" * 32).decode()
KEYS = SigningKeys.parse(f"k1:{KEY1},k0:{KEY0}")
assert KEYS is not None
LIFETIME = (180 + 30) * 86400  # retention + grace: what a version 1 token lives
OPEN = Claim(
    kind="open",
    kid="",
    prepared_at=1_800_000_000,
    message_id=tokens.new_message_id(b"\x01" * 12),
    recipient=7,
    sender_fingerprint=tokens.sender_fingerprint("a" * 64),
    org_id="00D000000000001AAA",
    user_id="005000000000001AAA",
    expires_at=1_800_000_000 + LIFETIME,
)
CLICK = replace(OPEN, kind="click", link=3, url="https://example.com/a?b=1&c=%20#frag")


def _verify(token: str, keys: SigningKeys | None, kind: tokens.Kind) -> Claim | None:
    return tokens.verify(token, keys, kind, v1_lifetime=LIFETIME)


def sign_v1(claim: Claim, keys: SigningKeys) -> str:
    """A token in the version 1 format (before tokens carried their expiry)."""
    kid = keys.current_kid
    payload = bytes([1, 1 if claim.kind == "open" else 2]) + bytes([len(kid)]) + kid.encode()
    payload += struct.pack(">I", claim.prepared_at)
    payload += base64.urlsafe_b64decode(claim.message_id + "==")
    payload += bytes([claim.recipient]) + claim.sender_fingerprint
    for text in (claim.org_id, claim.user_id):
        payload += bytes([len(text.encode())]) + text.encode()
    if claim.kind == "click":
        url = (claim.url or "").encode()
        payload += struct.pack(">HH", claim.link or 0, len(url)) + url
    mac = tokens._mac(keys.keys[kid], payload)
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


def test_an_open_token_round_trips_and_names_the_current_key() -> None:
    token = tokens.sign(OPEN, KEYS)
    assert _verify(token, KEYS, "open") == replace(OPEN, kid="k1")
    assert len(token) <= 128 and token.isascii() and "=" not in token


def test_a_click_token_carries_the_exact_destination() -> None:
    claim = _verify(tokens.sign(CLICK, KEYS), KEYS, "click")
    assert claim is not None and claim.url == CLICK.url and claim.link == 3


def test_a_token_of_one_kind_is_not_accepted_as_the_other() -> None:
    assert _verify(tokens.sign(OPEN, KEYS), KEYS, "click") is None
    assert _verify(tokens.sign(CLICK, KEYS), KEYS, "open") is None


def test_tokens_signed_with_a_previous_key_still_verify_after_rotation() -> None:
    old_keys = SigningKeys.parse(f"k0:{KEY0}")
    assert old_keys is not None
    token = tokens.sign(CLICK, old_keys)
    claim = _verify(token, KEYS, "click")
    assert claim is not None and claim.kid == "k0"


def test_a_token_whose_key_was_retired_does_not_verify() -> None:
    retired = SigningKeys.parse(f"k9:{base64.b64encode(b'r' * 32).decode()}")
    assert retired is not None
    assert _verify(tokens.sign(CLICK, retired), KEYS, "click") is None


def test_without_keys_nothing_verifies() -> None:
    assert _verify(tokens.sign(OPEN, KEYS), None, "open") is None


@pytest.mark.parametrize(
    "raw",
    [
        "k1",
        "k1:",
        "k1:not base64!",
        f"k1:{base64.b64encode(b'short').decode()}",
        f"k1:{KEY1},k1:{KEY0}",
        f"bad kid:{KEY1}",
    ],
)
def test_malformed_key_configuration_is_rejected(raw: str) -> None:
    with pytest.raises(KeyConfigError):
        SigningKeys.parse(raw)


def test_an_empty_key_configuration_means_no_keys() -> None:
    assert SigningKeys.parse("") is None
    assert SigningKeys.parse(" , ") is None


def test_url_safe_base64_keys_are_accepted() -> None:
    key = base64.urlsafe_b64encode(b"\xfb\xff" * 16).decode().rstrip("=")
    parsed = SigningKeys.parse(f"a:{key}")
    assert parsed is not None and parsed.keys["a"] == b"\xfb\xff" * 16


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=300))
def test_no_string_the_server_did_not_sign_verifies(candidate: str) -> None:
    # mostly malformed strings: the parser must refuse them without raising
    assert _verify(candidate, KEYS, "click") is None
    assert _verify(candidate, KEYS, "open") is None


_TEXT_ID = st.text(min_size=1, max_size=40).filter(lambda s: len(s.encode()) <= 255)
_CLAIMS = st.builds(
    Claim,
    kind=st.sampled_from(["open", "click"]),
    kid=st.just(""),
    prepared_at=st.integers(0, 2**32 - 2),
    message_id=st.binary(min_size=12, max_size=12).map(tokens.new_message_id),
    recipient=st.integers(0, 255),
    sender_fingerprint=st.binary(min_size=6, max_size=6),
    org_id=_TEXT_ID,
    user_id=_TEXT_ID,
    expires_at=st.just(2**32 - 1),
).map(
    lambda c: (
        c
        if c.kind == "open"
        else replace(c, link=c.recipient, url=f"https://evil.example/{c.prepared_at}")
    )
)


def _keys_with(kid: str, key: bytes) -> SigningKeys:
    keys = SigningKeys.parse(f"{kid}:{base64.b64encode(key).decode()}")
    assert keys is not None
    return keys


@settings(max_examples=200)
@given(
    claim=_CLAIMS,
    kid=st.sampled_from(["k1", "k0", "k9"]),
    key=st.binary(min_size=32, max_size=64),
)
def test_well_formed_tokens_signed_with_a_key_the_server_does_not_hold_do_not_verify(
    claim: Claim, kid: str, key: bytes
) -> None:
    # Given a well-formed token signed with a random key, under a kid the server knows or not
    token = tokens.sign(claim, _keys_with(kid, key))
    # Then it does not verify (while the same claim signed with the server's key does)
    assert _verify(token, KEYS, claim.kind) is None
    assert _verify(tokens.sign(claim, KEYS), KEYS, claim.kind) is not None


@settings(max_examples=200)
@given(claim=_CLAIMS, mac=st.binary(min_size=tokens.MAC_BYTES, max_size=tokens.MAC_BYTES))
def test_a_signed_token_whose_mac_is_replaced_does_not_verify(claim: Claim, mac: bytes) -> None:
    raw = base64.urlsafe_b64decode(tokens.sign(claim, KEYS) + "==")
    forged = base64.urlsafe_b64encode(raw[: -tokens.MAC_BYTES] + mac).decode().rstrip("=")
    assert _verify(forged, KEYS, claim.kind) is None or raw.endswith(mac)


@settings(max_examples=100)
@given(claim=_CLAIMS, key=st.binary(min_size=32, max_size=64))
def test_the_redirect_never_follows_a_token_signed_with_another_key(
    claim: Claim, key: bytes
) -> None:
    from chalicelib.metrics import MetricsBuffer
    from chalicelib.org_settings import OrgSettings, OrgState
    from chalicelib.tracking.hits import HitRequest, HotPath

    # Given the click hot path with the server's keys, recording into a list
    recorded: list[object] = []

    class Recorder:
        def record(self, event: object) -> bool:
            recorded.append(event)
            return True

    class Settings:
        def state(self, org_id: str) -> OrgState:
            return OrgState(OrgSettings(email_tracking=True, link_tracking=True))

    class Clock:
        def now(self) -> float:
            return 1_800_000_000.0

    hot_path = HotPath(
        KEYS, Settings(), Recorder(), Clock(), retention_seconds=2**33, metrics=MetricsBuffer()
    )
    click = replace(
        claim, kind="click", link=1, url="https://evil.example/phish", expires_at=2**32 - 1
    )
    # When a click token signed with another key under the current kid arrives
    forged = tokens.sign(click, _keys_with("k1", key))
    # Then there is no destination (the route answers 404) and nothing is recorded
    assert hot_path.click(forged, HitRequest(method="GET", user_agent="x")) is None
    assert recorded == []
    # while the server's own token does redirect
    genuine = tokens.sign(click, KEYS)
    assert hot_path.click(genuine, HitRequest(method="GET")) == "https://evil.example/phish"


@settings(max_examples=200)
@given(st.binary(min_size=0, max_size=400))
def test_no_random_bytes_verify(payload: bytes) -> None:
    candidate = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    assert _verify(candidate, KEYS, "click") is None


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@settings(max_examples=300)
@given(st.data())
def test_altering_any_character_of_a_signed_token_fails(data: st.DataObject) -> None:
    url = data.draw(st.sampled_from(["https://a.example/", "http://b.example/x?y=1#z"]))
    token = tokens.sign(replace(CLICK, url=url), KEYS)
    index = data.draw(st.integers(0, len(token) - 1))
    other = data.draw(st.sampled_from(_ALPHABET).filter(lambda c: c != token[index]))
    altered = token[:index] + other + token[index + 1 :]
    assert _verify(altered, KEYS, "click") is None


@settings(max_examples=100)
@given(st.integers(1, 40))
def test_truncated_or_extended_tokens_fail(cut: int) -> None:
    token = tokens.sign(CLICK, KEYS)
    assert _verify(token[:-cut], KEYS, "click") is None
    assert _verify(token + "A" * cut, KEYS, "click") is None


@settings(max_examples=100)
@given(
    recipient=st.integers(0, 99),
    link=st.integers(0, 65535),
    prepared_at=st.integers(0, 2**32 - 2),
    org=st.text(min_size=1, max_size=40).filter(lambda s: len(s.encode()) <= 255),
    path=st.text(alphabet="abcdefghij/?&=#%+", max_size=200),
)
def test_every_claim_round_trips(
    recipient: int, link: int, prepared_at: int, org: str, path: str
) -> None:
    claim = replace(
        CLICK,
        recipient=recipient,
        link=link,
        prepared_at=prepared_at,
        org_id=org,
        url="https://x.example/" + path,
        expires_at=min(prepared_at + LIFETIME, 2**32 - 1),
    )
    assert _verify(tokens.sign(claim, KEYS), KEYS, "click") == replace(claim, kid="k1")


def test_message_ids_are_16_url_safe_characters() -> None:
    assert tokens.is_message_id(OPEN.message_id)
    assert not tokens.is_message_id("x" * 15)
    assert not tokens.is_message_id("../../etc/passw")


# -- expiry ------------------------------------------------------------------------------------


def test_a_token_carries_its_expiry() -> None:
    claim = _verify(tokens.sign(CLICK, KEYS), KEYS, "click")
    assert claim is not None and claim.expires_at == OPEN.prepared_at + LIFETIME
    assert not claim.expired(claim.expires_at - 1) and claim.expired(claim.expires_at)


def test_a_token_cannot_expire_before_it_was_prepared() -> None:
    with pytest.raises(ValueError, match="expires after"):
        tokens.sign(replace(OPEN, expires_at=OPEN.prepared_at), KEYS)


@pytest.mark.parametrize("claim", [OPEN, CLICK])
def test_a_version_1_token_still_verifies_and_expires_a_lifetime_after_preparing(
    claim: Claim,
) -> None:
    # Given a token signed before tokens carried their expiry
    old = sign_v1(claim, KEYS)
    # Then it verifies as before, with the expiry a new token of that message would have
    verified = _verify(old, KEYS, claim.kind)
    assert verified == replace(claim, kid="k1", expires_at=claim.prepared_at + LIFETIME)
    assert tokens.verify(old, KEYS, claim.kind, v1_lifetime=60) == replace(
        claim, kid="k1", expires_at=claim.prepared_at + 60
    )


def test_a_version_1_token_with_a_changed_version_byte_does_not_verify() -> None:
    raw = bytearray(base64.urlsafe_b64decode(sign_v1(CLICK, KEYS) + "=="))
    raw[0] = 2  # read as version 2: the MAC covers the version, so this is a forgery
    forged = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
    assert _verify(forged, KEYS, "click") is None


# -- the setting's source (version 3) -----------------------------------------------------------


def sign_v2(claim: Claim, keys: SigningKeys) -> str:
    """A token in the version 2 format (an expiry, no source): version 3 without its byte."""
    kid = keys.current_kid
    raw = base64.urlsafe_b64decode(tokens.sign(claim, keys) + "==")[: -tokens.MAC_BYTES]
    source_at = 3 + len(kid) + 8
    payload = bytes([2]) + raw[1:source_at] + raw[source_at + 1 :]
    mac = tokens._mac(keys.keys[kid], payload)
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


@pytest.mark.parametrize("claim", [OPEN, CLICK])
@pytest.mark.parametrize("source", ["org", "user"])
def test_a_token_signs_where_its_setting_came_from(claim: Claim, source: tokens.Source) -> None:
    signed = tokens.sign(replace(claim, source=source), KEYS)
    verified = _verify(signed, KEYS, claim.kind)
    assert verified is not None and verified.source == source


@pytest.mark.parametrize("claim", [OPEN, CLICK])
def test_a_version_2_token_still_verifies_and_reads_as_the_orgs(claim: Claim) -> None:
    # Given a token signed before tokens carried their setting's source (by a user's choice)
    old = sign_v2(replace(claim, source="user"), KEYS)
    # Then it verifies as before, as the org's: the org's switch stops it
    assert _verify(old, KEYS, claim.kind) == replace(claim, kid="k1", source="org")


def test_a_token_whose_source_byte_is_changed_or_unknown_does_not_verify() -> None:
    raw = bytearray(base64.urlsafe_b64decode(tokens.sign(OPEN, KEYS) + "=="))
    source_at = 3 + len(KEYS.current_kid) + 8
    assert raw[source_at] == 0
    for forged_byte in (1, 2, 255):
        raw[source_at] = forged_byte
        forged = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
        assert _verify(forged, KEYS, "open") is None
    payload = bytes(raw[: -tokens.MAC_BYTES])  # re-signed with an unknown source: refused too
    resigned = payload + tokens._mac(KEYS.keys[KEYS.current_kid], payload)
    assert _verify(base64.urlsafe_b64encode(resigned).decode().rstrip("="), KEYS, "open") is None
