"""The packaged Lambda bundle (build/package, made by `make package`) is what we mean to ship.

- every module carries checked-hash bytecode for CPython 3.11 that matches its source, so a
  cold start in the read-only /var/task never compiles;
- nothing the runtime provides (boto3, botocore) or that only tooling needs is inside;
- extracted read-only, it imports and answers GET /health in a fresh interpreter whose only
  other packages are the ones the Lambda runtime provides.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from infra.package import (
    CACHE_TAG,
    FORBIDDEN_TOP_LEVEL,
    RUNTIME_PROVIDED,
    forbidden_entries,
    top_level,
)

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "build" / "package"
BUNDLE = PACKAGE / "deployment.zip"
TEMPLATE = PACKAGE / "sam.json"

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        not BUNDLE.is_file(),
        reason=f"{BUNDLE.relative_to(REPO)} is absent: run `make package` (make test does)",
    ),
]


@pytest.fixture(scope="module")
def bundle() -> Iterator[zipfile.ZipFile]:
    with zipfile.ZipFile(BUNDLE) as archive:
        yield archive


def _files(archive: zipfile.ZipFile) -> list[str]:
    return [info.filename for info in archive.infolist() if not info.is_dir()]


def _pyc_for(source: str) -> str:
    path = PurePosixPath(source)
    return str(path.parent / "__pycache__" / f"{path.stem}.{CACHE_TAG}.pyc")


def test_every_module_has_checked_hash_bytecode_matching_its_source(
    bundle: zipfile.ZipFile,
) -> None:
    names = set(_files(bundle))
    sources = sorted(n for n in names if n.endswith(".py"))
    assert len(sources) > 100, "suspiciously few modules: is this chalice's bundle?"
    problems = []
    for source in sources:
        pyc = _pyc_for(source)
        if pyc not in names:
            problems.append(f"{source}: no {pyc}")
            continue
        data = bundle.read(pyc)
        flags = int.from_bytes(data[4:8], "little")
        if data[:4] != importlib.util.MAGIC_NUMBER:
            problems.append(f"{pyc}: magic {data[:4]!r} is not CPython 3.11's")
        elif flags != 0b11:
            problems.append(f"{pyc}: flags {flags:#04b}, not checked-hash (0b11)")
        elif data[8:16] != importlib.util.source_hash(bundle.read(source)):
            problems.append(f"{pyc}: source hash does not match {source}")
    assert not problems, "\n".join(problems[:20])


def test_bytecode_is_only_for_311_and_has_its_source(bundle: zipfile.ZipFile) -> None:
    names = set(_files(bundle))
    sources = {n for n in names if n.endswith(".py")}
    expected = {_pyc_for(s) for s in sources}
    compiled = {n for n in names if n.endswith((".pyc", ".pyo")) or "/__pycache__/" in n}
    assert compiled == expected, sorted(compiled ^ expected)[:20]


def test_nothing_the_runtime_provides_or_only_tooling_needs(bundle: zipfile.ZipFile) -> None:
    names = _files(bundle)
    tops = {top_level(n) for n in names}
    assert not tops & FORBIDDEN_TOP_LEVEL, sorted(tops & FORBIDDEN_TOP_LEVEL)
    assert forbidden_entries(names) == []  # the build's own check (it refuses such a bundle)
    # chalice package vendors the runtime half of chalice only (app.py and its __init__)
    chalice_sources = {n for n in names if n.startswith("chalice/") and n.endswith(".py")}
    assert chalice_sources == {"chalice/__init__.py", "chalice/app.py"}
    assert not [n for n in names if n.startswith("chalice") and ".dist-info" in n]


def test_the_app_and_its_dependencies_are_inside(bundle: zipfile.ZipFile) -> None:
    names = set(_files(bundle))
    assert "app.py" in names
    assert "chalicelib/__init__.py" in names
    repo_modules = {
        str(p.relative_to(REPO).as_posix()) for p in (REPO / "chalicelib").rglob("*.py")
    }
    stale = sorted(repo_modules - names)
    assert not stale, f"the bundle is older than chalicelib (run `make package`): {stale[:20]}"
    tops = {top_level(n) for n in names}
    for runtime_dependency in (
        "aws_lambda_powertools",
        "pydantic",
        "pydantic_core",
        "cryptography",
    ):
        assert runtime_dependency in tops


def test_template_maps_gateway_errors_to_our_error_shape() -> None:
    template = json.loads(TEMPLATE.read_text())
    api = template["Resources"]["RestAPI"]
    body = api["Properties"]["DefinitionBody"]
    assert body["x-amazon-apigateway-binary-media-types"] == ["*/*"]  # the GIF, any Accept
    responses = body["x-amazon-apigateway-gateway-responses"]
    missing_token = responses["MISSING_AUTHENTICATION_TOKEN"]
    assert missing_token["statusCode"] == "404"
    assert json.loads(missing_token["responseTemplates"]["application/json"]) == {
        "error": {"code": "not_found", "message": "No route matches this path."}
    }
    for name in ("MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX", "DEFAULT_5XX"):
        headers = responses[name]["responseParameters"]
        assert headers["gatewayresponse.header.Strict-Transport-Security"] == (
            "'max-age=63072000; includeSubDomains'"
        )
        assert headers["gatewayresponse.header.X-Content-Type-Options"] == "'nosniff'"
        assert headers["gatewayresponse.header.Cache-Control"] == "'no-store'"
        shape = responses[name]["responseTemplates"]["application/json"]
        error = json.loads(shape.replace("$context.error.messageString", '"message"'))["error"]
        assert set(error) == {"code", "message"}
    function = template["Resources"]["APIHandler"]["Properties"]
    assert function["CodeUri"] == "./deployment.zip"
    assert function["Runtime"] == "python3.11"


# -- the bundle as Lambda runs it ----------------------------------------------------------------


def _make_read_only(root: Path) -> None:
    for path in [*root.rglob("*"), root]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _make_writable(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


@pytest.fixture(scope="module")
def task_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The bundle extracted read-only (like /var/task), and a runtime dir with boto3 & co."""
    base = tmp_path_factory.mktemp("lambda")
    task = base / "task"
    with zipfile.ZipFile(BUNDLE) as archive:
        archive.extractall(task)
    runtime = base / "runtime"
    runtime.mkdir()
    for name in RUNTIME_PROVIDED:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin, f"{name} is not installed in the venv"
        origin = Path(spec.origin)
        target = origin.parent if origin.name == "__init__.py" else origin
        (runtime / target.name).symlink_to(target)
    _make_read_only(task)
    try:
        yield task, runtime
    finally:
        _make_writable(task)


