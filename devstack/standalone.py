"""What every bundled emulator's ``python -m devstack.<name>`` shares: its options, its log
format, and serving until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import threading
from collections.abc import Callable


def emulator_options(
    name: str, description: str | None, *, port: int, client_id: str, client_secret: str
) -> argparse.ArgumentParser:
    """The options each emulator takes when run alone (where to listen, the app registration
    it accepts, the log level); an emulator adds its own before parsing."""
    parser = argparse.ArgumentParser(prog=f"python -m devstack.{name}", description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--client-id", default=client_id)
    parser.add_argument("--client-secret", default=client_secret)
    parser.add_argument("--log-level", default="INFO")
    return parser


def parse_and_configure_logging(
    parser: argparse.ArgumentParser, argv: list[str] | None
) -> argparse.Namespace:
    """Parse the command line and log at its `--log-level`, in the one format all share."""
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return args


def serve_until_interrupted(stop: Callable[[], None], log: logging.Logger) -> int:
    """Keep the process up (the server runs in its own thread) until Ctrl-C, then `stop` it;
    the exit status of the command."""
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        stop()
    return 0
