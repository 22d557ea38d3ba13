"""The SOQL engine, tokenizer and IDs, in-process (no HTTP), plus the demo org's visibility."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devstack.sfemu import Emulator, SoqlError, is_valid_id, soql_like_quote, soql_quote, to18
from devstack.sfemu.ids import IdFactory, checksum_suffix
from devstack.sfemu.soql import date_range, execute, parse, tokenize

NOW = dt.datetime(2025, 3, 12, 15, 30, tzinfo=dt.UTC)  # a Wednesday


@pytest.fixture(scope="module")
def org() -> Emulator:
    return Emulator(clock=lambda: NOW)


def run(emu: Emulator, alias: str, soql: str) -> dict[str, Any]:
    return execute(soql, emu.view(emu.demo.users[alias]), api_version="60.0")


def names(emu: Emulator, alias: str, soql: str, key: str = "Name") -> list[Any]:
    return [r[key] for r in run(emu, alias, soql)["records"]]


def error(emu: Emulator, alias: str, soql: str) -> SoqlError:
    with pytest.raises(SoqlError) as info:
        run(emu, alias, soql)
    return info.value


# ---------------------------------------------------------------------------------- IDs


def test_case_safe_id_suffix() -> None:
    assert to18("00D000000000062") == "00D000000000062EAA"
    assert checksum_suffix("001A0000006Vm9r") == "IAC"  # 'A' at 3 -> 8 = I; 'V' at 1 -> C
    assert is_valid_id("00D000000000062EAA") and is_valid_id("00D000000000062eaa")
    assert not is_valid_id("00D000000000062EAB")
    assert not is_valid_id("banana") and not is_valid_id(None)


@given(
    st.text(
        alphabet="0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        min_size=15,
        max_size=15,
    )
)
def test_to18_roundtrip(id15: str) -> None:
    id18 = to18(id15)
    assert id18[:15] == id15 and is_valid_id(id18)
    assert to18(id18) == id18


def test_id_factory_is_deterministic() -> None:
    first, second = IdFactory(), IdFactory()
    ids = [first.new("003") for _ in range(50)]
    assert ids == [second.new("003") for _ in range(50)]
    assert len(set(ids)) == 50 and all(is_valid_id(i) and i.startswith("003") for i in ids)
    assert Emulator().demo.users == Emulator().demo.users


# ---------------------------------------------------------------------------------- tokenizer


@given(st.text(max_size=60))
def test_soql_quote_roundtrips_through_the_tokenizer(value: str) -> None:
    tokens = tokenize(soql_quote(value))
    assert [t.kind for t in tokens] == ["STRING", "EOF"]
    assert tokens[0].value == value


@given(st.text(max_size=30))
def test_like_quote_matches_literally(value: str) -> None:
    tokens = tokenize(soql_like_quote(value))
    assert re.fullmatch(f"(?:{tokens[0].like})", value, re.IGNORECASE | re.DOTALL)


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_parser_only_raises_soql_errors(text: str) -> None:
    try:
        parse(text)
    except SoqlError as exc:
        assert exc.code in {"MALFORMED_QUERY", "NUMBER_OUTSIDE_VALID_RANGE"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_literals_in_a_filter_are_safe(org: Emulator, value: str) -> None:
    literal = soql_quote(value)
    soql = f"SELECT Id FROM Contact WHERE Email = {literal} OR LastName LIKE {literal}"
    result = run(org, "admin", soql)
    assert result["done"] is True


def test_escapes_and_injection(org: Emulator) -> None:
    assert tokenize(r"'it\'s \\ \n \u00e9'")[0].value == "it's \\ \n é"
    assert error(org, "admin", r"SELECT Id FROM Account WHERE Name = 'bad \q'").code == (
        "MALFORMED_QUERY"
    )
    injected = "x' OR Name != '"
    result = run(org, "admin", f"SELECT Id FROM Account WHERE Name = {soql_quote(injected)}")
    assert result["totalSize"] == 0
    assert error(org, "admin", "SELECT Id FROM Account WHERE Name = 'unterminated").code == (
        "MALFORMED_QUERY"
    )


# ---------------------------------------------------------------------------------- queries


def test_response_shape(org: Emulator) -> None:
    result = run(
        org, "alice", "SELECT Id, Name, Owner.Name, Parent.Name FROM Account ORDER BY Name"
    )
    assert result["totalSize"] == 2 and result["done"] is True
    first = result["records"][0]
    assert list(first) == ["attributes", "Id", "Name", "Owner", "Parent"]
    assert first["attributes"] == {
        "type": "Account",
        "url": f"/services/data/v60.0/sobjects/Account/{first['Id']}",
    }
    assert first["Owner"]["Name"] == "Alice Anders"
    assert first["Owner"]["attributes"]["type"] == "User"
    assert first["Parent"] is None


def test_field_names_are_case_insensitive_and_canonical(org: Emulator) -> None:
    result = run(
        org,
        "alice",
        "select id, NAME, account.name from CONTACT where EMAIL = 'HANK.SCORPIO@GLOBEX.COM'",
    )
    (record,) = result["records"]
    assert record["Name"] == "Hank Scorpio" and record["Account"]["Name"] == "Globex Corporation"


def test_where_operators(org: Emulator) -> None:
    q = "SELECT Name FROM Opportunity WHERE {} ORDER BY Name"
    assert names(org, "admin", q.format("Amount > 100000")) == [
        "Globex Expansion",
        "Stark Armor Program",
        "Umbrella Platform",
    ]
    assert names(org, "admin", q.format("Amount >= 90000 AND Amount <= 120000")) == [
        "Globex Expansion",
        "Wayne Security Suite",
    ]
    assert names(org, "admin", q.format("StageName IN ('Closed Won', 'closed lost')")) == [
        "Globex Renewal 2024",
        "Umbrella Platform",
        "Wayne Security Suite",
    ]
    open_count = len(names(org, "admin", q.format("IsClosed = false")))
    assert open_count == 6
    assert len(names(org, "admin", q.format("StageName NOT IN ('Closed Won', 'Closed Lost')"))) == 6
    assert names(org, "admin", q.format("Name LIKE 'umbrella%'")) == [
        "Umbrella Pilot",
        "Umbrella Platform",
    ]
    assert names(org, "admin", q.format("Name LIKE '%P_lot'")) == ["Umbrella Pilot"]
    assert names(org, "admin", q.format("NOT Name LIKE '%a%'")) == ["Pied Piper Compression"]
    assert names(org, "admin", q.format("ContactId = null")) == [
        "Umbrella Platform",
        "Vandelay Import/Export",
    ]
    assert len(names(org, "admin", q.format("ContactId != null"))) == 7
    assert names(
        org, "admin", q.format("(Amount < 30000 OR Amount > 400000) AND IsWon = false")
    ) == ["Pied Piper Compression", "Stark Armor Program"]
    assert names(org, "admin", q.format("Account.Owner.Name = 'Maria Martinez'")) == [
        "Vandelay Import/Export"
    ]
    assert names(org, "admin", q.format("Name != 'Umbrella Pilot' AND Name LIKE 'Umb%'")) == [
        "Umbrella Platform"
    ]


def test_like_escapes(org: Emulator) -> None:
    assert names(
        org, "admin", r"SELECT Name FROM Opportunity WHERE Name LIKE '%Import/Export'"
    ) == ["Vandelay Import/Export"]
    assert names(org, "admin", r"SELECT Name FROM Contact WHERE Email LIKE 'alfred_p%'") == [
        "Alfred Pennyworth"
    ]
    assert names(org, "admin", r"SELECT Name FROM Contact WHERE Email LIKE 'alfred\_p%'") == []
    assert names(org, "admin", r"SELECT Name FROM Contact WHERE Email LIKE 'alfred\%p%'") == []


def test_mixing_and_or_needs_parentheses(org: Emulator) -> None:
    err = error(
        org, "admin", "SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'"
    )
    assert err.code == "MALFORMED_QUERY" and "unexpected token: 'OR'" in err.message


def test_dates_and_date_literals(org: Emulator) -> None:
    today = NOW.date()
    q = "SELECT Subject, ActivityDate FROM Task WHERE ActivityDate = {} ORDER BY Subject"
    assert names(org, "admin", q.format("TODAY"), "Subject") == ["Demo TPS upgrade"]
    assert names(org, "admin", q.format(today.isoformat()), "Subject") == ["Demo TPS upgrade"]
    last3 = names(org, "admin", q.format("LAST_N_DAYS:3"), "ActivityDate")
    assert last3 and all(
        today - dt.timedelta(days=3) <= dt.date.fromisoformat(d) <= today for d in last3
    )
    next7 = names(org, "admin", q.format("NEXT_N_DAYS:7"), "ActivityDate")
    assert next7 and all(
        today < dt.date.fromisoformat(d) <= today + dt.timedelta(days=7) for d in next7
    )
    future = names(org, "admin", "SELECT Subject FROM Task WHERE ActivityDate > TODAY", "Subject")
    assert len(future) == len(next7)
    events = run(
        org,
        "admin",
        "SELECT Subject, StartDateTime FROM Event WHERE StartDateTime > 2025-03-12T15:30:00Z "
        "ORDER BY StartDateTime",
    )
    starts = [r["StartDateTime"] for r in events["records"]]
    assert starts == sorted(starts) and len(starts) == 5
    assert starts[0].endswith(".000+0000")
    assert (
        run(org, "admin", "SELECT Id FROM Event WHERE StartDateTime = NEXT_N_DAYS:2")["totalSize"]
        >= 1
    )
    err = error(org, "admin", "SELECT Id FROM Task WHERE ActivityDate = '2025-01-01'")
    assert err.code == "INVALID_FIELD" and "must be of type date" in err.message
    err = error(org, "admin", "SELECT Id FROM Event WHERE StartDateTime > 2025-01-01")
    assert err.code == "INVALID_FIELD"


def test_date_range_boundaries() -> None:
    today = dt.date(2025, 3, 12)  # Wednesday
    assert date_range("THIS_WEEK", 0, today) == (dt.date(2025, 3, 9), dt.date(2025, 3, 16))
    assert date_range("LAST_MONTH", 0, today) == (dt.date(2025, 2, 1), dt.date(2025, 3, 1))
    assert date_range("NEXT_N_DAYS", 2, today) == (dt.date(2025, 3, 13), dt.date(2025, 3, 15))
    assert date_range("LAST_N_DAYS", 2, today) == (dt.date(2025, 3, 10), dt.date(2025, 3, 13))
    assert date_range("THIS_YEAR", 0, today) == (dt.date(2025, 1, 1), dt.date(2026, 1, 1))


def test_order_by_nulls_and_multiple_keys(org: Emulator) -> None:
    q = "SELECT Name, ContactId FROM Opportunity ORDER BY ContactId {} , Name DESC"
    first = names(org, "admin", q.format("ASC NULLS FIRST"))
    assert first[:2] == ["Vandelay Import/Export", "Umbrella Platform"]
    last = names(org, "admin", q.format("ASC NULLS LAST"))
    assert last[-2:] == ["Vandelay Import/Export", "Umbrella Platform"]
    amounts = names(
        org, "admin", "SELECT Amount FROM Opportunity ORDER BY Amount DESC LIMIT 3", "Amount"
    )
    assert amounts == [500000.0, 200000.0, 120000.0]
    page = names(org, "admin", "SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 2")
    assert page == ["Pied Piper", "Stark Industries"]


def test_child_subqueries(org: Emulator) -> None:
    soql = (
        "SELECT Id, Name, (SELECT Id, Subject, ActivityDate FROM Tasks ORDER BY ActivityDate DESC "
        "LIMIT 2), (SELECT Name FROM Contacts ORDER BY Name), (SELECT Name FROM Opportunities "
        "WHERE IsClosed = false), (SELECT Subject FROM Cases), (SELECT Subject FROM Events) "
        "FROM Account WHERE Name = 'Globex Corporation'"
    )
    (account,) = run(org, "alice", soql)["records"]
    tasks = account["Tasks"]
    assert tasks["totalSize"] == 2 and tasks["done"] is True
    dates = [t["ActivityDate"] for t in tasks["records"]]
    assert dates == sorted(dates, reverse=True)
    assert tasks["records"][0]["attributes"]["type"] == "Task"
    assert [c["Name"] for c in account["Contacts"]["records"]] == [
        "Frank Grimes",
        "Hank Scorpio",
        "Mindy Simmons",
        "Sam Rivera",
    ]
    assert [o["Name"] for o in account["Opportunities"]["records"]] == ["Globex Expansion"]
    assert account["Cases"]["totalSize"] == 2
    assert account["Events"]["totalSize"] == 1
    (lead,) = run(
        org,
        "bob",
        "SELECT Name, (SELECT Subject FROM Tasks), (SELECT Subject FROM Events) FROM Lead "
        "WHERE Email = 'peter.gibbons@initech.com'",
    )["records"]
    assert lead["Tasks"]["records"][0]["Subject"] == "Qualify inbound lead"
    assert lead["Events"] is None  # empty subquery results are null


def test_polymorphic_relationships(org: Emulator) -> None:
    result = run(
        org,
        "alice",
        "SELECT Subject, Who.Name, Who.Type, What.Name FROM Task WHERE Subject = 'Send proposal'",
    )
    (task,) = result["records"]
    assert task["Who"] == {
        "attributes": {"type": "Contact", "url": task["Who"]["attributes"]["url"]},
        "Name": "Hank Scorpio",
        "Type": "Contact",
    }
    assert task["What"]["attributes"]["type"] == "Opportunity"
    assert task["What"]["Name"] == "Globex Expansion"
    err = error(org, "alice", "SELECT Who.Industry FROM Task")
    assert err.code == "INVALID_FIELD"


def test_semi_join_and_count(org: Emulator) -> None:
    soql = (
        "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity "
        "WHERE StageName = 'Closed Won') ORDER BY Name"
    )
    assert names(org, "admin", soql) == ["Globex Corporation", "Wayne Enterprises"]
    count = run(org, "alice", "SELECT COUNT() FROM Contact")
    assert count == {"totalSize": 7, "done": True, "records": []}
    aggregate = run(org, "admin", "SELECT COUNT(Id) FROM Lead")
    assert aggregate["records"][0]["expr0"] == 6
    assert error(org, "admin", "SELECT COUNT(), Name FROM Lead").code == "MALFORMED_QUERY"


def test_errors(org: Emulator) -> None:
    err = error(org, "admin", "SELECT Id, Nope FROM Account")
    assert err.code == "INVALID_FIELD"
    assert "No such column 'Nope' on entity 'Account'" in err.message
    assert "ERROR at Row:1:Column:12" in err.message
    err = error(org, "admin", "SELECT Id, Foo.Name FROM Contact")
    assert err.code == "INVALID_FIELD" and "Didn't understand relationship 'Foo'" in err.message
    err = error(org, "admin", "SELECT Id FROM Widget__c")
    assert err.code == "INVALID_TYPE" and "sObject type 'Widget__c' is not supported" in err.message
    err = error(org, "admin", "SELECT Id, (SELECT Id FROM Widgets) FROM Account")
    assert err.code == "INVALID_TYPE"
    for bad in (
        "SELECT FROM Account",
        "SELECT Id Account",
        "SELECT Id FROM Account WHERE",
        "SELECT Id FROM Account LIMIT x",
        "SELECT Id FROM Account GROUP BY Name",
        "SELECT Id, Id FROM Account",
        "SELECT Id FROM Account WHERE Name IN ()",
        "",
    ):
        assert error(org, "admin", bad).code == "MALFORMED_QUERY", bad
    err = error(org, "admin", "SELECT Id FROM Account WHERE Id = 'nope'")
    assert err.code == "INVALID_QUERY_FILTER_OPERATOR"
    assert error(org, "admin", "SELECT Id FROM Account WHERE Name = 5").code == "INVALID_FIELD"
    assert error(org, "admin", "SELECT Id FROM Account WHERE NumberOfEmployees LIKE '5'").code == (
        "INVALID_QUERY_FILTER_OPERATOR"
    )
    assert error(org, "admin", "SELECT Id FROM Account OFFSET 5000").code == (
        "NUMBER_OUTSIDE_VALID_RANGE"
    )


def test_with_security_enforced_is_accepted(org: Emulator) -> None:
    assert (
        run(org, "bob", "SELECT Id FROM Account WITH SECURITY_ENFORCED ORDER BY Name")["totalSize"]
        == 2
    )


# ---------------------------------------------------------------------------------- visibility


def test_visibility_matrix(org: Emulator) -> None:
    demo = org.demo
    visible = {alias: org.visible_ids(uid, "Contact") for alias, uid in demo.users.items()}
    everything = set(org.records["Contact"])
    assert visible["admin"] == visible["maria"] == everything
    assert visible["alice"].isdisjoint(visible["bob"])
    alice_only = visible["alice"] - visible["bob"]
    assert demo.contacts["hank"] in alice_only
    assert demo.contacts["pepper"] in visible["bob"] - visible["alice"]
    assert visible["casey"] == {demo.contacts["richard"], demo.contacts["jared"]}
    # the shared email: alice sees the contact, bob the lead
    email = demo.shared_contact_lead_email
    q_contact = f"SELECT Id FROM Contact WHERE Email = '{email}'"
    q_lead = f"SELECT Id FROM Lead WHERE Email = '{email}'"
    assert (
        run(org, "alice", q_contact)["totalSize"] == 1
        and run(org, "alice", q_lead)["totalSize"] == 0
    )
    assert (
        run(org, "bob", q_contact)["totalSize"] == 0 and run(org, "bob", q_lead)["totalSize"] == 1
    )
    assert run(org, "admin", q_contact)["totalSize"] == run(org, "admin", q_lead)["totalSize"] == 1
    # opportunities and cases follow their account; activities follow owner or related record
    assert org.visible_ids(demo.users["alice"], "Opportunity") == {
        demo.opportunities[k] for k in ("globex_expansion", "globex_renewal", "initech_tps")
    }
    assert org.visible_ids(demo.users["casey"], "Opportunity") == set()
    alice_tasks = org.visible_ids(demo.users["alice"], "Task")
    bob_tasks = org.visible_ids(demo.users["bob"], "Task")
    assert alice_tasks and bob_tasks and alice_tasks.isdisjoint(bob_tasks)
    # users, profiles and permission sets are readable by everyone
    assert run(org, "casey", "SELECT COUNT() FROM User")["totalSize"] == 5
    # relationship fields to records the user cannot see come back null
    (contact,) = run(
        org,
        "casey",
        "SELECT Name, ReportsTo.Name, Account.Name FROM Contact WHERE LastName = 'Dunn'",
    )["records"]
    assert contact["Account"]["Name"] == "Pied Piper" and contact["ReportsTo"] is None


def test_seed_shape(org: Emulator) -> None:
    demo = org.demo
    assert set(demo.users) == {"admin", "alice", "bob", "maria", "casey"}
    assert all(uid.startswith("005") and is_valid_id(uid) for uid in demo.users.values())
    assert demo.org_id.startswith("00D")
    (organization,) = org.records["Organization"].values()
    assert organization["Name"] == "Acme Demo (Sandbox)" and organization["IsSandbox"] is True
    assert len(org.records["Account"]) >= 6 and len(org.records["Contact"]) >= 15
    assert len(org.records["Lead"]) >= 6 and len(org.records["Opportunity"]) >= 8
    assert len(org.records["Case"]) >= 6
    assert len(org.records["Task"]) + len(org.records["Event"]) >= 20
    zones = {u["TimeZoneSidKey"] for u in org.users.values()}
    assert len(zones) == 5
    prefixes = {
        "Account": "001",
        "Contact": "003",
        "Lead": "00Q",
        "Opportunity": "006",
        "Case": "500",
        "Task": "00T",
        "Event": "00U",
        "Profile": "00e",
        "PermissionSet": "0PS",
        "PermissionSetAssignment": "0Pa",
    }
    for type_name, prefix in prefixes.items():
        assert all(i.startswith(prefix) and is_valid_id(i) for i in org.records[type_name])
