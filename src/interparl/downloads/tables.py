"""CSV tables: one row per fact, UTF-8 with a header row. People and memberships take their columns from the
records' descriptions; delegations from the same composition selector as the API and the portal."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

from interparl.registry import descriptions, models, selectors
from interparl.registry.records import public_key


def columns(description: descriptions.Description) -> list[str]:
    """The CSV columns of a kind of record, from its description: translated texts in both languages, references
    as public ids (with the referenced record's label where the description asks), the period, the provenance."""
    names = ["id"]
    for field in description.fields:
        if field.csv == "" or field.many or (description.sourced and field.name == "note"):
            continue
        if field.text:
            names += [f"{field.name}_en", f"{field.name}_ru"]
            continue
        names.append(field.csv_column)
        if field.csv_label:
            names.append(f"{field.name}_{descriptions.get(field.ref).label}")
    if description.dated:
        names += ["start_date", "end_date"]
    if description.sourced:
        names += ["confirmed", "note_en", "note_ru", "source_id", "source_url"]
    return names


def record_row(description: descriptions.Description, obj) -> dict:
    row = {"id": public_key(obj)}
    for field in description.fields:
        if field.csv == "" or field.many:
            continue
        if field.text:
            row.update({f"{field.name}_{lang}": getattr(obj, f"{field.name}_{lang}") or "" for lang in ("en", "ru")})
        elif field.ref:
            related = getattr(obj, field.name)
            row[field.csv_column] = public_key(related) if related is not None else ""
            if field.csv_label:
                label = descriptions.get(field.ref).label
                row[f"{field.name}_{label}"] = getattr(related, label) if related is not None else ""
        else:
            value = getattr(obj, field.name)
            row[field.csv_column] = value.isoformat() if isinstance(value, dt.date) else value
    if description.dated:
        row.update(start_date=_iso(obj.start), end_date=_iso(obj.end))
    if description.sourced:
        source = obj.source if obj.source_id else None
        row.update(
            confirmed=obj.confirmed,
            note_en=obj.note_en or "",
            note_ru=obj.note_ru or "",
            source_id=source.slug if source else "",
            source_url=source.url if source else "",
        )
    return row


def _records(kind: str, queryset):
    description = descriptions.get(kind)
    related = [f.name for f in description.fields if f.ref and not f.many and f.csv != ""]
    rows = queryset.select_related(*related, "source").order_by(description.key)
    return (record_row(description, obj) for obj in rows.iterator(chunk_size=2000))


def people_rows(as_of: dt.date | None) -> Iterator[dict]:
    people = models.Person.objects.all()
    if as_of:
        people = people.filter(pk__in=models.Membership.objects.current(at=as_of).values("person_id"))
    return _records("person", people)


def membership_rows(as_of: dt.date | None) -> Iterator[dict]:
    memberships = models.Membership.objects.all()
    return _records("membership", memberships.current(at=as_of) if as_of else memberships)


DELEGATION_COLUMNS = [
    "assembly",
    "as_of",
    "delegation",
    "country",
    "parliament",
    "participation",
    "chamber",
    "chamber_name",
    "chamber_kind",
    "seats",
    "substitute_seats",
    "filled",
    "filled_substitute",
    "in_force",
    "source_id",
    "source_url",
    "plenipotentiary",
]


def _iso(partial) -> str | None:
    return partial.isoformat() if partial else None


def _source(data: dict) -> dict:
    source = data.get("source") or {}
    return {"source_id": source.get("id") or "", "source_url": source.get("url") or ""}


def delegation_rows(assembly: models.Organization, as_of: dt.date | None) -> Iterator[dict]:
    """One row per delegation and chamber and quota version (alternatives from other sources included)."""
    composition = selectors.composition(assembly, at=as_of).to_dict()
    for delegation in composition["delegations"]:
        common = {
            "assembly": composition["assembly"],
            "as_of": composition["as_of"],
            "delegation": delegation["delegation"],
            "country": delegation["country"],
            "parliament": delegation["parliament"],
            "participation": (delegation["participation"] or {}).get("status", ""),
            "plenipotentiary": (delegation["plenipotentiary"] or {}).get("name", ""),
        }
        for chamber in delegation["chambers"]:
            place = {"chamber": chamber["chamber"], "chamber_name": chamber["name"], "chamber_kind": chamber["kind"]}
            yield {
                **common,
                **place,
                "seats": chamber["seats"],
                "substitute_seats": chamber["substitute_seats"],
                "filled": chamber["filled"],
                "filled_substitute": chamber["filled_substitute"],
                "in_force": True,
                **_source(chamber),
            }
            for alternative in chamber["alternatives"]:
                yield {
                    **common,
                    **place,
                    "seats": alternative["seats"],
                    "substitute_seats": alternative["substitute_seats"],
                    "filled": "",
                    "filled_substitute": "",
                    "in_force": alternative["in_force"],
                    **_source(alternative),
                }


# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe, which shows it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(columns: list[str], rows) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: neutralise(value) for column, value in row.items()})
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
