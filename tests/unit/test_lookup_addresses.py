"""Addresses in /lookup: normalised, validated and folded by the models, and their safe
passage into SOQL (the rule itself: test_emails.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from chalicelib.addresses import normalise
from chalicelib.lookup.models import LookupBatch, LookupQuery
from chalicelib.lookup.records import lookup_queries
from devstack.sfemu.soql import parse

NOW = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)


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
