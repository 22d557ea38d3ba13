"""Rewriting HTML: only http(s) href values change; everything else stays byte-for-byte."""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.tracking import rewrite
from chalicelib.tracking.rewrite import InvalidHtml, canonical_url


def _tracked(index: int, url: str) -> str:
    return f"https://t.example/t/c/TOKEN{index}"


def _render(source: str, pixel: str | None = None) -> str:
    return rewrite.render(rewrite.parse(source), _tracked, pixel)


def test_http_links_are_rewritten_and_nothing_else_changes() -> None:
    # Given a message with odd but valid markup around its links
    source = (
        "<!DOCTYPE html>\n<html><head><style>a{color:red}</style></head>\r\n<BODY>\n"
        "<p>Hi&nbsp;there &amp; welcome <!-- <a href='https://comment.example'> --></p>\n"
        "<A  class=x HREF = 'https://a.example/p?q=1&amp;r=2#top' >one</A>\n"
        '<a href="mailto:x@y.example">mail</a> <a href="tel:+123">tel</a> <a href="#s">anchor</a>\n'
        "<a href=http://b.example/unquoted>two</a><a>no href</a><a href>empty</a>\n"
        '<area shape=rect href="https://c.example/"><a href="javascript:alert(1)">js</a>\n'
        "<script>var s = '<a href=\"https://script.example\">';</script>\n"
        "</BODY></html>"
    )
    # When it is rendered with tracked links
    out = _render(source)
    # Then exactly the three http(s) hrefs changed, in order, and the rest is identical
    parsed = rewrite.parse(source)
    assert [link.url for link in parsed.links] == [
        "https://a.example/p?q=1&r=2#top",
        "http://b.example/unquoted",
        "https://c.example/",
    ]
    expected = (
        source.replace("'https://a.example/p?q=1&amp;r=2#top'", "'https://t.example/t/c/TOKEN0'")
        .replace("href=http://b.example/unquoted", 'href="https://t.example/t/c/TOKEN1"')
        .replace('href="https://c.example/"', 'href="https://t.example/t/c/TOKEN2"')
    )
    assert out == expected


def test_the_pixel_goes_before_the_closing_body_tag() -> None:
    out = _render("<html><body><p>x</p></body></html>", pixel="https://t.example/t/o/P")
    assert out == (
        '<html><body><p>x</p><img src="https://t.example/t/o/P" width="1" height="1" alt="" '
        'style="display:block;width:1px;height:1px;border:0;margin:0;padding:0"></body></html>'
    )


def test_without_a_body_tag_the_pixel_is_appended() -> None:
    out = _render("<p>x</p>", pixel="https://t.example/t/o/P")
    assert out.startswith("<p>x</p><img src=")


def test_a_pixel_only_render_leaves_links_alone() -> None:
    source = '<p><a href="https://a.example/">a</a></p>'
    out = rewrite.render(rewrite.parse(source), None, "https://t.example/t/o/P")
    assert out.startswith(source)


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   ",
        '<p>x</p><a href="https://a',
        "<p>x<!-- never closed",
        "<p>\x00</p>",
        "<script>never closed",
    ],
)
def test_bad_html_is_refused(source: str) -> None:
    with pytest.raises(InvalidHtml):
        rewrite.parse(source)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("https://Example.COM", "https://example.com/"),
        ("HTTPS://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("  https://example.com/a\n  ", "https://example.com/a"),
        ("https://exa\tmple.com/a", "https://example.com/a"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://example.com/é?q=ü#ß", "https://example.com/%C3%A9?q=%C3%BC#%C3%9F"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("https://example.com/p?a=1&a=2&b=%2F&c=&d=+x;y#frag?x=1/y", None),
        ("https://example.com/?", "https://example.com/?"),
        ("https://example.com/#", "https://example.com/#"),
        ("https:\\\\example.com\\a?x=\\", "https://example.com/a?x=\\"),
        ("https://example.com/p?a=b|c&d={e}", None),
        ("https://example.com/p?q=^`\\#f|{}^`\\", None),
        ("https://example.com/p|{}?q=1", "https://example.com/p%7C%7B%7D?q=1"),
        (
            'https://example.com/?q="<x>" y#"<f>"',
            "https://example.com/?q=%22%3Cx%3E%22%20y#%22%3Cf%3E%22",
        ),
        ("https://[2001:db8::1]/x", "https://[2001:db8::1]/x"),
    ],
)
def test_urls_are_canonicalised_keeping_query_and_fragment(raw: str, canonical: str | None) -> None:
    assert canonical_url(raw) == (canonical or raw)


@pytest.mark.parametrize(
    "raw",
    [
        "mailto:a@b.example",
        "tel:+1",
        "#top",
        "/relative",
        "//example.com/x",
        "javascript:alert(1)",
        "ftp://example.com/",
        "https://user:pass@example.com/",
        "https://",
        "https://example.com:99999/",
        "https://exa mple.com/",
        "https://example.com/\x01x",
        "https://example.com/" + "a" * 3000,
    ],
)
def test_other_links_are_not_tracked(raw: str) -> None:
    assert canonical_url(raw) is None


_URL_CHARS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=300)
@given(host=st.from_regex(r"[a-z0-9]{1,10}(\.[a-z]{2,5}){1,2}", fullmatch=True), rest=_URL_CHARS)
def test_canonicalisation_is_idempotent(host: str, rest: str) -> None:
    first = canonical_url(f"https://{host}/{rest}")
    if first is not None:
        assert canonical_url(first) == first
        assert first.isascii() and not re.search(r"[\s\"<>]", first)


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "area"):
            value = next((v for k, v in attrs if k == "href"), None)
            if value is not None:
                self.hrefs.append(value)


_ATTR = st.sampled_from(['class="x"', "id=y", "data-x='1 2'", 'title="a>b"', "disabled", ""])
_HREF = st.sampled_from(
    [
        'href="https://a.example/x?y=1&amp;z=2"',
        "href='http://b.example/'",
        "HREF=https://c.example/p",
        'href = "mailto:a@b.example"',
        'href="#frag"',
        "href=\"https://d.example/'q'\"",
    ]
)
_TEXT = st.text(alphabet="abc &;<>\n", max_size=12).map(lambda t: htmllib.escape(t))


@settings(max_examples=300)
@given(st.lists(st.tuples(_ATTR, _HREF, _ATTR, _TEXT), min_size=1, max_size=6))
def test_located_hrefs_are_exactly_the_ones_the_parser_reads(
    parts: list[tuple[str, str, str, str]],
) -> None:
    # Given generated anchors with attributes around their href
    source = "".join(f"<a {a} {h} {b}>{t}</a>{t}" for a, h, b, t in parts)
    parsed = rewrite.parse(source)
    # Then every located span holds the parser's value, and only trackable ones are located
    reader = _Hrefs()
    reader.feed(source)
    expected = [canonical_url(v) for v in reader.hrefs]
    assert [link.url for link in parsed.links] == [u for u in expected if u is not None]
    for link in parsed.links:
        assert canonical_url(htmllib.unescape(source[link.start : link.end])) == link.url
    # And rendering changes nothing outside those spans
    out = rewrite.render(parsed, lambda i, u: "X", None)
    pattern = "".join(
        re.escape(source[prev : link.start]) + r'"?X"?'
        for prev, link in zip([0] + [lnk.end for lnk in parsed.links], parsed.links, strict=False)
    )
    tail = re.escape(source[parsed.links[-1].end :]) if parsed.links else re.escape(source)
    assert re.fullmatch(pattern + tail, out)
