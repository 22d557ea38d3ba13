"""Finding the signature block of the newest message in an email body.

Cuts, in order: the quoted history (">" lines, "On ... wrote:" in four languages, forwarded and
Outlook "From:/Sent:" headers, "-----Original Message-----"), then mobile footers and legal
notices; what remains is the newest message. Its signature is the lines after the last sign-off
("Best regards,") or "-- " delimiter, else the trailing lines that are not prose; a block that
starts with the sender's name starts there. Every rule is anchored and bounded (lines longer than
`MAX_LINE` are never signature lines), so the work is linear in the body's size. Mail that no
person signed (out-of-office replies, newsletters, notifications, invites, a team's mail) is
recognised here too: it gives no fields at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_LINE = 200  # longer lines are prose, never part of a signature
MAX_BLOCK = 16  # non-empty lines: a longer "signature" is a message

# "On <date>, <name> wrote:" (also split over two lines by some clients): English, German,
# French, Spanish, Italian ("Il giorno ... ha scritto:"), Portuguese, Dutch, Swedish/Norwegian/
# Danish ("Den ... skrev ...:") and Czech
_REPLY_START = re.compile(r"^(on|am|le|el|il|em|op|den|dne)\s", re.IGNORECASE)
_WROTE_END = re.compile(
    r"\b(wrote|a écrit|escribió|schrieb|ha scritto|escreveu|schreef|skrev|napsal\w?)\b"
    r"[^:\n]{0,80}:?$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^(-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original"
    r"|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\s*-{2,}"
    r"|begin forwarded message:?)$",
    re.IGNORECASE,
)
# a rule: Outlook draws one above the quoted message's header; alone, it opens a signature
RULE = re.compile(r"^(_{10,}|-{10,})$")
_HEADER_FROM = re.compile(r"^\*?(from|von|de|expéditeur|da|van|från)\s*:\*?\s", re.IGNORECASE)
# Outlook's header block flattened into one line (HTML bodies without line breaks)
_HEADER_LINE = re.compile(
    r"^\*?(from|von|de)\s*:\*?\s[^\n]{0,200}?\b(sent|gesendet|envoyé)\s*:", re.IGNORECASE
)
_HEADER_NEXT = re.compile(
    r"^\*?(sent|date|to|subject|gesendet|datum|an|betreff|envoyé|à|objet|enviado|para|asunto"
    r"|inviato|data|a|oggetto|enviada|assunto|verzonden|aan|onderwerp|skickat|till|ämne)"
    r"\s*:",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(sent from my \w+|sent from (mail|outlook) for \w+|get outlook for \w+"
    r"|sent from (yahoo mail|samsung|my mobile|my android|my galaxy).{0,60}"
    r"|sent via .{0,40}|von meinem \w+ gesendet|gesendet von meinem \w+"
    r"|envoyé de mon \w+|enviado desde mi \w+"
    # Italian, Portuguese, Dutch, Swedish: "Inviato da Outlook per iOS", "Enviado do meu iPhone"
    r"|inviato da (outlook|yahoo mail|mail) per \w+|inviato dal mio \w+|enviado do meu \w+"
    r"|verzonden (vanaf|met) (mijn|outlook voor) \w+|skickat från min \w+)[.!]?$",
    re.IGNORECASE,
)
_NOTICE = re.compile(
    r"^(\W{0,3}(confidential|confidentiality|disclaimer|privileged|vertraulich|haftungsausschluss"
    r"|avertissement|aviso legal|confidencialidad)\b"
    r"|this (e-?mail|message|communication)\b.{0,120}\b(confidential|intended|privileged)"
    r"|the information (contained|in this)"
    r"|if you (are not|have received)\b"
    r"|diese (e-?mail|nachricht)\b.{0,120}\b(vertraulich|informationen)"
    r"|ce (message|courriel|mail)\b.{0,120}\b(confidentiel|destiné)"
    r"|este (mensaje|correo)\b.{0,120}\b(confidencial|destinado)"
    r"|please consider the environment|think before you print"
    r"|bitte denken sie an die umwelt)",
    re.IGNORECASE,
)
# a company's registration or imprint line (UK Companies Act, German Impressum), kept below a
# signature with or without a blank line: a notice, never part of the block
_REGISTRATION = re.compile(
    r"(\bregistered (in|office)\b|\bcompany (no|number|reg)\b|\bvat (no|gb|reg)"
    r"|\bregistered\b[^.]{0,40}\b(charity|company|society)\b|\bauthori[sz]ed and regulated\b"
    r"|\bamtsgericht\b|\bregistergericht\b|\bhrb\s?\d|\bsitz( der gesellschaft)?:"
    r"|\bgeschäftsführer(in)?:|\bvorstand:|\bust-?idnr"
    # abbreviated: "Regd. Office: ...", "Reg. office", India's corporate identity number "CIN:"
    r"|\bre(gd|g)\.? office\b|\bcin\s*:)",
    re.IGNORECASE,
)
# a security classification marking that government mail carries on a line of its own, above or
# below the message (Australia's PSPF "OFFICIAL: Sensitive", the UK's "OFFICIAL-SENSITIVE")
_MARKING = re.compile(
    r"^\W{0,3}(UN)?(OFFICIAL|CLASSIFIED|RESTRICTED|PROTECTED|SECRET)"
    r"([\s:-]{1,3}(?i:sensitive|only|use only))?\W{0,3}$"
)
# a calendar invite's or conferencing "Key: value" lines are the invite, not a signature
_INVITE = re.compile(
    r"^(when|where|join|dial-in|dial in|meeting id|organi[sz]er|passcode|conference id"
    r"|phone conference id|join (microsoft teams|zoom) meeting)\b\s*:?",
    re.IGNORECASE,
)
# Mail that no person signed: an out-of-office reply (its contact lines are a colleague's or
# a switchboard's), a newsletter or notification (a company footer), an invite. The issue asks
# for no field at all then, so these markers void the whole message.
_AUTO_REPLY = re.compile(
    r"\b(out of (the )?office|automatic reply|auto-?reply|autoreply|away from the office"
    r"|(i am|i'm) currently (away|out|on)\b|on (annual|parental|maternity|paternity|sick) leave"
    r"|limited access to (my )?e-?mail"
    r"|abwesenheitsnotiz|automatische antwort|nicht im büro|absent du bureau"
    r"|réponse automatique|absence du bureau|fuera de la oficina|respuesta automática"
    r"|fuori ufficio|risposta automatica)\b",
    re.IGNORECASE,
)
_BULK = re.compile(
    r"\b(unsubscribe|manage (your )?(e-?mail )?(preferences|subscription)"
    r"|view (this e-?mail |it )?in (your )?browser|abmelden|newsletter abbestellen"
    r"|se désabonner|désinscri\w*|darse de baja|cancelar suscripción|disiscriviti"
    r"|reply above this line|do not reply to this (e-?mail|message)|this is an automated"
    r"|automatically generated|you are receiving this"
    r"|you have \d+ (new |unread )?(messages?|notifications?)"
    # a help desk's acknowledgement: "Your request (#48213) has been received"
    r"|your (request|ticket|case|enquiry|inquiry)\b[^.]{0,40}\bhas been"
    r" (received|logged|opened))\b",
    re.IGNORECASE,
)
# Wording of mail no person wrote, weaker than the markers above (a person may write "do not
# reply until Monday" or quote a case number): a help desk's or a council's acknowledgement, a
# conferencing invite's join block (Teams, Zoom, Webex, Google Meet; English, German, French). It
# voids the message unless a sign-off follows it and the From header's person signs below
# (`automated_unsigned`).
_AUTOMATED = re.compile(
    r"\b(thanks? (you )?for contacting|we('ve| have) received your|we have logged your"
    r"|(a|your) (ticket|case|request)\b[^.]{0,30}\b(has been|was) (created|raised|opened|logged)"
    r"|(ticket|case|reference|incident|request)( (number|no\.?|id))?( is)?\s?[:#]?\s?"
    r"[A-Z]{0,6}-?\d[\d-]{3,}|\(#\d{3,}\)"
    r"|(please )?do not (reply|respond)\b|this (mailbox|inbox) is not monitored"
    r"|a member of (our|the) team will"
    r"|microsoft teams[ -](meeting|besprechung)|réunion microsoft teams|join on your computer"
    r"|join (the |this )?(zoom |webex |teams )?meeting|join with google meet|click here to join"
    r"|(jetzt )?an der besprechung teilnehmen|rejoindre la réunion|participer à la réunion"
    r"|meeting id|besprechungs-id|id de (la )?réunion|passcode|kenncode"
    r"|zoom\.us/j/|meet\.google\.com/|teams\.microsoft\.com/l/meetup-join|webex\.com/(meet|join)"
    # an acknowledgement in German, French, Spanish, Dutch, Italian
    r"|(ihre|deine) (nachricht|anfrage|e-?mail|bewerbung)\b[^.]{0,80}\beingegangen"
    r"|von rückfragen ab|votre (message|demande|courriel)\b[^.]{0,40}\breçue?"
    r"|hemos recibido su|wij hebben uw \w+ (goed )?ontvangen|abbiamo ricevuto la"
    # an e-signature service's notice: "All parties have completed", "Envelope sent"
    r"|all parties have (completed|signed)|(the |your )?completed (document|envelope)"
    r"|(document|envelope|agreement)s? (has|have|was) been (completed|signed|sent|voided)"
    r"|review (and|&) sign|signers?:|(has|was) signed by|signed \d{1,2}[./]\d{1,2}[./]\d{2,4}"
    # a fax or voicemail gateway's: "Fax received from +1 ... (3 pages)", "Caller ID"
    r"|(new )?fax (received|from)|fax empfangen|nouveau fax|\(\d+ (pages?|seiten)\)"
    r"|\d+ pages? (received|sent)|caller[ -]id|anrufer(kennung|nummer)|sprachnachricht von"
    r"|(new )?voice ?mail (received|from|message)|nouveau message vocal"
    r"|you('ve| have) (a |\d+ )?new (voice ?mail|voice message|fax|message|document)s?)",
    re.IGNORECASE,
)
_NO_REPLY_SENDER = re.compile(
    r"^(no-?reply|do-?not-?reply|notifications?|mailer-daemon|postmaster|bounces?|calendar"
    r"|invitations?|news(letter)?)([._+-]|$)",
    re.IGNORECASE,
)
_INVITE_LINES = 2  # "When:" and "Where:"/"Join": an invite, not a letter
# a team signs, not a person: "The Acme Team", "Acme Support", "Ihr Acme-Team", "L'équipe Acme"
_TEAM = re.compile(
    r"^((the|your|ihr|das|dein|euer)\s+)?[^\W\d][\w&'. -]{0,40}?[\s-]"
    r"(team|support|customer (care|service|success)|help ?desk|service desk|crew|department)[.!]?$"
    r"|^(l['\u2019]équipe|el equipo|das team|il team)\b",
    re.IGNORECASE,
)


def is_team(line: str) -> bool:
    return len(line) <= 60 and bool(_TEAM.match(line))


def is_unsigned_kind(message: Sequence[str], sender_email: str) -> bool:
    """An out-of-office reply, a newsletter, a notification or an invite: mail no person signed,
    whatever contact lines it carries."""
    if _NO_REPLY_SENDER.match(sender_email.rpartition("@")[0]):
        return True
    invite_lines = 0
    for line in message:
        if len(line) > 4 * MAX_LINE:
            continue
        if _AUTO_REPLY.search(line) or _BULK.search(line):
            return True
        invite_lines += bool(_INVITE.match(line))
    return invite_lines >= _INVITE_LINES


def automated_unsigned(message: Sequence[str]) -> bool | None:
    """True when the message carries wording of mail no person wrote (`_AUTOMATED`) and no
    sign-off follows it; False when a sign-off does (a person may have signed below their own
    words: the caller checks the name); None when there is no such wording."""
    last = -1
    for index, line in enumerate(message):
        if len(line) <= 4 * MAX_LINE and _AUTOMATED.search(line):
            last = index
    if last < 0:
        return None
    return not any(is_sign_off(line) for line in message[last + 1 :])


_SIGN_OFF = re.compile(
    r"^((best|kind|warm|warmest|many|with)?\s?(regards|wishes|thanks)"
    r"|best|cheers|thanks|thank you|many thanks|thx|sincerely|yours sincerely|yours truly"
    r"|all the best|talk soon|speak soon|respectfully|cordially|br|rgds"
    r"|(mit )?(freundlichen|besten|beste|viele|liebe|herzliche|freundliche) gr(ü|ue|u)(ß|ss)en?"
    r"|mfg|lg|vg|gruß|grüße|beste grüsse|freundliche grüsse|viele grüsse"
    # signing for the authority ("Im Auftrag", "In Vertretung", "i. A."): the name follows
    r"|im auftrag|in vertretung|i\.\s?a\.|i\.\s?v\."
    r"|cordialement|bien cordialement|bien à vous|salutations|merci( beaucoup| bien)?|à bientôt"
    r"|amicalement|bonne (journée|soirée|fin de journée)|belle journée"
    r"|saludos|un saludo|saludos cordiales|atentamente|gracias|un abrazo"
    # Italian, Portuguese, Dutch, Scandinavian, Czech/Slovak/Polish
    r"|cordiali saluti|distinti saluti|saluti|un saluto|grazie|a presto"
    r"|abraços|abraço|atenciosamente|cumprimentos|obrigad[oa]"
    r"|met vriendelijke groet(en)?|vriendelijke groet(en)?|groeten|bedankt"
    r"|med vänliga hälsningar|vänliga hälsningar|mvh|med venlig hilsen|venlig hilsen"
    r"|med vennlig hilsen|vennlig hilsen|hälsningar|hilsen|tack"
    r"|s pozdravem|s pozdravom|pozdrawiam|z poważaniem|děkuji)"
    # a short tail: "Cheers mate,", "Thanks Sam,", "Liebe Grüße aus Wien"; never a sentence
    r"(?P<tail>(\s+[^\W\d_][\w'-]*){0,3})[\s,!-]*$",
    re.IGNORECASE,
)
# short or ambiguous sign-offs take no tail: "LG Electronics", "Best Buy Co." are companies
_NO_TAIL = frozenset(
    {"best", "br", "rgds", "thx", "mfg", "lg", "vg", "mvh", "tack", "merci", "im auftrag",
     "in vertretung", "i. a.", "i.a.", "i. v.", "i.v."}
)  # fmt: skip
_GREETING = re.compile(
    r"^(hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte\w*|bonjour|salut|hola|estimad[oa])\b",
    re.IGNORECASE,
)
# a line with separators, an address or a long number is contact data, whatever its length
_CONTACT_MARK = re.compile(r" [|•·] |@|www\.|https?://|\d[\d ()./-]{6,}\d")
_SEPARATORS = re.compile(r" [|•·] ")
# slashes and dashes separate a one-line signature's parts when they recur ("Kim Nguyen / Sr.
# Account Manager / Pacific Crest Staffing", "Name // Title // Company"); once, they may be prose
_SOFT_SEPARATORS = re.compile(r" (?://?|[-\u2013\u2014]) ")
_ADDRESS_PARTS = re.compile(r",\s|\s[-\u2013]\s")
_PROSE_WORDS = 10  # a signature's parts are short; a run of ten words is a sentence
# a line ending in one of these ends in an abbreviation, not a sentence: a legal form
# ("Lda.", "inc.", "S.r.l.", "S.A. de C.V.", "P.C."), a street word ("boul."), an initial ("O.")
_ABBREVIATION_END = re.compile(
    r"(\b(inc|ltd|ltda|lda|ltée|ltee|co|corp|llc|plc|st|jr|sr|dr|str|ave|av|blvd|boul|rd|pty"
    r"|gmbh|ag|sa|srl|spa|sro|bros|intl|ing|mr|ms|mrs|div|dept|mgr|assoc|govt|univ|hwy|pkwy"
    r"|ste|bldg|pvt|kk|pte|bhd|av|ave)"
    r"|\b[^\W\d_]{1,3}(\.[^\W\d_]{1,3})+|(^|\s)[^\W\d_])\.$",
    re.IGNORECASE,
)


def newest_message(lines: Sequence[str]) -> list[str]:
    """The lines of the newest message: before any quoted history, footer or legal notice.

    Quoting every line with ">" lets a sender answer below the quote or between its parts
    (bottom-posted and inline replies): those quoted lines and their "On ... wrote:" header are
    left out and the sender's own lines after them are kept. Any other history (an Outlook
    header, a forward, a header over unmarked text) ends the newest message."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _is_quote(line) or (
            _is_reply_header(line, lines, index) and _quote_follows(lines, index)
        ):
            continue
        if _starts_history(line, lines, index) or _FOOTER.match(line) or _is_notice(line):
            break
        kept.append(line)
    return kept


