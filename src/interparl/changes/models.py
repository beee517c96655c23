"""Change sets (what was changed together, by whom, why, on whose word), proposals awaiting review, the
addresses of merged records, and the pages editors watch."""

from django.conf import settings
from django.db import models

from interparl.registry.validators import validate_web_url


class ChangeSet(models.Model):
    """Changes written together: an approved proposal, an editor's edit, a load, a merge, a revert. Every history
    row of the registry names its change set, so the change log can show why, and a revert can undo it whole."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", "approved proposal"
        EDIT = "edit", "editor's edit"
        LOAD = "load", "load of a file"
        MERGE = "merge", "merge of two records"
        REVERT = "revert", "revert"

    kind = models.CharField(max_length=20, choices=Kind.choices, help_text="What made the change.")
    reason = models.CharField(max_length=300, help_text="Why: shown in the public change log.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Who (never shown by e-mail).",
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    source_slug = models.CharField(max_length=120, blank=True, help_text="The source the changes rest on, if one.")
    reverts = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reverted_by",
        help_text="The change set this one reverts.",
    )
    reverted_change = models.CharField(
        max_length=80, blank=True, help_text="The single change this one reverts (its change id), if one."
    )
    details = models.JSONField(
        default=dict, blank=True, help_text="What a revert needs beyond the history rows (e.g. news items moved)."
    )

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}: {self.reason}"


class Redirect(models.Model):
    """The public id of a person merged into another: its addresses answer 301 to the kept record."""

    old_slug = models.SlugField(max_length=120, unique=True, help_text="The merged record's public id.")
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="redirects_here")
    changeset = models.ForeignKey(ChangeSet, on_delete=models.CASCADE, help_text="The merge that made it.")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person.slug}"


class Proposal(models.Model):
    """Changes read from a page (pasted, a file, or a watched page), stored as data and waiting for review.
    Approval writes exactly these changes, or the ones a reviewer picks, in one transaction."""

    class Status(models.TextChoices):
        OPEN = "open", "waiting for review"
        APPLIED = "applied", "approved and written"
        PARTLY_APPLIED = "partly_applied", "partly approved and written"
        REJECTED = "rejected", "rejected"

    created = models.DateTimeField(auto_now_add=True, db_index=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who proposed it (empty: the command line or a watched page).",
    )
    assembly = models.CharField(max_length=120, help_text="Public id of the assembly the text was read for.")
    source_slug = models.CharField(max_length=120, help_text="Public id of the source the changes will carry.")
    source_url = models.CharField(max_length=500, blank=True, help_text="Address of the page (http/https), if any.")
    source_document = models.CharField(max_length=300, blank=True, help_text="Title or file name of the source.")
    as_of = models.DateField(help_text="The date the text describes.")
    language = models.CharField(max_length=8, blank=True, help_text="Language the text was read in.")
    text = models.TextField(help_text="The text as read (before HTML reduction).")
    changes = models.JSONField(default=list, help_text="The planned changes, each with its operations and quote.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.CharField(max_length=300, blank=True, help_text="Why it was rejected, or a note.")
    approved = models.JSONField(default=list, help_text="Numbers (from 1) of the changes that were written.")
    changeset = models.ForeignKey(
        ChangeSet, null=True, blank=True, on_delete=models.SET_NULL, help_text="What approval wrote."
    )
    watched_page = models.ForeignKey(
        "WatchedPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )

    class Meta:
        ordering = ["-created", "-pk"]
        permissions = [
            ("approve_proposal", "Can approve or reject a proposal"),
            ("revert_change", "Can revert a change"),
            ("merge_person", "Can merge two person records"),
        ]

    def __str__(self) -> str:
        return f"proposal #{self.pk} from {self.source_url or self.source_document or 'pasted text'}"

    @property
    def pending_numbers(self) -> list[int]:
        return [n for n, change in enumerate(self.changes, start=1) if change.get("operations")]


class WatchedPage(models.Model):
    """A page an editor asked interparl to read again and again; a change in what it states becomes a proposal."""

    url = models.URLField(
        max_length=500, unique=True, validators=[validate_web_url], help_text="The page address (http/https)."
    )
    assembly = models.CharField(max_length=120, help_text="Public id of the assembly the page is about.")
    added = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    etag = models.CharField(max_length=300, blank=True, help_text="The page's ETag at the last fetch.")
    last_modified = models.CharField(max_length=100, blank=True, help_text="Its Last-Modified at the last fetch.")
    text_hash = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the text last read.")
    last_checked = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=300, blank=True, help_text="What the last run found.")

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url
