"""The deterministic demo org: users with different profiles and permission sets, and CRM data
split between owners so that users see different records.

IDs are the same on every seed (one counter per key prefix); dates are relative to the
emulator's clock at seed time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .schema import SCHEMA

if TYPE_CHECKING:
    from .emulator import Emulator
    from .org import Org

ORG_NAME = "Acme Demo (Sandbox)"
SHARED_CONTACT_LEAD_EMAIL = "peter.gibbons@initech.com"
DUPLICATE_CONTACT_EMAIL = "sam.rivera@rivera-consulting.com"
#: The external sender/recipient of the Google and Microsoft emulators' seeded mail
#: (devstack/googleemu/seed.py CUSTOMER, devstack/msemu/seed.py EXTERNAL_CONTACT): a Contact that
#: alice sees (Initech) and a Lead that bob owns, so matching finds both kinds.
SEEDED_MAIL_CONTACT_EMAIL = SHARED_CONTACT_LEAD_EMAIL

#: alias -> (username, first, last, profile, time zone, locale, language, title)
USERS: dict[str, tuple[str, str, str, str, str, str, str, str]] = {
    "admin": (
        "admin@acme.demo",
        "Ada",
        "Admin",
        "System Administrator",
        "America/Los_Angeles",
        "en_US",
        "en_US",
        "Salesforce Administrator",
    ),
    "alice": (
        "alice@acme.demo",
        "Alice",
        "Anders",
        "Standard User",
        "Europe/London",
        "en_GB",
        "en_US",
        "Account Executive",
    ),
    "bob": (
        "bob@acme.demo",
        "Bob",
        "Brown",
        "Standard User",
        "America/New_York",
        "en_US",
        "en_US",
        "Account Executive",
    ),
    "maria": (
        "maria@acme.demo",
        "Maria",
        "Martinez",
        "Standard User",
        "Europe/Madrid",
        "es_ES",
        "es",
        "Sales Manager",
    ),
    "casey": (
        "casey@acme.demo",
        "Casey",
        "Contractor",
        "Contractor",
        "Asia/Tokyo",
        "ja_JP",
        "ja",
        "Implementation Contractor",
    ),
}

_CRUD = ("PermissionsRead", "PermissionsCreate", "PermissionsEdit", "PermissionsDelete")
_ALL = (*_CRUD, "PermissionsViewAllRecords", "PermissionsModifyAllRecords")
_SYSTEM = (
    "PermissionsApiEnabled",
    "PermissionsModifyAllData",
    "PermissionsViewAllData",
    "PermissionsCustomizeApplication",
    "PermissionsViewSetup",
)

#: profile -> (system permissions, {object: object permission flags})
PROFILES: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "System Administrator": (
        _SYSTEM,
        {o.name: _ALL for o in SCHEMA.values() if o.object_perms},
    ),
    "Standard User": (
        ("PermissionsApiEnabled",),
        dict.fromkeys(("Account", "Contact", "Lead", "Opportunity", "Case"), _CRUD),
    ),
    "Contractor": (
        ("PermissionsApiEnabled",),
        {
            "Account": ("PermissionsRead",),
            "Contact": ("PermissionsRead", "PermissionsCreate", "PermissionsEdit"),
            "Lead": ("PermissionsRead", "PermissionsCreate", "PermissionsEdit"),
        },
    ),
}


@dataclass
class DemoOrg:
    """Handles on the seeded records, by stable keys, for tests and the devstack runner."""

    org_id: str = ""
    users: dict[str, str] = field(default_factory=dict)  # alias -> user id
    usernames: dict[str, str] = field(default_factory=dict)  # alias -> username
    profiles: dict[str, str] = field(default_factory=dict)  # profile name -> id
    permission_sets: dict[str, str] = field(default_factory=dict)  # name/profile -> id
    accounts: dict[str, str] = field(default_factory=dict)
    contacts: dict[str, str] = field(default_factory=dict)
    leads: dict[str, str] = field(default_factory=dict)
    opportunities: dict[str, str] = field(default_factory=dict)
    cases: dict[str, str] = field(default_factory=dict)
    tasks: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    shared_contact_lead_email: str = SHARED_CONTACT_LEAD_EMAIL
    duplicate_contact_email: str = DUPLICATE_CONTACT_EMAIL


# account key -> (name, domain, owner alias, industry, city, country, employees)
_ACCOUNTS: list[tuple[str, str, str, str, str, str, str, int]] = [
    (
        "globex",
        "Globex Corporation",
        "globex.com",
        "alice",
        "Manufacturing",
        "Springfield",
        "US",
        4200,
    ),
    ("initech", "Initech", "initech.com", "alice", "Technology", "Austin", "US", 850),
    (
        "umbrella",
        "Umbrella Health",
        "umbrella-health.com",
        "bob",
        "Healthcare",
        "Raccoon City",
        "US",
        12000,
    ),
    ("stark", "Stark Industries", "starkind.com", "bob", "Engineering", "New York", "US", 30000),
    ("wayne", "Wayne Enterprises", "wayne-ent.com", "admin", "Finance", "Gotham", "US", 50000),
    ("piedpiper", "Pied Piper", "piedpiper.com", "casey", "Technology", "Palo Alto", "US", 40),
    ("vandelay", "Vandelay Industries", "vandelay.example", "maria", "Retail", "Madrid", "ES", 75),
]

# contact key -> (account key, first, last, email, title)
_CONTACTS: list[tuple[str, str, str, str, str, str]] = [
    ("hank", "globex", "Hank", "Scorpio", "hank.scorpio@globex.com", "CEO"),
    ("frank", "globex", "Frank", "Grimes", "frank.grimes@globex.com", "Safety Inspector"),
    ("mindy", "globex", "Mindy", "Simmons", "mindy.simmons@globex.com", "Head of Procurement"),
    ("bill", "initech", "Bill", "Lumbergh", "bill.lumbergh@initech.com", "Division VP"),
    ("peter", "initech", "Peter", "Gibbons", SHARED_CONTACT_LEAD_EMAIL, "Software Engineer"),
    ("michael", "initech", "Michael", "Bolton", "michael.bolton@initech.com", "Engineer"),
    ("albert", "umbrella", "Albert", "Wesker", "albert.wesker@umbrella-health.com", "CISO"),
    ("jill", "umbrella", "Jill", "Valentine", "jill.valentine@umbrella-health.com", "IT Director"),
    ("pepper", "stark", "Pepper", "Potts", "pepper.potts@starkind.com", "CEO"),
    ("happy", "stark", "Happy", "Hogan", "happy.hogan@starkind.com", "Head of Security"),
    ("lucius", "wayne", "Lucius", "Fox", "lucius.fox@wayne-ent.com", "CTO"),
    ("alfred", "wayne", "Alfred", "Pennyworth", "alfred.p@wayne-ent.com", "Chief of Staff"),
    ("richard", "piedpiper", "Richard", "Hendricks", "richard@piedpiper.com", "CEO"),
    ("jared", "piedpiper", "Jared", "Dunn", "jared.dunn@piedpiper.com", "COO"),
    # the same consultant, filed under two accounts owned by different reps (mixed case on one)
    ("sam_globex", "globex", "Sam", "Rivera", DUPLICATE_CONTACT_EMAIL, "Consultant"),
    ("sam_stark", "stark", "Sam", "Rivera", "Sam.Rivera@Rivera-Consulting.com", "Consultant"),
]

# lead key -> (owner, first, last, company, email, status)
_LEADS: list[tuple[str, str, str, str, str, str, str]] = [
    (
        "peter",
        "bob",
        "Peter",
        "Gibbons",
        "Initech",
        SHARED_CONTACT_LEAD_EMAIL,
        "Working - Contacted",
    ),
    (
        "tom",
        "alice",
        "Tom",
        "Smykowski",
        "Jump to Conclusions",
        "tom@jumptoconclusions.com",
        "Open - Not Contacted",
    ),
    (
        "gavin",
        "casey",
        "Gavin",
        "Belson",
        "Hooli",
        "gavin.belson@hooli.com",
        "Open - Not Contacted",
    ),
    (
        "monica",
        "alice",
        "Monica",
        "Hall",
        "Raviga Capital",
        "monica.hall@raviga.com",
        "Working - Contacted",
    ),
    (
        "ellen",
        "bob",
        "Ellen",
        "Ripley",
        "Weyland-Yutani",
        "e.ripley@weyland.example",
        "Closed - Not Converted",
    ),
    (
        "sarah",
        "admin",
        "Sarah",
        "Connor",
        "Cyberdyne Systems",
        "sarah.connor@cyberdyne.example",
        "Open - Not Contacted",
    ),
]

# opp key -> (account, owner, name, stage, amount, close in days, contact)
_OPPS: list[tuple[str, str, str, str, str, float, int, str | None]] = [
    (
        "globex_expansion",
        "globex",
        "alice",
        "Globex Expansion",
        "Prospecting",
        120000.0,
        30,
        "hank",
    ),
    (
        "globex_renewal",
        "globex",
        "alice",
        "Globex Renewal 2024",
        "Closed Won",
        50000.0,
        -20,
        "frank",
    ),
    (
        "initech_tps",
        "initech",
        "alice",
        "Initech TPS Upgrade",
        "Negotiation/Review",
        75000.0,
        10,
        "bill",
    ),
    ("umbrella_pilot", "umbrella", "bob", "Umbrella Pilot", "Qualification", 30000.0, 45, "albert"),
    (
        "umbrella_platform",
        "umbrella",
        "bob",
        "Umbrella Platform",
        "Closed Lost",
        200000.0,
        -60,
        None,
    ),
    (
        "stark_armor",
        "stark",
        "bob",
        "Stark Armor Program",
        "Proposal/Price Quote",
        500000.0,
        15,
        "pepper",
    ),
    (
        "wayne_security",
        "wayne",
        "admin",
        "Wayne Security Suite",
        "Closed Won",
        90000.0,
        -5,
        "lucius",
    ),
    (
        "piedpiper_compression",
        "piedpiper",
        "admin",
        "Pied Piper Compression",
        "Value Proposition",
        25000.0,
        60,
        "richard",
    ),
    (
        "vandelay_import",
        "vandelay",
        "maria",
        "Vandelay Import/Export",
        "Id. Decision Makers",
        42000.0,
        20,
        None,
    ),
]

# case key -> (account, contact, owner, subject, status, priority)
_CASES: list[tuple[str, str, str, str, str, str, str]] = [
    ("globex_login", "globex", "frank", "alice", "Cannot log in to portal", "New", "High"),
    ("globex_billing", "globex", "mindy", "alice", "Billing question", "Closed", "Low"),
    ("umbrella_export", "umbrella", "jill", "bob", "Data export failing", "Working", "High"),
    ("stark_outage", "stark", "happy", "bob", "Outage report", "Closed", "Medium"),
    ("wayne_feature", "wayne", "lucius", "admin", "Feature request: SSO", "New", "Medium"),
    (
        "piedpiper_integration",
        "piedpiper",
        "richard",
        "admin",
        "Integration help",
        "Escalated",
        "High",
    ),
]

# (owner, who kind, who key, what kind, what key, subject, days from today, status, priority,
#  subtype)
_TASKS: list[tuple[str, str, str, str, str, str, int, str, str, str]] = [
    (
        "alice",
        "contact",
        "hank",
        "opp",
        "globex_expansion",
        "Send proposal",
        -10,
        "Completed",
        "Normal",
        "Task",
    ),
    (
        "alice",
        "contact",
        "hank",
        "account",
        "globex",
        "Follow up on proposal",
        2,
        "Not Started",
        "High",
        "Task",
    ),
    (
        "alice",
        "contact",
        "frank",
        "account",
        "globex",
        "Call re: renewal",
        -3,
        "Completed",
        "Normal",
        "Call",
    ),
    (
        "alice",
        "contact",
        "peter",
        "opp",
        "initech_tps",
        "Demo TPS upgrade",
        0,
        "In Progress",
        "Normal",
        "Task",
    ),
    (
        "alice",
        "contact",
        "bill",
        "account",
        "initech",
        "Email: pricing questions",
        -1,
        "Completed",
        "Normal",
        "Email",
    ),
    (
        "bob",
        "contact",
        "albert",
        "opp",
        "umbrella_pilot",
        "Pilot kickoff call",
        -7,
        "Completed",
        "Normal",
        "Call",
    ),
    (
        "bob",
        "contact",
        "jill",
        "account",
        "umbrella",
        "Send security questionnaire",
        5,
        "Not Started",
        "High",
        "Task",
    ),
    (
        "bob",
        "contact",
        "pepper",
        "opp",
        "stark_armor",
        "Negotiate terms",
        1,
        "Not Started",
        "Normal",
        "Task",
    ),
    (
        "bob",
        "contact",
        "sam_stark",
        "account",
        "stark",
        "Intro call with consultant",
        -2,
        "Completed",
        "Normal",
        "Call",
    ),
    (
        "alice",
        "contact",
        "sam_globex",
        "account",
        "globex",
        "Consultant sync",
        3,
        "Not Started",
        "Normal",
        "Task",
    ),
    (
        "admin",
        "contact",
        "lucius",
        "account",
        "wayne",
        "Quarterly business review prep",
        7,
        "Not Started",
        "Normal",
        "Task",
    ),
    (
        "casey",
        "contact",
        "richard",
        "account",
        "piedpiper",
        "Integration check-in",
        -1,
        "Completed",
        "Normal",
        "Task",
    ),
    ("bob", "lead", "peter", "", "", "Qualify inbound lead", 1, "Not Started", "Normal", "Task"),
    ("alice", "lead", "monica", "", "", "Discovery call", -4, "Completed", "Normal", "Call"),
]

# (owner, who kind, who key, what kind, what key, subject, hours from now, minutes, location)
_EVENTS: list[tuple[str, str, str, str, str, str, int, int, str]] = [
    (
        "alice",
        "contact",
        "hank",
        "opp",
        "globex_expansion",
        "Globex expansion workshop",
        26,
        90,
        "Globex HQ",
    ),
    ("alice", "contact", "peter", "account", "initech", "Initech onsite", -48, 60, "Austin"),
    ("bob", "contact", "albert", "opp", "umbrella_pilot", "Pilot review", 50, 45, "Zoom"),
    ("bob", "contact", "pepper", "account", "stark", "Stark exec briefing", -20, 30, "Stark Tower"),
    (
        "admin",
        "contact",
        "lucius",
        "opp",
        "wayne_security",
        "Wayne contract signing",
        -120,
        60,
        "Gotham",
    ),
    ("alice", "contact", "mindy", "account", "globex", "Lunch with Mindy", 3, 60, "Springfield"),
    ("maria", "", "", "account", "vandelay", "Vandelay pipeline review", 72, 30, "Madrid"),
    ("casey", "contact", "jared", "account", "piedpiper", "Pied Piper standup", 1, 15, "Zoom"),
]


def seed_demo_org(emu: Emulator, now: dt.datetime | None = None) -> DemoOrg:
    """Replace the emulator's data with the demo org (same IDs every time) and return handles."""
    org = emu.reset_data()
    now = (now or emu.clock()).astimezone(dt.UTC)
    demo = DemoOrg()
    org_record = org.insert(
        "Organization",
        {
            "Name": ORG_NAME,
            "IsSandbox": True,
            "OrganizationType": "Enterprise Edition",
            "InstanceName": "USA546S",
            "Country": "US",
            "DefaultLocaleSidKey": "en_US",
            "LanguageLocaleKey": "en_US",
            "TimeZoneSidKey": "America/Los_Angeles",
        },
    )
    org.org_id = demo.org_id = org_record["Id"]

    owned_ps = _seed_profiles(org, demo)
    _seed_users(org, demo, owned_ps)
    records = _DemoRecords(org, demo, now)
    records.business()
    records.activities()
    emu.demo = demo
    return demo


