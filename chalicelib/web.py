"""HTTP helpers shared by every feature: error shaping, security headers, request parsing.

One middleware (`harden`) is registered by app.py; it refuses cross-site use of the session
cookie (chalicelib/csrf.py) before any view runs, turns StratusError and Chalice's own error
responses into `{"error": {"code", "message"}}`, adds the security headers to every response,
errors included, and publishes the invocation's metrics once it has answered.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from chalice.app import CaseInsensitiveMapping, Request, Response

from chalicelib import csrf, metrics, outcomes, usage
from chalicelib.errors import FRAMEWORK_CODES, ErrorCode, StratusError, ValidationFailed
from chalicelib.logs import logger

SECURITY_HEADERS: dict[str, str] = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
}
JSON_TYPE = "application/json"
if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound="BaseModel")


def error_response(
    code: ErrorCode,
    message: str,
    status: int,
    headers: dict[str, str] | None = None,
    details: dict[str, Any] | None = None,
) -> Response:
    """The one shape of every error the API answers (`details`: members some errors add)."""
    return Response(
        body={"error": {**(details or {}), "code": code, "message": message}},
        status_code=status,
        headers={"Content-Type": JSON_TYPE, **(headers or {})},
    )


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        body=body, status_code=status, headers={"Content-Type": JSON_TYPE, **(headers or {})}
    )


def _from_chalice_error(response: Response) -> Response:
    """Chalice answers its own errors as {"Code", "Message"}; reshape them."""
    body = response.body
    if isinstance(body, dict) and set(body) == {"Code", "Message"}:
        status = response.status_code
        fallback = ErrorCode.INTERNAL_ERROR if status >= 500 else ErrorCode.BAD_REQUEST
        code = FRAMEWORK_CODES.get(status, fallback)
        message = str(body["Message"]) if status < 500 else "An internal error occurred."
        headers = {
            k: v if isinstance(v, str) else ", ".join(v)
            for k, v in response.headers.items()
            if k.lower() != "content-type"
        }
        return error_response(code, message, status, headers)
    return response


def _allowed_origin(event: Request) -> str | None:
    """The request's Origin if it is a configured client origin (CORS), else None."""
    from chalicelib.settings import get_settings

    origin = event.headers.get("origin") if event.headers else None
    return str(origin) if origin and origin in get_settings().cors_origins else None


def _cross_site_refusal(event: Request) -> Response | None:
    """403 for a cookie-authenticated unsafe request from another site (chalicelib/csrf.py)."""
    if str(event.method).upper() not in csrf.UNSAFE_METHODS:
        return None
    from chalicelib.settings import get_settings

    settings = get_settings()
    trusted = csrf.trusted_origins(settings.public_base_url, settings.cors_origins)
    reason = csrf.refusal(event.method, event.headers, lambda: event.raw_body, trusted)
    if reason is None:
        return None
    logger.warning("cross-site request refused", extra={"reason": reason, "path": event.path})
    refused = csrf.rejected(reason)
    return error_response(refused.code, refused.message, refused.status)


_ROUTES: dict[str, dict[str, Any]] = {}


def methods_of(event: Request) -> list[str]:
    resource = str((event.context or {}).get("resourcePath", ""))
    return sorted(m for m in _ROUTES.get(resource, {}) if m != "OPTIONS")


def _preflight_view(**_: str) -> Response:
    """Never reached: `harden` answers every OPTIONS request (see add_preflight_routes)."""
    return Response(body="", status_code=204)


def add_preflight_routes(app: Any) -> None:
    """Declare OPTIONS on every path, so API Gateway passes CORS preflights to the app, where
    `harden` answers them for the configured client origins only (CORS is per origin, which
    Chalice's static CORSConfig cannot express)."""
    _ROUTES.clear()
    _ROUTES.update(app.routes)
    for index, path in enumerate(sorted(app.routes)):
        if "OPTIONS" not in app.routes[path]:
            app.route(path, methods=["OPTIONS"], name=f"preflight_{index}")(_preflight_view)


def _preflight(event: Request, origin: str | None) -> Response:
    """Answer a CORS preflight: allowed origins get the route's methods, others nothing."""
    headers: dict[str, str | list[str]] = {"Vary": "Origin"}
    if origin is not None:
        headers.update(
            {
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Credentials": "true",
                "Access-Control-Allow-Methods": ", ".join(methods_of(event)),
                "Access-Control-Allow-Headers": "Authorization, Content-Type",
                "Access-Control-Max-Age": "600",
            }
        )
    return Response(body="", status_code=204, headers=headers)


