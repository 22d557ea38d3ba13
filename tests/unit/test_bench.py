"""`make bench` stays runnable: every benchmark is found and documented, and the exact counts
of the fast ones (KMS requests of envelope encryption) meet their targets here too."""

from __future__ import annotations

import os
from unittest import mock

from bench.core import discover, environment


def test_every_benchmark_is_found_with_a_title_and_a_method() -> None:
    found = discover()
    assert [b.name for b in found] == ["coldstart", "bundle_import", "kms", "tracking", "lookup"]
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
