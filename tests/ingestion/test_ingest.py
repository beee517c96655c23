"""Ingestion: facts compared with the registry, applied with their sources, atomically and idempotently."""

import datetime as dt
from pathlib import Path

import pytest

from interparl.changes.models import Proposal
from interparl.changes.review import RuleBroken
from interparl.ingestion.applying import apply_plan, prepare
from interparl.registry import models, selectors
from tests.factories import snapshot

pytestmark = pytest.mark.django_db

TEXTS = Path(__file__).parent / "texts"
AS_OF = dt.date(2026, 11, 27)


def assembly():
    return models.Organization.objects.get(slug="csto-pa")


def plan_for(text, as_of=AS_OF, url="https://example.org/delegations"):
    return prepare(text, assembly(), as_of, url=url)[1]


def actions(plan):
    return [(c.action, c.kind) for c in plan.changes]


def test_a_disagreeing_quota_is_a_conflict_recorded_beside_the_one_in_force():
    raw = (TEXTS / "delegations_ru.txt").read_text(encoding="utf-8")
    plan = plan_for(raw)
    conflicts = [c.summary for c in plan.changes if c.action == "conflict"]
    assert any("BLR House of Representatives: the text says 6, the registry has 7" in c for c in conflicts)
    apply_plan(plan, raw, url="https://example.org/delegations")
    house = models.Organization.objects.get(slug="blr-house-of-representatives")
    versions = models.SeatQuota.objects.filter(chamber=house)
    assert sorted((q.seats, q.in_force) for q in versions) == [(6, False), (6, False), (7, True)]
    new = versions.get(source__slug="exampleorg-delegations")
    assert new.source_quote.startswith("Делегация Национального собрания Республики Беларусь")
    belarus = next(d for d in selectors.composition(assembly(), at=AS_OF).delegations if d.country == "BLR")
    assert [c.seats for c in belarus.chambers] == [7, 4]  # the quota in force did not move


def test_people_are_matched_across_scripts_and_never_duplicated():
    raw = (TEXTS / "delegations_ru.txt").read_text(encoding="utf-8")
    people = models.Person.objects.count()
    plan = plan_for(raw)
    posts = [c for c in plan.changes if c.kind == "post"]
    assert {c.action for c in posts} == {"unchanged"}
    assert any("Кротов Михаил Иосифович: plenipotentiary_representative of rus-delegation" in c.summary for c in posts)
    apply_plan(plan, raw, url="https://example.org/delegations")
    assert models.Person.objects.count() == people


def test_ingesting_the_same_text_twice_changes_nothing_the_second_time():
    raw = (TEXTS / "delegations_en.txt").read_text(encoding="utf-8") + (TEXTS / "news_en.txt").read_text(
        encoding="utf-8"
    )
    first = plan_for(raw)
    assert first.pending
    apply_plan(first, raw, url="https://example.org/delegations")
    before = snapshot()
    second = plan_for(raw)
    assert second.pending == [], [c.summary for c in second.pending]
    assert {c.action for c in second.changes} <= {"unchanged", "skipped"}
    assert snapshot() == before


def test_a_new_plenipotentiary_ends_the_previous_one_and_everything_carries_its_source():
    raw = "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Petrov."
    plan = plan_for(raw, as_of=dt.date(2026, 12, 1), url="https://example.org/belarus")
    assert actions(plan) == [("add", "person"), ("end", "post"), ("add", "post")]
    apply_plan(plan, raw, url="https://example.org/belarus")
    petrov = models.Person.objects.get(slug="ivan-petrov")
    # The page was read as of 1 December: its source is dated by that day (the earlier of that day and today).
    assert petrov.source.url == "https://example.org/belarus" and petrov.source.accessed == dt.date(2026, 12, 1)
    kogut = models.Membership.objects.get(person__slug="viktor-kogut", post__slug="blr-plenipotentiary")
    assert kogut.end_date == dt.date(2026, 11, 30)
    before = next(
        d for d in selectors.composition(assembly(), at=dt.date(2026, 11, 30)).delegations if d.country == "BLR"
    )
    after = next(
        d for d in selectors.composition(assembly(), at=dt.date(2026, 12, 2)).delegations if d.country == "BLR"
    )
    assert (before.plenipotentiary.name, after.plenipotentiary.name) == ("Viktor Kogut", "Ivan Petrov")
    membership = models.Membership.objects.get(person=petrov)
    assert membership.source_quote == raw and membership.start_date == dt.date(2026, 12, 1)


