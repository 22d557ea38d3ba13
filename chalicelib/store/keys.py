"""Every item family of the single table, in one place.

Everything that belongs to a user lives in that user's partition (`USER#<org>#<user>`) or is
reachable from it through gsi1 (`gsi1pk = USER#<org>#<user>`), so account deletion can find
and delete all of it. Keys never contain secrets: session tokens appear only as SHA-256.
"""

from __future__ import annotations

Key = tuple[str, str]


def user_pk(org_id: str, user_id: str) -> str:
    return f"USER#{org_id}#{user_id}"


def profile_key(org_id: str, user_id: str) -> Key:
    """The user's profile (identity, org configuration)."""
    return user_pk(org_id, user_id), "PROFILE"


def user_settings_key(org_id: str, user_id: str) -> Key:
    """The user's own choices of the settings their org lets them override (/me/settings)."""
    return user_pk(org_id, user_id), "SETTINGS"


def connection_key(org_id: str, user_id: str, provider: str) -> Key:
    """One connection per user, org and provider; holds the sealed refresh token."""
    return user_pk(org_id, user_id), f"CONNECTION#{provider}"


def session_key(token_sha256: str) -> Key:
    """A session, addressed by the SHA-256 of its token (gsi1 points back to the user)."""
    return f"SESSION#{token_sha256}", "SESSION"


def is_session(key: Key) -> bool:
    """Whether the key is a session's (what authenticates its owner: deleted last)."""
    return key[0].startswith("SESSION#")


def session_ref_key(org_id: str, user_id: str, token_sha256: str) -> Key:
    """The user's reference to one of their sessions (REF_PK/REF_SK name the session), written
    with it: account deletion finds it by a consistent read of the user's partition, where
    the session's gsi1 entry may still be on its way (indexes are eventually consistent)."""
    return user_pk(org_id, user_id), f"SESSIONREF#{token_sha256}"


# An item in a user's partition that stands for an item elsewhere carries its key in these
# attributes; Store.delete_owned_by deletes both.
REF_PK = "ref_pk"
REF_SK = "ref_sk"


def oauth_state_key(state_sha256: str) -> Key:
    """A single-use OAuth state (TTL 10 minutes), by the SHA-256 of the state value."""
    return f"OAUTHSTATE#{state_sha256}", "STATE"


def lease_key(resource: str) -> Key:
    """A lease serialising work on one resource (a token refresh, a user's calendar sync)."""
    return f"LEASE#{resource}", "LEASE"


def counter_key(name: str, shard: int = 0) -> Key:
    return f"COUNTER#{name}", f"SHARD#{shard}"


def status_minute_key(minute: int) -> Key:
    """The status page's request counts of one UTC minute (epoch second // 60): no user's."""
    return f"STATUS#{minute}", "COUNTS"


def org_deletion_key(org_tag: str) -> Key:
    """An org deletion's progress, by a one-way tag of the org id (store/org_deletion.py):
    kept after the deletion, it must not name the org."""
    return f"ORGDELETION#{org_tag}", "JOB"


def org_pk(org_id: str) -> str:
    return f"ORG#{org_id}"


def org_settings_key(org_id: str) -> Key:
    return org_pk(org_id), "SETTINGS"


# -- email tracking: all in the sender's partition (account deletion removes it) --------------
TRACKING_EVENT_PREFIX = "TEVT#"
TRACKING_ACTIVITY_PREFIX = "TACT#"


def tracked_message_key(org_id: str, user_id: str, message_id: str) -> Key:
    """A message prepared for tracking: subject, recipients, links, creation time; TTL."""
    return user_pk(org_id, user_id), f"TMSG#{message_id}"


def tracking_events_prefix(message_id: str) -> str:
    """Sort-key prefix of one message's open and click events (oldest first)."""
    return f"{TRACKING_EVENT_PREFIX}{message_id}#"


def tracking_event_key(
    org_id: str, user_id: str, message_id: str, at_second: int, event_id: str
) -> Key:
    """One open or click. The key holds the second, not the millisecond, and the event id is
    fixed per token and second, so a token's repeats within one second share one key (the
    conditional put keeps the first). gsi1 (gsi1pk = the user's pk) orders events by time."""
    return user_pk(
        org_id, user_id
    ), f"{tracking_events_prefix(message_id)}{at_second:010d}#{event_id}"


def tracking_activity_sk(at_ms: int, message_id: str, event_id: str) -> str:
    """gsi1sk of an event: the user's activity feed across messages, newest first."""
    return f"{TRACKING_ACTIVITY_PREFIX}{at_ms:013d}#{message_id}#{event_id}"


# -- usage figures (chalicelib/usage.py): daily sums, 400 days ------------------------------------
USAGE_PREFIX = "USAGE#"


def org_usage_key(org_id: str, day: str) -> Key:
    """The org's uses of every feature on one UTC day (`YYYY-MM-DD`): the dashboard's charts."""
    return org_pk(org_id), f"{USAGE_PREFIX}{day}"


