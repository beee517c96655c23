"""The public read-only JSON API, version 1 (mounted at /api/v1/). Handlers stay thin: parameters are validated
by django-ninja (filters as ``FilterSchema``s, paging by ``PageNumbers``), answers come from the registry's
selectors and are shaped by the API's own schemas (``schemas.py``)."""

import datetime as dt
import functools
import inspect
from typing import Literal

from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from ninja import NinjaAPI, Query
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate

from interparl.changes import log
from interparl.changes.services import redirect_for
from interparl.dates import IsoDate, IsoMoment
from interparl.downloads import urls as downloads
from interparl.errors import NotFound
from interparl.registry import models, records, rotation, search, selectors

from . import computed, schemas
from .filters import EventFilter, NewsFilter, OrganizationFilter, PeopleFilter
from .paging import HitPages, PageNumbers

api = NinjaAPI(
    title="interparl open-data API",
    version="1",
    description=(
        "Read-only access to the registry of inter-parliamentary assemblies: composition on any date, people, "
        "organisations, chairmanships (recorded and projected), events and news. Ids are stable public ids "
        "(slugs and ISO 3166-1 alpha-3 codes). Every list pages the same way (`page`, `per_page`). Names come "
        "in the language asked for with `lang`, falling back to the other one; `names` gives both."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)

Lang = Literal["en", "ru"]
NOT_FOUND = {404: schemas.Error, 422: schemas.Error}


@api.exception_handler(NotFound)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=404)


@api.exception_handler(NinjaValidationError)
def invalid_input(request, exc):
    errors = [
        {"parameter": ".".join(str(part) for part in e.get("loc", ())[1:]) or "request", "problem": e.get("msg", "")}
        for e in exc.errors
    ]
    detail = "; ".join(f"{e['parameter']}: {e['problem']}" for e in errors) or "invalid request"
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


def localized(view):
    """Run the handler in the language asked for (``lang``), so translated names come in it."""

    @functools.wraps(view)
    def wrapper(request, *args, lang: Lang = "en", **kwargs):
        # Active until the request ends (the open-data middleware restores the previous language): the answer is
        # shaped by its schema after the handler returns, and names must come in ``lang`` then too.
        translation.activate(lang)
        return view(request, *args, **kwargs)

    # Show django-ninja the view's own parameters plus ``lang``, so it parses and documents it.
    signature = inspect.signature(view)
    language = inspect.Parameter(
        "lang",
        inspect.Parameter.KEYWORD_ONLY,
        default=Query("en", description="Language of names: en or ru."),
        annotation=Lang,
    )
    parameters = list(signature.parameters.values())
    positional = [p for p in parameters if p.kind != inspect.Parameter.KEYWORD_ONLY]
    keyword = [p for p in parameters if p.kind == inspect.Parameter.KEYWORD_ONLY]
    wrapper.__signature__ = signature.replace(parameters=[*positional, *keyword, language])
    del wrapper.__wrapped__
    return wrapper


AsOf = Query(None, description="Answer as of this date (YYYY-MM-DD).")
ORGANIZATIONS = models.Organization.objects.select_related("parent", "sent_by", "country", "source").prefetch_related(
    Prefetch("links", queryset=models.Link.objects.select_related("source"))
)
PEOPLE = models.Person.objects.select_related("source").prefetch_related(
    Prefetch("links", queryset=models.Link.objects.select_related("source"))
)


def _with_totals(assemblies: list[models.Organization], as_of: dt.date | None) -> list[models.Organization]:
    totals = selectors.seat_totals(assemblies, at=as_of)
    for assembly in assemblies:
        assembly.totals = totals[assembly.pk]
    return assemblies


class _Assemblies:
    """Assemblies with their seats on a date, read only for the page that is sent."""

    def __init__(self, queryset, as_of):
        self.queryset, self.as_of = queryset, as_of

    def all(self):
        return self.queryset.all()

    def __getitem__(self, window: slice):
        return _with_totals(list(self.queryset[window]), self.as_of)


