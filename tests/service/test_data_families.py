"""Privacy is a checked property (DESIGN §3): every item the app writes is documented.

docs/data.md is parsed here (its placeholder, family and attribute tables), so the page and the
test cannot drift. The app is driven through a whole life; the table is scanned after every
step (and while a token refresh holds its lease), and every item seen must match exactly one
documented family by its keys, carry only that family's attributes (and every one it always
has), keep sealed and hashed attributes sealed and hashed, and hold no secret in plain text.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import boto3
import pytest
from boto3.dynamodb.types import Binary, TypeDeserializer
from chalice.test import Client

from chalicelib.store.table import Store
from devstack.provision import ProvisionedStack
from tests.conftest import Mailboxes, SignIn
from tests.service.test_tracking import CHROME, ORIGIN_SECRET, Tracking, _paths, tracking_app

DATA_MD = Path(__file__).resolve().parents[2] / "docs" / "data.md"
#: Families no step of the app writes today (docs/data.md says why); every other documented
#: family must show up in the flow, so a new family gets a step here.
NOT_WRITTEN_BY_THE_APP = {"counter"}
HTML_MARKER = "Quarterly figures, strictly confidential"
HTML = (
    f"<html><body><p>{HTML_MARKER}</p>"
    '<a href="https://example.com/pricing?plan=pro">pricing</a> '
    '<a href="https://docs.example.org/guide">guide</a></body></html>'
)
RECIPIENT_IP = "203.0.113.77"
NEW_PERSON = "Whitfieldson"  # a new Lead's and Contact's last name: never in the table
NEW_ADDRESS = "dana.whitfieldson@brightline-labs.example"
PETER = "peter.gibbons@initech.com"  # a contact of the demo org (tests/service/test_lookup.py)


# -- docs/data.md, parsed -----------------------------------------------------------------------


def _sections(text: str, level: str) -> dict[str, str]:
    """Heading title -> body, for headings of exactly `level` ("##" or "###")."""
    parts = re.split(rf"^{level} (.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def _usage_totals(report: Any) -> dict[str, int]:
    """`GET /admin/usage`'s figures summed over its days."""
    totals: dict[str, int] = {}
    for day in report["days"]:
        for feature, n in day["counts"].items():
            totals[feature] = totals.get(feature, 0) + int(n)
    return totals


def _table(body: str, where: str) -> list[dict[str, str]]:
    """The first Markdown table in `body`, as rows keyed by the header's column names."""
    lines = [line.strip() for line in body.splitlines()]
    start = next((i for i, line in enumerate(lines) if line.startswith("|")), None)
    if start is None:
        raise AssertionError(f"docs/data.md: no table under {where}")
    rows: list[list[str]] = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    header, _rule, *data = rows
    for row in data:
        if len(row) != len(header):
            raise AssertionError(f"docs/data.md: a row of {where} has {len(row)} cells: {row}")
    return [dict(zip(header, row, strict=True)) for row in data]


def _code_spans(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


@dataclass(frozen=True)
class Attribute:
    name: re.Pattern[str]
    text: str
    stored_as: str
    always: bool


@dataclass(frozen=True)
class Family:
    name: str
    pk: re.Pattern[str]
    sk: re.Pattern[str]
    gsi1pk: re.Pattern[str] | None
    gsi1sk: re.Pattern[str] | None
    gsi1_optional: bool
    attributes: tuple[Attribute, ...]

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name.fullmatch(name)), None)


class Patterns:
    """Key patterns of docs/data.md (`USER#<org>#<user>`) as regular expressions."""

    def __init__(self, placeholders: dict[str, str]) -> None:
        self._placeholders = placeholders

    def compile(self, pattern: str, where: str) -> re.Pattern[str]:
        out = []
        for piece in re.split(r"(<[^<>]+>)", pattern):
            if piece.startswith("<") and piece.endswith(">"):
                if piece not in self._placeholders:
                    raise AssertionError(
                        f"docs/data.md: {where} uses {piece}, which the table of placeholders "
                        "does not define"
                    )
                out.append(f"(?:{self._placeholders[piece]})")
            else:
                out.append(re.escape(piece))
        return re.compile("".join(out))


