"""The deployable stages: each one's IAM policy reaches exactly its own table, indexes, key and
secret parameters (the names infra/template.yaml gives them), and allows every AWS operation
the product code calls; secrets are SSM references, never values in config.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from chalicelib import metrics

REPO = Path(__file__).resolve().parents[2]
CONFIG = json.loads((REPO / ".chalice" / "config.json").read_text())
DEPLOYABLE = ("dev", "prod")
SECRETS = (
    "SALESFORCE_CLIENT_SECRET",
    "TRACKING_SIGNING_KEYS",
    "CLOUDFRONT_ORIGIN_SECRET",
    "GOOGLE_CLIENT_SECRET",
    "MICROSOFT_CLIENT_SECRET",
)
# A transaction is authorised per item by the item actions it contains.
_COMPOSITE = {
    "TransactWriteItems": {"PutItem", "UpdateItem", "DeleteItem", "ConditionCheckItem"},
    "TransactGetItems": {"GetItem"},
    "SendMessageBatch": {"SendMessage"},  # SQS authorises a batch as its messages
}


class _CfnLoader(yaml.SafeLoader):
    """Reads the template's short-form intrinsics (!Sub, !Ref, ...) as plain values."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node)}
    return {suffix: loader.construct_mapping(node)}  # type: ignore[arg-type]


_CfnLoader.add_multi_constructor("!", _intrinsic)


def _policy(stage: str) -> dict[str, Any]:
    settings = CONFIG["stages"][stage]
    assert settings["autogen_policy"] is False, stage
    document: dict[str, Any] = json.loads(
        (REPO / ".chalice" / settings["iam_policy_file"]).read_text()
    )
    return document


def _statement(stage: str, sid: str) -> dict[str, Any]:
    (found,) = [s for s in _policy(stage)["Statement"] if s["Sid"] == sid]
    return found


def _called_operations() -> set[str]:
    """Every AWS operation chalicelib calls on a client, as IAM action names (GetItem, ...)."""
    called = set()
    for path in (REPO / "chalicelib").rglob("*.py"):
        source = path.read_text()
        for name in re.findall(r"_client\.([a-z_]+)\(", source):
            called.add(name)
        called.update(re.findall(r"get_paginator\(\"([a-z_]+)\"\)", source))
        called.update(re.findall(r"_kms\.([a-z_]+)\(", source))
        called.update(re.findall(r"ssm_client\(\)\.([a-z_]+)\(", source))
    called -= {"get_paginator", "cache_clear"}
    return {"".join(part.title() for part in name.split("_")) for name in called}


def test_template_names_table_and_key_by_stage() -> None:
    text = (REPO / "infra" / "template.yaml").read_text()
    template = yaml.load(text, Loader=_CfnLoader)  # noqa: S506 (a SafeLoader subclass)
    resources = template["Resources"]
    table = next(r for r in resources.values() if r["Type"] == "AWS::DynamoDB::Table")
    alias = next(r for r in resources.values() if r["Type"] == "AWS::KMS::Alias")
    assert table["Properties"]["TableName"] == {"Sub": "stratus-${Stage}"}
    assert alias["Properties"]["AliasName"] == {"Sub": "alias/stratus-${Stage}"}


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_the_policy_reaches_only_the_stages_own_resources(stage: str) -> None:
    table = _statement(stage, "TheSingleTable")
    assert sorted(table["Resource"]) == [
        f"arn:aws:dynamodb:*:*:table/stratus-{stage}",
        f"arn:aws:dynamodb:*:*:table/stratus-{stage}/index/*",
    ]
    key = _statement(stage, "EnvelopeKeyByAlias")
    assert key["Condition"] == {
        "ForAnyValue:StringEquals": {"kms:ResourceAliases": f"alias/stratus-{stage}"}
    }
    assert sorted(key["Action"]) == ["kms:Decrypt", "kms:GenerateDataKey"]
    parameters = _statement(stage, "SecretParameters")
    assert parameters["Action"] == ["ssm:GetParameter"]
    queue = _statement(stage, "EmailJobsQueue")
    assert queue["Resource"] == f"arn:aws:sqs:*:*:stratus-{stage}-email-jobs"
    calendar = _statement(stage, "CalendarSyncQueue")
    assert calendar["Resource"] == f"arn:aws:sqs:*:*:stratus-{stage}-calendar-sync"
    assert parameters["Resource"] == f"arn:aws:ssm:*:*:parameter/stratus/{stage}/*"
    for statement in _policy(stage)["Statement"]:
        assert statement["Effect"] == "Allow"
        assert "*" not in statement["Action"] and all(
            not a.endswith(":*") for a in statement["Action"]
        )


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_the_policy_allows_every_operation_the_code_calls(stage: str) -> None:
    allowed = {
        action.split(":", 1)[1] for s in _policy(stage)["Statement"] for action in s["Action"]
    }
    needed: set[str] = set()
    for operation in _called_operations():
        needed |= _COMPOSITE.get(operation, {operation})
    assert {"GetItem", "PutItem", "Query", "GenerateDataKey", "GetParameter"} <= needed
    assert needed <= allowed, sorted(needed - allowed)


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_the_stage_points_at_its_own_resources_and_holds_no_secret(stage: str) -> None:
    env = {**CONFIG["environment_variables"], **CONFIG["stages"][stage]["environment_variables"]}
    assert env["STRATUS_STAGE"] == stage
    assert env["STRATUS_TABLE"] == f"stratus-{stage}"
    assert env["STRATUS_KMS_KEY_ID"] == f"alias/stratus-{stage}"
    for name in SECRETS:
        assert env[name].startswith(f"ssm:/stratus/{stage}/"), name