def below_footer(lines: Sequence[str]) -> list[str]:
    """The lines between a mobile footer ("Get Outlook for iOS") and the history: where a mail
    server adds the signature the phone did not."""
    for index, line in enumerate(lines):
        if _FOOTER.match(line):
            return newest_message(lines[index + 1 :])
        if _starts_history(line, lines, index):
            break
    return []


def _is_quote(line: str) -> bool:
    return line.startswith(">")


def _is_reply_header(line: str, lines: Sequence[str], index: int) -> bool:
    """ "On <date>, <name> wrote:", or the second line of one split over two lines."""
    if len(line) > MAX_LINE:
        return False
    if _REPLY_START.match(line):
        return _wrote(line, _next_nonblank(lines, index))
    previous = lines[index - 1] if index else ""
    return bool(_WROTE_END.search(line) and _REPLY_START.match(previous[:MAX_LINE]))


def _quote_follows(lines: Sequence[str], index: int) -> bool:
    """Whether the history under a reply header is ">"-quoted (so the sender may write after
    it), looking past the header's second line."""
    for line in lines[index + 1 : index + 4]:
        if line and not (_WROTE_END.search(line) and not _is_quote(line)):
            return _is_quote(line)
    return False


def _starts_history(line: str, lines: Sequence[str], index: int) -> bool:
    if line.startswith(">") or _SEPARATOR.match(line):
        return True
    if len(line) > MAX_LINE:
        return False
    if _HEADER_LINE.match(line):
        return True
    following = _next_nonblank(lines, index)
    if RULE.match(line):
        return following is not None and bool(
            _HEADER_FROM.match(following) or _HEADER_LINE.match(following)
        )
    if _REPLY_START.match(line) and _wrote(line, following):
        return True
    return bool(_HEADER_FROM.match(line) and following and _HEADER_NEXT.match(following))


