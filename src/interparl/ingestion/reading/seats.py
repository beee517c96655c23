"""Seat quotas: how many members (and substitutes) a state's parliament or chamber sends to an assembly.

A sentence states a composition (a verb such as "is represented by", «состоит из», «по 18 мест») for one state,
or the same count for several ("by six members each", «по 18 мест»). A total followed by its split (in
parentheses, after "of whom", «из них», or a colon) gives the split when the parts add up; a split that
contradicts its total gives nothing; a split by something other than chambers (parties) leaves the total. A
count's chamber is the body named after its noun («депутатов Госдумы», "from the Senate"), the noun itself
when it stands for a chamber ("senators"), or the body the sentence is about ("The Bundestag is represented by").
"""

from __future__ import annotations

import re

from .facts import Delegation, Seat
from .gazetteer import ASSEMBLY, BODY
from .mentions import Count, Named, Sentence
from .words import COMPOSED, COMPOSITION, DELEGATION, DELEGATION_CONTEXT, SPLIT_MARKERS

LABEL = re.compile(r"(?:delegation|делегаци\w*)\b.*(?::|\s[–—-])\s*$", re.IGNORECASE)  # "Delegation of X to Y: 4 …"
CHAMBER_NOUNS = {"senators": "senators", "senator": "senators", "сенатор": "сенаторы"}


def read_seats(s: Sentence, context) -> list[Delegation]:
    counts = [c for c in s.counts if c.value or c.as_many]
    if not counts or not (COMPOSITION.search(s.text) or LABEL.search(s.text[: s.start_of(counts[0].start)])):
        return []
    if not _about_a_delegation(s):
        return []  # "The Mejlis has 125 deputies": the size of a parliament, not of a delegation
    found = []
    for start, end in _clauses(s):
        found += _clause(s, context, start, end, [c for c in counts if start <= c.start < end])
    return found


def _about_a_delegation(s: Sentence) -> bool:
    """A verb of composition, or a verb of size ("has") in a sentence about a delegation, an assembly or seats."""
    if DELEGATION in s.cues or any(n.kind == ASSEMBLY for n in s.named) or DELEGATION_CONTEXT.search(s.text):
        return True
    return COMPOSED.search(s.text) is not None


def _clauses(s: Sentence) -> list[tuple[int, int]]:
    """Token ranges with one subject each: "Russia has 18 seats in PACE, Germany has 18 representatives …"."""
    subjects = [n.start for n in s.states() if any(COMPOSITION.fullmatch(t.lower) for t in s.tokens[n.end : n.end + 3])]
    if len(subjects) < 2:
        return [(0, len(s.tokens))]
    bounds = [0, *subjects[1:], len(s.tokens)]
    return list(zip(bounds, bounds[1:], strict=False))


def _clause(s: Sentence, context, start: int, end: int, counts: list[Count]) -> list[Delegation]:
    if not counts:
        return []
    states = [n for n in s.states() if start <= n.start < end]
    named_assembly = next((n for n in s.named if n.kind == ASSEMBLY), None)
    assembly = named_assembly.text if named_assembly else None
    code = named_assembly.entry.code if named_assembly else None
    distributive = next((c for c in counts if c.each), None)
    bodies_before = [n for n in s.named if n.kind == BODY and start <= n.start and n.end <= counts[0].start]
    if distributive is not None and len(counts) == 1 and len(bodies_before) < 2:
        listed = list({n.entry.code: n for n in states if n.end <= distributive.start}.values())
        if len(listed) >= 2:  # «у Великобритании, Германии … — по 18 мест»
            seat = Seat(None, distributive.value, distributive.kind)
            return [Delegation(n.entry.code, None, assembly, [seat], seat.count, [], code) for n in listed]
    countries = {n.entry.code for n in states} or {
        n.country for n in s.named if n.kind == BODY and n.country and start <= n.start < end and not s.inside_name(n)
    }
    if len(countries) > 1:
        return []
    country = next(iter(countries), None) or (context.country if DELEGATION in s.cues else None)
    if country is None:
        return []
    seats = _seats(s, counts)
    if not seats:
        return []
    bodies = [n for n in s.named if n.kind == BODY and start <= n.start < end and not s.inside_name(n)]
    parliament = bodies[0].entry.name(s.language) if bodies else None
    context.country = country
    return [Delegation(country, parliament, assembly, seats, sum(x.count for x in seats), [], code)]


