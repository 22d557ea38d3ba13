"""The provider-neutral connection machinery (chalicelib.connections) with a provider that is
not Salesforce: what a new provider gets by implementing `Provider` alone — single-use state
bound to the browser and to the signed-in user, PKCE, sealed tokens per (user, provider),
leased refresh and revocation. Real parts: moto's DynamoDB and KMS (the `store` and
`envelope` fixtures)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from chalicelib.connections.authorize import Authorizations
from chalicelib.connections.provider import Connection, OAuthRejected, TokenSource
from chalicelib.connections.vault import ConnectionVault
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.hooks import ConnectionForgotten, Hooks
from chalicelib.metrics import TOKEN_REFRESHES, MetricsBuffer
from chalicelib.store import keys
from chalicelib.store.table import Store
from tests.fakes import FakeClock

ALICE = ("00Dorg", "005alice")
BOB = ("00Dorg", "005bob")


@dataclass(frozen=True)
class Grant:
    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)


def _error(code: ErrorCode, status: int) -> StratusError:
    return StratusError(code, code.value, status)


@dataclass
class Example:
    """A minimal OAuth provider ("example"), recording what the machinery asks of it."""

    name: str = "example"
    redirect_uri: str = "https://stratus.test/connections/example/callback"
    exchanged: list[tuple[Mapping[str, str], str, str]] = field(default_factory=list)
    refreshes: list[str] = field(default_factory=list)
    refusal: str | None = None  # the OAuth error the next refresh answers

    def authorize_url(self, params: Mapping[str, str], state: str, challenge: str) -> str:
        query = f"state={state}&code_challenge={challenge}&code_challenge_method=S256"
        return f"https://idp.example/authorize?{query}&hint={params['hint']}"

    def exchange_code(self, params: Mapping[str, str], code: str, verifier: str) -> Grant:
        self.exchanged.append((params, code, verifier))
        if code == "refused":
            raise OAuthRejected("invalid_grant", "code already used")
        return Grant(f"AT-{code}", f"RT-{code}")

    def code_rejected(self, rejected: OAuthRejected) -> StratusError:
        return _error(ErrorCode.BAD_REQUEST, 400)

    def refresh(self, connection: Connection, refresh_token: str) -> Grant:
        self.refreshes.append(refresh_token)
        if self.refusal is not None:
            raise OAuthRejected(self.refusal, "refused")
        return Grant(f"AT-{len(self.refreshes)}", f"RT-rotated-{len(self.refreshes)}")

    def is_revocation(self, rejected: OAuthRejected) -> bool:
        return rejected.error == "invalid_grant"

    def revoke(self, connection: Connection, token: str) -> bool:
        return True

    def client(self, connection: Connection, tokens: TokenSource) -> TokenSource:
        return tokens  # the "API client" of this provider is its token source

    def reauth_required(self) -> StratusError:
        return _error(ErrorCode.UNAUTHENTICATED, 401)

    def refresh_refused(self) -> StratusError:
        return _error(ErrorCode.BAD_REQUEST, 502)

    def busy(self) -> StratusError:
        return _error(ErrorCode.BUSY, 503)

    def no_refresh_token(self) -> StratusError:
        return _error(ErrorCode.BAD_REQUEST, 502)


@pytest.fixture
def example() -> Example:
    return Example()


@pytest.fixture
def authorizations(store: Store, envelope: Envelope, clock: FakeClock) -> Authorizations:
    return Authorizations(store, envelope, clock)


def _state_and_challenge(location: str) -> tuple[str, str]:
    query = parse_qs(urlsplit(location).query)
    return query["state"][0], query["code_challenge"][0]


def test_a_flow_sends_the_browser_with_state_and_s256_challenge_and_exchanges_the_verifier(
    authorizations: Authorizations, example: Example
) -> None:
    # Given a flow started for a signed-in user
    started = authorizations.start(
        example, params={"hint": "alice"}, return_to="/inbox", user=ALICE
    )
    state, challenge = _state_and_challenge(started.location)
    # When the provider sends the browser back with a code
    done = authorizations.finish(
        example, state=state, code="c1", browser_nonce=started.browser_nonce, user=ALICE
    )
    # Then the code was exchanged with the verifier behind the challenge, once
    ((params, code, verifier),) = example.exchanged
    digest = hashlib.sha256(verifier.encode()).digest()
    assert base64.urlsafe_b64encode(digest).decode().rstrip("=") == challenge
    assert (dict(params), code) == ({"hint": "alice"}, "c1")
    assert (done.grant.access_token, done.return_to) == ("AT-c1", "/inbox")
    # and the state is spent: a replay is refused without a second exchange
    with pytest.raises(StratusError) as replay:
        authorizations.finish(
            example, state=state, code="c1", browser_nonce=started.browser_nonce, user=ALICE
        )
    assert replay.value.code == ErrorCode.INVALID_STATE
    assert len(example.exchanged) == 1


@pytest.mark.parametrize(
    ("finisher", "nonce_ok", "expected"),
    [
        (BOB, True, ErrorCode.INVALID_STATE),  # another signed-in user
        (None, True, ErrorCode.INVALID_STATE),  # nobody signed in
        (ALICE, False, ErrorCode.STATE_MISMATCH),  # another browser
    ],
)
def test_a_state_bound_to_a_user_and_a_browser_finishes_for_no_one_else(
    authorizations: Authorizations,
    example: Example,
    finisher: tuple[str, str] | None,
    nonce_ok: bool,
    expected: ErrorCode,
) -> None:
    # Given alice started connecting the provider in her browser
    started = authorizations.start(example, params={"hint": "a"}, return_to="/", user=ALICE)
    state, _ = _state_and_challenge(started.location)
    nonce = started.browser_nonce if nonce_ok else "another-browser"
    # When someone else finishes it
    with pytest.raises(StratusError) as refused:
        authorizations.finish(example, state=state, code="c", browser_nonce=nonce, user=finisher)
    # Then it is refused, nothing is exchanged, and the state is spent for alice too
    assert refused.value.code == expected
    assert example.exchanged == []
    with pytest.raises(StratusError):
        authorizations.finish(
            example, state=state, code="c", browser_nonce=started.browser_nonce, user=ALICE
        )


def test_a_state_of_one_provider_does_not_finish_another_providers_flow(
    authorizations: Authorizations, example: Example
) -> None:
    started = authorizations.start(example, params={"hint": "a"}, return_to="/")
    state, _ = _state_and_challenge(started.location)
    other = Example(name="other")
    with pytest.raises(StratusError) as refused:
        authorizations.finish(other, state=state, code="c", browser_nonce=started.browser_nonce)
    assert refused.value.code == ErrorCode.INVALID_STATE
    assert other.exchanged == [] and example.exchanged == []


@pytest.fixture
def forgotten() -> list[ConnectionForgotten]:
    return []


@pytest.fixture
def vault(
    store: Store,
    envelope: Envelope,
    clock: FakeClock,
    example: Example,
    forgotten: list[ConnectionForgotten],
) -> ConnectionVault:
    hooks = Hooks()
    hooks.connection_forgotten.subscribe(forgotten.append)
    return ConnectionVault(
        store, envelope, clock, {"example": example}, hooks.connection_forgotten, MetricsBuffer()
    )


def test_tokens_are_stored_sealed_per_user_and_provider(
    vault: ConnectionVault, store: Store
) -> None:
    # When alice's grant is saved with the provider's own attributes
    vault.save("example", *ALICE, Grant("AT-secret", "RT-secret"), {"region": "eu"})
    # Then the item holds no token in plain text, and the attributes read back
    item = store.get(keys.connection_key(*ALICE, "example"))
    assert item is not None
    assert "secret" not in json.dumps(item, default=repr)
    connection = vault.get("example", *ALICE)
    assert connection is not None
    assert (connection.status, dict(connection.attributes)) == ("active", {"region": "eu"})
    assert vault.refresh_token("example", *ALICE) == "RT-secret"
    # and nothing of alice's is bob's
    assert vault.get("example", *BOB) is None


def test_a_refresh_rotates_the_stored_tokens_and_is_counted(
    store: Store,
    envelope: Envelope,
    clock: FakeClock,
    example: Example,
) -> None:
    # Given alice's connection, and a vault counting its metrics
    recorder = MetricsBuffer()
    vault = ConnectionVault(
        store, envelope, clock, {"example": example}, Hooks().connection_forgotten, recorder
    )
    vault.save("example", *ALICE, Grant("AT-0", "RT-0"), {})
    tokens: Any = vault.client("example", *ALICE)
    # When the provider refused the access token and the client asks for a new one
    renewed = tokens.refreshed(tokens.current())
    # Then one refresh with the stored refresh token; the rotated one is kept
    assert (renewed, example.refreshes) == ("AT-1", ["RT-0"])
    assert vault.refresh_token("example", *ALICE) == "RT-rotated-1"
    assert recorder.pending() == [(TOKEN_REFRESHES, 1.0)]


def _refused_refresh(vault: ConnectionVault, example: Example, refusal: str) -> StratusError:
    """Alice's connection asks for a new access token and the provider answers `refusal`: the
    error her client raised, so each test can check what that refusal did to the connection."""
    vault.save("example", *ALICE, Grant("AT-0", "RT-0"), {})
    tokens: Any = vault.client("example", *ALICE)
    example.refusal = refusal
    with pytest.raises(StratusError) as refused:
        tokens.refreshed(tokens.current())
    return refused.value


def test_a_refresh_the_provider_calls_a_revocation_marks_the_connection_revoked(
    vault: ConnectionVault, example: Example, forgotten: list[ConnectionForgotten]
) -> None:
    # Given alice's connection, revoked at the provider; when a refresh is refused
    refused = _refused_refresh(vault, example, "invalid_grant")
    # Then the user is asked to connect again, the connection shows revoked, features forget
    assert refused.status == 401
    connection = vault.get("example", *ALICE)
    assert connection is not None and connection.status == "revoked"
    assert forgotten == [ConnectionForgotten(*ALICE, "example")]
    with pytest.raises(StratusError):
        vault.client("example", *ALICE)


def test_a_refusal_that_is_not_a_revocation_keeps_the_connection(
    vault: ConnectionVault, example: Example, forgotten: list[ConnectionForgotten]
) -> None:
    assert _refused_refresh(vault, example, "temporarily_unavailable").status == 502
    connection = vault.get("example", *ALICE)
    assert connection is not None and connection.status == "active"
    assert forgotten == []


def test_a_state_bound_to_a_user_is_deleted_with_the_users_account(
    authorizations: Authorizations, example: Example, store: Store
) -> None:
    # Given alice started connecting a provider, and bob did too
    started = authorizations.start(example, params={"hint": "a"}, return_to="/", user=ALICE)
    bobs = authorizations.start(example, params={"hint": "b"}, return_to="/", user=BOB)
    # When alice's account is deleted
    store.delete_owned_by(keys.user_pk(*ALICE))
    # Then her state is gone (found through the index), bob's is not
    state, _ = _state_and_challenge(started.location)
    with pytest.raises(StratusError) as gone:
        authorizations.finish(
            example, state=state, code="c", browser_nonce=started.browser_nonce, user=ALICE
        )
    assert gone.value.code == ErrorCode.INVALID_STATE
    bob_state, _ = _state_and_challenge(bobs.location)
    done = authorizations.finish(
        example, state=bob_state, code="c", browser_nonce=bobs.browser_nonce, user=BOB
    )
    assert done.grant.access_token == "AT-c"


def test_a_salesforce_state_stored_before_connections_were_generic_still_finishes(
    authorizations: Authorizations, store: Store
) -> None:
    # Given a sign-in started by the previous release (login_base at the top, no provider)
    salesforce = Example(name="salesforce")
    started = authorizations.start(
        salesforce, params={"hint": "x", "login_base": "https://acme.my.salesforce.com"},
        return_to="/me",
    )  # fmt: skip
    state, _ = _state_and_challenge(started.location)
    key = keys.oauth_state_key(hashlib.sha256(state.encode()).hexdigest())
    item = store.get(key)
    assert item is not None
    old = {k: v for k, v in item.items() if k not in {"provider", "params"}}
    store.put({**old, "login_base": "https://acme.my.salesforce.com"})
    # When the new release receives its callback
    done = authorizations.finish(
        salesforce, state=state, code="c", browser_nonce=started.browser_nonce
    )
    # Then it finishes at the login host the user chose
    assert dict(done.params) == {"login_base": "https://acme.my.salesforce.com"}
    assert salesforce.exchanged[0][0] == {"login_base": "https://acme.my.salesforce.com"}


def test_a_refresh_never_starts_when_its_new_tokens_could_not_be_sealed(
    store: Store, envelope: Envelope, clock: FakeClock, example: Example, stack: Any
) -> None:
    import boto3
    from botocore.exceptions import ClientError

    # Given alice's connection, and another container whose KMS refuses new data keys
    vault = ConnectionVault(
        store, envelope, clock, {"example": example}, Hooks().connection_forgotten, MetricsBuffer()
    )
    vault.save("example", *ALICE, Grant("AT-0", "RT-0"), {})
    kms = boto3.client("kms")

    def throttled(**_: Any) -> None:
        error = {"Error": {"Code": "ThrottlingException", "Message": "slow down"}}
        raise ClientError(error, "GenerateDataKey")  # type: ignore[arg-type]

    kms.meta.events.register("before-call.kms.GenerateDataKey", throttled)
    other = ConnectionVault(
        store,
        Envelope(kms, stack.key_alias, clock),
        clock,
        {"example": example},
        Hooks().connection_forgotten,
        MetricsBuffer(),
    )
    tokens: Any = other.client("example", *ALICE)
    # When its access token needs renewing
    with pytest.raises(StratusError) as unavailable:
        tokens.refreshed(tokens.current())
    # Then 503, and the provider was never asked (its answer could not have been kept)
    assert (unavailable.value.status, unavailable.value.code) == (
        503,
        ErrorCode.ENCRYPTION_UNAVAILABLE,
    )
    assert example.refreshes == []
    connection = vault.get("example", *ALICE)
    assert connection is not None and connection.status == "active"
