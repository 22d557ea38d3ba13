"""Build the Lambda bundle and its CloudFormation (SAM) template: `python -m infra.package`.

1. `chalice package --stage prod --pkg-format cloudformation --merge-template <api-extras>`
   (chalice fetches manylinux cp311 wheels on its first run and caches the zip in
   `.chalice/deployments/`). `infra/api-extras.yaml` is the commented source of the merge
   template; it is handed to chalice as JSON, because a YAML merge template would switch
   chalice's output to YAML.
2. `deployment.zip` is rewritten with bytecode: every `.py` gets
   `__pycache__/<name>.cpython-311.pyc` in checked-hash mode (PEP 552). Lambda extracts the
   bundle read-only, so timestamp-based pycs written at build time would be fine too, but
   zip extraction does not preserve mtimes reliably; a checked-hash pyc is valid exactly when
   the source bytes match. Without any pyc, every cold start compiles the whole stack (4-5x).
   The zip is written deterministically: sorted entries, fixed timestamps, modes kept.
3. The bundle is checked: no boto3/botocore/s3transfer (the runtime provides them), no
   aws_xray_sdk (Powertools' [tracer] extra), nothing from the dev/test tool chain.

Outputs `<out>/sam.json` and `<out>/deployment.zip`. A re-run whose inputs (chalice's zip,
the merge template, this builder, the interpreter) are unchanged leaves both untouched.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import py_compile
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

REPO = Path(__file__).resolve().parent.parent
MERGE_TEMPLATE = REPO / "infra" / "api-extras.yaml"
LAMBDA_PYTHON = (3, 11)  # the function's runtime (python3.11): pycs must match its magic
CACHE_TAG = f"cpython-{LAMBDA_PYTHON[0]}{LAMBDA_PYTHON[1]}"
TASK_ROOT = "/var/task"  # where Lambda extracts the bundle: the path recorded in the pycs
FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
STAMP = ".inputs.sha256"
REST_API = "RestAPI"  # logical id of the API that chalice's SAM generator emits
GATEWAY_RESPONSES = "x-amazon-apigateway-gateway-responses"

# What the Lambda python3.11 runtime puts on sys.path besides the bundle (boto3 and its
# dependencies): the bundle tests and benchmarks give a fresh interpreter exactly these.
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "dateutil", "six", "jmespath", "urllib3")
# Top-level names that must never be in the bundle (the one list: the build refuses them, the
# bundle tests check them): provided by the Lambda runtime, pulled in by Powertools' [tracer]
# extra, or dev/test/local-stack tooling.
FORBIDDEN_TOP_LEVEL = frozenset(
    {
        "boto3",
        "botocore",
        "s3transfer",
        "aws_xray_sdk",
        "moto",
        "pytest",
        "_pytest",
        "hypothesis",
        "schemathesis",
        "cfnlint",
        "samtranslator",
        "mypy",
        "ruff",
        "werkzeug",
        "flask",
        "responses",
        "justhtml",
        "devstack",
        "tests",
        "bench",
        "infra",
    }
)
# chalice package vendors only the runtime half of chalice
CHALICE_RUNTIME = frozenset({"chalice/__init__.py", "chalice/app.py"})


class PackageError(RuntimeError):
    """The bundle or the template is not what we deploy."""


def _log(message: str) -> None:
    sys.stdout.write(f"[package] {message}\n")
    sys.stdout.flush()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _chalice_command() -> list[str]:
    beside = Path(sys.executable).parent / "chalice"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("chalice")
    if found is None:
        raise PackageError("the chalice CLI is not installed (make installs requirements-dev.txt)")
    return [found]


def run_chalice(stage: str, workdir: Path) -> Path:
    """`chalice package` into `workdir/chalice`; returns that directory."""
    merge_json = workdir / "api-extras.json"
    merge_json.write_text(json.dumps(load_merge_template(), indent=2) + "\n")
    out = workdir / "chalice"
    env = os.environ.copy()
    # chalice wants a region even though the template only uses ${AWS::Region}
    if not (env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")):
        env["AWS_DEFAULT_REGION"] = "us-east-1"
    command = [
        *_chalice_command(),
        "package",
        "--stage",
        stage,
        "--pkg-format",
        "cloudformation",
        "--merge-template",
        str(merge_json),
        str(out),
    ]
    _log(" ".join(["chalice", *command[1:]]))
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        command, cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    for line in (result.stdout + result.stderr).splitlines():
        if line.strip():
            _log(f"  chalice: {line}")
    _log(f"  chalice took {time.perf_counter() - started:.1f} s")
    if result.returncode != 0:
        raise PackageError(f"chalice package failed (exit {result.returncode})")
    for name in ("sam.json", "deployment.zip"):
        if not (out / name).is_file():
            raise PackageError(f"chalice package did not produce {name}")
    return out


def load_merge_template() -> dict[str, Any]:
    import yaml  # type: ignore[import-untyped]  # dev dependency (cfn-lint, moto), not bundled

    loaded = yaml.safe_load(MERGE_TEMPLATE.read_text())
    if not isinstance(loaded, dict):
        raise PackageError(f"{MERGE_TEMPLATE} is not a mapping")
    return loaded


def report_batch_failures(template: dict[str, Any]) -> int:
    """Make every SQS event source report partial batch failures (`ReportBatchItemFailures`:
    the worker returns `batchItemFailures`, so one failing job never runs the others again).
    Chalice's `on_sqs_message` cannot declare it (PITFALLS); the number of sources changed."""
    changed = 0
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        for event in (resource.get("Properties", {}).get("Events") or {}).values():
            if event.get("Type") == "SQS":
                event.setdefault("Properties", {})["FunctionResponseTypes"] = [
                    "ReportBatchItemFailures"
                ]
                changed += 1
    return changed


