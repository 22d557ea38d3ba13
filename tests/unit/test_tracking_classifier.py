"""The classifier: a table of real user agents and networks per verdict, timing, bursts."""

from __future__ import annotations

import pytest

from chalicelib.tracking.classifier import (
    ClickSeen,
    Hit,
    Verdict,
    classify,
    reclassify_bursts,
)

CHROME_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
RESIDENTIAL_IP = "81.2.69.160"
MINUTES = 600.0

# (kind, user agent, source ip, verdict, reason)
REAL_REQUESTS = [
    # people: mail clients and browsers fetching directly
    ("open", CHROME_MAC, RESIDENTIAL_IP, Verdict.HUMAN, "no_machine_signal"),
    (
        "open",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
        RESIDENTIAL_IP,
        Verdict.HUMAN,
        "no_machine_signal",
    ),
    (
        "open",
        "Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
        RESIDENTIAL_IP,
        Verdict.HUMAN,
        "no_machine_signal",
    ),
    (
        "open",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
        RESIDENTIAL_IP,
        Verdict.HUMAN,
        "no_machine_signal",
    ),
    (
        "click",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        RESIDENTIAL_IP,
        Verdict.HUMAN,
        "no_machine_signal",
    ),
    (
        "click",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
        RESIDENTIAL_IP,
        Verdict.HUMAN,
        "no_machine_signal",
    ),
    ("click", CHROME_MAC, "17.5.7.1", Verdict.HUMAN, "no_machine_signal"),  # Apple staff click
    # Apple Mail Privacy Protection
    ("open", "Mozilla/5.0", "172.224.226.5", Verdict.APPLE_MPP, "apple_mpp_user_agent"),
    ("open", "Mozilla/5.0", "17.58.100.1", Verdict.APPLE_MPP, "apple_mpp_user_agent"),
    ("open", CHROME_MAC, "17.58.100.1", Verdict.APPLE_MPP, "apple_network"),
    # webmail image proxies: an open, but the proxy's location
    (
        "open",
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
        "66.102.8.1",
        Verdict.IMAGE_PROXY,
        "gmail_image_proxy",
    ),
    (
        "open",
        "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
        "98.136.1.1",
        Verdict.IMAGE_PROXY,
        "yahoo_mail_proxy",
    ),
    ("open", CHROME_MAC, "66.249.84.1", Verdict.IMAGE_PROXY, "google_proxy_network"),
    # security gateways and bots
    ("click", CHROME_MAC, "40.93.1.1", Verdict.SCANNER, "microsoft_mail_network"),
    ("click", CHROME_MAC, "2a01:111:f400::1", Verdict.SCANNER, "microsoft_mail_network"),
    ("click", CHROME_MAC, "::ffff:104.47.1.1", Verdict.SCANNER, "microsoft_mail_network"),
    ("click", CHROME_MAC, "205.139.110.5", Verdict.SCANNER, "mimecast_network"),
    ("click", CHROME_MAC, "148.163.130.2", Verdict.SCANNER, "proofpoint_network"),
    ("open", CHROME_MAC, "64.235.150.9", Verdict.SCANNER, "barracuda_network"),
    ("click", "Barracuda Sentinel (EE)", RESIDENTIAL_IP, Verdict.SCANNER, "barracuda"),
    (
        "click",
        "Mozilla/5.0 (compatible; Mimecast URL Protect)",
        RESIDENTIAL_IP,
        Verdict.SCANNER,
        "mimecast",
    ),
    ("click", "Proofpoint URL Defense", RESIDENTIAL_IP, Verdict.SCANNER, "proofpoint"),
    (
        "click",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/120.0.6099.109 Safari/537.36",
        RESIDENTIAL_IP,
        Verdict.SCANNER,
        "headless_browser",
    ),
    ("click", "python-requests/2.32.3", RESIDENTIAL_IP, Verdict.SCANNER, "http_library"),
    ("click", "curl/8.5.0", RESIDENTIAL_IP, Verdict.SCANNER, "http_library"),
    ("open", "Go-http-client/1.1", RESIDENTIAL_IP, Verdict.SCANNER, "http_library"),
    (
        "click",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        RESIDENTIAL_IP,
        Verdict.SCANNER,
        "crawler_or_link_preview",
    ),
    (
        "click",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        RESIDENTIAL_IP,
        Verdict.SCANNER,
        "crawler_or_link_preview",
    ),
    ("click", "", RESIDENTIAL_IP, Verdict.SCANNER, "no_user_agent"),
    ("open", "", RESIDENTIAL_IP, Verdict.SCANNER, "no_user_agent"),
    # link checks by Office before opening a link
    (
        "click",
        "Microsoft Office Existence Discovery",
        RESIDENTIAL_IP,
        Verdict.PREFETCH,
        "office_link_check",
    ),
]


