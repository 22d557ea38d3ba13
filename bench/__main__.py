"""`python -m bench`: run every benchmark of bench/, print the report, write docs/performance.md.

Options: `--only NAME ...` runs some benchmarks (and then writes nothing unless `--write`);
`--no-write` prints only; `--strict` exits with status 1 when a figure misses its target
(by default a miss is reported, in the output and the document, but the run succeeds: timing
targets are noisy on shared machines). BENCH_RUNS=<n> overrides every benchmark's repetitions.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.core import REPO, discover
from bench.report import Result, machine, markdown, text

DOC = REPO / "docs" / "performance.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME")
    parser.add_argument("--write", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--out", type=Path, default=DOC)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    write = args.write if args.write is not None else not args.only

    info = machine()
    print(f"Stratus benchmarks - {info['date']}; nproc {info['nproc']}; {info['python']}")
    started = time.perf_counter()
    results = []
    for benchmark in discover(args.only):
        print(f"... {benchmark.name}", flush=True)
        begun = time.perf_counter()
        figures = benchmark.run()
        results.append(Result(benchmark, figures, time.perf_counter() - begun))
    print(text(results))
    print(f"\n{len(results)} benchmarks in {time.perf_counter() - started:.0f} s")

    if write:
        args.out.write_text(markdown(results, info))
        shown = args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out
        print(f"wrote {shown}")
    missed = [f.label for r in results for f in r.figures if f.ok is False]
    if missed:
        print("MISSED targets: " + "; ".join(missed), file=sys.stderr)
        return 1 if args.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
