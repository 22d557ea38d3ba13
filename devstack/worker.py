"""The local stack's queue worker: what Lambda's SQS event source mapping does, on moto's SQS.

    python -m devstack.worker          # until SIGINT/SIGTERM (make run starts it)

It receives up to 10 messages (with `ApproximateReceiveCount`), hands them to the very
handler `app.py` declares (`@app.on_sqs_message`, called as Lambda calls it: a Lambda-shaped
event and a context), and deletes the messages the handler did not report in
`batchItemFailures` (ReportBatchItemFailures). A reported or crashed message is left alone:
SQS delivers it again after its visibility timeout, and after 5 receives the queue's redrive
policy moves it to the dead-letter queue. Nothing here is product code: it stands in for AWS.

`poll_once` is the same step for tests (deterministic: one receive, one handler call).
DEVSTACK_WORKER_VISIBILITY_SECONDS shortens each receive's visibility timeout (fault drills).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Handler = Callable[[dict[str, Any], Any], Any]
VISIBILITY_ENV = "DEVSTACK_WORKER_VISIBILITY_SECONDS"
log = logging.getLogger("devstack.worker")


@dataclass
class LocalContext:
    """The parts of a Lambda context the app reads."""

    function_name: str = "stratus-local-email_jobs"
    timeout_seconds: float = 120.0
    aws_request_id: str = ""

    def __post_init__(self) -> None:
        self._deadline = time.monotonic() + self.timeout_seconds
        self.aws_request_id = self.aws_request_id or str(uuid.uuid4())

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


@dataclass(frozen=True)
class Polled:
    received: int
    deleted: int
    failed: int


def lambda_event(messages: list[dict[str, Any]], queue_arn: str, region: str) -> dict[str, Any]:
    """The event Lambda hands an SQS function (documented "Example Amazon SQS message event")."""
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": dict(m.get("Attributes") or {}),
                "messageAttributes": {},
                "md5OfBody": m.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
            for m in messages
        ]
    }


def poll_once(
    sqs: Any,
    queue_url: str,
    handler: Handler,
    *,
    wait_seconds: int = 0,
    visibility_timeout: int | None = None,
) -> Polled:
    """One receive and one handler call; the successful messages deleted."""
    request: dict[str, Any] = {
        "QueueUrl": queue_url,
        "MaxNumberOfMessages": 10,
        "WaitTimeSeconds": wait_seconds,
        "AttributeNames": ["ApproximateReceiveCount", "SentTimestamp"],
    }
    if visibility_timeout is not None:
        request["VisibilityTimeout"] = visibility_timeout
    messages = sqs.receive_message(**request).get("Messages", [])
    if not messages:
        return Polled(0, 0, 0)
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    arn = attributes["Attributes"]["QueueArn"]
    event = lambda_event(messages, arn, sqs.meta.region_name)
    try:
        answer = handler(event, LocalContext()) or {}
    except Exception:  # the whole batch failed: every message comes back
        log.exception("the worker failed on a batch")
        return Polled(len(messages), 0, len(messages))
    failed = {f["itemIdentifier"] for f in answer.get("batchItemFailures", [])}
    done = [m for m in messages if m["MessageId"] not in failed]
    if done:
        sqs.delete_message_batch(
            QueueUrl=queue_url,
            Entries=[
                {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)
            ],
        )
    return Polled(len(messages), len(done), len(failed))


def run(stop: threading.Event, *, idle_seconds: float = 0.5) -> None:
    """Poll the stage's queues (email jobs, calendar sync) until `stop` is set, and run the
    calendar-sync schedule every CALENDAR_SYNC_LOCAL_INTERVAL seconds (EventBridge's part)."""
    import boto3

    sys.path.insert(0, str(_repo()))
    from app import calendar_fan_out, calendar_sync, email_jobs, org_deletion  # app.py's
    from chalicelib.settings import load_settings

    settings = load_settings()
    sqs = boto3.client("sqs")
    queues: list[tuple[str, Handler]] = [
        (sqs.get_queue_url(QueueName=settings.email_queue_name)["QueueUrl"], email_jobs),
        (sqs.get_queue_url(QueueName=settings.calendar_queue_name)["QueueUrl"], calendar_sync),
        (sqs.get_queue_url(QueueName=settings.org_deletion_queue_name)["QueueUrl"], org_deletion),
    ]
    schedule = calendar_schedule(settings.calendar_sync_local_interval, calendar_fan_out)
    visibility = visibility_timeout()
    log.info("worker polling %s", ", ".join(url for url, _ in queues))
    while not stop.is_set():
        received = sum(_poll(sqs, url, handler, visibility) for url, handler in queues)
        schedule.tick()
        if not received:
            stop.wait(idle_seconds)


def _poll(sqs: Any, queue_url: str, handler: Handler, visibility: int | None) -> int:
    try:
        return poll_once(sqs, queue_url, handler, visibility_timeout=visibility).received
    except Exception:  # moto restarting (fault drills): keep going
        log.exception("receive failed")
        return 0


def calendar_schedule(interval: float, fan_out: Handler) -> LocalSchedule:
    """The calendar-sync schedule as `make run` runs it: app.py's `calendar_fan_out` every
    CALENDAR_SYNC_LOCAL_INTERVAL seconds (settings), where EventBridge runs it every 10 min."""
    return LocalSchedule(interval, fan_out)


class LocalSchedule:
    """`@app.schedule` locally: the handler called as EventBridge calls it, every `interval`
    seconds (the first time at once)."""

    def __init__(self, interval: float, handler: Handler) -> None:
        self.interval = interval
        self._handler = handler
        self._next = time.monotonic()

    def tick(self) -> bool:
        """Run the handler when it is due; whether it ran."""
        if time.monotonic() < self._next:
            return False
        self._next = time.monotonic() + self.interval
        event = {
            "version": "0",
            "id": str(uuid.uuid4()),
            "detail-type": "Scheduled Event",
            "source": "aws.events",
            "account": "123456789012",
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "region": os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
            "resources": [],
            "detail": {},
        }
        try:
            self._handler(event, LocalContext(function_name="stratus-local-calendar_fan_out"))
        except Exception:  # the next tick tries again, as the next scheduled run would
            log.exception("the calendar-sync schedule failed")
        return True


def visibility_timeout() -> int | None:
    """DEVSTACK_WORKER_VISIBILITY_SECONDS: the VisibilityTimeout of each receive (the queue's
    own, 720 s, when unset), so that a fault drill sees a crashed job delivered again within
    seconds. Local only: in AWS the event source mapping uses the queue's."""
    raw = os.environ.get(VISIBILITY_ENV, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not 0 <= int(raw) <= 43200:  # SQS's range, 0 s to 12 h
        raise SystemExit(f"{VISIBILITY_ENV} must be 0 to 43200 seconds, not {raw!r}")
    return int(raw)


def _repo() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parent.parent


def main() -> int:
    logging.basicConfig(level=os.environ.get("WORKER_LOG_LEVEL", "INFO"), format="%(message)s")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    run(stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