#: app.api.binary_types (app.py). Chalice uses this one list three ways: API Gateway's
#: binaryMediaTypes (packaged), which responses to_dict base64-encodes, and a check that answers
#: 400 when a binary response's type is not named by the request's Accept. API Gateway decides
#: by the request's first Accept type whether to decode a base64 body, and mail clients and
#: image proxies send anything (nothing, text/html, image/webp,*/*...), so only "*/*" serves the
#: tracking GIF to all of them. With it, every response is base64-encoded by to_dict and decoded
#: by API Gateway, chalice local and chalice.test.Client alike; `harden` reads a missing Accept
#: as "*/*" (RFC 9110 12.5.1) so Chalice's check passes. See docs/tracking.md.
BINARY_MEDIA_TYPES: list[str] = ["*/*"]


def _accept_anything_if_unsaid(event: Request) -> None:
    """A request without Accept accepts any media type (RFC 9110 12.5.1): say so explicitly."""
    headers = event.headers
    if headers is not None and headers.get("accept") is None:
        event.headers = CaseInsensitiveMapping({**dict(headers.items()), "accept": "*/*"})


def harden(event: Request, get_response: Callable[[Request], Response]) -> Response:
    """App middleware: domain errors to JSON, framework errors reshaped, security headers, CORS
    for the configured client origins only; then the invocation's metrics are published."""
    status = 500
    try:
        response = _answer(event, get_response)
        status = response.status_code
        return response
    finally:
        _count_outcome(event, status)
        _publish_metrics()


#: The tracking hot paths: counted for the status page, never flushing (one write per hit).
HOT_PATH_PREFIX = "/t/"
#: The hot paths, whose requests count (status, usage) without ever flushing: the pixel and the
#: redirect (one write per hit), and the lookup (no request beyond the session check when cached).
HOT_PATHS = (HOT_PATH_PREFIX, "/lookup")


def _hot(event: Request) -> bool:
    path = str(getattr(event, "path", ""))
    return path.startswith(HOT_PATH_PREFIX) or path in HOT_PATHS


def _count_outcome(event: Request, status: int) -> None:
    """The status page's counts (chalicelib/outcomes.py); after a request that is not a hot
    path, they and the usage figures (chalicelib/usage.py) flush when due. Never breaks an
    answer."""
    try:
        outcomes.outcomes().request(status)
        if not _hot(event):
            outcomes.flush()
            usage.flush_due()
    except Exception:
        logger.exception("status counts were not kept")


def _publish_metrics() -> None:
    """Metrics never break an answer (the pixel must never break an email)."""
    try:
        metrics.flush()
    except Exception:
        logger.exception("metrics were not published")


def _answer(event: Request, get_response: Callable[[Request], Response]) -> Response:
    origin = _allowed_origin(event)
    if event.method == "OPTIONS":
        return _secure(_preflight(event, origin))
    refused = _cross_site_refusal(event)
    if refused is not None:
        return _secure(refused)
    _accept_anything_if_unsaid(event)
    try:
        response = get_response(event)
    except StratusError as exc:
        outcomes.outcomes().error(str(exc.code))
        response = error_response(exc.code, exc.message, exc.status, exc.headers, exc.details)
    except Exception:  # an unexpected failure still answers JSON, and is logged once
        logger.exception("unhandled error", extra={"path": getattr(event, "path", None)})
        response = error_response(ErrorCode.INTERNAL_ERROR, "An internal error occurred.", 500)
    response = _from_chalice_error(response)
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        _vary_on_origin(response.headers)
    return _secure(response)


def _header(headers: dict[str, Any], name: str) -> str:
    return str(next((v for k, v in headers.items() if k.lower() == name), ""))


def _vary_on_origin(headers: dict[str, Any]) -> None:
    names = [k for k in headers if k.lower() == "vary"]
    vary = ", ".join(str(headers.pop(k)) for k in names)
    if "origin" not in {v.strip().lower() for v in vary.split(",")}:
        vary = f"{vary}, Origin" if vary else "Origin"
    headers["Vary"] = vary


