"""Load a dataset file into the registry: validate everything, then write it in one transaction.

Loading is idempotent: records are matched by their public id and only rows whose values differ are
saved (so the change history only grows when something really changed). Nothing is deleted. If the
file is invalid, or the result would break a registry rule, nothing is written.

A ``Shaper`` turns validated records (shaped by ``schema`` from each record's description) into rows whose references
are public ids; the ``Importer`` resolves those and hands the rows to the ``Writer``. The YAML loader feeds them a
whole file, the Popolo importer records streamed from a JSON document.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from pydantic import BaseModel, ValidationError

from .. import descriptions, models, rules, versioning
from ..partial_dates import PartialDate
from . import schema
from .writer import LoadReport, Row, Writer, importing, stored_ids
from .yaml_lines import DatasetError, locate, read_yaml

__all__ = ["DatasetError", "Importer", "LoadReport", "load_dataset", "parse_dataset"]


def pydantic_problems(exc: ValidationError, where: Callable[[tuple, str], str]) -> list[str]:
    problems = []
    for err in exc.errors():
        if err["type"] == "extra_forbidden":
            reason = "unknown key"
        elif err["type"] == "missing":
            reason = "required key is missing"
        else:
            reason = err["msg"].removeprefix("Value error, ")
        problems.append(where(tuple(err["loc"]), reason))
    return problems


def parse_dataset(path: Path) -> tuple[schema.Strict, dict]:
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise DatasetError([f"{path}:1: (document): expected a mapping with 'format: interparl-dataset/1'"])
    try:
        return schema.dataset_model().model_validate(data), lines
    except ValidationError as exc:
        raise DatasetError(pydantic_problems(exc, lambda at, reason: locate(path, lines, at, reason))) from None


def _put_text(values: dict, name: str, text: schema.Text | None) -> None:
    """A translated field's two columns."""
    values[f"{name}_en"] = (text.en or "") if text else ""
    values[f"{name}_ru"] = (text.ru or "") if text else ""


def _period(item) -> dict:
    """The stored columns of a record's period (a dict shared between records: copied, never changed)."""
    return _stored_period(item.start, item.end)


@functools.lru_cache(maxsize=4096)  # periods recur: every membership of a term has the same
def _stored_period(start_text: str | None, end_text: str | None) -> dict:
    start = PartialDate.parse(start_text) if start_text else None
    end = PartialDate.parse(end_text) if end_text else None
    return {
        "start_date": start.earliest() if start else None,
        "start_precision": start.precision if start else "day",
        "end_date": end.latest() if end else None,
        "end_precision": end.precision if end else "day",
    }


def _derived_id(*parts) -> str:
    return slugify("-".join(str(p) for p in parts if p))[:200]


def _plain(value):
    if isinstance(value, list):
        return [v.model_dump(exclude_none=True) if isinstance(v, BaseModel) else v for v in value]
    return value


@dataclass
class Shaped:
    """A section's records (or a chunk of them) as rows whose references are still public ids (``Row.refs``): what
    the pure half of an import makes from validated records, and the writing half resolves and writes."""

    kind: str
    rows: list[Row]
    links: list[Row] = field(default_factory=list)  # web addresses, each referring to its owner by public id
    # Lists of references: (record's public id, field, record's place, [(kind, public id)]).
    many: list[tuple[str, str, tuple, list[tuple[str, str]]]] = field(default_factory=list)
    again: bool = False  # the rows add references (``late`` fields) to records this import has written


