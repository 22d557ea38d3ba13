"""Count AWS requests at the botocore boundary: tests assert them exactly, `make bench` prints."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any


class AwsCallCounter:
    """Counts every request a boto3 client sends, by `service.Operation`, including retries."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: Counter[str] = Counter()

    def attach(self, client: Any) -> Any:
        service_id = client.meta.service_model.service_id.hyphenize()
        service = client.meta.service_model.service_name

        def count(operation_name: str = "", **_: Any) -> None:
            with self._lock:
                self.calls[f"{service}.{operation_name}"] += 1

        # request-created fires once per HTTP attempt (retries count), before any stub answers
        client.meta.events.register(f"request-created.{service_id}", count)
        return client

    def count(self, prefix: str = "") -> int:
        with self._lock:
            return sum(n for name, n in self.calls.items() if name.startswith(prefix))

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
