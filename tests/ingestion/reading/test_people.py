"""People and their posts in both languages, in wordings of our own; and names that are no delegation people."""

import pytest

from .helpers import people, read


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Delegates elected Maria Lindqvist (Sweden) as President of the Assembly for a two-year term.",
            [("Maria Lindqvist", "SWE", ["chair"])],
        ),
        (
            "Jan Novak of the Czech Republic, Chairman of the Committee on Legal Affairs of the Assembly, opened "
            "the hearing.",
            [("Jan Novak", "CZE", ["chair"])],
        ),
        (
            "Tomas Berg (Norway) and Anna Weiss (Austria) were re-elected Vice-Presidents of the Assembly.",
            [("Tomas Berg", "NOR", ["deputy_chair"]), ("Anna Weiss", "AUT", ["deputy_chair"])],
        ),
        (
            "Deputy Executive Secretary of the Assembly Irina Volkova presented the report.",
            [("Irina Volkova", None, ["deputy_executive_secretary"])],
        ),
        (
            "The Latvian delegation was led by Speaker of the Saeima Ilze Kalnina.",
            [("Ilze Kalnina", "LVA", ["head_of_delegation"])],
        ),
        (
            "Members of the Slovak delegation: Peter Horvath, Eva Kovacova and Marek Toth.",
            [
                ("Peter Horvath", "SVK", ["member"]),
                ("Eva Kovacova", "SVK", ["member"]),
                ("Marek Toth", "SVK", ["member"]),
            ],
        ),
        (
            "Paul Martin will lead the Canadian delegation, with Claire Dubois as his deputy.",
            [("Paul Martin", "CAN", ["head_of_delegation"]), ("Claire Dubois", "CAN", ["deputy_head_of_delegation"])],
        ),
        (
            "The head of the Estonian delegation, Deputy Speaker of the Riigikogu Kalle Tamm, met the press today.",
            [("Kalle Tamm", "EST", ["head_of_delegation"])],
        ),
        (
            "Mr Pavel Orlov, Chairman of the Committee on Defence of the House of Representatives, was elected "
            "Deputy Chairman of the Assembly.",
            [("Pavel Orlov", None, ["deputy_chair"])],
        ),
        (
            "Kazakhstan's new plenipotentiary representative in the Assembly is Senator Aliya Serikova.",
            [("Aliya Serikova", "KAZ", ["plenipotentiary_representative"])],
        ),
        (
            "The delegation will be headed by the Speaker of the Mazhilis, Arman Dzhaksybekov.",
            [("Arman Dzhaksybekov", "KAZ", ["head_of_delegation"])],
        ),
        (
            "The Assembly chose Maria Costa (Portugal) as its new Speaker for a two-year term.",
            [("Maria Costa", "PRT", ["chair"])],
        ),
        (
            "Ruslan Bekov has been appointed plenipotentiary representative of the Mazhilis in the Assembly.",
            [("Ruslan Bekov", "KAZ", ["plenipotentiary_representative"])],
        ),
    ],
)
def test_english_posts(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Председателем Ассамблеи единогласно избрана Анна Смирнова.",
            [("Анна Смирнова", None, ["chair"])],
        ),
        (
            "Заместителем Председателя Совета от казахстанской стороны назначен Ерлан Сапаров.",
            [("Ерлан Сапаров", "KAZ", ["deputy_chair"])],
        ),
        (
            "Делегацию Узбекистана возглавил председатель Сената Олий Мажлиса Тимур Каримов.",
            [("Тимур Каримов", "UZB", ["head_of_delegation"])],
        ),
        (
            "Парламентарии Армении во главе с Ашотом Арутюняном прибыли в Минск.",
            [("Ашот Арутюнян", "ARM", ["head_of_delegation"])],
        ),
        (
            "Руководитель делегации Милли Меджлиса — Гусейнов Эльдар Рафикович.",
            [("Гусейнов Эльдар Рафикович", "AZE", ["head_of_delegation"])],
        ),
        (
            "Ответственным секретарём ПА ОДКБ назначен Олег Петров, его заместителем стала Ольга Зайцева.",
            [("Олег Петров", None, ["executive_secretary"])],
        ),
        (
            "Делегация Милли Меджлиса состоит из шести депутатов, её возглавляет вице-спикер Фуад Мамедов.",
            [("Фуад Мамедов", "AZE", ["head_of_delegation"])],
        ),
        (
            "Членами делегации утверждены депутаты Иван Петров и Ольга Сидорова.",
            [("Иван Петров", None, ["member"]), ("Ольга Сидорова", None, ["member"])],
        ),
        (
            "Председателем Совета Ассамблеи переизбрана Председатель Сената Дана Нурлан.",
            [("Дана Нурлан", None, ["chair"])],
        ),
        (
            "В состав делегации Жогорку Кенеша вошли депутаты Азамат Исаев и Бермет Алиева.",
            [("Азамат Исаев", "KGZ", ["member"]), ("Бермет Алиева", "KGZ", ["member"])],
        ),
    ],
)
def test_russian_posts(text, expected):
    assert people(text) == expected


