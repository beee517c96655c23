"""The words the reader looks for, in English and Russian: post titles, people nouns, number words, cues.

Patterns here are small and anchored on words, so that reading stays linear in the length of a text.
"""

from __future__ import annotations

import re

from interparl.registry.roles import Role

ANY_CASE = re.IGNORECASE

# -- posts ---------------------------------------------------------------------------------------------------------
# (pattern, role, flags). Longer titles first: "deputy executive secretary" is never read as "executive secretary".
# "national" marks titles of national parliaments (a speaker, a senator): they place a person, they are no post here.
NATIONAL, HEAD_OF_STATE, SPEAKER = "national", "head_of_state", "speaker"


class Posts:
    """All titles of a language as one pattern, read in one pass: at any place the first (longest) title wins."""

    def __init__(self, table):
        self.meanings = [(role, extra) for _pattern, role, _flags, extra in table]
        self.pattern = re.compile(
            "|".join(
                f"(?P<p{i}>{'(?i:' if flags else '(?:'}{pattern}))" for i, (pattern, _r, flags, _e) in enumerate(table)
            )
        )

    def finditer(self, sentence):
        """(match, role, flags) for every title in a sentence, tried only where a word that can begin one stands."""
        after = 0
        for index, token in enumerate(sentence.tokens):
            if not token.title_start:
                continue
            start = sentence.start_of(index)
            if start < after:
                continue
            match = self.pattern.match(sentence.text, start)
            if match:
                after = match.end()
                role, extra = self.meanings[int(match.lastgroup[1:])]
                yield match, role, extra


def _posts(table):
    return Posts(table)


