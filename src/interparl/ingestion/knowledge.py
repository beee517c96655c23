"""What the reader knows beyond the text itself: the names of states, bodies and assemblies (the gazetteer), and
the delegates the registry holds, so that a name alone («Когут Виктор Антонович») places a person in a state."""

from __future__ import annotations

from interparl.registry.search import fold

from .reading.gazetteer import Gazetteer


class Knowledge:
    def __init__(self, gazetteer: Gazetteer | None = None, people: dict[frozenset, str] | None = None):
        self.gazetteer = gazetteer or Gazetteer.general()
        self.people = people or {}  # a known delegate's name (folded words) → the state of their delegation

    @classmethod
    def from_registry(cls) -> Knowledge:
        from interparl.registry import models

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
        return cls(Gazetteer.from_registry(), people)

    def person_country(self, name: str) -> str | None:
        """The state of a delegate the registry knows by this name, in either script and word order."""
        return self.people.get(frozenset(fold(name)))
