"""Stratus API: the table of contents. Blueprints per feature; schedules are declared here."""

from chalice.app import Chalice

from chalicelib.auth.routes import bp as auth
from chalicelib.health.routes import bp as health
from chalicelib.meta.routes import bp as meta
from chalicelib.web import add_preflight_routes, harden

app = Chalice(app_name="stratus", configure_logs=False)
app.register_middleware(harden, "http")
app.register_blueprint(health)
app.register_blueprint(auth)
app.register_blueprint(meta)  # last: its fallback routes answer 404 for unknown paths
add_preflight_routes(app)  # OPTIONS everywhere: CORS preflights for configured origins
