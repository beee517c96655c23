"""The Atom feed of news, in the language of the URL it is served under."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

from interparl.registry import models


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return translation.gettext("interparl — news")

    def subtitle(self):
        return translation.gettext("News of the inter-parliamentary assemblies in the registry")

    def link(self):
        return reverse("portal:news")

    def items(self):
        return models.NewsItem.objects.order_by("-date", "slug")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body

    def item_link(self, item):
        return reverse("portal:news-item", args=[item.slug])

    def item_guid(self, item):
        return f"interparl:news:{item.slug}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        import datetime as dt

        return dt.datetime.combine(item.date, dt.time(), tzinfo=dt.UTC)

    def item_categories(self, item):
        return [c.iso3 for c in item.countries.all()]
