"""The dashboard's static files (`chalicelib.pages.Assets`: served by Stratus itself, under
names holding their hash)."""

from __future__ import annotations

from pathlib import Path

from chalicelib.pages import Asset, Assets

ROUTE = "/admin/assets"
FILES = Assets(
    ROUTE,
    Path(__file__).resolve().parent,
    {"admin.css": "text/css; charset=utf-8", "icon.svg": "image/svg+xml"},
    stylesheet="admin",
)


def stylesheet() -> Asset:
    return FILES.named("admin")


def icon() -> Asset:
    """The page's icon (without one, a browser asks for /favicon.ico: a 404 in its console)."""
    return FILES.named("icon")
