"""Validation rules and duplicate rules (Duplicate Management) of the emulated org.

Both run on an insert through the API after the system checks (required fields, field-level
security), validation rules first, as in Salesforce's order of execution
(https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_triggers_order_of_execution.htm).

- A validation rule that fails answers 400 FIELD_CUSTOM_VALIDATION_EXCEPTION with the admin's
  message and, when the rule's error location is a field, that field in `fields`.
- A duplicate rule (on Lead or Contact: matching existing Leads or Contacts by email or by
  first and last name) that finds matches answers 400 DUPLICATES_DETECTED with a
  `duplicateResult` (DuplicateError: https://developer.salesforce.com/docs/platform/api/guide/sforce-api-objects-duplicateerror.html;
  DuplicateResult, MatchResult, MatchRecord: .../sforce-api-objects-duplicateresult.html,
  .../sforce-api-objects-matchresult.html). The REST shape is the one aiosalesforce's tests
  record from a real org (georgebv/aiosalesforce tests/test_exceptions.py): the match record is
  `{"attributes": {"type", "url"}, "Id"}` only, unless includeRecordDetails asks for fields.
- A "block" rule refuses the save whatever the request says (`allowSave: false`); an "alert"
  rule refuses it (`allowSave: true`) unless the request carries
  `Sforce-Duplicate-Rule-Header: allowSave=true` (REST API 52.0 and later:
  https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm).
  `runAsCurrentUser=true` matches only records the saving user can see; without it the rule
  runs with the system's sharing and may name records the user cannot read, unless the rule's
  own record-level security says "Enforce Sharing Rules" (`enforce_sharing`).
- Accounts: the Standard Account Duplicate Rule (STANDARD_ACCOUNT_RULE) is active by default in
  a real org: Alert on create ("Use one of these records?"), Enforce Sharing Rules, matching
  rule Standard Account Matching Rule
  (https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.duplicate_rules_standard_account_rule.htm).
  That matching rule fires only when the new Account has a Name AND a Billing City or Billing
  Zip (https://help.salesforce.com/s/articleView?id=000386375), and matches names fuzzily; here
  a name matches another when equal after dropping case, punctuation and legal suffixes
  ("Initech Inc" = "Initech"), and the location when its Billing City or Zip is equal. Admins
  who want name-only matching add a custom rule (the same article): `match_on="account_name"`.
  The emulator's org starts without rules (tests add the ones they exercise).
- The error's key: the documentation spells it `duplicateResult`, but real orgs have been
  recorded answering `duplicateResut` (sic), e.g. a REST answer captured in a connector's tests
  and clients that read that key (find_string "duplicateResut": RestAssured tests asserting
  `[0].duplicateResut.duplicateRule` on `/services/data/v51.0/sobjects/Lead`). The org's
  `duplicate_result_key` (RESULT_KEYS) chooses which one this org answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .org import ApiError, Org, UserView

HEADER = "Sforce-Duplicate-Rule-Header"
#: the spellings of the DuplicateError's result key real orgs answer (the docs' first)
RESULT_KEYS = ("duplicateResult", "duplicateResut")
ResultKey = Literal["duplicateResult", "duplicateResut"]
MIN_HEADER_VERSION = 52.0
_HEADER_FIELDS = {
    "allowsave": "allow_save",
    "includerecorddetails": "include_record_details",
    "runascurrentuser": "run_as_current_user",
}


@dataclass(frozen=True)
class ValidationRule:
    """An admin's validation rule: `violated(values)` true refuses the insert."""

    object_name: str
    message: str
    violated: Callable[[dict[str, Any]], bool]
    error_field: str | None = None  # None: the error is shown at the top of the page


@dataclass(frozen=True)
class DuplicateRule:
    """A duplicate rule of `object_name` with one matching rule over `match_object`."""

    name: str  # the duplicate rule's developer name
    object_name: Literal["Lead", "Contact", "Account"]
    match_object: Literal["Lead", "Contact", "Account"]
    #: email, first and last name (people); the Account's name, or its name and location
    match_on: Literal["email", "name", "account_name", "account_name_and_location"]
    action: Literal["block", "alert"]
    message: str = "Use one of these records?"
    enforce_sharing: bool = False  # the rule's record-level security: Enforce Sharing Rules

    @property
    def matching_rule(self) -> str:
        if self.match_on == "account_name_and_location":
            return "Standard_Account_Match_Rule_v1_0"
        return f"{self.match_object}_{self.match_on.title().replace('_', '')}_Match_Rule"


