"""Whether Stratus is up: `GET /status` (JSON) and `GET /status.html` (for people)."""
