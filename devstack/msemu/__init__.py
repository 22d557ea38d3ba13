"""A Microsoft identity platform (v2.0) + Graph v1.0 emulator on loopback.

emu = MicrosoftEmulator(client_id="stratus-local-ms", client_secret="local-ms-secret",
                        redirect_uris=["http://127.0.0.1:8000/connections/microsoft/callback"])
emu.start()  # emu.url serves /{tenant}/oauth2/v2.0/... and /v1.0/...
...
emu.stop()
"""

from .emulator import FAULT_KINDS, MeetingNotice, MicrosoftEmulator
from .identity import decode_jwt, pkce_s256
from .seed import DEMO_TENANT_ID, USERS, DemoMailboxes, seed_demo_mailboxes
from .server import EmulatorServer

__all__ = [
    "DEMO_TENANT_ID",
    "FAULT_KINDS",
    "USERS",
    "DemoMailboxes",
    "EmulatorServer",
    "MeetingNotice",
    "MicrosoftEmulator",
    "decode_jwt",
    "pkce_s256",
    "seed_demo_mailboxes",
]
