"""Write records into the registry in batches: match by public id, insert the new, update only what changed.

Shared by every importer (the YAML dataset loader and the Popolo importer). Each batch costs a handful of
queries whatever its size, and each added or changed row gets its change-history record with the load's
reason. Callers run inside one transaction; nothing here commits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections, router
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator
from simple_history.utils import bulk_update_with_history

from ..history import bulk_attributes
from .yaml_lines import DatasetError

BATCH_SIZE = 1000


@dataclass
class Row:
    key: str  # the public id: a slug, or an ISO code for countries
    values: dict  # field name (foreign keys as ``<name>_id``) → value
    where: str  # where the record is in its file, for error messages


@dataclass
class LoadReport:
    path: str
    counts: dict[str, Counter] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    mapped: Counter = field(default_factory=Counter)  # what a foreign file's records were mapped to (foreign.py)

    def count(self, table: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(table, Counter())[outcome] += n

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())


class Writer:
    def __init__(self, reason: str, report: LoadReport):
        self.reason = reason
        self.report = report
        # Public ids written by this load, per table: a file streamed in batches must not give one id twice.
        self.written: dict[str, set[str]] = {}

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
                    dupes.append(f"{row.where}: the id '{row.key}' is used twice")
                seen.add(row.key)
            if dupes:
                raise DatasetError(dupes)
        foreign_keys = [f.name for f in model._meta.concrete_fields if f.is_relation]
        ids: dict[str, int] = {}
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            existing = {
                getattr(obj, key_field): obj
                for obj in model.objects.filter(**{f"{key_field}__in": [row.key for row in batch]})
            }
            new, changed, changed_fields = [], [], set()
            for row in batch:
                obj = existing.get(row.key)
                if obj is None:
                    obj = model(**{key_field: row.key}, **row.values)
                    new.append(obj)
                else:
                    differences = [name for name, value in row.values.items() if getattr(obj, name) != value]
                    if not differences:
                        if table and count_unchanged:
                            self.report.count(table, "unchanged")
                        ids[row.key] = obj.pk
                        continue
                    for name in differences:
                        setattr(obj, name, row.values[name])
                    changed.append(obj)
                    changed_fields.update(differences)
                try:
                    obj.clean_fields(exclude=foreign_keys)  # references were resolved by the caller
                except DjangoValidationError as exc:
                    problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
                    raise DatasetError([f"{row.where}: {problems}"]) from None
            if new:
                insert_with_history(model, new, key_field, self.reason)
            if changed:
                bulk_update_with_history(
                    changed,
                    model,
                    sorted(changed_fields),
                    batch_size=BATCH_SIZE,
                    default_change_reason=self.reason,
                    custom_historical_attrs=bulk_attributes(),
                )
            if table:
                self.report.count(table, "added", len(new))
                self.report.count(table, "changed", len(changed))
            for obj in new + changed:
                ids[getattr(obj, key_field)] = obj.pk
        return ids


# Columns whose values go to the database as Python holds them; others are converted by their field.
PLAIN_TYPES = {
    "CharField", "TextField", "SlugField", "IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "SmallIntegerField", "BigIntegerField", "BooleanField", "ForeignKey",
}  # fmt: skip


def insert_with_history(model, objs: list, key_field: str, reason: str) -> None:
    """Insert new records and their change-history rows ("+", with the load's reason and change set), and set
    their primary keys. One prepared statement run for every row, then one INSERT … SELECT copying the rows as
    stored into the history table: what Django's bulk_create would write, without compiling SQL per row."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]
    try:  # a translated field's own column holds what its descriptor gives (modeltranslation's fallback)
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()

    converted = [f.name in translated or f.get_internal_type() not in PLAIN_TYPES for f in fields]

    def values(obj) -> list:
        stored = obj.__dict__
        return [
            field.get_db_prep_save(field.pre_save(obj, True), connection) if convert else stored.get(field.attname)
            for field, convert in zip(fields, converted, strict=True)
        ]

    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    keys = [getattr(obj, key_field) for obj in objs]
    with connection.cursor() as cursor:
        for start in range(0, len(objs), BATCH_SIZE):
            batch = objs[start : start + BATCH_SIZE]
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", [values(obj) for obj in batch])
        pks = {}
        key_column = quote(model._meta.get_field(key_field).column)
        for start in range(0, len(keys), 500):  # SQLite takes at most 999 parameters a statement
            chunk = keys[start : start + 500]
            cursor.execute(
                f"SELECT {key_column}, {quote(model._meta.pk.column)} FROM {table} "
                f"WHERE {key_column} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            pks.update(cursor.fetchall())
        for obj, key in zip(objs, keys, strict=True):
            obj.pk = pks[key]
            obj._state.adding, obj._state.db = False, connection.alias
        _copy_to_history(cursor, model, [obj.pk for obj in objs], reason, quote)


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
