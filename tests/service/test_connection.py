"""The connection vault and Salesforce client: refresh under a lease, rotation, revocation,
account deletion. The app is served over real HTTP (Chalice's local server, threaded, as
`chalice local` runs it) so that concurrent requests are really concurrent."""

from __future__ import annotations

import base64
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
import pytest
import requests
from chalice.test import Client

from chalicelib import deps
from chalicelib.connections.vault import refresh_lease
from chalicelib.sessions import token_hash
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn, table_items
from tests.fakes import FakeClock


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _error_code(response: object) -> str:
    return str(json.loads(response.body)["error"]["code"])  # type: ignore[attr-defined]


def test_me_salesforce_makes_one_api_call_with_the_users_token(
    sign_in: SignIn, client: Client
) -> None:
    token = sign_in("alice@acme.demo")
    emu = sign_in.salesforce.emu
    emu.reset_counters()
    response = client.http.get("/me/salesforce", headers=_bearer(token))
    assert response.status_code == 200, response.body
    body = json.loads(response.body)
    alice = emu.user_by_username("alice@acme.demo")
    assert alice is not None
    assert body["user_id"] == alice["Id"]
    assert body["name"] == "Alice Anders"
    assert body["api_usage"]["limit"] == 15000
    assert emu.api_calls == 1
    assert emu.api_calls_by_user == {alice["Id"]: 1}


def test_sign_in_reads_the_org_configuration_in_one_api_call(sign_in: SignIn) -> None:
    sign_in.salesforce.emu.reset_counters()
    sign_in("maria@acme.demo")
    assert sign_in.salesforce.emu.api_calls == 1  # one Composite with three queries


def test_twenty_concurrent_requests_with_an_expired_token_refresh_exactly_once(
    sign_in: SignIn, served: str
) -> None:
    # Given a signed-in user whose access token has expired, with refresh-token rotation on
    token = sign_in("alice@acme.demo")
    emu = sign_in.salesforce.emu
    assert emu.rotate_refresh_tokens is True
    emu.expire_access_tokens()
    emu.reset_counters()
    barrier = threading.Barrier(20)

    def call() -> requests.Response:
        barrier.wait()
        return requests.get(f"{served}/me/salesforce", headers=_bearer(token), timeout=30)

    # When 20 requests arrive at once
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda _: call(), range(20)))
    # Then every one succeeds, and Salesforce saw exactly one refresh
    assert [r.status_code for r in responses] == [200] * 20, [r.text for r in responses]
    assert emu.token_refreshes == 1
    # and the connection is still good afterwards (the rotated refresh token was kept)
    emu.expire_access_tokens()
    again = requests.get(f"{served}/me/salesforce", headers=_bearer(token), timeout=30)
    assert again.status_code == 200
    assert emu.token_refreshes == 2


def test_a_container_with_an_old_token_renews_it_even_when_another_renewed_long_ago(
    sign_in: SignIn, client: Client
) -> None:
    """Container B cached T1; container A renewed to T2; hours later T2 expired too. B's call
    with T1 must renew (not hand back the expired T2 and end in a false "sign in again")."""
    from chalicelib import deps
    from chalicelib.connections.vault import ConnectionVault
    from chalicelib.hooks import Hooks
    from chalicelib.metrics import MetricsBuffer

    # Given alice signed in, and another container (B) holding her first access token T1
    token = sign_in("alice@acme.demo")
    me = json.loads(client.http.get("/me", headers=_bearer(token)).body)
    org_id, user_id = me["org"]["id"], me["user"]["id"]
    emu = sign_in.salesforce.emu
    later = FakeClock(time.time())
    providers = {"salesforce": deps.salesforce()}
    forgotten = Hooks().connection_forgotten
    other = ConnectionVault(
        deps.store(), deps.envelope(), later, providers, forgotten, MetricsBuffer()
    )
    other.current_access_token("salesforce", org_id, user_id)  # B caches T1
    # and this container (A) renewing to T2 when T1 expires
    emu.expire_access_tokens()
    assert client.http.get("/me/salesforce", headers=_bearer(token)).status_code == 200
    assert emu.token_refreshes == 1
    # When, hours later, T2 has expired too and B calls Salesforce with T1
    later.advance(3 * 3600)
    emu.expire_access_tokens()
    result = other.client("salesforce", org_id, user_id).query("SELECT Id FROM User LIMIT 1")
    # Then B renewed (once) and its call succeeded
    assert result["records"]
    assert emu.token_refreshes == 2


def test_a_refresh_without_rotation_keeps_the_old_refresh_token(
    sign_in: SignIn, client: Client
) -> None:
    token = sign_in("bob@acme.demo")
    emu = sign_in.salesforce.emu
    emu.rotate_refresh_tokens = False
    for _ in range(2):
        emu.expire_access_tokens()
        assert client.http.get("/me/salesforce", headers=_bearer(token)).status_code == 200
    assert emu.token_refreshes == 2


