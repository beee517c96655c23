"""Open-data responses: CORS for any origin, Last-Modified from the registry's change history
(Django's ConditionalGetMiddleware then adds the ETag and answers conditional requests with 304),
and a cache of whole responses that lasts until the registry changes."""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.http import http_date

from interparl.registry.selectors import latest_history

OPEN_PATHS = ("/api/", "/export/")


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PATHS):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since, Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method in ("GET", "HEAD"):
            response = self.cached_response(request)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response

    def cached_response(self, request):
        history = latest_history()
        version = ",".join(str(history_id) for history_id, _ in history)
        # Downloads such as the calendar follow the visitor's language: it is part of the key.
        language = translation.get_language() or ""
        key = "opendata:" + hashlib.sha256(f"{request.get_full_path()}|{language}|{version}".encode()).hexdigest()
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if response.status_code == 200:
            changed = max((date for _, date in history if date), default=None)
            if changed and not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(changed.timestamp())
            if not response.streaming:
                cache.set(key, response, timeout=None)
        return response


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