def _secure(response: Response) -> Response:
    headers = response.headers
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)
    content_type = _header(headers, "content-type")
    is_json = content_type == "" or content_type.startswith(JSON_TYPE)
    if is_json and not any(k.lower() == "cache-control" for k in headers):
        headers["Cache-Control"] = "no-store"
    if "no-store" not in _header(headers, "cache-control"):
        _vary_on_origin(headers)  # a cache may keep it, and its CORS headers depend on Origin
    if isinstance(response.body, str) and not is_json:
        response.body = response.body.encode("utf-8")  # base64-encoded by to_dict: bytes only
    return response


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "body"


def _validation_failed(exc: ValidationError, where: str) -> ValidationFailed:
    first = exc.errors(include_url=False)[0]
    name = _field_name(tuple(first.get("loc", ())))
    if first.get("type") == "json_invalid":
        return ValidationFailed("The request body is not valid JSON.", field="body")
    return ValidationFailed(f"{where} field '{name}': {first.get('msg', 'invalid')}", field=name)


def is_json_type(content_type: str | None) -> bool:
    """Exactly `application/json`, optionally with `charset=utf-8`: no type a browser may send
    cross-site without a preflight (`text/plain; application/json`) passes for JSON."""
    kind, _, parameters = str(content_type or "").partition(";")
    if kind.strip().lower() != JSON_TYPE:
        return False
    parameter = parameters.strip().lower().replace(" ", "")
    return parameter in {"", "charset=utf-8", 'charset="utf-8"'}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("an object names a member twice")
    return found


def _finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise ValueError("a number is too large")
    return number


def _strict_json(raw: bytes | str) -> None:
    """RFC 8259 JSON only: Python's parser and pydantic's accept NaN/Infinity and keep the last of
    duplicate names (which a proxy or another parser may read differently): refuse both."""
    try:
        json.loads(
            raw,
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_reject_constant,
            parse_float=_finite,
        )
    except (ValueError, RecursionError) as exc:
        raise ValidationFailed(
            f"The request body is not valid JSON: {_problem(exc)}.", "body"
        ) from None


def _problem(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg.lower()
    if isinstance(exc, UnicodeError):
        return "it is not UTF-8"
    if isinstance(exc, RecursionError):
        return "it nests too deeply"
    return str(exc)  # our own hooks' words (duplicate names, NaN, Infinity)


def parse_body(model: type[M], request: Request) -> M:
    """Validate a JSON body against `model`: 415 unless it is declared `application/json`,
    400 naming the field for anything else."""
    from pydantic import ValidationError

    raw = request.raw_body or b""
    if not raw.strip():
        raise ValidationFailed("A JSON request body is required.", field="body")
    if not is_json_type(request.headers.get("content-type")):
        raise StratusError(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "The request body must be sent as Content-Type: application/json.",
            415,
        )
    _strict_json(raw)
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise _validation_failed(exc, "Body") from None


def parse_value(model: type[M], data: Any, where: str = "Body") -> M:
    """Validate JSON parsed already (an offline action's body, chalicelib/offline) as
    `parse_body` validates a request's: 400 naming the field."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _validation_failed(exc, where) from None


def parse_query(model: type[M], request: Request) -> M:
    """Validate query-string parameters (first value of each) against `model`."""
    from pydantic import ValidationError

    params = dict(request.query_params or {})
    try:
        return model.model_validate(params)
    except ValidationError as exc:
        raise _validation_failed(exc, "Query") from None


# Model references in a RouteDoc are a pydantic model or "module:Name", so that a route module
# need not import its models (and pydantic) at cold start: the view that uses them imports them,
# and chalicelib.openapi resolves the names.
@dataclass(frozen=True)
class RouteDoc:
    """What the OpenAPI document says about one route."""

    summary: str
    responses: dict[int, type[BaseModel] | str | None] = field(default_factory=dict)
    body: type[BaseModel] | str | None = None
    query: type[BaseModel] | str | None = None
    tags: tuple[str, ...] = ()
    content_type: str = JSON_TYPE
    auth: bool = False


ROUTE_DOCS: dict[Callable[..., Any], RouteDoc] = {}
F = TypeVar("F", bound=Callable[..., Any])


def documented(doc: RouteDoc) -> Callable[[F], F]:
    """Attach OpenAPI facts to a view function (the route table stays Chalice's)."""

    def register(view: F) -> F:
        ROUTE_DOCS[view] = doc
        return view

    return register
