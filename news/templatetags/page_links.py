"""{% page_links page as links %}: the pagination row of a list's page (news.pagination.page_links), each
link's HTML (news/_page_link.html)."""

import dataclasses
import html

from django import template
from django.template import loader
from django.utils.safestring import mark_safe

from news import pagination, stencils

register = template.Library()

LINK_TEMPLATE = "news/_page_link.html"


def link_html(link):
    """A link's HTML: its kind's stencil (news.stencils) with its label and address filled in."""
    shape = (link.kind, link.current, link.wide_only, link.phone_only)

    def marked():
        return {"link": dataclasses.replace(link, label=stencils.mark("label"), url=stencils.mark("url"))}

    stencil = stencils.stencil(LINK_TEMPLATE, shape, marked, ("label", "url"))
    if stencil is None:
        return loader.render_to_string(LINK_TEMPLATE, {"link": link})
    # Escaped as the template's autoescape does (Django's escape is this one, wrapped).
    return mark_safe(stencil.fill({"label": html.escape(link.label), "url": html.escape(link.url)}))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_links(context, page):
    return [link_html(link) for link in pagination.page_links(page, context["request"].GET)]
