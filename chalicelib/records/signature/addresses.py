"""Postal addresses in signature lines, by per-country rules.

Why rules and not a library: the parsers that cover these countries are either libpostal
bindings (`postal`: a C library plus ~2 GB of model data, far beyond a Lambda bundle), US-only
(`usaddress`, a CRF model with a compiled dependency), or unmaintained and limited to US/CA/GB
(`pyap`, last release 2020). A signature's address is short and written in its country's postal
format, so the line holding the postal code anchors it:

- US "City, ST 12345(-6789)" or "City, Georgia 30303"; Canada "City, QC H3B 2Y5", "City, Ontario
  M5J 0B8" or "Montréal (Québec) H3A 3G4"; Australia "Sydney NSW 2000" or "Cairns, Queensland
  4870" (state and postal code after the city; the state tells the country, the code's shape
  settles WA/SA/Victoria)
- UK "London EC2A 4NE" (or the postcode alone, the town on the line above), with a county
  before the postcode or on its own line ("Richmond / North Yorkshire / DL10 4HU")
- Germany, France, Spain, Italy "10115 Berlin", "D-10115 Berlin", "75008 Paris", "92927 Paris
  La Défense Cedex" (postal code before the city; "Cedex" is not the city); the Netherlands
  "1015 CJ Amsterdam"; 4-digit codes (Austria, Belgium, ...; New Zealand after the city) only
  with the country named

The street is the part of the same line before the city, else the line above when it looks like
a street. A country is returned only when the text names it (on the address line or the next).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chalicelib.records.signature.people import COMPANY_SUFFIX, is_title

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


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split("|")]


# States and provinces written out ("Atlanta, Georgia 30303", "Toronto, Ontario M5J 0B8",
# "Cairns, Queensland 4870"): name -> country; the postal code's shape must agree
STATE_NAMES = {
    **dict.fromkeys(
        _names(
            """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida
        |Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland
        |Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada
        |New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio
        |Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas
        |Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia
        |Puerto Rico"""
        ),
        "US",
    ),
    **dict.fromkeys(
        _names(
            """Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador
        |Newfoundland|Nova Scotia|Ontario|Prince Edward Island|Quebec|Québec|Saskatchewan
        |Northwest Territories|Nunavut|Yukon|Colombie-Britannique|Nouveau-Brunswick
        |Nouvelle-Écosse|Terre-Neuve-et-Labrador|Île-du-Prince-Édouard
        |Territoires du Nord-Ouest"""
        ),
        "CA",
    ),
    **dict.fromkeys(
        _names(
            """New South Wales|Victoria|Queensland|Western Australia|South Australia|Tasmania
        |Australian Capital Territory|Northern Territory|Qld|Vic|Tas"""  # as often written
        ),
        "AU",
    ),
}
# UK counties (ceremonial, historic, Scottish and Welsh areas) as written on an address's own
# line or before the postcode: "Richmond / North Yorkshire / DL10 4HU"
UK_COUNTIES = frozenset(
    _names(
        """Avon|Bedfordshire|Berkshire|Buckinghamshire|Cambridgeshire|Cheshire|Cleveland|Cornwall
    |Cumbria|Cumberland|Derbyshire|Devon|Dorset|Durham|County Durham|East Sussex|Essex
    |Gloucestershire|Greater London|Greater Manchester|Hampshire|Herefordshire|Hertfordshire
    |Isle of Wight|Kent|Lancashire|Leicestershire|Lincolnshire|Merseyside|Middlesex|Norfolk
    |North Yorkshire|Northamptonshire|Northumberland|Nottinghamshire|Oxfordshire|Rutland
    |Shropshire|Somerset|South Yorkshire|Staffordshire|Suffolk|Surrey|Tyne and Wear
    |Warwickshire|West Midlands|West Sussex|West Yorkshire|East Yorkshire|East Riding of Yorkshire
    |Wiltshire|Worcestershire|Yorkshire|Aberdeenshire|Angus|Argyll|Argyll and Bute|Ayrshire
    |Banffshire|Berwickshire|Caithness|Clackmannanshire|Dumfriesshire|Dumfries and Galloway
    |Dunbartonshire|East Lothian|Fife|Highland|Inverness-shire|Kincardineshire|Kinross-shire
    |Kirkcudbrightshire|Lanarkshire|Midlothian|Moray|Nairnshire|Orkney|Peeblesshire|Perthshire
    |Renfrewshire|Ross-shire|Roxburghshire|Selkirkshire|Shetland|Stirlingshire|Sutherland
    |West Lothian|Wigtownshire|Anglesey|Isle of Anglesey|Carmarthenshire|Ceredigion|Clwyd
    |Conwy|Denbighshire|Dyfed|Flintshire|Glamorgan|Gwent|Gwynedd|Monmouthshire|Pembrokeshire
    |Powys|South Glamorgan|West Glamorgan|Mid Glamorgan|Co Antrim|County Antrim|Co Armagh
    |Blaenau Gwent|Bridgend|Caerphilly|Merthyr Tydfil|Neath Port Talbot|Rhondda Cynon Taf
    |Torfaen|Vale of Glamorgan
    |County Armagh|Co Down|County Down|Co Fermanagh|County Fermanagh|Co Londonderry
    |County Londonderry|Co Tyrone|County Tyrone"""
    )
)
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
    "nederland": "NL",
    "the netherlands": "NL",
    "belgië": "BE",
    "danmark": "DK",
    "denmark": "DK",
    "norway": "NO",
    "norge": "NO",
    "sweden": "SE",
    "sverige": "SE",
    "finland": "FI",
    "suomi": "FI",
    "portugal": "PT",
    "poland": "PL",
    "polska": "PL",
    "czech republic": "CZ",
    "czechia": "CZ",
    "luxembourg": "LU",
    "hungary": "HU",
    "greece": "GR",
    "israel": "IL",
    "india": "IN",
    "singapore": "SG",
    "japan": "JP",
    "china": "CN",
    "south korea": "KR",
    "hong kong": "HK",
    "brazil": "BR",
    "brasil": "BR",
    "argentina": "AR",
    "chile": "CL",
    "colombia": "CO",
    "peru": "PE",
    "south africa": "ZA",
    "nigeria": "NG",
    "kenya": "KE",
    "ghana": "GH",
    "egypt": "EG",
    "morocco": "MA",
    "maroc": "MA",
    "united arab emirates": "AE",
    "uae": "AE",
    "saudi arabia": "SA",
    "turkey": "TR",
    "türkiye": "TR",
    "estonia": "EE",
    "latvia": "LV",
    "lithuania": "LT",
    "romania": "RO",
    "northern ireland": "GB",
    "éire": "IE",
    "italie": "IT",
    "espagne": "ES",
}

_CITY = r"(?P<city>[^\W\d_][^\d,|]{0,40}?)"
_STATE_NAME_ZIP = re.compile(
    rf"^(?:{_CITY},?\s+)?(?P<state>"
    + "|".join(sorted(map(re.escape, STATE_NAMES), key=len, reverse=True))
    + r"),?\s+(?P<postal>\d{5}(?:-\d{4})?|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d)$"
)
_STATE_ZIP = re.compile(
    rf"^(?:{_CITY},?\s+)?(?P<state>[A-Z]{{2,3}})\.?,?\s+"
    r"(?P<postal>\d{5}(?:-\d{4})?|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d)$"
)
# Canada, as Québec writes it: "Montréal (Québec) H3A 3G4"
_CA_PAREN = re.compile(
    rf"^{_CITY}\s+\((?P<state>[^\W\d_][^()]{{1,30}})\)\s+(?P<postal>[A-Z]\d[A-Z] ?\d[A-Z]\d)$"
)
_UK = re.compile(rf"^(?:{_CITY},?\s+)?(?P<postal>[A-Z]{{1,2}}\d[A-Z\d]? ?\d[A-Z]{{2}})$")
# postal code before the city: Germany, France, Spain, Italy (5 digits, "D-"/"F-" allowed, an
# Italian or Spanish province in brackets after the city), the Netherlands ("1015 CJ"), and
# Austria, Switzerland, Belgium, Denmark, Norway (4 digits: only with the country named)
_POSTAL_FIRST = re.compile(
    r"^(?:(?:D|F|DE|FR|A|CH|B)-)?"
    r"(?P<postal>\d{5}|\d{4} ?[A-Z]{2}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}|\d{4})\s+"
    r"(?P<city>[^\W\d_][^\d,|()]{0,40}?)(?:\s+(?i:cedex)(?:\s+\d{1,2})?)?"
    # an Italian province is the state ("12051 Alba (CN)"); a German town's district is part of
    # its name ("87600 Kaufbeuren (Allgäu)", "59000 Lippstadt (Westf.)", "Halle (Saale)")
    r"(?:\s+\((?:(?P<state>[A-Z]{2})|(?P<district>[^\W\d_][^\W\d_]{1,24}\.?))\))?$"
)
# city and a 4-digit code, no state: New Zealand (only with the country named)
_CITY_POSTAL = re.compile(rf"^{_CITY},?\s+(?P<postal>\d{{4}})$")
# "Boston, MA": a US or Canadian city and state without a postal code, as a whole segment
_CITY_STATE = re.compile(r"^(?P<city>[^\W\d_][^\d,|]{1,30}),\s+(?P<state>[A-Z]{2,3})$")
# the same without a postal code in the other ways signatures write it: a state written out
# ("Winnipeg, Manitoba", "Hobart, Tasmania"), Québec's brackets ("Magog (Québec)"), an
# Australian state's own code without a comma ("Toowoomba QLD")
_CITY_STATE_NAME = re.compile(
    r"^(?P<city>[^\W\d_][^\d,|()]{1,30}?)(?:,\s+(?P<state>[^\W\d_][^\d,|()]{2,30})"
    r"|\s+\((?P<bracketed>[^\W\d_][^\d,|()]{2,30})\)|\s+(?P<code>NSW|QLD|VIC|TAS|ACT))$"
)
_AU_ONLY = AU_STATES - US_STATES - CA_PROVINCES  # "WA" and "NT" are Washington's, the NWT's


def _no_city(text: str) -> bool:
    return is_title(text) or bool(COMPANY_SUFFIX.search(text)) or "&" in text


_STREET_END = re.compile(r"\b(st|rd|dr|ln|ct|pl|sq|ave|hwy|pkwy)\.?$", re.IGNORECASE)
_CEDEX = re.compile(r"\s+cedex(?:\s+\d{1,2})?$", re.IGNORECASE)
_STREET = re.compile(
    r"^\d{1,5}[a-zA-Z]?(?:-\d{1,5})?,?\s+\S|\S\s+\d{1,5}\s?[a-zA-Z]?(?:-\d{1,4})?$"
    r"|\b(street|st\.|avenue|ave|road|rd\.|boulevard|blvd|straße|strasse|str\.|weg|platz|allee"
    r"|rue|avenue|chemin|place|quai|calle|suite|level|floor|unit|plaza|lane|drive|way"
    # Portuguese, Italian, Spanish/Catalan, Swedish, Dutch street words; buildings and plots
    r"|av|rua|travessa|alameda|estrada|via|viale|corso|piazza|largo|carrer|paseo|passeig|gatan"
    r"|vägen|straat|laan|gracht|plot|block|building|house|tower|office)\b",
    re.IGNORECASE,
)
# a postal box: "CS 30012", "BP 120", "PO Box 12", "GPO Box 9", "Locked Bag 3", "Postfach 10 01",
# "Apartado 5"; the street only when the address has no street (`_from_street`)
_POST_BOX = re.compile(
    r"^(cs|bp|tsa|g?p\.?\s?o\.?\s?box|post office box|locked bag|private bag|postfach|apartado"
    r"|casilla)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s+(?:[|•·\u2013\u2014]|//?)\s+|\s{3,}")
# a phone line, with or without its one-word label: never a street
_PHONE_LINE = re.compile(r"^(?:[^\W\d_]{1,12}\.?\s*:?\s*)?\+?[\d(][\d\s().\-/]{6,}\d$")
_FOUR_DIGIT_POSTAL_FIRST = frozenset({"AT", "CH", "BE", "DK", "NO", "LU", "HU"})
# "185 38 Piraeus", "111 35 Stockholm", "110 00 Praha": only with the country named
_SPACED_POSTAL = frozenset({"SE", "GR", "CZ", "SK"})
# a 4-digit code as a piece of its own, the city before it: "14 Dorp Street, Stellenbosch, 7600,
# South Africa" (only with the country named)
_FOUR_DIGIT_ALONE = frozenset({"ZA", "AT", "CH", "BE", "DK", "NO", "AU", "NZ", "PH"})
_STREET_WORD = re.compile(r"\b(street|road|avenue|lane|drive|boulevard)\b", re.IGNORECASE)
_FOUR_DIGIT_CITY_FIRST = frozenset({"NZ"})


@dataclass(frozen=True)
class Address:
    street: str | None
    city: str | None
    state: str | None
    postal_code: str | None
    country: str | None
    region: str | None  # ISO country the format or the named country points to


@dataclass(frozen=True)
class _Anchor:
    """The piece of an address line that anchors it: its city, state and postal code."""

    city: str | None
    state: str | None
    postal: str | None
    region: str | None
    needs: frozenset[str] = frozenset()  # a named country must be one of these


def find_address(lines: Sequence[str], hint: str | None = None) -> Address | None:
    """The first address in the block (blank lines, which HTML bodies put between every line,
    are no part of it). `hint`: the country the block's international numbers point to, which
    lets a postal code shared by several countries ("1204 Genève") stand without a country."""
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        segments = _SPLIT.split(line)
        for position, segment in enumerate(segments):
            # "Acme · 1 Infinite Loop · Cupertino, CA 95014 · USA": the street and the country
            # may be the neighbouring segments of the same line
            context = [*lines[:index], *segments[:position]]
            following = [*segments[position + 1 :], *lines[index + 1 :]]
            found = _address_in(_STREET_LABEL.sub("", segment), context, following, hint)
            if found is None and index > 0:  # the first line is the name's ("Jo Smith, PA")
                found = _city_and_state(segment)
            if found is not None:
                return found
    return next(filter(None, map(_city_and_country, lines[1:])), None)


def _city_and_country(line: str) -> Address | None:
    """ "Nagoya, Japan", "Office 1204, Bay Square, Business Bay, Dubai, United Arab Emirates": an
    address without a postal code, its city before the country it names."""
    pieces = [p.strip() for p in _SPLIT.split(line)[0].split(",")]
    if len(pieces) < 2 or pieces[-1].lower() not in COUNTRIES or "@" in line:
        return None
    city, street = pieces[-2], pieces[:-2]
    if any(c.isdigit() for c in city) or len(city.split()) > 3 or _no_city(city):
        return None
    streetlike = any(_STREET.search(p) or p[:1].isdigit() for p in street)
    if street and not streetlike and not _POST_BOX.match(street[0]):
        return None
    street = _from_street(street)  # a postal box is no street
    country = pieces[-1]
    return Address(", ".join(street) or None, city, None, None, country, COUNTRIES[country.lower()])


def named_country(lines: Sequence[str]) -> str | None:
    """A country named at the end of an address-like line ("P.O. Box 1234, Accra, Ghana") or on
    its own line under one, when no address format matched."""
    for index, line in enumerate(lines):
        if not any(c.isdigit() for c in line) or "@" in line:
            continue
        last = _SPLIT.split(line)[0].rsplit(",", 1)[-1].strip()
        if "," in line and last.lower() in COUNTRIES:
            return last
        after = _country_after([], lines[index + 1 : index + 2])
        if after is not None:
            return after
    return None


def _address_in(
    segment: str, above: Sequence[str], below: Sequence[str], hint: str | None = None
) -> Address | None:
    """`above`: the lines (or segments) before `segment`, nearest last; `below`: after it."""
    pieces = _pieces(segment)
    for i, piece in enumerate(pieces):
        anchor, rest = _parse_piece(piece), pieces[i + 1 :]
        head, _, named = piece.rpartition(" ")
        if anchor is None and head and named.lower() in COUNTRIES:
            anchor, rest = _parse_piece(head), [named, *rest]  # "Gary, IN 46406 USA"
        if anchor is None:
            continue
        if rest and (rest[0] in IN_STATES or rest[0] in MX_STATES) and anchor.state is None:
            anchor = replace(anchor, state=rest.pop(0))  # "Mumbai - 400051, Maharashtra, India"
        country = _country_after(rest, below)
        if country is None and anchor.region == "SG":
            country = anchor.city  # the city-state names its country
        region = COUNTRIES[country.lower()] if country is not None else anchor.region or hint
        if anchor.needs and region not in anchor.needs:
            continue
        return _complete(anchor, pieces[:i], above, country, region)
    return None


def _pieces(segment: str) -> list[str]:
    """The comma-separated pieces; a postal code and city after a dash is a piece of its own
    ("ZA des Prés - 12 rue des Tanneurs - 21000 Dijon", "Via Roma 8 - 10121 Torino (TO)")."""
    pieces = []
    for piece in (p.strip() for p in segment.split(",")):
        head, _, tail = piece.rpartition(" - ")
        if head and _parse_piece(piece) is None and _postal_first(tail) is not None:
            pieces += [head, tail]
        else:
            pieces.append(piece)
    return pieces


def _complete(
    anchor: _Anchor,
    before: list[str],
    above: Sequence[str],
    country: str | None,
    region: str | None,
) -> Address:
    """The city, county and street around the anchor: earlier pieces of its line, else the lines
    above ("14 Castle Street / Richmond / North Yorkshire / DL10 4HU")."""
    city, state = anchor.city, anchor.state
    if region == "GB" and city in UK_COUNTIES and before and not _STREET.search(before[-1]):
        city, state = None, city  # "Elgin, Moray IV30 1SJ"; "Durham DH1 3HP" is the city
    if city is None and before and (region == "IE" or not _STREET.search(before[-1])):
        city = before.pop()  # "Park West, Dublin 12, D12 X9F3": a Dublin district is a city
        if city in UK_COUNTIES and before and not _STREET.search(before[-1]):
            state, city = city, before.pop()  # "Canal Wharf, Skipton, North Yorkshire, BD23 1XX"
    skip = 1
    if city is None and not before:
        city = _town_above(above)
        skip += city is not None
        town = _town_above(above[:-1]) if city in UK_COUNTIES and state is None else None
        if town is not None:  # "Richmond / North Yorkshire / DL10 4HU"
            state, city = city, town
            skip += 1
    before = _from_street(before)
    street = ", ".join(before) if before else _street_above(above, len(above) - skip)
    if len(before) == 1 and _POST_BOX.match(before[0]):  # "12 Quay Road / PO Box 7, Town 1234"
        street = _street_above(above, len(above) - skip) or street
    if city:
        city = _CEDEX.sub("", city)
    dashed = _CITY_DASH_STATE.match(city) if city and state is None else None
    if dashed and dashed["state"] in BR_STATES:
        city, state = dashed["city"], dashed["state"]  # "São Paulo - SP, 01310-200"
    if street:
        street = _STREET_LABEL.sub("", street)  # "📍 1420 NW Lovejoy St", "Adresse: ..."
    return Address(street or None, city, state, anchor.postal, country, region)


_STREET_LABEL = re.compile(
    r"^([^\w(]+|(address|adresse|dirección|indirizzo|endereço)\s*:\s*|a:?\s+(?=\d))+", re.I
)  # "A 15 Quay Road": the "A" of a "P / M / E / A" labelled block


# postal codes written after the city (or alone, the city in the piece before): Ireland's
# Eircode "D02 XY45", Brazil's CEP "01310-200" (its city "São Paulo - SP" before), India's PIN
# "Mumbai - 400051" / "Telangana 500081", Japan's "Tokyo 100-0005", Singapore's "Singapore 018983"
_EIRCODE = re.compile(r"^(?P<postal>[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$")
_CEP = re.compile(r"^(?P<postal>\d{5}-\d{3})$")
_PIN = re.compile(rf"^(?:{_CITY}(?:\s+-\s+|\s+))?(?P<postal>[1-9]\d{{5}})$")
_SG = re.compile(r"^(?P<city>Singapore)\s+(?P<postal>\d{6})$", re.IGNORECASE)
_JP = re.compile(rf"^(?:{_CITY}\s+)?(?P<postal>\d{{3}}-\d{{4}})$")
# Mexico's states as addresses write them after the city ("06600 Ciudad de México, CDMX")
MX_STATES = frozenset(
    _names(
        """CDMX|Ciudad de México|Aguascalientes|Baja California|Baja California Sur|Campeche
    |Chiapas|Chihuahua|Coahuila|Colima|Durango|Guanajuato|Guerrero|Hidalgo|Jalisco
    |Estado de México|Edomex|Michoacán|Morelos|Nayarit|Nuevo León|Oaxaca|Puebla|Querétaro
    |Quintana Roo|San Luis Potosí|Sinaloa|Sonora|Tabasco|Tamaulipas|Tlaxcala|Veracruz|Yucatán
    |Zacatecas|Jal.|N.L.|Qro."""
    )
)
# Brazil's "Belo Horizonte - MG": a city and its state's two letters
BR_STATES = frozenset(
    _names("AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO")
)
_CITY_DASH_STATE = re.compile(r"^(?P<city>[^\W\d_][^\d,|]{1,30}?)\s+-\s+(?P<state>[A-Z]{2})$")
IN_STATES = frozenset(
    _names(
        """Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana
    |Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya
    |Mizoram|Nagaland|Odisha|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura
    |Uttar Pradesh|Uttarakhand|West Bengal|Delhi|New Delhi"""
    )
)


def _later_postal(piece: str) -> _Anchor | None:
    if match := _EIRCODE.match(piece):
        return _Anchor(None, None, piece, "IE")
    if match := _CEP.match(piece):
        return _Anchor(None, None, match["postal"], "BR")
    if match := _JP.match(piece):
        return _Anchor(match["city"], None, match["postal"], "JP")
    if match := _SG.match(piece):
        return _Anchor(match["city"], None, match["postal"], "SG")
    if match := _PIN.match(piece):
        city = match["city"]
        if city in IN_STATES:
            return _Anchor(None, city, match["postal"], "IN")
        return _Anchor(city, None, match["postal"], None, frozenset({"IN"}))
    return None


def _postal_alone(piece: str) -> _Anchor | None:
    if len(piece) == 4 and piece.isdigit():
        return _Anchor(None, None, piece, None, _FOUR_DIGIT_ALONE)
    return None


def _parse_piece(piece: str) -> _Anchor | None:
    parsers = (_state_zip, _postal_first, _uk_or_city_postal, _later_postal, _postal_alone)
    for parse in parsers:
        anchor = parse(piece)
        if anchor is not None:
            return anchor
    return None


def _state_zip(piece: str) -> _Anchor | None:
    match = _STATE_ZIP.match(piece)
    if match and (region := _state_region(match["state"], match["postal"])):
        return _Anchor(match["city"], match["state"], match["postal"], region)
    match = _STATE_NAME_ZIP.match(piece)
    if match and _postal_fits(STATE_NAMES[match["state"]], match["postal"]):
        return _Anchor(match["city"], match["state"], match["postal"], STATE_NAMES[match["state"]])
    match = _CA_PAREN.match(piece)
    if match:
        return _Anchor(match["city"], match["state"], match["postal"], "CA")
    return None


def _postal_first(piece: str) -> _Anchor | None:
    match = _POSTAL_FIRST.match(piece)
    if not match or match["city"].strip().lower() in COUNTRIES:
        return None
    postal, city = match["postal"], match["city"].strip()
    if _STREET_END.search(city) or _STREET_WORD.search(city):
        return None  # "33800 King Rd": a house number and its street
    if "-" in postal:
        return _Anchor(city, None, postal, "PL" if len(postal) == 6 else "PT")  # "1250-146 Lisboa"
    if " " in postal and postal.replace(" ", "").isdigit():
        return _Anchor(city, None, postal, None, _SPACED_POSTAL)  # "111 35 Stockholm"
    if not postal.isdigit():
        if _STREET.search(city):
            return None  # "1420 NW Lovejoy St" is a street, not "1015 CJ Amsterdam"
        return _Anchor(city, None, postal, "NL")
    needs = _FOUR_DIGIT_POSTAL_FIRST if len(postal) == 4 else frozenset()
    if match["district"]:
        city = f"{city} ({match['district']})"
    return _Anchor(city, match["state"], postal, None, needs)


def _uk_or_city_postal(piece: str) -> _Anchor | None:
    match = _UK.match(piece)
    if match:
        return _Anchor(match["city"], None, match["postal"], "GB")
    match = _CITY_POSTAL.match(piece)
    if match:
        return _Anchor(match["city"], None, match["postal"], None, _FOUR_DIGIT_CITY_FIRST)
    return None


def _city_and_state(segment: str) -> Address | None:
    dashed = _CITY_DASH_STATE.match(segment.strip())
    if dashed and dashed["state"] in BR_STATES and len(dashed["city"].split()) <= 4:
        return Address(None, dashed["city"], dashed["state"], None, None, "BR")  # "Recife - PE"
    match = _CITY_STATE.match(segment.strip()) or _CITY_STATE_NAME.match(segment.strip())
    if match is None or len(match["city"].split()) > 3 or _no_city(match["city"]):
        return None  # "Director, IT", "Smith & Co, PA" are no city
    groups = match.groupdict()
    state = groups.get("state") or groups.get("bracketed") or groups.get("code") or ""
    region = _state_only_region(state, bracketed=bool(groups.get("bracketed")))
    if region is None:
        return None
    return Address(None, match["city"].strip(), state, None, None, region)


def _state_only_region(state: str, bracketed: bool) -> str | None:
    """The country of a state written without a postal code: US and Canadian codes, Australian
    codes no other country uses, a state or province written out (a Canadian one only in
    Québec's brackets)."""
    if bracketed:
        return "CA" if STATE_NAMES.get(state) == "CA" else None
    if state in US_STATES:
        return "US"
    if state in CA_PROVINCES:
        return "CA"
    return "AU" if state in _AU_ONLY else STATE_NAMES.get(state)


def _postal_fits(region: str, postal: str) -> bool:
    digits = postal.replace("-", "").isdigit()
    if region == "US":
        return digits and len(postal) >= 5
    if region == "AU":
        return digits and len(postal) == 4
    return not digits


def _from_street(pieces: list[str]) -> list[str]:
    """ "Proseware Ltd, 40 Spring Gardens": the street starts at its first street-like piece. A
    postal box is the street only when the address has no street ("PO Box 42, Echuca VIC 3564";
    "12 Quay Road, PO Box 7" is "12 Quay Road")."""
    kept = [piece for piece in pieces if not _POST_BOX.match(piece)]
    for start, piece in enumerate(kept):
        if piece[:1].isdigit() or _STREET.search(piece):
            return kept[start:]
    boxes = [piece for piece in pieces if _POST_BOX.match(piece)]
    return boxes[:1] or kept


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
        return None if _no_city(above) else above.rstrip(",")
    return None


def _street_above(lines: Sequence[str], position: int) -> str | None:
    """The street on the line above the city (two above when the town has its own line)."""
    if position < 0:
        return None
    segments = [_STREET_LABEL.sub("", s.rstrip(",")) for s in _SPLIT.split(lines[position])]
    streets = [s for s in segments if not _POST_BOX.match(s)]
    candidate = streets[-1] if streets else ""
    if _PHONE_LINE.match(candidate):
        return None  # "Mob: 0491 570 156", "902 555 0117": a number, not a house number
    if _STREET.search(candidate) and "@" not in candidate and len(candidate) <= 80:
        return _with_zone(lines[position], candidate)
    if not _POST_BOX.match(segments[-1]):
        return None
    return _street_above(lines, position - 1) or segments[-1]  # a box under its street line


# an industrial or business zone written before the street on its line, part of the address:
# "ZI des Chesnes - 15 rue du Ruisseau", "Gewerbegebiet Nord · Industriestr. 4"
_ZONE = re.compile(
    r"^(zi|za|zac|zae|zone|parc d'activités|technopole|gewerbegebiet|industriegebiet"
    r"|polígono|pol\.|parque empresarial|business park|industrial estate|trading estate)\b",
    re.IGNORECASE,
)


def _with_zone(line: str, street: str) -> str:
    """The street, with the zone written right before it on its line."""
    pieces = _SPLIT.split(line.strip())
    if len(pieces) < 2 or pieces[-1].rstrip(",") != street or not _ZONE.match(pieces[-2]):
        return street
    start = line.rfind(pieces[-2], 0, line.rfind(street))
    return line[start:].strip().rstrip(",") if start >= 0 else street


def _country_after(rest: Sequence[str], below: Sequence[str]) -> str | None:
    for piece in rest[:1]:
        if piece.lower() in COUNTRIES:
            return piece
    following = below[0].strip() if below else ""
    following = _SPLIT.split(following)[0].rstrip(",")
    return following if following.lower() in COUNTRIES else None