def _seed_profiles(org: Org, demo: DemoOrg) -> dict[str, str]:
    """Profiles with their owned permission sets and object permissions, and Sales Ops;
    returns each profile's owned permission set."""
    owned_ps: dict[str, str] = {}
    for profile_name, (system, objects) in PROFILES.items():
        flags = {name: name in system for name in _SYSTEM}
        profile = org.insert("Profile", {"Name": profile_name, "UserType": "Standard", **flags})
        demo.profiles[profile_name] = profile["Id"]
        ps = org.insert(
            "PermissionSet",
            {
                "Name": "X" + profile["Id"],
                "Label": profile["Id"],
                "IsOwnedByProfile": True,
                "ProfileId": profile["Id"],
                **flags,
            },
        )
        owned_ps[profile_name] = demo.permission_sets[profile_name] = ps["Id"]
        for type_name, perm_flags in objects.items():
            org.insert(
                "ObjectPermissions",
                {
                    "ParentId": ps["Id"],
                    "SobjectType": type_name,
                    **{flag: flag in perm_flags for flag in _ALL},
                },
            )
    sales_ops = org.insert(
        "PermissionSet",
        {
            "Name": "Sales_Ops",
            "Label": "Sales Ops",
            "Description": "View all sales data for forecasting",
            "IsOwnedByProfile": False,
            "PermissionsViewAllData": True,
            "PermissionsApiEnabled": True,
        },
    )
    demo.permission_sets["Sales_Ops"] = sales_ops["Id"]
    return owned_ps


