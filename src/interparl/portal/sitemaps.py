from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from interparl.registry import models


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return ["portal:home", "portal:chairmanship", "portal:events", "portal:news"]

    def location(self, item):
        return reverse(item)


class RecordsSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        members = models.Participation.objects.filter(
            country__isnull=False, organization__classification=models.Organization.Classification.ASSEMBLY
        )
        countries = sorted(set(members.values_list("country__iso3", flat=True)))
        return (
            [("portal:member", code.lower()) for code in countries]
            + [("portal:person", slug) for slug in models.Person.objects.values_list("slug", flat=True)]
            + [("portal:event", slug) for slug in models.Event.objects.values_list("slug", flat=True)]
            + [("portal:news-item", slug) for slug in models.NewsItem.objects.values_list("slug", flat=True)]
        )

    def location(self, item):
        name, key = item
        return reverse(name, args=[key])


SITEMAPS = {"pages": PagesSitemap, "records": RecordsSitemap}
