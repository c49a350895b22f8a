"""Search results as cards: excerpts cut from the body's stored text, cards kept but marked per query."""

import importlib
import re

from django.apps import apps

from news.models import Article
from news.view_log import set_total

from .test_search import search


def excerpts(response):
    return re.findall(r'<p class="card-summary excerpt">(.*?)</p>', response.content.decode())


def test_the_excerpt_is_cut_from_the_stored_text_of_the_body(reader, make_article):
    """save() keeps the body's text without tags; the search page reads that, not the HTML."""
    article = make_article(summary="", body="<p>Tổ dân phố <b>số 5</b> họp bàn về &quot;nước sạch&quot;.</p>")
    assert article.body_text == 'Tổ dân phố số 5 họp bàn về "nước sạch".'
    Article.objects.filter(pk=article.pk).update(body_text="Văn bản đã lưu: nước sạch cho khu phố.")
    assert excerpts(search(reader, "nuoc sach")) == [
        "Văn bản đã lưu: <mark>nước</mark> <mark>sạch</mark> cho khu phố."
    ]


def test_a_row_written_around_save_is_excerpted_from_its_body(
    reader, make_article, django_assert_num_queries, ward_identity
):
    """update() and bulk_create skip save(): such a row has no stored text, and its body comes along in
    the same queries instead: the search page's 8 (tests/test_search.py)."""
    article = make_article(summary="", body="<p>Khu phố 3 ra quân dọn vệ sinh.</p>")
    Article.objects.filter(pk=article.pk).update(body_text="")
    with django_assert_num_queries(8):
        response = search(reader, "ve sinh")
    assert excerpts(response) == ["Khu phố 3 ra quân dọn <mark>vệ</mark> <mark>sinh</mark>."]


def test_the_migration_fills_the_text_of_articles_written_before(make_article):
    article = make_article(body="<p>Một</p><p>Hai &amp; ba</p>")
    Article.objects.filter(pk=article.pk).update(body_text="")
    migration = importlib.import_module("news.migrations.0016_stored_body_text")
    migration.fill_body_text(apps, schema_editor=None)
    article.refresh_from_db()
    assert article.body_text == "Một Hai & ba"


def test_a_kept_card_is_marked_for_each_query(reader, make_article):
    """The card is kept between searches; the marks are the query's own, every time."""
    make_article(title="Hội nghị chi bộ khu phố 2", summary="Chi bộ họp bàn công tác quý IV.")
    first = search(reader, "chi bo").content.decode()
    second = search(reader, "hoi nghi").content.decode()
    assert "Hội nghị <mark>chi</mark> <mark>bộ</mark> khu phố 2" in first
    assert "<mark>Hội</mark> <mark>nghị</mark> chi bộ khu phố 2" in second
    assert "<mark>Chi</mark> <mark>bộ</mark> họp bàn" in first
    assert "Chi bộ họp bàn" in second and "<mark>Chi</mark>" not in second


def test_a_kept_card_shows_the_article_as_saved_since(reader, make_article):
    article = make_article(title="Ra quân dọn vệ sinh", summary="Khu phố 1.")
    assert article.get_absolute_url() in search(reader, "ve sinh").content.decode()
    old_address = article.get_absolute_url()
    article.slug = "ra-quan-don-ve-sinh-moi-truong"
    article.save()
    html = search(reader, "ve sinh").content.decode()
    assert article.get_absolute_url() in html
    assert old_address not in html


def test_a_search_result_card_is_the_list_card_with_marks(reader, make_article, make_photo, category):
    """One card template for lists and search: the same photo, address, date and views."""
    article = make_article(title="Hiến máu tình nguyện", summary="Ngày hội hiến máu.", category=category)
    make_photo(article)
    card = re.compile(r'<article class="card">.*?</article>', re.S)
    listed = card.search(reader.get(category.get_absolute_url()).content.decode()).group()
    found = card.search(search(reader, "hien mau").content.decode()).group()
    assert "<mark>Hiến</mark> <mark>máu</mark> tình nguyện" in found
    unmarked = re.sub(r"</?mark>", "", found).replace("card-summary excerpt", "card-summary")
    assert " ".join(unmarked.split()) == " ".join(listed.split())
    assert 'srcset="' in found


def test_a_kept_card_shows_the_view_count_as_the_database_has_it(reader, make_article):
    """Views are counted without a save (no new generation): the card reads the count with the row."""
    article = make_article(title="Tiêm chủng mở rộng", summary="Lịch tiêm tháng này.")
    assert "Lượt xem: 0" in search(reader, "tiem chung").content.decode()
    set_total(article.pk, 42)
    assert "Lượt xem: 42" in search(reader, "tiem chung").content.decode()


def test_a_search_of_kept_cards_reads_only_their_counts(
    reader, make_article, make_photo, django_assert_num_queries, ward_identity
):
    """A kept card holds its photo and the texts its excerpt is cut from: the page reads the kept
    articles' view counts, nothing else (news.kept_cards; the menu's sections are kept with the
    page's frame, ward.templatetags.kept_parts)."""
    for _ in range(3):
        make_photo(make_article(title="Hội nghị chi bộ", summary="Chi bộ họp hội nghị thường kỳ."))
    with django_assert_num_queries(8):  # the word index made (news.search_index), the photos fetched
        first = search(reader, "hoi nghi")
    with django_assert_num_queries(1):
        again = search(reader, "hoi nghi")
    assert again.content == first.content
    assert len(re.findall(r'<img src="[^"]*/photos/', again.content.decode())) == 3


def test_kept_cards_whose_words_are_in_a_caption_show_it_with_no_query_for_the_photos(
    reader, make_article, make_photo, django_assert_num_queries, ward_identity
):
    for title in ("Tin ba", "Tin bốn"):
        article = make_article(title=title, summary="Tóm tắt khác.", body="<p>Nội dung khác.</p>")
        make_photo(article, caption="Các cụ cao tuổi dự lễ mừng thọ")
    make_article(title="Mừng thọ các cụ", summary="Tóm tắt.")
    search(reader, "mung tho")  # the cards, the word index and the frame are kept
    with django_assert_num_queries(1):
        response = search(reader, "mung tho")
    found = excerpts(response)
    assert len(found) == 3
    assert sum("<mark>mừng</mark> <mark>thọ</mark>" in excerpt for excerpt in found) == 2
