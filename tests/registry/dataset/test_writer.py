"""The batch writer stores a new record as saving a model instance would: defaults, the translated field's own
column, cleaned values, a change-history row; and names the record whose value its field refuses."""

import pytest

from interparl.registry import models
from interparl.registry.dataset.writer import LoadReport, Row, Writer
from interparl.registry.dataset.yaml_lines import DatasetError

pytestmark = pytest.mark.django_db


def write_people(*rows: Row) -> dict:
    return Writer("written by a test", LoadReport("test")).write(models.Person, "people", list(rows))


def test_a_new_record_gets_defaults_its_translated_column_and_a_history_row():
    ids = write_people(Row("only-russian", {"name_en": "", "name_ru": "Иван Петров"}, ("people", 0)))
    person = models.Person.objects.get(pk=ids["only-russian"])
    stored = models.Person.objects.filter(pk=person.pk).values("name", "other_names", "identifiers").get()
    # The field's own column holds what modeltranslation's descriptor gives: English, else the Russian fallback.
    assert stored == {"name": "Иван Петров", "other_names": [], "identifiers": []}
    history = person.history.get()
    assert (history.history_type, history.history_change_reason, history.name_ru) == (
        "+",
        "written by a test",
        "Иван Петров",
    )


def test_a_value_its_field_refuses_names_the_record_and_the_field():
    too_long = "x" * 400
    with pytest.raises(DatasetError) as excinfo:
        write_people(
            Row("fine", {"name_en": "Fine"}, ("people", 0)),
            Row("too-long", {"name_en": too_long}, ("people", 1)),
        )
    (problem,) = excinfo.value.problems
    assert problem.startswith("people: 1: name") and "at most 300 characters" in problem


def test_a_value_seen_before_is_cleaned_alike():
    # Values recur (roles, dates, sources): each is cleaned once and remembered, with the same result.
    rows = [Row(f"twin-{i}", {"name_en": "Same Name", "gender": ""}, ("people", i)) for i in range(3)]
    ids = write_people(*rows)
    assert set(models.Person.objects.filter(pk__in=ids.values()).values_list("name", flat=True)) == {"Same Name"}


@pytest.mark.parametrize(
    "key, values, refused",
    [
        ("not a slug", {"name_en": "Someone"}, "slug: Enter a valid “slug”"),
        ("x" * 121, {"name_en": "Someone"}, "slug: Ensure this value has at most 120 characters"),
        ("no-name", {"name_en": ""}, "name: This field cannot be blank."),
        ("bad-date", {"name_en": "Someone", "birth_date": "1990-02-30"}, "birth_date:"),
    ],
)
def test_values_checked_in_the_writer_are_refused_as_their_field_refuses_them(key, values, refused):
    # Texts are checked by their lengths and patterns directly, other values by their field: the same verdicts.
    with pytest.raises(DatasetError) as excinfo:
        write_people(Row(key, values, ("people", 0)))
    assert refused in excinfo.value.problems[0]
    assert not models.Person.objects.filter(slug=key).exists()


def test_an_import_gets_a_larger_page_cache_on_sqlite_and_gives_it_back():
    from django.db import connection

    from interparl.registry.dataset.writer import IMPORT_PAGE_CACHE_KIB, importing

    if connection.vendor != "sqlite":
        pytest.skip("the page cache is SQLite's")

    def cache_size():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return cursor.fetchone()[0]

    before = cache_size()
    with importing():
        assert cache_size() == -IMPORT_PAGE_CACHE_KIB != before
    assert cache_size() == before


def temporary_tables() -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'")
        else:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname LIKE 'pg_temp%%'")
        return {name for (name,) in cursor.fetchall()}


def test_an_id_is_refused_the_second_time_a_load_writes_it_in_one_batch_or_another():
    from interparl.registry.dataset.writer import WRITTEN_IDS, importing

    with importing():
        writer = Writer("written by a test", LoadReport("test"))
        writer.write(models.Person, "people", [Row("first-one", {"name_en": "First"}, ("people", 0))])
        assert WRITTEN_IDS in temporary_tables()  # the ids are kept by the database, not in memory
        with pytest.raises(DatasetError) as excinfo:
            writer.write(
                models.Person,
                "people",
                [
                    Row("second-one", {"name_en": "Second"}, ("people", 1)),
                    Row("first-one", {"name_en": "First again"}, ("people", 2)),
                    Row("second-one", {"name_en": "Second again"}, ("people", 3)),
                ],
            )
        assert excinfo.value.problems == [
            "people: 2: the id 'first-one' is used twice",
            "people: 3: the id 'second-one' is used twice",
        ]
        # Another table's ids are its own; another load starts afresh.
        writer.write(models.Source, "sources", [Row("first-one", {"url": "https://example.org/"}, ("sources", 0))])
        again = Writer("written again", LoadReport("test"))
        again.write(models.Person, "people", [Row("first-one", {"name_en": "First"}, ("people", 0))])
    assert WRITTEN_IDS not in temporary_tables()
