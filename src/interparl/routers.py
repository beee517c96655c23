"""Reads from a replica, writes to the primary (settings: DATABASE_REPLICA_URL).

A read inside a transaction stays on the primary: what a request has just written, it reads back. Everything a
cache keeps is keyed by the registry's version read from the same database as the answer, so a replica that lags
gives an older answer under an older version, never a newer version with older data."""

from django.db import connections


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return "default" if connections["default"].in_atomic_block else "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, first, second, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
