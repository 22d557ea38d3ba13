"""The SIXTH BLIND signature set: written by hand without reading the parser, its tests or the
cases of the other blind sets (blind.py ... blind5.py), by a sixth hand, so that it measures
whether the parser generalises (docs/records.md, "The blind sets"). Two thirds of it is mail no
person signed, sent by organisations and products whose From name is a brand or a department:
e-signature services, fax and voicemail gateways, municipal and government auto-replies, banks,
SaaS notifications, HR systems, recruiting platforms, event registrations, webinar reminders,
help-desk tickets, shipping, marketplaces, app stores, security alerts, marketing footers with an
unsubscribe line, calendar invites and responses, out-of-office replies, in English, German,
French, Spanish, Dutch and Italian. Most carry an address, phone numbers or a legal line in a
footer, and must give no field. The rest (about 40) is ordinary, simple signed sales mail in the
six main regions (US, UK, CA, DE, FR, AU).

Labels: what a careful reader would type into the Lead form for the SENDER (the From header)
from the newest message's signature, as written there (docs/records.md, "Conventions now shared
by every set"):

- Phones in E.164 without extensions; kind by label ("Mobile", "Mob.", "Cell", "Handy", "Portable",
  "Fax", before or after the number); an unlabelled number is `phone`, whatever its range; a
  number without a country code is read in the country the signature makes evident.
- Names without honorifics or post-nominals. Title and company as written, split where a line
  joins them.
- Street as written on its line; a country only when the text names it.
- Email, website and LinkedIn only when written as visible text.
- An email whose newest message has no signature expects nothing: an automated message's footer
  (company, address, support number) is not a person's signature, nor is a quoted or forwarded
  message's signature, nor a colleague's number in an out-of-office reply.

Nobody tunes the parser on these: a miss here is a finding, not a case to edit.
"""

# Real mail writes en dashes and typographic apostrophes as clients send them; the cases keep
# them as written.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import Any

ME = "Alex Moreno"
ME_ADDR = "alex.moreno@stratus-demo.example"
# the Stratus user's own signature, which turns up in quoted parts (never the sender's)
MY_SIG = "Alex Moreno\nAccount Executive | Stratus Demo Inc.\n+1 (628) 555-0104"


def _case(
    ident: str, sender: str, name: str | None, body: str, *tags: str, html: bool = False, **exp: str
) -> dict[str, Any]:
    """One labelled email; its "html" or "plain" tag follows the body's kind, and an email that
    expects nothing is tagged "unsigned"."""
    kinds = [*tags, "html" if html else "plain"]
    if not exp and "unsigned" not in kinds:
        kinds.append("unsigned")
    case: dict[str, Any] = {
        "id": f"blind6-{ident}",
        "from": {"email": sender, **({"name": name} if name else {})},
        "expected": exp,
        "tags": kinds,
    }
    case["html" if html else "text"] = body
    return case


def _q(text: str) -> str:
    """Plain-text quoting: each line of the older message behind "> "."""
    return "".join(f"> {line}\n" if line else ">\n" for line in text.strip("\n").splitlines())


def _wrote(who: str, address: str, when: str = "Wed, Mar 4, 2026 at 3:41 PM") -> str:
    """Gmail's and Thunderbird's attribution line above a quoted reply."""
    return f"On {when} {who} <{address}> wrote:\n"


def _outlook(who: str, address: str, subject: str) -> str:
    """New Outlook's plain-text header above the older message of a reply or forward."""
    return (
        "\n________________________________\n"
        f"From: {who} <{address}>\nSent: Tuesday, March 3, 2026 9:12 AM\n"
        f"To: {ME} <{ME_ADDR}>\nSubject: {subject}\n\n"
    )


def _fwd(who: str, address: str, subject: str) -> str:
    """Gmail's forwarded-message header."""
    return (
        "---------- Forwarded message ---------\n"
        f"From: {who} <{address}>\nDate: Mon, Mar 2, 2026 at 8:55 AM\nSubject: {subject}\n"
        f"To: {ME} <{ME_ADDR}>\n\n"
    )


def _br(text: str) -> str:
    """Plain lines as HTML lines (the text is written already escaped)."""
    return "<br>".join(text.strip("\n").splitlines())


def _owa(body: str, *sig: str, quote: str = "", quoted_from: str = "") -> str:
    """New Outlook / Outlook on the web: div#Signature; the older message under divRplyFwdMsg."""
    out = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        '<body><div class="elementToProof" style="font-family:Aptos,Calibri,Helvetica,'
        f'sans-serif;font-size:11pt;color:rgb(0,0,0)">{body}</div>'
    )
    if sig:
        lines = "".join(f"<div>{x}</div>" for x in sig)
        out += f'<div><br></div><div id="Signature"><div style="font-size:10pt">{lines}</div></div>'
    if quoted_from:
        out += (
            '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" '
            f'style="font-size:11pt" color="#000000"><b>From:</b> {quoted_from}<br>'
            "<b>Sent:</b> Tuesday, March 3, 2026 9:12 AM<br>"
            f"<b>To:</b> {ME} &lt;{ME_ADDR}&gt;<br><b>Subject:</b> Re: Proposal</font>"
            f'<div>&nbsp;</div></div><div dir="ltr">{quote}</div>'
        )
    return out + "</body></html>"


def _mso(body: str, *sig: str, quote: str = "", quoted_from: str = "") -> str:
    """Classic Outlook (Word's HTML): MsoNormal paragraphs; the older message under a rule."""
    lines = "".join(
        '<p class="MsoNormal"><span style="font-size:9.0pt;font-family:&quot;Arial&quot;,'
        f'sans-serif;color:#1F3864">{x}<o:p></o:p></span></p>'
        for x in sig
    )
    out = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word"><body lang="EN-GB" link="#0563C1">'
        f'<div class="WordSection1"><p class="MsoNormal">{body}<o:p></o:p></p>'
        f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>{lines}'
    )
    if quoted_from:
        out += (
            '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div><div style="border:none;'
            'border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal">'
            f"<b>From:</b> {quoted_from} <br><b>Sent:</b> 02 March 2026 16:20<br><b>To:</b> "
            f"{ME} &lt;{ME_ADDR}&gt;<br><b>Subject:</b> RE: Quotation<o:p></o:p></p></div></div>"
            f'<p class="MsoNormal">{quote}<o:p></o:p></p>'
        )
    return out + "</div></body></html>"


def _gmail(body: str, *sig: str, quote: str = "", quoted_from: str = "") -> str:
    """Gmail: div.gmail_signature after "-- "; the older message in div.gmail_quote."""
    out = f'<div dir="ltr"><div>{body}</div>'
    if sig:
        out += (
            '<div><br></div><span class="gmail_signature_prefix">-- </span><br>'
            '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">'
            f'<div dir="ltr">{"<br>".join(sig)}</div></div>'
        )
    out += "</div>"
    if quoted_from:
        out += (
            '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" '
            f'class="gmail_attr">On Tue, Mar 3, 2026 at 9:12 AM {quoted_from} wrote:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px '
            f'solid rgb(204,204,204);padding-left:1ex">{quote}</blockquote></div>'
        )
    return out


def _apple(body: str, *sig: str, quote: str = "", quoted_from: str = "") -> str:
    """Apple Mail (macOS and iOS): one div per line; the older message in a cite blockquote."""
    out = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        f'<body dir="auto"><div dir="ltr">{body}</div>'
    )
    if sig:
        out += "<div><br></div>" + "".join(f"<div>{x}</div>" for x in sig)
    if quoted_from:
        out += (
            '<div dir="ltr"><br><blockquote type="cite">On 3 Mar 2026, at 09:12, '
            f'{quoted_from} wrote:<br><br></blockquote></div><blockquote type="cite">'
            f'<div dir="ltr">{quote}</div></blockquote>'
        )
    return out + "</body></html>"


def _card(logo: str, *rows: str, photo: str = "") -> str:
    """A generated (HubSpot / Salesforce / WiseStamp-style) table signature: a logo cell and a
    cell of rows, under the message."""
    cells = "".join(f'<tr><td style="padding:0;font-size:12px">{r}</td></tr>' for r in rows)
    pic = f'<td style="padding-right:12px"><img src="cid:photo" alt="{photo}" width="72"></td>'
    return (
        '<table cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tbody><tr>'
        f"{pic if photo else ''}"
        f'<td style="padding-right:12px;border-right:2px solid #0B5CAD"><img src="https://cdn.'
        f'sigs.example/logo.png" alt="{logo}" width="96"></td>'
        f'<td style="padding-left:12px"><table cellpadding="0" cellspacing="0"><tbody>{cells}'
        "</tbody></table></td></tr></tbody></table>"
    )


def _notice(*paras: str, footer: str) -> str:
    """An automated HTML message: paragraphs, then a grey footer block (a sender's template)."""
    body = "".join(f'<p style="margin:0 0 12px">{p}</p>' for p in paras)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>'
        f'<td style="padding:24px;font-family:Helvetica,Arial,sans-serif">{body}</td></tr>'
        '<tr><td style="padding:16px 24px;font-size:11px;color:#777777;background:#f4f4f4">'
        f"{footer}</td></tr></table></body></html>"
    )


CASES: list[dict[str, Any]] = []

