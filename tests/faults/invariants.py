"""What "nothing half-written" means for the table, checked after every fault.

Each rule names an item that only makes sense with another one (chalicelib/store/keys.py,
docs/architecture.md): a sign-in writes connection, profile and session together or not at all;
a session and the user's reference to it are one transaction; events exist only while their
message does; a lease is not left held once its holder has answered.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

Item = dict[str, Any]
Key = tuple[str, str]


def _alive(item: Item, now: float) -> bool:
    expires = item.get("expires_at")
    return expires is None or float(expires) > now


def keys_of(items: Iterable[Item]) -> set[Key]:
    return {(str(i["pk"]), str(i["sk"])) for i in items}


def _user_rules(by_key: dict[Key, Item]) -> list[str]:
    problems = []
    partitions: dict[str, list[str]] = {}
    for pk, sk in by_key:
        if pk.startswith("USER#"):
            partitions.setdefault(pk, []).append(sk)
    for user, sort_keys in sorted(partitions.items()):
        has_profile = "PROFILE" in sort_keys
        has_connection = "CONNECTION#salesforce" in sort_keys
        if has_connection != has_profile:
            what = "a connection without a profile" if has_connection else "a profile alone"
            problems.append(f"{user}: {what} (a sign-in half-written or half-deleted)")
        elif not has_profile:
            problems.append(f"{user}: {sorted(sort_keys)[:3]}... left without the account")
    return problems


def _session_rules(by_key: dict[Key, Item], live: list[Item]) -> list[str]:
    problems = []
    for item in live:
        pk, sk = str(item["pk"]), str(item["sk"])
        if sk == "SESSION":
            owner = str(item.get("gsi1pk", ""))
            ref = (owner, "SESSIONREF#" + pk.removeprefix("SESSION#"))
            if ref not in by_key:
                problems.append(f"{pk}: a session without its reference in {owner}")
            if (owner, "PROFILE") not in by_key:
                problems.append(f"{pk}: a session of {owner}, who has no profile")
        elif sk.startswith("SESSIONREF#"):
            target = (str(item.get("ref_pk", "")), str(item.get("ref_sk", "")))
            if target not in by_key:
                problems.append(f"{pk}/{sk}: a reference to a session that does not exist")
    return problems


def _tracking_rules(by_key: dict[Key, Item], live: list[Item]) -> list[str]:
    problems = []
    for item in live:
        pk, sk = str(item["pk"]), str(item["sk"])
        if sk.startswith("TEVT#"):
            message = sk.split("#")[1]
            if (pk, f"TMSG#{message}") not in by_key:
                problems.append(f"{pk}/{sk}: an event of a message that does not exist")
    return problems


def _lease_rules(live: list[Item], now: float) -> list[str]:
    return [
        f"{item['pk']}: a lease still held after its holder answered"
        for item in live
        if str(item["pk"]).startswith("LEASE#") and float(item.get("lease_until", 0)) > now
    ]


def problems(items: list[Item], now: float | None = None) -> list[str]:
    """Every half-written (or half-deleted) thing in the table; [] when it is consistent."""
    now = time.time() if now is None else now
    live = [i for i in items if _alive(i, now)]
    by_key = {(str(i["pk"]), str(i["sk"])): i for i in live}
    return (
        _user_rules(by_key)
        + _session_rules(by_key, live)
        + _tracking_rules(by_key, live)
        + _lease_rules(live, now)
    )
