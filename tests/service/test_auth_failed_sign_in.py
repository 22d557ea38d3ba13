"""A sign-in that fails after Salesforce granted tokens revokes them and stores nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from botocore.exceptions import ClientError

from chalicelib import deps
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn, table_items


def _error_code(response: Any) -> str:
    return str(json.loads(response.body)["error"]["code"])


def _table_text(stack: ProvisionedStack) -> str:
    return json.dumps(table_items(stack.table_name), default=str)


def _revocations(sign_in: SignIn) -> list[int]:
    """Statuses of the revoke requests the emulator served."""
    return [r[3] for r in sign_in.salesforce.emu.request_log if r[1] == "/services/oauth2/revoke"]


def _alice(sign_in: SignIn) -> str:
    alice = sign_in.salesforce.emu.user_by_username("alice@acme.demo")
    assert alice is not None
    return str(alice["Id"])


def test_a_failed_org_configuration_read_revokes_and_leaves_nothing(
    sign_in: SignIn, stack: ProvisionedStack, caplog: pytest.LogCaptureFixture
) -> None:
    # Given Salesforce will refuse the Composite call that reads the org configuration
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    sign_in.salesforce.emu.inject_fault("limit_exceeded")
    # When the callback exchanges the code and reads the configuration
    response = sign_in.callback(params)
    # Then the user sees the error, with no session
    assert response.status_code == 503
    assert _error_code(response) == "salesforce_limit_exceeded"
    assert SignIn.cookie(response, "__Host-stratus_session") is None
    assert sign_in.salesforce.emu.pending_faults == []  # the Composite call met the fault
    # ... nothing of the user is stored: no connection, no profile, no session
    user_id = _alice(sign_in)
    table = _table_text(stack)
    assert user_id not in table
    assert "CONNECTION#" not in table and "PROFILE" not in table and '"SESSION"' not in table
    # ... and the grant was revoked at Salesforce: its refresh token no longer works
    assert _revocations(sign_in) == [200]
    (refresh_token,) = sign_in.salesforce.emu.issued_refresh_tokens(user_id)
    assert sign_in.salesforce.redeem_refresh_token(refresh_token).status_code == 400
    assert refresh_token not in caplog.text


def test_a_grant_without_a_refresh_token_is_refused_and_its_access_token_revoked(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    # Given an authorize request without the refresh_token scope (a misconfigured app)
    location = sign_in.authorize_url()
    query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    query["scope"] = "id api web"
    stripped = location.split("?")[0] + "?" + urlencode(query)
    # When the sign-in completes at Salesforce
    response = sign_in.callback(sign_in.consent(stripped, "alice@acme.demo"))
    # Then it fails clearly, stores nothing, and the access token received is revoked
    assert response.status_code == 502
    assert _error_code(response) == "salesforce_no_refresh_token"
    assert SignIn.cookie(response, "__Host-stratus_session") is None
    user_id = _alice(sign_in)
    assert sign_in.salesforce.emu.issued_refresh_tokens(user_id) == []
    assert user_id not in _table_text(stack)
    assert _revocations(sign_in) == [200]
    (access_token,) = sign_in.salesforce.emu.issued_access_tokens(user_id)
    userinfo = requests.get(
        f"{sign_in.salesforce.url}/services/oauth2/userinfo",
        headers={"Authorization": f"Bearer {access_token}"},
        timeout=10,
    )
    assert userinfo.status_code != 200


def _refusing_sessions(code: str) -> Callable[..., None]:
    def refuse(params: dict[str, Any], **_: Any) -> None:
        items = [params.get("Item", {})]
        items += [t.get("Put", {}).get("Item", {}) for t in params.get("TransactItems", [])]
        if any(str(i.get("pk", {}).get("S", "")).startswith("SESSION#") for i in items):
            error = {"Error": {"Code": code, "Message": "injected"}}
            raise ClientError(error, "TransactWriteItems")  # type: ignore[arg-type]

    return refuse


def _callback_refusing_sessions(
    sign_in: SignIn, params: dict[str, str], code: str = "InternalServerError"
) -> Any:
    """The callback while DynamoDB refuses to write sessions (the sign-in's last write)."""
    events = deps.dynamodb_client().meta.events
    writes = ("PutItem", "TransactWriteItems")
    refuse = _refusing_sessions(code)
    for name in writes:
        events.register(f"provide-client-params.dynamodb.{name}", refuse)
    try:
        return sign_in.callback(params)
    finally:
        for name in writes:
            events.unregister(f"provide-client-params.dynamodb.{name}", refuse)


@pytest.mark.parametrize(
    ("code", "status", "answer"),
    [
        ("InternalServerError", 503, "storage_unavailable"),  # an outage
        ("ValidationException", 500, "internal_error"),  # anything else
    ],
)
def test_a_store_failure_after_saving_deletes_what_was_saved_and_revokes(
    sign_in: SignIn, stack: ProvisionedStack, code: str, status: int, answer: str
) -> None:
    # Given DynamoDB refuses to write sessions (after the connection and profile are written)
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    response = _callback_refusing_sessions(sign_in, params, code)
    # Then the sign-in fails, nothing of the user stays and the grant is revoked
    assert response.status_code == status
    assert _error_code(response) == answer
    assert SignIn.cookie(response, "__Host-stratus_session") is None
    # the browser binding is cleared, but after an outage (a callback may be tried again)
    assert SignIn.cookie(response, "__Secure-stratus_oauth") == ("" if status == 500 else None)
    user_id = _alice(sign_in)
    assert user_id not in _table_text(stack)
    assert _revocations(sign_in) == [200]
    (refresh_token,) = sign_in.salesforce.emu.issued_refresh_tokens(user_id)
    assert sign_in.salesforce.redeem_refresh_token(refresh_token).status_code == 400


def test_a_failed_second_sign_in_keeps_the_earlier_profile(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    # Given alice signed in once, then her second sign-in fails at the Composite call
    first = sign_in("alice@acme.demo")
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    sign_in.salesforce.emu.inject_fault("limit_exceeded")
    assert sign_in.callback(params).status_code == 503
    # Then her first sign-in still works, on its own connection
    me = sign_in.client.http.get("/me", headers={"Authorization": f"Bearer {first}"})
    assert me.status_code == 200
    assert json.loads(me.body)["connections"]["salesforce"]["status"] == "active"
    assert _revocations(sign_in) == [200]


def test_a_second_sign_in_failing_after_renewing_the_connection_keeps_it(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    # Given alice signed in on one device
    first = sign_in("alice@acme.demo")
    # When her sign-in on another device fails at its last step (its session is not written)
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    assert _callback_refusing_sessions(sign_in, params).status_code == 503
    # Then the connection it had already renewed is kept, not revoked: her first device works
    check = sign_in.client.http.get("/me/salesforce", headers={"Authorization": f"Bearer {first}"})
    assert check.status_code == 200, check.body
    assert _revocations(sign_in) == []
