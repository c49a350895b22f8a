"""Page numbers from the query string, which a visitor can type anything into."""

from django.core.paginator import Paginator
from django.http import Http404

PER_PAGE = 20
# No archive reaches a million pages; a longer number is past the end without being converted (int()
# refuses numbers of thousands of digits).
MAX_DIGITS = 6


def requested_number(request):
    """The page number asked for: junk or a number below 1 is the first page; None past any archive."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()):
        return 1
    digits = raw.lstrip("0") or "0"
    if len(digits) > MAX_DIGITS:
        return None
    return max(int(digits), 1)


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page (requested_number), a number past the end a 404."""
    paginator = Paginator(queryset, per_page)
    number = requested_number(request)
    if number is None or number > paginator.num_pages:
        raise Http404("Không có trang này.")
    return paginator.page(number)
