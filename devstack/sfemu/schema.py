"""The sObject types the emulator knows: fields, relationships, key prefixes and sharing model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FieldType = Literal[
    "id",
    "reference",
    "string",
    "textarea",
    "email",
    "phone",
    "url",
    "picklist",
    "boolean",
    "int",
    "double",
    "currency",
    "percent",
    "date",
    "datetime",
    "base64",
    "junction",
]

#: How record-level access is decided for a type.
#: private: owner (or their sharing parent) only; parent: through the parent record (Controlled by
#: Parent); activity: owner, or anyone who can see the related Who/What; public: everyone;
#: assignee: the assignee (setup object).
Sharing = Literal["private", "parent", "activity", "public", "assignee"]

STRING_TYPES: frozenset[str] = frozenset(
    {"string", "textarea", "email", "phone", "url", "picklist"}
)
NUMBER_TYPES: frozenset[str] = frozenset({"int", "double", "currency", "percent"})
ID_TYPES: frozenset[str] = frozenset({"id", "reference"})


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: FieldType
    reference_to: tuple[str, ...] = ()
    relationship_name: str | None = None
    createable: bool = True
    updateable: bool = True
    required: bool = False  # required on create (not nillable, no default)
    label: str = ""
    #: Maximum length of a text value (None: the API's general 131,072-character bound).
    length: int | None = None
    #: Values of a restricted picklist (empty: any value).
    values: tuple[str, ...] = ()
    #: Whether SOQL may filter on it (long text areas and junction lists may not).
    filterable: bool = True


@dataclass(frozen=True)
class ChildRelationship:
    name: str  # e.g. "Contacts"
    child_type: str  # e.g. "Contact"
    field: str  # e.g. "AccountId"


@dataclass
class SObjectDef:
    name: str
    prefix: str
    label: str
    label_plural: str
    sharing: Sharing
    #: Whether object permissions (ObjectPermissions rows) gate access. Setup objects and
    #: activities are always readable.
    object_perms: bool
    fields: dict[str, FieldDef] = field(default_factory=dict)  # keyed by lower-case name
    children: dict[str, ChildRelationship] = field(default_factory=dict)  # lower-case name
    #: parent reference field for sharing="parent" (e.g. Contact -> AccountId)
    sharing_parent: str | None = None

    def field(self, name: str) -> FieldDef | None:
        return self.fields.get(name.lower())

    def relationship(self, name: str) -> FieldDef | None:
        """The reference field whose relationship name is ``name`` (case-insensitive)."""
        lowered = name.lower()
        for candidate in self.fields.values():
            if candidate.relationship_name and candidate.relationship_name.lower() == lowered:
                return candidate
        return None

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields.values()]


def _f(name: str, type_: FieldType, **kwargs: object) -> FieldDef:
    return FieldDef(name=name, type=type_, **kwargs)  # type: ignore[arg-type]


def _ro(name: str, type_: FieldType, **kwargs: object) -> FieldDef:
    return FieldDef(name=name, type=type_, createable=False, updateable=False, **kwargs)  # type: ignore[arg-type]


def _ref(
    name: str, targets: tuple[str, ...], rel: str, *, writable: bool = True, required: bool = False
) -> FieldDef:
    return FieldDef(
        name=name,
        type="reference",
        reference_to=targets,
        relationship_name=rel,
        createable=writable,
        updateable=writable,
        required=required,
    )


def _audit() -> list[FieldDef]:
    return [
        _ro("CreatedDate", "datetime"),
        _ref("CreatedById", ("User",), "CreatedBy", writable=False),
        _ro("LastModifiedDate", "datetime"),
        _ref("LastModifiedById", ("User",), "LastModifiedBy", writable=False),
        _ro("SystemModstamp", "datetime"),
        # In the Recycle Bin: only queryAll (and getDeleted) answers such records.
        _ro("IsDeleted", "boolean"),
    ]


def _obj(
    name: str,
    prefix: str,
    sharing: Sharing,
    object_perms: bool,
    fields: list[FieldDef],
    *,
    plural: str | None = None,
    sharing_parent: str | None = None,
    audit: bool = True,
) -> SObjectDef:
    all_fields = [_ro("Id", "id"), *fields, *(_audit() if audit else [])]
    return SObjectDef(
        name=name,
        prefix=prefix,
        label=name,
        label_plural=plural or f"{name}s",
        sharing=sharing,
        object_perms=object_perms,
        fields={f.name.lower(): f for f in all_fields},
        sharing_parent=sharing_parent,
    )


_WHO = ("Contact", "Lead")
_WHAT = ("Account", "Opportunity", "Case")
_PEOPLE = ("Contact", "Lead", "User")
_FILE_PARENTS = ("EmailMessage", "Task", *_WHAT, *_WHO, "User")

#: EmailMessage.Status, a restricted picklist: value -> label (EmailMessage object reference,
#: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_emailmessage.htm).
EMAIL_STATUSES: dict[str, str] = {
    "0": "New",
    "1": "Read",
    "2": "Replied",
    "3": "Sent",
    "4": "Forwarded",
    "5": "Draft",
}
RELATION_TYPES = ("FromAddress", "ToAddress", "CcAddress", "BccAddress")
#: Task.TaskSubtype, a restricted picklist (Task object reference).
TASK_SUBTYPES = ("Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn")
#: Event.ShowAs ("Show Time As") values of a standard org.
EVENT_SHOW_AS = ("Busy", "OutOfOffice", "Free")
#: Event.RecurrenceType values (Event object reference). The emulator generates the
#: occurrences of RecursDaily and RecursWeekly series only (calendar_rules.py).
RECURRENCE_TYPES = (
    "RecursDaily",
    "RecursEveryWeekday",
    "RecursMonthly",
    "RecursMonthlyNth",
    "RecursWeekly",
    "RecursYearly",
    "RecursYearlyNth",
)
#: EventRelation.Status values (an invitee's answer).
EVENT_RELATION_STATUSES = ("New", "Declined", "Accepted")
FEED_ITEM_TYPES = ("TextPost", "LinkPost", "ContentPost", "QuestionPost")

_OBJECT_PERMISSION_FLAGS = [
    "PermissionsRead",
    "PermissionsCreate",
    "PermissionsEdit",
    "PermissionsDelete",
    "PermissionsViewAllRecords",
    "PermissionsModifyAllRecords",
]
_SYSTEM_PERMISSIONS = [
    "PermissionsApiEnabled",
    "PermissionsModifyAllData",
    "PermissionsViewAllData",
    "PermissionsCustomizeApplication",
    "PermissionsViewSetup",
]


def _build() -> dict[str, SObjectDef]:
    objects = [
        _obj(
            "Organization",
            "00D",
            "public",
            False,
            [
                _ro("Name", "string"),
                _ro("IsSandbox", "boolean"),
                _ro("OrganizationType", "string"),
                _ro("InstanceName", "string"),
                _ro("NamespacePrefix", "string"),
                _ro("Country", "string"),
                _ro("DefaultLocaleSidKey", "string"),
                _ro("LanguageLocaleKey", "string"),
                _ro("TimeZoneSidKey", "string"),
            ],
            plural="Organizations",
        ),
        _obj(
            "Profile",
            "00e",
            "public",
            False,
            [
                _ro("Name", "string"),
                _ro("UserType", "picklist"),
                _ro("Description", "string"),
                *(_ro(p, "boolean") for p in _SYSTEM_PERMISSIONS),
            ],
        ),
        _obj(
            "User",
            "005",
            "public",
            False,
            [
                _ro("Username", "string"),
                _ro("Name", "string"),
                _ro("FirstName", "string"),
                _ro("LastName", "string"),
                _ro("Alias", "string"),
                _ro("Email", "email"),
                _ro("Title", "string"),
                _ro("Department", "string"),
                _ro("CompanyName", "string"),
                _ro("IsActive", "boolean"),
                _ro("UserType", "picklist"),
                _ref("ProfileId", ("Profile",), "Profile", writable=False),
                _ref("ManagerId", ("User",), "Manager", writable=False),
                _ro("TimeZoneSidKey", "picklist"),
                _ro("LocaleSidKey", "picklist"),
                _ro("LanguageLocaleKey", "picklist"),
                _ro("EmailEncodingKey", "picklist"),
                _ro("LastLoginDate", "datetime"),
            ],
        ),
        _obj(
            "PermissionSet",
            "0PS",
            "public",
            False,
            [
                _ro("Name", "string"),
                _ro("Label", "string"),
                _ro("Description", "string"),
                _ro("IsOwnedByProfile", "boolean"),
                _ref("ProfileId", ("Profile",), "Profile", writable=False),
                *(_ro(p, "boolean") for p in _SYSTEM_PERMISSIONS),
            ],
        ),
        _obj(
            "PermissionSetAssignment",
            "0Pa",
            "assignee",
            False,
            [
                _ref("AssigneeId", ("User",), "Assignee", writable=False),
                _ref("PermissionSetId", ("PermissionSet",), "PermissionSet", writable=False),
                _ro("IsActive", "boolean"),
            ],
        ),
        _obj(
            "ObjectPermissions",
            "110",
            "public",
            False,
            [
                _ref("ParentId", ("PermissionSet",), "Parent", writable=False),
                _ro("SobjectType", "picklist"),
                *(_ro(p, "boolean") for p in _OBJECT_PERMISSION_FLAGS),
            ],
            plural="ObjectPermissions",
        ),
        _obj(
            "Account",
            "001",
            "private",
            True,
            [
                _f("Name", "string", required=True),
                _f("Type", "picklist"),
                _f("Industry", "picklist"),
                _f("Website", "url"),
                _f("Phone", "phone"),
                _f("BillingCity", "string"),
                _f("BillingCountry", "string"),
                _f("AnnualRevenue", "currency"),
                _f("NumberOfEmployees", "int"),
                _f("Description", "textarea"),
                _ref("ParentId", ("Account",), "Parent"),
                _ref("OwnerId", ("User",), "Owner"),
                _ro("LastActivityDate", "date"),
            ],
        ),
        _obj(
            "Contact",
            "003",
            "parent",
            True,
            [
                _f("FirstName", "string"),
                _f("LastName", "string", required=True),
                _ro("Name", "string"),
                _f("Salutation", "picklist"),
                _f("Email", "email"),
                _f("Phone", "phone"),
                _f("MobilePhone", "phone"),
                _f("Fax", "phone"),
                _f("Title", "string"),
                _f("Department", "string"),
                _f("MailingStreet", "textarea"),
                _f("MailingCity", "string"),
                _f("MailingState", "string"),
                _f("MailingPostalCode", "string"),
                _f("MailingCountry", "string"),
                _f("LeadSource", "picklist"),
                _f("HasOptedOutOfEmail", "boolean"),
                _f("Description", "textarea"),
                _ref("AccountId", ("Account",), "Account"),
                _ref("ReportsToId", ("Contact",), "ReportsTo"),
                _ref("OwnerId", ("User",), "Owner"),
                _ro("LastActivityDate", "date"),
            ],
            sharing_parent="AccountId",
        ),
        _obj(
            "Lead",
            "00Q",
            "private",
            True,
            [
                _f("FirstName", "string"),
                _f("LastName", "string", required=True),
                _ro("Name", "string"),
                _f("Email", "email"),
                _f("Phone", "phone"),
                _f("MobilePhone", "phone"),
                _f("Fax", "phone"),
                _f("Website", "url"),
                _f("Title", "string"),
                _f("Company", "string", required=True),
                _f("Status", "picklist"),
                _f("LeadSource", "picklist"),
                _f("Industry", "picklist"),
                _f("Rating", "picklist"),
                _f("Street", "textarea"),
                _f("City", "string"),
                _f("State", "string"),
                _f("PostalCode", "string"),
                _f("Country", "string"),
                _f("HasOptedOutOfEmail", "boolean"),
                _f("Description", "textarea"),
                _ro("IsConverted", "boolean"),
                _ref("ConvertedContactId", ("Contact",), "ConvertedContact", writable=False),
                _ref("ConvertedAccountId", ("Account",), "ConvertedAccount", writable=False),
                _ref("OwnerId", ("User",), "Owner"),
            ],
        ),
        _obj(
            "Opportunity",
            "006",
            "parent",
            True,
            [
                _f("Name", "string", required=True),
                _ref("AccountId", ("Account",), "Account"),
                _ref("ContactId", ("Contact",), "Contact"),
                _f("StageName", "picklist", required=True),
                _f("Amount", "currency"),
                _f("Probability", "percent"),
                _f("CloseDate", "date", required=True),
                _f("Type", "picklist"),
                _f("LeadSource", "picklist"),
                _f("NextStep", "string"),
                _f("Description", "textarea"),
                _ro("IsClosed", "boolean"),
                _ro("IsWon", "boolean"),
                _ro("ForecastCategory", "picklist"),
                _ref("OwnerId", ("User",), "Owner"),
            ],
            plural="Opportunities",
            sharing_parent="AccountId",
        ),
        _obj(
            "Case",
            "500",
            "parent",
            True,
            [
                _ro("CaseNumber", "string"),
                _f("Subject", "string"),
                _f("Description", "textarea"),
                _f("Status", "picklist"),
                _f("Priority", "picklist"),
                _f("Origin", "picklist"),
                _f("Type", "picklist"),
                _f("SuppliedEmail", "email"),
                _ref("AccountId", ("Account",), "Account"),
                _ref("ContactId", ("Contact",), "Contact"),
                _ro("IsClosed", "boolean"),
                _ro("ClosedDate", "datetime"),
                _ref("OwnerId", ("User",), "Owner"),
            ],
            sharing_parent="AccountId",
        ),
        _obj(
            "Task",
            "00T",
            "activity",
            False,
            [
                # Subject 255 and Description 32,000 characters (Task object reference:
                # https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_task.htm)
                _f("Subject", "string", length=255),
                _f("Description", "textarea", length=32_000, filterable=False),
                _f("Status", "picklist"),
                _f("Priority", "picklist"),
                _f("Type", "picklist"),
                _f("TaskSubtype", "picklist", values=TASK_SUBTYPES),
                _f("ActivityDate", "date"),
                _f("CompletedDateTime", "datetime"),
                _ref("WhoId", _WHO, "Who"),
                _ref("WhatId", _WHAT, "What"),
                _ref("AccountId", ("Account",), "Account", writable=False),
                _ref("OwnerId", ("User",), "Owner"),
                _ro("IsClosed", "boolean"),
                _ro("IsHighPriority", "boolean"),
            ],
        ),
        _obj(
            "Event",
            "00U",
            "activity",
            False,
            [
                # Lengths and ShowAs values: Event object reference and field reference
                # (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm,
                # https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Event.htm).
                _f("Subject", "string", length=255),
                _f("Description", "textarea", length=32_000, filterable=False),
                _f("Location", "string", length=255),
                _f("Type", "picklist"),
                _f("StartDateTime", "datetime"),
                _f("EndDateTime", "datetime"),
                _f("ActivityDateTime", "datetime"),
                _f("ActivityDate", "date"),
                _f("DurationInMinutes", "int"),
                _f("IsAllDayEvent", "boolean"),
                _f("IsPrivate", "boolean"),
                _f("ShowAs", "picklist", values=EVENT_SHOW_AS),
                _ref("WhoId", _WHO, "Who"),
                _ref("WhatId", _WHAT, "What"),
                _ref("AccountId", ("Account",), "Account", writable=False),
                _ref("OwnerId", ("User",), "Owner"),
                # Recurring events (Salesforce Classic): a series record (IsRecurrence, the
                # pattern) and one Event per occurrence, whose RecurrenceActivityId is the
                # series record (Event field reference, https://developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Event.htm).
                # The pattern is set on create only here (calendar_rules.py: a change to it
                # would regenerate the occurrences, which the emulator does not model).
                _f("IsRecurrence", "boolean", updateable=False),
                _f("RecurrenceStartDateTime", "datetime", updateable=False),
                _f("RecurrenceEndDateOnly", "date", updateable=False),
                _f("RecurrenceType", "picklist", values=RECURRENCE_TYPES, updateable=False),
                _f("RecurrenceInterval", "int", updateable=False),
                _f("RecurrenceDayOfWeekMask", "int", updateable=False),
                FieldDef(
                    "RecurrenceActivityId",
                    "reference",
                    ("Event",),
                    "RecurrenceActivity",
                    createable=False,
                    updateable=False,
                ),
                # Lightning event series (Recurrence2): the series record has GroupEventType
                # "3" and Recurrence2PatternText (an RRULE); seeded only (Change Data Capture,
                # "Recurring Activities", https://developer.salesforce.com/docs/atlas.en-us.234.0.change_data_capture.meta/change_data_capture/cdc_standard_objects_task_event_recurring.htm).
                _ro("GroupEventType", "picklist"),
                _ro("Recurrence2PatternText", "string", length=2000),
            ],
        ),
        _obj(
            "EventRelation",
            "0RE",
            "parent",
            False,
            [
                # EventRelation object reference: the invitees (Users, Contacts, Leads) and,
                # with Shared Activities, the related contacts/lead (IsParent); EventId and
                # RelationId are set on create only.
                # https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_eventrelation.htm
                FieldDef(
                    "EventId",
                    "reference",
                    ("Event",),
                    "Event",
                    updateable=False,
                    required=True,
                ),
                FieldDef(
                    "RelationId",
                    "reference",
                    ("Contact", "Lead", "User"),
                    "Relation",
                    updateable=False,
                    required=True,
                ),
                _f("IsParent", "boolean"),
                _f("IsInvitee", "boolean"),
                _f("IsWhat", "boolean"),
                _f("Status", "picklist", values=EVENT_RELATION_STATUSES),
                _f("RespondedDate", "datetime"),
                _f("Response", "string", length=255),
            ],
            sharing_parent="EventId",
        ),
        _obj(
            "EmailMessage",
            "02s",
            "activity",
            False,
            [
                # Lengths: Subject 4,000 (help 000385928), To/Cc/Bcc 4,000, From 3,000 and
                # bodies 131,072 characters (help 000386950); MessageIdentifier 255 (field
                # reference, EmailMessage). Status: restricted picklist 0..5 (EMAIL_STATUSES).
                _f("Subject", "string", length=4_000),
                _f("TextBody", "textarea", length=131_072, filterable=False),
                _f("HtmlBody", "textarea", length=131_072, filterable=False),
                _f("FromAddress", "email", length=3_000),
                _f("FromName", "string", length=3_000),
                _f("ToAddress", "string", length=4_000),
                _f("CcAddress", "string", length=4_000),
                _f("BccAddress", "string", length=4_000),
                _f("MessageDate", "datetime"),
                _f("Status", "picklist", values=tuple(EMAIL_STATUSES)),
                _f("Incoming", "boolean"),
                _f("MessageIdentifier", "string", length=255),
                _f("ThreadIdentifier", "string", length=255),
                _f("ToIds", "junction", reference_to=_PEOPLE, filterable=False),
                _f("CcIds", "junction", reference_to=_PEOPLE, filterable=False),
                _f("BccIds", "junction", reference_to=_PEOPLE, filterable=False),
                _ref("RelatedToId", _WHAT, "RelatedTo"),
                _ref("ActivityId", ("Task",), "Activity", writable=False),
                _ref("ParentId", ("Case",), "Parent"),
                _ro("HasAttachment", "boolean"),
            ],
        ),
        _obj(
            "EmailMessageRelation",
            "0ER",
            "parent",
            False,
            [
                _ref("EmailMessageId", ("EmailMessage",), "EmailMessage", required=True),
                _ref("RelationId", _PEOPLE, "Relation"),
                _f("RelationType", "picklist", required=True, values=RELATION_TYPES),
                _f("RelationAddress", "email", length=3_000),
                _ro("RelationObjectType", "string"),
            ],
            sharing_parent="EmailMessageId",
        ),
        _obj(
            "FeedItem",
            "0D5",
            "activity",
            False,
            [
                _ref("ParentId", (*_WHAT, *_PEOPLE, "EmailMessage"), "Parent", required=True),
                _f("Type", "picklist", values=FEED_ITEM_TYPES),
                _f("Body", "textarea", length=10_000, filterable=False),
                _f("Title", "string", length=255),
                _f("LinkUrl", "url", length=1_000),
                _f("IsRichText", "boolean"),
            ],
        ),
        _obj(
            "ContentVersion",
            "068",
            "activity",
            False,
            [
                _f("Title", "string", length=255),
                _f("PathOnClient", "string", length=500),
                _f("Description", "textarea", length=1_000, filterable=False),
                _ref("FirstPublishLocationId", _FILE_PARENTS, "FirstPublishLocation"),
                _f("VersionData", "base64", filterable=False),
                _ref("ContentDocumentId", ("ContentDocument",), "ContentDocument", writable=False),
                _ro("ContentSize", "int"),
                _ro("Checksum", "string"),
                _ro("FileExtension", "string"),
                _ro("FileType", "string"),
                _ro("IsLatest", "boolean"),
                _ro("VersionNumber", "string"),
            ],
        ),
        _obj(
            "ContentDocument",
            "069",
            "activity",
            False,
            [
                _ro("Title", "string"),
                _ref(
                    "LatestPublishedVersionId",
                    ("ContentVersion",),
                    "LatestPublishedVersion",
                    writable=False,
                ),
                _ro("ContentSize", "int"),
                _ro("FileExtension", "string"),
                _ro("FileType", "string"),
            ],
        ),
        _obj(
            "ContentDocumentLink",
            "06A",
            "activity",
            False,
            [
                _ref("ContentDocumentId", ("ContentDocument",), "ContentDocument", required=True),
                _ref("LinkedEntityId", _FILE_PARENTS, "LinkedEntity", required=True),
                _f("ShareType", "picklist", values=("V", "C", "I")),
                _f("Visibility", "picklist", values=("AllUsers", "InternalUsers", "SharedUsers")),
            ],
            audit=False,
        ),
    ]
    by_name = {o.name: o for o in objects}
    children = [
        ("Account", "Contacts", "Contact", "AccountId"),
        ("Account", "Opportunities", "Opportunity", "AccountId"),
        ("Account", "Cases", "Case", "AccountId"),
        ("Account", "ChildAccounts", "Account", "ParentId"),
        ("Account", "Tasks", "Task", "WhatId"),
        ("Account", "Events", "Event", "WhatId"),
        ("Contact", "Tasks", "Task", "WhoId"),
        ("Contact", "Events", "Event", "WhoId"),
        ("Contact", "Cases", "Case", "ContactId"),
        ("Lead", "Tasks", "Task", "WhoId"),
        ("Lead", "Events", "Event", "WhoId"),
        ("Opportunity", "Tasks", "Task", "WhatId"),
        ("Opportunity", "Events", "Event", "WhatId"),
        ("Case", "Tasks", "Task", "WhatId"),
        ("Case", "Events", "Event", "WhatId"),
        ("Event", "EventRelations", "EventRelation", "EventId"),
        ("Case", "EmailMessages", "EmailMessage", "ParentId"),
        ("EmailMessage", "EmailMessageRelations", "EmailMessageRelation", "EmailMessageId"),
        ("ContentDocument", "ContentDocumentLinks", "ContentDocumentLink", "ContentDocumentId"),
        ("ContentDocument", "ContentVersions", "ContentVersion", "ContentDocumentId"),
        ("User", "PermissionSetAssignments", "PermissionSetAssignment", "AssigneeId"),
        ("PermissionSet", "Assignments", "PermissionSetAssignment", "PermissionSetId"),
        ("PermissionSet", "ObjectPerms", "ObjectPermissions", "ParentId"),
    ]
    for parent, rel, child, fld in children:
        by_name[parent].children[rel.lower()] = ChildRelationship(rel, child, fld)
    return by_name


SCHEMA: dict[str, SObjectDef] = _build()
_BY_LOWER: dict[str, SObjectDef] = {name.lower(): obj for name, obj in SCHEMA.items()}
_BY_PREFIX: dict[str, SObjectDef] = {obj.prefix: obj for obj in SCHEMA.values()}

#: Fields available through a polymorphic relationship (Who, What, RelatedTo): the "Name" object.
POLYMORPHIC_FIELDS: dict[str, FieldType] = {
    "id": "id",
    "name": "string",
    "type": "string",
    "email": "email",
    "firstname": "string",
    "lastname": "string",
    "phone": "phone",
    "title": "string",
}
POLYMORPHIC_CANONICAL: dict[str, str] = {
    "id": "Id",
    "name": "Name",
    "type": "Type",
    "email": "Email",
    "firstname": "FirstName",
    "lastname": "LastName",
    "phone": "Phone",
    "title": "Title",
}


def lookup_type(name: str) -> SObjectDef | None:
    return _BY_LOWER.get(name.lower())


def type_for_id(record_id: str) -> SObjectDef | None:
    return _BY_PREFIX.get(record_id[:3])
