"""The records and offline tests' requests through the app (chalice.test.Client) and their
look-ups in the Salesforce emulator: one copy of the newcomer Dana, of the JSON headers with an
optional Idempotency-Key, and of an offline action, so the suites that prove records, replays
and the offline queue send exactly the same requests."""

from __future__ import annotations

import json
from typing import Any

from chalice.test import Client

from tests.conftest import Salesforce

ALICE = "alice@acme.demo"
NEWCOMER = "dana.whitfield@brightline-labs.example"
LEAD = {
    "first_name": "Dana",
    "last_name": "Whitfield",
    "company": "Brightline Labs",
    "email": NEWCOMER,
}
CONTACT = {"first_name": "Dana", "last_name": "Whitfield", "email": NEWCOMER}


def json_headers(token: str, key: str | None = None) -> dict[str, str]:
    """The session's bearer token as JSON, with an Idempotency-Key when the test names one."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return headers


def post_json(client: Client, token: str, path: str, body: Any, key: str | None = None) -> Any:
    return client.http.post(path, body=json.dumps(body), headers=json_headers(token, key))


def offline_action(key: str, path: str, body: dict[str, Any], **more: Any) -> dict[str, Any]:
    """One entry of a `POST /actions` batch (`more`: `depends_on` and the like)."""
    return {"key": key, "method": "POST", "path": path, "body": body, **more}


def run_actions(client: Client, token: str, *actions: dict[str, Any]) -> list[dict[str, Any]]:
    """Send one batch, which must be answered 200; the per-action results."""
    response = client.http.post(
        "/actions", body=json.dumps({"actions": list(actions)}), headers=json_headers(token)
    )
    assert response.status_code == 200, response.body
    return list(json.loads(response.body)["results"])


def error_of(response: Any) -> dict[str, Any]:
    return dict(json.loads(response.body)["error"])


def count_with_email(salesforce: Salesforce, kind: str, email: str) -> int:
    """How many records of `kind` in the emulator have `email` (Salesforce keeps its case)."""
    records = salesforce.emu.records[kind].values()
    return sum(1 for r in records if str(r.get("Email") or "").lower() == email)
