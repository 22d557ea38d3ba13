"""Reading messages and streaming attachments (chalicelib.mail) from Gmail and Microsoft Graph,
over real HTTP against the bundled emulators (devstack/googleemu, devstack/msemu), on a user's
connection held by the real vault (moto): every field of the seeded messages, encoded headers,
Bcc on sent mail, inline images, the ~15 MB attachments byte-exact, a missing message, an
expired token renewed once, throttling, and the exact number of provider calls."""

# ruff: noqa: F811 - the connection fixtures are imported by name; tests take them as parameters

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest

from bench.core import discover
from chalicelib.connections.vault import ConnectionVault
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.mail import CHUNK, Address, MailMessage, MailReader
from chalicelib.providers.google.provider import GoogleProvider
from chalicelib.providers.microsoft.provider import MicrosoftProvider
from chalicelib.settings import Settings
from devstack.googleemu import BIG_ATTACHMENT_NAME, BIG_ATTACHMENT_SIZE, INLINE_CID, GoogleEmulator
from devstack.googleemu.seed import (
    CUSTOMER_CC,
    SENT_SUBJECT,
    _hex_id,
    big_attachment,
    logo_png,
)
from devstack.msemu import MicrosoftEmulator
from devstack.msemu.seed import LARGE_ATTACHMENT_SIZE, PNG_1X1
from devstack.provision import ProvisionedStack
from tests.provider_connections import (  # noqa: F401 - fixtures used by name
    ALICE,
    ORG,
    USER,
    VaultTokens,
    connect,
    gemu,
    msemu,
    settings,
    vault,
)

PETER = Address("peter.gibbons@initech.com", "Peter Gibbons")


@dataclass
class Mailbox:
    """Alice's connection to one provider, its reader and the emulator behind it."""

    reader: MailReader
    tokens: VaultTokens
    emu: Any


@pytest.fixture
def gmail(vault: ConnectionVault, gemu: GoogleEmulator, settings: Settings) -> Mailbox:
    tokens = connect(vault, "google", gemu.issue_tokens(ALICE))
    gemu.reset_counters()
    reader = GoogleProvider(settings, lambda s: s).mail_reader(tokens)
    return Mailbox(reader, tokens, gemu)


@pytest.fixture
def outlook(vault: ConnectionVault, msemu: MicrosoftEmulator, settings: Settings) -> Mailbox:
    tokens = connect(vault, "microsoft", msemu.issue_tokens(ALICE))
    msemu.reset_counters()
    reader = MicrosoftProvider(settings, lambda s: s).mail_reader(tokens)
    return Mailbox(reader, tokens, msemu)


def _gmail_id(gemu: GoogleEmulator, kind: str) -> str:
    return gemu.demo.messages[ALICE][kind]


def _gmail_calls(gemu: GoogleEmulator) -> dict[str, int]:
    return dict(gemu.counters.calls)


def _graph_message(msemu: MicrosoftEmulator, key: str) -> tuple[str, dict[str, Any]]:
    mid = msemu.demo.messages["alice"][key]
    return mid, msemu.data[msemu.demo.users["alice"]].messages[mid]


def _drain(chunks: Iterator[bytes]) -> tuple[str, int, int]:
    """(sha256, size, largest chunk) of a stream."""
    digest, size, largest = hashlib.sha256(), 0, 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
        largest = max(largest, len(chunk))
    return digest.hexdigest(), size, largest


def _error(call: Any) -> StratusError:
    with pytest.raises(StratusError) as raised:
        call()
    return raised.value


# -- Gmail -------------------------------------------------------------------------------------


