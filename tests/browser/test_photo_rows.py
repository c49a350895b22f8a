"""The photo rows in real Chromium: photos stay chosen after a refused save, a chosen photo shows a
preview, and the position lists follow the body as staff type it in CKEditor."""

import re

import pytest
from django.urls import reverse

from news.admin_forms import position_choices
from news.models import Article
from news.sanitize import sanitize_body
from tests.staff.files import REFUSED
from tests.staff.people import EDITORS, make_staff, restore_groups

from .conftest import DESKTOP, PHONE, SCREENSHOTS
from .portal_content import loaded_width, type_in_editor, write_photos
from .test_staff_publishing import log_in, watch_console

PARAGRAPHS = [
    "Sáng nay, Đảng ủy phường tổ chức hội nghị sơ kết công tác dân vận.",
    "Tại hội nghị đã có 9 ý kiến phát biểu, tập trung vào việc giúp người cao tuổi.",
    "Hội nghị kết thúc lúc 11 giờ cùng ngày.",
]
ADDED = "Sau hội nghị, các đại biểu thăm nhà văn hóa tổ dân phố số 3."
CAPTIONS = ["Quang cảnh hội nghị", "Đại biểu phát biểu", "Thăm nhà văn hóa"]


@pytest.fixture
def files(tmp_path):
    good = write_photos(tmp_path, (1200, 800), "anh-hoi-nghi")
    name, content, _ = REFUSED["iphone-heic"]
    heic = tmp_path / name
    heic.write_bytes(content)
    return [*good, heic]


def labels(page, row):
    return page.locator(f"#id_photos-{row}-position option").all_inner_texts()


