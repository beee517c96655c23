"""Bulk downloads (CSV, iCalendar, Atom) on a synthetic assembly: they agree with the API on every date."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    return response, json.loads(response.content)


def test_csv_export_and_api_agree_on_the_same_date(client, tiny):
    for day in ("2026-02-01", "2026-11-27"):
        _, api = get(client, f"/api/v1/assemblies/tpa/composition?as_of={day}")
        response = client.get(f"/export/delegations.csv?assembly=tpa&as_of={day}")
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
        assert [(r["seats"], r["source_id"]) for r in rows if r["in_force"] == "False"] == [("4", "tpa-site-ru")]


def test_memberships_csv_honours_as_of(client, tiny):
    def ids(url):
        text = b"".join(client.get(url).streaming_content).decode("utf-8")
        return {row["id"] for row in csv.DictReader(io.StringIO(text))}

    assert "anna-alandova-tpa-chair" in ids("/export/memberships.csv?as_of=2021-01-01")
    assert "anna-alandova-tpa-chair" not in ids("/export/memberships.csv?as_of=2019-01-01")
    assert "boris-late-tpa-xbb" not in ids("/export/memberships.csv?as_of=2026-02-01")
    assert client.get("/export/memberships.csv?as_of=yesterday").status_code == 422


def test_atom_feed_and_icalendar(client, tiny):
    feed = client.get("/export/news.atom").content.decode()
    assert "<feed" in feed and "Anna Alandova elected chair of the TPA" in feed
    calendar = client.get("/export/events.ics").content.decode().replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20261120" in calendar and "Plenary session of the TPA" in calendar
    assert "LOCATION:Aland City" in calendar


def test_cached_downloads_follow_the_visitor_language(client, tiny):
    def calendar(language):
        response = client.get("/export/events.ics", HTTP_ACCEPT_LANGUAGE=language)
        return response.content.decode().replace("\r\n ", "")

    assert "Пленарное заседание ТПА" in calendar("ru")
    english = calendar("en")
    assert "Plenary session of the TPA" in english and "Пленарное заседание ТПА" not in english
