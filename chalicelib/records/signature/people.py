"""The sender's name, title and company in a signature block.

The name is the block's segment that matches the From header's name (or the address's local part
"anna.mueller"), split by `nameparser`; a compound surname ("García López", "van der Berg") stays
whole: nameparser puts the first of two full surnames in `middle`, and Salesforce's LastName is
the one field a Lead cannot lack, so full middle words join the last name (initials are dropped).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

SEGMENT_SPLIT = re.compile("\\s+[|•·\u2013\u2014]\\s+|\\s+-\\s+|\\s{3,}|\\t")
_AT_SPLIT = re.compile(r"\s+(?:at|@|bei|chez|en)\s+", re.IGNORECASE)
COMPANY_SUFFIX = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|ag|se|sa|sas|sarl|s\.a|s\.l|s\.a\.s|sl|pty|corp|corporation|co"
    r"|plc|kg|llp|lp|bv|b\.v|nv|group|gruppe|holdings|partners|technologies|solutions"
    r"|consulting|labs|systems|software|studio|agency|associates|industries|logistics"
    r"|analytics|ventures|capital|media|networks|bank|insurance|foods|pharma)\b\.?\)?$",
    re.IGNORECASE,
)
_TITLE_WORDS = """
    manager director head vp svp evp avp president chief ceo cto cfo coo cmo cio cro ciso founder
    cofounder partner owner engineer consultant specialist representative executive
    analyst officer coordinator associate lead architect developer designer advisor adviser
    administrator assistant recruiter account accounts sales marketing counsel attorney lawyer
    principal strategist scientist researcher product operations controller treasurer secretary
    supervisor agent broker buyer planner editor producer trainer teacher professor intern
    geschäftsführer geschäftsführerin leiter leiterin vertrieb vertriebsleiter berater beraterin
    referent referentin prokurist vorstand inhaber inhaberin ingenieur ingenieurin entwickler
    entwicklerin mitarbeiter mitarbeiterin kundenberater projektleiter teamleiter
    directeur directrice responsable chef chargé chargée commercial commerciale ingénieur gérant
    gérante président présidente conseiller conseillère fondateur fondatrice associé associée
    director directora gerente jefe jefa responsable ejecutivo ejecutiva comercial ingeniero
    ingeniera consultor consultora fundador fundadora socio socia presidente asesor asesora
    ventas
    """


_DOMAIN_LIKE = re.compile(r"^(?:\w+:\s*)?[\w-]+(?:\.[\w-]+)+/?$")


@dataclass(frozen=True)
class Name:
    line: int
    segment: str
    first: str | None
    last: str | None


def fold(text: str) -> str:
    """Lower case without accents: "Müller" and "muller" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", fold(text))


TITLE_WORDS = frozenset(words(_TITLE_WORDS))


def segments(line: str) -> list[str]:
    return [s.strip(" ,;") for s in SEGMENT_SPLIT.split(line) if s.strip(" ,;")]


def find_name(lines: Sequence[str], sender_name: str | None, sender_email: str) -> Name | None:
    """The segment naming the sender (the From name's first and last word, or the local part's
    words), else a name-shaped first line."""
    wanted = _wanted_words(sender_name, sender_email)
    for index, line in enumerate(lines[:8]):
        for segment in segments(line):
            if _names_sender(segment, wanted):
                return _split_name(index, _strip_company(segment))
    if lines and (candidate := segments(lines[0])) and looks_like_name(candidate[0]):
        return _split_name(0, candidate[0])
    return None


def _wanted_words(sender_name: str | None, sender_email: str) -> list[str]:
    from nameparser import HumanName  # on first use: it costs ~35 ms of cold start

    from_words = words(sender_name or "")
    if from_words:
        parsed = HumanName(sender_name or "")
        first, last = words(parsed.first), words(parsed.last)
        return [w for w in (first[:1] + last[-1:]) if w] or from_words[:2]
    local = sender_email.split("@", 1)[0]
    parts = [w for w in re.split(r"[._-]+", fold(local)) if w.isalpha() and len(w) > 1]
    return parts[:2] if len(parts) >= 2 else []


