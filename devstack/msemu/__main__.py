"""``python -m devstack.msemu --port 8556``: run the Microsoft emulator standalone."""

from __future__ import annotations

import argparse
import logging
import threading

from .emulator import MicrosoftEmulator
from .seed import DEMO_TENANT_ID

log = logging.getLogger("devstack.msemu")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.msemu", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8556)
    parser.add_argument("--client-id", default="stratus-local-ms")
    parser.add_argument("--client-secret", default="local-ms-secret")
    parser.add_argument(
        "--redirect-uri",
        action="append",
        default=None,
        help="registered redirect URI (repeatable)",
    )
    parser.add_argument("--tenant", default=DEMO_TENANT_ID)
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    redirects = args.redirect_uri or ["http://127.0.0.1:8000/connections/microsoft/callback"]
    emu = MicrosoftEmulator(args.client_id, args.client_secret, redirects, args.tenant)
    emu.start(args.host, args.port)
    log.info("Microsoft emulator ready at %s (client_id=%s)", emu.url, args.client_id)
    for alias, user_id in emu.demo.users.items():
        log.info("  user %-6s %s (%s)", alias, emu.data[user_id].email, user_id)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        emu.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
