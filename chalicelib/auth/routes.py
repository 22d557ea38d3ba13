"""Sign-in with Salesforce and sign-out."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.csrf import FORM_TYPE
from chalicelib.errors import ErrorCode, StratusError, Unavailable
from chalicelib.logs import logger
from chalicelib.settings import get_settings
from chalicelib.web import JSON_TYPE, RouteDoc, documented, parse_query

# Views import the service, models and sessions when called: a cold start serving another
# route (the pixel, /health) does not pay for pydantic, boto3 or requests.
MODELS = "chalicelib.auth.models"
_AUTH = partial(RouteDoc, tags=("auth",))
LOGIN = _AUTH(
    "Start signing in with Salesforce (302 to the Salesforce login host)",
    {302: None},
    query=f"{MODELS}:LoginQuery",
)
CALLBACK = _AUTH(
    "Salesforce's redirect back: sets the session and sends the browser on",
    {302: None},
    query=f"{MODELS}:CallbackQuery",
)
LOGOUT = _AUTH(
    "Sign out: end every session the request presents (the cookie's and the Bearer token's)",
    {204: None},
)

if TYPE_CHECKING:
    from chalicelib.auth.service import SignedIn

bp = Blueprint(__name__)
_NO_STORE = {"Cache-Control": "no-store"}


def _redirect(location: str, cookies: list[str] | str) -> Response:
    headers = {"Location": location, "Set-Cookie": cookies, **_NO_STORE}
    return Response(body="", status_code=302, headers=headers)


@bp.route("/auth/salesforce/login", methods=["GET"])
@documented(LOGIN)
def salesforce_login() -> Response:
    from chalicelib.auth.models import LoginQuery
    from chalicelib.connections.browser import binding_cookie

    query = parse_query(LoginQuery, bp.current_request)
    sign_in = deps.sign_in()
    started = sign_in.start(login=query.login, return_to=query.return_to)
    return _redirect(started.location, binding_cookie(started.browser_nonce, sign_in.redirect_uri))


@bp.route("/auth/salesforce/callback", methods=["GET"])
@documented(CALLBACK)
def salesforce_callback() -> Response:
    from chalicelib.connections.browser import cleared_binding_cookie
    from chalicelib.sessions import session_cookie

    # the browser binding is single-use too: cleared whatever the outcome, but an outage (the
    # state is kept or given back: the same callback may be tried again)
    cleared = cleared_binding_cookie(get_settings().salesforce_redirect_uri)
    try:
        signed_in = _finish_sign_in()
    except Unavailable:
        raise
    except StratusError as error:
        error.headers["Set-Cookie"] = cleared
        raise
    except Exception:
        logger.exception("sign-in failed unexpectedly")
        raise StratusError(
            ErrorCode.INTERNAL_ERROR, "An internal error occurred.", 500, {"Set-Cookie": cleared}
        ) from None
    session = session_cookie(signed_in.token, signed_in.max_age)
    return _redirect(signed_in.return_to, [session, cleared])


def _finish_sign_in() -> SignedIn:
    from chalicelib import cookies
    from chalicelib.auth.models import CallbackQuery
    from chalicelib.connections.browser import COOKIE_NAME

    request = bp.current_request
    query = parse_query(CallbackQuery, request)
    if query.error:
        raise deps.sign_in().refused(query.error, query.state)
    if not query.state or not query.code:
        raise StratusError(ErrorCode.VALIDATION_ERROR, "Both code and state are required.", 400)
    return deps.sign_in().finish(
        code=query.code,
        state=query.state,
        # the first value: a browser sends the cookie of the longest path (the callback's) first
        browser_nonce=cookies.first(request.headers, COOKIE_NAME),
    )


# a sign-out form posts urlencoded (its CSRF token in a field, chalicelib/csrf.py); no body is read
@bp.route("/auth/logout", methods=["POST"], content_types=[JSON_TYPE, FORM_TYPE])
@documented(LOGOUT)
def logout() -> Response:
    from chalicelib.sessions import cleared_cookie

    # a cross-site request never gets here with the cookie (chalicelib/csrf.py)
    deps.sessions().end_presented(bp.current_request.headers)
    return Response(body="", status_code=204, headers={"Set-Cookie": cleared_cookie(), **_NO_STORE})
