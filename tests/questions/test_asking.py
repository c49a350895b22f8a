"""A resident sends a question: it is stored with a reference, the answer page says so in Vietnamese,
and bad input is refused with a Vietnamese message and nothing stored."""

import re

import pytest
from django.urls import reverse

from questions.models import REFERENCE_PATTERN, Question

ASK = "/hoi-dap/gui-cau-hoi/"


@pytest.fixture(autouse=True)
def generous_limits(settings):
    # These tests are about the form, not the flood: limits far away (tests/questions/test_flood.py).
    settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS = 1000
    settings.PORTAL_QUESTION_LIMIT_PER_CONTACT = 1000


def test_the_form_page_shows_every_field_and_the_privacy_note(reader, db):
    page = reader.get(ASK)
    assert page.status_code == 200
    text = page.content.decode()
    for label in ("Họ và tên", "Số điện thoại", "Thư điện tử", "Tổ dân phố", "Tiêu đề", "Câu hỏi hoặc góp ý"):
        assert label in text
    assert "csrfmiddlewaretoken" in text
    assert "Thông tin của bạn được giữ thế nào" in text
    assert "180 ngày sau khi phường trả lời" in text
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]


def test_a_question_is_stored_and_the_resident_sees_its_reference(reader, form_data, db):
    response = reader.post(ASK, form_data(phone="+84 912.345.678", subject="Đèn ngõ 12 bị hỏng"))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.phone == "0912345678"
    assert question.subject == "Đèn ngõ 12 bị hỏng"
    assert question.status == Question.Status.DRAFT and question.answer == ""
    assert re.fullmatch(REFERENCE_PATTERN, question.reference)
    page = reader.get(response["Location"])
    text = page.content.decode()
    assert "Phường đã nhận câu hỏi của bạn" in text
    assert question.reference in text
    # The confirmation names no one: the reference alone never says who asked or how to reach them.
    assert "Nguyễn Văn An" not in text and "0912345678" not in text and "Đèn ngõ 12" not in text
    assert question.reference not in response["Location"]


@pytest.mark.parametrize("junk", ["HD-ABCDEF", "", "%00", "x" * 5000, "HD-ABCDEF:1abc:xyz"])
def test_a_forged_or_junk_confirmation_address_goes_back_to_the_form(reader, junk, db):
    response = reader.get(reverse("questions:sent") + "?ma=" + junk)
    assert response.status_code == 302 and response["Location"] == ASK


def test_the_question_is_kept_as_plain_text_and_shown_escaped(admin_client, reader, form_data, db):
    reader.post(ASK, form_data(body="<script>alert(1)</script>\n<b>đậm</b>", subject="<i>Tiêu đề</i>"))
    question = Question.objects.get()
    assert question.body == "<script>alert(1)</script>\n<b>đậm</b>"
    question.answer = "Trả lời <img src=x onerror=alert(1)>"
    question.status = Question.Status.PUBLISHED
    question.save()
    text = reader.get(question.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in text and "<img src=x" not in text and "<i>Tiêu đề" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;b&gt;đậm&lt;/b&gt;" in text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"phone": "", "email": ""}, "Xin ghi số điện thoại hoặc thư điện tử"),
        ({"phone": "12345"}, "Số điện thoại chưa đúng"),
        ({"phone": "0112345678"}, "Số điện thoại chưa đúng"),
        ({"phone": "", "email": "an@"}, "Địa chỉ thư điện tử chưa đúng"),
        ({"name": ""}, "Xin điền mục này."),
        ({"subject": "   "}, "Xin điền mục này."),
        ({"body": "x" * 3001}, "tối đa 3.000 ký tự, bạn đã viết 3.001 ký tự"),
        ({"body": "x" * 50_000}, "tối đa 3.000 ký tự, bạn đã viết 50.000 ký tự"),
        ({"subject": "x" * 5000}, "tối đa 200 ký tự"),
        ({"body": "Câu hỏi\x00có NUL"}, "ký tự không hợp lệ (ký tự rỗng)"),
        ({"name": "An\x00"}, "ký tự không hợp lệ (ký tự rỗng)"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_stored(reader, form_data, fields, message, db):
    response = reader.post(ASK, form_data(**fields))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Câu hỏi chưa được gửi" in text
    assert message in text
    assert Question.objects.count() == 0


def test_what_the_resident_typed_comes_back_escaped_after_a_refusal(reader, form_data, db):
    response = reader.post(ASK, form_data(phone="", email="", subject='"><script>x()</script>'))
    text = response.content.decode()
    assert "<script>x()" not in text
    assert "&quot;&gt;&lt;script&gt;x()&lt;/script&gt;" in text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84 912 345 678", "0912345678"),
        ("(024) 3825 1234", "02438251234"),
        ("0386-123-456", "0386123456"),
    ],
)
def test_vietnamese_phone_numbers_as_people_write_them(reader, form_data, typed, stored, db):
    assert reader.post(ASK, form_data(phone=typed)).status_code == 302
    assert Question.objects.get().phone == stored


def test_an_email_alone_is_enough(reader, form_data, db):
    assert reader.post(ASK, form_data(phone="", email="an.nguyen@gmail.com")).status_code == 302
    assert Question.objects.get().email == "an.nguyen@gmail.com"


def test_text_is_stored_nfc(reader, form_data, db):
    reader.post(ASK, form_data(subject="Ho\u0309i ve\u0302\u0300 đu\u031bo\u031b\u0300ng"))
    assert Question.objects.get().subject == "Hỏi về đường"


def test_a_bot_filling_the_hidden_field_is_told_the_same_and_nothing_is_stored(reader, form_data, db):
    response = reader.post(ASK, form_data(website="http://spam.example"))
    assert response.status_code == 302
    page = reader.get(response["Location"])
    assert "Phường đã nhận câu hỏi của bạn" in page.content.decode()
    assert re.search(REFERENCE_PATTERN, page.content.decode())
    assert Question.objects.count() == 0


def test_the_form_needs_its_csrf_token(db, form_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(ASK, form_data())
    assert response.status_code == 403
    assert Question.objects.count() == 0


def test_references_differ_and_are_not_in_sequence(make_question):
    references = {make_question().reference for _ in range(30)}
    assert len(references) == 30


def test_a_resident_sending_a_question_keeps_the_pages_kept(reader, form_data, db):
    """A new question is not public: it must not drop every kept page (a flood would empty the cache)."""
    from news import page_cache

    before = page_cache.generation()
    assert reader.post(ASK, form_data()).status_code == 302
    assert Question.objects.count() == 1
    assert page_cache.generation() == before


def test_an_answer_taken_back_puts_the_question_back_in_the_queue(make_question):
    question = make_question(status=Question.Status.DRAFT)
    assert question.answered_at is not None
    question.answer = ""
    question.save()
    assert question.answered_at is None
    assert Question.objects.waiting().filter(pk=question.pk).exists()


def test_a_confirmation_older_than_a_day_goes_back_to_the_form(reader, monkeypatch, db):
    import time

    from django.core import signing

    from questions.views import SENT_SALT

    real = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() - 2 * 24 * 60 * 60)
    old = signing.dumps("HD-ABCDEF", salt=SENT_SALT)
    monkeypatch.setattr(signing.time, "time", real)
    assert reader.get(reverse("questions:sent"), {"ma": old}).status_code == 302
    fresh = signing.dumps("HD-ABCDEF", salt=SENT_SALT)
    assert "HD-ABCDEF" in reader.get(reverse("questions:sent"), {"ma": fresh}).content.decode()
