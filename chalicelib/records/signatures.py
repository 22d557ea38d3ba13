"""Contact fields from the signature of an email's newest message, parsed in-process.

No network, no third-party service, nothing stored or logged: the text passes through. Steps
(each in `chalicelib/records/signature/`): the body as lines (`text`), the newest message and its
signature block (`block`), then the fields: telephone numbers, addresses and web addresses
(`contacts`), postal address (`addresses`), name, title and company (`people`). Approach, limits
and the labelled corpus's figures: docs/records.md ("Signature extraction").

Contract: never raises; returns only fields found in the signature block, written as there
(phone numbers as E.164), except `company` taken from the sender's domain when the block names
none (confidence 0.4; never for free-mail domains); an email without a signature returns no
fields; parsing the returned `signature` again returns the same fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from chalicelib import metrics
from chalicelib.logs import logger
from chalicelib.records.signature import addresses, contacts, people
from chalicelib.records.signature.block import (
    automated_unsigned,
    below_footer,
    candidate_lines,
    has_contact_mark,
    is_sign_off,
    is_team,
    is_unsigned_kind,
    lines_above_sign_off,
    newest_message,
)
from chalicelib.records.signature.text import body_lines

FIELDS = (
    "first_name", "last_name", "title", "company", "email", "phone", "mobile", "fax", "website",
    "street", "city", "state", "postal_code", "country", "linkedin",
)  # fmt: skip
DOMAIN_COMPANY_CONFIDENCE = 0.4
# Free-mail providers by their registrable label, whatever the TLD ("gmail.com", "yahoo.co.jp",
# "gmx.ch", "outlook.example"): a mailbox there names no employer, so never a company guess.
_FREE_MAIL = """
    gmail googlemail yahoo ymail rocketmail outlook hotmail live msn passport icloud me mac aol
    aim gmx web t-online freenet posteo mailbox orange wanadoo free laposte sfr neuf club-internet
    alice libero virgilio tiscali tin bigpond optusnet iinet tpg shaw rogers sympatico videotron
    telus btinternet btopenworld sky virginmedia ntlworld talktalk blueyonder proton protonmail
    pm tutanota tuta fastmail hey zoho yandex mail qq 163 126 naver hanmail rediffmail seznam
    wp onet interia o2 bluewin hispeed terra telefonica movistar ziggo kpnmail kpnplanet
    hetnet skynet telenet
