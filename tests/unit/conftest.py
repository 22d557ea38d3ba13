"""Unit tests: pure logic, no network at all (a stray socket fails loudly)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_sockets(socket_disabled: None) -> None:
    return None
