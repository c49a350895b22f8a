"""What the front page shows, each article once.

The page claims articles top down, and a list lower on the page leaves out what is already above it:
the lead story and the next few newest beside it; then each section's newest that are not among
those; then "Xem nhiều nhất", the week's most read of the rest. The lead is the featured pin's item
while one is current, else the newest of the newest few that has a photo (the lead is a picture
story), else the newest. A reader scanning the page never meets the same headline twice, and the
number of queries does not grow with the archive or the sections (tests/test_home.py).
"""

from itertools import groupby
from operator import attrgetter

from django.db.models import prefetch_related_objects

from notices.home import current_notices, featured_item
from notices.models import Notice

from .models import MOST_VIEWED_DAYS, Article, listing_photos

# The lead story and the compact items beside it (on a phone, under it).
NEXT_FEW = 4
PER_SECTION = 4
MOST_VIEWED_SIZE = 5


def chosen():
    """The front page's lead, next_few, sections [(section, articles)] and most_viewed, none repeated."""
    public = Article.objects.published()
    pinned = featured_item()
    newest = list(public.for_listing(photos=False)[: NEXT_FEW + 1])
    # Which articles the top shows is known before their photos: the pin's item and the newest few
    # but one, or, with no pin, the lead among the newest few and the rest of them.
    others = [article for article in newest if article != pinned]
    shown = [article.pk for article in others[: NEXT_FEW if pinned else NEXT_FEW + 1]]
    if isinstance(pinned, Article):
        shown.append(pinned.pk)
    in_sections = list(
        public.exclude(pk__in=shown).newest_per_category(PER_SECTION).for_listing(photos=False)
    )
    # One query for the photos of the newest few and of every section's.
    prefetch_related_objects(newest + in_sections, listing_photos())
    lead = pinned or next((article for article in newest if article.lead_photo), None)
    lead = lead or (newest[0] if newest else None)
    next_few = [article for article in others if article != lead][:NEXT_FEW]
    by_section = groupby(in_sections, attrgetter("category"))
    sections = [(section, list(articles)) for section, articles in by_section]
    shown += [article.pk for article in in_sections]
    most_viewed = public.only("title", "slug", "published_at").most_viewed().exclude(pk__in=shown)
    return {
        "lead": lead,
        "lead_is_notice": isinstance(lead, Notice),
        # A notice pinned as the lead story is not repeated in the block below it.
        "notices": [notice for notice in current_notices() if notice != lead],
        "next_few": next_few,
        "sections": sections,
        "most_viewed": list(most_viewed[:MOST_VIEWED_SIZE]),
        "most_viewed_days": MOST_VIEWED_DAYS,
    }
