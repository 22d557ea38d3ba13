"""`/status.html`: the status for people. Its stylesheet and icon are served by Stratus itself
(`/status/assets/<name with its hash>`), under `default-src 'self'` with no inline script or
style, as the admin dashboard is; states are said in words and a symbol, not only in colour."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from chalicelib import pages
from chalicelib.pages import Asset, Assets

ASSET_ROUTE = "/status/assets"
FILES = Assets(
    ASSET_ROUTE,
    Path(__file__).resolve().parent,
    {"status.css": "text/css; charset=utf-8", "icon.svg": "image/svg+xml"},
    stylesheet="status",
)
_NAMES = {
    "api": "API",
    "database": "Database",
    "encryption": "Encryption",
    "queue": "Background jobs",
    "salesforce": "Salesforce",
    "google": "Google",
    "microsoft": "Microsoft",
    "calendar_sync": "Calendar sync",
}


def headers() -> dict[str, str | list[str]]:
    """The page's headers: cached 30 s, as its figures are."""
    return pages.headers("public, max-age=30")


def stylesheet() -> Asset:
    return FILES.named("status")


def _figure(component: Mapping[str, Any]) -> str:
    """A component's figures in words."""
    parts = []
    if "error_rate" in component:
        parts.append(f"{component['error_rate'] * 100:.1f}% of calls failed")
    if component.get("latency_ms") is not None:
        parts.append(f"answered in {component['latency_ms']} ms")
    if "oldest_message_age_seconds" in component:
        parts.append(f"oldest waiting {component['oldest_message_age_seconds']} s")
    if "lag_seconds" in component:
        lag = component["lag_seconds"]
        parts.append("lag unknown" if lag is None else f"lag {lag} s")
    return "; ".join(parts) or "—"


def _row(name: str, component: Mapping[str, Any]) -> str:
    state = str(component["state"])
    return (
        f'<tr><th scope="row">{escape(_NAMES.get(name, name))}</th>'
        f'<td class="state-{escape(state)}">{escape(state.capitalize())}</td>'
        f"<td>{escape(_figure(component))}</td></tr>"
    )


def render(status: Mapping[str, Any]) -> str:
    overall = str(status["status"])
    when = datetime.fromtimestamp(int(status["computed_at"]), UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = "".join(_row(name, c) for name, c in status["components"].items())
    body = (
        "<header><h1>Stratus status</h1>"
        f'<p class="meta">As of {escape(when)}, over the last {int(status["window_minutes"])}'
        ' minutes. Also as JSON: <a href="/status">/status</a>.</p></header>'
        f'<main><p class="overall">Stratus is <strong class="state-{escape(overall)}">'
        f"{escape(overall)}</strong>.</p>"
        '<section aria-labelledby="components"><h2 id="components">Components</h2>'
        '<table><thead><tr><th scope="col">Component</th><th scope="col">State</th>'
        f'<th scope="col">Figures</th></tr></thead><tbody>{rows}</tbody></table></section>'
        "</main>"
    )
    return pages.document("Stratus status", FILES, body)
