"""Editors' admin: both languages side by side, change history with reasons, compare and revert."""

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import models, services


class RuleCheckedForm(forms.ModelForm):
    """Refuses a change that would break a registry rule, with the rule's own message,
    and records the editor's reason in the change history."""

    change_reason = forms.CharField(
        required=False, max_length=100, help_text="Why this change: kept in the record's history."
    )

    def save(self, commit=True):
        self.instance._change_reason = self.cleaned_data.get("change_reason") or "edited in the admin"
        return super().save(commit)

    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            for violation in services.new_violations_if_saved(self.instance):
                self.add_error(None, violation.message)


class HistoryAdmin(SimpleHistoryAdmin):
    form = RuleCheckedForm
    list_per_page = 50


class TranslatedHistoryAdmin(SimpleHistoryAdmin, TranslationAdmin):
    form = RuleCheckedForm
    list_per_page = 50


@admin.register(models.Source)
class SourceAdmin(HistoryAdmin):
    list_display = ("slug", "document", "url", "language", "accessed")
    search_fields = ("slug", "document", "url")


@admin.register(models.Country)
class CountryAdmin(TranslatedHistoryAdmin):
    list_display = ("iso3", "name", "official_name")
    search_fields = ("iso3", "name_en", "name_ru")


class LinkInline(admin.TabularInline):
    model = models.Link
    extra = 0
    fields = ("url", "note", "source")


@admin.register(models.Organization)
class OrganizationAdmin(TranslatedHistoryAdmin):
    list_display = ("slug", "name", "classification", "country", "parent")
    list_filter = ("classification", "country")
    search_fields = ("slug", "name_en", "name_ru", "abbreviation_en", "abbreviation_ru")
    autocomplete_fields = ("parent", "sent_by", "source")
    inlines = [LinkInline]


@admin.register(models.Person)
class PersonAdmin(TranslatedHistoryAdmin):
    list_display = ("slug", "name", "family_name")
    search_fields = ("slug", "name_en", "name_ru", "family_name_en", "family_name_ru")
    autocomplete_fields = ("source",)
    inlines = [LinkInline]


@admin.register(models.Post)
class PostAdmin(TranslatedHistoryAdmin):
    list_display = ("slug", "label", "role", "organization", "max_holders")
    list_filter = ("role",)
    search_fields = ("slug", "label_en", "label_ru")
    autocomplete_fields = ("organization", "source")


@admin.register(models.Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ("person", "organization", "role", "on_behalf_of", "status", "start_date", "end_date", "confirmed")
    list_filter = ("role", "status", "confirmed", "organization__classification")
    search_fields = ("slug", "person__name_en", "person__name_ru", "organization__slug")
    autocomplete_fields = ("person", "organization", "post", "on_behalf_of", "source")


@admin.register(models.SeatQuota)
class SeatQuotaAdmin(HistoryAdmin):
    list_display = (
        "delegation",
        "chamber",
        "seats",
        "substitute_seats",
        "in_force",
        "source",
        "start_date",
        "end_date",
    )
    list_filter = ("in_force", "delegation")
    autocomplete_fields = ("delegation", "chamber", "source")


@admin.register(models.Participation)
class ParticipationAdmin(HistoryAdmin):
    list_display = ("organization", "country", "participant", "status", "start_date", "end_date")
    list_filter = ("status", "organization")
    autocomplete_fields = ("organization", "participant", "source")


@admin.register(models.Chairmanship)
class ChairmanshipAdmin(HistoryAdmin):
    list_display = ("organization", "country", "basis", "start_date", "end_date", "confirmed")
    list_filter = ("organization", "basis")
    autocomplete_fields = ("organization", "source")


@admin.register(models.RotationRule)
class RotationRuleAdmin(TranslatedHistoryAdmin):
    list_display = ("organization", "order_method", "order_language", "term_months")


@admin.register(models.Event)
class EventAdmin(TranslatedHistoryAdmin):
    list_display = ("slug", "title", "kind", "start_date", "place")
    list_filter = ("kind",)
    search_fields = ("slug", "title_en", "title_ru")
    autocomplete_fields = ("organizer", "source")


@admin.register(models.NewsItem)
class NewsItemAdmin(TranslatedHistoryAdmin):
    list_display = ("slug", "title", "date", "language")
    search_fields = ("slug", "title_en", "title_ru")
    filter_horizontal = ("countries", "people", "organizations", "events")
