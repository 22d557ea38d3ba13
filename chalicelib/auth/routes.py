"""Sign-in with Salesforce, the signed-in user (/me), sign-out and account deletion."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chalice.app import Blueprint, Response

from chalicelib import deps
from chalicelib.errors import StratusError
from chalicelib.logs import logger
from chalicelib.settings import get_settings
from chalicelib.web import RouteDoc, documented, parse_query

# Views import the service, models and sessions when called: a cold start serving another
# route (the pixel, /health) does not pay for pydantic, boto3 or requests.
MODELS = "chalicelib.auth.models"

if TYPE_CHECKING:
    from chalicelib.auth.service import SignedIn

bp = Blueprint(__name__)
_NO_STORE = {"Cache-Control": "no-store"}


def _redirect(location: str, extra: dict[str, str | list[str]] | None = None) -> Response:
    return Response(
        body="", status_code=302, headers={"Location": location, **_NO_STORE, **(extra or {})}
    )


@bp.route("/auth/salesforce/login", methods=["GET"])
@documented(
    RouteDoc(
        summary="Start signing in with Salesforce (302 to the Salesforce login host)",
        query=f"{MODELS}:LoginQuery",
        responses={302: None},
        tags=("auth",),
    )
)
def salesforce_login() -> Response:
    from chalicelib.auth import service
    from chalicelib.auth.browser import binding_cookie
    from chalicelib.auth.models import LoginQuery

    query = parse_query(LoginQuery, bp.current_request)
    started = service.start_login(
        deps.store(),
        deps.envelope(),
        get_settings(),
        deps.clock(),
        login=query.login,
        return_to=query.return_to,
    )
    return _redirect(
        started.location,
        {
            "Set-Cookie": binding_cookie(
                started.browser_nonce, get_settings().salesforce_redirect_uri
            )
        },
    )


@bp.route("/auth/salesforce/callback", methods=["GET"])
@documented(
    RouteDoc(
        summary="Salesforce's redirect back: sets the session and sends the browser on",
        query=f"{MODELS}:CallbackQuery",
        responses={302: None},
        tags=("auth",),
    )
)
def salesforce_callback() -> Response:
    from chalicelib.auth.browser import cleared_binding_cookie
    from chalicelib.sessions import session_cookie

    # the browser binding is single-use too: cleared whatever the outcome
    try:
        signed_in = _finish_sign_in()
    except StratusError as error:
        error.headers["Set-Cookie"] = cleared_binding_cookie(get_settings().salesforce_redirect_uri)
        raise
    except Exception:
        logger.exception("sign-in failed unexpectedly")
        raise StratusError(
            "internal_error",
            "An internal error occurred.",
            500,
            {"Set-Cookie": cleared_binding_cookie(get_settings().salesforce_redirect_uri)},
        ) from None
    max_age = deps.sessions().ttl_seconds
    cookies = [
        session_cookie(signed_in.token, max_age),
        cleared_binding_cookie(get_settings().salesforce_redirect_uri),
    ]
    return _redirect(signed_in.return_to, {"Set-Cookie": cookies})


def _finish_sign_in() -> SignedIn:
    from chalicelib.auth import service
    from chalicelib.auth.browser import COOKIE_NAME
    from chalicelib.auth.models import CallbackQuery
    from chalicelib.sessions import cookie_value

    request = bp.current_request
    query = parse_query(CallbackQuery, request)
    store = deps.store()
    if query.error:
        if query.state:  # the state is spent either way
            service.spend_state(store, query.state)
        code = "consent_denied" if query.error == "access_denied" else "salesforce_login_failed"
        raise StratusError(
            code,
            f"Salesforce sign-in did not complete: consent was not given ({query.error}).",
            400,
        )
    if not query.state or not query.code:
        raise StratusError("validation_error", "Both code and state are required.", 400)
    return service.finish_login(
        store,
        deps.envelope(),
        deps.vault(),
        deps.sessions(),
        get_settings(),
        deps.clock(),
        code=query.code,
        state=query.state,
        browser_nonce=cookie_value(request.headers, COOKIE_NAME),
    )


@bp.route("/me", methods=["GET"])
@documented(
    RouteDoc(
        summary="The signed-in user, org and connections",
        responses={200: f"{MODELS}:Me"},
        auth=True,
    )
)
def me() -> dict[str, Any]:
    from chalicelib.auth import service
    from chalicelib.sessions import authenticate

    principal = authenticate(bp.current_request)
    return service.describe_me(deps.store(), deps.vault(), principal)


@bp.route("/me/salesforce", methods=["GET"])
@documented(
    RouteDoc(
        summary="Check the Salesforce connection live (one API call)",
        responses={200: f"{MODELS}:SalesforceCheck"},
        auth=True,
    )
)
def me_salesforce() -> dict[str, Any]:
    from chalicelib.auth import service
    from chalicelib.sessions import authenticate

    principal = authenticate(bp.current_request)
    return service.check_salesforce(deps.vault(), principal)


@bp.route("/auth/logout", methods=["POST"])
@documented(RouteDoc(summary="Sign out: delete the session", responses={204: None}, tags=("auth",)))
def logout() -> Response:
    from chalicelib.sessions import cleared_cookie, token_from_headers

    deps.sessions().delete(token_from_headers(bp.current_request.headers))
    return Response(body="", status_code=204, headers={"Set-Cookie": cleared_cookie(), **_NO_STORE})


@bp.route("/me", methods=["DELETE"])
@documented(
    RouteDoc(
        summary="Delete the account: revoke at Salesforce and delete every stored item",
        responses={200: f"{MODELS}:Deleted"},
        auth=True,
    )
)
def delete_me() -> Response:
    from chalicelib.auth import service
    from chalicelib.sessions import authenticate, cleared_cookie

    principal = authenticate(bp.current_request)
    result = service.delete_account(deps.store(), deps.vault(), get_settings(), principal)
    return Response(
        body=result, status_code=200, headers={"Set-Cookie": cleared_cookie(), **_NO_STORE}
    )
