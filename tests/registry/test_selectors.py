"""The read side, on a synthetic assembly the test builds (tests/factories.py): every number below is one the
factory set, so a correction to the built-in dataset cannot break these tests."""

import datetime as dt

import pytest

from interparl.errors import NotFound
from interparl.registry import models, selectors

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 27)


def by_country(result):
    return {d.country: d for d in result.delegations}


def test_composition_counts_quotas_and_filled_seats_per_chamber(tiny):
    result = selectors.composition(tiny.assembly, at=TODAY)
    delegations = by_country(result)
    assert {country: d.seats for country, d in delegations.items()} == {"XAA": 5, "XBB": 4}
    assert result.seats == 9
    chambers = {c.chamber: (c.seats, c.filled, c.vacant) for c in delegations["XAA"].chambers}
    assert chambers == {"xaa-lower": (3, 2, 1), "xaa-upper": (2, 1, 1)}
    assert delegations["XBB"].seats_filled == 3
    assert delegations["XAA"].plenipotentiary.name == "Pavel Plenum"
    assert [o.name for o in result.officers] == ["Anna Alandova"]
    assert result.chair_of_parent.country == "XAA"


def test_a_disputed_quota_is_kept_beside_the_one_in_force_with_its_source(tiny):
    aland = by_country(selectors.composition(tiny.assembly, at=TODAY))["XAA"]
    lower = next(c for c in aland.chambers if c.chamber == "xaa-lower")
    assert [(a.seats, a.in_force, a.source.id) for a in lower.alternatives] == [(4, False, "tpa-site-ru")]
    assert aland.has_conflicts and lower.conflicts


def test_standing_and_members_follow_the_date(tiny):
    before = by_country(selectors.composition(tiny.assembly, at=dt.date(2026, 2, 1)))["XBB"]
    after = by_country(selectors.composition(tiny.assembly, at=dt.date(2026, 3, 2)))["XBB"]
    assert (before.seats_filled, after.seats_filled) == (2, 3)
    assert after.participation.status == "participation_frozen" and after.participation.since == "2024-02-01"
    earlier = by_country(selectors.composition(tiny.assembly, at=dt.date(2015, 6, 1)))["XBB"]
    assert earlier.participation.status == "member"


def test_undated_facts_are_not_asserted_before_their_source_was_seen(tiny):
    result = selectors.composition(tiny.assembly, at=dt.date(2019, 12, 31))
    assert all(d.seats == 0 and not d.members for d in result.delegations)
    assert result.undated_known_from == dt.date(2020, 1, 1)
    assert selectors.composition(tiny.assembly, at=dt.date(2000, 1, 1)).status == "before_founding"


def test_current_answers_as_of_a_date(tiny):
    chair = models.Membership.objects.filter(post__slug="tpa-chair")
    assert not chair.current(at=dt.date(2019, 12, 31)).exists()
    assert list(chair.current(at=TODAY).values_list("person__slug", flat=True)) == ["anna-alandova"]


def test_members_meet_every_condition_given(tiny):
    def slugs(**conditions):
        ids = selectors.members(**conditions)
        return set(models.Person.objects.filter(pk__in=ids).values_list("slug", flat=True))

    assert slugs(country="XBB") == {"member-2", "member-3", "boris-late"}
    assert slugs(country="XBB", at=dt.date(2026, 2, 1)) == {"member-2", "member-3"}
    assert "anna-alandova" in slugs(organization="tpa", at=TODAY)  # the assembly and its parts
    with pytest.raises(NotFound, match="unknown country 'XCC'"):
        slugs(country="XCC")


def test_the_assembly_bodies_leave_out_the_delegations(tiny):
    council = models.Organization.objects.create(
        slug="tpa-council", classification="council", name_en="Council", parent=tiny.assembly
    )
    assert selectors.assembly_bodies(tiny.assembly) == [tiny.assembly, council]
    assert {o.slug for o in selectors.organization_tree(tiny.assembly)} == {"tpa", "tpa-council", "tpa-xaa", "tpa-xbb"}


def test_the_default_assembly_or_the_one_named(tiny):
    assert selectors.assembly_or_default("tpa") == tiny.assembly
    with pytest.raises(NotFound, match="unknown assembly 'nope'"):
        selectors.assembly_or_default("nope")


def test_a_composition_costs_the_same_queries_however_many_delegations(tiny):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            selectors.composition(tiny.assembly, at=TODAY)
        return len(captured)

    few = queries()
    for i in range(5):
        delegation = models.Organization.objects.create(
            slug=f"tpa-extra-{i}",
            classification="delegation",
            name_en=f"Extra {i}",
            parent=tiny.assembly,
            sent_by=tiny.unicameral,
        )
        models.SeatQuota.objects.create(
            slug=f"tpa-extra-{i}", delegation=delegation, chamber=tiny.unicameral, seats=2, source=tiny.source
        )
        person = models.Person.objects.create(slug=f"extra-{i}", name_en=f"Extra {i}")
        models.Membership.objects.create(
            slug=f"extra-{i}", person=person, organization=delegation, on_behalf_of=tiny.unicameral, source=tiny.source
        )
    assert queries() == few
    assert len(selectors.composition(tiny.assembly, at=TODAY).delegations) == 7


@pytest.mark.parametrize("day", ["2000-01-01", "2019-12-31", "2020-01-01", "2026-02-01", "2026-03-02", "2026-11-27"])
def test_seat_totals_agree_with_the_composition_on_every_date(tiny, day):
    at = dt.date.fromisoformat(day)
    totals = selectors.seat_totals([tiny.assembly], at=at)[tiny.assembly.pk]
    composition = selectors.composition(tiny.assembly, at=at)
    assert (totals.seats, totals.delegations) == (composition.seats, [d.delegation for d in composition.delegations])


def test_seat_totals_of_many_assemblies_cost_two_queries(tiny, django_assert_max_num_queries):
    other = models.Organization.objects.create(slug="tpa-2", classification="assembly", name_en="Another")
    with django_assert_max_num_queries(2):
        totals = selectors.seat_totals([tiny.assembly, other], at=TODAY)
    assert totals[tiny.assembly.pk].seats == 9 and totals[other.pk] == selectors.SeatTotals(0, [])


def _days_around_every_change(assembly) -> list[dt.date]:
    one = dt.timedelta(days=1)
    return sorted({day + shift for day in selectors.change_days(assembly) for shift in (-one, 0 * one, one)})


@pytest.mark.parametrize("slug", ["tpa", "csto-pa"])
def test_a_composition_answered_per_stretch_between_changes_is_the_one_computed_for_the_day(tiny, slug):
    assembly = models.Organization.objects.get(slug=slug)
    days = _days_around_every_change(assembly)
    assert len(days) > 12
    for day in days:
        assert selectors.composition(assembly, at=day) == selectors.compute_composition(assembly, day), day


def test_a_change_between_two_dates_is_seen_on_the_next_request(tiny):
    day = dt.date(2026, 6, 1)
    before = selectors.composition(tiny.assembly, at=day)
    membership = models.Membership.objects.filter(organization__parent=tiny.assembly, end_date=None).first()
    membership.end_date = dt.date(2026, 5, 1)
    membership.save()
    after = selectors.composition(tiny.assembly, at=day)
    filled = lambda result: sum(d.seats_filled for d in result.delegations)  # noqa: E731
    assert filled(after) == filled(before) - 1
    assert dt.date(2026, 5, 2) in selectors.change_days(tiny.assembly)
