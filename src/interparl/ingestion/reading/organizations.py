"""Facts about an organisation itself: who chairs it from when, and which states are its members.

A hand-over names the state taking over ("passed from Kazakhstan to the Kyrgyz Republic", «перейдёт … к
Российской Федерации»), a state assuming or holding the chairmanship ("Belarus, which assumed the presidency
… on 14 October 2016", «Россия, которая председательствует в СНГ в 2024 году»). The start is the date the
sentence gives, else the year it gives ("in 2026", «в этом году» → the dateline's year), else — for a
hand-over reported as done — the dateline's date. Announced hand-overs are marked as such.
"""

from __future__ import annotations

import re

from .facts import Chairmanship, MemberStates
from .gazetteer import ORGANIZATION, STATE
from .mentions import Sentence
from .words import CHAIR, CHAIRMANSHIP, MEMBERSHIP

HAND_OVER = re.compile(
    r"\b(?:passed|passes|will\s+pass|went|goes|will\s+go|handed\s+over|hands\s+over|will\s+hand\s+over|"
    r"transferred|is\s+passing|has\s+passed)\b"
    r"|(?<!\w)(?:перешло|перешл\w*|перейд[её]т|переходит|передан\w*|переда\w*)(?!\w)",
    re.IGNORECASE,
)
ASSUME = re.compile(
    r"\b(?:assumed|assumes|will\s+assume|has\s+assumed|took\s+over|takes\s+over|will\s+take\s+over|"
    r"has\s+taken\s+over|chairs|is\s+chairing|has\s+been\s+chairing|presides\s+over|will\s+chair|holds)\b"
    r"|(?<!\w)(?:прим\w+(?:\s+на\s+себя)?\s+председательств\w*|принял\w*(?:\s+на\s+себя)?\s+председательств\w*|"
    r"приступ\w+\s+к\s+председательству|председательству\w*|(?:будет\s+)?председательствовать)(?!\w)",
    re.IGNORECASE,
)
FUTURE = re.compile(r"\bwill\b|(?<!\w)(?:перейд[её]т|примет|будет|пройд[её]т|состоится|приступит)(?!\w)", re.I)
PRESENT = re.compile(r"\b(?:chairs|is\s+chairing|presides|holds)\b|председательству(?:ет|ющ\w+)", re.I)
YEAR = re.compile(
    r"\b(?:in|from|since)\s+(?P<en>(?:19|20)\d{2})\b|(?<!\w)[вс]\s+(?P<ru>(?:19|20)\d{2})\s+год\w*"
    r"|(?P<this>\bthis\s+year\b|в\s+этом\s+году|в\s+текущем\s+году)"
    r"|(?P<next>\bnext\s+year\b|в\s+следующем\s+году|в\s+будущем\s+году)",
    re.I,
)
# A hand-over reported as part of the day's occasion: it took place on the dateline's date.
SAME_DAY = re.compile(
    r"\b(?:today|at\s+the\s+(?:close|end)\s+of|following\s+the|after\s+the)\b"
    r"|(?<!\w)(?:сегодня|по\s+итогам|в\s+завершение|по\s+завершении)(?!\w)",
    re.IGNORECASE,
)
MEMBERS = re.compile(
    r"\bmember\s+states\s+(?:of\s+the\s+\w+\s+)?(?:are|include)\b|\bmembers\s+of\s+the\s+\w+\s+are\b"
    r"|(?<!\w)(?:государствами|государства)[\s-]+член\w+\s+\w+\s+(?:являются|являются:)",
    re.I,
)


