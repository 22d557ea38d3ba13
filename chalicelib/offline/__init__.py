"""The mobile offline queue: `POST /actions` replays queued requests, each exactly once."""
