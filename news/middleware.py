"""Kept article pages answered before the layers such a page never needs.

An anonymous reader (no session cookie) of a kept article page needs no session, no user, no CSRF
token and no messages: the page is the same for everyone and only the view count changes, which the
visit script returns (news.views.kept_article). Placed after the security headers' middlewares and
before SessionMiddleware, this answers such a request with the headers the whole stack would give it;
anything else (staff, a page not kept, a stale one) goes through the whole stack as before, carrying
the visit already recorded as request.kept_visit so that it is counted once.
"""

from django.urls import reverse
from django.utils.cache import patch_vary_headers

from . import page_cache
from .views import kept_article


class KeptArticlePages:
    def __init__(self, get_response):
        self.get_response = get_response
        # Only article addresses are looked up: any other page would cost a look in the shared cache.
        self.prefix = reverse("news:article_detail", kwargs={"slug": "x"}).removesuffix("x/")

    def __call__(self, request):
        if not (request.path.startswith(self.prefix) and page_cache.cacheable(request)):
            return self.get_response(request)
        response, visit, cookie = kept_article(request)
        if response is None:
            request.kept_visit = (visit, cookie)
            return self.get_response(request)
        # What SessionMiddleware (the count is per reader: the page reads the session) and
        # CommonMiddleware add to the page when it goes through the whole stack.
        patch_vary_headers(response, ("Cookie",))
        response.headers["Content-Length"] = str(len(response.content))
        return response
