"""Reading many facts at once, as plain values: the memberships, quotas and addresses a composition needs, one
query per kind of fact however many delegations it has, and memberships read as values rather than model objects
(a composition of a large assembly reads hundreds). The read-side results are built from these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation

from . import models
from .partial_dates import PartialDate
from .results import Holder, Standing, iso, source_ref
from .roles import SEAT_ROLES


def standing_of(row: models.Participation | None) -> Standing | None:
    if row is None:
        return None
    return Standing(
        status=row.status,
        since=iso(row.start),
        until=iso(row.end),
        confirmed=row.confirmed,
        note=row.note,
        source=source_ref(row.source),
    )


def in_language(english: str | None, russian: str | None) -> str:
    """A translated text in the active language, falling back to the other one (as the models do)."""
    if translation.get_language() == "ru":
        return russian or english or ""
    return english or russian or ""


@dataclass(slots=True)
class Seat:
    """What a composition reads of a membership, read as plain values rather than model objects: a composition of a
    large assembly reads hundreds, and building the objects would cost far more than the query."""

    person: str
    name: str
    family_name: str
    role: str
    post_id: int | None
    post: str | None
    organization: str
    on_behalf_of_id: int | None
    chamber: str | None
    status: str
    start: str | None  # as precise as the source: "2024", "2024-02", "2024-02-15"
    end: str | None
    confirmed: bool
    source: dict | None

    @property
    def holds_seat(self) -> bool:
        return self.role in SEAT_ROLES


SEAT_VALUES = (
    "person__slug", "person__name_en", "person__name_ru", "person__family_name_en", "person__family_name_ru",
    "role", "post_id", "post__label_en", "post__label_ru", "organization__slug", "on_behalf_of_id",
    "on_behalf_of__slug", "status", "start_date", "start_precision", "end_date", "end_precision", "confirmed",
    "source__slug", "source__url", "source__document_en", "source__document_ru", "organization_id",
)  # fmt: skip


def seats(rows) -> list[tuple[int, Seat]]:
    """(organization id, seat) for each membership of ``rows``, in their order."""
    found = []
    for values in rows.values_list(*SEAT_VALUES):
        (person, name_en, name_ru, family_en, family_ru, role, post_id, label_en, label_ru, organization,
         on_behalf_of_id, chamber, status, start, start_precision, end, end_precision, confirmed, source,
         source_url, document_en, document_ru, organization_id) = values  # fmt: skip
        document = in_language(document_en, document_ru)
        seat = Seat(
            person=person,
            name=in_language(name_en, name_ru),
            family_name=in_language(family_en, family_ru),
            role=role,
            post_id=post_id,
            post=in_language(label_en, label_ru) if post_id else None,
            organization=organization,
            on_behalf_of_id=on_behalf_of_id,
            chamber=chamber,
            status=status,
            start=iso(PartialDate.from_stored(start, start_precision)),
            end=iso(PartialDate.from_stored(end, end_precision)),
            confirmed=confirmed,
            source={"id": source, "url": source_url or None, "document": document or None} if source else None,
        )
        found.append((organization_id, seat))
    return found


def holder(m: Seat) -> Holder:
    return Holder.model_validate(m, from_attributes=True)


@dataclass
class DelegationFacts:
    """What the compositions of several delegations need, read in one query per kind of fact."""

    memberships: dict[int, list[Seat]]
    quotas: dict[int, list[models.SeatQuota]]  # by delegation, in chamber order, the version in force first
    links: list[models.Link]


def delegation_facts(delegations: list[models.Organization], at: dt.date) -> DelegationFacts:
    """Memberships, quotas and web addresses of ``delegations`` on ``at``: one query each, however many."""
    ids = [d.pk for d in delegations]
    parliaments = [d.sent_by_id for d in delegations if d.sent_by_id]
    memberships: dict[int, list[Seat]] = {pk: [] for pk in ids}
    in_force = models.Membership.objects.current(at=at).filter(organization_id__in=ids)
    for organization_id, seat in seats(in_force.order_by("organization__slug", "person__slug", "start_date")):
        memberships[organization_id].append(seat)
    quotas: dict[int, list[models.SeatQuota]] = {pk: [] for pk in ids}
    for quota in (
        models.SeatQuota.objects.current(at=at)
        .filter(delegation_id__in=ids)
        .select_related("chamber", "source")
        .order_by("chamber__chamber_kind", "chamber__slug", "-in_force")
    ):
        quotas[quota.delegation_id].append(quota)
    links = models.Link.objects.filter(
        Q(organization_id__in=ids) | Q(organization_id__in=parliaments) | Q(organization__parent_id__in=parliaments)
    ).select_related("organization", "source")
    return DelegationFacts(memberships, quotas, list(links))
