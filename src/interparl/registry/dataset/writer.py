"""Write records into the registry in batches: match by public id, insert the new, update only what changed.

Shared by every importer (the YAML dataset loader and the Popolo importer). Each batch costs a handful of
queries whatever its size, and each added or changed row gets its change-history record with the load's
reason. Callers run inside one transaction; nothing here commits.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core import validators as dj_validators
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections, router
from django.db import models as dj
from django.utils import timezone, translation
from modeltranslation.fields import NONE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, fallbacks_enabled, resolution_order
from simple_history.utils import bulk_update_with_history

from ..history import bulk_attributes
from .yaml_lines import DatasetError

BATCH_SIZE = 1000


# KiB of SQLite page cache an import's connection gets (the default is 2 MiB): the indexes of public ids take rows
# in no particular order, and with too small a cache every insert reads its index pages again from the file.
IMPORT_PAGE_CACHE_KIB = 65_536


# The temporary table of the public ids a load has written (``WrittenIds``).
WRITTEN_IDS = "interparl_written_ids"


@contextlib.contextmanager
def importing(alias: str = "default"):
    """What an import runs in: the cycle collector set aside (``collecting_less``) and, on SQLite, a page cache
    large enough for the indexes being filled, both back as they were when the import ends; then the load's
    temporary table of written ids is dropped."""
    connection = connections[alias]
    try:
        with collecting_less(), _page_cache(connection, IMPORT_PAGE_CACHE_KIB):
            yield
    finally:
        if connection.connection is not None and not connection.needs_rollback:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {WRITTEN_IDS}")


@contextlib.contextmanager
def _page_cache(connection, kib: int):
    if connection.vendor != "sqlite":  # PostgreSQL's shared buffers are the server's to size
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        if connection.connection is not None:  # a connection closed meanwhile comes back with the default
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(before)}")


@contextlib.contextmanager
def collecting_less():
    """An import makes millions of small objects that live until their chunk is written: Python's cycle collector
    would go over them (and everything loaded before) again and again, a third of an import's time. It is set to run
    less often and to leave alone what existed before, until the import ends."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@dataclass(slots=True)
class Row:
    key: str  # the public id: a slug, or an ISO code for countries
    values: dict  # field name (foreign keys as ``<name>_id``) → value
    at: tuple  # where the record is in its file: (section, index), worded by the writer's ``where`` when needed
    # References by public id, for the Importer to resolve: (column, kind, public id, the field's name).
    refs: list = dataclasses.field(default_factory=list)

    def __reduce__(self):  # rows cross from the reading process: rebuilt by their constructor, which is quickest
        return (Row, (self.key, self.values, self.at, self.refs))


@dataclass
class LoadReport:
    path: str
    counts: dict[str, Counter] = dataclasses.field(default_factory=dict)
    # What a foreign file's records were mapped to (foreign.py).
    mapped: Counter = dataclasses.field(default_factory=Counter)

    def count(self, table: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(table, Counter())[outcome] += n

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())


class Writer:
    def __init__(self, reason: str, report: LoadReport, where: Callable[..., str] | None = None):
        self.reason = reason
        self.report = report
        self.where = where or (lambda *parts: ": ".join(str(p) for p in parts if p is not None))
        self.written = WrittenIds()

    def write(
        self,
        model,
        table: str | None,
        rows: list[Row],
        key_field: str = "slug",
        count_unchanged=True,
        again=False,
    ) -> dict:
        """Upsert ``rows``; return public id → primary key for all of them. ``again``: the rows add fields to
        records this load has already written (references resolved later), rather than giving new records."""
        if table and not again:
            repeated = self.written.repeated(model, table, [row.key for row in rows])
            if repeated:
                raise DatasetError(
                    [f"{self.where(*rows[i].at, None)}: the id '{rows[i].key}' is used twice" for i in repeated]
                )
        columns = columns_of(model, key_field)
        foreign_keys = [f.name for f in model._meta.concrete_fields if f.is_relation]
        ids: dict[str, int] = {}
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            keys = [row.key for row in batch]
            existing = {}
            stored = list(stored_ids(model, key_field, keys))
            if stored:
                existing = {
                    getattr(obj, key_field): obj for obj in model.objects.filter(**{f"{key_field}__in": stored})
                }
            new, new_keys, changed, changed_fields = [], [], [], set()
            for row in batch:
                obj = existing.get(row.key)
                if obj is None:
                    try:
                        new.append(columns.with_references(row, columns.stored(row)))
                    except Refused as exc:
                        raise DatasetError([f"{self.where(*row.at, None)}: {exc}"]) from None
                    new_keys.append(row.key)
                    continue
                differences = [name for name, value in row.values.items() if getattr(obj, name) != value]
                if not differences:
                    if table and count_unchanged:
                        self.report.count(table, "unchanged")
                    ids[row.key] = obj.pk
                    continue
                for name in differences:
                    setattr(obj, name, row.values[name])
                try:
                    obj.clean_fields(exclude=foreign_keys)  # references were resolved by the caller
                except DjangoValidationError as exc:
                    raise DatasetError([f"{self.where(*row.at, None)}: {_problems(exc)}"]) from None
                changed.append(obj)
                changed_fields.update(differences)
            if new:
                ids.update(insert_with_history(model, columns, new, new_keys, self.reason))
            if changed:
                bulk_update_with_history(
                    changed,
                    model,
                    sorted(changed_fields),
                    batch_size=BATCH_SIZE,
                    default_change_reason=self.reason,
                    custom_historical_attrs=bulk_attributes(),
                )
                ids.update((getattr(obj, key_field), obj.pk) for obj in changed)
            if table:
                self.report.count(table, "added", len(new))
                self.report.count(table, "changed", len(changed))
        return ids


