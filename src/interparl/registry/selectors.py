"""Read-side questions about the registry, each answerable as of a date.

``composition(assembly, at=…)`` is the central one: delegations, quotas per chamber against seats
filled, post holders, participation statuses and disagreeing sources, all on one day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
from dataclasses import dataclass

from django.utils import translation

from interparl.errors import NotFound

from . import models, versioning
from .reading import DelegationFacts, delegation_facts, holder, seats, standing_of
from .results import (
    AsOfStatus,
    ChamberSeats,
    Composition,
    DelegationComposition,
    MemberParliament,
    MemberState,
    QuotaVersion,
    iso,
    source_ref,
)


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


def current_memberships(at: dt.date):
    return models.Membership.objects.current(at=at).select_related(
        "person", "post", "organization", "on_behalf_of", "source"
    )


def organization_tree(root: models.Organization) -> list[models.Organization]:
    """``root`` and every organisation beneath it, each after its parent (one query per level)."""
    found, frontier = [root], [root]
    while frontier:
        frontier = list(models.Organization.objects.filter(parent__in=frontier))
        found.extend(frontier)
    return found


def assembly_bodies(
    assembly: models.Organization, tree: list[models.Organization] | None = None
) -> list[models.Organization]:
    """The assembly and every body beneath it, except national delegations and their parts. ``tree``: the
    assembly's ``organization_tree``, if read already."""
    left_out: set[int] = set()
    bodies = []
    for org in tree or organization_tree(assembly):  # a parent comes before its parts
        if org.classification == models.Organization.Classification.DELEGATION or org.parent_id in left_out:
            left_out.add(org.pk)
        else:
            bodies.append(org)
    return bodies


def get_person(slug: str) -> models.Person:
    person = models.Person.objects.filter(slug=slug).select_related("source").first()
    if person is None:
        raise NotFound(f"unknown person '{slug}'")
    return person


def get_country(iso3: str) -> models.Country:
    country = models.Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise NotFound(f"unknown country '{iso3}'")
    return country


def members(*, country: str | None = None, organization: str | None = None, at: dt.date | None = None):
    """The ids of people with a membership that meets every condition given: in force on ``at``, in
    ``organization`` or any of its parts, in an organisation of ``country``."""
    memberships = models.Membership.objects.current(at=at) if at else models.Membership.objects.all()
    if organization:
        memberships = memberships.filter(organization__in=organization_tree(get_organization(organization)))
    if country:
        memberships = memberships.filter(organization__country=get_country(country))
    return memberships.values("person_id")


def memberships_of(person: models.Person, *, at: dt.date | None = None) -> list[models.Membership]:
    """Every membership of ``person`` (only those in force on ``at``, if given), newest first."""
    rows = person.memberships.select_related(
        "organization", "organization__country", "post", "on_behalf_of", "source", "person"
    ).order_by("-start_date", "organization__slug")
    return list(rows.current(at=at) if at else rows)


def organization_parts(org: models.Organization, *, at: dt.date | None = None) -> tuple[list, list, list]:
    """An organisation's parts, seat quotas (every source's version) and posts (only those in force on ``at``)."""
    parts = org.children.select_related("country")
    quotas = models.SeatQuota.objects.filter(delegation=org).select_related("delegation", "chamber", "source")
    posts = org.posts.select_related("organization", "source")
    if at:
        parts, quotas, posts = parts.current(at=at), quotas.current(at=at), posts.current(at=at)
    return list(parts), list(quotas), list(posts)


def chair_of(organization: models.Organization, *, at: dt.date) -> models.Chairmanship | None:
    return (
        models.Chairmanship.objects.current(at=at)
        .filter(organization=organization)
        .select_related("country")
        .order_by("-start_date")
        .first()
    )


def delegation_composition(
    delegation: models.Organization,
    *,
    at: dt.date,
    standing: models.Participation | None = None,
    facts: DelegationFacts | None = None,
) -> DelegationComposition:
    """One delegation on ``at``; ``facts``: read already for several delegations at once (see ``composition``)."""
    facts = facts or delegation_facts([delegation], at)
    memberships = facts.memberships[delegation.pk]
    members = [m for m in memberships if m.holds_seat]
    versions: dict[int, list[models.SeatQuota]] = {}
    for quota in facts.quotas[delegation.pk]:
        versions.setdefault(quota.chamber_id, []).append(quota)
    chambers = []
    for quota_rows in versions.values():
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
    links = [
        link
        for link in facts.links
        if parliament
        and (link.organization_id in (delegation.pk, parliament.pk) or link.organization.parent_id == parliament.pk)
    ]
    return DelegationComposition(
        delegation=delegation.slug,
        name=delegation.name,
        country=delegation.country.iso3 if delegation.country else "",
        country_name=delegation.country.name if delegation.country else "",
        parliament=parliament.slug if parliament else None,
        parliament_name=parliament.name if parliament else None,
        participation=standing_of(standing),
        chambers=chambers,
        members=[holder(m) for m in sorted(members, key=lambda m: (m.family_name, m.name))],
        post_holders=[holder(m) for m in holders],
        plenipotentiary=holder(plenipotentiary) if plenipotentiary else None,
        websites=[
            {"url": link.url, "owner": link.organization.slug, "note": link.note, "source": source_ref(link.source)}
            for link in links
        ],
    )


