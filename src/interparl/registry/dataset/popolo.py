"""Popolo JSON import (the export is ``popolo_export``; the format is in docs/popolo.md).

Import maps each record onto the dataset schema, by its description, and goes through the same ``Importer`` as
a YAML dataset, so both formats validate and write alike. It streams the file in chunks as its checking pass reads it
(``json_sections``), so a file of hundreds of thousands of memberships is never held in memory whole.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from pydantic import ValidationError

from .. import descriptions, versioning
from . import json_sections, pipeline, schema
from .foreign import Mapper
from .loader import Importer, finish, pydantic_problems
from .writer import LoadReport, Writer, importing
from .yaml_lines import DatasetError

APART_FROM_BYTES = 1 << 20  # files from this size are read and shaped in a process of their own (both cores)
CHUNK = 5000
CHUNK_BYTES = 8_000_000
MAX_PROBLEMS = 50


def _text(record: dict, field: str, plain: str | None = None) -> dict | None:
    text = (record.get("i18n") or {}).get(field)
    if text is None:
        value = record.get(plain or field)
        return {"en": value} if value else None
    return text if (text.get("en") or text.get("ru")) else None


def _fact(record: dict) -> dict:
    named = [*(record.get("sources") or []), *(record.get("documents") or [])]
    first = next((s for s in named if isinstance(s, dict) and s.get("id")), {})
    return {
        "source": first.get("id"),
        "quote": first.get("quote") or "",
        "confirmed": record.get("confirmed", True),
        "note": _text(record, "note"),
    }


def _drop_none(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


def _link(link: dict) -> dict:
    return _drop_none({"url": link.get("url"), "note": _text(link, "note"), "source": link.get("source")})


def _nullable(description: descriptions.Description, field: descriptions.Field) -> bool:
    try:
        return description.model._meta.get_field(field.name).null
    except FieldDoesNotExist:
        return False


@functools.cache
def _reading(description: descriptions.Description) -> tuple[tuple, tuple[str, ...]]:
    """How ``dataset_record`` reads a description's fields, decided once: (name, Popolo name, translated?, may be
    said to be empty?, default) per field; and the keys that are left out when they are None (not fields)."""
    fields = tuple(
        (f.name, f.popolo_name, f.text, _nullable(description, f), f.popolo_default) for f in description.fields
    )
    names = {f.name for f in description.fields}
    optional = ("source", "quote", "confirmed", "note", description.file_key, "start", "end")
    return fields, tuple(key for key in optional if key not in names)


def dataset_record(description: descriptions.Description, record: dict) -> dict:
    """A Popolo record in the shape of a dataset file's record (validated by the same schema)."""
    fields, optional = _reading(description)
    data = _fact(record) if description.sourced else {}
    data[description.file_key] = record.get(description.popolo_key)
    for name, popolo_name, text, nullable, default in fields:
        if text:
            data[name] = _text(record, name, popolo_name)
            continue
        value = record.get(popolo_name)
        if value is not None:
            data[name] = value
        elif nullable and popolo_name in record:
            data[name] = None  # said to be empty (a post without a limit of holders)
        elif default is not None:
            data[name] = default
    if description.dated:
        start, end = description.period_names
        data["start"], data["end"] = record.get(start), record.get(end)
    if description.links:
        data["links"] = [_link(link) for link in record.get("links") or []]
    for key in optional:  # a field said to be None stays None (the schema decides); other keys are left out
        if key in data and data[key] is None:
            del data[key]
    return data


def _by_section() -> dict[str, descriptions.Description]:
    return {d.popolo_section: d for d in descriptions.every()}


