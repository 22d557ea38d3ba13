"""The faults tier: one local stack with the fault panel (`DEVSTACK_FAULTS=1 python -m devstack`,
as a subprocess like `make run`) shared by every test of tests/faults, stopped after them.

Its settings make faults show quickly and every dependency visible: no data key is cached
(`STRATUS_DATA_KEY_MAX_AGE_SECONDS=0`: each seal or open calls KMS), Salesforce calls time out
after 1 s. After each test the panel and the emulator are reset, whatever the test did.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Runner, launched
from tests.faults.drill import Drill
from tests.faults.routes import Shared, prepare_message

FAULT_STACK_ENV = {
    "DEVSTACK_FAULTS": "1",
    "STRATUS_DATA_KEY_MAX_AGE_SECONDS": "0",
    "SALESFORCE_TIMEOUT_SECONDS": "1",
}


@pytest.fixture(scope="package")
def fault_runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    log = tmp_path_factory.mktemp("faults") / "runner.log"
    with launched(log, extra_env=FAULT_STACK_ENV) as runner:
        runner.wait_healthy()
        yield runner


@pytest.fixture(scope="package")
def drill(fault_runner: Runner) -> Iterator[Drill]:
    drill = Drill(fault_runner)
    yield drill
    drill.http.close()


@pytest.fixture(scope="package")
def shared(drill: Drill) -> Shared:
    """The org admin signed in, tracking on, one message prepared (pixel and link)."""
    admin = drill.sign_in("admin@acme.demo")
    on = {"email_tracking": True, "link_tracking": True}
    reply = drill.call("PUT", "/admin/settings", admin, json=on)
    assert reply.status_code == 200, reply.text
    message_id, pixel, click = prepare_message(drill, admin)
    return Shared(admin, message_id, pixel, click)


@pytest.fixture(autouse=True)
def _healthy_after(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every fault is lifted after each test that used the stack, even a failed one."""
    yield
    if "drill" in request.fixturenames:
        drill: Drill = request.getfixturevalue("drill")
        drill.panel_post("reset")
        drill.emulator_post("reset")
