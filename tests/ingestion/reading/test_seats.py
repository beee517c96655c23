"""Seat quotas in both languages, in wordings of our own; and counts that are no quota."""

import pytest

from .helpers import read, seats


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Moldova is represented in the Assembly by nine deputies (five from the ruling party and four from the "
            "opposition).",
            [("MDA", None, 9, "member")],
        ),
        (
            "The Uzbek delegation comprises ten parliamentarians: six members of the Legislative Chamber and four "
            "senators.",
            [("UZB", "Legislative Chamber", 6, "member"), ("UZB", "senators", 4, "member")],
        ),
        (
            "The Swiss Federal Assembly sends six representatives and as many substitutes to the Council of Europe "
            "Parliamentary Assembly.",
            [("CHE", "Federal Assembly", 6, "member"), ("CHE", "Federal Assembly", 6, "substitute")],
        ),
        (
            "Austria's delegation to the OSCE PA is made up of 6 members, of whom 4 are full members and 2 are "
            "substitutes.",
            [("AUT", None, 4, "member"), ("AUT", None, 2, "substitute")],
        ),
        (
            "The Polish Sejm and the Senate of Poland delegate five members each to the NATO Parliamentary Assembly.",
            [("POL", "Sejm", 5, "member"), ("POL", "Senate", 5, "member")],
        ),
        (
            "Spain has 12 seats in PACE, Portugal has 7 representatives.",
            [("ESP", None, 12, "member"), ("PRT", None, 7, "member")],
        ),
    ],
)
def test_english_compositions(text, expected):
    assert seats(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Делегация Олий Мажлиса Республики Узбекистан состоит из восьми депутатов Законодательной палаты и "
            "четырёх сенаторов.",
            [("UZB", "Законодательная палата", 8, "member"), ("UZB", "сенаторы", 4, "member")],
        ),
        (
            "Милли Меджлис Азербайджанской Республики представлен в ПАСЕ шестью членами и столько же заместителями.",
            [("AZE", "Милли Меджлис", 6, "member"), ("AZE", "Милли Меджлис", 6, "substitute")],
        ),
        (
            "Туркменистан направляет в Ассамблею делегацию из семерых парламентариев.",
            [("TKM", None, 7, "member")],
        ),
        (
            "Делегация Парламента Грузии насчитывает 12 человек, из них 8 полноправных членов и 4 заместителя.",
            [("GEO", None, 8, "member"), ("GEO", None, 4, "substitute")],
        ),
        (
            "Армения и Молдова имеют в Ассамблее по пять мест.",
            [("ARM", None, 5, "member"), ("MDA", None, 5, "member")],
        ),
        (
            "Россия представлена двадцатью депутатами: по десять от Государственной Думы и Совета Федерации.",
            [("RUS", "Государственная Дума", 10, "member"), ("RUS", "Совет Федерации", 10, "member")],
        ),
    ],
)
def test_russian_compositions(text, expected):
    assert seats(text) == expected


def test_a_split_after_a_comma_by_parties_keeps_the_total():
    text = (
        "The Parliament of Malta is represented in the Assembly by three delegates, two from the governing party "
        "and one from the opposition."
    )
    assert seats(text) == [("MLT", "Parliament", 3, "member")]


def test_an_assembly_the_tables_do_not_know_is_named_as_written():
    delegation = read("The Estonian Riigikogu delegation to the Baltic Assembly has twelve members.").delegations[0]
    assert (delegation.country, delegation.assembly_code, delegation.seats[0].chamber) == (
        "EST",
        "Baltic Assembly",
        "Riigikogu",
    )


def test_parts_that_name_chambers_and_contradict_the_total_give_nothing():
    assert seats("The Georgian delegation consists of 9 members (5 from the Parliament and 3 from the Senate).") == []


@pytest.mark.parametrize(
    "text",
    [
        "The plenary hall of the Assembly has 480 seats.",
        "В зале пленарных заседаний 300 мест для делегатов.",
        "The Inter-Parliamentary Union brings together 180 national parliaments.",
        "More than 200 parliamentarians from 40 states took part in the forum.",
        "На форуме выступили 25 депутатов из девяти государств.",
        "The Belarusian delegation of twelve deputies visited the memorial.",
        "The committee adopted 14 amendments to the draft.",
    ],
)
def test_counts_that_are_no_quota(text):
    assert read(text).delegations == []


def test_a_past_composition_and_a_state_adjective():
    assert seats("The Russian delegation to PACE was made up of 18 representatives and 18 substitutes.") == [
        ("RUS", None, 18, "member"),
        ("RUS", None, 18, "substitute"),
    ]
    assert seats("Делегация Милли Меджлиса в ПАСЕ состояла из шести представителей и шести заместителей.") == [
        ("AZE", None, 6, "member"),
        ("AZE", None, 6, "substitute"),
    ]


def test_a_chamber_named_whole():
    text = "Italy sends 10 members to the Assembly: 7 from the Chamber of Deputies and 3 from the Senate of the "
    text += "Republic."
    assert seats(text) == [("ITA", "Chamber of Deputies", 7, "member"), ("ITA", "Senate of the Republic", 3, "member")]
