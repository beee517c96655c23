"""Proposals: stored as data, approved exactly as shown (all or some), refused cleanly when the registry moved."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from interparl.changes.models import Proposal
from interparl.changes.operations import StaleChange
from interparl.changes.review import ReviewError, approve, reject
from interparl.changes.roles import ADMINISTRATORS, EDITORS, REVIEWERS
from interparl.ingestion.applying import prepare, propose_plan
from interparl.registry import models

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2026, 12, 1)
PAGE = (
    "Plenipotentiary representative of the National Assembly of the Republic of Belarus: Ivan Reviewed.\n"
    "Official website of the House of Representatives of the National Assembly of the Republic of Belarus: "
    "https://house.example.by/"
)


def proposal_for(text=PAGE, user=None) -> Proposal:
    plan = prepare(text, models.Organization.objects.get(slug="csto-pa"), AS_OF, url="https://example.org/by")[1]
    return propose_plan(plan, text, url="https://example.org/by", user=user)


def member_of(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="secret-pass-123")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_proposal_writes_nothing_until_approved():
    proposal = proposal_for()
    assert proposal.status == "open" and proposal.pending_numbers
    assert not models.Person.objects.filter(name_en="Ivan Reviewed").exists()


def test_approval_writes_the_stored_changes_even_if_the_text_changed_since():
    proposal = proposal_for()
    shown = [c["summary"] for c in proposal.changes]
    proposal.text = PAGE.replace("Ivan Reviewed", "Someone Else")  # the page or the paste changed later
    proposal.save()
    approve(proposal)
    assert models.Person.objects.filter(name_en="Ivan Reviewed").exists()
    assert not models.Person.objects.filter(name_en="Someone Else").exists()
    proposal.refresh_from_db()
    assert [c["summary"] for c in proposal.changes] == shown and proposal.status == "applied"


def test_part_of_a_proposal_can_be_approved():
    proposal = proposal_for()
    website = next(n for n, c in enumerate(proposal.changes, 1) if c["kind"] == "website" and c["operations"])
    approve(proposal, only=[website])
    assert models.Link.objects.filter(url="https://house.example.by/").exists()
    assert not models.Person.objects.filter(name_en="Ivan Reviewed").exists()
    proposal.refresh_from_db()
    assert proposal.status == "partly_applied" and proposal.approved == [website]
    with pytest.raises(ReviewError, match="not open for review"):
        approve(proposal)


def test_approval_refuses_cleanly_when_the_registry_changed_underneath():
    proposal = proposal_for()
    ending = next(c for c in proposal.changes if c["action"] == "end")  # the current plenipotentiary's term
    membership = models.Membership.objects.get(slug=ending["operations"][0]["key"])
    membership.note = "edited by someone else meanwhile"
    membership.end_date = dt.date(2026, 6, 30)
    membership.save()
    people = models.Person.objects.count()
    with pytest.raises(StaleChange, match=f"membership '{membership.slug}' changed since this proposal was made"):
        approve(proposal)
    assert models.Person.objects.count() == people
    proposal.refresh_from_db()
    assert proposal.status == "open"


def test_a_rejection_needs_a_reason_and_closes_the_proposal():
    proposal = proposal_for()
    with pytest.raises(ReviewError, match="needs a reason"):
        reject(proposal, reason=" ")
    reject(proposal, reason="the page is a draft")
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.review_reason == "the page is a draft"


def test_roles_an_editor_cannot_approve_a_reviewer_can(django_user_model):
    editor = member_of(django_user_model, "edith", EDITORS)
    reviewer = member_of(django_user_model, "rupert", REVIEWERS)
    proposal = proposal_for(user=editor)
    with pytest.raises(ReviewError, match="edith may not approve"):
        approve(proposal, editor)
    approve(proposal, reviewer)
    assert Proposal.objects.get(pk=proposal.pk).reviewed_by == reviewer


def test_a_reviewer_may_not_approve_their_own_proposal_unless_administrator(django_user_model, settings):
    reviewer = member_of(django_user_model, "rupert", REVIEWERS)
    with pytest.raises(ReviewError, match="their own proposal"):
        approve(proposal_for(user=reviewer), reviewer)
    administrator = member_of(django_user_model, "ada", ADMINISTRATORS)
    approve(proposal_for(user=administrator), administrator)
    assert Proposal.objects.filter(status="applied").count() == 1
    settings.SELF_APPROVAL = True  # configurable: a small secretariat may let reviewers approve their own
    second = proposal_for(
        "Official website of the Parliament of the Republic of Tajikistan: https://tj.example/", reviewer
    )
    approve(second, reviewer)
    assert Proposal.objects.filter(status="applied").count() == 2


def test_the_roles_exist_with_their_permissions():
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    reviewers = set(Group.objects.get(name=REVIEWERS).permissions.values_list("codename", flat=True))
    assert {"add_proposal", "change_person"} <= editors and "approve_proposal" not in editors
    assert {"approve_proposal", "revert_change", "merge_person"} <= reviewers


def test_the_command_line_flow(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    data = tmp_path / "registry"
    proposed = cli("ingest", str(page), "--source", "https://example.org/by", "--propose", data=data)
    assert proposed.returncode == 0 and "Proposal #1" in proposed.stdout
    shown = cli("proposals", "show", "1", data=data)
    assert "Ivan Reviewed" in shown.stdout
    assert cli("proposals", "approve", "1", "--only", "99", data=data).returncode == 2
    rejected = cli("proposals", "reject", "1", data=data)
    assert rejected.returncode == 2 and "needs a reason" in rejected.stderr
    approved = cli("proposals", "approve", "1", data=data)
    assert approved.returncode == 0 and "change set #" in approved.stdout
    listed = cli("proposals", "list", "--format", "json", data=data)
    assert '"status": "applied"' in listed.stdout
