"""Secrets given by reference: `ssm:<parameter name>` is an SSM Parameter Store SecureString.

`SALESFORCE_CLIENT_SECRET` and `TRACKING_SIGNING_KEYS` may hold either the secret itself (local
development, tests) or a reference such as `ssm:/stratus/prod/salesforce-client-secret`.
A reference keeps the secret out of `.chalice/config.json`, out of the function's visible
configuration and out of `chalice deploy` (which rewrites the function's environment from
config.json on every deploy). It is resolved on first use, once per container
(`deps.secret`), never at import time; a failed read is not cached, so the next request
tries again. The parameter is encrypted with the stage's own KMS key (see README, Deploy),
which the function may already use for envelope encryption.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chalicelib.errors import ErrorCode, Unavailable
from chalicelib.logs import logger

SSM_PREFIX = "ssm:"


class SecretUnavailable(Unavailable):
    """A referenced secret could not be read (SSM out of reach, or a deployment problem: a
    missing parameter, a denied key), shown without details."""

    def __init__(self) -> None:
        super().__init__(
            ErrorCode.CONFIGURATION_UNAVAILABLE,
            "The service cannot read its configuration right now; try again shortly.",
        )


def is_reference(value: str) -> bool:
    return value.startswith(SSM_PREFIX)


def resolve(value: str, ssm_client: Callable[[], Any]) -> str:
    """The secret behind `value`: itself, or the decrypted SSM parameter it names."""
    if not is_reference(value):
        return value
    name = value[len(SSM_PREFIX) :].strip()
    if not name:
        logger.error("a secret reference names no parameter")
        raise SecretUnavailable()
    from botocore.exceptions import BotoCoreError, ClientError

    from chalicelib.outages import is_outage

    try:
        reply = ssm_client().get_parameter(Name=name, WithDecryption=True)
    except (BotoCoreError, ClientError) as exc:
        code = exc.response["Error"]["Code"] if isinstance(exc, ClientError) else type(exc).__name__
        logger.error(
            "secret parameter unreadable",
            extra={"parameter": name, "error": code, "outage": is_outage(exc)},
        )
        raise SecretUnavailable() from None
    return str(reply["Parameter"]["Value"])
