import datetime as dt

import pytest

from interparl.registry import models
from interparl.registry.rotation import chairmanship_terms, rotation_order

pytestmark = pytest.mark.django_db


def csto():
    return models.Organization.objects.get(slug="csto")


def summary(report):
    return [(t.country, t.start.year, t.projected) for t in report.terms]


def test_recorded_terms_then_projections_from_the_rule():
    report = chairmanship_terms(csto(), 2024, 5)
    assert summary(report) == [
        ("KAZ", 2024, False),
        ("KGZ", 2025, False),
        ("RUS", 2026, False),
        ("TJK", 2027, True),
        ("ARM", 2028, True),
    ]
    rus = report.terms[2]
    assert rus.start.isoformat() == "2026-01-01" and rus.end is None and rus.expected_end.isoformat() == "2026-12-31"
    armenia = report.terms[4]
    assert "frozen since 2024-02" in armenia.assumption
    assert "Uzbekistan skipped (membership suspended since 2012-06-28)" in armenia.assumption
    assert armenia.basis == "rotation" and armenia.confirmed is False


def test_the_order_is_the_russian_alphabet_of_the_member_states():
    rule = models.RotationRule.objects.get(organization=csto())
    assert [c.iso3 for c in rotation_order(rule)] == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


def test_history_keeps_the_real_exceptions():
    terms = chairmanship_terms(csto(), 2009, 3).terms
    assert [(t.country, t.basis) for t in terms] == [("ARM", "rotation"), ("RUS", "temporary"), ("BLR", "rotation")]


def test_a_withdrawn_state_is_skipped_and_the_projection_says_so():
    tajikistan = models.Country.objects.get(iso3="TJK")
    current = models.Participation.objects.get(organization=csto(), country=tajikistan)
    current.end_date = dt.date(2026, 6, 30)
    current.save()
    models.Participation.objects.create(
        slug="tjk-withdrawn",
        organization=csto(),
        country=tajikistan,
        status="withdrawn",
        start_date=dt.date(2026, 7, 1),
    )
    terms = chairmanship_terms(csto(), 2027, 2).terms
    assert [t.country for t in terms] == ["ARM", "BLR"]
    assert "Tajikistan skipped (withdrawn since 2026-07-01)" in terms[0].assumption


def test_projection_continues_the_cycle_over_many_years():
    terms = chairmanship_terms(csto(), 2027, 7).terms
    assert [t.country for t in terms] == ["TJK", "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert all(t.projected for t in terms)
