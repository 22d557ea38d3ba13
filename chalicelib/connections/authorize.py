"""The authorization-code flow with PKCE, for any provider (RFC 6749 §4.1, RFC 7636).

`start` stores a single-use state (TTL 10 min) with the PKCE verifier (sealed), what the flow
chose (`params`, e.g. Salesforce's login host), the hash of a browser nonce (the
`__Secure-stratus_oauth` cookie, see browser.py) and, when a signed-in user connects another
provider, that user; it answers where to send the browser. `finish` takes the state (a conditional
delete: a replay finds nothing), requires the same browser (and the same user), and exchanges
the code with the verifier at the provider. The state is spent before any check: a state
presented from another browser has leaked, and the browser that started the flow starts again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.clock import Clock
from chalicelib.connections import browser
from chalicelib.connections.provider import OAuthRejected, Provider
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import (
    ConditionFailed,
    DecryptionFailed,
    ErrorCode,
    StratusError,
    Unavailable,
)
from chalicelib.logs import logger
from chalicelib.sessions import new_token, token_hash
from chalicelib.store import keys
from chalicelib.store.table import Store

STATE_TTL_SECONDS = browser.MAX_AGE_SECONDS
# One fixed context: every flow shares one cached data key (no KMS call per anonymous login);
# the state is bound inside the sealed plaintext instead (see _seal_verifier).
_VERIFIER_CONTEXT = {"purpose": "oauth-pkce-verifier"}


def new_pkce_pair() -> tuple[str, str]:
    """A fresh PKCE (verifier, S256 challenge); the verifier is 86 URL-safe characters."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def invalid_state() -> StratusError:
    return StratusError(
        ErrorCode.INVALID_STATE, "The sign-in link expired or was already used: retry.", 400
    )


@dataclass(frozen=True)
class Started:
    """Where to send the browser, and the nonce its `__Secure-stratus_oauth` cookie must carry."""

    location: str
    browser_nonce: str = field(repr=False)


@dataclass(frozen=True)
class Authorized:
    """A finished flow: the provider's grant, what the start chose, where to return."""

    grant: Any = field(repr=False)
    params: Mapping[str, str]
    return_to: str


class Authorizations:
    """OAuth states in the table, and the code exchange."""

    def __init__(self, store: Store, envelope: Envelope, clock: Clock) -> None:
        self._store = store
        self._envelope = envelope
        self._clock = clock

    def start(
        self,
        provider: Provider,
        *,
        params: Mapping[str, str],
        return_to: str,
        user: tuple[str, str] | None = None,
    ) -> Started:
        """Remember a fresh state bound to a browser nonce (and `user`, (org, user), when one
        is signed in); the provider's authorize URL to redirect to."""
        state, nonce = new_token(), new_token()
        verifier, challenge = new_pkce_pair()
        state_hash = token_hash(state)
        pk, sk = keys.oauth_state_key(state_hash)
        item: dict[str, Any] = {
            "pk": pk,
            "sk": sk,
            "provider": provider.name,
            "params": dict(params),
            "verifier": self._seal_verifier(verifier, state_hash),
            "browser": browser.nonce_hash(nonce),
            "return_to": return_to,
            "expires_at": int(self._clock.now()) + STATE_TTL_SECONDS,
        }
        if user is not None:  # reachable from the user (gsi1), so account deletion finds it
            item["user"] = "#".join(user)
            item["gsi1pk"] = keys.user_pk(*user)
            item["gsi1sk"] = f"OAUTHSTATE#{state_hash}"
        self._store.put_if_absent(item)
        return Started(provider.authorize_url(params, state, challenge), nonce)

    def spend(self, state: str) -> None:
        """Delete a state whatever it was (the provider answered an error: it cannot be used
        again)."""
        self._store.take(keys.oauth_state_key(token_hash(state)))

    def finish(
        self,
        provider: Provider,
        *,
        state: str,
        code: str,
        browser_nonce: str | None,
        user: tuple[str, str] | None = None,
    ) -> Authorized:
        """Take the state (single use), check browser and user, exchange the code."""
        state_hash = token_hash(state)
        remembered = self._store.take(keys.oauth_state_key(state_hash))
        if remembered is not None and "provider" not in remembered:
            remembered = _from_salesforce_login(remembered)
        if remembered is None or remembered.get("provider") != provider.name:
            raise invalid_state()
        if not browser.same_browser(browser_nonce, remembered.get("browser")):
            logger.warning("OAuth callback without the browser binding of its state")
            raise StratusError(
                ErrorCode.STATE_MISMATCH,
                "This sign-in was started in another browser, or the browser lost its sign-in "
                "cookie: start again, in one browser.",
                400,
            )
        if remembered.get("user") != ("#".join(user) if user is not None else None):
            logger.warning("OAuth callback for another signed-in user than its state's")
            raise invalid_state()
        params = {str(k): str(v) for k, v in dict(remembered.get("params") or {}).items()}
        try:
            verifier = self._open_verifier(bytes(remembered["verifier"]), state_hash)
            grant = provider.exchange_code(params, code, verifier)
        except Unavailable:
            # KMS, or the secret the exchange needs, out of reach: the code was not sent, so the
            # same callback may be tried again
            self._give_back(remembered)
            raise
        except OAuthRejected as rejected:
            logger.info("the provider rejected the code", extra={"oauth_error": rejected.error})
            raise provider.code_rejected(rejected) from None
        return Authorized(grant, params, str(remembered["return_to"]))

    def _give_back(self, remembered: dict[str, Any]) -> None:
        """Store a state taken by a callback that could not go on (it keeps its expiry); it
        has already passed the browser check, so only that browser can use it again."""
        try:
            self._store.put_if_absent(remembered)
        except (ConditionFailed, StratusError):  # the callback's own error is the one to answer
            logger.warning("an OAuth state could not be given back after an outage")

    def _seal_verifier(self, verifier: str, state_hash: str) -> bytes:
        plaintext = json.dumps({"state": state_hash, "verifier": verifier}).encode()
        return self._envelope.seal(plaintext, _VERIFIER_CONTEXT)

    def _open_verifier(self, blob: bytes, state_hash: str) -> str:
        """The PKCE verifier sealed for this state; 400 invalid_state for one sealed for
        another."""
        try:
            opened = json.loads(self._envelope.open(blob, _VERIFIER_CONTEXT))
        except (DecryptionFailed, ValueError):
            raise invalid_state() from None
        if not isinstance(opened, dict) or not isinstance(opened.get("verifier"), str):
            raise invalid_state()
        if not hmac.compare_digest(str(opened.get("state", "")), state_hash):
            logger.warning("a PKCE verifier sealed for another state was presented")
            raise invalid_state()
        return str(opened["verifier"])


def _from_salesforce_login(remembered: dict[str, Any]) -> dict[str, Any]:
    """A state stored by the Salesforce sign-in before connections were provider-neutral
    (`login_base` at the top, no provider): read as the same state, so a sign-in in flight
    across a deployment finishes. States live 10 minutes: remove after the next release."""
    params = {"login_base": remembered.get("login_base", "")}
    return {**remembered, "provider": "salesforce", "params": params}
