"""RSS of notices: those on the site, the newest first (expired ones stay: a reader may be behind)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import escape

from .models import Notice

FEED_SIZE = 20


class NoticeFeed(Feed):
    def title(self):
        return f"Thông báo – {settings.PORTAL_WARD_PARTY}"

    def link(self):
        return reverse("notices:list")

    def description(self):
        return f"Thông báo mới của {settings.PORTAL_WARD_PARTY}."

    def items(self):
        notices = Notice.objects.on_site().order_by("-valid_from", "-pk")
        return notices.defer("body", "search_text", "search_title")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers decode a description as HTML once more: the teaser is text (a body showing
        # "<img …>" as characters), so it is escaped here first, as news.feeds does for articles.
        return escape(f"{item.validity()}. {item.teaser}".strip())

    def item_pubdate(self, item):
        return max(item.valid_from, item.published_at)

    def item_updateddate(self, item):
        return item.updated_at
