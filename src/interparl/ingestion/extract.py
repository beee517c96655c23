"""Read an assembly's page or news item and list the facts it states, sentence by sentence, in English or Russian.

The reader finds the *mentions* in each sentence (``reading.mentions``: states, bodies, assemblies, posts,
people, seat counts, dates, places) and relates them (``reading.seats``, ``people``, ``organizations``,
``events``, ``websites``). What one sentence establishes carries to the next: the text's dateline (for dates
without a year and for "today"), the state a page or paragraph is about, the organisation a chairmanship is of,
a "Members of the delegation:" label over the list that follows. Each fact keeps the span of its sentence; a
sentence that yields no fact is listed as unparsed, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_dates
from .knowledge import Knowledge
from .reading.events import read_events
from .reading.facts import Extraction, Unparsed
from .reading.gazetteer import ASSEMBLY, ORGANIZATION, ORGANIZATION_OF, STATE
from .reading.mentions import Sentence, analyse
from .reading.organizations import FUTURE, read_chairmanships, read_member_states
from .reading.people import read_people
from .reading.seats import read_seats
from .reading.websites import read_websites
from .reading.words import DELEGATION
from .text import read_text, sentences

__all__ = ["Extraction", "extract", "detect_language"]


CYRILLIC, LATIN = re.compile(r"[А-Яа-яЁё]"), re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    if not CYRILLIC.search(text):
        return "en"
    if not LATIN.search(text):
        return "ru"
    return "ru" if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else "en"


@dataclass
class Context:
    """What the text has established so far."""

    knowledge: Knowledge
    dateline: str | None = None  # the text's own date (ISO), when it opens with one
    year: int | None = None  # the year dates without one take
    country: str | None = None  # the state the page or paragraph is about
    organization: str | None = None  # the organisation "the Organisation" refers to
    assembly: str | None = None  # the assembly the text is about: the last one it named
    members_list: bool = False  # the previous line was "Members of the delegation:"
    subject_kind: str | None = None  # what the previous sentence spoke of first (a parliament, an assembly…)
    event_dates: set[str] = field(default_factory=set)  # one event per date: later mentions are the same occasion

    def delegation_country(self, s: Sentence) -> str | None:
        """The state of the delegation a sentence speaks of: "the Kyrgyz delegation", «делегация Беларуси»."""
        return s.country() or self.country


MEMBERS_LABEL = re.compile(r"(?:members\s+of\s+(?:the\s+)?delegation|члены\s+делегации|состав\s+делегации)\s*:$", re.I)


def _dateline(text: str, language: str) -> tuple[str | None, int | None]:
    """The date a text opens with ("OSLO, 10 July 2010", «Москва, 9 декабря 2024 года»), within its first lines."""
    for line in text.splitlines()[:6]:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        for lang in (language, "ru" if language == "en" else "en"):
            found = [d for d in find_dates(line, lang, None) if d.has_year and d.start]
            if found:
                rest = (line[: found[0].position[0]] + line[found[0].position[1] :]).strip(" ,.")
                if len(rest.split()) <= 3:
                    return found[0].start, int(found[0].start[:4])
    for lang in (language, "ru" if language == "en" else "en"):
        found = [d for d in find_dates(text, lang, None) if d.has_year and d.start]
        if found:
            return None, int(found[0].start[:4])
    return None, None


def extract(raw: str, language: str = "auto", knowledge: Knowledge | None = None) -> tuple[str, Extraction]:
    """The text as read (HTML reduced) and every fact found in it."""
    text = read_text(raw)
    per_sentence = language == "auto"  # a page may quote the other language: each sentence is read in its own
    if per_sentence:
        language = detect_language(text[:20_000])
    knowledge = knowledge or Knowledge()
    context = Context(knowledge)
    context.dateline, context.year = _dateline(text, language)
    result = Extraction(language, dateline=context.dateline)
    for piece in sentences(text):
        here = detect_language(piece.text) if per_sentence else language
        s = analyse(piece.text, here, knowledge.gazetteer, context.year, listing=context.members_list)
        _dates_ahead(s, context)
        span = [piece.start, piece.end]
        if not _read(s, context, result, span):
            result.unparsed.append(Unparsed(piece.text, span))
    return text, result


def _read(s: Sentence, context: Context, result: Extraction, span: list[int]) -> int:
    """Add the sentence's facts to the result; how many there were."""
    organization = next((n.entry.code for n in s.named if n.kind == ORGANIZATION and n.entry.code), None)
    if organization:
        context.organization = organization
    assembly = next((n.entry.code for n in s.named if n.kind == ASSEMBLY and n.entry.code), None)
    if assembly:
        context.assembly = assembly
    if not organization and context.organization is None:
        context.organization = ORGANIZATION_OF.get(assembly)
    heading = len(s.text) < 100 and s.text[-1:] not in ".!?"
    if heading or DELEGATION in s.cues:
        # «делегации … Совет Федерации …»: a state named by its chamber when no state is named near the word
        country = context.delegation_country(s) if heading else (_delegation_state(s) or s.country())
        if country:
            context.country = country
    delegations = read_seats(s, context)
    for delegation in delegations:
        delegation.assembly_code = delegation.assembly_code or context.assembly
    found = _put(result.delegations, delegations, span)
    people = read_people(s, context)
    for person in people:
        person.assembly_code = context.assembly
    found += _put(result.people, people, span)
    found += _put(result.websites, read_websites(s, context), span)
    chairs = read_chairmanships(s, context)
    found += _put(result.chairmanships, chairs, span)
    found += _put(result.member_states, read_member_states(s, context), span)
    joined = any(p.start for p in people)
    events = [
        e
        for e in read_events(s, context, {c.start for c in chairs if c.start}, joined)
        if e.date not in context.event_dates
    ]
    context.event_dates.update(e.date for e in events)
    found += _put(result.events, list({e.date: e for e in reversed(events)}.values())[::-1], span)
    subjects = s.subjects()
    context.subject_kind = subjects[0].kind if subjects else context.subject_kind
    # "Members of the delegation:" alone on its line labels the names on the lines that follow.
    if s.text.endswith(":") and MEMBERS_LABEL.search(s.text) and not s.people:
        context.members_list = True
    elif not (s.people and s.people[0].start == 0):
        context.members_list = False
    return found


def _delegation_state(s: Sentence) -> str | None:
    for n in s.named:
        if n.kind != STATE or s.inside_name(n):
            continue
        near = s.words(max(0, n.start - 3), n.end + 2)  # "the Kyrgyz delegation", «делегация Беларуси»
        if any(w.startswith(("delegation", "делегаци")) for w in near):
            return n.entry.code
    return None


def _put(target: list, facts: list, span: list[int]) -> int:
    for fact in facts:
        fact.span = span
        target.append(fact)
    return len(facts)


def _dates_ahead(s: Sentence, context: Context) -> None:
    """A date without a year that would fall before the dateline in a sentence about the future is next year's."""
    if not any(not d.has_year for d in s.dates):
        return
    if not (context.dateline and len(context.dateline) == 10 and FUTURE.search(s.text)):
        return
    for date in s.dates:
        if not date.has_year and date.start and date.start < context.dateline:
            date.start = str(int(date.start[:4]) + 1) + date.start[4:]
            if date.end:
                date.end = str(int(date.end[:4]) + 1) + date.end[4:]