def test_a_russian_name_is_put_into_the_nominative():
    text = "По инициативе Председателя ПА ОДКБ Николая Иванова и при участии Марии Петровой прошла встреча."
    assert people(text) == [("Николай Иванов", None, ["chair"])]


def test_a_joining_date_is_the_start():
    result = read("Lagos, 2 May 2024\n\nAmina Bello and Chidi Okafor joined the Nigerian delegation on 30 April 2024.")
    assert [(p.name, p.country, p.start) for p in result.people] == [
        ("Amina Bello", "NGA", "2024-04-30"),
        ("Chidi Okafor", "NGA", "2024-04-30"),
    ]


def test_an_appointment_date_is_the_start():
    result = read("Москва, 3 марта 2025 года\n\nС 1 марта Ответственным секретарём Ассамблеи назначен Пётр Орлов.")
    assert [(p.name, p.roles, p.start) for p in result.people] == [
        ("Пётр Орлов", ["executive_secretary"], "2025-03-01")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "President Maria Lopez welcomed the delegates at the airport.",
        "The Speaker of the Bundestag Hans Richter gave a speech.",
        "Delegates from Armenia and Belarus heard the Speaker of the Mazhilis Aidar Nurov.",
        "Президент Иван Сидоров принял участников сессии.",
        "Председатель комитета по бюджету Государственной Думы Андрей Макаров выступил с докладом.",
        "The photographs were taken by Elena Markova.",
        "Выставку подготовил художник Павел Орлов.",
        "The former Chair of the Assembly, Karl Weber, sent a message.",
    ],
)
def test_names_without_a_post_of_the_vocabulary_give_no_person(text):
    assert people(text) == []


def test_a_delegation_page_laid_out_as_a_table_and_a_definition_list():
    page = (
        "<h2>Delegation of the Parliament of Georgia to the OSCE Parliamentary Assembly</h2>"
        "<table><tr><th>Post</th><th>Name</th></tr>"
        "<tr><td>Head of delegation</td><td>Nino Beridze</td></tr>"
        "<tr><td>Member</td><td>Levan Gelashvili</td></tr></table>"
        "<dl><dt>Plenipotentiary representative</dt><dd>Tamar Lomidze</dd>"
        "<dt>Член</dt><dd>Гиви Абашидзе</dd></dl>"
    )
    assert people(page) == [
        ("Nino Beridze", "GEO", ["head_of_delegation"]),
        ("Levan Gelashvili", "GEO", ["member"]),
        ("Tamar Lomidze", "GEO", ["plenipotentiary_representative"]),
        ("Гиви Абашидзе", "GEO", ["member"]),
    ]


def test_heads_the_delegation_and_is_deputy_head():
    text = (
        "The delegation of the Parliament of Moldova to the Assembly has four members. Ion Rusu heads the delegation; "
        "Elena Munteanu is deputy head."
    )
    assert people(text) == [
        ("Ion Rusu", "MDA", ["head_of_delegation"]),
        ("Elena Munteanu", "MDA", ["deputy_head_of_delegation"]),
    ]


def test_its_chair_after_a_national_parliament_is_no_post_of_the_assembly():
    # "its" is the Storting (a national parliament), not an assembly
    assert people("The Storting met in Oslo. Its president Kari Nordmann opened the sitting.") == []
    # …but after an assembly, its president is the assembly's chair
    assert people("The Nordic Council met in Oslo. Its president Kari Nordmann opened the sitting.") == [
        ("Kari Nordmann", None, ["chair"])
    ]


def test_other_members_after_the_head():
    text = "The Estonian delegation is led by Mart Kask. Other members: Liis Tamm and Peeter Saar."
    assert people(text) == [
        ("Mart Kask", "EST", ["head_of_delegation"]),
        ("Liis Tamm", "EST", ["member"]),
        ("Peeter Saar", "EST", ["member"]),
    ]


def test_with_someone_as_deputy_head():
    text = "The Maltese delegation to the Assembly will be headed by Joe Borg, with Rita Vella as deputy head."
    assert people(text) == [
        ("Joe Borg", "MLT", ["head_of_delegation"]),
        ("Rita Vella", "MLT", ["deputy_head_of_delegation"]),
    ]
