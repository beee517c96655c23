"""Dated occasions in wordings of our own: today, dates without a year, ranges, foundings; and dates that are not."""

import pytest

from .helpers import read


def events(text: str) -> list[tuple]:
    return [(e.date, e.end_date, e.place) for e in read(text).events]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Riga, 14 May 2027\n\nThe Bureau of the Assembly met in Riga today.", [("2027-05-14", None, "Riga")]),
        (
            "Алматы, 2 октября 2026 года\n\nСегодня в Алматы открылся Евразийский парламентский форум.",
            [("2026-10-02", None, "Алматы")],
        ),
        (
            "Vienna, 1 June 2026\n\nThe autumn session will be held in Geneva from 12 to 14 October.",
            [("2026-10-12", "2026-10-14", "Geneva")],
        ),
        (
            "Москва, 25 ноября 2026 года\n\nОчередное заседание Совета Ассамблеи пройдёт 15 января в Бишкеке.",
            [("2027-01-15", None, "Бишкек")],
        ),
        ("The Assembly was founded on 26 March 1992 in Tashkent.", [("1992-03-26", None, "Tashkent")]),
        ("The Bureau will meet in St. Petersburg on 2 June 2026.", [("2026-06-02", None, "St Petersburg")]),
        ("Ассамблея была учреждена 27 марта 1992 года в Алма-Ате.", [("1992-03-27", None, "Алма-Ата")]),
    ],
)
def test_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Under the Agreement of 15 May 1992 the states formed a collective security system.",
        "Согласно Положению от 16 ноября 2006 года Ассамблея принимает модельные законы.",
        "The session will continue until 30 June 2026.",
        "The museum is open daily from 10 to 18 hours.",
        "The next session will take place in the spring.",
        "Погода 3 мая была солнечной.",
        "The Assembly was founded in 1992.",
    ],
)
def test_dates_that_are_no_occasion(text):
    assert read(text).events == []


def test_the_same_occasion_is_reported_once():
    text = (
        "Paris, 3 July 2026\n\nThe Assembly opened its session in Paris today. "
        "At the session today it elected a Bureau."
    )
    assert events(text) == [("2026-07-03", None, "Paris")]


def test_consultations_and_a_part_session_are_occasions():
    text = "Vaduz, 3 March 2027\n\nThe Bureau was today elected at the opening of the spring part-session."
    assert events(text) == [("2027-03-03", None, None)]
    text = "Алматы, 3 марта 2027 года\n\n2 марта в Алматы прошли консультации секретариатов парламентов."
    assert events(text) == [("2027-03-02", None, "Алматы")]


def test_a_day_written_as_an_ordinal_word():
    text = "Баку, 30 июня 2027 года\n\nДвадцать девятого июня в Баку открылась сессия Ассамблеи."
    assert events(text) == [("2027-06-29", None, "Баку")]
