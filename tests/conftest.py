import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def fresh_cache():
    """Tests roll back their changes, so change-history ids repeat: no cached response may outlive a test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the built-in dataset (each test's changes are rolled back)."""
    from interparl.registry.dataset.loader import load_dataset

    with django_db_blocker.unblock():
        load_dataset(settings.BUILTIN_DATASET, reason="test setup")
