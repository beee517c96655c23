"""Reading a text written for these tests, with general knowledge only (no registry)."""

from interparl.ingestion.extract import extract
from interparl.ingestion.knowledge import Knowledge

KNOWLEDGE = Knowledge()


def read(text: str):
    return extract(text, "auto", KNOWLEDGE)[1]


def seats(text: str) -> list[tuple]:
    """(country, chamber, count, kind) for every seat count read."""
    return [(d.country, s.chamber, s.count, s.kind) for d in read(text).delegations for s in d.seats]


def people(text: str) -> list[tuple]:
    """(name, country, roles) for every person read; "member" is left out of roles that have another post."""
    found = []
    for person in read(text).people:
        roles = [r for r in person.roles if r != "member"] or person.roles
        found.append((person.name, person.country, roles))
    return found
