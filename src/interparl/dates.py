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
