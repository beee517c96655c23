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


def test_the_entries_are_stored_and_follow_every_change():
    search("Kogut")
    people = models.SearchEntry.objects.filter(kind="person")
    assert people.count() == models.Person.objects.count()
    kogut = models.Person.objects.get(slug="viktor-kogut")
    kogut.name_en, kogut.name_ru = "Viktor Zelenko", "Виктор Зеленко"
    kogut.family_name_en, kogut.family_name_ru, kogut.other_names = "Zelenko", "Зеленко", []
    kogut.save()
    assert top("Зеленко") == "viktor-kogut"
    assert top("Когут") is None  # the old form is gone: only the changed record was folded again
    kogut.memberships.all().delete()
    kogut.delete()
    assert top("Zelenko") is None and not people.filter(key="viktor-kogut").exists()


def test_records_written_in_bulk_are_found(tmp_path):
    from interparl.registry.dataset.loader import load_dataset

    search("Kogut")  # the entries exist before the load
    dataset = tmp_path / "people.yaml"
    dataset.write_text(
        "format: interparl-dataset/1\npeople:\n  - id: olga-bulkova\n    name: {en: Olga Bulkova, ru: Ольга Булкова}\n",
        encoding="utf-8",
    )
    load_dataset(dataset)
    assert top("Булкова") == "olga-bulkova"


def test_labels_come_in_the_language_asked_for():
    from django.utils import translation

    with translation.override("ru"):
        assert search("Kogut")[0].label == "Виктор Когут"
    assert search("Kogut")[0].label == "Viktor Kogut"
