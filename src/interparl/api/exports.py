"""CSV exports: one row per fact, UTF-8 with a header row. Rows come from the same presenters and
selectors as the JSON API, so the two never drift apart."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

from interparl.registry import models, selectors

from . import presenters

PEOPLE_COLUMNS = [
    "id",
    "name_en",
    "name_ru",
    "given_name_en",
    "given_name_ru",
    "family_name_en",
    "family_name_ru",
    "patronymic_name_en",
    "patronymic_name_ru",
    "confirmed",
    "source_id",
    "source_url",
]
# CSV column → the key of the API's membership presenter that fills it (the CSV says "_id" where the API's
# field holds an id); the API test checks every column against the API's answer.
MEMBERSHIP_FIELDS = {
    "id": "id",
    "person_id": "person",
    "person_name": "person_name",
    "organization_id": "organization",
    "organization_name": "organization_name",
    "post_id": "post",
    "post_label": "post_label",
    "role": "role",
    "on_behalf_of": "on_behalf_of",
    "status": "status",
    "start_date": "start_date",
    "end_date": "end_date",
    "confirmed": "confirmed",
    "note": "note",
}
MEMBERSHIP_COLUMNS = [*MEMBERSHIP_FIELDS, "source_id", "source_url"]
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


def _source(data: dict) -> dict:
    source = data.get("source") or {}
    return {"source_id": source.get("id") or "", "source_url": source.get("url") or ""}


def people_rows(as_of: dt.date | None) -> Iterator[dict]:
    people = models.Person.objects.select_related("source").order_by("slug")
    if as_of:
        people = people.filter(pk__in=models.Membership.objects.current(at=as_of).values("person_id"))
    for person in people:
        yield {
            "id": person.slug,
            "confirmed": person.confirmed,
            **_source(presenters.provenance(person)),
            **{column: getattr(person, column) for column in PEOPLE_COLUMNS if column.endswith(("_en", "_ru"))},
        }


def membership_rows(as_of: dt.date | None) -> Iterator[dict]:
    memberships = models.Membership.objects.select_related(
        "person", "organization", "post", "on_behalf_of", "source"
    ).order_by("slug")
    if as_of:
        memberships = memberships.current(at=as_of)
    for membership in memberships:
        data = presenters.membership(membership)
        yield {**{column: data[key] for column, key in MEMBERSHIP_FIELDS.items()}, **_source(data)}


def delegation_rows(assembly: models.Organization, as_of: dt.date | None) -> Iterator[dict]:
    """One row per delegation and chamber and quota version (alternatives from other sources included)."""
    composition = selectors.composition(assembly, as_of).to_dict()
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
