"""The FOURTH BLIND signature set: written by hand without reading the parser, its tests or the
cases of the other blind sets (blind.py, blind2.py, blind3.py), by a fourth hand, so that it
measures whether the parser generalises (docs/records.md, "The blind sets"). It is weighted as
sales and procurement mail between companies of every size arrives: mostly plain, simple
signatures (a name, a title, a company, a number or two), in the six main regions (US, UK,
Canada, Germany, France, Australia) and a few others, with the harder layouts in the proportion
real mail has them.

Labels: what a careful reader would type into the Lead form for the SENDER (the From header)
from the newest message's signature, as written there (docs/records.md, "Conventions now shared
by every set").

- Phones in E.164 without extensions; mobile and fax by their label in any language and on
  either side of the number; a direct line wins over a main or switchboard number; a number
  without a country code is read in the country the signature makes evident.
- Names without honorifics, post-nominals or "i. A."; a name in capitals is labelled as the From
  header spells it. Title and company as written, split where a line joins them ("Title,
  Company", "Title | Company", "Title - Company"); a bilingual line is labelled whole.
- An image's alt text counts as text unless it is a file name or says logo, icon or photo.
- Street as written on its line; city without "Cedex" or "(Québec)"; a country only when the
  text names it; a PO Box is the street only when the address has no street line; a registered
  office in a legal footer is not the sender's address.
- Email, website and LinkedIn only when written as visible text.
- An email whose newest message has no signature expects nothing.

Nobody tunes the parser on these: a miss here is a finding, not a case to edit.
"""

# Real mail writes en dashes and typographic apostrophes (U+2013, U+2019) as clients send them;
# they are part of what the parser reads, so the cases keep them as written.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import Any

ME = "Alex Moreno"
ME_ADDR = "alex.moreno@stratus-demo.example"


def _case(
    ident: str, sender: str, name: str | None, body: str, *tags: str, html: bool = False, **exp: str
) -> dict[str, Any]:
    """One labelled email; its "html" or "plain" tag follows the body's kind."""
    case: dict[str, Any] = {
        "id": f"blind4-{ident}",
        "from": {"email": sender, **({"name": name} if name else {})},
        "expected": exp,
        "tags": [*tags, "html" if html else "plain"],
    }
    case["html" if html else "text"] = body
    return case


def _q(text: str) -> str:
    """Plain-text quoting of the message replied to: each line behind "> "."""
    return "".join(f"> {line}\n" if line else ">\n" for line in text.splitlines())


def _on(who: str, address: str, when: str = "Tue, Mar 3, 2026 at 4:18 PM") -> str:
    return f"On {when} {who} <{address}> wrote:\n"


def _hdr(who: str, address: str, subject: str, kind: str = "Original Message") -> str:
    """Classic Outlook's plain-text header above a reply's or forward's older message."""
    return (
        f"\n-----{kind}-----\nFrom: {who} <{address}>\nSent: Monday, March 2, 2026 11:05 AM\n"
        f"To: {ME} <{ME_ADDR}>\nSubject: {subject}\n\n"
    )


def _fwd(who: str, address: str, subject: str) -> str:
    """Gmail's forwarded-message header."""
    return (
        "\n---------- Forwarded message ---------\n"
        f"From: {who} <{address}>\nDate: Mon, Mar 2, 2026 at 9:40 AM\nSubject: {subject}\n"
        f"To: {ME} <{ME_ADDR}>\n\n"
    )


def _html_lines(text: str) -> str:
    return "<br>".join(text.strip("\n").splitlines())


def _mso(body: str, *lines: str, quote: str = "", quoted_from: str = "") -> str:
    """Classic Outlook (Word's HTML): MsoNormal paragraphs, the older message under a border."""
    sig = "".join(
        f'<p class="MsoNormal"><span style="font-size:10.0pt;font-family:&quot;Calibri&quot;,'
        f'sans-serif;color:#44546A">{x}<o:p></o:p></span></p>'
        for x in lines
    )
    out = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang="EN-US">'
        f'<div class="WordSection1"><p class="MsoNormal">{body}<o:p></o:p></p>'
        f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>{sig}'
    )
    if quoted_from:
        out += (
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">'
            f'<p class="MsoNormal"><b>From:</b> {quoted_from}<br><b>Sent:</b> Monday, March 2, '
            f"2026 11:05 AM<br><b>To:</b> {ME} &lt;{ME_ADDR}&gt;<br><b>Subject:</b> RE: "
            f'Quote</p></div><p class="MsoNormal">{quote}</p>'
        )
    return out + "</div></body></html>"


def _owa(body: str, *lines: str, quote: str = "", quoted_from: str = "") -> str:
    """New Outlook / Outlook on the web: div#Signature, the older message under divRplyFwdMsg."""
    sig = "".join(f"<div>{x}</div>" for x in lines)
    out = (
        '<html><body><div style="font-family:Aptos,Aptos_EmbeddedFont,Calibri,Helvetica,'
        f'sans-serif;font-size:12pt">{body}</div><div><br></div>'
    )
    if lines:
        out += f'<div id="Signature"><div style="font-size:10pt;color:#242424">{sig}</div></div>'
    if quoted_from:
        out += (
            '<div id="appendonsend"></div><hr style="display:inline-block;width:98%">'
            f'<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> {quoted_from}<br><b>Sent:</b> '
            f"Monday, March 2, 2026 11:05<br><b>To:</b> {ME} &lt;{ME_ADDR}&gt;<br>"
            f"<b>Subject:</b> RE: Order</div><div>{quote}</div>"
        )
    return out + "</body></html>"


def _gmail(body: str, *lines: str, quote: str = "", quoted_from: str = "") -> str:
    """Gmail: the signature in div.gmail_signature, the older message in div.gmail_quote."""
    sig = "<br>".join(lines)
    out = f'<div dir="ltr"><div>{body}</div>'
    if lines:
        out += (
            '<div><br></div><span class="gmail_signature_prefix">-- </span><br>'
            f'<div dir="ltr" class="gmail_signature"><div dir="ltr">{sig}</div></div>'
        )
    out += "</div>"
    if quoted_from:
        out += (
            '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Mar 2, '
            f"2026 at 11:05 AM {quoted_from} wrote:<br></div>"
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px '
            f'solid rgb(204,204,204);padding-left:1ex">{quote}</blockquote></div>'
        )
    return out


def _apple(body: str, *lines: str, quote: str = "", quoted_from: str = "") -> str:
    """Apple Mail (macOS and iOS): one div per line, the older message in a cite blockquote."""
    sig = "".join(f"<div>{x}</div>" for x in lines)
    out = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        f'<body style="overflow-wrap: break-word;" dir="auto"><div>{body}</div><div><br></div>'
        f"{sig}"
    )
    if quoted_from:
        out += (
            '<div><br><blockquote type="cite"><div>On 2 Mar 2026, at 11:05, '
            f"{quoted_from} wrote:</div><br><div>{quote}</div></blockquote></div>"
        )
    return out + "</body></html>"


def _table(body: str, img: str, *cells: str) -> str:
    """A generated (HubSpot-style, or a signature manager's) signature: a logo or photo cell and
    a cell of lines, in a layout table."""
    rows = "".join(f'<tr><td style="padding:0;font-size:12px">{c}</td></tr>' for c in cells)
    return (
        f'<html><body><div>{body}</div><div><br></div><table cellpadding="0" cellspacing="0" '
        'style="border-collapse:collapse"><tbody><tr><td style="vertical-align:middle;'
        f'padding-right:14px"><img src="https://cdn.example/sig/a1.png" width="90" {img}></td>'
        '<td style="border-left:2px solid #0A6EBD;padding-left:14px"><table cellpadding="0" '
        f'cellspacing="0"><tbody>{rows}</tbody></table></td></tr></tbody></table></body></html>'
    )


