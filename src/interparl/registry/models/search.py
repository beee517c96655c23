"""What search reads: every searchable record's name forms, folded once into Latin words and stored, so a search is
a database query (SQLite FTS5 with trigrams, PostgreSQL pg_trgm), not an index held in each process's memory."""

from django.db import models


class SearchEntry(models.Model):
    """One searchable record: its folded words (``words``, for the database's trigram index) and name forms (for
    ranking), kept up to date from the change history by ``interparl.registry.search``."""

    kind = models.CharField(max_length=20, help_text="person, organization, event or news.")
    object_id = models.BigIntegerField(help_text="The record's primary key.")
    key = models.CharField(max_length=200, help_text="The record's public id.")
    label_en = models.CharField(max_length=300, blank=True)
    label_ru = models.CharField(max_length=300, blank=True)
    words = models.TextField(help_text="Every folded word of every name form, separated by spaces.")
    forms = models.JSONField(default=list, help_text="The folded name forms, each a list of words.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_one_per_record")]
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class SearchState(models.Model):
    """How far the stored entries follow the registry: the version they were refreshed at, and per kind the last
    change-history row read."""

    version = models.BigIntegerField(default=-1)
    marks = models.JSONField(
        default=dict,
        help_text="kind → [the last change-history id read, how many history rows there were up to it then].",
    )
    refreshed = models.DateTimeField(null=True, blank=True)
    bulk = models.BooleanField(
        default=False,
        help_text="Set only inside a refresh of many entries, whose FTS5 index (SQLite) is then built once at its end. "
        "Never seen set by another connection.",
    )

    def __str__(self) -> str:
        return f"search index at version {self.version}"
