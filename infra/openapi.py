"""`python -m infra.openapi`: print the OpenAPI document (`make openapi` writes docs/openapi.json).

It lives outside chalicelib/ because it imports the app, which imports every feature."""

from __future__ import annotations

import json
import sys

from app import app
from chalicelib import __version__
from chalicelib.openapi import build_openapi


def main() -> None:
    document = build_openapi(app.routes, __version__)
    sys.stdout.write(json.dumps(document, indent=2, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
