"""What Salesforce says about a user and their org: identity, org configuration, admin rights."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.providers.salesforce import soql
from chalicelib.providers.salesforce.client import SalesforceClient


def bad_identity(message: str) -> StratusError:
    return StratusError(ErrorCode.SALESFORCE_BAD_IDENTITY, message, 502)


def identity_ids(identity_url: str) -> tuple[str, str]:
    """(org id, user id) from a token response's identity URL (`.../id/<org>/<user>`)."""
    parts = urlsplit(identity_url).path.rstrip("/").split("/")
    if len(parts) < 3 or parts[-3] != "id":
        raise bad_identity("Salesforce identity URL is malformed.")
    return parts[-2], parts[-1]


def _records(subresponse: dict[str, Any]) -> list[dict[str, Any]]:
    if subresponse.get("httpStatusCode") != 200:
        return []
    body = subresponse.get("body") or {}
    return list(body.get("records", [])) if isinstance(body, dict) else []


def _is_admin(assignments: list[dict[str, Any]]) -> bool:
    return any(
        p.get("PermissionsModifyAllData") is True
        or p.get("PermissionsCustomizeApplication") is True
        for p in assignments
    )


def _profile_name(user: dict[str, Any], assignments: list[dict[str, Any]]) -> Any:
    profile_name = (user.get("Profile") or {}).get("Name")
    for permission_set in assignments:
        if permission_set.get("IsOwnedByProfile") and not profile_name:
            profile_name = (permission_set.get("Profile") or {}).get("Name")
    return profile_name


def org_configuration(client: SalesforceClient, user_id: str) -> dict[str, Any]:
    """Profile, permission sets and admin rights: three queries, one Composite API call."""
    who = soql.id_literal(user_id)
    replies = client.composite(
        [
            client.query_subrequest(
                "user",
                "SELECT Id, Username, Name, Email, TimeZoneSidKey, LanguageLocaleKey, "
                f"LocaleSidKey, Profile.Name FROM User WHERE Id = {who}",
            ),
            client.query_subrequest(
                "perms",
                "SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, "
                "PermissionSet.Profile.Name, PermissionSet.PermissionsModifyAllData, "
                "PermissionSet.PermissionsCustomizeApplication FROM PermissionSetAssignment "
                f"WHERE AssigneeId = {who}",
            ),
            client.query_subrequest("org", "SELECT Id, Name, IsSandbox FROM Organization"),
        ]
    )
    by_ref = {reply.get("referenceId"): reply for reply in replies}
    user = next(iter(_records(by_ref.get("user", {}))), {})
    assignments = [a.get("PermissionSet") or {} for a in _records(by_ref.get("perms", {}))]
    org = next(iter(_records(by_ref.get("org", {}))), {})
    return {
        "user": user,
        "profile_name": _profile_name(user, assignments),
        "permission_sets": sorted(
            str(p.get("Name"))
            for p in assignments
            if p.get("Name") and not p.get("IsOwnedByProfile")
        ),
        "is_admin": _is_admin(assignments),
        "org_name": org.get("Name"),
        "is_sandbox": org.get("IsSandbox"),
    }


def admin_rights(client: SalesforceClient, user_id: str) -> bool:
    """The user's admin rights as Salesforce says now (one Composite API call)."""
    return bool(org_configuration(client, user_id)["is_admin"])


def check_user(client: SalesforceClient, user_id: str) -> dict[str, Any]:
    """A live call on the user's connection: who Salesforce says they are, and API usage."""
    who = soql.id_literal(user_id)
    reply = client.query(f"SELECT Id, Name FROM User WHERE Id = {who}")
    records = reply.get("records") or [{}]
    usage = client.last_usage
    return {
        "user_id": user_id,
        "name": records[0].get("Name"),
        "api_usage": {"used": usage.used, "limit": usage.limit} if usage else None,
    }
