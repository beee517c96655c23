"""Whole answers kept until the registry changes or the day does: open data and portal pages alike."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interparl import response_cache
from interparl.registry import models

pytestmark = pytest.mark.django_db


def queries_for(client, path: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_a_portal_page_comes_from_the_cache_until_the_registry_changes(client):
    first, page = queries_for(client, "/en/delegations/blr/")
    again, same = queries_for(client, "/en/delegations/blr/")
    assert again == 1 < first  # the registry's version, nothing else
    assert same.content == page.content and same["ETag"] == page["ETag"]
    person = models.Person.objects.get(slug="viktor-kogut")
    person.name_en = "Viktor Kogut-Renamed"
    person.save()
    _, changed = queries_for(client, "/en/delegations/blr/")
    assert "Kogut-Renamed" in changed.content.decode()


def test_a_page_in_russian_and_one_in_english_are_kept_apart(client):
    _, english = queries_for(client, "/en/")
    _, russian = queries_for(client, "/ru/", HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=en")
    assert russian["Content-Language"] == "ru" and english["Content-Language"] == "en"
    assert russian.content != english.content


def test_an_answer_does_not_outlive_its_day(client, monkeypatch):
    """ "As of today" moves at midnight though the registry does not change: the day is part of the key."""
    path = "/api/v1/assemblies/csto-pa/composition"
    first, _ = queries_for(client, path)
    assert queries_for(client, path)[0] == 1

    monkeypatch.setattr(response_cache, "today", lambda: dt.date.today() + dt.timedelta(days=1))
    assert queries_for(client, path)[0] > 1  # computed again for the new day


def test_the_language_cookie_is_set_on_an_answer_from_the_cache(client):
    from django.test import Client

    queries_for(client, "/ru/news/")  # cached by this visitor
    cached, response = queries_for(Client(), "/ru/news/")  # a new visitor, no cookie yet
    assert cached == 1
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_made_up_parameters_are_answered_but_not_cached(client):
    assert queries_for(client, "/en/?utm_source=x")[0] > 1
    assert queries_for(client, "/en/?utm_source=x")[0] > 1
