"""Kept pages answered before the layers such a page never needs.

An anonymous reader (no session cookie) of a kept page needs no session, no user, no CSRF token and no
messages: the page is the same for everyone. Placed after the security headers' middlewares and before
SessionMiddleware, this answers such a request with the headers the whole stack would give it:

- an article page, whose view it counts: the visit script returns the live count (news.views.
  kept_article); when the page is not kept or is stale, the visit already recorded goes on as
  request.kept_visit, so that it is counted once;
- a list page (home, sections, notices…, news.views.kept_page), found in this worker's memory.

Anything else (staff, a page not kept, a stale one) goes through the whole stack as before.
"""

from django.urls import reverse
from django.utils.cache import patch_vary_headers

from . import page_cache
from .views import kept_article, kept_list_page


class KeptPages:
    def __init__(self, get_response):
        self.get_response = get_response
        # Only article addresses are looked up in the shared cache: any other page would cost a look
        # there for every request of a page that is never kept.
        self.prefix = reverse("news:article_detail", kwargs={"slug": "x"}).removesuffix("x/")

    def __call__(self, request):
        if not page_cache.cacheable(request):
            return self.get_response(request)
        if request.path.startswith(self.prefix):
            response, visit, cookie = kept_article(request)
            if response is None:
                request.kept_visit = (visit, cookie)
            else:
                # What SessionMiddleware adds to the page through the whole stack: the count is per
                # reader, so the page reads the session.
                patch_vary_headers(response, ("Cookie",))
        else:
            response = kept_list_page(request, shared=False)
        if response is None:
            return self.get_response(request)
        # What CommonMiddleware adds.
        response.headers["Content-Length"] = str(len(response.content))
        return response
