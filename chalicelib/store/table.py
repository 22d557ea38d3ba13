"""The single-table helper: TTL-aware reads, conditional writes, leases, counters, pages.

DynamoDB deletes expired items lazily (up to about 48 hours late, moto never): every read
path here treats `expires_at <= now` as absent, through `_alive`, and no caller repeats it.
The table out of reach (connection, timeout, throttling after the SDK's retries) is
StorageUnavailable (503) from every public method (chalicelib.outages), never an answer.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from chalicelib import backoff
from chalicelib.clock import Clock
from chalicelib.errors import (
    ConditionFailed,
    LeaseHeld,
    StorageUnavailable,
    StoreBusy,
    ValidationFailed,
)
from chalicelib.outages import unavailable_on_outage
from chalicelib.store.keys import REF_PK, REF_SK, Key, is_session, lease_key

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

TTL_ATTR = "expires_at"
Item = dict[str, Any]
_serializer = TypeSerializer()
_deserializer = TypeDeserializer()
_TRANSACT_ATTEMPTS = 3  # a transaction cancelled by a conflict is tried again, then raised
# The one retry policy of batches: what the table leaves unprocessed (throttling) is sent again
# after 50 ms, 100 ms, ... capped at 1.6 s, 7 requests in all; then StoreBusy (503).
_BATCH_ATTEMPTS = 7
_BATCH_BACKOFF_BASE = 0.05
_BATCH_BACKOFF_CAP = 1.6
_BATCH_WRITE_ITEMS = 25  # DynamoDB's BatchWriteItem limit
_BATCH_GET_KEYS = 100  # DynamoDB's BatchGetItem limit
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


def _key_names(index: str | None) -> tuple[str, str]:
    return (f"{index}pk", f"{index}sk") if index == "gsi1" else ("pk", "sk")


def _projection(attributes: Sequence[str]) -> tuple[str, dict[str, str]]:
    """A ProjectionExpression of `attributes` and its names (always with the TTL attribute, so
    that the TTL gate can judge a projected item)."""
    names = {f"#a{i}": name for i, name in enumerate(dict.fromkeys([*attributes, TTL_ATTR]))}
    return ", ".join(names), names


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


def _found_our_own(exc: ClientError, written: Sequence[Mapping[str, Any] | None]) -> bool:
    """Whether a refused conditional write refused only items identical to what it writes: the
    SDK retried a write whose first attempt was applied but whose reply was lost, and the
    retry's condition met the first attempt's item (ReturnValuesOnConditionCheckFailure=ALL_OLD
    returns it, without a read: DynamoDB API Reference, PutItem and TransactWriteItems).
    `written`: per item of the request, what it puts (None for a ConditionCheck)."""
    if _condition_failed(exc):
        found: Any = exc.response.get("Item")
        return isinstance(found, dict) and _same(found, written[0])
    reasons = list(exc.response.get("CancellationReasons", []))
    failed = [(i, r) for i, r in enumerate(reasons) if r.get("Code", "None") != "None"]
    return (
        bool(failed)
        and len(reasons) == len(written)
        and all(
            r.get("Code") == "ConditionalCheckFailed"
            and written[i] is not None
            and "Item" in r
            and _same(r["Item"], written[i])
            for i, r in failed
        )
    )


def _same(found: Mapping[str, Any], written: Mapping[str, Any] | None) -> bool:
    return written is not None and from_attrs(found) == from_attrs(to_attrs(written))


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a query (items, or what a repository reads them as); `cursor` is None on
    the last page."""

    items: list[T]
    cursor: str | None


@dataclass(frozen=True)
class Check:
    """A condition on another item, checked in the same transaction as a write (`update`)."""

    key: Key
    condition: str
    values: Mapping[str, Any] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Adds:
    """An UpdateExpression (atomic ADDs, and SETs) on another item, applied in the same
    transaction as a write (`put_if_absent_and_add`)."""

    key: Key
    expression: str
    values: Mapping[str, Any]
    names: Mapping[str, str] = field(default_factory=dict)


