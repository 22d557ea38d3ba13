"""The status page's request counts: one item per UTC minute, counts added atomically
(chalicelib/outcomes.py), kept an hour."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from chalicelib.store import keys
from chalicelib.store.table import Store

KEEP_SECONDS = 3600
_COUNT_NAME = re.compile(r"[a-z][a-z0-9_]{0,47}")


@dataclass(frozen=True)
class StatusCounters:
    store: Store

    def add(self, minute: int, counts: Mapping[str, int]) -> None:
        """ADD the counts to the minute's item (one UpdateItem)."""
        wanted = {name: n for name, n in counts.items() if n > 0 and _COUNT_NAME.fullmatch(name)}
        if not wanted:
            return
        names = {f"#c{i}": name for i, name in enumerate(wanted)}
        values: dict[str, int] = {f":c{i}": n for i, n in enumerate(wanted.values())}
        values[":exp"] = (minute + 1) * 60 + KEEP_SECONDS
        adds = ", ".join(f"#c{i} :c{i}" for i in range(len(wanted)))
        self.store.update(
            keys.status_minute_key(minute), f"ADD {adds} SET expires_at = :exp", values, names
        )

    def summed(self, minutes: Iterable[int], names: Sequence[str]) -> dict[str, int]:
        """The counts `names` of those minutes, summed (one BatchGetItem)."""
        total = dict.fromkeys(names, 0)
        wanted = [keys.status_minute_key(m) for m in minutes]
        for item in self.store.batch_get(wanted, attributes=names):
            for name in names:
                value = item.get(name)
                if isinstance(value, int):
                    total[name] += value
        return total
