"""Events (summits, sessions, anniversaries) and news items."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Dated, Sourced
from .organizations import Country, Organization
from .people import Person


class Event(Sourced, Dated):
    """A summit, a session, a meeting, a forum or an anniversary. ``start``/``end`` are its dates."""

    class Kind(models.TextChoices):
        SUMMIT = "summit", _("summit")
        PLENARY = "plenary_session", _("plenary session")
        COUNCIL = "council_meeting", _("council meeting")
        FORUM = "forum", _("forum")
        ANNIVERSARY = "anniversary", _("anniversary")
        FOUNDING = "founding", _("founding")
        CHAIRMANSHIP = "chairmanship", _("chairmanship")
        OTHER = "other", _("other")

    slug = models.SlugField(max_length=160, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    place = models.CharField(max_length=200, blank=True, help_text="City or venue; empty if unknown.")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Ordinal of a plenary session."
    )
    organizer = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="events")

    class Meta:
        ordering = ["start_date", "slug"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return self.title or self.slug


class NewsItem(Sourced):
    """A news article, linked to what it concerns."""

    slug = models.SlugField(max_length=160, unique=True)
    date = models.DateField()
    language = models.CharField(max_length=8, default="en", help_text="Language the item was written in.")
    title = models.CharField(max_length=300)
    body = models.TextField()
    countries = models.ManyToManyField(Country, blank=True, related_name="news")
    people = models.ManyToManyField(Person, blank=True, related_name="news")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="news")
    events = models.ManyToManyField(Event, blank=True, related_name="news")

    class Meta:
        ordering = ["-date", "slug"]
        verbose_name = "news item"

    def __str__(self) -> str:
        return self.title or self.slug