# Runs in the fresh interpreter: the bundle first on sys.path, the runtime's packages after it,
# nothing else but the standard library (-I -S). Records every module compiled from source.
_CHILD = r"""
import importlib.machinery, json, sys
task, runtime, event = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
sys.path[:0] = [task]
sys.path.append(runtime)
compiled = []
_to_code = importlib.machinery.SourceFileLoader.source_to_code
def _spy(self, data, path, *, _optimize=-1):
    compiled.append(path)
    return _to_code(self, data, path, _optimize=_optimize)
importlib.machinery.SourceFileLoader.source_to_code = _spy
import app
reply = app.app(event, None)
files = sorted({getattr(m, "__file__", None) or "" for m in list(sys.modules.values())})
print(json.dumps({"reply": reply, "compiled": compiled, "files": files}))
"""


# -I: no user site, no PYTHON* variables; -S: not the venv's site-packages; -B: root ignores
# write bits, and nothing may be written into the bundle (Lambda's /var/task is read-only)
_CHILD_ARGV = [sys.executable, "-I", "-S", "-B", "-c", _CHILD]


def _health_event() -> dict[str, Any]:
    headers = {
        "Accept": "application/json",
        "Host": "abc123.execute-api.us-east-1.amazonaws.com",
        "User-Agent": "bundle-test",
        "X-Forwarded-Proto": "https",
    }
    return {
        "resource": "/health",
        "path": "/health",
        "httpMethod": "GET",
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": "/health",
            "httpMethod": "GET",
            "path": "/api/health",
            "stage": "api",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "accountId": "123456789012",
            "apiId": "abc123",
            "protocol": "HTTP/1.1",
            "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
            "identity": {"sourceIp": "203.0.113.7", "userAgent": "bundle-test"},
        },
        "body": None,
        "isBase64Encoded": False,
    }


def _prod_environment() -> dict[str, str]:
    config = json.loads((REPO / ".chalice" / "config.json").read_text())
    env = dict(config.get("environment_variables", {}))
    env.update(config["stages"]["prod"].get("environment_variables", {}))
    return env


def test_read_only_bundle_imports_and_answers_health(task_root: tuple[Path, Path]) -> None:
    task, runtime = task_root
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "AWS_"))}
    env.update(_prod_environment())
    env.update({"AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1", "LANG": "C.UTF-8"})
    result = subprocess.run(
        [*_CHILD_ARGV, str(task), str(runtime), json.dumps(_health_event())],
        cwd=task,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    reply = report["reply"]
    assert reply["statusCode"] == 200, reply
    body = base64.b64decode(reply["body"]) if reply.get("isBase64Encoded") else reply["body"]
    assert json.loads(body)["status"] == "ok"
    headers = {k.lower(): v for k, v in reply["headers"].items()}
    assert headers["strict-transport-security"] == "max-age=63072000; includeSubDomains"
    # every module of the bundle came from its bytecode: nothing was compiled at import
    from_bundle = [p for p in report["compiled"] if p.startswith(str(task))]
    assert not from_bundle, from_bundle[:10]
    # and every module came from the bundle, the runtime's packages, or the standard library
    stdlib = (sys.base_prefix, sys.base_exec_prefix)
    allowed = (str(task), str(runtime), *stdlib)
    strays = [f for f in report["files"] if f and not f.startswith(allowed)]
    assert not strays, strays[:10]
    assert any(f.startswith(str(task / "chalicelib")) for f in report["files"])
    assert not list(task.rglob("*.pyc.*")), "something wrote into the read-only bundle"


def test_the_email_worker_reports_partial_batch_failures_on_the_stages_queue() -> None:
    template = json.loads(TEMPLATE.read_text())
    worker = template["Resources"]["EmailJobs"]["Properties"]
    (source,) = worker["Events"].values()
    assert source["Type"] == "SQS"
    assert source["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert source["Properties"]["Queue"]["Fn::Sub"].endswith(":stratus-prod-email-jobs")
    assert worker["Timeout"] == 120  # the queue's visibility timeout is 6 times this


def test_the_calendar_worker_reports_batch_failures_and_the_fan_out_runs_every_10_min() -> None:
    """Issue 12: the worker's SQS event source reports partial batch failures (a failed user is
    retried alone), and the fan-out's schedule is every 10 minutes."""
    resources = json.loads(TEMPLATE.read_text())["Resources"]
    worker = resources["CalendarSync"]["Properties"]
    (source,) = worker["Events"].values()
    assert source["Type"] == "SQS"
    assert source["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert source["Properties"]["Queue"]["Fn::Sub"].endswith(":stratus-prod-calendar-sync")
    (schedule,) = resources["CalendarFanOut"]["Properties"]["Events"].values()
    assert schedule == {"Type": "Schedule", "Properties": {"Schedule": "rate(10 minutes)"}}
