"""The one Composite request behind a lookup, and the shaping of its answer.

For a batch of up to 25 addresses, four queries travel in one Composite request (Salesforce
allows five queries per Composite and counts the whole request as one API call):

- `contacts`: Contacts whose Email is IN the batch, with their account's fields (child-to-parent)
  and their latest past Tasks and Events (parent-to-child subqueries);
- `leads`: unconverted Leads whose Email is IN the batch, with their latest past Tasks and Events;
- `opportunities` / `cases`: the accounts of those contacts (a semi-join on Contact.AccountId),
  each with its five newest open Opportunities / Cases (subqueries).

Every value put into SOQL passes through `providers.salesforce.soql`. A section the user may not
read (no access to the object or a field: INVALID_TYPE, INVALID_FIELD, INSUFFICIENT_ACCESS) is
answered empty; any other failure is the lookup's failure.

Activities are what happened: Tasks due up to today and Events that started up to now (UTC).
Upcoming ones are left out in the query itself, so they never push a past one out of the five.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from chalicelib.addresses import normalise
from chalicelib.logs import logger
from chalicelib.providers.salesforce import soql
from chalicelib.providers.salesforce.client import SalesforceClient, to_stratus_error
from chalicelib.timefmt import rfc3339

# our name -> Salesforce's field, for the records listed under a match's account
_OPPORTUNITY = {
    "id": "Id",
    "name": "Name",
    "stage": "StageName",
    "amount": "Amount",
    "close_date": "CloseDate",
}
_CASE = {
    "id": "Id",
    "number": "CaseNumber",
    "subject": "Subject",
    "status": "Status",
    "priority": "Priority",
}
SECTION_LIMIT = 5  # opportunities, cases and activities shown for the first match
ROWS_LIMIT = 200  # contacts or leads per batch: far more than 25 addresses ever share
_UNREADABLE = ("INVALID_TYPE", "INVALID_FIELD", "INSUFFICIENT_ACCESS")


def _activities(now: datetime) -> str:
    """The subqueries of a person's latest past Tasks (due up to today) and Events (started up
    to now), in UTC: the dates are SOQL date and datetime literals, never quoted strings."""
    utc = now.astimezone(UTC)
    return (
        "(SELECT Id, Subject, ActivityDate, Status FROM Tasks"
        f" WHERE ActivityDate <= {utc:%Y-%m-%d}"
        f" ORDER BY ActivityDate DESC LIMIT {SECTION_LIMIT}),"
        " (SELECT Id, Subject, StartDateTime FROM Events"
        f" WHERE StartDateTime <= {utc:%Y-%m-%dT%H:%M:%SZ}"
        f" ORDER BY StartDateTime DESC LIMIT {SECTION_LIMIT})"
    )


def _in_list(addresses: Sequence[str]) -> str:
    return "(" + ", ".join(soql.literal(address) for address in addresses) + ")"


def lookup_queries(addresses: Sequence[str], now: datetime) -> dict[str, str]:
    """The SOQL of each section, by Composite reference id (`now` bounds the activities)."""
    emails = _in_list(addresses)
    activities = _activities(now)
    accounts = f"SELECT AccountId FROM Contact WHERE Email IN {emails}"
    return {
        "contacts": (
            "SELECT Id, Name, Title, Phone, Email, LastModifiedDate, Owner.Name, AccountId,"
            " Account.Name, Account.Industry, Account.Type, Account.Website, Account.Phone,"
            f" Account.Owner.Name, {activities}"
            f" FROM Contact WHERE Email IN {emails}"
            f" ORDER BY LastModifiedDate DESC LIMIT {ROWS_LIMIT}"
        ),
        "leads": (
            "SELECT Id, Name, Title, Phone, Email, Company, LastModifiedDate, Owner.Name,"
            f" {activities}"
            f" FROM Lead WHERE Email IN {emails} AND IsConverted = false"
            f" ORDER BY LastModifiedDate DESC LIMIT {ROWS_LIMIT}"
        ),
        "opportunities": (
            "SELECT Id, (SELECT Id, Name, StageName, Amount, CloseDate FROM Opportunities"
            f" WHERE IsClosed = false ORDER BY CreatedDate DESC LIMIT {SECTION_LIMIT})"
            f" FROM Account WHERE Id IN ({accounts})"
        ),
        "cases": (
            "SELECT Id, (SELECT Id, CaseNumber, Subject, Status, Priority FROM Cases"
            f" WHERE IsClosed = false ORDER BY CreatedDate DESC LIMIT {SECTION_LIMIT})"
            f" FROM Account WHERE Id IN ({accounts})"
        ),
    }


def fetch(
    client: SalesforceClient, addresses: Sequence[str], now: datetime
) -> dict[str, dict[str, Any]]:
    """Look up 1-25 normalised addresses in one Composite request: address -> result."""
    return fetch_with(client, addresses, now, {})[0]


def fetch_with(
    client: SalesforceClient, addresses: Sequence[str], now: datetime, extra: Mapping[str, str]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """`fetch`, with other queries (reference -> SOQL) in the same Composite request: the
    results, and the records of each extra query."""
    queries = lookup_queries(addresses, now)
    clash = set(queries) & set(extra)
    if clash:
        raise ValueError(f"reference ids taken by the lookup: {sorted(clash)}")
    subrequests = [client.query_subrequest(ref, text) for ref, text in {**queries, **extra}.items()]
    replies = client.composite(subrequests)
    sections = {ref: _records(ref, reply) for ref, reply in _by_reference(replies).items()}
    shaper = _Shaper(client.instance_url, now.astimezone(UTC).strftime(_SORTABLE), sections)
    results = {address: shaper.result(address) for address in addresses}
    return results, {ref: sections.get(ref, []) for ref in extra}


def _by_reference(replies: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(reply.get("referenceId")): reply for reply in replies}


def _records(ref: str, reply: dict[str, Any]) -> list[dict[str, Any]]:
    status = int(reply.get("httpStatusCode") or 500)
    body = reply.get("body")
    if status < 300 and isinstance(body, dict):
        records = body.get("records") or []
        if not body.get("done", True):
            logger.warning("lookup section truncated", extra={"section": ref})
        return [r for r in records if isinstance(r, dict)]
    error = to_stratus_error(status, body)
    if error.sf_code.startswith(_UNREADABLE):
        logger.info("lookup section not readable", extra={"section": ref, "sf_code": error.sf_code})
        return []
    logger.warning("lookup section failed", extra={"section": ref, "sf_code": error.sf_code})
    raise error


def _children(record: dict[str, Any], relationship: str) -> list[dict[str, Any]]:
    child = record.get(relationship)
    if not isinstance(child, dict):
        return []
    return [r for r in child.get("records") or [] if isinstance(r, dict)]


_SORTABLE = "%Y-%m-%dT%H:%M:%S"


def _sortable(value: Any) -> str:
    """A date or Salesforce datetime as `YYYY-MM-DDTHH:MM:SS` (UTC), comparable as text."""
    if not isinstance(value, str) or not value:
        return ""
    return value[:19] if "T" in value else value[:10] + "T00:00:00"


def _rfc3339(value: Any) -> str | None:
    """A Salesforce datetime (`2026-11-21T15:00:00.000+0000`) in the API's one format
    (`2026-11-21T15:00:00.000Z`); None when absent or not a datetime."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%f%z")
    except ValueError:
        return None
    return rfc3339(moment.timestamp())


