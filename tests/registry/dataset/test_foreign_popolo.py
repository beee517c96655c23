"""Plain Popolo as other projects publish it (EveryPolitician-style) is mapped onto the registry, not refused."""

import json

import pytest

from interparl.registry import models
from interparl.registry.dataset.popolo import load_popolo

pytestmark = pytest.mark.django_db

DOCUMENT = {
    "persons": [
        {
            "id": "Q-Person/001",
            "name": "Jane Roe",
            "birth_date": "1970",
            "email": "jane@example.org",
            "identifiers": [{"scheme": "wikidata", "identifier": "Q123"}],
            "sources": [{"url": "https://parliament.example/members/jane-roe"}],
        },
        {"id": "b1f5c2d4-0000-4000-8000-000000000001", "name": "John Doe", "birth_date": "1965-03-04"},
    ],
    "organizations": [
        {"id": "parl-X00", "name": "Example Legislature", "classification": "legislature"},
        {"id": "parl-X00/upper", "name": "Example Senate", "classification": "Upper House", "parent_id": "parl-X00"},
        {"id": "party/green", "name": "Green Party", "classification": "party"},
    ],
    "events": [
        {
            "id": "term/7",
            "name": "7th Legislature",
            "classification": "legislative period",
            "start_date": "2015",
            "organization_id": "parl-X00",
        },
    ],
    "areas": [{"id": "area/north", "name": "North"}],
    "memberships": [
        {
            "person_id": "Q-Person/001",
            "organization_id": "parl-X00/upper",
            "role": "Head of Delegation",
            "start_date": "2015-06-01",
            "legislative_period_id": "term/7",
            "area_id": "area/north",
        },
        {
            "person_id": "b1f5c2d4-0000-4000-8000-000000000001",
            "organization_id": "parl-X00",
            "role": "MP",
            "on_behalf_of_id": "party/green",
            "start_date": "2015-06-01",
        },
        {"person_id": "b1f5c2d4-0000-4000-8000-000000000001", "organization_id": "party/green", "role": "Whip"},
    ],
}


def test_everypolitician_style_popolo_is_mapped_and_the_mapping_reported(tmp_path):
    path = tmp_path / "legislature.json"
    path.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    report = load_popolo(path)

    jane = models.Person.objects.get(slug="q-person-001")
    assert {"scheme": "popolo-id", "identifier": "Q-Person/001"} in jane.identifiers
    assert {"scheme": "wikidata", "identifier": "Q123"} in jane.identifiers
    assert jane.birth_date is None  # a year alone is no birth date: left out, and said so
    assert jane.source.url == "https://parliament.example/members/jane-roe"
    assert models.Person.objects.get(slug="b1f5c2d4-0000-4000-8000-000000000001").birth_date.isoformat() == "1965-03-04"

    senate = models.Organization.objects.get(slug="parl-x00-upper")
    assert (senate.classification, senate.chamber_kind, senate.parent.slug) == ("chamber", "upper", "parl-x00")
    assert models.Organization.objects.get(slug="parl-x00").classification == "parliament"
    assert models.Organization.objects.get(slug="party-green").classification == "body"

    roles = dict(
        models.Membership.objects.filter(
            person__in=models.Person.objects.filter(slug__in=["q-person-001", "b1f5c2d4-0000-4000-8000-000000000001"])
        ).values_list("organization__slug", "role")
    )
    assert roles == {"parl-x00-upper": "head_of_delegation", "parl-x00": "member", "party-green": "member"}
    whip = models.Membership.objects.get(organization__slug="party-green")
    assert whip.label == "Whip"
    assert models.Event.objects.get(slug="term-7").kind == "other"

    mapped = dict(report.mapped)
    assert mapped["persons: ids made public ids (kept as identifiers)"] == 1
    assert mapped["organizations: classification 'legislature' → parliament"] == 1
    assert mapped["memberships: role 'Whip' → member"] == 1
    assert mapped["persons: birth dates that are not a full date left out"] == 1

    again = load_popolo(path)
    assert again.total("added") == 0 and again.total("changed") == 0


def test_ids_that_become_the_same_public_id_are_refused(tmp_path):
    from interparl.errors import DatasetError

    document = {"persons": [{"id": "Jane/1", "name": "A"}, {"id": "jane-1", "name": "B"}]}
    path = tmp_path / "clash.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DatasetError, match="'jane-1' is used twice"):
        load_popolo(path)
