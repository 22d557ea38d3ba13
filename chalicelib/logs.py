"""The Powertools logger and metrics shared by the app (structured; never given secrets)."""

from __future__ import annotations

from aws_lambda_powertools import Logger

logger = Logger(service="stratus-api")