def _wrote(line: str, following: str | None) -> bool:
    if _WROTE_END.search(line):
        return True
    return (
        following is not None
        and len(line) + len(following) < MAX_LINE
        and (bool(_WROTE_END.search(following)))
    )


def _next_nonblank(lines: Sequence[str], index: int) -> str | None:
    for line in lines[index + 1 : index + 3]:
        if line:
            return line[:MAX_LINE]
    return None


def _is_notice(line: str) -> bool:
    return len(line) > 3 and bool(_NOTICE.match(line[:MAX_LINE]))


def is_prose(line: str) -> bool:
    """A sentence of the message (or an invite's line), not a signature line."""
    if len(line) > MAX_LINE or _GREETING.match(line) or _INVITE.match(line):
        return True
    # an address line's comma-separated parts are counted apart: "Unit 12 Calder Trading Estate,
    # Huddersfield HD5 0RX" is no sentence however many words it has
    address = any(c.isdigit() for c in line) and not line.endswith((".", "!", "?"))
    parts = _ADDRESS_PARTS.split(line) if address else [line]
    if any(_word_count(part) >= _PROSE_WORDS for piece in parts for part in _parts(piece)):
        return True
    if _CONTACT_MARK.search(line):
        return False
    words = line.split()
    if line.endswith(("?", "!")) and len(words) >= 2:
        return True
    if len(words) == 1 and not (len(line) >= 3 and line[:-1].isalpha()):
        return False  # "O.", "Inc." alone; but "Done." or "Sure." is a whole reply
    if _STATE_ABBREVIATION.search(line) and any(c.isdigit() for c in line):
        return False  # "Blvd. ... 2200, León, Gto.": a state abbreviated after the city
    return line.endswith(".") and not _ABBREVIATION_END.search(line)


