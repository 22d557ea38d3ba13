"""DynamoDB failing in the middle of a multi-write operation: a sign-in whose session write
fails or whose reply is lost, an account deletion cut off after its first batch, and a Lead or
Contact saved in Salesforce just before DynamoDB fails.

Whatever was written before the failure must be undone or finishable: no connection without a
profile, no session of a user without an account, no account that can no longer be deleted.
"""

from __future__ import annotations

import json
import time
from urllib.parse import quote

import pytest
import requests

from tests.faults import invariants
from tests.faults.drill import UNAVAILABLE_CODES, Drill, Planned, state_hash
from tests.faults.routes import ROUTES_BY_ID, Shared, prepare_message
from tests.faults.test_aws_outages import assert_unavailable

pytestmark = pytest.mark.faults

SESSION_WRITE = ["TransactWriteItems"]  # the session and its reference, one transaction


def _user_keys(drill: Drill, alias: str) -> set[tuple[str, str]]:
    pk = drill.user_pk(alias)
    return {(str(i["pk"]), str(i["sk"])) for i in drill.items() if pk in (i["pk"], i.get("gsi1pk"))}


def test_sign_in_whose_session_write_fails_leaves_nothing(drill: Drill) -> None:
    """Connection and profile are written, then the session cannot be: 503, and the two are
    deleted again (the grant revoked at Salesforce)."""
    pending, baseline = drill.start_sign_in("bob@acme.demo"), drill.problems()
    drill.call("DELETE", "/me", drill.sign_in("bob@acme.demo"))  # bob starts with no account
    with drill.fault(service="dynamodb", kind="error", operations=SESSION_WRITE):
        reply = drill.send(drill.callback_request(pending))
    assert_unavailable(reply, UNAVAILABLE_CODES)
    assert _user_keys(drill, "bob") == set()
    assert ("OAUTHSTATE#" + state_hash(pending.state), "STATE") not in invariants.keys_of(
        drill.items()
    )
    drill.assert_nothing_half_written(baseline)
    assert drill.sign_in("bob@acme.demo")


@pytest.mark.parametrize(
    ("what", "operation"),
    [
        ("sign-in: the session", "TransactWriteItems"),
        ("login: the OAuth state", "PutItem"),
        ("tracking: the prepared message", "PutItem"),
    ],
)
def test_a_lost_reply_to_a_conditional_write_is_not_a_crash(
    drill: Drill, shared: Shared, what: str, operation: str
) -> None:
    """The write is applied but its reply never arrives (the connection drops), so the SDK
    sends it again and the retry's condition fails on the item the first attempt wrote. The
    request succeeds (the item is ours) or answers 503 - never a 500, never an orphan."""
    if what.startswith("sign-in"):
        planned = drill.callback_request(drill.start_sign_in("bob@acme.demo"))
    elif what.startswith("login"):
        planned = ROUTES_BY_ID["GET /auth/salesforce/login"].plan(drill, shared)
    else:
        planned = ROUTES_BY_ID["POST /tracking/messages"].plan(drill, shared)
    baseline = drill.problems()
    with drill.fault(service="dynamodb", kind="disconnect_after", operations=[operation], count=1):
        reply = drill.send(planned)
    drill.assert_nothing_half_written(baseline)
    assert reply.status_code in {201, 302, 503}, (what, reply.status_code, reply.text)


def test_account_deletion_cut_off_midway_can_be_finished(drill: Drill) -> None:
    """Deletion writes in batches of 25; the second batch fails. The user gets a 503, and the
    same DELETE /me, sent again, finishes the job: nothing of the user is left."""
    token, baseline = drill.sign_in("alice@acme.demo"), drill.problems()
    for _ in range(30):  # more items than one batch
        prepare_message(drill, token)
    with drill.fault(service="dynamodb", kind="error", operations=["BatchWriteItem"], skip=1):
        reply = drill.call("DELETE", "/me", token)
    assert_unavailable(reply, UNAVAILABLE_CODES)
    again = drill.call("DELETE", "/me", token)
    assert again.status_code == 200, again.text
    assert _user_keys(drill, "alice") == set()
    drill.assert_nothing_half_written(baseline)


def _replay_until_not_in_progress(drill: Drill, planned: Planned) -> requests.Response:
    """Replays as a client does: after a 409 `request_in_progress`, again after its Retry-After
    (each one checked), for at most the API's 30 s timeout and a margin."""
    deadline = time.monotonic() + 45
    while True:
        reply = drill.send(planned)
        if reply.status_code != 409 or time.monotonic() > deadline:
            return reply
        assert reply.json()["error"]["code"] == "request_in_progress", reply.text
        wait = int(reply.headers["Retry-After"])
        assert 1 <= wait <= 30, wait
        time.sleep(min(wait, 5))


@pytest.mark.parametrize("route_id", ["POST /records/leads", "POST /records/contacts"])
def test_a_record_saved_before_dynamodb_fails_is_not_created_again(
    drill: Drill, shared: Shared, route_id: str
) -> None:
    """Salesforce saves the record, then every DynamoDB update fails (the lookup's note of the
    new address, the idempotency record's completion): 503, and no idempotency record says
    what was created. The request's in-progress record stays until the Lambda time it was
    given has passed (30 s, the API's timeout, as deployed): until then a replay answers 409
    `request_in_progress` with Retry-After. The same request under the same Idempotency-Key,
    once DynamoDB is back and that time has passed, finds the attempt's marker and answers the
    saved record (records/attempts.py), and a further replay answers it from the idempotency
    record: one record in Salesforce."""
    planned = ROUTES_BY_ID[route_id].plan(drill, shared)
    baseline, creates = drill.problems(), drill.salesforce_creates()
    with drill.fault(service="dynamodb", kind="error", operations=["UpdateItem"]):
        reply = drill.send(planned)
    assert_unavailable(reply, UNAVAILABLE_CODES)
    assert drill.salesforce_creates() == creates + 1, "the fault came before the insert"
    drill.assert_nothing_half_written(baseline)

    again = _replay_until_not_in_progress(drill, planned)
    assert again.status_code == 201, again.text
    assert drill.salesforce_creates() == creates + 1, "the replay created a second record"
    assert drill.send(planned).json() == again.json()
    assert drill.salesforce_creates() == creates + 1
    # the one record of that address is the one answered (a lookup reads with a Composite)
    address = json.loads(planned.body or b"{}")["email"]
    found = drill.call("GET", f"/lookup?email={quote(address)}", shared.admin)
    (result,) = found.json()["results"]
    assert [m["id"] for m in result["matches"]] == [again.json()["record"]["id"]]
