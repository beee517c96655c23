"""The trigram indexes search queries: an FTS5 table (trigram tokenizer) kept in step with the entries by triggers on
SQLite, a pg_trgm GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE registry_search_fts USING fts5("
    "words, content='registry_searchentry', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER registry_searchentry_fts_insert AFTER INSERT ON registry_searchentry BEGIN "
    "INSERT INTO registry_search_fts(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER registry_searchentry_fts_delete AFTER DELETE ON registry_searchentry BEGIN "
    "INSERT INTO registry_search_fts(registry_search_fts, rowid, words) VALUES ('delete', old.id, old.words); END",
    "CREATE TRIGGER registry_searchentry_fts_update AFTER UPDATE ON registry_searchentry BEGIN "
    "INSERT INTO registry_search_fts(registry_search_fts, rowid, words) VALUES ('delete', old.id, old.words); "
    "INSERT INTO registry_search_fts(rowid, words) VALUES (new.id, new.words); END",
]
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX registry_searchentry_words_trgm ON registry_searchentry USING gin (words gin_trgm_ops)",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in SQLITE if vendor == "sqlite" else POSTGRESQL if vendor == "postgresql" else []:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("registry", "0009_search_entries")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
