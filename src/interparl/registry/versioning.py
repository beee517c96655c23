"""The registry's version: what every cache of computed answers is keyed by, so that a change to any record
makes them all stale at once."""

from __future__ import annotations

import datetime as dt


def latest_history() -> list[tuple[int, dt.datetime | None]]:
    """The newest change-history row of every registry table, in one query."""
    from django.db import connection
    from django.utils.dateparse import parse_datetime

    from .translation import HISTORY_MODELS

    quote = connection.ops.quote_name
    # Two scalar subqueries, not two aggregates in one select: each is then answered from the end of an index
    # (SQLite's min/max optimisation), instead of a scan of the whole history table.
    sql = " UNION ALL ".join(
        f"SELECT (SELECT MAX(history_id) FROM {table}), (SELECT MAX(history_date) FROM {table})"
        for table in (quote(model.history.model._meta.db_table) for model in HISTORY_MODELS)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    result = []
    for history_id, date in rows:
        if isinstance(date, str):  # SQLite returns aggregates of datetimes as text
            date = parse_datetime(date)
        if date is not None and date.tzinfo is None:
            date = date.replace(tzinfo=dt.UTC)
        result.append((history_id or 0, date))
    return result


def registry_version() -> tuple:
    """A value that changes whenever any registry record is added, changed or deleted."""
    return tuple(history_id for history_id, _date in latest_history())


def registry_last_changed() -> dt.datetime | None:
    """When the registry last changed (from the change history)."""
    dates = [date for _id, date in latest_history() if date]
    return max(dates) if dates else None


def cached(key: tuple, compute):
    """``compute()``, remembered until the registry changes (keyed by ``key`` and the registry's version)."""
    import hashlib

    from django.core.cache import cache

    version = ",".join(str(part) for part in registry_version())
    digest = hashlib.sha256(repr((key, version)).encode()).hexdigest()
    value = cache.get(f"registry:{digest}")
    if value is None:
        value = compute()
        cache.set(f"registry:{digest}", value, timeout=None)
    return value
