"""Mailbox connections: Google Workspace and Microsoft 365, connected by a signed-in user."""
