"""Writes corpus.jsonl: labelled signatures built from hand-written people, companies, addresses
and layouts (a seeded generator, so re-running it reproduces the file byte for byte).

Every label is what a careful reader would type into the Lead form from the newest message's
signature: names as written (a compound surname whole), phones as E.164 with their kind by label,
a country only when the text names it, and no fields at all when the newest message is unsigned.
A company the signature does not name is not a label: what the parser guesses from the sender's
domain then (never for free mail) is kept apart, under `guessed`, and scored on its own.
Run: `.venv/bin/python tests/data/signatures/generate.py`; tests/unit/test_signature_formats.py
checks that corpus.jsonl is what this writes, byte for byte.
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).with_name("corpus.jsonl")
GUESSED_COMPANY = "guessed company"  # moved out of the labels into the case's `guessed`
sys.path.insert(0, str(Path(__file__).parent))
from handwritten import CASES as HANDWRITTEN  # noqa: E402


@dataclass(frozen=True)
class Place:
    country: str  # ISO
    street: str
    city: str
    state: str | None
    postal: str
    lines: tuple[str, ...]  # how the address is written (vertical form)
    one_line: str
    country_names: tuple[str, ...]


@dataclass(frozen=True)
class Phone:
    written: tuple[str, ...]  # ways of writing it
    e164: str


@dataclass(frozen=True)
class Company:
    name: str
    domain: str
    country: str
    domain_company: str  # what the parser derives from the domain


@dataclass
class Person:
    first: str
    last: str
    lang: str
    full: str = ""
    local: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _us(street: str, city: str, state: str, postal: str) -> Place:
    return Place(
        "US",
        street,
        city,
        state,
        postal,
        (street, f"{city}, {state} {postal}"),
        f"{street}, {city}, {state} {postal}",
        ("USA", "United States"),
    )


def _ca(street: str, city: str, state: str, postal: str) -> Place:
    return Place(
        "CA",
        street,
        city,
        state,
        postal,
        (street, f"{city}, {state} {postal}"),
        f"{street}, {city}, {state} {postal}",
        ("Canada",),
    )


def _au(street: str, city: str, state: str, postal: str) -> Place:
    return Place(
        "AU",
        street,
        city,
        state,
        postal,
        (street, f"{city} {state} {postal}"),
        f"{street}, {city} {state} {postal}",
        ("Australia",),
    )


def _uk(street: str, city: str, postal: str) -> Place:
    return Place(
        "GB",
        street,
        city,
        None,
        postal,
        (street, f"{city} {postal}"),
        f"{street}, {city} {postal}",
        ("United Kingdom", "UK"),
    )


def _de(street: str, city: str, postal: str) -> Place:
    return Place(
        "DE",
        street,
        city,
        None,
        postal,
        (street, f"{postal} {city}"),
        f"{street}, {postal} {city}",
        ("Germany", "Deutschland"),
    )


def _fr(street: str, city: str, postal: str) -> Place:
    return Place(
        "FR",
        street,
        city,
        None,
        postal,
        (street, f"{postal} {city}"),
        f"{street}, {postal} {city}",
        ("France",),
    )


def _es(street: str, city: str, postal: str) -> Place:
    return Place(
        "ES",
        street,
        city,
        None,
        postal,
        (street, f"{postal} {city}"),
        f"{street}, {postal} {city}",
        ("España", "Spain"),
    )


PLACES = {
    "US": [
        _us("100 Main Street, Suite 400", "Springfield", "IL", "62701"),
        _us("1600 Market St", "San Francisco", "CA", "94103"),
        _us("350 Fifth Avenue", "New York", "NY", "10118"),
        _us("2200 Ross Ave, Floor 12", "Dallas", "TX", "75201-2708"),
        _us("77 Summer Street", "Boston", "MA", "02110"),
        _us("901 5th Ave", "Seattle", "WA", "98164"),
    ],
    "CA": [
        _ca("200 Bay Street, Suite 1200", "Toronto", "ON", "M5J 2J1"),
        _ca("1250 René-Lévesque Blvd W", "Montréal", "QC", "H3B 4W8"),
        _ca("999 Canada Place", "Vancouver", "BC", "V6C 3E1"),
        _ca("150 Elgin Street", "Ottawa", "ON", "K2P 1L4"),
    ],
    "AU": [
        _au("Level 5, 100 George Street", "Sydney", "NSW", "2000"),
        _au("200 Collins Street", "Melbourne", "VIC", "3000"),
        _au("12 Eagle St", "Brisbane", "QLD", "4000"),
        _au("140 St Georges Terrace", "Perth", "WA", "6000"),
    ],
    "GB": [
        _uk("1 Poultry", "London", "EC2R 8EJ"),
        _uk("25 Deansgate", "Manchester", "M3 4LQ"),
        _uk("14 George Street", "Edinburgh", "EH2 2PF"),
        _uk("8 Canada Square", "London", "E14 5HQ"),
    ],
    "DE": [
        _de("Friedrichstraße 68", "Berlin", "10117"),
        _de("Marienplatz 8", "München", "80331"),
        _de("Königsallee 92a", "Düsseldorf", "40212"),
        _de("Neuer Wall 10", "Hamburg", "20354"),
    ],
    "FR": [
        _fr("12 rue de la Paix", "Paris", "75002"),
        _fr("45 avenue Jean Médecin", "Nice", "06000"),
        _fr("8 place Bellecour", "Lyon", "69002"),
        _fr("3 quai des Chartrons", "Bordeaux", "33000"),
    ],
    "ES": [
        _es("Calle de Alcalá 50", "Madrid", "28014"),
        _es("Passeig de Gràcia 21", "Barcelona", "08007"),
    ],
}

OFFICE = {
    "US": [
        Phone(
            ("(415) 555-0132", "+1 415 555 0132", "415.555.0132", "415-555-0132"), "+14155550132"
        ),
        Phone(("(212) 555-0187", "+1 (212) 555-0187", "212-555-0187"), "+12125550187"),
    ],
    "CA": [Phone(("(416) 555-0143", "+1 416 555 0143", "416-555-0143"), "+14165550143")],
    "AU": [Phone(("(02) 9374 4000", "+61 2 9374 4000"), "+61293744000")],
    "GB": [Phone(("020 7946 0018", "+44 20 7946 0018", "+44 (0)20 7946 0018"), "+442079460018")],
    "DE": [
        Phone(("030 12345678", "+49 30 12345678", "+49 (0)30 12345678"), "+493012345678"),
        Phone(("089 2345 6789", "+49 89 2345 6789"), "+498923456789"),
    ],
    "FR": [Phone(("01 42 68 53 00", "+33 1 42 68 53 00", "+33 (0)1 42 68 53 00"), "+33142685300")],
    "ES": [Phone(("912 345 678", "+34 912 345 678", "+34 91 234 56 78"), "+34912345678")],
}
MOBILE = {
    "US": [Phone(("(415) 555-0199", "+1 415 555 0199", "415.555.0199"), "+14155550199")],
    "CA": [Phone(("(604) 555-0172", "+1 604 555 0172"), "+16045550172")],
    "AU": [Phone(("0412 345 678", "+61 412 345 678"), "+61412345678")],
    "GB": [Phone(("07911 123456", "+44 7911 123456"), "+447911123456")],
    "DE": [
        Phone(("0171 2345678", "+49 171 2345678", "+49 (0)171 2345678"), "+491712345678"),
        Phone(("0151 23456789", "+49 151 23456789"), "+4915123456789"),
    ],
    "FR": [Phone(("06 12 34 56 78", "+33 6 12 34 56 78"), "+33612345678")],
    "ES": [Phone(("612 345 678", "+34 612 345 678"), "+34612345678")],
}
FAX = {
    "US": Phone(("(415) 555-0100", "+1 415 555 0100"), "+14155550100"),
    "CA": Phone(("(416) 555-0101",), "+14165550101"),
    "AU": Phone(("(02) 9374 4001",), "+61293744001"),
    "GB": Phone(("020 7946 0019",), "+442079460019"),
    "DE": Phone(("030 12345679", "+49 30 12345679"), "+493012345679"),
    "FR": Phone(("01 42 68 53 01",), "+33142685301"),
    "ES": Phone(("912 345 679",), "+34912345679"),
}

COMPANIES = {
    "US": [
        Company("Acme Corporation", "acme.com", "US", "Acme"),
        Company("Globex Inc.", "globex.com", "US", "Globex"),
        Company("Initech LLC", "initech.com", "US", "Initech"),
        Company("Northwind Traders", "northwindtraders.com", "US", "Northwindtraders"),
        Company("Blue Harbor Analytics", "blue-harbor.io", "US", "Blue Harbor"),
        Company("Summit Ridge Partners", "summitridge.com", "US", "Summitridge"),
    ],
    "CA": [
        Company("Maple Leaf Software Inc.", "mapleleafsoftware.ca", "CA", "Mapleleafsoftware"),
        Company("Boreal Logistics Ltd.", "boreal-logistics.ca", "CA", "Boreal Logistics"),
    ],
    "AU": [
        Company("Southern Cross Consulting Pty Ltd", "southerncross.com.au", "AU", "Southerncross"),
        Company("Wattle Labs", "wattlelabs.com.au", "AU", "Wattlelabs"),
    ],
    "GB": [
        Company("Brightwell Ltd", "brightwell.co.uk", "GB", "Brightwell"),
        Company("Thames Digital plc", "thamesdigital.co.uk", "GB", "Thamesdigital"),
    ],
    "DE": [
        Company("Rheinwerk Systems GmbH", "rheinwerk-systems.de", "DE", "Rheinwerk Systems"),
        Company("Nordlicht Logistik AG", "nordlicht.de", "DE", "Nordlicht"),
    ],
    "FR": [
        Company("Lumière Conseil SAS", "lumiere-conseil.fr", "FR", "Lumiere Conseil"),
        Company("Atelier Nova SARL", "ateliernova.fr", "FR", "Ateliernova"),
    ],
    "ES": [Company("Soluciones Iberia S.L.", "solucionesiberia.es", "ES", "Solucionesiberia")],
}
# free-mail providers people in each country use
FREE_MAIL = {
    "US": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"],
    "CA": ["gmail.com", "outlook.com", "shaw.ca"],
    "AU": ["gmail.com", "bigpond.com", "outlook.com"],
    "GB": ["gmail.com", "btinternet.com", "outlook.com"],
    "DE": ["gmx.de", "web.de", "gmail.com", "t-online.de"],
    "FR": ["orange.fr", "gmail.com", "free.fr"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es"],
}
LANG = {"US": "en", "CA": "en", "AU": "en", "GB": "en", "DE": "de", "FR": "fr", "ES": "es"}

PEOPLE = {
    "en": [
        ("John", "Smith"),
        ("Sarah", "Johnson"),
        ("Michael", "O'Brien"),
        ("Emily", "Chen"),
        ("David", "Miller"),
        ("Jessica", "Taylor"),
        ("Robert", "Brown"),
        ("Laura", "Wilson"),
        ("James", "Anderson"),
        ("Olivia", "Martin"),
        ("Daniel", "Clark"),
        ("Sophie", "Turner"),
        ("Liam", "Walker"),
        ("Grace", "Lee"),
        ("Noah", "Patel"),
        ("Priya", "Sharma"),
        ("Ethan", "Wright"),
        ("Chloe", "Harris"),
        ("Hannah", "McDonald"),
        ("Aaron", "Nguyen"),
    ],
    "de": [
        ("Anna", "Müller"),
        ("Jonas", "Schneider"),
        ("Lukas", "Fischer"),
        ("Katrin", "Weber"),
        ("Stefan", "Wagner"),
        ("Julia", "Becker"),
        ("Felix", "Hoffmann"),
        ("Sabine", "Schäfer"),
        ("Tobias", "Koch"),
        ("Miriam", "Richter"),
        ("Jürgen", "Groß"),
    ],
    "fr": [
        ("Jean-Pierre", "Dupont"),
        ("Camille", "Martin"),
        ("Élodie", "Bernard"),
        ("Nicolas", "Petit"),
        ("Sophie", "Durand"),
        ("Mathieu", "Leroy"),
        ("Chloé", "Moreau"),
        ("Julien", "Lefèvre"),
        ("Anne-Sophie", "Girard"),
    ],
    "es": [
        ("María", "García López"),
        ("Javier", "Fernández"),
        ("Lucía", "Martínez"),
        ("Carlos", "Sánchez Ruiz"),
        ("Elena", "Romero"),
        ("Pablo", "Navarro"),
    ],
}
TITLES = {
    "en": [
        "Head of Sales",
        "Account Executive",
        "VP of Marketing",
        "Senior Software Engineer",
        "Chief Executive Officer",
        "Sales Director",
        "Regional Sales Manager",
        "Customer Success Manager",
        "Founder & CEO",
        "Procurement Manager",
        "Marketing Coordinator",
        "Business Development Representative",
        "Director of Operations",
        "Partner",
        "Senior Account Manager",
        "CTO",
    ],
    "de": [
        "Vertriebsleiter",
        "Geschäftsführer",
        "Leiterin Einkauf",
        "Key Account Manager",
        "Projektleiter IT",
        "Beraterin",
        "Geschäftsführerin",
    ],
    "fr": [
        "Directeur commercial",
        "Responsable marketing",
        "Ingénieur commercial",
        "Directrice des achats",
        "Chargée de clientèle",
        "Fondateur",
    ],
    "es": [
        "Director de Ventas",
        "Gerente de Marketing",
        "Ejecutiva de Cuentas",
        "Responsable de Compras",
    ],
}
SIGN_OFFS = {
    "en": [
        "Best regards,",
        "Thanks,",
        "Best,",
        "Kind regards,",
        "Cheers,",
        "Regards,",
        "Many thanks,",
        "All the best,",
    ],
    "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Freundliche Grüße"],
    "fr": ["Cordialement,", "Bien cordialement,", "Bien à vous,"],
    "es": ["Saludos,", "Un saludo,", "Atentamente,", "Saludos cordiales,"],
}
BODIES = {
    "en": [
        "Hi {to},\n\nThanks for the call today. I've attached the proposal we discussed and "
        "the pricing sheet.\n\nLet me know if you have any questions.",
        "Hello {to},\n\nFollowing up on my last note - would Thursday at 2pm work for a "
        "quick demo?",
        "Hi {to},\n\nPlease find the signed contract attached. We are ready to start on Monday.",
        "{to},\n\nQuick question: do you have a budget approved for Q3 yet?",
    ],
    "de": [
        "Hallo {to},\n\nvielen Dank für das nette Gespräch. Anbei wie besprochen unser Angebot.",
        "Sehr geehrter Herr {to},\n\nanbei erhalten Sie die gewünschten Unterlagen. Für "
        "Rückfragen stehe ich gerne zur Verfügung.",
    ],
    "fr": [
        "Bonjour {to},\n\nMerci pour votre retour. Vous trouverez ci-joint notre "
        "proposition commerciale.",
        "Bonjour,\n\nJe me permets de vous relancer concernant notre rendez-vous de mardi.",
    ],
    "es": [
        "Hola {to},\n\nGracias por la reunión de ayer. Te adjunto la propuesta.",
        "Estimado {to}:\n\nLe envío la documentación solicitada. Quedo a su disposición.",
    ],
}
OFFICE_LABELS = {
    "en": ["T: ", "Tel: ", "Phone: ", "P: ", "O: ", "Office: ", "Direct: ", "D: ", "T ", ""],
    "de": ["Tel.: ", "Telefon: ", "T ", "Tel. "],
    "fr": ["Tél. : ", "Tél : ", "Tel. : ", "T. "],
    "es": ["Tel.: ", "Teléfono: ", "T. "],
}
MOBILE_LABELS = {
    "en": ["M: ", "Mobile: ", "Cell: ", "Mob. ", "M "],
    "de": ["Mobil: ", "Handy: ", "M "],
    "fr": ["Portable : ", "Mob. : ", "Mobile : "],
    "es": ["Móvil: ", "Cel.: "],
}
FAX_LABELS = {"en": ["F: ", "Fax: "], "de": ["Fax: ", "Fax "], "fr": ["Fax : "], "es": ["Fax: "]}
EMAIL_LABELS = {
    "en": ["E: ", "Email: ", ""],
    "de": ["E-Mail: ", "Mail: ", ""],
    "fr": ["Email : ", "Courriel : ", ""],
    "es": ["Correo: ", "Email: ", ""],
}
DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended "
    "solely for the addressee. If you are not the intended recipient, please delete it. "
    "Contact John Doe at +1 212 555 0100 or legal@example.com.",
    "This message contains confidential information and is intended only for the individual "
    "named. If you are not the named addressee you should not disseminate, distribute or copy "
    "this e-mail.",
    "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie "
    "nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender.",
    "Ce message et toutes les pièces jointes sont confidentiels et destinés exclusivement à "
    "leurs destinataires.",
    "Please consider the environment before printing this email.",
    "Disclaimer: The information in this email is for the intended recipient only.",
]
FOOTERS = [
    "Sent from my iPhone",
    "Get Outlook for iOS",
    "Sent from my Android phone",
    "Von meinem iPhone gesendet",
    "Envoyé de mon iPhone",
    "Enviado desde mi iPhone",
    "Get Outlook for Android",
]
OTHERS = [
    (
        "Bob",
        "Lawrence",
        "bob.lawrence@prospect-co.com",
        "Procurement Lead",
        "Prospect Co",
        "+1 646 555 0111",
        "+16465550111",
    ),
    (
        "Karin",
        "Vogel",
        "k.vogel@kunde-gmbh.de",
        "Einkauf",
        "Kunde GmbH",
        "+49 40 7654321",
        "+49407654321",
    ),
]


class Builder:
    """Builds one case at a time from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    def pick(self, options):  # type: ignore[no-untyped-def]
        return self.rng.choice(list(options))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def person(self, country: str, free_mail: bool) -> tuple[Person, Company, str]:
        lang = LANG[country]
        first, last = self.pick(PEOPLE[lang])
        company = self.pick(COMPANIES[country])
        local = self.pick([f"{first}.{last}", f"{first[0]}{last}", first])
        local = _ascii(local.lower().replace(" ", "").replace("'", ""))
        domain = self.pick(FREE_MAIL[country]) if free_mail else company.domain
        return Person(first, last, lang, f"{first} {last}", local), company, f"{local}@{domain}"

    # -- one signature ----------------------------------------------------------------------

    def signature(self, country: str, free_mail: bool = False):  # type: ignore[no-untyped-def]
        """(person, company, sender address, the signature's parts, the labels)."""
        person, company, email = self.person(country, free_mail)
        exp: dict[str, str] = {"first_name": person.first, "last_name": person.last}
        parts: dict[str, str | None] = {"name": self._name_text(person)}
        self._people_parts(person, company, free_mail, parts, exp)
        self._phone_parts(country, person.lang, parts, exp)
        self._online_parts(person, company, email, parts, exp)
        if self.chance(0.55):
            self._address_parts(self.pick(PLACES[country]), parts, exp)
        return person, company, email, parts, exp

    def _name_text(self, person: Person) -> str:
        if self.chance(0.1) and person.lang == "en":
            return f"{person.full}, MBA"
        return f"Dr. {person.full}" if self.chance(0.06) else person.full

    def _people_parts(self, person, company, free_mail, parts, exp) -> None:  # type: ignore[no-untyped-def]
        if self.chance(0.85):
            parts["title"] = exp["title"] = self.pick(TITLES[person.lang])
        if self.chance(0.8):
            parts["company"] = exp["company"] = company.name
        elif not free_mail:
            exp[GUESSED_COMPANY] = company.domain_company  # the parser's guess: not a label

    def _phone_parts(self, country, lang, parts, exp) -> None:  # type: ignore[no-untyped-def]
        show_mobile = self.chance(0.5)
        kinds = [
            ("office", "phone", OFFICE_LABELS, self.pick(OFFICE[country]),
             self.chance(0.8) or not show_mobile),
            ("mobile", "mobile", MOBILE_LABELS, self.pick(MOBILE[country]), show_mobile),
            ("fax", "fax", FAX_LABELS, FAX[country], self.chance(0.15)),
        ]  # fmt: skip
        for part, field_name, labels, number, shown in kinds:
            if shown:
                parts[part] = self.pick(labels[lang]) + self.pick(number.written)
                exp[field_name] = number.e164

    def _online_parts(self, person, company, email, parts, exp) -> None:  # type: ignore[no-untyped-def]
        if self.chance(0.6):
            parts["email"] = self.pick(EMAIL_LABELS[person.lang]) + email
            exp["email"] = email
        if self.chance(0.5):
            domain = company.domain
            site = self.pick(
                [f"www.{domain}", f"https://www.{domain}", domain, f"https://{domain}/"]
            )
            parts["web"] = self.pick(["", "W: ", "Web: "]) + site
            exp["website"] = site
        if self.chance(0.2):
            slug = _ascii(f"{person.first}{person.last}".lower().replace(" ", "").replace("'", ""))
            url = self.pick([f"https://www.linkedin.com/in/{slug}", f"linkedin.com/in/{slug}"])
            parts["linkedin"] = exp["linkedin"] = url

    def _address_parts(self, place, parts, exp) -> None:  # type: ignore[no-untyped-def]
        country_name = self.pick(place.country_names) if self.chance(0.4) else None
        parts["address"] = "\n".join(place.lines) + (f"\n{country_name}" if country_name else "")
        parts["address_one"] = place.one_line + (f", {country_name}" if country_name else "")
        exp.update({"street": place.street, "city": place.city, "postal_code": place.postal})
        if place.state:
            exp["state"] = place.state
        if country_name:
            exp["country"] = country_name

    def layout(self, parts: dict[str, str | None]) -> str:
        style = self.pick(["vertical", "vertical", "vertical", "pipes", "compact", "oneline"])
        return getattr(self, f"_{style}")(parts)

    def _vertical(self, parts: dict[str, str | None]) -> str:
        lines = [parts["name"]]
        for key in ("title", "company"):
            if parts.get(key):
                lines.append(parts[key])
        if parts.get("address"):
            lines.append(parts["address"])
        for key in ("office", "mobile", "fax", "email", "web", "linkedin"):
            if parts.get(key):
                lines.append(parts[key])
        if self.chance(0.3) and parts.get("address"):
            lines.insert(lines.index(parts["address"]), "")
        return "\n".join(str(line) for line in lines)

    def _pipes(self, parts: dict[str, str | None]) -> str:
        head = " | ".join(str(parts[k]) for k in ("name", "title", "company") if parts.get(k))
        contact = " | ".join(str(parts[k]) for k in ("office", "mobile", "fax") if parts.get(k))
        online = " | ".join(str(parts[k]) for k in ("email", "web", "linkedin") if parts.get(k))
        lines = [head, contact, online]
        if parts.get("address_one"):
            lines.insert(1, str(parts["address_one"]))
        return "\n".join(line for line in lines if line)

    def _compact(self, parts: dict[str, str | None]) -> str:
        lines = [str(parts["name"])]
        if parts.get("title") and parts.get("company"):
            joiner = self.pick([" at ", ", ", " | "])
            lines.append(f"{parts['title']}{joiner}{parts['company']}")
        else:
            lines += [str(parts[k]) for k in ("title", "company") if parts.get(k)]
        phones = "  ".join(str(parts[k]) for k in ("office", "mobile", "fax") if parts.get(k))
        lines += [phones] if phones else []
        if parts.get("address_one"):
            lines.append(str(parts["address_one"]))
        lines += [str(parts[k]) for k in ("email", "web", "linkedin") if parts.get(k)]
        return "\n".join(lines)

    def _oneline(self, parts: dict[str, str | None]) -> str:
        keys = ("name", "title", "company", "office", "mobile", "email", "web")
        line = " | ".join(str(parts[k]) for k in keys if parts.get(k))
        extra = [str(parts[k]) for k in ("fax", "linkedin", "address_one") if parts.get(k)]
        return "\n".join([line, *extra])