# an address line's last piece, a state or province abbreviated: ", Gto.", ", Ont."
_STATE_ABBREVIATION = re.compile(r",\s[A-Z][^\W\d_]{1,3}\.$")


def _parts(line: str) -> list[str]:
    parts = _SEPARATORS.split(line.replace(" \u2014 ", " | "))  # "Name, RN — Title at Company"
    if len(_SOFT_SEPARATORS.findall(line)) >= 2:
        parts = [part for piece in parts for part in _SOFT_SEPARATORS.split(piece)]
    return parts


def _word_count(text: str) -> int:
    """Words without digits: numbers, postcodes, phone groups and lone marks ("/", "—") do not
    make a sentence."""
    return sum(
        1
        for token in text.split()
        if not any(c.isdigit() for c in token) and any(c.isalpha() for c in token)
    )


def has_contact_mark(line: str) -> bool:
    """Separators, an address or a long number: a contact line."""
    return bool(_CONTACT_MARK.search(line))


def is_sign_off(line: str) -> bool:
    match = _SIGN_OFF.match(line) if len(line) <= 40 else None
    if match is None:
        return False
    phrase = line[: match.start("tail")].strip().lower()
    return not (match["tail"] and phrase in _NO_TAIL)


def candidate_lines(message: Sequence[str]) -> list[str]:
    """Lines after the last sign-off or "--" delimiter, bounded by prose from below. Rules
    that draw a box around the signature, or divide its lines, are no part of it."""
    start = 0
    for index, line in enumerate(message):
        if line in {"--", "-- ", "—", "__"} or is_sign_off(line) or _opens_block(message, index):
            start = index + 1
    block: list[str] = []
    count = 0
    for line in reversed(_without_note(_without_trailing_prose(message[start:]))):
        if line and (is_prose(line) or is_sign_off(line) or count >= MAX_BLOCK):
            break
        block.append("" if RULE.match(line) else line)
        count += bool(line)
    block.reverse()
    return _strip_blank(block)


