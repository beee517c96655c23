"""Watched pages: fetch each page an editor registered (politely: conditional GET, a timeout, a size limit,
http/https only), and when what it states changed, store a proposal with the difference for review."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from interparl.errors import DatasetError
from interparl.inputs import decode
from interparl.registry import models as registry
from interparl.registry.validators import web_url_problem

from .models import Proposal, WatchedPage
from .review import propose

TIMEOUT_SECONDS = 20
USER_AGENT = "interparl (registry of inter-parliamentary assemblies; watches pages an editor registered)"


@dataclass
class Outcome:
    page: WatchedPage
    status: str  # new proposal / no new facts / not modified / same text / failed
    detail: str = ""
    proposal: Proposal | None = None


def add(url: str, assembly: str, user=None) -> WatchedPage:
    problem = web_url_problem(url)
    if problem:
        raise DatasetError([problem])
    if not registry.Organization.objects.filter(
        slug=assembly, classification=registry.Organization.Classification.ASSEMBLY
    ).exists():
        raise DatasetError([f"unknown assembly '{assembly}'"])
    page, created = WatchedPage.objects.get_or_create(
        url=url, defaults={"assembly": assembly, "added_by": user if getattr(user, "pk", None) else None}
    )
    if not created:
        raise DatasetError([f"{url} is already watched (for {page.assembly})"])
    return page


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if web_url_problem(newurl):
            raise urllib.error.URLError(f"redirected to a non-web address {newurl[:80]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(page: WatchedPage) -> tuple[int, bytes, dict]:
    """(status, body, headers) of a conditional GET; the body is refused past the page size limit."""
    headers = {"User-Agent": USER_AGENT}
    if page.etag:
        headers["If-None-Match"] = page.etag
    if page.last_modified:
        headers["If-Modified-Since"] = page.last_modified
    opener = urllib.request.build_opener(_WebOnlyRedirects)
    request = urllib.request.Request(page.url, headers=headers)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(settings.MAX_PAGE_BYTES + 1)
            if len(body) > settings.MAX_PAGE_BYTES:
                raise DatasetError([f"larger than the page limit ({settings.MAX_PAGE_BYTES} bytes)"])
            return response.status, body, dict(response.headers)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return 304, b"", dict(exc.headers)
        raise


def _signature(change: dict) -> str:
    return json.dumps(change.get("operations", []), sort_keys=True, ensure_ascii=False)


def run_page(page: WatchedPage, as_of: dt.date | None = None) -> Outcome:
    from interparl.ingestion.applying import prepare  # ingestion reads pages; watching only schedules it

    page.last_checked = timezone.now()
    try:
        status, body, headers = fetch(page)
    except (urllib.error.URLError, OSError, DatasetError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or (exc.problems[0] if isinstance(exc, DatasetError) else exc)
        return _done(page, "failed", f"{reason}"[:250])
    if status == 304:
        return _done(page, "not modified", "the server says the page has not changed")
    try:
        raw = decode(body, page.url)
    except DatasetError as exc:
        return _done(page, "failed", exc.problems[0][:250])
    digest = hashlib.sha256(raw.encode()).hexdigest()
    page.etag = headers.get("ETag", "")[:300]
    page.last_modified = headers.get("Last-Modified", "")[:100]
    if digest == page.text_hash:
        return _done(page, "same text", "the page changed on the server but not in its text")
    page.text_hash = digest
    assembly = registry.Organization.objects.get(slug=page.assembly)
    _text, plan = prepare(raw, assembly, as_of or timezone.localdate(), url=page.url)
    # Facts already waiting in an open proposal from this page are not proposed twice.
    waiting = {
        _signature(change)
        for proposal in page.proposals.filter(status=Proposal.Status.OPEN)
        for change in proposal.changes
        if change.get("operations")
    }
    plan.changes = [c for c in plan.changes if c.operations and _signature(c.to_dict()) not in waiting]
    if not plan.changes:
        return _done(page, "no new facts", "the text changed, but what it states is already known or proposed")
    proposal = propose(plan, raw, url=page.url, document=page.url, watched_page=page)
    return _done(page, "new proposal", f"proposal #{proposal.pk} with {len(plan.changes)} change(s)", proposal)


def _done(page: WatchedPage, status: str, detail: str, proposal: Proposal | None = None) -> Outcome:
    page.last_status = f"{status}: {detail}"[:300]
    page.save()
    return Outcome(page, status, detail, proposal)
