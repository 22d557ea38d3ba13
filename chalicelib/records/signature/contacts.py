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
    "|nz|se|no|dk|fi|pt|pl|cz|br|jp|in|sg|za|design|studio|agency|digital|media|cloud|online"
    "|site|shop|store|solutions|consulting|group|law|legal|health|finance|capital|partners"
    "|ventures|global|works|company|energy|systems|software|services|me|tv"
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
        "hp",  # "handphone" (Singapore, Malaysia): "HP: +65 9555 0123"
        "whatsapp",  # a WhatsApp number is a mobile's
    }
)
FAX_LABELS = frozenset(
    {"f", "fax", "fx", "telefax", "télécopie", "télécopieur", "téléc", "telec", "facsimile"}
)
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
    general: bool = False  # the company's line ("Main", "Switchboard"), not the person's


def emails(lines: Sequence[str]) -> list[str]:
    return [m.group(0).rstrip(".") for line in lines for m in EMAIL.finditer(line)]


def linkedin_urls(lines: Sequence[str]) -> list[str]:
    return [m.group(0) for line in lines for m in LINKEDIN.finditer(line)]


def websites(lines: Sequence[str], domain: str = "") -> list[str]:
    """Web addresses, not the domain of an email address nor a LinkedIn URL. The sender's own
    domain written bare counts whatever its top-level domain ("lumendata.example")."""
    pattern = WEBSITE
    if domain and "." in domain:
        own = rf"|(?<![@\w.-])(?:www\.)?{re.escape(domain)}(?:/[\w/%.~#?=&+-]{{0,150}})?(?![\w@-])"
        pattern = re.compile(WEBSITE.pattern + own, re.IGNORECASE)
    found = []
    for line in lines:
        for match in pattern.finditer(line):
            url = match.group(0).rstrip(".,;")
            if _SOCIAL.search(url) or _is_in_email(line, match.end()):
                continue
            if not _SCHEDULING.search(line[: match.start()]) and not _SCHEDULING.search(url):
                found.append(url)
    return found or [line for line in lines if _own_bare_host(line, domain)]


_BARE_HOST = re.compile(r"^(?:www\.)?(?P<label>[a-z0-9-]+)\.[a-z0-9.-]*[a-z]$", re.IGNORECASE)
_SAME_START = 5  # "northgate.example" from "northgateprop": the first five letters agree


def _own_bare_host(line: str, domain: str) -> bool:
    """A line that is only a host name close to the sender's domain: a website written as link
    text or bare under another spelling of the domain ("brightwell.example" sent from
    "bright-well-labs.example"), not another company's or a product's address."""
    match = _BARE_HOST.match(line.strip())
    labels = [part for part in domain.split(".") if part]
    if match is None or len(labels) < 2:
        return False
    have = match["label"].lower().replace("-", "")
    own = max(labels[:-1], key=len).replace("-", "")
    return have == own or (len(have) >= _SAME_START and have[:_SAME_START] == own[:_SAME_START])


# a profile on a social network is the person's or the company's page there, not its website
_SOCIAL = re.compile(
    r"(^|[/.])(linkedin|facebook|instagram|twitter|x|youtube|tiktok|xing|pinterest|threads)\.com\b",
    re.IGNORECASE,
)


# a link to book a meeting ("Book a meeting with me: ...", Calendly, HubSpot meetings) is the
# person's calendar, not the company's website
_SCHEDULING = re.compile(
    r"\b(book|schedule|calendly|meetings?|appointment|termin buchen|prendre rendez-vous)\b",
    re.IGNORECASE,
)


def _is_in_email(line: str, end: int) -> bool:
    return end < len(line) and line[end] == "@"


# Where a national number is tried when the signature's own region does not make it valid
FALLBACK_REGIONS = ("US", "GB", "DE", "FR", "AU", "CA", "ES")


def phones(lines: Sequence[str], region: str | Sequence[str]) -> list[Phone]:
    """Numbers in the national format of the first of `region` (the regions the signature
    points to, most telling first) that makes them valid, or international. Without such a
    region, the number's own shape may tell ("(415) 555-0199" is North American, "01 42 68 53
    01" French, "06-6123-4567" Japanese); else the other regions the product serves are tried
    and a reading kept only when one is best: "(02) 9374 4000" is Sydney or Hamburg, so none."""
    regions = [region] if isinstance(region, str) else list(region)
    found = []
    label = ""
    for line in lines:
        line = _VANITY.sub(_vanity_digits, _IDENTIFIER.sub(" ", line))
        if sum(c.isdigit() for c in line) < _MIN_DIGITS:
            label = line if _bare_label(line) else label if not line else ""
            continue
        if label and line[:1] in "+(0123456789":
            line = f"{label}: {line}"  # the label in a cell of its own: "m" / "404.555.0163"
        label = ""
        found.extend(_first_valid(line, [r for r in regions if r]))
    return found


