from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from interparl.registry import models, selectors


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return ["portal:home", "portal:assemblies", "portal:chairmanship", "portal:events", "portal:news"]

    def location(self, item):
        return reverse(item)


class RecordsSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        Kind = models.Organization.Classification
        default = selectors.default_assembly()
        members = models.Participation.objects.filter(country__isnull=False, organization__classification=Kind.ASSEMBLY)
        pairs = sorted(set(members.values_list("organization__slug", "country__iso3")))
        return (
            [
                ("portal:member", (code.lower(),))
                if default and slug == default.slug
                else ("portal:assembly-member", (slug, code.lower()))
                for slug, code in pairs
            ]
            + [
                ("portal:assembly", (slug,))
                for slug in models.Organization.objects.filter(classification=Kind.ASSEMBLY).values_list(
                    "slug", flat=True
                )
                if not (default and slug == default.slug)
            ]
            + [("portal:person", (slug,)) for slug in models.Person.objects.values_list("slug", flat=True)]
            + [("portal:event", (slug,)) for slug in models.Event.objects.values_list("slug", flat=True)]
            + [("portal:news-item", (slug,)) for slug in models.NewsItem.objects.values_list("slug", flat=True)]
        )

    def location(self, item):
        name, args = item
        return reverse(name, args=args)


SITEMAPS = {"pages": PagesSitemap, "records": RecordsSitemap}
