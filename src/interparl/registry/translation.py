"""Which fields exist in Russian and English, and the change history of every registry model.

History is registered here, after translation, so the historical tables carry the ``_en``/``_ru``
columns too (registering it as a model field would miss them).
"""

import simple_history
from django.db import models as dj_models
from modeltranslation.translator import TranslationOptions, register

from . import models


# Every human-readable text a page shows exists in both languages: editorial notes on facts, and the titles of
# sources and their notes.
@register(models.Source)
class SourceTranslation(TranslationOptions):
    fields = ("document", "publisher", "note")


@register(models.Link)
class LinkTranslation(TranslationOptions):
    fields = ("note",)


@register(models.Membership)
class MembershipTranslation(TranslationOptions):
    fields = ("note",)


@register(models.SeatQuota)
class SeatQuotaTranslation(TranslationOptions):
    fields = ("note",)


@register(models.Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("note",)


@register(models.Chairmanship)
class ChairmanshipTranslation(TranslationOptions):
    fields = ("note",)


@register(models.Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "official_name")


@register(models.Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "abbreviation", "description", "seat", "note")


@register(models.Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "given_name", "family_name", "patronymic_name", "summary", "note")


@register(models.Post)
class PostTranslation(TranslationOptions):
    fields = ("label", "note")


@register(models.RotationRule)
class RotationRuleTranslation(TranslationOptions):
    fields = ("description", "note")


@register(models.Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "place", "note")


@register(models.NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "body", "note")


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


for model in HISTORY_MODELS:
    simple_history.register(model, bases=[ChangeSetTagged])