# a registration, tax or document-exchange number, never a telephone: "ABN 12 345 678 901",
# "VAT GB 123 4567 89", "SIRET 123 456 789 00012", "DX 12345 Norwich"
_IDENTIFIER = re.compile(
    r"\b(abn|acn|gst|vat|siret|siren|tva|ein|npi|dx|hrb|iban|ust-?idnr|steuer-?nr|utr|kvk"
    r"|company (no|number)|reg(istration)?\.? no)\.?\s*[:#]?\s*([a-z]{2}\s?)?\d[\d ./-]*\d",
    re.IGNORECASE,
)


# a North American toll-free number spelt with letters: "1-888-GO-HAULS", "(800) FLOWERS"
_VANITY = re.compile(
    r"(?<![\w+-])(?:1[-. ]\(?|\()(?P<area>8(?:00|33|44|55|66|77|88))\)?[-. ]"
    r"(?P<spelt>(?=[A-Z\d-]*[A-Z])[A-Z\d]{1,7}(?:-[A-Z\d]{1,7}){0,2})(?![\w-])"
)


def _vanity_digits(match: re.Match[str]) -> str:
    """The number a vanity number dials: its first seven letters or digits on the keypad."""
    import phonenumbers

    spelt = match["spelt"].replace("-", "")
    if len(spelt) < 7:
        return match.group(0)
    digits = phonenumbers.convert_alpha_characters_in_number(spelt[:7])
    return f"1-{match['area']}-{digits[:3]}-{digits[3:]}"


def _bare_label(line: str) -> bool:
    """A line that is only a phone label ("o", "Mobile:", an icon's "mobilePhone")."""
    return (
        len(line) <= 20
        and not any(c.isdigit() for c in line)
        and (phone_kind(line) is not None and len(line.split()) <= 2)
    )


def _first_valid(line: str, regions: Sequence[str]) -> list[Phone]:
    """Read in the block's regions; only when the block points to none does the number's own
    shape or the one best reading tell. A number no region of the block makes valid is left
    out, not placed in a country the block contradicts ("Tel: 090-555 01 23" under a Swedish
    "AB" is not French; "São Paulo - SP, 04538-133" is a postcode)."""
    for region in regions:
        if found := _phones_in(line, region):
            return found
    if regions:
        return []
    for shape, region in _SHAPES:
        if shape.search(line) and (found := _phones_in(line, region)):
            return found
    return _unambiguous(line, "")


# a national number's own shape, where it points to one country
_SHAPES = (
    (re.compile(r"(?<![\d+])\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}(?!\d)"), "US"),
    (re.compile(r"(?<![\d+])0[1-9](?:[ .]\d{2}){4}(?!\d)"), "FR"),
    (re.compile(r"(?<![\d+])0\d{1,4}-\d{2,4}-\d{4}(?!\d)"), "JP"),
    (re.compile(r"(?<![\d+])\(\d{2}\) ?\d{4,5}-\d{4}(?!\d)"), "BR"),
)


def _unambiguous(line: str, tried: str) -> list[Phone]:
    """The one reading that makes the most numbers of the line valid, if only one does."""
    readings = {
        tuple(found)
        for other in FALLBACK_REGIONS
        if other != tried and (found := _phones_in(line, other))
    }
    most = max((len(reading) for reading in readings), default=0)
    best = [reading for reading in readings if len(reading) == most]
    if len(best) > 1 and phone_kind(line) == "mobile":
        # "M 0423 456 789": a mobile label keeps the reading that is a mobile
        best = [reading for reading in best if _all_mobile(reading)]
    if len(best) > 1:
        best = _grouped_as_written(best)
    return list(best[0]) if len(best) == 1 else []


def _grouped_as_written(readings: Sequence[tuple[Phone, ...]]) -> list[tuple[Phone, ...]]:
    """The readings whose country groups the digits as the line does: "029 2018 0734" is how
    the UK writes a Cardiff number (Germany would write "02920 180734")."""
    scores = [sum(_shared_breaks(phone) - 1 for phone in reading) for reading in readings]
    top = max(scores)  # each number's end is a break every reading shares: not counted
    return [r for r, score in zip(readings, scores, strict=True) if score == top and top > 0]


def _shared_breaks(phone: Phone) -> int:
    import phonenumbers

    national = phonenumbers.format_number(
        phonenumbers.parse(phone.e164), phonenumbers.PhoneNumberFormat.NATIONAL
    )
    written, own = _breaks(phone.raw), _breaks(national)
    return len(written & own) - len(own - written)  # a break the line does not make counts against


