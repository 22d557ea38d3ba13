"""The signature parser: each step, the labelled corpus against the issue's targets, and
property tests (never an exception, nothing that is not in the text, idempotent on its own
signature, linear on adversarial input)."""

from __future__ import annotations

import re
import time

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.signatures import (
    TARGETS,
    invented_on_unsigned,
    load_corpus,
    load_hand_written,
    parse_corpus,
    score,
)
from chalicelib.records.signature import addresses, block, contacts, people
from chalicelib.records.signature.text import MAX_INPUT, body_lines, html_to_text
from chalicelib.records.signatures import (
    DOMAIN_COMPANY_CONFIDENCE,
    SignatureResult,
    extract,
    parse_signature,
)

CORPUS = load_corpus()


# -- the body as lines ---------------------------------------------------------------------------


def test_html_blocks_become_lines_and_quotes_are_marked() -> None:
    html = (
        "<html><head><style>p{color:red}</style><title>x</title></head><body>"
        "<p>Hello&nbsp;there</p><div>Anna<br>Sales &amp; Marketing</div>"
        "<blockquote>old<br>text</blockquote><script>alert(1)</script></body></html>"
    )
    lines = [line for line in body_lines(None, html) if line]
    assert lines == ["Hello there", "Anna", "Sales & Marketing", "> old", "> text"]


def test_a_link_named_by_a_word_keeps_its_target_and_other_links_do_not() -> None:
    text = html_to_text(
        '<a href="https://www.linkedin.com/in/jo">LinkedIn</a> '
        '<a href="https://acme.com">acme.com</a> <a href="javascript:x()">Click</a>'
    )
    assert "LinkedIn <https://www.linkedin.com/in/jo>" in text
    assert "<https://acme.com>" not in text and "javascript" not in text


def test_plain_text_is_preferred_over_html_and_input_is_bounded() -> None:
    assert body_lines("plain", "<p>html</p>") == ["plain"]
    assert sum(len(line) for line in body_lines("x" * (MAX_INPUT + 10), None)) == MAX_INPUT


# -- the newest message and its signature block --------------------------------------------------


@pytest.mark.parametrize(
    "history",
    [
        "On Tue, Mar 5, 2024 at 9:14 AM Bob <bob@x.com> wrote:",
        "On Tue, Mar 5, 2024 at 9:14 AM Bob <\nbob@x.com> wrote:",
        "Am 05.03.2024 um 09:14 schrieb Bob <bob@x.com>:",
        "Le mar. 5 mars 2024 à 09:14, Bob <bob@x.com> a écrit :",
        "El mar, 5 mar 2024 a las 9:14, Bob (<bob@x.com>) escribió:",
        "-----Original Message-----",
        "---------- Forwarded message ---------",
        "From: Bob <bob@x.com>\nSent: Tuesday, March 5, 2024 9:14 AM",
        "From: Bob <bob@x.com> Sent: Tuesday, March 5, 2024 9:14 AM To: Anna",
        "Sent from my iPhone",
        "Get Outlook for iOS",
        "CONFIDENTIALITY NOTICE: This email is confidential.",
        "Diese E-Mail enthält vertrauliche Informationen.",
    ],
)
def test_the_newest_message_ends_where_history_footers_or_notices_begin(history: str) -> None:
    lines = ["Thanks,", "Anna Müller", "", *history.split("\n"), "Bob Old", "+1 415 555 0100"]
    assert block.newest_message(lines) == ["Thanks,", "Anna Müller", ""]


def test_the_block_starts_after_the_last_sign_off_and_stops_at_prose() -> None:
    message = ["Hi Bob,", "", "Here is the deck.", "", "Best regards,", "Anna", "Acme GmbH"]
    assert block.candidate_lines(message) == ["Anna", "Acme GmbH"]
    unsigned = ["Hi Bob,", "Here is the deck, call me at 415 555 0132 when you can please."]
    assert block.candidate_lines(unsigned) == []


def test_a_registration_note_below_the_signature_is_not_its_end() -> None:
    message = ["Thanks,", "Jo Lee", "Acme Ltd", "", "Registered in England No. 1234567."]
    assert block.candidate_lines(message) == ["Jo Lee", "Acme Ltd"]


def test_a_one_line_signature_with_separators_is_not_prose() -> None:
    line = "Jo Lee | Head of Sales | Acme Corporation | T +1 415 555 0132 | jo@acme.com | acme.com"
    assert not block.is_prose(line)
    assert block.is_prose("Call me tomorrow when you have read the whole proposal and the terms.")