@pytest.mark.parametrize(("kind", "user_agent", "ip", "verdict", "reason"), REAL_REQUESTS)
def test_real_requests_get_their_verdict(
    kind: str, user_agent: str, ip: str, verdict: Verdict, reason: str
) -> None:
    hit = Hit(kind=kind, user_agent=user_agent, source_ip=ip, seconds_since_prepared=MINUTES)  # type: ignore[arg-type]
    result = classify(hit)
    assert (result.verdict, result.reason) == (verdict, reason)


def test_the_senders_own_session_wins_over_the_user_agent() -> None:
    hit = Hit("open", "Mozilla/5.0", RESIDENTIAL_IP, MINUTES, from_sender_session=True)
    assert classify(hit).verdict == Verdict.SENDER


@pytest.mark.parametrize("purpose", ["prefetch", "prefetch;prerender", "preview"])
def test_prefetch_headers_mean_prefetch(purpose: str) -> None:
    hit = Hit("click", CHROME_MAC, RESIDENTIAL_IP, MINUTES, purpose=purpose)
    assert classify(hit).verdict == Verdict.PREFETCH


def test_a_click_within_seconds_of_sending_is_a_scanner() -> None:
    assert classify(Hit("click", CHROME_MAC, RESIDENTIAL_IP, 3.0)).reason == (
        "clicked_within_seconds_of_sending"
    )
    assert classify(Hit("click", CHROME_MAC, RESIDENTIAL_IP, 60.0)).verdict == Verdict.HUMAN
    assert classify(Hit("open", CHROME_MAC, RESIDENTIAL_IP, 3.0)).verdict == Verdict.HUMAN


def test_an_unparseable_source_address_is_ignored() -> None:
    assert classify(Hit("open", CHROME_MAC, "not-an-ip", MINUTES)).verdict == Verdict.HUMAN


def _human_click(message_id: str, recipient: int, link: int, at: float) -> ClickSeen:
    """A stored click the per-hit rules judged human: the only kind the burst rule revisits."""
    return ClickSeen(message_id, recipient, link, at, Verdict.HUMAN, "no_machine_signal")


def test_several_links_clicked_in_one_second_are_a_scanner() -> None:
    clicks = [
        _human_click("m1", recipient=0, link=0, at=100.1),
        _human_click("m1", recipient=0, link=1, at=100.7),
        _human_click("m1", recipient=0, link=0, at=160.0),
        _human_click("m1", recipient=1, link=2, at=100.2),
    ]
    out = reclassify_bursts(clicks)
    assert [c.verdict for c in out] == [
        Verdict.SCANNER,
        Verdict.SCANNER,
        Verdict.HUMAN,
        Verdict.HUMAN,
    ]
    assert out[0].reason == "many_links_in_one_second"


@pytest.mark.parametrize(
    "clicks",
    [
        pytest.param(
            [_human_click("m1", 0, 4, 10.1), _human_click("m1", 0, 4, 10.2)],
            id="the_same_link_twice_in_a_second",
        ),
        pytest.param(
            # recipient 0 of two different messages, each clicking one link in the same second
            [_human_click("message-a", 0, 0, 10.1), _human_click("message-b", 0, 1, 10.2)],
            id="the_same_recipient_number_in_two_messages_is_two_people",
        ),
    ],
)
def test_clicks_that_are_not_a_burst_stay_human(clicks: list[ClickSeen]) -> None:
    assert all(c.verdict == Verdict.HUMAN for c in reclassify_bursts(clicks))
