"""The THIRD BLIND signature set: written by hand without reading the parser, its tests or the
cases of the first two blind sets (blind.py, blind2.py), by a third hand, so that it measures
whether the parser generalises to mail its authors have not imagined (docs/records.md, "The
blind sets"). It leans to industries the other sets touch little: manufacturing, healthcare,
logistics, the public sector, law firms, universities and agencies; and to hard but real mail:
two people signing one message, an assistant signing for a manager, a signature only in the
middle of a forwarded chain, "—J" sign-offs, "Main" and "Switchboard" numbers, vanity numbers,
free-mail senders whose numbers carry no country code.

Labels: what a careful reader would type into the Lead form for the SENDER (the From header)
from the newest message's signature, as written there.

- Phones in E.164 without extensions. Mobile and fax by their label, wherever it stands (before
  or after the number, any language: M, Mob., Mobile, Cell, (c), Handy, Mobil, Portable, Cell.,
  GSM, Móvil, Cel., Fax, F, Telefax, Télécopieur). Any other number is the phone; when a block
  gives both a direct line and a main / switchboard / reception number, the direct line is the
  phone (that is the person's), otherwise the main number is. A pager, TTY or a colleague's
  number is no field. A vanity number ("1-800-PIPE-FIX") is labelled with its digits. A number
  written without a country code is labelled in the country the signature's address, language
  or written form makes evident (a US "(860) 555-0193" from a Gmail sender is +1).
- Names without honorifics or post-nominals (Dr., Prof., Me, Maître, Esq., MD, PhD, FRSE);
  "i. A." and "ppa." before a German name are not part of it; a name written in capitals (or a
  French "DUPONT Jean") is labelled as the From header spells it. When two people sign, only the
  sender's block is labelled; when an assistant signs, the assistant (the sender) is the person
  and the manager is no field; when an assistant writes for the sender ("Pour Maître X, son
  assistante"), the sender named there is the person and the assistant is no field.
- Title and company as written; "Title, Company", "Title at Company" and "Title | Company" are
  split; a department line between them ("College of Engineering") is neither; a bilingual title
  or company line is labelled whole as written. A company shown only as a logo, or a name shown
  only as an image, is labelled from the image's alt text (what a reader sees with images
  blocked); the text's form wins when it writes them too.
- Street as written on its line (unit, suite, level or floor included when on that line); city
  without "Cedex" or a Québec "(Québec)"; state or province as written; a country only when the
  text names it. A registered-office address in a legal footer is not the sender's address.
- Email, website and LinkedIn only when the signature writes them as visible text.
- An email whose newest message has no signature expects nothing: invites, out-of-office and
  automatic replies, newsletters and marketing footers (the company address is not a
  signature), notifications, bounces, bare sign-offs ("—J", "Thanks!\\nSent from my phone"),
  and forwards or replies whose only signatures are in the quoted or forwarded part.

Nobody tunes the parser on these: a miss here is a finding, not a case to edit.
"""

# Real signatures write en dashes and typographic apostrophes (U+2013, U+2019: "Unit 110 - 13511
# Crestwood Place", "O'Connor" as some clients send them); they are part of what the parser must
# read, so the cases keep them as written.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import Any

ME = "Robin Hale"
ME_ADDR = "robin.hale@stratus-demo.example"
MY_SIG = (
    "Robin Hale\nEnterprise Account Executive\nStratus Demo Inc.\n+1 (415) 555-0110\n"
    "robin.hale@stratus-demo.example\n"
)


def _case(
    ident: str, sender: str, name: str | None, body: str, *tags: str, html: bool = False, **exp: str
) -> dict[str, Any]:
    case: dict[str, Any] = {
        "id": f"blind3-{ident}",
        "from": {"email": sender, **({"name": name} if name else {})},
        "expected": exp,
        "tags": list(tags),
    }
    case["html" if html else "text"] = body
    return case


def _quoted(text: str) -> str:
    """Plain-text quoting: every line of the message replied to behind "> "."""
    return "".join(f"> {line}\n" if line else ">\n" for line in text.splitlines())


def _wrote(who: str, address: str, when: str = "Mon, Feb 9, 2026 at 10:02 AM") -> str:
    """Gmail's and most clients' attribution line above a bottom quote."""
    return f"On {when} {who} <{address}> wrote:\n"


def _orig(who: str, address: str, subject: str, kind: str = "Original Message") -> str:
    """Outlook's plain-text header of the message replied to or forwarded."""
    return (
        f"\n-----{kind}-----\nFrom: {who} <{address}>\nSent: Friday, February 6, 2026 3:47 PM\n"
        f"To: {ME} <{ME_ADDR}>\nSubject: {subject}\n\n"
    )


def _br(text: str) -> str:
    return "<br>".join(text.strip("\n").splitlines())


def _owa(body: str, *lines: str, reply_from: str = "", quote: str = "") -> str:
    """New Outlook / Outlook on the web: the signature in div#Signature, the message replied to
    under div#divRplyFwdMsg."""
    sig = "".join(f"<div>{x}</div>" for x in lines)
    out = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        '<body><div class="elementToProof" style="font-family:Aptos,Calibri,sans-serif;'
        f'font-size:11pt">{body}</div><div class="elementToProof"><br></div>'
    )
    if lines:
        out += f'<div id="Signature"><div style="font-size:10pt">{sig}</div></div>'
    if reply_from:
        out += (
            '<div id="appendonsend"></div><hr style="display:inline-block;width:98%">'
            f'<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> {reply_from}<br><b>Sent:</b> '
            f"Friday, February 6, 2026 3:47 PM<br><b>To:</b> {ME} &lt;{ME_ADDR}&gt;<br>"
            f"<b>Subject:</b> RE: Proposal</div><div>{quote}</div>"
        )
    return out + "</body></html>"


def _mso(body: str, *lines: str, reply_from: str = "", quote: str = "") -> str:
    """Classic Outlook for Windows: MsoNormal paragraphs, the header of the message replied to
    in a bordered div."""
    sig = "".join(
        f'<p class="MsoNormal"><span style="font-size:9.0pt;font-family:&quot;Arial&quot;,'
        f'sans-serif;color:#1F3864">{x}<o:p></o:p></span></p>'
        for x in lines
    )
    out = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang="EN-GB" '
        'link="#0563C1"><div class="WordSection1">'
        f'<p class="MsoNormal">{body}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        f"{sig}"
    )
    if reply_from:
        out += (
            '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div><div style="border:none;'
            'border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal">'
            f"<b>From:</b> {reply_from}<br><b>Sent:</b> 06 February 2026 15:47<br><b>To:</b> "
            f"{ME} &lt;{ME_ADDR}&gt;<br><b>Subject:</b> RE: Proposal</p></div></div>"
            f'<p class="MsoNormal">{quote}</p>'
        )
    return out + "</div></body></html>"


def _gmail(body: str, *lines: str, quote_from: str = "", quote: str = "") -> str:
    """Gmail: the signature in div.gmail_signature, a reply's history in div.gmail_quote."""
    sig = "<br>".join(lines)
    out = f'<div dir="ltr"><div>{body}</div><div><br></div>'
    if lines:
        out += (
            '<span class="gmail_signature_prefix">-- </span><br><div dir="ltr" '
            f'class="gmail_signature" data-smartmail="gmail_signature">{sig}</div>'
        )
    out += "</div>"
    if quote_from:
        out += (
            '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" '
            f'class="gmail_attr">On Thu, Feb 5, 2026 at 4:31\u202fPM {quote_from} wrote:<br>'
            '</div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{quote}</blockquote></div>'
        )
    return out


def _apple(body: str, *lines: str, quote_from: str = "", quote: str = "") -> str:
    """Apple Mail (macOS and iOS): divs, the history in blockquote type=cite."""
    sig = "".join(f"<div>{x}</div>" for x in lines)
    out = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        f'<body dir="auto"><div>{body}</div><div><br></div>{sig}'
    )
    if quote_from:
        out += (
            f'<div><br><blockquote type="cite">On 5 Feb 2026, at 16:31, {quote_from} wrote:'
            f"<br><br>{quote}</blockquote></div>"
        )
    return out + "</body></html>"


def _table(body: str, logo_alt: str, *rows: str, footer: str = "") -> str:
    """A generated signature (HubSpot, Exclaimer, CodeTwo style): a two-column table, a logo
    image on the left, the lines on the right."""
    cells = "".join(f'<tr><td style="padding:0;font-size:12px">{r}</td></tr>' for r in rows)
    return (
        f'<html><body><div style="font-family:Arial">{body}</div><br>'
        '<table cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tbody><tr>'
        '<td style="padding-right:12px;border-right:2px solid #0A6E5C;vertical-align:top">'
        f'<img src="https://cdn.example/logo.png" width="96" alt="{logo_alt}"></td>'
        f'<td style="padding-left:12px"><table cellpadding="0" cellspacing="0"><tbody>{cells}'
        "</tbody></table></td></tr></tbody></table>"
        f"{f'<p style=font-size:9px;color:#888>{footer}</p>' if footer else ''}</body></html>"
    )


def _icon(alt: str) -> str:
    return f'<img src="https://cdn.example/i/{alt.lower()}.png" width="12" alt="{alt}"> '


CASES: list[dict[str, Any]] = []

