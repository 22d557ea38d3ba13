"""The OpenAPI document: generated from the routes, kept fresh in docs/, and fuzzed.

schemathesis drives every documented operation over real HTTP against the app served by
Chalice's own local server (what `chalice local` runs) in a thread, backed by moto: no route
may answer 5xx, and every response must match its documented schema.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.specs.openapi.checks import positive_data_acceptance

from chalicelib.openapi import build_openapi

ROOT = Path(__file__).resolve().parents[2]


def _generated() -> dict[str, object]:
    from app import app
    from chalicelib import __version__

    return build_openapi(app.routes, __version__)


def test_the_document_is_valid_openapi_3_1() -> None:
    document = _generated()
    assert document["openapi"] == "3.1.0"
    validate(document)  # type: ignore[arg-type]


def test_docs_openapi_json_is_not_stale() -> None:
    on_disk = json.loads((ROOT / "docs" / "openapi.json").read_text())
    assert on_disk == _generated(), "docs/openapi.json is stale: run `make openapi`"


def test_the_served_document_is_the_generated_one(client: object) -> None:
    response = client.http.get("/openapi.json")  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert json.loads(response.body) == _generated()


def test_fallback_routes_are_not_documented() -> None:
    assert not any("{p1}" in path for path in _generated()["paths"])  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def served_app(aws: object) -> Iterator[str]:
    """The app on Chalice's local HTTP server, in a thread, on a free loopback port."""
    import os

    from chalice.config import Config
    from chalice.local import ChaliceRequestHandler, LocalDevServer

    class Handler(ChaliceRequestHandler):  # type: ignore[misc]
        # Python's http.server answers methods it has no do_X for (TRACE, QUERY) with an HTML
        # 501 before the app sees them; pass them to the app, which answers 405 JSON.
        def __getattr__(self, name: str) -> object:
            if name.startswith("do_"):
                return self._generic_handle
            raise AttributeError(name)

    from app import app
    from chalicelib import deps

    os.environ["STRATUS_TABLE"] = aws.table_name  # type: ignore[attr-defined]
    os.environ["STRATUS_KMS_KEY_ID"] = aws.key_alias  # type: ignore[attr-defined]
    os.environ["SALESFORCE_CLIENT_ID"] = "stratus-test"
    os.environ["SALESFORCE_CLIENT_SECRET"] = "test-secret"
    deps.reset()
    config = Config.create(chalice_stage="test", app_name="stratus", chalice_app=app)
    server = LocalDevServer(app, config, "127.0.0.1", 0, handler_cls=Handler)
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        deps.reset()


schema = schemathesis.openapi.from_dict(_generated())


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_conforms_to_its_schema(case: schemathesis.Case, served_app: str) -> None:
    # positive_data_acceptance expects 2xx for any schema-valid input; ours also depend on state
    # no schema can carry (a single-use OAuth state, an allow-listed login host, a session), so
    # their 4xx are right. Every other check applies: no 5xx, responses match their schemas.
    case.call_and_validate(base_url=served_app, excluded_checks=[positive_data_acceptance])
