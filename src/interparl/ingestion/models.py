"""A record of every text read into the registry through the admin or the command line."""

from django.conf import settings
from django.db import models


class IngestionRun(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, help_text="Who applied it."
    )
    assembly = models.CharField(max_length=120, help_text="Public id of the assembly the text was read for.")
    source_url = models.CharField(max_length=500, blank=True, help_text="Address of the page, or the file name.")
    as_of = models.DateField(help_text="The date the text describes.")
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField(help_text="The text as pasted or read (before HTML reduction).")
    plan = models.JSONField(default=dict, help_text="The change as planned: each line with its source span.")
    applied = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = "text ingestion"
        # Previewing a change needs "add"; writing it into the registry is a permission of its own.
        permissions = [("apply_ingestionrun", "Can apply a text ingestion to the registry")]

    def __str__(self) -> str:
        return f"{self.source_url or 'pasted text'} ({self.created:%Y-%m-%d %H:%M})" if self.created else "ingestion"
