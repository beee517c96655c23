"""Reviewers undo change sets and merge person records from the admin; both ask for a reason."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from interparl.errors import DatasetError

from .models import ChangeSet, WatchedPage
from .services import merge_people, revert_changeset


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=200, help_text="Why: shown in the public change log.")


class MergeForm(ReasonForm):
    keep = forms.SlugField(label="Keep (public id)", help_text="The record that stays, e.g. viktor-kogut.")
    other = forms.SlugField(label="Merge into it (public id)", help_text="The record that goes; its address redirects.")


@admin.register(ChangeSet)
class ChangeSetAdmin(admin.ModelAdmin):
    list_display = ("pk", "created", "kind", "reason", "user")
    list_filter = ("kind",)
    readonly_fields = ("kind", "reason", "user", "created", "source_slug", "reverts", "reverted_change", "details")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("<int:pk>/revert/", self.admin_site.admin_view(self.revert_view), name="changes_changeset_revert"),
            path("merge/", self.admin_site.admin_view(self.merge_view), name="changes_changeset_merge"),
            *super().get_urls(),
        ]

    def _form_page(self, request, title, form, action):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "action": action,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/changes/reason_form.html", context)

    def revert_view(self, request, pk):
        if not request.user.has_perm("changes.revert_change"):
            raise PermissionDenied
        changeset = get_object_or_404(ChangeSet, pk=pk)
        form = ReasonForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                made = revert_changeset(changeset.pk, form.cleaned_data["reason"], request.user)
            except DatasetError as exc:
                messages.error(request, "; ".join(exc.problems))
            else:
                messages.success(request, f"Change set #{changeset.pk} reverted by #{made.pk}.")
                return redirect(reverse("admin:changes_changeset_changelist"))
        return self._form_page(request, f"Revert {changeset}", form, "Revert")

    def merge_view(self, request):
        if not request.user.has_perm("changes.merge_person"):
            raise PermissionDenied
        form = MergeForm(request.POST or None, initial=request.GET)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                made = merge_people(data["keep"], data["other"], data["reason"], request.user)
            except DatasetError as exc:
                messages.error(request, "; ".join(exc.problems))
            else:
                messages.success(request, f"Merged {data['other']} into {data['keep']} (change set #{made.pk}).")
                return redirect(reverse("admin:changes_changeset_changelist"))
        return self._form_page(request, "Merge two person records", form, "Merge")


@admin.register(WatchedPage)
class WatchedPageAdmin(admin.ModelAdmin):
    list_display = ("url", "assembly", "last_checked", "last_status")
    readonly_fields = ("etag", "last_modified", "text_hash", "last_checked", "last_status", "added", "added_by")