POSTS_EN = _posts(
    [
        (r"\bplenipotentiary\s+representatives?\b", Role.PLENIPOTENTIARY, ANY_CASE, {}),
        (r"\bdeputy\s+heads?\s+of\s+(?:the\s+)?(?:\w+\s+)?delegation\b", Role.DEPUTY_HEAD_OF_DELEGATION, ANY_CASE, {}),
        # "…; Levan Ioseliani is deputy head", "with X as deputy head": of the delegation the text is about (a
        # deputy head of anything else names it)
        (
            r"\b(?:is|as)\s+(?:the\s+|its\s+)?deputy\s+head\b(?!\s+of)",
            Role.DEPUTY_HEAD_OF_DELEGATION,
            ANY_CASE,
            {"predicate": True},
        ),
        (r"\bheads?\s+of\s+(?:the\s+)?(?:[A-Z]\w+\s+)?delegation\b", Role.HEAD_OF_DELEGATION, ANY_CASE, {}),
        (
            r"\b(?:will\s+)?(?:leads?|led|leading|heads|headed|heading|will\s+(?:lead|head))\s+the\s+(?:[A-Z]\w+\s+)?"
            r"delegation\b",
            Role.HEAD_OF_DELEGATION,
            0,
            {"predicate": True},
        ),
        (r"\b(?:led|headed)\s+by\b", Role.HEAD_OF_DELEGATION, 0, {"led_by": True}),
        (r"\bdeputy\s+executive\s+secretar(?:y|ies)\b", Role.DEPUTY_EXECUTIVE_SECRETARY, ANY_CASE, {}),
        (r"\bexecutive\s+secretar(?:y|ies)\b", Role.EXECUTIVE_SECRETARY, ANY_CASE, {}),
        (r"\bdeputy\s+speakers?\b|\bvice[- ]speakers?\b", NATIONAL, ANY_CASE, {}),
        (
            r"\b(?:deputy\s+chair(?:man|woman|person)?|vice[- ]chair(?:man|woman|person)?s?|vice[- ]presidents?)\b",
            Role.DEPUTY_CHAIR,
            ANY_CASE,
            {},
        ),
        (
            r"\bas\s+(?:his|her)\s+deputy\b",
            Role.DEPUTY_HEAD_OF_DELEGATION,
            0,
            {"deputy_of_antecedent": True, "predicate": True},
        ),
        (r"\b(?:chair(?:man|woman|person)?s?|presidents?)\b", Role.CHAIR, ANY_CASE, {}),
        (r"\b(?:speakers?|Speakers?)\b", SPEAKER, 0, {}),
        (r"\b(?:senators?|MPs?|ministers?|prime\s+minister|deputies)\b", NATIONAL, 0, {}),
        (r"\b(?:Senator|Minister|Deputy|Deputies)\b", NATIONAL, 0, {}),
        # "Member — Name" in a delegation's table; "Other members: …" after its head
        (r"^(?:other\s+|further\s+)?members?(?=\s*[:—–-])", Role.MEMBER, ANY_CASE, {}),
        (
            r"\bmembers?\s+of\s+(?:the\s+)?(?:[A-Z]\w+\s+)?delegation\b|\bdelegation\s+members?\b",
            Role.MEMBER,
            ANY_CASE,
            {},
        ),
        (
            r"\b(?:joined|joins|have\s+joined|has\s+joined)\s+the\s+(?:[A-Z][\w ]+?\s+)?delegation\b",
            Role.MEMBER,
            0,
            {"joined": True, "predicate": True},
        ),
    ]
)
POSTS_RU = _posts(
    [
        (r"(?<!\w)полномочн\w+\s+представител\w+", Role.PLENIPOTENTIARY, ANY_CASE, {}),
        (r"(?<!\w)заместител\w+\s+(?:руководител|глав)\w+\s+делегаци\w+", Role.DEPUTY_HEAD_OF_DELEGATION, ANY_CASE, {}),
        (r"(?<!\w)(?:руководител\w+|глав\w+)\s+(?:\w+\s+)?делегаци\w+", Role.HEAD_OF_DELEGATION, ANY_CASE, {}),
        (r"(?<!\w)во\s+главе\s+с(?!\w)", Role.HEAD_OF_DELEGATION, ANY_CASE, {"led_by": True}),
        (
            r"(?<!\w)возглав(?:ил|ила|ит|ляет|ляемой|ляемая)\s+(?:\w+\s+)?делегаци\w+",
            Role.HEAD_OF_DELEGATION,
            ANY_CASE,
            {"predicate": True},
        ),
        # «Белорусскую делегацию … возглавил Председатель … X»: the holder follows the verb
        (
            r"(?<!\w)делегаци\w+(?:\s+[^\s.;]+){0,12}?\s+возглав(?:ил|ила|ит|ляет|лял|ляла)(?!\w)",
            Role.HEAD_OF_DELEGATION,
            ANY_CASE,
            {"led_by": True},
        ),
        (
            r"(?<!\w)(?:его|её|ее)\s+заместител\w+",
            Role.DEPUTY_HEAD_OF_DELEGATION,
            ANY_CASE,
            {"deputy_of_antecedent": True, "predicate": True},
        ),
        (r"(?<!\w)заместител\w+\s+ответственн\w+\s+секретар\w+", Role.DEPUTY_EXECUTIVE_SECRETARY, ANY_CASE, {}),
        (r"(?<!\w)ответственн\w+\s+секретар\w+", Role.EXECUTIVE_SECRETARY, ANY_CASE, {}),
        (
            r"(?<!\w)(?:заместител\w+\s+председател\w+|вице-председател\w+|вице-президент\w*)",
            Role.DEPUTY_CHAIR,
            ANY_CASE,
            {},
        ),
        (r"(?<!\w)(?:председател\w+|президент\w*)", Role.CHAIR, ANY_CASE, {}),
        (
            r"(?<!\w)(?:её|ее)\s+возглав(?:ляет|ил|ила|ит|лял|ляла)(?!\w)",
            Role.HEAD_OF_DELEGATION,
            ANY_CASE,
            {"led_by": True},
        ),
        (r"(?<!\w)спикер\w*", SPEAKER, ANY_CASE, {}),
        (r"(?<!\w)(?:вице-спикер\w*|сенатор\w*|министр\w*|депутат\w*)", NATIONAL, ANY_CASE, {}),
        (r"(?<!\w)член\w*\s+(?:\w+\s+)?делегаци\w+", Role.MEMBER, ANY_CASE, {}),
        (r"^(?:другие\s+|остальные\s+)?член\w*(?=\s*[:—–-])", Role.MEMBER, ANY_CASE, {}),
        (
            r"(?<!\w)(?:в\s+состав\s+(?:\w+\s+){0,2}делегаци\w+(?:\s+[^\s.;,]+){0,4}?\s+(?:также\s+)?"
            r"(?:вошл\w+|вош[её]л|входя\w+|включен\w+)"
            r"|(?:вошл\w+|вош[её]л|входя\w+|включен\w+)\s+(?:также\s+)?в\s+(?:ее\s+|её\s+)?состав(?:\s+\w+){0,2}\s+делегаци\w+)",
            Role.MEMBER,
            ANY_CASE,
            {"joined": True, "predicate": True},
        ),
    ]
)
# Before a title: its holder held it once and no longer ("the former Chair", «бывший председатель»).
FORMER = {"former", "ex", "late", "outgoing", "бывший", "бывшая", "бывшего", "бывшим", "экс", "прежний"}
# Titles a person carries before a name that are never part of it.
TITLES = {
    "sir",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "lord",
    "lady",
    "baroness",
    "dame",
    "senator",
    "mp",
    "deputy",
    "deputies",
    "president",
    "chairman",
    "chair",
    "minister",
    "speaker",
    "ambassador",
    "general",
    "colonel",
    "господин",
    "госпожа",
}

