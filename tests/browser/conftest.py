"""Fixtures for the browser tests: the local stack (`python -m devstack`, as `make run` starts it:
moto, the Salesforce emulator, `chalice local`) and Debian's Chromium driven by Playwright.

No browser is downloaded (no `playwright install`): Playwright launches the system Chromium
(`make test` installs the `chromium` package when /usr/bin/chromium is missing). Screenshots go
to tests/browser/artifacts/ (git-ignored), kept after the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.e2e.conftest import Runner, launched

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
#: Recorded in every page before its own code runs (an init script is not subject to the
#: page's CSP): each Content-Security-Policy violation the page causes.
_WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    """One local stack for a module's tests (each test signs in a fresh browser context)."""
    log = tmp_path_factory.mktemp("devstack") / "runner.log"
    with launched(log) as runner:
        runner.wait_healthy()
        yield runner


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A browser context (its own cookies) and a page, with what the page reported."""

    context: Any
    page: Any
    api: str
    console_errors: list[str] = field(default_factory=list)

    def console_error(self, kind: str, text: str, location: dict[str, Any]) -> None:
        """Errors of Stratus's pages (the emulator's consent page is not under test)."""
        url = str(location.get("url") or "")
        if kind == "error" and (url.startswith(self.api) or not url):
            self.console_errors.append(f"{text} ({url})")

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__cspViolations || []"))

    def sign_in(self, username: str) -> Any:
        """Sign in through the emulator's consent page, as a person would; lands on /admin."""
        query = urlencode({"return_to": "/admin"})
        self.page.goto(f"{self.api}/auth/salesforce/login?{query}")
        self.page.check(f'input[name="username"][value="{username}"]')
        with self.page.expect_navigation(url=f"{self.api}/admin") as navigation:
            self.page.click('button[value="allow"]')
        return navigation.value


@pytest.fixture
def visit(browser: Any, stack: Runner) -> Iterator[Callable[[], Visit]]:
    """visit() -> a fresh Visit of the stack (closed after the test)."""
    contexts: list[Any] = []

    def start() -> Visit:
        viewport = {"width": 1280, "height": 900}
        context = browser.new_context(accept_downloads=True, viewport=viewport)
        context.add_init_script(_WATCH_CSP)
        contexts.append(context)
        page = context.new_page()
        found = Visit(context, page, stack.api)
        page.on("console", lambda m: found.console_error(m.type, m.text, m.location))
        page.on("pageerror", lambda e: found.console_errors.append(str(e)))
        return found

    yield start
    for context in contexts:
        context.close()
