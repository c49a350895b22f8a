"""An article's save records which documents it cites (documents.citations)."""

from . import citations


def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        citations.store_for_article(instance)
