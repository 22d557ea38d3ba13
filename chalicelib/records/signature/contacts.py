"""Email addresses, websites, LinkedIn profiles and telephone numbers in signature lines.

Telephone numbers are found and normalised by `phonenumbers` (Google's libphonenumber metadata,
the "lite" build without geocoding/carrier data), in the region the signature points to when a
number is written without its country code. The number's kind comes from the label just before
it on its line ("M", "Mob.", "Handy", "Fax", "T", "Tél.", ...); an unlabeled number is "phone".
`phonenumbers` is imported on first use: routes that never parse a signature do not pay for it at
cold start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
LINKEDIN = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|company|pub)/[\w%.-]{1,100}/?",
    re.IGNORECASE,
)
_TLDS = (
    "com|org|net|io|co|biz|info|ai|app|dev|tech|eu|de|fr|es|uk|ca|au|at|ch|nl|be|it|us|mx|ie"
    "|nz|se|no|dk|fi|pt|pl"
)
WEBSITE = re.compile(
    r"(?<![@\w.-])(?:https?://[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    r"|www\.[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    rf"|[a-z0-9][\w-]{{0,62}}(?:\.[\w-]{{1,63}}){{0,3}}\.(?:{_TLDS}))"
    r"(?:/[\w/%.~#?=&+-]{0,150})?(?![\w@-])",
    re.IGNORECASE,
)

MOBILE_LABELS = frozenset(
    {
        "m",
        "mob",
        "mobile",
        "cell",
        "cellular",
        "mobil",
        "handy",
        "portable",
        "port",
        "móvil",
        "movil",
        "celular",
        "gsm",
        "mobiel",
        "cel",
        "c",
        "mobilfunk",
    }
)
FAX_LABELS = frozenset({"f", "fax", "telefax", "télécopie", "facsimile"})
PHONE_LABELS = frozenset(
    {
        "t",
        "tel",
        "tél",
        "phone",
        "p",
        "o",
        "office",
        "direct",
        "d",
        "dir",
        "telefon",
        "teléfono",
        "telefono",
        "fon",
        "work",
        "main",
        "w",
        "ph",
        "téléphone",
        "fixe",
        "tlf",
        "telephone",
        "zentrale",
        "büro",
        "bureau",
        "oficina",
        "switchboard",
        "ligne directe",
        "durchwahl",
    }
)
_MIN_DIGITS = 7


@dataclass(frozen=True)
class Phone:
    kind: str  # "phone" | "mobile" | "fax"
    e164: str
    raw: str


def emails(lines: Sequence[str]) -> list[str]:
    return [m.group(0).rstrip(".") for line in lines for m in EMAIL.finditer(line)]


def linkedin_urls(lines: Sequence[str]) -> list[str]:
    return [m.group(0) for line in lines for m in LINKEDIN.finditer(line)]


def websites(lines: Sequence[str]) -> list[str]:
    """Web addresses, not the domain of an email address nor a LinkedIn URL."""
    found = []
    for line in lines:
        for match in WEBSITE.finditer(line):
            url = match.group(0).rstrip(".,;")
            if "linkedin.com" not in url.lower() and not _is_in_email(line, match.end()):
                found.append(url)
    return found


def _is_in_email(line: str, end: int) -> bool:
    return end < len(line) and line[end] == "@"


# Where a national number is tried when the signature's own region does not make it valid
FALLBACK_REGIONS = ("US", "GB", "DE", "FR", "AU", "CA", "ES")


def phones(lines: Sequence[str], region: str) -> list[Phone]:
    """Numbers in `region`'s national format or international. A line with none valid there is
    tried in the other regions the product serves (a sender on free mail names no country), and
    kept only when one reading is best: "(02) 9374 4000" is Sydney or Hamburg, so none."""
    found = []
    for line in lines:
        if sum(c.isdigit() for c in line) < _MIN_DIGITS:
            continue
        found.extend(_phones_in(line, region) or _unambiguous(line, region))
    return found


def _unambiguous(line: str, tried: str) -> list[Phone]:
    """The one reading that makes the most numbers of the line valid, if only one does."""
    readings = {
        tuple(found)
        for other in FALLBACK_REGIONS
        if other != tried and (found := _phones_in(line, other))
    }
    most = max((len(reading) for reading in readings), default=0)
    best = [reading for reading in readings if len(reading) == most]
    return list(best[0]) if len(best) == 1 else []


def international_region(lines: Sequence[str]) -> str | None:
    """The country of the first number written with its country code ("+49 30 ...")."""
    import phonenumbers

    for line in lines:
        if "+" not in line:
            continue
        for phone in _phones_in(line, "US"):
            if phone.raw.startswith("+"):
                region = phonenumbers.region_code_for_number(phonenumbers.parse(phone.e164))
                return region if region and region != "001" else None
    return None


def _phones_in(line: str, region: str) -> list[Phone]:
    import phonenumbers

    found = []
    previous_end = 0
    try:
        matches = list(phonenumbers.PhoneNumberMatcher(line, region))
    except Exception:
        return []
    for match in matches:
        label_text = line[previous_end : match.start]
        previous_end = match.end
        if _inside_url_or_email(line, match.start):
            continue
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.append(Phone(phone_kind(label_text), e164, match.raw_string))
    return found


def _inside_url_or_email(line: str, start: int) -> bool:
    before = line[:start].split(" ")[-1] if start else ""
    return "/" in before or "@" in before


def phone_kind(label_text: str) -> str:
    """The kind named by the label just before a number: "T: ", "Mob. ", "Fax ", "(M) "."""
    for word in reversed(re.findall(r"[^\W\d_]+", label_text.lower())[-2:]):
        if word in MOBILE_LABELS:
            return "mobile"
        if word in FAX_LABELS:
            return "fax"
        if word in PHONE_LABELS:
            return "phone"
    return "phone"
