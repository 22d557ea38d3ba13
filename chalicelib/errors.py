"""Domain errors: values with a code and an HTTP status; one handler turns them into JSON."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from chalice.app import ChaliceUnhandledError


class ErrorCode(StrEnum):
    """Every error code the API answers (the OpenAPI `Error` schema lists them)."""

    ACCOUNT_NOT_FOUND = "account_not_found"
    BAD_REQUEST = "bad_request"
    BUSY = "busy"
    CALENDAR_SYNC_DISABLED = "calendar_sync_disabled"
    CONFIGURATION_UNAVAILABLE = "configuration_unavailable"
    CONNECTION_REQUIRED = "connection_required"
    CONSENT_DENIED = "consent_denied"
    CSRF_REJECTED = "csrf_rejected"
    DEPENDENCY_FAILED = "dependency_failed"
    DUPLICATES_DETECTED = "duplicates_detected"
    ENCRYPTION_UNAVAILABLE = "encryption_unavailable"
    FORBIDDEN = "forbidden"
    GOOGLE_BUSY = "google_busy"
    GOOGLE_CODE_REJECTED = "google_code_rejected"
    GOOGLE_NO_REFRESH_TOKEN = "google_no_refresh_token"  # noqa: S105 - a code
    GOOGLE_REAUTH_REQUIRED = "google_reauth_required"
    GOOGLE_UNAVAILABLE = "google_unavailable"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL_ERROR = "internal_error"
    INVALID_HTML = "invalid_html"
    INVALID_STATE = "invalid_state"
    JOB_STALLED = "job_stalled"
    LOGIN_HOST_NOT_ALLOWED = "login_host_not_allowed"
    MESSAGE_NOT_FOUND = "message_not_found"
    MESSAGE_TOO_LARGE = "message_too_large"
    MESSAGE_UNREADABLE = "message_unreadable"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    MICROSOFT_BUSY = "microsoft_busy"
    MICROSOFT_CODE_REJECTED = "microsoft_code_rejected"
    MICROSOFT_NO_REFRESH_TOKEN = "microsoft_no_refresh_token"  # noqa: S105 - a code
    MICROSOFT_REAUTH_REQUIRED = "microsoft_reauth_required"
    MICROSOFT_UNAVAILABLE = "microsoft_unavailable"
    NOT_FOUND = "not_found"
    NOT_RUN = "not_run"  # an offline action left for the next batch (time ran short)
    ORG_BEING_DELETED = "org_being_deleted"
    ORG_NOT_ALLOWED = "org_not_allowed"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROVIDER_NOT_CONFIGURED = "provider_not_configured"
    QUEUE_UNAVAILABLE = "queue_unavailable"
    RECORD_OUTCOME_AMBIGUOUS = "record_outcome_ambiguous"  # a lost insert: which record is it?
    REQUEST_IN_PROGRESS = "request_in_progress"
    SALESFORCE_ACCESS_DENIED = "salesforce_access_denied"
    SALESFORCE_BAD_IDENTITY = "salesforce_bad_identity"
    SALESFORCE_BAD_INSTANCE = "salesforce_bad_instance"
    SALESFORCE_BAD_RESPONSE = "salesforce_bad_response"
    SALESFORCE_BUSY = "salesforce_busy"
    SALESFORCE_CODE_REJECTED = "salesforce_code_rejected"
    SALESFORCE_FORBIDDEN = "salesforce_forbidden"
    SALESFORCE_LIMIT_EXCEEDED = "salesforce_limit_exceeded"
    SALESFORCE_LIMIT_NEAR = "salesforce_limit_near"
    SALESFORCE_LOGIN_FAILED = "salesforce_login_failed"
    SALESFORCE_NOT_CONFIGURED = "salesforce_not_configured"
    SALESFORCE_NOT_FOUND = "salesforce_not_found"
    SALESFORCE_NO_REFRESH_TOKEN = "salesforce_no_refresh_token"  # noqa: S105 - a code
    SALESFORCE_REAUTH_REQUIRED = "salesforce_reauth_required"
    SALESFORCE_REJECTED = "salesforce_rejected"
    SALESFORCE_UNAVAILABLE = "salesforce_unavailable"
    SIGNATURE_EXTRACTION_DISABLED = "signature_extraction_disabled"
    STATE_MISMATCH = "state_mismatch"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    TRACKING_DISABLED = "tracking_disabled"
    TRACKING_NOT_CONFIGURED = "tracking_not_configured"
    UNAUTHENTICATED = "unauthenticated"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_ERROR = "validation_error"


class StratusError(ChaliceUnhandledError):
    """An error the client should see as `{"error": {"code", "message"}}` with `status`.

    It derives from ChaliceUnhandledError so that Chalice lets it reach the app's middleware,
    which shapes every error in one place (chalicelib.web).
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        status: int = 400,
        headers: dict[str, str] | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.headers = dict(headers or {})
        #: more members of the error object beside code and message (e.g. the duplicates)
        self.details = dict(details or {})


