"""Google Drive links in an email's body (`drive.google.com`, `docs.google.com`): listed in the
job's result and, by org setting, appended to the activity or posted to Chatter. No Drive
scope is needed: the links are read from the body the user logs, never opened."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit

DRIVE_HOSTS = frozenset({"drive.google.com", "docs.google.com"})
MAX_LINKS = 20
_URL = re.compile(r"https://(?:drive|docs)\.google\.com/[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_TRAILING = ".,;:!?"


@dataclass(frozen=True)
class DriveLink:
    url: str
    title: str | None = None


def _canonical(url: str) -> str | None:
    """The link as shown: https, a Drive host, no fragment; None when it is not one."""
    url = url.rstrip(_TRAILING)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() != "https" or host not in DRIVE_HOSTS or parts.username:
        return None
    if parts.port not in (None, 443) or not parts.path.strip("/"):
        return None
    return urlunsplit(("https", host, parts.path, parts.query, ""))


class _Anchors(HTMLParser):
    """(href, text) of every anchor of an HTML body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or None
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.found.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def drive_links(text: str | None, html: str | None) -> list[DriveLink]:
    """The distinct Drive links of the bodies, in order (anchor text as their title)."""
    titled: dict[str, str | None] = {}
    if html:
        parser = _Anchors()
        try:
            parser.feed(html)
            parser.close()
        except Exception:  # an HTML body we cannot walk: fall back to the text's links
            parser.found = []
        for href, label in parser.found:
            url = _canonical(href.strip())
            if url is not None and url not in titled:
                titled[url] = label if label and _canonical(label) is None else None
    for body in (html, text):
        for found in _URL.findall(body or ""):
            url = _canonical(found.replace("&amp;", "&"))
            if url is not None:
                titled.setdefault(url, None)
    return [DriveLink(url, title) for url, title in list(titled.items())[:MAX_LINKS]]


def appendix(links: list[DriveLink]) -> str:
    """The text appended to an activity's body for its Drive links."""
    lines = [f"- {link.title}: {link.url}" if link.title else f"- {link.url}" for link in links]
    return "\n\nGoogle Drive links:\n" + "\n".join(lines)
