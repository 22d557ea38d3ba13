"""OAuth connections to external systems, whatever the provider (DESIGN §1, §3).

`authorize` runs the authorization-code flow (single-use state bound to the browser and, when
a signed-in user connects another provider, to that user; PKCE; the code exchange), `vault`
keeps the tokens sealed per (user, provider) and renews them under a lease, and `provider` is
the small protocol each `chalicelib/providers/<system>/` implements. A new provider adds its
folder and registers in `deps`; nothing here changes.
"""
