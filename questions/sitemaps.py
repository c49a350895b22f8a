"""sitemap.xml's Hỏi đáp entries: the page and each published question."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Question


class QuestionIndexSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["questions:index"]

    def location(self, item):
        return reverse(item)


class QuestionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Question.objects.published().only("pk", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at