"""
FREE_MAIL_LABELS = frozenset(_FREE_MAIL.split())
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "gv", "or", "ne"})
_CCTLD_REGION = {
    "de": "DE", "fr": "FR", "uk": "GB", "ca": "CA", "au": "AU", "es": "ES", "at": "AT",
    "ch": "CH", "ie": "IE", "nl": "NL", "be": "BE", "it": "IT", "mx": "MX", "nz": "NZ",
}  # fmt: skip
# a company's legal form points to its country, more surely than any word of the text:
# "Norr AB" is Swedish even when its label reads "Mobil" (case-sensitive where the form is also
# a common word or a province: "AB" is Alberta after a comma, "AS" is English)
_LEGAL_FORM_REGIONS = tuple(
    (re.compile(pattern), regions)
    for pattern, regions in (
        (r"(?i)\bpty\b", "AU"),
        (r"(?i)\b(pvt|private limited)\b", "IN"),
        (r"(?i)\b(k\.k\.|kabushiki)|\w-ku\b", "JP"),
        (r"(?i)\bpte\b", "SG"),
        (r"(?i)\b(gmbh|e\.k\.|mbh|ug)\b", "DE"),
        (r"(?i)\b(sas|sarl|eurl)\b", "FR"),
        (r"(?i)\b(s\.r\.l|s\.p\.a|srl|spa)\b", "IT"),
        (r"(?i)\bltda\b", "BR"),
        (r"(?i)\blda\b", "PT"),
        (r"(?i)\bs\.l\.", "ES"),
        (r"(?i)\bs\.a\. de c\.v\.", "MX"),
        (r"(?i:\b(b\.v\.|n\.v\.))|[^\W\d_]\s+(BV|NV)\b(?!,? \d)", "NL"),  # not Nevada
        (r"(?i)\b(bvba|sprl)\b", "BE"),
        (r"[^\W\d_]\s+AB\b(?!,? [A-Z]\d)", "SE"),
        (r"[^\W\d_]\s+ASA?\b", "NO"),
        (r"\b(ApS|A/S)\b", "DK"),
        (r"\bOyj?\b", "FI"),
        (r"(?i)\bsp\. ?z ?o\.? ?o\b", "PL"),
        (r"(?i)\bs\.r\.o\b|\ba\.s\.", "CZ"),
        (r"(?i)\b(plc|limited)\b", "GB"),
        (r"(?i)\bllp\b", "GB US"),  # law and accounting firms on both sides of the Atlantic
    )
)
# street words and phone labels in a country's language: weaker, a label ("Mobil") may be
# shared by several languages
_WORD_REGIONS = tuple(
    (re.compile(pattern, re.IGNORECASE), regions)
    for pattern, regions in (
        (r"straße|strasse|\wstr\. ?\d|\b(telefon|mobil|handy|durchwahl)\b", "DE"),
        (r"\b(rue|quai|tél|télécopie|portable)\b", "FR CA"),  # Québec writes them too
        (r"\bvia\b", "IT"),
        (r"\b(rua|fone|cel)\b", "BR"),
        (r"\b(calle|móvil)\b", "ES"),
        (r"\b(mobiel|telefoon)\b|\w(straat|gracht)\b", "NL"),
        (r"\b(tfn|växel|mobiltelefon)\b|\w(gatan|vägen)\b", "SE"),
        (r"\b(puh|puhelin|matkapuhelin)\b", "FI"),
        (r"\b(tel\. ?kom|komórka)\b", "PL"),
    )
)


def legal_form_region(block: Sequence[str]) -> str | None:
    """The country of the first legal form the block writes ("Norr AB" -> SE)."""
    text = " ".join(block)
    found = (regions.split()[0] for form, regions in _LEGAL_FORM_REGIONS if form.search(text))
    return next(found, None)


@dataclass(frozen=True)
class SignatureResult:
    """`fields` holds only what was found; `confidence` has one entry (0..1) per field."""

    fields: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    signature: str = ""  # the block found, "" when none


def parse_signature(
    text: str | None,
    html: str | None,
    sender_email: str,
    sender_name: str | None = None,
    recorder: metrics.MetricsRecorder | None = None,
) -> SignatureResult:
    """The signature fields of an email's newest message (plain text preferred over HTML). A
    parser bug answers "no signature", logged by the exception's type only (its message may
    quote the text) and counted, so that it shows."""
    try:
        return extract(text, html, sender_email or "", sender_name)
    except Exception as exc:
        logger.warning("signature parser failed", extra={"error": type(exc).__name__})
        (recorder or metrics.recorder()).add(metrics.SIGNATURE_PARSE_ERRORS)
        return SignatureResult()


def extract(
    text: str | None, html: str | None, sender_email: str, sender_name: str | None
) -> SignatureResult:
    """`parse_signature` without its safety net (the property tests call this one)."""
    sender_name = people.principal(sender_name)
    lines = body_lines(text, html)
    for message in _messages(lines):
        if is_unsigned_kind(message, sender_email):
            return SignatureResult()
        result = _from_message(message, sender_email, sender_name)
        if result.fields and not _signed_under_brand(message, result, sender_name, sender_email):
            return SignatureResult()
        if result.fields:
            if _signed_despite_automated(message, result, sender_email, sender_name):
                return result
            return SignatureResult()
    return SignatureResult()


def _messages(lines: Sequence[str]) -> Iterator[list[str]]:
    """The newest message, then (only if needed) the lines a mail server added below its
    mobile footer."""
    yield newest_message(lines)
    yield below_footer(lines)


def _signed_despite_automated(
    message: Sequence[str], result: SignatureResult, sender_email: str, sender_name: str | None
) -> bool:
    """An acknowledgement's or a join block's wording makes the mail unsigned (precision
    first), unless the From header's own person signs after a sign-off below it."""
    unsigned = automated_unsigned(message)
    if unsigned is None:
        return True
    first, last = result.fields.get("first_name"), result.fields.get("last_name")
    return not unsigned and people.signed_by(first, last, sender_name, sender_email)


