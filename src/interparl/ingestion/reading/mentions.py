"""The mentions in one sentence: named bodies and states, posts, people, seat counts, dates and places.

Each mention knows the words it spans (token indices, end exclusive). The relation modules (``seats``,
``people``, ``chairs``, ``events``) pair them up; nothing here decides what a fact is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .. import dates as dating
from ..dates import month_number
from . import words
from .gazetteer import ASSEMBLY, BODY, ORGAN, ORGANIZATION, STATE, Entry, Gazetteer
from .names import find_people
from .tokens import Token, offsets, parses, tokenize

SUBJECT_KINDS = (BODY, ASSEMBLY, ORGAN, ORGANIZATION)  # what "its" can refer to


@dataclass(slots=True, eq=False)
class Named:
    """A state, body, assembly, organisation or organ, with what it belongs to ("Council of the Republic of …")."""

    start: int
    end: int
    entry: Entry
    text: str
    of: Named | None = None  # "National Assembly [of the Republic of Belarus]", «Совет [ПА ОДКБ]»
    tail: str = ""  # the words from the end of the name to the end of what it belongs to
    last: int = 0  # the end of the name with what it belongs to (set once the names are linked)
    kind: str = ""  # the entry's kind (state, body, assembly, organization, organ), kept at hand

    def __post_init__(self):
        self.kind = self.entry.kind

    def chain(self):
        node = self
        while node is not None:
            yield node
            node = node.of

    @property
    def country(self) -> str | None:
        return next((n.entry.country for n in self.chain() if n.entry.country), None)

    @property
    def phrase(self) -> str:
        """The name with what it belongs to, as written: "Parliament of the Republic of Kazakhstan"."""
        return self.text + self.tail

    def belongs_to_assembly(self) -> bool:
        """Of an assembly, or of an organ named without its owner («Председатель Совета»: the text's assembly's)."""
        chain = list(self.chain())
        if any(n.kind == ASSEMBLY for n in chain):
            return True
        return all(n.kind == ORGAN and n.entry.code is None for n in chain)


@dataclass(slots=True, eq=False)
class Post:
    role: str  # the registry's vocabulary, or "national" / "head_of_state" for titles that are not posts of it
    start: int
    end: int
    of: Named | None = None  # what the post is of: "Chair [of the Assembly]"
    its: bool = False  # "its President": the assembly the sentence is about
    led_by: bool = False  # "led by X", «во главе с X»: the holder follows
    joined: bool = False  # "joined the delegation", «вошли в состав делегации»: a member from a date
    deputy_of_antecedent: bool = False  # "as his deputy"
    predicate: bool = False  # the post is said by a verb ("will lead the delegation"): it follows its holder
    reach: int | None = None  # where its words end, with what it is of (``people._title_end``, worked out once)

    @property
    def last(self) -> int:
        return self.of.last if self.of else self.end


@dataclass(slots=True, eq=False)
class Person:
    start: int
    end: int
    name: str


@dataclass(slots=True, eq=False)
class Count:
    start: int
    end: int
    value: int
    kind: str = "member"  # or "substitute"
    noun: str = ""  # the people noun as written ("senators"), "" when the count names none
    each: bool = False  # distributive: "six members each", «по 18 мест»
    as_many: bool = False  # "and as many substitutes": the value of the count before


@dataclass(slots=True, eq=False)
class Sentence:
    text: str
    language: str
    tokens: list[Token]
    named: list[Named] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    dates: list[dating.FoundDate] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)  # which readers the sentence needs (``words.cues_of``)
    _starts: list[int] | None = None  # where each word starts and ends, worked out when first asked
    _ends: list[int] | None = None
    _states: list[Named] | None = None

    def words(self, start: int, end: int) -> list[str]:
        return [t.lower for t in self.tokens[start:end]]

    def _offsets(self) -> tuple[list[int], list[int]]:
        if self._starts is None:
            self._starts, self._ends = offsets(self.text, self.tokens)
        return self._starts, self._ends

    def start_of(self, index: int) -> int:
        """Where word ``index`` starts in the text."""
        return self._offsets()[0][index]

    def end_of(self, index: int) -> int:
        """Where word ``index`` ends in the text."""
        return self._offsets()[1][index]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        starts, ends = self._offsets()
        return starts[start], ends[end - 1]

    def snippet(self, start: int, end: int) -> str:
        a, b = self.char_span(start, end)
        return self.text[a:b]

    def token_at(self, char: int) -> int:
        """The index of the word that ends after offset ``char`` (the word at or after it)."""
        return bisect.bisect_right(self._offsets()[1], char)

    def states(self) -> list[Named]:
        """The states the sentence names, less those inside an assembly's or organisation's name."""
        if self._states is None:
            self._states = [n for n in self.named if n.kind == STATE and not self.inside_name(n)]
        return self._states

    def countries(self) -> set[str]:
        """The states a sentence names; failing those, the states its bodies' names imply ("the State Duma")."""
        named = {n.entry.code for n in self.states()}
        return named or {n.country for n in self.named if n.kind == BODY and n.country and not self.inside_name(n)}

    def country(self) -> str | None:
        """The one state the sentence names (or its bodies imply), if it names exactly one."""
        countries = self.countries()
        return next(iter(countries)) if len(countries) == 1 else None

    def subjects(self) -> list[Named]:
        """The bodies, assemblies, organs and organisations the sentence names, in order, not counting those inside
        another's name: what "its" can refer to."""
        return [n for n in self.named if n.kind in SUBJECT_KINDS and not self.inside_name(n)]

    def inside_name(self, mention: Named) -> bool:
        """A state named inside an assembly's name ("… of the Union of Belarus and Russia") is not a state mention."""
        return any(
            other is not mention and other.kind in (ASSEMBLY, ORGANIZATION) and other.start <= mention.start < other.end
            for other in self.named
        )


