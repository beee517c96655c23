"""People and their posts: pair every name in a sentence with the posts the sentence gives it.

A post reaches a name by apposition ("Executive Secretary of the PA Sergei Pospelov", "X, Chair of the
Assembly"), by a verb of election or appointment ("elected X as its President", «X избран Председателем»,
«Заместителем Председателя стал X»), by a label ("Members of the delegation: X, Y and Z", «Полномочный
представитель … — X»), by "led by" / «во главе с», or by joining a delegation; names joined by commas and "and"
share what their neighbour got from a label or a verb. A chair or vice-chair counts only as a post of an assembly
or its organs ("elected X as its President" is one); national titles (speaker, chair of a national committee,
senator) only tell the person's state, and "President X" alone is a head of state.
"""

from __future__ import annotations

import re
from collections import defaultdict

from interparl.registry.roles import DELEGATION_ROLES, Role

from .facts import PersonFact
from .gazetteer import ASSEMBLY, BODY, STATE
from .mentions import Person, Post, Sentence
from .words import HEAD_OF_STATE, NATIONAL, SPEAKER

# Words that may stand between a name and its post when a verb or a label joins them.
LINKS_AFTER = set(
    "today yesterday сегодня вчера as elected re-elected reelected appointed named chosen became is was serves "
    "served has have been were kept her his seat remains the its new unanimously also now will be again on from "
    "since with effect "
    "избран избрана переизбран переизбрана избраны назначен назначена назначены стал стала является утвержден "
    "утверждена единогласно на пост вновь также с".split()
)
WEAK_LINKS = set("the its new her his will also также be now again on from since with effect с".split())
LINKS_BEFORE = set(
    "— – - : стал стала является был была is was избран избрана назначен назначена избраны назначены единогласно "
    "также от стороны from вновь переизбран переизбрана переизбраны с on since утвержден утверждена утверждены "
    "включен включена включены".split()
)
LABEL_MARKS = set(
    "— – - : is was are remains стал стала является избран избрана назначен назначена избраны назначены "
    "переизбран переизбрана переизбраны утвержден утверждена утверждены включен включена включены".split()
)
CHAIN_GAPS = ([","], ["–"], ["—"], ["-"], ["and"], ["и"])
CLAUSE_BREAKS = {";", "who", "which", "whom", "который", "которая", "которые", "while", "but", "а"}
LIST_JOINS = {",", "and", "и", "также"}
SINCE = re.compile(r"(?:\b(?:from|since|as\s+of|with\s+effect\s+from)|(?<!\w)[сС])\s*$", re.IGNORECASE)
APPOINTED = re.compile(
    r"\b(?:elected|re-elected|appointed|named|joined|became)\b|(?<!\w)(?:избран\w*|переизбран\w*|назначен\w*|вош\w+|"
    r"стал|стала|утвержд\w+)(?!\w)",
    re.IGNORECASE,
)


def read_people(s: Sentence, context) -> list[PersonFact]:
    if not s.people:
        return []
    links: dict[int, dict[Post, bool]] = defaultdict(dict)  # person → post → linked by a verb or label
    for person in s.people:
        for post, verb in _appositions(s, person):
            links[id(person)].setdefault(post, verb)
        for post in [*_after(s, person), *_before(s, person)]:
            links[id(person)][post] = True
    _share_in_lists(s, links)
    in_list = context.members_list and s.people[0].start == 0
    facts = []
    for person in s.people:
        posts = dict(sorted(links[id(person)].items(), key=lambda item: item[0].start))
        roles = []
        for post, verb in posts.items():
            role = None if post.its and _its_parliament(s, post, context) else _role(post, verb)
            if role == "deputy_of_antecedent":
                role = _deputy_role(links)
            if role and role not in roles:
                roles.append(role)
        if not roles and (in_list or any(p.role == Role.MEMBER for p in posts)):
            roles = [Role.MEMBER]
        if not roles:
            continue
        facts.append(
            PersonFact(
                name=person.name,
                country=_country(s, person, list(posts), roles, context),
                organization=next(
                    (p.of.phrase for p, verb in posts.items() if p.of is not None and _role(p, verb)), None
                ),
                roles=[str(r) for r in roles],
                span=[],
                start=_start(s, person, posts),
            )
        )
    return facts


