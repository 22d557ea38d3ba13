"""The SEVENTH BLIND signature set: written by hand without reading the parser, its tests or the
cases of the other blind sets (blind.py ... blind6.py), by a seventh hand, so that it measures
whether the parser generalises (docs/records.md, "The blind sets"). It is weighted as a real
sales inbox arrives: about 70 signed emails (simple and medium layouts in the US, UK, Canada,
Germany, France and Australia, plus a few elsewhere; plain text, classic and new Outlook, Gmail,
Apple Mail, Thunderbird and generated table signatures; replies and forwards whose quoted parts
carry other people's signatures) and about 50 unsigned ones (automated mail of every kind in
English, German, French, Spanish, Dutch and Italian, and people who did not sign). Many signed
senders' From headers differ in form from their signature: nicknames ("Bill" / "William"),
initials, "Last, First", free-mail addresses, role addresses (sales@, info@) signed by a person,
and assistants signing for someone.

Labels: what a careful reader would type into the Lead form for the SENDER from the newest
message's signature, as written there (docs/records.md, "Conventions now shared by every set"):

- Phones in E.164 without extensions; kind by label ("Mobile", "M", "Cell", "Mobil", "Handy",
  "Port.", "Fax", before or after the number); an unlabelled number is `phone`, whatever its
  range; where a signature gives a direct and a main/switchboard number, the direct line is the
  phone. A number without a country code is read in the country the signature makes evident.
- Names without honorifics or post-nominals, spelled as the signature spells them (a From
  header's nickname or initials give way to the signature's full name). Title and company as
  written, split where one line joins them ("Name | Title | Company", "Title, Company").
- When an assistant writes from her own mailbox, she is the sender; when she writes from her
  manager's mailbox above the manager's own signature block, the manager is.
- Street as written on its line; a country only when the text names it; a PO Box is the street
  only when no street line is written. Bilingual title lines are labelled whole, as written.
- Email, website and LinkedIn only when written as visible text.
- An email whose newest message has no signature expects nothing: an automated message's footer
  (company, address, support number, legal lines), a quoted or forwarded message's signature, a
  bare sign-off ("—J", "Thanks, Tom") and a colleague's number in an out-of-office reply are not
  the sender's signature.

Nobody tunes the parser on these: a miss here is a finding, not a case to edit.
"""

# Real mail writes en dashes and typographic apostrophes as clients send them; the cases keep
# them as written.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import Any

ME = "Jordan Blake"
ME_ADDR = "jordan.blake@stratus-demo.example"
# the Stratus user's own signature, which turns up in quoted parts (never the sender's)
MY_SIG = "Jordan Blake\nSenior Account Executive\nStratus Demo Inc.\n+1 (415) 555-0176"


def _case(
    ident: str, sender: str, name: str | None, body: str, *tags: str, html: bool = False, **exp: str
) -> dict[str, Any]:
    """One labelled email; its "html" or "plain" tag follows the body's kind, and an email that
    expects nothing is tagged "unsigned"."""
    kinds = [*tags, "html" if html else "plain"]
    if not exp and "unsigned" not in kinds:
        kinds.append("unsigned")
    case: dict[str, Any] = {
        "id": f"blind7-{ident}",
        "from": {"email": sender, **({"name": name} if name else {})},
        "expected": exp,
        "tags": kinds,
    }
    case["html" if html else "text"] = body
    return case


def _q(text: str) -> str:
    """Plain-text quoting: each line of the older message behind "> "."""
    return "".join(f"> {line}\n" if line else ">\n" for line in text.strip("\n").splitlines())


def _wrote(who: str, address: str, when: str = "Thu, Feb 12, 2026 at 10:07 AM") -> str:
    """Gmail's attribution line above a quoted reply."""
    return f"On {when} {who} <{address}> wrote:\n"


def _outlook(who: str, address: str, subject: str, to: str = f"{ME} <{ME_ADDR}>") -> str:
    """Outlook's plain-text header above the older message of a reply or forward."""
    return (
        "\n________________________________\n"
        f"From: {who} <{address}>\nSent: Monday, February 9, 2026 4:18 PM\n"
        f"To: {to}\nSubject: {subject}\n\n"
    )


def _fwd(who: str, address: str, subject: str) -> str:
    """Gmail's forwarded-message header."""
    return (
        "---------- Forwarded message ---------\n"
        f"From: {who} <{address}>\nDate: Fri, Feb 6, 2026 at 2:30 PM\nSubject: {subject}\n"
        f"To: {ME} <{ME_ADDR}>\n\n"
    )


def _lines(text: str) -> str:
    """Plain lines as HTML lines (the text is written already escaped)."""
    return "<br>".join(text.strip("\n").splitlines())


def _mso(body: str, sig: str, quote: str = "") -> str:
    """Classic Outlook for Windows: one MsoNormal paragraph a line; the older message under a
    border-top div."""
    paras = "".join(
        f'<p class="MsoNormal"><span style="font-size:10.0pt;font-family:Arial">{x or "&nbsp;"}'
        "</span></p>"
        for x in sig.strip("\n").splitlines()
    )
    out = (
        '<html><head><meta name="Generator" content="Microsoft Word 15 (filtered medium)"></head>'
        '<body lang="EN-US"><div class="WordSection1">'
        f'<p class="MsoNormal">{_lines(body)}</p><p class="MsoNormal">&nbsp;</p>{paras}'
    )
    if quote:
        out += (
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">'
            f'<p class="MsoNormal">{_lines(quote)}</p></div>'
        )
    return out + "</div></body></html>"


def _owa(body: str, sig: str, quote: str = "") -> str:
    """New Outlook / Outlook on the web: div#Signature; the older message under divRplyFwdMsg."""
    out = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        '<body><div class="elementToProof" style="font-family:Aptos,Calibri,Helvetica,'
        f'sans-serif;font-size:12pt">{_lines(body)}</div><div class="elementToProof"><br></div>'
        f'<div id="Signature"><div style="font-size:10pt">{_lines(sig)}</div></div>'
    )
    if quote:
        out += (
            '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">'
            f"{_lines(quote)}</div>"
        )
    return out + "</body></html>"


def _gmail(body: str, sig: str, quote: str = "", attr: str = "") -> str:
    """Gmail: the signature in div.gmail_signature, the older message in div.gmail_quote."""
    out = (
        f'<div dir="ltr"><div>{_lines(body)}</div><br clear="all"><div><br></div>'
        '<span class="gmail_signature_prefix">-- </span><br><div dir="ltr" '
        f'class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">{_lines(sig)}'
        "</div></div></div>"
    )
    if quote:
        out += (
            f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{attr}<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px '
            f'solid rgb(204,204,204);padding-left:1ex">{_lines(quote)}</blockquote></div>'
        )
    return out


def _apple(body: str, sig: str) -> str:
    """Apple Mail: one div a line."""
    lines = "".join(f"<div>{x or '<br>'}</div>" for x in (body + "\n\n" + sig).splitlines())
    return (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        f'<body style="overflow-wrap: break-word;">{lines}</body></html>'
    )


def _table(body: str, name: str, rows: list[str], logo_alt: str = "") -> str:
    """A generated signature (HubSpot / Salesforce / Exclaimer style): a two-cell table, a logo
    left, name and rows right."""
    logo = (
        f'<img src="https://cdn.example/sig/logo.png" alt="{logo_alt}" width="90">'
        if logo_alt
        else ""
    )
    cells = "".join(f'<tr><td style="font-size:11px;color:#555">{r}</td></tr>' for r in rows)
    return (
        f"<div>{_lines(body)}</div><br>"
        '<table cellpadding="0" cellspacing="0" style="font-family:Arial"><tbody><tr>'
        f'<td style="padding-right:12px;vertical-align:top">{logo}</td>'
        '<td style="border-left:2px solid #1f6feb;padding-left:12px"><table><tbody>'
        f'<tr><td style="font-size:14px;font-weight:bold">{name}</td></tr>{cells}'
        "</tbody></table></td></tr></tbody></table>"
    )


LEGAL_EN = (
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended "
    "solely for the addressee. If you have received it in error, please notify the sender and "
    "delete it. Any unauthorised use, disclosure or copying is prohibited."
)