def _seed_users(org: Org, demo: DemoOrg, owned_ps: dict[str, str]) -> None:
    """The demo users, their profiles' permission sets, Sales Ops for maria, managers."""
    for alias, (username, first, last, profile_name, tz, locale, language, title) in USERS.items():
        user = org.insert(
            "User",
            {
                "Username": username,
                "FirstName": first,
                "LastName": last,
                "Alias": alias[:8],
                "Email": username,
                "Title": title,
                "Department": "Sales" if profile_name == "Standard User" else None,
                "CompanyName": "Acme Demo",
                "ProfileId": demo.profiles[profile_name],
                "TimeZoneSidKey": tz,
                "LocaleSidKey": locale,
                "LanguageLocaleKey": language,
                "EmailEncodingKey": "UTF-8",
            },
        )
        demo.users[alias] = user["Id"]
        demo.usernames[alias] = username
        org.insert(
            "PermissionSetAssignment",
            {"AssigneeId": user["Id"], "PermissionSetId": owned_ps[profile_name]},
        )
    org.insert(
        "PermissionSetAssignment",
        {"AssigneeId": demo.users["maria"], "PermissionSetId": demo.permission_sets["Sales_Ops"]},
    )
    for alias in ("alice", "bob"):
        org.records["User"][demo.users[alias]]["ManagerId"] = demo.users["maria"]
    for user_id in demo.users.values():
        record = org.records["User"][user_id]
        record["CreatedById"] = record["LastModifiedById"] = demo.users["admin"]