# -- how a post reaches a name -------------------------------------------------------------------------------------


def _title_end(s: Sentence, post: Post) -> int:
    """Where a post's words end: past what it is of, a lowercase «по … вопросам» tail, and "in the Assembly"."""
    if post.reach is None:
        post.reach = _reach(s, post)
    return post.reach


def _reach(s: Sentence, post: Post) -> int:
    end = post.last
    tokens = s.tokens
    if end < len(tokens) and tokens[end].lower in ("по", "on", "for"):
        # «комиссии … по международным делам», "Committee on Political Affairs and Democracy"
        j = end + 1
        while j < len(tokens) and j - end < 10 and not any(p.start == j for p in s.posts):
            token = tokens[j]
            if token.cyrillic:
                if token.capitalised or token.lower in LINKS_BEFORE:
                    break
            elif not token.text[:1].isalpha() or not (token.capitalised or token.lower in ("and", "of", "the")):
                break
            j += 1
        while j > end + 1 and tokens[j - 1].lower in ("and", "of", "the", "и"):
            j -= 1
        if j > end + 1:
            end = j
    j = end
    while j < len(tokens) and tokens[j].lower in ("в", "to", "in", "at", "the"):
        j += 1
    assembly = next((n for n in s.named if n.start == j and n.kind == ASSEMBLY), None)
    if j > end and assembly is not None:
        end = assembly.last
    return end


def _pre_titles(s: Sentence, person: Person) -> list[Post]:
    """Titles written right before the name, nearest first: "Austrian MP X", «Председателем Палаты … X»."""
    found, at = [], person.start
    while True:
        post = next((p for p in s.posts if not (p.led_by or p.predicate) and _title_end(s, p) == at), None)
        if post is None:
            return found
        found.append(post)
        at = post.start
        state = next((n for n in s.named if n.kind == STATE and n.end == at), None)
        if state is not None:
            at = state.start


def _head_start(s: Sentence, person: Person) -> int:
    titles = _pre_titles(s, person)
    return titles[-1].start if titles else person.start


def _appositions(s: Sentence, person: Person) -> list[tuple[Post, bool]]:
    """Posts written against the name, before it or after a comma: "X, Chairman of … and Chair of …"."""
    found = [(post, False) for post in _pre_titles(s, person)]
    i = _skip_aside(s, person.end)
    tokens = s.tokens
    while i < len(tokens) and tokens[i].text == ",":
        post = _post_at(s, i + 1)
        as_post = i + 2 < len(tokens) and tokens[i + 1].lower == "as" and _post_at(s, i + 2)
        if as_post:
            found.append((as_post, True))
            break
        if post is None:
            break
        found.append((post, False))
        i = _title_end(s, post)
        while i < len(tokens) and tokens[i].lower in ("and", "и"):
            post = _post_at(s, i + 1)
            if post is None:
                break
            found.append((post, False))
            i = _title_end(s, post)
    for post in s.posts:
        if post.led_by and _national_delegation(s, post):  # "led by X", «во главе с Председателем … X»
            at = post.end
            while at < len(s.tokens) and s.tokens[at].lower == "the":
                at += 1
            title = next((p for p in s.posts if p.start == at and p is not post), None)
            if title is not None:  # "headed by the Speaker of the Mazhilis, X"
                at = _title_end(s, title)
                at += at < len(s.tokens) and s.tokens[at].text == ","
            titles = _pre_titles(s, person)
            if at in (person.start, *(t.start for t in titles)):
                found.append((post, True))
    return found


def _national_delegation(s: Sentence, post: Post) -> bool:
    """A delegation "led by" someone is a state's, not an assembly's own («делегация ПА ОДКБ во главе с …»)."""
    word = next(
        (k for k in range(post.start - 1, -1, -1) if s.tokens[k].lower.startswith(("delegat", "делегац"))), None
    )
    if word is None:
        return True
    k = word + 1
    while k < len(s.tokens) and s.tokens[k].lower in ("of", "the"):
        k += 1
    return not any(n.start == k and n.kind == ASSEMBLY for n in s.named)


