"""Search text folded with compatibility forms: "m²" is stored as "m2", "CO₂" as "co2".

news.text.strip_marks now decomposes with NFKD, so articles saved before it still hold "m²" (which
PostgreSQL's parser indexed as "m"). This rebuilds search_text and search_title of every article; the
PostgreSQL word vector is generated from search_text and follows by itself.
"""

import html
import re
import unicodedata

from django.db import migrations

WORD = re.compile(r"[^\W_]+")
_D_TO_ASCII = str.maketrans("đĐðÐ", "dddd")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff]")


# A frozen copy of news.text.fold and news.search.indexed / plain_text as they are in this migration,
# so that replaying it later gives the same result whatever those modules become.
def _fold(text):
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", re.sub("[\x0b\x0c]", " ", text or "")))
    bare = unicodedata.normalize("NFKD", text.translate(_D_TO_ASCII))
    return "".join(c for c in bare if not unicodedata.combining(c)).casefold()


def _indexed(text):
    words = WORD.findall(_fold(text))
    return f" {' '.join(words)} " if words else ""


def _plain(markup):
    return html.unescape(re.sub(r"<[^>]*>", " ", (markup or "").replace("<", " <")))


def refold_search_columns(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticlePhoto = apps.get_model("news", "ArticlePhoto")
    for article in Article.objects.all().iterator():
        captions = ArticlePhoto.objects.filter(article=article).values_list("caption", flat=True)
        parts = [article.title, article.summary, _plain(article.body), *captions]
        Article.objects.filter(pk=article.pk).update(
            search_text=_indexed("\n".join(p for p in parts if p)), search_title=_indexed(article.title)
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0006_photo_medium_size")]

    operations = [migrations.RunPython(refold_search_columns, migrations.RunPython.noop)]
