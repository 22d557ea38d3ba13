"""Finding the signature block of the newest message in an email body.

Cuts, in order: the quoted history (">" lines, "On ... wrote:" in four languages, forwarded and
Outlook "From:/Sent:" headers, "-----Original Message-----"), then mobile footers and legal
notices; what remains is the newest message. Its signature is the lines after the last sign-off
("Best regards,") or "-- " delimiter, else the trailing lines that are not prose; a block that
starts with the sender's name starts there. Every rule is anchored and bounded (lines longer than
`MAX_LINE` are never signature lines), so the work is linear in the body's size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_LINE = 200  # longer lines are prose, never part of a signature
MAX_BLOCK = 16  # non-empty lines: a longer "signature" is a message

# "On <date>, <name> wrote:" (also split over two lines by some clients), in four languages
_REPLY_START = re.compile(r"^(on|am|le|el)\s", re.IGNORECASE)
_WROTE_END = re.compile(r"\b(wrote|a écrit|escribió|schrieb)\b[^:\n]{0,80}:?$", re.IGNORECASE)
_SEPARATOR = re.compile(
    r"^(-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original"
    r"|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\s*-{2,}"
    r"|begin forwarded message:?|_{10,}|-{10,})$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\*?(from|von|de|expéditeur)\s*:\*?\s", re.IGNORECASE)
# Outlook's header block flattened into one line (HTML bodies without line breaks)
_HEADER_LINE = re.compile(
    r"^\*?(from|von|de)\s*:\*?\s[^\n]{0,200}?\b(sent|gesendet|envoyé)\s*:", re.IGNORECASE
)
_HEADER_NEXT = re.compile(
    r"^\*?(sent|date|to|subject|gesendet|datum|an|betreff|envoyé|à|objet|enviado|para|asunto)"
    r"\s*:",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(sent from my \w+|sent from (mail|outlook) for \w+|get outlook for \w+"
    r"|sent from (yahoo mail|samsung|my mobile|my android|my galaxy).{0,60}"
    r"|sent via .{0,40}|von meinem \w+ gesendet|gesendet von meinem \w+"
    r"|envoyé de mon \w+|enviado desde mi \w+)[.!]?$",
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
    r"|\bamtsgericht\b|\bregistergericht\b|\bhrb\s?\d|\bsitz( der gesellschaft)?:"
    r"|\bgeschäftsführer(in)?:|\bvorstand:|\bust-?idnr)",
    re.IGNORECASE,
)
# a calendar invite's or conferencing "Key: value" lines are the invite, not a signature
_INVITE = re.compile(
    r"^(when|where|join|dial-in|dial in|meeting id|organi[sz]er|passcode|conference id"
    r"|phone conference id|join (microsoft teams|zoom) meeting)\b\s*:?",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^((best|kind|warm|warmest|many|with)?\s?(regards|wishes|thanks)"
    r"|best|cheers|thanks|thank you|many thanks|thx|sincerely|yours sincerely|yours truly"
    r"|all the best|talk soon|speak soon|respectfully|cordially|br|rgds"
    r"|(mit )?(freundlichen|besten|beste|viele|liebe|herzliche) grüße"
    r"|mfg|lg|vg|gruß|grüße|beste grüsse|freundliche grüsse|viele grüsse"
    r"|cordialement|bien cordialement|bien à vous|salutations|merci|à bientôt|amicalement"
    r"|saludos|un saludo|saludos cordiales|atentamente|gracias|un abrazo)[\s,.!-]*$",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^(hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte\w*|bonjour|salut|hola|estimad[oa])\b",
    re.IGNORECASE,
)
# a line with separators, an address or a long number is contact data, whatever its length
_CONTACT_MARK = re.compile(r" [|•·] |@|www\.|https?://|\d[\d ()./-]{6,}\d")
_SEPARATORS = re.compile(r" [|•·] ")
_PROSE_WORDS = 10  # a signature's parts are short; a run of ten words is a sentence
_ABBREVIATION_END = re.compile(
    r"\b(inc|ltd|co|corp|llc|plc|st|jr|sr|dr|str|ave|blvd|rd|pty|gmbh|ag|sa|s\.a|s\.l|mr|ms)\.$",
    re.IGNORECASE,
)


def newest_message(lines: Sequence[str]) -> list[str]:
    """The lines of the newest message: before any quoted history, footer or legal notice."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _starts_history(line, lines, index) or _FOOTER.match(line) or _is_notice(line):
            break
        kept.append(line)
    return kept


def _starts_history(line: str, lines: Sequence[str], index: int) -> bool:
    if line.startswith(">") or _SEPARATOR.match(line):
        return True
    if len(line) > MAX_LINE:
        return False
    if _HEADER_LINE.match(line):
        return True
    following = _next_nonblank(lines, index)
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
    if any(_word_count(part) >= _PROSE_WORDS for part in _SEPARATORS.split(line)):
        return True
    if _CONTACT_MARK.search(line):
        return False
    words = line.split()
    if line.endswith(("?", "!")) and len(words) >= 2:
        return True
    return line.endswith(".") and len(words) >= 2 and not _ABBREVIATION_END.search(line)


def _word_count(text: str) -> int:
    """Words without digits: numbers, postcodes and phone groups do not make a sentence."""
    return sum(1 for token in text.split() if not any(c.isdigit() for c in token))


def is_sign_off(line: str) -> bool:
    return len(line) <= 40 and bool(_SIGN_OFF.match(line))


def candidate_lines(message: Sequence[str]) -> list[str]:
    """Lines after the last sign-off or "--" delimiter, bounded by prose from below."""
    start = 0
    for index, line in enumerate(message):
        if line in {"--", "-- ", "—", "__"} or is_sign_off(line):
            start = index + 1
    block: list[str] = []
    count = 0
    for line in reversed(_without_trailing_prose(message[start:])):
        if line and (is_prose(line) or is_sign_off(line) or count >= MAX_BLOCK):
            break
        block.append(line)
        count += bool(line)
    block.reverse()
    return _strip_blank(block)


def _without_trailing_prose(lines: Sequence[str]) -> Sequence[str]:
    """Drops up to two trailing paragraphs of sentences (a company's registration note or a
    notice the rules above did not know) below the signature."""
    end = len(lines)
    while end and (not lines[end - 1] or _REGISTRATION.search(lines[end - 1])):
        end -= 1  # registration lines directly under the signature
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


def _strip_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]
