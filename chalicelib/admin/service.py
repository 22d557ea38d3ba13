"""Org administration: settings, the org's users and its usage figures, for org admins.

Admin rights are read at sign-in (`Principal.is_admin`); a session lives for weeks, so an
admin route trusts that reading for ADMIN_RECHECK_SECONDS only, then reads the rights again
(`read_admin_rights`: one Salesforce Composite call) and keeps the new reading on the session:
an admin an org demotes loses access within that time, a user it promotes gains it without
signing in again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from chalicelib import usage
from chalicelib.admin import cursors, forms
from chalicelib.clock import Clock
from chalicelib.errors import ErrorCode, StratusError, ValidationFailed
from chalicelib.org_settings import OVERRIDABLE, USER_OVERRIDES, StoredOrgSettings
from chalicelib.sessions import Principal, Sessions
from chalicelib.store import keys
from chalicelib.store.profiles import ProfileItems
from chalicelib.store.table import Item, Store
from chalicelib.store.usage import RETENTION_DAYS, UsageItems, UserUsage

ADMIN_RECHECK_SECONDS = 15 * 60
#: The longest period a usage report covers: as long as daily items live.
MAX_RANGE_DAYS = RETENTION_DAYS
DEFAULT_RANGE_DAYS = 30
USERS_PERIOD_DAYS = 30
#: Users per page of the users list (`GET /admin/users?limit=`, the dashboard's table): each
#: page reads USERS_PERIOD_DAYS usage items per user, so pages stay small.
USERS_PAGE = 25
MAX_USERS_PAGE = 50
PROVIDERS = ("salesforce", "google", "microsoft")
#: What the users table shows of each user's usage (over USERS_PERIOD_DAYS).
USER_FEATURES = (usage.EMAILS_LOGGED, usage.LOOKUPS, usage.TRACKED_MESSAGES)
NOT_CONNECTED = "not_connected"
BROKEN = "revoked"
#: (org id, user id) -> whether the user is an org admin, as their org says now
AdminRights = Callable[[str, str], bool]


@dataclass(frozen=True)
class Admin:
    """The org administration feature."""

    org_settings: StoredOrgSettings
    sessions: Sessions
    clock: Clock
    read_admin_rights: AdminRights
    settings_changed: Callable[[str], None]  # (org id): this container's caches forget
    usage_items: UsageItems
    profiles: ProfileItems
    store: Store  # the users' connection items (their status only)
    usage: usage.Usage  # this container's sums: flushed before a report reads

    def require_admin(self, principal: Principal) -> Principal:
        """The principal, if an org admin by a reading at most ADMIN_RECHECK_SECONDS old (a
        new reading is taken and kept on the session when it is older); 403 otherwise."""
        if self.clock.now() - principal.admin_checked_at >= ADMIN_RECHECK_SECONDS:
            rights = self.read_admin_rights(principal.org_id, principal.user_id)
            principal = self.sessions.record_admin_check(principal, rights)
        if not principal.is_admin:
            raise StratusError(ErrorCode.FORBIDDEN, "Only an org admin can do this.", 403)
        return principal

    def settings(self, principal: Principal) -> dict[str, Any]:
        """The org's settings (org admins only)."""
        admin = self.require_admin(principal)
        return self._settings(admin.org_id)

    def _settings(self, org_id: str) -> dict[str, Any]:
        """Every setting, and which ones users may choose (OVERRIDABLE order)."""
        state = self.org_settings.state(org_id)
        allowed = [name for name in OVERRIDABLE if name in state.user_overrides]
        return {**state.settings.as_dict(), USER_OVERRIDES: allowed}

    def change_settings(self, principal: Principal, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Apply the changes (org admins only); new messages see them at once, this
        container's hot paths too."""
        admin = self.require_admin(principal)
        self._write(admin.org_id, changes)
        return self._settings(admin.org_id)

    def _write(self, org_id: str, changes: Mapping[str, Any]) -> None:
        settings = {name: v for name, v in changes.items() if name != USER_OVERRIDES}
        if settings:
            self.org_settings.change(org_id, settings)
        if USER_OVERRIDES in changes:
            self.org_settings.allow_overrides(org_id, list(changes[USER_OVERRIDES]))
        if changes:
            self.settings_changed(org_id)

    def submit_settings(
        self, principal: Principal, submitted: Mapping[str, Any]
    ) -> list[forms.Change]:
        """The dashboard's form: every setting's submitted value, validated as `PUT
        /admin/settings` validates (FormInvalid, in words); only those that differ from the
        current ones are written. What changed, in table order."""
        admin = self.require_admin(principal)
        values = forms.validated(submitted)
        changed = forms.changes(self._settings(admin.org_id), values)
        self._write(admin.org_id, {c.setting.name: c.after for c in changed})
        return changed

    # -- usage and users ---------------------------------------------------------------------
    def today(self) -> date:
        return usage.utc_day(self.clock.now())

    def period(self, first: date | None, last: date | None) -> tuple[date, date]:
        """[first, last] as asked: both default (the last DEFAULT_RANGE_DAYS days to today),
        last defaults to today, first to DEFAULT_RANGE_DAYS before last; 400 when first is
        after last or the period is longer than MAX_RANGE_DAYS."""
        last = last or self.today()
        try:
            first = first or last - timedelta(days=DEFAULT_RANGE_DAYS - 1)
        except OverflowError:  # `to` in the first days of year 1: no period ends there
            raise ValidationFailed("Query field 'to': no usage is that old.", field="to") from None
        if first > last:
            raise ValidationFailed("Query field 'from': must not be after 'to'.", field="from")
        if (last - first).days + 1 > MAX_RANGE_DAYS:
            raise ValidationFailed(
                f"Query field 'from': a period covers at most {MAX_RANGE_DAYS} days.",
                field="from",
            )
        return first, last

    def usage_report(self, principal: Principal, first: date, last: date) -> UsageReport:
        """The org's uses per feature per day over [first, last] (every day, zeros included).
        This container's unflushed sums are flushed first, so they are in it; opens and clicks
        are the hits' own counter shards (written with each event: none waits in any memory)."""
        admin = self.require_admin(principal)
        self.usage.flush(force=True)
        found = self.usage_items.org_days(admin.org_id, first, last)
        for day, hits in self.usage_items.hits(admin.org_id, first, last).items():
            found[day] = {**found.get(day, {}), **hits}
        features = usage.ordered(frozenset(f for counts in found.values() for f in counts))
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        rows = [(day, found.get(day.isoformat(), {})) for day in days]
        return UsageReport(first, last, features, rows)

    def users(
        self, principal: Principal, limit: int = USERS_PAGE, cursor: str | None = None
    ) -> UsersPage:
        """A page of the org's users: first those with a revoked connection (the org's index of
        revoked connections), then the others (the members index); by name within a page.
        `cursor`: the previous page's `next` (this session's only: `cursors`). Reads are
        bounded by `limit`: two index queries and batch reads of the page's users' items."""
        admin = self.require_admin(principal)
        self.usage.flush(force=True)
        org_id = admin.org_id
        at: cursors.Position | None = cursors.read(admin.csrf_key, cursor) if cursor else None
        broken: list[str] = []
        if at is None or at.part == cursors.BROKEN:
            broken, at = self._broken_users(org_id, limit, at or cursors.START)
        members: dict[str, Item] = {}
        if at is not None and at.part == cursors.MEMBERS and len(broken) < limit:
            members, at = self._members(org_id, limit - len(broken), at)
        rows = self._rows(org_id, broken, members)
        return UsersPage(rows, None if at is None else cursors.sign(admin.csrf_key, at))

    def _broken_users(
        self, org_id: str, limit: int, at: cursors.Position
    ) -> tuple[list[str], cursors.Position]:
        """Up to `limit` users with a revoked connection from `at`, and where the list goes on
        (the members part once the index is read to its end)."""
        page = self.store.query(
            keys.org_broken_connections_index(org_id),
            index="gsi1",
            limit=limit,
            cursor=at.after,
            attributes=("user_id",),
        )
        users = [u for u in dict.fromkeys(str(i["user_id"]) for i in page.items) if u != at.skip]
        if page.cursor is None:
            return users, cursors.Position(cursors.MEMBERS)
        last = users[-1] if users else at.skip
        return users, cursors.Position(cursors.BROKEN, page.cursor, last)

    def _members(
        self, org_id: str, limit: int, at: cursors.Position
    ) -> tuple[dict[str, Item], cursors.Position | None]:
        """Up to `limit` profiles of the org's members from `at`, and where the list goes on
        (None: nowhere)."""
        page = self.store.query(
            keys.org_members_index(org_id),
            index="gsi1",
            limit=limit,
            cursor=at.after,
            attributes=_PROFILE_SHOWN,
        )
        profiles = {str(p["user_id"]): p for p in page.items}
        return profiles, cursors.Position(cursors.MEMBERS, page.cursor) if page.cursor else None

    def _rows(self, org_id: str, broken: list[str], members: Mapping[str, Item]) -> list[UserRow]:
        """The page's rows (broken connections first, then by name): the users of the revoked
        part, and the members but those the revoked part lists (on this page or another)."""
        wanted = [keys.profile_key(org_id, u) for u in broken if u not in members]
        found = self.store.batch_get(wanted, attributes=_PROFILE_SHOWN)
        profiles = {**{u: {"user_id": u} for u in broken}, **members}
        profiles.update({str(p["user_id"]): p for p in found})
        statuses, listed = self._connections(org_id, sorted(profiles))
        shown = [u for u in profiles if u in broken or u not in listed]
        last = self.today()
        first = last - timedelta(days=USERS_PERIOD_DAYS - 1)
        used = self.usage_items.users(org_id, shown, first, last, USER_FEATURES)
        calendars = self._calendar_syncs(org_id, shown)
        rows = [
            _user_row(
                profiles[user_id],
                statuses.get(user_id, {}),
                used.get(user_id, UserUsage()),
                calendars.get(user_id, DISABLED),
            )
            for user_id in shown
        ]
        return sorted(rows, key=lambda row: (not row.broken, row.name.lower(), row.user_id))

    def _connections(
        self, org_id: str, user_ids: list[str]
    ) -> tuple[dict[str, dict[str, str]], set[str]]:
        """user id -> provider -> status, for their stored connections (one batch read); and
        the users with a connection in the org's index of revoked connections."""
        wanted = [keys.connection_key(org_id, u, p) for u in user_ids for p in PROVIDERS]
        index = keys.org_broken_connections_index(org_id)
        found: dict[str, dict[str, str]] = {}
        listed: set[str] = set()
        for item in self.store.batch_get(wanted, attributes=("pk", "sk", "status", "gsi1pk")):
            user_id = str(item["pk"]).rsplit("#", 1)[1]
            provider = str(item["sk"]).split("#", 1)[1]
            found.setdefault(user_id, {})[provider] = str(item.get("status") or BROKEN)
            if item.get("gsi1pk") == index:
                listed.add(user_id)
        return found, listed

    def _calendar_syncs(self, org_id: str, user_ids: list[str]) -> dict[str, str]:
        """user id -> their calendar sync's state (one batch read; none: disabled)."""
        wanted = [keys.calendar_sync_key(org_id, u) for u in user_ids]
        found: dict[str, str] = {}
        for item in self.store.batch_get(wanted, attributes=("pk", "enabled", "state")):
            user_id = str(item["pk"]).rsplit("#", 1)[1]
            enabled = bool(item.get("enabled"))
            found[user_id] = str(item.get("state") or "never_run") if enabled else DISABLED
        return found


#: A user's calendar sync that is off or was never set up.
DISABLED = "disabled"
_PROFILE_SHOWN = ("user_id", "name", "email", "updated_at")


@dataclass(frozen=True)
class UsageReport:
    """Uses per feature per day: `rows` holds every day of [first, last] in order."""

    first: date
    last: date
    features: list[str]
    rows: list[tuple[date, dict[str, int]]]

    def series(self, feature: str) -> list[int]:
        return [counts.get(feature, 0) for _, counts in self.rows]

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "features": [{"name": f, "label": usage.label(f)} for f in self.features],
            "days": [
                {"day": day.isoformat(), "counts": {f: counts.get(f, 0) for f in self.features}}
                for day, counts in self.rows
            ],
        }

    def csv(self) -> str:
        """One row per day, one column per feature (RFC 4180: CRLF line ends); every cell
        guarded against formula injection (`csv_cell`)."""
        lines = [",".join(map(csv_cell, ["day", *self.features]))]
        lines += [
            ",".join(
                map(csv_cell, [day.isoformat(), *(str(counts.get(f, 0)) for f in self.features)])
            )
            for day, counts in self.rows
        ]
        return "\r\n".join(lines) + "\r\n"


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """One CSV cell: a value a spreadsheet would run as a formula is prefixed with `'` (so it
    stays text), and one holding a comma, quote or line end is quoted (RFC 4180). Today's
    cells are days, counts and feature names, none of which can start so: a guard for what a
    later column may hold."""
    text = "'" + value if value.startswith(_FORMULA_STARTS) else value
    if any(c in text for c in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


@dataclass(frozen=True)
class UsersPage:
    """A page of the org's users, and the cursor of the next (None on the last)."""

    rows: list[UserRow]
    next: str | None


@dataclass(frozen=True)
class UserRow:
    """One user of the org as the admin sees them."""

    user_id: str
    name: str
    email: str
    last_active: int | None  # epoch second: the latest use in the period, else the sign-in
    connections: dict[str, str]  # provider -> active | revoked | not_connected
    usage: dict[str, int]  # USER_FEATURES over USERS_PERIOD_DAYS
    #: the calendar sync's state (GET /me/calendar-sync's): disabled (off or never set up),
    #: never_run, ok, reauth_required, paused, error
    calendar_sync: str = "disabled"

    @property
    def broken(self) -> bool:
        return BROKEN in self.connections.values()


def _user_row(
    profile: Item, statuses: Mapping[str, str], used: UserUsage, calendar_sync: str
) -> UserRow:
    signed_in = int(profile.get("updated_at") or 0) or None
    last_active = max(filter(None, (signed_in, used.last_at)), default=None)
    return UserRow(
        user_id=str(profile["user_id"]),
        name=str(profile.get("name") or ""),
        email=str(profile.get("email") or ""),
        last_active=last_active,
        connections={p: statuses.get(p, NOT_CONNECTED) for p in PROVIDERS},
        usage={f: used.counts.get(f, 0) for f in USER_FEATURES},
        calendar_sync=calendar_sync,
    )
