"""The facts the reader reports: typed records, each with the span of the sentence it came from.

Their ``asdict`` form is the JSON contract of ``interparl extract --format json``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Seat:
    chamber: str | None  # as the registry would name it, in the text's language; None when the text names none
    count: int
    kind: str = "member"  # or "substitute"


@dataclass
class Delegation:
    country: str | None
    parliament: str | None
    assembly: str | None
    seats: list[Seat]
    total: int
    span: list[int]
    assembly_code: str | None = None  # the assembly's usual abbreviation ("PACE") or registry id, when recognised


@dataclass
class PersonFact:
    name: str
    country: str | None
    organization: str | None  # what the first post is of, as the text names it
    roles: list[str]
    span: list[int]
    start: str | None = None  # elected, appointed or joined on this date (ISO, possibly partial)
    assembly_code: str | None = None  # the assembly the text is about, when it names one ("OSCE PA")


@dataclass
class Website:
    url: str
    owner: str | None
    country: str | None
    span: list[int]


@dataclass
class Chairmanship:
    organization: str | None
    country: str
    start: str | None  # ISO date, or "2026" / "2022-11" when the text gives only the year or month
    end: str | None
    span: list[int]
    announced: bool = False  # the text announces a hand-over that has not happened yet


@dataclass
class Event:
    date: str
    end_date: str | None
    title: str
    place: str | None
    span: list[int]


@dataclass
class MemberStates:
    organization: str
    countries: list[str]
    span: list[int]


@dataclass
class Unparsed:
    """A sentence that gave no fact: listed, so that nothing is dropped silently."""

    text: str
    span: list[int]


@dataclass
class Extraction:
    language: str
    delegations: list[Delegation] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    websites: list[Website] = field(default_factory=list)
    chairmanships: list[Chairmanship] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    member_states: list[MemberStates] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)
    dateline: str | None = None  # the date the text opens with (a news item's date), ISO

    FACT_KINDS = ("delegations", "people", "websites", "chairmanships", "events", "member_states")

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def fact_count(self) -> int:
        return sum(len(getattr(self, kind)) for kind in self.FACT_KINDS)
