from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from interparl.api.v1 import api
from interparl.portal import views as portal

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", portal.home, name="home"),
    prefix_default_language=True,
)
