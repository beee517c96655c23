"""Bulk downloads under /export/: the same files the portal and the API link to."""

from django.urls import path

from interparl.changes.feeds import ChangesFeed

from . import views
from .feeds import NewsFeed

app_name = "downloads"

urlpatterns = [
    path("export/popolo.json", views.popolo, name="popolo"),
    path("export/people.csv", views.people_csv, name="people"),
    path("export/memberships.csv", views.memberships_csv, name="memberships"),
    path("export/delegations.csv", views.delegations_csv, name="delegations"),
    path("export/events.ics", views.events_ics, name="events"),
    path("export/news.atom", NewsFeed(), name="news"),
    path("export/changes.atom", ChangesFeed(), name="changes"),
]