def _ascii(text: str) -> str:
    table = str.maketrans("äöüßéèêàçñáíóúÉ", "aouseeeacnaiouE")
    return text.translate(table)


def _to_html(body_text: str, signature: str, table: bool) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body_text.split("\n\n") if p)
    sig_lines = [html.escape(line) for line in signature.split("\n")]
    sig_lines = [_linkify(line) for line in sig_lines]
    if table and len(sig_lines) > 2:
        left = "<br>".join(
            f"<b>{sig_lines[0]}</b>" if i == 0 else line for i, line in enumerate(sig_lines[:2])
        )
        right = "<br>\n".join(sig_lines[2:])
        sig = (
            f'<table cellpadding="0" style="font-family:Arial"><tr><td style="padding:4px">'
            f'{left}</td><td style="border-left:1px solid #ccc">{right}</td></tr></table>'
        )
    else:
        sig = (
            '<div class="signature">'
            + "<br>".join(f'<span style="color:#333">{line}</span>' for line in sig_lines)
            + "</div>"
        )
    return f"<html><head><style>p {{margin:0}}</style></head><body>{paragraphs}{sig}</body></html>"


def _linkify(line: str) -> str:
    if line.startswith("https://www.linkedin.com/in/"):
        return f'<a href="{line}">{line}</a>'
    if "@" in line and " " not in line:
        return f'<a href="mailto:{line}">{line}</a>'
    return line