class WrittenIds:
    """The public ids a load has written, per table: a file streamed in batches must not give one id twice. They are
    kept in a temporary table of the load's connection rather than in memory, so that an import's memory does not
    grow with its number of records; each load starts it empty (``importing`` drops it at the end)."""

    def __init__(self):
        self.prepared: set[str] = set()  # the connections (aliases) whose table this load has emptied

    def repeated(self, model, table: str, keys: list[str]) -> list[int]:
        """Positions in ``keys`` of ids this load has written already (earlier in ``keys`` too); the others are
        noted as written."""
        connection = connections[router.db_for_write(model)]
        keys = [str(key) for key in keys]  # a rotation rule is known by its organisation's number
        with connection.cursor() as cursor:
            if connection.alias not in self.prepared:
                cursor.execute(
                    f"CREATE TEMPORARY TABLE IF NOT EXISTS {WRITTEN_IDS} "
                    "(section VARCHAR(40) NOT NULL, public_id TEXT NOT NULL, PRIMARY KEY (section, public_id))"
                )
                cursor.execute(f"DELETE FROM {WRITTEN_IDS}")
                self.prepared.add(connection.alias)
            fresh: set[str] = set()
            for start in range(0, len(keys), BATCH_SIZE):
                chunk = keys[start : start + BATCH_SIZE]
                cursor.execute(
                    f"INSERT INTO {WRITTEN_IDS} (section, public_id) VALUES {', '.join(['(%s, %s)'] * len(chunk))} "
                    "ON CONFLICT DO NOTHING RETURNING public_id",
                    [value for key in chunk for value in (table, key)],
                )
                fresh.update(key for (key,) in cursor.fetchall())
        repeated = []
        for position, key in enumerate(keys):
            if key in fresh:
                fresh.discard(key)  # its first occurrence; any later one is a repetition
            else:
                repeated.append(position)
        return repeated


def stored_ids(model, key_field: str, keys: list) -> dict:
    """Public id → primary key of those of ``keys`` the table holds: plain queries of ``BATCH_SIZE`` keys (a new
    record's batch is most often none of them, and the ORM would take longer to build the query than the database
    to answer it)."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    column, pk = quote(model._meta.get_field(key_field).column), quote(model._meta.pk.column)
    found = {}
    with connection.cursor() as cursor:
        for start in range(0, len(keys), BATCH_SIZE):
            chunk = keys[start : start + BATCH_SIZE]
            cursor.execute(
                f"SELECT {column}, {pk} FROM {quote(model._meta.db_table)} "
                f"WHERE {column} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            found.update(cursor.fetchall())
    return found


class Refused(ValueError):
    """A value its model field does not accept."""


def _problems(exc: DjangoValidationError) -> str:
    return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())


# Columns whose values go to the database as Python holds them; others are converted by their field.
PLAIN_TYPES = {
    "CharField", "TextField", "SlugField", "IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "SmallIntegerField", "BigIntegerField", "BooleanField", "ForeignKey", "OneToOneField",
}  # fmt: skip


def columns_of(model, key_field: str) -> Columns:
    """The plan for a model's new rows, made once per process for each database and active language (what a
    translated field's own column holds depends on the language)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    columns = tuple(f.attname for f in model._meta.concrete_fields)  # a field added since (tests do) makes a new plan
    return _columns_of(model, key_field, router.db_for_write(model), language, columns)


@functools.cache
def _columns_of(model, key_field: str, alias: str, language: str, _columns: tuple) -> Columns:
    return Columns(model, key_field, alias, language)