def _seats(s: Sentence, counts: list[Count]) -> list[Seat] | None:
    split_at = _split(s, counts)
    subject = _subject_body(s, counts[0])
    if split_at is None:
        return _each(s, counts, 0, subject)
    total, parts = counts[0], counts[split_at:]
    if split_at > 1:
        return None  # two counts before a split: no reading
    seats = _each(s, parts, total.end, None, inherit=total)
    if any(not part.noun and not part.each and _chamber(s, part) is None for part in parts):
        seats = []  # "five from the ruling party": a split by something other than chambers
    if seats and sum(x.count for x in seats) == total.value:
        return seats
    if seats and all(x.chamber for x in seats):
        return None  # the parts name chambers and contradict the total: better no fact than a wrong one
    chamber = _chamber(s, total) or subject
    return [Seat(chamber, total.value, total.kind)]


def _split(s: Sentence, counts: list[Count]) -> int | None:
    """Index of the first count of a split after a total: "11 (7 … and 4 …)", "36 …, of whom 18 … and 18 …",
    or "three delegates, two from … and one from …" (the counts after a comma add up to the first)."""
    for index, count in enumerate(counts[1:], start=1):
        between = " ".join(s.words(counts[index - 1].end, count.start))
        if "(" in between or ":" in between or any(m in between for m in SPLIT_MARKERS):
            return index
    if len(counts) > 2 and s.words(counts[0].end, counts[1].start) == [","]:
        if sum(c.value for c in counts[1:]) == counts[0].value and not any(c.as_many or c.each for c in counts):
            return 1
    return None


def _each(s: Sentence, counts: list[Count], region_start: int, subject: str | None, inherit: Count | None = None):
    seats, previous = [], None
    for count in counts:
        value = previous.value if count.as_many and previous else count.value
        kind = count.kind
        if inherit is not None and not count.noun:
            kind = inherit.kind
        if count.each:
            # "the Majlisi milli and the Majlisi namoyandagon delegate six members each", «по четыре от Сената и …»
            bodies = [n for n in s.named if n.kind == BODY and region_start <= n.start < count.start]
            if len(bodies) < 2:
                bodies = [n for n in s.named if n.kind == BODY and count.end <= n.start < _clause_end(s, count.end)]
            if len(bodies) < 2:
                return []
            seats += [Seat(b.entry.name(s.language), value, kind) for b in bodies]
        else:
            seats.append(Seat(_chamber(s, count) or subject, value, kind))
        previous = count
    return seats


def _clause_end(s: Sentence, i: int) -> int:
    return next((k for k in range(i, len(s.tokens)) if s.tokens[k].text in (";", ".", "(", ")")), len(s.tokens))


def _chamber(s: Sentence, count: Count) -> str | None:
    noun = count.noun.split()[-1] if count.noun else ""
    key = s.tokens[count.end - 1].key if count.noun else ""
    if noun in CHAMBER_NOUNS or key in CHAMBER_NOUNS:
        return CHAMBER_NOUNS.get(noun) or CHAMBER_NOUNS[key]
    i = count.end
    tokens = s.tokens
    while i < len(tokens) and tokens[i].lower in ("of", "from", "in", "the", "от", "из", "representing"):
        i += 1
    if count.noun and i == count.end and not (i < len(tokens) and tokens[i].cyrillic):
        return None
    named = next((n for n in s.named if n.start == i and n.kind == BODY), None)
    if named is None:
        return None
    after = s.words(named.last, named.last + 3)
    if after[:1] in (["and"], ["и"]) and any(
        n.kind == BODY and n.start in (named.last + 1, named.last + 2) for n in s.named
    ):
        return None  # "Members of the House of Commons and the House of Lords": both chambers
    return _name(named, s.language)


def _subject_body(s: Sentence, first: Count) -> str | None:
    """The body a sentence is about when it is its subject: "The German Bundestag is represented …"."""
    for named in s.named:
        if named.start >= first.start:
            return None
        if named.kind == BODY:
            if any(w.startswith(("delegat", "делегац")) for w in s.words(0, named.start)):
                return None  # "The delegation of the French Parliament …": the delegation is the subject
            return _name(named, s.language)
    return None


def _name(named: Named, language: str) -> str:
    return named.entry.name(language) or named.text
