"""Run a plan: every write in one transaction, each fact with its source, and all registry rules kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils.text import slugify

from interparl.errors import DatasetError
from interparl.inputs import refuse_nul
from interparl.registry import models, rules
from interparl.registry.validators import web_url_problem

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
    problem = web_url_problem(url) if url else None
    if problem:
        raise DatasetError([f"--source: {problem}"])
    refuse_nul(raw, url or path or "the text")
    text, extraction = extract(raw, language, CountryResolver.from_registry())
    plan = build_plan(extraction, text, assembly, as_of, source_slug(url, path))
    return text, plan


class RegistryChanged(DatasetError):
    """Another writer changed the registry between planning and writing; nothing was written."""


def apply_plan(plan: Plan, raw: str, url: str | None = None, path: str | None = None, user=None) -> IngestionRun:
    """Write every planned change with its source; roll everything back if any registry rule would break.

    A plan is made against the registry as it was read. If another writer (a second ingestion of the same page,
    a load) wrote the same records in between, the write fails on a unique key or a record's own checks: that is
    reported as ``RegistryChanged`` (run again: the new plan will see the other writer's changes)."""
    try:
        return _write_plan(plan, raw, url, path, user)
    except (IntegrityError, DjangoValidationError) as exc:
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise RegistryChanged(
            [f"nothing was written: the registry changed while the change was being applied ({detail}); run again"]
        ) from None
    except OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise RegistryChanged(
            ["nothing was written: the registry is busy with another import; run again when it has finished"]
        ) from None


def _write_plan(plan: Plan, raw: str, url: str | None, path: str | None, user) -> IngestionRun:
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