#: Salesforce's Standard Account Duplicate Rule, as a real org has it active by default
STANDARD_ACCOUNT_RULE = DuplicateRule(
    "Standard_Account_Duplicate_Rule",
    "Account",
    "Account",
    "account_name_and_location",
    "alert",
    enforce_sharing=True,
)
#: legal suffixes the account-name matching ignores (a stand-in for Salesforce's fuzzy
#: company-name algorithm)
_LEGAL_SUFFIXES = frozenset(
    {"inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "gmbh", "plc"}
)


@dataclass(frozen=True)
class SaveOptions:
    """What an insert request says about duplicates (the header) and its API version."""

    allow_save: bool = False
    include_record_details: bool = False
    run_as_current_user: bool = False
    version: str = "62.0"


def save_options(header: str | None, version: str) -> SaveOptions:
    """The Sforce-Duplicate-Rule-Header's fields (`name=true|false; ...`, names in any case;
    all false by default); ignored before API 52.0, where the header did not exist."""
    values: dict[str, bool] = {}
    if header and float(version) >= MIN_HEADER_VERSION:
        for part in header.split(";"):
            name, _, value = part.partition("=")
            field_name = _HEADER_FIELDS.get(name.strip().lower())
            if field_name is not None:
                values[field_name] = value.strip().lower() == "true"
    return SaveOptions(version=version, **values)


def validation_error(
    rules: Iterable[ValidationRule], object_name: str, values: dict[str, Any]
) -> ApiError | None:
    """The ApiError of the first failing validation rule of `object_name`, or None."""
    from .org import ApiError  # org imports this module: imported when needed

    for rule in rules:
        if rule.object_name == object_name and rule.violated(values):
            fields = [rule.error_field] if rule.error_field else []
            return ApiError(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message, fields)
    return None


class DuplicatesDetected(Exception):
    """DUPLICATES_DETECTED in Salesforce's REST error format (a DuplicateError)."""

    status = 400
    code = "DUPLICATES_DETECTED"

    def __init__(self, result: dict[str, Any], key: ResultKey = "duplicateResult") -> None:
        super().__init__(result["errorMessage"])
        self.result = result
        self.key = key

    def body(self) -> list[dict[str, Any]]:
        return [
            {
                self.key: self.result,
                "errorCode": self.code,
                "message": self.result["errorMessage"],
            }
        ]


def check_duplicates(
    org: Org,
    view: UserView,
    object_name: str,
    values: dict[str, Any],
    options: SaveOptions,
    rules: Iterable[DuplicateRule],
    key: ResultKey = "duplicateResult",
) -> None:
    """Raise DuplicatesDetected when a blocking rule matches, or an alerting one does and the
    request does not allow the save; `key` is how this org spells the result's key."""
    firing = [
        (rule, matches)
        for rule in rules
        if rule.object_name == object_name
        for matches in [_matches(org, view, rule, values, options)]
        if matches
    ]
    blocking = [(rule, found) for rule, found in firing if rule.action == "block"]
    if blocking:
        raise DuplicatesDetected(_result(*blocking[0], allow_save=False, options=options), key)
    if firing and not options.allow_save:
        raise DuplicatesDetected(_result(*firing[0], allow_save=True, options=options), key)


def _account_name(record: dict[str, Any]) -> str:
    words = re.sub(r"[^\w\s]", " ", str(record.get("Name") or "").lower()).split()
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _account_matches(rule: DuplicateRule, new: dict[str, Any], found: dict[str, Any]) -> bool:
    name = _account_name(new)
    if not name or name != _account_name(found):
        return False
    if rule.match_on == "account_name":
        return True
    located = [f for f in ("BillingCity", "BillingPostalCode") if str(new.get(f) or "").strip()]
    return any(
        str(new[f]).strip().lower() == str(found.get(f) or "").strip().lower() for f in located
    )


def _key(rule: DuplicateRule, record: dict[str, Any]) -> tuple[str, ...] | None:
    if rule.match_on == "email":
        email = str(record.get("Email") or "").strip().lower()
        return (email,) if email else None
    first = str(record.get("FirstName") or "").strip().lower()
    last = str(record.get("LastName") or "").strip().lower()
    return (first, last) if last else None


def _matches(
    org: Org, view: UserView, rule: DuplicateRule, values: dict[str, Any], options: SaveOptions
) -> list[dict[str, Any]]:
    candidates: Iterable[dict[str, Any]] = (
        view.visible_records(rule.match_object)
        if options.run_as_current_user or rule.enforce_sharing
        else org.records[rule.match_object].values()
    )
    if rule.match_object == "Account":
        return [r for r in candidates if _account_matches(rule, values, r)]
    wanted = _key(rule, values)
    if wanted is None:
        return []
    found = [r for r in candidates if _key(rule, r) == wanted]
    if rule.match_object == "Lead":
        found = [r for r in found if not r.get("IsConverted")]
    return found


def _result(
    rule: DuplicateRule,
    matches: list[dict[str, Any]],
    *,
    allow_save: bool,
    options: SaveOptions,
) -> dict[str, Any]:
    detail_fields = {
        "name": ("Email", "FirstName", "LastName"),
        "account_name": ("Name",),
        "account_name_and_location": ("Name", "BillingCity", "BillingPostalCode"),
    }.get(rule.match_on, ("Email",))

    def record(found: dict[str, Any]) -> dict[str, Any]:
        url = f"/services/data/v{options.version}/sobjects/{rule.match_object}/{found['Id']}"
        shown: dict[str, Any] = {"attributes": {"type": rule.match_object, "url": url}}
        shown["Id"] = found["Id"]
        if options.include_record_details:
            shown.update({name: found.get(name) for name in detail_fields})
        return shown

    return {
        "allowSave": allow_save,
        "duplicateRule": rule.name,
        "duplicateRuleEntityType": rule.object_name,
        "errorMessage": rule.message,
        "matchResults": [
            {
                "entityType": rule.match_object,
                "errors": [],
                "matchEngine": "ExactMatchEngine",
                "matchRecords": [
                    {
                        "additionalInformation": [],
                        "fieldDiffs": [],
                        "matchConfidence": 100.0,
                        "record": record(found),
                    }
                    for found in matches
                ],
                "rule": rule.matching_rule,
                "size": len(matches),
                "success": True,
            }
        ],
    }