def _signed_under_brand(
    message: Sequence[str], result: SignatureResult, sender_name: str | None, sender_email: str
) -> bool:
    """A brand's, a product's or a public body's From header ("ParcelPoint", "Gemeente
    Duinwijk") sends mail no person signed, unless a person's name heads a signature right
    after a sign-off ("Kind regards, / Jana Novak / Support Engineer")."""
    if not people.is_brand(sender_name, sender_email):
        return True
    head = result.signature.split("\n", 1)[0]
    if not head or "first_name" not in result.fields:
        return False
    for index, line in enumerate(message):
        if line == head:
            above = [text for text in message[:index] if text.strip()]
            first = result.fields["first_name"]
            return bool(above) and (is_sign_off(above[-1]) or _introduced(above, first))
    return False


# the writer names themself in the message: "This is Ben from the store", "Ben here", "Ich bin
# Anna", "C'est Marc", "Soy Lucía", "Sono Marco", "Ik ben Sanne"
_INTRODUCTION = (
    r"\b(?:this is|it's|it is|i'm|i am|ich bin|hier ist|je suis|c'est|soy|sono|ik ben)\s+{0}\b"
    r"|\b{0} here\b"
)


def _introduced(above: Sequence[str], first: str) -> bool:
    """A role mailbox's mail (sales@, "Rocky Creek Outfitters") is a person's when its text
    introduces the person whose signature ends it, even without a sign-off."""
    pattern = re.compile(_INTRODUCTION.format(re.escape(first)), re.IGNORECASE)
    return any(pattern.search(line) for line in above)


def _from_message(
    message: Sequence[str], sender_email: str, sender_name: str | None
) -> SignatureResult:
    block = candidate_lines(message)
    result = _from_block(block, sender_email, sender_name)
    if not result.fields and sum(map(bool, block)) <= 1:
        # "Regards, / Ahmed" under the details written out above it
        result = _from_block(lines_above_sign_off(message), sender_email, sender_name)
    return result


def _from_block(
    block: Sequence[str], sender_email: str, sender_name: str | None
) -> SignatureResult:
    name = people.find_name(block, sender_name, sender_email)
    domain = _domain(sender_email)
    logo = None
    if name is not None:
        logo = _company_above(block, name.line, domain)
        block = _from_name(block, name.line)
        name = replace(name, line=0)
    elif block and is_team(block[0]):
        return SignatureResult()  # "The Acme Team": a team's mail, no person's signature
    found = _Fields()
    _add_contacts(found, block, domain)
    _add_people(found, block, name, domain)
    if not _is_signature(found, block):
        return SignatureResult()
    if logo is not None and "company" not in found.values:
        found.add("company", logo, 0.75)
        block = [logo, *block]
    _add_domain_company(found, domain)
    return SignatureResult(found.values, found.confidence, "\n".join(block))


def _company_above(block: Sequence[str], line: int, domain: str) -> str | None:
    """The line right above the name when it names a company: a logo's alt text or a company
    line a designed signature puts first ("Coast Mountain Software" / "Ben Ito" / "VP Sales").
    Used only when nothing under the name names one."""
    above = [text for text in block[:line] if text]
    if not above or has_contact_mark(above[-1]):
        return None
    label = _domain_label(domain) if domain and not is_free_mail(domain) else None
    return above[-1] if people.is_company(above[-1], label) else None


def _from_name(block: Sequence[str], line: int) -> list[str]:
    """The block from the name's line down; a name under the contact lines ("📞 ... / 🏢 ... /
    👤 Jo Bloggs, Manager") heads the contact lines above it instead (not a nickname above)."""
    below = list(block[line:])
    if not line or any(below[1:]):
        return below
    above = list(block[:line])
    while above and not above[-1]:
        above.pop()
    first = next((i for i, text in enumerate(above) if has_contact_mark(text)), len(above))
    return [block[line], *above[first:]]


class _Fields:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.confidence: dict[str, float] = {}

    def add(self, name: str, value: str | None, confidence: float) -> None:
        if value and name not in self.values:
            self.values[name] = value.strip()
            self.confidence[name] = confidence


