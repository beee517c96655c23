"""People, their memberships (seats and posts, over time) and the seat quotas the memberships fill."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..roles import SEAT_ROLES, Role
from .base import Dated, Sourced
from .organizations import Organization, Post


class Person(Sourced):
    """Popolo Person. ``name`` is the name as the sources print it; parts are kept apart."""

    slug = models.SlugField(max_length=120, unique=True, help_text="Stable public id, e.g. 'viktor-kogut'.")
    name = models.CharField(max_length=300, help_text="The name as printed (given name first).")
    given_name = models.CharField(max_length=120, blank=True)
    family_name = models.CharField(max_length=120, blank=True)
    patronymic_name = models.CharField(max_length=120, blank=True, help_text="Patronymic, where the person has one.")
    gender = models.CharField(max_length=20, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True, help_text="A line of our own about the person.")
    other_names = models.JSONField(
        default=list, blank=True, help_text='Spellings and transliterations: [{"name", "lang", "note"}].'
    )
    identifiers = models.JSONField(
        default=list, blank=True, help_text='[{"scheme": "wikidata", "identifier": "Q..."}].'
    )

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name or self.slug


class Membership(Sourced, Dated):
    """Popolo Membership: a person in an organisation, possibly in a post, for a chamber, over a period."""

    start_known_from_source = True  # see DatedQuerySet.current

    class Status(models.TextChoices):
        FULL = "full", _("full member")
        SUBSTITUTE = "substitute", _("substitute")

    slug = models.SlugField(max_length=200, unique=True)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    # No index of its own: the as-of index (Meta.indexes) begins with it and serves every lookup by organisation.
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="memberships", db_index=False)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        max_length=40, choices=Role.choices, default=Role.MEMBER, help_text="The role (a post's, or member)."
    )
    label = models.CharField(max_length=300, blank=True, help_text="The role as the source words it.")
    on_behalf_of = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="represented_by",
        help_text="The chamber the person sits for (Popolo on_behalf_of). Empty: not stated.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.FULL)

    class Meta:
        ordering = ["organization__slug", "person__slug", "start_date"]
        constraints = Dated.Meta.constraints
        # The as-of questions: who sits in this organisation on that day.
        indexes = [models.Index(fields=["organization", "start_date", "end_date"], name="membership_as_of")]

    def __str__(self) -> str:
        return f"{self.person} — {self.post or self.get_role_display()} ({self.organization})"

    @property
    def holds_seat(self) -> bool:
        return self.role in SEAT_ROLES


class SeatQuota(Sourced, Dated):
    """How many seats a delegation has for one chamber, according to one source.

    Sources disagree; every version is kept. Exactly one version per delegation and chamber is in force
    at a time; the others are recorded alternatives.
    """

    start_known_from_source = True  # see DatedQuerySet.current

    slug = models.SlugField(max_length=200, unique=True)
    delegation = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="quotas")
    chamber = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="quotas_for",
        help_text="The chamber, or the parliament itself when it is unicameral.",
    )
    seats = models.PositiveSmallIntegerField(help_text="Full seats.")
    substitute_seats = models.PositiveSmallIntegerField(default=0, help_text="Substitute seats.")
    in_force = models.BooleanField(
        default=True, help_text="The version the registry applies; False for a recorded disagreeing version."
    )

    class Meta:
        ordering = ["delegation__slug", "chamber__slug", "-in_force"]
        constraints = Dated.Meta.constraints
        indexes = [models.Index(fields=["delegation", "start_date", "end_date"], name="seatquota_as_of")]

    def __str__(self) -> str:
        return f"{self.delegation}: {self.seats} ({self.chamber})"
