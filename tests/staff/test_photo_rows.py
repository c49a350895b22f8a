"""The photo rows as staff use them: photos that stay chosen after a refused save, and positions chosen
from the body's paragraphs by their opening words, with the photos' order following their position."""

import html
import os
import re
import time

import pytest
from django.core import signing
from django.urls import reverse

from news import kept_photos
from news.models import Article, ArticlePhoto

from .files import REFUSED, image_bytes, stored_files, upload
from .posting import article_form

ADD = reverse("admin:news_article_add")


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


BODY = (
    "<p>Sáng 20/11, Đảng ủy phường tổ chức hội nghị sơ kết công tác xây dựng Đảng.</p>"
    "<p>&nbsp;</p>"
    "<h2>Kết quả</h2>"
    "<p>Tại hội nghị đã có 9 ý kiến phát biểu, tập trung vào công tác dân vận.</p>"
    "<ul><li>Hoàn thành 12 chỉ tiêu</li><li>Kết nạp 5 đảng viên</li></ul>"
    "<p>Hội nghị kết thúc lúc 11 giờ.</p>"
)
LABELS = [
    "Đầu bài",
    "Sau đoạn 1: «Sáng 20/11, Đảng ủy phường tổ chức hội…»",
    "Sau đoạn 2 (tiêu đề): «Kết quả»",
    "Sau đoạn 3: «Tại hội nghị đã có 9 ý kiến…»",
    "Sau đoạn 4 (danh sách): «Hoàn thành 12 chỉ tiêu Kết nạp 5…»",
    "Sau đoạn 5: «Hội nghị kết thúc lúc 11 giờ.»",
    "Cuối bài",
]
CAPTIONS = [f"Ảnh số {n} của hội nghị" for n in range(1, 7)]
HEIC_NAME, HEIC, HEIC_MESSAGE = REFUSED["iphone-heic"]


def options(page, row):
    """The (value, label, selected) options of a photo row's position select, as the page has them."""
    select = re.search(rf'<select name="photos-{row}-position"[^>]*>(.*?)</select>', page, re.S).group(1)
    found = re.findall(r'<option value="([^"]*)"( selected)?>(.*?)</option>', select, re.S)
    return [(value, html.unescape(label), bool(selected)) for value, selected, label in found]


def kept_tokens(page):
    return dict(re.findall(r'<input type="hidden" name="(photos-\d+-image-kept)" value="([^"]+)"', page))


def good_row(n, **fields):
    return {
        "image": upload(f"anh-{n}.jpg", image_bytes((900 + n, 600))),
        "caption": CAPTIONS[n - 1],
        **fields,
    }


def test_the_position_list_names_each_paragraph_by_number_and_opening_words(editor_client, make_article):
    """Staff typed 9 for "đặt sau đoạn thứ" meaning one paragraph; nothing on the form numbered them."""
    article = make_article(status=Article.Status.DRAFT, body=BODY)
    page = editor_client.get(change_url(article)).content.decode()
    assert [label for _, label, _ in options(page, 0)] == LABELS
    assert [value for value, _, _ in options(page, 0)] == ["0", "1", "2", "3", "4", "5", ""]
    # A new row goes at the end, as an empty position always has.
    assert [label for _, label, selected in options(page, 0) if selected] == ["Cuối bài"]
    assert "Vị trí trong bài" in page
    # The order is no longer asked for: it follows the position.
    assert 'name="photos-0-order"' not in page


def test_a_refused_save_lists_the_paragraphs_of_the_body_just_sent(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT, body="<p>Cũ.</p>")
    data = article_form(title="", body="<p>Đoạn mới thứ nhất.</p><p>Đoạn mới thứ hai.</p>")
    page = editor_client.post(change_url(article), data).content.decode()
    # The rows "Thêm ảnh" adds are copies of this one.
    assert [label for _, label, _ in options(page, "__prefix__")] == [
        "Đầu bài",
        "Sau đoạn 1: «Đoạn mới thứ nhất.»",
        "Sau đoạn 2: «Đoạn mới thứ hai.»",
        "Cuối bài",
    ]


def test_a_chosen_position_puts_the_photo_after_that_paragraph_on_the_page(editor_client):
    rows = [good_row(1, position="3"), good_row(2, position="0"), good_row(3, position="")]
    data = article_form(body=BODY, photos=rows)
    assert editor_client.post(ADD, data).status_code == 302
    article = Article.objects.get()
    page = editor_client.get(article.get_absolute_url()).content.decode()
    text = page.split('class="article-body"', 1)[1]
    assert text.index(CAPTIONS[1]) < text.index("Sáng 20/11")
    assert text.index("Tại hội nghị") < text.index(CAPTIONS[0]) < text.index("Hoàn thành 12")
    assert text.index("kết thúc lúc 11 giờ") < text.index(CAPTIONS[2])


