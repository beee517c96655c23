"""Ingesting what the reader finds in news items and in pages about other assemblies (texts written for these
tests): an election with its date, members joining from a date, an announced hand-over, a PACE-style page."""

import datetime as dt

import pytest

from interparl.ingestion.applying import apply_plan, prepare
from interparl.registry import models, selectors

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2026, 11, 28)


def plan_for(text, url):
    return prepare(text, models.Organization.objects.get(slug="csto-pa"), AS_OF, url=url)[1]


def summaries(plan):
    return [(c.action, c.kind, c.summary) for c in plan.changes]


def test_a_chair_elected_at_a_session_ends_the_predecessor_the_day_before():
    raw = (
        "Москва, 1 декабря 2027 года\n\n"
        "Сегодня на пленарном заседании Парламентской Ассамблеи ОДКБ Председателем Ассамблеи избран Игорь Орлов."
    )
    plan = plan_for(raw, "https://example.org/news/chair")
    changes = summaries(plan)
    assert ("end", "post", "Vyacheslav Volodin: chair of csto-pa ends 2027-11-30 (succeeded by Игорь Орлов)") in changes
    assert ("add", "post", "Игорь Орлов: chair of csto-pa from 2027-12-01") in changes
    assert ("add", "event", "2027-12-01: пленарное заседание Парламентской Ассамблеи ОДКБ") in changes
    apply_plan(plan, raw, url="https://example.org/news/chair")
    chair = models.Membership.objects.get(person__name_ru="Игорь Орлов", role="chair")
    assert chair.start_date == dt.date(2027, 12, 1) and chair.source.url == "https://example.org/news/chair"
    assert chair.source_quote.startswith("Сегодня на пленарном заседании")
    assert models.Membership.objects.get(person__slug="vyacheslav-volodin", role="chair").end_date == dt.date(
        2027, 11, 30
    )


def test_members_joining_a_delegation_are_members_from_the_day_they_joined():
    raw = (
        "Bishkek, 20 March 2027\n\n"
        "Deputies Aibek Usenov and Nurzhan Toktosunova joined the Kyrgyz delegation on 15 March 2027."
    )
    plan = plan_for(raw, "https://example.org/news/kgz")
    assert [s for a, k, s in summaries(plan) if k == "post"] == [
        "Aibek Usenov: member of kgz-delegation from 2027-03-15",
        "Nurzhan Toktosunova: member of kgz-delegation from 2027-03-15",
    ]
    apply_plan(plan, raw, url="https://example.org/news/kgz")
    joined = models.Membership.objects.filter(organization__slug="kgz-delegation", start_date=dt.date(2027, 3, 15))
    assert sorted(m.person.name_en for m in joined) == ["Aibek Usenov", "Nurzhan Toktosunova"]
    assert all(m.source_quote.startswith("Deputies Aibek Usenov") for m in joined)


def test_an_announced_hand_over_is_recorded_unconfirmed_until_it_happens():
    raw = "Москва, 20 ноября 2026 года\n\nС 1 января председательство в ОДКБ перейдёт к Таджикистану."
    plan = plan_for(raw, "https://example.org/news/handover")
    assert ("add", "chairmanship", "csto: TJK from 2027-01-01 (announced)") in summaries(plan)
    apply_plan(plan, raw, url="https://example.org/news/handover")
    term = models.Chairmanship.objects.get(country__iso3="TJK", start_date=dt.date(2027, 1, 1))
    assert term.confirmed is False and term.source_quote.startswith("С 1 января")


def test_a_page_about_another_assembly_proposes_it_with_its_delegations_and_quotas():
    raw = (
        "<h1>National delegations to the Parliamentary Assembly of the Council of Europe</h1>"
        "<p>The Irish delegation to PACE is composed of four representatives and four substitutes.</p>"
        "<p>The Swedish Riksdag sends six representatives and as many substitutes to PACE.</p>"
        "<p>Head of the Irish delegation: Aoife Byrne.</p>"
    )
    plan = plan_for(raw, "https://example.org/pace/delegations")
    kinds = [(a, k) for a, k, _ in summaries(plan)]
    assert kinds[:5] == [
        ("add", "assembly"),
        ("add", "country"),
        ("add", "parliament"),
        ("add", "delegation"),
        ("add", "quota"),
    ]
    assert not [c for c in plan.changes if c.action == "skipped"]
    apply_plan(plan, raw, url="https://example.org/pace/delegations")
    pace = models.Organization.objects.get(slug="pace")
    assert pace.classification == "assembly" and pace.source.url == "https://example.org/pace/delegations"
    composition = selectors.composition(pace, at=AS_OF)
    seats = {
        d.country: (sum(c.seats for c in d.chambers), sum(c.substitute_seats for c in d.chambers))
        for d in composition.delegations
    }
    assert seats == {"IRL": (4, 4), "SWE": (6, 6)}
    head = models.Membership.objects.get(person__name_en="Aoife Byrne")
    assert (head.organization.slug, head.role) == ("pace-irl-delegation", "head_of_delegation")
    assert models.Country.objects.get(iso3="IRL").name_ru == "Ирландия"
    riksdag = models.Organization.objects.get(slug="swe-parliament")  # unicameral: its quota is its own
    assert riksdag.name_en == "Riksdag" and not riksdag.children.exists()