class _Progress:
    """Reports the bytes read across the passes: the checking pass over the file, then one over each section."""

    def __init__(self, callback, size: int):
        self.callback, self.total, self.done, self.start = callback, size, 0, 0
        self.seen = (0, size)  # (bytes read, bytes to read): the reading may run in another process

    def update(self, position: int) -> tuple[int, int]:
        """Note how far the reading has got (reported by the writing side, with what it writes)."""
        self.seen = (min(self.done + max(position - self.start, 0), self.total), self.total)
        return self.seen

    def report(self, seen: tuple[int, int]) -> None:
        if self.callback:
            self.callback(*seen)

    def over(self, passes: list[json_sections.Section]) -> None:
        """The checking pass is done; these passes follow."""
        self.done = self.total
        self.total += sum(section.size for section in passes)
        self.report(self.update(0))

    def begin(self, section: json_sections.Section) -> None:
        self.start = section.starts[0]

    def end(self, section: json_sections.Section) -> None:
        self.done += section.size
        self.start = 0
        self.update(0)


def check_document(path: Path, handle_position=None) -> dict[str, json_sections.Section]:
    """Check the whole file before any record is read (``json_sections.scan``); return where its sections are."""
    return json_sections.scan(path, set(_by_section()), handle_position)


def _too_many(problems: list[str]) -> list[str]:
    extra = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + ([f"… and {extra} more"] if extra > 0 else [])


class _OutOfOrder(Exception):
    """The file's sections do not come in the order they are written in (a person's posts after its memberships)."""


def load_popolo(path: Path | str, reason: str | None = None, progress=None) -> LoadReport:
    """Import a Popolo JSON file atomically; ``progress(done, total)`` is called as it reads.

    Every section is streamed and written in chunks of ``CHUNK`` records, so memory does not grow with the file.
    Sections that come in the order they are written in (referenced records first, as interparl's own export
    gives them) are written as the one checking pass over the file reads them; a file in another order, or one
    with a problem, is then checked whole first and read section by section in that order (what was written is
    undone), so a problem is reported as that order finds it.
    """
    path = Path(path)
    if not path.exists():
        raise DatasetError([f"{path}: no such file"])
    if not path.is_file():
        raise DatasetError([f"{path}: not a file"])
    with importing(), transaction.atomic(), versioning.one_bump():
        try:
            with transaction.atomic():  # a savepoint: what was written in file order is undone if the order breaks
                report = _import(path, reason, progress, in_file_order=True)
        except (_OutOfOrder, DatasetError):
            # A problem met in file order may come of the order (a reference to a record further on): reading the
            # file in the order it is written in confirms it, or not.
            report = _import(path, reason, progress, in_file_order=False)
        finish(report, path)
    return report


def _import(path: Path, reason: str | None, progress, in_file_order: bool) -> LoadReport:
    report = LoadReport(str(path))
    tracker = _Progress(progress, path.stat().st_size)
    by_section = _by_section()
    rank = {d.kind: i for i, d in enumerate(descriptions.every())}
    popolo_names = {d.section: d.popolo_section for d in descriptions.every()}

    def where(*parts) -> str:
        *at, reason_text = parts
        if at:  # the importer names the dataset's sections ("people"): say the file's ("persons")
            at[0] = popolo_names.get(at[0], at[0])
        dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at).lstrip(".")
        return f"{path}: {dotted}: {reason_text}" if reason_text else f"{path}: {dotted}"

    importer = Importer(Writer(reason or f"imported from {path.name}", report, where), where)

    def rows(description, records, mapper) -> Iterator[tuple]:
        for chunk, rejected in _valid_chunks(records, description, where, mapper):
            if mapper.sources:
                yield "sources", dict(mapper.sources), tracker.seen
            shaped = importer.shaper.shape(description, chunk)
            yield "rows", (description.section, rejected, shaped), tracker.seen

    def shaped() -> Iterator[tuple]:
        """What the writing needs, in order: validated, shaped chunks (pure work, no database)."""
        mapper = Mapper()
        if in_file_order:
            walk = _Walk(json_sections.walk(path, set(by_section), tracker.update))
            written = -1  # the rank of the last section written
            while walk.next is not None:
                description = by_section[walk.next[0]]
                if rank[description.kind] <= written:
                    yield "out of order", description.popolo_section, tracker.seen
                    return
                written = rank[description.kind]
                yield from rows(description, walk.section(), mapper)
            sections = walk.sections
        else:
            sections = json_sections.scan(path, set(by_section), tracker.update)
        present = [d for d in descriptions.every() if d.popolo_section in sections]
        linked_late = [d for d in present if any(field.late for field in d.fields)]
        tracker.over([sections[d.popolo_section] for d in ([] if in_file_order else present) + linked_late])
        if not in_file_order:
            for description in present:
                yield from rows(description, _section_records(path, sections, description, tracker), mapper)
        # Parents and senders may come anywhere in the section: linked once every organisation exists.
        for description in linked_late:
            records = _section_records(path, sections, description, tracker)
            for chunk, _rejected in _valid_chunks(records, description, where, Mapper()):
                yield "rows", (None, 0, importer.shaper.relations(description, chunk)), tracker.seen
        yield "mapped", mapper.mapped, tracker.seen

    stream = pipeline.apart(shaped) if path.stat().st_size >= APART_FROM_BYTES else shaped()
    for what, value, seen in stream:
        if what == "sources":
            _write_new_sources(importer, value)
        elif what == "rows":
            section, rejected, chunk = value
            if section:
                report.count(section, "rejected", rejected)
            importer.write(chunk)
        elif what == "out of order":
            raise _OutOfOrder(value)
        else:
            report.mapped = value
        tracker.report(seen)
    return report


