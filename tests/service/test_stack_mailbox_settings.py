"""`make run` honours every Google/Microsoft variable that is set and fills the rest with the
bundled emulators (devstack/stack.py `LocalStack._start_mailboxes`; issue 10, Configuration)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devstack.stack import LocalStack


@pytest.fixture
def stacks() -> Iterator[list[LocalStack]]:
    made: list[LocalStack] = []
    yield made
    for stack in made:
        for emulator in (stack.google, stack.microsoft):
            if emulator is not None:
                emulator.stop()


def _started(stacks: list[LocalStack], env: dict[str, str]) -> LocalStack:
    stack = LocalStack(port=8123, env=env)
    stacks.append(stack)
    stack._start_mailboxes()
    return stack


def test_unset_providers_get_the_bundled_emulators_and_set_urls_are_kept(
    stacks: list[LocalStack],
) -> None:
    stack = _started(
        stacks,
        {"GOOGLE_API_URL": "http://127.0.0.1:9/gmail", "MICROSOFT_TENANT": "contoso.example"},
    )
    assert stack.google is not None and stack.microsoft is not None
    env = stack.child_env
    assert env["GOOGLE_API_URL"] == "http://127.0.0.1:9/gmail"  # the user's
    assert env["GOOGLE_ACCOUNTS_URL"] == env["GOOGLE_OAUTH_URL"] == stack.google.url
    assert env["GOOGLE_CLIENT_ID"] and env["GOOGLE_CLIENT_SECRET"]
    assert env["MICROSOFT_TENANT"] == "contoso.example"
    assert env["MICROSOFT_LOGIN_URL"] == env["MICROSOFT_GRAPH_URL"] == stack.microsoft.url
    assert stack.google.redirect_uris == {"http://127.0.0.1:8123/connections/google/callback"}


def test_a_provider_configured_by_the_user_gets_no_emulator_and_an_empty_id_is_not_offered(
    stacks: list[LocalStack],
) -> None:
    stack = _started(
        stacks, {"GOOGLE_CLIENT_ID": "mine.apps.googleusercontent.com", "MICROSOFT_CLIENT_ID": ""}
    )
    assert stack.google is None and stack.microsoft is None
    # nothing overridden: the child inherits the user's own variables (LocalStack._start_chalice)
    assert not any(k.startswith(("GOOGLE_", "MICROSOFT_")) for k in stack.child_env)
    banner = "\n".join(stack._mailbox_banner())
    assert "configured by GOOGLE_CLIENT_ID" in banner
    assert "not offered (MICROSOFT_CLIENT_ID is empty)" in banner
