"""Public pages. Thin: the questions are asked of querysets, the rules live in news.counting."""

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from documents import citations as document_citations
from documents import home as documents_home
from portal.login_throttle import client_ip
from portal.site_search import found_elsewhere
from publishing.models import previews_everything

from . import article_rows, front_page, kept_cards, page_cache, search_index, view_counter
from .body import interleave
from .counting import decide, remember_visit, visit_key
from .models import MOST_VIEWED_DAYS, Article, Category
from .pagination import paginate, requested_number
from .related import beside, related_with_photos
from .search import MAX_QUERY_LENGTH, MAX_RESULTS, query_words
from .text import nfc

# How many of each list the pages show.
SIDEBAR_SIZE = 5
NOT_FOUND_LATEST = 5


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


def list_address(request):
    """Where a list page is kept: its address and the page number it shows (news.page_cache.address)."""
    return page_cache.address(request, request.GET.get("page", ""))


def kept_list_page(request, generation=None, shared=True):
    """A kept list page for this anonymous reader, or None; from this worker's memory only unless shared.

    Kept under the name kept_page gives it, for the pages' generation (read here when not given, and
    only once a page is found). news.middleware.KeptPages asks before the session, user, CSRF and
    message layers, from memory only: an address with no page there costs no round trip at all.
    """
    kept = page_cache.get(list_address(request), shared=shared)
    if kept is None or kept.object_id is not None:
        return None
    if kept.generation != (page_cache.generation() if generation is None else generation):
        return None
    return HttpResponse(kept.body, content_type=kept.content_type)


