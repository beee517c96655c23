"""Open-data responses: CORS for any origin, and Last-Modified from the registry's change history
(Django's ConditionalGetMiddleware then adds the ETag and answers conditional requests with 304)."""

from django.http import HttpResponse
from django.utils.http import http_date

from interparl.registry.selectors import registry_last_changed

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
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Last-Modified")
        ):
            changed = registry_last_changed()
            if changed:
                response["Last-Modified"] = http_date(changed.timestamp())
        return response
