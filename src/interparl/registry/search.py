"""Find people, organisations, events and news by any name form, in either script, a little misspelled.

Every name form is folded once into Latin words ("Рогалев Виктор Павлович" → rogalev viktor pavlovich; "Rogalyov" →
rogalev) and stored with its record (``SearchEntry``), kept up to date from the change history: the first search
after a change re-folds only the records that changed, and `interparl load` folds what it wrote before it ends (a
refresh of thousands of records builds SQLite's full-text index once, at its end). A query is folded the same way;
the database's trigram index (SQLite FTS5, PostgreSQL pg_trgm) finds the entries that share pieces with each of its
words, and those are ranked here: each word must match some word of an entry, exactly, as a prefix (for as-you-type)
or within a small edit distance.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
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

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Spelling variants that transliterations disagree on, folded to one form.
_VARIANTS = (("yo", "e"), ("jo", "e"), ("yu", "u"), ("ju", "u"), ("ya", "a"), ("ja", "a"), ("kh", "h"), ("ij", "iy"))

WORD_CUTOFF = 75
KINDS = ("person", "organization", "event", "news")  # the kinds search finds, in the order ties are ranked


def fold(text: str) -> list[str]:
    """The words of ``text`` in one comparable Latin form."""
    # Folded a piece between spaces at a time, each remembered: names are made of few distinct words, and
    # transliteration reads a word at a time, so the pieces fold as the whole text would.
    return [word for piece in (text or "").split() for word in _fold_piece(piece)]


@functools.lru_cache(maxsize=50_000)  # a few MB: the common name words stay, a server's memory stays bounded
def _fold_piece(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text).replace("ё", "е").replace("Ё", "Е")
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
    return tuple(words)


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


def _columns(description) -> list[str]:
    """The columns an entry is made from: the record's key, public id and label, and every searchable field."""
    columns = ["pk", description.key, f"{description.label}_en", f"{description.label}_ru"]
    for field in description.fields:
        if field.searchable:
            columns += [f"{field.name}_en", f"{field.name}_ru"] if field.text else [field.name]
    return list(dict.fromkeys(columns))


def _forms(description, values: dict) -> list[str]:
    """Every name form of a record that search reads: its searchable texts in both languages, other names."""
    forms = []
    for field in description.fields:
        if field.searchable and field.text:
            forms += [values[f"{field.name}_en"], values[f"{field.name}_ru"]]
        elif field.searchable:
            forms += [n.get("name", "") for n in values[field.name] or [] if isinstance(n, dict)]
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

# A transaction that committed after a refresh with history ids below the last one it read (PostgreSQL numbers rows
# as they are written, not as they commit) is found by the count of rows up to that id having grown: the changes up
# to this long before that refresh are then read again.
OVERLAP = dt.timedelta(minutes=2)
BULK = 5_000  # records to fold again from which SQLite's full-text index is built once, at the end
BATCH = 1000  # records folded and stored at a time
CANDIDATES = 2000  # entries the database proposes per query word, best first
ENOUGH = 20  # entries holding a word exactly: enough not to look for misspellings as well


ENTRY_COLUMNS = ("kind", "object_id", "key", "label_en", "label_ru", "words", "forms")


def _entry(description, values: dict) -> tuple | None:
    """The entry of one record, as a row of ``ENTRY_COLUMNS`` (its forms as tuples of words), or None if it has no
    name."""
    folded = tuple(dict.fromkeys(form for form in map(tuple, map(fold, _forms(description, values))) if form))
    if not folded:
        return None
    label_en, label_ru = values[f"{description.label}_en"] or "", values[f"{description.label}_ru"] or ""
    words = " ".join(sorted({word for form in folded for word in form}))
    return (description.search_kind, values["pk"], values[description.key], label_en, label_ru, words, folded)


def _insert(rows: list[tuple]) -> None:
    """Store entries with one prepared statement (hundreds of thousands after a large import: no model instances)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    forms = models.SearchEntry._meta.get_field("forms")
    prepared = [(*row[:-1], forms.get_db_prep_save([list(f) for f in row[-1]], connection)) for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(models.SearchEntry._meta.db_table)} ({', '.join(map(quote, ENTRY_COLUMNS))}) "
            f"VALUES ({', '.join(['%s'] * len(ENTRY_COLUMNS))})",
            prepared,
        )


def _reindex(description, ids, progress) -> None:
    """Fold again the records ``ids`` of one kind (those deleted since lose their entry); ``ids`` None: every
    record of the kind, its entries made anew. ``progress(n)`` is told of each batch of records done."""
    entries = models.SearchEntry.objects.filter(kind=description.search_kind)
    records = description.model.objects.order_by("pk").values(*_columns(description))
    if ids is None:
        entries.delete()
        batch = []
        for values in records.iterator(chunk_size=BATCH):  # one pass over the table, no lists of keys
            batch.append(values)
            if len(batch) == BATCH:
                _fold_batch(description, batch, progress)
                batch = []
        _fold_batch(description, batch, progress)
        return
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        entries.filter(object_id__in=chunk).delete()
        _fold_batch(description, list(records.filter(pk__in=chunk)), progress, len(chunk))


def _fold_batch(description, records: list[dict], progress, count: int | None = None) -> None:
    _insert([entry for entry in (_entry(description, values) for values in records) if entry])
    progress(len(records) if count is None else count)


_REFRESHING = threading.Lock()


def refresh(progress=None) -> None:
    """Bring the stored entries up to the registry's current version: the records changed since the last refresh
    (every change leaves a change-history row) are folded again; the first refresh folds them all.
    ``progress(done, total)`` is told of the records folded."""
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
        work, total = {}, 0
        for description in (d for d in descriptions.every() if d.search_kind):
            ids, records = _changed(description, state), description.model.objects.count()
            # Most of a kind changed (a large import): every record is folded again, in one pass over its table.
            work[description] = None if ids is None or len(ids) * 2 >= records else ids
            total += records if work[description] is None else len(ids)
        bulk = connection.vendor == "sqlite" and total >= BULK
        if bulk:  # the full-text index's triggers pause (migration 0013) until it is built anew below
            models.SearchState.objects.filter(pk=1).update(bulk=True)
        done = 0

        def folded(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(min(done, total), total)

        for description, ids in work.items():
            _reindex(description, ids, folded)
        if bulk:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO registry_search_fts(registry_search_fts) VALUES ('rebuild')")
        state.version, state.refreshed, state.bulk = version, now, False
        state.save()


def _changed(description, state) -> set[int] | None:
    """The records of one kind changed since the last refresh (None: never refreshed, all of them). Notes in ``state``
    the mark the next refresh starts from: [the last history id read, how many history rows there were up to it]."""
    history = description.model.history
    last = history.aggregate(last=Max("history_id"))["last"] or 0
    # Counted before the changes are read: a row that commits in between is read again by the next refresh.
    up_to_last = history.filter(history_id__lte=last).count()
    mark = state.marks.get(description.kind)
    state.marks[description.kind] = [last, up_to_last]
    if mark is None:
        return None
    read, counted = (mark, None) if isinstance(mark, int) else mark  # a plain id: a mark from before the counts
    since = Q(history_id__gt=read)
    if state.refreshed and (counted is None or history.filter(history_id__lte=read).count() != counted):
        since |= Q(history_date__gte=state.refreshed - OVERLAP)
    return set(history.filter(since).values_list("id", flat=True))


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
