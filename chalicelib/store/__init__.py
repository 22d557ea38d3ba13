"""The single DynamoDB table: key builders (keys.py) and the TTL-aware helper (table.py)."""

from chalicelib.store.table import Lease, Page, Store

__all__ = ["Lease", "Page", "Store"]
