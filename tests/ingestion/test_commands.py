"""`interparl extract` and `interparl ingest` as a user runs them."""

import json
from pathlib import Path

from tests.ingestion.contract import EXTRACTION_KEYS

TEXTS = Path(__file__).parent / "texts"


def test_extract_json_from_a_file_and_from_standard_input(cli):
    result = cli("extract", str(TEXTS / "delegations_en.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == EXTRACTION_KEYS
    assert [d["country"] for d in data["delegations"]] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    piped = cli("extract", "-", "--lang", "ru", input="С 1 января 2026 года Россия председательствует в ОДКБ.")
    assert json.loads(piped.stdout)["chairmanships"][0]["country"] == "RUS"


def test_extract_text_format_lists_facts_and_unread_sentences(cli):
    result = cli("extract", str(TEXTS / "news_en.txt"), "--format", "text")
    assert result.returncode == 0
    assert "chairmanships" in result.stdout and "Not read:" in result.stdout
    assert "Football fans gathered" in result.stdout


def test_ingest_shows_a_diff_and_writes_only_with_apply(cli):
    text = str(TEXTS / "delegations_ru.txt")
    preview = cli("ingest", text, "--source", "https://example.org/ru", "--as-of", "2026-11-27")
    assert preview.returncode == 0, preview.stderr
    assert "! quota" in preview.stdout and "Nothing written" in preview.stdout
    plan = json.loads(cli("ingest", text, "--source", "https://example.org/ru", "--format", "json").stdout)
    assert plan["summary"]["conflict"] == 3 and plan["applied"] is False
    applied = cli("ingest", text, "--source", "https://example.org/ru", "--apply")
    assert "Applied" in applied.stdout
    again = json.loads(cli("ingest", text, "--source", "https://example.org/ru", "--format", "json", "--apply").stdout)
    assert again["summary"]["add"] == again["summary"]["conflict"] == 0 and again["applied"] is False


def test_ingest_errors_are_one_line(cli):
    missing = cli("ingest", "no-such-page.html")
    assert missing.returncode == 2 and "no-such-page.html: no such file" in missing.stderr
    unknown = cli("ingest", str(TEXTS / "news_en.txt"), "--assembly", "pace")
    assert unknown.returncode == 2 and "unknown assembly 'pace'" in unknown.stderr
