"""Popolo JSON in and out (https://www.popoloproject.com), with interparl's extensions.

The document has Popolo's ``persons``, ``organizations``, ``posts``, ``memberships`` and ``events``, and the
extension sections ``sources``, ``countries``, ``seat_quotas``, ``participations``, ``chairmanships``,
``rotation_rules`` and ``news`` (see docs/popolo.md). Popolo fields carry the English text; every
translated field also appears in ``i18n`` as ``{"field": {"en": …, "ru": …}}``.

Import maps each record onto the dataset schema and goes through the same ``Importer`` as a YAML
dataset, so both formats validate and write alike. It streams the file section by section (ijson), so a
file of hundreds of thousands of memberships is never held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import ijson
from django.db import transaction
from django.db.models import Prefetch
from pydantic import ValidationError

from .. import models
from . import schema
from .loader import Importer, finish, pydantic_problems
from .writer import LoadReport, Writer
from .yaml_lines import DatasetError

FORMAT = "popolo+interparl/1"
CHUNK = 5000
CHUNK_CHARS = 8_000_000
MAX_PROBLEMS = 50


# -- export ---------------------------------------------------------------------------------------


def _iso(partial) -> str | None:
    return partial.isoformat() if partial else None


def _i18n(obj, *fields) -> dict:
    return {f: {"en": getattr(obj, f"{f}_en") or None, "ru": getattr(obj, f"{f}_ru") or None} for f in fields}


def _provenance(obj, *translated) -> dict:
    """Where a fact came from, and its texts in both languages (the editorial note among them)."""
    # A Popolo link has a url or is absent: a source without an address gives its id (and quote) only.
    source = {"id": obj.source.slug, **({"url": obj.source.url} if obj.source.url else {})} if obj.source_id else None
    if source and obj.source_quote:
        source["quote"] = obj.source_quote
    return {
        "sources": [source] if source else [],
        "confirmed": obj.confirmed,
        "note": obj.note_en or obj.note_ru or "",
        "i18n": _i18n(obj, *translated, "note"),
    }


def _links(rows) -> list[dict]:
    return [
        {
            "url": link.url,
            "note": link.note_en or link.note_ru or "",
            "i18n": _i18n(link, "note"),
            **({"source": link.source.slug} if link.source_id else {}),
        }
        for link in sorted(rows, key=lambda link: link.url)
    ]


def _slug(obj) -> str | None:
    return obj.slug if obj is not None else None


def _sections() -> Iterator[tuple[str, Iterator[dict]]]:
    Link = models.Link.objects.select_related("source")
    yield (
        "sources",
        (
            {
                "id": s.slug,
                "url": s.url,
                "document": s.document_en or s.document_ru or "",
                "publisher": s.publisher_en or s.publisher_ru or "",
                "language": s.language,
                "accessed": s.accessed.isoformat() if s.accessed else None,
                "published": s.published.isoformat() if s.published else None,
                "note": s.note_en or s.note_ru or "",
                "i18n": _i18n(s, "document", "publisher", "note"),
            }
            for s in models.Source.objects.order_by("slug").iterator(chunk_size=2000)
        ),
    )
    yield (
        "countries",
        (
            {
                "id": c.iso3,
                "iso2": c.iso2 or None,
                "name": c.name_en or c.name_ru,
                "other_names": c.other_names,
                "i18n": _i18n(c, "name", "official_name"),
            }
            for c in models.Country.objects.order_by("iso3").iterator(chunk_size=2000)
        ),
    )
    yield (
        "organizations",
        (
            {
                "id": o.slug,
                "classification": o.classification,
                "name": o.name_en or o.name_ru,
                "other_names": o.other_names,
                "identifiers": o.identifiers,
                "links": _links(o.links.all()),
                "parent_id": _slug(o.parent),
                "founding_date": _iso(o.start),
                "dissolution_date": _iso(o.end),
                "country": o.country.iso3 if o.country_id else None,
                "sent_by_id": _slug(o.sent_by),
                "chamber_kind": o.chamber_kind,
                **_provenance(o, "name", "abbreviation", "description", "seat"),
            }
            for o in models.Organization.objects.select_related("parent", "sent_by", "country", "source")
            .prefetch_related(Prefetch("links", queryset=Link))
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "persons",
        (
            {
                "id": p.slug,
                "name": p.name_en or p.name_ru,
                "given_name": p.given_name_en,
                "family_name": p.family_name_en,
                "patronymic_name": p.patronymic_name_en,
                "gender": p.gender or None,
                "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                "other_names": p.other_names,
                "identifiers": p.identifiers,
                "links": _links(p.links.all()),
                **_provenance(p, "name", "given_name", "family_name", "patronymic_name", "summary"),
            }
            for p in models.Person.objects.select_related("source")
            .prefetch_related(Prefetch("links", queryset=Link))
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "posts",
        (
            {
                "id": p.slug,
                "label": p.label_en or p.label_ru,
                "role": p.role,
                "organization_id": p.organization.slug,
                "start_date": _iso(p.start),
                "end_date": _iso(p.end),
                "max_holders": p.max_holders,
                **_provenance(p, "label"),
            }
            for p in models.Post.objects.select_related("organization", "source")
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "memberships",
        (
            {
                "id": m.slug,
                "person_id": m.person.slug,
                "organization_id": m.organization.slug,
                "post_id": _slug(m.post),
                "role": m.role,
                "label": m.label,
                "on_behalf_of_id": _slug(m.on_behalf_of),
                "status": m.status,
                "start_date": _iso(m.start),
                "end_date": _iso(m.end),
                **_provenance(m),
            }
            for m in models.Membership.objects.select_related(
                "person", "organization", "post", "on_behalf_of", "source"
            )
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "events",
        (
            {
                "id": e.slug,
                "name": e.title_en or e.title_ru,
                "classification": e.kind,
                "start_date": _iso(e.start),
                "end_date": _iso(e.end),
                "organization_id": _slug(e.organizer),
                "country": e.country.iso3 if e.country_id else None,
                "number": e.number,
                **_provenance(e, "title", "description", "place"),
            }
            for e in models.Event.objects.select_related("organizer", "country", "source")
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "seat_quotas",
        (
            {
                "id": q.slug,
                "delegation_id": q.delegation.slug,
                "chamber_id": q.chamber.slug,
                "seats": q.seats,
                "substitute_seats": q.substitute_seats,
                "in_force": q.in_force,
                "start_date": _iso(q.start),
                "end_date": _iso(q.end),
                **_provenance(q),
            }
            for q in models.SeatQuota.objects.select_related("delegation", "chamber", "source")
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "participations",
        (
            {
                "id": p.slug,
                "organization_id": p.organization.slug,
                "country": p.country.iso3 if p.country_id else None,
                "participant_id": _slug(p.participant),
                "status": p.status,
                "start_date": _iso(p.start),
                "end_date": _iso(p.end),
                **_provenance(p),
            }
            for p in models.Participation.objects.select_related("organization", "country", "participant", "source")
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "chairmanships",
        (
            {
                "id": c.slug,
                "organization_id": c.organization.slug,
                "country": c.country.iso3,
                "basis": c.basis,
                "start_date": _iso(c.start),
                "end_date": _iso(c.end),
                **_provenance(c),
            }
            for c in models.Chairmanship.objects.select_related("organization", "country", "source")
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "rotation_rules",
        (
            {
                "organization_id": r.organization.slug,
                "order_method": r.order_method,
                "order_language": r.order_language,
                "fixed_order": r.fixed_order,
                "term_months": r.term_months,
                "handover": f"{r.handover_month:02d}-{r.handover_day:02d}",
                "effective_from": r.effective_from.isoformat() if r.effective_from else None,
                **_provenance(r, "description"),
            }
            for r in models.RotationRule.objects.select_related("organization", "source")
            .order_by("organization__slug")
            .iterator(chunk_size=2000)
        ),
    )
    yield (
        "news",
        (
            {
                "id": n.slug,
                "date": n.date.isoformat(),
                "language": n.language,
                "title": n.title_en or n.title_ru,
                "countries": sorted(c.iso3 for c in n.countries.all()),
                "person_ids": sorted(p.slug for p in n.people.all()),
                "organization_ids": sorted(o.slug for o in n.organizations.all()),
                "event_ids": sorted(e.slug for e in n.events.all()),
                **_provenance(n, "title", "body"),
            }
            for n in models.NewsItem.objects.select_related("source")
            .prefetch_related("countries", "people", "organizations", "events")
            .order_by("slug")
            .iterator(chunk_size=2000)
        ),
    )


def iter_popolo_json() -> Iterator[str]:
    """The whole registry as a Popolo JSON document, in pieces (one record per line)."""
    yield '{"meta": ' + json.dumps({"format": FORMAT, "documentation": "docs/popolo.md"})
    for name, records in _sections():
        yield f',\n"{name}": ['
        for position, record in enumerate(records):
            yield ("\n" if position == 0 else ",\n") + json.dumps(record, ensure_ascii=False, sort_keys=True)
        yield "\n]"
    yield "\n}\n"


def export_popolo(path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for piece in iter_popolo_json():
            out.write(piece)


# -- import ---------------------------------------------------------------------------------------


def _text(record: dict, field: str, plain: str | None = None) -> dict | None:
    text = (record.get("i18n") or {}).get(field)
    if text is None:
        value = record.get(plain or field)
        return {"en": value} if value else None
    return text if (text.get("en") or text.get("ru")) else None


def _fact(record: dict) -> dict:
    sources = record.get("sources") or []
    first = sources[0] if sources and isinstance(sources[0], dict) else {}
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


# Popolo section → (dataset section, schema, mapping from a Popolo record to a dataset record)
MAPPINGS: dict[str, tuple[str, type, Callable[[dict], dict]]] = {
    "sources": (
        "sources",
        schema.SourceIn,
        lambda r: _drop_none(
            {
                **{k: v for k, v in r.items() if k not in ("document", "publisher", "note", "i18n")},
                "document": _text(r, "document"),
                "publisher": _text(r, "publisher"),
                "note": _text(r, "note"),
            }
        ),
    ),
    "countries": (
        "countries",
        schema.CountryIn,
        lambda r: _drop_none(
            {
                "iso3": r.get("id"),
                "iso2": r.get("iso2"),
                "name": _text(r, "name"),
                "official_name": _text(r, "official_name"),
                "other_names": r.get("other_names") or [],
            }
        ),
    ),
    "organizations": (
        "organizations",
        schema.OrganizationIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "classification": r.get("classification"),
                "name": _text(r, "name"),
                "abbreviation": _text(r, "abbreviation"),
                "description": _text(r, "description"),
                "seat": _text(r, "seat"),
                "parent": r.get("parent_id"),
                "sent_by": r.get("sent_by_id"),
                "country": r.get("country"),
                "chamber_kind": r.get("chamber_kind") or "",
                "start": r.get("founding_date"),
                "end": r.get("dissolution_date"),
                "other_names": r.get("other_names") or [],
                "identifiers": r.get("identifiers") or [],
                "links": [_link(link) for link in r.get("links") or []],
            }
        ),
    ),
    "persons": (
        "people",
        schema.PersonIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "name": _text(r, "name"),
                "given_name": _text(r, "given_name"),
                "family_name": _text(r, "family_name"),
                "patronymic_name": _text(r, "patronymic_name"),
                "summary": _text(r, "summary"),
                "gender": r.get("gender") or "",
                "birth_date": r.get("birth_date"),
                "other_names": r.get("other_names") or [],
                "identifiers": r.get("identifiers") or [],
                "links": [_link(link) for link in r.get("links") or []],
            }
        ),
    ),
    "posts": (
        "posts",
        schema.PostIn,
        lambda r: (
            _drop_none(
                {
                    **_fact(r),
                    "id": r.get("id"),
                    "label": _text(r, "label"),
                    "role": r.get("role"),
                    "organization": r.get("organization_id"),
                    "start": r.get("start_date"),
                    "end": r.get("end_date"),
                }
            )
            | {"max_holders": r.get("max_holders", 1)}
        ),
    ),
    "memberships": (
        "memberships",
        schema.MembershipIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "person": r.get("person_id"),
                "organization": r.get("organization_id"),
                "post": r.get("post_id"),
                "role": r.get("role"),
                "label": r.get("label") or "",
                "on_behalf_of": r.get("on_behalf_of_id"),
                "status": r.get("status") or "full",
                "start": r.get("start_date"),
                "end": r.get("end_date"),
            }
        ),
    ),
    "seat_quotas": (
        "quotas",
        schema.QuotaIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "delegation": r.get("delegation_id"),
                "chamber": r.get("chamber_id"),
                "seats": r.get("seats"),
                "substitute_seats": r.get("substitute_seats", 0),
                "in_force": r.get("in_force", True),
                "start": r.get("start_date"),
                "end": r.get("end_date"),
            }
        ),
    ),
    "participations": (
        "participations",
        schema.ParticipationIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "organization": r.get("organization_id"),
                "country": r.get("country"),
                "participant": r.get("participant_id"),
                "status": r.get("status"),
                "start": r.get("start_date"),
                "end": r.get("end_date"),
            }
        ),
    ),
    "chairmanships": (
        "chairmanships",
        schema.ChairmanshipIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "organization": r.get("organization_id"),
                "country": r.get("country"),
                "basis": r.get("basis"),
                "start": r.get("start_date"),
                "end": r.get("end_date"),
            }
        ),
    ),
    "rotation_rules": (
        "rotation_rules",
        schema.RotationRuleIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "organization": r.get("organization_id"),
                "order_method": r.get("order_method"),
                "order_language": r.get("order_language"),
                "fixed_order": r.get("fixed_order") or [],
                "term_months": r.get("term_months"),
                "handover": r.get("handover"),
                "effective_from": r.get("effective_from"),
                "description": _text(r, "description"),
            }
        ),
    ),
    "events": (
        "events",
        schema.EventIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "kind": r.get("classification") or "other",
                "title": _text(r, "title", "name"),
                "description": _text(r, "description"),
                "place": _text(r, "place"),
                "number": r.get("number"),
                "organizer": r.get("organization_id"),
                "country": r.get("country"),
                "start": r.get("start_date"),
                "end": r.get("end_date"),
            }
        ),
    ),
    "news": (
        "news",
        schema.NewsIn,
        lambda r: _drop_none(
            {
                **_fact(r),
                "id": r.get("id"),
                "date": r.get("date"),
                "language": r.get("language"),
                "title": _text(r, "title"),
                "body": _text(r, "body"),
                "countries": r.get("countries") or [],
                "people": r.get("person_ids") or [],
                "organizations": r.get("organization_ids") or [],
                "events": r.get("event_ids") or [],
            }
        ),
    ),
}
POPOLO_SECTION = {target: section for section, (target, _schema, _mapping) in MAPPINGS.items()}
# Written in this order so that every reference points to something already written.
ORDER = (
    "sources",
    "countries",
    "organizations",
    "persons",
    "posts",
    "memberships",
    "seat_quotas",
    "participations",
    "chairmanships",
    "rotation_rules",
    "events",
    "news",
)
# A record nested deeper than this, or holding more text than this, is not a registry record: refused before
# the import builds it (a parser's memory grows with nesting, and one record must never fill the memory).
MAX_DEPTH = 24
MAX_RECORD_CHARS = 1_000_000


class _Progress:
    """Reports bytes read across the passes over the file (a checking pass, then one per section)."""

    def __init__(self, callback, size: int):
        self.callback, self.size, self.done = callback, size, 0

    def update(self, position: int) -> None:
        if self.callback:
            self.callback(self.done + position, self.size * (len(ORDER) + 2))

    def next_pass(self) -> None:
        self.done += self.size
        self.update(0)


def _describe(event: str) -> str:
    return {"start_array": "a list", "start_map": "an object", "string": "a string", "number": "a number"}.get(
        event, "a literal"
    )


def check_document(path: Path, handle_position=None) -> None:
    """One pass over the file with a parser that keeps no state but a depth: the document must be an object whose
    known sections are lists of records, no record nested deeper than ``MAX_DEPTH`` nor larger than
    ``MAX_RECORD_CHARS``, and no text may hold a NUL character. Reading the records afterwards is then bounded."""
    depth, section, index, size = 0, None, -1, 0
    events, awaiting = 0, False
    with open(path, "rb") as stream:
        try:
            for event, value in ijson.basic_parse(stream, use_float=True):
                events += 1
                if handle_position and events % 100_000 == 0:
                    handle_position(stream.tell())
                if depth == 0 and event != "start_map":
                    raise DatasetError(
                        [f"{path}: expected a JSON object with Popolo sections, found {_describe(event)}"]
                    )
                if depth == 1 and event == "map_key":
                    section, index, awaiting = value, -1, True
                elif depth == 1 and awaiting:
                    awaiting = False
                    if section in MAPPINGS and event != "start_array":
                        raise DatasetError([f"{path}: {section}: expected a list of records, found {_describe(event)}"])
                elif depth == 2 and section in MAPPINGS and event not in ("end_array", "map_key"):
                    index, size = index + 1, 0
                where = f"{path}: {section}[{index}]" if depth >= 2 else f"{path}: {section or '(document)'}"
                if isinstance(value, str):
                    if "\x00" in value:
                        raise DatasetError([f"{where}: contains a NUL character, which no registry text may hold"])
                    size += len(value)
                    if size > MAX_RECORD_CHARS:
                        raise DatasetError([f"{where}: a record holds more than {MAX_RECORD_CHARS:,} characters"])
                if event in ("start_map", "start_array"):
                    depth += 1
                    if depth > MAX_DEPTH:
                        raise DatasetError([f"{where}: nested more than {MAX_DEPTH} levels deep"])
                elif event in ("end_map", "end_array"):
                    depth -= 1
        except ijson.JSONError as exc:
            if events == 0 and not path.stat().st_size:
                raise DatasetError([f"{path}: the file is empty"]) from None
            raise DatasetError([f"{path}: not valid JSON ({_first_line(exc)})"]) from None


def _records(path: Path, section: str, handle_position) -> Iterator[tuple[int, dict]]:
    with open(path, "rb") as stream:
        try:
            for index, record in enumerate(ijson.items(stream, f"{section}.item", use_float=True)):
                if index % 1000 == 0:
                    handle_position(stream.tell())
                yield index, record
        except ijson.JSONError as exc:
            raise DatasetError([f"{path}: not valid JSON ({_first_line(exc)})"]) from None


def _first_line(exc: Exception) -> str:
    """The parser's message draws a caret under the input on further lines: one line is kept."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _too_many(problems: list[str]) -> list[str]:
    extra = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + ([f"… and {extra} more"] if extra > 0 else [])


