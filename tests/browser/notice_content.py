"""Notices to look at: the demo's three (in force, expired, to come), one more in force with a PDF,
and, where asked, the one in force pinned as "Tin nổi bật"."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from notices import demo_content
from notices.models import FeaturedPin, Notice, NoticeAttachment

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def populate_notices(pin=False):
    """Return the notice in force that has a file."""
    demo_content.load(io.StringIO())
    now = timezone.now()
    notice = Notice.objects.create(
        title="Lịch tiếp công dân của lãnh đạo phường tháng 12",
        body="<p>Lãnh đạo Ủy ban phường tiếp công dân vào sáng thứ Năm hằng tuần, tại phòng tiếp dân"
        " tầng 1 trụ sở phường.</p><p>Bà con mang theo căn cước và giấy tờ liên quan đến việc cần"
        " trình bày.</p>",
        status=Notice.Status.PUBLISHED,
        published_at=now - timedelta(hours=3),
        valid_from=now - timedelta(hours=3),
        valid_until=now + timedelta(days=30),
    )
    NoticeAttachment(
        notice=notice, title="Lịch tiếp công dân chi tiết", file=SimpleUploadedFile("lich.pdf", PDF)
    ).save()
    if pin:
        FeaturedPin.objects.create(
            notice=notice, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=1)
        )
    return notice
