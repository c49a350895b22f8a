"""{% main_menu %}: the staff's main menu, the entry for the current section marked aria-current;
{% menu_position as name %}: which entry that is (what the kept menu differs by, ward.templatetags.
kept_parts)."""

from django import template

register = template.Library()


def current_entry(menu, path):
    """The entry whose page the reader is in: the longest internal path that starts the current one.

    "/" marks only the home page itself, or every page would be in it.
    """
    best = None
    for entry in menu:
        target = entry.path
        if target is None:
            continue
        inside = path == target if target == "/" else path.startswith(target)
        if inside and (best is None or len(target) > len(best.path)):
            best = entry
    return best


def _current(context):
    """The ward's menu and the entry of the page being rendered in it (or None)."""
    request = context.get("request")
    menu = context["ward"].menu
    return menu, current_entry(menu, request.path if request is not None else "")


@register.inclusion_tag("ward/_main_menu.html", takes_context=True)
def main_menu(context):
    menu, current = _current(context)
    return {"menu": [(entry, entry is current) for entry in menu]}


@register.simple_tag(takes_context=True)
def menu_position(context):
    """The current entry's place in the menu, or -1."""
    menu, current = _current(context)
    return -1 if current is None else menu.index(current)
