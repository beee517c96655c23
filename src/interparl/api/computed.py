"""The API's shapes of computed answers: an assembly's composition on a date, and chairmanship terms (recorded and
projected). They read the registry's read-side results by attribute; a field the API shows is a line here."""

import datetime as dt

from ninja import Schema
from pydantic import Field

from interparl.registry.partial_dates import PartialDateField

from .schemas import SourceRef


class QuotaVersion(Schema):
    seats: int
    substitute_seats: int
    in_force: bool
    confirmed: bool
    source: SourceRef | None
    note: str


class ChamberSeats(Schema):
    chamber: str
    name: str
    kind: str
    seats: int
    substitute_seats: int
    filled: int
    filled_substitute: int
    source: SourceRef | None
    alternatives: list[QuotaVersion] = []


class Holder(Schema):
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


class Standing(Schema):
    status: str
    since: str | None
    until: str | None
    confirmed: bool
    note: str
    source: SourceRef | None


class Website(Schema):
    url: str
    owner: str
    note: str
    source: SourceRef | None


class DelegationComposition(Schema):
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
    seats: int
    substitute_seats: int
    seats_filled: int
    members_without_chamber: int
    has_conflicts: bool


class MemberState(Schema):
    country: str
    name: str
    standing: Standing
    delegation: str | None


class ParentChair(Schema):
    organization: str
    country: str
    country_name: str
    start: str | None
    end: str | None
    basis: str


class Composition(Schema):
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
    seats: int
    substitute_seats: int


class Term(Schema):
    country: str
    country_name: str
    start: PartialDateField | None
    end: PartialDateField | None
    basis: str
    projected: bool
    expected_end: PartialDateField | None = None
    assumption: str | None = None
    confirmed: bool = True
    source: str | None = None
    note: str = ""


class RotationReport(Schema):
    organization: str
    rule: str | None
    terms: list[Term] = []
