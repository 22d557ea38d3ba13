"""The README's screenshots are committed files (the browser tests take them: tests/browser
keeps them under tests/browser/artifacts, which git ignores; docs/images holds the copies)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _images() -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", (ROOT / "README.md").read_text())


def test_every_image_the_readme_shows_is_a_committed_png() -> None:
    images = _images()
    assert images, "the README shows no image"
    for path in images:
        assert not path.startswith(("http://", "https://")), f"{path}: an external image"
        file = ROOT / path
        assert file.is_file(), f"README shows {path}, which does not exist"
        assert file.read_bytes()[:8] == PNG_MAGIC, f"{path} is not a PNG"
        assert "artifacts" not in path, f"{path}: git ignores the browser tests' artifacts"


def test_the_readme_shows_the_dashboard_and_the_status_page() -> None:
    assert {"docs/images/admin-dashboard.png", "docs/images/status-page.png"} <= set(_images())
