"""Undo and merge: revert one change or a whole change set (itself a change, with a reason), and merge two
person records into one (the other's address then redirects to the kept one). Both run in one transaction and
re-check every registry rule."""

from __future__ import annotations

from interparl.errors import DatasetError
from interparl.registry import models as registry
from interparl.registry import records, rules
from interparl.registry.translation import HISTORY_MODELS

from . import log
from .models import ChangeSet, Redirect
from .tagging import changeset

ORDER = {model: position for position, model in enumerate(HISTORY_MODELS)}


class RevertError(DatasetError):
    """A change that cannot be reverted as asked; nothing was written."""


def _allowed(user, permission: str, what: str) -> None:
    if user is not None and not user.has_perm(permission):
        raise RevertError([f"{user.get_username()} may not {what} (reviewers and administrators may)"])


def _check_rules() -> None:
    violations = rules.check_all()
    if violations:
        raise RevertError([f"nothing was written: the result would break a registry rule: {v}" for v in violations])


def revert_change(change_id: str, reason: str, user=None) -> ChangeSet:
    """Undo one change. Reverting a creation removes the record only if nothing refers to it."""
    _allowed(user, "changes.revert_change", "revert changes")
    model, row = log.history_row(change_id)
    with changeset(ChangeSet.Kind.REVERT, f"revert of {change_id}: {reason}", user, reverted_change=change_id) as made:
        _undo(model, row, f"revert of {change_id}")
        _check_rules()
    return made


def revert_changeset(number: int, reason: str, user=None) -> ChangeSet:
    """Undo every change of a change set (an approved proposal, a merge…), newest first."""
    _allowed(user, "changes.revert_change", "revert changes")
    original = ChangeSet.objects.filter(pk=number).first()
    if original is None:
        raise RevertError([f"no change set #{number}"])
    if original.reverted_by.exists():
        raise RevertError([f"change set #{number} was already reverted (by #{original.reverted_by.first().pk})"])
    rows = [(row, model) for model in HISTORY_MODELS for row in model.history.filter(changeset=number)]
    rows.sort(key=lambda pair: (pair[0].history_date, ORDER[pair[1]], pair[0].history_id), reverse=True)
    with changeset(ChangeSet.Kind.REVERT, f"revert of change set #{number}: {reason}", user, reverts=original) as made:
        Redirect.objects.filter(changeset=original).delete()
        for row, model in rows:
            _undo(model, row, f"revert of change set #{number}")
        if original.details.get("repointed"):
            restored = registry.Person.objects.get(slug=original.details["other"])
            Redirect.objects.filter(old_slug__in=original.details["repointed"]).update(person=restored)
        for news_slug, people in original.details.get("news", {}).items():
            item = registry.NewsItem.objects.get(slug=news_slug)
            item.people.set(registry.Person.objects.filter(slug__in=people))
        _check_rules()
    return made


def _undo(model, row, reason: str) -> None:
    label = f"{records.kind_of(model)} '{log.record_key(row, model)}'"
    current = model.objects.filter(pk=row.id).first()
    if row.history_type == "+":
        if current is None:
            raise RevertError([f"{label} no longer exists"])
        refs = records.referrers(current)
        if refs:
            raise RevertError([f"{label} cannot be removed: {', '.join(refs[:5])} refer to it"])
        current._change_reason = reason[:100]
        current.delete()
        return
    if row.history_type == "-":
        if current is not None:
            raise RevertError([f"{label} exists again; nothing to restore"])
        restored = row.instance
        restored._change_reason = reason[:100]
        restored.save(force_insert=True)
        return
    previous = row.prev_record
    if current is None:
        raise RevertError([f"{label} no longer exists"])
    now, then, before = (
        records.snapshot(current),
        records.history_values(row, model),
        records.history_values(previous, model),
    )
    changed = [name for name in then if then[name] != before[name]]
    moved = [name for name in changed if now[name] != then[name]]
    if moved:
        raise RevertError([f"{label} changed again since ({', '.join(moved)}): revert the later change first"])
    for name in changed:
        field = model._meta.get_field(name)
        setattr(current, field.attname, getattr(previous, field.attname))
    current._change_reason = reason[:100]
    current.save()


def merge_people(keep_slug: str, other_slug: str, reason: str, user=None) -> ChangeSet:
    """Move everything of ``other`` to ``keep`` and remove ``other``; its public id redirects to ``keep``."""
    _allowed(user, "changes.merge_person", "merge records")
    if keep_slug == other_slug:
        raise RevertError(["a person cannot be merged into themselves"])
    try:
        keep, other = records.get("person", keep_slug), records.get("person", other_slug)
    except records.UnknownRecord as exc:
        raise RevertError([str(exc)]) from None
    why = f"merge of {other_slug} into {keep_slug}: {reason}"
    with changeset(ChangeSet.Kind.MERGE, why, user) as made:
        for membership in other.memberships.all():
            membership.person = keep
            membership._change_reason = why[:100]
            membership.save()
        kept_urls = set(keep.links.values_list("url", flat=True))
        for link in other.links.all():
            link._change_reason = why[:100]
            if link.url in kept_urls:
                link.delete()
            else:
                link.person, link.key = keep, f"person:{keep_slug}:{link.url}"[:300]
                link.save()
        news = {item.slug: sorted(item.people.values_list("slug", flat=True)) for item in other.news.all()}
        for item in other.news.all():
            item.people.remove(other)
            item.people.add(keep)
        names = list(keep.other_names)
        for name, language in ((other.name_en, "en"), (other.name_ru, "ru")):
            if name and name not in {keep.name_en, keep.name_ru} and not any(n.get("name") == name for n in names):
                names.append({"name": name, "lang": language, "note": f"from the merged record {other_slug}"})
        names += [n for n in other.other_names if n not in names]
        keep.other_names = names
        keep.identifiers = [
            *keep.identifiers,
            *[i for i in other.identifiers if i not in keep.identifiers],
            {"scheme": "interparl", "identifier": other_slug},
        ]
        keep._change_reason = why[:100]
        keep.save()
        repointed = list(Redirect.objects.filter(person=other).values_list("old_slug", flat=True))
        Redirect.objects.filter(person=other).update(person=keep)
        Redirect.objects.create(old_slug=other_slug, person=keep, changeset=made)
        made.details = {"news": news, "repointed": repointed, "other": other_slug}
        made.save(update_fields=["details"])
        other._change_reason = why[:100]
        other.delete()
        _check_rules()
    return made


def redirect_for(slug: str) -> str | None:
    """The public id a merged person's old id now leads to, if any."""
    return Redirect.objects.filter(old_slug=slug).values_list("person__slug", flat=True).first()
