"""A state's standing in an organisation, its chairmanship terms, and the rule that rotates them."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import Dated, Sourced
from .organizations import Country, Organization


class Participation(Sourced, Dated):
    """A state's (or an observer organisation's) standing in an organisation over a period."""

    class Status(models.TextChoices):
        MEMBER = "member", _("member")
        FROZEN = "participation_frozen", _("participation frozen")
        SUSPENDED = "suspended", _("membership suspended")
        WITHDRAWN = "withdrawn", _("withdrawn")
        OBSERVER = "observer", _("observer")
        PARTNER = "partner", _("partner")

    slug = models.SlugField(max_length=200, unique=True)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="participations")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="participations")
    participant = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participates_in",
        help_text="For an observer organisation (e.g. a foreign parliament) instead of a state.",
    )
    status = models.CharField(max_length=24, choices=Status.choices)

    class Meta:
        ordering = ["organization__slug", "country__iso3", "start_date"]
        constraints = [
            *Dated.Meta.constraints,
            models.CheckConstraint(
                condition=Q(country__isnull=False) | Q(participant__isnull=False),
                name="registry_participation_has_participant",
                violation_error_message="A participation names a state or an organisation.",
            ),
        ]
        indexes = [models.Index(fields=["organization", "country", "start_date"], name="participation_as_of")]

    def __str__(self) -> str:
        return f"{self.country or self.participant} in {self.organization}: {self.status}"


class Chairmanship(Sourced, Dated):
    """A state's term chairing an organisation."""

    class Basis(models.TextChoices):
        ROTATION = "rotation", _("rotation")
        TEMPORARY = "temporary", _("temporary")
        DECISION = "decision", _("decision")

    slug = models.SlugField(max_length=200, unique=True)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="chairmanships")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="chairmanships")
    basis = models.CharField(max_length=12, choices=Basis.choices, default=Basis.ROTATION)

    class Meta:
        ordering = ["organization__slug", "start_date"]
        constraints = Dated.Meta.constraints
        indexes = [models.Index(fields=["organization", "start_date", "end_date"], name="chairmanship_as_of")]

    def __str__(self) -> str:
        return f"{self.organization}: {self.country.iso3} {self.span.describe()}"


class RotationRule(Sourced):
    """How an organisation's chairmanship passes from state to state."""

    class OrderMethod(models.TextChoices):
        ALPHABETICAL = "alphabetical", _("alphabetical order of the states' names")
        FIXED = "fixed", _("fixed list")

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="rotation_rule")
    order_method = models.CharField(max_length=12, choices=OrderMethod.choices)
    order_language = models.CharField(
        max_length=8, blank=True, default="ru", help_text="Language whose alphabet orders the names."
    )
    fixed_order = models.JSONField(default=list, blank=True, help_text="ISO alpha-3 codes, for a fixed list.")
    term_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Length of one term, in months.",
    )
    handover_month = models.PositiveSmallIntegerField(default=1, help_text="Month a term begins.")
    handover_day = models.PositiveSmallIntegerField(default=1, help_text="Day of month a term begins.")
    effective_from = models.DateField(null=True, blank=True, help_text="Since when the rule applies.")
    description = models.TextField(blank=True, help_text="The rule in words.")

    def __str__(self) -> str:
        return f"rotation of {self.organization}"

    @property
    def handover(self) -> str:
        """The day a term begins, as "MM-DD" (the form files give it in)."""
        return f"{self.handover_month:02d}-{self.handover_day:02d}"
