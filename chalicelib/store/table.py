"""The single-table helper: TTL-aware reads, conditional writes, leases, counters, pages.

DynamoDB deletes expired items lazily (up to about 48 hours late, moto never): every read
path here treats `expires_at <= now` as absent, through `_alive`, and no caller repeats it.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, LeaseHeld, StoreBusy, ValidationFailed
from chalicelib.store.keys import REF_PK, REF_SK, Key, lease_key

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

TTL_ATTR = "expires_at"
Item = dict[str, Any]
_serializer = TypeSerializer()
_deserializer = TypeDeserializer()
_TRANSACT_ATTEMPTS = 3  # a transaction cancelled by a conflict is tried again, then raised
_BATCH_ATTEMPTS = 7  # a batch's unprocessed items are retried with capped backoff, then 503
_NOT_EXPIRED = f"(attribute_not_exists({TTL_ATTR}) OR {TTL_ATTR} > :now)"


def _plain(value: Any) -> Any:
    """DynamoDB numbers come back as Decimal; give callers int or float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, set):
        return {_plain(v) for v in value}
    return value


def _dynamo_value(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _dynamo_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dynamo_value(v) for v in value]
    return value


def to_attrs(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _serializer.serialize(_dynamo_value(v)) for k, v in item.items()}


def from_attrs(attrs: Mapping[str, Any]) -> Item:
    return {k: _plain(_deserializer.deserialize(v)) for k, v in attrs.items()}