def _one_pattern(cell: str, where: str) -> str:
    spans = _code_spans(cell)
    if len(spans) != 1:
        raise AssertionError(f"docs/data.md: {where} must be one `pattern`, found {cell!r}")
    return spans[0]


def documented_families(text: str) -> dict[str, Family]:
    top = _sections(text, "##")
    for needed in ("Placeholders", "Families", "Attributes"):
        assert needed in top, f"docs/data.md has no '## {needed}' section"
    placeholders = {}
    for row in _table(top["Placeholders"], "## Placeholders"):
        (name,) = _code_spans(row["placeholder"])
        (regex,) = _code_spans(row["matches"])
        re.compile(regex)
        placeholders[name] = regex
    patterns = Patterns(placeholders)
    sections = _sections(top["Attributes"], "###")
    families: dict[str, Family] = {}
    for row in _table(top["Families"], "## Families"):
        name = row["family"]
        where = f"family '{name}'"
        if name not in sections:
            raise AssertionError(f"docs/data.md: {where} has no '### {name}' attribute table")
        gsi1 = []
        for column in ("gsi1pk", "gsi1sk"):
            cell = row[column]
            gsi1.append(
                None
                if cell in ("—", "-", "")
                else patterns.compile(_one_pattern(cell, f"{where} {column}"), where)
            )
        attributes = []
        for attr in _table(sections[name], f"### {name}"):
            (attr_name,) = _code_spans(attr["attribute"])
            attributes.append(
                Attribute(
                    name=patterns.compile(attr_name, f"{where} attribute {attr_name}"),
                    text=attr_name,
                    stored_as=attr["stored as"].strip().lower(),
                    always=attr["present"].strip().lower().startswith("always"),
                )
            )
        families[name] = Family(
            name=name,
            pk=patterns.compile(_one_pattern(row["pk"], f"{where} pk"), where),
            sk=patterns.compile(_one_pattern(row["sk"], f"{where} sk"), where),
            gsi1pk=gsi1[0],
            gsi1sk=gsi1[1],
            gsi1_optional="optional" in row["gsi1pk"].lower(),
            attributes=tuple(attributes),
        )
    extra = set(sections) - set(families)
    assert not extra, f"docs/data.md: attribute tables for undocumented families: {extra}"
    return families


# -- the scan ----------------------------------------------------------------------------------

_deserializer = TypeDeserializer()


def _native(value: Any) -> Any:
    """Binary as bytes (also inside maps and lists); other values as deserialized."""
    if isinstance(value, Binary):
        return bytes(value)
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value


def _plain(raw: dict[str, Any]) -> dict[str, Any]:
    return {name: _native(_deserializer.deserialize(value)) for name, value in raw.items()}


def _dump(item: dict[str, Any]) -> str:
    """The item as text: binary values as base64, so a secret hidden in them is found too."""

    def default(value: Any) -> Any:
        if isinstance(value, bytes | bytearray):
            return base64.b64encode(bytes(value)).decode()
        if isinstance(value, set):
            return sorted(value, key=str)
        return str(value)

    return json.dumps(item, default=default, sort_keys=True)


@dataclass
class Seen:
    """Every distinct item version seen by any scan, with the step after which it was seen."""

    stack: ProvisionedStack
    items: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    last: list[dict[str, Any]] = field(default_factory=list)

    def scan(self, step: str) -> None:
        client = boto3.client("dynamodb")
        found: list[dict[str, Any]] = []
        for page in client.get_paginator("scan").paginate(TableName=self.stack.table_name):
            found.extend(_plain(raw) for raw in page["Items"])
        for item in found:
            self.items.setdefault(_dump(item), (step, item))
        self.last = found

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        return iter(self.items.values())


def _label(step: str, item: dict[str, Any]) -> str:
    return f"item pk={item.get('pk')!r} sk={item.get('sk')!r} (seen after: {step})"