def test_any_position_the_model_can_store_is_accepted_and_a_stored_one_past_the_end_stays_listed(
    editor_client, make_article, make_photo
):
    """The list in the browser follows the typing, ahead of the server's: it may offer block 12."""
    article = make_article(status=Article.Status.DRAFT, body="<p>Một.</p><p>Hai.</p>")
    data = article_form(title=article.title, body=article.body, photos=[good_row(1, position="12")])
    assert editor_client.post(change_url(article), data).status_code == 302
    photo = ArticlePhoto.objects.get()
    assert photo.position == 12
    page = editor_client.get(change_url(article)).content.decode()
    assert ("12", "Sau đoạn 12 (bài không có đoạn này: ảnh ở cuối bài)", True) in options(page, 0)

    for wrong in ("-1", "40000", "ba"):
        row = {"id": photo.pk, "article": article.pk, "caption": photo.caption, "position": wrong}
        data = article_form(title=article.title, body=article.body, existing=[row])
        assert editor_client.post(change_url(article), data).status_code == 200, wrong
    photo.refresh_from_db()
    assert photo.position == 12


def test_a_refused_photo_among_good_ones_leaves_the_good_ones_chosen(
    editor_client, media_root, settings, django_capture_on_commit_callbacks
):
    """Six photos chosen, one a HEIC: the save failed and all six file boxes came back empty."""
    rows = [good_row(n) for n in range(1, 6)]
    rows.insert(2, {"image": upload(HEIC_NAME, HEIC), "caption": "Ảnh từ iPhone"})
    response = editor_client.post(ADD, article_form(body=BODY, photos=rows))
    assert response.status_code == 200
    page = response.content.decode()
    assert HEIC_MESSAGE in page
    tokens = kept_tokens(page)
    assert sorted(tokens) == [f"photos-{row}-image-kept" for row in (0, 1, 3, 4, 5)]
    assert page.count("Ảnh đã chọn được giữ lại, không cần chọn lại") == 5
    assert page.count('<img class="photo-preview" src="data:image/jpeg;base64,') == 5
    assert "anh-1.jpg" in page
    # Kept privately, never under MEDIA_ROOT, which the web server publishes.
    assert not Article.objects.exists()
    assert stored_files(media_root) == []
    private = settings.PORTAL_PRIVATE_ROOT
    assert len(stored_files(private)) == 5

    # The second save sends only the tokens, and a JPEG in place of the HEIC.
    again = [{"caption": CAPTIONS[n - 1]} for n in range(1, 6)]
    again.insert(2, good_row(6))
    data = article_form(body=BODY, photos=again)
    data.update(tokens)
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(ADD, data).status_code == 302
    article = Article.objects.get()
    photos = list(article.photos.all())
    assert [p.caption for p in photos] == [CAPTIONS[n - 1] for n in (1, 2, 6, 3, 4, 5)]
    assert [p.width for p in photos] == [901, 902, 906, 903, 904, 905]
    assert all(p.thumbnail for p in photos)
    # The kept copies went once the photos were stored.
    assert stored_files(private) == []


def test_a_missing_title_keeps_every_photo_chosen(editor_client, django_capture_on_commit_callbacks):
    rows = [good_row(1, position="1"), good_row(2)]
    page = editor_client.post(ADD, article_form(title="", photos=rows)).content.decode()
    tokens = kept_tokens(page)
    assert len(tokens) == 2
    # The chosen position comes back chosen too.
    assert [value for value, _, selected in options(page, 0) if selected] == ["1"]

    data = article_form(photos=[{"caption": CAPTIONS[0], "position": "1"}, {"caption": CAPTIONS[1]}])
    data.update(tokens)
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(ADD, data).status_code == 302
    assert list(ArticlePhoto.objects.values_list("caption", "position")) == [
        (CAPTIONS[0], 1),
        (CAPTIONS[1], None),
    ]


def test_a_photo_kept_again_and_again_is_one_file(editor_client, settings):
    page = editor_client.post(ADD, article_form(title="", photos=[good_row(1)])).content.decode()
    data = article_form(title="", photos=[{"caption": CAPTIONS[0]}])
    first = kept_tokens(page)
    data.update(first)
    page = editor_client.post(ADD, data).content.decode()
    assert kept_tokens(page) == first
    assert len(stored_files(settings.PORTAL_PRIVATE_ROOT)) == 1


