"""The one backoff rule: capped exponential delays, optionally jittered.

Attempt 1 waits `base`, each further attempt twice as long, never more than `cap`; `jitter`
takes up to that share off at random, so retrying clients spread out instead of colliding
again (AWS Architecture Blog, "Exponential Backoff And Jitter").
"""

from __future__ import annotations

import random


def delay(attempt: int, *, base: float, cap: float, jitter: float = 0.0) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...)."""
    if attempt < 1:
        raise ValueError("attempts are counted from 1")
    ceiling = min(base * 2.0 ** (attempt - 1), cap)
    if not jitter:
        return ceiling
    return ceiling * random.uniform(1.0 - jitter, 1.0)  # noqa: S311 - jitter, not a secret