class _DemoRecords:
    """Accounts, contacts, leads, opportunities, cases and activities, aged relative to `now`."""

    def __init__(self, org: Org, demo: DemoOrg, now: dt.datetime) -> None:
        self.org = org
        self.demo = demo
        self.now = now
        self.today = now.date()
        self.hour = now.replace(minute=0, second=0, microsecond=0)

    def add(self, type_name: str, owner: str, values: dict[str, Any], age_days: int = 30) -> str:
        created = self.now - dt.timedelta(days=age_days)
        record = self.org.insert(type_name, values, as_user=self.demo.users[owner])
        if "CreatedDate" in record:
            record["CreatedDate"] = record["SystemModstamp"] = created
            record["LastModifiedDate"] = created
        return str(record["Id"])

    def who(self, kind: str, key: str) -> str | None:
        return {"contact": self.demo.contacts, "lead": self.demo.leads}.get(kind, {}).get(key)

    def what(self, kind: str, key: str) -> str | None:
        table = {
            "account": self.demo.accounts,
            "opp": self.demo.opportunities,
            "case": self.demo.cases,
        }
        return table.get(kind, {}).get(key)

    def business(self) -> None:
        account_owner: dict[str, str] = {}
        for index, (key, name, domain, owner, industry, city, country, employees) in enumerate(
            _ACCOUNTS
        ):
            account_owner[key] = owner
            self.demo.accounts[key] = self.add(
                "Account",
                owner,
                {
                    "Name": name,
                    "Website": f"https://www.{domain}",
                    "Industry": industry,
                    "Type": "Customer" if index % 2 == 0 else "Prospect",
                    "BillingCity": city,
                    "BillingCountry": country,
                    "NumberOfEmployees": employees,
                    "Phone": f"+1 555 01{index:02d}",
                },
                age_days=400 - index * 10,
            )
        for index, (key, account, first, last, email, title) in enumerate(_CONTACTS):
            self.demo.contacts[key] = self.add(
                "Contact",
                account_owner[account],
                {
                    "AccountId": self.demo.accounts[account],
                    "FirstName": first,
                    "LastName": last,
                    "Email": email,
                    "Title": title,
                    "Phone": f"+1 555 02{index:02d}",
                    "LeadSource": "Web" if index % 3 == 0 else "Partner Referral",
                },
                age_days=300 - index * 5,
            )
        for index, (key, owner, first, last, company, email, status) in enumerate(_LEADS):
            self.demo.leads[key] = self.add(
                "Lead",
                owner,
                {
                    "FirstName": first,
                    "LastName": last,
                    "Company": company,
                    "Email": email,
                    "Status": status,
                    "LeadSource": "Web",
                },
                age_days=60 - index * 7,
            )
        for key, account, owner, name, stage, amount, close_days, contact in _OPPS:
            self.demo.opportunities[key] = self.add(
                "Opportunity",
                owner,
                {
                    "AccountId": self.demo.accounts[account],
                    "ContactId": self.demo.contacts[contact] if contact else None,
                    "Name": name,
                    "StageName": stage,
                    "Amount": amount,
                    "CloseDate": self.today + dt.timedelta(days=close_days),
                    "Type": "New Business",
                },
                age_days=90,
            )
        for key, account, contact, owner, subject, status, priority in _CASES:
            self.demo.cases[key] = self.add(
                "Case",
                owner,
                {
                    "AccountId": self.demo.accounts[account],
                    "ContactId": self.demo.contacts[contact],
                    "Subject": subject,
                    "Status": status,
                    "Priority": priority,
                    "Origin": "Email",
                },
                age_days=14,
            )

    def activities(self) -> None:
        for (
            owner,
            who_kind,
            who_key,
            what_kind,
            what_key,
            subject,
            days,
            status,
            prio,
            sub,
        ) in _TASKS:
            self.demo.tasks.append(
                self.add(
                    "Task",
                    owner,
                    {
                        "WhoId": self.who(who_kind, who_key),
                        "WhatId": self.what(what_kind, what_key),
                        "Subject": subject,
                        "ActivityDate": self.today + dt.timedelta(days=days),
                        "Status": status,
                        "Priority": prio,
                        "TaskSubtype": sub,
                        "Type": "Call" if sub == "Call" else ("Email" if sub == "Email" else None),
                    },
                    age_days=max(1, -days + 1),
                )
            )
        for (
            owner,
            who_kind,
            who_key,
            what_kind,
            what_key,
            subject,
            hours,
            minutes,
            where,
        ) in _EVENTS:
            self.demo.events.append(
                self.add(
                    "Event",
                    owner,
                    {
                        "WhoId": self.who(who_kind, who_key),
                        "WhatId": self.what(what_kind, what_key),
                        "Subject": subject,
                        "StartDateTime": self.hour + dt.timedelta(hours=hours),
                        "DurationInMinutes": minutes,
                        "Location": where,
                        "Type": "Meeting",
                    },
                    age_days=7,
                )
            )