def _condition_failed(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


def _conflicted(exc: ClientError) -> bool:
    """A transaction cancelled only by conflicts with other transactions (worth retrying)."""
    if exc.response.get("Error", {}).get("Code") != "TransactionCanceledException":
        return False
    reasons = [r.get("Code", "None") for r in exc.response.get("CancellationReasons", [])]
    failed = [code for code in reasons if code != "None"]
    return bool(failed) and all(code == "TransactionConflict" for code in failed)


def _cancelled_by_conditions(exc: ClientError) -> bool:
    """A transaction cancelled only because a condition did not hold (not a conflict, not
    throttling: those stay errors, to be retried or reported)."""
    if exc.response.get("Error", {}).get("Code") != "TransactionCanceledException":
        return False
    reasons = [r.get("Code", "None") for r in exc.response.get("CancellationReasons", [])]
    if not reasons:  # some endpoints only say it in the message
        return "ConditionalCheckFailed" in str(exc.response.get("Error", {}).get("Message", ""))
    failed = [code for code in reasons if code != "None"]
    return bool(failed) and all(code == "ConditionalCheckFailed" for code in failed)


@dataclass(frozen=True)
class Page:
    """One page of a query; `cursor` is None on the last page."""

    items: list[Item]
    cursor: str | None


@dataclass(frozen=True)
class Lease:
    """Proof of holding a lease until `expires_at` (epoch seconds)."""

    resource: str
    holder: str
    expires_at: float


class Store:
    """The table, seen through the rules of DESIGN §2."""

    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        clock: Clock,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._table = table_name
        self._clock = clock
        self._sleep = sleep

    # -- reads -------------------------------------------------------------------------------
    def _alive(self, item: Item | None) -> Item | None:
        """The one place that hides expired items."""
        if item is None:
            return None
        expires = item.get(TTL_ATTR)
        if expires is not None and float(expires) <= self._clock.now():
            return None
        return item

    def get(self, key: Key, *, consistent: bool = True) -> Item | None:
        pk, sk = key
        reply = self._client.get_item(
            TableName=self._table,
            Key=to_attrs({"pk": pk, "sk": sk}),
            ConsistentRead=consistent,
        )
        raw = reply.get("Item")
        return self._alive(from_attrs(raw)) if raw else None

    def query(
        self,
        pk: str,
        *,
        sk_prefix: str | None = None,
        index: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
        newest_first: bool = False,
    ) -> Page:
        """One page of live items under `pk` (on the table, or on gsi1 with index="gsi1")."""
        pk_name, sk_name = ("gsi1pk", "gsi1sk") if index == "gsi1" else ("pk", "sk")
        condition = "#pk = :pk"
        names = {"#pk": pk_name}
        values: dict[str, Any] = {":pk": pk}
        if sk_prefix:
            condition += " AND begins_with(#sk, :prefix)"
            names["#sk"] = sk_name
            values[":prefix"] = sk_prefix
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": to_attrs(values),
            "Limit": limit,
            "ScanIndexForward": not newest_first,
        }
        if index:
            kwargs["IndexName"] = index
        if cursor:
            kwargs["ExclusiveStartKey"] = self._decode_cursor(cursor, pk_name, pk)
        reply = self._client.query(**kwargs)
        items = [self._alive(from_attrs(raw)) for raw in reply.get("Items", [])]
        last = reply.get("LastEvaluatedKey")
        next_cursor = self._encode_cursor(from_attrs(last)) if last else None
        return Page([i for i in items if i is not None], next_cursor)

    def query_all(
        self, pk: str, *, sk_prefix: str | None = None, index: str | None = None
    ) -> Iterator[Item]:
        """Every live item under `pk`, across pages."""
        cursor: str | None = None
        while True:
            page = self.query(pk, sk_prefix=sk_prefix, index=index, limit=500, cursor=cursor)
            yield from page.items
            if page.cursor is None:
                return
            cursor = page.cursor

    @staticmethod
    def _encode_cursor(key: Item) -> str:
        raw = json.dumps(key, sort_keys=True, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @staticmethod
    def _decode_cursor(cursor: str, pk_name: str, pk: str) -> dict[str, Any]:
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            key = json.loads(base64.urlsafe_b64decode(padded.encode()))
        except (ValueError, binascii.Error):
            raise ValidationFailed("The cursor is not valid.", field="cursor") from None
        if (
            not isinstance(key, dict)
            or key.get(pk_name) != pk
            or not all(isinstance(v, str | int) for v in key.values())
        ):
            raise ValidationFailed("The cursor is not valid.", field="cursor")
        return to_attrs(key)

    # -- writes ------------------------------------------------------------------------------
    def put(self, item: Mapping[str, Any]) -> None:
        self._client.put_item(TableName=self._table, Item=to_attrs(item))

    def put_if_absent(self, item: Mapping[str, Any], *, requires: Key | None = None) -> None:
        """Create the item unless a live one holds the key (an expired one does not count).

        `requires`: and only while that item exists and is alive, checked in the same request
        (a transaction: one request, so one write on the hot path) - e.g. an event is stored
        only while its message is, so nothing is recreated for a deleted account.
        ConditionFailed when either condition does not hold.
        """
        now = to_attrs({":now": int(self._clock.now())})
        absent = f"attribute_not_exists(pk) OR {TTL_ATTR} <= :now"
        try:
            if requires is None:
                self._client.put_item(
                    TableName=self._table,
                    Item=to_attrs(item),
                    ConditionExpression=absent,
                    ExpressionAttributeValues=now,
                )
                return
            self._transact(
                [
                    {
                        "ConditionCheck": {
                            "TableName": self._table,
                            "Key": to_attrs({"pk": requires[0], "sk": requires[1]}),
                            "ConditionExpression": f"attribute_exists(pk) AND {_NOT_EXPIRED}",
                            "ExpressionAttributeValues": now,
                        }
                    },
                    {
                        "Put": {
                            "TableName": self._table,
                            "Item": to_attrs(item),
                            "ConditionExpression": absent,
                            "ExpressionAttributeValues": now,
                        }
                    },
                ]
            )
        except ClientError as exc:
            if _condition_failed(exc) or _cancelled_by_conditions(exc):
                raise ConditionFailed(
                    f"{item['pk']}/{item['sk']} exists or lacks its owner"
                ) from None
            raise

    def _transact(self, items: list[dict[str, Any]]) -> None:
        """TransactWriteItems, retried (jittered, 3 attempts) while DynamoDB cancels it for a
        conflict with another transaction on one of its items - concurrent hits on one message
        all check that message. The SDK does not retry these; conditions are never retried."""
        for attempt in range(_TRANSACT_ATTEMPTS):
            try:
                self._client.transact_write_items(TransactItems=items)  # type: ignore[arg-type]
                return
            except ClientError as exc:
                if attempt + 1 == _TRANSACT_ATTEMPTS or not _conflicted(exc):
                    raise
            self._sleep(random.uniform(0.005, 0.025) * (attempt + 1))  # noqa: S311 - jitter

    def put_new(self, items: Sequence[Mapping[str, Any]]) -> None:
        """Create several items together (one transaction): all or none; ConditionFailed when a
        live item already holds one of the keys."""
        now = to_attrs({":now": int(self._clock.now())})
        absent = f"attribute_not_exists(pk) OR {TTL_ATTR} <= :now"
        try:
            self._transact(
                [
                    {
                        "Put": {
                            "TableName": self._table,
                            "Item": to_attrs(item),
                            "ConditionExpression": absent,
                            "ExpressionAttributeValues": now,
                        }
                    }
                    for item in items
                ]
            )
        except ClientError as exc:
            if _cancelled_by_conditions(exc):
                raise ConditionFailed("an item exists") from None
            raise

    def update(
        self,
        key: Key,
        expression: str,
        values: Mapping[str, Any],
        names: Mapping[str, str] | None = None,
        *,
        condition: str | None = None,
    ) -> None:
        """An UpdateItem with an optional condition; ConditionFailed when it does not hold."""
        pk, sk = key
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "Key": to_attrs({"pk": pk, "sk": sk}),
            "UpdateExpression": expression,
            "ExpressionAttributeValues": to_attrs(values),
        }
        if names:
            kwargs["ExpressionAttributeNames"] = dict(names)
        if condition:
            kwargs["ConditionExpression"] = condition
        try:
            self._client.update_item(**kwargs)
        except ClientError as exc:
            if _condition_failed(exc):
                raise ConditionFailed(f"{pk}/{sk}: {condition}") from None
            raise

    def delete_owned_by(self, owner_pk: str) -> int:
        """Delete every item of an owner: its partition and everything gsi1 points to it from.

        Account deletion calls this; every item family that belongs to a user lives in the
        user's partition or carries `gsi1pk = <user pk>` (store/keys.py).
        """
        owned: set[Key] = set()
        for item in self._query_everything(owner_pk, None):
            owned.add((str(item["pk"]), str(item["sk"])))
            if REF_PK in item and REF_SK in item:  # it stands for an item elsewhere
                owned.add((str(item[REF_PK]), str(item[REF_SK])))
        owned |= {(str(i["pk"]), str(i["sk"])) for i in self._query_everything(owner_pk, "gsi1")}
        return self.delete_many(sorted(owned))

    def _query_everything(self, pk: str, index: str | None) -> Iterator[Item]:
        """Like query_all but expired items included: deletion must not leave them behind."""
        pk_name = "gsi1pk" if index == "gsi1" else "pk"
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "#pk = :pk",
            "ProjectionExpression": f"pk, sk, {REF_PK}, {REF_SK}",
            "ExpressionAttributeNames": {"#pk": pk_name},
            "ExpressionAttributeValues": to_attrs({":pk": pk}),
        }
        if index:
            kwargs["IndexName"] = index
        else:  # an item written a moment ago must not escape deletion (indexes cannot do this)
            kwargs["ConsistentRead"] = True
        while True:
            reply = self._client.query(**kwargs)
            for raw in reply.get("Items", []):
                yield from_attrs(raw)
            if "LastEvaluatedKey" not in reply:
                return
            kwargs["ExclusiveStartKey"] = reply["LastEvaluatedKey"]

    def delete(self, key: Key) -> None:
        pk, sk = key
        self._client.delete_item(TableName=self._table, Key=to_attrs({"pk": pk, "sk": sk}))

    def take(self, key: Key) -> Item | None:
        """Delete a live item and return it, at most once across all callers (single-use items)."""
        pk, sk = key
        try:
            reply = self._client.delete_item(
                TableName=self._table,
                Key=to_attrs({"pk": pk, "sk": sk}),
                ConditionExpression=f"attribute_exists(pk) AND {_NOT_EXPIRED}",
                ExpressionAttributeValues=to_attrs({":now": self._clock.now()}),
                ReturnValues="ALL_OLD",
            )
        except ClientError as exc:
            if _condition_failed(exc):
                return None
            raise
        old = reply.get("Attributes")
        return from_attrs(old) if old else None

    def delete_many(self, keys: Sequence[Key]) -> int:
        """Delete items in batches of 25, retrying unprocessed ones; returns how many were asked."""
        requests = [{"DeleteRequest": {"Key": to_attrs({"pk": pk, "sk": sk})}} for pk, sk in keys]
        for start in range(0, len(requests), 25):
            pending: Any = {self._table: requests[start : start + 25]}
            for attempt in range(_BATCH_ATTEMPTS):
                if attempt:  # throttled: back off (50 ms, 100 ms, ... capped at 1.6 s)
                    self._sleep(min(0.05 * 2 ** (attempt - 1), 1.6))
                reply = self._client.batch_write_item(RequestItems=pending)
                pending = reply.get("UnprocessedItems") or None
                if not pending:
                    break
            else:
                raise StoreBusy("the table kept refusing a batch of deletions; retry later")
        return len(requests)

    def increment(
        self, key: Key, attribute: str = "count", by: int = 1, *, expires_at: int | None = None
    ) -> int:
        """Atomically add `by` to a counter and return its new value (never read-modify-write).

        A live counter keeps its first expiry. An expired one (DynamoDB deletes expired items
        lazily, up to days later) is invisible to every read path, so it is not continued
        either: it starts again from `by`, with `expires_at` as its new expiry (or none).
        """
        pk, sk = key
        attrs = to_attrs({"pk": pk, "sk": sk})
        names = {"#a": attribute}
        while True:
            update = "ADD #a :by"
            values: dict[str, Any] = {":by": by, ":now": self._clock.now()}
            if expires_at is not None:
                update += f" SET {TTL_ATTR} = if_not_exists({TTL_ATTR}, :exp)"
                values[":exp"] = expires_at
            try:
                reply = self._client.update_item(
                    TableName=self._table,
                    Key=attrs,
                    UpdateExpression=update,
                    ConditionExpression=_NOT_EXPIRED,
                    ExpressionAttributeNames=names,
                    ExpressionAttributeValues=to_attrs(values),
                    ReturnValues="UPDATED_NEW",
                )
                return int(from_attrs(reply["Attributes"])[attribute])
            except ClientError as exc:
                if not _condition_failed(exc):
                    raise
            # expired: restart it, unless another writer restarted it first (then add again)
            restart = "SET #a = :by" + (
                f", {TTL_ATTR} = :exp" if expires_at is not None else f" REMOVE {TTL_ATTR}"
            )
            try:
                self._client.update_item(
                    TableName=self._table,
                    Key=attrs,
                    UpdateExpression=restart,
                    ConditionExpression=f"{TTL_ATTR} <= :now",
                    ExpressionAttributeNames=names,
                    ExpressionAttributeValues=to_attrs(values),
                )
                return by
            except ClientError as exc:
                if not _condition_failed(exc):
                    raise

    # -- leases ------------------------------------------------------------------------------
    def acquire_lease(self, resource: str, seconds: float, holder: str | None = None) -> Lease:
        """Take the lease on `resource` for `seconds`; LeaseHeld if someone else holds it."""
        pk, sk = lease_key(resource)
        now = self._clock.now()
        lease = Lease(resource, holder or uuid.uuid4().hex, now + seconds)
        try:
            self._client.put_item(
                TableName=self._table,
                Item=to_attrs(
                    {
                        "pk": pk,
                        "sk": sk,
                        "holder": lease.holder,
                        "lease_until": lease.expires_at,
                        TTL_ATTR: int(lease.expires_at) + 1,
                    }
                ),
                ConditionExpression="attribute_not_exists(pk) OR lease_until <= :now",
                ExpressionAttributeValues=to_attrs({":now": now}),
            )
        except ClientError as exc:
            if _condition_failed(exc):
                raise LeaseHeld(resource) from None
            raise
        return lease

    def renew_lease(self, lease: Lease, seconds: float) -> Lease:
        """Extend a lease still held by its holder; LeaseHeld if it was lost."""
        pk, sk = lease_key(lease.resource)
        now = self._clock.now()
        renewed = Lease(lease.resource, lease.holder, now + seconds)
        try:
            self._client.update_item(
                TableName=self._table,
                Key=to_attrs({"pk": pk, "sk": sk}),
                UpdateExpression=f"SET lease_until = :until, {TTL_ATTR} = :exp",
                ConditionExpression="holder = :me AND lease_until > :now",
                ExpressionAttributeValues=to_attrs(
                    {
                        ":until": renewed.expires_at,
                        ":exp": int(renewed.expires_at) + 1,
                        ":me": lease.holder,
                        ":now": now,
                    }
                ),
            )
        except ClientError as exc:
            if _condition_failed(exc):
                raise LeaseHeld(lease.resource) from None
            raise
        return renewed

    def release_lease(self, lease: Lease) -> bool:
        """Release a lease; only its holder can. Returns False if it was no longer held."""
        pk, sk = lease_key(lease.resource)
        try:
            self._client.delete_item(
                TableName=self._table,
                Key=to_attrs({"pk": pk, "sk": sk}),
                ConditionExpression="holder = :me",
                ExpressionAttributeValues=to_attrs({":me": lease.holder}),
            )
        except ClientError as exc:
            if _condition_failed(exc):
                return False
            raise
        return True