def load_popolo(path: Path | str, reason: str | None = None, progress=None) -> LoadReport:
    """Import a Popolo JSON file atomically; ``progress(done, total)`` is called as it reads.

    Every section is streamed and written in chunks of ``CHUNK`` records, so memory does not grow with the file.
    """
    path = Path(path)
    if not path.exists():
        raise DatasetError([f"{path}: no such file"])
    if not path.is_file():
        raise DatasetError([f"{path}: not a file"])
    report = LoadReport(str(path))
    tracker = _Progress(progress, path.stat().st_size)
    check_document(path, tracker.update)
    tracker.next_pass()

    def where(*parts) -> str:
        *at, reason_text = parts
        if at:  # the importer names the dataset's sections ("people"): say the file's ("persons")
            at[0] = POPOLO_SECTION.get(at[0], at[0])
        dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at).lstrip(".")
        return f"{path}: {dotted}: {reason_text}" if reason_text else f"{path}: {dotted}"

    with transaction.atomic():
        importer = Importer(Writer(reason or f"imported from {path.name}", report), where)
        for section in ORDER:
            _import_section(path, section, importer, report, tracker, where)
            tracker.next_pass()
        # Parents and senders may come anywhere in the section: linked once every organisation exists.
        for chunk in _valid_chunks(path, "organizations", report, tracker, where, count=False):
            importer.organization_relations(chunk)
        tracker.next_pass()
        finish(report, path)
    return report


