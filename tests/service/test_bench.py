"""`make bench` stays runnable: every benchmark is found and documented, and the exact counts
of the in-process ones (KMS requests, Salesforce calls, AWS requests per tracking hit) meet
their targets here too (the timings are left to `make bench`)."""

from __future__ import annotations

import os
from unittest import mock

from bench.core import Figure, discover, environment


def test_every_benchmark_is_found_with_a_title_and_a_method() -> None:
    found = discover()
    assert [b.name for b in found] == [
        "coldstart",
        "bundle_import",
        "kms",
        "tracking",
        "lookup",
        "signatures",
        "mail_stream",
        "emails",
        "calendar",
    ]
    for benchmark in found:
        assert benchmark.title != benchmark.name, benchmark.name
        assert benchmark.method, benchmark.name


def test_kms_benchmark_counts_exactly_one_request_per_thousand() -> None:
    (kms,) = discover(["kms"])
    with mock.patch.dict(os.environ, {"BENCH_RUNS": "3"}):
        figures = {figure.label: figure for figure in kms.run()}
    encryptions = figures["KMS requests per 1,000 encryptions (one context)"]
    decryptions = figures["KMS requests per 1,000 decryptions (fresh envelope, one data key)"]
    assert (encryptions.value, decryptions.value) == (1, 1)
    assert encryptions.detail == "kms.GenerateDataKey 1"
    assert decryptions.detail == "kms.Decrypt 1"


def test_lookup_benchmark_counts_one_call_per_miss_and_none_per_hit() -> None:
    (lookup,) = discover(["lookup"])
    figures = {figure.label: figure for figure in lookup.run()}
    assert figures["Salesforce API calls per miss (one address)"].value == 1
    assert figures["Salesforce API calls per miss (batch of 25)"].value == 1
    assert figures["Salesforce API calls per hit"].value == 0
    assert figures["DynamoDB requests per cached lookup when a flush is due"].value == 0


def test_tracking_benchmark_counts_no_read_and_one_write_per_hit() -> None:
    (tracking,) = discover(["tracking"])
    with mock.patch.dict(os.environ, {"BENCH_RUNS": "3"}):
        figures = {figure.label: figure.value for figure in tracking.run()}
    assert figures["AWS reads per pixel"] == 0 and figures["AWS writes per pixel"] == 1
    assert figures["AWS reads per click"] == 0 and figures["AWS writes per click"] == 1
    # a flush that is due waits for a request that is not a hot path
    assert figures["AWS requests per pixel when a flush is due"] == 1
    assert figures["AWS requests per click when a flush is due"] == 1


def test_environment_fakes_aws_and_restores_everything() -> None:
    with mock.patch.dict(
        os.environ, {"AWS_ENDPOINT_URL": "http://somewhere:1", "AWS_PROFILE": "mine"}
    ):
        before = dict(os.environ)
        with environment({"STRATUS_TABLE": "t"}):
            assert os.environ["STRATUS_TABLE"] == "t"
            assert os.environ["AWS_ACCESS_KEY_ID"] == "bench"
            assert "AWS_ENDPOINT_URL" not in os.environ and "AWS_PROFILE" not in os.environ
            with environment({"STRATUS_TABLE": "inner"}):
                assert os.environ["STRATUS_TABLE"] == "inner"
            assert os.environ["STRATUS_TABLE"] == "t"
        assert dict(os.environ) == before


def test_calendar_benchmark_meets_its_call_targets() -> None:
    (calendar,) = discover(["calendar"])
    # make bench fans out to 10,000 users; 2,500 here cross the same index pages (1,000 a page)
    figures = {
        figure.label: Figure.coerce(figure) for figure in calendar.module.run(fan_out_users=2500)
    }
    assert figures["Provider calls per user, no change"].value == 1
    assert figures["Salesforce calls per user, no change"].value == 1
    assert figures["DynamoDB reads per user, no change (the cycle's own)"].value <= 1
    assert figures["SendMessageBatch requests, 2,500 users"].value == 250
    assert figures["Index pages read, 2,500 users"].value == 3
    missed = [f.label for f in figures.values() if f.ok is False]
    assert not missed, missed
