"""sitemap.xml's entries for Văn bản: the list and every public document."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Document


class DocumentListSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["documents:list"]

    def location(self, item):
        return reverse(item)


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Document.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at
