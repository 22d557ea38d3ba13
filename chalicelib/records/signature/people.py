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

SEGMENT_SPLIT = re.compile("\\s+(?:[|•·\u2013\u2014/]|//)\\s+|\\s+-\\s+|\\s{3,}|\\t")
_AT_SPLIT = re.compile(r"\s+(?:at|@|bei|chez|en)\s+", re.IGNORECASE)
COMPANY_SUFFIX = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|ag|se|sa|sas|sarl|s\.a|s\.l|s\.a\.s|sl|pty|corp|corporation|co"
    r"|plc|kg|llp|lp|bv|b\.v|nv|group|gruppe|holdings|partners|technologies|solutions"
    r"|lda|ltda|srl|s\.r\.l|spa|s\.p\.a|sro|s\.r\.o|p\.c|n\.a|c\.v|oü|oy|ab|as|a/s|aps|sprl"
    r"|bvba|ltée|ltee|kk|pte|bhd|sdn|pllc|lllp|e\.v|mbh|ug|e\.k|e\.kfm|ohg|gbr|kgaa"
    r"|consulting|labs|systems|software|studio|agency|associates|industries|logistics"
    r"|analytics|ventures|capital|media|networks|bank|insurance|foods|pharma"
    # a professional firm named by its trade in the plural: "Chartrand Bélanger avocats"
    r"|avocats|notaires|architectes|rechtsanwälte|steuerberater|abogados|avvocati|advocaten"
    r"|attorneys|solicitors|lawyers|accountants|architects)\b\.?\)?$",
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
    procurement purchasing accountant disponent disponentin acheteur acheteuse administrateur
    administratrice délégué déléguée gestor gestora responsabile direttore direttrice
    projectleider leider leder vedoucí ředitel ředitelka dyrektor kierownik directeur
    affairs finance compliance regulatory
    coordinatrice coordinadora coordinador adjoint adjointe assistante comptable technicien
    technicienne vendeur vendeuse buyer
    lecturer dean provost registrar librarian nurse physician surgeon pharmacist therapist
    clinician solicitor barrister paralegal clerk superintendent dispatcher estimator foreman
    inspector technician commissioner councillor sachbearbeiter sachbearbeiterin
    """
# the end of a compound job word: "Projektmanagerin", "Teamleiterin", "Inköpschef"
_TITLE_ENDINGS = (
    "manager", "managerin", "leiter", "leiterin", "chef", "leder", "leider", "berater",
    "beraterin", "referent", "referentin", "direktor", "direktorin", "ingenieur", "ingenieurin",
    "entwickler", "entwicklerin", "assistent", "assistentin", "koordinator", "koordinatorin",
    "spezialist", "spezialistin", "officer", "director", "arzt", "arztin",
)  # fmt: skip
# "Head of Asset Systems", "Director of Nursing": a job word and "of" make a title, whatever
# company words ("Systems", "Group") follow
_TITLE_OF = re.compile(
    r"^(?P<job>[^\W\d_]+)(\s[^\W\d_]+)?\s(of|for|der|des|du|de la)\s", re.IGNORECASE
)
# a region after a title: "State Manager - NSW", "Regional Sales Director - MENA"
_TITLE_REGION = re.compile(r"\s+[-\u2013]\s+[A-Z]{2,5}$")
_TITLE_DEPARTMENT = re.compile(r"\s+[-\u2013]\s+([A-Z][^\W\d_]*(?: [A-Z&][^\W\d_]*){0,2})$")


# a word that names an organisation wherever it stands: "Northstar Insurance Company of Canada",
# "Sun Valley Unified School District", "Clinique dentaire Lavoie"
_ORGANISATION = re.compile(
    r"\b(company|compagnie|association|society|foundation|fondation|stiftung|institute|institut"
    r"|university|université|universität|universidad|college|school|district|council|authority"
    r"|agency|hospital|clinic|clinique|klinik|cooperative|co-operative|federation|bank|banque"
    r"|trust|church|museum|ministry|department of|city of|town of|county of|ville de"
    r"|stadt|gemeente|comune di|ayuntamiento de)\b",
    re.IGNORECASE,
)
# a legal form written with a slash: Danish/Norwegian "A/S", "ApS" aside
_SLASHED_FORM = re.compile(r"\b(a/s|i/s|k/s|p/s)$", re.IGNORECASE)
_DOMAIN_LIKE = re.compile(r"^(?:\w+:\s*)?[\w-]+(?:\.[\w-]+)+/?$")


@dataclass(frozen=True)
class Name:
    line: int
    segment: str
    first: str | None
    last: str | None
    rest: str = ""  # what follows the name in its segment: "Dwayne Porter, VP of Finance"


def fold(text: str) -> str:
    """Lower case without accents: "Müller" and "muller" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", fold(text))


TITLE_WORDS = frozenset(words(_TITLE_WORDS))


