"""iCalendar (RFC 5545) for events: one event or the whole calendar; shared by the portal and the API."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from interparl.registry import models
from interparl.registry.partial_dates import DAY

PRODUCT = "-//interparl//registry of inter-parliamentary assemblies//EN"


def _event(row: models.Event, url: str, stamp: dt.datetime) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"{row.slug}@interparl")
    entry.add("dtstamp", stamp)
    entry.add("dtstart", row.start_date)
    last = row.end_date if row.end_date and row.end_precision == DAY else row.start_date
    entry.add("dtend", last + dt.timedelta(days=1))  # all-day events end the day after
    entry.add("summary", row.title)
    if row.place:
        entry.add("location", row.place)
    if row.description:
        entry.add("description", row.description)
    entry.add("categories", [row.kind])
    entry.add("url", url)
    if not row.confirmed:
        entry.add("status", "TENTATIVE")
    return entry


def calendar_bytes(events, url_for, name: str, language: str = "en") -> bytes:
    """``events`` with a known day become all-day events; ``url_for(event)`` gives each its page."""
    from interparl.registry.versioning import registry_last_changed

    stamp = registry_last_changed() or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    with translation.override(language):
        for row in events:
            if row.start_date and row.start_precision == DAY:
                calendar.add_component(_event(row, url_for(row), stamp))
    return calendar.to_ical()