US = [
    _case(
        "us-001",
        "bill.hartman@copperline-tools.example",
        "Bill Hartman",
        "Hi Jordan,\n\nThanks for the revised quote. Purchasing signed off on the 40 licences; "
        "I'll send the PO over by Thursday.\n\nThanks,\nWilliam Hartman\nRegional Sales Manager\n"
        "Copperline Tools, Inc.\nO: (312) 555-0178\nM: 312-555-0144\n\n"
        + _wrote(ME, ME_ADDR)
        + _q(f"Hi Bill,\n\nAttached is the revised quote.\n\nBest,\n{MY_SIG}"),
        "US",
        "reply",
        "nickname",
        first_name="William",
        last_name="Hartman",
        title="Regional Sales Manager",
        company="Copperline Tools, Inc.",
        phone="+13125550178",
        mobile="+13125550144",
    ),
    _case(
        "us-002",
        "jsmith1987@gmail.example",
        "J Smith",
        _gmail(
            "Hi Jordan,<br><br>Yes, we'd love a demo for the catering side. Tuesday after 2 works.",
            "Jenna Smith\nOwner, Smith &amp; Daughters Catering\n(415) 555-0133",
        ),
        "US",
        "freemail",
        "gmail",
        html=True,
        first_name="Jenna",
        last_name="Smith",
        title="Owner",
        company="Smith & Daughters Catering",
        phone="+14155550133",
    ),
    _case(
        "us-003",
        "dwhitfield@hollis-medsupply.example",
        "Whitfield, Dana",
        _mso(
            "Jordan,<br><br>Please find our supplier onboarding form attached. We need it back "
            "before the contract can go to legal.<br><br>Regards,",
            "Dana Whitfield | Procurement Lead\nHollis Medical Supply\n"
            "1450 Industrial Pkwy, Suite 200\nColumbus, OH 43219\n"
            "Direct 614-555-0127 | Main 614-555-0100",
        ),
        "US",
        "outlook",
        "last-first",
        html=True,
        first_name="Dana",
        last_name="Whitfield",
        title="Procurement Lead",
        company="Hollis Medical Supply",
        street="1450 Industrial Pkwy, Suite 200",
        city="Columbus",
        state="OH",
        postal_code="43219",
        phone="+16145550127",
    ),
    _case(
        "us-004",
        "sales@brightwater-pumps.example",
        "Brightwater Sales",
        "Hello Jordan,\n\nThanks for reaching out. We do ship to your Oakland warehouse; lead "
        "time on the BX-40 is three weeks.\n\nBest regards,\nMarcus Obi\nInside Sales\n"
        "Brightwater Pumps\n737 555 0165 ext. 214\nwww.brightwater-pumps.example\n",
        "US",
        "role-address",
        first_name="Marcus",
        last_name="Obi",
        title="Inside Sales",
        company="Brightwater Pumps",
        phone="+17375550165",
        website="www.brightwater-pumps.example",
    ),
    _case(
        "us-005",
        "lan.nguyen@riverbend-health.example",
        "Nguyen, Lan",
        "Jordan,\n\nOur IT security review is scheduled for the 24th. I've copied Raj, who will "
        "run it.\n\nLan Nguyen, PhD\nDirector of Clinical Operations\nRiverbend Health Partners\n"
        "T 206-555-0100 | F 206-555-0109\n\n" + LEGAL_EN + "\n",
        "US",
        "last-first",
        "legal",
        first_name="Lan",
        last_name="Nguyen",
        title="Director of Clinical Operations",
        company="Riverbend Health Partners",
        phone="+12065550100",
        fax="+12065550109",
    ),
    _case(
        "us-006",
        "mruiz@eastward-logistics.example",
        "Mike Ruiz",
        _apple(
            "Jordan -<br><br>Got it, forwarding to our ops lead now.<br><br>Mike",
            "Michael Ruiz\nVP Sales, Eastward Logistics\nCell (305) 555-0181\n\n"
            "Sent from my iPhone",
        ),
        "US",
        "apple",
        "mobile-footer",
        "nickname",
        html=True,
        first_name="Michael",
        last_name="Ruiz",
        title="VP Sales",
        company="Eastward Logistics",
        mobile="+13055550181",
    ),
    _case(
        "us-007",
        "karen.lee@granitepeak-software.example",
        "Karen Lee",
        "Hi Jordan,\n\nTom would like to move Thursday's call to Friday at 10 MT. I've forwarded "
        "the thread from our finance team below for context.\n\nKind regards,\nKaren Lee\n"
        "Executive Assistant to the CEO\nGranite Peak Software\n(720) 555-0156\n\n"
        + _fwd("Paul Greer", "pgreer@granitepeak-software.example", "Budget for Q2 tools")
        + "Karen, please pass to Tom: the Q2 tooling budget is approved up to $48k.\n\n"
        "Paul Greer\nController\nGranite Peak Software\n(720) 555-0122\n",
        "US",
        "forward",
        "assistant",
        first_name="Karen",
        last_name="Lee",
        title="Executive Assistant to the CEO",
        company="Granite Peak Software",
        phone="+17205550156",
    ),
    _case(
        "us-008",
        "rt.alvarez@sunbelt-packaging.example",
        "R. T. Alvarez",
        "Jordan,\n\nWe reviewed the proposal internally. Two questions on the support tiers - "
        "can we talk tomorrow?\n\nRosa Alvarez\nPurchasing Manager | Sunbelt Packaging Co.\n"
        "(602) 555-0138 office\n(602) 555-0190 mobile\n",
        "US",
        "initials",
        "label-after",
        first_name="Rosa",
        last_name="Alvarez",
        title="Purchasing Manager",
        company="Sunbelt Packaging Co.",
        phone="+16025550138",
        mobile="+16025550190",
    ),
    _case(
        "us-009",
        "evan.brooks@lattice-data.example",
        "Evan Brooks",
        "Hi Jordan,\n\nThe sandbox is ready; credentials are in the portal.\n\nEvan\n\n-- \n"
        "Evan Brooks\nSolutions Engineer\nLattice Data Systems\nevan.brooks@lattice-data.example\n"
        "+1 617 555 0119\n",
        "US",
        "thunderbird",
        first_name="Evan",
        last_name="Brooks",
        title="Solutions Engineer",
        company="Lattice Data Systems",
        email="evan.brooks@lattice-data.example",
        phone="+16175550119",
    ),
    _case(
        "us-010",
        "priya.desai@northbeam-analytics.example",
        "Priya Desai",
        _table(
            "Hi Jordan,<br><br>Great meeting you at the expo. Here's the deck I mentioned."
            "<br><br>Priya",
            "Priya Desai",
            [
                "Enterprise Account Manager",
                "Northbeam Analytics",
                "p: 415 555 0127",
                "northbeam-analytics.example",
                "linkedin.com/in/priyadesai-sales",
            ],
            logo_alt="Northbeam Analytics logo",
        ),
        "US",
        "table",
        "hubspot",
        html=True,
        first_name="Priya",
        last_name="Desai",
        title="Enterprise Account Manager",
        company="Northbeam Analytics",
        phone="+14155550127",
        website="northbeam-analytics.example",
        linkedin="linkedin.com/in/priyadesai-sales",
    ),
    _case(
        "us-011",
        "angela.park@meridian-print.example",
        "Angela Park",
        "Sounds good - see you Tuesday.\n\nBest,\nAngela\n\n"
        "Angela Park | Account Director | Meridian Print Group\n212 555 0142\n"
        + _outlook(
            ME,
            ME_ADDR,
            "RE: Tuesday walkthrough",
            to="Angela Park <angela.park@meridian-print.example>",
        )
        + f"Hi Angela, does Tuesday at 11 still work?\n\n{MY_SIG}\n"
        + _outlook("Angela Park", "angela.park@meridian-print.example", "Tuesday walkthrough")
        + "Jordan, can we do a walkthrough with my team?\n\nAngela Park | Account Director | "
        "Meridian Print Group\n212 555 0142\n",
        "US",
        "reply",
        first_name="Angela",
        last_name="Park",
        title="Account Director",
        company="Meridian Print Group",
        phone="+12125550142",
    ),
    _case(
        "us-012",
        "tom.bradley@granitepeak-software.example",
        "Tom Bradley",
        _owa(
            "Jordan,<br><br>Tom asked me to send over the signed NDA (attached). He will join "
            "Friday's call.<br><br>Karen Lee on behalf of Tom Bradley",
            "Tom Bradley\nChief Executive Officer\nGranite Peak Software\n"
            "1600 Wynkoop St, Suite 300\nDenver, CO 80202\n(720) 555-0150",
        ),
        "US",
        "new-outlook",
        "assistant",
        html=True,
        first_name="Tom",
        last_name="Bradley",
        title="Chief Executive Officer",
        company="Granite Peak Software",
        street="1600 Wynkoop St, Suite 300",
        city="Denver",
        state="CO",
        postal_code="80202",
        phone="+17205550150",
    ),
]

UK = [
    _case(
        "uk-001",
        "s.whitmore@pennine-fasteners.example",
        "Sarah Whitmore",
        "Hi Jordan,\n\nThanks for the demo this morning. Could you send pricing for 25 users "
        "on the annual plan?\n\nKind regards,\n\nSarah Whitmore\nKey Account Manager\n"
        "Pennine Fasteners Ltd\nT: 0113 496 0512\nM: 07911 123456\n"
        "Unit 4, Aire Valley Trading Estate\nLeeds LS10 1QA\n",
        "UK",
        first_name="Sarah",
        last_name="Whitmore",
        title="Key Account Manager",
        company="Pennine Fasteners Ltd",
        phone="+441134960512",
        mobile="+447911123456",
        street="Unit 4, Aire Valley Trading Estate",
        city="Leeds",
        postal_code="LS10 1QA",
    ),
    _case(
        "uk-002",
        "jon.pryce@haldenmoss.example",
        "Jon Pryce",
        _mso(
            "Dear Jordan,<br><br>We have reviewed the DPA and have two comments, marked up in "
            "the attached.<br><br>Best wishes,",
            "Jonathan Pryce\nHead of Procurement\nHalden &amp; Moss LLP\n"
            "Direct: +44 (0)20 7946 0321\n\n"
            "Halden &amp; Moss LLP is a limited liability partnership registered in England and "
            "Wales (OC412345). Registered office: 1 Fleet Place, London EC4M 7WS. Authorised and "
            "regulated by the Solicitors Regulation Authority.",
        ),
        "UK",
        "outlook",
        "legal",
        "nickname",
        html=True,
        first_name="Jonathan",
        last_name="Pryce",
        title="Head of Procurement",
        company="Halden & Moss LLP",
        phone="+442079460321",
    ),
    _case(
        "uk-003",
        "dave.ellis.joinery@gmail.example",
        "dave ellis",
        _gmail(
            "Hiya,<br><br>Just the one van for now, so the starter plan is fine. Can you invoice "
            "the business name below?<br><br>Cheers",
            "Dave Ellis\nEllis Joinery\n07812 345678",
        ),
        "UK",
        "freemail",
        "gmail",
        html=True,
        first_name="Dave",
        last_name="Ellis",
        company="Ellis Joinery",
        phone="+447812345678",
    ),
    _case(
        "uk-004",
        "priya.shah@northgate-housing.example",
        "Priya Shah",
        "Thanks Jordan, that's helpful. I'll take it to the board on the 19th.\n\n"
        "Cheers,\nPriya\n\n"
        "Priya Shah\nCategory Buyer – Facilities\nNorthgate Housing Group\nTel 0161 496 0734\n\n"
        + _wrote(ME, ME_ADDR, "Wed, 11 Feb 2026 at 16:02")
        + _q(
            f"Hi Priya,\n\nAs promised, the case study from Leeds.\n\n{MY_SIG}\n\n"
            + _wrote(
                "Martin Fell", "martin.fell@northgate-housing.example", "Tue, 10 Feb 2026 at 09:15"
            )
            + "Looping in Priya, who buys for facilities.\n\nMartin Fell\nIT Director\n"
            "Northgate Housing Group\nTel 0161 496 0700\n"
        ),
        "UK",
        "reply",
        first_name="Priya",
        last_name="Shah",
        title="Category Buyer – Facilities",
        company="Northgate Housing Group",
        phone="+441614960734",
    ),
    _case(
        "uk-005",
        "alasdair.macleod@glenmorven.example",
        "Alasdair MacLeod",
        "Jordan,\n\nHappy to proceed with the pilot at the bottling hall.\n\nAll the best,\n"
        "Alasdair MacLeod\nOperations Director\nGlenmorven Distillers Ltd\n"
        "Tel: 0131 496 0188 | Mob: 07723 456789\nwww.glenmorven.example\n\n"
        "Glenmorven Distillers Ltd. Registered in Scotland No. SC512345. Registered office: "
        "14 Harbour Road, Leith, Edinburgh EH6 6QN.\n",
        "UK",
        "legal",
        first_name="Alasdair",
        last_name="MacLeod",
        title="Operations Director",
        company="Glenmorven Distillers Ltd",
        phone="+441314960188",
        mobile="+447723456789",
        website="www.glenmorven.example",
    ),
    _case(
        "uk-006",
        "info@bristol-cargo.example",
        "Bristol Cargo Info",
        "Hello,\n\nYour enquiry was passed to me. We'd be glad to look at route planning "
        "software - when could you show it to us?\n\nRegards\n\nGemma Hollis\n"
        "Office Manager\nBristol Cargo Services\nSwitchboard: 0117 496 0620\n"
        "Avonmouth Way, Bristol BS11 9YA\n",
        "UK",
        "role-address",
        "switchboard",
        first_name="Gemma",
        last_name="Hollis",
        title="Office Manager",
        company="Bristol Cargo Services",
        phone="+441174960620",
        street="Avonmouth Way",
        city="Bristol",
        postal_code="BS11 9YA",
    ),
    _case(
        "uk-007",
        "helen.crawford@staldhelm.nhs.example",
        "Crawford Helen (St Aldhelm's Hospital)",
        _owa(
            "Dear Jordan,<br><br>Thank you. The radiology team would like a second session for "
            "the night shift.<br><br>Kind regards",
            "Dr Helen Crawford\nConsultant Radiologist\nSt Aldhelm's Hospital NHS Foundation "
            "Trust\nTel: 020 7946 0877\n\n"
            "This e-mail is confidential and may contain personal data. If you are not the "
            "intended recipient please inform the sender and delete it.",
        ),
        "UK",
        "new-outlook",
        "honorific",
        html=True,
        first_name="Helen",
        last_name="Crawford",
        title="Consultant Radiologist",
        company="St Aldhelm's Hospital NHS Foundation Trust",
        phone="+442079460877",
    ),
    _case(
        "uk-008",
        "tom@fairleyandco.example",
        "Tom",
        _apple(
            "Jordan,<br><br>Loved the walkthrough. Send the contract across and I'll sign it "
            "this week.",
            "Tom Fairley\nFounder\nFairley &amp; Co\n+44 7911 223344\nfairleyandco.example",
        ),
        "UK",
        "apple",
        html=True,
        first_name="Tom",
        last_name="Fairley",
        title="Founder",
        company="Fairley & Co",
        phone="+447911223344",
        website="fairleyandco.example",
    ),
    _case(
        "uk-009",
        "rhys.morgan@cwmvalley-timber.example",
        "Rhys Morgan",
        "Hi Jordan,\n\nForwarding the note from our accountant - they need your VAT number "
        "on the invoice.\n\nDiolch,\nRhys\n\nRhys Morgan\nSales Manager\nCwm Valley Timber\n"
        "Unit 9, Parc Menter\nCross Hands SA14 6RA\nUnited Kingdom\n"
        "Ffôn / Tel: +44 1269 496 012\n\n"
        + _fwd("Sian Pugh", "sian@pugh-accounts.example", "Invoice query")
        + "Rhys, the Stratus invoice has no VAT number.\n\nSian Pugh ACA\nPugh Accountancy\n"
        "01267 496 033\n",
        "UK",
        "forward",
        first_name="Rhys",
        last_name="Morgan",
        title="Sales Manager",
        company="Cwm Valley Timber",
        street="Unit 9, Parc Menter",
        city="Cross Hands",
        postal_code="SA14 6RA",
        country="United Kingdom",
        phone="+441269496012",
    ),
    _case(
        "uk-010",
        "emily.ward@castlegate-retail.example",
        "Ward, Emily",
        "Jordan - approved, PO to follow.\n\nEmily Ward | Senior Buyer | Castlegate Retail plc | "
        "020 7946 0912\n",
        "UK",
        "one-liner",
        "last-first",
        first_name="Emily",
        last_name="Ward",
        title="Senior Buyer",
        company="Castlegate Retail plc",
        phone="+442079460912",
    ),
    _case(
        "uk-011",
        "g.turner@turner-haulage.example",
        "GRAHAM TURNER",
        "Morning Jordan,\n\nWe'll take the fleet add-on. Drivers start using it Monday.\n\n"
        "Regards,\nGraham Turner\nTransport Manager\nTurner Haulage Ltd\nOffice: 0113 496 0599\n"
        "Mobile: 07812 554433\n\nSent from Outlook for Android\n",
        "UK",
        "mobile-footer",
        first_name="Graham",
        last_name="Turner",
        title="Transport Manager",
        company="Turner Haulage Ltd",
        phone="+441134960599",
        mobile="+447812554433",
    ),
    _case(
        "uk-012",
        "fiona.blake@kestrel-events.example",
        "Fiona Blake",
        _gmail(
            "Hi Jordan,<br><br>Yes please, book us in for the 3rd.<br><br>Many thanks,<br>Fiona",
            "Fiona Blake<br>Events Director · Kestrel Events<br>t. 020 7946 0455 · m. 07723 "
            "118822<br>kestrel-events.example",
            quote="Hi Fiona, shall I book you for onboarding on the 3rd?<br><br>" + _lines(MY_SIG),
            attr=f"On Mon, 9 Feb 2026 at 11:20, {ME} &lt;{ME_ADDR}&gt; wrote:",
        ),
        "UK",
        "reply",
        "gmail",
        "dots",
        html=True,
        first_name="Fiona",
        last_name="Blake",
        title="Events Director",
        company="Kestrel Events",
        phone="+442079460455",
        mobile="+447723118822",
        website="kestrel-events.example",
    ),
]