# pictographs leading a line or a part: "🏢 Acme Ltd", "👤 Jo Bloggs" (icons, not words)
_ICON_LEAD = re.compile("^[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d\\s]+")


def segments(line: str) -> list[str]:
    parts = (_ICON_LEAD.sub("", s).strip(" ,;") for s in SEGMENT_SPLIT.split(line))
    return [s for s in parts if s]


# "Karen Lee on behalf of Tom Bradley": an assistant sending from (or for) her manager's
# mailbox; the person the mail is from is the manager (the sets' assistant convention)
_ON_BEHALF = re.compile(
    r"^.+?\s+(?:on behalf of|im auftrag von|de la part de|en nombre de|a nombre de|"
    r"per conto di|a nome di|namens|uit naam van)\s+(?P<principal>.+)$",
    re.IGNORECASE,
)


def principal(name: str | None) -> str | None:
    """ "X on behalf of Y" (EN/DE/FR/ES/IT/NL) -> "Y"; any other name unchanged."""
    match = _ON_BEHALF.match(name.strip()) if name else None
    return match["principal"].strip(" \"'") if match else name


def find_name(lines: Sequence[str], sender_name: str | None, sender_email: str) -> Name | None:
    """The segment naming the sender (the From name's first and last word, or the local part's
    words), else a name-shaped first line; "Name, Title" keeps the title as `rest`."""
    brand = is_brand(sender_name, sender_email)
    wanted = [] if brand else _wanted_words(sender_name, sender_email)
    hints = _NameHints.of(sender_name, sender_email, wanted)
    nonblank = [index for index, line in enumerate(lines) if line][:8]
    for index in nonblank:  # HTML bodies put blank lines between a signature's lines
        line = lines[index]
        for segment in segments(line):
            segment = principal(segment) or segment
            head, rest = _name_and_rest(_NAME_LABEL.sub("", segment))
            if is_organisation(head) or only_legal_form(rest):
                continue  # "Limmat Versicherungen AG" under a From name "Limmat Versicherungen"
            if _names_sender(head, wanted):
                if (above := _person_above(lines, index)) is not None:
                    return _split_name(above, lines[above], lines[above], "", hints)
                return _split_name(index, segment, head, rest, hints)
            if rest and _names_sender(segment, wanted):  # "Müller, Anna"
                return _split_name(index, segment, segment, "", hints)
    top = _head_line(lines, wanted)
    if top is not None and (candidate := segments(lines[top])):
        head, rest = _name_and_rest(_NAME_LABEL.sub("", candidate[0]))
        if _first_line_name(head, sender_name if brand else None) and not only_legal_form(rest):
            return _split_name(top, candidate[0], head, rest, hints)
    return None


def _head_line(lines: Sequence[str], wanted: Sequence[str]) -> int | None:
    """The line a name heads the block on: the first, or the next one when the first is the
    sign-off's short name ("Mike" over "Michael Ruiz", the surname the From header's) or a
    logo's or company's line ("Darwin Marine Services" over "Leanne Brooks")."""
    nonblank = [index for index, line in enumerate(lines) if line.strip()][:2]
    if len(nonblank) < 2:
        return nonblank[0] if nonblank else None
    first, second = (lines[i].strip() for i in nonblank)
    if len(segments(first)) != 1:
        return nonblank[0]  # "Robert Brown | CTO | Thames Digital plc"
    if len(first.split()) == 1 and first.isalpha():
        surname = wanted[-1:] if len(wanted) == 2 else []
        return nonblank[1] if all(w in words(second) for w in surname) else nonblank[0]
    if is_organisation(first) or COMPANY_SUFFIX.search(first) or _NOT_PERSON & set(words(first)):
        return nonblank[1]
    return nonblank[0]


def _person_above(lines: Sequence[str], index: int) -> int | None:
    """ "Mary-Kate Doucette / Principal Designer / Halifax Harbour Design" under a From header
    "Halifax Harbour Design": the line naming the sender is the company's line of a stacked
    signature whose name heads it two lines above, over its title."""
    above = [i for i in range(index) if lines[i].strip()][-2:]
    if len(above) != 2 or not is_title(lines[above[1]]):
        return None
    name = lines[above[0]]
    return above[0] if looks_like_name(name) and not has_digit_or_mark(name) else None


def has_digit_or_mark(text: str) -> bool:
    return any(c.isdigit() or c in "@|:" for c in text)


def _first_line_name(head: str, brand: str | None) -> bool:
    """A name-shaped first line; under a brand's From header, never the brand's own name
    ("ParcelPoint Cloud" from "ParcelPoint", "Hotel Canal" from "Hotel Canal Grande"), but a
    person who shares a word of it: "Sabine Krause" signing for "Metallbau Krause"."""
    if brand:
        have, brand_words = set(words(head)), set(words(brand))
        if have <= brand_words or brand_words <= have:
            return False
    return not COMPANY_SUFFIX.search(head) and looks_like_name(_bare_name(head, ()))


