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


def test_a_text_folds_as_its_pieces_between_spaces_do():
    """Folding remembers each piece between spaces: the words must be those folding the whole text at once gives."""
    from interparl.registry.search import _fold_piece

    for text in ["Рогалёв Виктор Павлович", "Jean-Pierre  O'Neill", "Ерлан Жакиянов-Ёлкин, Алматы", "Ḿaxime\tÇelik"]:
        assert fold(text) == list(_fold_piece.__wrapped__(text)), text


def test_a_refresh_of_many_records_builds_the_full_text_index_once_and_its_triggers_work_after(monkeypatch):
    from interparl.registry import search as search_module

    monkeypatch.setattr(search_module, "BULK", 1)  # every refresh takes the bulk path
    for i in range(3):
        models.Person.objects.create(slug=f"bulk-{i}", name_en=f"Bulkin{i} Person", name_ru=f"Булкин{i} Персона")
    assert top("Bulkin1") == "bulk-1"
    assert not models.SearchState.objects.get().bulk
    monkeypatch.setattr(search_module, "BULK", 10**9)  # one record: the triggers keep the index in step
    models.Person.objects.create(slug="one-more", name_en="Onemore Person", name_ru="Онемор Персона")
    assert top("Onemore") == "one-more"
    assert top("Булкин2") == "bulk-2"


def test_a_change_committed_late_below_the_last_id_read_is_found(monkeypatch):
    """A refresh reads the changes after the last history id it read; one written earlier but committed after that
    refresh (PostgreSQL) grows the count of rows up to that id, and the recent changes are read again."""
    from django.db import connection

    search("Kogut")
    person = models.Person.objects.create(slug="late-one", name_en="Early Name", name_ru="Ранний")
    assert top("Early") == "late-one"
    with connection.cursor() as cursor:  # the name as the late transaction left it
        cursor.execute("UPDATE registry_person SET name_en = 'Tardy Name' WHERE id = %s", [person.pk])
    state = models.SearchState.objects.get()
    state.version = -1  # the registry moved on
    state.save()
    assert top("Tardy") is None  # no history row after the last one read, and the count is as it was
    read, counted = state.marks["person"]
    state.marks["person"] = [read, counted - 1]  # as if the late row had not been visible to the last refresh
    state.version = -1
    state.save()
    assert top("Tardy") == "late-one"


def test_loading_a_file_indexes_its_names_before_the_command_ends(tmp_path, monkeypatch):
    from django.core.management import call_command

    from interparl.registry import search as search_module
    from interparl.registry import versioning

    search("Kogut")
    dataset = tmp_path / "people.yaml"
    dataset.write_text(
        "format: interparl-dataset/1\npeople:\n  - id: nina-loaded\n    name: {en: Nina Loaded, ru: Нина Загружена}\n",
        encoding="utf-8",
    )
    call_command("load", str(dataset))
    assert models.SearchState.objects.get().version == versioning.registry_version()
    monkeypatch.setattr(search_module, "_reindex", None)  # a search now folds nothing itself
    assert top("Загружена") == "nina-loaded"


def test_a_load_whose_names_cannot_be_indexed_yet_is_kept_and_says_so(tmp_path, monkeypatch):
    import io

    from django.core.management import call_command
    from django.db import OperationalError

    from interparl.registry import search as search_module

    def locked(progress=None):
        raise OperationalError("database is locked")

    dataset = tmp_path / "people.yaml"
    dataset.write_text(
        "format: interparl-dataset/1\npeople:\n  - id: lena-kept\n    name: {en: Lena Kept, ru: Лена Сохранена}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(search_module, "refresh", locked)
    errors = io.StringIO()
    call_command("load", str(dataset), stderr=errors, stdout=io.StringIO())
    assert "the first search will do it" in errors.getvalue()
    assert models.Person.objects.filter(slug="lena-kept").exists()
