"""schema.org descriptions (JSON-LD) of people, organisations and events, for search engines and scrapers."""

from __future__ import annotations

from interparl.registry import models


def _thing(request, kind: str, name: str, path: str) -> dict:
    """What every schema.org description of a page's subject starts with."""
    address = request.build_absolute_uri(path)
    return {"@context": "https://schema.org", "@type": kind, "@id": address, "name": name, "url": address}


def organization(request, org: models.Organization, path: str) -> dict:
    data = _thing(request, "GovernmentOrganization", org.name, path)
    data["alternateName"] = [n for n in (org.name_en, org.name_ru, org.abbreviation) if n]
    if org.start_date:
        data["foundingDate"] = org.start.isoformat()
    if org.parent_id:
        data["parentOrganization"] = {"@type": "Organization", "name": org.parent.name}
    websites = [link.url for link in org.links.all()]
    if websites:
        data["sameAs"] = websites
    return data


def person(request, row: models.Person, path: str, posts: list[str]) -> dict:
    data = _thing(request, "Person", row.name, path)
    data["alternateName"] = [n for n in (row.name_en, row.name_ru) if n and n != row.name]
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
    data = _thing(request, "Event", row.title, path)
    data["startDate"] = row.start.isoformat() if row.start else None
    data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    if row.end_date:
        data["endDate"] = row.end.isoformat()
    if row.place:
        data["location"] = {"@type": "Place", "name": row.place}
    if row.organizer_id:
        data["organizer"] = {"@type": "Organization", "name": row.organizer.name}
    if row.description:
        data["description"] = row.description
    return {k: v for k, v in data.items() if v is not None}