# a field label before the name, as in a contact card or a form: "Name: Anna Schmidt"
_NAME_LABEL = re.compile(r"^(name|full name|nom|nombre|nome|naam|navn|namn|fn)\s*:\s*", re.I)
# honorifics and signing authority before a name: "Dr.", "Dre", "Prof. Dr.-Ing.", "Maître",
# "Dott.ssa", "i. A." (im Auftrag), "ppa."; they are not part of the name (Salesforce has
# Salutation for the first few)
_HONORIFICS = frozenset(
    words(
        "dr dre dra drs doc prof professor ing dipl dott dottssa avv arch mag mr mrs ms miss mx "
        "mme mlle herr frau sr sra srta don dona maitre me sir dame rev hon ppa pp eng"
    )
)
_AUTHORITY = re.compile(r"^(i\.\s?[av]\.|ppa\.|pp\.|p\.\s?p\.)\s+", re.IGNORECASE)
# a credential after a name: "PhD", "CEng", "BA(Hons)", "RIBA" beside a name not in capitals
_CREDENTIAL = re.compile(r"^(\(.*\)|\S*[a-z]\S*[A-Z]\S*|[A-Z]{2,}[\w()]*|(phd|mba|esq|dmd)\.?)$")


def _bare_name(head: str, wanted: Sequence[str]) -> str:
    """The name without the honorifics before it and the credentials or nickname after it
    ("Prof. Dr.-Ing. Heinrich Lehmann", "Charlotte Evans BA(Hons) MArch RIBA", "Chen Shu
    (Sharon)"); a word of the From header's name is never dropped, nor the last two words."""
    tokens = _AUTHORITY.sub("", head).split()
    while len(tokens) > 2 and _is_honorific(tokens[0]) and fold(tokens[0]) not in wanted:
        tokens.pop(0)
    capitals = all(t.isupper() for t in tokens if any(c.isalpha() for c in t))
    while len(tokens) > 2 and not (set(words(tokens[-1])) & set(wanted)):
        token = tokens[-1]
        if not _CREDENTIAL.match(token) or (capitals and token.isalpha()):
            break
        tokens.pop()
    return " ".join(tokens)


def _credentials(text: str) -> bool:
    """ "RN, MSN", "CPA", "dmd": letters after a name, no title."""
    tokens = text.replace(",", " ").split()
    return (
        bool(tokens)
        and not is_title(text)
        and all(
            _CREDENTIAL.match(t) or (t.isalpha() and t.islower() and len(t) <= 4) for t in tokens
        )
    )


def _is_honorific(token: str) -> bool:
    return "".join(words(token)) in _HONORIFICS or bool(re.match(r"^(dr|dipl)\.-\w+\.?$", token))


def _name_and_rest(segment: str) -> tuple[str, str]:
    """ "Derek Howe, Chief Executive Officer, Kestrel Robotics Inc." -> the name and the rest;
    "Nora Abbott, CPA" -> the name and the credential (which names no title or company)."""
    head, sep, tail = segment.partition(", ")
    if not sep or any(c.isdigit() for c in segment):
        return segment, ""
    return head.strip(), tail.strip()


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
    """Every wanted word is a word of the segment; a one-letter one (the From header's "C.
    Neumann") the initial of one."""
    if not wanted or "@" in segment or any(c.isdigit() for c in segment):
        return False
    have = words(segment)
    return len(have) <= 7 and all(
        w in have or (len(w) == 1 and any(h.startswith(w) and len(h) > 1 for h in have))
        for w in wanted
    )


def looks_like_name(segment: str) -> bool:
    tokens = segment.split()
    if not 2 <= len(tokens) <= 4 or any(c.isdigit() or c in "@/:" for c in segment):
        return False
    if COMPANY_SUFFIX.search(segment) or _NOT_PERSON & set(words(segment)):
        return False
    if is_title(" ".join(t for t in tokens if fold(t) not in _NAME_LIKE_JOB_WORDS)):
        return False  # "Sales Manager"; but "Dean Martin" is a name
    return all(t[0].isupper() or t.lower() in _PARTICLES for t in tokens)


# job words that are also common given names: before other capitalised words ("Dean Martin")
# they name a person, not a post; with another job word ("Associate Dean") they are a title
_NAME_LIKE_JOB_WORDS = frozenset(words("dean"))


# words that sign for a group or name an organisation, never a person's name: "The Acme Team",
# "Customer Support", "Harbourside District Council" ("Church", "Bank", "Trust" are surnames too)
_NOT_PERSON = frozenset(
    words(
        "the team support service services desk helpdesk department customer office équipe "
        "company compagnie association society foundation fondation stiftung institute institut "
        "university université universität universidad college school district council borough "
        "county municipality authority agency hospital clinic clinique klinik ministry "
        "federation cooperative gemeinde stadtverwaltung mairie ayuntamiento comune "
        # offices and departments (EN/DE/FR/ES/NL/IT): "Ufficio Amministrazione", "Büro Köln"
        "ufficio büro bureau oficina kantoor afdeling abteilung departamento dipartimento "
        "département division sekretariat secretariat secrétariat secretaría segreteria "
        "administration amministrazione administración verwaltung buchhaltung accounting "
        "comptabilité contabilidad contabilità boekhouding marketplace"
    )
)