CA = [
    _case(
        "ca-001",
        "kevin.obrien@mapleridge-logistics.example",
        "Kevin O'Brien",
        "Hi Jordan,\n\nThe team liked the dispatch board. Next step is a security questionnaire "
        "- I'll send it over.\n\nRegards,\nKevin O'Brien\nAccount Executive\n"
        "Maple Ridge Logistics Inc.\n200 Bay Street, Suite 1800\nToronto, ON M5J 2J2\n"
        "T 416-555-0163\n",
        "CA",
        first_name="Kevin",
        last_name="O'Brien",
        title="Account Executive",
        company="Maple Ridge Logistics Inc.",
        street="200 Bay Street, Suite 1800",
        city="Toronto",
        state="ON",
        postal_code="M5J 2J2",
        phone="+14165550163",
    ),
    _case(
        "ca-002",
        "igagnon@alimentsboreal.example",
        "Gagnon, Isabelle",
        "Bonjour Jordan,\n\nMerci pour la soumission. Nous aimerions commencer le projet pilote "
        "en avril.\n\nCordialement,\n\nIsabelle Gagnon\nDirectrice des ventes\n"
        "Les Aliments Boréal inc.\n1250, rue Sainte-Catherine Ouest\n"
        "Montréal (Québec)  H3G 1P1\nTél. : 514 555-0187\nCell. : 514 555-0102\n",
        "CA",
        "fr",
        "last-first",
        first_name="Isabelle",
        last_name="Gagnon",
        title="Directrice des ventes",
        company="Les Aliments Boréal inc.",
        street="1250, rue Sainte-Catherine Ouest",
        city="Montréal",
        state="Québec",
        postal_code="H3G 1P1",
        phone="+15145550187",
        mobile="+15145550102",
    ),
    _case(
        "ca-003",
        "marc-andre.tremblay@groupelaurentide.example",
        "Marc-André Tremblay",
        _owa(
            "Hi Jordan,<br><br>We can sign in English; the French version of the order form "
            "follows for our records.<br><br>Merci / Thanks",
            "Marc-André Tremblay\nConseiller principal, ventes | Senior Sales Advisor\n"
            "Groupe Laurentide\n418 555-0135\n\n"
            "Ce courriel est confidentiel. / This email is confidential.",
        ),
        "CA",
        "bilingual",
        "new-outlook",
        html=True,
        first_name="Marc-André",
        last_name="Tremblay",
        title="Conseiller principal, ventes | Senior Sales Advisor",
        company="Groupe Laurentide",
        phone="+14185550135",
    ),
    _case(
        "ca-004",
        "jasmine.wong@coastline-marine.example",
        "Jasmine Wong",
        _gmail(
            "Hi Jordan,<br><br>Following up on our call - here are the 12 users to add.",
            "Jasmine Wong\nBusiness Development\nCoastline Marine Supply\n604.555.0121\n"
            "Vancouver, BC",
        ),
        "CA",
        "gmail",
        "dots",
        html=True,
        first_name="Jasmine",
        last_name="Wong",
        title="Business Development",
        company="Coastline Marine Supply",
        phone="+16045550121",
        city="Vancouver",
        state="BC",
    ),
    _case(
        "ca-005",
        "d.friesen@prairiegrain.example",
        "Dwayne Friesen",
        "> Can you confirm the number of depots?\n\nSeven, plus the head office.\n\n"
        "> And who signs on your side?\n\nOur CFO, Linda Karras.\n\nThanks,\n"
        "Dwayne Friesen\nIT Manager\nPrairie Grain Co-operative\n403 555 0148\n"
        "Calgary, Alberta\n",
        "CA",
        "inline-reply",
        first_name="Dwayne",
        last_name="Friesen",
        title="IT Manager",
        company="Prairie Grain Co-operative",
        phone="+14035550148",
        city="Calgary",
        state="Alberta",
    ),
    _case(
        "ca-006",
        "sophie.lavoie@ottawa-health.example",
        "Sophie Lavoie",
        "Jordan,\n\nProcurement will post the RFP next week; I'll send you the link.\n\n"
        "Sophie Lavoie\nProcurement Officer | Agente d'approvisionnement\n"
        "Ottawa Regional Health Network\n613 555 0194\n\nSent from my iPhone\n",
        "CA",
        "bilingual",
        "mobile-footer",
        first_name="Sophie",
        last_name="Lavoie",
        title="Procurement Officer | Agente d'approvisionnement",
        company="Ottawa Regional Health Network",
        phone="+16135550194",
    ),
    _case(
        "ca-007",
        "halifaxharbourdesign@gmail.example",
        "Halifax Harbour Design",
        "Hi there,\n\nWe're a two-person studio - is there a plan for that size?\n\nThanks,\n"
        "Mary-Kate Doucette\nPrincipal Designer\nHalifax Harbour Design\n902 555 0117\n"
        "Halifax, NS B3J 1S9\n",
        "CA",
        "freemail",
        first_name="Mary-Kate",
        last_name="Doucette",
        title="Principal Designer",
        company="Halifax Harbour Design",
        phone="+19025550117",
        city="Halifax",
        state="NS",
        postal_code="B3J 1S9",
    ),
    _case(
        "ca-008",
        "r.singh@northernsteel.example",
        "Raj Singh",
        _mso(
            "Jordan,<br><br>Approved. Please issue the invoice to accounts payable.",
            "Rajinder Singh, P.Eng.\nPlant Manager\nNorthern Steel Fabricators Ltd.\n"
            "55 Industrial Road\nHamilton, Ontario L8N 3T1\nCanada\n"
            "Office: 905-555-0172 | Cell: 905-555-0199",
        ),
        "CA",
        "outlook",
        "nickname",
        html=True,
        first_name="Rajinder",
        last_name="Singh",
        title="Plant Manager",
        company="Northern Steel Fabricators Ltd.",
        street="55 Industrial Road",
        city="Hamilton",
        state="Ontario",
        postal_code="L8N 3T1",
        country="Canada",
        phone="+19055550172",
        mobile="+19055550199",
    ),
    _case(
        "ca-009",
        "etienne.roy@logistiquefleuve.example",
        "Étienne Roy",
        "Salut Jordan,\n\nC'est bon pour jeudi 14 h.\n\nÉtienne Roy | Vice-président, "
        "opérations | Logistique Fleuve | 418 555-0166\n\n"
        + _wrote(ME, ME_ADDR, "mar. 10 févr. 2026 à 15:44")
        + _q(f"Bonjour Étienne, jeudi 14 h vous convient?\n\n{MY_SIG}"),
        "CA",
        "fr",
        "reply",
        "one-liner",
        first_name="Étienne",
        last_name="Roy",
        title="Vice-président, opérations",
        company="Logistique Fleuve",
        phone="+14185550166",
    ),
    _case(
        "ca-010",
        "sales@rockycreek-outfitters.example",
        "Rocky Creek Outfitters",
        "Hi Jordan,\n\nThis is Ben from the store - we spoke at the trade show in Banff. "
        "We're ready to try the POS integration.\n\nBen Carlson\nStore Manager\n"
        "Rocky Creek Outfitters\n(403) 555-0131\n",
        "CA",
        "role-address",
        first_name="Ben",
        last_name="Carlson",
        title="Store Manager",
        company="Rocky Creek Outfitters",
        phone="+14035550131",
    ),
    _case(
        "ca-011",
        "n.chartrand@cabinetchartrand.example",
        "Nathalie Chartrand",
        _apple(
            "Bonjour,<br><br>Voici les coordonnées pour la facturation.<br><br>Merci,",
            "Me Nathalie Chartrand\nAvocate associée\nChartrand Bélanger avocats\n"
            "800, boul. René-Lévesque Ouest, bureau 2100\nMontréal (Québec) H3B 1X9\n"
            "T 514 555-0148 · F 514 555-0149",
        ),
        "CA",
        "fr",
        "apple",
        "honorific",
        html=True,
        first_name="Nathalie",
        last_name="Chartrand",
        title="Avocate associée",
        company="Chartrand Bélanger avocats",
        street="800, boul. René-Lévesque Ouest, bureau 2100",
        city="Montréal",
        state="Québec",
        postal_code="H3B 1X9",
        phone="+15145550148",
        fax="+15145550149",
    ),
]

