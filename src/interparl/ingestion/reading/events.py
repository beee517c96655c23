"""Dated occasions: sessions, sittings, council meetings, summits, forums, talks, foundings, anniversaries.

One event per date a sentence gives next to an occasion word or verb; "today" / «сегодня» is the dateline's
date. Dates that bound something else are not events: a document's date ("Regulations of 30 March 2007"), a
person's joining date, a chairmanship's start (unless an occasion is named at it: "at the Yerevan summit on
14 October 2016"). The place is the one the sentence names nearest the occasion, in the nominative.
"""

from __future__ import annotations

import re

from .facts import Event
from .gazetteer import ASSEMBLY, ORGAN, ORGANIZATION
from .mentions import Sentence, places
from .tokens import parses
from .words import EVENT, EVENT_CUE_EN, EVENT_CUE_RU, TODAY

# A date after these words bounds or dates something else: a document, a birth, the end of a stretch of time.
DOCUMENT_BEFORE = re.compile(
    r"(?:\bof|(?<!\w)от|\bdated|\bborn(?:\s+on)?|(?<!\w)родил\w*|\buntil|\btill|\bthrough|(?<!\w)до|(?<!\w)по)\s*$",
    re.I,
)
FOUNDING = re.compile(r"founded|established|учрежден\w*|основан\w*|создан\w*", re.IGNORECASE)
VERB_CUES = set(
    "met meet meets gathered convened convene convenes hosted host hosts held opened closed founded established".split()
)
TERM_BEFORE = re.compile(r"(?:\bjoined\b.*\bon|\bsince|(?<!\w)с)\s*$", re.I)


def read_events(s: Sentence, context, chair_starts: set[str], joined: bool) -> list:
    if EVENT not in s.cues:
        return []
    cue_pattern = EVENT_CUE_RU if s.language == "ru" else EVENT_CUE_EN
    cues = list(cue_pattern.finditer(s.text))
    if not cues:
        return []
    found = []
    spots = places(s)
    for date in s.dates:
        if not date.start or len(date.start) != 10:
            continue  # an occasion dated to a month or a year is not placed on a day
        before = s.text[max(0, date.position[0] - 40) : date.position[0]]
        if DOCUMENT_BEFORE.search(before) or (joined and TERM_BEFORE.search(before)):
            continue
        if re.search(r"(?:\bjoined\b|вошл\w*|вош[её]л)", s.text[: date.position[0]], re.I) and not _cue_near(
            cues, date.position[0]
        ):
            continue
        if date.start in chair_starts and not _cue_near(cues, date.position[0], noun_only=True):
            continue
        found.append(_event(s, date.start, date.end, date.position[0], cues, spots))
    today = TODAY.search(s.text)
    if today and context.dateline and len(context.dateline) == 10:
        found.append(_event(s, context.dateline, None, today.start(), cues, spots))
    return found


def _cue_near(cues, at: int, noun_only: bool = False) -> bool:
    for cue in cues:
        word = cue.group(0).lower()
        if noun_only and word in VERB_CUES:
            continue
        if 0 <= at - cue.end() <= 40 or 0 <= cue.start() - at <= 25:
            return True
    return False


def _event(s: Sentence, start: str, end: str | None, at: int, cues, spots) -> Event:
    place = None
    if spots:
        index = s.token_at(at)
        place = min(spots, key=lambda spot: abs(spot[0] - index))[1]

    # The occasion named in the date's own clause ("met … for the Annual Session"), else the nearest word of one.
    def clause_noun(cue) -> bool:
        between = s.text[min(cue.start(), at) : max(cue.end(), at)]
        return cue.group(0).lower() not in VERB_CUES and len(between) <= 60 and "," not in between

    cue = min([c for c in cues if clause_noun(c)] or cues, key=lambda c: abs(c.start() - at))
    return Event(start, end, title(s, cue), place, [])


