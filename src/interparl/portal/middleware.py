"""The language a reader last read the portal in is remembered: the site's root then opens in it."""

import re

from django.conf import settings

LANGUAGE_PAGE = re.compile(r"^/(en|ru)/")


class RememberLanguage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = LANGUAGE_PAGE.match(request.path)
        if (
            match
            and request.method == "GET"
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != match.group(1)
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                match.group(1),
                max_age=365 * 24 * 3600,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
