"""Email lookup: Salesforce API calls per miss and per hit, and the hit path's latency.

In-process, as the service tests run: the Chalice app through `chalice.test.Client`, moto for
DynamoDB and KMS, the Salesforce emulator on 127.0.0.1 (it counts the API calls it serves).
The hit path's latency is compared with a bare authenticated route built here (a tiny Chalice
app with the same middleware and `deps.signed_in`, so no test route enters the product): the
difference is what the lookup itself adds to a request that needs no Salesforce call.

`python -m bench --only lookup` runs only this one.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from bench.core import Figure, app_output_discarded, environment

HANK = "hank.scorpio@globex.com"
ORDER = 50
TITLE = "Email lookup: Salesforce API calls and the cached path"
METHOD = """
In-process: the app through `chalice.test.Client`, moto (`mock_aws`) provisioned from
infra/template.yaml, the Salesforce emulator on 127.0.0.1 counting the API calls it serves (a
Composite request counts as one, as at Salesforce). A demo user signs in through the emulator;
calls are counted around a cold lookup, a batch of 25 cold addresses and their repeats.
Latency: cached GET /lookup against a bare authenticated route in a tiny Chalice app with the
same middleware and `deps.signed_in`; medians of 100 requests per round, alternating rounds.
What the app prints (its metrics, one EMF document per lookup) is written to /dev/null.
"""
ROUNDS = 7  # alternating rounds of each route; the median of the per-round medians is kept
PER_ROUND = 100
BENCH_SECRET = "bench-secret"  # noqa: S105 - the throwaway emulator's client secret


@contextmanager
def _stack() -> Iterator[tuple[Any, Any]]:
    """moto + the provisioned template + the emulator, and the app's environment pointed at
    them; yields (emulator, emulator URL)."""
    import boto3
    from moto import mock_aws

    from devstack.motoatomic import make_moto_atomic
    from devstack.provision import provision_stack
    from devstack.sfemu import Emulator, EmulatorServer

    make_moto_atomic()
    emu = Emulator(client_id="stratus-bench", client_secret=BENCH_SECRET)
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    try:
        with environment(), mock_aws():
            stack = provision_stack(boto3.session.Session(), stage="bench")
            os.environ.update(
                {
                    "STRATUS_TABLE": stack.table_name,
                    "STRATUS_KMS_KEY_ID": stack.key_alias,
                    "PUBLIC_BASE_URL": "http://127.0.0.1:8999",
                    "SALESFORCE_CLIENT_ID": "stratus-bench",
                    "SALESFORCE_CLIENT_SECRET": BENCH_SECRET,
                    "SALESFORCE_LOGIN_URL": server.url,
                    "SALESFORCE_SANDBOX_URL": server.url,
                    "SALESFORCE_EXTRA_LOGIN_HOSTS": server.url.split("://", 1)[1],
                    "OAUTHLIB_INSECURE_TRANSPORT": "1",
                }
            )
            from chalicelib import deps

            deps.reset()
            yield emu, server.url
            deps.reset()
    finally:
        server.stop()


def _sign_in(client: Any, username: str) -> str:
    """The browser's part of the sign-in; returns the session token."""
    import requests

    login = client.http.get("/auth/salesforce/login?" + urlencode({"return_to": "/me"}))
    binding = SimpleCookie(login.headers["Set-Cookie"])["__Secure-stratus_oauth"].value
    consent = requests.get(
        login.headers["Location"] + "&" + urlencode({"login_hint": username}),
        allow_redirects=False,
        timeout=10,
    )
    params = {k: v[0] for k, v in parse_qs(urlsplit(consent.headers["Location"]).query).items()}
    callback = client.http.get(
        "/auth/salesforce/callback?" + urlencode(params),
        headers={"Cookie": f"__Secure-stratus_oauth={binding}"},
    )
    cookie: SimpleCookie = SimpleCookie()
    (session,) = [
        c for c in callback.headers["Set-Cookie"] if c.startswith("__Host-stratus_session=")
    ]
    cookie.load(session)
    return cookie["__Host-stratus_session"].value


def _bare_app() -> Any:
    """A Chalice app with the product's middleware and one authenticated route, nothing else."""
    from chalice.app import Chalice

    from chalicelib import deps
    from chalicelib.web import harden

    bare = Chalice(app_name="bench-bare", configure_logs=False)
    bare.register_middleware(harden, "http")

    @bare.route("/bare", methods=["GET"])
    def whoami() -> dict[str, str]:
        principal = deps.signed_in(bare.current_request)
        return {"user_id": principal.user_id}

    return bare