def _quoted(lines: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in lines.split("\n"))


def _other_signature(b: Builder) -> tuple[str, str, str]:
    first, last, email, title, company, phone, _ = b.pick(OTHERS)
    text = f"{first} {last}\n{title}\n{company}\nTel: {phone}\n{email}"
    return f"{first} {last}", email, text


def _history(b: Builder, person_name: str) -> str:
    """An older message (with its own signature) as a reply client would quote it."""
    other_name, other_email, other_sig = _other_signature(b)
    old = f"Hi {person_name.split()[0]},\n\nCould you send me the updated quote?\n\nThanks,\n"
    style = b.pick(["gmail", "outlook", "forward", "german", "french"])
    if style == "gmail":
        return f"On Tue, Mar 5, 2024 at 9:14 AM {other_name} <{other_email}> wrote:\n" + _quoted(
            old + other_sig
        )
    if style == "outlook":
        return (
            f"________________________________\nFrom: {other_name} <{other_email}>\n"
            f"Sent: Tuesday, March 5, 2024 9:14 AM\nTo: {person_name}\n"
            f"Subject: RE: Quote\n\n{old}{other_sig}"
        )
    if style == "german":
        return f"Am 05.03.2024 um 09:14 schrieb {other_name} <{other_email}>:\n" + _quoted(
            old + other_sig
        )
    if style == "french":
        return f"Le mar. 5 mars 2024 à 09:14, {other_name} <{other_email}> a écrit :\n" + _quoted(
            old + other_sig
        )
    return (
        f"---------- Forwarded message ---------\nFrom: {other_name} <{other_email}>\n"
        f"Date: Tue, Mar 5, 2024 at 9:14 AM\nSubject: Quote\nTo: <{other_email}>\n\n"
        f"{old}{other_sig}"
    )


