"""Editors read a page into a proposal from the admin (paste, preview, propose); reviewers approve all or part of
it, or reject it with a reason. What is approved is exactly what was stored and shown."""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from interparl.changes import review
from interparl.changes.models import Proposal
from interparl.errors import DatasetError
from interparl.registry import models as registry
from interparl.registry.validators import validate_web_url

from .applying import prepare, propose_plan
from .plans import SIGNS


class IngestForm(forms.Form):
    assembly = forms.ModelChoiceField(
        queryset=registry.Organization.objects.filter(classification=registry.Organization.Classification.ASSEMBLY),
        to_field_name="slug",
    )
    source_url = forms.URLField(
        required=False, label="Address of the page", assume_scheme="https", validators=[validate_web_url]
    )
    as_of = forms.DateField(initial=dt.date.today, help_text="The date the text describes (YYYY-MM-DD).")
    language = forms.ChoiceField(choices=[("auto", "detect"), ("en", "English"), ("ru", "Russian")], initial="auto")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16, "cols": 100}), help_text="Text, Markdown or HTML.")


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created", "assembly", "as_of", "status", "proposed_by", "reviewed_by")
    list_filter = ("status", "assembly")

    def add_view(self, request, form_url="", extra_context=None):
        """Paste and preview (the "add" permission); "Propose" stores the change for review."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(
            request.POST or None,
            initial={
                "assembly": registry.Organization.objects.filter(
                    classification=registry.Organization.Classification.ASSEMBLY
                )
                .order_by("slug")
                .first()
            },
        )
        plan = None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            url = data["source_url"] or None
            try:
                _text, plan = prepare(data["text"], data["assembly"], data["as_of"], url=url, language=data["language"])
            except DatasetError as exc:
                messages.error(request, "; ".join(exc.problems))
            else:
                if "propose" in request.POST and plan.pending:
                    proposal = propose_plan(plan, data["text"], url=url, user=request.user)
                    messages.success(request, f"Proposal #{proposal.pk} stored with {len(plan.pending)} change(s).")
                    return redirect(reverse("admin:changes_proposal_change", args=[proposal.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Read a page into a proposal",
            "form": form,
            "changes": [c.to_dict() for c in plan.changes] if plan else None,
            "pending": len(plan.pending) if plan else 0,
            "signs": SIGNS,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/ingestion/ingest.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review page: the stored changes, approve all or the ones ticked, or reject with a reason."""
        proposal = get_object_or_404(Proposal, pk=object_id)
        if not self.has_view_permission(request, proposal):
            raise PermissionDenied
        if request.method == "POST":
            if not request.user.has_perm("changes.approve_proposal"):
                raise PermissionDenied
            try:
                if "reject" in request.POST:
                    review.reject(proposal, request.user, request.POST.get("reason", ""))
                    messages.success(request, f"Proposal #{proposal.pk} rejected.")
                else:
                    only = None
                    if "approve_selected" in request.POST:
                        only = [int(n) for n in request.POST.getlist("change") if n.isdigit()]
                    written = review.approve(proposal, request.user, only)
                    messages.success(request, f"Proposal #{proposal.pk} approved: change set #{written.pk} written.")
                return redirect(reverse("admin:changes_proposal_changelist"))
            except DatasetError as exc:
                messages.error(request, "; ".join(exc.problems))
        rows = [{"number": n, "sign": SIGNS.get(c["action"], ""), **c} for n, c in enumerate(proposal.changes, start=1)]
        context = {
            **self.admin_site.each_context(request),
            "title": str(proposal),
            "proposal": proposal,
            "rows": rows,
            "may_review": request.user.has_perm("changes.approve_proposal") and proposal.status == Proposal.Status.OPEN,
            "refusal": review.may_approve(request.user, proposal),
            "opts": self.model._meta,
            "original": proposal,
        }
        return TemplateResponse(request, "admin/ingestion/review.html", context)
