"""What the home page takes from notices: the block of current notices and the featured item."""

from django.db.models import Prefetch

from news.models import ArticlePhoto

from .models import FeaturedPin, Notice

HOME_NOTICES = 5


def current_notices():
    """The newest few notices in force (one query)."""
    return list(Notice.objects.current().for_listing()[:HOME_NOTICES])


def featured_item():
    """The article or notice pinned as "Tin nổi bật" now, if residents may read it; else None.

    One query for the pin with its item (an article with its count), and one for an article's photos
    when the item is an article.
    """
    photos = Prefetch("article__photos", queryset=ArticlePhoto.objects.order_by("order", "pk"))
    pin = (
        FeaturedPin.objects.current()
        .select_related("article__category", "article__view_total", "notice")
        .prefetch_related(photos)
        .first()
    )
    return pin.shown_item() if pin is not None else None