# a From header naming a brand, a service or a public body, not a person (EN/DE/FR/ES/NL/IT):
# "Acme Notifications", "Gemeente Duinwijk", "Kundenservice Nordlicht", "Comune di Valtorre".
# Only the From header is read this way ("Ville" and "Bank" are a given name and a surname too):
# such a sender's mail is a person's only when a name heads a signature after a sign-off.
_BRAND = re.compile(
    r"\b(stadt|gemeinde|landkreis|kreisverwaltung|ville de|commune de|mairie|préfecture"
    r"|ayuntamiento|municipio|diputación|gemeente|provincie|comune di|città di|regione"
    r"|city of|town of|county|council|bank|banque|banco|sparkasse|notifications?|alerts?"
    r"|cloud|gateway|billing|accounts payable|helpdesk|no-?reply|noreply|mailer"
    r"|\w*(service|services|dienst|support|servicio|servizio|assistenza)|team|équipe|equipo)\b",
    re.IGNORECASE,
)
# a product's CamelCase name ("ParcelPoint", "DocuQuick"); not "McNeil", "DeShawn", "LeBlanc"
_CAMEL_CASE = re.compile(r"^(?P<head>[A-Z][a-z]{2,})(?:[A-Z][a-z]+)+$")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_PREFIXES = frozenset({"mac", "van", "von", "fitz", "del", "della", "san"})


def is_brand(sender_name: str | None, sender_email: str = "") -> bool:
    """Whether the From header's name is a brand's, a product's, a department's or a public
    body's (`_BRAND`, `is_organisation`, a lone CamelCase word, the sender's own domain), not a
    person's."""
    # Outlook's "CHAUDHRY, Priya (Harbour NHS Trust)": the person's name is outside brackets
    sender_name = _BRACKETED.sub(" ", sender_name or "").strip()
    if not sender_name:
        return False
    if is_organisation(sender_name) or _BRAND.search(sender_name):
        return True
    if sender_email and names_domain(sender_name, sender_email):
        return True
    tokens = sender_name.split()
    camel = _CAMEL_CASE.match(tokens[0]) if len(tokens) == 1 else None
    return camel is not None and fold(camel["head"]) not in _NAME_PREFIXES


def names_domain(sender_name: str, sender_email: str) -> bool:
    """A From name that spells the sender's domain ("Hotel Canal Grande" of hotelcanalgrande,
    "App Review" of appstore-review) names the organisation, unless the address's local part
    writes one of its words: "Oliver Brandt" <o.brandt@brandt.example> is a person."""
    local, _, domain = fold(sender_email).rpartition("@")
    labels = [label for label in domain.split(".")[:-1] if label not in ("co", "com")]
    label = re.sub(r"[^a-z]", "", labels[-1]) if labels else ""
    named = [w for w in words(sender_name) if len(w) > 2]
    if not label or not named or any(w in re.sub(r"[^a-z]", "", local) for w in named):
        return False
    if all(w in label for w in named):
        return True
    # "Énergie Provence - Espace Pro" of energie-provence: words in a row spell the label
    spoken = words(sender_name)
    return any(
        label == "".join(spoken[i:j])
        for i in range(len(spoken))
        for j in range(i + 2, len(spoken) + 1)
    )


# a company "name" that is only a legal form: "Inc.", "GmbH", ", Ltd"
_LEGAL_FORM_ONLY = re.compile(
    r"^[\s,.]*(inc|llc|ltd|limited|gmbh|ag|se|sa|sas|sarl|s\.?a|s\.?l|sl|pty( ltd)?|corp|co"
    r"|plc|kg|llp|lp|b\.?v|n\.?v|srl|s\.?r\.?l|spa|s\.?p\.?a|oy|ab|as|a/s|aps|kk|pte( ltd)?"
    r"|bhd|ug|e\.?v|e\.?k|ohg|gbr|ltée|ltee|lda|ltda)[\s.,]*$",
    re.IGNORECASE,
)


def only_legal_form(company: str | None) -> bool:
    """ "Inc." alone names no company (a footer's "Acme, Inc." split at its comma)."""
    return bool(company) and bool(_LEGAL_FORM_ONLY.match(company or ""))


def is_organisation(text: str | None) -> bool:
    """A legal form or a group's word ("Support", "Council", "Company"): no person's name."""
    return bool(text) and bool(
        COMPANY_SUFFIX.search(text or "") or _NOT_PERSON & set(words(text or ""))
    )


