"""What Stratus's own HTML pages share (the admin dashboard, the status page): their headers,
and their static files, served by Stratus itself (no external asset: a page works offline and
behind a strict proxy, under `default-src 'self'`) under a name holding a hash of the content,
cached for a year, so a new version is a new URL."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path

from chalice.app import Response

POLICY = "default-src 'self'; frame-ancestors 'none'"
LONG_CACHE = "public, max-age=31536000, immutable"


def headers(cache_control: str) -> dict[str, str | list[str]]:
    """A page's own headers, fresh for one response (`web.harden` adds HSTS and nosniff):
    no script or style but Stratus's own files, never framed, no referrer."""
    return {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": cache_control,
        "Content-Security-Policy": POLICY,
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }


def document(title: str, files: Assets, body: str) -> str:
    """A whole page: its title, the stylesheet and icon of `files` (`style.css`, `icon.svg`
    there), and `body` (HTML, every value in it already escaped)."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="{escape(files.named(files.stylesheet).path)}">'
        f'<link rel="icon" type="image/svg+xml" href="{escape(files.named("icon").path)}">'
        f"</head><body>{body}</body></html>\n"
    )


@dataclass(frozen=True)
class Asset:
    route: str
    name: str  # with its hash: admin.<hash>.css
    body: bytes
    content_type: str

    @property
    def path(self) -> str:
        return f"{self.route}/{self.name}"


def hashed_name(name: str, body: bytes) -> str:
    stem, _, extension = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:16]}.{extension}"


class Assets:
    """A page's static files: `files` (file name -> content type) in `folder`, served under
    `route` (read once per container, when first asked for); `stylesheet`: the stem of the
    page's CSS file, `icon.svg` its icon."""

    def __init__(self, route: str, folder: Path, files: Mapping[str, str], stylesheet: str) -> None:
        self._route, self._folder, self._files = route, folder, dict(files)
        self.stylesheet = stylesheet

    @cached_property
    def _by_name(self) -> dict[str, Asset]:
        found = {}
        for name, content_type in self._files.items():
            body = (self._folder / name).read_bytes()
            asset = Asset(self._route, hashed_name(name, body), body, content_type)
            found[asset.name] = asset
        return found

    def find(self, name: str) -> Asset | None:
        """The asset served under `name` (its hashed name), or None."""
        return self._by_name.get(name)

    def named(self, stem: str) -> Asset:
        """The asset of the file `<stem>.<extension>`."""
        return next(a for a in self._by_name.values() if a.name.startswith(stem + "."))

    def response(self, name: str) -> Response:
        """The answer of the route serving these files: the file, cached for a year; 404."""
        from chalicelib.errors import NotFound

        asset = self.find(name)
        if asset is None:
            raise NotFound("No such file.")
        headers: dict[str, str | list[str]] = {
            "Content-Type": asset.content_type,
            "Cache-Control": LONG_CACHE,
        }
        return Response(body=asset.body, status_code=200, headers=headers)
