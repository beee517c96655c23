"""A planned change stored as data: create a record with these values, or change these fields of that record
from what the planner saw to new values. Applying one checks that the registry still is as the plan saw it."""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field

from interparl.errors import DatasetError
from interparl.registry import records

# Provenance is attached when a change is applied, from the proposal's source: not part of the values.
PROVENANCE = {"source", "source_quote"}


class StaleChange(DatasetError):
    """The registry changed since the proposal was made; nothing was written."""


@dataclass
class Operation:
    op: str  # "create" or "update"
    kind: str  # records.KINDS
    key: str  # the record's public id
    values: dict  # create: every value; update: the new values of the fields it changes
    before: dict = field(default_factory=dict)  # update: those fields as the planner saw them

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Operation:
        return cls(**data)


def create(obj) -> Operation:
    values = {k: v for k, v in records.snapshot(obj).items() if k not in PROVENANCE}
    return Operation("create", records.kind_of(type(obj)), records.public_key(obj), values)


def update(obj, change) -> Operation:
    """``change(copy)`` edits a copy of ``obj``; the operation holds the fields it changed, before and after."""
    before = records.snapshot(obj)
    edited = copy.copy(obj)
    change(edited)
    after = records.snapshot(edited)
    changed = [name for name in after if after[name] != before[name] and name not in PROVENANCE]
    return Operation(
        "update",
        records.kind_of(type(obj)),
        records.public_key(obj),
        {name: after[name] for name in changed},
        {name: before[name] for name in changed},
    )


def apply(operation: Operation, source, quote: str, reason: str):
    """Write one operation; ``StaleChange`` if the record it creates exists, or the fields it changes differ now."""
    model = records.model_of(operation.kind)
    label = f"{operation.kind} '{operation.key}'"
    if operation.op == "create":
        try:
            records.get(operation.kind, operation.key)
        except records.UnknownRecord:
            pass
        else:
            raise StaleChange([f"{label} was created since this proposal was made"])
        try:
            obj = model(**records.resolve(model, operation.values))
        except records.UnknownRecord as exc:
            raise StaleChange([f"{label} refers to a record that is not there: {exc}"]) from None
    else:
        try:
            obj = records.get(operation.kind, operation.key)
        except records.UnknownRecord:
            raise StaleChange([f"{label} was removed since this proposal was made"]) from None
        now = records.snapshot(obj)
        moved = [name for name, value in operation.before.items() if now.get(name) != value]
        if moved:
            raise StaleChange([f"{label} changed since this proposal was made ({', '.join(moved)})"])
        for attribute, value in records.resolve(model, operation.values).items():
            setattr(obj, attribute, value)
    if hasattr(obj, "source_id") and source is not None:
        obj.source = source
        obj.source_quote = quote[:2000]
    obj._change_reason = reason[:100]
    obj.full_clean(validate_unique=False)
    obj.save()
    return obj
