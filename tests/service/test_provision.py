"""Provisioning from infra/template.yaml (what `make run` and the tests stand on)."""

from __future__ import annotations

import boto3

from devstack.provision import ProvisionedStack, provision_stack


def test_the_table_has_ttl_and_point_in_time_recovery(aws: ProvisionedStack) -> None:
    dynamodb = boto3.client("dynamodb")
    ttl = dynamodb.describe_time_to_live(TableName=aws.table_name)["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at"}
    backups = dynamodb.describe_continuous_backups(TableName=aws.table_name)
    pitr = backups["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
    assert pitr["PointInTimeRecoveryStatus"] == "ENABLED"


def test_the_key_behind_the_alias_rotates(aws: ProvisionedStack) -> None:
    kms = boto3.client("kms")
    aliases = {a["AliasName"]: a["TargetKeyId"] for a in kms.list_aliases()["Aliases"]}
    assert aliases[aws.key_alias] == aws.key_id
    assert kms.get_key_rotation_status(KeyId=aws.key_id)["KeyRotationEnabled"] is True


def test_provisioning_again_reuses_the_stack_without_touching_ttl(
    aws: ProvisionedStack,
) -> None:
    calls: list[str] = []
    session = boto3.session.Session()

    class Recording:
        def client(self, name: str, **kwargs: object) -> object:
            client = session.client(name, **kwargs)  # type: ignore[call-overload]
            client.meta.events.register(
                "before-call.*.*", lambda model, **_: calls.append(model.name)
            )
            return client

    again = provision_stack(Recording(), stage="test")  # type: ignore[arg-type]
    assert again == aws
    assert "CreateStack" not in calls and "UpdateTimeToLive" not in calls
