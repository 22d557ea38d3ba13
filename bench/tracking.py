"""Email tracking hot paths: AWS requests per pixel and per click, and the pixel's latency."""

from __future__ import annotations

import json
import time
from typing import Any
from unittest import mock

from bench.core import Figure, app_output_discarded, environment, median, runs

ORDER = 40
TITLE = "Email tracking: the pixel and the redirect"
METHOD = """
AWS requests: moto (`mock_aws`) provisioned from infra/template.yaml, the app from app.py with
a tracking key; a message is prepared with the tracking service (`deps.tracking().prepare`), its
pixel and first link are loaded through `chalice.test.Client` with a browser user agent, and
every request of the app's DynamoDB clients is counted by `devstack.awscalls.AwsCallCounter`
(retries included). The first hit of a container also reads the org's settings (then cached
for 60 s); the figures are the following 200 hits of each kind, per hit.
Latency: the real pixel route (app.py, the `harden` middleware, token verification, the
origin secret and CloudFront's viewer headers (as our distribution sends them), the
classifier, the event built) with its collaborators swapped through `deps.tracking_hot_path`
for an in-memory recorder and fixed org settings (with one revoked user, so the revocation
check runs), against a bare route in a Chalice app with
the same route table, middleware and binary types, which records one prebuilt event into the
same kind of recorder and returns the same bytes and headers. Both through `chalice.test.Client`;
medians of per-request times over rounds of 2,000 requests.
"""

HITS = 200
LATENCY_REQUESTS = 2_000
KEY = "YmVuY2gtdHJhY2tpbmcta2V5LWJlbmNoLXRyYWNraW5nLWtleQ=="  # 36 bytes, bench only
UA = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
ORIGIN_HEADER_VALUE = "bench-origin-secret"
# What our CloudFront distribution adds to every request (infra/api-extras.yaml): the pixel
# checks the origin secret and reads the viewer's address and location from these.
VIA_CLOUDFRONT = {
    "X-Origin-Secret": ORIGIN_HEADER_VALUE,
    "CloudFront-Viewer-Address": "198.51.100.7:51234",
    "CloudFront-Viewer-Country": "BR",
    "CloudFront-Viewer-Country-Region": "SP",
    "CloudFront-Viewer-City": "S%C3%A3o%20Paulo",
}
_ENV = {
    "TRACKING_SIGNING_KEYS": f"b1:{KEY}",
    "PUBLIC_BASE_URL": "https://stratus.bench",
}


class MemoryRecorder:
    """An EventRecorder that keeps events in a list (the benchmark's write boundary)."""

    def __init__(self) -> None:
        self.events: list[Any] = []

    def record(self, event: Any) -> bool:
        self.events.append(event)
        return True


class FixedOrgState:
    """The org's settings and revocations as the hot path's cache serves them once warm."""

    def __init__(self, state: Any) -> None:
        self._state = state

    def state(self, org_id: str) -> Any:
        return self._state


def _environment(table: str | None = None) -> Any:
    return environment({**_ENV, **({"STRATUS_TABLE": table} if table else {})})


def _prepare(store: Any) -> tuple[str, str]:
    """A tracked message: (pixel path, first link path)."""
    from chalicelib import deps
    from chalicelib.org_settings import StoredOrgSettings
    from chalicelib.sessions import Principal
    from chalicelib.tracking.models import PrepareMessage

    principal = Principal("00D000000000bench", "005000000000bench", "f" * 64, 2**31, False)
    org_settings = StoredOrgSettings(store, deps.clock())
    org_settings.change(principal.org_id, {"email_tracking": True})
    org_settings.change(principal.org_id, {"link_tracking": True})
    request = PrepareMessage(
        recipients=["reader@client.example"],
        html='<p>Hi</p><a href="https://example.com/pricing?plan=pro#compare">pricing</a>',
    )
    prepared = json.loads(deps.tracking().prepare(principal, request))
    html: str = prepared["recipients"][0]["html"]

    def path(kind: str) -> str:
        start = html.index(f"https://stratus.bench/t/{kind}/") + len("https://stratus.bench")
        return html[start : html.index('"', start)]

    return path("o"), path("c")