# ---------------------------------------------------------------------------------------------
# Automated mail from brands and departments (no person signed; footers give no field)
# ---------------------------------------------------------------------------------------------
CASES += [
    _case(
        "auto-001",
        "dse@eu.signflow.example",
        "SignFlow via Harrow Components",
        _notice(
            "Harrow Components Ltd sent you a document to review and sign.",
            "<b>Please review and sign: MSA_2026_Stratus.pdf</b>",
            '<a href="https://eu.signflow.example/s/8f2c">REVIEW DOCUMENT</a>',
            "Do not share this email. It contains a secure link to SignFlow.",
            footer="SignFlow, Inc. | 221 Main Street, Suite 1550 | San Francisco, CA 94105<br>"
            "Questions? Call +1 415-874-2210 or visit signflow.example/support",
        ),
        "US",
        "en",
        "e-signature",
        html=True,
    ),
    _case(
        "auto-002",
        "noreply@yousign-demo.example",
        "Signéo",
        _notice(
            "Bonjour,",
            "Le document « Bon de commande n° 2026-0412 » a été signé par toutes les parties.",
            "Vous trouverez le document signé en pièce jointe.",
            "L’équipe Signéo",
            footer="Signéo SAS – 12 rue de la Victoire, 75009 Paris, France<br>"
            "RCS Paris 812 345 678 – Support : 01 84 80 42 17",
        ),
        "FR",
        "fr",
        "e-signature",
        html=True,
    ),
    _case(
        "auto-003",
        "notifications@unterschrift.example",
        "eSign Service",
        "Guten Tag,\n\nSie wurden gebeten, das Dokument „Rahmenvertrag Logistik 2026“ zu "
        "unterzeichnen.\n\nDokument öffnen: https://unterschrift.example/d/44a1\n\nDieser Link "
        "ist 14 Tage gültig.\n\n--\nUnterschrift.example GmbH\nFriedrichstraße 68, 10117 Berlin\n"
        "Tel. +49 30 2096 4410\nAmtsgericht Charlottenburg HRB 198765 B\n"
        "Geschäftsführer: Jonas Albrecht\n",
        "DE",
        "de",
        "e-signature",
    ),
    _case(
        "auto-004",
        "fax-gateway@harbourline.example",
        "Harbourline Fax2Mail",
        "You have received a new fax.\n\nFrom: +61 2 9251 4470\nTo: 1300 652 118\nPages: 3\n"
        "Received: 05/03/2026 10:42 AEDT\n\nThe fax is attached as a PDF.\n\n"
        "Harbourline Communications Pty Ltd\nLevel 8, 60 Margaret Street, Sydney NSW 2000\n"
        "ABN 51 824 753 556\n",
        "AU",
        "en",
        "fax",
    ),
    _case(
        "auto-005",
        "voicemail@tel.northgate.example",
        "Northgate Voicemail",
        _notice(
            "You have a new voicemail (0:47) from <b>+44 161 832 4470</b>.",
            "Caller: RIVERSIDE MILLS",
            "Transcript (preview): “Hi, it’s about the quote for the spindles, could you call "
            "me back before Friday…”",
            footer="Northgate Telecom Ltd, 14 Quay Street, Manchester M3 3HN. Registered in "
            "England and Wales No. 07654321. Tel 0161 496 0000",
        ),
        "UK",
        "en",
        "voicemail",
        html=True,
    ),
    _case(
        "auto-006",
        "noreply@voip-bureau.example",
        "Messagerie vocale",
        "Nouveau message vocal\n\nDe : 04 72 41 88 20\nDurée : 00:32\nReçu le : 04/03/2026 "
        "à 16:05\n\nÉcoutez le message en pièce jointe (voicemail.wav).\n\n"
        "VoIP Bureau – 18 quai Jules Courmont, 69002 Lyon – 04 78 92 10 00\n",
        "FR",
        "fr",
        "voicemail",
    ),
    _case(
        "auto-007",
        "customerservices@westbury.gov.example",
        "Westbury Borough Council",
        "Thank you for contacting Westbury Borough Council.\n\nThis is an automated response to "
        "confirm we have received your email. Your reference number is WBC-2026-118842.\n\n"
        "We aim to respond within 10 working days.\n\nCustomer Services\nWestbury Borough "
        "Council\nCivic Centre, Station Road\nWestbury BA13 3JX\nTel: 01373 822 400\n\n"
        "This email and any attachments are confidential. If you have received it in error "
        "please notify the sender and delete it.\n",
        "UK",
        "en",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "auto-008",
        "poststelle@stadt-kellinghusen.example",
        "Stadt Kellinghusen - Poststelle",
        "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Diese ist bei uns "
        "eingegangen und wird an die zuständige Stelle weitergeleitet.\n\nBitte beachten Sie: "
        "Dies ist eine automatisch erzeugte Eingangsbestätigung.\n\nMit freundlichen Grüßen\n"
        "Ihre Stadtverwaltung\n\nStadt Kellinghusen\nHauptstraße 14\n25548 Kellinghusen\n"
        "Telefon: 04822 39-0\nTelefax: 04822 39-100\n",
        "DE",
        "de",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "auto-009",
        "accueil@mairie-vernon-demo.example",
        "Mairie de Vernonville",
        "Madame, Monsieur,\n\nNous accusons réception de votre courriel. Il sera traité dans "
        "les meilleurs délais par le service concerné.\n\nCeci est un message automatique, "
        "merci de ne pas y répondre.\n\nMairie de Vernonville\nHôtel de Ville – Place de la "
        "République\n27200 Vernonville\nTél. : 02 32 64 38 00\nOuvert du lundi au vendredi, "
        "8h30-12h / 13h30-17h\n",
        "FR",
        "fr",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "auto-010",
        "registro@ayto-villanueva.example",
        "Ayuntamiento de Villanueva",
        "Estimado/a ciudadano/a:\n\nHemos recibido su correo electrónico con número de registro "
        "2026/00731. Este mensaje es una respuesta automática.\n\nAtentamente,\n"
        "Oficina de Atención Ciudadana\nAyuntamiento de Villanueva\nPlaza Mayor, 1\n"
        "28691 Villanueva de la Cañada (Madrid)\nTel. 918 11 73 00\n",
        "ES",
        "es",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "auto-011",
        "info@gemeente-dalwijk.example",
        "Gemeente Dalwijk",
        "Geachte heer/mevrouw,\n\nHartelijk dank voor uw e-mail. Wij hebben uw bericht in goede "
        "orde ontvangen. U ontvangt binnen 5 werkdagen een reactie.\n\nDit is een automatisch "
        "gegenereerd bericht.\n\nMet vriendelijke groet,\nKlantcontactcentrum Gemeente Dalwijk\n"
        "Raadhuisplein 1, 3811 MD Amersfoort\nTelefoon 14 033\n",
        "NL",
        "nl",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "auto-012",
        "protocollo@comune-sanvito.example",
        "Comune di San Vito - Protocollo",
        "Gentile utente,\n\nla sua comunicazione è stata acquisita al protocollo generale con il "
        "n. 4417 del 04/03/2026.\n\nQuesto è un messaggio generato automaticamente, si prega di "
        "non rispondere.\n\nComune di San Vito\nPiazza Municipio 3 – 33078 San Vito al "
        "Tagliamento (PN)\nTel. 0434 842 911 – PEC: comune.sanvito@pec.example\n",
        "IT",
        "it",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "auto-013",
        "alerts@thamesbank.example",
        "Thames Bank Business",
        _notice(
            "Your March statement for Business Current Account ending 4471 is ready to view in "
            "Online Banking.",
            "For your security we will never ask for your password or PIN by email.",
            footer="Thames Bank plc. Registered Office: 25 Gresham Street, London EC2V 7HN. "
            "Registered in England and Wales no. 02065123. Authorised by the Prudential "
            "Regulation Authority. Call us on 0345 300 0000.",
        ),
        "UK",
        "en",
        "bank",
        html=True,
    ),
    _case(
        "auto-014",
        "service@sparkasse-muenstertal.example",
        "Sparkasse Münstertal",
        "Sehr geehrter Kunde,\n\nin Ihrem elektronischen Postfach liegt ein neues Dokument für "
        "Sie bereit: Kontoauszug 03/2026.\n\nIhre Sparkasse Münstertal\n\n"
        "Sparkasse Münstertal · Marktplatz 2 · 79244 Münstertal\nTelefon 07636 791-0\n"
        "Vorstand: Petra Hoffmann (Vors.), Klaus Wendel · BIC MUTSDE61XXX\n",
        "DE",
        "de",
        "bank",
    ),
    _case(
        "auto-015",
        "ne-pas-repondre@banque-littoral.example",
        "Banque du Littoral",
        _notice(
            "Bonjour,",
            "Un virement de 12 480,00 EUR a été crédité sur votre compte professionnel se "
            "terminant par 0917.",
            "Consultez le détail dans votre espace client.",
            footer="Banque du Littoral – SA au capital de 84 000 000 € – 3 cours du Chapeau "
            "Rouge, 33000 Bordeaux – RCS Bordeaux 456 789 123 – Service clients : 05 56 00 "
            "12 34 (appel non surtaxé)",
        ),
        "FR",
        "fr",
        "bank",
        html=True,
    ),
    _case(
        "auto-016",
        "security@accounts.trellix-crm.example",
        "Pipewise Security",
        "New sign-in to your Pipewise account\n\nWe noticed a new sign-in from Chrome on "
        "Windows near Toronto, ON, Canada.\n\nIf this was you, you can ignore this email. If "
        "not, reset your password now: https://pipewise.example/reset\n\nThe Pipewise "
        "Security Team\n\nPipewise Inc., 100 King Street West, Suite 5700, Toronto, ON M5X "
        "1C7, Canada\n",
        "CA",
        "en",
        "security",
    ),
    _case(
        "auto-017",
        "billing@quillnote.example",
        "Quillnote Billing",
        _notice(
            "Receipt #2741-0093",
            "Amount paid: $1,188.00 USD<br>Date paid: March 4, 2026<br>Payment method: Visa "
            "ending 4242",
            "Quillnote Team plan (12 seats, annual)",
            "If you have any questions, contact us at billing@quillnote.example or call "
            "+1 (646) 470-2281.",
            footer="Quillnote, Inc.<br>33 Irving Place, 4th Floor<br>New York, NY 10003<br>"
            "United States",
        ),
        "US",
        "en",
        "receipt",
        html=True,
    ),
    _case(
        "auto-018",
        "team@metricbay.example",
        "Metricbay",
        _notice(
            "Hi Alex,",
            "Your Metricbay trial ends in 3 days. Upgrade now to keep your dashboards and "
            "scheduled reports.",
            '<a href="https://metricbay.example/upgrade">Choose a plan</a>',
            "Cheers,<br>The Metricbay team",
            footer="Metricbay Pty Ltd · 120 Collins Street, Melbourne VIC 3000, Australia<br>"
            '<a href="https://metricbay.example/unsubscribe">Unsubscribe</a> · '
            '<a href="https://metricbay.example/prefs">Email preferences</a>',
        ),
        "AU",
        "en",
        "saas",
        html=True,
    ),
    _case(
        "auto-019",
        "workday@hr.kestrelgroup.example",
        "Kestrel HR (Workday)",
        "Your time off request has been approved.\n\nType: Annual Leave\nDates: 16/03/2026 – "
        "20/03/2026\nApproved by: Fiona Carr\n\nView in Workday: https://wd.kestrelgroup."
        "example/tasks\n\nKestrel Group Ltd | People Services | 1 Canada Square, London E14 "
        "5AB | +44 20 7946 0958\n",
        "UK",
        "en",
        "hr",
    ),
    _case(
        "auto-020",
        "noreply@personal.nordwerk.example",
        "Nordwerk Personalabteilung",
        "Hallo,\n\nIhre Gehaltsabrechnung für Februar 2026 steht im Mitarbeiterportal zum "
        "Abruf bereit.\n\nBitte antworten Sie nicht auf diese E-Mail.\n\nNordwerk Maschinenbau "
        "AG – Personalabteilung\nIndustriestraße 40, 70565 Stuttgart\nTel. +49 711 2266 430\n"
        "Vorstand: Dr. Heike Lorenz · Aufsichtsratsvorsitzender: Bernd Sauer\n",
        "DE",
        "de",
        "hr",
    ),
    _case(
        "auto-021",
        "notifications@hirelane.example",
        "Hirelane",
        _notice(
            "New applicant for <b>Account Executive – Mid-Market (Chicago)</b>",
            "Jordan Whitfield<br>Senior SDR at Corvo Analytics<br>Chicago, IL<br>(312) 847-2291",
            '<a href="https://hirelane.example/a/99812">Review application</a>',
            footer="You are receiving this because you are a hiring manager on this job. "
            "Hirelane, 500 W Madison St, Chicago, IL 60661",
        ),
        "US",
        "en",
        "recruiting",
        html=True,
    ),
    _case(
        "auto-022",
        "no-reply@talentpath.example",
        "TalentPath Scheduling",
        "Interview confirmed\n\nCandidate: Élodie Marchand\nRole: Customer Success Manager "
        "(Montréal)\nWhen: Thursday, March 12, 2026, 10:00 – 10:45 EDT\nWhere: Microsoft "
        "Teams (link in the calendar invite)\nInterviewers: Alex Moreno, Sam Patel\n\n"
        "TalentPath Inc. · 1250 boul. René-Lévesque O., Montréal (Québec) H3B 4W8 · "
        "1-888-742-6611\n",
        "CA",
        "en",
        "recruiting",
    ),
    _case(
        "auto-023",
        "events@salessummit.example",
        "Revenue Leaders Summit",
        _notice(
            "You’re registered! 🎉",
            "<b>Revenue Leaders Summit 2026</b><br>Tuesday 21 April 2026, 8:30 am – 5:30 pm "
            "BST<br>The Brewery, 52 Chiswell Street, London EC1Y 4SD",
            "Your ticket number: RLS26-04418. Bring photo ID for badge collection.",
            "Questions about your booking? Call our events team on +44 20 3874 1290.",
            footer="Revenue Leaders Summit is organised by Harcourt Events Ltd, 8 Bloomsbury "
            "Square, London WC1A 2LP. Company no. 10293847.",
        ),
        "UK",
        "en",
        "event",
        html=True,
    ),
    _case(
        "auto-024",
        "no-reply@zoom-webinars.example",
        "Zoom Webinars",
        'Hi Alex,\n\nThis is a reminder that "Forecasting that survives Q-end" will begin in '
        "1 hour.\n\nDate & Time: Mar 10, 2026 11:00 AM Pacific Time (US and Canada)\n\n"
        "Join from PC, Mac, iPad, or Android: https://zoom-webinars.example/w/81234567890\n"
        "Or One tap mobile:\n    +16699006833,,81234567890# US (San Jose)\n    "
        "+19292056099,,81234567890# US (New York)\nWebinar ID: 812 3456 7890\n\n"
        "You can cancel your registration at any time.\n",
        "US",
        "en",
        "webinar",
    ),
    _case(
        "auto-025",
        "webinare@maschinenforum.example",
        "Maschinenforum Webinare",
        "Erinnerung: Ihr Webinar „Predictive Maintenance im Mittelstand“ beginnt morgen um "
        "10:00 Uhr (MEZ).\n\nZugangslink: https://maschinenforum.example/live/pm26\n\n"
        "Einwahl per Telefon: +49 69 7104 9922, Meeting-ID 334 118 902\n\nMaschinenforum "
        "GmbH · Lyoner Straße 18 · 60528 Frankfurt am Main · www.maschinenforum.example\n"
        "Abmelden: https://maschinenforum.example/abmelden\n",
        "DE",
        "de",
        "webinar",
    ),
    _case(
        "auto-026",
        "support@helpdesk.brightpay-demo.example",
        "BrightLedger Support",
        "##- Please type your reply above this line -##\n\nYour request (#48211) has been "
        "received and is being reviewed by our support staff.\n\nTo add additional comments, "
        "reply to this email.\n\nBrightLedger Support\nbrightledger.example/help | "
        "1-800-438-2290 (Mon–Fri, 8am–8pm ET)\n\nThis email is a service from BrightLedger "
        "Support.\n",
        "US",
        "en",
        "helpdesk",
    ),
    _case(
        "auto-027",
        "assistance@servicedesk.logimed.example",
        "Logimed – Service client",
        _notice(
            "Bonjour,",
            "Votre demande n° INC-0042517 a bien été enregistrée. Un conseiller vous répondra "
            "sous 48 heures ouvrées.",
            "Priorité : Normale<br>Objet : Facture F-2026-00318 – écart de quantité",
            "Cordialement,<br>Le Service client Logimed",
            footer="Logimed SAS · 9 avenue de l’Europe, 31400 Toulouse · Tél. 05 61 22 47 90 "
            "· www.logimed.example",
        ),
        "FR",
        "fr",
        "helpdesk",
        html=True,
    ),
    _case(
        "auto-028",
        "noreply@paketdienst.example",
        "Paketdienst Sendungsverfolgung",
        "Ihre Sendung 00340434161094021234 wird heute zugestellt.\n\nVoraussichtliches "
        "Zeitfenster: 10:30 – 12:30 Uhr\nEmpfänger: Stratus Demo Inc., Rosenthaler Straße 40, "
        "10178 Berlin\n\nSie sind nicht zu Hause? Lieferung umleiten: https://paketdienst."
        "example/umleiten\n\nPaketdienst GmbH, Charles-de-Gaulle-Straße 20, 53113 Bonn\n"
        "Kundenservice: 0228 4333 112\n",
        "DE",
        "de",
        "shipping",
    ),
    _case(
        "auto-029",
        "tracking@parcelpoint-us.example",
        "ParcelPoint",
        _notice(
            "<b>Your package has shipped</b>",
            "Tracking number: 1Z 999 AA1 01 2345 6784<br>Estimated delivery: Friday, "
            "March 6<br>Ship to: DENVER, CO 80202",
            "Shipped by: Ridgeway Fasteners Co., 4800 Race Street, Denver, CO 80216, "
            "(720) 384-1190",
            footer="© 2026 ParcelPoint Services, Inc. 55 Glenlake Pkwy NE, Atlanta, GA 30328. "
            "Do not reply to this automated message.",
        ),
        "US",
        "en",
        "shipping",
        html=True,
    ),
    _case(
        "auto-030",
        "suivi@colis-express.example",
        "Colis Express",
        "Bonjour,\n\nVotre colis 6A21983045712 est disponible dans votre point relais :\n\n"
        "TABAC PRESSE DU CENTRE\n14 rue Nationale\n37000 Tours\n\nIl sera conservé 10 jours.\n"
        "\nColis Express – Service clients 36 31\nCe message est envoyé automatiquement.\n",
        "FR",
        "fr",
        "shipping",
    ),
    _case(
        "auto-031",
        "noreply@auspost-demo.example",
        "Parcel Delivery Notification",
        "Your parcel is on its way\n\nFrom: ANZAC TOOLING SUPPLIES PTY LTD\nTracking ID: "
        "33LPZ5012345\nExpected delivery: Mon 9 Mar\n\nTrack your parcel: https://auspost-demo."
        "example/track\n\nParcel Delivery Services Pty Ltd, 111 Bourke Street, Melbourne VIC "
        "3000. Customer enquiries 13 76 78.\n",
        "AU",
        "en",
        "shipping",
    ),
    _case(
        "auto-032",
        "order-update@bizmart.example",
        "Bizmart Business",
        _notice(
            "Hello Alex,",
            "Thank you for your order #114-8823107-5561240.",
            "<table><tr><td>Ergonomic chair (x4)</td><td>$1,596.00</td></tr><tr><td>Monitor "
            "arm (x4)</td><td>$356.00</td></tr></table>",
            "Shipping to: Stratus Demo Inc., 600 California St, San Francisco, CA 94108",
            footer="Bizmart Business Services LLC, 410 Terry Ave N, Seattle, WA 98109. "
            "This email was sent from a notification-only address.",
        ),
        "US",
        "en",
        "marketplace",
        html=True,
    ),
    _case(
        "auto-033",
        "messages@tradehub.example",
        "TradeHub Messages",
        "You have a new message from a buyer\n\nFrom: Kowalczyk Sp. z o.o. (Poland)\n"
        'Re: Request for quotation – 2,000 pcs M8 flange nuts\n\n"Hello, please send your '
        'best price including delivery to Poznań. Regards, Marek"\n\nReply on TradeHub: '
        "https://tradehub.example/inbox/77310\n\nTradeHub B.V., Keizersgracht 174, 1016 DW "
        "Amsterdam, the Netherlands\n",
        "NL",
        "en",
        "marketplace",
    ),
    _case(
        "auto-034",
        "no_reply@appstore-review.example",
        "App Review",
        "Dear Stratus Demo Inc.,\n\nThe status of your app, Stratus Mobile (2.14.0), is now "
        "Ready for Distribution.\n\nYou can view the status in App Store Connect.\n\nBest "
        "regards,\nApp Review\n\nOne Infinite Loop, Cupertino, CA 95014\n",
        "US",
        "en",
        "app-store",
    ),
    _case(
        "auto-035",
        "payments-noreply@play-console.example",
        "Play Console",
        _notice(
            "Your payout of €3,412.50 has been sent.",
            "Payment profile: Stratus Demo Europe GmbH<br>Bank account ending in 8821",
            footer="Play Console Ireland Ltd, Gordon House, Barrow Street, Dublin 4, Ireland. "
            "You received this mandatory service announcement to update you about important "
            "changes to your account.",
        ),
        "IE",
        "en",
        "app-store",
        html=True,
    ),
    _case(
        "auto-036",
        "security-noreply@idvault.example",
        "IDVault Security",
        "Two-step verification was turned on for alex.moreno@stratus-demo.example.\n\n"
        "Device: iPhone 15\nTime: March 4, 2026, 9:14 PM (PST)\n\nIf you didn’t do this, "
        "secure your account: https://idvault.example/secure\n\nIDVault, 1 Market St, "
        "Spear Tower, San Francisco, CA 94105\n",
        "US",
        "en",
        "security",
    ),
    _case(
        "auto-037",
        "passwort@kundenportal.elektro-haas.example",
        "Elektro Haas Kundenportal",
        "Hallo,\n\nSie haben das Zurücksetzen Ihres Passworts angefordert. Klicken Sie auf den "
        "folgenden Link (gültig 30 Minuten):\nhttps://kundenportal.elektro-haas.example/pw/"
        "7f31\n\nFalls Sie das nicht waren, ignorieren Sie diese E-Mail.\n\nElektro Haas "
        "GmbH & Co. KG\nGewerbering 7\n93055 Regensburg\nT +49 941 7804 550\n"
        "Registergericht Regensburg HRA 8812\n",
        "DE",
        "de",
        "security",
    ),
    _case(
        "auto-038",
        "hello@news.fieldkit.example",
        "Fieldkit",
        _notice(
            "Hi Alex — three ways teams are cutting travel time in Q2 👇",
            "1. Route planning that knows your CRM.<br>2. Visit notes in one tap.<br>3. "
            "Offline maps for rural territories.",
            '<a href="https://fieldkit.example/demo">Book a demo</a>',
            "Talk soon,<br>The Fieldkit crew",
            footer="Fieldkit Ltd · 3 Dock Street, Leeds LS10 1JF, United Kingdom · "
            "+44 113 496 0123<br>You are receiving this email because you signed up at "
            'fieldkit.example. <a href="https://fieldkit.example/u">Unsubscribe</a>',
        ),
        "UK",
        "en",
        "marketing",
        html=True,
    ),
    _case(
        "auto-039",
        "outreach@seq.cloudvault-demo.example",
        "CloudVault Partnerships",
        "Hi Alex,\n\nFollowing up on my note last week — would a 15-minute call next Tuesday "
        "make sense to see if CloudVault fits your backup plans?\n\nCloudVault GmbH, Sonnenstr. "
        '19, 80331 München\n\nIf you don’t want to hear from us again, reply "unsubscribe" or '
        "click here: https://seq.cloudvault-demo.example/opt-out/a91f\n",
        "DE",
        "en",
        "marketing",
        "crm-sequence",
    ),
    _case(
        "auto-040",
        "calendar-noreply@pinecrest.example",
        "Pinecrest Calendar",
        "Accepted: Pricing review – Pinecrest / Stratus\n\nLindsay Graham has accepted this "
        "invitation.\n\nWhen: Wednesday, March 11, 2026 2:00 PM – 2:30 PM (UTC-05:00) Eastern "
        "Time (US & Canada)\nWhere: Microsoft Teams Meeting\n",
        "US",
        "en",
        "calendar",
    ),
    _case(
        "auto-041",
        "calendar-notification@calendar.example",
        "Google Calendar",
        _notice(
            "<b>Declined: Renewal call @ Thu Mar 12, 2026 3pm – 3:30pm (GMT)</b>",
            "Priya Shah has declined this invitation.",
            "Note from Priya: “Can we move to the following week? On site in Bristol.”",
            footer="Invitation from Google Calendar<br>You are receiving this email because "
            "you are an attendee of the event. Calendar, 1600 Amphitheatre Parkway, Mountain "
            "View, CA 94043",
        ),
        "UK",
        "en",
        "calendar",
        html=True,
    ),
    _case(
        "auto-042",
        "kalender@werkzeugbau-reuter.example",
        "Reuter Kalender",
        "Mit Vorbehalt angenommen: Abstimmung Rahmenvertrag\n\nMatthias Reuter hat diese "
        "Einladung mit Vorbehalt angenommen.\n\nWann: Donnerstag, 12. März 2026 09:00–10:00 "
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien\nWo: Besprechungsraum 2, "
        "Werk Remscheid\n",
        "DE",
        "de",
        "calendar",
    ),
    _case(
        "auto-043",
        "kirsten.ohara@coastalfreight.example",
        "Kirsten O'Hara",
        "________________________________________________________________________________\n"
        "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
        "Click here to join the meeting\nMeeting ID: 245 817 330 992\nPasscode: x7Ld9Q\n\n"
        "Or call in (audio only)\n+61 2 8318 0090,,551206233#   Australia, Sydney\n"
        "Phone Conference ID: 551 206 233#\nFind a local number | Reset PIN\n"
        "Learn More | Meeting options\n"
        "________________________________________________________________________________\n",
        "AU",
        "en",
        "calendar",
        "invite",
    ),
    _case(
        "auto-044",
        "messenger@webex-demo.example",
        "Webex",
        "Jean-François Tremblay invites you to join this Webex meeting.\n\nRevue trimestrielle "
        "/ Quarterly review\nTuesday, March 17, 2026 10:00 AM | 1 hour | (UTC-04:00) Eastern "
        "Time\n\nJoin meeting: https://webex-demo.example/meet/jftremblay\nMeeting number: "
        "2630 118 4420\nPassword: QbR8x\n\nJoin by phone\n+1-647-484-1598 Canada Toll\n"
        "Access code: 2630 118 4420\n\nNeed help? Go to https://help.webex-demo.example\n",
        "CA",
        "en",
        "fr",
        "calendar",
        "invite",
    ),
    _case(
        "auto-045",
        "calendar-notification@calendar.example",
        "Google Calendar",
        _notice(
            "<b>Invitation: Onboarding kickoff @ Mon Mar 16, 2026 9:30am – 10:30am (AEDT)</b>",
            "Organizer: Hamish Lewis<br>Guests: Alex Moreno, Ruby Tan, Hamish Lewis",
            "Join with Google Meet: meet.example/abc-defg-hij<br>Join by phone: "
            "(AU) +61 2 9051 7425 PIN: 442 118 903#",
            footer="Invitation from Google Calendar. You are receiving this email because you "
            "are an attendee of the event. Forwarding this invitation could allow any recipient "
            "to send a response to the organizer.",
        ),
        "AU",
        "en",
        "calendar",
        "invite",
        html=True,
    ),
    _case(
        "auto-046",
        "postmaster@mail.stratus-demo.example",
        "Mail Delivery Subsystem",
        "Delivery has failed to these recipients or groups:\n\nb.kessler@hofmann-antriebe.example"
        "\nThe email address you entered couldn't be found.\n\nDiagnostic information for "
        "administrators:\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not "
        "found'\n\nOriginal message headers:\nFrom: Alex Moreno <alex.moreno@stratus-demo.example>"
        "\nSubject: Angebot Q2\n",
        "DE",
        "en",
        "bounce",
    ),
    _case(
        "auto-047",
        "invitations@linkup-network.example",
        "LinkUp",
        _notice(
            "<b>Céline Roussel</b> wants to connect",
            "Directrice des achats chez Pavillon Industries · Lyon, Auvergne-Rhône-Alpes, France",
            '<a href="https://linkup-network.example/accept">Accept</a>',
            footer="This email was intended for Alex Moreno (Account Executive). LinkUp "
            "Ireland Unlimited Company, Wilton Place, Dublin 2. LinkUp is a registered "
            "business name of LinkUp Ireland Unlimited Company.",
        ),
        "FR",
        "en",
        "notification",
        html=True,
    ),
    _case(
        "auto-048",
        "noreply@crm-notify.example",
        "Salesforce Notifications",
        "Task assigned to you\n\nSubject: Call back – Ridgeway Fasteners\nRelated to: "
        "Ridgeway Fasteners Co. (Opportunity: 2026 Fastener Supply)\nDue: 3/9/2026\n"
        "Contact: Dana Kowalski, (720) 384-1190\nAssigned by: Sam Patel\n\n"
        "To view the task, click https://stratus-demo.my.crm.example/00T8d000001abc\n",
        "US",
        "en",
        "notification",
        "crm",
    ),
    _case(
        "auto-049",
        "saleops-digest@lists.revops.example",
        "RevOps Practitioners (digest)",
        "RevOps Practitioners – Daily digest, 4 March 2026\n\nTopics (3)\n1. Territory "
        "carve-outs for 2026\n2. Lead routing SLAs\n3. Re: CPQ vendors\n\n---------- "
        "1. Territory carve-outs for 2026 ----------\nFrom: Nadia Brooks\nWe split by industry "
        "first and postcode second.\n\nNadia Brooks\nRevOps Lead | Kettle & Finch\n"
        "+44 117 929 4410\n\n---------- 2. Lead routing SLAs ----------\nFrom: Tom Haverford\n"
        "Five minutes or it didn't happen.\n\nYou received this digest because you are "
        "subscribed to RevOps Practitioners. To unsubscribe, email revops+unsubscribe@lists."
        "revops.example\n",
        "UK",
        "en",
        "digest",
    ),
    _case(
        "auto-050",
        "survey@feedback.tellus-demo.example",
        "Crestline Customer Experience",
        _notice(
            "How did we do?",
            "You recently spoke with our support team about case 00418823. On a scale of 0–10, "
            "how likely are you to recommend Crestline to a colleague?",
            "0 1 2 3 4 5 6 7 8 9 10",
            footer="Crestline Software Inc., 1600 – 925 West Georgia Street, Vancouver, BC V6C "
            "3L2, Canada · 604-682-3341 · Privacy policy · Unsubscribe",
        ),
        "CA",
        "en",
        "survey",
        html=True,
    ),
    _case(
        "auto-051",
        "facturation@energie-provence.example",
        "Énergie Provence – Espace Pro",
        "Bonjour,\n\nVotre facture n° EP-26-0311742 d’un montant de 842,17 € TTC est "
        "disponible dans votre Espace Pro. Elle sera prélevée le 18/03/2026.\n\nÉnergie "
        "Provence\nService Clients Professionnels\n25 boulevard Michelet, 13008 Marseille\n"
        "09 70 80 12 34 (prix d’un appel local)\n",
        "FR",
        "fr",
        "invoice",
    ),
    _case(
        "auto-052",
        "no-reply@finanzamt-portal.example",
        "Steuerportal",
        "Sehr geehrte Damen und Herren,\n\nim Steuerportal liegt eine neue Nachricht für Sie "
        "bereit (Bescheid über Umsatzsteuer-Vorauszahlung 02/2026).\n\nBitte melden Sie sich "
        "an, um die Nachricht abzurufen.\n\nDiese Nachricht wurde automatisch erstellt.\n\n"
        "Bayerisches Landesamt für Steuern – Dienststelle Nürnberg\nKrelingstraße 50, "
        "90408 Nürnberg\n",
        "DE",
        "de",
        "public-sector",
        "notification",
    ),
    _case(
        "auto-053",
        "filing@registry.gov.example",
        "Companies Registry",
        "Filing received\n\nCompany: STRATUS DEMO UK LIMITED (12873465)\nDocument: "
        "Confirmation statement (CS01)\nSubmission number: 081-442771\n\nWe will email you "
        "again when your filing has been processed.\n\nCompanies Registry, Crown Way, Cardiff "
        "CF14 3UZ. Contact Centre 0303 123 4500\n",
        "UK",
        "en",
        "public-sector",
    ),
    _case(
        "auto-054",
        "donotreply@business-portal.gov.example",
        "Business Register",
        _notice(
            "Your business name renewal is due",
            "Business name: HARBOUR & HILL CONSULTING<br>Renewal due: 28 March 2026",
            "Renew online at business-portal.gov.example. Don’t reply to this email.",
            footer="Business Register, Level 5, 100 Market Street, Sydney NSW 2000, Australia. "
            "Phone 1300 300 630.",
        ),
        "AU",
        "en",
        "public-sector",
        html=True,
    ),
    _case(
        "auto-055",
        "ne-pas-repondre@services-canada.example",
        "Service Canada",
        "Ceci est un message automatique. / This is an automated message.\n\nVotre demande a "
        "été reçue (numéro de confirmation 7741-2290). / Your request has been received "
        "(confirmation number 7741-2290).\n\nService Canada\n1-800-622-6232\nGouvernement du "
        "Canada / Government of Canada\n",
        "CA",
        "fr",
        "en",
        "public-sector",
    ),
    _case(
        "auto-056",
        "multas@peajes-levante.example",
        "Autopistas del Levante",
        "Estimado cliente:\n\nLe informamos de que su factura de peajes correspondiente a "
        "febrero de 2026 ya está disponible en el área de clientes.\n\nImporte: 64,30 €\n\n"
        "Autopistas del Levante, S.A. · C/ Colón, 22 · 46004 Valencia · Tel. 963 52 18 40\n"
        "Este correo se ha enviado desde una dirección que no acepta respuestas.\n",
        "ES",
        "es",
        "invoice",
    ),
    _case(
        "auto-057",
        "bookings@aeroligne.example",
        "Aeroligne",
        _notice(
            "Booking confirmed – reference K7QX2M",
            "YUL → CDG · Tue 24 Mar 2026 · 19:05 – 08:10+1<br>Passenger: MORENO/ALEX MR",
            "Manage your booking online or call us on 1 800 667-2747.",
            footer="Aeroligne Inc., 7373 boul. de la Côte-Vertu, Saint-Laurent (Québec) H4S 1Z3, "
            "Canada",
        ),
        "CA",
        "en",
        "travel",
        html=True,
    ),
    _case(
        "auto-058",
        "prenotazioni@hotelcanalgrande.example",
        "Hotel Canal Grande",
        "Gentile Alex Moreno,\n\nla ringraziamo per aver scelto il nostro hotel. Confermiamo la "
        "sua prenotazione n. 55218:\nArrivo: 25/03/2026 – Partenza: 27/03/2026\nCamera doppia "
        "uso singola\n\nCordiali saluti,\nRicevimento\n\nHotel Canal Grande ****\nVia "
        "Emilia 110 – 41121 Modena\nTel. +39 059 217 160\nP.IVA 01234560366\n",
        "IT",
        "it",
        "travel",
    ),
    _case(
        "auto-059",
        "noreply@reisplanner-demo.example",
        "Reisplanner",
        "Je e-ticket\n\nAmsterdam Centraal → Rotterdam Centraal\nDatum: 10-03-2026, 2e klas, "
        "1 volwassene\nPrijs: € 17,80\n\nLaat je e-ticket zien bij controle.\n\nReisplanner "
        "B.V. · Postbus 2025 · 3500 HA Utrecht · 030 751 5155\n",
        "NL",
        "nl",
        "travel",
    ),
    _case(
        "auto-060",
        "expenses@spendwise.example",
        "Spendwise",
        'Your expense report "Paris client visit – March" (€1,284.60) was approved by Claire '
        "Dubois and sent for reimbursement.\n\nSpendwise SAS, 40 rue du Louvre, 75001 Paris\n"
        "Manage notifications: https://spendwise.example/settings\n",
        "FR",
        "en",
        "saas",
    ),
    _case(
        "auto-061",
        "contracts@clauseboard.example",
        "Clauseboard",
        _notice(
            "Renewal reminder: <b>Master Services Agreement – Tillman Medical Supply</b>",
            "Auto-renews on 30 April 2026. Notice period: 60 days (ends 1 March 2026).",
            "Counterparty contact: Greg Tillman, VP Operations, (404) 931-2257",
            footer="Clauseboard, Inc. · 75 5th St NW, Atlanta, GA 30308 · You are receiving "
            "this because you own this contract.",
        ),
        "US",
        "en",
        "saas",
        html=True,
    ),
    _case(
        "auto-062",
        "drive-shares-noreply@docs.example",
        "Hannah Becker (via Docs)",
        _notice(
            "Hannah Becker shared a document",
            "Hannah Becker (h.becker@vogt-logistik.example) has invited you to <b>edit</b> the "
            "following document:",
            "Lieferantenbewertung_2026.xlsx",
            '<a href="https://docs.example/d/1xT">Open</a>',
            footer="Docs: Owned by Hannah Becker. Docs, 1600 Amphitheatre Parkway, Mountain "
            "View, CA 94043, USA. You have received this email because h.becker@vogt-logistik."
            "example shared a document with you.",
        ),
        "DE",
        "en",
        "notification",
        html=True,
    ),
    _case(
        "auto-063",
        "newsletter@verband-fertigung.example",
        "VDF Verband der Fertigungsindustrie",
        _notice(
            "VDF-Newsletter März 2026",
            "Themen: Lieferkettengesetz – was sich 2026 ändert · Energiepreisbremse · Termine",
            footer="Verband der Fertigungsindustrie e.V. · Lyoner Straße 18 · 60528 Frankfurt "
            "am Main · Tel. +49 69 6603 0 · Vereinsregister Frankfurt VR 4412<br>"
            '<a href="https://verband-fertigung.example/abmelden">Newsletter abbestellen</a>',
        ),
        "DE",
        "de",
        "marketing",
        html=True,
    ),
    _case(
        "auto-064",
        "debitoren@brandt-stahlhandel.example",
        "Brandt Stahlhandel - Buchhaltung",
        "Zahlungserinnerung\n\nSehr geehrte Damen und Herren,\n\nbei Durchsicht unserer Konten "
        "haben wir festgestellt, dass folgende Rechnung noch offen ist:\n\nRe.-Nr. 2026-1187 "
        "vom 02.02.2026 – 4.312,80 EUR\n\nDieses Schreiben wurde maschinell erstellt und ist "
        "ohne Unterschrift gültig.\n\nBrandt Stahlhandel GmbH · Hafenstraße 31 · 47119 "
        "Duisburg\nTel. 0203 8091 40 · Fax 0203 8091 499\nGeschäftsführer: Uwe Brandt · "
        "HRB 22871 Amtsgericht Duisburg\n",
        "DE",
        "de",
        "invoice",
    ),
    _case(
        "auto-065",
        "forms@webflowforms.example",
        "Website Forms",
        "New submission: Contact us (stratus-demo.example)\n\nName: Oliver Brandt\nCompany: "
        "Brandt Kältetechnik\nEmail: o.brandt@kaeltetechnik-brandt.example\nPhone: +49 40 3098 "
        "4412\nMessage: Bitte um Rückruf wegen Lizenzen für 40 Nutzer.\n\nManage form "
        "notifications in your site settings.\n",
        "DE",
        "en",
        "notification",
        "web-form",
    ),
    _case(
        "auto-066",
        "assurances@mutuelle-atlantique.example",
        "Mutuelle Atlantique Entreprises",
        _notice(
            "Madame, Monsieur,",
            "Vos attestations d’assurance responsabilité civile professionnelle 2026 sont "
            "disponibles dans votre espace adhérent.",
            footer="Mutuelle Atlantique – Mutuelle soumise au livre II du Code de la mutualité "
            "– 2 rue Crucy, 44000 Nantes – SIREN 775 123 456 – 02 40 35 71 12",
        ),
        "FR",
        "fr",
        "insurance",
        html=True,
    ),
]