def analyse(
    text: str, language: str, gazetteer: Gazetteer, default_year: int | None, listing: bool = False
) -> Sentence:
    """The mentions of one sentence. People are looked for where a post is named or a list of names is expected
    (``listing``): a name alone is no fact."""
    tokens = tokenize(text)
    sentence = Sentence(text, language, tokens, cues=words.cues_of(tokens))
    sentence.named = _named(sentence, gazetteer)
    taken = {i for n in sentence.named for i in range(n.start, n.end)}
    sentence.posts = _posts(sentence) if words.POST in sentence.cues else []
    taken |= {i for p in sentence.posts for i in range(p.start, p.end)}
    if listing or any(p.role not in (words.NATIONAL, words.HEAD_OF_STATE) for p in sentence.posts):
        sentence.people = find_people(tokens, taken, language, _title_cases(sentence))
    sentence.counts = _counts(sentence) if words.NUMBER in sentence.cues else []
    dated = DIGIT.search(text) or (language == "ru" and dating.DAY_WORD_CUE.search(text))
    sentence.dates = dating.find_dates(text, language, default_year) if dated else []
    return sentence


DIGIT = re.compile(r"\d")
COMMON_STARTS = {"in", "at", "on", "by", "from", "for", "with", "в", "на", "по", "с"}


# -- named things --------------------------------------------------------------------------------------------------


def _named(sentence: Sentence, gazetteer: Gazetteer) -> list[Named]:
    tokens = sentence.tokens
    found = [Named(i, j, entry, sentence.snippet(i, j)) for i, j, entry in gazetteer.find(tokens)]
    taken = {i for n in found for i in range(n.start, n.end)}
    for index, named in enumerate(found):
        if named.kind == ASSEMBLY and named.entry.code is None:
            # "the Baltic Assembly": an assembly the tables do not know is named by the capitalised words before
            # the generic word; its name is its code
            first = named.start
            while (
                first > 0
                and tokens[first - 1].capitalised
                and first - 1 not in taken
                and not tokens[first - 1].cues  # "Chair of the Assembly", «Председателем Ассамблеи»
                and tokens[first - 1].lower not in ("the", "a", "its", "this")
            ):
                first -= 1
            if first < named.start and (first > 0 or tokens[0].lower not in COMMON_STARTS):
                text = sentence.snippet(first, named.end)
                found[index] = Named(
                    first,
                    named.end,
                    Entry(ASSEMBLY, text, None, text if text.isascii() else None, None if text.isascii() else text),
                    text,
                )
    # What each belongs to: the next name, joined by "of (the)" or (in Russian) directly, in the genitive.
    for here, after in zip(found, found[1:], strict=False):
        gap = [t.lower for t in tokens[here.end : after.start]]
        # "Standing Commission on International Affairs of the House …": a subject, then the owner
        subject = (
            here.kind == ORGAN
            and gap[:1] in (["on"], ["for"])
            and gap[-1:] in (["of"], ["the"])
            and len(gap) <= 10
            and all(t.text[:1].isalpha() for t in tokens[here.end : after.start])
        )
        if here.kind in (BODY, ORGAN, ASSEMBLY) and (
            gap in (["of"], ["of", "the"]) or (not gap and tokens[after.start].cyrillic) or subject
        ):
            if after.kind != ORGAN or here.kind == ORGAN:
                here.of = after
        elif here.kind == STATE and not gap and after.kind in (BODY, ORGAN) and after.of is None:
            after.of = here  # "the German Bundestag", "Kyrgyz delegation" is handled by the delegation rule
    for named in found:
        named.last = max(n.end for n in named.chain())
    for named in found:
        if named.of is not None and named.of.start > named.start:
            named.tail = sentence.text[sentence.end_of(named.end - 1) : sentence.end_of(named.last - 1)]
    return found