def signed_case(b: Builder, country: str, free_mail: bool = False) -> dict[str, object]:
    person, _company, email, parts, exp = b.signature(country, free_mail)
    lang = person.lang
    sig = b.layout(parts)
    body = b.pick(BODIES[lang]).format(to=b.pick(["Bob", "Karin", "Team", "Marc"]))
    opener = b.pick(SIGN_OFFS[lang])
    if b.chance(0.1):
        opener = "--"
    text = f"{body}\n\n{opener}\n{sig}" if b.chance(0.85) else f"{body}\n\n{sig}"
    tags = [country, lang, "free-mail" if free_mail else "company-mail"]
    if b.chance(0.15):
        text += "\n\n" + b.pick(DISCLAIMERS)
        tags.append("disclaimer")
    if b.chance(0.08):
        text += "\n\n" + b.pick(FOOTERS)
        tags.append("footer")
    if b.chance(0.3):
        text += "\n\n" + _history(b, person.full)
        tags.append("history")
    sender = {"email": email}
    from_style = b.pick(["full", "full", "full", "reversed", "none"])
    if from_style == "full":
        sender["name"] = person.full
    elif from_style == "reversed":
        sender["name"] = f"{person.last}, {person.first}"
    if from_style == "none" and not parts.get("email"):
        sender["name"] = person.full  # a local part like "jsmith" cannot name anyone
    guessed = exp.pop(GUESSED_COMPANY, None)
    case: dict[str, object] = {"from": sender, "expected": exp, "tags": tags}
    if guessed is not None:
        case["guessed"] = {"company": guessed}
    if b.chance(0.25) and "history" not in tags:
        body_part, _, _ = text.partition(sig)
        case["html"] = _to_html(body_part.strip(), sig, table=b.chance(0.5))
        tags.append("html")
    else:
        case["text"] = text
    return case


