import datetime as dt

import pytest

from interparl.registry import models, selectors

pytestmark = pytest.mark.django_db


def composition(day):
    return selectors.composition(models.Organization.objects.get(slug="csto-pa"), at=day)


def quotas(result):
    return {d.country: [(c.seats, c.substitute_seats) for c in d.chambers] for d in result.delegations}


def test_current_composition_has_five_delegations_and_67_seats():
    result = composition(dt.date(2026, 11, 27))
    assert {d.country: d.seats for d in result.delegations} == {"BLR": 11, "KAZ": 16, "KGZ": 6, "RUS": 22, "TJK": 12}
    assert result.seats == 67
    plenipotentiaries = {d.country: d.plenipotentiary.name for d in result.delegations}
    assert plenipotentiaries["BLR"] == "Viktor Kogut" and plenipotentiaries["RUS"] == "Mikhail Krotov"
    armenia = next(m for m in result.member_states if m.country == "ARM")
    assert armenia.standing.status == "participation_frozen" and armenia.standing.since == "2024-02"
    assert armenia.delegation is None


def test_disagreeing_quotas_are_kept_as_alternatives_with_their_source():
    belarus = next(d for d in composition(dt.date(2026, 11, 27)).delegations if d.country == "BLR")
    alternatives = {c.chamber: [(a.seats, a.source.id) for a in c.alternatives] for c in belarus.chambers}
    assert alternatives == {
        "blr-house-of-representatives": [(6, "paodkb-delegations-ru")],
        "blr-council-of-the-republic": [(3, "paodkb-delegations-ru")],
    }
    assert belarus.has_conflicts


def test_history_answers_as_of_a_past_date():
    result = composition(dt.date(2015, 6, 1))
    armenia = next(m for m in result.member_states if m.country == "ARM")
    assert armenia.standing.status == "member"
    officers = {o.post: o.name for o in result.officers}
    assert officers["Chair of the CSTO Parliamentary Assembly"] == "Sergey Naryshkin"
    assert result.chair_of_parent.country == "TJK"


def test_current_queryset_method_answers_as_of():
    chair_post = models.Post.objects.get(slug="csto-pa-chair")
    on = {
        day: list(
            models.Membership.objects.current(at=day).filter(post=chair_post).values_list("person__slug", flat=True)
        )
        for day in (dt.date(2010, 1, 1), dt.date(2016, 12, 1), dt.date(2026, 11, 27))
    }
    assert on == {
        dt.date(2010, 1, 1): ["boris-gryzlov"],
        dt.date(2016, 12, 1): ["vyacheslav-volodin"],
        dt.date(2026, 11, 27): ["vyacheslav-volodin"],
    }


def test_seats_filled_counts_members_by_chamber():
    chamber = models.Organization.objects.get(slug="rus-state-duma")
    delegation = models.Organization.objects.get(slug="rus-delegation")
    person = models.Person.objects.create(slug="a-deputy", name_en="A Deputy")
    models.Membership.objects.create(
        slug="a-deputy", person=person, organization=delegation, on_behalf_of=chamber, start_date=dt.date(2026, 12, 1)
    )
    russia = next(d for d in composition(dt.date(2026, 12, 1)).delegations if d.country == "RUS")
    duma = next(c for c in russia.chambers if c.chamber == "rus-state-duma")
    assert (duma.filled, duma.vacant) == (1, 9)
    russia_before = next(d for d in composition(dt.date(2026, 11, 27)).delegations if d.country == "RUS")
    assert next(c for c in russia_before.chambers if c.chamber == "rus-state-duma").filled == 0


def test_unknown_assembly_names_the_known_ones():
    with pytest.raises(selectors.NotFound, match="unknown assembly 'pace'.*csto-pa"):
        selectors.get_organization("pace", "assembly")
