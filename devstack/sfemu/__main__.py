"""``python -m devstack.sfemu --port 8555``: run the Salesforce emulator standalone."""

from __future__ import annotations

import logging

from devstack.standalone import (
    emulator_options,
    parse_and_configure_logging,
    serve_until_interrupted,
)

from .emulator import Emulator
from .server import EmulatorServer

log = logging.getLogger("devstack.sfemu")


def main(argv: list[str] | None = None) -> int:
    parser = emulator_options(
        "sfemu",
        __doc__,
        port=8555,
        client_id="stratus-local",
        client_secret="local-secret",
    )
    parser.add_argument("--no-rotation", action="store_true", help="disable refresh-token rotation")
    args = parse_and_configure_logging(parser, argv)
    emu = Emulator(client_id=args.client_id, client_secret=args.client_secret)
    emu.rotate_refresh_tokens = not args.no_rotation
    server = EmulatorServer(emu, host=args.host, port=args.port).start()
    log.info("Salesforce sandbox emulator ready at %s (client_id=%s)", server.url, args.client_id)
    for alias, username in emu.demo.usernames.items():
        log.info("  user %-6s %s (%s)", alias, username, emu.demo.users[alias])
    return serve_until_interrupted(server.stop, log)


if __name__ == "__main__":
    raise SystemExit(main())
