"""Editors read a page into the registry from the admin: paste the text, see the change, apply it."""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from interparl.errors import DatasetError
from interparl.registry import models as registry
from interparl.registry.validators import validate_web_url

from .applying import IngestError, apply_plan, prepare
from .models import IngestionRun
from .planning import SIGNS


class IngestForm(forms.Form):
    assembly = forms.ModelChoiceField(
        queryset=registry.Organization.objects.filter(classification="assembly"), to_field_name="slug"
    )
    source_url = forms.URLField(
        required=False, label="Address of the page", assume_scheme="https", validators=[validate_web_url]
    )
    as_of = forms.DateField(initial=dt.date.today, help_text="The date the text describes (YYYY-MM-DD).")
    language = forms.ChoiceField(choices=[("auto", "detect"), ("en", "English"), ("ru", "Russian")], initial="auto")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16, "cols": 100}), help_text="Text, Markdown or HTML.")


APPLY_PERMISSION = "ingestion.apply_ingestionrun"


@admin.register(IngestionRun)
class IngestionRunAdmin(admin.ModelAdmin):
    list_display = ("created", "source_url", "assembly", "as_of", "user", "applied")
    readonly_fields = ("created", "user", "assembly", "source_url", "as_of", "language", "text", "plan", "applied")

    def has_change_permission(self, request, obj=None):
        return False  # a record of what was read; the registry itself is edited elsewhere

    def add_view(self, request, form_url="", extra_context=None):
        """Step 1: paste and preview (the "add" permission). Step 2 ("apply"): the same text is planned again
        and written, which takes the separate "apply" permission."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        may_apply = request.user.has_perm(APPLY_PERMISSION)
        if request.method == "POST" and "apply" in request.POST and not may_apply:
            raise PermissionDenied
        form = IngestForm(
            request.POST or None,
            initial={
                "assembly": registry.Organization.objects.filter(classification="assembly").order_by("slug").first()
            },
        )
        plan = None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            url = data["source_url"] or None
            try:
                _text, plan = prepare(data["text"], data["assembly"], data["as_of"], url=url, language=data["language"])
                if "apply" in request.POST:
                    apply_plan(plan, data["text"], url=url, user=request.user)
                    messages.success(request, f"Applied {len(plan.pending)} change(s) with their source.")
                    return redirect("admin:ingestion_ingestionrun_changelist")
            except (IngestError, DatasetError) as exc:
                messages.error(request, "Nothing was written: " + "; ".join(exc.problems))
        context = {
            **self.admin_site.each_context(request),
            "title": "Read a page into the registry",
            "form": form,
            "plan": plan,
            "may_apply": may_apply,
            "signs": SIGNS,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/ingestion/ingest.html", context)