#: The partitions an org's opens and clicks are counted over (`org_hits_key`).
HIT_SHARDS = 16


def org_hits_pk(org_id: str, shard: int) -> str:
    """One of the HIT_SHARDS partitions of the org's daily open and click counters: each hit
    ADDs to one (chosen from its event id), so an org's burst spreads over 16 partitions."""
    return f"ORGHITS#{org_id}#{shard:02d}"


def org_hits_key(org_id: str, shard: int, day: str) -> Key:
    """The org's opens and clicks of one UTC day counted in one shard (store/usage.py)."""
    return org_hits_pk(org_id, shard), f"{USAGE_PREFIX}{day}"


def user_usage_key(org_id: str, user_id: str, day: str) -> Key:
    """One user's uses on one UTC day, in the user's partition (account deletion removes it)."""
    return user_pk(org_id, user_id), f"{USAGE_PREFIX}{day}"


def org_user_usage_index(org_id: str) -> str:
    """gsi1pk of every user's usage items of the org: an org's deletion finds them there."""
    return f"ORGUSAGE#{org_id}"


def user_usage_index_sk(user_id: str, day: str) -> str:
    return f"{USAGE_PREFIX}{day}#{user_id}"


def org_members_index(org_id: str) -> str:
    """gsi1pk of the org's profiles: the admin's list of the org's users."""
    return f"ORGUSERS#{org_id}"


def org_broken_connections_index(org_id: str) -> str:
    """gsi1pk of the org's revoked connections (sparse: only a revoked connection carries it;
    a reconnect writes the item whole, without it): the admin's users list shows them first."""
    return f"ORGBROKEN#{org_id}"


def broken_connection_index_sk(user_id: str, provider: str) -> str:
    """gsi1sk of a revoked connection: a user's revoked connections are adjacent."""
    return f"{user_id}#{provider}"


# -- email logging: in the user's partition (account deletion removes it) ----------------------
def email_job_key(org_id: str, user_id: str, job_id: str) -> Key:
    """One email-logging job: status, the sealed result, the error; TTL (EMAIL_JOB_DAYS)."""
    return user_pk(org_id, user_id), f"EMAILJOB#{job_id}"


def logged_email_key(org_id: str, user_id: str, message_hash: str) -> Key:
    """A logged email, by the SHA-256 of its Internet Message-ID: the Salesforce record it
    became (so logging it again creates nothing); TTL (LOGGED_EMAIL_DAYS)."""
    return user_pk(org_id, user_id), f"LOGGED#{message_hash}"


def email_log_lease(org_id: str, user_id: str, message_hash: str) -> str:
    """The lease under which one user's email is logged (two requests for the same email never
    both create a record); its item is outside the user's partition, named by this."""
    return f"email-log#{org_id}#{user_id}#{message_hash}"


def email_job_lease(org_id: str, user_id: str, job_id: str) -> str:
    """The lease of one job's run (a message delivered twice is run once at a time)."""
    return f"email-job#{org_id}#{user_id}#{job_id}"


# -- records: in the user's partition (account deletion removes them) ---------------------------
def record_attempt_key(org_id: str, user_id: str, route: str, key_sha256: str) -> Key:
    """An attempt to create a record under an Idempotency-Key (route and key hashed): when it
    was made, so that a replay after a lost answer looks for the record before inserting again;
    TTL (the idempotency window)."""
    return user_pk(org_id, user_id), f"RECATTEMPT#{route}#{key_sha256}"


def created_addresses_key(org_id: str, user_id: str) -> Key:
    """The addresses (SHA-256) the user created a Lead or Contact for lately: every container's
    lookup re-asks Salesforce before serving a cached "not found" for them; TTL (the lookup
    cache's lifetime after the newest)."""
    return user_pk(org_id, user_id), "CREATEDADDRS"


# -- calendar sync: in the user's partition (account deletion removes it) ----------------------
CALENDAR_PAIR_PREFIX = "CALPAIR#"
#: gsi1pk of the state of every user whose calendar sync is on: the schedule's fan-out reads
#: this index (never a scan), gsi1sk `<org>#<user>`
CALENDAR_SYNC_INDEX = "CALSYNC"


def calendar_sync_key(org_id: str, user_id: str) -> Key:
    """A user's calendar sync: settings, the sealed cursor, the watermark, the status."""
    return user_pk(org_id, user_id), "CALSYNC"


def calendar_pair_key(org_id: str, user_id: str, pair_key: str) -> Key:
    """One synced event: `p:<provider event id>` (born in the calendar) or `s:<Salesforce Event
    id>` (born in Salesforce); TTL its end + the past window."""
    return user_pk(org_id, user_id), f"{CALENDAR_PAIR_PREFIX}{pair_key}"


def calendar_sync_lease(org_id: str, user_id: str) -> str:
    """The lease under which one user's calendar is synced (a second run does nothing)."""
    return f"calendar-sync#{org_id}#{user_id}"