def _dynamodb_when_flush_due(
    hit: Callable[[], None], bare_route: Callable[[], None]
) -> tuple[int, int]:
    """DynamoDB requests of the bare route (the session check) and of a cached lookup made
    once the usage and status flushes are due: the lookup must not pay for them."""
    from bench.tracking import flushes_due
    from chalicelib import deps, outcomes
    from devstack.awscalls import AwsCallCounter

    counter = AwsCallCounter()
    counter.attach(deps.dynamodb_client())
    counter.attach(deps.hot_path_dynamodb_client())
    deps.usage().flush(force=True)
    outcomes.flush(force=True)
    counter.reset()
    bare_route()  # nothing due: only the session check
    session = counter.count()
    hit()  # counts a cached lookup, in memory
    flushes_due()
    counter.reset()
    hit()
    return session, counter.count()


def _median_ms(call: Callable[[], Any]) -> float:
    samples = []
    for _ in range(PER_ROUND):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def run() -> list[Figure]:
    from chalice.test import Client

    from app import app

    with (
        _stack() as (emu, _url),
        Client(app, stage_name="test") as client,
        app_output_discarded(),
    ):
        token = _sign_in(client, "alice@acme.demo")
        auth = {"Authorization": f"Bearer {token}"}

        def lookup(addresses: list[str]) -> list[dict[str, Any]]:
            response = client.http.post(
                "/lookup",
                body=json.dumps({"emails": addresses}),
                headers={**auth, "Content-Type": "application/json"},
            )
            assert response.status_code == 200, response.body
            results: list[dict[str, Any]] = json.loads(response.body)["results"]
            return results

        def calls(action: Callable[[], Any]) -> int:
            before = emu.api_calls
            action()
            return int(emu.api_calls - before)

        single_miss = calls(lambda: lookup([HANK]))
        single_hit = calls(lambda: lookup([HANK]))
        batch = [f"recipient{i}@example.com" for i in range(24)] + ["peter.gibbons@initech.com"]
        batch_miss = calls(lambda: lookup(batch))
        batch_hit = calls(lambda: lookup(batch))

        hit_path = f"/lookup?{urlencode({'email': HANK})}"
        with Client(_bare_app(), stage_name="test") as bare:

            def hit() -> None:
                assert client.http.get(hit_path, headers=auth).status_code == 200

            def bare_route() -> None:
                assert bare.http.get("/bare", headers=auth).status_code == 200

            for _ in range(50):  # warm both paths (imports, first model, connections)
                hit()
                bare_route()
            calls_before = emu.api_calls
            hit_rounds, bare_rounds = [], []
            for _ in range(ROUNDS):
                hit_rounds.append(_median_ms(hit))
                bare_rounds.append(_median_ms(bare_route))
            hit_calls = emu.api_calls - calls_before
            session_requests, due_requests = _dynamodb_when_flush_due(hit, bare_route)
        hit_ms, bare_ms = statistics.median(hit_rounds), statistics.median(bare_rounds)

    timed = ROUNDS * PER_ROUND + 50
    return [
        Figure(
            "Salesforce API calls per miss (one address)",
            single_miss,
            "calls",
            "GET /lookup, cold cache: one Composite request.",
            target=1,
        ),
        Figure(
            "Salesforce API calls per miss (batch of 25)",
            batch_miss,
            "calls",
            "POST /lookup with 25 uncached addresses: one Composite request for all.",
            target=1,
        ),
        Figure(
            "Salesforce API calls per hit",
            single_hit + batch_hit + hit_calls,
            "calls",
            "The same address and batch again, then every timed request.",
            target=0,
            detail=f"1 address + 25 addresses + {timed} timed GET /lookup",
        ),
        Figure(
            "DynamoDB requests per cached lookup when a flush is due",
            due_requests - session_requests,
            "requests",
            "A cached GET /lookup after the usage and status flush intervals have passed with "
            "counts pending, beyond the session check (a bare authenticated route's requests); "
            "target 0: the flush waits for a request that is not a hot path.",
            target=0,
            detail=f"lookup {due_requests}, session check {session_requests}",
        ),
        Figure(
            "cached lookup vs bare authenticated route (in-process)",
            hit_ms / bare_ms,
            "x",
            "What the lookup adds to an authenticated request that needs no Salesforce call.",
            target=1.5,
            detail=f"medians of {ROUNDS}: lookup {hit_ms:.3f} ms, bare {bare_ms:.3f} ms",
        ),
    ]