# -- phones, addresses on the web, email addresses ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "region", "expected"),
    [
        (
            "T: (415) 555-0132  M: 415.555.0199",
            "US",
            [("phone", "+14155550132"), ("mobile", "+14155550199")],
        ),
        (
            "Tel.: 030 12345678 | Fax: 030 12345679",
            "DE",
            [("phone", "+493012345678"), ("fax", "+493012345679")],
        ),
        ("Portable : 06 12 34 56 78", "FR", [("mobile", "+33612345678")]),
        ("Mobile/WhatsApp: +49 176 98765432", "US", [("mobile", "+4917698765432")]),
        ("+44 (0)20 7946 0018", "US", [("phone", "+442079460018")]),
        ("Móvil: 612 345 678", "ES", [("mobile", "+34612345678")]),
        # valid only in DE: left out when the block points to the US alone (round 5), read
        # when its label's language points to Germany too
        ("Handy: 0171 2345678", "US", []),
        ("Handy: 0171 2345678", ["US", "DE"], [("mobile", "+491712345678")]),
        # a UK mobile or a Stuttgart landline: with no region, the "Cell" label keeps the mobile
        ("Cell: 07911 123456", [], [("mobile", "+447911123456")]),
        ("07911 123456", "US", []),  # unlabelled: no guess
        ("Direct: +1 (312) 555-0147 ext. 204", "US", [("phone", "+13125550147")]),
    ],
)
def test_phones_are_e164_with_their_kind_by_label(
    line: str, region: str | list[str], expected: list[tuple[str, str]]
) -> None:
    assert [(p.kind, p.e164) for p in contacts.phones([line], region)] == expected


def test_a_postcode_or_a_register_number_is_not_a_phone() -> None:
    assert contacts.phones(["Marienplatz 8, 80331 München", "HRB 123456"], "DE") == []


def test_websites_exclude_email_domains_and_linkedin() -> None:
    lines = ["jo@acme.com | www.acme.com", "https://www.linkedin.com/in/jo-lee", "acme.co.uk"]
    assert contacts.websites(lines) == ["www.acme.com", "acme.co.uk"]
    assert contacts.linkedin_urls(lines) == ["https://www.linkedin.com/in/jo-lee"]
    assert contacts.emails(lines) == ["jo@acme.com"]


# -- addresses in the six formats ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["100 Main Street, Suite 400", "Springfield, IL 62701", "USA"],
            ("100 Main Street, Suite 400", "Springfield", "IL", "62701", "USA", "US"),
        ),
        (
            ["200 Bay Street, Toronto, ON M5J 2J1"],
            ("200 Bay Street", "Toronto", "ON", "M5J 2J1", None, "CA"),
        ),
        (
            ["1000, rue Sherbrooke Ouest", "Montréal (Québec) H3A 3G4"],
            ("1000, rue Sherbrooke Ouest", "Montréal", "Québec", "H3A 3G4", None, "CA"),
        ),
        (
            ["Level 5, 100 George Street", "Sydney NSW 2000", "Australia"],
            ("Level 5, 100 George Street", "Sydney", "NSW", "2000", "Australia", "AU"),
        ),
        (["1 Poultry", "London EC2R 8EJ"], ("1 Poultry", "London", None, "EC2R 8EJ", None, "GB")),
        (
            ["14 George Street", "Edinburgh", "EH2 2PF"],
            ("14 George Street", "Edinburgh", None, "EH2 2PF", None, "GB"),
        ),
        (
            ["Friedrichstraße 68", "D-10117 Berlin", "Deutschland"],
            ("Friedrichstraße 68", "Berlin", None, "10117", "Deutschland", "DE"),
        ),
        (
            ["12 rue de la Paix, 75002 Paris, France"],
            ("12 rue de la Paix", "Paris", None, "75002", "France", "FR"),
        ),
        (
            ["Acme Inc. · 1 Infinite Loop · Cupertino, CA 95014 · USA"],
            ("1 Infinite Loop", "Cupertino", "CA", "95014", "USA", "US"),
        ),
    ],
)
def test_addresses_in_each_format(lines: list[str], expected: tuple[str | None, ...]) -> None:
    found = addresses.find_address(lines)
    assert found is not None
    assert (found.street, found.city, found.state, found.postal_code, found.country,
            found.region) == expected  # fmt: skip


def test_washington_and_western_australia_are_told_apart_by_the_postcode() -> None:
    us, au = (
        addresses.find_address(["Seattle, WA 98164"]),
        addresses.find_address(["Perth WA 6000"]),
    )
    assert us is not None and us.region == "US" and au is not None and au.region == "AU"


# -- names, titles, companies --------------------------------------------------------------------


def test_the_name_is_the_segment_matching_the_from_header() -> None:
    lines = ["Jo", "", "Dr. María García López | Directora de Ventas"]
    name = people.find_name(lines, "García López, María", "mgarcia@x.es")
    assert name is not None
    assert (name.line, name.first, name.last) == (2, "María", "García López")


