"""Teasers: what lists, feeds and share cards say of an article.

The summary (sapo) staff wrote, else the body's opening words. Article.save() stores it
(Article.teaser), so a list page reads one short column instead of parsing each body on every
request. Pure functions of the text, so that migration 0011 fills old rows with the same words.
"""

from django.utils.text import Truncator

from .search import plain_text

# Staff often leave the summary empty; a list entry then shows the body's opening words.
TEASER_WORDS = 40


def teaser_of(summary, body):
    """The summary, else the first TEASER_WORDS words of the body's text ("" for an empty article)."""
    return summary or Truncator(plain_text(body)).words(TEASER_WORDS)
