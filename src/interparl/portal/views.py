"""Public pages. Each view reads a date and ids from the request, asks the registry's selectors, renders."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from interparl.changes.services import redirect_for
from interparl.dates import parse_date
from interparl.errors import NotFound
from interparl.registry import models, rotation, search, selectors, versioning

from . import addresses, structured_data
from .seatchart import seat_chart
from .timeline import timeline_svg


def _as_of(request) -> tuple[dt.date, bool, str]:
    """The date asked for (default today), whether it is historical, and an error to show if it was bad."""
    today = timezone.localdate()
    value = request.GET.get("as_of", "").strip()
    if not value:
        return today, False, ""
    try:
        day = parse_date(value)
    except ValueError:
        return today, False, _("“%(value)s” is not a date; showing today.") % {"value": value}
    return day, day != today, ""


def _assembly(slug: str | None = None):
    """The assembly a page is about, and its part of the address (``addresses.path_of``): None for the default."""
    default = selectors.default_assembly()
    if default is None:
        raise Http404(_("The registry holds no assembly yet."))
    if slug is None or slug == default.slug:
        return default, None
    try:
        return selectors.assembly_or_default(slug), slug
    except NotFound as exc:
        raise Http404(str(exc)) from None


def _short_address(request, url: str):
    """The default assembly's page asked for by its long address: one address per page."""
    query = request.META.get("QUERY_STRING", "")
    return redirect(url + (f"?{query}" if query else ""), permanent=True)


def assemblies(request):
    """Every assembly the registry holds, with its seats and delegations today."""
    rows = list(models.Organization.objects.filter(classification=models.Organization.Classification.ASSEMBLY))
    rows.sort(key=lambda a: _natural((a.name or a.slug).casefold()))
    totals = selectors.seat_totals(rows)
    default = selectors.default_assembly()
    listed = [
        {
            "assembly": a,
            "url": addresses.home(addresses.path_of(a, default)),
            "seats": totals[a.pk].seats,
            "delegations": len(totals[a.pk].delegations),
        }
        for a in rows
    ]
    return render(request, "portal/assemblies.html", {"assemblies": listed})


