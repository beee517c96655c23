"""Revert and merge round trips: afterwards every registry table and every export is as it was before."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from interparl.changes import log
from interparl.changes.review import approve
from interparl.changes.services import RevertError, merge_people, revert_change, revert_changeset
from interparl.ingestion.applying import prepare, propose_plan
from interparl.registry import models
from interparl.registry.dataset.popolo_export import iter_popolo_json
from interparl.registry.translation import HISTORY_MODELS

pytestmark = pytest.mark.django_db

PAGE = (
    "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Reverted.\n"
    "From 1 January 2027 Tajikistan chairs the CSTO."
)


def state() -> dict:
    """Every registry table's rows (as values) and the exports: what "the registry" is to a reader."""
    tables = {model.__name__: sorted(map(repr, model.objects.order_by("pk").values())) for model in HISTORY_MODELS}
    tables["news-people"] = sorted(models.NewsItem.people.through.objects.values_list("newsitem_id", "person_id"))
    from django.test import Client

    client = Client()
    exports = {
        path: b"".join(r.streaming_content) if (r := client.get(path)).streaming else r.content
        for path in ("/export/people.csv", "/export/memberships.csv", "/export/delegations.csv")
    }
    return {"tables": tables, "popolo": "".join(iter_popolo_json()), "csv": exports}


def approved_proposal():
    plan = prepare(
        PAGE, models.Organization.objects.get(slug="csto-pa"), dt.date(2026, 12, 1), url="https://x.example/"
    )[1]
    proposal = propose_plan(plan, PAGE, url="https://x.example/")
    approve(proposal)
    return proposal


def test_reverting_an_approved_proposal_restores_every_table_and_export():
    before = state()
    proposal = approved_proposal()
    assert models.Person.objects.filter(name_en="Ivan Reverted").exists()
    assert state() != before
    made = revert_changeset(proposal.changeset_id, "wrong page")
    assert state() == before
    assert made.reverts_id == proposal.changeset_id
    with pytest.raises(RevertError, match="already reverted"):
        revert_changeset(proposal.changeset_id, "again")


def test_reverting_one_change_keeps_the_rules_and_what_refers_to_a_creation():
    proposal = approved_proposal()
    person = models.Person.objects.get(name_en="Ivan Reverted")
    created = next(c for c in log.changes(log.Filters(kind="person", changeset=proposal.changeset_id)))
    with pytest.raises(RevertError, match="cannot be removed: membership"):
        revert_change(created.id, "not a real person")
    assert models.Person.objects.filter(pk=person.pk).exists()
    ended = next(
        c for c in log.changes(log.Filters(kind="chairmanship", changeset=proposal.changeset_id)) if c.type == "changed"
    )
    # Undoing the end of the previous term alone would leave two chairs at once: the rules refuse it.
    with pytest.raises(RevertError, match="chairmanship-overlap"):
        revert_change(ended.id, "the hand-over was postponed")
    assert models.Chairmanship.objects.get(slug=ended.key).end_date is not None


def test_reverting_an_editors_change_restores_the_field():
    person = models.Person.objects.get(slug="viktor-kogut")
    person.summary_en = "A wrong summary."
    person._change_reason = "edited in the admin"
    person.save()
    change = log.changes(log.Filters(person="viktor-kogut"), limit=1)[0]
    assert change.diff == [("summary_en", "", "A wrong summary.")]
    revert_change(change.id, "the summary was wrong")
    person.refresh_from_db()
    assert person.summary_en == ""
    latest = log.changes(log.Filters(person="viktor-kogut"), limit=1)[0]
    assert latest.why == f"revert of {change.id}: the summary was wrong"
    assert latest.diff == [("summary_en", "A wrong summary.", "")]


def test_merge_and_revert_of_the_merge_round_trip(client):
    double = models.Person.objects.create(slug="v-kogut", name_en="V. Kogut", name_ru="В. Когут")
    kogut = models.Person.objects.get(slug="viktor-kogut")
    news = models.NewsItem.objects.first()
    news.people.add(double)
    models.Link.objects.create(key="person:v-kogut:https://kogut.example/", url="https://kogut.example/", person=double)
    before = state()
    merged = merge_people("viktor-kogut", "v-kogut", "one person, two spellings")
    assert not models.Person.objects.filter(slug="v-kogut").exists()
    kogut.refresh_from_db()
    assert any(n["name"] == "V. Kogut" for n in kogut.other_names)
    assert kogut.links.filter(url="https://kogut.example/").exists()
    assert news.people.filter(slug="viktor-kogut").exists()
    for old, new in (
        ("/en/people/v-kogut/", "/en/people/viktor-kogut/"),
        ("/api/v1/people/v-kogut", "/api/v1/people/viktor-kogut"),
    ):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new
    revert_changeset(merged.pk, "they are two people after all")
    assert state() == before
    assert client.get("/en/people/v-kogut/").status_code == 200


def test_only_reviewers_revert_and_merge(django_user_model):
    editor = django_user_model.objects.create_user("edith")
    editor.groups.add(Group.objects.get(name="editors"))
    proposal = approved_proposal()
    with pytest.raises(RevertError, match="edith may not revert"):
        revert_changeset(proposal.changeset_id, "no", editor)
    with pytest.raises(RevertError, match="edith may not merge"):
        merge_people("viktor-kogut", "mikhail-krotov", "no", editor)


def test_revert_and_merge_from_the_command_line(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    data = tmp_path / "registry"
    before = cli("export", data=data).stdout
    applied = cli("ingest", str(page), "--source", "https://x.example/", "--apply", data=data)
    assert applied.returncode == 0, applied.stderr
    reverted = cli("revert", "#1", "--reason", "wrong page", data=data)
    assert reverted.returncode == 0, reverted.stderr
    assert cli("export", data=data).stdout == before
    bad = cli("revert", "person-999999", "--reason", "x", data=data)
    assert bad.returncode == 2 and "no change 'person-999999'" in bad.stderr
    unknown = cli("merge", "viktor-kogut", "nobody", "--reason", "x", data=data)
    assert unknown.returncode == 2 and "person 'nobody' does not exist" in unknown.stderr


def test_the_admin_reverts_and_merges_for_reviewers_only(client, django_user_model):
    proposal = approved_proposal()
    editor = django_user_model.objects.create_user("edith", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    client.force_login(editor)
    assert (
        client.post(f"/en/admin/changes/changeset/{proposal.changeset_id}/revert/", {"reason": "x"}).status_code == 403
    )
    reviewer = django_user_model.objects.create_user("rupert", password="x", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    client.force_login(reviewer)
    page = client.get(f"/en/admin/changes/changeset/{proposal.changeset_id}/change/")
    assert page.status_code == 200 and "Revert this change set" in page.content.decode()
    reverted = client.post(f"/en/admin/changes/changeset/{proposal.changeset_id}/revert/", {"reason": "wrong page"})
    assert reverted.status_code == 302
    assert not models.Person.objects.filter(name_en="Ivan Reverted").exists()
    models.Person.objects.create(slug="v-kogut", name_en="V. Kogut")
    merged = client.post(
        "/en/admin/changes/changeset/merge/", {"keep": "viktor-kogut", "other": "v-kogut", "reason": "same"}
    )
    assert merged.status_code == 302
    assert client.get("/en/people/v-kogut/").status_code == 301
