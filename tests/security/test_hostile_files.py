"""Files and standard input from outside: what the registry refuses, and why. Each case names the problem in one
line, and nothing is written."""

import json

import pytest

from interparl.inputs import decode, read_page
from interparl.registry import models
from interparl.registry.dataset import json_sections, popolo
from interparl.registry.dataset.loader import load_dataset
from interparl.registry.dataset.popolo import load_popolo
from interparl.registry.dataset.popolo_export import export_popolo
from interparl.registry.dataset.yaml_lines import DatasetError

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{x}: &{x} [{', '.join([f'*{p}'] * 9)}]" for p, x in zip("abcdefgh", "bcdefghi", strict=True)]
)


def problems(excinfo) -> str:
    return "\n".join(excinfo.value.problems)


# -- dataset files (YAML) -----------------------------------------------------------------------------


def test_yaml_aliases_are_refused_before_they_expand(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS)
    with pytest.raises(DatasetError) as excinfo:
        load_dataset(path)
    assert "aliases (*a) are not allowed" in problems(excinfo)


def test_deeply_nested_yaml_is_refused_without_a_recursion_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("people: " + "[" * 20000 + "]" * 20000)
    with pytest.raises(DatasetError) as excinfo:
        load_dataset(path)
    assert "nested more than 32 levels deep" in problems(excinfo)


def test_a_dataset_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.MAX_DATASET_BYTES = 1000
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * 2000)
    with pytest.raises(DatasetError) as excinfo:
        load_dataset(path)
    assert "larger than" in problems(excinfo) and "INTERPARL_MAX_DATASET_BYTES" in problems(excinfo)


# -- Popolo JSON --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document, message",
    [
        ("[1, 2]", "expected a JSON object with Popolo sections, found a list"),
        ('"persons"', "expected a JSON object with Popolo sections, found a string"),
        ('{"persons": {"id": "x"}}', "persons: expected a list of records, found an object"),
        ('{"persons": ' + "[" * 5000 + "]" * 5000 + "}", "persons[0]: nested more than 24 levels deep"),
        ('{"persons": [{"id": "a\\u0000b", "name": "x"}]}', "persons[0]: contains a NUL character"),
        ("", "the file is empty"),
        ('{"persons": [', "not valid JSON"),
    ],
)
def test_popolo_documents_that_are_not_registry_data_are_refused(tmp_path, document, message):
    path = tmp_path / "hostile.json"
    path.write_text(document)
    with pytest.raises(DatasetError) as excinfo:
        popolo.check_document(path)
    assert message in problems(excinfo)


def test_a_record_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(json_sections, "MAX_RECORD_CHARS", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"persons": [{"id": "x", "name": "y" * 2000}]}))
    with pytest.raises(DatasetError) as excinfo:
        popolo.check_document(path)
    assert "persons[0]: a record holds more than 1,000 characters" in problems(excinfo)


def test_a_folder_is_not_a_popolo_file(tmp_path):
    with pytest.raises(DatasetError) as excinfo:
        load_popolo(tmp_path)
    assert "not a file" in problems(excinfo)


@pytest.mark.django_db
def test_the_same_id_in_two_chunks_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(popolo, "CHUNK", 2)
    people = [{"id": f"someone-{i}", "name": f"Someone {i}"} for i in range(4)]
    people.append({"id": "someone-0", "name": "Someone else"})  # in the third chunk
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({"persons": people}))
    with pytest.raises(DatasetError) as excinfo:
        load_popolo(path)
    assert "persons[4]" in problems(excinfo)  # the section as the file names it
    assert "the id 'someone-0' is used twice" in problems(excinfo)
    assert not models.Person.objects.filter(slug__startswith="someone-").exists()


@pytest.mark.django_db
def test_every_section_is_streamed_in_chunks(tmp_path, monkeypatch):
    """Organisations whose parents come in a later chunk still load: sections other than persons and
    memberships are read in chunks too, with references resolved once all of a section is written."""
    monkeypatch.setattr(popolo, "CHUNK", 3)
    calls = []
    original = popolo.Importer.write

    def counted(self, shaped):
        if shaped.kind == "organization" and not shaped.again:
            calls.append(len(shaped.rows))
        return original(self, shaped)

    monkeypatch.setattr(popolo.Importer, "write", counted)
    path = tmp_path / "registry.json"
    export_popolo(path)
    before = models.Organization.objects.values_list("slug", "parent__slug")
    report = load_popolo(path)
    assert report.total("rejected") == 0
    assert len(calls) > 1 and max(calls) <= 3  # never the whole section at once
    assert set(models.Organization.objects.values_list("slug", "parent__slug")) == set(before)


# -- pages ----------------------------------------------------------------------------------------------


def test_a_windows_1251_page_is_decoded():
    page = "<html><head><meta charset=windows-1251></head><body><p>Делегация Республики Беларусь</p></body></html>"
    assert "Делегация Республики Беларусь" in decode(page.encode("cp1251"), "page.html")


def test_an_undeclared_legacy_cyrillic_page_is_detected():
    text = "Делегация Парламента Республики Таджикистан в Парламентской ассамблее состоит из двенадцати депутатов. " * 5
    assert decode(text.encode("cp1251"), "page.txt").startswith("Делегация Парламента")


def test_a_page_with_a_nul_character_is_refused_on_every_database():
    with pytest.raises(DatasetError) as excinfo:
        decode("Делегация\x00".encode(), "page.html")
    assert "contains a NUL character" in problems(excinfo)


def test_a_page_over_the_size_limit_is_refused(tmp_path, settings):
    settings.MAX_PAGE_BYTES = 100
    path = tmp_path / "page.html"
    path.write_text("x" * 200)
    with pytest.raises(DatasetError) as excinfo:
        read_page(str(path))
    assert "larger than" in problems(excinfo) and "INTERPARL_MAX_PAGE_BYTES" in problems(excinfo)


def test_standard_input_over_the_limit_is_refused_as_a_user_sees_it(cli):
    result = cli("extract", "-", input="Делегация. " * 3_000_000)
    assert result.returncode == 2
    assert "standard input: larger than 20 MiB" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_commands_refuse_hostile_files_in_one_line(cli, tmp_path):
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text(BILLION_LAUGHS)
    deep = tmp_path / "deep.json"
    deep.write_text('{"persons": ' + "[" * 50000 + "]" * 50000 + "}")
    for args in (["load", str(laughs)], ["load", str(deep)], ["load", str(tmp_path), "--format", "popolo"]):
        result = cli(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr, args
