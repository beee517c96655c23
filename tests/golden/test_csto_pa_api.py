"""Golden tests of the API on the built-in CSTO PA dataset: the answers its users check first. Everything else
about the API is tested on a synthetic assembly (tests/api/test_v1.py)."""

import json

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, (json.loads(response.content) if response["Content-Type"].startswith("application/json") else None)


def test_composition_on_a_date_gives_the_five_delegations_and_their_quotas(client):
    response, data = get(client, "/api/v1/assemblies/csto-pa/composition?as_of=2026-11-27")
    assert response.status_code == 200
    quotas = {d["country"]: "+".join(str(c["seats"]) for c in d["chambers"]) for d in data["delegations"]}
    assert quotas == {"BLR": "7+4", "KAZ": "8+8", "KGZ": "6", "RUS": "10+12", "TJK": "6+6"}
    belarus = next(d for d in data["delegations"] if d["country"] == "BLR")
    house = next(c for c in belarus["chambers"] if c["chamber"] == "blr-house-of-representatives")
    assert [(a["seats"], a["source"]["id"]) for a in house["alternatives"]] == [(6, "paodkb-delegations-ru")]
    assert belarus["participation"]["status"] == "member"


def test_chairmanships_with_projections(client):
    _, data = get(client, "/api/v1/chairmanships?organization=csto&from=2026&years=3")
    assert [(t["country"], t["start"][:4], t["projected"]) for t in data["terms"]] == [
        ("RUS", "2026", False),
        ("TJK", "2027", True),
        ("ARM", "2028", True),
    ]
    assert "frozen" in data["terms"][2]["assumption"]


@pytest.mark.parametrize("query", ["Когут", "kogut", "Kogut Viktor"])
def test_people_search_works_across_scripts(client, query):
    _, data = get(client, f"/api/v1/people?q={query}")
    assert [p["id"] for p in data["results"]][:1] == ["viktor-kogut"]