def api_name(stage: str) -> str:
    """The stage's REST API name: what infra/template.yaml's 5xx alarm watches by default."""
    return f"stratus-{stage}"


def name_api(template: dict[str, Any], stage: str) -> None:
    """Name the REST API after its stage (chalice titles every stage's API after the app, so
    two stages in one account would share API Gateway's metrics, which are per API name)."""
    api = template.get("Resources", {}).get(REST_API)
    if not api:
        raise PackageError(f"no {REST_API} in chalice's template to name")
    properties = api.setdefault("Properties", {})
    properties["Name"] = api_name(stage)
    properties.setdefault("DefinitionBody", {}).setdefault("info", {})["title"] = api_name(stage)


def check_template(template: dict[str, Any]) -> None:
    """The merge landed on the API chalice generated, and the code is the zip beside it."""
    resources = template.get("Resources", {})
    _check_api(resources)
    _check_functions(resources)


def _check_api(resources: dict[str, Any]) -> None:
    api = resources.get(REST_API)
    if not api or api.get("Type") != "AWS::Serverless::Api":
        raise PackageError(f"no AWS::Serverless::Api named {REST_API} in chalice's template")
    body = api.get("Properties", {}).get("DefinitionBody", {})
    if "paths" not in body:
        raise PackageError(
            f"{REST_API} has no routes: the merge template replaced chalice's DefinitionBody"
        )
    responses = body.get(GATEWAY_RESPONSES, {})
    missing = {"MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX", "DEFAULT_5XX"} - set(responses)
    if missing:
        raise PackageError(f"gateway responses not merged: {sorted(missing)}")
    for name, response in responses.items():
        for template_text in response.get("responseTemplates", {}).values():
            probe = template_text.replace("$context.error.messageString", '"probe"')
            try:
                json.loads(probe)
            except ValueError as exc:
                raise PackageError(f"gateway response {name}: template is not JSON") from exc


