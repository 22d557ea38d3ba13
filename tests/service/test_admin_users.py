"""The org's users a page at a time (`GET /admin/users`, the dashboard's users table): users
with a revoked connection first across pages, a cursor good for its own session only, a bounded
`limit`, and reads that do not grow with the org."""

from __future__ import annotations

import base64
import json
import re
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from chalice.test import Client

from chalicelib.store.connections import ConnectionItems
from chalicelib.store.profiles import ProfileItems
from devstack.awscalls import AwsCallCounter
from tests.conftest import SignIn

USERS = ["admin@acme.demo", "alice@acme.demo", "bob@acme.demo", "casey@acme.demo"]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _me(client: Client, token: str) -> tuple[str, str]:
    me = json.loads(client.http.get("/me", headers=_bearer(token)).body)
    return str(me["org"]["id"]), str(me["user"]["id"])


def _revoke(org_id: str, user_id: str, provider: str = "salesforce") -> None:
    """Mark the user's connection revoked as a refused refresh does (vault._revoked)."""
    from chalicelib import deps

    items = ConnectionItems(deps.store())
    record = items.get(org_id, user_id, provider)
    assert record is not None and items.mark_revoked(record, 1_800_000_000)


def _add_members(org_id: str, count: int) -> None:
    """`count` more users of the org, as their sign-in writes their profile."""
    from chalicelib import deps

    profiles = ProfileItems(deps.store())
    for i in range(count):
        fields = {"name": f"Member {i:03d}", "email": f"member{i:03d}@acme.demo"}
        profiles.put(org_id, f"005M{i:014d}", fields, 1_800_000_000)


def _pages(client: Client, token: str, limit: int) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = []
    query = f"?limit={limit}"
    while True:
        response = client.http.get(f"/admin/users{query}", headers=_bearer(token))
        assert response.status_code == 200, response.body
        pages.append(json.loads(response.body))
        if pages[-1]["next"] is None:
            return pages
        assert len(pages) < 20, "the list never ends"
        query = f"?limit={limit}&cursor={pages[-1]['next']}"


def test_a_larger_org_is_listed_page_by_page_with_broken_connections_first(
    client: Client, sign_in: SignIn
) -> None:
    # Given four users, two of whose Salesforce connections were revoked (bob, casey)
    tokens = {email: sign_in(email) for email in USERS}
    org_id, bob = _me(client, tokens["bob@acme.demo"])
    _, casey = _me(client, tokens["casey@acme.demo"])
    _revoke(org_id, casey)
    _revoke(org_id, bob)
    # When the admin lists them one page of 1 at a time
    pages = _pages(client, tokens["admin@acme.demo"], limit=1)
    # Then every user comes exactly once, the broken ones first (by name), on pages of 1
    listed = [user for page in pages for user in page["users"]]
    emails = [user["email"] for user in listed]
    assert sorted(emails) == USERS
    assert emails[:2] == ["bob@acme.demo", "casey@acme.demo"]
    assert [user["broken"] for user in listed] == [True, True, False, False]
    assert all(len(page["users"]) <= 1 for page in pages)
    # ... and one page large enough holds them all, the broken ones first
    whole = _pages(client, tokens["admin@acme.demo"], limit=10)
    assert len(whole) == 1
    assert [u["email"] for u in whole[0]["users"]] == [
        "bob@acme.demo",
        "casey@acme.demo",
        "admin@acme.demo",
        "alice@acme.demo",
    ]


def test_a_user_with_several_revoked_connections_is_listed_once(
    client: Client, sign_in: SignIn
) -> None:
    from chalicelib import deps

    tokens = {email: sign_in(email) for email in USERS[:3]}
    org_id, bob = _me(client, tokens["bob@acme.demo"])
    # Given bob's Salesforce and Google connections were both revoked
    items = ConnectionItems(deps.store())
    items.put(org_id, bob, "google", b"sealed", {}, 1_800_000_000)
    _revoke(org_id, bob, "google")
    _revoke(org_id, bob)
    # When the admin lists the users a page of 1 at a time (the index holds bob twice)
    pages = _pages(client, tokens["admin@acme.demo"], limit=1)
    # Then bob is listed once, first
    emails = [u["email"] for page in pages for u in page["users"]]
    assert emails == ["bob@acme.demo", "admin@acme.demo", "alice@acme.demo"]


def test_a_reconnected_user_is_no_longer_listed_first(client: Client, sign_in: SignIn) -> None:
    tokens = {email: sign_in(email) for email in USERS[:3]}
    org_id, bob = _me(client, tokens["bob@acme.demo"])
    _revoke(org_id, bob)
    # When bob signs in again (his connection is stored whole, active)
    sign_in("bob@acme.demo")
    # Then he is listed among the others, by name
    (page,) = _pages(client, tokens["admin@acme.demo"], limit=10)
    assert [u["email"] for u in page["users"]] == USERS[:3]
    assert not any(u["broken"] for u in page["users"])