class _Walk:
    """The checking pass's records (``json_sections.walk``) a section at a time; ``sections`` once it is over."""

    def __init__(self, walker):
        self.walker, self.next, self.sections = walker, None, None
        self._advance()

    def _advance(self) -> None:
        try:
            self.next = next(self.walker)
        except StopIteration as done:
            self.next, self.sections = None, done.value

    def section(self) -> Iterator[tuple[int, object, int]]:
        """(index, record, position) of the records from here while they are of one section."""
        name = self.next[0]
        while self.next is not None and self.next[0] == name:
            _name, index, record, position = self.next
            self._advance()
            yield index, record, position


def _write_new_sources(importer: Importer, sources: dict[str, str]) -> None:
    """The sources records named only by their address, recorded before the records that cite them."""
    importer.keys.look_up({"source": set(sources)})
    new = {key: url for key, url in sources.items() if key not in importer.keys.found["source"]}
    if new:
        source = descriptions.get("source")
        shape = schema.record_model(source)
        records = [(i, shape.model_validate({"id": key, "url": url})) for i, (key, url) in enumerate(new.items())]
        importer.section(source, records)


def _next_chunk(records: Iterator[tuple[int, dict, int]]) -> list[tuple[int, dict]]:
    """Up to ``CHUNK`` records, fewer if they take more than ``CHUNK_BYTES`` of the file between them: memory is
    bounded by the text a chunk holds, not only by its number of records."""
    chunk, first = [], None
    for index, record, position in records:
        chunk.append((index, record))
        first = position if first is None else first
        if len(chunk) >= CHUNK or position - first >= CHUNK_BYTES:
            break
    return chunk


def _section_records(path, sections, description, tracker) -> Iterator[tuple[int, object, int]]:
    """A section's records read where the checking pass found it."""
    section = sections[description.popolo_section]
    tracker.begin(section)
    yield from json_sections.records(path, section, tracker.update)
    tracker.end(section)


def _valid_chunks(records, description, where, mapper) -> Iterator[tuple[list, int]]:
    """The section's records in chunks, each validated against the dataset schema, with how many were rejected;
    any problem stops the import."""
    section, model = description.popolo_section, schema.record_model(description)
    while chunk := _next_chunk(records):
        valid, problems = [], []
        for index, record in chunk:
            try:
                if not isinstance(record, dict):
                    raise DatasetError([where(section, index, "expected an object")])
                valid.append(
                    (index, model.model_validate(dataset_record(description, mapper.record(description, record))))
                )
            except ValidationError as exc:
                # Problems name the file's own section ("persons[3]"), not the dataset's name for it.
                problems += pydantic_problems(exc, lambda at, why, i=index: where(section, i, *at, why))
            except DatasetError as exc:
                problems += exc.problems
        if problems:
            raise DatasetError(_too_many(problems))
        yield valid, len(chunk) - len(valid)
