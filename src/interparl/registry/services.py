"""Write-side operations on the registry that commands, the admin and the API share."""

from __future__ import annotations

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from . import models, rules
from .dataset.loader import LoadReport, load_dataset


def pending_migrations() -> bool:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def prepare_database(load_builtin: bool = True) -> LoadReport | None:
    """Create and migrate the database if needed; load the built-in dataset into an empty registry."""
    from django.core.management import call_command

    if pending_migrations():
        call_command("migrate", interactive=False, verbosity=0)
    if load_builtin and not models.Organization.objects.exists():
        return load_dataset(settings.BUILTIN_DATASET, reason="built-in dataset")
    return None


class _Rollback(Exception):
    pass


def new_violations_if_saved(instance) -> list[rules.Violation]:
    """The rule violations that saving ``instance`` would add; nothing is kept."""
    before = set(rules.check_all())
    pk, adding = instance.pk, instance._state.adding
    try:
        with transaction.atomic():
            instance.save()
            raise _Rollback(rules.check_all())
    except _Rollback as outcome:
        after = outcome.args[0]
    finally:
        instance.pk, instance._state.adding = pk, adding
    return [v for v in after if v not in before]
