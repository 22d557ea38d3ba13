"""Mailbox connections: connect, check and disconnect Google Workspace or Microsoft 365."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.errors import ErrorCode, StratusError, Unavailable
from chalicelib.logs import logger
from chalicelib.settings import get_settings
from chalicelib.web import RouteDoc, documented, parse_query

MODELS = "chalicelib.mailboxes.models"
_CONNECTIONS = partial(RouteDoc, tags=("connections",), auth=True)
START = _CONNECTIONS(
    "Connect a mailbox: 302 to the provider (google or microsoft)",
    {302: None},
    query=f"{MODELS}:StartQuery",
)
CALLBACK = _CONNECTIONS(
    "The provider's redirect back: stores the connection and sends the browser on",
    {302: None},
    query=f"{MODELS}:CallbackQuery",
)
CHECK = _CONNECTIONS(
    "Check the mailbox connection live (one call at the provider)",
    {200: f"{MODELS}:MailboxCheck"},
)
DISCONNECT = _CONNECTIONS(
    "Disconnect the mailbox: revoke at the provider where it can be, delete the tokens",
    {204: None},
)

bp = Blueprint(__name__)
PROVIDERS = ("google", "microsoft")
_NO_STORE = {"Cache-Control": "no-store"}


def _redirect(location: str, cookie: str | None) -> Response:
    headers: dict[str, str | list[str]] = {"Location": location, **_NO_STORE}
    if cookie:
        headers["Set-Cookie"] = cookie
    return Response(body="", status_code=302, headers=headers)


@bp.route("/connections/{provider}/start", methods=["GET"])
@documented(START)
def start(provider: str) -> Response:
    from chalicelib.connections.browser import binding_cookie
    from chalicelib.mailboxes.models import StartQuery

    request = bp.current_request
    principal = deps.signed_in(request)
    query = parse_query(StartQuery, request)
    mailboxes = deps.mailboxes()
    started = mailboxes.start(principal, provider, query.return_to)
    cookie = binding_cookie(started.browser_nonce, mailboxes.redirect_uri(provider))
    return _redirect(started.location, cookie)


@bp.route("/connections/{provider}/callback", methods=["GET"])
@documented(CALLBACK)
def callback(provider: str) -> Response:
    from chalicelib.connections.browser import cleared_binding_cookie

    # the browser binding is single-use: cleared whatever the outcome, but an outage (only
    # for a provider we know: the path segment never reaches a header otherwise)
    redirect_uri = get_settings().connection_redirect_uri(provider)
    cleared = cleared_binding_cookie(redirect_uri) if provider in PROVIDERS else None
    try:
        return_to = _finish(provider)
    except Unavailable:
        raise
    except StratusError as error:
        if cleared:
            error.headers["Set-Cookie"] = cleared
        raise
    except Exception:
        logger.exception("connecting a mailbox failed unexpectedly")
        headers = {"Set-Cookie": cleared} if cleared else {}
        raise StratusError(
            ErrorCode.INTERNAL_ERROR, "An internal error occurred.", 500, headers
        ) from None
    return _redirect(return_to, cleared)  # cleared: _finish refuses an unknown provider


def _finish(provider: str) -> str:
    from chalicelib import cookies
    from chalicelib.connections.browser import COOKIE_NAME
    from chalicelib.mailboxes.models import CallbackQuery

    request = bp.current_request
    principal = deps.signed_in(request)
    query = parse_query(CallbackQuery, request)
    mailboxes = deps.mailboxes()
    if query.error:
        raise mailboxes.refused(provider, query.error, query.state)
    if not query.state or not query.code:
        raise StratusError(ErrorCode.VALIDATION_ERROR, "Both code and state are required.", 400)
    return mailboxes.finish(
        principal,
        provider,
        code=query.code,
        state=query.state,
        browser_nonce=cookies.first(request.headers, COOKIE_NAME),
    )


@bp.route("/connections/{provider}", methods=["GET"])
@documented(CHECK)
def check(provider: str) -> dict[str, Any]:
    return deps.mailboxes().check(deps.signed_in(bp.current_request), provider)


@bp.route("/connections/{provider}", methods=["DELETE"])
@documented(DISCONNECT)
def disconnect(provider: str) -> Response:
    deps.mailboxes().disconnect(deps.signed_in(bp.current_request), provider)
    return Response(body="", status_code=204, headers={**_NO_STORE})
