import json
from pathlib import Path

import pytest

from interparl.registry import models
from interparl.registry.dataset.popolo import load_popolo
from interparl.registry.dataset.popolo_export import export_popolo, iter_popolo_json
from interparl.registry.dataset.yaml_lines import DatasetError

pytestmark = pytest.mark.django_db


def empty_the_registry():
    for model in (
        models.NewsItem,
        models.Event,
        models.RotationRule,
        models.Chairmanship,
        models.Participation,
        models.SeatQuota,
        models.Membership,
        models.Post,
        models.Link,
        models.Person,
    ):
        model.objects.all().delete()
    models.Organization.objects.update(parent=None, sent_by=None)
    for model in (models.Organization, models.Country, models.Source):
        model.objects.all().delete()


def test_export_import_into_an_empty_registry_export_again_gives_the_same_document(tmp_path):
    first = tmp_path / "first.json"
    export_popolo(first)
    document = json.loads(first.read_text(encoding="utf-8"))
    assert {"persons", "organizations", "memberships", "posts", "events", "seat_quotas", "chairmanships"} <= set(
        document
    )
    assert len(document["memberships"]) == models.Membership.objects.count()

    empty_the_registry()
    assert models.Person.objects.count() == 0
    report = load_popolo(first)
    assert report.counts["memberships"]["added"] == len(document["memberships"])
    assert report.total("rejected") == 0

    second = tmp_path / "second.json"
    export_popolo(second)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_importing_the_same_document_again_changes_nothing(tmp_path):
    path = tmp_path / "registry.json"
    export_popolo(path)
    history = models.Membership.history.count()
    report = load_popolo(path)
    assert report.total("added") == 0 and report.total("changed") == 0
    assert models.Membership.history.count() == history


def test_popolo_keeps_both_languages_and_sources():
    document = json.loads("".join(iter_popolo_json()))
    krotov = next(p for p in document["persons"] if p["id"] == "mikhail-krotov")
    assert krotov["name"] == "Mikhail Krotov"
    assert krotov["i18n"]["name"] == {"en": "Mikhail Krotov", "ru": "Михаил Кротов"}
    quota = next(q for q in document["seat_quotas"] if q["id"].startswith("blr-delegation-blr-council"))
    assert quota["sources"][0]["id"] in {"pacsto-delegations-en", "paodkb-delegations-ru"}


def test_a_broken_document_is_rejected_with_its_place_and_nothing_is_written(tmp_path):
    document = json.loads("".join(iter_popolo_json()))
    document["persons"].append({"id": "new-person", "name": "New Person"})
    document["memberships"].append(
        {"id": "bad", "person_id": "new-person", "organization_id": "csto-pa", "start_date": "2020-13"}
    )
    document["memberships"].append({"id": "orphan", "person_id": "nobody", "organization_id": "csto-pa"})
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load_popolo(path)
    assert any("memberships[" in p and "start" in p and "no month 13" in p for p in error.value.problems)
    assert not models.Person.objects.filter(slug="new-person").exists()


def test_an_unknown_reference_is_named(tmp_path):
    document = {"persons": [], "memberships": [{"id": "orphan", "person_id": "nobody", "organization_id": "csto-pa"}]}
    path = tmp_path / "orphan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"memberships\[0\]\.person: unknown person 'nobody'"):
        load_popolo(path)


def test_invalid_json_is_reported(tmp_path):
    path = tmp_path / "truncated.json"
    path.write_text('{"persons": [{"id": "a", "name": ', encoding="utf-8")
    with pytest.raises(DatasetError, match="not valid JSON"):
        load_popolo(path)


POPOLO_SCHEMAS = Path(__file__).resolve().parents[3].parent / "shared" / "popolo-schemas"


@pytest.mark.skipif(not POPOLO_SCHEMAS.is_dir(), reason="the official Popolo schemas are in ../shared/popolo-schemas")
def test_the_export_is_valid_popolo():
    """Every person, organisation, membership, post and event validates against the official Popolo JSON Schemas
    (draft 3); a source without a web address is not given as a Popolo link (whose url is required)."""
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    schemas = {path.stem: json.loads(path.read_text()) for path in POPOLO_SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)) for schema in schemas.values()
    )
    document = json.loads("".join(iter_popolo_json()))
    sections = {"persons": "person", "organizations": "organization", "memberships": "membership"}
    sections |= {"posts": "post", "events": "event"}
    problems = []
    for section, name in sections.items():
        validator = Draft3Validator(schemas[name], registry=registry)
        assert document[section]
        for record in document[section]:
            problems += [f"{section} {record['id']}: {error.message}" for error in validator.iter_errors(record)]
    assert problems == []
    unaddressed = models.Source.objects.filter(url="").values_list("slug", flat=True)
    assert unaddressed, "the built-in dataset has sources without an address"
    named = [d["id"] for section in sections for r in document[section] for d in r.get("documents", [])]
    assert set(named) <= set(unaddressed) and named


def test_sections_in_file_order_are_written_as_the_checking_pass_reads_them(tmp_path, monkeypatch):
    from interparl.registry.dataset import json_sections

    path = tmp_path / "registry.json"
    export_popolo(path)
    empty_the_registry()
    read_again = []
    records = json_sections.records
    monkeypatch.setattr(
        json_sections, "records", lambda p, section, *a: read_again.append(section.name) or records(p, section, *a)
    )
    load_popolo(path)
    assert read_again == ["organizations"]  # only to link parents, once every organisation exists


def test_sections_in_any_order_give_the_same_registry_and_history(tmp_path):
    exported = tmp_path / "exported.json"
    export_popolo(exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    reordered = tmp_path / "reordered.json"
    # Memberships before the people and posts they name: written only once the whole file is checked.
    reordered.write_text(json.dumps(dict(reversed(document.items())), ensure_ascii=False), encoding="utf-8")
    empty_the_registry()
    history = {model: model.history.count() for model in (models.Membership, models.Person)}
    report = load_popolo(reordered)
    assert report.counts["memberships"]["added"] == len(document["memberships"])
    again = tmp_path / "again.json"
    export_popolo(again)
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")
    # What was written in file order before the order broke was undone: one history row per record.
    for model, before in history.items():
        assert model.history.count() - before == model.objects.count()
