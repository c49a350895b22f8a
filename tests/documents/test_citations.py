"""Numbers in articles become links to their documents, and the documents list the articles."""

from datetime import date

from documents.models import Citation, Document

LINK = '<a class="document-link" href="{}"'


def body_of(reader, article):
    return reader.get(article.get_absolute_url()).content.decode()


def test_a_number_in_an_article_links_to_its_document(reader, make_document, make_article):
    document = make_document("07-NQ/QU")
    article = make_article(body="<p>Quán triệt Nghị quyết số 07-NQ/QU ngày 26/4/2021 của Quận ủy.</p>")
    page = body_of(reader, article)
    assert LINK.format(document.get_absolute_url()) in page
    assert ">07-NQ/QU</a> ngày 26/4/2021" in page
    listing = reader.get(document.get_absolute_url()).content.decode()
    assert "Bài viết nhắc đến văn bản này" in listing and article.title in listing


def test_a_document_added_after_the_article_is_linked_from_it(reader, make_document, make_article):
    article = make_article(body="<p>Thực hiện Kế hoạch 125/KH-UBND của phường.</p>")
    assert "document-link" not in body_of(reader, article)
    document = make_document("125/KH-UBND", doc_type="Kế hoạch")
    assert Citation.objects.filter(article=article, document=document).exists()
    # The kept article page was dropped: the document's save bumped the pages' generation.
    assert LINK.format(document.get_absolute_url()) in body_of(reader, article)


def test_nothing_is_linked_inside_links_or_headings(reader, make_document, make_article):
    make_document("07-NQ/QU")
    article = make_article(
        body='<h2>Nghị quyết 07-NQ/QU</h2><p><a href="https://example.vn/">xem 07-NQ/QU</a></p>'
    )
    assert "document-link" not in body_of(reader, article)


def test_an_unpublished_document_is_not_linked(reader, make_document, make_article):
    make_document("07-NQ/QU", status=Document.Status.DRAFT)
    article = make_article(body="<p>Nghị quyết 07-NQ/QU.</p>")
    assert "document-link" not in body_of(reader, article)


def test_a_shared_number_is_linked_only_where_type_or_date_tells_which(reader, make_document, make_article):
    old = make_document("01-NQ/ĐU", issued_on=date(2020, 1, 10))
    new = make_document("01-NQ/ĐU", issued_on=date(2025, 1, 8))
    plan = make_document("01-NQ/ĐU", doc_type="Kế hoạch", issued_on=date(2025, 1, 8))
    vague = make_article(body="<p>Theo 01-NQ/ĐU đã ban hành.</p>")
    dated = make_article(body="<p>Theo Nghị quyết số 01-NQ/ĐU ngày 10/01/2020 của Đảng ủy.</p>")
    typed = make_article(body="<p>Theo Kế hoạch số 01-NQ/ĐU.</p>")
    same_type_no_date = make_article(body="<p>Theo Nghị quyết số 01-NQ/ĐU.</p>")
    assert "document-link" not in body_of(reader, vague)
    assert "document-link" not in body_of(reader, same_type_no_date)
    assert LINK.format(old.get_absolute_url()) in body_of(reader, dated)
    assert LINK.format(plan.get_absolute_url()) in body_of(reader, typed)
    assert not Citation.objects.filter(document=new).exists()


def test_a_changed_number_moves_the_citations(make_document, make_article):
    document = make_document("07-NQ/QU")
    article = make_article(body="<p>Nghị quyết 07-NQ/QU và Nghị quyết 08-NQ/QU.</p>")
    document.number = "08-NQ/QU"
    document.save()
    assert Citation.objects.filter(article=article, document=document).exists()
    article.body = "<p>Không còn nhắc số nào.</p>"
    article.save()
    assert not Citation.objects.filter(article=article).exists()


def test_the_article_page_costs_one_query_more_whatever_the_number_of_mentions(
    reader, make_document, make_article, category, django_assert_num_queries, ward_identity
):
    """The article page as tests/test_article_page.py counts it (9), plus the cited documents (1); the
    menu's sections (ward.templatetags.kept_parts), the section's related news and the published
    articles' timeline (news.related) only for the first page, which keeps them."""
    numbers = [f"{n:02d}-NQ/QU" for n in range(1, 7)]
    for number in numbers:
        make_document(number)
    few = make_article(category=category, body=f"<p>Nghị quyết {numbers[0]}.</p>")
    many = make_article(category=category, body="".join(f"<p>Nghị quyết {n}.</p>" for n in numbers))
    for article, queries in ((few, 10), (many, 7)):
        with django_assert_num_queries(queries):
            page = body_of(reader, article)
        assert page.count("document-link") == (1 if article is few else 6)