def test_gmail_reply_is_read_field_by_field_in_one_call(gmail: Mailbox) -> None:
    gemu: GoogleEmulator = gmail.emu
    message_id = _gmail_id(gemu, "plain")
    message = gmail.reader.message(message_id)
    seeded = gemu.mailboxes[ALICE].messages[message_id]
    assert message.internet_message_id == f"<{message_id}.demo@mail.gmail.com>"
    assert message.subject == "Re: Q3 renewal"
    assert message.date == seeded.internal_date and message.date.tzinfo == dt.UTC
    assert message.sender == PETER
    assert message.to == (Address(ALICE, "Alice Anders"),)
    assert message.cc == (Address(CUSTOMER_CC[1], CUSTOMER_CC[0]),)  # RFC 2047 name decoded
    assert message.bcc == ()
    assert message.text is not None and "Let's renew for Q3." in message.text
    assert message.html is not None and "<b>Q3</b>" in message.html
    parent = f"<{_hex_id(ALICE, 'plain-parent')}.demo@mail.gmail.com>"
    root = f"<{_hex_id(ALICE, 'plain-root')}.demo@mail.gmail.com>"
    assert (message.in_reply_to, message.references) == (parent, (root, parent))
    assert message.attachments == ()
    assert _gmail_calls(gemu) == {"gmail.messages.get": 1}


def test_gmail_sent_mail_has_bcc_and_a_decoded_subject(gmail: Mailbox) -> None:
    message = gmail.reader.message(_gmail_id(gmail.emu, "sent"))
    assert message.subject == SENT_SUBJECT
    assert message.sender == Address(ALICE, "Alice Anders")
    assert message.to == (PETER,)
    assert message.cc == (Address("bob@acme.demo", "Bob"),)
    assert message.bcc == (Address(CUSTOMER_CC[1], CUSTOMER_CC[0]),)
    assert message.html is None and message.text is not None


def test_gmail_inline_image_and_its_bytes(gmail: Mailbox) -> None:
    gemu: GoogleEmulator = gmail.emu
    message_id = _gmail_id(gemu, "inline_image")
    message = gmail.reader.message(message_id)
    (image,) = message.attachments
    assert (image.name, image.content_type, image.inline) == ("logo.png", "image/png", True)
    assert image.content_id == INLINE_CID and image.size == len(logo_png())
    assert message.html is not None and f"cid:{INLINE_CID}" in message.html
    assert b"".join(gmail.reader.attachment(message_id, image)) == logo_png()
    assert _gmail_calls(gemu) == {"gmail.messages.get": 1, "gmail.attachments.get": 1}


def test_gmail_15_mb_attachment_streams_byte_exact_in_one_call(gmail: Mailbox) -> None:
    gemu: GoogleEmulator = gmail.emu
    message_id = _gmail_id(gemu, "big_attachment")
    message = gmail.reader.message(message_id)
    (pdf,) = message.attachments
    assert (pdf.name, pdf.content_type, pdf.size) == (
        BIG_ATTACHMENT_NAME,
        "application/pdf",
        BIG_ATTACHMENT_SIZE,
    )
    assert pdf.inline is False and pdf.content_id is None
    digest, size, largest = _drain(gmail.reader.attachment(message_id, pdf))
    assert (digest, size) == (hashlib.sha256(big_attachment()).hexdigest(), BIG_ATTACHMENT_SIZE)
    assert largest <= CHUNK
    assert _gmail_calls(gemu) == {"gmail.messages.get": 1, "gmail.attachments.get": 1}


def test_gmail_unknown_and_malformed_ids_are_message_not_found(gmail: Mailbox) -> None:
    for message_id in ("0000000000000000", "not-a-gmail-id", "../profile"):
        error = _error(lambda m=message_id: gmail.reader.message(m))
        assert (error.code, error.status) == (ErrorCode.MESSAGE_NOT_FOUND, 404)
    # the id is one path segment: "../profile" never reaches another method
    assert dict(gmail.emu.counters.calls) == {"gmail.messages.get": 2}


def test_gmail_expired_access_token_is_renewed_once(gmail: Mailbox) -> None:
    gemu: GoogleEmulator = gmail.emu
    gmail.tokens.current()  # cached in the vault, then expired at Google
    gemu.expire_access_tokens(ALICE)
    message = gmail.reader.message(_gmail_id(gemu, "plain"))
    assert message.subject == "Re: Q3 renewal"
    assert gmail.tokens.refreshes == 1 and gemu.counters.token_refreshes[ALICE] == 1
    # the refused call and the retried one; alice's token was accepted once
    assert gemu.counters.calls["gmail.messages.get"] == 2
    assert gemu.counters.calls_by_user[ALICE]["gmail.messages.get"] == 1


