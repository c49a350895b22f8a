"""The front page shows each article once: the lead, the next few, the blocks, each section, the most read.

news.front_page chooses them top down, each list leaving out what is above it (docs/SITE.md).
"""

import re
from collections import Counter
from datetime import timedelta

from django.utils import timezone

from documents.models import Document, IssuingBody
from news.models import Category, DailyViews
from tests.documents.conftest import document_type

ARTICLE_HREF = re.compile(r'href="(/tin-tuc/[^/"]+/)"')
# Each place the page shows an article: the lead, a compact item, a section's first, a most-read line.
ENTRY = re.compile(
    r'<article class="(?:featured|brief|story)">.*?</article>|<li><a href="/tin-tuc/[^"]+">.*?</li>', re.S
)


def main_content(html):
    return html[html.index('<main id="noi-dung"') : html.index("</main>")]


def shown_articles(html):
    """The article each entry of the main content shows; a photo link and a title link to one article
    are one entry. Every article link of the page is inside an entry."""
    main = main_content(html)
    entries = [set(ARTICLE_HREF.findall(entry)) for entry in ENTRY.findall(main)]
    assert all(len(links) == 1 for links in entries)
    assert set().union(*entries) == set(ARTICLE_HREF.findall(main))
    return [links.pop() for links in entries]


def a_portal_of_51_articles(make_article, make_photo):
    """Four sections, 51 articles an hour apart, every fifth with a photo, a week of reading for some."""
    sections = [Category.objects.create(name=name, order=n) for n, name in enumerate(SECTIONS)]
    now, today = timezone.now(), timezone.localdate()
    articles = []
    for n in range(51):
        article = make_article(
            title=f"Tin số {n} của {sections[n % 4].name}",
            category=sections[n % 4],
            published_at=now - timedelta(hours=n + 1),
        )
        if n % 5 == 0:
            make_photo(article)
        if n % 3 == 0:
            DailyViews.objects.create(article=article, day=today, views=100 - n)
        articles.append(article)
    return sections, articles


SECTIONS = ("Xây dựng Đảng", "Chính quyền", "Văn hóa - Xã hội", "An ninh - Trật tự")


def test_with_51_articles_no_article_is_shown_twice(reader, make_article, make_photo, make_notice):
    sections, articles = a_portal_of_51_articles(make_article, make_photo)
    make_notice(title="Lịch tạm ngừng cấp điện khu phố 3")
    Document.objects.create(
        number="07-NQ/QU",
        doc_type=document_type("Nghị quyết"),
        issuer=IssuingBody.objects.create(name="Đảng ủy phường"),
        summary="Về chuyển đổi số",
        issued_on=timezone.localdate(),
        status=Document.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    html = reader.get("/").content.decode()

    shown = shown_articles(html)
    assert [href for href, times in Counter(shown).items() if times > 1] == []
    # The lead (the newest, with its photo), the four next newest, four of each section, five most read.
    assert len(shown) == 1 + 4 + 4 * 4 + 5
    assert shown[:5] == [article.get_absolute_url() for article in articles[:5]]
    lead = re.search(r'<article class="featured">.*?</article>', html, re.S).group(0)
    assert 'class="featured-photo"' in lead and articles[0].title in lead
    assert html.count('class="brief"') >= 4
    # The blocks, then the sections in their order, then the most read.
    order = [
        'id="tin-moi"',
        'id="thong-bao"',
        'id="lich-cong-tac"',
        'id="van-ban-moi"',
        *(f'id="cm-{section.slug}"' for section in sections),
        'id="xem-nhieu"',
    ]
    places = [html.index(mark) for mark in order]
    assert places == sorted(places)
    assert "Lịch tạm ngừng cấp điện khu phố 3" in html and "số 07-NQ/QU" in html


def test_the_lead_is_the_newest_of_the_newest_few_with_a_photo(reader, make_article, make_photo):
    newest = make_article(title="Tin không ảnh mới nhất")
    with_photo = make_article(title="Tin có ảnh")
    make_photo(with_photo)
    html = reader.get("/").content.decode()
    lead = re.search(r'<article class="featured">.*?</article>', html, re.S).group(0)
    assert "Tin có ảnh" in lead
    next_few = html[html.index('id="tin-moi"') :]
    assert newest.title in next_few
    assert shown_articles(html).count(with_photo.get_absolute_url()) == 1


def test_without_any_photo_the_newest_leads(reader, make_article):
    make_article(title="Tin thứ hai")
    make_article(title="Tin thứ ba", published_at=timezone.now())
    html = reader.get("/").content.decode()
    assert "Tin thứ ba" in re.search(r'<article class="featured">.*?</article>', html, re.S).group(0)


def test_a_pinned_article_leads_and_is_not_repeated_below(reader, make_article, make_pin, category):
    old = make_article(
        title="Tin được ghim", category=category, published_at=timezone.now() - timedelta(days=3)
    )
    for _ in range(6):
        make_article(category=category)
    make_pin(old)
    html = reader.get("/").content.decode()
    assert "Tin được ghim" in re.search(r'<article class="featured">.*?</article>', html, re.S).group(0)
    assert shown_articles(html).count(old.get_absolute_url()) == 1
    assert html.count('class="brief"') + html.count('class="story"') == 6
