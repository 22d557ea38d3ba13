"""Stratus API: the table of contents. Blueprints per feature; schedules are declared here."""

from chalice.app import Chalice

from chalicelib.account.routes import bp as account
from chalicelib.admin.routes import bp as admin
from chalicelib.auth.routes import bp as auth
from chalicelib.health.routes import bp as health
from chalicelib.lookup.routes import bp as lookup
from chalicelib.mailboxes.routes import bp as mailboxes
from chalicelib.meta.routes import bp as meta
from chalicelib.tracking.routes import bp as tracking
from chalicelib.web import BINARY_MEDIA_TYPES, add_preflight_routes, harden

app = Chalice(app_name="stratus", configure_logs=False)
app.api.binary_types = BINARY_MEDIA_TYPES  # any Accept gets binary bodies (the tracking GIF)
app.register_middleware(harden, "http")
app.register_blueprint(health)
app.register_blueprint(auth)
app.register_blueprint(account)
app.register_blueprint(lookup)
app.register_blueprint(admin)
app.register_blueprint(tracking)
app.register_blueprint(mailboxes)
app.register_blueprint(meta)  # last: its fallback routes answer 404 for unknown paths
add_preflight_routes(app)  # OPTIONS everywhere: CORS preflights for configured origins
