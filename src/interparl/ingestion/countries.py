"""Resolve a phrase to the ISO alpha-3 code of the state it names, in English or Russian, in any case.

Knows the states of ``lexicon.STATE_VARIANTS`` by their ISO names in both languages (pycountry and its Russian
locale) and the variants listed there, and whatever the registry adds: its countries' names and the
distinctive names of national organisations ("Mazhilis", "Jogorku Kenesh", «Маджлиси Оли»). Generic
names ("Senate", "House of Representatives") are not taken from the registry: they name no single state.
"""

from __future__ import annotations

import functools
import gettext
import re

import pycountry

from interparl.registry.search import fold

from . import lexicon

GENERIC_WORDS = {
    "the",
    "of",
    "and",
    "in",
    "to",
    "senate",
    "house",
    "representatives",
    "national",
    "assembly",
    "council",
    "parliament",
    "republic",
    "supreme",
    "federal",
    "chamber",
    "people",
    "deputies",
    "members",
    "state",
    "legislative",
    "upper",
    "lower",
    "delegation",
    "kingdom",
    "federation",
    "s",
    "palace",
    "сенат",
    "палата",
    "представитель",
    "национальный",
    "собрание",
    "совет",
    "парламент",
    "республика",
    "верховный",
    "федеральный",
    "народный",
    "депутат",
    "член",
    "государственный",
    "законодательный",
    "делегация",
    "в",
    "и",
    "федерация",
}


@functools.cache
def state_names() -> dict[str, tuple[str, ...]]:
    """ISO alpha-3 → every name form of the state: ISO 3166's in English and Russian, then the known variants."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    names = {}
    for iso3, variants in lexicon.STATE_VARIANTS.items():
        country = pycountry.countries.get(alpha_3=iso3)
        english = [getattr(country, attribute, None) for attribute in ("name", "common_name", "official_name")]
        english = [name for name in english if name and "," not in name]  # not "Moldova, Republic of"
        iso_names = (*english, *(russian.gettext(name) for name in english))
        names[iso3] = (*dict.fromkeys(iso_names), *variants)
    return names


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’-]+", text.lower().replace("ё", "е")) if w]


def name_keys(text: str) -> tuple[str, ...]:
    """The comparable form of a name: English words as they are, Russian words as lemmas."""
    words = _words(text)
    return tuple(lexicon.lemma(w) if re.search(r"[а-я]", w) else w for w in words)


class CountryResolver:
    def __init__(
        self,
        registry_names: list[tuple[str, str]] | None = None,
        people: dict[frozenset, str] | None = None,
        gazetteer=None,
    ):
        from .reading.gazetteer import Gazetteer

        self.gazetteer = gazetteer or Gazetteer.general()
        self.people = people or {}  # a known delegate's name (folded words) → the state of their delegation
        self.names: dict[tuple[str, ...], str] = {}
        for iso3, names in state_names().items():
            for name in names:
                self.names[name_keys(name)] = iso3
        for name, iso3 in registry_names or []:
            keys = name_keys(name)
            if keys and not set(keys) <= GENERIC_WORDS:
                self.names.setdefault(keys, iso3)
        self.longest = max((len(k) for k in self.names), default=1)

    @classmethod
    def from_registry(cls) -> CountryResolver:
        from interparl.registry import models

        names: list[tuple[str, str]] = []
        for country in models.Country.objects.all():
            for field in ("name_en", "name_ru", "official_name_en", "official_name_ru"):
                if getattr(country, field):
                    names.append((getattr(country, field), country.iso3))
            names += [(n.get("name", ""), country.iso3) for n in country.other_names or []]
        for org in models.Organization.objects.filter(country__isnull=False).select_related("country"):
            for text in (org.name_en, org.name_ru, *(n.get("name", "") for n in org.other_names or [])):
                if text:
                    names.append((text, org.country.iso3))
        people: dict[frozenset, str] = {}
        delegates = models.Membership.objects.filter(
            organization__classification=models.Organization.Classification.DELEGATION,
            organization__country__isnull=False,
        ).select_related("person", "organization__country")
        for membership in delegates:
            person = membership.person
            for text in (person.name_en, person.name_ru, *(n.get("name", "") for n in person.other_names or [])):
                if text:
                    people[frozenset(fold(text))] = membership.organization.country.iso3
        from .reading.gazetteer import Gazetteer

        return cls(names, people, Gazetteer.from_registry())

    def person_country(self, name: str) -> str | None:
        """The state of a delegate the registry knows by this name, in either script and word order."""
        return self.people.get(frozenset(fold(name)))

    def matches(self, phrase: str) -> list[tuple[int, int, str]]:
        """(first word, word count, ISO code) for every state named in ``phrase``, longest names first."""
        keys = name_keys(phrase or "")
        found, taken = [], set()
        for size in range(min(self.longest, len(keys)), 0, -1):
            for start in range(len(keys) - size + 1):
                if any(i in taken for i in range(start, start + size)):
                    continue
                iso3 = self.names.get(tuple(keys[start : start + size]))
                if iso3:
                    found.append((start, size, iso3))
                    taken.update(range(start, start + size))
        return sorted(found)

    def resolve(self, phrase: str | None) -> str | None:
        """The state a phrase names; the longest name wins ("National Assembly of … Tajikistan" → TJK)."""
        found = self.matches(phrase or "")
        if not found:
            return None
        return max(found, key=lambda item: (item[1], -item[0]))[2]


def organization_code(phrase: str) -> str | None:
    """'the CSTO', «ОДКБ», 'Collective Security Treaty Organization' → 'CSTO'."""
    keys = " ".join(name_keys(phrase))
    keys = re.sub(r"^(the)\s+", "", keys)
    for name, code in sorted(lexicon.ORGANIZATIONS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"(?:^|\s){re.escape(' '.join(name_keys(name)))}(?:\s|$)", keys):
            return code
    return None
