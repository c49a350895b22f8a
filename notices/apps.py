from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Thông báo"

    def ready(self):
        from news import page_cache

        from .models import FeaturedPin, NoticeAttachment

        # Notices themselves are watched with every publishable type (news.apps); their files and the
        # featured pin are shown on kept pages too.
        page_cache.watch(NoticeAttachment, FeaturedPin)
