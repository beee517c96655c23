"""The public change log: every change to the registry — what, when, who (a role or a public name), why, and on
whose word — read from the history rows that every write leaves. A change's public id is ``KIND-HISTORYID``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from interparl.errors import DatasetError
from interparl.registry import models as registry
from interparl.registry import records, versioning
from interparl.registry.translation import HISTORY_MODELS

from .models import ChangeSet
from .roles import public_name

TYPES = {"+": "created", "~": "changed", "-": "removed"}
# Fields a reader does not need in a diff.
QUIET_FIELDS = {"source_quote"}


@dataclass
class Change:
    id: str
    kind: str
    key: str
    type: str  # created / changed / removed
    when: dt.datetime
    who: str
    why: str
    changeset: int | None
    source: str | None  # the source's public id
    source_url: str | None
    quote: str
    diff: list[tuple[str, object, object]] = field(default_factory=list)  # (field, before, after)

    SHOWN = 6  # fields a page shows of a diff before "and N more"

    @property
    def short_diff(self) -> list[tuple[str, object, object]]:
        return self.diff[: self.SHOWN]

    @property
    def more_fields(self) -> int:
        return max(0, len(self.diff) - self.SHOWN)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "record": self.key,
            "type": self.type,
            "when": self.when.isoformat(),
            "who": self.who,
            "why": self.why,
            "changeset": self.changeset,
            "source": {"id": self.source, "url": self.source_url or None} if self.source else None,
            "quote": self.quote,
            "diff": [{"field": f, "before": b, "after": a} for f, b, a in self.diff],
        }


def parse_change_id(change_id: str) -> tuple[type, int]:
    kind, _, number = change_id.rpartition("-")
    if not kind or not number.isdigit() or kind not in records.KINDS:
        raise DatasetError([f"'{change_id}' is not a change id (kind-number, e.g. person-42)"])
    return records.model_of(kind), int(number)


def history_row(change_id: str):
    model, number = parse_change_id(change_id)
    row = model.history.filter(history_id=number).first()
    if row is None:
        raise DatasetError([f"no change '{change_id}'"])
    return model, row


@dataclass
class Filters:
    kind: str | None = None
    person: str | None = None  # a person's public id: the person and their memberships
    organization: str | None = None  # an organisation's public id: it, its memberships, quotas and posts
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    changeset: int | None = None


def _query(model, filters: Filters):
    """The model's history rows that pass the filters, or None if none of its rows can."""
    rows = model.history.all()
    kind = records.kind_of(model)
    if filters.kind and kind != filters.kind:
        return None
    if filters.person:
        person = registry.Person.objects.filter(slug=filters.person).values_list("pk", flat=True).first()
        if kind == "person":
            rows = rows.filter(slug=filters.person)
        elif kind in ("membership", "link"):
            rows = rows.filter(person_id=person)
        else:
            return None
    if filters.organization:
        org = registry.Organization.objects.filter(slug=filters.organization).values_list("pk", flat=True).first()
        if kind == "organization":
            rows = rows.filter(slug=filters.organization)
        elif kind in ("membership", "post", "link", "participation"):
            rows = rows.filter(organization_id=org)
        elif kind == "seatquota":
            rows = rows.filter(delegation_id=org)
        else:
            return None
    if filters.since:
        rows = rows.filter(history_date__gt=filters.since)
    if filters.until:
        rows = rows.filter(history_date__lte=filters.until)
    if filters.changeset is not None:
        rows = rows.filter(changeset=filters.changeset)
    return rows


def _keys(model, filters: Filters, limit: int) -> list[tuple]:
    """The newest ``limit`` history rows of ``model`` that pass the filters, as (date, id, model) only."""
    rows = _query(model, filters)
    if rows is None:
        return []
    newest = rows.order_by("-history_date", "-history_id").values_list("history_date", "history_id")[:limit]
    return [(date, history_id, model) for date, history_id in newest]


def changes(filters: Filters | None = None, offset: int = 0, limit: int = 50) -> list[Change]:
    """The newest changes first (or, with ``since``, the changes after it), across every kind of record."""
    filters = filters or Filters()
    wanted = offset + limit
    # Merged by date and id alone: a page deep in the log reads the keys of the rows before it, and whole rows only
    # for itself.
    streams = [_keys(model, filters, wanted) for model in HISTORY_MODELS]
    merged = heapq.merge(*streams, key=lambda key: key[:2], reverse=True)
    page = [key for _, key in zip(range(wanted), merged, strict=False)][offset:]
    ids: dict = {}
    for _date, history_id, model in page:
        ids.setdefault(model, []).append(history_id)
    rows = {
        (model, row.history_id): row
        for model, wanted_ids in ids.items()
        for row in model.history.filter(history_id__in=wanted_ids)
    }
    return describe([(rows[model, history_id], model) for _date, history_id, model in page])


def count(filters: Filters | None = None) -> int:
    """How many changes pass the filters: counted once per registry version (every change bumps it), since at world
    scale counting a million history rows costs more than the page itself."""
    filters = filters or Filters()

    def counted() -> int:
        return sum(rows.count() for rows in (_query(model, filters) for model in HISTORY_MODELS) if rows is not None)

    return versioning.cached(("change-log-count", dataclasses.astuple(filters)), counted)


def describe(pairs) -> list[Change]:
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in={r.history_user_id for r, _ in pairs} - {None})}
    sets = {c.pk: c for c in ChangeSet.objects.filter(pk__in={r.changeset for r, _ in pairs} - {None})}
    wanted = {getattr(row, "source_id", None) for row, _ in pairs} - {None}
    sources = {
        pk: (slug, url)
        for pk, slug, url in registry.Source.objects.filter(pk__in=wanted).values_list("pk", "slug", "url")
    }
    keys: dict = {}  # public ids of referenced records, looked up once for the whole page
    found = []
    for row, model in pairs:
        kind = records.kind_of(model)
        changeset = sets.get(row.changeset)
        source_id = getattr(row, "source_id", None)
        found.append(
            Change(
                id=f"{kind}-{row.history_id}",
                kind=kind,
                key=record_key(row, model),
                type=TYPES.get(row.history_type, row.history_type),
                when=row.history_date,
                who=_who(users.get(row.history_user_id), changeset),
                why=(changeset.reason if changeset else "") or row.history_change_reason or "",
                changeset=row.changeset,
                source=sources.get(source_id, (None, None))[0],
                source_url=sources.get(source_id, (None, None))[1],
                quote=getattr(row, "source_quote", "") or "",
                diff=diff(row, model, keys),
            )
        )
    return found


def _who(user, changeset) -> str:
    if user is None and changeset is not None and changeset.kind != ChangeSet.Kind.LOAD:
        return "operator (command line)"
    return public_name(user)


def record_key(row, model) -> str:
    field = records.key_field(model)
    if field == "organization":
        return registry.Organization.objects.filter(pk=row.organization_id).values_list("slug", flat=True).first() or ""
    return getattr(row, field)


def diff(row, model, keys: dict | None = None) -> list[tuple[str, object, object]]:
    keys = {} if keys is None else keys
    after = records.history_values(row, model, keys)
    if row.history_type == "+":
        return [
            (name, None, value)
            for name, value in after.items()
            if value not in (None, "", [], {}) and name not in QUIET_FIELDS
        ]
    previous = row.prev_record
    if previous is None:
        return []
    before = records.history_values(previous, model, keys)
    if row.history_type == "-":
        return []
    return [
        (name, before[name], after[name]) for name in after if before[name] != after[name] and name not in QUIET_FIELDS
    ]