def _aws_requests() -> dict[str, float]:
    import boto3
    from chalice.test import Client
    from moto import mock_aws

    from chalicelib import deps
    from devstack.awscalls import AwsCallCounter
    from devstack.provision import provision_stack

    with _environment(), mock_aws():
        stack = provision_stack(boto3.session.Session(), stage="bench")
        with _environment(stack.table_name):
            deps.reset()
            from app import app

            pixel, link = _prepare(deps.store())
            counter = AwsCallCounter()
            counter.attach(deps.dynamodb_client())
            counter.attach(deps.hot_path_dynamodb_client())
            headers = {"User-Agent": UA, "Accept": "image/webp,*/*"}
            figures: dict[str, float] = {}
            with app_output_discarded(), Client(app) as client:
                for name, path in (("pixel", pixel), ("click", link)):
                    client.http.get(path, headers=headers)  # the container's first hit
                    figures[f"{name}_first_reads"] = counter.count("dynamodb.GetItem")
                    counter.reset()
                    for _ in range(HITS):
                        response = client.http.get(path, headers=headers)
                        if response.status_code not in (200, 302):
                            raise RuntimeError(f"{name} answered {response.status_code}")
                    writes = counter.count("dynamodb.TransactWriteItems")  # one conditional write
                    figures[f"{name}_reads"] = (counter.count() - writes) / HITS
                    figures[f"{name}_writes"] = writes / HITS
                    flushes_due()
                    counter.reset()
                    client.http.get(path, headers=headers)
                    figures[f"{name}_when_flush_due"] = counter.count()
                    counter.reset()
            deps.reset()
    return figures


def flushes_due() -> None:
    """Make this container's usage and status flushes due (their interval has passed, with
    counts pending), as a minute of traffic would: a hit must still not pay for them."""
    from chalicelib import deps, outcomes, usage

    deps.usage()._flushed_at -= usage.FLUSH_INTERVAL_SECONDS
    outcomes.outcomes()._flushed_at -= outcomes.FLUSH_INTERVAL_SECONDS
    if not deps.usage().pending():
        raise RuntimeError("no usage counted by the hits: nothing would be due")


def _bare_app(app: Any, recorder: MemoryRecorder, event: Any) -> Any:
    """The same route table, middleware and binary types as `app`; the pixel route is bare."""
    from chalice.app import Chalice, Response

    from chalicelib.tracking.hits import GIF, PIXEL_HEADERS
    from chalicelib.web import harden

    bare = Chalice(app_name="bare-pixel", configure_logs=False)
    bare.api.binary_types = app.api.binary_types
    bare.register_middleware(harden, "http")

    def pixel(token: str) -> Response:
        recorder.record(event)
        return Response(body=GIF, status_code=200, headers=dict(PIXEL_HEADERS))

    def elsewhere(**_: str) -> Response:
        return Response(body="", status_code=204)

    for index, (path, methods) in enumerate(app.routes.items()):
        view = pixel if path == "/t/o/{token}" else elsewhere
        bare.route(path, methods=sorted(methods), name=f"route_{index}")(view)
    return bare


def _per_request(client: Any, path: str, headers: dict[str, str]) -> float:
    started = time.perf_counter()
    for _ in range(LATENCY_REQUESTS):
        client.http.get(path, headers=headers)
    return (time.perf_counter() - started) / LATENCY_REQUESTS


