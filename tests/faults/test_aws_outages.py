"""Every route while AWS is out of reach: moto stopped (and restarted on its port, state kept),
the KMS-only endpoint taken away, DynamoDB throttling or stalling.

For each route of /openapi.json (tests/faults/routes.py): what the user gets (the healthy answer
when the route does not depend on what is down, else 503 with Retry-After and a code naming it;
the GIF or the redirect on the hot paths, always), that a 503 changed nothing in the table (but
spending a single-use OAuth state), that the table holds nothing half-written, and that the
same request succeeds once the fault is lifted, without restarting anything.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from tests.faults import invariants
from tests.faults.drill import GIF_PREFIX, UNAVAILABLE_CODES, Drill, Planned, state_hash
from tests.faults.routes import ROUTES, Route, Shared

pytestmark = pytest.mark.faults

MOTO_STOPPED = ("aws", "kms")  # the whole moto: DynamoDB and the KMS-only endpoint
DOWN_WHEN_MOTO_STOPPED = frozenset({"dynamodb", "kms"})


def test_every_route_of_the_openapi_document_is_drilled(drill: Drill) -> None:
    document = drill.http.get(f"{drill.api}/openapi.json", timeout=10).json()
    documented = {
        (method.upper(), path) for path, ops in document["paths"].items() for method in ops
    }
    drilled = {(route.method, route.path) for route in ROUTES}
    assert documented == drilled, {
        "not drilled": sorted(documented - drilled),
        "no longer documented": sorted(drilled - documented),
    }


# -- what an answer must be ---------------------------------------------------------------------
def assert_hot_path_answer(route: Route, planned: Planned, reply: requests.Response) -> None:
    assert reply.status_code == route.healthy, (route.id, reply.status_code, reply.text[:300])
    if route.hot == "click":
        assert reply.headers["Location"] == planned.expect_location
    elif planned.method == "GET":
        assert reply.headers["Content-Type"] == "image/gif"
        assert reply.content.startswith(GIF_PREFIX)


def assert_unavailable(reply: requests.Response, codes: frozenset[str]) -> None:
    """503, a JSON error naming what is unavailable, and when to come back."""
    assert reply.status_code == 503, (reply.status_code, reply.text[:300])
    assert reply.json()["error"]["code"] in codes, reply.text
    retry_after = reply.headers.get("Retry-After", "")
    assert retry_after.isdigit() and int(retry_after) > 0, dict(reply.headers)


def codes_for(down: frozenset[str]) -> frozenset[str]:
    """The error codes that name what is down (whichever the route reached first)."""
    codes = {"dynamodb": {"storage_unavailable", "busy"}, "kms": {"encryption_unavailable"}}
    return frozenset(code for service in down for code in codes[service])


def assert_answer(
    route: Route, planned: Planned, reply: requests.Response, down: frozenset[str]
) -> bool:
    """Check the answer under a fault; True when it was a 503 (the route depends on it)."""
    if route.hot:
        assert_hot_path_answer(route, planned, reply)
        return False
    if route.needs & down:
        assert_unavailable(reply, codes_for(down))
        return True
    assert reply.status_code == route.healthy, (route.id, reply.status_code, reply.text[:300])
    if route.results is not None:
        route.results(reply, down)
    return False


def assert_unchanged(before: set[tuple[str, str]], drill: Drill, planned: Planned) -> None:
    """A 503 wrote nothing and deleted nothing, except spending the OAuth state it took."""
    after = invariants.keys_of(drill.items())
    allowed_gone = (
        {(f"OAUTHSTATE#{state_hash(planned.state)}", "STATE")} if planned.state else set()
    )
    assert after - before == set(), sorted(after - before)
    assert before - after <= allowed_gone, sorted(before - after)


def assert_recovered(
    drill: Drill, shared: Shared, route: Route, planned: Planned
) -> requests.Response:
    """The same request succeeds once the fault is lifted (a spent single-use request is
    refused as spent, and a new one succeeds); its answer."""
    state_spent = planned.state is not None and not any(
        item["pk"] == f"OAUTHSTATE#{state_hash(planned.state)}" for item in drill.items()
    )
    again = drill.send(planned)
    if route.single_use and state_spent:
        assert again.status_code == 400, again.text
        assert again.json()["error"]["code"] == "invalid_state", again.text
        again = drill.send(route.plan(drill, shared))
    assert again.status_code == route.healthy, (route.id, again.status_code, again.text[:300])
    if planned.user is not None:  # the deletion finished: nothing of the user is left
        pk = drill.user_pk(planned.user)
        left = [i for i in drill.items() if pk in (i["pk"], i.get("gsi1pk"))]
        assert not left, left
    return again


def assert_same_successes(answered: dict[str, Any], replayed: dict[str, Any]) -> None:
    """A replay answers what succeeded the same (an action of a batch that failed may run
    now: it left no record)."""
    if "results" not in answered:
        assert replayed == answered
        return
    for first, again in zip(answered["results"], replayed["results"], strict=True):
        if first["status"] < 400:
            assert again == first, (first, again)


def assert_replay_creates_nothing(
    drill: Drill, route: Route, planned: Planned, answered: requests.Response
) -> None:
    """After the drill, the same request (the same Idempotency-Key or action keys) answers
    what it answered, and once it has all succeeded, sending it again creates nothing."""
    first = drill.send(planned)
    assert first.status_code == route.healthy, (route.id, first.status_code, first.text[:300])
    assert_same_successes(answered.json(), first.json())
    creates = drill.salesforce_creates()
    again = drill.send(planned)
    assert again.status_code == route.healthy, (route.id, again.status_code, again.text[:300])
    assert again.json() == first.json()
    assert drill.salesforce_creates() == creates, "a replay created records in Salesforce"


def assert_org_gone(drill: Drill, org_id: str) -> None:
    """The org's deletion finished: no item's keys name it."""
    names = ("pk", "sk", "gsi1pk", "gsi1sk")
    left = [i for i in drill.items() if any(org_id in str(i.get(n, "")) for n in names)]
    assert not left, left


def drill_route(
    drill: Drill, shared: Shared, route: Route, down: frozenset[str], **fault: Any
) -> None:
    planned = route.plan(drill, shared)
    try:
        baseline, before = drill.problems(), invariants.keys_of(drill.items())
        with drill.fault(*fault.pop("stops", ()), **fault):
            reply = drill.send(planned)
            refused = assert_answer(route, planned, reply, down)
        if refused:
            assert_unchanged(before, drill, planned)
        drill.assert_nothing_half_written(baseline)
        if refused or route.hot:
            reply = assert_recovered(drill, shared, route, planned)
        if route.exactly_once:
            assert_replay_creates_nothing(drill, route, planned, reply)
    finally:
        if route.settle is not None:  # the background work it started ends, even on failure
            route.settle(drill, shared)
    if planned.org is not None:
        assert_org_gone(drill, planned.org)


# -- the drills ---------------------------------------------------------------------------------
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_moto_stopped(drill: Drill, shared: Shared, route: Route) -> None:
    drill_route(drill, shared, route, DOWN_WHEN_MOTO_STOPPED, stops=MOTO_STOPPED)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_kms_endpoint_taken_away(drill: Drill, shared: Shared, route: Route) -> None:
    drill_route(drill, shared, route, frozenset({"kms"}), stops=("kms",))


THROTTLED = [
    r for r in ROUTES if r.id in {"GET /me", "POST /tracking/messages", "GET /t/o/{token}"}
]


@pytest.mark.parametrize("route", THROTTLED, ids=lambda r: r.id)
def test_dynamodb_throttling(drill: Drill, shared: Shared, route: Route) -> None:
    drill_route(drill, shared, route, frozenset({"dynamodb"}), service="dynamodb", kind="throttle")


def test_kms_throttling(drill: Drill, shared: Shared) -> None:
    (login,) = [r for r in ROUTES if r.id == "GET /auth/salesforce/login"]
    drill_route(drill, shared, login, frozenset({"kms"}), service="kms", kind="throttle")


def test_kms_errors(drill: Drill, shared: Shared) -> None:
    (login,) = [r for r in ROUTES if r.id == "GET /auth/salesforce/login"]
    drill_route(drill, shared, login, frozenset({"kms"}), service="kms", kind="error")


@pytest.mark.parametrize("which", ["GET /t/o/{token}", "GET /t/c/{token}"])
def test_hot_paths_answer_in_time_when_dynamodb_stalls(
    drill: Drill, shared: Shared, which: str
) -> None:
    """The one write a hit makes waits at most its two short attempts (the org's settings come
    from the container's cache, primed by a first hit)."""
    (route,) = [r for r in ROUTES if r.id == which]
    planned = route.plan(drill, shared)
    assert_hot_path_answer(route, planned, drill.send(planned))
    with drill.fault(service="dynamodb", kind="stall", seconds=8):
        started = time.monotonic()
        reply = drill.send(planned)
        took = time.monotonic() - started
    assert_hot_path_answer(route, planned, reply)
    assert took < 5.0, f"{which} took {took:.1f} s with DynamoDB stalled"


def test_api_answers_503_before_the_gateway_gives_up_when_dynamodb_stalls(
    drill: Drill, shared: Shared
) -> None:
    """API Gateway answers its own 504 after 29 s: ours must come first."""
    with drill.fault(service="dynamodb", kind="stall", seconds=40):
        started = time.monotonic()
        reply = drill.call("GET", "/me", shared.admin)
        took = time.monotonic() - started
    assert_unavailable(reply, UNAVAILABLE_CODES)
    assert took < 29.0, f"GET /me took {took:.1f} s with DynamoDB stalled"
    assert drill.call("GET", "/me", shared.admin).status_code == 200
