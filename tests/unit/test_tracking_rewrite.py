"""Rewriting HTML: only http(s) href values change; everything else stays byte-for-byte."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.tracking import rewrite
from chalicelib.tracking.html_tokens import attribute_value
from chalicelib.tracking.rewrite import InvalidHtml, canonical_url
from tests.unit.test_tracking_rewrite_browser import reference as browser_parse


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
        ("https://[2001:DB8:0:0:0:0:0:1]:443/x", "https://[2001:db8::1]/x"),
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
        # IPv6 zone ids (browsers accept none; a non-ASCII one made a 500), IPvFuture, brackets
        # anywhere but around an IPv6 address
        "http://[fe80::1%25\u00e9]/",
        "http://[fe80::1%25eth0]/",
        "http://[fe80::1%eth0]/",
        "https://[v1.x]/",
        "https://[::1]x/",
        "https://a[b]/",
        "https://[1.2.3.4]/",
        "https://[::1/",
    ],
)
def test_other_links_are_not_tracked(raw: str) -> None:
    assert canonical_url(raw) is None


@settings(max_examples=500)
@given(
    raw=st.one_of(
        st.text(max_size=80).map(lambda t: "http://" + t),
        st.text(max_size=40).map(lambda t: f"https://[{t}]/"),
        st.text(max_size=40).map(lambda t: f"https://[fe80::1%25{t}]/"),
        st.from_regex(r"https?://[\w.\[\]:%@-]{0,30}(/[\w%/.-]{0,20})?", fullmatch=True),
    )
)
def test_canonicalisation_never_raises_and_gives_ascii_that_can_be_signed(raw: str) -> None:
    url = canonical_url(raw)
    if url is not None:
        assert url.isascii() and url.startswith(("http://", "https://"))
        assert canonical_url(url) == url
        assert "%" not in url.split("/")[2] and "[" not in url.split("/")[2].strip("[]")


_URL_CHARS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=300)
@given(host=st.from_regex(r"[a-z0-9]{1,10}(\.[a-z]{2,5}){1,2}", fullmatch=True), rest=_URL_CHARS)
def test_canonicalisation_is_idempotent(host: str, rest: str) -> None:
    first = canonical_url(f"https://{host}/{rest}")
    if first is not None:
        assert canonical_url(first) == first
        assert first.isascii() and not re.search(r"[\s\"<>]", first)


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
def test_located_hrefs_are_exactly_the_ones_a_browser_reads(
    parts: list[tuple[str, str, str, str]],
) -> None:
    # Given generated anchors with attributes around their href
    source = "".join(f"<a {a} {h} {b}>{t}</a>{t}" for a, h, b, t in parts)
    parsed = rewrite.parse(source)
    # Then every located span holds the browser's value, and only trackable ones are located
    links, _ = browser_parse(source)
    expected = [canonical_url(href) for _, href in sorted(links)]
    assert [link.url for link in parsed.links] == [u for u in expected if u is not None]
    for link in parsed.links:
        assert canonical_url(attribute_value(source[link.start : link.end])) == link.url
    # And rendering changes nothing outside those spans
    out = rewrite.render(parsed, lambda i, u: "X", None)
    pattern = "".join(
        re.escape(source[prev : link.start]) + r'"?X"?'
        for prev, link in zip([0] + [lnk.end for lnk in parsed.links], parsed.links, strict=False)
    )
    tail = re.escape(source[parsed.links[-1].end :]) if parsed.links else re.escape(source)
    assert re.fullmatch(pattern + tail, out)


# -- as a browser tokenizes (issue 9, finding 8; the differential test against a spec-following
#    parser is in test_tracking_rewrite_browser.py) -------------------------------------------

A = '<a href="https://a.example/">'


@pytest.mark.parametrize(
    ("source", "tracked"),
    [
        # RCDATA and RAWTEXT elements: their text is not markup (§13.2.6.4.7, in body/in head)
        (f"<textarea>{A}</textarea>{A}", 1),
        (f"<TITLE>{A}</title >{A}", 1),
        (f"<title/>{A}</title>{A}", 1),  # the self-closing flag does not stop RCDATA
        (f"<xmp>{A}</xmp>{A}", 1),
        (f"<iframe>{A}</iframe>{A}", 1),
        (f"<noembed>{A}</noembed>{A}", 1),
        (f"<noframes>{A}</noframes>{A}", 1),
        (f"<noscript>{A}</noscript>{A}", 1),
        (f"<style>{A}</style>{A}", 1),
        (f"<style>{A}</styles></style>{A}", 1),  # only the appropriate end tag ends it
        (f"<style>{A}</st\u017fle></style>{A}", 1),  # ASCII case-insensitive, not Unicode
        (f'<textarea>{A}</textarea title=">">{A}', 1),  # an end tag with attributes
        # script data and its escapes (§13.2.5.4, 15-31)
        (f"<script>{A}</script>{A}", 1),
        (f"<script><!-- <script> </script> {A} --> </script>{A}", 1),
        (f"<script><!-- {A} </script>{A}", 1),
        (f"<script><!--> </script>{A}", 1),
        # PLAINTEXT: nothing after it is markup
        (f"<plaintext>{A}</plaintext>{A}", 0),
        # comments end where the standard ends them (§13.2.5.43-52)
        (f"<!-- x --!>{A}", 1),
        (f"<!-->{A}", 1),
        (f"<!--->{A}", 1),
        (f"<!-- -- >{A}-->", 0),
        (f"<!--<!-->{A}", 1),
        # bogus comments end at the first > (§13.2.5.41)
        (f"<!x>{A}", 1),
        (f"<![CDATA[ a > b ]]>{A}", 1),
        (f"<![CDATA[ {A} ]]>", 0),  # outside foreign content: ended by the link's own >
        (f"<?php echo 1 ?>{A}", 1),
        (f"</ {A}", 0),
        (f"</3>{A}", 1),
        (f"</>{A}", 1),
        # CDATA sections in foreign content (§13.2.5.69)
        (f"<svg><![CDATA[ a > b {A} ]]></svg>{A}", 1),
        (f"<math><![CDATA[{A}]]></math>", 0),
        # raw text switches only for HTML elements; integration points and breakouts
        (f"<svg><style>{A}</style></svg>", 1),
        (f"<svg><title><textarea>{A}</textarea></title></svg>", 0),
        (f"<svg><foreignObject><textarea>{A}</textarea></foreignObject></svg>", 0),
        (f"<svg><p><textarea>{A}</textarea>", 0),
        (f"<svg></p><textarea>{A}</textarea>", 0),  # </p> leaves foreign content too
        (f"<math><mi><style>{A}</style></mi></math>", 0),
        (f"<math><style>{A}</style></math>", 0),  # markup, but a MathML <a> is no link
        (f'<math><annotation-xml encoding="TEXT/html"><xmp>{A}</xmp>', 0),
        (f"<svg><font><style>{A}</style>", 1),
        (f"<svg><font size=2><style>{A}</style>", 0),
        # an end tag reaching a MathML text integration point is ignored (§13.2.4.2: special)
        (f"<math><mi><b></mi><xmp>{A}</xmp>", 0),
        # attribute tokenization (§13.2.5.32-40)
        ('<a title=">" href="https://a.example/">', 1),
        ('<a href=="https://a.example/">', 0),  # the value is ="https://a.example/"
        ('<a href="https://a.example/"href="https://b.example/">', 1),
        ('<a/href="https://a.example/">', 1),
        ('<a href="#" href="https://a.example/">', 0),  # the first href wins
        ('<a =href="https://a.example/">', 0),  # an attribute named =href
        ("<a href='https://a.example/'title=x>", 1),
    ],
)
def test_links_are_where_a_browser_sees_them(source: str, tracked: int) -> None:
    parsed = rewrite.parse(source)
    assert len(parsed.links) == tracked
    out = rewrite.render(parsed, _tracked, None)
    assert out.count("t.example") == tracked
    assert rewrite.splice(source, []) == source


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://a.example/?x=1&amp;y=2", "https://a.example/?x=1&y=2"),
        ("https://a.example/?a=1&copy=2", "https://a.example/?a=1&copy=2"),  # not ©=2
        ("https://a.example/?a=1&notify=2", "https://a.example/?a=1&notify=2"),
        ("https://a.example/?a=1&not;x", "https://a.example/?a=1%C2%ACx"),
        ("https://a.example/?a&lt=1", "https://a.example/?a&lt=1"),
        ("https://a.example/?a&lt;b", "https://a.example/?a%3Cb"),
        ("https://a.example/&copy", "https://a.example/%C2%A9"),
        ("&#x68;ttps://a.example/", "https://a.example/"),
    ],
)
def test_character_references_in_an_href_read_as_in_an_attribute(value: str, url: str) -> None:
    (link,) = rewrite.parse(f'<a href="{value}">x</a>').links
    assert link.url == url


def test_the_pixel_goes_before_plaintext_and_nothing_after_it_is_touched() -> None:
    source = '<p>Hi</p><plaintext><a href="https://a.example/"></body>'
    out = _render(source, pixel="https://t.example/t/o/P")
    assert out.startswith('<p>Hi</p><img src="https://t.example/t/o/P"')
    assert out.endswith('<plaintext><a href="https://a.example/"></body>')


@pytest.mark.parametrize(
    "source",
    [
        "<textarea>never closed",
        "<title>x",
        "<style>x</styl",
        "<script><!-- </script",
        "<svg><![CDATA[ x",
        "<!x",
        "<?x",
        "</x",
        '<a title="x',
        "<a href=x",
        "<!-- x --",
        "<p>x</p></",  # text at the end, but the pixel after it would be a bogus comment
    ],
)
def test_html_ending_in_text_the_pixel_would_fall_into_is_refused(source: str) -> None:
    with pytest.raises(InvalidHtml):
        rewrite.parse(source)


def test_a_last_body_end_tag_inside_a_comment_or_text_is_not_where_the_pixel_goes() -> None:
    source = "<body><p>x</p></body><!-- </body> --><textarea></body></textarea>"
    assert rewrite.parse(source).pixel_at == source.index("</body>")


def test_the_pixel_never_goes_where_it_would_end_foreign_content() -> None:
    # An <img> inside <svg> ends the SVG for everything after it (§13.2.6.5): a </body> there
    # is not a place for the pixel, the end of the document is
    source = '<svg><g></body><a href="https://a.example/">svg link</a></g></svg>'
    assert rewrite.parse(source).pixel_at == len(source)
    inside = "<svg><foreignObject><p>x</p></body></foreignObject></svg>"  # HTML in there
    assert rewrite.parse(inside).pixel_at == inside.index("</body>")
