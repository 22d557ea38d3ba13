"""The admin dashboard in headless Chromium against the local stack: it loads under its CSP
with no console error, a setting changes through the form and stays changed, the CSV downloads
with the figures the stack counted, a non-admin sees 403, a visitor without a session a
sign-in link, and the page passes an accessibility check (axe-core, vendored from the npm
registry, plus asserted rules)."""

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
SCREENSHOT = ARTIFACTS / "admin-dashboard.png"
CSP = "default-src 'self'; frame-ancestors 'none'"


def test_the_dashboard_loads_with_its_stylesheet_and_no_console_or_csp_error(
    visit: Callable[[], Visit],
) -> None:
    # Given an org admin signed in through the emulator's consent page
    me = visit()
    assert me.sign_in("admin@acme.demo").status == 200
    # ... who looked up a few addresses (some twice: the cache answers)
    for address in ("hank%40example.com", "ann%40client.example", "hank%40example.com"):
        assert me.page.request.get(f"{me.api}/lookup?email={address}").status == 200
    # When the dashboard is loaded
    response = me.page.goto(f"{me.api}/admin")
    # Then the page is answered under its policy, with its stylesheet (served by Stratus)
    assert response is not None and response.status == 200
    assert response.headers["content-security-policy"] == CSP
    me.page.wait_for_load_state("networkidle")
    assert me.page.locator("h1").inner_text() == "Stratus admin"
    headings = me.page.locator("h2").all_inner_texts()
    assert headings == ["Settings", "Users", "Usage"]
    sheet = me.page.locator('link[rel="stylesheet"]').get_attribute("href") or ""
    assert re.fullmatch(r"/admin/assets/admin\.[0-9a-f]{16}\.css", sheet)
    assert me.page.evaluate("getComputedStyle(document.body).marginTop") == "0px"  # CSS applied
    # ... the users table lists the admin, and the usage charts what was counted
    assert "admin@acme.demo" in me.page.locator("section[aria-labelledby=users] table").inner_text()
    charts = me.page.locator("svg.chart > title").all_text_contents()
    assert charts[:3] == [
        "Lookups per day",
        "Lookups served from cache per day",
        "Salesforce API calls per day",
    ]
    # ... and nothing was refused or failed
    assert me.console_errors == []
    assert me.csp_violations() == []
    ARTIFACTS.mkdir(exist_ok=True)
    me.page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


def test_a_setting_changes_through_the_form_and_persists(visit: Callable[[], Visit]) -> None:
    me = visit()
    me.sign_in("admin@acme.demo")
    box = me.page.locator("#setting-email_tracking")
    assert not box.is_checked()
    # When the admin ticks email tracking and saves
    box.check()
    with me.page.expect_navigation():
        me.page.click("button[type=submit]")
    # Then the page says what changed
    notice = me.page.locator('[role="status"]').inner_text()
    assert "Settings saved." in notice and "Email tracking: now on" in notice
    # ... on a page reached by a redirect (a reload does not post the form again)
    assert "saved=email_tracking" in me.page.url
    # ... and it stays changed: on a new load of the page and in the API
    me.page.goto(f"{me.api}/admin")
    assert me.page.locator("#setting-email_tracking").is_checked()
    settings = me.page.request.get(f"{me.api}/admin/settings").json()
    assert settings["email_tracking"] is True
    assert me.console_errors == [] and me.csp_violations() == []


def test_a_refused_value_is_explained_and_nothing_is_saved(visit: Callable[[], Visit]) -> None:
    me = visit()
    me.sign_in("admin@acme.demo")
    if not me.page.locator("#setting-excluded_domains").count():
        pytest.skip("no list setting in this version of the settings table")
    me.page.fill("#setting-excluded_domains", "acme.demo\nnot a domain")
    with me.page.expect_navigation() as navigation:
        me.page.click("button[type=submit]")
    assert navigation.value.status == 400
    notice = me.page.locator('[role="status"]').inner_text()
    assert "Nothing was saved." in notice
    assert "Excluded domains, line 2: 'not a domain' is not a valid domain name." in notice
    settings = me.page.request.get(f"{me.api}/admin/settings").json()
    assert settings["excluded_domains"] == []


