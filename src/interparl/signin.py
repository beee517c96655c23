"""Signing in must not depend on the database being free to write: on SQLite a long import holds the write lock,
and Django would record ``last_login`` on every sign-in and fail after its busy timeout. The time of the last
sign-in is recorded when the database lets us within a moment, and skipped otherwise."""

from __future__ import annotations

import logging

from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in
from django.db import OperationalError, connection
from django.utils import timezone

log = logging.getLogger(__name__)
SQLITE_WAIT_MS = 200


def record_last_login(sender, user, **kwargs):
    if connection.vendor != "sqlite":
        update_last_login(sender, user, **kwargs)
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")
    try:
        type(user).objects.filter(pk=user.pk).update(last_login=timezone.now())
    except OperationalError as exc:
        log.info("last sign-in of %s not recorded: %s", user.pk, exc)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(connection.settings_dict['OPTIONS'].get('timeout', 5) * 1000)}")


def connect() -> None:
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    user_logged_in.connect(record_last_login, dispatch_uid="interparl_record_last_login")
