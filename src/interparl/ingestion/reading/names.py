"""People's names in a sentence, and Russian names put into the nominative.

English: two to four capitalised words that are no title, no month and none of the names the gazetteer found,
with initials ("V. Kogut") and particles ("Consiglio Di Nino", "van der Linden"). Russian: two or three
capitalised words of which one is a first name, a patronymic or a surname to pymorphy3, or words it does not
know at all (Central Asian names), in either order («Когут Виктор Антонович», «Абдухалил Гафурзода»).

The nominative of a Russian name: the first name and the patronymic by their grammatical case, the surname by
its ending in that case (pymorphy3 guesses surnames badly, so it only tells the case, from the first name).
"""

from __future__ import annotations

import re

from ..dates import month_number
from .tokens import Token, known, parses
from .words import TITLES

COMMON_CAPS = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "his",
    "her",
    "they",
    "their",
    "we",
    "our",
    "a",
    "an",
    "and",
    "but",
    "while",
    "with",
    "by",
    "as",
    "for",
    "from",
    "of",
    "to",
    "after",
    "before",
    "during",
    "under",
    "at",
    "in",
    "on",
    "since",
    "until",
    "when",
    "where",
    "which",
    "who",
    "there",
    "here",
    "all",
    "both",
    "further",
    "information",
    "members",
    "member",
    "delegates",
    "substitutes",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "requests",
    "details",
    "conservatives",
    "labour",
    "liberal",
    "liberals",
    "delegation",
    "delegations",
    "republic",
    "kingdom",
}
PARTICLES = {"di", "de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "dos", "du", "ter"}
SURNAME_ENDING = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|зода|заде|ян|янц|дзе|швили|енко|ко|ук|юк|ич|ова|ева|ина|ская|иев|уллоев|бек|"
    r"бекова|ова|ыев|уулу|кызы|оглы)$"
)


def find_people(tokens: list[Token], taken: set[int], language: str, cases: dict[int, str] | None = None) -> list:
    """People named in the words; ``cases`` gives the grammatical case a title before a name puts it in
    («Председатель … Дана Нурлан»: nominative; «Председателя … Вячеслава Володина»: genitive)."""
    from .mentions import Person

    found, i = [], 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper():
            i += 1
            continue
        run = _run(tokens, i, taken)
        if run is None:
            i += 1
            continue
        end, parts = run
        if _is_person(tokens, parts):
            name = " ".join(_name_words(tokens, i, end))
            if tokens[parts[0]].cyrillic:
                name = nominative(tokens, i, end, parts, (cases or {}).get(i))
            found.append(Person(i, end, name))
            i = end
        else:
            i += 1
    return found


def _name_word(token: Token, taken: set[int], index: int) -> bool:
    """A word that can be part of a name. Mid-sentence, a capitalised Russian word that is no place is a proper name
    (Russian capitalises little else); at the start of a sentence it must be a name pymorphy3 knows, or unknown."""
    text = token.text
    if index in taken or not text[:1].isupper() or not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text):
        return False
    lower = token.lower
    if lower in TITLES or lower in COMMON_CAPS or month_number(lower):
        return False
    if len(text) > 1 and text.isupper():
        return False  # an abbreviation
    if token.cyrillic:
        tags = [p.tag for p in parses(lower)]
        if any({"Name"} <= t.grammemes or {"Surn"} <= t.grammemes or {"Patr"} <= t.grammemes for t in tags):
            return True
        if any("Geox" in t.grammemes for t in tags):
            return False
        return index > 0 or not known(lower) or bool(SURNAME_ENDING.search(lower))
    return True


def _initial(tokens: list[Token], i: int) -> bool:
    return i + 1 < len(tokens) and len(tokens[i].text) == 1 and tokens[i].text.isupper() and tokens[i + 1].text == "."


def _run(tokens: list[Token], i: int, taken: set[int]) -> tuple[int, list[int]] | None:
    """(end, indices of name words) of the longest name-like run starting at ``i``."""
    parts: list[int] = []
    j = i
    while j < len(tokens) and len(parts) < 4:
        if j not in taken and _initial(tokens, j):
            j += 2
            continue
        if _name_word(tokens[j], taken, j):
            parts.append(j)
            j += 1
            continue
        if parts and tokens[j].lower in PARTICLES and j + 1 < len(tokens) and _name_word(tokens[j + 1], taken, j + 1):
            j += 1
            continue
        break
    if not parts or parts[0] != i and not _initial(tokens, i):
        return None
    words = len(parts) + sum(1 for k in range(i, j) if _initial(tokens, k))
    if words < 2 or len(parts) < 1:
        return None
    if tokens[i].cyrillic and len(parts) > 3:
        return None
    return j, parts


