"""Hand-written cases: real-world shapes the templates in generate.py do not produce (client
quirks, decorations, legal footers, odd labels). Labels are what a careful reader would type into
the Lead form from the newest message's signature. Appended to corpus.jsonl by generate.py."""

from __future__ import annotations

GMAIL_HTML_REPLY = (
    '<div dir="ltr">Sounds great, I will send the contract over today.<br><br>'
    '<div class="gmail_signature"><div dir="ltr"><b>Priya Raman</b><br>Senior Account Executive'
    "<br>Contoso Analytics<br>+1 (628) 555-0142<br>"
    '<a href="https://www.contoso-analytics.com">contoso-analytics.com</a></div></div></div>'
    '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Apr 8, 2024 at 3:02'
    ' PM Tom Reyes &lt;tom@fabrikam.com&gt; wrote:<br></div><blockquote class="gmail_quote">'
    "Can you share the contract?<br><br>Tom Reyes<br>IT Director, Fabrikam<br>"
    "+1 (312) 555-0199</blockquote></div>"
)
OUTLOOK_TABLE = (
    "<html><body><p>Hi Sam,</p><p>Please see the attached invoice.</p><p>Kind regards,</p>"
    '<table border="0" cellspacing="0"><tr><td><img src="cid:logo.png" alt="Wingtip Toys">'
    '</td><td><p><b><span style="font-size:11pt">Marcus Hill</span></b><br>'
    "<span>Finance Manager</span><br><span>Wingtip Toys Ltd</span></p>"
    "<p>T:&nbsp;+44&nbsp;113&nbsp;496&nbsp;0123<br>"
    '<a href="mailto:marcus.hill@wingtiptoys.co.uk">marcus.hill@wingtiptoys.co.uk</a><br>'
    "Unit 4, Riverside Park<br>Leeds LS1 4AP</p></td></tr></table>"
    '<p style="font-size:8pt">This email and any attachments are confidential and intended solely'
    " for the addressee.</p></body></html>"
)
LINKED_ICONS = (
    "<div>Thanks for your time today!</div><div><br></div><div>Best,</div>"
    "<div><b>Jordan Lee (they/them)</b></div><div>Partnerships Lead | Tailspin Travel</div>"
    '<div><a href="https://www.linkedin.com/in/jordanlee-travel">LinkedIn</a> | '
    '<a href="https://tailspintravel.com">Website</a></div>'
    "<div>M: +1 (720) 555-0163</div>"
)

