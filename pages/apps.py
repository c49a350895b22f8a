from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Giới thiệu"

    def ready(self):
        from news import page_cache

        from .models import PagePhoto, Person

        # Page itself is watched with every publishable type (news.apps); its photos and people show on
        # its page, so a change to them drops the kept pages too.
        page_cache.watch(PagePhoto, Person)
