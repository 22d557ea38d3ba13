"""The queue worker killed mid-job (DESIGN 1: one unit of work per message, idempotent, under a
lease; a dead-letter queue for poison messages), over the real parts: `make run`'s stack
in-process (moto's SQS with the template's redrive policy, the emulators, `chalice local` and
the worker process of devstack/worker.py calling app.py's handler).

Time is compressed: each receive hides a message for VISIBILITY seconds
(DEVSTACK_WORKER_VISIBILITY_SECONDS) instead of the queue's 720 s. In AWS a dead worker's job
lease (180 s, chalicelib/emails/service.py) has long ended when SQS shows its message again;
here the drill ends it by hand at the moment of the kill, which is what those 720 s do."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

from chalicelib.store import keys
from devstack.stack import LocalStack
from tests.e2e.conftest import wait_until
from tests.e2e.test_local_emails import LocalUser, running_stack

pytestmark = pytest.mark.faults

VISIBILITY = 2  # seconds a received message stays hidden (the queue's own: 720)
STALLED = 30  # seconds a job may go unchanged before it is failed job_stalled (the app: 2 h)
MAX_RECEIVES = 5  # the template's redrive policy (infra/template.yaml maxReceiveCount)
#: not tests/e2e/test_local_emails's user: in-process stacks of one pytest run share moto's
#: state (its backends are module globals), so her logged emails would answer duplicate here
BOB = "bob@acme.demo"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    with running_stack(
        tmp_path_factory.mktemp("queue-worker") / "stack.log",
        DEVSTACK_WORKER_VISIBILITY_SECONDS=str(VISIBILITY),
        EMAIL_JOB_STALLED_SECONDS=str(STALLED),
    ) as started:
        yield started


@pytest.fixture(scope="module")
def bob(stack: LocalStack) -> LocalUser:
    user = LocalUser.sign_in(stack.api_url, BOB)
    user.connect("google")
    return user


@pytest.fixture(autouse=True)
def _google_healthy(stack: LocalStack) -> Iterator[None]:
    yield
    stack.google.reset()  # faults and knobs lifted (its mail and tokens stay)


def _aws(stack: LocalStack, service: str) -> Any:
    return boto3.client(service, endpoint_url=stack.aws_endpoint)


def _depth(stack: LocalStack, url: str) -> int:
    attributes = _aws(stack, "sqs").get_queue_attributes(
        QueueUrl=url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return sum(int(v) for v in attributes.values())


def _items(stack: LocalStack, pk: str, sk_prefix: str) -> list[dict[str, Any]]:
    reply = _aws(stack, "dynamodb").query(
        TableName=stack.provisioned.table_name,
        KeyConditionExpression="pk = :pk AND begins_with(sk, :sk)",
        ExpressionAttributeValues={":pk": {"S": pk}, ":sk": {"S": sk_prefix}},
        ConsistentRead=True,
    )
    return list(reply["Items"])


def _end_lease(stack: LocalStack, resource: str) -> None:
    """What the queue's 720 s of visibility do to a dead worker's 180 s lease (the module's
    docstring): it has run out by the time the message is seen again."""
    pk, sk = keys.lease_key(resource)
    _aws(stack, "dynamodb").update_item(
        TableName=stack.provisioned.table_name,
        Key={"pk": {"S": pk}, "sk": {"S": sk}},
        UpdateExpression="SET lease_until = :past",
        ConditionExpression="attribute_exists(pk)",  # the killed worker held it
        ExpressionAttributeValues={":past": {"N": str(int(time.time()) - 1)}},
    )


def _gmail_gets(stack: LocalStack, message_id: str) -> int:
    return sum(
        1
        for entry in list(stack.google.request_log)
        if f"/messages/{message_id}" in str(entry) and "/attachments/" not in str(entry)
    )


def test_queue_worker_killed_mid_job_is_redelivered_and_finishes_once(
    stack: LocalStack, bob: LocalUser
) -> None:
    # Given Gmail that answers the worker's next read only after a while
    me = bob.me()
    org_id, user_id = me["org"]["id"], me["user"]["id"]
    message_id = stack.google.demo.messages[BOB]["plain"]
    stack.google.fault_delay = 8.0  # under the mailbox timeout (10 s): a slow answer, not none
    stack.google.inject_fault("stall", target="api")
    # When a job is queued and the worker holds it (running, its lease taken, Gmail stalled)
    reply = bob.log_email({"source": "gmail", "message_id": message_id})
    assert reply.status_code == 202, reply.text
    job_id = reply.json()["job"]["id"]
    assert wait_until(lambda: bob.job(job_id)["status"] == "running", 10)
    assert wait_until(lambda: not stack.google.pending_faults, 10)  # it is in the stalled read
    # And the worker process is killed there (no clean-up: SIGKILL to its process group)
    assert stack.worker is not None
    dead = stack.worker
    os.killpg(dead.pid, signal.SIGKILL)
    assert dead.wait(timeout=5) == -signal.SIGKILL
    assert bob.job(job_id)["status"] == "running"
    _end_lease(stack, keys.email_job_lease(org_id, user_id, job_id))
    # And a new worker is started
    stack.restart_worker()
    assert stack.worker is not dead
    # Then SQS delivers the message again after its visibility timeout and the job finishes
    done = bob.finished(job_id, timeout=30)
    assert done["status"] == "done", done
    assert done["result"]["duplicate"] is False
    # Exactly once: one EmailMessage for this email, one logged-email marker, one job item
    rfc_id = stack.emulator.org.get(done["result"]["salesforce_id"])["MessageIdentifier"]
    logged = [
        r
        for r in list(stack.emulator.org.records["EmailMessage"].values())
        if r["MessageIdentifier"] == rfc_id
    ]
    assert [r["Id"] for r in logged] == [done["result"]["salesforce_id"]]
    user_pk = keys.user_pk(org_id, user_id)
    assert len(_items(stack, user_pk, "LOGGED#")) == 1
    assert len(_items(stack, user_pk, f"EMAILJOB#{job_id}")) == 1
    # Read twice (the killed worker's read, logged once its stall ends, and the new one's)
    assert wait_until(lambda: _gmail_gets(stack, message_id) == 2, stack.google.fault_delay)
    # And nothing is left in the queues
    assert wait_until(lambda: _depth(stack, stack.provisioned.email_queue_url) == 0, 5)
    assert _depth(stack, stack.provisioned.email_dead_letter_url) == 0


def test_a_job_that_keeps_failing_ends_failed_on_its_fifth_receive(
    stack: LocalStack, bob: LocalUser
) -> None:
    """A retryable error on every try: tried again after each visibility timeout, and the fifth
    receive (the redrive policy's maxReceiveCount) ends the job as failed with the last error;
    its message is then done with (deleted), so nothing is left for the dead-letter queue."""
    # Given Gmail failing every read with 500 (retryable: the job is tried again)
    stack.google.inject_fault("server_error", count=1000, target="api")
    message_id = stack.google.demo.messages[BOB]["drive_link"]
    dead_letters = stack.provisioned.email_dead_letter_url
    before = _depth(stack, dead_letters)
    # When a job is queued
    reply = bob.log_email({"source": "gmail", "message_id": message_id})
    assert reply.status_code == 202, reply.text
    job_id = reply.json()["job"]["id"]
    # Then it is still queued or running through four receives, and failed after the fifth
    failed = bob.finished(job_id, timeout=(MAX_RECEIVES + 2) * (VISIBILITY + 1))
    assert failed["status"] == "failed", failed
    assert failed["error"]["code"] == "google_unavailable", failed
    assert _depth(stack, stack.provisioned.email_queue_url) == 0
    assert _depth(stack, dead_letters) == before
    assert not _logged_with_subject(stack, "Proposal draft")


def test_a_message_that_kills_the_worker_every_time_lands_in_the_dead_letter_queue(
    stack: LocalStack, bob: LocalUser
) -> None:
    """A poison message: the worker dies on it at every receive (as a Lambda timeout or an
    out-of-memory kill would). After 5 receives SQS moves it to the dead-letter queue."""
    # Given Gmail that stalls the next five reads
    me = bob.me()
    org_id, user_id = me["org"]["id"], me["user"]["id"]
    stack.google.fault_delay = 8.0
    stack.google.inject_fault("stall", count=MAX_RECEIVES, target="api")
    message_id = stack.google.demo.messages[BOB]["sent"]
    dead_letters = stack.provisioned.email_dead_letter_url
    before = _depth(stack, dead_letters)
    reply = bob.log_email({"source": "gmail", "message_id": message_id})
    assert reply.status_code == 202, reply.text
    job_id = reply.json()["job"]["id"]
    lease = keys.email_job_lease(org_id, user_id, job_id)
    # When the worker is killed in the middle of the job at each of five receives
    for receive in range(1, MAX_RECEIVES + 1):
        left = MAX_RECEIVES - receive
        assert wait_until(_stalls_left(stack, left), 3 * VISIBILITY + 10)
        assert stack.worker is not None
        os.killpg(stack.worker.pid, signal.SIGKILL)
        stack.worker.wait(timeout=5)
        _end_lease(stack, lease)
        stack.restart_worker()
    # Then the next receive moves the message to the dead-letter queue, unrun
    assert wait_until(lambda: _depth(stack, dead_letters) == before + 1, 3 * VISIBILITY + 10)
    assert _depth(stack, stack.provisioned.email_queue_url) == 0
    sqs = _aws(stack, "sqs")
    moved = sqs.receive_message(
        QueueUrl=dead_letters,
        AttributeNames=["ApproximateReceiveCount"],
        MaxNumberOfMessages=10,
        VisibilityTimeout=0,
    )["Messages"]
    [mine] = [m for m in moved if json.loads(m["Body"])["job"] == job_id]
    assert json.loads(mine["Body"])["message_id"] == message_id  # references only
    assert int(mine["Attributes"]["ApproximateReceiveCount"]) >= MAX_RECEIVES
    assert not _logged_with_subject(stack, "Quote for Initech")
    # And its job, which no try could end, says so once it has gone unchanged for the stall
    # time (EMAIL_JOB_STALLED_SECONDS): failed, job_stalled, and kept so
    assert bob.job(job_id)["status"] == "running"
    assert wait_until(lambda: bob.job(job_id)["status"] == "failed", STALLED + 10)
    job = bob.job(job_id)
    assert job["error"]["code"] == "job_stalled"


def _stalls_left(stack: LocalStack, count: int) -> Callable[[], bool]:
    """True once the worker took a stall: `count` are left to take."""
    return lambda: len(stack.google.pending_faults) == count


def _logged_with_subject(stack: LocalStack, subject: str) -> list[dict[str, Any]]:
    return [
        r
        for r in list(stack.emulator.org.records["EmailMessage"].values())
        if subject in str(r.get("Subject"))
    ]
