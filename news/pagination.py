"""Page numbers from the query string, which a visitor can type anything into."""

from django.core.paginator import Paginator
from django.http import Http404

PER_PAGE = 20


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page: junk or a number below 1 gives the first page, one past the end a 404."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 1
    number = max(number, 1)
    if number > paginator.num_pages:
        raise Http404("Không có trang này.")
    return paginator.page(number)
