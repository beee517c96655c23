"""The rules the registry keeps, as plain functions over stored (or about-to-be-stored) rows.

Each rule yields ``Violation``s with a message a secretariat officer can act on. ``check_all``
runs every rule over the whole database with one query per table; the loaders and the ingestion
run it inside their transaction and roll back when it finds anything.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from django.db import connections, router

from . import models
from .partial_dates import PartialDate, Span, spans_overlap
from .roles import SEAT_ROLES


@dataclass(frozen=True)
class Violation:
    rule: str
    subject: str  # public id of the row at fault
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.subject}: {self.message}"


def _fmt(day: dt.date) -> str:
    return "the beginning" if day == dt.date.min else "open end" if day == dt.date.max else day.isoformat()


def end_after_start(rows: Iterable[models.Dated], rule_subject=lambda row: row.slug) -> Iterator[Violation]:
    for row in rows:
        if row.span.ends_before_start():
            yield Violation("dates", rule_subject(row), f"ends {row.end} before it starts {row.start}")


def _pairwise_overlaps(rows: list, group_key) -> Iterator[tuple]:
    groups = defaultdict(list)
    for row in rows:
        groups[group_key(row)].append(row)
    for key, members in groups.items():
        members.sort(key=lambda r: (r.span.first_day, r.span.last_day))
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if second.span.first_day > first.span.last_day:
                    break
                if spans_overlap(first.span, second.span):
                    yield key, first, second


def chairmanships_do_not_overlap(terms: list[models.Chairmanship]) -> Iterator[Violation]:
    for _org, first, second in _pairwise_overlaps(terms, lambda t: t.organization_id):
        yield Violation(
            "chairmanship-overlap",
            second.slug,
            f"{second.country.iso3} term {second.span.describe()} overlaps {first.country.iso3} term "
            f"{first.span.describe()} ({first.slug}) in {first.organization.slug}",
        )


def single_holder_posts(memberships: list[MembershipRow], posts: dict[int, models.Post]) -> Iterator[Violation]:
    """A post with ``max_holders`` = n never has more than n holders at once (n=1: plenipotentiaries, chairs)."""
    holders = [m for m in memberships if m.post_id and posts[m.post_id].max_holders]
    by_post = defaultdict(list)
    for m in holders:
        by_post[m.post_id].append(m)
    for post_id, rows in by_post.items():
        post = posts[post_id]
        for day, active in _peaks(rows):
            if len(active) > post.max_holders:
                names = ", ".join(sorted(m.person_slug for m in active))
                yield Violation(
                    "post-holders",
                    post.slug,
                    f"{len(active)} holders on {_fmt(day)} ({names}) but the post allows {post.max_holders}",
                )
                break


def _peaks(rows: list) -> Iterator[tuple[dt.date, Iterable]]:
    """Each day on which the set of simultaneously active rows grows, with that set (as it is then: read it before
    the next step). Rows count on the days they certainly cover (``Span.certain_days``)."""
    events = []
    for index, row in enumerate(rows):
        first, last = row.span.certain_days
        events.append((first, 1, index, row))
        # Ends sort before starts on the same day, so a hand-over day is not counted twice;
        # a one-day row ends after it starts.
        events.append((last, 0 if last > first else 2, index, row))
    events.sort()  # by day, kind and index: never by the row, as no two events share all three
    active: dict[int, object] = {}
    rows_active = active.values()
    for day, kind, index, row in events:
        if kind == 1:
            active[index] = row
            yield day, rows_active
        else:
            del active[index]


def quotas_are_respected(quotas: list[models.SeatQuota], memberships: list[MembershipRow]) -> Iterator[Violation]:
    """Seat-holding members sitting for a chamber never outnumber its quota in force (full and substitute)."""
    seated = defaultdict(list)
    for m in memberships:
        if m.holds_seat and m.on_behalf_of_id:
            seated[(m.organization_id, m.on_behalf_of_id, m.status)].append(m)
    for quota in quotas:
        if not quota.in_force:
            continue
        span = quota.span  # a stored record's span is made anew each time it is asked for
        for status, limit in (("full", quota.seats), ("substitute", quota.substitute_seats)):
            rows = [m for m in seated[(quota.delegation_id, quota.chamber_id, status)] if _within(m.span, span)]
            for day, active in _peaks(rows):
                if span.covers(day) and len(active) > limit:
                    yield Violation(
                        "quota",
                        quota.slug,
                        f"{len(active)} {status} members sit for {quota.chamber.slug} on {_fmt(day)}, "
                        f"but {quota.delegation.slug} has {limit} {status} seat(s) for it",
                    )
                    break


def delegation_totals_are_respected(
    quotas: list[models.SeatQuota], memberships: list[MembershipRow]
) -> Iterator[Violation]:
    """All full seat-holders of a delegation, with or without a stated chamber, fit its total quota."""
    in_force = defaultdict(list)
    for quota in quotas:
        if quota.in_force:
            in_force[quota.delegation_id].append(quota)
    seated = defaultdict(list)
    for m in memberships:
        if m.holds_seat and m.status == "full" and m.organization_id in in_force:
            seated[m.organization_id].append(m)
    for delegation_id, rows in seated.items():
        spans = [(quota.seats, quota.span) for quota in in_force[delegation_id]]
        totals: dict[dt.date, int] = {}  # members start on few distinct days (a term's)
        for day, active in _peaks(rows):
            total = totals.get(day)
            if total is None:
                total = totals[day] = sum(seats for seats, span in spans if span.covers(day))
            if len(active) > total:
                slug = next(iter(active)).organization_slug
                yield Violation(
                    "quota", slug, f"{len(active)} full members on {_fmt(day)}, but the delegation has {total} seats"
                )
                break


def _within(a: Span, b: Span) -> bool:
    return a.first_day <= b.last_day and b.first_day <= a.last_day


def one_quota_in_force(quotas: list[models.SeatQuota]) -> Iterator[Violation]:
    in_force = [q for q in quotas if q.in_force]
    for _key, first, second in _pairwise_overlaps(in_force, lambda q: (q.delegation_id, q.chamber_id)):
        yield Violation(
            "quota-in-force",
            second.slug,
            f"two quotas in force at once for {second.delegation.slug} / {second.chamber.slug}: "
            f"{first.slug} and {second.slug}; mark one as an alternative (in_force: false)",
        )


def participations_do_not_overlap(rows: list[models.Participation]) -> Iterator[Violation]:
    def key(p):
        return (p.organization_id, p.country_id, p.participant_id)

    for _key, first, second in _pairwise_overlaps(rows, key):
        yield Violation(
            "participation-overlap",
            second.slug,
            f"status '{second.status}' {second.span.describe()} overlaps '{first.status}' "
            f"{first.span.describe()} ({first.slug})",
        )


def memberships_are_consistent(memberships: list[MembershipRow], posts: dict) -> Iterator[Violation]:
    for m in memberships:
        if m.post_id and posts[m.post_id].organization_id != m.organization_id:
            yield Violation(
                "membership-post",
                m.slug,
                f"post {posts[m.post_id].slug} belongs to another organisation than {m.organization_slug}",
            )
        if m.post_id and posts[m.post_id].role != m.role:
            yield Violation(
                "membership-post", m.slug, f"role '{m.role}' differs from its post's role '{posts[m.post_id].role}'"
            )


class MembershipRow:
    """What the rules read of a membership. Plain rows rather than model instances: a registry with hundreds
    of thousands of memberships is checked in a fraction of the time and memory."""

    # Read as: the membership's own columns, its person's and organisation's public ids, then its period.
    OWN = ("slug", "role", "status", "post_id", "organization_id", "on_behalf_of_id")
    PERIOD = ("start_date", "start_precision", "end_date", "end_precision")
    __slots__ = (*OWN, "person_slug", "organization_slug", "span")

    def __init__(
        self, slug, role, status, post_id, organization_id, on_behalf_of_id, person_slug, organization_slug, *period
    ):
        self.slug, self.role, self.status, self.post_id = slug, role, status, post_id
        self.organization_id, self.on_behalf_of_id = organization_id, on_behalf_of_id
        self.person_slug, self.organization_slug = person_slug, organization_slug
        self.span = _stored_span(*period)

    @property
    def holds_seat(self) -> bool:
        return self.role in SEAT_ROLES


@functools.lru_cache(maxsize=8192)
def _stored_span(start_date, start_precision, end_date, end_precision) -> Span:
    """A stored period as a span (dates as the database gives them: text from SQLite); spans are immutable and most
    periods recur (terms), so each is made once."""
    if isinstance(start_date, str):
        start_date = dt.date.fromisoformat(start_date)
    if isinstance(end_date, str):
        end_date = dt.date.fromisoformat(end_date)
    return Span(PartialDate.from_stored(start_date, start_precision), PartialDate.from_stored(end_date, end_precision))


def _membership_rows() -> Iterator[MembershipRow]:
    """Every membership as a ``MembershipRow``, in organisation order, read in chunks (a server-side cursor on
    PostgreSQL) as the database returns them: the ORM's per-value conversions would cost more than the rules."""
    connection = connections[router.db_for_read(models.Membership)]
    quote = connection.ops.quote_name
    membership, person, organization = (
        quote(m._meta.db_table) for m in (models.Membership, models.Person, models.Organization)
    )
    columns = ", ".join(f"m.{quote(name)}" for name in MembershipRow.OWN)
    # SQLite's driver would turn each date into a date object in Python; as text, each distinct one is read once.
    as_text = "CAST(m.{} AS TEXT)" if connection.vendor == "sqlite" else "m.{}"
    dates = ", ".join(
        (as_text if name.endswith("_date") else "m.{}").format(quote(name)) for name in MembershipRow.PERIOD
    )
    with connection.chunked_cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, p.{quote('slug')}, o.{quote('slug')}, {dates} FROM {membership} m "
            f"JOIN {person} p ON p.{quote('id')} = m.{quote('person_id')} "
            f"JOIN {organization} o ON o.{quote('id')} = m.{quote('organization_id')} "
            f"ORDER BY m.{quote('organization_id')}"
        )
        while chunk := cursor.fetchmany(5000):
            for values in chunk:
                yield MembershipRow(*values)


