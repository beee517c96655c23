"""Response shapes of the public API (and so of its OpenAPI schema)."""

from __future__ import annotations

from ninja import Schema
from pydantic import Field

# The composition types are the registry's own read-side results: one definition for every consumer.
from interparl.registry.rotation import RotationReport  # noqa: F401 (re-exported for the API)
from interparl.registry.selectors import Composition, SourceRef  # noqa: F401 (re-exported for the API)


class Error(Schema):
    detail: str = Field(description="What is wrong, in one sentence.")
    errors: list[dict] = Field(default_factory=list, description="Details per parameter, for invalid input.")


class Text(Schema):
    en: str | None
    ru: str | None


class OtherName(Schema):
    name: str
    lang: str | None = None
    note: str | None = None
    start_date: str | None = None
    end_date: str | None = None


class Identifier(Schema):
    scheme: str
    identifier: str


class Link(Schema):
    url: str
    note: str
    source: SourceRef | None


class Provenance(Schema):
    source: SourceRef | None
    confirmed: bool
    note: str


class OrganizationBrief(Schema):
    id: str
    classification: str
    name: str
    names: Text
    country: str | None


class Organization(OrganizationBrief, Provenance):
    abbreviation: str
    parent: str | None
    sent_by: str | None
    chamber_kind: str
    founding_date: str | None
    dissolution_date: str | None
    seat: str
    description: str
    other_names: list[OtherName]
    identifiers: list[Identifier]
    links: list[Link]


class Quota(Provenance):
    id: str
    delegation: str
    chamber: str
    chamber_name: str
    seats: int
    substitute_seats: int
    in_force: bool
    start_date: str | None
    end_date: str | None


class Post(Provenance):
    id: str
    label: str
    role: str
    organization: str
    max_holders: int | None
    start_date: str | None
    end_date: str | None


class OrganizationDetail(Organization):
    children: list[OrganizationBrief]
    quotas: list[Quota]
    posts: list[Post]


class Membership(Provenance):
    id: str
    person: str
    person_name: str
    organization: str
    organization_name: str
    post: str | None
    post_label: str | None
    role: str
    label: str
    on_behalf_of: str | None
    status: str
    start_date: str | None
    end_date: str | None


class PersonBrief(Schema):
    id: str
    name: str
    names: Text


class Person(PersonBrief, Provenance):
    given_name: str
    family_name: str
    patronymic_name: str
    other_names: list[OtherName]
    identifiers: list[Identifier]
    links: list[Link]


class PersonDetail(Person):
    memberships: list[Membership]


class Assembly(Organization):
    seats: int = Field(description="Full seats in force on the as-of date.")
    delegations: list[str]


class Event(Provenance):
    id: str
    kind: str
    title: str
    titles: Text
    description: str
    place: str
    number: int | None
    organizer: str | None
    country: str | None
    start_date: str | None
    end_date: str | None


class NewsItem(Provenance):
    id: str
    date: str
    language: str
    title: str
    titles: Text
    body: str
    countries: list[str]
    people: list[str]
    organizations: list[str]
    events: list[str]


class SearchHit(Schema):
    kind: str
    id: str
    label: str
    score: float


def page_schema(item, name: str):
    """A paginated list of ``item``: every list endpoint pages the same way."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "page": int,
                "per_page": int,
                "pages": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item],
            },
            "__module__": __name__,
        },
    )


class FieldChange(Schema):
    field: str
    before: object | None = None
    after: object | None = None


class ChangeSource(Schema):
    id: str
    url: str | None = None


class Change(Schema):
    id: str = Field(description="The change's public id (kind-number); `interparl revert ID` undoes it.")
    kind: str = Field(description="The kind of record: person, membership, seatquota, organization, …")
    record: str = Field(description="The record's public id.")
    type: str = Field(description="created, changed or removed.")
    when: str
    who: str = Field(description="A role (editor, reviewer, administrator, import) or an editor's public name.")
    why: str
    changeset: int | None = Field(description="Changes written together (an approved proposal, a merge…).")
    source: ChangeSource | None
    quote: str = Field(description="The quoted span of the source the change rests on, if any.")
    diff: list[FieldChange]


AssemblyPage = page_schema(Assembly, "AssemblyPage")
ChangePage = page_schema(Change, "ChangePage")
OrganizationPage = page_schema(Organization, "OrganizationPage")
PersonPage = page_schema(Person, "PersonPage")
EventPage = page_schema(Event, "EventPage")
NewsPage = page_schema(NewsItem, "NewsPage")
SearchPage = page_schema(SearchHit, "SearchPage")