CASES: list[dict[str, object]] = [
    {
        "text": "Hi Ana,\n\nAttached is the updated SOW.\n\n-- \nMark J. Thompson\nDirector, "
        "Strategic Accounts\nFabrikam, Inc.\nDirect: +1 (312) 555-0147 ext. 204\n"
        "mark.thompson@fabrikam.com",
        "from": {"email": "mark.thompson@fabrikam.com", "name": "Mark Thompson"},
        "expected": {
            "first_name": "Mark",
            "last_name": "Thompson",
            "title": "Director, Strategic Accounts",
            "company": "Fabrikam, Inc.",
            "phone": "+13125550147",
            "email": "mark.thompson@fabrikam.com",
        },
    },
    {
        "html": GMAIL_HTML_REPLY,
        "from": {"email": "priya.raman@contoso-analytics.com", "name": "Priya Raman"},
        "expected": {
            "first_name": "Priya",
            "last_name": "Raman",
            "title": "Senior Account Executive",
            "company": "Contoso Analytics",
            "phone": "+16285550142",
            "website": "contoso-analytics.com",
        },
    },
    {
        "html": OUTLOOK_TABLE,
        "from": {"email": "marcus.hill@wingtiptoys.co.uk", "name": "Marcus Hill"},
        "expected": {
            "first_name": "Marcus",
            "last_name": "Hill",
            "title": "Finance Manager",
            "company": "Wingtip Toys Ltd",
            "phone": "+441134960123",
            "email": "marcus.hill@wingtiptoys.co.uk",
            "street": "Unit 4, Riverside Park",
            "city": "Leeds",
            "postal_code": "LS1 4AP",
        },
    },
    {
        "html": LINKED_ICONS,
        "from": {"email": "jordan@tailspintravel.com", "name": "Jordan Lee"},
        "expected": {
            "first_name": "Jordan",
            "last_name": "Lee",
            "title": "Partnerships Lead",
            "company": "Tailspin Travel",
            "mobile": "+17205550163",
            "linkedin": "https://www.linkedin.com/in/jordanlee-travel",
            "website": "https://tailspintravel.com",
        },
    },
    {
        "text": "Hallo Herr Brandt,\n\nanbei das Protokoll unseres Termins.\n\nMit freundlichen "
        "Grüßen\n\nDr. med. Klaus Weber\nÄrztlicher Leiter\n\nMedizon Kliniken GmbH\n"
        "Leopoldstraße 120\n80804 München\nTel.: +49 89 4523 1100\nFax: +49 89 4523 1199\n"
        "www.medizon-kliniken.de\n\nMedizon Kliniken GmbH · Sitz der Gesellschaft: München · "
        "Registergericht: Amtsgericht München, HRB 123456 · Geschäftsführer: Max Kramer",
        "from": {"email": "k.weber@medizon-kliniken.de", "name": "Klaus Weber"},
        "expected": {
            "first_name": "Klaus",
            "last_name": "Weber",
            "title": "Ärztlicher Leiter",
            "company": "Medizon Kliniken GmbH",
            "street": "Leopoldstraße 120",
            "postal_code": "80804",
            "city": "München",
            "phone": "+498945231100",
            "fax": "+498945231199",
            "website": "www.medizon-kliniken.de",
        },
    },
    {
        "text": "Bonjour Madame Roche,\n\nComme convenu, je vous transmets le devis.\n\n"
        "Bien cordialement,\n\nAntoine Lambert\nDirecteur des ventes\nPixelis SAS\n"
        "18 boulevard Haussmann\n75009 Paris, France\nTél. : +33 (0)1 23 45 67 89\n"
        "Mob. : +33 6 98 76 54 32",
        "from": {"email": "a.lambert@pixelis.fr", "name": "Antoine Lambert"},
        "expected": {
            "first_name": "Antoine",
            "last_name": "Lambert",
            "title": "Directeur des ventes",
            "company": "Pixelis SAS",
            "street": "18 boulevard Haussmann",
            "postal_code": "75009",
            "city": "Paris",
            "country": "France",
            "phone": "+33123456789",
            "mobile": "+33698765432",
        },
    },
    {
        "text": "Hola Laura,\n\nTe paso el presupuesto actualizado.\n\nUn saludo,\n"
        "Sergio Ortega Vidal\nDirector Comercial | Nubeteca S.A.\nMóvil: +34 600 123 456\n"
        "sergio.ortega@nubeteca.es",
        "from": {"email": "sergio.ortega@nubeteca.es", "name": "Sergio Ortega Vidal"},
        "expected": {
            "first_name": "Sergio",
            "last_name": "Ortega Vidal",
            "title": "Director Comercial",
            "company": "Nubeteca S.A.",
            "mobile": "+34600123456",
            "email": "sergio.ortega@nubeteca.es",
        },
    },
    {
        "text": "G'day Chris,\n\nHappy to jump on a call Thursday.\n\nCheers,\nMia Kowalski\n"
        "Operations Manager\nBlue Gum Freight Pty Ltd\nLevel 12, 1 Margaret Street\n"
        "Sydney NSW 2000\nAustralia\nP: +61 2 8000 1234 | M: 0400 123 456",
        "from": {"email": "mia@bluegumfreight.com.au", "name": "Mia Kowalski"},
        "expected": {
            "first_name": "Mia",
            "last_name": "Kowalski",
            "title": "Operations Manager",
            "company": "Blue Gum Freight Pty Ltd",
            "street": "Level 12, 1 Margaret Street",
            "city": "Sydney",
            "state": "NSW",
            "postal_code": "2000",
            "country": "Australia",
            "phone": "+61280001234",
            "mobile": "+61400123456",
        },
    },
    {
        "text": "Thanks Ben, looks good.\n\nSarah O'Connor, CPA, CFE\nAudit Partner\n"
        "Keller & Associates LLP\n📞 (503) 555-0123\n✉️ soconnor@kellerllp.com\n🌐 kellerllp.com",
        "from": {"email": "soconnor@kellerllp.com", "name": "Sarah O'Connor"},
        "expected": {
            "first_name": "Sarah",
            "last_name": "O'Connor",
            "title": "Audit Partner",
            "company": "Keller & Associates LLP",
            "phone": "+15035550123",
            "email": "soconnor@kellerllp.com",
            "website": "kellerllp.com",
        },
    },
    {
        "text": "Cheers,\nDave\n\nDavid Brooks | Account Executive | Litware\n"
        "o: 646.555.0134 | c: 917.555.0188\nlitware.com\n\nSent from my iPhone",
        "from": {"email": "dbrooks@litware.com", "name": "David Brooks"},
        "expected": {
            "first_name": "David",
            "last_name": "Brooks",
            "title": "Account Executive",
            "company": "Litware",
            "phone": "+16465550134",
            "mobile": "+19175550188",
            "website": "litware.com",
        },
    },
    {
        "text": "Hi all,\n\nSee notes below.\n\nTom Baker\n+1 (503) 555-0177\n\nOn Fri, May 3, "
        "2024 at 11:20 AM Lisa Wong <lisa@adatum.com> wrote:\n> Notes attached.\n> \n"
        "> Lisa Wong | VP Engineering | Adatum\n> +1 415 555 0111",
        "from": {"email": "tbaker1972@gmail.com", "name": "Tom Baker"},
        "expected": {"first_name": "Tom", "last_name": "Baker", "phone": "+15035550177"},
    },
    {
        "text": "Hi Jess,\n\nForwarding this from our legal team.\n\nRachel Green\n"
        "Contracts Specialist\nNorthwind Health\nrachel.green@northwindhealth.org\n\n"
        "-----Original Message-----\nFrom: Legal <legal@northwindhealth.org>\n"
        "Sent: Thursday, May 2, 2024 4:15 PM\nTo: Rachel Green\nSubject: MSA\n\n"
        "Please send the MSA.\n\nNorthwind Health Legal\n+1 206 555 0100",
        "from": {"email": "rachel.green@northwindhealth.org", "name": "Rachel Green"},
        "expected": {
            "first_name": "Rachel",
            "last_name": "Green",
            "title": "Contracts Specialist",
            "company": "Northwind Health",
            "email": "rachel.green@northwindhealth.org",
        },
    },
    {
        "text": "Hi Sam,\n\nAgreed, let's go with option B.\n\nBest\nOliver\n\nOliver Grant\n"
        "Head of Procurement\nT +44 (0)161 496 0000\nM +44 7700 912345\n"
        "Proseware Ltd, 40 Spring Gardens, Manchester M2 1EN\n\nRegistered in England and "
        "Wales No. 01234567. Registered office as above.",
        "from": {"email": "oliver.grant@proseware.co.uk", "name": "Oliver Grant"},
        "expected": {
            "first_name": "Oliver",
            "last_name": "Grant",
            "title": "Head of Procurement",
            "phone": "+441614960000",
            "company": "Proseware Ltd",
            "street": "40 Spring Gardens",
            "city": "Manchester",
            "postal_code": "M2 1EN",
        },
    },
    {
        "text": "Bonjour,\n\nVoici les documents demandés.\n\nCordialement,\n\nIsabelle Tremblay\n"
        "Conseillère principale, Ventes\nBoréal Conseil inc.\n1000, rue Sherbrooke Ouest, "
        "bureau 2100\nMontréal (Québec) H3A 3G4\nTél. : 514 555-0134",
        "from": {"email": "itremblay@borealconseil.ca", "name": "Isabelle Tremblay"},
        "expected": {
            "first_name": "Isabelle",
            "last_name": "Tremblay",
            "title": "Conseillère principale, Ventes",
            "company": "Boréal Conseil inc.",
            "street": "1000, rue Sherbrooke Ouest, bureau 2100",
            "city": "Montréal",
            "state": "Québec",
            "postal_code": "H3A 3G4",
            "phone": "+15145550134",
        },
    },
    {
        "text": "Hi Kim, works for me.\n\nANDREW COLLINS\nVP, Customer Success\nFourth Coffee\n"
        "Mobile/WhatsApp: +49 176 98765432\nandrew@fourthcoffee.com",
        "from": {"email": "andrew@fourthcoffee.com", "name": "Andrew Collins"},
        "expected": {
            "first_name": "Andrew",  # a name in capitals as the From header writes it
            "last_name": "Collins",
            "title": "VP, Customer Success",
            "company": "Fourth Coffee",
            "mobile": "+4917698765432",
            "email": "andrew@fourthcoffee.com",
        },
    },
    {
        "text": "Hi team — quick update: shipped.\n\nNina Patel · Product Manager · Relecloud\n"
        "Relecloud Inc. · 1 Infinite Loop · Cupertino, CA 95014 · USA",
        "from": {"email": "nina@relecloud.com", "name": "Nina Patel"},
        "expected": {
            "first_name": "Nina",
            "last_name": "Patel",
            "title": "Product Manager",
            "company": "Relecloud",
            "street": "1 Infinite Loop",
            "city": "Cupertino",
            "state": "CA",
            "postal_code": "95014",
            "country": "USA",
        },
    },
    {
        "text": "Hi Max,\n\nthanks - passt so.\n\nVG\nJan\n\n--\nJan Hoffmann\nSenior Consultant\n"
        "Datenwerk Beratung GmbH | Neuer Wall 50 | 20354 Hamburg\nT +49 (0)40 8090 1234\n"
        "jan.hoffmann@datenwerk.de",
        "from": {"email": "jan.hoffmann@datenwerk.de", "name": "Jan Hoffmann"},
        "expected": {
            "first_name": "Jan",
            "last_name": "Hoffmann",
            "title": "Senior Consultant",
            "company": "Datenwerk Beratung GmbH",
            "street": "Neuer Wall 50",
            "postal_code": "20354",
            "city": "Hamburg",
            "phone": "+494080901234",
            "email": "jan.hoffmann@datenwerk.de",
        },
    },
    {
        "text": "Yes, Tuesday works.\n\nElena\n\nSent from my iPhone\n\n> On May 6, 2024, at "
        "9:01 AM, Chris Diaz <chris@woodgrove.com> wrote:\n> \n> Does Tuesday work?\n> \n"
        "> Chris Diaz\n> Woodgrove Bank\n> +1 212 555 0155",
        "from": {"email": "elena.v@tradewinds.com", "name": "Elena Vasquez"},
        "expected": {},
    },
    {
        "text": "I am out of the office until Monday, May 13 with limited access to email. For "
        "urgent matters please contact my colleague at support@adventure-works.com or call "
        "+1 415 555 0100.",
        "from": {"email": "greg@adventure-works.com", "name": "Greg Moore"},
        "expected": {},
    },
    {
        "text": "👍\n\nGet Outlook for Android",
        "from": {"email": "lucy@graphicdesigninstitute.com", "name": "Lucy Hart"},
        "expected": {},
    },
    {
        "text": "---------- Forwarded message ---------\nFrom: Ana Lima <ana@lamnahealthcare.com>\n"
        "Date: Wed, May 8, 2024 at 10:00 AM\nSubject: Pricing\nTo: <me@example.org>\n\n"
        "Here is our pricing.\n\nAna Lima\nBuyer\nLamna Healthcare\n+1 617 555 0190",
        "from": {"email": "joe@margiestravel.com", "name": "Joe Fields"},
        "expected": {},
    },
    {
        "html": '<div>Ok!</div><div><br></div><div class="gmail_quote"><div>On Thu, May 9, '
        "2024 at 8:00 AM Ravi Shah &lt;ravi@consolidatedmessenger.com&gt; wrote:</div>"
        "<blockquote>Shall we sign?<br>Ravi Shah<br>COO, Consolidated Messenger<br>"
        "+1 408 555 0120</blockquote></div>",
        "from": {"email": "hannah@coho-winery.com", "name": "Hannah Cole"},
        "expected": {},
    },
    {
        "text": "Thanks,\nK.\n\nCONFIDENTIAL: This message is intended only for the named "
        "recipient. Kerry Lane, Blue Yonder Airlines, +1 972 555 0177.",
        "from": {"email": "kerry@blueyonderairlines.com", "name": "Kerry Lane"},
        "expected": {},
    },
]
