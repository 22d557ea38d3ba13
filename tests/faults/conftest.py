"""The faults tier: one local stack with the fault panel (`DEVSTACK_FAULTS=1 python -m devstack`,
as a subprocess like `make run`) shared by every test of tests/faults, stopped after them.

Its settings make faults show quickly and every dependency visible: no data key is cached
(`STRATUS_DATA_KEY_MAX_AGE_SECONDS=0`: each seal or open calls KMS), Salesforce calls time out
after 1 s. Background work ends within the drill that started it: the worker sees a failed
message again after 3 s (not the queue's 720 s), an org deletion does not wait 15 minutes to
settle, and the calendar-sync schedule fans out once, at start (a drill that turns sync on runs
it itself). Throwaway orgs (each its own Salesforce emulator, allowed to sign in) are there for
the drills that delete an org. After each test the panel and the emulator are reset, whatever
the test did.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Runner, launched
from tests.faults.drill import Drill
from tests.faults.routes import Shared, SpareOrg, prepare_message

FAULT_STACK_ENV = {
    "DEVSTACK_FAULTS": "1",
    "STRATUS_DATA_KEY_MAX_AGE_SECONDS": "0",
    "SALESFORCE_TIMEOUT_SECONDS": "1",
    "DEVSTACK_WORKER_VISIBILITY_SECONDS": "3",
    "ORG_DELETION_SETTLE_SECONDS": "0",
    "CALENDAR_SYNC_LOCAL_INTERVAL": "86400",
}
#: DELETE /admin/org and GET /org-deletions/{reference}, each under two faults
SPARE_ORGS = 4


@pytest.fixture(scope="package")
def spare_orgs() -> Iterator[list[SpareOrg]]:
    """Salesforce orgs besides the demo org, one emulator each on loopback, for drills that
    delete an org: never the org the other drills use."""
    from devstack.sfemu import Emulator, EmulatorServer
    from devstack.stack import EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET

    servers = []
    try:
        for n in range(SPARE_ORGS):
            emulator = Emulator(
                EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET, id_start=3_000_017 + 1_009 * n
            )
            server = EmulatorServer(emulator, host="127.0.0.1", port=0)
            server.start()
            servers.append(server)
        yield [SpareOrg(s.url.split("://", 1)[1], s.emulator.org.org_id) for s in servers]
    finally:
        for server in servers:
            server.stop()


@pytest.fixture(scope="package")
def fault_runner(
    tmp_path_factory: pytest.TempPathFactory, spare_orgs: list[SpareOrg]
) -> Iterator[Runner]:
    from devstack.sfemu import Emulator

    demo_org = Emulator().org.org_id  # the stack's own emulator: the same deterministic seed
    orgs = [demo_org, *(org.org_id for org in spare_orgs)]
    assert len(set(orgs)) == len(orgs), orgs
    env = {
        **FAULT_STACK_ENV,
        "ALLOWED_SALESFORCE_ORGS": ",".join(orgs),
        "SALESFORCE_EXTRA_LOGIN_HOSTS": ",".join(org.login for org in spare_orgs),
    }
    log = tmp_path_factory.mktemp("faults") / "runner.log"
    with launched(log, extra_env=env) as runner:
        runner.wait_healthy()
        yield runner


@pytest.fixture(scope="package")
def drill(fault_runner: Runner) -> Iterator[Drill]:
    drill = Drill(fault_runner)
    yield drill
    drill.http.close()


@pytest.fixture(scope="package")
def shared(drill: Drill, spare_orgs: list[SpareOrg]) -> Shared:
    """The org admin signed in, tracking on, one message prepared (pixel and link); the
    throwaway orgs."""
    admin = drill.sign_in("admin@acme.demo")
    on = {"email_tracking": True, "link_tracking": True}
    reply = drill.call("PUT", "/admin/settings", admin, json=on)
    assert reply.status_code == 200, reply.text
    message_id, pixel, click = prepare_message(drill, admin)
    return Shared(admin, message_id, pixel, click, list(spare_orgs))


@pytest.fixture(autouse=True)
def _healthy_after(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every fault is lifted after each test that used the stack, even a failed one."""
    yield
    if "drill" in request.fixturenames:
        drill: Drill = request.getfixturevalue("drill")
        drill.panel_post("reset")
        drill.emulator_post("reset")
