import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def fresh_cache():
    """Tests roll back their changes, so change-history ids repeat: no cached response may outlive a test."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread: every test starts in the default language."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the built-in dataset (each test's changes are rolled back)."""
    from interparl.registry.dataset.loader import load_dataset

    with django_db_blocker.unblock():
        load_dataset(settings.BUILTIN_DATASET, reason="test setup")


@pytest.fixture(scope="session")
def cli(tmp_path_factory):
    """Run the `interparl` command as a user would: a real process on its own fresh SQLite file."""
    data_dir = tmp_path_factory.mktemp("interparl-data")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["INTERPARL_DATA_DIR"] = str(data_dir)
    command = str(Path(sys.executable).parent / "interparl")

    def run(*args, input=None, data=None, extra_env=None):
        """``data``: another data folder, for a second, separate registry; ``extra_env``: more settings."""
        environment = env if data is None else {**env, "INTERPARL_DATA_DIR": str(data)}
        environment = {**environment, **(extra_env or {})}
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests' setting, not a user's
        return subprocess.run(
            [command, *args], capture_output=True, text=True, env=environment, timeout=300, input=input
        )

    return run


@pytest.fixture
def tiny(db):
    """A tiny synthetic assembly (tests/factories.py), for tests that must not depend on the built-in dataset."""
    from tests.factories import tiny_assembly

    return tiny_assembly()
