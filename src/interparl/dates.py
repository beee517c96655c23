"""One reading of a date given by a user — on the command line, in the API, on the portal, in export addresses:
ISO 8601 calendar dates written out, YYYY-MM-DD. Timestamps, week dates and the basic format (20240101) are not
dates to a reader, so they are refused everywhere alike. Partial dates (2024, 2024-02) are the registry's own
facts, read by ``registry.partial_dates``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str) -> dt.date:
    """The day ``value`` names, or ValueError saying why it is not one."""
    text = str(value).strip()
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"'{text[:40]}' is not a date (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date (no such day in the calendar)") from None


def _from_input(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("expected a date written YYYY-MM-DD")
    return parse_date(value)


IsoDate = Annotated[dt.date, BeforeValidator(_from_input)]
"""A date parameter of the API: only YYYY-MM-DD (pydantic alone would take a Unix timestamp)."""


def parse_moment(value: str) -> dt.datetime:
    """A moment written in ISO 8601 (2026-11-28T10:00:00+03:00, or a plain date for its midnight), in UTC."""
    text = str(value).strip()
    if not _ISO_DATE.match(text[:10]):
        raise ValueError(f"'{text[:40]}' is not a moment (expected YYYY-MM-DDTHH:MM:SS with an offset, or a date)")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text[:40]}' is not a moment (expected YYYY-MM-DDTHH:MM:SS with an offset)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError(f"'{text[:40]}' is outside the calendar") from None


def _moment_from_input(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if not isinstance(value, str):
        raise ValueError("expected a moment written YYYY-MM-DDTHH:MM:SS+00:00")
    return parse_moment(value)


IsoMoment = Annotated[dt.datetime, BeforeValidator(_moment_from_input)]
"""A moment parameter of the API, normalised to UTC (so any database can compare it)."""
