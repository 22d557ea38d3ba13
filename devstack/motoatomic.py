"""Make moto answer one request at a time, as DynamoDB applies each write atomically.

moto has no per-request lock: two threads can both pass a ConditionExpression and both write,
which real DynamoDB never allows. The local stack and the tests serialise moto's request
dispatch (in-process mock and server alike) so that conditional writes, leases and single-use
items behave as they will in AWS. This changes nothing in the product code.

Serialised, moto's cost per request is everyone's wait, and one cost grows with the table:
to roll back a failed TransactWriteItems, moto deep-copies every table the transaction names,
once per item, before doing anything - O(table size) per transaction, where DynamoDB's cost
is O(items in it). With a few thousand items (a load run, a long `make run`) every tracking
hit, session and prepared message then waits tens of milliseconds for the copy. The copy is
replaced by a snapshot of the transaction's own items (the only ones it can change), restored
on failure: the same all-or-nothing outcome.
"""

from __future__ import annotations

import copy
import functools
import importlib
import threading
from typing import Any

_LOCK = threading.RLock()
_PATCHED = False


def make_moto_atomic() -> None:
    """Idempotently wrap moto's request entry points (in-process stubber and server) in a lock."""
    global _PATCHED
    if _PATCHED:
        return
    from moto.core.botocore_stubber import BotocoreStubber
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    def locked(method: Any) -> Any:
        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with _LOCK:
                return method(*args, **kwargs)

        return wrapper

    BotocoreStubber.process_request = locked(BotocoreStubber.process_request)  # type: ignore[method-assign]
    DomainDispatcherApplication.__call__ = locked(DomainDispatcherApplication.__call__)  # type: ignore[method-assign]
    _snapshot_transactions()
    _PATCHED = True


def _transaction_keys(backend: Any, transact_items: list[dict[str, Any]]) -> list[Any]:
    """(table, hash, range) of every item a TransactWriteItems names (those it can change)."""
    from moto.dynamodb.models.dynamo_type import DynamoType

    found = []
    for entry in transact_items:
        for op in entry.values():
            table = backend.tables.get(op.get("TableName")) if isinstance(op, dict) else None
            if table is None:
                continue
            key = op.get("Key") or op.get("Item") or {}
            hashed = key.get(table.hash_key_attr)
            ranged = key.get(table.range_key_attr) if table.has_range_key else None
            if hashed is None or (table.has_range_key and ranged is None):
                continue  # moto refuses the transaction before changing anything
            found.append((table, DynamoType(hashed), DynamoType(ranged) if ranged else None))
    return found


def _restore(saved: list[tuple[Any, Any, Any, Any]]) -> None:
    for table, hashed, ranged, item in reversed(saved):
        if item is None:
            table.delete_item(hashed, ranged)
        elif ranged is None:
            table.items[hashed] = item
        else:
            table.items[hashed][ranged] = item


class _TablesAsThey:
    """Stands for the `copy` module inside moto's transact_write_items: tables are not copied
    (the snapshot below replaces that), everything else is."""

    copy = staticmethod(copy.copy)

    @staticmethod
    def deepcopy(value: Any, memo: Any = None) -> Any:
        from moto.dynamodb.models.table import Table

        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _snapshot_transactions() -> None:
    dynamodb_models: Any = importlib.import_module("moto.dynamodb.models")
    backend_class = dynamodb_models.DynamoDBBackend
    original = backend_class.transact_write_items

    @functools.wraps(original)
    def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
        saved = [
            (table, hashed, ranged, copy.deepcopy(table.get_item(hashed, ranged)))
            for table, hashed, ranged in _transaction_keys(self, transact_items)
        ]
        module_copy = dynamodb_models.copy
        dynamodb_models.copy = _TablesAsThey
        try:
            original(self, transact_items)
        except Exception:
            _restore(saved)
            raise
        finally:
            dynamodb_models.copy = module_copy

    backend_class.transact_write_items = transact_write_items
