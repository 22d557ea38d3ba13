"""Sign-in with Salesforce: connect Salesforce (chalicelib.connections), then create a session.

After the code exchange it reads the identity and the org configuration (one Composite call,
with the tokens just granted, held in memory), and only then stores the connection (one per
user and org), the profile, and a session. Any failure after the grant revokes it at
Salesforce and leaves nothing of the half sign-in in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from chalicelib.clock import Clock
from chalicelib.connections.authorize import Authorizations, Started
from chalicelib.connections.vault import ConnectionVault
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.logs import logger
from chalicelib.providers.salesforce import oauth, org, soql
from chalicelib.providers.salesforce.provider import NAME as SALESFORCE
from chalicelib.providers.salesforce.provider import SalesforceProvider
from chalicelib.sessions import Principal, Sessions
from chalicelib.store import keys
from chalicelib.store.profiles import ProfileItems
from chalicelib.store.table import Store
from chalicelib.usage import NOT_COUNTED, SALESFORCE_API_CALLS, UsageCounter


@dataclass(frozen=True)
class SignedIn:
    token: str = field(repr=False)
    principal: Principal
    return_to: str
    max_age: int  # of the session cookie


@dataclass
class _Attempt:
    """What a sign-in has done so far, for undoing it if it fails."""

    written: list[keys.Key] = field(default_factory=list)  # items it created
    replaced_connection: bool = False  # it replaced the user's earlier connection


class _GrantTokens:
    """A TokenSource over the tokens a sign-in was just granted, before anything is stored."""

    def __init__(self, access_token: str) -> None:
        self._access_token = access_token

    def current(self) -> str:
        return self._access_token

    def refreshed(self, stale: str) -> str:
        raise StratusError(
            ErrorCode.SALESFORCE_UNAVAILABLE,
            "Salesforce refused the token it has just issued.",
            502,
        )


@dataclass(frozen=True)
class SignIn:
    """The sign-in with Salesforce, from the login redirect to the session."""

    store: Store
    profiles: ProfileItems
    authorizations: Authorizations
    vault: ConnectionVault
    sessions: Sessions
    salesforce: SalesforceProvider
    clock: Clock
    #: (org id) -> whether the org's deletion is under way: its sign-ins are refused until done
    deleting: Callable[[str], bool] = lambda _org_id: False
    usage: UsageCounter = NOT_COUNTED  # its Salesforce API calls, in the dashboard's figures

    @property
    def redirect_uri(self) -> str:
        return self.salesforce.redirect_uri

    def start(self, *, login: str, return_to: str) -> Started:
        """Where to send the browser to sign in at the chosen login host."""
        self.salesforce.require_configured()
        login_base = self.salesforce.login_base(login)
        return self.authorizations.start(
            self.salesforce, params={"login_base": login_base}, return_to=return_to
        )

    def refused(self, error: str, state: str | None) -> StratusError:
        """Salesforce sent the browser back with an error: spend the state, say why."""
        if state:
            self.authorizations.spend(state)
        code = (
            ErrorCode.CONSENT_DENIED
            if error == "access_denied"
            else ErrorCode.SALESFORCE_LOGIN_FAILED
        )
        # `error` is one of RFC 6749's codes or a generic name (auth.models): never raw text
        reason = "consent was not given" if error == "access_denied" else f"Salesforce said {error}"
        return StratusError(code, f"Salesforce sign-in did not complete: {reason}.", 400)

    def finish(self, *, code: str, state: str, browser_nonce: str | None) -> SignedIn:
        """Finish the flow (single-use state, same browser, code exchange), sign the user in."""
        authorized = self.authorizations.finish(
            self.salesforce, state=state, code=code, browser_nonce=browser_nonce
        )
        grant: oauth.TokenGrant = authorized.grant
        login_base = authorized.params["login_base"]
        attempt = _Attempt()
        try:
            token, principal = self._sign_in(grant, login_base, attempt)
        except Exception:
            self._abandon(grant, login_base, attempt)
            raise
        return SignedIn(token, principal, authorized.return_to, self.sessions.ttl_seconds)

    def _identity(
        self, grant: oauth.TokenGrant, login_base: str
    ) -> tuple[str, str, dict[str, str]]:
        """(org id, user id, userinfo), checked against each other; an org the deployment does
        not serve is refused (403) as soon as the token response names it, before any other
        call to Salesforce."""
        if not grant.refresh_token:
            raise self.salesforce.no_refresh_token()
        if not self.salesforce.is_allowed_instance(grant.instance_url):
            raise StratusError(
                ErrorCode.SALESFORCE_BAD_INSTANCE, "Salesforce named an unexpected instance.", 502
            )
        org_id, user_id = org.identity_ids(grant.identity_url)
        self.salesforce.require_allowed_org(org_id)
        identity = self.salesforce.userinfo(login_base, grant.access_token)
        if identity.get("organization_id") != org_id or identity.get("user_id") != user_id:
            raise org.bad_identity("Salesforce identity does not match.")
        if not (soql.is_salesforce_id(org_id) and soql.is_salesforce_id(user_id)):
            raise org.bad_identity("Salesforce identity is malformed.")
        return org_id, user_id, identity

    def _sign_in(
        self, grant: oauth.TokenGrant, login_base: str, attempt: _Attempt
    ) -> tuple[str, Principal]:
        """Everything after the grant; records in `attempt` what it has done."""
        org_id, user_id, identity = self._identity(grant, login_base)
        if self.deleting(org_id):  # nothing is stored; the grant is revoked (`_abandon`)
            raise StratusError(
                ErrorCode.ORG_BEING_DELETED,
                "Your org's data is being deleted from Stratus; sign in again once that is done.",
                409,
            )
        client = self.salesforce.client_at(
            org_id, grant.instance_url, _GrantTokens(grant.access_token)
        )
        client.on_call = partial(self.usage.count, org_id, user_id, SALESFORCE_API_CALLS)
        config = org.org_configuration(client, user_id)
        # Salesforce said all it had to say: only now is anything stored
        had_profile = self.profiles.exists(org_id, user_id)
        replacing = self.vault.get(SALESFORCE, org_id, user_id) is not None
        attributes = {"instance_url": grant.instance_url, "login_base": login_base}
        self.vault.save(SALESFORCE, org_id, user_id, grant, attributes)
        if replacing:
            attempt.replaced_connection = True
        else:
            attempt.written.append(keys.connection_key(org_id, user_id, SALESFORCE))
        profile = self.profiles.put(
            org_id, user_id, _profile_fields(config, identity), int(self.clock.now())
        )
        if not had_profile:  # a profile of an earlier sign-in stays: its sessions still use it
            attempt.written.append(profile)
        signed_in = self.sessions.create(org_id, user_id, is_admin=bool(config["is_admin"]))
        logger.info("signed in", extra={"org_id": org_id, "user_id": user_id})
        return signed_in

    def _abandon(self, grant: oauth.TokenGrant, login_base: str, attempt: _Attempt) -> None:
        """Undo a sign-in that failed after the grant: revoke it at Salesforce (best effort;
        the refresh token revokes the whole grant) and delete what this sign-in stored. Except
        when it had already replaced the user's earlier connection: the user's other clients
        now run on the new grant, so it is kept (the user can sign in again, or delete the
        account)."""
        if attempt.replaced_connection:
            logger.warning("sign-in failed after renewing the connection; the connection is kept")
        elif not self.salesforce.revoke_grant(
            login_base, grant.refresh_token or grant.access_token
        ):
            logger.warning("could not revoke the tokens of a failed sign-in")
        if not attempt.written:
            return
        try:
            self.store.delete_many(attempt.written)
            org_id, user_id = org.identity_ids(grant.identity_url)
            self.vault.forget(SALESFORCE, org_id, user_id)
        except Exception:  # the sign-in's own error is the one to answer; its token is revoked
            logger.exception("could not delete the items of a failed sign-in")


def _profile_fields(config: dict[str, object], identity: dict[str, str]) -> dict[str, object]:
    user: dict[str, object] = config["user"]  # type: ignore[assignment]
    return {
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
    }