def composition(assembly: models.Organization, *, at: dt.date | None = None) -> Composition:
    """The assembly as it stood on ``at`` (default: today); nothing before its founding or after its dissolution.

    The answer is the same on every day between two days on which something of the assembly starts or ends
    (``change_days``): it is computed once per such stretch and registry version, and given with its own date."""
    at = at or dt.date.today()
    found = versioning.cached(composition_key(assembly, at=at), lambda: compute_composition(assembly, at))
    return found if found.as_of == at else found.model_copy(update={"as_of": at})


def composition_key(assembly: models.Organization, *, at: dt.date) -> tuple:
    """What the composition on ``at`` is the same for: the assembly, the stretch of days ``at`` falls in, and the
    language. A face that renders a composition may cache its rendering under it (the API does)."""
    days = versioning.cached(("change-days", assembly.pk, dt.date.today()), lambda: change_days(assembly))
    return ("composition", assembly.pk, bisect.bisect_right(days, at), translation.get_language())


def change_days(assembly: models.Organization) -> list[dt.date]:
    """Every day on which the assembly's composition may differ from the day before, in order: a start of
    anything it is made of (its delegations, their members and quotas, its bodies and their office holders, the
    states' participation, its parent's chairmanships), the day after an end, the day an undated member's or
    quota's source was seen, its founding and dissolution, today (undated facts without a date seen are known
    from today) and tomorrow (from when an answer is a projection)."""
    tree = [org.pk for org in organization_tree(assembly)]
    dated = [
        models.Organization.objects.filter(pk__in=tree),
        models.Membership.objects.filter(organization_id__in=tree),
        models.SeatQuota.objects.filter(delegation_id__in=tree),
        models.Participation.objects.filter(organization_id__in=tree),
    ]
    if assembly.parent_id:
        dated.append(models.Chairmanship.objects.filter(organization_id=assembly.parent_id))
    today = dt.date.today()
    days = {today, today + dt.timedelta(days=1)}
    for rows in dated:
        days.update(rows.exclude(start_date=None).values_list("start_date", flat=True).distinct())
        days.update(
            end + dt.timedelta(days=1)
            for end in rows.exclude(end_date=None).values_list("end_date", flat=True).distinct()
            if end < dt.date.max
        )
    for rows in dated[1:3]:  # memberships and quotas without a start are known from the day their source was seen
        days.update(
            rows.filter(start_date=None).exclude(source__accessed=None).values_list("source__accessed", flat=True)
        )
    return sorted(days)


def compute_composition(assembly: models.Organization, at: dt.date) -> Composition:
    """``composition`` worked out from the records (no cache)."""
    tree = organization_tree(assembly)  # read once: for the undated facts and for the officers
    timing = as_of_status(assembly, at=at, tree=tree)
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
    delegations = list(delegations)
    facts = delegation_facts(delegations, at)
    delegation_rows = [
        delegation_composition(d, at=at, standing=standings.get(d.country_id), facts=facts) for d in delegations
    ]
    delegation_by_country = {d.country: d.delegation for d in delegation_rows}
    member_states = [
        MemberState(
            country=p.country.iso3,
            name=p.country.name,
            standing=standing_of(p),
            delegation=delegation_by_country.get(p.country.iso3),
        )
        for p in sorted(standings.values(), key=lambda p: p.country.iso3)
    ]
    bodies = assembly_bodies(assembly, tree)
    in_bodies = models.Membership.objects.current(at=at).filter(organization__in=bodies, post__isnull=False)
    officers = [holder(seat) for _id, seat in seats(in_bodies.order_by("post__slug", "start_date"))]
    parent_chair = chair_of(assembly.parent, at=at) if assembly.parent else None
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
                "start": iso(parent_chair.start),
                "end": iso(parent_chair.end),
                "basis": parent_chair.basis,
            }
            if parent_chair
            else None
        ),
    )


@dataclass(frozen=True)
class SeatTotals:
    seats: int  # full seats in force, as ``composition(…).seats`` counts them
    delegations: list[str]  # the delegations' public ids, in the composition's order


