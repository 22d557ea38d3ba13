"""Email lookup: Salesforce API calls per miss and per hit, and the hit path's latency.

In-process, as the service tests run: the Chalice app through `chalice.test.Client`, moto for
DynamoDB and KMS, the Salesforce emulator on 127.0.0.1 (it counts the API calls it serves).
The hit path's latency is compared with a bare authenticated route built here (a tiny Chalice
app with the same middleware and `authenticate`, so no test route enters the product): the
difference is what the lookup itself adds to a request that needs no Salesforce call.

`run()` returns figures as dicts `{"name", "value", "unit", "note"}`; `python -m bench.lookup`
prints them.
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

HANK = "hank.scorpio@globex.com"
ROUNDS = 7  # alternating rounds of each route; the median of the per-round medians is kept
PER_ROUND = 100
Figure = dict[str, Any]
BENCH_SECRET = "bench-secret"  # noqa: S105 - the throwaway emulator's client secret


def _figure(name: str, value: float, unit: str, note: str) -> Figure:
    return {"name": name, "value": value, "unit": unit, "note": note}


@contextmanager
def _stack() -> Iterator[tuple[Any, Any]]:
    """moto + the provisioned template + the emulator, and the app's environment pointed at
    them; yields (emulator, emulator URL)."""
    import boto3
    from moto import mock_aws

    from devstack.motoatomic import make_moto_atomic
    from devstack.provision import provision_stack
    from devstack.sfemu import Emulator, EmulatorServer

    saved = dict(os.environ)
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_REGION": "us-east-1",
        }
    )
    os.environ.pop("AWS_ENDPOINT_URL", None)
    os.environ.pop("AWS_PROFILE", None)
    make_moto_atomic()
    emu = Emulator(client_id="stratus-bench", client_secret=BENCH_SECRET)
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    try:
        with mock_aws():
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
        os.environ.clear()
        os.environ.update(saved)


def _sign_in(client: Any, username: str) -> str:
    """The browser's part of the sign-in; returns the session token."""
    import requests

    login = client.http.get("/auth/salesforce/login?" + urlencode({"return_to": "/me"}))
    consent = requests.get(
        login.headers["Location"] + "&" + urlencode({"login_hint": username}),
        allow_redirects=False,
        timeout=10,
    )
    params = {k: v[0] for k, v in parse_qs(urlsplit(consent.headers["Location"]).query).items()}
    callback = client.http.get("/auth/salesforce/callback?" + urlencode(params))
    cookie: SimpleCookie = SimpleCookie()
    cookie.load(callback.headers["Set-Cookie"])
    return cookie["stratus_session"].value


def _bare_app() -> Any:
    """A Chalice app with the product's middleware and one authenticated route, nothing else."""
    from chalice.app import Chalice

    from chalicelib.sessions import authenticate
    from chalicelib.web import harden

    bare = Chalice(app_name="bench-bare", configure_logs=False)
    bare.register_middleware(harden, "http")

    @bare.route("/bare", methods=["GET"])
    def whoami() -> dict[str, str]:
        principal = authenticate(bare.current_request)
        return {"user_id": principal.user_id}

    return bare


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

    with _stack() as (emu, _url), Client(app, stage_name="test") as client:
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
        hit_ms, bare_ms = statistics.median(hit_rounds), statistics.median(bare_rounds)

    timed = ROUNDS * PER_ROUND + 50
    return [
        _figure("lookup_calls_per_miss", single_miss, "calls", "one address, cold cache"),
        _figure("lookup_calls_per_hit", single_hit, "calls", "the same address again"),
        _figure(
            "lookup_calls_per_batch_miss",
            batch_miss,
            "calls",
            "POST /lookup, 25 addresses, none cached: one Composite",
        ),
        _figure("lookup_calls_per_batch_hit", batch_hit, "calls", "the same 25 again"),
        _figure(
            "lookup_calls_during_hit_timing", hit_calls, "calls", f"{timed} cached GET /lookup"
        ),
        _figure(
            "lookup_hit_ms",
            round(hit_ms, 3),
            "ms",
            "GET /lookup, cached: median in-process (chalice.test.Client, moto)",
        ),
        _figure(
            "bare_authenticated_route_ms",
            round(bare_ms, 3),
            "ms",
            "same middleware + authenticate, nothing else",
        ),
        _figure(
            "lookup_hit_vs_bare_ratio",
            round(hit_ms / bare_ms, 3),
            "x",
            "target <= 1.5",
        ),
    ]


if __name__ == "__main__":
    for figure in run():
        print(f"{figure['name']:<34} {figure['value']:>10} {figure['unit']:<6} {figure['note']}")
