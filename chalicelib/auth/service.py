"""Sign-in with Salesforce, /me, sign-out and account deletion.

The flow: start_login stores a single-use state (TTL 10 min) with the PKCE verifier (sealed)
and the login host, and sends the browser to Salesforce. finish_login takes the state (a
conditional delete: a replay finds nothing), exchanges the code at that same host with the
verifier, reads the identity and the org configuration (one Composite call), stores the
profile and the connection (one per user and org) and creates a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from chalicelib.clock import Clock
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import StratusError
from chalicelib.logs import logger
from chalicelib.providers.salesforce import hosts, oauth, soql
from chalicelib.sessions import Principal, Sessions
from chalicelib.settings import Settings
from chalicelib.store import keys
from chalicelib.store.table import Store
from chalicelib.vault import ACTIVE, ConnectionVault

STATE_TTL_SECONDS = 600
_STATE_CONTEXT = {"purpose": "oauth-pkce-verifier"}


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


def start_login(
    store: Store,
    envelope: Envelope,
    settings: Settings,
    clock: Clock,
    *,
    login: str,
    return_to: str,
) -> str:
    """Remember a fresh state and return the Salesforce authorize URL to redirect to."""
    from chalicelib.sessions import new_token, token_hash

    if not settings.salesforce_client_id:
        raise StratusError("salesforce_not_configured", "SALESFORCE_CLIENT_ID is not set.", 503)
    login_base = resolve_login_base(login, settings)
    state = new_token()
    verifier, challenge = oauth.new_pkce_pair()
    pk, sk = keys.oauth_state_key(token_hash(state))
    store.put_if_absent(
        {
            "pk": pk,
            "sk": sk,
            "login_base": login_base,
            "verifier": envelope.seal(verifier.encode(), _STATE_CONTEXT | {"state": pk}),
            "return_to": return_to,
            "expires_at": int(clock.now()) + STATE_TTL_SECONDS,
        }
    )
    return oauth.authorize_url(
        login_base,
        settings.salesforce_client_id,
        settings.salesforce_redirect_uri,
        state,
        challenge,
    )


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


def _org_configuration(vault: ConnectionVault, org_id: str, user_id: str) -> dict[str, Any]:
    """Profile, permission sets and admin rights: three queries, one Composite API call."""
    client = vault.client(org_id, user_id)
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
) -> SignedIn:
    from chalicelib.sessions import token_hash

    pk, sk = keys.oauth_state_key(token_hash(state))
    remembered = store.take((pk, sk))
    if remembered is None:
        raise bad_request("invalid_state", "The sign-in link expired or was already used: retry.")
    login_base = str(remembered["login_base"])
    verifier = envelope.open(bytes(remembered["verifier"]), _STATE_CONTEXT | {"state": pk})
    try:
        grant = oauth.exchange_code(
            login_base,
            settings.salesforce_client_id,
            settings.salesforce_client_secret,
            code,
            settings.salesforce_redirect_uri,
            verifier.decode(),
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
    vault.save(org_id, user_id, grant, login_base)
    config = _org_configuration(vault, org_id, user_id)
    user = config["user"]
    profile_pk, profile_sk = keys.profile_key(org_id, user_id)
    store.put(
        {
            "pk": profile_pk,
            "sk": profile_sk,
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
    token, principal = sessions.create(org_id, user_id, is_admin=bool(config["is_admin"]))
    logger.info("signed in", extra={"org_id": org_id, "user_id": user_id})
    return SignedIn(token, principal, str(remembered["return_to"]))


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
    vault.forget(principal.org_id, principal.user_id)
    logger.info("account deleted", extra={"org_id": principal.org_id, "items": deleted})
    return {"deleted": deleted, "salesforce_revoked": revoked}