# -- posts ---------------------------------------------------------------------------------------------------------


def _posts(sentence: Sentence) -> list[Post]:
    posts = []
    for match, role, flags in (words.POSTS_RU if sentence.language == "ru" else words.POSTS_EN).finditer(sentence):
        start = sentence.token_at(match.start())
        end = sentence.token_at(match.end() - 1) + 1
        before = [t.lower for t in sentence.tokens[max(0, start - 2) : start]]
        if "its" in before:  # "as its new President": the assembly the sentence is about
            flags = {**flags, "its": True}
        if start > 0 and sentence.tokens[start - 1].lower in words.FORMER:
            role = words.NATIONAL  # "the former Chair", «бывший председатель»: no post held now
        posts.append(Post(role, start, end, **flags))
    for post in posts:
        post.of, its = _object_of(sentence, post.end)
        post.its = post.its or its
    return posts


def _object_of(sentence: Sentence, end: int) -> tuple[Named | None, bool]:
    """What a post is of: "Chair of the Assembly", «Председатель ПА ОДКБ», "its President", "of the PA: …"."""
    tokens = sentence.tokens
    gap = []
    i = end
    while i < len(tokens) and len(gap) < 3 and tokens[i].lower in ("of", "the", "its", "to", "in", "в", "at"):
        gap.append(tokens[i].lower)
        i += 1
    if "its" in gap:
        return None, True
    named = next((n for n in sentence.named if n.start == i), None)
    if named is None or (gap and gap[0] not in ("of", "the")):
        if named is not None and named.kind == ASSEMBLY and gap and gap[0] in ("to", "in", "в", "at"):
            return named, False  # "Plenipotentiary Representative to the PA"
        return None, False
    if not gap and not tokens[i].cyrillic and named.kind != ASSEMBLY:
        return None, False  # "Chairman Bundestag" is no English
    return named, False


def _title_cases(sentence: Sentence) -> dict[int, str]:
    """Where a name may follow a Russian title, the case the title is in: a name in apposition takes it."""
    cases = {}
    for post in sentence.posts:
        first = sentence.tokens[post.start]
        if first.cyrillic:
            nouns = [p for p in parses(first.lower) if "NOUN" in p.tag]
            if nouns and nouns[0].tag.case:
                cases[post.last] = nouns[0].tag.case
    return cases


# -- counts --------------------------------------------------------------------------------------------------------


def _counts(sentence: Sentence) -> list[Count]:
    tokens, language = sentence.tokens, sentence.language
    counts = []
    for i, token in enumerate(tokens):
        value = token.number
        if value is None:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].text in ("-", "–", "—") and i + 2 < len(tokens):
            if tokens[i + 2].number is not None:
                continue  # "16–17 March": a range of days, not a count
        noun_at = _noun_after(tokens, i + 1, language)
        each = i > 0 and tokens[i - 1].lower == "по"
        if noun_at is None:
            # "seven from the House …" inside a split, "of whom 18 are full representatives"
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt in ("from", "of", "in", "от", "из") or (nxt in ("are", "—") and i + 2 < len(tokens)):
                after_are = _noun_after(tokens, i + 2, language) if nxt in ("are",) else None
                if after_are is not None:
                    noun_start, noun_end, kind, noun = after_are
                    counts.append(Count(i, noun_end, value, kind, noun))
                elif nxt not in ("are", "—"):
                    counts.append(Count(i, i + 1, value, each=each))
            continue
        noun_start, noun_end, kind, noun = noun_at
        end = noun_end
        if end < len(tokens) and tokens[end].lower in ("each", "apiece"):
            each, end = True, end + 1
        counts.append(Count(i, end, value, kind, noun, each=each))
    # "and as many substitutes", «и столько же заместителей»
    for match in words.AS_MANY.finditer(sentence.text):
        start = sentence.token_at(match.start())
        noun = match.group("noun") or match.group("noun_ru")
        kind = "substitute" if words.SUBSTITUTE.search(noun) else "member"
        counts.append(Count(start, sentence.token_at(match.end() - 1) + 1, 0, kind, noun, as_many=True))
    counts.sort(key=lambda c: c.start)
    return counts