DE = [
    _case(
        "de-001",
        "s.krueger@hanseatic-maschinenbau.example",
        "Krüger, Stefan",
        "Hallo Herr Blake,\n\nvielen Dank für das Angebot. Wir möchten mit 15 Lizenzen starten.\n\n"
        "Mit freundlichen Grüßen\n\nStefan Krüger\nVertriebsleiter\nHanseatic Maschinenbau GmbH\n"
        "Speicherstraße 12\n20457 Hamburg\nTel.: +49 40 6094 3312\nMobil: +49 171 4839201\n"
        "Fax: +49 40 6094 3399\n\nGeschäftsführer: Dr. Henning Ahlers | Amtsgericht Hamburg "
        "HRB 123456 | USt-IdNr. DE123456789\n",
        "DE",
        "last-first",
        "legal",
        first_name="Stefan",
        last_name="Krüger",
        title="Vertriebsleiter",
        company="Hanseatic Maschinenbau GmbH",
        street="Speicherstraße 12",
        postal_code="20457",
        city="Hamburg",
        phone="+494060943312",
        mobile="+491714839201",
        fax="+494060943399",
    ),
    _case(
        "de-002",
        "anna.vogel@rheinlogistik.example",
        "Anna Vogel",
        _mso(
            "Hallo Jordan,<br><br>anbei die unterschriebene Bestellung.<br><br>Viele Grüße",
            "Anna Vogel\nEinkauf | Procurement\nRhein Logistik AG\nHansaallee 201\n"
            "40549 Düsseldorf\nT +49 211 87654321\n\n"
            "Rhein Logistik AG · Sitz: Düsseldorf · Amtsgericht Düsseldorf HRB 98765 · "
            "Vorstand: Klaus Berger (Vors.), Petra Lang",
        ),
        "DE",
        "outlook",
        "bilingual",
        html=True,
        first_name="Anna",
        last_name="Vogel",
        title="Einkauf | Procurement",
        company="Rhein Logistik AG",
        street="Hansaallee 201",
        postal_code="40549",
        city="Düsseldorf",
        phone="+4921187654321",
    ),
    _case(
        "de-003",
        "kontakt@baeckerei-hofmann.example",
        "Bäckerei Hofmann",
        "Hallo,\n\nwir haben drei Filialen und interessieren uns für das Kassenmodul.\n\n"
        "Beste Grüße\nMarkus Hofmann\nInhaber\nBäckerei Hofmann\nHandy 0176 22348815\n",
        "DE",
        "role-address",
        first_name="Markus",
        last_name="Hofmann",
        title="Inhaber",
        company="Bäckerei Hofmann",
        mobile="+4917622348815",
    ),
    _case(
        "de-004",
        "j.schneider@medtec-bayern.example",
        "Dr. Julia Schneider",
        "Sehr geehrter Herr Blake,\n\nwir benötigen noch die TOMs zur Auftragsverarbeitung.\n\n"
        "Freundliche Grüße\n\nDr. Julia Schneider\nLeiterin Qualitätsmanagement\n"
        "MedTec Bayern GmbH\nLandsberger Str. 302\n80687 München\nDeutschland\n"
        "Telefon +49 89 21094436\n\n"
        + _outlook(
            ME, ME_ADDR, "AW: Datenschutz", to="Julia Schneider <j.schneider@medtec-bayern.example>"
        )
        + f"Sehr geehrte Frau Dr. Schneider,\n\nanbei der AV-Vertrag.\n\n{MY_SIG}\n",
        "DE",
        "reply",
        "honorific",
        first_name="Julia",
        last_name="Schneider",
        title="Leiterin Qualitätsmanagement",
        company="MedTec Bayern GmbH",
        street="Landsberger Str. 302",
        postal_code="80687",
        city="München",
        country="Deutschland",
        phone="+498921094436",
    ),
    _case(
        "de-005",
        "tom.becker@sprintcloud.example",
        "Tom Becker",
        _gmail(
            "Hi Jordan,<br><br>kurzes Update: der Vertrag liegt bei unserer Rechtsabteilung.",
            "Tom Becker\nHead of Partnerships, SprintCloud GmbH\n+49 30 28409715\n"
            "sprintcloud.example",
        ),
        "DE",
        "gmail",
        html=True,
        first_name="Tom",
        last_name="Becker",
        title="Head of Partnerships",
        company="SprintCloud GmbH",
        phone="+493028409715",
        website="sprintcloud.example",
    ),
    _case(
        "de-006",
        "m.weber@weber-elektro.example",
        "Michael Weber",
        "Guten Tag Herr Blake,\n\nbitte rufen Sie mich morgen an.\n\nMfG\nMichael Weber\n\n"
        "Weber Elektrotechnik GmbH & Co. KG\nIndustriestr. 8 · 70565 Stuttgart\n"
        "Tel. 0711 2233445 · Fax 0711 2233446\nwww.weber-elektro.example\n",
        "DE",
        first_name="Michael",
        last_name="Weber",
        company="Weber Elektrotechnik GmbH & Co. KG",
        street="Industriestr. 8",
        postal_code="70565",
        city="Stuttgart",
        phone="+497112233445",
        fax="+497112233446",
        website="www.weber-elektro.example",
    ),
    _case(
        "de-007",
        "petra.lang@kliniken-nord.example",
        "Lang, Petra",
        _owa(
            "Sehr geehrter Herr Blake,<br><br>wir bestätigen den Termin am 3. März.<br><br>"
            "Mit freundlichen Grüßen<br>i. A. Petra Lang",
            "Petra Lang\nAssistenz der Geschäftsführung\nKliniken Nord gGmbH\n"
            "Tel.: 0511 3467 2290\n\n"
            "Kliniken Nord gGmbH | Sitz Hannover | Registergericht Hannover HRB 55555\n"
            "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige "
            "Adressat sind, informieren Sie bitte sofort den Absender.",
        ),
        "DE",
        "new-outlook",
        "assistant",
        "legal",
        html=True,
        first_name="Petra",
        last_name="Lang",
        title="Assistenz der Geschäftsführung",
        company="Kliniken Nord gGmbH",
        phone="+4951134672290",
    ),
    _case(
        "de-008",
        "lukas.hartmann@frankfurt-finanz.example",
        "Lukas Hartmann",
        "Hallo Jordan,\n\nich leite dir die Anfrage von unserem Controlling weiter.\n\nGruß\n"
        "Lukas Hartmann\nTeamlead Sales Operations\nFrankfurt Finanzservice AG\n"
        "T: 069 9758 3310\n\n"
        + _fwd("Sabine Roth", "s.roth@frankfurt-finanz.example", "Lizenzkosten 2026")
        + "Lukas, bitte die Kosten für 2026 klären.\n\nSabine Roth\nControlling\n"
        "Frankfurt Finanzservice AG\nT: 069 9758 3300\n",
        "DE",
        "forward",
        first_name="Lukas",
        last_name="Hartmann",
        title="Teamlead Sales Operations",
        company="Frankfurt Finanzservice AG",
        phone="+496997583310",
    ),
    _case(
        "de-009",
        "info@koeln-druck.example",
        "Köln Druck Info",
        "Sehr geehrte Damen und Herren,\n\nbitte senden Sie uns ein Angebot für 8 Nutzer.\n\n"
        "Mit freundlichen Grüßen\n\nKatrin Schulz\nBüroleitung\n\nKöln Druck GmbH\n"
        "Venloer Straße 45, 50672 Köln\nTelefon: 0221 9912345\n",
        "DE",
        "role-address",
        first_name="Katrin",
        last_name="Schulz",
        title="Büroleitung",
        company="Köln Druck GmbH",
        street="Venloer Straße 45",
        postal_code="50672",
        city="Köln",
        phone="+492219912345",
    ),
    _case(
        "de-010",
        "f.zimmermann@zimmermann-holz.example",
        "Frank Zimmermann",
        "Passt, danke!\n\nFrank Zimmermann\nGeschäftsführer | Zimmermann Holzbau GmbH\n"
        "Mobil 0160 91234567\n\nVon meinem iPhone gesendet\n\n"
        "> Am 11.02.2026 um 09:12 schrieb Jordan Blake <jordan.blake@stratus-demo.example>:\n"
        + _q(f"Hallo Herr Zimmermann, passt Freitag?\n\n{MY_SIG}"),
        "DE",
        "reply",
        "mobile-footer",
        first_name="Frank",
        last_name="Zimmermann",
        title="Geschäftsführer",
        company="Zimmermann Holzbau GmbH",
        mobile="+4916091234567",
    ),
    _case(
        "de-011",
        "c.neumann@vertriebspartner-ost.example",
        "C. Neumann",
        _table(
            "Hallo Jordan,<br><br>hier die Liste der Teilnehmer für die Schulung.",
            "Christina Neumann",
            [
                "Key Account Managerin",
                "Vertriebspartner Ost GmbH",
                "Karl-Liebknecht-Str. 29 | 10178 Berlin",
                "T +49 30 4400 1234 | M +49 151 23456781",
            ],
            logo_alt="Vertriebspartner Ost",
        ),
        "DE",
        "table",
        "initials",
        html=True,
        first_name="Christina",
        last_name="Neumann",
        title="Key Account Managerin",
        company="Vertriebspartner Ost GmbH",
        street="Karl-Liebknecht-Str. 29",
        postal_code="10178",
        city="Berlin",
        phone="+493044001234",
        mobile="+4915123456781",
    ),
]

