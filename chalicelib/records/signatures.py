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

from collections.abc import Sequence
from dataclasses import dataclass, field

from chalicelib.records.signature import addresses, contacts, people
from chalicelib.records.signature.block import candidate_lines, newest_message
from chalicelib.records.signature.text import body_lines

FIELDS = (
    "first_name", "last_name", "title", "company", "email", "phone", "mobile", "fax", "website",
    "street", "city", "state", "postal_code", "country", "linkedin",
)  # fmt: skip
DOMAIN_COMPANY_CONFIDENCE = 0.4
FREE_MAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
        "yahoo.es",
        "yahoo.ca",
        "yahoo.com.au",
        "ymail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "hotmail.de",
        "hotmail.es",
        "outlook.com",
        "outlook.de",
        "outlook.fr",
        "live.com",
        "live.co.uk",
        "live.fr",
        "live.de",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.de",
        "gmx.net",
        "gmx.com",
        "gmx.at",
        "gmx.ch",
        "web.de",
        "t-online.de",
        "freenet.de",
        "posteo.de",
        "mailbox.org",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "laposte.net",
        "sfr.fr",
        "neuf.fr",
        "protonmail.com",
        "proton.me",
        "pm.me",
        "mail.com",
        "zoho.com",
        "yandex.com",
        "yandex.ru",
        "qq.com",
        "163.com",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "bigpond.com",
        "bigpond.net.au",
        "optusnet.com.au",
        "shaw.ca",
        "rogers.com",
        "sympatico.ca",
        "telus.net",
        "fastmail.com",
        "hey.com",
        "tutanota.com",
        "terra.es",
        "telefonica.net",
    ]
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "gv", "or", "ne"})
_CCTLD_REGION = {
    "de": "DE", "fr": "FR", "uk": "GB", "ca": "CA", "au": "AU", "es": "ES", "at": "AT",
    "ch": "CH", "ie": "IE", "nl": "NL", "be": "BE", "it": "IT", "mx": "MX", "nz": "NZ",
}  # fmt: skip
_STREET_REGION = (("straße", "DE"), ("strasse", "DE"), ("str.", "DE"), ("rue ", "FR"),
                  ("avenue ", "FR"), ("boulevard ", "FR"), ("calle ", "ES"))  # fmt: skip


@dataclass(frozen=True)
class SignatureResult:
    """`fields` holds only what was found; `confidence` has one entry (0..1) per field."""

    fields: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    signature: str = ""  # the block found, "" when none


def parse_signature(
    text: str | None, html: str | None, sender_email: str, sender_name: str | None = None
) -> SignatureResult:
    """The signature fields of an email's newest message (plain text preferred over HTML)."""
    try:
        return extract(text, html, sender_email or "", sender_name)
    except Exception:
        return SignatureResult()


def extract(
    text: str | None, html: str | None, sender_email: str, sender_name: str | None
) -> SignatureResult:
    """`parse_signature` without its safety net (the property tests call this one)."""
    block = candidate_lines(newest_message(body_lines(text, html)))
    name = people.find_name(block, sender_name, sender_email)
    if name is not None:
        block = block[name.line :]
        name = people.Name(0, name.segment, name.first, name.last)
    found = _Fields()
    domain = _domain(sender_email)
    _add_contacts(found, block, domain)
    _add_people(found, block, name, domain)
    if not _is_signature(found, block):
        return SignatureResult()
    _add_domain_company(found, domain)
    return SignatureResult(found.values, found.confidence, "\n".join(block))


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
    own = [e for e in emails if e.lower().endswith("@" + domain)] if domain else []
    found.add("email", next(iter(own or emails), None), 0.95)
    found.add("linkedin", next(iter(contacts.linkedin_urls(block)), None), 0.9)
    found.add("website", next(iter(contacts.websites(block)), None), 0.8)
    address = addresses.find_address(block)
    if address is not None:
        for key, value in (("street", address.street), ("city", address.city),
                           ("state", address.state), ("postal_code", address.postal_code),
                           ("country", address.country)):  # fmt: skip
            found.add(key, value, 0.8)
    region = _region(address, domain, found.values.get("website"), block)
    for phone in contacts.phones(block, region):
        found.add(phone.kind, phone.e164, 0.9 if phone.kind != "phone" else 0.85)


def _add_people(
    found: _Fields, block: Sequence[str], name: people.Name | None, domain: str
) -> None:
    if name is not None:
        found.add("first_name", name.first, 0.9)
        found.add("last_name", name.last, 0.9)
    label = _domain_label(_host(found.values.get("website")) if domain in FREE_MAIL else domain)
    title, company = people.title_and_company(block, name, label)
    found.add("title", title, 0.7)
    found.add("company", company, 0.75)


def _is_signature(found: _Fields, block: Sequence[str]) -> bool:
    """Contact details, or a name with a title or company: a lone first name is a sign-off."""
    values = found.values
    if any(k in values for k in ("email", "phone", "mobile", "fax", "website", "linkedin",
                                 "postal_code")):  # fmt: skip
        return True
    return "first_name" in values and ("title" in values or "company" in values) and len(block) > 1


def _add_domain_company(found: _Fields, domain: str) -> None:
    if "company" in found.values or not domain or domain in FREE_MAIL:
        return
    label = _domain_label(domain)
    if label:
        company = " ".join(part.capitalize() for part in label.split("-") if part)
        found.add("company", company, DOMAIN_COMPANY_CONFIDENCE)


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
    address: addresses.Address | None, domain: str, website: str | None, block: Sequence[str]
) -> str:
    """Where a number written without its country code is dialled: the address's country, the
    country of a number the block writes internationally, the website's or the domain's country
    code, the street's language, else the US."""
    if address is not None and address.region:
        return address.region
    international = contacts.international_region(block)
    if international:
        return international
    for host in (_host(website), domain):
        region = _CCTLD_REGION.get(host.rpartition(".")[2]) if host else None
        if region:
            return region
    if address is not None:
        text = " ".join(block).lower()
        for word, region in _STREET_REGION:
            if word in text:
                return region
    return "US"


def _host(website: str | None) -> str:
    if not website:
        return ""
    return website.lower().split("://", 1)[-1].split("/", 1)[0]
