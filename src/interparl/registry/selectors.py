"""Read-side questions about the registry, each answerable as of a date.

``composition(assembly, at)`` is the central one: delegations, quotas per chamber against seats
filled, post holders, participation statuses and disagreeing sources, all on one day.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from django.db.models import Q
from pydantic import BaseModel, ConfigDict, Field, computed_field

from . import models


class NotFound(LookupError):
    """An id that names nothing in the registry."""


def get_organization(slug: str, classification: str | None = None) -> models.Organization:
    queryset = models.Organization.objects.all()
    if classification:
        queryset = queryset.filter(classification=classification)
    try:
        return queryset.get(slug=slug)
    except models.Organization.DoesNotExist:
        kind = classification or "organization"
        known = list(queryset.values_list("slug", flat=True))
        # The two closest ids, however far: a hint, not a catalogue of every id.
        closest = sorted(known, key=lambda k: -difflib.SequenceMatcher(None, slug, k).ratio())[:2]
        hint = f"; did you mean {' or '.join(repr(c) for c in closest)}?" if closest else ""
        raise NotFound(f"unknown {kind} '{slug}'{hint}") from None


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def source_ref(source: models.Source | None) -> dict | None:
    if source is None:
        return None
    return {"id": source.slug, "url": source.url or None, "document": source.document or None}


class Result(BaseModel):
    """A read-side result: plain data, the same for the CLI, the portal and the API (its OpenAPI schema)."""

    model_config = ConfigDict(frozen=False)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


class SourceRef(Result):
    id: str
    url: str | None
    document: str | None


class QuotaVersion(Result):
    seats: int
    substitute_seats: int
    in_force: bool
    confirmed: bool
    source: SourceRef | None
    note: str


class ChamberSeats(Result):
    chamber: str
    name: str
    kind: str
    seats: int
    substitute_seats: int
    filled: int
    filled_substitute: int
    source: SourceRef | None
    alternatives: list[QuotaVersion] = []

    @property
    def vacant(self) -> int:
        return max(self.seats - self.filled, 0)

    @property
    def conflicts(self) -> list[QuotaVersion]:
        """Versions from other sources that give a different number."""
        return [a for a in self.alternatives if (a.seats, a.substitute_seats) != (self.seats, self.substitute_seats)]


class Holder(Result):
    person: str
    name: str
    role: str
    post: str | None
    organization: str
    chamber: str | None
    status: str
    start: str | None
    end: str | None
    confirmed: bool
    source: SourceRef | None


class Standing(Result):
    status: str
    since: str | None
    until: str | None
    confirmed: bool
    note: str
    source: SourceRef | None


class Website(Result):
    url: str
    owner: str
    note: str
    source: SourceRef | None


class DelegationComposition(Result):
    delegation: str
    name: str
    country: str
    country_name: str
    parliament: str | None
    parliament_name: str | None
    participation: Standing | None
    chambers: list[ChamberSeats]
    members: list[Holder]
    post_holders: list[Holder]
    plenipotentiary: Holder | None
    websites: list[Website]

    @computed_field
    @property
    def seats(self) -> int:
        return sum(c.seats for c in self.chambers)

    @computed_field
    @property
    def substitute_seats(self) -> int:
        return sum(c.substitute_seats for c in self.chambers)

    @computed_field
    @property
    def seats_filled(self) -> int:
        return sum(1 for m in self.members if m.status == "full")

    @computed_field
    @property
    def members_without_chamber(self) -> int:
        return sum(1 for m in self.members if m.chamber is None)

    @computed_field
    @property
    def has_conflicts(self) -> bool:
        return any(c.conflicts for c in self.chambers)

    @property
    def versions_by_source(self) -> list[tuple[str, str]]:
        """Each source's reading of the whole delegation, e.g. ("English page", "7 + 4"); "?" where silent."""
        readings: dict[str, dict[str, int]] = {}
        names: dict[str, str] = {}
        for chamber in self.chambers:
            for version in [chamber, *chamber.alternatives]:
                key = version.source.id if version.source else ""
                names[key] = (version.source.document if version.source else None) or key or "?"
                readings.setdefault(key, {})[chamber.chamber] = version.seats
        return [
            (names[key], " + ".join(str(seats.get(c.chamber, "?")) for c in self.chambers))
            for key, seats in readings.items()
        ]


class MemberState(Result):
    country: str
    name: str
    standing: Standing
    delegation: str | None


class ParentChair(Result):
    organization: str
    country: str
    country_name: str
    start: str | None
    end: str | None
    basis: str


