"""Reading a document of sections: checked once, then each section read from where it begins, a block at a time."""

import json

import pytest

from interparl.registry.dataset import json_sections
from interparl.registry.dataset.yaml_lines import DatasetError

LISTS = {"persons", "memberships"}


def read(path, name, sections):
    return [record for _index, record, _position in json_sections.records(path, sections[name], lambda _p: None)]


@pytest.fixture(params=[7, 1 << 20], ids=["tiny blocks", "one block"])
def block(request, monkeypatch):
    # With blocks of a few bytes, every record, name and number is cut across blocks somewhere.
    monkeypatch.setattr(json_sections, "BLOCK", request.param)
    return request.param


def test_sections_are_found_in_any_order_and_read_on_their_own(tmp_path, block):
    document = {
        "memberships": [{"id": f"m{i}", "seats": 12345 + i, "share": 0.5} for i in range(40)],
        "meta": {"title": "Ассамблея", "nested": {"a": [1, 2]}},
        "persons": [{"id": "p1", "name": "Иван Петров"}, {"id": "p2", "name": 'Jane "Q" Doe'}],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    sections = json_sections.scan(path, LISTS)
    assert {name: s.count for name, s in sections.items()} == {"memberships": 40, "persons": 2}
    assert read(path, "persons", sections) == document["persons"]
    assert read(path, "memberships", sections) == document["memberships"]
    # A section's size is its own bytes: reading it costs those, not the file's.
    assert sum(s.size for s in sections.values()) < path.stat().st_size


def test_a_section_given_twice_is_read_whole(tmp_path, block):
    path = tmp_path / "twice.json"
    path.write_text('{"persons": [{"id": "a"}], "persons": [{"id": "b"}, {"id": "c"}]}')
    sections = json_sections.scan(path, LISTS)
    assert sections["persons"].count == 3
    assert [r["id"] for r in read(path, "persons", sections)] == ["a", "b", "c"]


def test_a_byte_order_mark_and_an_empty_document_are_fine(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"persons": []}')
    assert json_sections.scan(path, LISTS)["persons"].count == 0
    path.write_text(" {} ")
    assert json_sections.scan(path, LISTS) == {}


@pytest.mark.parametrize(
    "document, message",
    [
        ('{"persons": [{"id": 1} {"id": 2}]}', "expected ',' or ']' after an item"),
        ('{"persons": [{"id": NaN}]}', "NaN is not a JSON number"),
        ('{"persons": []} []', "more after the end of the document"),
        ('{"persons": [], "memberships" []}', "expected ':' after a section's name"),
        ('{"persons": [{"id": "x}]}', "Unterminated string"),
    ],
)
def test_what_is_not_json_is_named_with_where_it_is(tmp_path, document, message, block):
    path = tmp_path / "bad.json"
    path.write_text(document)
    with pytest.raises(DatasetError) as excinfo:
        json_sections.scan(path, LISTS)
    (problem,) = excinfo.value.problems
    assert "not valid JSON" in problem and message in problem


def test_text_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"persons": [{"name": "Müller"}]}'.encode("latin-1"))
    with pytest.raises(DatasetError) as excinfo:
        json_sections.scan(path, LISTS)
    assert "not UTF-8 text near byte 24" in excinfo.value.problems[0]


def test_an_escaped_backslash_before_u0000_is_not_a_nul(tmp_path):
    path = tmp_path / "escaped.json"
    path.write_text(json.dumps({"persons": [{"name": "a\\u0000b"}]}))  # the text holds a backslash, not NUL
    assert json_sections.scan(path, LISTS)["persons"].count == 1


def test_a_record_over_the_limit_is_refused_before_it_is_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(json_sections, "BLOCK", 64)
    monkeypatch.setattr(json_sections, "MAX_RECORD_CHARS", 1000)
    path = tmp_path / "big.json"
    path.write_text('{"persons": [{"id": "a"}, {"id": "b", "name": "' + "y" * 100_000 + '"}]}')
    grown = []
    original = json_sections._Window.more

    def more(window):
        grown.append(len(window.text) - window.pos)
        return original(window)

    monkeypatch.setattr(json_sections._Window, "more", more)
    with pytest.raises(DatasetError) as excinfo:
        json_sections.scan(path, LISTS)
    assert "persons[1]: a record holds more than 1,000 characters" in excinfo.value.problems[0]
    assert max(grown) <= 1000 + 64  # the window stopped growing at the limit
