"""Giới thiệu's public pages: the index of top-level pages, and each page at its nested address."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from news.body import interleave
from news.views import kept_page

from .models import MAX_DEPTH, Page


@require_safe
@kept_page
def index(request):
    """The top-level pages in their order, each with the pages right under it."""
    pages = Page.objects.visible_to(request.user)
    children = pages.for_listing().order_by("order", "title", "pk")
    top = pages.top_level().for_listing().prefetch_related(Prefetch("children", queryset=children))
    return render(
        request,
        "pages/index.html",
        {"pages": top, "canonical_url": request.build_absolute_uri(request.path)},
    )


def _found(pages, segments):
    """The page this address names by its last slug (or by a slug it had), or None."""
    page = pages.filter(slug=segments[-1]).first()
    return page if page is not None else pages.moved_from(segments[-1])


@require_safe
@kept_page
def detail(request, path):
    segments = path.split("/")
    if len(segments) > MAX_DEPTH:
        raise Http404("Không tìm thấy trang.")
    pages = Page.objects.visible_to(request.user)
    page = _found(pages, segments)
    if page is None:
        raise Http404("Không tìm thấy trang.")
    if page.path != path:
        # Moved, or renamed (itself or a page above): the old address leads on, when every part of it
        # is a slug some page has or had. Made-up parts are no address of ours.
        if Page.objects.known_slugs(segments) != set(segments):
            raise Http404("Không tìm thấy trang.")
        return redirect(page, permanent=True)
    ancestors = sorted(pages.for_listing().filter(slug__in=page.ancestor_slugs()), key=lambda p: p.depth)
    photos = list(page.photos.all())
    items = interleave(page.safe_body(), photos)
    return render(
        request,
        "pages/page.html",
        {
            "page": page,
            "ancestors": ancestors,
            "items": items,
            "photos": photos,
            "lead_photo": next((item for kind, item in items if kind == "photo"), None),
            "people": page.people.all(),
            "children": page.children.visible_to(request.user).for_listing(),
            # Staff reading a page not yet public (or under one that is not).
            "preview": not page.is_public or any(not a.is_public for a in ancestors),
            "canonical_url": request.build_absolute_uri(page.get_absolute_url()),
            "share_image": request.build_absolute_uri(photos[0].image.url) if photos else "",
        },
    )
