"""The article list staff work from: its columns, filters, accent-insensitive search, and who did what."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.view_log import set_total

from .posting import article_form


def titles(response):
    return [article.title for article in response.context["cl"].result_list]


def test_the_list_shows_title_category_state_time_views_and_people(approver_client, make_article, category):
    make_article(title="Bài đang đăng", category=category)
    make_article(title="Bài hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    make_article(title="Bài nháp", status=Article.Status.DRAFT)
    response = approver_client.get(reverse("admin:news_article_changelist"))
    page = response.content.decode()
    for header in ("Tiêu đề", "Chuyên mục", "Trạng thái", "Thời gian đăng", "Lượt xem", "Người tạo"):
        assert header in page
    assert "Người sửa cuối" in page
    assert '<span class="state state-published">Đã xuất bản</span>' in page
    assert '<span class="state state-scheduled">Đã lên lịch</span>' in page
    assert '<span class="state state-draft">Bản nháp</span>' in page
    assert category.name in page


def test_filters_by_state_category_and_date(approver_client, make_article, category):
    make_article(title="Bài đang đăng", category=category)
    make_article(title="Bài hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    make_article(title="Bài nháp", status=Article.Status.DRAFT)
    make_article(title="Bài năm ngoái", published_at=timezone.now() - timedelta(days=400))

    assert titles(
        approver_client.get(reverse("admin:news_article_changelist"), {"trang_thai": "scheduled"})
    ) == ["Bài hẹn giờ"]
    assert titles(approver_client.get(reverse("admin:news_article_changelist"), {"trang_thai": "draft"})) == [
        "Bài nháp"
    ]
    assert set(
        titles(approver_client.get(reverse("admin:news_article_changelist"), {"trang_thai": "published"}))
    ) == {
        "Bài đang đăng",
        "Bài năm ngoái",
    }
    assert titles(
        approver_client.get(reverse("admin:news_article_changelist"), {"category__id__exact": category.pk})
    ) == ["Bài đang đăng"]
    # What the filter's own "7 ngày qua" link sends: local midnight, with its offset.
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    since = str(midnight - timedelta(days=7))
    recent = titles(
        approver_client.get(reverse("admin:news_article_changelist"), {"published_at__gte": since})
    )
    assert "Bài năm ngoái" not in recent
    assert "Bài đang đăng" in recent


@pytest.mark.parametrize(
    "query",
    [
        # Django's date drill-down with a year its calendar cannot end (9999 + 1) or, on SQLite, move
        # to UTC (year 1); and a date filter typed near year 1.
        {"published_at__year": "9999"},
        {"published_at__year": "1"},
        {"published_at__year": "2024", "published_at__month": "13"},
    ],
)
def test_a_date_out_of_range_in_the_address_gives_the_unfiltered_list(approver_client, make_article, query):
    make_article(title="Bài đang đăng")
    response = approver_client.get(reverse("admin:news_article_changelist"), query)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:news_article_changelist") + "?e=1"
    assert titles(approver_client.get(response["Location"])) == ["Bài đang đăng"]


# A date typed without a time zone is what this test sends, so Django's warning about it is expected.
@pytest.mark.filterwarnings("ignore:DateTimeField Article.published_at received a naive datetime")
def test_a_date_filter_near_year_1_lists_what_it_matches(approver_client, make_article):
    # On SQLite, moving 01/01/0001 to UTC overflowed: a 500. Every article is after it.
    make_article(title="Bài đang đăng")
    response = approver_client.get(
        reverse("admin:news_article_changelist"), {"published_at__gte": "0001-01-01"}, follow=True
    )
    assert response.status_code == 200
    assert titles(response) == ["Bài đang đăng"]


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("admin:news_article_changelist", "?title=%00"),
        ("admin:news_category_changelist", "?name=a%00"),
        ("admin:auth_user_changelist", "?username=%00"),
    ],
)
def test_a_nul_byte_in_a_staff_address_is_refused_in_vietnamese(approver_client, name, query):
    # PostgreSQL refuses a NUL in a text filter; it was a 500 on every change list.
    response = approver_client.get(reverse(name) + query)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_search_ignores_accents_and_case(editor_client, make_article):
    make_article(title="Hội nghị Ban Chấp hành Đảng bộ phường")
    make_article(title="Ra quân vệ sinh môi trường", body="<p>Khu dân cư số 3.</p>")
    for query in ("hoi nghi", "HỘI NGHỊ", "dang bo", "Hội nghị"):
        assert titles(editor_client.get(reverse("admin:news_article_changelist"), {"q": query})) == [
            "Hội nghị Ban Chấp hành Đảng bộ phường"
        ]
    assert (
        titles(editor_client.get(reverse("admin:news_article_changelist"), {"q": "hoi nghi ra quan"})) == []
    )


def test_who_created_and_who_last_changed_are_recorded_and_shown(client, editor, approver):
    client.force_login(editor)
    client.post(reverse("admin:news_article_add"), article_form(title="Bài của biên tập viên"))
    article = Article.objects.get()
    assert (article.created_by, article.updated_by) == (editor, editor)

    client.force_login(approver)
    data = article_form(title="Bài của biên tập viên", status=Article.Status.PUBLISHED)
    assert client.post(reverse("admin:news_article_change", args=[article.pk]), data).status_code == 302
    article.refresh_from_db()
    assert (article.created_by, article.updated_by) == (editor, approver)

    form_page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Người tạo" in form_page and "bien-tap" in form_page
    assert "Người sửa cuối" in form_page and "duyet-tin" in form_page
    assert 'name="created_by"' not in form_page  # read-only
    list_page = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "bien-tap" in list_page and "duyet-tin" in list_page


def test_the_admin_speaks_vietnamese(editor_client):
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'lang="vi"' in page
    for label in ("Tiêu đề", "Tóm tắt (sapo)", "Chuyên mục", "Thời gian đăng", "Nội dung", "Chú thích"):
        assert label in page
    assert "Lưu" in page
    # Dates the Vietnamese way, dd/mm/yyyy, in the form and for its date picker.
    assert f'name="published_at_0" value="{timezone.localdate():%d/%m/%Y}"' in page


def test_the_admin_front_page_shows_approvers_what_waits_for_them(approver_client, make_article):
    make_article(title="Gửi duyệt một", status=Article.Status.REVIEW)
    make_article(title="Gửi duyệt hai", status=Article.Status.REVIEW)
    make_article(title="Nháp", status=Article.Status.DRAFT)
    make_article(title="Hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    make_article(title="Đã đăng")
    page = approver_client.get(reverse("admin:index")).content.decode()
    queue = re.search(r'<div class="module" id="viec-can-lam">.*?</div>', page, re.S).group(0)
    assert "Việc đang chờ" in queue

    def row(state, label):
        found = re.search(rf'trang_thai={state}">{label}</a></th>\s*<td>(\d+)</td>', queue)
        return found.group(1)

    assert row("review", "Bài viết chờ duyệt") == "2"
    assert row("draft", r"Bài viết đang viết \(bản nháp\)") == "1"
    assert row("scheduled", "Bài viết đã lên lịch, chưa đến giờ đăng") == "1"
    # The link opens the list of exactly those waiting for review.
    waiting = titles(approver_client.get(reverse("admin:news_article_changelist"), {"trang_thai": "review"}))
    assert set(waiting) == {"Gửi duyệt một", "Gửi duyệt hai"}


def test_staff_who_cannot_see_articles_get_no_queue(client, django_user_model):
    user = django_user_model.objects.create_user("khach", password="mat-khau-dai-123", is_staff=True)
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "viec-can-lam" not in page


def test_the_list_sorts_by_views_with_the_unread_last(approver_client, make_article):
    for title, views in (("Bài ít người đọc", 5), ("Bài chưa ai đọc", None), ("Bài nhiều người đọc", 50)):
        article = make_article(title=title)
        if views is not None:
            set_total(article.pk, views)
    most_first = approver_client.get(reverse("admin:news_article_changelist"), {"o": "-5"})
    assert titles(most_first) == ["Bài nhiều người đọc", "Bài ít người đọc", "Bài chưa ai đọc"]
    assert '<td class="field-view_count">50</td>' in most_first.content.decode()
    least_first = approver_client.get(reverse("admin:news_article_changelist"), {"o": "5"})
    assert titles(least_first) == ["Bài chưa ai đọc", "Bài ít người đọc", "Bài nhiều người đọc"]
