"""(a) Cold import of app.py from the repository, against chalice + boto3 alone."""

from __future__ import annotations

import tempfile
from dataclasses import replace

from bench.core import (
    REPO,
    Figure,
    ImportCase,
    alternate,
    clean_env,
    compiled_counts,
    median,
    median_ms,
    runs,
    time_import,
)

ORDER = 10
TITLE = "Cold start: `import app` from the repository"
METHOD = """
Each sample is a fresh interpreter (`python -c`) started from the repository root that times
one import statement inside itself (`time.perf_counter`, interpreter start-up excluded):
`import app` against the baseline `import chalice, boto3`, alternating, medians of the runs.
"Warm" means every imported module has valid cached bytecode and the OS file cache is hot:
the environment sets PYTHONDONTWRITEBYTECODE=1 and the repository keeps no `__pycache__`,
so both imports use a private `-X pycache_prefix=<tmp>` that two warm-up runs per case
(allowed to write bytecode) fill first; each measured run reports how many modules it had to
compile from source, and the benchmark fails unless that is 0.
"""


def run() -> list[Figure]:
    repeat = runs(21)
    with tempfile.TemporaryDirectory(prefix="stratus-bench-pycache-") as prefix:
        python_args = ("-X", f"pycache_prefix={prefix}")
        env = clean_env({"PYTHONDONTWRITEBYTECODE": "1"})
        cases = {
            "app": ImportCase("import app", REPO, env, python_args),
            "baseline": ImportCase("import chalice, boto3", REPO, env, python_args),
        }
        warm_env = clean_env({"PYTHONDONTWRITEBYTECODE": None})
        for _ in range(2):
            for case in cases.values():
                time_import(replace(case, env=warm_env))
        samples = alternate(cases, repeat)

    for name, taken in samples.items():
        if compiled_counts(taken) != {0}:
            raise RuntimeError(f"{name}: modules were compiled from source: not a warm start")
    app_ms = median_ms(samples["app"])
    base_ms = median_ms(samples["baseline"])
    app_process = median([s.process_ms for s in samples["app"]])
    base_process = median([s.process_ms for s in samples["baseline"]])
    return [
        Figure(
            label="import app / import chalice, boto3",
            value=app_ms / base_ms,
            unit="x",
            target=1.5,
            detail=(
                f"medians of {repeat}: app {app_ms:.1f} ms, baseline {base_ms:.1f} ms "
                f"(whole process {app_process:.0f} ms vs {base_process:.0f} ms)"
            ),
            how_to_read=(
                "What a Lambda cold start spends importing our handler, relative to the bare "
                "framework plus the AWS SDK; below 1 means routes defer pydantic, boto3 and "
                "requests to the requests that need them."
            ),
        ),
        Figure(
            label="import app (warm bytecode)",
            value=app_ms,
            unit="ms",
            informational=True,
            how_to_read="Absolute median on this machine; compare across runs only on one machine.",
        ),
        Figure(
            label="import chalice, boto3 (baseline)",
            value=base_ms,
            unit="ms",
            informational=True,
            how_to_read="The baseline's absolute median, to tell a slow machine from a slow app.",
        ),
    ]