def test_a_new_file_replaces_the_kept_one(editor_client, settings, django_capture_on_commit_callbacks):
    page = editor_client.post(ADD, article_form(title="", photos=[good_row(1)])).content.decode()
    data = article_form(photos=[good_row(4)])
    data.update(kept_tokens(page))
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(ADD, data).status_code == 302
    assert ArticlePhoto.objects.get().width == 904
    assert stored_files(settings.PORTAL_PRIVATE_ROOT) == []


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda token: token[:-3] + ("abc" if token[-3:] != "abc" else "abd"), id="altered"),
        pytest.param(lambda token: "../../portal/settings.py", id="a-path"),
        pytest.param(
            lambda token: signing.dumps({"file": "../../portal/settings.py", "owner": None}), id="unsalted"
        ),
    ],
)
def test_a_forged_token_is_a_vietnamese_error_and_saves_nothing(editor_client, forge):
    page = editor_client.post(ADD, article_form(title="", photos=[good_row(1)])).content.decode()
    (name, token), *_ = kept_tokens(page).items()
    data = article_form(photos=[{"caption": CAPTIONS[0]}])
    data[name] = forge(token)
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    assert kept_photos.MESSAGE_LOST in response.content.decode()
    assert not Article.objects.exists()
    assert not ArticlePhoto.objects.exists()


def test_a_token_kept_for_someone_else_or_too_long_ago_brings_nothing_back(
    client, editor, approver, monkeypatch
):
    """A token found in a shared computer's history cannot fetch the photo for another member of staff."""
    client.force_login(approver)
    page = client.post(ADD, article_form(title="", photos=[good_row(1)])).content.decode()
    data = article_form(photos=[{"caption": CAPTIONS[0]}])
    data.update(kept_tokens(page))
    client.force_login(editor)
    assert kept_photos.MESSAGE_LOST in client.post(ADD, data).content.decode()

    client.force_login(approver)
    monkeypatch.setattr(kept_photos, "KEEP_SECONDS", -1)
    assert kept_photos.MESSAGE_LOST in client.post(ADD, data).content.decode()
    assert not ArticlePhoto.objects.exists()


def test_kept_photos_older_than_a_day_are_purged_when_another_is_kept(editor_client, settings):
    editor_client.post(ADD, article_form(title="", photos=[good_row(1)]))
    (old,) = (settings.PORTAL_PRIVATE_ROOT / "kept-photos").iterdir()
    day_ago = time.time() - kept_photos.KEEP_SECONDS - 60
    os.utime(old, (day_ago, day_ago))
    editor_client.post(ADD, article_form(title="", photos=[good_row(2)]))
    remaining = list((settings.PORTAL_PRIVATE_ROOT / "kept-photos").iterdir())
    assert len(remaining) == 1 and old not in remaining


def test_order_follows_position_and_rows_at_one_position_keep_their_order(editor_client, make_article):
    rows = [
        good_row(1, position=""),
        good_row(2, position="2"),
        good_row(3, position="0"),
        good_row(4, position="2"),
    ]
    assert editor_client.post(ADD, article_form(body=BODY, photos=rows)).status_code == 302
    article = Article.objects.get()
    assert [(p.caption, p.order) for p in article.photos.all()] == [
        (CAPTIONS[2], 0),
        (CAPTIONS[1], 1),
        (CAPTIONS[3], 2),
        (CAPTIONS[0], 3),
    ]
    page = editor_client.get(article.get_absolute_url()).content.decode()
    text = page.split('class="article-body"', 1)[1]
    places = [CAPTIONS[2], "Sáng 20/11", "Kết quả", CAPTIONS[1], CAPTIONS[3], "Tại hội nghị", CAPTIONS[0]]
    assert [text.index(place) for place in places] == sorted(text.index(place) for place in places)

    # Moving the last photo to the start renumbers them all.
    photos = list(article.photos.all())
    existing = [
        {
            "id": p.pk,
            "article": article.pk,
            "caption": p.caption,
            "position": "" if p.position is None else p.position,
        }
        for p in photos
    ]
    existing[3]["position"] = "0"
    data = article_form(title=article.title, body=article.body, existing=existing)
    assert editor_client.post(change_url(article), data).status_code == 302
    assert [p.caption for p in article.photos.all()] == [CAPTIONS[n] for n in (2, 0, 1, 3)]
