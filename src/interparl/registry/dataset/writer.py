"""Write records into the registry in batches: match by public id, insert the new, update only what changed.

Shared by every importer (the YAML dataset loader and the Popolo importer). Each batch costs a handful of
queries whatever its size, and each added or changed row gets its change-history record with the load's
reason. Callers run inside one transaction; nothing here commits.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections, router
from django.utils import timezone, translation
from modeltranslation.fields import NONE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, fallbacks_enabled, resolution_order
from simple_history.utils import bulk_update_with_history

from ..history import bulk_attributes
from .yaml_lines import DatasetError

BATCH_SIZE = 1000


@dataclass
class Row:
    key: str  # the public id: a slug, or an ISO code for countries
    values: dict  # field name (foreign keys as ``<name>_id``) → value
    at: tuple  # where the record is in its file: (section, index), worded by the writer's ``where`` when needed
    refs: list = dataclasses.field(default_factory=list)  # references by public id, for the Importer to resolve


@dataclass
class LoadReport:
    path: str
    counts: dict[str, Counter] = dataclasses.field(default_factory=dict)
    rejected: list[str] = dataclasses.field(default_factory=list)
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
        # Public ids written by this load, per table: a file streamed in batches must not give one id twice.
        self.written: dict[str, set[str]] = {}
        self.plans: dict[tuple, Columns] = {}

    def write(
        self, model, table: str | None, rows: list[Row], key_field: str = "slug", count_unchanged=True, again=False
    ) -> dict:
        """Upsert ``rows``; return public id → primary key for all of them. ``again``: the rows add fields to
        records this load has already written (references resolved later), rather than giving new records."""
        if table and not again:
            seen = self.written.setdefault(table, set())
            dupes = []
            for row in rows:
                if row.key in seen:
                    dupes.append(f"{self.where(*row.at, None)}: the id '{row.key}' is used twice")
                seen.add(row.key)
            if dupes:
                raise DatasetError(dupes)
        columns = self._columns(model, key_field)
        foreign_keys = [f.name for f in model._meta.concrete_fields if f.is_relation]
        ids: dict[str, int] = {}
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            existing = {
                getattr(obj, key_field): obj
                for obj in model.objects.filter(**{f"{key_field}__in": [row.key for row in batch]})
            }
            new, new_keys, changed, changed_fields = [], [], [], set()
            for row in batch:
                obj = existing.get(row.key)
                if obj is None:
                    try:
                        new.append(columns.stored(row))
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

    def _columns(self, model, key_field: str) -> Columns:
        if (model, key_field) not in self.plans:
            self.plans[model, key_field] = Columns(model, key_field)
        return self.plans[model, key_field]


class Refused(ValueError):
    """A value its model field does not accept."""


def _problems(exc: DjangoValidationError) -> str:
    return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())


# Columns whose values go to the database as Python holds them; others are converted by their field.
PLAIN_TYPES = {
    "CharField", "TextField", "SlugField", "IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "SmallIntegerField", "BigIntegerField", "BooleanField", "ForeignKey",
}  # fmt: skip


class Columns:
    """How one model's new rows become the values of its columns, decided once per field rather than once per
    row: what saving a model instance would store — defaults, a translated field's own column filled as
    modeltranslation's descriptor fills it (the active language, then the fallbacks), each value cleaned by its
    field as ``clean_fields`` cleans it (references excepted: the caller resolved them) and prepared for the
    database — without building an instance per row."""

    def __init__(self, model, key_field: str):
        self.model, self.key_field = model, key_field
        self.connection = connections[router.db_for_write(model)]
        self.fields = [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]
        self.names = {f.attname for f in self.fields}
        try:
            translated = translator.get_options_for_model(model).fields
        except NotRegistered:
            translated = {}
        language = translation.get_language() or settings.LANGUAGE_CODE
        self.plan = []  # per column: (field, localised columns it falls back to, cleaned?, prepared?)
        for field in self.fields:
            fallbacks = None
            if field.name in translated:
                descriptor = getattr(model, field.name)
                order = resolution_order(language, descriptor.fallback_languages)
                fallbacks = [build_localized_fieldname(field.name, lang) for lang in order]
            self.plan.append((field, fallbacks, not field.is_relation, field.get_internal_type() not in PLAIN_TYPES))
        self.cleaned: dict[tuple, object] = {}  # (column, value) → the value cleaned: most values recur

    def stored(self, row: Row) -> list:
        """The values of the model's columns for a new row, in ``self.fields`` order."""
        given = row.values
        if not given.keys() <= self.names:
            raise TypeError(f"{self.model.__name__} has no field {', '.join(sorted(given.keys() - self.names))}")
        values = []
        for field, fallbacks, clean, prepare in self.plan:
            name = field.attname
            if name == self.key_field:
                value = row.key
            elif name in given:
                value = given[name]
            elif fallbacks:
                value = self._fallback(field, fallbacks, given)
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = timezone.now()
            else:
                value = field.get_default()
            if clean and not (field.blank and value in field.empty_values):
                value = self._clean(field, value)
            if prepare and value is not None:
                value = field.get_db_prep_save(value, self.connection)
            values.append(value)
        return values

    def _fallback(self, field, fallbacks: list[str], given: dict):
        # As modeltranslation's descriptor reads a translated field: the first meaningful localised value.
        descriptor = getattr(self.model, field.name)
        default = field.get_default()
        undefined = default if descriptor.fallback_undefined is NONE else descriptor.fallback_undefined
        for name in fallbacks:
            value = given.get(name)
            if value is not None and value != undefined:
                return value
        return descriptor.fallback_value if fallbacks_enabled() and descriptor.fallback_value is not NONE else default

    def _clean(self, field, value):
        memo = (field.attname, value)
        try:
            return self.cleaned[memo]
        except KeyError:
            pass
        except TypeError:  # an unhashable value (a list of other names): cleaned every time
            memo = None
        try:
            cleaned = field.clean(value, None)
        except DjangoValidationError as exc:
            raise Refused(f"{field.name}: {' '.join(exc.messages)}") from None
        if memo is not None and len(self.cleaned) < 100_000:
            self.cleaned[memo] = cleaned
        return cleaned


def insert_with_history(model, columns: Columns, rows: list[list], keys: list[str], reason: str) -> dict[str, int]:
    """Insert new records (their column values, from ``columns``) and their change-history rows ("+", with the
    load's reason and change set); return public id → primary key. One prepared statement run for every row, then
    one INSERT … SELECT copying the rows as stored into the history table: what Django's bulk_create would write,
    without compiling SQL per row."""
    connection = columns.connection
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(f.column) for f in columns.fields)
    marks = ", ".join(["%s"] * len(columns.fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        pks: dict[str, int] = {}
        key_column = quote(model._meta.get_field(columns.key_field).column)
        for start in range(0, len(keys), 500):  # SQLite takes at most 999 parameters a statement
            chunk = keys[start : start + 500]
            cursor.execute(
                f"SELECT {key_column}, {quote(model._meta.pk.column)} FROM {table} "
                f"WHERE {key_column} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            pks.update(cursor.fetchall())
        _copy_to_history(cursor, model, [pks[key] for key in keys], reason, quote)
    return {key: pks[key] for key in keys}


def _copy_to_history(cursor, model, pks: list[int], reason: str, quote) -> None:
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
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(names)}) "
            f"SELECT {selected}, {', '.join(['%s'] * len(extra))} FROM {quote(model._meta.db_table)} "
            f"WHERE {pk} IN ({', '.join(['%s'] * len(chunk))}) ORDER BY {pk}",
            [*extra.values(), *chunk],
        )