def signed_by(first: str | None, last: str | None, sender_name: str | None, email: str) -> bool:
    """Whether the name found is the From header's person (its first and last word, or the
    address's local part): a person's own signature, not a name read off a company footer."""
    wanted = _wanted_words(sender_name, email)
    if not wanted or is_brand(sender_name, email):
        return False
    have = words(f"{first or ''} {last or ''}")
    return all(word in have for word in wanted)


_PARTICLES = frozenset({"van", "von", "de", "der", "den", "la", "le", "del", "da", "dos", "du"})
_PARTICLE_LISTS = [[p] for p in sorted(_PARTICLES)]


@dataclass(frozen=True)
class _NameHints:
    """What the From header and the address say about a name's parts: the local part's pieces
    ("mary.ann.cole", "jlherrera"), the From name's surname and whether the From header marks
    it ("Müller, Anna", "MÜLLER Anna")."""

    local_parts: tuple[str, ...]
    from_last: str | None
    from_marks_last: bool
    wanted: tuple[str, ...] = ()  # the words that find the name (see `_wanted_words`)
    from_tokens: tuple[str, ...] = ()  # the From name's words as written

    @staticmethod
    def of(sender_name: str | None, sender_email: str, wanted: Sequence[str]) -> _NameHints:
        local = fold(sender_email.split("@", 1)[0])
        parts = tuple(w for w in re.split(r"[._+-]+", local) if w.isalpha())
        last, marked = _from_last(sender_name or "")
        tokens = tuple(re.findall(r"[^\W\d_][\w'-]*", sender_name or ""))
        return _NameHints(parts, last, marked, tuple(wanted), tokens)

    def cased(self, value: str | None) -> str | None:
        """A name written in capitals ("SAM ADEYEMI", "DUBOIS Pierre") as the From header writes
        the same words, when it writes them otherwise: the signature only shouts."""
        if not value or not any(t.isupper() and len(t) > 1 for t in value.split()):
            return value
        by_fold = {fold(t): t for t in self.from_tokens if not t.isupper()}
        return " ".join(
            by_fold.get(fold(t), t) if t.isupper() and len(t) > 1 else t for t in value.split()
        )

    def reversed_from(self, tokens: Sequence[str]) -> bool:
        """ "Chen Shu" under a From header "Shu Chen": the signature writes the surname first."""
        first = self.wanted[0] if len(self.wanted) == 2 and self.from_tokens else None
        folded = [fold(t) for t in tokens]
        return first is not None and first != self.from_last and folded == [self.from_last, first]


def _from_last(sender_name: str) -> tuple[str | None, bool]:
    """The From name's surname (folded), and whether the header marks it as such."""
    from nameparser import HumanName

    name = sender_name.strip()
    tokens = name.split()
    upper = [t for t in tokens if len(t) > 1 and t.isupper() and t.isalpha()]
    if len(tokens) >= 2 and len(upper) == 1 and len(upper) < len(tokens):
        return fold(upper[0]), True
    last = words(HumanName(name).last) if name else []
    return (last[-1] if last else None), "," in name


def _split_name(index: int, segment: str, head: str, rest: str, hints: _NameHints) -> Name:
    from nameparser import HumanName

    head = _bare_name(head, hints.wanted)
    parsed = HumanName(head)
    given = [parsed.first] if parsed.first else []
    middle = [m for m in parsed.middle_list if len(m.rstrip(".")) > 1]
    family = [parsed.last] if parsed.last else []
    given, family = _regroup(given, middle, family, head, hints)
    first = " ".join(given) or None
    last = " ".join(family) or None
    if last and last not in head:
        last = parsed.last or None
    if first and first not in head:
        first = parsed.first or None
    return Name(index, segment, hints.cased(first), hints.cased(last), rest)


def _regroup(
    given: list[str], middle: list[str], family: list[str], head: str, hints: _NameHints
) -> tuple[list[str], list[str]]:
    """Given names and surnames. nameparser puts all but the first and last word in `middle`;
    full middle words join the surname ("María García López": "García López", and Salesforce's
    LastName is the one field a Lead cannot lack) unless the address or the From header shows
    them given ("mary.ann.cole", "jlherrera" for "José Luis Herrera Campos"), or the From header
    marks the surname that the signature writes first ("MÜLLER Anna", "Müller, Anna")."""
    tokens = [*given, *middle, *family]
    if _surname_first(tokens, head, hints) or _address_reverses(tokens, hints):
        return tokens[1:], tokens[:1]
    count = _given_count([fold(t) for t in tokens], hints)
    particle = next((i for i, t in enumerate(tokens) if t.split()[:1] in _PARTICLE_LISTS), 0)
    if count is None and particle >= 2:
        count = particle  # "Ana Paula de Souza Lima": the surname starts at its particle
    if count is None:
        count = 2 if len(middle) == 2 and len(tokens) == 4 and not _particle(family) else 1
    count = min(max(count, len(given)), len(tokens) - 1) if len(tokens) > 1 else len(tokens)
    return tokens[:count], tokens[count:]


def _particle(family: Sequence[str]) -> bool:
    return any(w.lower() in _PARTICLES for part in family for w in part.split())


