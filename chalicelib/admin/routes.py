"""Org administration routes (org admins only): the org's settings, its usage figures and
users as JSON (and CSV), and the dashboard page (`GET/POST /admin`) with its stylesheet."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from chalice.app import Blueprint, Response

from chalicelib import deps, outcomes
from chalicelib.csrf import FORM_TYPE
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.web import JSON_TYPE, RouteDoc, documented, parse_body, parse_query

if TYPE_CHECKING:
    from chalicelib.admin.page import Notice
    from chalicelib.admin.service import Admin
    from chalicelib.sessions import Principal

MODELS = "chalicelib.admin.models"
_ADMINS_ONLY = partial(RouteDoc, tags=("admin",), auth=True)
SHOW = _ADMINS_ONLY("The org's settings (org admins only)", {200: f"{MODELS}:OrgSettingsView"})
CHANGE = _ADMINS_ONLY(
    "Change the org's settings (org admins only); omitted settings keep their value",
    {200: f"{MODELS}:OrgSettingsView"},
    body=f"{MODELS}:OrgSettingsUpdate",
)

REPORTS = "chalicelib.admin.report_models"
USAGE = _ADMINS_ONLY(
    "The org's uses per feature per UTC day (org admins only; at most 400 days)",
    {200: f"{REPORTS}:UsageView"},
    query=f"{REPORTS}:UsageQuery",
)
USAGE_CSV = _ADMINS_ONLY(
    "The same figures as CSV: a row per day, a column per feature (org admins only)",
    {200: None},
    query=f"{REPORTS}:UsageQuery",
    content_type="text/csv",
)
USERS = _ADMINS_ONLY(
    "A page of the org's users: connections, last activity, 30 days of figures; those with a "
    "revoked connection first (org admins only)",
    {200: f"{REPORTS}:UsersView"},
    query=f"{REPORTS}:UsersQuery",
)
PAGE = RouteDoc(
    "The admin dashboard page (HTML); others get a 403 page, or a sign-in link without a session; "
    "a period other than 30 or 90 days: the page (last 30 days) saying so, 400",
    {200: None, 400: None, 401: None, 403: None},
    query=f"{REPORTS}:DashboardQuery",
    tags=("admin",),
    content_type="text/html",
)
FORM = RouteDoc(
    "The dashboard's settings form (application/x-www-form-urlencoded, with the page's "
    "csrf_token): once saved, 303 to the page (`?saved=`), which names what changed; the page "
    "again saying what was refused (400); 403 without a valid token",
    {303: None, 400: None, 401: None, 403: None},
    tags=("admin",),
    content_type="text/html",
)
ASSET = RouteDoc(
    "A static file of the dashboard, under a name holding its hash (cached for a year)",
    {200: None},
    tags=("admin",),
    content_type="text/css",
)

DELETIONS = "chalicelib.admin.deletion_models"
DELETE_ORG = _ADMINS_ONLY(
    "Delete every item of every user of the org (org admins only; `confirm`: the org's id): a "
    "background job, whose progress GET /admin/org/deletion shows; the caller's session ends "
    "with it",
    {202: f"{DELETIONS}:OrgDeletionView"},
    body=f"{DELETIONS}:OrgDeletionRequest",
)
DELETION = _ADMINS_ONLY(
    "The org deletion's progress (org admins only; 404 when none was asked)",
    {200: f"{DELETIONS}:OrgDeletionView"},
)

DELETION_STATUS = RouteDoc(
    "An org deletion's progress without a session, at the path (`status_url`) the answer that "
    'started it gave: the caller\'s session ends with the org, so this is how "done" is '
    "read (kept 30 days after the end); 404 for any other path",
    {200: f"{DELETIONS}:OrgDeletionView", 404: None},
    tags=("admin",),
)

bp = Blueprint(__name__)


@bp.route("/admin/settings", methods=["GET"])
@documented(SHOW)
def get_org_settings() -> dict[str, Any]:
    return deps.admin().settings(deps.signed_in(bp.current_request))


@bp.route("/admin/settings", methods=["PUT"])
@documented(CHANGE)
def put_org_settings() -> dict[str, Any]:
    from chalicelib.admin.models import OrgSettingsUpdate

    admin, principal = _admin()
    update = parse_body(OrgSettingsUpdate, bp.current_request)
    return admin.change_settings(principal, update.model_dump(exclude_none=True))


@bp.route("/admin/usage", methods=["GET"])
@documented(USAGE)
def get_usage() -> dict[str, Any]:
    admin, principal, first, last = _usage_period()
    return admin.usage_report(principal, first, last).as_dict()


@bp.route("/admin/usage.csv", methods=["GET"])
@documented(USAGE_CSV)
def get_usage_csv() -> Response:
    admin, principal, first, last = _usage_period()
    report = admin.usage_report(principal, first, last)
    filename = f"stratus-usage-{first.isoformat()}-{last.isoformat()}.csv"
    headers: dict[str, str | list[str]] = {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }
    return Response(body=report.csv(), status_code=200, headers=headers)


def _usage_period() -> tuple[Admin, Principal, Any, Any]:
    from chalicelib.admin.report_models import UsageQuery

    admin, principal = _admin()
    query = parse_query(UsageQuery, bp.current_request)
    first, last = admin.period(query.first, query.last)
    return admin, principal, first, last


def _admin() -> tuple[Admin, Principal]:
    """The feature and the signed-in org admin: 401 or 403 before a request is parsed (400)."""
    admin = deps.admin()
    return admin, admin.require_admin(deps.signed_in(bp.current_request))


@bp.route("/admin/users", methods=["GET"])
@documented(USERS)
def get_users() -> dict[str, Any]:
    from chalicelib.admin.report_models import UsersQuery
    from chalicelib.timefmt import rfc3339

    admin, principal = _admin()
    query = parse_query(UsersQuery, bp.current_request)
    page = admin.users(principal, query.limit, query.cursor)
    return {
        "users": [
            {
                "user_id": row.user_id,
                "name": row.name,
                "email": row.email,
                "last_active": rfc3339(row.last_active) if row.last_active else None,
                "broken": row.broken,
                "connections": row.connections,
                "calendar_sync": row.calendar_sync,
                "usage_30_days": row.usage,
            }
            for row in page.rows
        ],
        "next": page.next,
    }


# -- the dashboard page ---------------------------------------------------------------------------
@bp.route("/admin", methods=["GET"])
@documented(PAGE)
def dashboard_page() -> Response:
    from chalicelib.admin import page
    from chalicelib.admin.report_models import DashboardQuery
    from chalicelib.errors import ValidationFailed

    request = bp.current_request
    principal = _page_principal()
    if isinstance(principal, Response):
        return principal
    try:
        query = parse_query(DashboardQuery, request)
    except ValidationFailed:  # a person typed the address: the page, saying why, in words
        notice = page.Notice(
            False,
            "That period cannot be shown.",
            ("The charts cover the last 30 or 90 days: here are the last 30.",),
        )
        return _dashboard(principal, "30", notice, 400)
    return _dashboard(
        principal, query.days, _saved_notice(principal, query.saved), 200, query.users
    )


def _saved_notice(principal: Principal, saved: str | None) -> Notice | None:
    """What the page says after the form's redirect: the settings it saved, as they are now."""
    from chalicelib.admin import forms, page

    if saved is None:
        return None
    details = forms.saved_details(saved, deps.admin().settings(principal))
    if details is None:
        return None
    if not details:
        return page.Notice(True, "Nothing changed.")
    return page.Notice(True, "Settings saved.", details)


