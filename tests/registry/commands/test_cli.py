"""The `interparl` command as a user runs it: a fresh SQLite file, real processes, exit statuses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

INTERPARL = str(Path(sys.executable).parent / "interparl")


def test_composition_json_right_after_installation(cli):
    result = cli("composition", "--as-of", "2026-11-27", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    quotas = {d["country"]: "+".join(str(c["seats"]) for c in d["chambers"]) for d in data["delegations"]}
    assert quotas == {"BLR": "7+4", "KAZ": "8+8", "KGZ": "6", "RUS": "10+12", "TJK": "6+6"}
    assert data["seats"] == 67
    assert {d["country"]: d["plenipotentiary"]["name"] for d in data["delegations"]}["KAZ"] == "Viktor Rogalev"
    armenia = next(m for m in data["member_states"] if m["country"] == "ARM")
    assert armenia["standing"]["status"] == "participation_frozen"


def test_composition_from_history(cli):
    data = json.loads(cli("composition", "--as-of", "2015-06-01", "--format", "json").stdout)
    armenia = next(m for m in data["member_states"] if m["country"] == "ARM")
    assert armenia["standing"]["status"] == "member"


def test_composition_table_is_readable(cli):
    result = cli("composition", "--as-of", "2026-11-27")
    assert result.returncode == 0
    assert "Viktor Kogut" in result.stdout and "67 seats" in result.stdout
    assert "≠ 6 per paodkb-delegations-ru" in result.stdout  # a disagreeing source is shown, not hidden


def test_rotation_json(cli):
    data = json.loads(cli("rotation", "--from", "2024", "--years", "5", "--format", "json").stdout)
    terms = [(t["country"], t["start"], t["projected"]) for t in data["terms"]]
    assert terms == [
        ("KAZ", "2024", False),
        ("KGZ", "2025", False),
        ("RUS", "2026-01-01", False),
        ("TJK", "2027-01-01", True),
        ("ARM", "2028-01-01", True),
    ]
    assert "frozen" in data["terms"][4]["assumption"]
    assert all({"country", "start", "end", "projected", "basis", "assumption"} <= t.keys() for t in data["terms"])


def test_check_passes_on_the_built_in_dataset(cli):
    result = cli("check")
    assert result.returncode == 0 and "no violations" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (("composition", "--assembly", "pace"), "unknown assembly 'pace'"),
        (("composition", "--as-of", "2015-02-30"), "'2015-02-30' is not a date"),
        (("rotation", "--years", "many"), "'many' is not a whole number"),
        (("rotation", "--organization", "nato"), "unknown organization 'nato'"),
        (("load", "missing.yaml"), "missing.yaml: no such file"),
        (("no-such-command",), "unknown command 'no-such-command'"),
    ],
)
def test_bad_input_gives_a_one_line_error_and_status_2(cli, args, message):
    result = cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_load_a_broken_file_names_the_line(cli, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("format: interparl-dataset/1\nquotas:\n  - {delegation: blr-delegation, seats: -1}\n")
    result = cli("load", str(path))
    assert result.returncode == 2
    assert "broken.yaml:3: quotas[0].chamber: required key is missing" in result.stderr
    assert "broken.yaml:3: quotas[0].seats:" in result.stderr


def test_serve_answers_from_the_database(tmp_path):
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["INTERPARL_DATA_DIR"] = str(tmp_path)
    server = subprocess.Popen(
        [INTERPARL, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode()
                    assert response.url.endswith("/en/")
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.3)
        assert "Parliamentary Assembly of the Collective Security Treaty Organization" in page
        assert "67" in page and "Viktor Kogut" in page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_export_then_load_into_an_empty_registry_gives_the_same_document(cli, tmp_path):
    exported = tmp_path / "registry.json"
    assert cli("export", "--format", "popolo", "-o", str(exported)).returncode == 0
    empty = tmp_path / "empty-registry"
    loaded = cli("load", str(exported), data=empty)
    assert loaded.returncode == 0, loaded.stderr
    assert "memberships" in loaded.stdout and "Rejected" in loaded.stdout
    again = cli("export", data=empty)
    assert again.stdout == exported.read_text(encoding="utf-8")
