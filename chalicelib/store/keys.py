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
