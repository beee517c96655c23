"""The portal in a real browser: Debian's chromium driven by Playwright against a live server."""

import re
from pathlib import Path

import pytest

from interparl.registry import models

from .conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_shows_a_seat_chart_of_67_seats(site, page):
    page.goto(f"{site}/")
    assert page.url.endswith("/en/")
    assert page.locator("svg.seat-chart circle.seat").count() == 67
    assert page.locator("svg.seat-chart circle.seat.filled").count() == 12  # Tajikistan's named delegates
    # A filled seat names its member and leads to them (by keyboard too: it is a link).
    first = page.locator("svg.seat-chart a").first
    assert "(chamber not stated)" in first.get_attribute("aria-label")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/people/[a-z-]+/$"))
    page.go_back()
    title = page.locator("#seat-blr-blr-house-of-representatives-1 > title").text_content()
    assert title.startswith("Belarus — House of Representatives — 1/7")
    assert page.locator(".legend li").count() >= 10
    shot(page, "home-en")


def test_switching_to_russian_shows_russian_names_and_interface(site, page):
    page.goto(f"{site}/en/")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.locator("html").get_attribute("lang") == "ru"
    assert (
        "Парламентская Ассамблея Организации Договора о коллективной безопасности" in page.locator("h1").text_content()
    )
    assert page.get_by_role("link", name="Беларусь").first.is_visible()
    assert page.get_by_role("heading", name="Состав").is_visible()
    assert page.get_by_role("button", name="Найти").is_visible()
    shot(page, "home-ru")
    page.goto(f"{site}/")  # the language last read in is remembered: the root opens in Russian
    assert page.url.endswith("/ru/")


def test_belarus_delegation_shows_its_quota_and_plenipotentiary(site, page):
    page.goto(f"{site}/en/")
    page.get_by_role("link", name="Belarus").first.click()
    page.wait_for_url(re.compile(r"/en/delegations/blr/$"))
    assert page.locator(".quota-total").text_content().strip() == "7 + 4"
    assert page.locator("a.plenipotentiary").text_content() == "Viktor Kogut"
    assert "6" in page.locator(".conflict-summary").text_content()  # the Russian page's 6 + 3 is shown
    shot(page, "delegation-blr")


def test_an_as_of_date_in_2015_shows_armenia_as_a_full_member(site, page):
    page.goto(f"{site}/en/delegations/arm/")
    assert "participation frozen" in page.locator(".standing").text_content()
    page.fill("#as-of", "2015-06-01")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"as_of=2015-06-01"))
    standing = page.locator(".standing").text_content()
    assert "member" in standing and "frozen" not in standing
    assert "Historical view" in page.locator(".notice.historical").text_content()
    shot(page, "delegation-arm-2015")
    page.goto(f"{site}/en/?as_of=2015-06-01")
    assert "frozen" not in page.locator(".member-states").text_content()


@pytest.mark.parametrize("query", ["Когут", "kogut"])
def test_search_in_either_script_reaches_the_same_person(site, page, query):
    page.goto(f"{site}/en/")
    page.fill("#site-search", query)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/"))
    page.locator(".results-person a").first.click()
    page.wait_for_url(re.compile(r"/en/people/viktor-kogut/$"))
    assert page.locator("h1").text_content() == "Viktor Kogut"
    shot(page, f"search-{'latin' if query.isascii() else 'cyrillic'}")


def test_suggestions_appear_as_you_type(site, page):
    page.goto(f"{site}/en/")
    page.type("#site-search", "Rogal", delay=30)
    suggestion = page.locator("#search-suggestions [role=option]").first
    suggestion.wait_for()
    assert suggestion.text_content().startswith("Viktor Rogalev")


def test_the_downloaded_calendar_has_the_anniversary(site, page):
    page.goto(f"{site}/en/events/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the calendar (.ics)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in text
    anniversary = text.split("UID:csto-pa-20th-anniversary@interparl")[0].rsplit("BEGIN:VEVENT", 1)[1]
    assert "DTSTART;VALUE=DATE:20261116" in anniversary
    assert "20th anniversary of the CSTO Parliamentary Assembly" in text
    shot(page, "calendar")


def test_chairmanship_timeline_marks_projections(site, page):
    page.goto(f"{site}/en/chairmanship/")
    assert page.locator("svg.timeline g.term.projected").count() >= 2
    assert "frozen" in page.locator("tr.projected").nth(1).text_content()
    shot(page, "chairmanship")


def test_a_reviewer_approves_part_of_a_proposal_and_sees_it_in_the_change_log(site, page, django_user_model):
    """Paste a page as an editor would, review the proposal, approve one of its changes, then find that change on
    the public change log and on the person's history page."""
    import datetime as dt

    from django.contrib.auth.models import Group

    from interparl.changes.roles import sync_groups
    from interparl.ingestion.applying import prepare, propose_plan

    sync_groups()  # transactional tests start from an empty database: make the roles again
    reviewer = django_user_model.objects.create_user("rupert", password="secret-pass-123", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    text = (
        "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Browserov.\n"
        "Official website of the House of Representatives of the National Assembly of the Republic of Belarus: "
        "https://house.example.by/"
    )
    plan = prepare(
        text, models.Organization.objects.get(slug="csto-pa"), dt.date(2026, 12, 1), url="https://review.example/by"
    )[1]
    proposal = propose_plan(plan, text, url="https://review.example/by")

    page.goto(f"{site}/en/admin/login/")
    page.fill("#id_username", "rupert")
    page.fill("#id_password", "secret-pass-123")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{site}/en/admin/changes/proposal/{proposal.pk}/change/")
    boxes = page.locator("input[name=change]")
    assert boxes.count() == len(proposal.pending_numbers) >= 3
    website = next(n for n, c in enumerate(proposal.changes, 1) if c["kind"] == "website")
    for number in proposal.pending_numbers:  # keep the person and their post, leave the website out
        if number == website:
            page.locator(f"#change-{number}").uncheck()
    shot(page, "admin-review")
    page.get_by_role("button", name="Approve the ticked changes").click()
    page.wait_for_url(re.compile(r"/admin/changes/proposal/$"))
    assert "approved" in page.locator(".messagelist").text_content()
    proposal.refresh_from_db()
    assert proposal.status == "partly_applied" and website not in proposal.approved
    assert not models.Link.objects.filter(url="https://house.example.by/").exists()

    page.goto(f"{site}/en/changes/")
    row = page.locator("table.changes tr", has_text="ivan-browserov").first
    assert "reviewer" in row.text_content() and f"proposal #{proposal.pk}" in row.text_content()
    shot(page, "changes")
    page.goto(f"{site}/en/people/ivan-browserov/")
    page.get_by_role("link", name="History: what changed and when").click()
    page.wait_for_url(re.compile(r"/en/people/ivan-browserov/history/$"))
    assert "Ivan Browserov" in page.locator("table.changes").text_content()
    shot(page, "person-history")
