"""Email addresses: one validity rule, the comparison key, and the form shown back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.emails import canonical, is_valid, normalise


@given(st.emails())
def test_every_generated_email_is_valid_before_and_after_normalising(address: str) -> None:
    assert is_valid(address)
    assert is_valid(normalise(address))


@given(st.text(max_size=80))
def test_normalising_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(st.emails())
def test_the_canonical_form_keeps_the_local_part_and_compares_as_the_normalised(
    address: str,
) -> None:
    shown = canonical(f"  {address} ")
    assert shown.split("@")[0] == address.split("@")[0]
    assert shown.split("@")[1] == address.split("@")[1].lower()
    assert normalise(shown) == normalise(address)


def test_the_canonical_form_lower_cases_only_the_domain() -> None:
    assert canonical(" Bob.Smith@Client.EXAMPLE ") == "Bob.Smith@client.example"


@pytest.mark.parametrize(
    "address",
    ["", "plain", "a@b", "@example.com", "a@.com", "a@example..com", "a..b@example.com",
     ".a@example.com", "a b@example.com", "a@b@example.com", 'a"b@example.com',
     "a@exam\x00ple.com", "x" * 65 + "@example.com", "a@" + "b" * 250 + ".com"],
)  # fmt: skip
def test_implausible_addresses_are_invalid_and_have_no_canonical_form(address: str) -> None:
    assert not is_valid(address)
    with pytest.raises(ValueError, match=r"^is not a valid email address$"):
        canonical(address)


def test_surrounding_whitespace_is_trimmed_but_is_not_valid_itself() -> None:
    assert not is_valid("a@example.com\n")
    assert canonical("\ta@example.com\n") == "a@example.com"
    assert normalise(" A@Example.com\n") == "a@example.com"
