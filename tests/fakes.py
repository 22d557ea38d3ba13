"""Test doubles for time only (AWS is moto, Salesforce is the emulator)."""

from __future__ import annotations

import threading
import time


class FakeClock:
    """A clock the test moves by hand (starts at the real time, so epoch values look real)."""

    def __init__(self, start: float | None = None) -> None:
        self._now = time.time() if start is None else start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds
