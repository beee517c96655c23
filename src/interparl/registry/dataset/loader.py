"""Load a dataset file into the registry: validate everything, then write it in one transaction.

Loading is idempotent: records are matched by their public id and only rows whose values differ are
saved (so the change history only grows when something really changed). Nothing is deleted. If the
file is invalid, or the result would break a registry rule, nothing is written.

``Importer`` turns validated records (``schema`` models) into rows for the ``Writer``; the YAML loader
feeds it a whole file, the Popolo importer feeds it records streamed from a JSON document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from pydantic import ValidationError

from .. import models, rules
from ..partial_dates import PartialDate
from . import schema
from .writer import LoadReport, Row, Writer
from .yaml_lines import DatasetError, locate, read_yaml

__all__ = ["DatasetError", "Importer", "LoadReport", "load_dataset", "parse_dataset"]


def pydantic_problems(exc: ValidationError, where: Callable[[tuple, str], str]) -> list[str]:
    problems = []
    for err in exc.errors():
        if err["type"] == "extra_forbidden":
            reason = "unknown key"
        elif err["type"] == "missing":
            reason = "required key is missing"
        else:
            reason = err["msg"].removeprefix("Value error, ")
        problems.append(where(tuple(err["loc"]), reason))
    return problems


def parse_dataset(path: Path) -> tuple[schema.Dataset, dict]:
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise DatasetError([f"{path}:1: (document): expected a mapping with 'format: interparl-dataset/1'"])
    try:
        return schema.Dataset.model_validate(data), lines
    except ValidationError as exc:
        raise DatasetError(pydantic_problems(exc, lambda at, reason: locate(path, lines, at, reason))) from None


def _texts(field_name: str, text: schema.Text | None) -> dict:
    return {f"{field_name}_en": (text.en or "") if text else "", f"{field_name}_ru": (text.ru or "") if text else ""}


def _period(item) -> dict:
    start = PartialDate.parse(item.start) if item.start else None
    end = PartialDate.parse(item.end) if item.end else None
    return {
        "start_date": start.earliest() if start else None,
        "start_precision": start.precision if start else "day",
        "end_date": end.latest() if end else None,
        "end_precision": end.precision if end else "day",
    }


def _derived_id(*parts) -> str:
    return slugify("-".join(str(p) for p in parts if p))[:200]


class Importer:
    """Resolves references and writes each kind of record. ``where(section, index, key)`` names a place."""

    def __init__(self, writer: Writer, where: Callable[..., str], default_source: str | None = None):
        self.writer = writer
        self.where = where
        self.default_source = default_source
        self.problems: list[str] = []
        self.ids = {
            "source": dict(models.Source.objects.values_list("slug", "pk")),
            "country": dict(models.Country.objects.values_list("iso3", "pk")),
            "organization": dict(models.Organization.objects.values_list("slug", "pk")),
            "person": dict(models.Person.objects.values_list("slug", "pk")),
            "post": dict(models.Post.objects.values_list("slug", "pk")),
            "event": dict(models.Event.objects.values_list("slug", "pk")),
        }
        self.post_roles = dict(models.Post.objects.values_list("slug", "role"))

    def ref(self, kind: str, key, at: tuple):
        if key is None:
            return None
        found = self.ids[kind].get(key)
        if found is None:
            self.problems.append(self.where(*at, f"unknown {kind} '{key}'"))
        return found

    def check(self) -> None:
        if self.problems:
            raise DatasetError(self.problems)

    def fact(self, item, at: tuple) -> dict:
        return {
            "source_id": self.ref("source", item.source or self.default_source, (*at, "source")),
            "source_quote": item.quote,
            "confirmed": item.confirmed,
            **_texts("note", item.note),
        }

    def _write(self, model, table, kind, rows, **options):
        self.check()
        written = self.writer.write(model, table, rows, **options)
        if kind:
            self.ids[kind].update(written)
        return written

    # -- one method per section; each takes (index, record) pairs ---------------------------------
    def sources(self, items: Iterable[tuple[int, schema.SourceIn]]):
        translated = ("document", "publisher", "note")
        rows = [
            Row(
                s.id,
                {
                    **s.model_dump(exclude={"id", *translated}),
                    **{k: v for name in translated for k, v in _texts(name, getattr(s, name)).items()},
                },
                self.where("sources", i, None),
            )
            for i, s in items
        ]
        self._write(models.Source, "sources", "source", rows)

    def countries(self, items):
        rows = [
            Row(
                c.iso3,
                {
                    "iso2": c.iso2 or "",
                    **_texts("name", c.name),
                    **_texts("official_name", c.official_name),
                    "other_names": [n.model_dump(exclude_none=True) for n in c.other_names],
                },
                self.where("countries", i, None),
            )
            for i, c in items
        ]
        self._write(models.Country, "countries", "country", rows, key_field="iso3")

    def organizations(self, items):
        items = list(items)
        self.organization_records(items)
        self.organization_relations(items)

    def organization_records(self, items):
        """The organisations themselves and their links; parents and senders come after, in
        ``organization_relations``, since they may be anywhere in the file."""
        items = list(items)
        rows, links = [], []
        for i, o in items:
            at = ("organizations", i)
            rows.append(
                Row(
                    o.id,
                    {
                        **self.fact(o, at),
                        **_period(o),
                        "classification": o.classification,
                        **_texts("name", o.name),
                        **_texts("abbreviation", o.abbreviation),
                        **_texts("description", o.description),
                        **_texts("seat", o.seat),
                        "country_id": self.ref("country", o.country, (*at, "country")),
                        "chamber_kind": o.chamber_kind,
                        "other_names": [n.model_dump(exclude_none=True) for n in o.other_names],
                        "identifiers": [n.model_dump() for n in o.identifiers],
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.Organization, "organizations", "organization", rows)
        for i, o in items:
            links += self._links(
                o.links, ("organizations", i), f"organization:{o.id}", organization_id=self.ids["organization"][o.id]
            )
        self._write(models.Link, "links", None, links, key_field="key")

    def organization_relations(self, items):
        relations = [
            Row(
                o.id,
                {
                    "parent_id": self.ref("organization", o.parent, ("organizations", i, "parent")),
                    "sent_by_id": self.ref("organization", o.sent_by, ("organizations", i, "sent_by")),
                },
                self.where("organizations", i, None),
            )
            for i, o in items
        ]
        self._write(models.Organization, "organizations", None, relations, count_unchanged=False, again=True)

    def _links(self, links, at, owner_key: str, **owner) -> list[Row]:
        # A link's public id is its owner's public id and the address.
        return [
            Row(
                f"{owner_key}:{link.url}"[:300],
                {**self.fact(link, (*at, "links", j)), "url": link.url, **owner},
                self.where(*at, "links", j, None),
            )
            for j, link in enumerate(links)
        ]

    def people(self, items):
        items = list(items)
        rows = []
        for i, p in items:
            at = ("people", i)
            rows.append(
                Row(
                    p.id,
                    {
                        **self.fact(p, at),
                        **_texts("name", p.name),
                        **_texts("given_name", p.given_name),
                        **_texts("family_name", p.family_name),
                        **_texts("patronymic_name", p.patronymic_name),
                        **_texts("summary", p.summary),
                        "gender": p.gender,
                        "birth_date": p.birth_date,
                        "other_names": [n.model_dump(exclude_none=True) for n in p.other_names],
                        "identifiers": [n.model_dump() for n in p.identifiers],
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.Person, "people", "person", rows)
        links = []
        for i, p in items:
            links += self._links(p.links, ("people", i), f"person:{p.id}", person_id=self.ids["person"][p.id])
        self._write(models.Link, "links", None, links, key_field="key")

    def posts(self, items):
        rows = []
        for i, p in items:
            at = ("posts", i)
            rows.append(
                Row(
                    p.id,
                    {
                        **self.fact(p, at),
                        **_period(p),
                        **_texts("label", p.label),
                        "role": p.role,
                        "organization_id": self.ref("organization", p.organization, (*at, "organization")),
                        "max_holders": p.max_holders,
                    },
                    self.where(*at, None),
                )
            )
            self.post_roles[p.id] = p.role
        self._write(models.Post, "posts", "post", rows)

    def memberships(self, items):
        rows = []
        for i, m in items:
            at = ("memberships", i)
            role = m.role or self.post_roles.get(m.post) or "member"
            rows.append(
                Row(
                    m.id or _derived_id(m.person, m.organization, m.post or role, m.start),
                    {
                        **self.fact(m, at),
                        **_period(m),
                        "role": role,
                        "label": m.label,
                        "status": m.status,
                        "post_id": self.ref("post", m.post, (*at, "post")),
                        "person_id": self.ref("person", m.person, (*at, "person")),
                        "organization_id": self.ref("organization", m.organization, (*at, "organization")),
                        "on_behalf_of_id": self.ref("organization", m.on_behalf_of, (*at, "on_behalf_of")),
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.Membership, "memberships", None, rows)

    def quotas(self, items):
        rows = []
        for i, q in items:
            at = ("quotas", i)
            rows.append(
                Row(
                    q.id or _derived_id(q.delegation, q.chamber, q.source or self.default_source, q.start),
                    {
                        **self.fact(q, at),
                        **_period(q),
                        "seats": q.seats,
                        "substitute_seats": q.substitute_seats,
                        "in_force": q.in_force,
                        "delegation_id": self.ref("organization", q.delegation, (*at, "delegation")),
                        "chamber_id": self.ref("organization", q.chamber, (*at, "chamber")),
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.SeatQuota, "quotas", None, rows)

    def participations(self, items):
        rows = []
        for i, p in items:
            at = ("participations", i)
            rows.append(
                Row(
                    p.id or _derived_id(p.organization, p.country or p.participant, p.status, p.start),
                    {
                        **self.fact(p, at),
                        **_period(p),
                        "status": p.status,
                        "organization_id": self.ref("organization", p.organization, (*at, "organization")),
                        "country_id": self.ref("country", p.country, (*at, "country")),
                        "participant_id": self.ref("organization", p.participant, (*at, "participant")),
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.Participation, "participations", None, rows)

    def chairmanships(self, items):
        rows = []
        for i, c in items:
            at = ("chairmanships", i)
            rows.append(
                Row(
                    c.id or _derived_id(c.organization, c.country, c.start),
                    {
                        **self.fact(c, at),
                        **_period(c),
                        "basis": c.basis,
                        "organization_id": self.ref("organization", c.organization, (*at, "organization")),
                        "country_id": self.ref("country", c.country, (*at, "country")),
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.Chairmanship, "chairmanships", None, rows)

    def rotation_rules(self, items):
        for i, r in items:
            at = ("rotation_rules", i)
            organization_id = self.ref("organization", r.organization, (*at, "organization"))
            month, day = (int(x) for x in r.handover.split("-"))
            try:
                dt.date(2000, month, day)
            except ValueError:
                self.problems.append(self.where(*at, "handover", f"no such day {r.handover}"))
            for code in r.fixed_order:
                self.ref("country", code, (*at, "fixed_order"))
            values = {
                **self.fact(r, at),
                "order_method": r.order_method,
                "order_language": r.order_language,
                "fixed_order": r.fixed_order,
                "term_months": r.term_months,
                "handover_month": month,
                "handover_day": day,
                "effective_from": r.effective_from,
                **_texts("description", r.description),
            }
            self.check()
            # One rule per organisation: the organisation is its public id.
            self.writer.write(
                models.RotationRule,
                "rotation_rules",
                [Row(organization_id, values, self.where(*at, None))],
                key_field="organization_id",
            )

    def events(self, items):
        rows = []
        for i, e in items:
            at = ("events", i)
            rows.append(
                Row(
                    e.id,
                    {
                        **self.fact(e, at),
                        **_period(e),
                        "kind": e.kind,
                        "number": e.number,
                        **_texts("title", e.title),
                        **_texts("description", e.description),
                        **_texts("place", e.place),
                        "organizer_id": self.ref("organization", e.organizer, (*at, "organizer")),
                        "country_id": self.ref("country", e.country, (*at, "country")),
                    },
                    self.where(*at, None),
                )
            )
        self._write(models.Event, "events", "event", rows)

    def news(self, items):
        items = list(items)
        rows = [
            Row(
                n.id,
                {
                    **self.fact(n, ("news", i)),
                    "date": n.date,
                    "language": n.language,
                    **_texts("title", n.title),
                    **_texts("body", n.body),
                },
                self.where("news", i, None),
            )
            for i, n in items
        ]
        written = self._write(models.NewsItem, "news", None, rows)
        relations = {"countries": "country", "people": "person", "organizations": "organization", "events": "event"}
        for i, n in items:
            item = models.NewsItem.objects.get(pk=written[n.id])
            for name, kind in relations.items():
                wanted = {self.ref(kind, key, ("news", i, name)) for key in getattr(n, name)}
                self.check()
                manager = getattr(item, name)
                if set(manager.values_list("pk", flat=True)) != wanted:
                    manager.set(wanted)

    SECTIONS = (
        "sources",
        "countries",
        "organizations",
        "people",
        "posts",
        "memberships",
        "quotas",
        "participations",
        "chairmanships",
        "rotation_rules",
        "events",
        "news",
    )


def finish(report: LoadReport, label) -> None:
    """Check every registry rule inside the load's transaction; any violation rolls the load back."""
    violations = rules.check_all()
    if violations:
        raise DatasetError([f"{label}: the data would break a registry rule: {v}" for v in violations])


def load_dataset(path: Path | str, reason: str | None = None) -> LoadReport:
    """Validate and load ``path``; raise ``DatasetError`` (and write nothing) on any problem."""
    path = Path(path)
    dataset, lines = parse_dataset(path)
    report = LoadReport(str(path))

    def where(*parts) -> str:
        *at, reason_text = parts
        return locate(path, lines, tuple(at), reason_text)

    with transaction.atomic():
        importer = Importer(Writer(reason or f"loaded from {path.name}", report), where, dataset.default_source)
        for section in Importer.SECTIONS:
            getattr(importer, section)(enumerate(getattr(dataset, section)))
        finish(report, path)
    return report
