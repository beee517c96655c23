from django.urls import path

from interparl.changes.feeds import ChangesFeed

from . import views
from .feeds import NewsFeed
from .v1 import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("export/popolo.json", views.popolo, name="export-popolo"),
    path("export/people.csv", views.people_csv, name="export-people"),
    path("export/memberships.csv", views.memberships_csv, name="export-memberships"),
    path("export/delegations.csv", views.delegations_csv, name="export-delegations"),
    path("export/events.ics", views.events_ics, name="export-events"),
    path("export/news.atom", NewsFeed(), name="export-news"),
    path("export/changes.atom", ChangesFeed(), name="export-changes"),
]
