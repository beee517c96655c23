"""Load a dataset file into the registry: validate everything, then write it in one transaction.

Loading is idempotent: records are matched by their public id and only rows whose values differ are
saved (so the change history only grows when something really changed). Nothing is deleted. If the
file is invalid, or the result would break a registry rule, nothing is written.

``Importer`` turns validated records (shaped by ``schema`` from each record's description) into rows for the
``Writer``; the YAML loader feeds it a whole file, the Popolo importer records streamed from a JSON document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from pydantic import BaseModel, ValidationError

from .. import descriptions, models, rules
from ..partial_dates import PartialDate
from . import schema
from .writer import LoadReport, Row, Writer
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


def _texts(field_name: str, text: schema.Text | None) -> dict:
    return {f"{field_name}_en": (text.en or "") if text else "", f"{field_name}_ru": (text.ru or "") if text else ""}


def _period(item) -> dict:
    start = PartialDate.parse(item.start) if item.start else None
    end = PartialDate.parse(item.end) if item.end else None
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


class Importer:
    """Turns validated records into rows, resolving references by public id, one description at a time.
    ``where(section, index, key, reason)`` names a place in the file."""

    def __init__(self, writer: Writer, where: Callable[..., str], default_source: str | None = None):
        self.writer = writer
        self.where = where
        self.default_source = default_source
        self.problems: list[str] = []
        referenced = {"source"} | {f.ref for d in descriptions.every() for f in d.fields if f.ref}
        self.ids = {
            kind: dict(descriptions.get(kind).model.objects.values_list(descriptions.get(kind).key, "pk"))
            for kind in referenced
        }
        self.post_roles = dict(models.Post.objects.values_list("slug", "role"))

    def ref(self, kind: str, key, at: tuple):
        if key is None:
            return None
        found = self.ids[kind].get(key)
        if found is None:
            self.problems.append(self.where(*at, f"unknown {kind} '{key}'"))
        return found

    def check(self) -> None:
        if self.problems:
            raise DatasetError(self.problems)

    def fact(self, item, at: tuple) -> dict:
        return {
            "source_id": self.ref("source", item.source or self.default_source, (*at, "source")),
            "source_quote": item.quote,
            "confirmed": item.confirmed,
            **_texts("note", item.note),
        }

    def values(self, description: descriptions.Description, record, at: tuple) -> dict:
        """The model's values for one record (references as primary keys; ``late`` ones left for later)."""
        values = {**self.fact(record, at)} if description.sourced else {}
        if description.dated:
            values.update(_period(record))
        for field in description.fields:
            if field.many or field.late or (description.sourced and field.name == "note"):
                continue
            value = getattr(record, field.name)
            if field.text:
                values.update(_texts(field.name, value))
            elif field.ref:
                values[f"{field.name}_id"] = self.ref(field.ref, value, (*at, field.name))
            else:
                values[field.name] = _plain(value)
        adjust = getattr(self, f"_adjust_{description.kind}", None)
        return adjust(record, values, at) if adjust else values

    def _adjust_membership(self, record, values: dict, at: tuple) -> dict:
        # A membership in a post has the post's role unless the file says otherwise.
        values["role"] = record.role or self.post_roles.get(record.post) or "member"
        return values

    def _adjust_post(self, record, values: dict, at: tuple) -> dict:
        self.post_roles[record.id] = record.role
        return values

    def _adjust_rotationrule(self, record, values: dict, at: tuple) -> dict:
        month, day = (int(x) for x in values.pop("handover").split("-"))
        try:
            dt.date(2000, month, day)
        except ValueError:
            self.problems.append(self.where(*at, "handover", f"no such day {record.handover}"))
        for code in record.fixed_order:
            self.ref("country", code, (*at, "fixed_order"))
        return {**values, "handover_month": month, "handover_day": day}

    def key(self, description: descriptions.Description, record, values: dict, at: tuple):
        """The record's public id: given, derived from its values, or (a rotation rule) its organisation's key."""
        if description.key == "organization":
            return self.ref("organization", record.organization, (*at, "organization"))
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

    def section(self, description: descriptions.Description, items: Iterable[tuple[int, BaseModel]], late=True):
        """Write one section's records (then their links and lists of references). ``late``: also resolve the
        references to records of the same section; the Popolo import does it in a pass of its own."""
        items = list(items)
        rows = []
        for i, record in items:
            at = (description.section, i)
            values = self.values(description, record, at)
            rows.append(Row(self.key(description, record, values, at), values, self.where(*at, None)))
        key_field = "organization_id" if description.key == "organization" else description.key
        written = self._write(description, rows, key_field=key_field)
        if description.links:
            links = []
            for i, record in items:
                owner = {f"{description.kind}_id": written[record.id]}
                links += self._links(record.links, (description.section, i), f"{description.kind}:{record.id}", owner)
            self.check()
            self.writer.write(models.Link, "links", links, key_field="key")
        if any(field.many for field in description.fields):
            self._relate(description, items, written)
        if late:
            self.relations(description, items)

    def relations(self, description: descriptions.Description, items):
        late = [field for field in description.fields if field.late]
        if not late:
            return
        rows = [
            Row(
                record.id,
                {
                    f"{f.name}_id": self.ref(f.ref, getattr(record, f.name), (description.section, i, f.name))
                    for f in late
                },
                self.where(description.section, i, None),
            )
            for i, record in items
        ]
        self.check()
        self.writer.write(description.model, description.section, rows, count_unchanged=False, again=True)

    def _write(self, description, rows, key_field):
        self.check()
        written = self.writer.write(description.model, description.section, rows, key_field=key_field)
        if description.kind in self.ids:
            self.ids[description.kind].update(written)
        return written

    def _links(self, links, at, owner_key: str, owner: dict) -> list[Row]:
        # A link's public id is its owner's public id and the address.
        return [
            Row(
                f"{owner_key}:{link.url}"[:300],
                {**self.fact(link, (*at, "links", j)), "url": link.url, **owner},
                self.where(*at, "links", j, None),
            )
            for j, link in enumerate(links)
        ]

    def _relate(self, description, items, written: dict) -> None:
        """Lists of references (a news item's states, people, organisations, events): set where they differ."""
        many = [field for field in description.fields if field.many]
        stored = {obj.pk: obj for obj in description.model.objects.filter(pk__in=written.values())}
        for i, record in items:
            obj = stored[written[record.id]]
            for field in many:
                at = (description.section, i, field.name)
                wanted = {self.ref(field.ref, key, at) for key in getattr(record, field.name)}
                self.check()
                manager = getattr(obj, field.name)
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

    with transaction.atomic():
        importer = Importer(Writer(reason or f"loaded from {path.name}", report), where, dataset.default_source)
        for description in descriptions.every():
            importer.section(description, enumerate(getattr(dataset, description.section)))
        finish(report, path)
    return report
