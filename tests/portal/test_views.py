"""Portal pages through Django's test client: language, structured data, as-of dates, not-found pages."""

import json
import re

import pytest

from interparl.registry import models

pytestmark = pytest.mark.django_db


def jsonld(page: str) -> list[dict]:
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    ]


def test_root_redirects_to_a_language_prefix(client):
    assert client.get("/").status_code == 302
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru").url == "/ru/"


def test_every_main_page_answers_in_both_languages(client):
    for language in ("en", "ru"):
        for path in (
            "",
            "delegations/blr/",
            "delegations/arm/",
            "people/viktor-rogalev/",
            "chairmanship/",
            "events/",
            "events/csto-pa-20th-anniversary/",
            "news/",
            "news/rus-chairmanship-begins/",
            "search/?q=kogut",
            "organizations/csto-pa-council/",
        ):
            response = client.get(f"/{language}/{path}")
            assert response.status_code == 200, (language, path)
            assert f'<html lang="{language}">' in response.content.decode()


def test_russian_pages_use_russian_names_and_interface(client):
    page = client.get("/ru/delegations/blr/").content.decode()
    assert "Национальное собрание Республики Беларусь" in page and "Места по палатам" in page
    assert "Виктор Когут" in page


def test_missing_text_falls_back_to_the_other_language_visibly(client):
    person = models.Person.objects.get(slug="viktor-kogut")
    person.name_ru = ""
    person.save()
    page = client.get("/ru/people/viktor-kogut/").content.decode()
    assert '<span lang="en" class="fallback"' in page and "Viktor Kogut" in page


def test_people_organisations_and_events_carry_schema_org_data(client):
    person = jsonld(client.get("/en/people/mikhail-krotov/").content.decode())[0]
    assert person["@type"] == "Person" and person["name"] == "Mikhail Krotov"
    assert "Михаил Кротов" in person["alternateName"] and person["additionalName"] == "Iosifovich"
    event = jsonld(client.get("/en/events/csto-pa-20th-anniversary/").content.decode())[0]
    assert (event["@type"], event["startDate"]) == ("Event", "2026-11-16")
    assembly = jsonld(client.get("/en/").content.decode())[0]
    assert assembly["@type"] == "GovernmentOrganization" and assembly["foundingDate"] == "2006-11-16"


def test_sitemap_lists_pages_in_both_languages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/people/viktor-kogut/" in sitemap and "/ru/people/viktor-kogut/" in sitemap
    assert 'hreflang="ru"' in sitemap


def test_a_bad_as_of_date_is_named_and_today_is_shown(client):
    page = client.get("/en/?as_of=2015-02-30").content.decode()
    assert "“2015-02-30” is not a date" in page


def test_historical_view_is_labelled(client):
    page = client.get("/en/delegations/arm/?as_of=2015-06-01").content.decode()
    assert "Historical view" in page and "participation frozen" not in page


