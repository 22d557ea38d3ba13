"""The incremental decoder of Gmail's attachment answers (`{"size", "data": "<base64url>"}`,
chalicelib/providers/google/gmail.py `DataMember`): whatever the chunking, member order,
whitespace, padding or JSON escapes, it decodes what a one-shot `json.loads` + base64url decode
gives, refuses what is not such a document, and keeps no more than a chunk in memory."""

from __future__ import annotations

import base64
import json
import os
import tracemalloc
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.mail import CHUNK
from chalicelib.providers.google.gmail import DataMember, StreamError, decode_data


def one_shot(document: bytes) -> bytes:
    text = str(json.loads(document)["data"]).translate(str.maketrans("+/", "-_"))
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def chunked(document: bytes, cuts: list[int]) -> Iterator[bytes]:
    points = sorted({min(c, len(document)) for c in cuts})
    start = 0
    for point in [*points, len(document)]:
        yield document[start:point]
        start = point


def escape_some(encoded: str, positions: set[int]) -> str:
    """`encoded` as a JSON string body with some characters spelled as `\\uXXXX`."""
    return "".join(f"\\u{ord(c):04x}" if i in positions else c for i, c in enumerate(encoded))


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """(a MessagePartBody JSON document, the bytes its data spells)."""
    data = draw(st.binary(max_size=700))
    encoded = base64.urlsafe_b64encode(data).decode()
    if draw(st.booleans()):
        encoded = encoded.rstrip("=")  # Gmail usually sends it unpadded
    if draw(st.booleans()):
        encoded = encoded.translate(str.maketrans("-_", "+/"))  # the standard alphabet
        encoded = encoded.replace("/", "\\/") if draw(st.booleans()) else encoded
    positions = draw(st.sets(st.integers(0, max(0, len(encoded) - 1)), max_size=5))
    if "\\/" not in encoded:
        encoded = escape_some(encoded, positions)
    others = draw(
        st.dictionaries(
            st.text(min_size=1, max_size=8).filter(lambda k: k != "data"),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                lambda inner: (
                    st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=4), inner, max_size=3)
                ),
                max_leaves=6,
            ),
            max_size=3,
        )
    )
    others["size"] = len(data)
    space = draw(st.sampled_from(["", " ", "\n  ", "\t"]))
    members = [json.dumps(k) + ":" + space + json.dumps(v) for k, v in others.items()]
    members.insert(draw(st.integers(0, len(members))), f'"data":{space}"{encoded}"')
    text = "{" + space + ("," + space).join(members)
    return (text + space + "}" + space).encode(), data


@settings(max_examples=300, deadline=None)
@given(documents(), st.lists(st.integers(0, 4000), max_size=30))
def test_any_chunking_decodes_what_a_one_shot_decode_gives(
    document: tuple[bytes, bytes], cuts: list[int]
) -> None:
    text, data = document
    assert one_shot(text) == data
    assert b"".join(decode_data(chunked(text, cuts))) == data


@settings(max_examples=100, deadline=None)
@given(documents())
def test_one_byte_at_a_time_decodes_too(document: tuple[bytes, bytes]) -> None:
    text, data = document
    assert b"".join(decode_data(iter([text[i : i + 1] for i in range(len(text))]))) == data


@pytest.mark.parametrize(
    "document",
    [
        b'{"data": "YWJj"',  # ends early
        b'{"size": 3}',  # no data
        b'{"data": 12}',  # not a string
        b'{"data": "YWJj", "data": "YWJj"}',  # twice
        b'{"data": "Y"}',  # a length base64 cannot have
        b'{"data": "YW=j"}',  # padding before the end
        b'{"data": "YWJj\\n"}',  # a character that is not base64
        b'{"data": "YWJj"} trailing',
        b'["data", "YWJj"]',
        b'{"size": 4, "data": "YWJj"}',  # 3 bytes decoded, 4 announced
    ],
)
def test_what_is_not_an_attachment_answer_is_refused(document: bytes) -> None:
    with pytest.raises(StreamError):
        b"".join(decode_data(iter([document])))


def test_chunks_are_at_most_64_kib() -> None:
    data = os.urandom(300_000)
    text = json.dumps({"data": base64.urlsafe_b64encode(data).decode()}).encode()
    sizes = [len(c) for c in decode_data(iter([text]))]  # one huge network chunk
    assert max(sizes) <= CHUNK and sum(sizes) == len(data)


def test_memory_stays_bounded_while_decoding_8_mib() -> None:
    piece = os.urandom(48 * 1024)  # 64 KiB of base64, no padding inside
    count = 8 * 1024 * 1024 // len(piece)
    size = count * len(piece)

    def network() -> Iterator[bytes]:
        yield b'{\n  "size": ' + str(size).encode() + b',\n  "data": "'
        encoded = base64.urlsafe_b64encode(piece)
        for _ in range(count):
            yield encoded
        yield b'"\n}'

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        member, total = DataMember(), 0
        for chunk in network():
            total += len(member.feed(chunk))
        member.close()
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert total == size
    assert peak < 1024 * 1024  # a few chunks, never the attachment
