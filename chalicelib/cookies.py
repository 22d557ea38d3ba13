"""The `Cookie` request header read as browsers write it, and the session cookie's name.

Browsers send `name=value` pairs joined by `; ` (RFC 6265 §5.4) and do not check what other
apps on the domain put there, so the reader is tolerant: a pair that does not parse (no `=`,
stray quotes, characters Python's SimpleCookie refuses) is skipped, never the whole header.
A name may come more than once (other paths, a parent domain's cookie): `values` returns each.
"""

from __future__ import annotations

from typing import Any

#: `__Host-`: the browser keeps it only if set Secure, with Path=/ and no Domain, from this
#: host, so a sibling subdomain cannot plant or overwrite it (RFC 6265bis §4.1.3.2).
SESSION_COOKIE = "__Host-stratus_session"
_WHITESPACE = " \t"


def pairs(header: str) -> list[tuple[str, str]]:
    """Every `name=value` pair of a Cookie header, in order; unparseable pairs skipped."""
    found = []
    for part in header.split(";"):
        name, equals, value = part.partition("=")
        name = name.strip(_WHITESPACE)
        if not equals or not name:
            continue
        value = value.strip(_WHITESPACE)
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]  # cookie-value may be DQUOTE *cookie-octet DQUOTE
        found.append((name, value))
    return found


def values(headers: Any, name: str) -> list[str]:
    """The distinct non-empty values sent for cookie `name`, in the order the browser sent."""
    raw = headers.get("cookie") if headers else None
    if not raw:
        return []
    seen = [value for key, value in pairs(str(raw)) if key == name and value]
    return list(dict.fromkeys(seen))


def first(headers: Any, name: str) -> str | None:
    """The first non-empty value of cookie `name` (a browser sends the longest path first)."""
    found = values(headers, name)
    return found[0] if found else None
