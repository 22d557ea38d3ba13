"""Org settings: the one table of settings, and the cache the tracking hot paths read through
(one read per org per TTL)."""

from __future__ import annotations

from dataclasses import fields

from chalicelib.admin.models import OrgSettingsUpdate, OrgSettingsView
from chalicelib.org_settings import (
    SETTINGS,
    USER_OVERRIDES,
    OrgSettings,
    OrgSettingsCache,
    OrgState,
    revocation_tag,
)
from tests.fakes import FakeClock


class FlakySettings:
    """Stored settings whose reads fail while `down` (counts every read)."""

    def __init__(self) -> None:
        self.down = False
        self.reads = 0
        self.revoked: dict[str, int] = {}

    def state(self, org_id: str) -> OrgState:
        self.reads += 1
        if self.down:
            raise ConnectionError("table unavailable")
        return OrgState(OrgSettings(email_tracking=True), dict(self.revoked))


def test_a_failed_read_is_retried_once_per_ttl_not_sooner() -> None:
    # Given a cache with a 60 s TTL that has read the settings once
    stored, clock = FlakySettings(), FakeClock(1_800_000_000.0)
    cache = OrgSettingsCache(stored, clock, ttl=60)
    assert cache.get("org") == OrgSettings(email_tracking=True)
    # When the table goes down after the entry expires
    stored.down = True
    clock.advance(61)
    # Then the last known settings are served, and the failure is remembered for the TTL
    assert cache.get("org") == OrgSettings(email_tracking=True)
    assert stored.reads == 2
    for _ in range(5):
        clock.advance(11)
        cache.get("org")
    assert stored.reads == 2  # 55 s later: still no new read
    clock.advance(6)
    cache.get("org")
    assert stored.reads == 3  # a minute after the failure: one more read


def test_a_failed_first_read_is_retried_after_ten_seconds() -> None:
    # Given a new container whose first read fails (nothing known yet)
    stored, clock = FlakySettings(), FakeClock(1_800_000_000.0)
    cache = OrgSettingsCache(stored, clock, ttl=60)
    stored.down = True
    assert cache.get("org") == OrgSettings()  # all-off meanwhile
    clock.advance(9)
    cache.get("org")
    assert stored.reads == 1
    # When the table is back, the next read after 10 s sees the real settings
    stored.down = False
    clock.advance(1)
    assert cache.get("org") == OrgSettings(email_tracking=True)
    assert stored.reads == 2


def test_a_forgotten_org_is_read_again_at_once() -> None:
    stored, clock = FlakySettings(), FakeClock(1_800_000_000.0)
    cache = OrgSettingsCache(stored, clock, ttl=60)
    cache.get("org")
    cache.forget("org")
    cache.get("org")
    assert stored.reads == 2


DEFAULTS = {
    "email_tracking": False,
    "link_tracking": False,
    "email_logging": "email_message",
    "attachments": False,
    "max_attachment_mb": 25,
    "drive_links": "activity",
    "excluded_domains": [],
    "signature_extraction": True,
    "calendar_sync": True,
}


def test_what_reaches_outside_salesforce_is_off_by_default_and_described_once() -> None:
    assert [s.name for s in SETTINGS] == [f.name for f in fields(OrgSettings)]
    defaults = {
        s.name: list(s.default) if s.name == "excluded_domains" else s.default for s in SETTINGS
    }
    assert OrgSettings().as_dict() == defaults == DEFAULTS
    assert all(s.description for s in SETTINGS)


def test_stored_values_of_another_type_read_as_the_default() -> None:
    from chalicelib.org_settings import _state

    state = _state(
        {
            "email_logging": "fax",
            "max_attachment_mb": "9",
            "excluded_domains": "x",
            "attachments": 1,
        }
    )
    assert state.settings.email_logging == "email_message"
    assert state.settings.max_attachment_mb == 25
    assert state.settings.excluded_domains == ()
    assert state.settings.attachments is True


def test_the_admin_api_models_are_the_settings_table() -> None:
    # Then every setting is shown with its description, and each can be changed alone
    # (and, beside the table, which settings users may choose for themselves: /me/settings)
    shown = OrgSettingsView.model_json_schema()
    assert shown["required"] == [s.name for s in SETTINGS] + [USER_OVERRIDES]
    described = {n: p["description"] for n, p in shown["properties"].items()}
    assert described.pop(USER_OVERRIDES).startswith("The settings users may choose")
    assert described == {s.name: s.description for s in SETTINGS}
    assert set(OrgSettingsUpdate.model_json_schema()["properties"]) == {
        *(s.name for s in SETTINGS),
        USER_OVERRIDES,
    }
    assert OrgSettingsUpdate.model_validate({"link_tracking": True}).model_dump(
        exclude_none=True
    ) == {"link_tracking": True}


def test_revocations_come_with_the_settings_in_the_same_read() -> None:
    # Given a cache that read the org before a user's account was deleted
    stored, clock = FlakySettings(), FakeClock(1_800_000_000.0)
    cache = OrgSettingsCache(stored, clock, ttl=60)
    assert not cache.state("org").revoked_link("005alice", 1_799_000_000)
    stored.revoked[revocation_tag("005alice")] = 1_800_000_010
    # When the entry expires, the next read brings the revocation (and nothing more is read)
    clock.advance(61)
    state = cache.state("org")
    assert stored.reads == 2
    # Then alice's links prepared up to the deletion are revoked, later ones and bob's are not
    assert state.revoked_link("005alice", 1_800_000_010)
    assert not state.revoked_link("005alice", 1_800_000_011)
    assert not state.revoked_link("005bob", 1_799_000_000)
    assert cache.get("org") == OrgSettings(email_tracking=True)


def test_a_revocation_names_the_user_by_a_one_way_tag() -> None:
    tag = revocation_tag("005000000000001AAA")
    assert len(tag) == 16 and "005000000000001AAA" not in tag
    assert tag == revocation_tag("005000000000001AAA") != revocation_tag("005000000000002AAA")
