"""The local stack's moto keeps DynamoDB's all-or-nothing transactions without copying tables
(devstack/motoatomic.py): a cancelled TransactWriteItems leaves every item it named as it was,
and a transaction's cost does not grow with the table."""

from __future__ import annotations

import time
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from devstack.provision import ProvisionedStack


def _key(pk: str) -> dict[str, Any]:
    return {"pk": {"S": pk}, "sk": {"S": "X"}}


def _item(pk: str, **attrs: str) -> dict[str, Any]:
    return {**_key(pk), **{k: {"S": v} for k, v in attrs.items()}}


def test_a_cancelled_transaction_changes_nothing(stack: ProvisionedStack) -> None:
    # Given an item to update, one to delete, and a condition that fails last
    client, table = boto3.client("dynamodb"), stack.table_name
    client.put_item(TableName=table, Item=_item("updated", v="before"))
    client.put_item(TableName=table, Item=_item("deleted", v="kept"))
    # When one transaction puts, updates, deletes, then fails its condition check
    with pytest.raises(ClientError) as raised:
        client.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": table, "Item": _item("new", v="x")}},
                {
                    "Update": {
                        "TableName": table,
                        "Key": _key("updated"),
                        "UpdateExpression": "SET v = :v",
                        "ExpressionAttributeValues": {":v": {"S": "after"}},
                    }
                },
                {"Delete": {"TableName": table, "Key": _key("deleted")}},
                {
                    "ConditionCheck": {
                        "TableName": table,
                        "Key": _key("absent"),
                        "ConditionExpression": "attribute_exists(pk)",
                    }
                },
            ]
        )
    # Then it was cancelled, and every item is as it was
    assert raised.value.response["Error"]["Code"] == "TransactionCanceledException"
    assert "Item" not in client.get_item(TableName=table, Key=_key("new"))
    assert client.get_item(TableName=table, Key=_key("updated"))["Item"]["v"] == {"S": "before"}
    assert client.get_item(TableName=table, Key=_key("deleted"))["Item"]["v"] == {"S": "kept"}


def test_a_transaction_applies_all_of_its_items(stack: ProvisionedStack) -> None:
    client, table = boto3.client("dynamodb"), stack.table_name
    client.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": table, "Item": _item("a", v="1")}},
            {"Put": {"TableName": table, "Item": _item("b", v="2")}},
        ]
    )
    assert client.get_item(TableName=table, Key=_key("a"))["Item"]["v"] == {"S": "1"}
    assert client.get_item(TableName=table, Key=_key("b"))["Item"]["v"] == {"S": "2"}


def test_a_transaction_costs_the_same_in_a_big_table(stack: ProvisionedStack) -> None:
    client, table = boto3.client("dynamodb"), stack.table_name

    def transaction_ms() -> float:
        started = time.perf_counter()
        for n in range(20):
            client.transact_write_items(
                TransactItems=[{"Put": {"TableName": table, "Item": _item(f"t{n}", v="x")}}]
            )
        return (time.perf_counter() - started) * 50

    small = transaction_ms()
    for start in range(0, 3000, 25):
        client.batch_write_item(
            RequestItems={
                table: [
                    {"PutRequest": {"Item": _item(f"bulk{n}", payload="y" * 500)}}
                    for n in range(start, start + 25)
                ]
            }
        )
    assert transaction_ms() < max(3 * small, small + 5), "a transaction copies the table"
