"""The dashboard page (`GET /admin`), its answer to the settings form, and its 401/403 pages:
server-rendered HTML, every value escaped, no script, no inline style (the CSP allows neither),
the stylesheet from Stratus itself (`assets.py`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html import escape
from typing import Any
from urllib.parse import urlencode

from chalicelib import pages, usage
from chalicelib.admin import assets, charts, forms
from chalicelib.admin.service import (
    PROVIDERS,
    USER_FEATURES,
    USERS_PAGE,
    UsageReport,
    UserRow,
)
from chalicelib.csrf import FORM_FIELD
from chalicelib.org_settings import OVERRIDABLE, SETTINGS, USER_OVERRIDES, Setting

PERIODS = ("30", "90")


def headers() -> dict[str, str | list[str]]:
    """The page's headers: never cached (it shows the org's users)."""
    return pages.headers("no-store")


_STATES = {"active": "Connected", "revoked": "Broken: reconnect", "not_connected": "Not connected"}
_PROVIDER_NAMES = {"salesforce": "Salesforce", "google": "Google", "microsoft": "Microsoft"}
_CALENDAR_STATES = {
    "disabled": "Off",
    "never_run": "Not run yet",
    "ok": "In sync",
    "reauth_required": "Broken: reconnect",
    "paused": "Paused",
    "error": "Failing",
}


@dataclass(frozen=True)
class Notice:
    """What the page says above the form after a post: what changed, or what was wrong."""

    ok: bool
    headline: str
    details: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class Dashboard:
    org_id: str
    csrf_token: str
    settings: Mapping[str, Any]
    users: Sequence[UserRow]
    report: UsageReport
    days: str
    notice: Notice | None = None
    users_next: str | None = None  # the users table's next page (its cursor)
    users_later: bool = False  # the users table shows a page after the first


def _document(title: str, body: str) -> str:
    return pages.document(title, assets.FILES, body)


def _header(org_id: str | None) -> str:
    org = f'<p class="meta">Org <code>{escape(org_id)}</code></p>' if org_id else ""
    return f"<header><h1>Stratus admin</h1>{org}</header>"


# -- settings --------------------------------------------------------------------------------
def _input(setting: Setting, value: Any, hint_id: str) -> str:
    name, field_id = escape(setting.name), f"setting-{escape(setting.name)}"
    described = f'aria-describedby="{hint_id}"'
    if setting.kind is bool:
        checked = " checked" if value else ""
        return f'<input type="checkbox" id="{field_id}" name="{name}" {described}{checked}>'
    if setting.kind is int:
        bounds = "".join(
            f' {attr}="{int(setting.constraints[key])}"'
            for key, attr in (("ge", "min"), ("le", "max"))
            if key in setting.constraints
        )
        return (
            f'<input type="number" id="{field_id}" name="{name}" value="{escape(str(value))}"'
            f' step="1" inputmode="numeric"{bounds} {described} required>'
        )
    if setting.choices:
        options = "".join(
            f'<option value="{escape(c)}"{" selected" if c == value else ""}>{escape(c)}</option>'
            for c in setting.choices
        )
        return f'<select id="{field_id}" name="{name}" {described}>{options}</select>'
    lines = "\n".join(str(v) for v in value or ())
    return (
        f'<textarea id="{field_id}" name="{name}" rows="4" {described}>{escape(lines)}</textarea>'
    )


def _override(setting: Setting, allowed: Sequence[str]) -> str:
    """The box that lets users choose the setting for themselves (overridable ones only)."""
    if setting.name not in OVERRIDABLE:
        return ""
    name = escape(setting.name)
    checked = " checked" if setting.name in allowed else ""
    return (
        f'<span class="override"><input type="checkbox" id="override-{name}"'
        f' name="{forms.OVERRIDE_FIELD}" value="{name}"{checked}>'
        f'<label for="override-{name}">Users may choose {escape(forms.title(setting).lower())}'
        " for themselves</label></span>"
    )


def _field(setting: Setting, value: Any, allowed: Sequence[str] = ()) -> str:
    hint_id = f"hint-{escape(setting.name)}"
    hint = escape(setting.description)
    if forms.is_list(setting):
        hint += " One per line."
    label = f'<label for="setting-{escape(setting.name)}">{escape(forms.title(setting))}</label>'
    control = _input(setting, value, hint_id)
    hint_html = f'<span class="hint" id="{hint_id}">{hint}</span>'
    if setting.kind is bool:
        override = _override(setting, allowed)
        return f'<div class="field field-check">{control}{label}{hint_html}{override}</div>'
    return f'<div class="field">{label}{hint_html}{control}</div>'


def _settings(page: Dashboard) -> str:
    allowed = list(page.settings.get(USER_OVERRIDES) or ())
    fields = "".join(_field(s, page.settings.get(s.name, s.default), allowed) for s in SETTINGS)
    return (
        '<section aria-labelledby="settings"><h2 id="settings">Settings</h2>'
        '<form method="post" action="/admin">'
        f'<input type="hidden" name="{FORM_FIELD}" value="{escape(page.csrf_token)}">'
        f'<input type="hidden" name="days" value="{escape(page.days)}">'
        f"{fields}"
        '<p class="note">Where users may choose a setting for themselves (on their own '
        "settings, <code>/me/settings</code>), the value above is what they get until they "
        "choose; the others apply to every user of the org.</p>"
        '<button type="submit">Save settings</button></form></section>'
    )


def _notice(notice: Notice | None) -> str:
    if notice is None:
        return ""
    kind = "notice-ok" if notice.ok else "notice-error"
    details = "".join(f"<li>{escape(d)}</li>" for d in notice.details)
    return (
        f'<div class="notice {kind}" role="status"><strong>{escape(notice.headline)}</strong>'
        f"{f'<ul>{details}</ul>' if details else ''}</div>"
    )


# -- users -----------------------------------------------------------------------------------
def _when(epoch: int | None) -> str:
    if epoch is None:
        return "Never"
    moment = datetime.fromtimestamp(epoch, UTC)
    return f'<time datetime="{moment.isoformat()}">{moment:%Y-%m-%d %H:%M} UTC</time>'


def _user(row: UserRow) -> str:
    states = "".join(
        f'<td class="state-{escape(row.connections[p])}">'
        f"{escape(_STATES.get(row.connections[p], row.connections[p]))}</td>"
        for p in PROVIDERS
    )
    figures = "".join(f'<td class="number">{row.usage[f]:,}</td>' for f in USER_FEATURES)
    calendar = escape(_CALENDAR_STATES.get(row.calendar_sync, row.calendar_sync))
    return (
        f'<tr><th scope="row">{escape(row.name or row.user_id)}</th><td>{escape(row.email)}</td>'
        f"<td>{_when(row.last_active)}</td>{states}<td>{calendar}</td>{figures}</tr>"
    )


#: What the page says when a users link cannot be followed (another session's, altered).
USERS_RESTART = ("Its link belongs to another session: here is the first page of users.",)


def _users_pages(page: Dashboard) -> str:
    """Links to the users table's first and next pages (the cursor is this session's)."""
    links = []
    if page.users_later:
        links.append(
            f'<li><a href="/admin?{urlencode({"days": page.days})}#users">First users</a></li>'
        )
    if page.users_next:
        query = urlencode({"days": page.days, "users": page.users_next})
        links.append(f'<li><a href="/admin?{escape(query)}#users" rel="next">Next users</a></li>')
    if not links:
        return ""
    return f'<nav class="pages" aria-label="Pages of users"><ul>{"".join(links)}</ul></nav>'


def _users(page: Dashboard) -> str:
    heads = "".join(f'<th scope="col">{_PROVIDER_NAMES[p]}</th>' for p in PROVIDERS)
    heads += '<th scope="col">Calendar sync</th>'
    heads += "".join(
        f'<th scope="col" class="number">{escape(usage.label(f))}</th>' for f in USER_FEATURES
    )
    empty = "No more users." if page.users_later else "No user has signed in yet."
    body = "".join(_user(r) for r in page.users) or (
        f'<tr><td colspan="{4 + len(PROVIDERS) + len(USER_FEATURES)}">{empty}</td></tr>'
    )
    return (
        '<section aria-labelledby="users"><h2 id="users">Users</h2>'
        "<p>Users with a broken connection first (on the first pages), then the others; by "
        f"name within a page of {USERS_PAGE}. Figures over the last 30 days (UTC).</p>"
        '<table><caption class="meta">The org\'s users and their connections</caption>'
        f'<thead><tr><th scope="col">Name</th><th scope="col">Email</th>'
        f'<th scope="col">Last active</th>{heads}</tr></thead><tbody>{body}</tbody></table>'
        f"{_users_pages(page)}</section>"
    )


# -- usage -----------------------------------------------------------------------------------
def _period_links(days: str) -> str:
    current = ' aria-current="page"'
    links = "".join(
        f'<li><a href="/admin?days={p}"{current if p == days else ""}>Last {p} days</a></li>'
        for p in PERIODS
    )
    return f'<nav class="period" aria-label="Period"><ul>{links}</ul></nav>'


def csv_link(report: UsageReport) -> str:
    query = urlencode({"from": report.first.isoformat(), "to": report.last.isoformat()})
    return f"/admin/usage.csv?{query}"


def _day_table(label: str, days: Sequence[date], values: Sequence[int]) -> str:
    """A chart's figures as a table (keyboard and screen-reader users reach every day's number,
    which the SVG only shows on hover), folded under the chart."""
    rows = "".join(
        f'<tr><th scope="row">{day.isoformat()}</th><td class="number">{n:,}</td></tr>'
        for day, n in zip(days, values, strict=True)
    )
    return (
        f"<details><summary>{escape(label)}: every day's figure</summary>"
        f'<table><caption class="meta">{escape(label)} per UTC day</caption>'
        f'<thead><tr><th scope="col">Day (UTC)</th><th scope="col" class="number">Uses</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></details>"
    )


def _usage(report: UsageReport, days: str) -> str:
    dates = [day for day, _ in report.rows]
    used = [f for f in report.features if sum(report.series(f))]
    unused = [f for f in report.features if f not in used]
    charts_html = "".join(
        f'<figure><h3 id="chart-{i}-heading">{escape(usage.label(f))}</h3>'
        f"{charts.bar_chart(f'chart-{i}', usage.label(f), dates, report.series(f))}"
        f"{_day_table(usage.label(f), dates, report.series(f))}</figure>"
        for i, f in enumerate(used)
    )
    unused_html = "".join(f"<li>{escape(usage.label(f))}</li>" for f in unused)
    return (
        '<section aria-labelledby="usage"><h2 id="usage">Usage</h2>'
        f"{_period_links(days)}"
        f"<p>Uses per feature per UTC day from {report.first} to {report.last}. "
        f'<a href="{escape(csv_link(report))}" download>Download these figures as CSV</a></p>'
        f'<div class="charts">{charts_html or "<p>No use in this period.</p>"}</div>'
        + (f"<h3>Not used in this period</h3><ul>{unused_html}</ul>" if unused_html else "")
        + "</section>"
    )


def dashboard(page: Dashboard) -> str:
    body = (
        f"{_header(page.org_id)}<main>{_notice(page.notice)}{_settings(page)}"
        f"{_users(page)}{_usage(page.report, page.days)}</main>"
    )
    return _document("Stratus admin", body)


def forbidden() -> str:
    body = (
        f"{_header(None)}<main><h2>Not allowed</h2><p>Only an administrator of your Salesforce "
        "org can see this page. Ask your Salesforce administrator if you need access.</p></main>"
    )
    return _document("Not allowed - Stratus admin", body)


def sign_in(login_url: str) -> str:
    body = (
        f"{_header(None)}<main><h2>Sign in</h2><p>The admin dashboard needs you to sign in "
        f'with Salesforce first.</p><p><a href="{escape(login_url)}">Sign in with '
        "Salesforce</a></p></main>"
    )
    return _document("Sign in - Stratus admin", body)
