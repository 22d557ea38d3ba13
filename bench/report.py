"""The report: a plain-text table for the terminal, Markdown for docs/performance.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.core import Benchmark, Figure


@dataclass
class Result:
    benchmark: Benchmark
    figures: list[Figure]
    seconds: float


def machine() -> dict[str, str]:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(cpus),
        "cpu": model or platform.processor() or "unknown",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "executable": sys.executable,
    }


def _status(figure: Figure) -> str:
    if figure.ok is None:
        return ""
    return "ok" if figure.ok else "MISSED"


def text(results: Sequence[Result]) -> str:
    lines = []
    for result in results:
        lines.append(f"\n{result.benchmark.title}  ({result.seconds:.1f} s)")
        width = max((len(f.label) for f in result.figures), default=10)
        for figure in result.figures:
            target = figure.target_text()
            lines.append(
                f"  {figure.label:<{width}}  {figure.formatted():>14}  {target:<14} "
                f"{_status(figure)}".rstrip()
            )
            if figure.detail:
                lines.append(f"  {'':<{width}}  {figure.detail}")
    return "\n".join(lines)


def markdown(results: Sequence[Result], info: dict[str, str]) -> str:
    out = [
        "# Performance",
        "",
        "Written by `make bench` (`python -m bench`, code in `bench/`): the latest figures from",
        "one run. Do not edit by hand; rerun it. Ratios compare against a baseline measured in",
        "the same run on the same machine, so they travel between machines; absolute times do",
        "not. A target is an upper bound.",
        "",
        f"- Date: {info['date']}",
        f"- Machine: `nproc` = {info['nproc']}, {info['cpu']}; {info['platform']}",
        f"- Python: {info['python']} (`{info['executable']}`)",
        "",
    ]
    for result in results:
        out += [f"## {result.benchmark.title}", ""]
        out += ["| Figure | Value | Target | Status | Measured |", "|---|---:|---|---|---|"]
        for figure in result.figures:
            cells = [
                figure.label,
                figure.formatted(),
                figure.target_text(),
                _status(figure),
                figure.detail,
            ]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out += ["", "How to read:", ""]
        out += [f"- **{figure.label}**: {figure.how_to_read}" for figure in result.figures]
        if result.benchmark.method:
            out += ["", "Method: " + " ".join(result.benchmark.method.split())]
        out.append("")
    return "\n".join(out)
