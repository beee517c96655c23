"""As-of answers assert only what the sources say: nothing before the founding, undated facts only from the day
their source was seen, future dates as projections (see docs/as-of.md)."""

import csv
import datetime as dt
import io

import pytest

from interparl.registry import models, selectors

pytestmark = pytest.mark.django_db

SEEN = dt.date(2026, 11, 27)  # the built-in sources' date seen


def composition(day):
    return selectors.composition(models.Organization.objects.get(slug="csto-pa"), at=day)


def test_nothing_exists_before_the_founding():
    before = composition(dt.date(2000, 1, 1))
    assert before.status == "before_founding" and before.founded == "2006-11-16"
    assert before.seats == 0 and before.delegations == [] and before.member_states == [] and before.officers == []
    founded = composition(dt.date(2006, 11, 16))
    assert founded.status == "recorded" and {m.country for m in founded.member_states} >= {"RUS", "BLR"}


def test_undated_members_and_quotas_are_known_only_from_the_day_their_source_was_seen():
    earlier = composition(SEEN - dt.timedelta(days=1))
    assert earlier.seats == 0 and earlier.undated_known_from == SEEN
    assert all(d.plenipotentiary is None for d in earlier.delegations)
    seen = composition(SEEN)
    assert seen.seats == 67 and seen.undated_known_from is None
    assert {d.plenipotentiary.name for d in seen.delegations if d.plenipotentiary} >= {"Viktor Kogut"}
    # A dated fact is shown from its own start: the chair since November 2016.
    assert any(o.name == "Vyacheslav Volodin" for o in composition(dt.date(2017, 6, 1)).officers)


def test_an_undated_fact_whose_source_has_no_date_seen_is_known_from_today():
    source = models.Source.objects.create(slug="undated-source", document="a page read on an unknown day")
    kgz = models.Organization.objects.get(slug="kgz-delegation")
    models.SeatQuota.objects.filter(delegation=kgz).update(source=source)
    assert not any(d.country == "KGZ" and d.seats for d in composition(SEEN).delegations)
    assert any(d.country == "KGZ" and d.seats == 6 for d in composition(dt.date.today()).delegations)


def test_a_future_date_is_a_projection():
    future = composition(dt.date.today() + dt.timedelta(days=400))
    assert future.status == "projection" and future.seats == 67


def test_the_api_csv_and_portal_agree(client):
    api = client.get("/api/v1/assemblies/csto-pa/composition", {"as_of": "2015-06-01"}).json()
    assert api["status"] == "recorded" and api["undated_known_from"] == SEEN.isoformat() and api["seats"] == 0
    assert client.get("/api/v1/assemblies/csto-pa/composition", {"as_of": "2000-01-01"}).json()["status"] == (
        "before_founding"
    )
    rows = list(csv.DictReader(io.StringIO(client.get("/export/delegations.csv?as_of=2015-06-01").content.decode())))
    assert rows == []
    people = "".join(s.decode() for s in client.get("/export/people.csv?as_of=2015-06-01").streaming_content)
    assert "viktor-kogut" not in people and "sergey-naryshkin" in people  # the chair then, with dates
    page = client.get("/en/?as_of=2015-06-01").content.decode()
    assert "Not known for this date" in page and "2026-11-27" in page
    assert "there is nothing to show" in client.get("/en/?as_of=2000-01-01").content.decode()
    assert "Projection" in client.get("/en/?as_of=2030-01-01").content.decode()


def test_a_dated_view_lists_events_and_news_of_that_date(client):
    page = client.get("/en/?as_of=2015-06-01").content.decode()
    later_news = models.NewsItem.objects.filter(date__gt=dt.date(2015, 6, 1)).first()
    if later_news:
        assert later_news.title_en not in page
    assert "2015" in page


def test_a_person_page_says_when_an_undated_membership_is_attested(client):
    page = client.get("/en/people/viktor-kogut/").content.decode()
    assert "start not stated; attested 2026-11-27" in page


def test_the_command_line_says_what_it_cannot_show(cli):
    before = cli("composition", "--as-of", "2000-01-01")
    assert before.returncode == 0 and "before its founding on 2006-11-16" in before.stdout
    earlier = cli("composition", "--as-of", "2015-06-01")
    assert "Not known for this date" in earlier.stdout and "2026-11-27" in earlier.stdout
    assert "Projection" in cli("composition", "--as-of", "2030-01-01").stdout
