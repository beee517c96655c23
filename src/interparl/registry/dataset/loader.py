"""Load a dataset file into the registry: validate everything, then write it in one transaction.

Loading is idempotent: records are matched by their public id and only rows whose values differ are
saved (so the change history only grows when something really changed). Nothing is deleted. If the
file is invalid, or the result would break a registry rule, nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.text import slugify
from pydantic import ValidationError

from .. import models, rules
from ..partial_dates import PartialDate
from . import schema
from .yaml_lines import DatasetError, locate, read_yaml


@dataclass
class LoadReport:
    path: str
    counts: dict[str, Counter] = field(default_factory=dict)

    def count(self, table: str, outcome: str) -> None:
        self.counts.setdefault(table, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())

    @property
    def changed_anything(self) -> bool:
        return bool(self.total("added") or self.total("changed"))


def parse_dataset(path: Path) -> tuple[schema.Dataset, dict]:
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise DatasetError([f"{path}:1: (document): expected a mapping with 'format: interparl-dataset/1'"])
    try:
        return schema.Dataset.model_validate(data), lines
    except ValidationError as exc:
        problems = [locate(path, lines, err["loc"], _reason(err)) for err in exc.errors()]
        raise DatasetError(problems) from None


def _reason(err: dict) -> str:
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        return "unknown key"
    if err["type"] == "missing":
        return "required key is missing"
    return message


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


class _Loader:
    def __init__(self, dataset: schema.Dataset, path: Path, lines: dict, reason: str):
        self.dataset = dataset
        self.path = path
        self.lines = lines
        self.reason = reason
        self.report = LoadReport(str(path))
        self.problems: list[str] = []
        self.sources: dict[str, models.Source] = {s.slug: s for s in models.Source.objects.all()}
        self.countries = {c.iso3: c for c in models.Country.objects.all()}
        self.organizations = {o.slug: o for o in models.Organization.objects.all()}
        self.people = {p.slug: p for p in models.Person.objects.all()}
        self.posts = {p.slug: p for p in models.Post.objects.all()}
        self.events = {e.slug: e for e in models.Event.objects.all()}

    # -- references ------------------------------------------------------------------------------
    def ref(self, table: dict, key, at: tuple, what: str):
        if key is None:
            return None
        found = table.get(key)
        if found is None:
            self.problems.append(locate(self.path, self.lines, at, f"unknown {what} '{key}'"))
        return found

    def fact(self, item, at: tuple) -> dict:
        source_id = item.source or self.dataset.default_source
        return {
            "source": self.ref(self.sources, source_id, at + ("source",), "source"),
            "source_quote": item.quote,
            "confirmed": item.confirmed,
            "note": item.note,
        }

    # -- writing ---------------------------------------------------------------------------------
    def upsert(self, model, lookup: dict, values: dict, table: str, at: tuple):
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            outcome = "added"
        else:
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            if not changed:
                self.report.count(table, "unchanged")
                return obj
            for name in changed:
                setattr(obj, name, values[name])
            outcome = "changed"
        obj._change_reason = self.reason
        try:
            obj.full_clean(validate_unique=False, validate_constraints=True)
        except DjangoValidationError as exc:
            raise DatasetError([*self.problems, locate(self.path, self.lines, at, "; ".join(exc.messages))]) from None
        obj.save()
        self.report.count(table, outcome)
        return obj

    def run(self) -> LoadReport:
        d = self.dataset
        for i, s in enumerate(d.sources):
            values = s.model_dump(exclude={"id"})
            self.sources[s.id] = self.upsert(models.Source, {"slug": s.id}, values, "sources", ("sources", i))
        for i, c in enumerate(d.countries):
            values = {
                "iso2": c.iso2 or "",
                **_texts("name", c.name),
                **_texts("official_name", c.official_name),
                "other_names": [n.model_dump(exclude_none=True) for n in c.other_names],
            }
            self.countries[c.iso3] = self.upsert(
                models.Country, {"iso3": c.iso3}, values, "countries", ("countries", i)
            )
        self.load_organizations()
        for i, p in enumerate(d.people):
            at = ("people", i)
            values = {
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
            }
            person = self.people[p.id] = self.upsert(models.Person, {"slug": p.id}, values, "people", at)
            self.load_links(p.links, at, person=person)
        self.load_posts()
        self.load_memberships()
        self.load_quotas()
        self.load_participations()
        self.load_chairmanships()
        self.load_rules()
        self.load_events()
        self.load_news()
        if self.problems:
            raise DatasetError(self.problems)
        return self.report

    def load_organizations(self):
        items = self.dataset.organizations
        # Parents may come later in the file: first create every row, then link them.
        for i, o in enumerate(items):
            at = ("organizations", i)
            values = {
                **self.fact(o, at),
                **_period(o),
                "classification": o.classification,
                **_texts("name", o.name),
                **_texts("abbreviation", o.abbreviation),
                **_texts("description", o.description),
                **_texts("seat", o.seat),
                "country": self.ref(self.countries, o.country, at + ("country",), "country"),
                "chamber_kind": o.chamber_kind,
                "other_names": [n.model_dump(exclude_none=True) for n in o.other_names],
                "identifiers": [n.model_dump() for n in o.identifiers],
            }
            self.organizations[o.id] = self.upsert(models.Organization, {"slug": o.id}, values, "organizations", at)
        for i, o in enumerate(items):
            at = ("organizations", i)
            links = {
                "parent": self.ref(self.organizations, o.parent, at + ("parent",), "organization"),
                "sent_by": self.ref(self.organizations, o.sent_by, at + ("sent_by",), "organization"),
            }
            org = self.organizations[o.id]
            if any(getattr(org, k) != v for k, v in links.items()):
                for k, v in links.items():
                    setattr(org, k, v)
                org._change_reason = self.reason
                org.save()
            self.load_links(o.links, at, organization=org)

    def load_links(self, links, at, **owner):
        for j, link in enumerate(links):
            values = {**self.fact(link, at + ("links", j)), "note": link.note}
            self.upsert(models.Link, {"url": link.url, **owner}, values, "links", at + ("links", j))

    def load_posts(self):
        for i, p in enumerate(self.dataset.posts):
            at = ("posts", i)
            values = {
                **self.fact(p, at),
                **_period(p),
                **_texts("label", p.label),
                "role": p.role,
                "organization": self.ref(self.organizations, p.organization, at + ("organization",), "organization"),
                "max_holders": p.max_holders,
            }
            if values["organization"] is not None:
                self.posts[p.id] = self.upsert(models.Post, {"slug": p.id}, values, "posts", at)

    def _slug(self, item, at, *parts) -> str:
        if item.id:
            return item.id
        return slugify("-".join(str(p) for p in parts if p))[:200]

    def load_memberships(self):
        seen: dict[str, tuple] = {}
        for i, m in enumerate(self.dataset.memberships):
            at = ("memberships", i)
            post = self.ref(self.posts, m.post, at + ("post",), "post")
            role = m.role or (post.role if post else "member")
            slug = self._slug(m, at, m.person, m.organization, m.post or role, m.start)
            if slug in seen:
                self.problems.append(locate(self.path, self.lines, at, f"same id '{slug}' as {seen[slug]}: give an id"))
                continue
            seen[slug] = at
            values = {
                **self.fact(m, at),
                **_period(m),
                "role": role,
                "label": m.label,
                "status": m.status,
                "post": post,
                "person": self.ref(self.people, m.person, at + ("person",), "person"),
                "organization": self.ref(self.organizations, m.organization, at + ("organization",), "organization"),
                "on_behalf_of": self.ref(self.organizations, m.on_behalf_of, at + ("on_behalf_of",), "organization"),
            }
            if values["person"] and values["organization"]:
                self.upsert(models.Membership, {"slug": slug}, values, "memberships", at)

    def load_quotas(self):
        for i, q in enumerate(self.dataset.quotas):
            at = ("quotas", i)
            slug = self._slug(q, at, q.delegation, q.chamber, q.source or "", q.start)
            values = {
                **self.fact(q, at),
                **_period(q),
                "seats": q.seats,
                "substitute_seats": q.substitute_seats,
                "in_force": q.in_force,
                "delegation": self.ref(self.organizations, q.delegation, at + ("delegation",), "organization"),
                "chamber": self.ref(self.organizations, q.chamber, at + ("chamber",), "organization"),
            }
            if values["delegation"] and values["chamber"]:
                self.upsert(models.SeatQuota, {"slug": slug}, values, "quotas", at)

    def load_participations(self):
        for i, p in enumerate(self.dataset.participations):
            at = ("participations", i)
            slug = self._slug(p, at, p.organization, p.country or p.participant, p.status, p.start)
            values = {
                **self.fact(p, at),
                **_period(p),
                "status": p.status,
                "organization": self.ref(self.organizations, p.organization, at + ("organization",), "organization"),
                "country": self.ref(self.countries, p.country, at + ("country",), "country"),
                "participant": self.ref(self.organizations, p.participant, at + ("participant",), "organization"),
            }
            if values["organization"]:
                self.upsert(models.Participation, {"slug": slug}, values, "participations", at)

    def load_chairmanships(self):
        for i, c in enumerate(self.dataset.chairmanships):
            at = ("chairmanships", i)
            slug = self._slug(c, at, c.organization, c.country, c.start)
            values = {
                **self.fact(c, at),
                **_period(c),
                "basis": c.basis,
                "organization": self.ref(self.organizations, c.organization, at + ("organization",), "organization"),
                "country": self.ref(self.countries, c.country, at + ("country",), "country"),
            }
            if values["organization"] and values["country"]:
                self.upsert(models.Chairmanship, {"slug": slug}, values, "chairmanships", at)

    def load_rules(self):
        for i, r in enumerate(self.dataset.rotation_rules):
            at = ("rotation_rules", i)
            organization = self.ref(self.organizations, r.organization, at + ("organization",), "organization")
            month, day = (int(x) for x in r.handover.split("-"))
            try:
                dt.date(2000, month, day)
            except ValueError:
                self.problems.append(locate(self.path, self.lines, at + ("handover",), f"no such day {r.handover}"))
                continue
            for code in r.fixed_order:
                self.ref(self.countries, code, at + ("fixed_order",), "country")
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
            if organization:
                self.upsert(models.RotationRule, {"organization": organization}, values, "rotation_rules", at)

    def load_events(self):
        for i, e in enumerate(self.dataset.events):
            at = ("events", i)
            values = {
                **self.fact(e, at),
                **_period(e),
                "kind": e.kind,
                "number": e.number,
                **_texts("title", e.title),
                **_texts("description", e.description),
                **_texts("place", e.place),
                "organizer": self.ref(self.organizations, e.organizer, at + ("organizer",), "organization"),
                "country": self.ref(self.countries, e.country, at + ("country",), "country"),
            }
            self.events[e.id] = self.upsert(models.Event, {"slug": e.id}, values, "events", at)

    def load_news(self):
        for i, n in enumerate(self.dataset.news):
            at = ("news", i)
            values = {
                **self.fact(n, at),
                "date": n.date,
                "language": n.language,
                **_texts("title", n.title),
                **_texts("body", n.body),
            }
            item = self.upsert(models.NewsItem, {"slug": n.id}, values, "news", at)
            related = {
                "countries": [self.ref(self.countries, c, at + ("countries",), "country") for c in n.countries],
                "people": [self.ref(self.people, p, at + ("people",), "person") for p in n.people],
                "organizations": [
                    self.ref(self.organizations, o, at + ("organizations",), "organization") for o in n.organizations
                ],
                "events": [self.ref(self.events, e, at + ("events",), "event") for e in n.events],
            }
            for name, rows in related.items():
                wanted = {r.pk for r in rows if r is not None}
                manager = getattr(item, name)
                if set(manager.values_list("pk", flat=True)) != wanted:
                    manager.set(wanted)


def load_dataset(path: Path | str, reason: str | None = None) -> LoadReport:
    """Validate and load ``path``; raise ``DatasetError`` (and write nothing) on any problem."""
    path = Path(path)
    dataset, lines = parse_dataset(path)
    with transaction.atomic():
        report = _Loader(dataset, path, lines, reason or f"loaded from {path.name}").run()
        violations = rules.check_all()
        if violations:
            raise DatasetError([f"{path}: the data would break a registry rule: {v}" for v in violations])
    return report