class Composition(Result):
    assembly: str
    name: str
    as_of: dt.date
    status: str = Field(
        description="recorded (a past date or today), projection (a future date: today's state carried forward), "
        "before_founding or after_dissolution (the assembly did not exist: nothing is listed)."
    )
    founded: str | None = Field(None, description="The assembly's founding date, as precise as known.")
    undated_known_from: dt.date | None = Field(
        None,
        description="Facts whose start the sources do not state (members, quotas) are known only from the day "
        "their source was seen; if some are not yet known on this date, the first such day.",
    )
    delegations: list[DelegationComposition]
    member_states: list[MemberState]
    officers: list[Holder]
    chair_of_parent: ParentChair | None

    @computed_field
    @property
    def seats(self) -> int:
        return sum(d.seats for d in self.delegations)

    @computed_field
    @property
    def substitute_seats(self) -> int:
        return sum(d.substitute_seats for d in self.delegations)


def _standing(row: models.Participation | None) -> Standing | None:
    if row is None:
        return None
    return Standing(
        status=row.status,
        since=_iso(row.start),
        until=_iso(row.end),
        confirmed=row.confirmed,
        note=row.note,
        source=source_ref(row.source),
    )


def _holder(m: models.Membership) -> Holder:
    return Holder(
        person=m.person.slug,
        name=m.person.name,
        role=m.role,
        post=m.post.label if m.post else None,
        organization=m.organization.slug,
        chamber=m.on_behalf_of.slug if m.on_behalf_of else None,
        status=m.status,
        start=_iso(m.start),
        end=_iso(m.end),
        confirmed=m.confirmed,
        source=source_ref(m.source),
    )


def current_memberships(at: dt.date):
    return models.Membership.objects.current(at=at).select_related(
        "person", "post", "organization", "on_behalf_of", "source"
    )


def assembly_bodies(assembly: models.Organization) -> list[models.Organization]:
    """The assembly and every body beneath it, except national delegations."""
    found, frontier = [assembly], [assembly]
    while frontier:
        children = list(
            models.Organization.objects.filter(parent__in=frontier).exclude(
                classification=models.Organization.Classification.DELEGATION
            )
        )
        found.extend(children)
        frontier = children
    return found


def chair_of(organization: models.Organization, at: dt.date) -> models.Chairmanship | None:
    return (
        models.Chairmanship.objects.current(at=at)
        .filter(organization=organization)
        .select_related("country")
        .order_by("-start_date")
        .first()
    )


def _quota_versions(delegation: models.Organization, at: dt.date) -> dict[int, list[models.SeatQuota]]:
    versions: dict[int, list[models.SeatQuota]] = {}
    quotas = (
        models.SeatQuota.objects.current(at=at)
        .filter(delegation=delegation)
        .select_related("chamber", "source")
        .order_by("chamber__chamber_kind", "chamber__slug", "-in_force")
    )
    for quota in quotas:
        versions.setdefault(quota.chamber_id, []).append(quota)
    return versions


def delegation_composition(
    delegation: models.Organization, at: dt.date, standing: models.Participation | None = None
) -> DelegationComposition:
    memberships = list(current_memberships(at).filter(organization=delegation))
    members = [m for m in memberships if m.holds_seat]
    chambers = []
    for quota_rows in _quota_versions(delegation, at).values():
        main = next((q for q in quota_rows if q.in_force), quota_rows[0])
        sitting = [m for m in members if m.on_behalf_of_id == main.chamber_id]
        chambers.append(
            ChamberSeats(
                chamber=main.chamber.slug,
                name=main.chamber.name,
                kind=main.chamber.chamber_kind,
                seats=main.seats,
                substitute_seats=main.substitute_seats,
                filled=sum(1 for m in sitting if m.status == "full"),
                filled_substitute=sum(1 for m in sitting if m.status == "substitute"),
                source=source_ref(main.source),
                alternatives=[
                    QuotaVersion(
                        seats=q.seats,
                        substitute_seats=q.substitute_seats,
                        in_force=q.in_force,
                        confirmed=q.confirmed,
                        source=source_ref(q.source),
                        note=q.note,
                    )
                    for q in quota_rows
                    if q is not main
                ],
            )
        )
    holders = [m for m in memberships if m.post_id]
    plenipotentiary = next((m for m in holders if m.role == "plenipotentiary_representative"), None)
    parliament = delegation.sent_by
    links = (
        models.Link.objects.filter(
            Q(organization=delegation) | Q(organization=parliament) | Q(organization__parent=parliament)
        ).select_related("organization", "source")
        if parliament
        else models.Link.objects.none()
    )
    return DelegationComposition(
        delegation=delegation.slug,
        name=delegation.name,
        country=delegation.country.iso3 if delegation.country else "",
        country_name=delegation.country.name if delegation.country else "",
        parliament=parliament.slug if parliament else None,
        parliament_name=parliament.name if parliament else None,
        participation=_standing(standing),
        chambers=chambers,
        members=[_holder(m) for m in sorted(members, key=lambda m: (m.person.family_name, m.person.name))],
        post_holders=[_holder(m) for m in holders],
        plenipotentiary=_holder(plenipotentiary) if plenipotentiary else None,
        websites=[
            {"url": link.url, "owner": link.organization.slug, "note": link.note, "source": source_ref(link.source)}
            for link in links
        ],
    )


