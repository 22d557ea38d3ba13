"""`Idempotency-Key` on `POST /tracking/messages` (chalicelib/idempotency.py, issue 11): a
replay answers the first answer byte for byte without preparing a second message, another body
is 422, one still in flight is 409, a failed first attempt leaves the key free, and the stored
record holds a reference only (never the HTML, the subject or the recipients)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.store import keys
from chalicelib.store.tracked_messages import TrackedMessage, TrackedMessages
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.service.test_tracking import KEY, Tracking, tracking_app

SUBJECT = "Subject-marker-7f3a Pricing for Initech"
RECIPIENTS = ["ann.marker@client.example", "bob.marker@client.example"]
HTML = (
    "<html><body><p>Body-marker-51c2: hello</p>"
    '<a href="https://example.com/pricing?plan=pro">pricing</a></body></html>'
)
BODY = {"subject": SUBJECT, "recipients": RECIPIENTS, "html": HTML}
KEY_1 = "3f1c9e4e-0d6a-4b1e-9d2b-7c1a2b3c4d5e"


@pytest.fixture
def tracking(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    return tracking_app(client, sign_in, stack, monkeypatch)


def _prepare(tracking: Tracking, session: str, body: dict[str, Any], key: str | None) -> Any:
    headers = tracking.auth(session)
    if key is not None:
        headers["Idempotency-Key"] = key
    return tracking.client.http.post(
        "/tracking/messages", body=json.dumps(body).encode(), headers=headers
    )


def _code(response: Any) -> str:
    return str(json.loads(response.body)["error"]["code"])


def _items_with(tracking: Tracking, sk_prefix: str) -> list[dict[str, Any]]:
    return [i for i in tracking.items() if i["sk"]["S"].startswith(sk_prefix)]


def _records(tracking: Tracking) -> list[dict[str, Any]]:
    return _items_with(tracking, "IDEMPOTENCY#tracking_messages#")


def test_a_replay_answers_the_first_answer_byte_for_byte_and_prepares_nothing_new(
    tracking: Tracking,
) -> None:
    # Given tracking on and a message prepared with a key
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    first = _prepare(tracking, alice, BODY, KEY_1)
    assert first.status_code == 201, first.body
    # When the same request is sent again with the same key, later, with names reordered
    tracking.clock.advance(3600)
    reordered = {"html": HTML, "recipients": RECIPIENTS, "subject": SUBJECT}
    again = _prepare(tracking, alice, reordered, KEY_1)
    # Then the answer is the first one, byte for byte (same id, same tokens)
    assert again.status_code == 201, again.body
    assert again.body == first.body
    # And one tracked message exists, and one record in alice's own partition
    messages = _items_with(tracking, "TMSG#")
    assert [m["sk"]["S"] for m in messages] == [f"TMSG#{json.loads(first.body)['id']}"]
    records = _records(tracking)
    assert len(records) == 1
    me = json.loads(tracking.client.http.get("/me", headers=tracking.auth(alice)).body)
    assert records[0]["pk"]["S"] == keys.user_pk(me["org"]["id"], me["user"]["id"])
    assert messages[0]["pk"]["S"] == records[0]["pk"]["S"]


def test_a_replay_from_another_session_of_the_same_user_is_identical(
    tracking: Tracking,
) -> None:
    """The mobile app's offline queue may replay after signing in again: the first session's
    tag (signed into every token) is kept with the reference, so the copies are the same."""
    tracking.settings(email=True, link=True)
    first = _prepare(tracking, tracking.sign_in("alice@acme.demo"), BODY, KEY_1)
    assert first.status_code == 201, first.body
    again = _prepare(tracking, tracking.sign_in("alice@acme.demo"), BODY, KEY_1)
    assert again.status_code == 201, again.body
    assert again.body == first.body


def test_a_replay_after_a_key_rotation_is_signed_with_the_first_key_while_it_is_configured(
    tracking: Tracking, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    first = _prepare(tracking, alice, BODY, KEY_1)
    assert first.status_code == 201, first.body
    # When a new key signs from now on (the old one still verifies)
    new_key = base64.b64encode(b"n" * 32).decode()
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", f"t2:{new_key},t1:{KEY}")
    deps.reset()  # a new container reads the keys (the test's clock stays)
    # Then the replay is still the first answer
    again = _prepare(tracking, alice, BODY, KEY_1)
    assert again.status_code == 201, again.body
    assert again.body == first.body
    # While a new message is signed with the new key (its tokens differ in their key id)
    fresh = _prepare(tracking, alice, BODY, "another-key")
    assert fresh.status_code == 201, fresh.body
    assert json.loads(fresh.body)["id"] != json.loads(first.body)["id"]


def test_the_same_key_with_another_body_is_refused(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    assert _prepare(tracking, alice, BODY, KEY_1).status_code == 201
    changed = {**BODY, "recipients": RECIPIENTS[:1]}
    response = _prepare(tracking, alice, changed, KEY_1)
    assert response.status_code == 422, response.body
    assert _code(response) == "idempotency_key_reused"
    assert len(_items_with(tracking, "TMSG#")) == 1


def test_the_same_key_from_another_user_is_another_request(tracking: Tracking) -> None:
    """Keys are per user: bob's key that happens to equal alice's prepares bob's own message."""
    tracking.settings(email=True, link=True)
    alice = _prepare(tracking, tracking.sign_in("alice@acme.demo"), BODY, KEY_1)
    bob = _prepare(tracking, tracking.sign_in("bob@acme.demo"), BODY, KEY_1)
    assert alice.status_code == bob.status_code == 201
    assert json.loads(alice.body)["id"] != json.loads(bob.body)["id"]
    assert len(_items_with(tracking, "TMSG#")) == 2


