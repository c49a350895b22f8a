"""`manage.py purge_question_contacts`: delete senders' contact data past PORTAL_QUESTION_CONTACT_DAYS.

Run it daily (docs/DEPLOY.md's timer, like purge_trash). The question and its answer stay; the name,
phone, email and tổ dân phố become empty and the question says when they were deleted. Versions never
held them (Question.revision_exclude), so nothing of them is left behind.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from questions.models import CONTACT_FIELDS, Question


class Command(BaseCommand):
    help = "Xóa thông tin liên hệ của người hỏi đã quá thời hạn lưu (PORTAL_QUESTION_CONTACT_DAYS)."

    def handle(self, *args, **options):
        now = timezone.now()
        expired = Question.objects.filter(pk__in=Question.objects.contact_expired(now).values("pk"))
        # An UPDATE, not save(): no version, no new "sửa lúc", no kept page dropped (the public never
        # saw these fields).
        count = expired.update(contact_purged_at=now, **dict.fromkeys(CONTACT_FIELDS, ""))
        days = settings.PORTAL_QUESTION_CONTACT_DAYS
        self.stdout.write(f"Đã xóa thông tin liên hệ của {count} câu hỏi (quá {days} ngày).")
