"""Benchmarks (`make bench` = `python -m bench`): ratios against same-run baselines, and counts.

Each module here that defines `run() -> list[Figure]` is a benchmark (see bench/core.py).
"""

from bench.core import Figure

__all__ = ["Figure"]