def test_gmail_short_retry_after_is_waited_for_once(gmail: Mailbox) -> None:
    gemu: GoogleEmulator = gmail.emu
    gemu.retry_after = 1
    gemu.inject_fault("rate_limit")
    assert gmail.reader.message(_gmail_id(gemu, "plain")).sender == PETER
    assert gemu.counters.calls["gmail.messages.get"] == 2
    gemu.inject_fault("rate_limit", 2)
    error = _error(lambda: gmail.reader.message(_gmail_id(gemu, "plain")))
    assert (error.code, error.status, error.headers) == (
        ErrorCode.GOOGLE_BUSY,
        503,
        {"Retry-After": "1"},
    )


def test_gmail_server_error_is_unavailable(gmail: Mailbox) -> None:
    gmail.emu.inject_fault("server_error")
    error = _error(lambda: gmail.reader.message(_gmail_id(gmail.emu, "plain")))
    assert (error.code, error.status) == (ErrorCode.GOOGLE_UNAVAILABLE, 502)


def test_gmail_attachment_stream_refusal_is_raised_before_the_first_chunk(gmail: Mailbox) -> None:
    message = gmail.reader.message(_gmail_id(gmail.emu, "big_attachment"))
    (pdf,) = message.attachments
    other = _gmail_id(gmail.emu, "plain")  # not this message's attachment: Gmail answers 400
    error = _error(lambda: gmail.reader.attachment(other, pdf))
    assert error.code == ErrorCode.MESSAGE_NOT_FOUND


# -- Microsoft Graph -----------------------------------------------------------------------------


def test_graph_reply_is_read_field_by_field_in_one_call(outlook: Mailbox) -> None:
    msemu: MicrosoftEmulator = outlook.emu
    mid, seeded = _graph_message(msemu, "intro")
    message = outlook.reader.message(mid)
    assert message.internet_message_id == seeded["internetMessageId"]
    assert message.subject == "Re: Introduction"
    sent = dt.datetime.fromisoformat(seeded["sentDateTime"].replace("Z", "+00:00"))
    assert message.date == sent and message.date.tzinfo == dt.UTC
    assert message.sender == PETER
    assert message.to == (Address(ALICE, "Alice Anders"),)
    assert message.cc == (Address("bob@acme.demo", "Bob Brown"),)
    assert message.bcc == ()
    assert (message.text, message.html) == ("Thanks for the intro. Talk soon, Peter", None)
    headers = {h["name"]: h["value"] for h in seeded["internetMessageHeaders"]}
    assert message.in_reply_to == headers["In-Reply-To"]
    assert message.references == tuple(headers["References"].split())
    assert message.attachments == ()
    assert dict(msemu.counters.calls) == {"GET message": 1}


def test_graph_sent_mail_has_bcc_and_text_from_html(outlook: Mailbox) -> None:
    mid, _ = _graph_message(outlook.emu, "sent")
    message = outlook.reader.message(mid)
    assert message.sender == Address(ALICE, "Alice Anders") and message.to == (PETER,)
    assert message.bcc == (Address("bob@acme.demo", "Bob Brown"),)
    assert message.html == "<p>Hi Peter,</p><p>Pricing &amp; terms.</p>"
    assert message.text == "Hi Peter,\n\nPricing & terms."
    assert message.in_reply_to is None and message.references == ()


def test_graph_inline_image_is_listed_with_the_message(outlook: Mailbox) -> None:
    msemu: MicrosoftEmulator = outlook.emu
    mid, _ = _graph_message(msemu, "photos")
    message = outlook.reader.message(mid)
    (image,) = message.attachments
    assert (image.name, image.content_type, image.size) == ("logo.png", "image/png", len(PNG_1X1))
    assert image.inline is True and image.content_id == "logo@acme.demo"
    assert message.text == "Logo from the site visit:"
    assert b"".join(outlook.reader.attachment(mid, image)) == PNG_1X1
    assert dict(msemu.counters.calls) == {"GET message": 1, "GET attachment_value": 1}