def test_revocation_is_shown_in_me_and_api_routes_answer_reauth(
    sign_in: SignIn, client: Client
) -> None:
    # Given a user whose tokens an admin revoked in Salesforce
    token = sign_in("alice@acme.demo")
    emu = sign_in.salesforce.emu
    alice = emu.user_by_username("alice@acme.demo")
    assert alice is not None
    emu.revoke_user_tokens(alice["Id"])
    emu.reset_counters()
    # When an API route needs Salesforce
    first = client.http.get("/me/salesforce", headers=_bearer(token))
    # Then it answers 401 salesforce_reauth_required (after one failed refresh) ...
    assert first.status_code == 401
    assert _error_code(first) == "salesforce_reauth_required"
    refreshes_after_first = emu.token_refreshes
    # ... /me shows the connection revoked, while the session itself still works
    me = json.loads(client.http.get("/me", headers=_bearer(token)).body)
    assert me["connections"]["salesforce"]["status"] == "revoked"
    # ... and later calls do not hammer Salesforce with refreshes
    second = client.http.get("/me/salesforce", headers=_bearer(token))
    assert _error_code(second) == "salesforce_reauth_required"
    assert emu.token_refreshes == refreshes_after_first
    assert emu.api_calls <= 1
    # When the user signs in again, the connection is active again
    sign_in("alice@acme.demo")
    me = json.loads(client.http.get("/me", headers=_bearer(token)).body)
    assert me["connections"]["salesforce"]["status"] == "active"


def _scan_text(stack: ProvisionedStack) -> str:
    items = table_items(stack.table_name)
    return json.dumps(items, default=lambda b: base64.b64encode(b).decode())


