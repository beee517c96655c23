"""Records by their public ids, as plain data: what a stored change, a revert or a diff needs to name a record
and its values without holding database objects. References are public ids (slugs, ISO codes)."""

from __future__ import annotations

import datetime as dt

from django.db import models as dj

from interparl.errors import NotFound

from . import descriptions

# model name → (model, the field holding its public id), from the records' descriptions
KINDS: dict[str, tuple[type[dj.Model], str]] = {
    d.kind: (d.model, d.key) for d in [*descriptions.every(), descriptions.LINK]
}


class UnknownRecord(NotFound):
    """A public id that names no record of its kind."""


def kind_of(model) -> str:
    return model._meta.model_name


def key_field(model) -> str:
    return KINDS[kind_of(model)][1]


def model_of(kind: str) -> type[dj.Model]:
    try:
        return KINDS[kind][0]
    except KeyError:
        raise UnknownRecord(f"unknown kind of record '{kind}'") from None


def public_key(obj) -> str:
    value = getattr(obj, key_field(type(obj)))
    return public_key(value) if isinstance(value, dj.Model) else value


def get(kind: str, key: str):
    """The stored record of ``kind`` whose public id is ``key``, or UnknownRecord."""
    model = model_of(kind)
    field = key_field(model)
    lookup = {f"{field}__slug": key} if field == "organization" else {field: key}
    try:
        return model.objects.get(**lookup)
    except model.DoesNotExist:
        raise UnknownRecord(f"{kind} '{key}' does not exist") from None


def _fields(model):
    """The fields that hold a record's values: not the key, and not the untranslated column behind each translated
    field (it mirrors one of the ``_en``/``_ru`` fields, which are the record's values)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        mirrored = set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        mirrored = set()
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in mirrored]


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def snapshot(obj) -> dict:
    """The record's values as plain data, references as public ids (works for unsaved records too)."""
    values = {}
    for field in _fields(type(obj)):
        if field.is_relation:
            related_id = getattr(obj, field.attname)
            if related_id is None and getattr(obj, field.name, None) is None:
                values[field.name] = None
            else:
                values[field.name] = public_key(getattr(obj, field.name))
        else:
            values[field.name] = _plain(getattr(obj, field.attname))
    return values


def history_values(row, model, keys: dict | None = None) -> dict:
    """The values a history row recorded, in the shape of ``snapshot`` (references as public ids). ``keys`` keeps
    the public ids already looked up, so a page of many rows asks for each referenced record once."""
    keys = {} if keys is None else keys
    values = {}
    for field in _fields(model):
        if field.is_relation:
            related_id = getattr(row, field.attname, None)
            if related_id is None:
                values[field.name] = None
            else:
                related = field.related_model
                if (related, related_id) not in keys:
                    found = related.objects.filter(pk=related_id).first()
                    keys[related, related_id] = public_key(found) if found else f"#{related_id}"
                values[field.name] = keys[related, related_id]
        else:
            values[field.name] = _plain(getattr(row, field.attname, None))
    return values


def resolve(model, values: dict) -> dict:
    """Plain values (references as public ids) → model attributes. UnknownRecord if a reference is missing."""
    attributes = {}
    by_name = {f.name: f for f in _fields(model)}
    for name, value in values.items():
        field = by_name[name]
        if field.is_relation:
            if value is None:
                attributes[field.attname] = None
            else:
                attributes[field.attname] = get(kind_of(field.related_model), value).pk
        elif isinstance(field, dj.DateTimeField) and isinstance(value, str):
            attributes[name] = dt.datetime.fromisoformat(value)
        elif isinstance(field, dj.DateField) and isinstance(value, str):
            attributes[name] = dt.date.fromisoformat(value)
        else:
            attributes[name] = value
    return attributes


def referrers(obj) -> list[str]:
    """What refers to ``obj`` (other records' references), as 'kind public-id' strings; empty if nothing does."""
    found = []
    for relation in obj._meta.related_objects:
        if relation.many_to_many:
            accessor = getattr(obj, relation.get_accessor_name())
            found += [f"{kind_of(relation.related_model)} {public_key(r)}" for r in accessor.all()[:10]]
            continue
        if relation.related_model not in {m for m, _ in KINDS.values()}:
            continue
        related = relation.related_model.objects.filter(**{relation.field.name: obj})[:10]
        found += [f"{kind_of(relation.related_model)} {public_key(r)}" for r in related]
    return found
