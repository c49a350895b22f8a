"""sitemap.xml: the current week's page, and each published week's."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Week


class ScheduleSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["schedule:week"]

    def location(self, item):
        return reverse(item)


class WeekSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Week.objects.published().only("monday", "updated_at").order_by("-monday")

    def lastmod(self, week):
        return week.updated_at
