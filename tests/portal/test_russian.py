"""/ru/ reads as a Russian site: no English sentence on any page type, Russian names where the registry has them."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/ru/",
    "/ru/?as_of=2015-06-01",
    "/ru/?as_of=2030-01-01",
    "/ru/delegations/blr/",
    "/ru/delegations/arm/",
    "/ru/delegations/tjk/",
    "/ru/people/viktor-kogut/",
    "/ru/people/sergei-pospelov/",
    "/ru/people/boris-gryzlov/",
    "/ru/people/viktor-rogalev/",
    "/ru/organizations/csto-pa/",
    "/ru/chairmanship/",
    "/ru/events/",
    "/ru/events/csto-pa-20th-anniversary/",
    "/ru/news/",
    "/ru/search/?q=kogut",
    "/ru/people/nobody/",
]
# Three or more Latin words in a row: a sentence, not a name, a code or an abbreviation.
ENGLISH = re.compile(r"\b[A-Za-z][a-z']+(?:[ ,;:()-]+[A-Za-z][a-z']+){2,}")


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "code")
        attributes = dict(attrs)
        for name in ("title", "aria-label", "placeholder", "alt"):  # what a screen reader or a tooltip says
            if attributes.get(name):
                self.parts.append(attributes[name])

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "code")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


@pytest.mark.parametrize("path", PAGES)
def test_no_english_sentence_on_a_russian_page(client, path):
    reader = VisibleText()
    reader.feed(client.get(path).content.decode())
    text = re.sub(r"https?://\S+", " ", " ".join(reader.parts))
    assert ENGLISH.findall(text) == [], path


def test_the_timeline_speaks_russian(client):
    page = client.get("/ru/chairmanship/").content.decode()
    assert "сегодня" in page and ">today<" not in page and "прогноз:" in page and "projection:" not in page


def test_search_shows_russian_names_to_a_russian_reader(client):
    page = client.get("/ru/search/?q=kogut").content.decode()
    assert "Виктор Когут" in page and "Viktor Kogut" not in page
    suggestions = client.get("/api/v1/search", {"q": "kogut", "lang": "ru"}).json()["results"]
    assert suggestions[0]["label"] == "Виктор Когут"


def test_every_message_of_the_interface_has_a_russian_translation():
    from pathlib import Path

    import interparl

    catalogue = (Path(interparl.__file__).parent / "locale" / "ru" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    entries = catalogue.split("\n\n")[1:]  # the first is the header
    assert not [e for e in entries if "#, fuzzy" in e], "a fuzzy (guessed) translation is left in the catalogue"
    untranslated = [
        e
        for e in entries
        if re.search(r'msgstr(?:\[\d\])? ""\n?$', e.strip() + "\n") and '\n"' not in e.split("msgstr")[-1]
    ]
    assert not untranslated, untranslated[:3]