FR = [
    _case(
        "fr-001",
        "camille.durand@atelier-lumiere.example",
        "Camille Durand",
        "Bonjour Jordan,\n\nMerci pour la démo. Pouvez-vous m'envoyer le devis pour 10 postes ?\n\n"
        "Bien cordialement,\n\nCamille Durand\nResponsable achats\nAtelier Lumière SAS\n"
        "12 rue de la Paix\n75002 Paris\nTél. : 01 42 68 53 07\nPort. : 06 12 48 75 30\n",
        "FR",
        first_name="Camille",
        last_name="Durand",
        title="Responsable achats",
        company="Atelier Lumière SAS",
        street="12 rue de la Paix",
        postal_code="75002",
        city="Paris",
        phone="+33142685307",
        mobile="+33612487530",
    ),
    _case(
        "fr-002",
        "jp.moreau@transports-moreau.example",
        "JP Moreau",
        _mso(
            "Bonjour,<br><br>Je vous confirme notre accord pour le pilote sur le site de Lyon."
            "<br><br>Cordialement,",
            "Jean-Pierre Moreau\nDirecteur logistique\nTransports Moreau &amp; Fils\n"
            "ZI des Chesnes – 15 rue du Ruisseau\n38070 Saint-Quentin-Fallavier\n"
            "Tél. 04 78 62 19 44 – Fax 04 78 62 19 45\n\n"
            "Transports Moreau &amp; Fils – SAS au capital de 500 000 € – RCS Vienne 412 345 678",
        ),
        "FR",
        "outlook",
        "initials",
        html=True,
        first_name="Jean-Pierre",
        last_name="Moreau",
        title="Directeur logistique",
        company="Transports Moreau & Fils",
        street="ZI des Chesnes – 15 rue du Ruisseau",
        postal_code="38070",
        city="Saint-Quentin-Fallavier",
        phone="+33478621944",
        fax="+33478621945",
    ),
    _case(
        "fr-003",
        "contact@vignobles-lacoste.example",
        "Vignobles Lacoste",
        "Bonjour Monsieur Blake,\n\nNous souhaitons un rendez-vous la semaine prochaine.\n\n"
        "Bien à vous,\n\nHélène Lacoste\nGérante\nVignobles Lacoste\n33330 Saint-Émilion\n"
        "05 56 44 17 82\n",
        "FR",
        "role-address",
        first_name="Hélène",
        last_name="Lacoste",
        title="Gérante",
        company="Vignobles Lacoste",
        postal_code="33330",
        city="Saint-Émilion",
        phone="+33556441782",
    ),
    _case(
        "fr-004",
        "thomas.petit@groupe-alizes.example",
        "PETIT Thomas",
        _owa(
            "Bonjour Jordan,<br><br>Je transfère à notre DSI, en copie.<br><br>Cordialement",
            "Thomas PETIT\nAcheteur IT\nGroupe Alizés\nTour Horizon, 52 quai de Dion-Bouton\n"
            "92800 Puteaux\nFrance\nT +33 1 47 76 42 10 | M +33 6 71 83 29 44\n\n"
            "Ce message et ses pièces jointes sont confidentiels et établis à l'intention "
            "exclusive de ses destinataires.",
        ),
        "FR",
        "new-outlook",
        "last-first",
        "caps",
        html=True,
        first_name="Thomas",
        last_name="PETIT",
        title="Acheteur IT",
        company="Groupe Alizés",
        street="Tour Horizon, 52 quai de Dion-Bouton",
        postal_code="92800",
        city="Puteaux",
        country="France",
        phone="+33147764210",
        mobile="+33671832944",
    ),
    _case(
        "fr-005",
        "m.bernard@clinique-du-parc.example",
        "Marie Bernard",
        "Bonjour,\n\nLe service informatique valide la proposition.\n\nCordialement,\n"
        "Dr Marie Bernard\nMédecin coordinateur\nClinique du Parc\n04 91 33 52 70\n\n"
        "Envoyé de mon iPhone\n\n"
        + "Le 10 févr. 2026 à 17:30, Jordan Blake <jordan.blake@stratus-demo.example> a écrit :\n"
        + _q(f"Bonjour Docteur, voici la proposition.\n\n{MY_SIG}"),
        "FR",
        "reply",
        "mobile-footer",
        "honorific",
        first_name="Marie",
        last_name="Bernard",
        title="Médecin coordinateur",
        company="Clinique du Parc",
        phone="+33491335270",
    ),
    _case(
        "fr-006",
        "lucas.martin.pro@gmail.example",
        "Lucas Martin",
        _gmail(
            "Salut Jordan,<br><br>Ok pour l'offre freelance, je m'inscris ce soir.",
            "Lucas Martin<br>Consultant CRM indépendant<br>06 12 34 56 78<br>Nantes",
        ),
        "FR",
        "freemail",
        "gmail",
        html=True,
        first_name="Lucas",
        last_name="Martin",
        title="Consultant CRM indépendant",
        phone="+33612345678",
        city="Nantes",
    ),
    _case(
        "fr-007",
        "s.garnier@industries-vosges.example",
        "Sandrine Garnier",
        "Bonjour Jordan,\n\nVoici le bon de commande signé.\n\nSandrine Garnier | Responsable "
        "administration des ventes | Industries des Vosges | +33 3 88 15 42 67\n\n"
        + _outlook("Olivier Keller", "o.keller@industries-vosges.example", "Bon de commande")
        + "Sandrine, merci de signer le BC Stratus.\n\nOlivier Keller\nDirecteur général\n"
        "Industries des Vosges\n+33 3 88 15 42 60\n",
        "FR",
        "forward",
        "one-liner",
        first_name="Sandrine",
        last_name="Garnier",
        title="Responsable administration des ventes",
        company="Industries des Vosges",
        phone="+33388154267",
    ),
    _case(
        "fr-008",
        "assistante.direction@batiouest.example",
        "Assistante Direction BatiOuest",
        "Bonjour,\n\nM. Le Gall vous propose un rendez-vous mardi 17 février à 10 h.\n\n"
        "Cordialement,\n\nAurélie Le Bihan\nAssistante de direction\nBâti Ouest\n"
        "8 boulevard de la Prairie au Duc\n44200 Nantes\nTél : 02 40 48 27 15\n",
        "FR",
        "role-address",
        "assistant",
        first_name="Aurélie",
        last_name="Le Bihan",
        title="Assistante de direction",
        company="Bâti Ouest",
        street="8 boulevard de la Prairie au Duc",
        postal_code="44200",
        city="Nantes",
        phone="+33240482715",
    ),
    _case(
        "fr-009",
        "nicolas.faure@cabinet-faure.example",
        "Nicolas Faure",
        _apple(
            "Bonjour Jordan,<br><br>Merci, c'est signé.",
            "Nicolas Faure\nExpert-comptable associé\nCabinet Faure &amp; Associés\n"
            "T. 05 56 44 17 90\ncabinet-faure.example",
        ),
        "FR",
        "apple",
        html=True,
        first_name="Nicolas",
        last_name="Faure",
        title="Expert-comptable associé",
        company="Cabinet Faure & Associés",
        phone="+33556441790",
        website="cabinet-faure.example",
    ),
    _case(
        "fr-010",
        "e.rousseau@logisud.example",
        "Rousseau, Émilie",
        "Bonjour Jordan,\n\nJe vous réponds dans le texte ci-dessous.\n\n"
        "> Combien d'entrepôts ?\n4 entrepôts (Marseille, Avignon, Nîmes, Toulon).\n\n"
        "> Date de démarrage souhaitée ?\nLe 1er avril.\n\nCordialement,\nÉmilie Rousseau\n"
        "Directrice des opérations – LogiSud\nLigne directe : 04 91 33 52 88\n"
        "Standard : 04 91 33 52 00\n",
        "FR",
        "inline-reply",
        "last-first",
        first_name="Émilie",
        last_name="Rousseau",
        title="Directrice des opérations",
        company="LogiSud",
        phone="+33491335288",
    ),
    _case(
        "fr-011",
        "p.lefebvre@nordimpression.example",
        "Pierre Lefebvre",
        _table(
            "Bonjour Jordan,<br><br>Je vous envoie la liste des utilisateurs.",
            "Pierre Lefebvre",
            [
                "Directeur commercial",
                "Nord Impression",
                "45 rue Nationale, 59000 Lille",
                "Tél. 03 20 55 41 18 · Mob. 07 81 22 34 56",
            ],
            logo_alt="Nord Impression",
        ),
        "FR",
        "table",
        html=True,
        first_name="Pierre",
        last_name="Lefebvre",
        title="Directeur commercial",
        company="Nord Impression",
        street="45 rue Nationale",
        postal_code="59000",
        city="Lille",
        phone="+33320554118",
        mobile="+33781223456",
    ),
]

AU = [
    _case(
        "au-001",
        "ben.mitchell@southerncross-hydraulics.example",
        "Ben Mitchell",
        "G'day Jordan,\n\nThanks for the call. Send through the order form and I'll get it "
        "signed.\n\nCheers,\nBen Mitchell\nState Sales Manager – NSW\n"
        "Southern Cross Hydraulics Pty Ltd\nLevel 5, 100 Miller Street\nNorth Sydney NSW 2060\n"
        "P 02 9374 4000 | M 0412 345 678\n",
        "AU",
        first_name="Ben",
        last_name="Mitchell",
        title="State Sales Manager – NSW",
        company="Southern Cross Hydraulics Pty Ltd",
        street="Level 5, 100 Miller Street",
        city="North Sydney",
        state="NSW",
        postal_code="2060",
        phone="+61293744000",
        mobile="+61412345678",
    ),
    _case(
        "au-002",
        "kate.oconnell@yarra-health.example",
        "Kate O'Connell",
        _owa(
            "Hi Jordan,<br><br>Our clinical informatics team approved the integration.<br><br>"
            "Kind regards,",
            "Kate O'Connell\nSenior Procurement Officer\nYarra Community Health\n"
            "Phone: 03 9654 2218\n\n"
            "Yarra Community Health acknowledges the Traditional Owners of the land on which we "
            "work, the Wurundjeri people of the Kulin Nation, and pays respect to Elders past "
            "and present.",
        ),
        "AU",
        "new-outlook",
        html=True,
        first_name="Kate",
        last_name="O'Connell",
        title="Senior Procurement Officer",
        company="Yarra Community Health",
        phone="+61396542218",
    ),
    _case(
        "au-003",
        "tradieplumbing.qld@gmail.example",
        "Shane",
        "Hi mate,\n\nYeah keen on the job scheduling app for the 4 of us. What's the monthly?\n\n"
        "Shane Donovan\nDonovan Plumbing & Gas\n0423 456 789\nLic. 123456\n",
        "AU",
        "freemail",
        first_name="Shane",
        last_name="Donovan",
        company="Donovan Plumbing & Gas",
        phone="+61423456789",
    ),
    _case(
        "au-004",
        "lwilliams@swancoast-freight.example",
        "Lauren Williams",
        _gmail(
            "Hi Jordan,<br><br>All good on our end. Invoice to accounts@ please.",
            "Lauren Williams | Operations Manager<br>Swan Coast Freight<br>"
            "12 Bannister Road, Canning Vale WA 6155<br>T 08 9467 2210",
            quote=f"Hi Lauren, all set for go-live?<br><br>{_lines(MY_SIG)}",
            attr=f"On Tue, 10 Feb 2026 at 08:41, {ME} &lt;{ME_ADDR}&gt; wrote:",
        ),
        "AU",
        "reply",
        "gmail",
        html=True,
        first_name="Lauren",
        last_name="Williams",
        title="Operations Manager",
        company="Swan Coast Freight",
        street="12 Bannister Road",
        city="Canning Vale",
        state="WA",
        postal_code="6155",
        phone="+61894672210",
    ),
    _case(
        "au-005",
        "jim.nguyen@brisbane-print.example",
        "Jimmy Nguyen",
        "Jordan,\n\nCan we push the kickoff to Wednesday?\n\nThanks\nJames Nguyen\n"
        "General Manager\nBrisbane Print Co.\nPh: (07) 3224 5710\nMob: 0491 570 156\n"
        "Brisbane QLD 4000\n\nSent from my iPhone\n",
        "AU",
        "nickname",
        "mobile-footer",
        first_name="James",
        last_name="Nguyen",
        title="General Manager",
        company="Brisbane Print Co.",
        phone="+61732245710",
        mobile="+61491570156",
        city="Brisbane",
        state="QLD",
        postal_code="4000",
    ),
    _case(
        "au-006",
        "sales@adelaide-cellars.example",
        "Adelaide Cellars Sales",
        "Hi Jordan,\n\nThanks for following up. We'll trial it across both cellar doors.\n\n"
        "Warm regards,\n\nOlivia Hart\nCellar Door Manager\nAdelaide Cellars\n"
        "21 Vine Street, Tanunda SA 5352\nAustralia\n08 8212 4431\n",
        "AU",
        "role-address",
        first_name="Olivia",
        last_name="Hart",
        title="Cellar Door Manager",
        company="Adelaide Cellars",
        street="21 Vine Street",
        city="Tanunda",
        state="SA",
        postal_code="5352",
        country="Australia",
        phone="+61882124431",
    ),
    _case(
        "au-007",
        "r.patel@perthmining-services.example",
        "Patel, Ravi",
        _mso(
            "Jordan,<br><br>See below from our safety manager. Can your team answer by Friday?",
            "Ravi Patel\nContracts Administrator\nPerth Mining Services Pty Ltd\n"
            "Direct: +61 8 6245 3380\nMobile: +61 400 123 456",
            quote="From: Gavin Shaw &lt;g.shaw@perthmining-services.example&gt;<br>"
            "Sent: Monday, 9 February 2026 3:02 PM<br>To: Ravi Patel<br>Subject: Stratus - "
            "offline sync<br><br>Ravi, does the app work underground without signal?<br><br>"
            "Gavin Shaw<br>HSE Manager<br>Perth Mining Services Pty Ltd<br>M 0400 765 432",
        ),
        "AU",
        "outlook",
        "forward",
        "last-first",
        html=True,
        first_name="Ravi",
        last_name="Patel",
        title="Contracts Administrator",
        company="Perth Mining Services Pty Ltd",
        phone="+61862453380",
        mobile="+61400123456",
    ),
    _case(
        "au-008",
        "claire@hobartdesignstudio.example",
        "Claire",
        _apple(
            "Hi Jordan,<br><br>Lovely, thank you! We'll start on the monthly plan.",
            "Claire Fitzgerald\nCreative Director\nHobart Design Studio\n0400 987 654\n"
            "hobartdesignstudio.example",
        ),
        "AU",
        "apple",
        html=True,
        first_name="Claire",
        last_name="Fitzgerald",
        title="Creative Director",
        company="Hobart Design Studio",
        phone="+61400987654",
        website="hobartdesignstudio.example",
    ),
    _case(
        "au-009",
        "m.kowalski@canberra-consulting.example",
        "Mark Kowalski",
        "Hi Jordan,\n\nHappy to proceed.\n\nRegards,\nMark Kowalski\nPrincipal Consultant\n"
        "Canberra Strategic Consulting\nGPO Box 1234, Canberra ACT 2601\nT 02 6123 4567\n"
        "linkedin.com/in/markkowalski\n",
        "AU",
        "po-box",
        first_name="Mark",
        last_name="Kowalski",
        title="Principal Consultant",
        company="Canberra Strategic Consulting",
        street="GPO Box 1234",
        city="Canberra",
        state="ACT",
        postal_code="2601",
        phone="+61261234567",
        linkedin="linkedin.com/in/markkowalski",
    ),
    _case(
        "au-010",
        "tash.reid@goldcoast-events.example",
        "Tash Reid",
        "Thanks Jordan! Talk Monday.\n\nNatasha Reid\nEvents Manager / Gold Coast Events\n"
        "M: 0412 555 019\n\n"
        + _wrote(ME, ME_ADDR, "Thu, 12 Feb 2026 at 4:10 pm")
        + _q(
            f"Hi Natasha, Monday at 9 works.\n\n{MY_SIG}\n\n"
            + _wrote("Natasha Reid", "tash.reid@goldcoast-events.example")
            + "Can we talk Monday?\nNatasha Reid\nEvents Manager / Gold Coast Events\n"
            "M: 0412 555 019"
        ),
        "AU",
        "reply",
        "slashes",
        "nickname",
        first_name="Natasha",
        last_name="Reid",
        title="Events Manager",
        company="Gold Coast Events",
        mobile="+61412555019",
    ),
    _case(
        "au-011",
        "enquiries@darwin-marine.example",
        "Darwin Marine Enquiries",
        _table(
            "Hi Jordan,<br><br>Steve asked me to confirm the booking for the demo. Thanks!",
            "Leanne Brooks",
            [
                "Office Administrator | Darwin Marine Services",
                "1300 555 123 (Main)",
                "darwin-marine.example",
            ],
            logo_alt="Darwin Marine Services",
        ),
        "AU",
        "table",
        "role-address",
        "assistant",
        html=True,
        first_name="Leanne",
        last_name="Brooks",
        title="Office Administrator",
        company="Darwin Marine Services",
        phone="+611300555123",
        website="darwin-marine.example",
    ),
]

