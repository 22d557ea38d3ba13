"""Fixtures for the emulator tests: a fresh emulator served on 127.0.0.1 per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from googleemu_client import G_CLIENT_ID, G_CLIENT_SECRET, G_REDIRECT_URI, GoogleClient
from msemu_client import MS_CLIENT_ID, MS_CLIENT_SECRET, MS_REDIRECT_URI, FakeClock, MsClient
from sfemu_client import CLIENT_ID, CLIENT_SECRET, SfClient

from devstack.googleemu import GoogleEmulator
from devstack.msemu import DEMO_TENANT_ID, MicrosoftEmulator
from devstack.sfemu import Emulator, EmulatorServer


@pytest.fixture
def emu() -> Emulator:
    return Emulator(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)


@pytest.fixture
def server(emu: Emulator) -> Iterator[EmulatorServer]:
    with EmulatorServer(emu, host="127.0.0.1", port=0) as running:
        yield running


@pytest.fixture
def sf(server: EmulatorServer) -> Iterator[SfClient]:
    with requests.Session() as http:
        yield SfClient(server.url, http)


@pytest.fixture
def users(emu: Emulator) -> dict[str, str]:
    """alias -> user id of the seeded users."""
    return dict(emu.demo.users)


# ---------------------------------------------------------------- Microsoft emulator (msemu)
@pytest.fixture
def ms_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ms_emu(ms_clock: FakeClock) -> Iterator[MicrosoftEmulator]:
    emu = MicrosoftEmulator(
        client_id=MS_CLIENT_ID,
        client_secret=MS_CLIENT_SECRET,
        redirect_uris=[MS_REDIRECT_URI],
        tenant=DEMO_TENANT_ID,
        clock=ms_clock,
    )
    with emu.start(host="127.0.0.1", port=0):
        yield emu


@pytest.fixture
def ms(ms_emu: MicrosoftEmulator) -> Iterator[MsClient]:
    with requests.Session() as http:
        yield MsClient(ms_emu.url, http)


@pytest.fixture
def gemu() -> Iterator[GoogleEmulator]:
    """A seeded Google emulator served on 127.0.0.1 (a fresh one per test)."""
    emu = GoogleEmulator(G_CLIENT_ID, G_CLIENT_SECRET, [G_REDIRECT_URI]).start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def google(gemu: GoogleEmulator) -> Iterator[GoogleClient]:
    with requests.Session() as http:
        yield GoogleClient(gemu.url, http)
