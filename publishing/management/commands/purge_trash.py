"""Delete the files of removed photos that have waited in the private trash past PORTAL_TRASH_DAYS."""

from django.conf import settings
from django.core.management.base import BaseCommand

from publishing.trash import purge


class Command(BaseCommand):
    help = "Xóa hẳn tệp ảnh đã gỡ nằm trong thùng rác riêng quá PORTAL_TRASH_DAYS ngày."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.PORTAL_TRASH_DAYS)

    def handle(self, *args, days, **options):
        deleted = purge(days)
        self.stdout.write(f"Đã xóa hẳn {deleted} tệp nằm trong thùng rác quá {days} ngày.")
