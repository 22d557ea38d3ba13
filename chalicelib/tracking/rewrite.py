"""Rewriting a message's HTML: tracked links and a pixel, the rest left byte-for-byte intact.

The HTML is tokenized as a browser tokenizes it (`html_tokens`, the WHATWG HTML standard's
tokenization, §13.2.5); for each `<a>`/`<area>` start tag the first href attribute's value span
is recorded, and each recipient's copy is made by splicing new values into those spans. The
document is never re-serialised, so whatever is not a tracked href survives untouched.

It is tokenized twice, with scripting on (browsers) and off (mail clients: `<noscript>` holds
markup): only an href both parses find at the same place is rewritten, and the pixel goes only
where both read markup the same way.
"""

from __future__ import annotations

import html
import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from chalicelib.tracking.html_tokens import Unterminated, pixel_place, tokenize
from chalicelib.tracking.tokens import MAX_URL_BYTES

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters a path keeps as they are; anything else in a path is percent-encoded.
_KEEP = frozenset(chr(c) for c in range(0x21, 0x7F)) - frozenset('"<>`\\^{|}')
# The query and the fragment keep every printable ASCII character but `"<>`; controls, space
# and non-ASCII are encoded too, so the URL stays valid in a Location header and an attribute.
_KEEP_IN_QUERY = frozenset(chr(c) for c in range(0x21, 0x7F)) - frozenset('"<>')
_STRIPPED = "\t\n\r"
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_BRACKETED_NETLOC = re.compile(r"\[[^\[\]]*\](?::[0-9]*)?")
_NOSCRIPT = re.compile("<noscript", re.ASCII | re.IGNORECASE)


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
    # where the pixel goes: before the last </body>, else <plaintext>, else the end, else
    # (see html_tokens.pixel_place) before the first <noscript>; None: nowhere safe, no pixel
    pixel_at: int | None


def _percent_encode(text: str, keep: frozenset[str] = _KEEP) -> str:
    out: list[str] = []
    for char in text:
        if char in keep:
            out.append(char)
        else:
            out.extend(f"%{b:02X}" for b in char.encode("utf-8"))
    return "".join(out)


def _canonical_host(host: str, bracketed: bool) -> str | None:
    """The host lower-cased (IDNA when not ASCII), an IPv6 literal in brackets, or None."""
    if not host:
        return None
    if bracketed:  # only an IPv6 address: no zone id (URLs in browsers have none), no IPvFuture
        try:
            return f"[{ipaddress.IPv6Address(host).compressed}]" if "%" not in host else None
        except ValueError:
            return None
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
    bracketed = parts.netloc.startswith("[")
    if ("[" in parts.netloc or "]" in parts.netloc) and not (
        bracketed and _BRACKETED_NETLOC.fullmatch(parts.netloc)
    ):
        return None  # brackets anywhere else: not a host a browser accepts
    host = _canonical_host(parts.hostname or "", bracketed)
    if host is None:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path or "/"
    url = f"{scheme}://{netloc}{_percent_encode(path)}"
    if question:
        url += "?" + _percent_encode(query, _KEEP_IN_QUERY)
    if hash_sign:
        url += "#" + _percent_encode(fragment, _KEEP_IN_QUERY)
    if len(url) > MAX_URL_BYTES or not url.isascii():  # it is signed as ASCII
        return None
    return url


def parse(source: str) -> ParsedHtml:
    """Locate the trackable links and the pixel's place; InvalidHtml if that is not safe."""
    if not source.strip():
        raise InvalidHtml("The HTML is empty.")
    if "\x00" in source:
        raise InvalidHtml("The HTML contains NUL characters.")
    try:
        scripting = tokenize(source, scripting=True)
        # with scripting off (<noscript> holds markup), which only a noscript tag changes
        without = tokenize(source, scripting=False) if _NOSCRIPT.search(source) else scripting
    except Unterminated:
        raise InvalidHtml("The HTML ends inside a tag, comment or script.") from None
    both = {(href.start, href.end, href.tag_at) for href in without.hrefs}
    links = []
    for href in scripting.hrefs:
        url = canonical_url(href.value)
        if url is not None and (href.start, href.end, href.tag_at) in both:
            links.append(LinkSpan(href.start, href.end, href.quoted, url))
    return ParsedHtml(source, tuple(links), pixel_place(scripting, without, len(source)))


def render(
    parsed: ParsedHtml, link_url: Callable[[int, str], str] | None, pixel_url: str | None
) -> str:
    """One copy: each link i replaced by link_url(i, url), the pixel inserted (if given)."""
    edits: list[tuple[int, int, str]] = []
    if link_url is not None:
        for index, link in enumerate(parsed.links):
            value = html.escape(link_url(index, link.url), quote=True)
            edits.append((link.start, link.end, value if link.quoted else f'"{value}"'))
    if pixel_url is not None and parsed.pixel_at is not None:
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
