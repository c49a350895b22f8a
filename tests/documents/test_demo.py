"""`manage.py load_demo` brings documents with real PDFs and an article that cites one."""

import io

from django.core.management import call_command

from documents.demo import ARTICLE_SLUG, DOCUMENTS
from documents.files import identify
from documents.models import Citation, Document, DocumentFile
from news.models import Article


def test_demo_documents_have_valid_pdfs_and_are_cited(db, reader):
    call_command("load_demo", stdout=io.StringIO())
    assert Document.objects.published().count() == len(DOCUMENTS) >= 5
    for row in DocumentFile.objects.all():
        with row.file.open("rb") as stored:
            assert identify(stored, row.original_name).code == "pdf"
    article = Article.objects.get(slug=ARTICLE_SLUG)
    cited = Document.objects.get(number="07-NQ/ĐU")
    assert Citation.objects.filter(article=article, document=cited).exists()
    page = reader.get(article.get_absolute_url()).content.decode()
    assert f'href="{cited.get_absolute_url()}"' in page
    call_command("load_demo", stdout=io.StringIO())
    assert Document.objects.count() == len(DOCUMENTS)
