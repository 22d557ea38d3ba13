"""Sign-in with Salesforce, /me, sign-out and account deletion.

The flow: start_login stores a single-use state (TTL 10 min) with the PKCE verifier (sealed),
the login host and the hash of a browser nonce (the `stratus_oauth` cookie, see browser.py),
and sends the browser to Salesforce. finish_login takes the state (a conditional delete: a
replay finds nothing), requires the same browser, exchanges the code at that same host with the
verifier, reads the identity and the org configuration (one Composite call, with the tokens
just granted, held in memory), and only then stores the connection (one per user and org) and
the profile and creates a session. Any failure after the grant revokes it at Salesforce and
leaves nothing of the half sign-in in the table.
"""

from __future__ import annotations

import functools
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from chalicelib.auth import browser
from chalicelib.clock import Clock
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import DecryptionFailed, StratusError
from chalicelib.logs import logger
from chalicelib.providers.salesforce import hosts, oauth, soql
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.sessions import Principal, Sessions
from chalicelib.settings import Settings
from chalicelib.store import keys
from chalicelib.store.table import Store
from chalicelib.vault import (
    ACTIVE,
    PROVIDER,
    ConnectionVault,
    no_refresh_token,
    refresh_lease,
    usage_seen,
)

STATE_TTL_SECONDS = browser.MAX_AGE_SECONDS
# One fixed context: every login shares one cached data key (no KMS call per anonymous login);
# the state is bound inside the sealed plaintext instead (see _seal_verifier).
_VERIFIER_CONTEXT = {"purpose": "oauth-pkce-verifier"}


def bad_request(code: str, message: str) -> StratusError:
    return StratusError(code, message, 400)


def resolve_login_base(login: str, settings: Settings) -> str:
    """production / sandbox / an allowed host -> the login base URL; anything else is 400."""
    if login == "production":
        return settings.salesforce_login_url
    if login == "sandbox":
        return settings.salesforce_sandbox_url
    base = hosts.parse_login_host(login, settings.salesforce_origins)
    if base is None:
        raise bad_request(
            "login_host_not_allowed",
            "login must be production, sandbox, or a Salesforce My Domain or Experience Cloud "
            "host such as acme.my.salesforce.com.",
        )
    return base


def invalid_state() -> StratusError:
    return bad_request("invalid_state", "The sign-in link expired or was already used: retry.")


def _seal_verifier(envelope: Envelope, verifier: str, state_hash: str) -> bytes:
    plaintext = json.dumps({"state": state_hash, "verifier": verifier}).encode()
    return envelope.seal(plaintext, _VERIFIER_CONTEXT)


def _open_verifier(envelope: Envelope, blob: bytes, state_hash: str) -> str:
    """The PKCE verifier sealed for this state; 400 invalid_state for one sealed for another."""
    try:
        opened = json.loads(envelope.open(blob, _VERIFIER_CONTEXT))
    except (DecryptionFailed, ValueError):
        raise invalid_state() from None
    if not isinstance(opened, dict) or not isinstance(opened.get("verifier"), str):
        raise invalid_state()
    if not hmac.compare_digest(str(opened.get("state", "")), state_hash):
        logger.warning("a PKCE verifier sealed for another state was presented")
        raise invalid_state()
    return str(opened["verifier"])


@dataclass(frozen=True)
class LoginStart:
    """Where to send the browser, and the nonce its `stratus_oauth` cookie must carry."""

    location: str
    browser_nonce: str = field(repr=False)


def start_login(
    store: Store,
    envelope: Envelope,
    settings: Settings,
    clock: Clock,
    *,
    login: str,
    return_to: str,
) -> LoginStart:
    """Remember a fresh state bound to a browser nonce; the authorize URL to redirect to."""
    from chalicelib.sessions import new_token, token_hash

    if not settings.salesforce_client_id:
        raise StratusError("salesforce_not_configured", "SALESFORCE_CLIENT_ID is not set.", 503)
    login_base = resolve_login_base(login, settings)
    state = new_token()
    browser_nonce = new_token()
    verifier, challenge = oauth.new_pkce_pair()
    state_hash = token_hash(state)
    pk, sk = keys.oauth_state_key(state_hash)
    store.put_if_absent(
        {
            "pk": pk,
            "sk": sk,
            "login_base": login_base,
            "verifier": _seal_verifier(envelope, verifier, state_hash),
            "browser": browser.nonce_hash(browser_nonce),
            "return_to": return_to,
            "expires_at": int(clock.now()) + STATE_TTL_SECONDS,
        }
    )
    location = oauth.authorize_url(
        login_base,
        settings.salesforce_client_id,
        settings.salesforce_redirect_uri,
        state,
        challenge,
    )
    return LoginStart(location, browser_nonce)


