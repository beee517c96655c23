"""Extraction from texts written for these tests (not copies of any assembly's pages), in both languages."""

from dataclasses import asdict

import pytest

from interparl.ingestion.extract import extract
from interparl.ingestion.knowledge import Knowledge
from tests.ingestion.contract import EXTRACTION_KEYS

KNOWLEDGE = Knowledge()  # general knowledge only: no registry needed to read a page


def read(text, language="auto"):
    return extract(text, language, KNOWLEDGE)[1]


def seats(fact):
    return [(s.chamber, s.count, s.kind) for s in fact.seats]


# -- delegations, English --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, country, expected, total",
    [
        (
            "The delegation of the National Assembly of the Republic of Belarus to the CSTO PA consists of 7 deputies "
            "of the House of Representatives and 4 members of the Council of the Republic.",
            "BLR",
            [("House of Representatives", 7, "member"), ("Council of the Republic", 4, "member")],
            11,
        ),
        (
            "Delegation of the Parliament of Kazakhstan to the CSTO Parliamentary Assembly comprises eight deputies "
            "from the Mazhilis and eight senators.",
            "KAZ",
            [("Mazhilis", 8, "member"), ("senators", 8, "member")],
            16,
        ),
        (
            "The delegation of the Federal Assembly of the Russian Federation to the CSTO PA includes twenty-two "
            "parliamentarians (ten deputies of the State Duma and twelve members of the Federation Council).",
            "RUS",
            [("State Duma", 10, "member"), ("Federation Council", 12, "member")],
            22,
        ),
        (
            "The Jogorku Kenesh of the Kyrgyz Republic is represented in the CSTO PA by six deputies.",
            "KGZ",
            [("Jogorku Kenesh", 6, "member")],
            6,
        ),
        (
            "The delegation of the Supreme Assembly of the Republic of Tajikistan to the CSTO PA is composed of six "
            "members of the National Assembly of the Supreme Assembly of the Republic of Tajikistan and six deputies "
            "of the Assembly of Representatives.",
            "TJK",
            [
                ("National Assembly", 6, "member"),
                ("Assembly of Representatives", 6, "member"),
            ],
            12,
        ),
        (
            "The delegation of the French Parliament to PACE consists of 18 full representatives and 18 substitutes.",
            "FRA",
            [(None, 18, "member"), (None, 18, "substitute")],
            36,
        ),
        ("The German delegation to the OSCE PA comprises 13 members.", "DEU", [(None, 13, "member")], 13),
        (
            "The delegation of the National Assembly of Armenia to the CSTO PA is represented by 4 deputies.",
            "ARM",
            [(None, 4, "member")],
            4,
        ),
    ],
)
def test_delegation_composition_in_english(sentence, country, expected, total):
    result = read(sentence)
    assert len(result.delegations) == 1, result
    fact = result.delegations[0]
    assert (fact.country, seats(fact), fact.total) == (country, expected, total)
    assert fact.span == [0, len(sentence)]
    assert result.unparsed == []


# -- delegations, Russian --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, country, expected",
    [
        (
            "Делегация Национального собрания Республики Беларусь в ПА ОДКБ состоит из семи депутатов Палаты "
            "представителей и четырёх членов Совета Республики.",
            "BLR",
            [("Палата представителей", 7, "member"), ("Совет Республики", 4, "member")],
        ),
        (
            "Делегация Национального собрания Республики Беларусь в ПА ОДКБ представлена шестью депутатами Палаты "
            "представителей и тремя членами Совета Республики.",
            "BLR",
            [("Палата представителей", 6, "member"), ("Совет Республики", 3, "member")],
        ),
        (
            "Делегация Парламента Республики Казахстан в ПА ОДКБ включает 8 депутатов Мажилиса и 5 депутатов Сената.",
            "KAZ",
            [("Мажилис", 8, "member"), ("Сенат", 5, "member")],
        ),
        (
            "Делегация Жогорку Кенеша Кыргызской Республики в ПА ОДКБ состоит из шести депутатов.",
            "KGZ",
            [(None, 6, "member")],
        ),
        (
            "В состав делегации Федерального Собрания Российской Федерации в ПА ОДКБ входят 10 депутатов "
            "Государственной Думы и 12 членов Совета Федерации.",
            "RUS",
            [("Государственная Дума", 10, "member"), ("Совет Федерации", 12, "member")],
        ),
        (
            "Делегация Маджлиси Оли Республики Таджикистан в ПА ОДКБ состоит из двенадцати парламентариев: шести "
            "членов Маджлиси милли Маджлиси Оли Республики Таджикистан и шести депутатов Маджлиси намояндагон.",
            "TJK",
            [
                ("Маджлиси милли", 6, "member"),
                ("Маджлиси намояндагон", 6, "member"),
            ],
        ),
        (
            "Делегация Парламента Французской Республики в ПАСЕ состоит из 18 членов и 18 заместителей.",
            None,
            [(None, 18, "member"), (None, 18, "substitute")],
        ),
    ],
)
def test_delegation_composition_in_russian(sentence, country, expected):
    result = read(sentence)
    assert result.language == "ru"
    assert len(result.delegations) == 1, result
    fact = result.delegations[0]
    if country:
        assert fact.country == country
    assert seats(fact) == expected


