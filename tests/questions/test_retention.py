"""The sender's contact data is deleted PORTAL_QUESTION_CONTACT_DAYS after the answer (or after receipt,
for a question never answered) by `manage.py purge_question_contacts`; the question and answer stay."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from questions.models import Question


def purge():
    out = StringIO()
    call_command("purge_question_contacts", stdout=out)
    return out.getvalue()


def aged(question, **times):
    Question.objects.filter(pk=question.pk).update(**times)


def test_contact_data_goes_after_the_set_days_from_the_answer(make_question, settings):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 180
    now = timezone.now()
    old = make_question(subject="Đã trả lời lâu")
    recent = make_question(subject="Mới trả lời")
    aged(old, answered_at=now - timedelta(days=181), created_at=now - timedelta(days=200))
    aged(recent, answered_at=now - timedelta(days=179), created_at=now - timedelta(days=300))
    assert "Đã xóa thông tin liên hệ của 1 câu hỏi (quá 180 ngày)." in purge()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.phone, old.email, old.residential_group) == ("", "", "", "")
    assert old.contact_purged_at is not None
    assert old.subject == "Đã trả lời lâu" and old.answer and old.is_public
    assert recent.name and recent.phone and recent.email and recent.contact_purged_at is None


def test_a_question_never_answered_loses_its_contact_data_counted_from_receipt(make_question, settings):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 30
    waiting = make_question(answer="", status=Question.Status.DRAFT)
    aged(waiting, created_at=timezone.now() - timedelta(days=31))
    purge()
    waiting.refresh_from_db()
    assert waiting.phone == "" and waiting.contact_purged_at is not None


def test_a_second_run_changes_nothing(make_question, settings):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 1
    question = make_question()
    aged(question, answered_at=timezone.now() - timedelta(days=2))
    purge()
    question.refresh_from_db()
    first = question.contact_purged_at
    assert "của 0 câu hỏi" in purge()
    question.refresh_from_db()
    assert question.contact_purged_at == first


def test_staff_with_the_permission_see_that_it_was_deleted(admin_client, make_question, settings):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 1
    question = make_question()
    aged(question, answered_at=timezone.now() - timedelta(days=2))
    purge()
    text = admin_client.get(f"/quan-tri/questions/question/{question.pk}/change/").content.decode()
    assert "Thông tin liên hệ đã được xóa ngày" in text
    assert "(đã xóa theo thời hạn lưu)" in admin_client.get("/quan-tri/questions/question/").content.decode()


def test_staff_with_the_permission_see_when_it_will_be_deleted(admin_client, make_question, settings):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 180
    question = make_question()
    aged(question, answered_at=timezone.make_aware(timezone.datetime(2026, 3, 1, 9, 0)))
    text = admin_client.get(f"/quan-tri/questions/question/{question.pk}/change/").content.decode()
    assert "Sẽ tự xóa sau ngày 28/08/2026 (180 ngày sau khi trả lời)." in text
