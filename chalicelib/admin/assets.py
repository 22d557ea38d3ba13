"""The dashboard's static files, served by Stratus itself (no external asset: the page works
offline and behind a strict proxy, under `default-src 'self'`). Each is served under a name
holding a hash of its content, with a year's cache: a new version is a new URL."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROUTE = "/admin/assets"
LONG_CACHE = "public, max-age=31536000, immutable"
_HERE = Path(__file__).resolve().parent
_FILES = {"admin.css": "text/css; charset=utf-8", "icon.svg": "image/svg+xml"}


@dataclass(frozen=True)
class Asset:
    name: str  # with its hash: admin.<hash>.css
    body: bytes
    content_type: str

    @property
    def path(self) -> str:
        return f"{ROUTE}/{self.name}"


def _hashed(name: str, body: bytes) -> str:
    stem, _, extension = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:16]}.{extension}"


@lru_cache(maxsize=1)
def _assets() -> dict[str, Asset]:
    found = {}
    for name, content_type in _FILES.items():
        body = (_HERE / name).read_bytes()
        asset = Asset(_hashed(name, body), body, content_type)
        found[asset.name] = asset
    return found


def find(name: str) -> Asset | None:
    """The asset served under `name` (its hashed name), or None."""
    return _assets().get(name)


def _named(stem: str) -> Asset:
    return next(a for a in _assets().values() if a.name.startswith(stem + "."))


def stylesheet() -> Asset:
    return _named("admin")


def icon() -> Asset:
    """The page's icon (without one, a browser asks for /favicon.ico: a 404 in its console)."""
    return _named("icon")
