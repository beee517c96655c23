"""Each kind of record is described once; the dataset file, the registry, Popolo and CSV follow the description."""

import csv
import io
import json
import textwrap

import pytest
from django.db import connection
from django.db import models as dj

from interparl.registry import descriptions, models
from interparl.registry.dataset.loader import load_dataset
from interparl.registry.dataset.popolo import load_popolo
from interparl.registry.dataset.popolo_export import iter_popolo_json

pytestmark = pytest.mark.django_db

# Model fields a description does not list because something else carries them: the public id, provenance
# (``Sourced``), the period (``Dated``), the translated columns, and the rotation rule's "MM-DD" handover.
CARRIED_ELSEWHERE = {"id", "source", "source_quote", "confirmed", "note", "start_date", "start_precision"}
CARRIED_ELSEWHERE |= {"end_date", "end_precision", "handover_month", "handover_day"}


@pytest.mark.parametrize("description", descriptions.every(), ids=lambda d: d.kind)
def test_every_model_field_is_described(description):
    """A model field without a description line would be silently left out of every file: the test names it."""
    from modeltranslation.translator import translator

    columns_by_field = translator.get_options_for_model(description.model).all_fields
    translated = {column.name for columns in columns_by_field.values() for column in columns}
    columns = {
        f.name
        for f in description.model._meta.get_fields()
        if (f.concrete or f.many_to_many) and not f.auto_created and f.name not in translated
    }
    described = {f.name for f in description.fields} | {description.key, "handover"}
    assert columns - CARRIED_ELSEWHERE - described == set()
    assert {f.name for f in description.fields} - columns - {"handover"} == set()


@pytest.fixture
def nickname():
    """A ``nickname`` field added to people for one test: a real column (rolled back with the test) and a model
    field, and one line added to the person's description — nothing else."""
    table = connection.ops.quote_name(models.Person._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} ADD COLUMN nickname varchar(100) DEFAULT '' NOT NULL")
    field = dj.CharField(max_length=100, blank=True, default="", help_text="What colleagues call the person.")
    field.contribute_to_class(models.Person, "nickname")
    try:
        with descriptions.replaced(descriptions.get("person").with_field(descriptions.Field("nickname"))):
            yield
    finally:
        models.Person._meta.local_fields.remove(field)
        delattr(models.Person, "nickname")
        models.Person._meta._expire_cache()


def test_a_field_added_to_a_description_flows_from_yaml_to_the_registry_popolo_and_csv(nickname, tmp_path, client):
    dataset = tmp_path / "people.yaml"
    dataset.write_text(
        textwrap.dedent(
            """\
            format: interparl-dataset/1
            people:
              - id: ivan-example
                name: {en: Ivan Example, ru: Иван Пример}
                nickname: Vanya
            """
        ),
        encoding="utf-8",
    )
    load_dataset(dataset)
    assert models.Person.objects.get(slug="ivan-example").nickname == "Vanya"

    document = json.loads("".join(iter_popolo_json()))
    person = next(p for p in document["persons"] if p["id"] == "ivan-example")
    assert person["nickname"] == "Vanya"

    person["nickname"] = "Vanechka"
    popolo = tmp_path / "people.json"
    popolo.write_text(json.dumps({"persons": [person]}), encoding="utf-8")
    report = load_popolo(popolo)
    assert report.counts["people"]["changed"] == 1
    assert models.Person.objects.get(slug="ivan-example").nickname == "Vanechka"

    response = client.get("/export/people.csv")
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")))
    assert next(row for row in rows if row["id"] == "ivan-example")["nickname"] == "Vanechka"


def test_a_described_field_is_validated_by_its_model_field(nickname, tmp_path):
    from interparl.errors import DatasetError

    dataset = tmp_path / "people.yaml"
    dataset.write_text(
        "format: interparl-dataset/1\npeople:\n  - id: ivan-example\n    name: Ivan\n    nickname: [1, 2]\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as excinfo:
        load_dataset(dataset)
    assert any("people[0].nickname" in problem for problem in excinfo.value.problems), excinfo.value.problems
    assert not models.Person.objects.filter(slug="ivan-example").exists()
