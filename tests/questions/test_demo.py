"""`manage.py load_demo` also gives the Hỏi đáp page a few answered questions, in our own words."""

from io import StringIO

from django.core.management import call_command

from questions.models import Question


def test_the_demo_has_answered_questions_on_the_hoi_dap_page(client, db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Đã tạo 4 câu hỏi mẫu." in out.getvalue()
    assert Question.objects.published().count() == 3
    assert Question.objects.waiting().count() == 1
    text = client.get("/hoi-dap/").content.decode()
    assert "Giờ tiếp nhận hồ sơ vào thứ Bảy" in text
    assert "Người dân mẫu" not in text
    call_command("load_demo", stdout=StringIO())
    assert Question.objects.count() == 4
