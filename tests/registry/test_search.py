import pytest

from interparl.registry import models
from interparl.registry.search import fold, search

pytestmark = pytest.mark.django_db


def top(query, kind="person"):
    hits = [h for h in search(query) if h.kind == kind]
    return hits[0].id if hits else None


@pytest.mark.parametrize(
    "query, person",
    [
        ("Kogut", "viktor-kogut"),
        ("Когут", "viktor-kogut"),
        ("kogut", "viktor-kogut"),
        ("Rogalyov", "viktor-rogalev"),
        ("Рогалев Виктор", "viktor-rogalev"),
        ("Рогалёв Виктор Павлович", "viktor-rogalev"),
        ("Кротов Михаил Иосифович", "mikhail-krotov"),
        ("mihail krotov", "mikhail-krotov"),
        ("Volodn", "vyacheslav-volodin"),  # a letter missing
        ("Вол", "vyacheslav-volodin"),  # as you type
    ],
)
def test_people_are_found_by_any_name_form(query, person):
    assert top(query) == person


def test_organisations_events_and_news_are_found_too():
    assert top("Mazhilis", "organization") == "kaz-mazhilis"
    assert top("Жогорку Кенеш", "organization") == "kgz-jogorku-kenesh"
    assert top("anniversary", "event") == "csto-pa-20th-anniversary"
    assert top("председательство", "news") == "rus-chairmanship-begins"


def test_unrelated_words_find_nothing_and_every_word_must_match():
    assert search("zzzqqq") == []
    assert top("Kogut Krotov") is None


def test_the_index_follows_changes_to_the_registry():
    assert top("Ivanova") is None
    models.Person.objects.create(slug="anna-ivanova", name_en="Anna Ivanova", name_ru="Анна Иванова")
    assert top("Иванова") == "anna-ivanova"


def test_fold_brings_scripts_and_spellings_together():
    assert fold("Рогалёв") == fold("Rogalyov") == fold("Rogalev")
    assert fold("Mikhail") == fold("Михаил")