def family_problems(
    families: dict[str, Family], step: str, item: dict[str, Any]
) -> tuple[str | None, list[str]]:
    """(the item's family, what is wrong with it)."""
    label = _label(step, item)
    pk, sk = str(item.get("pk", "")), str(item.get("sk", ""))
    matching = [f for f in families.values() if f.pk.fullmatch(pk) and f.sk.fullmatch(sk)]
    if len(matching) != 1:
        names = [f.name for f in matching]
        what = "no documented family" if not names else f"several families {names}"
        return None, [f"{label} matches {what} in docs/data.md (## Families)"]
    (family,) = matching
    label = f"{label} ({family.name})"
    return family.name, _gsi1_problems(family, label, item) + _attribute_problems(
        family, label, item
    )


def _gsi1_problems(family: Family, label: str, item: dict[str, Any]) -> list[str]:
    problems = []
    for column, pattern in (("gsi1pk", family.gsi1pk), ("gsi1sk", family.gsi1sk)):
        value = item.get(column)
        if pattern is None and value is not None:
            problems.append(f"{label} has {column}={value!r}; documented: none")
        elif pattern is not None and value is None and not family.gsi1_optional:
            problems.append(f"{label} lacks {column}, documented as always there")
        elif pattern is not None and value is not None and not pattern.fullmatch(str(value)):
            problems.append(f"{label} {column}={value!r} does not match its documented pattern")
    return problems


def _attribute_problems(family: Family, label: str, item: dict[str, Any]) -> list[str]:
    problems = []
    for name, value in item.items():
        if name in ("pk", "sk", "gsi1pk", "gsi1sk"):
            continue
        attribute = family.attribute(name)
        if attribute is None:
            problems.append(
                f"{label} holds attribute {name!r}, undocumented for this family in "
                f"docs/data.md (### {family.name})"
            )
        elif attribute.stored_as == "sealed" and not (
            isinstance(value, bytes) and value[:1] == b"\x01"  # the envelope's version byte
        ):
            problems.append(f"{label} {name!r} is documented sealed: {value!r}")
        elif attribute.stored_as == "sha-256" and not re.fullmatch(r"[0-9a-f]{64}", str(value)):
            problems.append(f"{label} {name!r} is documented SHA-256: {value!r}")
    for attribute in family.attributes:
        if attribute.always and not any(attribute.name.fullmatch(n) for n in item):
            problems.append(f"{label} lacks {attribute.text!r}, documented as always there")
    return problems


# -- the flow ----------------------------------------------------------------------------------