def _noun_after(tokens: list[Token], i: int, language: str):
    """(first, end, kind, noun) of the people noun that follows a number, over at most one qualifying word."""
    nouns = words.PEOPLE_NOUNS_RU if language == "ru" else words.PEOPLE_NOUNS_EN
    qualifiers = words.QUALIFIERS_RU if language == "ru" else words.QUALIFIERS_EN
    j = i
    kind = "member"
    while j < len(tokens) and j - i < 2 and tokens[j].lower in qualifiers:
        if tokens[j].lower in words.SUBSTITUTE_QUALIFIERS:
            kind = "substitute"
        j += 1
    if j < len(tokens) and nouns.fullmatch(tokens[j].lower):
        noun = tokens[j].lower
        if words.SUBSTITUTE.search(noun):
            kind = "substitute"
        end = j + 1
        if (
            language == "en"
            and noun in ("members",)
            and end + 1 < len(tokens)
            and tokens[end].lower == "of"
            and (tokens[end + 1].text == "Parliament")
        ):
            end += 2  # "Members of Parliament"
        return j, end, kind, " ".join(t.text for t in tokens[i : j + 1])
    return None


# -- places --------------------------------------------------------------------------------------------------------


def places(sentence: Sentence) -> list[tuple[int, str]]:
    """(token index, place in the nominative) for «в Бишкеке», "in Oslo", "Yerevan hosted", "the Yerevan summit"."""
    tokens, found = sentence.tokens, []
    taken = {i for n in sentence.named for i in range(n.start, n.end) if n.kind != STATE or n.end - n.start > 1}
    for i, token in enumerate(tokens):
        if i in taken or not token.capitalised or token.text.isupper() and len(token.text) > 1:
            continue
        if token.cyrillic:
            geo = next((p for p in parses(token.lower) if "Geox" in p.tag), None)
            if geo is None or (i > 0 and tokens[i - 1].lower not in ("в", "во", "из", "под")):
                continue
            if any(n.kind == STATE and n.start == i for n in sentence.named):
                continue  # «в России»: a whole country is not a place of an event
            found.append((i, _title(geo.normal_form)))
            continue
        before = tokens[i - 1].lower if i > 0 else ""
        if before in ("st", "saint", "new", "san", "los", "st.") or (
            before == "." and i >= 2 and tokens[i - 2].text == "St"
        ):
            continue  # read with the word before it
        if any(n.kind == STATE and n.start == i for n in sentence.named) or token.lower in words.NOT_PLACES_EN:
            continue
        # "St Petersburg", "New York", "Nur-Sultan": a place is a run of capitalised words
        end = i + 1
        if token.text == "St" and end + 1 < len(tokens) and tokens[end].text == "." and tokens[end + 1].capitalised:
            end += 1  # "St. Petersburg"
        while (
            end < len(tokens)
            and end - i < 4
            and tokens[end].capitalised
            and end not in taken
            and (tokens[end].lower not in words.EVENT_NOUNS_EN and tokens[end].lower not in words.NOT_PLACES_EN)
            and not month_number(tokens[end].lower)
        ):
            end += 1
        after = tokens[end].lower if end < len(tokens) else ""
        if month_number(token.lower) or month_number(after):
            continue
        if before == "in" or (after in ("hosted", "hosts", "will") and i == 0) or after in words.EVENT_NOUNS_EN:
            found.append((i, " ".join(t.text for t in tokens[i:end] if t.text != ".")))
    return found


def _title(name: str) -> str:
    return "-".join(part.capitalize() if part not in ("на", "де") else part for part in name.split("-"))
