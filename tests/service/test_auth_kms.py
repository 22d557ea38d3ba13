"""Anonymous logins do not reach KMS per request; the sealed PKCE verifier is bound to its state."""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from chalicelib import deps
from chalicelib.store import keys
from devstack.awscalls import AwsCallCounter
from tests.conftest import SignIn


def _state_of(authorize_url: str) -> str:
    return parse_qs(urlsplit(authorize_url).query)["state"][0]


def _state_key(state: str) -> keys.Key:
    return keys.oauth_state_key(hashlib.sha256(state.encode()).hexdigest())


def test_five_logins_make_at_most_one_kms_request(
    sign_in: SignIn, aws_calls: AwsCallCounter
) -> None:
    # Given a fresh container whose KMS client is counted
    aws_calls.attach(deps.kms_client())
    # When five anonymous browsers start signing in
    for _ in range(5):
        sign_in.authorize_url()
    # Then one data key serves them all
    assert aws_calls.count("kms.GenerateDataKey") <= 1
    assert aws_calls.count("kms.") <= 1, aws_calls.calls


def test_finishing_a_sign_in_opens_the_verifier_without_another_kms_request(
    sign_in: SignIn, aws_calls: AwsCallCounter
) -> None:
    aws_calls.attach(deps.kms_client())
    sign_in.authorize_url()
    sign_in("alice@acme.demo")
    # the verifiers (one data key) and the connection's tokens (another context): two keys
    assert aws_calls.count("kms.GenerateDataKey") == 2, aws_calls.calls
    assert aws_calls.count("kms.Decrypt") == 0, aws_calls.calls


def test_a_verifier_moved_to_another_state_does_not_open(sign_in: SignIn) -> None:
    # Given two sign-ins started, and A's sealed verifier copied onto B's state item
    first = sign_in.authorize_url()
    second = sign_in.authorize_url()
    store = deps.store()
    a_item = store.get(_state_key(_state_of(first)))
    b_item = store.get(_state_key(_state_of(second)))
    assert a_item is not None and b_item is not None
    store.put({**b_item, "verifier": a_item["verifier"]})
    # When B's browser comes back from Salesforce
    response = sign_in.callback(sign_in.consent(second, "alice@acme.demo"))
    # Then the verifier does not open for B's state, and no code is exchanged with it
    assert response.status_code == 400
    assert json.loads(response.body)["error"]["code"] == "invalid_state"
    token_requests = [
        r for r in sign_in.salesforce.emu.request_log if r[1] == "/services/oauth2/token"
    ]
    assert token_requests == []
    assert SignIn.cookie(response, "__Host-stratus_session") is None


def test_a_tampered_verifier_is_invalid_state_not_a_server_error(sign_in: SignIn) -> None:
    location = sign_in.authorize_url()
    store = deps.store()
    item: dict[str, Any] | None = store.get(_state_key(_state_of(location)))
    assert item is not None
    blob = bytearray(bytes(item["verifier"]))
    blob[-1] ^= 1
    store.put({**item, "verifier": bytes(blob)})
    response = sign_in.callback(sign_in.consent(location, "alice@acme.demo"))
    assert response.status_code == 400
    assert json.loads(response.body)["error"]["code"] == "invalid_state"
