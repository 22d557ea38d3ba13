"""The blind signature sets (tests/data/signatures/blind.py, blind2.py, ... blind7.py) are
well formed: enough cases, enough emails without a signature, and no label that the text
could not yield (docs/records.md)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import phonenumbers
import pytest

from bench.signatures import (
    Case,
    load_blind,
    load_blind2,
    load_blind3,
    load_blind4,
    load_blind5,
    load_blind6,
    load_blind7,
)

PHONE_FIELDS = ("phone", "mobile", "fax")
FIELDS = {
    "first_name",
    "last_name",
    "title",
    "company",
    "email",
    "phone",
    "mobile",
    "fax",
    "website",
    "street",
    "city",
    "state",
    "postal_code",
    "country",
    "linkedin",
}
_BREAKS = {"br", "p", "div", "tr", "td", "table", "li", "blockquote"}


class _Text(HTMLParser):
    """The text a reader sees: character data only (no href), and with `alt` an image's alt
    text, which blind2.py labels when a name or logo is only an image (images blocked)."""

    def __init__(self, alt: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.alt = alt
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")
        if tag == "img" and self.alt:
            self.parts.append(f"\n{dict(attrs).get('alt') or ''}\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(case: Case, alt: bool = False) -> str:
    if case.text is not None:
        return case.text
    parser = _Text(alt)
    parser.feed(case.html or "")
    parser.close()
    return unescape("".join(parser.parts))


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value).casefold()


def _digit_lines(text: str) -> list[str]:
    """Each line's digits, and again with letters read as a keypad's (a vanity number such as
    1-888-GO-HAULS, which blind3.py labels with its digits)."""
    lines = text.splitlines()
    keypad = [phonenumbers.convert_alpha_characters_in_number(line) for line in lines]
    return [re.sub(r"\D", "", line) for line in lines + keypad]


@dataclass(frozen=True)
class BlindSet:
    prefix: str  # every id starts "<prefix>-"
    cases: list[Case]
    alt: bool  # whether its labels may come from an image's alt text
    # blind6.py is smaller by design (110-odd cases, most of them unsigned)
    min_cases: int = 150


SETS = [
    BlindSet("blind", load_blind(), alt=False),
    BlindSet("blind2", load_blind2(), alt=True),
    BlindSet("blind3", load_blind3(), alt=True),
    BlindSet("blind4", load_blind4(), alt=True),
    BlindSet("blind5", load_blind5(), alt=True),
    BlindSet("blind6", load_blind6(), alt=True, min_cases=110),
    # blind7.py is a 120-odd-case sales inbox, about 50 of them unsigned
    BlindSet("blind7", load_blind7(), alt=True, min_cases=120),
]
ALT = {c.id: s.alt for s in SETS for c in s.cases}
CASES = [c for s in SETS for c in s.cases]


@pytest.mark.parametrize("blind", SETS, ids=lambda s: s.prefix)
def test_the_set_is_large_and_mixed(blind: BlindSet) -> None:
    # Given a blind set / Then it holds the cases the issue asks the corpus to vary
    unsigned = [c for c in blind.cases if not c.expected]
    assert len(blind.cases) >= blind.min_cases
    assert len(unsigned) >= 30
    assert all("unsigned" in c.tags for c in unsigned)
    tags = Counter(tag for c in blind.cases for tag in c.tags)
    for tag in ("US", "UK", "CA", "DE", "FR", "AU", "html", "plain", "reply", "forward"):
        assert tags[tag] >= 2, tag


@pytest.mark.parametrize("blind", SETS, ids=lambda s: s.prefix)
def test_ids_are_unique_and_blind(blind: BlindSet) -> None:
    ids = [c.id for c in blind.cases]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(f"{blind.prefix}-") for i in ids)


def test_no_id_is_shared_between_the_sets() -> None:
    assert len(ALT) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_case_has_one_body_and_known_fields(case: Case) -> None:
    assert (case.text is None) != (case.html is None)
    assert set(case.expected) <= FIELDS
    assert all(v and v == v.strip() for v in case.expected.values())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_body_is_the_kind_its_tags_say(case: Case) -> None:
    # Given a case tagged "html" or "plain" / Then its body is given as that kind, so the parser
    # reads markup as markup (a forgotten html=True would feed it tags as text)
    assert ("html" in case.tags) == (case.html is not None)
    assert ("plain" in case.tags) == (case.text is not None)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_expected_phones_are_valid_e164(case: Case) -> None:
    for field in PHONE_FIELDS:
        if field in case.expected:
            value = case.expected[field]
            number = phonenumbers.parse(value)
            assert phonenumbers.is_valid_number(number), (field, value)
            assert value == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_label_occurs_in_the_text(case: Case) -> None:
    # Given the text a reader sees (HTML reduced to its character data, and alt text where the
    # set labels images)
    text = visible_text(case, ALT[case.id])
    squeezed = _squeeze(text)
    digit_lines = _digit_lines(text)
    for field, value in case.expected.items():
        if field in PHONE_FIELDS:
            # Then a phone's national digits are written on one line (any punctuation, prefix)
            national = phonenumbers.national_significant_number(phonenumbers.parse(value))
            assert any(national in line for line in digit_lines), (field, value)
        else:
            # Then any other label is written there (case and whitespace aside)
            assert _squeeze(value) in squeezed, (field, value)


def test_the_text_check_reads_no_attributes() -> None:
    # Given an HTML signature whose company is only an image's alt text
    case = Case("x", None, '<img alt="Acme Ltd"><br>Jo Bloggs', "jo@a.example", None, {}, ())
    # When it is reduced to what a reader sees / Then the alt text is not there
    assert "Acme" not in visible_text(case)
    assert "Jo Bloggs" in visible_text(case)


def test_the_alt_reading_adds_image_alt_text_only() -> None:
    # Given a designed signature whose name is only an image, with a linked website
    html = '<img alt="Jo Bloggs"><br><a href="https://acme.example">Acme Ltd</a>'
    case = Case("x", None, html, "jo@a.example", None, {}, ())
    # When it is reduced with alt text / Then the name is there, the link target is not
    assert "Jo Bloggs" in visible_text(case, alt=True)
    assert "Acme Ltd" in visible_text(case, alt=True)
    assert "acme.example" not in visible_text(case, alt=True)
