"""Template filters for search results: titles and excerpts with the searched words marked."""

from django import template

from news.highlight import article_excerpt, highlight

register = template.Library()


@register.filter
def marked(text, words):
    """{{ article.title|marked:words }}: the text escaped, the words in <mark>."""
    return highlight(text, words)


@register.filter
def excerpt_for(article, words):
    """{{ article|excerpt_for:words }}: a short escaped excerpt around the first match."""
    return article_excerpt(article, words)
