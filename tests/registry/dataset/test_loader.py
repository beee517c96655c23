import textwrap

import pytest
from django.conf import settings

from interparl.registry import models
from interparl.registry.dataset.loader import load_dataset
from interparl.registry.dataset.yaml_lines import DatasetError
from tests.factories import snapshot

pytestmark = pytest.mark.django_db


def write(tmp_path, text, name="data.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_loading_the_built_in_dataset_again_changes_nothing():
    before = snapshot()
    report = load_dataset(settings.BUILTIN_DATASET)
    assert report.total("added") == 0 and report.total("changed") == 0
    assert report.total("unchanged") > 100
    assert snapshot() == before


def test_a_changed_value_is_updated_with_its_reason_in_the_history(tmp_path):
    path = write(
        tmp_path,
        """
        format: interparl-dataset/1
        sources: [{id: new-page, url: "https://example.org/kyrgyzstan"}]
        quotas:
          - id: kgz-delegation-kgz-jogorku-kenesh-pacsto-other-en
            delegation: kgz-delegation
            chamber: kgz-jogorku-kenesh
            seats: 7
            in_force: false
            source: new-page
        """,
    )
    report = load_dataset(path, reason="Kyrgyz page re-read")
    assert report.counts["quotas"]["changed"] == 1 and report.counts["sources"]["added"] == 1
    quota = models.SeatQuota.objects.get(slug="kgz-delegation-kgz-jogorku-kenesh-pacsto-other-en")
    assert quota.source.slug == "new-page"
    latest, previous = quota.history.all()[:2]
    assert latest.history_change_reason == "Kyrgyz page re-read"
    assert [change.field for change in latest.diff_against(previous).changes] == ["source"]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("format: interparl-dataset/1\npeople:\n  - id: x\n    name: {en: X\n", r"data\.yaml:\d+: not valid YAML"),
        (
            "format: interparl-dataset/1\npeople:\n  - id: x\n    name: {en: X}\n    nmae: oops\n",
            r"data\.yaml:5: people\[0\]\.nmae: unknown key",
        ),
        (
            "format: interparl-dataset/1\nmemberships:\n  - person: nobody\n    organization: csto-pa\n",
            r"data\.yaml:3: memberships\[0\]\.person: unknown person 'nobody'",
        ),
        (
            "format: interparl-dataset/1\nchairmanships:\n  - {organization: csto, country: TJK, start: 2026-13}\n",
            r"data\.yaml:3: chairmanships\[0\]\.start: .*no month 13",
        ),
        ("format: interparl-dataset/2\n", r"data\.yaml:1: format: .*interparl-dataset/1"),
        (
            "format: interparl-dataset/1\npeople:\n  - id: a\n    name: {en: A}\n    id: b\n",
            r"data\.yaml:5: people\[0\]\.id: duplicate key",
        ),
    ],
)
def test_a_broken_file_is_rejected_with_file_line_and_reason_and_changes_nothing(tmp_path, body, expected):
    path = write(tmp_path, body)
    before = snapshot()
    with pytest.raises(DatasetError) as error:
        load_dataset(path)
    assert any(__import__("re").search(expected, problem) for problem in error.value.problems), error.value.problems
    assert snapshot() == before


def test_a_file_that_would_break_a_rule_writes_nothing_at_all(tmp_path):
    path = write(
        tmp_path,
        """
        format: interparl-dataset/1
        default_source: test-notes
        sources: [{id: test-notes, document: test notes}]
        people:
          - {id: new-person, name: {en: New Person, ru: Новый Человек}}
        chairmanships:
          - {organization: csto, country: TJK, start: 2026-06-01}
        """,
    )
    before = snapshot()
    with pytest.raises(DatasetError, match="chairmanship-overlap"):
        load_dataset(path)
    assert snapshot() == before
    assert not models.Person.objects.filter(slug="new-person").exists()
    assert not models.Source.objects.filter(slug="test-notes").exists()


def test_missing_file_is_reported():
    with pytest.raises(DatasetError, match="no such file"):
        load_dataset("/nonexistent/dataset.yaml")


def test_references_resolve_when_only_a_few_ids_are_remembered(tmp_path, monkeypatch):
    """An import looks its references up a batch at a time and remembers a bounded number of them: with room for
    two, a file referring to many people and organisations still resolves every reference to the right record."""
    import yaml

    from interparl.registry.dataset.loader import Keys

    monkeypatch.setattr(Keys, "LIMIT", 2)
    delegation = {i: "blr-delegation" if i % 2 else "kaz-delegation" for i in range(6)}
    dataset = {
        "format": "interparl-dataset/1",
        "people": [{"id": f"bounded-{i}", "name": {"en": f"Bounded {i}"}} for i in range(6)],
        "memberships": [
            {"person": f"bounded-{i}", "organization": delegation[i], "role": "member", "start": f"2030-01-0{i + 1}"}
            for i in range(6)
        ],
    }
    path = tmp_path / "bounded.yaml"
    path.write_text(yaml.safe_dump(dataset, allow_unicode=True), encoding="utf-8")
    report = load_dataset(path)
    assert report.total("added") == 12
    stored = models.Membership.objects.filter(person__slug__startswith="bounded-")
    assert sorted(stored.values_list("person__slug", "organization__slug")) == [
        (f"bounded-{i}", delegation[i]) for i in range(6)
    ]
