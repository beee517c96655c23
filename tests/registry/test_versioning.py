"""The registry's version is bumped by the database in the same transaction as every write, whatever writes it."""

import pytest
from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from interparl.registry import models, versioning
from interparl.registry.translation import HISTORY_MODELS

pytestmark = pytest.mark.django_db


def test_every_change_history_table_and_every_list_of_references_bumps_the_version():
    tables = {model.history.model._meta.db_table for model in HISTORY_MODELS}
    tables |= {
        field.remote_field.through._meta.db_table for model in HISTORY_MODELS for field in model._meta.many_to_many
    }
    assert tables - versioning.triggered_tables(connection) == set()


def test_each_way_of_writing_bumps_it_and_reading_does_not():
    start = versioning.registry_version()
    models.Person.objects.get(slug="viktor-kogut")
    assert versioning.registry_version() == start

    person = models.Person.objects.create(slug="a-new-person", name_en="A New Person")
    after_save = versioning.registry_version()
    assert after_save > start

    bulk_create_with_history([models.Person(slug=f"bulk-{i}", name_en=f"Bulk {i}") for i in range(3)], models.Person)
    after_bulk = versioning.registry_version()
    assert after_bulk > after_save

    models.NewsItem.objects.first().people.add(person)
    after_list = versioning.registry_version()
    assert after_list > after_bulk

    person.delete()
    assert versioning.registry_version() > after_list
    assert versioning.registry_last_changed() is not None


def test_a_write_rolled_back_leaves_the_version_as_it_was():
    start = versioning.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        models.Person.objects.create(slug="rolled-back", name_en="Rolled Back")
        assert versioning.registry_version() > start.number  # seen inside the transaction
        raise RuntimeError("undo")
    assert versioning.current() == start


def test_last_modified_is_the_versions_date(client):
    models.Person.objects.create(slug="dated", name_en="Dated")
    response = client.get("/api/v1/people/dated")
    from django.utils.http import http_date

    assert response["Last-Modified"] == http_date(versioning.registry_last_changed().timestamp())


def _paused() -> bool:
    return models.RegistryVersion.objects.values_list("paused", flat=True).get(pk=1)


def test_an_import_bumps_it_once_at_its_end_and_leaves_the_triggers_running(tmp_path):
    from interparl.registry.dataset.popolo import load_popolo
    from interparl.registry.dataset.popolo_export import export_popolo

    path = tmp_path / "registry.json"
    export_popolo(path)
    document = path.read_text(encoding="utf-8").replace('"viktor-kogut"', '"viktor-kogut-renamed"', 1)
    path.write_text(document, encoding="utf-8")
    start = versioning.registry_version()
    report = load_popolo(path)
    assert report.total("added") >= 1
    # One bump for the whole import on SQLite (the triggers paused), one per statement on PostgreSQL.
    assert versioning.registry_version() == start + 1 or connection.vendor == "postgresql"
    assert versioning.registry_version() > start
    assert not _paused()
    models.Person.objects.create(slug="after-the-import", name_en="After")  # the triggers run again
    assert versioning.registry_version() > start + 1


def test_a_failed_import_leaves_neither_a_bump_nor_the_pause(tmp_path):
    from interparl.registry.dataset.popolo import load_popolo
    from interparl.registry.dataset.yaml_lines import DatasetError

    path = tmp_path / "broken.json"
    path.write_text('{"persons": [{"id": "someone-new", "name": "Someone"}, {"id": 5}]}', encoding="utf-8")
    start = versioning.current()
    with pytest.raises(DatasetError):
        load_popolo(path)
    assert versioning.current() == start and not _paused()
