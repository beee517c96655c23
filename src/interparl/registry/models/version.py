"""The registry's version: one row, bumped by the database itself whenever a change is recorded."""

from django.db import models


class RegistryVersion(models.Model):
    """Bumped in the same transaction as every registry write, by database triggers on the change-history tables
    and on the news items' lists of references (migration 0008): no write path can forget it. Every cache of
    computed answers is keyed by ``number``; ``changed`` dates the answers (Last-Modified)."""

    number = models.BigIntegerField(default=0, help_text="Grows with every recorded change.")
    changed = models.DateTimeField(null=True, blank=True, help_text="When the registry last changed (UTC).")
    paused = models.BooleanField(
        default=False,
        help_text="Set only inside an import's transaction, whose rows then bump the version once, at its end "
        "(SQLite's triggers run per row; see versioning.one_bump). Never seen set by another connection.",
    )

    class Meta:
        verbose_name = "registry version"

    def __str__(self) -> str:
        return f"version {self.number}"
