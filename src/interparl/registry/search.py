"""Find people, organisations, events and news by any name form, in either script, a little misspelled.

Every name form is folded once into Latin tokens ("Рогалев Виктор Павлович" → rogalev viktor pavlovich;
"Rogalyov" → rogalev), and the tokens go into one vocabulary. A query is folded the same way; each of its
words must match some word of an entry, exactly, as a prefix (for as-you-type) or within a small edit
distance. The index is rebuilt when the registry changes.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import iuliia
from rapidfuzz import fuzz, process

from . import descriptions
from .records import public_key

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Spelling variants that transliterations disagree on, folded to one form.
_VARIANTS = (("yo", "e"), ("jo", "e"), ("yu", "u"), ("ju", "u"), ("ya", "a"), ("ja", "a"), ("kh", "h"), ("ij", "iy"))

WORD_CUTOFF = 75
KINDS = ("person", "organization", "event", "news")  # the kinds search finds, in the order ties are ranked


def fold(text: str) -> list[str]:
    """The words of ``text`` in one comparable Latin form."""
    text = unicodedata.normalize("NFKC", text or "").replace("ё", "е").replace("Ё", "Е")
    if _CYRILLIC.search(text):
        text = iuliia.WIKIPEDIA.translate(text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = []
    for word in _NON_WORD.split(text):
        for variant, plain in _VARIANTS:
            word = word.replace(variant, plain)
        if word:
            words.append(word)
    return words


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    label: str
    score: float


@dataclass
class _Entry:
    kind: str
    id: str
    label: str
    words: frozenset[str]
    forms: tuple[tuple[str, ...], ...]

    def coverage(self, matched: set[str]) -> float:
        """How much of its closest name form the matched words make up (ranks 'Mazhilis' above a delegation)."""
        return max(sum(1 for w in form if w in matched) / len(form) for form in self.forms)


def _forms(description, obj) -> list[str]:
    """Every name form of a record that search reads: its searchable texts in both languages, other names."""
    forms = []
    for field in description.fields:
        if field.searchable and field.text:
            forms += [getattr(obj, f"{field.name}_en"), getattr(obj, f"{field.name}_ru")]
        elif field.searchable:
            forms += [n.get("name", "") for n in getattr(obj, field.name) or [] if isinstance(n, dict)]
    return forms


def _entries() -> list[_Entry]:
    entries = []
    for description in descriptions.every():
        if description.search_kind not in KINDS:
            continue
        for obj in description.model.objects.all():
            folded = tuple(dict.fromkeys(tuple(fold(form)) for form in _forms(description, obj) if form and fold(form)))
            if folded:
                words = frozenset(w for form in folded for w in form)
                label = getattr(obj, description.label)
                entries.append(_Entry(description.search_kind, public_key(obj), label, words, folded))
    return entries


class _Index:
    def __init__(self, entries: list[_Entry]):
        self.entries = entries
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(entries):
            for word in entry.words:
                self.by_word[word].append(position)
        self.vocabulary = sorted(self.by_word)

    def word_scores(self, word: str) -> dict[str, float]:
        """Vocabulary words matching one query word, with their scores."""
        matches = {
            v: score
            for v, score, _ in process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None
            )
        }
        if len(word) >= 2:
            for v in self.vocabulary:
                if v.startswith(word) and v not in matches:
                    matches[v] = 99.0
        return matches

    def search(self, query: str, kinds=KINDS, limit: int = 20) -> list[Hit]:
        words = fold(query)
        if not words:
            return []
        totals: dict[int, float] | None = None
        matched: dict[int, set[str]] = defaultdict(set)
        for word in words:
            best: dict[int, float] = {}
            for vocabulary_word, score in self.word_scores(word).items():
                for position in self.by_word[vocabulary_word]:
                    matched[position].add(vocabulary_word)
                    best[position] = max(score, best.get(position, 0))
            totals = best if totals is None else {p: totals[p] + s for p, s in best.items() if p in totals}
        ranked = []
        for position, total in (totals or {}).items():
            entry = self.entries[position]
            if entry.kind in kinds:
                score = round(total / len(words), 1)
                ranked.append((-score, -entry.coverage(matched[position]), KINDS.index(entry.kind), entry.label, entry))
        ranked.sort(key=lambda row: row[:4])
        return [Hit(e.kind, e.id, e.label, -score) for score, _cov, _kind, _label, e in ranked[:limit]]


_lock = threading.Lock()
_cache: dict[str, object] = {"version": None, "index": None}


def forget_index() -> None:
    """Drop the index; the next search rebuilds it (tests whose rolled-back changes reuse history ids)."""
    with _lock:
        _cache.update(version=None, index=None)


def search(query: str, kinds=KINDS, limit: int = 20) -> list[Hit]:
    """The best matches for ``query``, best first."""
    from .versioning import registry_version

    version = registry_version()
    with _lock:
        if _cache["version"] != version or _cache["index"] is None:
            _cache["index"] = _Index(_entries())
            _cache["version"] = version
        index = _cache["index"]
    return index.search(query, kinds, limit)
