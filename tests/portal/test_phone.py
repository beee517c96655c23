"""Every page type at phone size (360 px) and on a desktop: no sideways page scroll on a phone, no serious or
critical accessibility violation (axe-core, vendored and pinned in tests/portal/vendor), and a screenshot of
each page at both sizes in test-artifacts/screenshots/."""

from pathlib import Path

import pytest

from .conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text(encoding="utf-8")
PAGES = {
    "home": "/en/",
    "home-ru": "/ru/",
    "home-dated": "/en/?as_of=2015-06-01",
    "delegation": "/en/delegations/blr/",
    "person": "/ru/people/vyacheslav-volodin/",
    "organization": "/en/organizations/csto-pa/",
    "chairmanship": "/en/chairmanship/",
    "calendar": "/en/events/",
    "event": "/en/events/csto-pa-20th-anniversary/",
    "news": "/en/news/",
    "search": "/en/search/?q=kogut",
    "changes": "/en/changes/",
    "assemblies": "/en/assemblies/",
    "assemblies-ru": "/ru/assemblies/",
    "not-found": "/en/people/nobody/",
}
SIZES = {"phone": (360, 800), "desktop": (1366, 900)}


@pytest.fixture(scope="module")
def axe_pages(browser):
    """Pages of each size; axe is evaluated through the browser's debugging channel, not as a page script."""
    contexts = {
        size: browser.new_context(viewport={"width": w, "height": h}, bypass_csp=True) for size, (w, h) in SIZES.items()
    }
    yield {size: context.new_page() for size, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_a_phone_and_has_no_serious_accessibility_violation(site, axe_pages, name):
    for size, page in axe_pages.items():
        page.goto(site + PAGES[name])
        if size == "phone":
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{name}: the page is {width} px wide on a 360 px screen"
        page.evaluate(AXE)
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => ['serious', 'critical'].includes(v.impact))
                 .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)"""
        )
        assert violations == [], f"{name} ({size}): {violations}"
        shot(page, f"{name}-{size}")


def test_suggestions_are_an_accessible_combobox(site, axe_pages):
    page = axe_pages["phone"]
    page.goto(site + "/ru/")
    box = page.locator("#site-search")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.type("Когут", delay=30)
    page.locator("#search-suggestions [role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert "человек" in page.locator("#search-suggestions").text_content()  # the kind, in the page's language
    page.evaluate(AXE)
    violations = page.evaluate(
        "async () => (await axe.run(document)).violations.filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id)"
    )
    assert violations == []
