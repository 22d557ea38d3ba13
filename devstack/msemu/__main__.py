"""``python -m devstack.msemu --port 8556``: run the Microsoft emulator standalone."""

from __future__ import annotations

import logging

from devstack.standalone import (
    emulator_options,
    parse_and_configure_logging,
    serve_until_interrupted,
)

from .emulator import MicrosoftEmulator
from .seed import DEMO_TENANT_ID

log = logging.getLogger("devstack.msemu")


def main(argv: list[str] | None = None) -> int:
    parser = emulator_options(
        "msemu",
        __doc__,
        port=8556,
        client_id="stratus-local-ms",
        client_secret="local-ms-secret",
    )
    parser.add_argument(
        "--redirect-uri",
        action="append",
        default=None,
        help="registered redirect URI (repeatable)",
    )
    parser.add_argument("--tenant", default=DEMO_TENANT_ID)
    args = parse_and_configure_logging(parser, argv)
    redirects = args.redirect_uri or ["http://127.0.0.1:8000/connections/microsoft/callback"]
    emu = MicrosoftEmulator(args.client_id, args.client_secret, redirects, args.tenant)
    emu.start(args.host, args.port)
    log.info("Microsoft emulator ready at %s (client_id=%s)", emu.url, args.client_id)
    for alias, user_id in emu.demo.users.items():
        log.info("  user %-6s %s (%s)", alias, emu.data[user_id].email, user_id)
    return serve_until_interrupted(emu.stop, log)


if __name__ == "__main__":
    raise SystemExit(main())
