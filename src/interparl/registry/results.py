"""What the read side answers: plain data, the same for the command line, the portal and the downloads. The
public API shapes these into its own schemas (``interparl.api.schemas``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, computed_field

from . import models


def iso(date) -> str | None:
    return date.isoformat() if date else None


def source_ref(source: models.Source | None) -> dict | None:
    if source is None:
        return None
    return {"id": source.slug, "url": source.url or None, "document": source.document or None}


class Result(BaseModel):
    """A read-side result: plain data, the same for the command line, the portal and the downloads."""

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


class AsOfStatus(Result):
    status: str
    founded: str | None = None
    undated_known_from: dt.date | None = None


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
