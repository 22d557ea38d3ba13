"""The FIFTH BLIND signature set: written by hand without reading the parser, its tests or the
cases of the other blind sets (blind.py ... blind4.py), by a fifth hand, so that it measures
whether the parser generalises (docs/records.md, "The blind sets"). Its weight is on the mail no
person signed: automated replies of every kind (ticket acknowledgements, councils' and
companies' auto-replies, Teams / Zoom / Google Calendar / Webex invites and updates, delivery and
shipping notices, e-signature requests, receipts and invoices, password resets, LinkedIn and CRM
notifications, mailing-list digests, out-of-office replies in several languages), many with a
company address and phone numbers in their footers that must give no field. The rest is ordinary
signed sales mail in the six main regions (US, UK, CA, DE, FR, AU), mostly simple, and a few
others.

Labels: what a careful reader would type into the Lead form for the SENDER (the From header)
from the newest message's signature, as written there (docs/records.md, "Conventions now shared
by every set"):

- Phones in E.164 without extensions; mobile and fax by their label in any language, before or
  after the number (the issue: "kind by label"); an unlabelled number is the phone, whatever its
  range (relabelled so by the integrator after writing: 9 cases); a direct line wins
  over a main or switchboard number; a number without a country code is read in the country the
  signature makes evident.
- Names without honorifics or post-nominals; a name in capitals is labelled as the From header
  spells it. Title and company as written, split where a line joins them; a bilingual line is
  labelled whole.
- Street as written on its line; city without "Cedex" or "(Québec)"; a country only when the
  text names it; a registered office in a legal footer is not the sender's address.
- Email, website and LinkedIn only when written as visible text.
- An email whose newest message has no signature expects nothing: an automated message's footer
  (company, address, support number) is not a person's signature, nor is a forwarded or quoted
  message's signature.

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
        "id": f"blind5-{ident}",
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

# -- United States ---------------------------------------------------------------------------------
CASES += [
    _case(
        "us-01",
        "megan.doyle@trellispack.example",
        "Megan Doyle",
        "Hi Alex,\n\nThanks for sending the revised pricing. I'll review it with our ops team and "
        "get back to you by Friday.\n\nBest,\nMegan Doyle\nPurchasing Manager\n"
        "Trellis Packaging Co.\n(614) 555-0158\n",
        "US",
        "en",
        "simple",
        first_name="Megan",
        last_name="Doyle",
        title="Purchasing Manager",
        company="Trellis Packaging Co.",
        phone="+16145550158",
    ),
    _case(
        "us-02",
        "bcastellanos@midlandvalve.example",
        "Brian Castellanos",
        _mso(
            "Alex – attached is the signed NDA. Let me know the next steps.",
            "<b>Brian Castellanos</b>",
            "Senior Buyer",
            "Midland Valve &amp; Fitting",
            "4100 Industrial Pkwy, Dayton, OH 45414",
            "Direct: 937-555-0121 | Main: 937-555-0100",
            '<a href="mailto:bcastellanos@midlandvalve.example">'
            "bcastellanos@midlandvalve.example</a>",
        ),
        "US",
        "en",
        "outlook",
        "direct-main",
        html=True,
        first_name="Brian",
        last_name="Castellanos",
        title="Senior Buyer",
        company="Midland Valve & Fitting",
        street="4100 Industrial Pkwy",
        city="Dayton",
        state="OH",
        postal_code="45414",
        phone="+19375550121",
        email="bcastellanos@midlandvalve.example",
    ),
    _case(
        "us-03",
        "priya@lumenhealth.example",
        "Priya Natarajan",
        _gmail(
            "Hi Alex,<br><br>Tuesday at 11 PT works. Can you include our IT lead, Marcus?<br><br>"
            "Thanks,<br>Priya",
            "<b>Priya Natarajan</b>",
            "VP, Revenue Operations",
            "Lumen Health Partners",
            "m: 415.555.0183",
            '<a href="https://lumenhealth.example">lumenhealth.example</a>',
            quote="Hi Priya,<br><br>Would Tuesday or Wednesday suit for the demo?<br><br>"
            + _br(MY_SIG),
            quoted_from=f"{ME} &lt;{ME_ADDR}&gt;",
        ),
        "US",
        "en",
        "gmail",
        "reply",
        html=True,
        first_name="Priya",
        last_name="Natarajan",
        title="VP, Revenue Operations",
        company="Lumen Health Partners",
        mobile="+14155550183",
        website="lumenhealth.example",
    ),
    _case(
        "us-04",
        "jwhitfield@keystonefreight.example",
        "Jason Whitfield",
        "Thanks — will do.\n\nJason Whitfield | Operations Director | Keystone Freight Lines | "
        "412-555-0166\n",
        "US",
        "en",
        "one-line",
        first_name="Jason",
        last_name="Whitfield",
        title="Operations Director",
        company="Keystone Freight Lines",
        phone="+14125550166",
    ),
    _case(
        "us-05",
        "tom@reyescabinetry.example",
        "Tom Reyes",
        "Alex,\n\nWe'd like 40 units for the showroom to start. Send the order form over when "
        "you can.\n\nTom Reyes\nCEO, Reyes Custom Cabinetry\n2210 W. Alameda Ave\n"
        "Denver, CO 80223\n303-555-0149 office\n720-555-0172 cell\n",
        "US",
        "en",
        "label-after",
        first_name="Tom",
        last_name="Reyes",
        title="CEO",
        company="Reyes Custom Cabinetry",
        street="2210 W. Alameda Ave",
        city="Denver",
        state="CO",
        postal_code="80223",
        phone="+13035550149",
        mobile="+17205550172",
    ),
    _case(
        "us-06",
        "ellen.cho@brightlane.example",
        "Ellen Cho",
        "<div>Hi Alex, great speaking today. The deck is attached as promised.</div><br>"
        + _card(
            "Brightlane Analytics logo",
            '<b style="font-size:14px;color:#0B5CAD">Ellen Cho</b>',
            "Account Director",
            "Brightlane Analytics",
            "P: 617.555.0139",
            '<a href="https://www.brightlane.example">www.brightlane.example</a>',
            '<a href="https://www.linkedin.com/in/ellencho"><img src="cid:li" alt="LinkedIn icon"'
            ' width="16"></a>',
        ),
        "US",
        "en",
        "table",
        "generated",
        html=True,
        first_name="Ellen",
        last_name="Cho",
        title="Account Director",
        company="Brightlane Analytics",
        phone="+16175550139",
        website="www.brightlane.example",
    ),
    _case(
        "us-07",
        "dkowalski@lakewoodco.example",
        "Dana Kowalski",
        "Alex,\n\nThe RFP closes on March 20. Questions go through the portal only.\n\n-- \n"
        "Dana Kowalski\nProcurement Specialist, City of Lakewood\n"
        "480 S. Allison Pkwy, Lakewood, CO 80226\nTel. 303-555-0110 ext. 4417\n",
        "US",
        "en",
        "thunderbird",
        "public-sector",
        "extension",
        first_name="Dana",
        last_name="Kowalski",
        title="Procurement Specialist",
        company="City of Lakewood",
        street="480 S. Allison Pkwy",
        city="Lakewood",
        state="CO",
        postal_code="80226",
        phone="+13035550110",
    ),
    _case(
        "us-08",
        "grant.hollis@ridgewaymed.example",
        "Hollis, Grant",
        "Alex,\n\nPlease send the W-9 and the certificate of insurance to our vendor team.\n\n"
        "Thank you,\n\nGrant Hollis, MBA\nDirector, Supply Chain\nRidgeway Medical Center\n"
        "O 502-555-0181 | F 502-555-0182\n",
        "US",
        "en",
        "healthcare",
        "last-first",
        first_name="Grant",
        last_name="Hollis",
        title="Director, Supply Chain",
        company="Ridgeway Medical Center",
        phone="+15025550181",
        fax="+15025550182",
    ),
    _case(
        "us-09",
        "lpark@summitaero.example",
        "Linda Park",
        "Hello Alex,\n\nOur legal team has a few redlines on section 7; I'll send them Monday.\n\n"
        "Regards,\nLinda Park\nContracts Administrator\nSummit Aerospace Components\n"
        "Phone: (316) 555-0127\n\nCONFIDENTIALITY NOTICE: This e-mail message, including any "
        "attachments, is for the sole use of the intended recipient(s) and may contain "
        "confidential and privileged information or export-controlled technical data. Any "
        "unauthorized review, use, disclosure or distribution is prohibited. If you are not the "
        "intended recipient, please contact the sender by reply e-mail and destroy all copies.\n",
        "US",
        "en",
        "disclaimer",
        first_name="Linda",
        last_name="Park",
        title="Contracts Administrator",
        company="Summit Aerospace Components",
        phone="+13165550127",
    ),
    _case(
        "us-10",
        "joe.bartlett.plumbing@gmail.com",
        "Joe Bartlett",
        "Hi, yes I'm interested in the starter plan. Can you call me after 4?\n\nJoe Bartlett\n"
        "Bartlett Plumbing & Heating\n(608) 555-0143\nLicensed & insured since 1998\n",
        "US",
        "en",
        "free-mail",
        "simple",
        first_name="Joe",
        last_name="Bartlett",
        company="Bartlett Plumbing & Heating",
        phone="+16085550143",
    ),
    _case(
        "us-11",
        "koneill@northgateprop.example",
        "Karen O'Neill-Briggs",
        "Hi Alex,\n\nI've shared the site list with you in Box. Let me know if anything is "
        "missing.\n\nThanks,\nKaren\n\nKaren O'Neill-Briggs\nSenior Category Manager, Facilities\n"
        "Northgate Property Group\nT 212 555 0175\nM 646 555 0190\nnorthgate.example\n",
        "US",
        "en",
        "compound-name",
        first_name="Karen",
        last_name="O'Neill-Briggs",
        title="Senior Category Manager, Facilities",
        company="Northgate Property Group",
        phone="+12125550175",
        mobile="+16465550190",
        website="northgate.example",
    ),
    _case(
        "us-12",
        "sokafor@bayviewhealth.example",
        "Samuel Okafor",
        _owa(
            "Alex,<br><br>We can do a 30-minute review with the nursing informatics group next "
            "week. Please propose two times.",
            "Dr. Samuel Okafor",
            "Chief Medical Information Officer",
            "Bayview Regional Health System",
            "555 Harbor Blvd, Suite 200",
            "Tampa, FL 33602",
            "Office: 813-555-0114",
        ),
        "US",
        "en",
        "owa",
        "healthcare",
        "honorific",
        html=True,
        first_name="Samuel",
        last_name="Okafor",
        title="Chief Medical Information Officer",
        company="Bayview Regional Health System",
        street="555 Harbor Blvd, Suite 200",
        city="Tampa",
        state="FL",
        postal_code="33602",
        phone="+18135550114",
    ),
    _case(
        "us-13",
        "ralmeida@cascadeext.example",
        "Robert Almeida",
        "Alex,\n\nLooping in Carla, who runs receiving; she'll confirm the dock hours.\n\nRob\n\n"
        "Robert Almeida\nPlant Manager\nCascade Extrusions\n503-555-0152\n"
        + _outlook("Carla Jensen", "carla.jensen@cascadeext.example", "RE: Delivery window")
        + "Rob, the vendor wants to deliver Thursday. Are we OK with a 7am slot?\n\n"
        "Carla Jensen\nReceiving Supervisor\nCascade Extrusions\n503-555-0153\n",
        "US",
        "en",
        "reply",
        "colleague-quoted",
        first_name="Robert",
        last_name="Almeida",
        title="Plant Manager",
        company="Cascade Extrusions",
        phone="+15035550152",
    ),
    _case(
        "us-14",
        "mfeldman@carolinacoldchain.example",
        "Marcy Feldman",
        "Hi Alex - I've attached our current lane volumes. Happy to walk through them.\n\n"
        "Marcy Feldman\nDirector of Logistics\nCarolina Cold Chain, LLC\n"
        "Direct: 704-555-0138\nMain: 1-888-555-0123\n",
        "US",
        "en",
        "direct-main",
        "logistics",
        first_name="Marcy",
        last_name="Feldman",
        title="Director of Logistics",
        company="Carolina Cold Chain, LLC",
        phone="+17045550138",
    ),
    _case(
        "us-15",
        "michael.tran@pacrimimports.example",
        "Michael Tran",
        "Alex,\n\nPlease hold the shipment until we confirm the customs broker.\n\nMICHAEL TRAN\n"
        "REGIONAL SALES MANAGER\nPACIFIC RIM IMPORTS\n(206) 555-0161\n",
        "US",
        "en",
        "capitals",
        first_name="Michael",
        last_name="Tran",
        title="REGIONAL SALES MANAGER",
        company="PACIFIC RIM IMPORTS",
        phone="+12065550161",
    ),
    _case(
        "us-16",
        "smorales@granitestatefoods.example",
        "Stephanie Morales",
        _owa(
            "Hi Alex,<br><br>Thanks for the samples. We'll run them through QA this week and "
            "come back to you with feedback.<br><br>Best,",
            "Stephanie Morales",
            "Sourcing Lead",
            "Granite State Foods",
            "603-555-0135",
            "<br>",
            '<span style="font-size:8pt;color:#888">This email and any files transmitted with it '
            "are confidential and intended solely for the use of the individual or entity to "
            "whom they are addressed. If you have received this email in error please notify the "
            "system manager. Please consider the environment before printing this email.</span>",
        ),
        "US",
        "en",
        "owa",
        "disclaimer",
        html=True,
        first_name="Stephanie",
        last_name="Morales",
        title="Sourcing Lead",
        company="Granite State Foods",
        phone="+16035550135",
    ),
    _case(
        "us-17",
        "kevin.liu@arrowheadsupply.example",
        "Kevin Liu",
        "Got it, thx. PO to follow.\n\nKevin Liu\nBuyer\nArrowhead Electronics Supply\n"
        "kevin.liu@arrowheadsupply.example | 949-555-0117\n",
        "US",
        "en",
        "simple",
        first_name="Kevin",
        last_name="Liu",
        title="Buyer",
        company="Arrowhead Electronics Supply",
        email="kevin.liu@arrowheadsupply.example",
        phone="+19495550117",
    ),
]

# -- United Kingdom --------------------------------------------------------------------------------
CASES += [
    _case(
        "uk-01",
        "sophie.hargreaves@haldenpryce.example",
        "Sophie Hargreaves",
        "Hi Alex,\n\nThanks for the quote. Could you split out the installation costs?\n\n"
        "Kind regards,\n\nSophie Hargreaves\nProcurement Manager\nHalden & Pryce Ltd\n"
        "T: 0161 496 0512\nM: 07911 123456\n",
        "UK",
        "en",
        "simple",
        first_name="Sophie",
        last_name="Hargreaves",
        title="Procurement Manager",
        company="Halden & Pryce Ltd",
        phone="+441614960512",
        mobile="+447911123456",
    ),
    _case(
        "uk-02",
        "oliver.bennett@fenwicklogistics.example",
        "Oliver Bennett",
        _mso(
            "Alex,<br><br>Please find attached our completed supplier questionnaire.",
            "Kind regards",
            "&nbsp;",
            "<b>Oliver Bennett</b>",
            "Head of Operations",
            "Fenwick Logistics Ltd",
            "Unit 4, Riverside Business Park",
            "Leeds LS10 1QP",
            "Tel: 0113 496 0833",
            "&nbsp;",
            '<span style="font-size:7.0pt;color:gray">Fenwick Logistics Ltd is registered in '
            "England and Wales, company no. 04812345. Registered office: 1 King Street, "
            "Manchester M2 6AW. VAT no. GB 123 4567 89.</span>",
        ),
        "UK",
        "en",
        "outlook",
        "registered-office",
        "logistics",
        html=True,
        first_name="Oliver",
        last_name="Bennett",
        title="Head of Operations",
        company="Fenwick Logistics Ltd",
        street="Unit 4, Riverside Business Park",
        city="Leeds",
        postal_code="LS10 1QP",
        phone="+441134960833",
    ),
    _case(
        "uk-03",
        "harriet@brackenridgeprint.example",
        "Harriet Cole",
        _gmail(
            "Hi Alex,<br><br>Yes please, send over the contract and I'll get it signed "
            "today.<br><br>Harriet",
            "Harriet Cole",
            "Commercial Director",
            "Brackenridge Print",
            "Mob: 07412 345678",
            quote="Hi Harriet,<br><br>Good news: finance approved the 12% discount.<br><br>"
            + _br(MY_SIG),
            quoted_from=f"{ME} &lt;{ME_ADDR}&gt;",
        ),
        "UK",
        "en",
        "gmail",
        "reply",
        html=True,
        first_name="Harriet",
        last_name="Cole",
        title="Commercial Director",
        company="Brackenridge Print",
        mobile="+447412345678",
    ),
    _case(
        "uk-04",
        "j.whitlock@orrin-eng.example",
        "James Whitlock",
        "Cheers Alex, that's all clear.\n\nJames Whitlock | Senior Buyer | Orrin Engineering | "
        "+44 (0)117 496 0245\n",
        "UK",
        "en",
        "one-line",
        "manufacturing",
        first_name="James",
        last_name="Whitlock",
        title="Senior Buyer",
        company="Orrin Engineering",
        phone="+441174960245",
    ),
    _case(
        "uk-05",
        "fiona@glenmorven.example",
        "Fiona McAllister",
        "Alex,\n\nWe'll take the 24-month term. Invoice to the address on file.\n\nFiona\n\n"
        "Fiona McAllister, Finance Director\nGlenmorven Distillers Ltd\n0131 496 0777\n",
        "UK",
        "en",
        "name-comma-title",
        first_name="Fiona",
        last_name="McAllister",
        title="Finance Director",
        company="Glenmorven Distillers Ltd",
        phone="+441314960777",
    ),
    _case(
        "uk-06",
        "amrit.sandhu@nthames-nhs.example",
        "Amrit Sandhu",
        _owa(
            "Dear Alex,<br><br>Thank you. Our information governance team will need the DPIA "
            "before we can proceed.<br><br>Best wishes",
            "Dr Amrit Sandhu",
            "Clinical Lead, Digital Procurement",
            "North Thames NHS Foundation Trust",
            "Switchboard: 020 7946 0000 | Direct: 020 7946 0321",
        ),
        "UK",
        "en",
        "owa",
        "healthcare",
        "honorific",
        "direct-main",
        html=True,
        first_name="Amrit",
        last_name="Sandhu",
        title="Clinical Lead, Digital Procurement",
        company="North Thames NHS Foundation Trust",
        phone="+442079460321",
    ),
    _case(
        "uk-07",
        "tom@ashworthjoinery.example",
        "Tom Ashworth",
        "Hi Alex\n\nFriday's fine for the install. Gate code is 4471.\n\nThanks\nTom\n\n"
        "Tom Ashworth\nOwner, Ashworth Joinery\n07823 456789\n",
        "UK",
        "en",
        "mobile-range",
        first_name="Tom",
        last_name="Ashworth",
        title="Owner",
        company="Ashworth Joinery",
        phone="+447823456789",
    ),
    _case(
        "uk-08",
        "rebecca.lyons@penhallow.example",
        "Rebecca Lyons",
        _owa(
            "Hi Alex,<br><br>Attaching the security pack you asked for. Let me know if your team "
            "needs anything else.",
            "Rebecca Lyons",
            "Account Manager",
            "Penhallow Software Ltd",
            "2nd Floor, 18 Queen Square",
            "Bristol BS1 4NH",
            "Office: 0117 496 0312",
            '<a href="https://www.penhallow.example/">www.penhallow.example</a>',
        ),
        "UK",
        "en",
        "owa",
        html=True,
        first_name="Rebecca",
        last_name="Lyons",
        title="Account Manager",
        company="Penhallow Software Ltd",
        street="2nd Floor, 18 Queen Square",
        city="Bristol",
        postal_code="BS1 4NH",
        phone="+441174960312",
        website="www.penhallow.example",
    ),
    _case(
        "uk-09",
        "dan@frostrowe.example",
        "Daniel Frost",
        _apple(
            "Sounds good, see you on site at 10.",
            "Cheers,",
            "Dan",
            "<br>",
            "Daniel Frost",
            "Director | Frost &amp; Rowe Surveyors",
            "07400 123456",
            "<br>",
            "Sent from my iPhone",
        ),
        "UK",
        "en",
        "apple",
        "mobile-footer",
        html=True,
        first_name="Daniel",
        last_name="Frost",
        title="Director",
        company="Frost & Rowe Surveyors",
        phone="+447400123456",
    ),
    _case(
        "uk-10",
        "ciaran.doherty@laganhygiene.example",
        "Ciaran Doherty",
        "Hi Alex,\n\nCould we push our call to 3pm?\n\nMany thanks\n\nCiaran Doherty\n"
        "Sales Executive\nLagan Hygiene Supplies\nT +44 28 9018 0123\n",
        "UK",
        "en",
        "simple",
        first_name="Ciaran",
        last_name="Doherty",
        title="Sales Executive",
        company="Lagan Hygiene Supplies",
        phone="+442890180123",
    ),
    _case(
        "uk-11",
        "ewhitby@marshwhitby.example",
        "Eleanor Whitby",
        "Dear Alex\n\nThank you for the revised terms. I have a couple of comments on the "
        "limitation of liability clause, which I will send separately.\n\nYours sincerely\n\n"
        "Eleanor Whitby\nPartner\nMarsh Whitby LLP\nDD: +44 (0)20 7946 0458\n"
        "E: ewhitby@marshwhitby.example\n\n"
        "Marsh Whitby LLP is a limited liability partnership registered in England and Wales "
        "(OC312345) and is authorised and regulated by the Solicitors Regulation Authority. "
        "Registered office: 40 Gresham Street, London EC2V 7BX. A list of members is available "
        "at our registered office. Beware of cyber fraud: we will never change our bank details "
        "by email.\n",
        "UK",
        "en",
        "law",
        "registered-office",
        first_name="Eleanor",
        last_name="Whitby",
        title="Partner",
        company="Marsh Whitby LLP",
        phone="+442079460458",
        email="ewhitby@marshwhitby.example",
    ),
    _case(
        "uk-12",
        "m.ellison@kingsnorton-college.example",
        "Mark Ellison",
        _owa(
            "Alex,<br><br>Adding Joanne from Estates, who signs off anything over £10k.",
            "Mark Ellison",
            "Facilities Manager",
            "Kings Norton College",
            "0121 496 0123",
            quote="Hi Mark,<br>Please see the pricing for the two campuses attached.<br><br>"
            "Joanne Peel<br>Head of Estates<br>Kings Norton College<br>0121 496 0150",
            quoted_from="Joanne Peel &lt;j.peel@kingsnorton-college.example&gt;",
        ),
        "UK",
        "en",
        "owa",
        "reply",
        "colleague-quoted",
        html=True,
        first_name="Mark",
        last_name="Ellison",
        title="Facilities Manager",
        company="Kings Norton College",
        phone="+441214960123",
    ),
    _case(
        "uk-13",
        "gareth.pryce@cymrufasteners.example",
        "Gareth Pryce",
        "Hi Alex,\n\nDrawings attached. Lead time on the M12 studs is six weeks.\n\n-- \n"
        "Gareth Pryce\nTechnical Sales Engineer\nCymru Fasteners Ltd\n"
        "Unit 7, Llantrisant Business Park, Llantrisant CF72 8LF\nTel: 029 2018 0456\n",
        "UK",
        "en",
        "thunderbird",
        "manufacturing",
        first_name="Gareth",
        last_name="Pryce",
        title="Technical Sales Engineer",
        company="Cymru Fasteners Ltd",
        street="Unit 7, Llantrisant Business Park",
        city="Llantrisant",
        postal_code="CF72 8LF",
        phone="+442920180456",
    ),
    _case(
        "uk-14",
        "ailsa.munro@northsea-marine.example",
        "Ailsa Munro",
        _mso(
            "Morning Alex,<br><br>Purchase order 7781 is attached.",
            "Regards,",
            "<b>Ailsa Munro</b> | Contracts Manager",
            "North Sea Marine Services Ltd",
            "Waterfront House, 14 Regent Quay, Aberdeen AB11 5BE",
            "t: 01224 496012 | m: 07512 345678",
        ),
        "UK",
        "en",
        "outlook",
        html=True,
        first_name="Ailsa",
        last_name="Munro",
        title="Contracts Manager",
        company="North Sea Marine Services Ltd",
        street="Waterfront House, 14 Regent Quay",
        city="Aberdeen",
        postal_code="AB11 5BE",
        phone="+441224496012",
        mobile="+447512345678",
    ),
    _case(
        "uk-15",
        "sam.kaur@hollowaybakeries.example",
        "Sam Kaur",
        "Thanks Alex, received.\n\nSam\n\nSam Kaur\nCategory Buyer\nHolloway Bakeries\n"
        "Tel: 020 7946 0789\n",
        "UK",
        "en",
        "simple",
        first_name="Sam",
        last_name="Kaur",
        title="Category Buyer",
        company="Holloway Bakeries",
        phone="+442079460789",
    ),
    _case(
        "uk-16",
        "priya.mistry@westbrook.gov.example",
        "Priya Mistry",
        "Dear Alex,\n\nThe council's framework does not allow us to accept auto-renewal terms. "
        "Please remove clause 12.3.\n\nKind regards\n\nPriya Mistry\nCommissioning Officer\n"
        "Westbrook Borough Council\nTel: 0161 496 0640\n\n"
        "This email and any attachments are intended only for the addressee. Westbrook Borough "
        "Council may monitor email traffic. Information may be disclosed under the Freedom of "
        "Information Act 2000.\n",
        "UK",
        "en",
        "public-sector",
        "disclaimer",
        first_name="Priya",
        last_name="Mistry",
        title="Commissioning Officer",
        company="Westbrook Borough Council",
        phone="+441614960640",
    ),
    _case(
        "uk-17",
        "n.okonjo@aldgatecap.example",
        "Nkechi Okonjo",
        "Alex, see below – our reception number is best until I'm back in the office.\n\n"
        "Nkechi Okonjo\nOperations Analyst\nAldgate Capital Partners\n"
        "1 Minories, London EC3N 1AX, United Kingdom\nReception: 020 7946 0900\n",
        "UK",
        "en",
        "country-named",
        first_name="Nkechi",
        last_name="Okonjo",
        title="Operations Analyst",
        company="Aldgate Capital Partners",
        street="1 Minories",
        city="London",
        postal_code="EC3N 1AX",
        country="United Kingdom",
        phone="+442079460900",
    ),
]

# -- Canada (English and Québec French) ----------------------------------------------------------
CASES += [
    _case(
        "ca-01",
        "ngreer@northstarfluid.example",
        "Nathan Greer",
        "Hi Alex,\n\nWe're good to proceed with the pilot at the Oakville plant.\n\n"
        "Best regards,\nNathan Greer\nSales Manager\nNorthstar Fluid Power Inc.\n"
        "90 Queens Quay W, Suite 400\nToronto, ON M5J 2N1\nT: 416-555-0192 | C: 647-555-0145\n",
        "CA",
        "en",
        "manufacturing",
        first_name="Nathan",
        last_name="Greer",
        title="Sales Manager",
        company="Northstar Fluid Power Inc.",
        street="90 Queens Quay W, Suite 400",
        city="Toronto",
        state="ON",
        postal_code="M5J 2N1",
        phone="+14165550192",
        mobile="+16475550145",
    ),
    _case(
        "ca-02",
        "itremblay@groupelaurentide.example",
        "Isabelle Tremblay",
        "Bonjour Alex,\n\nMerci pour la soumission. Nous la présenterons au comité jeudi.\n\n"
        "Cordialement,\n\nIsabelle Tremblay\nDirectrice des achats\nGroupe Laurentide inc.\n"
        "1250, boul. René-Lévesque Ouest, bureau 2200\nMontréal (Québec)  H3B 4W8\n"
        "Tél. : 514 555-0176\nCell. : 438 555-0129\n",
        "CA",
        "fr",
        "quebec",
        first_name="Isabelle",
        last_name="Tremblay",
        title="Directrice des achats",
        company="Groupe Laurentide inc.",
        street="1250, boul. René-Lévesque Ouest, bureau 2200",
        city="Montréal",
        state="Québec",
        postal_code="H3B 4W8",
        phone="+15145550176",
        mobile="+14385550129",
    ),
    _case(
        "ca-03",
        "ma.gagnon@solutionsboreal.example",
        "Marc-André Gagnon",
        _owa(
            "Bonjour Alex / Hi Alex,<br><br>Voici le bon de commande signé. / Here is the signed "
            "purchase order.",
            "<b>Marc-André Gagnon</b>",
            "Gestionnaire de comptes | Account Manager",
            "Solutions Boréal / Boreal Solutions",
            "819-555-0142",
        ),
        "CA",
        "fr",
        "en",
        "bilingual",
        "owa",
        html=True,
        first_name="Marc-André",
        last_name="Gagnon",
        title="Gestionnaire de comptes | Account Manager",
        company="Solutions Boréal / Boreal Solutions",
        phone="+18195550142",
    ),
    _case(
        "ca-04",
        "jenna.wu@fraserhardwood.example",
        "Jenna Wu",
        _owa(
            "Hi Alex,<br><br>Thanks, the revised freight terms look fine to us.",
            "Jenna Wu",
            "Procurement Lead",
            "Fraser Hardwood Products Ltd.",
            "1055 W Hastings St, Vancouver, BC V6E 2E9",
            "Office 604-555-0123 · Mobile 778-555-0166",
        ),
        "CA",
        "en",
        "owa",
        html=True,
        first_name="Jenna",
        last_name="Wu",
        title="Procurement Lead",
        company="Fraser Hardwood Products Ltd.",
        street="1055 W Hastings St",
        city="Vancouver",
        state="BC",
        postal_code="V6E 2E9",
        phone="+16045550123",
        mobile="+17785550166",
    ),
    _case(
        "ca-05",
        "dmacleod@prairieag.example",
        "Duncan MacLeod",
        "Alex,\n\nCan you resend the invoice with our PO number on it? AP won't process it "
        "otherwise.\n\nThanks,\nDuncan MacLeod\nController\nPrairie Ag Equipment Ltd.\n"
        "Calgary, Alberta\n403-555-0177\n",
        "CA",
        "en",
        "simple",
        first_name="Duncan",
        last_name="MacLeod",
        title="Controller",
        company="Prairie Ag Equipment Ltd.",
        city="Calgary",
        state="Alberta",
        phone="+14035550177",
    ),
    _case(
        "ca-06",
        "cassie@bluenosemarine.example",
        "Cassie Fraser",
        _gmail(
            "Hi Alex,<br><br>Happy to chat. Mornings work best for me, Atlantic time.",
            "Cassie Fraser",
            "Owner / Operator",
            "Bluenose Marine Supply",
            "1 Marginal Rd, Halifax, NS B3H 4P7",
            "902-555-0150",
        ),
        "CA",
        "en",
        "gmail",
        html=True,
        first_name="Cassie",
        last_name="Fraser",
        title="Owner / Operator",
        company="Bluenose Marine Supply",
        street="1 Marginal Rd",
        city="Halifax",
        state="NS",
        postal_code="B3H 4P7",
        phone="+19025550150",
    ),
    _case(
        "ca-07",
        "priya.raman@tbs-sct.gc.example",
        "Raman, Priya (TBS/SCT)",
        "Hello Alex,\n\nWe will need the supplier to be registered in SAP Ariba before any "
        "contract can be issued.\n\nRegards,\n\nPriya Raman\nSenior Procurement Officer | "
        "Agente principale de l'approvisionnement\nTreasury Board Secretariat | Secrétariat du "
        "Conseil du Trésor\nGovernment of Canada | Gouvernement du Canada\n"
        "Tel | Tél.: 613-555-0149\n",
        "CA",
        "en",
        "fr",
        "bilingual",
        "public-sector",
        "last-first",
        first_name="Priya",
        last_name="Raman",
        title="Senior Procurement Officer | Agente principale de l'approvisionnement",
        company="Treasury Board Secretariat | Secrétariat du Conseil du Trésor",
        phone="+16135550149",
    ),
    _case(
        "ca-08",
        "bill.kowalchuk@redrivergrain.example",
        "Bill Kowalchuk",
        "Alex - fine by me. Send the paperwork.\n\nBill Kowalchuk\nGeneral Manager\n"
        "Red River Grain Co-op\n204-555-0188\n",
        "CA",
        "en",
        "simple",
        first_name="Bill",
        last_name="Kowalchuk",
        title="General Manager",
        company="Red River Grain Co-op",
        phone="+12045550188",
    ),
    _case(
        "ca-09",
        "sboucher@chaussuresboucher.example",
        "Sylvie Boucher",
        _apple(
            "Parfait, merci Alex. On se reparle la semaine prochaine.",
            "Sylvie Boucher",
            "Présidente",
            "Chaussures Boucher inc.",
            "455, rue du Pont",
            "Québec (Québec)  G1K 6M9",
            "418 555-0133",
            "<br>",
            "Envoyé de mon iPhone",
        ),
        "CA",
        "fr",
        "quebec",
        "apple",
        "mobile-footer",
        html=True,
        first_name="Sylvie",
        last_name="Boucher",
        title="Présidente",
        company="Chaussures Boucher inc.",
        street="455, rue du Pont",
        city="Québec",
        state="Québec",
        postal_code="G1K 6M9",
        phone="+14185550133",
    ),
    _case(
        "ca-10",
        "r.singh@maplecrestlogistics.example",
        "Ravi Singh",
        "Confirmed for 2pm ET.\n\nRavi Singh | Dispatch Supervisor | Maplecrest Logistics | "
        "905-555-0114 x221\n",
        "CA",
        "en",
        "one-line",
        "extension",
        "logistics",
        first_name="Ravi",
        last_name="Singh",
        title="Dispatch Supervisor",
        company="Maplecrest Logistics",
        phone="+19055550114",
    ),
    _case(
        "ca-11",
        "heather.lam@northernlights-clinic.example",
        "Heather Lam",
        "Hi Alex,\n\nThe clinic managers are keen. Could you send two reference customers in "
        "Alberta?\n\nHeather Lam, RN\nPractice Operations Manager\nNorthern Lights Family "
        "Clinics\n10020 101A Ave NW, Edmonton, AB T5J 3G2\nPh: 780-555-0191\n\n"
        + _wrote(ME, ME_ADDR)
        + _q("Hi Heather,\n\nThanks for your time today.\n\n" + MY_SIG),
        "CA",
        "en",
        "reply",
        "healthcare",
        first_name="Heather",
        last_name="Lam",
        title="Practice Operations Manager",
        company="Northern Lights Family Clinics",
        street="10020 101A Ave NW",
        city="Edmonton",
        state="AB",
        postal_code="T5J 3G2",
        phone="+17805550191",
    ),
    _case(
        "ca-12",
        "ahmed.farouk@kingwestlaw.example",
        "Ahmed Farouk",
        _mso(
            "Alex,<br><br>We have reviewed the MSA and attach our comments.",
            "Ahmed Farouk",
            "Associate",
            "King West Law LLP",
            "200 King Street West, Suite 1500, Toronto, Ontario M5H 3T4",
            "Direct: 416-555-0108 | Fax: 416-555-0109",
            "&nbsp;",
            '<span style="font-size:7.5pt">This communication is solicitor-client privileged '
            "and contains confidential information intended only for the persons to whom it is "
            "addressed. Any other distribution, copying or disclosure is strictly prohibited. "
            "Ce message est protégé par le secret professionnel.</span>",
        ),
        "CA",
        "en",
        "outlook",
        "law",
        "disclaimer",
        html=True,
        first_name="Ahmed",
        last_name="Farouk",
        title="Associate",
        company="King West Law LLP",
        street="200 King Street West, Suite 1500",
        city="Toronto",
        state="Ontario",
        postal_code="M5H 3T4",
        phone="+14165550108",
        fax="+14165550109",
    ),
    _case(
        "ca-13",
        "lucie.pelletier@bioalpha.example",
        "Lucie Pelletier",
        "Bonjour,\n\nJe vous confirme notre intérêt pour une démonstration.\n\nBonne journée,\n\n"
        "Lucie Pelletier | Coordonnatrice aux achats | BioAlpha Laboratoires\n"
        "T 450 555-0163 | lucie.pelletier@bioalpha.example\n",
        "CA",
        "fr",
        "one-line",
        first_name="Lucie",
        last_name="Pelletier",
        title="Coordonnatrice aux achats",
        company="BioAlpha Laboratoires",
        phone="+14505550163",
        email="lucie.pelletier@bioalpha.example",
    ),
    _case(
        "ca-14",
        "owen.baptiste@skylinehvac.example",
        "Owen Baptiste",
        "Thanks Alex. Attached is our tax exemption certificate.\n\nOwen Baptiste\n"
        "Service Manager - Skyline HVAC\n306-555-0140\n",
        "CA",
        "en",
        "title-dash-company",
        first_name="Owen",
        last_name="Baptiste",
        title="Service Manager",
        company="Skyline HVAC",
        phone="+13065550140",
    ),
    _case(
        "ca-15",
        "k.morrison@okanagancider.example",
        "Katie Morrison",
        _gmail(
            "Hey Alex! Thanks for the quick turnaround. We'll sign this week.",
            "Katie Morrison",
            "Co-founder &amp; Head of Sales",
            "Okanagan Cider Works",
            "Kelowna, BC, Canada",
            "c. 250-555-0117",
            '<a href="https://okanagancider.example">okanagancider.example</a>',
        ),
        "CA",
        "en",
        "gmail",
        html=True,
        first_name="Katie",
        last_name="Morrison",
        title="Co-founder & Head of Sales",
        company="Okanagan Cider Works",
        city="Kelowna",
        state="BC",
        country="Canada",
        mobile="+12505550117",
        website="okanagancider.example",
    ),
    _case(
        "ca-16",
        "francois.roy@metalcoquebec.example",
        "François Roy",
        "Salut Alex,\n\nOn veut ajouter deux licences.\n\nFrançois Roy\nDirecteur de production\n"
        "Métalco Québec ltée\n2800, rue Einstein, Québec (Québec)  G1X 4B3\n"
        "Tél. : 418 555-0180, poste 305\nTéléc. : 418 555-0181\n",
        "CA",
        "fr",
        "quebec",
        "extension",
        "manufacturing",
        first_name="François",
        last_name="Roy",
        title="Directeur de production",
        company="Métalco Québec ltée",
        street="2800, rue Einstein",
        city="Québec",
        state="Québec",
        postal_code="G1X 4B3",
        phone="+14185550180",
        fax="+14185550181",
    ),
    _case(
        "ca-17",
        "angela.cruz@harbourfrontdental.example",
        "Angela Cruz",
        "Hi Alex,\n\nYes, we'd like the annual plan. Please invoice the clinic.\n\nAngela Cruz\n"
        "Office Manager\nHarbourfront Dental Centre\n416-555-0125\n\nSent from my BlackBerry "
        "Work\n",
        "CA",
        "en",
        "mobile-footer",
        "healthcare",
        first_name="Angela",
        last_name="Cruz",
        title="Office Manager",
        company="Harbourfront Dental Centre",
        phone="+14165550125",
    ),
]

# -- Germany ---------------------------------------------------------------------------------------
CASES += [
    _case(
        "de-01",
        "j.becker@hartmann-antriebe.example",
        "Becker, Jana",
        "Hallo Herr Moreno,\n\nanbei unsere Bestellung über 12 Lizenzen.\n\n"
        "Mit freundlichen Grüßen\n\ni. A. Jana Becker\nEinkauf\nHartmann Antriebstechnik GmbH\n"
        "Industriestraße 14\n73734 Esslingen am Neckar\nTel.: +49 711 3456780\n"
        "Fax: +49 711 3456789\n\nHartmann Antriebstechnik GmbH · Sitz: Esslingen am Neckar · "
        "Amtsgericht Stuttgart HRB 712345 · Geschäftsführer: Dr. Klaus Hartmann, Petra Vogel\n",
        "DE",
        "de",
        "imprint",
        "last-first",
        "manufacturing",
        first_name="Jana",
        last_name="Becker",
        title="Einkauf",
        company="Hartmann Antriebstechnik GmbH",
        street="Industriestraße 14",
        city="Esslingen am Neckar",
        postal_code="73734",
        phone="+497113456780",
        fax="+497113456789",
    ),
    _case(
        "de-02",
        "m.schulze@nordlicht-logistik.example",
        "Markus Schulze",
        "Hi Alex,\n\npasst, Donnerstag 10 Uhr.\n\nBeste Grüße\nMarkus\n\n--\nMarkus Schulze\n"
        "Leiter Disposition\nNordlicht Logistik GmbH & Co. KG\nAm Sandtorkai 40, 20457 Hamburg\n"
        "Telefon 040 3012345\nMobil 0171 2345678\n",
        "DE",
        "de",
        "logistics",
        first_name="Markus",
        last_name="Schulze",
        title="Leiter Disposition",
        company="Nordlicht Logistik GmbH & Co. KG",
        street="Am Sandtorkai 40",
        city="Hamburg",
        postal_code="20457",
        phone="+49403012345",
        mobile="+491712345678",
    ),
    _case(
        "de-03",
        "sabine.wolf@klinikum-rheinaue.example",
        "Sabine Wolf",
        _owa(
            "Sehr geehrter Herr Moreno,<br><br>vielen Dank für das Angebot. Wir melden uns nach "
            "der Sitzung des Einkaufsausschusses.",
            "Mit freundlichen Grüßen",
            "<br>",
            "Sabine Wolf",
            "Leiterin Zentraleinkauf",
            "Klinikum Rheinaue gGmbH",
            "Rheinallee 120 | 53173 Bonn",
            "Telefon: 0228 9876543 | Zentrale: 0228 9876500",
            '<a href="mailto:sabine.wolf@klinikum-rheinaue.example">'
            "sabine.wolf@klinikum-rheinaue.example</a>",
        ),
        "DE",
        "de",
        "owa",
        "healthcare",
        "direct-main",
        html=True,
        first_name="Sabine",
        last_name="Wolf",
        title="Leiterin Zentraleinkauf",
        company="Klinikum Rheinaue gGmbH",
        street="Rheinallee 120",
        city="Bonn",
        postal_code="53173",
        phone="+492289876543",
        email="sabine.wolf@klinikum-rheinaue.example",
    ),
    _case(
        "de-04",
        "t.krueger@kruegerbau.example",
        "Thomas Krüger",
        "Hallo Herr Moreno,\n\ndas passt so. Bitte schicken Sie mir den Vertrag.\n\nGruß\n"
        "Thomas Krüger\nGeschäftsführer\nKrüger Bau GmbH\nHandy: 0151 23456789\n",
        "DE",
        "de",
        "simple",
        first_name="Thomas",
        last_name="Krüger",
        title="Geschäftsführer",
        company="Krüger Bau GmbH",
        mobile="+4915123456789",
    ),
    _case(
        "de-05",
        "anna.lehmann@brightbyte.example",
        "Anna Lehmann",
        _gmail(
            "Hi Alex,<br><br>thanks for the call. As discussed, here are our requirements for "
            "the Salesforce integration.",
            "Anna Lehmann",
            "Head of Sales Operations / Leiterin Vertriebssteuerung",
            "BrightByte GmbH",
            "Torstraße 49, 10119 Berlin, Germany",
            "T +49 30 12345678 · M +49 160 1234567",
        ),
        "DE",
        "en",
        "de",
        "bilingual",
        "gmail",
        html=True,
        first_name="Anna",
        last_name="Lehmann",
        title="Head of Sales Operations / Leiterin Vertriebssteuerung",
        company="BrightByte GmbH",
        street="Torstraße 49",
        city="Berlin",
        postal_code="10119",
        country="Germany",
        phone="+493012345678",
        mobile="+491601234567",
    ),
    _case(
        "de-06",
        "k.yilmaz@sued-metall.example",
        "Kemal Yilmaz",
        "Guten Tag Herr Moreno,\n\nwir benötigen noch ein Datenschutz-Konzept (AVV).\n\n"
        "Freundliche Grüße\nKemal Yilmaz\nKey Account Manager\nSüd-Metall Verarbeitung AG\n"
        "Gutenbergstr. 8\n70176 Stuttgart\nT: 0711 2233445\n",
        "DE",
        "de",
        "manufacturing",
        first_name="Kemal",
        last_name="Yilmaz",
        title="Key Account Manager",
        company="Süd-Metall Verarbeitung AG",
        street="Gutenbergstr. 8",
        city="Stuttgart",
        postal_code="70176",
        phone="+497112233445",
    ),
    _case(
        "de-07",
        "c.hoffmann@hoffmann-partner.example",
        "Claudia Hoffmann",
        _mso(
            "Sehr geehrter Herr Moreno,<br><br>anbei die unterschriebene Auftragsbestätigung.",
            "Mit freundlichen Grüßen",
            "&nbsp;",
            "Dr. Claudia Hoffmann",
            "Rechtsanwältin | Partnerin",
            "Hoffmann &amp; Partner Rechtsanwälte mbB",
            "Königsallee 60 F, 40212 Düsseldorf",
            "Tel. +49 211 5566770 | Telefax +49 211 5566779",
            "&nbsp;",
            '<span style="font-size:7.0pt">Diese E-Mail enthält vertrauliche und/oder rechtlich '
            "geschützte Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie "
            "bitte sofort den Absender und vernichten Sie diese Mail. Partnerschaftsregister: "
            "Amtsgericht Essen PR 1234.</span>",
        ),
        "DE",
        "de",
        "outlook",
        "law",
        "honorific",
        "disclaimer",
        html=True,
        first_name="Claudia",
        last_name="Hoffmann",
        title="Rechtsanwältin | Partnerin",
        company="Hoffmann & Partner Rechtsanwälte mbB",
        street="Königsallee 60 F",
        city="Düsseldorf",
        postal_code="40212",
        phone="+492115566770",
        fax="+492115566779",
    ),
    _case(
        "de-08",
        "f.neumann@elbtal-druck.example",
        "Felix Neumann",
        "Hallo Alex,\n\nkurze Rückfrage: gilt der Rabatt auch für das Jahresabo?\n\nVG\nFelix\n\n"
        "Felix Neumann | Vertrieb | Elbtal Druck GmbH | 0351 4567890\n",
        "DE",
        "de",
        "one-line",
        first_name="Felix",
        last_name="Neumann",
        title="Vertrieb",
        company="Elbtal Druck GmbH",
        phone="+493514567890",
    ),
    _case(
        "de-09",
        "l.fischer@fischer-feinkost.example",
        "Laura Fischer",
        _apple(
            "Super, danke! Ich gebe das an die Buchhaltung weiter.",
            "Laura Fischer",
            "Inhaberin",
            "Fischer Feinkost",
            "0176 12345678",
            "<br>",
            "Von meinem iPhone gesendet",
        ),
        "DE",
        "de",
        "apple",
        "mobile-footer",
        "mobile-range",
        html=True,
        first_name="Laura",
        last_name="Fischer",
        title="Inhaberin",
        company="Fischer Feinkost",
        phone="+4917612345678",
    ),
    _case(
        "de-10",
        "stefan.braun@alpenkaelte.example",
        "Stefan Braun",
        "Servus Herr Moreno,\n\nwir haben intern entschieden und gehen mit Ihnen in den "
        "Pilot.\n\nViele Grüße\n\nStefan Braun\nVertriebsleiter Süd\nAlpenkälte Technik GmbH\n"
        "Leopoldstraße 230, 80807 München\nTel. 089 32165400\nMobil 0160 9876543\n"
        "www.alpenkaelte.example\n",
        "DE",
        "de",
        "simple",
        first_name="Stefan",
        last_name="Braun",
        title="Vertriebsleiter Süd",
        company="Alpenkälte Technik GmbH",
        street="Leopoldstraße 230",
        city="München",
        postal_code="80807",
        phone="+498932165400",
        mobile="+491609876543",
        website="www.alpenkaelte.example",
    ),
    _case(
        "de-11",
        "p.schmitt@rheinhessen-wein.example",
        "Peter Schmitt",
        "Hallo Herr Moreno,\n\nanbei die gewünschten Unterlagen.\n\nMit freundlichem Gruß\n\n"
        "Peter Schmitt\nEinkaufsleiter\nRheinhessen Weinkellerei eG\nWormser Str. 21\n"
        "55276 Oppenheim\nTelefon (06133) 12345\nTelefax (06133) 12346\n",
        "DE",
        "de",
        first_name="Peter",
        last_name="Schmitt",
        title="Einkaufsleiter",
        company="Rheinhessen Weinkellerei eG",
        street="Wormser Str. 21",
        city="Oppenheim",
        postal_code="55276",
        phone="+49613312345",
        fax="+49613312346",
    ),
    _case(
        "de-12",
        "n.schaefer@stadt-lindenau.example",
        "Nicole Schäfer",
        "Sehr geehrter Herr Moreno,\n\ndie Ausschreibung wird über die Vergabeplattform "
        "veröffentlicht. Bitte reichen Sie Fragen ausschließlich dort ein.\n\n"
        "Mit freundlichen Grüßen\nIm Auftrag\n\nNicole Schäfer\nStadt Lindenau\n"
        "Marktplatz 1, 04177 Leipzig\nTelefon: 0341 1234567\n",
        "DE",
        "de",
        "public-sector",
        first_name="Nicole",
        last_name="Schäfer",
        company="Stadt Lindenau",
        street="Marktplatz 1",
        city="Leipzig",
        postal_code="04177",
        phone="+493411234567",
    ),
    _case(
        "de-13",
        "jonas.weber@datagrid.example",
        "Jonas Weber",
        "Hi Alex,\n\ngerne, ich stelle dich Maria aus dem Einkauf vor (cc).\n\nBG Jonas\n\n"
        "Jonas Weber\nTeamlead IT Infrastructure\nDataGrid Solutions GmbH\n"
        "+49 69 24681357\n\n"
        + _wrote(ME, ME_ADDR, "Mo., 2. März 2026 um 10:02")
        + _q("Hi Jonas,\n\nwho should I talk to about the rollout budget?\n\n" + MY_SIG),
        "DE",
        "de",
        "en",
        "reply",
        first_name="Jonas",
        last_name="Weber",
        title="Teamlead IT Infrastructure",
        company="DataGrid Solutions GmbH",
        phone="+496924681357",
    ),
    _case(
        "de-14",
        "m.koch@koch-verpackung.example",
        "Martina Koch",
        _owa(
            "Guten Morgen Herr Moreno,<br><br>bitte senden Sie uns das Angebot auch als PDF.",
            "Freundliche Grüße",
            "Martina Koch",
            "Assistentin der Geschäftsleitung",
            "Koch Verpackungen GmbH",
            "Tel.: 0911 98765412",
        ),
        "DE",
        "de",
        "owa",
        html=True,
        first_name="Martina",
        last_name="Koch",
        title="Assistentin der Geschäftsleitung",
        company="Koch Verpackungen GmbH",
        phone="+4991198765412",
    ),
    _case(
        "de-15",
        "u.richter@richter-elektro.example",
        "Uwe Richter",
        "Moin,\n\nbitte Rückruf.\n\nUwe Richter\nRichter Elektrotechnik\nMobil: 0152 34567890\n",
        "DE",
        "de",
        "simple",
        first_name="Uwe",
        last_name="Richter",
        company="Richter Elektrotechnik",
        mobile="+4915234567890",
    ),
    _case(
        "de-16",
        "h.zimmermann@zimmermann-holz.example",
        "Hannah Zimmermann",
        "Hallo Alex,\n\nwie besprochen anbei die Liste der Standorte.\n\nViele Grüße\n"
        "Hannah Zimmermann\n\nHannah Zimmermann\nProjektmanagerin\nZimmermann Holzbau GmbH\n"
        "Hauptstraße 5 · 79098 Freiburg im Breisgau\nFon 0761 202030 · Fax 0761 202039\n",
        "DE",
        "de",
        first_name="Hannah",
        last_name="Zimmermann",
        title="Projektmanagerin",
        company="Zimmermann Holzbau GmbH",
        street="Hauptstraße 5",
        city="Freiburg im Breisgau",
        postal_code="79098",
        phone="+49761202030",
        fax="+49761202039",
    ),
    _case(
        "de-17",
        "d.mayer@isar-medtech.example",
        "Daniel Mayer",
        _card(
            "ISAR MedTech",
            "<b>Daniel Mayer</b>",
            "Director Procurement",
            "ISAR MedTech GmbH",
            "Tel +49 89 5432100 | Mobile +49 151 98765432",
            "Balanstraße 73, 81541 München",
        )
        + '<p style="font-size:9px;color:#999">ISAR MedTech GmbH, Sitz München, Registergericht '
        "München HRB 234567, Geschäftsführung: Dr. Eva Brandt</p>",
        "DE",
        "en",
        "table",
        "generated",
        "imprint",
        html=True,
        first_name="Daniel",
        last_name="Mayer",
        title="Director Procurement",
        company="ISAR MedTech GmbH",
        street="Balanstraße 73",
        city="München",
        postal_code="81541",
        phone="+49895432100",
        mobile="+4915198765432",
    ),
]

# -- France ----------------------------------------------------------------------------------------
CASES += [
    _case(
        "fr-01",
        "c.martin@atelier-lumiere.example",
        "Camille Martin",
        "Bonjour Alex,\n\nMerci pour votre proposition. Pouvez-vous nous envoyer les conditions "
        "générales ?\n\nCordialement,\n\nCamille Martin\nResponsable Achats\nAtelier Lumière SAS\n"
        "Tél. : 01 42 68 53 00\nPort. : 06 12 34 56 78\n",
        "FR",
        "fr",
        "simple",
        first_name="Camille",
        last_name="Martin",
        title="Responsable Achats",
        company="Atelier Lumière SAS",
        phone="+33142685300",
        mobile="+33612345678",
    ),
    _case(
        "fr-02",
        "jl.dubois@rhone-chimie.example",
        "Jean-Luc Dubois",
        _mso(
            "Bonjour Monsieur Moreno,<br><br>Veuillez trouver ci-joint notre bon de commande.",
            "Bien cordialement,",
            "&nbsp;",
            "<b>Jean-Luc Dubois</b>",
            "Directeur des Achats",
            "Rhône Chimie Industries",
            "12, quai Perrache",
            "69002 Lyon",
            "Tél. : +33 (0)4 72 00 12 34 – Fax : +33 (0)4 72 00 12 35",
        ),
        "FR",
        "fr",
        "outlook",
        "manufacturing",
        html=True,
        first_name="Jean-Luc",
        last_name="Dubois",
        title="Directeur des Achats",
        company="Rhône Chimie Industries",
        street="12, quai Perrache",
        city="Lyon",
        postal_code="69002",
        phone="+33472001234",
        fax="+33472001235",
    ),
    _case(
        "fr-03",
        "sophie.lefevre@transports-garonne.example",
        "Sophie Lefèvre",
        "Bonjour,\n\nNous validons le devis n° 2026-118.\n\nBien à vous,\n\nSophie Lefèvre\n"
        "Responsable logistique – Transports Garonne\n45, cours du Médoc\n33300 Bordeaux\n"
        "05 56 78 90 12\n",
        "FR",
        "fr",
        "logistics",
        "title-dash-company",
        first_name="Sophie",
        last_name="Lefèvre",
        title="Responsable logistique",
        company="Transports Garonne",
        street="45, cours du Médoc",
        city="Bordeaux",
        postal_code="33300",
        phone="+33556789012",
    ),
    _case(
        "fr-04",
        "antoine.moreau@kalisoft.example",
        "Antoine Moreau",
        _gmail(
            "Salut Alex,<br><br>Top, on part sur l'offre Business. Je te mets en copie notre DAF.",
            "Antoine Moreau",
            "CEO &amp; co-fondateur",
            "Kalisoft",
            "06 98 76 54 32",
            '<a href="https://www.linkedin.com/in/antoinemoreau">linkedin.com/in/antoinemoreau</a>',
        ),
        "FR",
        "fr",
        "gmail",
        "mobile-range",
        html=True,
        first_name="Antoine",
        last_name="Moreau",
        title="CEO & co-fondateur",
        company="Kalisoft",
        phone="+33698765432",
        linkedin="linkedin.com/in/antoinemoreau",
    ),
    _case(
        "fr-05",
        "m.bernard@ch-val-de-loire.example",
        "Marie Bernard",
        _owa(
            "Bonjour,<br><br>Le marché sera publié sur la plateforme des achats de l'État. Merci "
            "de ne pas nous solliciter en direct pendant la consultation.",
            "Marie Bernard",
            "Acheteuse publique",
            "Centre Hospitalier du Val de Loire",
            "2, rue de l'Hôpital – 37000 Tours",
            "Tél. 02 47 12 34 56",
        ),
        "FR",
        "fr",
        "owa",
        "healthcare",
        "public-sector",
        html=True,
        first_name="Marie",
        last_name="Bernard",
        title="Acheteuse publique",
        company="Centre Hospitalier du Val de Loire",
        street="2, rue de l'Hôpital",
        city="Tours",
        postal_code="37000",
        phone="+33247123456",
    ),
    _case(
        "fr-06",
        "p.garnier@garnier-avocats.example",
        "Pierre Garnier",
        "Cher Monsieur,\n\nJe reviens vers vous concernant la clause de réversibilité.\n\n"
        "Bien à vous,\n\nMe Pierre Garnier\nAvocat associé\nGarnier & Associés\n"
        "18, avenue Hoche – 75008 Paris\nT. +33 1 53 45 67 89\n\n"
        "Ce message et ses pièces jointes sont confidentiels et établis à l'intention exclusive "
        "de ses destinataires. Toute utilisation non conforme à sa destination est interdite.\n",
        "FR",
        "fr",
        "law",
        "honorific",
        "disclaimer",
        first_name="Pierre",
        last_name="Garnier",
        title="Avocat associé",
        company="Garnier & Associés",
        street="18, avenue Hoche",
        city="Paris",
        postal_code="75008",
        phone="+33153456789",
    ),
    _case(
        "fr-07",
        "l.roux@alsace-emballages.example",
        "Lucas Roux",
        "Bonjour Alex,\n\nC'est noté pour mardi.\n\nCdlt\n\nLucas Roux | Acheteur | "
        "Alsace Emballages | 03 88 12 34 56\n",
        "FR",
        "fr",
        "one-line",
        first_name="Lucas",
        last_name="Roux",
        title="Acheteur",
        company="Alsace Emballages",
        phone="+33388123456",
    ),
    _case(
        "fr-08",
        "e.petit@biscuiterie-nantaise.example",
        "Émilie Petit",
        _apple(
            "Merci, je regarde ça ce soir.",
            "Émilie Petit",
            "Directrice commerciale",
            "Biscuiterie Nantaise",
            "07 81 23 45 67",
            "<br>",
            "Envoyé de mon iPhone",
        ),
        "FR",
        "fr",
        "apple",
        "mobile-footer",
        "mobile-range",
        html=True,
        first_name="Émilie",
        last_name="Petit",
        title="Directrice commerciale",
        company="Biscuiterie Nantaise",
        phone="+33781234567",
    ),
    _case(
        "fr-09",
        "olivier.fontaine@groupe-axial.example",
        "Olivier Fontaine",
        "Bonjour Alex,\n\nJe vous transfère la demande de Claire, qui gère le déploiement.\n\n"
        "Olivier Fontaine\nDSI\nGroupe Axial\n10, place de la Défense\n92400 Courbevoie\n"
        "Ligne directe : 01 46 12 34 56 | Standard : 01 46 12 30 00\n\n"
        "-------- Message transféré --------\nDe : Claire Vidal <c.vidal@groupe-axial.example>\n"
        "Date : lundi 2 mars 2026 à 14:10\nObjet : Déploiement CRM\n\n"
        "Olivier, peux-tu voir avec Stratus pour le planning ?\n\nClaire Vidal\nChef de projet\n"
        "Groupe Axial\n06 45 67 89 01\n",
        "FR",
        "fr",
        "forward",
        "direct-main",
        "colleague-quoted",
        first_name="Olivier",
        last_name="Fontaine",
        title="DSI",
        company="Groupe Axial",
        street="10, place de la Défense",
        city="Courbevoie",
        postal_code="92400",
        phone="+33146123456",
    ),
    _case(
        "fr-10",
        "n.girard@provence-agri.example",
        "Nathalie Girard",
        "Bonjour,\n\nPouvez-vous me rappeler demain matin ?\n\nMerci,\nNathalie Girard\n"
        "Gérante\nProvence Agri Services SARL\nZA Les Paluds, 155 avenue de la Fleuride\n"
        "13400 Aubagne\nTél : 04 42 12 34 56\nMob : 06 23 45 67 89\n",
        "FR",
        "fr",
        first_name="Nathalie",
        last_name="Girard",
        title="Gérante",
        company="Provence Agri Services SARL",
        street="ZA Les Paluds, 155 avenue de la Fleuride",
        city="Aubagne",
        postal_code="13400",
        phone="+33442123456",
        mobile="+33623456789",
    ),
    _case(
        "fr-11",
        "thomas.lambert@meca-normandie.example",
        "Thomas Lambert",
        _owa(
            "Bonjour Alex,<br><br>Suite à notre échange, je vous confirme notre accord.",
            "Cordialement,",
            "<b>Thomas LAMBERT</b>",
            "Responsable Supply Chain",
            "Méca Normandie",
            "Rue des Forges, 76120 Le Grand-Quevilly Cedex",
            "+33 2 35 12 34 56",
        ),
        "FR",
        "fr",
        "owa",
        "cedex",
        "manufacturing",
        html=True,
        first_name="Thomas",
        last_name="Lambert",
        title="Responsable Supply Chain",
        company="Méca Normandie",
        street="Rue des Forges",
        city="Le Grand-Quevilly",
        postal_code="76120",
        phone="+33235123456",
    ),
    _case(
        "fr-12",
        "a.mercier@universite-rives.example",
        "Aurélie Mercier",
        "Bonjour,\n\nL'université passe par l'UGAP pour ce type d'achat. Je vous mets en relation "
        "avec le service marchés.\n\nAurélie Mercier\nChargée des marchés publics\n"
        "Université des Rives\n3, rue Michel-Ange, 34000 Montpellier\n+33 (0)4 67 12 34 56\n",
        "FR",
        "fr",
        "public-sector",
        first_name="Aurélie",
        last_name="Mercier",
        title="Chargée des marchés publics",
        company="Université des Rives",
        street="3, rue Michel-Ange",
        city="Montpellier",
        postal_code="34000",
        phone="+33467123456",
    ),
    _case(
        "fr-13",
        "hugo.blanc@cimes-outdoor.example",
        "Hugo Blanc",
        "Hello Alex,\n\nAs discussed, we're starting with the Annecy store.\n\nBest,\nHugo Blanc\n"
        "Retail Operations Manager\nCimes Outdoor\n74000 Annecy, France\nM. +33 6 11 22 33 44\n",
        "FR",
        "en",
        "country-named",
        first_name="Hugo",
        last_name="Blanc",
        title="Retail Operations Manager",
        company="Cimes Outdoor",
        city="Annecy",
        postal_code="74000",
        country="France",
        mobile="+33611223344",
    ),
    _case(
        "fr-14",
        "v.chevalier@chevalier-btp.example",
        "Valérie Chevalier",
        _gmail(
            "Bonjour Alex,<br><br>Je vous confirme la réunion de jeudi 14h.",
            "Valérie Chevalier",
            "Assistante de direction",
            "Chevalier BTP",
            "Tél. 05 61 23 45 67",
            quote="Bonjour Valérie,<br><br>Jeudi 14h vous conviendrait-il ?<br><br>" + _br(MY_SIG),
            quoted_from=f"{ME} &lt;{ME_ADDR}&gt;",
        ),
        "FR",
        "fr",
        "gmail",
        "reply",
        html=True,
        first_name="Valérie",
        last_name="Chevalier",
        title="Assistante de direction",
        company="Chevalier BTP",
        phone="+33561234567",
    ),
    _case(
        "fr-15",
        "s.robin@laiterie-jura.example",
        "Sébastien Robin",
        "Bonjour,\n\nCi-joint le cahier des charges.\n\nSébastien Robin\nResponsable qualité\n"
        "Laiterie du Jura\nBP 42\n39800 Poligny\nTél. 03 84 12 34 56\n",
        "FR",
        "fr",
        "po-box",
        first_name="Sébastien",
        last_name="Robin",
        title="Responsable qualité",
        company="Laiterie du Jura",
        street="BP 42",
        city="Poligny",
        postal_code="39800",
        phone="+33384123456",
    ),
    _case(
        "fr-16",
        "i.faure@faure-conseil.example",
        "Inès Faure",
        "Merci Alex.\n\n--\nInès Faure\nConsultante indépendante\n06 34 56 78 90\n",
        "FR",
        "fr",
        "thunderbird",
        "mobile-range",
        first_name="Inès",
        last_name="Faure",
        title="Consultante indépendante",
        phone="+33634567890",
    ),
    _case(
        "fr-17",
        "julien.perrin@sud-energies.example",
        "Julien Perrin",
        _mso(
            "Bonjour Alex,<br><br>Nous souhaitons ajouter 15 utilisateurs au 1er avril.",
            "Julien Perrin",
            "Directeur Commercial France",
            "Sud Énergies SA",
            "Immeuble Le Quatuor, 180 rue Pierre-Gilles de Gennes, 31670 Labège",
            "Standard : 05 62 00 00 00 | Direct : 05 62 00 11 22 | Portable : 06 77 88 99 00",
            "&nbsp;",
            '<span style="font-size:7.0pt">Sud Énergies SA – capital de 2 000 000 € – RCS '
            "Toulouse 123 456 789 – siège social : 1 place du Capitole, 31000 Toulouse</span>",
        ),
        "FR",
        "fr",
        "outlook",
        "direct-main",
        "registered-office",
        html=True,
        first_name="Julien",
        last_name="Perrin",
        title="Directeur Commercial France",
        company="Sud Énergies SA",
        street="Immeuble Le Quatuor, 180 rue Pierre-Gilles de Gennes",
        city="Labège",
        postal_code="31670",
        phone="+33562001122",
        mobile="+33677889900",
    ),
]

# -- Australia -------------------------------------------------------------------------------------
CASES += [
    _case(
        "au-01",
        "liam.oconnor@harbourside-fit.example",
        "Liam O'Connor",
        "Hi Alex,\n\nThanks mate, all signed and attached.\n\nCheers,\nLiam O'Connor\n"
        "Operations Manager\nHarbourside Fitouts Pty Ltd\nLevel 3, 88 Pitt Street\n"
        "Sydney NSW 2000\nP 02 5550 1234 | M 0491 570 156\n",
        "AU",
        "en",
        "simple",
        first_name="Liam",
        last_name="O'Connor",
        title="Operations Manager",
        company="Harbourside Fitouts Pty Ltd",
        street="Level 3, 88 Pitt Street",
        city="Sydney",
        state="NSW",
        postal_code="2000",
        phone="+61255501234",
        mobile="+61491570156",
    ),
    _case(
        "au-02",
        "chloe.nguyen@yarravalleyprod.example",
        "Chloe Nguyen",
        _owa(
            "Hi Alex,<br><br>Could you please resend the quote with GST shown separately?",
            "Kind regards,",
            "<b>Chloe Nguyen</b>",
            "Procurement Officer",
            "Yarra Valley Produce",
            "12 Cremorne Street, Richmond VIC 3121",
            "Ph: 03 7010 1234",
            "<br>",
            '<span style="font-size:8pt;color:#6b6b6b">Yarra Valley Produce acknowledges the '
            "Wurundjeri Woi-wurrung people of the Kulin Nation as the Traditional Custodians of "
            "the land on which we work, and pays respect to Elders past and present.</span>",
        ),
        "AU",
        "en",
        "owa",
        "acknowledgement",
        html=True,
        first_name="Chloe",
        last_name="Nguyen",
        title="Procurement Officer",
        company="Yarra Valley Produce",
        street="12 Cremorne Street",
        city="Richmond",
        state="VIC",
        postal_code="3121",
        phone="+61370101234",
    ),
    _case(
        "au-03",
        "ben.walsh@outbackmining.example",
        "Ben Walsh",
        "Alex,\n\nSite access needs a current police check; I'll send you the induction pack.\n\n"
        "Regards\nBen Walsh\nContracts Superintendent | Outback Mining Services\n"
        "M: 0412 345 678\nE: ben.walsh@outbackmining.example\n",
        "AU",
        "en",
        first_name="Ben",
        last_name="Walsh",
        title="Contracts Superintendent",
        company="Outback Mining Services",
        mobile="+61412345678",
        email="ben.walsh@outbackmining.example",
    ),
    _case(
        "au-04",
        "s.patel@sunshinecoasthealth.example",
        "Sanjay Patel",
        "Hi Alex,\n\nThe digital health committee meets on the 18th; I'll table the proposal "
        "then.\n\nThanks,\nSanjay\n\nSanjay Patel\nSenior Project Officer, Digital Health\n"
        "Sunshine Coast Health Network\nPh: (07) 5550 1234\n",
        "AU",
        "en",
        "healthcare",
        first_name="Sanjay",
        last_name="Patel",
        title="Senior Project Officer, Digital Health",
        company="Sunshine Coast Health Network",
        phone="+61755501234",
    ),
    _case(
        "au-05",
        "emma.rossi@swanriverwines.example",
        "Emma Rossi",
        _gmail(
            "Hey Alex, love it. Let's do it!",
            "Emma Rossi",
            "Founder | Swan River Wines",
            "0438 123 456",
        ),
        "AU",
        "en",
        "gmail",
        "mobile-range",
        html=True,
        first_name="Emma",
        last_name="Rossi",
        title="Founder",
        company="Swan River Wines",
        phone="+61438123456",
    ),
    _case(
        "au-06",
        "j.murray@murraytransport.example",
        "Jack Murray",
        "G'day Alex,\n\nYep, send it through.\n\nJack Murray\nDirector\nMurray Transport Pty Ltd\n"
        "1300 123 456 (office)\n0401 234 567 (mobile)\n",
        "AU",
        "en",
        "label-after",
        "logistics",
        first_name="Jack",
        last_name="Murray",
        title="Director",
        company="Murray Transport Pty Ltd",
        phone="+611300123456",
        mobile="+61401234567",
    ),
    _case(
        "au-07",
        "a.thompson@canberra-uni.example",
        "Alison Thompson",
        _mso(
            "Dear Alex,<br><br>The university will need to go through a formal tender for a "
            "contract of this size.",
            "Kind regards",
            "Associate Professor Alison Thompson",
            "Head, School of Business Informatics",
            "University of the Capital",
            "Building 12, Haydon Drive, Bruce ACT 2617",
            "T +61 2 6123 4567",
            "CRICOS Provider No. 01234X",
        ),
        "AU",
        "en",
        "outlook",
        "honorific",
        "university",
        html=True,
        first_name="Alison",
        last_name="Thompson",
        title="Head, School of Business Informatics",
        company="University of the Capital",
        street="Building 12, Haydon Drive",
        city="Bruce",
        state="ACT",
        postal_code="2617",
        phone="+61261234567",
    ),
    _case(
        "au-08",
        "mick@tasmanjoinery.example",
        "Mick Harris",
        "No worries, talk Monday.\n\nMick Harris | Tasman Joinery | 03 6212 3456\n",
        "AU",
        "en",
        "one-line",
        first_name="Mick",
        last_name="Harris",
        company="Tasman Joinery",
        phone="+61362123456",
    ),
    _case(
        "au-09",
        "sarah.kelly@coralcoastresorts.example",
        "Sarah Kelly",
        _apple(
            "Thanks Alex – approved from my end.",
            "Sarah Kelly",
            "Group Revenue Manager",
            "Coral Coast Resorts",
            "M 0412 987 654",
            "<br>",
            "Sent from my iPhone",
        ),
        "AU",
        "en",
        "apple",
        "mobile-footer",
        html=True,
        first_name="Sarah",
        last_name="Kelly",
        title="Group Revenue Manager",
        company="Coral Coast Resorts",
        mobile="+61412987654",
    ),
    _case(
        "au-10",
        "d.chen@adelaideprecision.example",
        "David Chen",
        "Hi Alex,\n\nPlease see our purchase order attached.\n\nRegards,\n\nDavid Chen\n"
        "Purchasing Officer\nAdelaide Precision Engineering\n45 Grenfell Street\n"
        "Adelaide SA 5000\nPh 08 7010 1234 | Fax 08 7010 1299\n",
        "AU",
        "en",
        "manufacturing",
        first_name="David",
        last_name="Chen",
        title="Purchasing Officer",
        company="Adelaide Precision Engineering",
        street="45 Grenfell Street",
        city="Adelaide",
        state="SA",
        postal_code="5000",
        phone="+61870101234",
        fax="+61870101299",
    ),
    _case(
        "au-11",
        "rachel.evans@perthcouncil.example",
        "Rachel Evans",
        "Hi Alex,\n\nThanks for the information session. Council will advertise the RFQ on "
        "Tenderlink.\n\nRachel Evans\nCoordinator Procurement\nCity of Kings Park\n"
        "27 St Georges Terrace, Perth WA 6000\nT (08) 9123 4567\n\n"
        "The City of Kings Park acknowledges the Whadjuk people of the Noongar Nation as the "
        "Traditional Owners of this land. This email and any attachments may be confidential "
        "and subject to the Freedom of Information Act 1992.\n",
        "AU",
        "en",
        "public-sector",
        "acknowledgement",
        first_name="Rachel",
        last_name="Evans",
        title="Coordinator Procurement",
        company="City of Kings Park",
        street="27 St Georges Terrace",
        city="Perth",
        state="WA",
        postal_code="6000",
        phone="+61891234567",
    ),
    _case(
        "au-12",
        "tom.baker@brisbanebuild.example",
        "Tom Baker",
        "Alex\n\nCan we move the call? I'm on site.\n\nTom\n\nTom Baker\nProject Manager\n"
        "Brisbane Build Co\nLevel 5, 300 Queen Street, Brisbane QLD 4000\nMob: 0412 111 222\n\n"
        + _outlook("Alex Moreno", ME_ADDR, "Call Thursday")
        + "Hi Tom,\n\nConfirming Thursday 10am AEST.\n\n"
        + MY_SIG
        + "\n",
        "AU",
        "en",
        "reply",
        first_name="Tom",
        last_name="Baker",
        title="Project Manager",
        company="Brisbane Build Co",
        street="Level 5, 300 Queen Street",
        city="Brisbane",
        state="QLD",
        postal_code="4000",
        mobile="+61412111222",
    ),
    _case(
        "au-13",
        "grace.lee@lumina-dental.example",
        "Grace Lee",
        _card(
            "Lumina Dental Group",
            "<b>Dr Grace Lee</b>",
            "Clinical Director",
            "Lumina Dental Group",
            "P (02) 9123 4567",
            "Suite 4, 1 Railway Parade, Burwood NSW 2134",
            '<a href="https://luminadental.example">luminadental.example</a>',
        ),
        "AU",
        "en",
        "table",
        "generated",
        "healthcare",
        html=True,
        first_name="Grace",
        last_name="Lee",
        title="Clinical Director",
        company="Lumina Dental Group",
        street="Suite 4, 1 Railway Parade",
        city="Burwood",
        state="NSW",
        postal_code="2134",
        phone="+61291234567",
        website="luminadental.example",
    ),
    _case(
        "au-14",
        "p.novak@darwinfreight.example",
        "Petra Novak",
        "Hi Alex,\n\nRates attached.\n\nKind regards,\nPetra Novak\nAccount Manager\n"
        "Top End Freight\nPO Box 1234, Darwin NT 0801\nPh: 08 8912 3456\n",
        "AU",
        "en",
        "po-box",
        "logistics",
        first_name="Petra",
        last_name="Novak",
        title="Account Manager",
        company="Top End Freight",
        street="PO Box 1234",
        city="Darwin",
        state="NT",
        postal_code="0801",
        phone="+61889123456",
    ),
    _case(
        "au-15",
        "josh.campbell@geelongag.example",
        "Josh Campbell",
        "Thanks Alex.\n\nJosh Campbell\nSales Rep\nGeelong Ag Supplies\n0401 999 888\n",
        "AU",
        "en",
        "simple",
        "mobile-range",
        first_name="Josh",
        last_name="Campbell",
        title="Sales Rep",
        company="Geelong Ag Supplies",
        phone="+61401999888",
    ),
    _case(
        "au-16",
        "n.williams@goldcoastlegal.example",
        "Natalie Williams",
        "Dear Alex,\n\nPlease find our client's comments on the subscription agreement "
        "attached.\n\nYours faithfully,\n\nNatalie Williams\nSenior Associate\n"
        "Gold Coast Legal\nLevel 9, 50 Cavill Avenue, Surfers Paradise QLD 4217\n"
        "T: +61 7 5550 9876\n\nLiability limited by a scheme approved under Professional "
        "Standards Legislation. This email is confidential and may be subject to legal "
        "professional privilege.\n",
        "AU",
        "en",
        "law",
        "disclaimer",
        first_name="Natalie",
        last_name="Williams",
        title="Senior Associate",
        company="Gold Coast Legal",
        street="Level 9, 50 Cavill Avenue",
        city="Surfers Paradise",
        state="QLD",
        postal_code="4217",
        phone="+61755509876",
    ),
    _case(
        "au-17",
        "a.fraser@melbournedesign.example",
        "Andrew Fraser",
        _owa(
            "Morning Alex,<br><br>All good from our side, send the invoice to accounts@.",
            "Andrew Fraser",
            "Studio Director",
            "Fraser Design Studio",
            "Level 2, 410 Collins Street, Melbourne VIC 3000, Australia",
            "+61 3 9876 5432",
        ),
        "AU",
        "en",
        "owa",
        "country-named",
        html=True,
        first_name="Andrew",
        last_name="Fraser",
        title="Studio Director",
        company="Fraser Design Studio",
        street="Level 2, 410 Collins Street",
        city="Melbourne",
        state="VIC",
        postal_code="3000",
        country="Australia",
        phone="+61398765432",
    ),
]

# -- Elsewhere -------------------------------------------------------------------------------------
CASES += [
    _case(
        "nl-01",
        "r.vandijk@polderplast.example",
        "Ruud van Dijk",
        "Hoi Alex,\n\nPrima, we gaan akkoord met de offerte.\n\nMet vriendelijke groet,\n\n"
        "Ruud van Dijk\nInkoper\nPolderplast B.V.\nIndustrieweg 12, 3044 AS Rotterdam\n"
        "T +31 10 123 4567\nM +31 6 12345678\n",
        "NL",
        "nl",
        first_name="Ruud",
        last_name="van Dijk",
        title="Inkoper",
        company="Polderplast B.V.",
        street="Industrieweg 12",
        city="Rotterdam",
        postal_code="3044 AS",
        phone="+31101234567",
        mobile="+31612345678",
    ),
    _case(
        "es-01",
        "lgarcia@conservas-norte.example",
        "Lucía García Fernández",
        "Hola Alex,\n\nGracias por la propuesta. La revisamos el lunes.\n\nUn saludo,\n\n"
        "Lucía García Fernández\nDirectora de Compras\nConservas del Norte S.L.\n"
        "Calle Gran Vía 45, 48011 Bilbao\nTel.: +34 944 123 456\nMóvil: +34 612 345 678\n",
        "ES",
        "es",
        "compound-name",
        first_name="Lucía",
        last_name="García Fernández",
        title="Directora de Compras",
        company="Conservas del Norte S.L.",
        street="Calle Gran Vía 45",
        city="Bilbao",
        postal_code="48011",
        phone="+34944123456",
        mobile="+34612345678",
    ),
    _case(
        "it-01",
        "m.ricci@ricci-meccanica.example",
        "Marco Ricci",
        "Buongiorno Alex,\n\nin allegato l'ordine firmato.\n\nCordiali saluti\n\nMarco Ricci\n"
        "Responsabile Acquisti\nRicci Meccanica S.r.l.\nVia Emilia 120, 40133 Bologna\n"
        "Tel. +39 051 123 4567\nCell. +39 347 123 4567\n",
        "IT",
        "it",
        "manufacturing",
        first_name="Marco",
        last_name="Ricci",
        title="Responsabile Acquisti",
        company="Ricci Meccanica S.r.l.",
        street="Via Emilia 120",
        city="Bologna",
        postal_code="40133",
        phone="+390511234567",
        mobile="+393471234567",
    ),
    _case(
        "ch-01",
        "b.keller@keller-uhren.example",
        "Beat Keller",
        "Grüezi Herr Moreno\n\nBesten Dank für die Unterlagen.\n\nFreundliche Grüsse\n\n"
        "Beat Keller\nLeiter Einkauf\nKeller Uhrenkomponenten AG\nBahnhofstrasse 21\n"
        "8001 Zürich\nSchweiz\nTel. +41 44 123 45 67\n",
        "CH",
        "de",
        "country-named",
        first_name="Beat",
        last_name="Keller",
        title="Leiter Einkauf",
        company="Keller Uhrenkomponenten AG",
        street="Bahnhofstrasse 21",
        city="Zürich",
        postal_code="8001",
        country="Schweiz",
        phone="+41441234567",
    ),
    _case(
        "in-01",
        "ananya.iyer@deccanpharma.example",
        "Ananya Iyer",
        "Dear Alex,\n\nKindly share the revised commercials at the earliest.\n\nThanks & "
        "Regards,\nAnanya Iyer\nManager, Strategic Sourcing\nDeccan Pharma Ltd.\n"
        "Plot 42, HITEC City, Hyderabad 500081, India\nMobile: +91 98765 43210\n",
        "IN",
        "en",
        "country-named",
        first_name="Ananya",
        last_name="Iyer",
        title="Manager, Strategic Sourcing",
        company="Deccan Pharma Ltd.",
        street="Plot 42, HITEC City",
        city="Hyderabad",
        postal_code="500081",
        country="India",
        mobile="+919876543210",
    ),
    _case(
        "jp-01",
        "k.tanaka@sakura-denki.example",
        "Kenji Tanaka",
        "Dear Mr. Moreno,\n\nThank you for your quotation. We will reply after our internal "
        "review.\n\nBest regards,\n\nKenji Tanaka\nManager, Purchasing Department\n"
        "Sakura Denki Co., Ltd.\n2-3-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 163-0001, Japan\n"
        "TEL: +81-3-1234-5678\n",
        "JP",
        "en",
        "country-named",
        first_name="Kenji",
        last_name="Tanaka",
        title="Manager, Purchasing Department",
        company="Sakura Denki Co., Ltd.",
        street="2-3-1 Nishi-Shinjuku, Shinjuku-ku",
        city="Tokyo",
        postal_code="163-0001",
        country="Japan",
        phone="+81312345678",
    ),
    _case(
        "br-01",
        "rafael.souza@agrosul.example",
        "Rafael Souza",
        "Olá Alex,\n\nPodemos seguir com a proposta.\n\nAbraços,\n\nRafael Souza\n"
        "Gerente de Compras\nAgroSul Insumos Ltda.\nSão Paulo - SP\nTel: +55 11 3333-4444\n"
        "Cel: +55 11 98765-4321\n",
        "BR",
        "pt",
        first_name="Rafael",
        last_name="Souza",
        title="Gerente de Compras",
        company="AgroSul Insumos Ltda.",
        city="São Paulo",
        state="SP",
        phone="+551133334444",
        mobile="+5511987654321",
    ),
    _case(
        "ie-01",
        "aoife.byrne@liffeyfoods.example",
        "Aoife Byrne",
        "Hi Alex,\n\nThat all looks grand, thanks.\n\nAoife Byrne\nProcurement Lead\n"
        "Liffey Foods Ltd\nT: +353 1 234 5678\nM: +353 87 123 4567\n",
        "IE",
        "en",
        "simple",
        first_name="Aoife",
        last_name="Byrne",
        title="Procurement Lead",
        company="Liffey Foods Ltd",
        phone="+35312345678",
        mobile="+353871234567",
    ),
    _case(
        "nz-01",
        "hemi.walker@kaurifarms.example",
        "Hemi Walker",
        "Kia ora Alex,\n\nAll sorted, thanks.\n\nNgā mihi,\nHemi Walker\nGeneral Manager\n"
        "Kauri Farms Ltd\n+64 21 123 456\n",
        "NZ",
        "en",
        first_name="Hemi",
        last_name="Walker",
        title="General Manager",
        company="Kauri Farms Ltd",
        phone="+6421123456",
    ),
]

# -- No signature: invites, calendar and meeting mail --------------------------------------------
CASES += [
    _case(
        "none-01",
        "k.ashby@orrin-eng.example",
        "Kate Ashby",
        "\n________________________________________________________________________________\n"
        "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
        "Click here to join the meeting<https://teams.microsoft.example/l/meetup-join/19%3a>\n"
        "Meeting ID: 345 678 912 034\nPasscode: Xy7Pq2\nDownload Teams | Join on the web\n"
        "Or call in (audio only)\n+44 20 7946 0111,,482915377#   United Kingdom, London\n"
        "Phone Conference ID: 482 915 377#\nFind a local number | Reset PIN\n"
        "Learn More | Meeting options\n"
        "________________________________________________________________________________\n",
        "UK",
        "en",
        "invite",
        "teams",
    ),
    _case(
        "none-02",
        "no-reply@meetly.example",
        "Meetly",
        _notice(
            "Hi Alex,",
            "Jason Whitfield has invited you to a scheduled Meetly meeting.",
            "<b>Topic:</b> Keystone Freight – quarterly review<br><b>Time:</b> Mar 10, 2026 "
            "02:00 PM Eastern Time (US and Canada)",
            '<a href="https://meetly.example/j/81234567890">Join Meetly Meeting</a><br>'
            "Meeting ID: 812 3456 7890<br>Passcode: 551204",
            "One tap mobile<br>+13125550147,,81234567890# US (Chicago)<br>"
            "+16465550100,,81234567890# US (New York)",
            footer="Meetly Communications, Inc. · 55 Almaden Blvd, 6th Floor · San Jose, CA 95113"
            "<br>+1 888 555 0123 · meetly.example/support",
        ),
        "US",
        "en",
        "invite",
        "zoom-like",
        html=True,
    ),
    _case(
        "none-03",
        "calendar-notification@calendar.example",
        "Google Calendar",
        "Stratus demo – Lumen Health\nTuesday Mar 10, 2026 ⋅ 11am – 11:45am (Pacific Time - "
        "Los Angeles)\n\nJoin with Google Meet\nmeet.example/abc-defg-hij\n\nJoin by phone\n"
        "(US) +1 650-555-0132 PIN: 923 114 880#\n\nOrganizer\npriya@lumenhealth.example\n\n"
        "Guests\npriya@lumenhealth.example - organizer\nalex.moreno@stratus-demo.example\n"
        "marcus.lee@lumenhealth.example\n\nView all guest info\nReply for "
        "alex.moreno@stratus-demo.example\nYes  No  Maybe  More options\n\n"
        "Invitation from Google Calendar\nYou are receiving this email because you are an "
        "attendee on the event. To stop receiving future updates for this event, decline this "
        "event.\n",
        "US",
        "en",
        "invite",
        "google-calendar",
    ),
    _case(
        "none-04",
        "messenger@webex-mail.example",
        "Cisco Webex",
        _notice(
            "Anna Lehmann invites you to join this meeting.",
            "<b>BrightByte x Stratus – Integration workshop</b><br>Thursday, March 12, 2026<br>"
            "10:00 | (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna | 1 hr",
            "Meeting number: 2734 551 0098<br>Password: Kx8mR4tQ",
            "Join by phone<br>+49-619-6781-9736 Germany toll<br>+44-20-7946-0122 United Kingdom "
            "toll<br>Access code: 273 455 10098",
            footer="© 2026 Meeting Systems GmbH. Hansaallee 201, 40549 Düsseldorf. "
            "Tel. +49 211 5566000. All rights reserved.",
        ),
        "DE",
        "en",
        "invite",
        "webex",
        html=True,
    ),
    _case(
        "none-05",
        "calendar-notification@calendar.example",
        "Google Calendar",
        "This event has been updated\nChanged: time\n\nSite visit – Bluenose Marine\n"
        "Wednesday Mar 11, 2026 ⋅ 2pm – 3pm (Atlantic Time - Halifax)\n\nOrganizer\n"
        "cassie@bluenosemarine.example\n\nLocation\n1 Marginal Rd, Halifax, NS B3H 4P7, "
        "Canada\n\nInvitation from Google Calendar\n",
        "CA",
        "en",
        "calendar-update",
    ),
    _case(
        "none-06",
        "s.hargreaves@haldenpryce.example",
        "Sophie Hargreaves",
        "Declined: Stratus onboarding call\n\nSophie Hargreaves has declined this meeting.\n\n"
        "When: Thursday, 12 March 2026 14:00-14:30 (UTC+00:00) Dublin, Edinburgh, Lisbon, "
        "London.\nWhere: Microsoft Teams Meeting\n",
        "UK",
        "en",
        "calendar-update",
    ),
    _case(
        "none-07",
        "jenna.wu@fraserhardwood.example",
        "Jenna Wu",
        "Accepted: Pilot kickoff\n\nWhen: March 16, 2026 9:00 AM-10:00 AM (UTC-08:00) "
        "Pacific Time (US & Canada).\nWhere: Boardroom 3 / Microsoft Teams Meeting\n",
        "CA",
        "en",
        "calendar-update",
    ),
    _case(
        "none-08",
        "noreply@meetly.example",
        "Meetly",
        _notice(
            "Your meeting has been cancelled.",
            "The host (Marcy Feldman) cancelled <b>Carolina Cold Chain – lane review</b> "
            "scheduled for Mar 9, 2026 at 3:00 PM EST.",
            footer="Meetly Communications, Inc. · 55 Almaden Blvd · San Jose, CA 95113 · "
            "1-888-555-0123",
        ),
        "US",
        "en",
        "calendar-update",
        html=True,
    ),
    _case(
        "none-09",
        "notifications@schedulr.example",
        "Schedulr",
        "Hi Alex Moreno,\n\nA new event has been scheduled.\n\nEvent Type:\n30 Minute Discovery "
        "Call\n\nInvitee:\nOwen Baptiste\n\nInvitee Email:\nowen.baptiste@skylinehvac.example\n\n"
        "Invitee Phone Number:\n+1 306-555-0140\n\nEvent Date/Time:\n09:30am - Tuesday, March "
        "10, 2026 (Central Time - US & Canada)\n\nView event in Schedulr\n\nSent from Schedulr "
        "· 1201 W Peachtree St NW, Atlanta, GA 30309\n",
        "CA",
        "en",
        "notification",
        "scheduling",
    ),
    _case(
        "none-10",
        "organizer@events.example",
        "Isabelle Tremblay",
        "BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nSUMMARY:Revue de la soumission\n"
        "DTSTART;TZID=America/Toronto:20260312T100000\nLOCATION:1250 boul. René-Lévesque O\\, "
        "Montréal\nORGANIZER;CN=Isabelle Tremblay:mailto:itremblay@groupelaurentide.example\n"
        "END:VEVENT\nEND:VCALENDAR\n",
        "CA",
        "fr",
        "invite",
        "ics",
    ),
]

# -- No signature: automatic replies and out-of-office --------------------------------------------
CASES += [
    _case(
        "none-11",
        "support@helpdeskly.example",
        "Brightlane Support",
        "##- Please type your reply above this line -##\n\nYour request (48213) has been "
        "received and is being reviewed by our support staff.\n\nTo add additional comments, "
        "reply to this email.\n\n--\nBrightlane Analytics Support\n1 Post Office Square, "
        "Boston, MA 02109\n+1 617-555-0100 | support.brightlane.example\n"
        "This email is a service from Brightlane Analytics. [8KQ2-VN0R]\n",
        "US",
        "en",
        "ticket",
        "auto-reply",
    ),
    _case(
        "none-12",
        "customerservices@westbrook.gov.example",
        "Westbrook Borough Council",
        "Thank you for contacting Westbrook Borough Council.\n\nThis is an automated response to "
        "confirm we have received your email. We aim to respond within 10 working days. Your "
        "reference number is WBC-2026-00418.\n\nCustomer Services\nWestbrook Borough Council\n"
        "Town Hall, High Street, Westbrook WB1 1AA\nTel: 0161 496 0000\n"
        "www.westbrook.gov.example\n",
        "UK",
        "en",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "none-13",
        "info@hartmann-antriebe.example",
        "Hartmann Antriebstechnik GmbH",
        "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Dies ist eine "
        "automatisch erzeugte Eingangsbestätigung. Wir bearbeiten Ihr Anliegen schnellstmöglich."
        "\n\nMit freundlichen Grüßen\nIhr Hartmann-Team\n\nHartmann Antriebstechnik GmbH\n"
        "Industriestraße 14, 73734 Esslingen am Neckar\nTel.: +49 711 3456780\n"
        "Amtsgericht Stuttgart HRB 712345\n",
        "DE",
        "de",
        "auto-reply",
    ),
    _case(
        "none-14",
        "j.whitlock@orrin-eng.example",
        "James Whitlock",
        "Thank you for your email. I am out of the office until Monday 16 March with limited "
        "access to email. For anything urgent please contact Kate Ashby on 0117 496 0200 or "
        "k.ashby@orrin-eng.example.\n",
        "UK",
        "en",
        "out-of-office",
    ),
    _case(
        "none-15",
        "stefan.braun@alpenkaelte.example",
        "Stefan Braun",
        "Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich 13.03.2026 nicht im Büro "
        "und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte "
        "an meine Kollegin Frau Weiß unter Tel. 089 32165410 oder vertrieb@alpenkaelte.example."
        "\n\nIhre E-Mail wird nicht weitergeleitet.\n",
        "DE",
        "de",
        "out-of-office",
    ),
    _case(
        "none-16",
        "c.martin@atelier-lumiere.example",
        "Camille Martin",
        "Bonjour,\n\nJe suis absente du bureau jusqu'au lundi 16 mars inclus. Pour toute "
        "demande urgente, merci de contacter le service achats au 01 42 68 53 10.\n\nCordialement"
        "\n",
        "FR",
        "fr",
        "out-of-office",
    ),
    _case(
        "none-17",
        "lgarcia@conservas-norte.example",
        "Lucía García Fernández",
        "Estaré fuera de la oficina hasta el 16 de marzo. Para asuntos urgentes, contacte con "
        "compras@conservas-norte.example o llame al +34 944 123 400.\n\nGracias.\n",
        "ES",
        "es",
        "out-of-office",
    ),
    _case(
        "none-18",
        "francois.roy@metalcoquebec.example",
        "François Roy",
        "Je suis absent jusqu'au 13 mars. Pour toute urgence, veuillez communiquer avec "
        "Nathalie Pépin au 418 555-0190.\n\nI am away until March 13. For urgent matters, please "
        "contact Nathalie Pépin at 418-555-0190.\n",
        "CA",
        "fr",
        "en",
        "bilingual",
        "out-of-office",
    ),
    _case(
        "none-19",
        "sarah.kelly@coralcoastresorts.example",
        "Sarah Kelly",
        "Hi there,\n\nThanks for your email. I'm on annual leave until Tuesday 17 March and will "
        "respond on my return. For urgent reservations enquiries please call 07 5550 1000.\n\n"
        "Thanks,\nSarah\n",
        "AU",
        "en",
        "out-of-office",
    ),
    _case(
        "none-20",
        "procurement@kingspark.gov.example",
        "City of Kings Park – Procurement",
        "This mailbox is not monitored. Tender submissions must be lodged via Tenderlink; "
        "emailed submissions will not be accepted.\n\nCity of Kings Park\n27 St Georges Terrace, "
        "Perth WA 6000 | PO Box 1234, Perth WA 6831\nT (08) 9123 4500 | ABN 12 345 678 901\n\n"
        "The City of Kings Park acknowledges the Whadjuk people of the Noongar Nation as the "
        "Traditional Owners of this land.\n",
        "AU",
        "en",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "none-21",
        "m.ricci@ricci-meccanica.example",
        "Marco Ricci",
        "Sono fuori ufficio fino al 16/03 con accesso limitato alla posta. Per urgenze "
        "contattare l'ufficio acquisti allo 051 123 4500.\n\nI am out of the office until 16 "
        "March.\n",
        "IT",
        "it",
        "out-of-office",
    ),
    _case(
        "none-22",
        "r.vandijk@polderplast.example",
        "Ruud van Dijk",
        "Bedankt voor uw bericht. Ik ben afwezig tot en met 13 maart en heb beperkt toegang tot "
        "mijn e-mail. Voor dringende zaken kunt u bellen met +31 10 123 4500.\n",
        "NL",
        "nl",
        "out-of-office",
    ),
    _case(
        "none-23",
        "info@stadt-lindenau.example",
        "Stadt Lindenau",
        "Ihre Nachricht ist bei der Stadtverwaltung Lindenau eingegangen und wird an die "
        "zuständige Stelle weitergeleitet. Bitte sehen Sie von Rückfragen ab.\n\n"
        "Stadt Lindenau – Bürgerservice\nMarktplatz 1, 04177 Leipzig\nTelefon: 0341 1234500\n"
        "Öffnungszeiten: Mo–Fr 8–16 Uhr\n",
        "DE",
        "de",
        "auto-reply",
        "public-sector",
    ),
    _case(
        "none-24",
        "servicedesk@ch-val-de-loire.example",
        "Centre Hospitalier – Service desk",
        "Votre demande a bien été enregistrée sous la référence INC0048812.\n\nUn technicien "
        "prendra en charge votre demande dans les meilleurs délais.\n\nCeci est un message "
        "automatique, merci de ne pas y répondre.\n\nCentre Hospitalier du Val de Loire – "
        "Direction du numérique\n2, rue de l'Hôpital – 37000 Tours – Tél. 02 47 12 30 00\n",
        "FR",
        "fr",
        "ticket",
        "auto-reply",
    ),
]

# -- No signature: transactional and notification mail ------------------------------------------
CASES += [
    _case(
        "none-25",
        "tracking@parcelwise.example",
        "Parcelwise",
        _notice(
            "Your shipment is out for delivery",
            "Tracking number: 1PW 7781 2203 9915<br>From: Fraser Hardwood Products Ltd.<br>"
            "Estimated delivery: Today, 10:00 – 14:00",
            '<a href="https://parcelwise.example/t/1PW77812203">Track your parcel</a>',
            footer="Parcelwise Express Canada Ltd., 5800 Explorer Drive, Mississauga, ON L4W 5K9"
            "<br>Customer service: 1-888-555-0123 · Privacy · Unsubscribe",
        ),
        "CA",
        "en",
        "shipping",
        html=True,
    ),
    _case(
        "none-26",
        "noreply@versand-express.example",
        "Versand Express",
        "Hallo Alex Moreno,\n\nIhre Sendung 00340434161234567890 wird heute zugestellt.\n\n"
        "Zustellzeitfenster: 11:30 – 13:30 Uhr\n\nSendung verfolgen: versand-express.example/t\n"
        "\nVersand Express GmbH · Charles-de-Gaulle-Straße 20 · 53113 Bonn\n"
        "Kundenservice: 0228 4333112\nDiese E-Mail wurde automatisch erstellt.\n",
        "DE",
        "de",
        "shipping",
    ),
    _case(
        "none-27",
        "orders@officeworx.example",
        "OfficeWorx Business",
        _notice(
            "Thanks for your order, Alex!",
            "Order #OW-5512904 has shipped and should arrive within 2 business days.",
            "<table><tr><td>2 x Ergonomic chair</td><td>$798.00</td></tr><tr><td>Shipping</td>"
            "<td>$0.00</td></tr><tr><td><b>Total (incl. GST)</b></td><td><b>$798.00</b></td>"
            "</tr></table>",
            "Delivery address:<br>Alex Moreno<br>Level 10, 1 Market Street<br>Sydney NSW 2000",
            footer="OfficeWorx Pty Ltd ABN 36 004 763 526 · 18 Smith Street, Parramatta NSW 2150"
            " · 1300 555 111",
        ),
        "AU",
        "en",
        "order",
        html=True,
    ),
    _case(
        "none-28",
        "dse@signflow.example",
        "Priya Natarajan via SignFlow",
        _notice(
            "<b>Priya Natarajan</b> sent you a document to review and sign.",
            "<b>Lumen Health – Order Form (Stratus).pdf</b>",
            '<a href="https://signflow.example/sign/abc">REVIEW DOCUMENT</a>',
            "Priya Natarajan<br>priya@lumenhealth.example<br>Please sign by Friday. Thanks!",
            "<b>Do Not Share This Email</b><br>This email contains a secure link to SignFlow. "
            "Please do not share this email, link, or access code with others.",
            footer="SignFlow, Inc. · 221 Main Street, Suite 1550 · San Francisco, CA 94105 · "
            "+1 415-555-0199",
        ),
        "US",
        "en",
        "e-signature",
        html=True,
    ),
    _case(
        "none-29",
        "dse@signflow.example",
        "SignFlow",
        'All parties have completed "Mutual NDA – Midland Valve & Fitting".\n\n'
        "View the completed document: https://signflow.example/d/9f2c\n\n"
        "Signers:\nBrian Castellanos (bcastellanos@midlandvalve.example) – Signed 03/04/2026\n"
        "Alex Moreno (alex.moreno@stratus-demo.example) – Signed 03/04/2026\n\n"
        "SignFlow, Inc. · 221 Main Street, Suite 1550 · San Francisco, CA 94105\n",
        "US",
        "en",
        "e-signature",
    ),
    _case(
        "none-30",
        "receipts@payrail.example",
        "Northgate Property Group",
        _notice(
            "Receipt from Northgate Property Group",
            "Amount paid: $1,250.00<br>Date paid: Mar 4, 2026<br>Payment method: Visa – 4242",
            "Receipt #2219-4471",
            "If you have any questions, contact us at billing@northgate.example or call "
            "+1 212-555-0100.",
            footer="Northgate Property Group · 350 Fifth Avenue, New York, NY 10118<br>"
            "Payments processed by Payrail.",
        ),
        "US",
        "en",
        "receipt",
        html=True,
    ),
    _case(
        "none-31",
        "messaging-service@ledgerly.example",
        "Harbourside Fitouts Pty Ltd",
        "Hi Stratus Demo,\n\nHere's invoice INV-0142 for AUD 4,180.00.\n\nThe amount outstanding "
        "of AUD 4,180.00 is due on 31 Mar 2026.\n\nView your bill online: "
        "in.ledgerly.example/Ab12Cd\n\nFrom your online bill you can print a PDF, export a CSV, "
        "or create a free login and view your outstanding bills.\n\nIf you have any questions, "
        "please let us know.\n\nThanks,\nHarbourside Fitouts Pty Ltd\nABN 51 824 753 556\n"
        "Level 3, 88 Pitt Street, Sydney NSW 2000 | 02 5550 1200\n",
        "AU",
        "en",
        "invoice",
    ),
    _case(
        "none-32",
        "facturation@sud-energies.example",
        "Sud Énergies – Facturation",
        "Madame, Monsieur,\n\nSauf erreur de notre part, la facture FA-2026-0311 d'un montant de "
        "4 800,00 € TTC reste impayée à ce jour. Merci de procéder à son règlement.\n\n"
        "Ce message est généré automatiquement.\n\nService Comptabilité Clients\n"
        "Sud Énergies SA – 1 place du Capitole, 31000 Toulouse – 05 62 00 00 00\n",
        "FR",
        "fr",
        "invoice",
    ),
    _case(
        "none-33",
        "security@stratus-idp.example",
        "Account Security",
        "Hi Alex,\n\nWe received a request to reset the password for your account. Click the link "
        "below to choose a new one. This link expires in 30 minutes.\n\n"
        "https://id.stratus-idp.example/reset?t=********\n\nIf you didn't request this, you can "
        "ignore this email.\n\nIdentity Cloud Inc., 100 First Street, San Francisco, CA 94105\n",
        "US",
        "en",
        "password-reset",
    ),
    _case(
        "none-34",
        "no-reply@accounts.example",
        "Account team",
        _notice(
            "New sign-in to your account",
            "We noticed a new sign-in from Chrome on Windows near Toronto, ON, Canada.",
            "If this was you, you don't need to do anything. If not, secure your account.",
            footer="You received this email to let you know about important changes to your "
            "account.<br>Accounts Example LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043",
        ),
        "US",
        "en",
        "security-alert",
        html=True,
    ),
    _case(
        "none-35",
        "notifications@linkwork.example",
        "Linkwork",
        _notice(
            "<b>Emma Rossi</b> accepted your invitation",
            "Founder at Swan River Wines · Perth, Western Australia",
            '<a href="https://linkwork.example/in/emmarossi">View profile</a> · '
            '<a href="https://linkwork.example/messaging">Message</a>',
            footer="This email was intended for Alex Moreno (Account Executive at Stratus Demo "
            "Inc.). Learn why we included this.<br>© 2026 Linkwork Corporation, 1000 West Maude "
            "Avenue, Sunnyvale, CA 94085.",
        ),
        "AU",
        "en",
        "notification",
        "social",
        html=True,
    ),
    _case(
        "none-36",
        "noreply@crm.stratus-demo.example",
        "CRM Notifications",
        "Task assigned to you by Dana Reid\n\nSubject: Follow up with Megan Doyle\n"
        "Related to: Trellis Packaging Co.\nContact: Megan Doyle, Purchasing Manager\n"
        "Phone: (614) 555-0158\nDue date: 3/9/2026\nPriority: High\n\n"
        "To view the task, click: https://crm.stratus-demo.example/00T5e000\n",
        "US",
        "en",
        "notification",
        "crm",
    ),
    _case(
        "none-37",
        "noreply@formsflow.example",
        "Formsflow",
        "New form submission on stratus-demo.example\n\nForm: Request a demo\n\n"
        "First name: Joe\nLast name: Bartlett\nCompany: Bartlett Plumbing & Heating\n"
        "Job title: Owner\nEmail: joe.bartlett.plumbing@gmail.com\nPhone: (608) 555-0143\n"
        "Country: United States\n\nView contact record\n\nFormsflow, Inc., 25 First Street, "
        "2nd Floor, Cambridge, MA 02141\n",
        "US",
        "en",
        "notification",
        "crm",
    ),
    _case(
        "none-38",
        "procurement-forum@lists.example",
        "Procurement Forum digest",
        "Today's topic summary\n\n-- 3 messages --\n\nRe: Supplier onboarding tools?\n"
        "Kemal Yilmaz <k.yilmaz@sued-metall.example>: Mar 03 09:12AM +0100\n\n"
        "We use a shared Excel plus SAP, not great.\n\nKemal Yilmaz\nKey Account Manager\n"
        "Süd-Metall Verarbeitung AG\nT: 0711 2233445\n\n"
        "Re: Supplier onboarding tools?\nFiona McAllister <fiona@glenmorven.example>: Mar 03 "
        "11:40AM Z\n\nWe moved to a portal last year; happy to share notes.\n\nFiona McAllister, "
        "Finance Director\nGlenmorven Distillers Ltd\n0131 496 0777\n\n"
        "You received this digest because you're subscribed to updates for this group. To "
        "unsubscribe, send an email to procurement-forum+unsubscribe@lists.example.\n",
        "DE",
        "UK",
        "en",
        "digest",
    ),
    _case(
        "none-39",
        "news@northstarfluid.example",
        "Northstar Fluid Power",
        _notice(
            "<b>Spring catalogue 2026 is here</b>",
            "New hydraulic cylinders, faster lead times and a 10% launch discount for trade "
            "customers until April 30.",
            '<a href="https://northstarfluid.example/catalogue">Download the catalogue</a>',
            footer="Northstar Fluid Power Inc. · 90 Queens Quay W, Suite 400 · Toronto, ON "
            "M5J 2N1 · 416-555-0100<br>You are receiving this because you opted in. "
            '<a href="https://northstarfluid.example/u">Unsubscribe</a>',
        ),
        "CA",
        "en",
        "newsletter",
        html=True,
    ),
    _case(
        "none-40",
        "webinars@kalisoft.example",
        "Kalisoft Événements",
        _notice(
            "Bonjour Alex,",
            "Votre inscription au webinaire « Automatiser ses relances commerciales » est "
            "confirmée. Rendez-vous le jeudi 19 mars à 11h00.",
            '<a href="https://kalisoft.example/webinar/join">Rejoindre le webinaire</a>',
            footer="Kalisoft SAS – 24 rue du Faubourg Saint-Antoine, 75012 Paris – "
            "01 84 12 34 56<br>Se désinscrire",
        ),
        "FR",
        "fr",
        "webinar",
        html=True,
    ),
    _case(
        "none-41",
        "MAILER-DAEMON@mx.stratus-demo.example",
        "Mail Delivery Subsystem",
        "Delivery to the following recipient failed permanently:\n\n"
        "     t.krueger@kruegerbau.example\n\nTechnical details of permanent failure:\n"
        "550 5.1.1 The email account that you tried to reach does not exist.\n\n"
        "----- Original message -----\n\nHallo Herr Krüger,\n\nanbei das Angebot.\n\n"
        + MY_SIG
        + "\n",
        "DE",
        "en",
        "bounce",
    ),
    _case(
        "none-42",
        "itsm@sakura-denki.example",
        "IT Service Management",
        "Incident INC0012345 has been resolved.\n\nShort description: Cannot log in to supplier "
        "portal\nResolution: Password reset completed.\n\nIf you feel the issue has not been "
        "resolved, reply to this email within 5 days to reopen it.\n\nSakura Denki Co., Ltd. "
        "IT Service Desk\nTEL: +81-3-1234-5600\n",
        "JP",
        "en",
        "ticket",
    ),
    _case(
        "none-43",
        "voicemail@phone.stratus-demo.example",
        "Voicemail",
        "You have a new voicemail from +1 (614) 555-0158 (Megan Doyle).\n\nDuration: 0:42\n"
        "Received: Mar 4, 2026 4:12 PM\n\nTranscript (preview): \"Hi Alex, it's Megan from "
        'Trellis, call me back when you get a second."\n\nListen in the phone app.\n',
        "US",
        "en",
        "notification",
        "voicemail",
    ),
    _case(
        "none-44",
        "fax@faxgate.example",
        "FaxGate",
        "Fax received from +49 211 5566779 (3 pages) on 04.03.2026 09:41.\n\n"
        "The fax is attached as a PDF.\n\nFaxGate Cloud · Kundenservice 0800 1234567\n",
        "DE",
        "en",
        "notification",
    ),
    _case(
        "none-45",
        "feedback@helpdeskly.example",
        "Lagan Hygiene Supplies",
        _notice(
            "Hi Alex,",
            "How would you rate the support you received on request #7781?",
            "Good, I'm satisfied · Bad, I'm unsatisfied",
            footer="Lagan Hygiene Supplies · 14 Duncrue Street, Belfast BT3 9AR · +44 28 9018 0100",
        ),
        "UK",
        "en",
        "survey",
        html=True,
    ),
    _case(
        "none-46",
        "noreply@teams.example",
        "Microsoft Teams",
        _notice(
            "<b>Ben Walsh</b> added you to the team <b>Outback Mining – Stratus rollout</b>.",
            '<a href="https://teams.example/l/team/19">Open Microsoft Teams</a>',
            footer="This email was sent from an unmonitored mailbox.<br>Microsoft Corporation, "
            "One Microsoft Way, Redmond, WA 98052",
        ),
        "AU",
        "en",
        "notification",
        html=True,
    ),
]

# -- No signature: people who did not sign --------------------------------------------------------
CASES += [
    _case(
        "none-47",
        "tom@reyescabinetry.example",
        "Tom Reyes",
        "Thanks!\n\nSent from my phone\n",
        "US",
        "en",
        "one-line",
        "mobile-footer",
    ),
    _case(
        "none-48",
        "harriet@brackenridgeprint.example",
        "Harriet Cole",
        "Sounds good.\n\nSent from my iPhone\n\n"
        + _wrote(ME, ME_ADDR, "4 Mar 2026, at 16:05")
        + _q(
            "Hi Harriet,\n\nI'll send the contract over this afternoon.\n\n"
            + MY_SIG
            + "\n\nOn 4 Mar 2026, at 11:20, Harriet Cole <harriet@brackenridgeprint.example> "
            "wrote:\n\nHi Alex, ready when you are.\n\nHarriet Cole\nCommercial Director\n"
            "Brackenridge Print\nMob: 07412 345678"
        ),
        "UK",
        "en",
        "reply",
        "mobile-footer",
        "own-quoted",
    ),
    _case(
        "none-49",
        "olivier.fontaine@groupe-axial.example",
        "Olivier Fontaine",
        "\n\n-------- Message transféré --------\nDe : Claire Vidal <c.vidal@groupe-axial.example>"
        "\nDate : lundi 2 mars 2026 à 14:10\nObjet : Planning CRM\nÀ : Olivier Fontaine "
        "<olivier.fontaine@groupe-axial.example>\n\nBonjour Olivier,\n\nVoici le planning "
        "proposé pour le déploiement.\n\nClaire Vidal\nChef de projet\nGroupe Axial\n"
        "06 45 67 89 01\n",
        "FR",
        "fr",
        "forward",
    ),
    _case(
        "none-50",
        "n.okonjo@aldgatecap.example",
        "Nkechi Okonjo",
        "FYI – see below.\n\n"
        + _fwd("Henry Marsh", "h.marsh@aldgatecap.example", "Vendor review")
        + "Nkechi, please make sure Stratus is on the vendor review list for Q2.\n\n"
        "Henry Marsh\nChief Operating Officer\nAldgate Capital Partners\n"
        "1 Minories, London EC3N 1AX\nT: 020 7946 0910\n",
        "UK",
        "en",
        "forward",
    ),
    _case(
        "none-51",
        "jwhitfield@keystonefreight.example",
        "Jason Whitfield",
        "Works for me.\n\n—J\n",
        "US",
        "en",
        "short-sign-off",
    ),
    _case(
        "none-52",
        "ngreer@northstarfluid.example",
        "Nathan Greer",
        "Alex, answers inline below.\n\n"
        + _wrote(ME, ME_ADDR)
        + "> How many users will need access in phase one?\n\n40, maybe 45.\n\n"
        "> Do you need the Québec site included?\n\nNot until phase two.\n\n"
        "> " + MY_SIG.replace("\n", "\n> ") + "\n",
        "CA",
        "en",
        "reply",
        "inline",
    ),
    _case(
        "none-53",
        "l.fischer@fischer-feinkost.example",
        "Laura Fischer",
        "Passt!\n\nVon meinem iPhone gesendet\n",
        "DE",
        "de",
        "one-line",
        "mobile-footer",
    ),
    _case(
        "none-54",
        "e.petit@biscuiterie-nantaise.example",
        "Émilie Petit",
        _apple(
            "Ok pour moi 👍<br><br>Envoyé de mon iPhone",
            quote="Bonjour Émilie,<br><br>Je vous propose jeudi 10h.<br><br>" + _br(MY_SIG),
            quoted_from=f"{ME} &lt;{ME_ADDR}&gt;",
        ),
        "FR",
        "fr",
        "apple",
        "reply",
        "mobile-footer",
        html=True,
    ),
    _case(
        "none-55",
        "mick@tasmanjoinery.example",
        "Mick Harris",
        "Cheers\nM\n\n"
        + _outlook("Alex Moreno", ME_ADDR, "Quote")
        + "Hi Mick,\n\nQuote attached, valid for 30 days.\n\n"
        + MY_SIG
        + "\n",
        "AU",
        "en",
        "reply",
        "short-sign-off",
    ),
]
