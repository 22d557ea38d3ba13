"""Email lookup against the Salesforce emulator: what is answered, what it costs in API calls,
the per-user cache, the org's API limit, and Salesforce failures.

The app runs in-process on moto; the emulator counts every API call it serves, so costs are
asserted exactly. Time is the app's clock moved by hand (no sleeping).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.providers.salesforce.provider import NAME as PROVIDER
from chalicelib.settings import get_settings
from chalicelib.store import keys
from devstack.sfemu import Emulator
from tests.conftest import Salesforce, SignIn
from tests.fakes import FakeClock

HANK = "hank.scorpio@globex.com"  # alice's contact (Globex); bob cannot see it
PETER = "peter.gibbons@initech.com"  # alice's contact and bob's lead
SAM = "sam.rivera@rivera-consulting.com"  # a contact under Globex (alice) and Stark (bob)
NOBODY = "nobody@nowhere.example"


@dataclass
class Sidebar:
    """A signed-in user's sidebar talking to the app."""

    client: Client
    token: str

    def get(self, address: str) -> Any:
        from urllib.parse import urlencode

        return self.client.http.get(
            f"/lookup?{urlencode({'email': address})}",
            headers={"Authorization": f"Bearer {self.token}"},
        )

    def post(self, addresses: list[str]) -> Any:
        return self.client.http.post(
            "/lookup",
            body=json.dumps({"emails": addresses}),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )

    def results(self, *addresses: str) -> list[dict[str, Any]]:
        response = self.post(list(addresses)) if len(addresses) > 1 else self.get(addresses[0])
        assert response.status_code == 200, response.body
        results: list[dict[str, Any]] = json.loads(response.body)["results"]
        return results


def _error(response: Any) -> dict[str, str]:
    error: dict[str, str] = json.loads(response.body)["error"]
    return error


def _matched(result: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(m["type"], m["company"]) for m in result["matches"]]