# -- United States ---------------------------------------------------------------------------
CASES += [
    _case(
        "us-001",
        "gkowalski@midwestprecision.example",
        "Gary Kowalski",
        "Robin,\n\nWe can take 4,000 units in Q3 if the tooling change is done by June. Can you "
        "confirm lead time on the fixtures?\n\nRegards,\n\nGary Kowalski\nPlant Manager\n"
        "Midwest Precision Castings, Inc.\n1800 Industrial Pkwy\nToledo, OH 43607\n"
        "Main: 419-555-0100 | Direct: 419-555-0137\nCell: 419-555-0188\n",
        "US",
        "en",
        "plain",
        "manufacturing",
        "main-and-direct",
        first_name="Gary",
        last_name="Kowalski",
        title="Plant Manager",
        company="Midwest Precision Castings, Inc.",
        street="1800 Industrial Pkwy",
        city="Toledo",
        state="OH",
        postal_code="43607",
        phone="+14195550137",
        mobile="+14195550188",
    ),
    _case(
        "us-002",
        "awhitfield@stbrendanhealth.example",
        "Whitfield, Angela",
        _mso(
            "Robin,<br><br>Our CMIO council reviewed the interface spec. We need the HL7 feed "
            "mapping before we can sign off. Can your team send it by the 20th?<br><br>Thank you,",
            "<b>Angela Whitfield, MD, MBA</b>",
            "Chief Medical Information Officer",
            "St. Brendan Health System",
            "400 Lakeview Ave, Suite 1200",
            "Milwaukee, WI 53202",
            "Office 414.555.0161 | Fax 414.555.0162",
            "&nbsp;",
            "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the "
            "sole use of the intended recipient(s) and may contain protected health information "
            "(PHI) that is privileged and confidential under HIPAA. Any unauthorized review, use, "
            "disclosure or distribution is prohibited. If you are not the intended recipient, "
            "please contact the sender by reply e-mail and destroy all copies.",
        ),
        "US",
        "en",
        "html",
        "outlook",
        "healthcare",
        "disclaimer",
        "from-last-first",
        html=True,
        first_name="Angela",
        last_name="Whitfield",
        title="Chief Medical Information Officer",
        company="St. Brendan Health System",
        street="400 Lakeview Ave, Suite 1200",
        city="Milwaukee",
        state="WI",
        postal_code="53202",
        phone="+14145550161",
        fax="+14145550162",
    ),
    _case(
        "us-003",
        "tony.alvarez@lonestarfreight.example",
        "Tony Alvarez",
        "Trailer 5531 is loaded, driver ETA to your DC is 06:30 tomorrow.\n\n"
        "Tony Alvarez / Dispatch Supervisor / Lone Star Freightways\n"
        "214-555-0119 (o) / 469-555-0170 (c)\n",
        "US",
        "en",
        "plain",
        "logistics",
        "slashes",
        "label-after",
        first_name="Tony",
        last_name="Alvarez",
        title="Dispatch Supervisor",
        company="Lone Star Freightways",
        phone="+12145550119",
        mobile="+14695550170",
    ),
    _case(
        "us-004",
        "dharper@larchcounty.example",
        "Denise Harper",
        "Good morning,\n\nThe RFP addendum is posted. Questions are due by 2:00 PM PT on "
        "February 27.\n\nDenise Harper\nProcurement Officer II\nLarch County Public Works\n"
        "2100 Courthouse Square, Room 212\nOlympia, WA 98501\nPhone: (360) 555-0143\n"
        "Email: dharper@larchcounty.example\n\n"
        "This e-mail may be a public record and subject to disclosure under the Public Records "
        "Act (RCW 42.56).\n",
        "US",
        "en",
        "plain",
        "public-sector",
        "disclaimer",
        first_name="Denise",
        last_name="Harper",
        title="Procurement Officer II",
        company="Larch County Public Works",
        street="2100 Courthouse Square, Room 212",
        city="Olympia",
        state="WA",
        postal_code="98501",
        phone="+13605550143",
        email="dharper@larchcounty.example",
    ),
    _case(
        "us-005",
        "lpark@hollisreed.example",
        "Linda Park",
        "Good afternoon,\n\nOn behalf of Mr. Hollis, please find attached the executed NDA. He "
        "is available for a call on Thursday after 3 PM ET.\n\nBest regards,\n\nLinda Park\n"
        "Legal Assistant\nAssisting Charles W. Hollis, Partner\nHollis Reed & Marsh LLP\n"
        "1251 Avenue of the Americas, 34th Floor\nNew York, NY 10020\nT: 212.555.0176\n\n"
        "This message is from a law firm and may contain information that is privileged or "
        "confidential. If you received this transmission in error, please notify the sender "
        "by reply e-mail and delete the message and any attachments.\n",
        "US",
        "en",
        "plain",
        "law",
        "assistant",
        "disclaimer",
        first_name="Linda",
        last_name="Park",
        title="Legal Assistant",
        company="Hollis Reed & Marsh LLP",
        street="1251 Avenue of the Americas, 34th Floor",
        city="New York",
        state="NY",
        postal_code="10020",
        phone="+12125550176",
    ),
    _case(
        "us-006",
        "msantosrivera@marlowstate.example",
        "Miguel Santos-Rivera",
        "Dear Robin,\n\nThank you for the demo. I have shared the quote with our sponsored "
        "programs office; they will reach out about the PO.\n\nBest,\nMiguel\n\n--\n"
        "Prof. Miguel Santos-Rivera, Ph.D.\nAssociate Dean for Research\n"
        "College of Engineering\nMarlow State University\n"
        "1 University Drive\nMarlow, MI 48901\n(517) 555-0128\n",
        "US",
        "en",
        "plain",
        "university",
        "thunderbird",
        "compound-last",
        first_name="Miguel",
        last_name="Santos-Rivera",
        title="Associate Dean for Research",
        company="Marlow State University",
        street="1 University Drive",
        city="Marlow",
        state="MI",
        postal_code="48901",
        phone="+15175550128",
    ),
    _case(
        "us-007",
        "brooke@fieldhousecreative.example",
        "Brooke Tanaka",
        _gmail(
            "Hi Robin — love it. Let's do the kickoff on the 3rd. I'll send a hold.",
            "<b>Brooke Tanaka</b>",
            "Group Account Director",
            "Fieldhouse Creative",
            '<a href="https://fieldhousecreative.example">fieldhousecreative.example</a>',
            "(503) 555-0125",
            '<a href="https://instagram.com/fieldhouse">Instagram</a> | '
            '<a href="https://www.linkedin.com/company/fieldhouse">LinkedIn</a> | '
            '<a href="https://dribbble.com/fieldhouse">Dribbble</a>',
        ),
        "US",
        "en",
        "html",
        "gmail",
        "agency",
        "social-links",
        html=True,
        first_name="Brooke",
        last_name="Tanaka",
        title="Group Account Director",
        company="Fieldhouse Creative",
        website="fieldhousecreative.example",
        phone="+15035550125",
    ),
    _case(
        "us-008",
        "sal@benedettoplumbing.example",
        "Sal Benedetto",
        "Robin - we'd want 6 tablets for the trucks. Call me.\n\nSal Benedetto\n"
        "Owner, Benedetto Plumbing & Heating\n1-800-PIPE-FIX (1-800-747-3349)\n"
        "Licensed & Insured - NJ Master Plumber Lic. #36BI00412300\n",
        "US",
        "en",
        "plain",
        "vanity",
        "title-comma-company",
        first_name="Sal",
        last_name="Benedetto",
        title="Owner",
        company="Benedetto Plumbing & Heating",
        phone="+18007473349",
    ),
    _case(
        "us-009",
        "dispatch@gohauls.example",
        "Rhonda Meeks",
        "Hi Robin,\n\nWe'd like pricing for 40 driver seats.\n\nThanks,\nRhonda Meeks\n"
        "Fleet Administrator\nGo Hauls Moving & Storage\nCall 1-888-GO-HAULS\n",
        "US",
        "en",
        "plain",
        "vanity",
        "logistics",
        first_name="Rhonda",
        last_name="Meeks",
        title="Fleet Administrator",
        company="Go Hauls Moving & Storage",
        phone="+18884642857",
    ),
    _case(
        "us-010",
        "dave.ruggiero62@gmail.com",
        "Dave Ruggiero",
        "Hi, saw your ad. We're a 12 person crew, would the small business plan work for us?\n\n"
        "Dave Ruggiero\nRuggiero Landscaping\n(860) 555-0193\n",
        "US",
        "en",
        "plain",
        "free-mail",
        "no-country-hint",
        first_name="Dave",
        last_name="Ruggiero",
        company="Ruggiero Landscaping",
        phone="+18605550193",
    ),
    _case(
        "us-011",
        "tom.becker@anchorpointdist.example",
        "Tom Becker",
        "Robin — Priya and I are both fine with the revised SOW. Please send the DocuSign to "
        "both of us.\n\nBest,\nPriya & Tom\n\nPriya Raman\nVP, Supply Chain\n"
        "Anchor Point Distribution\np: 901-555-0148\n\nTom Becker\n"
        "Director of Transportation\nAnchor Point Distribution\np: 901-555-0152\n"
        "m: 901-555-0173\n",
        "US",
        "en",
        "plain",
        "two-signers",
        "logistics",
        first_name="Tom",
        last_name="Becker",
        title="Director of Transportation",
        company="Anchor Point Distribution",
        phone="+19015550152",
        mobile="+19015550173",
    ),
    _case(
        "us-012",
        "priya.raman@anchorpointdist.example",
        "Priya Raman",
        "Adding Tom. Tom, can you confirm the dock hours?\n\nPriya Raman | VP, Supply Chain | "
        "Anchor Point Distribution\np: 901-555-0148 | 4400 Lamar Ave, Memphis, TN 38118\n\n"
        + _wrote(ME, ME_ADDR)
        + _quoted("Hi Priya,\n\nWhat are the receiving hours at the Memphis DC?\n\n" + MY_SIG),
        "US",
        "en",
        "plain",
        "reply",
        "bottom-quote",
        "pipes",
        first_name="Priya",
        last_name="Raman",
        title="VP, Supply Chain",
        company="Anchor Point Distribution",
        phone="+19015550148",
        street="4400 Lamar Ave",
        city="Memphis",
        state="TN",
        postal_code="38118",
    ),
    _case(
        "us-013",
        "janet.okafor@riverbendmed.example",
        "Janet Okafor",
        "Robin,\n\nAnswers inline.\n\n"
        + _wrote(ME, ME_ADDR, "Tue, Feb 10, 2026 at 9:40 AM")
        + "> 1. Can you work with net-60 terms?\n\nYes, with a PO on file.\n\n"
        "> 2. Who signs for Riverbend?\n\nOur CFO, Dr. Alan Pruitt.\n\n"
        "> 3. Do you need a W-9 from us?\n\nYes please.\n\n"
        "Janet Okafor\nAccounts Payable Lead\nRiverbend Medical Group\n"
        "(317) 555-0139 ext. 4402\n",
        "US",
        "en",
        "plain",
        "reply",
        "inline",
        "healthcare",
        "extension",
        first_name="Janet",
        last_name="Okafor",
        title="Accounts Payable Lead",
        company="Riverbend Medical Group",
        phone="+13175550139",
    ),
    _case(
        "us-014",
        "kdoyle@hearthhomesupply.example",
        "Kristen Doyle",
        "Yes - go ahead and ship the samples to the Nashville office.\n\nKristen Doyle\n"
        "Sr. Buyer, Hearth & Home Supply Co.\nM 615.555.0147\n\nSent from my iPhone\n\n"
        + _wrote(ME, ME_ADDR, "Feb 9, 2026, at 4:05 PM")
        + _quoted("Kristen, shall we ship the samples to Nashville or Atlanta?\n\n" + MY_SIG),
        "US",
        "en",
        "plain",
        "reply",
        "mobile-footer",
        "title-comma-company",
        first_name="Kristen",
        last_name="Doyle",
        title="Sr. Buyer",
        company="Hearth & Home Supply Co.",
        mobile="+16155550147",
    ),
    _case(
        "us-015",
        "marcus.bell@bellsonsmech.example",
        "Marcus Bell",
        "ROBIN,\n\nBID PACKAGE ATTACHED. NEED NUMBERS BY FRIDAY.\n\nMARCUS BELL\n"
        "SENIOR ESTIMATOR\nBELL & SONS MECHANICAL\nOFFICE (405) 555-0166\nCELL (405) 555-0129\n"
        "FAX (405) 555-0167\n",
        "US",
        "en",
        "plain",
        "all-caps",
        "manufacturing",
        first_name="Marcus",
        last_name="Bell",
        title="SENIOR ESTIMATOR",
        company="BELL & SONS MECHANICAL",
        phone="+14055550166",
        mobile="+14055550129",
        fax="+14055550167",
    ),
    _case(
        "us-016",
        "jwhitaker@tristateelectric.example",
        "Whitaker, James",
        _owa(
            "Robin,<br><br>Procurement approved 25 seats. Contract to legal@tristateelectric."
            "example please.",
            "James Whitaker",
            "Director, Field Operations",
            "Tri-State Electric Cooperative",
            "T 570.555.0114&nbsp; |&nbsp; M 570.555.0181",
            '<a href="https://tristateelectric.example">tristateelectric.example</a>',
            reply_from=f"{ME} &lt;{ME_ADDR}&gt;",
            quote=_br("James, following up on the seat count.\n\n" + MY_SIG),
        ),
        "US",
        "en",
        "html",
        "owa",
        "reply",
        "from-last-first",
        html=True,
        first_name="James",
        last_name="Whitaker",
        title="Director, Field Operations",
        company="Tri-State Electric Cooperative",
        phone="+15705550114",
        mobile="+15705550181",
        website="tristateelectric.example",
    ),
    _case(
        "us-017",
        "h.ostrowski@pinecrestregional.example",
        "Helen Ostrowski",
        "Robin,\n\nI can't take calls today (on shift) but email works.\n\nHelen Ostrowski, RN, "
        "MSN\nNurse Manager\n4 West Medical-Surgical Unit\nPinecrest Regional Medical Center\n"
        "Office: 608-555-0191\nPager: 608-555-0197\nVocera: ext. 4410\n",
        "US",
        "en",
        "plain",
        "healthcare",
        "pager",
        first_name="Helen",
        last_name="Ostrowski",
        title="Nurse Manager",
        company="Pinecrest Regional Medical Center",
        phone="+16085550191",
    ),
    _case(
        "us-018",
        "ckim@statecapitolgov.example",
        "Christine Kim",
        _mso(
            "Robin,<br><br>The state's cooperative contract covers your product under category 43."
            " Please register as a vendor first.",
            "Christine Kim",
            "Contract Specialist",
            "Oregon Department of Administration",
            "Office of State Procurement",
            "155 Cottage St NE, Salem, OR 97301",
            "Main: 503-555-0100&nbsp;&nbsp; Direct: 503-555-0158",
        ),
        "US",
        "en",
        "html",
        "outlook",
        "public-sector",
        "main-and-direct",
        html=True,
        first_name="Christine",
        last_name="Kim",
        title="Contract Specialist",
        company="Oregon Department of Administration",
        street="155 Cottage St NE",
        city="Salem",
        state="OR",
        postal_code="97301",
        phone="+15035550158",
    ),
    _case(
        "us-019",
        "ewalsh@brightwaterlabs.example",
        "Erin Walsh",
        _table(
            "Hi Robin,<br><br>Circling back on the renewal; our fiscal year ends March 31.",
            "Brightwater Labs",
            '<b style="font-size:14px;color:#0A6E5C">Erin Walsh</b>',
            "Senior Director, Revenue Operations",
            "Brightwater Labs",
            _icon("phone") + "+1 (919) 555-0183",
            _icon("mobile") + "+1 (919) 555-0102",
            _icon("web") + '<a href="https://brightwaterlabs.example">brightwaterlabs.example</a>',
            '<a href="https://meetings.hubspot.com/ewalsh">Book a meeting</a>',
        ),
        "US",
        "en",
        "html",
        "table",
        "hubspot",
        "icons",
        html=True,
        first_name="Erin",
        last_name="Walsh",
        title="Senior Director, Revenue Operations",
        company="Brightwater Labs",
        phone="+19195550183",
        mobile="+19195550102",
        website="brightwaterlabs.example",
    ),
    _case(
        "us-020",
        "nate@coppercanyonmfg.example",
        "Nate Sorensen",
        "Got it, thanks Robin. Talk Monday.\n\n-Nate\n\nNate Sorensen • Operations Manager • "
        "Copper Canyon Manufacturing\n801.555.0132 office • 801.555.0177 mobile\n"
        "2250 S 3270 W, West Valley City, UT 84119\n",
        "US",
        "en",
        "plain",
        "dots",
        "label-after",
        "manufacturing",
        first_name="Nate",
        last_name="Sorensen",
        title="Operations Manager",
        company="Copper Canyon Manufacturing",
        phone="+18015550132",
        mobile="+18015550177",
        street="2250 S 3270 W",
        city="West Valley City",
        state="UT",
        postal_code="84119",
    ),
    _case(
        "us-021",
        "rgreenberg@greenbergfoxlaw.example",
        "Rachel Greenberg",
        _apple(
            "Robin,<br><br>Our managing partner would like to see the e-discovery add-on. "
            "Could you do Tuesday at 11?",
            "<b>Rachel Greenberg</b>",
            "Director of Legal Technology",
            "Greenberg Fox Weinstein LLP",
            "Two Liberty Place, 50 S. 16th Street, Suite 3200",
            "Philadelphia, Pennsylvania 19102",
            "Tel. 215.555.0108",
            "rgreenberg@greenbergfoxlaw.example",
        ),
        "US",
        "en",
        "html",
        "apple",
        "law",
        "full-state",
        html=True,
        first_name="Rachel",
        last_name="Greenberg",
        title="Director of Legal Technology",
        company="Greenberg Fox Weinstein LLP",
        street="Two Liberty Place, 50 S. 16th Street, Suite 3200",
        city="Philadelphia",
        state="Pennsylvania",
        postal_code="19102",
        phone="+12155550108",
        email="rgreenberg@greenbergfoxlaw.example",
    ),
    _case(
        "us-022",
        "megan.oconnell@harborviewbh.example",
        "Megan O'Connell",
        "Hi Robin,\n\nBelow is the forwarded note from our IT director; I'm the contact for "
        "contracting going forward.\n\nMegan O'Connell\nContracts Administrator\n"
        "Harborview Behavioral Health\n(206) 555-0171\n"
        + _orig(
            "Curtis Lang", "clang@harborviewbh.example", "FW: Stratus pricing", "Forwarded Message"
        )
        + "Megan, can you take this one over?\n\nCurtis Lang\nDirector of IT\n"
        "Harborview Behavioral Health\n(206) 555-0170\n",
        "US",
        "en",
        "plain",
        "forward",
        "healthcare",
        first_name="Megan",
        last_name="O'Connell",
        title="Contracts Administrator",
        company="Harborview Behavioral Health",
        phone="+12065550171",
    ),
    _case(
        "us-023",
        "lkeller@summitagency.example",
        "Lauren Keller",
        "Robin,\n\nI'm writing for Greg Summit, who is traveling. He asked me to confirm the "
        "Wednesday 10am call and send the attendee list (below).\n\n- Greg Summit, CEO\n"
        "- Dana Yu, CFO\n\nThank you,\n\nLauren Keller\nExecutive Assistant to the CEO\n"
        "Summit Agency Group\n3 Park Plaza, Suite 1100, Boston, MA 02116\n"
        "617-555-0135 (direct) | 617-555-0100 (main)\n",
        "US",
        "en",
        "plain",
        "assistant",
        "agency",
        "label-after",
        first_name="Lauren",
        last_name="Keller",
        title="Executive Assistant to the CEO",
        company="Summit Agency Group",
        street="3 Park Plaza, Suite 1100",
        city="Boston",
        state="MA",
        postal_code="02116",
        phone="+16175550135",
    ),
    _case(
        "us-024",
        "bill.tran@coastlinecoldchain.example",
        "Bill Tran",
        "Robin, pricing looks fine. I'll get the PO going.\n\nBill Tran\nCoastline Cold Chain "
        "Logistics | Director of Warehousing\n1500 Harbor Way South, Richmond, CA 94804\n"
        "Direct 510-555-0146 · Main 510-555-0100 · Fax 510-555-0101\n",
        "US",
        "en",
        "plain",
        "logistics",
        "company-before-title",
        "main-and-direct",
        first_name="Bill",
        last_name="Tran",
        title="Director of Warehousing",
        company="Coastline Cold Chain Logistics",
        street="1500 Harbor Way South",
        city="Richmond",
        state="CA",
        postal_code="94804",
        phone="+15105550146",
        fax="+15105550101",
    ),
    _case(
        "us-025",
        "jmorrow@ozarkschools.example",
        "Jennifer Morrow",
        "Hello Robin,\n\nThe school board meets on the 24th; I'll present the proposal there.\n\n"
        "Sincerely,\n\nJennifer Morrow, Ed.D.\nAssistant Superintendent for Operations\n"
        "Ozark Valley School District\n900 W. Mount Vernon St.\nNixa, Missouri 65714\n"
        "(417) 555-0175 | Fax (417) 555-0176\n\n"
        "Ozark Valley School District does not discriminate on the basis of race, color, "
        "national origin, sex, disability or age in its programs and activities.\n",
        "US",
        "en",
        "plain",
        "public-sector",
        "disclaimer",
        "full-state",
        first_name="Jennifer",
        last_name="Morrow",
        title="Assistant Superintendent for Operations",
        company="Ozark Valley School District",
        street="900 W. Mount Vernon St.",
        city="Nixa",
        state="Missouri",
        postal_code="65714",
        phone="+14175550175",
        fax="+14175550176",
    ),
    _case(
        "us-026",
        "vshah@keystonebiologics.example",
        "Vikram Shah",
        _gmail(
            "Robin - below is our redline. Legal flagged §7.2 (indemnity).",
            "Vikram Shah, PhD",
            "Head of Quality Systems | Keystone Biologics",
            "M: +1 484-555-0163",
            '<a href="https://www.linkedin.com/in/vikramshah-qa">linkedin.com/in/vikramshah-qa</a>',
            quote_from=f"{ME} &lt;{ME_ADDR}&gt;",
            quote=_br("Vikram, attached is our MSA for review.\n\n" + MY_SIG),
        ),
        "US",
        "en",
        "html",
        "gmail",
        "reply",
        "healthcare",
        "linkedin",
        html=True,
        first_name="Vikram",
        last_name="Shah",
        title="Head of Quality Systems",
        company="Keystone Biologics",
        mobile="+14845550163",
        linkedin="linkedin.com/in/vikramshah-qa",
    ),
    _case(
        "us-027",
        "ap@deltaforge.example",
        "Delta Forge Accounts Payable",
        "Hello,\n\nPlease send invoices to this mailbox as PDF. We do not accept paper.\n\n"
        "Thank you,\nMaria Lopez\nAccounts Payable Specialist\nDelta Forge Industries\n"
        "Phone 662-555-0124\n",
        "US",
        "en",
        "plain",
        "shared-mailbox",
        "manufacturing",
        first_name="Maria",
        last_name="Lopez",
        title="Accounts Payable Specialist",
        company="Delta Forge Industries",
        phone="+16625550124",
    ),
    _case(
        "us-028",
        "k.nguyen@gmail.com",
        "Kim Nguyen",
        "Thanks Robin! I'm consulting for a couple of clinics now, happy to intro you.\n\nKim\n"
        "Kim Nguyen, PharmD\nHealthcare IT Consultant\n713.555.0152\n",
        "US",
        "en",
        "plain",
        "free-mail",
        "no-country-hint",
        first_name="Kim",
        last_name="Nguyen",
        title="Healthcare IT Consultant",
        phone="+17135550152",
    ),
]

