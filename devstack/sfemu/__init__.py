"""A Salesforce sandbox emulator speaking Salesforce's wire protocol on loopback.

OAuth 2.0 web-server flow with PKCE and refresh-token rotation, revoke, userinfo and the identity
URL, and the REST data API Stratus uses (SOQL query, Composite, sObject CRUD, limits), with
per-user permissions and sharing, API call counting and fault injection.

    emu = Emulator(client_id="stratus-local", client_secret="local-secret")
    with EmulatorServer(emu, port=0) as server:
        ...  # point the app at server.url
"""

from .emulator import CALL_KINDS, FAULT_KINDS, UPLOAD_FAULT_KINDS, Emulator
from .ids import canonical_id, is_valid_id, to18
from .org import ApiError, StoredBlob
from .rules import KEEP_BYTES_UP_TO
from .schema import EMAIL_STATUSES
from .seed import (
    DUPLICATE_CONTACT_EMAIL,
    SEEDED_MAIL_CONTACT_EMAIL,
    SHARED_CONTACT_LEAD_EMAIL,
    DemoOrg,
    seed_demo_org,
)
from .server import EmulatorServer
from .soql import SoqlError, soql_like_quote, soql_quote

__all__ = [
    "CALL_KINDS",
    "DUPLICATE_CONTACT_EMAIL",
    "EMAIL_STATUSES",
    "FAULT_KINDS",
    "KEEP_BYTES_UP_TO",
    "SEEDED_MAIL_CONTACT_EMAIL",
    "SHARED_CONTACT_LEAD_EMAIL",
    "UPLOAD_FAULT_KINDS",
    "ApiError",
    "DemoOrg",
    "Emulator",
    "EmulatorServer",
    "SoqlError",
    "StoredBlob",
    "canonical_id",
    "is_valid_id",
    "seed_demo_org",
    "soql_like_quote",
    "soql_quote",
    "to18",
]
