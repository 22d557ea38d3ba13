"""(b) Cold import of app.py from the packaged bundle, read-only, as Lambda runs it."""

from __future__ import annotations

import importlib.util
import json
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from bench.core import (
    BUNDLE,
    REPO,
    Figure,
    ImportCase,
    alternate,
    clean_env,
    compiled_counts,
    median_ms,
    runs,
    time_import,
)
from infra.package import RUNTIME_PROVIDED

ORDER = 20
TITLE = "Cold start: `import app` from the Lambda bundle (build/package/deployment.zip)"
METHOD = """
The bundle is extracted twice and made read-only (`chmod -R a-w`, like /var/task; with
`-B` and PYTHONDONTWRITEBYTECODE=1 because root ignores write bits): once as shipped (with
the checked-hash `.pyc` files `infra.package` adds) and once with every `__pycache__` removed
(what `chalice package` alone ships). Two imports are measured: `import app` (the handler,
as a cold start loads it) and `import app` plus every module of `chalicelib` (what the
routes load lazily on first use: pydantic models, store, envelope, providers). Each sample
is a fresh `python -I -S` whose `sys.path` is the bundle, then a directory holding only
what the Lambda runtime provides (boto3, botocore, s3transfer, dateutil, six, jmespath,
urllib3; with their bytecode, as in the runtime), then the standard library. The baseline
imports the same read-only files with warm bytecode from a private `-X pycache_prefix`
(filled by warm-up runs). All six cases alternate; medians. Every measured run counts the
modules compiled from source: 0 is required except without .pyc.
"""

# `full` is every module of chalicelib besides app.py: what the routes load on first use
# (pydantic models, the store, the envelope, providers), i.e. a container that has served
# every route once.
STATEMENTS = {
    "app": "import app",
    "full": (
        "import app, chalicelib, importlib, pkgutil\n"
        "for module in pkgutil.walk_packages(chalicelib.__path__, 'chalicelib.'):\n"
        "    importlib.import_module(module.name)"
    ),
}


def _extract(target: Path, *, with_bytecode: bool) -> None:
    with zipfile.ZipFile(BUNDLE) as bundle:
        for info in bundle.infolist():
            if not with_bytecode and "__pycache__" in PurePosixPath(info.filename).parts:
                continue
            bundle.extract(info, target)


def _runtime_dir(target: Path) -> None:
    target.mkdir()
    for name in RUNTIME_PROVIDED:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin:
            raise RuntimeError(f"{name} is not installed in this venv")
        origin = Path(spec.origin)
        if origin.name == "__init__.py":  # a package: its __pycache__ comes along
            (target / origin.parent.name).symlink_to(origin.parent)
            continue
        (target / origin.name).symlink_to(origin)  # a module (six.py): link its bytecode too
        cached = Path(importlib.util.cache_from_source(str(origin)))
        if cached.is_file():
            (target / "__pycache__").mkdir(exist_ok=True)
            (target / "__pycache__" / cached.name).symlink_to(cached)


def _set_writable(root: Path, writable: bool) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        mode = (
            mode | stat.S_IWUSR
            if writable
            else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        )
        path.chmod(mode)


def _prod_env() -> dict[str, str | None]:
    config = json.loads((REPO / ".chalice" / "config.json").read_text())
    env: dict[str, str | None] = dict(config.get("environment_variables", {}))
    env.update(config["stages"]["prod"].get("environment_variables", {}))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run() -> list[Figure]:
    if not BUNDLE.is_file():
        raise RuntimeError(f"{BUNDLE} is absent: run `make package` first")
    repeat = runs(15)
    with tempfile.TemporaryDirectory(prefix="stratus-bench-bundle-") as tmp:
        base = Path(tmp)
        shipped, stripped, runtime = base / "task", base / "task-stripped", base / "runtime"
        _extract(shipped, with_bytecode=True)
        _extract(stripped, with_bytecode=False)
        _runtime_dir(runtime)
        prefix = base / "pycache"
        prefix.mkdir()
        _set_writable(shipped, False)
        _set_writable(stripped, False)
        try:
            env = clean_env(_prod_env())

            def case(statement: str, task: Path, *extra: str) -> ImportCase:
                prelude = (
                    f"import sys; sys.path[:0] = [{str(task)!r}]; sys.path.append({str(runtime)!r})"
                )
                return ImportCase(statement, task, env, ("-I", "-S", *extra), prelude)

            cache = ("-X", f"pycache_prefix={prefix}")
            cases = {}
            for what, statement in STATEMENTS.items():
                cases[(what, "shipped")] = case(statement, shipped, "-B")
                cases[(what, "warm")] = case(statement, shipped, "-B", *cache)
                cases[(what, "stripped")] = case(statement, stripped, "-B")
            # warm-up: fill the baseline's bytecode cache (no -B), heat the OS file cache
            for _ in range(2):
                time_import(case(STATEMENTS["full"], shipped, *cache))
            for warm_up in cases.values():
                time_import(warm_up)
            samples = alternate(cases, repeat)
        finally:
            _set_writable(shipped, True)
            _set_writable(stripped, True)

    for key, taken in samples.items():
        if key[1] != "stripped" and compiled_counts(taken) != {0}:
            raise RuntimeError(f"{key}: modules were compiled from source during the import")
    ms = {key: median_ms(taken) for key, taken in samples.items()}
    figures = []
    for what, label in (("app", "import app"), ("full", "import app + all of chalicelib")):
        shipped_ms, warm_ms = ms[(what, "shipped")], ms[(what, "warm")]
        stripped_ms = ms[(what, "stripped")]
        compiled = max(compiled_counts(samples[(what, "stripped")]))
        figures += [
            Figure(
                label=f"{label}: bundle read-only, shipped .pyc / warm bytecode",
                value=shipped_ms / warm_ms,
                unit="x",
                target=1.5,
                detail=f"medians of {repeat}: {shipped_ms:.1f} ms vs {warm_ms:.1f} ms",
                how_to_read=(
                    "The bytecode we ship against ideal cached bytecode for the same files; "
                    "about 1 means a Lambda cold start never compiles (a checked-hash .pyc "
                    "only costs hashing its source)."
                ),
            ),
            Figure(
                label=f"{label}: bundle without .pyc (chalice alone) / warm bytecode",
                value=stripped_ms / warm_ms,
                unit="x",
                informational=True,
                detail=f"median {stripped_ms:.1f} ms; {compiled} modules compiled per start",
                how_to_read=(
                    "For contrast: what a cold start pays when the bundle carries no bytecode, "
                    "as `chalice package` builds it; it grows with what the import loads."
                ),
            ),
        ]
    return figures
