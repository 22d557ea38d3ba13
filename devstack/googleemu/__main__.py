"""``python -m devstack.googleemu --port 8556``: run the Google emulator standalone."""

from __future__ import annotations

import argparse
import logging
import threading

from .emulator import GoogleEmulator

log = logging.getLogger("devstack.googleemu")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.googleemu", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8556)
    parser.add_argument("--client-id", default="stratus-google-local.apps.googleusercontent.com")
    parser.add_argument("--client-secret", default="google-local-secret")
    parser.add_argument(
        "--redirect-uri",
        action="append",
        default=None,
        help="a registered redirect URI (repeatable)",
    )
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    redirects = args.redirect_uri or ["http://127.0.0.1:8000/connections/google/callback"]
    emu = GoogleEmulator(args.client_id, args.client_secret, redirects)
    emu.start(args.host, args.port)
    log.info("Google emulator ready at %s (client_id=%s)", emu.url, args.client_id)
    for email in sorted(emu.users):
        log.info("  account %s", email)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        emu.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
