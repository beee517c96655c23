"""Whole answers kept until the registry changes or the day does: the open data (/api/, /export/) and the portal's
pages, which are the same for every visitor. Last-Modified comes from the registry's change history (Django's
ConditionalGetMiddleware then adds the ETag and answers conditional requests with 304).

The cache is bounded: only canonical addresses are cached (parameters the API, the downloads or the portal know,
each once, in a fixed order), only answers up to ``MAX_CACHED_BYTES``, in the ``responses`` cache whose entry count
is capped in the settings, so its memory is at most entries × ``MAX_CACHED_BYTES`` whatever visitors send. An
answer is keyed by the registry's version and by the day: "as of today" (and whether a date is a projection) moves
at midnight without any change to the registry."""

import datetime as dt
import functools
import hashlib
import re

from django.core.cache import caches
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import translation
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from interparl.registry import versioning

OPEN_PATHS = ("/api/", "/export/")
PORTAL_PAGE = re.compile(r"^/(?:en|ru)/(?!admin/)")
RESPONSE_CACHE = "responses"
COMPRESS = GZipMiddleware(lambda request: None)
MAX_CACHED_BYTES = 256 * 1024
EXPORT_PARAMETERS = frozenset({"as_of", "assembly"})
PORTAL_PARAMETERS = frozenset({"as_of", "page", "q", "kind", "person", "organization", "from", "to"})


class ResponseCache:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and (
            request.path.startswith(OPEN_PATHS) or PORTAL_PAGE.match(request.path)
        ):
            return self.cached_response(request)
        return self.get_response(request)

    def cached_response(self, request):
        version = versioning.current()
        # A portal page is in the language its address names; open data follow the visitor's language (its cookie
        # or Accept-Language: LocaleMiddleware has not run yet), which is part of the key.
        language = translation.get_language_from_path(request.path) or translation.get_language_from_request(request)
        # Compressed once, when cached (GZipMiddleware passes an answer that is already), not on every hit.
        gzip = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None
        key = cache_key(request, f"{language}|{'gzip' if gzip else 'identity'}", version.number)
        cache = caches[RESPONSE_CACHE]
        response = cache.get(key) if key else None
        if response is not None:
            return response
        with translation.override(language):
            response = self.get_response(request)
        if response.status_code == 200:
            _date(response, version)
            if key and not response.streaming and len(response.content) <= MAX_CACHED_BYTES and not response.cookies:
                set_response_etag(response)  # once, not on every answer from the cache
                if gzip:
                    response = COMPRESS.process_response(request, response)
                cache.set(key, response)  # expires as the cache is configured (settings.CACHES)
        return response


def _date(response, version: versioning.Version) -> None:
    if version.changed and not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(version.changed.timestamp())


@functools.cache
def known_parameters() -> frozenset[str]:
    """Every query parameter some cached address takes: the API's (from its OpenAPI schema), the downloads' and the
    portal's."""
    from interparl.api.v1 import api

    names = set(EXPORT_PARAMETERS | PORTAL_PARAMETERS)
    for operations in api.get_openapi_schema()["paths"].values():
        for operation in operations.values():
            names.update(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")
    return frozenset(names)


def cache_key(request, language: str, version: int) -> str | None:
    """A key for the canonical form of the address, or None if it is not one (unknown or repeated parameters):
    such requests are answered, but not cached, so made-up parameters cannot fill the cache."""
    parameters = request.GET
    if not set(parameters) <= known_parameters() or any(len(parameters.getlist(n)) > 1 for n in parameters):
        return None
    canonical = "&".join(f"{name}={parameters[name].strip()}" for name in sorted(parameters))
    day = today().isoformat()
    return "answer:" + hashlib.sha256(f"{request.path}?{canonical}|{language}|{version}|{day}".encode()).hexdigest()


def today() -> dt.date:
    return dt.date.today()
