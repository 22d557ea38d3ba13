"""What every benchmark shares: the Figure it reports, discovery, and fresh-interpreter timing.

Adding a benchmark: create `bench/<name>.py` with `run() -> list[Figure]` (optionally
`ORDER = <int>` to place it in the report, lower first; `TITLE` and `METHOD` texts for the
report). `run()` may also return plain dicts (`name`, `value`, `unit`, `note`, optional
`target` as an upper bound): they are read as Figures. `python -m bench` finds it, runs it,
prints its figures and writes them into docs/performance.md. Prefer ratios against a baseline
measured in the same run (machines differ; ratios travel) and counts (exact), over absolute
times.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import statistics
import subprocess
import sys
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
PACKAGE_DIR = REPO / "build" / "package"
BUNDLE = PACKAGE_DIR / "deployment.zip"
NOT_BENCHMARKS = frozenset({"core", "report"})


@dataclass(frozen=True)
class Figure:
    """One reported number.

    `target` is an upper bound (lower is better) and `how_to_read` is one sentence that tells
    a reader what the number means; `detail` carries the measurements behind a ratio.
    """

    label: str
    value: float
    unit: str  # "x" (ratio), "ms", "requests", ...
    how_to_read: str
    target: float | None = None
    detail: str = ""
    informational: bool = False

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def formatted(self) -> str:
        if self.unit == "x":
            return f"{self.value:.2f}x"
        if self.unit == "ms":
            return f"{self.value:.1f} ms"
        if float(self.value).is_integer():
            return f"{int(self.value)} {_unit(self.unit, self.value)}".rstrip()
        return f"{self.value:.2f} {self.unit}".rstrip()

    @classmethod
    def coerce(cls, figure: Figure | Mapping[str, Any]) -> Figure:
        """A Figure, or a plain mapping: label|name, value, unit, how_to_read|note, target,
        detail, informational (benchmarks written without importing bench.core)."""
        if isinstance(figure, Figure):
            return figure
        target = figure.get("target")
        return cls(
            label=str(figure.get("label", figure.get("name", "?"))),
            value=float(figure["value"]),
            unit=str(figure.get("unit", "")),
            how_to_read=str(figure.get("how_to_read", figure.get("note", ""))),
            target=None if target is None else float(target),
            detail=str(figure.get("detail", "")),
            informational=bool(figure.get("informational", target is None)),
        )

    def target_text(self) -> str:
        if self.target is None:
            return "informational" if self.informational else ""
        unit = "x" if self.unit == "x" else f" {_unit(self.unit, self.target)}".rstrip()
        return f"<= {self.target:g}{unit}"


def _unit(unit: str, value: float) -> str:
    """`requests` -> `request` for exactly 1."""
    return unit[:-1] if value == 1 and unit.endswith("s") and unit not in {"ms", "us"} else unit


@dataclass
class Benchmark:
    """A module of bench/ with `run()`; optional TITLE, METHOD (text for the report), ORDER."""

    name: str
    module: ModuleType
    order: int = 100
    title: str = ""
    method: str = ""
    _run: Callable[[], Sequence[Figure | Mapping[str, Any]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._run = self.module.run
        self.title = self.title or str(getattr(self.module, "TITLE", self.name))
        self.method = self.method or str(getattr(self.module, "METHOD", "")).strip()

    def run(self) -> list[Figure]:
        return [Figure.coerce(figure) for figure in self._run()]


def discover(only: Sequence[str] = ()) -> list[Benchmark]:
    """Every module of this package that defines `run()`, by ORDER then name."""
    import bench

    found = []
    for info in pkgutil.iter_modules(bench.__path__):
        if info.name.startswith("_") or info.name in NOT_BENCHMARKS:
            continue
        if only and info.name not in only:
            continue
        module = importlib.import_module(f"bench.{info.name}")
        if callable(getattr(module, "run", None)):
            found.append(Benchmark(info.name, module, int(getattr(module, "ORDER", 100))))
    unknown = set(only) - {b.name for b in found}
    if unknown:
        raise SystemExit(f"no benchmark named {', '.join(sorted(unknown))}")
    return sorted(found, key=lambda b: (b.order, b.name))


# -- measuring -----------------------------------------------------------------------------------


def runs(default: int) -> int:
    """How many repetitions: BENCH_RUNS overrides every benchmark's default (min 3)."""
    raw = os.environ.get("BENCH_RUNS", "").strip()
    return max(3, int(raw)) if raw else default


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