def spend_state(store: Store, state: str) -> None:
    """Delete a state whatever it was (Salesforce answered an error: it cannot be used again)."""
    from chalicelib.sessions import token_hash

    store.take(keys.oauth_state_key(token_hash(state)))


@dataclass(frozen=True)
class SignedIn:
    token: str
    principal: Principal
    return_to: str


def _identity_ids(identity_url: str) -> tuple[str, str]:
    parts = urlsplit(identity_url).path.rstrip("/").split("/")
    if len(parts) < 3 or parts[-3] != "id":
        raise StratusError("salesforce_bad_identity", "Salesforce identity URL is malformed.", 502)
    return parts[-2], parts[-1]


def _records(subresponse: dict[str, Any]) -> list[dict[str, Any]]:
    if subresponse.get("httpStatusCode") != 200:
        return []
    body = subresponse.get("body") or {}
    return list(body.get("records", [])) if isinstance(body, dict) else []


class _GrantTokens:
    """A TokenSource over the tokens a sign-in was just granted, before anything is stored."""

    def __init__(self, access_token: str) -> None:
        self._access_token = access_token

    def current(self) -> str:
        return self._access_token

    def refreshed(self, stale: str) -> str:
        raise StratusError(
            "salesforce_unavailable", "Salesforce refused the token it has just issued.", 502
        )


def _org_configuration(client: SalesforceClient, user_id: str) -> dict[str, Any]:
    """Profile, permission sets and admin rights: three queries, one Composite API call."""
    who = soql.id_literal(user_id)
    replies = client.composite(
        [
            client.query_subrequest(
                "user",
                "SELECT Id, Username, Name, Email, TimeZoneSidKey, LanguageLocaleKey, "
                f"LocaleSidKey, Profile.Name FROM User WHERE Id = {who}",
            ),
            client.query_subrequest(
                "perms",
                "SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, "
                "PermissionSet.Profile.Name, PermissionSet.PermissionsModifyAllData, "
                "PermissionSet.PermissionsCustomizeApplication FROM PermissionSetAssignment "
                f"WHERE AssigneeId = {who}",
            ),
            client.query_subrequest("org", "SELECT Id, Name, IsSandbox FROM Organization"),
        ]
    )
    by_ref = {reply.get("referenceId"): reply for reply in replies}
    user = next(iter(_records(by_ref.get("user", {}))), {})
    assignments = [a.get("PermissionSet") or {} for a in _records(by_ref.get("perms", {}))]
    org = next(iter(_records(by_ref.get("org", {}))), {})
    profile_name = (user.get("Profile") or {}).get("Name")
    for permission_set in assignments:
        if permission_set.get("IsOwnedByProfile") and not profile_name:
            profile_name = (permission_set.get("Profile") or {}).get("Name")
    is_admin = any(
        p.get("PermissionsModifyAllData") is True
        or p.get("PermissionsCustomizeApplication") is True
        for p in assignments
    )
    return {
        "user": user,
        "profile_name": profile_name,
        "permission_sets": sorted(
            str(p.get("Name"))
            for p in assignments
            if p.get("Name") and not p.get("IsOwnedByProfile")
        ),
        "is_admin": is_admin,
        "org_name": org.get("Name"),
        "is_sandbox": org.get("IsSandbox"),
    }


def admin_rights(vault: ConnectionVault, org_id: str, user_id: str) -> bool:
    """The user's admin rights as Salesforce says now (one Composite API call)."""
    return bool(_org_configuration(vault.client(org_id, user_id), user_id)["is_admin"])


