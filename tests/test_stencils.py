"""Stencils (news.stencils): markup rendered once with marks where its values go, filled per request;
the search page's cards, other results and page links are made of them, and read as if each were
rendered by its template."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from news import page_cache, stencils

from .test_search import search
from .test_site_search import elsewhere


def test_a_stencil_fills_each_value_where_its_mark_was():
    html = f'<a href="{stencils.mark("url")}">{stencils.mark("label")}</a> đọc tiếp'
    stencil = stencils.cut(html, ("label", "url"))
    filled = stencil.fill({"url": "?q=a&amp;page=2", "label": "2"})
    assert filled == '<a href="?q=a&amp;page=2">2</a> đọc tiếp'


def test_a_value_the_markup_does_not_show_needs_no_place():
    stencil = stencils.cut("<li>…</li>", ("label", "url"))
    assert stencil.fill({"label": "3", "url": "?page=3"}) == "<li>…</li>"


def test_markup_showing_a_value_twice_makes_no_stencil():
    """Twice is perhaps once in an attribute, where the HTML filled in (with <mark>) may not go."""
    title = stencils.mark("title")
    assert stencils.cut(f'<img alt="{title}"><h3>{title}</h3>', ("title",)) is None


def rendered_row(number, query):
    page = Paginator(range(400), 20).page(number)
    request = RequestFactory().get("/tim-kiem/", {**query, "page": str(number)})
    return render_to_string("news/_pagination.html", {"page": page}, request=request)


def test_page_rows_made_of_one_stencil_each_show_their_own_page_and_query():
    first = rendered_row(6, {"q": "hội nghị <b>"})
    second = rendered_row(12, {"q": "tiêm chủng"})
    assert 'href="?q=h%E1%BB%99i%20ngh%E1%BB%8B%20%3Cb%3E&amp;page=7"' in first
    assert '<span class="visually-hidden">Trang </span>6</span>' in first
    assert 'href="?q=ti%C3%AAm%20ch%E1%BB%A7ng&amp;page=13"' in second
    assert '<span class="visually-hidden">Trang </span>12</span>' in second
    assert "<b>" not in first


def test_where_no_stencil_can_be_made_the_templates_render_the_same_page(
    reader, make_article, make_notice, monkeypatch
):
    for n in range(25):
        make_article(title=f"Hội nghị chi bộ lần {n}", summary="Chi bộ họp bàn công tác quý IV.")
    make_notice(title="Lịch hội nghị chi bộ")
    with_stencils = search(reader, "hoi nghi").content.decode()
    page_cache.forget_all()
    monkeypatch.setattr(stencils, "cut", lambda html, names: None)
    monkeypatch.setattr(stencils, "_made", type(stencils._made)())
    without = search(reader, "hoi nghi").content.decode()
    assert " ".join(without.split()) == " ".join(with_stencils.split())
    assert elsewhere(search(reader, "hoi nghi")) == [("Thông báo", "Lịch hội nghị chi bộ")]
    assert 'aria-current="page"' in without
