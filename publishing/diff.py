"""Two versions' text side by side as staff read it: words taken out struck, words put in marked.

Bodies are compared as the text a reader sees, paragraph by paragraph, not as HTML: a change of markup
alone (CKEditor rewriting an entity) is no change to staff.
"""

import difflib
import re
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figcaption", "caption", "div"}
_TOKEN = re.compile(r"\n|[^\s]+")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS or tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.parts.append(f" [ảnh{': ' + alt if alt else ''}] ")
        elif tag == "td" or tag == "th":
            self.parts.append(" | ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def readable_text(markup):
    """The text of HTML, one line a paragraph."""
    parser = _Text()
    parser.feed(markup or "")
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _tokens(text):
    # Text as typed (a title, a summary) or as readable_text gave it (references already decoded):
    # decoding again would show a typed "&lt;" as "<".
    return _TOKEN.findall(text or "")


def _render(tokens):
    return " ".join("<br>" if t == "\n" else escape(t) for t in tokens).replace(" <br> ", "<br>")


def word_diff(old, new):
    """HTML: new's words, with those old had and new has not in <del>, those new added in <ins>."""
    before, after = _tokens(old), _tokens(new)
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(_render(after[b1:b2]))
            continue
        if a2 > a1:
            out.append(f"<del>{_render(before[a1:a2])}</del>")
        if b2 > b1:
            out.append(f"<ins>{_render(after[b1:b2])}</ins>")
    return mark_safe(" ".join(part for part in out if part))  # noqa: S308 - every word escaped above


def changed(old, new):
    return _tokens(old) != _tokens(new)