def _import_section(path, section, importer, report, tracker, where) -> None:
    method = "organization_records" if section == "organizations" else MAPPINGS[section][0]
    for chunk in _valid_chunks(path, section, report, tracker, where):
        getattr(importer, method)(chunk)


def _text_size(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(key) + _text_size(item) for key, item in value.items())
    if isinstance(value, list):
        return sum(_text_size(item) for item in value)
    return 8


def _next_chunk(records: Iterator[tuple[int, dict]]) -> list:
    """Up to ``CHUNK`` records, fewer if they hold more than ``CHUNK_CHARS`` of text between them: memory is
    bounded by the text a chunk holds, not only by its number of records."""
    chunk, size = [], 0
    for item in records:
        chunk.append(item)
        size += _text_size(item[1])
        if len(chunk) >= CHUNK or size >= CHUNK_CHARS:
            break
    return chunk


def _valid_chunks(path, section, report, tracker, where, count=True) -> Iterator[list]:
    """The section's records in chunks, each validated against the dataset schema; any problem stops the import."""
    target, model, mapping = MAPPINGS[section]
    records = _records(path, section, tracker.update)
    while chunk := _next_chunk(records):
        valid, problems = [], []
        for index, record in chunk:
            try:
                if not isinstance(record, dict):
                    raise DatasetError([where(section, index, "expected an object")])
                valid.append((index, model.model_validate(mapping(record))))
            except ValidationError as exc:
                # Problems name the file's own section ("persons[3]"), not the dataset's name for it.
                problems += pydantic_problems(exc, lambda at, why, i=index: where(section, i, *at, why))
            except DatasetError as exc:
                problems += exc.problems
        if count:
            report.count(target, "rejected", len(chunk) - len(valid))
        if problems:
            report.rejected += problems
            raise DatasetError(_too_many(problems))
        yield valid
