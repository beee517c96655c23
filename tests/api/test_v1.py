import csv
import io
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


def test_lists_page_the_same_way_with_links(client):
    _, first = get(client, "/api/v1/people?per_page=5")
    assert first["count"] == 22 and first["pages"] == 5 and len(first["results"]) == 5
    assert first["previous"] is None and "page=2" in first["next"]
    _, last = get(client, first["next"].replace("page=2", "page=5"))
    assert len(last["results"]) == 2 and last["next"] is None
    response, error = get(client, "/api/v1/people?per_page=5&page=6")
    assert response.status_code == 404 and "past the last page" in error["detail"]


@pytest.mark.parametrize("query", ["Когут", "kogut", "Kogut Viktor"])
def test_people_search_works_across_scripts(client, query):
    _, data = get(client, f"/api/v1/people?q={query}")
    assert [p["id"] for p in data["results"]][:1] == ["viktor-kogut"]


def test_people_filters_by_country_organisation_and_date(client):
    _, data = get(client, "/api/v1/people?country=TJK&per_page=100")
    assert data["count"] == 13  # the plenipotentiary and twelve delegates
    _, chairs_2010 = get(client, "/api/v1/people?organization=csto-pa&as_of=2010-01-01")
    assert {p["id"] for p in chairs_2010["results"]} >= {"boris-gryzlov"}
    assert "vyacheslav-volodin" not in {p["id"] for p in chairs_2010["results"]}


def test_person_with_memberships_over_time_and_both_names(client):
    _, data = get(client, "/api/v1/people/mikhail-krotov")
    assert data["names"] == {"en": "Mikhail Krotov", "ru": "Михаил Кротов"}
    assert {m["post"] for m in data["memberships"]} == {"rus-plenipotentiary", "csto-pa-deputy-executive-secretary"}
    _, russian = get(client, "/api/v1/people/mikhail-krotov?lang=ru")
    assert russian["name"] == "Михаил Кротов"


def test_organization_detail_has_quotas_posts_and_parts(client):
    _, data = get(client, "/api/v1/organizations/kaz-delegation")
    assert sorted((q["chamber"], q["seats"], q["in_force"]) for q in data["quotas"]) == [
        ("kaz-mazhilis", 8, False),
        ("kaz-mazhilis", 8, True),
        ("kaz-senate", 5, False),
        ("kaz-senate", 8, True),
    ]
    assert [p["id"] for p in data["posts"]] == ["kaz-plenipotentiary"]
    _, pa = get(client, "/api/v1/organizations/csto-pa")
    assert "csto-pa-council" in {c["id"] for c in pa["children"]}


def test_events_and_news_filters(client):
    _, events = get(client, "/api/v1/events?from=2026-11-01&to=2026-11-30")
    assert [e["id"] for e in events["results"]] == ["csc-2026-moscow", "csto-pa-20th-anniversary"]
    _, news = get(client, "/api/v1/news?person=taalatbek-masadykov")
    assert [n["id"] for n in news["results"]] == ["masadykov-secretary-general"]


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


def test_a_change_to_the_registry_changes_the_etag(client):
    from interparl.registry import models

    first = client.get("/api/v1/people/viktor-kogut")
    person = models.Person.objects.get(slug="viktor-kogut")
    person.other_names = [{"name": "Viktar Kahut", "lang": "be", "note": "Belarusian transliteration"}]
    person.save()
    second = client.get("/api/v1/people/viktor-kogut", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]


def test_ids_are_public_ids_not_row_numbers(client):
    _, data = get(client, "/api/v1/organizations?per_page=500")
    assert all(not str(o["id"]).isdigit() for o in data["results"])


def test_csv_export_and_api_agree_on_the_same_date(client):
    for day in ("2026-11-27", "2030-01-01"):
        _, api = get(client, f"/api/v1/assemblies/csto-pa/composition?as_of={day}")
        response = client.get(f"/export/delegations.csv?as_of={day}")
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
        in_force = {
            (r["country"], r["chamber"]): (int(r["seats"]), int(r["filled"])) for r in rows if r["in_force"] == "True"
        }
        from_api = {
            (d["country"], c["chamber"]): (c["seats"], c["filled"]) for d in api["delegations"] for c in d["chambers"]
        }
        assert in_force == from_api
        assert {r["as_of"] for r in rows} == {day}


def test_memberships_csv_honours_as_of(client):
    def ids(url):
        text = b"".join(client.get(url).streaming_content).decode("utf-8")
        return {row["id"] for row in csv.DictReader(io.StringIO(text))}

    assert "boris-gryzlov-csto-pa-csto-pa-chair-2006-11" in ids("/export/memberships.csv?as_of=2010-01-01")
    assert "boris-gryzlov-csto-pa-csto-pa-chair-2006-11" not in ids("/export/memberships.csv?as_of=2020-01-01")
    assert client.get("/export/memberships.csv?as_of=yesterday").status_code == 422


def test_atom_feed_and_icalendar(client):
    feed = client.get("/export/news.atom").content.decode()
    assert "<feed" in feed and "Russia takes over the CSTO chairmanship" in feed
    calendar = client.get("/export/events.ics").content.decode()
    assert "DTSTART;VALUE=DATE:20261116" in calendar
    assert "eurasian-security-forum-2026" not in calendar  # a year without a day has no place in a calendar


def test_cached_downloads_follow_the_visitor_language(client):
    def calendar(language):
        response = client.get("/export/events.ics", HTTP_ACCEPT_LANGUAGE=language)
        return response.content.decode().replace("\r\n ", "")

    assert "20-летие Парламентской Ассамблеи ОДКБ" in calendar("ru")
    english = calendar("en")
    assert "20th anniversary of the CSTO Parliamentary Assembly" in english and "20-летие" not in english


def test_search_pages_like_every_list(client):
    _, data = get(client, "/api/v1/search?q=Рогалёв")
    assert data["results"][0] == {"kind": "person", "id": "viktor-rogalev", "label": "Viktor Rogalev", "score": 100.0}
    _, events = get(client, "/api/v1/search?q=summit&kind=event&per_page=3")
    assert events["count"] > 3 and len(events["results"]) == 3 and "page=2" in events["next"]


def test_a_nul_character_is_refused_with_a_clear_error(client):
    response, data = get(client, "/api/v1/organizations/csto%00pa")
    assert response.status_code == 422 and "NUL" in data["detail"]
    assert client.get("/api/v1/people?organization=a%00b").status_code == 422
    assert client.get("/en/chairmanship/?organization=a%00b").status_code == 400