def _owner(record: dict[str, Any] | None) -> str | None:
    owner = (record or {}).get("Owner")
    return owner.get("Name") if isinstance(owner, dict) else None


class _Shaper:
    """Turns the four sections into one result per address."""

    def __init__(self, instance_url: str, now_iso: str, sections: dict[str, list[dict[str, Any]]]):
        self._base = instance_url.rstrip("/")
        self._now = now_iso
        self._by_email: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for kind, ref in (("Contact", "contacts"), ("Lead", "leads")):
            for record in sections.get(ref, []):
                email = normalise(str(record.get("Email") or ""))
                self._by_email.setdefault((kind, email), []).append(record)
        self._opportunities = {
            str(a.get("Id")): _children(a, "Opportunities")
            for a in sections.get("opportunities", [])
        }
        self._cases = {str(a.get("Id")): _children(a, "Cases") for a in sections.get("cases", [])}

    def _view(self, record: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
        """A record's fields under our names, and its link."""
        view = {ours: record.get(theirs) for ours, theirs in fields.items()}
        view["url"] = self.url(record.get("Id"))
        return view

    def url(self, record_id: Any) -> str:
        return f"{self._base}/{record_id}"

    def activities(self, record: dict[str, Any]) -> list[dict[str, Any]]:
        """The record's past Tasks and Events, latest first (the query leaves upcoming ones out;
        the same rule is applied here, so the answer never depends on Salesforce's clock)."""
        items = [
            {
                "type": "Task",
                "id": task.get("Id"),
                "subject": task.get("Subject"),
                "date": task.get("ActivityDate"),
                "status": task.get("Status"),
                "url": self.url(task.get("Id")),
            }
            for task in _children(record, "Tasks")
        ] + [
            {
                "type": "Event",
                "id": event.get("Id"),
                "subject": event.get("Subject"),
                "date": _rfc3339(event.get("StartDateTime")),
                "status": None,
                "url": self.url(event.get("Id")),
            }
            for event in _children(record, "Events")
        ]
        past = [item for item in items if "" < _sortable(item["date"]) <= self._now]
        past.sort(key=lambda item: _sortable(item["date"]), reverse=True)
        return past[:SECTION_LIMIT]

    def last_active(self, record: dict[str, Any]) -> str:
        """The latest of the record's last change and its (past) activities."""
        dates = [_sortable(a["date"]) for a in self.activities(record)]
        return max([_sortable(record.get("LastModifiedDate")), *dates])

    def match(self, kind: str, record: dict[str, Any]) -> dict[str, Any]:
        account = record.get("Account") if isinstance(record.get("Account"), dict) else None
        return {
            "type": kind,
            "id": record.get("Id"),
            "name": record.get("Name"),
            "title": record.get("Title"),
            "phone": record.get("Phone"),
            "company": record.get("Company") if kind == "Lead" else (account or {}).get("Name"),
            "owner": _owner(record),
            "url": self.url(record.get("Id")),
        }

    def account(self, contact: dict[str, Any]) -> dict[str, Any] | None:
        account = contact.get("Account")
        account_id = contact.get("AccountId")
        if not account_id or not isinstance(account, dict):
            return None
        return {
            "id": account_id,
            "name": account.get("Name"),
            "industry": account.get("Industry"),
            "type": account.get("Type"),
            "website": account.get("Website"),
            "phone": account.get("Phone"),
            "owner": _owner(account),
            "url": self.url(account_id),
        }

    def result(self, address: str) -> dict[str, Any]:
        ranked: list[tuple[str, dict[str, Any]]] = []
        for kind in ("Contact", "Lead"):
            records = sorted(
                self._by_email.get((kind, address), []), key=self.last_active, reverse=True
            )
            ranked.extend((kind, record) for record in records)
        result: dict[str, Any] = {
            "email": address,
            "matches": [self.match(kind, record) for kind, record in ranked],
            "account": None,
            "opportunities": [],
            "cases": [],
            "activities": [],
        }
        if not ranked:
            return result
        kind, first = ranked[0]
        result["activities"] = self.activities(first)
        if kind == "Contact":
            result["account"] = account = self.account(first)
            if account is not None:
                account_id = str(account["id"])
                result["opportunities"] = [
                    self._view(o, _OPPORTUNITY) for o in self._opportunities.get(account_id, [])
                ]
                result["cases"] = [self._view(c, _CASE) for c in self._cases.get(account_id, [])]
        return result