# -- people ----------------------------------------------------------------------------------------


def test_a_label_with_two_posts_joined_by_a_comma():
    result = read(
        "Plenipotentiary representative of the Parliament of the Republic of Kazakhstan, deputy Executive "
        "Secretary of the PA: Viktor Rogalev."
    )
    assert [asdict(p) for p in result.people] == [
        {
            "name": "Viktor Rogalev",
            "country": "KAZ",
            "organization": "Parliament of the Republic of Kazakhstan",
            "roles": ["plenipotentiary_representative", "deputy_executive_secretary"],
            "span": [0, 133],
            "start": None,
            "assembly_code": None,
        }
    ]


def test_a_russian_label_with_a_dash_and_a_surname_first_name():
    result = read(
        "Полномочный представитель Федерального Собрания Российской Федерации в ПА ОДКБ – заместитель "
        "Ответственного секретаря ПА ОДКБ: Кротов Михаил Иосифович."
    )
    person = result.people[0]
    assert person.name == "Кротов Михаил Иосифович"
    assert person.country == "RUS"
    assert person.roles == ["plenipotentiary_representative", "deputy_executive_secretary"]
    assert person.organization == "Федерального Собрания Российской Федерации"


def test_deputy_executive_secretary_is_not_read_as_executive_secretary():
    result = read("Deputy Executive Secretary of the CSTO PA: Anna Petrova.")
    assert result.people[0].roles == ["deputy_executive_secretary"]
    assert result.people[0].country is None  # an officer of the assembly, not of a state


def test_name_first_and_head_of_delegation():
    result = read("Ivan Sidorov is the head of the delegation of the Parliament of Kazakhstan.")
    assert (result.people[0].name, result.people[0].roles, result.people[0].country) == (
        "Ivan Sidorov",
        ["head_of_delegation"],
        "KAZ",
    )


def test_a_list_of_named_members_takes_the_state_from_the_heading():
    result = read(
        "Republic of Tajikistan\nMembers of the delegation: Rustami Emomali, Nizom Kosim and Zainudin Safarov."
    )
    assert [(p.name, p.country, p.roles) for p in result.people] == [
        ("Rustami Emomali", "TJK", ["member"]),
        ("Nizom Kosim", "TJK", ["member"]),
        ("Zainudin Safarov", "TJK", ["member"]),
    ]
    russian = read("Республика Таджикистан\nЧлены делегации: Рустами Эмомали, Низом Косим и Зайнудин Сафаров.")
    assert [p.name for p in russian.people] == ["Рустами Эмомали", "Низом Косим", "Зайнудин Сафаров"]
    assert {p.country for p in russian.people} == {"TJK"}


def test_the_chair_of_the_assembly():
    result = read("Председатель ПА ОДКБ – Володин Вячеслав Викторович.")
    assert result.people[0].roles == ["chair"] and result.people[0].name == "Володин Вячеслав Викторович"


# -- websites --------------------------------------------------------------------------------------


def test_websites_in_plain_text_and_html():
    text = (
        "<h2>Republic of Belarus</h2><p>Website of the House of Representatives: "
        '<a href="http://house.gov.by/en/">house.gov.by</a></p>'
        "<p>Official website of the Council of the Republic: http://www.sovrep.gov.by/ru/</p>"
    )
    reduced, result = extract(text, "auto", KNOWLEDGE)
    assert [(w.url, w.owner, w.country) for w in result.websites] == [
        ("http://house.gov.by/en/", "House of Representatives", "BLR"),
        ("http://www.sovrep.gov.by/ru/", "Council of the Republic", "BLR"),
    ]
    first = result.websites[0].span
    assert "http://house.gov.by/en/" in reduced[first[0] : first[1]]


def test_russian_website():
    result = read("Официальный сайт Мажилиса Парламента Республики Казахстан: http://www.parlam.kz/ru/mazhilis")
    assert result.websites[0].url == "http://www.parlam.kz/ru/mazhilis"
    assert result.websites[0].country == "KAZ"


def test_an_address_mentioned_in_passing_is_not_a_website_fact():
    result = read("The report was discussed at length, see https://example.org/report for the full text.")
    assert result.websites == []