def _natural(text: str) -> list:
    """Sorts "Assembly 2" before "Assembly 10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def home(request, assembly: str | None = None):
    asked = assembly
    assembly, assembly_path = _assembly(asked)
    if asked is not None and assembly_path is None:
        return _short_address(request, addresses.home(None))
    at, historical, date_error = _as_of(request)
    language = translation.get_language()

    def composition_and_chart():
        composition = selectors.composition(assembly, at=at)
        return composition, seat_chart(composition)

    # One cache entry (one registry-version lookup) for the composition and the chart drawn from it.
    composition, chart = versioning.cached(
        ("composition-and-chart", assembly.slug, at, language), composition_and_chart
    )
    # On a dated view, "next events" and "latest news" are those of that date.
    upcoming, _past = selectors.events_around(at=at)
    context = {
        "assembly": assembly,
        "timing": composition,  # it carries status, founding and undated_known_from: no second lookup
        "composition": composition,
        "chart": chart,
        "as_of": at,
        "historical": historical,
        "date_error": date_error,
        "bodies": [b for b in selectors.assembly_bodies(assembly) if b.pk != assembly.pk],
        "chair": next((o for o in composition.officers if o.role == "chair"), None),
        "upcoming": upcoming[:5],
        "news": models.NewsItem.objects.filter(date__lte=at).order_by("-date")[:3],
        "jsonld": structured_data.organization(request, assembly, request.path),
        "assembly_path": assembly_path,
    }
    return render(request, "portal/home.html", context)


def member(request, country: str, assembly: str | None = None):
    asked = assembly
    assembly, assembly_path = _assembly(asked)
    if asked is not None and assembly_path is None:
        return _short_address(request, addresses.member(None, country))
    at, historical, date_error = _as_of(request)
    try:
        page = selectors.member_parliament(assembly, country, at=at)
    except NotFound as exc:
        raise Http404(str(exc)) from None
    context = {
        "assembly": assembly,
        "timing": selectors.as_of_status(assembly, at=at),
        "page": page,
        "as_of": at,
        "historical": historical,
        "date_error": date_error,
        "jsonld": structured_data.organization(request, page.parliament, request.path) if page.parliament else None,
        "assembly_path": assembly_path,
    }
    return render(request, "portal/member.html", context)


def person(request, slug: str):
    try:
        row, memberships = selectors.person_record(slug)
    except NotFound as exc:
        merged_into = redirect_for(slug)
        if merged_into:  # a record merged into another: its address moved for good
            return redirect(reverse("portal:person", args=[merged_into]), permanent=True)
        raise Http404(str(exc)) from None
    today = timezone.localdate()
    current_posts = [m.post.label for m in memberships if m.post_id and m.span.covers(today)]
    context = {
        "person": row,
        "memberships": memberships,
        "today": today,
        "news": row.news.order_by("-date")[:10],
        "sources": {m.source for m in memberships if m.source_id} | ({row.source} if row.source_id else set()),
        "jsonld": structured_data.person(request, row, request.path, current_posts),
    }
    return render(request, "portal/person.html", context)


def chairmanship(request):
    # Whose chairmanship: the one asked for, else that of the organisation the default assembly belongs to.
    slug = request.GET.get("organization") or getattr(_assembly()[0].parent, "slug", None)
    organization = get_object_or_404(models.Organization, slug=slug)
    today = timezone.localdate()
    first = models.Chairmanship.objects.filter(organization=organization).order_by("start_date").first()
    first_year = first.start_date.year if first and first.start_date else today.year
    report = versioning.cached(
        ("chairmanship", organization.slug, first_year, today, translation.get_language()),
        lambda: rotation.chairmanship_terms(organization, first_year, today.year - first_year + 4),
    )
    rule = models.RotationRule.objects.filter(organization=organization).select_related("source").first()
    context = {
        "organization": organization,
        "report": report,
        "rule": rule,
        "today": today,
        "timeline": timeline_svg(report.terms, today),
        "current": next(
            (
                t
                for t in report.terms
                if not t.projected
                and t.start
                and t.start.earliest() <= today
                and (t.end is None or t.end.latest() >= today)
            ),
            None,
        ),
    }
    return render(request, "portal/chairmanship.html", context)


def events(request):
    upcoming, past = selectors.events_around(at=timezone.localdate())
    return render(request, "portal/events.html", {"upcoming": upcoming, "past": past})


def event(request, slug: str):
    row = get_object_or_404(models.Event.objects.select_related("organizer", "country", "source"), slug=slug)
    context = {
        "event": row,
        "news": row.news.order_by("-date"),
        "jsonld": structured_data.event(request, row, request.path),
    }
    return render(request, "portal/event.html", context)


def news(request):
    items = models.NewsItem.objects.prefetch_related("countries").order_by("-date", "slug")
    return render(request, "portal/news.html", {"items": items})


def news_item(request, slug: str):
    row = get_object_or_404(
        models.NewsItem.objects.select_related("source").prefetch_related(
            "countries", "people", "organizations", "events"
        ),
        slug=slug,
    )
    return render(request, "portal/news_item.html", {"item": row})


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    hits = search.search(query, limit=60) if query else []
    groups = {kind: [(h, hit_url(h)) for h in hits if h.kind == kind] for kind in search.KINDS}
    return render(request, "portal/search.html", {"query": query, "groups": groups, "count": len(hits)})


def not_found(request, exception=None):
    # Resolver misses carry a dict of tried patterns: only our own messages are worth showing.
    message = exception.args[0] if exception and exception.args and isinstance(exception.args[0], str) else ""
    return render(request, "portal/404.html", {"message": message}, status=404)


def organization(request, slug: str):
    org = get_object_or_404(models.Organization.objects.select_related("parent", "country", "source"), slug=slug)
    if org.classification == models.Organization.Classification.DELEGATION and org.country_id and org.parent:
        return redirect(addresses.member(addresses.path_of(org.parent), org.country.iso3))
    today = timezone.localdate()
    holders = selectors.current_memberships(today).filter(organization=org).order_by("post__slug", "person__slug")
    context = {
        "org": org,
        "children": org.children.order_by("classification", "slug"),
        "holders": holders,
        "links": org.links.select_related("source"),
        "jsonld": structured_data.organization(request, org, request.path),
    }
    return render(request, "portal/organization.html", context)


def hit_url(hit: search.Hit) -> str:
    if hit.kind == "person":
        return reverse("portal:person", args=[hit.id])
    if hit.kind == "event":
        return reverse("portal:event", args=[hit.id])
    if hit.kind == "news":
        return reverse("portal:news-item", args=[hit.id])
    return reverse("portal:organization", args=[hit.id])


@require_safe
def robots(request):
    """Crawlers may read the portal and the open data, not the editors' admin."""
    lines = ["User-agent: *", "Disallow: /en/admin/", "Disallow: /ru/admin/", "Allow: /"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: answer with the site's icon."""
    icon = finders.find("portal/favicon.svg")
    response = HttpResponse(Path(icon).read_bytes(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
