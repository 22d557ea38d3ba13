"""Postal addresses in signature lines, by per-country rules.

Why rules and not a library: the parsers that cover these countries are either libpostal
bindings (`postal`: a C library plus ~2 GB of model data, far beyond a Lambda bundle), US-only
(`usaddress`, a CRF model with a compiled dependency), or unmaintained and limited to US/CA/GB
(`pyap`, last release 2020). A signature's address is short and written in its country's postal
format, so the line holding the postal code anchors it:

- US "City, ST 12345(-6789)"; Canada "City, QC H3B 2Y5" or "Montréal (Québec) H3A 3G4";
  Australia "Sydney NSW 2000" (state and postal code after the city; the state's code tells the
  country, the code's shape settles WA/SA)
- UK "London EC2A 4NE" (or the postcode alone, the town on the line above)
- Germany and France "10115 Berlin", "75008 Paris" (postal code before the city; "D-"/"F-" ok)

The street is the part of the same line before the city, else the line above when it looks like
a street. A country is returned only when the text names it (on the address line or the next).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "PR",
    ]
)
CA_PROVINCES = frozenset(
    ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
)
AU_STATES = frozenset(["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"])
COUNTRIES = {
    "usa": "US",
    "u.s.a.": "US",
    "united states": "US",
    "united states of america": "US",
    "us": "US",
    "u.s.": "US",
    "uk": "GB",
    "u.k.": "GB",
    "united kingdom": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "canada": "CA",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "australia": "AU",
    "spain": "ES",
    "españa": "ES",
    "espana": "ES",
    "austria": "AT",
    "österreich": "AT",
    "switzerland": "CH",
    "schweiz": "CH",
    "suisse": "CH",
    "ireland": "IE",
    "netherlands": "NL",
    "belgium": "BE",
    "belgique": "BE",
    "italy": "IT",
    "italia": "IT",
    "mexico": "MX",
    "méxico": "MX",
    "new zealand": "NZ",
    "allemagne": "DE",
    "frankreich": "FR",
}

_CITY = r"(?P<city>[^\W\d_][^\d,|]{0,40}?)"
_STATE_ZIP = re.compile(
    rf"^(?:{_CITY},?\s+)?(?P<state>[A-Z]{{2,3}})\.?,?\s+"
    r"(?P<postal>\d{5}(?:-\d{4})?|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d)$"
)
# Canada, as Québec writes it: "Montréal (Québec) H3A 3G4"
_CA_PAREN = re.compile(
    rf"^{_CITY}\s+\((?P<state>[^\W\d_][^()]{{1,30}})\)\s+(?P<postal>[A-Z]\d[A-Z] ?\d[A-Z]\d)$"
)
_UK = re.compile(rf"^(?:{_CITY},?\s+)?(?P<postal>[A-Z]{{1,2}}\d[A-Z\d]? ?\d[A-Z]{{2}})$")
_POSTAL_FIRST = re.compile(
    r"^(?:(?:D|F|DE|FR)-)?(?P<postal>\d{5})\s+(?P<city>[^\W\d_][^\d,|]{0,40})$"
)
_STREET = re.compile(
    r"^\d{1,5}[a-zA-Z]?(?:-\d{1,5})?,?\s+\S|\S\s+\d{1,5}\s?[a-zA-Z]?(?:-\d{1,4})?$"
    r"|\b(street|st\.|avenue|ave|road|rd\.|boulevard|blvd|straße|strasse|str\.|weg|platz|allee"
    r"|rue|avenue|chemin|place|quai|calle|suite|level|floor|unit)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s+[|•·]\s+|\s{3,}")


@dataclass(frozen=True)
class Address:
    street: str | None
    city: str | None
    state: str | None
    postal_code: str
    country: str | None
    region: str | None  # ISO country the format or the named country points to


def find_address(lines: Sequence[str]) -> Address | None:
    """The first address in the block."""
    for index, line in enumerate(lines):
        segments = _SPLIT.split(line)
        for position, segment in enumerate(segments):
            # "Acme · 1 Infinite Loop · Cupertino, CA 95014 · USA": the street and the country
            # may be the neighbouring segments of the same line
            context = [*lines[:index], *segments[:position]]
            following = [*segments[position + 1 :], *lines[index + 1 :]]
            found = _address_in(segment, context, following)
            if found is not None:
                return found
    return None


def _address_in(segment: str, above: Sequence[str], below: Sequence[str]) -> Address | None:
    """`above`: the lines (or segments) before `segment`, nearest last; `below`: after it."""
    pieces = [p.strip() for p in segment.split(",")]
    for i, piece in enumerate(pieces):
        parsed = _parse_piece(piece)
        if parsed is None:
            continue
        city, state, postal, region = parsed
        before = pieces[:i]
        if city is None and before and not _STREET.search(before[-1]):
            city = before.pop()
        skip = 1
        if city is None and not before:
            city = _town_above(above)
            skip += city is not None
        before = _from_street(before)
        street = ", ".join(before) if before else _street_above(above, len(above) - skip)
        country = _country_after(pieces[i + 1 :], below)
        if country is not None:
            region = COUNTRIES[country.lower()]
        return Address(street or None, city, state, postal, country, region)
    return None


def _parse_piece(piece: str) -> tuple[str | None, str | None, str, str | None] | None:
    match = _STATE_ZIP.match(piece)
    if match and (region := _state_region(match["state"], match["postal"])):
        return match["city"], match["state"], match["postal"], region
    match = _CA_PAREN.match(piece)
    if match:
        return match["city"], match["state"], match["postal"], "CA"
    match = _POSTAL_FIRST.match(piece)
    if match and match["city"].strip().lower() not in COUNTRIES:
        return match["city"].strip(), None, match["postal"], None
    match = _UK.match(piece)
    if match:
        return match["city"], None, match["postal"], "GB"
    return None


def _from_street(pieces: list[str]) -> list[str]:
    """ "Proseware Ltd, 40 Spring Gardens": the street starts at its first street-like piece."""
    for start, piece in enumerate(pieces):
        if piece[:1].isdigit() or _STREET.search(piece):
            return pieces[start:]
    return pieces


def _state_region(state: str, postal: str) -> str | None:
    digits = postal.replace("-", "").isdigit()
    if state in US_STATES and digits and len(postal) >= 5:
        return "US"
    if state in AU_STATES and digits and len(postal) == 4:
        return "AU"
    if state in CA_PROVINCES and not digits:
        return "CA"
    return None


def _town_above(lines: Sequence[str]) -> str | None:
    above = lines[-1].strip() if lines else ""
    words = above.split()
    if 0 < len(words) <= 3 and not any(c.isdigit() for c in above) and above[0].isupper():
        return above.rstrip(",")
    return None


def _street_above(lines: Sequence[str], position: int) -> str | None:
    """The street on the line above the city (two above when the town has its own line)."""
    if position < 0:
        return None
    candidate = _SPLIT.split(lines[position])[-1].rstrip(",")
    if _STREET.search(candidate) and "@" not in candidate and len(candidate) <= 80:
        return candidate
    return None


def _country_after(rest: Sequence[str], below: Sequence[str]) -> str | None:
    for piece in rest[:1]:
        if piece.lower() in COUNTRIES:
            return piece
    following = below[0].strip() if below else ""
    following = _SPLIT.split(following)[0].rstrip(",")
    return following if following.lower() in COUNTRIES else None
