"""Seat counts as texts state them: totals with a split in parentheses or after "of whom", lists of counts per
chamber, substitutes. When the parts contradict the stated total, no count is given rather than a wrong one."""

from __future__ import annotations

import re

from . import lexicon
from .lexicon import EN_NOUNS, FLAGS, RU_NOUNS, SUBSTITUTE_WORDS, clean_phrase


def seat_counts(rest: str, language: str) -> tuple[list[dict], int]:
    """The seats a phrase counts: "7 deputies of X and 4 members of Y", "11 deputies (7 from … and 4 from …)"."""
    number = lexicon.RU_NUMBER_WORD if language == "ru" else lexicon.NUMBER_WORD
    nouns = RU_NOUNS if language == "ru" else EN_NOUNS
    rest = rest.strip().rstrip(".")
    stated_total = None
    # "11 deputies (7 from … and 4 from …)" / "11 deputies: 7 … and 4 …"
    total_first = re.match(
        rf"^(?P<total>{number})\s+{nouns}\s*(?:\((?P<inner>.+)\)|[:,—–-]\s*(?P<marker>of\s+whom|including|из\s+них|в\s+том\s+числе)?\s*(?P<after>.+))$",
        rest,
        FLAGS,
    )
    if total_first:
        stated_total = lexicon.to_number(total_first["total"], language)
        split = (total_first["inner"] or total_first["after"]).strip()
        aside = bool(total_first["inner"] or total_first["marker"])
        seats, counted = _segments(split, language, number, nouns, noun_optional=True)
        if seats and counted == stated_total:
            return seats, stated_total  # "11 deputies (7 from … and 4 from …)"
        plain = _segments(rest, language, number, nouns)
        if plain[0]:
            return plain  # "7 deputies, 4 senators": a list, not a total
        if aside and not seats and stated_total is not None:
            # An aside we cannot read ("of whom four are women") leaves the stated total, still right.
            return [{"chamber": None, "count": stated_total, "kind": "member"}], stated_total
        return [], 0  # the parts contradict the total: better no fact than a wrong one
    return _segments(rest, language, number, nouns)


def _segments(rest: str, language: str, number: str, nouns: str, noun_optional: bool = False) -> tuple[list[dict], int]:
    """ "7 deputies of X and 4 members of Y" → one entry per count."""
    separator = r"\s*(?:,|;|\band\b|\bи\b|\bas\s+well\s+as\b|\bа\s+также\b)\s*"
    segments = re.split(rf"{separator}(?=(?:{number})\s)", rest, flags=FLAGS)
    seats = []
    for segment in segments:
        match = re.match(
            rf"^(?P<n>{number})\s+(?P<noun>{nouns})(?:\s+(?:from|of|in|representing|от|из)\s+|\s+)?(?P<chamber>.*?)$",
            segment.strip(),
            FLAGS,
        )
        if not match and noun_optional:  # "11 deputies (7 from X and 4 from Y)": the total names the noun
            match = re.match(
                rf"^(?P<n>{number})\s+(?P<noun>)(?:from|of|in|representing|от|из)\s+(?P<chamber>.+)$",
                segment.strip(),
                FLAGS,
            )
        if not match:
            if segment.strip():
                return [], 0  # a part we cannot read: better no fact than a wrong one
            continue
        count = lexicon.to_number(match["n"], language)
        if count is None:
            return [], 0
        noun = match["noun"]
        kind = "substitute" if SUBSTITUTE_WORDS.search(noun) else "member"
        chamber = clean_phrase(match["chamber"])
        if chamber and re.fullmatch(r"(?:each|в\s+каждой)", chamber, FLAGS):
            chamber = None
        if chamber and not re.match(r"[A-ZА-ЯЁ]", chamber):
            return [], 0  # not a chamber's name ("of whom four are women"): this part cannot be read
        seats.append({"chamber": chamber, "count": count, "kind": kind})
    return seats, sum(s["count"] for s in seats)
