"""Find what an extracted fact is about in the registry: a delegation, a chamber, a person, a body.

Names are compared in one folded form (Russian by lemma, so «Палаты представителей» is the House of
Representatives' Russian name in another case), people across scripts and spellings through the
registry's search index (Кротов Михаил Иосифович = Mikhail Krotov).
"""

from __future__ import annotations

import re

import iuliia
from rapidfuzz import fuzz

from interparl.registry import models, search

from .reading.tokens import word_keys

# Words shared by many bodies' names: alone they tell no body from another.
GENERIC_WORDS = set(
    "the of and in to senate house representatives national assembly council parliament republic supreme "
    "federal chamber people deputies members state legislative upper lower delegation kingdom federation "
    "s palace сенат палата представитель национальный собрание совет парламент республика верховный "
    "федеральный народный депутат член государственный законодательный делегация в и федерация".split()
)
PERSON_MATCH = 88  # every word of the name must match this well (0–100)
PATRONYMIC = re.compile(r"(?:вич|вна|ична|кызы|оглы|ovich|evich|ovna|evna|ichna)$", re.IGNORECASE)


def name_forms(org: models.Organization) -> list[tuple[str, ...]]:
    forms = [org.name_en, org.name_ru, org.abbreviation_en, org.abbreviation_ru]
    forms += [n.get("name", "") for n in org.other_names or []]
    return [word_keys(f) for f in forms if f]


def best_organization(phrase: str | None, candidates: list[models.Organization]) -> models.Organization | None:
    """The candidate whose name the phrase gives: exactly (any case, either language), else by distinctive words."""
    if not phrase or not candidates:
        return None
    keys = word_keys(phrase)
    for org in candidates:
        if keys in name_forms(org):
            return org
    scored = []
    distinctive = set(keys) - GENERIC_WORDS
    for org in candidates:
        best = 0.0
        for form in name_forms(org):
            shared = set(form) & set(keys)
            if not shared:
                continue
            # Distinctive words decide ("Mazhilis"); generic ones ("house", "representatives") only together.
            score = len(shared) / max(len(set(form)), 1) + 2 * len(shared & distinctive)
            best = max(best, score)
        scored.append((best, org))
    scored.sort(key=lambda item: -item[0])
    if scored and scored[0][0] >= 0.99 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def delegation_of(assembly: models.Organization, iso3: str | None) -> models.Organization | None:
    if not iso3:
        return None
    return (
        models.Organization.objects.filter(
            parent=assembly, classification=models.Organization.Classification.DELEGATION, country__iso3=iso3
        )
        .select_related("sent_by", "country")
        .first()
    )


def chambers_of(delegation: models.Organization) -> list[models.Organization]:
    """The chambers a delegation's seats are counted by: the parliament's chambers, or the parliament itself."""
    parliament = delegation.sent_by
    if parliament is None:
        return []
    chambers = list(parliament.children.filter(classification=models.Organization.Classification.CHAMBER))
    return chambers or [parliament]


class AmbiguousName(LookupError):
    """Several people answer to a name equally well: a person must decide, not the ingestion."""


def find_person(name: str) -> models.Person | None:
    hits = [h for h in search.search(name, kinds=("person",), limit=3) if h.score >= PERSON_MATCH]
    if not hits:
        return None
    if len(hits) > 1 and hits[0].score == hits[1].score:
        raise AmbiguousName(f"“{name}” matches {hits[0].id} and {hits[1].id} equally well")
    return models.Person.objects.get(slug=hits[0].id)


def split_name(name: str) -> dict:
    """Parts of a name as written: Russian surname-first names end with a patronymic."""
    words = name.split()
    cyrillic = bool(re.search(r"[А-Яа-яЁё]", name))
    if len(words) == 3 and PATRONYMIC.search(words[2]):
        family, given, patronymic = words
    elif (
        len(words) == 2
        and cyrillic
        and words[0].endswith(("ов", "ев", "ин", "ова", "ева", "ина", "ут", "ский", "зода"))
    ):
        family, given, patronymic = words[0], words[1], ""
    else:
        given, family, patronymic = words[0], words[-1], " ".join(words[1:-1]) if len(words) > 2 else ""
    return {"given": given, "family": family, "patronymic": patronymic, "cyrillic": cyrillic}


def new_person_fields(name: str) -> dict:
    """Fields of a person the registry does not know yet, in both scripts where transliteration allows."""
    parts = split_name(name)
    display = f"{parts['given']} {parts['family']}"
    if parts["cyrillic"]:
        latin = {k: iuliia.WIKIPEDIA.translate(v) for k, v in parts.items() if isinstance(v, str)}
        return {
            "name_ru": display,
            "given_name_ru": parts["given"],
            "family_name_ru": parts["family"],
            "patronymic_name_ru": parts["patronymic"],
            "name_en": f"{latin['given']} {latin['family']}",
            "given_name_en": latin["given"],
            "family_name_en": latin["family"],
            "patronymic_name_en": latin["patronymic"],
            "other_names": [{"name": name, "lang": "ru", "note": "as printed"}],
        }
    return {
        "name_en": display if not parts["patronymic"] else name,
        "given_name_en": parts["given"],
        "family_name_en": parts["family"],
        "patronymic_name_en": parts["patronymic"],
        "other_names": [],
    }


def same_name(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(" ".join(search.fold(a)), " ".join(search.fold(b))) >= 95
