import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_models_and_the_migrations_agree():
    """A model change without its migration would pass on a developer's database and fail on a fresh one."""
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exit:
        pytest.fail(f"models changed without a migration (makemigrations exited {exit.code})")
