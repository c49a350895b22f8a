"""sitemap.xml: the home page, the sections and every published article (nothing else)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from notices.sitemaps import NoticeSitemap

from .models import Article, Category


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["news:article_list"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.all()


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "trang-chu": HomeSitemap,
    "chuyen-muc": CategorySitemap,
    "tin-tuc": ArticleSitemap,
    "thong-bao": NoticeSitemap,
}
