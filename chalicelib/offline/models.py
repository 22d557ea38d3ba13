"""Request and response models of `POST /actions` (docs/records.md, "The offline queue")."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_ACTIONS = 25
#: the whole batch (Lambda takes 6 MB; a logged email may be most of it)
MAX_BATCH_BYTES = 5 * 1024 * 1024
#: the routes an action may replay
ActionPath = Literal["/emails", "/records/leads", "/records/contacts", "/tracking/messages"]
_KEY = r"^[\x21-\x7e]{1,255}$"  # what an Idempotency-Key may be (chalicelib/idempotency.py)


class OfflineAction(BaseModel):
    """One queued request: its Idempotency-Key, route and JSON body."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=_KEY, description="The request's Idempotency-Key")
    method: Literal["POST"]
    path: ActionPath
    body: dict[str, Any] = Field(description="The route's JSON body, as it would be sent")
    depends_on: str | None = Field(
        default=None,
        pattern=_KEY,
        description="The key of an earlier action, in this batch or an earlier one (within the "
        "24-hour idempotency window): when that one failed or never ran, this one is not run",
    )


class ActionBatch(BaseModel):
    """`POST /actions`: the queued requests, in the order the device queued them."""

    model_config = ConfigDict(extra="forbid")

    actions: list[OfflineAction] = Field(min_length=1, max_length=MAX_ACTIONS)

    @model_validator(mode="after")
    def _keys(self) -> ActionBatch:
        keys = [action.key for action in self.actions]
        seen: set[str] = set()
        for action in self.actions:
            if action.key in seen:
                raise ValueError(f"key {action.key!r} is used twice")
            # a key of this batch must come earlier; any other is from an earlier batch (a
            # queue longer than one batch), resolved in the idempotency store when run
            if action.depends_on in keys and action.depends_on not in seen:
                raise ValueError(f"depends_on {action.depends_on!r} names no earlier action")
            seen.add(action.key)
        return self


class ActionResult(BaseModel):
    key: str
    status: int = Field(description="The HTTP status the route would have answered")
    body: dict[str, Any] = Field(description="The route's answer, or its error")


class ActionResults(BaseModel):
    results: list[ActionResult]
