"""The steps of the signature parser (`chalicelib.records.signatures` is the entry point)."""