@api.get("/", include_in_schema=False)
def index(request):
    """Where to start: every resource of the API, the schema and the documentation."""
    base = request.build_absolute_uri("/api/v1/")
    resources = ["assemblies", "people", "organizations", "chairmanships", "events", "news", "search", "changes"]
    return {
        "name": api.title,
        "version": api.version,
        "resources": {name: f"{base}{name}" for name in resources},
        "openapi": f"{base}openapi.json",
        "documentation": f"{base}docs",
        "downloads": {
            path.split("/")[-1]: request.build_absolute_uri(path)
            for path in (reverse(f"downloads:{pattern.name}") for pattern in downloads.urlpatterns)
        },
    }


@api.get("/assemblies", response={200: list[schemas.Assembly], **NOT_FOUND}, tags=["assemblies"])
@paginate(PageNumbers)
@localized
def list_assemblies(request, as_of: IsoDate | None = AsOf):
    """Every assembly in the registry, with its seats on the as-of date (default: today)."""
    return _Assemblies(ORGANIZATIONS.filter(classification=models.Organization.Classification.ASSEMBLY), as_of)


@api.get("/assemblies/{slug}", response={200: schemas.Assembly, **NOT_FOUND}, tags=["assemblies"])
@localized
def get_assembly(request, slug: str, as_of: IsoDate | None = AsOf):
    """One assembly, e.g. `csto-pa`."""
    assembly = selectors.get_organization(slug, models.Organization.Classification.ASSEMBLY)
    return _with_totals([ORGANIZATIONS.get(pk=assembly.pk)], as_of)[0]


@api.get("/assemblies/{slug}/composition", response={200: computed.Composition, **NOT_FOUND}, tags=["assemblies"])
@localized
def get_composition(request, slug: str, as_of: IsoDate | None = AsOf):
    """Per delegation: country, parliament, chambers with quota and seats filled, members, post holders,
    participation status, and quotas from other sources that disagree."""
    assembly = selectors.get_organization(slug, models.Organization.Classification.ASSEMBLY)
    return computed.composition_response(assembly, at=as_of or dt.date.today())


@api.get("/people", response={200: list[schemas.Person], **NOT_FOUND}, tags=["people"])
@paginate(PageNumbers)
@localized
def list_people(
    request,
    filters: PeopleFilter = Query(...),
    q: str | None = Query(None, max_length=200, description="Any name form, Cyrillic or Latin, misspelled a little."),
):
    """People, filtered by name, state, organisation and date; with `q`, best matches first."""
    people = filters.filter(PEOPLE.all())
    if not q:
        return people
    ranked = [hit.id for hit in search.search(q, kinds=("person",), limit=500)]
    by_slug = {p.slug: p for p in people.filter(slug__in=ranked)}
    return [by_slug[slug] for slug in ranked if slug in by_slug]


@api.get("/people/{slug}", response={200: schemas.PersonDetail, **NOT_FOUND}, tags=["people"])
@localized
def get_person(request, slug: str, as_of: IsoDate | None = AsOf):
    """One person with memberships and posts over time (only those in force on `as_of`, if given)."""
    person = PEOPLE.filter(slug=slug).first()
    if person is None:
        merged_into = redirect_for(slug)
        if merged_into:  # merged into another record: the address moved for good
            return HttpResponsePermanentRedirect(
                request.get_full_path().replace(f"/people/{slug}", f"/people/{merged_into}", 1)
            )
        raise NotFound(f"unknown person '{slug}'")
    person.membership_list = selectors.memberships_of(person, at=as_of)
    return person


@api.get("/organizations", response={200: list[schemas.Organization], **NOT_FOUND}, tags=["organizations"])
@paginate(PageNumbers)
@localized
def list_organizations(request, filters: OrganizationFilter = Query(...)):
    """Organisations: intergovernmental organisations, assemblies, parliaments, chambers, delegations, bodies."""
    return filters.filter(ORGANIZATIONS.all())


