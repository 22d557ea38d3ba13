"""``python -m devstack.googleemu --port 8556``: run the Google emulator standalone."""

from __future__ import annotations

import logging

from devstack.standalone import (
    emulator_options,
    parse_and_configure_logging,
    serve_until_interrupted,
)

from .emulator import GoogleEmulator

log = logging.getLogger("devstack.googleemu")


def main(argv: list[str] | None = None) -> int:
    parser = emulator_options(
        "googleemu",
        __doc__,
        port=8556,
        client_id="stratus-google-local.apps.googleusercontent.com",
        client_secret="google-local-secret",
    )
    parser.add_argument(
        "--redirect-uri",
        action="append",
        default=None,
        help="a registered redirect URI (repeatable)",
    )
    args = parse_and_configure_logging(parser, argv)
    redirects = args.redirect_uri or ["http://127.0.0.1:8000/connections/google/callback"]
    emu = GoogleEmulator(args.client_id, args.client_secret, redirects)
    emu.start(args.host, args.port)
    log.info("Google emulator ready at %s (client_id=%s)", emu.url, args.client_id)
    for email in sorted(emu.users):
        log.info("  account %s", email)
    return serve_until_interrupted(emu.stop, log)


if __name__ == "__main__":
    raise SystemExit(main())
