"""Email addresses: one validity rule, the comparison key, and the form shown back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.addresses import canonical, is_valid, normalise


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
     "a@exam\x00ple.com", "x" * 65 + "@example.com", "a@" + "b" * 250 + ".com",
     "a@1.2", "a@-x.com", "a@x-.com", "a@x_y.com", "a@example.c0m!", "a@" + "b" * 64 + ".com"],
)  # fmt: skip
def test_implausible_addresses_are_invalid_and_have_no_canonical_form(address: str) -> None:
    assert not is_valid(address)
    with pytest.raises(ValueError, match=r"^is not a valid email address$"):
        canonical(address)


def test_surrounding_whitespace_is_trimmed_but_is_not_valid_itself() -> None:
    assert not is_valid("a@example.com\n")
    assert canonical("\ta@example.com\n") == "a@example.com"
    assert normalise(" A@Example.com\n") == "a@example.com"


@pytest.mark.parametrize(
    "address",
    ["josé@example.com", "a@b.c", "user+tag@sub.example.co.uk", "a@xn--bcher-kva.example",
     "a@bücher.example", "o'brien@example.ie", "a@x-y.example"],
)  # fmt: skip
def test_plausible_addresses_are_valid(address: str) -> None:
    # internationalised local parts and domains (RFC 6531) and one-letter TLDs are plausible
    assert is_valid(address)
    assert canonical(address) == address


@pytest.mark.parametrize(
    ("recipient", "accepted"),
    [("Bob@Client.EXAMPLE", "Bob@client.example"), ("josé@example.com", "josé@example.com"),
     ("a@1.2", None), ("a@-x.com", None), ("a@x_y.com", None), ("a b@example.com", None)],
)  # fmt: skip
def test_tracking_recipients_follow_the_one_rule(recipient: str, accepted: str | None) -> None:
    from pydantic import ValidationError

    from chalicelib.tracking.models import PrepareMessage

    if accepted is None:
        with pytest.raises(ValidationError, match="is not a valid email address"):
            PrepareMessage(recipients=[recipient], html="<p>x</p>")
    else:
        assert PrepareMessage(recipients=[recipient], html="<p>x</p>").recipients == [accepted]