def _surname_first(tokens: Sequence[str], head: str, hints: _NameHints) -> bool:
    """ "MÜLLER Anna", or "Müller Anna" under a From header "Müller, Anna" (nameparser reorders
    "Müller, Anna" itself)."""
    if len(tokens) != 2 or "," in head or not head.startswith(tokens[0]):
        return False
    written_first, written_last = tokens
    if written_first.isupper() and len(written_first) > 1 and not written_last.isupper():
        return True
    if _address_agrees(tokens, hints):
        return False  # "Reto Baumann" from r.baumann@ under a From header "Baumann Reto"
    if hints.reversed_from(tokens):
        return True
    return hints.from_marks_last and fold(written_first) == hints.from_last


def _address_agrees(tokens: Sequence[str], hints: _NameHints) -> bool:
    """The address writes the two words in the signature's order ("helen.crawford@",
    "r.baumann@", "rbaumann@"): the signature's first word is the given name, whatever order a
    directory's From header ("Crawford Helen", "Baumann Reto") uses."""
    first, last = (fold(t) for t in tokens)
    parts = hints.local_parts
    if not first or not last or first == last:
        return False
    if len(parts) >= 2:
        return parts[-1] == last and parts[0] in (first, first[0])
    return bool(parts) and parts[0] in (first + last, first[0] + last)


def _address_reverses(tokens: Sequence[str], hints: _NameHints) -> bool:
    """ "Lim Wei Ling" from wei.ling.lim@: the address writes the given names first, so the
    signature's first word is the surname."""
    folded = [w for t in tokens for w in words(t)]
    parts = list(hints.local_parts)
    return len(folded) >= 2 and parts == [*folded[1:], folded[0]]


def _given_count(folded: Sequence[str], hints: _NameHints) -> int | None:
    """How many leading words are given names, when the address, the From name or a common
    compound given name ("María José", "Mary Ann", "Jean Luc") tells."""
    parts = hints.local_parts
    for count in range(len(folded) - 1, 1, -1):
        given, surname = folded[:count], folded[count]
        if list(parts[: count + 1]) == [*given, surname]:  # "mary.ann.cole"
            return count
        if parts and parts[0] == "".join(w[:1] for w in given) + surname:  # "jlherrera"
            return count
    last = hints.from_last
    if last and last in folded[1:-1]:
        return folded.index(last, 1)  # "José Luis Herrera" for "José Luis Herrera Campos"
    if len(folded) >= 3 and folded[0] in _COMPOUND_FIRST and folded[1] in _COMPOUND_SECOND:
        return 2
    return None


# Given names that commonly form a compound given name, first and second element (Spanish,
# Portuguese, French, English): "María José", "Juan Carlos", "Mary Ann", "Jean Luc"
_COMPOUND_FIRST = frozenset(
    words(
        "maría maria josé jose juan ana luis josep joão joao pedro carlos francisco miguel "
        "mary anne ann marie jean jo sarah"
    )
)
_COMPOUND_SECOND = frozenset(
    words(
        "josé jose luis carlos manuel antonio maría maria elena isabel carmen teresa fernanda "
        "eduardo miguel pablo ángel angel jesús ignacio javier francisco alberto andrés andres "
        "pedro paulo pilar luisa victoria eugenia cristina ann anne sophie marie pierre louis "
        "paul luc claude michel françois francois philippe baptiste beth lou kay rose grace "
        "jane lynn sue ellen louise elizabeth catherine"
    )
)


def is_title(segment: str) -> bool:
    if any(c.isdigit() or c in "@/" for c in segment) or len(segment) > 80:
        return False
    return any(w in TITLE_WORDS or w.endswith(_TITLE_ENDINGS) for w in words(segment))


def is_company(segment: str, domain_label: str | None) -> bool:
    if "@" in segment or len(segment) > 60 or _DOMAIN_LIKE.match(segment):
        return False
    if "/" in _SLASHED_FORM.sub("", segment):
        return False
    if COMPANY_SUFFIX.search(segment) or _ORGANISATION.search(segment):
        return True
    if " & " in segment and not is_title(segment) and segment[:1].isupper():
        return True  # "Lone Star Heating & Air", "Fontaine & Associés"; not "R&D Planning"
    return domain_label is not None and _matches_domain(segment, domain_label)


def _matches_domain(segment: str, domain_label: str) -> bool:
    """ "Lumen Data" for lumendata, "Lakeshore Credit Union" for lakeshorecu (leading words,
    then the initials of the rest)."""
    have = words(segment)
    squashed = "".join(have)
    label = re.sub(r"[^a-z]", "", domain_label.lower())
    if len(squashed) < 3 or len(label) < 3:
        return False
    if squashed.startswith(label) or label.startswith(squashed):
        return True
    if any(
        label == "".join(have[:k]) + "".join(w[0] for w in have[k:]) for k in range(1, len(have))
    ):
        return True
    return len(have) <= 5 and not is_title(segment) and _abbreviates(label, have, 0, 0)


