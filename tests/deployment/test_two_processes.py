"""The deployment a larger user runs: several server processes on PostgreSQL (one reading through a replica
connection), sharing Redis as their cache. A change written through one process is served by the other on its next
request, though both had cached the answer."""

import http.cookiejar
import json
import os
import re
import subprocess
import urllib.parse
import urllib.request

import pytest
from django.conf import settings

from tests import servers

REDIS_URL = os.environ.get("INTERPARL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
DATABASE = "interparl_two_processes"

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a PostgreSQL deployment: runs in the PostgreSQL pass of `make test`",
)


@pytest.fixture
def deployment(tmp_path):
    """A fresh PostgreSQL database and an empty Redis database for the servers (not the test database)."""
    import psycopg
    import redis

    server = settings.DATABASES["default"]
    admin = f"host={server['HOST'] or '127.0.0.1'} port={server['PORT'] or 5432} user={server['USER']} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    url = f"postgres://{server['USER']}@{server['HOST'] or '127.0.0.1'}:{server['PORT'] or 5432}/{DATABASE}"
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env |= {"DATABASE_URL": url, "REDIS_URL": REDIS_URL, "INTERPARL_DATA_DIR": str(tmp_path)}
    running = []

    def start(replica=False) -> str:
        """A server process; ``replica``: it reads through a replica connection (here: the same database)."""
        base, process = servers.start(env | ({"DATABASE_REPLICA_URL": url} if replica else {}), "--workers", "1")
        running.append(process)
        return base

    def command(*args, extra=None):
        return subprocess.run(
            [servers.INTERPARL, *args], env=env | (extra or {}), capture_output=True, text=True, timeout=120
        )

    yield start, command, cache
    for process in running:
        servers.stop(process)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    cache.flushdb()


def people(base: str) -> set[str]:
    with urllib.request.urlopen(f"{base}/api/v1/people?per_page=500", timeout=10) as response:
        return {person["id"] for person in json.load(response)["results"]}


def signed_in(base: str, username: str, password: str):
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def csrf(path: str) -> str:
        page = browser.open(f"{base}{path}", timeout=10).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

    def post(path: str, form: dict):
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": csrf(path)}).encode()
        return browser.open(f"{base}{path}", data=data, timeout=30)

    post("/en/admin/login/", {"username": username, "password": password, "next": "/en/admin/"})
    return post


def test_a_change_written_through_one_process_is_served_by_the_other(deployment):
    start, command, cache = deployment
    first = start()  # prepares the database: migrations, the built-in dataset
    second = start(replica=True)
    made = command(
        "createsuperuser",
        "--noinput",
        "--username",
        "admin",
        "--email",
        "admin@example.org",
        extra={"DJANGO_SUPERUSER_PASSWORD": "a long test password"},
    )
    assert made.returncode == 0, made.stderr

    before = people(second)
    assert "viktor-kogut" in before and "ivan-new" not in before
    assert people(first) == before
    assert any(b"responses" in key for key in cache.keys("*")), "the answer is in the shared cache"

    post = signed_in(first, "admin", "a long test password")
    response = post(
        "/en/admin/registry/person/add/",
        {
            "slug": "ivan-new",
            "name_en": "Ivan New",
            "name_ru": "Иван Новый",
            "other_names": "[]",
            "identifiers": "[]",
            "confirmed": "on",
            "change_reason": "a test of the deployment",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status == 200 and "/admin/registry/person/" in response.url

    assert "ivan-new" in people(second)  # the other process, on its next request
    with urllib.request.urlopen(f"{second}/api/v1/people/ivan-new", timeout=10) as answer:
        assert json.load(answer)["names"] == {"en": "Ivan New", "ru": "Иван Новый"}
