"""Proposals and their review: store what a page would change, approve all or some of it, or reject it.

Approval writes exactly the stored operations, in one transaction tagged with a change set, re-checks every
registry rule, and refuses cleanly if the registry changed since the proposal was made."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from interparl.errors import DatasetError
from interparl.registry import models as registry
from interparl.registry import rules

from . import operations
from .models import ChangeSet, Proposal
from .roles import ADMINISTRATORS, is_in
from .tagging import changeset


class ReviewError(DatasetError):
    """A review step that cannot be taken (no permission, a closed proposal, a change that is not pending)."""


class RuleBroken(DatasetError):
    """The approved changes would break a registry rule; nothing was written."""


def propose(plan, raw: str, *, url: str | None, document: str, user=None, watched_page=None) -> Proposal:
    return Proposal.objects.create(
        proposed_by=user if getattr(user, "pk", None) else None,
        assembly=plan.assembly,
        source_slug=plan.source_label,
        source_url=url or "",
        source_document=document,
        as_of=plan.as_of,
        language=plan.language,
        text=raw,
        changes=[change.to_dict() for change in plan.changes],
        watched_page=watched_page,
    )


def may_approve(user, proposal: Proposal) -> str | None:
    """None if ``user`` may approve ``proposal``, else why not. ``user`` None is the operator at the command line."""
    if user is None:
        return None
    if not user.has_perm("changes.approve_proposal"):
        return f"{user.get_username()} may not approve proposals (reviewers and administrators may)"
    own = proposal.proposed_by_id is not None and proposal.proposed_by_id == user.pk
    if own and not settings.SELF_APPROVAL and not (user.is_superuser or is_in(user, ADMINISTRATORS)):
        return "a reviewer may not approve their own proposal (an administrator may)"
    return None


def _open(proposal: Proposal) -> None:
    if proposal.status != Proposal.Status.OPEN:
        raise ReviewError([f"proposal #{proposal.pk} is {proposal.get_status_display()}, not open for review"])


def approve(proposal: Proposal, user=None, only: list[int] | None = None) -> ChangeSet:
    """Write the proposal's changes (all pending ones, or the numbers in ``only``) in one transaction."""
    _open(proposal)
    refusal = may_approve(user, proposal)
    if refusal:
        raise ReviewError([refusal])
    pending = proposal.pending_numbers
    chosen = pending if only is None else sorted(set(only))
    wrong = [n for n in chosen if n not in pending]
    if wrong:
        raise ReviewError(
            [
                f"change {', '.join(map(str, wrong))} of proposal #{proposal.pk} is not a pending change "
                f"(pending: {', '.join(map(str, pending)) or 'none'})"
            ]
        )
    if not chosen:
        raise ReviewError([f"proposal #{proposal.pk} has no change to write"])
    reason = f"proposal #{proposal.pk} ({proposal.source_url or proposal.source_document})"
    try:
        with changeset(ChangeSet.Kind.PROPOSAL, reason, user, source_slug=proposal.source_slug) as written:
            source = _source(proposal)
            for number in chosen:
                change = proposal.changes[number - 1]
                for data in change["operations"]:
                    operations.apply(operations.Operation.from_dict(data), source, change["quote"], reason)
            violations = rules.check_all()
            if violations:
                raise RuleBroken(
                    [f"nothing was written: the change would break a registry rule: {v}" for v in violations]
                )
            proposal.status = Proposal.Status.APPLIED if chosen == pending else Proposal.Status.PARTLY_APPLIED
            proposal.approved, proposal.changeset = chosen, written
            _reviewed(proposal, user, "")
            return written
    except (IntegrityError, DjangoValidationError) as exc:
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise operations.StaleChange(
            [
                f"nothing was written: the registry changed since proposal #{proposal.pk} was made ({detail}); "
                "propose again"
            ]
        ) from None
    except OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise ReviewError(
            ["nothing was written: the registry is busy with an import; try again when it has finished"]
        ) from None


def reject(proposal: Proposal, user=None, reason: str = "") -> None:
    _open(proposal)
    if not reason.strip():
        raise ReviewError(["a rejection needs a reason"])
    if user is not None and not user.has_perm("changes.approve_proposal"):
        raise ReviewError([f"{user.get_username()} may not reject proposals (reviewers and administrators may)"])
    proposal.status = Proposal.Status.REJECTED
    _reviewed(proposal, user, reason.strip())


def _reviewed(proposal: Proposal, user, reason: str) -> None:
    proposal.reviewed_by = user if getattr(user, "pk", None) else None
    proposal.reviewed_at = timezone.now()
    proposal.review_reason = reason[:300]
    proposal.save()


def _source(proposal: Proposal) -> registry.Source:
    source, _created = registry.Source.objects.get_or_create(
        slug=proposal.source_slug,
        defaults={
            "url": proposal.source_url,
            "document_en": proposal.source_document,
            "document_ru": proposal.source_document,
            "language": proposal.language,
            # The text attests the state on its as-of date (never later than the day it was read).
            "accessed": min(proposal.as_of, proposal.created.date() if proposal.created else dt.date.today()),
            "note_en": "Read by interparl's text ingestion.",
            "note_ru": "Прочитано при разборе текста в interparl.",
        },
    )
    return source


def propose_and_approve(plan, raw: str, *, url, document, user=None) -> Proposal:
    """What `ingest --apply` does: the operator's own proposal, approved at once, in one transaction."""
    with transaction.atomic():
        proposal = propose(plan, raw, url=url, document=document, user=None)
        approve(proposal, user)
        return proposal
