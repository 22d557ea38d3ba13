"""Google (Gmail, Google Calendar) as a connection provider (connections.provider.Provider).

Authorization: `<GOOGLE_ACCOUNTS_URL>/o/oauth2/v2/auth` with `access_type=offline` and
`prompt=consent` (Google issues a refresh token only then), `include_granted_scopes=true`, the
user's address as `login_hint`, PKCE S256. Tokens: `<GOOGLE_OAUTH_URL>/token`; revocation:
`<GOOGLE_OAUTH_URL>/revoke`; the account: `<GOOGLE_API_URL>/oauth2/v3/userinfo`.
Users may untick scopes on Google's consent screen (granular consent): the granted `scope` of
the token response is kept, and a missing Gmail or Calendar scope names the features it
disables (the connection is then `partial`). `invalid_grant` on refresh means the grant is gone
(revoked, expired: an app in "Testing" gets refresh tokens that die after 7 days).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlencode

from chalicelib.calendars import CalendarClient
from chalicelib.connections.provider import Connection, ErrorMeanings, OAuthRejected, TokenSource
from chalicelib.errors import ErrorCode, RevocationUnanswered, StratusError
from chalicelib.mail import MailReader
from chalicelib.providers import oauth2
from chalicelib.settings import Settings

NAME = "google"
GMAIL = "https://www.googleapis.com/auth/gmail.readonly"
CALENDAR = "https://www.googleapis.com/auth/calendar.events"
SCOPES = f"openid email {GMAIL} {CALENDAR}"
#: scope -> the feature it enables
FEATURES = {GMAIL: "email_logging", CALENDAR: "calendar_sync"}


def missing_features(scopes: Iterable[str]) -> list[str]:
    return oauth2.missing_features(scopes, FEATURES)


class GoogleProvider(ErrorMeanings):
    """OAuth details, error meanings and the API client of Google."""

    name = NAME
    display_name = "Google"
    reauth_code = ErrorCode.GOOGLE_REAUTH_REQUIRED
    unavailable_code = ErrorCode.GOOGLE_UNAVAILABLE
    busy_code = ErrorCode.GOOGLE_BUSY
    no_refresh_code = ErrorCode.GOOGLE_NO_REFRESH_TOKEN
    reconnect = "connect Google again"
    offline_hint = "; connect again"

    def __init__(self, settings: Settings, secret: Callable[[str], str]) -> None:
        self._settings = settings
        self._secret = secret  # deps.secret: `ssm:` references

    @property
    def configured(self) -> bool:
        return bool(self._settings.google_client_id)

    @property
    def redirect_uri(self) -> str:
        return self._settings.connection_redirect_uri(NAME)

    def _timeout(self) -> float:
        return self._settings.mailbox_timeout_seconds

    def _client_form(self) -> dict[str, str]:
        return {
            "client_id": self._settings.google_client_id,
            "client_secret": self._secret(self._settings.google_client_secret),
        }

    # -- the flow ----------------------------------------------------------------------------
    def authorize_url(self, params: Mapping[str, str], state: str, challenge: str) -> str:
        query = {
            "response_type": "code",
            "client_id": self._settings.google_client_id,
            "redirect_uri": self.redirect_uri,
            "scope": SCOPES,
            "access_type": "offline",
            "prompt": "consent",
            "include_granted_scopes": "true",
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        if params.get("login_hint"):
            query["login_hint"] = params["login_hint"]
        return f"{self._settings.google_accounts_url}/o/oauth2/v2/auth?{urlencode(query)}"

    def exchange_code(
        self, params: Mapping[str, str], code: str, verifier: str
    ) -> oauth2.TokenGrant:
        form = {
            **self._client_form(),
            "grant_type": "authorization_code",
            "code": code,
            "code_verifier": verifier,
            "redirect_uri": self.redirect_uri,
        }
        return oauth2.token_call(
            f"{self._settings.google_oauth_url}/token",
            form,
            timeout=self._timeout(),
            unavailable=self.unavailable,
        )

    def code_rejected(self, rejected: OAuthRejected) -> StratusError:
        return StratusError(
            ErrorCode.GOOGLE_CODE_REJECTED,
            f"Google rejected the connection ({rejected.error}); start again.",
            400,
        )

    def account_email(self, api: oauth2.JsonApi) -> str:
        """The Google account's address (userinfo), on a token source."""
        body = api.get("/oauth2/v3/userinfo")
        email = body.get("email")
        if not isinstance(email, str) or "@" not in email:
            raise self.unavailable("userinfo without an email address")
        return email.lower()

    # -- a stored connection -----------------------------------------------------------------
    def refresh(self, connection: Connection, refresh_token: str) -> oauth2.TokenGrant:
        form = {
            **self._client_form(),
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
        }
        return oauth2.token_call(
            f"{self._settings.google_oauth_url}/token",
            form,
            timeout=self._timeout(),
            unavailable=self.unavailable,
        )

    def is_revocation(self, rejected: OAuthRejected) -> bool:
        return rejected.error == "invalid_grant"

    def revoke(self, connection: Connection, token: str) -> bool:
        status = self._revocation(token)
        if oauth2.unanswered(status):  # the grant may be live: the deletion is retried
            raise RevocationUnanswered(self.unavailable_code, self.display_name)
        return status == 200

    def revoke_token(self, token: str) -> bool:
        """POST <GOOGLE_OAUTH_URL>/revoke (a refresh token revokes the whole grant)."""
        return self._revocation(token) == 200

    def _revocation(self, token: str) -> int | None:
        """The revocation endpoint's HTTP status (None: out of reach)."""
        return oauth2.post_form(
            f"{self._settings.google_oauth_url}/revoke", {"token": token}, timeout=self._timeout()
        )

    def client(self, connection: Connection, tokens: TokenSource) -> oauth2.JsonApi:
        return self.api(tokens)

    def mail_reader(self, tokens: TokenSource) -> MailReader:
        """Reads the user's messages and streams their attachments (chalicelib.mail)."""
        from chalicelib.providers.google.gmail import GmailReader

        return GmailReader(self.api(tokens))

    def calendar(self, tokens: TokenSource, calendar_id: str | None = None) -> CalendarClient:
        """The user's calendar (`None`: the default one), for calendar sync."""
        from chalicelib.providers.google.calendar import GoogleCalendar

        return GoogleCalendar(self.api(tokens), calendar_id or "primary")

    def api(self, tokens: TokenSource) -> oauth2.JsonApi:
        return oauth2.JsonApi(
            self._settings.google_api_url,
            tokens,
            timeout=self._timeout(),
            unavailable=self.unavailable,
            busy=self.throttled,
        )
