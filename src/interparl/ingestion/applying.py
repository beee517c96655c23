"""Run a plan: every write in one transaction, each fact with its source, and all registry rules kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from interparl.registry import models, rules

from .countries import CountryResolver
from .extract import extract
from .models import IngestionRun
from .planning import Plan, WriteContext, build_plan


class IngestError(Exception):
    """The change would break the registry's rules; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def source_slug(url: str | None, path: str | None) -> str:
    if url:
        return slugify(url.split("://", 1)[-1].replace("/", "-"))[:110] or "pasted-text"
    if path and path != "-":
        return "file-" + slugify(Path(path).name)[:100]
    return "pasted-text"


def prepare(
    raw: str,
    assembly: models.Organization,
    as_of: dt.date,
    url: str | None = None,
    path: str | None = None,
    language: str = "auto",
) -> tuple[str, Plan]:
    """Read the text and plan the change against the registry (nothing is written)."""
    text, extraction = extract(raw, language, CountryResolver.from_registry())
    plan = build_plan(extraction, text, assembly, as_of, source_slug(url, path))
    return text, plan


def apply_plan(plan: Plan, raw: str, url: str | None = None, path: str | None = None, user=None) -> IngestionRun:
    """Write every planned change with its source; roll everything back if any registry rule would break."""
    document = url or (Path(path).name if path and path != "-" else "pasted text")
    with transaction.atomic():
        source, _created = models.Source.objects.get_or_create(
            slug=plan.source_label,
            defaults={
                "url": url or "",
                "document": document,
                "language": plan.language,
                "accessed": dt.date.today(),
                "note": "Read by interparl's text ingestion.",
            },
        )
        context = WriteContext(source, f"ingested from {document}")
        for change in plan.pending:
            change.write(context, change.quote)
        violations = rules.check_all()
        if violations:
            raise IngestError([str(v) for v in violations])
        return IngestionRun.objects.create(
            user=user if getattr(user, "pk", None) else None,
            assembly=plan.assembly,
            source_url=url or document,
            as_of=plan.as_of,
            language=plan.language,
            text=raw,
            plan=plan.to_dict(),
            applied=True,
        )
