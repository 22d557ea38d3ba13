"""`GET /status` (JSON), `GET /status.html` (for people) and the page's static files: public,
no session, nothing of any user (chalicelib/status/service.py)."""

from __future__ import annotations

from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.web import RouteDoc, documented

bp = Blueprint(__name__)


@bp.route("/status", methods=["GET"])
@documented(
    RouteDoc(
        "Whether Stratus and its dependencies are up, with a figure each (public; computed at "
        "most every 30 seconds)",
        {200: "chalicelib.status.models:StatusView"},
        tags=("meta",),
    )
)
def status() -> Response:
    headers: dict[str, str | list[str]] = {"Cache-Control": "public, max-age=30"}
    body: dict[str, Any] = deps.status_page().status()
    return Response(body=body, status_code=200, headers=headers)


@bp.route("/status.html", methods=["GET"])
@documented(
    RouteDoc("The status for people (HTML)", {200: None}, tags=("meta",), content_type="text/html")
)
def status_html() -> Response:
    from chalicelib.status import page

    html = page.render(deps.status_page().status())
    return Response(body=html, status_code=200, headers=page.headers())


@bp.route("/status/assets/{name}", methods=["GET"])
@documented(
    RouteDoc(
        "A static file of the status page, under a name holding its hash (cached for a year)",
        {200: None},
        tags=("meta",),
        content_type="text/css",
    )
)
def status_asset(name: str) -> Response:
    from chalicelib.status import page

    return page.FILES.response(name)
