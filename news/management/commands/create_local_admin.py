"""Create the local administrator account once, and print its password that one time."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cục bộ (chỉ dùng trên máy cá nhân) và in mật khẩu một lần."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            # The password was printed when the account was made; printing a new one here would
            # silently lock out whoever noted the first. The hint runs manage.py as scripts/serve does:
            # the machine's own python has no Django, and without debug the settings want a secret key.
            self.stdout.write(
                f"Tài khoản quản trị «{username}» đã có. Quên mật khẩu: "
                f"DJANGO_DEBUG=1 .venv/bin/python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Đã tạo tài khoản quản trị: {username} / mật khẩu: {password}"))