def _add_contacts(found: _Fields, block: Sequence[str], domain: str) -> None:
    emails = contacts.emails(block)
    # another address in the block is a colleague's, a signer's or a desk's, never the
    # sender's: only an address at the sender's domain is theirs (an alias: "j.doe" / "jane")
    own = [e for e in emails if e.lower().endswith("@" + domain)] if domain else []
    found.add("email", next(iter(own), None), 0.95)
    found.add("linkedin", next(iter(contacts.linkedin_urls(block)), None), 0.9)
    found.add("website", next(iter(contacts.websites(block, domain)), None), 0.8)
    international = contacts.international_region(block)
    address = addresses.find_address(block, international or legal_form_region(block))
    if address is not None:
        for key, value in (("street", address.street), ("city", address.city),
                           ("state", address.state), ("postal_code", address.postal_code),
                           ("country", address.country)):  # fmt: skip
            found.add(key, value, 0.8)
    else:
        found.add("country", addresses.named_country(block), 0.7)
    region = _region(address, international, domain, found.values.get("website"), block)
    found_phones = contacts.phones(block, region)
    for phone in sorted(found_phones, key=lambda p: p.general):  # a direct line first
        found.add(phone.kind, phone.e164, 0.9 if phone.kind != "phone" else 0.85)


def _add_people(
    found: _Fields, block: Sequence[str], name: people.Name | None, domain: str
) -> None:
    if name is not None:
        found.add("first_name", name.first, 0.9)
        found.add("last_name", name.last, 0.9)
    label = _domain_label(_host(found.values.get("website")) if is_free_mail(domain) else domain)
    title, company = people.title_and_company(block, name, label)
    if people.only_legal_form(company):
        company = None  # "Inc." of a footer's "Acme, Inc." names no company
    found.add("title", title, 0.7)
    found.add("company", company, 0.75)


def _is_signature(found: _Fields, block: Sequence[str]) -> bool:
    """A person's name with contact details, or with a title or company: a lone first name is
    a sign-off, and contact lines that name no person are a notification's or a newsletter's
    footer (a parcel tracker, an invoice, a webinar confirmation), not a signature."""
    values = found.values
    if "first_name" not in values and "last_name" not in values:
        return False
    if any(k in values for k in ("email", "phone", "mobile", "fax", "website", "linkedin",
                                 "postal_code")):  # fmt: skip
        return True
    if "first_name" not in values:
        return False
    if "title" in values and "company" in values:
        return True  # "Derek Howe, Chief Executive Officer, Kestrel Robotics Inc."
    return ("title" in values or "company" in values) and len(block) > 1


def _add_domain_company(found: _Fields, domain: str) -> None:
    if "company" in found.values or not domain or is_free_mail(domain):
        return
    label = _domain_label(domain)
    if label:
        company = " ".join(part.capitalize() for part in label.split("-") if part)
        found.add("company", company, DOMAIN_COMPANY_CONFIDENCE)


def is_free_mail(domain: str) -> bool:
    """A free-mail mailbox ("jsmith@gmail.com", "anna@gmx.ch", "x@yahoo.co.jp"): its domain
    names the provider, not the sender's company."""
    return _domain_label(domain) in FREE_MAIL_LABELS


def _domain(sender_email: str) -> str:
    return sender_email.rpartition("@")[2].strip().lower().rstrip(".")


def _domain_label(domain: str) -> str | None:
    """ "mail.acme.co.uk" -> "acme": the label under the public suffix."""
    labels = [label for label in domain.split(".") if label]
    if len(labels) < 2:
        return None
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def _region(
    address: addresses.Address | None,
    international: str | None,
    domain: str,
    website: str | None,
    block: Sequence[str],
) -> list[str]:
    """Where a number written without its country code is dialled, most telling first: the
    address's country (or a country the block names), the country of a number the block writes
    internationally, the website's or the domain's country code, then the legal forms ("AB",
    "BV", "GmbH"), then the words (a street or phone label in the country's language). No
    default: a number none of these makes valid is left out, or read by its own shape when
    nothing points to a country (contacts.phones)."""
    regions = [address.region] if address is not None and address.region else []
    named = addresses.named_country(block)
    regions.append(addresses.COUNTRIES.get(named.lower(), "") if named else "")
    regions.append(international or "")
    for host in (_host(website), domain):
        regions.append(_CCTLD_REGION.get(host.rpartition(".")[2], "") if host else "")
    text = " ".join(block)
    for hint, codes in (*_LEGAL_FORM_REGIONS, *_WORD_REGIONS):
        regions.extend(codes.split() if hint.search(text) else ())
    return list(dict.fromkeys(r for r in regions if r))


def _host(website: str | None) -> str:
    if not website:
        return ""
    return website.lower().split("://", 1)[-1].split("/", 1)[0]
