"""`Idempotency-Key` on `POST /emails` (chalicelib/idempotency.py, issue 11): a replay answers
the first answer without queueing or logging again, another body is 422, one still in flight is
409, a failed first attempt leaves the key free, and the record holds only a job reference.
The app in chalice.test.Client on moto, the emulators over HTTP (as tests/service/test_emails)."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from chalice.test import Client

from chalicelib.queues import JobQueue
from devstack.provision import ProvisionedStack
from devstack.worker import Polled
from tests.conftest import Mailboxes, Salesforce, SignIn
from tests.mailboxes import Browser
from tests.service.test_emails import ALICE, PETER, gmail_id, job_of, post, records, work
from tests.service.test_emails import queue_env as _queue_env

KEY = "0b7e4c1a-5f7d-4a55-9b35-6f1f7a1e2d3c"
SUBJECT = "Subject-marker-a91f renewal"
CLIENT_BODY = {
    "source": "client",
    "message": {
        "internet_message_id": "<idem-marker-77@initech.com>",
        "subject": SUBJECT,
        "date": "2026-11-02T10:00:00Z",
        "from": {"email": PETER, "name": "Peter Gibbons"},
        "to": [{"email": ALICE}],
        "text": "Body-marker-3c0d: see you Thursday",
    },
}

queue_env = _queue_env


@pytest.fixture
def alice(
    queue_env: ProvisionedStack, sign_in: SignIn, client: Client, mailbox_env: Mailboxes
) -> Browser:
    return Browser(client, sign_in(ALICE))


def _connected(browser: Browser) -> Browser:
    assert browser.connect("google").status_code == 302
    return browser


def _code(response: Any) -> str:
    return str(json.loads(response.body)["error"]["code"])


def _items(stack: ProvisionedStack) -> list[dict[str, Any]]:
    client = boto3.client("dynamodb")
    found: list[dict[str, Any]] = []
    for page in client.get_paginator("scan").paginate(TableName=stack.table_name):
        found.extend(page["Items"])
    return found


def _with_sk(stack: ProvisionedStack, prefix: str) -> list[dict[str, Any]]:
    return [i for i in _items(stack) if i["sk"]["S"].startswith(prefix)]


def _queued(stack: ProvisionedStack) -> int:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=stack.email_queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def test_a_replayed_gmail_request_answers_the_same_job_and_queues_once(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    # Given a queued job created with a key
    _connected(alice)
    body = {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")}
    first = post(alice, body, KEY)
    assert first.status_code == 202, first.body
    # When the same request is replayed (names in another order)
    again = post(alice, dict(reversed(list(body.items()))), KEY)
    # Then it answers the same job, and one message was queued
    assert again.status_code == 202, again.body
    job_id = json.loads(first.body)["job"]["id"]
    assert json.loads(again.body)["job"]["id"] == job_id
    assert again.headers["Location"] == f"/emails/jobs/{job_id}"
    assert _queued(queue_env) == 1
    assert len(_with_sk(queue_env, "IDEMPOTENCY#emails#")) == 1
    # And once the worker ran it, a replay shows the job as it is now
    assert work(queue_env) == Polled(1, 1, 0)
    replayed = post(alice, body, KEY)
    assert replayed.status_code == 202
    assert json.loads(replayed.body)["job"]["status"] == job_of(alice, job_id)["status"] == "done"


def test_a_replayed_client_request_logs_once(alice: Browser, sf_env: Salesforce) -> None:
    first = post(alice, CLIENT_BODY, KEY)
    assert first.status_code == 201, first.body
    again = post(alice, CLIENT_BODY, KEY)
    assert again.status_code == 201, again.body
    assert json.loads(again.body) == json.loads(first.body)
    assert len(records(sf_env, "EmailMessage")) == 1
    # without the key the same email is logged again: Salesforce's duplicate check answers
    third = post(alice, CLIENT_BODY)
    assert third.status_code == 201, third.body
    assert json.loads(third.body)["job"]["id"] != json.loads(first.body)["job"]["id"]
    assert len(records(sf_env, "EmailMessage")) == 1


def test_the_same_key_with_another_body_is_refused(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    _connected(alice)
    body = {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")}
    assert post(alice, body, KEY).status_code == 202
    changed = {**body, "attachments": "none"}
    response = post(alice, changed, KEY)
    assert response.status_code == 422, response.body
    assert _code(response) == "idempotency_key_reused"
    assert _queued(queue_env) == 1


def test_a_request_still_in_flight_answers_409(
    alice: Browser,
    mailbox_env: Mailboxes,
    queue_env: ProvisionedStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a first request that, while it queues its job, sees the same request arrive
    _connected(alice)
    body = {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")}
    nested: list[Any] = []
    send = JobQueue.send

    def send_while_replayed(self: JobQueue, message: Any, **options: Any) -> str:
        if not nested:
            nested.append(post(alice, body, KEY))
        return send(self, message, **options)

    monkeypatch.setattr(JobQueue, "send", send_while_replayed)
    first = post(alice, body, KEY)
    # Then the one that arrived meanwhile is told to retry; the first is queued once
    assert first.status_code == 202, first.body
    assert nested[0].status_code == 409, nested[0].body
    assert _code(nested[0]) == "request_in_progress"
    assert nested[0].headers["Retry-After"] == "1"
    assert _queued(queue_env) == 1
    assert len(_with_sk(queue_env, "EMAILJOB#")) == 1


def test_a_failed_first_attempt_leaves_the_key_free(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    # Given no Google connection yet: the first attempt fails
    body = {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")}
    refused = post(alice, body, KEY)
    assert refused.status_code == 409 and _code(refused) == "connection_required"
    assert _with_sk(queue_env, "IDEMPOTENCY#") == []
    # When she connects Google and sends the same request with the same key
    _connected(alice)
    response = post(alice, body, KEY)
    # Then it runs
    assert response.status_code == 202, response.body
    assert _queued(queue_env) == 1


def test_the_stored_record_names_nobody(alice: Browser, queue_env: ProvisionedStack) -> None:
    assert post(alice, CLIENT_BODY, KEY).status_code == 201
    [record] = _with_sk(queue_env, "IDEMPOTENCY#emails#")
    text = json.dumps(record)
    for secret in (SUBJECT, "Subject-marker", "Body-marker", "idem-marker", PETER, ALICE, KEY):
        assert secret not in text, secret
