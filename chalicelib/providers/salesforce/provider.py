"""Salesforce as a connection provider (chalicelib.connections.provider.Provider).

`params` of a flow hold `login_base`, the login host the user chose (production, sandbox, My
Domain, Experience Cloud); the connection keeps it beside `instance_url`, since refreshes and
revocations go to the login host that granted the tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from chalicelib.connections.provider import Connection, ErrorMeanings, OAuthRejected, TokenSource
from chalicelib.errors import ErrorCode, RevocationUnanswered, StratusError
from chalicelib.providers import oauth2
from chalicelib.providers.salesforce import hosts, oauth
from chalicelib.providers.salesforce.allowed_orgs import OrgAllowList
from chalicelib.providers.salesforce.client import ApiUsage, SalesforceClient
from chalicelib.settings import Settings

NAME = "salesforce"


class SalesforceProvider(ErrorMeanings):
    """OAuth details, error meanings and the REST client of Salesforce."""

    name = NAME
    display_name = "Salesforce"
    reauth_code = ErrorCode.SALESFORCE_REAUTH_REQUIRED
    unavailable_code = ErrorCode.SALESFORCE_UNAVAILABLE
    busy_code = ErrorCode.SALESFORCE_BUSY
    no_refresh_code = ErrorCode.SALESFORCE_NO_REFRESH_TOKEN
    reconnect = "sign in with Salesforce again"
    offline_hint = ": the connected app needs the refresh_token scope"

    def __init__(
        self,
        settings: Settings,
        secret: Callable[[str], str],
        usage_seen: Callable[[str, ApiUsage], None],
    ) -> None:
        self._settings = settings
        self._secret = secret  # resolves a secret setting (deps.secret: `ssm:` references)
        self._usage_seen = usage_seen  # every answer's Sforce-Limit-Info, by org
        self._allowed_orgs = OrgAllowList.configured(
            settings.allowed_salesforce_orgs, settings.stage
        )

    @property
    def redirect_uri(self) -> str:
        return self._settings.salesforce_redirect_uri

    @property
    def client_id(self) -> str:
        return self._settings.salesforce_client_id

    def client_secret(self) -> str:
        """The connected app's consumer secret (read from SSM on first use when referenced)."""
        return self._secret(self._settings.salesforce_client_secret)

    def require_configured(self) -> None:
        """503 before a sign-in starts that could never finish: no client id, or no usable
        ALLOWED_SALESFORCE_ORGS where one is required."""
        if not self.client_id:
            raise StratusError(
                ErrorCode.SALESFORCE_NOT_CONFIGURED, "SALESFORCE_CLIENT_ID is not set.", 503
            )
        self._allowed_orgs.require_usable()

    def require_allowed_org(self, org_id: str) -> None:
        """403 org_not_allowed for an org this deployment does not serve."""
        self._allowed_orgs.require_allowed(org_id)

    def login_base(self, login: str) -> str:
        """production / sandbox / an allowed host -> the login base URL; anything else 400."""
        if login == "production":
            return self._settings.salesforce_login_url
        if login == "sandbox":
            return self._settings.salesforce_sandbox_url
        base = hosts.parse_login_host(login, self._settings.salesforce_origins)
        if base is None:
            raise StratusError(
                ErrorCode.LOGIN_HOST_NOT_ALLOWED,
                "login must be production, sandbox, or a Salesforce My Domain or Experience "
                "Cloud host such as acme.my.salesforce.com.",
                400,
            )
        return base

    def is_allowed_instance(self, instance_url: str) -> bool:
        return hosts.is_allowed_instance(instance_url, self._settings.salesforce_origins)

    # -- the flow ----------------------------------------------------------------------------
    def authorize_url(self, params: Mapping[str, str], state: str, challenge: str) -> str:
        return oauth.authorize_url(
            params["login_base"], self.client_id, self.redirect_uri, state, challenge
        )

    def exchange_code(
        self, params: Mapping[str, str], code: str, verifier: str
    ) -> oauth.TokenGrant:
        return oauth.exchange_code(
            params["login_base"],
            self.client_id,
            self.client_secret(),
            code,
            self.redirect_uri,
            verifier,
        )

    def code_rejected(self, rejected: OAuthRejected) -> StratusError:
        if rejected.error in {"invalid_signature", "invalid_response"}:
            return StratusError(
                ErrorCode.SALESFORCE_BAD_RESPONSE, "Salesforce's answer did not verify.", 502
            )
        return StratusError(
            ErrorCode.SALESFORCE_CODE_REJECTED,
            f"Salesforce rejected the sign-in ({rejected.error}); start again.",
            400,
        )

    def userinfo(self, login_base: str, access_token: str) -> dict[str, Any]:
        return oauth.userinfo(login_base, self.client_id, access_token)

    def revoke_grant(self, login_base: str, token: str) -> bool:
        return oauth.revoke(login_base, self.client_id, token)

    # -- a stored connection -----------------------------------------------------------------
    def refresh(self, connection: Connection, refresh_token: str) -> oauth.TokenGrant:
        return oauth.refresh(
            connection.attributes["login_base"],
            self.client_id,
            self.client_secret(),
            refresh_token,
        )

    def is_revocation(self, rejected: OAuthRejected) -> bool:
        return rejected.error == "invalid_grant"

    def revoke(self, connection: Connection, token: str) -> bool:
        login_base = connection.attributes["login_base"]
        status = oauth.revocation_status(login_base, self.client_id, token)
        if oauth2.unanswered(status):  # the grant may be live: the deletion is retried
            raise RevocationUnanswered(self.unavailable_code, self.display_name)
        return status == 200

    def client(self, connection: Connection, tokens: TokenSource) -> SalesforceClient:
        return self.client_at(connection.org_id, connection.attributes["instance_url"], tokens)

    def client_at(self, org_id: str, instance_url: str, tokens: TokenSource) -> SalesforceClient:
        """A REST client at `instance_url`; every answer's API usage is reported for the org."""
        return SalesforceClient(
            instance_url,
            tokens,
            self._settings.salesforce_api_version,
            on_usage=functools.partial(self._usage_seen, org_id),
            read_timeout=self._settings.salesforce_timeout_seconds,
        )
