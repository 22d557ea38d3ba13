"""The location kept from CloudFront's viewer headers: only well-formed values, whatever a
client puts there (issue 9, finding 5)."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.tracking.hits import COUNTRIES, MAX_CITY_CHARS, location_from_headers

# What a kept city may not contain: control, format (bidi controls are Cf), separators other
# than space, surrogates, private use, unassigned; and markup.
_FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_MARKUP = set("<>&\"'")
_BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x61C)]


def _location(country: str = "", region: str = "", city: str = "") -> dict[str, str | None] | None:
    headers = {
        "cloudfront-viewer-country": country,
        "cloudfront-viewer-country-region": region,
        "cloudfront-viewer-city": city,
    }
    return location_from_headers(headers).as_dict()


@pytest.mark.parametrize(
    ("country", "region", "city", "kept"),
    [
        ("US", "WA", "Seattle", ("US", "WA", "Seattle")),
        ("BR", "SP", quote("São Paulo"), ("BR", "SP", "São Paulo")),
        ("CH", "ZH", "Z%C3%BCrich", ("CH", "ZH", "Zürich")),
        ("FR", "75", "Saint-%C3%89tienne", ("FR", "75", "Saint-Étienne")),
        ("JP", "13", quote("東京"), ("JP", "13", "東京")),
        ("XK", "", "Pristina", ("XK", None, "Pristina")),
        (" gb ", "eng", "London", ("GB", "ENG", "London")),
        ("ZZ", "WA", "Seattle", (None, None, "Seattle")),  # not an assigned country
        ("USA", "WA", "", None),
        ("U\u0405", "WA", "", None),
        ("ß", "", "", None),  # "ß".upper() is "SS", South Sudan: not ASCII, not a code
        ("US", "WASH", "", ("US", None, None)),
        ("US", "W-A", "", ("US", None, None)),
        ("", "WA", "", None),  # a region means nothing without its country
        ("US", "", "<b>Seattle</b>", ("US", None, None)),
        ("US", "", "Seattle\u202e", ("US", None, None)),
        ("US", "", "Sea\u2066ttle", ("US", None, None)),
        ("US", "", "Seattle%0A", ("US", None, None)),
        ("US", "", "%FF%FE", ("US", None, None)),  # not UTF-8
        ("US", "", "Tom &amp; Jerry", ("US", None, None)),
        ("US", "", "x" * (MAX_CITY_CHARS + 1), ("US", None, None)),
        ("US", "", "   ", ("US", None, None)),
    ],
)
def test_only_well_formed_values_are_kept(
    country: str, region: str, city: str, kept: tuple[str | None, ...] | None
) -> None:
    expected = None if kept is None else dict(zip(("country", "region", "city"), kept, strict=True))
    assert _location(country, region, city) == expected


def _check_city(city: str | None) -> None:
    if city is None:
        return
    assert 0 < len(city) <= MAX_CITY_CHARS and city == city.strip(" ")
    assert not _MARKUP & set(city)
    assert not {unicodedata.category(c) for c in city} & _FORBIDDEN_CATEGORIES
    assert all(c == " " or unicodedata.category(c) != "Zs" for c in city)


_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=120)
_TRICKY = st.text(
    st.one_of(st.sampled_from([*_BIDI, *_MARKUP, "%", "\u00a0", "\ufffd"]), st.characters()),
    max_size=40,
)


@settings(max_examples=500)
@given(country=_ANY_TEXT, region=_ANY_TEXT, city=st.one_of(_ANY_TEXT, _TRICKY))
def test_whatever_the_headers_say_what_is_kept_is_well_formed(
    country: str, region: str, city: str
) -> None:
    for raw_city in (city, quote(city.encode("utf-8", "surrogatepass"))):
        location = _location(country, region, raw_city)
        if location is None:
            continue
        assert location["country"] is None or location["country"] in COUNTRIES
        if location["region"] is not None:
            assert location["country"] is not None
            assert location["region"].isascii() and location["region"].isalnum()
            assert location["region"] == location["region"].upper()
            assert 1 <= len(location["region"]) <= 3
        _check_city(location["city"])


@settings(max_examples=200)
@given(
    name=st.text(
        st.characters(categories=["L", "M", "N"]) | st.sampled_from(" -.,()"),
        min_size=1,
        max_size=MAX_CITY_CHARS,
    ).filter(lambda n: n.strip(" ") == n and n.strip())
)
def test_a_printable_city_name_survives_percent_encoding(name: str) -> None:
    normal = unicodedata.normalize("NFC", name)
    location = _location("US", "", quote(name))
    if len(normal) <= MAX_CITY_CHARS and normal.isprintable():
        assert location == {"country": "US", "region": None, "city": normal}