class Columns:
    """How one model's new rows become the values of its columns, decided once per field rather than once per
    row: what saving a model instance would store — defaults, a translated field's own column filled as
    modeltranslation's descriptor fills it (the active language, then the fallbacks), each value cleaned by its
    field as ``clean_fields`` cleans it (references excepted: the caller resolved them) and prepared for the
    database — without building an instance per row."""

    def __init__(self, model, key_field: str, alias: str, language: str):
        self.model, self.key_field, self.alias = model, key_field, alias
        self.fields = [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]
        self.names = {f.attname for f in self.fields}
        try:
            translated = translator.get_options_for_model(model).fields
        except NotRegistered:
            translated = {}
        # One expression per column, compiled into one function: a row's values are then read, cleaned and
        # prepared without a loop over the fields deciding, for every row, what each needs.
        helpers: dict = {"NOW": timezone.now}
        expressions = []
        for i, field in enumerate(self.fields):
            name = field.attname
            if name == key_field:
                value = "key"
            elif field.is_relation:
                value = "None"  # references are put in when the row is written (``with_references``)
            elif field.name in translated:
                helpers[f"F{i}"] = self._fallback(field, language)
                value = f"(given[{name!r}] if {name!r} in given else F{i}(given))"
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = f"(given[{name!r}] if {name!r} in given else NOW())"
            elif field.has_default() and callable(field.default):  # a new default each time ([] for a list)
                helpers[f"D{i}"] = field.get_default
                value = f"(given[{name!r}] if {name!r} in given else D{i}())"
            else:  # the same value every time ("", None, a constant)
                helpers[f"D{i}"] = field.get_default()
                value = f"given.get({name!r}, D{i})"
            if not field.is_relation:
                value = self._cleaned(field, i, value, helpers, field.get_internal_type() not in PLAIN_TYPES)
            expressions.append(value)
        source = "def stored(given, key):\n    return [\n" + "".join(f"        {e},\n" for e in expressions) + "    ]\n"
        exec(compile(source, f"<columns of {model.__name__}>", "exec"), helpers)  # noqa: S102 (our own code)
        self._stored = helpers["stored"]
        self.references = [
            (i, f.attname) for i, f in enumerate(self.fields) if f.is_relation and f.attname != key_field
        ]
        self.key_index = next(i for i, f in enumerate(self.fields) if f.attname == key_field)

    def with_references(self, row: Row, stored: list) -> list:
        """The row's column values (``stored``) with its references (resolved since it was shaped) and its key put
        in."""
        values = row.values
        for i, name in self.references:
            stored[i] = values.get(name)
        stored[self.key_index] = row.key
        return stored

    def stored(self, row: Row) -> list:
        """The values of the model's columns for a new row, in ``self.fields`` order."""
        given = row.values
        if not given.keys() <= self.names:
            raise TypeError(f"{self.model.__name__} has no field {', '.join(sorted(given.keys() - self.names))}")
        return self._stored(given, row.key)

    def _fallback(self, field, language: str):
        """How modeltranslation's descriptor reads a translated field: the first meaningful localised value."""
        descriptor = getattr(self.model, field.name)
        names = [
            build_localized_fieldname(field.name, lang)
            for lang in resolution_order(language, descriptor.fallback_languages)
        ]
        given_up = descriptor.fallback_value if fallbacks_enabled() else NONE

        def read(given: dict):
            default = field.get_default()
            undefined = default if descriptor.fallback_undefined is NONE else descriptor.fallback_undefined
            for name in names:
                value = given.get(name)
                if value is not None and value != undefined:
                    return value
            return default if given_up is NONE else given_up

        return read

    def _cleaned(self, field, i: int, value: str, helpers: dict, prepare: bool) -> str:
        """The expression of ``value`` cleaned by ``field`` as ``clean_fields`` would clean it (and ``prepare``d for
        the database). A text whose field's only checks are a length and a pattern is checked here; another value
        is cleaned by its field once and remembered, prepared (most recur: roles, dates, sources); a list (JSON) is
        cleaned every time."""
        helpers[f"C{i}"], helpers[f"M{i}"] = self._cleaner(field, prepare)
        if isinstance(field, dj.JSONField):
            return f"C{i}({value})"
        checks = None if prepare else _text_checks(field, i, helpers)
        if checks is None:
            return f"(M{i}[_v] if (_v := {value}) in M{i} else C{i}(_v))"
        given = "_v == '' or " if field.blank else "_v != '' and "
        return f"(_v if (_v := {value}).__class__ is str and ({given}{checks}) else C{i}(_v))"

    def _cleaner(self, field, prepare: bool):
        """``field.clean`` as ``clean_fields`` calls it (blank values left alone), then ``get_db_prep_save`` if
        ``prepare``; with what it has made, by value."""
        memo: dict = {}
        empty, alias = field.empty_values, self.alias

        def clean(value):
            made = value if field.blank and value in empty else _clean(field, value)
            if prepare and made is not None:
                made = field.get_db_prep_save(made, connections[alias])
            try:
                if len(memo) < 10_000:
                    memo[value] = made
            except TypeError:  # an unhashable value: not remembered
                pass
            return made

        return clean, memo


