"""RSS 2.0 of the newest public documents."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.formats import date_format

from ward.identity import current

from .models import Document

FEED_SIZE = 20


class LatestDocumentsFeed(Feed):
    def title(self):
        return f"Văn bản mới – {current().party}"

    def link(self):
        return reverse("documents:list")

    def description(self):
        return f"Văn bản mới của {current().party}."

    def items(self):
        return Document.objects.published().for_listing().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.heading[:200]

    def item_description(self, item):
        return f"{item.issuer.name}, ngày {date_format(item.issued_on, 'd/m/Y')}: {item.summary}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.doc_type.name]
