"""The public Hỏi đáp page: published, answered questions, newest first, never who asked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from questions.models import Question

INDEX = "/hoi-dap/"


def test_published_answers_are_listed_newest_first(reader, make_question):
    older = make_question(subject="Hỏi về lịch tiêm chủng", published_at=timezone.now() - timedelta(days=2))
    newer = make_question(subject="Góp ý về bãi đỗ xe", published_at=timezone.now() - timedelta(hours=1))
    text = reader.get(INDEX).content.decode()
    assert text.index("Góp ý về bãi đỗ xe") < text.index("Hỏi về lịch tiêm chủng")
    assert newer.answer in text and older.answer in text
    assert "Một người dân hỏi ngày" in text


def test_drafts_unanswered_scheduled_and_review_stay_off_the_page(reader, make_question):
    make_question(subject="Đang trả lời riêng", status=Question.Status.DRAFT)
    make_question(subject="Chờ duyệt đăng", status=Question.Status.REVIEW)
    make_question(subject="Hẹn giờ đăng", published_at=timezone.now() + timedelta(days=1))
    unanswered = make_question(subject="Chưa có trả lời", answer="")
    text = reader.get(INDEX).content.decode()
    for subject in ("Đang trả lời riêng", "Chờ duyệt đăng", "Hẹn giờ đăng", "Chưa có trả lời"):
        assert subject not in text
    assert "Chưa có câu hỏi nào được đăng." in text
    assert reader.get(unanswered.get_absolute_url()).status_code == 404


def test_the_senders_contact_data_is_never_on_public_pages(reader, make_question):
    question = make_question(
        name="Phạm Thị Dung", phone="0901234567", email="dung@example.vn", residential_group="Tổ 7"
    )
    for address in (INDEX, question.get_absolute_url(), "/sitemap.xml"):
        text = reader.get(address).content.decode()
        for private in ("Phạm Thị Dung", "Dung", "0901234567", "dung@example.vn", "Tổ 7"):
            assert private not in text, (address, private)


def test_one_question_has_its_own_printable_page_with_open_graph_tags(reader, make_question):
    question = make_question(subject="Hỏi về cấp lại căn cước", answer="Dòng một.\nDòng hai.")
    page = reader.get(question.get_absolute_url())
    text = page.content.decode()
    assert page.status_code == 200
    assert '<meta property="og:title" content="Hỏi về cấp lại căn cước">' in text
    assert f'<meta property="og:url" content="http://testserver/hoi-dap/{question.pk}/">' in text
    assert "<p>Dòng một.<br>Dòng hai.</p>" in text
    assert 'href="/static/css/print.css" media="print"' in text


def test_junk_addresses_are_not_found(reader, db):
    assert reader.get("/hoi-dap/99999999999999999999999/").status_code == 404
    assert reader.get("/hoi-dap/abc/").status_code == 404
    assert reader.get(INDEX + "?page=999").status_code == 404
    assert reader.get(INDEX + "?page=%00").status_code == 200


def test_pages_of_ten(reader, make_question):
    for n in range(12):
        make_question(subject=f"Câu hỏi thứ {n:02d}")
    first = reader.get(INDEX).content.decode()
    second = reader.get(INDEX + "?page=2").content.decode()
    assert first.count('class="qa"') == 10 and second.count('class="qa"') == 2
    assert "Trang 1 / 2" in first


def test_staff_preview_a_question_before_it_is_published(admin_client, make_question):
    question = make_question(status=Question.Status.DRAFT)
    text = admin_client.get(question.get_absolute_url()).content.decode()
    assert "Bản xem trước – câu hỏi này chưa được đăng công khai." in text
    assert '<meta name="robots" content="noindex">' in text


def test_an_answer_published_drops_the_kept_page(reader, make_question):
    question = make_question(status=Question.Status.DRAFT)
    assert question.subject not in reader.get(INDEX).content.decode()
    question.status = Question.Status.PUBLISHED
    question.save()
    assert question.subject in reader.get(INDEX).content.decode()


def test_the_page_is_kept_rendered_for_residents(
    reader, make_question, django_assert_num_queries, ward_identity
):
    make_question()
    reader.get(INDEX)
    with django_assert_num_queries(0):
        assert reader.get(INDEX).status_code == 200


@pytest.mark.parametrize("count", [2, 9])
def test_query_counts_are_flat_in_the_number_of_questions(
    reader, make_question, django_assert_num_queries, ward_identity, count
):
    questions = [make_question() for _ in range(count)]
    # The page's count and its rows, and the header's sections; then the question, the header kept
    # (ward.templatetags.kept_parts).
    with django_assert_num_queries(3):
        assert reader.get(INDEX).status_code == 200
    with django_assert_num_queries(1):
        assert reader.get(questions[0].get_absolute_url()).status_code == 200


def test_the_form_and_confirmation_ask_the_database_little(
    reader, form_data, django_assert_num_queries, ward_identity
):
    with django_assert_num_queries(1):  # the header's sections
        assert reader.get("/hoi-dap/gui-cau-hoi/").status_code == 200
    # The reference's uniqueness, the insert (in its savepoint on PostgreSQL, not on SQLite).
    response = reader.post("/hoi-dap/gui-cau-hoi/", form_data())
    assert response.status_code == 302
    # Nothing: a question sent bumps no generation (Question.receive), so the header is still kept.
    with django_assert_num_queries(0):
        assert reader.get(response["Location"]).status_code == 200


def test_the_sitemap_lists_the_page_and_published_questions(reader, make_question):
    public = make_question()
    draft = make_question(status=Question.Status.DRAFT)
    text = reader.get("/sitemap.xml").content.decode()
    assert "http://testserver/hoi-dap/</loc>" in text
    assert f"http://testserver/hoi-dap/{public.pk}/</loc>" in text
    assert f"/hoi-dap/{draft.pk}/</loc>" not in text


def test_questions_store_folded_text_for_search_without_contact_data(make_question):
    question = make_question(subject="Đường ngõ ngập nước", body="Khi mưa to", answer="Phường sẽ nạo vét")
    assert question.search_text == " duong ngo ngap nuoc khi mua to phuong se nao vet "
    assert "binh" not in question.search_text and "0987654321" not in question.search_text