def read_chairmanships(s: Sentence, context) -> list[Chairmanship]:
    if CHAIR not in s.cues or not CHAIRMANSHIP.search(s.text):
        return []
    organization = _organization(s, context)
    if organization is None and not any(n.kind == ORGANIZATION for n in s.named):
        return []  # the chairmanship of a session, a committee: no organisation is handed over
    found = []
    hand_over = HAND_OVER.search(s.text)
    if hand_over:
        after = s.token_at(hand_over.end())
        to = next((i for i in range(after, len(s.tokens)) if s.tokens[i].lower in ("to", "к", "ко")), None)
        state = next((n for n in s.states() if to is not None and n.start == to + 1), None)
        if state is None:
            state = next(
                (
                    n
                    for n in s.states()
                    if n.start >= after
                    and s.words(n.start - 1, n.start) != ["from"]
                    and s.words(n.start - 1, n.start) != ["от"]
                ),
                None,
            )
        if state is not None:
            found.append(_term(s, context, organization, state.entry.code, hand_over, reported=True))
    for match in ASSUME.finditer(s.text):
        if hand_over and match.start() < hand_over.start():
            continue  # «Председательствующая … Беларусь передала председательство …»: the state handing over
        verb = s.token_at(match.start())
        state = _subject(s, verb)
        if state is None or any(c.country == state for c in found):
            continue
        found.append(_term(s, context, organization, state, match, reported=False))
    return found


def _organization(s: Sentence, context) -> str | None:
    """The organisation a sentence speaks of; "the Organisation", or none named, is the one the text is about."""
    for named in s.named:
        if named.kind == ORGANIZATION:
            return named.entry.code or context.organization
    return context.organization


def _subject(s: Sentence, verb: int) -> str | None:
    """The state before the verb, in its clause or as the antecedent of "which" / «которая»."""
    after = next((n for n in s.states() if verb < n.start <= verb + 4), None)
    states = [n for n in s.states() if n.end <= verb]
    if not states:
        # «председательствовать в ОДКБ будет Таджикистан», «председательствует Россия»
        if after is not None and set(s.words(verb + 1, after.start)) <= {"будет", "в", "the"} | set(
            t.lower for t in s.tokens[verb + 1 : after.start] if t.capitalised
        ):
            return after.entry.code
        return None
    state = states[-1]
    gap = s.words(state.end, verb)
    allowed = {",", "which", "that", "has", "have", "been", "который", "которая", "которое", "now", "also", "formally"}
    if len(gap) <= 4 and set(gap) <= allowed:
        return state.entry.code
    return None


def _term(s: Sentence, context, organization: str | None, country: str, verb: re.Match, reported: bool) -> Chairmanship:
    future = bool(FUTURE.search(s.text[max(0, verb.start() - 20) : verb.end() + 30]))
    verb_at = verb.start()
    start = None
    dates = [d for d in s.dates if d.start and len(d.start) >= 7]
    after = [d for d in dates if d.position[0] >= verb_at]
    chosen = after[0] if after else (dates[0] if dates else None)
    if chosen is not None:
        start = chosen.start
    else:
        year = YEAR.search(s.text)
        if year:
            if year["this"] and context.year:
                start = str(context.year)
            elif year["next"] and context.year:
                start = str(context.year + 1)
            elif year["en"] or year["ru"]:
                start = year["en"] or year["ru"]
        elif (
            reported
            and not future
            and context.dateline
            and (SAME_DAY.search(s.text) or context.dateline in context.event_dates)
        ):
            start = context.dateline  # "At the close of the session … passed to …" in an item dated that day
        elif PRESENT.search(s.text) and context.year:
            start = str(context.year)
    announced = future or bool(start and context.dateline and start > context.dateline)
    return Chairmanship(organization, country, start, None, [], announced)


def read_member_states(s: Sentence, context) -> list[MemberStates]:
    """ "The member states of the CSTO are Armenia, Belarus, …" → the organisation and its members."""
    match = MEMBERS.search(s.text) if MEMBERSHIP in s.cues else None
    if not match:
        return []
    organization = _organization(s, context)
    after = s.token_at(match.end())
    countries = list(dict.fromkeys(n.entry.code for n in s.states() if n.start >= after and n.kind == STATE))
    if organization is None or len(countries) < 2:
        return []
    return [MemberStates(organization, countries, [])]
