"""What every response of the site shares: the methods a page answers, a Content-Security-Policy, and a clear
answer while the embedded database is held by an import."""

from __future__ import annotations

import re

from django.db import OperationalError
from django.http import HttpResponse, JsonResponse

OPEN_DATA_PATHS = ("/api/", "/export/")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Only the admin and the language switch take form posts; everything else is read-only.
POSTABLE = re.compile(r"^/(?:[a-z]{2}/)?admin/|^/i18n/setlang/")

# Scripts only from the site itself, never inline: a stored address or name that slipped past validation cannot
# run script. Inline style attributes are allowed (the seat chart's legend colours; they cannot run script).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def _error(request, status: int, message: str, **headers) -> HttpResponse:
    if request.path.startswith(OPEN_DATA_PATHS):
        response = JsonResponse({"detail": message, "errors": []}, status=status)
    else:
        response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = SAFE_METHODS | ({"POST"} if POSTABLE.match(request.path) else set())
        if request.method not in allowed:
            response = _error(request, 405, f"{request.method} is not served here", Allow=", ".join(sorted(allowed)))
        else:
            response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

    def process_exception(self, request, exception):
        """SQLite lets one writer in at a time: while a long import holds the registry, a request that needs to
        write (an editor's save) is told so, instead of a server error."""
        if isinstance(exception, OperationalError) and "locked" in str(exception):
            return _error(
                request,
                503,
                "The registry is being written by an import; try again in a minute.",
                Retry_After="60",
            )
        return None
