"""The BLIND signatures: written by hand without reading the parser or its tests, so that they
measure whether the parser generalises (docs/records.md, "The blind set"). Same case structure
and labelling conventions as heldout.py: what a careful reader would type into the Lead form from
the newest message's signature, as written there. Phones in E.164 without extensions, the kind
(mobile, fax) by label, an unlabelled or "Direct"/"Office"/"T" number is the phone; a country
only when the text names it; no company guessed from the domain; honorifics (Dr., Prof.) and
post-nominals (PhD, MBA) are not part of the names; a name written in capitals is labelled as
the From header writes it. An email without a signature of its newest message (an invite, an
out-of-office reply, a newsletter, a notification, a bare sign-off, a forward whose only
signature is the forwarded sender's) expects nothing.

Nobody tunes the parser on these: a miss here is a finding, not a case to edit.
"""

from __future__ import annotations

from typing import Any


def _case(
    ident: str, sender: str, name: str | None, body: str, *tags: str, html: bool = False, **exp: str
) -> dict[str, Any]:
    case: dict[str, Any] = {
        "id": f"blind-{ident}",
        "from": {"email": sender, **({"name": name} if name else {})},
        "expected": exp,
        "tags": list(tags),
    }
    case["html" if html else "text"] = body
    return case


def _quoted(text: str) -> str:
    """A bottom-quoted history as plain-text clients write it: every line behind "> "."""
    return "".join(f"> {line}\n" if line else ">\n" for line in text.splitlines())


def _outlook_header(who: str, address: str, subject: str) -> str:
    """The plain-text header Outlook puts above the message it replies to or forwards."""
    return (
        f"\n________________________________\nFrom: {who} <{address}>\n"
        f"Sent: Tuesday, March 11, 2025 4:12 PM\nTo: Sales Team <sales@stratus.example>\n"
        f"Subject: {subject}\n\n"
    )


def _mso(body: str, *lines: str, reply_from: str = "", quote: str = "") -> str:
    """Outlook for Windows HTML: MsoNormal paragraphs, optionally above a quoted message."""
    sig = "".join(
        f'<p class="MsoNormal"><span style="font-size:9.0pt;font-family:Arial">{x}</span></p>'
        for x in lines
    )
    out = (
        '<html><body lang="EN-US"><div class="WordSection1">'
        f'<p class="MsoNormal">{body}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        f"{sig}"
    )
    if reply_from:
        out += (
            '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div style="border:none;border-top:solid '
            '#E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal"><b>From:</b> '
            f"{reply_from}<br><b>Sent:</b> Monday, March 10, 2025 9:41 AM<br><b>To:</b> "
            "Sales Team &lt;sales@stratus.example&gt;<br><b>Subject:</b> RE: Proposal</p></div>"
            f'<p class="MsoNormal">{quote}</p>'
        )
    return out + "</div></body></html>"


def _gmail(body: str, *lines: str, quote_attr: str = "", quote: str = "") -> str:
    """Gmail's web client: the signature in div.gmail_signature, the history in gmail_quote."""
    sig = (
        '-- <br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">'
        f'<div dir="ltr">{"<br>".join(lines)}</div></div>'
        if lines
        else ""
    )
    out = f'<div dir="ltr"><div>{body}</div><div><br></div>{sig}</div>'
    if quote_attr:
        out += (
            f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{quote_attr}<br>'
            '</div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{quote}</blockquote></div>'
        )
    return out


def _apple(body: str, *lines: str, quote_attr: str = "", quote: str = "") -> str:
    """Apple Mail: one div per line, the history in blockquote type=cite."""
    out = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        f'<body style="overflow-wrap: break-word;"><div>{body}</div><br><div>'
        + "".join(f"<div>{x}</div>" for x in lines)
        + "</div>"
    )
    if quote_attr:
        out += (
            f'<div><br><blockquote type="cite"><div>{quote_attr}</div><br>'
            f"<div>{quote}</div></blockquote></div>"
        )
    return out + "</body></html>"


def _table(body: str, alt: str, *lines: str) -> str:
    """A designed signature: a logo cell (an <img> with alt text) beside a cell of lines."""
    return (
        f'<html><body><p>{body}</p><br><table cellpadding="0" cellspacing="0" '
        'style="border-collapse:collapse"><tr><td style="padding-right:12px;border-right:2px '
        f'solid #0a6ebd"><img src="cid:logo@01DB" alt="{alt}" width="80" height="80"></td>'
        '<td style="padding-left:12px;font-family:Helvetica;font-size:12px">'
        + "<br>".join(lines)
        + "</td></tr></table></body></html>"
    )