def composition(assembly: models.Organization, at: dt.date | None = None) -> Composition:
    """The assembly as it stood on ``at`` (default: today); nothing before its founding or after its dissolution."""
    at = at or dt.date.today()
    timing = as_of_status(assembly, at)
    heading = {
        "assembly": assembly.slug,
        "name": assembly.name,
        "as_of": at,
        "status": timing.status,
        "founded": timing.founded,
        "undated_known_from": timing.undated_known_from,
    }
    if timing.status in ("before_founding", "after_dissolution"):
        return Composition(**heading, delegations=[], member_states=[], officers=[], chair_of_parent=None)
    standings = {
        p.country_id: p
        for p in models.Participation.objects.current(at=at)
        .filter(organization=assembly, country__isnull=False)
        .select_related("country", "source")
        .order_by("start_date")
    }
    delegations = (
        models.Organization.objects.current(at=at)
        .filter(parent=assembly, classification=models.Organization.Classification.DELEGATION)
        .select_related("country", "sent_by")
        .order_by("country__iso3", "slug")
    )
    delegation_rows = [delegation_composition(d, at, standings.get(d.country_id)) for d in delegations]
    delegation_by_country = {d.country: d.delegation for d in delegation_rows}
    member_states = [
        MemberState(
            country=p.country.iso3,
            name=p.country.name,
            standing=_standing(p),
            delegation=delegation_by_country.get(p.country.iso3),
        )
        for p in sorted(standings.values(), key=lambda p: p.country.iso3)
    ]
    bodies = assembly_bodies(assembly)
    officers = [
        _holder(m)
        for m in current_memberships(at)
        .filter(organization__in=bodies, post__isnull=False)
        .order_by("post__slug", "start_date")
    ]
    parent_chair = chair_of(assembly.parent, at) if assembly.parent else None
    return Composition(
        **heading,
        delegations=delegation_rows,
        member_states=member_states,
        officers=officers,
        chair_of_parent=(
            {
                "organization": assembly.parent.slug,
                "country": parent_chair.country.iso3,
                "country_name": parent_chair.country.name,
                "start": _iso(parent_chair.start),
                "end": _iso(parent_chair.end),
                "basis": parent_chair.basis,
            }
            if parent_chair
            else None
        ),
    )


class AsOfStatus(Result):
    status: str
    founded: str | None = None
    undated_known_from: dt.date | None = None


def as_of_status(assembly: models.Organization, at: dt.date) -> AsOfStatus:
    """What the registry can say about the assembly on ``at``: recorded, a projection, or nothing (before its
    founding, after its dissolution); and from when facts without a stated start are known."""
    span = assembly.span
    founded = _iso(span.start)
    if span.start and at < span.start.earliest():
        return AsOfStatus(status="before_founding", founded=founded)
    if span.end and at > span.end.latest():
        return AsOfStatus(status="after_dissolution", founded=founded)
    status = "projection" if at > dt.date.today() else "recorded"
    return AsOfStatus(status=status, founded=founded, undated_known_from=_undated_known_from(assembly, at))


def _undated_known_from(assembly: models.Organization, at: dt.date) -> dt.date | None:
    """The first day after ``at`` on which an undated member or quota of the assembly becomes known, if any. An
    undated fact whose source has no date seen is known from today on."""
    undated = [
        models.SeatQuota.objects.filter(delegation__parent=assembly, start_date__isnull=True),
        models.Membership.objects.filter(
            Q(organization__parent=assembly) | Q(organization__in=assembly_bodies(assembly)), start_date__isnull=True
        ),
    ]
    days = [
        rows.filter(source__accessed__gt=at)
        .order_by("source__accessed")
        .values_list("source__accessed", flat=True)
        .first()
        for rows in undated
    ]
    today = dt.date.today()
    if at < today and any(rows.filter(source__accessed__isnull=True).exists() for rows in undated):
        days.append(today)
    return min((day for day in days if day), default=None)


def default_assembly() -> models.Organization | None:
    """The assembly the portal and commands show unless told otherwise."""
    from django.conf import settings

    assemblies = models.Organization.objects.filter(classification=models.Organization.Classification.ASSEMBLY)
    return assemblies.filter(slug=settings.DEFAULT_ASSEMBLY).first() or assemblies.order_by("slug").first()


