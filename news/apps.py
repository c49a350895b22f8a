from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from publishing.models import Publishable

        from . import page_cache
        from .models import ArticlePhoto, Category

        # Every kept page goes stale when anything a page may show changes (news.page_cache).
        publishable = [m for m in self.apps.get_models() if issubclass(m, Publishable)]
        page_cache.watch(*publishable, ArticlePhoto, Category)