MORE = [
    _case(
        "nl-001",
        "j.devries@noordzee-logistiek.example",
        "Jeroen de Vries",
        "Hoi Jordan,\n\nPrima, we gaan akkoord met de offerte.\n\nMet vriendelijke groet,\n\n"
        "Jeroen de Vries\nInkoper\nNoordzee Logistiek B.V.\nT +31 10 234 5678\n"
        "M +31 6 2345 6789\n",
        "NL",
        first_name="Jeroen",
        last_name="de Vries",
        title="Inkoper",
        company="Noordzee Logistiek B.V.",
        phone="+31102345678",
        mobile="+31623456789",
    ),
    _case(
        "es-001",
        "lucia.fernandez@iberlogistica.example",
        "Lucía Fernández García",
        "Hola Jordan,\n\nGracias por la propuesta; la revisamos el lunes.\n\nUn saludo,\n"
        "Lucía Fernández García\nDirectora de Compras\nIberlogística S.L.\n"
        "Calle de Alcalá 120, 28009 Madrid\nTel. +34 91 432 18 77\n",
        "ES",
        first_name="Lucía",
        last_name="Fernández García",
        title="Directora de Compras",
        company="Iberlogística S.L.",
        street="Calle de Alcalá 120",
        postal_code="28009",
        city="Madrid",
        phone="+34914321877",
    ),
    _case(
        "it-001",
        "g.rossi@meccanica-lombarda.example",
        "Giulia Rossi",
        "Buongiorno Jordan,\n\nconfermo l'ordine per 20 licenze.\n\nCordiali saluti,\n"
        "Giulia Rossi\nResponsabile Acquisti\nMeccanica Lombarda S.p.A.\n"
        "Tel. +39 02 8645 3321\nCell. +39 347 123 4567\n",
        "IT",
        first_name="Giulia",
        last_name="Rossi",
        title="Responsabile Acquisti",
        company="Meccanica Lombarda S.p.A.",
        phone="+390286453321",
        mobile="+393471234567",
    ),
    _case(
        "ch-001",
        "r.baumann@alpentech.example",
        "Baumann Reto",
        "Grüezi Herr Blake\n\nBesten Dank für die Offerte. Wir melden uns nächste Woche.\n\n"
        "Freundliche Grüsse\nReto Baumann\nLeiter Einkauf\nAlpenTech AG\nBahnhofstrasse 10\n"
        "8001 Zürich\nSchweiz\nTel. +41 44 668 18 00\n",
        "CH",
        "last-first",
        first_name="Reto",
        last_name="Baumann",
        title="Leiter Einkauf",
        company="AlpenTech AG",
        street="Bahnhofstrasse 10",
        postal_code="8001",
        city="Zürich",
        country="Schweiz",
        phone="+41446681800",
    ),
]

