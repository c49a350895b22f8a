"""RSS 2.0 feeds: all news, and one per section (chuyên mục)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape

from .models import Article, Category

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    def title(self):
        return f"Tin mới – {settings.PORTAL_WARD_PARTY}"

    def link(self):
        return reverse("news:article_list")

    def description(self):
        return f"Tin tức, sự kiện mới nhất của {settings.PORTAL_WARD_PARTY}."

    def items(self):
        return Article.objects.published().with_teasers().select_related("category")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers take a description as HTML, decoded once more after the XML: the teaser is text
        # (a summary reading "<img …>" shows those characters), so it is escaped as HTML here first.
        return escape(item.get_teaser())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return f"{obj.name} – {settings.PORTAL_WARD_PARTY}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return f"Tin mới chuyên mục {obj.name} của {settings.PORTAL_WARD_PARTY}."

    def items(self, obj):
        return (
            Article.objects.published().in_category(obj).with_teasers().select_related("category")[:FEED_SIZE]
        )
