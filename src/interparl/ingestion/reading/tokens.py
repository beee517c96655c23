"""Words of a sentence with their offsets, and the comparable key of each word.

A Russian word's key is its lemma (pymorphy3), so «Государственной Думы» and «Государственная Дума» have the
same keys; an English word's key is the word in lower case. Every morphological answer is cached: the analyser
costs ~100 µs a word, and texts repeat their words.
"""

from __future__ import annotations

import functools
import re

from number_parser import parse_number

from .words import COLLECTIVE_RU, CUE_WORDS, EVENT, NUMBER, NUMBER_WORDS_EN, TITLE_STARTS

# Words with inner hyphens and apostrophes ("O'Brien", «социально-экономическим»); a possessive "'s" is apart.
WORD = re.compile(r"\w+(?:-\w+|['’](?!s\b)\w+)*|[^\w\s]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


class Token:
    """A word (or a punctuation mark) as the reader sees it: its text, lower-case form, key, number value and cues.

    One object per distinct word, shared by all its occurrences (``tokenize``): a word is worked out once, and a
    sentence's words cost a list of references. Where a word stands is the sentence's business
    (``mentions.Sentence.char_span``)."""

    __slots__ = ("text", "key", "lower", "capitalised", "cyrillic", "number", "cues", "title_start")

    def __init__(self, text: str):
        self.text = text
        self.key, self.lower, self.capitalised, self.cyrillic, self.number, self.cues = _word(text)
        self.title_start = self.lower in TITLE_STARTS or self.key in TITLE_STARTS  # a post's title may begin here

    def __repr__(self) -> str:
        return f"Token({self.text!r})"


_TOKENS: dict[str, Token] = {}
_MAX_TOKENS = 200_000  # distinct words kept; a text of more new words starts the table afresh


def _token(text: str) -> Token:
    if len(_TOKENS) >= _MAX_TOKENS:
        _TOKENS.clear()
    token = _TOKENS[text] = Token(text)
    return token


def tokenize(text: str) -> list[Token]:
    known = _TOKENS.get
    return [known(word) or _token(word) for word in WORD.findall(text)]


def offsets(text: str, tokens: list[Token]) -> tuple[list[int], list[int]]:
    """Where each word starts and ends in ``text`` (the words ``tokenize`` found in it, in order)."""
    starts, ends = [], []
    find, at = text.find, 0
    for token in tokens:
        at = find(token.text, at)
        starts.append(at)
        at += len(token.text)
        ends.append(at)
    return starts, ends


def _word(text: str) -> tuple:
    """Everything the reader asks of a word (once per distinct word: ``Token``)."""
    lower = text.lower().replace("ё", "е")
    word_key = key(text)
    cues = CUE_WORDS.get(lower) or CUE_WORDS.get(word_key)
    if cues is None and "летие" in lower:
        cues = frozenset({EVENT})
    value = number(text)
    if value is not None:
        cues = (cues or frozenset()) | {NUMBER}
    return word_key, lower, text[:1].isupper(), "а" <= lower[:1] <= "я", value, cues


@functools.lru_cache(maxsize=50_000)
def number(word: str) -> int | None:
    """A cardinal number as digits or a word in any case: "12", "twelve", «шестью», «пятеро»."""
    lowered = word.lower()
    if lowered.isascii() and lowered.isdigit():
        value = int(lowered)
        return value if 0 < value < 1000 else None
    if CYRILLIC.search(lowered):
        for p in parses(lowered):
            if "NUMR" in p.tag or "Coll" in p.tag:
                collective = COLLECTIVE_RU.get(p.normal_form)
                if collective:
                    return collective
                value = parse_number(p.normal_form, language="ru")
                if isinstance(value, int) and value > 0:
                    return value
        return None
    if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", lowered) or lowered not in NUMBER_WORDS_EN and "-" not in lowered:
        return None
    value = parse_number(lowered, language="en")
    return value if isinstance(value, int) and value > 0 else None


@functools.lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=100_000)
def key(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if not CYRILLIC.search(word):
        return word
    found = parses(word)
    return found[0].normal_form.replace("ё", "е") if found else word


@functools.lru_cache(maxsize=100_000)
def parses(word: str) -> tuple:
    """pymorphy3's readings of ``word``; none for a word it cannot read (it fails on a letter that has no name in
    Unicode, which a Russian word never has)."""
    try:
        return tuple(morph().parse(word))
    except ValueError:
        return ()


@functools.lru_cache(maxsize=100_000)
def known(word: str) -> bool:
    return morph().word_is_known(word.lower())


def keys_of(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(phrase))


def word_keys(phrase: str) -> tuple[str, ...]:
    """The keys of a phrase's words, without its punctuation: for comparing names."""
    return tuple(t.key for t in tokenize(phrase) if t.text[:1].isalnum())
