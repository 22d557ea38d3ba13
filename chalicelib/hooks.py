"""Cross-feature effects without cross-feature imports (DESIGN §1).

A feature that must react to another's event subscribes to one of these hooks; `deps` (the
composition root) wires the subscriptions when it builds the services, so neither side imports
the other. Subscribers run in order of subscription, in the emitting request; one that raises
stops the emission (a deletion that could not finish is an error, not a silent gap).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

E = TypeVar("E")


class Hook(Generic[E]):
    """One kind of event and the functions that react to it."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[E], None]] = []

    def subscribe(self, subscriber: Callable[[E], None]) -> None:
        self._subscribers.append(subscriber)

    def emit(self, event: E) -> None:
        for subscriber in self._subscribers:
            subscriber(event)


@dataclass(frozen=True)
class ConnectionForgotten:
    """A user's connection to a provider was revoked, replaced after a failure, or deleted:
    whatever was answered through it (cached lookups) must not be served again."""

    org_id: str
    user_id: str
    provider: str


@dataclass(frozen=True)
class ConnectionDeleted:
    """The user disconnected a provider (`DELETE /connections/{provider}`): whatever a feature
    keeps for that connection goes with it (calendar sync's state and pairs)."""

    org_id: str
    user_id: str
    provider: str


@dataclass(frozen=True)
class ApiUsageSeen:
    """A provider's answer reported the org's API usage (Salesforce: Sforce-Limit-Info)."""

    org_id: str
    provider: str
    used: int
    limit: int


@dataclass(frozen=True)
class AccountDeleted:
    """The user's account is being deleted (their items in the table go next): features drop
    what they hold in memory or outside the user's partition. Subscribers must tolerate running
    again: a deletion an outage cut short is repeated by the same request."""

    org_id: str
    user_id: str


@dataclass(frozen=True)
class RecordCreated:
    """A user created a Salesforce record for an email address (a Lead or Contact): what was
    answered for that address before (e.g. "not in Salesforce") must not be served again."""

    org_id: str
    user_id: str
    address: str
    record_type: str
    record_id: str


@dataclass(frozen=True)
class Hooks:
    """The container's hooks (built once by deps)."""

    connection_forgotten: Hook[ConnectionForgotten] = field(default_factory=Hook)
    connection_deleted: Hook[ConnectionDeleted] = field(default_factory=Hook)
    api_usage_seen: Hook[ApiUsageSeen] = field(default_factory=Hook)
    account_deleted: Hook[AccountDeleted] = field(default_factory=Hook)
    record_created: Hook[RecordCreated] = field(default_factory=Hook)
