"""Which Salesforce orgs may use this deployment: `ALLOWED_SALESFORCE_ORGS`.

A deployment belongs to one company: only its orgs (production, sandboxes) sign in. The
setting is required in every stage but `local` and `test`, where unset means any org (the
emulator, a developer's org). Ids are compared in their 18-character case-safe form, so a
15-character id, or an 18-character one in any case, names the same org (ids.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.logs import logger
from chalicelib.providers.salesforce import ids

SETTING = "ALLOWED_SALESFORCE_ORGS"
ANY_ORG_STAGES = frozenset({"local", "test"})


@dataclass(frozen=True)
class OrgAllowList:
    """The orgs allowed to sign in (None: any), or why the setting cannot be used (then no
    org signs in: a deployment problem, answered 503 `configuration_unavailable`)."""

    orgs: frozenset[str] | None
    problem: str | None = None

    @classmethod
    def configured(cls, entries: Iterable[str], stage: str) -> OrgAllowList:
        given = [entry.strip() for entry in entries if entry.strip()]
        if not given:
            if stage in ANY_ORG_STAGES:
                return cls(None)
            return cls(frozenset(), f"{SETTING} is required in stage {stage!r}")
        canonical = {entry: ids.case_safe_org_id(entry) for entry in given}
        invalid = sorted(entry for entry, org in canonical.items() if org is None)
        if invalid:
            return cls(frozenset(), f"{SETTING} holds entries that are not org ids: {invalid}")
        return cls(frozenset(org for org in canonical.values() if org is not None))

    def require_usable(self) -> None:
        """503 configuration_unavailable when the setting is missing or malformed."""
        if self.problem is not None:
            logger.error(
                "sign-in refused: the org allow-list is unusable", extra={"problem": self.problem}
            )
            raise StratusError(
                ErrorCode.CONFIGURATION_UNAVAILABLE,
                "Sign-in is not configured for this deployment (its allowed Salesforce orgs); "
                "contact your administrator.",
                503,
            )

    def require_allowed(self, org_id: str) -> None:
        """403 org_not_allowed unless `org_id` is on the list (or any org may sign in)."""
        self.require_usable()
        if self.orgs is None:
            return
        if ids.case_safe_org_id(org_id) not in self.orgs:
            logger.warning("sign-in from an org that is not allowed", extra={"org_id": org_id})
            raise StratusError(
                ErrorCode.ORG_NOT_ALLOWED,
                "Your Salesforce org is not allowed to use this service.",
                403,
            )
