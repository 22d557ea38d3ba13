"""Addresses: normalisation, validation, and their safe passage into SOQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from chalicelib.lookup.addresses import is_valid, normalise
from chalicelib.lookup.models import LookupBatch, LookupQuery
from chalicelib.lookup.records import lookup_queries
from devstack.sfemu.soql import parse

NOW = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)


@given(st.emails())
def test_every_generated_email_is_valid_after_normalising(address: str) -> None:
    assert is_valid(normalise(address))


@given(st.text(max_size=80))
def test_normalising_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@pytest.mark.parametrize(
    "address",
    ["", "plain", "a@b", "@example.com", "a@.com", "a@example..com", "a..b@example.com",
     ".a@example.com", "a b@example.com", "a@b@example.com", 'a"b@example.com',
     "a@example.com\n", "x" * 65 + "@example.com", "a@" + "b" * 250 + ".com"],
)  # fmt: skip
def test_implausible_addresses_are_invalid(address: str) -> None:
    assert not is_valid(address)


def test_the_batch_is_normalised_and_folded_in_first_seen_order() -> None:
    batch = LookupBatch.model_validate(
        {"emails": [" B@Example.com", "a@example.com", "b@example.com", "A@EXAMPLE.COM"]}
    )
    assert batch.emails == ["b@example.com", "a@example.com"]


def test_an_invalid_address_is_named_in_the_error() -> None:
    with pytest.raises(ValidationError) as raised:
        LookupQuery.model_validate({"email": "  nobody at example.com "})
    assert "'nobody at example.com' is not a valid email address" in str(raised.value)


@given(st.lists(st.emails(), min_size=1, max_size=25))
def test_every_query_of_a_batch_is_well_formed_soql(addresses: list[str]) -> None:
    # Given any batch of addresses (quotes, backslashes, percent signs and all)
    normalised = [normalise(a) for a in addresses]
    # When the lookup queries are built, each parses as SOQL (the emulator's parser)
    for text in lookup_queries(normalised, NOW).values():
        parse(text)


def test_a_quote_in_an_address_cannot_end_the_soql_literal() -> None:
    queries = lookup_queries(["o'brien@example.com"], NOW)
    assert "'o\\'brien@example.com'" in queries["contacts"]
