"""Email bodies as plain lines: HTML converted with the standard library's parser, nothing fetched.

Links whose visible text is not itself an address ("LinkedIn", "Website") keep their target in
angle brackets after the text, so a URL that the sender only put in `href` is still in the text
the fields are taken from (and in the `signature` we return, which parses to the same fields).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_INPUT = 256 * 1024  # characters; the route refuses larger bodies, the parser truncates
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "blockquote",
        "pre",
        "address",
        "section",
        "article",
        "header",
        "footer",
        "td",
        "th",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
_QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")
_BLANK_RUN = re.compile(r"\n[ \t\u00a0\u2007\u202f\u3000]*(?:\n[ \t\u00a0\u2007\u202f\u3000]*)+\n")
_MAX_HREF = 200
_MAX_ALT = 60
_NOT_ALT_TEXT = re.compile(
    r"\.(png|jpe?g|gif|svg|webp|bmp)\b|^(cid|image|img)\W?\d|\b(logo|icon|banner|photo|picture"
    r"|image|spacer|pixel|headshot|avatar)\b",
    re.IGNORECASE,
)
_MAX_TAG = 4096  # characters from "<" to ">": longer is not a tag we need


class _TextExtractor(HTMLParser):
    """Collects the visible text; quoted parts (blockquote, Gmail's quote div) get "> "."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._stack: list[tuple[str, bool]] = []  # (tag, opened a quote)
        self._quote_depth = 0
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        quote = tag == "blockquote" or any(
            name == "class" and value and any(c in value for c in _QUOTE_CLASSES)
            for name, value in attrs
        )
        if tag not in {"br", "hr", "img", "meta", "link", "input"}:
            self._stack.append((tag, quote))
            self._quote_depth += quote
        if tag in _BLOCK_TAGS:
            self._newline()
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self._href = href if href.startswith(("http://", "https://")) else None
            self._link_text = []
        if tag == "img" and self._href is None and not self._skip:
            self._alt_text(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "a":
            self._close_link()
        while self._stack:
            opened, quote = self._stack.pop()
            self._quote_depth -= quote
            if opened == tag:
                break
        if tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._href is not None:
            self._link_text.append(data)
        for i, piece in enumerate(data.split("\n")):
            if i:
                self.parts.append(" ")
            self.parts.append(piece)

    def _alt_text(self, alt: str) -> None:
        """An image outside a link reads as its alt text, on a line of its own: what a reader
        sees with images blocked (a name or a logo drawn as an image; an icon's "phone"). A
        file name or a description of the picture ("logo", "photo") is not its text."""
        alt = _SPACES.sub(" ", alt).strip()
        if alt and len(alt) <= _MAX_ALT and not _NOT_ALT_TEXT.search(alt):
            self._newline()
            self.parts.append(alt)
            self._newline()

    def _close_link(self) -> None:
        text = "".join(self._link_text).strip()
        href = self._href
        self._href = None
        # a link drawn only as an icon shows no text: its target is not in the signature
        if href and text and len(href) <= _MAX_HREF and "." not in text and not self._skip:
            self.parts.append(f" <{href}>")

    def _newline(self) -> None:
        self.parts.append("\n> " if self._quote_depth else "\n")  # quoted at any depth


def _defuse(html: str) -> str:
    """Escapes a "<" whose tag does not end within `_MAX_TAG` characters.

    html.parser rescans the rest of the input from every unterminated tag, which makes a body
    of unclosed tags quadratic (256 KB: seconds); such a "<" cannot start a real tag anyway.
    """
    out: list[str] = []
    start, close = 0, -1
    opening = html.find("<")
    while opening != -1:
        if close < opening:
            close = html.find(">", opening)
        if close == -1 or close - opening > _MAX_TAG:
            out += (html[start:opening], "&lt;")
            start = opening + 1
        opening = html.find("<", opening + 1)
    out.append(html[start:])
    return "".join(out)


def html_to_text(html: str) -> str:
    """The visible text of an HTML body, one line per block element."""
    extractor = _TextExtractor()
    try:
        extractor.feed(_defuse(html))
        extractor.close()
    except Exception:  # html.parser is lenient; a body it chokes on keeps what was read
        return "".join(extractor.parts)
    return "".join(extractor.parts)


def body_lines(text: str | None, html: str | None) -> list[str]:
    """The body as stripped lines: the plain-text part when given, else the HTML part's text."""
    raw = text if text and text.strip() else html_to_text(html[:MAX_INPUT]) if html else ""
    raw = raw[:MAX_INPUT].translate(_INVISIBLE)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    # a run of blank lines reads as one: every later step is linear in the lines, and 256 KB
    # of newlines would otherwise be 256 K lines to walk
    raw = _BLANK_RUN.sub("\n\n", raw)
    return [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
