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


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page: junk or a number below 1 gives the first page, a number past the end a 404."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()):
        return paginator.page(1)
    digits = raw.lstrip("0") or "0"
    if len(digits) > MAX_DIGITS or int(digits) > paginator.num_pages:
        raise Http404("Không có trang này.")
    return paginator.page(max(int(digits), 1))


# Page numbers either side of the current page, and at each end (1 … 4 5 [6] 7 8 … 20). On a phone the
# outer two of the five are hidden (site.css, "Pagination"), so the row fits 360 px.
ON_EACH_SIDE = 2
ON_ENDS = 1


@dataclass(frozen=True)
class PageLink:
    label: str  # what is shown: a number, "…", or an arrow with its word
    kind: str  # "first", "previous", "number", "gap", "next", "last"
    url: str = ""  # empty for the current page and a gap
    number: int | None = None
    current: bool = False
    far: bool = False  # a number two away from the current page: left out on a phone


def page_url(query, number):
    """The list's own address with this page: the other parameters kept (a search's words, a filter),
    page 1 as the list's address without ?page=."""
    params = [(key, value) for key, values in query.lists() if key != "page" for value in values]
    if number > 1:
        params.append(("page", str(number)))
    return "?" + urlencode(params, quote_via=quote) if params else "?"


def page_links(page, query):
    """The pagination row of `page` (a Paginator page), links built on `query` (request.GET).

    First and previous on every page but the first, next and last on every page but the last: no link
    ever points past the end.
    """
    paginator, number = page.paginator, page.number
    links = []
    if page.has_previous():
        links.append(PageLink("Đầu", "first", page_url(query, 1), 1))
        links.append(PageLink("Trước", "previous", page_url(query, number - 1), number - 1))
    for item in paginator.get_elided_page_range(number, on_each_side=ON_EACH_SIDE, on_ends=ON_ENDS):
        if item == paginator.ELLIPSIS:
            links.append(PageLink("…", "gap"))
            continue
        current = item == number
        links.append(
            PageLink(
                str(item),
                "number",
                "" if current else page_url(query, item),
                item,
                current=current,
                far=abs(item - number) == ON_EACH_SIDE and item not in (1, paginator.num_pages),
            )
        )
    if page.has_next():
        links.append(PageLink("Sau", "next", page_url(query, number + 1), number + 1))
        links.append(PageLink("Cuối", "last", page_url(query, paginator.num_pages), paginator.num_pages))
    return links
