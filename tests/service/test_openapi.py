"""The OpenAPI document: generated from the routes, kept fresh in docs/, and fuzzed.

schemathesis drives every documented operation over real HTTP against the app served by
Chalice's own local server (what `chalice local` runs) in a thread, backed by moto: no route
may answer 5xx, and every response must match its documented schema.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from chalicelib.openapi import build_openapi
from devstack.provision import ProvisionedStack
from tests.service.conftest import Served

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


@pytest.fixture
def bearer(served_app: Served, stack: ProvisionedStack) -> dict[str, str]:
    """A live admin session for each fuzzed operation (DELETE /me and logout end theirs), with
    email and link tracking on, so authenticated routes answer past their 401. `stack` empties
    the table after each operation: later tests start from nothing."""
    token = served_app.sign_in()
    headers = {"Authorization": f"Bearer {token}"}
    with requests.Session() as http:
        http.trust_env = False
        reply = http.put(
            f"{served_app.url}/admin/settings",
            json={"email_tracking": True, "link_tracking": True},
            headers=headers,
        )
    assert reply.status_code == 200, reply.text
    return headers


schema = schemathesis.openapi.from_dict(_generated())


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_conforms_to_its_schema(
    case: schemathesis.Case, served_app: Served, bearer: dict[str, str]
) -> None:
    # Signed in as an org admin, so authenticated routes are exercised beyond their 401.
    # positive_data_acceptance expects 2xx for any schema-valid input; ours also depend on state
    # no schema can carry (a single-use OAuth state, an allow-listed login host, a message id),
    # so their 4xx are right. ignored_auth sends its own invalid credentials next to our valid
    # bearer, so it cannot apply here (tests/service/test_http.py checks every authenticated
    # route answers 401 without a session). Every other check applies: no 5xx, responses match
    # their schemas.
    case.call_and_validate(
        base_url=served_app.url,
        headers=bearer,
        excluded_checks=[positive_data_acceptance, ignored_auth],
    )


def test_the_fuzzing_session_reaches_authenticated_routes(
    served_app: Served, stack: ProvisionedStack
) -> None:
    """The fuzzing above is only worth its name if its session is real."""
    token = served_app.sign_in()
    with requests.Session() as http:
        http.trust_env = False
        me = http.get(f"{served_app.url}/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200, me.text
    assert me.json()["org"]["is_admin"] is True