def shoot_rows(page, name):
    """The photo rows alone, at the phone's width and the desktop's."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        group = page.locator("#photos-group")
        group.scroll_into_view_if_needed()
        group.screenshot(path=str(SCREENSHOTS / f"{name}-{size['width']}.png"))
    page.set_viewport_size(DESKTOP)


def test_photos_stay_chosen_and_positions_follow_the_typing(desktop, live_server, files):
    restore_groups()
    make_staff("bien-tap", EDITORS)
    base = live_server.url
    page = desktop
    problems = watch_console(page)
    log_in(page, base, "bien-tap")
    page.goto(base + reverse("admin:news_article_add"))
    page.fill("#id_title", "Hội nghị sơ kết công tác dân vận")
    type_in_editor(page, PARAGRAPHS)

    # The lists name what was just typed. They follow the typing a moment later: five options may
    # still end in the last paragraph's first words, so the wait is for its label as typed in full.
    last = "Sau đoạn 3: «Hội nghị kết thúc lúc 11 giờ cùng…»"
    page.wait_for_function(
        "label => [...document.querySelectorAll('#id_photos-0-position option')].some(o => o.text === label)",
        arg=last,
    )
    assert labels(page, 0) == [
        "Đầu bài",
        "Sau đoạn 1: «Sáng nay, Đảng ủy phường tổ chức hội…»",
        "Sau đoạn 2: «Tại hội nghị đã có 9 ý kiến…»",
        last,
        "Cuối bài",
    ]

    # Two good photos and an iPhone's HEIC in a third row.
    page.locator("#photos-group .add-row a").click()
    for row, path in enumerate(files):
        page.set_input_files(f"#id_photos-{row}-image", str(path))
        page.fill(f"#id_photos-{row}-caption", CAPTIONS[row])
    # A row added with "Thêm" starts at the end, as the form's own rows do.
    assert page.input_value("#id_photos-2-position") == ""
    page.select_option("#id_photos-0-position", "1")
    page.select_option("#id_photos-1-position", "2")
    # A chosen photo shows before it is saved.
    assert loaded_width(page.locator("#photos-0 img.photo-new-preview")) > 0
    page.click("input[name=_continue]")

    # Refused for the HEIC alone: the two good photos are kept, with their previews and places.
    page.wait_for_selector(".errornote")
    assert "HEIC" in page.locator("#photos-2").inner_text()
    for row in (0, 1):
        kept = page.locator(f"#photos-{row} .photo-kept")
        assert "Ảnh đã chọn được giữ lại, không cần chọn lại" in kept.inner_text()
        assert loaded_width(kept.locator("img.photo-preview")) > 0
    assert page.locator("#photos-2 .photo-kept").count() == 0
    assert page.input_value("#id_photos-0-position") == "1"
    assert page.input_value("#id_photos-1-position") == "2"
    assert page.input_value("#id_photos-2-position") == ""
    assert page.input_value("#id_photos-0-caption") == CAPTIONS[0]
    shoot_rows(page, "admin-photo-rows-refused")

    # Staff add a paragraph: it appears in every list at once, and the third photo goes after it.
    body = page.frame_locator(".cke_wysiwyg_frame").locator("body")
    body.locator("p").last.click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type(ADDED)
    added = "Sau đoạn 4: «Sau hội nghị, các đại biểu thăm nhà…»"
    page.wait_for_function(
        "label => [...document.querySelectorAll('#id_photos-0-position option')].some(o => o.text === label)",
        arg=added,
    )
    assert added in labels(page, 1) and added in labels(page, 2)
    assert page.input_value("#id_photos-0-position") == "1"
    page.set_input_files("#id_photos-2-image", str(files[0]))
    page.select_option("#id_photos-2-position", label=added)
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert list(article.photos.values_list("caption", "position")) == [
        (CAPTIONS[0], 1),
        (CAPTIONS[1], 2),
        (CAPTIONS[2], 4),
    ]
    assert page.locator("img.photo-thumb").count() == 3

    # On the article's page (staff see the draft there) each photo follows the paragraph chosen.
    page.goto(base + article.get_absolute_url())
    text = page.locator(".article-body").inner_text()
    places = [PARAGRAPHS[0], CAPTIONS[0], PARAGRAPHS[1], CAPTIONS[1], PARAGRAPHS[2], ADDED, CAPTIONS[2]]
    assert [text.index(place) for place in places] == sorted(text.index(place) for place in places)
    assert problems == [], problems


TRICKY = (
    "<p>&nbsp;</p><p>Mở đầu &amp; giới thiệu chương trình của hội nghị hôm nay tại phường</p>"
    "<h2>Kết quả</h2><ul><li>Một</li><li>Hai</li></ul><p><img src='/static/img/favicon.svg' alt=''></p>"
    "<table><tbody><tr><td>Ô một</td><td>Ô hai</td></tr></tbody></table><hr>"
    "<blockquote><p>Lời Bác dạy</p></blockquote><p>&nbsp; &nbsp;</p><p>Hết.</p>"
)


def test_the_browser_counts_paragraphs_as_the_server_does(desktop, live_server):
    """Two counts of one body: a photo placed by the browser's list must land where the page puts it."""
    restore_groups()
    make_staff("bien-tap", EDITORS)
    page = desktop
    log_in(page, live_server.url, "bien-tap")
    page.goto(live_server.url + reverse("admin:news_article_add"))
    page.wait_for_function("() => window.CKEDITOR && CKEDITOR.instances.id_body.status === 'ready'")
    page.evaluate("markup => CKEDITOR.instances.id_body.setData(markup)", TRICKY)
    page.wait_for_function("() => document.querySelector('#id_photos-0-position').options.length > 2")
    # What the server will be sent, as CKEditor writes it (its content filter may drop a tag or two).
    sent = page.evaluate("() => CKEDITOR.instances.id_body.getData()")
    expected = [label for _, label in position_choices(sanitize_body(sent))]
    assert len(expected) >= 9, expected
    assert labels(page, 0) == expected
    # The rows "Thêm ảnh" adds are copies of the hidden template row: it follows too.
    template = page.locator("#id_photos-__prefix__-position option").all_inner_texts()
    assert template == expected
    assert re.search(r"«Mở đầu & giới thiệu", " ".join(expected))
