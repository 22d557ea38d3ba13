"""Make moto answer one request at a time, as DynamoDB applies each write atomically.

moto has no per-request lock: two threads can both pass a ConditionExpression and both write,
which real DynamoDB never allows. The local stack and the tests serialise moto's request
dispatch (in-process mock and server alike) so that conditional writes, leases and single-use
items behave as they will in AWS. This changes nothing in the product code.
"""

from __future__ import annotations

import functools
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
    _PATCHED = True
