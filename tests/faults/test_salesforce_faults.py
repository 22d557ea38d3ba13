"""The routes that call Salesforce, with the emulator's fault knobs on (`/_emulator/faults`):
5xx, Salesforce's maintenance 503 with Retry-After, REQUEST_LIMIT_EXCEEDED, a stall past our
read timeout (1 s in the fault stack); a token refresh during a KMS outage.

What the user gets is a JSON error that says Salesforce is the trouble (502
`salesforce_unavailable`, 503 `salesforce_limit_exceeded`), within the time API Gateway
allows, never a 500; the connection is never marked revoked for it; nothing is half-written;
and the same request succeeds once Salesforce answers again.
"""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest
import requests

from tests.faults import invariants
from tests.faults.drill import Drill, state_hash, unique_address
from tests.faults.routes import Shared
from tests.faults.test_aws_outages import assert_unavailable

pytestmark = pytest.mark.faults

WORST_CASE_SECONDS = 2 * (3.05 + 1.0) + 1.0  # client.worst_case_seconds(1.0): two attempts


def lookup(drill: Drill, token: str, address: str) -> requests.Response:
    return drill.call("GET", f"/lookup?email={quote(address)}", token)  # type: ignore[no-any-return]


def assert_connection_active(drill: Drill, token: str) -> None:
    me = drill.call("GET", "/me", token)
    assert me.status_code == 200, me.text
    assert me.json()["connections"]["salesforce"]["status"] == "active", me.text


def assert_salesforce_error(reply: requests.Response, status: int, code: str) -> None:
    assert reply.status_code == status, (reply.status_code, reply.text[:300])
    assert reply.json()["error"]["code"] == code, reply.text


@pytest.mark.parametrize("kind", ["server_error", "unavailable", "subrequest_error"])
def test_lookup_when_salesforce_fails_is_502_and_recovers(
    drill: Drill, shared: Shared, kind: str
) -> None:
    address, baseline = unique_address(), drill.problems()
    with drill.salesforce_fault(kind, count=2):  # the request and its one retry
        reply = lookup(drill, shared.admin, address)
    assert_salesforce_error(reply, 502, "salesforce_unavailable")
    assert_connection_active(drill, shared.admin)
    drill.assert_nothing_half_written(baseline)
    assert lookup(drill, shared.admin, address).status_code == 200


def test_salesforce_retry_after_is_passed_on(drill: Drill, shared: Shared) -> None:
    """Salesforce's maintenance 503 says when to come back: so do we (and we do not retry
    sooner than it asked)."""
    with drill.salesforce_fault("unavailable", count=2, retry_after=30):
        reply = lookup(drill, shared.admin, unique_address())
        pending = drill.http.get(f"{drill.emulator}/_emulator/stats", timeout=5).json()
    assert_salesforce_error(reply, 502, "salesforce_unavailable")
    assert reply.headers.get("Retry-After") == "30", dict(reply.headers)
    assert pending["pending_faults"] == ["unavailable"], "retried despite Retry-After: 30"


def test_lookup_when_the_org_limit_is_exceeded_is_503_with_retry_after(
    drill: Drill, shared: Shared
) -> None:
    address = unique_address()
    with drill.salesforce_fault("limit_exceeded"):
        reply = lookup(drill, shared.admin, address)
    assert_salesforce_error(reply, 503, "salesforce_limit_exceeded")
    retry_after = reply.headers.get("Retry-After", "")
    assert retry_after.isdigit() and int(retry_after) > 0, dict(reply.headers)
    assert_connection_active(drill, shared.admin)
    assert lookup(drill, shared.admin, address).status_code == 200


def test_lookup_when_salesforce_stalls_answers_502_in_time(drill: Drill, shared: Shared) -> None:
    address = unique_address()
    with drill.salesforce_fault("timeout", count=2, delay=3):
        started = time.monotonic()
        reply = lookup(drill, shared.admin, address)
        took = time.monotonic() - started
    assert_salesforce_error(reply, 502, "salesforce_unavailable")
    assert took < WORST_CASE_SECONDS + 2, f"{took:.1f} s"
    assert_connection_active(drill, shared.admin)
    assert lookup(drill, shared.admin, address).status_code == 200


@pytest.mark.parametrize("kind", ["server_error", "limit_exceeded"])
def test_live_check_when_salesforce_fails(drill: Drill, shared: Shared, kind: str) -> None:
    with drill.salesforce_fault(kind, count=2):
        reply = drill.call("GET", "/me/salesforce", shared.admin)
    assert reply.status_code in {502, 503}, reply.text
    assert reply.json()["error"]["code"].startswith("salesforce_"), reply.text
    assert_connection_active(drill, shared.admin)
    assert drill.call("GET", "/me/salesforce", shared.admin).status_code == 200


def test_sign_in_when_salesforce_fails_stores_nothing(drill: Drill) -> None:
    """The org configuration read (one Composite call) fails after the code exchange: the
    grant is given up, nothing of the attempt is stored, the state is spent; signing in
    again works."""
    pending, baseline = drill.start_sign_in("alice@acme.demo"), drill.problems()
    pk = drill.user_pk("alice")
    before = {k for k in invariants.keys_of(drill.items()) if k[0] == pk}
    with drill.salesforce_fault("server_error", count=2):
        reply = drill.send(drill.callback_request(pending))
    assert_salesforce_error(reply, 502, "salesforce_unavailable")
    after = invariants.keys_of(drill.items())
    assert {k for k in after if k[0] == pk} == before
    assert (f"OAUTHSTATE#{state_hash(pending.state)}", "STATE") not in after
    drill.assert_nothing_half_written(baseline)
    assert drill.sign_in("alice@acme.demo")


def test_token_refresh_during_a_kms_outage_is_503_and_keeps_the_connection(
    drill: Drill, shared: Shared
) -> None:
    """Salesforce says the access token expired; renewing it needs the sealed refresh token,
    and KMS is away: 503 encryption_unavailable, the connection stays active, the refresh
    lease is released, and the same lookup works once KMS is back."""
    token = drill.sign_in("maria@acme.demo")
    address, baseline = unique_address(), drill.problems()
    drill.emulator_post("expire-tokens")
    with drill.fault("kms"):
        reply = lookup(drill, token, address)
    assert_unavailable(reply, frozenset({"encryption_unavailable"}))
    assert_connection_active(drill, token)
    drill.assert_nothing_half_written(baseline)  # includes: no lease left held
    assert lookup(drill, token, address).status_code == 200
