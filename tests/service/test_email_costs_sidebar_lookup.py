"""The call budget when the sidebar has looked the participants up (GET/POST /lookup, what the
add-in does when the email is opened): every address is in the lookup cache and matches a
Contact, so logging asks Salesforce nothing before writing (the org's Users are asked for only
where no Contact or Lead matched): 1 + k calls."""

from __future__ import annotations

import json
from collections import Counter
from functools import partial

from bench.emails import EmailUser, add_contacts, check_logged, client_email, files, spent
from bench.emails import salesforce_calls as counted_calls
from tests.conftest import Salesforce
from tests.service.test_email_costs import alice, queue_env  # noqa: F401 - fixtures


def test_an_email_whose_people_the_sidebar_looked_up_costs_one_call_and_one_per_file(
    alice: EmailUser,  # noqa: F811 - the fixture
    sf_env: Salesforce,
) -> None:
    # Given three Contacts the sidebar has just looked up (all in the lookup cache)
    people = add_contacts(sf_env.emu, alice.user_id, 3, "sidebar")
    looked_up = alice.client.http.post(
        "/lookup", body=json.dumps({"emails": people}), headers=alice.headers()
    )
    assert looked_up.status_code == 200, looked_up.body

    # When an email between them and Alice, with one attachment, is logged
    counted = partial(counted_calls, sf_env.emu, alice.user_id)
    calls, job = spent(counted, partial(alice.log, client_email("sidebar", people, files(1, "s"))))

    # Then the budget for cached participants holds: the EmailMessage and the file
    check_logged(job, people, 1)
    assert calls == Counter({"composite": 1, "content_upload": 1})