class Shaper:
    """Turns validated records into rows, one description at a time; pure (no database), so it can run apart from
    the writing. ``post_roles``: post public id → role, for memberships that name only their post."""

    def __init__(self, where: Callable[..., str], default_source: str | None, post_roles: dict[str, str]):
        self.where = where
        self.default_source = default_source
        self.post_roles = post_roles

    def shape(self, description: descriptions.Description, items: list[tuple[int, BaseModel]]) -> Shaped:
        """Rows for the records, without their references to records of the same section (``relations``)."""
        rows, links, many = [], [], []
        many_fields = [f for f in description.fields if f.many]
        for i, record in items:
            at = (description.section, i)
            refs: list = []
            values = self.values(description, record, at, refs)
            key = self.key(description, record, values, at)
            rows.append(Row(key, values, at, refs))
            if description.links:
                links += self._links(description, record, at)
            for f in many_fields:
                many.append((record.id, f.name, at, [(f.ref, value) for value in getattr(record, f.name)]))
        return Shaped(description.kind, rows, links, many)

    def relations(self, description: descriptions.Description, items) -> Shaped | None:
        """The references to records of the same section (``late`` fields), once all of the section is written."""
        late = _late_fields(description)
        if not late:
            return None
        rows = []
        for i, record in items:
            at = (description.section, i)
            refs = [(f"{f.name}_id", f.ref, getattr(record, f.name), f.name) for f in late]
            rows.append(Row(record.id, {}, at, refs))
        return Shaped(description.kind, rows, again=True)

    def fact(self, item, at: tuple, refs: list) -> dict:
        refs.append(("source_id", "source", item.source or self.default_source, "source"))
        values = {"source_quote": item.quote, "confirmed": item.confirmed}
        _put_text(values, "note", item.note)
        return values

    def values(self, description: descriptions.Description, record, at: tuple, refs: list) -> dict:
        """The model's values for one record; references go to ``refs`` (column, kind, public id, place)."""
        values = self.fact(record, at, refs) if description.sourced else {}
        if description.dated:
            values.update(_period(record))
        for f in _plain_fields(description):
            value = getattr(record, f.name)
            if f.text:
                _put_text(values, f.name, value)
            elif f.ref:
                refs.append((f"{f.name}_id", f.ref, value, f.name))
            else:
                values[f.name] = _plain(value)
        adjust = _ADJUST.get(description.kind)
        return adjust(self, record, values, at, refs) if adjust else values

    def _adjust_membership(self, record, values: dict, at: tuple, refs: list) -> dict:
        # A membership in a post has the post's role unless the file says otherwise.
        values["role"] = record.role or self.post_roles.get(record.post) or "member"
        return values

    def _adjust_post(self, record, values: dict, at: tuple, refs: list) -> dict:
        self.post_roles[record.id] = record.role
        return values

    def _adjust_rotationrule(self, record, values: dict, at: tuple, refs: list) -> dict:
        month, day = (int(x) for x in values.pop("handover").split("-"))
        try:
            dt.date(2000, month, day)
        except ValueError:
            raise DatasetError([self.where(*at, "handover", f"no such day {record.handover}")]) from None
        for code in record.fixed_order:
            refs.append((None, "country", code, "fixed_order"))  # only checked: the list keeps the codes
        return {**values, "handover_month": month, "handover_day": day}

    def key(self, description: descriptions.Description, record, values: dict, at: tuple):
        """The record's public id: given, or derived from its values; a rotation rule's is its organisation's
        (resolved when written)."""
        if description.key == "organization":
            return record.organization
        given = getattr(record, description.file_key)
        if given or not description.derive_key:
            return given
        parts = []
        for spec in description.derive_key:
            names = spec.split("|")
            options = [values.get(name) if name == "role" else getattr(record, name) for name in names]
            if "source" in names:
                options.append(self.default_source)
            parts.append(next((option for option in options if option), None))
        return _derived_id(*parts)

    def _links(self, description, record, at: tuple) -> list[Row]:
        # A link's public id is its owner's public id and the address.
        rows = []
        for j, link in enumerate(record.links):
            place, refs = (*at, "links", j), [(f"{description.kind}_id", description.kind, record.id, None)]
            values = {**self.fact(link, place, refs), "url": link.url}
            rows.append(Row(f"{description.kind}:{record.id}:{link.url}"[:300], values, place, refs))
        return rows


_ADJUST = {
    "membership": Shaper._adjust_membership,
    "post": Shaper._adjust_post,
    "rotationrule": Shaper._adjust_rotationrule,
}


def key_field(description: descriptions.Description) -> str:
    """The column a record is matched by: its public id's, or (a rotation rule) its organisation's."""
    return "organization_id" if description.key == "organization" else description.key


@functools.cache
def _plain_fields(description: descriptions.Description) -> tuple[descriptions.Field, ...]:
    """The fields ``Shaper.values`` reads one by one (not lists of references, late references or the fact's note)."""
    return tuple(f for f in description.fields if not (f.many or f.late or (description.sourced and f.name == "note")))


@functools.cache
def _late_fields(description: descriptions.Description) -> tuple[descriptions.Field, ...]:
    return tuple(f for f in description.fields if f.late)


class Keys:
    """Public id → primary key of the records others refer to (per kind), found in the database a batch of ids at a
    time and remembered up to ``LIMIT`` ids per kind: an import's memory does not grow with the registry or the
    file, and the few ids that recur (a delegation, its chambers, a source) are looked up once."""

    LIMIT = 50_000

    def __init__(self, kinds: set[str]):
        self.found: dict[str, dict] = {kind: {} for kind in kinds}

    def look_up(self, wanted: dict[str, set]) -> None:
        """Find each of the ``wanted`` ids (kind → ids) not yet found; those the registry lacks stay missing."""
        for kind, keys in wanted.items():
            found = self.found[kind]
            if len(found) + len(keys) > self.LIMIT:
                found.clear()
            missing = [key for key in keys if key not in found]
            if missing:
                description = descriptions.get(kind)
                found.update(stored_ids(description.model, description.key, missing))

    def add(self, kind: str, written: dict) -> None:
        """Ids just written (id → primary key), of a kind others refer to."""
        found = self.found.get(kind)
        if found is not None:
            if len(found) + len(written) > self.LIMIT:
                found.clear()
            found.update(written)


