"""Provision the data plane from infra/template.yaml on an AWS-compatible endpoint.

moto's CloudFormation creates the table and key but ignores TimeToLiveSpecification and
PointInTimeRecoverySpecification, so both are applied through the API after the stack is up.
Used by the local stack (`make run`) and by the tests, so both run on the real template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEMPLATE = Path(__file__).resolve().parent.parent / "infra" / "template.yaml"


@dataclass(frozen=True)
class ProvisionedStack:
    stack_name: str
    table_name: str
    key_id: str
    key_alias: str
    email_queue_name: str
    email_queue_url: str
    email_dead_letter_url: str
    calendar_queue_name: str = ""
    calendar_queue_url: str = ""
    org_deletion_queue_name: str = ""
    org_deletion_queue_url: str = ""


class _NoAlarmNotice:
    """Drops moto's notice that its CloudFormation does not create alarms (nothing else)."""

    def filter(self, record: Any) -> bool:
        return "AWS::CloudWatch::Alarm" not in record.getMessage()


_NO_ALARM_NOTICE = _NoAlarmNotice()


def provision_stack(session: Any, stage: str = "local") -> ProvisionedStack:
    """Create (or reuse) the stack for `stage` with `session` (a boto3 Session) and finish it."""
    cloudformation = session.client("cloudformation")
    dynamodb = session.client("dynamodb")
    stack_name = f"stratus-{stage}"
    existing = {
        s["StackName"]
        for s in cloudformation.list_stacks()["StackSummaries"]
        if s["StackStatus"] != "DELETE_COMPLETE"
    }
    if stack_name not in existing:
        import logging
        import warnings

        # moto's CloudFormation skips the alarms (AWS::CloudWatch::Alarm) and says so: nothing
        # local watches them; cfn-lint checks them (make cfn-lint)
        logging.getLogger("moto").addFilter(_NO_ALARM_NOTICE)  # once: the same filter
        warnings.filterwarnings(
            "ignore", message=".*AWS::CloudWatch::Alarm.*", category=UserWarning
        )
        cloudformation.create_stack(
            StackName=stack_name,
            TemplateBody=TEMPLATE.read_text(),
            Parameters=[{"ParameterKey": "Stage", "ParameterValue": stage}],
        )
        cloudformation.get_waiter("stack_create_complete").wait(
            StackName=stack_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
        )
    stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
    table_name = outputs["TableName"]
    # moto's CloudFormation ignores the template's TTL; DynamoDB refuses to enable it twice
    ttl = dynamodb.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"]
    if ttl.get("TimeToLiveStatus") not in {"ENABLED", "ENABLING"}:
        dynamodb.update_time_to_live(
            TableName=table_name,
            TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"},
        )
    dynamodb.update_continuous_backups(
        TableName=table_name,
        PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True},
    )
    return ProvisionedStack(
        stack_name,
        table_name,
        outputs["KeyId"],
        outputs["KeyAlias"],
        outputs["EmailQueueName"],
        outputs["EmailQueueUrl"],
        outputs["EmailDeadLetterQueueUrl"],
        outputs.get("CalendarQueueName", ""),
        outputs.get("CalendarQueueUrl", ""),
        outputs.get("OrgDeletionQueueName", ""),
        outputs.get("OrgDeletionQueueUrl", ""),
    )