# -- United Kingdom --------------------------------------------------------------------------
CASES += [
    _case(
        "uk-001",
        "e.whitcombe@ashbycrane.example",
        "Eleanor Whitcombe",
        "Dear Robin\n\nThank you for the revised order form. Our comments on clause 9 are in the "
        "attached.\n\nKind regards\n\nEleanor Whitcombe\nSenior Associate\nAshby Crane LLP\n"
        "12 St Paul's Churchyard, London EC4M 8AY\nDirect: +44 (0)20 7946 0321\n"
        "Switchboard: +44 (0)20 7946 0000\nwww.ashbycrane.example\n\n"
        "Ashby Crane LLP is a limited liability partnership registered in England and Wales "
        "with registered number OC412345 and is authorised and regulated by the Solicitors "
        "Regulation Authority (SRA number 612345). A list of members is available at our "
        "registered office, 12 St Paul's Churchyard, London EC4M 8AY. This email is "
        "confidential and may be legally privileged.\n",
        "UK",
        "en",
        "plain",
        "law",
        "switchboard",
        "disclaimer",
        first_name="Eleanor",
        last_name="Whitcombe",
        title="Senior Associate",
        company="Ashby Crane LLP",
        street="12 St Paul's Churchyard",
        city="London",
        postal_code="EC4M 8AY",
        phone="+442079460321",
        website="www.ashbycrane.example",
    ),
    _case(
        "uk-002",
        "priya.chaudhry@wessexvalley.nhs.example",
        "CHAUDHRY, Priya (WESSEX VALLEY NHS FOUNDATION TRUST)",
        _mso(
            "Hi Robin,<br><br>I'm happy to join the reference call for the other trust. "
            "Please liaise with my secretary for a slot.",
            "Dr Priya Chaudhry MBBS FRCR",
            "Consultant Radiologist &amp; Clinical Lead for Imaging Informatics",
            "Wessex Valley NHS Foundation Trust",
            "Level 3, Brinton Wing, Odstock Road",
            "Salisbury SP2 8BJ",
            "Tel: 01722 336262 ext 4471",
            "Secretary: Mrs Joan Pratt, 01722 425118",
            "&nbsp;",
            "This message may contain confidential information. If you are not the intended "
            "recipient please inform the sender that you have received the message in error "
            "before deleting it. Please do not disclose, copy or distribute information in this "
            "e-mail or take any action in relation to its contents.",
        ),
        "UK",
        "en",
        "html",
        "outlook",
        "healthcare",
        "nhs-from",
        "colleague-number",
        html=True,
        first_name="Priya",
        last_name="Chaudhry",
        title="Consultant Radiologist & Clinical Lead for Imaging Informatics",
        company="Wessex Valley NHS Foundation Trust",
        street="Level 3, Brinton Wing, Odstock Road",
        city="Salisbury",
        postal_code="SP2 8BJ",
        phone="+441722336262",
    ),
    _case(
        "uk-003",
        "dfoley@northwayhaulage.example",
        "Dean Foley",
        "Robin\n\nCollection booked for Thursday AM. Driver will call 30 min before.\n\nCheers\n"
        "Dean\n\nDean Foley · Transport Planner · Northway Haulage Ltd · 0113 496 0782\n"
        "Unit 7, Castlegate Business Park, Leeds LS10 1AB\n\n"
        "Northway Haulage Ltd. Registered in England No. 04512345. Registered office: "
        "Greystone House, 22 Wellington Street, Bradford BD1 2QP. All goods are carried subject "
        "to RHA Conditions of Carriage 2020.\n",
        "UK",
        "en",
        "plain",
        "logistics",
        "dots",
        "registered-office",
        first_name="Dean",
        last_name="Foley",
        title="Transport Planner",
        company="Northway Haulage Ltd",
        phone="+441134960782",
        street="Unit 7, Castlegate Business Park",
        city="Leeds",
        postal_code="LS10 1AB",
    ),
    _case(
        "uk-004",
        "a.mcintyre@greaterkelvin.ac.example",
        "Alan McIntyre",
        "Dear Robin,\n\nWe'd be glad to host a pilot with our MSc students next term.\n\nWith best "
        "wishes,\nAlan\n\nProfessor Alan McIntyre FRSE\nChair in Logistics and Supply Chain "
        "Management\nAdam Smith Business School\nUniversity of Greater Kelvin\n"
        "40 Kelvin Way, Glasgow G12 8QQ, Scotland\nT: +44 (0)141 496 0123\n\n"
        "The University of Greater Kelvin is a registered Scottish charity, No. SC004401.\n",
        "UK",
        "en",
        "plain",
        "university",
        "department-line",
        first_name="Alan",
        last_name="McIntyre",
        title="Chair in Logistics and Supply Chain Management",
        company="University of Greater Kelvin",
        street="40 Kelvin Way",
        city="Glasgow",
        postal_code="G12 8QQ",
        country="Scotland",
        phone="+441414960123",
    ),
    _case(
        "uk-005",
        "sarah.oyelaran@westmerecouncil.gov.example",
        "Sarah Oyelaran",
        "Hello Robin,\n\nThe framework call-off needs a Social Value statement; template attached."
        "\n\nRegards,\n\nSarah Oyelaran\nCategory Manager (Corporate Services)\n"
        "Strategic Procurement Team\nWestmere Borough Council\nCivic Centre, Silver Street, "
        "Westmere, Kent ME14 1XQ\nMain switchboard: 0300 123 4567\n\n"
        "Westmere Borough Council: Working together for a greener borough. Please consider the "
        "environment before printing this e-mail.\n",
        "UK",
        "en",
        "plain",
        "public-sector",
        "switchboard",
        "uk-county",
        first_name="Sarah",
        last_name="Oyelaran",
        title="Category Manager (Corporate Services)",
        company="Westmere Borough Council",
        street="Civic Centre, Silver Street",
        city="Westmere",
        state="Kent",
        postal_code="ME14 1XQ",
        phone="+443001234567",
    ),
    _case(
        "uk-006",
        "hattie@quillandfox.example",
        "Hattie Quill",
        _gmail(
            "Hiya Robin,<br><br>Send over the deck and I'll share it with the client team.",
            "<b>Hattie Quill</b> | Managing Partner",
            "Quill &amp; Fox Studio",
            "M: 07911 123456",
            "2nd Floor, 41 Ancoats Street, Manchester M4 6DE",
            '<a href="https://quillandfox.example">quillandfox.example</a> &nbsp;·&nbsp; '
            '<a href="https://www.linkedin.com/in/hattie-quill">linkedin.com/in/hattie-quill</a>',
        ),
        "UK",
        "en",
        "html",
        "gmail",
        "agency",
        "linkedin",
        html=True,
        first_name="Hattie",
        last_name="Quill",
        title="Managing Partner",
        company="Quill & Fox Studio",
        mobile="+447911123456",
        street="2nd Floor, 41 Ancoats Street",
        city="Manchester",
        postal_code="M4 6DE",
        website="quillandfox.example",
        linkedin="linkedin.com/in/hattie-quill",
    ),
    _case(
        "uk-007",
        "bill.hargreaves@yahoo.co.uk",
        "Bill Hargreaves",
        "Hi Robin, yes we'd still like the 3 licences. Ring me after 4.\n\nBill Hargreaves\n"
        "Hargreaves Joinery\nMob 07400 123456\n\nSent from Yahoo Mail for iPhone\n",
        "UK",
        "en",
        "plain",
        "free-mail",
        "no-country-hint",
        "mobile-footer",
        first_name="Bill",
        last_name="Hargreaves",
        company="Hargreaves Joinery",
        mobile="+447400123456",
    ),
    _case(
        "uk-008",
        "g.marsh@tynesideengineering.example",
        "Graham Marsh",
        "Robin,\n\nForwarding Ian's spec as discussed - note the IP67 requirement.\n\nGraham\n\n"
        "Graham Marsh CEng MIMechE\nEngineering Director\nTyneside Precision Engineering Ltd\n"
        "Tel. 0191 498 0456 | Mob. 07911 234567\n\n"
        "---------- Forwarded message ---------\nFrom: Ian Rudd <ian.rudd@tynesideengineering."
        "example>\nDate: Thu, 5 Feb 2026 at 14:20\nSubject: Enclosure spec\nTo: Graham Marsh "
        "<g.marsh@tynesideengineering.example>\n\nGraham, spec attached.\n\nIan Rudd\n"
        "Design Engineer\nTyneside Precision Engineering Ltd\nTel. 0191 498 0457\n",
        "UK",
        "en",
        "plain",
        "forward",
        "manufacturing",
        first_name="Graham",
        last_name="Marsh",
        title="Engineering Director",
        company="Tyneside Precision Engineering Ltd",
        phone="+441914980456",
        mobile="+447911234567",
    ),
    _case(
        "uk-009",
        "rhian.pritchard@cardiffbaymarine.example",
        "Rhian Pritchard",
        _wrote(ME, ME_ADDR, "09/02/2026 11:15")
        + _quoted("Hi Rhian,\n\nDo you have a view on the Q2 start date?\n\n" + MY_SIG)
        + "\nQ2 is fine; April ideally.\n\nDiolch / Thanks,\n\n-- \nRhian Pritchard\n"
        "Rheolwr Gweithrediadau / Operations Manager\nCardiff Bay Marine Services\n"
        "Ffôn / Tel: 029 2018 0734\n",
        "UK",
        "cy",
        "en",
        "plain",
        "reply",
        "bottom-post",
        "thunderbird",
        "bilingual",
        first_name="Rhian",
        last_name="Pritchard",
        title="Rheolwr Gweithrediadau / Operations Manager",
        company="Cardiff Bay Marine Services",
        phone="+442920180734",
    ),
    _case(
        "uk-010",
        "operations@brookfieldcare.example",
        "Brookfield Care Homes",
        "Dear Robin,\n\nI have cc'd our Registered Manager, who will approve the rota module.\n\n"
        "Kind regards\n\nSophie Adeyemi\nHead of Operations\nBrookfield Care Homes Ltd\n"
        "Brookfield House, 88 Tamworth Road, Sutton Coldfield, West Midlands B75 6DH\n"
        "T 0121 496 0991\n\nCQC registered provider ID 1-1012345678\n",
        "UK",
        "en",
        "plain",
        "healthcare",
        "shared-mailbox",
        "uk-county",
        first_name="Sophie",
        last_name="Adeyemi",
        title="Head of Operations",
        company="Brookfield Care Homes Ltd",
        street="Brookfield House, 88 Tamworth Road",
        city="Sutton Coldfield",
        state="West Midlands",
        postal_code="B75 6DH",
        phone="+441214960991",
    ),
    _case(
        "uk-011",
        "tom.ashworth@ashworthpr.example",
        "Tom Ashworth",
        _owa(
            "Robin - quick one: do you support SSO with Okta? Client's asking.<br><br>T",
            "<b>Tom Ashworth</b>",
            "Founder &amp; CEO",
            "Ashworth PR",
            "+44 (0) 20 7946 0887&nbsp;&nbsp;|&nbsp;&nbsp;+44 (0) 7911 245678 (m)",
            "Somerset House, Strand, London WC2R 1LA",
        ),
        "UK",
        "en",
        "html",
        "owa",
        "agency",
        "label-after",
        html=True,
        first_name="Tom",
        last_name="Ashworth",
        title="Founder & CEO",
        company="Ashworth PR",
        phone="+442079460887",
        mobile="+447911245678",
        street="Somerset House, Strand",
        city="London",
        postal_code="WC2R 1LA",
    ),
    _case(
        "uk-012",
        "l.brennan@holloway-solicitors.example",
        "Louise Brennan",
        "Robin,\n\nPlease see below from our practice manager.\n\nLouise\n\nLouise Brennan\n"
        "Partner, Holloway & Finch Solicitors\nDX 12345 Norwich\nT: 01603 496 210\n"
        + _orig("Paul Stead", "p.stead@holloway-solicitors.example", "Licences")
        + "Louise - we have budget for 8 seats from April.\n\nPaul Stead\nPractice Manager\n"
        "Holloway & Finch Solicitors\nT: 01603 496 211\n",
        "UK",
        "en",
        "plain",
        "law",
        "reply",
        "title-comma-company",
        first_name="Louise",
        last_name="Brennan",
        title="Partner",
        company="Holloway & Finch Solicitors",
        phone="+441603496210",
    ),
]

# -- Canada (English, Québec French, bilingual) ----------------------------------------------
CASES += [
    _case(
        "ca-001",
        "sgagnon@usinagelaurentien.example",
        "Sylvie Gagnon",
        "Bonjour Robin,\n\nNous aimerions recevoir la soumission pour 30 postes d'ici vendredi."
        "\n\nMerci et bonne journée,\n\nSylvie Gagnon\nDirectrice des achats\n"
        "Usinage Laurentien inc.\n2250, boul. Industriel\nLaval (Québec)  H7S 1P4\n"
        "Tél. : 450 555-0172, poste 231\nCell. : 514 555-0119\n",
        "CA",
        "fr",
        "plain",
        "manufacturing",
        "extension",
        "quebec",
        first_name="Sylvie",
        last_name="Gagnon",
        title="Directrice des achats",
        company="Usinage Laurentien inc.",
        street="2250, boul. Industriel",
        city="Laval",
        state="Québec",
        postal_code="H7S 1P4",
        phone="+14505550172",
        mobile="+15145550119",
    ),
    _case(
        "ca-002",
        "marc-andre.bouchard@santerivenord.example",
        "Bouchard, Marc-André",
        _mso(
            "Robin,<br><br>Voici nos commentaires / Please find our comments attached.",
            "<b>Marc-André Bouchard</b>",
            "Conseiller principal, approvisionnement | Senior Advisor, Procurement",
            "Groupe Santé Rive-Nord",
            "1000, rue Sherbrooke Ouest, bureau 800",
            "Montréal (Québec)&nbsp; H3A 3G4",
            "T 514 555-0187 | C 438 555-0102",
            "&nbsp;",
            "AVIS DE CONFIDENTIALITÉ : Ce courriel est confidentiel et destiné uniquement au "
            "destinataire. / CONFIDENTIALITY NOTICE: This email is confidential and intended "
            "solely for the addressee.",
        ),
        "CA",
        "fr",
        "en",
        "html",
        "outlook",
        "bilingual",
        "healthcare",
        "from-last-first",
        html=True,
        first_name="Marc-André",
        last_name="Bouchard",
        title="Conseiller principal, approvisionnement | Senior Advisor, Procurement",
        company="Groupe Santé Rive-Nord",
        street="1000, rue Sherbrooke Ouest, bureau 800",
        city="Montréal",
        state="Québec",
        postal_code="H3A 3G4",
        phone="+15145550187",
        mobile="+14385550102",
    ),
    _case(
        "ca-003",
        "kwong@fraserportlogistics.example",
        "Kelvin Wong",
        "Hi Robin,\n\nWe'll need the customs brokerage module too. Can you add it to the quote?\n\n"
        "Thanks,\nKelvin Wong\nTerminal Operations Manager\nFraser Port Logistics Ltd.\n"
        "Unit 110 – 13511 Crestwood Place\nRichmond, BC  V6V 2E9\n"
        "Office: 604-555-0120 | Mobile: 778-555-0145\n",
        "CA",
        "en",
        "plain",
        "logistics",
        first_name="Kelvin",
        last_name="Wong",
        title="Terminal Operations Manager",
        company="Fraser Port Logistics Ltd.",
        street="Unit 110 – 13511 Crestwood Place",
        city="Richmond",
        state="BC",
        postal_code="V6V 2E9",
        phone="+16045550120",
        mobile="+17785550145",
    ),
    _case(
        "ca-004",
        "dmacleod@prairieforge.example",
        "Duncan MacLeod",
        _owa(
            "Robin,<br><br>We're good to go. PO to follow from our AP team.",
            "Duncan MacLeod, P.Eng.",
            "VP Manufacturing",
            "Prairie Forge Industries Ltd.",
            "Suite 2400, 525 – 8th Avenue SW",
            "Calgary, Alberta T2P 1G1",
            "Canada",
            "Direct: +1 403 555 0139",
        ),
        "CA",
        "en",
        "html",
        "owa",
        "manufacturing",
        "full-province",
        html=True,
        first_name="Duncan",
        last_name="MacLeod",
        title="VP Manufacturing",
        company="Prairie Forge Industries Ltd.",
        street="Suite 2400, 525 – 8th Avenue SW",
        city="Calgary",
        state="Alberta",
        postal_code="T2P 1G1",
        country="Canada",
        phone="+14035550139",
    ),
    _case(
        "ca-005",
        "isabelle.lefebvre@umontroyal.example",
        "Isabelle Lefebvre",
        "Bonjour M. Hale,\n\nJe vous confirme notre intérêt pour une licence départementale.\n\n"
        "Cordialement,\n\nIsabelle Lefebvre, Ph. D.\nProfesseure agrégée\n"
        "Département de génie industriel\nUniversité du Mont-Royal\n"
        "2900, boul. Édouard-Montpetit\nMontréal (Québec) H3T 1J4\nCanada\n"
        "Tél. : 514 555-0158\n",
        "CA",
        "fr",
        "plain",
        "university",
        "department-line",
        first_name="Isabelle",
        last_name="Lefebvre",
        title="Professeure agrégée",
        company="Université du Mont-Royal",
        street="2900, boul. Édouard-Montpetit",
        city="Montréal",
        state="Québec",
        postal_code="H3T 1J4",
        country="Canada",
        phone="+15145550158",
    ),
    _case(
        "ca-006",
        "jtremblayroy@lavoiebeaulieu.example",
        "Julie Tremblay-Roy",
        "Monsieur Hale,\n\nVeuillez trouver ci-joint nos commentaires sur l'entente.\n\n"
        "Me Julie Tremblay-Roy\nAvocate associée | Partner\nLavoie Beaulieu S.E.N.C.R.L.\n"
        "600, de la Gauchetière Ouest, bureau 2100\nMontréal (Québec) H3B 4L8\n"
        "T. 514 555-0133\nF. 514 555-0134\n\n"
        "Ce message est confidentiel et peut être protégé par le secret professionnel.\n",
        "CA",
        "fr",
        "plain",
        "law",
        "quebec",
        "honorific-me",
        first_name="Julie",
        last_name="Tremblay-Roy",
        title="Avocate associée",
        company="Lavoie Beaulieu S.E.N.C.R.L.",
        street="600, de la Gauchetière Ouest, bureau 2100",
        city="Montréal",
        state="Québec",
        postal_code="H3B 4L8",
        phone="+15145550133",
        fax="+15145550134",
    ),
    _case(
        "ca-007",
        "n.osei@haligonianhealth.example",
        "Nana Osei",
        "Hi Robin,\n\nThe privacy impact assessment is complete; I'll forward it Monday.\n\n"
        "Nana Osei\nPrivacy Officer, Haligonian Health Authority\n"
        "1276 South Park Street, Halifax, Nova Scotia B3H 2Y9\n902-555-0163\n\n"
        "This email and any attachments may contain personal health information and are "
        "governed by the Personal Health Information Act (PHIA).\n",
        "CA",
        "en",
        "plain",
        "healthcare",
        "full-province",
        "title-comma-company",
        first_name="Nana",
        last_name="Osei",
        title="Privacy Officer",
        company="Haligonian Health Authority",
        street="1276 South Park Street",
        city="Halifax",
        state="Nova Scotia",
        postal_code="B3H 2Y9",
        phone="+19025550163",
    ),
    _case(
        "ca-008",
        "sam.okonkwo@ontarioservices.gov.example",
        "Okonkwo, Sam (MPBSDP)",
        "Hello Robin,\n\nYour vendor of record application is under review.\n\nSam Okonkwo\n"
        "Senior Procurement Analyst | Analyste principal des approvisionnements\n"
        "Ministry of Public Services | Ministère des Services publics\n"
        "777 Bay Street, 4th Floor, Toronto ON  M7A 2J3\nTel./Tél. : 416-555-0132\n",
        "CA",
        "en",
        "fr",
        "plain",
        "public-sector",
        "bilingual",
        "from-last-first",
        first_name="Sam",
        last_name="Okonkwo",
        title="Senior Procurement Analyst | Analyste principal des approvisionnements",
        company="Ministry of Public Services | Ministère des Services publics",
        street="777 Bay Street, 4th Floor",
        city="Toronto",
        state="ON",
        postal_code="M7A 2J3",
        phone="+14165550132",
    ),
    _case(
        "ca-009",
        "aaron@northernlightsagency.example",
        "Aaron Delisle",
        _gmail(
            "Robin, the client signed! Let's get onboarding booked.",
            "Aaron Delisle",
            "Partner &amp; Creative Director",
            "Northern Lights Agency",
            '613.555.0144 • <a href="https://northernlightsagency.example">'
            "northernlightsagency.example</a>",
            "Ottawa · Toronto",
        ),
        "CA",
        "en",
        "html",
        "gmail",
        "agency",
        html=True,
        first_name="Aaron",
        last_name="Delisle",
        title="Partner & Creative Director",
        company="Northern Lights Agency",
        phone="+16135550144",
        website="northernlightsagency.example",
    ),
    _case(
        "ca-010",
        "mike.chisholm1971@hotmail.com",
        "Mike Chisholm",
        "Hey Robin - we talked at the trade show. I run a small machine shop, 8 guys. Send me "
        "info.\n\nMike Chisholm\nChisholm Machine & Welding\nShop (902) 555-0191\n"
        "Cell (902) 555-0148\n",
        "CA",
        "en",
        "plain",
        "free-mail",
        "no-country-hint",
        "manufacturing",
        first_name="Mike",
        last_name="Chisholm",
        company="Chisholm Machine & Welding",
        phone="+19025550191",
        mobile="+19025550148",
    ),
    _case(
        "ca-011",
        "p.rousseau@transportsboreal.example",
        "Pierre Rousseau",
        "Salut Robin,\n\nC'est bon pour nous. On signe lundi.\n\nPierre\n\n"
        "Pierre Rousseau\nDirecteur des opérations\nTransports Boréal inc.\n"
        "1450, rue Bouvier, Québec (Québec)  G2K 1L9\nTél. : 418 555-0160 poste 205\n"
        "Sans frais : 1 888 555-0101\n",
        "CA",
        "fr",
        "plain",
        "logistics",
        "quebec",
        "extension",
        first_name="Pierre",
        last_name="Rousseau",
        title="Directeur des opérations",
        company="Transports Boréal inc.",
        street="1450, rue Bouvier",
        city="Québec",
        state="Québec",
        postal_code="G2K 1L9",
        phone="+14185550160",
    ),
    _case(
        "ca-012",
        "rachel.singh@winnipegcolleges.example",
        "Rachel Singh",
        _apple(
            "Sounds good, thanks Robin!",
            "Rachel Singh",
            "Manager, Institutional Research",
            "Red River Polytechnic",
            "2055 Notre Dame Ave, Winnipeg, MB R3H 0J9",
            "204-555-0117",
            quote_from=f"{ME} &lt;{ME_ADDR}&gt;",
            quote=_br("Rachel, I'll send the agenda tomorrow.\n\n" + MY_SIG),
        ),
        "CA",
        "en",
        "html",
        "apple",
        "reply",
        "university",
        html=True,
        first_name="Rachel",
        last_name="Singh",
        title="Manager, Institutional Research",
        company="Red River Polytechnic",
        street="2055 Notre Dame Ave",
        city="Winnipeg",
        state="MB",
        postal_code="R3H 0J9",
        phone="+12045550117",
    ),
]

