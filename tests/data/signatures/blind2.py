"""The SECOND BLIND signature set: written by hand without reading the parser, its tests or the
first blind set's cases, so that it measures whether the parser generalises to mail as sales
teams receive it in 2026 (docs/records.md, "The blind sets"). Same case structure and labelling
conventions as heldout.py and blind.py: what a careful reader would type into the Lead form from
the newest message's signature, as written there.

- Phones in E.164 without extensions; mobile and fax by their label (before or after the number,
  in any language: M, Mob., Mobil, Handy, Cell, Cel., Portable, Móvil, Fax, Telefax); an
  unlabelled, "T", "Tel.", "Tél.", "Direct", "Office" or "Main" number is the phone. A mobile is
  never inferred from its number range alone (every unlabelled number here is a landline).
- Names without honorifics (Dr., Prof., Mr.) or post-nominals (PhD, CPA, ing., MBA); particles
  belong to the last name ("van den Berg"); a name written in capitals is labelled as the From
  header writes it.
- A name or company shown only as an image (a designed name image, a logo) is labelled from the
  image's alt text, which is what a reader sees with images blocked; when the text writes them
  too, the text's form is the label.
- Title and company as written; "Title at Company" and "Title, Company" are split. Street as
  written on its line (suite, unit or floor included when on the same line); city without
  "Cedex"; state or province as written (abbreviated or not); a country only when the text names
  it; no company guessed from the domain; website and LinkedIn as their visible text.
- An email whose newest message has no signature (an invite, an out-of-office reply, a
  newsletter or marketing footer, an automated notification, a bare sign-off or mobile footer, a
  forward whose only signature is the forwarded sender's) expects nothing, even when a quoted or
  forwarded part below carries someone else's signature.

Nobody tunes the parser on these: a miss here is a finding, not a case to edit.
"""

from __future__ import annotations

from typing import Any

SALES = "Jordan Blake &lt;jordan.blake@stratus-demo.example&gt;"


def _case(
    ident: str, sender: str, name: str | None, body: str, *tags: str, html: bool = False, **exp: str
) -> dict[str, Any]:
    case: dict[str, Any] = {
        "id": f"blind2-{ident}",
        "from": {"email": sender, **({"name": name} if name else {})},
        "expected": exp,
        "tags": list(tags),
    }
    case["html" if html else "text"] = body
    return case


def _quoted(text: str) -> str:
    """A bottom-quoted history as plain-text clients write it: every line behind "> "."""
    return "".join(f"> {line}\n" if line else ">\n" for line in text.splitlines())


def _br(text: str) -> str:
    """Plain lines as the <br>-separated HTML a quoted message carries."""
    return "<br>".join(text.splitlines())


def _owa(body: str, *lines: str, reply_from: str = "", quote: str = "") -> str:
    """New Outlook / Outlook on the web: elementToProof divs, the signature in div#Signature,
    the message replied to under div#divRplyFwdMsg."""
    sig = "".join(f'<p style="margin:0">{x}</p>' for x in lines)
    out = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        '<body dir="ltr"><div class="elementToProof" style="font-family:Aptos,Aptos_EmbeddedFont,'
        f'Calibri,Helvetica,sans-serif;font-size:12pt;color:rgb(0,0,0)">{body}</div>'
        '<div class="elementToProof"><br></div>'
    )
    if lines:
        out += f'<div id="Signature" class="elementToProof">{sig}</div>'
    if reply_from:
        out += (
            '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" '
            f'style="font-size:11pt" color="#000000"><b>From:</b> {reply_from}<br><b>Sent:</b> '
            f"Tuesday, February 10, 2026 4:12 PM<br><b>To:</b> {SALES}<br><b>Subject:</b> "
            "RE: Renewal</font><div>&nbsp;</div></div>"
            f'<div dir="ltr">{quote}</div>'
        )
    return out + "</body></html>"


def _mso(body: str, *lines: str, reply_from: str = "", quote: str = "") -> str:
    """Classic Outlook for Windows: MsoNormal paragraphs in WordSection1."""
    sig = "".join(
        f'<p class="MsoNormal"><span style="font-size:10.0pt;font-family:&quot;Segoe UI&quot;">'
        f"{x}<o:p></o:p></span></p>"
        for x in lines
    )
    out = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang="EN-GB" '
        'link="#0563C1"><div class="WordSection1">'
        f'<p class="MsoNormal">{body}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>{sig}'
    )
    if reply_from:
        out += (
            '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div><div style="border:none;border-top:'
            'solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b><span '
            f'lang="EN-US">From:</span></b> {reply_from}<br><b>Sent:</b> 09 February 2026 '
            f"11:20<br><b>To:</b> {SALES}<br><b>Subject:</b> Proposal</p></div></div>"
            f'<p class="MsoNormal">{quote}</p>'
        )
    return out + "</div></body></html>"


def _gmail(body: str, *lines: str, attr: str = "", quote: str = "") -> str:
    """Gmail on the web: div.gmail_signature, the history in div.gmail_quote."""
    out = f'<div dir="ltr"><div>{body}</div>'
    if lines:
        out += (
            '<br clear="all"><div><div dir="ltr" class="gmail_signature" '
            'data-smartmail="gmail_signature"><div dir="ltr">'
            f"{'<br>'.join(lines)}</div></div></div>"
        )
    out += "</div>"
    if attr:
        out += (
            '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
            f'{attr}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{quote}</blockquote></div>'
        )
    return out


def _apple(body: str, *lines: str, attr: str = "", quote: str = "") -> str:
    """Apple Mail (macOS, iOS): a div per line, the history in blockquote type=cite."""
    out = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        '<body style="overflow-wrap: break-word;" dir="auto">'
        f"<div>{body}</div><div><br></div>" + "".join(f"<div>{x}</div>" for x in lines)
    )
    if attr:
        out += (
            f'<div><br><blockquote type="cite"><div>{attr}</div><br><div>{quote}</div>'
            "</blockquote></div>"
        )
    return out + "</body></html>"


def _moz(body: str, *lines: str) -> str:
    """Thunderbird HTML: the signature in div.moz-signature behind "-- "."""
    return (
        "<html><body><p>"
        + body
        + '</p><div class="moz-signature">-- <br>'
        + "<br>".join(lines)
        + "</div></body></html>"
    )


def _icons(*rows: tuple[str, str]) -> str:
    """The contact rows of a generated signature (HubSpot's generator and its look-alikes):
    an icon image with an alt text, then the value."""
    return "".join(
        f'<tr style="vertical-align:middle;height:25px"><td width="30"><img src="https://cdn.'
        f'sig.example/icons/{alt}.png" alt="{alt}" width="13"></td><td style="padding:0;'
        f'color:#000;font-size:12px">{value}</td></tr>'
        for alt, value in rows
    )


def _designed(name: str, title: str, company: str, rows: str, logo: str = "") -> str:
    """A designed (table) signature as generators write it: logo cell, name heading, title and
    company, then icon rows."""
    logo_cell = (
        f'<td style="vertical-align:top;padding-right:18px"><img src="https://cdn.sig.example/'
        f'logo.png" alt="{logo}" width="110"></td>'
        if logo
        else ""
    )
    return (
        '<table cellpadding="0" cellspacing="0" style="vertical-align:-webkit-baseline-middle;'
        'font-size:medium;font-family:Arial"><tbody><tr>'
        f"{logo_cell}"
        '<td style="vertical-align:top"><h3 style="margin:0;font-size:16px;color:#000">'
        f'{name}</h3><p style="margin:0;font-size:12px;line-height:20px">{title}</p>'
        f'<p style="margin:0;font-weight:500;font-size:12px">{company}</p>'
        f'<table cellpadding="0" cellspacing="0"><tbody>{rows}</tbody></table></td>'
        "</tr></tbody></table>"
    )


