"""Dates as texts write them — "19 December", «19 декабря 2025 года», "March 2027", 2026-11-27 — with the year
from the text's own dateline when a date omits it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS_EN = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS_RU = {
    stem: i
    for i, stem in enumerate(
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"],
        start=1,
    )
}
MONTH_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_RU = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"


@functools.lru_cache(maxsize=10_000)
def month_number(word: str) -> int | None:
    word = word.lower()
    if word in MONTHS_EN:
        return MONTHS_EN[word]
    for stem, number in sorted(MONTHS_RU.items(), key=lambda item: -len(item[0])):
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
            return number
    return None


def make_date(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    try:
        if month and day:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


DATE_EN = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:(?:\s*[–—-]\s*|\s+(?:to|until|till|and)\s+)(?P<d2>\d{{1,2}}))?\s+(?P<m1>{MONTH_EN})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{MONTH_EN})\s+(?P<d3>\d{{1,2}})(?:\s*[–—-]\s*(?P<d4>\d{{1,2}}))?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{MONTH_EN})\s+(?P<y3>\d{{4}}))\b"
)
_ORDINALS_RU = (
    "перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат тринадцат четырнадцат "
    "пятнадцат шестнадцат семнадцат восемнадцат девятнадцат"
).split()


def _genitive(stem: str) -> str:
    return stem + ("ьего" if stem == "трет" else "ого")


# «первого октября», «двадцать пятого мая»: a day written as an ordinal word (genitive) counts as its digits
DAY_WORDS_RU = {
    **{_genitive(stem): day for day, stem in enumerate(_ORDINALS_RU, start=1)},
    "двадцатого": 20,
    "тридцатого": 30,
    **{f"двадцать {_genitive(stem)}": 20 + day for day, stem in enumerate(_ORDINALS_RU[:9], start=1)},
    "тридцать первого": 31,
}
DAY_WORD_RU = "|".join(sorted(DAY_WORDS_RU, key=len, reverse=True)).replace("четверт", "четв[её]рт")
DAY_WORD_CUE = re.compile(r"го\s+" + MONTH_RU, re.IGNORECASE)  # «…го октября»: worth reading with DATE_RU
DATE_RU = re.compile(
    rf"(?<!\w)(?:(?P<d1>\d{{1,2}}|(?i:{DAY_WORD_RU}))(?:(?:\s*[–—-]\s*|\s+(?:по|и)\s+)(?P<d2>\d{{1,2}}))?\s+(?P<m1>{MONTH_RU})"
    rf"(?:\s+(?P<y1>\d{{4}})(?:\s*(?:года|г\.))?)?)(?!\w)"
)
DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")


@dataclass
class FoundDate:
    start: str | None
    end: str | None
    has_year: bool
    position: tuple[int, int]


def find_dates(text: str, language: str, default_year: int | None) -> list[FoundDate]:
    found = []
    for match in (DATE_RU if language == "ru" else DATE_EN).finditer(text):
        groups = match.groupdict()
        month = month_number(groups.get("m1") or groups.get("m2") or groups.get("m3") or "")
        first = groups.get("d1") or groups.get("d3")
        if first and not first.isdigit():
            first = str(DAY_WORDS_RU[first.lower().replace("ё", "е")])
        last = groups.get("d2") or groups.get("d4")
        year_text = groups.get("y1") or groups.get("y2") or groups.get("y3")
        year = int(year_text) if year_text else default_year
        if not month:
            continue
        start = make_date(year, month, int(first) if first else None)
        end = make_date(year, month, int(last)) if last else None
        found.append(FoundDate(start, end, bool(year_text), match.span()))
    for match in DATE_ISO.finditer(text):
        start = make_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if start:
            found.append(FoundDate(start, None, True, match.span()))
    return sorted(found, key=lambda d: d.position)
