import datetime as dt

import pytest

from interparl.registry import models, rules

pytestmark = pytest.mark.django_db


def org(slug):
    return models.Organization.objects.get(slug=slug)


def seat_members(count, delegation, chamber, status="full", start=None, end=None, prefix="test"):
    for i in range(count):
        person = models.Person.objects.create(slug=f"{prefix}-{chamber}-{status}-{i}", name_en=f"Member {i}")
        m = models.Membership(
            slug=f"{prefix}-{chamber}-{status}-{i}",
            person=person,
            organization=org(delegation),
            on_behalf_of=org(chamber),
            status=status,
        )
        m.start_date, m.end_date = start, end
        m.save()


def rule_names(violations):
    return sorted({v.rule for v in violations})


def test_built_in_dataset_keeps_every_rule():
    assert rules.check_all() == []


def test_members_up_to_the_quota_are_fine_and_one_more_is_a_violation():
    seat_members(4, "blr-delegation", "blr-council-of-the-republic")  # quota 4 (English page)
    assert rules.check_all() == []
    seat_members(1, "blr-delegation", "blr-council-of-the-republic", start=dt.date(2026, 1, 1), prefix="extra")
    violations = rules.check_all()
    assert rule_names(violations) == ["quota"]
    assert "5 full members sit for blr-council-of-the-republic" in violations[0].message


def test_substitutes_count_against_the_substitute_quota():
    seat_members(1, "kgz-delegation", "kgz-jogorku-kenesh", status="substitute")  # no substitute seats
    violations = rules.check_all()
    assert rule_names(violations) == ["quota"]
    assert "substitute" in violations[0].message


def test_successive_members_do_not_add_up():
    seat_members(4, "blr-delegation", "blr-council-of-the-republic", end=dt.date(2024, 3, 1))
    person = models.Person.objects.create(slug="successor", name_en="Successor")
    models.Membership.objects.create(
        slug="successor",
        person=person,
        organization=org("blr-delegation"),
        on_behalf_of=org("blr-council-of-the-republic"),
        start_date=dt.date(2024, 3, 1),
    )
    assert rules.check_all() == []


def test_two_plenipotentiaries_at_once_are_a_violation_but_a_hand_over_is_not():
    post = models.Post.objects.get(slug="blr-plenipotentiary")
    kogut = models.Membership.objects.get(post=post)
    kogut.end_date = dt.date(2025, 5, 1)
    kogut.save()
    successor = models.Person.objects.create(slug="successor", name_en="Successor")
    follow_up = models.Membership.objects.create(
        slug="successor-plenipotentiary",
        person=successor,
        organization=post.organization,
        post=post,
        role=post.role,
        start_date=dt.date(2025, 5, 1),
    )
    assert rules.check_all() == []
    follow_up.start_date = dt.date(2025, 4, 1)
    follow_up.save()
    violations = rules.check_all()
    assert rule_names(violations) == ["post-holders"]
    assert "viktor-kogut" in violations[0].message and "successor" in violations[0].message


def test_overlapping_chairmanship_terms_are_a_violation():
    models.Chairmanship.objects.create(
        slug="tjk-too-early",
        organization=org("csto"),
        country=models.Country.objects.get(iso3="TJK"),
        start_date=dt.date(2026, 6, 1),
    )
    violations = rules.check_all()
    assert rule_names(violations) == ["chairmanship-overlap"]
    assert "TJK" in violations[0].message and "RUS" in violations[0].message


def test_two_quotas_in_force_for_one_chamber_are_a_violation():
    models.SeatQuota.objects.filter(slug__contains="paodkb").update(in_force=True)
    assert "quota-in-force" in rule_names(rules.check_all())


def test_end_before_start_is_refused_by_the_database_and_reported_by_the_rules():
    from django.core.exceptions import ValidationError

    term = models.Chairmanship.objects.get(slug="csto-rus-2026-01-01")
    term.end_date = dt.date(2025, 1, 1)
    with pytest.raises(ValidationError, match="end date is before the start date"):
        term.full_clean()
    violations = list(rules.end_after_start([term]))
    assert violations and "before it starts" in violations[0].message