def _abbreviates(label: str, have: Sequence[str], i: int, j: int) -> bool:
    """Whether `label[i:]` is spelt by `have[j:]` as domains shorten names: some words left out
    after the first ("hunterwines" for "Hunter Ridge Wines"), a word cut to a prefix or an
    abbreviation of its letters of at least three ("geelongmfg": "Geelong Precision
    Manufacturing"), or to its initial; the first word gives at least three letters."""
    if i == len(label):
        return j > 1
    if j == len(have):
        return False
    if j and _abbreviates(label, have, i, j + 1):  # a word left out
        return True
    word = have[j]
    if label[i] != word[0]:
        return False
    ends, position = [i + 1], 1
    while ends[-1] < len(label) and (position := word.find(label[ends[-1]], position) + 1):
        ends.append(ends[-1] + 1)  # label[i:end] is spelt by word's letters, in order
    shortest = 3 if j == 0 else 1
    return any(
        _abbreviates(label, have, end, j + 1)
        for end in reversed(ends)
        if end - i >= shortest and (end - i != 2 or len(word) == 2)
    )


def title_and_company(
    lines: Sequence[str], name: Name | None, domain_label: str | None
) -> tuple[str | None, str | None]:
    """A title and a company: labelled ("Position: ...", a vCard's TITLE and ORG), else the first
    title-like and company-like segments after the name (or anywhere), else by their place
    under the name: a signature stacks name, title, company, so an unknown segment right under
    the name is the title and one under the title is the company ("Grain Merchandiser",
    "Tidewater Regional Health")."""
    title, company = _labelled(lines)
    start = name.line if name else 0
    for line in [x for x in lines[start:] if x][:6]:  # HTML puts blank lines between lines
        for segment in _after_name(line, name):
            found_title, found_company = _classify(segment, domain_label)
            title = title or _with_region(found_title, line)
            company = company or found_company
    title, company = _rejoined(title, company, lines[start:], domain_label)
    if name is not None and (title is None or company is None):
        stacked = _stacked(lines, name)
        company = company or _family_business(stacked, name)
        title, company = _by_place(stacked, title, company, domain_label)
    window = [x for x in lines[start:] if x][:6]
    title = title or _department(window, company)
    if title is not None and not _labelled(lines)[0]:
        title, company = _as_written(title, company, window)
    if company is not None:
        company = _company_as_written(company, title, window)
    return title, company


def _rejoined(
    title: str | None, company: str | None, lines: Sequence[str], domain_label: str | None
) -> tuple[str | None, str | None]:
    """ "Manager, Clinical Systems" over "Harbourview Health" (harbourviewhealth.example): the
    line under the title is the company the domain spells, so the part after the title's comma
    is the title's own (a department), not the company."""
    own = [x.strip() for x in lines if x.strip()]
    whole = f"{title}, {company}"
    if not title or not company or whole not in own or domain_label is None:
        return title, company
    below = own[own.index(whole) + 1 :][:1]
    if (
        below
        and _matches_domain(below[0], domain_label)
        and not _matches_domain(company, domain_label)
    ):
        return whole, below[0]
    return title, company


# a department where no job title is written: "Naniwa Trading Co., Ltd. / Business Development
# Dept."; it is what the reader would put in Title
_DEPARTMENT = re.compile(
    r"^[^\W\d_][\w&' -]{2,50}\s(dept\.?|department|division|abteilung)$", re.IGNORECASE
)


def _department(window: Sequence[str], company: str | None) -> str | None:
    for line in window[1:4]:
        for segment in segments(line):
            if segment != company and _DEPARTMENT.match(segment):
                return segment
    return None


_PARTS = re.compile(r"\s+(\||/|//|[-\u2013\u2014•·])\s+")


def _as_written(title: str, company: str | None, window: Sequence[str]) -> tuple[str, str | None]:
    """The title as its line writes it: with the department after a dash ("Head - Supply
    Chain", "Manager - CRM Initiatives"), or a whole line of two parts when the company stands
    on a line of its own ("Responsable achats | Purchasing Lead", two languages)."""
    for index, line in enumerate(window):
        parts = [p.strip(" ,;") for p in _PARTS.split(line)]
        if title not in parts[::2]:
            continue
        at = parts.index(title)
        tail = parts[at + 2] if at + 2 < len(parts) and parts[at + 1] in "-\u2013" else ""
        if tail and _plain(tail) and tail != company and not is_company(tail, None):
            return f"{title} {parts[at + 1]} {tail}", company
        if len(parts) != 3 or parts[1] not in "|/" or index == 0:
            return title, company
        other = parts[2 - at]
        if looks_like_name(other):
            return title, company  # "Lukas Steiner | Head of Sales Operations"
        own = _own_line_company(window[index + 1 : index + 3])
        if other == company and own is not None:
            return line, own  # "Lehrstuhl für ... / Chair of Information Systems" over a name
        if company and company not in line and _plain(other) and not is_company(other, None):
            return line, company
        return title, company
    return title, company


