"""Org settings: org admins only (as determined at sign-in); tracking is off by default."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import boto3
import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.admin.service import ADMIN_RECHECK_SECONDS
from chalicelib.org_settings import OrgSettings
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.fakes import FakeClock


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _put(client: Client, token: str, body: object) -> object:
    return client.http.put("/admin/settings", body=json.dumps(body).encode(), headers=_auth(token))


def test_tracking_is_off_by_default(client: Client, sign_in: SignIn) -> None:
    response = client.http.get("/admin/settings", headers=_auth(sign_in("admin@acme.demo")))
    assert response.status_code == 200
    assert json.loads(response.body) == DEFAULTS
    assert response.headers["Cache-Control"] == "no-store"


def test_an_admin_changes_one_setting_and_the_other_keeps_its_value(
    client: Client, sign_in: SignIn, stack: ProvisionedStack
) -> None:
    admin = sign_in("admin@acme.demo")
    assert json.loads(_put(client, admin, {"email_tracking": True}).body) == {  # type: ignore[attr-defined]
        **DEFAULTS,
        "email_tracking": True,
    }
    assert json.loads(_put(client, admin, {"link_tracking": True}).body) == {  # type: ignore[attr-defined]
        **DEFAULTS,
        "email_tracking": True,
        "link_tracking": True,
    }
    changed = {
        "email_logging": "task",
        "max_attachment_mb": 10,
        "excluded_domains": ["Acme.Demo", "internal.acme.demo"],
    }
    answer = json.loads(_put(client, admin, changed).body)  # type: ignore[attr-defined]
    assert answer["email_logging"] == "task" and answer["max_attachment_mb"] == 10
    assert answer["excluded_domains"] == ["acme.demo", "internal.acme.demo"]
    assert answer["link_tracking"] is True
    # the setting is the org's: one item in the org's partition
    pk, sk = keys.org_settings_key(_org_of(client, admin))
    item = boto3.client("dynamodb").get_item(
        TableName=stack.table_name, Key={"pk": {"S": pk}, "sk": {"S": sk}}
    )["Item"]
    assert item["email_tracking"] == {"BOOL": True}


#: The org's settings as a new org reads them: the dataclass's defaults (whose values
#: tests/unit/test_tracking_org_settings.py pins), and users choose nothing for themselves.
DEFAULTS = {**OrgSettings().as_dict(), "user_overrides": []}


def _org_of(client: Client, token: str) -> str:
    return str(json.loads(client.http.get("/me", headers=_auth(token)).body)["org"]["id"])


def test_a_user_who_is_not_an_admin_is_refused(client: Client, sign_in: SignIn) -> None:
    alice = sign_in("alice@acme.demo")
    for response in (
        client.http.get("/admin/settings", headers=_auth(alice)),
        _put(client, alice, {"email_tracking": True}),
    ):
        assert response.status_code == 403  # type: ignore[attr-defined]
        assert json.loads(response.body)["error"]["code"] == "forbidden"  # type: ignore[attr-defined]


def test_settings_need_a_session(client: Client, sign_in: SignIn) -> None:
    assert client.http.get("/admin/settings").status_code == 401
    assert _put(client, "nope", {"email_tracking": True}).status_code == 401  # type: ignore[attr-defined]


def test_unknown_settings_and_wrong_types_are_400(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    bad = (
        {"email_trackin": True},
        {"email_tracking": "maybe"},
        [],
        {"email_logging": "fax"},
        {"max_attachment_mb": 0},
        {"max_attachment_mb": 2001},
        {"max_attachment_mb": "5"},
        {"excluded_domains": "acme.demo"},
        {"excluded_domains": ["https://acme.demo/"]},
        {"excluded_domains": ["a.demo"] * 101},
        {"drive_links": "email"},
    )
    for body in bad:
        response = _put(client, admin, body)
        assert response.status_code == 400  # type: ignore[attr-defined]
        assert json.loads(response.body)["error"]["code"] == "validation_error"  # type: ignore[attr-defined]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The app's clock, moved by the test."""
    fake = FakeClock()
    deps.reset()
    monkeypatch.setattr(deps, "clock", lru_cache(maxsize=1)(lambda: fake))
    return fake


def _grant_admin(emu: Any, username: str) -> dict[str, Any]:
    """Make `username` an admin through a permission set; returns the assignment."""
    user = emu.user_by_username(username)
    granted = emu.org.insert(
        "PermissionSet",
        {
            "Name": "Stratus_Admin",
            "Label": "Stratus Admin",
            "IsOwnedByProfile": False,
            "PermissionsModifyAllData": True,
        },
    )
    assignment: dict[str, Any] = emu.org.insert(
        "PermissionSetAssignment", {"AssigneeId": user["Id"], "PermissionSetId": granted["Id"]}
    )
    return assignment


def test_admin_rights_are_trusted_for_fifteen_minutes_then_read_again(
    client: Client, sign_in: SignIn, clock: FakeClock
) -> None:
    # Given bob, an admin through a permission set when he signed in
    emu = sign_in.salesforce.emu
    assignment = _grant_admin(emu, "bob@acme.demo")
    bob = sign_in("bob@acme.demo")
    emu.reset_counters()
    # When his org takes the right away, his session keeps it for up to 15 minutes (no call)
    del emu.org.records["PermissionSetAssignment"][assignment["Id"]]
    clock.advance(ADMIN_RECHECK_SECONDS - 1)
    assert client.http.get("/admin/settings", headers=_auth(bob)).status_code == 200
    assert emu.api_calls == 0
    # Then after that, the rights are read again (one call) and he is refused
    clock.advance(1)
    refused = client.http.get("/admin/settings", headers=_auth(bob))
    assert refused.status_code == 403, refused.body
    assert emu.api_calls == 1
    # and the new reading is kept on the session: no call for the next 15 minutes
    assert _put(client, bob, {"email_tracking": True}).status_code == 403  # type: ignore[attr-defined]
    assert emu.api_calls == 1


def test_a_promoted_user_gains_admin_rights_without_signing_in_again(
    client: Client, sign_in: SignIn, clock: FakeClock
) -> None:
    emu = sign_in.salesforce.emu
    bob = sign_in("bob@acme.demo")
    assert client.http.get("/admin/settings", headers=_auth(bob)).status_code == 403
    _grant_admin(emu, "bob@acme.demo")
    clock.advance(ADMIN_RECHECK_SECONDS)
    assert client.http.get("/admin/settings", headers=_auth(bob)).status_code == 200
