"""Bulk downloads: Popolo JSON, CSV, iCalendar, Atom. Thin: the formats live in their own modules."""

from __future__ import annotations

import threading

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation

from interparl.dates import parse_date
from interparl.errors import NotFound
from interparl.registry import descriptions, models, selectors
from interparl.registry.dataset.popolo_export import iter_popolo_json

from . import tables
from .calendar import calendar_bytes


def _as_of(request):
    value = request.GET.get("as_of")
    if not value:
        return None, None
    try:
        return parse_date(value), None
    except ValueError as exc:
        return None, JsonResponse({"detail": f"as_of: {exc}", "errors": []}, status=422)


# A whole-registry export takes seconds at scale: at most this many are sent at once, so that they cannot take
# every server thread; others are asked to come back (503 with Retry-After).
POPOLO_EXPORTS_AT_ONCE = threading.BoundedSemaphore(2)


class _HeldSlot:
    """The export's pieces; the slot is given back when the server closes the response, sent whole or not."""

    def __init__(self, pieces):
        self.pieces, self.held = pieces, True

    def __iter__(self):
        return (piece.encode() for piece in self.pieces)

    def close(self):
        if self.held:
            self.held = False
            POPOLO_EXPORTS_AT_ONCE.release()


def popolo(request):
    """The whole registry, streamed record by record: never held in memory, never cached whole."""
    if not POPOLO_EXPORTS_AT_ONCE.acquire(blocking=False):
        response = JsonResponse(
            {"detail": "the full export is being sent to other readers; try again shortly", "errors": []}, status=503
        )
        response["Retry-After"] = "30"
        return response

    response = StreamingHttpResponse(_HeldSlot(iter_popolo_json()), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="interparl-popolo.json"'
    return response


def _csv(name: str, columns, rows) -> StreamingHttpResponse:
    response = StreamingHttpResponse(tables.to_csv(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def people_csv(request):
    as_of, error = _as_of(request)
    return error or _csv("people", tables.columns(descriptions.get("person")), tables.people_rows(as_of))


def memberships_csv(request):
    as_of, error = _as_of(request)
    return error or _csv("memberships", tables.columns(descriptions.get("membership")), tables.membership_rows(as_of))


def delegations_csv(request):
    as_of, error = _as_of(request)
    if error:
        return error
    try:
        assembly = selectors.assembly_or_default(request.GET.get("assembly"))
    except NotFound as exc:
        return JsonResponse({"detail": str(exc), "errors": []}, status=404)
    # A few rows per delegation: built whole, so the response can be cached like the API's.
    body = "".join(tables.to_csv(tables.DELEGATION_COLUMNS, tables.delegation_rows(assembly, as_of)))
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