def _text_checks(field, i: int, helpers: dict) -> str | None:
    """For a text field without choices whose validators are lengths and patterns: those checks as an expression
    of ``_v`` (what its validators would test); None for any other field."""
    if field.choices or not isinstance(field, (dj.CharField, dj.TextField)):
        return None
    checks = ["True"]
    for j, validator in enumerate(field.validators):
        if isinstance(validator, dj_validators.MaxLengthValidator) and isinstance(validator.limit_value, int):
            checks.append(f"len(_v) <= {validator.limit_value}")
        elif type(validator) is dj_validators.RegexValidator and not validator.inverse_match:
            helpers[f"R{i}_{j}"] = re.compile(validator.regex.pattern, validator.regex.flags)  # not the lazy one
            checks.append(f"R{i}_{j}.search(_v)")
        else:
            return None
    return " and ".join(checks)


def _clean(field, value):
    try:
        return field.clean(value, None)
    except DjangoValidationError as exc:
        raise Refused(f"{field.name}: {' '.join(exc.messages)}") from None


def insert_with_history(model, columns: Columns, rows: list[list], keys: list[str], reason: str) -> dict[str, int]:
    """Insert new records (their column values, from ``columns``) and their change-history rows ("+", with the
    load's reason and change set); return public id → primary key. One prepared statement run for every row, then
    one INSERT … SELECT copying the rows as stored into the history table: what Django's bulk_create would write,
    without compiling SQL per row."""
    connection = connections[columns.alias]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(f.column) for f in columns.fields)
    marks = ", ".join(["%s"] * len(columns.fields))
    key_column, pk = quote(model._meta.get_field(columns.key_field).column), quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        numbered = _numbered_in_order(cursor, table, key_column, pk, keys)
        if numbered:
            _copy_to_history(cursor, model, reason, quote, [("BETWEEN %s AND %s", list(numbered))])
            return dict(zip(keys, range(numbered[0], numbered[1] + 1), strict=True))
        pks: dict[str, int] = {}
        for start in range(0, len(keys), 500):  # SQLite takes at most 999 parameters a statement
            chunk = keys[start : start + 500]
            cursor.execute(
                f"SELECT {key_column}, {pk} FROM {table} WHERE {key_column} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            pks.update(cursor.fetchall())
        numbers = [pks[key] for key in keys]
        chunks = [numbers[start : start + 500] for start in range(0, len(numbers), 500)]
        _copy_to_history(cursor, model, reason, quote, [(f"IN ({', '.join(['%s'] * len(c))})", c) for c in chunks])
    return {key: pks[key] for key in keys}


def _numbered_in_order(cursor, table: str, key_column: str, pk: str, keys: list[str]) -> tuple[int, int] | None:
    """On SQLite, the first and last primary key of the rows just inserted, when they were numbered one after the
    other (their table's AUTOINCREMENT numbers rows in increasing order, so a first key n - 1 below the last means
    every row between is theirs): two lookups instead of one per row. None elsewhere, or if they were not."""
    if cursor.db.vendor != "sqlite" or not keys:
        return None
    cursor.execute("SELECT last_insert_rowid()")
    (last,) = cursor.fetchone()
    cursor.execute(f"SELECT {key_column}, {pk} FROM {table} WHERE {pk} IN (%s, %s)", [last - len(keys) + 1, last])
    found = dict(cursor.fetchall())
    if found.get(keys[0]) == last - len(keys) + 1 and found.get(keys[-1]) == last:
        return last - len(keys) + 1, last
    return None


def _copy_to_history(cursor, model, reason: str, quote, selections: list[tuple[str, list]]) -> None:
    """Copy the rows whose primary key matches each selection (SQL after the key, and its parameters) into the
    model's history table."""
    history = model.history.model
    now = cursor.db.ops.adapt_datetimefield_value(timezone.now())
    own = {f.column for f in model._meta.concrete_fields}
    copied = [f.column for f in history._meta.concrete_fields if f.column in own]
    tag = bulk_attributes().get("changeset")
    extra = {"history_date": now, "history_change_reason": reason[:100], "history_type": "+"}
    extra |= {"changeset": tag} if tag is not None else {}
    names = [quote(c) for c in copied] + [quote(history._meta.get_field(n).column) for n in extra]
    selected = ", ".join(quote(c) for c in copied)
    pk = quote(model._meta.pk.column)
    for condition, parameters in selections:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(names)}) "
            f"SELECT {selected}, {', '.join(['%s'] * len(extra))} FROM {quote(model._meta.db_table)} "
            f"WHERE {pk} {condition} ORDER BY {pk}",
            [*extra.values(), *parameters],
        )
