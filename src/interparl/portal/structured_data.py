"""schema.org descriptions (JSON-LD) of people, organisations and events, for search engines and scrapers."""

from __future__ import annotations

from interparl.registry import models


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def organization(request, org: models.Organization, path: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "@id": _absolute(request, path),
        "name": org.name,
        "alternateName": [n for n in (org.name_en, org.name_ru, org.abbreviation) if n],
        "url": _absolute(request, path),
    }
    if org.start_date:
        data["foundingDate"] = org.start.isoformat()
    if org.parent_id:
        data["parentOrganization"] = {"@type": "Organization", "name": org.parent.name}
    websites = [link.url for link in org.links.all()]
    if websites:
        data["sameAs"] = websites
    return data


def person(request, row: models.Person, path: str, posts: list[str]) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": _absolute(request, path),
        "name": row.name,
        "alternateName": [n for n in (row.name_en, row.name_ru) if n and n != row.name],
        "url": _absolute(request, path),
    }
    for key, value in (
        ("givenName", row.given_name),
        ("familyName", row.family_name),
        ("additionalName", row.patronymic_name),
    ):
        if value:
            data[key] = value
    if posts:
        data["jobTitle"] = posts
    return data


def event(request, row: models.Event, path: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": _absolute(request, path),
        "name": row.title,
        "url": _absolute(request, path),
        "startDate": row.start.isoformat() if row.start else None,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if row.end_date:
        data["endDate"] = row.end.isoformat()
    if row.place:
        data["location"] = {"@type": "Place", "name": row.place}
    if row.organizer_id:
        data["organizer"] = {"@type": "Organization", "name": row.organizer.name}
    if row.description:
        data["description"] = row.description
    return {k: v for k, v in data.items() if v is not None}