# ---------------------------------------------------------------------------------------------
# People who did not sign, out-of-office replies, and forwards of others' mail
# ---------------------------------------------------------------------------------------------
CASES += [
    _case(
        "ooo-001",
        "r.fairbairn@lomondpaper.example",
        "Rhona Fairbairn",
        "Thank you for your email. I am out of the office until Monday 16 March with limited "
        "access to email.\n\nFor urgent orders please contact Callum Reid on 0141 221 3390 or "
        "orders@lomondpaper.example.\n",
        "UK",
        "en",
        "out-of-office",
    ),
    _case(
        "ooo-002",
        "s.winkler@holzbau-winkler.example",
        "Sabine Winkler",
        "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 13.03.2026 nicht im Büro. "
        "Ihre E-Mail wird nicht weitergeleitet.\n\nIn dringenden Fällen wenden Sie sich bitte "
        "an meinen Kollegen Herrn Krause, Tel. +49 89 2154 3390.\n",
        "DE",
        "de",
        "out-of-office",
    ),
    _case(
        "ooo-003",
        "m.lefevre@atelier-lefevre.example",
        "Mathilde Lefèvre",
        "Bonjour,\n\nJe suis absente du bureau jusqu’au 20 mars inclus. Pour toute urgence, "
        "merci de contacter Julien Perrin au 04 72 41 88 20.\n\nCordialement\n",
        "FR",
        "fr",
        "out-of-office",
    ),
    _case(
        "ooo-004",
        "jgarrido@suministros-garrido.example",
        "Javier Garrido",
        "Gracias por su mensaje. Estaré fuera de la oficina hasta el 12 de marzo. Para asuntos "
        "urgentes, contacte con ventas@suministros-garrido.example o llame al 934 12 56 70.\n"
        "\nUn saludo.\n",
        "ES",
        "es",
        "out-of-office",
    ),
    _case(
        "ooo-005",
        "p.vandam@vandam-installatie.example",
        "Pieter van Dam",
        "Dank voor je bericht. Ik ben tot en met 11 maart afwezig en lees mijn e-mail niet.\n"
        "Voor dringende zaken kun je contact opnemen met ons kantoor: 030 231 4455.\n",
        "NL",
        "nl",
        "out-of-office",
    ),
    _case(
        "ooo-006",
        "l.ferri@ferri-meccanica.example",
        "Lucia Ferri",
        "Grazie per il messaggio. Sarò fuori ufficio fino al 9 marzo con accesso limitato alla "
        "posta. Per urgenze contattare l’ufficio commerciale al numero 051 644 2871.\n\n"
        "Thank you for your email, I am out of the office until 9 March.\n",
        "IT",
        "it",
        "en",
        "out-of-office",
    ),
    _case(
        "ooo-007",
        "dwheeler@prairieag.example",
        "Dale Wheeler",
        _owa(
            "I'm at the Ag Expo through Thursday and will reply when I'm back. If it can't "
            "wait, call the main office at 403-265-7781."
        ),
        "CA",
        "en",
        "out-of-office",
        html=True,
    ),
    _case(
        "human-001",
        "megan.o@tidewaterlogistics.example",
        "Megan Olsen",
        "Thanks!\n\nSent from my iPhone\n\n"
        + _wrote(ME, ME_ADDR)
        + _q("Hi Megan, the revised quote is attached.\n\n" + MY_SIG),
        "US",
        "en",
        "reply",
        "mobile",
    ),
    _case(
        "human-002",
        "j.hartley@hartleybuild.example",
        "James Hartley",
        "Works for me. —J\n\n"
        + _wrote("Nicola Price", "n.price@hartleybuild.example", "Tue, Mar 3, 2026 at 11:02 AM")
        + _q(
            "Alex, can we do Thursday 10am for the site visit?\n\nNicola Price\nProcurement "
            "Manager\nHartley Build Ltd\n0117 929 4410\n"
        ),
        "UK",
        "en",
        "reply",
        "short-sign-off",
    ),
    _case(
        "human-003",
        "t.nguyen@southbankmedia.example",
        "Tuan Nguyen",
        _fwd("Grace Whitlam", "grace.whitlam@whitlamprint.example", "Print run pricing")
        + "Hi Tuan,\n\nPrices for 5,000 units attached, valid 30 days.\n\nGrace Whitlam\n"
        "Sales Manager\nWhitlam Print Co.\n22 Montague Street, South Melbourne VIC 3205\n"
        "+61 3 9614 2280\n",
        "AU",
        "en",
        "forward",
    ),
    _case(
        "human-004",
        "k.schulte@schulte-verpackung.example",
        "Katrin Schulte",
        _apple(
            "Passt, danke!<br><br>Von meinem iPhone gesendet",
            quoted_from=f"{ME} &lt;{ME_ADDR}&gt;",
            quote="Hallo Frau Schulte, anbei das Angebot.<br><br>" + _br(MY_SIG),
        ),
        "DE",
        "de",
        "reply",
        "mobile",
        html=True,
    ),
    _case(
        "human-005",
        "a.roy@groupe-roy.example",
        "Antoine Roy",
        "Oui, parfait pour mardi.\n\nEnvoyé de mon iPhone\n\n"
        + _wrote(ME, ME_ADDR, "le 3 mars 2026 à 14:10")
        + _q("Bonjour Antoine, est-ce que mardi 10 h vous convient ?\n\n" + MY_SIG),
        "CA",
        "fr",
        "reply",
        "mobile",
    ),
    _case(
        "human-006",
        "bree.collins@gmail.example",
        "Bree Collins",
        _gmail(
            "See below from our finance lead — can you action?",
            quoted_from="Warren Blake &lt;w.blake@blakefinance.example&gt;",
            quote="Bree, invoice 2291 needs a PO number before we can pay.<br><br>Warren Blake"
            "<br>Finance Director | Blake Finance Pty Ltd<br>Level 3, 45 Eagle Street, "
            "Brisbane QLD 4000<br>+61 7 3221 5590",
        ),
        "AU",
        "en",
        "forward",
        html=True,
    ),
    _case(
        "human-007",
        "o.pratt@prattengineering.example",
        "Owen Pratt",
        _mso(
            "Yes – go ahead with option B.",
            quoted_from="Alex Moreno &lt;alex.moreno@stratus-demo.example&gt;",
            quote="Owen, two options attached, A (3 years) and B (2 years).<br><br>" + _br(MY_SIG),
        ),
        "UK",
        "en",
        "reply",
        html=True,
    ),
]

