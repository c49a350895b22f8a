"""Public pages. Thin: the questions are asked of querysets, the rules live in news.counting."""

from itertools import groupby
from operator import attrgetter

from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .body import interleave
from .context_processors import ward
from .counting import count_visit, remember_visit
from .models import MOST_VIEWED_DAYS, Article, Category
from .pagination import paginate
from .search import MAX_QUERY_LENGTH, MAX_RESULTS, search_articles
from .text import nfc

# How many of each list the pages show.
SIDEBAR_SIZE = 5
PER_SECTION = 4
RELATED_SIZE = 5


def canonical(request, page=None):
    """This page's address without junk in the query string; ?page=N kept past the first page."""
    suffix = f"?page={page.number}" if page is not None and page.number > 1 else ""
    return request.build_absolute_uri(request.path + suffix)


def sidebar():
    """The sidebar's two lists, one query each, titles and dates only."""
    public = Article.objects.published().only("title", "slug", "published_at")
    return {
        "latest": public[:SIDEBAR_SIZE],
        "most_viewed": public.most_viewed()[:SIDEBAR_SIZE],
        "most_viewed_days": MOST_VIEWED_DAYS,
    }


@require_safe
def article_list(request):
    page = paginate(request, Article.objects.published().for_listing())
    context = {"page": page, "canonical_url": canonical(request, page), **sidebar()}
    if page.number == 1:
        # The front page: the newest article featured, then the rest, then each section's newest few.
        newest = Article.objects.published().newest_per_category(PER_SECTION).for_listing()
        context["sections"] = [
            (section, list(articles)) for section, articles in groupby(newest, key=attrgetter("category"))
        ]
    return render(request, "news/article_list.html", context)


@require_safe
def category(request, slug):
    section = get_object_or_404(Category, slug=slug)
    page = paginate(request, Article.objects.published().in_category(section).for_listing())
    return render(
        request,
        "news/category.html",
        {"category": section, "page": page, "canonical_url": canonical(request, page), **sidebar()},
    )


@require_safe
def article_detail(request, slug):
    # Staff preview drafts and scheduled articles at their public address; everyone else sees
    # only what is published.
    articles = Article.objects.select_related("category").visible_to(request.user)
    try:
        article = articles.get(slug=slug)
    except Article.DoesNotExist:
        # The article may have been renamed since the link was shared: send the reader on.
        moved = articles.moved_from(slug)
        if moved is None:
            raise Http404("Không tìm thấy bài viết.") from None
        return redirect(moved, permanent=True)
    photos = list(article.photos.all())
    seen = count_visit(request, article) if article.is_public else None
    items = interleave(article.body, photos)
    public = Article.objects.published()
    response = render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "photos": photos,
            "items": items,
            # The first photo shown is usually the largest thing a phone paints; the browser should
            # fetch it at once rather than wait for the layout, as it does for lazy images.
            "lead_photo": next((item for kind, item in items if kind == "photo"), None),
            "preview": not article.is_public,
            "canonical_url": request.build_absolute_uri(article.get_absolute_url()),
            "share_image": request.build_absolute_uri(photos[0].image.url) if photos else "",
            "related": public.related_to(article)[:RELATED_SIZE],
            "previous": public.older_than(article).first(),
            "next": public.newer_than(article).first(),
        },
    )
    # Every view must reach us to be counted, so no shared cache may keep this page.
    patch_cache_control(response, private=True, max_age=0)
    if seen:
        remember_visit(request, response, seen)
    return response


@require_safe
def search(request):
    query = nfc(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
    results, words = search_articles(Article.objects.published().for_listing(), query)
    page = paginate(request, results)
    return render(
        request,
        "news/search.html",
        {"query": query, "words": words, "page": page, "capped": page.paginator.count >= MAX_RESULTS},
    )


def server_error(request):
    """The 500 page, rendered from settings alone: the database may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render({"ward": ward()}))
