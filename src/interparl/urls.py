"""Languages are in the portal's URLs (/en/…, /ru/…); the API and the downloads are language-neutral."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from interparl.portal import views as portal
from interparl.portal.sitemaps import SITEMAPS

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", portal.robots, name="robots"),
    path("favicon.ico", portal.favicon, name="favicon"),
    path("", include("interparl.api.urls")),
    path("", include("interparl.downloads.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("interparl.portal.urls")),
    prefix_default_language=True,
)

handler404 = portal.not_found