# -- Germany (and German-speaking neighbours) ------------------------------------------------
CASES += [
    _case(
        "de-001",
        "stefan.brandt@vollmer-mb.example",
        "Brandt, Stefan",
        "Sehr geehrter Herr Hale,\n\nanbei unsere Anmerkungen zum Angebot. Bitte beachten Sie "
        "die geänderte Lieferadresse.\n\nMit freundlichen Grüßen\n\ni. A. Stefan Brandt\n"
        "Technischer Einkauf\n\nHeinrich Vollmer Maschinenbau GmbH & Co. KG\nIndustriestraße 14\n"
        "73734 Esslingen am Neckar\nTelefon +49 711 2205 3310\nTelefax +49 711 2205 3399\n"
        "stefan.brandt@vollmer-mb.example\n\nSitz der Gesellschaft: Esslingen, Registergericht: "
        "Amtsgericht Stuttgart HRA 123456\nPersönlich haftende Gesellschafterin: Heinrich "
        "Vollmer Verwaltungs-GmbH, Sitz Esslingen, Amtsgericht Stuttgart HRB 654321\n"
        "Geschäftsführer: Dr. Heinrich Vollmer, Katrin Vollmer-Lenz\n",
        "DE",
        "de",
        "plain",
        "manufacturing",
        "imprint",
        "i-a",
        "from-last-first",
        first_name="Stefan",
        last_name="Brandt",
        title="Technischer Einkauf",
        company="Heinrich Vollmer Maschinenbau GmbH & Co. KG",
        street="Industriestraße 14",
        city="Esslingen am Neckar",
        postal_code="73734",
        phone="+4971122053310",
        fax="+4971122053399",
        email="stefan.brandt@vollmer-mb.example",
    ),
    _case(
        "de-002",
        "k.hoffmann@rheinkraft.example",
        "Katharina Hoffmann",
        _mso(
            "Hallo Herr Hale,<br><br>vielen Dank für die Demo. Wir würden gern mit 20 Lizenzen "
            "starten.",
            "Mit freundlichen Grüßen",
            "&nbsp;",
            "ppa. Katharina Hoffmann",
            "Leiterin Vertriebsinnendienst",
            "&nbsp;",
            "<b>RheinKraft Antriebstechnik GmbH</b>",
            "Hafenstraße 31 · 47119 Duisburg",
            "Tel.: +49 203 5566 210 · Mobil: +49 171 2345678",
            '<a href="http://www.rheinkraft.example">www.rheinkraft.example</a>',
            "&nbsp;",
            "Geschäftsführung: Jörg Baumann, Dr. Ute Kessler · Amtsgericht Duisburg HRB 98765 · "
            "USt-IdNr. DE123456789",
        ),
        "DE",
        "de",
        "html",
        "outlook",
        "manufacturing",
        "imprint",
        "ppa",
        html=True,
        first_name="Katharina",
        last_name="Hoffmann",
        title="Leiterin Vertriebsinnendienst",
        company="RheinKraft Antriebstechnik GmbH",
        street="Hafenstraße 31",
        postal_code="47119",
        city="Duisburg",
        phone="+492035566210",
        mobile="+491712345678",
        website="www.rheinkraft.example",
    ),
    _case(
        "de-003",
        "johanna.reuter@klinikum-lindenau.example",
        "Reuter, Johanna Prof. Dr. med.",
        "Sehr geehrter Herr Hale,\n\ngern stehe ich für ein Referenzgespräch zur Verfügung.\n\n"
        "Mit freundlichen Grüßen\nProf. Dr. med. Johanna Reuter\n"
        "Chefärztin der Klinik für Kardiologie\nKlinikum Lindenau gGmbH\n"
        "Lindenauer Allee 5, 04177 Leipzig\nSekretariat: Frau Weber, Tel. 0341 5550 4410\n"
        "Tel. 0341 5550 4400\n\n"
        "Diese E-Mail kann vertrauliche und/oder rechtlich geschützte Informationen enthalten.\n",
        "DE",
        "de",
        "plain",
        "healthcare",
        "colleague-number",
        "from-last-first",
        first_name="Johanna",
        last_name="Reuter",
        title="Chefärztin der Klinik für Kardiologie",
        company="Klinikum Lindenau gGmbH",
        street="Lindenauer Allee 5",
        postal_code="04177",
        city="Leipzig",
        phone="+4934155504400",
    ),
    _case(
        "de-004",
        "vergabestelle@stadt-kellinghausen.example",
        "Vergabestelle Stadt Kellinghausen",
        "Sehr geehrte Damen und Herren,\n\ndie Angebotsfrist endet am 27.02.2026, 10:00 Uhr.\n\n"
        "Im Auftrag\n\nMonika Schäfer\nSachbearbeiterin Vergabestelle\nStadt Kellinghausen\n"
        "Fachbereich Zentrale Dienste\nRathausplatz 1\n25335 Kellinghausen\n"
        "Telefon: 04121 4560-231\nZentrale: 04121 4560-0\nTelefax: 04121 4560-299\n",
        "DE",
        "de",
        "plain",
        "public-sector",
        "shared-mailbox",
        "main-and-direct",
        first_name="Monika",
        last_name="Schäfer",
        title="Sachbearbeiterin Vergabestelle",
        company="Stadt Kellinghausen",
        street="Rathausplatz 1",
        postal_code="25335",
        city="Kellinghausen",
        phone="+4941214560231",
        fax="+4941214560299",
    ),
    _case(
        "de-005",
        "jan.petersen@nordkai-logistik.example",
        "Jan Petersen",
        "Moin Robin,\n\npasst so, bitte Vertrag an mich.\n\nJan Petersen | Leiter Disposition / "
        "Head of Dispatch | Nordkai Logistik GmbH\nTel. +49 40 3344 5500 | Mobil +49 151 "
        "23456789 | Am Sandtorkai 50, 20457 Hamburg\n",
        "DE",
        "de",
        "en",
        "plain",
        "logistics",
        "pipes",
        "bilingual",
        first_name="Jan",
        last_name="Petersen",
        title="Leiter Disposition / Head of Dispatch",
        company="Nordkai Logistik GmbH",
        phone="+494033445500",
        mobile="+4915123456789",
        street="Am Sandtorkai 50",
        postal_code="20457",
        city="Hamburg",
    ),
    _case(
        "de-006",
        "michael.schulze@schulze-elektro.example",
        "Michael Schulze",
        "Hallo Herr Hale,\n\nbitte rufen Sie mich morgen an.\n\nGruß\nMichael SCHULZE\n"
        "Geschäftsführer\nSchulze Elektrotechnik e.K.\nGewerbering 7 | 93055 Regensburg\n"
        "Fon 0941 5980 120 | Handy 0160 9876543\n",
        "DE",
        "de",
        "plain",
        "manufacturing",
        "caps-last",
        first_name="Michael",
        last_name="Schulze",
        title="Geschäftsführer",
        company="Schulze Elektrotechnik e.K.",
        street="Gewerbering 7",
        postal_code="93055",
        city="Regensburg",
        phone="+499415980120",
        mobile="+491609876543",
    ),
    _case(
        "de-007",
        "t.albrecht@hs-rheinmitte.example",
        "Tobias Albrecht",
        "Lieber Herr Hale,\n\nunser Lehrstuhl möchte das Tool im Sommersemester testen.\n\n"
        "Beste Grüße\nTobias Albrecht\n\n--\nProf. Dr.-Ing. Tobias Albrecht\n"
        "Professur für Produktionslogistik\nFachbereich Ingenieurwissenschaften\n"
        "Hochschule Rhein-Mitte\nKurt-Schumacher-Ring 18, 65197 Wiesbaden\n"
        "T +49 611 9495 1234\nhttps://www.hs-rheinmitte.example/albrecht\n",
        "DE",
        "de",
        "plain",
        "university",
        "department-line",
        first_name="Tobias",
        last_name="Albrecht",
        title="Professur für Produktionslogistik",
        company="Hochschule Rhein-Mitte",
        street="Kurt-Schumacher-Ring 18",
        postal_code="65197",
        city="Wiesbaden",
        phone="+4961194951234",
        website="https://www.hs-rheinmitte.example/albrecht",
    ),
    _case(
        "de-008",
        "c.neumann@neumann-partner.example",
        "Dr. Claudia Neumann",
        _owa(
            "Sehr geehrter Herr Hale,<br><br>wie besprochen übersende ich den Entwurf der "
            "Auftragsverarbeitungsvereinbarung.",
            "Mit freundlichen Grüßen",
            "Dr. Claudia Neumann",
            "Rechtsanwältin | Fachanwältin für IT-Recht",
            "Neumann &amp; Partner Rechtsanwälte PartG mbB",
            "Maximilianstraße 35 · 80539 München",
            "T +49 89 4522 1870 · F +49 89 4522 1899",
            "&nbsp;",
            "Partnerschaftsregister: Amtsgericht München PR 1234. Diese Nachricht ist "
            "vertraulich und kann dem Berufsgeheimnis unterliegen.",
        ),
        "DE",
        "de",
        "html",
        "owa",
        "law",
        "imprint",
        html=True,
        first_name="Claudia",
        last_name="Neumann",
        title="Rechtsanwältin | Fachanwältin für IT-Recht",
        company="Neumann & Partner Rechtsanwälte PartG mbB",
        street="Maximilianstraße 35",
        postal_code="80539",
        city="München",
        phone="+498945221870",
        fax="+498945221899",
    ),
    _case(
        "de-009",
        "l.wagner@agentur-lichtblick.example",
        "Lena Wagner",
        _table(
            "Hi Robin,<br><br>das Angebot passt. Können wir am Donnerstag kurz sprechen?<br><br>"
            "Viele Grüße<br>Lena",
            "Lichtblick Kommunikation",
            "<b>Lena Wagner</b>",
            "Senior Projektmanagerin",
            _icon("Telefon") + "+49 221 9876 5430",
            _icon("Mobil") + "+49 176 12345678",
            "Lichtblick Kommunikation GmbH · Venloer Str. 241 · 50823 Köln",
            footer="Lichtblick Kommunikation GmbH, Sitz Köln, AG Köln HRB 45678, "
            "Geschäftsführerin: Petra Lindqvist",
        ),
        "DE",
        "de",
        "html",
        "table",
        "agency",
        "icons",
        html=True,
        first_name="Lena",
        last_name="Wagner",
        title="Senior Projektmanagerin",
        company="Lichtblick Kommunikation GmbH",
        phone="+4922198765430",
        mobile="+4917612345678",
        street="Venloer Str. 241",
        postal_code="50823",
        city="Köln",
    ),
    _case(
        "de-010",
        "f.yilmaz@spedition-yilmaz.example",
        "Fatma Yilmaz",
        "Hallo Robin,\n\nkurze Rückmeldung von unterwegs: passt.\n\nLG Fatma\n\n"
        "Fatma Yilmaz\nDisponentin\nSpedition Yilmaz GmbH\nMobil: 0151 23456789\n\n"
        "Von meinem iPhone gesendet\n\n"
        + _wrote(ME, ME_ADDR, "09.02.2026 um 14:10")
        + _quoted("Hallo Fatma, passt der Termin am 17.?\n\n" + MY_SIG),
        "DE",
        "de",
        "plain",
        "reply",
        "mobile-footer",
        "logistics",
        first_name="Fatma",
        last_name="Yilmaz",
        title="Disponentin",
        company="Spedition Yilmaz GmbH",
        mobile="+4915123456789",
    ),
    _case(
        "de-011",
        "r.bauer@bauer-kunststoff.example",
        "Ralf Bauer",
        "Guten Tag Herr Hale,\n\nunten die Nachricht meines Kollegen, ich übernehme ab jetzt.\n\n"
        "Freundliche Grüße / Kind regards\n\nRalf Bauer\nHead of Purchasing / Leiter Einkauf\n"
        "Bauer Kunststofftechnik GmbH\nIm Gewerbepark 12\nD-36041 Fulda\nGermany\n"
        "Phone +49 661 9400 150\nMobile +49 170 3344556\n\n"
        "-----Ursprüngliche Nachricht-----\nVon: Uwe Frank <u.frank@bauer-kunststoff.example>\n"
        "Gesendet: Freitag, 6. Februar 2026 09:12\nAn: Robin Hale <robin.hale@stratus-demo."
        "example>\nBetreff: Angebot\n\nHallo Herr Hale, ich bin ab März in Elternzeit.\n\n"
        "Uwe Frank\nEinkäufer\nBauer Kunststofftechnik GmbH\nTel. +49 661 9400 151\n",
        "DE",
        "de",
        "en",
        "plain",
        "reply",
        "bilingual",
        "manufacturing",
        first_name="Ralf",
        last_name="Bauer",
        title="Head of Purchasing / Leiter Einkauf",
        company="Bauer Kunststofftechnik GmbH",
        street="Im Gewerbepark 12",
        postal_code="36041",
        city="Fulda",
        country="Germany",
        phone="+496619400150",
        mobile="+491703344556",
    ),
    _case(
        "at-001",
        "m.gruber@alpenmedtech.example",
        "Markus Gruber",
        "Grüß Gott Herr Hale,\n\ndanke für die Unterlagen.\n\nMit besten Grüßen\n"
        "Ing. Markus Gruber, MSc\nKey Account Manager Krankenhäuser\nAlpenMedTech GmbH\n"
        "Wiener Straße 120, 4020 Linz, Österreich\nT: +43 732 555 0123\nM: +43 664 1234567\n"
        "FN 123456a, Landesgericht Linz\n",
        "AT",
        "de",
        "plain",
        "healthcare",
        first_name="Markus",
        last_name="Gruber",
        title="Key Account Manager Krankenhäuser",
        company="AlpenMedTech GmbH",
        street="Wiener Straße 120",
        postal_code="4020",
        city="Linz",
        country="Österreich",
        phone="+437325550123",
        mobile="+436641234567",
    ),
    _case(
        "ch-001",
        "a.keller@keller-vogt.example",
        "Andrea Keller",
        _apple(
            "Sehr geehrter Herr Hale<br><br>Besten Dank. Wir melden uns nächste Woche.",
            "Freundliche Grüsse",
            "Andrea Keller",
            "lic. iur., Rechtsanwältin, Partnerin",
            "Keller Vogt Rechtsanwälte AG",
            "Bahnhofstrasse 42, 8001 Zürich",
            "Direkt +41 44 555 01 23 / Zentrale +41 44 555 01 00",
        ),
        "CH",
        "de",
        "html",
        "apple",
        "law",
        "main-and-direct",
        html=True,
        first_name="Andrea",
        last_name="Keller",
        title="Rechtsanwältin, Partnerin",
        company="Keller Vogt Rechtsanwälte AG",
        street="Bahnhofstrasse 42",
        postal_code="8001",
        city="Zürich",
        phone="+41445550123",
    ),
]