# ---------------------------------------------------------------------------------------------
# Ordinary signed sales mail, mostly simple
# ---------------------------------------------------------------------------------------------
CASES += [
    _case(
        "us-001",
        "dana.kowalski@ridgewayfasteners.example",
        "Dana Kowalski",
        "Hi Alex,\n\nWe'd like to move forward with the 25-seat package. Can you send the order "
        "form?\n\nThanks,\nDana\n\nDana Kowalski\nPurchasing Manager\nRidgeway Fasteners Co.\n"
        "4800 Race Street\nDenver, CO 80216\n(720) 384-1190\n",
        "US",
        "en",
        first_name="Dana",
        last_name="Kowalski",
        title="Purchasing Manager",
        company="Ridgeway Fasteners Co.",
        street="4800 Race Street",
        city="Denver",
        state="CO",
        postal_code="80216",
        phone="+17203841190",
    ),
    _case(
        "us-002",
        "greg@tillmanmedical.example",
        "Greg Tillman",
        _owa(
            "Alex – the board signed off. Let's get the paperwork started.",
            "Greg Tillman",
            "VP Operations | Tillman Medical Supply",
            "O: (404) 931-2257 | M: (404) 718-3364",
            "tillmanmedical.example",
        ),
        "US",
        "en",
        html=True,
        first_name="Greg",
        last_name="Tillman",
        title="VP Operations",
        company="Tillman Medical Supply",
        phone="+14049312257",
        mobile="+14047183364",
        website="tillmanmedical.example",
    ),
    _case(
        "us-003",
        "lgraham@pinecrestfoods.example",
        "Lindsay Graham",
        _gmail(
            "Hi Alex,<br><br>Could we push the demo to 2:30? Something came up.<br><br>Best,"
            "<br>Lindsay",
            "Lindsay Graham",
            "Director of Sales Operations",
            "Pinecrest Foods, Inc.",
            "617-934-5120",
        ),
        "US",
        "en",
        html=True,
        first_name="Lindsay",
        last_name="Graham",
        title="Director of Sales Operations",
        company="Pinecrest Foods, Inc.",
        phone="+16179345120",
    ),
    _case(
        "us-004",
        "marcus.bell@bellhvac.example",
        "Marcus Bell",
        "Alex,\n\nGot the quote, looks fair. I'll have our controller call you.\n\n"
        "Marcus Bell\nOwner, Bell Heating & Air\nCell 214-663-4180\n\n"
        + _wrote(ME, ME_ADDR)
        + _q("Marcus, quote attached as discussed.\n\n" + MY_SIG),
        "US",
        "en",
        "reply",
        first_name="Marcus",
        last_name="Bell",
        title="Owner",
        company="Bell Heating & Air",
        mobile="+12146634180",
    ),
    _case(
        "us-005",
        "akim@harborlinefreight.example",
        "Andrew Kim",
        "Hello Alex,\n\nFollowing up from the trade show — attaching our lane volumes.\n\n"
        "Regards,\n\nAndrew Kim | Senior Account Manager | Harborline Freight\n"
        "1201 Alaskan Way, Seattle, WA 98101\nT 206.448.7712 x204\nwww.harborlinefreight."
        "example\n",
        "US",
        "en",
        first_name="Andrew",
        last_name="Kim",
        title="Senior Account Manager",
        company="Harborline Freight",
        street="1201 Alaskan Way",
        city="Seattle",
        state="WA",
        postal_code="98101",
        phone="+12064487712",
        website="www.harborlinefreight.example",
    ),
    _case(
        "us-006",
        "rachel.ortiz@summitdental.example",
        "Rachel Ortiz",
        "Hi Alex, yes please send the contract to me directly.\n\nRachel Ortiz\nPractice "
        "Administrator\nSummit Dental Group\n415-872-3306\n\nCONFIDENTIALITY NOTICE: This email "
        "may contain protected health information. If you are not the intended recipient, "
        "please delete it and notify the sender. Summit Dental Group, 2 Embarcadero Center, "
        "San Francisco, CA 94111.\n",
        "US",
        "en",
        first_name="Rachel",
        last_name="Ortiz",
        title="Practice Administrator",
        company="Summit Dental Group",
        phone="+14158723306",
    ),
    _case(
        "uk-001",
        "nicola.price@hartleybuild.example",
        "Nicola Price",
        "Hi Alex,\n\nPlease find our PO attached.\n\nKind regards\n\nNicola Price\n"
        "Procurement Manager\nHartley Build Ltd\nUnit 4, Avonmouth Way\nBristol BS11 9YA\n"
        "0117 929 4410\n",
        "UK",
        "en",
        first_name="Nicola",
        last_name="Price",
        title="Procurement Manager",
        company="Hartley Build Ltd",
        street="Unit 4, Avonmouth Way",
        city="Bristol",
        postal_code="BS11 9YA",
        phone="+441179294410",
    ),
    _case(
        "uk-002",
        "callum.reid@lomondpaper.example",
        "Callum Reid",
        _mso(
            "Morning Alex, we’re good to go on the 12-month term.",
            "Callum Reid",
            "Head of Commercial",
            "Lomond Paper Ltd",
            "T: 0141 221 3390 | M: 07912 345678",
            "www.lomondpaper.example",
            "Lomond Paper Ltd is registered in Scotland, company no. SC412233. Registered "
            "office: 5 Atlantic Quay, Glasgow G2 8JB.",
        ),
        "UK",
        "en",
        html=True,
        first_name="Callum",
        last_name="Reid",
        title="Head of Commercial",
        company="Lomond Paper Ltd",
        phone="+441412213390",
        mobile="+447912345678",
        website="www.lomondpaper.example",
    ),
    _case(
        "uk-003",
        "s.ahmed@ashworthlegal.example",
        "Sana Ahmed",
        "Dear Alex,\n\nThank you for the proposal; our partners will review it on Thursday.\n\n"
        "Yours sincerely,\n\nSana Ahmed\nOperations Director\nAshworth Legal LLP\n"
        "DD: +44 (0)161 832 4471\n\nAshworth Legal LLP is authorised and regulated by the "
        "Solicitors Regulation Authority (SRA number 612345). A list of members is available "
        "at our registered office, 1 Spinningfields, Manchester M3 3JE.\n",
        "UK",
        "en",
        first_name="Sana",
        last_name="Ahmed",
        title="Operations Director",
        company="Ashworth Legal LLP",
        phone="+441618324471",
    ),
    _case(
        "uk-004",
        "tom@kettleandfinch.example",
        "Tom Gilbert",
        "Cheers Alex, speak Friday.\n\nTom\n--\nTom Gilbert\nFounder, Kettle & Finch\n"
        "07912 604221\n",
        "UK",
        "en",
        first_name="Tom",
        last_name="Gilbert",
        title="Founder",
        company="Kettle & Finch",
        phone="+447912604221",
    ),
    _case(
        "uk-005",
        "e.morgan@cardiffmarine.example",
        "Eleri Morgan",
        _gmail(
            "Hi Alex,<br><br>Happy with the pricing. Who should I send the signed copy to?",
            "Eleri Morgan",
            "Fleet Manager – Cardiff Marine Services",
            "Britannia Quay, Cardiff CF10 4GA",
            "Tel: 029 2044 8120",
            quoted_from="Alex Moreno &lt;alex.moreno@stratus-demo.example&gt;",
            quote="Eleri, updated pricing below.<br><br>" + _br(MY_SIG),
        ),
        "UK",
        "en",
        "reply",
        html=True,
        first_name="Eleri",
        last_name="Morgan",
        title="Fleet Manager",
        company="Cardiff Marine Services",
        street="Britannia Quay",
        city="Cardiff",
        postal_code="CF10 4GA",
        phone="+442920448120",
    ),
    _case(
        "uk-006",
        "h.barker@barkerfoods.example",
        "Helen Barker",
        "Alex\n\nForwarding this from our supplier, can you look at point 3?\n\nHelen Barker\n"
        "Category Buyer, Barker Foods plc\nMobile 07912 480 331\n\n"
        + _fwd("Ian Clegg", "ian@cleggpackaging.example", "Spec sheet")
        + "Helen, spec sheet attached.\n\nIan Clegg\nClegg Packaging\n01422 365 100\n",
        "UK",
        "en",
        "forward",
        first_name="Helen",
        last_name="Barker",
        title="Category Buyer",
        company="Barker Foods plc",
        mobile="+447912480331",
    ),
    _case(
        "ca-001",
        "priya.sandhu@northmetal.example",
        "Priya Sandhu",
        "Hi Alex,\n\nAttached is our signed NDA.\n\nPriya Sandhu\nProcurement Lead\nNorth "
        "Metal Works Inc.\n350 Bay Street, Suite 800\nToronto, ON M5H 2S6\nTel: 416-362-4870\n",
        "CA",
        "en",
        first_name="Priya",
        last_name="Sandhu",
        title="Procurement Lead",
        company="North Metal Works Inc.",
        street="350 Bay Street, Suite 800",
        city="Toronto",
        state="ON",
        postal_code="M5H 2S6",
        phone="+14163624870",
    ),
    _case(
        "ca-002",
        "jf.tremblay@groupe-boreal.example",
        "Jean-François Tremblay",
        "Bonjour Alex,\n\nMerci pour la rencontre d’hier. Nous aimerions recevoir une "
        "soumission pour 40 licences.\n\nCordialement,\n\nJean-François Tremblay\n"
        "Directeur des ventes\nGroupe Boréal inc.\n1100, boul. René-Lévesque Ouest\n"
        "Montréal (Québec) H3B 4N4\nTél. : 514 871-2234\nCell. : 514 592-7741\n",
        "CA",
        "fr",
        first_name="Jean-François",
        last_name="Tremblay",
        title="Directeur des ventes",
        company="Groupe Boréal inc.",
        street="1100, boul. René-Lévesque Ouest",
        city="Montréal",
        state="Québec",
        postal_code="H3B 4N4",
        phone="+15148712234",
        mobile="+15145927741",
    ),
    _case(
        "ca-003",
        "kate.macdonald@harbourviewhealth.example",
        "Kate MacDonald",
        _owa(
            "Thanks Alex — looping in our IT lead for the security review.",
            "Kate MacDonald",
            "Manager, Clinical Systems",
            "Harbourview Health",
            "1796 Summer Street, Halifax, NS B3H 3A7",
            "P: 902-422-1180",
        ),
        "CA",
        "en",
        html=True,
        first_name="Kate",
        last_name="MacDonald",
        title="Manager, Clinical Systems",
        company="Harbourview Health",
        street="1796 Summer Street",
        city="Halifax",
        state="NS",
        postal_code="B3H 3A7",
        phone="+19024221180",
    ),
    _case(
        "ca-004",
        "ryan@prairieag.example",
        "Ryan Dueck",
        "Sounds good, send it over.\n\nRyan Dueck | Sales Manager | Prairie Ag Supply\n"
        "403-265-7781\n\n"
        + _wrote(ME, ME_ADDR)
        + _q("Ryan, I'll send the proposal today.\n\n" + MY_SIG),
        "CA",
        "en",
        "reply",
        first_name="Ryan",
        last_name="Dueck",
        title="Sales Manager",
        company="Prairie Ag Supply",
        phone="+14032657781",
    ),
    _case(
        "ca-005",
        "m.gagnon@transports-gagnon.example",
        "Marie-Ève Gagnon",
        _mso(
            "Bonjour, voici notre bon de commande signé. / Hello, please find our signed PO.",
            "Marie-Ève Gagnon",
            "Coordonnatrice des achats / Purchasing Coordinator",
            "Transports Gagnon ltée",
            "T 418 694-2210 | F 418 694-2299",
        ),
        "CA",
        "fr",
        "en",
        html=True,
        first_name="Marie-Ève",
        last_name="Gagnon",
        title="Coordonnatrice des achats / Purchasing Coordinator",
        company="Transports Gagnon ltée",
        phone="+14186942210",
        fax="+14186942299",
    ),
    _case(
        "ca-006",
        "d.chen@coastcedar.example",
        "David Chen",
        "Hi Alex,\n\nQuick one: does the Pro tier include SSO?\n\nDavid Chen\nIT Manager, "
        "Coast Cedar Products Ltd.\nVancouver, BC\n604-682-3390\n",
        "CA",
        "en",
        first_name="David",
        last_name="Chen",
        title="IT Manager",
        company="Coast Cedar Products Ltd.",
        city="Vancouver",
        state="BC",
        phone="+16046823390",
    ),
    _case(
        "de-001",
        "m.reuter@werkzeugbau-reuter.example",
        "Matthias Reuter",
        "Hallo Herr Moreno,\n\nvielen Dank für das Angebot. Wir melden uns bis Freitag.\n\n"
        "Mit freundlichen Grüßen\n\nMatthias Reuter\nEinkaufsleiter\nWerkzeugbau Reuter GmbH\n"
        "Lenneper Straße 112\n42855 Remscheid\nTel.: +49 2191 46 92 10\nFax: +49 2191 46 92 "
        "99\nwww.werkzeugbau-reuter.example\n\nGeschäftsführer: Frank Reuter · Amtsgericht "
        "Wuppertal HRB 12345\n",
        "DE",
        "de",
        first_name="Matthias",
        last_name="Reuter",
        title="Einkaufsleiter",
        company="Werkzeugbau Reuter GmbH",
        street="Lenneper Straße 112",
        city="Remscheid",
        postal_code="42855",
        phone="+492191469210",
        fax="+492191469299",
        website="www.werkzeugbau-reuter.example",
    ),
    _case(
        "de-002",
        "h.becker@vogt-logistik.example",
        "Hannah Becker",
        _owa(
            "Hallo Alex,<br>anbei die Lieferantenbewertung. Können wir nächste Woche "
            "telefonieren?<br>Viele Grüße<br>Hannah",
            "Hannah Becker",
            "Teamleiterin Einkauf | Vogt Logistik GmbH",
            "Mobil: +49 151 2345 6789",
        ),
        "DE",
        "de",
        html=True,
        first_name="Hannah",
        last_name="Becker",
        title="Teamleiterin Einkauf",
        company="Vogt Logistik GmbH",
        mobile="+4915123456789",
    ),
    _case(
        "de-003",
        "o.brandt@kaeltetechnik-brandt.example",
        "Oliver Brandt",
        "Guten Tag,\n\nbitte senden Sie mir die AGB.\n\nGruß\nOliver Brandt\n\n--\nBrandt "
        "Kältetechnik e.K.\nOliver Brandt, Inhaber\nNeuer Wall 50 · 20354 Hamburg\n"
        "T +49 40 3098 4412 · Handy +49 172 3304 118\n",
        "DE",
        "de",
        first_name="Oliver",
        last_name="Brandt",
        title="Inhaber",
        company="Brandt Kältetechnik e.K.",
        street="Neuer Wall 50",
        city="Hamburg",
        postal_code="20354",
        phone="+494030984412",
        mobile="+491723304118",
    ),
    _case(
        "de-004",
        "j.wagner@medtec-wagner.example",
        "Julia Wagner",
        _mso(
            "Sehr geehrter Herr Moreno, anbei unsere Anforderungen für die Ausschreibung.",
            "Dr. Julia Wagner",
            "Leitung Vertrieb",
            "MedTec Wagner AG | Maximilianstraße 35 | 80539 München",
            "Telefon +49 89 2154 3300",
            "Sitz der Gesellschaft: München, Registergericht: Amtsgericht München HRB 201234, "
            "Vorstand: Dr. Julia Wagner, Peter Kühn",
        ),
        "DE",
        "de",
        html=True,
        first_name="Julia",
        last_name="Wagner",
        title="Leitung Vertrieb",
        company="MedTec Wagner AG",
        street="Maximilianstraße 35",
        city="München",
        postal_code="80539",
        phone="+498921543300",
    ),
    _case(
        "de-005",
        "t.krause@holzbau-winkler.example",
        "Thomas Krause",
        "Hallo Herr Moreno,\n\nFrau Winkler ist im Urlaub, ich übernehme. Passt Dienstag?\n\n"
        "Beste Grüße\nThomas Krause\nProjektleiter\nHolzbau Winkler GmbH\nTel. 089 2154 3390\n\n"
        "-----Ursprüngliche Nachricht-----\nVon: Sabine Winkler <s.winkler@holzbau-winkler."
        "example>\nGesendet: Montag, 2. März 2026 08:14\nAn: Alex Moreno\nBetreff: Termin\n\n"
        "Sabine Winkler\nGeschäftsführerin\nMobil 0171 884 2290\n",
        "DE",
        "de",
        "reply",
        first_name="Thomas",
        last_name="Krause",
        title="Projektleiter",
        company="Holzbau Winkler GmbH",
        phone="+498921543390",
    ),
    _case(
        "de-006",
        "anja.koch@koch-elektronik.example",
        "Anja Koch",
        _gmail(
            "Hi Alex, thanks for the call today – our German team will review the offer.",
            "Anja Koch",
            "Key Account Manager",
            "Koch Elektronik GmbH",
            "Kronenstraße 22, 70173 Stuttgart, Germany",
            "+49 711 2266 401",
        ),
        "DE",
        "en",
        html=True,
        first_name="Anja",
        last_name="Koch",
        title="Key Account Manager",
        company="Koch Elektronik GmbH",
        street="Kronenstraße 22",
        city="Stuttgart",
        postal_code="70173",
        country="Germany",
        phone="+497112266401",
    ),
    _case(
        "fr-001",
        "c.dubois@pavillon-industries.example",
        "Claire Dubois",
        "Bonjour Alex,\n\nSuite à notre échange, je vous confirme notre intérêt pour l’offre "
        "Entreprise.\n\nBien cordialement,\n\nClaire Dubois\nResponsable Achats\nPavillon "
        "Industries\n42 rue de la Part-Dieu\n69003 Lyon\nTél. : 04 72 41 88 00\n"
        "Port. : 06 12 34 56 78\n",
        "FR",
        "fr",
        first_name="Claire",
        last_name="Dubois",
        title="Responsable Achats",
        company="Pavillon Industries",
        street="42 rue de la Part-Dieu",
        city="Lyon",
        postal_code="69003",
        phone="+33472418800",
        mobile="+33612345678",
    ),
    _case(
        "fr-002",
        "j.perrin@atelier-lefevre.example",
        "Julien Perrin",
        _owa(
            "Bonjour,<br>Mathilde est absente, je reprends le dossier. Pouvez-vous me renvoyer "
            "le devis ?<br>Merci",
            "Julien Perrin",
            "Chargé d’affaires – Atelier Lefèvre",
            "04 72 41 88 20",
        ),
        "FR",
        "fr",
        html=True,
        first_name="Julien",
        last_name="Perrin",
        title="Chargé d’affaires",
        company="Atelier Lefèvre",
        phone="+33472418820",
    ),
    _case(
        "fr-003",
        "s.martin@cabinet-martin-avocats.example",
        "Sophie Martin",
        "Monsieur,\n\nJe vous prie de trouver ci-joint nos observations sur le contrat.\n\n"
        "Bien à vous,\n\nMe Sophie Martin\nAvocate associée\nCabinet Martin Avocats\n8 avenue "
        "Hoche – 75008 Paris\nT. +33 1 42 68 53 00\n\nCe message et ses pièces jointes sont "
        "confidentiels et couverts par le secret professionnel.\n",
        "FR",
        "fr",
        first_name="Sophie",
        last_name="Martin",
        title="Avocate associée",
        company="Cabinet Martin Avocats",
        street="8 avenue Hoche",
        city="Paris",
        postal_code="75008",
        phone="+33142685300",
    ),
    _case(
        "fr-004",
        "l.bernard@aerosud.example",
        "Lucas Bernard",
        "Hello Alex,\n\nOK pour la démo jeudi.\n\nLucas\n\nLucas Bernard | Directeur commercial "
        "| AéroSud\n5 allée Émile Monso, 31100 Toulouse, France\n+33 5 61 22 47 00\n\n"
        + _wrote(ME, ME_ADDR)
        + _q("Lucas, jeudi 15h vous convient ?\n\n" + MY_SIG),
        "FR",
        "fr",
        "reply",
        first_name="Lucas",
        last_name="Bernard",
        title="Directeur commercial",
        company="AéroSud",
        street="5 allée Émile Monso",
        city="Toulouse",
        postal_code="31100",
        country="France",
        phone="+33561224700",
    ),
    _case(
        "fr-005",
        "n.robert@nantes-emballages.example",
        "Nathalie Robert",
        _apple(
            "Bonjour Alex, voici le bon de commande signé.<br>Bonne journée",
            "Nathalie Robert",
            "Acheteuse – Nantes Emballages SAS",
            "02 40 35 71 00",
        ),
        "FR",
        "fr",
        html=True,
        first_name="Nathalie",
        last_name="Robert",
        title="Acheteuse",
        company="Nantes Emballages SAS",
        phone="+33240357100",
    ),
    _case(
        "fr-006",
        "p.girard@girard-transports.example",
        "Pierre Girard",
        "Bonjour,\n\nNous transférons ci-dessous la demande de notre client.\n\nPierre Girard\n"
        "Gérant\nGirard Transports SARL\nFax : 02 32 64 38 99\nTél : 02 32 64 38 10\n\n"
        + _fwd("Hélène Faure", "h.faure@faure-distribution.example", "Demande de tarif")
        + "Bonjour, pouvez-vous nous faire un tarif ?\n\nHélène Faure\nFaure Distribution\n"
        "05 56 00 12 40\n",
        "FR",
        "fr",
        "forward",
        first_name="Pierre",
        last_name="Girard",
        title="Gérant",
        company="Girard Transports SARL",
        phone="+33232643810",
        fax="+33232643899",
    ),
    _case(
        "au-001",
        "grace.whitlam@whitlamprint.example",
        "Grace Whitlam",
        "Hi Alex,\n\nThanks for your time today. Pricing for 5,000 units attached.\n\n"
        "Cheers,\nGrace\n\nGrace Whitlam\nSales Manager\nWhitlam Print Co.\n22 Montague "
        "Street, South Melbourne VIC 3205\n+61 3 9614 2280\n",
        "AU",
        "en",
        first_name="Grace",
        last_name="Whitlam",
        title="Sales Manager",
        company="Whitlam Print Co.",
        street="22 Montague Street",
        city="South Melbourne",
        state="VIC",
        postal_code="3205",
        phone="+61396142280",
    ),
    _case(
        "au-002",
        "hamish.lewis@lewisgroup.example",
        "Hamish Lewis",
        _owa(
            "G'day Alex, invite sent for Monday. Ruby will join too.",
            "Hamish Lewis",
            "General Manager – Lewis Group",
            "M 0412 345 678",
            "Level 12, 1 Eagle Street, Brisbane QLD 4000",
        ),
        "AU",
        "en",
        html=True,
        first_name="Hamish",
        last_name="Lewis",
        title="General Manager",
        company="Lewis Group",
        mobile="+61412345678",
        street="Level 12, 1 Eagle Street",
        city="Brisbane",
        state="QLD",
        postal_code="4000",
    ),
    _case(
        "au-003",
        "w.blake@blakefinance.example",
        "Warren Blake",
        "Alex,\n\nPO 7781 raised. Please reference it on the invoice.\n\nWarren Blake\n"
        "Finance Director | Blake Finance Pty Ltd\nLevel 3, 45 Eagle Street, Brisbane QLD 4000"
        "\n+61 7 3221 5590\n\nBlake Finance Pty Ltd ABN 12 345 678 901. This email is "
        "confidential.\n",
        "AU",
        "en",
        first_name="Warren",
        last_name="Blake",
        title="Finance Director",
        company="Blake Finance Pty Ltd",
        street="Level 3, 45 Eagle Street",
        city="Brisbane",
        state="QLD",
        postal_code="4000",
        phone="+61732215590",
    ),
    _case(
        "au-004",
        "ruby.tan@coastalfreight.example",
        "Ruby Tan",
        _gmail(
            "Hi Alex,<br><br>Can you resend the onboarding checklist? It went to spam.",
            "Ruby Tan",
            "Operations Coordinator",
            "Coastal Freight Australia",
            "(08) 9322 4410",
        ),
        "AU",
        "en",
        html=True,
        first_name="Ruby",
        last_name="Tan",
        title="Operations Coordinator",
        company="Coastal Freight Australia",
        phone="+61893224410",
    ),
    _case(
        "au-005",
        "kirsten.ohara@coastalfreight.example",
        "Kirsten O'Hara",
        "Thanks Alex, approved from my end.\n\nKirsten O'Hara\nHead of Procurement\nCoastal "
        "Freight Australia\nP: 02 9251 4470\n\nWe acknowledge the Traditional Custodians of "
        "the land on which we work.\n\n"
        + _wrote(ME, ME_ADDR)
        + _q("Kirsten, final numbers below.\n\n" + MY_SIG),
        "AU",
        "en",
        "reply",
        first_name="Kirsten",
        last_name="O'Hara",
        title="Head of Procurement",
        company="Coastal Freight Australia",
        phone="+61292514470",
    ),
    _case(
        "au-006",
        "ben@southbankmedia.example",
        "Ben Carter",
        "Hey Alex, we'll take the annual plan.\n\nBen Carter\nDirector, Southbank Media\n"
        "0412 880 219\nsouthbankmedia.example\n",
        "AU",
        "en",
        first_name="Ben",
        last_name="Carter",
        title="Director",
        company="Southbank Media",
        phone="+61412880219",
        website="southbankmedia.example",
    ),
]