# -- seat counts ---------------------------------------------------------------------------------------------------
PEOPLE_NOUNS_EN = re.compile(
    r"members?|representatives?|substitutes?|alternates?|deputies|deputy|senators?|parliamentarians?|mps|"
    r"delegates?|legislators?|seats|persons|people"
)
PEOPLE_NOUNS_RU = re.compile(
    r"член\w*|депутат\w*|сенатор\w*|представител\w*|парламентари\w*|заместител\w*|делегат\w*|человек|мест\w*"
)
QUALIFIERS_EN = {"full", "deputy", "substitute", "alternate", "voting", "more", "national"}
QUALIFIERS_RU = {"полноправных", "полноправными", "полноправные", "национальных"}
SUBSTITUTE_QUALIFIERS = {"deputy", "substitute", "alternate"}
SUBSTITUTE = re.compile(r"substitut|alternate|заместител", ANY_CASE)
AS_MANY = re.compile(
    r"\b(?:and\s+)?as\s+many\s+(?P<noun>substitutes?|alternates?|deputy\s+members|members)\b"
    r"|(?<!\w)(?:и\s+)?столько\s+же\s+(?P<noun_ru>заместител\w+|член\w+|депутат\w+)",
    ANY_CASE,
)
COLLECTIVE_RU = {
    "двое": 2,
    "трое": 3,
    "четверо": 4,
    "пятеро": 5,
    "шестеро": 6,
    "семеро": 7,
    "восьмеро": 8,
    "девятеро": 9,
    "десятеро": 10,
}
NUMBER_WORDS_EN = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
}
# A composition is stated, not an attendance: how a delegation is made up or what a parliament sends.
_COMPOSED_EN = (
    r"represented|consists?|consisted|consisting|comprises?|comprised|comprising|composed|made\s+up|sends?|sent|"
    r"delegates?|appointed|seats?|is\s+formed|was\s+formed"
)
_COMPOSED_RU = (
    r"представлен\w*|состоит|состоял\w*|состоящ\w+|направля\w+|направил\w*|входят|входил\w*|формируется|"
    r"формировал\w*|сформирован\w*|располагает|мест\w*|делегаци\w+\s+из"
)
# Verbs that state a size of anything ("the Mejlis has 125 deputies"): a delegation's only where the sentence is
# about a delegation, an assembly or seats (``DELEGATION_CONTEXT``).
_SIZE_EN = r"has|have|had|holds?|held|numbers|numbered|includes?|included|including"
_SIZE_RU = r"имеет|имел\w*|насчитывает|насчитывал\w*|включа\w+"
COMPOSED = re.compile(rf"\b(?:{_COMPOSED_EN})\b|(?<!\w)(?:{_COMPOSED_RU})(?!\w)", ANY_CASE)
COMPOSITION = re.compile(rf"\b(?:{_COMPOSED_EN}|{_SIZE_EN})\b|(?<!\w)(?:{_COMPOSED_RU}|{_SIZE_RU})(?!\w)", ANY_CASE)
DELEGATION_CONTEXT = re.compile(r"\bseats?\b|(?<!\w)мест\w*|\bassembl|(?<!\w)ассамбле", ANY_CASE)
SPLIT_MARKERS = {"of whom", "including", "из них", "в том числе", "among them"}

