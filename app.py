"""Stratus API: the table of contents. Blueprints per feature; schedules and queue workers are
declared here, as two-line delegations (a blueprint's would skip the middleware: PITFALLS)."""

from typing import Any

from chalice.app import Chalice, CloudWatchEvent, Rate, SQSEvent

from chalicelib.account.routes import bp as account
from chalicelib.admin import routes as admin_routes
from chalicelib.admin.routes import bp as admin
from chalicelib.auth.routes import bp as auth
from chalicelib.calendar import routes as calendar_routes
from chalicelib.emails import routes as email_routes
from chalicelib.health.routes import bp as health
from chalicelib.lookup.routes import bp as lookup
from chalicelib.mailboxes.routes import bp as mailboxes
from chalicelib.meta.routes import bp as meta
from chalicelib.offline.routes import bp as offline
from chalicelib.preferences.routes import bp as preferences
from chalicelib.records.routes import bp as records
from chalicelib.settings import load_settings
from chalicelib.status.routes import bp as status
from chalicelib.tracking.routes import bp as tracking
from chalicelib.web import BINARY_MEDIA_TYPES, add_preflight_routes, harden

app = Chalice(app_name="stratus", configure_logs=False)
app.api.binary_types = BINARY_MEDIA_TYPES  # any Accept gets binary bodies (the tracking GIF)
app.register_middleware(harden, "http")
app.register_blueprint(health)
app.register_blueprint(auth)
app.register_blueprint(account)
app.register_blueprint(preferences)
app.register_blueprint(lookup)
app.register_blueprint(admin)
app.register_blueprint(tracking)
app.register_blueprint(mailboxes)
app.register_blueprint(email_routes.bp)
app.register_blueprint(records)
app.register_blueprint(offline)
app.register_blueprint(calendar_routes.bp)
app.register_blueprint(status)
app.register_blueprint(meta)  # last: its fallback routes answer 404 for unknown paths
add_preflight_routes(app)  # OPTIONS everywhere: CORS preflights for configured origins


# The email-jobs queue of the stage (STRATUS_EMAIL_QUEUE; chalice package/deploy load this file
# with the stage's environment). Partial batch failures: infra/package.py adds
# ReportBatchItemFailures to the event source (Chalice cannot declare it).
@app.on_sqs_message(queue=load_settings().email_queue_name, batch_size=10, name="email_jobs")
def email_jobs(event: SQSEvent) -> dict[str, Any]:
    return email_routes.handle_job_messages(event)


# Calendar sync (docs/calendar.md): the schedule only fans out (one message per user with sync
# on, found through an index) onto the stage's calendar-sync queue (STRATUS_CALENDAR_QUEUE);
# the worker syncs one user per message under a lease, reporting partial batch failures.
@app.schedule(Rate(10, unit=Rate.MINUTES), name="calendar_fan_out")
def calendar_fan_out(event: CloudWatchEvent) -> dict[str, int]:
    return calendar_routes.fan_out()


@app.on_sqs_message(queue=load_settings().calendar_queue_name, batch_size=10, name="calendar_sync")
def calendar_sync(event: SQSEvent) -> dict[str, Any]:
    return calendar_routes.handle_messages(event)


# Org deletion (DELETE /admin/org): one slice of one org's deletion per message, on a queue of
# its own (infra/template.yaml says why); a slice queues the next.
@app.on_sqs_message(
    queue=load_settings().org_deletion_queue_name, batch_size=1, name="org_deletion"
)
def org_deletion(event: SQSEvent) -> dict[str, Any]:
    return admin_routes.handle_deletion_messages(event)
