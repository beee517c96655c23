import datetime as dt

import pytest

from interparl.registry.partial_dates import PartialDate, PartialDateError, Span, spans_overlap


def P(text):
    return PartialDate.parse(text) if text else None


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28), "month"),
        ("2026-01-01", dt.date(2026, 1, 1), dt.date(2026, 1, 1), "day"),
    ],
)
def test_parse_gives_bounds_and_precision(text, earliest, latest, precision):
    date = PartialDate.parse(text)
    assert (date.earliest(), date.latest(), date.precision, date.isoformat()) == (earliest, latest, precision, text)


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "24", "2024/02/01", "", "soon"])
def test_parse_rejects_non_dates_with_a_reason(text):
    with pytest.raises(PartialDateError, match="not"):
        PartialDate.parse(text)


def test_stored_bounds_round_trip():
    for text in ("2010-12", "2012", "2019-11-05"):
        date = PartialDate.parse(text)
        assert PartialDate.from_stored(date.earliest(), date.precision) == date
        assert PartialDate.from_stored(date.latest(), date.precision) == date


@pytest.mark.parametrize(
    "a, b, overlap",
    [
        (("2012", "2012"), ("2013", "2013"), False),  # consecutive years
        (("2009-06-14", "2010-12"), ("2010-12", "2011"), False),  # hand-over inside an imprecise month
        (("2008", "2009-06-14"), ("2009-06-14", "2010-12"), False),  # hand-over day shared
        (("2012", "2012"), ("2012", "2012"), True),  # the same year twice
        (("2020-01-01", "2020-12-31"), ("2020-06-01", "2021-05-31"), True),  # precise dates that overlap
        (("2020-01-01", None), ("2022-01-01", "2022-12-31"), True),  # an open term swallows a later one
        (("2012", "2012"), ("2012-03-01", "2012-04-01"), True),  # nested inside
    ],
)
def test_spans_overlap(a, b, overlap):
    first, second = Span(P(a[0]), P(a[1])), Span(P(b[0]), P(b[1]))
    assert spans_overlap(first, second) is overlap
    assert spans_overlap(second, first) is overlap
