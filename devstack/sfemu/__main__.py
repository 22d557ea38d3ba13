"""``python -m devstack.sfemu --port 8555``: run the Salesforce emulator standalone."""

from __future__ import annotations

import argparse
import logging
import threading

from .emulator import Emulator
from .server import EmulatorServer

log = logging.getLogger("devstack.sfemu")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.sfemu", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8555)
    parser.add_argument("--client-id", default="stratus-local")
    parser.add_argument("--client-secret", default="local-secret")
    parser.add_argument("--no-rotation", action="store_true", help="disable refresh-token rotation")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    emu = Emulator(client_id=args.client_id, client_secret=args.client_secret)
    emu.rotate_refresh_tokens = not args.no_rotation
    server = EmulatorServer(emu, host=args.host, port=args.port).start()
    log.info("Salesforce sandbox emulator ready at %s (client_id=%s)", server.url, args.client_id)
    for alias, username in emu.demo.usernames.items():
        log.info("  user %-6s %s (%s)", alias, username, emu.demo.users[alias])
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
