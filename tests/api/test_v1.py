import json

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, (json.loads(response.content) if response["Content-Type"].startswith("application/json") else None)


@pytest.mark.parametrize(
    "url, status, fragment",
    [
        ("/api/v1/assemblies/csto-pa/composition?as_of=2026-02-30", 422, "as_of"),
        ("/api/v1/assemblies/pace/composition", 404, "unknown assembly 'pace'"),
        ("/api/v1/people/nobody", 404, "unknown person 'nobody'"),
        ("/api/v1/people?country=XX", 422, "country"),
        ("/api/v1/people?country=ZZZ", 404, "unknown country 'ZZZ'"),
        ("/api/v1/chairmanships?organization=nato", 404, "unknown organization 'nato'"),
        ("/api/v1/chairmanships?from=1700", 422, "from"),
        ("/api/v1/events?from=2026-12-01&to=2026-01-01", 422, "before"),
        ("/api/v1/organizations?classification=club", 422, "unknown classification"),
        ("/api/v1/people?per_page=0", 422, "per_page"),
    ],
)
def test_bad_input_gives_a_json_4xx_that_names_the_problem(client, url, status, fragment):
    response, data = get(client, url)
    assert response.status_code == status
    assert fragment in data["detail"]


def test_conditional_requests_and_cors(client):
    response = client.get("/api/v1/assemblies/csto-pa", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/en/", HTTP_ORIGIN="https://example.org")
    etag, modified = response["ETag"], response["Last-Modified"]
    again = client.get("/api/v1/assemblies/csto-pa", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    since = client.get("/api/v1/assemblies/csto-pa", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    preflight = client.options(
        "/api/v1/people", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_ids_are_public_ids_not_row_numbers(client):
    _, data = get(client, "/api/v1/organizations?per_page=500")
    assert all(not str(o["id"]).isdigit() for o in data["results"])


def test_a_nul_character_is_refused_with_a_clear_error(client):
    response, data = get(client, "/api/v1/organizations/csto%00pa")
    assert response.status_code == 422 and "NUL" in data["detail"]
    assert client.get("/api/v1/people?organization=a%00b").status_code == 422
    assert client.get("/en/chairmanship/?organization=a%00b").status_code == 400


# -- on a synthetic assembly (tests/factories.py) ------------------------------------------------------


def test_composition_gives_quotas_per_chamber_alternatives_and_standing(client, tiny):
    response, data = get(client, "/api/v1/assemblies/tpa/composition?as_of=2026-11-27")
    assert response.status_code == 200
    quotas = {d["country"]: "+".join(str(c["seats"]) for c in d["chambers"]) for d in data["delegations"]}
    assert quotas == {"XAA": "3+2", "XBB": "4"}
    aland = next(d for d in data["delegations"] if d["country"] == "XAA")
    lower = next(c for c in aland["chambers"] if c["chamber"] == "xaa-lower")
    assert [(a["seats"], a["source"]["id"]) for a in lower["alternatives"]] == [(4, "tpa-site-ru")]
    assert aland["participation"]["status"] == "member" and aland["seats"] == 5 and aland["has_conflicts"]
    _, assembly = get(client, "/api/v1/assemblies/tpa?as_of=2026-11-27")
    assert (assembly["seats"], assembly["delegations"]) == (9, ["tpa-xaa", "tpa-xbb"])


def test_lists_page_the_same_way_with_links(client, tiny):
    _, first = get(client, "/api/v1/people?organization=tpa&per_page=2")
    assert first["count"] == 7 and first["pages"] == 4 and len(first["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    _, last = get(client, first["next"].replace("&page=2", "&page=4"))
    assert len(last["results"]) == 1 and last["next"] is None and "page=3" in last["previous"]
    response, error = get(client, "/api/v1/people?organization=tpa&per_page=2&page=5")
    assert response.status_code == 404 and "past the last page" in error["detail"]


@pytest.mark.parametrize("query", ["Аландова", "alandova", "Alandova Anna", "Alandva"])
def test_people_search_works_across_scripts_and_small_misspellings(client, tiny, query):
    _, data = get(client, f"/api/v1/people?q={query}")
    assert [p["id"] for p in data["results"]][:1] == ["anna-alandova"]


def test_people_filters_by_country_organisation_and_date(client, tiny):
    def ids(query):
        return {p["id"] for p in get(client, f"/api/v1/people?{query}&per_page=100")[1]["results"]}

    assert ids("country=XBB") == {"member-2", "member-3", "boris-late"}
    assert ids("country=XBB&as_of=2026-02-01") == {"member-2", "member-3"}
    assert ids("organization=tpa-xaa") == {"anna-alandova", "member-0", "member-1", "pavel-plenum"}
    assert "anna-alandova" not in ids("organization=tpa&as_of=2019-06-01")


def test_person_with_memberships_and_both_names(client, tiny):
    _, data = get(client, "/api/v1/people/anna-alandova")
    assert data["names"] == {"en": "Anna Alandova", "ru": "Анна Аландова"}
    assert {(m["organization"], m["role"], m["post"]) for m in data["memberships"]} == {
        ("tpa", "chair", "tpa-chair"),
        ("tpa-xaa", "head_of_delegation", None),
    }
    _, russian = get(client, "/api/v1/people/anna-alandova?lang=ru")
    assert russian["name"] == "Анна Аландова"
    _, then = get(client, "/api/v1/people/anna-alandova?as_of=2019-06-01")
    assert then["memberships"] == []


def test_organization_detail_has_quotas_posts_and_parts(client, tiny):
    _, data = get(client, "/api/v1/organizations/tpa-xaa")
    assert sorted((q["chamber"], q["seats"], q["in_force"]) for q in data["quotas"]) == [
        ("xaa-lower", 3, True),
        ("xaa-lower", 4, False),
        ("xaa-upper", 2, True),
    ]
    assert [p["id"] for p in data["posts"]] == ["tpa-xaa-plenipotentiary"]
    assert (data["parent"], data["sent_by"], data["country"]) == ("tpa", "xaa-parliament", "XAA")
    _, assembly = get(client, "/api/v1/organizations/tpa")
    assert {c["id"] for c in assembly["children"]} == {"tpa-xaa", "tpa-xbb"}
    _, delegations = get(client, "/api/v1/organizations?classification=delegation&parent=tpa")
    assert [o["id"] for o in delegations["results"]] == ["tpa-xaa", "tpa-xbb"]


def test_events_and_news_filters(client, tiny):
    _, events = get(client, "/api/v1/events?from=2026-11-01&to=2026-11-30&kind=plenary_session")
    assert "tpa-plenary-2026" in [e["id"] for e in events["results"]]
    event = next(e for e in events["results"] if e["id"] == "tpa-plenary-2026")
    assert (event["organizer"], event["country"], event["place"]) == ("tpa", "XAA", "Aland City")
    _, news = get(client, "/api/v1/news?person=anna-alandova")
    assert [n["id"] for n in news["results"]] == ["tpa-chair-elected"]
    assert news["results"][0]["countries"] == ["XAA"] and news["results"][0]["people"] == ["anna-alandova"]
    _, none = get(client, "/api/v1/news?person=anna-alandova&from=2021-01-01")
    assert none["count"] == 0


def test_a_change_to_the_registry_changes_the_etag(client, tiny):
    first = client.get("/api/v1/people/anna-alandova")
    tiny.chair.other_names = [{"name": "Ana Alandová", "lang": "cs"}]
    tiny.chair.save()
    second = client.get("/api/v1/people/anna-alandova", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert second.json()["other_names"] == [
        {"name": "Ana Alandová", "lang": "cs", "note": None, "start_date": None, "end_date": None}
    ]


def test_search_pages_like_every_list(client, tiny):
    _, data = get(client, "/api/v1/search?q=Аландова")
    assert data["results"][0] == {"kind": "person", "id": "anna-alandova", "label": "Anna Alandova", "score": 100.0}
    _, members = get(client, "/api/v1/search?q=test&kind=person&per_page=2")
    assert members["count"] >= 4 and len(members["results"]) == 2 and "page=2" in members["next"]