@pytest.fixture
def app_clock(sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The app's clock, moved by hand."""
    fake = FakeClock()
    monkeypatch.setattr(deps.clock(), "now", fake.now)
    return fake


@pytest.fixture
def backoffs(sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The Salesforce client's retry sleeps, recorded instead of slept."""
    delays: list[float] = []
    monkeypatch.setattr(
        "chalicelib.providers.salesforce.provider.SalesforceClient",
        functools.partial(SalesforceClient, sleep=delays.append),
    )
    return delays


@pytest.fixture
def emu(sign_in: SignIn) -> Emulator:
    return sign_in.salesforce.emu


@pytest.fixture
def sidebar(
    sign_in: SignIn, client: Client, app_clock: FakeClock, backoffs: list[float]
) -> Iterator[Any]:
    """`sidebar("alice@acme.demo")`: a signed-in user's sidebar; counters start at zero."""

    def open_as(username: str) -> Sidebar:
        token = sign_in(username)
        sign_in.salesforce.emu.reset_counters()
        return Sidebar(client, token)

    yield open_as


def _user_id(emu: Emulator, username: str) -> str:
    user = emu.user_by_username(username)
    assert user is not None
    return str(user["Id"])


def _days_ago(emu: Emulator, days: float) -> dt.datetime:
    return emu.clock() - dt.timedelta(days=days)


def _task(emu: Emulator, owner: str, who: str, subject: str, due: dt.date) -> None:
    emu.org.insert(
        "Task",
        {"WhoId": who, "Subject": subject, "ActivityDate": due, "Status": "Completed"},
        as_user=owner,
    )


def _event(emu: Emulator, owner: str, who: str, subject: str, start: dt.datetime) -> None:
    emu.org.insert(
        "Event",
        {"WhoId": who, "Subject": subject, "StartDateTime": start, "DurationInMinutes": 30},
        as_user=owner,
    )


# -- what is answered ----------------------------------------------------------------------------


def test_a_contact_is_described_with_its_account_open_deals_open_cases_and_activities(
    sidebar: Any, emu: Emulator, sf_env: Salesforce
) -> None:
    # Given alice, who owns Globex and its CEO Hank
    alice = sidebar("alice@acme.demo")
    # When she opens an email from Hank
    (result,) = alice.results(HANK)
    # Then Hank is her Contact, with a link into Salesforce
    assert result["email"] == HANK
    (match,) = result["matches"]
    hank = emu.demo.contacts["hank"]
    assert match == {
        "type": "Contact",
        "id": hank,
        "name": "Hank Scorpio",
        "title": "CEO",
        "phone": "+1 555 0200",
        "company": "Globex Corporation",
        "owner": "Alice Anders",
        "url": f"{sf_env.url}/{hank}",  # the connection's instance URL
    }
    # ... his account, only its open opportunities and cases, and his past activities (his
    # upcoming task and workshop are not activities yet)
    assert result["account"]["name"] == "Globex Corporation"
    assert result["account"]["owner"] == "Alice Anders"
    assert [(o["name"], o["stage"], o["amount"]) for o in result["opportunities"]] == [
        ("Globex Expansion", "Prospecting", 120000.0)
    ]
    assert result["opportunities"][0]["close_date"] is not None
    assert [(c["subject"], c["status"]) for c in result["cases"]] == [
        ("Cannot log in to portal", "New")
    ]
    assert [(a["type"], a["subject"]) for a in result["activities"]] == [("Task", "Send proposal")]
    # ... for exactly one API call
    assert emu.api_calls == 1


def test_an_address_nobody_has_answers_no_matches(sidebar: Any, emu: Emulator) -> None:
    alice = sidebar("alice@acme.demo")
    (result,) = alice.results(NOBODY)
    assert result == {
        "email": NOBODY,
        "matches": [],
        "account": None,
        "opportunities": [],
        "cases": [],
        "activities": [],
    }
    assert emu.api_calls == 1


def test_addresses_are_matched_ignoring_case_and_surrounding_spaces(
    sidebar: Any, emu: Emulator
) -> None:
    # Given the consultant filed under Stark as "Sam.Rivera@Rivera-Consulting.com"
    bob = sidebar("bob@acme.demo")
    # When bob looks up the address in yet another case, with spaces around it
    (result,) = bob.results("  SAM.rivera@RIVERA-consulting.COM ")
    # Then it matches, and the answer names the normalised address
    assert result["email"] == SAM
    assert _matched(result) == [("Contact", "Stark Industries")]
    # ... and the lower-case spelling is the same cache entry
    bob.results(SAM)
    assert emu.api_calls == 1


def test_contacts_come_before_leads_and_the_most_recently_active_first(
    sidebar: Any, emu: Emulator
) -> None:
    # Given the admin, who sees both Sams and both Peters; the Globex Sam had a call yesterday,
    # the Stark Sam two days ago
    admin_id = _user_id(emu, "admin@acme.demo")
    yesterday = (emu.clock() - dt.timedelta(days=1)).date()
    emu.org.insert(
        "Task",
        {
            "WhoId": emu.demo.contacts["sam_globex"],
            "Subject": "Call about the audit",
            "ActivityDate": yesterday,
            "Status": "Completed",
        },
        as_user=admin_id,
    )
    admin = sidebar("admin@acme.demo")
    # When the admin looks both addresses up
    peter, sam = admin.results(PETER, SAM)
    # Then the Contact comes before the Lead
    assert [m["type"] for m in peter["matches"]] == ["Contact", "Lead"]
    assert peter["account"]["name"] == "Initech"
    # ... and the Sam active yesterday comes first (his upcoming task does not count as activity)
    # and describes the answer, with his past activities only
    assert _matched(sam) == [("Contact", "Globex Corporation"), ("Contact", "Stark Industries")]
    assert sam["account"]["name"] == "Globex Corporation"
    assert [a["subject"] for a in sam["activities"]] == ["Call about the audit"]


def test_a_contact_comes_before_a_lead_that_was_active_more_recently(
    sidebar: Any, emu: Emulator
) -> None:
    # Given an address that is alice's Contact (changed 30 days ago, a call 10 days ago) and
    # her Lead (changed 20 days ago, a call yesterday): by recency alone the Lead would lead
    alice_id = _user_id(emu, "alice@acme.demo")
    address = "dana.scully@fbi.example"
    contact = emu.org.insert(
        "Contact",
        {
            "FirstName": "Dana",
            "LastName": "Scully",
            "Email": address,
            "AccountId": emu.demo.accounts["globex"],
            "LastModifiedDate": _days_ago(emu, 30),
        },
        as_user=alice_id,
    )
    lead = emu.org.insert(
        "Lead",
        {
            "FirstName": "Dana",
            "LastName": "Scully",
            "Company": "FBI",
            "Email": address,
            "LastModifiedDate": _days_ago(emu, 20),
        },
        as_user=alice_id,
    )
    _task(emu, alice_id, contact["Id"], "Contact call", _days_ago(emu, 10).date())
    _task(emu, alice_id, lead["Id"], "Lead call", _days_ago(emu, 1).date())
    alice = sidebar("alice@acme.demo")
    # When alice looks the address up
    (result,) = alice.results(address)
    # Then the Contact comes first and describes the answer
    assert _matched(result) == [("Contact", "Globex Corporation"), ("Lead", "FBI")]
    assert result["account"]["name"] == "Globex Corporation"
    assert [a["subject"] for a in result["activities"]] == ["Contact call"]


def test_five_open_deals_five_open_cases_and_five_latest_activities_newest_first(
    sidebar: Any, emu: Emulator
) -> None:
    # Given alice's account with 7 open Opportunities and 7 open Cases created a day apart, the
    # newest of each closed, and its contact with 7 past activities on distinct dates
    alice_id = _user_id(emu, "alice@acme.demo")
    account = emu.org.insert("Account", {"Name": "Hooli"}, as_user=alice_id)["Id"]
    contact = emu.org.insert(
        "Contact",
        {"LastName": "Belson", "Email": "gavin@hooli.example", "AccountId": account},
        as_user=alice_id,
    )["Id"]
    today = emu.clock().date()
    for n in range(1, 8):
        emu.org.insert(
            "Opportunity",
            {
                "AccountId": account,
                "Name": f"Deal {n}",
                "StageName": "Prospecting",
                "CloseDate": today + dt.timedelta(days=30),
                "CreatedDate": _days_ago(emu, n),
            },
            as_user=alice_id,
        )
        emu.org.insert(
            "Case",
            {"AccountId": account, "Subject": f"Case {n}", "CreatedDate": _days_ago(emu, n)},
            as_user=alice_id,
        )
    emu.org.insert(
        "Opportunity",
        {"AccountId": account, "Name": "Won deal", "StageName": "Closed Won", "CloseDate": today},
        as_user=alice_id,
    )
    emu.org.insert(
        "Case", {"AccountId": account, "Subject": "Solved", "Status": "Closed"}, as_user=alice_id
    )
    for n in (1, 3, 5, 7):
        _task(emu, alice_id, contact, f"Activity {n}", today - dt.timedelta(days=n))
    for n in (2, 4, 6):
        _event(emu, alice_id, contact, f"Activity {n}", _days_ago(emu, n))
    alice = sidebar("alice@acme.demo")
    # When alice looks the contact up
    (result,) = alice.results("gavin@hooli.example")
    # Then exactly 5 of each, newest first, and nothing closed
    assert [o["name"] for o in result["opportunities"]] == [f"Deal {n}" for n in range(1, 6)]
    assert [c["subject"] for c in result["cases"]] == [f"Case {n}" for n in range(1, 6)]
    assert [(a["type"], a["subject"]) for a in result["activities"]] == [
        ("Task", "Activity 1"),
        ("Event", "Activity 2"),
        ("Task", "Activity 3"),
        ("Event", "Activity 4"),
        ("Task", "Activity 5"),
    ]
    # ... for one API call
    assert emu.api_calls == 1


def test_upcoming_tasks_and_events_do_not_push_out_past_activities(
    sidebar: Any, emu: Emulator
) -> None:
    # Given Hank (who has one past task) with 5 more past activities, among them a task due
    # today and a meeting that started a minute ago, and 7 upcoming ones (8 with his workshop)
    alice_id = _user_id(emu, "alice@acme.demo")
    hank = emu.demo.contacts["hank"]
    now, today = emu.clock(), emu.clock().date()
    _task(emu, alice_id, hank, "Due today", today)
    _event(emu, alice_id, hank, "Started a minute ago", now - dt.timedelta(minutes=1))
    _task(emu, alice_id, hank, "Two days ago", today - dt.timedelta(days=2))
    _event(emu, alice_id, hank, "Three days ago", now - dt.timedelta(days=3))
    _task(emu, alice_id, hank, "Four days ago", today - dt.timedelta(days=4))
    for days in (1, 2, 3):
        _task(emu, alice_id, hank, f"Due in {days} days", today + dt.timedelta(days=days))
    for hours in (1, 5, 48, 72):
        _event(emu, alice_id, hank, f"In {hours} hours", now + dt.timedelta(hours=hours))
    alice = sidebar("alice@acme.demo")
    # When alice looks Hank up
    (result,) = alice.results(HANK)
    # Then his 5 latest past activities are answered, latest first; nothing upcoming (a task due
    # today counts from midnight UTC)
    latest = ["Started a minute ago", "Due today"]
    if (now - dt.timedelta(minutes=1)).date() < today:  # a test run in the first minute of a day
        latest.reverse()
    assert [a["subject"] for a in result["activities"]] == [
        *latest,
        "Two days ago",
        "Three days ago",
        "Four days ago",
    ]
    # and every date is in the API's format: a Task's day, an Event's RFC 3339 UTC instant
    for activity in result["activities"]:
        pattern = DAY if activity["type"] == "Task" else INSTANT
        assert re.fullmatch(pattern, activity["date"]), activity


DAY = r"\d{4}-\d{2}-\d{2}"
INSTANT = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"


def test_a_lead_is_answered_without_an_account(sidebar: Any) -> None:
    bob = sidebar("bob@acme.demo")
    (result,) = bob.results(PETER)
    assert _matched(result) == [("Lead", "Initech")]
    assert result["matches"][0]["owner"] == "Bob Brown"
    assert result["account"] is None
    assert result["opportunities"] == result["cases"] == []
    assert result["activities"] == []  # its one task, "Qualify inbound lead", is due tomorrow


def test_a_user_who_cannot_read_opportunities_or_cases_still_gets_the_contact(
    sidebar: Any, emu: Emulator
) -> None:
    # Given casey, a contractor whose profile reads Accounts, Contacts and Leads only
    casey = sidebar("casey@acme.demo")
    # When casey looks up the Pied Piper CEO
    (result,) = casey.results("richard@piedpiper.com")
    # Then the contact and account are answered, the unreadable sections are empty
    assert _matched(result) == [("Contact", "Pied Piper")]
    assert result["account"]["name"] == "Pied Piper"
    assert result["opportunities"] == []
    assert result["cases"] == []
    assert emu.api_calls == 1


def test_an_address_with_a_quote_is_looked_up_safely(sidebar: Any, emu: Emulator) -> None:
    alice = sidebar("alice@acme.demo")
    (result,) = alice.results("o'brien@example.com")
    assert result["matches"] == []
    assert emu.api_calls == 1


def test_get_and_post_answer_results_in_request_order_with_duplicates_folded(
    sidebar: Any,
) -> None:
    alice = sidebar("alice@acme.demo")
    response = alice.post([NOBODY, HANK, "Hank.Scorpio@Globex.com", NOBODY, PETER])
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    results = json.loads(response.body)["results"]
    assert [r["email"] for r in results] == [NOBODY, HANK, PETER]
    single = json.loads(alice.get(HANK).body)
    assert single == {"results": [results[1]]}


# -- invalid requests ----------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["not-an-address", "a@b", "two words@example.com", "a@@b.co"])
def test_an_invalid_address_is_400_naming_it(sidebar: Any, emu: Emulator, address: str) -> None:
    alice = sidebar("alice@acme.demo")
    for response in (alice.get(address), alice.post([HANK, address])):
        assert response.status_code == 400
        error = _error(response)
        assert error["code"] == "validation_error"
        assert address in error["message"]
    assert emu.api_calls == 0


@pytest.mark.parametrize("count", [0, 26])
def test_a_batch_must_hold_1_to_25_addresses(sidebar: Any, emu: Emulator, count: int) -> None:
    alice = sidebar("alice@acme.demo")
    response = alice.post([f"person{i}@example.com" for i in range(count)])
    assert response.status_code == 400
    assert "emails" in _error(response)["message"]
    assert emu.api_calls == 0


def test_lookup_needs_a_session(client: Client, sf_env: Salesforce) -> None:
    response = client.http.get(f"/lookup?email={HANK}")
    assert response.status_code == 401
    assert _error(response)["code"] == "unauthenticated"


# -- what it costs -------------------------------------------------------------------------------


def test_a_repeat_within_the_cache_lifetime_costs_no_call_and_one_after_it(
    sidebar: Any, emu: Emulator, app_clock: FakeClock
) -> None:
    # Given alice looked Hank up once (one call)
    alice = sidebar("alice@acme.demo")
    first = alice.results(HANK)
    assert emu.api_calls == 1
    # When she opens his emails again within the 5 minutes
    app_clock.advance(299)
    again = alice.results(HANK)
    # Then no call is made, and the answer is the same
    assert again == first
    assert emu.api_calls == 1
    # When the 5 minutes are over, one call again
    app_clock.advance(1)
    alice.results(HANK)
    assert emu.api_calls == 2


def test_the_cache_lifetime_is_a_setting(
    sidebar: Any, emu: Emulator, app_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the lifetime set to 10 minutes
    monkeypatch.setenv("LOOKUP_CACHE_SECONDS", "600")
    get_settings.cache_clear()
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    # When alice looks Hank up again after 599 s, it is a hit
    app_clock.advance(599)
    alice.results(HANK)
    assert emu.api_calls == 1
    # ... and at 600 s it is a call again
    app_clock.advance(1)
    alice.results(HANK)
    assert emu.api_calls == 2


def test_the_cache_size_is_a_setting(
    sidebar: Any, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a container that keeps 2 lookups
    monkeypatch.setenv("LOOKUP_CACHE_ENTRIES", "2")
    get_settings.cache_clear()
    alice = sidebar("alice@acme.demo")
    # When alice looks 3 addresses up, one after the other
    for address in (HANK, PETER, SAM):
        alice.results(address)
    assert emu.api_calls == 3
    # Then the last two are hits, and the first, dropped, is a call again
    alice.results(SAM)
    alice.results(PETER)
    assert emu.api_calls == 3
    alice.results(HANK)
    assert emu.api_calls == 4


def test_a_batch_of_25_misses_costs_one_call_and_its_repeat_none(
    sidebar: Any, emu: Emulator
) -> None:
    # Given a compose window with 25 recipients, 3 of them known
    addresses = [HANK, PETER, SAM] + [f"guest{i}@example.com" for i in range(22)]
    alice = sidebar("alice@acme.demo")
    # When the sidebar looks them all up
    results = alice.results(*addresses)
    # Then one API call answered all 25, in order
    assert [r["email"] for r in results] == addresses
    assert [bool(r["matches"]) for r in results] == [True] * 3 + [False] * 22
    assert emu.api_calls == 1
    # ... and the same batch again costs nothing
    assert alice.results(*addresses) == results
    assert emu.api_calls == 1


def test_a_batch_mixing_hits_and_misses_costs_one_call_for_the_misses(
    sidebar: Any, emu: Emulator
) -> None:
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    results = alice.results(HANK, PETER, NOBODY)
    assert [r["email"] for r in results] == [HANK, PETER, NOBODY]
    assert emu.api_calls == 2
    alice.results(PETER, NOBODY, HANK)
    assert emu.api_calls == 2


# -- two users never share an entry --------------------------------------------------------------


def test_each_user_sees_only_their_own_records_from_cold_and_warm_cache(
    sidebar: Any, emu: Emulator
) -> None:
    # Given alice and bob, whose visibility differs
    alice = sidebar("alice@acme.demo")
    bob = sidebar("bob@acme.demo")
    alice_id, bob_id = _user_id(emu, "alice@acme.demo"), _user_id(emu, "bob@acme.demo")
    for attempt in ("cold", "warm"):
        # When each looks up the same three addresses
        hank_a, peter_a, sam_a = alice.results(HANK, PETER, SAM)
        hank_b, peter_b, sam_b = bob.results(HANK, PETER, SAM)
        # Then alice sees her contact Hank; bob sees nobody
        assert _matched(hank_a) == [("Contact", "Globex Corporation")], attempt
        assert hank_b["matches"] == [], attempt
        assert hank_b["account"] is None
        # ... alice sees Peter the Contact, bob Peter the Lead
        assert _matched(peter_a) == [("Contact", "Initech")], attempt
        assert _matched(peter_b) == [("Lead", "Initech")], attempt
        # ... and each sees only the Sam filed under their own account, with its deals
        assert _matched(sam_a) == [("Contact", "Globex Corporation")], attempt
        assert _matched(sam_b) == [("Contact", "Stark Industries")], attempt
        assert [o["name"] for o in sam_b["opportunities"]] == ["Stark Armor Program"]
        assert [o["name"] for o in sam_a["opportunities"]] == ["Globex Expansion"]
        # ... each user's miss was their own call, with their own token; the warm pass none
        assert emu.api_calls_by_user == {alice_id: 1, bob_id: 1}, attempt


# -- invalidation --------------------------------------------------------------------------------


def test_invalidating_an_address_for_a_user_makes_the_next_lookup_call_again(
    sidebar: Any, emu: Emulator, client: Client
) -> None:
    # Given alice and bob both have Peter cached
    alice = sidebar("alice@acme.demo")
    bob = sidebar("bob@acme.demo")
    alice.results(PETER)
    bob.results(PETER)
    org_id = emu.demo.org_id
    alice_id = _user_id(emu, "alice@acme.demo")
    assert emu.api_calls == 2
    # When alice's entry is invalidated (any spelling of the address)
    assert deps.lookups().invalidate(org_id, alice_id, " Peter.Gibbons@Initech.com") is True
    # Then alice's next lookup calls Salesforce once; bob's is still cached
    alice.results(PETER)
    bob.results(PETER)
    assert emu.api_calls == 3
    # When the address is invalidated for the whole org
    assert deps.lookups().invalidate_address(org_id, PETER) == 2
    # Then both call again, once each
    alice.results(PETER)
    bob.results(PETER)
    assert emu.api_calls == 5
    # ... and invalidating what is not cached is harmless
    assert deps.lookups().invalidate(org_id, alice_id, NOBODY) is False


def test_a_record_created_after_invalidation_is_seen(sidebar: Any, emu: Emulator) -> None:
    # Given alice looked up an unknown address (cached: nobody)
    alice = sidebar("alice@acme.demo")
    assert alice.results(NOBODY)[0]["matches"] == []
    # When a Lead is created for it and the address invalidated (what email sync will do)
    alice_id = _user_id(emu, "alice@acme.demo")
    emu.org.insert(
        "Lead",
        {"LastName": "Newcomer", "Company": "Nowhere", "Email": NOBODY},
        as_user=alice_id,
    )
    assert deps.lookups().invalidate(emu.demo.org_id, alice_id, NOBODY) is True
    # Then the next lookup finds it
    assert _matched(alice.results(NOBODY)[0]) == [("Lead", "Nowhere")]


# -- the org's API limit -------------------------------------------------------------------------


def test_near_the_daily_limit_hits_are_served_and_misses_answer_503(
    sidebar: Any, emu: Emulator, app_clock: FakeClock
) -> None:
    # Given an org at 90% of its daily API limit, and alice with Hank cached
    alice = sidebar("alice@acme.demo")
    emu.set_api_usage(13_499, 15_000)
    alice.results(HANK)  # this call is the 13,500th: the reading is now 90%
    calls = emu.api_calls
    # When she looks Hank up again, and then a new address
    hit = alice.get(HANK)
    miss = alice.get(PETER)
    # Then the hit is served, the miss is refused without calling Salesforce
    assert hit.status_code == 200
    assert miss.status_code == 503
    assert _error(miss)["code"] == "salesforce_limit_near"
    assert miss.headers["Retry-After"] == "300"
    assert emu.api_calls == calls
    # ... a batch with one miss among hits is refused too
    assert alice.post([HANK, PETER]).status_code == 503
    # When some time has passed, the Retry-After counts down
    app_clock.advance(120)
    assert alice.get(PETER).headers["Retry-After"] == "180"


def test_the_block_ends_when_the_last_usage_reading_is_older_than_the_cache_lifetime(
    sidebar: Any, emu: Emulator, app_clock: FakeClock
) -> None:
    # Given alice's org was near its limit at the last reading
    alice = sidebar("alice@acme.demo")
    emu.set_api_usage(14_000, 15_000)
    alice.results(HANK)
    assert alice.get(PETER).status_code == 503
    # When the reading is as old as the cache lifetime
    app_clock.advance(300)
    # Then one miss is served (a fresh reading): still near the limit, so misses stop again
    assert alice.get(PETER).status_code == 200
    assert alice.get(NOBODY).status_code == 503
    # When usage has fallen by the next probe, misses are served again
    app_clock.advance(300)
    emu.set_api_usage(100, 15_000)
    assert alice.get(NOBODY).status_code == 200
    assert alice.get(SAM).status_code == 200


def test_the_limit_share_is_a_setting(
    sidebar: Any, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the share set to 50%
    monkeypatch.setenv("LOOKUP_LIMIT_SHARE", "0.5")
    get_settings.cache_clear()
    alice = sidebar("alice@acme.demo")
    emu.set_api_usage(8_000, 15_000)
    # When usage is at 53%
    assert alice.get(HANK).status_code == 200
    # Then misses stop
    assert _error(alice.get(PETER))["code"] == "salesforce_limit_near"


def test_the_other_users_of_the_org_are_blocked_too_and_still_get_their_own_hits(
    sidebar: Any, emu: Emulator
) -> None:
    alice = sidebar("alice@acme.demo")
    bob = sidebar("bob@acme.demo")
    bob.results(SAM)
    emu.set_api_usage(14_500, 15_000)
    alice.results(HANK)
    assert bob.get(SAM).status_code == 200
    assert _error(bob.get(HANK))["code"] == "salesforce_limit_near"


def test_an_exhausted_limit_is_503_limit_exceeded_and_misses_stop(
    sidebar: Any, emu: Emulator
) -> None:
    # Given an org whose daily limit is used up
    alice = sidebar("alice@acme.demo")
    emu.set_api_usage(15_000, 15_000)
    # When alice looks an address up
    first = alice.get(HANK)
    # Then Salesforce's REQUEST_LIMIT_EXCEEDED is 503 salesforce_limit_exceeded, with Retry-After
    assert first.status_code == 503
    assert _error(first)["code"] == "salesforce_limit_exceeded"
    assert first.headers["Retry-After"] == "300"
    # ... and the next miss is refused here, without asking Salesforce
    requests_before = len(emu.request_log)
    second = alice.get(PETER)
    assert _error(second)["code"] == "salesforce_limit_exceeded"
    assert len(emu.request_log) == requests_before


def test_request_limit_exceeded_with_a_reading_near_the_limit_is_limit_exceeded(
    sidebar: Any, emu: Emulator
) -> None:
    # Given an org at 93% of its limit, and Salesforce answering REQUEST_LIMIT_EXCEEDED
    alice = sidebar("alice@acme.demo")
    emu.set_api_usage(14_000, 15_000)
    emu.inject_fault("limit_exceeded")
    # When alice looks an address up
    response = alice.get(HANK)
    # Then it is what Salesforce said: limit exceeded, retry when the block on misses ends
    assert response.status_code == 503
    assert _error(response)["code"] == "salesforce_limit_exceeded"
    assert response.headers["Retry-After"] == "300"
    # ... and the next miss is refused here, as near the limit, without asking Salesforce
    requests_before = len(emu.request_log)
    assert _error(alice.get(PETER))["code"] == "salesforce_limit_near"
    assert len(emu.request_log) == requests_before


def test_api_usage_seen_by_another_feature_blocks_lookup_misses(
    sidebar: Any, emu: Emulator, client: Client
) -> None:
    # Given alice, whose org is at 93% of its limit, checks her connection (not a lookup)
    alice = sidebar("alice@acme.demo")
    emu.set_api_usage(14_000, 15_000)
    check = client.http.get("/me/salesforce", headers={"Authorization": f"Bearer {alice.token}"})
    assert check.status_code == 200
    calls = emu.api_calls
    # When she looks an address up
    miss = alice.get(HANK)
    # Then the reading that call saw stops the miss, without asking Salesforce
    assert miss.status_code == 503
    assert _error(miss)["code"] == "salesforce_limit_near"
    assert emu.api_calls == calls


def test_api_usage_seen_at_sign_in_blocks_lookup_misses(sidebar: Any, emu: Emulator) -> None:
    # Given an org at 93% of its limit when alice signs in (the sign-in's own Composite call)
    emu.set_api_usage(14_000, 15_000)
    alice = sidebar("alice@acme.demo")
    # When she looks an address up, the reading the sign-in saw stops the miss
    miss = alice.get(HANK)
    assert miss.status_code == 503
    assert _error(miss)["code"] == "salesforce_limit_near"
    assert emu.api_calls == 0


def test_a_limit_error_the_usage_reading_does_not_explain_asks_to_retry_soon(
    sidebar: Any, emu: Emulator
) -> None:
    alice = sidebar("alice@acme.demo")
    emu.inject_fault("limit_exceeded")
    response = alice.get(HANK)
    assert response.status_code == 503
    assert _error(response)["code"] == "salesforce_limit_exceeded"
    assert response.headers["Retry-After"] == "60"
    assert alice.get(HANK).status_code == 200  # the reading was low: the next miss is served


# -- Salesforce failures -------------------------------------------------------------------------


def test_a_salesforce_5xx_is_retried_once_with_backoff(
    sidebar: Any, emu: Emulator, backoffs: list[float]
) -> None:
    alice = sidebar("alice@acme.demo")
    emu.inject_fault("server_error")
    (result,) = alice.results(HANK)
    assert result["matches"][0]["name"] == "Hank Scorpio"
    assert len(backoffs) == 1
    assert 0 < backoffs[0] <= 2.0


def test_salesforce_unavailable_twice_is_502_and_nothing_is_cached(
    sidebar: Any, emu: Emulator, backoffs: list[float]
) -> None:
    # Given Salesforce answers 503 to the request and to its retry
    alice = sidebar("alice@acme.demo")
    emu.inject_fault("unavailable", count=2)
    # When alice looks an address up
    response = alice.get(HANK)
    # Then 502 salesforce_unavailable, after one retry
    assert response.status_code == 502
    assert _error(response)["code"] == "salesforce_unavailable"
    assert len(backoffs) == 1
    # ... and the next lookup asks Salesforce (the failure was not cached)
    assert alice.get(HANK).status_code == 200
    assert emu.api_calls == 1


def test_a_failed_composite_subrequest_is_retried_once_then_502(
    sidebar: Any, emu: Emulator, backoffs: list[float]
) -> None:
    # Given Salesforce fails one query of the next Composite with a 500
    alice = sidebar("alice@acme.demo")
    emu.inject_fault("subrequest_error")
    # When alice looks an address up, the Composite is retried once, after a backoff
    (result,) = alice.results(HANK)
    assert result["matches"][0]["name"] == "Hank Scorpio"
    assert len(backoffs) == 1
    assert 0 < backoffs[0] <= 1.0
    assert emu.api_calls == 2
    # When the retry fails too
    emu.inject_fault("subrequest_error", count=2)
    response = alice.get(PETER)
    # Then 502 salesforce_unavailable, and nothing is cached
    assert response.status_code == 502
    assert _error(response)["code"] == "salesforce_unavailable"
    assert len(backoffs) == 2
    assert emu.api_calls == 4
    assert alice.get(PETER).status_code == 200
    assert emu.api_calls == 5


def test_a_salesforce_timeout_is_retried_once_then_502(
    sidebar: Any, emu: Emulator, backoffs: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a read timeout of 0.2 s, and Salesforce taking 0.5 s on the next two requests
    monkeypatch.setenv("SALESFORCE_TIMEOUT_SECONDS", "0.2")
    get_settings.cache_clear()
    alice = sidebar("alice@acme.demo")
    emu.fault_delay = 0.5
    emu.inject_fault("timeout", count=1)
    # When one request times out, the retry answers
    assert alice.get(HANK).status_code == 200
    assert len(backoffs) == 1
    # When the request and its retry both time out
    emu.inject_fault("timeout", count=2)
    response = alice.get(PETER)
    # Then 502 salesforce_unavailable
    assert response.status_code == 502
    assert _error(response)["code"] == "salesforce_unavailable"
    assert len(backoffs) == 2


def test_a_revoked_connection_is_401_reauth_required(sidebar: Any, emu: Emulator) -> None:
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    emu.revoke_user_tokens(_user_id(emu, "alice@acme.demo"))
    response = alice.get(PETER)
    assert response.status_code == 401
    assert _error(response)["code"] == "salesforce_reauth_required"


def test_after_a_revocation_cached_lookups_answer_401_too(sidebar: Any, emu: Emulator) -> None:
    # Given alice has Hank cached
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    # When her access is revoked at Salesforce and a miss finds out
    emu.revoke_user_tokens(_user_id(emu, "alice@acme.demo"))
    assert _error(alice.get(PETER))["code"] == "salesforce_reauth_required"
    # Then Hank is no longer served from the cache either
    response = alice.get(HANK)
    assert response.status_code == 401
    assert _error(response)["code"] == "salesforce_reauth_required"


def test_a_revocation_another_feature_finds_out_drops_the_cached_lookups(
    sidebar: Any, emu: Emulator, client: Client
) -> None:
    # Given alice has Hank cached, and her access is revoked at Salesforce
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    emu.revoke_user_tokens(_user_id(emu, "alice@acme.demo"))
    # When a call that is not a lookup finds out
    check = client.http.get("/me/salesforce", headers={"Authorization": f"Bearer {alice.token}"})
    assert _error(check)["code"] == "salesforce_reauth_required"
    # Then the cached lookup answers 401 too
    assert _error(alice.get(HANK))["code"] == "salesforce_reauth_required"


def test_a_connection_revoked_by_another_container_stops_hits_after_the_next_miss(
    sidebar: Any, emu: Emulator
) -> None:
    # Given alice has Hank cached, and another container marked her connection revoked
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    key = keys.connection_key(emu.demo.org_id, _user_id(emu, "alice@acme.demo"), PROVIDER)
    deps.store().update(key, "SET #s = :revoked", {":revoked": "revoked"}, {"#s": "status"})
    # When a miss finds the connection revoked
    assert _error(alice.get(PETER))["code"] == "salesforce_reauth_required"
    # Then Hank is no longer served from this container's cache
    assert _error(alice.get(HANK))["code"] == "salesforce_reauth_required"


def test_deleting_the_account_drops_its_cached_lookups(
    sidebar: Any, emu: Emulator, client: Client
) -> None:
    # Given alice has Hank cached
    alice = sidebar("alice@acme.demo")
    alice.results(HANK)
    # When she deletes her account, and signs in again
    deleted = client.http.delete("/me", headers={"Authorization": f"Bearer {alice.token}"})
    assert deleted.status_code == 200, deleted.body
    again = sidebar("alice@acme.demo")
    # Then her first lookup asks Salesforce (with her new connection)
    again.results(HANK)
    assert emu.api_calls == 1
