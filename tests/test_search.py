"""Search as residents type it: without diacritics, in any case or Unicode form, ranked and marked.

These run on whichever database the suite runs on; CI runs the suite on PostgreSQL and on SQLite.
"""

import re
import unicodedata
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from news import kept_cards
from news.models import Article
from news.search import MAX_QUERY_LENGTH, query_words


def titles(response):
    return [
        re.sub(r"<[^>]+>", "", t)
        for t in re.findall(r'class="card-title"><a href="[^"]+">(.*?)</a>', response.content.decode())
    ]


def search(client, q, **extra):
    return client.get("/tim-kiem/", {"q": q, **extra})


def test_typing_without_diacritics_finds_the_vietnamese_title(reader, make_article):
    make_article(title="Hội nghị Ban Chấp hành Đảng bộ phường")
    make_article(title="Ra quân làm sạch môi trường", body="<p>Không liên quan.</p>")
    assert titles(search(reader, "hoi nghi")) == ["Hội nghị Ban Chấp hành Đảng bộ phường"]


def test_dang_uy_finds_dang_uy_with_d_bar_and_tone_marks(reader, make_article):
    make_article(title="Đảng ủy phường ra nghị quyết")
    assert titles(search(reader, "dang uy")) == ["Đảng ủy phường ra nghị quyết"]
    assert titles(search(reader, "ĐẢNG ỦY")) == ["Đảng ủy phường ra nghị quyết"]


def test_d_typed_as_the_lookalike_eth_folds_to_d_in_search_marks_and_slugs(reader, make_article):
    """Text from the old VNI/TCVN3 encodings often writes Đ as Ð (U+00D0, eth): "Ðảng" folded to "ang"."""
    article = make_article(title="Ðại hội Ðảng bộ phường")
    assert article.slug == "dai-hoi-dang-bo-phuong"
    response = search(reader, "dai hoi dang bo")
    assert titles(response) == ["Ðại hội Ðảng bộ phường"]
    assert "<mark>Ðại</mark> <mark>hội</mark> <mark>Ðảng</mark> <mark>bộ</mark>" in response.content.decode()
    make_article(title="Đảng ủy họp")
    assert sorted(titles(search(reader, "ðảng"))) == ["Ðại hội Ðảng bộ phường", "Đảng ủy họp"]


def test_a_decomposed_nfd_query_finds_nfc_text(reader, make_article):
    make_article(title="Tổng kết công tác dân vận")
    query = unicodedata.normalize("NFD", "công tác dân vận")
    assert query != unicodedata.normalize("NFC", query)
    assert titles(search(reader, query)) == ["Tổng kết công tác dân vận"]


def test_finds_words_in_summary_body_and_photo_captions(reader, make_article, make_photo):
    make_article(title="Tin một", summary="Phong trào hiến máu tình nguyện.")
    make_article(title="Tin hai", body="<p>Khánh thành <b>nhà văn hóa</b> tổ dân phố.</p>")
    only_caption = make_article(title="Tin ba", summary="Tóm tắt khác.", body="<p>Nội dung khác.</p>")
    make_photo(only_caption, caption="Các cụ cao tuổi dự lễ mừng thọ")
    assert titles(search(reader, "hien mau")) == ["Tin một"]
    assert titles(search(reader, "nha van hoa")) == ["Tin hai"]
    assert titles(search(reader, "mung tho")) == ["Tin ba"]


def test_every_word_must_be_found(reader, make_article):
    make_article(title="Hội nghị về an ninh trật tự")
    make_article(title="Hội nghị về môi trường")
    assert titles(search(reader, "hoi nghi moi truong")) == ["Hội nghị về môi trường"]


def test_words_match_whole_syllables_so_uy_does_not_find_quy(reader, make_article):
    """Bare substrings would let "uy" find "quy" and "huy": far too many wrong results in Vietnamese."""
    make_article(title="Quy chế làm việc", body="<p>Huy động nguồn lực.</p>", summary="")
    make_article(title="Ủy ban nhân dân phường")
    assert titles(search(reader, "uy")) == ["Ủy ban nhân dân phường"]