class ValidationFailed(StratusError):
    """Input that does not fit the request model (always 400, naming the field)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(ErrorCode.VALIDATION_ERROR, message, status=400)
        self.field = field


class NotFound(StratusError):
    def __init__(self, message: str = "Not found.") -> None:
        super().__init__(ErrorCode.NOT_FOUND, message, status=404)


class StoreError(Exception):
    """Base class of the store's domain errors (never shown to clients as-is)."""


class ConditionFailed(StoreError):
    """A conditional write lost: the item exists, is absent, or is held by someone else."""


class LeaseHeld(StoreError):
    """Another holder owns the lease and it has not expired."""


class Unavailable(StratusError):
    """Something the answer depends on is out of reach for now (an outage, throttling, a key
    or parameter out of reach): 503 with Retry-After. The failed call says nothing about the
    data, so it is never read as "absent", "refused" or "revoked" (chalicelib.outages)."""

    def __init__(self, code: ErrorCode, message: str, retry_after: int = 5) -> None:
        super().__init__(code, message, 503, {"Retry-After": str(retry_after)})


class RevocationUnanswered(Unavailable):
    """A provider did not answer the revocation of a grant (out of reach, 5xx, 429): the grant
    may still be live, so an org's deletion stops before deleting its tokens and SQS delivers
    its message again (a user's own deletion or disconnect goes on: `ConnectionVault.revoke`)."""

    def __init__(self, code: ErrorCode, provider_name: str) -> None:
        message = f"{provider_name} did not answer the revocation of the connection; retry."
        super().__init__(code, message, retry_after=30)


class StoreBusy(Unavailable):
    """The table kept throttling a write after bounded retries: nothing was lost, retry."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorCode.BUSY, message, retry_after=2)


class StorageUnavailable(Unavailable):
    """The table cannot be reached, timed out or kept throttling after the SDK's retries."""

    def __init__(self) -> None:
        super().__init__(
            ErrorCode.STORAGE_UNAVAILABLE,
            "The service cannot reach its storage right now; try again shortly.",
        )


class QueueUnavailable(Unavailable):
    """The jobs queue cannot be reached, timed out or kept throttling: nothing was queued."""

    def __init__(self) -> None:
        super().__init__(
            ErrorCode.QUEUE_UNAVAILABLE,
            "The service cannot queue work right now; try again shortly.",
        )


class DecryptionFailed(Exception):
    """A sealed blob will never decrypt: tampered, truncated, or bound to another context.
    (KMS out of reach is EncryptionUnavailable instead: it says nothing about the blob.)"""


class EncryptionUnavailable(Unavailable):
    """The envelope key cannot be used right now (KMS unreachable, throttling, the key out of
    reach): nothing is changed, retry later."""

    def __init__(self) -> None:
        super().__init__(
            ErrorCode.ENCRYPTION_UNAVAILABLE,
            "The service cannot use its encryption key right now; try again shortly.",
        )


# Error codes produced by the framework layer, mapped from Chalice's own error responses.
FRAMEWORK_CODES: dict[int, ErrorCode] = {
    400: ErrorCode.BAD_REQUEST,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    500: ErrorCode.INTERNAL_ERROR,
}
