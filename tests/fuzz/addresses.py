"""Every address the portal answers, read from the URL resolver, so that a page added later is fuzzed too.

An Address is one URL pattern with the resolver's prefixes before it: its whole regular expression (for
paths that match it with random values), the literal text before its first parameter (for random paths
under it) and its name (for paths built from real values with reverse()). The public pages are each an
address of their own; of the staff tools, which a visitor reaches only as far as the login page, the
login page, the editor's uploader and file browser stand alone and the rest of the admin is one group.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

_ANCHORS = re.compile(r"^\^|(\\Z|\$)$")


@dataclass(frozen=True)
class Address:
    name: str  # "news:article_detail"; "" for a pattern without a name
    regex: str  # the whole path after the leading slash, unanchored
    parameters: tuple  # the names of its parameters, in order

    @property
    def prefix(self):
        """The fixed text before the first parameter: "tin-tuc/" for an article."""
        literal = []
        characters = iter(self.regex)
        for character in characters:
            if character == "\\":
                character = next(characters, "")
                if character.isalnum():  # \d, \w, \Z: a class or an anchor, not a letter
                    break
            elif character in "()[]{}.*+?|^$":
                break
            literal.append(character)
        return "".join(literal)


def _walk(patterns, regexes=(), namespaces=()):
    for pattern in patterns:
        piece = _ANCHORS.sub("", pattern.pattern.regex.pattern)
        if isinstance(pattern, URLResolver):
            namespace = (pattern.namespace,) if pattern.namespace else ()
            yield from _walk(pattern.url_patterns, (*regexes, piece), (*namespaces, *namespace))
        elif isinstance(pattern, URLPattern):
            regex = "".join((*regexes, piece))
            name = ":".join((*namespaces, pattern.name)) if pattern.name else ""
            yield Address(name, regex, tuple(re.compile(regex).groupindex))


def every_address():
    return list(_walk(get_resolver().url_patterns))


def static_files():
    """The static files, which WhiteNoise serves before the resolver is asked: one address, "static"."""
    return Address("static", re.escape(settings.STATIC_URL.lstrip("/")) + "(?P<path>.*)", ("path",))


def fuzzed_groups():
    """What the fuzz test picks from, each with the same chance: every public address, the static
    files, the login page, each staff tool a visitor can reach outside the admin, and the rest of the
    admin as one group (its hundred addresses all send a visitor to the login page; they would
    otherwise crowd out the rest)."""
    addresses = every_address()
    admin = [a for a in addresses if a.prefix.startswith(settings.PORTAL_ADMIN_PATH)]
    login = [a for a in admin if a.name == "admin:login"]
    groups = [[a] for a in addresses if a not in admin]
    return [*groups, [static_files()], login, [a for a in admin if a not in login]]
