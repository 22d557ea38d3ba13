"""The status page, and the dashboard's "users may choose" boxes, in headless Chromium against
the local stack: /status.html loads under its CSP with no console error and passes an
accessibility check; an admin lets users choose a setting through the dashboard's form, and a
user then chooses it for themselves."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS, Visit

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOT = ARTIFACTS / "status-page.png"
CSP = "default-src 'self'; frame-ancestors 'none'"
COMPONENTS = [
    "API",
    "Database",
    "Encryption",
    "Background jobs",
    "Salesforce",
    "Google",
    "Microsoft",
    "Calendar sync",
]


def test_the_status_page_loads_under_its_policy_and_says_every_state_in_words(
    visit: Callable[[], Visit],
) -> None:
    # Given a visitor without a session
    me = visit()
    # When the status page is loaded
    response = me.page.goto(f"{me.api}/status.html")
    # Then it answers under its policy, with its own stylesheet applied
    assert response is not None and response.status == 200
    assert response.headers["content-security-policy"] == CSP
    me.page.wait_for_load_state("networkidle")
    assert me.page.locator("h1").inner_text() == "Stratus status"
    sheet = me.page.locator('link[rel="stylesheet"]').get_attribute("href") or ""
    assert re.fullmatch(r"/status/assets/status\.[0-9a-f]{16}\.css", sheet)
    assert me.page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
    # ... every component with its state in words, the same as /status says
    rows = me.page.locator("tbody tr")
    assert rows.locator("th").all_inner_texts() == COMPONENTS
    states = [s.lower() for s in rows.locator("td:nth-child(2)").all_inner_texts()]
    answer = me.page.request.get(f"{me.api}/status").json()
    assert states == [c["state"] for c in answer["components"].values()]
    assert me.console_errors == [] and me.csp_violations() == []
    ARTIFACTS.mkdir(exist_ok=True)
    me.page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 5_000


def test_the_status_page_passes_an_accessibility_check(visit: Callable[[], Visit]) -> None:
    me = visit()
    me.page.goto(f"{me.api}/status.html")
    me.page.evaluate(AXE.read_text() + "\n;0")
    results: dict[str, Any] = me.page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]
    assert violations == []
    assert "color-contrast" in {rule["id"] for rule in results["passes"]}
    levels = me.page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_an_admin_lets_users_choose_a_setting_and_a_user_chooses_it(
    visit: Callable[[], Visit],
) -> None:
    admin = visit()
    admin.sign_in("admin@acme.demo")
    box = admin.page.locator("#override-link_tracking")
    assert admin.page.locator("label[for=override-link_tracking]").inner_text() == (
        "Users may choose link tracking for themselves"
    )
    assert admin.page.locator("#override-max_attachment_mb").count() == 0
    try:
        # When the admin ticks "users may choose link tracking" and saves
        box.check()
        with admin.page.expect_navigation():
            admin.page.click("button[type=submit]")
        # Then the page says so, and it stays ticked
        notice = admin.page.locator('[role="status"]').inner_text()
        assert "User overrides: now link_tracking" in notice
        admin.page.goto(f"{admin.api}/admin")
        assert admin.page.locator("#override-link_tracking").is_checked()
        # ... and a user may now turn link tracking on for themselves
        alice = visit()
        assert alice.sign_in("alice@acme.demo").status == 403  # signed in all the same
        chosen = alice.page.request.put(
            f"{alice.api}/me/settings",
            data={"link_tracking": True},
            headers={"Origin": alice.api},  # as a page of Stratus would send it
        )
        assert chosen.status == 200, chosen.text()
        assert chosen.json()["link_tracking"]["source"] == "user"
        assert admin.console_errors == [] and admin.csp_violations() == []
    finally:  # the stack is shared by the browser tests: let users choose nothing again
        admin.page.goto(f"{admin.api}/admin")
        admin.page.locator("#override-link_tracking").uncheck()
        with admin.page.expect_navigation():
            admin.page.click("button[type=submit]")
