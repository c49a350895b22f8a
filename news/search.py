"""Search: what a resident types, folded the way stored text is folded, matched word by word.

Residents type with or without diacritics, in any case, in NFC or NFD. Both the query and the
article's text (Article.search_text, made on save) are folded by news.text.fold, so "hoi nghi" finds
"Hội nghị" and "dang uy" finds "Đảng ủy".
"""

from django.utils.html import strip_tags

from .text import fold

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8


def searchable_text(article):
    """The folded text an article is found by."""
    parts = [article.title, article.summary, strip_tags(article.body)]
    if article.pk:
        parts.extend(article.photos.values_list("caption", flat=True))
    return fold("\n".join(p for p in parts if p))


def query_words(raw):
    """The words of a query: folded, at most MAX_WORDS, the query cut to a sane length first."""
    words = fold((raw or "")[:MAX_QUERY_LENGTH]).split()
    return list(dict.fromkeys(words))[:MAX_WORDS]


def search_articles(queryset, raw):
    """Articles of queryset whose text holds every word of the query."""
    words = query_words(raw)
    if not words:
        return queryset.none(), words
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset, words