# -- France ----------------------------------------------------------------------------------
CASES += [
    _case(
        "fr-001",
        "nicolas.fabre@acieries-rhone.example",
        "FABRE Nicolas",
        "Bonjour Robin,\n\nSuite à notre échange, je vous confirme notre accord pour le pilote.\n\n"
        "Cordialement,\n\nNicolas Fabre\nResponsable des achats\nAciéries du Rhône SAS\n"
        "12, rue de l'Industrie\n69007 Lyon\nTél. : +33 (0)4 72 55 61 80\n"
        "Portable : +33 (0)6 12 34 56 78\n",
        "FR",
        "fr",
        "plain",
        "manufacturing",
        "from-last-first",
        first_name="Nicolas",
        last_name="Fabre",
        title="Responsable des achats",
        company="Aciéries du Rhône SAS",
        street="12, rue de l'Industrie",
        postal_code="69007",
        city="Lyon",
        phone="+33472556180",
        mobile="+33612345678",
    ),
    _case(
        "fr-002",
        "helene.marchand@ch-valdargent.example",
        "Hélène Marchand",
        _mso(
            "Bonjour,<br><br>Le comité de direction a validé le projet. Pouvez-vous nous adresser "
            "le devis définitif ?",
            "Hélène MARCHAND",
            "Directrice des Systèmes d'Information",
            "Centre Hospitalier du Val d'Argent",
            "14 avenue Jean Jaurès – BP 20123",
            "68161 Sainte-Marie-aux-Mines Cedex",
            "Tél. : 03 89 58 44 00 – Secrétariat : 03 89 58 44 01",
            "&nbsp;",
            "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention "
            "exclusive de ses destinataires. Toute utilisation non conforme à sa destination est "
            "interdite.",
        ),
        "FR",
        "fr",
        "html",
        "outlook",
        "healthcare",
        "cedex",
        "caps-last",
        "colleague-number",
        html=True,
        first_name="Hélène",
        last_name="Marchand",
        title="Directrice des Systèmes d'Information",
        company="Centre Hospitalier du Val d'Argent",
        street="14 avenue Jean Jaurès",  # box beside a street: not it (round 4)
        postal_code="68161",
        city="Sainte-Marie-aux-Mines",
        phone="+33389584400",
    ),
    _case(
        "fr-003",
        "j.lambert@ville-saint-aubin.example",
        "Julien Lambert",
        "Monsieur,\n\nVeuillez trouver ci-joint le cahier des clauses techniques particulières.\n"
        "\nBien cordialement,\n\nJulien LAMBERT\nChef du service de la commande publique\n"
        "Mairie de Saint-Aubin-sur-Loire\nDirection des Finances\n"
        "Place de l'Hôtel de Ville – 37270 Saint-Aubin-sur-Loire\nStandard : 02 47 55 10 00\n"
        "Ligne directe : 02 47 55 10 42\n",
        "FR",
        "fr",
        "plain",
        "public-sector",
        "main-and-direct",
        "caps-last",
        first_name="Julien",
        last_name="Lambert",
        title="Chef du service de la commande publique",
        company="Mairie de Saint-Aubin-sur-Loire",
        street="Place de l'Hôtel de Ville",
        postal_code="37270",
        city="Saint-Aubin-sur-Loire",
        phone="+33247551042",
    ),
    _case(
        "fr-004",
        "cdumas@dumas-avocats.example",
        "Claire Dumas",
        "Cher Monsieur,\n\nJe reviens vers vous concernant les conditions générales.\n\n"
        "Bien à vous,\n\nMaître Claire Dumas\nAvocate au Barreau de Paris\n"
        "DUMAS & ASSOCIÉS\n48, boulevard Haussmann – 75009 Paris\nT. +33 1 44 55 66 77\n"
        "F. +33 1 44 55 66 78\n\nLe présent message est couvert par le secret professionnel.\n",
        "FR",
        "fr",
        "plain",
        "law",
        "honorific-me",
        first_name="Claire",
        last_name="Dumas",
        title="Avocate au Barreau de Paris",
        company="DUMAS & ASSOCIÉS",
        street="48, boulevard Haussmann",
        postal_code="75009",
        city="Paris",
        phone="+33144556677",
        fax="+33144556678",
    ),
    _case(
        "fr-005",
        "manon@agence-papillon.example",
        "Manon Leroy",
        _gmail(
            "Hello Robin,<br><br>On part sur l'offre Team. Tu peux m'envoyer le lien de "
            "paiement ?<br><br>Merci !",
            "<b>Manon Leroy</b> — Cheffe de projet digital",
            "Agence Papillon",
            "06 78 12 34 56",
            "27 rue des Petites Écuries, 75010 Paris",
            '<a href="https://agence-papillon.example">agence-papillon.example</a>',
        ),
        "FR",
        "fr",
        "html",
        "gmail",
        "agency",
        "name-dash-title",
        html=True,
        first_name="Manon",
        last_name="Leroy",
        title="Cheffe de projet digital",
        company="Agence Papillon",
        phone="+33678123456",  # unlabelled: the phone (round 5, issue convention)
        street="27 rue des Petites Écuries",
        postal_code="75010",
        city="Paris",
        website="agence-papillon.example",
    ),
    _case(
        "fr-006",
        "g.moreau@univ-garonne.example",
        "Guillaume Moreau",
        "Bonjour,\n\nNotre laboratoire est intéressé par une licence académique.\n\n"
        "Bien cordialement,\n--\nGuillaume Moreau\nMaître de conférences HDR\n"
        "Laboratoire de Génie Industriel (LGI)\nUniversité de Garonne\n"
        "118 route de Narbonne, 31062 Toulouse Cedex 9\nFrance\n+33 5 61 22 33 44\n",
        "FR",
        "fr",
        "plain",
        "university",
        "cedex",
        "department-line",
        first_name="Guillaume",
        last_name="Moreau",
        title="Maître de conférences HDR",
        company="Université de Garonne",
        street="118 route de Narbonne",
        postal_code="31062",
        city="Toulouse",
        country="France",
        phone="+33561223344",
    ),
    _case(
        "fr-007",
        "s.benali@transports-alsace.example",
        "Samir Benali",
        _owa(
            "Bonjour Robin,<br><br>Transmis à notre DAF, retour d'ici vendredi.",
            "Samir Benali | Responsable d'exploitation | Transports Alsace Express",
            "ZA du Port du Rhin, 8 rue de Rotterdam, 67100 Strasbourg",
            "Tél. 03 88 45 67 89 | Port. 07 81 22 33 44",
            reply_from=f"{ME} &lt;{ME_ADDR}&gt;",
            quote=_br("Bonjour Samir, avez-vous pu valider le devis ?\n\n" + MY_SIG),
        ),
        "FR",
        "fr",
        "html",
        "owa",
        "reply",
        "logistics",
        "pipes",
        html=True,
        first_name="Samir",
        last_name="Benali",
        title="Responsable d'exploitation",
        company="Transports Alsace Express",
        street="ZA du Port du Rhin, 8 rue de Rotterdam",
        postal_code="67100",
        city="Strasbourg",
        phone="+33388456789",
        mobile="+33781223344",
    ),
    _case(
        "fr-008",
        "a.girard@girard-emballages.example",
        "Anne Girard",
        "Robin,\n\nJe vous transfère le message de notre directeur industriel.\n\nAnne Girard\n"
        "Assistante de direction\nGirard Emballages SA\n02 98 34 71 00\n\n"
        "-------- Message transféré --------\nSujet : Projet MES\nDate : Thu, 5 Feb 2026 "
        "17:02:11 +0100\nDe : Patrick Girard <p.girard@girard-emballages.example>\n"
        "Pour : Anne Girard <a.girard@girard-emballages.example>\n\nAnne, peux-tu faire suivre à "
        "Stratus ?\n\nPatrick Girard\nDirecteur industriel\nGirard Emballages SA\n"
        "Z.I. de Kergaradec, 29490 Guipavas\nTél. 02 98 34 71 10\n",
        "FR",
        "fr",
        "plain",
        "forward",
        "assistant",
        "manufacturing",
        first_name="Anne",
        last_name="Girard",
        title="Assistante de direction",
        company="Girard Emballages SA",
        phone="+33298347100",
    ),
    _case(
        "fr-009",
        "bertrand.perrin@orange.fr",
        "Bertrand Perrin",
        "Bonjour,\n\nJe suis kinésithérapeute en libéral et je cherche un outil pour mes "
        "rendez-vous. Pouvez-vous me rappeler ?\n\nBertrand Perrin\nMasseur-kinésithérapeute\n"
        "05 56 44 12 34\n",
        "FR",
        "fr",
        "plain",
        "free-mail",
        "no-country-hint",
        "healthcare",
        first_name="Bertrand",
        last_name="Perrin",
        title="Masseur-kinésithérapeute",
        phone="+33556441234",
    ),
    _case(
        "fr-010",
        "clemence.roux@lumiere-events.example",
        "Clémence Roux",
        "Super, merci !\n\nClémence\n\n--\nClémence Roux / Directrice commerciale / Lumière "
        "Events\nM. +33 6 45 67 89 01 / 9 quai Rambaud, 69002 Lyon\n",
        "FR",
        "fr",
        "plain",
        "agency",
        "slashes",
        "thunderbird",
        first_name="Clémence",
        last_name="Roux",
        title="Directrice commerciale",
        company="Lumière Events",
        mobile="+33645678901",
        street="9 quai Rambaud",
        postal_code="69002",
        city="Lyon",
    ),
]

# -- Australia -------------------------------------------------------------------------------
CASES += [
    _case(
        "au-001",
        "bronwyn.hayes@ironbarkmining.example",
        "Bronwyn Hayes",
        "Hi Robin,\n\nSafety team is keen. Can you send through the WHS module pricing?\n\n"
        "Cheers,\nBronwyn\n\nBronwyn Hayes\nProcurement Lead – Site Services\n"
        "Ironbark Resources Pty Ltd\nLevel 12, 140 St Georges Terrace\nPerth WA 6000\n"
        "T +61 8 9555 0123 | M +61 491 570 156\n\n"
        "Ironbark Resources acknowledges the Traditional Owners of the lands on which we work.\n",
        "AU",
        "en",
        "plain",
        "manufacturing",
        "acknowledgement",
        first_name="Bronwyn",
        last_name="Hayes",
        title="Procurement Lead – Site Services",
        company="Ironbark Resources Pty Ltd",
        street="Level 12, 140 St Georges Terrace",
        city="Perth",
        state="WA",
        postal_code="6000",
        phone="+61895550123",
        mobile="+61491570156",
    ),
    _case(
        "au-002",
        "hamish.laidlaw@coastaldistricts.health.example",
        "Hamish Laidlaw",
        _mso(
            "G'day Robin,<br><br>We're across it. I'll get the business case to the exec "
            "next week.",
            "Dr Hamish Laidlaw",
            "Director of Pharmacy",
            "Coastal Districts Health Service",
            "Gosford Hospital, 75 Holden Street, Gosford NSW 2250",
            "Ph: (02) 5550 1234 | Mob: 0412 555 678",
            "&nbsp;",
            "This message is intended for the addressee named and may contain privileged "
            "information or confidential information or both. If you are not the intended "
            "recipient please delete it and notify the sender.",
        ),
        "AU",
        "en",
        "html",
        "outlook",
        "healthcare",
        html=True,
        first_name="Hamish",
        last_name="Laidlaw",
        title="Director of Pharmacy",
        company="Coastal Districts Health Service",
        street="Gosford Hospital, 75 Holden Street",
        city="Gosford",
        state="NSW",
        postal_code="2250",
        phone="+61255501234",
        mobile="+61412555678",
    ),
    _case(
        "au-003",
        "kylie.nguyen@transport.vic.gov.example",
        "Kylie Nguyen (DTP)",
        "Hi Robin,\n\nThe panel arrangement closes 14 March. You'll need to register on the "
        "Buying for Victoria portal.\n\nKind regards,\n\nKylie Nguyen\nSenior Category Advisor |"
        " ICT Procurement\nDepartment of Transport and Planning\n1 Spring Street, Melbourne "
        "Victoria 3000\nT: (03) 9555 0123\n\n"
        "We acknowledge the Traditional Owners of Country throughout Victoria.\n\n"
        "OFFICIAL\n",
        "AU",
        "en",
        "plain",
        "public-sector",
        "acknowledgement",
        first_name="Kylie",
        last_name="Nguyen",
        title="Senior Category Advisor",
        company="Department of Transport and Planning",
        street="1 Spring Street",
        city="Melbourne",
        state="Victoria",
        postal_code="3000",
        phone="+61395550123",
    ),
    _case(
        "au-004",
        "sales@swiftlinefreight.example",
        "Swiftline Freight",
        "Hi Robin,\n\nHappy to proceed with the 12-month term.\n\nRegards,\nDarren Cole\n"
        "National Sales Manager\nSwiftline Freight Pty Ltd\n28 Kingsford Smith Drive, "
        "Eagle Farm QLD 4009\nMain 1300 555 012 | Direct (07) 3555 0199\n",
        "AU",
        "en",
        "plain",
        "logistics",
        "shared-mailbox",
        "main-and-direct",
        first_name="Darren",
        last_name="Cole",
        title="National Sales Manager",
        company="Swiftline Freight Pty Ltd",
        street="28 Kingsford Smith Drive",
        city="Eagle Farm",
        state="QLD",
        postal_code="4009",
        phone="+61735550199",
    ),
    _case(
        "au-005",
        "e.papadopoulos@adelaide-tech.edu.example",
        "Eleni Papadopoulos",
        _apple(
            "Thanks Robin, see you Thursday.",
            "Dr Eleni Papadopoulos",
            "Senior Lecturer, Supply Chain Analytics",
            "School of Business",
            "Adelaide Institute of Technology",
            "North Terrace, Adelaide SA 5000",
            "P +61 8 8555 0177",
            "CRICOS Provider No. 00121B",
        ),
        "AU",
        "en",
        "html",
        "apple",
        "university",
        "department-line",
        html=True,
        first_name="Eleni",
        last_name="Papadopoulos",
        title="Senior Lecturer, Supply Chain Analytics",
        company="Adelaide Institute of Technology",
        street="North Terrace",
        city="Adelaide",
        state="SA",
        postal_code="5000",
        phone="+61885550177",
    ),
    _case(
        "au-006",
        "jacko.builds@bigpond.example",
        "Jack O'Brien",
        "mate can you send me the price for 4 users\n\nJack O'Brien\nO'Brien Carpentry\n"
        "0412 555 678\nABN 12 345 678 901\n",
        "AU",
        "en",
        "plain",
        "free-mail",
        "no-country-hint",
        first_name="Jack",
        last_name="O'Brien",
        company="O'Brien Carpentry",
        phone="+61412555678",  # unlabelled: the phone (round 5, issue convention)
    ),
    _case(
        "au-007",
        "priya.menon@harbourcitydesign.example",
        "Priya Menon",
        _table(
            "Hey Robin,<br><br>Contract's signed and back to you. Looking forward to kick off!",
            "Harbour City Design Co.",
            '<b>Priya Menon</b>&nbsp; <span style="color:#888">she/her</span>',
            "Head of Client Services",
            _icon("mobile") + "0491 570 110",
            "Suite 3.02, 55 Holt Street, Surry Hills NSW 2010",
            '<a href="https://harbourcitydesign.example">harbourcitydesign.example</a>',
        ),
        "AU",
        "en",
        "html",
        "table",
        "agency",
        "logo-only-company",
        "icons",
        html=True,
        first_name="Priya",
        last_name="Menon",
        title="Head of Client Services",
        company="Harbour City Design Co.",
        mobile="+61491570110",
        street="Suite 3.02, 55 Holt Street",
        city="Surry Hills",
        state="NSW",
        postal_code="2010",
        website="harbourcitydesign.example",
    ),
    _case(
        "au-008",
        "m.fitzgerald@fitzgeraldlawyers.example",
        "Michael Fitzgerald",
        "Robin\n\nApologies for the delay. Executed counterpart attached.\n\nRegards\n\n"
        "Michael Fitzgerald | Principal\nFitzgerald Lawyers\nLevel 8, 123 Eagle Street, "
        "Brisbane Qld 4000 | GPO Box 1234, Brisbane Qld 4001\nT 07 3555 0142 | F 07 3555 0143\n"
        "\nLiability limited by a scheme approved under Professional Standards Legislation.\n",
        "AU",
        "en",
        "plain",
        "law",
        "pipes",
        "po-box",
        first_name="Michael",
        last_name="Fitzgerald",
        title="Principal",
        company="Fitzgerald Lawyers",
        street="Level 8, 123 Eagle Street",
        city="Brisbane",
        state="Qld",
        postal_code="4000",
        phone="+61735550142",
        fax="+61735550143",
    ),
]

