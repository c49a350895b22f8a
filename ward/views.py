"""Liên hệ: how to reach the ward's office, from the identity staff set (ward.identity)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.views import kept_page


@require_safe
@kept_page
def contact(request):
    return render(request, "ward/contact.html", {"canonical_url": request.build_absolute_uri(request.path)})