def _breaks(written: str) -> set[int]:
    """Where the digit groups of a written number end, counted in digits."""
    breaks, digits = set(), 0
    for group in re.findall(r"\d+", written):
        digits += len(group)
        breaks.add(digits)
    return breaks


def _all_mobile(reading: Sequence[Phone]) -> bool:
    import phonenumbers

    mobile = phonenumbers.PhoneNumberType.MOBILE
    return all(
        phone.kind == "mobile"
        and phonenumbers.number_type(phonenumbers.parse(phone.e164)) == mobile
        for phone in reading
    )


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
    for position, match in enumerate(matches):
        label_text = _after_bracket(line[previous_end : match.start], position)
        previous_end = match.end
        if _inside_url_or_email(line, match.start):
            continue
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        last = position == len(matches) - 1
        following = line[match.end : None if last else matches[position + 1].start]
        # the kind goes by the label (issue 14), never by the number's range: unlabelled is
        # the phone, even "06 ..." in France
        kind = _kind(phone_kind(label_text), _kind_after(following, last)) or "phone"
        general = bool(_GENERAL_LINE.search(label_text[-16:] + " " + following[:12])) or (
            phonenumbers.number_type(match.number) == phonenumbers.PhoneNumberType.TOLL_FREE
        )
        found.append(Phone(kind, e164, match.raw_string, general))
    return found


def _kind(before: str | None, after: str | None) -> str | None:
    """ "Tél. 07 55 55 01 22 (portable)": a mobile or fax label after the number is the more
    precise one."""
    return after if after in {"mobile", "fax"} else before or after


def _inside_url_or_email(line: str, start: int) -> bool:
    """Digits glued to a URL or an address ("/in/jo-1234567", "jo1234567@"); a " / " between
    the address and the number is a separator ("CA 90013 / 213.555.0172")."""
    while start < len(line) and line[start].isspace():
        start += 1  # the matcher's raw string may start with the space before the number
    before = line[:start].split(" ")[-1] if start else ""
    return "/" in before or "@" in before


def _after_bracket(text: str, position: int) -> str:
    """The label text before a number without the previous number's "(o)" or "(main)": that
    one labels the number before it ("615 555 0140 (o) // 615 555 0141 (c)")."""
    bracketed = re.match(r"\s*\([^\W\d_]+\)", text) if position else None
    return text[bracketed.end() :] if bracketed else text


def _kind_after(text: str, last: bool) -> str | None:
    """A label after the number: "(cell)", "(M)", or "office" ending the line."""
    bracketed = re.match(r"\s*\(([^\W\d_]+)\)", text)
    if bracketed:
        return phone_kind(bracketed[1])
    trailing = re.fullmatch(r"\s*([^\W\d_]+)\W*", text) if last else None
    return phone_kind(trailing[1]) if trailing else None


# the company's switchboard or toll-free line: a person's direct line goes before it
_GENERAL_LINE = re.compile(
    r"\b(main|switchboard|zentrale|standard|reception|empfang|centralino|centralita"
    r"|toll[- ]?free|freephone|numéro vert)\b",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"([a-z])([A-Z])")
_WHATSAPP = re.compile(r"whats\s?app", re.IGNORECASE)
_ICON_WORDS = str.maketrans(
    {"\U0001f4f1": " mobile ", "\U0001f4f2": " mobile ", "\U0001f4de": " phone ",
     "\u260e": " phone ", "\u2706": " phone ", "\U0001f4e0": " fax "}
)  # fmt: skip


def phone_kind(label_text: str) -> str | None:
    """The kind named by the label just before a number: "T: ", "Mob. ", "Fax ", "(M) "; None
    when there is no label."""
    label_text = _WHATSAPP.sub("whatsapp", label_text)  # one word, whatever its casing
    label_text = _CAMEL.sub(r"\1 \2", label_text)  # an icon's alt text: "mobilePhone"
    label_text = label_text.translate(_ICON_WORDS)  # "📱 +1 813 ...": the icon is the label
    found = re.findall(r"[^\W\d_]+", label_text.lower())[-2:]
    kinds = [_word_kind(word) for word in reversed(found)]
    if kinds[1:] == ["mobile"] and kinds[0] == "phone" and " " in label_text.strip():
        return "mobile"  # "Mobile Phone", "mobilePhone": the phone word is generic
    return next((kind for kind in kinds if kind), None)


def _word_kind(word: str) -> str | None:
    if word in MOBILE_LABELS:
        return "mobile"
    if word in FAX_LABELS:
        return "fax"
    return "phone" if word in PHONE_LABELS else None
