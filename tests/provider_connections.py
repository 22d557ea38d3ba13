"""Alice's Google and Microsoft connections held by the real vault (moto), against the bundled
emulators over real HTTP: the fixtures the provider-client tests share (mail readers, calendar
clients). Import the fixtures by name into a test module that uses them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from chalicelib.connections.vault import ConnectionVault
from chalicelib.crypto.envelope import Envelope
from chalicelib.hooks import Hooks
from chalicelib.metrics import MetricsBuffer
from chalicelib.providers.google.provider import GoogleProvider
from chalicelib.providers.microsoft.provider import MicrosoftProvider
from chalicelib.providers.oauth2 import TokenGrant
from chalicelib.settings import Settings
from chalicelib.store.table import Store
from devstack.googleemu import GoogleEmulator
from devstack.msemu import MicrosoftEmulator
from tests.fakes import FakeClock

ALICE = "alice@acme.demo"
ORG = "00D000000000001AAA"
USER = "005000000000001AAA"
GOOGLE = ("stratus-google-test.apps.googleusercontent.com", "google-test-secret")
MICROSOFT = ("stratus-ms-test", "ms-test-secret")


class VaultTokens:
    """The vault's TokenSource for alice's connection, counting the renewals asked for."""

    def __init__(self, vault: ConnectionVault, provider: str) -> None:
        self._vault, self._provider = vault, provider
        self.refreshes = 0

    def current(self) -> str:
        return self._vault.current_access_token(self._provider, ORG, USER)

    def refreshed(self, stale: str) -> str:
        self.refreshes += 1
        return self._vault.refreshed_access_token(self._provider, ORG, USER, stale)


@pytest.fixture
def gemu() -> Iterator[GoogleEmulator]:
    emu = GoogleEmulator(*GOOGLE, redirect_uris=["https://stratus.test/cb"]).start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def msemu() -> Iterator[MicrosoftEmulator]:
    emu = MicrosoftEmulator(*MICROSOFT, redirect_uris=["https://stratus.test/cb"]).start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def settings(gemu: GoogleEmulator, msemu: MicrosoftEmulator) -> Settings:
    return Settings(
        google_client_id=GOOGLE[0],
        google_client_secret=GOOGLE[1],
        google_accounts_url=gemu.url,
        google_oauth_url=gemu.url,
        google_api_url=gemu.url,
        microsoft_client_id=MICROSOFT[0],
        microsoft_client_secret=MICROSOFT[1],
        microsoft_tenant=msemu.tenant,
        microsoft_login_url=msemu.url,
        microsoft_graph_url=msemu.url,
        mailbox_timeout_seconds=30.0,
    )


@pytest.fixture
def vault(
    store: Store, envelope: Envelope, clock: FakeClock, settings: Settings
) -> ConnectionVault:
    providers = {
        "google": GoogleProvider(settings, lambda secret: secret),
        "microsoft": MicrosoftProvider(settings, lambda secret: secret),
    }
    return ConnectionVault(
        store, envelope, clock, providers, Hooks().connection_forgotten, MetricsBuffer()
    )


def connect(vault: ConnectionVault, name: str, issued: dict[str, Any]) -> VaultTokens:
    """Save alice's grant from an emulator (`issue_tokens`) in the vault; her token source."""
    grant = TokenGrant(issued["access_token"], issued["refresh_token"], issued["scope"])
    vault.save(name, ORG, USER, grant, {"email": ALICE})
    return VaultTokens(vault, name)
