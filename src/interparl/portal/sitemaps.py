from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from interparl.registry import models, selectors

from . import addresses


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
        """Language-neutral items: each is made an address in every language by ``location``."""
        Kind = models.Organization.Classification
        default = selectors.default_assembly()
        assemblies = models.Organization.objects.filter(classification=Kind.ASSEMBLY)
        paths = {a.slug: addresses.path_of(a, default) for a in assemblies}
        members = models.Participation.objects.filter(country__isnull=False, organization__classification=Kind.ASSEMBLY)
        pairs = sorted(set(members.values_list("organization__slug", "country__iso3")))
        person, event, news_item = _page("portal:person"), _page("portal:event"), _page("portal:news-item")
        return (
            [(addresses.member, (paths[slug], code)) for slug, code in pairs]
            + [(addresses.home, (path,)) for path in paths.values() if path is not None]
            + [(person, (slug,)) for slug in models.Person.objects.values_list("slug", flat=True)]
            + [(event, (slug,)) for slug in models.Event.objects.values_list("slug", flat=True)]
            + [(news_item, (slug,)) for slug in models.NewsItem.objects.values_list("slug", flat=True)]
        )

    def location(self, item):
        address, args = item
        return address(*args)


def _page(name: str):
    return lambda *args: reverse(name, args=args)


SITEMAPS = {"pages": PagesSitemap, "records": RecordsSitemap}
