"""Write the views waiting in Redis to the database now (workers do it every few seconds by themselves;
run this before reading counts in a benchmark, and from a timer as a backstop, docs/DEPLOY.md)."""

from django.core.management.base import BaseCommand

from news.view_counter import flush, uses_redis


class Command(BaseCommand):
    help = "Ghi ngay các lượt xem đang chờ trong Redis vào cơ sở dữ liệu."

    def handle(self, *args, **options):
        if not uses_redis():
            self.stdout.write("Không dùng Redis: lượt xem đã được ghi thẳng vào cơ sở dữ liệu.")
            return
        self.stdout.write(f"Đã ghi {flush()} lượt xem vào cơ sở dữ liệu.")
