"""Find people, organisations, events and news by any name form, in either script, a little misspelled.

Every name form is folded once into Latin words ("Рогалев Виктор Павлович" → rogalev viktor pavlovich;
"Rogalyov" → rogalev) and stored with its record (``SearchEntry``), kept up to date from the change history: the
first search after a change re-folds only the records that changed. A query is folded the same way; the database's
trigram index (SQLite FTS5, PostgreSQL pg_trgm) finds the entries that share pieces with each of its words, and
those are ranked here: each word must match some word of an entry, exactly, as a prefix (for as-you-type) or
within a small edit distance.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import iuliia
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from rapidfuzz import fuzz, process

from . import descriptions, models, versioning
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


# -- the stored entries -------------------------------------------------------------------------------------------

# A change seen in the history after the last refresh, or up to this long before it, is read again: a transaction
# that committed late with an earlier history id is not missed.
OVERLAP = dt.timedelta(minutes=2)
CANDIDATES = 2000  # entries the database proposes per query word, best first
ENOUGH = 20  # entries holding a word exactly: enough not to look for misspellings as well


def _entry(description, obj) -> models.SearchEntry | None:
    folded = tuple(dict.fromkeys(tuple(fold(form)) for form in _forms(description, obj) if form and fold(form)))
    if not folded:
        return None
    return models.SearchEntry(
        kind=description.search_kind,
        object_id=obj.pk,
        key=public_key(obj),
        label_en=getattr(obj, f"{description.label}_en") or "",
        label_ru=getattr(obj, f"{description.label}_ru") or "",
        words=" ".join(sorted({word for form in folded for word in form})),
        forms=[list(form) for form in folded],
    )


def _reindex(description, ids) -> None:
    """Fold again the records ``ids`` of one kind (those deleted since lose their entry)."""
    ids = list(ids)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        models.SearchEntry.objects.filter(kind=description.search_kind, object_id__in=chunk).delete()
        entries = (_entry(description, obj) for obj in description.model.objects.filter(pk__in=chunk))
        models.SearchEntry.objects.bulk_create([entry for entry in entries if entry], batch_size=1000)


_REFRESHING = threading.Lock()


def refresh() -> None:
    """Bring the stored entries up to the registry's current version: the records changed since the last refresh
    (every change leaves a change-history row) are folded again; the first refresh folds them all."""
    version = versioning.registry_version()
    state = models.SearchState.objects.filter(pk=1).first()
    if state is not None and state.version == version:
        return
    # One refresh at a time per process (threads that share a connection, as the test server's do, must not
    # interleave their savepoints); other processes wait on the row lock below.
    with _REFRESHING, transaction.atomic():
        state, _ = models.SearchState.objects.select_for_update().get_or_create(pk=1)
        if state.version == version:
            return  # another process refreshed it meanwhile
        now = timezone.now()
        for description in (d for d in descriptions.every() if d.search_kind):
            kind = description.kind
            history = description.model.history
            last = history.aggregate(last=Max("history_id"))["last"] or 0
            mark = state.marks.get(kind)
            if mark is None:
                _reindex(description, description.model.objects.values_list("pk", flat=True).iterator())
            else:
                since = Q(history_id__gt=mark)
                if state.refreshed:
                    since |= Q(history_date__gte=state.refreshed - OVERLAP)
                _reindex(description, set(history.filter(since).values_list("id", flat=True)))
            state.marks[kind] = last
        state.version, state.refreshed = version, now
        state.save()


def _candidates(word: str) -> list[int]:
    """Entries holding ``word``, or, when few do (a misspelling), entries sharing pieces (trigrams) with it, the most
    alike first. The exact pieces first: that query is selective, the fuzzy one has to rank many rows."""
    exact = _query(word, fuzzy=False)
    return exact if len(exact) >= ENOUGH else list(dict.fromkeys([*exact, *_query(word, fuzzy=True)]))


def _query(word: str, fuzzy: bool) -> list[int]:
    # On PostgreSQL in a transaction: the similarity threshold is set for the transaction only. (Not on SQLite, where
    # a transaction would take the write lock.)
    postgresql = connection.vendor == "postgresql"
    with transaction.atomic() if postgresql else contextlib.nullcontext(), connection.cursor() as cursor:
        if postgresql:
            if fuzzy:
                cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.3', true)")
                cursor.execute(
                    "SELECT id FROM registry_searchentry WHERE %s <%% words "
                    "ORDER BY word_similarity(%s, words) DESC LIMIT %s",
                    [word, word, CANDIDATES],
                )
            else:
                cursor.execute(
                    "SELECT id FROM registry_searchentry WHERE words LIKE %s LIMIT %s", [f"%{word}%", CANDIDATES]
                )
        elif len(word) < 3:  # shorter than a trigram: the words it begins
            if fuzzy:
                return []
            cursor.execute(
                "SELECT id FROM registry_searchentry WHERE ' ' || words LIKE %s LIMIT %s", [f"% {word}%", CANDIDATES]
            )
        elif fuzzy:
            pieces = {word[i : i + 3] for i in range(len(word) - 2)}
            cursor.execute(
                "SELECT rowid FROM registry_search_fts WHERE registry_search_fts MATCH %s ORDER BY rank LIMIT %s",
                [" OR ".join(f'"{piece}"' for piece in sorted(pieces)), CANDIDATES],
            )
        else:
            cursor.execute(
                "SELECT rowid FROM registry_search_fts WHERE registry_search_fts MATCH %s LIMIT %s",
                [f'"{word}"', CANDIDATES],
            )
        return [row[0] for row in cursor.fetchall()]


def search(query: str, kinds=KINDS, limit: int = 20) -> list[Hit]:
    """The best matches for ``query``, best first."""
    words = fold(query)
    if not words:
        return []
    refresh()
    found: set[int] | None = None
    for word in dict.fromkeys(words):
        ids = set(_candidates(word))
        found = ids if found is None else found & ids
    russian = translation.get_language() == "ru"
    entries = [
        _Entry(
            entry.kind,
            entry.key,
            (entry.label_ru if russian else entry.label_en) or entry.label_en or entry.label_ru,
            frozenset(entry.words.split()),
            tuple(tuple(form) for form in entry.forms),
        )
        for entry in models.SearchEntry.objects.filter(pk__in=found or [], kind__in=kinds)
    ]
    return _Index(entries).search(query, kinds, limit)
