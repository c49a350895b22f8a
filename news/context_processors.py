"""What every page's header and footer show: the ward's identity and its sections."""

from django.conf import settings

from .models import Category


def ward():
    return {
        "name": settings.PORTAL_WARD_NAME,
        "party": settings.PORTAL_WARD_PARTY,
        "address": settings.PORTAL_WARD_ADDRESS,
        "contact": settings.PORTAL_WARD_CONTACT,
    }


def portal(request):
    return {
        "ward": ward(),
        # Lazy: the query runs only where a template walks the sections.
        "nav_categories": Category.objects.all(),
    }