# -- Elsewhere -------------------------------------------------------------------------------
CASES += [
    _case(
        "nl-001",
        "r.vandijk@maaslandcargo.example",
        "Ruud van Dijk",
        "Hoi Robin,\n\nAkkoord met de offerte. Graag de factuur op naam van de B.V.\n\n"
        "Met vriendelijke groet,\n\nRuud van Dijk\nManager Operations\nMaasland Cargo B.V.\n"
        "Waalhaven Z.z. 19\n3089 JH Rotterdam\nT +31 10 555 0123\nM +31 6 12345678\n\n"
        "Op al onze werkzaamheden zijn de Nederlandse Expeditievoorwaarden (FENEX) van "
        "toepassing.\n",
        "NL",
        "nl",
        "plain",
        "logistics",
        "particle",
        first_name="Ruud",
        last_name="van Dijk",
        title="Manager Operations",
        company="Maasland Cargo B.V.",
        street="Waalhaven Z.z. 19",
        postal_code="3089 JH",
        city="Rotterdam",
        phone="+31105550123",
        mobile="+31612345678",
    ),
    _case(
        "es-001",
        "lmartin@hospitalsanrafael.example",
        "Lucía Martín Ortega",
        "Estimado Robin:\n\nAdjunto el pliego de condiciones.\n\nUn saludo,\n\n"
        "Dra. Lucía Martín Ortega\nJefa de Servicio de Farmacia Hospitalaria\n"
        "Hospital San Rafael\nC/ de Serrano, 199\n28016 Madrid\nTel. 915 55 01 23 · Ext. 4120\n"
        "Móvil 612 34 56 78\n\nEste mensaje se dirige exclusivamente a su destinatario. "
        "Protección de datos: Reglamento (UE) 2016/679.\n",
        "ES",
        "es",
        "plain",
        "healthcare",
        "compound-last",
        first_name="Lucía",
        last_name="Martín Ortega",
        title="Jefa de Servicio de Farmacia Hospitalaria",
        company="Hospital San Rafael",
        street="C/ de Serrano, 199",
        postal_code="28016",
        city="Madrid",
        phone="+34915550123",
        mobile="+34612345678",
    ),
    _case(
        "it-001",
        "g.colombo@colombomeccanica.example",
        "Giorgio Colombo",
        _mso(
            "Buongiorno Robin,<br><br>confermo l'ordine per 15 licenze.",
            "Cordiali saluti",
            "&nbsp;",
            "<b>Ing. Giorgio Colombo</b>",
            "Direttore Tecnico",
            "Colombo Meccanica S.p.A.",
            "Via dell'Artigianato 22 – 24040 Bonate Sotto (BG)",
            "Tel. +39 035 555 0143 – Cell. +39 347 555 0123",
            "P.IVA 01234567890",
        ),
        "IT",
        "it",
        "html",
        "outlook",
        "manufacturing",
        html=True,
        first_name="Giorgio",
        last_name="Colombo",
        title="Direttore Tecnico",
        company="Colombo Meccanica S.p.A.",
        street="Via dell'Artigianato 22",
        postal_code="24040",
        city="Bonate Sotto",
        state="BG",
        phone="+390355550143",
        mobile="+393475550123",
    ),
    _case(
        "in-001",
        "rahul.deshpande@sahyadriauto.example",
        "Rahul Deshpande",
        "Dear Robin,\n\nGreetings from Pune! Kindly share the revised commercials at the "
        "earliest.\n\nThanks & Regards,\nRahul Deshpande\nSr. Manager – Purchase\n"
        "Sahyadri Auto Components Pvt. Ltd.\nPlot No. A-45, MIDC Chakan Phase II\n"
        "Pune – 410501, Maharashtra, India\nMob: +91 98200 12345\nTel: +91 20 5555 0123\n",
        "IN",
        "en",
        "plain",
        "manufacturing",
        first_name="Rahul",
        last_name="Deshpande",
        title="Sr. Manager – Purchase",
        company="Sahyadri Auto Components Pvt. Ltd.",
        street="Plot No. A-45, MIDC Chakan Phase II",
        city="Pune",
        postal_code="410501",
        state="Maharashtra",
        country="India",
        mobile="+919820012345",
        phone="+912055550123",
    ),
    _case(
        "jp-001",
        "k.watanabe@kansai-seiki.example",
        "Kenji Watanabe",
        "Dear Mr. Hale,\n\nThank you for your kind support always. We have checked the "
        "quotation and have some questions (attached).\n\nBest regards,\n\n"
        "*************************************\nKenji Watanabe\nOverseas Sales Section\n"
        "Kansai Seiki Co., Ltd.\n3-5-12 Awaza, Nishi-ku, Osaka 550-0011, Japan\n"
        "TEL: +81-6-5555-0123  FAX: +81-6-5555-0124\n"
        "*************************************\n",
        "JP",
        "en",
        "plain",
        "manufacturing",
        "rules",
        first_name="Kenji",
        last_name="Watanabe",
        title="Overseas Sales Section",
        company="Kansai Seiki Co., Ltd.",
        street="3-5-12 Awaza, Nishi-ku",
        city="Osaka",
        postal_code="550-0011",
        country="Japan",
        phone="+81655550123",
        fax="+81655550124",
    ),
    _case(
        "br-001",
        "fernanda.alves@rotasullog.example",
        "Fernanda Alves",
        "Olá Robin,\n\nPodemos seguir com a proposta.\n\nAtenciosamente,\n\nFernanda Alves\n"
        "Gerente de Operações Logísticas\nRotaSul Logística Ltda.\n"
        "Av. das Nações Unidas, 12901 – Brooklin\nSão Paulo – SP, 04578-000\n"
        "Tel.: +55 11 5555-0123 | Cel.: +55 11 95555-0123\n",
        "BR",
        "pt",
        "plain",
        "logistics",
        first_name="Fernanda",
        last_name="Alves",
        title="Gerente de Operações Logísticas",
        company="RotaSul Logística Ltda.",
        street="Av. das Nações Unidas, 12901 – Brooklin",
        city="São Paulo",
        state="SP",
        postal_code="04578-000",
        phone="+551155550123",
        mobile="+5511955550123",
    ),
    _case(
        "ie-001",
        "siobhan.kelly@midlandsuh.example",
        "Siobhán Kelly",
        "Hi Robin,\n\nI'll bring this to the next ICT steering group.\n\nBest,\nSiobhán\n\n"
        "Siobhán Kelly\nICT Project Manager\nMidlands University Hospital\nArden Road, "
        "Tullamore, Co. Offaly, R35 NY51\nT: +353 57 555 0123\n",
        "IE",
        "en",
        "plain",
        "healthcare",
        first_name="Siobhán",
        last_name="Kelly",
        title="ICT Project Manager",
        company="Midlands University Hospital",
        street="Arden Road",
        city="Tullamore",
        state="Co. Offaly",
        postal_code="R35 NY51",
        phone="+353575550123",
    ),
    _case(
        "nz-001",
        "aroha.walker@tasmanports.example",
        "Aroha Walker",
        "Kia ora Robin,\n\nNgā mihi for the proposal. We'll revert next week.\n\nNgā mihi,\n\n"
        "Aroha Walker\nCommercial Manager | Tasman Ports Limited\n"
        "Port Road, Nelson 7010, New Zealand\nP +64 3 555 0123 | M +64 21 555 0123\n",
        "NZ",
        "en",
        "plain",
        "logistics",
        first_name="Aroha",
        last_name="Walker",
        title="Commercial Manager",
        company="Tasman Ports Limited",
        street="Port Road",
        city="Nelson",
        postal_code="7010",
        country="New Zealand",
        phone="+6435550123",
        mobile="+64215550123",
    ),
    _case(
        "be-001",
        "s.peeters@peeters-advocaten.example",
        "Sofie Peeters",
        _owa(
            "Beste Robin,<br><br>In bijlage onze opmerkingen. / Veuillez trouver nos remarques "
            "en annexe.",
            "Sofie Peeters",
            "Advocaat-vennoot | Avocate associée",
            "Peeters &amp; Claes Advocaten",
            "Louizalaan 149, 1050 Brussel",
            "T +32 2 555 01 23",
        ),
        "BE",
        "nl",
        "fr",
        "html",
        "owa",
        "law",
        "bilingual",
        html=True,
        first_name="Sofie",
        last_name="Peeters",
        title="Advocaat-vennoot | Avocate associée",
        company="Peeters & Claes Advocaten",
        street="Louizalaan 149",
        postal_code="1050",
        city="Brussel",
        phone="+3225550123",
    ),
    _case(
        "ch-002",
        "l.rochat@hopital-leman.example",
        "Laure Rochat",
        "Bonjour Monsieur Hale,\n\nNous reviendrons vers vous après le comité d'achat.\n\n"
        "Meilleures salutations\n\nLaure Rochat\nCheffe de projet SI\nHôpital du Léman\n"
        "Route de la Corniche 3, 1066 Epalinges\nTél. +41 21 555 01 23\nSuisse\n",
        "CH",
        "fr",
        "plain",
        "healthcare",
        first_name="Laure",
        last_name="Rochat",
        title="Cheffe de projet SI",
        company="Hôpital du Léman",
        street="Route de la Corniche 3",
        postal_code="1066",
        city="Epalinges",
        country="Suisse",
        phone="+41215550123",
    ),
]

# -- Hard but real layouts -------------------------------------------------------------------
CASES += [
    _case(
        "hard-001",
        "n.armitage@armitage-group.example",
        "Neil Armitage",
        "Fine by me, go ahead.\n\nNeil\n\nGet Outlook for iOS\n\n"
        "Neil Armitage | Group Finance Director\nArmitage Group plc\n"
        "Armitage House, 5 Canal Wharf, Leeds LS11 5PS\nT +44 (0)113 496 0211\n"
        "armitage-group.example\n\nArmitage Group plc. Registered in England and Wales, company "
        "number 01234567.\n\n"
        + _orig("Robin Hale", ME_ADDR, "Contract renewal")
        + "Neil, can I send the renewal for signature?\n\n"
        + MY_SIG,
        "UK",
        "en",
        "plain",
        "reply",
        "mobile-footer",
        "server-side-signature",
        first_name="Neil",
        last_name="Armitage",
        title="Group Finance Director",
        company="Armitage Group plc",
        street="Armitage House, 5 Canal Wharf",
        city="Leeds",
        postal_code="LS11 5PS",
        phone="+441134960211",
        website="armitage-group.example",
    ),
    _case(
        "hard-002",
        "dana.yu@summitagency.example",
        "Dana Yu",
        "Robin, confirmed on our side.\n\nDana Yu\nChief Financial Officer\nSummit Agency Group\n"
        "617-555-0162\n\n"
        + _wrote(ME, ME_ADDR, "Wed, Feb 4, 2026 at 2:10 PM")
        + _quoted(
            "Dana, can you confirm the billing entity?\n\n"
            + MY_SIG
            + "\n"
            + _wrote("Dana Yu", "dana.yu@summitagency.example", "Tue, Feb 3, 2026 at 6:55 PM")
            + _quoted(
                "Robin, we may need to change the billing entity.\n\nDana Yu\n"
                "VP Finance\nSummit Agency Group\n617-555-0162\n"
            )
        ),
        "US",
        "en",
        "plain",
        "reply",
        "older-own-signature",
        "agency",
        first_name="Dana",
        last_name="Yu",
        title="Chief Financial Officer",
        company="Summit Agency Group",
        phone="+16175550162",
    ),
    _case(
        "hard-003",
        "olivia.grant@mercyvalley.example",
        "Olivia Grant",
        "Hi Robin,\n\nThe CNO would like a walkthrough for the unit managers.\n\nOlivia Grant, "
        "MSN, RN — Director of Nursing Informatics at Mercy Valley Hospital\n"
        "(559) 555-0188 (office) · (559) 555-0106 (cell)\n\n"
        "P.S. Our new badge readers go live on the 1st; please have your team call the main "
        "line at (559) 555-0100 to get visitor badges.\n",
        "US",
        "en",
        "plain",
        "healthcare",
        "title-at-company",
        "label-after",
        "postscript",
        first_name="Olivia",
        last_name="Grant",
        title="Director of Nursing Informatics",
        company="Mercy Valley Hospital",
        phone="+15595550188",
        mobile="+15595550106",
    ),
    _case(
        "hard-004",
        "ahmed.karim@gulfbridgeshipping.example",
        "Ahmed Karim",
        "Dear Robin,\n\nPlease find below my details for your CRM.\n\nName: Ahmed Karim\n"
        "Title: Regional Operations Director\nCompany: Gulf Bridge Shipping LLC\n"
        "Phone: +44 20 7946 0554\nMobile/WhatsApp: +44 7911 198765\n"
        "Email: ahmed.karim@gulfbridgeshipping.example\n\nRegards,\nAhmed\n",
        "UK",
        "en",
        "plain",
        "labelled-block",
        "logistics",
        first_name="Ahmed",
        last_name="Karim",
        title="Regional Operations Director",
        company="Gulf Bridge Shipping LLC",
        phone="+442079460554",
        mobile="+447911198765",
        email="ahmed.karim@gulfbridgeshipping.example",
    ),
    _case(
        "hard-005",
        "zoe.carter@brightlinepr.example",
        "Zoe Carter",
        _table(
            "Hi Robin! Loved the demo — sending the brief now.",
            "Brightline PR",
            '<img src="https://cdn.example/zoe-name.png" width="140" alt="Zoe Carter">',
            "Account Director",
            "Brightline PR",
            _icon("phone") + "+1 (312) 555-0159",
            '<a href="https://brightlinepr.example">brightlinepr.example</a>',
        ),
        "US",
        "en",
        "html",
        "table",
        "agency",
        "name-image",
        html=True,
        first_name="Zoe",
        last_name="Carter",
        title="Account Director",
        company="Brightline PR",
        phone="+13125550159",
        website="brightlinepr.example",
    ),
    _case(
        "hard-006",
        "gustavo.reyes@sunbeltcontainers.example",
        "Gustavo Reyes",
        "Robin,\n\nAttached is the signed order.\n\nGus\n\n📞 +1.813.555.0174\n"
        "📱 +1.813.555.0123\n🏢 Sunbelt Container Services · 5100 W Hillsborough Ave, Tampa, "
        "FL 33634\n👤 Gustavo Reyes, Terminal Manager\n",
        "US",
        "en",
        "plain",
        "emoji",
        "logistics",
        "name-comma-title",
        first_name="Gustavo",
        last_name="Reyes",
        title="Terminal Manager",
        company="Sunbelt Container Services",
        phone="+18135550174",
        mobile="+18135550123",
        street="5100 W Hillsborough Ave",
        city="Tampa",
        state="FL",
        postal_code="33634",
    ),
    _case(
        "hard-007",
        "owen.price@cymruwater.example",
        "Owen Price",
        "Robin,\n\nSee my notes.\n\nOwen\n________________________________\nOwen Price\n"
        "Head of Asset Systems\nCymru Water Services Ltd\nSwitchboard: 029 2018 0700\n"
        "Ext. 2231\n________________________________\n"
        "Cymru Water Services Ltd, Pentwyn Road, Nelson, Treharris CF46 6LY. Registered in "
        "Wales No. 2366777.\n",
        "UK",
        "en",
        "plain",
        "public-sector",
        "switchboard",
        "rules",
        "registered-office",
        first_name="Owen",
        last_name="Price",
        title="Head of Asset Systems",
        company="Cymru Water Services Ltd",
        phone="+442920180700",
    ),
    _case(
        "hard-008",
        "t.lindqvist@vastkustenhamn.example",
        "Tove Lindqvist",
        "Hej Robin,\n\nVi kör vidare.\n\nMed vänliga hälsningar\nTove Lindqvist\n"
        "Logistikchef, Västkusten Hamn AB\nTel: +46 31 555 01 23\n",
        "SE",
        "sv",
        "plain",
        "logistics",
        "title-comma-company",
        first_name="Tove",
        last_name="Lindqvist",
        title="Logistikchef",
        company="Västkusten Hamn AB",
        phone="+46315550123",
    ),
    _case(
        "hard-009",
        "r.kowalczyk@greatlakesfoundry.example",
        "Robert Kowalczyk",
        'Robin -\n\nWe\'re in. Send paperwork.\n\nBob\n\n-- \nRobert "Bob" Kowalczyk\n'
        "VP Sales & Marketing\nGreat Lakes Foundry Co.\n+1.216.555.0144\n\n"
        '"Quality is never an accident; it is always the result of intelligent effort." '
        "— John Ruskin\n",
        "US",
        "en",
        "plain",
        "thunderbird",
        "quote-line",
        "nickname",
        "manufacturing",
        first_name="Robert",
        last_name="Kowalczyk",
        title="VP Sales & Marketing",
        company="Great Lakes Foundry Co.",
        phone="+12165550144",
    ),
    _case(
        "hard-010",
        "a.oduya@westfieldcollege.example",
        "Adaeze Oduya",
        _owa(
            "Hi Robin,<br><br>Finance approved it this morning 🎉",
            "Adaeze Oduya (she/her)",
            "Head of Digital Services | Westfield College",
            "Office: 0117 496 0345 | Mobile: 07911 287654",
            "Westfield College, Filton Avenue, Bristol BS34 7AT",
            "&nbsp;",
            "I work flexibly; please don't feel obliged to reply outside your working hours.",
            reply_from="Robin Hale &lt;robin.hale@stratus-demo.example&gt;",
            quote=_br("Hi Adaeze, any news from finance?\n\n" + MY_SIG),
        ),
        "UK",
        "en",
        "html",
        "owa",
        "reply",
        "university",
        "pipes",
        html=True,
        first_name="Adaeze",
        last_name="Oduya",
        title="Head of Digital Services",
        company="Westfield College",
        phone="+441174960345",
        mobile="+447911287654",
        street="Filton Avenue",
        city="Bristol",
        postal_code="BS34 7AT",
    ),
    _case(
        "hard-011",
        "ben.hollis@hollisreed.example",
        "Ben Hollis",
        "Robin — my father asked me to reply; I manage IT here. We'll take the 10-seat plan.\n\n"
        "Ben\n\nBen Hollis | IT Manager | Hollis Reed & Marsh LLP | 212.555.0190 x2231\n\n"
        "-----Original Message-----\nFrom: Charles W. Hollis <chollis@hollisreed.example>\n"
        "Sent: Monday, February 9, 2026 8:02 AM\nTo: Ben Hollis <ben.hollis@hollisreed.example>"
        "\nSubject: FW: Stratus\n\nBen, please handle.\n\nCharles W. Hollis, Esq.\n"
        "Managing Partner\nHollis Reed & Marsh LLP\nT: 212.555.0170\n",
        "US",
        "en",
        "plain",
        "law",
        "reply",
        "pipes",
        "extension",
        first_name="Ben",
        last_name="Hollis",
        title="IT Manager",
        company="Hollis Reed & Marsh LLP",
        phone="+12125550190",
    ),
    _case(
        "hard-012",
        "m.hassan@deltacare.example",
        "Mariam Hassan",
        _gmail(
            'Robin,<br><br>Answers in <span style="color:#1f497d">blue</span> below.<br><br>'
            '&gt; How many sites?<br><span style="color:#1f497d">Seven clinics.</span><br>'
            '&gt; Go-live target?<br><span style="color:#1f497d">June.</span>',
            "Mariam Hassan",
            "Practice Operations Manager",
            "DeltaCare Family Clinics",
            "Tel (02) 9555 0134",
            "Suite 4, 20 Macquarie St, Parramatta NSW 2150",
        ),
        "AU",
        "en",
        "html",
        "gmail",
        "reply",
        "inline",
        "healthcare",
        html=True,
        first_name="Mariam",
        last_name="Hassan",
        title="Practice Operations Manager",
        company="DeltaCare Family Clinics",
        phone="+61295550134",
        street="Suite 4, 20 Macquarie St",
        city="Parramatta",
        state="NSW",
        postal_code="2150",
    ),
    _case(
        "hard-013",
        "c.dubois@cabinet-dubois-notaires.example",
        "Catherine Dubois",
        "Monsieur Hale,\n\nJe vous confirme notre rendez-vous de mardi.\n\n"
        "Pour Maître Catherine Dubois,\nSon assistante, Élodie Masson\n\n"
        "Cabinet Dubois Notaires\n5 place Bellecour, 69002 Lyon\nTél. 04 72 55 61 90\n",
        "FR",
        "fr",
        "plain",
        "law",
        "assistant-for-sender",
        first_name="Catherine",
        last_name="Dubois",
        company="Cabinet Dubois Notaires",
        street="5 place Bellecour",
        postal_code="69002",
        city="Lyon",
        phone="+33472556190",
    ),
    _case(
        "hard-014",
        "derek.fong@fongandpartners.example",
        "Derek Fong",
        "Robin,\n\nNote our office move — please update your records.\n\n"
        "Derek Fong CPA, CA\nManaging Partner\nFong & Partners LLP, Chartered Professional "
        "Accountants\nNEW ADDRESS: 1200 – 1111 West Hastings Street, Vancouver BC V6E 2J3\n"
        "T 604 555 0155\n",
        "CA",
        "en",
        "plain",
        "title-comma-company",
        first_name="Derek",
        last_name="Fong",
        title="Managing Partner",
        company="Fong & Partners LLP",
        street="1200 – 1111 West Hastings Street",
        city="Vancouver",
        state="BC",
        postal_code="V6E 2J3",
        phone="+16045550155",
    ),
    _case(
        "hard-015",
        "h.schmitt@schmitt-sanitaer.example",
        "Hans Schmitt",
        "Hallo Herr Hale,\n\nOK.\n\nGruß H. Schmitt\n\nSchmitt Sanitär & Heizung GmbH\n"
        "Inh. Hans Schmitt\nBahnhofstr. 3, 66111 Saarbrücken\nTel. 0681 9400 20, Fax -29\n"
        "Notdienst 24h: 0681 9400 99\n",
        "DE",
        "de",
        "plain",
        "company-first",
        first_name="Hans",
        last_name="Schmitt",
        company="Schmitt Sanitär & Heizung GmbH",
        street="Bahnhofstr. 3",
        postal_code="66111",
        city="Saarbrücken",
        phone="+49681940020",
    ),
    _case(
        "hard-016",
        "p.oconnor@cityofriverside.example",
        "Patrick O'Connor",
        _mso(
            "Robin,<br><br>Our IT director asked that you send the security questionnaire "
            "responses to me.",
            "Patrick O’Connor",
            "IT Security Analyst",
            "City of Riverside – Innovation &amp; Technology",
            "3900 Main Street, 5th Floor | Riverside, CA 92522",
            "O: 951.555.0131 | Main: 951.555.0100",
            "<i>Please note: Email sent to this address is a public record.</i>",
        ),
        "US",
        "en",
        "html",
        "outlook",
        "public-sector",
        "main-and-direct",
        html=True,
        first_name="Patrick",
        last_name="O’Connor",
        title="IT Security Analyst",
        company="City of Riverside – Innovation & Technology",
        street="3900 Main Street, 5th Floor",
        city="Riverside",
        state="CA",
        postal_code="92522",
        phone="+19515550131",
    ),
    _case(
        "hard-017",
        "yuki.tanaka@hokuto-logi.example",
        "Tanaka Yuki",
        "Dear Robin-san,\n\nThank you very much. We will discuss internally.\n\nBest regards,\n"
        "Yuki Tanaka\n----------------------------------------\nHokuto Logistics Corporation\n"
        "International Business Department\nManager  Yuki TANAKA\n"
        "1-2-3 Shiba, Minato-ku, Tokyo 105-0014\nPhone: 03-5555-0123\nMobile: 090-5555-0123\n"
        "----------------------------------------\n",
        "JP",
        "en",
        "plain",
        "logistics",
        "surname-first-from",
        first_name="Yuki",
        last_name="Tanaka",
        title="Manager",
        company="Hokuto Logistics Corporation",
        street="1-2-3 Shiba, Minato-ku",
        city="Tokyo",
        postal_code="105-0014",
        phone="+81355550123",
        mobile="+819055550123",
    ),
    _case(
        "hard-018",
        "emma.richardson@richardsonlaw.example",
        "Emma Richardson",
        _apple(
            "Robin,<br><br>Yes, please go ahead.",
            "Emma",
            "<br>",
            "Emma Richardson | Director",
            "Richardson Employment Law",
            "0491 570 006 // emma.richardson@richardsonlaw.example",
            "Level 5, 60 Carrington Street, Sydney NSW 2000",
            "<br>",
            "Sent from my iPad",
            quote_from="Robin Hale &lt;robin.hale@stratus-demo.example&gt;",
            quote=_br("Emma, okay to send the order form to your office manager?\n\n" + MY_SIG),
        ),
        "AU",
        "en",
        "html",
        "apple",
        "reply",
        "law",
        "slashes",
        "mobile-footer",
        html=True,
        first_name="Emma",
        last_name="Richardson",
        title="Director",
        company="Richardson Employment Law",
        phone="+61491570006",  # unlabelled: the phone (round 5, issue convention)
        email="emma.richardson@richardsonlaw.example",
        street="Level 5, 60 Carrington Street",
        city="Sydney",
        state="NSW",
        postal_code="2000",
    ),
    _case(
        "hard-019",
        "k.mbeki@capecoldstore.example",
        "Kagiso Mbeki",
        "Hi Robin\n\nPlease see attached.\n\nKind regards\nKagiso Mbeki\n"
        "Warehouse Manager | Cape Cold Store (Pty) Ltd\nT: +27 21 555 0123 | C: +27 82 555 0123\n"
        "Duncan Dock, Cape Town, 8001, South Africa\n",
        "ZA",
        "en",
        "plain",
        "logistics",
        first_name="Kagiso",
        last_name="Mbeki",
        title="Warehouse Manager",
        company="Cape Cold Store (Pty) Ltd",
        phone="+27215550123",
        mobile="+27825550123",
        street="Duncan Dock",
        city="Cape Town",
        postal_code="8001",
        country="South Africa",
    ),
    _case(
        "hard-020",
        "laura.bennett@outlook.com",
        "Laura Bennett",
        "Hi Robin,\n\nI've left Northgate and I'm freelancing now - happy to keep talking!\n\n"
        "Laura Bennett\nIndependent Procurement Consultant\n+1 647 555 0186\n"
        "linkedin.com/in/laurabennett-procurement\n",
        "CA",
        "en",
        "plain",
        "free-mail",
        first_name="Laura",
        last_name="Bennett",
        title="Independent Procurement Consultant",
        phone="+16475550186",
        linkedin="linkedin.com/in/laurabennett-procurement",
    ),
]

