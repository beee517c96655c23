"""Partial dates ("2024", "2024-02", "2024-02-15") and the interval logic built on them.

Sources often give only a year or a month. A partial date is stored as one ``DateField`` plus a
precision. A *start* is stored as the first day of its period and an *end* as the last day, so the
plain SQL test ``start_date <= D <= end_date`` answers "was this true on D?" generously, and the
precision says how to print the date and how sure the boundary is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from interparl.errors import InputError

DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS = ((DAY, "day"), (MONTH, "month"), (YEAR, "year"))

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _as_partial(value):
    return PartialDate.parse(value)


class PartialDateError(InputError, ValueError):
    """A value that is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | int | dt.date | PartialDate) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        return _parse_text(str(value).strip())

    @classmethod
    def _from_text(cls, text: str) -> PartialDate:
        match = _PATTERN.match(text)
        if not match:
            raise PartialDateError(f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise PartialDateError(f"{text!r} is not a date: there is no month {month}")
        if day is not None:
            try:
                dt.date(year, month, day)
            except ValueError as exc:
                raise PartialDateError(f"{text!r} is not a real day ({exc})") from None
        return cls(year, month, day)

    @classmethod
    def from_stored(cls, stored: dt.date | None, precision: str) -> PartialDate | None:
        if stored is None:
            return None
        if precision == YEAR:
            return cls(stored.year)
        if precision == MONTH:
            return cls(stored.year, stored.month)
        return cls(stored.year, stored.month, stored.day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return DAY
        return MONTH if self.month is not None else YEAR

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def isoformat(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.isoformat()


# Dates recur (every membership of a term starts on the same day): each text is read once.
_parse_text = functools.lru_cache(maxsize=4096)(PartialDate._from_text)


@dataclass(frozen=True)
class Span:
    """A period with partial, possibly open, ends (None = unknown start / still running)."""

    start: PartialDate | None
    end: PartialDate | None

    @functools.cached_property  # a span is immutable; the rules ask each for its days many times
    def first_day(self) -> dt.date:
        return self.start.earliest() if self.start else dt.date.min

    @functools.cached_property
    def last_day(self) -> dt.date:
        return self.end.latest() if self.end else dt.date.max

    @functools.cached_property
    def certain_days(self) -> tuple[dt.date, dt.date]:
        """The first and last day the period certainly covers: an imprecise start taken at its latest, an imprecise
        end at its earliest (a period within one month or year may certainly cover no day: then its end)."""
        first = self.start.latest() if self.start else dt.date.min
        last = self.end.earliest() if self.end else dt.date.max
        return min(first, last), last

    def covers(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    def ends_before_start(self) -> bool:
        return self.start is not None and self.end is not None and self.last_day < self.first_day

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else "?"
        end = self.end.isoformat() if self.end else ""
        return f"{start}–{end}"


def _period(date: PartialDate | None) -> tuple[dt.date, dt.date] | None:
    return (date.earliest(), date.latest()) if date else None


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether two periods that should follow each other (terms, single-holder posts) overlap.

    A hand-over that falls inside an imprecise boundary is not an overlap: Russia's term ending
    "2010-12" and Belarus's starting "2010-12" share December only because the sources are vague,
    and a term ending on the day the next one starts shares the hand-over day.
    """
    if a.first_day > b.first_day or (a.first_day == b.first_day and a.last_day > b.last_day):
        a, b = b, a
    if b.first_day > a.last_day:
        return False
    if a.first_day == b.first_day or b.last_day <= a.last_day:
        return True  # they begin together, or b lies inside a
    shared = (b.first_day, a.last_day)
    if shared[0] == shared[1]:
        return False  # the hand-over day itself
    for boundary in (_period(a.end), _period(b.start)):
        if boundary and boundary[0] <= shared[0] and shared[1] <= boundary[1] and boundary[0] != boundary[1]:
            return False
    return True


# A partial date in pydantic models (read-side results, the API): validated from text or dates, written as
# "YYYY", "YYYY-MM" or "YYYY-MM-DD".
PartialDateField = Annotated[
    PartialDate,
    PlainValidator(_as_partial),
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD"}),
]
