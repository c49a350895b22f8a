"""The same query finds the same articles, in the same order, on PostgreSQL and on SQLite.

PostgreSQL looks words up in a tsvector that its own parser makes from search_text; SQLite matches the
folded words with LIKE. Each query below names its expected titles in order, and CI runs this file on
both databases, so a word that one of them splits or drops differently shows up here.
"""

import re
import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article
from news.search import search_articles

from .test_search import search, titles

NEWEST = "Tiêm vắc-xin Covid-19 mũi nhắc lại"
HOA = "Phường Hòa Bình ra quân"
HOA_OLD_TONE = "Hoà giải ở cơ sở"
THUY = "Thủy lợi nội đồng"
THUY_OLD_TONE = "Đê Thuỷ Phù được gia cố"
PARTY = "ĐẢNG ỦY phường họp"
PARTY_ETH = "Ðảng bộ khu phố 2"
HOTLINE = "Đường dây nóng 24/7"
LAND = "Giao đất ở diện tích 120 m² cho hộ dân"
AIR = "Đo nồng độ CO₂ trong không khí"
FLAT = "Căn hộ A1 bàn giao"
OLDEST = "Tin cũ nhắc đến Covid trong thân bài"


@pytest.fixture
def archive(make_article):
    """Articles newest first, each an hour older than the one before."""
    now = timezone.now()
    rows = [
        (NEWEST, "<p>Đợt tiêm thứ ba.</p>"),
        (HOA, "<p>Vệ sinh môi trường.</p>"),
        (HOA_OLD_TONE, "<p>Tổ hòa giải họp.</p>"),
        (THUY, "<p>Nạo vét kênh mương.</p>"),
        (THUY_OLD_TONE, "<p>Mùa mưa bão.</p>"),
        (PARTY, "<p>Bàn công tác quý IV.</p>"),
        (PARTY_ETH, "<p>Sinh hoạt chi bộ.</p>"),
        (HOTLINE, "<p>Tiếp nhận phản ánh cả ngày lẫn đêm.</p>"),
        (LAND, "<p>Thửa đất số 7.</p>"),
        (AIR, "<p>Kết quả quan trắc.</p>"),
        (FLAT, "<p>Khu tái định cư.</p>"),
        (OLDEST, "<p>Dịch Covid đã qua, khu phố 2 trở lại nhịp sống.</p>"),
    ]
    for age, (title, body) in enumerate(rows):
        make_article(title=title, summary="", body=body, published_at=now - timedelta(hours=age))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Tone marks, old and new placement, case, Unicode form, Đ and its look-alike Ð.
        ("hoa", [HOA, HOA_OLD_TONE]),
        ("hòa", [HOA, HOA_OLD_TONE]),
        ("hoà", [HOA, HOA_OLD_TONE]),
        ("HÒA", [HOA, HOA_OLD_TONE]),
        (unicodedata.normalize("NFD", "hòa"), [HOA, HOA_OLD_TONE]),
        ("thủy", [THUY, THUY_OLD_TONE]),
        ("thuỷ", [THUY, THUY_OLD_TONE]),
        ("THUY", [THUY, THUY_OLD_TONE]),
        ("đảng", [PARTY, PARTY_ETH]),
        ("Ðảng", [PARTY, PARTY_ETH]),
        ("dang uy", [PARTY]),
        # Digits, hyphens and punctuation inside words: the pieces are words of their own.
        ("Covid-19", [NEWEST]),
        ("covid 19", [NEWEST]),
        ("covid", [NEWEST, OLDEST]),
        ("vắc-xin", [NEWEST]),
        ("24/7", [HOTLINE]),
        ("a1", [FLAT]),
        ("A1", [FLAT]),
        ("khu pho 2", [PARTY_ETH, OLDEST]),
        # Superscripts and subscripts are the digits residents type: m2 is how a phone writes m².
        ("m²", [LAND]),
        ("m2", [LAND]),
        ("120 m2", [LAND]),
        ("co2", [AIR]),
        ("CO₂", [AIR]),
        # …and a bare m or co is another word: PostgreSQL must not read m² as m.
        ("m", []),
        ("co", [HOA_OLD_TONE, THUY_OLD_TONE]),
    ],
)
def test_the_same_query_finds_the_same_articles_on_both_databases(reader, archive, query, expected):
    assert titles(search(reader, query)) == expected


def marked(response):
    return re.findall(r"<mark>(.*?)</mark>", response.content.decode())


@pytest.mark.parametrize(
    ("query", "marks"),
    [
        ("hoa", ["Hòa", "Hoà", "hòa"]),
        ("covid 19", ["Covid", "19"]),
        ("m2", ["m²"]),
        ("co2", ["CO₂"]),
        ("24/7", ["24", "7"]),
    ],
)
def test_the_words_found_are_the_words_marked(reader, archive, query, marks):
    assert marked(search(reader, query)) == marks


@pytest.mark.parametrize(
    ("query", "older_together", "newer_scattered"),
    [
        # The words together in the title, above the same words apart in a newer title.
        (
            "hoi nghi",
            {"title": "Hội nghị tổng kết công tác năm", "body": "<p>Chi bộ họp.</p>"},
            {"title": "Xã hội hóa việc thực hiện nghị quyết", "body": "<p>Khu phố 3.</p>"},
        ),
        # The name together in the text, above the same syllables scattered in a newer title and text.
        (
            "nguyen van thanh",
            {
                "title": "Trao Huy hiệu 55 năm tuổi Đảng",
                "body": "<p>Đồng chí Nguyễn Văn Thành nhận huy hiệu.</p>",
            },
            {"title": "Thanh niên tình nguyện ra quân", "body": "<p>Nguyễn Văn An và các bạn văn nghệ.</p>"},
        ),
        # Together in the title ranks above together in the text only.
        (
            "hoi nghi",
            {"title": "Hội nghị giao ban quý IV", "body": "<p>Đủ thành phần.</p>"},
            {"title": "Hội đồng nghị án tuyên dương", "body": "<p>Sau hội nghị, các tổ bàn kế hoạch.</p>"},
        ),
    ],
)
def test_words_standing_together_rank_above_the_same_words_scattered(
    reader, make_article, query, older_together, newer_scattered
):
    now = timezone.now()
    together = make_article(summary="", published_at=now - timedelta(days=3), **older_together)
    scattered = make_article(summary="", published_at=now - timedelta(days=1), **newer_scattered)
    assert titles(search(reader, query)) == [together.title, scattered.title]
    # The admin's search (a queryset) orders by the same rule.
    results, _ = search_articles(Article.objects.published(), query)
    assert list(results) == [together, scattered]