def test_no_stage_carries_a_secret_value() -> None:
    for stage, settings in CONFIG["stages"].items():
        env = settings.get("environment_variables", {})
        for name in SECRETS:
            assert name not in env or env[name].startswith("ssm:"), (stage, name)


@pytest.mark.parametrize("stage", sorted(CONFIG["stages"]))
def test_every_stage_names_the_metrics_namespace_and_service_the_code_publishes(
    stage: str,
) -> None:
    env = {**CONFIG["environment_variables"], **CONFIG["stages"][stage]["environment_variables"]}
    assert env["POWERTOOLS_METRICS_NAMESPACE"] == metrics.NAMESPACE == "Stratus"
    assert env["POWERTOOLS_SERVICE_NAME"] == metrics.SERVICE


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_a_deployable_stage_names_the_orgs_allowed_to_sign_in(stage: str) -> None:
    from chalicelib.providers.salesforce.allowed_orgs import OrgAllowList

    env = {**CONFIG["environment_variables"], **CONFIG["stages"][stage]["environment_variables"]}
    allowed = OrgAllowList.configured(env["ALLOWED_SALESFORCE_ORGS"].split(","), stage)
    assert allowed.problem is None and allowed.orgs, stage
    # and without it the stage would refuse every sign-in (any org only locally and in tests)
    assert OrgAllowList.configured((), stage).problem is not None


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_the_worker_reads_its_stages_queue_within_the_visibility_timeout(stage: str) -> None:
    env = {**CONFIG["environment_variables"], **CONFIG["stages"][stage]["environment_variables"]}
    assert env["STRATUS_EMAIL_QUEUE"] == f"stratus-{stage}-email-jobs"
    text = (REPO / "infra" / "template.yaml").read_text()
    queue = yaml.load(text, Loader=_CfnLoader)["Resources"]["EmailJobs"]["Properties"]  # noqa: S506
    assert queue["QueueName"] == {"Sub": "stratus-${Stage}-email-jobs"}
    worker = CONFIG["stages"][stage]["lambda_functions"]["email_jobs"]
    # AWS: a queue's visibility timeout at least 6 times the function's timeout
    assert queue["VisibilityTimeout"] >= 6 * worker["lambda_timeout"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == 5
    assert queue["SqsManagedSseEnabled"] is True


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_the_calendar_worker_reads_its_stages_queue_within_the_visibility_timeout(
    stage: str,
) -> None:
    env = {**CONFIG["environment_variables"], **CONFIG["stages"][stage]["environment_variables"]}
    assert env["STRATUS_CALENDAR_QUEUE"] == f"stratus-{stage}-calendar-sync"
    text = (REPO / "infra" / "template.yaml").read_text()
    resources = yaml.load(text, Loader=_CfnLoader)["Resources"]  # noqa: S506
    queue = resources["CalendarSync"]["Properties"]
    assert queue["QueueName"] == {"Sub": "stratus-${Stage}-calendar-sync"}
    worker = CONFIG["stages"][stage]["lambda_functions"]["calendar_sync"]
    assert queue["VisibilityTimeout"] >= 6 * worker["lambda_timeout"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == 5
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {
        "GetAtt": "CalendarSyncDeadLetters.Arn"
    }
    assert queue["SqsManagedSseEnabled"] is True


@pytest.mark.parametrize("stage", DEPLOYABLE)
def test_the_org_deletion_worker_reads_its_own_queue_within_the_visibility_timeout(
    stage: str,
) -> None:
    env = {**CONFIG["environment_variables"], **CONFIG["stages"][stage]["environment_variables"]}
    assert env["STRATUS_ORG_DELETION_QUEUE"] == f"stratus-{stage}-org-deletion"
    assert _statement(stage, "OrgDeletionQueue")["Resource"] == (
        f"arn:aws:sqs:*:*:stratus-{stage}-org-deletion"
    )
    text = (REPO / "infra" / "template.yaml").read_text()
    resources = yaml.load(text, Loader=_CfnLoader)["Resources"]  # noqa: S506
    queue = resources["OrgDeletion"]["Properties"]
    assert queue["QueueName"] == {"Sub": "stratus-${Stage}-org-deletion"}
    worker = CONFIG["stages"][stage]["lambda_functions"]["org_deletion"]
    assert queue["VisibilityTimeout"] >= 6 * worker["lambda_timeout"]
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"GetAtt": "OrgDeletionDeadLetters.Arn"}
    assert queue["SqsManagedSseEnabled"] is True


def test_alarms_watch_every_queue_every_dead_letter_queue_refresh_failures_and_5xx() -> None:
    text = (REPO / "infra" / "template.yaml").read_text()
    resources = yaml.load(text, Loader=_CfnLoader)["Resources"]  # noqa: S506
    alarms = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::CloudWatch::Alarm"]
    watched = {
        (a.get("MetricName"), a["Dimensions"][0]["Value"]["GetAtt"].split(".")[0])
        for a in alarms
        if a.get("Namespace") == "AWS/SQS"
    }
    queues = [n for n, r in resources.items() if r["Type"] == "AWS::SQS::Queue"]
    for name in queues:
        metric = (
            "ApproximateNumberOfMessagesVisible"
            if name.endswith("DeadLetters")
            else "ApproximateAgeOfOldestMessage"
        )
        assert (metric, name) in watched, name
    ours = {a["MetricName"] for a in alarms if a.get("Namespace") == metrics.NAMESPACE}
    assert metrics.TOKEN_REFRESH_FAILURES.name in ours
    math = [a for a in alarms if "Metrics" in a]
    used = {
        m["MetricStat"]["Metric"]["MetricName"]
        for a in math
        for m in a["Metrics"]
        if "MetricStat" in m
    }
    assert {metrics.API_REQUESTS.name, metrics.API_SERVER_ERRORS.name} <= used
    for alarm in alarms:  # every alarm notifies the topic operators subscribe to
        assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_platform_failures_the_app_cannot_count_are_alarmed_too() -> None:
    # API Gateway's own 5xx, and the API handler's failed (timeout, crash) or throttled runs
    text = (REPO / "infra" / "template.yaml").read_text()
    resources = yaml.load(text, Loader=_CfnLoader)["Resources"]  # noqa: S506
    alarms = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::CloudWatch::Alarm"]
    plain = {(a.get("Namespace"), a.get("MetricName")) for a in alarms}
    math = {
        (m["MetricStat"]["Metric"]["Namespace"], m["MetricStat"]["Metric"]["MetricName"])
        for a in alarms
        for m in a.get("Metrics", [])
        if "MetricStat" in m
    }
    assert ("AWS/ApiGateway", "5XXError") in plain
    assert ("AWS/Lambda", "Throttles") in plain
    assert {("AWS/Lambda", "Errors"), ("AWS/Lambda", "Invocations")} <= math
    gateway = next(a for a in alarms if a.get("MetricName") == "5XXError")
    assert gateway["Statistic"] == "Average" and gateway["Threshold"] < 1  # a rate, not a count