def check_all() -> list[Violation]:
    """Every violation in the stored data, in a stable order. Memberships are read one organisation at a time (every
    membership rule is about one delegation or one post, and a post belongs to one organisation), so memory is
    bounded by the largest organisation, not by the registry."""
    # Only what the date rule reads: organisations and events may carry long texts that no rule needs.
    dated_fields = ("slug", "start_date", "start_precision", "end_date", "end_precision")
    organizations = models.Organization.objects.only(*dated_fields).iterator(chunk_size=2000)
    posts = {p.pk: p for p in models.Post.objects.all()}
    quotas = list(models.SeatQuota.objects.select_related("delegation", "chamber"))
    terms = list(models.Chairmanship.objects.select_related("country", "organization"))
    participations = list(models.Participation.objects.all())
    events = models.Event.objects.only(*dated_fields).iterator(chunk_size=2000)
    quotas_of = defaultdict(list)
    for quota in quotas:
        quotas_of[quota.delegation_id].append(quota)

    by_rule: dict[str, list[Violation]] = defaultdict(list)
    for _organization, group in groupby(_membership_rows(), key=lambda row: row.organization_id):
        memberships = list(group)
        delegation_quotas = quotas_of.get(memberships[0].organization_id, [])
        by_rule["dates"].extend(end_after_start(memberships))
        by_rule["consistent"].extend(memberships_are_consistent(memberships, posts))
        by_rule["holders"].extend(single_holder_posts(memberships, posts))
        by_rule["quotas"].extend(quotas_are_respected(delegation_quotas, memberships))
        by_rule["totals"].extend(delegation_totals_are_respected(delegation_quotas, memberships))

    found: list[Violation] = []
    for dated in (organizations, posts.values()):
        found.extend(end_after_start(dated))
    found.extend(by_rule["dates"])
    for dated in (quotas, terms, participations, events):
        found.extend(end_after_start(dated))
    found.extend(by_rule["consistent"])
    found.extend(by_rule["holders"])
    found.extend(one_quota_in_force(quotas))
    found.extend(by_rule["quotas"])
    found.extend(by_rule["totals"])
    found.extend(chairmanships_do_not_overlap(terms))
    found.extend(participations_do_not_overlap(participations))
    return found
