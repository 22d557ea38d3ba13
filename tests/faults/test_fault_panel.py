"""The fault panel itself (devstack/faults.py): a stopped moto refuses and cuts, a restarted
one has every item, KMS goes away alone, bad requests to the panel are refused, and the panel
needs the embedded moto."""

from __future__ import annotations

import threading

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import BotoCoreError

from devstack.faults import Injected
from devstack.stack import LocalStack, StackError
from tests.e2e.conftest import free_port, runner_env, wait_until
from tests.faults import invariants
from tests.faults.drill import Drill
from tests.faults.routes import Shared

pytestmark = pytest.mark.faults


def test_moto_restart_keeps_the_table_and_the_key(drill: Drill, shared: Shared) -> None:
    """A stopped moto refuses connections, and the restarted one (same port) has every item:
    the existing session and the sealed connection still work."""
    before = invariants.keys_of(drill.items())
    drill.panel_post("aws/stop")
    with pytest.raises(requests.ConnectionError):
        drill.http.get(drill.moto, timeout=2)
    drill.panel_post("aws/start")
    assert invariants.keys_of(drill.items()) == before
    me = drill.call("GET", "/me", shared.admin)
    assert me.status_code == 200, me.text
    assert me.json()["connections"]["salesforce"]["status"] == "active"


def test_stopping_moto_cuts_kept_alive_connections(drill: Drill) -> None:
    """As a dying server does: a pooled connection of the app must not keep working."""
    with requests.Session() as pooled:
        pooled.trust_env = False
        assert pooled.get(f"{drill.moto}/moto-api/", timeout=5).status_code < 500
        drill.panel_post("aws/stop")
        try:
            with pytest.raises(requests.ConnectionError):
                pooled.get(f"{drill.moto}/moto-api/", timeout=5)
        finally:
            drill.panel_post("aws/start")


def test_kms_endpoint_taken_away_leaves_dynamodb_serving(drill: Drill) -> None:
    kms = drill.http.get(drill.panel, timeout=5).json()["kms"]["url"]
    drill.panel_post("kms/stop")
    with pytest.raises(requests.ConnectionError):
        drill.http.get(kms, timeout=2)
    assert drill.items()  # DynamoDB on moto's main endpoint still answers


@pytest.mark.parametrize(
    "payload",
    [
        {"service": "dynamodb", "kind": "explode"},
        {"service": "", "kind": "throttle"},
        {"service": "kms", "kind": "stall", "count": 0},
    ],
)
def test_the_panel_refuses_a_fault_it_does_not_know(
    drill: Drill, payload: dict[str, object]
) -> None:
    reply = drill.http.post(f"{drill.panel}/inject", json=payload, timeout=5)
    assert reply.status_code == 400, reply.text
    assert drill.http.get(drill.panel, timeout=5).json()["injected"] == []


def test_an_injected_fault_hits_only_its_service_and_operations() -> None:
    fault = Injected.from_json(
        {"service": "DynamoDB", "kind": "error", "operations": ["PutItem"], "count": 2}
    )
    assert fault.matches("dynamodb", "PutItem")
    assert not fault.matches("dynamodb", "GetItem")
    assert not fault.matches("kms", "PutItem")
    fault.hits = 2
    assert fault.spent


def test_faults_need_the_embedded_moto() -> None:
    port = free_port()
    env = runner_env(port, 0, DEVSTACK_FAULTS="1", AWS_ENDPOINT_URL="http://127.0.0.1:9")
    with pytest.raises(StackError, match="DEVSTACK_FAULTS needs the embedded moto"):
        LocalStack(port=port, env=env).start()


def test_lifting_a_stall_cuts_the_stalled_request_so_nothing_lands_late(drill: Drill) -> None:
    client = boto3.client(
        "dynamodb",
        endpoint_url=drill.moto,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=Config(retries={"total_max_attempts": 1}, read_timeout=60),
    )
    key = {"pk": {"S": "DRILL#stalled"}, "sk": {"S": "X"}}
    outcome: list[Exception | None] = []

    def put() -> None:
        try:
            client.put_item(TableName="stratus-local", Item=key)
            outcome.append(None)
        except Exception as exc:  # the outcome is what the test asserts
            outcome.append(exc)

    drill.panel_post("inject", service="dynamodb", kind="stall", seconds=30)
    writer = threading.Thread(target=put)
    writer.start()
    assert wait_until(
        lambda: drill.http.get(drill.panel, timeout=5).json()["injected"][0]["hits"] == 1, 10
    )
    drill.panel_post("reset")
    writer.join(timeout=10)
    assert outcome and isinstance(outcome[0], BotoCoreError), outcome
    assert ("DRILL#stalled", "X") not in invariants.keys_of(drill.items())
