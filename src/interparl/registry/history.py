"""Which change set the writes of this moment belong to. Every history row of the registry carries the id of
its change set (``interparl.changes.ChangeSet``), read here from a context variable when the row is made."""

from __future__ import annotations

import contextlib
import contextvars

from simple_history.signals import pre_create_historical_record

_current: contextvars.ContextVar[tuple[int, int | None] | None] = contextvars.ContextVar("changeset", default=None)


@contextlib.contextmanager
def tagged(changeset_id: int, user_id: int | None = None):
    token = _current.set((changeset_id, user_id))
    try:
        yield
    finally:
        _current.reset(token)


def bulk_attributes() -> dict:
    """For writers that make history rows in bulk, which sends no per-row signal."""
    tag = _current.get()
    return {"changeset": tag[0]} if tag else {}


def _tag(sender, history_instance, **kwargs):
    tag = _current.get()
    if tag is not None and hasattr(history_instance, "changeset"):
        history_instance.changeset = tag[0]
        if tag[1] and not history_instance.history_user_id:
            history_instance.history_user_id = tag[1]


def connect() -> None:
    pre_create_historical_record.connect(_tag, dispatch_uid="interparl_changeset_tag")