@api.get("/organizations/{slug}", response={200: schemas.OrganizationDetail, **NOT_FOUND}, tags=["organizations"])
@localized
def get_organization(request, slug: str, as_of: IsoDate | None = AsOf):
    """One organisation with its parts, seat quotas (for a delegation) and posts."""
    org = ORGANIZATIONS.get(pk=selectors.get_organization(slug).pk)
    org.parts, org.quota_versions, org.post_list = selectors.organization_parts(org, at=as_of)
    return org


@api.get("/chairmanships", response={200: computed.RotationReport, **NOT_FOUND}, tags=["chairmanships"])
@localized
def list_chairmanships(
    request,
    organization: str = Query("csto", max_length=120, description="The chaired organisation."),
    from_year: int | None = Query(None, alias="from", ge=1900, le=2200, description="First year (default: this year)."),
    years: int = Query(5, ge=1, le=100, description="How many years."),
):
    """Recorded and projected chairmanship terms; each projection states its assumption."""
    org = selectors.get_organization(organization)
    return rotation.chairmanship_terms(org, from_year or dt.date.today().year, years)


@api.get("/events", response={200: list[schemas.Event], **NOT_FOUND}, tags=["events"])
@paginate(PageNumbers)
@localized
def list_events(request, filters: EventFilter = Query(...)):
    """Summits, sessions, meetings, forums and anniversaries, in date order."""
    return filters.filter(models.Event.objects.select_related("organizer", "country", "source"))


class _ChangeLog:
    """The change log as a sequence the pager can count and slice (read page by page, not whole)."""

    def __init__(self, filters: log.Filters):
        self.filters = filters

    def all(self):
        return self

    def count(self) -> int:
        return log.count(self.filters)

    def __getitem__(self, window: slice):
        changes = log.changes(self.filters, offset=window.start, limit=window.stop - window.start)
        return [change.to_dict() for change in changes]


@api.get("/changes", response={200: list[schemas.Change], **NOT_FOUND}, tags=["changes"])
@paginate(PageNumbers)
def list_changes(
    request,
    since: IsoMoment | None = Query(None, description="Only changes after this moment (ISO 8601), for polling."),
    kind: str | None = Query(None, description="Only this kind of record (person, membership, seatquota, …)."),
    person: str | None = Query(None, max_length=120, description="A person and their memberships."),
    organization: str | None = Query(None, max_length=120, description="An organisation, its posts and quotas."),
):
    """What changed in the registry, newest first: who (a role or a public name), when, why, and on whose word."""
    if kind and kind not in records.KINDS:
        raise HttpError(422, f"kind: unknown kind of record '{kind}' (one of {', '.join(records.KINDS)})")
    return _ChangeLog(log.Filters(kind=kind, person=person, organization=organization, since=since))


@api.get("/news", response={200: list[schemas.NewsItem], **NOT_FOUND}, tags=["news"])
@paginate(PageNumbers)
@localized
def list_news(request, filters: NewsFilter = Query(...)):
    """News items, newest first, with the states, people, organisations and events they concern."""
    news = models.NewsItem.objects.select_related("source").prefetch_related(
        "countries", "people", "organizations", "events"
    )
    return filters.filter(news).distinct()


@api.get("/search", response={200: list[schemas.SearchHit], **NOT_FOUND}, tags=["search"])
@paginate(HitPages)
def search_everything(
    request,
    q: str = Query(..., min_length=1, max_length=200, description="Any name form, in either script."),
    kind: Literal["person", "organization", "event", "news"] | None = Query(None),
):
    """People, organisations, events and news matching a name, best first (used for as-you-type suggestions)."""
    return search.search(q, kinds=(kind,) if kind else search.KINDS, limit=500)
