"""What every page's section strip shows: the news sections (the ward's identity is ward's own)."""

from .models import Category


def portal(request):
    return {
        # Lazy: the query runs only where a template walks the sections.
        "nav_categories": Category.objects.all(),
    }