def latest_history() -> list[tuple[int, dt.datetime | None]]:
    """The newest change-history row of every registry table, in one query."""
    from django.db import connection
    from django.utils.dateparse import parse_datetime

    from .translation import HISTORY_MODELS

    quote = connection.ops.quote_name
    # Two scalar subqueries, not two aggregates in one select: each is then answered from the end of an index
    # (SQLite's min/max optimisation), instead of a scan of the whole history table.
    sql = " UNION ALL ".join(
        f"SELECT (SELECT MAX(history_id) FROM {table}), (SELECT MAX(history_date) FROM {table})"
        for table in (quote(model.history.model._meta.db_table) for model in HISTORY_MODELS)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    result = []
    for history_id, date in rows:
        if isinstance(date, str):  # SQLite returns aggregates of datetimes as text
            date = parse_datetime(date)
        if date is not None and date.tzinfo is None:
            date = date.replace(tzinfo=dt.UTC)
        result.append((history_id or 0, date))
    return result


def registry_version() -> tuple:
    """A value that changes whenever any registry record is added, changed or deleted."""
    return tuple(history_id for history_id, _date in latest_history())


def registry_last_changed() -> dt.datetime | None:
    """When the registry last changed (from the change history)."""
    dates = [date for _id, date in latest_history() if date]
    return max(dates) if dates else None


@dataclass
class MemberParliament:
    """One member state's place in an assembly on a date: its parliament, delegation and standing."""

    country: models.Country
    parliament: models.Organization | None
    chambers: list[models.Organization]
    standing: Standing | None
    delegation: DelegationComposition | None
    delegation_org: models.Organization | None
    websites: list[models.Link]


def member_parliament(assembly: models.Organization, iso3: str, at: dt.date | None = None) -> MemberParliament:
    at = at or dt.date.today()
    country = models.Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise NotFound(f"unknown country '{iso3}'")
    standing = (
        models.Participation.objects.current(at=at)
        .filter(organization=assembly, country=country)
        .select_related("source")
        .order_by("-start_date")
        .first()
    )
    delegation_org = (
        models.Organization.objects.filter(
            parent=assembly, classification=models.Organization.Classification.DELEGATION, country=country
        )
        .select_related("country", "sent_by")
        .first()
    )
    parliament = (
        delegation_org.sent_by
        if delegation_org and delegation_org.sent_by_id
        else models.Organization.objects.filter(
            country=country, classification=models.Organization.Classification.PARLIAMENT
        ).first()
    )
    ever_member = models.Participation.objects.filter(organization=assembly, country=country).exists()
    if not (delegation_org or ever_member):
        raise NotFound(f"{country.name} has no place in {assembly.name}")
    current = (
        models.Organization.objects.current(at=at).filter(pk=delegation_org.pk).exists() if delegation_org else False
    )
    chambers = list(parliament.children.filter(classification="chamber")) if parliament else []
    owners = [o for o in [parliament, *chambers, delegation_org] if o]
    return MemberParliament(
        country=country,
        parliament=parliament,
        chambers=chambers,
        standing=_standing(standing),
        delegation=delegation_composition(delegation_org, at, standing) if current else None,
        delegation_org=delegation_org,
        websites=list(models.Link.objects.filter(organization__in=owners).select_related("organization", "source")),
    )


def person_record(slug: str):
    """A person with every membership over time, newest first."""
    person = models.Person.objects.filter(slug=slug).select_related("source").first()
    if person is None:
        raise NotFound(f"unknown person '{slug}'")
    memberships = list(
        person.memberships.select_related(
            "organization", "post", "on_behalf_of", "source", "organization__country"
        ).order_by("-start_date", "organization__slug")
    )
    return person, memberships


def events_around(at: dt.date) -> tuple[list[models.Event], list[models.Event]]:
    """(upcoming, past) events relative to ``at``. An event known only by its year or month is upcoming
    until that period is over ("2026, date to be announced")."""
    upcoming, past = [], []
    for event in models.Event.objects.select_related("organizer", "country").order_by("start_date", "slug"):
        last = event.end.latest() if event.end else (event.start.latest() if event.start else None)
        (upcoming if last and last >= at else past).append(event)
    return upcoming, past[::-1]


def cached(key: tuple, compute):
    """``compute()``, remembered until the registry changes (keyed by ``key`` and the registry's version)."""
    import hashlib

    from django.core.cache import cache

    version = ",".join(str(part) for part in registry_version())
    digest = hashlib.sha256(repr((key, version)).encode()).hexdigest()
    value = cache.get(f"registry:{digest}")
    if value is None:
        value = compute()
        cache.set(f"registry:{digest}", value, timeout=None)
    return value