def seat_totals(assemblies: list[models.Organization], *, at: dt.date | None = None) -> dict[int, SeatTotals]:
    """What a list of assemblies shows of each on ``at`` — its seats and delegations — in two queries for the whole
    list, instead of a composition per assembly. Agrees with ``composition`` (a test holds it to that)."""
    at = at or dt.date.today()
    totals = {a.pk: SeatTotals(0, []) for a in assemblies}
    standing = [a.pk for a in assemblies if _exists_on(a, at)]
    delegations = (
        models.Organization.objects.current(at=at)
        .filter(parent_id__in=standing, classification=models.Organization.Classification.DELEGATION)
        .order_by("country__iso3", "slug")
        .values_list("pk", "parent_id", "slug")
    )
    assembly_of = {}
    for pk, parent_id, slug in delegations:
        assembly_of[pk] = parent_id
        totals[parent_id].delegations.append(slug)
    seats: dict[int, int] = dict.fromkeys(totals, 0)
    counted: set[tuple[int, int]] = set()
    # Per delegation and chamber the version in force comes first (as in ``composition``), else the one stated.
    for delegation_id, chamber_id, quota in (
        models.SeatQuota.objects.current(at=at)
        .filter(delegation_id__in=list(assembly_of))
        .order_by("delegation_id", "chamber_id", "-in_force")
        .values_list("delegation_id", "chamber_id", "seats")
    ):
        if (delegation_id, chamber_id) not in counted:
            counted.add((delegation_id, chamber_id))
            seats[assembly_of[delegation_id]] += quota
    return {pk: SeatTotals(seats[pk], found.delegations) for pk, found in totals.items()}


def _exists_on(assembly: models.Organization, at: dt.date) -> bool:
    span = assembly.span
    return not (span.start and at < span.start.earliest()) and not (span.end and at > span.end.latest())


def as_of_status(
    assembly: models.Organization, *, at: dt.date, tree: list[models.Organization] | None = None
) -> AsOfStatus:
    """What the registry can say about the assembly on ``at``: recorded, a projection, or nothing (before its
    founding, after its dissolution); and from when facts without a stated start are known."""
    span = assembly.span
    founded = iso(span.start)
    if not _exists_on(assembly, at):
        before = span.start and at < span.start.earliest()
        return AsOfStatus(status="before_founding" if before else "after_dissolution", founded=founded)
    status = "projection" if at > dt.date.today() else "recorded"
    return AsOfStatus(
        status=status, founded=founded, undated_known_from=_undated_known_from(tree or organization_tree(assembly), at)
    )


def _undated_known_from(tree: list[models.Organization], at: dt.date) -> dt.date | None:
    """The first day after ``at`` on which an undated member or quota of the assembly becomes known, if any. An
    undated fact whose source has no date seen is known from today on."""
    # By the ids of the assembly's organisations: a condition across a join would scan every membership.
    parts = [org.pk for org in tree]
    undated = [
        models.SeatQuota.objects.filter(delegation_id__in=parts, start_date__isnull=True),
        models.Membership.objects.filter(organization_id__in=parts, start_date__isnull=True),
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


def assembly_or_default(slug: str | None = None) -> models.Organization:
    """The assembly ``slug`` names, or the default one; NotFound if there is none."""
    assembly = get_organization(slug, models.Organization.Classification.ASSEMBLY) if slug else default_assembly()
    if assembly is None:
        raise NotFound("the registry holds no assembly")
    return assembly


def member_parliament(assembly: models.Organization, iso3: str, *, at: dt.date | None = None) -> MemberParliament:
    at = at or dt.date.today()
    country = get_country(iso3)
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
    chambers = (
        list(parliament.children.filter(classification=models.Organization.Classification.CHAMBER))
        if parliament
        else []
    )
    owners = [o for o in [parliament, *chambers, delegation_org] if o]
    return MemberParliament(
        country=country,
        parliament=parliament,
        chambers=chambers,
        standing=standing_of(standing),
        delegation=delegation_composition(delegation_org, at=at, standing=standing) if current else None,
        delegation_org=delegation_org,
        websites=list(models.Link.objects.filter(organization__in=owners).select_related("organization", "source")),
    )


def person_record(slug: str):
    """A person with every membership over time, newest first."""
    person = get_person(slug)
    return person, memberships_of(person)


def events_around(*, at: dt.date) -> tuple[list[models.Event], list[models.Event]]:
    """(upcoming, past) events relative to ``at``. An event known only by its year or month is upcoming
    until that period is over ("2026, date to be announced")."""
    upcoming, past = [], []
    for event in models.Event.objects.select_related("organizer", "country").order_by("start_date", "slug"):
        last = event.end.latest() if event.end else (event.start.latest() if event.start else None)
        (upcoming if last and last >= at else past).append(event)
    return upcoming, past[::-1]