def unsigned_case(b: Builder, kind: int) -> dict[str, object]:
    country = b.pick(["US", "GB", "DE", "FR", "AU", "CA", "ES"])
    person, _company, email, _parts, _exp = b.signature(country)
    first = person.first
    texts = [
        f"Thanks!\n\n{b.pick(FOOTERS)}",
        "Sounds good, see you Tuesday.\n\n" + first,
        f"Thanks,\n{first}\n\n" + _history(b, person.full),
        "Looping in the team, see below.\n\n" + _history(b, person.full),
        f"Call me at 415-555-0132 when you have a minute, or write to {email} if that is easier.",
        f"Best,\n{first[0]}.",
        "Ok, will do.\n\n" + _history(b, person.full),
        f"Perfect, thank you!\n\n{b.pick(DISCLAIMERS)}",
        "",
        f"Got it.\n\n{first}\n\n{b.pick(FOOTERS)}",
        f"{b.pick(SIGN_OFFS[person.lang])}\n{first}",
        "See the attached agenda. Our office is at 350 Fifth Avenue, New York, NY 10118 and "
        "the meeting starts at 10.",
    ]
    text = texts[kind % len(texts)]
    case: dict[str, object] = {
        "from": {"email": email, "name": person.full},
        "expected": {},
        "tags": ["no-signature", country],
    }
    if kind % 5 == 4 and text:
        case["html"] = "<div>" + "".join(
            "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in text.split("\n\n")
        )
        case["html"] = (
            str(case["html"]).replace("<p>On ", '<div class="gmail_quote"><p>On ') + "</div>"
        )
    else:
        case["text"] = text
    return case


def render() -> str:
    """The corpus as corpus.jsonl holds it."""
    b = Builder(seed=14)
    cases: list[dict[str, object]] = []
    countries = ["US", "US", "GB", "DE", "FR", "AU", "CA", "ES"]
    for i in range(300):
        country = countries[i % len(countries)]
        cases.append(signed_case(b, country, free_mail=(i % 9 == 4)))
    for kind in range(48):
        cases.append(unsigned_case(b, kind))
    for case in HANDWRITTEN:
        cases.append(
            {**case, "tags": ["handwritten", *(["no-signature"] if not case["expected"] else [])]}
        )
    return "".join(
        json.dumps({"id": f"sig-{number:03d}", **case}, ensure_ascii=False) + "\n"
        for number, case in enumerate(cases, 1)
    )


def main() -> None:
    OUT.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
