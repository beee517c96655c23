"""Registry rows as plain dicts in the API's shapes (see ``schemas.py``); CSV exports reuse them."""

from __future__ import annotations

from interparl.registry import models
from interparl.registry.selectors import source_ref


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def texts(obj, field: str) -> dict:
    return {"en": getattr(obj, f"{field}_en") or None, "ru": getattr(obj, f"{field}_ru") or None}


def provenance(obj) -> dict:
    return {"source": source_ref(obj.source), "confirmed": obj.confirmed, "note": obj.note}


def link(row: models.Link) -> dict:
    return {"url": row.url, "note": row.note, "source": source_ref(row.source)}


def organization_brief(org: models.Organization) -> dict:
    return {
        "id": org.slug,
        "classification": org.classification,
        "name": org.name,
        "names": texts(org, "name"),
        "country": org.country.iso3 if org.country_id else None,
    }


def organization(org: models.Organization) -> dict:
    return {
        **organization_brief(org),
        **provenance(org),
        "abbreviation": org.abbreviation,
        "parent": org.parent.slug if org.parent_id else None,
        "sent_by": org.sent_by.slug if org.sent_by_id else None,
        "chamber_kind": org.chamber_kind,
        "founding_date": _iso(org.start),
        "dissolution_date": _iso(org.end),
        "seat": org.seat,
        "description": org.description,
        "other_names": org.other_names,
        "identifiers": org.identifiers,
        "links": [link(row) for row in org.links.all()],
    }


def quota(row: models.SeatQuota) -> dict:
    return {
        **provenance(row),
        "id": row.slug,
        "delegation": row.delegation.slug,
        "chamber": row.chamber.slug,
        "chamber_name": row.chamber.name,
        "seats": row.seats,
        "substitute_seats": row.substitute_seats,
        "in_force": row.in_force,
        "start_date": _iso(row.start),
        "end_date": _iso(row.end),
    }


def post(row: models.Post) -> dict:
    return {
        **provenance(row),
        "id": row.slug,
        "label": row.label,
        "role": row.role,
        "organization": row.organization.slug,
        "max_holders": row.max_holders,
        "start_date": _iso(row.start),
        "end_date": _iso(row.end),
    }


def membership(row: models.Membership) -> dict:
    return {
        **provenance(row),
        "id": row.slug,
        "person": row.person.slug,
        "person_name": row.person.name,
        "organization": row.organization.slug,
        "organization_name": row.organization.name,
        "post": row.post.slug if row.post_id else None,
        "post_label": row.post.label if row.post_id else None,
        "role": row.role,
        "label": row.label,
        "on_behalf_of": row.on_behalf_of.slug if row.on_behalf_of_id else None,
        "status": row.status,
        "start_date": _iso(row.start),
        "end_date": _iso(row.end),
    }


def person_brief(row: models.Person) -> dict:
    return {"id": row.slug, "name": row.name, "names": texts(row, "name")}


def person(row: models.Person) -> dict:
    return {
        **person_brief(row),
        **provenance(row),
        "given_name": row.given_name,
        "family_name": row.family_name,
        "patronymic_name": row.patronymic_name,
        "other_names": row.other_names,
        "identifiers": row.identifiers,
        "links": [link(item) for item in row.links.all()],
    }


def event(row: models.Event) -> dict:
    return {
        **provenance(row),
        "id": row.slug,
        "kind": row.kind,
        "title": row.title,
        "titles": texts(row, "title"),
        "description": row.description,
        "place": row.place,
        "number": row.number,
        "organizer": row.organizer.slug if row.organizer_id else None,
        "country": row.country.iso3 if row.country_id else None,
        "start_date": _iso(row.start),
        "end_date": _iso(row.end),
    }


def news_item(row: models.NewsItem) -> dict:
    return {
        **provenance(row),
        "id": row.slug,
        "date": row.date.isoformat(),
        "language": row.language,
        "title": row.title,
        "titles": texts(row, "title"),
        "body": row.body,
        "countries": [c.iso3 for c in row.countries.all()],
        "people": [p.slug for p in row.people.all()],
        "organizations": [o.slug for o in row.organizations.all()],
        "events": [e.slug for e in row.events.all()],
    }
