"""SQS job queues: where background work is handed to a worker (DESIGN: background work).

A message carries references only (user, ids, options), never content; its body is compact
JSON under SQS's 256 KB limit. The queue is known by name (the stage's
`stratus-<stage>-email-jobs`, `STRATUS_EMAIL_QUEUE`): the worker's event source is declared
with the same name, and the URL is asked for once per container (`GetQueueUrl`).

Every public method raises `QueueUnavailable` (503 + Retry-After) for an outage of SQS
(chalicelib.outages): a caller never reads an outage as "sent". `send_batch` sends at most 10
messages per request (SQS's limit) and sends again the entries SQS reports as failed, a bounded
number of times; entries still failing then raise `QueueUnavailable`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from chalicelib import backoff
from chalicelib.errors import QueueUnavailable
from chalicelib.outages import unavailable_on_outage

MAX_BATCH = 10  # SendMessageBatch's entries per request
MAX_BODY_BYTES = 256 * 1024  # SQS's message size limit
MAX_DELAY_SECONDS = 900  # SQS's DelaySeconds limit
BATCH_ATTEMPTS = 4  # a batch's failed entries are sent again up to 3 times


class MessageTooLarge(ValueError):
    """A message body over SQS's limit (a programming error: references only)."""


def encode(body: Mapping[str, Any]) -> str:
    text = json.dumps(body, separators=(",", ":"), sort_keys=True)
    if len(text.encode("utf-8")) > MAX_BODY_BYTES:
        raise MessageTooLarge(f"queue message of {len(text)} characters")
    return text


@unavailable_on_outage(QueueUnavailable)
class JobQueue:
    """One SQS queue, by name."""

    def __init__(
        self,
        client: Any,
        name: str,
        *,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._client = client
        self.name = name
        self._url: str | None = None
        self._sleep = sleep

    def url(self) -> str:
        """The queue's URL (asked for once per container)."""
        if self._url is None:
            self._url = str(self._client.get_queue_url(QueueName=self.name)["QueueUrl"])
        return self._url

    def send(self, body: Mapping[str, Any], *, delay_seconds: int = 0) -> str:
        """Queue one message; its SQS message id."""
        reply = self._client.send_message(
            QueueUrl=self.url(),
            MessageBody=encode(body),
            DelaySeconds=max(0, min(MAX_DELAY_SECONDS, int(delay_seconds))),
        )
        return str(reply["MessageId"])

    def send_batch(self, bodies: Sequence[Mapping[str, Any]]) -> int:
        """Queue every message, 10 per request; the number sent."""
        sent = 0
        for start in range(0, len(bodies), MAX_BATCH):
            chunk = bodies[start : start + MAX_BATCH]
            entries = [{"Id": str(i), "MessageBody": encode(b)} for i, b in enumerate(chunk)]
            self._send_entries(entries)
            sent += len(entries)
        return sent

    def _send_entries(self, entries: list[dict[str, Any]]) -> None:
        for attempt in range(BATCH_ATTEMPTS):
            if attempt:
                self._pause(attempt)
            reply = self._client.send_message_batch(QueueUrl=self.url(), Entries=entries)
            failed = {f["Id"] for f in reply.get("Failed", [])}
            if not failed:
                return
            entries = [e for e in entries if e["Id"] in failed]
        raise QueueUnavailable()

    def _pause(self, attempt: int) -> None:
        import time

        (self._sleep or time.sleep)(backoff.delay(attempt, base=0.05, cap=1.0))
