"""sitemap.xml's Giới thiệu part: the index and every public page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page

INDEX = "pages:index"


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return [INDEX, *Page.objects.public().only("path", "updated_at").order_by("path")]

    def location(self, item):
        return reverse(INDEX) if item == INDEX else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == INDEX else item.updated_at
