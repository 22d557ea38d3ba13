"""What the build refuses to ship (infra/package.py holds the one list the bundle tests use)."""

from __future__ import annotations

from infra.package import FORBIDDEN_TOP_LEVEL, RUNTIME_PROVIDED, forbidden_entries, top_level


def test_entries_are_judged_by_their_importable_top_level_name() -> None:
    assert top_level("boto3/session.py") == "boto3"
    assert top_level("PyYAML-6.0.dist-info/RECORD") == "pyyaml"
    assert top_level("six.py") == "six"
    assert top_level("chalicelib/deps.py") == "chalicelib"


def test_runtime_packages_tooling_and_the_chalice_cli_are_refused() -> None:
    names = [
        "boto3/__init__.py",
        "botocore-1.40.0.dist-info/METADATA",
        "responses/__init__.py",  # a test library: on the list since it drifted from the tests'
        "aws_xray_sdk/core/__init__.py",
        "chalice/cli/__init__.py",
        "chalice/__pycache__/cli.cpython-311.pyc",
        "chalice/app.py",
        "chalice/__init__.py",
        "chalice/__pycache__/app.cpython-311.pyc",
        "chalicelib/deps.py",
        "aws_lambda_powertools/__init__.py",
        "app.py",
    ]
    assert forbidden_entries(names) == names[:6]


def test_what_the_runtime_provides_is_never_shipped() -> None:
    assert {"boto3", "botocore", "s3transfer"} <= set(RUNTIME_PROVIDED) & FORBIDDEN_TOP_LEVEL
