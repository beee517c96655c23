from django.urls import path

from interparl.api import views as downloads
from interparl.api.feeds import NewsFeed

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("delegations/<slug:country>/", views.member, name="member"),
    path("people/<slug:slug>/", views.person, name="person"),
    path("organizations/<slug:slug>/", views.organization, name="organization"),
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