def _check_functions(resources: dict[str, Any]) -> None:
    functions = [r for r in resources.values() if r.get("Type") == "AWS::Serverless::Function"]
    if not functions:
        raise PackageError("no AWS::Serverless::Function in chalice's template")
    for function in functions:
        props = function.get("Properties", {})
        if props.get("CodeUri") != "./deployment.zip":
            raise PackageError(f"unexpected CodeUri {props.get('CodeUri')!r}")
        if props.get("Runtime") != f"python{LAMBDA_PYTHON[0]}.{LAMBDA_PYTHON[1]}":
            raise PackageError(f"runtime {props.get('Runtime')!r}: the pycs target 3.11")


def top_level(name: str) -> str:
    """The importable top-level name an entry of the bundle belongs to (`boto3` for
    `boto3-1.0.dist-info/RECORD`, `six` for `six.py`), lower case."""
    top = name.split("/", 1)[0]
    if top.endswith((".dist-info", ".data")):
        top = top.split("-", 1)[0]
    return top.removesuffix(".py").lower()


def forbidden_entries(names: list[str]) -> list[str]:
    """Entries of the bundle that must not ship (see FORBIDDEN_TOP_LEVEL), and every file of
    chalice beyond its runtime half (CHALICE_RUNTIME)."""
    bad = []
    for name in names:
        top = top_level(name)
        cli_only = (
            top == "chalice"
            and name not in CHALICE_RUNTIME
            and not _is_pyc_of(name, CHALICE_RUNTIME)
        )
        if top in FORBIDDEN_TOP_LEVEL or cli_only:
            bad.append(name)
    return bad


def _is_pyc_of(name: str, sources: frozenset[str]) -> bool:
    path = PurePosixPath(name)
    if path.parent.name != "__pycache__" or not name.endswith(".pyc"):
        return False
    stem = path.name.split(".", 1)[0]
    return str(path.parent.parent / f"{stem}.py") in sources


def _mode(info: zipfile.ZipInfo) -> int:
    mode = (info.external_attr >> 16) & 0o7777
    return mode if mode else 0o644


def compile_bundle(source_zip: Path, target_zip: Path, workdir: Path) -> dict[str, int]:
    """Extract, compile every .py (checked-hash, optimization 0), re-zip deterministically."""
    if sys.version_info[:2] != LAMBDA_PYTHON:
        raise PackageError(
            f"bytecode must be compiled by Python {LAMBDA_PYTHON[0]}.{LAMBDA_PYTHON[1]} "
            f"(the Lambda runtime), not {sys.version.split()[0]}"
        )
    tree = workdir / "bundle"
    modes, dropped = _extract(source_zip, tree)
    if dropped:
        _log(f"dropped {dropped} stale bytecode files from chalice's zip")
    _compile(tree)
    sources = [n for n in modes if n.endswith(".py")]
    missing = [n for n in sources if not (tree / _pyc_name(n)).is_file()]
    if missing:
        raise PackageError(f"no bytecode written for {len(missing)} modules, e.g. {missing[:3]}")
    for name in sources:
        modes[_pyc_name(name)] = 0o644
    _write_zip(tree, modes, target_zip)
    return {"files": len(modes), "modules": len(sources), "dropped": dropped}


def _extract(source_zip: Path, tree: Path) -> tuple[dict[str, int], int]:
    """Chalice's zip into `tree`, refusing what must not ship and dropping stale bytecode;
    returns each extracted file's mode and how many bytecode files were dropped."""
    modes: dict[str, int] = {}
    dropped = 0
    with zipfile.ZipFile(source_zip) as bundle:
        names = [i.filename for i in bundle.infolist() if not i.is_dir()]
        bad = forbidden_entries(names)
        if bad:
            shown = ", ".join(sorted({b.split("/", 1)[0] for b in bad}))
            raise PackageError(
                f"the bundle contains what must not ship: {shown} ({len(bad)} files). "
                "Check requirements.txt (no boto3, no Powertools [tracer] extra)."
            )
        for info in bundle.infolist():
            if info.is_dir():
                continue
            parts = PurePosixPath(info.filename).parts
            if "__pycache__" in parts or info.filename.endswith((".pyc", ".pyo")):
                dropped += 1  # stale bytecode from a working tree (chalicelib/__pycache__)
                continue
            if info.filename.startswith("/") or ".." in parts:
                raise PackageError(f"unsafe path in chalice's zip: {info.filename}")
            destination = tree / info.filename
            destination.parent.mkdir(parents=True, exist_ok=True)
            with bundle.open(info) as src, destination.open("wb") as dst:
                shutil.copyfileobj(src, dst)
            modes[info.filename] = _mode(info)
    return modes, dropped


