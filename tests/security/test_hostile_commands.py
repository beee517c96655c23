"""The command line and the server as a user runs them: one-line refusals, private files, production settings,
and an import that does not lock editors out."""

import os
import re
import sqlite3
import stat
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from tests.servers import INTERPARL, serving

PAGE = (
    "Delegation of the Parliament of the Republic of Tajikistan\n"
    "Plenipotentiary representative of the Parliament of the Republic of Tajikistan in the CSTO PA: Ivan Hostilov\n"
)


def test_ingest_refuses_a_page_with_a_nul_character_in_one_line(cli):
    result = cli("ingest", "-", input="Делегация\x00 Республики")
    assert result.returncode == 2
    assert "contains a NUL character" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_refuses_a_script_address_as_its_source(cli):
    result = cli("ingest", "-", "--source", "javascript:alert(1)//", "--apply", input=PAGE)
    assert result.returncode == 2
    assert "--source: 'javascript:alert(1)//' is not a web address" in result.stderr


def test_a_windows_1251_page_is_read_from_standard_input(tmp_path):
    page = (
        "<meta charset='windows-1251'><p>Полномочный представитель Парламента Республики Таджикистан: Иван Иванов</p>"
    )
    result = subprocess.run(
        [INTERPARL, "extract", "-"],
        input=page.encode("cp1251"),
        capture_output=True,
        env=_env(data=tmp_path),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "Иван Иванов" in result.stdout.decode()


def _env(data: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    if data is not None:
        env["INTERPARL_DATA_DIR"] = str(data)
    return env


def test_the_data_folder_and_its_files_are_private(tmp_path):
    data = tmp_path / "fresh"
    result = subprocess.run([INTERPARL, "check"], env=_env(data=data), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for name in ("interparl.sqlite3", "secret_key"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name


def test_production_settings_pass_the_deployment_check_but_for_the_two_documented_choices(cli):
    result = cli("check", "--deploy", extra_env={"INTERPARL_HTTPS": "1"})
    assert result.returncode == 0, result.stderr
    warnings = set(re.findall(r"\((security\.\w+)\)", result.stdout + result.stderr))
    # HSTS for subdomains and preloading depend on the operator's domain: the README explains both.
    assert warnings <= {"security.W005", "security.W021"}


def test_two_concurrent_ingestions_of_one_page_never_end_in_a_traceback(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("Ivan Hostilov", "Pyotr Concurrentov"))
    data = tmp_path / "registry"
    assert cli("check", data=data).returncode == 0  # a prepared registry of its own
    args = [INTERPARL, "ingest", str(page), "--source", "https://example.org/tjk", "--apply"]
    runs = [
        subprocess.Popen(args, env=_env(data=data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outcomes = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    assert all(code in (0, 2) for code, _ in outcomes), outcomes
    assert any(code == 0 for code, _ in outcomes), outcomes
    assert all("Traceback" not in err for _, err in outcomes), outcomes
    for code, err in outcomes:
        if code == 2:
            assert len(err.strip().splitlines()) == 1 and "since" in err and "proposal" in err


def test_an_editor_can_sign_in_while_an_import_holds_the_database(tmp_path):
    data = tmp_path / "registry"
    env = {**_env(data=data), "DJANGO_SUPERUSER_PASSWORD": "secret-pass-123"}
    assert subprocess.run([INTERPARL, "check"], env=env, capture_output=True, timeout=300).returncode == 0
    created = subprocess.run(
        [INTERPARL, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@example.org"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert created.returncode == 0, created.stderr
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with serving(env) as (base, _server):
        login_page = opener.open(f"{base}/en/admin/login/", timeout=5).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        # An import in progress: another connection holds SQLite's write lock.
        holder = sqlite3.connect(data / "interparl.sqlite3", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            form = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "username": "editor",
                    "password": "secret-pass-123",
                    "next": "/en/admin/",
                }
            ).encode()
            request = urllib.request.Request(f"{base}/en/admin/login/", data=form, headers={"Referer": base})
            started = time.monotonic()
            with opener.open(request, timeout=30) as response:
                assert response.status == 200
                assert response.url.endswith("/en/admin/")  # signed in, and the admin's index was read
                assert "Site administration" in response.read().decode()
            assert time.monotonic() - started < 10
        finally:
            holder.execute("ROLLBACK")
            holder.close()
