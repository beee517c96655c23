"""The registry's rules on plain rows, without a database: each rule is a function over rows, so its edge cases
(hand-over days, partial dates, disagreeing sources) are tested directly and fast."""

import datetime as dt

from interparl.registry import models, rules
from interparl.registry.partial_dates import PartialDate

D = dt.date


def membership(slug, *, post=None, organization=1, chamber=10, role="member", status="full", start=None, end=None):
    def stored(value, latest):
        if value is None:
            return None, "day"
        partial = PartialDate.parse(value)
        return (partial.latest() if latest else partial.earliest()), partial.precision

    start_date, start_precision = stored(start, False)
    end_date, end_precision = stored(end, True)
    return rules.MembershipRow(
        slug,
        role,
        status,
        post,
        organization,
        chamber,
        slug,
        "delegation",
        start_date,
        start_precision,
        end_date,
        end_precision,
    )


def quota(seats, *, substitutes=0, in_force=True, start=None, end=None):
    row = models.SeatQuota(
        slug="q",
        delegation=models.Organization(pk=1, slug="delegation"),
        chamber=models.Organization(pk=10, slug="house"),
        seats=seats,
        substitute_seats=substitutes,
        in_force=in_force,
        start_date=start,
        end_date=end,
    )
    return row


def test_members_up_to_the_quota_are_fine_and_one_more_is_not():
    three = [membership(f"m{i}") for i in range(3)]
    assert list(rules.quotas_are_respected([quota(3)], three)) == []
    violations = list(rules.quotas_are_respected([quota(3)], [*three, membership("m3", start="2026-01-01")]))
    assert [v.rule for v in violations] == ["quota"] and "4 full members" in violations[0].message


def test_a_hand_over_on_one_day_is_not_two_members_at_once():
    outgoing = [membership(f"m{i}") for i in range(2)] + [membership("old", end="2026-03-31")]
    incoming = membership("new", start="2026-04-01")
    assert list(rules.quotas_are_respected([quota(3)], [*outgoing, incoming])) == []


def test_a_recorded_disagreeing_quota_is_not_the_limit():
    four = [membership(f"m{i}") for i in range(4)]
    assert list(rules.quotas_are_respected([quota(3, in_force=False), quota(4)], four)) == []


def test_substitutes_count_against_substitute_seats():
    rows = [membership("full"), membership("sub1", status="substitute"), membership("sub2", status="substitute")]
    violations = list(rules.quotas_are_respected([quota(1, substitutes=1)], rows))
    assert len(violations) == 1 and "substitute" in violations[0].message


def test_a_single_holder_post_has_one_holder_at_a_time():
    post = models.Post(pk=5, slug="chair", role="chair", max_holders=1, organization_id=1)
    before = membership("a", post=5, role="chair", start="2020", end="2023-12-31")
    after = membership("b", post=5, role="chair", start="2024-01-01")
    assert list(rules.single_holder_posts([before, after], {5: post})) == []
    overlapping = membership("c", post=5, role="chair", start="2023-06")
    violations = list(rules.single_holder_posts([before, after, overlapping], {5: post}))
    assert [v.rule for v in violations] == ["post-holders"] and "(a, c)" in violations[0].message


def test_a_membership_takes_its_posts_role_and_organisation():
    post = models.Post(pk=5, slug="chair", role="chair", max_holders=1, organization_id=2)
    row = membership("x", post=5, role="member", organization=1)
    messages = [v.message for v in rules.memberships_are_consistent([row], {5: post})]
    assert len(messages) == 2 and any("another organisation" in m for m in messages)


def test_chairmanship_terms_do_not_overlap():
    csto = models.Organization(pk=1, slug="tpo")

    def term(slug, iso3, start, end):
        return models.Chairmanship(
            slug=slug, organization=csto, country=models.Country(iso3=iso3), start_date=start, end_date=end
        )

    terms = [term("a", "XAA", D(2025, 1, 1), D(2025, 12, 31)), term("b", "XBB", D(2026, 1, 1), D(2026, 12, 31))]
    assert list(rules.chairmanships_do_not_overlap(terms)) == []
    clash = term("c", "XCC", D(2026, 6, 1), D(2027, 5, 31))
    assert [v.subject for v in rules.chairmanships_do_not_overlap([*terms, clash])] == ["c"]


def test_membership_seat_roles_come_from_the_roles_table():
    assert membership("m", role="head_of_delegation").holds_seat
    assert not membership("m", role="plenipotentiary_representative").holds_seat
