"""The public notices: /thong-bao/ (current ones, then the archive) and each notice's page."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from news.pagination import paginate
from news.views import canonical, kept_page

from .models import Notice


@require_safe
@kept_page
def notice_list(request):
    """Current notices newest first, then the archive (expired ones, 20 a page)."""
    archive = paginate(request, Notice.objects.expired().for_listing())
    current = list(Notice.objects.current().for_listing()) if archive.number == 1 else []
    context = {"current": current, "archive": archive, "canonical_url": canonical(request, archive)}
    return render(request, "notices/notice_list.html", context)


@require_safe
@kept_page
def notice_detail(request, slug):
    # Staff preview drafts and notices not yet in force at the public address; residents see those
    # on the site (in force, or in the archive).
    notices = Notice.objects.visible_to(request.user)
    try:
        notice = notices.get(slug=slug)
    except Notice.DoesNotExist:
        moved = notices.moved_from(slug)
        if moved is None:
            raise Http404("Không tìm thấy thông báo.") from None
        return redirect(moved, permanent=True)
    context = {
        "notice": notice,
        "attachments": list(notice.attachments.all()),
        "preview": not notice.on_site,
        "canonical_url": request.build_absolute_uri(notice.get_absolute_url()),
    }
    return render(request, "notices/notice_detail.html", context)