def _post_at(s: Sentence, i: int) -> Post | None:
    while i < len(s.tokens) and s.tokens[i].lower in ("the", "a", "also"):
        i += 1
    return next((p for p in s.posts if p.start == i and not (p.led_by or p.deputy_of_antecedent)), None)


def _skip_aside(s: Sentence, i: int) -> int:
    """Past "(Italy)" or "of Greece" after a name."""
    tokens = s.tokens
    if i < len(tokens) and tokens[i].text == "(":
        close = next((k for k in range(i, min(i + 8, len(tokens))) if tokens[k].text == ")"), None)
        if close is not None:
            return close + 1
    if i + 1 < len(tokens) and tokens[i].lower == "of":
        at = i + 2 if tokens[i + 1].lower == "the" else i + 1
        state = next((n for n in s.named if n.start == at and n.kind == STATE), None)
        if state is not None:
            return state.end
    return i


def _gap(s: Sentence, start: int, end: int) -> list[str]:
    """The words between two mentions, less states («от российской стороны») and dates ("on 5 September")."""
    dated = {k for d in s.dates for k in range(s.token_at(d.position[0]), s.token_at(d.position[1] - 1) + 1)}
    return [
        s.tokens[k].lower
        for k in range(start, end)
        if k not in dated and not any(n.kind == STATE and n.start <= k < n.end for n in s.named)
    ]


def _after(s: Sentence, person: Person) -> list[Post]:
    """A post after the name, joined by a verb: "X was elected Vice-President", «X избран Председателем»."""
    start = _skip_aside(s, person.end)
    appositive = [p for p, _ in _appositions(s, person) if p.start >= person.end]
    if appositive:
        start = max(_title_end(s, p) for p in appositive)
    post = next((p for p in s.posts if p.start >= start and not p.led_by and p not in appositive), None)
    if post is None or any(start <= other.start < post.start for other in s.people):
        return []
    gap = _gap(s, start, post.start)
    if len(gap) > 8 or set(gap) & CLAUSE_BREAKS:
        return []
    if post.deputy_of_antecedent and gap:
        return []  # "X, его заместителем — Y": the deputy is the next name, not X
    if post.predicate and set(gap) <= LINKS_AFTER | {","}:
        return [post]
    if gap and set(gap) <= LINKS_AFTER | {","} and set(gap) - WEAK_LINKS - {","}:
        return [post]
    return []


def _before(s: Sentence, person: Person) -> list[Post]:
    """A label or an inverted copula before the name: «Полномочный представитель … — X», "Members …: X"."""
    found = []
    own = set(_pre_titles(s, person))
    chain_end = _head_start(s, person)
    for post in reversed([p for p in s.posts if p.last <= chain_end and p not in own and not p.led_by]):
        if any(post.start < other.start < chain_end for other in s.people):
            break
        gap = _gap(s, _title_end(s, post), chain_end)
        if not found:
            label = gap and len(gap) <= 6 and set(gap) <= LINKS_BEFORE and set(gap) & LABEL_MARKS
            # "The head of the Armenian delegation, Deputy Speaker Hakob Arshakyan, met …": a post in apposition
            label = label or (gap == [","] and _closes_apposition(s, person))
            joined = post.joined and set(gap) <= {"также", ","}
            if not (label or joined):
                break
        elif gap not in CHAIN_GAPS:
            break
        found.append(post)
        chain_end = post.start
    return found


def _closes_apposition(s: Sentence, person: Person) -> bool:
    after = _skip_aside(s, person.end)
    return after >= len(s.tokens) or s.tokens[after].text in (",", ")", ".", ";")