CASES: list[dict[str, Any]] = [
    # -- United States -----------------------------------------------------------------------
    _case(
        "001",
        "marcus.delgado@ironvale.example",
        "Marcus Delgado",
        _owa(
            "Hi Jordan,<br><br>We're good to move forward with the 40-seat tier. Can you send "
            "the order form over today?<br><br>Thanks,",
            "<b>Marcus Delgado</b>",
            "VP, Revenue Operations",
            "Ironvale Manufacturing",
            "1400 W Fulton Market, Suite 300 | Chicago, IL 60607",
            "Direct: (312) 555-0177 | Mobile: (773) 555-0142",
        ),
        "US",
        "en",
        "html",
        "owa",
        html=True,
        first_name="Marcus",
        last_name="Delgado",
        title="VP, Revenue Operations",
        company="Ironvale Manufacturing",
        street="1400 W Fulton Market, Suite 300",
        city="Chicago",
        state="IL",
        postal_code="60607",
        phone="+13125550177",
        mobile="+17735550142",
    ),
    _case(
        "002",
        "tanya.whitfield@meridianhs.example",
        "Whitfield, Tanya",
        _mso(
            "Jordan &#8211; attached is our signed NDA. Talk Thursday.",
            "<b>Tanya Whitfield</b>",
            "Senior Buyer, Strategic Sourcing",
            "Meridian Health System",
            "3300 Meridian Pkwy",
            "Nashville, TN 37203",
            "O 615.555.0108&nbsp;&nbsp;|&nbsp;&nbsp;F 615.555.0109",
            '<a href="http://www.meridianhs.example/">www.meridianhs.example</a>',
            "",
            '<span style="color:gray;font-size:7.5pt">CONFIDENTIALITY NOTICE: This e-mail, '
            "including attachments, is for the sole use of the intended recipient(s) and may "
            "contain confidential and privileged information or otherwise be protected by law, "
            "including HIPAA. Any unauthorized review, use, disclosure or distribution is "
            "prohibited. If you are not the intended recipient, please contact the sender at "
            "615-555-0100 and destroy all copies of the original message.</span>",
        ),
        "US",
        "en",
        "html",
        "outlook",
        "from-last-first",
        "disclaimer",
        html=True,
        first_name="Tanya",
        last_name="Whitfield",
        title="Senior Buyer, Strategic Sourcing",
        company="Meridian Health System",
        street="3300 Meridian Pkwy",
        city="Nashville",
        state="TN",
        postal_code="37203",
        phone="+16155550108",
        fax="+16155550109",
        website="www.meridianhs.example",
    ),
    _case(
        "003",
        "bo@tidewaterbrew.example",
        "Bo Lindqvist",
        "yep that works, see you at 3\n\nBo Lindqvist | Head Brewer & Co-Founder | Tidewater "
        "Brewing Co.\n(757) 555-0163 | tidewaterbrew.example\n",
        "US",
        "en",
        "plain",
        "one-line",
        first_name="Bo",
        last_name="Lindqvist",
        title="Head Brewer & Co-Founder",
        company="Tidewater Brewing Co.",
        phone="+17575550163",
        website="tidewaterbrew.example",
    ),
    _case(
        "004",
        "kwame.asante@summitridge.example",
        "Kwame Asante",
        "Jordan,\n\nPlease hold the invoice until the PO clears on our side, probably Monday.\n\n"
        "Regards,\nKwame\n\n--\nKwame Asante, CPA\nController\nSummit Ridge Builders, LLC\n"
        "8800 E Raintree Dr., Ste. 210\nScottsdale, Arizona 85260\nPhone (480) 555-0131 x204\n",
        "US",
        "en",
        "plain",
        "extension",
        "full-state",
        "post-nominal",
        first_name="Kwame",
        last_name="Asante",
        title="Controller",
        company="Summit Ridge Builders, LLC",
        street="8800 E Raintree Dr., Ste. 210",
        city="Scottsdale",
        state="Arizona",
        postal_code="85260",
        phone="+14805550131",
    ),
    _case(
        "005",
        "jessica.park@northloop.example",
        "Jessica Park",
        _gmail(
            "Hi Jordan! Loved the demo. Looping in our IT lead, Sam, for the security review.",
            "Jessica Park",
            "Director of Growth Marketing @ NorthLoop",
            '<a href="tel:+16125550147">612-555-0147</a>',
            '<a href="https://www.linkedin.com/in/jessicapark-mn">linkedin.com/in/jessicapark-mn'
            "</a>",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "social",
        html=True,
        first_name="Jessica",
        last_name="Park",
        title="Director of Growth Marketing",
        company="NorthLoop",
        phone="+16125550147",
        linkedin="linkedin.com/in/jessicapark-mn",
    ),
    _case(
        "006",
        "dr.ellen.cho@brightwaterclinic.example",
        "Ellen Cho",
        "Thank you for the quick turnaround.\n\nDr. Ellen Cho, MD, FACP\nChief Medical "
        "Information Officer\nBrightwater Clinic Network\n2100 Lakeside Blvd, Richardson, TX "
        "75082\nTel: 972-555-0193\n",
        "US",
        "en",
        "plain",
        "honorific",
        "post-nominal",
        first_name="Ellen",
        last_name="Cho",
        title="Chief Medical Information Officer",
        company="Brightwater Clinic Network",
        street="2100 Lakeside Blvd",
        city="Richardson",
        state="TX",
        postal_code="75082",
        phone="+19725550193",
    ),
    _case(
        "007",
        "r.santiago@cobaltfreight.example",
        "Rafael Santiago",
        "Good morning,\n\nThe trucks are booked for the 14th.\n\nRafael Santiago\nLogistics "
        "Manager\nCobalt Freight Solutions\n\nC. 305-555-0122\nO. 305-555-0120\n\n"
        "Sent from my iPhone\n",
        "US",
        "en",
        "plain",
        "mobile-footer",
        first_name="Rafael",
        last_name="Santiago",
        title="Logistics Manager",
        company="Cobalt Freight Solutions",
        phone="+13055550120",
        mobile="+13055550122",
    ),
    _case(
        "008",
        "hannah.oyelaran@vistaforge.example",
        "Hannah Oyelaran",
        _designed(
            "Hannah Oyelaran",
            "Enterprise Account Director",
            "VistaForge Analytics",
            _icons(
                ("phone", '<a href="tel:6175550186">617-555-0186</a>'),
                ("mobilePhone", '<a href="tel:8575550119">857-555-0119</a>'),
                ("emailAddress", "hannah.oyelaran@vistaforge.example"),
                ("website", '<a href="https://vistaforge.example">vistaforge.example</a>'),
                ("address", "200 Clarendon St, Boston, MA 02116"),
            ),
            logo="VistaForge Analytics",
        ),
        "US",
        "en",
        "html",
        "hubspot",
        "table",
        "signature-only",
        html=True,
        first_name="Hannah",
        last_name="Oyelaran",
        title="Enterprise Account Director",
        company="VistaForge Analytics",
        phone="+16175550186",
        mobile="+18575550119",
        email="hannah.oyelaran@vistaforge.example",
        website="vistaforge.example",
        street="200 Clarendon St",
        city="Boston",
        state="MA",
        postal_code="02116",
    ),
    _case(
        "009",
        "greg.mcallister@pinecrestins.example",
        "Greg McAllister",
        "Jordan - we are going with another vendor this cycle. Appreciate your time.\n\n"
        "GREG MCALLISTER\nRisk & Compliance Officer\nPinecrest Insurance Group\n"
        "t. 503.555.0156 / m. 971.555.0174\n",
        "US",
        "en",
        "plain",
        "all-caps",
        "slash-separator",
        first_name="Greg",
        last_name="McAllister",
        title="Risk & Compliance Officer",
        company="Pinecrest Insurance Group",
        phone="+15035550156",
        mobile="+19715550174",
    ),
    _case(
        "010",
        "lwu@harborpointcap.example",
        "Lydia Wu",
        _apple(
            "Sounds great. I'll have our counsel review the MSA this week.",
            "Lydia Wu",
            "Partner",
            "Harbor Point Capital",
            "One Embarcadero Center, 38th Floor",
            "San Francisco, CA 94111",
            "415 555 0111 direct",
            "415 555 0190 cell",
        ),
        "US",
        "en",
        "html",
        "apple",
        "label-after",
        html=True,
        first_name="Lydia",
        last_name="Wu",
        title="Partner",
        company="Harbor Point Capital",
        street="One Embarcadero Center, 38th Floor",
        city="San Francisco",
        state="CA",
        postal_code="94111",
        phone="+14155550111",
        mobile="+14155550190",
    ),
    _case(
        "011",
        "devon@quarrystone.example",
        "Devon Carter",
        "Thanks Jordan, that helps.\n\nDevon Carter\nOperations Lead, Quarry Stone Supply\n"
        "D: 801.555.0144 • quarrystone.example\n\nOn Tue, Feb 10, 2026 at 2:03 PM Jordan Blake "
        "<jordan.blake@stratus-demo.example> wrote:\n"
        + _quoted(
            "Hi Devon,\n\nFollowing up on pricing for the Salt Lake yard.\n\nJordan Blake\n"
            "Account Executive | Stratus Demo\n(206) 555-0100"
        ),
        "US",
        "en",
        "plain",
        "reply",
        "dot-separator",
        first_name="Devon",
        last_name="Carter",
        title="Operations Lead",
        company="Quarry Stone Supply",
        phone="+18015550144",
        website="quarrystone.example",
    ),
    _case(
        "012",
        "amanda.reyes@lonestarmed.example",
        "Amanda Reyes",
        _owa(
            "Adding Dr. Patel from our side.",
            "Amanda Reyes | Procurement Specialist",
            "Lone Star Medical Supply",
            "P: 713-555-0182 | E: amanda.reyes@lonestarmed.example",
            "",
            '<img src="cid:image001.png@01DC" alt="Lone Star Medical Supply">',
            '<i style="font-size:8pt">The information contained in this email message is '
            "intended only for the personal and confidential use of the recipient(s) named "
            "above. This message may be an attorney-client communication and as such is "
            "privileged and confidential.</i>",
            reply_from="Jordan Blake &lt;jordan.blake@stratus-demo.example&gt;",
            quote="Hi Amanda,<br>Can we get 30 minutes with your clinical team?<br><br>Jordan "
            "Blake<br>Account Executive<br>Stratus Demo<br>(206) 555-0100",
        ),
        "US",
        "en",
        "html",
        "owa",
        "reply",
        "disclaimer",
        "logo",
        html=True,
        first_name="Amanda",
        last_name="Reyes",
        title="Procurement Specialist",
        company="Lone Star Medical Supply",
        phone="+17135550182",
        email="amanda.reyes@lonestarmed.example",
    ),
    _case(
        "013",
        "ken@brightline-hvac.example",
        "Ken O'Rourke",
        "Jordan,\nthe unit count is 212 not 221. Fix and resend pls\n\nKen O'Rourke\nOwner\n"
        "Brightline Heating & Cooling\n4471 Route 9\nPlattsburgh, NY 12901\n"
        "Office 518-555-0126\nCell 518-555-0127\nFax 518-555-0128\n",
        "US",
        "en",
        "plain",
        first_name="Ken",
        last_name="O'Rourke",
        title="Owner",
        company="Brightline Heating & Cooling",
        street="4471 Route 9",
        city="Plattsburgh",
        state="NY",
        postal_code="12901",
        phone="+15185550126",
        mobile="+15185550127",
        fax="+15185550128",
    ),
    _case(
        "014",
        "priya.natarajan@helixbio.example",
        "Priya Natarajan",
        _gmail(
            "Hi Jordan,<br><br>Two questions on the SSO setup below.<br><br>Best,<br>Priya",
            "--",
            "<b>Priya Natarajan, PhD</b>",
            "Head of Research Informatics",
            "Helix Biosciences, Inc.",
            "45 Sidney Street, Cambridge, MA 02139",
            "(617) 555-0135",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "post-nominal",
        html=True,
        first_name="Priya",
        last_name="Natarajan",
        title="Head of Research Informatics",
        company="Helix Biosciences, Inc.",
        street="45 Sidney Street",
        city="Cambridge",
        state="MA",
        postal_code="02139",
        phone="+16175550135",
    ),
    _case(
        "015",
        "c.bautista@ocotillo.example",
        "Carmen Bautista",
        "Perfecto, gracias!\n\nCarmen Bautista\nGerente de Compras / Purchasing Manager\n"
        "Ocotillo Foods\n2930 N Oracle Rd, Tucson, AZ 85705\nTel. (520) 555-0161\n"
        "Cel. (520) 555-0162\n",
        "US",
        "es",
        "plain",
        "bilingual",
        first_name="Carmen",
        last_name="Bautista",
        title="Gerente de Compras / Purchasing Manager",
        company="Ocotillo Foods",
        street="2930 N Oracle Rd",
        city="Tucson",
        state="AZ",
        postal_code="85705",
        phone="+15205550161",
        mobile="+15205550162",
    ),
    _case(
        "016",
        "nate.feldman@copperkettle.example",
        "Nate Feldman",
        "Can you do Wednesday instead?\n\nNate Feldman\nGeneral Manager at Copper Kettle "
        "Hospitality\n703 555 0158\n",
        "US",
        "en",
        "plain",
        "title-at-company",
        first_name="Nate",
        last_name="Feldman",
        title="General Manager",
        company="Copper Kettle Hospitality",
        phone="+17035550158",
    ),
    _case(
        "017",
        "sburke@granitepeak.example",
        "Shannon Burke",
        "Shannon Burke\nChief of Staff to the CEO\nGranite Peak Software\n"
        "1 Granite Way · Bozeman, MT 59715 · United States\n406-555-0199 (office)\n"
        "406-555-0187 (mobile)\n\nNOTICE: This message is intended only for the addressee. "
        "Granite Peak Software, 1 Granite Way, Bozeman, MT 59715. Call 406-555-0100 if you "
        "received it in error.\n",
        "US",
        "en",
        "plain",
        "label-after",
        "dot-separator",
        "disclaimer",
        "signature-only",
        first_name="Shannon",
        last_name="Burke",
        title="Chief of Staff to the CEO",
        company="Granite Peak Software",
        street="1 Granite Way",
        city="Bozeman",
        state="MT",
        postal_code="59715",
        country="United States",
        phone="+14065550199",
        mobile="+14065550187",
    ),
    _case(
        "018",
        "t.hollis@bluefinmarine.example",
        "Trevor Hollis",
        "Hi Jordan - I'm the right contact now, Mike retired last month.\n\n"
        "Trevor Hollis\nPurchasing Agent\nBluefin Marine Products\nPO Box 1187\n"
        "Panama City, FL 32402\nPh: 850-555-0133 Ext. 12\nFx: 850-555-0134\n",
        "US",
        "en",
        "plain",
        "extension",
        "po-box",
        first_name="Trevor",
        last_name="Hollis",
        title="Purchasing Agent",
        company="Bluefin Marine Products",
        street="PO Box 1187",
        city="Panama City",
        state="FL",
        postal_code="32402",
        phone="+18505550133",
        fax="+18505550134",
    ),
    _case(
        "019",
        "alicia.montoya@redrockcu.example",
        "Alicia Montoya",
        "Alicia Montoya\nSVP, Member Experience\n\nRed Rock Credit Union\n"
        "Main 505.555.0100 | Direct 505.555.0117\n",
        "US",
        "en",
        "plain",
        "signature-only",
        "two-phones",
        first_name="Alicia",
        last_name="Montoya",
        title="SVP, Member Experience",
        company="Red Rock Credit Union",
        phone="+15055550117",
    ),
    _case(
        "020",
        "mia.russo@fernhillsd.example",
        "Mia Russo",
        "Hi! Is the education discount still available?\n\nThanks,\nMia Russo\n"
        "Technology Coordinator | Fern Hill School District\n(330) 555-0153\n\n"
        "Sent from Outlook for iOS\n",
        "US",
        "en",
        "plain",
        "mobile-footer",
        "pipe",
        first_name="Mia",
        last_name="Russo",
        title="Technology Coordinator",
        company="Fern Hill School District",
        phone="+13305550153",
    ),
    _case(
        "021",
        "jpowell@eastgatelaw.example",
        "James Powell",
        _mso(
            "Jordan, our redlines are attached. Section 9.2 is the open item.",
            "James R. Powell",
            "General Counsel",
            "<b>EASTGATE PARTNERS LLP</b>",
            "1177 Avenue of the Americas, New York, NY 10036",
            "T +1 212 555 0138",
            '<a href="mailto:jpowell@eastgatelaw.example">jpowell@eastgatelaw.example</a>',
            "",
            "<span style='font-size:7.0pt;color:#7F7F7F'>This communication may contain "
            "information that is legally privileged, confidential or exempt from disclosure. "
            "If you are not the intended recipient, please note that any dissemination, "
            "distribution, or copying of this communication is strictly prohibited. Anyone who "
            "receives this message in error should notify the sender immediately by telephone "
            "(212-555-0100) or by return e-mail and delete it from his or her computer.</span>",
        ),
        "US",
        "en",
        "html",
        "outlook",
        "disclaimer",
        "middle-initial",
        html=True,
        first_name="James",
        last_name="Powell",
        title="General Counsel",
        company="EASTGATE PARTNERS LLP",
        street="1177 Avenue of the Americas",
        city="New York",
        state="NY",
        postal_code="10036",
        phone="+12125550138",
        email="jpowell@eastgatelaw.example",
    ),
    _case(
        "022",
        "olivia.grant@sproutly.example",
        "Olivia Grant",
        _gmail(
            "Thanks for the recap! Forwarding to finance.",
            '<img src="https://ci3.googleusercontent.example/sig/olivia.png" alt="Olivia Grant" '
            'width="160">',
            "Partnerships · Sproutly",
            "sproutly.example · 929 555 0129",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "name-in-image",
        "dot-separator",
        html=True,
        first_name="Olivia",
        last_name="Grant",
        title="Partnerships",
        company="Sproutly",
        website="sproutly.example",
        phone="+19295550129",
    ),
    _case(
        "023",
        "hdiaz@westmarkenergy.example",
        "Hector Diaz",
        "Jordan,\n\nSee my answers inline below.\n\nHector Diaz\nIT Director\nWestmark Energy\n"
        "(432) 555-0118\n\n-----Original Message-----\nFrom: Jordan Blake "
        "<jordan.blake@stratus-demo.example>\nSent: Monday, February 9, 2026 10:15 AM\n"
        "To: Hector Diaz <hdiaz@westmarkenergy.example>\nSubject: Security questionnaire\n\n"
        "1. Do you use SSO? >> Yes, Okta.\n2. Mobile devices? >> iOS only.\n\n"
        "Jordan Blake\nAccount Executive\nStratus Demo\nM: (206) 555-0101\n",
        "US",
        "en",
        "plain",
        "reply",
        "inline-reply",
        first_name="Hector",
        last_name="Diaz",
        title="IT Director",
        company="Westmark Energy",
        phone="+14325550118",
    ),
    _case(
        "024",
        "kim.nguyen@pacificcrest.example",
        "Kim Nguyen",
        "Kim Nguyen / Sr. Account Manager / Pacific Crest Staffing\n"
        "555 W 5th St, Los Angeles, CA 90013 / 213.555.0172\n",
        "US",
        "en",
        "plain",
        "slash-separator",
        "signature-only",
        first_name="Kim",
        last_name="Nguyen",
        title="Sr. Account Manager",
        company="Pacific Crest Staffing",
        street="555 W 5th St",
        city="Los Angeles",
        state="CA",
        postal_code="90013",
        phone="+12135550172",
    ),
    _case(
        "025",
        "bill.henderson@gmail.com",
        "Bill Henderson",
        "Jordan, this is my personal email, use it going forward.\n\nBill Henderson\n"
        "Independent Consultant\n(919) 555-0145\n",
        "US",
        "en",
        "plain",
        "free-mail",
        first_name="Bill",
        last_name="Henderson",
        title="Independent Consultant",
        phone="+19195550145",
    ),
    _case(
        "026",
        "sarah.kline@evergreenlogix.example",
        "Sarah Kline",
        "Approved from our end.\n\nSarah\n\nSent from my iPhone\n\nOn Feb 10, 2026, at 9:41 AM, "
        "Dana Moss <dana.moss@evergreenlogix.example> wrote:\n\n> Sarah, can you approve the "
        "Stratus renewal?\n>\n> Dana Moss\n> Finance Manager\n> Evergreen Logix\n> 360-555-0148\n",
        "US",
        "en",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
    _case(
        "027",
        "luis.ortega@sierrasolar.example",
        "Luis Ortega",
        _designed(
            "Luis Ortega",
            "Regional Sales Manager, West",
            "Sierra Solar Partners",
            _icons(
                ("phone", "O: 775-555-0150"),
                ("mobilePhone", "M: 775-555-0151"),
                ("address", "9450 Double R Blvd, Reno, NV 89521"),
            ),
        ),
        "US",
        "en",
        "html",
        "hubspot",
        "table",
        "signature-only",
        html=True,
        first_name="Luis",
        last_name="Ortega",
        title="Regional Sales Manager, West",
        company="Sierra Solar Partners",
        phone="+17755550150",
        mobile="+17755550151",
        street="9450 Double R Blvd",
        city="Reno",
        state="NV",
        postal_code="89521",
    ),
    _case(
        "028",
        "claire.beaumont@ashgrove.example",
        "Claire Beaumont",
        "Hi Jordan,\n\nJust a quick note that our fiscal year closes June 30.\n\n"
        "Warmly,\nClaire\n\nClaire Beaumont (she/her)\nDirector of Development\n"
        "Ashgrove Children's Museum\n220 Church St\nBurlington, Vermont 05401\n"
        "802.555.0166\n",
        "US",
        "en",
        "plain",
        "pronouns",
        "full-state",
        first_name="Claire",
        last_name="Beaumont",
        title="Director of Development",
        company="Ashgrove Children's Museum",
        street="220 Church St",
        city="Burlington",
        state="Vermont",
        postal_code="05401",
        phone="+18025550166",
    ),
    # -- United Kingdom and Ireland -----------------------------------------------------------
    _case(
        "029",
        "eleanor.whitcombe@harcourtlegal.example",
        "Eleanor Whitcombe",
        _mso(
            "Dear Jordan,<br><br>Thank you for your time this morning. As discussed, please find "
            "our procurement questionnaire attached.",
            "Kind regards,",
            "",
            "<b>Eleanor Whitcombe</b>",
            "Head of Legal Operations",
            "Harcourt Legal Services Ltd",
            "30 Finsbury Square, London EC2A 1AG",
            "DDI: +44 (0)20 7946 0582 | Mob: +44 (0)7911 123456",
            "",
            "<span style='font-size:7.5pt;color:#595959'>Harcourt Legal Services Ltd is a "
            "company registered in England and Wales (No. 07654321). Registered office: 30 "
            "Finsbury Square, London EC2A 1AG. Authorised and regulated by the Solicitors "
            "Regulation Authority. This email is confidential; if you have received it in error "
            "please notify us on +44 20 7946 0000 and delete it.</span>",
        ),
        "UK",
        "en",
        "html",
        "outlook",
        "disclaimer",
        "registration",
        html=True,
        first_name="Eleanor",
        last_name="Whitcombe",
        title="Head of Legal Operations",
        company="Harcourt Legal Services Ltd",
        street="30 Finsbury Square",
        city="London",
        postal_code="EC2A 1AG",
        phone="+442079460582",
        mobile="+447911123456",
    ),
    _case(
        "030",
        "gareth.morgan@cwmfield.example",
        "Gareth Morgan",
        "Cheers Jordan, speak Tuesday.\n\nGareth\n\n--\nGareth Morgan\nOperations Director\n"
        "Cwmfield Engineering Ltd\nUnit 4, Treforest Industrial Estate\nPontypridd\n"
        "Rhondda Cynon Taf\nCF37 5YR\nWales\nT: 029 2018 0123\n",
        "UK",
        "en",
        "plain",
        "uk-county",
        first_name="Gareth",
        last_name="Morgan",
        title="Operations Director",
        company="Cwmfield Engineering Ltd",
        street="Unit 4, Treforest Industrial Estate",
        city="Pontypridd",
        state="Rhondda Cynon Taf",
        postal_code="CF37 5YR",
        country="Wales",
        phone="+442920180123",
    ),
    _case(
        "031",
        "priya.chandra@lumenhousing.example",
        "Priya Chandra",
        _owa(
            "Hi Jordan, quick one - does the licence include the contractor portal?",
            "Priya Chandra (she/her) | Digital Transformation Lead",
            "Lumen Housing Association",
            "0161 496 0412 | lumenhousing.example",
            "<i>I work flexibly - please don't feel obliged to reply outside your working "
            "hours.</i>",
        ),
        "UK",
        "en",
        "html",
        "owa",
        "pronouns",
        html=True,
        first_name="Priya",
        last_name="Chandra",
        title="Digital Transformation Lead",
        company="Lumen Housing Association",
        phone="+441614960412",
        website="lumenhousing.example",
    ),
    _case(
        "032",
        "a.macleod@stornowayseafoods.example",
        "MacLeod, Alasdair",
        "Morning Jordan,\n\nHappy to proceed. PO to follow.\n\nAll the best\n\nAlasdair MacLeod\n"
        "Managing Director\nStornoway Seafoods Ltd\nPier Road, Stornoway, Isle of Lewis HS1 2XX\n"
        "Tel 01851 555012\nMob 07400 123456\n\nOn 9 Feb 2026, at 15:02, Jordan Blake "
        "<jordan.blake@stratus-demo.example> wrote:\n"
        + _quoted("Hi Alasdair,\n\nAttached is the final quote.\n\nJordan Blake\nStratus Demo"),
        "UK",
        "en",
        "plain",
        "reply",
        "from-last-first",
        first_name="Alasdair",
        last_name="MacLeod",
        title="Managing Director",
        company="Stornoway Seafoods Ltd",
        street="Pier Road",
        city="Stornoway",
        postal_code="HS1 2XX",
        phone="+441851555012",
        mobile="+447400123456",
    ),
    _case(
        "033",
        "tom.ashworth@brindleyco.example",
        "Tom Ashworth",
        "Tom Ashworth BSc (Hons) MRICS\nAssociate Director | Brindley & Co Chartered Surveyors\n"
        "t 0113 496 0788  m 07400 654321\nbrindleyco.example\n\nBrindley & Co is the trading "
        "name of Brindley Surveying Ltd, registered in England No. 05123456.\n",
        "UK",
        "en",
        "plain",
        "post-nominal",
        "registration",
        "signature-only",
        first_name="Tom",
        last_name="Ashworth",
        title="Associate Director",
        company="Brindley & Co Chartered Surveyors",
        phone="+441134960788",
        mobile="+447400654321",
        website="brindleyco.example",
    ),
    _case(
        "034",
        "s.okonkwo@thamesreach.example",
        "Sola Okonkwo",
        "Thanks!\n\nSent from Outlook for Android\n________________________________\nFrom: Sola "
        "Okonkwo <s.okonkwo@thamesreach.example>\nSent: Monday, February 9, 2026 4:44:10 PM\n"
        "To: Jordan Blake <jordan.blake@stratus-demo.example>\nSubject: Re: Contract\n\n"
        "Hi Jordan, signed copy attached.\n\nSola Okonkwo\nCommercial Manager\nThames Reach Ltd\n"
        "020 7946 0321\n",
        "UK",
        "en",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
    _case(
        "035",
        "fiona.byrne@liffeydata.example",
        "Fiona Byrne",
        _gmail(
            "Hi Jordan,<br>Grand, talk then.",
            "Fiona Byrne",
            "Head of Customer Success | Liffey Data",
            "Block C, The Sweepstakes, Ballsbridge, Dublin 4, D04 K7Y2",
            "Ireland",
            "M: +353 87 555 0123",
            attr="On Mon, 9 Feb 2026 at 17:20, Jordan Blake &lt;jordan.blake@stratus-demo.example"
            "&gt; wrote:",
            quote="Hi Fiona,<br>Does Thursday suit?<br><br>Jordan Blake<br>Account Executive"
            "<br>Stratus Demo<br>+1 206 555 0100",
        ),
        "IE",
        "en",
        "html",
        "gmail",
        "reply",
        html=True,
        first_name="Fiona",
        last_name="Byrne",
        title="Head of Customer Success",
        company="Liffey Data",
        street="Block C, The Sweepstakes, Ballsbridge",  # label fix: the signature writes it
        city="Dublin 4",
        postal_code="D04 K7Y2",
        country="Ireland",
        mobile="+353875550123",
    ),
    _case(
        "036",
        "r.hargreaves@pennineplastics.example",
        "Rob Hargreaves",
        "Jordan\n\nSee attached.\n\nRgds\nRob\n\nRob Hargreaves\nTechnical Sales Engineer\n"
        "Pennine Plastics Ltd\nCanal Wharf, Skipton, North Yorkshire, BD23 1XX\n"
        "Switchboard: 01756 555 012\nMobile: 07400 555019\nEmail: r.hargreaves@pennineplastics."
        "example\n\nPlease consider the environment before printing this email.\n",
        "UK",
        "en",
        "plain",
        "uk-county",
        first_name="Rob",
        last_name="Hargreaves",
        title="Technical Sales Engineer",
        company="Pennine Plastics Ltd",
        street="Canal Wharf",
        city="Skipton",
        state="North Yorkshire",
        postal_code="BD23 1XX",
        phone="+441756555012",
        mobile="+447400555019",
        email="r.hargreaves@pennineplastics.example",
    ),
    _case(
        "037",
        "noreply@meetings.teams.example",
        "Microsoft Teams",
        _owa(
            "<b>Stratus / Harcourt: procurement Q&amp;A</b><br>Tuesday 17 February 2026 "
            "14:00-14:45 (UTC+00:00) Dublin, Edinburgh, Lisbon, London<br><br>"
            "________________________________________________________________________________"
            "<br>Microsoft Teams meeting<br>Join: https://teams.example/l/meetup-join/19%3a<br>"
            "Meeting ID: 312 555 019 284<br>Passcode: x7Qe2B<br>Dial in by phone<br>"
            "+44 20 7946 0999,,554433221# United Kingdom, London<br>Phone conference ID: 554 433 "
            "221#<br>For organisers: Meeting options | Reset dial-in PIN"
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
        "038",
        "helen.price@greysteel.example",
        "Helen Price",
        "Helen Price\nProcurement Category Manager\n\nGREYSTEEL GROUP PLC\n"
        "Greysteel House, 12 Colmore Row | Birmingham | B3 2BS | United Kingdom\n"
        "Tel +44 121 555 0199 | Fax +44 121 555 0198\n\nGreysteel Group plc. Registered in "
        "England and Wales No. 01234567. Registered Office: Greysteel House, 12 Colmore Row, "
        "Birmingham B3 2BS.\n",
        "UK",
        "en",
        "plain",
        "pipe",
        "registration",
        "signature-only",
        first_name="Helen",
        last_name="Price",
        title="Procurement Category Manager",
        company="GREYSTEEL GROUP PLC",
        street="Greysteel House, 12 Colmore Row",
        city="Birmingham",
        postal_code="B3 2BS",
        country="United Kingdom",
        phone="+441215550199",
        fax="+441215550198",
    ),
    # -- Canada (English and French) ----------------------------------------------------------
    _case(
        "039",
        "isabelle.gagnon@boisfranc.example",
        "Isabelle Gagnon",
        _owa(
            "Bonjour Jordan,<br><br>Merci pour la démo. Pouvez-vous nous envoyer la version "
            "française du contrat?<br><br>Cordialement,",
            "<b>Isabelle Gagnon</b>",
            "Directrice des ventes | Sales Director",
            "Bois Franc Distribution inc.",
            "4200, rue Saint-Denis, bureau 300",
            "Montréal (Québec) H2J 2K8",
            "T / Tél. : 514 555-0171 | C / Cell : 438 555-0142",
            "<i>Avis de confidentialité : Ce courriel est confidentiel. Confidentiality notice: "
            "this e-mail is confidential.</i>",
        ),
        "CA",
        "fr",
        "html",
        "owa",
        "bilingual",
        "disclaimer",
        html=True,
        first_name="Isabelle",
        last_name="Gagnon",
        title="Directrice des ventes | Sales Director",
        company="Bois Franc Distribution inc.",
        street="4200, rue Saint-Denis, bureau 300",
        city="Montréal",
        state="Québec",
        postal_code="H2J 2K8",
        phone="+15145550171",
        mobile="+14385550142",
    ),
    _case(
        "040",
        "mathieu.lavoie@nordiq.example",
        "Mathieu Lavoie",
        "Parfait, on se reparle jeudi.\n\nMathieu Lavoie, ing.\nChef de projets TI\nNordiq "
        "Solutions\n900, boul. Charest Est\nQuébec (Québec) G1K 3J4\nTél. : 418 555-0145, "
        "poste 3310\nCell. : 418 555-0146\n\nEnvoyé de mon iPhone\n",
        "CA",
        "fr",
        "plain",
        "post-nominal",
        "extension",
        "mobile-footer",
        first_name="Mathieu",
        last_name="Lavoie",
        title="Chef de projets TI",
        company="Nordiq Solutions",
        street="900, boul. Charest Est",
        city="Québec",
        state="Québec",
        postal_code="G1K 3J4",
        phone="+14185550145",
        mobile="+14185550146",
    ),
    _case(
        "041",
        "jen.macdougall@tidalcoast.example",
        "Jennifer MacDougall",
        "Hi Jordan,\n\nAll set on our end.\n\nJen\n\nJennifer MacDougall | Director, Finance | "
        "Tidal Coast Seafoods Ltd.\n1601 Lower Water Street, Halifax, Nova Scotia B3J 3P6\n"
        "902.555.0192 ext 4\n",
        "CA",
        "en",
        "plain",
        "pipe",
        "full-province",
        "extension",
        first_name="Jennifer",
        last_name="MacDougall",
        title="Director, Finance",
        company="Tidal Coast Seafoods Ltd.",
        street="1601 Lower Water Street",
        city="Halifax",
        state="Nova Scotia",
        postal_code="B3J 3P6",
        phone="+19025550192",
    ),
    _case(
        "042",
        "raj.sandhu@fraservalleyag.example",
        "Raj Sandhu",
        _gmail(
            "Thanks Jordan. Adding my colleague.",
            "<b>Raj Sandhu</b> | Farm Systems Manager",
            "Fraser Valley Agri Co-op",
            "33800 King Rd, Abbotsford, BC V2S 7M8, Canada",
            "Office: 604-555-0128 &nbsp;|&nbsp; Cell: 604-555-0129",
        ),
        "CA",
        "en",
        "html",
        "gmail",
        html=True,
        first_name="Raj",
        last_name="Sandhu",
        title="Farm Systems Manager",
        company="Fraser Valley Agri Co-op",
        street="33800 King Rd",
        city="Abbotsford",
        state="BC",
        postal_code="V2S 7M8",
        country="Canada",
        phone="+16045550128",
        mobile="+16045550129",
    ),
    _case(
        "043",
        "a.tremblay-cote@groupealto.example",
        "Annie Tremblay-Côté",
        "Bonjour,\n\nJe serai absente du bureau du 16 au 20 février inclusivement. Pour toute "
        "urgence, veuillez communiquer avec Marc Fortin au 819 555-0160.\n\nI am out of the "
        "office from February 16 to 20. For urgent matters, please contact Marc Fortin at "
        "819 555-0160.\n",
        "CA",
        "fr",
        "plain",
        "out-of-office",
        "bilingual",
        "unsigned",
    ),
    _case(
        "044",
        "owen.blackburn@prairieline.example",
        "Owen Blackburn",
        "Owen Blackburn, P.Eng.\nSenior Project Manager\nPrairieline Pipe & Supply Ltd.\n"
        "10220 103 Ave NW, Edmonton, AB T5J 0K4\nDirect 780-555-0139\n"
        "Toll Free 1-800-555-0199\n",
        "CA",
        "en",
        "plain",
        "post-nominal",
        "signature-only",
        first_name="Owen",
        last_name="Blackburn",
        title="Senior Project Manager",
        company="Prairieline Pipe & Supply Ltd.",
        street="10220 103 Ave NW",
        city="Edmonton",
        state="AB",
        postal_code="T5J 0K4",
        phone="+17805550139",
    ),
    _case(
        "045",
        "chloe.bergeron@maisonvelo.example",
        "Chloé Bergeron",
        _apple(
            "Oui, ça me convient. Merci!",
            "Chloé Bergeron",
            "Responsable des achats",
            "Maison Vélo inc.",
            "Tél. 450 555-0110",
            attr="Le 9 févr. 2026 à 14:05, Jordan Blake &lt;jordan.blake@stratus-demo.example&gt; "
            "a écrit :",
            quote="Bonjour Chloé, est-ce que mardi 10 h vous convient?<br><br>Jordan Blake<br>"
            "Stratus Demo<br>206 555-0100",
        ),
        "CA",
        "fr",
        "html",
        "apple",
        "reply",
        html=True,
        first_name="Chloé",
        last_name="Bergeron",
        title="Responsable des achats",
        company="Maison Vélo inc.",
        phone="+14505550110",
    ),
    _case(
        "046",
        "dpatel@rideaufinancial.example",
        "Devika Patel",
        "Hi Jordan,\n\nOur compliance team needs the SOC 2 report before we can proceed.\n\n"
        "Thank you / Merci,\n\nDevika Patel\nManager, Vendor Risk | Gestionnaire, risques "
        "fournisseurs\nRideau Financial Group | Groupe financier Rideau\n"
        "100 Queen Street, Suite 1100, Ottawa, Ontario K1P 1J9\nT: 613-555-0123\n",
        "CA",
        "en",
        "plain",
        "bilingual",
        "full-province",
        first_name="Devika",
        last_name="Patel",
        title="Manager, Vendor Risk | Gestionnaire, risques fournisseurs",
        company="Rideau Financial Group | Groupe financier Rideau",
        street="100 Queen Street, Suite 1100",
        city="Ottawa",
        state="Ontario",
        postal_code="K1P 1J9",
        phone="+16135550123",
    ),
    _case(
        "047",
        "info@festivalduvin.example",
        "Festival du vin de Montréal",
        "Billets en prévente dès maintenant! / Early-bird tickets on sale now!\n\n"
        "Achetez vos billets : https://festivalduvin.example\n\nFestival du vin de Montréal\n"
        "1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 4W5\n514 555-0188\n\n"
        "Vous recevez ce courriel parce que vous êtes abonné. Se désabonner | Unsubscribe\n",
        "CA",
        "fr",
        "plain",
        "newsletter",
        "bilingual",
        "unsigned",
    ),
    # -- Germany, Austria, Switzerland ---------------------------------------------------------
    _case(
        "048",
        "t.hoffmann@elbtal-automation.example",
        "Hoffmann, Tobias",
        _mso(
            "Hallo Herr Blake,<br><br>anbei die unterschriebene Bestellung.",
            "Mit freundlichen Grüßen / Kind regards",
            "",
            "<b>Tobias Hoffmann</b>",
            "Leiter IT-Infrastruktur / Head of IT Infrastructure",
            "",
            "Elbtal Automation GmbH",
            "Königsbrücker Straße 96",
            "01099 Dresden",
            "Germany",
            "Tel.: +49 351 5555 0123",
            "Mobil: +49 160 5550123",
            "E-Mail: t.hoffmann@elbtal-automation.example",
            "",
            "<span style='font-size:7.0pt;color:gray'>Elbtal Automation GmbH · Sitz der "
            "Gesellschaft: Dresden · Registergericht: Amtsgericht Dresden HRB 45678 · "
            "Geschäftsführer: Dr. Ulrich Sommer, Petra Lang · USt-IdNr.: DE123456789</span>",
            "<span style='font-size:7.0pt;color:gray'>Diese E-Mail enthält vertrauliche und/oder "
            "rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind oder "
            "diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender "
            "und vernichten Sie diese Mail. This e-mail may contain confidential and/or "
            "privileged information.</span>",
        ),
        "DE",
        "de",
        "html",
        "outlook",
        "bilingual",
        "imprint",
        "disclaimer",
        "from-last-first",
        html=True,
        first_name="Tobias",
        last_name="Hoffmann",
        title="Leiter IT-Infrastruktur / Head of IT Infrastructure",
        company="Elbtal Automation GmbH",
        street="Königsbrücker Straße 96",
        city="Dresden",
        postal_code="01099",
        country="Germany",
        phone="+4935155550123",
        mobile="+491605550123",
        email="t.hoffmann@elbtal-automation.example",
    ),
    _case(
        "049",
        "s.yilmaz@rheinmain-medtech.example",
        "Selin Yilmaz",
        "Hallo Jordan,\n\npasst, dann bis Donnerstag.\n\nVG\nSelin\n\n--\nSelin Yilmaz\n"
        "Einkauf | RheinMain MedTech GmbH\nMainzer Landstraße 50 | 60325 Frankfurt am Main\n"
        "T +49 69 9555 0123 | M +49 176 55501234\n",
        "DE",
        "de",
        "plain",
        "pipe",
        first_name="Selin",
        last_name="Yilmaz",
        title="Einkauf",
        company="RheinMain MedTech GmbH",
        street="Mainzer Landstraße 50",
        city="Frankfurt am Main",
        postal_code="60325",
        phone="+496995550123",
        mobile="+4917655501234",
    ),
    _case(
        "050",
        "k.vonberg@hanse-logistik.example",
        "Konstantin von Berg",
        "Sehr geehrter Herr Blake,\n\nvielen Dank für Ihr Angebot. Wir melden uns bis Ende der "
        "Woche.\n\nMit freundlichen Grüßen\n\nDr. Konstantin von Berg\nGeschäftsführer\n"
        "Hanse Logistik GmbH & Co. KG\nAm Sandtorkai 41\n20457 Hamburg\n"
        "Telefon: 040 555501-23\nTelefax: 040 555501-99\nHandy: 0151 23456789\n"
        "www.hanse-logistik.example\n\nSitz Hamburg, Amtsgericht Hamburg HRA 98765\n"
        "Persönlich haftende Gesellschafterin: Hanse Logistik Verwaltungs GmbH\n",
        "DE",
        "de",
        "plain",
        "honorific",
        "particle",
        "imprint",
        first_name="Konstantin",
        last_name="von Berg",
        title="Geschäftsführer",
        company="Hanse Logistik GmbH & Co. KG",
        street="Am Sandtorkai 41",
        city="Hamburg",
        postal_code="20457",
        phone="+494055550123",
        fax="+494055550199",
        mobile="+4915123456789",
        website="www.hanse-logistik.example",
    ),
    _case(
        "051",
        "m.krause@schwabentec.example",
        "Michael Krause",
        "Michael Krause\nVertrieb Innendienst\n\nSchwabenTec AG\nHeilbronner Str. 150\n"
        "D-70191 Stuttgart\n\nFon +49 711 5555 0100\nFax +49 711 5555 0101\n",
        "DE",
        "de",
        "plain",
        "signature-only",
        first_name="Michael",
        last_name="Krause",
        title="Vertrieb Innendienst",
        company="SchwabenTec AG",
        street="Heilbronner Str. 150",
        city="Stuttgart",
        postal_code="70191",
        phone="+4971155550100",
        fax="+4971155550101",
    ),
    _case(
        "052",
        "julia.brandt@kontor-nord.example",
        "Julia Brandt",
        "Danke dir!\n\nVon meinem iPhone gesendet\n\n> Am 10.02.2026 um 09:12 schrieb Jordan "
        "Blake <jordan.blake@stratus-demo.example>:\n>\n> Hallo Julia, hier der Link zur "
        "Demo.\n>\n> Jordan Blake\n> Account Executive\n> +1 206 555 0100\n",
        "DE",
        "de",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
    _case(
        "053",
        "a.weber@donaupharma.example",
        "Andrea Weber",
        "Sehr geehrte Damen und Herren,\n\nich bin bis 23.02.2026 nicht im Büro und habe nur "
        "eingeschränkten Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte "
        "an Frau Gruber (+43 1 555 0123).\n\nMit freundlichen Grüßen\nAndrea Weber\n",
        "AT",
        "de",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "054",
        "l.steiner@alpinsoft.example",
        "Lukas Steiner",
        _gmail(
            "Grüezi Herr Blake<br><br>Wir sind interessiert. Können Sie uns eine Offerte in "
            "CHF schicken?<br><br>Freundliche Grüsse<br>Lukas Steiner",
            "Lukas Steiner | Head of Sales Operations",
            "AlpinSoft AG | Bahnhofstrasse 21 | 8001 Zürich | Schweiz",
            "T +41 44 555 01 66 | M +41 79 555 01 23",
        ),
        "CH",
        "de",
        "html",
        "gmail",
        "pipe",
        html=True,
        first_name="Lukas",
        last_name="Steiner",
        title="Head of Sales Operations",
        company="AlpinSoft AG",
        street="Bahnhofstrasse 21",
        city="Zürich",
        postal_code="8001",
        country="Schweiz",
        phone="+41445550166",
        mobile="+41795550123",
    ),
    _case(
        "055",
        "p.hofer@tirolholz.example",
        "Peter Hofer",
        "Peter Hofer\nProkurist\nTirolholz GmbH\nIndustriezone 12, 6460 Imst, Österreich\n"
        "Tel. +43 5412 555 01\nMobil +43 664 555 0123\n",
        "AT",
        "de",
        "plain",
        "signature-only",
        first_name="Peter",
        last_name="Hofer",
        title="Prokurist",
        company="Tirolholz GmbH",
        street="Industriezone 12",
        city="Imst",
        postal_code="6460",
        country="Österreich",
        phone="+43541255501",
        mobile="+436645550123",
    ),
    _case(
        "056",
        "claudia.meier@bodensee-reisen.example",
        "Claudia Meier",
        "Hallo Jordan,\n\nkurze Frage: gibt es eine Schnittstelle zu SAP?\n\nBeste Grüße\n"
        "Claudia Meier\nTeamleitung Kundenservice\n\nBodensee Reisen GmbH · Seestraße 7 · "
        "88045 Friedrichshafen\nTelefon 07541 5550 12 · claudia.meier@bodensee-reisen.example\n"
        "\n-----Ursprüngliche Nachricht-----\nVon: Jordan Blake <jordan.blake@stratus-demo."
        "example>\nGesendet: Montag, 9. Februar 2026 16:30\nAn: Claudia Meier\nBetreff: Demo\n\n"
        "Hallo Claudia,\nanbei die Unterlagen.\nJordan Blake | Stratus Demo | +1 206 555 0100\n",
        "DE",
        "de",
        "plain",
        "reply",
        "dot-separator",
        first_name="Claudia",
        last_name="Meier",
        title="Teamleitung Kundenservice",
        company="Bodensee Reisen GmbH",
        street="Seestraße 7",
        city="Friedrichshafen",
        postal_code="88045",
        phone="+497541555012",
        email="claudia.meier@bodensee-reisen.example",
    ),
    _case(
        "057",
        "n.favre@lemanconseil.example",
        "Nicolas Favre",
        "Bonjour Monsieur Blake,\n\nMerci pour votre message.\n\nMeilleures salutations\n\n"
        "Nicolas Favre\nAssocié\nLéman Conseil SA\nRue du Rhône 65\n1204 Genève\n"
        "T. +41 22 555 01 23\nM. +41 78 555 01 23\n",
        "CH",
        "fr",
        "plain",
        first_name="Nicolas",
        last_name="Favre",
        title="Associé",
        company="Léman Conseil SA",
        street="Rue du Rhône 65",
        city="Genève",
        postal_code="1204",
        phone="+41225550123",
        mobile="+41785550123",
    ),
    # -- France and Belgium -------------------------------------------------------------------
    _case(
        "058",
        "sophie.laurent@atelier-garonne.example",
        "Sophie LAURENT",
        "Bonjour Jordan,\n\nJe vous confirme notre accord pour le pilote.\n\nBien à vous,\n\n"
        "Sophie LAURENT\nResponsable Achats\nAtelier Garonne SAS\n12 quai des Chartrons\n"
        "33000 Bordeaux\nTél. : +33 5 56 55 01 23\nPortable : 07 55 55 01 20\n",
        "FR",
        "fr",
        "plain",
        "all-caps",
        first_name="Sophie",
        last_name="LAURENT",
        title="Responsable Achats",
        company="Atelier Garonne SAS",
        street="12 quai des Chartrons",
        city="Bordeaux",
        postal_code="33000",
        phone="+33556550123",
        mobile="+33755550120",
    ),
    _case(
        "059",
        "jb.morel@provence-emballages.example",
        "Jean-Baptiste Morel",
        _owa(
            "Bonjour,<br><br>Ci-joint le bon de commande signé.<br><br>Cordialement,",
            "<b>Jean-Baptiste Morel</b>",
            "Directeur Administratif et Financier",
            "PROVENCE EMBALLAGES",
            "ZI des Milles - 150 rue Pierre Berthier - 13290 Aix-en-Provence",
            "Tél : 04 91 55 01 23 - Fax : 04 91 55 01 24",
            '<a href="https://www.provence-emballages.example">www.provence-emballages.example</a>',
        ),
        "FR",
        "fr",
        "html",
        "owa",
        "hyphenated-first",
        "dash-separator",
        html=True,
        first_name="Jean-Baptiste",
        last_name="Morel",
        title="Directeur Administratif et Financier",
        company="PROVENCE EMBALLAGES",
        street="ZI des Milles - 150 rue Pierre Berthier",
        city="Aix-en-Provence",
        postal_code="13290",
        phone="+33491550123",
        fax="+33491550124",
        website="www.provence-emballages.example",
    ),
    _case(
        "060",
        "c.nguyen@bretagne-digital.example",
        "Camille Nguyen",
        "Merci Jordan !\n\nCamille Nguyen | Cheffe de projet CRM | Bretagne Digital\n"
        "02 99 55 01 23 | 1 rue de la Monnaie, 35000 Rennes\n",
        "FR",
        "fr",
        "plain",
        "pipe",
        first_name="Camille",
        last_name="Nguyen",
        title="Cheffe de projet CRM",
        company="Bretagne Digital",
        phone="+33299550123",
        street="1 rue de la Monnaie",
        city="Rennes",
        postal_code="35000",
    ),
    _case(
        "061",
        "e.dubois@groupe-hexa.example",
        "Emmanuel Dubois",
        "Emmanuel DUBOIS\nDirecteur des Systèmes d'Information\nGROUPE HEXA\n"
        "Immeuble Le Carré, 45 rue de Villiers\n92200 Neuilly-sur-Seine\nFrance\n"
        "Ligne directe : +33 1 55 55 02 10\nMobile : +33 6 12 34 56 78\n\n"
        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention "
        "exclusive de ses destinataires. Toute utilisation non conforme est interdite. Si vous "
        "avez reçu ce message par erreur, merci de le détruire et d'en avertir immédiatement "
        "l'expéditeur au +33 1 55 55 00 00.\n",
        "FR",
        "fr",
        "plain",
        "all-caps",
        "disclaimer",
        "signature-only",
        first_name="Emmanuel",
        last_name="Dubois",
        title="Directeur des Systèmes d'Information",
        company="GROUPE HEXA",
        street="Immeuble Le Carré, 45 rue de Villiers",
        city="Neuilly-sur-Seine",
        postal_code="92200",
        country="France",
        phone="+33155550210",
        mobile="+33612345678",
    ),
    _case(
        "062",
        "marie.fontaine@lyonnaise-assur.example",
        "Marie Fontaine",
        "Bonjour,\n\nJe suis en congés jusqu'au lundi 23 février inclus. Je prendrai "
        "connaissance de votre message à mon retour. En cas d'urgence, vous pouvez contacter "
        "Pierre Martin au 04 72 55 01 20.\n\nCordialement,\nMarie Fontaine\n",
        "FR",
        "fr",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "063",
        "l.rousseau@cabinet-rousseau.example",
        "Laure Rousseau",
        _apple(
            "Très bien, merci.",
            "Envoyé de mon iPhone",
            attr="Le 10 févr. 2026 à 11:02, Jordan Blake &lt;jordan.blake@stratus-demo.example"
            "&gt; a écrit&nbsp;:",
            quote="Bonjour Maître Rousseau,<br>Voici le devis.<br>Jordan Blake<br>Stratus Demo"
            "<br>+1 206 555 0100",
        ),
        "FR",
        "fr",
        "html",
        "apple",
        "mobile-footer",
        "reply",
        "unsigned",
        html=True,
    ),
    _case(
        "064",
        "v.peeters@scheldedata.example",
        "Vincent Peeters",
        "Dag Jordan,\n\nBedankt voor de demo. Wij bekijken het intern.\n\nMet vriendelijke "
        "groeten,\n\nVincent Peeters\nIT Manager\nSchelde Data NV\nMeir 24, 2000 Antwerpen, "
        "België\nT +32 3 555 01 23\nGSM +32 470 55 01 23\n",
        "BE",
        "nl",
        "plain",
        first_name="Vincent",
        last_name="Peeters",
        title="IT Manager",
        company="Schelde Data NV",
        street="Meir 24",
        city="Antwerpen",
        postal_code="2000",
        country="België",
        phone="+3235550123",
        mobile="+32470550123",
    ),
    _case(
        "065",
        "a.lambert@wallonie-energie.example",
        "Aurélie Lambert",
        "Aurélie Lambert — Responsable commerciale — Wallonie Énergie SA\n"
        "Rue de Fer 12, 5000 Namur — Tél. +32 81 55 01 23\n",
        "BE",
        "fr",
        "plain",
        "dash-separator",
        "signature-only",
        first_name="Aurélie",
        last_name="Lambert",
        title="Responsable commerciale",
        company="Wallonie Énergie SA",
        street="Rue de Fer 12",
        city="Namur",
        postal_code="5000",
        phone="+3281550123",
    ),
    # -- Netherlands, Spain, Italy, Nordics ----------------------------------------------------
    _case(
        "066",
        "p.vandenberg@deltahaven.example",
        "Pieter van den Berg",
        _mso(
            "Hoi Jordan,<br><br>Akkoord, stuur maar door.",
            "Met vriendelijke groet,",
            "",
            "Pieter van den Berg",
            "Inkoopmanager",
            "Delta Haven Logistics B.V.",
            "Waalhaven Zuidzijde 19",
            "3089 JH Rotterdam",
            "T: +31 10 555 0123",
            "M: +31 6 5555 0123",
            "<span style='font-size:7pt'>Op al onze diensten zijn de algemene voorwaarden van "
            "toepassing. KvK 12345678.</span>",
        ),
        "NL",
        "nl",
        "html",
        "outlook",
        "particle",
        html=True,
        first_name="Pieter",
        last_name="van den Berg",
        title="Inkoopmanager",
        company="Delta Haven Logistics B.V.",
        street="Waalhaven Zuidzijde 19",
        city="Rotterdam",
        postal_code="3089 JH",
        phone="+31105550123",
        mobile="+31655550123",
    ),
    _case(
        "067",
        "s.dejong@tulpsoft.example",
        "Sanne de Jong",
        "Sanne de Jong | Customer Success Lead\nTulpsoft | Herengracht 420 | 1017 BZ Amsterdam\n"
        "+31 20 555 0123\n",
        "NL",
        "en",
        "plain",
        "particle",
        "pipe",
        "signature-only",
        first_name="Sanne",
        last_name="de Jong",
        title="Customer Success Lead",
        company="Tulpsoft",
        street="Herengracht 420",
        city="Amsterdam",
        postal_code="1017 BZ",
        phone="+31205550123",
    ),
    _case(
        "068",
        "mj.garcia@iberlogix.example",
        "María José García López",
        "Hola Jordan,\n\nTe confirmo la reunión del jueves.\n\nUn saludo,\n\n"
        "María José García López\nDirectora de Operaciones\nIberlogix S.L.\n"
        "Calle de Alcalá 120, 28009 Madrid\nTel. +34 91 555 01 23\nMóvil +34 612 345 678\n",
        "ES",
        "es",
        "plain",
        "compound-first",
        "compound-last",
        first_name="María José",
        last_name="García López",
        title="Directora de Operaciones",
        company="Iberlogix S.L.",
        street="Calle de Alcalá 120",
        city="Madrid",
        postal_code="28009",
        phone="+34915550123",
        mobile="+34612345678",
    ),
    _case(
        "069",
        "j.puig@costabrava-hotels.example",
        "Jordi Puig",
        _gmail(
            "Gràcies Jordan!",
            "<b>Jordi Puig i Serra</b>",
            "Revenue Manager",
            "Costa Brava Hotels Group",
            "Passeig de Gràcia 55, 08007 Barcelona, España",
            "+34 93 555 01 23",
        ),
        "ES",
        "ca",
        "html",
        "gmail",
        "compound-last",
        html=True,
        first_name="Jordi",
        last_name="Puig i Serra",
        title="Revenue Manager",
        company="Costa Brava Hotels Group",
        street="Passeig de Gràcia 55",
        city="Barcelona",
        postal_code="08007",
        country="España",
        phone="+34935550123",
    ),
    _case(
        "070",
        "f.colombo@tessilelario.example",
        "Francesca Colombo",
        "Buongiorno Jordan,\n\nin allegato l'ordine firmato.\n\nCordiali saluti\n\n"
        "Francesca Colombo\nResponsabile Ufficio Acquisti\nTessile Lario S.p.A.\n"
        "Via Borgo Vico 33 - 22100 Como (CO)\nTel. +39 031 555 0123 - Cell. +39 333 555 0123\n\n"
        "Ai sensi del D.Lgs. 196/2003 e del GDPR (UE) 2016/679 si precisa che le informazioni "
        "contenute in questo messaggio sono riservate e ad uso esclusivo del destinatario.\n",
        "IT",
        "it",
        "plain",
        "disclaimer",
        "dash-separator",
        first_name="Francesca",
        last_name="Colombo",
        title="Responsabile Ufficio Acquisti",
        company="Tessile Lario S.p.A.",
        street="Via Borgo Vico 33",
        city="Como",
        state="CO",
        postal_code="22100",
        phone="+390315550123",
        mobile="+393335550123",
    ),
    _case(
        "071",
        "g.ferrari@romadesign.example",
        "Giulia Ferrari",
        "Giulia Ferrari\nArt Director\nRoma Design Studio S.r.l.\nVia del Corso 112, 00186 Roma\n"
        "T +39 06 5555 0123\n\nInviato da iPhone\n",
        "IT",
        "it",
        "plain",
        "mobile-footer",
        "signature-only",
        first_name="Giulia",
        last_name="Ferrari",
        title="Art Director",
        company="Roma Design Studio S.r.l.",
        street="Via del Corso 112",
        city="Roma",
        postal_code="00186",
        phone="+390655550123",
    ),
    _case(
        "072",
        "erik.lindholm@fjordline-it.example",
        "Erik Lindholm",
        "Hi Jordan,\n\nWe'll sign this week.\n\nBest regards\nErik Lindholm\nCIO, Fjordline IT AS\n"
        "Karl Johans gate 5, 0154 Oslo, Norway\nTel +47 22 55 01 23\n",
        "NO",
        "en",
        "plain",
        "name-comma-title",
        first_name="Erik",
        last_name="Lindholm",
        title="CIO",
        company="Fjordline IT AS",
        street="Karl Johans gate 5",
        city="Oslo",
        postal_code="0154",
        country="Norway",
        phone="+4722550123",
    ),
    _case(
        "073",
        "mette.soerensen@nordkyst.example",
        "Mette Sørensen",
        "Tak for i dag!\n\nMed venlig hilsen\nMette Sørensen\nSalgschef\nNordkyst A/S\n"
        "Mobil: +45 20 55 01 23\n",
        "DK",
        "da",
        "plain",
        first_name="Mette",
        last_name="Sørensen",
        title="Salgschef",
        company="Nordkyst A/S",
        mobile="+4520550123",
    ),
    # -- Australia and New Zealand -------------------------------------------------------------
    _case(
        "074",
        "b.mitchell@redgumconstruction.example",
        "Brad Mitchell",
        "G'day Jordan,\n\nNo worries, Friday arvo works.\n\nCheers,\nBrad\n\nBrad Mitchell\n"
        "Project Director\nRedgum Construction Pty Ltd\nLevel 9, 60 Martin Place\n"
        "Sydney NSW 2000\nP (02) 5550 1234 | M 0491 570 156\nABN 12 345 678 901\n",
        "AU",
        "en",
        "plain",
        "abn",
        first_name="Brad",
        last_name="Mitchell",
        title="Project Director",
        company="Redgum Construction Pty Ltd",
        street="Level 9, 60 Martin Place",
        city="Sydney",
        state="NSW",
        postal_code="2000",
        phone="+61255501234",
        mobile="+61491570156",
    ),
    _case(
        "075",
        "chloe.tan@yarraanalytics.example",
        "Chloe Tan",
        _owa(
            "Hi Jordan, thanks - looping in procurement.",
            "<b>Chloe Tan</b> | Head of Data",
            "Yarra Analytics",
            "Level 3, 120 Collins Street, Melbourne VIC 3000",
            "T +61 3 9555 0123 | M +61 491 570 006",
            "<span style='font-size:8pt;color:#666'>Yarra Analytics acknowledges the Traditional "
            "Owners of the land on which we work, the Wurundjeri Woi-wurrung people of the Kulin "
            "Nation, and pays respect to Elders past and present.</span>",
        ),
        "AU",
        "en",
        "html",
        "owa",
        "acknowledgement",
        html=True,
        first_name="Chloe",
        last_name="Tan",
        title="Head of Data",
        company="Yarra Analytics",
        street="Level 3, 120 Collins Street",
        city="Melbourne",
        state="VIC",
        postal_code="3000",
        phone="+61395550123",
        mobile="+61491570006",
    ),
    _case(
        "076",
        "s.kowalczyk@swanriverhealth.example",
        "Stefan Kowalczyk",
        "Stefan Kowalczyk\nICT Procurement Officer | Swan River Health Service\n"
        "15 Hospital Avenue, Nedlands, Western Australia 6009\nPh: (08) 9555 0123\n"
        "Mob: 0412 345 678\n\nCONFIDENTIALITY: This email and any attachments are confidential "
        "and may be subject to legal professional privilege.\n",
        "AU",
        "en",
        "plain",
        "full-state",
        "disclaimer",
        "signature-only",
        first_name="Stefan",
        last_name="Kowalczyk",
        title="ICT Procurement Officer",
        company="Swan River Health Service",
        street="15 Hospital Avenue",
        city="Nedlands",
        state="Western Australia",
        postal_code="6009",
        phone="+61895550123",
        mobile="+61412345678",
    ),
    _case(
        "077",
        "mel.harris@brisbanebuild.example",
        "Mel Harris",
        "Thanks mate\n\nMel Harris | Estimator\nBrisbane Build Co. | 88 Eagle St, Brisbane City "
        "QLD 4000 | 07 3555 0188\n\nFrom: Jordan Blake <jordan.blake@stratus-demo.example>\n"
        "Sent: Monday, 9 February 2026 2:14 PM\nTo: Mel Harris <mel.harris@brisbanebuild.example>"
        "\nSubject: Quote\n\nHi Mel, see attached.\nJordan Blake | Stratus Demo | +1 206 555 "
        "0100\n",
        "AU",
        "en",
        "plain",
        "reply",
        "pipe",
        first_name="Mel",
        last_name="Harris",
        title="Estimator",
        company="Brisbane Build Co.",
        street="88 Eagle St",
        city="Brisbane City",
        state="QLD",
        postal_code="4000",
        phone="+61735550188",
    ),
    _case(
        "078",
        "j.nguyen@adelaidewines.example",
        "Jenny Nguyen",
        _apple(
            "Lovely, thank you!",
            "Jenny Nguyen",
            "Cellar Door Manager",
            "Adelaide Hills Wine Co.",
            "+61 8 8555 0123",
            "adelaidewines.example",
        ),
        "AU",
        "en",
        "html",
        "apple",
        html=True,
        first_name="Jenny",
        last_name="Nguyen",
        title="Cellar Door Manager",
        company="Adelaide Hills Wine Co.",
        phone="+61885550123",
        website="adelaidewines.example",
    ),
    _case(
        "079",
        "tane.walker@kiwiagri.example",
        "Tane Walker",
        "Kia ora Jordan,\n\nSweet as, let's lock it in.\n\nNgā mihi\n\nTane Walker\n"
        "Kaiwhakahaere | General Manager\nKiwi Agri Systems Ltd\n12 Victoria Street, "
        "Hamilton 3204, New Zealand\nP +64 7 555 0123\n",
        "NZ",
        "en",
        "plain",
        "bilingual",
        first_name="Tane",
        last_name="Walker",
        title="Kaiwhakahaere | General Manager",
        company="Kiwi Agri Systems Ltd",
        street="12 Victoria Street",
        city="Hamilton",
        postal_code="3204",
        country="New Zealand",
        phone="+6475550123",
    ),
    # -- India, Japan, Singapore, Brazil, others -----------------------------------------------
    _case(
        "080",
        "rahul.mehta@indusfintech.example",
        "Rahul Mehta",
        "Dear Jordan,\n\nPFA the signed SOW. Kindly revert with the invoice.\n\nThanks & "
        "Regards,\nRahul Mehta\nAssociate Vice President - Technology\nIndus Fintech Pvt. Ltd.\n"
        "7th Floor, Raheja Towers, MG Road, Bengaluru, Karnataka 560001\nMob: +91 98450 12345 | "
        "Off: +91 80 5555 0123\n",
        "IN",
        "en",
        "plain",
        "full-state",
        "label-order",
        first_name="Rahul",
        last_name="Mehta",
        title="Associate Vice President - Technology",
        company="Indus Fintech Pvt. Ltd.",
        street="7th Floor, Raheja Towers, MG Road",
        city="Bengaluru",
        state="Karnataka",
        postal_code="560001",
        mobile="+919845012345",
        phone="+918055550123",
    ),
    _case(
        "081",
        "ananya.iyer@coromandeltextiles.example",
        "Ananya Iyer",
        _mso(
            "Hi Jordan,<br>Please find the requirement document attached.",
            "Warm Regards,",
            "<b>Ananya Iyer</b>",
            "Manager - CRM Initiatives",
            "Coromandel Textiles Limited",
            "Tel: +91 44 5555 0123 | Mobile: +91 98765 43210",
            "Regd. Office: 45 Anna Salai, Chennai 600002, India | CIN: L17111TN1990PLC012345",
            "",
            "<span style='font-size:7pt'>DISCLAIMER: The information transmitted is intended "
            "only for the person or entity to which it is addressed. Please consider the "
            "environment before printing this e-mail.</span>",
        ),
        "IN",
        "en",
        "html",
        "outlook",
        "registration",
        html=True,
        first_name="Ananya",
        last_name="Iyer",
        title="Manager - CRM Initiatives",
        company="Coromandel Textiles Limited",
        phone="+914455550123",
        mobile="+919876543210",
    ),
    _case(
        "082",
        "k.watanabe@sakura-seiki.example",
        "Kenji Watanabe",
        "Dear Mr. Blake,\n\nThank you for your kind proposal. We will discuss internally.\n\n"
        "Best regards,\n\n--------------------------------------------\nWATANABE Kenji\n"
        "Manager, Overseas Sales Section\nSakura Seiki Co., Ltd.\n2-3-1 Marunouchi, Chiyoda-ku, "
        "Tokyo 100-0005, Japan\nTEL: +81-3-5555-0123  FAX: +81-3-5555-0124\n"
        "E-mail: k.watanabe@sakura-seiki.example\n--------------------------------------------\n",
        "JP",
        "en",
        "plain",
        "surname-first",
        "all-caps",
        "box-rule",
        first_name="Kenji",
        last_name="Watanabe",
        title="Manager, Overseas Sales Section",
        company="Sakura Seiki Co., Ltd.",
        street="2-3-1 Marunouchi, Chiyoda-ku",
        city="Tokyo",
        postal_code="100-0005",
        country="Japan",
        phone="+81355550123",
        fax="+81355550124",
        email="k.watanabe@sakura-seiki.example",
    ),
    _case(
        "083",
        "yuki.tanaka@naniwa-trading.example",
        "Yuki Tanaka",
        "Hi Jordan,\n\nNoted with thanks.\n\nYuki Tanaka\nNaniwa Trading Co., Ltd. / Business "
        "Development Dept.\n1-4-5 Honmachi, Chuo-ku, Osaka 541-0053\nTel 06-6555-0123 / "
        "Mobile 090-1234-5678\n",
        "JP",
        "en",
        "plain",
        "slash-separator",
        first_name="Yuki",
        last_name="Tanaka",
        title="Business Development Dept.",
        company="Naniwa Trading Co., Ltd.",
        street="1-4-5 Honmachi, Chuo-ku",
        city="Osaka",
        postal_code="541-0053",
        phone="+81665550123",
        mobile="+819012345678",
    ),
    _case(
        "084",
        "wei.ling.lim@merlionlogistics.example",
        "Lim Wei Ling",
        _gmail(
            "Hi Jordan, can we push to next week?",
            "Lim Wei Ling (Ms)",
            "Regional Procurement Lead, APAC",
            "Merlion Logistics Pte. Ltd.",
            "1 Raffles Place, #20-01, Singapore 048616",
            "DID: +65 6555 0123 | HP: +65 9555 0123",
        ),
        "SG",
        "en",
        "html",
        "gmail",
        "surname-first",
        html=True,
        first_name="Wei Ling",
        last_name="Lim",
        title="Regional Procurement Lead, APAC",
        company="Merlion Logistics Pte. Ltd.",
        street="1 Raffles Place, #20-01",
        city="Singapore",
        postal_code="048616",
        country="Singapore",  # label fix: the city-state names its country, as in blind.py
        phone="+6565550123",
        mobile="+6595550123",
    ),
    _case(
        "085",
        "rafael.souza@cerradoagro.example",
        "Rafael Souza",
        "Olá Jordan,\n\nObrigado pelo retorno. Vamos seguir com a proposta.\n\nAtenciosamente,\n\n"
        "Rafael Souza\nDiretor Comercial\nCerrado Agro S.A.\nAv. Brigadeiro Faria Lima, 3477 - "
        "Itaim Bibi\nSão Paulo - SP, 04538-133\nTel.: +55 11 5555-0123 | Cel.: +55 11 98765-4321\n",
        "BR",
        "pt",
        "plain",
        first_name="Rafael",
        last_name="Souza",
        title="Diretor Comercial",
        company="Cerrado Agro S.A.",
        street="Av. Brigadeiro Faria Lima, 3477 - Itaim Bibi",
        city="São Paulo",
        state="SP",
        postal_code="04538-133",
        phone="+551155550123",
        mobile="+5511987654321",
    ),
    _case(
        "086",
        "beatriz.lima@cariocatech.example",
        "Beatriz Lima",
        _gmail(
            "Oi Jordan, tudo certo!",
            "<b>Beatriz Lima</b> | Gerente de Parcerias",
            "Carioca Tech Ltda.",
            "WhatsApp: +55 21 99876-5432",
            attr="Em seg., 9 de fev. de 2026 às 15:10, Jordan Blake &lt;jordan.blake@stratus-demo"
            ".example&gt; escreveu:",
            quote="Oi Beatriz, segue a proposta.<br>Jordan Blake<br>Stratus Demo",
        ),
        "BR",
        "pt",
        "html",
        "gmail",
        "reply",
        "whatsapp",
        html=True,
        first_name="Beatriz",
        last_name="Lima",
        title="Gerente de Parcerias",
        company="Carioca Tech Ltda.",
        mobile="+5521998765432",
    ),
    _case(
        "087",
        "diego.hernandez@aztecaretail.example",
        "Diego Hernández",
        "Hola Jordan,\n\nGracias. Quedo atento.\n\nSaludos cordiales,\nLic. Diego Hernández "
        "Ruiz\nGerente de TI\nAzteca Retail S.A. de C.V.\nAv. Paseo de la Reforma 250, Col. "
        "Juárez, 06600 Ciudad de México, CDMX\nTel. +52 55 5555 0123\n",
        "MX",
        "es",
        "plain",
        "honorific",
        "compound-last",
        first_name="Diego",
        last_name="Hernández Ruiz",
        title="Gerente de TI",
        company="Azteca Retail S.A. de C.V.",
        street="Av. Paseo de la Reforma 250, Col. Juárez",
        city="Ciudad de México",
        state="CDMX",
        postal_code="06600",
        phone="+525555550123",
    ),
    _case(
        "088",
        "pieter.botha@capevineyards.example",
        "Pieter Botha",
        "Pieter Botha\nExport Manager\nCape Vineyards (Pty) Ltd\n14 Dorp Street, Stellenbosch, "
        "7600, South Africa\nT: +27 21 555 0123\n",
        "ZA",
        "en",
        "plain",
        "signature-only",
        first_name="Pieter",
        last_name="Botha",
        title="Export Manager",
        company="Cape Vineyards (Pty) Ltd",
        street="14 Dorp Street",
        city="Stellenbosch",
        postal_code="7600",
        country="South Africa",
        phone="+27215550123",
    ),
    _case(
        "089",
        "omar.khalil@gulfstarfm.example",
        "Omar Khalil",
        _owa(
            "Dear Jordan,<br>Noted, we will revert by Sunday.",
            "Best Regards,",
            "<b>Omar Khalil</b>",
            "Procurement Manager",
            "Gulf Star Facilities Management LLC",
            "Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai, UAE",
            "T: +971 4 555 0123 | M: +971 50 555 0123",
        ),
        "AE",
        "en",
        "html",
        "owa",
        html=True,
        first_name="Omar",
        last_name="Khalil",
        title="Procurement Manager",
        company="Gulf Star Facilities Management LLC",
        street="Office 1204, Al Moosa Tower 2, Sheikh Zayed Road",
        city="Dubai",
        country="UAE",
        phone="+97145550123",
        mobile="+971505550123",
    ),
    _case(
        "090",
        "agnieszka.nowak@wislasoft.example",
        "Agnieszka Nowak",
        "Hi Jordan,\n\nThanks, all clear.\n\nPozdrawiam / Best regards\nAgnieszka Nowak\n"
        "Key Account Manager\nWisła Soft Sp. z o.o.\nul. Marszałkowska 100, 00-026 Warszawa\n"
        "tel. +48 22 555 01 23\n",
        "PL",
        "en",
        "plain",
        "bilingual",
        first_name="Agnieszka",
        last_name="Nowak",
        title="Key Account Manager",
        company="Wisła Soft Sp. z o.o.",
        street="ul. Marszałkowska 100",
        city="Warszawa",
        postal_code="00-026",
        phone="+48225550123",
    ),
    _case(
        "091",
        "ville.korhonen@saimaa-energy.example",
        "Ville Korhonen",
        "Ville Korhonen\nSales Director, Nordics\nSaimaa Energy Oy\nMannerheimintie 12, "
        "00100 Helsinki, Finland\n+358 9 5550 123\n",
        "FI",
        "en",
        "plain",
        "signature-only",
        first_name="Ville",
        last_name="Korhonen",
        title="Sales Director, Nordics",
        company="Saimaa Energy Oy",
        street="Mannerheimintie 12",
        city="Helsinki",
        postal_code="00100",
        country="Finland",
        phone="+35895550123",
    ),
    _case(
        "092",
        "anna.svensson@gotaverken.example",
        "Anna Svensson",
        "Hej Jordan!\n\nTack för igår.\n\nVänliga hälsningar\nAnna Svensson\nInköpare\n"
        "Göta Verken AB\nTel: +46 8 555 012 34\n",
        "SE",
        "sv",
        "plain",
        first_name="Anna",
        last_name="Svensson",
        title="Inköpare",
        company="Göta Verken AB",
        phone="+46855501234",
    ),
    # -- Generated and designed signatures (tables, icons, logos) -----------------------------
    _case(
        "093",
        "grace.oconnell@tallpinesoftware.example",
        "Grace O'Connell",
        "<div>Hi Jordan,</div><div>Confirming our call tomorrow at 10 ET.</div><br>"
        + _designed(
            "Grace O'Connell",
            "Senior Director, Partnerships",
            "Tall Pine Software",
            _icons(
                ("phone", "(207) 555-0114"),
                ("emailAddress", "grace.oconnell@tallpinesoftware.example"),
                ("address", "2 Monument Square, Portland, ME 04101"),
            ),
            logo="Tall Pine Software logo",
        )
        + '<p style="font-size:10px;color:#999">Book a meeting with me: '
        "https://meetings.hubspot.example/grace-oconnell</p>",
        "US",
        "en",
        "html",
        "hubspot",
        "table",
        "logo",
        html=True,
        first_name="Grace",
        last_name="O'Connell",
        title="Senior Director, Partnerships",
        company="Tall Pine Software",
        phone="+12075550114",
        email="grace.oconnell@tallpinesoftware.example",
        street="2 Monument Square",
        city="Portland",
        state="ME",
        postal_code="04101",
    ),
    _case(
        "094",
        "oliver.hartmann@quellwerk.example",
        "Oliver Hartmann",
        "<p>Hi Jordan,</p><p>danke, das passt so.</p><p>Beste Grüße<br>Oliver</p>"
        '<table style="border-top:2px solid #0a7" cellpadding="0" cellspacing="0"><tr>'
        '<td style="padding:8px 12px 0 0"><img src="https://quellwerk.example/sig/oh.jpg" '
        'alt="Oliver Hartmann" width="72"></td><td style="padding-top:8px;font:12px Arial">'
        "<b>Oliver Hartmann</b><br>Head of Customer Operations<br>Quellwerk Software GmbH<br>"
        "Rosenthaler Str. 40-41, 10178 Berlin</td></tr><tr><td></td><td style='font:11px Arial'>"
        "T&nbsp;+49&nbsp;30&nbsp;12345678 &nbsp;·&nbsp; M&nbsp;+49&nbsp;171&nbsp;2345678</td>"
        "</tr></table>",
        "DE",
        "de",
        "html",
        "table",
        "headshot",
        html=True,
        first_name="Oliver",
        last_name="Hartmann",
        title="Head of Customer Operations",
        company="Quellwerk Software GmbH",
        street="Rosenthaler Str. 40-41",
        city="Berlin",
        postal_code="10178",
        phone="+493012345678",
        mobile="+491712345678",
    ),
    _case(
        "095",
        "natalie.brooks@summitcrm-partners.example",
        "Natalie Brooks",
        "<div>Jordan - the renewal quote looks right. Sending to legal.</div><br>"
        '<table cellpadding="0" cellspacing="0" border="0" style="font-family:Helvetica">'
        '<tr><td colspan="3" style="font-size:15px;font-weight:bold;color:#1b365d">Natalie '
        'Brooks</td></tr><tr><td colspan="3" style="font-size:12px">Salesforce Practice Lead '
        "&nbsp;|&nbsp; Summit CRM Partners</td></tr>"
        '<tr><td style="font-size:12px;padding-right:6px"><b>o</b></td><td style="font-size:12px">'
        '<a href="tel:+14045550162">404.555.0162</a></td><td></td></tr>'
        '<tr><td style="font-size:12px;padding-right:6px"><b>m</b></td><td style="font-size:12px">'
        '<a href="tel:+14045550163">404.555.0163</a></td><td></td></tr>'
        '<tr><td colspan="3"><a href="https://www.linkedin.com/in/nataliebrooks"><img '
        'src="https://cdn.sig.example/li.png" alt="LinkedIn" width="16"></a> <a '
        'href="https://x.example/summitcrm"><img src="https://cdn.sig.example/x.png" alt="X" '
        'width="16"></a></td></tr></table>',
        "US",
        "en",
        "html",
        "table",
        "social",
        html=True,
        first_name="Natalie",
        last_name="Brooks",
        title="Salesforce Practice Lead",
        company="Summit CRM Partners",
        phone="+14045550162",
        mobile="+14045550163",
    ),
    _case(
        "096",
        "marta.kowalczyk@lumosdesign.example",
        "Marta Kowalczyk",
        _gmail(
            "Hi Jordan,<br>Yes, Tuesday is fine.",
            '<img src="https://lumosdesign.example/sig/marta-name.png" alt="Marta Kowalczyk" '
            'width="180" height="36">',
            '<span style="color:#888">Creative Director</span>',
            '<img src="https://lumosdesign.example/sig/logo.png" alt="Lumos Design Studio" '
            'width="90">',
            "+44 20 7946 0617",
        ),
        "UK",
        "en",
        "html",
        "gmail",
        "name-in-image",
        "logo",
        html=True,
        first_name="Marta",
        last_name="Kowalczyk",
        title="Creative Director",
        company="Lumos Design Studio",
        phone="+442079460617",
    ),
    _case(
        "097",
        "ben.adeyemi@cloudharbor.example",
        "Ben Adeyemi",
        _owa(
            "Hey Jordan, quick heads up that our security review slipped a week.",
            '<table style="border-collapse:collapse"><tr><td style="border-right:2px solid '
            '#e2231a;padding-right:10px"><img src="https://cloudharbor.example/logo.png" '
            'alt="CloudHarbor"></td><td style="padding-left:10px;font-size:10pt"><b>Ben '
            "Adeyemi</b><br>Security Engineering Manager<br>CloudHarbor, Inc.<br>M "
            '<a href="tel:+12065550176">+1 (206) 555-0176</a></td></tr></table>',
        ),
        "US",
        "en",
        "html",
        "owa",
        "table",
        "logo",
        html=True,
        first_name="Ben",
        last_name="Adeyemi",
        title="Security Engineering Manager",
        company="CloudHarbor, Inc.",
        mobile="+12065550176",
    ),
    _case(
        "098",
        "e.leclerc@savoiesports.example",
        "Élodie Leclerc",
        "<div>Bonjour Jordan,</div><div>Je reviens vers vous lundi.</div><div>Bonne journée,"
        "</div><br><table><tr><td><img src='https://savoiesports.example/s.png' "
        "alt='Savoie Sports'></td><td><span style='font-size:14px'><b>Élodie LECLERC</b></span>"
        "<br>Responsable Grands Comptes<br>SAVOIE SPORTS<br>75 avenue de Genève, 74000 Annecy"
        "<br>☎ 04 50 55 01 23 &nbsp; 📱 07 55 55 01 21</td></tr></table>",
        "FR",
        "fr",
        "html",
        "table",
        "emoji-labels",
        "all-caps",
        html=True,
        first_name="Élodie",
        last_name="Leclerc",
        title="Responsable Grands Comptes",
        company="SAVOIE SPORTS",
        street="75 avenue de Genève",
        city="Annecy",
        postal_code="74000",
        phone="+33450550123",
        mobile="+33755550121",
    ),
    # -- vCard-ish blocks, labels after numbers, unusual separators ---------------------------
    _case(
        "099",
        "w.chen@pacificlumber.example",
        "William Chen",
        "Will ship Tuesday.\n\nName: William Chen\nTitle: Inside Sales Representative\n"
        "Company: Pacific Lumber Supply\nAddress: 4100 E Marginal Way S, Seattle, WA 98134\n"
        "Phone: 206-555-0157\nFax: 206-555-0158\nEmail: w.chen@pacificlumber.example\n",
        "US",
        "en",
        "plain",
        "vcard-ish",
        first_name="William",
        last_name="Chen",
        title="Inside Sales Representative",
        company="Pacific Lumber Supply",
        street="4100 E Marginal Way S",
        city="Seattle",
        state="WA",
        postal_code="98134",
        phone="+12065550157",
        fax="+12065550158",
        email="w.chen@pacificlumber.example",
    ),
    _case(
        "100",
        "d.okoro@harmonyhealth.example",
        "Daniel Okoro",
        "Daniel Okoro // Director of IT // Harmony Health Partners\n"
        "615 555 0140 (o) // 615 555 0141 (c) // harmonyhealth.example\n",
        "US",
        "en",
        "plain",
        "label-after",
        "slash-separator",
        "signature-only",
        first_name="Daniel",
        last_name="Okoro",
        title="Director of IT",
        company="Harmony Health Partners",
        phone="+16155550140",
        mobile="+16155550141",
        website="harmonyhealth.example",
    ),
    _case(
        "101",
        "sam.whitaker@ridgeviewcollege.example",
        "Sam Whitaker",
        "Thanks Jordan.\n\nSam Whitaker • Assistant Registrar • Ridgeview College\n"
        "500 College Ave • Ithaca • NY 14850\n607-555-0120 (main) • 607-555-0168 (mobile)\n",
        "US",
        "en",
        "plain",
        "dot-separator",
        "label-after",
        first_name="Sam",
        last_name="Whitaker",
        title="Assistant Registrar",
        company="Ridgeview College",
        street="500 College Ave",
        city="Ithaca",
        state="NY",
        postal_code="14850",
        phone="+16075550120",
        mobile="+16075550168",
    ),
    _case(
        "102",
        "laura.jensen@fjellgaard.example",
        "Laura Jensen",
        "Here are my details for your CRM:\n\nLaura Jensen\nSales Manager EMEA\n"
        "Fjellgaard Outdoor GmbH\nLindwurmstraße 88\n80337 München\nDeutschland\n"
        "Mobil/Mobile: +49 176 55501234\n",
        "DE",
        "en",
        "plain",
        "bilingual",
        first_name="Laura",
        last_name="Jensen",
        title="Sales Manager EMEA",
        company="Fjellgaard Outdoor GmbH",
        street="Lindwurmstraße 88",
        city="München",
        postal_code="80337",
        country="Deutschland",
        mobile="+4917655501234",
    ),
    _case(
        "103",
        "j.alvarez@sunbeltroofing.example",
        "Jose Alvarez",
        "Jose Alvarez\nEstimator\n------------------------------\nSunbelt Roofing & Sheet Metal\n"
        "2219 N Loop W, Houston, TX 77008\n713.555.0185 office\n832.555.0186 cell\n"
        "------------------------------\n",
        "US",
        "en",
        "plain",
        "label-after",
        "box-rule",
        "signature-only",
        first_name="Jose",
        last_name="Alvarez",
        title="Estimator",
        company="Sunbelt Roofing & Sheet Metal",
        street="2219 N Loop W",
        city="Houston",
        state="TX",
        postal_code="77008",
        phone="+17135550185",
        mobile="+18325550186",
    ),
    _case(
        "104",
        "hiroshi.mori@kansai-robotics.example",
        "Hiroshi Mori",
        "Hiroshi Mori, Ph.D. / General Manager, R&D Planning / Kansai Robotics Inc.\n"
        "Tel: +81-6-6555-0123 / Mobile: +81-80-5555-0123\n",
        "JP",
        "en",
        "plain",
        "slash-separator",
        "post-nominal",
        "signature-only",
        first_name="Hiroshi",
        last_name="Mori",
        title="General Manager, R&D Planning",
        company="Kansai Robotics Inc.",
        phone="+81665550123",
        mobile="+818055550123",
    ),
    _case(
        "105",
        "a.russo@gmail.com",
        "Alessandro Russo",
        "Ciao Jordan, ti scrivo dal mio indirizzo personale.\n\nAlessandro Russo\n"
        "Consulente IT freelance\ncell. 347 555 0123\n",
        "IT",
        "it",
        "plain",
        "free-mail",
        first_name="Alessandro",
        last_name="Russo",
        title="Consulente IT freelance",
        mobile="+393475550123",
    ),
    # -- Replies, forwards and threads ---------------------------------------------------------
    _case(
        "106",
        "kate.summers@bluepeakhr.example",
        "Kate Summers",
        _owa(
            "Jordan, sharing below from our CFO. We're a yes.<br><br>Kate",
            "Kate Summers",
            "HR Director | Blue Peak HR Services",
            "Tel 317-555-0171",
            reply_from="Mark Ellison &lt;mark.ellison@bluepeakhr.example&gt;",
            quote="Kate, approved up to $48k.<br><br>Mark Ellison<br>Chief Financial Officer<br>"
            "Blue Peak HR Services<br>317-555-0179",
        ),
        "US",
        "en",
        "html",
        "owa",
        "reply",
        "colleague-quoted",
        html=True,
        first_name="Kate",
        last_name="Summers",
        title="HR Director",
        company="Blue Peak HR Services",
        phone="+13175550171",
    ),
    _case(
        "107",
        "ian.forsyth@caledoniasteel.example",
        "Ian Forsyth",
        "> Can you share the implementation timeline?\n\nYes - attached, about 6 weeks.\n\n"
        "> And who owns the data migration?\n\nWe do, with your admin's help.\n\n"
        "Ian Forsyth\nImplementation Manager\nCaledonia Steel Ltd\n0131 496 0123\n\n"
        "On Mon, 9 Feb 2026 at 09:00, Jordan Blake <jordan.blake@stratus-demo.example> wrote:\n"
        + _quoted(
            "Hi Ian, two questions.\n\nJordan Blake\nAccount Executive, Stratus Demo\n"
            "+1 (206) 555-0100"
        ),
        "UK",
        "en",
        "plain",
        "inline-reply",
        "reply",
        first_name="Ian",
        last_name="Forsyth",
        title="Implementation Manager",
        company="Caledonia Steel Ltd",
        phone="+441314960123",
    ),
    _case(
        "108",
        "ravi.kapoor@northstarpharma.example",
        "Ravi Kapoor",
        "Jordan, forwarding the thread from our vendor-risk team - see their questions below.\n\n"
        "Ravi Kapoor\nSr. Manager, Commercial IT\nNorthstar Pharma\n908-555-0137\n\n"
        "---------- Forwarded message ---------\nFrom: Lisa Grant <lisa.grant@northstarpharma."
        "example>\nDate: Mon, Feb 9, 2026 at 3:02 PM\nSubject: Stratus questionnaire\n"
        "To: Ravi Kapoor <ravi.kapoor@northstarpharma.example>\n\nRavi, 12 questions attached.\n\n"
        "Lisa Grant\nVendor Risk Analyst\nNorthstar Pharma\n908-555-0138\n",
        "US",
        "en",
        "plain",
        "forward",
        first_name="Ravi",
        last_name="Kapoor",
        title="Sr. Manager, Commercial IT",
        company="Northstar Pharma",
        phone="+19085550137",
    ),
    _case(
        "109",
        "emma.richter@nordseewind.example",
        "Emma Richter",
        _mso(
            "Hi Jordan, see Jan's note below. Can you help?",
            "Best regards / Viele Grüße",
            "Emma Richter",
            "Senior Project Engineer",
            "Nordsee Wind Service GmbH",
            "Am Alten Hafen 118, 27568 Bremerhaven",
            "Phone +49 471 5555 0123",
            reply_from="Jan Petersen &lt;j.petersen@nordseewind.example&gt;",
            quote="Emma, we need API access for the SCADA export.<br><br>Jan Petersen<br>"
            "Teamleiter Software<br>Nordsee Wind Service GmbH<br>Tel. +49 471 5555 0199",
        ),
        "DE",
        "en",
        "html",
        "outlook",
        "reply",
        "colleague-quoted",
        html=True,
        first_name="Emma",
        last_name="Richter",
        title="Senior Project Engineer",
        company="Nordsee Wind Service GmbH",
        street="Am Alten Hafen 118",
        city="Bremerhaven",
        postal_code="27568",
        phone="+4947155550123",
    ),
    _case(
        "110",
        "c.dupuis@lumiere-hotels.example",
        "Céline Dupuis",
        "Merci Jordan, je transfère à notre DSI.\n\nCéline Dupuis\nDirectrice des achats\n"
        "Lumière Hôtels & Resorts\nTél. : 01 99 00 12 34\n\n-------- Message transféré "
        "--------\nDe : Jordan Blake <jordan.blake@stratus-demo.example>\nDate : lun. 9 févr. "
        "2026 à 10:04\nObjet : Proposition\nÀ : Céline Dupuis\n\nBonjour Céline,\nVoici notre "
        "proposition.\n\nJordan Blake\nStratus Demo\nTél. +1 206 555 0100\n",
        "FR",
        "fr",
        "plain",
        "forward",
        first_name="Céline",
        last_name="Dupuis",
        title="Directrice des achats",
        company="Lumière Hôtels & Resorts",
        phone="+33199001234",
    ),
    _case(
        "111",
        "liam.osullivan@corkmarine.example",
        "Liam O'Sullivan",
        "Liam O'Sullivan\nFleet Manager, Cork Marine Services Ltd\nM: +353 87 555 0124\n\n"
        "From: Jordan Blake <jordan.blake@stratus-demo.example>\nSent: Monday 9 February 2026 "
        "18:03\nTo: Liam O'Sullivan\nSubject: RE: Tracking\n\nLiam - does Thursday work?\n\n"
        "From: Liam O'Sullivan\nSent: Monday 9 February 2026 12:40\nSubject: Tracking\n\n"
        "Jordan, can you demo the vessel tracking module?\nLiam O'Sullivan\nFleet Manager, Cork "
        "Marine Services Ltd\nM: +353 87 555 0124\n",
        "IE",
        "en",
        "plain",
        "reply",
        "signature-only",
        "thread",
        first_name="Liam",
        last_name="O'Sullivan",
        title="Fleet Manager",
        company="Cork Marine Services Ltd",
        mobile="+353875550124",
    ),
    _case(
        "112",
        "t.nakamura@fujiview-hotels.example",
        "Takeshi Nakamura",
        _apple(
            "Jordan-san, thank you. Please see below from our GM.",
            "Takeshi Nakamura",
            "IT Manager, Fujiview Hotels",
            "+81 3 5555 0188",
            attr="On Feb 9, 2026, at 18:22, Yamada Hiro &lt;h.yamada@fujiview-hotels.example&gt; "
            "wrote:",
            quote="Nakamura-san, please confirm budget.<br>Hiro Yamada<br>General Manager<br>"
            "Fujiview Hotels<br>+81 3 5555 0100",
        ),
        "JP",
        "en",
        "html",
        "apple",
        "reply",
        "colleague-quoted",
        html=True,
        first_name="Takeshi",
        last_name="Nakamura",
        title="IT Manager",
        company="Fujiview Hotels",
        phone="+81355550188",
    ),
    _case(
        "113",
        "zoe.campbell@harbourlights.example",
        "Zoe Campbell",
        "Hi Jordan,\n\n"
        "I've cc'd Alex Moreno (alex.moreno@harbourlights.example, 0491 570 110) who runs our "
        "events team.\n\nThanks,\nZoe Campbell\nMarketing Manager\nHarbour Lights Events\n"
        "M 0491 570 157\n",
        "AU",
        "en",
        "plain",
        "other-person-in-body",
        first_name="Zoe",
        last_name="Campbell",
        title="Marketing Manager",
        company="Harbour Lights Events",
        mobile="+61491570157",
    ),
    _case(
        "114",
        "mario.conti@adriaticfoods.example",
        "Mario Conti",
        "Top-posting from my phone: yes to the 3-year term.\n\nMario\n\nInviato da Outlook per "
        "iOS\n________________________________\nDa: Mario Conti <mario.conti@adriaticfoods."
        "example>\nInviato: lunedì 9 febbraio 2026 10:15\nA: Jordan Blake\nOggetto: Contratto\n\n"
        "Jordan, ecco le nostre condizioni.\n\nMario Conti\nDirettore Vendite\nAdriatic Foods "
        "S.r.l.\nTel. +39 02 5555 0143\n",
        "IT",
        "en",
        "plain",
        "mobile-footer",
        "own-quoted",
        "unsigned",
    ),
    _case(
        "115",
        "h.schmidt@gmail.com",
        "Hans Schmidt",
        "Hallo Jordan,\n\nich leite dir die Nachricht meines Chefs weiter.\n\nGruß Hans\n\n"
        "---------- Forwarded message ---------\nVon: Dr. Frank Zimmer <f.zimmer@saarstahl-"
        "handel.example>\nDate: Mo., 9. Feb. 2026 um 11:02 Uhr\nSubject: Angebot\n\nBitte "
        "Angebot anfordern.\n\nDr. Frank Zimmer\nGeschäftsführer\nSaarstahl Handel GmbH\n"
        "Tel. +49 681 5555 0123\n",
        "DE",
        "de",
        "plain",
        "forward",
        "free-mail",
        "unsigned",
    ),
    # -- more of each region, mixed layouts ----------------------------------------------------
    _case(
        "116",
        "rebecca.lowe@foxglovepharmacy.example",
        "Rebecca Lowe",
        "Rebecca Lowe MPharm\nSuperintendent Pharmacist\nFoxglove Pharmacy Group\n"
        "17 High Street, Harrogate HG1 1HS\nTel: 01423 555 012\n",
        "UK",
        "en",
        "plain",
        "post-nominal",
        "signature-only",
        first_name="Rebecca",
        last_name="Lowe",
        title="Superintendent Pharmacist",
        company="Foxglove Pharmacy Group",
        street="17 High Street",
        city="Harrogate",
        postal_code="HG1 1HS",
        phone="+441423555012",
    ),
    _case(
        "117",
        "prof.anders@northbridge.example",
        "Katrin Anders",
        "Dear Jordan,\n\nthank you for the offer for our department.\n\nKind regards\n\n"
        "Prof. Dr. Katrin Anders\nLehrstuhl für Wirtschaftsinformatik / Chair of Information "
        "Systems\nNorthbridge University of Applied Sciences\nTel. +49 211 5555 0199\n",
        "DE",
        "en",
        "plain",
        "honorific",
        "bilingual",
        first_name="Katrin",
        last_name="Anders",
        title="Lehrstuhl für Wirtschaftsinformatik / Chair of Information Systems",
        company="Northbridge University of Applied Sciences",
        phone="+4921155550199",
    ),
    _case(
        "118",
        "sandra.ramirez@goldenstate-ag.example",
        "Sandra Ramirez",
        _gmail(
            "Hi Jordan, any update on the pricing?",
            "Sandra Ramirez",
            "Operations Manager",
            "Golden State Ag Cooperative",
            "1501 N Street",
            "Sacramento, California 95814",
            "Office: 916-555-0133",
            "Cell: 916-555-0134",
            "<i>Please note my new email address.</i>",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "full-state",
        html=True,
        first_name="Sandra",
        last_name="Ramirez",
        title="Operations Manager",
        company="Golden State Ag Cooperative",
        street="1501 N Street",
        city="Sacramento",
        state="California",
        postal_code="95814",
        phone="+19165550133",
        mobile="+19165550134",
    ),
    _case(
        "119",
        "pmorin@laurentidesbois.example",
        "Pascal Morin",
        "Salut Jordan,\n\nC'est beau pour moi.\n\nPascal\n\n--\nPascal Morin\nVice-président, "
        "Opérations\nLes Bois des Laurentides inc.\n1215, rue de la Gare-du-Palais\n"
        "Saint-Jérôme (Québec)  J7Z 5V4\nT 450 555-0111\nTéléc. 450 555-0112\n",
        "CA",
        "fr",
        "plain",
        "fax",
        first_name="Pascal",
        last_name="Morin",
        title="Vice-président, Opérations",
        company="Les Bois des Laurentides inc.",
        street="1215, rue de la Gare-du-Palais",
        city="Saint-Jérôme",
        state="Québec",
        postal_code="J7Z 5V4",
        phone="+14505550111",
        fax="+14505550112",
    ),
    _case(
        "120",
        "m.leblanc@acadiemaritime.example",
        "Monique LeBlanc",
        "Monique LeBlanc\nDirector of Operations | Directrice des opérations\nAcadie Maritime "
        "Ltd. / Acadie Maritime ltée\n1 Main Street, Moncton, NB  E1C 1B9\n"
        "Tel./Tél. 506-555-0149\n",
        "CA",
        "en",
        "plain",
        "bilingual",
        "signature-only",
        first_name="Monique",
        last_name="LeBlanc",
        title="Director of Operations | Directrice des opérations",
        company="Acadie Maritime Ltd. / Acadie Maritime ltée",
        street="1 Main Street",
        city="Moncton",
        state="NB",
        postal_code="E1C 1B9",
        phone="+15065550149",
    ),
    _case(
        "121",
        "lachlan.reid@outbackmining.example",
        "Lachlan Reid",
        _owa(
            "Jordan - happy to trial it on one site first.",
            "<b>LACHLAN REID</b>",
            "Chief Operating Officer",
            "Outback Mining Services",
            "Level 20, 240 St Georges Terrace, Perth WA 6000",
            "Mobile 0412 555 019",
            "<span style='font-size:8pt'>This email is confidential. If received in error please "
            "notify the sender on 1300 555 012 and delete it.</span>",
        ),
        "AU",
        "en",
        "html",
        "owa",
        "all-caps",
        "disclaimer",
        html=True,
        first_name="Lachlan",
        last_name="Reid",
        title="Chief Operating Officer",
        company="Outback Mining Services",
        street="Level 20, 240 St Georges Terrace",
        city="Perth",
        state="WA",
        postal_code="6000",
        mobile="+61412555019",
    ),
    _case(
        "122",
        "f.ahmadi@westlandsurvey.example",
        "Farah Ahmadi",
        "Farah Ahmadi\nPrincipal Surveyor\nWestland Survey Group\nSuite 4, 22 Grenfell Street, "
        "Adelaide SA 5000\nPh. 08 5550 1234\nwww.westlandsurvey.example\n",
        "AU",
        "en",
        "plain",
        "signature-only",
        first_name="Farah",
        last_name="Ahmadi",
        title="Principal Surveyor",
        company="Westland Survey Group",
        street="Suite 4, 22 Grenfell Street",
        city="Adelaide",
        state="SA",
        postal_code="5000",
        phone="+61855501234",
        website="www.westlandsurvey.example",
    ),
    _case(
        "123",
        "noah.fischer@alpenkaese.example",
        "Noah Fischer",
        "Hoi Jordan\n\nMerci vielmal, passt.\n\nGruess\nNoah\n\nNoah Fischer\nLeiter Verkauf\n"
        "Alpenkäse Emmental AG\nDorfstrasse 4\n3550 Langnau i.E.\nTel. 034 555 01 23\n",
        "CH",
        "de",
        "plain",
        first_name="Noah",
        last_name="Fischer",
        title="Leiter Verkauf",
        company="Alpenkäse Emmental AG",
        street="Dorfstrasse 4",
        city="Langnau i.E.",
        postal_code="3550",
        phone="+41345550123",
    ),
    _case(
        "124",
        "isabel.moreno@andaluciasolar.example",
        "Isabel Moreno",
        "Isabel Moreno Ruiz\nResponsable de Compras\nAndalucía Solar S.A.\n"
        "Avda. de la Constitución 18, 41001 Sevilla\nT. 954 55 01 23 | M. 612 345 679\n\n"
        "Le informamos de que sus datos personales serán tratados conforme al Reglamento "
        "(UE) 2016/679. Este mensaje es confidencial.\n",
        "ES",
        "es",
        "plain",
        "compound-last",
        "disclaimer",
        "signature-only",
        first_name="Isabel",
        last_name="Moreno Ruiz",
        title="Responsable de Compras",
        company="Andalucía Solar S.A.",
        street="Avda. de la Constitución 18",
        city="Sevilla",
        postal_code="41001",
        phone="+34954550123",
        mobile="+34612345679",
    ),
    _case(
        "125",
        "v.rao@deccanlogistics.example",
        "Vikram Rao",
        "Hi Jordan,\n\nNoted. Will share by EOD.\n\nRegards,\nVikram Rao | Head - Supply Chain | "
        "Deccan Logistics Ltd\nPlot 12, HITEC City, Hyderabad 500081 | +91 40 5555 0123\n\n"
        "Sent from my Galaxy\n",
        "IN",
        "en",
        "plain",
        "pipe",
        "mobile-footer",
        first_name="Vikram",
        last_name="Rao",
        title="Head - Supply Chain",
        company="Deccan Logistics Ltd",
        street="Plot 12, HITEC City",
        city="Hyderabad",
        postal_code="500081",
        phone="+914055550123",
    ),
    _case(
        "126",
        "thomas.becker@spreewald-bau.example",
        "Thomas Becker",
        "Thomas Becker\nBauleiter\n\nSpreewald Bau GmbH\nBahnhofstraße 3, 03046 Cottbus\n\n"
        "0355 5555 0123 (Büro)\n0160 5550124 (Handy)\n",
        "DE",
        "de",
        "plain",
        "label-after",
        "signature-only",
        first_name="Thomas",
        last_name="Becker",
        title="Bauleiter",
        company="Spreewald Bau GmbH",
        street="Bahnhofstraße 3",
        city="Cottbus",
        postal_code="03046",
        phone="+4935555550123",
        mobile="+491605550124",
    ),
    _case(
        "127",
        "k.obi@lagosfintech.example",
        "Kelechi Obi",
        "Kelechi Obi\nHead of Partnerships, Lagos Fintech Hub\n+234 803 555 0123 (WhatsApp)\n",
        "NG",
        "en",
        "plain",
        "whatsapp",
        "signature-only",
        first_name="Kelechi",
        last_name="Obi",
        title="Head of Partnerships",
        company="Lagos Fintech Hub",
        mobile="+2348035550123",
    ),
    _case(
        "128",
        "anne-sophie.lefevre@lillemetal.example",
        "Anne-Sophie Lefèvre",
        _mso(
            "Bonjour Jordan,<br>Pouvons-nous décaler à 15h ?",
            "Anne-Sophie Lefèvre",
            "Acheteuse Projets",
            "Lille Métal Industrie",
            "CS 30012 - 59044 Lille Cedex",
            "Standard : 03 20 55 01 23",
        ),
        "FR",
        "fr",
        "html",
        "outlook",
        "cedex",
        "hyphenated-first",
        html=True,
        first_name="Anne-Sophie",
        last_name="Lefèvre",
        title="Acheteuse Projets",
        company="Lille Métal Industrie",
        street="CS 30012",  # no street line: the box (round 4)
        city="Lille",
        postal_code="59044",
        phone="+33320550123",
    ),
    _case(
        "129",
        "g.papadopoulos@aegeanship.example",
        "Georgios Papadopoulos",
        "Georgios Papadopoulos\nChartering Manager\nAegean Shipping S.A.\n"
        "85 Akti Miaouli, 185 38 Piraeus, Greece\nT: +30 210 555 0123\n",
        "GR",
        "en",
        "plain",
        "signature-only",
        first_name="Georgios",
        last_name="Papadopoulos",
        title="Chartering Manager",
        company="Aegean Shipping S.A.",
        street="85 Akti Miaouli",
        city="Piraeus",
        postal_code="185 38",
        country="Greece",
        phone="+302105550123",
    ),
    _case(
        "130",
        "r.dasilva@lisboatech.example",
        "Rita da Silva",
        "Olá Jordan,\n\nObrigada!\n\nRita da Silva\nGestora de Produto\nLisboa Tech, Lda.\n"
        "Av. da Liberdade 110, 1269-046 Lisboa, Portugal\nTel. +351 21 555 0123\n",
        "PT",
        "pt",
        "plain",
        "particle",
        first_name="Rita",
        last_name="da Silva",
        title="Gestora de Produto",
        company="Lisboa Tech, Lda.",
        street="Av. da Liberdade 110",
        city="Lisboa",
        postal_code="1269-046",
        country="Portugal",
        phone="+351215550123",
    ),
    _case(
        "131",
        "mark.taylor@ridgelinesec.example",
        "Mark Taylor",
        _moz(
            "Jordan,<br><br>Patch notes received, thanks.",
            "Mark Taylor",
            "Principal Security Architect",
            "Ridgeline Security Ltd",
            "PGP: 0x4F2A 9B11 C3D7 88E0",
            "+44 117 496 0555",
        ),
        "UK",
        "en",
        "html",
        "thunderbird",
        html=True,
        first_name="Mark",
        last_name="Taylor",
        title="Principal Security Architect",
        company="Ridgeline Security Ltd",
        phone="+441174960555",
    ),
    _case(
        "132",
        "j.kaminski@lakeshorepaper.example",
        "Jan Kaminski",
        "Jordan,\n\nPricing looks fine.\n\n-- \nJan Kaminski\nPurchasing, Lakeshore Paper Co.\n"
        "Tel (414) 555-0102\n",
        "US",
        "en",
        "plain",
        "thunderbird",
        "name-comma-title",
        first_name="Jan",
        last_name="Kaminski",
        title="Purchasing",
        company="Lakeshore Paper Co.",
        phone="+14145550102",
    ),
    _case(
        "133",
        "sofia.marino@gmail.com",
        "Sofia Marino",
        _gmail(
            "Hi Jordan, writing from my personal account while travelling.",
            "Sofia Marino",
            "VP Sales, Marino Imports LLC",
            "(646) 555-0119 | marinoimports.example",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "free-mail",
        html=True,
        first_name="Sofia",
        last_name="Marino",
        title="VP Sales",
        company="Marino Imports LLC",
        phone="+16465550119",
        website="marinoimports.example",
    ),
    _case(
        "134",
        "pat.murphy@greenisleag.example",
        "Pat Murphy",
        "Pat Murphy\nCEO\nGreen Isle Agritech\n\nRegistered in Ireland No. 512345. Registered "
        "office: Unit 5, Athlone Business Park, Athlone, Co. Westmeath, N37 X2Y4.\n",
        "IE",
        "en",
        "plain",
        "registration",
        "signature-only",
        first_name="Pat",
        last_name="Murphy",
        title="CEO",
        company="Green Isle Agritech",
    ),
    _case(
        "135",
        "l.moreau@gmail.com",
        "Léa Moreau",
        "Bonjour Jordan,\n\nMerci !\n\nLéa Moreau\nConsultante indépendante\n"
        "Tél. 07 55 55 01 22 (portable)\n",
        "FR",
        "fr",
        "plain",
        "free-mail",
        "label-after",
        first_name="Léa",
        last_name="Moreau",
        title="Consultante indépendante",
        mobile="+33755550122",
    ),
    # -- No signature: invites, automated mail, newsletters, bare replies ---------------------
    _case(
        "136",
        "calendar-notification@google.example",
        "Google Calendar",
        "Invitation: Stratus onboarding kickoff @ Wed Feb 18, 2026 11am - 12pm (EST) "
        "(jordan.blake@stratus-demo.example)\n\nJoin Google Meet\nmeet.google.example/abc-defg-hij"
        "\n\nJoin by phone\n(US) +1 347-555-0190 PIN: 123 456 789#\n\nOrganizer\nPriya Natarajan\n"
        "priya.natarajan@helixbio.example\n\nGuests\nPriya Natarajan - organizer\nJordan Blake\n\n"
        "View all guest info\nReply for jordan.blake@stratus-demo.example\nYes / No / Maybe\n\n"
        "Invitation from Google Calendar\nYou are receiving this email because you are an "
        "attendee on the event.\n",
        "US",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "137",
        "no-reply@zoom.example",
        "Zoom",
        "Hi there,\n\nLisa Grant is inviting you to a scheduled Zoom meeting.\n\nTopic: Vendor "
        "risk review\nTime: Feb 19, 2026 02:00 PM Eastern Time (US and Canada)\n\nJoin Zoom "
        "Meeting\nhttps://zoom.example/j/8125550142\nMeeting ID: 812 5550 142\nPasscode: 991204\n"
        "\nOne tap mobile\n+16465550193,,8125550142# US (New York)\n\nZoom Video Communications, "
        "Inc.\n55 Almaden Blvd, San Jose, CA 95113\n",
        "US",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "138",
        "dan.whitley@ironvale.example",
        "Dan Whitley",
        _owa(
            "<b>Accepted: Stratus pricing review</b><br>Dan Whitley has accepted this meeting."
            "<br>When: Thursday, February 19, 2026 1:00 PM-1:30 PM (UTC-06:00) Central Time (US "
            "&amp; Canada)<br>Where: Microsoft Teams Meeting"
        ),
        "US",
        "en",
        "html",
        "owa",
        "invite",
        "unsigned",
        html=True,
    ),
    _case(
        "139",
        "k.fischer@alpenblick-bank.example",
        "Katrin Fischer",
        "Vielen Dank für Ihre Nachricht. Ich bin vom 16.02. bis 27.02.2026 im Urlaub. Ihre "
        "E-Mail wird nicht weitergeleitet. In dringenden Fällen erreichen Sie unser Sekretariat "
        "unter +49 89 5555 0100.\n\nThank you for your message. I am on leave until 27 February "
        "2026. For urgent matters please call +49 89 5555 0100.\n\nAlpenblick Privatbank AG · "
        "Maximilianstraße 10 · 80539 München\n",
        "DE",
        "de",
        "plain",
        "out-of-office",
        "bilingual",
        "unsigned",
    ),
    _case(
        "140",
        "carlos.mendez@iberlogix.example",
        "Carlos Méndez",
        "Gracias por su mensaje. Estaré fuera de la oficina hasta el 2 de marzo sin acceso al "
        "correo. Para asuntos urgentes, contacte con María José García "
        "(mj.garcia@iberlogix.example, +34 91 555 01 23).\n",
        "ES",
        "es",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "141",
        "ops@harborpointcap.example",
        "Harbor Point Ops",
        "Automatic reply: Thank you for contacting Harbor Point Capital. This mailbox is "
        "monitored Monday to Friday, 9am-5pm PT. We will respond within one business day.\n\n"
        "Harbor Point Capital\nOne Embarcadero Center, 38th Floor\nSan Francisco, CA 94111\n"
        "415 555 0100\n",
        "US",
        "en",
        "plain",
        "out-of-office",
        "auto-reply",
        "unsigned",
    ),
    _case(
        "142",
        "news@cloudharbor.example",
        "CloudHarbor",
        '<table width="600" align="center"><tr><td><img src="https://cloudharbor.example/hdr.png"'
        ' alt="CloudHarbor"></td></tr><tr><td><h1>Introducing CloudHarbor Shield</h1><p>Zero-'
        "trust access for every workload. Register for the launch webinar on March 3.</p><a "
        'href="https://cloudharbor.example/webinar">Save my seat</a></td></tr><tr><td '
        'style="font-size:11px;color:#888">CloudHarbor, Inc. · 1200 Westlake Ave N, Seattle, '
        "WA 98109 · United States<br>+1 (206) 555-0170<br>You received this email because you "
        "subscribed to product updates. <a href='https://cloudharbor.example/u'>Unsubscribe</a>"
        " · <a href='https://cloudharbor.example/p'>Manage preferences</a></td></tr></table>",
        "US",
        "en",
        "html",
        "newsletter",
        "unsigned",
        html=True,
    ),
    _case(
        "143",
        "events@saasconnect.example",
        "SaaS Connect Europe",
        "SaaS Connect Europe 2026 - early-bird pricing ends Friday!\n\nJoin 3,000 revenue "
        "leaders in Amsterdam on 14-15 May.\n\nRegister: https://saasconnect.example/register\n\n"
        "SaaS Connect Events B.V. | Herengracht 500 | 1017 CB Amsterdam | The Netherlands\n"
        "+31 20 555 0199 | KvK 87654321\nUnsubscribe | Privacy policy\n",
        "NL",
        "en",
        "plain",
        "newsletter",
        "unsigned",
    ),
    _case(
        "144",
        "dse@docusign.example",
        "Tanya Whitfield via DocuSign",
        "Tanya Whitfield sent you a document to review and sign.\n\nREVIEW DOCUMENT\n\n"
        "Tanya Whitfield\ntanya.whitfield@meridianhs.example\n\nPlease DocuSign: Stratus MSA "
        "2026.pdf\n\nDo Not Share This Email\nThis email contains a secure link to DocuSign. "
        "Please do not share this email, link, or access code with others.\n\nAbout DocuSign\n"
        "Sign documents electronically in just minutes.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "145",
        "noreply@salesforce.example",
        "Salesforce",
        "Task Reminder\n\nSubject: Follow up with Marcus Delgado\nDue Date: 2/12/2026\n"
        "Related To: Ironvale Manufacturing - 40 seats\n\nTo view the task, click: "
        "https://stratus-demo.my.salesforce.example/00T5e00000AbCdE\n\nSalesforce, Inc.\n"
        "415 Mission Street, 3rd Floor, San Francisco, CA 94105\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "146",
        "support@helpdesk.lumenhousing.example",
        "Lumen Housing IT Support",
        "[Ticket #48213] Your request has been received\n\nHello,\n\nThank you for contacting "
        "IT Support. A member of our team will respond within 2 working days. Please quote the "
        "ticket number in any correspondence.\n\nKind regards,\nIT Service Desk\n"
        "Lumen Housing Association\n0161 496 0400\n\nThis is an automated message - please do "
        "not reply.\n",
        "UK",
        "en",
        "plain",
        "notification",
        "auto-reply",
        "unsigned",
    ),
    _case(
        "147",
        "mailer-daemon@mx.stratus-demo.example",
        "Mail Delivery Subsystem",
        "Delivery has failed to these recipients or groups:\n\nm.schulz@hanse-logistik.example\n"
        "The email address you entered couldn't be found.\n\nDiagnostic information for "
        "administrators:\nRemote server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not "
        "found'\n\nOriginal message headers:\nFrom: Jordan Blake <jordan.blake@stratus-demo."
        "example>\nSubject: Follow-up\n",
        "DE",
        "en",
        "plain",
        "bounce",
        "unsigned",
    ),
    _case(
        "148",
        "noreply@calendly.example",
        "Calendly",
        "Hi Jordan Blake,\n\nA new event has been scheduled.\n\nEvent Type: 30 Minute Discovery "
        "Call\nInvitee: Sam Whitaker\nInvitee Email: sam.whitaker@ridgeviewcollege.example\n"
        "Event Date/Time: 10:00am - Friday, February 20, 2026 (Eastern Time)\nLocation: "
        "+1 607-555-0168\n\nView event in Calendly\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "149",
        "billing@shipfast.example",
        "ShipFast Billing",
        "Your invoice INV-2026-0142 for $1,240.00 is due on March 1, 2026.\n\nPay online: "
        "https://shipfast.example/pay\n\nQuestions? Call 1-800-555-0199.\n\nShipFast Logistics, "
        "Inc. | 300 Industrial Pkwy | Memphis, TN 38118\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "150",
        "notifications@linkedin.example",
        "LinkedIn",
        "Jessica Park has accepted your invitation. Let's start a conversation.\n\nJessica Park\n"
        "Director of Growth Marketing @ NorthLoop\nMinneapolis, Minnesota\n\nMessage\n\n"
        "This email was intended for Jordan Blake (Account Executive at Stratus Demo). "
        "Unsubscribe\n© 2026 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "151",
        "greg.mcallister@pinecrestins.example",
        "Greg McAllister",
        "Thanks!\nSent from my phone\n",
        "US",
        "en",
        "plain",
        "mobile-footer",
        "one-line",
        "unsigned",
    ),
    _case(
        "152",
        "emma.hughes@kilnworks.example",
        "Emma Hughes",
        "Sounds good, talk then.\n\n- E\n",
        "UK",
        "en",
        "plain",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "153",
        "b.mitchell@redgumconstruction.example",
        "Brad Mitchell",
        _gmail(
            "ok",
            attr="On Tue, 10 Feb 2026 at 08:15, Jordan Blake &lt;jordan.blake@stratus-demo."
            "example&gt; wrote:",
            quote="Hi Brad, does 2pm suit?<br><br>Jordan Blake<br>Account Executive<br>Stratus "
            "Demo<br>+1 206 555 0100<br><br>On Mon, 9 Feb 2026, Brad Mitchell wrote:<br>Brad "
            "Mitchell<br>Project Director<br>Redgum Construction Pty Ltd<br>M 0491 570 156",
        ),
        "AU",
        "en",
        "html",
        "gmail",
        "reply",
        "one-line",
        "unsigned",
        html=True,
    ),
    _case(
        "154",
        "m.leblanc@acadiemaritime.example",
        "Monique LeBlanc",
        "Get Outlook for Android<https://aka.ms/AAb9ysg>\n________________________________\n"
        "From: Jordan Blake <jordan.blake@stratus-demo.example>\nSent: Monday, February 9, 2026 "
        "3:11:52 PM\nTo: Monique LeBlanc <m.leblanc@acadiemaritime.example>\nSubject: Renewal\n\n"
        "Hi Monique, renewal quote attached.\n\nJordan Blake\nAccount Executive\nStratus Demo\n"
        "+1 206 555 0100\n",
        "CA",
        "en",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
    _case(
        "155",
        "lwu@harborpointcap.example",
        "Lydia Wu",
        _apple(
            "👍",
            "Sent from my iPad",
            attr="On Feb 9, 2026, at 4:45 PM, Jordan Blake &lt;jordan.blake@stratus-demo.example"
            "&gt; wrote:",
            quote="Lydia, the MSA redlines are in.<br><br>Jordan Blake<br>Stratus Demo<br>(206) "
            "555-0100",
        ),
        "US",
        "en",
        "html",
        "apple",
        "mobile-footer",
        "reply",
        "unsigned",
        html=True,
    ),
    _case(
        "156",
        "priya.chandra@lumenhousing.example",
        "Priya Chandra",
        "FYI\n\n________________________________\nFrom: Tom Ashworth <tom.ashworth@brindleyco."
        "example>\nSent: 09 February 2026 10:02\nTo: Priya Chandra <priya.chandra@lumenhousing."
        "example>\nSubject: Survey results\n\nPriya, results attached.\n\nTom Ashworth BSc "
        "(Hons) MRICS\nAssociate Director | Brindley & Co Chartered Surveyors\nt 0113 496 0788\n",
        "UK",
        "en",
        "plain",
        "forward",
        "unsigned",
    ),
    _case(
        "157",
        "r.santiago@cobaltfreight.example",
        "Rafael Santiago",
        "Please see attached.\n\nThis email and any files transmitted with it are confidential "
        "and intended solely for the use of the individual or entity to whom they are "
        "addressed. If you have received this email in error please notify the system manager. "
        "Cobalt Freight Solutions, 8200 NW 33rd St, Doral, FL 33122.\n",
        "US",
        "en",
        "plain",
        "disclaimer",
        "unsigned",
    ),
    _case(
        "158",
        "no-reply@tracking.shipfast.example",
        "ShipFast",
        "Your shipment 1Z999AA10123456784 is out for delivery.\n\nDeliver to:\nJordan Blake\n"
        "Stratus Demo\n1201 3rd Ave, Suite 900\nSeattle, WA 98101\n\nTrack: https://shipfast."
        "example/t/1Z999AA10123456784\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "159",
        "surveys@feedback.example",
        "Customer Feedback",
        "How likely are you to recommend Stratus Demo to a colleague?\n\n0 1 2 3 4 5 6 7 8 9 10"
        "\n\nThis survey is sent on behalf of Stratus Demo by Feedback Example Ltd, 10 Queen "
        "Street Place, London EC4R 1AG, United Kingdom.\n",
        "UK",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "160",
        "teams@teams.example",
        "Microsoft Teams",
        _owa(
            "Hi Jordan, you have 3 unread messages in <b>Stratus / Ironvale</b>.<br><br>"
            "<b>Marcus Delgado</b>: can we move the call?<br><b>Dan Whitley</b>: works for me<br>"
            "<br>Open Microsoft Teams<br><br>Microsoft Corporation, One Microsoft Way, Redmond, "
            "WA 98052"
        ),
        "US",
        "en",
        "html",
        "owa",
        "notification",
        "unsigned",
        html=True,
    ),
    _case(
        "161",
        "l.steiner@alpinsoft.example",
        "Lukas Steiner",
        "Lesebestätigung\n\nIhre Nachricht\n\nAn: Lukas Steiner\nBetreff: Offerte CHF\n"
        "Gesendet: Montag, 9. Februar 2026 16:03:11 (UTC+01:00)\n\nwurde am Montag, 9. Februar "
        "2026 16:40:02 (UTC+01:00) gelesen.\n",
        "CH",
        "de",
        "plain",
        "notification",
        "read-receipt",
        "unsigned",
    ),
    _case(
        "162",
        "jb.morel@provence-emballages.example",
        "Jean-Baptiste Morel",
        "Ok pour moi.\n\nEnvoyé de mon iPhone\n\n> Le 10 févr. 2026 à 09:30, Jordan Blake "
        "<jordan.blake@stratus-demo.example> a écrit :\n>\n> Bonjour Jean-Baptiste,\n> "
        "confirmez-vous la date ?\n",
        "FR",
        "fr",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
]
