"""An import's rows bump the registry's version once, at the end of its transaction (``versioning.one_bump``):
SQLite's version triggers are made again to do nothing while the version row is ``paused``."""

from django.db import migrations, models

from interparl.registry.versioning import install_triggers, trigger_name


def _sqlite_triggers(schema_editor) -> dict[str, tuple[str, ...]]:
    """Each table with a version trigger, and its events, as the database has them."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_bumps_version_%'")
        found = cursor.fetchall()
    tables: dict[str, list[str]] = {}
    for table, name in found:
        event = name.rsplit("_", 1)[1].upper()
        if trigger_name(table, event) == name:
            tables.setdefault(table, []).append(event)
    return {table: tuple(sorted(events, reverse=True)) for table, events in tables.items()}


def _remake(pausable: bool):
    def remake(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return  # PostgreSQL's triggers run once per statement: nothing to pause
        tables = _sqlite_triggers(schema_editor)
        for table, events in tables.items():
            for event in events:
                schema_editor.execute(f'DROP TRIGGER "{trigger_name(table, event)}"')
        install_triggers(schema_editor, tables, pausable=pausable)

    return remake


def add_column(apps, schema_editor):
    # By hand: Django would remake the table on SQLite, which the triggers that name it do not survive.
    false = "0" if schema_editor.connection.vendor == "sqlite" else "false"
    schema_editor.execute(f"ALTER TABLE registry_registryversion ADD COLUMN paused bool NOT NULL DEFAULT {false}")


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE registry_registryversion DROP COLUMN paused")


class Migration(migrations.Migration):
    dependencies = [("registry", "0011_history_indexes_listed_only")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_column, drop_column)],
            state_operations=[
                migrations.AddField(
                    model_name="registryversion",
                    name="paused",
                    field=models.BooleanField(
                        default=False,
                        help_text="Set only inside an import's transaction, whose rows then bump the version once, "
                        "at its end (SQLite's triggers run per row; see versioning.one_bump). Never seen set by "
                        "another connection.",
                    ),
                ),
            ],
        ),
        migrations.RunPython(_remake(pausable=True), _remake(pausable=False)),
    ]