# -- No signature in the newest message ------------------------------------------------------
_OTHER_SIG = (
    "Karen Voss\nRegional Sales Manager, Central\nIronclad Fasteners Inc.\n"
    "1400 Commerce Dr, Dayton, OH 45402\nO: 937-555-0122 | M: 937-555-0183\n"
)

CASES += [
    _case(
        "none-001",
        "calendar-notification@google.example",
        "Google Calendar",
        "Invitation: Stratus x Midwest Precision - pricing review @ Thu Feb 12, 2026 "
        "2pm - 2:45pm (EST) (robin.hale@stratus-demo.example)\n\nJoin with Google Meet\n"
        "meet.google.example/abc-defg-hij\n\nJoin by phone\n(US) +1 419-555-0100 PIN: 123 456 "
        "789#\n\nOrganizer\nGary Kowalski\ngkowalski@midwestprecision.example\n\nGuests\n"
        "Gary Kowalski - organizer\nRobin Hale\n\nView all guest info\n\nReply for "
        "robin.hale@stratus-demo.example\nYes  No  Maybe  More options\n\nInvitation from Google "
        "Calendar\n",
        "US",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "none-002",
        "liam.foster@tristateelectric.example",
        "Liam Foster",
        "Automatic reply: Stratus renewal\n\nThank you for your email. I am out of the office "
        "through Monday, February 16 with no access to email. For urgent operational matters "
        "please contact James Whitaker, Director, Field Operations, at 570.555.0114 or "
        "jwhitaker@tristateelectric.example.\n\nTri-State Electric Cooperative\n"
        "1 Energy Way, Scranton, PA 18503\n",
        "US",
        "en",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "none-003",
        "dse_na3@docusign.example",
        "Denise Harper via Docusign",
        "Denise Harper sent you a document to review and sign.\n\nREVIEW DOCUMENT\n\n"
        "Denise Harper\ndharper@larchcounty.example\n\nPlease review the Vendor Registration "
        "Form.\n\nDo Not Share This Email\nThis email contains a secure link to Docusign. "
        "Please do not share this email, link, or access code with others.\n\n"
        "About Docusign\nSign documents electronically in just minutes.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "none-004",
        "news@ironcladfasteners.example",
        "Ironclad Fasteners",
        _table(
            "<h2>Spring Catalog 2026 is here</h2>New stainless lines, same-day shipping on 4,000+ "
            'SKUs. <a href="https://ironcladfasteners.example/catalog">Browse now</a>',
            "Ironclad Fasteners",
            "Ironclad Fasteners Inc.",
            "1400 Commerce Dr, Dayton, OH 45402",
            "1-800-555-0199",
            '<a href="https://ironcladfasteners.example/unsubscribe">Unsubscribe</a> | '
            '<a href="https://ironcladfasteners.example/prefs">Manage preferences</a>',
        ),
        "US",
        "en",
        "html",
        "newsletter",
        "unsigned",
        html=True,
    ),
    _case(
        "none-005",
        "tyler.b@gmail.com",
        "Tyler Brooks",
        "Thanks!\nSent from my phone\n",
        "US",
        "en",
        "plain",
        "mobile-footer",
        "free-mail",
        "unsigned",
    ),
    _case(
        "none-006",
        "jordan.ellis@coppercanyonmfg.example",
        "Jordan Ellis",
        "Works for me.\n\n—J\n\n"
        + _wrote(ME, ME_ADDR)
        + _quoted("Jordan, does Thursday 10am MT work for the onsite?\n\n" + MY_SIG),
        "US",
        "en",
        "plain",
        "reply",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "none-007",
        "steve.marsh@ironcladfasteners.example",
        "Steve Marsh",
        "Robin - FYI, see Karen's note below. Can we discuss tomorrow?\n\n"
        + _orig("Karen Voss", "kvoss@ironcladfasteners.example", "FW: distributor pricing")
        + "Steve,\n\nForwarding the distributor pricing from Stratus. Looks high to me.\n\n"
        + _OTHER_SIG
        + _orig("Robin Hale", ME_ADDR, "distributor pricing")
        + "Karen, pricing attached.\n\n"
        + MY_SIG,
        "US",
        "en",
        "plain",
        "forward",
        "chain",
        "unsigned",
    ),
    _case(
        "none-008",
        "cfo@deltaforge.example",
        "Delta Forge CFO",
        "Approved.\n",
        "US",
        "en",
        "plain",
        "one-line",
        "unsigned",
    ),
    _case(
        "none-009",
        "noreply@teams.example",
        "Microsoft Teams",
        _owa(
            "<b>Eleanor Whitcombe</b> has invited you to a Microsoft Teams meeting<br><br>"
            "<b>Contract review – Ashby Crane / Stratus</b><br>Wednesday, 11 February 2026<br>"
            "14:00 – 15:00 (UTC+00:00) Dublin, Edinburgh, Lisbon, London<br><br>"
            "________________________________________________<br>Microsoft Teams "
            '<a href="https://teams.example/l/meetup-join/1">Need help?</a><br>'
            "<b>Join the meeting now</b><br>Meeting ID: 345 678 901 234<br>Passcode: x7Qh2P<br>"
            "<b>Dial in by phone</b><br>+44 20 7946 0999,,123456789# United Kingdom, London<br>"
            "Phone conference ID: 123 456 789#<br>For organisers: Meeting options<br>"
            "________________________________________________",
        ),
        "UK",
        "en",
        "html",
        "owa",
        "invite",
        "unsigned",
        html=True,
    ),
    _case(
        "none-010",
        "g.hughes@westmerecouncil.gov.example",
        "Gareth Hughes",
        "Thank you for your email. I am on annual leave until Monday 23 February and will "
        "respond on my return. If your matter is urgent, please contact the Strategic "
        "Procurement Team on 0300 123 4567 or procurement@westmerecouncil.gov.example.\n\n"
        "Westmere Borough Council, Civic Centre, Silver Street, Westmere, Kent ME14 1XQ\n",
        "UK",
        "en",
        "plain",
        "out-of-office",
        "public-sector",
        "unsigned",
    ),
    _case(
        "none-011",
        "events@supplychaininsight.example",
        "Supply Chain Insight",
        _mso(
            "Dear Robin,<br><br>Join us on 5 March for our webinar <b>Resilient Warehousing in "
            "2026</b>, with speakers from Northway Haulage and Tyneside Precision Engineering."
            '<br><br><a href="https://supplychaininsight.example/register">Register now</a>',
            "Supply Chain Insight Ltd, 30 Stamford Street, London SE1 9LQ. Registered in "
            "England No. 09876543.",
            "Tel: 020 7946 0500",
            "You are receiving this email because you registered for a previous event. "
            '<a href="https://supplychaininsight.example/unsubscribe">Unsubscribe</a>',
        ),
        "UK",
        "en",
        "html",
        "newsletter",
        "unsigned",
        html=True,
    ),
    _case(
        "none-012",
        "mlavoie@transportsboreal.example",
        "Mélanie Lavoie",
        "Bonjour,\n\nJe suis absente du bureau jusqu'au 20 février inclusivement. Pour toute "
        "urgence, veuillez communiquer avec Pierre Rousseau au 418 555-0160, poste 205.\n\n"
        "Hello,\n\nI am out of the office until February 20. For urgent matters, please contact "
        "Pierre Rousseau at 418 555-0160, ext. 205.\n",
        "CA",
        "fr",
        "en",
        "plain",
        "out-of-office",
        "bilingual",
        "unsigned",
    ),
    _case(
        "none-013",
        "eric.gagne@usinagelaurentien.example",
        "Éric Gagné",
        "Parfait, merci.\n\nEnvoyé de mon iPhone\n\n"
        "Le 9 févr. 2026 à 15:12, Sylvie Gagnon <sgagnon@usinagelaurentien.example> a écrit :\n\n"
        + _quoted(
            "Éric, peux-tu valider la soumission de Stratus?\n\nSylvie Gagnon\n"
            "Directrice des achats\nUsinage Laurentien inc.\n2250, boul. Industriel\n"
            "Laval (Québec)  H7S 1P4\nTél. : 450 555-0172, poste 231\n"
        ),
        "CA",
        "fr",
        "plain",
        "reply",
        "mobile-footer",
        "top-post",
        "unsigned",
    ),
    _case(
        "none-014",
        "t.krueger@vollmer-mb.example",
        "Thomas Krüger",
        "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 20.02.2026 nicht im Büro "
        "und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte "
        "an Herrn Stefan Brandt (stefan.brandt@vollmer-mb.example, Tel. +49 711 2205 3310).\n\n"
        "Heinrich Vollmer Maschinenbau GmbH & Co. KG · Industriestraße 14 · 73734 Esslingen am "
        "Neckar\nSitz der Gesellschaft: Esslingen, Amtsgericht Stuttgart HRA 123456\n",
        "DE",
        "de",
        "plain",
        "out-of-office",
        "imprint",
        "unsigned",
    ),
    _case(
        "none-015",
        "f.yilmaz@spedition-yilmaz.example",
        "Fatma Yilmaz",
        "Passt, danke!\n\nVon meinem iPhone gesendet\n\n"
        "> Am 09.02.2026 um 14:10 schrieb Robin Hale <robin.hale@stratus-demo.example>:\n>\n"
        + _quoted("Hallo Fatma, passt der Termin am 17.?\n\n" + MY_SIG),
        "DE",
        "de",
        "plain",
        "reply",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "none-016",
        "noreply@paketdienst.example",
        "Paketdienst Nord",
        "Ihre Sendung 00340434161234567890 wird heute zugestellt.\n\nVoraussichtliches "
        "Zeitfenster: 10:30 – 12:30 Uhr\n\nSendung verfolgen: https://paketdienst.example/t/"
        "00340434161234567890\n\nDies ist eine automatisch erstellte E-Mail. Bitte antworten Sie "
        "nicht darauf.\n\nPaketdienst Nord GmbH · Speicherstraße 10 · 20457 Hamburg · "
        "Kundenservice: 040 3344 5000\nAmtsgericht Hamburg HRB 112233 · Geschäftsführer: Lars "
        "Petersen\n",
        "DE",
        "de",
        "plain",
        "notification",
        "imprint",
        "unsigned",
    ),
    _case(
        "none-017",
        "a.marchetti@acieries-rhone.example",
        "Audrey Marchetti",
        "Bonjour,\n\nJe suis actuellement en congés et serai de retour le lundi 23 février. "
        "Pour toute demande urgente, merci de contacter Nicolas Fabre au +33 (0)4 72 55 61 80."
        "\n\nCordialement,\nAudrey Marchetti\n",
        "FR",
        "fr",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "none-018",
        "helene.marchand@ch-valdargent.example",
        "Hélène Marchand",
        "Bien reçu, merci.\n\nEnvoyé de mon iPhone\n\n"
        "Le 9 févr. 2026 à 16:40, Robin Hale <robin.hale@stratus-demo.example> a écrit :\n\n"
        + _quoted("Bonjour Madame Marchand, voici le devis définitif.\n\n" + MY_SIG),
        "FR",
        "fr",
        "plain",
        "reply",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "none-019",
        "newsletter@salon-logistique.example",
        "Salon Logistique Lyon",
        _table(
            "<h1>J-30 : le Salon Logistique Lyon ouvre ses portes !</h1>Demandez votre badge "
            "gratuit dès maintenant.",
            "Salon Logistique Lyon",
            "Salon Logistique Lyon – Eurexpo, Boulevard de l'Europe, 69680 Chassieu",
            "Tél. 04 72 55 61 00",
            "Vous recevez cet e-mail car vous êtes inscrit à notre lettre d'information. "
            '<a href="https://salon-logistique.example/desinscription">Se désinscrire</a>',
        ),
        "FR",
        "fr",
        "html",
        "newsletter",
        "unsigned",
        html=True,
    ),
    _case(
        "none-020",
        "mick.t@bigpond.example",
        "Mick Thompson",
        "No worries, sounds good.\n\nCheers, Mick\n",
        "AU",
        "en",
        "plain",
        "sign-off-only",
        "free-mail",
        "unsigned",
    ),
    _case(
        "none-021",
        "s.pearce@ironbarkmining.example",
        "Sam Pearce",
        "Hi there,\n\nI'm currently on a FIFO roster and back on site Tuesday 17 February. I "
        "will have limited access to email. For anything urgent, please call Bronwyn Hayes on "
        "+61 491 570 156.\n\nThanks,\nSam\n",
        "AU",
        "en",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "none-022",
        "messenger@accounting.example",
        "Swiftline Freight Pty Ltd",
        "Hi Robin,\n\nHere's invoice INV-20931 for AUD 4,180.00.\n\nThe amount outstanding of "
        "AUD 4,180.00 is due on 28 Feb 2026.\n\nView and pay your bill online: "
        "https://in.accounting.example/abc123\n\nIf you have any questions, please let us "
        "know.\n\nThanks,\nSwiftline Freight Pty Ltd\n28 Kingsford Smith Drive, Eagle Farm QLD "
        "4009 · 1300 555 012\n",
        "AU",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "none-023",
        "mailer-daemon@mx.stratus-demo.example",
        "Mail Delivery Subsystem",
        "Delivery to the following recipient failed permanently:\n\n"
        "     d.harper@larchcounty.example\n\nTechnical details of permanent failure:\n"
        "550 5.1.1 The email account that you tried to reach does not exist.\n\n"
        "----- Original message -----\n\nFrom: Robin Hale <robin.hale@stratus-demo.example>\n"
        "Subject: Vendor registration\n\nDenise, registration form attached.\n\n" + MY_SIG,
        "US",
        "en",
        "plain",
        "bounce",
        "unsigned",
    ),
    _case(
        "none-024",
        "no-reply@zoom.example",
        "Kylie Nguyen (via Zoom)",
        "Kylie Nguyen is inviting you to a scheduled Zoom meeting.\n\nTopic: ICT panel "
        "briefing\nTime: Feb 18, 2026 10:00 AM Canberra, Melbourne, Sydney\n\nJoin Zoom "
        "Meeting\nhttps://zoom.example/j/81234567890?pwd=abc\n\nMeeting ID: 812 3456 7890\n"
        "Passcode: 418203\n\nOne tap mobile\n+61371828888,,81234567890# Australia\n\n"
        "Dial by your location\n• +61 3 7018 2005 Australia\n• +61 2 8015 6011 Australia\n",
        "AU",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "none-025",
        "notifications@crm.example",
        "CRM Notifications",
        "New lead assigned to you\n\nName: Dave Ruggiero\nCompany: Ruggiero Landscaping\n"
        "Phone: (860) 555-0193\nSource: Web form\n\nOpen the lead: https://crm.example/l/00Q5e\n"
        "\nYou are receiving this because you are the lead owner. Manage notifications in "
        "Settings.\n",
        "US",
        "en",
        "plain",
        "notification",
        "labelled-block",
        "unsigned",
    ),
    _case(
        "none-026",
        "support@fieldhousecreative.example",
        "Fieldhouse Creative Support",
        "Hi Robin,\n\nThanks for contacting Fieldhouse Creative. Your request (#48213) has been "
        "received and is being reviewed by our support staff.\n\nTo add additional comments, "
        "reply to this email.\n\nFieldhouse Creative | 1120 NW Couch St, Portland, OR 97209 | "
        "(503) 555-0125\n",
        "US",
        "en",
        "plain",
        "notification",
        "auto-reply",
        "unsigned",
    ),
    _case(
        "none-027",
        "curtis.lang@harborviewbh.example",
        "Curtis Lang",
        _owa(
            "See below.",
            reply_from="Megan O'Connell &lt;megan.oconnell@harborviewbh.example&gt;",
            quote=_br(
                "Curtis, Stratus sent the contract.\n\nMegan O'Connell\nContracts "
                "Administrator\nHarborview Behavioral Health\n(206) 555-0171\n"
            ),
        ),
        "US",
        "en",
        "html",
        "owa",
        "forward",
        "unsigned",
        html=True,
    ),
    _case(
        "none-028",
        "kevin.ross@brightwaterlabs.example",
        "Kevin Ross",
        _gmail(
            "Sounds good, thanks!",
            quote_from="Erin Walsh &lt;ewalsh@brightwaterlabs.example&gt;",
            quote=_br(
                "Kevin, can you join the renewal call Thursday?\n\nErin Walsh\n"
                "Senior Director, Revenue Operations\nBrightwater Labs\n+1 (919) 555-0183\n"
            ),
        ),
        "US",
        "en",
        "html",
        "gmail",
        "reply",
        "unsigned",
        html=True,
    ),
    _case(
        "none-029",
        "d.foley@northwayhaulage.example",
        "Dean Foley",
        "Yep will do\n\nGet Outlook for Android\n\n"
        + _orig("Robin Hale", ME_ADDR, "Collection Thursday")
        + "Dean, can you confirm the collection slot?\n\n"
        + MY_SIG,
        "UK",
        "en",
        "plain",
        "reply",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "none-030",
        "feedback@surveys.example",
        "Hearth & Home Supply Co.",
        "How did we do?\n\nRate your recent experience with our Nashville purchasing team.\n\n"
        "1  2  3  4  5  6  7  8  9  10\n\nHearth & Home Supply Co. · 2100 8th Ave S, Nashville, "
        "TN 37204\nPrivacy policy · Unsubscribe\n",
        "US",
        "en",
        "plain",
        "newsletter",
        "survey",
        "unsigned",
    ),
    _case(
        "none-031",
        "a.mcintyre@greaterkelvin.ac.example",
        "Alan McIntyre",
        "Accepted: Pilot planning – University of Greater Kelvin\n\nWhen: Wednesday, 18 "
        "February 2026 10:00-11:00 (UTC+00:00) Dublin, Edinburgh, Lisbon, London.\nWhere: "
        "Microsoft Teams Meeting\n",
        "UK",
        "en",
        "plain",
        "invite",
        "calendar-response",
        "unsigned",
    ),
    _case(
        "none-032",
        "k.obi@keystonebiologics.example",
        "Kelechi Obi",
        "Thx - will review tonight.\nK\n",
        "US",
        "en",
        "plain",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "none-033",
        "r.vandijk@maaslandcargo.example",
        "Ruud van Dijk",
        "Prima, dank je!\n\nVerzonden vanaf mijn iPhone\n\n"
        "> Op 9 feb 2026 om 11:20 heeft Robin Hale <robin.hale@stratus-demo.example> het "
        "volgende geschreven:\n>\n" + _quoted("Ruud, de factuur is onderweg.\n\n" + MY_SIG),
        "NL",
        "nl",
        "plain",
        "reply",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "none-034",
        "lmartin@hospitalsanrafael.example",
        "Lucía Martín Ortega",
        "Recibido, gracias.\n\nEnviado desde mi iPhone\n",
        "ES",
        "es",
        "plain",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "none-035",
        "it-noreply@marlowstate.example",
        "Marlow State University IT",
        "Your guest Wi-Fi access for the visit on February 19 has been approved.\n\nNetwork: "
        "MSU-Guest\nVoucher: 8842-1190\n\nMarlow State University · Information Technology "
        "Services · 1 University Drive, Marlow, MI 48901 · (517) 555-0100\n",
        "US",
        "en",
        "plain",
        "notification",
        "university",
        "unsigned",
    ),
    _case(
        "none-036",
        "gary.k.1975@gmail.com",
        "Gary Kowalski",
        "Robin, writing from my personal account - you can reach me on my cell at "
        "419-555-0188 this weekend if anything comes up with the tooling.\n",
        "US",
        "en",
        "plain",
        "free-mail",
        "number-in-body",
        "unsigned",
    ),
    _case(
        "none-037",
        "rachel.greenberg@greenbergfoxlaw.example",
        "Rachel Greenberg",
        "Looping in our IT team.\n\n"
        "---------- Forwarded message ---------\nFrom: Alex Moreno <amoreno@ediscovery-vendor."
        "example>\nDate: Thu, Feb 5, 2026 at 9:44 AM\nSubject: Migration plan\nTo: Rachel "
        "Greenberg <rgreenberg@greenbergfoxlaw.example>\n\nRachel, plan attached.\n\n"
        "Alex Moreno\nSolutions Architect\nCaseLoad Discovery Inc.\n(267) 555-0115\n",
        "US",
        "en",
        "plain",
        "forward",
        "law",
        "unsigned",
    ),
]

