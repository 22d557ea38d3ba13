"""ALLOWED_SALESFORCE_ORGS: only the deployment's own orgs sign in; any other org's sign-in is
403 `org_not_allowed`, stores nothing and is revoked at Salesforce."""

from __future__ import annotations

import json
from typing import Any

import pytest

from chalicelib import deps
from chalicelib.sessions import COOKIE_NAME as SESSION_COOKIE
from chalicelib.settings import get_settings
from devstack.provision import ProvisionedStack
from devstack.stack import LocalStack
from tests.conftest import SignIn, table_items

PLACEHOLDER_ORG = "00D000000000000EAA"  # a well-formed org id that is no real org


def _paths(sign_in: SignIn) -> list[str]:
    """The paths of the requests the emulator served, in order."""
    return [str(r[1]) for r in sign_in.salesforce.emu.request_log]


def _allow(monkeypatch: pytest.MonkeyPatch, value: str, stage: str = "test") -> None:
    monkeypatch.setenv("ALLOWED_SALESFORCE_ORGS", value)
    monkeypatch.setenv("STRATUS_STAGE", stage)
    deps.reset()
    get_settings()  # read now: the test client's stage environment must not decide the stage


def test_another_orgs_sign_in_is_refused_revoked_and_leaves_nothing(
    sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a deployment that serves one org, which is not the emulator's
    _allow(monkeypatch, PLACEHOLDER_ORG, stage="prod")
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    served_before = len(sign_in.salesforce.emu.request_log)
    # When alice of the emulator's org comes back from Salesforce
    response = sign_in.callback(params)
    # Then she is refused, with no session
    assert response.status_code == 403, response.body
    assert json.loads(response.body)["error"]["code"] == "org_not_allowed"
    assert SignIn.cookie(response, SESSION_COOKIE) is None
    # ... refused as soon as the token response named her org: no userinfo, no Composite call
    after_exchange = _paths(sign_in)[served_before:]
    assert after_exchange == ["/services/oauth2/token", "/services/oauth2/revoke"]
    # ... nothing is stored (the state was spent, nothing else written)
    assert table_items(stack.table_name) == []
    # ... and the grant is revoked at Salesforce
    alice = sign_in.salesforce.emu.user_by_username("alice@acme.demo")
    assert alice is not None
    (refresh_token,) = sign_in.salesforce.emu.issued_refresh_tokens(str(alice["Id"]))
    assert sign_in.salesforce.redeem_refresh_token(refresh_token).status_code == 400


@pytest.mark.parametrize("form", ["15", "18", "lower-case 18"])
def test_the_allowed_org_signs_in_whichever_form_of_its_id_is_configured(
    sign_in: SignIn, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    org_id = sign_in.salesforce.emu.org.org_id
    configured = {"15": org_id[:15], "18": org_id, "lower-case 18": org_id.lower()}[form]
    _allow(monkeypatch, f"{PLACEHOLDER_ORG},{configured}", stage="prod")
    token = sign_in("alice@acme.demo")
    me = sign_in.client.http.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert json.loads(me.body)["org"]["id"] == org_id


def test_a_deployed_stage_without_the_list_refuses_to_start_a_sign_in(
    client: Any, sf_env: Any, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a prod stage whose ALLOWED_SALESFORCE_ORGS is empty
    _allow(monkeypatch, "", stage="prod")
    # When a browser starts signing in
    response = client.http.get("/auth/salesforce/login")
    # Then it is a 503 naming the configuration, before anything is stored or sent anywhere
    assert response.status_code == 503, response.body
    assert json.loads(response.body)["error"]["code"] == "configuration_unavailable"
    assert "Location" not in response.headers
    assert table_items(stack.table_name) == []
    assert sf_env.emu.request_log == []


def test_unset_lets_any_org_sign_in_in_the_test_stage(
    sign_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    _allow(monkeypatch, "", stage="test")
    assert sign_in("alice@acme.demo")


def test_the_local_stack_allows_the_seeded_demo_org_only() -> None:
    stack = LocalStack(env={})
    try:
        stack._start_salesforce()
        assert stack.child_env["ALLOWED_SALESFORCE_ORGS"] == stack.emulator.org.org_id
    finally:
        stack.stop()
    mine = LocalStack(env={"ALLOWED_SALESFORCE_ORGS": PLACEHOLDER_ORG})
    try:
        mine._start_salesforce()
        assert "ALLOWED_SALESFORCE_ORGS" not in mine.child_env  # the user's own passes through
    finally:
        mine.stop()