def lines_above_sign_off(message: Sequence[str]) -> list[str]:
    """The candidate lines above the last sign-off: details written out in the message, a
    contact card ("Name: ...", "Phone: ...") above "Regards, / Ahmed"."""
    for index in range(len(message) - 1, -1, -1):
        if is_sign_off(message[index]):
            return candidate_lines(message[:index])
    return []


def _opens_block(message: Sequence[str], index: int) -> bool:
    """A rule opens the signature below it; not one that closes a box (nothing under it) nor
    one that divides a signature's lines ("Estimator" right above it)."""
    if not RULE.match(message[index]):
        return False
    if not any(message[index + 1 :]):
        return False
    above = message[index - 1] if index else ""
    return not above or is_prose(above) or is_sign_off(above)


_NOTE_LINES = 2


def _without_note(lines: Sequence[str]) -> Sequence[str]:
    """Drops a sentence or two right under the contact lines, with no blank line between them
    ("Please note my new email address."): a note to the reader below the signature."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    top = end
    while top and end - top < _NOTE_LINES and lines[top - 1] and is_prose(lines[top - 1]):
        top -= 1
    above = lines[top - 1] if top else ""
    if top < end and above and _CONTACT_MARK.search(above) and not is_prose(above):
        return lines[:top]
    return lines


def _without_trailing_prose(lines: Sequence[str]) -> Sequence[str]:
    """Drops up to two trailing paragraphs of sentences (a company's registration note or a
    notice the rules above did not know) below the signature."""
    end = len(lines)
    while end and (not lines[end - 1] or _notice_line(lines[end - 1])):
        end -= 1  # registration lines or a marking directly under the signature
    for _ in range(2):
        while end and not lines[end - 1]:
            end -= 1
        top = end
        while top and lines[top - 1]:
            top -= 1
        if top == end or top == 0 or not all(is_prose(line) for line in lines[top:end]):
            break
        end = top
    return lines[:end]


def _notice_line(line: str) -> bool:
    return bool(_REGISTRATION.search(line) or _MARKING.match(line))


def _strip_blank(lines: list[str]) -> list[str]:
    """Without blank lines at either end, and a run of them as one: the quoted lines a reply
    left out leave their blanks behind, which the body's own text never has (`body_lines`
    collapses them), so that parsing the returned block again reads the same lines."""
    lines = [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]
