"""The email logging's call budget (chalicelib/emails/log.py, issue 11 "Tests and figures"),
asserted exactly with the emulators' counters, so that a regression fails `make test` and not
only `make bench` (bench/emails.py reports the same counts): Salesforce 2 + k calls for an email
with k attachments, 1 + k when every participant is cached; Gmail and Graph 1 + k."""

from __future__ import annotations

from collections import Counter
from functools import partial

import boto3
import pytest
from chalice.test import Client

from bench.emails import (
    ALICE,
    PETER,
    EmailUser,
    add_contacts,
    add_gmail_message,
    add_outlook_message,
    check_logged,
    client_email,
    files,
    google_calls,
    google_refreshes,
    microsoft_calls,
    microsoft_refreshes,
    salesforce_calls,
    spent,
)
from chalicelib import deps
from devstack.provision import ProvisionedStack
from tests.conftest import Mailboxes, Salesforce, SignIn


@pytest.fixture
def queue_env(stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch) -> ProvisionedStack:
    monkeypatch.setenv("STRATUS_EMAIL_QUEUE", stack.email_queue_name)
    for url in (stack.email_queue_url, stack.email_dead_letter_url):
        _drain(url)
    deps.reset()
    return stack


def _drain(queue_url: str) -> None:
    """Delete what an earlier test left (PurgeQueue is allowed once a minute per queue)."""
    sqs = boto3.client("sqs")
    while messages := sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get(
        "Messages"
    ):
        for message in messages:
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])


@pytest.fixture
def alice(
    queue_env: ProvisionedStack,
    sign_in: SignIn,
    client: Client,
    sf_env: Salesforce,
    mailbox_env: Mailboxes,
) -> EmailUser:
    """Alice signed in, Gmail and Outlook connected, her org saving attachments."""
    user_id = sf_env.emu.demo.users["alice"]
    user = EmailUser(client, sign_in(ALICE), user_id, queue_env.email_queue_url)
    user.connect("google")
    user.connect("microsoft")
    user.save_attachments()
    return user


@pytest.mark.parametrize("attachments", [0, 1, 3])
@pytest.mark.parametrize("participants", [1, 5, 20])
def test_an_email_costs_two_salesforce_calls_and_one_per_attachment_then_one_when_cached(
    alice: EmailUser, sf_env: Salesforce, participants: int, attachments: int
) -> None:
    # Given N Contacts never looked up, and an email from one of them to Alice and the others
    people = add_contacts(sf_env.emu, alice.user_id, participants, "costs")
    counted = partial(salesforce_calls, sf_env.emu, alice.user_id)

    # When it is logged, then another email with the same people (all in the cache now)
    first = client_email("first", people, files(attachments, "first"))
    cold, job = spent(counted, partial(alice.log, first))
    check_logged(job, people, attachments)
    second = client_email("second", people, files(attachments, "second"))
    cached, job = spent(counted, partial(alice.log, second))
    check_logged(job, people, attachments)

    # Then: one Composite matches (with the Users and the Message-ID), one writes the
    # EmailMessage, one upload per file; cached: no matching call
    assert cold == Counter({"composite": 2, "content_upload": attachments})
    assert cached == Counter({"composite": 1, "content_upload": attachments})


@pytest.mark.parametrize("attachments", [0, 1, 3])
def test_a_gmail_email_costs_one_read_and_one_per_attachment(
    alice: EmailUser, mailbox_env: Mailboxes, attachments: int
) -> None:
    google = mailbox_env.google
    message_id = add_gmail_message(google, ALICE, "c0575c0575c05750", files(attachments, "g"))
    refreshes = google_refreshes(google, ALICE)

    calls, job = spent(
        partial(google_calls, google, ALICE),
        partial(alice.log, {"source": "gmail", "message_id": message_id}),
    )

    check_logged(job, [PETER], attachments)
    assert calls == Counter({"gmail.messages.get": 1, "gmail.attachments.get": attachments})
    assert google_refreshes(google, ALICE) == refreshes


@pytest.mark.parametrize("attachments", [0, 1, 3])
def test_an_outlook_email_costs_one_read_and_one_per_attachment(
    alice: EmailUser, mailbox_env: Mailboxes, attachments: int
) -> None:
    microsoft = mailbox_env.microsoft
    message_id = add_outlook_message(microsoft, ALICE, "costs", files(attachments, "o"))
    refreshes = microsoft_refreshes(microsoft)

    calls, job = spent(
        partial(microsoft_calls, microsoft),
        partial(alice.log, {"source": "outlook", "message_id": message_id}),
    )

    check_logged(job, [PETER], attachments)
    # the message with its attachments' metadata ($expand), then each one's $value
    assert calls == Counter({"GET message": 1, "GET attachment_value": attachments})
    assert microsoft_refreshes(microsoft) == refreshes