def test_the_csv_downloads_with_the_figures_counted(visit: Callable[[], Visit]) -> None:
    me = visit()
    me.sign_in("admin@acme.demo")
    # Given two lookups of one address (the second served from the cache)
    for _ in range(2):
        answer = me.page.request.get(f"{me.api}/lookup?email=nobody%40nowhere.example")
        assert answer.status == 200, answer.text()
    me.page.goto(f"{me.api}/admin")
    # When the admin follows the CSV link
    with me.page.expect_download() as downloading:
        me.page.click("text=Download these figures as CSV")
    download = downloading.value
    # Then a CSV of every day, today's row holding the lookups
    day = r"\d{4}-\d{2}-\d{2}"
    assert re.fullmatch(rf"stratus-usage-{day}-{day}\.csv", download.suggested_filename)
    text = Path(download.path()).read_bytes().decode("utf-8")
    rows = [line.split(",") for line in text.strip().split("\r\n")]
    header, today = rows[0], rows[-1]
    assert header[:4] == ["day", "lookups", "lookups_cached", "salesforce_api_calls"]
    assert len(rows) == 31  # the header and 30 days
    figures = dict(zip(header, today, strict=True))
    assert int(figures["lookups"]) >= 2 and int(figures["lookups_cached"]) >= 1
    # ... and the page's chart for lookups says so in words
    me.page.goto(f"{me.api}/admin")
    assert (me.page.locator("svg.chart desc").first.text_content() or "").startswith("Lookups: ")


def test_a_user_who_is_not_an_admin_sees_403(visit: Callable[[], Visit]) -> None:
    me = visit()
    response = me.sign_in("alice@acme.demo")
    assert response.status == 403
    assert "Only an administrator" in me.page.locator("main").inner_text()
    assert me.page.locator("form").count() == 0  # no settings, no figures
    # the browser reports the page's own 403 status, and nothing else
    assert [e for e in me.console_errors if "status of 403" not in e] == []
    assert me.csp_violations() == []


def test_a_visitor_without_a_session_gets_a_sign_in_link(visit: Callable[[], Visit]) -> None:
    me = visit()
    response = me.page.goto(f"{me.api}/admin")
    assert response is not None and response.status == 401
    link = me.page.get_by_role("link", name="Sign in with Salesforce")
    assert link.get_attribute("href") == "/auth/salesforce/login?return_to=%2Fadmin"
    with me.page.expect_navigation():
        link.click()
    assert "Allow Access?" in me.page.title()  # the emulator's consent page


def _axe(me: Visit) -> dict[str, Any]:
    """axe-core's wcag2a/aa results on the page as it is (evaluated through the DevTools
    protocol, which the page's CSP does not govern); asserts there is no violation."""
    me.page.evaluate(AXE.read_text() + "\n;0")
    results: dict[str, Any] = me.page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]
    assert violations == []
    return results


def test_the_page_passes_an_accessibility_check(visit: Callable[[], Visit]) -> None:
    me = visit()
    me.sign_in("admin@acme.demo")
    # Given uses to chart (whatever ran before), every chart's figures unfolded
    assert me.page.request.get(f"{me.api}/lookup?email=hank%40example.com").status == 200
    me.page.goto(f"{me.api}/admin")
    assert me.page.locator("svg.chart").count() > 0
    me.page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    assert me.page.locator("details[open] table").count() > 0
    results = _axe(me)
    assert "color-contrast" in {rule["id"] for rule in results["passes"]}
    # ... and the rules asked for, asserted directly: every field has a label
    unlabelled = me.page.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
             .filter((f) => f.labels.length === 0).map((f) => f.name)"""
    )
    assert unlabelled == []
    # ... and headings never skip a level
    levels = me.page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]))"
    )
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_the_pages_that_refuse_pass_the_accessibility_check_too(
    visit: Callable[[], Visit],
) -> None:
    me = visit()
    me.sign_in("alice@acme.demo")  # not an admin: the 403 page
    response = me.page.goto(f"{me.api}/admin")
    assert response is not None and response.status == 403
    _axe(me)
    admin = visit()
    admin.sign_in("admin@acme.demo")  # a period the page cannot show: the page saying so
    response = admin.page.goto(f"{admin.api}/admin?days=7")
    assert response is not None and response.status == 400
    _axe(admin)
