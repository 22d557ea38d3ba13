"""DynamoDB failing in the middle of a multi-write operation: a sign-in whose session write
fails or whose reply is lost, and an account deletion cut off after its first batch.

Whatever was written before the failure must be undone or finishable: no connection without a
profile, no session of a user without an account, no account that can no longer be deleted.
"""

from __future__ import annotations

import pytest

from tests.faults import invariants
from tests.faults.drill import UNAVAILABLE_CODES, Drill, state_hash
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