def genitive(word: str) -> str:
    """«Ассамблея» → «Ассамблеи» (for titles such as «20-летие Ассамблеи»)."""
    inflected = parses(word.lower())[0].inflect({"gent"})
    if not inflected:
        return word
    return inflected.word.capitalize() if word[:1].isupper() else inflected.word


def _nominative(word: str, gender: str | None = None) -> str:
    """«пленарном» → «пленарное», «заседании» → «заседание»: singular nominative, adjectives in the noun's gender."""
    if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return word
    parse = parses(word.lower())[0]
    wanted = {"nomn", "sing"} | ({gender} if gender and "ADJF" in parse.tag else set())
    form = parse.inflect(wanted) if parse.tag.case not in (None, "nomn") else None
    if form is None:
        return word
    return form.word.capitalize() if word[:1].isupper() else form.word


def title(s: Sentence, keyword: re.Match) -> str:
    """ "11th plenary session of the CSTO PA", «саммит ОДКБ», "20th anniversary of the Assembly"."""
    text, language = s.text, s.language
    body = next((n for n in s.named if n.kind in (ORGAN, ASSEMBLY, ORGANIZATION)), None)
    if FOUNDING.fullmatch(keyword.group(0)):  # "was founded", «была учреждена»: the founding of the subject
        if language == "ru":
            return "учреждение" + (" " + genitive(body.text) if body and " " not in body.text else "")
        return "founding" + (f" of the {body.text}" if body else "")
    if keyword.group(0).lower() in VERB_CUES:  # "The Council of the CSTO met …": a meeting of its subject
        return f"meeting of the {body.text}" if body else "meeting"
    before = text[: keyword.start()].split()
    kept = []
    for word in reversed(before[-4:]):
        bare = word.strip(",;:")
        if bare != word or not bare:
            break
        if re.fullmatch(r"(?:The|A|An|This|That|Its|On|In|At|В|На|С)", bare):
            break
        if re.fullmatch(
            r"\d+(?:st|nd|rd|th|-?[ейяго]{1,2})?|[A-ZА-ЯЁ][\w-]*|plenary|regular|joint|field|annual|extraordinary|"
            r"пленарн\w+|очередн\w+|выездн\w+|совместн\w+|внеочередн\w+|торжественн\w+",
            bare,
        ):
            kept.insert(0, bare)
        else:
            break
    after = text[keyword.end() :]
    stop = re.search(
        r"\s+(?:in|at|on|will|was|were|took|held|under|near|and|where|в|во|на|под|состоял\w*|прош\w+|пройд\w+|отмет\w+)\b"
        r"|[,.;:(]|$",
        after,
    )
    tail = after[: stop.start()] if stop else after
    if language == "en" and not re.match(r"\s+of\b", tail):
        tail = ""
    if language == "ru":
        # «на пленарном заседании ПА ОДКБ» → «пленарное заседание ПА ОДКБ»: the words in the nominative, then the
        # names that follow in the genitive (and nothing after them)
        gender = parses(keyword.group(0).lower())[0].tag.gender
        kept = [_nominative(word, gender) for word in kept]
        index = s.token_at(keyword.end() - 1) + 1
        owner = next((n for n in s.named if n.start == index), None)
        tail = s.text[keyword.end() : s.end_of(owner.last - 1)] if owner else ""
        result = " ".join([*kept, _nominative(keyword.group(0))]) + tail
    else:
        result = " ".join([*kept, keyword.group(0)]) + tail
    # "the Assembly will celebrate its 20th anniversary" → "20th anniversary of the Assembly"
    subject = re.search(
        r"\bthe\s+(?P<subject>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?:will\s+)?(?:celebrate|mark)s?\s+its\b", text
    )
    if subject:
        result += f" of the {subject['subject']}"
    subject = re.search(r"(?P<subject>[А-ЯЁ][а-яё]+)\s+(?:отметит|отмечает|отметила|празднует|отпразднует)\s", text)
    if subject and language == "ru":
        result += " " + genitive(subject["subject"])
    return result.strip()