# Credentials for moto's in-process mock_aws: never a real account, never a profile or endpoint
FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_SESSION_TOKEN": "bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
}


@contextmanager
def environment(overrides: Mapping[str, str] | None = None) -> Iterator[None]:
    """This process's environment with FAKE_AWS and `overrides`, without AWS_ENDPOINT_URL or
    AWS_PROFILE (so boto3 reaches mock_aws); restored as it was on the way out. Nests."""
    saved = dict(os.environ)
    os.environ.update(FAKE_AWS)
    os.environ.update(overrides or {})
    os.environ.pop("AWS_ENDPOINT_URL", None)
    os.environ.pop("AWS_PROFILE", None)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def app_output_discarded() -> Iterator[None]:
    """What an in-process app prints on stdout (its metrics as CloudWatch EMF, one document per
    invocation) is written, as in Lambda, to a file that discards it: the report stays legible
    and the app still pays for the write."""
    with open(os.devnull, "w") as sink, redirect_stdout(sink):
        yield


def clean_env(overrides: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """A copy of this environment without what changes how Python starts, plus `overrides`
    (a None value removes the variable)."""
    drop = {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONPYCACHEPREFIX", "PYTHONINSPECT"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    for name, value in (overrides or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_measuring_child(script: str, args: Mapping[str, Any], what: str) -> dict[str, Any]:
    """Run `script` in a fresh interpreter, so that what it measures (peak memory, RSS) is its
    own and not this process's, with `args` as JSON in argv[1]; its report is the JSON object
    on its last line of output. `what` names the measurement when the child fails."""
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(args)],
        cwd=REPO,
        env=clean_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{result.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


# Runs in the fresh interpreter: `prelude` (sys.path set-up, not timed), then the timed import
# statement. Also counts the modules compiled from source during the import (0 when the
# bytecode is valid), so every measurement proves which kind of start it measured.
_IMPORT_CHILD = r"""
import importlib.machinery, json, sys, time
exec(sys.argv[1])
_compiled = []
_to_code = importlib.machinery.SourceFileLoader.source_to_code
def _spy(self, data, path, *, _optimize=-1):
    _compiled.append(path)
    return _to_code(self, data, path, _optimize=_optimize)
importlib.machinery.SourceFileLoader.source_to_code = _spy
_started = time.perf_counter()
exec(sys.argv[2])
_elapsed = time.perf_counter() - _started
print(json.dumps({"ms": _elapsed * 1000, "compiled": len(_compiled)}))
"""


@dataclass(frozen=True)
class ImportCase:
    """How to start a fresh interpreter and what it imports (the timed statement)."""

    statement: str
    cwd: Path
    env: Mapping[str, str]
    python_args: Sequence[str] = ()
    prelude: str = "pass"


@dataclass(frozen=True)
class ImportSample:
    ms: float  # the import statement, inside the child
    process_ms: float  # the whole child, start to exit, seen from here
    compiled: int  # modules compiled from source during the import


def time_import(case: ImportCase) -> ImportSample:
    import time

    argv = [sys.executable, *case.python_args, "-c", _IMPORT_CHILD, case.prelude, case.statement]
    started = time.perf_counter()
    result = subprocess.run(
        argv, cwd=case.cwd, env=dict(case.env), capture_output=True, text=True, check=False
    )
    process_ms = (time.perf_counter() - started) * 1000
    if result.returncode != 0:
        raise RuntimeError(f"{case.statement!r} failed in {case.cwd}:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return ImportSample(float(report["ms"]), process_ms, int(report["compiled"]))


K = TypeVar("K", bound=Hashable)


def alternate(cases: Mapping[K, ImportCase], repeat: int) -> dict[K, list[ImportSample]]:
    """`repeat` rounds; each round runs every case once, in turn (drift hits all alike)."""
    samples: dict[K, list[ImportSample]] = {name: [] for name in cases}
    for round_number in range(repeat):
        names = list(cases)
        if round_number % 2:  # ABC, CBA, ABC, ...: no case always runs right after another
            names.reverse()
        for name in names:
            samples[name].append(time_import(cases[name]))
    return samples


def median_ms(samples: Sequence[ImportSample]) -> float:
    return median([s.ms for s in samples])


def compiled_counts(samples: Sequence[ImportSample]) -> set[int]:
    return {s.compiled for s in samples}