def finish_login(
    store: Store,
    envelope: Envelope,
    vault: ConnectionVault,
    sessions: Sessions,
    settings: Settings,
    clock: Clock,
    *,
    code: str,
    state: str,
    browser_nonce: str | None,
) -> SignedIn:
    """Take the state (single use), check the browser, exchange the code, sign the user in.

    The state is spent before the browser check: a state presented from another browser has
    leaked, and the browser that started the sign-in starts again.
    """
    from chalicelib.sessions import token_hash

    state_hash = token_hash(state)
    remembered = store.take(keys.oauth_state_key(state_hash))
    if remembered is None:
        raise invalid_state()
    if not browser.same_browser(browser_nonce, remembered.get("browser")):
        logger.warning("sign-in callback without the browser binding of its state")
        raise bad_request(
            "state_mismatch",
            "This sign-in was started in another browser, or the browser lost its sign-in "
            "cookie: start again, in one browser.",
        )
    login_base = str(remembered["login_base"])
    verifier = _open_verifier(envelope, bytes(remembered["verifier"]), state_hash)
    try:
        grant = oauth.exchange_code(
            login_base,
            settings.salesforce_client_id,
            vault.client_secret(),
            code,
            settings.salesforce_redirect_uri,
            verifier,
        )
    except oauth.OAuthRejected as rejected:
        logger.info("salesforce rejected the code", extra={"oauth_error": rejected.error})
        if rejected.error in {"invalid_signature", "invalid_response"}:
            raise StratusError(
                "salesforce_bad_response", "Salesforce's answer did not verify.", 502
            ) from None
        raise bad_request(
            "salesforce_code_rejected",
            f"Salesforce rejected the sign-in ({rejected.error}); start again.",
        ) from None
    return_to = str(remembered["return_to"])
    attempt = _Attempt()
    try:
        return _sign_in(
            store, vault, sessions, settings, clock, grant, login_base, attempt, return_to
        )
    except Exception:
        _abandon(store, vault, settings, grant, login_base, attempt)
        raise


@dataclass
class _Attempt:
    """What a sign-in has done so far, for undoing it if it fails."""

    written: list[keys.Key] = field(default_factory=list)  # items it created
    replaced_connection: bool = False  # it replaced the user's earlier connection


def _abandon(
    store: Store,
    vault: ConnectionVault,
    settings: Settings,
    grant: oauth.TokenGrant,
    login_base: str,
    attempt: _Attempt,
) -> None:
    """Undo a sign-in that failed after the grant: revoke it at Salesforce (best effort; the
    refresh token revokes the whole grant) and delete what this sign-in stored. Except when it
    had already replaced the user's earlier connection: the user's other clients now run on
    the new grant, so it is kept (the user can sign in again, or delete the account)."""
    if attempt.replaced_connection:
        logger.warning("sign-in failed after renewing the connection; the connection is kept")
    else:
        token = grant.refresh_token or grant.access_token
        if not oauth.revoke(login_base, settings.salesforce_client_id, token):
            logger.warning("could not revoke the tokens of a failed sign-in")
    if not attempt.written:
        return
    try:
        store.delete_many(attempt.written)
        org_id, user_id = _identity_ids(grant.identity_url)
        vault.forget(org_id, user_id)
    except Exception:  # the sign-in's own error is the one to answer; its token is revoked
        logger.exception("could not delete the items of a failed sign-in")


def _sign_in(
    store: Store,
    vault: ConnectionVault,
    sessions: Sessions,
    settings: Settings,
    clock: Clock,
    grant: oauth.TokenGrant,
    login_base: str,
    attempt: _Attempt,
    return_to: str,
) -> SignedIn:
    """Everything after the grant; records in `attempt` what it has done."""
    if not grant.refresh_token:
        raise no_refresh_token()
    if not hosts.is_allowed_instance(grant.instance_url, settings.salesforce_origins):
        raise StratusError(
            "salesforce_bad_instance", "Salesforce named an unexpected instance.", 502
        )
    org_id, user_id = _identity_ids(grant.identity_url)
    identity = oauth.userinfo(login_base, settings.salesforce_client_id, grant.access_token)
    if identity.get("organization_id") != org_id or identity.get("user_id") != user_id:
        raise StratusError("salesforce_bad_identity", "Salesforce identity does not match.", 502)
    if not (soql.is_salesforce_id(org_id) and soql.is_salesforce_id(user_id)):
        raise StratusError("salesforce_bad_identity", "Salesforce identity is malformed.", 502)
    client = SalesforceClient(
        grant.instance_url,
        _GrantTokens(grant.access_token),
        settings.salesforce_api_version,
        on_usage=functools.partial(usage_seen, org_id),  # the org's API use, as every call
    )
    config = _org_configuration(client, user_id)
    # Salesforce said all it had to say: only now is anything stored
    profile_key = keys.profile_key(org_id, user_id)
    connection_key = keys.connection_key(org_id, user_id, PROVIDER)
    had_profile = store.get(profile_key) is not None
    replacing = vault.get(org_id, user_id) is not None
    vault.save(org_id, user_id, grant, login_base)
    if replacing:
        attempt.replaced_connection = True
    else:
        attempt.written.append(connection_key)
    user = config["user"]
    store.put(
        {
            "pk": profile_key[0],
            "sk": profile_key[1],
            "org_id": org_id,
            "user_id": user_id,
            "username": user.get("Username") or identity.get("preferred_username"),
            "name": user.get("Name") or identity.get("name"),
            "email": user.get("Email") or identity.get("email"),
            "time_zone": user.get("TimeZoneSidKey") or identity.get("zoneinfo"),
            "language": user.get("LanguageLocaleKey") or identity.get("language"),
            "locale": user.get("LocaleSidKey") or identity.get("locale"),
            "profile_name": config["profile_name"],
            "permission_sets": config["permission_sets"],
            "is_admin": config["is_admin"],
            "org_name": config["org_name"],
            "is_sandbox": config["is_sandbox"],
            "updated_at": int(clock.now()),
        }
    )
    if not had_profile:  # a profile of an earlier sign-in stays: its sessions still use it
        attempt.written.append(profile_key)
    token, principal = sessions.create(org_id, user_id, is_admin=bool(config["is_admin"]))
    logger.info("signed in", extra={"org_id": org_id, "user_id": user_id})
    return SignedIn(token, principal, return_to)


