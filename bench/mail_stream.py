"""Attachments streamed from Gmail and Microsoft Graph: peak memory while 25 MB pass through."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterator
from typing import Any

from bench.core import REPO, Figure, run_measuring_child

ORDER = 70
TITLE = "Mail attachments: memory while streaming 25 MB (Gmail, Graph)"
METHOD = """
The Google and Microsoft emulators (devstack/googleemu, devstack/msemu) run in this process on
loopback, each with one extra message for alice@acme.demo carrying a 25 MiB attachment (Gmail:
served only through `messages.attachments.get` as JSON base64url, ~33 MiB of text; Graph:
through `/attachments/{id}/$value`, raw bytes). A fresh interpreter (so that nothing of the
emulators is counted) builds the provider's `mail_reader` on a fixed access token, reads the
message (one call), starts `tracemalloc`, then streams the attachment through the reader into a
SHA-256 sink. The figure is tracemalloc's peak minus the memory traced when streaming began
(Python allocations only: the socket buffers of the kernel are not counted). The hash is
checked against the attachment's, and the ratio is the peak over the attachment's size.
"""

SIZE = 25 * 1024 * 1024
TARGET_MIB = 16.0
ALICE = "alice@acme.demo"
GMAIL_ID = "b0b0b0b0b0b0b0b0"

# Runs in the fresh interpreter: argv[1] is a JSON object (provider, urls, token, message id)
_CHILD = r"""
import hashlib, json, sys, time, tracemalloc
args = json.loads(sys.argv[1])
sys.path.insert(0, args["repo"])
from chalicelib.settings import Settings
from chalicelib.providers.google.provider import GoogleProvider
from chalicelib.providers.microsoft.provider import MicrosoftProvider

class Fixed:
    def current(self): return args["token"]
    def refreshed(self, stale): raise RuntimeError("the bench token expired")

settings = Settings(google_api_url=args["url"], microsoft_graph_url=args["url"],
                    mailbox_timeout_seconds=60.0)
kind = GoogleProvider if args["provider"] == "google" else MicrosoftProvider
reader = kind(settings, lambda s: s).mail_reader(Fixed())
message = reader.message(args["message_id"])
(attachment,) = message.attachments
tracemalloc.start()
baseline = tracemalloc.get_traced_memory()[0]
digest, size, largest, started = hashlib.sha256(), 0, 0, time.perf_counter()
for chunk in reader.attachment(args["message_id"], attachment):
    digest.update(chunk)
    size += len(chunk)
    largest = max(largest, len(chunk))
seconds = time.perf_counter() - started
peak = tracemalloc.get_traced_memory()[1] - baseline
print(json.dumps({"peak": peak, "sha256": digest.hexdigest(), "size": size,
                  "largest": largest, "seconds": seconds, "listed": attachment.size}))
"""


def _pattern(index: int) -> bytes:
    return hashlib.sha256(index.to_bytes(4, "big")).digest() * 2048  # 64 KiB


def _blocks() -> Iterator[bytes]:
    for index in range(SIZE // (64 * 1024)):
        yield _pattern(index)


@functools.cache
def _payload() -> bytes:
    return b"".join(_blocks())


def _expected() -> str:
    digest = hashlib.sha256()
    for block in _blocks():
        digest.update(block)
    return digest.hexdigest()


def _google() -> tuple[Any, dict[str, Any]]:
    from devstack.googleemu import GoogleEmulator
    from devstack.googleemu.gmail import Message, Part

    emu = GoogleEmulator().start()
    body = Part("text/plain", data=b"The 25 MB file is attached.")
    attached = Part(
        "application/octet-stream",
        headers=[("Content-Disposition", 'attachment; filename="bench.bin"')],
        filename="bench.bin",
        data_factory=_payload,
        size_hint=SIZE,
    )
    payload = Part("multipart/mixed", parts=[body, attached])
    when = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    payload.headers = [
        ("Date", "Mon, 02 Nov 2026 09:00:00 +0000"),
        ("Message-ID", f"<{GMAIL_ID}@bench.demo>"),
        ("From", "Peter Gibbons <peter.gibbons@initech.com>"),
        ("To", ALICE),
        ("Subject", "25 MB"),
    ]
    emu.mailboxes[ALICE].add(Message(GMAIL_ID, GMAIL_ID, ["INBOX"], when, payload, "", 9000))
    token = emu.issue_tokens(ALICE)["access_token"]
    return emu, {"provider": "google", "token": token, "message_id": GMAIL_ID}


def _microsoft() -> tuple[Any, dict[str, Any]]:
    from devstack.msemu import MicrosoftEmulator
    from devstack.msemu.seed import graph_id

    emu = MicrosoftEmulator().start()
    user_id = emu.user_id(ALICE)
    message_id = graph_id("bench", "message", "25mb")
    sender = {"emailAddress": {"name": "Peter Gibbons", "address": "peter.gibbons@initech.com"}}
    emu.add_message(
        user_id,
        {
            "id": message_id,
            "lastModifiedDateTime": "2026-11-02T09:00:00Z",
            "sentDateTime": "2026-11-02T09:00:00Z",
            "internetMessageId": "<25mb@bench.demo>",
            "subject": "25 MB",
            "from": sender,
            "sender": sender,
            "toRecipients": [{"emailAddress": {"name": "Alice", "address": ALICE}}],
            "body": {"contentType": "text", "content": "The 25 MB file is attached."},
        },
    )
    emu.add_attachment(
        user_id,
        message_id,
        attachment_id=graph_id("bench", "attachment", "25mb"),
        name="bench.bin",
        content_type="application/octet-stream",
        data=_payload(),
    )
    token = emu.issue_tokens(ALICE)["access_token"]
    return emu, {"provider": "microsoft", "token": token, "message_id": message_id}


def _measure(start: Any) -> dict[str, Any]:
    emu, args = start()
    try:
        args.update(repo=str(REPO), url=emu.url)
        return run_measuring_child(_CHILD, args, f"{args['provider']} stream")
    finally:
        emu.stop()


def run() -> list[Figure]:
    expected = _expected()
    figures = []
    for name, start in (("Gmail", _google), ("Graph", _microsoft)):
        report = _measure(start)
        if (report["sha256"], report["size"]) != (expected, SIZE):
            raise RuntimeError(f"{name}: the streamed bytes differ from the attachment")
        peak_mib = report["peak"] / (1024 * 1024)
        detail = (
            f"peak {report['peak']:,} B over 25 MiB; largest chunk {report['largest']:,} B; "
            f"{report['seconds']:.2f} s; sha256 matches"
        )
        figures.append(
            Figure(
                f"Peak memory above baseline, 25 MiB attachment from {name}",
                round(peak_mib, 2),
                "MiB",
                "Python memory held at once while the attachment passes through; lower is "
                "better, the attachment itself is 25 MiB.",
                target=TARGET_MIB,
                detail=detail,
            )
        )
        figures.append(
            Figure(
                f"Peak memory / attachment size ({name})",
                round(report["peak"] / SIZE, 4),
                "x",
                "1.00x would mean the whole attachment sat in memory.",
                target=TARGET_MIB * 1024 * 1024 / SIZE,
            )
        )
    return figures
