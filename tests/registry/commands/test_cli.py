"""The `interparl` command as a user runs it: a fresh SQLite file, real processes, exit statuses."""

import json
import os
import re
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


def test_export_then_load_into_an_empty_registry_gives_the_same_document(cli, tmp_path):
    exported = tmp_path / "registry.json"
    assert cli("export", "--format", "popolo", "-o", str(exported)).returncode == 0
    empty = tmp_path / "empty-registry"
    loaded = cli("load", str(exported), data=empty)
    assert loaded.returncode == 0, loaded.stderr
    assert "memberships" in loaded.stdout and "Rejected" in loaded.stdout
    again = cli("export", data=empty)
    assert again.stdout == exported.read_text(encoding="utf-8")


def test_help_lists_the_projects_commands_first_and_django_s_on_request(cli):
    overview = cli("--help")
    assert overview.returncode == 0
    lines = overview.stdout.splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("  ")]
    assert {"composition", "ingest", "proposals", "revert", "merge", "watch", "export", "load"} <= set(listed)
    assert "migrate" not in listed and "help --all" in overview.stdout
    everything = cli("help", "--all")
    assert "migrate" in everything.stdout


def test_every_option_has_a_help_text(cli):
    for command in ("composition", "rotation", "extract", "ingest", "load", "export", "proposals", "watch", "check"):
        options = cli("help", command).stdout.split("options:")[1]
        for entry in re.split(r"\n(?=  -)", options.strip("\n")):
            words = entry.split()
            described = [w for w in words if not w.startswith("-") and not w.isupper() and not w.startswith("{")]
            assert described, f"{command}: an option without a help text: {entry.strip()!r}"


def test_export_to_a_missing_folder_and_into_a_closed_pipe(cli, tmp_path):
    missing = cli("export", "-o", str(tmp_path / "missing" / "x.json"))
    assert missing.returncode == 2 and "cannot be written" in missing.stderr and "Traceback" not in missing.stderr
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["INTERPARL_DATA_DIR"] = str(tmp_path / "pipe")
    piped = subprocess.run(f"'{INTERPARL}' export | head -c 10", shell=True, capture_output=True, text=True, env=env)
    assert piped.stdout.startswith('{"meta"') and "Traceback" not in piped.stderr and "Broken pipe" not in piped.stderr


def test_the_composition_table_has_one_row_per_chamber_and_words_not_codes(cli):
    table = cli("composition", "--as-of", "2026-11-27").stdout
    belarus = [
        line for line in table.splitlines() if "House of Representatives" in line or "Council of the Rep" in line
    ]
    assert any("≠ 6 per" in line for line in belarus if "House of Representatives" in line)  # its own row
    assert any("≠ 3 per" in line for line in belarus if "Council of the Republic" in line)
    assert "participation frozen" in table and "participation_frozen" not in table
    assert "plenipotentiary_representative" not in table and "Since ?" not in table and " ? " not in table


def test_an_unknown_id_names_the_closest_ones(cli):
    result = cli("rotation", "--organization", "cstp")
    assert result.returncode == 2
    assert "did you mean 'csto'" in result.stderr and "known:" not in result.stderr


def test_a_popolo_error_names_the_files_own_section(cli, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"persons": [{"id": "someone", "name": "X", "birth_date": "1970-02-30"}]}')
    result = cli("load", str(path), data=tmp_path / "r")
    assert result.returncode == 2 and "persons[0].birth_date" in result.stderr and "people[0]" not in result.stderr