def _names_sender(segment: str, wanted: Sequence[str]) -> bool:
    if not wanted or "@" in segment or any(c.isdigit() for c in segment):
        return False
    have = words(segment)
    return len(have) <= 7 and all(w in have for w in wanted)


def _strip_company(segment: str) -> str:
    """ "Anna Müller, Acme GmbH" names Anna; a trailing credential ("CPA") stays for nameparser."""
    head, _, tail = segment.partition(",")
    return head if tail and COMPANY_SUFFIX.search(tail.strip()) else segment


def looks_like_name(segment: str) -> bool:
    tokens = segment.split()
    if not 2 <= len(tokens) <= 4 or any(c.isdigit() or c in "@/:" for c in segment):
        return False
    if COMPANY_SUFFIX.search(segment) or is_title(segment):
        return False
    return all(
        t[0].isupper() or t.lower() in {"van", "von", "de", "der", "la", "le", "del"}
        for t in tokens
    )


def _split_name(index: int, segment: str) -> Name:
    from nameparser import HumanName

    parsed = HumanName(segment)
    first = parsed.first or None
    middle = [m for m in parsed.middle_list if len(m.rstrip(".")) > 1]
    last = " ".join([*middle, parsed.last]).strip() or None
    if last and last not in segment:
        last = parsed.last or None
    return Name(index, segment, first, last)


def is_title(segment: str) -> bool:
    if any(c.isdigit() or c in "@/" for c in segment) or len(segment) > 80:
        return False
    return any(w in TITLE_WORDS for w in words(segment))


def is_company(segment: str, domain_label: str | None) -> bool:
    if "@" in segment or "/" in segment or len(segment) > 60 or _DOMAIN_LIKE.match(segment):
        return False
    if COMPANY_SUFFIX.search(segment):
        return True
    return domain_label is not None and _matches_domain(segment, domain_label)


def _matches_domain(segment: str, domain_label: str) -> bool:
    squashed = "".join(words(segment))
    label = re.sub(r"[^a-z]", "", domain_label.lower())
    if len(squashed) < 3 or len(label) < 3:
        return False
    return squashed.startswith(label) or label.startswith(squashed)


def title_and_company(
    lines: Sequence[str], name: Name | None, domain_label: str | None
) -> tuple[str | None, str | None]:
    """The first title-like and company-like segments after the name (or anywhere)."""
    title: str | None = None
    company: str | None = None
    start = name.line if name else 0
    for line in lines[start : start + 6]:
        for segment in segments(line):
            if name and segment == name.segment:
                continue
            found_title, found_company = _classify(segment, domain_label)
            title = title or found_title
            company = company or found_company
    return title, company


def _classify(segment: str, domain_label: str | None) -> tuple[str | None, str | None]:
    if any(c.isdigit() for c in segment):
        # "Proseware Ltd, 40 Spring Gardens, Manchester M2 1EN": a company may lead an address
        first = segment.partition(",")[0].strip()
        digitless = not any(c.isdigit() for c in first)
        return None, (first if digitless and COMPANY_SUFFIX.search(first) else None)
    head, sep, tail = _split_title_company(segment, domain_label)
    if sep:
        return (head if is_title(head) else None), tail
    if is_company(segment, domain_label):
        return None, segment
    return (segment if is_title(segment) else None), None


def _split_title_company(segment: str, domain_label: str | None) -> tuple[str, str, str]:
    """ "VP Sales at Acme" / "Head of Sales, Acme GmbH" -> (title, separator, company)."""
    at = _AT_SPLIT.search(segment)
    if (at and is_company(segment[at.end() :], domain_label)) or (
        at and is_title(segment[: at.start()])
    ):
        return segment[: at.start()], at.group(0), segment[at.end() :]
    head, sep, tail = segment.rpartition(", ")
    if sep and is_company(tail, domain_label) and is_title(head):
        return head, sep, tail
    return segment, "", ""
