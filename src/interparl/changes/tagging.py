"""Open a change set: every registry write inside the block is tagged with it, in one transaction."""

from __future__ import annotations

import contextlib

from django.db import transaction

from interparl.registry.history import tagged

from .models import ChangeSet


@contextlib.contextmanager
def changeset(kind: str, reason: str, user=None, **fields):
    with transaction.atomic():
        created = ChangeSet.objects.create(
            kind=kind, reason=reason[:300], user=user if getattr(user, "pk", None) else None, **fields
        )
        with tagged(created.pk, created.user_id):
            yield created
