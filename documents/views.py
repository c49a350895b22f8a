"""Văn bản's public pages: the list with its filters and search, a document's page, and its files."""

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from news.counting import decide, remember_visit, visit_key
from news.models import Article
from news.pagination import paginate
from news.search import MAX_QUERY_LENGTH
from news.text import nfc
from news.views import kept_page

from .filters import DocumentFilters
from .models import Document, DocumentFile, DocumentType, Field, IssuingBody
from .search import search_documents


@require_safe
def document_list(request):
    filters = DocumentFilters(request.GET)
    documents = filters.apply(Document.objects.published().for_listing())
    query = nfc(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
    if query:
        documents = search_documents(documents, query)
    page = paginate(request, documents)
    context = {
        "page": page,
        "query": query,
        "filters": filters,
        "types": DocumentType.objects.all(),
        "issuers": IssuingBody.objects.all(),
        "fields": Field.objects.all(),
        "years": [d.year for d in Document.objects.published().dates("issued_on", "year", order="DESC")],
    }
    return render(request, "documents/document_list.html", context)


@require_safe
@kept_page
def document_detail(request, slug):
    documents = Document.objects.visible_to(request.user).select_related("doc_type", "issuer", "field")
    try:
        document = documents.get(slug=slug)
    except Document.DoesNotExist:
        moved = documents.moved_from(slug)
        if moved is None:
            raise Http404("Không tìm thấy văn bản.") from None
        return redirect(moved, permanent=True)
    citing = Article.objects.published().filter(document_citations__document=document)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "files": list(document.files.all()),
            "citing": citing.only("title", "slug", "published_at"),
            "preview": not document.is_public,
        },
    )


@require_safe
def download(request, slug, pk):
    """A document's file, never run in the site's origin: Office files are downloaded, a PDF is shown
    in a sandbox (no scripts, no forms, an origin of its own), and no browser may guess another type."""
    documents = Document.objects.visible_to(request.user)
    row = get_object_or_404(DocumentFile.objects.select_related("document"), pk=pk, document__in=documents)
    if row.document.slug != slug:
        raise Http404("Không tìm thấy tệp.")
    kind = row.kind_info
    try:
        stored = row.file.open("rb")
    except OSError:
        raise Http404("Không tìm thấy tệp.") from None
    response = FileResponse(
        stored, as_attachment=not kind.inline, filename=row.original_name, content_type=kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    # Private: an unpublished document's file must not stay in a shared cache after it is taken down.
    patch_cache_control(response, private=True, max_age=0)
    count, cookie = decide(request, visit_key(DocumentFile, row.pk))
    if count and row.document.is_public:
        DocumentFile.objects.filter(pk=row.pk).update(downloads=F("downloads") + 1)
        remember_visit(request, response, cookie)
    return response
