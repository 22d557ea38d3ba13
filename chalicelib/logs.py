"""The Powertools logger shared by the app (structured; never given secrets).

Built on first use: a cold start that logs nothing (the pixel, /health) does not pay for
importing Powertools.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aws_lambda_powertools import Logger


@lru_cache(maxsize=1)
def get_logger() -> Logger:
    from aws_lambda_powertools import Logger

    return Logger(service="stratus-api")


class _LazyLogger:
    """Forwards to the Powertools Logger, created when first used."""

    def __getattr__(self, name: str) -> Any:
        return getattr(get_logger(), name)


logger: Any = _LazyLogger()
