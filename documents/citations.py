"""Document numbers in articles: which document a mention means, and the links on the article page.

A mention is a number as documents print it ("07-NQ/QU", numbers.NUMBER_IN_TEXT) in the body's text,
outside links and headings. It means the document with that number when only one has it. Where two
share a number (each year's "01-NQ/ĐU"), the words around it decide: the type written before it
("Nghị quyết số 07-NQ/QU") and the date after it ("… ngày 26/4/2021"); if they leave exactly one, that
one, else the mention links nowhere: a wrong link is worse than none.

The relation is stored (Citation) when an article is saved and when a document's number changes,
so the document page lists its articles in one query; the article page, on a render (then kept by
news.page_cache), reads its cited public documents in one query, and none when its body holds nothing
shaped like a number.
"""

import re
from datetime import date

from django.db import transaction
from django.utils.html import escape

from news.text import fold

from .numbers import NUMBER_IN_TEXT, number_key

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
# Text inside these is never linked: a link in a link is broken HTML, and a heading is the article's
# structure, which staff mark themselves.
_NO_LINKS = {"a", "h1", "h2", "h3", "h4", "h5", "h6"}
_DATE_AFTER = re.compile(
    r"^[\s,]*(?:ngày|ngay)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE
)
# How far before a number its type is looked for: "Nghị quyết chuyên đề số " is 24 characters.
_TYPE_REACH = 40


def _text_runs(html):
    """The body cut into (markup, linkable): tags and the text inside links or headings unlinkable."""
    closed = {name: 0 for name in _NO_LINKS}
    for part in _TAG.split(html or ""):
        if not part:
            continue
        if part.startswith("<"):
            match = _TAG_NAME.match(part)
            if match and match.group(2).lower() in _NO_LINKS and not part.endswith("/>"):
                name = match.group(2).lower()
                closed[name] = max(0, closed[name] + (-1 if match.group(1) else 1))
            yield part, False
        else:
            yield part, not any(closed.values())


def mentions(html):
    """[(start, end, key, before, after)] per linkable text run, as [(run index, [...])]."""
    found = []
    for index, (text, linkable) in enumerate(_text_runs(html)):
        if linkable:
            spans = [
                (m.start(), m.end(), number_key(m.group()), text[: m.start()], text[m.end() :])
                for m in NUMBER_IN_TEXT.finditer(text)
            ]
            if spans:
                found.append((index, spans))
    return found


def has_numbers(html):
    return bool(NUMBER_IN_TEXT.search(html or ""))


def _date_after(after):
    match = _DATE_AFTER.match(after)
    if not match:
        return None
    day, month, year = map(int, match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(key, before, after, by_key):
    """The document a mention means, of by_key[key] (documents with that number), or None."""
    candidates = by_key.get(key, [])
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    near = fold(before[-_TYPE_REACH:])
    typed = [d for d in candidates if fold(d.doc_type.name) in near]
    if typed:
        candidates = typed
    when = _date_after(after)
    if when is not None:
        candidates = [d for d in candidates if d.issued_on == when]
    return candidates[0] if len(candidates) == 1 else None


def _by_key(documents):
    by_key = {}
    for document in documents:
        by_key.setdefault(document.number_key.strip(), []).append(document)
    return by_key


def cited_documents(html, documents):
    """Of documents (with their types), the ones the body's mentions mean."""
    by_key = _by_key(documents)
    cited = {}
    for _, spans in mentions(html):
        for _, _, key, before, after in spans:
            document = resolve(key, before, after, by_key)
            if document is not None:
                cited[document.pk] = document
    return list(cited.values())


def linked(html, documents):
    """The body with each mention of one of documents linked to it (documents: those it may link)."""
    runs = [text for text, _ in _text_runs(html)]
    by_key = _by_key(documents)
    if not by_key:
        return html
    for index, spans in mentions(html):
        text, pieces, at = runs[index], [], 0
        for start, end, key, before, after in spans:
            document = resolve(key, before, after, by_key)
            if document is None:
                continue
            title = escape(f"{document.doc_type.name} số {document.number}: {document.summary[:120]}")
            url = escape(document.get_absolute_url())
            pieces += [
                text[at:start],
                f'<a class="document-link" href="{url}" title="{title}">{text[start:end]}</a>',
            ]
            at = end
        runs[index] = "".join(pieces) + text[at:]
    return "".join(runs)


# --- stored: which articles cite which documents --------------------------------------------------
def _candidates(keys):
    from .models import Document

    keyed = [f" {k} " for k in keys]
    return list(Document.objects.filter(number_key__in=keyed).select_related("doc_type"))


def store_for_article(article):
    """Record which documents (whatever their state) the article's body means: the document page asks
    for public articles among them, the article page for public documents."""
    from .models import Citation

    keys = {key for _, spans in mentions(article.body) for _, _, key, _, _ in spans}
    cited = cited_documents(article.body, _candidates(keys)) if keys else []
    with transaction.atomic():
        Citation.objects.filter(article=article).exclude(document__in=[d.pk for d in cited]).delete()
        Citation.objects.bulk_create(
            [Citation(article=article, document=d) for d in cited], ignore_conflicts=True
        )


def store_for_number(*keys):
    """After a document's number came, changed or went: the articles that mention one of the keys."""
    from news.models import Article

    # Articles' search text keeps the number's zeros ("07 nq qu"), keys do not ("7 nq qu"): the letters
    # find the articles that may mention it, and store_for_article reads each one exactly.
    tails = {" ".join(w for w in k.split() if not w.isdigit()) for k in keys if k and k.strip()}
    for tail in filter(None, tails):
        for article in Article.objects.filter(search_text__contains=f" {tail} ").only("pk", "body"):
            store_for_article(article)


def linked_body(article):
    """The article's body with its public cited documents linked: one query, none without numbers."""
    from .models import Document

    body = article.safe_body()
    if not has_numbers(body):
        return body
    documents = Document.objects.published().cited_by(article).select_related("doc_type")
    return linked(
        body,
        list(documents.only("pk", "slug", "number", "number_key", "summary", "issued_on", "doc_type__name")),
    )
