"""The shape of a dataset file (format ``interparl-dataset/1``), validated before anything is written.

See ``docs/dataset-format.md`` for the format in words. References between records use public ids
(``id`` of organisations, people, posts, events, sources; ISO alpha-3 codes of countries).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ..models import ROLES, Chairmanship, Event, Membership, Organization, Participation, RotationRule
from ..partial_dates import PartialDate
from ..validators import web_url_problem

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=120)]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


def _partial(value):
    if value is None or value == "":
        return None
    return PartialDate.parse(value).isoformat()  # raises ValueError with a readable reason


PartialDateStr = Annotated[str | None, BeforeValidator(_partial)]


def _web_url(value: str) -> str:
    problem = web_url_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _choices(model_choices) -> tuple:
    return tuple(value for value, _label in model_choices)


def _one_of(allowed):
    allowed = set(allowed)

    def check(value):
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of: {', '.join(sorted(allowed))}")
        return value

    return BeforeValidator(check)


Role = Annotated[str, _one_of(ROLES)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Text(Strict):
    """A text in English and Russian; one of them may be missing."""

    en: str | None = None
    ru: str | None = None

    @model_validator(mode="after")
    def one_language_at_least(self):
        if not (self.en or self.ru):
            raise ValueError("give the text in English (en) or Russian (ru), or both")
        return self


def _text_or_plain(value):
    """A text may be given in both languages ({en, ru}) or as a plain string, read as English."""
    if value is None or value == "":
        return None
    return {"en": value} if isinstance(value, str) else value


Note = Annotated[Text | None, BeforeValidator(_text_or_plain)]


class OtherName(Strict):
    name: str
    lang: str | None = None
    note: str | None = None
    start_date: PartialDateStr = None
    end_date: PartialDateStr = None


class Identifier(Strict):
    scheme: str
    identifier: str


class Fact(Strict):
    source: Slug | None = None
    quote: str = ""
    confirmed: bool = True
    note: Note = None


class Period(Fact):
    start: PartialDateStr = None
    end: PartialDateStr = None

    @model_validator(mode="after")
    def end_not_before_start(self):
        if self.start and self.end and PartialDate.parse(self.end).latest() < PartialDate.parse(self.start).earliest():
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


WebUrl = Annotated[str, AfterValidator(_web_url)]
WebUrlOrBlank = Annotated[str, AfterValidator(lambda value: _web_url(value) if value else value)]


class SourceIn(Strict):
    id: Slug
    url: WebUrlOrBlank = ""
    document: Note = None
    publisher: Note = None
    language: str = ""
    accessed: dt.date | None = None
    published: dt.date | None = None
    note: Note = None


class CountryIn(Strict):
    iso3: Iso3
    iso2: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    name: Text
    official_name: Text | None = None
    other_names: list[OtherName] = []


class LinkIn(Fact):
    url: WebUrl


class OrganizationIn(Period):
    id: Slug
    classification: Annotated[str, _one_of(_choices(Organization.Classification.choices))]
    name: Text
    abbreviation: Text | None = None
    description: Text | None = None
    seat: Text | None = None
    parent: Slug | None = None
    sent_by: Slug | None = None
    country: Iso3 | None = None
    chamber_kind: Annotated[str, _one_of(_choices(Organization.ChamberKind.choices))] = ""
    other_names: list[OtherName] = []
    identifiers: list[Identifier] = []
    links: list[LinkIn] = []


class PersonIn(Fact):
    id: Slug
    name: Text
    given_name: Text | None = None
    family_name: Text | None = None
    patronymic_name: Text | None = None
    gender: str = ""
    birth_date: dt.date | None = None
    summary: Text | None = None
    other_names: list[OtherName] = []
    identifiers: list[Identifier] = []
    links: list[LinkIn] = []


class PostIn(Period):
    id: Slug
    label: Text
    role: Role
    organization: Slug
    max_holders: int | None = Field(default=1, ge=1)


class MembershipIn(Period):
    id: Slug | None = None
    person: Slug
    organization: Slug
    post: Slug | None = None
    role: Role | None = None
    label: str = ""
    on_behalf_of: Slug | None = None
    status: Annotated[str, _one_of(_choices(Membership.Status.choices))] = "full"


class QuotaIn(Period):
    id: Slug | None = None
    delegation: Slug
    chamber: Slug
    seats: int = Field(ge=0)
    substitute_seats: int = Field(default=0, ge=0)
    in_force: bool = True


class ParticipationIn(Period):
    id: Slug | None = None
    organization: Slug
    country: Iso3 | None = None
    participant: Slug | None = None
    status: Annotated[str, _one_of(_choices(Participation.Status.choices))]

    @model_validator(mode="after")
    def names_a_participant(self):
        if not (self.country or self.participant):
            raise ValueError("name the participating state (country) or organisation (participant)")
        return self


class ChairmanshipIn(Period):
    id: Slug | None = None
    organization: Slug
    country: Iso3
    basis: Annotated[str, _one_of(_choices(Chairmanship.Basis.choices))] = "rotation"


class RotationRuleIn(Fact):
    organization: Slug
    order_method: Annotated[str, _one_of(_choices(RotationRule.OrderMethod.choices))]
    order_language: str = "ru"
    fixed_order: list[Iso3] = []
    term_months: int = Field(default=12, ge=1, le=120)
    handover: Annotated[str, Field(pattern=r"^\d{2}-\d{2}$")] = "01-01"
    effective_from: dt.date | None = None
    description: Text | None = None


class EventIn(Period):
    id: Slug
    kind: Annotated[str, _one_of(_choices(Event.Kind.choices))]
    title: Text
    description: Text | None = None
    place: Text | None = None
    number: int | None = Field(default=None, ge=1)
    organizer: Slug | None = None
    country: Iso3 | None = None


class NewsIn(Fact):
    id: Slug
    date: dt.date
    language: str = "en"
    title: Text
    body: Text
    countries: list[Iso3] = []
    people: list[Slug] = []
    organizations: list[Slug] = []
    events: list[Slug] = []


class Dataset(Strict):
    format: Literal["interparl-dataset/1"]
    title: str = ""
    default_source: Slug | None = None
    sources: list[SourceIn] = []
    countries: list[CountryIn] = []
    organizations: list[OrganizationIn] = []
    people: list[PersonIn] = []
    posts: list[PostIn] = []
    memberships: list[MembershipIn] = []
    quotas: list[QuotaIn] = []
    participations: list[ParticipationIn] = []
    chairmanships: list[ChairmanshipIn] = []
    rotation_rules: list[RotationRuleIn] = []
    events: list[EventIn] = []
    news: list[NewsIn] = []
