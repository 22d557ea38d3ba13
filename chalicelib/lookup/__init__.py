"""Email lookup: who an address is in Salesforce, cached per user in the container's memory.

The service (`service.Lookups`) is built once per container by `chalicelib.deps.lookups()`.
Features that create or change a Salesforce record for an address call its `invalidate` or
`invalidate_address` afterwards, so the sidebar does not show the old answer for the rest of
the cache lifetime; a forgotten connection and every Salesforce answer's API usage reach it
through the hooks wired in `deps`.
"""
