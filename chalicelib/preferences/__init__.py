"""A user's own settings (`/me/settings`): the ones their org lets them choose."""
