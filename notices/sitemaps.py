"""sitemap.xml's notices: the list /thong-bao/ and every notice on the site (in force or in the archive)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Notice

LIST = "notices:list"


class NoticeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        notices = Notice.objects.on_site().only("slug", "updated_at").order_by("-valid_from", "-pk")
        return [LIST, *notices]

    def location(self, item):
        return reverse(LIST) if item == LIST else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == LIST else item.updated_at
