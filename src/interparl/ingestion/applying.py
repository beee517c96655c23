"""From a page to a proposal: read the text, plan the change against the registry, store it for review; or, for
the operator at the command line (`ingest --apply`), propose and approve it at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils.text import slugify

from interparl.changes import review
from interparl.changes.models import Proposal
from interparl.errors import DatasetError
from interparl.inputs import refuse_nul
from interparl.registry import models
from interparl.registry.validators import web_url_problem

from .extract import extract
from .knowledge import Knowledge
from .planning import build_plan
from .plans import Plan


def source_slug(url: str | None, path: str | None) -> str:
    if url:
        return slugify(url.split("://", 1)[-1].replace("/", "-"))[:110] or "pasted-text"
    if path and path != "-":
        return "file-" + slugify(Path(path).name)[:100]
    return "pasted-text"


def document_name(url: str | None, path: str | None) -> str:
    return url or (Path(path).name if path and path != "-" else "pasted text")


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
    text, extraction = extract(raw, language, Knowledge.from_registry())
    plan = build_plan(extraction, text, assembly, as_of, source_slug(url, path))
    return text, plan


def propose_plan(plan: Plan, raw: str, url: str | None = None, path: str | None = None, user=None) -> Proposal:
    return review.propose(plan, raw, url=url, document=document_name(url, path), user=user)


def apply_plan(plan: Plan, raw: str, url: str | None = None, path: str | None = None, user=None) -> Proposal:
    """Write every planned change with its source, recorded as an approved proposal; nothing is written if any
    registry rule would break, or if another writer changed the same records since the plan was made."""
    return review.propose_and_approve(plan, raw, url=url, document=document_name(url, path), user=user)
