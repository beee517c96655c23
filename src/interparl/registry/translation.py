"""Which fields exist in Russian and English, and the change history of every registry model.

History is registered here, after translation, so the historical tables carry the ``_en``/``_ru``
columns too (registering it as a model field would miss them).
"""

import simple_history
from django.db import models as dj_models
from modeltranslation.translator import TranslationOptions, translator

from . import descriptions, models

# Every human-readable text a page shows exists in both languages: the fields each record's description marks
# as text, and the editorial note of every fact.
for _description in [*descriptions.every(), descriptions.LINK]:
    translator.register(
        _description.model,
        type(f"{_description.model.__name__}Translation", (TranslationOptions,), {"fields": _description.translated}),
    )


HISTORY_MODELS = (
    models.Source,
    models.Country,
    models.Organization,
    models.Person,
    models.Link,
    models.Post,
    models.Membership,
    models.SeatQuota,
    models.Participation,
    models.Chairmanship,
    models.RotationRule,
    models.Event,
    models.NewsItem,
)


class ChangeSetTagged(dj_models.Model):
    """Every history row names the change set it belongs to (an approved proposal, a merge, a revert, an import),
    so that a whole change can be listed and reverted together. See interparl.changes."""

    changeset = dj_models.BigIntegerField(
        null=True, blank=True, db_index=True, help_text="The change set (interparl.changes.ChangeSet) of this change."
    )

    class Meta:
        abstract = True


# The references the change log lists history by (interparl.changes.log); an index on any other reference in a
# history table would be kept up to date by every write and read by nothing.
HISTORY_LISTED_BY = {"person", "organization", "delegation"}

for model in HISTORY_MODELS:
    unindexed = [f.name for f in model._meta.concrete_fields if f.is_relation and f.name not in HISTORY_LISTED_BY]
    simple_history.register(model, bases=[ChangeSetTagged], no_db_index=unindexed)