UNSIGNED = [
    _case(
        "none-001",
        "dse@signflow.example",
        "Dana Whitfield via SignFlow",
        "Dana Whitfield sent you a document to review and sign.\n\nREVIEW DOCUMENT\n\n"
        "Dana Whitfield\ndwhitfield@hollis-medsupply.example\n\nPlease review and sign "
        '"Hollis - Supplier Agreement 2026".\n\nDo Not Share This Email\nThis email contains '
        "a secure link to SignFlow. Please do not share this email, link, or access code with "
        "others.\n\nSignFlow, Inc. | 221 Main Street, Suite 1550 | San Francisco, CA 94105\n"
        "Questions? Call 1-800-555-0199\n",
        "US",
        "automated",
        "e-signature",
    ),
    _case(
        "none-002",
        "priya.shah@northgate-housing.example",
        "Priya Shah",
        "________________________________________________________________________________\n"
        "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
        "Click here to join the meeting\nMeeting ID: 351 927 604 118\nPasscode: x7Hb9Q\n"
        "Or call in (audio only)\n+44 20 7946 0999,,482913#   United Kingdom, London\n"
        "Phone Conference ID: 482 913#\nFind a local number | Reset PIN\n"
        "Learn More | Meeting options\n"
        "________________________________________________________________________________\n",
        "UK",
        "invite",
        "teams",
    ),
    _case(
        "none-003",
        "no-reply@zoomcast.example",
        "ZoomCast Webinars",
        _table(
            'Hi Jordan,<br><br>This is a reminder that "Forecasting in 2026: What Changed" '
            "starts in 1 hour.<br><br>Date &amp; Time: Feb 18, 2026 11:00 AM Pacific Time<br>"
            "Join from a PC, Mac, iPad, or Android: https://zoomcast.example/w/88213",
            "ZoomCast Video Communications, Inc.",
            [
                "55 Almaden Blvd, 6th Floor, San Jose, CA 95113",
                "+1 888 555 0134",
                "Unsubscribe from webinar reminders",
            ],
            logo_alt="ZoomCast",
        ),
        "US",
        "automated",
        "webinar",
        html=True,
    ),
    _case(
        "none-004",
        "calendar-notification@gcal.example",
        "Google Calendar",
        "Invitation: Stratus kickoff @ Tue Feb 17, 2026 10am - 11am (EST) "
        "(jordan.blake@stratus-demo.example)\n\nJoin with Google Meet\nmeet.example/abc-defg-hij\n"
        "Join by phone\n(US) +1 302-555-0147 PIN: 712 446 921#\n\nWhen\nTuesday Feb 17, 2026 "
        "10am – 11am Eastern Time - New York\n\nOrganizer\nKevin O'Brien\n"
        "kevin.obrien@mapleridge-logistics.example\n\nGuests\nKevin O'Brien - organizer\n"
        "Jordan Blake\n\nReply for jordan.blake@stratus-demo.example\nYes No Maybe "
        "More options\n\nInvitation from Google Calendar\n",
        "CA",
        "invite",
        "google-calendar",
    ),
    _case(
        "none-005",
        "s.whitmore@pennine-fasteners.example",
        "Sarah Whitmore",
        "Thank you for your email. I am out of the office until Monday 23 February with limited "
        "access to email.\n\nFor urgent orders please contact Mark Dyson on 0113 496 0530 or "
        "sales@pennine-fasteners.example.\n\nPennine Fasteners Ltd, Unit 4, Aire Valley Trading "
        "Estate, Leeds LS10 1QA. Registered in England No. 04123456.\n",
        "UK",
        "out-of-office",
    ),
    _case(
        "none-006",
        "s.krueger@hanseatic-maschinenbau.example",
        "Krüger, Stefan",
        "Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich 20.02.2026 nicht im "
        "Büro. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte "
        "an Frau Jana Wolff, Tel. +49 40 6094 3320.\n\nHanseatic Maschinenbau GmbH · "
        "Speicherstraße 12 · 20457 Hamburg\nGeschäftsführer: Dr. Henning Ahlers · Amtsgericht "
        "Hamburg HRB 123456\n",
        "DE",
        "out-of-office",
        "de",
    ),
    _case(
        "none-007",
        "camille.durand@atelier-lumiere.example",
        "Camille Durand",
        "Bonjour,\n\nJe suis absente jusqu'au 2 mars inclus. Pour toute demande urgente, "
        "merci de contacter le service achats au 01 42 68 53 00.\n\nCordialement\n",
        "FR",
        "out-of-office",
        "fr",
    ),
    _case(
        "none-008",
        "lucia.fernandez@iberlogistica.example",
        "Lucía Fernández García",
        "Gracias por su mensaje. Estaré fuera de la oficina hasta el 25 de febrero. Para "
        "asuntos urgentes, contacte con compras@iberlogistica.example o llame al "
        "+34 91 432 18 00.\n\nIberlogística S.L. – Calle de Alcalá 120, 28009 Madrid – "
        "CIF B12345678\n",
        "ES",
        "out-of-office",
        "es",
    ),
    _case(
        "none-009",
        "j.devries@noordzee-logistiek.example",
        "Jeroen de Vries",
        "Beste afzender,\n\nTot en met vrijdag 20 februari ben ik afwezig. Uw e-mail wordt niet "
        "doorgestuurd. Voor dringende zaken kunt u bellen met onze receptie: 010 234 5600.\n\n"
        "Met vriendelijke groet,\nNoordzee Logistiek B.V.\nWaalhaven Z.z. 40, 3089 JH Rotterdam\n",
        "NL",
        "out-of-office",
        "nl",
    ),
    _case(
        "none-010",
        "g.rossi@meccanica-lombarda.example",
        "Giulia Rossi",
        "Sono fuori ufficio fino al 24/02 con accesso limitato alla posta. Per urgenze "
        "contattare l'ufficio acquisti al numero +39 02 8645 3300.\n\nMeccanica Lombarda S.p.A. "
        "– Via Torino 18, 20123 Milano – P.IVA 01234567890\n",
        "IT",
        "out-of-office",
        "it",
    ),
    _case(
        "none-011",
        "support@helpdesk.lattice-data.example",
        "Lattice Data Support",
        "##- Please type your reply above this line -##\n\nYour request (#48213) has been "
        "received and is being reviewed by our support staff.\n\nTo add additional comments, "
        "reply to this email.\n\nLattice Data Systems Support\n1 Kendall Square, Cambridge, "
        "MA 02139\nPhone: +1 617 555 0100 (Mon–Fri, 8am–6pm ET)\n"
        "support.lattice-data.example\n",
        "US",
        "automated",
        "ticket",
    ),
    _case(
        "none-012",
        "noreply@paketpost.example",
        "PaketPost",
        _table(
            "Hallo Jordan Blake,<br><br>Ihre Sendung 00340434161094032517 wird heute zwischen "
            "10:15 und 12:15 Uhr zugestellt.<br><br>Sendung verfolgen",
            "PaketPost Deutschland GmbH",
            [
                "Charles-de-Gaulle-Str. 20, 53113 Bonn",
                "Kundenservice: 0228 4333112",
                "Geschäftsführung: Anja Kern | Registergericht Bonn HRB 6792",
            ],
        ),
        "DE",
        "automated",
        "shipping",
        "de",
        html=True,
    ),
    _case(
        "none-013",
        "billing@cloudledger.example",
        "CloudLedger Billing",
        "Receipt for your payment\n\nAmount paid: $1,188.00\nDate paid: February 1, 2026\n"
        "Payment method: Visa – 4242\n\nInvoice number: CL-2026-00417\n\nIf you have any "
        "questions, contact us at billing@cloudledger.example or call +1 (206) 555-0188.\n\n"
        "CloudLedger, Inc.\n500 Pine Street, Seattle, WA 98101\nUnited States\n",
        "US",
        "automated",
        "receipt",
    ),
    _case(
        "none-014",
        "no-reply@accounts.workhub.example",
        "WorkHub",
        _owa(
            "Hi Jordan,<br><br>We received a request to reset your WorkHub password. If you "
            "made this request, use the link below within 30 minutes.<br><br>Reset password"
            "<br><br>If you didn't request this, you can ignore this email.",
            "The WorkHub Team\nWorkHub Ltd · 30 Finsbury Square · London EC2A 1AG\n"
            "Registered in England and Wales, company number 09876543",
        ),
        "UK",
        "automated",
        "password-reset",
        html=True,
    ),
    _case(
        "none-015",
        "security-noreply@identity.example",
        "Identity Security",
        "New sign-in to your account\n\nWe noticed a new sign-in to jordan.blake@stratus-demo."
        "example\n\nDevice: Windows 11, Edge\nLocation: Lisbon, Portugal\nTime: Feb 12, 2026, "
        "07:45 UTC\n\nIf this was you, you don't need to do anything. If not, secure your "
        "account.\n\nIdentity Inc., 1600 Amphitheatre Way, Mountain View, CA 94043\n",
        "US",
        "automated",
        "security-alert",
    ),
    _case(
        "none-016",
        "notifications@connectin.example",
        "ConnectIn",
        _table(
            "Jordan, you have 3 new profile views<br><br>Dana Whitfield<br>Procurement Lead at "
            "Hollis Medical Supply<br><br>Angela Park<br>Account Director at Meridian Print Group"
            "<br><br>See all views",
            "ConnectIn",
            [
                "This email was intended for Jordan Blake (Senior Account Executive)",
                "ConnectIn Ireland Unlimited Company, Wilton Plaza, Dublin 2, Ireland",
                "Unsubscribe · Help",
            ],
        ),
        "automated",
        "social",
        html=True,
    ),
    _case(
        "none-017",
        "ashley@growthloop-mail.example",
        "Ashley from GrowthLoop",
        "Hi Jordan,\n\nQuick question - are you still the right person for revenue operations "
        "at Stratus Demo? We help teams like yours cut CRM admin by 30%.\n\nWorth a 15-minute "
        "chat next week?\n\nAshley\n\nGrowthLoop · 1209 Orange Street · Wilmington, DE 19801\n"
        'If you don\'t want to hear from me again, reply "no thanks" or unsubscribe here.\n',
        "US",
        "sequence",
        "marketing",
    ),
    _case(
        "none-018",
        "newsletter@salonbtp.example",
        "Salon BTP Expo",
        _table(
            "Bonjour,<br><br>Le Salon BTP Expo ouvre ses portes du 24 au 26 mars 2026 à Lyon "
            "Eurexpo. Réservez votre badge gratuit dès maintenant !",
            "Salon BTP Expo – Comexpo Events",
            [
                "10 avenue Louis Blériot, 69500 Bron",
                "Tél. 04 78 62 10 00",
                "Se désinscrire · Mentions légales",
            ],
            logo_alt="Salon BTP Expo",
        ),
        "FR",
        "newsletter",
        "fr",
        html=True,
    ),
    _case(
        "none-019",
        "inscripciones@foroventas.example",
        "Foro Ventas Madrid",
        "Hola Jordan:\n\nTu inscripción al Foro Ventas Madrid 2026 está confirmada.\n\n"
        "Fecha: 12 de marzo de 2026, 9:00\nLugar: IFEMA, Av. del Partenón 5, 28042 Madrid\n"
        "Código de entrada: FVM-88213\n\nDudas: +34 91 432 18 99\n\nFundación Foro Ventas – "
        "Protección de datos: puedes ejercer tus derechos en privacidad@foroventas.example\n",
        "ES",
        "automated",
        "event",
        "es",
    ),
    _case(
        "none-020",
        "webinars@datadag.example",
        "DataDag Webinars",
        'Hallo Jordan,\n\nHerinnering: het webinar "Pipeline-analyse voor salesteams" begint '
        "morgen om 14:00 uur.\n\nDeelnemen via: https://datadag.example/live/4471\n\n"
        "DataDag B.V. | Stationsplein 45, 3013 AK Rotterdam | KvK 12345678\n"
        "Afmelden voor deze e-mails\n",
        "NL",
        "webinar",
        "nl",
    ),
    _case(
        "none-021",
        "avvisi@bancadelnord.example",
        "Banca del Nord",
        "Gentile Cliente,\n\nLe comunichiamo che è disponibile un nuovo documento nella sua "
        "area riservata: Estratto conto gennaio 2026.\n\nPer assistenza: 800 123 456 (da "
        "rete fissa) o +39 02 8645 0000 dall'estero.\n\nBanca del Nord S.p.A. – Sede legale: "
        "Piazza Cordusio 2, 20123 Milano – Iscritta all'Albo delle Banche\nQuesta è una e-mail "
        "automatica, si prega di non rispondere.\n",
        "IT",
        "automated",
        "bank",
        "it",
    ),
    _case(
        "none-022",
        "noreply@peoplepulse-hr.example",
        "PeoplePulse HR",
        "Hi Jordan,\n\nYour timesheet for the week of 9 Feb 2026 is due tomorrow. Submit it in "
        "PeoplePulse before 5pm.\n\nThis is an automated message from PeoplePulse HR. Please "
        "do not reply.\nPeoplePulse Pty Ltd, Level 12, 1 Collins Street, Melbourne VIC 3000\n",
        "AU",
        "automated",
        "hr",
    ),
    _case(
        "none-023",
        "jobs-noreply@hirefield.example",
        "HireField",
        'Jordan, a candidate applied to your job "Sales Development Representative".\n\n'
        "Chris Doyle\nSDR at Coastline Marine Supply\nVancouver, BC\n604.555.0177\n\n"
        "View application\n\nHireField Inc., 100 King St W, Toronto, ON M5X 1A9\n",
        "CA",
        "automated",
        "recruiting",
    ),
    _case(
        "none-024",
        "voicemail@phone.stratus-demo.example",
        "Voicemail",
        "You received a new voicemail.\n\nFrom: +44 113 496 0512 (Sarah Whitmore)\n"
        'Received: 12/02/2026 14:22\nLength: 0:41\n\nTranscription (preview): "Hi Jordan, '
        "it's Sarah from Pennine, call me back on my mobile 07911 123456...\"\n\n"
        "Listen to the attached message. Powered by CallBridge.\n",
        "UK",
        "automated",
        "voicemail",
    ),
    _case(
        "none-025",
        "fax2mail@faxgate.example",
        "FaxGate",
        "Sie haben ein Fax erhalten.\n\nAbsender-Kennung: +49 711 2233446\nSeiten: 3\n"
        "Empfangen: 11.02.2026 08:03\n\nDas Fax finden Sie als PDF im Anhang.\n\nFaxGate "
        "GmbH · Königstraße 1 · 70173 Stuttgart · Tel. 0711 2233000\n",
        "DE",
        "automated",
        "fax",
        "de",
    ),
    _case(
        "none-026",
        "customerservices@westbridge.gov.example",
        "Westbridge Borough Council",
        _owa(
            "Thank you for contacting Westbridge Borough Council.<br><br>This is an automated "
            "acknowledgement. Your reference is WBC-2026-118273. We aim to respond within 10 "
            "working days.",
            "Customer Services\nWestbridge Borough Council\nCivic Centre, Market Street, "
            "Westbridge WB1 1AA\nTel: 0161 496 0000\n\n"
            "This email and any attachments may be subject to the Freedom of Information Act "
            "2000.",
        ),
        "UK",
        "automated",
        "public-sector",
        html=True,
    ),
    _case(
        "none-027",
        "digest@lists.revops-community.example",
        "RevOps Community Digest",
        "RevOps Community – Daily digest, 3 messages\n\n1. Re: CRM dedupe rules\n"
        "From: Lauren Williams\n\nWe use fuzzy matching on email + company.\n\n"
        "Lauren Williams | Operations Manager\nSwan Coast Freight\nT 08 9467 2210\n\n"
        "2. Re: CRM dedupe rules\nFrom: Tom Becker\n\nSame here.\n\nTom Becker\n"
        "Head of Partnerships, SprintCloud GmbH\n+49 30 28409715\n\n"
        "You are receiving this digest because you subscribed to RevOps Community.\n"
        "Unsubscribe: lists.revops-community.example/unsub\n",
        "digest",
        "automated",
    ),
    _case(
        "none-028",
        "jasmine.wong@coastline-marine.example",
        "Jasmine Wong",
        "Thanks!\n\nSent from my phone\n",
        "CA",
        "one-line",
        "mobile-footer",
    ),
    _case(
        "none-029",
        "jim.nguyen@brisbane-print.example",
        "Jimmy Nguyen",
        "Yep all good — J\n\n"
        + _wrote(ME, ME_ADDR, "Thu, 12 Feb 2026 at 1:05 pm")
        + _q(
            f"James, is the 9am still on?\n\n{MY_SIG}\n\n"
            + _wrote("James Nguyen", "jim.nguyen@brisbane-print.example")
            + "Let's meet at 9.\n\nThanks\nJames Nguyen\nGeneral Manager\nBrisbane Print Co.\n"
            "Ph: (07) 3224 5710\nMob: 0491 570 156"
        ),
        "AU",
        "reply",
        "sign-off",
    ),
    _case(
        "none-030",
        "lukas.hartmann@frankfurt-finanz.example",
        "Lukas Hartmann",
        _fwd("Sabine Roth", "s.roth@frankfurt-finanz.example", "Lizenzkosten 2026")
        + "Lukas, bitte die Kosten für 2026 klären.\n\nSabine Roth\nControlling\n"
        "Frankfurt Finanzservice AG\nMainzer Landstraße 50, 60325 Frankfurt am Main\n"
        "T: 069 9758 3300\n",
        "DE",
        "forward",
    ),
    _case(
        "none-031",
        "dwhitfield@hollis-medsupply.example",
        "Whitfield, Dana",
        "Answers inline below.\n\n> Do you need SSO?\nYes, Okta.\n\n> How many users?\n120 "
        "at launch.\n\n"
        + _outlook(
            ME, ME_ADDR, "Questions", to="Whitfield, Dana <dwhitfield@hollis-medsupply.example>"
        )
        + f"Dana, a couple of questions before the scoping call.\n\n{MY_SIG}\n",
        "US",
        "inline-reply",
        "reply",
    ),
    _case(
        "none-032",
        "angela.park@meridian-print.example",
        "Angela Park",
        "Accepted: Tuesday walkthrough\n\nAngela Park has accepted this meeting.\n\nWhen: "
        "Tuesday, February 17, 2026 11:00 AM-12:00 PM (UTC-05:00) Eastern Time (US & Canada)\n"
        "Where: Microsoft Teams Meeting\n",
        "US",
        "calendar-response",
    ),
    _case(
        "none-033",
        "anna.vogel@rheinlogistik.example",
        "Anna Vogel",
        "Aktualisiert: Rhein Logistik / Stratus – Abstimmung\n\nWann: Donnerstag, 19. Februar "
        "2026 14:00-15:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien\n"
        "Wo: Besprechungsraum Rhein 2, Hansaallee 201, 40549 Düsseldorf\n\n"
        "Organisator: Anna Vogel\n",
        "DE",
        "calendar-update",
        "de",
    ),
    _case(
        "none-034",
        "orders@tradehub-market.example",
        "TradeHub Marketplace",
        _table(
            "Thanks for your order, Jordan!<br><br>Order #TH-558210<br>2 x USB-C docking "
            "station – $318.00<br>Estimated delivery: Feb 19–21",
            "TradeHub Marketplace",
            [
                "TradeHub LLC, 410 Terry Ave N, Seattle, WA 98109",
                "Customer service: 1-888-555-0142",
                "View our Privacy Notice",
            ],
            logo_alt="TradeHub",
        ),
        "US",
        "automated",
        "marketplace",
        html=True,
    ),
    _case(
        "none-035",
        "no-reply@appstoreconnect.example",
        "App Store Connect",
        "Dear Developer,\n\nThe status of your app, Stratus Mobile (2.14.0), is now "
        '"Ready for Distribution".\n\nBest regards,\nApp Review\n\nOne Infinite Way, '
        "Cupertino, CA 95014\n",
        "US",
        "automated",
        "app-store",
    ),
    _case(
        "none-036",
        "mailer-daemon@mx.stratus-demo.example",
        "Mail Delivery Subsystem",
        "Delivery has failed to these recipients or groups:\n\n"
        "g.turner@turner-haulage.example\nThe recipient's mailbox is full and can't accept "
        "messages now.\n\nDiagnostic information for administrators:\n"
        "Remote server returned '552 5.2.2 Mailbox full'\n",
        "automated",
        "bounce",
    ),
    _case(
        "none-037",
        "feedback@surveybird.example",
        "Maple Ridge Logistics via SurveyBird",
        "Hi Jordan,\n\nMaple Ridge Logistics would like your feedback on your recent "
        "delivery. It takes 2 minutes.\n\nStart survey\n\nSurveyBird, 1 Yonge Street, Toronto, "
        "ON M5E 1E5 | 1-866-555-0120\nPrivacy · Unsubscribe\n",
        "CA",
        "automated",
        "survey",
    ),
    _case(
        "none-038",
        "website@adelaide-cellars.example",
        "Adelaide Cellars Website",
        "New enquiry from the contact form\n\nName: Peter Lam\nCompany: Lam Imports\n"
        "Phone: 0412 555 088\nEmail: peter@lamimports.example\nMessage: Do you supply "
        "restaurants in Sydney?\n\n--\nThis e-mail was sent from a contact form on Adelaide "
        "Cellars (adelaide-cellars.example)\n",
        "AU",
        "automated",
        "web-form",
    ),
    _case(
        "none-039",
        "tom@fairleyandco.example",
        "Tom",
        "Great, will do.\n\nThanks,\nTom\n",
        "UK",
        "sign-off",
    ),
    _case(
        "none-040",
        "info@ceramicasvalencia.example",
        "Cerámicas Valencia",
        "Estimado cliente:\n\nHemos recibido su consulta y le responderemos en un plazo máximo de "
        "48 horas laborables.\n\nAtentamente,\nDepartamento Comercial\nCerámicas Valencia S.A.\n"
        "Av. del Puerto 300, 46023 Valencia\nTel. 963 55 41 20\n",
        "ES",
        "automated",
        "auto-reply",
        "es",
    ),
    _case(
        "none-041",
        "accueil@mairie-villeneuve.example",
        "Mairie de Villeneuve",
        _owa(
            "Madame, Monsieur,<br><br>Nous accusons réception de votre courriel. Il sera "
            "transmis au service compétent.<br><br>Ceci est un message automatique, merci de ne "
            "pas y répondre.",
            "Mairie de Villeneuve\nService Accueil\nPlace de l'Hôtel de Ville, 47300 Villeneuve\n"
            "Tél. 05 53 40 12 00",
        ),
        "FR",
        "automated",
        "public-sector",
        "fr",
        html=True,
    ),
    _case(
        "none-042",
        "noreply@meetingcloud.example",
        "MeetingCloud",
        "Your cloud recording is now available.\n\nTopic: Stratus demo – Glenmorven\n"
        "Date: Feb 11, 2026 09:30 AM London\n\nShare recording with viewers:\n"
        "https://meetingcloud.example/rec/share/x8Yq\nPasscode: 7!kQ2\n\n"
        "MeetingCloud Video Communications, 55 Almaden Blvd, San Jose, CA 95113\n",
        "automated",
        "recording",
    ),
    _case(
        "none-043",
        "drive-shares-noreply@docs.example",
        "Priya Desai (via Docs)",
        _table(
            "Priya Desai shared a document<br><br>Priya Desai (priya.desai@northbeam-analytics."
            "example) has invited you to edit the following document:<br><br>Northbeam – "
            "Mutual Action Plan<br><br>Open",
            "Docs",
            [
                "Docs LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
                "You have received this email because priya.desai@northbeam-analytics.example "
                "shared a document with you.",
            ],
            logo_alt="Docs",
        ),
        "US",
        "automated",
        "share",
        html=True,
    ),
    _case(
        "none-044",
        "expenses@spendwise.example",
        "SpendWise",
        'Your expense report "Leeds trip – Feb 2026" (£412.60) was approved by Morgan Reyes.'
        "\n\nReimbursement will be included in your next payment run.\n\nSpendWise Ltd, "
        "20 Old Bailey, London EC4M 7AN\n",
        "UK",
        "automated",
        "expenses",
    ),
    _case(
        "none-045",
        "amministrazione@fornitureveneto.example",
        "Forniture Veneto – Amministrazione",
        "Gentile Cliente,\n\nle ricordiamo che la fattura n. 2026/118 di € 2.450,00 è scaduta il "
        "31/01/2026. La preghiamo di provvedere al pagamento.\n\nDistinti saluti\n"
        "Ufficio Amministrazione\nForniture Veneto S.r.l.\nVia Roma 14, 35122 Padova\n"
        "Tel. 049 876 5432 – P.IVA 04567890123\n",
        "IT",
        "automated",
        "invoice",
        "it",
    ),
    _case(
        "none-046",
        "noreply@pakketpunt.example",
        "PakketPunt",
        "Je pakket ligt klaar!\n\nJe pakket 3SPKT1234567 ligt klaar in de pakketautomaat bij "
        "Albert Heijn, Coolsingel 10, Rotterdam. Ophaalcode: 482 913.\n\nOphalen kan tot en met "
        "19 februari.\n\nPakketPunt Nederland B.V. · Postbus 1200 · 2130 AE Hoofddorp\n",
        "NL",
        "automated",
        "shipping",
        "nl",
    ),
    _case(
        "none-047",
        "messenger@webmeet.example",
        "Kate O'Connell via WebMeet",
        "Kate O'Connell invites you to a WebMeet meeting.\n\nYarra Health – Stratus review\n"
        "Thursday, 19 Feb 2026 | 10:00 AM | (UTC+11:00) Canberra, Melbourne, Sydney | 1 hr\n\n"
        "Join meeting\nMeeting number (access code): 2645 118 0093\nMeeting password: "
        "Yarra2026\n\nJoin by phone\n+61 2 9374 4999 Australia Toll\n",
        "AU",
        "invite",
        "webex",
    ),
    _case(
        "none-048",
        "news@fachmesse-logistik.example",
        "Fachmesse Logistik",
        "Sehr geehrter Herr Blake,\n\nnur noch 4 Wochen bis zur Fachmesse Logistik 2026 in "
        "Dortmund! Sichern Sie sich jetzt Ihr Ticket.\n\nMesse Westfalen GmbH\n"
        "Rheinlanddamm 200, 44139 Dortmund\nTel.: +49 231 1204 0\nAmtsgericht Dortmund HRB "
        "1234\nAbmelden | Impressum | Datenschutz\n",
        "DE",
        "newsletter",
        "de",
    ),
    _case(
        "none-049",
        "e.rousseau@logisud.example",
        "Rousseau, Émilie",
        "Ok pour moi.\n\nEnvoyé de mon iPhone\n\n"
        "Le 12 févr. 2026 à 09:14, Jordan Blake <jordan.blake@stratus-demo.example> a écrit :\n"
        + _q(f"Émilie, on part sur le 1er avril ?\n\n{MY_SIG}"),
        "FR",
        "reply",
        "mobile-footer",
        "fr",
    ),
    _case(
        "none-050",
        "poll@meetsync.example",
        "MeetSync",
        'Rosa Alvarez invited you to vote on meeting times for "Sunbelt – pricing review".\n\n'
        "Vote now\n\nMeetSync · 2261 Market Street #4667 · San Francisco, CA 94114\n",
        "US",
        "automated",
        "poll",
    ),
    _case(
        "none-051",
        "kevin.obrien@mapleridge-logistics.example",
        "Kevin O'Brien",
        "Forwarding for visibility.\n\n"
        + _fwd("Linda Karras", "lkarras@prairiegrain.example", "Signing authority")
        + "Kevin, I'm the signatory for the Prairie contract.\n\nLinda Karras, CPA\n"
        "Chief Financial Officer\nPrairie Grain Co-operative\n403 555 0110\n",
        "CA",
        "forward",
    ),
    _case(
        "none-052",
        "noreply@tenderportal.gov.example",
        "AusTender Portal",
        "Addendum issued: ATM 2026/014 – Field Service Management Platform\n\nAn addendum has "
        "been released for an Approach to Market you are registered for. Log in to view it.\n\n"
        "Department of Finance\nOne Canberra Avenue, Forrest ACT 2603\nPhone: 02 6215 2222\n"
        "Please do not reply to this email.\n",
        "AU",
        "automated",
        "public-sector",
    ),
]

CASES: list[dict[str, Any]] = [*US, *UK, *CA, *DE, *FR, *AU, *MORE, *UNSIGNED]
