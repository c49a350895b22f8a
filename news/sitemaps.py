"""sitemap.xml: the home page, Tin tức, the sections, every published article and Liên hệ."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.sitemaps import DocumentListSitemap, DocumentSitemap
from notices.sitemaps import NoticeSitemap
from pages.sitemaps import PageSitemap
from questions.sitemaps import QuestionIndexSitemap, QuestionSitemap
from schedule.sitemaps import ScheduleSitemap, WeekSitemap
from ward.sitemaps import ContactSitemap

from .models import Article, Category


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["news:article_list", "news:all"]

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
    "lien-he": ContactSitemap,
    "hoi-dap": QuestionIndexSitemap,
    "hoi-dap-cau-hoi": QuestionSitemap,
    "gioi-thieu": PageSitemap,
    "thong-bao": NoticeSitemap,
    "van-ban": DocumentListSitemap,
    "van-ban-chi-tiet": DocumentSitemap,
    "lich-cong-tac": ScheduleSitemap,
    "lich-cong-tac-tuan": WeekSitemap,
}
