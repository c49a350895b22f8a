"""Pages of a list: the page number from the query string, which a visitor can type anything into, and
the row of page links every paginated list shows (templates/news/_pagination.html)."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

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


# Page numbers either side of the current page, and at each end: 1 … 4 5 [6] 7 8 … 20; on a phone one
# either side (PHONE_EACH_SIDE): 1 … 5 [6] 7 … 20, so the row fits 360 px. Both rows are in the page,
# and site.css ("Pagination") shows the one for the screen's width.
ON_EACH_SIDE = 2
PHONE_EACH_SIDE = 1
ON_ENDS = 1


@dataclass(frozen=True)
class PageLink:
    label: str  # what is shown: a number, "…", or the word of an arrow
    kind: str  # "first", "previous", "number", "gap", "next", "last"
    url: str = ""  # empty for the current page and a gap
    current: bool = False
    wide_only: bool = False  # a number (or gap) shown on a wide screen only
    phone_only: bool = False  # a gap shown on a phone only, where its row leaves out numbers


def page_urls(query):
    """number -> the list's own address with this page: the other parameters of query kept (a search's
    words, a filter), page 1 as the list's address without ?page=."""
    kept = urlencode(
        [(key, value) for key, values in query.lists() if key != "page" for value in values], quote_via=quote
    )
    with_page = f"?{kept}&page=" if kept else "?page="
    return lambda number: f"{with_page}{number}" if number > 1 else f"?{kept}"


def _numbers(page, on_each_side):
    """The row's page numbers, None for each gap. (Django gives its ELLIPSIS, a lazy translation that
    each comparison translates again.)"""
    items = page.paginator.get_elided_page_range(page.number, on_each_side=on_each_side, on_ends=ON_ENDS)
    return [item if isinstance(item, int) else None for item in items]


def page_links(page, query):
    """The pagination row of `page` (a Paginator page), links built on `query` (request.GET).

    First and previous on every page but the first, next and last on every page but the last: no link
    ever points past the end. The phone's numbers are a subset of the wide screen's; where the phone
    leaves out numbers that the wide row shows without a gap, a gap of its own stands in for them.
    """
    paginator, number = page.paginator, page.number
    page_url = page_urls(query)
    on_phone = set(_numbers(page, PHONE_EACH_SIDE)) - {None}
    links = []
    if page.has_previous():
        links.append(PageLink("Đầu", "first", page_url(1)))
        links.append(PageLink("Trước", "previous", page_url(number - 1)))
    shown_on_phone, gap_since = None, False
    for item in _numbers(page, ON_EACH_SIDE):
        if item is None:
            links.append(PageLink("…", "gap"))
            gap_since = True
            continue
        if item in on_phone:
            if shown_on_phone is not None and item - shown_on_phone > 1 and not gap_since:
                links.append(PageLink("…", "gap", phone_only=True))
            shown_on_phone, gap_since = item, False
        current = item == number
        url = "" if current else page_url(item)
        links.append(PageLink(str(item), "number", url, current=current, wide_only=item not in on_phone))
    if page.has_next():
        links.append(PageLink("Sau", "next", page_url(number + 1)))
        links.append(PageLink("Cuối", "last", page_url(paginator.num_pages)))
    return links