def _iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")


def describe_me(store: Store, vault: ConnectionVault, principal: Principal) -> dict[str, Any]:
    profile = store.get(keys.profile_key(principal.org_id, principal.user_id))
    if profile is None:
        from chalicelib.sessions import unauthenticated

        raise unauthenticated()
    connection = vault.get(principal.org_id, principal.user_id)
    return {
        "user": {
            "id": principal.user_id,
            "username": profile.get("username"),
            "name": profile.get("name"),
            "email": profile.get("email"),
            "time_zone": profile.get("time_zone"),
            "language": profile.get("language"),
            "locale": profile.get("locale"),
        },
        "org": {
            "id": principal.org_id,
            "name": profile.get("org_name"),
            "is_sandbox": profile.get("is_sandbox"),
            "profile": profile.get("profile_name"),
            "permission_sets": list(profile.get("permission_sets") or []),
            "is_admin": bool(profile.get("is_admin")),
        },
        "connections": {
            "salesforce": {
                "status": connection.status if connection else "missing",
                "instance_url": connection.instance_url if connection else None,
            }
        },
        "session": {"expires_at": _iso(principal.expires_at)},
    }


def check_salesforce(vault: ConnectionVault, principal: Principal) -> dict[str, Any]:
    """A live call on the user's connection: who Salesforce says they are, and API usage."""
    client = vault.client(principal.org_id, principal.user_id)
    who = soql.id_literal(principal.user_id)
    reply = client.query(f"SELECT Id, Name FROM User WHERE Id = {who}")
    records = reply.get("records") or [{}]
    usage = client.last_usage
    return {
        "status": ACTIVE,
        "user_id": principal.user_id,
        "name": records[0].get("Name"),
        "api_usage": {"used": usage.used, "limit": usage.limit} if usage else None,
    }


def delete_account(
    store: Store, vault: ConnectionVault, settings: Settings, principal: Principal
) -> dict[str, Any]:
    """Revoke at Salesforce (best effort), then delete every item of the user."""
    revoked = False
    connection = vault.get(principal.org_id, principal.user_id)
    if connection is not None:
        try:
            refresh_token = vault.refresh_token(principal.org_id, principal.user_id)
        except Exception:  # a token we cannot open must not block deletion
            logger.exception("could not open the stored token for revocation")
            refresh_token = None
        if refresh_token:
            revoked = oauth.revoke(
                connection.login_base, settings.salesforce_client_id, refresh_token
            )
            if not revoked:
                logger.warning(
                    "salesforce revoke failed; deleting locally", extra={"org_id": principal.org_id}
                )
    deleted = store.delete_owned_by(keys.user_pk(principal.org_id, principal.user_id))
    store.delete(keys.lease_key(refresh_lease(principal.org_id, principal.user_id)))
    vault.forget(principal.org_id, principal.user_id)
    logger.info("account deleted", extra={"org_id": principal.org_id, "items": deleted})
    return {"deleted": deleted, "salesforce_revoked": revoked}
