"""The registry as a Popolo JSON document (https://www.popoloproject.com), with interparl's extensions.

Popolo's ``persons``, ``organizations``, ``posts``, ``memberships`` and ``events``, and the extension sections
``sources``, ``countries``, ``seat_quotas``, ``participations``, ``chairmanships``, ``rotation_rules`` and
``news`` (see docs/popolo.md). Every record is written from its description (``registry/descriptions.py``):
a text field holds the English text (or the Russian where no English exists) and appears in both languages in
``i18n``; a reference holds the public id of what it names.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Prefetch

from .. import descriptions, models
from ..records import public_key

FORMAT = "popolo+interparl/1"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _both(obj, field: str) -> dict:
    return {"en": getattr(obj, f"{field}_en") or None, "ru": getattr(obj, f"{field}_ru") or None}


def _text(obj, field: str) -> str:
    return getattr(obj, f"{field}_en") or getattr(obj, f"{field}_ru") or ""


def provenance(obj) -> dict:
    """Where a fact came from (Popolo ``sources`` are links: a source with a web address is one, its document
    title as the link's note; a source without an address is named in ``documents``), and whether it is sure."""
    source = obj.source if obj.source_id else None
    named = {"id": source.slug} if source else {}
    if source and obj.source_quote:
        named["quote"] = obj.source_quote
    if source and _text(source, "document"):
        named["note"] = _text(source, "document")
    linked = source is not None and bool(source.url)
    return {
        "sources": [{"url": source.url, **named}] if linked else [],
        **({"documents": [named]} if source and not linked else {}),
        "confirmed": obj.confirmed,
        "note": _text(obj, "note"),
    }


def _links(rows) -> list[dict]:
    return [
        {
            "url": link.url,
            "note": _text(link, "note"),
            "i18n": {"note": _both(link, "note")},
            **({"source": link.source.slug} if link.source_id else {}),
        }
        for link in sorted(rows, key=lambda link: link.url)
    ]


def _value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def record(description: descriptions.Description, obj) -> dict:
    """One registry record as a Popolo record."""
    data = {description.popolo_key: public_key(obj)}
    for field in description.fields:
        name = field.popolo_name
        if field.text:
            data[name] = _text(obj, field.name)
        elif field.many:
            data[name] = sorted(public_key(item) for item in getattr(obj, field.name).all())
        elif field.ref:
            related = getattr(obj, field.name)
            data[name] = public_key(related) if related is not None else None
        else:
            data[name] = _value(getattr(obj, field.name))
    if description.dated:
        start, end = description.period_names
        data[start], data[end] = _iso(obj.start), _iso(obj.end)
    if description.links:
        data["links"] = _links(obj.links.all())
    if description.sourced:
        data.update(provenance(obj))
    if description.translated:
        data["i18n"] = {field: _both(obj, field) for field in description.translated}
    return data


def _rows(description: descriptions.Description):
    related = [f.name for f in description.fields if f.ref and not f.many]
    rows = description.model.objects.select_related(*related, *(["source"] if description.sourced else []))
    prefetch = [f.name for f in description.fields if f.many]
    if description.links:
        prefetch.append(Prefetch("links", queryset=models.Link.objects.select_related("source")))
    key = "organization__slug" if description.key == "organization" else description.key
    return rows.prefetch_related(*prefetch).order_by(key).iterator(chunk_size=2000)


def iter_popolo_json() -> Iterator[str]:
    """The whole registry as a Popolo JSON document, in pieces (one record per line)."""
    yield '{"meta": ' + json.dumps({"format": FORMAT, "documentation": "docs/popolo.md"})
    for description in descriptions.every():
        yield f',\n"{description.popolo_section}": ['
        for position, obj in enumerate(_rows(description)):
            data = record(description, obj)
            yield ("\n" if position == 0 else ",\n") + json.dumps(data, ensure_ascii=False, sort_keys=True)
        yield "\n]"
    yield "\n}\n"


def write_popolo(stream) -> None:
    """Write the whole registry as a Popolo JSON document to an open text stream."""
    for piece in iter_popolo_json():
        stream.write(piece)


def export_popolo(path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        write_popolo(out)
