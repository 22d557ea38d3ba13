"""Domain errors: values with a code and an HTTP status; one handler turns them into JSON."""

from __future__ import annotations

from chalice.app import ChaliceUnhandledError


class StratusError(ChaliceUnhandledError):
    """An error the client should see as `{"error": {"code", "message"}}` with `status`.

    It derives from ChaliceUnhandledError so that Chalice lets it reach the app's middleware,
    which shapes every error in one place (chalicelib.web).
    """

    def __init__(
        self,
        code: str,
        message: str,
        status: int = 400,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.headers = dict(headers or {})


class ValidationFailed(StratusError):
    """Input that does not fit the request model (always 400, naming the field)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__("validation_error", message, status=400)
        self.field = field


class NotFound(StratusError):
    def __init__(self, message: str = "Not found.") -> None:
        super().__init__("not_found", message, status=404)


class StoreError(Exception):
    """Base class of the store's domain errors (never shown to clients as-is)."""


class ConditionFailed(StoreError):
    """A conditional write lost: the item exists, is absent, or is held by someone else."""


class LeaseHeld(StoreError):
    """Another holder owns the lease and it has not expired."""


class StoreBusy(StratusError):
    """The table kept throttling a write after bounded retries: nothing was lost, retry."""

    def __init__(self, message: str) -> None:
        super().__init__("busy", message, status=503, headers={"Retry-After": "2"})


class DecryptionFailed(Exception):
    """A sealed blob did not decrypt: tampered, truncated, or bound to another context
    (`permanent`), or the KMS key is out of reach for now (not `permanent`: a deployment
    problem - policy, disabled key - that says nothing about the blob)."""

    def __init__(self, message: str, *, permanent: bool = True) -> None:
        super().__init__(message)
        self.permanent = permanent


class EncryptionUnavailable(StratusError):
    """The envelope key cannot be used right now: nothing is changed, retry later."""

    def __init__(self) -> None:
        super().__init__(
            "encryption_unavailable",
            "The service cannot use its encryption key right now; try again shortly.",
            503,
            {"Retry-After": "5"},
        )


# Error codes produced by the framework layer, mapped from Chalice's own error responses.
FRAMEWORK_CODES: dict[int, str] = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
}