def test_a_request_still_in_flight_answers_409(
    tracking: Tracking, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a first request that, while it stores its message, sees the same request arrive
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    nested: list[Any] = []
    create = TrackedMessages.create

    def create_while_replayed(self: TrackedMessages, message: TrackedMessage) -> None:
        if not nested:
            nested.append(_prepare(tracking, alice, BODY, KEY_1))
        create(self, message)

    monkeypatch.setattr(TrackedMessages, "create", create_while_replayed)
    # When the first completes
    first = _prepare(tracking, alice, BODY, KEY_1)
    # Then the one that arrived meanwhile was told to retry, and the first answered normally
    assert first.status_code == 201, first.body
    assert nested[0].status_code == 409, nested[0].body
    assert _code(nested[0]) == "request_in_progress"
    assert nested[0].headers["Retry-After"] == "1"
    assert len(_items_with(tracking, "TMSG#")) == 1
    # And a retry after it finished gets the first answer
    assert _prepare(tracking, alice, BODY, KEY_1).body == first.body


def test_a_failed_first_attempt_leaves_the_key_free(tracking: Tracking) -> None:
    # Given tracking off: the first attempt fails
    alice = tracking.sign_in("alice@acme.demo")
    refused = _prepare(tracking, alice, BODY, KEY_1)
    assert refused.status_code == 403 and _code(refused) == "tracking_disabled"
    assert _records(tracking) == []
    # When tracking is switched on and the same request is sent with the same key
    tracking.settings(email=True, link=True)
    response = _prepare(tracking, alice, BODY, KEY_1)
    # Then it runs (no replay of the failure)
    assert response.status_code == 201, response.body
    assert len(_items_with(tracking, "TMSG#")) == 1


def test_the_stored_record_names_nobody(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    answer = json.loads(_prepare(tracking, alice, BODY, KEY_1).body)
    [record] = _records(tracking)
    text = json.dumps(record)
    for secret in (
        SUBJECT,
        "Subject-marker",
        "Body-marker",
        "example.com/pricing",
        *RECIPIENTS,
        "marker@client",
        KEY_1,  # the key itself is hashed with the route, never stored as sent
        answer["recipients"][0]["html"][:40],
    ):
        assert secret not in text, secret
    # the TTL attribute is the table's one, about 24 hours ahead
    assert "expires_at" in record


def test_a_malformed_key_is_refused(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    response = _prepare(tracking, alice, BODY, "has spaces in it")
    assert response.status_code == 400, response.body
    assert _items_with(tracking, "TMSG#") == []


def test_without_a_key_each_request_prepares_its_own_message(tracking: Tracking) -> None:
    tracking.settings(email=True, link=True)
    alice = tracking.sign_in("alice@acme.demo")
    first = _prepare(tracking, alice, BODY, None)
    second = _prepare(tracking, alice, BODY, None)
    assert json.loads(first.body)["id"] != json.loads(second.body)["id"]
    assert len(_items_with(tracking, "TMSG#")) == 2
    assert _records(tracking) == []
