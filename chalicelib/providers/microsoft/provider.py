"""Microsoft 365 (Outlook mail and calendar through Graph) as a connection provider.

Identity platform v2.0: `<MICROSOFT_LOGIN_URL>/<MICROSOFT_TENANT>/oauth2/v2.0/authorize` and
`.../token` (`common` by default, or an organisation's tenant id), PKCE S256,
`response_mode=query`, `offline_access` for a refresh token. Every refresh answers a new refresh
token (rotation): the vault stores it atomically with the access token. Errors carry
`AADSTS<number>` codes in `error_description`; `invalid_grant` (expired, revoked, consent
withdrawn, password changed) and `interaction_required` mean the user must connect again.
The granted `scope` lists Graph scopes fully qualified (`https://graph.microsoft.com/Mail.Read`).
There is no revocation endpoint for a single grant: revoke answers False and the tokens are
deleted anyway. The account: Graph `/v1.0/me`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlencode

from chalicelib.calendars import CalendarClient
from chalicelib.connections.provider import Connection, ErrorMeanings, OAuthRejected, TokenSource
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.mail import MailReader
from chalicelib.providers import oauth2
from chalicelib.settings import Settings

NAME = "microsoft"
SCOPES = "offline_access openid email User.Read Mail.Read Calendars.ReadWrite"
#: scope -> the feature it enables
FEATURES = {"Mail.Read": "email_logging", "Calendars.ReadWrite": "calendar_sync"}
GRAPH_PREFIX = "https://graph.microsoft.com/"
_AADSTS = re.compile(r"AADSTS(\d+)")
#: refusals that mean the grant is gone for good (the user connects again)
_REVOKED_ERRORS = frozenset({"invalid_grant", "interaction_required", "consent_required"})


def short_scopes(scopes: Iterable[str]) -> list[str]:
    """Graph scopes without their resource prefix (`Mail.Read`), others as given."""
    out = []
    for scope in scopes:
        short = scope[len(GRAPH_PREFIX) :] if scope.lower().startswith(GRAPH_PREFIX) else scope
        out.append(short)
    return out


def missing_features(scopes: Iterable[str]) -> list[str]:
    return oauth2.missing_features(short_scopes(scopes), FEATURES)


def aadsts_code(description: str) -> int | None:
    found = _AADSTS.search(description)
    return int(found.group(1)) if found else None


class MicrosoftProvider(ErrorMeanings):
    """OAuth details, error meanings and the Graph client of Microsoft."""

    name = NAME
    display_name = "Microsoft"
    reauth_code = ErrorCode.MICROSOFT_REAUTH_REQUIRED
    unavailable_code = ErrorCode.MICROSOFT_UNAVAILABLE
    busy_code = ErrorCode.MICROSOFT_BUSY
    no_refresh_code = ErrorCode.MICROSOFT_NO_REFRESH_TOKEN
    reconnect = "connect Microsoft 365 again"
    offline_hint = " (offline_access); connect again"

    def __init__(self, settings: Settings, secret: Callable[[str], str]) -> None:
        self._settings = settings
        self._secret = secret

    @property
    def configured(self) -> bool:
        return bool(self._settings.microsoft_client_id)

    @property
    def redirect_uri(self) -> str:
        return self._settings.connection_redirect_uri(NAME)

    def _endpoint(self, name: str) -> str:
        settings = self._settings
        return f"{settings.microsoft_login_url}/{settings.microsoft_tenant}/oauth2/v2.0/{name}"

    def _timeout(self) -> float:
        return self._settings.mailbox_timeout_seconds

    def _token(self, form: Mapping[str, str]) -> oauth2.TokenGrant:
        full = {
            "client_id": self._settings.microsoft_client_id,
            "client_secret": self._secret(self._settings.microsoft_client_secret),
            **form,
        }
        return oauth2.token_call(
            self._endpoint("token"), full, timeout=self._timeout(), unavailable=self.unavailable
        )

    # -- the flow ----------------------------------------------------------------------------
    def authorize_url(self, params: Mapping[str, str], state: str, challenge: str) -> str:
        query = {
            "response_type": "code",
            "client_id": self._settings.microsoft_client_id,
            "redirect_uri": self.redirect_uri,
            "scope": SCOPES,
            "response_mode": "query",
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        if params.get("login_hint"):
            query["login_hint"] = params["login_hint"]
        return f"{self._endpoint('authorize')}?{urlencode(query)}"

    def exchange_code(
        self, params: Mapping[str, str], code: str, verifier: str
    ) -> oauth2.TokenGrant:
        return self._token(
            {
                "grant_type": "authorization_code",
                "code": code,
                "code_verifier": verifier,
                "redirect_uri": self.redirect_uri,
            }
        )

    def code_rejected(self, rejected: OAuthRejected) -> StratusError:
        code = aadsts_code(rejected.description)
        detail = f"{rejected.error}, AADSTS{code}" if code else rejected.error
        return StratusError(
            ErrorCode.MICROSOFT_CODE_REJECTED,
            f"Microsoft rejected the connection ({detail}); start again.",
            400,
        )

    def account_email(self, api: oauth2.JsonApi) -> str:
        """The account's address (Graph /v1.0/me: `mail`, else the sign-in name)."""
        body = api.get("/v1.0/me")
        for name in ("mail", "userPrincipalName"):
            value = body.get(name)
            if isinstance(value, str) and "@" in value:
                return value.lower()
        raise self.unavailable("/me without an email address")

    # -- a stored connection -----------------------------------------------------------------
    def refresh(self, connection: Connection, refresh_token: str) -> oauth2.TokenGrant:
        return self._token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def is_revocation(self, rejected: OAuthRejected) -> bool:
        return rejected.error in _REVOKED_ERRORS

    def revoke(self, connection: Connection, token: str) -> bool:
        return self.revoke_token(token)

    def revoke_token(self, token: str) -> bool:
        """No endpoint revokes one grant (only all of a user's sessions, through Graph with
        admin rights): False; the caller deletes the tokens anyway."""
        return False

    def client(self, connection: Connection, tokens: TokenSource) -> oauth2.JsonApi:
        return self.api(tokens)

    def mail_reader(self, tokens: TokenSource) -> MailReader:
        """Reads the user's messages and streams their attachments (chalicelib.mail)."""
        from chalicelib.providers.microsoft.mail import GraphMailReader

        return GraphMailReader(self.api(tokens))

    def calendar(self, tokens: TokenSource, calendar_id: str | None = None) -> CalendarClient:
        """The user's calendar (`None`: the default one), for calendar sync."""
        from chalicelib.providers.microsoft.calendar import GraphCalendar

        return GraphCalendar(self.api(tokens), calendar_id)

    def api(self, tokens: TokenSource) -> oauth2.JsonApi:
        return oauth2.JsonApi(
            self._settings.microsoft_graph_url,
            tokens,
            timeout=self._timeout(),
            unavailable=self.unavailable,
            busy=self.throttled,
        )
