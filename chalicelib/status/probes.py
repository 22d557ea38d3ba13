"""What the status page asks AWS (one call each, at most every 30 s per container): whether
the envelope key makes a data key, and each queue's depth and age of its oldest message."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: How far back CloudWatch is asked for a queue's ApproximateAgeOfOldestMessage (SQS publishes
#: it every minute; the latest datapoint counts).
AGE_WINDOW_SECONDS = 300


@dataclass(frozen=True)
class QueueFigures:
    messages: int  # ApproximateNumberOfMessages (visible, waiting)
    oldest_age_seconds: int  # ApproximateAgeOfOldestMessage, 0 without a datapoint


#: How far back CloudWatch is asked for the calendar sync lag (a sync runs every 10 minutes).
SYNC_LAG_WINDOW_SECONDS = 900


class SyncLagProbe:
    """The calendar sync lag: the largest `CalendarSyncLagSeconds` (how long a user's sync
    waited in its queue before a worker ran it; metrics.py) of the last SYNC_LAG_WINDOW_SECONDS;
    None without a datapoint (no sync ran)."""

    def __init__(
        self, cloudwatch_client: Any, namespace: str, service: str, wall: Callable[[], float]
    ) -> None:
        self._cloudwatch_client = cloudwatch_client
        self._namespace = namespace
        self._service = service
        self._wall = wall

    def __call__(self) -> int | None:
        import datetime as dt

        end = dt.datetime.fromtimestamp(self._wall(), dt.UTC)
        reply = self._cloudwatch_client.get_metric_statistics(
            Namespace=self._namespace,
            MetricName="CalendarSyncLagSeconds",
            Dimensions=[{"Name": "service", "Value": self._service}],
            StartTime=end - dt.timedelta(seconds=SYNC_LAG_WINDOW_SECONDS),
            EndTime=end,
            Period=60,
            Statistics=["Maximum"],
        )
        points = [p["Maximum"] for p in reply.get("Datapoints", [])]
        return int(max(points)) if points else None


class KmsProbe:
    """Whether the envelope key works as the app uses it: one `GenerateDataKey` (what every
    new data key costs; the plaintext is dropped at once), so the probe sees what a sealing
    would see, the key's state and the function's permissions included. "Enabled" when it
    answered; KMS's refusal or an outage raises."""

    def __init__(self, kms_client: Any, key_id: str) -> None:
        self._kms = kms_client
        self._key_id = key_id

    def __call__(self) -> str:
        self._kms.generate_data_key(
            KeyId=self._key_id,
            KeySpec="AES_256",
            EncryptionContext={"purpose": "status-probe"},
        )
        return "Enabled"


class QueueProbe:
    """A queue's figures: its depth from SQS, the age of its oldest message from CloudWatch
    (SQS itself does not tell it: docs.aws.amazon.com/AWSSimpleQueueService/latest/
    SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html)."""

    def __init__(
        self,
        sqs_client: Any,
        cloudwatch_client: Any,
        url_of: Callable[[str], str],
        wall: Callable[[], float] = time.time,
    ) -> None:
        self._sqs_client = sqs_client
        self._cloudwatch_client = cloudwatch_client
        self._url_of = url_of
        self._wall = wall

    def __call__(self, queue_name: str) -> QueueFigures:
        reply = self._sqs_client.get_queue_attributes(
            QueueUrl=self._url_of(queue_name), AttributeNames=["ApproximateNumberOfMessages"]
        )
        messages = int(reply.get("Attributes", {}).get("ApproximateNumberOfMessages", 0))
        return QueueFigures(messages, self._oldest_age(queue_name))

    def _oldest_age(self, queue_name: str) -> int:
        import datetime as dt

        end = dt.datetime.fromtimestamp(self._wall(), dt.UTC)
        reply = self._cloudwatch_client.get_metric_statistics(
            Namespace="AWS/SQS",
            MetricName="ApproximateAgeOfOldestMessage",
            Dimensions=[{"Name": "QueueName", "Value": queue_name}],
            StartTime=end - dt.timedelta(seconds=AGE_WINDOW_SECONDS),
            EndTime=end,
            Period=60,
            Statistics=["Maximum"],
        )
        points = sorted(reply.get("Datapoints", []), key=lambda p: p["Timestamp"])
        return int(points[-1]["Maximum"]) if points else 0
