"""Bulk downloads: Popolo JSON, CSV, iCalendar, Atom. Thin: the formats live in their own modules."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation

from interparl.registry import models, selectors
from interparl.registry.dataset.popolo import iter_popolo_json

from . import exports
from .calendar import calendar_bytes


def _as_of(request):
    value = request.GET.get("as_of")
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        return None, JsonResponse({"detail": f"as_of: '{value}' is not a date (YYYY-MM-DD)", "errors": []}, status=422)


def popolo(request):
    response = HttpResponse("".join(iter_popolo_json()), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="interparl-popolo.json"'
    return response


def _csv(name: str, columns, rows) -> StreamingHttpResponse:
    response = StreamingHttpResponse(exports.to_csv(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def people_csv(request):
    as_of, error = _as_of(request)
    return error or _csv("people", exports.PEOPLE_COLUMNS, exports.people_rows(as_of))


def memberships_csv(request):
    as_of, error = _as_of(request)
    return error or _csv("memberships", exports.MEMBERSHIP_COLUMNS, exports.membership_rows(as_of))


def delegations_csv(request):
    as_of, error = _as_of(request)
    if error:
        return error
    slug = request.GET.get("assembly")
    try:
        assembly = selectors.get_organization(slug, "assembly") if slug else selectors.default_assembly()
    except selectors.NotFound as exc:
        return JsonResponse({"detail": str(exc), "errors": []}, status=404)
    # A few rows per delegation: built whole, so the response can be cached like the API's.
    body = "".join(exports.to_csv(exports.DELEGATION_COLUMNS, exports.delegation_rows(assembly, as_of)))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="delegations.csv"'
    return response


def events_ics(request, slug: str | None = None):
    """The whole calendar (subscribable), or one event."""
    language = translation.get_language() or "en"
    events = models.Event.objects.order_by("start_date", "slug")
    if slug:
        events = events.filter(slug=slug)
        if not events.exists():
            return JsonResponse({"detail": f"unknown event '{slug}'", "errors": []}, status=404)
    with translation.override(language):
        name = translation.gettext("interparl — events")

    def url_for(event):
        with translation.override(language):
            return request.build_absolute_uri(reverse("portal:event", args=[event.slug]))

    body = calendar_bytes(events, url_for, name, language)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug or "interparl-events"}.ics"'
    return response
