"""The pixel over real HTTP, from Chalice's local server (what `chalice local` runs).

The test client hides how a binary body travels; here the app's answer goes through Chalice's
own base64 round trip (binary types `*/*`, see docs/tracking.md) to a real socket.
"""

from __future__ import annotations

import pytest
import requests

from chalicelib.tracking.hits import GIF
from tests.service.conftest import Served


@pytest.mark.parametrize("accept", [None, "text/html", "image/webp,*/*"])
def test_the_pixel_is_the_gif_over_http_whatever_the_accept_header(
    served_app: Served,
    accept: str | None,
) -> None:
    # Given any Accept header, or none at all
    with requests.Session() as http:
        http.trust_env = False  # loopback only, whatever proxy the machine has
        headers = {"Accept": accept} if accept is not None else {}
        if accept is None:
            http.headers.pop("Accept", None)  # requests would send */* by itself
        # When a mail client loads a pixel (any token: an unknown one gets the GIF too)
        response = http.get(f"{served_app.url}/t/o/AAAAanything", headers=headers)
        # Then it is the 42-byte GIF, as bytes, not base64 text
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "image/gif"
        assert response.content == GIF and len(response.content) == 42
        # And JSON routes still answer JSON
        health = http.get(f"{served_app.url}/health", headers=headers)
        assert health.status_code == 200
        assert health.headers["Content-Type"].startswith("application/json")
        assert isinstance(health.json(), dict)