@dataclass
class Flow:
    tracking: Tracking
    seen: Seen
    secrets: dict[str, str] = field(default_factory=dict)  # what -> value
    mailboxes: Mailboxes | None = None

    @property
    def client(self) -> Client:
        return self.tracking.client

    @property
    def sign_in(self) -> SignIn:
        return self.tracking.sign_in

    def keep(self, what: str, value: str | None) -> None:
        assert value, what
        self.secrets[what] = value

    def login(self, username: str) -> str:
        """A full sign-in, keeping its state, browser nonce, code and session token."""
        n = len(self.secrets)
        url = self.sign_in.authorize_url()
        self.keep(f"OAuth state #{n}", _query(url)["state"])
        self.keep(f"browser nonce #{n}", self.sign_in.browser_nonce)
        params = self.sign_in.consent(url, username)
        self.keep(f"authorization code #{n}", params["code"])
        response = self.sign_in.callback(params)
        assert response.status_code == 302, response.body
        token = SignIn.cookie(response, "__Host-stratus_session")
        self.keep(f"session token of {username} #{n}", token)
        self.seen.scan(f"{username} signed in")
        return str(token)

    def call(self, method: str, path: str, token: str, body: Any = None, status: int = 200) -> Any:
        headers = {"Authorization": f"Bearer {token}"}
        kwargs: dict[str, Any] = {"headers": headers}
        if body is not None:
            headers["Content-Type"] = "application/json"
            kwargs["body"] = json.dumps(body).encode()
        response = getattr(self.client.http, method)(path, **kwargs)
        assert response.status_code == status, (method, path, response.status_code, response.body)
        self.seen.scan(f"{method.upper()} {path}")
        return json.loads(response.body) if response.body else None

    def connect(self, provider: str, token: str) -> None:
        """A signed-in user connects a mailbox (Google or Microsoft), keeping its secrets."""
        import requests

        n = len(self.secrets)
        cookie = "__Secure-stratus_oauth"
        start = self.client.http.get(
            f"/connections/{provider}/start", headers={"Authorization": f"Bearer {token}"}
        )
        assert start.status_code == 302, start.body
        nonce = SignIn.cookie(start, cookie)
        self.keep(f"{provider} browser nonce #{n}", nonce)
        self.keep(f"{provider} OAuth state #{n}", _query(start.headers["Location"])["state"])
        reply = requests.get(start.headers["Location"], allow_redirects=False, timeout=10)
        params = _query(reply.headers["Location"])
        self.keep(f"{provider} authorization code #{n}", params["code"])
        self.seen.scan(f"{provider} connection started")
        response = self.client.http.get(
            f"/connections/{provider}/callback?{urlencode(params)}",
            headers={"Authorization": f"Bearer {token}", "Cookie": f"{cookie}={nonce}"},
        )
        assert response.status_code == 302, response.body
        self.seen.scan(f"{provider} connected")

    def mailbox_steps(self, alice: str, bob: str) -> None:
        assert self.mailboxes is not None
        self.connect("google", alice)
        self.connect("microsoft", alice)
        self.connect("google", bob)
        self.mailboxes.google.expire_access_tokens()
        self.mailboxes.microsoft.expire_access_tokens()
        self.call("get", "/connections/google", alice)
        self.call("get", "/connections/microsoft", alice)
        self.call("get", "/me", alice)

    def email_steps(self, alice: str, stack: ProvisionedStack) -> None:
        """alice logs a Gmail email (queued, then run by the worker as Lambda would), an
        Outlook one, and one her phone holds, with an Idempotency-Key (replayed once)."""
        from app import email_jobs
        from devstack.worker import poll_once

        assert self.mailboxes is not None
        gmail = str(self.mailboxes.google.demo.messages["alice@acme.demo"]["plain"])
        outlook = str(self.mailboxes.microsoft.demo.messages["alice"]["sent"])
        job = self.call("post", "/emails", alice, {"source": "gmail", "message_id": gmail}, 202)
        self.call("post", "/emails", alice, {"source": "outlook", "message_id": outlook}, 202)
        while poll_once(boto3.client("sqs"), stack.email_queue_url, email_jobs).received:
            self.seen.scan("the worker ran a job")
        assert (
            self.call("get", f"/emails/jobs/{job['job']['id']}", alice)["job"]["status"] == "done"
        )
        held = {
            "source": "client",
            "message": {
                "internet_message_id": "<phone-1@acme.demo>",
                "subject": "Pricing follow-up",
                "date": "2026-11-20T10:00:00Z",
                "from": {"email": "alice@acme.demo"},
                "to": [{"email": PETER}],
                "text": HTML_MARKER,
            },
        }
        headers = {"Authorization": f"Bearer {alice}", "Content-Type": "application/json"}
        headers["Idempotency-Key"] = "phone-queue-1"
        for _ in range(2):
            response = self.client.http.post("/emails", body=json.dumps(held), headers=headers)
            assert response.status_code == 201, response.body
            self.seen.scan("POST /emails with an Idempotency-Key")

    def calendar_steps(self, alice: str, stack: ProvisionedStack) -> None:
        """alice turns calendar sync on (Google) and asks for a run, which the worker does as
        Lambda would: her state and the pairs of both sides' events."""
        from app import calendar_sync
        from devstack.worker import poll_once

        self.call("put", "/me/calendar-sync", alice, {"enabled": True, "provider": "google"})
        self.call("post", "/me/calendar-sync/run", alice, status=202)
        while poll_once(boto3.client("sqs"), stack.calendar_queue_url, calendar_sync).received:
            self.seen.scan("the worker synced a calendar")
        assert self.call("get", "/me/calendar-sync", alice)["status"]["state"] == "ok"

    def records_steps(self, alice: str) -> None:
        """alice parses a sender's signature, creates a Lead for them with an Idempotency-Key,
        and her phone replays a queued Contact twice (POST /actions)."""
        signed = f"Thanks!\n\nDana {NEW_PERSON}\nBrightline Labs\n{HTML_MARKER}\n"
        sender = {"email": NEW_ADDRESS, "name": f"Dana {NEW_PERSON}"}
        self.call("post", "/signatures/parse", alice, {"text": signed, "from": sender})
        self.seen.scan("POST /signatures/parse")
        lead = {"last_name": NEW_PERSON, "company": "Brightline Labs", "email": NEW_ADDRESS}
        headers = {"Authorization": f"Bearer {alice}", "Content-Type": "application/json"}
        headers["Idempotency-Key"] = "new-lead-1"
        response = self.client.http.post("/records/leads", body=json.dumps(lead), headers=headers)
        assert response.status_code == 201, response.body
        self.seen.scan("POST /records/leads with an Idempotency-Key")
        contact = {"last_name": NEW_PERSON, "email": NEW_ADDRESS, "company": "Initech"}
        action = {"key": "c-1", "method": "POST", "path": "/records/contacts", "body": contact}
        for _ in range(2):
            self.call("post", "/actions", alice, {"actions": [action]})
            self.seen.scan("POST /actions")

    def run_org_deletion(self) -> None:
        """The org-deletion queue's worker, as Lambda would run it, until the queue is empty."""
        from app import org_deletion
        from devstack.worker import poll_once

        sqs = boto3.client("sqs")
        url = sqs.get_queue_url(QueueName=self.seen.stack.org_deletion_queue_name)["QueueUrl"]
        for _ in range(30):
            if not poll_once(sqs, url, org_deletion, visibility_timeout=0).received:
                return
            self.seen.scan("an org-deletion run")
        raise AssertionError("the org deletion did not end")

    def keep_mailbox_tokens(self) -> None:
        """Every token the Google and Microsoft emulators issued."""
        assert self.mailboxes is not None
        for emu in (self.mailboxes.google, self.mailboxes.microsoft):
            for i, token in enumerate(emu.issued_tokens()):
                self.keep(f"{type(emu).__name__} token #{i}", token)

    def hit(self, path: str, step: str, *, located: bool = False) -> None:
        self.keep(f"tracking token {path}", path.rsplit("/", 1)[-1])
        headers = {"User-Agent": CHROME, "X-Forwarded-For": RECIPIENT_IP}
        if located:
            headers.update(
                {
                    "X-Origin-Secret": ORIGIN_SECRET,
                    "CloudFront-Viewer-Country": "US",
                    "CloudFront-Viewer-Country-Region": "WA",
                    "CloudFront-Viewer-City": "Seattle",
                    "CloudFront-Viewer-Address": f"{RECIPIENT_IP}:443",
                }
            )
        response = self.client.http.get(path, headers=headers)
        assert response.status_code in (200, 302), (path, response.status_code)
        self.seen.scan(step)


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def flow(
    client: Client,
    sign_in: SignIn,
    stack: ProvisionedStack,
    monkeypatch: pytest.MonkeyPatch,
    mailbox_env: Mailboxes,
) -> Flow:
    monkeypatch.setenv("STRATUS_EMAIL_QUEUE", stack.email_queue_name)
    monkeypatch.setenv("STRATUS_CALENDAR_QUEUE", stack.calendar_queue_name)
    monkeypatch.setenv("STRATUS_ORG_DELETION_QUEUE", stack.org_deletion_queue_name)
    monkeypatch.setenv("ORG_DELETION_SETTLE_SECONDS", "0")  # the last sweep at once
    seen = Seen(stack)
    release = Store.release_lease

    def scanned_release(self: Store, lease: Any) -> bool:  # the lease exists only meanwhile
        seen.scan(f"holding the lease {lease.resource}")
        return release(self, lease)

    monkeypatch.setattr(Store, "release_lease", scanned_release)
    flow = Flow(tracking_app(client, sign_in, stack, monkeypatch), seen)
    flow.mailboxes = mailbox_env
    return flow