def test_without_a_from_name_the_local_part_finds_the_name() -> None:
    name = people.find_name(["Acme", "Anna Müller", "Vertrieb"], None, "anna.muller@acme.de")
    assert name is not None and (name.first, name.last) == ("Anna", "Müller")


def test_title_and_company_split_on_at_and_commas() -> None:
    assert people.title_and_company(["VP Sales at Globex"], None, "globex") == (
        "VP Sales",
        "Globex",
    )
    assert people.title_and_company(["Head of Sales, Acme GmbH"], None, None) == (
        "Head of Sales",
        "Acme GmbH",
    )
    assert people.title_and_company(["Director, Strategic Accounts"], None, None) == (
        "Director, Strategic Accounts",
        None,
    )


# -- the whole parser ----------------------------------------------------------------------------


def test_company_from_the_domain_is_marked_lower_confidence_and_never_for_free_mail() -> None:
    text = "Thanks,\nJo Lee\nHead of Sales\n+1 415 555 0132"
    from_domain = parse_signature(text, None, "jo@northwind-traders.com", "Jo Lee")
    assert from_domain.fields["company"] == "Northwind Traders"
    assert from_domain.confidence["company"] <= DOMAIN_COMPANY_CONFIDENCE <= 0.5
    assert "company" not in parse_signature(text, None, "jo@gmail.com", "Jo Lee").fields


def test_an_unsigned_email_returns_no_fields_not_even_the_from_header() -> None:
    for text in ["Thanks,\nJo", "Sounds good.\n\nSent from my iPhone", "", "   "]:
        assert parse_signature(text, None, "jo@acme.com", "Jo Lee") == SignatureResult()


def test_only_the_newest_signature_counts() -> None:
    text = (
        "Ok.\n\nOn Tue, Mar 5, 2024 at 9:14 AM Bob <bob@x.com> wrote:\n> Bob Old\n> VP, Globex\n"
        "> +1 415 555 0100"
    )
    assert parse_signature(text, None, "jo@acme.com", "Jo Lee").fields == {}


def test_nothing_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    parse_signature(CORPUS[0].text, CORPUS[0].html, CORPUS[0].sender_email, None)
    assert caplog.records == []


# -- the corpus: the targets -------------------------------------------------------------


def test_corpus_is_large_and_varied() -> None:
    tags = {tag for case in CORPUS for tag in case.tags}
    assert len(CORPUS) >= 300
    assert sum(1 for case in CORPUS if not case.expected) >= 30
    assert {"US", "GB", "CA", "DE", "FR", "AU", "en", "de", "fr", "es", "html"} <= tags
    assert {"history", "disclaimer", "footer", "free-mail", "handwritten"} <= tags
    assert len({case.id for case in CORPUS}) == len(CORPUS)


def test_every_labelled_case_meets_the_precision_and_recall_targets_per_field() -> None:
    """The issue's targets, per field (phone, mobile and fax at the phones' 0.95; first and
    last name at the names' 0.9), over the generated corpus and every hand-written set, as
    `make bench` reports them; and no field at all from an email without a signature."""
    results = parse_corpus(CORPUS + load_hand_written())
    scores = score(results)
    below = {}
    for fields, target in TARGETS.values():
        for name in fields:
            total = scores[name]
            if min(total.precision, total.recall) < target:
                below[name] = (round(total.precision, 3), round(total.recall, 3), target)
    assert below == {}
    assert invented_on_unsigned(results) == 0


def test_corpus_labels_are_in_their_text() -> None:
    """The corpus is the spec: a label that is not in the email would be unreachable."""
    for case in CORPUS:
        text = _collapse(" ".join(body_lines(case.text, case.html)))
        for name, value in case.expected.items():
            if name in {"phone", "mobile", "fax"}:
                assert _national(value) in re.sub(r"\D", "", text), (case.id, name)
            elif name in _NAMES_FIELDS:  # a name in capitals is labelled as the From header
                assert _collapse(value).casefold() in text.casefold(), (case.id, name, value)
            elif not (name == "company" and _collapse(value) not in text):
                assert _collapse(value) in text, (case.id, name, value)


def test_corpus_results_are_idempotent_on_their_signature() -> None:
    for case in CORPUS:
        first = parse_signature(case.text, case.html, case.sender_email, case.sender_name)
        again = parse_signature(first.signature, None, case.sender_email, case.sender_name)
        assert again.fields == first.fields, case.id


