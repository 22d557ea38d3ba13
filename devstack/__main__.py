"""`python -m devstack` (what `make run` executes): serve the API on the embedded local stack.

Ctrl-C or SIGTERM stops chalice local, the Salesforce emulator and moto, then exits 0; if
chalice local dies on its own, everything stops and its exit code is ours. A signal that
arrives while the stack is still starting cancels the start at its next safe point (see
LocalStack.cancel) instead of interrupting whatever line happens to run.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

from devstack.stack import LocalStack, StackCancelled, StackError


class _Stop(BaseException):
    """Raised in the main thread by SIGINT/SIGTERM once the stack runs (not caught as Exception)."""


def main() -> int:
    raw_port = os.environ.get("PORT", "").strip() or "8000"
    if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
        print(f"devstack: PORT must be a port number, not {raw_port!r}.", file=sys.stderr)
        return 2
    stack = LocalStack(port=int(raw_port))
    received: list[str] = []
    running = False

    def on_signal(signum: int, frame: FrameType | None) -> None:
        received.append(signal.Signals(signum).name)
        stack.cancel.set()  # while starting: stop at the next safe point
        if running:
            raise _Stop(received[-1])

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    try:
        print(f"devstack: starting the local stack for {stack.api_url} ...", flush=True)
        stack.start()
        running = True
        if stack.cancel.is_set():  # a signal between the end of start() and `running`
            raise _Stop(received[-1])
        print(stack.banner(), flush=True)
        code = stack.wait()
        print(f"devstack: chalice local exited with code {code}; stopping.", flush=True)
        return code
    except StackError as exc:
        print(f"devstack: {exc}", file=sys.stderr, flush=True)
        return exc.exit_code
    except (_Stop, StackCancelled):
        print(f"devstack: {received[-1]} received, stopping.", flush=True)
        return 0
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_IGN)  # let the clean-up finish
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
