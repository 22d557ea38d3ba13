"""A Google emulator speaking Google's wire protocol on loopback: OAuth 2.0 for web server apps
(authorize with PKCE and granular consent, token, revoke, userinfo), Gmail v1 message reads
with attachments and Calendar v3 events with sync tokens, for the demo org's users, with call
counters and fault knobs.

    emu = GoogleEmulator(client_id, client_secret, redirect_uris=[callback]).start()
    ...  # GOOGLE_ACCOUNTS_URL = GOOGLE_OAUTH_URL = GOOGLE_API_URL = emu.url
    emu.stop()

Consent: an authorize request whose ``login_hint`` names a seeded account (or, without one,
the account given to ``emu.sign_in(email)``) is answered at once, as that user clicking
"Continue"; ``emu.set_consent(email, untick=["gmail.readonly"])`` leaves scopes out of the
grant (granular consent), ``emu.set_consent(email, deny=True)`` answers
``error=access_denied``. With neither, the emulator shows an HTML account chooser and scope
checkboxes (for the browser in ``make run``).

Faults: ``emu.inject_fault(kind, count, target="api"|"oauth"|"any")`` with kind
"server_error", "unavailable", "rate_limit" (429 + Retry-After: ``emu.retry_after``; None
sends none, as Google's 429s often do) or
"stall" (``emu.fault_delay`` seconds); ``emu.expire_access_tokens()``,
``emu.revoke_user_grant(email)``, ``emu.expire_sync_tokens(email)``, ``emu.sync_token_ttl``.

Counters: ``emu.counters.calls[endpoint]`` (every request, e.g. "gmail.messages.get",
"calendar.events.list", "oauth.token"), ``emu.counters.calls_by_user[email][endpoint]``
(authenticated API calls and token grants), ``emu.counters.token_refreshes[email]``,
``emu.counters.revocations[email]``, ``emu.notifications`` (calendar writes and whom they would
mail), ``emu.issued_tokens(email)`` (every access and refresh token issued); ``emu.stats()``,
``emu.reset_counters()``, ``emu.reset()``. The same controls over HTTP:
``GET /_emulator/stats``, ``POST /_emulator/{reset,faults,expire-tokens,revoke-user,
expire-sync-tokens,consent,sign-in}`` with a JSON body.

Run it alone with ``python -m devstack.googleemu --port 8556``.
"""

from .emulator import (
    CALENDAR_EVENTS,
    FAULT_KINDS,
    GMAIL_READONLY,
    USERINFO_EMAIL,
    GoogleEmulator,
    GoogleUser,
    Notification,
    encode_jwt,
)
from .seed import (
    BIG_ATTACHMENT_NAME,
    BIG_ATTACHMENT_SIZE,
    DRIVE_LINK,
    INLINE_CID,
    MAIL_KINDS,
    DemoMail,
    seed_demo_users,
)
from .wire import b64url, b64url_decode

__all__ = [
    "BIG_ATTACHMENT_NAME",
    "BIG_ATTACHMENT_SIZE",
    "CALENDAR_EVENTS",
    "DRIVE_LINK",
    "FAULT_KINDS",
    "GMAIL_READONLY",
    "INLINE_CID",
    "MAIL_KINDS",
    "USERINFO_EMAIL",
    "DemoMail",
    "GoogleEmulator",
    "GoogleUser",
    "Notification",
    "b64url",
    "b64url_decode",
    "encode_jwt",
    "seed_demo_users",
]