def _own_line_company(lines: Sequence[str]) -> str | None:
    for line in lines:
        if len(segments(line)) == 1 and is_company(line, None) and _plain(line):
            return line
    return None


def _company_as_written(company: str, title: str | None, window: Sequence[str]) -> str:
    """ "Rideau Financial Group | Groupe financier Rideau": a company named in two languages,
    the second repeating its proper name, is kept as its line writes it."""
    for line in window:
        parts = [p.strip(" ,;") for p in _PARTS.split(line)]
        if len(parts) != 3 or parts[1] not in "|/" or company not in parts[::2]:
            continue
        other = parts[2] if parts[0] == company else parts[0]
        shared = {w for w in company.split() if w[:1].isupper()} & set(other.split())
        if (title is None or title not in line) and _plain(other) and shared:
            return line
    return company


def _after_name(line: str, name: Name | None) -> list[str]:
    found = []
    for segment in segments(line):
        if name and segment == name.segment:
            segment = "" if _credentials(name.rest) else name.rest
        if segment:
            found.append(segment)
    return found


# "Position: Technische Einkäuferin", "Firma: Kieler Werft GmbH", a vCard's "TITLE:" and "ORG:"
_TITLE_LABEL = re.compile(
    r"^(title|job title|position|titel|funktion|fonction|poste|cargo|ruolo|role)\s*:\s*(?P<v>.+)",
    re.IGNORECASE,
)
_COMPANY_LABEL = re.compile(
    r"^(company|organi[sz]ation|org|firma|unternehmen|société|entreprise|empresa|azienda)"
    r"\s*:\s*(?P<v>.+)",
    re.IGNORECASE,
)


def _labelled(lines: Sequence[str]) -> tuple[str | None, str | None]:
    title = next((m["v"].strip() for x in lines if (m := _TITLE_LABEL.match(x))), None)
    company = next((m["v"].strip() for x in lines if (m := _COMPANY_LABEL.match(x))), None)
    return title or None, company or None


def _family_business(stacked: Sequence[str], name: Name) -> str | None:
    """ "Rosa Castellano" / "Castellano Roofing": a line under the name that carries the surname
    and no job word is the business named after the family."""
    surname = words(name.last or "")
    for segment in stacked[:2]:
        if surname and set(surname) <= set(words(segment)) and not is_title(segment):
            return segment
    return None


def _stacked(lines: Sequence[str], name: Name) -> list[str]:
    """The segments right under the name (and after it on its line) up to the first one that
    is not plain words: contact details, an address, a label."""
    found: list[str] = []
    named = sorted(words(f"{name.first or ''} {name.last or ''}"))
    for line in lines[name.line : name.line + 4]:
        for segment in _after_name(line, name):
            if not _plain(segment):
                return found
            if sorted(words(segment)) != named:  # the name again ("FAVRE Céline"): no company
                found.append(segment)
    return found


def _plain(segment: str) -> bool:
    if len(segment) > 60 or any(c.isdigit() or c in "@:/<>" for c in segment):
        return False
    tokens = segment.split()
    return 0 < len(tokens) <= 8 and segment[0].isalpha() and not _DOMAIN_LIKE.match(segment)


def _by_place(
    stacked: Sequence[str], title: str | None, company: str | None, domain_label: str | None
) -> tuple[str | None, str | None]:
    company_seen = False
    for segment in stacked[:3]:
        if segment == company or (company and company.startswith(segment)):
            company_seen = True
            continue
        if segment == title or (title and segment in title):
            continue
        if title is None and not company_seen:
            title = segment
        elif company is None and title is not None and not is_title(segment):
            company = segment
    return title, company


def _with_region(title: str | None, line: str) -> str | None:
    """ "State Manager - NSW", "Vice President - Regulatory Affairs": a region or a department
    after the title is part of it."""
    if not title or not line.startswith(title):
        return title
    tail = line[len(title) :]
    if _TITLE_REGION.fullmatch(tail):
        return line
    department = _TITLE_DEPARTMENT.fullmatch(tail)
    if department and is_title(department[1]) and not is_company(department[1], None):
        return line
    return title


def _classify(segment: str, domain_label: str | None) -> tuple[str | None, str | None]:
    if any(c.isdigit() for c in segment):
        # "Proseware Ltd, 40 Spring Gardens, Manchester M2 1EN": a company may lead an address
        first = segment.partition(",")[0].strip()
        digitless = not any(c.isdigit() for c in first)
        return None, (first if digitless and COMPANY_SUFFIX.search(first) else None)
    head, sep, tail = _split_title_company(segment, domain_label)
    if sep:
        return (head if is_title(head) else None), tail
    job = _TITLE_OF.match(segment)
    if job and is_title(job["job"]):
        return segment, None  # "Chefärztin der Klinik für ...", "Head of School"
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
