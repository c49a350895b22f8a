from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from django.db.models.signals import post_save

        from news import page_cache
        from news.models import Article

        from .models import Citation, DocumentFile, DocumentType, Field, IssuingBody
        from .signals import article_saved

        # Document itself is a Publishable, which news watches already; the rest a page shows here.
        page_cache.watch(DocumentFile, DocumentType, IssuingBody, Field, Citation)
        post_save.connect(article_saved, sender=Article, dispatch_uid="documents_article_citations")
