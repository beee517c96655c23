import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_models_and_the_migrations_agree():
    """A model change without its migration would pass on a developer's database and fail on a fresh one."""
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exit:
        pytest.fail(f"models changed without a migration (makemigrations exited {exit.code})")


def _indexed_columns(table: str) -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {c["columns"][0] for c in constraints.values() if c["index"] and len(c["columns"]) == 1}


@pytest.mark.django_db
def test_history_tables_index_only_what_is_listed_by_and_the_tables_keep_their_triggers():
    """Indexes were dropped by name (0011), not by remaking the tables, which on SQLite would lose their version
    triggers; what the change log lists history by keeps its index."""
    from django.db import connection

    from interparl.registry import versioning

    indexed = _indexed_columns("registry_historicalmembership")
    assert {"id", "slug", "history_date", "person_id", "organization_id", "changeset"} <= indexed
    assert not indexed & {"source_id", "post_id", "on_behalf_of_id"}
    assert "organization_id" not in _indexed_columns("registry_membership")  # the as-of index begins with it
    assert {"registry_historicalmembership", "registry_historicalperson"} <= versioning.triggered_tables(connection)


@pytest.mark.django_db(transaction=True)
def test_the_index_migration_goes_back_and_forth():
    call_command("migrate", "registry", "0010", verbosity=0)
    try:
        assert "source_id" in _indexed_columns("registry_historicalmembership")
        assert "organization_id" in _indexed_columns("registry_membership")
    finally:
        call_command("migrate", "registry", verbosity=0)
    assert "source_id" not in _indexed_columns("registry_historicalmembership")
