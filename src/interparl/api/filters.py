"""The filters of the API's lists, as django-ninja ``FilterSchema``s: each parameter becomes a condition on the
queryset; the conditions that need the registry's knowledge (an organisation's parts, a date in force) come from
its selectors and models.

(No ``from __future__ import annotations`` here: django-ninja reads these annotations when it builds the
query parameters.)"""

from typing import Annotated

from django.db.models import Q
from ninja import Field, FilterLookup, FilterSchema
from ninja.errors import HttpError

from interparl.dates import IsoDate
from interparl.registry import models, selectors

AS_OF = Field(None, description="Answer as of this date (YYYY-MM-DD).")


class PeopleFilter(FilterSchema):
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO alpha-3 code of the state.")
    organization: str | None = Field(None, max_length=120, description="Members of this organisation or its parts.")
    as_of: IsoDate | None = AS_OF

    def custom_expression(self) -> Q:
        if not (self.country or self.organization or self.as_of):
            return Q()
        found = selectors.members(country=self.country, organization=self.organization, at=self.as_of)
        return Q(pk__in=found)


class OrganizationFilter(FilterSchema):
    classification: str | None = Field(None, description="e.g. assembly, parliament, chamber, delegation.")
    country: Annotated[str | None, FilterLookup("country__iso3")] = Field(None, pattern=r"^[A-Z]{3}$")
    parent: str | None = Field(None, max_length=120)
    as_of: IsoDate | None = AS_OF

    def filter_classification(self, value) -> Q:
        if value is None:
            return Q()
        if value not in models.Organization.Classification.values:
            raise HttpError(422, f"unknown classification '{value}'")
        return Q(classification=value)

    def filter_parent(self, value) -> Q:
        if value is None:
            return Q()
        return Q(parent=selectors.get_organization(value))

    def filter_as_of(self, value) -> Q:
        if value is None:
            return Q()
        return models.in_force(models.Organization, value)


class EventFilter(FilterSchema):
    date_from: IsoDate | None = Field(None, alias="from", description="Events ending on or after this date.")
    date_to: IsoDate | None = Field(None, alias="to", description="Events starting on or before this date.")
    kind: str | None = Field(None, description="summit, plenary_session, council_meeting, forum, anniversary…")

    def filter_date_from(self, value) -> Q:
        if value is None:
            return Q()
        return _date_range(self.date_from, self.date_to, "start_date", "end_date")

    def filter_date_to(self, value) -> Q:
        if value is None:
            return Q()
        return Q(start_date__lte=value)

    def filter_kind(self, value) -> Q:
        if value is None:
            return Q()
        if value not in models.Event.Kind.values:
            raise HttpError(422, f"unknown event kind '{value}'")
        return Q(kind=value)


class NewsFilter(FilterSchema):
    date_from: IsoDate | None = Field(None, alias="from")
    date_to: IsoDate | None = Field(None, alias="to")
    country: Annotated[str | None, FilterLookup("countries__iso3")] = Field(None, pattern=r"^[A-Z]{3}$")
    person: str | None = Field(None, max_length=120)
    organization: str | None = Field(None, max_length=120)

    def filter_date_from(self, value) -> Q:
        if value is None:
            return Q()
        return _date_range(self.date_from, self.date_to, "date", "date")

    def filter_date_to(self, value) -> Q:
        if value is None:
            return Q()
        return Q(date__lte=value)

    def filter_person(self, value) -> Q:
        if value is None:
            return Q()
        return Q(people=selectors.get_person(value))

    def filter_organization(self, value) -> Q:
        if value is None:
            return Q()
        return Q(organizations=selectors.get_organization(value))


def _date_range(date_from, date_to, first: str, last: str) -> Q:
    """On or after ``date_from``: ending then or later (or, without an end, starting then or later)."""
    if date_from and date_to and date_to < date_from:
        raise HttpError(422, f"'to' ({date_to}) is before 'from' ({date_from})")
    return Q(**{f"{last}__gte": date_from}) | Q(**{f"{last}__isnull": True, f"{first}__gte": date_from})