def test_account_deletion_revokes_and_leaves_nothing_of_the_user(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    # Given alice signed in on two devices, and bob signed in too
    emu = sign_in.salesforce.emu
    token = sign_in("alice@acme.demo")
    sign_in("alice@acme.demo")
    bob_token = sign_in("bob@acme.demo")
    alice = emu.user_by_username("alice@acme.demo")
    assert alice is not None
    refresh_tokens = emu.issued_refresh_tokens(alice["Id"])
    # and a refresh lease left behind by a container that died mid-refresh
    org_id = json.loads(client.http.get("/me", headers=_bearer(token)).body)["org"]["id"]
    deps.store().acquire_lease(refresh_lease("salesforce", org_id, alice["Id"]), 20)
    # When alice deletes her account
    response = client.http.delete("/me", headers=_bearer(token))
    # Then it answers how much was deleted, revoked at Salesforce, and cleared the cookie
    assert response.status_code == 200, response.body
    body = json.loads(response.body)
    # profile, connection, 2 sessions and the 2 references to them in her partition
    assert body == {"deleted": 6, "salesforce_revoked": True}
    assert "Max-Age=0" in response.headers["Set-Cookie"]
    # ... the old session is 401, nothing of hers is left, and bob is untouched
    assert client.http.get("/me", headers=_bearer(token)).status_code == 401
    assert alice["Id"] not in _scan_text(stack)
    assert client.http.get("/me", headers=_bearer(bob_token)).status_code == 200
    # ... and her refresh token no longer works at Salesforce
    reply = sign_in.salesforce.redeem_refresh_token(refresh_tokens[-1])
    assert reply.status_code == 400 and reply.json()["error"] == "invalid_grant"


def test_deletion_finds_a_session_whose_index_entry_has_not_arrived_yet(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    """gsi1 is eventually consistent: a session created a moment before deletion may not be
    in it yet. Its reference in the user's partition (read consistently) still finds it."""
    # Given alice with a second session that the index does not show yet
    token = sign_in("alice@acme.demo")
    other = sign_in("alice@acme.demo")
    pk, sk = keys.session_key(token_hash(other))
    table = boto3.client("dynamodb")
    table.update_item(
        TableName=stack.table_name,
        Key={"pk": {"S": pk}, "sk": {"S": sk}},
        UpdateExpression="REMOVE gsi1pk, gsi1sk",  # as if its index entry were still on its way
    )
    # When she deletes her account
    response = client.http.delete("/me", headers=_bearer(token))
    assert response.status_code == 200, response.body
    # Then that session is gone too: it no longer signs anyone in
    assert client.http.get("/me", headers=_bearer(other)).status_code == 401
    assert (
        table.get_item(TableName=stack.table_name, Key={"pk": {"S": pk}, "sk": {"S": sk}}).get(
            "Item"
        )
        is None
    )


def test_logout_removes_the_session_and_its_reference(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    token = sign_in("alice@acme.demo")
    before = _scan_text(stack)
    assert before.count("SESSIONREF#") == 1
    assert client.http.post("/auth/logout", headers=_bearer(token)).status_code == 204
    after = _scan_text(stack)
    assert "SESSIONREF#" not in after and token_hash(token) not in after


def test_a_kms_key_out_of_reach_is_a_503_and_revokes_nothing(
    sign_in: SignIn, client: Client
) -> None:
    """AccessDenied from KMS (a policy change, a disabled key) says nothing about the stored
    tokens: the connection must stay active, not be marked revoked for every user."""
    from botocore.exceptions import ClientError

    token = sign_in("alice@acme.demo")
    deps.reset()  # a fresh container: no data key cached

    def deny(**_: object) -> None:
        error = {"Error": {"Code": "AccessDeniedException", "Message": "not allowed"}}
        raise ClientError(error, "Decrypt")  # type: ignore[arg-type]

    deps.kms_client().meta.events.register("before-call.kms.Decrypt", deny)
    response = client.http.get("/me/salesforce", headers=_bearer(token))
    assert response.status_code == 503, response.body
    assert json.loads(response.body)["error"]["code"] == "encryption_unavailable"
    deps.kms_client().meta.events.unregister("before-call.kms.Decrypt", deny)
    # once the key is reachable again, the same connection works: nothing was revoked
    assert client.http.get("/me/salesforce", headers=_bearer(token)).status_code == 200
    me = json.loads(client.http.get("/me", headers=_bearer(token)).body)
    assert me["connections"]["salesforce"]["status"] == "active"


def test_account_deletion_succeeds_when_salesforce_is_unreachable(
    sign_in: SignIn,
    client: Client,
    stack: ProvisionedStack,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    token = sign_in("alice@acme.demo")
    emu = sign_in.salesforce.emu
    alice = emu.user_by_username("alice@acme.demo")
    assert alice is not None
    refresh_token = emu.issued_refresh_tokens(alice["Id"])[-1]
    # Salesforce goes away: the login host now points at a closed port
    store = deps.store()
    org_id = json.loads(client.http.get("/me", headers=_bearer(token)).body)["org"]["id"]
    from chalicelib.store import keys

    key = keys.connection_key(org_id, alice["Id"], "salesforce")
    item = store.get(key)
    assert item is not None
    store.put({**item, "login_base": "http://127.0.0.1:9"})
    response = client.http.delete("/me", headers=_bearer(token))
    assert response.status_code == 200
    assert json.loads(response.body)["salesforce_revoked"] is False
    assert alice["Id"] not in _scan_text(stack)
    assert refresh_token not in caplog.text
    assert any("revoke failed" in r.getMessage() for r in caplog.records)


def test_no_token_or_code_reaches_the_logs(
    sign_in: SignIn,
    client: Client,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Given the most verbose logging, and a full life: sign-in, a refresh, a revoked
    # connection, deletion
    from chalicelib.logs import get_logger

    get_logger().setLevel("DEBUG")
    emu = sign_in.salesforce.emu
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    response = sign_in.callback(params)
    session = sign_in.cookie(response, "__Host-stratus_session")
    assert session
    emu.expire_access_tokens()
    client.http.get("/me/salesforce", headers=_bearer(session))
    alice = emu.user_by_username("alice@acme.demo")
    assert alice is not None
    emu.revoke_user_tokens(alice["Id"])
    emu.expire_access_tokens()
    client.http.get("/me/salesforce", headers=_bearer(session))
    client.http.delete("/me", headers=_bearer(session))
    # Then none of the secrets appears in anything logged
    logged = capsys.readouterr().out + caplog.text
    secrets = [session, params["code"], params["state"]]
    secrets += emu.issued_refresh_tokens(alice["Id"]) + emu.issued_access_tokens(alice["Id"])
    assert "signed in" in logged  # the logs were captured
    for secret in secrets:
        assert secret not in logged


def test_account_deletion_tells_every_feature_once_through_the_hook(
    sign_in: SignIn, client: Client
) -> None:
    from chalicelib.hooks import AccountDeleted

    # Given alice signed in, and a feature listening for deleted accounts
    token = sign_in("alice@acme.demo")
    me = json.loads(client.http.get("/me", headers=_bearer(token)).body)
    heard: list[AccountDeleted] = []
    deps.hooks().account_deleted.subscribe(heard.append)
    # When she deletes her account
    assert client.http.delete("/me", headers=_bearer(token)).status_code == 200
    # Then the feature heard it once, for her
    assert heard == [AccountDeleted(me["org"]["id"], me["user"]["id"])]


def test_a_deletion_an_outage_cut_short_is_finished_by_the_same_request_again(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    from chalicelib.errors import StorageUnavailable

    # Given alice signed in, and a feature whose clean-up fails once (an outage)
    token = sign_in("alice@acme.demo")
    alice = sign_in.salesforce.emu.user_by_username("alice@acme.demo")
    assert alice is not None
    failures = [StorageUnavailable()]

    def flaky(event: object) -> None:
        if failures:
            raise failures.pop()

    deps.hooks().account_deleted.subscribe(flaky)
    # When she deletes her account: 503, and nothing of hers is deleted yet
    first = client.http.delete("/me", headers=_bearer(token))
    assert first.status_code == 503, first.body
    assert client.http.get("/me", headers=_bearer(token)).status_code == 200
    # Then the same request, sent again, finishes the job
    again = client.http.delete("/me", headers=_bearer(token))
    assert again.status_code == 200, again.body
    assert alice["Id"] not in _scan_text(stack)