# JSON is let through to the view (as for /auth/logout), so a request without a session is
# answered 401 like everywhere rather than 415; without the form's token it changes nothing.
@bp.route("/admin", methods=["POST"], content_types=[FORM_TYPE, JSON_TYPE])
@documented(FORM)
def dashboard_form() -> Response:
    """The settings form: a redirect to the page, which says what changed; or the page again,
    saying what was wrong."""
    from urllib.parse import urlencode

    from chalicelib import csrf
    from chalicelib.admin import forms, page

    principal = _page_principal()
    if isinstance(principal, Response):
        return principal
    fields = forms.fields_of(bp.current_request.raw_body)
    days = forms.first(fields, "days") if forms.first(fields, "days") in ("30", "90") else "30"
    if not csrf.verify_key(principal.csrf_key, forms.first(fields, csrf.FORM_FIELD)):
        notice = page.Notice(False, "The form had expired: nothing was changed.", ("Try again.",))
        return _dashboard(principal, days, notice, 403)
    admin = deps.admin()
    try:
        changed = admin.submit_settings(principal, forms.submitted(fields))
    except forms.FormInvalid as exc:
        notice = page.Notice(False, "Nothing was saved.", (str(exc),))
        return _dashboard(principal, days, notice, 400)
    # POST/redirect/GET: a reload of the page that follows does not post the form again
    names = ",".join(change.setting.name for change in changed) or forms.NOTHING_SAVED
    location = "/admin?" + urlencode({"days": days, "saved": names})
    return Response(body="", status_code=303, headers={**page.headers(), "Location": location})