def kept_page(view):
    """Answer anonymous readers of a list page from the page cache (news.page_cache)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not page_cache.cacheable(request):
            return view(request, *args, **kwargs)
        generation = page_cache.of_request(request)
        kept = kept_list_page(request, generation)
        if kept is not None:
            return kept
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            entry = page_cache.Entry(
                response.content, response["Content-Type"], generation, settings.PORTAL_PAGE_CACHE_SECONDS
            )
            page_cache.put(list_address(request), entry)
        return response

    return wrapper


@require_safe
@kept_page
def article_list(request):
    if requested_number(request) != 1:
        # Past the front page the home address lists the newest articles, as Tin tức does.
        page = paginate(request, Article.objects.published().for_listing())
        context = {"page": page, "canonical_url": canonical(request, page), **sidebar()}
        return render(request, "news/article_list.html", context)
    # The front page (news.front_page): no paginator (its count would be one more query) and no
    # sidebar (its lists are blocks of the page, each article once).
    context = {"canonical_url": canonical(request), **front_page.chosen(), **documents_home.home_block()}
    return render(request, "news/front_page.html", context)


@require_safe
@kept_page
def all_news(request):
    """Tin tức: every published article, newest first, as a section page lists its own."""
    page = paginate(request, Article.objects.published().for_listing())
    return render(
        request, "news/all_news.html", {"page": page, "canonical_url": canonical(request, page), **sidebar()}
    )


@require_safe
@kept_page
def category(request, slug):
    section = get_object_or_404(Category, slug=slug)
    page = paginate(request, Article.objects.published().in_category(section).for_listing())
    return render(
        request,
        "news/category.html",
        {"category": section, "page": page, "canonical_url": canonical(request, page), **sidebar()},
    )


def record_visit(request, article_id, stored_total):
    """Decide whether this visit counts, record it, and return (view_counter.Visit, cookie value)."""
    count, cookie = decide(request, visit_key(Article, article_id))
    visit = view_counter.visit(article_id, stored_total, count, client_ip(request) or "")
    return visit, cookie if visit.counted else None


def answered(request, response, cookie):
    # Every view must reach us to be counted, so no shared cache may keep this page.
    patch_cache_control(response, private=True, max_age=0)
    if cookie:
        remember_visit(request, response, cookie)
    return response


def kept_article(request):
    """The article page from the page cache for an anonymous reader, or None; with the visit recorded.

    Returns (response or None, visit, cookie). One Redis round trip counts the view and returns the live
    count and the generation; when the kept page is of that generation the count is put into it
    (news.page_cache.VIEW_COUNT_MARK) and it is the answer. Otherwise the visit is recorded all the same
    and the caller renders the page afresh with it. news.middleware.KeptPages asks this before
    the session, authentication, CSRF and message layers, which such a reader's kept page never needs.
    """
    kept = page_cache.get(page_cache.address(request))
    if kept is None or kept.object_id is None:
        return None, None, None
    visit, cookie = record_visit(request, kept.object_id, None)
    if page_cache.generation(visit.generation, visit.next_due) != kept.generation:
        return None, visit, cookie
    total = view_counter.stored_count(kept.object_id) if visit.total is None else visit.total
    body = kept.with_count(total)
    return answered(request, HttpResponse(body, content_type=kept.content_type), cookie), visit, cookie


@require_safe
def article_detail(request, slug):
    """The article page: kept for anonymous readers (kept_article), rendered afresh otherwise."""
    keep_as = page_cache.address(request) if page_cache.cacheable(request) else None
    # The middleware has looked in the page cache already, and recorded the visit if it found the page.
    visit, cookie = getattr(request, "kept_visit", (None, None))
    if keep_as and not hasattr(request, "kept_visit"):
        response, visit, cookie = kept_article(request)
        if response is not None:
            return response
    return render_article(request, slug, keep_as, visit, cookie)


def render_article(request, slug, keep_as, visit, cookie):
    """The article page rendered afresh (and kept, for anonymous readers); visit is this request's, if
    the page cache already recorded it."""

    # Staff preview drafts and scheduled articles at their public address; everyone else sees
    # only what is published, read by a statement written once (news.article_rows).
    def articles():
        shown = Article.objects.select_related("category", "view_total").visible_to(request.user)
        return shown.defer(*article_rows.NOT_SHOWN)

    if previews_everything(request.user):
        article = articles().filter(slug=slug).first()
    else:
        article = article_rows.public_article(slug)
    if article is None:
        # The article may have been renamed since the link was shared: send the reader on.
        moved = articles().moved_from(slug)
        if moved is None:
            raise Http404("Không tìm thấy bài viết.")
        return redirect(moved, permanent=True)
    if article.is_public and visit is None:
        visit, cookie = record_visit(request, article.pk, article.view_count)
    keep = keep_as is not None and article.is_public
    if visit is not None:
        # The generation came with the visit's count: what the page's kept parts and the page itself
        # are kept for.
        request.pages_generation = page_cache.generation(visit.generation, visit.next_due)
    # The row was read after this visit was recorded, if it was: on the direct path it is the live count.
    total = visit.total if visit is not None and visit.total is not None else article.view_count
    generation = page_cache.of_request(request)
    related = related_with_photos(article, generation)
    previous, following = beside(article, generation)
    photos = list(article.photos.all())
    items = interleave(document_citations.linked_body(article), photos)
    response = render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "view_count": page_cache.VIEW_COUNT_MARK if keep else total,
            "photos": photos,
            "items": items,
            # The first photo shown is usually the largest thing a phone paints; the browser should
            # fetch it at once rather than wait for the layout, as it does for lazy images.
            "lead_photo": next((item for kind, item in items if kind == "photo"), None),
            "preview": not article.is_public,
            "canonical_url": request.build_absolute_uri(article.get_absolute_url()),
            "share_image": request.build_absolute_uri(photos[0].image.url) if photos else "",
            "related": related,
            "related_key": tuple(other.pk for other in related),
            "previous": previous,
            "next": following,
        },
    )
    if keep:
        lifetime = settings.PORTAL_ARTICLE_CACHE_SECONDS
        entry = page_cache.Entry(response.content, response["Content-Type"], generation, lifetime, article.pk)
        page_cache.put(keep_as, entry)
        response.content = entry.with_count(total)
    return answered(request, response, cookie)


@require_safe
def search(request):
    query = nfc(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
    words = query_words(query)
    # The ranked matches come from this worker's word index (news.search_index), as keys; then the
    # page's cards (news.kept_cards) read only those articles, and as published: an index a write has
    # not reached yet shows nothing unpublished.
    keys, generation = [], None
    if words:
        generation = page_cache.of_request(request)
        keys = search_index.ranked_public(words, generation)
    page = paginate(request, keys)
    context = {"query": query, "words": words, "page": page, "capped": page.paginator.count >= MAX_RESULTS}
    if page.object_list:
        context["cards"] = kept_cards.cards(page.object_list, words, generation)
    context["elsewhere"] = found_elsewhere(request, words, page, generation)
    return render(request, "news/search.html", context)


def not_found(request, exception=None):
    """The 404 page: a search box and the newest few articles (one query), so a reader who followed a
    dead link still finds the way on."""
    latest = Article.objects.published().only("title", "slug", "published_at")[:NOT_FOUND_LATEST]
    return render(request, "404.html", {"latest": list(latest)}, status=404)


def server_error(request):
    """The 500 page, rendered without the database (it may be what failed): the ward's identity as
    the cache keeps it, or the first-run defaults."""
    from ward.identity import offline

    return HttpResponseServerError(loader.get_template("500.html").render({"ward": offline()}))