def _is_person(tokens: list[Token], parts: list[int]) -> bool:
    scripts = {tokens[p].cyrillic for p in parts}
    if len(scripts) > 1:
        return False
    if not tokens[parts[0]].cyrillic:
        return True
    tags = [{g for p in parses(tokens[k].lower) for g in p.tag.grammemes} for k in parts]
    return (
        any(t & {"Name", "Patr", "Surn"} for t in tags)
        or any(SURNAME_ENDING.search(tokens[k].lower) for k in parts)
        or all(not known(tokens[k].lower) for k in parts)
    )


def _name_words(tokens: list[Token], start: int, end: int) -> list[str]:
    out = []
    for k in range(start, end):
        if tokens[k].text == "." and out:
            out[-1] += "."
        else:
            out.append(tokens[k].text)
    return out


# -- the nominative ------------------------------------------------------------------------------------------------

SURNAME_CASES = {
    "masc": [
        ("ского", "ский"),
        ("скому", "ский"),
        ("ским", "ский"),
        ("ском", "ский"),
        ("цкого", "цкий"),
        ("цкому", "цкий"),
        ("цким", "цкий"),
        ("овым", "ов"),
        ("евым", "ев"),
        ("иным", "ин"),
        ("ыным", "ын"),
        ("ова", "ов"),
        ("ева", "ев"),
        ("ёва", "ёв"),
        ("ина", "ин"),
        ("ына", "ын"),
        ("ову", "ов"),
        ("еву", "ев"),
        ("ину", "ин"),
        ("ыну", "ын"),
        ("ове", "ов"),
        ("еве", "ев"),
        ("ине", "ин"),
    ],
    "femn": [
        ("ской", "ская"),
        ("скую", "ская"),
        ("цкой", "цкая"),
        ("овой", "ова"),
        ("евой", "ева"),
        ("иной", "ина"),
        ("ыной", "ына"),
        ("ову", "ова"),
        ("еву", "ева"),
        ("ину", "ина"),
    ],
}
CONSONANT_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем"), "loct": ("е",)}


def nominative(tokens: list[Token], start: int, end: int, parts: list[int], hint: str | None = None) -> str:
    """«Игорем Сергеенко» → «Игорь Сергеенко», «Вячеслава Володина» → «Вячеслав Володин»."""
    words = _name_words(tokens, start, end)
    preposition = tokens[start - 1].lower if start > 0 else ""
    case, gender = _case_and_gender(tokens, parts, preposition, hint)
    if case in (None, "nomn"):
        return " ".join(words)
    out = []
    for k in range(start, end):
        token = tokens[k]
        if token.text == ".":
            out[-1] += "."
            continue
        if len(token.text) == 1:
            out.append(token.text)
            continue
        out.append(_word_nominative(token.text, case, gender))
    return " ".join(out)


def _case_and_gender(tokens, parts, preposition, hint=None) -> tuple[str | None, str]:
    for k in parts:
        named = [p for p in parses(tokens[k].lower) if {"Name", "sing"} <= p.tag.grammemes]
        if not named:
            continue
        if preposition == "с":
            named = [p for p in named if p.tag.case == "ablt"] or named
        elif hint:
            named = [p for p in named if p.tag.case == hint] or named
        best = named[0]
        return best.tag.case, best.tag.gender or "masc"
    return None, "masc"


def _word_nominative(word: str, case: str, gender: str) -> str:
    lower = word.lower()
    for p in parses(lower):
        grammemes = p.tag.grammemes
        if ("Name" in grammemes or "Patr" in grammemes) and "sing" in grammemes and p.tag.case == case:
            form = p.inflect({"nomn"})
            if form:
                return _like(word, form.word)
    for ending, replacement in SURNAME_CASES.get(gender, []):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return _like(word, lower[: -len(ending)] + replacement)
    if gender == "masc" and re.search(r"[бвгджзклмнпрстфхцчшщ](?:а|я|у|ю|ом|ем|е)$", lower):
        for ending in CONSONANT_ENDINGS.get(case, ()):
            stem = lower[: -len(ending)]
            if lower.endswith(ending) and re.search(r"[бвгджзклмнпрстфхцчшщ]$", stem) and len(stem) > 2:
                return _like(word, stem)
    return word


def _like(original: str, word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-")) if original[:1].isupper() else word
