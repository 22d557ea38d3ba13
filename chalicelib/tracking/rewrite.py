"""Rewriting a message's HTML: tracked links and a pixel, the rest left byte-for-byte intact.

The HTML is parsed once (html.parser, which reports where each start tag begins); for each
`<a>`/`<area>` the href attribute's value span is located in the tag's source with the
parser's own attribute pattern, and each recipient's copy is made by splicing new values into
those spans. The document is never re-serialised, so whatever the parser does not understand
survives untouched.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from chalicelib.tracking.tokens import MAX_URL_BYTES

_LINK_TAGS = frozenset({"a", "area"})
# The patterns html.parser itself uses to split a start tag into its name and attributes.
_TAGFIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRFIND = re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"
    r"(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters a path keeps as they are; anything else in a path is percent-encoded.
_KEEP = frozenset(chr(c) for c in range(0x21, 0x7F)) - frozenset('"<>`\\^{|}')
# The query and the fragment keep every printable ASCII character but `"<>`; controls, space
# and non-ASCII are encoded too, so the URL stays valid in a Location header and an attribute.
_KEEP_IN_QUERY = frozenset(chr(c) for c in range(0x21, 0x7F)) - frozenset('"<>')
_STRIPPED = "\t\n\r"
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


class InvalidHtml(ValueError):
    """The HTML cannot be rewritten safely (unterminated markup, NUL bytes...)."""


@dataclass(frozen=True)
class LinkSpan:
    """A trackable href: its value's span in the document and the canonical destination."""

    start: int
    end: int
    quoted: bool
    url: str


@dataclass(frozen=True)
class ParsedHtml:
    source: str
    links: tuple[LinkSpan, ...]
    pixel_at: int  # where the pixel goes: before the last </body>, else at the end


def _percent_encode(text: str, keep: frozenset[str] = _KEEP) -> str:
    out: list[str] = []
    for char in text:
        if char in keep:
            out.append(char)
        else:
            out.extend(f"%{b:02X}" for b in char.encode("utf-8"))
    return "".join(out)


def _canonical_host(host: str) -> str | None:
    """The host lower-cased (IDNA when not ASCII), an IPv6 literal in brackets, or None."""
    if not host:
        return None
    if ":" in host:  # an IPv6 literal
        return f"[{host}]"
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not re.fullmatch(r"[a-z0-9._-]+", host) or host.startswith("."):
        return None
    return host


def canonical_url(raw: str) -> str | None:
    """The canonical form of an http(s) link as a browser would follow it, or None.

    Leading/trailing whitespace and control characters are trimmed and tabs/newlines removed
    (as browsers do); the scheme and host are lower-cased (IDNA for non-ASCII hosts), a
    default port is dropped, an empty path becomes "/", and in the path space, `"<>\\^`{|}`,
    controls and non-ASCII are percent-encoded. The query and the fragment survive exactly,
    including their presence when empty, except that controls, space, non-ASCII and `"<>` are
    percent-encoded there too. Links with credentials are not tracked.
    """
    text = raw.strip(_C0_AND_SPACE)
    text = text.translate({ord(c): None for c in _STRIPPED})
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return None
    before_fragment, hash_sign, fragment = text.partition("#")
    before_query, question, query = before_fragment.partition("?")
    before_query = before_query.replace("\\", "/")  # browsers read \ as / in http(s) URLs
    try:
        parts = urlsplit(before_query)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.netloc or "@" in parts.netloc:
        return None
    host = _canonical_host(parts.hostname or "")
    if host is None:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path or "/"
    url = f"{scheme}://{netloc}{_percent_encode(path)}"
    if question:
        url += "?" + _percent_encode(query, _KEEP_IN_QUERY)
    if hash_sign:
        url += "#" + _percent_encode(fragment, _KEEP_IN_QUERY)
    if len(url) > MAX_URL_BYTES:
        return None
    return url


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.links: list[LinkSpan] = []
        self.body_ends: list[int] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _LINK_TAGS:
            self._find_href(self._offset())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "body":
            self.body_ends.append(self._offset())

    def _find_href(self, start: int) -> None:
        text = self.get_starttag_text() or ""
        if self._source[start : start + len(text)] != text:
            return  # cannot locate it exactly: leave the link alone
        name = _TAGFIND.match(text, 1)
        if name is None:
            return
        pos = name.end()
        end = len(text) - (2 if text.endswith("/>") else 1)
        while pos < end:
            match = _ATTRFIND.match(text, pos)
            if match is None:
                return
            if match.group(1).lower() == "href":
                value = match.group(3)
                if value is None:
                    return
                value_start, value_end = match.span(3)
                quoted = value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) >= 2
                if quoted:
                    value_start, value_end, value = value_start + 1, value_end - 1, value[1:-1]
                url = canonical_url(html.unescape(value))
                if url is not None:
                    self.links.append(LinkSpan(start + value_start, start + value_end, quoted, url))
                return  # browsers use the first href only
            pos = match.end()


def parse(source: str) -> ParsedHtml:
    """Locate the trackable links and the pixel's place; InvalidHtml if that is not safe."""
    if not source.strip():
        raise InvalidHtml("The HTML is empty.")
    if "\x00" in source:
        raise InvalidHtml("The HTML contains NUL characters.")
    scanner = _Scanner(source)
    try:
        scanner.feed(source)
        leftover = scanner.rawdata
        unterminated = leftover.lstrip().startswith("<") or scanner.cdata_elem is not None
        scanner.close()
    except Exception as exc:  # html.parser gives up on some malformed declarations
        raise InvalidHtml("The HTML could not be parsed.") from exc
    if unterminated:
        raise InvalidHtml("The HTML ends inside a tag, comment or script.")
    pixel_at = scanner.body_ends[-1] if scanner.body_ends else len(source)
    return ParsedHtml(source, tuple(scanner.links), pixel_at)


def render(
    parsed: ParsedHtml, link_url: Callable[[int, str], str] | None, pixel_url: str | None
) -> str:
    """One copy: each link i replaced by link_url(i, url), the pixel inserted (if given)."""
    edits: list[tuple[int, int, str]] = []
    if link_url is not None:
        for index, link in enumerate(parsed.links):
            value = html.escape(link_url(index, link.url), quote=True)
            edits.append((link.start, link.end, value if link.quoted else f'"{value}"'))
    if pixel_url is not None:
        edits.append((parsed.pixel_at, parsed.pixel_at, pixel_tag(pixel_url)))
    return splice(parsed.source, edits)


def splice(source: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """Replace non-overlapping [start, end) spans; everything else is copied unchanged."""
    out: list[str] = []
    pos = 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(source[pos:start])
        out.append(text)
        pos = end
    out.append(source[pos:])
    return "".join(out)


def pixel_tag(url: str) -> str:
    return (
        f'<img src="{html.escape(url, quote=True)}" width="1" height="1" alt="" '
        'style="display:block;width:1px;height:1px;border:0;margin:0;padding:0">'
    )
