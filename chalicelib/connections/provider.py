"""What the provider-neutral connection machinery needs to know about one provider."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.store.connections import Connection

__all__ = ["Connection", "Grant", "OAuthRejected", "Provider", "TokenSource"]


class Grant(Protocol):
    """A token endpoint's answer, as far as the vault cares (secrets never in a repr)."""

    @property
    def access_token(self) -> str: ...

    @property
    def refresh_token(self) -> str | None: ...


class OAuthRejected(Exception):
    """A token endpoint answered an OAuth error (`error`, e.g. invalid_grant, RFC 6749 §5.2)."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description


class TokenSource(Protocol):
    """Where an API client gets its access token (the vault implements this per connection)."""

    def current(self) -> str: ...

    def refreshed(self, stale: str) -> str:
        """A token newer than `stale`: refreshed under the connection's lease, or the one a
        concurrent refresh already stored."""
        ...


class Provider(Protocol):
    """One external system's OAuth details, error meanings and API client."""

    @property
    def name(self) -> str:
        """The provider's key in item keys, encryption contexts and leases ("salesforce")."""
        ...

    @property
    def redirect_uri(self) -> str:
        """This service's callback for the provider, registered there exactly."""
        ...

    def authorize_url(self, params: Mapping[str, str], state: str, challenge: str) -> str:
        """Where to send the browser (`params`: what the start of the flow chose)."""
        ...

    def exchange_code(self, params: Mapping[str, str], code: str, verifier: str) -> Any:
        """Code + PKCE verifier -> a Grant; OAuthRejected when the provider says no."""
        ...

    def code_rejected(self, rejected: OAuthRejected) -> StratusError:
        """What the user sees when the code exchange was refused."""
        ...

    def refresh(self, connection: Connection, refresh_token: str) -> Grant:
        """A refresh-token grant; OAuthRejected when refused."""
        ...

    def is_revocation(self, rejected: OAuthRejected) -> bool:
        """Whether a refused refresh means the grant is gone for good (mark it revoked)."""
        ...

    def revoke(self, connection: Connection, token: str) -> bool:
        """Revoke a token at the provider: True when done, False when the provider refused
        (the token is dead already, or it has no revocation); RevocationUnanswered when it did
        not answer (the grant may be live: the caller retries)."""
        ...

    def client(self, connection: Connection, tokens: TokenSource) -> Any:
        """The provider's API client on one user's connection."""
        ...

    def reauth_required(self) -> StratusError:
        """401: the connection is revoked, missing or unreadable; the user connects again."""
        ...

    def refresh_refused(self) -> StratusError:
        """The provider refused a refresh for a reason other than revocation."""
        ...

    def busy(self) -> StratusError:
        """503: another request is renewing the connection and did not finish in time."""
        ...

    def no_refresh_token(self) -> StratusError:
        """A grant without a refresh token (no offline access granted)."""
        ...


class ErrorMeanings:
    """The errors every provider answers, in its own name (a base class for providers):
    subclasses set the display name, their four codes and what the user does to reconnect."""

    display_name: ClassVar[str]
    reauth_code: ClassVar[ErrorCode]
    unavailable_code: ClassVar[ErrorCode]
    busy_code: ClassVar[ErrorCode]
    no_refresh_code: ClassVar[ErrorCode]
    reconnect: ClassVar[str]  # e.g. "connect Google again"
    offline_hint: ClassVar[str] = ""  # why a grant may lack a refresh token

    def reauth_required(self) -> StratusError:
        message = f"{self.display_name} access was revoked or has expired: {self.reconnect}."
        return StratusError(self.reauth_code, message, 401)

    def refresh_refused(self) -> StratusError:
        message = f"{self.display_name} refused to renew access."
        return StratusError(self.unavailable_code, message, 502)

    def busy(self) -> StratusError:
        message = f"The {self.display_name} connection is being renewed; retry."
        return StratusError(self.busy_code, message, 503, {"Retry-After": "1"})

    def no_refresh_token(self) -> StratusError:
        message = f"{self.display_name} did not grant offline access{self.offline_hint}."
        return StratusError(self.no_refresh_code, message, 502)

    def unavailable(self, what: str) -> StratusError:
        """The provider did not answer usefully (`what`: which call, how)."""
        message = f"{self.display_name} did not answer ({what})."
        return StratusError(self.unavailable_code, message, 502)

    def throttled(self, seconds: int) -> StratusError:
        """The provider asked us to slow down for `seconds`."""
        message = f"{self.display_name} asked us to slow down; retry."
        return StratusError(self.busy_code, message, 503, {"Retry-After": str(max(1, seconds))})


def connection_required(provider: str) -> StratusError:
    """A route or job needs the user's connection to `provider` and there is none: 409; the
    user connects with the start route."""
    return StratusError(
        ErrorCode.CONNECTION_REQUIRED,
        f"No {provider} connection: connect it with /connections/{provider}/start.",
        409,
        details={"provider": provider},
    )
