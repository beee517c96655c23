"""The registry's version: what every cache of computed answers is keyed by, so that a change to any record makes
them all stale at once.

It is one row (``RegistryVersion``), bumped by database triggers in the same transaction as the write: after every
insert into a change-history table (every add, change and delete of a record leaves one, however it is written —
the admin, the batch writer, ingestion, reverts) and every change to a news item's lists of references. An import
bumps it once, at the end of its transaction (``one_bump``). Reading it is one primary-key lookup, whatever the
size of the registry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

TABLE = "registry_registryversion"


@dataclass(frozen=True)
class Version:
    number: int
    changed: dt.datetime | None


def current() -> Version:
    """The registry's version now (0 if the row is missing, as in a database just flushed). Read on every request
    that may be answered from a cache: one primary-key lookup, written as SQL because the ORM would take longer to
    build the query than the database takes to answer it."""
    from django.db import connection
    from django.utils.dateparse import parse_datetime

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return Version(0, None)
    number, changed = row
    if isinstance(changed, str):  # SQLite hands back the text it stored (UTC)
        changed = parse_datetime(changed)
    if changed is not None and changed.tzinfo is None:
        changed = changed.replace(tzinfo=dt.UTC)
    return Version(number, changed)


def registry_version() -> int:
    """A value that changes whenever any registry record is added, changed or deleted."""
    return current().number


def registry_last_changed() -> dt.datetime | None:
    """When the registry last changed."""
    return current().changed


def cached(key: tuple, compute):
    """``compute()``, remembered until the registry changes (keyed by ``key`` and the registry's version)."""
    import hashlib

    from django.core.cache import cache

    digest = hashlib.sha256(repr((key, registry_version())).encode()).hexdigest()
    value = cache.get(f"registry:{digest}")
    if value is None:
        value = compute()
        cache.set(f"registry:{digest}", value)
    return value


# -- the triggers (installed by migrations) -----------------------------------------------------------------------


def trigger_name(table: str, event: str) -> str:
    return f"{table}_bumps_version_{event.lower()}"[:63]


@contextlib.contextmanager
def one_bump():
    """Inside a transaction: its writes bump the version once, when it ends, rather than once per row. SQLite's
    triggers run for every row (PostgreSQL's once per statement): an import of 600,000 records would update the
    version row 600,000 times. The triggers pause while the version row says so (``paused``), which no other
    connection can see: it is set and cleared inside this transaction, and a transaction rolled back never set it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("one_bump() is for inside a transaction")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET paused = 1 WHERE id = 1")
    yield  # an error leaves the flag to the transaction's rollback
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET paused = 0, number = number + 1, changed = {_SQLITE_NOW} WHERE id = 1")


_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def install_triggers(schema_editor, tables: dict[str, tuple[str, ...]], pausable: bool = False) -> None:
    """Make every ``event`` (INSERT, DELETE) on each table bump the version, on SQLite (a trigger per row) or
    PostgreSQL (a trigger per statement, so a bulk insert bumps it once). ``pausable``: SQLite's triggers do nothing
    while the version row is ``paused`` (``one_bump``; the column exists from migration 0012 on)."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION registry_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"UPDATE {TABLE} SET number = number + 1, changed = now() WHERE id = 1; RETURN NULL; END $$"
        )
    for table, events in tables.items():
        for event in events:
            name = trigger_name(table, event)
            if vendor == "postgresql":
                schema_editor.execute(
                    f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" '
                    "FOR EACH STATEMENT EXECUTE FUNCTION registry_bump_version()"
                )
            elif vendor == "sqlite":
                when = f"WHEN NOT (SELECT paused FROM {TABLE} WHERE id = 1) " if pausable else ""
                schema_editor.execute(
                    f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" {when}BEGIN '
                    f"UPDATE {TABLE} SET number = number + 1, changed = {_SQLITE_NOW} WHERE id = 1; END"
                )
            else:  # pragma: no cover - the two databases interparl runs on
                raise NotImplementedError(f"no version triggers for {vendor}")


def triggered_tables(connection) -> set[str]:
    """The tables whose writes bump the version (for the test that no table is forgotten)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers WHERE trigger_name LIKE %s",
                ["%_bumps_version_%"],
            )
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", ["%_bumps_version_%"]
            )
        return {row[0] for row in cursor.fetchall()}
