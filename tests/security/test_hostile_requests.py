"""Requests and writes from outside: who may write, what the site refuses, and what it never serves back."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.db import IntegrityError, transaction

from interparl.changes.models import Proposal
from interparl.changes.operations import StaleChange
from interparl.errors import DatasetError
from interparl.ingestion.applying import apply_plan, prepare
from interparl.registry import models
from interparl.registry.dataset.loader import load_dataset

pytestmark = pytest.mark.django_db

PAGE = (
    "Delegation of the Parliament of the Republic of Tajikistan\n"
    "Plenipotentiary representative of the Parliament of the Republic of Tajikistan in the CSTO PA: Ivan Hostilov"
)


def staff(client, *permissions):
    user = get_user_model().objects.create_user("clerk", "clerk@example.org", "secret-pass-123", is_staff=True)
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    return client


def download(response) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def ingest_form(**extra):
    return {
        "assembly": "csto-pa",
        "source_url": "https://example.org/tjk",
        "as_of": "2026-11-27",
        "language": "auto",
        "text": PAGE,
        **extra,
    }


# -- permissions ------------------------------------------------------------------------------------


def test_staff_without_permissions_cannot_open_or_post_the_ingestion_form(client):
    clerk = staff(client)
    assert clerk.get("/en/admin/changes/proposal/add/").status_code == 403
    assert clerk.post("/en/admin/changes/proposal/add/", ingest_form(apply="1")).status_code == 403
    assert not models.Person.objects.filter(name_en="Ivan Hostilov").exists()
    assert not Proposal.objects.exists()


def test_proposing_is_not_approving(client):
    clerk = staff(client, "add_proposal", "view_proposal")
    preview = clerk.post("/en/admin/changes/proposal/add/", ingest_form(preview="1"))
    assert preview.status_code == 200 and "Ivan Hostilov" in preview.content.decode()
    assert clerk.post("/en/admin/changes/proposal/add/", ingest_form(propose="1")).status_code == 302
    proposal = Proposal.objects.get()
    review_page = clerk.get(f"/en/admin/changes/proposal/{proposal.pk}/change/")
    assert review_page.status_code == 200 and 'name="approve_all"' not in review_page.content.decode()
    approve = clerk.post(f"/en/admin/changes/proposal/{proposal.pk}/change/", {"approve_all": "1"})
    assert approve.status_code == 403
    assert not models.Person.objects.filter(name_en="Ivan Hostilov").exists()


def test_the_approve_permission_writes(client, django_user_model):
    author = django_user_model.objects.create_user("author")
    assembly = models.Organization.objects.get(slug="csto-pa")
    import datetime as dt

    from interparl.ingestion.applying import propose_plan

    plan = prepare(PAGE, assembly, dt.date(2026, 11, 27), url="https://example.org/tjk")[1]
    proposal = propose_plan(plan, PAGE, url="https://example.org/tjk", user=author)
    clerk = staff(client, "view_proposal", "approve_proposal")
    response = clerk.post(f"/en/admin/changes/proposal/{proposal.pk}/change/", {"approve_all": "1"})
    assert response.status_code == 302
    assert models.Person.objects.filter(name_en="Ivan Hostilov").exists()


def test_staff_without_permissions_cannot_edit_registry_records(client):
    clerk = staff(client)
    person = models.Person.objects.get(slug="viktor-kogut")
    assert clerk.get(f"/en/admin/registry/person/{person.pk}/change/").status_code == 403
    assert clerk.post("/en/admin/registry/person/add/", {"slug": "x", "name_en": "X"}).status_code == 403


# -- addresses: http and https only, on every path --------------------------------------------------

HOSTILE_URL = "javascript:alert(document.cookie)//"


def test_ingest_refuses_a_non_web_source_address():
    with pytest.raises(DatasetError) as excinfo:
        prepare(PAGE, models.Organization.objects.get(slug="csto-pa"), None, url=HOSTILE_URL)
    assert "is not a web address" in excinfo.value.problems[0]


def test_the_admin_form_refuses_a_non_web_source_address(client):
    clerk = staff(client, "add_proposal", "view_proposal")
    response = clerk.post("/en/admin/changes/proposal/add/", ingest_form(source_url=HOSTILE_URL, propose="1"))
    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_the_admin_refuses_a_non_web_link(admin_client):
    response = admin_client.post("/en/admin/registry/source/add/", {"slug": "evil", "url": "data:text/html,x"})
    assert response.status_code == 200
    assert not models.Source.objects.filter(slug="evil").exists()


def test_a_dataset_with_a_non_web_address_is_refused(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text(f"format: interparl-dataset/1\nsources:\n  - id: evil\n    url: '{HOSTILE_URL}'\n")
    with pytest.raises(DatasetError) as excinfo:
        load_dataset(path)
    assert "evil.yaml:4: sources[0].url:" in excinfo.value.problems[0]
    assert "is not a web address" in excinfo.value.problems[0]


def test_the_database_refuses_a_non_web_link_whatever_path_wrote_it():
    person = models.Person.objects.get(slug="viktor-kogut")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Link.objects.create(key="evil", url=HOSTILE_URL, person=person)


def test_pages_carry_a_content_security_policy_without_inline_script(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "<script>" not in response.content.decode()


# -- what downloads hold ----------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, start):
    models.Person.objects.create(slug="formula", name_en=f'{start}HYPERLINK("https://evil.example","x")')
    rows = csv.DictReader(io.StringIO(download(client.get("/export/people.csv"))))
    cell = next(row["name_en"] for row in rows if row["id"] == "formula")
    assert cell.startswith("'" + start)


def test_every_memberships_csv_column_agrees_with_the_api(client):
    api = client.get("/api/v1/people/viktor-kogut").json()["memberships"]
    rows = [
        row
        for row in csv.DictReader(io.StringIO(download(client.get("/export/memberships.csv"))))
        if row["person_id"] == "viktor-kogut"
    ]
    assert rows and len(rows) == len(api)
    for row, membership in zip(sorted(rows, key=lambda r: r["id"]), sorted(api, key=lambda m: m["id"]), strict=True):
        assert row["person_id"] == membership["person"] == "viktor-kogut"
        assert row["organization_id"] == membership["organization"] != ""
        assert row["post_id"] == (membership["post"] or "")
        assert row["source_id"] == membership["source"]["id"]
        for column in ("id", "person_name", "organization_name", "role", "status"):
            assert row[column] == membership[column], column


def test_the_popolo_export_is_streamed(client):
    response = client.get("/export/popolo.json")
    assert response.streaming
    document = json.loads(b"".join(response.streaming_content))
    assert len(document["persons"]) == models.Person.objects.count()


# -- the response cache ------------------------------------------------------------------------------


def test_each_request_gets_its_own_language_from_the_cache(client):
    russian = client.get("/export/events.ics", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    english = [client.get("/export/events.ics", HTTP_ACCEPT_LANGUAGE="en").content.decode() for _ in range(3)]
    assert russian != english[0]
    assert all(calendar == english[0] for calendar in english)
    assert "interparl — events" in english[0] and "interparl — events" not in russian


def test_made_up_parameters_do_not_fill_the_cache(client):
    cache = caches["responses"]
    client.get("/export/delegations.csv")
    entries = len(cache._cache)
    assert entries == 1
    for n in range(30):
        assert client.get(f"/export/delegations.csv?b={n}").status_code == 200
        assert client.get("/api/v1/people", {"q": ["kogut", str(n)]}).status_code == 200
    assert len(cache._cache) == entries
    client.get("/export/delegations.csv?as_of=2020-01-01")
    client.get("/export/delegations.csv?as_of=2020-01-01%20")  # the same address, normalised
    assert len(cache._cache) == entries + 1


# -- methods and dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path",
    [
        ("trace", "/en/"),
        ("post", "/en/"),
        ("put", "/export/people.csv"),
        ("delete", "/api/v1/people"),
        ("trace", "/api/v1/people"),
    ],
)
def test_methods_a_page_does_not_serve_answer_405(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("value", ["1735689600", "20250101", "2025-W01-1", "2025-13-01"])
def test_dates_are_iso_everywhere(client, value):
    assert client.get(f"/api/v1/assemblies/csto-pa/composition?as_of={value}").status_code == 422
    assert client.get(f"/export/people.csv?as_of={value}").status_code == 422
    assert client.get(f"/api/v1/events?from={value}").status_code == 422


# -- concurrent writers -------------------------------------------------------------------------------


def test_a_plan_made_before_another_writer_wrote_the_same_facts_is_refused_cleanly():
    assembly = models.Organization.objects.get(slug="csto-pa")
    import datetime as dt

    _text, first = prepare(PAGE, assembly, dt.date(2026, 11, 27), url="https://example.org/tjk")
    _text, second = prepare(PAGE, assembly, dt.date(2026, 11, 27), url="https://example.org/tjk")
    apply_plan(first, PAGE, url="https://example.org/tjk")
    people = models.Person.objects.count()
    with pytest.raises(StaleChange) as excinfo:
        apply_plan(second, PAGE, url="https://example.org/tjk")
    assert "was created since this proposal was made" in excinfo.value.problems[0]
    assert models.Person.objects.count() == people
