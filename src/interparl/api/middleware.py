"""Open-data responses (CORS comes from django-cors-headers, see the settings): Last-Modified from the
registry's change history
(Django's ConditionalGetMiddleware then adds the ETag and answers conditional requests with 304),
and a cache of whole responses that lasts until the registry changes.

The cache is bounded: only canonical addresses are cached (parameters the API knows, each once, in a fixed
order), only responses up to ``MAX_CACHED_BYTES``, in the ``responses`` cache whose entry count is capped in
the settings, so its memory is at most entries × ``MAX_CACHED_BYTES`` whatever visitors send."""

import functools
import hashlib
import re

from django.core.cache import caches
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import translation
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from interparl.registry import versioning

OPEN_PATHS = ("/api/", "/export/")
PORTAL_PAGE = re.compile(r"^/(?:en|ru)/(?!admin/)")


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PATHS):
            response = self.get_response(request)
            if PORTAL_PAGE.match(request.path) and request.method in ("GET", "HEAD") and response.status_code == 200:
                # A portal page changes when the registry does (or its code): the registry's last change dates it.
                _date(response, versioning.current())
            return response
        if request.method in ("GET", "HEAD"):
            return self.cached_response(request)
        return self.get_response(request)

    def cached_response(self, request):
        version = versioning.current()
        # Downloads such as the calendar follow the visitor's language: the language of *this* request (from its
        # cookie or Accept-Language; LocaleMiddleware has not run yet) is part of the key.
        language = translation.get_language_from_request(request)
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
            if key and not response.streaming and len(response.content) <= MAX_CACHED_BYTES:
                set_response_etag(response)  # once, not on every answer from the cache
                if gzip:
                    response = COMPRESS.process_response(request, response)
                cache.set(key, response)  # expires as the cache is configured (settings.CACHES)
        return response


def _date(response, version: versioning.Version) -> None:
    if version.changed and not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(version.changed.timestamp())


RESPONSE_CACHE = "responses"
COMPRESS = GZipMiddleware(lambda request: None)
MAX_CACHED_BYTES = 256 * 1024
EXPORT_PARAMETERS = frozenset({"as_of", "assembly"})


@functools.cache
def known_parameters() -> frozenset[str]:
    """Every query parameter some open-data address takes: the API's (from its OpenAPI schema) and the exports'."""
    from .v1 import api

    names = set(EXPORT_PARAMETERS)
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
    return "opendata:" + hashlib.sha256(f"{request.path}?{canonical}|{language}|{version}".encode()).hexdigest()


class RejectNulCharacters:
    """A NUL character in the address or the query is refused up front: PostgreSQL cannot store or compare
    text containing one, and no id or name in the registry has one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in value for value in request.GET.values()):
            message = "the address or a parameter contains a NUL character"
            if request.path.startswith(OPEN_PATHS):
                return JsonResponse({"detail": message, "errors": []}, status=422)
            return HttpResponseBadRequest(message)
        return self.get_response(request)