def test_a_new_person_from_a_russian_text_gets_both_scripts():
    raw = "Полномочный представитель Парламента Республики Казахстан в ПА ОДКБ: Ахметов Ерлан Серикович."
    plan = plan_for(raw, as_of=dt.date(2026, 12, 1))
    apply_plan(plan, raw, url="https://example.org/kz")
    person = models.Person.objects.get(family_name_ru="Ахметов")
    assert (person.name_ru, person.name_en, person.patronymic_name_ru) == (
        "Ерлан Ахметов",
        "Yerlan Akhmetov",
        "Серикович",
    )


def test_websites_chairmanships_and_events_are_planned_and_written():
    raw = (
        "Moscow, 1 February 2027\n"
        "Website of the Mazhilis of the Parliament of the Republic of Kazakhstan: http://www.parlam.kz/en/mazhilis\n"
        "From 1 January 2027 Tajikistan chairs the CSTO.\n"
        "On 3 March 2027 the CSTO PA Council held a field session in Dushanbe."
    )
    plan = plan_for(raw, as_of=dt.date(2027, 2, 1))
    summary = {(c.action, c.kind): c.summary for c in plan.changes}
    assert "kaz-mazhilis: http://www.parlam.kz/en/mazhilis" in summary[("add", "website")]
    assert "RUS term ends 2026-12-31" in summary[("end", "chairmanship")]
    assert "TJK from 2027-01-01" in summary[("add", "chairmanship")]
    assert "2027-03-03" in summary[("add", "event")]
    apply_plan(plan, raw, url="https://example.org/news")
    assert (
        selectors.chair_of(models.Organization.objects.get(slug="csto"), at=dt.date(2027, 2, 1)).country.iso3 == "TJK"
    )
    event = models.Event.objects.get(start_date=dt.date(2027, 3, 3))
    assert event.place_en == "Dushanbe" and event.kind == "council_meeting"


def test_a_failing_apply_leaves_the_database_exactly_as_it_was():
    raw = (
        "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Petrov.\n"
        "From 1 January 2025 Tajikistan chairs the CSTO."  # overlaps Kyrgyzstan's and Russia's recorded terms
    )
    plan = plan_for(raw)
    assert len(plan.pending) >= 3
    before = snapshot()
    with pytest.raises(RuleBroken, match="chairmanship-overlap"):
        apply_plan(plan, raw, url="https://example.org/wrong")
    assert snapshot() == before
    assert not models.Person.objects.filter(slug="ivan-petrov").exists()
    assert not models.Source.objects.filter(slug="exampleorg-wrong").exists()


def test_nothing_is_written_without_apply():
    before = snapshot()
    plan_for((TEXTS / "delegations_ru.txt").read_text(encoding="utf-8"))
    assert snapshot() == before


def test_the_admin_flow_paste_preview_propose_approve(admin_client):
    raw = "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Petrov."
    form = {
        "assembly": "csto-pa",
        "source_url": "https://example.org/by",
        "as_of": "2026-12-01",
        "language": "auto",
        "text": raw,
    }
    preview = admin_client.post("/en/admin/changes/proposal/add/", {**form, "preview": "1"})
    page = preview.content.decode()
    assert preview.status_code == 200 and "Ivan Petrov (new person" in page and "Propose 3 change(s)" in page
    assert not models.Person.objects.filter(slug="ivan-petrov").exists() and not Proposal.objects.exists()
    proposed = admin_client.post("/en/admin/changes/proposal/add/", {**form, "propose": "1"})
    proposal = Proposal.objects.get()
    assert proposed.status_code == 302 and proposed["Location"].endswith(f"/proposal/{proposal.pk}/change/")
    assert not models.Person.objects.filter(slug="ivan-petrov").exists()  # proposed, not written
    approved = admin_client.post(f"/en/admin/changes/proposal/{proposal.pk}/change/", {"approve_all": "1"})
    assert approved.status_code == 302
    assert models.Person.objects.get(slug="ivan-petrov").source.url == "https://example.org/by"
    proposal.refresh_from_db()
    assert proposal.status == "applied" and proposal.reviewed_by.username == "admin"
    assert proposal.proposed_by.username == "admin" and len(proposal.approved) == 3


def test_a_name_that_fits_two_people_is_skipped_not_duplicated():
    models.Person.objects.create(slug="viktor-kogut-2", name_en="Viktor Kogut", name_ru="Виктор Когут")
    raw = "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Viktor Kogut."
    plan = plan_for(raw)
    assert actions(plan) == [("skipped", "person")]
    assert "matches" in plan.changes[0].summary and plan.pending == []