def _share_in_lists(s: Sentence, links) -> None:
    """Names joined by commas and "and" share the posts their neighbours got from a label or a verb."""
    people = s.people
    pairs = []
    for left, right in zip(people, people[1:], strict=False):
        gap = s.words(_skip_aside(s, left.end), _head_start(s, right))
        if gap and set(gap) <= LIST_JOINS:
            pairs.append((left, right))
    for left, right in pairs:  # a label before the list: "Members: A, B and C"
        for post, verb in list(links[id(left)].items()):
            if verb and post.last <= left.start:
                links[id(right)].setdefault(post, True)
    for left, right in reversed(pairs):  # a verb after it: "A, B and C were elected Vice-Presidents"
        for post, verb in list(links[id(right)].items()):
            if verb and post.start >= right.end:
                links[id(left)].setdefault(post, True)


# -- what a post means here ----------------------------------------------------------------------------------------


def _role(post: Post, verb: bool) -> str | None:
    if post.role == SPEAKER:  # a parliament's speaker, unless the speaker of an assembly ("its new Speaker")
        return Role.CHAIR if post.its or (post.of is not None and post.of.belongs_to_assembly()) else None
    if post.role in (NATIONAL, HEAD_OF_STATE):
        return None
    if post.deputy_of_antecedent:
        return "deputy_of_antecedent"
    if post.role in (Role.CHAIR, Role.DEPUTY_CHAIR):
        if post.its:
            return post.role
        if post.of is not None:
            return post.role if post.of.belongs_to_assembly() else None
        return post.role if verb else None  # "President X" is a head of state; "elected X President" is not
    return post.role


def _its_parliament(s: Sentence, post: Post, context) -> bool:
    """ "The Mejlis … Its chairwoman X": "its" is the national parliament named last before the post (in this
    sentence, else as the previous one's subject), so the post is a parliament's, not an assembly's."""
    before = [n for n in s.subjects() if n.end <= post.start]
    kind = before[-1].kind if before else context.subject_kind
    return kind == BODY


def _deputy_role(links) -> str | None:
    """ "with X as his deputy": the deputy of the post the sentence gave the other person."""
    for posts in links.values():
        for post in posts:
            if post.role == Role.HEAD_OF_DELEGATION:
                return Role.DEPUTY_HEAD_OF_DELEGATION
            if post.role == Role.CHAIR:
                return Role.DEPUTY_CHAIR
    return None


def _start(s: Sentence, person: Person, posts: dict[Post, bool]) -> str | None:
    """The date a person joined or was elected or appointed, when the sentence gives it with the verb:
    "joined … on 15 March 2026", «с 1 марта назначен», "was appointed … on 5 September 2024"."""
    linked = [p for p, verb in posts.items() if verb and not p.led_by]
    if not linked or not APPOINTED.search(s.text):
        return None
    first = min(person.start, *(p.start for p in linked))
    begin = s.start_of(first)
    after = [d for d in s.dates if d.position[0] >= begin and d.start]
    since = [d for d in s.dates if d.start and SINCE.search(s.text, 0, d.position[0])]  # «С 1 марта … назначен»
    date = (after or since or [None])[0]
    return date.start if date else None


def _country(s: Sentence, person: Person, posts: list[Post], roles: list, context) -> str | None:
    states = [n for n in s.named if n.kind == STATE and not s.inside_name(n)]
    for named in states:
        # "X (Italy)", "X of Greece"
        if person.end < named.start < _skip_aside(s, person.end):
            return named.entry.code
        # "Austrian MP X"
        if named.end == _head_start(s, person) and named.end < person.start or named.end == person.start:
            return named.entry.code
    span_start = min([person.start, *(p.start for p in posts)])
    span_end = max([person.end, *(p.last for p in posts)])
    for named in states:  # «от российской стороны», "from Russia"
        if span_start <= named.start <= span_end + 3 and s.words(named.start - 1, named.start) in (["от"], ["from"]):
            return named.entry.code
    for post in posts:
        if post.of is not None and post.of.country:
            return post.of.country
    if any(r in DELEGATION_ROLES for r in roles):
        return context.delegation_country(s) or context.knowledge.person_country(person.name)
    return None