def test_a_page_reads_the_same_whatever_the_size_of_the_org(
    client: Client, sign_in: SignIn, aws_calls: AwsCallCounter
) -> None:
    from chalicelib import deps

    admin = sign_in("admin@acme.demo")
    org_id, _ = _me(client, admin)
    aws_calls.attach(deps.dynamodb_client())
    counts = []
    for more in (30, 90):  # Given an org of 31, then of 121 users
        _add_members(org_id, more)
        client.http.get("/admin/users?limit=10", headers=_bearer(admin))  # warm the caches
        aws_calls.reset()
        # When the admin reads its first page of 10
        response = client.http.get("/admin/users?limit=10", headers=_bearer(admin))
        assert len(json.loads(response.body)["users"]) == 10
        counts.append(dict(aws_calls.calls))
    # Then the page made the same requests both times: no scan, two index queries at most
    assert counts[0] == counts[1]
    assert "dynamodb.Scan" not in counts[0] and counts[0]["dynamodb.Query"] <= 2


def test_a_cursor_works_only_for_the_session_it_was_given_to(
    client: Client, sign_in: SignIn
) -> None:
    admin = sign_in("admin@acme.demo")
    for email in USERS[1:]:
        sign_in(email)
    first = json.loads(client.http.get("/admin/users?limit=1", headers=_bearer(admin)).body)
    cursor = first["next"]
    assert cursor
    payload, mac = cursor.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    forged = json.dumps({**decoded, "a": None, "p": "members"}, separators=(",", ":"))
    forged_payload = base64.urlsafe_b64encode(forged.encode()).decode().rstrip("=")
    refused = {
        "another session's": (sign_in("admin@acme.demo"), cursor),
        "altered": (admin, f"{forged_payload}.{mac}"),
        "unsigned": (admin, payload),
        "truncated": (admin, cursor[:-3]),
        "not base64": (admin, "***.***"),
    }
    for why, (token, bad) in refused.items():
        response = client.http.get(f"/admin/users?cursor={bad}", headers=_bearer(token))
        assert response.status_code == 400, why
        assert json.loads(response.body)["error"]["code"] == "validation_error", why
    # ... while the session's own cursor goes on
    ok = client.http.get(f"/admin/users?limit=1&cursor={cursor}", headers=_bearer(admin))
    assert ok.status_code == 200


@pytest.mark.parametrize("limit", ["0", "51", "-1", "ten", "2.5"])
def test_a_limit_out_of_bounds_is_a_400(client: Client, sign_in: SignIn, limit: str) -> None:
    admin = sign_in("admin@acme.demo")
    response = client.http.get(f"/admin/users?limit={limit}", headers=_bearer(admin))
    assert response.status_code == 400
    assert "limit" in json.loads(response.body)["error"]["message"]


def test_the_dashboard_pages_its_users_table(client: Client, sign_in: SignIn) -> None:
    from chalicelib.admin.service import USERS_PAGE

    admin = sign_in("admin@acme.demo")
    bob = sign_in("bob@acme.demo")
    org_id, bob_id = _me(client, bob)
    _revoke(org_id, bob_id)
    _add_members(org_id, USERS_PAGE)  # Given more users than one page of the table
    cookie = {"Cookie": f"__Host-stratus_session={admin}"}
    # When the admin opens the page
    html = bytes(client.http.get("/admin", headers=cookie).body).decode()
    # Then the table shows a page, bob (broken) first, and links to the next page
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>([^<]*)</td>', html)
    # (at most a page: the members part leaves out bob, whom the broken part listed)
    assert USERS_PAGE - 1 <= len(rows) <= USERS_PAGE and rows[0][1] == "bob@acme.demo"
    link = re.search(r'<a href="(/admin\?[^"]+)" rel="next">Next users</a>', html)
    assert link, html
    # When they follow it, the rest are listed, with a link back to the first page
    following = unquote(link.group(1).replace("&amp;", "&"))
    assert parse_qs(urlsplit(following).query)["days"] == ["30"]
    html2 = bytes(client.http.get(following.split("#")[0], headers=cookie).body).decode()
    rows2 = re.findall(r'<tr><th scope="row">([^<]+)</th><td>([^<]*)</td>', html2)
    everyone = {email for _, email in rows + rows2}
    assert len(rows) + len(rows2) == len(everyone) == USERS_PAGE + 2
    assert "First users</a>" in html2 and "Next users" not in html2
    # ... and another session's link answers the first page, saying so
    other = {"Cookie": f"__Host-stratus_session={sign_in('admin@acme.demo')}"}
    refused = client.http.get(following.split("#")[0], headers=other)
    assert refused.status_code == 400
    assert "That page of users cannot be shown." in bytes(refused.body).decode()
