from django.urls import path

from interparl.downloads import views as downloads
from interparl.downloads.feeds import NewsFeed

from . import history, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("delegations/<slug:country>/", views.member, name="member"),
    path("assemblies/", views.assemblies, name="assemblies"),
    path("assemblies/<slug:assembly>/", views.home, name="assembly"),
    path("assemblies/<slug:assembly>/delegations/<slug:country>/", views.member, name="assembly-member"),
    path("delegations/<slug:country>/history/", history.delegation_history, name="member-history"),
    path("people/<slug:slug>/", views.person, name="person"),
    path("people/<slug:slug>/history/", history.person_history, name="person-history"),
    path("organizations/<slug:slug>/", views.organization, name="organization"),
    path("organizations/<slug:slug>/history/", history.organization_history, name="organization-history"),
    path("changes/", history.changes, name="changes"),
    path("chairmanship/", views.chairmanship, name="chairmanship"),
    path("events/", views.events, name="events"),
    path("events/<slug:slug>/", views.event, name="event"),
    path("events/<slug:slug>.ics", downloads.events_ics, name="event-ics"),
    path("calendar.ics", downloads.events_ics, name="calendar-ics"),
    path("news/", views.news, name="news"),
    path("news/feed.atom", NewsFeed(), name="news-feed"),
    path("news/<slug:slug>/", views.news_item, name="news-item"),
    path("search/", views.search_page, name="search"),
]
