"""{% kept "name" [value …] %}…{% endkept %}: a part of many pages kept rendered in this worker.

base.html's head, header, menus and footer show the ward's identity, its menu, the sections and
today's date: the same on every page, and rendering them was most of the time of a page rendered
afresh (about 4 ms of a search page). Each such part is kept here under its name and the values
given after it (what it differs by between pages: the menu's current entry; and the header by the
date it shows, which a request that straddles midnight reads before the new generation), for the pages'
generation (news.page_cache), which every save of what they show bumps and which moves at local
midnight for the date, and at most PORTAL_PAGE_CACHE_SECONDS, the bound for a write that announces
nothing, as for the kept lists. An article page's related news are kept so too, by the list of
them (news/article_detail.html). A part may show nothing that differs by the request, the reader or
the page but those values: the blocks child templates fill stay outside every kept part.
"""

from django import template
from django.conf import settings

from news import page_cache

register = template.Library()

# A few parts of the frame, each kept once per menu entry at most; and an article page's related news,
# once per list of them (about seven lists a section).
PARTS_KEPT = 256
_parts = page_cache.Memory(PARTS_KEPT)


class KeptNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        request = context.get("request")
        if request is None:  # no generation to keep it for
            return self.nodelist.render(context)
        key = (self.name, *(value.resolve(context) for value in self.values))
        generation, lifetime = page_cache.of_request(request), settings.PORTAL_PAGE_CACHE_SECONDS
        return _parts.kept(key, generation, lifetime, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% kept "name" [value …] %} needs a quoted name first.')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