def test_every_item_of_a_whole_life_is_a_documented_family_with_documented_attributes(
    flow: Flow,
) -> None:
    families = documented_families(DATA_MD.read_text(encoding="utf-8"))
    emu = flow.sign_in.salesforce.emu
    clock = flow.tracking.clock

    # An admin turns tracking on; alice (two devices) and bob sign in
    admin = flow.login("admin@acme.demo")
    flow.call("put", "/admin/settings", admin, {"email_tracking": True, "link_tracking": True})
    alice = flow.login("alice@acme.demo")
    alice_phone = flow.login("alice@acme.demo")
    bob = flow.login("bob@acme.demo")
    bob_me = flow.call("get", "/me", bob)

    # alice and bob prepare tracked messages
    body = {"subject": "Pricing", "recipients": ["ann@client.example", "cy@client.example"]}
    prepared = flow.call("post", "/tracking/messages", alice, {**body, "html": HTML}, 201)
    bobs = flow.call(
        "post", "/tracking/messages", bob, {"recipients": ["dee@x.example"], "html": HTML}, 201
    )
    ann = prepared["recipients"][0]["html"]
    # recipients open and click, an hour later (a person, not a scanner), one through CloudFront
    clock.advance(3600)
    flow.hit(_paths(ann, "o")[0], "ann's pixel", located=True)
    clock.advance(5)
    flow.hit(_paths(ann, "c")[0], "ann's click", located=True)
    flow.hit(_paths(prepared["recipients"][1]["html"], "c")[1], "cy's click")
    flow.hit(_paths(bobs["recipients"][0]["html"], "o")[0], "dee's pixel")
    flow.call("get", "/admin/settings", admin)  # an hour on: rights read again, on the session
    flow.call("get", f"/tracking/messages/{prepared['id']}", alice)
    flow.call("get", "/tracking/activity", alice)

    # alice looks addresses up, and her access token expires (a refresh under the lease)
    flow.call("get", f"/lookup?{urlencode({'email': PETER})}", alice)
    flow.call("post", "/lookup", alice, {"emails": [PETER, "nobody@nowhere.example"]})
    emu.expire_access_tokens()
    flow.call("get", "/me/salesforce", alice)
    # the admin reads the dashboard's figures (this container's usage sums are flushed first)
    flow.call("get", "/admin/usage", admin)
    flow.call("get", "/admin/users", admin)
    # the admin lets users choose attachments; alice turns them on; anyone reads the status
    flow.call("put", "/admin/settings", admin, {"user_overrides": ["attachments"]})
    flow.call("put", "/me/settings", alice, {"attachments": True})
    flow.call("get", "/status", admin)  # this container's request counts are flushed first

    # alice connects Gmail and Outlook, bob Gmail; their access tokens expire (refreshes)
    flow.mailbox_steps(alice, bob)
    # alice logs emails from Gmail and Outlook (the queue and its worker) and from her phone
    flow.email_steps(alice, flow.seen.stack)
    before = _usage_totals(flow.call("get", "/admin/usage", admin))
    # ... the dashboard counts each use of the figures the flow made so far
    # (attachments: tests/service/test_emails.py, which logs one)
    used = ("lookups", "tracked_messages", "emails_logged")
    assert all(before.get(figure, 0) > 0 for figure in used), sorted(before.items())
    assert sum(n for name, n in before.items() if name.startswith("clicks_")) >= 2, before
    rows = flow.call("get", "/admin/users", admin)["users"]
    assert sum(row["usage_30_days"]["emails_logged"] for row in rows) > 0, rows
    # alice syncs her Google calendar with her Salesforce Events (docs/calendar.md)
    flow.calendar_steps(alice, flow.seen.stack)
    # alice creates a Lead and a Contact from a signature (docs/records.md)
    flow.records_steps(alice)
    # the dashboard counts the events synced and the Salesforce calls of calendar and records
    after = _usage_totals(flow.call("get", "/admin/usage", admin))
    assert after.get("events_synced_to_salesforce", 0) > 0, after
    assert after.get("events_synced_from_salesforce", 0) > 0, after
    assert after["salesforce_api_calls"] - before.get("salesforce_api_calls", 0) >= 3, after

    # alice logs out on her phone; someone starts a sign-in and never finishes it
    flow.call("post", "/auth/logout", alice_phone, status=204)
    abandoned = flow.sign_in.authorize_url()
    flow.keep("OAuth state of an abandoned sign-in", _query(abandoned)["state"])
    flow.keep("browser nonce of an abandoned sign-in", flow.sign_in.browser_nonce)
    flow.seen.scan("a sign-in started and abandoned")

    # bob deletes his account
    flow.call("delete", "/me", bob)

    for username in ("admin@acme.demo", "alice@acme.demo", "bob@acme.demo"):
        user = emu.user_by_username(username)
        assert user is not None
        for i, token in enumerate(emu.issued_refresh_tokens(user["Id"])):
            flow.keep(f"refresh token #{i} of {username}", token)
        for i, token in enumerate(emu.issued_access_tokens(user["Id"])):
            flow.keep(f"access token #{i} of {username}", token)

    flow.keep_mailbox_tokens()
    after_bob = flow.seen.last

    # at last the admin deletes the whole org (its queue's worker runs every slice)
    org_id = str(bob_me["org"]["id"])
    flow.call("delete", "/admin/org", admin, {"confirm": org_id}, status=202)
    flow.run_org_deletion()

    # Then every item seen is a documented family with documented attributes
    problems: list[str] = []
    found_families: set[str] = set()
    for step, item in flow.seen:
        name, wrong = family_problems(families, step, item)
        problems += wrong
        if name:
            found_families.add(name)
    # ... and holds no secret, no email body, no recipient's IP or user agent
    never = {
        **flow.secrets,
        "the email's HTML body": HTML_MARKER,
        "the recipient's IP address": RECIPIENT_IP,
        "the recipient's user agent": "Chrome/126",
        "a new record's name": NEW_PERSON,
        "a new record's address": NEW_ADDRESS,
    }
    for step, item in flow.seen:
        text = _dump(item)
        for what, value in never.items():
            encoded = base64.b64encode(value.encode()).decode()[:20]
            if value in text or encoded in text:
                problems.append(f"{_label(step, item)} contains {what} in plain text")
    if problems:  # one line per problem, once (an item seen in several scans is one item)
        unique = {re.sub(r" \(seen after: [^)]*\)", "", p): p for p in reversed(problems)}
        pytest.fail(
            "docs/data.md and the table disagree:\n  " + "\n  ".join(reversed(unique.values())),
            pytrace=False,
        )

    # The flow wrote every family the app writes (a new family needs a step above)
    missing = set(families) - NOT_WRITTEN_BY_THE_APP - found_families
    assert not missing, f"documented families the flow never wrote: {sorted(missing)}"
    assert len(flow.secrets) >= 20, sorted(flow.secrets)

    # And nothing names bob once his account is deleted (his revocation tag is one-way)
    bob_id, bob_name = str(bob_me["user"]["id"]), str(bob_me["user"]["username"])
    leftovers = [i for i in after_bob if bob_id in _dump(i) or bob_name in _dump(i)]
    assert not leftovers, f"items naming bob after his account was deleted: {leftovers}"
    assert any(name.startswith("tracking_revoked#") for i in after_bob for name in i), (
        "bob's deletion left no revocation tag on the org's settings"
    )
    # And nothing names the org once it is deleted
    left = [i for i in flow.seen.last if org_id in _dump(i)]
    assert not left, f"items naming the org after its deletion: {left}"