# -- chairmanships ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, country, start, announced",
    [
        ("From 1 January 2026 Russia chairs the CSTO.", "RUS", "2026-01-01", False),
        (
            "Since January 1, 2026, the Russian Federation has been chairing the Collective Security Treaty "
            "Organization.",
            "RUS",
            "2026-01-01",
            False,
        ),
        ("The chairmanship of the CSTO passed to Tajikistan on 1 January 2027.", "TJK", "2027-01-01", False),
        ("Kyrgyzstan took over the chairmanship of the CSTO on 28 November 2024.", "KGZ", "2024-11-28", False),
        ("С 1 января 2026 года Россия председательствует в ОДКБ.", "RUS", "2026-01-01", False),
        ("Председательство в ОДКБ перешло к Кыргызстану.", "KGZ", None, False),
        ("Таджикистан примет председательство в ОДКБ с 1 января 2027 года.", "TJK", "2027-01-01", True),
        ("In 2027 the chairmanship of the CSTO will pass to Tajikistan.", "TJK", "2027", True),
        ("В 2027 году председательство в ОДКБ перейдёт к Таджикистану.", "TJK", "2027", True),
    ],
)
def test_chairmanship_hand_overs(sentence, country, start, announced):
    result = read(sentence)
    assert len(result.chairmanships) == 1, result
    assert asdict(result.chairmanships[0]) == {
        "organization": "CSTO",
        "country": country,
        "start": start,
        "end": None,
        "span": [0, len(sentence)],
        "announced": announced,
    }


# -- events ----------------------------------------------------------------------------------------


def test_dated_events_take_a_missing_year_from_the_dateline():
    result = read(
        "Moscow, 20 October 2026\n"
        "On 27 November 2025, at the CSTO summit in Bishkek, the heads of state adopted a declaration.\n"
        "On November 16 the Assembly will celebrate its 20th anniversary.\n"
        "The 11th plenary session of the CSTO PA was held on 29–30 October 2018 in Moscow."
    )
    assert [(e.date, e.end_date, e.title, e.place) for e in result.events] == [
        ("2025-11-27", None, "CSTO summit", "Bishkek"),
        ("2026-11-16", None, "20th anniversary of the Assembly", None),
        ("2018-10-29", "2018-10-30", "11th plenary session of the CSTO PA", "Moscow"),
    ]


def test_russian_events():
    result = read(
        "Москва, 20 октября 2026 года\n27 ноября 2025 года в Бишкеке состоялся саммит ОДКБ.\n"
        "16 ноября Ассамблея отметит 20-летие."
    )
    assert [(e.date, e.title, e.place) for e in result.events] == [
        ("2025-11-27", "саммит ОДКБ", "Бишкек"),
        ("2026-11-16", "20-летие Ассамблеи", None),
    ]


# -- nothing made up, nothing dropped ---------------------------------------------------------------


def test_every_sentence_is_accounted_for_and_spans_point_into_the_text():
    raw = open("tests/ingestion/texts/delegations_en.txt", encoding="utf-8").read()
    text, result = extract(raw, "auto", KNOWLEDGE)
    spans = [tuple(f.span) for kind in result.FACT_KINDS for f in getattr(result, kind)] + [
        tuple(u.span) for u in result.unparsed
    ]
    for start, end in spans:
        assert text[start:end].strip() == text[start:end] and end > start
    assert len(result.delegations) == 5 and len(result.people) == 3 and len(result.websites) == 2
    assert [u.text for u in result.unparsed] == ["National delegations"]


def test_json_shape_has_every_key():
    result = read("Nothing here.").to_dict()
    assert list(result) == EXTRACTION_KEYS


@pytest.mark.parametrize(
    "sentence, expected, total",
    [
        (
            "Delegation of the Republic of Armenia to PACE: 4 representatives and 4 substitutes.",
            [(None, 4, "member"), (None, 4, "substitute")],
            8,
        ),
        ("Делегация Жогорку Кенеша Кыргызской Республики в ПА ОДКБ – 6 депутатов.", [(None, 6, "member")], 6),
        (
            "The delegation of the Parliament of Georgia to the OSCE PA consists of ten members, "
            "of whom four are women.",
            [(None, 10, "member")],
            10,
        ),
        (
            "The delegation of the Parliament of Georgia to the OSCE PA consists of 11 deputies "
            "(7 from the House and 4 "
            "from the Senate).",
            [("House", 7, "member"), ("Senate", 4, "member")],
            11,
        ),
        (
            "Делегация Парламента Республики Казахстан в ПА ОДКБ состоит из 12 депутатов, из них 7 от Мажилиса и 5 от "
            "Сената.",
            [("Мажилис", 7, "member"), ("Сенат", 5, "member")],
            12,
        ),
    ],
)
def test_more_wordings_of_a_composition(sentence, expected, total):
    fact = read(sentence).delegations[0]
    assert (seats(fact), fact.total) == (expected, total)


def test_parts_that_contradict_the_stated_total_give_no_fact():
    sentence = (
        "The delegation of the Parliament of Georgia to the OSCE PA consists of 12 deputies (7 from the House "
        "and 4 from the Senate)."
    )
    result = read(sentence)
    assert result.delegations == [] and [u.text for u in result.unparsed] == [sentence]


@pytest.mark.django_db
def test_a_known_delegate_resolves_to_the_state_of_their_delegation():
    knowledge = Knowledge.from_registry()
    _text, result = extract("Members of the delegation: Rustami Emomali and Низом Косим.", "auto", knowledge)
    assert [(p.name, p.country) for p in result.people] == [("Rustami Emomali", "TJK"), ("Низом Косим", "TJK")]