# -- chairmanships -------------------------------------------------------------------------------------------------
CHAIRMANSHIP = re.compile(r"chairmanship|presidency|chairs?\b|chairing|председательств\w*", ANY_CASE)

# -- events --------------------------------------------------------------------------------------------------------
EVENT_NOUNS_EN = {
    "summit",
    "session",
    "sessions",
    "sitting",
    "meeting",
    "meetings",
    "forum",
    "conference",
    "congress",
    "talks",
    "consultations",
    "seminar",
    "anniversary",
    "assembly",
    "council",
}
EVENT_CUE_EN = re.compile(
    r"\b(?:summit|session|sitting|meeting|forum|conference|congress|talks|consultations|seminar|anniversary|met|meet|"
    r"meets|gathered|"
    r"convened|convene|convenes|hosted|hosts|host|founded|established|opened|closed|held)\b",
    ANY_CASE,
)
EVENT_CUE_RU = re.compile(
    r"(?<!\w)(?:саммит\w*|сесси\w*|заседани\w*|форум\w*|конференци\w*|встреч\w+|переговор\w*|консультаци\w*|"
    r"семинар\w*|съезд\w*|"
    r"годовщин\w*|[\w-]*летие\w*|юбиле\w*|учрежден\w*|основан\w*|создан\w*)(?!\w)",
    ANY_CASE,
)
NOT_PLACES_EN = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "it",
    "he",
    "she",
    "they",
    "annual",
    "plenary",
    "regular",
    "autumn",
    "spring",
    "winter",
    "summer",
    "extraordinary",
    "joint",
    "standing",
    "general",
    "first",
    "next",
    "last",
    "assembly",
    "council",
    "parliament",
    "house",
    "senate",
    "session",
    "palace",
    "hall",
    "building",
    "ministry",
}
TODAY = re.compile(r"\btoday\b|(?<!\w)сегодня(?!\w)", ANY_CASE)

# -- cues: which readers a sentence needs ------------------------------------------------------------------------
# Words (English in lower case, Russian as lemmas) that a sentence must hold for a reader to look at it at all.
# The readers' own patterns decide; these only spare a sentence the patterns it cannot match.
POST, EVENT, CHAIR, SITE, MEMBERSHIP, DELEGATION = "post", "event", "chair", "site", "membership", "delegation"
NUMBER = "number"  # the sentence has a number: its seat counts are worth reading
_CUE_LISTS = {
    POST: "plenipotentiary deputy head heads lead leads led leading headed executive speaker speakers vice chair "
    "chairman chairwoman chairperson chairs chairmen president presidents vice-chair vice-chairman vice-chairwoman "
    "vice-chairs vice-president vice-presidents vice-speaker deputy-chair senator senators mp mps minister ministers "
    "prime deputies member members delegation joined joins "
    "полномочный заместитель руководитель глава возглавить возглавлять ответственный председатель президент "
    "вице-председатель вице-президент вице-спикер спикер сенатор министр депутат член состав войти входить включить",
    EVENT: "summit session sessions part-session sitting meeting meetings forum conference congress talks "
    "consultations seminar anniversary met "
    "gathered convened hosted founded established opened closed held meet meets convene convenes host hosts "
    "саммит сессия заседание форум конференция встреча переговоры консультация семинар съезд годовщина юбилей учредить "
    "основать создать",
    CHAIR: "chairmanship presidency chairs chairing chair presides председательство председательствовать "
    "председательствующий",
    MEMBERSHIP: "member members член государство-член",
    DELEGATION: "delegation delegations delegate delegates делегация делегат",
    SITE: "website websites site sites homepage page portal publishes published publish available address online found "
    "visit web сайт портал адрес размещаться разместить размещать публиковать публикуемый доступный",
}
# Words a title can begin with (the cue words of posts, and the first words of verb phrases such as "will lead").
TITLE_STARTS = set(_CUE_LISTS[POST].split()) | set(
    "will as is has have the other further в во делегация она он его ее её вице-спикер другие остальные".split()
)
CUE_WORDS: dict[str, frozenset[str]] = {}
for _category, _words in _CUE_LISTS.items():
    for _word in _words.split():
        CUE_WORDS[_word] = CUE_WORDS.get(_word, frozenset()) | {_category}


def cues_of(tokens) -> set[str]:
    found: set[str] = set()
    for token in tokens:
        if token.cues:
            found |= token.cues
    return found