class Importer:
    """Writes shaped rows: resolves their references by public id (against the registry and what this import has
    written), then hands them to the ``Writer``. ``where(section, index, key, reason)`` names a place in the file."""

    def __init__(self, writer: Writer, where: Callable[..., str], default_source: str | None = None):
        self.writer = writer
        self.where = where
        self.problems: list[str] = []
        self.keys = Keys({"source"} | {f.ref for d in descriptions.every() for f in d.fields if f.ref})
        self.shaper = Shaper(where, default_source, dict(models.Post.objects.values_list("slug", "role")))

    def section(self, description: descriptions.Description, items: Iterable[tuple[int, BaseModel]], late=True):
        """Shape and write one section's records, their links and lists of references; ``late``: then the references
        to records of the same section (the Popolo import links those in a pass of its own)."""
        items = list(items)
        self.write(self.shaper.shape(description, items))
        if late:
            self.relations(description, items)

    def relations(self, description: descriptions.Description, items) -> None:
        shaped = self.shaper.relations(description, list(items))
        if shaped:
            self.write(shaped)

    def ref(self, kind: str, key, at: tuple, name: str | None):
        """The primary key of the ``kind`` record known by ``key``; an unknown one is noted as a problem of field
        ``name`` of the record at ``at`` (``name`` None: a link's owner, the record the link at ``at`` is in)."""
        if key is None:
            return None
        found = self.keys.found[kind].get(key)
        if found is None:
            self.keys.look_up({kind: {key}})
            found = self.keys.found[kind].get(key)
        if found is None:
            place = at[:-2] if name is None else (*at, name)
            self.problems.append(self.where(*place, f"unknown {kind} '{key}'"))
        return found

    def resolve(self, rows: list[Row]) -> None:
        """Put each row's references in as primary keys; any unknown one stops the import before anything of the
        rows is written."""
        wanted: dict[str, set] = {}
        for row in rows:
            for _column, kind, key, _name in row.refs:
                if key is not None:
                    wanted.setdefault(kind, set()).add(key)
        self.keys.look_up(wanted)
        ids = self.keys.found
        for row in rows:
            values = row.values
            for column, kind, key, name in row.refs:
                # ``ref``, inlined for the common case: millions of references in a large import.
                found = None if key is None else ids[kind].get(key)
                if found is None and key is not None:
                    self.ref(kind, key, row.at, name)  # notes the problem
                if column:
                    values[column] = found
        if self.problems:
            raise DatasetError(self.problems)

    def write(self, shaped: Shaped) -> None:
        description = descriptions.get(shaped.kind)
        if description.key == "organization":  # a rotation rule is known by its organisation
            for row in shaped.rows:
                row.key = self.ref("organization", row.key, row.at, "organization")
        self.resolve(shaped.rows)
        if shaped.again:
            self.writer.write(description.model, description.section, shaped.rows, count_unchanged=False, again=True)
            return
        written = self.writer.write(
            description.model,
            description.section,
            shaped.rows,
            key_field=key_field(description),
        )
        self.keys.add(description.kind, written)
        if shaped.links:
            self.resolve(shaped.links)
            self.writer.write(models.Link, "links", shaped.links, key_field="key")
        if shaped.many:
            self._relate(description, shaped.many, written)

    def _relate(self, description, many: list, written: dict) -> None:
        """Lists of references (a news item's states, people, organisations, events): set where they differ."""
        stored = {obj.pk: obj for obj in description.model.objects.filter(pk__in=written.values())}
        wanted: dict[str, set] = {}
        for _key, _name, _at, refs in many:
            for kind, value in refs:
                wanted.setdefault(kind, set()).add(value)
        self.keys.look_up(wanted)
        for key, name, at, refs in many:
            wanted = {self.ref(kind, value, at, name) for kind, value in refs}
            if self.problems:
                raise DatasetError(self.problems)
            manager = getattr(stored[written[key]], name)
            if set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(wanted)


def finish(report: LoadReport, label) -> None:
    """Check every registry rule inside the load's transaction; any violation rolls the load back."""
    violations = rules.check_all()
    if violations:
        raise DatasetError([f"{label}: the data would break a registry rule: {v}" for v in violations])


def load_dataset(path: Path | str, reason: str | None = None) -> LoadReport:
    """Validate and load ``path``; raise ``DatasetError`` (and write nothing) on any problem."""
    path = Path(path)
    dataset, lines = parse_dataset(path)
    report = LoadReport(str(path))

    def where(*parts) -> str:
        *at, reason_text = parts
        return locate(path, lines, tuple(at), reason_text)

    with importing(), transaction.atomic(), versioning.one_bump():
        importer = Importer(Writer(reason or f"loaded from {path.name}", report, where), where, dataset.default_source)
        for description in descriptions.every():
            importer.section(description, enumerate(getattr(dataset, description.section)))
        finish(report, path)
    return report
