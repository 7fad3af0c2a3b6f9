"""M8: the staff handling queue gathers what waits for a decision from every app."""

import datetime as dt

import pytest
import time_machine

from kumppani.core.decisions import QueueItem, register_queue_source, unregister_queue_source

NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def queue_source():
    def source(user):
        yield QueueItem(
            kind="Booking",
            title="Hall A, Friday evening",
            url="/fi/bookings/1/",
            created_at=NOW - dt.timedelta(days=3),
            due_at=NOW - dt.timedelta(days=1),
        )
        yield QueueItem(
            kind="Grant application",
            title="Summer camp 2027",
            url="/fi/grants/applications/7/",
            created_at=NOW - dt.timedelta(days=1),
            due_at=NOW + dt.timedelta(days=5),
        )
        yield QueueItem(
            kind="Event",
            title="Neighbourhood fair",
            url="/fi/events/3/",
            created_at=NOW - dt.timedelta(hours=2),
            due_at=None,
        )

    register_queue_source(source)
    yield source
    unregister_queue_source(source)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 302),
        ("resident", 403),
        ("org_admin", 403),
        ("facility_manager", 200),
        ("grant_officer", 200),
        ("liaison", 200),
        ("moderator", 200),
        ("administrator", 200),
    ],
)
def test_handling_queue_persona_matrix(client, request, persona, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    assert client.get("/fi/handling/").status_code == status


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_queue_shows_registered_items_earliest_deadline_first(client, liaison, queue_source):
    client.force_login(liaison)
    html = client.get("/en/handling/").content.decode()
    positions = [html.index(t) for t in ("Hall A", "Summer camp", "Neighbourhood fair")]
    assert positions == sorted(positions)
    assert 'href="/fi/grants/applications/7/"' in html


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_overdue_items_are_marked_in_words_not_only_colour(client, liaison, queue_source):
    client.force_login(liaison)
    html = client.get("/en/handling/").content.decode()
    rows = html.split("<tr")[2:]
    assert 'class="overdue"' in rows[0] and "Overdue" in rows[0]
    assert "Overdue" not in rows[1] + rows[2]


@pytest.mark.django_db
def test_empty_queue_says_so(client, liaison):
    client.force_login(liaison)
    assert "Nothing is waiting for you." in client.get("/en/handling/").content.decode()
