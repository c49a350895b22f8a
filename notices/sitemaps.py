"""sitemap.xml's notices: every notice on the site (in force or in the archive)."""

from django.contrib.sitemaps import Sitemap

from .models import Notice


class NoticeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Notice.objects.on_site().only("slug", "updated_at").order_by("-valid_from", "-pk")

    def lastmod(self, item):
        return item.updated_at