# -- properties ---------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Best regards,", "--", "Anna Müller", "Head of Sales", "Acme GmbH", "T +49 30 12345678",
        "M: (415) 555-0199", "Fax 01 42 68 53 01", "anna@acme.de", "www.acme.de", "> quoted",
        "On Tue, Bob wrote:", "From: Bob", "Sent: today", "Sent from my iPhone",
        "Friedrichstraße 68", "10117 Berlin", "London EC2R 8EJ", "Sydney NSW 2000",
        "Springfield, IL 62701", "Germany", "https://www.linkedin.com/in/anna", "", " | ",
        "This email is confidential and intended for the recipient.", "Thanks!", "Hi Bob,",
    ]
)  # fmt: skip
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25).map("\n".join)
_SENDERS = st.sampled_from(["anna@acme.de", "jo@gmail.com", "x@y", "", "@", "a@b.co.uk"])
_NAMES = st.one_of(st.none(), st.sampled_from(["Anna Müller", "Müller, Anna", ""]), st.text())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, sender=_SENDERS, name=_NAMES, as_html=st.booleans())
def test_never_raises_and_returns_only_what_is_in_the_text(
    text: str, sender: str, name: str | None, as_html: bool
) -> None:
    html = "<div>" + text.replace("\n", "<br>") + "</div>" if as_html else None
    result = extract(None if as_html else text, html, sender, name)  # no safety net
    source = _collapse(" ".join(body_lines(None if as_html else text, html)))
    for field, value in result.fields.items():
        if field in {"phone", "mobile", "fax"}:  # a vanity number's letters are its digits
            keypad = phonenumbers.convert_alpha_characters_in_number(source.upper())
            written = (re.sub(r"\D", "", text) for text in (source, keypad))
            assert any(_national(value) in digits for digits in written)
        elif field == "company" and _collapse(value) not in source:
            assert result.confidence[field] <= 0.5
        elif field in _NAMES_FIELDS:  # "SAM ADEYEMI" is returned as the From header writes it
            assert _collapse(value).casefold() in source.casefold(), (field, value)
        else:
            assert _collapse(value) in source, (field, value)
    assert set(result.confidence) == set(result.fields)
    if not result.signature:
        assert result.fields == {}


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, sender=_SENDERS, name=_NAMES)
def test_parsing_the_returned_signature_again_gives_the_same_fields(
    text: str, sender: str, name: str | None
) -> None:
    first = extract(text, None, sender, name)
    again = extract(first.signature, None, sender, name)
    assert again.fields == first.fields
    assert again.signature == first.signature


@settings(max_examples=100, deadline=None)
@given(raw=st.text(max_size=2000), html=st.text(max_size=2000))
def test_arbitrary_text_and_html_never_raise(raw: str, html: str) -> None:
    extract(raw, None, "a@b.com", raw[:20])
    extract(None, html, "a@b.com", None)
    extract(None, "<" + html, "a@b.com", None)


@pytest.mark.parametrize(
    "piece",
    [
        "a", "1", "@", "a.", "On ", "> ", "From: x\n", "1 ", "www.a", "a@a.", "+1 (", "<div>",
        "<a href='https://x.io/", "&#", "Anna Müller | ", "Best,\n", "10117 B", "EC2R 8EJ ",
        "Tel. 0", "a" * 199 + "\n", "-", "_", "<a href='x>", "<!--", "<?", "</", "<a b='",
        "<blockquote>", "<div class=gmail_quote>", "<p>x",
    ],
)  # fmt: skip
def test_an_adversarial_256_kb_body_is_parsed_quickly(piece: str) -> None:
    body = (piece * (MAX_INPUT // len(piece) + 1))[:MAX_INPUT]
    started = time.perf_counter()
    parse_signature(body, None, "anna@acme.de", "Anna Müller")
    parse_signature(None, body, "anna@acme.de", "Anna Müller")
    assert time.perf_counter() - started < 2.0


_NAMES_FIELDS = frozenset({"first_name", "last_name"})


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _national(e164: str) -> str:
    return str(phonenumbers.parse(e164).national_number)


def test_a_calendar_invite_yields_no_fields() -> None:
    text = (
        "You're invited: Roadmap Review\n\nWhen: Thursday, March 13, 2025 10:00 AM\n"
        "Where: 350 Fifth Avenue, Conference Room 4B\nJoin: https://meet.example.com/j/8812\n"
        "Dial-in: +1 646 555 0199,,8812#\nOrganizer: Fairmont Events\n"
    )
    assert parse_signature(text, None, "events@fairmont.example", "Fairmont Events").fields == {}


def test_a_registration_line_right_under_the_signature_is_a_notice() -> None:
    text = (
        "Kind regards,\n\nHannah Davies\nOffice Manager\nBrackenridge Surveyors Ltd\n"
        "T: +44 113 496 0123\nRegistered in England and Wales, company no. 08812345.\n"
    )
    fields = parse_signature(text, None, "h.davies@brackenridge.example", "Hannah Davies").fields
    assert (fields["first_name"], fields["last_name"]) == ("Hannah", "Davies")
    assert fields["company"] == "Brackenridge Surveyors Ltd"
    assert fields["phone"] == "+441134960123"
