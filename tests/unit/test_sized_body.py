"""A streamed upload of a known length goes with Content-Length, and never as a truncated or
overlong file (chalicelib/providers/salesforce/client.SizedBody)."""

from __future__ import annotations

import pytest
import requests

from chalicelib.providers.salesforce.activities import multipart
from chalicelib.providers.salesforce.client import SizedBody


def test_requests_sends_a_sized_stream_with_content_length_not_chunked() -> None:
    body = SizedBody(iter([b"ab", b"cd"]), 4)
    prepared = requests.Request("POST", "https://example.test/x", data=body).prepare()
    assert prepared.headers["Content-Length"] == "4"
    assert "Transfer-Encoding" not in prepared.headers
    assert b"".join(body) == b"abcd"


@pytest.mark.parametrize("chunks", [[b"abc"], [b"ab", b"cde"]])
def test_a_body_unlike_its_length_fails_instead_of_sending_a_wrong_file(
    chunks: list[bytes],
) -> None:
    with pytest.raises(ValueError, match="announced"):
        b"".join(SizedBody(iter(chunks), 4))


def test_the_framing_of_the_multipart_body_is_the_same_with_and_without_the_file() -> None:
    entity = {"Title": "Q1", "PathOnClient": "Q1 \u00e9t\u00e9.pdf"}
    empty = b"".join(multipart("b", entity, "Q1 \u00e9t\u00e9.pdf", []))
    full = b"".join(multipart("b", entity, "Q1 \u00e9t\u00e9.pdf", [b"%PDF-1.7 xyz"]))
    assert len(full) == len(empty) + len(b"%PDF-1.7 xyz")
