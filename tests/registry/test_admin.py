import pytest
from django.contrib.auth import get_user_model

from interparl.registry import models

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret-pass-123")
    client.force_login(user)
    return client


def test_admin_refuses_an_overlapping_chairmanship_with_the_rule_message(editor):
    form = {
        "slug": "tjk-2026",
        "organization": models.Organization.objects.get(slug="csto").pk,
        "country": models.Country.objects.get(iso3="TJK").pk,
        "basis": "rotation",
        "start_date": "2026-06-01",
        "start_precision": "day",
        "end_precision": "day",
        "confirmed": "on",
    }
    response = editor.post("/en/admin/registry/chairmanship/add/", form)
    assert response.status_code == 200
    assert "overlaps RUS term" in response.content.decode()
    assert not models.Chairmanship.objects.filter(slug="tjk-2026").exists()


def test_admin_edit_is_recorded_in_the_history_with_the_editor(editor):
    person = models.Person.objects.get(slug="viktor-kogut")
    response = editor.get(f"/en/admin/registry/person/{person.pk}/change/")
    assert response.status_code == 200
    assert "name_ru" in response.content.decode()  # both languages side by side
    form = {
        "slug": "viktor-kogut",
        "name_en": "Viktor Kogut",
        "name_ru": "Виктор Когут",
        "given_name_en": "Viktor",
        "given_name_ru": "Виктор",
        "family_name_en": "Kogut",
        "family_name_ru": "Когут",
        "patronymic_name_en": "",
        "patronymic_name_ru": "",
        "summary_en": "Plenipotentiary of Belarus.",
        "summary_ru": "",
        "gender": "",
        "other_names": "[]",
        "identifiers": "[]",
        "confirmed": "on",
        "source": person.source_id,
        "change_reason": "added a summary",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    response = editor.post(f"/en/admin/registry/person/{person.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    latest = person.history.first()
    assert latest.history_user.username == "editor" and latest.history_change_reason == "added a summary"
    assert latest.summary_en == "Plenipotentiary of Belarus."
    history_page = editor.get(f"/en/admin/registry/person/{person.pk}/history/")
    assert history_page.status_code == 200 and "editor" in history_page.content.decode()
