"""The pages' JSON-LD (portal.structured_data), each tag one <script type="application/ld+json">:

{% json_ld_home %}                               the WebSite with its search, and the Organization
{% json_ld_organization %}                       the Organization alone (Liên hệ)
{% json_ld_article article photos %}             the NewsArticle and its breadcrumbs
{% json_ld_breadcrumbs "Tin tức" url ... %}      the breadcrumbs after Trang chủ: name, path pairs
{% json_ld_page_breadcrumbs page ancestors %}    a Giới thiệu page's
"""

from django import template
from django.urls import reverse

from portal import structured_data

register = template.Library()


def _absolute(context):
    return context["request"].build_absolute_uri


@register.simple_tag(takes_context=True)
def json_ld_home(context):
    ward, absolute = context["ward"], _absolute(context)
    return structured_data.script(
        structured_data.website(ward, absolute), structured_data.organization(ward, absolute)
    )


@register.simple_tag(takes_context=True)
def json_ld_organization(context):
    return structured_data.script(structured_data.organization(context["ward"], _absolute(context)))


@register.simple_tag(takes_context=True)
def json_ld_article(context, article, photos):
    absolute = _absolute(context)
    return structured_data.script(
        structured_data.news_article(article, photos, context["ward"], absolute),
        structured_data.breadcrumbs(structured_data.article_trail(article), absolute),
    )


@register.simple_tag(takes_context=True)
def json_ld_breadcrumbs(context, *names_and_paths):
    trail = list(zip(names_and_paths[::2], names_and_paths[1::2], strict=True))
    return structured_data.script(structured_data.breadcrumbs(trail, _absolute(context)))


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The address of path as a share card needs it, with this request's scheme and host."""
    return _absolute(context)(path)


@register.simple_tag(takes_context=True)
def json_ld_page_breadcrumbs(context, page, ancestors):
    """A Giới thiệu page's trail: Giới thiệu, the pages above it, the page (pages/_breadcrumbs.html)."""
    trail = [("Giới thiệu", reverse("pages:index"))]
    trail += [(item.title, item.get_absolute_url()) for item in [*ancestors, page]]
    return structured_data.script(structured_data.breadcrumbs(trail, _absolute(context)))
