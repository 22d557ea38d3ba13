"""Google's wire shapes: JSON answers, the OAuth error body and the APIs' error body.

OAuth endpoints answer RFC 6749 errors, ``{"error": "invalid_grant", "error_description": ...}``
(https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code).
Gmail and Calendar answer ``{"error": {"code", "message", "errors": [{"domain", "reason",
"message", ...}], "status"}}`` (https://developers.google.com/calendar/api/guides/errors,
https://cloud.google.com/apis/design/errors#http_mapping for ``status``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from werkzeug.wrappers import Response

JSON_TYPE = "application/json; charset=UTF-8"

#: HTTP status -> google.rpc.Code name (https://cloud.google.com/apis/design/errors).
#: 410 has no canonical code; Calendar's documented 410 body carries none, so none is sent.
RPC_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    412: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(json.dumps(body, indent=2), status=status, content_type=JSON_TYPE)
    response.headers["Cache-Control"] = "no-cache, no-store, max-age=0, must-revalidate"
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def oauth_error(
    error: str, description: str, status: int = 400, headers: dict[str, str] | None = None
) -> Response:
    return json_response({"error": error, "error_description": description}, status, headers)


def api_error(
    code: int,
    message: str,
    reason: str,
    *,
    domain: str = "global",
    location: str | None = None,
    location_type: str | None = None,
    headers: dict[str, str] | None = None,
    details: list[dict[str, Any]] | None = None,
) -> Response:
    item: dict[str, str] = {"message": message, "domain": domain, "reason": reason}
    if location is not None:
        item["location"] = location
        item["locationType"] = location_type or "parameter"
    error: dict[str, Any] = {"code": code, "message": message, "errors": [item]}
    if code in RPC_STATUS:
        error["status"] = RPC_STATUS[code]
    if details:
        error["details"] = details
    return json_response({"error": error}, code, headers)


def unauthenticated() -> Response:
    """401 for a missing, unknown, expired or revoked access token (Calendar errors guide)."""
    return api_error(
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
        "cookie or other valid authentication credential. See "
        "https://developers.google.com/identity/sign-in/web/devconsole-project.",
        "authError",
        location="Authorization",
        location_type="header",
        headers={"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/"'},
    )


def insufficient_scope(service: str) -> Response:
    """403 for a valid token without a scope the method needs."""
    return api_error(
        403,
        "Request had insufficient authentication scopes.",
        "insufficientPermissions",
        headers={
            "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", '
            'error="insufficient_scope"'
        },
        details=[
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                "domain": "googleapis.com",
                "metadata": {"service": service},
            }
        ],
    )


def b64url(data: bytes) -> str:
    """base64url without padding, as Gmail sends message and attachment data."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
