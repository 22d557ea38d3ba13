"""Org administration: the org's settings (`GET/PUT /admin/settings`, org admins only).

The settings themselves (their table, item and cache) are core: `chalicelib.org_settings`.
"""