def _page_principal() -> Principal | Response:
    """The signed-in org admin, or the page a browser should see instead: a sign-in link
    (401) or "not allowed" (403). Other failures (503) answer JSON as everywhere."""
    from urllib.parse import urlencode

    from chalicelib.admin import page

    try:
        return deps.admin().require_admin(deps.signed_in(bp.current_request))
    except StratusError as exc:
        if exc.code == ErrorCode.UNAUTHENTICATED:
            login = "/auth/salesforce/login?" + urlencode({"return_to": "/admin"})
            return Response(page.sign_in(login), status_code=401, headers=page.headers())
        if exc.code == ErrorCode.FORBIDDEN:
            return Response(page.forbidden(), status_code=403, headers=page.headers())
        raise


def _dashboard(
    principal: Principal,
    days: str,
    notice: Notice | None = None,
    status: int = 200,
    users_cursor: str | None = None,
) -> Response:
    from datetime import timedelta

    from chalicelib import csrf
    from chalicelib.admin import page
    from chalicelib.errors import ValidationFailed

    admin = deps.admin()
    last = admin.today()
    first = last - timedelta(days=int(days) - 1)
    try:
        users = admin.users(principal, cursor=users_cursor)
    except ValidationFailed:  # an old link (another session's): the first page, saying so
        users = admin.users(principal)
        notice = page.Notice(False, "That page of users cannot be shown.", page.USERS_RESTART)
        status = 400
    html = page.dashboard(
        page.Dashboard(
            org_id=principal.org_id,
            csrf_token=csrf.issue(principal),
            settings=admin.settings(principal),
            users=users.rows,
            report=admin.usage_report(principal, first, last),
            days=days,
            notice=notice,
            users_next=users.next,
            users_later=users_cursor is not None,
        )
    )
    return Response(body=html, status_code=status, headers=page.headers())


@bp.route("/admin/assets/{name}", methods=["GET"])
@documented(ASSET)
def dashboard_asset(name: str) -> Response:
    from chalicelib.admin import assets

    return assets.FILES.response(name)


@bp.route("/admin/org", methods=["DELETE"])
@documented(DELETE_ORG)
def delete_org() -> Response:
    from chalicelib.admin.deletion_models import OrgDeletionRequest
    from chalicelib.errors import ValidationFailed

    principal = deps.admin().require_admin(deps.signed_in(bp.current_request))  # 403 before 400
    request = parse_body(OrgDeletionRequest, bp.current_request)
    if request.confirm != principal.org_id:
        raise ValidationFailed("Body field 'confirm': type your org's id to confirm.", "confirm")
    job, status_path = deps.org_deletion().request(principal.org_id)
    body: dict[str, Any] = {"job": job.view()}
    if status_path is not None:
        body["status_url"] = status_path
    return Response(body=body, status_code=202, headers={"Cache-Control": "no-store"})


@bp.route("/admin/org/deletion", methods=["GET"])
@documented(DELETION)
def get_org_deletion() -> dict[str, Any]:
    principal = deps.admin().require_admin(deps.signed_in(bp.current_request))
    return {"job": deps.org_deletion().progress(principal.org_id).view()}


@bp.route("/org-deletions/{reference}", methods=["GET"])
@documented(DELETION_STATUS)
def get_org_deletion_status(reference: str) -> Response:
    """A deletion's progress at the unguessable path its 202 answer gave (no session)."""
    job = deps.org_deletion().progress_by_status(reference)
    return Response(
        body={"job": job.view()}, status_code=200, headers={"Cache-Control": "no-store"}
    )


def handle_deletion_messages(event: Any) -> dict[str, Any]:
    """The org-deletion worker (app.py's `@app.on_sqs_message`): partial batch failures."""
    from chalicelib import metrics

    try:
        return deps.org_deletion().handle_batch([record.to_dict() for record in event])
    finally:
        metrics.flush(force=True)
        deps.usage().flush(force=True)
        outcomes.flush()  # the provider calls it made (revocations), for the status page
