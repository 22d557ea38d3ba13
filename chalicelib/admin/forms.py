"""The dashboard's settings form: its fields read into typed values, validated by the same model
as `PUT /admin/settings` (so the page and the API refuse the same things, in words), and the
difference from the current settings described for people."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from chalicelib.org_settings import OVERRIDABLE, SETTINGS, USER_OVERRIDES, Setting

if TYPE_CHECKING:
    from pydantic import ValidationError

MAX_FORM_BYTES = 64 * 1024
#: The form's checkboxes `override=<setting>`: the settings users may choose for themselves.
OVERRIDE_FIELD = "override"
#: `user_overrides` as the form shows and describes it (not a setting of the table).
OVERRIDES = Setting(
    USER_OVERRIDES,
    (),
    "The settings users may choose for themselves",
    tuple[str, ...],
    {},
)
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,12}")


def fields_of(raw: bytes | str | None) -> dict[str, list[str]]:
    """An `application/x-www-form-urlencoded` body's fields (empty values kept)."""
    if not raw or len(raw) > MAX_FORM_BYTES:
        return {}
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=400)
    except ValueError:
        return {}


def first(fields: Mapping[str, list[str]], name: str) -> str:
    return (fields.get(name) or [""])[0]


def title(setting: Setting) -> str:
    """A setting's name for people: `max_attachment_mb` -> "Max attachment MB"."""
    words = setting.name.replace("_", " ").capitalize().split(" ")
    return " ".join("MB" if w == "mb" else w for w in words)


def is_list(setting: Setting) -> bool:
    return setting.kind not in (bool, int) and not setting.choices


def _value(setting: Setting, fields: Mapping[str, list[str]]) -> Any:
    """The submitted value of one setting, typed where the text allows (the model judges)."""
    text = first(fields, setting.name)
    if setting.kind is bool:
        return text == "on"  # an unchecked box is not submitted
    if setting.kind is int:
        text = text.strip()
        return int(text) if _WHOLE_NUMBER.fullmatch(text) else text
    if setting.choices:
        return text
    return [line.strip() for line in text.splitlines() if line.strip()]


def submitted(fields: Mapping[str, list[str]]) -> dict[str, Any]:
    """Every setting's submitted value (the form always holds them all), and the settings
    users may choose (the checked `override` boxes, in table order)."""
    chosen = set(fields.get(OVERRIDE_FIELD, []))
    allowed = [name for name in OVERRIDABLE if name in chosen]
    unknown = sorted(chosen - set(OVERRIDABLE))  # the model refuses them, in words
    return {**{s.name: _value(s, fields) for s in SETTINGS}, USER_OVERRIDES: allowed + unknown}


class FormInvalid(ValueError):
    """What is wrong with the form, in words (shown on the page)."""


def validated(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as `PUT /admin/settings` would take them; FormInvalid saying which setting is
    wrong and why."""
    from pydantic import ValidationError

    from chalicelib.admin.models import OrgSettingsUpdate

    try:
        update = OrgSettingsUpdate.model_validate_json(json.dumps(values))
    except ValidationError as exc:
        raise FormInvalid(_explained(exc)) from None
    return dict(update.model_dump(exclude_none=True))


_BY_NAME = {s.name: s for s in (*SETTINGS, OVERRIDES)}


def _explained(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    location = tuple(error.get("loc", ()))
    setting = _BY_NAME.get(str(location[0])) if location else None
    if setting is None:
        return "The form could not be read: reload the page and try again."
    where = title(setting)
    if setting is OVERRIDES:
        return f"{where}: users cannot choose '{str(error.get('input', ''))[:80]}'."
    if len(location) > 1 and isinstance(location[1], int):
        shown = str(error.get("input", ""))[:80]
        return f"{where}, line {location[1] + 1}: '{shown}' is not a valid domain name."
    if setting.kind is int and error.get("type") in {"int_type", "int_parsing"}:
        return f"{where}: enter a whole number."
    return f"{where}: {error.get('msg', 'not a valid value')}."


@dataclass(frozen=True)
class Change:
    setting: Setting
    before: Any
    after: Any

    def __str__(self) -> str:
        return f"{title(self.setting)}: {shown(self.before)} → {shown(self.after)}"


def changes(current: Mapping[str, Any], values: Mapping[str, Any]) -> list[Change]:
    """The settings whose validated value differs from the current one, in table order."""
    return [
        Change(s, current.get(s.name), values[s.name])
        for s in (*SETTINGS, OVERRIDES)
        if s.name in values and _comparable(values[s.name]) != _comparable(current.get(s.name))
    ]


def _comparable(value: Any) -> Any:
    return list(value) if isinstance(value, list | tuple) else value


#: `saved=` of the page the form redirects to when nothing changed
NOTHING_SAVED = "-"


def saved_details(names: str, current: Mapping[str, Any]) -> tuple[str, ...] | None:
    """What a redirect after a save says (`names`: the settings it changed, comma-separated,
    or NOTHING_SAVED): each with its value now; None for what no save would send."""
    if names == NOTHING_SAVED:
        return ()
    by_name = {s.name: s for s in (*SETTINGS, OVERRIDES)}
    wanted = names.split(",")
    if not names or not set(wanted) <= set(by_name):
        return None
    return tuple(f"{title(by_name[n])}: now {shown(current.get(n))}" for n in wanted)


def shown(value: Any) -> str:
    """A setting's value for people."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if value else "none"
    return str(value)
