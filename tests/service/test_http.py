"""HTTP basics (DESIGN §6) through chalice.test.Client: errors, 404s, headers, validation."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from chalice.app import Chalice
from chalice.test import Client
from pydantic import BaseModel, Field

from chalicelib.errors import StratusError
from chalicelib.web import SECURITY_HEADERS, harden, parse_body, parse_query

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]


def _assert_hardened(response: object) -> None:
    headers = {k.lower(): v for k, v in response.headers.items()}  # type: ignore[attr-defined]
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, name


def _assert_error(response: object, status: int, code: str) -> dict[str, str]:
    assert response.status_code == status  # type: ignore[attr-defined]
    body = json.loads(response.body)  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]  # type: ignore[no-any-return]


def test_health_answers_ok_and_the_version(client: Client) -> None:
    from chalicelib import __version__

    response = client.http.get("/health")
    assert response.status_code == 200
    assert json.loads(response.body) == {"status": "ok", "version": __version__}
    _assert_hardened(response)
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/nope", "/health/extra", "/a/b/c/d/e/f/g/h", "/auth", "/openapi.json/x"]
)
@pytest.mark.parametrize("method", METHODS)
def test_unknown_routes_are_404_json(client: Client, path: str, method: str) -> None:
    response = client.http.request(method, path, body=b"", headers={})
    _assert_hardened(response)
    if method == "HEAD":
        assert response.status_code == 404
        return
    error = _assert_error(response, 404, "not_found")
    assert path in error["message"]


def test_a_wrong_method_on_a_known_route_is_405_json(client: Client) -> None:
    response = client.http.post("/health", body=b"{}", headers={"Content-Type": "application/json"})
    _assert_error(response, 405, "method_not_allowed")
    _assert_hardened(response)


def _registered_routes() -> Iterator[tuple[str, str]]:
    from app import app

    for path, methods in sorted(app.routes.items()):
        for method in sorted(methods):
            yield path, method


def test_every_registered_route_answers_with_the_security_headers(client: Client) -> None:
    # Given every (path, method) Chalice has registered, with its parameters filled in
    seen = 0
    for path, method in _registered_routes():
        concrete = re.sub(r"{\w+}", "x", path)
        # When it is called with no credentials and an empty body
        response = client.http.request(method, concrete, body=b"", headers={})
        # Then, whatever the status, the response is hardened and never a 5xx
        _assert_hardened(response)
        assert response.status_code < 500, (method, path, response.body)
        seen += 1
    assert seen >= 50  # the fallback routes alone register 8 depths x 6 methods


def _authenticated_routes() -> list[tuple[str, str]]:
    from app import app
    from chalicelib.web import ROUTE_DOCS

    found = []
    for path, methods in sorted(app.routes.items()):
        for method, entry in sorted(methods.items()):
            doc = ROUTE_DOCS.get(entry.view_function)
            if doc is not None and doc.auth:
                found.append((path, method))
    return found


@pytest.mark.parametrize(
    "credentials",
    [
        {},
        {"Authorization": "Bearer " + "A" * 43},
        # from this site (PUBLIC_BASE_URL): from elsewhere it is refused before (test_csrf.py)
        {"Cookie": "__Host-stratus_session=" + "A" * 43, "Origin": "https://stratus.test"},
        {"Cookie": "stratus_session=" + "A" * 43},  # the old name is nobody's session now
        {"Authorization": "Basic YTpi"},
    ],
    ids=["none", "forged-bearer", "forged-cookie", "old-cookie-name", "basic"],
)
def test_every_authenticated_route_is_401_without_a_real_session(
    client: Client, credentials: dict[str, str]
) -> None:
    routes = _authenticated_routes()
    assert len(routes) >= 10  # /me, /lookup, /admin/settings, /tracking/... are documented
    for path, method in routes:
        concrete = re.sub(r"{\w+}", "x", path)
        headers = {"Content-Type": "application/json", **credentials}
        response = client.http.request(method, concrete, body=b"{}", headers=headers)
        assert response.status_code == 401, (method, path, response.body)
        _assert_error(response, 401, "unauthenticated")


# -- the error machinery, on a small app with the same middleware ------------------------------


class Greeting(BaseModel):
    name: str = Field(min_length=1, max_length=20)
    times: int = Field(default=1, ge=1, le=3)


class Paging(BaseModel):
    limit: int = Field(default=10, ge=1, le=50)


@pytest.fixture
def small_app() -> Iterator[Client]:
    app = Chalice(app_name="stratus-web-test", configure_logs=False)
    app.register_middleware(harden, "http")

    @app.route("/greet", methods=["POST"])
    def greet() -> dict[str, str]:
        greeting = parse_body(Greeting, app.current_request)
        return {"text": " ".join([f"hello {greeting.name}"] * greeting.times)}

    @app.route("/page", methods=["GET"])
    def page() -> dict[str, int]:
        return {"limit": parse_query(Paging, app.current_request).limit}

    @app.route("/teapot", methods=["GET"])
    def teapot() -> None:
        raise StratusError("teapot", "I am a teapot.", status=418, headers={"Retry-After": "7"})

    @app.route("/boom", methods=["GET"])
    def boom() -> None:
        raise RuntimeError("secret detail that must not leak")

    with Client(app) as test_client:
        yield test_client


def _post(client: Client, body: bytes) -> object:
    return client.http.post("/greet", body=body, headers={"Content-Type": "application/json"})


def test_valid_input_passes(small_app: Client) -> None:
    response = _post(small_app, b'{"name": "ana", "times": 2}')
    assert json.loads(response.body) == {"text": "hello ana hello ana"}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"times": 2}', "name"),
        (b'{"name": ""}', "name"),
        (b'{"name": "ana", "times": 9}', "times"),
        (b'{"name": "ana", "times": "many"}', "times"),
        (b"[1, 2]", "body"),
    ],
)
def test_validation_errors_are_400_naming_the_field(
    small_app: Client, body: bytes, field: str
) -> None:
    error = _assert_error(_post(small_app, body), 400, "validation_error")
    assert f"'{field}'" in error["message"] or field == "body"


@pytest.mark.parametrize("body", [b"", b"   ", b"{not json", b'{"name": "a"'])
def test_missing_or_malformed_json_is_400(small_app: Client, body: bytes) -> None:
    _assert_error(_post(small_app, body), 400, "validation_error")


@pytest.mark.parametrize(
    "body",
    [
        b'{"name": "ana", "times": NaN}',
        b'{"name": "ana", "score": Infinity}',
        b'{"name": "ana", "score": -Infinity}',
        b'{"name": "ana", "score": 1e400}',
        b'{"name": "ana", "name": "bob"}',
        b'{"name": "ana", "extra": {"k": 1, "k": 2}}',
        b'{"name": "ana", "n": ' + b"9" * 5000 + b"}",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"name": "\xff"}',
    ],
    ids=[
        "nan",
        "infinity",
        "minus-infinity",
        "overflow",
        "duplicate",
        "nested-duplicate",
        "huge-int",
        "deep",
        "not-utf-8",
    ],
)
def test_json_that_parsers_disagree_on_is_400(small_app: Client, body: bytes) -> None:
    # pydantic alone accepts NaN and Infinity, and keeps the last of duplicate names
    error = _assert_error(_post(small_app, body), 400, "validation_error")
    assert "not valid JSON" in error["message"]


@pytest.mark.parametrize(
    "content_type", ["text/plain; application/json", "text/plain", "application/json; x=1", None]
)
def test_a_json_body_must_be_declared_application_json(
    small_app: Client, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = small_app.http.post("/greet", body=b'{"name": "ana"}', headers=headers)
    _assert_error(response, 415, "unsupported_media_type")


def test_the_openapi_document_is_cacheable_and_varies_by_origin(client: Client) -> None:
    response = client.http.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("public")
    assert "Origin" in [v.strip() for v in response.headers["Vary"].split(",")]


def test_uncacheable_responses_do_not_vary_by_origin(client: Client) -> None:
    response = client.http.get("/health")
    assert response.headers["Cache-Control"] == "no-store"
    assert "Vary" not in response.headers


def test_query_validation_is_400_naming_the_parameter(small_app: Client) -> None:
    error = _assert_error(small_app.http.get("/page?limit=500"), 400, "validation_error")
    assert "'limit'" in error["message"]
    assert json.loads(small_app.http.get("/page?limit=5").body) == {"limit": 5}


def test_a_domain_error_keeps_its_status_code_and_headers(small_app: Client) -> None:
    response = small_app.http.get("/teapot")
    _assert_error(response, 418, "teapot")
    assert response.headers["Retry-After"] == "7"
    _assert_hardened(response)


def test_an_unexpected_exception_is_a_500_json_without_details(small_app: Client) -> None:
    response = small_app.http.get("/boom")
    error = _assert_error(response, 500, "internal_error")
    assert "secret" not in error["message"]
    _assert_hardened(response)


# -- CORS: only for configured client origins -------------------------------------------------


@pytest.fixture
def cors_client(app_env: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Client]:
    from app import app
    from chalicelib import deps

    monkeypatch.setenv("STRATUS_CORS_ORIGINS", "https://sidebar.example, https://m.example")
    deps.reset()
    with Client(app, stage_name="test") as test_client:
        yield test_client
    deps.reset()


def test_a_preflight_from_a_configured_origin_is_allowed_with_credentials(
    cors_client: Client,
) -> None:
    response = cors_client.http.request(
        "OPTIONS",
        "/me",
        body=b"",
        headers={"Origin": "https://sidebar.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "https://sidebar.example"
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
    assert response.headers["Access-Control-Allow-Methods"] == "DELETE, GET"
    assert "Origin" in response.headers["Vary"]
    _assert_hardened(response)


@pytest.mark.parametrize("origin", ["https://evil.example", "https://sidebar.example.evil", "null"])
def test_other_origins_get_no_cors_headers(cors_client: Client, origin: str) -> None:
    preflight = cors_client.http.request(
        "OPTIONS",
        "/me",
        body=b"",
        headers={"Origin": origin, "Access-Control-Request-Method": "DELETE"},
    )
    plain = cors_client.http.get("/health", headers={"Origin": origin})
    for response in (preflight, plain):
        assert "Access-Control-Allow-Origin" not in response.headers
        assert "Access-Control-Allow-Credentials" not in response.headers


def test_responses_to_a_configured_origin_carry_cors_headers(cors_client: Client) -> None:
    response = cors_client.http.get("/me", headers={"Origin": "https://m.example"})
    assert response.status_code == 401  # errors too, so the client can read them
    assert response.headers["Access-Control-Allow-Origin"] == "https://m.example"
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
