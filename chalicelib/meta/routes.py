"""The OpenAPI document, and the fallback that turns unknown routes into 404 JSON.

Chalice local and API Gateway answer an unknown path with 403 "Missing Authentication
Token". The fallback routes (one per path depth) make every unknown path a 404 in our error
shape; deeper paths are mapped by the gateway response in the packaged template.
"""

from __future__ import annotations

from typing import Any

from chalice.app import Blueprint

from chalicelib.errors import NotFound
from chalicelib.settings import get_settings
from chalicelib.web import RouteDoc, documented, json_response

bp = Blueprint(__name__)
FALLBACK_DEPTH = 8
FALLBACK_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]


class OpenAPIDocument(dict[str, Any]):
    """Marker type for the documentation only."""


@bp.route("/openapi.json", methods=["GET"])
@documented(
    RouteDoc(summary="This API's OpenAPI 3.1 document", responses={200: None}, tags=("meta",))
)
def openapi_document() -> Any:
    from chalicelib.openapi import build_openapi

    doc = build_openapi(bp.current_app.routes, get_settings().version)
    return json_response(doc, headers={"Cache-Control": "public, max-age=300"})


def _unknown_route(**_: str) -> None:
    request = bp.current_request
    path = str((request.context or {}).get("path") or request.path)
    raise NotFound(f"No route matches {request.method} {path}.")


for depth in range(1, FALLBACK_DEPTH + 1):
    fallback_path = "/" + "/".join(f"{{p{i}}}" for i in range(1, depth + 1))
    bp.route(fallback_path, methods=FALLBACK_METHODS, name=f"unknown_route_{depth}")(_unknown_route)