# -- More of the six main regions ------------------------------------------------------------
CASES += [
    _case(
        "more-001",
        "mdelacruz@sunrisedental.example",
        "Maria de la Cruz",
        "Hi Robin,\n\nOur 6 offices would go live together in May.\n\nThank you!\n\n"
        "Maria de la Cruz, DDS\nClinical Director | Sunrise Dental Partners\n"
        "8125 N Central Expy, Suite 300, Dallas, TX 75206\nOffice (214) 555-0131\n"
        "Toll-free 1-833-555-0199\n",
        "US",
        "en",
        "plain",
        "healthcare",
        "particle",
        "pipes",
        first_name="Maria",
        last_name="de la Cruz",
        title="Clinical Director",
        company="Sunrise Dental Partners",
        street="8125 N Central Expy, Suite 300",
        city="Dallas",
        state="TX",
        postal_code="75206",
        phone="+12145550131",
    ),
    _case(
        "more-002",
        "j.okoro@northumbria-tech.ac.example",
        "Jennifer Okoro",
        _mso(
            "Dear Robin,<br><br>Thank you – I have passed this to our Head of IT.",
            "Jennifer Okoro",
            "Executive Assistant to the Vice-Chancellor",
            "Northumbria Institute of Technology",
            "Ellison Place, Newcastle upon Tyne NE1 8ST",
            "Direct line: 0191 498 0321&nbsp; |&nbsp; Reception: 0191 498 0000",
        ),
        "UK",
        "en",
        "html",
        "outlook",
        "university",
        "assistant",
        "main-and-direct",
        html=True,
        first_name="Jennifer",
        last_name="Okoro",
        title="Executive Assistant to the Vice-Chancellor",
        company="Northumbria Institute of Technology",
        street="Ellison Place",
        city="Newcastle upon Tyne",
        postal_code="NE1 8ST",
        phone="+441914980321",
    ),
    _case(
        "more-003",
        "jean-baptiste.leblanc@acadiecoop.example",
        "Jean-Baptiste LeBlanc",
        "Bonjour Robin / Hello Robin,\n\nMerci, c'est approuvé. / Thanks, it's approved.\n\n"
        "Jean-Baptiste LeBlanc\nDirecteur général | General Manager\nCoopérative Acadie "
        "Transport Ltée\n55, rue Main, Moncton (N.-B.)  E1C 1B8\n506-555-0147\n",
        "CA",
        "fr",
        "en",
        "plain",
        "bilingual",
        "logistics",
        "compound-first",
        first_name="Jean-Baptiste",
        last_name="LeBlanc",
        title="Directeur général | General Manager",
        company="Coopérative Acadie Transport Ltée",
        street="55, rue Main",
        city="Moncton",
        state="N.-B.",
        postal_code="E1C 1B8",
        phone="+15065550147",
    ),
    _case(
        "more-004",
        "info@metallbau-krause.example",
        "Metallbau Krause",
        "Sehr geehrter Herr Hale,\n\nwir bitten um ein Angebot für 5 Arbeitsplätze.\n\n"
        "Mit freundlichen Grüßen\n\nSabine Krause\nMetallbau Krause GmbH\nAm Hafen 8\n"
        "18055 Rostock\nZentrale: 0381 4567 0\n",
        "DE",
        "de",
        "plain",
        "manufacturing",
        "shared-mailbox",
        "main",
        first_name="Sabine",
        last_name="Krause",
        company="Metallbau Krause GmbH",
        street="Am Hafen 8",
        postal_code="18055",
        city="Rostock",
        phone="+4938145670",
    ),
    _case(
        "more-005",
        "contact@cabinet-morel-archi.example",
        "Cabinet Morel Architectes",
        "Bonjour,\n\nNous souhaitons un essai gratuit pour l'agence.\n\nBien à vous,\n\n"
        "Sophie Morel\nArchitecte DPLG – Gérante\nCabinet Morel Architectes\n"
        "3 cours de l'Intendance, 33000 Bordeaux\nStandard : 05 56 44 12 00\n",
        "FR",
        "fr",
        "plain",
        "agency",
        "shared-mailbox",
        "main",
        first_name="Sophie",
        last_name="Morel",
        title="Architecte DPLG – Gérante",
        company="Cabinet Morel Architectes",
        street="3 cours de l'Intendance",
        postal_code="33000",
        city="Bordeaux",
        phone="+33556441200",
    ),
    _case(
        "more-006",
        "grant.whelan@murrayshire.vic.gov.example",
        "Grant Whelan",
        "Morning Robin,\n\nCouncil endorsed the trial at last night's meeting.\n\nRegards,\n\n"
        "Grant Whelan\nCoordinator Information Services\nMurray Shire Council\n"
        "PO Box 42, Echuca VIC 3564\nP: 03 5482 1100\n",
        "AU",
        "en",
        "plain",
        "public-sector",
        "po-box",
        first_name="Grant",
        last_name="Whelan",
        title="Coordinator Information Services",
        company="Murray Shire Council",
        street="PO Box 42",
        city="Echuca",
        state="VIC",
        postal_code="3564",
        phone="+61354821100",
    ),
    _case(
        "more-007",
        "kathryn.moss@lakeviewortho.example",
        "Kathryn Moss",
        _owa(
            "Hi Robin,<br><br>Attaching our BAA. Please have it countersigned.",
            "Kathryn Moss, CHC",
            "Compliance Officer",
            "Lakeview Orthopaedic Associates",
            "P: (608) 555-0110 ext. 1205&nbsp; F: (608) 555-0111",
            "&nbsp;",
            "NOTICE: This message may contain protected health information. If you have "
            "received it in error, notify the sender and delete it.",
        ),
        "US",
        "en",
        "html",
        "owa",
        "healthcare",
        "extension",
        html=True,
        first_name="Kathryn",
        last_name="Moss",
        title="Compliance Officer",
        company="Lakeview Orthopaedic Associates",
        phone="+16085550110",
        fax="+16085550111",
    ),
    _case(
        "more-008",
        "tom.hughes@hughesbrothers.example",
        "Tom Hughes",
        "Robin\n\nCan you ring me? 2 questions on the quote.\n\nTom\n\n"
        "TOM HUGHES | MANAGING DIRECTOR\nHUGHES BROTHERS CIVIL ENGINEERING LTD\n"
        "T. 01223 496 012 | M. 07911 223344\nUnit 4, Cambridge Road Industrial Estate, "
        "Milton, Cambridge CB24 6AZ\n",
        "UK",
        "en",
        "plain",
        "all-caps",
        "pipes",
        "manufacturing",
        first_name="Tom",
        last_name="Hughes",
        title="MANAGING DIRECTOR",
        company="HUGHES BROTHERS CIVIL ENGINEERING LTD",
        phone="+441223496012",
        mobile="+447911223344",
        street="Unit 4, Cambridge Road Industrial Estate, Milton",
        city="Cambridge",
        postal_code="CB24 6AZ",
    ),
    _case(
        "more-009",
        "claire.fontaine@chu-atlantique.example",
        "Claire Fontaine",
        "Bonjour Robin,\n\nJe vous transmets ci-dessous les coordonnées demandées.\n\n"
        "Dr Claire Fontaine\nPraticien hospitalier – Pharmacie\nCHU Atlantique\n"
        "5 allée de l'Île Gloriette\n44093 Nantes Cedex 1\nTél. : 02 40 55 12 34\n"
        "Fax : 02 40 55 12 35\n",
        "FR",
        "fr",
        "plain",
        "healthcare",
        "cedex",
        first_name="Claire",
        last_name="Fontaine",
        title="Praticien hospitalier – Pharmacie",
        company="CHU Atlantique",
        street="5 allée de l'Île Gloriette",
        postal_code="44093",
        city="Nantes",
        phone="+33240551234",
        fax="+33240551235",
    ),
    _case(
        "more-010",
        "ruth.adler@adler-ip.example",
        "Ruth Adler",
        _gmail(
            "Robin – the trademark search is done; invoice to follow.",
            "Ruth Adler",
            "Patent Attorney · Adler IP",
            "Level 23, 525 Collins Street, Melbourne VIC 3000",
            "+61 3 9555 0188 &nbsp;·&nbsp; adler-ip.example",
        ),
        "AU",
        "en",
        "html",
        "gmail",
        "law",
        "dots",
        html=True,
        first_name="Ruth",
        last_name="Adler",
        title="Patent Attorney",
        company="Adler IP",
        street="Level 23, 525 Collins Street",
        city="Melbourne",
        state="VIC",
        postal_code="3000",
        phone="+61395550188",
        website="adler-ip.example",
    ),
    _case(
        "more-011",
        "s.chatterjee@medanta-north.example",
        "Sanjay Chatterjee",
        "Dear Robin,\n\nPlease share the implementation timeline.\n\nWarm Regards,\n\n"
        "Dr. Sanjay Chatterjee\nHead – Hospital Information Systems\nMedlife North Hospital\n"
        "Sector 38, Gurugram, Haryana 122001\nBoard: +91 124 555 0100 | Direct: +91 124 555 0147"
        "\n",
        "IN",
        "en",
        "plain",
        "healthcare",
        "main-and-direct",
        first_name="Sanjay",
        last_name="Chatterjee",
        title="Head – Hospital Information Systems",
        company="Medlife North Hospital",
        street="Sector 38",
        city="Gurugram",
        state="Haryana",
        postal_code="122001",
        phone="+911245550147",
    ),
    _case(
        "more-012",
        "cwhite@whitelogistics.example",
        "Cheryl White",
        _apple(
            "Robin,<br><br>I'm in. Send the agreement to my assistant, Paula Grant (copied), "
            "and she'll route it.",
            "Cheryl White",
            "President &amp; CEO",
            "White Logistics Group, Inc.",
            "One Riverfront Center, Suite 900, Louisville, KY 40202",
            "502-555-0120 main / 502-555-0138 direct",
            "<br>",
            "Paula Grant, Executive Assistant: 502-555-0139",
        ),
        "US",
        "en",
        "html",
        "apple",
        "logistics",
        "slashes",
        "label-after",
        "colleague-number",
        html=True,
        first_name="Cheryl",
        last_name="White",
        title="President & CEO",
        company="White Logistics Group, Inc.",
        street="One Riverfront Center, Suite 900",
        city="Louisville",
        state="KY",
        postal_code="40202",
        phone="+15025550138",
    ),
]
