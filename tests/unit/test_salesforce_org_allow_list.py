"""Salesforce ids in their case-safe form, and the org allow-list built on them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.errors import StratusError
from chalicelib.providers.salesforce import ids
from chalicelib.providers.salesforce.allowed_orgs import OrgAllowList
from devstack.sfemu import ids as emulator_ids

ACME = "00D5g0001qJdWotEAF"  # the emulator's demo org
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
id15 = st.text(alphabet=ALPHANUMERIC, min_size=15, max_size=15)


@pytest.mark.parametrize(
    ("short", "case_safe"),
    [
        ("a0BA0000000L2ZC", "a0BA0000000L2ZCMA0"),
        ("AaaAABbbBBCccCC", "AaaAABbbBBCccCCZZZ"),
        ("ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNO555"),
        ("AAaAAbbBBBCcCCC", "AAaAAbbBBBCcCCC123"),
        ("70130000001tcyI", "70130000001tcyIAAQ"),
    ],
)
def test_a_15_character_id_gains_its_published_suffix(short: str, case_safe: str) -> None:
    assert ids.case_safe(short) == case_safe
    assert ids.case_safe(case_safe) == case_safe


def test_ids_that_differ_only_in_case_stay_different() -> None:
    # Salesforce's own example: two records whose 15-character ids differ only in case
    assert ids.case_safe("50130000000014c") != ids.case_safe("50130000000014C")


@given(id15)
def test_the_suffix_restores_an_id_whatever_its_case(value: str) -> None:
    canonical = ids.case_safe(value)
    assert canonical is not None and canonical[:15] == value
    assert canonical == emulator_ids.to18(value)  # an independent implementation agrees
    assert ids.case_safe(canonical.lower()) == canonical
    assert ids.case_safe(canonical.upper()) == canonical


@pytest.mark.parametrize(
    "value",
    ["", "00D5g0001qJdWo", "00D5g0001qJdWotEAF1", "00D5g0001qJdWot!AF", "00D5g0001qJdWotE6F"],
)
def test_what_is_not_an_id_has_no_case_safe_form(value: str) -> None:
    assert ids.case_safe(value) is None


def test_a_suffix_that_marks_a_digit_upper_case_is_not_an_id() -> None:
    # "B" marks the first character of the first block upper-case: "0" cannot be
    assert ids.case_safe("000000000000000BAA") is None


def test_only_organization_ids_are_org_ids() -> None:
    assert ids.case_safe_org_id(ACME) == ACME
    assert ids.case_safe_org_id(ACME[:15]) == ACME
    assert ids.case_safe_org_id(" " + ACME.lower() + " ") == ACME
    assert ids.case_safe_org_id("0055g00000AbCdEAAZ") is None  # a user id


def _code(raised: pytest.ExceptionInfo[StratusError]) -> tuple[int, str]:
    return raised.value.status, str(raised.value.code)


@pytest.mark.parametrize("stage", ["local", "test"])
def test_unset_means_any_org_only_in_the_local_and_test_stages(stage: str) -> None:
    allowed = OrgAllowList.configured((), stage)
    allowed.require_usable()
    allowed.require_allowed(ACME)
    allowed.require_allowed("00D000000000000EAA")


@pytest.mark.parametrize("stage", ["dev", "prod", "staging", ""])
def test_unset_in_any_other_stage_refuses_every_sign_in(stage: str) -> None:
    allowed = OrgAllowList.configured(["", " "], stage)
    with pytest.raises(StratusError) as raised:
        allowed.require_usable()
    assert _code(raised) == (503, "configuration_unavailable")
    with pytest.raises(StratusError) as raised:
        allowed.require_allowed(ACME)
    assert _code(raised) == (503, "configuration_unavailable")


def test_an_entry_that_is_not_an_org_id_makes_the_list_unusable() -> None:
    allowed = OrgAllowList.configured([ACME, "0055g00000AbCdEAAZ"], "prod")
    with pytest.raises(StratusError) as raised:
        allowed.require_allowed(ACME)
    assert _code(raised) == (503, "configuration_unavailable")
    assert "0055g00000AbCdEAAZ" in str(allowed.problem)


@pytest.mark.parametrize("entry", [ACME, ACME[:15], ACME.lower(), ACME.upper(), f" {ACME} "])
def test_an_org_on_the_list_is_allowed_in_any_of_its_forms(entry: str) -> None:
    allowed = OrgAllowList.configured(["00D000000000000EAA", entry], "prod")
    allowed.require_allowed(ACME)
    allowed.require_allowed(ACME[:15])


def test_an_org_that_differs_only_in_case_is_not_allowed() -> None:
    allowed = OrgAllowList.configured([ACME[:15]], "prod")
    twin = ACME[:9] + ACME[9:15].swapcase()  # another org whose id differs only in case
    for refused in (twin, ids.case_safe(twin) or "", "00D000000000000EAA", "not an id"):
        with pytest.raises(StratusError) as raised:
            allowed.require_allowed(refused)
        assert _code(raised) == (403, "org_not_allowed")