def test_drafts_and_scheduled_articles_are_never_found(reader, make_article):
    make_article(title="Hội nghị đã đăng")
    make_article(title="Hội nghị bản nháp", status=Article.Status.DRAFT)
    make_article(title="Hội nghị hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    assert titles(search(reader, "hoi nghi")) == ["Hội nghị đã đăng"]


def test_title_matches_rank_above_body_matches_then_newer_first(reader, make_article):
    now = timezone.now()
    make_article(title="Tin trong thân bài mới nhất", body="<p>Bàn về chuyển đổi số.</p>", published_at=now)
    make_article(title="Chuyển đổi số: bài cũ", published_at=now - timedelta(days=30))
    make_article(title="Chuyển đổi số: bài mới", published_at=now - timedelta(days=1))
    make_article(
        title="Tin trong thân bài cũ",
        body="<p>Chuyển đổi số ở tổ dân phố.</p>",
        published_at=now - timedelta(days=60),
    )

    assert titles(search(reader, "chuyen doi so")) == [
        "Chuyển đổi số: bài mới",
        "Chuyển đổi số: bài cũ",
        "Tin trong thân bài mới nhất",
        "Tin trong thân bài cũ",
    ]


def test_a_title_holding_more_of_the_words_ranks_higher(reader, make_article):
    now = timezone.now()
    make_article(title="Hội nghị tổng kết", body="<p>Năm 2026.</p>", published_at=now)
    make_article(title="Hội nghị tổng kết năm 2026", published_at=now - timedelta(days=3))
    assert titles(search(reader, "tong ket 2026"))[0] == "Hội nghị tổng kết năm 2026"


def test_matched_words_are_marked_in_the_title_and_excerpt(reader, make_article):
    make_article(
        title="Đảng ủy phường họp phiên thường kỳ",
        summary="Sáng nay, Đảng ủy phường đã họp để bàn công tác quý IV.",
    )
    html = search(reader, "dang uy").content.decode()
    assert "<mark>Đảng</mark> <mark>ủy</mark> phường họp phiên thường kỳ" in html
    assert "Sáng nay, <mark>Đảng</mark> <mark>ủy</mark> phường đã họp" in html


def test_excerpt_is_short_and_centred_on_the_match(reader, make_article):
    filler = " ".join(["Nội dung mở đầu dài dòng."] * 40)
    make_article(title="Tin dài", summary="", body=f"<p>{filler} Kết quả bầu cử tổ trưởng. {filler}</p>")
    html = search(reader, "bau cu").content.decode()
    excerpt = re.search(r'<p class="card-summary excerpt">(.*?)</p>', html, re.S).group(1)
    assert "<mark>bầu</mark> <mark>cử</mark>" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(re.sub(r"<[^>]+>", "", excerpt)) < 260


def test_highlighting_escapes_the_article_text_first(reader, make_article):
    """Text that looks like HTML is shown as text, and only our <mark> is markup."""
    make_article(title="Tìm hiểu <b>luật</b> & quy định", summary='Về luật "đất đai" <script>x</script>.')
    html = search(reader, "luat").content.decode()
    assert "Tìm hiểu &lt;b&gt;<mark>luật</mark>&lt;/b&gt; &amp; quy định" in html
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 5000,
        "hội " * 1250,
        "%",
        "_",
        "%_%",
        "\x00",
        "hoi\x00nghi",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "'; DROP TABLE news_article; --",
        "\\",
        "🙂",
        "\ufeff",
    ],
)
def test_bad_queries_answer_a_normal_page_with_the_query_escaped(reader, make_article, query):
    make_article(title="Hội nghị có 100% đại biểu dự")
    response = search(reader, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "\x00" not in html
    if "<script>" in query:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert Article.objects.count() == 1


def test_percent_and_underscore_are_not_wildcards(reader, make_article):
    make_article(title="Tỷ lệ 100% đại biểu")
    assert titles(search(reader, "%")) == []
    assert titles(search(reader, "_")) == []
    assert titles(search(reader, "100%")) == ["Tỷ lệ 100% đại biểu"]


def test_a_long_query_is_cut_to_the_processing_limit(reader, make_article):
    make_article(title="Hội nghị")
    html = search(reader, "hoi nghi " + "x" * 5000).content.decode()
    assert 'value="hoi nghi ' in html
    assert "x" * (MAX_QUERY_LENGTH) not in html
    assert len(query_words("a b c d e f g h i j k")) == 8


def test_results_are_paginated_and_the_next_page_keeps_the_query(reader, make_article):
    for _ in range(25):
        make_article(title="Hội nghị chi bộ")
    first = search(reader, "hội nghị").content.decode()
    assert first.count('class="card"') == 20
    assert "Tìm thấy 25 tin bài" in first
    assert "?q=h%E1%BB%99i%20ngh%E1%BB%8B&amp;page=2" in first
    second = search(reader, "hội nghị", page="2").content.decode()
    assert second.count('class="card"') == 5
    assert search(reader, "hội nghị", page="abc").status_code == 200
    assert search(reader, "hội nghị", page="99999").status_code == 404


def test_only_the_newest_matches_are_ranked_and_the_page_says_so(reader, make_article, monkeypatch):
    """A common word must not make every search fetch and sort the whole archive."""
    monkeypatch.setattr("news.search.MAX_RESULTS", 3)
    monkeypatch.setattr("news.views.MAX_RESULTS", 3)
    now = timezone.now()
    make_article(title="Phường Hòa Bình: tin cũ nhất", published_at=now - timedelta(days=9))
    for n in range(4):
        make_article(title=f"Tin {n}", summary="Tin của phường.", published_at=now - timedelta(days=n))
    html = search(reader, "phuong").content.decode()
    assert titles(search(reader, "phuong")) == ["Tin 0", "Tin 1", "Tin 2"]
    assert "Tìm thấy hơn 3 tin bài" in html
    assert "thêm từ khóa" in html


def test_search_queries_do_not_grow_with_results_or_photos(
    reader, make_article, make_photo, django_assert_num_queries, ward_identity
):
    """The page of results, their photos, the menu's sections: 3, however many results (the sections
    kept with the page's frame until the next change: ward.templatetags.kept_parts); one more to
    make the worker's word index (news.search_index), and after a change one on SQLite, which makes
    it again, or two on PostgreSQL, which reads the rows' versions and then the rows that changed; and
    after a change one each to keep Giới thiệu pages, notices, documents and Hỏi đáp
    (portal.site_search): 8, then 8 or 9, then 2 with the frame kept."""
    for _ in range(3):
        make_photo(make_article(title="Hội nghị chi bộ"))
    with django_assert_num_queries(8):
        search(reader, "hoi nghi")
    for _ in range(30):
        article = make_article(title="Hội nghị chi bộ")
        make_photo(article, caption="Hội nghị")
        make_photo(article)
    with django_assert_num_queries(9 if connection.vendor == "postgresql" else 8):
        search(reader, "hoi nghi")
    kept_cards._cards.clear()  # the cards rendered again: their photos fetched again
    with django_assert_num_queries(2):
        search(reader, "hoi nghi")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the word index exists on PostgreSQL only")
def test_postgresql_keeps_a_word_vector_of_the_search_text_with_a_gin_index(db, make_article):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_words'")
        (definition,) = cursor.fetchone()
    assert "gin (search_words)" in definition.lower()
    article = make_article(title="Đảng ủy phường")
    Article.objects.filter(pk=article.pk).update(search_text=" hien mau ")
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_words::text FROM news_article WHERE id = %s", [article.pk])
        assert cursor.fetchone() == ("'hien':1 'mau':2",)  # regenerated by PostgreSQL on every write


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN output is PostgreSQL's")
def test_postgresql_answers_the_word_filter_from_the_index(db, make_article):
    """On a table this small the planner prefers other plans, so sequential scans are switched off to
    ask whether the index can serve the filter at all; bench/search_bench.py shows the plans at 100,000.
    """
    from news.search import having_all_words

    for n in range(50):
        make_article(title=f"Tin số {n}")
    make_article(title="Đảng ủy phường họp")
    queryset = having_all_words(Article.objects.all(), ["dang", "uy"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "article_search_words" in plan
    assert [a.title for a in queryset] == ["Đảng ủy phường họp"]


def test_a_query_of_spaces_is_no_query(reader, make_article):
    make_article(title="Hội nghị")
    html = search(reader, "   ").content.decode()
    assert "Hãy nhập từ khóa cần tìm." in html
    assert "«" not in html
    assert "<title>Tìm kiếm" in html and "Tìm kiếm:" not in html
    # Spaces around words are not part of what is shown back.
    assert "«hoi nghi»" in search(reader, "  hoi nghi  ").content.decode()


def test_the_search_page_has_one_named_search_form(reader, db):
    # Two boxes (the header's and the page's) pushed a phone's first result 460 px down; the page's
    # own form is the one. Screen readers list landmarks by name, so it keeps one.
    html = search(reader, "hoi nghi").content.decode()
    names = re.findall(r'<form[^>]*role="search"[^>]*aria-label="([^"]+)"', html)
    assert names == ["Tìm tin trên cổng"]
    assert 'id="q-header"' not in html and 'value="hoi nghi"' in html
    assert 'id="q-header"' in reader.get("/").content.decode()
