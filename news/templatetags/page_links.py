"""{% page_links page as links %}: the pagination row of a list's page (news.pagination.page_links)."""

from django import template

from news import pagination

register = template.Library()


@register.simple_tag(takes_context=True)
def page_links(context, page):
    return pagination.page_links(page, context["request"].GET)
