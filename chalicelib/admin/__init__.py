"""Org administration: the org's settings (`GET/PUT /admin/settings`, org admins only).

`chalicelib.admin.org_settings` is this feature's public interface: other features read an
org's settings through it (`OrgSettingsCache` on hot paths, `read_org_settings` otherwise).
"""