def test_graph_15_mb_attachment_streams_byte_exact_in_one_call(outlook: Mailbox) -> None:
    msemu: MicrosoftEmulator = outlook.emu
    mid, _ = _graph_message(msemu, "proposal")
    message = outlook.reader.message(mid)
    (pdf,) = message.attachments
    assert (pdf.name, pdf.content_type, pdf.size, pdf.inline, pdf.content_id) == (
        "initech-proposal.pdf",
        "application/pdf",
        LARGE_ATTACHMENT_SIZE,
        False,
        None,
    )
    seeded = msemu.data[msemu.demo.users["alice"]].attachments[mid][0]
    expected = hashlib.sha256(b"".join(seeded.chunks())).hexdigest()
    digest, size, largest = _drain(outlook.reader.attachment(mid, pdf))
    assert (digest, size) == (expected, LARGE_ATTACHMENT_SIZE) and largest <= CHUNK
    assert dict(msemu.counters.calls) == {"GET message": 1, "GET attachment_value": 1}


def test_graph_unknown_and_malformed_ids_are_message_not_found(outlook: Mailbox) -> None:
    bobs = outlook.emu.demo.messages["bob"]["intro"]
    for message_id in ("AAMkAGnope", bobs, "not an id!"):
        error = _error(lambda m=message_id: outlook.reader.message(m))
        assert (error.code, error.status) == (ErrorCode.MESSAGE_NOT_FOUND, 404)


def test_graph_expired_access_token_is_renewed_once(outlook: Mailbox) -> None:
    msemu: MicrosoftEmulator = outlook.emu
    outlook.tokens.current()
    msemu.expire_access_tokens(ALICE)
    mid, _ = _graph_message(msemu, "intro")
    assert outlook.reader.message(mid).subject == "Re: Introduction"
    assert outlook.tokens.refreshes == 1 and msemu.stats()["token_refreshes"] == 1
    assert msemu.counters.calls["GET message"] == 2


def test_graph_long_retry_after_is_handed_to_the_caller(outlook: Mailbox) -> None:
    msemu: MicrosoftEmulator = outlook.emu
    msemu.retry_after = 30  # longer than a request may wait: the job retries later
    msemu.inject_fault("throttled")
    mid, _ = _graph_message(msemu, "intro")
    error = _error(lambda: outlook.reader.message(mid))
    assert (error.code, error.status, error.headers) == (
        ErrorCode.MICROSOFT_BUSY,
        503,
        {"Retry-After": "30"},
    )
    assert msemu.counters.calls["GET message"] == 1
    assert isinstance(outlook.reader.message(mid), MailMessage)


def test_graph_unavailable_is_retryable_and_not_a_missing_message(outlook: Mailbox) -> None:
    outlook.emu.inject_fault("server_error")
    mid, _ = _graph_message(outlook.emu, "intro")
    error = _error(lambda: outlook.reader.message(mid))
    assert (error.code, error.status) == (ErrorCode.MICROSOFT_UNAVAILABLE, 502)


# -- nothing kept ------------------------------------------------------------------------------


def test_nothing_of_the_message_or_the_tokens_is_logged_or_stored(
    gmail: Mailbox, stack: ProvisionedStack, caplog: pytest.LogCaptureFixture
) -> None:
    gemu: GoogleEmulator = gmail.emu
    gemu.expire_access_tokens(ALICE)  # a renewal too, so that both tokens pass through
    caplog.set_level(logging.DEBUG)
    message_id = _gmail_id(gemu, "inline_image")
    message = gmail.reader.message(message_id)
    (image,) = message.attachments
    streamed = b"".join(gmail.reader.attachment(message_id, image))
    sent = gmail.reader.message(_gmail_id(gemu, "sent"))
    secrets = [*gemu.issued_tokens(ALICE), "New logo", SENT_SUBJECT, CUSTOMER_CC[1], "Marketing"]
    assert len(gemu.issued_tokens(ALICE)) == 3  # the issued pair and the renewed access token
    logged = caplog.text + repr(message) + repr(sent)
    table = json.dumps(
        boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"], default=repr
    )
    assert [s for s in secrets if s in logged or s in table] == []
    assert streamed == logo_png()


def test_streaming_25_mb_from_either_provider_holds_under_16_mib() -> None:
    (benchmark,) = discover(["mail_stream"])
    figures = benchmark.run()
    memory = [f for f in figures if f.unit == "MiB"]
    assert len(memory) == 2 and all(f.ok for f in memory), [f.formatted() for f in memory]
