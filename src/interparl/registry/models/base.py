"""What every registry fact shares: the source it came from, and the period it holds for (partial dates)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q

from ..partial_dates import PRECISIONS, PartialDate, Span
from ..validators import validate_web_url, web_url_condition


class Source(models.Model):
    """A document a fact was taken from: a web page, a file, a decision."""

    slug = models.SlugField(max_length=120, unique=True, help_text="Stable public id of the source.")
    url = models.URLField(
        max_length=500,
        blank=True,
        validators=[validate_web_url],
        help_text="Address of the page or document (http/https).",
    )
    document = models.CharField(
        max_length=300, blank=True, help_text="Title of the page, or the file name for an uploaded document."
    )
    publisher = models.CharField(max_length=200, blank=True, help_text="Who published it.")
    language = models.CharField(max_length=8, blank=True, help_text="Language of the source (ISO 639-1).")
    accessed = models.DateField(null=True, blank=True, help_text="The day the source was read.")
    published = models.DateField(null=True, blank=True, help_text="The day the source was published.")
    note = models.TextField(blank=True, help_text="What the source is good for, and its known problems.")

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=web_url_condition("url", blank=True),
                name="registry_source_web_url",
                violation_error_message="A source's address must start with http:// or https://.",
            )
        ]

    def __str__(self) -> str:
        return self.document or self.url or self.slug


class Sourced(models.Model):
    """A fact that names where it came from and how sure we are of it."""

    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where this fact came from.",
    )
    source_quote = models.TextField(
        blank=True, help_text="The span of the source that states the fact (as read, for ingested facts)."
    )
    confirmed = models.BooleanField(
        default=True, help_text="False for facts the sources leave uncertain; shown as unconfirmed."
    )
    note = models.TextField(blank=True, help_text="Editorial remark: caveats, how the fact was derived.")

    class Meta:
        abstract = True


def in_force(model, at: dt.date | None = None) -> Q:
    """The condition for rows of ``model`` in force on ``at`` (default: today).

    A row whose start the sources do not state is, for most records, in force 'since before'. For facts that
    change with every election — memberships and quotas (``start_known_from_source``) — it is known only from
    the day its source was seen: before that day the registry does not assert it. Without a date seen, such
    a fact is known only from today on. One whose end a source states is known on its last day, whenever that
    source was seen: ending it names the later source, which must not unsay the day it ended. See docs/as-of.md."""
    at = at or dt.date.today()
    if getattr(model, "start_known_from_source", False):
        started = (
            Q(start_date__lte=at)
            | Q(start_date__isnull=True, source__accessed__lte=at)
            | Q(start_date__isnull=True, end_date=at)
        )
        if at >= dt.date.today():
            started |= Q(start_date__isnull=True, source__accessed__isnull=True)
    else:
        started = Q(start_date__isnull=True) | Q(start_date__lte=at)
    return started & (Q(end_date__isnull=True) | Q(end_date__gte=at))


class DatedQuerySet(models.QuerySet):
    def current(self, at: dt.date | None = None):
        """Rows in force on ``at`` (default: today); see ``in_force``."""
        return self.filter(in_force(self.model, at))


class Dated(models.Model):
    """A period with partial dates: a start is stored as the first day of its period, an end as the last."""

    start_date = models.DateField(
        null=True, blank=True, help_text="First day (of the year or month, for a partial date). Empty: unknown."
    )
    start_precision = models.CharField(
        max_length=5, choices=PRECISIONS, default="day", help_text="How much of the start date the source gives."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day (for a partial date: last day of the year or month). Empty: ongoing."
    )
    end_precision = models.CharField(
        max_length=5, choices=PRECISIONS, default="day", help_text="How much of the end date the source gives."
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message="The end date is before the start date.",
            )
        ]

    @property
    def start(self) -> PartialDate | None:
        return PartialDate.from_stored(self.start_date, self.start_precision)

    @start.setter
    def start(self, value: PartialDate | None) -> None:
        self.start_date = value.earliest() if value else None
        self.start_precision = value.precision if value else "day"

    @property
    def end(self) -> PartialDate | None:
        return PartialDate.from_stored(self.end_date, self.end_precision)

    @end.setter
    def end(self, value: PartialDate | None) -> None:
        self.end_date = value.latest() if value else None
        self.end_precision = value.precision if value else "day"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)
