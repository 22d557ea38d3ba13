"""Serve the Salesforce emulator on loopback from a background thread (devstack.loopback)."""

from __future__ import annotations

from devstack.loopback import LoopbackServer

from .emulator import Emulator


class EmulatorServer(LoopbackServer):
    """``EmulatorServer(emu, host, port).start()``; ``.url``; ``.stop()`` (or use ``with``)."""

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(emulator.wsgi_app, host, port, name="Salesforce emulator")
        self.emulator = emulator
