"""Who opened or clicked: a person, or a machine acting for one (pure, table-driven).

`classify(hit)` walks RULES in order and returns the first match as a Verdict with its reason;
`reclassify_bursts` applies the one rule that needs several events (many links clicked in
the same second) when events are read. The tables are data: add a row, add a test row.

Facts behind the rows (checked against public sources, see docs/tracking.md):
- Apple Mail Privacy Protection fetches remote content through Apple's relay on delivery,
  whether or not the message is read, with the user agent exactly `Mozilla/5.0`; its egress
  addresses are iCloud Private Relay's (Apple's 17.0.0.0/8 and partner networks).
- Gmail fetches images through GoogleImageProxy ("... (via ggpht.com GoogleImageProxy)") from
  Google's networks, when the message is opened; Yahoo through "YahooMailProxy".
- Security gateways (Microsoft Safe Links / Defender, Mimecast, Proofpoint, Barracuda) follow
  links from their own networks, often with a browser user agent, within seconds of delivery.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal, TypeVar


class Verdict(StrEnum):
    HUMAN = "human"
    APPLE_MPP = "apple_mpp"
    IMAGE_PROXY = "image_proxy"
    SCANNER = "scanner"
    SENDER = "sender"
    PREFETCH = "prefetch"


#: Verdicts that mean a person opened the message (a webmail image proxy fetches on open).
HUMAN_OPEN_VERDICTS = frozenset({Verdict.HUMAN, Verdict.IMAGE_PROXY})
#: Verdicts whose request location is the reader's (a proxy's or scanner's is not).
LOCATED_VERDICTS = frozenset({Verdict.HUMAN})
CLICK_TOO_SOON_SECONDS = 15.0
BURST_MIN_LINKS = 2

Kind = Literal["open", "click"]
OPEN: frozenset[str] = frozenset({"open"})
CLICK: frozenset[str] = frozenset({"click"})
BOTH: frozenset[str] = OPEN | CLICK


@dataclass(frozen=True)
class Hit:
    """What the hot path knows about one request (kept only until it is classified)."""

    kind: Kind
    user_agent: str
    source_ip: str
    seconds_since_prepared: float
    from_sender_session: bool = False
    purpose: str = ""  # Purpose / Sec-Purpose / X-Purpose / X-Moz, lower-cased and joined


@dataclass(frozen=True)
class Classification:
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Contains:
    """The user agent contains one of `words` (case-insensitive)."""

    words: tuple[str, ...]
    # one search for all the words (the hot paths run every rule for a person's browser)
    _any_word: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pattern = re.compile("|".join(re.escape(word) for word in self.words))
        object.__setattr__(self, "_any_word", pattern)

    def matches(self, user_agent: str, lowered: str) -> bool:
        return self._any_word.search(lowered) is not None


@dataclass(frozen=True)
class Exactly:
    """The user agent is exactly `text` (Apple's proxy sends nothing more)."""

    text: str

    def matches(self, user_agent: str, lowered: str) -> bool:
        return user_agent.strip() == self.text


#: (user agent matcher, verdict, reason, kinds it applies to); first match wins.
USER_AGENT_RULES: tuple[tuple[Contains | Exactly, Verdict, str, frozenset[str]], ...] = (
    (
        Contains(("microsoft office existence discovery", "microsoft office protocol discovery")),
        Verdict.PREFETCH,
        "office_link_check",
        BOTH,
    ),
    (Contains(("googleimageproxy", "ggpht.com")), Verdict.IMAGE_PROXY, "gmail_image_proxy", OPEN),
    (Contains(("yahoomailproxy",)), Verdict.IMAGE_PROXY, "yahoo_mail_proxy", OPEN),
    (Exactly("Mozilla/5.0"), Verdict.APPLE_MPP, "apple_mpp_user_agent", OPEN),
    (Contains(("barracuda",)), Verdict.SCANNER, "barracuda", BOTH),
    (Contains(("mimecast",)), Verdict.SCANNER, "mimecast", BOTH),
    (Contains(("proofpoint", "urldefense", "pphosted")), Verdict.SCANNER, "proofpoint", BOTH),
    (Contains(("safelinks", "safe links")), Verdict.SCANNER, "safe_links", BOTH),
    (
        Contains(("headlesschrome", "phantomjs", "puppeteer", "playwright", "selenium")),
        Verdict.SCANNER,
        "headless_browser",
        BOTH,
    ),
    (
        Contains(
            (
                "python-requests",
                "python-urllib",
                "aiohttp",
                "httpx",
                "curl/",
                "wget",
                "go-http-client",
                "okhttp",
                "java/",
                "apache-httpclient",
                "libwww-perl",
                "axios",
                "node-fetch",
                "undici",
            )
        ),
        Verdict.SCANNER,
        "http_library",
        BOTH,
    ),
    (
        Contains(
            (
                "bot/",
                "bot;",
                "bot)",
                "bot ",
                "bot-",
                "crawler",
                "spider",
                "facebookexternalhit",
                "skypeuripreview",
                "whatsapp",
                "bingpreview",
                "google-safety",
                "urlscan",
                "virustotal",
            )
        ),
        Verdict.SCANNER,
        "crawler_or_link_preview",
        BOTH,
    ),
)

#: (network, verdict, reason, kinds); examples of published ranges, refresh them as needed.
NETWORK_RULES: tuple[tuple[str, Verdict, str, frozenset[str]], ...] = (
    ("17.0.0.0/8", Verdict.APPLE_MPP, "apple_network", OPEN),
    ("66.102.0.0/20", Verdict.IMAGE_PROXY, "google_proxy_network", OPEN),
    ("66.249.64.0/19", Verdict.IMAGE_PROXY, "google_proxy_network", OPEN),
    ("64.233.160.0/19", Verdict.IMAGE_PROXY, "google_proxy_network", OPEN),
    ("40.92.0.0/15", Verdict.SCANNER, "microsoft_mail_network", BOTH),
    ("40.107.0.0/16", Verdict.SCANNER, "microsoft_mail_network", BOTH),
    ("52.100.0.0/14", Verdict.SCANNER, "microsoft_mail_network", BOTH),
    ("104.47.0.0/17", Verdict.SCANNER, "microsoft_mail_network", BOTH),
    ("2a01:111::/32", Verdict.SCANNER, "microsoft_mail_network", BOTH),
    ("205.139.110.0/24", Verdict.SCANNER, "mimecast_network", BOTH),
    ("207.211.30.0/24", Verdict.SCANNER, "mimecast_network", BOTH),
    ("148.163.128.0/19", Verdict.SCANNER, "proofpoint_network", BOTH),
    ("67.231.144.0/20", Verdict.SCANNER, "proofpoint_network", BOTH),
    ("64.235.144.0/20", Verdict.SCANNER, "barracuda_network", BOTH),
    ("209.222.80.0/21", Verdict.SCANNER, "barracuda_network", BOTH),
)

#: (IP version, first address, last address, verdict, reason, kinds), as integers.
_NET_TABLE = tuple(
    (network.version, int(network[0]), int(network[-1]), verdict, reason, kinds)
    for network, verdict, reason, kinds in (
        (ipaddress.ip_network(net), verdict, reason, kinds)
        for net, verdict, reason, kinds in NETWORK_RULES
    )
)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _purpose(hit: Hit) -> Classification | None:
    if any(word in hit.purpose for word in ("prefetch", "preview", "prerender")):
        return Classification(Verdict.PREFETCH, "prefetch_header")
    return None


def _sender(hit: Hit) -> Classification | None:
    return Classification(Verdict.SENDER, "sender_session") if hit.from_sender_session else None


def _user_agent(hit: Hit) -> Classification | None:
    lowered = hit.user_agent.lower()
    for matcher, verdict, reason, kinds in USER_AGENT_RULES:
        if hit.kind in kinds and matcher.matches(hit.user_agent, lowered):
            return Classification(verdict, reason)
    return None


def _network(hit: Hit) -> Classification | None:
    address = _ip(hit.source_ip)
    if address is None:
        return None
    version, number = address.version, int(address)
    for net_version, first, last, verdict, reason, kinds in _NET_TABLE:
        if net_version == version and first <= number <= last and hit.kind in kinds:
            return Classification(verdict, reason)
    return None


def _no_user_agent(hit: Hit) -> Classification | None:
    return Classification(Verdict.SCANNER, "no_user_agent") if not hit.user_agent.strip() else None


def _too_soon(hit: Hit) -> Classification | None:
    if hit.kind == "click" and hit.seconds_since_prepared < CLICK_TOO_SOON_SECONDS:
        return Classification(Verdict.SCANNER, "clicked_within_seconds_of_sending")
    return None


#: The order is the policy: explicit signals first, then who is asking, then timing.
RULES: tuple[Callable[[Hit], Classification | None], ...] = (
    _purpose,
    _sender,
    _user_agent,
    _network,
    _no_user_agent,
    _too_soon,
)
HUMAN = Classification(Verdict.HUMAN, "no_machine_signal")


def classify(hit: Hit) -> Classification:
    for rule in RULES:
        found = rule(hit)
        if found is not None:
            return found
    return HUMAN


# -- the rule that needs several events ---------------------------------------------------------


@dataclass(frozen=True)
class ClickSeen:
    """The facts of a stored click the burst rule looks at."""

    message_id: str
    recipient: int
    link: int
    at: float
    verdict: Verdict
    reason: str


C = TypeVar("C", bound=ClickSeen)


def reclassify_bursts(clicks: Iterable[C]) -> list[C]:
    """Human clicks on BURST_MIN_LINKS or more different links of one message by one recipient
    within the same second are a scanner's (people do not click several links in one second).

    Recipient numbers are per message, so the message is part of the key: recipient 0 of two
    different messages are two different people.
    """
    items = list(clicks)
    links_per_second: dict[tuple[str, int, int], set[int]] = {}

    def key(click: C) -> tuple[str, int, int]:
        return (click.message_id, click.recipient, int(click.at))

    for click in items:
        links_per_second.setdefault(key(click), set()).add(click.link)
    out: list[C] = []
    for click in items:
        links = links_per_second[key(click)]
        if click.verdict == Verdict.HUMAN and len(links) >= BURST_MIN_LINKS:
            click = replace(click, verdict=Verdict.SCANNER, reason="many_links_in_one_second")
        out.append(click)
    return out
