"""Stencils: a template rendered once with marks where its values go, then filled by joining strings.

Django's template engine costs microseconds a node, and a search page's cards, other results and page
links were most of its rendering: the same markup each time around a few values. Such markup is
rendered once, with a mark in place of each value, and cut at the marks; each request then joins the
pieces with its own values. The template stays the one source of the markup.

Rules: a value filled in is HTML, escaped already for the place its mark stands in. A mark comes out
of the template at most once (not at all where the template does not show that value): where a
template shows a value twice, perhaps once in an attribute, the stencil is None and the caller renders
the template itself.
"""

import weakref

from django.template import loader


def mark(name):
    """What a stencil's template is given in place of the value `name`: no text a page writes holds
    the invisible separators around it, and escaping leaves it as it is."""
    return f"\u2063{name}\u2063"


class Stencil:
    __slots__ = ("names", "pieces")

    def __init__(self, names, pieces):
        self.names, self.pieces = names, pieces  # the values in the markup's order, the text around them

    def fill(self, values):
        """The markup with values[name] (HTML) in place of each mark."""
        parts = [self.pieces[0]]
        for name, piece in zip(self.names, self.pieces[1:], strict=True):
            parts += [values[name], piece]
        return "".join(parts)


def cut(html, names):
    """The Stencil of html, rendered with mark(name) for each of names; None where a mark is in it more
    than once."""
    counts = {name: html.count(mark(name)) for name in names}
    if any(count > 1 for count in counts.values()):
        return None
    marks = {name: mark(name) for name, count in counts.items() if count}
    found = sorted((html.index(text), name) for name, text in marks.items())
    pieces, at = [], 0
    for index, name in found:
        pieces.append(html[at:index])
        at = index + len(marks[name])
    pieces.append(html[at:])
    return Stencil(tuple(name for _, name in found), tuple(pieces))


# Per template as loaded: a template changed and loaded again (the development server reloads them)
# makes its stencils again.
_made = weakref.WeakKeyDictionary()


def stencil(template_name, key, context, names):
    """The template's stencil for `key` (what decides its markup besides the values named), made once
    from the template rendered with context() (called only then), where those values hold their
    marks; or None (cut). context() must give the same for the same key but for the values named."""
    template = loader.get_template(template_name)
    kept = _made.setdefault(template.template, {})
    if key not in kept:
        kept[key] = cut(template.render(context()), names)
    return kept[key]