def _latency() -> tuple[float, float, int]:
    from chalice.test import Client

    from chalicelib import deps, metrics
    from chalicelib.clock import SystemClock
    from chalicelib.org_settings import OrgSettings, OrgState
    from chalicelib.store.tracking_events import TrackingEvent
    from chalicelib.tracking import tokens
    from chalicelib.tracking.hits import GIF, HotPath

    with _environment():
        deps.reset()
        keys = tokens.SigningKeys.parse(_ENV["TRACKING_SIGNING_KEYS"])
        prepared_at = int(time.time()) - 3600
        claim = tokens.Claim(
            kind="open",
            kid="",
            prepared_at=prepared_at,
            message_id=tokens.new_message_id(b"\x07" * 12),
            recipient=0,
            sender_fingerprint=tokens.sender_fingerprint("f" * 64),
            org_id="00D000000000bench",
            user_id="005000000000bench",
            expires_at=prepared_at + (180 + 30) * 86400,
        )
        assert keys is not None
        path = f"/t/o/{tokens.sign(claim, keys)}"
        recorder = MemoryRecorder()
        hot_path = HotPath(
            keys=keys,
            org_settings=FixedOrgState(
                # another user of the org deleted their account: the revocation is looked up
                OrgState(OrgSettings(email_tracking=True, link_tracking=True), {"x" * 16: 1})
            ),
            recorder=recorder,
            clock=SystemClock(),
            retention_seconds=180 * 86400,
            metrics=metrics.recorder(),  # the real one: the pixel's figure includes publishing
            origin_secret=lambda: ORIGIN_HEADER_VALUE.encode(),
        )
        event = TrackingEvent(
            org_id=claim.org_id,
            user_id=claim.user_id,
            message_id=claim.message_id,
            recipient=0,
            kind="open",
            at_ms=0,
            event_id="bench",
            verdict="human",
            reason="no_machine_signal",
            expires_at=2**31,
        )
        headers = {"User-Agent": UA, "Accept": "image/webp,*/*", **VIA_CLOUDFRONT}
        from app import app

        pixel_times, bare_times = [], []
        with (
            mock.patch.object(deps, "tracking_hot_path", lambda: hot_path),
            app_output_discarded(),
            Client(app) as pixel_client,
            Client(_bare_app(app, recorder, event)) as bare_client,
        ):
            for client in (pixel_client, bare_client):  # warm up, and check the answers
                response = client.http.get(path, headers=headers)
                if response.body != GIF:
                    raise RuntimeError("the pixel did not answer the GIF")
            for _ in range(runs(7)):
                recorder.events.clear()
                pixel_times.append(_per_request(pixel_client, path, headers))
                bare_times.append(_per_request(bare_client, path, headers))
            recorded = len(recorder.events)
        deps.reset()
    return median(pixel_times), median(bare_times), recorded


def run() -> list[Figure]:
    counts = _aws_requests()
    pixel_s, bare_s, recorded = _latency()
    if recorded != 2 * LATENCY_REQUESTS:
        raise RuntimeError(f"expected one recorded event per request, got {recorded}")
    per_hit = (
        "AWS requests per hit after the container's first (which reads the org's settings once)"
    )
    return [
        Figure(
            "AWS reads per pixel",
            counts["pixel_reads"],
            "requests",
            f"{per_hit}; target 0.",
            target=0,
            detail=f"first hit: {counts['pixel_first_reads']:g} settings read",
        ),
        Figure(
            "AWS writes per pixel",
            counts["pixel_writes"],
            "requests",
            f"{per_hit}; target 1.",
            target=1,
        ),
        Figure(
            "AWS reads per click",
            counts["click_reads"],
            "requests",
            f"{per_hit}; target 0.",
            target=0,
        ),
        Figure(
            "AWS writes per click",
            counts["click_writes"],
            "requests",
            f"{per_hit}; target 1.",
            target=1,
        ),
        Figure(
            "AWS requests per pixel when a flush is due",
            counts["pixel_when_flush_due"],
            "requests",
            "One pixel after the usage and status flush intervals have passed with counts "
            "pending: the flush waits for a request that is not a hot path; target 1 (its "
            "write).",
            target=1,
        ),
        Figure(
            "AWS requests per click when a flush is due",
            counts["click_when_flush_due"],
            "requests",
            "The same for a click; target 1.",
            target=1,
        ),
        Figure(
            "pixel route vs bare route (in-process)",
            pixel_s / bare_s,
            "x",
            "Time of the real pixel route over a bare route returning the same bytes, both "
            "through chalice.test.Client with the same middleware; target <= 2.",
            target=2.0,
            detail=f"pixel {pixel_s * 1e6:.0f} us, bare {bare_s * 1e6:.0f} us per request",
        ),
    ]