def _compile(tree: Path) -> None:
    ok = compileall.compile_dir(
        str(tree),
        quiet=1,
        stripdir=str(tree),
        prependdir=TASK_ROOT,
        optimize=0,  # Lambda runs without -O: it looks for .cpython-311.pyc
        invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
        legacy=False,
        workers=0,  # one process per CPU
    )
    if not ok:
        raise PackageError("some modules of the bundle do not compile (see above)")


def _write_zip(tree: Path, modes: dict[str, int], target_zip: Path) -> None:
    """The files of `tree` named in `modes`, sorted, with fixed dates: the same input gives
    the same bytes."""
    partial = target_zip.with_name(target_zip.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as out:
        for name in sorted(modes):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3  # unix: external_attr carries the mode
            info.external_attr = (stat.S_IFREG | modes[name]) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, (tree / name).read_bytes())
    os.replace(partial, target_zip)


def _pyc_name(source: str) -> str:
    path = PurePosixPath(source)
    return str(path.parent / "__pycache__" / f"{path.stem}.{CACHE_TAG}.pyc")


def _write_if_changed(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text() == text:
        return False
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    os.replace(partial, path)
    return True


def build(out: Path, stage: str = "prod", force: bool = False) -> Path:
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    target = out / "deployment.zip"
    with tempfile.TemporaryDirectory(prefix="stratus-package-") as tmp:
        workdir = Path(tmp)
        chalice_out = run_chalice(stage, workdir)
        template = json.loads((chalice_out / "sam.json").read_text())
        if not report_batch_failures(template):
            raise PackageError("no SQS event source in chalice's template (the email worker)")
        name_api(template, stage)
        check_template(template)
        if _write_if_changed(out / "sam.json", json.dumps(template, indent=2) + "\n"):
            _log(f"wrote {out / 'sam.json'}")

        inputs = hashlib.sha256()
        for part in (
            _sha256(chalice_out / "deployment.zip"),
            _sha256(Path(__file__)),
            sys.version,
        ):
            inputs.update(part.encode() + b"\0")
        fingerprint = inputs.hexdigest()
        stamp = out / STAMP
        if (
            not force
            and target.is_file()
            and stamp.is_file()
            and stamp.read_text().strip() == f"{fingerprint} {_sha256(target)}"
        ):
            _log("deployment.zip is up to date (inputs unchanged)")
        else:
            compile_started = time.perf_counter()
            stats = compile_bundle(chalice_out / "deployment.zip", target, workdir)
            stamp.write_text(f"{fingerprint} {_sha256(target)}\n")
            elapsed = time.perf_counter() - compile_started
            _log(
                f"compiled {stats['modules']} modules (checked-hash, {CACHE_TAG}); "
                f"{stats['files']} files in the zip, in {elapsed:.1f} s"
            )
    with zipfile.ZipFile(target) as bundle:
        bad = forbidden_entries(bundle.namelist())
    if bad:
        raise PackageError(f"{target} contains {sorted({b.split('/')[0] for b in bad})}")
    size = target.stat().st_size
    _log(
        f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}: "
        f"{size / 1e6:.2f} MB ({size} bytes), in {time.perf_counter() - started:.1f} s"
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infra.package", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=REPO / "build" / "package")
    parser.add_argument("--stage", default="prod")
    parser.add_argument("--force", action="store_true", help="recompile even if unchanged")
    args = parser.parse_args(argv)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    try:
        build(out, stage=args.stage, force=args.force)
    except PackageError as exc:
        sys.stderr.write(f"[package] ERROR: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
