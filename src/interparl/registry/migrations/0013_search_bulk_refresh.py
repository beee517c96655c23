"""A refresh of many search entries writes them first and builds SQLite's FTS5 index once, at the end (its `rebuild`
takes a fraction of a second where the triggers take seconds, one row at a time): the triggers that keep the index
in step do nothing while the search state's ``bulk`` flag is set. PostgreSQL's trigram index needs no trigger."""

from django.db import migrations, models

PAUSED = "WHEN coalesce((SELECT bulk FROM registry_searchstate WHERE id = 1), 0) = 0"
INSERTED = "INSERT INTO registry_search_fts(rowid, words) VALUES (new.id, new.words)"
DELETED = "INSERT INTO registry_search_fts(registry_search_fts, rowid, words) VALUES ('delete', old.id, old.words)"


def _triggers(when: str) -> list[str]:
    return [
        "DROP TRIGGER registry_searchentry_fts_insert",
        "DROP TRIGGER registry_searchentry_fts_delete",
        f"CREATE TRIGGER registry_searchentry_fts_insert AFTER INSERT ON registry_searchentry {when} "
        f"BEGIN {INSERTED}; END",
        f"CREATE TRIGGER registry_searchentry_fts_delete AFTER DELETE ON registry_searchentry {when} "
        f"BEGIN {DELETED}; END",
    ]


def _remake(when: str):
    def remake(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in _triggers(when):
                schema_editor.execute(statement)

    return remake


class Migration(migrations.Migration):
    dependencies = [("registry", "0012_version_pauses_in_imports")]

    operations = [
        migrations.AddField(
            model_name="searchstate",
            name="bulk",
            field=models.BooleanField(
                default=False,
                help_text="Set only inside a refresh of many entries, whose FTS5 index (SQLite) is then built once at "
                "its end. Never seen set by another connection.",
            ),
        ),
        migrations.AlterField(
            model_name="searchstate",
            name="marks",
            field=models.JSONField(
                default=dict,
                help_text="kind → [the last change-history id read, how many history rows there were up to it then].",
            ),
        ),
        migrations.RunPython(_remake(PAUSED), _remake("")),
    ]
