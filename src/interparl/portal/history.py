"""The public change log and the history of one record: what changed, when, who, why, on whose word."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from interparl.changes import log
from interparl.changes.services import redirect_for
from interparl.dates import parse_date
from interparl.registry import models, records, selectors

PER_PAGE = 50


def _moment(value: str, end_of_day: bool) -> dt.datetime | None:
    day = parse_date(value)
    moment = dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min, tzinfo=dt.UTC)
    return moment


def _page(request, filters: log.Filters, context: dict):
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    total = log.count(filters)
    pages = max(1, -(-total // PER_PAGE))
    entries = log.changes(filters, offset=(page - 1) * PER_PAGE, limit=PER_PAGE) if page <= pages else []
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        {
            "entries": entries,
            "total": total,
            "page": page,
            "pages": pages,
            "query": query.urlencode(),
            "kinds": list(records.KINDS),
        }
    )
    return render(request, "portal/changes.html", context)


def changes(request):
    errors = []
    filters = log.Filters()
    kind = request.GET.get("kind", "")
    if kind and kind in records.KINDS:
        filters.kind = kind
    elif kind:
        errors.append(_("“%(value)s” is not a kind of record.") % {"value": kind})
    filters.person = request.GET.get("person", "").strip() or None
    filters.organization = request.GET.get("organization", "").strip() or None
    for name, end_of_day in (("from", False), ("to", True)):
        value = request.GET.get(name, "").strip()
        if value:
            try:
                moment = _moment(value, end_of_day)
            except ValueError:
                errors.append(_("“%(value)s” is not a date.") % {"value": value})
                continue
            if end_of_day:
                filters.until = moment
            else:
                filters.since = moment
    context = {"title": _("Changes to the registry"), "filtering": True, "errors": errors, "values": request.GET}
    return _page(request, filters, context)


def person_history(request, slug: str):
    person = models.Person.objects.filter(slug=slug).first()
    if person is None:
        merged_into = redirect_for(slug)
        if merged_into:
            return redirect(reverse("portal:person-history", args=[merged_into]), permanent=True)
        raise Http404(_("unknown person “%(id)s”") % {"id": slug})
    context = {
        "title": _("History of %(name)s") % {"name": person.name},
        "subject_url": reverse("portal:person", args=[slug]),
        "subject": person.name,
    }
    return _page(request, log.Filters(person=slug), context)


def _organization_page(request, organization: models.Organization, subject_url: str):
    context = {
        "title": _("History of %(name)s") % {"name": organization.name},
        "subject_url": subject_url,
        "subject": organization.name,
    }
    return _page(request, log.Filters(organization=organization.slug), context)


def organization_history(request, slug: str):
    organization = get_object_or_404(models.Organization, slug=slug)
    return _organization_page(request, organization, reverse("portal:organization", args=[slug]))


def delegation_history(request, country: str):
    delegation = (
        models.Organization.objects.filter(
            classification=models.Organization.Classification.DELEGATION,
            country__iso3=country.upper(),
            parent=selectors.default_assembly(),  # the short address is the default assembly's
        )
        .order_by("slug")
        .first()
    )
    if delegation is None:
        raise Http404(_("no delegation of “%(id)s”") % {"id": country})
    return _organization_page(request, delegation, reverse("portal:member", args=[country.lower()]))