CASES: list[dict[str, Any]] = [
    # -- United States -------------------------------------------------------------------------
    _case(
        "001",
        "marcus.bell@kettleworth.example",
        "Marcus Bell",
        "Hi Alex,\n\nThanks for the pricing sheet. We'd like to move forward with the 50-seat "
        "option, can you send over the order form?\n\nBest,\nMarcus Bell\nProcurement Manager\n"
        "Kettleworth Manufacturing Co.\n1450 Industrial Pkwy\nToledo, OH 43612\n(419) 555-0147\n",
        "US",
        "en",
        first_name="Marcus",
        last_name="Bell",
        title="Procurement Manager",
        company="Kettleworth Manufacturing Co.",
        street="1450 Industrial Pkwy",
        city="Toledo",
        state="OH",
        postal_code="43612",
        phone="+14195550147",
    ),
    _case(
        "002",
        "shannon@pinecrestdental.example",
        "Shannon Ruiz",
        _gmail(
            "Hi Alex,<br><br>Just following up on the demo. Our office manager will join too."
            "<br><br>Thanks!",
            "Shannon Ruiz",
            "Practice Administrator",
            "Pinecrest Family Dental",
            "Cell: 303-555-0182",
            '<a href="http://www.pinecrestdental.example">www.pinecrestdental.example</a>',
        ),
        "US",
        "en",
        "gmail",
        html=True,
        first_name="Shannon",
        last_name="Ruiz",
        title="Practice Administrator",
        company="Pinecrest Family Dental",
        mobile="+13035550182",
        website="www.pinecrestdental.example",
    ),
    _case(
        "003",
        "dkowalski@lakeshore-logistics.example",
        "Dan Kowalski",
        _mso(
            "Alex – PO 44817 is attached. Please confirm receipt.",
            "<b>Dan Kowalski</b>",
            "Director of Purchasing",
            "Lakeshore Logistics, Inc.",
            "Direct: 414-555-0163 | Main: 414-555-0100",
            "dkowalski@lakeshore-logistics.example",
        ),
        "US",
        "en",
        "outlook",
        "direct-and-main",
        html=True,
        first_name="Dan",
        last_name="Kowalski",
        title="Director of Purchasing",
        company="Lakeshore Logistics, Inc.",
        phone="+14145550163",
        email="dkowalski@lakeshore-logistics.example",
    ),
    _case(
        "004",
        "tara.nguyen@fernhollow.example",
        "Tara Nguyen",
        "Yes, Tuesday 10am PT works.\n\nTara Nguyen | Head of Operations | Fernhollow Coffee "
        "Roasters\no. 206.555.0119 | m. 206.555.0188\n",
        "US",
        "en",
        "one-line",
        first_name="Tara",
        last_name="Nguyen",
        title="Head of Operations",
        company="Fernhollow Coffee Roasters",
        phone="+12065550119",
        mobile="+12065550188",
    ),
    _case(
        "005",
        "jrivera@sunmesa-solar.example",
        "Jorge Rivera",
        "Alex, see my answers below in blue. Short version: we need SSO before we sign.\n\n"
        "Jorge Rivera\nIT Manager\nSun Mesa Solar LLC\n(602) 555-0139\n"
        + _hdr("Alex Moreno", ME_ADDR, "Security questionnaire")
        + "Hi Jorge,\n\nAttached is our completed questionnaire.\n\nAlex Moreno\n"
        "Account Executive | Stratus Demo Inc.\n+1 (415) 555-0110\n",
        "US",
        "en",
        "reply",
        "outlook",
        first_name="Jorge",
        last_name="Rivera",
        title="IT Manager",
        company="Sun Mesa Solar LLC",
        phone="+16025550139",
    ),
    _case(
        "006",
        "dana.whitfield@orrinfoods.example",
        "Dana Whitfield",
        "Works for me. Send the invite to my assistant too.\n\nDana Whitfield\n"
        "VP Supply Chain, Orrin Foods\n\nSent from my iPhone\n\n"
        + _on("Alex Moreno", ME_ADDR)
        + _q("Hi Dana, would Thursday at 3 work for the quarterly review?\n\nAlex"),
        "US",
        "en",
        "mobile",
        "reply",
        "name-then-title-comma-company",
        first_name="Dana",
        last_name="Whitfield",
        title="VP Supply Chain",
        company="Orrin Foods",
    ),
    _case(
        "007",
        "lena.park@brightwater-analytics.example",
        "Lena Park",
        _table(
            "Great meeting you at the expo! Deck attached as promised.",
            'alt="Brightwater Analytics logo"',
            "<b>Lena Park</b>",
            "Senior Account Manager",
            "Brightwater Analytics",
            '<a href="tel:+17205550156">+1 720 555 0156</a>',
            '<a href="https://brightwater-analytics.example">brightwater-analytics.example</a>',
        ),
        "US",
        "en",
        "generated-table",
        "logo",
        html=True,
        first_name="Lena",
        last_name="Park",
        title="Senior Account Manager",
        company="Brightwater Analytics",
        phone="+17205550156",
        website="brightwater-analytics.example",
    ),
    _case(
        "008",
        "r.hollis@cardinal-mutual.example",
        "Ruth Hollis",
        "Alex,\n\nLegal has approved the DPA with the changes we discussed.\n\nRegards,\n\n"
        "Ruth Hollis\nSenior Counsel\nCardinal Mutual Insurance Company\n"
        "One Cardinal Plaza, Columbus, OH 43215\nT 614.555.0120\n\n"
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole "
        "use of the intended recipient(s) and may contain confidential and privileged "
        "information. Any unauthorized review, use, disclosure or distribution is prohibited. If "
        "you are not the intended recipient, please contact the sender by reply e-mail and "
        "destroy all copies of the original message.\n",
        "US",
        "en",
        "disclaimer",
        first_name="Ruth",
        last_name="Hollis",
        title="Senior Counsel",
        company="Cardinal Mutual Insurance Company",
        street="One Cardinal Plaza",
        city="Columbus",
        state="OH",
        postal_code="43215",
        phone="+16145550120",
    ),
    _case(
        "009",
        "chidi.okafor@granitepeak.example",
        "Okafor, Chidi",
        "Alex,\n\nCan we push our call to next week? Quarter close is eating my calendar.\n\n"
        "Thanks,\nChidi\n\nChidi Okafor\nController\nGranite Peak Builders\n801-555-0174\n",
        "US",
        "en",
        "from-last-first",
        first_name="Chidi",
        last_name="Okafor",
        title="Controller",
        company="Granite Peak Builders",
        phone="+18015550174",
    ),
    _case(
        "010",
        "praman@mercyvalley.example",
        "Priya Raman",
        _mso(
            "Hello Alex,<br><br>Our committee meets on the 18th; I will share the outcome after.",
            "Dr. Priya Raman, PharmD",
            "Director, Clinical Procurement",
            "Mercy Valley Health System",
            "2400 Riverside Drive, Sacramento, CA 95818",
            "Office: (916) 555-0128 &nbsp;|&nbsp; Fax: (916) 555-0129",
        ),
        "US",
        "en",
        "outlook",
        "honorific",
        "healthcare",
        html=True,
        first_name="Priya",
        last_name="Raman",
        title="Director, Clinical Procurement",
        company="Mercy Valley Health System",
        street="2400 Riverside Drive",
        city="Sacramento",
        state="CA",
        postal_code="95818",
        phone="+19165550128",
        fax="+19165550129",
    ),
    _case(
        "011",
        "bwalsh@gulfbend.example",
        "Brian Walsh",
        "Alex,\n\nReceived, thank you. I'll have AP process it this week.\n\nBrian Walsh\n"
        "Accounts Payable Supervisor\nGulf Bend Petrochemical\nTel: (713) 555-0134 ext. 212\n",
        "US",
        "en",
        "extension",
        first_name="Brian",
        last_name="Walsh",
        title="Accounts Payable Supervisor",
        company="Gulf Bend Petrochemical",
        phone="+17135550134",
    ),
    _case(
        "012",
        "mei.tanaka@harborview-design.example",
        "Mei Tanaka",
        _apple(
            "Love it. Let’s do the annual plan.",
            "Mei Tanaka",
            "Founder &amp; Creative Director",
            "Harborview Design Studio",
            "415.555.0193",
        ),
        "US",
        "en",
        "apple-mail",
        html=True,
        first_name="Mei",
        last_name="Tanaka",
        title="Founder & Creative Director",
        company="Harborview Design Studio",
        phone="+14155550193",
    ),
    _case(
        "013",
        "jordan.pierce@ironridge-steel.example",
        "Jordan Pierce",
        "Alex,\n\nWe are reviewing the contract now; expect redlines Friday.\n\n"
        "JORDAN PIERCE\nSenior Buyer\nIronridge Steel Fabrication\n"
        "3300 Foundry Road | Gary, IN 46402\nP: 219-555-0158\n",
        "US",
        "en",
        "capitals-name",
        first_name="Jordan",
        last_name="Pierce",
        title="Senior Buyer",
        company="Ironridge Steel Fabrication",
        street="3300 Foundry Road",
        city="Gary",
        state="IN",
        postal_code="46402",
        phone="+12195550158",
    ),
    _case(
        "014",
        "kate@quillandpress.example",
        "Kate Sorensen",
        "Hi Alex,\n\nThanks, that answers it. We'll stick with the monthly plan for now.\n\n"
        "Kate\n\n-- \nKate Sorensen\nOwner, Quill & Press Bookbinding\n"
        "88 Harbor Way • Portland, ME 04101\n207-555-0121\n",
        "US",
        "en",
        "thunderbird",
        "small-business",
        first_name="Kate",
        last_name="Sorensen",
        title="Owner",
        company="Quill & Press Bookbinding",
        street="88 Harbor Way",
        city="Portland",
        state="ME",
        postal_code="04101",
        phone="+12075550121",
    ),
    _case(
        "015",
        "e.vance@northfieldpaper.example",
        "Elliot Vance",
        _owa(
            "Hi Alex,<br><br>Please hold the renewal until our budget is approved in April.",
            "Elliot Vance",
            "Sales Director | Northfield Paper Company",
            "(920) 555-0144 (office) &nbsp; (920) 555-0145 (mobile)",
        ),
        "US",
        "en",
        "new-outlook",
        "label-after-number",
        html=True,
        first_name="Elliot",
        last_name="Vance",
        title="Sales Director",
        company="Northfield Paper Company",
        phone="+19205550144",
        mobile="+19205550145",
    ),
    _case(
        "016",
        "orders@blueheronsupply.example",
        "Amanda Cho",
        "Hi Alex,\n\nWe received the shipment. Two cartons were damaged, photos attached.\n\n"
        "Amanda Cho\nCustomer Operations\nBlue Heron Medical Supply\n"
        "Toll-free: 1-800-555-0199 | Direct: (919) 555-0167\n",
        "US",
        "en",
        "shared-mailbox",
        "direct-and-main",
        first_name="Amanda",
        last_name="Cho",
        title="Customer Operations",
        company="Blue Heron Medical Supply",
        phone="+19195550167",
    ),
    _case(
        "017",
        "nate.brooks@tallpinesit.example",
        "Nate Brooks",
        _gmail(
            "Thanks Alex, forwarding to our CFO.",
            "<b>Nate Brooks</b> | CTO",
            "Tall Pines IT Services",
            "nate.brooks@tallpinesit.example | 612.555.0173",
            '<a href="https://www.linkedin.com/in/natebrooks-tallpines">'
            "linkedin.com/in/natebrooks-tallpines</a>",
        ),
        "US",
        "en",
        "gmail",
        "social",
        html=True,
        first_name="Nate",
        last_name="Brooks",
        title="CTO",
        company="Tall Pines IT Services",
        email="nate.brooks@tallpinesit.example",
        phone="+16125550173",
        linkedin="linkedin.com/in/natebrooks-tallpines",
    ),
    _case(
        "018",
        "gail.sutton@cedarcountyschools.example",
        "Gail Sutton",
        "Good afternoon,\n\nThe district will need a W-9 and a certificate of insurance before we "
        "can issue a purchase order.\n\nSincerely,\n\nGail Sutton\nPurchasing Agent\n"
        "Cedar County Public Schools\n410 N. Elm Street\nCedar Rapids, Iowa 52401\n"
        "Phone 319-555-0186 • Fax 319-555-0187\n",
        "US",
        "en",
        "public-sector",
        "full-state",
        first_name="Gail",
        last_name="Sutton",
        title="Purchasing Agent",
        company="Cedar County Public Schools",
        street="410 N. Elm Street",
        city="Cedar Rapids",
        state="Iowa",
        postal_code="52401",
        phone="+13195550186",
        fax="+13195550187",
    ),
    _case(
        "019",
        "mike.d@redclay-hvac.example",
        "Mike Delgado",
        "Alex here's the signed quote\n\nMike Delgado\nRed Clay Heating & Air\n"
        "Cell (478) 555-0131\n\nSent from my Galaxy\n",
        "US",
        "en",
        "mobile",
        "small-business",
        first_name="Mike",
        last_name="Delgado",
        company="Red Clay Heating & Air",
        mobile="+14785550131",
    ),
    _case(
        "020",
        "s.adeyemi@keystonebio.example",
        "Sade Adeyemi",
        "Hi Alex,\n\nComments inline.\n\n"
        + _on("Alex Moreno", ME_ADDR)
        + "> 1. Do you need the HIPAA addendum?\n\nYes, please include it.\n\n"
        "> 2. How many admin users?\n\nThree for now.\n\nThanks,\n"
        "Sade Adeyemi, MBA\nVendor Management Lead\nKeystone Biologics\n(267) 555-0152\n",
        "US",
        "en",
        "inline-reply",
        "reply",
        first_name="Sade",
        last_name="Adeyemi",
        title="Vendor Management Lead",
        company="Keystone Biologics",
        phone="+12675550152",
    ),
    _case(
        "021",
        "tom.hadley@prairiewind.example",
        "Tom Hadley",
        "Alex,\n\nAdding Karen from our finance team. Karen, Alex can walk you through billing.\n\n"
        "Tom\n\nTom Hadley\nGeneral Manager\nPrairie Wind Cooperative\n"
        "1200 Grain Elevator Rd, Salina, KS 67401\nOffice 785-555-0142\nCell 785-555-0143\n"
        + _hdr("Alex Moreno", ME_ADDR, "Next steps")
        + "Tom,\n\nGreat talking today.\n\nAlex Moreno\nAccount Executive\nStratus Demo Inc.\n",
        "US",
        "en",
        "reply",
        first_name="Tom",
        last_name="Hadley",
        title="General Manager",
        company="Prairie Wind Cooperative",
        street="1200 Grain Elevator Rd",
        city="Salina",
        state="KS",
        postal_code="67401",
        phone="+17855550142",
        mobile="+17855550143",
    ),
    _case(
        "022",
        "hannah.lee@summitridgecpa.example",
        "Hannah Lee",
        "Hi Alex,\n\nCould you resend the invoice addressed to our Denver office?\n\n"
        "Thank you,\nHannah Lee, CPA\nSenior Manager\nSummit Ridge CPAs, LLP\n"
        "1600 Broadway, Suite 1800, Denver, CO 80202\n720.555.0111\n"
        "hannah.lee@summitridgecpa.example\n",
        "US",
        "en",
        "post-nominal",
        first_name="Hannah",
        last_name="Lee",
        title="Senior Manager",
        company="Summit Ridge CPAs, LLP",
        street="1600 Broadway, Suite 1800",
        city="Denver",
        state="CO",
        postal_code="80202",
        phone="+17205550111",
        email="hannah.lee@summitridgecpa.example",
    ),
    # -- United States, no signature ------------------------------------------------------------
    _case(
        "023",
        "calendar-notification@google.example",
        "Google Calendar",
        "Invitation: Stratus pilot kickoff @ Thu Mar 12, 2026 11am - 12pm (EDT)\n\n"
        "Join with Google Meet\nmeet.google.example/abc-defg-hij\n\nJoin by phone\n"
        "(US) +1 260-555-0142 PIN: 118 442 907#\n\nOrganizer\nmarcus.bell@kettleworth.example\n"
        "\nGuests\nmarcus.bell@kettleworth.example - organizer\n" + ME_ADDR + "\n\n"
        "View all guest info\n\nReply for " + ME_ADDR + "\nYes  No  Maybe  More options\n\n"
        "Invitation from Google Calendar\n",
        "US",
        "en",
        "invite",
        "unsigned",
    ),
    _case(
        "024",
        "jbarnes@coastalfreight.example",
        "Jill Barnes",
        "Thank you for your message. I am out of the office through Monday, March 9, with "
        "limited access to email. For urgent shipping matters please contact dispatch at "
        "(843) 555-0100.\n\nJill\n",
        "US",
        "en",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "025",
        "news@ledgerlane.example",
        "Ledger Lane",
        "Spring product update: faster reconciliations, new bank feeds, and more.\n\n"
        "Read the release notes ->\n\nYou are receiving this email because you signed up at "
        "ledgerlane.example.\nUnsubscribe | Manage preferences\n\nLedger Lane, Inc.\n"
        "500 Congress Ave, Suite 900\nAustin, TX 78701\n(512) 555-0100\n",
        "US",
        "en",
        "newsletter",
        "unsigned",
    ),
    _case(
        "026",
        "ryan.o@maplecrestfarms.example",
        "Ryan O'Neill",
        "Thanks!\n\nSent from my phone\n",
        "US",
        "en",
        "mobile",
        "unsigned",
    ),
    _case(
        "027",
        "kcarter@ridgelinecap.example",
        "Kim Carter",
        "See below - can you help Sam?\n\n—K\n"
        + _fwd("Sam Patel", "sam.patel@ridgelinecap.example", "Login issue")
        + "Hi Kim,\n\nI can't get into the dashboard since the update.\n\nSam Patel\n"
        "Analyst\nRidgeline Capital Partners\n(203) 555-0160\n",
        "US",
        "en",
        "forward",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "028",
        "no-reply@docusign.example",
        "DocuSign via Stratus",
        "Greg Lyle sent you a document to review and sign.\n\nREVIEW DOCUMENT\n\n"
        "Greg Lyle\nglyle@harborlight.example\n\nPlease review the Master Services Agreement.\n\n"
        "Do Not Share This Email\nThis email contains a secure link. Please do not share this "
        "email, link, or access code with others.\n",
        "US",
        "en",
        "notification",
        "unsigned",
    ),
    # -- United Kingdom ------------------------------------------------------------------------
    _case(
        "029",
        "helen.marsh@penroseretail.example",
        "Helen Marsh",
        "Hi Alex,\n\nThanks for sending the revised quote. I've passed it to our finance "
        "director and will come back to you by Friday.\n\nKind regards,\n\nHelen Marsh\n"
        "Category Buyer\nPenrose Retail Ltd\n14 Wharf Road, London N1 7GR\nT: 020 7946 0321\n"
        "M: 07912 345678\n",
        "UK",
        "en",
        first_name="Helen",
        last_name="Marsh",
        title="Category Buyer",
        company="Penrose Retail Ltd",
        street="14 Wharf Road",
        city="London",
        postal_code="N1 7GR",
        phone="+442079460321",
        mobile="+447912345678",
    ),
    _case(
        "030",
        "g.fenwick@tynesidefab.example",
        "Graham Fenwick",
        _mso(
            "Alex,<br><br>Order acknowledged. Delivery to the Gateshead site please, not Newcastle."
            "<br><br>Regards",
            "Graham Fenwick",
            "Purchasing Manager",
            "Tyneside Fabrications Ltd",
            "Tel: +44 (0)191 498 0123 | Mob: 07384 552019",
            "",
            '<span style="font-size:7.0pt;color:gray">Tyneside Fabrications Ltd is registered in '
            "England and Wales under company number 04471123. Registered office: 2 Quayside "
            "Court, Newcastle upon Tyne NE1 3DX. This email and any attachments are confidential "
            "and intended solely for the addressee.</span>",
        ),
        "UK",
        "en",
        "outlook",
        "registration",
        html=True,
        first_name="Graham",
        last_name="Fenwick",
        title="Purchasing Manager",
        company="Tyneside Fabrications Ltd",
        phone="+441914980123",
        mobile="+447384552019",
    ),
    _case(
        "031",
        "priya.shah@lumenhealth.example",
        "Priya Shah",
        _gmail(
            "Hi Alex,<br><br>Could we get a second demo for our clinical leads?",
            "Priya Shah",
            "Digital Transformation Lead",
            "Lumen Health Partners",
            "Mob: 07825 114930",
        ),
        "UK",
        "en",
        "gmail",
        html=True,
        first_name="Priya",
        last_name="Shah",
        title="Digital Transformation Lead",
        company="Lumen Health Partners",
        mobile="+447825114930",
    ),
    _case(
        "032",
        "o.bennett@fieldgate.example",
        "Oliver Bennett",
        "Yep, all good.\n\nCheers,\nOllie\n",
        "UK",
        "en",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "033",
        "sarah.quinn@mersey-packaging.example",
        "Sarah Quinn",
        "Hello Alex,\n\nPlease find attached our supplier onboarding form.\n\nMany thanks\n\n"
        "Sarah Quinn\nProcurement Officer\nMersey Packaging Solutions Ltd\n"
        "Unit 4, Riverside Park\nWarrington\nCheshire WA1 1RG\nTel: 0151 496 0456\n",
        "UK",
        "en",
        "county",
        first_name="Sarah",
        last_name="Quinn",
        title="Procurement Officer",
        company="Mersey Packaging Solutions Ltd",
        street="Unit 4, Riverside Park",
        city="Warrington",
        state="Cheshire",
        postal_code="WA1 1RG",
        phone="+441514960456",
    ),
    _case(
        "034",
        "euan.mackay@forthbridge.example",
        "Euan MacKay",
        "Alex,\n\nWe'll take the three-year term if you can hold the price.\n\nBest wishes,\n"
        "Euan\n\nEuan MacKay | Operations Director | Forthbridge Distilling Co.\n"
        "12 Leith Walk, Edinburgh EH6 5DT\n0131 496 0555\n",
        "UK",
        "en",
        "one-line",
        "scotland",
        first_name="Euan",
        last_name="MacKay",
        title="Operations Director",
        company="Forthbridge Distilling Co.",
        street="12 Leith Walk",
        city="Edinburgh",
        postal_code="EH6 5DT",
        phone="+441314960555",
    ),
    _case(
        "035",
        "tom.ellery@ashgrovehousing.example",
        "Tom Ellery",
        _owa(
            "Hi Alex,<br><br>The board signed off the budget. Let's talk implementation dates.",
            "<b>Tom Ellery</b>",
            "Head of Procurement",
            "Ashgrove Housing Association",
            "Direct dial: 0113 496 0789 | Switchboard: 0113 496 0000",
            "Ashgrove House, 3 Park Square, Leeds LS1 2NE",
        ),
        "UK",
        "en",
        "new-outlook",
        "direct-and-main",
        "public-sector",
        html=True,
        first_name="Tom",
        last_name="Ellery",
        title="Head of Procurement",
        company="Ashgrove Housing Association",
        phone="+441134960789",
        street="Ashgrove House, 3 Park Square",
        city="Leeds",
        postal_code="LS1 2NE",
    ),
    _case(
        "036",
        "a.crane@hartleycrane.example",
        "Alice Crane",
        "Dear Alex,\n\nWe have reviewed the revised terms and have two further comments on "
        "clause 9, set out in the attached.\n\nYours sincerely\n\nAlice Crane\nPartner\n"
        "Hartley Crane LLP\n1 Cathedral Yard, Exeter EX1 1HB\nDX 8305 Exeter\n"
        "T +44 (0)1392 960 114\n\nHartley Crane LLP is a limited liability partnership "
        "registered in England and Wales (OC312456) and is authorised and regulated by the "
        "Solicitors Regulation Authority (SRA No. 612345). Beware of cyber fraud: we will never "
        "change our bank details by email.\n",
        "UK",
        "en",
        "law-firm",
        "disclaimer",
        first_name="Alice",
        last_name="Crane",
        title="Partner",
        company="Hartley Crane LLP",
        street="1 Cathedral Yard",
        city="Exeter",
        postal_code="EX1 1HB",
        phone="+441392960114",
    ),
    _case(
        "037",
        "f.baird@glenmoor.ac.example",
        "Fiona Baird",
        "Dear Alex,\n\nThe tender documents are now on our portal; the deadline for questions is "
        "20 March.\n\nBest regards\n\nDr Fiona Baird\nStrategic Procurement Manager\n"
        "Finance Directorate\nUniversity of Glenmoor\nTel: 0141 496 0678\n",
        "UK",
        "en",
        "university",
        "honorific",
        "department-line",
        first_name="Fiona",
        last_name="Baird",
        title="Strategic Procurement Manager",
        company="University of Glenmoor",
        phone="+441414960678",
    ),
    _case(
        "038",
        "james.holt@brackenfield.example",
        "James Holt",
        "Hi Alex, I'm in – let's book it.\n\nJames\n\nSent from my iPad\n\n"
        + _on("Alex Moreno", ME_ADDR, "3 Mar 2026, at 16:18")
        + _q(
            "Hi James,\n\nShall we run the workshop on the 24th?\n\nBest,\nAlex Moreno\n"
            "Account Executive\nStratus Demo Inc.\n+1 (415) 555-0110"
        ),
        "UK",
        "en",
        "mobile",
        "reply",
        "unsigned",
    ),
    _case(
        "039",
        "n.okoro@belfastmarine.example",
        "Ngozi Okoro",
        "Hi Alex,\n\nCould you quote for 12 additional users from April?\n\nThanks\n\n"
        "Ngozi Okoro\nCommercial Manager\nBelfast Marine Engineering Ltd\n"
        "Harbour Estate, Belfast BT3 9DT\n028 9649 6123\n",
        "UK",
        "en",
        "northern-ireland",
        first_name="Ngozi",
        last_name="Okoro",
        title="Commercial Manager",
        company="Belfast Marine Engineering Ltd",
        street="Harbour Estate",
        city="Belfast",
        postal_code="BT3 9DT",
        phone="+442896496123",
    ),
    _case(
        "040",
        "c.doyle@westcountry-dairies.example",
        "Chris Doyle",
        "Alex\n\nPlease see below from our finance team. Can you sort this?\n\nChris Doyle\n"
        "Supply Chain Manager\nWestcountry Dairies Ltd\nOffice 0117 496 0234\nMobile 07468 203311\n"
        + _hdr("Paula Reed", "paula.reed@westcountry-dairies.example", "Invoice 20931")
        + "Chris,\n\nThe Stratus invoice is missing our PO number.\n\nPaula Reed\n"
        "Finance Assistant\nWestcountry Dairies Ltd\n0117 496 0299\n",
        "UK",
        "en",
        "forward",
        "labelled-words",
        first_name="Chris",
        last_name="Doyle",
        title="Supply Chain Manager",
        company="Westcountry Dairies Ltd",
        phone="+441174960234",
        mobile="+447468203311",
    ),
    _case(
        "041",
        "rhys.evans@cambrianestates.example",
        "Rhys Evans",
        "Hi Alex,\n\nDiolch – thank you. We'll confirm numbers next week.\n\nRhys Evans\n"
        "Rheolwr Caffael | Procurement Manager\nYstadau Cambrian | Cambrian Estates\n"
        "20 Queen Street, Cardiff CF10 2BH\nFfôn / Tel: 029 2018 0456\n",
        "UK",
        "en",
        "cy",
        "bilingual",
        first_name="Rhys",
        last_name="Evans",
        title="Rheolwr Caffael | Procurement Manager",
        company="Ystadau Cambrian | Cambrian Estates",
        street="20 Queen Street",
        city="Cardiff",
        postal_code="CF10 2BH",
        phone="+442920180456",
    ),
    _case(
        "042",
        "lucy.grant@oakhamlabs.example",
        "Lucy Grant",
        _apple(
            "Hi Alex,<br><br>Quick one – does the API support webhooks for new leads?",
            "Lucy Grant",
            "Head of Revenue Operations",
            "Oakham Labs",
            "m. +44 7555 010203",
            "oakhamlabs.example",
        ),
        "UK",
        "en",
        "apple-mail",
        "international-form",
        html=True,
        first_name="Lucy",
        last_name="Grant",
        title="Head of Revenue Operations",
        company="Oakham Labs",
        mobile="+447555010203",
        website="oakhamlabs.example",
    ),
    _case(
        "043",
        "s.hughes@kingsbridge-nhs.example",
        "Steven Hughes",
        "Morning Alex,\n\nWe need the DSPT evidence before contract award.\n\nSteven Hughes\n"
        "Senior Category Manager – Digital\nKingsbridge Hospitals NHS Foundation Trust\n"
        "Trust Headquarters, Kingsbridge Road, Birmingham B15 2TH\nTel: 0121 496 0312\n\n"
        "This message may contain confidential information. If you are not the intended "
        "recipient please inform the sender that you have received the message in error before "
        "deleting it.\n",
        "UK",
        "en",
        "healthcare",
        "public-sector",
        first_name="Steven",
        last_name="Hughes",
        title="Senior Category Manager – Digital",
        company="Kingsbridge Hospitals NHS Foundation Trust",
        street="Trust Headquarters, Kingsbridge Road",
        city="Birmingham",
        postal_code="B15 2TH",
        phone="+441214960312",
    ),
    _case(
        "044",
        "mark.tully@solentyachts.example",
        "Mark Tully",
        "Thanks Alex, looks good. Send over the paperwork.\n\nMark Tully\nManaging Director\n"
        "Solent Yacht Services Ltd\nPort Hamble Marina, Satchell Lane\nSouthampton SO31 4NN\n"
        "United Kingdom\nOffice +44 23 8049 6018 / Mobile +44 7407 118822\n",
        "UK",
        "en",
        "slash-separator",
        first_name="Mark",
        last_name="Tully",
        title="Managing Director",
        company="Solent Yacht Services Ltd",
        phone="+442380496018",
        mobile="+447407118822",
        street="Port Hamble Marina, Satchell Lane",
        city="Southampton",
        postal_code="SO31 4NN",
        country="United Kingdom",
    ),
    _case(
        "045",
        "auto-reply@harrowgate-council.example",
        "Harrowgate Borough Council",
        "Thank you for contacting Harrowgate Borough Council. Your enquiry reference is "
        "HBC-2026-114233. We aim to respond within 10 working days.\n\nHarrowgate Borough Council"
        "\nCivic Centre, Station Road, Harrowgate HG1 1AA\n0345 600 1234\n",
        "UK",
        "en",
        "auto-reply",
        "public-sector",
        "unsigned",
    ),
    _case(
        "046",
        "events@brightlane-media.example",
        "Brightlane Media Events",
        "You're invited: Retail Tech Breakfast, London, 26 March 2026\n\nJoin 120 retail "
        "leaders for breakfast and three short talks. Places are limited.\n\nRegister now\n\n"
        "Brightlane Media Ltd, 40 Great Sutton Street, London EC1V 0DX. Registered in England "
        "No. 09876543.\nYou received this email because you attended a previous event. "
        "Unsubscribe.\n",
        "UK",
        "en",
        "newsletter",
        "unsigned",
    ),
    _case(
        "047",
        "d.price@valeofyork-foods.example",
        "Deborah Price",
        "Hi Alex,\n\nI'm out until Wednesday 11th March. For anything urgent please contact "
        "my colleague Sam Hart on 01904 960 221.\n\nThanks\nDeborah\n",
        "UK",
        "en",
        "out-of-office",
        "unsigned",
    ),
    # -- Canada --------------------------------------------------------------------------------
    _case(
        "048",
        "m.fraser@lakehead-forest.example",
        "Megan Fraser",
        "Hi Alex,\n\nThanks for the call. I've shared the proposal with our GM.\n\nCheers,\n"
        "Megan Fraser\nBusiness Development Manager\nLakehead Forest Products Ltd.\n"
        "220 Red River Road, Thunder Bay, ON P7B 1A5\n807-555-0146\n",
        "CA",
        "en",
        first_name="Megan",
        last_name="Fraser",
        title="Business Development Manager",
        company="Lakehead Forest Products Ltd.",
        street="220 Red River Road",
        city="Thunder Bay",
        state="ON",
        postal_code="P7B 1A5",
        phone="+18075550146",
    ),
    _case(
        "049",
        "sophie.gagnon@boreaux.example",
        "Sophie Gagnon",
        "Bonjour Alex,\n\nNous avons bien reçu la soumission. Je reviens vers vous d'ici "
        "vendredi.\n\nBonne journée,\n\nSophie Gagnon\nDirectrice de l'approvisionnement\n"
        "Les Industries Boreaux inc.\n4200, rue Sherbrooke Est\nMontréal (Québec)  H1V 1B6\n"
        "Tél. : 514 555-0198, poste 231\nCell. : 438 555-0117\n",
        "CA",
        "fr",
        "quebec",
        "extension",
        first_name="Sophie",
        last_name="Gagnon",
        title="Directrice de l'approvisionnement",
        company="Les Industries Boreaux inc.",
        street="4200, rue Sherbrooke Est",
        city="Montréal",
        state="Québec",
        postal_code="H1V 1B6",
        phone="+15145550198",
        mobile="+14385550117",
    ),
    _case(
        "050",
        "k.singh@fraservalleyproduce.example",
        "Karan Singh",
        _gmail(
            "Hi Alex,<br><br>We're good to go. Please send the agreement to our controller.",
            "Karan Singh",
            "Owner | Fraser Valley Produce",
            "Abbotsford, BC",
            "604-555-0150",
        ),
        "CA",
        "en",
        "gmail",
        "small-business",
        html=True,
        first_name="Karan",
        last_name="Singh",
        title="Owner",
        company="Fraser Valley Produce",
        city="Abbotsford",
        state="BC",
        phone="+16045550150",
    ),
    _case(
        "051",
        "jp.tremblay@laurentien-transport.example",
        "Jean-Philippe Tremblay",
        _owa(
            "Bonjour Alex, hello Alex,<br><br>Voici le bon de commande signé. / Please find the "
            "signed PO attached.",
            "<b>Jean-Philippe Tremblay</b>",
            "Directeur des achats / Purchasing Director",
            "Transport Laurentien inc.",
            "1800, boul. Charest Ouest, Québec (Québec) G1N 4L8",
            "T 418 555-0111 &nbsp;| &nbsp;C 581 555-0124",
        ),
        "CA",
        "fr",
        "en",
        "bilingual",
        "new-outlook",
        "compound-name",
        html=True,
        first_name="Jean-Philippe",
        last_name="Tremblay",
        title="Directeur des achats / Purchasing Director",
        company="Transport Laurentien inc.",
        street="1800, boul. Charest Ouest",
        city="Québec",
        state="Québec",
        postal_code="G1N 4L8",
        phone="+14185550111",
        mobile="+15815550124",
    ),
    _case(
        "052",
        "rachel.wong@northstar-eng.example",
        "Rachel Wong",
        "Hi Alex,\n\nAttached are our comments on the MSA.\n\nRegards,\n\nRachel Wong, P.Eng.\n"
        "Project Manager\nNorthstar Engineering Ltd.\nSuite 900, 700 - 2nd Street SW\n"
        "Calgary, Alberta T2P 2W2\nDirect 403.555.0133 | Main 403.555.0100\n",
        "CA",
        "en",
        "post-nominal",
        "direct-and-main",
        "full-province",
        first_name="Rachel",
        last_name="Wong",
        title="Project Manager",
        company="Northstar Engineering Ltd.",
        street="Suite 900, 700 - 2nd Street SW",
        city="Calgary",
        state="Alberta",
        postal_code="T2P 2W2",
        phone="+14035550133",
    ),
    _case(
        "053",
        "d.macdonald@bluenosefisheries.example",
        "Donald MacDonald",
        "Alex,\n\nYes we still want the demo. Tuesday is better than Monday.\n\nDon\n\n"
        "Donald MacDonald\nPresident\nBluenose Fisheries Limited\n12 Water Street\n"
        "Lunenburg, NS B0J 2C0\n(902) 555-0176\n",
        "CA",
        "en",
        first_name="Donald",
        last_name="MacDonald",
        title="President",
        company="Bluenose Fisheries Limited",
        street="12 Water Street",
        city="Lunenburg",
        state="NS",
        postal_code="B0J 2C0",
        phone="+19025550176",
    ),
    _case(
        "054",
        "a.kowalczyk@ottawa-health.example",
        "Anna Kowalczyk",
        _mso(
            "Good morning Alex,<br><br>The evaluation committee would like references from two "
            "hospital customers.",
            "Anna Kowalczyk",
            "Senior Procurement Specialist | Spécialiste principale en approvisionnement",
            "Ottawa Regional Health Network | Réseau de santé régional d'Ottawa",
            "613-555-0104 ext./poste 5521",
        ),
        "CA",
        "en",
        "fr",
        "bilingual",
        "outlook",
        "healthcare",
        html=True,
        first_name="Anna",
        last_name="Kowalczyk",
        title="Senior Procurement Specialist | Spécialiste principale en approvisionnement",
        company="Ottawa Regional Health Network | Réseau de santé régional d'Ottawa",
        phone="+16135550104",
    ),
    _case(
        "055",
        "liam.oconnor@prairiegrain.example",
        "Liam O’Connor",
        "Hi Alex,\n\nBelow are my comments; let me know if anything is unclear.\n\n"
        "Liam O’Connor\nOperations Lead, Prairie Grain Handling Co.\nWinnipeg, Manitoba\n"
        "Cell: 204-555-0129\n\n"
        + _on("Alex Moreno", ME_ADDR)
        + _q(
            "Hi Liam,\n\nSharing the rollout plan.\n\nAlex Moreno\nAccount Executive\n"
            "Stratus Demo Inc.\n+1 (415) 555-0110"
        ),
        "CA",
        "en",
        "reply",
        "apostrophe",
        first_name="Liam",
        last_name="O’Connor",
        title="Operations Lead",
        company="Prairie Grain Handling Co.",
        city="Winnipeg",
        state="Manitoba",
        mobile="+12045550129",
    ),
    _case(
        "056",
        "e.nadeau@cabinet-nadeau.example",
        "Émilie Nadeau",
        "Bonjour,\n\nJe vous confirme notre rencontre de jeudi à 10 h.\n\nCordialement,\n\n"
        "Me Émilie Nadeau, avocate\nAssociée\nNadeau Bélanger avocats S.E.N.C.R.L.\n"
        "500, Grande Allée Est, bureau 300\nQuébec (Québec)  G1R 2J7\n418 555-0162\n\n"
        "AVIS DE CONFIDENTIALITÉ : Ce courriel est confidentiel et peut être protégé par le "
        "secret professionnel. Si vous l'avez reçu par erreur, veuillez nous en aviser et le "
        "détruire.\n",
        "CA",
        "fr",
        "quebec",
        "law-firm",
        "honorific",
        "disclaimer",
        first_name="Émilie",
        last_name="Nadeau",
        title="Associée",
        company="Nadeau Bélanger avocats S.E.N.C.R.L.",
        street="500, Grande Allée Est, bureau 300",
        city="Québec",
        state="Québec",
        postal_code="G1R 2J7",
        phone="+14185550162",
    ),
    _case(
        "057",
        "ben.ito@coastmountainsoftware.example",
        "Ben Ito",
        _table(
            "Thanks Alex, we'll review with the team on Monday.",
            'alt="Coast Mountain Software"',
            "<b>Ben Ito</b>",
            "VP Sales",
            "M: +1 604 555 0158",
            "1055 West Hastings St, Vancouver, BC V6E 2E9",
        ),
        "CA",
        "en",
        "generated-table",
        "alt-company",
        html=True,
        first_name="Ben",
        last_name="Ito",
        title="VP Sales",
        company="Coast Mountain Software",
        mobile="+16045550158",
        street="1055 West Hastings St",
        city="Vancouver",
        state="BC",
        postal_code="V6E 2E9",
    ),
    _case(
        "058",
        "t.brown@maritimecouncil.example",
        "Tanya Brown",
        "Hello Alex,\n\nPlease register the following two staff for the webinar.\n\n"
        "Tanya Brown\nExecutive Assistant to the CEO\nMaritime Home Builders Council\n"
        "Tel: 506-555-0147\nFax: 506-555-0148\n",
        "CA",
        "en",
        "assistant",
        first_name="Tanya",
        last_name="Brown",
        title="Executive Assistant to the CEO",
        company="Maritime Home Builders Council",
        phone="+15065550147",
        fax="+15065550148",
    ),
    _case(
        "059",
        "marc.leblanc@acadie-meubles.example",
        "Marc LeBlanc",
        "Merci Alex! On se reparle la semaine prochaine.\n\nMarc\n\nEnvoyé de mon iPhone\n",
        "CA",
        "fr",
        "mobile",
        "unsigned",
    ),
    _case(
        "060",
        "priya.m@huronsteel.example",
        "Priya Menon",
        "Hi Alex,\n\nJust confirming receipt. Our AP contact is below.\n\nPriya Menon\n"
        "Buyer, Indirect Materials\nHuron Steel Works\n55 Industrial Dr, Hamilton, ON L8L 4K2\n"
        "T 905-555-0137\n"
        "________________________________\n"
        "From: Greg Patel <gpatel@huronsteel.example>\nSent: March 2, 2026 2:11 PM\n"
        "To: Priya Menon <priya.m@huronsteel.example>\nSubject: FW: Stratus invoice\n\n"
        "Priya, please ack to vendor.\n\nGreg Patel\nAP Lead\nHuron Steel Works\n"
        "T 905-555-0199\n",
        "CA",
        "en",
        "forward",
        "colleague-quoted",
        first_name="Priya",
        last_name="Menon",
        title="Buyer, Indirect Materials",
        company="Huron Steel Works",
        street="55 Industrial Dr",
        city="Hamilton",
        state="ON",
        postal_code="L8L 4K2",
        phone="+19055550137",
    ),
    _case(
        "061",
        "s.cardinal@saskpower-coop.example",
        "Sam Cardinal",
        "Hi Alex,\n\nI will be away from March 9 to 13 without access to email. I will reply "
        "when I return.\n\nJe serai absent du 9 au 13 mars. Je vous répondrai à mon retour.\n",
        "CA",
        "en",
        "fr",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "062",
        "notifications@ariba.example",
        "SAP Business Network",
        "Purchase Order PO-778120 from Huron Steel Works\n\nHuron Steel Works sent you a new "
        "purchase order. Log in to your account to view and confirm it.\n\nView order\n\n"
        "Huron Steel Works\n55 Industrial Dr\nHamilton, ON L8L 4K2\nCanada\n\n"
        "This is an automated message. Please do not reply.\n",
        "CA",
        "en",
        "notification",
        "unsigned",
    ),
    _case(
        "063",
        "i.dubois@vignoble-estrie.example",
        "Isabelle Dubois",
        _apple(
            "Allô Alex,<br><br>C’est parfait pour nous. Je signe ce soir.",
            "Isabelle Dubois",
            "Copropriétaire",
            "Vignoble de l’Estrie",
            "819 555-0183",
            "Magog (Québec)",
        ),
        "CA",
        "fr",
        "apple-mail",
        "quebec",
        "small-business",
        html=True,
        first_name="Isabelle",
        last_name="Dubois",
        title="Copropriétaire",
        company="Vignoble de l’Estrie",
        phone="+18195550183",
        city="Magog",
        state="Québec",
    ),
    _case(
        "064",
        "craig.miller@yukonsupply.example",
        "Craig Miller",
        "Alex,\n\nWe'll take 5 more licences. PO to follow.\n\n-- \nCraig Miller\n"
        "Purchasing, Yukon Northern Supply\n4190 4th Ave, Whitehorse, YT Y1A 1K1\n"
        "867-555-0112\n",
        "CA",
        "en",
        "thunderbird",
        first_name="Craig",
        last_name="Miller",
        title="Purchasing",
        company="Yukon Northern Supply",
        street="4190 4th Ave",
        city="Whitehorse",
        state="YT",
        postal_code="Y1A 1K1",
        phone="+18675550112",
    ),
    # -- Germany -------------------------------------------------------------------------------
    _case(
        "065",
        "stefan.braun@rheintal-maschinen.example",
        "Stefan Braun",
        "Hallo Herr Moreno,\n\nvielen Dank für das Angebot. Wir melden uns bis Ende der Woche."
        "\n\nMit freundlichen Grüßen\n\nStefan Braun\nLeiter Einkauf\nRheintal Maschinenbau GmbH"
        "\nIndustriestraße 14\n68169 Mannheim\nTel.: +49 621 4377 1120\nFax: +49 621 4377 1199\n",
        "DE",
        "de",
        first_name="Stefan",
        last_name="Braun",
        title="Leiter Einkauf",
        company="Rheintal Maschinenbau GmbH",
        street="Industriestraße 14",
        city="Mannheim",
        postal_code="68169",
        phone="+4962143771120",
        fax="+4962143771199",
    ),
    _case(
        "066",
        "j.hoffmann@elbe-logistik.example",
        "Julia Hoffmann",
        _mso(
            "Sehr geehrter Herr Moreno,<br><br>anbei die unterschriebene Bestellung.",
            "Mit freundlichen Grüßen",
            "",
            "i. A. Julia Hoffmann",
            "Einkäuferin",
            "",
            "Elbe Logistik Service GmbH &amp; Co. KG",
            "Am Sandtorkai 38 · 20457 Hamburg",
            "Telefon: 040 3344 5566",
            "Mobil: 0172 9876543",
            "E-Mail: j.hoffmann@elbe-logistik.example",
            "",
            '<span style="font-size:7.5pt">Sitz der Gesellschaft: Hamburg · Amtsgericht Hamburg '
            "HRA 118422 · Persönlich haftende Gesellschafterin: Elbe Logistik Verwaltungs GmbH · "
            "Geschäftsführer: Dr. Klaus Behrens, Ina Vogt</span>",
        ),
        "DE",
        "de",
        "outlook",
        "imprint",
        html=True,
        first_name="Julia",
        last_name="Hoffmann",
        title="Einkäuferin",
        company="Elbe Logistik Service GmbH & Co. KG",
        street="Am Sandtorkai 38",
        city="Hamburg",
        postal_code="20457",
        phone="+494033445566",
        mobile="+491729876543",
        email="j.hoffmann@elbe-logistik.example",
    ),
    _case(
        "067",
        "markus.weber@weber-antriebstechnik.example",
        "Markus Weber",
        "Guten Tag Herr Moreno,\n\nbitte senden Sie mir die Unterlagen auch auf Englisch.\n\n"
        "Beste Grüße\nDipl.-Ing. Markus Weber\nGeschäftsführer\nWeber Antriebstechnik GmbH\n"
        "Gewerbepark 7 | 73730 Esslingen am Neckar\nT +49 711 9300 4410 | M +49 151 23456789\n",
        "DE",
        "de",
        "honorific",
        "pipes",
        first_name="Markus",
        last_name="Weber",
        title="Geschäftsführer",
        company="Weber Antriebstechnik GmbH",
        street="Gewerbepark 7",
        city="Esslingen am Neckar",
        postal_code="73730",
        phone="+4971193004410",
        mobile="+4915123456789",
    ),
    _case(
        "068",
        "anna.schmitt@kraemer-pharma.example",
        "Anna Schmitt",
        _owa(
            "Hi Alex,<br><br>as discussed, here is our feedback on the pilot. Overall very "
            "positive!",
            "Best regards / Viele Grüße",
            "Anna Schmitt",
            "Head of Sales Operations DACH",
            "Krämer Pharma AG",
            "Mainzer Landstraße 50, 60325 Frankfurt am Main, Germany",
            "Phone +49 69 9876 5400 · Mobile +49 160 5550123",
        ),
        "DE",
        "en",
        "new-outlook",
        "bilingual",
        html=True,
        first_name="Anna",
        last_name="Schmitt",
        title="Head of Sales Operations DACH",
        company="Krämer Pharma AG",
        street="Mainzer Landstraße 50",
        city="Frankfurt am Main",
        postal_code="60325",
        country="Germany",
        phone="+496998765400",
        mobile="+491605550123",
    ),
    _case(
        "069",
        "t.krueger@nordsee-fisch.example",
        "Thomas Krüger",
        "Moin Herr Moreno,\n\npasst so. Wir starten im April.\n\nGruß\nThomas\n\n"
        "Von meinem iPhone gesendet\n",
        "DE",
        "de",
        "mobile",
        "unsigned",
    ),
    _case(
        "070",
        "l.becker@becker-holzbau.example",
        "Lena Becker",
        "Hallo Alex,\n\ndanke dir! Die Rechnung bitte an buchhaltung@becker-holzbau.example.\n\n"
        "Viele Grüße\nLena\n\n--\nLena Becker\nProkuristin\nBecker Holzbau GmbH\n"
        "Dorfstraße 3, 83646 Bad Tölz\nTel. 08041 79 55 12\nHandy 0170 5550199\n",
        "DE",
        "de",
        "thunderbird",
        "small-business",
        first_name="Lena",
        last_name="Becker",
        title="Prokuristin",
        company="Becker Holzbau GmbH",
        street="Dorfstraße 3",
        city="Bad Tölz",
        postal_code="83646",
        phone="+498041795512",
        mobile="+491705550199",
    ),
    _case(
        "071",
        "k.yilmaz@ruhr-kunststoff.example",
        "Kerem Yilmaz",
        "Sehr geehrter Herr Moreno,\n\nwir benötigen noch ein Angebot für 20 weitere Lizenzen."
        "\n\nFreundliche Grüße\n\nKerem Yilmaz\nStrategischer Einkauf\n"
        "Ruhr Kunststofftechnik GmbH\nZechenstraße 101\n44137 Dortmund\nDeutschland\n"
        "Telefon +49 (0)231 5589 3320\nTelefax +49 (0)231 5589 3399\n"
        "www.ruhr-kunststoff.example\n\n"
        "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie "
        "nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, "
        "informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.\n",
        "DE",
        "de",
        "disclaimer",
        first_name="Kerem",
        last_name="Yilmaz",
        title="Strategischer Einkauf",
        company="Ruhr Kunststofftechnik GmbH",
        street="Zechenstraße 101",
        city="Dortmund",
        postal_code="44137",
        country="Deutschland",
        phone="+4923155893320",
        fax="+4923155893399",
        website="www.ruhr-kunststoff.example",
    ),
    _case(
        "072",
        "c.neumann@spree-software.example",
        "Claudia Neumann",
        _gmail(
            "Hi Alex,<br><br>thanks for the quick turnaround. One question on the SSO setup below.",
            "Claudia Neumann | CFO | Spree Software GmbH",
            "Rosenthaler Str. 40, 10178 Berlin",
            "+49 30 12345678",
        ),
        "DE",
        "en",
        "gmail",
        "one-line",
        html=True,
        first_name="Claudia",
        last_name="Neumann",
        title="CFO",
        company="Spree Software GmbH",
        street="Rosenthaler Str. 40",
        city="Berlin",
        postal_code="10178",
        phone="+493012345678",
    ),
    _case(
        "073",
        "f.zimmermann@klinikum-allgaeu.example",
        "Frank Zimmermann",
        "Sehr geehrter Herr Moreno,\n\ndie Ausschreibung endet am 31.03. Bitte reichen Sie Ihr "
        "Angebot über die Vergabeplattform ein.\n\nMit freundlichen Grüßen\n\nFrank Zimmermann\n"
        "Abteilungsleiter Zentraleinkauf\nKlinikum Allgäu gGmbH\nRobert-Weixler-Straße 50\n"
        "87439 Kempten (Allgäu)\nTel. 0831 530 2210\nzimmermann.f@klinikum-allgaeu.example\n",
        "DE",
        "de",
        "healthcare",
        "public-sector",
        first_name="Frank",
        last_name="Zimmermann",
        title="Abteilungsleiter Zentraleinkauf",
        company="Klinikum Allgäu gGmbH",
        street="Robert-Weixler-Straße 50",
        city="Kempten (Allgäu)",
        postal_code="87439",
        phone="+498315302210",
        email="zimmermann.f@klinikum-allgaeu.example",
    ),
    _case(
        "074",
        "s.fischer@fischer-partner.example",
        "Sabine Fischer",
        "Sehr geehrter Herr Moreno,\n\nanbei unsere Anmerkungen zum Auftragsverarbeitungsvertrag."
        "\n\nMit freundlichen Grüßen\n\nDr. Sabine Fischer\nRechtsanwältin und Partnerin\n\n"
        "FISCHER & PARTNER Rechtsanwälte mbB\nKönigsallee 92a\n40212 Düsseldorf\n"
        "T: +49 211 7788 990\nF: +49 211 7788 999\n",
        "DE",
        "de",
        "law-firm",
        "honorific",
        first_name="Sabine",
        last_name="Fischer",
        title="Rechtsanwältin und Partnerin",
        company="FISCHER & PARTNER Rechtsanwälte mbB",
        street="Königsallee 92a",
        city="Düsseldorf",
        postal_code="40212",
        phone="+492117788990",
        fax="+492117788999",
    ),
    _case(
        "075",
        "m.wagner@wagner-elektro.example",
        "Michael Wagner",
        "Hallo Herr Moreno,\n\nich bin bis einschließlich 13.03.2026 nicht im Büro. Ihre E-Mail "
        "wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an "
        "info@wagner-elektro.example oder 0711 555 0100.\n\nMit freundlichen Grüßen\n"
        "Michael Wagner\n",
        "DE",
        "de",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "076",
        "p.schulze@saale-papier.example",
        "Petra Schulze",
        "Guten Morgen Herr Moreno,\n\nbitte beachten Sie die Nachricht unten von meinem Kollegen."
        "\n\nMit freundlichen Grüßen\nPetra Schulze\nTeamleitung Vertriebsinnendienst\n"
        "Saale Papierwerke GmbH\nTel.: 0345 68 22 140\n\n"
        "-----Ursprüngliche Nachricht-----\nVon: Jens Lorenz <j.lorenz@saale-papier.example>\n"
        "Gesendet: Montag, 2. März 2026 10:12\nAn: Petra Schulze "
        "<p.schulze@saale-papier.example>\nBetreff: Stratus Vertrag\n\nHallo Petra,\n\n"
        "kannst du das bitte an Stratus weitergeben?\n\nGruß\nJens Lorenz\nEinkauf\n"
        "Saale Papierwerke GmbH\nTel.: 0345 68 22 155\n",
        "DE",
        "de",
        "forward",
        "colleague-quoted",
        first_name="Petra",
        last_name="Schulze",
        title="Teamleitung Vertriebsinnendienst",
        company="Saale Papierwerke GmbH",
        phone="+493456822140",
    ),
    _case(
        "077",
        "h.schaefer@schaefer-werkzeuge.example",
        "Heinz Schäfer",
        "Servus Herr Moreno,\n\ndas passt. Schicken Sie mir bitte die Rechnung.\n\n"
        "Heinz Schäfer\nSchäfer Werkzeuge e.K.\nHauptstr. 22 · 94032 Passau\n"
        "0851 / 756 44 0\n",
        "DE",
        "de",
        "small-business",
        "slash-separator",
        first_name="Heinz",
        last_name="Schäfer",
        company="Schäfer Werkzeuge e.K.",
        street="Hauptstr. 22",
        city="Passau",
        postal_code="94032",
        phone="+49851756440",
    ),
    _case(
        "078",
        "newsletter@industrie-forum.example",
        "Industrie Forum",
        "Ihr Newsletter März 2026: Lieferketten, KI im Einkauf und unsere Termine.\n\n"
        "Jetzt lesen\n\nIndustrie Forum Medien GmbH · Leopoldstraße 244 · 80807 München\n"
        "Geschäftsführer: Tobias Brandt · HRB 198877 Amtsgericht München\n"
        "Newsletter abbestellen\n",
        "DE",
        "de",
        "newsletter",
        "unsigned",
    ),
    _case(
        "079",
        "r.koch@bodensee-optik.example",
        "Ralf Koch",
        _table(
            "Hallo Alex,<br><br>anbei unsere Rückfragen zum Angebot.",
            'alt="bodensee-optik_logo_2026.png"',
            "<b>Ralf Koch</b>",
            "Vertriebsleiter / Head of Sales",
            "Bodensee Optik GmbH",
            "Seestraße 9, 88045 Friedrichshafen",
            "Tel. +49 7541 3850 120 · Mobil +49 171 2345678",
        ),
        "DE",
        "de",
        "en",
        "generated-table",
        "bilingual",
        html=True,
        first_name="Ralf",
        last_name="Koch",
        title="Vertriebsleiter / Head of Sales",
        company="Bodensee Optik GmbH",
        street="Seestraße 9",
        city="Friedrichshafen",
        postal_code="88045",
        phone="+4975413850120",
        mobile="+491712345678",
    ),
    _case(
        "080",
        "n.vogel@vogel-catering.example",
        "Nina Vogel",
        "Hallo Alex,\n\nkurze Info: Wir nehmen das Basispaket.\n\nLG\nNina Vogel\n"
        "Inhaberin – Vogel Catering\nMobil 0152 55501234\n",
        "DE",
        "de",
        "small-business",
        first_name="Nina",
        last_name="Vogel",
        title="Inhaberin",
        company="Vogel Catering",
        mobile="+4915255501234",
    ),
    _case(
        "081",
        "o.richter@stadtwerke-talheim.example",
        "Oliver Richter",
        "Sehr geehrte Damen und Herren,\n\nbitte bestätigen Sie den Liefertermin.\n\n"
        "Mit freundlichen Grüßen\nIm Auftrag\nOliver Richter\n\nStadtwerke Talheim GmbH\n"
        "Bereich Beschaffung\nKraftwerkstraße 1\n74388 Talheim\nTelefon: 07133 9870-213\n"
        "Zentrale: 07133 9870-0\n",
        "DE",
        "de",
        "public-sector",
        "direct-and-main",
        first_name="Oliver",
        last_name="Richter",
        company="Stadtwerke Talheim GmbH",
        street="Kraftwerkstraße 1",
        city="Talheim",
        postal_code="74388",
        phone="+4971339870213",
    ),
    _case(
        "082",
        "jan.petersen@kieler-werft.example",
        "Jan Petersen",
        "Hi Alex,\n\nsee my notes inline.\n\n"
        + _on("Alex Moreno", ME_ADDR, "Mo., 2. März 2026 um 11:05")
        + "> Can your team join a workshop in Kiel?\n\nYes, week 14 works.\n\n"
        "> Who signs on your side?\n\nOur managing director, Dr. Hansen.\n\nBest\nJan\n\n"
        "Jan Petersen\nProjektleiter IT\nKieler Werft Service GmbH\nTel. +49 431 5550 7710\n",
        "DE",
        "en",
        "inline-reply",
        "reply",
        first_name="Jan",
        last_name="Petersen",
        title="Projektleiter IT",
        company="Kieler Werft Service GmbH",
        phone="+4943155507710",
    ),
    _case(
        "083",
        "einladung@teams-kalender.example",
        "Sandra Lang",
        "Sandra Lang lädt Sie zu einer Besprechung ein.\n\nStratus Einführung – Abstimmung\n"
        "Donnerstag, 12. März 2026 10:00–11:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom\n\n"
        "Microsoft Teams-Besprechung\nJetzt an der Besprechung teilnehmen\n"
        "Besprechungs-ID: 312 448 901 22\nKennung: Zx7Pq2\n\nEinwahl per Telefon\n"
        "+49 69 9876 5499,,551234# Germany, Frankfurt\n",
        "DE",
        "de",
        "invite",
        "unsigned",
    ),
    _case(
        "084",
        "a.hartmann@hartmann-textil.example",
        "Andrea Hartmann",
        _apple(
            "Lieber Alex,<br><br>vielen Dank, wir sind dabei!",
            "Herzliche Grüße",
            "Andrea Hartmann",
            "",
            "Hartmann Textil GmbH",
            "Marketing &amp; Vertrieb",
            "Webereistraße 12",
            "48599 Gronau (Westf.)",
            "+49 2562 7019 0",
        ),
        "DE",
        "de",
        "apple-mail",
        "department-line",
        html=True,
        first_name="Andrea",
        last_name="Hartmann",
        company="Hartmann Textil GmbH",
        street="Webereistraße 12",
        city="Gronau (Westf.)",
        postal_code="48599",
        phone="+49256270190",
    ),
    # -- France --------------------------------------------------------------------------------
    _case(
        "085",
        "c.lefebvre@atelier-marne.example",
        "Camille Lefebvre",
        "Bonjour Alex,\n\nMerci pour votre proposition. Nous la présentons en comité mardi.\n\n"
        "Bien cordialement,\n\nCamille Lefebvre\nResponsable achats\nAteliers de la Marne SAS\n"
        "12 rue de la République\n51100 Reims\nTél. : 03 26 55 01 42\n",
        "FR",
        "fr",
        first_name="Camille",
        last_name="Lefebvre",
        title="Responsable achats",
        company="Ateliers de la Marne SAS",
        street="12 rue de la République",
        city="Reims",
        postal_code="51100",
        phone="+33326550142",
    ),
    _case(
        "086",
        "nicolas.bernard@groupe-vauban.example",
        "Nicolas Bernard",
        _mso(
            "Bonjour,<br><br>Veuillez trouver ci-joint notre bon de commande n° 2026-0412.",
            "Cordialement,",
            "",
            "<b>Nicolas BERNARD</b>",
            "Directeur des Achats",
            "GROUPE VAUBAN",
            "Tour Horizon – 52 quai de Dion-Bouton",
            "92800 Puteaux",
            "Standard : 01 47 55 20 00 | Ligne directe : 01 47 55 20 31",
            "Mobile : 06 55 12 34 56",
        ),
        "FR",
        "fr",
        "outlook",
        "capitals-name",
        "direct-and-main",
        html=True,
        first_name="Nicolas",
        last_name="Bernard",
        title="Directeur des Achats",
        company="GROUPE VAUBAN",
        street="Tour Horizon – 52 quai de Dion-Bouton",
        city="Puteaux",
        postal_code="92800",
        phone="+33147552031",
        mobile="+33655123456",
    ),
    _case(
        "087",
        "m.durand@durand-menuiserie.example",
        "Michel Durand",
        "Bonjour,\n\nC'est bon pour moi, envoyez la facture.\n\nMichel Durand\n"
        "Durand Menuiserie SARL\n8 route de Nantes, 44190 Clisson\nPort. 06 71 22 45 19\n",
        "FR",
        "fr",
        "small-business",
        first_name="Michel",
        last_name="Durand",
        company="Durand Menuiserie SARL",
        street="8 route de Nantes",
        city="Clisson",
        postal_code="44190",
        mobile="+33671224519",
    ),
    _case(
        "088",
        "sophie.martin@pyrenees-sante.example",
        "Sophie Martin",
        _owa(
            "Bonjour Alex,<br><br>Pouvez-vous nous transmettre vos références en milieu "
            "hospitalier ?",
            "Sophie Martin",
            "Acheteuse – Pôle numérique",
            "Centre Hospitalier des Pyrénées",
            "29 avenue du Général Leclerc – 64000 Pau",
            "Tél. 05 59 55 08 12",
        ),
        "FR",
        "fr",
        "new-outlook",
        "healthcare",
        "public-sector",
        html=True,
        first_name="Sophie",
        last_name="Martin",
        title="Acheteuse – Pôle numérique",
        company="Centre Hospitalier des Pyrénées",
        street="29 avenue du Général Leclerc",
        city="Pau",
        postal_code="64000",
        phone="+33559550812",
    ),
    _case(
        "089",
        "j.roux@roux-transports.example",
        "Julien Roux",
        "Bonjour Alex,\n\nJe vous transfère le message de notre DAF.\n\nJulien Roux\n"
        "Responsable d'exploitation | Roux Transports\nZI des Bruyères, 13 rue Ampère\n"
        "69740 Genas\nPort. 07 81 22 45 19\n\n"
        "---------- Message transféré ---------\nDe : Hélène Faure "
        "<h.faure@roux-transports.example>\nDate : lun. 2 mars 2026 à 09:12\nObjet : Contrat "
        "Stratus\nÀ : Julien Roux <j.roux@roux-transports.example>\n\nJulien,\n\nMerci de "
        "demander un devis pour 10 utilisateurs.\n\nHélène Faure\nDirectrice administrative "
        "et financière\nRoux Transports\nTél. 04 72 55 19 30\n",
        "FR",
        "fr",
        "forward",
        "colleague-quoted",
        first_name="Julien",
        last_name="Roux",
        title="Responsable d'exploitation",
        company="Roux Transports",
        street="ZI des Bruyères, 13 rue Ampère",
        city="Genas",
        postal_code="69740",
        mobile="+33781224519",
    ),
    _case(
        "090",
        "a.moulin@cabinet-moulin-avocats.example",
        "Anne Moulin",
        "Maître,\n\nMonsieur,\n\nJe vous prie de trouver ci-joint nos observations sur le "
        "projet de contrat.\n\nBien à vous,\n\nAnne Moulin\nAvocat associé\n"
        "Moulin & Associés\n45 boulevard Haussmann\n75009 Paris\nT. +33 (0)1 42 68 53 00\n"
        "F. +33 (0)1 42 68 53 01\n\n"
        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention "
        "exclusive de ses destinataires. Toute utilisation ou diffusion non autorisée est "
        "interdite.\n",
        "FR",
        "fr",
        "law-firm",
        "disclaimer",
        first_name="Anne",
        last_name="Moulin",
        title="Avocat associé",
        company="Moulin & Associés",
        street="45 boulevard Haussmann",
        city="Paris",
        postal_code="75009",
        phone="+33142685300",
        fax="+33142685301",
    ),
    _case(
        "091",
        "pierre.garnier@alpes-composites.example",
        "Pierre Garnier",
        _gmail(
            "Bonjour Alex,<br><br>Ok pour une démo jeudi 14h.",
            "Pierre Garnier",
            "Directeur commercial",
            "Alpes Composites",
            "Parc d'activités des Glaisins, 74940 Annecy",
            "+33 4 50 55 02 61",
            '<a href="https://www.alpes-composites.example">www.alpes-composites.example</a>',
        ),
        "FR",
        "fr",
        "gmail",
        html=True,
        first_name="Pierre",
        last_name="Garnier",
        title="Directeur commercial",
        company="Alpes Composites",
        street="Parc d'activités des Glaisins",
        city="Annecy",
        postal_code="74940",
        phone="+33450550261",
        website="www.alpes-composites.example",
    ),
    _case(
        "092",
        "l.mercier@bretagne-agro.example",
        "Laura Mercier",
        "Bonjour,\n\nJe suis absente jusqu'au 16 mars inclus. En cas d'urgence, vous pouvez "
        "joindre le service achats au 02 99 55 10 00.\n\nCordialement,\nLaura Mercier\n",
        "FR",
        "fr",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "093",
        "t.blanc@blanc-imprimerie.example",
        "Thierry Blanc",
        "Merci, bien reçu.\n\nEnvoyé de mon iPhone\n",
        "FR",
        "fr",
        "mobile",
        "unsigned",
    ),
    _case(
        "094",
        "e.petitjean@normandie-logistique.example",
        "Élodie Petitjean",
        "Bonjour Alex,\n\nNous validons l'offre. Pouvez-vous nous adresser le contrat ?\n\n"
        "Cordialement\n\nÉlodie PETITJEAN\nChef de projet SI\nNormandie Logistique SA\n"
        "Parc Eco Normandie, 1 rue Gustave Eiffel\n76430 Saint-Romain-de-Colbosc\nFrance\n"
        "Tél. : +33 2 35 55 40 18\nMob. : +33 6 55 40 18 77\n",
        "FR",
        "fr",
        "capitals-name",
        first_name="Élodie",
        last_name="Petitjean",
        title="Chef de projet SI",
        company="Normandie Logistique SA",
        street="Parc Eco Normandie, 1 rue Gustave Eiffel",
        city="Saint-Romain-de-Colbosc",
        postal_code="76430",
        country="France",
        phone="+33235554018",
        mobile="+33655401877",
    ),
    _case(
        "095",
        "v.chevalier@chevalier-conseil.example",
        "Vincent Chevalier",
        _apple(
            "Hello Alex,<br><br>Voici mes retours, on en parle demain ?",
            "Vincent Chevalier",
            "Fondateur · Chevalier Conseil",
            "Mob. 06 12 34 56 78 · vincent@chevalier-conseil.example",
        ),
        "FR",
        "fr",
        "apple-mail",
        "dot-separator",
        html=True,
        first_name="Vincent",
        last_name="Chevalier",
        title="Fondateur",
        company="Chevalier Conseil",
        mobile="+33612345678",
        email="vincent@chevalier-conseil.example",
    ),
    _case(
        "096",
        "isabelle.robin@univ-loire.example",
        "Isabelle Robin",
        "Bonjour,\n\nL'université lance une consultation ; le dossier est en ligne sur notre "
        "profil acheteur.\n\nCordialement,\n\nIsabelle Robin\nResponsable du service des "
        "marchés publics\nDirection des affaires financières\nUniversité de Loire-Atlantique\n"
        "2 chemin de la Houssinière\nBP 92208\n44322 Nantes Cedex 3\nTél. 02 40 55 37 10\n",
        "FR",
        "fr",
        "university",
        "cedex",
        "department-line",
        first_name="Isabelle",
        last_name="Robin",
        title="Responsable du service des marchés publics",
        company="Université de Loire-Atlantique",
        street="2 chemin de la Houssinière",
        city="Nantes",
        postal_code="44322",
        phone="+33240553710",
    ),
    _case(
        "097",
        "r.faure@faure-vins.example",
        "Romain Faure",
        "Bonjour Alex,\n\nParfait, merci.\n\nRomain Faure\nGérant\nDomaine Faure & Fils\n"
        "BP 12\n33330 Saint-Émilion\nTél. 05 57 55 12 80\n",
        "FR",
        "fr",
        "po-box",
        first_name="Romain",
        last_name="Faure",
        title="Gérant",
        company="Domaine Faure & Fils",
        street="BP 12",
        city="Saint-Émilion",
        postal_code="33330",
        phone="+33557551280",
    ),
    _case(
        "098",
        "k.benali@seine-distribution.example",
        "Karim Benali",
        _table(
            "Bonjour Alex,<br><br>Comme convenu, la liste des utilisateurs en pièce jointe.",
            'alt="Photo de Karim Benali"',
            "<b>Karim Benali</b>",
            "Key Account Manager",
            "Seine Distribution",
            "M. +33 7 55 20 41 63",
            "18 rue de Rivoli, 75004 Paris",
        ),
        "FR",
        "fr",
        "generated-table",
        "photo",
        html=True,
        first_name="Karim",
        last_name="Benali",
        title="Key Account Manager",
        company="Seine Distribution",
        mobile="+33755204163",
        street="18 rue de Rivoli",
        city="Paris",
        postal_code="75004",
    ),
    _case(
        "099",
        "d.lambert@aquitaine-bois.example",
        "Denis Lambert",
        "Alex,\n\nVoir mes réponses ci-dessous.\n\n"
        "Le lun. 2 mars 2026 à 11:05, Alex Moreno <" + ME_ADDR + "> a écrit :\n"
        "> Combien d'utilisateurs pour la phase 1 ?\n\n25.\n\n"
        "> Souhaitez-vous une formation sur site ?\n\nOui, à Bordeaux.\n\n"
        "Denis Lambert\nDSI\nAquitaine Bois Industrie\n05 56 55 71 20\n",
        "FR",
        "fr",
        "inline-reply",
        "reply",
        first_name="Denis",
        last_name="Lambert",
        title="DSI",
        company="Aquitaine Bois Industrie",
        phone="+33556557120",
    ),
    _case(
        "100",
        "contact@salon-achats.example",
        "Salon des Achats",
        "Salon des Achats 2026 : votre badge gratuit vous attend !\n\nLes 8 et 9 avril à "
        "Paris Expo Porte de Versailles. Plus de 200 exposants.\n\nJe m'inscris\n\n"
        "Salon des Achats – Événements Pro SAS, 10 rue Lafayette, 75009 Paris\n"
        "Se désinscrire\n",
        "FR",
        "fr",
        "newsletter",
        "unsigned",
    ),
    _case(
        "101",
        "g.henry@henry-btp.example",
        "Gilles Henry",
        "Bonjour,\n\nVoir ci-dessous.\n\nGilles\n\n"
        "De : Marc Perrin <m.perrin@henry-btp.example>\nEnvoyé : lundi 2 mars 2026 10:41\n"
        "À : Gilles Henry <g.henry@henry-btp.example>\nObjet : Licences Stratus\n\n"
        "Gilles, il nous faut 4 licences de plus.\n\nMarc Perrin\nConducteur de travaux\n"
        "Henry BTP\n06 55 31 22 10\n",
        "FR",
        "fr",
        "forward",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "102",
        "a.gauthier@gauthier-industrie.example",
        "Aurélie Gauthier",
        "Bonjour Monsieur Moreno,\n\nJe vous confirme notre accord. Vous trouverez le bon de "
        "commande signé en pièce jointe.\n\nCordialement,\n\nAurélie Gauthier\n"
        "Assistante de direction\nGauthier Industrie\n3 allée des Tilleuls\n67000 Strasbourg\n"
        "Tél : 03 88 14 52 60\nFax : 03 88 14 52 61\n",
        "FR",
        "fr",
        "assistant",
        first_name="Aurélie",
        last_name="Gauthier",
        title="Assistante de direction",
        company="Gauthier Industrie",
        street="3 allée des Tilleuls",
        city="Strasbourg",
        postal_code="67000",
        phone="+33388145260",
        fax="+33388145261",
    ),
    # -- Australia -----------------------------------------------------------------------------
    _case(
        "103",
        "bec.harris@southerncrossfreight.example",
        "Bec Harris",
        "Hi Alex,\n\nThanks for the info. I'll run it past our GM and get back to you next week."
        "\n\nKind regards,\n\nBec Harris\nProcurement Coordinator\nSouthern Cross Freight Pty Ltd"
        "\nLevel 5, 123 Pitt Street\nSydney NSW 2000\nPh: 02 9555 0123\nMob: 0412 555 019\n",
        "AU",
        "en",
        first_name="Bec",
        last_name="Harris",
        title="Procurement Coordinator",
        company="Southern Cross Freight Pty Ltd",
        street="Level 5, 123 Pitt Street",
        city="Sydney",
        state="NSW",
        postal_code="2000",
        phone="+61295550123",
        mobile="+61412555019",
    ),
    _case(
        "104",
        "d.nguyen@yarravalleyestates.example",
        "Duc Nguyen",
        _mso(
            "G'day Alex,<br><br>We're happy to proceed. Invoice to accounts@ please.",
            "<b>Duc Nguyen</b>",
            "Operations Manager",
            "Yarra Valley Estates",
            "P: 03 7010 4455 &nbsp;|&nbsp; M: 0491 570 110",
            "42 Melba Highway, Yarra Glen VIC 3775",
            "",
            '<i><span style="font-size:8.0pt">Yarra Valley Estates acknowledges the Wurundjeri '
            "Woi-wurrung people as the Traditional Owners of the land on which we work, and pays "
            "respect to Elders past and present.</span></i>",
        ),
        "AU",
        "en",
        "outlook",
        "acknowledgement-of-country",
        html=True,
        first_name="Duc",
        last_name="Nguyen",
        title="Operations Manager",
        company="Yarra Valley Estates",
        phone="+61370104455",
        mobile="+61491570110",
        street="42 Melba Highway",
        city="Yarra Glen",
        state="VIC",
        postal_code="3775",
    ),
    _case(
        "105",
        "sarah.oconnell@brisbanehealth.example",
        "Sarah O'Connell",
        "Hi Alex,\n\nJust confirming our evaluation panel for Thursday.\n\nCheers,\nSarah\n\n"
        "Sarah O'Connell\nSenior Contracts Officer | Procurement Services\n"
        "Metro North Community Health\nLevel 3, 200 Adelaide Street, Brisbane QLD 4000\n"
        "T 07 5550 3321\nE sarah.oconnell@brisbanehealth.example\n",
        "AU",
        "en",
        "healthcare",
        "public-sector",
        first_name="Sarah",
        last_name="O'Connell",
        title="Senior Contracts Officer",
        company="Metro North Community Health",
        street="Level 3, 200 Adelaide Street",
        city="Brisbane",
        state="QLD",
        postal_code="4000",
        phone="+61755503321",
        email="sarah.oconnell@brisbanehealth.example",
    ),
    _case(
        "106",
        "j.mitchell@redearthmining.example",
        "Jack Mitchell",
        "Mate, sounds good. Lock it in.\n\nJack\n\nGet Outlook for iOS\n",
        "AU",
        "en",
        "mobile",
        "unsigned",
    ),
    _case(
        "107",
        "lisa.tran@swanriverlegal.example",
        "Lisa Tran",
        "Dear Alex,\n\nPlease find attached our marked-up version of the subscription agreement."
        "\n\nRegards\n\nLisa Tran\nSenior Associate\nSwan River Legal\n"
        "Level 18, 240 St Georges Terrace\nPerth WA 6000\nT +61 8 5550 9876\n\n"
        "Liability limited by a scheme approved under Professional Standards Legislation.\n"
        "This email is confidential. If you have received it in error, please notify us "
        "immediately and delete it.\n",
        "AU",
        "en",
        "law-firm",
        "disclaimer",
        first_name="Lisa",
        last_name="Tran",
        title="Senior Associate",
        company="Swan River Legal",
        street="Level 18, 240 St Georges Terrace",
        city="Perth",
        state="WA",
        postal_code="6000",
        phone="+61855509876",
    ),
    _case(
        "108",
        "matt@coastalplumbing.example",
        "Matt Kelly",
        "Hi Alex, all good, go ahead with the setup.\n\nMatt Kelly\nDirector\n"
        "Coastal Plumbing & Gas Pty Ltd\nABN 51 824 753 556\n0400 555 123\n",
        "AU",
        "en",
        "small-business",
        "abn",
        first_name="Matt",
        last_name="Kelly",
        title="Director",
        company="Coastal Plumbing & Gas Pty Ltd",
        phone="+61400555123",
    ),
    _case(
        "109",
        "p.wilson@adelaide-uni.example",
        "Peter Wilson",
        _owa(
            "Hi Alex,<br><br>We have a few follow-up questions about data residency; is the "
            "data stored in Australia?",
            "Associate Professor Peter Wilson",
            "Director, Research Partnerships",
            "University of South Adelaide",
            "North Terrace, Adelaide SA 5000, Australia",
            "Phone: +61 8 5550 4102",
            "CRICOS Provider Number 00999Z",
        ),
        "AU",
        "en",
        "new-outlook",
        "university",
        "honorific",
        html=True,
        first_name="Peter",
        last_name="Wilson",
        title="Director, Research Partnerships",
        company="University of South Adelaide",
        street="North Terrace",
        city="Adelaide",
        state="SA",
        postal_code="5000",
        country="Australia",
        phone="+61855504102",
    ),
    _case(
        "110",
        "kylie.b@tasmanianseafood.example",
        "Kylie Brooks",
        _gmail(
            "Hi Alex,<br><br>Can you send through a quote for 8 users?",
            "Kylie Brooks | Sales &amp; Marketing Manager",
            "Tasmanian Seafood Co.",
            "P 03 6255 0144 | M 0491 570 156",
            "Hobart, Tasmania",
        ),
        "AU",
        "en",
        "gmail",
        html=True,
        first_name="Kylie",
        last_name="Brooks",
        title="Sales & Marketing Manager",
        company="Tasmanian Seafood Co.",
        city="Hobart",
        state="Tasmania",
        phone="+61362550144",
        mobile="+61491570156",
    ),
    _case(
        "111",
        "r.singh@outbacklogistics.example",
        "Raj Singh",
        "Hi Alex,\n\nForwarding the query from our warehouse team - can you help?\n\n"
        "Regards,\nRaj Singh\nIT Manager\nOutback Logistics Group\n1300 555 012\n"
        + _fwd("Tony Russo", "t.russo@outbacklogistics.example", "Scanner sync")
        + "Raj,\n\nThe handhelds aren't syncing since Tuesday.\n\nTony Russo\n"
        "Warehouse Supervisor\nOutback Logistics Group\nM: 0491 570 159\n",
        "AU",
        "en",
        "forward",
        "colleague-quoted",
        first_name="Raj",
        last_name="Singh",
        title="IT Manager",
        company="Outback Logistics Group",
        phone="+611300555012",
    ),
    _case(
        "112",
        "emma.clarke@hunterwines.example",
        "Emma Clarke",
        _apple(
            "Thanks Alex – see you at the cellar door Friday!",
            "Emma Clarke",
            "General Manager",
            "Hunter Ridge Wines",
            "1 Broke Road, Pokolbin NSW 2320",
            "M 0491 570 006",
            "<br>",
            "Sent from my iPhone",
        ),
        "AU",
        "en",
        "apple-mail",
        "mobile",
        html=True,
        first_name="Emma",
        last_name="Clarke",
        title="General Manager",
        company="Hunter Ridge Wines",
        street="1 Broke Road",
        city="Pokolbin",
        state="NSW",
        postal_code="2320",
        mobile="+61491570006",
    ),
    _case(
        "113",
        "procurement@nt-gov.example",
        "Procurement NT",
        "This is an automated acknowledgement. Your submission for tender T26-0412 has been "
        "received at 2:14 PM ACST on 2 March 2026.\n\nDo not reply to this email.\n\n"
        "Department of Corporate Services\nGPO Box 2391, Darwin NT 0801\n",
        "AU",
        "en",
        "auto-reply",
        "public-sector",
        "unsigned",
    ),
    _case(
        "114",
        "tom.harding@goldfields-engineering.example",
        "Tom Harding",
        "Alex,\n\nAll fine with the renewal, push the paperwork through.\n\nThanks\nTom Harding"
        "\nChief Financial Officer\nGoldfields Engineering Pty Ltd\nPO Box 1020\n"
        "Kalgoorlie WA 6430\nT: 08 9021 5503\n",
        "AU",
        "en",
        "po-box",
        first_name="Tom",
        last_name="Harding",
        title="Chief Financial Officer",
        company="Goldfields Engineering Pty Ltd",
        street="PO Box 1020",
        city="Kalgoorlie",
        state="WA",
        postal_code="6430",
        phone="+61890215503",
    ),
    _case(
        "115",
        "n.papadopoulos@canberratech.example",
        "Nick Papadopoulos",
        "Hi Alex,\n\nComments below in red.\n\nNick Papadopoulos\nHead of Digital\n"
        "Canberra Technology Services\nUnit 2, 18 Lonsdale Street, Braddon ACT 2612\n"
        "(02) 5550 1234\n\n"
        "From: Alex Moreno <" + ME_ADDR + ">\nSent: Monday, 2 March 2026 9:05 AM\n"
        "To: Nick Papadopoulos <n.papadopoulos@canberratech.example>\nSubject: Pilot scope\n\n"
        "Hi Nick,\n\nProposed scope attached.\n\nAlex Moreno\nAccount Executive\n"
        "Stratus Demo Inc.\n",
        "AU",
        "en",
        "reply",
        first_name="Nick",
        last_name="Papadopoulos",
        title="Head of Digital",
        company="Canberra Technology Services",
        street="Unit 2, 18 Lonsdale Street",
        city="Braddon",
        state="ACT",
        postal_code="2612",
        phone="+61255501234",
    ),
    _case(
        "116",
        "hello@bondi-studio.example",
        "Bondi Studio",
        "Autumn is here! Book your team's spring offsite with us and save 15%.\n\n"
        "Book now\n\nBondi Studio Events Pty Ltd | 90 Campbell Parade, Bondi Beach NSW 2026\n"
        "You're receiving this because you subscribed. Unsubscribe\n",
        "AU",
        "en",
        "newsletter",
        "unsigned",
    ),
    _case(
        "117",
        "s.walker@darlingdowns-ag.example",
        "Shane Walker",
        "Hi Alex,\n\nSorry mate, we've decided to hold off until after harvest.\n\nShane\n\n"
        "Shane Walker | Farm Manager | Darling Downs Ag Co\n"
        "Toowoomba QLD | 0491 570 157 (m)\n",
        "AU",
        "en",
        "one-line",
        "label-after-number",
        first_name="Shane",
        last_name="Walker",
        title="Farm Manager",
        company="Darling Downs Ag Co",
        city="Toowoomba",
        state="QLD",
        mobile="+61491570157",
    ),
    _case(
        "118",
        "c.reid@geelongmfg.example",
        "Claire Reid",
        _table(
            "Hi Alex,<br><br>PO attached. Please confirm the start date.",
            'alt="Geelong Precision Manufacturing"',
            "<b>Claire Reid</b>",
            "Purchasing Officer",
            "<b>P</b> 03 5227 0190 &nbsp; <b>M</b> 0491 570 158",
            "<b>A</b> 15 Corio Quay Road, North Geelong VIC 3215",
        ),
        "AU",
        "en",
        "generated-table",
        "alt-company",
        html=True,
        first_name="Claire",
        last_name="Reid",
        title="Purchasing Officer",
        company="Geelong Precision Manufacturing",
        phone="+61352270190",
        mobile="+61491570158",
        street="15 Corio Quay Road",
        city="North Geelong",
        state="VIC",
        postal_code="3215",
    ),
    _case(
        "119",
        "a.patel@perthdental.example",
        "Anita Patel",
        "Hi Alex,\n\nI'm on leave until Monday 16 March. For urgent matters please call the "
        "practice on (08) 5550 9000.\n\nRegards,\nAnita\n",
        "AU",
        "en",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "120",
        "greg.lowe@murraybridgetransport.example",
        "Greg Lowe",
        "Alex,\n\nTop-posting from my phone, sorry. Yes to the 12-month term.\n\nGreg Lowe\n"
        "Murray Bridge Transport\n0491 570 110 mobile\n\nSent from my iPhone\n\n"
        + _on("Alex Moreno", ME_ADDR, "2 Mar 2026, at 11:05 am")
        + _q(
            "Hi Greg,\n\nFollowing our chat, would a 12-month term work?\n\nAlex Moreno\n"
            "Account Executive | Stratus Demo Inc.\n+1 (415) 555-0110"
        )
        + _q(
            "\nOn 27 Feb 2026, at 3:40 pm, Greg Lowe <greg.lowe@murraybridgetransport.example> "
            "wrote:\n> Alex, what are the options for a shorter term?\n> Greg"
        ),
        "AU",
        "en",
        "mobile",
        "reply",
        "label-after-number",
        first_name="Greg",
        last_name="Lowe",
        company="Murray Bridge Transport",
        mobile="+61491570110",
    ),
    # -- Elsewhere -----------------------------------------------------------------------------
    _case(
        "121",
        "daan.vandermeer@polderpack.example",
        "Daan van der Meer",
        "Hoi Alex,\n\nDank je voor de offerte. We gaan akkoord met de looptijd van twee jaar.\n\n"
        "Met vriendelijke groet,\n\nDaan van der Meer\nInkoopmanager\nPolderPack B.V.\n"
        "Havenstraat 21\n1075 PR Amsterdam\nT +31 20 555 0134\nM +31 6 12345678\n",
        "NL",
        "nl",
        "particle-surname",
        first_name="Daan",
        last_name="van der Meer",
        title="Inkoopmanager",
        company="PolderPack B.V.",
        street="Havenstraat 21",
        city="Amsterdam",
        postal_code="1075 PR",
        phone="+31205550134",
        mobile="+31612345678",
    ),
    _case(
        "122",
        "e.jansen@zeeland-agri.example",
        "Eva Jansen",
        _gmail(
            "Hi Alex,<br><br>Could you share the onboarding timeline?",
            "Eva Jansen",
            "Sales Operations Manager | Zeeland Agri Systems",
            "Mobiel: 06 23456789",
        ),
        "NL",
        "en",
        "gmail",
        html=True,
        first_name="Eva",
        last_name="Jansen",
        title="Sales Operations Manager",
        company="Zeeland Agri Systems",
        mobile="+31623456789",
    ),
    _case(
        "123",
        "l.peeters@scheldt-chem.example",
        "Lotte Peeters",
        "Beste Alex,\n\nIn bijlage onze opmerkingen.\n\nMet vriendelijke groeten,\n\n"
        "Lotte Peeters\nAankoper\nScheldt Chemicals NV\nHavenlaan 86, 2030 Antwerpen\n"
        "België\nTel. +32 3 555 01 23\nGSM +32 470 55 01 23\n",
        "BE",
        "nl",
        first_name="Lotte",
        last_name="Peeters",
        title="Aankoper",
        company="Scheldt Chemicals NV",
        street="Havenlaan 86",
        city="Antwerpen",
        postal_code="2030",
        country="België",
        phone="+3235550123",
        mobile="+32470550123",
    ),
    _case(
        "124",
        "javier.ortega@levante-ceramica.example",
        "Javier Ortega",
        "Hola Alex,\n\nGracias por la propuesta. La revisamos el lunes con dirección.\n\n"
        "Un saludo,\n\nJavier Ortega\nJefe de Compras\nLevante Cerámica S.L.\n"
        "Calle Mayor 15, 12001 Castellón de la Plana\nTel. 964 55 01 23\nMóvil 612 345 678\n",
        "ES",
        "es",
        first_name="Javier",
        last_name="Ortega",
        title="Jefe de Compras",
        company="Levante Cerámica S.L.",
        street="Calle Mayor 15",
        city="Castellón de la Plana",
        postal_code="12001",
        phone="+34964550123",
        mobile="+34612345678",
    ),
    _case(
        "125",
        "m.garcia-lopez@iberlogistica.example",
        "María García López",
        _mso(
            "Buenos días Alex,<br><br>Adjunto el pedido firmado.",
            "Saludos cordiales,",
            "<b>María García López</b>",
            "Directora de Operaciones",
            "Iberlogística S.A.",
            "Paseo de la Castellana 95, 28046 Madrid, España",
            "T +34 91 555 01 23",
        ),
        "ES",
        "es",
        "outlook",
        "compound-surname",
        html=True,
        first_name="María",
        last_name="García López",
        title="Directora de Operaciones",
        company="Iberlogística S.A.",
        street="Paseo de la Castellana 95",
        city="Madrid",
        postal_code="28046",
        country="España",
        phone="+34915550123",
    ),
    _case(
        "126",
        "g.rossi@rossi-meccanica.example",
        "Giulia Rossi",
        "Buongiorno Alex,\n\nvi confermo l'ordine. Attendo la fattura.\n\nCordiali saluti\n\n"
        "Giulia Rossi\nResponsabile Acquisti\nRossi Meccanica S.r.l.\nVia dell'Industria 12\n"
        "20090 Segrate (MI)\nTel. +39 02 5550 1234\nCell. +39 347 555 0123\n",
        "IT",
        "it",
        first_name="Giulia",
        last_name="Rossi",
        title="Responsabile Acquisti",
        company="Rossi Meccanica S.r.l.",
        street="Via dell'Industria 12",
        city="Segrate",
        state="MI",
        postal_code="20090",
        phone="+390255501234",
        mobile="+393475550123",
    ),
    _case(
        "127",
        "l.bianchi@toscana-tessuti.example",
        "Luca Bianchi",
        "Ciao Alex,\n\ntutto ok, procediamo.\n\nLuca\n\nInviato da iPhone\n",
        "IT",
        "it",
        "mobile",
        "unsigned",
    ),
    _case(
        "128",
        "u.baumann@alpen-uhren.example",
        "Urs Baumann",
        "Grüezi Herr Moreno\n\nBesten Dank für die Unterlagen. Wir melden uns nach der "
        "Sitzung.\n\nFreundliche Grüsse\n\nUrs Baumann\nLeiter Beschaffung\nAlpen Uhren AG\n"
        "Bahnhofstrasse 18\n8001 Zürich\nSchweiz\nTel. +41 44 555 01 23\nMobile +41 79 555 01 23\n",
        "CH",
        "de",
        first_name="Urs",
        last_name="Baumann",
        title="Leiter Beschaffung",
        company="Alpen Uhren AG",
        street="Bahnhofstrasse 18",
        city="Zürich",
        postal_code="8001",
        country="Schweiz",
        phone="+41445550123",
        mobile="+41795550123",
    ),
    _case(
        "129",
        "c.favre@leman-instruments.example",
        "Céline Favre",
        _owa(
            "Bonjour Alex,<br><br>Nous souhaitons étendre la licence à notre site de Lausanne.",
            "Céline Favre",
            "Responsable des ventes Suisse romande",
            "Léman Instruments SA",
            "Avenue de la Gare 10, 1003 Lausanne, Suisse",
            "+41 21 555 01 40",
        ),
        "CH",
        "fr",
        "new-outlook",
        html=True,
        first_name="Céline",
        last_name="Favre",
        title="Responsable des ventes Suisse romande",
        company="Léman Instruments SA",
        street="Avenue de la Gare 10",
        city="Lausanne",
        postal_code="1003",
        country="Suisse",
        phone="+41215550140",
    ),
    _case(
        "130",
        "k.gruber@donau-bau.example",
        "Katharina Gruber",
        "Sehr geehrter Herr Moreno,\n\nanbei die Bestellung.\n\nMit freundlichen Grüßen\n"
        "Mag. Katharina Gruber\nEinkauf\nDonau Bau GmbH\nPraterstraße 31, 1020 Wien\n"
        "Österreich\nT: +43 1 5550123\nM: +43 664 5550123\n",
        "AT",
        "de",
        "honorific",
        first_name="Katharina",
        last_name="Gruber",
        title="Einkauf",
        company="Donau Bau GmbH",
        street="Praterstraße 31",
        city="Wien",
        postal_code="1020",
        country="Österreich",
        phone="+4315550123",
        mobile="+436645550123",
    ),
    _case(
        "131",
        "s.byrne@liffeyanalytics.example",
        "Siobhán Byrne",
        "Hi Alex,\n\nThanks a million, that's grand. We'll sign this week.\n\nSiobhán Byrne\n"
        "Finance Director\nLiffey Analytics Ltd\n4 Grand Canal Quay, Dublin 2, D02 X576\n"
        "Ireland\nT: +353 1 555 0123 | M: +353 87 555 0123\n",
        "IE",
        "en",
        first_name="Siobhán",
        last_name="Byrne",
        title="Finance Director",
        company="Liffey Analytics Ltd",
        street="4 Grand Canal Quay",
        city="Dublin 2",
        postal_code="D02 X576",
        country="Ireland",
        phone="+35315550123",
        mobile="+353875550123",
    ),
    _case(
        "132",
        "aroha.parata@kauri-timber.example",
        "Aroha Parata",
        "Kia ora Alex,\n\nWe're keen to proceed. Send the agreement through.\n\nNgā mihi,\n"
        "Aroha Parata\nCommercial Manager\nKauri Timber Products Ltd\n"
        "15 Quay Street, Auckland 1010, New Zealand\nPh +64 9 555 0123 | Mob +64 21 555 0123\n",
        "NZ",
        "en",
        first_name="Aroha",
        last_name="Parata",
        title="Commercial Manager",
        company="Kauri Timber Products Ltd",
        street="15 Quay Street",
        city="Auckland",
        postal_code="1010",
        country="New Zealand",
        phone="+6495550123",
        mobile="+64215550123",
    ),
    _case(
        "133",
        "erik.lindqvist@norrland-tra.example",
        "Erik Lindqvist",
        "Hej Alex,\n\nTack för offerten! Vi återkommer efter styrelsemötet.\n\n"
        "Med vänliga hälsningar\nErik Lindqvist\nInköpschef\nNorrland Trä AB\n"
        "Storgatan 12, 903 26 Umeå\nTel: 090-555 01 23\n",
        "SE",
        "sv",
        first_name="Erik",
        last_name="Lindqvist",
        title="Inköpschef",
        company="Norrland Trä AB",
        street="Storgatan 12",
        city="Umeå",
        postal_code="903 26",
        phone="+46905550123",
    ),
    _case(
        "134",
        "rahul.verma@deccan-pharma.example",
        "Rahul Verma",
        "Dear Alex,\n\nPlease share the revised commercials in INR.\n\nWarm regards,\n\n"
        "Rahul Verma\nGeneral Manager - Procurement\nDeccan Pharmaceuticals Pvt. Ltd.\n"
        "Plot No. 42, Hitech City Road, Madhapur\nHyderabad, Telangana 500081\n"
        "Mobile: +91 98765 43210\nLandline: +91 40 5550 1234\n",
        "IN",
        "en",
        first_name="Rahul",
        last_name="Verma",
        title="General Manager - Procurement",
        company="Deccan Pharmaceuticals Pvt. Ltd.",
        street="Plot No. 42, Hitech City Road, Madhapur",
        city="Hyderabad",
        state="Telangana",
        postal_code="500081",
        mobile="+919876543210",
        phone="+914055501234",
    ),
    _case(
        "135",
        "ananya.iyer@kaveri-textiles.example",
        "Ananya Iyer",
        _gmail(
            "Hi Alex,<br><br>Kindly do the needful and send the invoice with our GSTIN.",
            "Regards,",
            "Ananya Iyer",
            "Head - IT | Kaveri Textiles Ltd.",
            "Chennai 600017",
            "+91 44 5550 1234",
        ),
        "IN",
        "en",
        "gmail",
        html=True,
        first_name="Ananya",
        last_name="Iyer",
        title="Head - IT",
        company="Kaveri Textiles Ltd.",
        city="Chennai",
        postal_code="600017",
        phone="+914455501234",
    ),
    _case(
        "136",
        "h.sato@sakura-seimitsu.example",
        "Hiroshi Sato",
        "Dear Mr. Moreno,\n\nThank you for your proposal. We will consider it internally.\n\n"
        "Best regards,\n\n--------------------------------\nHiroshi Sato\nManager, Purchasing "
        "Department\nSakura Seimitsu Co., Ltd.\n2-3-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, "
        "Japan\nTEL: +81-3-5555-0123\nFAX: +81-3-5555-0124\n--------------------------------\n",
        "JP",
        "en",
        "rule-lines",
        first_name="Hiroshi",
        last_name="Sato",
        title="Manager, Purchasing Department",
        company="Sakura Seimitsu Co., Ltd.",
        street="2-3-1 Marunouchi, Chiyoda-ku",
        city="Tokyo",
        postal_code="100-0005",
        country="Japan",
        phone="+81355550123",
        fax="+81355550124",
    ),
    _case(
        "137",
        "y.nakamura@kansai-robotics.example",
        "Yuki Nakamura",
        "Alex-san,\n\nThank you. Our team will join the webinar.\n\nYuki Nakamura\n"
        "Kansai Robotics Inc. | Sales Planning\nMobile: 090-5555-0123\n",
        "JP",
        "en",
        "mobile-label",
        first_name="Yuki",
        last_name="Nakamura",
        company="Kansai Robotics Inc.",
        mobile="+819055550123",
    ),
    _case(
        "138",
        "fernanda.souza@cerrado-agro.example",
        "Fernanda Souza",
        "Olá Alex,\n\nObrigada pelo retorno. Vamos seguir com o plano anual.\n\nAtenciosamente,\n"
        "\nFernanda Souza\nGerente de Compras\nCerrado Agro Ltda.\nAv. Paulista, 1000 - "
        "Bela Vista\nSão Paulo - SP, 01310-100\nTel.: +55 11 5555-0123\nCel.: +55 11 95555-0123\n",
        "BR",
        "pt",
        first_name="Fernanda",
        last_name="Souza",
        title="Gerente de Compras",
        company="Cerrado Agro Ltda.",
        street="Av. Paulista, 1000 - Bela Vista",
        city="São Paulo",
        state="SP",
        postal_code="01310-100",
        phone="+551155550123",
        mobile="+5511955550123",
    ),
    _case(
        "139",
        "r.almeida@atlantico-portos.example",
        "Ricardo Almeida",
        _apple(
            "Alex, segue o contrato assinado.",
            "Ricardo Almeida",
            "Diretor Financeiro | Atlântico Portos S.A.",
            "+55 21 5555-0140",
        ),
        "BR",
        "pt",
        "apple-mail",
        html=True,
        first_name="Ricardo",
        last_name="Almeida",
        title="Diretor Financeiro",
        company="Atlântico Portos S.A.",
        phone="+552155550140",
    ),
    _case(
        "140",
        "alejandra.ruiz@bajio-autopartes.example",
        "Alejandra Ruiz",
        "Hola Alex,\n\nTe comparto los comentarios del área legal.\n\nSaludos,\n"
        "Alejandra Ruiz\nGerente de Abastecimiento\nBajío Autopartes S.A. de C.V.\n"
        "Blvd. Adolfo López Mateos 2200, León, Gto.\nMéxico\nTel. +52 477 555 0123\n",
        "MX",
        "es",
        first_name="Alejandra",
        last_name="Ruiz",
        title="Gerente de Abastecimiento",
        company="Bajío Autopartes S.A. de C.V.",
        street="Blvd. Adolfo López Mateos 2200",
        city="León",
        state="Gto.",
        country="México",
        phone="+524775550123",
    ),
    _case(
        "141",
        "wei.lim@straitsmarine.example",
        "Lim Wei Ming",
        "Hi Alex,\n\nNoted with thanks. Will revert by Friday.\n\nRegards,\nLim Wei Ming\n"
        "Regional Procurement Lead\nStraits Marine Pte. Ltd.\n"
        "10 Anson Road, #20-05 International Plaza, Singapore 079903\nDID: +65 6555 0123\n",
        "SG",
        "en",
        "surname-first",
        first_name="Wei Ming",
        last_name="Lim",
        title="Regional Procurement Lead",
        company="Straits Marine Pte. Ltd.",
        street="10 Anson Road, #20-05 International Plaza",
        city="Singapore",
        postal_code="079903",
        country="Singapore",
        phone="+6565550123",
    ),
    _case(
        "142",
        "t.nkosi@karoo-energy.example",
        "Thabo Nkosi",
        "Hi Alex,\n\nApologies for the delay, load-shedding this week. We're happy to proceed.\n\n"
        "Kind regards\nThabo Nkosi\nProcurement Manager\nKaroo Energy (Pty) Ltd\n"
        "21 Loop Street, Cape Town, 8001\nSouth Africa\nTel: +27 21 555 0123\n",
        "ZA",
        "en",
        first_name="Thabo",
        last_name="Nkosi",
        title="Procurement Manager",
        company="Karoo Energy (Pty) Ltd",
        street="21 Loop Street",
        city="Cape Town",
        postal_code="8001",
        country="South Africa",
        phone="+27215550123",
    ),
    _case(
        "143",
        "m.kowalska@wisla-meble.example",
        "Magdalena Kowalska",
        "Dzień dobry,\n\nw załączniku przesyłam zamówienie.\n\nPozdrawiam\n"
        "Magdalena Kowalska\nSpecjalista ds. zakupów\nWisła Meble Sp. z o.o.\n"
        "ul. Marszałkowska 84, 00-514 Warszawa\ntel. +48 22 555 01 23\n",
        "PL",
        "pl",
        first_name="Magdalena",
        last_name="Kowalska",
        title="Specjalista ds. zakupów",
        company="Wisła Meble Sp. z o.o.",
        street="ul. Marszałkowska 84",
        city="Warszawa",
        postal_code="00-514",
        phone="+48225550123",
    ),
    # -- More mail without a signature ---------------------------------------------------------
    _case(
        "144",
        "mailer-daemon@mx.harborlight.example",
        "Mail Delivery Subsystem",
        "Delivery has failed to these recipients or groups:\n\nold.buyer@harborlight.example\n"
        "The email address you entered couldn't be found.\n\nDiagnostic information for "
        "administrators:\nRemote server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not "
        "found'\n",
        "US",
        "en",
        "bounce",
        "unsigned",
    ),
    _case(
        "145",
        "k.walsh@emeraldisle-foods.example",
        "Kevin Walsh",
        "Accepted: Stratus onboarding call\n\nKevin Walsh has accepted this meeting.\n\n"
        "When: Wednesday, March 11, 2026 3:00 PM-3:30 PM (UTC+00:00) Dublin, Edinburgh, "
        "Lisbon, London\nWhere: Microsoft Teams Meeting\n",
        "IE",
        "en",
        "invite",
        "unsigned",
    ),
    _case(
        "146",
        "support@tickets.northfieldpaper.example",
        "Northfield Paper Support",
        "Hello,\n\nThank you for contacting Northfield Paper Customer Support. A ticket has been "
        "created (#48213) and a member of our team will respond within one business day.\n\n"
        "Northfield Paper Company\n1200 Mill Road, Appleton, WI 54911\n(920) 555-0100\n\n"
        "Please do not reply below this line.\n",
        "US",
        "en",
        "auto-reply",
        "unsigned",
    ),
    _case(
        "147",
        "zoom@zoom-mail.example",
        "Zoom",
        "Hi Alex Moreno,\n\nSarah Quinn is inviting you to a scheduled Zoom meeting.\n\n"
        "Topic: Mersey Packaging x Stratus\nTime: Mar 10, 2026 02:00 PM London\n\n"
        "Join Zoom Meeting\nhttps://zoom.example/j/81234567890?pwd=abc\n\nMeeting ID: 812 3456 "
        "7890\nPasscode: 552211\n\nOne tap mobile\n+442034815240,,81234567890# United Kingdom\n",
        "UK",
        "en",
        "invite",
        "unsigned",
    ),
    _case(
        "148",
        "p.lambert@lambert-freres.example",
        "Paul Lambert",
        "Ok pour moi.\n\n"
        "Le lun. 2 mars 2026 à 11:05, Alex Moreno <"
        + ME_ADDR
        + "> a écrit :\n"
        + _q(
            "Bonjour Paul,\n\nJe vous propose jeudi 10 h pour la démonstration.\n\n"
            "Alex Moreno\nAccount Executive\nStratus Demo Inc.\n+1 (415) 555-0110"
        ),
        "FR",
        "fr",
        "reply",
        "one-line-reply",
        "unsigned",
    ),
    _case(
        "149",
        "invoices@billing.rheintal-maschinen.example",
        "Rheintal Maschinenbau Buchhaltung",
        "Sehr geehrte Damen und Herren,\n\nim Anhang erhalten Sie unsere Gutschrift Nr. "
        "GS-2026-0117.\n\nDiese E-Mail wurde automatisch erstellt.\n\n"
        "Rheintal Maschinenbau GmbH · Industriestraße 14 · 68169 Mannheim · "
        "Amtsgericht Mannheim HRB 701234 · Geschäftsführer: Wolfgang Kern\n",
        "DE",
        "de",
        "notification",
        "unsigned",
    ),
    _case(
        "150",
        "a.ross@ross-partners.example",
        "Andrew Ross",
        "FYI\n"
        + _fwd("Claire Reid", "c.reid@geelongmfg.example", "Purchase order 5512")
        + "Hi Andrew,\n\nPO attached for the Stratus licences.\n\nClaire Reid\n"
        "Purchasing Officer\nGeelong Precision Manufacturing\nP 03 5227 0190\n",
        "AU",
        "en",
        "forward",
        "unsigned",
    ),
    _case(
        "151",
        "noreply@expenses.example",
        "Expense Reports",
        'Your expense report "March client visit – Toronto" was approved by Megan Fraser.\n\n'
        "Total: CAD 412.80\n\nView report\n\nExpense Reports Inc., 100 King Street West, "
        "Toronto, ON M5X 1A9\n",
        "CA",
        "en",
        "notification",
        "unsigned",
    ),
    _case(
        "152",
        "m.koenig@koenig-druck.example",
        "Martin König",
        "Danke, passt!\n\nMartin\n",
        "DE",
        "de",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "153",
        "b.carter@carterfarms.example",
        "Bill Carter",
        _gmail(
            "Alex - got it, thanks. Will call you tomorrow.<br><br>Bill<br><br>Sent from my iPhone",
            quoted_from="Alex Moreno &lt;" + ME_ADDR + "&gt;",
            quote="Hi Bill,<br><br>Here is the contract.<br><br>Alex Moreno<br>Account Executive"
            "<br>Stratus Demo Inc.<br>+1 (415) 555-0110",
        ),
        "US",
        "en",
        "mobile",
        "reply",
        "unsigned",
        html=True,
    ),
    # -- More plain signatures -----------------------------------------------------------------
    _case(
        "154",
        "laura.kim@evergreen-pkg.example",
        "Laura Kim",
        "Hi Alex,\n\nWe'd like to add two more seats for our Atlanta team.\n\nThanks,\nLaura Kim"
        "\nOffice Manager\nEvergreen Packaging Group\n(404) 555-0125\n",
        "US",
        "en",
        first_name="Laura",
        last_name="Kim",
        title="Office Manager",
        company="Evergreen Packaging Group",
        phone="+14045550125",
    ),
    _case(
        "155",
        "d.owens@owens-joinery.example",
        "David Owens",
        "Hi Alex\n\nThat's fine, go ahead.\n\nRegards\nDavid Owens\nOwens Joinery Ltd\n"
        "Tel 0113 496 0412\n",
        "UK",
        "en",
        "small-business",
        first_name="David",
        last_name="Owens",
        company="Owens Joinery Ltd",
        phone="+441134960412",
    ),
    _case(
        "156",
        "j.wright@stmungo-college.example",
        "Jane Wright",
        _mso(
            "Dear Alex,<br><br>We would like a quote for 40 users for the new academic year.",
            "Kind regards,",
            "",
            "Jane Wright",
            "Business Manager",
            "St Mungo's College",
            "Tel: 0141 496 0601",
        ),
        "UK",
        "en",
        "outlook",
        "education",
        html=True,
        first_name="Jane",
        last_name="Wright",
        title="Business Manager",
        company="St Mungo's College",
        phone="+441414960601",
    ),
    _case(
        "157",
        "marie.cote@cotesante.example",
        "Marie Côté",
        "Bonjour Alex,\n\nParfait, merci pour les précisions.\n\nMarie Côté\n"
        "Gestionnaire, Approvisionnement\nClinique Côté Santé\n450 555-0163\n",
        "CA",
        "fr",
        "healthcare",
        first_name="Marie",
        last_name="Côté",
        title="Gestionnaire, Approvisionnement",
        company="Clinique Côté Santé",
        phone="+14505550163",
    ),
    _case(
        "158",
        "steve.parker@wolfcreek.example",
        "Steve Parker",
        "Alex,\n\nYes, Monday is fine.\n\nSteve Parker\nWolf Creek Construction\nC: 0491 570 112\n",
        "AU",
        "en",
        "small-business",
        first_name="Steve",
        last_name="Parker",
        company="Wolf Creek Construction",
        mobile="+61491570112",
    ),
    _case(
        "159",
        "b.lang@lang-medizintechnik.example",
        "Birgit Lang",
        "Hallo Herr Moreno,\n\nvielen Dank, das Angebot ist angekommen.\n\nViele Grüße\n"
        "Birgit Lang\nAssistenz der Geschäftsführung\nLang Medizintechnik GmbH\n"
        "Tel. 0761 2987 110\n",
        "DE",
        "de",
        "healthcare",
        first_name="Birgit",
        last_name="Lang",
        title="Assistenz der Geschäftsführung",
        company="Lang Medizintechnik GmbH",
        phone="+497612987110",
    ),
    _case(
        "160",
        "o.fontaine@fontaine-emballages.example",
        "Olivier Fontaine",
        "Bonjour Alex,\n\nBien reçu, je vous rappelle demain.\n\nOlivier Fontaine\n"
        "Directeur général\nFontaine Emballages\nTél. 04 78 62 11 90\n",
        "FR",
        "fr",
        first_name="Olivier",
        last_name="Fontaine",
        title="Directeur général",
        company="Fontaine Emballages",
        phone="+33478621190",
    ),
    _case(
        "161",
        "jenna.morris@brightsideins.example",
        "Jenna Morris",
        "Hi Alex,\n\nPlease send the renewal quote to me directly.\n\nThank you,\n"
        "Jenna Morris\nOperations Coordinator\nBrightside Insurance Agency\n"
        "T: 770.555.0148 | F: 770.555.0149\njenna.morris@brightsideins.example\n",
        "US",
        "en",
        first_name="Jenna",
        last_name="Morris",
        title="Operations Coordinator",
        company="Brightside Insurance Agency",
        phone="+17705550148",
        fax="+17705550149",
        email="jenna.morris@brightsideins.example",
    ),
    _case(
        "162",
        "a.hughes@gippsland-dairy.example",
        "Amy Hughes",
        "Hi Alex,\n\nThanks for today. Notes attached.\n\nAmy Hughes\nFinance Manager\n"
        "Gippsland Dairy Co-operative\n03 5135 0188\n",
        "AU",
        "en",
        first_name="Amy",
        last_name="Hughes",
        title="Finance Manager",
        company="Gippsland Dairy Co-operative",
        phone="+61351350188",
    ),
    _case(
        "163",
        "ryan.fox@foxvalley-hvac.example",
        "Ryan Fox",
        "Alex,\n\nTalked to my partner. We're in.\n\nRyan Fox\nFox Valley Mechanical, Inc.\n"
        "630-555-0181 office\n630-555-0182 cell\n",
        "US",
        "en",
        "label-after-number",
        "small-business",
        first_name="Ryan",
        last_name="Fox",
        company="Fox Valley Mechanical, Inc.",
        phone="+16305550181",
        mobile="+16305550182",
    ),
    _case(
        "164",
        "g.thompson@highlandestates.example",
        "Gordon Thompson",
        "Hi Alex,\n\nOur finance team will pay the invoice on Friday.\n\nBest regards,\n"
        "Gordon Thompson\nEstates Manager\nHighland Estates Trust\nInverness IV2 3BW\n"
        "01463 960 233\n",
        "UK",
        "en",
        first_name="Gordon",
        last_name="Thompson",
        title="Estates Manager",
        company="Highland Estates Trust",
        city="Inverness",
        postal_code="IV2 3BW",
        phone="+441463960233",
    ),
]
