"""The public read-only JSON API, version 1 (mounted at /api/v1/). Handlers stay thin: they validate
parameters, call the registry's selectors and hand rows to the presenters."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import math
from typing import Literal

from django.db.models import Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from ninja import NinjaAPI, Query
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from interparl.changes import log
from interparl.changes.services import redirect_for
from interparl.dates import IsoDate, IsoMoment
from interparl.downloads import urls as downloads
from interparl.registry import models, records, rotation, search, selectors

from . import presenters, schemas

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


@api.exception_handler(selectors.NotFound)
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
        with translation.override(lang):
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


def paginate(request, items, page: int, per_page: int, present) -> dict:
    count = len(items) if isinstance(items, list) else items.count()
    pages = max(1, math.ceil(count / per_page))
    if page > pages:
        raise HttpError(404, f"page {page} is past the last page ({pages})")

    def url(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "next": url(page + 1) if page < pages else None,
        "previous": url(page - 1) if page > 1 else None,
        "results": [present(item) for item in items[(page - 1) * per_page : page * per_page]],
    }


Page = Query(1, ge=1, le=100000, description="Page number, from 1.")
PerPage = Query(50, ge=1, le=500, description="Items per page (at most 500).")
AsOf = Query(None, description="Answer as of this date (YYYY-MM-DD).")

ORGANIZATIONS = models.Organization.objects.select_related("parent", "sent_by", "country", "source").prefetch_related(
    Prefetch("links", queryset=models.Link.objects.select_related("source"))
)
PEOPLE = models.Person.objects.select_related("source").prefetch_related(
    Prefetch("links", queryset=models.Link.objects.select_related("source"))
)


def _assembly(org: models.Organization, as_of: dt.date | None) -> dict:
    composition = selectors.composition(org, as_of)
    return {
        **presenters.organization(org),
        "seats": composition.seats,
        "delegations": [d.delegation for d in composition.delegations],
    }


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


@api.get("/assemblies", response={200: schemas.AssemblyPage, **NOT_FOUND}, tags=["assemblies"])
@localized
def list_assemblies(request, as_of: IsoDate | None = AsOf, page: int = Page, per_page: int = PerPage):
    """Every assembly in the registry, with its seats on the as-of date (default: today)."""
    assemblies = ORGANIZATIONS.filter(classification=models.Organization.Classification.ASSEMBLY)
    return paginate(request, assemblies, page, per_page, lambda org: _assembly(org, as_of))


@api.get("/assemblies/{slug}", response={200: schemas.Assembly, **NOT_FOUND}, tags=["assemblies"])
@localized
def get_assembly(request, slug: str, as_of: IsoDate | None = AsOf):
    """One assembly, e.g. `csto-pa`."""
    selectors.get_organization(slug, models.Organization.Classification.ASSEMBLY)
    return _assembly(ORGANIZATIONS.get(slug=slug), as_of)


@api.get("/assemblies/{slug}/composition", response={200: schemas.Composition, **NOT_FOUND}, tags=["assemblies"])
@localized
def get_composition(request, slug: str, as_of: IsoDate | None = AsOf):
    """Per delegation: country, parliament, chambers with quota and seats filled, members, post holders,
    participation status, and quotas from other sources that disagree."""
    assembly = selectors.get_organization(slug, models.Organization.Classification.ASSEMBLY)
    return selectors.composition(assembly, as_of)


def _descendants(org: models.Organization) -> list[int]:
    ids, frontier = [org.pk], [org.pk]
    while frontier:
        frontier = list(models.Organization.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids += frontier
    return ids


@api.get("/people", response={200: schemas.PersonPage, **NOT_FOUND}, tags=["people"])
@localized
def list_people(
    request,
    q: str | None = Query(None, max_length=200, description="Any name form, Cyrillic or Latin, misspelled a little."),
    country: str | None = Query(None, pattern=r"^[A-Z]{3}$", description="ISO alpha-3 code of the state."),
    organization: str | None = Query(None, max_length=120, description="Members of this organisation or its parts."),
    as_of: IsoDate | None = AsOf,
    page: int = Page,
    per_page: int = PerPage,
):
    """People, filtered by name, state, organisation and date; with `q`, best matches first."""
    people = PEOPLE.all()
    memberships = models.Membership.objects.all()
    if as_of:
        memberships = memberships.current(at=as_of)
    if organization:
        memberships = memberships.filter(organization_id__in=_descendants(selectors.get_organization(organization)))
    if country:
        if not models.Country.objects.filter(iso3=country).exists():
            raise selectors.NotFound(f"unknown country '{country}'")
        memberships = memberships.filter(Q(organization__country__iso3=country))
    if as_of or organization or country:
        people = people.filter(pk__in=memberships.values("person_id"))
    if q:
        ranked = [hit.id for hit in search.search(q, kinds=("person",), limit=500)]
        by_slug = {p.slug: p for p in people.filter(slug__in=ranked)}
        people = [by_slug[slug] for slug in ranked if slug in by_slug]
    return paginate(request, people, page, per_page, presenters.person)


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
        raise selectors.NotFound(f"unknown person '{slug}'")
    memberships = person.memberships.select_related("organization", "post", "on_behalf_of", "source", "person")
    if as_of:
        memberships = memberships.current(at=as_of)
    return {**presenters.person(person), "memberships": [presenters.membership(m) for m in memberships]}


@api.get("/organizations", response={200: schemas.OrganizationPage, **NOT_FOUND}, tags=["organizations"])
@localized
def list_organizations(
    request,
    classification: str | None = Query(None, description="e.g. assembly, parliament, chamber, delegation."),
    country: str | None = Query(None, pattern=r"^[A-Z]{3}$"),
    parent: str | None = Query(None, max_length=120),
    as_of: IsoDate | None = AsOf,
    page: int = Page,
    per_page: int = PerPage,
):
    """Organisations: intergovernmental organisations, assemblies, parliaments, chambers, delegations, bodies."""
    organizations = ORGANIZATIONS.all()
    if classification:
        if classification not in models.Organization.Classification.values:
            raise HttpError(422, f"unknown classification '{classification}'")
        organizations = organizations.filter(classification=classification)
    if country:
        organizations = organizations.filter(country__iso3=country)
    if parent:
        organizations = organizations.filter(parent=selectors.get_organization(parent))
    if as_of:
        organizations = organizations.current(at=as_of)
    return paginate(request, organizations, page, per_page, presenters.organization)


@api.get("/organizations/{slug}", response={200: schemas.OrganizationDetail, **NOT_FOUND}, tags=["organizations"])
@localized
def get_organization(request, slug: str, as_of: IsoDate | None = AsOf):
    """One organisation with its parts, seat quotas (for a delegation) and posts."""
    org = selectors.get_organization(slug)
    org = ORGANIZATIONS.get(pk=org.pk)
    quotas = models.SeatQuota.objects.filter(delegation=org).select_related("delegation", "chamber", "source")
    posts = org.posts.select_related("organization", "source")
    children = org.children.select_related("country")
    if as_of:
        quotas, posts, children = quotas.current(at=as_of), posts.current(at=as_of), children.current(at=as_of)
    return {
        **presenters.organization(org),
        "children": [presenters.organization_brief(c) for c in children],
        "quotas": [presenters.quota(q) for q in quotas],
        "posts": [presenters.post(p) for p in posts],
    }


@api.get("/chairmanships", response={200: schemas.RotationReport, **NOT_FOUND}, tags=["chairmanships"])
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


def _date_range(queryset, date_from, date_to, first="start_date", last="end_date"):
    if date_from and date_to and date_to < date_from:
        raise HttpError(422, f"'to' ({date_to}) is before 'from' ({date_from})")
    if date_from:
        queryset = queryset.filter(
            Q(**{f"{last}__gte": date_from}) | Q(**{f"{last}__isnull": True, f"{first}__gte": date_from})
        )
    if date_to:
        queryset = queryset.filter(**{f"{first}__lte": date_to})
    return queryset


@api.get("/events", response={200: schemas.EventPage, **NOT_FOUND}, tags=["events"])
@localized
def list_events(
    request,
    date_from: IsoDate | None = Query(None, alias="from", description="Events ending on or after this date."),
    date_to: IsoDate | None = Query(None, alias="to", description="Events starting on or before this date."),
    kind: str | None = Query(None, description="summit, plenary_session, council_meeting, forum, anniversary…"),
    page: int = Page,
    per_page: int = PerPage,
):
    """Summits, sessions, meetings, forums and anniversaries, in date order."""
    events = _date_range(models.Event.objects.select_related("organizer", "country", "source"), date_from, date_to)
    if kind:
        if kind not in models.Event.Kind.values:
            raise HttpError(422, f"unknown event kind '{kind}'")
        events = events.filter(kind=kind)
    return paginate(request, events, page, per_page, presenters.event)


class _ChangeLog:
    """The change log as a sequence the pager can count and slice (read page by page, not whole)."""

    def __init__(self, filters: log.Filters):
        self.filters = filters

    def count(self) -> int:
        return log.count(self.filters)

    def __getitem__(self, window: slice):
        return log.changes(self.filters, offset=window.start, limit=window.stop - window.start)


@api.get("/changes", response={200: schemas.ChangePage, **NOT_FOUND}, tags=["changes"])
def list_changes(
    request,
    since: IsoMoment | None = Query(None, description="Only changes after this moment (ISO 8601), for polling."),
    kind: str | None = Query(None, description="Only this kind of record (person, membership, seatquota, …)."),
    person: str | None = Query(None, max_length=120, description="A person and their memberships."),
    organization: str | None = Query(None, max_length=120, description="An organisation, its posts and quotas."),
    page: int = Page,
    per_page: int = PerPage,
):
    """What changed in the registry, newest first: who (a role or a public name), when, why, and on whose word."""
    if kind and kind not in records.KINDS:
        raise HttpError(422, f"kind: unknown kind of record '{kind}' (one of {', '.join(records.KINDS)})")
    filters = log.Filters(kind=kind, person=person, organization=organization, since=since)
    return paginate(request, _ChangeLog(filters), page, per_page, lambda change: change.to_dict())


@api.get("/news", response={200: schemas.NewsPage, **NOT_FOUND}, tags=["news"])
@localized
def list_news(
    request,
    date_from: IsoDate | None = Query(None, alias="from"),
    date_to: IsoDate | None = Query(None, alias="to"),
    country: str | None = Query(None, pattern=r"^[A-Z]{3}$"),
    person: str | None = Query(None, max_length=120),
    organization: str | None = Query(None, max_length=120),
    page: int = Page,
    per_page: int = PerPage,
):
    """News items, newest first, with the states, people, organisations and events they concern."""
    news = _date_range(
        models.NewsItem.objects.select_related("source").prefetch_related(
            "countries", "people", "organizations", "events"
        ),
        date_from,
        date_to,
        first="date",
        last="date",
    )
    if country:
        news = news.filter(countries__iso3=country)
    if person:
        if not models.Person.objects.filter(slug=person).exists():
            raise selectors.NotFound(f"unknown person '{person}'")
        news = news.filter(people__slug=person)
    if organization:
        news = news.filter(organizations=selectors.get_organization(organization))
    return paginate(request, news.distinct(), page, per_page, presenters.news_item)


@api.get("/search", response={200: schemas.SearchPage, **NOT_FOUND}, tags=["search"])
def search_everything(
    request,
    q: str = Query(..., min_length=1, max_length=200, description="Any name form, in either script."),
    kind: Literal["person", "organization", "event", "news"] | None = Query(None),
    page: int = Page,
    per_page: int = Query(20, ge=1, le=100, description="Hits per page (at most 100)."),
):
    """People, organisations, events and news matching a name, best first (used for as-you-type suggestions)."""
    kinds = (kind,) if kind else search.KINDS
    hits = search.search(q, kinds=kinds, limit=500)
    return paginate(request, hits, page, per_page, lambda hit: hit.__dict__)
