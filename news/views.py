"""Public pages. Thin: the questions are asked of querysets, the rules live in news.counting."""

from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .body import interleave
from .context_processors import ward
from .counting import count_visit, remember_visit
from .models import Article, Category
from .pagination import paginate
from .search import MAX_QUERY_LENGTH, search_articles
from .text import nfc


def is_staff(user):
    return user.is_authenticated and user.is_staff


@require_safe
def article_list(request):
    page = paginate(request, Article.objects.published().for_listing())
    return render(request, "news/article_list.html", {"page": page})


@require_safe
def category(request, slug):
    section = get_object_or_404(Category, slug=slug)
    page = paginate(request, Article.objects.published().in_category(section).for_listing())
    return render(request, "news/category.html", {"category": section, "page": page})


@require_safe
def article_detail(request, slug):
    # Staff preview drafts and scheduled articles at their public address; everyone else sees
    # only what is published.
    articles = Article.objects.select_related("category")
    if not is_staff(request.user):
        articles = articles.published()
    article = get_object_or_404(articles, slug=slug)
    photos = list(article.photos.all())
    seen = count_visit(request, article) if article.is_public else None
    response = render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "photos": photos,
            "items": interleave(article.body, photos),
            "preview": not article.is_public,
        },
    )
    # Every view must reach us to be counted, so no shared cache may keep this page.
    patch_cache_control(response, private=True, max_age=0)
    if seen:
        remember_visit(request, response, seen)
    return response


@require_safe
def search(request):
    query = request.GET.get("q", "")
    results, words = search_articles(Article.objects.published().for_listing(), query)
    page = paginate(request, results)
    return render(
        request, "news/search.html", {"query": nfc(query)[:MAX_QUERY_LENGTH], "words": words, "page": page}
    )


def server_error(request):
    """The 500 page, rendered from settings alone: the database may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render({"ward": ward()}))