CASES: list[dict[str, Any]] = [
    # -- US, plain text ----------------------------------------------------------------------
    _case(
        "001",
        "marcus.bell@ironbarkcap.example",
        "Marcus Bell",
        "Hi Jordan,\n\nWe reviewed the revised terms and are ready to sign.\n\nBest,\n"
        "Marcus Bell\nSenior Vice President, Corporate Development\nIronbark Capital Partners\n"
        "450 Lexington Avenue, 18th Floor\nNew York, NY 10017\nDirect: (646) 555-0110\n"
        "Mobile: (917) 555-0183\n",
        "US",
        "en",
        "plain",
        first_name="Marcus",
        last_name="Bell",
        title="Senior Vice President, Corporate Development",
        company="Ironbark Capital Partners",
        street="450 Lexington Avenue, 18th Floor",
        city="New York",
        state="NY",
        postal_code="10017",
        phone="+16465550110",
        mobile="+19175550183",
    ),
    _case(
        "002",
        "lwashington@tidewaterhealth.example",
        "Lauren Washington",
        "Thanks for the quick turnaround.\n\nLauren Washington, RN, MSN\nDirector of Nursing "
        "Informatics\nTidewater Regional Health\n600 Gresham Drive\nNorfolk, VA 23507\n"
        "t 757.555.0141  f 757.555.0142\n",
        "US",
        "en",
        "plain",
        "post-nominals",
        first_name="Lauren",
        last_name="Washington",
        title="Director of Nursing Informatics",
        company="Tidewater Regional Health",
        street="600 Gresham Drive",
        city="Norfolk",
        state="VA",
        postal_code="23507",
        phone="+17575550141",
        fax="+17575550142",
    ),
    _case(
        "003",
        "b.novak@prairiewind.example",
        "Brian Novak",
        "Brian Novak | Regional Sales Manager | Prairie Wind Energy\n"
        "Office 402-555-0127 x214 | Cell 402-555-0168\n",
        "US",
        "en",
        "plain",
        "one-line",
        "extension",
        "signature-only",
        first_name="Brian",
        last_name="Novak",
        title="Regional Sales Manager",
        company="Prairie Wind Energy",
        phone="+14025550127",
        mobile="+14025550168",
    ),
    _case(
        "004",
        "angela.ruiz@sunvalleyschools.example",
        "Angela Ruiz",
        "Good morning,\n\nPlease find the signed purchase order attached.\n\nRespectfully,\n\n"
        "Dr. Angela M. Ruiz\nAssistant Superintendent for Business Services\n"
        "Sun Valley Unified School District\n1400 N. Central Avenue\nTucson, Arizona 85705\n"
        "(520) 555-0133\n",
        "US",
        "en",
        "plain",
        "title-prefix",
        "full-state",
        first_name="Angela",
        last_name="Ruiz",
        title="Assistant Superintendent for Business Services",
        company="Sun Valley Unified School District",
        street="1400 N. Central Avenue",
        city="Tucson",
        state="Arizona",
        postal_code="85705",
        phone="+15205550133",
    ),
    _case(
        "005",
        "tfitzgerald@harborpointlaw.example",
        "Thomas Fitzgerald",
        "Counsel,\n\nOur redline is attached.\n\nThomas J. Fitzgerald\nPartner\n"
        "Harbor Point Law Group LLP\n100 Federal Street, Suite 2300\nBoston, MA 02110\n"
        "T: 617.555.0176\nF: 617.555.0177\ntfitzgerald@harborpointlaw.example\n\n"
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole "
        "use of the intended recipient(s) and may contain confidential and privileged "
        "information. Any unauthorized review, use, disclosure or distribution is prohibited. "
        "If you are not the intended recipient, please contact the sender by reply e-mail and "
        "destroy all copies of the original message.\n",
        "US",
        "en",
        "plain",
        "disclaimer",
        first_name="Thomas",
        last_name="Fitzgerald",
        title="Partner",
        company="Harbor Point Law Group LLP",
        street="100 Federal Street, Suite 2300",
        city="Boston",
        state="MA",
        postal_code="02110",
        phone="+16175550176",
        fax="+16175550177",
        email="tfitzgerald@harborpointlaw.example",
    ),
    _case(
        "006",
        "kenji.watanabe@bluemesa.example",
        "Kenji Watanabe",
        "Yep, I'll have the numbers by EOD.\n\n--\nKenji Watanabe\nData Engineering Lead, "
        "Blue Mesa Analytics\n+1 303 555 0192\nhttps://bluemesa.example\n",
        "US",
        "en",
        "plain",
        "thunderbird",
        first_name="Kenji",
        last_name="Watanabe",
        title="Data Engineering Lead",
        company="Blue Mesa Analytics",
        phone="+13035550192",
        website="https://bluemesa.example",
    ),
    _case(
        "007",
        "shawna@lonestarhvac.example",
        "Shawna Pierce",
        "Hey there - we can get a crew out Monday.\n\nThanks!\nShawna Pierce\nOffice Manager\n"
        "Lone Star Heating & Air\n2310 W Loop S, Houston, TX 77027\nPh: 713-555-0161\n"
        "Like us on Facebook: facebook.com/lonestarhvac\n",
        "US",
        "en",
        "plain",
        "social",
        first_name="Shawna",
        last_name="Pierce",
        title="Office Manager",
        company="Lone Star Heating & Air",
        street="2310 W Loop S",
        city="Houston",
        state="TX",
        postal_code="77027",
        phone="+17135550161",
    ),
    _case(
        "008",
        "michael.oconnor@granitepeak.example",
        "O'Connor, Michael",
        "Michael,\n\nSee my notes inline on the contract.\n\nMike O'Connor\nVP, Operations\n"
        "Granite Peak Manufacturing, Inc.\nmichael.oconnor@granitepeak.example\n"
        "c. 603.555.0117\n",
        "US",
        "en",
        "plain",
        "from-last-first",
        first_name="Mike",
        last_name="O'Connor",
        title="VP, Operations",
        company="Granite Peak Manufacturing, Inc.",
        email="michael.oconnor@granitepeak.example",
        mobile="+16035550117",
    ),
    _case(
        "009",
        "djohnson@cypressbio.example",
        "Denise Johnson",
        "All,\n\nThe IRB approval came through this morning.\n\nDenise Johnson, PhD\n"
        "Head of Clinical Operations | Cypress Biotherapeutics\n"
        "3030 Bunker Hill St, San Diego, CA 92109\nD: +1 858-555-0149\n"
        "linkedin.com/in/denisejohnsonphd\n",
        "US",
        "en",
        "plain",
        "post-nominals",
        "social",
        first_name="Denise",
        last_name="Johnson",
        title="Head of Clinical Operations",
        company="Cypress Biotherapeutics",
        street="3030 Bunker Hill St",
        city="San Diego",
        state="CA",
        postal_code="92109",
        phone="+18585550149",
        linkedin="linkedin.com/in/denisejohnsonphd",
    ),
    _case(
        "010",
        "ray.delgado@mesaverde.example",
        "Ray Delgado",
        "Ray Delgado\nOwner\nMesa Verde Landscaping LLC\n(505) 555-0122\n"
        "www.mesaverde.example\nLicensed & Insured\n",
        "US",
        "en",
        "plain",
        "signature-only",
        first_name="Ray",
        last_name="Delgado",
        title="Owner",
        company="Mesa Verde Landscaping LLC",
        phone="+15055550122",
        website="www.mesaverde.example",
    ),
    _case(
        "011",
        "jwu@quarryhill.example",
        "Jessica Wu",
        "Hi Chris,\nI'm out Friday but Ana can cover.\nThanks,\nJessica\n\nJessica Wu\n"
        "Senior Product Marketing Manager\nQuarry Hill Software\n"
        "1 Technology Dr., Suite 300, Irvine, California 92618\n949-555-0158 (office)\n"
        "949-555-0197 (cell)\n",
        "US",
        "en",
        "plain",
        "full-state",
        first_name="Jessica",
        last_name="Wu",
        title="Senior Product Marketing Manager",
        company="Quarry Hill Software",
        street="1 Technology Dr., Suite 300",
        city="Irvine",
        state="California",
        postal_code="92618",
        phone="+19495550158",
        mobile="+19495550197",
    ),
    _case(
        "012",
        "hank.mueller@greatlakessteel.example",
        "Hank Mueller",
        "Hank Mueller, Plant Manager\nGreat Lakes Specialty Steel Corp.\n"
        "8800 W. Industrial Pkwy, Gary, IN 46406 USA\nMain (219) 555-0100 ext. 3301\n"
        "Fax (219) 555-0109\n",
        "US",
        "en",
        "plain",
        "name-comma-title",
        "extension",
        "signature-only",
        first_name="Hank",
        last_name="Mueller",
        title="Plant Manager",
        company="Great Lakes Specialty Steel Corp.",
        street="8800 W. Industrial Pkwy",
        city="Gary",
        state="IN",
        postal_code="46406",
        country="USA",
        phone="+12195550100",
        fax="+12195550109",
    ),
    _case(
        "013",
        "priscilla.ng@gmail.com",
        "Priscilla Ng",
        "Hi! Following up on my application for the bookkeeping role.\n\nBest regards,\n"
        "Priscilla Ng, CPA\nIndependent Bookkeeper\n(206) 555-0174\npriscilla.ng@gmail.com\n",
        "US",
        "en",
        "plain",
        "free-mail",
        first_name="Priscilla",
        last_name="Ng",
        title="Independent Bookkeeper",
        phone="+12065550174",
        email="priscilla.ng@gmail.com",
    ),
    _case(
        "014",
        "sam.adeyemi@peachtreerealty.example",
        "Sam Adeyemi",
        "Sounds good, see you at the showing.\n\nSAM ADEYEMI\nREALTOR®\n"
        "Peachtree Realty Group\n3344 Peachtree Rd NE, Atlanta, GA 30326\nM 404.555.0139\n"
        "O 404.555.0100\n",
        "US",
        "en",
        "plain",
        "all-caps",
        first_name="Sam",
        last_name="Adeyemi",
        title="REALTOR®",
        company="Peachtree Realty Group",
        street="3344 Peachtree Rd NE",
        city="Atlanta",
        state="GA",
        postal_code="30326",
        mobile="+14045550139",
        phone="+14045550100",
    ),
    # -- UK ----------------------------------------------------------------------------------
    _case(
        "015",
        "charlotte.evans@redbrickarch.example",
        "Charlotte Evans",
        "Hi Paul,\n\nI've attached the revised drawings.\n\nKind regards,\n\nCharlotte Evans "
        "BA(Hons) MArch RIBA\nAssociate Director\nRedbrick Architects Ltd\n"
        "3 Whitworth Street West\nManchester M1 5WW\nT: 0161 496 0123\nM: 07412 555 321\n"
        "www.redbrickarch.example\n\nRedbrick Architects Ltd. Registered in England and Wales "
        "No. 07654321. Registered Office: 3 Whitworth Street West, Manchester M1 5WW.\n",
        "UK",
        "en",
        "plain",
        "post-nominals",
        "registration",
        first_name="Charlotte",
        last_name="Evans",
        title="Associate Director",
        company="Redbrick Architects Ltd",
        street="3 Whitworth Street West",
        city="Manchester",
        postal_code="M1 5WW",
        phone="+441614960123",
        mobile="+447412555321",
        website="www.redbrickarch.example",
    ),
    _case(
        "016",
        "ian.macdonald@clydeside.example",
        "Ian MacDonald",
        "Cheers,\nIan\n\n--\nIan MacDonald | Head of IT | Clydeside Housing Association\n"
        "0141 496 0234 | ian.macdonald@clydeside.example\n"
        "Clydeside Housing Association is a registered Scottish charity, No. SC012345.\n",
        "UK",
        "en",
        "plain",
        "thunderbird",
        "one-line",
        "registration",
        first_name="Ian",
        last_name="MacDonald",
        title="Head of IT",
        company="Clydeside Housing Association",
        phone="+441414960234",
        email="ian.macdonald@clydeside.example",
    ),
    _case(
        "017",
        "p.sharma@meridianpharma.example",
        "Priya Sharma",
        "Dear Dr Lewis,\n\nThank you for your time today.\n\nYours sincerely,\n\n"
        "Dr Priya Sharma\nMedical Science Liaison\nMeridian Pharma UK Limited\n"
        "Building 4, Chiswick Park, 566 Chiswick High Road\nLondon\nW4 5YE\nUnited Kingdom\n"
        "Mobile: +44 (0)7911 123456\n",
        "UK",
        "en",
        "plain",
        "title-prefix",
        first_name="Priya",
        last_name="Sharma",
        title="Medical Science Liaison",
        company="Meridian Pharma UK Limited",
        street="Building 4, Chiswick Park, 566 Chiswick High Road",
        city="London",
        postal_code="W4 5YE",
        country="United Kingdom",
        mobile="+447911123456",
    ),
    _case(
        "018",
        "tom.bradshaw@severnvale.example",
        "Tom Bradshaw",
        "Morning both,\n\nHappy with that. Will confirm numbers on Friday.\n\nThanks\n\n"
        "Tom Bradshaw\nCommercial Manager\nSevern Vale Brewery\nThe Old Maltings, Mill Lane\n"
        "Tewkesbury\nGloucestershire\nGL20 5BY\nTel: 0117 496 0123\n",
        "UK",
        "en",
        "plain",
        "uk-county",
        first_name="Tom",
        last_name="Bradshaw",
        title="Commercial Manager",
        company="Severn Vale Brewery",
        street="The Old Maltings, Mill Lane",
        city="Tewkesbury",
        state="Gloucestershire",
        postal_code="GL20 5BY",
        phone="+441174960123",
    ),
    _case(
        "019",
        "rhian.jones@cardiffbaylegal.example",
        "Rhian Jones",
        "Diolch / Thank you,\n\nRhian Jones\nSolicitor | Cyfreithiwr\nCardiff Bay Legal LLP\n"
        "Ffôn / Tel: 029 2018 0123\n\nThis email and any attachments are confidential and may "
        "be legally privileged. If you have received it in error, please notify the sender "
        "immediately and delete it. Cardiff Bay Legal LLP is authorised and regulated by the "
        "Solicitors Regulation Authority (SRA No. 612345).\n",
        "UK",
        "en",
        "cy",
        "plain",
        "disclaimer",
        first_name="Rhian",
        last_name="Jones",
        title="Solicitor | Cyfreithiwr",  # bilingual: labelled whole, as written
        company="Cardiff Bay Legal LLP",
        phone="+442920180123",
    ),
    _case(
        "020",
        "j.whitfield@pennineparts.example",
        "James Whitfield",
        "James Whitfield - Operations Director\nPennine Parts & Fixings Ltd, Unit 12 Calder "
        "Trading Estate, Huddersfield HD5 0RX\nTelephone 01484 555012 | Mobile 07123 456789\n",
        "UK",
        "en",
        "plain",
        "name-dash-title",
        "signature-only",
        first_name="James",
        last_name="Whitfield",
        title="Operations Director",
        company="Pennine Parts & Fixings Ltd",
        street="Unit 12 Calder Trading Estate",
        city="Huddersfield",
        postal_code="HD5 0RX",
        phone="+441484555012",
        mobile="+447123456789",
    ),
    _case(
        "021",
        "s.oconnell@belfastmarine.example",
        "Siobhan O'Connell",
        "Thanks a million,\nSiobhan\n\nSiobhan O'Connell\nAccounts Payable\n"
        "Belfast Marine Services Ltd\nQueen's Road, Belfast BT3 9DT\n"
        "T +44 28 9018 0123\n",
        "UK",
        "en",
        "plain",
        first_name="Siobhan",
        last_name="O'Connell",
        title="Accounts Payable",
        company="Belfast Marine Services Ltd",
        street="Queen's Road",
        city="Belfast",
        postal_code="BT3 9DT",
        phone="+442890180123",
    ),
    _case(
        "022",
        "a.hussain@birminghamtextiles.example",
        "Hussain, Amir",
        "Hi,\n\nPlease can you send the invoice again, the PDF is corrupted.\n\nRegards\n"
        "Amir Hussain\nFinance Officer\nBirmingham Textiles Ltd\n0121 496 0345\n",
        "UK",
        "en",
        "plain",
        "from-last-first",
        first_name="Amir",
        last_name="Hussain",
        title="Finance Officer",
        company="Birmingham Textiles Ltd",
        phone="+441214960345",
    ),
    _case(
        "023",
        "e.fairfax@oxbridgetutors.example",
        "Eleanor Fairfax-Hume",
        "Dear all,\n\nMinutes attached.\n\nWith best wishes,\n\nProf. Eleanor Fairfax-Hume\n"
        "Academic Director, Oxbridge Tutors\n12 Beaumont Street, Oxford OX1 2NA\n"
        "+44 (0)1865 555012\n",
        "UK",
        "en",
        "plain",
        "title-prefix",
        "compound-last",
        first_name="Eleanor",
        last_name="Fairfax-Hume",
        title="Academic Director",
        company="Oxbridge Tutors",
        street="12 Beaumont Street",
        city="Oxford",
        postal_code="OX1 2NA",
        phone="+441865555012",
    ),
    _case(
        "024",
        "liam.carter@northsea.example",
        "Liam Carter",
        "Will do.\n\nLiam Carter\nOffshore Logistics Coordinator\nNorth Sea Supply Co. Ltd\n"
        "Aberdeen AB11 5DN\nSwitchboard: +44 1224 555012\nMob: +44 7911 123789\n",
        "UK",
        "en",
        "plain",
        first_name="Liam",
        last_name="Carter",
        title="Offshore Logistics Coordinator",
        company="North Sea Supply Co. Ltd",
        city="Aberdeen",
        postal_code="AB11 5DN",
        phone="+441224555012",
        mobile="+447911123789",
    ),
    # -- Canada (English, and Québec in French) ----------------------------------------------
    _case(
        "025",
        "r.singh@northstarinsure.example",
        "Ravi Singh",
        "Hi Megan,\n\nQuote attached as discussed.\n\nRegards,\nRavi Singh\n"
        "Senior Underwriter, Commercial Lines\nNorthstar Insurance Company of Canada\n"
        "100 King Street West, Suite 1500\nToronto, ON M5X 1A9\nCanada\nT: 416-555-0139\n",
        "CA",
        "en",
        "plain",
        first_name="Ravi",
        last_name="Singh",
        title="Senior Underwriter, Commercial Lines",
        company="Northstar Insurance Company of Canada",
        street="100 King Street West, Suite 1500",
        city="Toronto",
        state="ON",
        postal_code="M5X 1A9",
        country="Canada",
        phone="+14165550139",
    ),
    _case(
        "026",
        "kayla@coastmountain.example",
        "Kayla Thompson",
        "For sure, talk then!\n\nKayla Thompson | Partnerships Lead\nCoast Mountain Outfitters\n"
        "T 604.555.0188 | C 604.555.0134\n1055 W Georgia St, Vancouver, BC V6E 3P3\n",
        "CA",
        "en",
        "plain",
        first_name="Kayla",
        last_name="Thompson",
        title="Partnerships Lead",
        company="Coast Mountain Outfitters",
        street="1055 W Georgia St",
        city="Vancouver",
        state="BC",
        postal_code="V6E 3P3",
        phone="+16045550188",
        mobile="+16045550134",
    ),
    _case(
        "027",
        "m.beaulieu@entreprisesbeaulieu.example",
        "Martin Beaulieu",
        "Bonjour Julie,\n\nVoici la soumission révisée.\n\nAu plaisir,\n\nMartin Beaulieu\n"
        "Directeur des ventes\nLes Entreprises Beaulieu inc.\n2875, boulevard Laurier, bureau 300"
        "\nQuébec (Québec) G1V 2M2\nTél. : 418 555-0123, poste 225\nCell. : 418 555-0199\n",
        "CA",
        "fr",
        "plain",
        "extension",
        "full-province",
        first_name="Martin",
        last_name="Beaulieu",
        title="Directeur des ventes",
        company="Les Entreprises Beaulieu inc.",
        street="2875, boulevard Laurier, bureau 300",
        city="Québec",
        state="Québec",
        postal_code="G1V 2M2",
        phone="+14185550123",
        mobile="+14185550199",
    ),
    _case(
        "028",
        "n.tremblay@saintlaurentconseil.example",
        "Nathalie Tremblay",
        "Merci beaucoup!\n\nNathalie Tremblay, CPA\nAssociée\nSaint-Laurent Conseil S.E.N.C.R.L."
        "\n1000, rue De La Gauchetière Ouest, bureau 2400\nMontréal (QC)  H3B 4W5\n"
        "514 555-0176\n\nCe courriel est confidentiel. Si vous l'avez reçu par erreur, veuillez "
        "en aviser l'expéditeur et le détruire.\n",
        "CA",
        "fr",
        "plain",
        "post-nominals",
        "disclaimer",
        first_name="Nathalie",
        last_name="Tremblay",
        title="Associée",
        company="Saint-Laurent Conseil S.E.N.C.R.L.",
        street="1000, rue De La Gauchetière Ouest, bureau 2400",
        city="Montréal",
        state="QC",
        postal_code="H3B 4W5",
        phone="+15145550176",
    ),
    _case(
        "029",
        "derek.chow@prairiegrain.example",
        "Derek Chow",
        "Derek Chow\nGrain Merchandiser\nPrairie Grain Co-operative Ltd.\n"
        "400 - 4th Avenue SW\nCalgary, Alberta T2P 0J4\nOffice: 403-555-0166\n",
        "CA",
        "en",
        "plain",
        "full-province",
        "signature-only",
        first_name="Derek",
        last_name="Chow",
        title="Grain Merchandiser",
        company="Prairie Grain Co-operative Ltd.",
        street="400 - 4th Avenue SW",
        city="Calgary",
        state="Alberta",
        postal_code="T2P 0J4",
        phone="+14035550166",
    ),
    _case(
        "030",
        "emily.macneil@bluenosemarine.example",
        "Emily MacNeil",
        "Thanks so much,\nEmily\n--\nEmily MacNeil\nCustomer Success Manager\n"
        "Bluenose Marine Technologies\n1801 Hollis Street, Halifax, Nova Scotia B3J 3N4\n"
        "902-555-0145 | emily.macneil@bluenosemarine.example\n",
        "CA",
        "en",
        "plain",
        "full-province",
        first_name="Emily",
        last_name="MacNeil",
        title="Customer Success Manager",
        company="Bluenose Marine Technologies",
        street="1801 Hollis Street",
        city="Halifax",
        state="Nova Scotia",
        postal_code="B3J 3N4",
        phone="+19025550145",
        email="emily.macneil@bluenosemarine.example",
    ),
    _case(
        "031",
        "f.gagnon@laurentidesbois.example",
        "François Gagnon",
        "Salut Marc,\n\nC'est bon pour jeudi.\n\nFrançois Gagnon | Chargé de projets | "
        "Bois Laurentides ltée\n450 555-0177 | 1 800 555-0199\n",
        "CA",
        "fr",
        "plain",
        "one-line",
        first_name="François",
        last_name="Gagnon",
        title="Chargé de projets",
        company="Bois Laurentides ltée",
        phone="+14505550177",
    ),
    _case(
        "032",
        "s.lavoie@cliniquelavoie.example",
        "Sophie Lavoie",
        "Bonjour,\n\nJe vous confirme le rendez-vous du 14 avril.\n\nCordialement,\n\n"
        "Dre Sophie Lavoie, dmd\nDentiste propriétaire\nClinique dentaire Lavoie\n"
        "155, rue King Ouest\nSherbrooke (Québec)  J1H 1P4\nTéléphone : 819 555-0112\n"
        "Télécopieur : 819 555-0113\n",
        "CA",
        "fr",
        "plain",
        "title-prefix",
        "full-province",
        first_name="Sophie",
        last_name="Lavoie",
        title="Dentiste propriétaire",
        company="Clinique dentaire Lavoie",
        street="155, rue King Ouest",
        city="Sherbrooke",
        state="Québec",
        postal_code="J1H 1P4",
        phone="+18195550112",
        fax="+18195550113",
    ),
    _case(
        "033",
        "owen.baker@capitalcivic.example",
        "Owen Baker",
        "Owen Baker, P.Eng.\nProject Engineer\nCapital Civic Engineering\n"
        "275 Slater Street, Ottawa ON K1P 5H9\nDirect: 613-555-0145\n"
        "capitalcivic.example\n",
        "CA",
        "en",
        "plain",
        "post-nominals",
        "signature-only",
        first_name="Owen",
        last_name="Baker",
        title="Project Engineer",
        company="Capital Civic Engineering",
        street="275 Slater Street",
        city="Ottawa",
        state="ON",
        postal_code="K1P 5H9",
        phone="+16135550145",
        website="capitalcivic.example",
    ),
    # -- Germany, Switzerland, Austria -------------------------------------------------------
    _case(
        "034",
        "t.schulz@spreetec.example",
        "Tobias Schulz",
        "Hallo Herr Meyer,\n\nanbei das Angebot wie besprochen.\n\nMit freundlichen Grüßen\n\n"
        "Tobias Schulz\nKey Account Manager\n\nSpreeTec Automation GmbH\nAlt-Moabit 96\n"
        "10559 Berlin\nDeutschland\n\nTel.: +49 30 1234567\nFax: +49 30 1234568\n"
        "Mobil: +49 151 23456789\nE-Mail: t.schulz@spreetec.example\nwww.spreetec.example\n\n"
        "SpreeTec Automation GmbH · Sitz: Berlin · Amtsgericht Charlottenburg HRB 98765 B\n"
        "Geschäftsführer: Dr. Jens Albrecht, Petra Lindner\n",
        "DE",
        "de",
        "plain",
        "imprint",
        first_name="Tobias",
        last_name="Schulz",
        title="Key Account Manager",
        company="SpreeTec Automation GmbH",
        street="Alt-Moabit 96",
        city="Berlin",
        postal_code="10559",
        country="Deutschland",
        phone="+49301234567",
        fax="+49301234568",
        mobile="+4915123456789",
        email="t.schulz@spreetec.example",
        website="www.spreetec.example",
    ),
    _case(
        "035",
        "s.hoffmann@isarbiotech.example",
        "Stefan Hoffmann",
        "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Anfrage.\n\n"
        "Mit besten Grüßen\nDr. Stefan Hoffmann\nLeiter Forschung & Entwicklung\n"
        "Isar Biotech AG | Am Klopferspitz 19 | 82152 Planegg\nT +49 89 5550123\n",
        "DE",
        "de",
        "plain",
        "title-prefix",
        first_name="Stefan",
        last_name="Hoffmann",
        title="Leiter Forschung & Entwicklung",
        company="Isar Biotech AG",
        street="Am Klopferspitz 19",
        city="Planegg",
        postal_code="82152",
        phone="+49895550123",
    ),
    _case(
        "036",
        "sabine.krueger@mainfinanz.example",
        "Krüger, Sabine",
        "Guten Tag Frau Schmidt,\n\ndie Unterlagen sind vollständig.\n\nFreundliche Grüße\n"
        "i. A. Sabine Krüger\nSachbearbeiterin Kreditorenbuchhaltung\nMainFinanz Leasing GmbH\n"
        "Mainzer Landstraße 50\n60325 Frankfurt am Main\nTelefon 069 12345678\n",
        "DE",
        "de",
        "plain",
        "from-last-first",
        first_name="Sabine",
        last_name="Krüger",
        title="Sachbearbeiterin Kreditorenbuchhaltung",
        company="MainFinanz Leasing GmbH",
        street="Mainzer Landstraße 50",
        city="Frankfurt am Main",
        postal_code="60325",
        phone="+496912345678",
    ),
    _case(
        "037",
        "uwe.brandt@neckarbau.example",
        "Uwe Brandt",
        "Servus,\npasst so.\n\nGruß Uwe\n\n--\nUwe Brandt\nBauleiter\nNeckar Bau GmbH & Co. KG\n"
        "Heilbronner Str. 150, 70191 Stuttgart\nBüro: 0711 1234567\nHandy: 0172 5550123\n",
        "DE",
        "de",
        "plain",
        "thunderbird",
        first_name="Uwe",
        last_name="Brandt",
        title="Bauleiter",
        company="Neckar Bau GmbH & Co. KG",
        street="Heilbronner Str. 150",
        city="Stuttgart",
        postal_code="70191",
        phone="+497111234567",
        mobile="+491725550123",
    ),
    _case(
        "038",
        "c.vogel@rheinpapier.example",
        "Claudia Vogel",
        "Claudia Vogel | Einkaufsleiterin | Rheinpapier AG\nKönigsallee 60, 40212 Düsseldorf, "
        "Deutschland\nTelefon: +49 211 5550199 | Telefax: +49 211 5550198\n",
        "DE",
        "de",
        "plain",
        "one-line",
        "signature-only",
        first_name="Claudia",
        last_name="Vogel",
        title="Einkaufsleiterin",
        company="Rheinpapier AG",
        street="Königsallee 60",
        city="Düsseldorf",
        postal_code="40212",
        country="Deutschland",
        phone="+492115550199",
        fax="+492115550198",
    ),
    _case(
        "039",
        "h.lehmann@saxonia-robotik.example",
        "Heinrich Lehmann",
        "Lieber Herr Kollege,\n\nherzlichen Dank für den Vortrag.\n\nBeste Grüße\n"
        "Prof. Dr.-Ing. Heinrich Lehmann\nWissenschaftlicher Leiter\nSaxonia Robotik GmbH\n"
        "Deutscher Platz 5\n04103 Leipzig\nTel. 0341 5550120\n",
        "DE",
        "de",
        "plain",
        "title-prefix",
        first_name="Heinrich",
        last_name="Lehmann",
        title="Wissenschaftlicher Leiter",
        company="Saxonia Robotik GmbH",
        street="Deutscher Platz 5",
        city="Leipzig",
        postal_code="04103",
        phone="+493415550120",
    ),
    _case(
        "040",
        "r.baumann@limmatvers.example",
        "Reto Baumann",
        "Grüezi Herr Frei\n\nBesten Dank für das Gespräch.\n\nFreundliche Grüsse\nReto Baumann\n\n"
        "Reto Baumann\nLeiter Vertrieb Firmenkunden\nLimmat Versicherungen AG\n"
        "Bahnhofstrasse 42\n8001 Zürich\nSchweiz\nDirekt +41 43 555 01 23\n"
        "Mobile +41 79 555 01 23\n",
        "CH",
        "de",
        "plain",
        first_name="Reto",
        last_name="Baumann",
        title="Leiter Vertrieb Firmenkunden",
        company="Limmat Versicherungen AG",
        street="Bahnhofstrasse 42",
        city="Zürich",
        postal_code="8001",
        country="Schweiz",
        phone="+41435550123",
        mobile="+41795550123",
    ),
    _case(
        "041",
        "a.favre@lemanprivee.example",
        "Anne Favre",
        "Chère Madame,\n\nJe vous remercie de votre message.\n\nMeilleures salutations\n\n"
        "Anne Favre\nGestionnaire de fortune\nBanque Léman Privée SA\nRue du Rhône 30\n"
        "1204 Genève\nTél. direct +41 22 555 01 23\n",
        "CH",
        "fr",
        "plain",
        first_name="Anne",
        last_name="Favre",
        title="Gestionnaire de fortune",
        company="Banque Léman Privée SA",
        street="Rue du Rhône 30",
        city="Genève",
        postal_code="1204",
        phone="+41225550123",
    ),
    _case(
        "042",
        "m.gruber@alpenland-it.example",
        "Michael Gruber",
        "Hallo Lisa,\n\npasst, danke!\n\nLG\nMichael Gruber, MSc\nTeamleiter Cloud Services\n"
        "Alpenland IT Solutions GmbH\nMariahilfer Straße 123, 1060 Wien, Österreich\n"
        "Mobil: +43 664 5550123\n",
        "AT",
        "de",
        "plain",
        "post-nominals",
        first_name="Michael",
        last_name="Gruber",
        title="Teamleiter Cloud Services",
        company="Alpenland IT Solutions GmbH",
        street="Mariahilfer Straße 123",
        city="Wien",
        postal_code="1060",
        country="Österreich",
        mobile="+436645550123",
    ),
    _case(
        "043",
        "t.weber@weber-elektro.example",
        "Thomas Weber",
        "Moin, Termin passt. Bringe die Pläne mit.\n\nGruß\nThomas Weber\n"
        "Weber Elektrotechnik GmbH\nMobil 0172 5550187\n\nVon meinem iPhone gesendet\n",
        "DE",
        "de",
        "plain",
        "mobile-footer",
        first_name="Thomas",
        last_name="Weber",
        company="Weber Elektrotechnik GmbH",
        mobile="+491725550187",
    ),
    _case(
        "044",
        "j.schmitz@domblick-consult.example",
        "Julia Schmitz",
        "Hallo zusammen,\n\nhier die Agenda.\n\nViele Grüße / Best regards\n\nJulia Schmitz\n"
        "Senior Consultant | Domblick Consulting GmbH\nHohenzollernring 72 | 50672 Köln\n"
        "T: +49 221 5550144 | M: +49 160 5550187\n"
        "julia.schmitz@domblick-consult.example\n\nDiese E-Mail kann vertrauliche und/oder "
        "rechtlich geschützte Informationen enthalten. Wenn Sie nicht der richtige Adressat "
        "sind, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.\n"
        "This e-mail may contain confidential and/or privileged information.\n",
        "DE",
        "de",
        "en",
        "plain",
        "disclaimer",
        first_name="Julia",
        last_name="Schmitz",
        title="Senior Consultant",
        company="Domblick Consulting GmbH",
        street="Hohenzollernring 72",
        city="Köln",
        postal_code="50672",
        phone="+492215550144",
        mobile="+491605550187",
        email="julia.schmitz@domblick-consult.example",
    ),
    _case(
        "045",
        "k.peters@hanseport.example",
        "Kai Peters",
        "Kai Peters\nDisponent Seefracht\n\nHansePort Logistik GmbH\nAm Sandtorkai 50\n"
        "20457 Hamburg\nGermany\nPhone +49 40 5550123\nFax +49 40 5550124\n"
        "Handelsregister: Amtsgericht Hamburg, HRB 112233 | USt-IdNr.: DE123456789\n",
        "DE",
        "en",
        "plain",
        "imprint",
        "signature-only",
        first_name="Kai",
        last_name="Peters",
        title="Disponent Seefracht",
        company="HansePort Logistik GmbH",
        street="Am Sandtorkai 50",
        city="Hamburg",
        postal_code="20457",
        country="Germany",
        phone="+49405550123",
        fax="+49405550124",
    ),
    # -- France ------------------------------------------------------------------------------
    _case(
        "046",
        "e.bernard@lumiereconseil.example",
        "Émilie Bernard",
        "Bonjour Monsieur Laurent,\n\nSuite à notre échange, je vous transmets la proposition.\n\n"
        "Bien cordialement,\n\nÉmilie Bernard\nDirectrice de clientèle\nLumière Conseil\n"
        "45, rue de Rivoli\n75001 Paris\nTél. : 01 55 55 01 42 | Port. : 06 55 55 01 33\n",
        "FR",
        "fr",
        "plain",
        first_name="Émilie",
        last_name="Bernard",
        title="Directrice de clientèle",
        company="Lumière Conseil",
        street="45, rue de Rivoli",
        city="Paris",
        postal_code="75001",
        phone="+33155550142",
        mobile="+33655550133",
    ),
    _case(
        "047",
        "pierre.dubois@vinsdubois.example",
        "Pierre Dubois",
        "Bonjour,\n\nLa commande part demain.\n\nCordialement\n\nDUBOIS Pierre\n"
        "Responsable logistique\nVins Dubois & Fils\n12 cours du Médoc\n33300 Bordeaux\n"
        "Ligne directe : 05 56 55 01 20\n",
        "FR",
        "fr",
        "plain",
        "all-caps",
        "last-first",
        first_name="Pierre",
        last_name="Dubois",
        title="Responsable logistique",
        company="Vins Dubois & Fils",
        street="12 cours du Médoc",
        city="Bordeaux",
        postal_code="33300",
        phone="+33556550120",
    ),
    _case(
        "048",
        "m.klein@alsace-emballages.example",
        "Mathieu Klein",
        "Mathieu Klein\nIngénieur commercial\nAlsace Emballages SAS\n"
        "3 rue du Port du Rhin, 67000 Strasbourg\nTél : 03 88 55 01 20 - Fax : 03 88 55 01 21\n"
        "www.alsace-emballages.example\n",
        "FR",
        "fr",
        "plain",
        "signature-only",
        first_name="Mathieu",
        last_name="Klein",
        title="Ingénieur commercial",
        company="Alsace Emballages SAS",
        street="3 rue du Port du Rhin",
        city="Strasbourg",
        postal_code="67000",
        phone="+33388550120",
        fax="+33388550121",
        website="www.alsace-emballages.example",
    ),
    _case(
        "049",
        "c.leroux@atlantique-assur.example",
        "Camille Le Roux",
        "Madame, Monsieur,\n\nVeuillez trouver ci-joint l'avenant.\n\nSalutations distinguées,"
        "\n\nCamille Le Roux\nChargée de clientèle entreprises\nAtlantique Assurances\n"
        "Service Entreprises\nTSA 40012\n44946 Nantes Cedex 9\nTél. 02 40 55 01 20\n\n"
        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention "
        "exclusive de ses destinataires. Toute utilisation non conforme à sa destination est "
        "interdite.\n",
        "FR",
        "fr",
        "plain",
        "cedex",
        "disclaimer",
        "compound-last",
        first_name="Camille",
        last_name="Le Roux",
        title="Chargée de clientèle entreprises",
        company="Atlantique Assurances",
        street="TSA 40012",  # no street line: the box (round 4)
        city="Nantes",
        postal_code="44946",
        phone="+33240550120",
    ),
    _case(
        "050",
        "jm.rossi@calanques-yachting.example",
        "Jean-Marc Rossi",
        "Parfait, à demain.\n\nJean-Marc Rossi - Gérant\nCalanques Yachting SARL\n"
        "Quai de Rive Neuve, 13007 Marseille\n+33 4 91 55 01 20 / +33 6 55 55 01 87\n\n"
        "Envoyé de mon iPhone\n",
        "FR",
        "fr",
        "plain",
        "name-dash-title",
        "mobile-footer",
        "hyphenated-first",
        first_name="Jean-Marc",
        last_name="Rossi",
        title="Gérant",
        company="Calanques Yachting SARL",
        street="Quai de Rive Neuve",
        city="Marseille",
        postal_code="13007",
        phone="+33491550120",  # two unlabelled numbers: the first is the phone (round 5)
    ),
    _case(
        "051",
        "i.martin@aerosud.example",
        "Isabelle Martin",
        "Bonjour à tous,\n\nLe compte rendu est en pièce jointe.\n\nBonne journée,\n"
        "Isabelle\n\n--\nIsabelle Martin\nResponsable Achats Composites\nAéroSud Industries\n"
        "12 avenue de l'Aéroport\n31700 Blagnac\nFrance\nMobile : +33 7 55 55 01 20\n",
        "FR",
        "fr",
        "plain",
        "thunderbird",
        first_name="Isabelle",
        last_name="Martin",
        title="Responsable Achats Composites",
        company="AéroSud Industries",
        street="12 avenue de l'Aéroport",
        city="Blagnac",
        postal_code="31700",
        country="France",
        mobile="+33755550120",
    ),
    _case(
        "052",
        "l.fontaine@fontaine-avocats.example",
        "Louis Fontaine",
        "Cher Confrère,\n\nJe reviens vers vous dès que possible.\n\nBien à vous,\n\n"
        "Maître Louis Fontaine\nAvocat associé\nFontaine & Associés\n8, place Bellecour\n"
        "69002 Lyon\nT. +33 (0)4 72 55 01 20\n",
        "FR",
        "fr",
        "plain",
        "title-prefix",
        first_name="Louis",
        last_name="Fontaine",
        title="Avocat associé",
        company="Fontaine & Associés",
        street="8, place Bellecour",
        city="Lyon",
        postal_code="69002",
        phone="+33472550120",
    ),
    # -- Australia ---------------------------------------------------------------------------
    _case(
        "053",
        "sarah.nguyen@harbourbridge.example",
        "Sarah Nguyen",
        "Hi Ben,\n\nAll good from our end - invoice to follow.\n\nKind regards,\n\nSarah Nguyen\n"
        "Procurement Manager\nHarbour Bridge Facilities Pty Ltd\nLevel 8, 60 Margaret Street\n"
        "Sydney NSW 2000\nP: (02) 5550 1234\nM: 0491 570 156\n",
        "AU",
        "en",
        "plain",
        first_name="Sarah",
        last_name="Nguyen",
        title="Procurement Manager",
        company="Harbour Bridge Facilities Pty Ltd",
        street="Level 8, 60 Margaret Street",
        city="Sydney",
        state="NSW",
        postal_code="2000",
        phone="+61255501234",
        mobile="+61491570156",
    ),
    _case(
        "054",
        "d.kowalski@yarravalleywines.example",
        "Dan Kowalski",
        "Cheers,\nDan\n\nDan Kowalski | Cellar Door Manager\nYarra Valley Estate Wines\n"
        "14 Maroondah Hwy, Healesville VIC 3777\nT 03 9555 0123 | M 0400 555 123\n"
        "yarravalleywines.example\n",
        "AU",
        "en",
        "plain",
        first_name="Dan",
        last_name="Kowalski",
        title="Cellar Door Manager",
        company="Yarra Valley Estate Wines",
        street="14 Maroondah Hwy",
        city="Healesville",
        state="VIC",
        postal_code="3777",
        phone="+61395550123",
        mobile="+61400555123",
        website="yarravalleywines.example",
    ),
    _case(
        "055",
        "m.oshea@sunstatelegal.example",
        "Megan O'Shea",
        "Dear Mr Hart,\n\nPlease see the attached letter of advice.\n\nYours faithfully\n\n"
        "Megan O'Shea\nSenior Associate\nSunstate Legal\nLevel 21, 240 Queen Street\n"
        "Brisbane QLD 4000\nAustralia\nT +61 7 3555 0123\n\n"
        "Liability limited by a scheme approved under Professional Standards Legislation.\n",
        "AU",
        "en",
        "plain",
        "registration",
        first_name="Megan",
        last_name="O'Shea",
        title="Senior Associate",
        company="Sunstate Legal",
        street="Level 21, 240 Queen Street",
        city="Brisbane",
        state="QLD",
        postal_code="4000",
        country="Australia",
        phone="+61735550123",
    ),
    _case(
        "056",
        "r.patterson@ironoreeng.example",
        "Rob Patterson",
        "Rob Patterson\nSite Superintendent\nIron Ore Engineering Services\n"
        "PO Box 1234, Karratha WA 6714\nMob: 0423 555 876\nPh: (08) 9555 0123\n\n"
        "Please consider the environment before printing this email.\n",
        "AU",
        "en",
        "plain",
        "signature-only",
        first_name="Rob",
        last_name="Patterson",
        title="Site Superintendent",
        company="Iron Ore Engineering Services",
        street="PO Box 1234",
        city="Karratha",
        state="WA",
        postal_code="6714",
        mobile="+61423555876",
        phone="+61895550123",
    ),
    _case(
        "057",
        "lucy.tran@adelaidegrain.example",
        "Lucy Tran",
        "Hi team,\nQuick one - can someone send the latest freight rates?\nThanks!\n\n"
        "Lucy Tran\nCommercial Analyst, Adelaide Grain Exports\n"
        "121 King William Street, Adelaide, South Australia 5000\n(08) 8555 0123\n",
        "AU",
        "en",
        "plain",
        "full-state",
        first_name="Lucy",
        last_name="Tran",
        title="Commercial Analyst",
        company="Adelaide Grain Exports",
        street="121 King William Street",
        city="Adelaide",
        state="South Australia",
        postal_code="5000",
        phone="+61885550123",
    ),
    _case(
        "058",
        "j.mitchell@taswool.example",
        "Jack Mitchell",
        "Jack Mitchell, Director\nTasmanian Wool Traders\n22 Salamanca Place, Hobart TAS 7000\n"
        "p. 03 6555 0123 | m. 0412 555 019 | 1300 555 012\n",
        "AU",
        "en",
        "plain",
        "name-comma-title",
        "signature-only",
        first_name="Jack",
        last_name="Mitchell",
        title="Director",
        company="Tasmanian Wool Traders",
        street="22 Salamanca Place",
        city="Hobart",
        state="TAS",
        postal_code="7000",
        phone="+61365550123",
        mobile="+61412555019",
    ),
    _case(
        "059",
        "anika.sharma@canberragov.example",
        "Anika Sharma",
        "Good afternoon,\n\nThe briefing pack is attached.\n\nRegards\n\nAnika Sharma\n"
        "Assistant Director, Digital Procurement\nCanberra Digital Services Agency\n"
        "Phone: 02 6555 0123\nAnika.Sharma@canberragov.example\n\n"
        "I acknowledge the Traditional Custodians of the land on which I work.\n",
        "AU",
        "en",
        "plain",
        first_name="Anika",
        last_name="Sharma",
        title="Assistant Director, Digital Procurement",
        company="Canberra Digital Services Agency",
        phone="+61265550123",
        email="Anika.Sharma@canberragov.example",
    ),
    # -- Netherlands, Belgium, Ireland -------------------------------------------------------
    _case(
        "060",
        "s.de.vries@grachtdesign.example",
        "Sanne de Vries",
        "Hoi Mark,\n\nDank je, ik kijk ernaar.\n\nMet vriendelijke groet,\n\nSanne de Vries\n"
        "Creatief directeur\nGracht Design B.V.\nHerengracht 500\n1017 CB Amsterdam\n"
        "T +31 20 123 4567\nM +31 6 12345678\n",
        "NL",
        "nl",
        "plain",
        "compound-last",
        first_name="Sanne",
        last_name="de Vries",
        title="Creatief directeur",
        company="Gracht Design B.V.",
        street="Herengracht 500",
        city="Amsterdam",
        postal_code="1017 CB",
        phone="+31201234567",
        mobile="+31612345678",
    ),
    _case(
        "061",
        "p.van.dijk@maasport.example",
        "Pieter van Dijk",
        "Pieter van Dijk | Operationeel Manager | MaasPort Logistics B.V.\n"
        "Waalhaven Z.z. 44, 3089 JH Rotterdam, Nederland\nTel: 010 555 0123 | Mob: 06 5555 0123\n"
        "KvK 12345678\n",
        "NL",
        "nl",
        "plain",
        "one-line",
        "signature-only",
        "compound-last",
        first_name="Pieter",
        last_name="van Dijk",
        title="Operationeel Manager",
        company="MaasPort Logistics B.V.",
        street="Waalhaven Z.z. 44",
        city="Rotterdam",
        postal_code="3089 JH",
        country="Nederland",
        phone="+31105550123",
        mobile="+31655550123",
    ),
    _case(
        "062",
        "l.peeters@scheldechem.example",
        "Lotte Peeters",
        "Beste,\n\nIn bijlage de offerte.\n\nMet vriendelijke groeten,\nLotte Peeters\n"
        "Sales Engineer\nSchelde Chemicals NV\nHavenlaan 12, 1000 Brussel, België\n"
        "T +32 2 555 01 23 | GSM +32 475 55 01 23\n",
        "BE",
        "nl",
        "plain",
        first_name="Lotte",
        last_name="Peeters",
        title="Sales Engineer",
        company="Schelde Chemicals NV",
        street="Havenlaan 12",
        city="Brussel",
        postal_code="1000",
        country="België",
        phone="+3225550123",
        mobile="+32475550123",
    ),
    _case(
        "063",
        "c.byrne@liffeysoftware.example",
        "Ciarán Byrne",
        "Grand, talk Thursday.\n\nCiarán Byrne\nHead of Sales, EMEA\nLiffey Software Ltd.\n"
        "Block C, Grand Canal Quay, Dublin, D02 XY45, Ireland\nT: +353 1 555 0123\n"
        "M: +353 87 555 0123\n",
        "IE",
        "en",
        "plain",
        first_name="Ciarán",
        last_name="Byrne",
        title="Head of Sales, EMEA",
        company="Liffey Software Ltd.",
        street="Block C, Grand Canal Quay",
        city="Dublin",
        postal_code="D02 XY45",
        country="Ireland",
        phone="+35315550123",
        mobile="+353875550123",
    ),
    # -- Spain, Italy ------------------------------------------------------------------------
    _case(
        "064",
        "m.garcia@solmediterraneo.example",
        "María García",
        "Hola Pablo,\n\nTe adjunto el presupuesto.\n\nUn saludo,\n\nMaría Dolores García Fernández"
        "\nResponsable de Compras\nSol Mediterráneo Hoteles, S.A.\nCalle de Serrano 41, 4ª planta"
        "\n28001 Madrid\nTel.: +34 91 123 45 67\nMóvil: +34 612 345 678\n",
        "ES",
        "es",
        "plain",
        "compound-first",
        first_name="María Dolores",
        last_name="García Fernández",
        title="Responsable de Compras",
        company="Sol Mediterráneo Hoteles, S.A.",
        street="Calle de Serrano 41, 4ª planta",
        city="Madrid",
        postal_code="28001",
        phone="+34911234567",
        mobile="+34612345678",
    ),
    _case(
        "065",
        "j.puig@barnatextil.example",
        "Jordi Puig",
        "Jordi Puig i Serra\nDirector General\nBarna Tèxtil SL\nPasseig de Gràcia 55, "
        "08007 Barcelona\nT. 93 555 01 23\n\nEste mensaje y sus archivos adjuntos van dirigidos "
        "exclusivamente a su destinatario y pueden contener información confidencial.\n",
        "ES",
        "ca",
        "es",
        "plain",
        "signature-only",
        "disclaimer",
        first_name="Jordi",
        last_name="Puig i Serra",
        title="Director General",
        company="Barna Tèxtil SL",
        street="Passeig de Gràcia 55",
        city="Barcelona",
        postal_code="08007",
        phone="+34935550123",
    ),
    _case(
        "066",
        "a.lopez@iberfruta.example",
        "Alejandro López",
        "Perfecto, gracias.\n\nAlejandro López | Jefe de Exportación | Iberfruta S.L.\n"
        "Móvil 655 501 234\nEnviado desde mi iPhone\n",
        "ES",
        "es",
        "plain",
        "one-line",
        "mobile-footer",
        first_name="Alejandro",
        last_name="López",
        title="Jefe de Exportación",
        company="Iberfruta S.L.",
        mobile="+34655501234",
    ),
    _case(
        "067",
        "g.romano@lombardameccanica.example",
        "Giulia Romano",
        "Gentile Dott. Bianchi,\n\nin allegato l'offerta aggiornata.\n\nCordiali saluti,\n\n"
        "Ing. Giulia Romano\nResponsabile Ufficio Tecnico\nLombarda Meccanica S.p.A.\n"
        "Via Montenapoleone 8, 20121 Milano\nTel. +39 02 1234 5678\nCell. +39 312 345 6789\n",
        "IT",
        "it",
        "plain",
        "title-prefix",
        first_name="Giulia",
        last_name="Romano",
        title="Responsabile Ufficio Tecnico",
        company="Lombarda Meccanica S.p.A.",
        street="Via Montenapoleone 8",
        city="Milano",
        postal_code="20121",
        phone="+390212345678",
        mobile="+393123456789",
    ),
    _case(
        "068",
        "f.conti@tevereimport.example",
        "Francesco Conti",
        "Buongiorno,\n\nconfermo la consegna per lunedì.\n\nSaluti\nFrancesco Conti\n"
        "Ufficio Acquisti - Tevere Import S.r.l.\nVia del Corso 120, 00186 Roma\n"
        "Tel. 06 555 0123 - Fax 06 555 0124\n\nAi sensi del Regolamento UE 2016/679 (GDPR), "
        "le informazioni contenute in questa email sono riservate.\n",
        "IT",
        "it",
        "plain",
        "disclaimer",
        first_name="Francesco",
        last_name="Conti",
        title="Ufficio Acquisti",
        company="Tevere Import S.r.l.",
        street="Via del Corso 120",
        city="Roma",
        postal_code="00186",
        phone="+39065550123",
        fax="+39065550124",
    ),
    _case(
        "069",
        "e.ferrari@pianuradigitale.example",
        "Elena Ferrari",
        "Ciao Marco,\n\nti giro la demo di domani.\n\nA presto,\nElena\n\n-- \nElena Ferrari\n"
        "Account Manager\nPianura Digitale Srl\nCorso Vittorio Emanuele II 15, 10123 Torino, "
        "Italia\nT +39 011 555 0123 | M +39 345 555 0123\n",
        "IT",
        "it",
        "plain",
        "thunderbird",
        first_name="Elena",
        last_name="Ferrari",
        title="Account Manager",
        company="Pianura Digitale Srl",
        street="Corso Vittorio Emanuele II 15",
        city="Torino",
        postal_code="10123",
        country="Italia",
        phone="+390115550123",
        mobile="+393455550123",
    ),
    # -- India, Japan (romanised), Brazil ----------------------------------------------------
    _case(
        "070",
        "rahul.mehta@arabiansea.example",
        "Rahul Mehta",
        "Dear Sir,\n\nPlease find enclosed our quotation for your kind perusal.\n\n"
        "Thanks & Regards,\nRahul Mehta\nAssistant General Manager - Sales\n"
        "Arabian Sea Exports Pvt. Ltd.\n501, Trade Centre, Bandra Kurla Complex, Bandra (E)\n"
        "Mumbai - 400051, Maharashtra, India\nTel: +91 22 2345 6789\nMob: +91 98201 23456\n",
        "IN",
        "en",
        "plain",
        first_name="Rahul",
        last_name="Mehta",
        title="Assistant General Manager - Sales",
        company="Arabian Sea Exports Pvt. Ltd.",
        street="501, Trade Centre, Bandra Kurla Complex, Bandra (E)",
        city="Mumbai",
        state="Maharashtra",
        postal_code="400051",
        country="India",
        phone="+912223456789",
        mobile="+919820123456",
    ),
    _case(
        "071",
        "ananya.k@deccansoft.example",
        "Ananya Krishnan",
        "Hi Tom,\n\nPFA the updated SOW.\n\nRegards,\nAnanya Krishnan | Delivery Manager\n"
        "Deccan Soft Technologies Pvt Ltd | Bengaluru 560066\n"
        "+91 80 4123 4567 | +91 99 8765 4321 (M)\n",
        "IN",
        "en",
        "plain",
        first_name="Ananya",
        last_name="Krishnan",
        title="Delivery Manager",
        company="Deccan Soft Technologies Pvt Ltd",
        city="Bengaluru",
        postal_code="560066",
        phone="+918041234567",
        mobile="+919987654321",
    ),
    _case(
        "072",
        "v.reddy@charminarpharma.example",
        "Venkat Reddy",
        "Dr. Venkat Reddy\nVice President - Regulatory Affairs\nCharminar Pharma Limited\n"
        "Plot 12, Hitech City Road, Madhapur, Hyderabad, Telangana 500081\n"
        "Phone: +91 40 5555 0123\n\nDISCLAIMER: The information contained in this electronic "
        "message is intended only for the addressee. Please consider the environment before "
        "printing.\n",
        "IN",
        "en",
        "plain",
        "title-prefix",
        "signature-only",
        "disclaimer",
        first_name="Venkat",
        last_name="Reddy",
        title="Vice President - Regulatory Affairs",
        company="Charminar Pharma Limited",
        street="Plot 12, Hitech City Road, Madhapur",
        city="Hyderabad",
        state="Telangana",
        postal_code="500081",
        phone="+914055550123",
    ),
    _case(
        "073",
        "k.tanaka@sakuradenki.example",
        "Kenta Tanaka",
        "Dear Mr. Smith,\n\nThank you very much for your kind support.\n\nBest regards,\n\n"
        "TANAKA Kenta\nManager, Overseas Sales Department\nSakura Denki Co., Ltd.\n"
        "1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan\nTEL: +81-3-1234-5678\n"
        "FAX: +81-3-1234-5679\n",
        "JP",
        "en",
        "plain",
        "all-caps",
        "last-first",
        first_name="Kenta",
        last_name="Tanaka",
        title="Manager, Overseas Sales Department",
        company="Sakura Denki Co., Ltd.",
        street="1-2-3 Marunouchi, Chiyoda-ku",
        city="Tokyo",
        postal_code="100-0005",
        country="Japan",
        phone="+81312345678",
        fax="+81312345679",
    ),
    _case(
        "074",
        "y.suzuki@naniwa-trading.example",
        "Yuki Suzuki",
        "Hello Anna,\n\nNoted with thanks.\n\nRegards,\nYuki Suzuki\nNaniwa Trading Corporation\n"
        "Assistant Manager, Procurement Div.\n2-4-6 Umeda, Kita-ku, Osaka 530-0001\n"
        "Tel: 06-6123-4567 / Mobile: 090-1234-5678\n",
        "JP",
        "en",
        "plain",
        first_name="Yuki",
        last_name="Suzuki",
        title="Assistant Manager, Procurement Div.",
        company="Naniwa Trading Corporation",
        street="2-4-6 Umeda, Kita-ku",
        city="Osaka",
        postal_code="530-0001",
        phone="+81661234567",
        mobile="+819012345678",
    ),
    _case(
        "075",
        "h.ito@chubu-seiki.example",
        "Hiroshi Ito",
        "Hiroshi Ito / Chubu Seiki K.K.\nSales Engineer\nNagoya, Japan\nPhone: 052-555-0123\n"
        "Mobile: 080-5555-0123\n",
        "JP",
        "en",
        "plain",
        "signature-only",
        first_name="Hiroshi",
        last_name="Ito",
        title="Sales Engineer",
        company="Chubu Seiki K.K.",
        city="Nagoya",
        country="Japan",
        phone="+81525550123",
        mobile="+818055550123",
    ),
    _case(
        "076",
        "r.almeida@paulistalog.example",
        "Rafael Almeida",
        "Olá Carlos,\n\nSegue a proposta em anexo.\n\nAtenciosamente,\n\nRafael Almeida\n"
        "Gerente Comercial\nPaulista Logística Ltda.\nAv. Paulista, 1578 - Bela Vista\n"
        "São Paulo - SP, 01310-200\nTel.: +55 (11) 3456-7890\nCel.: +55 (11) 91234-5678\n",
        "BR",
        "pt",
        "plain",
        first_name="Rafael",
        last_name="Almeida",
        title="Gerente Comercial",
        company="Paulista Logística Ltda.",
        street="Av. Paulista, 1578 - Bela Vista",
        city="São Paulo",
        state="SP",
        postal_code="01310-200",
        phone="+551134567890",
        mobile="+5511912345678",
    ),
    _case(
        "077",
        "b.souza@cariocatech.example",
        "Beatriz Souza",
        "Oi Pedro, tudo bem?\n\nPodemos falar amanhã.\n\nAbs,\nBia\n\nBeatriz Souza | "
        "Head de Marketing | Carioca Tech S.A.\nRua Visconde de Pirajá, 414 - Ipanema, "
        "Rio de Janeiro - RJ, 22410-002, Brasil\n+55 21 99876-5432\n",
        "BR",
        "pt",
        "plain",
        "one-line",
        first_name="Beatriz",
        last_name="Souza",
        title="Head de Marketing",
        company="Carioca Tech S.A.",
        street="Rua Visconde de Pirajá, 414 - Ipanema",
        city="Rio de Janeiro",
        state="RJ",
        postal_code="22410-002",
        country="Brasil",
        phone="+5521998765432",  # unlabelled: the phone (round 5)
    ),
    _case(
        "078",
        "t.oliveira@minasagro.example",
        "Tiago Oliveira",
        "Prezados,\n\nConforme combinado, segue o contrato assinado.\n\nCordialmente,\n"
        "Tiago Oliveira\nDiretor Financeiro\nMinas Agro Ltda.\nBelo Horizonte - MG\n"
        "Fone: (31) 3555-0123\n",
        "BR",
        "pt",
        "plain",
        first_name="Tiago",
        last_name="Oliveira",
        title="Diretor Financeiro",
        company="Minas Agro Ltda.",
        city="Belo Horizonte",
        state="MG",
        phone="+553135550123",
    ),
    # -- Outlook, Gmail and Apple Mail HTML; designed table signatures ----------------------
    _case(
        "079",
        "natalie.brooks@vireoanalytics.example",
        "Natalie Brooks",
        _mso(
            "Hi Jordan,<br><br>Thanks for the great conversation yesterday. The pricing sheet "
            "is attached.",
            "Best regards,",
            "<b><span style='color:#1F3864'>Natalie Brooks</span></b>",
            "Enterprise Account Executive",
            "<b>Vireo Analytics, Inc.</b>",
            "500 W 2nd Street, Suite 1900 | Austin, TX 78701",
            "Office: +1 (512) 555-0163 | Mobile: +1 (737) 555-0121",
            '<a href="https://www.vireoanalytics.example">www.vireoanalytics.example</a>',
            '<img width="120" height="32" src="cid:image001.png@01DB8C1E" alt="Vireo Analytics">',
            "<i><span style='font-size:7.0pt;color:gray'>This message may contain confidential "
            "information. If you received it in error, please notify the sender and delete it."
            "</span></i>",
        ),
        "US",
        "en",
        "html",
        "outlook",
        "logo",
        "disclaimer",
        html=True,
        first_name="Natalie",
        last_name="Brooks",
        title="Enterprise Account Executive",
        company="Vireo Analytics, Inc.",
        street="500 W 2nd Street, Suite 1900",
        city="Austin",
        state="TX",
        postal_code="78701",
        phone="+15125550163",
        mobile="+17375550121",
        website="www.vireoanalytics.example",
    ),
    _case(
        "080",
        "f.richter@elbtal-pumpen.example",
        "Frank Richter",
        _mso(
            "Hallo Frau Neumann,<br><br>vielen Dank, wir melden uns bis Freitag.",
            "Mit freundlichen Grüßen",
            "<b>Frank Richter</b>",
            "Vertriebsingenieur",
            "Elbtal Pumpen GmbH",
            "Pillnitzer Landstraße 34 · 01326 Dresden",
            "Tel. +49 351 5550140 · Fax +49 351 5550141",
            reply_from="Neumann, Katrin &lt;k.neumann@kundenwerk.example&gt;",
            quote="Sehr geehrter Herr Richter,<br><br>bitte senden Sie uns ein Angebot.<br><br>"
            "Katrin Neumann<br>Einkauf<br>Kundenwerk AG<br>Tel. +49 89 5550199",
        ),
        "DE",
        "de",
        "html",
        "outlook",
        "reply",
        html=True,
        first_name="Frank",
        last_name="Richter",
        title="Vertriebsingenieur",
        company="Elbtal Pumpen GmbH",
        street="Pillnitzer Landstraße 34",
        city="Dresden",
        postal_code="01326",
        phone="+493515550140",
        fax="+493515550141",
    ),
    _case(
        "081",
        "h.clarke@wessexwater-eng.example",
        "Helen Clarke",
        _mso(
            "Hi Mark,<br><br>Please find our method statement attached.",
            "Kind regards",
            "",
            "<b>Helen Clarke</b> CEng MICE",
            "Principal Engineer",
            "<b>Wessex Water Engineering Ltd</b>",
            "Kingsmead House, 1 Bath Road, Bristol BS4 3AB",
            "<b>T</b> 0117 496 0123 &nbsp;<b>M</b> 07441 555123",
            '<a href="mailto:h.clarke@wessexwater-eng.example">h.clarke@wessexwater-eng.example'
            "</a>",
            reply_from="Mark Allen &lt;mark.allen@severnbuild.example&gt;",
            quote="Helen,<br>Can you send the method statement?<br><br>Mark Allen<br>"
            "Site Manager | Severn Build Ltd<br>07911 123456",
        ),
        "UK",
        "en",
        "html",
        "outlook",
        "reply",
        "post-nominals",
        html=True,
        first_name="Helen",
        last_name="Clarke",
        title="Principal Engineer",
        company="Wessex Water Engineering Ltd",
        street="Kingsmead House, 1 Bath Road",
        city="Bristol",
        postal_code="BS4 3AB",
        phone="+441174960123",
        mobile="+447441555123",
        email="h.clarke@wessexwater-eng.example",
    ),
    _case(
        "082",
        "diego@copperfoxstudio.example",
        "Diego Herrera",
        _gmail(
            "Love it - let's go with option B.",
            "<b>Diego Herrera</b>",
            "Creative Director | Copper Fox Studio",
            "📍 1420 NW Lovejoy St, Portland, OR 97209",
            "📞 (503) 555-0119",
            '<a href="https://copperfoxstudio.example">copperfoxstudio.example</a> · '
            '<a href="https://instagram.com/copperfoxstudio">Instagram</a>',
            quote_attr="On Mon, Mar 10, 2025 at 3:22 PM Ava Lindqvist "
            "&lt;ava@nordlight.example&gt; wrote:",
            quote="Hi Diego, two options attached.<br><br>Ava Lindqvist<br>Art Director<br>"
            "Nordlight Agency<br>+1 (206) 555-0100",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "reply",
        "social",
        html=True,
        first_name="Diego",
        last_name="Herrera",
        title="Creative Director",
        company="Copper Fox Studio",
        street="1420 NW Lovejoy St",
        city="Portland",
        state="OR",
        postal_code="97209",
        phone="+15035550119",
        website="copperfoxstudio.example",
    ),
    _case(
        "083",
        "c.roux@provence-cosmetiques.example",
        "Chloé Roux",
        _gmail(
            "Bonjour Sarah,<br><br>Merci pour votre retour rapide !",
            "Chloé Roux",
            "Chef de produit export",
            "Provence Cosmétiques",
            "240 avenue du Club Hippique, 13090 Aix-en-Provence",
            "Tél. +33 4 42 55 01 20",
            '<a href="https://www.linkedin.com/in/chloe-roux-export">'
            "linkedin.com/in/chloe-roux-export</a>",
        ),
        "FR",
        "fr",
        "html",
        "gmail",
        "social",
        html=True,
        first_name="Chloé",
        last_name="Roux",
        title="Chef de produit export",
        company="Provence Cosmétiques",
        street="240 avenue du Club Hippique",
        city="Aix-en-Provence",
        postal_code="13090",
        phone="+33442550120",
        linkedin="linkedin.com/in/chloe-roux-export",
    ),
    _case(
        "084",
        "zoe.harris@reefedge.example",
        "Zoe Harris",
        _gmail(
            "Hey Liam,<br>Booked in for the 14th. See you then!",
            "Zoe Harris",
            "Events Coordinator",
            "Reef Edge Resorts",
            "M 0412 555 019",
            "E zoe.harris@reefedge.example",
            "W reefedge.example",
            '<a href="https://facebook.com/reefedge">Facebook</a> | '
            '<a href="https://instagram.com/reefedge">Instagram</a>',
        ),
        "AU",
        "en",
        "html",
        "gmail",
        "social",
        html=True,
        first_name="Zoe",
        last_name="Harris",
        title="Events Coordinator",
        company="Reef Edge Resorts",
        mobile="+61412555019",
        email="zoe.harris@reefedge.example",
        website="reefedge.example",
    ),
    _case(
        "085",
        "grace.lee@summitmedical.example",
        "Grace Lee",
        _apple(
            "Hi Tom,<br><br>Yes, we can host the demo at our office.",
            "Grace Lee",
            "Practice Administrator",
            "Summit Medical Associates",
            "2100 Webster St, Suite 200",
            "San Francisco, CA 94115",
            "415-555-0177 office",
            quote_attr="On Mar 9, 2025, at 8:15 PM, Tom Becker &lt;tom@helixdental.example&gt; "
            "wrote:",
            quote="Grace, could we do the demo on site?<br><br>Tom Becker<br>Helix Dental "
            "Software<br>(312) 555-0100",
        ),
        "US",
        "en",
        "html",
        "apple",
        "reply",
        html=True,
        first_name="Grace",
        last_name="Lee",
        title="Practice Administrator",
        company="Summit Medical Associates",
        street="2100 Webster St, Suite 200",
        city="San Francisco",
        state="CA",
        postal_code="94115",
        phone="+14155550177",
    ),
    _case(
        "086",
        "v.cote@fjordcapital.example",
        "Valérie Côté",
        _apple(
            "Parfait, merci Luc.",
            "Valérie Côté",
            "Vice-présidente, Finances",
            "Fjord Capital inc.",
            "1, Place Ville Marie, bureau 3900",
            "Montréal (Québec) H3B 4M7",
            "T 514 555-0110 | C 514 555-0181",
        ),
        "CA",
        "fr",
        "html",
        "apple",
        "full-province",
        html=True,
        first_name="Valérie",
        last_name="Côté",
        title="Vice-présidente, Finances",
        company="Fjord Capital inc.",
        street="1, Place Ville Marie, bureau 3900",
        city="Montréal",
        state="Québec",
        postal_code="H3B 4M7",
        phone="+15145550110",
        mobile="+15145550181",
    ),
    _case(
        "087",
        "o.bennett@keystonecyber.example",
        "Olivia Bennett",
        _table(
            "Hi Sam, following up on our call - happy to set up a pilot.",
            "Keystone Cyber logo",
            "<b style='font-size:14px'>Olivia Bennett</b>",
            "<span style='color:#0a6ebd'>Director, Strategic Alliances</span>",
            "Keystone Cyber Defense",
            "<img src='cid:phone.png' alt='phone' width='12'> +1 (412) 555-0126",
            "<img src='cid:web.png' alt='web' width='12'> "
            "<a href='https://keystonecyber.example'>keystonecyber.example</a>",
            "<a href='https://www.linkedin.com/in/oliviabennett'>"
            "<img src='cid:li.png' alt='LinkedIn' width='16'></a>",
        ),
        "US",
        "en",
        "html",
        "table",
        "logo",
        html=True,
        first_name="Olivia",
        last_name="Bennett",
        title="Director, Strategic Alliances",
        company="Keystone Cyber Defense",
        phone="+14125550126",
        website="keystonecyber.example",
    ),
    _case(
        "088",
        "l.wolff@taunus-solar.example",
        "Lena Wolff",
        _table(
            "Hallo Herr Yilmaz,<br>anbei die Unterlagen zur Förderung.",
            "Taunus Solar",
            "<b>Lena Wolff</b>",
            "Projektleiterin Photovoltaik",
            "Taunus Solar GmbH",
            "Industriestraße 7 | 61440 Oberursel",
            "T +49 6171 5550123 | M +49 151 23456789",
            "<a href='mailto:l.wolff@taunus-solar.example'>l.wolff@taunus-solar.example</a>",
            "<span style='font-size:9px;color:#888'>Geschäftsführung: Markus Held | "
            "Amtsgericht Bad Homburg HRB 14321</span>",
        ),
        "DE",
        "de",
        "html",
        "table",
        "logo",
        "imprint",
        html=True,
        first_name="Lena",
        last_name="Wolff",
        title="Projektleiterin Photovoltaik",
        company="Taunus Solar GmbH",
        street="Industriestraße 7",
        city="Oberursel",
        postal_code="61440",
        phone="+4961715550123",
        mobile="+4915123456789",
        email="l.wolff@taunus-solar.example",
    ),
    _case(
        "089",
        "a.mercier@loire-ingenierie.example",
        "Antoine Mercier",
        "<html><body><p>Bonjour,</p><p>Je vous confirme notre présence au salon.</p>"
        "<p>Cordialement,</p><table><tr><td><img src='cid:logo' alt='Loire Ingénierie'></td>"
        "<td><p style='margin:0'><b>Antoine MERCIER</b></p><p style='margin:0'>Directeur "
        "technique</p><p style='margin:0'>Loire Ingénierie SAS</p><p style='margin:0'>"
        "5 quai de la Fosse &ndash; 44000 Nantes</p><p style='margin:0'>"
        "<img src='cid:tel' alt='Tél'> 02 40 55 01 21</p><p style='margin:0'>"
        "<img src='cid:mob' alt='Mobile'> 06 55 55 01 42</p></td></tr></table>"
        "<p style='font-size:8px'>Pensez à l'environnement avant d'imprimer ce message.</p>"
        "</body></html>",
        "FR",
        "fr",
        "html",
        "table",
        "logo",
        "all-caps",
        html=True,
        first_name="Antoine",
        last_name="Mercier",
        title="Directeur technique",
        company="Loire Ingénierie SAS",
        street="5 quai de la Fosse",
        city="Nantes",
        postal_code="44000",
        phone="+33240550121",
        mobile="+33655550142",
    ),
    _case(
        "090",
        "m.jansen@polderagri.example",
        "Maarten Jansen",
        _mso(
            "Beste Lisa,<br><br>Bedankt voor je bericht. Ik bel je morgen.",
            "Met vriendelijke groet,",
            "<b>Maarten Jansen</b>",
            "Accountmanager",
            "Polder Agri B.V.",
            "Stationsplein 8 | 3511 ED Utrecht",
            "T: 030 555 0123",
            '<img src="cid:image002.png" alt="Polder Agri - samen groeien">',
        ),
        "NL",
        "nl",
        "html",
        "outlook",
        "logo",
        html=True,
        first_name="Maarten",
        last_name="Jansen",
        title="Accountmanager",
        company="Polder Agri B.V.",
        street="Stationsplein 8",
        city="Utrecht",
        postal_code="3511 ED",
        phone="+31305550123",
    ),
    _case(
        "091",
        "c.navarro@levantesolar.example",
        "Carmen Navarro",
        _gmail(
            "Hola Daniel,<br>Te confirmo la reunión del martes.",
            "Carmen Navarro Ruiz",
            "Directora de Operaciones | Levante Solar S.L.",
            "Av. del Puerto 120, 46023 Valencia",
            "Tel. 96 355 01 23 · Móvil 655 501 234",
        ),
        "ES",
        "es",
        "html",
        "gmail",
        html=True,
        first_name="Carmen",
        last_name="Navarro Ruiz",
        title="Directora de Operaciones",
        company="Levante Solar S.L.",
        street="Av. del Puerto 120",
        city="Valencia",
        postal_code="46023",
        phone="+34963550123",
        mobile="+34655501234",
    ),
    _case(
        "092",
        "l.moretti@lagunavetro.example",
        "Luca Moretti",
        _mso(
            "Gentile Signora Weber,<br>la spedizione è partita oggi.",
            "Cordiali saluti",
            "<b>Luca Moretti</b> | Export Manager | Laguna Vetro S.r.l.",
            "Fondamenta dei Vetrai 12, 30141 Murano (VE)",
            "Tel. +39 041 555 0123",
        ),
        "IT",
        "it",
        "html",
        "outlook",
        "one-line",
        html=True,
        first_name="Luca",
        last_name="Moretti",
        title="Export Manager",
        company="Laguna Vetro S.r.l.",
        street="Fondamenta dei Vetrai 12",
        city="Murano",
        state="VE",
        postal_code="30141",
        phone="+390415550123",
    ),
    _case(
        "093",
        "k.alfarsi@gulfbridge.example",
        "Khalid Al-Farsi",
        _mso(
            "Dear Mr. Collins,<br><br>We are pleased to confirm the order.",
            "Best Regards,",
            "<b>Khalid Al-Farsi</b>",
            "Procurement Manager",
            "Gulf Bridge Trading LLC",
            "Office 1204, Bay Square, Business Bay, Dubai, United Arab Emirates",
            "Tel: +971 4 555 0123 | Mob: +971 50 555 0123",
        ),
        "AE",
        "en",
        "html",
        "outlook",
        html=True,
        first_name="Khalid",
        last_name="Al-Farsi",
        title="Procurement Manager",
        company="Gulf Bridge Trading LLC",
        street="Office 1204, Bay Square, Business Bay",
        city="Dubai",
        country="United Arab Emirates",
        phone="+97145550123",
        mobile="+971505550123",
    ),
    _case(
        "094",
        "s.chen@lionharbour.example",
        "Shu Chen",
        _apple(
            "Received, thank you. Will revert by Friday.",
            "Chen Shu (Sharon)",
            "Regional Finance Manager, APAC",
            "Lion Harbour Holdings Pte. Ltd.",
            "10 Marina Boulevard, #22-01, Singapore 018983",
            "DID: +65 6555 0123",
        ),
        "SG",
        "en",
        "html",
        "apple",
        "last-first",
        html=True,
        first_name="Shu",
        last_name="Chen",
        title="Regional Finance Manager, APAC",
        company="Lion Harbour Holdings Pte. Ltd.",
        street="10 Marina Boulevard, #22-01",
        city="Singapore",
        postal_code="018983",
        country="Singapore",
        phone="+6565550123",
    ),
    # -- replies and forwards: the newest signature, never a quoted one ----------------------
    _case(
        "095",
        "jason.wright@summitroofing.example",
        "Jason Wright",
        "Hi Karen,\n\nWe can start on the 21st. Revised quote attached.\n\nThanks,\nJason Wright\n"
        "Estimator | Summit Roofing Co.\n(614) 555-0142\n"
        + _outlook_header("Karen Liu", "karen.liu@oakmontprop.example", "RE: Roof replacement")
        + "Hi Jason,\n\nCan you start before the end of the month?\n\nKaren Liu\n"
        "Property Manager\nOakmont Property Management\n75 E Broad St, Columbus, OH 43215\n"
        "Office: (614) 555-0100\n",
        "US",
        "en",
        "plain",
        "reply",
        first_name="Jason",
        last_name="Wright",
        title="Estimator",
        company="Summit Roofing Co.",
        phone="+16145550142",
    ),
    _case(
        "096",
        "n.fischer@bodensee-medtech.example",
        "Nina Fischer",
        "On Tue, 11 Mar 2025 at 09:12, Daniel Roth <d.roth@alpinclinic.example> wrote:\n"
        + _quoted(
            "Hi Nina,\n\nCould you send the updated price list?\n\nBest,\nDaniel Roth\n"
            "Head of Purchasing\nAlpin Clinic AG\n+41 31 555 01 77"
        )
        + "\nSure, here it is.\n\nBest regards\nNina Fischer\nSales Manager DACH\n"
        "Bodensee MedTech GmbH\nSeestraße 21, 88045 Friedrichshafen\nTel. +49 7541 5550123\n",
        "DE",
        "en",
        "plain",
        "reply",
        "bottom-post",
        first_name="Nina",
        last_name="Fischer",
        title="Sales Manager DACH",
        company="Bodensee MedTech GmbH",
        street="Seestraße 21",
        city="Friedrichshafen",
        postal_code="88045",
        phone="+4975415550123",
    ),
    _case(
        "097",
        "g.morgan@brecondistilling.example",
        "Gareth Morgan",
        "On 11/03/2025 09:30, Sophie Turner wrote:\n"
        + _quoted("Are the casks ready for collection on Monday?")
        + "\nYes - from 8am.\n\n"
        + _quoted("And can you invoice us separately for the bottling?")
        + "\nNo problem, I'll ask accounts.\n\n-- \nGareth Morgan\nWarehouse Manager\n"
        "Brecon Distilling Co.\nBrecon LD3 8LA\n01874 555012\n",
        "UK",
        "en",
        "plain",
        "reply",
        "inline-reply",
        "thunderbird",
        first_name="Gareth",
        last_name="Morgan",
        title="Warehouse Manager",
        company="Brecon Distilling Co.",
        city="Brecon",
        postal_code="LD3 8LA",
        phone="+441874555012",
    ),
    _case(
        "098",
        "a.kaur@maplefinancial.example",
        "Amrit Kaur",
        "Hi team - forwarding the client's request below, can someone pick this up?\n\n"
        "Amrit Kaur\nClient Relationship Manager | Maple Financial Group\nT 905-555-0136\n\n"
        "---------- Forwarded message ---------\nFrom: Robert Green <rgreen@greenacres.example>\n"
        "Date: Mon, Mar 10, 2025 at 4:51 PM\nSubject: Account transfer\n"
        "To: Amrit Kaur <a.kaur@maplefinancial.example>\n\n"
        "Hello Amrit,\n\nPlease transfer my RRSP to the new account.\n\nRobert Green\n"
        "Owner, Green Acres Farm Supply\n519-555-0167\n",
        "CA",
        "en",
        "plain",
        "forward",
        first_name="Amrit",
        last_name="Kaur",
        title="Client Relationship Manager",
        company="Maple Financial Group",
        phone="+19055550136",
    ),
    _case(
        "099",
        "b.lambert@champagne-lambert.example",
        "Bruno Lambert",
        "Bonjour Madame,\n\nC'est noté, merci.\n\nBruno Lambert\nDirecteur commercial\n"
        "Champagne Lambert & Fils\n51200 Épernay\n03 26 55 01 20\n\n"
        "De : Hélène Garnier <h.garnier@cavesdelest.example>\n"
        "Envoyé : lundi 10 mars 2025 17:40\nÀ : Bruno Lambert <b.lambert@champagne-lambert.example>"
        "\nObjet : Commande n° 4521\n\nBonjour Monsieur Lambert,\n\nPouvez-vous confirmer la "
        "livraison ?\n\nHélène Garnier\nAcheteuse - Caves de l'Est\n10 rue des Vignes, "
        "54000 Nancy\nTél. 03 83 55 01 20\n",
        "FR",
        "fr",
        "plain",
        "reply",
        first_name="Bruno",
        last_name="Lambert",
        title="Directeur commercial",
        company="Champagne Lambert & Fils",
        city="Épernay",
        postal_code="51200",
        phone="+33326550120",
    ),
    _case(
        "100",
        "m.horvath@donau-trans.example",
        "Maria Horvath",
        "Hallo Peter,\n\nja, LKW kommt am Mittwoch.\n\nLG Maria\n\nMaria Horvath\nDisposition\n"
        "Donau Trans GmbH\nT +43 1 555 0123\n\n"
        "Von: Peter Lang <p.lang@steirerholz.example>\nGesendet: Montag, 10. März 2025 11:02\n"
        "An: Maria Horvath <m.horvath@donau-trans.example>\nBetreff: Abholung\n\n"
        "Hallo Maria,\nwann kommt der LKW?\n\nMit freundlichen Grüßen\nPeter Lang\n"
        "Einkaufsleiter\nSteirerholz GmbH\nGrazer Straße 5, 8010 Graz\nTel: +43 316 555 0123\n",
        "AT",
        "de",
        "plain",
        "reply",
        first_name="Maria",
        last_name="Horvath",
        title="Disposition",
        company="Donau Trans GmbH",
        phone="+4315550123",
    ),
    _case(
        "101",
        "tyler.jenkins@cobaltfreight.example",
        "Tyler Jenkins",
        "Got it, thanks Mia.\n\nTyler\n\nTyler Jenkins\nCobalt Freight Brokers\n"
        "M 816-555-0154\n\nOn Mar 11, 2025, at 10:05 AM, Mia Alvarez <mia@sunbeltproduce.example> "
        "wrote:\n\n"
        + _quoted(
            "Tyler - load #8841 is ready.\n\nMia Alvarez\nShipping Supervisor\n"
            "Sunbelt Produce Inc.\n2801 S Main St, McAllen, TX 78503\n956-555-0178"
        ),
        "US",
        "en",
        "plain",
        "reply",
        first_name="Tyler",
        last_name="Jenkins",
        company="Cobalt Freight Brokers",
        mobile="+18165550154",
    ),
    _case(
        "102",
        "isabel.costa@lisboatech.example",
        "Isabel Costa",
        "Olá Miguel,\n\nObrigada, fico a aguardar.\n\nCumprimentos,\nIsabel Costa\n"
        "Diretora de Parcerias\nLisboa Tech, S.A.\nAv. da Liberdade 110, 1250-146 Lisboa, Portugal"
        "\nTel: +351 21 555 0123\n\n-----Original Message-----\n"
        "From: Miguel Santos <msantos@portovinhos.example>\nSent: 10 March 2025 18:20\n"
        "To: Isabel Costa\nSubject: Parceria\n\nIsabel,\nsegue a proposta.\n\nMiguel Santos\n"
        "Porto Vinhos Lda.\n+351 22 555 0123\n",
        "PT",
        "pt",
        "plain",
        "reply",
        first_name="Isabel",
        last_name="Costa",
        title="Diretora de Parcerias",
        company="Lisboa Tech, S.A.",
        street="Av. da Liberdade 110",
        city="Lisboa",
        postal_code="1250-146",
        country="Portugal",
        phone="+351215550123",
    ),
    _case(
        "103",
        "kwame.mensah@goldcoastagro.example",
        "Kwame Mensah",
        "Kwame Mensah | Export Director | Gold Coast Agro Ltd | +44 20 3984 0123\n\n"
        "> On 9 Mar 2025, at 14:00, Lisa Brown <lisa@hollandcocoa.example> wrote:\n>\n"
        "> Kwame, please send the certificates.\n> Lisa Brown\n> Quality Manager, Holland Cocoa "
        "B.V.\n> +31 20 123 4567\n",
        "UK",
        "en",
        "plain",
        "reply",
        "one-line",
        first_name="Kwame",
        last_name="Mensah",
        title="Export Director",
        company="Gold Coast Agro Ltd",
        phone="+442039840123",
    ),
    # -- labelled blocks, vCards, icons, unusual name orders ---------------------------------
    _case(
        "104",
        "r.hayes@bluegrassbourbon.example",
        "Robert Hayes",
        "Robert,\n\nThe samples shipped this morning.\n\nRobert L. Hayes Jr.\nDistillery "
        "Manager\nBluegrass Bourbon Company\n1224 Manchester St, Lexington, KY 40504\n"
        "Office 859-555-0133 | Fax 859-555-0134\n",
        "US",
        "en",
        "plain",
        "post-nominals",
        first_name="Robert",
        last_name="Hayes",
        title="Distillery Manager",
        company="Bluegrass Bourbon Company",
        street="1224 Manchester St",
        city="Lexington",
        state="KY",
        postal_code="40504",
        phone="+18595550133",
        fax="+18595550134",
    ),
    _case(
        "105",
        "hiro.nakamura@tidalwave.example",
        "Hiro Nakamura",
        "Thanks, see attached.\n\nNakamura, Hiro | Solutions Engineer\nTidalWave Networks\n"
        "+1 (408) 555-0187\n",
        "US",
        "en",
        "plain",
        "last-first",
        first_name="Hiro",
        last_name="Nakamura",
        title="Solutions Engineer",
        company="TidalWave Networks",
        phone="+14085550187",
    ),
    _case(
        "106",
        "a.schmidt@kieler-werft.example",
        "Anna Schmidt",
        "Anbei meine Kontaktdaten für Ihr CRM.\n\n"
        "Name:     Anna Schmidt\nPosition: Technische Einkäuferin\nFirma:    Kieler Werft GmbH\n"
        "Adresse:  Werftstraße 112, 24148 Kiel\nTelefon:  +49 431 5550123\n"
        "Mobil:    +49 170 5550123\nE-Mail:   a.schmidt@kieler-werft.example\n",
        "DE",
        "de",
        "plain",
        "vcard",
        first_name="Anna",
        last_name="Schmidt",
        title="Technische Einkäuferin",
        company="Kieler Werft GmbH",
        street="Werftstraße 112",
        city="Kiel",
        postal_code="24148",
        phone="+494315550123",
        mobile="+491705550123",
        email="a.schmidt@kieler-werft.example",
    ),
    _case(
        "107",
        "d.park@evergreenhvac.example",
        "Daniel Park",
        "Hi Maria, my contact card is below.\n\nDaniel Park\nBEGIN:VCARD\nVERSION:3.0\n"
        "N:Park;Daniel;;;\nFN:Daniel Park\nORG:Evergreen HVAC Services\nTITLE:Service Manager\n"
        "TEL;TYPE=WORK,VOICE:+1-253-555-0148\nTEL;TYPE=CELL:+1-253-555-0191\n"
        "EMAIL:d.park@evergreenhvac.example\nEND:VCARD\n",
        "US",
        "en",
        "plain",
        "vcard",
        first_name="Daniel",
        last_name="Park",
        title="Service Manager",
        company="Evergreen HVAC Services",
        phone="+12535550148",
        mobile="+12535550191",
        email="d.park@evergreenhvac.example",
    ),
    _case(
        "108",
        "mia.kelly@brightsideevents.example",
        "Mia Kelly",
        "Hiya! Attached is the run sheet 🎉\n\nMia Kelly ✨\nEvent Producer @ Brightside Events\n"
        "📱 0423 555 876\n✉️ mia.kelly@brightsideevents.example\n🌐 brightsideevents.example\n"
        "📍 Fortitude Valley QLD 4006\n",
        "AU",
        "en",
        "plain",
        "emoji",
        first_name="Mia",
        last_name="Kelly",
        title="Event Producer",
        company="Brightside Events",
        mobile="+61423555876",
        email="mia.kelly@brightsideevents.example",
        website="brightsideevents.example",
        city="Fortitude Valley",
        state="QLD",
        postal_code="4006",
    ),
    _case(
        "109",
        "ms.johnson-reyes@lakeviewacademy.example",
        "Mary-Kate Johnson-Reyes",
        "Dear Parents,\n\nThe field trip form is due Friday.\n\nWarmly,\n\n"
        "Mary-Kate Johnson-Reyes\nAdmissions Director\nLakeview Academy\n"
        "900 N Lake Shore Dr, Chicago, IL 60611\n(312) 555-0155\n",
        "US",
        "en",
        "plain",
        "hyphenated-first",
        "compound-last",
        first_name="Mary-Kate",
        last_name="Johnson-Reyes",
        title="Admissions Director",
        company="Lakeview Academy",
        street="900 N Lake Shore Dr",
        city="Chicago",
        state="IL",
        postal_code="60611",
        phone="+13125550155",
    ),
    _case(
        "110",
        "ana.lima@serradomar.example",
        "Ana Paula de Souza Lima",
        "Bom dia,\n\nObrigada pelo retorno.\n\nAna Paula de Souza Lima\nCoordenadora de "
        "Compras\nSerra do Mar Alimentos S.A.\nRua XV de Novembro, 250 - Centro\n"
        "Curitiba - PR, 80020-310\nTel.: +55 41 3555-0123\n",
        "BR",
        "pt",
        "plain",
        "compound-first",
        first_name="Ana Paula",
        last_name="de Souza Lima",
        title="Coordenadora de Compras",
        company="Serra do Mar Alimentos S.A.",
        street="Rua XV de Novembro, 250 - Centro",
        city="Curitiba",
        state="PR",
        postal_code="80020-310",
        phone="+554135550123",
    ),
    _case(
        "111",
        "oliver.wood@thamesdigital.example",
        "Oliver Wood",
        "Cheers,\nOllie\n\nOLIVER WOOD\nHEAD OF GROWTH\nThames Digital\n"
        "M: +44 7441 555123\nE: oliver.wood@thamesdigital.example\nW: thamesdigital.example\n"
        "Twitter: @oliverwood | LinkedIn: linkedin.com/in/oliverwood\n",
        "UK",
        "en",
        "plain",
        "all-caps",
        "social",
        first_name="Oliver",
        last_name="Wood",
        title="HEAD OF GROWTH",
        company="Thames Digital",
        mobile="+447441555123",
        email="oliver.wood@thamesdigital.example",
        website="thamesdigital.example",
        linkedin="linkedin.com/in/oliverwood",
    ),
    _case(
        "112",
        "wei.zhang@pacificrimtrade.example",
        "Wei Zhang",
        "Hi Mr. Lopez,\nPlease see attached invoice.\n\nRegards\nWei Zhang\n"
        "Pacific Rim Trading Co.\nTel: (626) 555-0118 Ext. 112\n"
        "Fax: (626) 555-0119\n",
        "US",
        "en",
        "plain",
        "extension",
        first_name="Wei",
        last_name="Zhang",
        company="Pacific Rim Trading Co.",
        phone="+16265550118",
        fax="+16265550119",
    ),
    _case(
        "113",
        "connor.walsh@gmail.com",
        "Connor Walsh",
        "Hi,\n\nI'm interested in a franchise in the Denver area. Could you send more info?\n\n"
        "Thanks,\nConnor Walsh\n720-555-0129\n\nSent from my iPhone\n",
        "US",
        "en",
        "plain",
        "free-mail",
        "mobile-footer",
        first_name="Connor",
        last_name="Walsh",
        phone="+17205550129",
    ),
    _case(
        "114",
        "t.lindgren@nordicsteel.example",
        "Tove Lindgren",
        "Hej Erik,\n\nTack för senast!\n\nMed vänliga hälsningar\nTove Lindgren\n"
        "Inköpschef\nNordic Steel AB\nKungsgatan 44, 111 35 Stockholm, Sverige\n"
        "Tel: 08 555 012 34\nMobil: 070 555 01 23\n",
        "SE",
        "sv",
        "plain",
        first_name="Tove",
        last_name="Lindgren",
        title="Inköpschef",
        company="Nordic Steel AB",
        street="Kungsgatan 44",
        city="Stockholm",
        postal_code="111 35",
        country="Sverige",
        phone="+46855501234",
        mobile="+46705550123",
    ),
    _case(
        "115",
        "pooja.iyer@chennaimotors.example",
        "Pooja Iyer",
        "Get Outlook for Android\n\nOn Tue, Mar 11, 2025 at 9:00 AM +0530, Arjun Rao "
        "<arjun@vellorespares.example> wrote:\n\nHi Pooja, any update on the PO?\n\nArjun Rao\n"
        "Vellore Spares\n+91 99 8765 4321\n",
        "IN",
        "en",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
    # -- no signature: invites, auto-replies, newsletters, notifications, bare replies -------
    _case(
        "116",
        "sam.ortiz@northwind.example",
        "Sam Ortiz",
        "Invitation: Q2 pipeline review @ Thu Mar 13, 2025 2pm - 3pm (EDT) "
        "(jordan@stratus.example)\n\nJoin with Google Meet\nmeet.google.com/abc-defg-hij\n\n"
        "Join by phone\n(US) +1 415-555-0134\nPIN: 123 456 789#\n\nView all guest info\n\n"
        "Organizer\nsam.ortiz@northwind.example\n\nGuests\nsam.ortiz@northwind.example - "
        "organizer\njordan@stratus.example\n\nReply for jordan@stratus.example\nYes  No  Maybe\n\n"
        "Invitation from Google Calendar\n\nYou are receiving this email because you are an "
        "attendee on the event. To stop receiving future updates for this event, decline it.\n",
        "US",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "117",
        "l.fontaine@fontaine-avocats.example",
        "Louis Fontaine",
        "<html><body><div>Réunion de lancement</div><div style='width:100%'>"
        "<span>________________________________________________________________________________"
        "</span><div><span style='font-size:24px'>Réunion Microsoft Teams</span></div>"
        "<div><b>Rejoindre sur votre ordinateur, application mobile ou appareil de salle</b></div>"
        "<a href='https://teams.microsoft.com/l/meetup-join/19%3ameeting'>Cliquez ici pour "
        "participer à la réunion</a><div>ID de la réunion : 312 555 019 876</div>"
        "<div>Code secret : aB3xYz</div><div><b>Participer par téléphone (audio "
        "uniquement)</b></div><div>+33 1 55 55 01 42,,612345678#   France, Paris</div>"
        "<div>ID de conférence téléphonique : 612 345 678#</div>"
        "<a href='https://aka.ms/JoinTeamsMeeting'>En savoir plus</a> | "
        "<a href='https://teams.microsoft.com/meetingOptions'>Options de réunion</a>"
        "<span>________________________________________________________________________________"
        "</span></div></body></html>",
        "FR",
        "fr",
        "html",
        "invite",
        "unsigned",
        html=True,
    ),
    _case(
        "118",
        "no-reply@zoom.example",
        None,
        "Hi there,\n\nKaren Liu is inviting you to a scheduled Zoom meeting.\n\n"
        "Topic: Roof replacement walkthrough\nTime: Mar 14, 2025 10:00 AM Eastern Time (US and "
        "Canada)\n\nJoin Zoom Meeting\nhttps://zoom.example/j/81234567890?pwd=abc\n\n"
        "Meeting ID: 812 3456 7890\nPasscode: 445566\n\nOne tap mobile\n"
        "+16465550110,,81234567890# US (New York)\n\nDial by your location\n"
        "+1 646 555 0110 US (New York)\n",
        "US",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "119",
        "marcus.bell@ironbarkcap.example",
        "Marcus Bell",
        "Thank you for your email. I am out of the office until Monday, March 17, with limited "
        "access to email. For urgent matters please contact my assistant, Tanya Brooks, at "
        "tanya.brooks@ironbarkcap.example or (646) 555-0111.\n\nBest,\nMarcus\n",
        "US",
        "en",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "120",
        "t.schulz@spreetec.example",
        "Tobias Schulz",
        "Vielen Dank für Ihre Nachricht. Ich bin bis zum 24.03.2025 nicht im Büro und habe "
        "keinen Zugriff auf meine E-Mails. Ihre Nachricht wird nicht weitergeleitet. In "
        "dringenden Fällen wenden Sie sich bitte an vertrieb@spreetec.example oder "
        "+49 30 1234567.\n\nThank you for your message. I am out of the office until "
        "24 March 2025.\n",
        "DE",
        "de",
        "en",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "121",
        "e.bernard@lumiereconseil.example",
        "Émilie Bernard",
        "Réponse automatique : Bonjour, je suis absente du 10 au 21 mars inclus. Pour toute "
        "demande urgente, vous pouvez joindre le standard au 01 55 55 01 40. Cordialement, "
        "Émilie Bernard\n",
        "FR",
        "fr",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "122",
        "m.garcia@solmediterraneo.example",
        "María García",
        "Respuesta automática: Estaré fuera de la oficina hasta el 20 de marzo. Para asuntos "
        "urgentes, contacte con compras@solmediterraneo.example o llame al +34 91 123 45 60.\n"
        "Gracias.\n",
        "ES",
        "es",
        "plain",
        "out-of-office",
        "unsigned",
    ),
    _case(
        "123",
        "sarah.nguyen@harbourbridge.example",
        "Sarah Nguyen",
        _mso(
            "Hi,<br><br>I'm currently on leave and will return on Tuesday 25 March. If your "
            "matter is urgent, please contact procurement@harbourbridge.example or call "
            "(02) 5550 1200.<br><br>Thanks,<br>Sarah"
        ),
        "AU",
        "en",
        "html",
        "outlook",
        "out-of-office",
        "unsigned",
        html=True,
    ),
    _case(
        "124",
        "news@quarryhill.example",
        "Quarry Hill Software",
        "Quarry Hill Product Digest - March 2025\n\nWhat's new: faster exports, SSO for every "
        "plan, and a refreshed mobile app.\n\nRead more: https://quarryhill.example/blog\n\n"
        "You are receiving this email because you signed up for product updates.\n"
        "Unsubscribe | Manage preferences\n\nQuarry Hill Software, Inc. · 1 Technology Dr., "
        "Suite 300 · Irvine, CA 92618 · USA\n(949) 555-0100\n",
        "US",
        "en",
        "plain",
        "newsletter",
        "unsigned",
    ),
    _case(
        "125",
        "hello@thamesdigital.example",
        "Thames Digital",
        "<html><body><table width='600'><tr><td><img src='https://thamesdigital.example/h.png' "
        "alt='Thames Digital'></td></tr><tr><td><h1>Five growth experiments for Q2</h1>"
        "<p>From pricing pages to onboarding emails, here is what worked for our clients.</p>"
        "<a href='https://thamesdigital.example/q2'>Read the guide</a></td></tr>"
        "<tr><td style='font-size:11px;color:#777'>Thames Digital Ltd, 20 Fenchurch Street, "
        "London EC3M 3BY, United Kingdom<br>Registered in England and Wales No. 11223344<br>"
        "<a href='https://thamesdigital.example/unsub'>Unsubscribe</a></td></tr></table>"
        "</body></html>",
        "UK",
        "en",
        "html",
        "newsletter",
        "unsigned",
        html=True,
    ),
    _case(
        "126",
        "newsletter@rheinpapier.example",
        "Rheinpapier AG",
        "Rheinpapier Newsletter 03/2025\n\nNeu im Sortiment: Recyclingpapier in 12 Farben.\n"
        "Jetzt bestellen: https://rheinpapier.example/shop\n\nSie erhalten diesen Newsletter, "
        "weil Sie sich auf unserer Website angemeldet haben. Abmelden\n\nImpressum\n"
        "Rheinpapier AG\nKönigsallee 60\n40212 Düsseldorf\nTelefon: +49 211 5550100\n"
        "Vorstand: Dr. Ingrid Hahn (Vors.), Jan Krause\nAmtsgericht Düsseldorf HRB 54321\n",
        "DE",
        "de",
        "plain",
        "newsletter",
        "imprint",
        "unsigned",
    ),
    _case(
        "127",
        "contact@provence-cosmetiques.example",
        "Provence Cosmétiques",
        "Découvrez notre nouvelle gamme printemps !\n\n-20 % sur toute la collection jusqu'au "
        "31 mars avec le code PRINTEMPS.\n\nProvence Cosmétiques - 240 avenue du Club Hippique, "
        "13090 Aix-en-Provence, France\nVous recevez cet e-mail car vous êtes inscrit à notre "
        "newsletter. Se désinscrire\n",
        "FR",
        "fr",
        "plain",
        "newsletter",
        "unsigned",
    ),
    _case(
        "128",
        "dse@docusign.example",
        "Natalie Brooks via DocuSign",
        "Your document has been completed\n\nAll parties have completed Please DocuSign: "
        "Vireo_MSA_2025.pdf.\n\nVIEW COMPLETED DOCUMENT\n\nDo Not Share This Email\nThis email "
        "contains a secure link to DocuSign. Please do not share this email, link, or access "
        "code with others.\n\nAbout DocuSign\nSign documents electronically in just minutes.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "129",
        "jira@keystonecyber.example",
        "Olivia Bennett (Jira)",
        "Olivia Bennett changed the status of SEC-4412 to In Review\n\n"
        "SEC-4412: Pilot onboarding checklist\nAssignee: Jordan Lee\nPriority: High\n\n"
        "View issue · Add comment\n\nGet Jira notifications on your phone! Download the Jira "
        "Cloud app for Android or iOS.\n\nThis message was sent by Atlassian Jira.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "130",
        "tracking@parcelnet.example",
        None,
        "Your parcel is on its way!\n\nTracking number: PN1234567890GB\nEstimated delivery: "
        "Thursday 13 March, 10:00-12:00\n\nQuestions? Call us on 0207 946 0888 (Mon-Fri "
        "8am-6pm).\n\nParcelNet UK Ltd, Unit 5, Heathrow Logistics Park, Hounslow TW4 6JS\n",
        "UK",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "131",
        "no-reply@vireoanalytics.example",
        "Vireo Analytics",
        "Reset your password\n\nWe received a request to reset the password for your account. "
        "This link expires in 30 minutes.\n\nhttps://app.vireoanalytics.example/reset?t=abc\n\n"
        "If you didn't request this, you can ignore this email.\n\n— The Vireo Analytics Team\n"
        "Vireo Analytics, Inc., 500 W 2nd Street, Suite 1900, Austin, TX 78701\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "132",
        "billing@harborpointlaw.example",
        "Harbor Point Law Group Billing",
        "Invoice INV-2025-0312 is now available.\n\nAmount due: $4,250.00\nDue date: April 10, "
        "2025\n\nPay online: https://pay.harborpointlaw.example\n\nQuestions about this "
        "invoice? Call 1-800-555-0199 or reply to this email.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "133",
        "kayla@coastmountain.example",
        "Kayla Thompson",
        "Sounds good.\n",
        "CA",
        "en",
        "plain",
        "one-line",
        "unsigned",
    ),
    _case(
        "134",
        "derek.chow@prairiegrain.example",
        "Derek Chow",
        "Thanks!\nSent from my phone\n",
        "CA",
        "en",
        "plain",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "135",
        "uwe.brandt@neckarbau.example",
        "Uwe Brandt",
        "Ok 👍\n\nVon meinem iPhone gesendet\n",
        "DE",
        "de",
        "plain",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "136",
        "jm.rossi@calanques-yachting.example",
        "Jean-Marc Rossi",
        "Merci !\n\nEnvoyé de mon iPhone\n\n> Le 11 mars 2025 à 09:14, Paul Martin "
        "<paul@rivieracharter.example> a écrit :\n>\n> Bonjour Jean-Marc, le bateau est prêt.\n"
        ">\n> Paul Martin\n> Riviera Charter\n> 06 55 55 01 87\n",
        "FR",
        "fr",
        "plain",
        "mobile-footer",
        "reply",
        "unsigned",
    ),
    _case(
        "137",
        "jen@wildflowerbakery.example",
        "Jen Alvarez",
        _gmail(
            "Perfect, thank you!<br><br>Best,<br>Jen",
            quote_attr="On Tue, Mar 11, 2025 at 11:02 AM Ray Delgado "
            "&lt;ray.delgado@mesaverde.example&gt; wrote:",
            quote="Hi Jen, we can plant the beds on Friday.<br><br>Ray Delgado<br>Owner<br>"
            "Mesa Verde Landscaping LLC<br>(505) 555-0122<br>www.mesaverde.example",
        ),
        "US",
        "en",
        "html",
        "gmail",
        "reply",
        "sign-off-only",
        "unsigned",
        html=True,
    ),
    _case(
        "138",
        "mike.donovan@tristatefleet.example",
        "Mike Donovan",
        "Thanks, Mike\n"
        + _outlook_header("Brian Novak", "b.novak@prairiewind.example", "Turbine service quote")
        + "Mike,\n\nAttached is the service quote for the 12 units.\n\nBrian Novak | Regional "
        "Sales Manager | Prairie Wind Energy\nOffice 402-555-0127 x214 | Cell 402-555-0168\n",
        "US",
        "en",
        "plain",
        "reply",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "139",
        "a.kaur@maplefinancial.example",
        "Amrit Kaur",
        "FYI\n\n---------- Forwarded message ---------\nFrom: Ravi Singh "
        "<r.singh@northstarinsure.example>\nDate: Tue, Mar 11, 2025 at 9:30 AM\n"
        "Subject: Renewal\nTo: Amrit Kaur <a.kaur@maplefinancial.example>\n\nHi Amrit,\n\n"
        "The renewal terms are attached.\n\nRegards,\nRavi Singh\nSenior Underwriter, "
        "Commercial Lines\nNorthstar Insurance Company of Canada\n100 King Street West, Suite 1500"
        "\nToronto, ON M5X 1A9\nT: 416-555-0139\n",
        "CA",
        "en",
        "plain",
        "forward",
        "unsigned",
    ),
    _case(
        "140",
        "lisa.meyer@kundenwerk.example",
        "Lisa Meyer",
        '<div dir="ltr"><div>Siehe unten.</div><br><div class="gmail_quote"><div dir="ltr" '
        'class="gmail_attr">---------- Forwarded message ---------<br>Von: <strong '
        'class="gmail_sendername" dir="auto">Frank Richter</strong> <span dir="auto">&lt;'
        "f.richter@elbtal-pumpen.example&gt;</span><br>Date: Mo., 10. März 2025 um 14:05<br>"
        "Subject: Angebot<br>To: &lt;lisa.meyer@kundenwerk.example&gt;<br></div><br><br>"
        "<div>Hallo Frau Meyer,<br>anbei das Angebot.<br><br>Mit freundlichen Grüßen<br>"
        "Frank Richter<br>Vertriebsingenieur<br>Elbtal Pumpen GmbH<br>Pillnitzer Landstraße 34 · "
        "01326 Dresden<br>Tel. +49 351 5550140</div></div></div>",
        "DE",
        "de",
        "html",
        "gmail",
        "forward",
        "unsigned",
        html=True,
    ),
    _case(
        "141",
        "dave.kim@riverbendcpa.example",
        "Dave Kim",
        "On Mon, Mar 10, 2025 at 5:02 PM, Nora Abbott wrote:\n"
        + _quoted(
            "Dave, can we move the review to Thursday?\n\nNora Abbott, CPA\nController\n"
            "Lakeshore Credit Union\n312-555-0104 ext. 7"
        )
        + "\nAgreed, Thursday works.\n\nDave\n",
        "US",
        "en",
        "plain",
        "reply",
        "bottom-post",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "142",
        "accounts@harborpointlaw.example",
        None,
        "Please see the attached statement.\n\nCONFIDENTIALITY NOTICE: This e-mail message, "
        "including any attachments, is for the sole use of the intended recipient(s) and may "
        "contain confidential and privileged information. Harbor Point Law Group LLP, "
        "100 Federal Street, Suite 2300, Boston, MA 02110.\n",
        "US",
        "en",
        "plain",
        "disclaimer",
        "unsigned",
    ),
    _case(
        "143",
        "zoe.harris@reefedge.example",
        "Zoe Harris",
        "Yep all sorted!\n\nGet Outlook for iOS\n",
        "AU",
        "en",
        "plain",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "144",
        "a.lopez@iberfruta.example",
        "Alejandro López",
        "Recibido, gracias.\n\nEnviado desde mi Samsung Galaxy\n",
        "ES",
        "es",
        "plain",
        "mobile-footer",
        "unsigned",
    ),
    _case(
        "145",
        "jordan.lee@keystonecyber.example",
        "Jordan Lee",
        "Accepted: Pilot kickoff\n\nJordan Lee has accepted this meeting.\n\n"
        "When: Thursday, March 13, 2025 2:00 PM-3:00 PM (UTC-05:00) Eastern Time (US & Canada)"
        "\nWhere: Microsoft Teams Meeting\n",
        "US",
        "en",
        "plain",
        "invite",
        "unsigned",
    ),
    _case(
        "146",
        "support@summitroofing.example",
        "Summit Roofing Support",
        "Hi there,\n\nHow did we do? Please rate your recent service visit (ticket #77812).\n\n"
        "Great   OK   Poor\n\nThanks for choosing us!\nThe Summit Roofing Team\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "147",
        "voicemail@phones.northwind.example",
        None,
        "You received a new voicemail from +1 (415) 555-0134 (Wireless Caller) on "
        "March 11, 2025 at 3:42 PM. Duration: 0:47.\n\nListen in the app or call 1-888-555-0123 "
        "to retrieve your messages.\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "148",
        "events@limmatvers.example",
        "Limmat Versicherungen",
        "Vielen Dank für Ihre Anmeldung zum Webinar «Cyber-Risiken für KMU» am 20. März 2025 "
        "um 10:00 Uhr.\n\nIhr Zugangslink: https://limmatvers.example/webinar\n\n"
        "Limmat Versicherungen AG · Bahnhofstrasse 42 · 8001 Zürich · Schweiz · "
        "+41 43 555 01 00\n",
        "CH",
        "de",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "149",
        "grace.lee@summitmedical.example",
        "Grace Lee",
        _apple(
            "Will do!",
            quote_attr="On Mar 11, 2025, at 9:01 AM, Tom Becker &lt;tom@helixdental.example&gt; "
            "wrote:",
            quote="Grace, please send the floor plan.<br><br>Tom Becker<br>Account Executive<br>"
            "Helix Dental Software<br>(312) 555-0100",
        ),
        "US",
        "en",
        "html",
        "apple",
        "reply",
        "unsigned",
        html=True,
    ),
    _case(
        "150",
        "f.richter@elbtal-pumpen.example",
        "Frank Richter",
        _mso(
            "Ich bin bis 21.03. im Urlaub. Ihre E-Mail wird nicht weitergeleitet. In dringenden "
            "Fällen wenden Sie sich bitte an vertrieb@elbtal-pumpen.example.",
            "<i>Elbtal Pumpen GmbH · Sitz Dresden · Amtsgericht Dresden HRB 40123 · "
            "Geschäftsführer: Dipl.-Ing. Olaf Krause</i>",
        ),
        "DE",
        "de",
        "html",
        "outlook",
        "out-of-office",
        "imprint",
        "unsigned",
        html=True,
    ),
    _case(
        "151",
        "mailer-daemon@mx.stratus.example",
        "Mail Delivery Subsystem",
        "Delivery to the following recipient failed permanently:\n\n"
        "     k.obrien@shamrockfreight.example\n\nTechnical details of permanent failure:\n"
        "550 5.1.1 The email account that you tried to reach does not exist.\n\n"
        "----- Original message -----\n\nHi Kate,\n\nFollowing up on the quote.\n\n"
        "Jordan Lee\nAccount Executive\nStratus Demo Co.\n(206) 555-0100\n",
        "US",
        "en",
        "plain",
        "notification",
        "unsigned",
    ),
    _case(
        "152",
        "tom.bradshaw@severnvale.example",
        "Tom Bradshaw",
        "Cheers, Tom\n",
        "UK",
        "en",
        "plain",
        "sign-off-only",
        "unsigned",
    ),
    _case(
        "153",
        "karen.liu@oakmontprop.example",
        "Karen Liu",
        "See below - can you help?\n\n"
        "Begin forwarded message:\n\nFrom: Jason Wright <jason.wright@summitroofing.example>\n"
        "Subject: Revised quote\nDate: March 11, 2025 at 10:22:41 AM EDT\n"
        "To: Karen Liu <karen.liu@oakmontprop.example>\n\nHi Karen,\nRevised quote attached.\n\n"
        "Jason Wright\nEstimator | Summit Roofing Co.\n(614) 555-0142\n\n"
        "Sent from my iPhone\n",
        "US",
        "en",
        "plain",
        "forward",
        "apple",
        "unsigned",
    ),
    # -- more mobile clients and labels ------------------------------------------------------
    _case(
        "154",
        "r.singh@northstarinsure.example",
        "Ravi Singh",
        "On my way, 10 min out.\n\nRavi Singh\nNorthstar Insurance Company of Canada\n"
        "416-555-0139\n\nGet Outlook for iOS\n",
        "CA",
        "en",
        "plain",
        "mobile-footer",
        first_name="Ravi",
        last_name="Singh",
        company="Northstar Insurance Company of Canada",
        phone="+14165550139",
    ),
    _case(
        "155",
        "hannah.price@oakleafcare.example",
        "Hannah Price",
        "Hi Dan,\n\nThanks for sending that over.\n\nBest wishes,\n\nHannah Price, Care Home "
        "Manager\nOakleaf Care Group\nE: hannah.price@oakleafcare.example | T: 0113 496 0788 | "
        "W: oakleafcare.example\n\nProud to be rated Outstanding by the CQC.\n",
        "UK",
        "en",
        "plain",
        "name-comma-title",
        first_name="Hannah",
        last_name="Price",
        title="Care Home Manager",
        company="Oakleaf Care Group",
        email="hannah.price@oakleafcare.example",
        phone="+441134960788",
        website="oakleafcare.example",
    ),
    _case(
        "156",
        "g.lapointe@outaouais-energie.example",
        "Guillaume Lapointe",
        "Guillaume Lapointe\nConseiller principal, Affaires réglementaires | Senior Advisor, "
        "Regulatory Affairs\nÉnergie Outaouais\n25, rue Laurier, Gatineau (Québec)  J8X 4C8\n"
        "Tél./Tel. : 819 555-0112 | Cell. : 819 555-0187\n",
        "CA",
        "fr",
        "en",
        "plain",
        "signature-only",
        "full-province",
        first_name="Guillaume",
        last_name="Lapointe",
        # bilingual: labelled whole, as written
        title="Conseiller principal, Affaires réglementaires | Senior Advisor, Regulatory Affairs",
        company="Énergie Outaouais",
        street="25, rue Laurier",
        city="Gatineau",
        state="Québec",
        postal_code="J8X 4C8",
        phone="+18195550112",
        mobile="+18195550187",
    ),
    _case(
        "157",
        "j.hansen@alsterkontor.example",
        "Jens Hansen",
        "Moin Herr Berg,\n\ndas passt uns gut.\n\nBeste Grüße aus Hamburg\nJens Hansen\n\n"
        "Alsterkontor Immobilien GmbH\nJens Hansen · Geschäftsführer\nBallindamm 17 · "
        "20095 Hamburg\nFon +49 40 5550123 · Fax +49 40 5550129 · mobil +49 172 5550123\n",
        "DE",
        "de",
        "plain",
        first_name="Jens",
        last_name="Hansen",
        title="Geschäftsführer",
        company="Alsterkontor Immobilien GmbH",
        street="Ballindamm 17",
        city="Hamburg",
        postal_code="20095",
        phone="+49405550123",
        fax="+49405550129",
        mobile="+491725550123",
    ),
    _case(
        "158",
        "ethan.clarke@swanriverwine.example",
        "Ethan Clarke",
        _gmail(
            "G'day Mia,<br><br>Samples will be with you Thursday.",
            "Ethan Clarke | Export Sales Manager",
            "Swan River Wine Co.",
            "Suite 3, 45 Hay Street, Perth WA 6000",
            "P +61 8 9555 0123 | M +61 400 555 123",
        ),
        "AU",
        "en",
        "html",
        "gmail",
        html=True,
        first_name="Ethan",
        last_name="Clarke",
        title="Export Sales Manager",
        company="Swan River Wine Co.",
        street="Suite 3, 45 Hay Street",
        city="Perth",
        state="WA",
        postal_code="6000",
        phone="+61895550123",
        mobile="+61400555123",
    ),
    _case(
        "159",
        "s.esposito@vesuviofood.example",
        "Sara Esposito",
        "Buonasera,\n\ncome da accordi, allego il listino.\n\nDistinti saluti\n\n"
        "Dott.ssa Sara Esposito\nDirettrice Commerciale\nVesuvio Food S.p.A.\n"
        "Via Toledo 256, 80134 Napoli\nTel. +39 081 555 0123\nCell. +39 345 555 0123\n",
        "IT",
        "it",
        "plain",
        "title-prefix",
        first_name="Sara",
        last_name="Esposito",
        title="Direttrice Commerciale",
        company="Vesuvio Food S.p.A.",
        street="Via Toledo 256",
        city="Napoli",
        postal_code="80134",
        phone="+390815550123",
        mobile="+393455550123",
    ),
    _case(
        "160",
        "nick.petrov@gmail.com",
        "Nick Petrov",
        "Hello,\n\nI'd like a quote for 40 seats. We're a small agency.\n\nNick Petrov\n"
        "Founder, Petrov & Co Creative\nM: (917) 555-0183\n\n-----Original Message-----\n"
        "From: Stratus Demo Co. <hello@stratus.example>\nSubject: Your trial ends soon\n\n"
        "Jordan Lee\nAccount Executive\n(206) 555-0100\n",
        "US",
        "en",
        "plain",
        "free-mail",
        "reply",
        first_name="Nick",
        last_name="Petrov",
        title="Founder",
        company="Petrov & Co Creative",
        mobile="+19175550183",
    ),
]