def test_not_found_pages_are_real_404s_in_the_chosen_language(client):
    response = client.get("/ru/people/nobody/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Страница не найдена" in page and '<html lang="ru">' in page
    assert client.get("/en/no/such/page/").status_code == 404


def test_calendar_files(client):
    single = client.get("/en/events/csto-pa-20th-anniversary.ics")
    assert single["Content-Type"].startswith("text/calendar")
    text = single.content.decode()
    assert text.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20261116" in text
    russian = client.get("/ru/calendar.ics").content.decode().replace("\r\n ", "")  # unfold lines
    assert "20-летие Парламентской Ассамблеи ОДКБ" in russian


def test_russian_month_dates_are_nominative_and_the_search_page_is_poisk(client):
    page = client.get("/ru/people/vyacheslav-volodin/").content.decode()
    assert "ноябрь 2016" in page and "ноября 2016" not in page
    search = client.get("/ru/search/?q=когут").content.decode()
    assert "<h1>Поиск</h1>" in search


def test_robots_favicon_and_alternate_languages(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /en/admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/svg+xml"
    page = client.get("/en/people/viktor-kogut/").content.decode()
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/people/viktor-kogut/">' in page
    assert 'href="/ru/people/viktor-kogut/" lang="ru"' in page  # the switch is a plain, shareable link


def test_pages_are_compressed_and_answer_conditional_requests(client):
    first = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    plain, again = client.get("/en/"), client.get("/en/")
    assert plain["ETag"] == again["ETag"]  # the same page gives the same ETag
    assert client.get("/en/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    assert client.get("/en/", HTTP_IF_MODIFIED_SINCE=plain["Last-Modified"]).status_code == 304


def test_the_api_has_an_index(client):
    index = client.get("/api/v1/").json()
    assert index["resources"]["people"].endswith("/api/v1/people")
    assert index["openapi"].endswith("/api/v1/openapi.json") and "changes.atom" in index["downloads"]


def test_after_since_a_russian_month_is_genitive(client):
    page = client.get("/ru/").content.decode()
    assert "с ноября 2016" in page and "с ноябрь 2016" not in page


def test_every_assembly_is_listed_and_has_pages_of_its_own(client, tiny):
    listing = client.get("/en/assemblies/").content.decode()
    assert 'href="/en/">Parliamentary Assembly of the Collective Security Treaty Organization</a>' in listing
    assert 'href="/en/assemblies/tpa/">Test Parliamentary Assembly</a>' in listing
    home = client.get("/en/assemblies/tpa/").content.decode()
    assert "<h1>Test Parliamentary Assembly</h1>" in home
    assert 'href="/en/assemblies/tpa/delegations/xaa/"' in home and 'href="/en/delegations/xaa/"' not in home
    member = client.get("/en/assemblies/tpa/delegations/xaa/").content.decode()
    assert "Aland Parliament" in member and "Member 1 Test" in member
    assert "/en/organizations/tpa-xaa/history/" in member
    assert client.get("/ru/assemblies/tpa/").content.decode().count("Тестовая Парламентская Ассамблея") >= 1


def test_the_default_assembly_keeps_its_short_addresses(client):
    assert client.get("/en/assemblies/csto-pa/?as_of=2015-06-01")["Location"] == "/en/?as_of=2015-06-01"
    assert client.get("/en/assemblies/csto-pa/delegations/blr/")["Location"] == "/en/delegations/blr/"
    assert client.get("/en/assemblies/no-such-assembly/").status_code == 404


def test_a_delegation_leads_to_its_own_assembly_s_page(client, tiny):
    assert client.get("/en/organizations/tpa-xaa/")["Location"] == "/en/assemblies/tpa/delegations/xaa/"
    assert client.get("/en/organizations/blr-delegation/")["Location"] == "/en/delegations/blr/"


def test_the_sitemap_gives_each_assembly_s_members_their_own_addresses(client, tiny):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/assemblies/tpa/delegations/xaa/" in sitemap and "/en/delegations/xaa/" not in sitemap
    assert "/en/delegations/blr/" in sitemap and "/en/assemblies/tpa/" in sitemap and "/en/assemblies/" in sitemap


def test_the_chair_of_an_assembly_s_parent_is_named_with_that_parent(client, tiny):
    home = client.get("/en/assemblies/tpa/?as_of=2026-06-01").content.decode()
    assert "Chairing the TPO" in home and "Chairing the CSTO" not in home
    assert "/en/chairmanship/?organization=tpo" in home
    assert "Председательство в ОДКБ" in client.get("/ru/").content.decode()


def test_the_chairmanship_page_follows_the_default_assembly(client, tiny, settings):
    settings.DEFAULT_ASSEMBLY = "tpa"
    page = client.get("/en/chairmanship/").content.decode()
    assert "Chairmanship of the TPO" in page and "CSTO" not in page
    assert client.get("/en/chairmanship/?organization=csto").status_code == 200
