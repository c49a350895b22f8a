from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = "Lịch công tác"

    def ready(self):
        from news import page_cache

        from .models import Entry

        # A week is watched as every publishable type is (news.apps); its entries are rows of their own.
        page_cache.watch(Entry)
