"""The public API's contract: response shapes of /api/v1 (and so of its OpenAPI schema).

These are the API's own: they read registry rows and the registry's read-side results by attribute (``resolve_*``
where a value is derived), so that a change made for the portal or the command line cannot change the public
API by accident — a field the API shows is a line here.
"""

from __future__ import annotations

from ninja import Schema
from pydantic import Field


def _iso(partial) -> str | None:
    return partial.isoformat() if partial else None


def _slug(obj) -> str | None:
    return obj.slug if obj is not None else None


def _both(obj, field: str) -> dict:
    return {"en": getattr(obj, f"{field}_en") or None, "ru": getattr(obj, f"{field}_ru") or None}


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


class SourceRef(Schema):
    id: str = Field(alias="slug")
    url: str | None
    document: str | None

    @staticmethod
    def resolve_url(source) -> str | None:
        return source.url or None

    @staticmethod
    def resolve_document(source) -> str | None:
        return source.document or None


class Link(Schema):
    url: str
    note: str
    source: SourceRef | None


class Provenance(Schema):
    source: SourceRef | None
    confirmed: bool
    note: str


class Dated(Schema):
    start_date: str | None
    end_date: str | None

    @staticmethod
    def resolve_start_date(row) -> str | None:
        return _iso(row.start)

    @staticmethod
    def resolve_end_date(row) -> str | None:
        return _iso(row.end)


class OrganizationBrief(Schema):
    id: str = Field(alias="slug")
    classification: str
    name: str
    names: Text
    country: str | None

    @staticmethod
    def resolve_names(org) -> dict:
        return _both(org, "name")

    @staticmethod
    def resolve_country(org) -> str | None:
        return org.country.iso3 if org.country_id else None


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

    @staticmethod
    def resolve_parent(org) -> str | None:
        return _slug(org.parent)

    @staticmethod
    def resolve_sent_by(org) -> str | None:
        return _slug(org.sent_by)

    @staticmethod
    def resolve_founding_date(org) -> str | None:
        return _iso(org.start)

    @staticmethod
    def resolve_dissolution_date(org) -> str | None:
        return _iso(org.end)

    @staticmethod
    def resolve_links(org) -> list:
        return list(org.links.all())


class Quota(Provenance, Dated):
    id: str = Field(alias="slug")
    delegation: str = Field(alias="delegation.slug")
    chamber: str = Field(alias="chamber.slug")
    chamber_name: str = Field(alias="chamber.name")
    seats: int
    substitute_seats: int
    in_force: bool


class Post(Provenance, Dated):
    id: str = Field(alias="slug")
    label: str
    role: str
    organization: str = Field(alias="organization.slug")
    max_holders: int | None


class OrganizationDetail(Organization):
    children: list[OrganizationBrief] = Field(alias="parts")
    quotas: list[Quota] = Field(alias="quota_versions")
    posts: list[Post] = Field(alias="post_list")


class Membership(Provenance, Dated):
    id: str = Field(alias="slug")
    person: str = Field(alias="person.slug")
    person_name: str = Field(alias="person.name")
    organization: str = Field(alias="organization.slug")
    organization_name: str = Field(alias="organization.name")
    post: str | None
    post_label: str | None
    role: str
    label: str
    on_behalf_of: str | None
    status: str

    @staticmethod
    def resolve_post(row) -> str | None:
        return _slug(row.post)

    @staticmethod
    def resolve_post_label(row) -> str | None:
        return row.post.label if row.post_id else None

    @staticmethod
    def resolve_on_behalf_of(row) -> str | None:
        return _slug(row.on_behalf_of)


class PersonBrief(Schema):
    id: str = Field(alias="slug")
    name: str
    names: Text

    @staticmethod
    def resolve_names(person) -> dict:
        return _both(person, "name")


class Person(PersonBrief, Provenance):
    given_name: str
    family_name: str
    patronymic_name: str
    other_names: list[OtherName]
    identifiers: list[Identifier]
    links: list[Link]

    @staticmethod
    def resolve_links(person) -> list:
        return list(person.links.all())


class PersonDetail(Person):
    memberships: list[Membership] = Field(alias="membership_list")


class Assembly(Organization):
    seats: int = Field(description="Full seats in force on the as-of date.")
    delegations: list[str]

    @staticmethod
    def resolve_seats(assembly) -> int:
        return assembly.totals.seats

    @staticmethod
    def resolve_delegations(assembly) -> list[str]:
        return assembly.totals.delegations


class Event(Provenance, Dated):
    id: str = Field(alias="slug")
    kind: str
    title: str
    titles: Text
    description: str
    place: str
    number: int | None
    organizer: str | None
    country: str | None

    @staticmethod
    def resolve_titles(event) -> dict:
        return _both(event, "title")

    @staticmethod
    def resolve_organizer(event) -> str | None:
        return _slug(event.organizer)

    @staticmethod
    def resolve_country(event) -> str | None:
        return event.country.iso3 if event.country_id else None


class NewsItem(Provenance):
    id: str = Field(alias="slug")
    date: str
    language: str
    title: str
    titles: Text
    body: str
    countries: list[str]
    people: list[str]
    organizations: list[str]
    events: list[str]

    @staticmethod
    def resolve_date(item) -> str:
        return item.date.isoformat()

    @staticmethod
    def resolve_titles(item) -> dict:
        return _both(item, "title")

    @staticmethod
    def resolve_countries(item) -> list[str]:
        return [c.iso3 for c in item.countries.all()]

    @staticmethod
    def resolve_people(item) -> list[str]:
        return [p.slug for p in item.people.all()]

    @staticmethod
    def resolve_organizations(item) -> list[str]:
        return [o.slug for o in item.organizations.all()]

    @staticmethod
    def resolve_events(item) -> list[str]:
        return [e.slug for e in item.events.all()]


class SearchHit(Schema):
    kind: str
    id: str
    label: str
    score: float


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
