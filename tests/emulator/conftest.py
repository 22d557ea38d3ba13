"""Fixtures for the Salesforce emulator tests: a fresh emulator served on 127.0.0.1 per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from sfemu_client import CLIENT_ID, CLIENT_SECRET, SfClient

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
