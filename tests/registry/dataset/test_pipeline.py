"""A large Popolo file is read and shaped in a forked process while this one writes: the same registry as reading
it here, the reader's problems raised here, and nothing written when either side stops."""

import json
import multiprocessing.context
import os

import pytest

from interparl.registry import models
from interparl.registry.dataset import pipeline, popolo
from interparl.registry.dataset.popolo import load_popolo
from interparl.registry.dataset.popolo_export import export_popolo
from interparl.registry.dataset.yaml_lines import DatasetError
from tests.registry.dataset.test_popolo import empty_the_registry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not pipeline.available(), reason="processes cannot fork here"),
]


@pytest.fixture
def apart(monkeypatch):
    """Every file is read apart, however small; the readers' process ids are noted as they start."""
    monkeypatch.setattr(popolo, "APART_FROM_BYTES", 0)
    readers = []
    original = multiprocessing.context.ForkProcess.start

    def noted(process):
        original(process)
        readers.append(process.pid)

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", noted)
    return readers


def test_a_file_read_apart_loads_the_same_registry(tmp_path, monkeypatch, apart):
    monkeypatch.setattr(popolo, "CHUNK", 7)  # many messages, each a chunk
    path = tmp_path / "registry.json"
    export_popolo(path)
    empty_the_registry()
    seen = []
    original = popolo.Importer.write

    def noted(self, shaped):
        seen.append(shaped.kind)
        return original(self, shaped)

    monkeypatch.setattr(popolo.Importer, "write", noted)
    report = load_popolo(path)
    assert report.total("rejected") == 0 and seen.count("membership") > 1
    again = tmp_path / "again.json"
    export_popolo(again)
    assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_the_readers_problems_are_raised_here_and_nothing_is_written(tmp_path, apart):
    path = tmp_path / "broken.json"
    people = [{"id": "fine", "name": "Fine"}, {"id": "broken", "name": "X", "confirmed": "perhaps"}]
    path.write_text(json.dumps({"persons": people}))
    with pytest.raises(DatasetError) as excinfo:
        load_popolo(path)
    assert "persons[1].confirmed" in excinfo.value.problems[0]
    assert apart and apart[0] != os.getpid()  # found by the reader, in its own process
    assert not models.Person.objects.filter(slug="fine").exists()


def test_a_writer_that_stops_ends_the_reader(tmp_path, monkeypatch, apart):
    monkeypatch.setattr(popolo, "CHUNK", 1)
    path = tmp_path / "registry.json"
    export_popolo(path)

    def refuse(self, shaped):
        raise DatasetError(["stopped by the test"])

    monkeypatch.setattr(popolo.Importer, "write", refuse)
    with pytest.raises(DatasetError):
        load_popolo(path)
    assert apart  # a reader per reading of the file (a problem met in file order is confirmed in write order)
    for reader in apart:
        with pytest.raises(ProcessLookupError):
            os.kill(reader, 0)  # ended, and waited for
