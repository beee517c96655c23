"""The public change log: portal, history views, API with polling, Atom; anyone may read it, nobody anonymous may
change anything."""

import datetime as dt

import pytest

from interparl.changes.models import Proposal
from interparl.changes.review import approve
from interparl.ingestion.applying import prepare, propose_plan
from interparl.registry import models

pytestmark = pytest.mark.django_db

PAGE = "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Logged."


@pytest.fixture
def approved(django_user_model):
    reviewer = django_user_model.objects.create_user(
        "rev@example.org", email="rev@example.org", first_name="", last_name=""
    )
    reviewer.groups.add(
        *__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(name="reviewers")
    )
    plan = prepare(
        PAGE, models.Organization.objects.get(slug="csto-pa"), dt.date(2026, 12, 1), url="https://log.example/by"
    )[1]
    proposal = propose_plan(plan, PAGE, url="https://log.example/by")
    approve(proposal, reviewer)
    return proposal


def test_the_api_lists_changes_with_who_why_and_source(client, approved):
    page = client.get("/api/v1/changes", {"person": "ivan-logged"}).json()
    assert page["count"] >= 2
    created = next(c for c in page["results"] if c["kind"] == "person")
    assert created["type"] == "created" and created["record"] == "ivan-logged"
    assert created["who"] == "reviewer"  # a role, never the e-mail address the account is named by
    assert "example.org" not in str(page["results"]).replace("log.example", "")
    assert created["why"].startswith(f"proposal #{approved.pk}")
    assert created["source"]["url"] == "https://log.example/by" and "Ivan Logged" in created["quote"]
    assert {"field": "name_en", "before": None, "after": "Ivan Logged"} in created["diff"]


def test_polling_with_since_returns_only_newer_changes(client, approved):
    newest = client.get("/api/v1/changes", {"per_page": 1}).json()["results"][0]["when"]
    assert client.get("/api/v1/changes", {"since": newest}).json()["count"] == 0
    person = models.Person.objects.get(slug="ivan-logged")
    person.summary_en = "Deputy."
    person.save()
    later = client.get("/api/v1/changes", {"since": newest}).json()
    assert later["count"] == 1 and later["results"][0]["diff"] == [
        {"field": "summary_en", "before": None, "after": "Deputy."}
    ]
    assert client.get("/api/v1/changes", {"kind": "nonsense"}).status_code == 422


def test_the_portal_change_log_and_history_views(client, approved):
    page = client.get("/en/changes/").content.decode()
    assert "ivan-logged" in page and f"proposal #{approved.pk}" in page and "https://log.example/by" in page
    filtered = client.get("/en/changes/", {"kind": "chairmanship"}).content.decode()
    assert "ivan-logged" not in filtered
    history = client.get("/en/people/ivan-logged/history/").content.decode()
    assert "Ivan Logged" in history and "name_en" in history
    delegation = client.get("/en/delegations/blr/history/").content.decode()
    assert "ivan-logged" in delegation
    assert "Изменения в реестре" in client.get("/ru/changes/").content.decode()
    assert 'href="/en/people/viktor-kogut/history/"' in client.get("/en/people/viktor-kogut/").content.decode()


def test_the_atom_feed_of_changes(client, approved):
    feed = client.get("/export/changes.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"ivan-logged" in feed.content and b"interparl:change:person-" in feed.content


def test_an_anonymous_visitor_reads_the_log_but_changes_nothing(client, approved):
    assert client.get("/en/changes/").status_code == 200
    assert client.get("/api/v1/changes").status_code == 200
    assert client.post("/api/v1/changes").status_code == 405
    response = client.post(f"/en/admin/changes/proposal/{approved.pk}/change/", {"approve_all": "1"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get("/en/admin/changes/proposal/add/").status_code == 302
    assert Proposal.objects.get(pk=approved.pk).status == "applied"


def test_pages_deep_in_the_log_continue_the_ones_before_newest_first():
    """Pages are merged from every kind's history by date and id alone; each holds whole changes, in order."""
    from interparl.changes import log

    everything = log.changes(offset=0, limit=125)
    assert len({change.kind for change in everything}) >= 4
    keys = [(change.when, int(change.id.rsplit("-", 1)[1])) for change in everything]
    assert keys == sorted(keys, reverse=True)
    pages = [log.changes(offset=start, limit=25) for start in range(0, 125, 25)]
    assert [change.id for page in pages for change in page] == [change.id for change in everything]
    assert pages[3][0].diff == everything[75].diff and pages[3][0].key == everything[75].key
