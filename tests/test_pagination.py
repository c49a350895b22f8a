"""Every paginated list shows the same row of page links: first, previous, numbers with the ends and
gaps, next, last (news.pagination.page_links, templates/news/_pagination.html)."""

import re

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from news.pagination import page_links


def rendered(number, pages=20, address="/chuyen-muc/tin-tuc/"):
    page = Paginator(range(pages * 20), 20).page(number)
    request = RequestFactory().get(address, {"page": str(number)} if number > 1 else {})
    return render_to_string("news/_pagination.html", {"page": page}, request=request)


def shown(html):
    """The row as a reader sees it: each link's or item's text, the current page in brackets."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", html, re.S)
    texts = []
    for item in items:
        text = re.sub(r"<[^>]+>", "", item.replace('<span class="visually-hidden">Trang </span>', ""))
        text = " ".join(text.split())
        texts.append(f"[{text}]" if 'aria-current="page"' in item else text)
    return texts


def numbers_linked(html):
    return [int(n) for n in re.findall(r'href="\?(?:[^"]*&amp;)?page=(\d+)"', html)]


def test_a_middle_page_shows_the_ends_its_neighbours_and_gaps():
    html = rendered(6)
    assert '<nav class="pagination" aria-label="Phân trang">' in html
    assert shown(html) == [
        *("« Đầu", "‹ Trước", "1", "…", "4", "5", "[6]", "7", "8", "…", "20", "Sau ›", "Cuối »"),
    ]
    assert html.count('aria-current="page"') == 1
    assert "Trang 6 / 20" in html


def test_the_first_page_links_no_page_before_it_and_is_the_lists_own_address():
    html = rendered(1)
    assert shown(html)[:3] == ["[1]", "2", "3"]
    assert "Đầu" not in html and "Trước" not in html
    # Page 1 is linked as the list's own address, without ?page= (one address for one page).
    assert numbers_linked(rendered(2)) == [3, 4, 20, 3, 20]
    assert rendered(2).count('href="?"') == 3  # Đầu, Trước, 1


def test_the_last_page_links_no_page_beyond_it():
    html = rendered(20)
    assert shown(html) == ["« Đầu", "‹ Trước", "1", "…", "18", "19", "[20]"]
    assert "Sau" not in html and "Cuối" not in html
    assert max(numbers_linked(html)) == 19
    assert all(number <= 20 for number in numbers_linked(rendered(19)))


def test_a_few_pages_show_every_number_without_gaps():
    assert shown(rendered(2, pages=3)) == ["« Đầu", "‹ Trước", "1", "[2]", "3", "Sau ›", "Cuối »"]
    assert "<nav" not in rendered(1, pages=1)


def test_links_keep_the_lists_other_parameters_and_escape_them():
    page = Paginator(range(100), 20).page(2)
    query = RequestFactory().get("/tim-kiem/", {"q": "hội nghị <b>", "page": "2", "loai": "thong-bao"}).GET
    urls = {link.label: link.url for link in page_links(page, query) if link.url}
    assert urls["3"] == "?q=h%E1%BB%99i%20ngh%E1%BB%8B%20%3Cb%3E&loai=thong-bao&page=3"
    assert urls["1"] == "?q=h%E1%BB%99i%20ngh%E1%BB%8B%20%3Cb%3E&loai=thong-bao"


@pytest.mark.parametrize("junk", ["abc", "-3", "0", "٣", "%00", "1e3"])
def test_a_malformed_page_number_still_gives_the_first_page(reader, make_article, junk):
    for n in range(21):
        make_article(title=f"Tin số {n}")
    response = reader.get("/tin-tuc/", {"page": junk})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-current="page"><span class="visually-hidden">Trang </span>1<' in html
    assert reader.get("/tin-tuc/", {"page": "3"}).status_code == 404


def rows(number, pages):
    """The numbers and gaps a wide screen and a phone show."""
    links = page_links(Paginator(range(pages), 1).page(number), RequestFactory().get("/").GET)
    links = [link for link in links if link.kind in ("number", "gap")]
    wide = [link.label for link in links if not link.phone_only]
    phone = [link.label for link in links if not link.wide_only]
    return wide, phone


def test_a_phone_shows_one_page_either_side_with_gaps_of_its_own():
    assert rows(6, 20) == (
        ["1", "…", "4", "5", "6", "7", "8", "…", "20"],
        ["1", "…", "5", "6", "7", "…", "20"],
    )
    # The wide row shows 2 and 3 where a gap of one page would hide nothing; the phone needs its own gap.
    assert rows(5, 10) == (
        ["1", "2", "3", "4", "5", "6", "7", "…", "10"],
        ["1", "…", "4", "5", "6", "…", "10"],
    )
    assert rows(1, 3) == (["1", "2", "3"], ["1", "2", "3"])
