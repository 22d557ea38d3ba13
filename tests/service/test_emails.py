"""Email logging (chalicelib/emails) end to end in one process: the app in chalice.test.Client on
moto (DynamoDB, KMS and SQS provisioned from infra/template.yaml), the Salesforce, Google and
Microsoft emulators over real HTTP on loopback, and the queue's messages handed to the handler
app.py declares, as Lambda's event source does (devstack/worker.py `poll_once`)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from chalice.test import Client

from chalicelib import deps
from devstack.googleemu import seed as gseed
from devstack.provision import ProvisionedStack
from devstack.worker import Polled, poll_once
from tests.conftest import Mailboxes, Salesforce, SignIn
from tests.mailboxes import Browser

ALICE = "alice@acme.demo"
BOB = "bob@acme.demo"
PETER = "peter.gibbons@initech.com"


@pytest.fixture
def queue_env(
    stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[ProvisionedStack]:
    """A fresh queue for the test, with the provisioned queue's attributes (redrive policy to
    the dead-letter queue, visibility, SSE): SQS allows one purge a minute."""
    sqs = boto3.client("sqs")
    attributes = sqs.get_queue_attributes(
        QueueUrl=stack.email_queue_url,
        AttributeNames=["VisibilityTimeout", "RedrivePolicy", "SqsManagedSseEnabled"],
    )["Attributes"]
    name = f"{stack.email_queue_name}-{abs(hash(request.node.nodeid)) % 10**8}"
    url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    monkeypatch.setenv("STRATUS_EMAIL_QUEUE", name)
    deps.reset()
    yield dataclasses.replace(stack, email_queue_name=name, email_queue_url=url)
    sqs.delete_queue(QueueUrl=url)


@pytest.fixture
def alice(
    queue_env: ProvisionedStack, sign_in: SignIn, client: Client, mailbox_env: Mailboxes
) -> Browser:
    browser = Browser(client, sign_in(ALICE))
    assert browser.connect("google").status_code == 302
    assert browser.connect("microsoft").status_code == 302
    return browser


def _bearer(browser: Browser) -> dict[str, str]:
    return {"Authorization": f"Bearer {browser.session}", "Content-Type": "application/json"}


def post(browser: Browser, body: dict[str, Any], key: str | None = None) -> Any:
    headers = _bearer(browser)
    if key is not None:
        headers["Idempotency-Key"] = key
    return browser.client.http.post("/emails", body=json.dumps(body), headers=headers)


def job_of(browser: Browser, job_id: str) -> dict[str, Any]:
    response = browser.client.http.get(f"/emails/jobs/{job_id}", headers=_bearer(browser))
    assert response.status_code == 200, response.body
    return dict(json.loads(response.body)["job"])


def work(stack: ProvisionedStack) -> Polled:
    """What Lambda's event source mapping does once: receive, call app.py's handler, delete."""
    from app import email_jobs

    return poll_once(boto3.client("sqs"), stack.email_queue_url, email_jobs)


def gmail_id(mailboxes: Mailboxes, kind: str, email: str = ALICE) -> str:
    return str(mailboxes.google.demo.messages[email][kind])


def outlook_id(mailboxes: Mailboxes, kind: str, alias: str = "alice") -> str:
    return str(mailboxes.microsoft.demo.messages[alias][kind])


def _org_settings(browser: Browser, sf: Salesforce, **changes: Any) -> None:
    """Set org settings directly (the admin API is tested in test_admin)."""
    me = json.loads(browser.get("/me").body)
    deps._stored_org_settings().change(me["org"]["id"], changes)


def records(sf: Salesforce, sobject: str) -> list[dict[str, Any]]:
    return list(sf.emu.org.records[sobject].values())


def logged(sf: Salesforce, kind: str, subject: str) -> list[dict[str, Any]]:
    """The emails logged as `kind`: EmailMessages, or email Tasks of our own (not the demo
    org's seeded Tasks, nor the Task Enhanced Email makes for each EmailMessage)."""
    if kind == "EmailMessage":
        return [m for m in records(sf, "EmailMessage") if subject in str(m.get("Subject"))]
    made_for_messages = {m.get("ActivityId") for m in records(sf, "EmailMessage")}
    return [
        t
        for t in records(sf, "Task")
        if t.get("TaskSubtype") == "Email"
        and t["Id"] not in made_for_messages
        and str(t.get("Subject", "")).startswith("Email: ")
        and subject in str(t.get("Subject"))
    ]


# -- the queued path ------------------------------------------------------------------------------


def test_a_gmail_email_is_queued_then_logged_as_enhanced_email(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    assert response.status_code == 202, response.body
    job = json.loads(response.body)["job"]
    assert response.headers["Location"] == f"/emails/jobs/{job['id']}"
    assert job["status"] == "queued" and job["source"] == "gmail"

    assert work(queue_env) == Polled(1, 1, 0)
    done = job_of(alice, job["id"])
    assert done["status"] == "done", done
    result = done["result"]
    assert result["kind"] == "EmailMessage" and result["duplicate"] is False
    relations = {r["email"]: r for r in result["relations"]}
    assert relations[PETER]["type"] == "Contact"
    assert relations[ALICE]["type"] == "User"  # the user herself, as recipient
    message = sf_env.emu.org.get(result["salesforce_id"])
    assert message["MessageIdentifier"].startswith("<") and message["Incoming"] is True
    assert message["Subject"] == "Re: Q3 renewal" and message["Status"] == "1"
    assert message["ToIds"] == [relations[ALICE]["id"]]
    senders = [
        r for r in records(sf_env, "EmailMessageRelation") if r["RelationType"] == "FromAddress"
    ]
    assert [r["RelationId"] for r in senders] == [relations[PETER]["id"]]


def _me(browser: Browser) -> dict[str, Any]:
    return dict(json.loads(browser.get("/me").body))


def _user_id(browser: Browser) -> str:
    return str(_me(browser)["user"]["id"])


def _client_body(message_id: str = "<m1@initech.com>", **message: Any) -> dict[str, Any]:
    base = {
        "internet_message_id": message_id,
        "subject": "Renewal",
        "date": "2026-11-20T10:00:00Z",
        "from": {"email": ALICE, "name": "Alice Anders"},
        "to": [{"email": PETER, "name": "Peter Gibbons"}],
        "text": "Hello Peter",
    }
    return {"source": "client", "message": {**base, **message}}


def _log_gmail(
    browser: Browser, mailboxes: Mailboxes, stack: ProvisionedStack, kind: str, **options: Any
) -> dict[str, Any]:
    response = post(
        browser, {"source": "gmail", "message_id": gmail_id(mailboxes, kind), **options}
    )
    assert response.status_code == 202, response.body
    job_id = json.loads(response.body)["job"]["id"]
    work(stack)
    return job_of(browser, job_id)


def test_an_outlook_email_the_user_sent_relates_its_bcc(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    response = post(alice, {"source": "outlook", "message_id": outlook_id(mailbox_env, "sent")})
    assert response.status_code == 202, response.body
    job_id = json.loads(response.body)["job"]["id"]
    assert work(queue_env) == Polled(1, 1, 0)
    result = job_of(alice, job_id)["result"]
    message = sf_env.emu.org.get(result["salesforce_id"])
    assert message["Incoming"] is False and message["Status"] == "3"  # sent
    relations = {r["email"]: r for r in result["relations"]}
    assert relations[PETER]["type"] == "Contact"
    assert relations["bob@acme.demo"]["type"] == "User"  # a colleague in Bcc: an org User
    assert relations["bob@acme.demo"]["id"] in message["BccIds"]
    assert message["BccAddress"] == "bob@acme.demo"


def test_a_client_held_email_is_logged_within_the_request_and_never_queued(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    response = post(alice, _client_body())
    assert response.status_code == 201, response.body
    job = json.loads(response.body)["job"]
    assert job["status"] == "done" and job["source"] == "client"
    assert job["result"]["kind"] == "EmailMessage"
    assert job_of(alice, job["id"]) == job
    assert work(queue_env) == Polled(0, 0, 0)  # nothing went through the queue


def test_the_same_email_from_any_source_is_logged_once(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    first = _log_gmail(alice, mailbox_env, queue_env, "plain")["result"]
    identifier = sf_env.emu.org.get(first["salesforce_id"])["MessageIdentifier"]
    before = len(records(sf_env, "EmailMessage"))
    again = json.loads(post(alice, _client_body(identifier)).body)["job"]["result"]
    assert again["duplicate"] is True and again["salesforce_id"] == first["salesforce_id"]
    assert len(records(sf_env, "EmailMessage")) == before
    # the marker gone (its TTL): Salesforce's own MessageIdentifier still says it, in the
    # matching call
    items = boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
    for item in items:
        if item["sk"]["S"].startswith("LOGGED#"):
            boto3.client("dynamodb").delete_item(
                TableName=queue_env.table_name, Key={"pk": item["pk"], "sk": item["sk"]}
            )
    deps.lookups().invalidate_user(_me(alice)["org"]["id"], _user_id(alice))
    third = json.loads(post(alice, _client_body(identifier)).body)["job"]["result"]
    assert third["duplicate"] is True and third["salesforce_id"] == first["salesforce_id"]
    assert len(records(sf_env, "EmailMessage")) == before


def test_the_org_may_log_tasks_instead(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    _org_settings(alice, sf_env, email_logging="task")
    result = json.loads(post(alice, _client_body()).body)["job"]["result"]
    assert result["kind"] == "Task"
    task = sf_env.emu.org.get(result["salesforce_id"])
    assert task["TaskSubtype"] == "Email" and task["Status"] == "Completed"
    assert task["WhoId"] == {r["email"]: r for r in result["relations"]}[PETER]["id"]
    assert str(task["ActivityDate"]) == "2026-11-20" and "Hello Peter" in task["Description"]
    assert records(sf_env, "EmailMessage") == []


def test_an_org_without_enhanced_email_gets_tasks_and_is_remembered(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    sf_env.emu.enhanced_email = False
    first = json.loads(post(alice, _client_body("<a@x.com>")).body)["job"]
    assert first["status"] == "done" and first["result"]["kind"] == "Task"
    sf_env.emu.reset_counters()
    second = json.loads(post(alice, _client_body("<b@x.com>")).body)["job"]
    assert second["result"]["kind"] == "Task"
    # remembered: one Composite (the Task), no EmailMessage tried first (all cached: no match)
    assert sf_env.emu.calls(kind="composite") == 1
    # ... by the org, not only by this container: a new container logs a Task at once
    deps.reset()
    sf_env.emu.reset_counters()
    third = json.loads(post(alice, _client_body("<c@x.com>")).body)["job"]
    assert third["result"]["kind"] == "Task"
    assert sf_env.emu.calls(kind="composite") == 2  # the matching call (cold cache), the Task
    assert len(records(sf_env, "EmailMessage")) == 0


def test_attachments_stream_byte_exact_and_inline_images_are_skipped(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    _org_settings(alice, sf_env, attachments=True)
    result = _log_gmail(alice, mailbox_env, queue_env, "big_attachment")["result"]
    (attachment,) = result["attachments"]
    assert attachment["status"] == "saved" and attachment["name"] == gseed.BIG_ATTACHMENT_NAME
    stored = sf_env.emu.uploaded_file(attachment["content_version_id"])
    assert stored is not None and stored.size == gseed.BIG_ATTACHMENT_SIZE
    assert stored.sha256 == hashlib.sha256(gseed.big_attachment()).hexdigest()
    # ... and the dashboard's usage figures count it: one attachment saved, and its bytes
    from chalicelib.store.usage import UsageItems
    from chalicelib.usage import utc_day

    deps.usage().flush(force=True)
    org_id = json.loads(alice.get("/me").body)["org"]["id"]
    today = utc_day(deps.clock().now())
    (counts,) = UsageItems(deps.store()).org_days(org_id, today, today).values()
    assert counts["attachments_saved"] == 1
    assert counts["attachment_bytes"] == gseed.BIG_ATTACHMENT_SIZE
    inline = _log_gmail(alice, mailbox_env, queue_env, "inline_image")["result"]
    assert [(a["status"], a["reason"]) for a in inline["attachments"]] == [
        ("skipped", "inline image")
    ]


def test_attachments_over_the_orgs_limit_are_listed_too_large(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    _org_settings(alice, sf_env, attachments=True, max_attachment_mb=10)
    result = _log_gmail(alice, mailbox_env, queue_env, "big_attachment")["result"]
    assert [a["status"] for a in result["attachments"]] == ["too_large"]
    assert sf_env.emu.calls(kind="content_upload") == 0


def test_a_failed_attachment_keeps_the_email_and_a_new_request_saves_only_it(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    _org_settings(alice, sf_env, attachments=True)
    files = [
        {"name": "a.txt", "content_type": "text/plain", "content_base64": "YWFh"},
        {"name": "b.txt", "content_type": "text/plain", "content_base64": "YmJi"},
    ]
    sf_env.emu.fail_uploads(1, kind="storage_limit")
    first = json.loads(post(alice, _client_body(attachments=files)).body)["job"]
    assert first["status"] == "done"
    statuses = [(a["name"], a["status"]) for a in first["result"]["attachments"]]
    assert statuses == [("a.txt", "failed"), ("b.txt", "saved")]
    assert "STORAGE_LIMIT_EXCEEDED" in first["result"]["attachments"][0]["reason"] or "storage" in (
        first["result"]["attachments"][0]["reason"].lower()
    )
    again = json.loads(post(alice, _client_body(attachments=files)).body)["job"]["result"]
    assert again["duplicate"] is True
    assert [(a["name"], a["status"]) for a in again["attachments"]] == [
        ("a.txt", "saved"),
        ("b.txt", "skipped"),
    ]
    assert len(records(sf_env, "ContentVersion")) == 2


def test_what_salesforce_forbids_the_user_fails_naming_the_object(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    sf_env.emu.deny_create(_user_id(alice), "EmailMessage")
    job = json.loads(post(alice, _client_body()).body)["job"]
    assert job["status"] == "failed"
    assert job["error"]["code"] == "salesforce_access_denied"
    assert "EmailMessage" in job["error"]["message"]


def test_a_revoked_mailbox_fails_the_job_with_the_reauth_code(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    mailbox_env.google.revoke_user_grant(ALICE)
    mailbox_env.google.expire_access_tokens(ALICE)
    assert work(queue_env) == Polled(1, 1, 0)  # failed for good: not delivered again
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    assert job["status"] == "failed" and job["error"]["code"] == "google_reauth_required"


def test_a_message_the_mailbox_does_not_have_fails_message_not_found(
    alice: Browser, queue_env: ProvisionedStack
) -> None:
    response = post(alice, {"source": "outlook", "message_id": "AAMkAGI2TG93AAA="})
    assert response.status_code == 202
    work(queue_env)
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    assert job["status"] == "failed" and job["error"]["code"] == "message_not_found"


def test_mail_inside_the_excluded_domains_is_skipped(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    _org_settings(alice, sf_env, excluded_domains=["acme.demo"])
    internal = _client_body(to=[{"email": "bob@acme.demo"}])
    job = json.loads(post(alice, internal).body)["job"]
    assert job["status"] == "skipped" and "acme.demo" in job["result"]["reason"]
    assert records(sf_env, "EmailMessage") == []
    external = json.loads(post(alice, _client_body("<m2@x.com>")).body)["job"]
    assert external["status"] == "done"


def test_drive_links_are_listed_and_appended_or_posted_to_chatter(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    result = _log_gmail(alice, mailbox_env, queue_env, "drive_link")["result"]
    assert result["drive_links"] == [{"url": gseed.DRIVE_LINK, "title": "Acme proposal v3"}]
    assert gseed.DRIVE_LINK in sf_env.emu.org.get(result["salesforce_id"])["TextBody"]
    _org_settings(alice, sf_env, drive_links="chatter")
    account = next(iter(sf_env.emu.org.records["Account"]))
    body = _client_body("<d@x.com>", text=f"see {gseed.DRIVE_LINK}")
    posted = json.loads(post(alice, {**body, "related_to": account}).body)["job"]["result"]
    (feed,) = records(sf_env, "FeedItem")
    assert feed["ParentId"] == account and feed["LinkUrl"] == gseed.DRIVE_LINK
    assert "Google Drive links" not in (sf_env.emu.org.get(posted["salesforce_id"])["TextBody"])


def test_a_job_is_its_owners_only(
    alice: Browser, sign_in: SignIn, client: Client, queue_env: ProvisionedStack
) -> None:
    job = json.loads(post(alice, _client_body()).body)["job"]
    bob = Browser(client, sign_in(BOB))
    response = client.http.get(f"/emails/jobs/{job['id']}", headers=_bearer(bob))
    assert response.status_code == 404
    assert client.http.get(f"/emails/jobs/{job['id']}").status_code == 401
    assert client.http.get("/emails/jobs/nope!", headers=_bearer(alice)).status_code == 404


def test_bad_requests_are_clear_400s_and_large_ones_413(
    alice: Browser, queue_env: ProvisionedStack
) -> None:
    for body in (
        {"source": "fax", "message_id": "1"},
        {"source": "gmail"},
        {"source": "gmail", "message_id": "1", "related_to": "003000000000001AAA"},
        {"source": "gmail", "message_id": "../x"},
        _client_body("not-a-message-id"),
        _client_body(date="2026-11-20T10:00:00"),
        {**_client_body(), "attachments": "some"},
    ):
        response = post(alice, body)
        assert response.status_code == 400, (body, response.body)
        assert json.loads(response.body)["error"]["code"] == "validation_error"
    big = _client_body(text="x" * (5 * 1024 * 1024))
    response = post(alice, big)
    assert response.status_code == 413
    assert json.loads(response.body)["error"]["code"] == "message_too_large"
    items = boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
    assert not [i for i in items if i["sk"]["S"].startswith("EMAILJOB#")]  # nothing started
    assert work(queue_env) == Polled(0, 0, 0)


def test_a_mailbox_not_connected_is_409_and_nothing_is_queued(
    queue_env: ProvisionedStack, sign_in: SignIn, client: Client, mailbox_env: Mailboxes
) -> None:
    bob = Browser(client, sign_in(BOB))
    response = post(bob, {"source": "gmail", "message_id": "18c2f"})
    assert response.status_code == 409
    assert json.loads(response.body)["error"]["code"] == "connection_required"
    assert work(queue_env) == Polled(0, 0, 0)


def test_one_failing_job_never_runs_the_others_again(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    ok = post(alice, {"source": "outlook", "message_id": outlook_id(mailbox_env, "intro")})
    busy = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    mailbox_env.google.inject_fault("server_error", 5)
    polled = work(queue_env)
    assert polled == Polled(2, 1, 1)
    assert job_of(alice, json.loads(ok.body)["job"]["id"])["status"] == "done"
    assert job_of(alice, json.loads(busy.body)["job"]["id"])["status"] == "running"


def test_near_salesforces_daily_limit_the_job_waits_instead_of_failing(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    sf_env.emu.set_api_usage(99_000, 100_000)
    post(alice, _client_body())  # an answer with the usage reaches the guard
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    assert work(queue_env) == Polled(1, 1, 0)  # acknowledged: a delayed message replaces it
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    assert job["status"] == "queued"
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=queue_env.email_queue_url, AttributeNames=["ApproximateNumberOfMessagesDelayed"]
    )["Attributes"]
    assert attributes["ApproximateNumberOfMessagesDelayed"] == "1"


def test_an_idempotency_key_replays_the_first_answer(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    first = post(alice, _client_body(), key="k-1")
    again = post(alice, _client_body(), key="k-1")
    assert first.status_code == again.status_code == 201
    assert json.loads(first.body) == json.loads(again.body)
    assert len(records(sf_env, "EmailMessage")) == 1
    changed = post(alice, _client_body(subject="Other"), key="k-1")
    assert changed.status_code == 422
    assert json.loads(changed.body)["error"]["code"] == "idempotency_key_reused"
    assert post(alice, _client_body(), key="bad key\n").status_code == 400


# -- privacy: nothing of an email is kept ---------------------------------------------------

MARK = "zqxmark"  # in every field of the emails below; must appear nowhere we keep anything


def _marked_gmail(mailboxes: Mailboxes) -> str:
    import datetime as dt

    from devstack.googleemu.gmail import Message, Part

    when = dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)
    payload = Part(
        "multipart/mixed",
        parts=[
            Part(
                "multipart/alternative",
                parts=[
                    Part("text/plain", data=f"{MARK} body text".encode()),
                    Part("text/html", data=f"<p>{MARK} body html</p>".encode()),
                ],
            ),
            Part(
                "text/plain",
                headers=[("Content-Disposition", f'attachment; filename="{MARK}-g.txt"')],
                filename=f"{MARK}-g.txt",
                data=f"{MARK} attachment bytes".encode(),
            ),
        ],
    )
    payload.headers = [
        ("MIME-Version", "1.0"),
        ("Date", "Wed, 25 Nov 2026 09:00:00 +0000"),
        ("Message-ID", f"<{MARK}-g@markers.example>"),
        ("Subject", f"{MARK} subject"),
        ("From", f"{MARK} Sender <{MARK}-from@markers.example>"),
        ("To", f"Alice <{ALICE}>, {MARK} To <{MARK}-to@markers.example>"),
        ("Cc", f"{MARK} Cc <{MARK}-cc@markers.example>"),
    ]
    message_id = "feedfacecafe0001"
    mailboxes.google.mailboxes[ALICE].add(
        Message(message_id, message_id, ["INBOX"], when, payload, f"{MARK} snippet", 9000)
    )
    return message_id


def _marked_outlook(mailboxes: Mailboxes) -> str:
    import datetime as dt

    from devstack.msemu.seed import _address, _message

    ms = mailboxes.microsoft
    message = _message(
        "alice",
        f"{MARK}-o",
        dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC),
        1,
        subject=f"{MARK} subject",
        hasAttachments=True,
        body={"contentType": "html", "content": f"<p>{MARK} body html</p>"},
        sender=_address(f"{MARK}-from@markers.example", f"{MARK} Sender"),
        **{"from": _address(f"{MARK}-from@markers.example", f"{MARK} Sender")},
        ccRecipients=[_address(f"{MARK}-cc@markers.example", f"{MARK} Cc")],
    )
    message["internetMessageId"] = f"<{MARK}-o@markers.example>"
    user_id = ms.user_id(ALICE)
    ms.add_message(user_id, message)
    ms.add_attachment(
        user_id,
        message["id"],
        attachment_id="AAMkAGmarkerattachment",
        name=f"{MARK}-o.txt",
        content_type="text/plain",
        data=f"{MARK} attachment bytes".encode(),
    )
    return str(message["id"])


def test_no_subject_body_address_or_attachment_byte_is_kept_anywhere(
    alice: Browser,
    mailbox_env: Mailboxes,
    sf_env: Salesforce,
    queue_env: ProvisionedStack,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _org_settings(alice, sf_env, attachments=True)
    capsys.readouterr()
    sqs = boto3.client("sqs")
    queued = []
    for source, message_id in (
        ("gmail", _marked_gmail(mailbox_env)),
        ("outlook", _marked_outlook(mailbox_env)),
    ):
        body = {
            "source": source,
            "message_id": message_id,
            "attachments": [f"{MARK}-g.txt", f"{MARK}-o.txt"],  # chosen by name
        }
        assert post(alice, body, key=f"{MARK}-{source}").status_code == 202
        seen = sqs.receive_message(QueueUrl=queue_env.email_queue_url, VisibilityTimeout=0)
        queued += [m["Body"] for m in seen.get("Messages", [])]
    client = _client_body(
        f"<{MARK}-c@markers.example>",
        subject=f"{MARK} subject",
        text=f"{MARK} body text",
        html=f"<p>{MARK} body html</p>",
        to=[{"email": f"{MARK}-to@markers.example", "name": f"{MARK} To"}],
        cc=[{"email": f"{MARK}-cc@markers.example", "name": f"{MARK} Cc"}],
        bcc=[{"email": f"{MARK}-bcc@markers.example", "name": f"{MARK} Bcc"}],
        attachments=[
            {
                "name": f"{MARK}-c.txt",
                "content_type": "text/plain",
                "content_base64": "enF4bWFyayBhdHRhY2htZW50IGJ5dGVz",  # "zqxmark attachment bytes"
            }
        ],
    )
    assert post(alice, client, key=f"{MARK}-client").status_code == 201
    while work(queue_env).received:
        pass
    jobs = [
        i
        for i in boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
        if i["sk"]["S"].startswith("EMAILJOB#")
    ]
    assert len(jobs) == 3 and all(j["status"]["S"] == "done" for j in jobs)
    # the emails did reach Salesforce, with their attachments
    assert all(MARK in r["Subject"] for r in records(sf_env, "EmailMessage"))
    assert len(records(sf_env, "EmailMessage")) == 3
    assert len(records(sf_env, "ContentVersion")) == 3
    # and we kept none of it: not in the table, not on the queue, not in a log line
    table = json.dumps(
        boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"],
        default=lambda b: b.hex() if isinstance(b, bytes) else str(b),
    )
    assert len(queued) == 2
    logs = capsys.readouterr()
    for where, text in (
        ("table", table),
        ("queue", " ".join(queued)),
        ("logs", logs.out + logs.err),
    ):
        assert MARK not in text.lower(), where


def test_a_job_that_can_never_end_is_failed_job_stalled(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    """Its message went to the dead-letter queue (its worker killed at every receive: the
    drill of tests/faults/test_queue_worker.py) and nothing will run it again."""
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    job_id = json.loads(response.body)["job"]["id"]
    assert job_of(alice, job_id)["status"] == "queued"  # not stalled yet
    dynamodb = boto3.client("dynamodb")
    (item,) = [
        i
        for i in dynamodb.scan(TableName=queue_env.table_name)["Items"]
        if i["sk"]["S"] == f"EMAILJOB#{job_id}"
    ]
    long_ago = int(item["updated_at"]["N"]) - 2 * 3600 - 1
    dynamodb.update_item(
        TableName=queue_env.table_name,
        Key={"pk": item["pk"], "sk": item["sk"]},
        UpdateExpression="SET updated_at = :t, #s = :r",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":t": {"N": str(long_ago)}, ":r": {"S": "running"}},
    )
    job = job_of(alice, job_id)
    assert job["status"] == "failed" and job["error"]["code"] == "job_stalled"
    work(queue_env)  # its message, were it delivered again, finds an ended job: nothing runs
    assert job_of(alice, job_id)["status"] == "failed"


def test_an_email_deleted_in_salesforce_is_logged_anew(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    first = json.loads(post(alice, _client_body()).body)["job"]["result"]
    sf_env.emu.org.records["EmailMessage"].pop(first["salesforce_id"])
    deps.lookups().invalidate_user(_me(alice)["org"]["id"], _user_id(alice))  # a call is made
    again = json.loads(post(alice, _client_body()).body)["job"]["result"]
    assert again["duplicate"] is False and again["salesforce_id"] != first["salesforce_id"]
    assert [r["Id"] for r in records(sf_env, "EmailMessage")] == [again["salesforce_id"]]
    third = json.loads(post(alice, _client_body()).body)["job"]["result"]
    assert third["duplicate"] is True and third["salesforce_id"] == again["salesforce_id"]


def test_an_inline_image_named_by_its_id_is_saved(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    from chalicelib.providers.google.gmail import GmailReader

    _org_settings(alice, sf_env, attachments=True)
    first = _log_gmail(alice, mailbox_env, queue_env, "inline_image")["result"]
    assert [a["status"] for a in first["attachments"]] == ["skipped"]
    # the sidebar lists the message's attachments with their ids (as the reader reads them)
    tokens = deps.vault().tokens("google", _me(alice)["org"]["id"], _user_id(alice))
    message = GmailReader(deps.google().api(tokens)).message(gmail_id(mailbox_env, "inline_image"))
    (image,) = message.attachments
    again = _log_gmail(alice, mailbox_env, queue_env, "inline_image", attachments=[image.id])
    assert again["result"]["duplicate"] is True
    assert [a["status"] for a in again["result"]["attachments"]] == ["saved"]


def test_a_field_the_user_may_not_set_fails_naming_it(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    sf_env.emu.deny_field_edit(_user_id(alice), "EmailMessage", "HtmlBody")
    job = json.loads(post(alice, _client_body(html="<p>hi</p>")).body)["job"]
    assert job["status"] == "failed"
    assert job["error"]["code"] == "salesforce_access_denied"
    assert "HtmlBody" in job["error"]["message"]


def test_a_salesforce_connection_revoked_meanwhile_fails_the_job_with_its_reauth_code(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    sf_env.emu.revoke_user_tokens(_user_id(alice))
    sf_env.emu.expire_access_tokens()
    deps.reset()  # a new container: no access token cached
    assert work(queue_env) == Polled(1, 1, 0)
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    assert job["status"] == "failed" and job["error"]["code"] == "salesforce_reauth_required"


def test_twenty_jobs_with_an_expired_google_token_refresh_it_once(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    """Issue 10: concurrent jobs on one connection whose access token expired: exactly one
    refresh at Google (under the lease), every job done."""
    import datetime as dt
    from concurrent.futures import ThreadPoolExecutor

    from app import email_jobs
    from devstack.googleemu.gmail import Message, Part
    from devstack.worker import LocalContext, lambda_event

    google = mailbox_env.google
    ids = []
    for n in range(20):
        payload = Part("text/plain", data=f"Note {n}".encode())
        payload.headers = [
            ("Date", "Wed, 25 Nov 2026 09:00:00 +0000"),
            ("Message-ID", f"<note-{n}@initech.com>"),
            ("Subject", f"Note {n}"),
            ("From", f"Peter Gibbons <{PETER}>"),
            ("To", f"Alice <{ALICE}>"),
        ]
        message_id = f"abcdef{n:010x}"
        when = dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)
        google.mailboxes[ALICE].add(
            Message(message_id, message_id, ["INBOX"], when, payload, "", n)
        )
        assert post(alice, {"source": "gmail", "message_id": message_id}).status_code == 202
        ids.append(message_id)
    sqs = boto3.client("sqs")
    messages = []
    while len(messages) < 20:
        got = sqs.receive_message(
            QueueUrl=queue_env.email_queue_url,
            MaxNumberOfMessages=10,
            AttributeNames=["ApproximateReceiveCount"],
        )
        messages += got.get("Messages", [])
    google.expire_access_tokens()
    before = sum(google.stats()["token_refreshes"].values())
    deps.reset()  # a new container: no access token cached; the stored one has expired

    def one(message: dict[str, Any]) -> Any:
        event = lambda_event([message], "arn:aws:sqs:us-east-1:1:q", "us-east-1")
        return email_jobs(event, LocalContext())

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(one, messages))
    assert all(a == {"batchItemFailures": []} for a in answers), answers
    assert sum(google.stats()["token_refreshes"].values()) - before == 1
    jobs = [
        i
        for i in boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
        if i["sk"]["S"].startswith("EMAILJOB#")
    ]
    assert len(jobs) == 20 and {j["status"]["S"] for j in jobs} == {"done"}


@pytest.mark.parametrize("kind", ["EmailMessage", "Task"])
def test_a_run_cut_off_after_its_write_never_writes_twice(
    kind: str,
    alice: Browser,
    mailbox_env: Mailboxes,
    sf_env: Salesforce,
    queue_env: ProvisionedStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker dies between Salesforce's answer and the marker's write; the message comes
    back, and the next run finds the record (the pending marker makes it ask) instead of
    writing it again."""
    from app import email_jobs
    from chalicelib.store.email_jobs import LoggedEmails

    if kind == "Task":
        _org_settings(alice, sf_env, email_logging="task")
    real = LoggedEmails.remember
    calls = {"n": 0}

    def crash_once(self: LoggedEmails, *args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the worker died here")
        real(self, *args)

    monkeypatch.setattr(LoggedEmails, "remember", crash_once)
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    sqs = boto3.client("sqs")
    first = poll_once(sqs, queue_env.email_queue_url, email_jobs, visibility_timeout=0)
    assert first == Polled(1, 0, 1)  # reported failed: delivered again
    assert len(logged(sf_env, kind, "Q3 renewal")) == 1
    deps.reset()  # another container picks it up (nothing cached)
    assert poll_once(sqs, queue_env.email_queue_url, email_jobs) == Polled(1, 1, 0)
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    assert job["status"] == "done" and job["result"]["duplicate"] is False
    (written,) = logged(sf_env, kind, "Q3 renewal")  # not written twice
    assert job["result"]["salesforce_id"] == written["Id"]


def test_a_client_request_that_crashes_leaves_no_job(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.emails.log import EmailLog

    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(EmailLog, "log", crash)
    assert post(alice, _client_body()).status_code == 500
    items = boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
    assert not [i for i in items if i["sk"]["S"].startswith("EMAILJOB#")]


def test_the_org_decides_whether_attachments_are_saved_at_all(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    files = [{"name": "a.txt", "content_type": "text/plain", "content_base64": "YWFh"}]
    result = json.loads(post(alice, {**_client_body(attachments=files), "attachments": "all"}).body)
    assert [(a["status"], a["reason"]) for a in result["job"]["result"]["attachments"]] == [
        ("skipped", "the org does not save attachments")
    ]
    assert records(sf_env, "ContentVersion") == []


def test_a_mailbox_disconnected_after_queuing_fails_the_job_connection_required(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    response = post(alice, {"source": "outlook", "message_id": outlook_id(mailbox_env, "intro")})
    assert alice.delete("/connections/microsoft").status_code == 204
    work(queue_env)
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    assert job["status"] == "failed"
    assert job["error"]["code"] == "connection_required"
    assert job["error"]["provider"] == "microsoft"


def test_a_colleagues_copy_of_the_same_email_is_not_the_users(
    alice: Browser, sign_in: SignIn, client: Client, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    bob = Browser(client, sign_in(BOB))
    theirs = json.loads(post(bob, _client_body(to=[{"email": PETER}, {"email": ALICE}])).body)
    mine = json.loads(post(alice, _client_body(to=[{"email": PETER}, {"email": ALICE}])).body)
    assert mine["job"]["result"]["duplicate"] is False
    assert mine["job"]["result"]["salesforce_id"] != theirs["job"]["result"]["salesforce_id"]


def test_a_limit_wait_on_the_last_delivery_still_waits(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    from app import email_jobs
    from devstack.worker import LocalContext, lambda_event

    sf_env.emu.set_api_usage(99_000, 100_000)
    post(alice, _client_body())  # an answer with the usage reaches the guard
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    sqs = boto3.client("sqs")
    (message,) = sqs.receive_message(QueueUrl=queue_env.email_queue_url)["Messages"]
    message["Attributes"] = {"ApproximateReceiveCount": "5"}  # its fifth delivery
    answer = email_jobs(lambda_event([message], "arn:q", "us-east-1"), LocalContext())
    assert answer == {"batchItemFailures": []}
    assert job_of(alice, json.loads(response.body)["job"]["id"])["status"] == "queued"


def test_a_batch_starts_no_job_it_has_no_time_left_for(
    alice: Browser, mailbox_env: Mailboxes, queue_env: ProvisionedStack
) -> None:
    from app import email_jobs
    from devstack.worker import LocalContext, lambda_event

    for kind in ("plain", "sent"):
        post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, kind)})
    messages = boto3.client("sqs").receive_message(
        QueueUrl=queue_env.email_queue_url, MaxNumberOfMessages=10
    )["Messages"]
    assert len(messages) == 2
    answer = email_jobs(
        lambda_event(messages, "arn:q", "us-east-1"), LocalContext(timeout_seconds=30)
    )
    assert sorted(f["itemIdentifier"] for f in answer["batchItemFailures"]) == sorted(
        m["MessageId"] for m in messages
    )  # 30 s left is less than a job may need: both come back, neither started
    jobs = [
        i
        for i in boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
        if i["sk"]["S"].startswith("EMAILJOB#")
    ]
    assert {j["status"]["S"] for j in jobs} == {"queued"}


def test_a_failed_jobs_error_is_sealed_too(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Salesforce's messages may quote a value it was sent (STRING_TOO_LONG, a bad email)."""
    from chalicelib.providers.salesforce import activities

    def refuse(*args: Any) -> str:
        raise activities.refused(
            {"errorCode": "FIELD_CUSTOM_VALIDATION_EXCEPTION", "message": f"{MARK} is not allowed"}
        )

    monkeypatch.setattr(activities, "insert", refuse)
    job = json.loads(post(alice, _client_body()).body)["job"]
    assert job["status"] == "failed" and MARK in job["error"]["message"]  # the owner reads it
    table = json.dumps(
        boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"], default=str
    )
    assert MARK not in table and "salesforce_rejected" in table  # the code alone is plain


def test_long_bodies_are_cut_with_a_marker_and_the_thread_is_kept(
    alice: Browser, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    body = _client_body(
        subject="s" * 5000,
        text="t" * 200_000,
        in_reply_to="<parent@initech.com>",
        references=["<root@initech.com>", "<parent@initech.com>"],
    )
    result = json.loads(post(alice, body).body)["job"]["result"]
    message = sf_env.emu.org.get(result["salesforce_id"])
    assert len(message["Subject"]) == 4000 and len(message["TextBody"]) == 131_072
    assert message["TextBody"].endswith("[truncated by Stratus to fit Salesforce]")
    assert message["ThreadIdentifier"] == "<root@initech.com>"


def test_twenty_jobs_with_an_expired_microsoft_token_refresh_it_once(
    alice: Browser, mailbox_env: Mailboxes, sf_env: Salesforce, queue_env: ProvisionedStack
) -> None:
    import datetime as dt
    from concurrent.futures import ThreadPoolExecutor

    from app import email_jobs
    from devstack.msemu.seed import _message
    from devstack.worker import LocalContext, lambda_event

    ms = mailbox_env.microsoft
    for n in range(20):
        message = _message(
            "alice", f"note-{n}", dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), n, subject=f"N{n}"
        )
        ms.add_message(ms.user_id(ALICE), message)
        assert post(alice, {"source": "outlook", "message_id": message["id"]}).status_code == 202
    sqs = boto3.client("sqs")
    messages: list[dict[str, Any]] = []
    while len(messages) < 20:
        got = sqs.receive_message(QueueUrl=queue_env.email_queue_url, MaxNumberOfMessages=10)
        messages += got.get("Messages", [])
    ms.expire_access_tokens()
    before = ms.stats()["token_refreshes"]
    deps.reset()

    def one(message: dict[str, Any]) -> Any:
        return email_jobs(lambda_event([message], "arn:q", "us-east-1"), LocalContext())

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(one, messages))
    assert all(a == {"batchItemFailures": []} for a in answers), answers
    assert ms.stats()["token_refreshes"] - before == 1
    jobs = [
        i
        for i in boto3.client("dynamodb").scan(TableName=queue_env.table_name)["Items"]
        if i["sk"]["S"].startswith("EMAILJOB#")
    ]
    assert len(jobs) == 20 and {j["status"]["S"] for j in jobs} == {"done"}


@pytest.mark.parametrize("kind", ["EmailMessage", "Task"])
def test_a_queued_job_whose_write_may_still_commit_comes_back_instead_of_writing_twice(
    kind: str,
    alice: Browser,
    mailbox_env: Mailboxes,
    sf_env: Salesforce,
    queue_env: ProvisionedStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The activity's insert fails with an unknown outcome (a 503: Salesforce may still commit
    it). While the settle window runs, the job's message comes back (its visibility timeout)
    and nothing is written; after it, the job writes the email once."""
    from app import email_jobs
    from chalicelib.providers.salesforce import activities
    from tests.fakes import FakeClock

    if kind == "Task":
        _org_settings(alice, sf_env, email_logging="task")
    app_clock = FakeClock()
    monkeypatch.setattr(deps.clock(), "now", app_clock.now)
    real = activities.insert
    lost: list[bool] = []

    def lost_once(client: Any, requests: list[dict[str, Any]]) -> str:
        if not lost:
            lost.append(True)
            sf_env.emu.inject_fault("unavailable", count=1)
        return real(client, requests)

    monkeypatch.setattr(activities, "insert", lost_once)
    response = post(alice, {"source": "gmail", "message_id": gmail_id(mailbox_env, "plain")})
    sqs, url = boto3.client("sqs"), queue_env.email_queue_url

    # the lost write, then its message back within the window: reported failed, nothing written
    assert poll_once(sqs, url, email_jobs, visibility_timeout=0) == Polled(1, 0, 1)
    app_clock.advance(60)
    assert poll_once(sqs, url, email_jobs, visibility_timeout=0) == Polled(1, 0, 1)
    assert logged(sf_env, kind, "Q3 renewal") == []

    # after the window: written once
    app_clock.advance(61)
    assert poll_once(sqs, url, email_jobs) == Polled(1, 1, 0)
    job = job_of(alice, json.loads(response.body)["job"]["id"])
    (written,) = logged(sf_env, kind, "Q3 renewal")
    assert job["status"] == "done" and job["result"]["salesforce_id"] == written["Id"]
