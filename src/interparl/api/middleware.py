"""Requests the API refuses before any view reads them."""

from django.http import HttpResponseBadRequest, JsonResponse

from interparl.response_cache import OPEN_PATHS


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