class Conflicted(Exception):
    """A transaction DynamoDB cancelled for a conflict with another one (TransactionConflict):
    nothing of it was written."""


@dataclass(frozen=True)
class Lease:
    """Proof of holding a lease until `expires_at` (epoch seconds)."""

    resource: str
    holder: str
    expires_at: float


@unavailable_on_outage(StorageUnavailable)
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

    def _live(self, raw_items: Sequence[Mapping[str, Any]]) -> list[Item]:
        items = [self._alive(from_attrs(raw)) for raw in raw_items]
        return [i for i in items if i is not None]

    def _query_request(
        self,
        pk: str,
        sk_prefix: str | None,
        index: str | None,
        attributes: Sequence[str] | None,
        sk_between: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        pk_name, sk_name = _key_names(index)
        condition = "#pk = :pk"
        names = {"#pk": pk_name}
        values: dict[str, Any] = {":pk": pk}
        if sk_prefix:
            condition += " AND begins_with(#sk, :prefix)"
            names["#sk"] = sk_name
            values[":prefix"] = sk_prefix
        elif sk_between:
            condition += " AND #sk BETWEEN :low AND :high"
            names["#sk"] = sk_name
            values[":low"], values[":high"] = sk_between
        request: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": to_attrs(values),
        }
        if index:
            request["IndexName"] = index
        if attributes is not None:
            request["ProjectionExpression"], projected = _projection(attributes)
            request["ExpressionAttributeNames"] = {**names, **projected}
        return request

    def _pages(self, request: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
        """The raw items of every page of a Query."""
        while True:
            reply = self._client.query(**request)
            yield reply.get("Items", [])
            if "LastEvaluatedKey" not in reply:
                return
            request = {**request, "ExclusiveStartKey": reply["LastEvaluatedKey"]}

    def query(
        self,
        pk: str,
        *,
        sk_prefix: str | None = None,
        index: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
        newest_first: bool = False,
        attributes: Sequence[str] | None = None,
    ) -> Page[Item]:
        """One page of live items under `pk` (on the table, or on gsi1 with index="gsi1");
        `attributes`: only these of each item (a projection)."""
        request = self._query_request(pk, sk_prefix, index, attributes)
        request["Limit"] = limit
        request["ScanIndexForward"] = not newest_first
        if cursor:
            request["ExclusiveStartKey"] = self._decode_cursor(cursor, index, pk, sk_prefix)
        reply = self._client.query(**request)
        last = reply.get("LastEvaluatedKey")
        next_cursor = self._encode_cursor(from_attrs(last)) if last else None
        return Page(self._live(reply.get("Items", [])), next_cursor)

    def query_all(
        self,
        pk: str,
        *,
        sk_prefix: str | None = None,
        index: str | None = None,
        attributes: Sequence[str] | None = None,
        page_size: int | None = 500,
        sk_between: tuple[str, str] | None = None,
    ) -> Iterator[Item]:
        """Every live item under `pk`, across pages (`page_size` None: DynamoDB's 1 MB pages);
        `sk_between`: only sort keys in this inclusive range (when no `sk_prefix`)."""
        request = self._query_request(pk, sk_prefix, index, attributes, sk_between)
        if page_size is not None:
            request["Limit"] = page_size
        for raw_items in self._pages(request):
            yield from self._live(raw_items)

    def batch_get(
        self,
        keys: Sequence[Key],
        *,
        attributes: Sequence[str] | None,
        consistent: bool = False,
    ) -> Iterator[Item]:
        """The live items among `keys` (absent ones are skipped), `attributes` of each (None:
        whole items), in no particular order; 100 keys a request, unprocessed ones retried
        under the store's one batch policy. StoreBusy when the table keeps refusing (what was
        yielded stands). `consistent`: as strongly consistent as `get`'s reads."""
        wanted = [to_attrs({"pk": pk, "sk": sk}) for pk, sk in keys]
        for start in range(0, len(wanted), _BATCH_GET_KEYS):
            table: dict[str, Any] = {"Keys": wanted[start : start + _BATCH_GET_KEYS]}
            if attributes is not None:
                expression, names = _projection(attributes)
                table["ProjectionExpression"] = expression
                table["ExpressionAttributeNames"] = names
            if consistent:
                table["ConsistentRead"] = True
            request = {self._table: table}
            replies = self._until_processed(
                self._client.batch_get_item, request, "UnprocessedKeys", "reads"
            )
            for reply in replies:
                yield from self._live(reply.get("Responses", {}).get(self._table, []))

    def _until_processed(
        self, send: Callable[..., Any], request: Any, leftover: str, what: str
    ) -> Iterator[Any]:
        """Send a batch, then what each reply leaves under `leftover`, until nothing is left:
        the store's one batch retry policy. Yields every reply; StoreBusy when it gives up."""
        pending = request
        for attempt in range(_BATCH_ATTEMPTS):
            if attempt:  # throttled: back off before asking again
                self._sleep(
                    backoff.delay(attempt, base=_BATCH_BACKOFF_BASE, cap=_BATCH_BACKOFF_CAP)
                )
            reply = send(RequestItems=pending)
            yield reply
            pending = reply.get(leftover) or None
            if not pending:
                return
        raise StoreBusy(f"the table kept refusing a batch of {what}; retry later")

    @staticmethod
    def _encode_cursor(key: Item) -> str:
        raw = json.dumps(key, sort_keys=True, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @staticmethod
    def _decode_cursor(
        cursor: str, index: str | None, pk: str, sk_prefix: str | None
    ) -> dict[str, Any]:
        """The ExclusiveStartKey of a cursor, checked as fully as DynamoDB would check it (so a
        crafted cursor is a 400, never a ValidationException): exactly the key attributes of
        the table (and of the index), each a non-empty string within DynamoDB's key sizes,
        the query's partition, and a sort key inside the query's prefix."""
        invalid = ValidationFailed("The cursor is not valid.", field="cursor")
        try:
            if len(cursor) > 4096:
                raise invalid
            padded = cursor + "=" * (-len(cursor) % 4)
            key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        except (ValueError, binascii.Error, RecursionError):  # UnicodeError is a ValueError
            raise invalid from None
        pk_name, sk_name = _key_names(index)
        names = {"pk", "sk", pk_name, sk_name}
        if not isinstance(key, dict) or set(key) != names or key[pk_name] != pk:
            raise invalid
        for name, value in key.items():
            limit = 1024 if name in ("sk", sk_name) else 2048  # bytes: DynamoDB's key limits
            try:
                size = len(value.encode("utf-8")) if isinstance(value, str) else 0
            except UnicodeEncodeError:  # a lone surrogate: not a string DynamoDB can hold
                size = 0
            if not 0 < size <= limit:
                raise invalid
        if sk_prefix and not key[sk_name].startswith(sk_prefix):
            raise invalid
        return to_attrs(key)

    # -- writes ------------------------------------------------------------------------------
    def put(self, item: Mapping[str, Any], *, requires: Key | None = None) -> None:
        """Write the item whole. `requires`: only while that item exists and is alive (one
        transaction), ConditionFailed otherwise: a job still running for a deleted account
        recreates nothing."""
        if requires is None:
            self._client.put_item(TableName=self._table, Item=to_attrs(item))
            return
        put = {"Put": {"TableName": self._table, "Item": to_attrs(item)}}
        try:
            self._transact([self._exists_check(requires), put])
        except ClientError as exc:
            if _cancelled_by_conditions(exc):
                raise ConditionFailed(f"{item['pk']}/{item['sk']}: its owner is gone") from None
            raise

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
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
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
                    self._new_item_put(item, absent, now),
                ]
            )
        except ClientError as exc:
            written = [item] if requires is None else [None, item]
            if _found_our_own(exc, written):
                return
            if _condition_failed(exc) or _cancelled_by_conditions(exc):
                raise ConditionFailed(
                    f"{item['pk']}/{item['sk']} exists or lacks its owner"
                ) from None
            raise

    def put_if_absent_and_add(self, item: Mapping[str, Any], *, requires: Key, adds: Adds) -> None:
        """`put_if_absent(item, requires=...)` and, in the same transaction (one request, tried
        once), `adds` applied to another item: so the other item counts exactly the items
        created. ConditionFailed as `put_if_absent` (nothing added); Conflicted when DynamoDB
        cancelled it for a conflict with another transaction (nothing written: the caller
        chooses how to go on, e.g. another counter item)."""
        now = to_attrs({":now": int(self._clock.now())})
        absent = f"attribute_not_exists(pk) OR {TTL_ATTR} <= :now"
        update = {
            "Update": {
                "TableName": self._table,
                "Key": to_attrs({"pk": adds.key[0], "sk": adds.key[1]}),
                "UpdateExpression": adds.expression,
                "ExpressionAttributeValues": to_attrs(adds.values),
                **({"ExpressionAttributeNames": dict(adds.names)} if adds.names else {}),
            }
        }
        items = [self._exists_check(requires), self._new_item_put(item, absent, now), update]
        try:
            self._client.transact_write_items(TransactItems=items)  # type: ignore[arg-type]
        except ClientError as exc:
            if _found_our_own(exc, [None, item, None]):
                return  # an SDK retry of a write applied whole (its add included)
            if _cancelled_by_conditions(exc):
                raise ConditionFailed(
                    f"{item['pk']}/{item['sk']} exists or lacks its owner"
                ) from None
            if _conflicted(exc):
                raise Conflicted(f"{adds.key[0]}/{adds.key[1]}") from None
            raise

    def _new_item_put(
        self, item: Mapping[str, Any], absent: str, now: dict[str, Any]
    ) -> dict[str, Any]:
        """A transaction's Put of a new item (refused when a live one holds the key; the
        refusal returns the holder, so a retried write can recognise its own first attempt)."""
        return {
            "Put": {
                "TableName": self._table,
                "Item": to_attrs(item),
                "ConditionExpression": absent,
                "ExpressionAttributeValues": now,
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            }
        }

    def _transact(self, items: list[dict[str, Any]]) -> None:
        """TransactWriteItems, retried (jittered, 3 attempts) while DynamoDB cancels it for a
        conflict with another transaction on one of its items - concurrent hits on one message
        all check that message. The SDK does not retry these; conditions are never retried.
        Conflicts that outlast the attempts are StorageUnavailable (the public method's
        wrapper)."""
        for attempt in range(1, _TRANSACT_ATTEMPTS + 1):
            try:
                self._client.transact_write_items(TransactItems=items)  # type: ignore[arg-type]
                return
            except ClientError as exc:
                if attempt == _TRANSACT_ATTEMPTS or not _conflicted(exc):
                    raise
            # 5-25 ms, then 10-50 ms: the conflicting transaction is a single request
            self._sleep(backoff.delay(attempt, base=0.025, cap=0.05, jitter=0.8))

    def put_new(self, items: Sequence[Mapping[str, Any]]) -> None:
        """Create several items together (one transaction): all or none; ConditionFailed when a
        live item already holds one of the keys."""
        now = to_attrs({":now": int(self._clock.now())})
        absent = f"attribute_not_exists(pk) OR {TTL_ATTR} <= :now"
        try:
            self._transact([self._new_item_put(item, absent, now) for item in items])
        except ClientError as exc:
            if _found_our_own(exc, list(items)):
                return
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
        requires: Key | None = None,
        checks: Sequence[Check] = (),
    ) -> None:
        """An UpdateItem with an optional condition; ConditionFailed when it does not hold.
        `requires`: and only while that item exists and is alive, checked in the same request
        (a transaction), as for `put_if_absent`: nothing is recreated for a deleted account.
        `checks`: conditions on other items, in the same transaction."""
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
            if requires is None and not checks:
                self._client.update_item(**kwargs)
            else:
                owner = [self._exists_check(requires)] if requires is not None else []
                others = [self._condition_check(check) for check in checks]
                self._transact([*owner, *others, {"Update": kwargs}])
        except ClientError as exc:
            transacted = requires is not None or bool(checks)
            if _condition_failed(exc) or (transacted and _cancelled_by_conditions(exc)):
                raise ConditionFailed(f"{pk}/{sk}: {condition or 'its owner is gone'}") from None
            raise

    def _condition_check(self, check: Check) -> dict[str, Any]:
        request: dict[str, Any] = {
            "TableName": self._table,
            "Key": to_attrs({"pk": check.key[0], "sk": check.key[1]}),
            "ConditionExpression": check.condition,
        }
        if check.values:
            request["ExpressionAttributeValues"] = to_attrs(check.values)
        if check.names:
            request["ExpressionAttributeNames"] = dict(check.names)
        return {"ConditionCheck": request}

    def _exists_check(self, key: Key) -> dict[str, Any]:
        """A transaction's check that a live item holds `key`."""
        return {
            "ConditionCheck": {
                "TableName": self._table,
                "Key": to_attrs({"pk": key[0], "sk": key[1]}),
                "ConditionExpression": f"attribute_exists(pk) AND {_NOT_EXPIRED}",
                "ExpressionAttributeValues": to_attrs({":now": int(self._clock.now())}),
            }
        }

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
        # sessions last: a deletion cut off midway can be finished by the same signed-in user
        return self.delete_many(sorted(owned, key=lambda key: (is_session(key), key)))

    def _query_everything(self, pk: str, index: str | None) -> Iterator[Item]:
        """Like query_all but expired items included: deletion must not leave them behind."""
        request = self._query_request(pk, None, index, ("pk", "sk", REF_PK, REF_SK))
        if not index:  # an item written a moment ago must not escape deletion (indexes cannot)
            request["ConsistentRead"] = True
        for raw_items in self._pages(request):
            yield from (from_attrs(raw) for raw in raw_items)

    def scan_naming(
        self, text: str, cursor: Mapping[str, str] | None = None, *, page_items: int = 1000
    ) -> tuple[list[Key], dict[str, str] | None]:
        """One page of a Scan: the keys of every item (expired ones too) whose keys or gsi1
        keys hold `text` as a whole `#`-separated segment (`USER#<org>#<user>`: not another id
        that merely contains it), and the cursor of the next page (None: the end). For org
        deletion's last sweep only: a Scan reads the whole table, page by page."""
        names = {"#pk": "pk", "#sk": "sk", "#gp": "gsi1pk", "#gs": "gsi1sk"}
        request: dict[str, Any] = {
            "TableName": self._table,
            "Limit": page_items,
            "ProjectionExpression": "#pk, #sk, #gp, #gs",
            "FilterExpression": " OR ".join(f"contains({n}, :t)" for n in names),
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": to_attrs({":t": text}),
            "ConsistentRead": True,
        }
        if cursor:
            request["ExclusiveStartKey"] = to_attrs(dict(cursor))
        reply = self._client.scan(**request)
        found = [
            (str(i["pk"]), str(i["sk"]))
            for i in map(from_attrs, reply.get("Items", []))
            if any(text in str(i.get(name) or "").split("#") for name in names.values())
        ]
        last = reply.get("LastEvaluatedKey")
        return found, ({k: str(v) for k, v in from_attrs(last).items()} if last else None)

    def delete(self, key: Key) -> None:
        pk, sk = key
        self._client.delete_item(TableName=self._table, Key=to_attrs({"pk": pk, "sk": sk}))

    def take(self, key: Key) -> Item | None:
        """Delete a live item and return it, at most once across all callers (single-use items).
        None only when DynamoDB said the condition failed; a timeout is StorageUnavailable."""
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
        """Delete items in batches of 25, unprocessed ones retried under the store's one batch
        policy (StoreBusy when the table keeps refusing); returns how many were asked."""
        requests = [{"DeleteRequest": {"Key": to_attrs({"pk": pk, "sk": sk})}} for pk, sk in keys]
        for start in range(0, len(requests), _BATCH_WRITE_ITEMS):
            batch = {self._table: requests[start : start + _BATCH_WRITE_ITEMS]}
            for _reply in self._until_processed(
                self._client.batch_write_item, batch, "UnprocessedItems", "deletions"
            ):
                pass  # a write's replies hold nothing more to read
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
