"""Placing photos in an article: the body's top-level blocks, interleaved with the photos.

Staff say where a photo goes by the paragraph it follows (ArticlePhoto.position), the way the ward's
reports put a photo after the second paragraph and another after the third. The body stays plain,
sanitized HTML; the photos are placed when the page is rendered, so moving a photo is one number.
"""

import html
import re
from html.parser import HTMLParser

_VOID = {"br", "hr", "img"}
# Elements that flow inside a line of text. Between blocks, a run of them and loose text (an import's
# plain text, Word's stray spans and fonts once the sanitizer has dropped them) is one paragraph.
_INLINE = {"a", "b", "strong", "em", "i", "u", "s", "sub", "sup", "img", "br"}
_TAG = re.compile(r"<[^>]*>")
# A table wider than a phone scrolls sideways in this box, which the keyboard can reach (Tab, then the
# arrow keys) and a screen reader names. The table itself keeps display: table, and so its semantics.
_TABLE_BOX = '<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0">{}</div>'


def _shows_something(markup):
    """Whether markup has text to read (spaces and &nbsp; are none) or an image."""
    return bool(html.unescape(_TAG.sub("", markup)).strip()) or "<img" in markup


class _BlockSplitter(HTMLParser):
    """Cuts HTML into its top-level elements, keeping each one's markup as it was written."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks = []
        self._current = []  # the block element being read
        self._depth = 0
        self._loose = []  # text and inline elements between blocks, in the order written
        self._loose_depth = 0

    def _emit(self, text):
        (self._current if self._depth else self._loose).append(text)

    def _close_block(self):
        block = "".join(self._current).strip()
        # A blank line (<p>&nbsp;</p>: Enter pressed twice in CKEditor, Word's empty paragraphs) is no
        # paragraph: staff do not count it when they place a photo, and readers would see a gap.
        if _shows_something(block) or block.startswith("<hr"):
            self.blocks.append(block)
        self._current = []

    def _close_loose(self):
        run = "".join(self._loose).strip()
        # Only spaces (Word leaves runs of &nbsp;) make no paragraph.
        if _shows_something(run):
            self.blocks.append(f"<p>{run}</p>")
        self._loose = []
        self._loose_depth = 0

    def handle_starttag(self, tag, attrs):
        markup = self.get_starttag_text()
        if self._depth == 0 and (tag in _INLINE or self._loose_depth):
            if tag == "br" and not self._loose_depth:
                self._close_loose()  # a line break between runs of text separates paragraphs
            else:
                self._loose.append(markup)
                self._loose_depth += tag not in _VOID
            return
        if self._depth == 0:
            self._close_loose()
        self._current.append(markup)
        if tag not in _VOID:
            self._depth += 1
        elif self._depth == 0:
            self._close_block()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self._depth == 0:
            if self._loose_depth:
                self._loose.append(f"</{tag}>")
                self._loose_depth -= 1
            return
        self._current.append(f"</{tag}>")
        self._depth -= 1
        if self._depth == 0:
            self._close_block()

    def handle_data(self, data):
        self._emit(data)

    def handle_entityref(self, name):
        self._emit(f"&{name};")

    def handle_charref(self, name):
        self._emit(f"&#{name};")


def split_blocks(markup):
    """Return the top-level blocks (paragraphs, headings, lists, tables…) of sanitized HTML."""
    splitter = _BlockSplitter()
    splitter.feed(markup or "")
    splitter.close()
    splitter._close_block()
    splitter._close_loose()
    return splitter.blocks


# How many of a block's opening words name it in the photo rows' "place after" list (news.admin_forms),
# and at most how many characters: a long address typed as text is one word.
OPENING_WORDS = 8
OPENING_CHARS = 60
_KINDS = {
    "h2": "heading", "h3": "heading", "h4": "heading", "ul": "list", "ol": "list", "table": "table",
    "blockquote": "quote", "figure": "figure", "hr": "rule",
}  # fmt: skip
_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
# Tags that end a line of text: "<li>Một</li><li>Hai</li>" reads "Một Hai", not "MộtHai".
_BREAK = re.compile(
    r"</?(?:p|br|h[1-6]|li|ul|ol|tr|td|th|table|thead|tbody|tfoot|caption|blockquote|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)


def outline(markup):
    """Each top-level block as (kind, its opening words), numbered as photo positions count them.

    kind is "paragraph", "heading", "list", "table", "quote", "figure", "rule" or, for a paragraph
    with nothing but a picture, "image". static/js/photo-rows.js applies the same rules in the
    browser, as staff type; tests/browser/test_photo_rows.py holds the two to the same answers.
    """
    described = []
    for block in split_blocks(markup):
        tag = _FIRST_TAG.match(block)
        kind = _KINDS.get(tag.group(1).lower(), "paragraph") if tag else "paragraph"
        words = html.unescape(_TAG.sub("", _BREAK.sub(" ", block))).split()
        opening = " ".join(words[:OPENING_WORDS])
        cut = len(words) > OPENING_WORDS or len(opening) > OPENING_CHARS
        opening = opening[:OPENING_CHARS].rstrip() + "…" if cut else opening
        if not opening and kind == "paragraph":
            kind = "image"
        described.append((kind, opening))
    return described


def interleave(markup, photos):
    """Return the page's sequence of ("html", markup) and ("photo", photo) items.

    A photo with position N follows the Nth block (0 puts it first); one with no position, or a
    position past the end, goes after the last block. Photos at the same place keep their order.
    """
    blocks = split_blocks(markup)
    placed = {}
    for photo in photos:
        at = len(blocks) if photo.position is None else min(photo.position, len(blocks))
        placed.setdefault(at, []).append(photo)
    items = [("photo", photo) for photo in placed.get(0, [])]
    for index, block in enumerate(blocks, start=1):
        items.append(("html", _TABLE_BOX.format(block) if block.startswith("<table") else block))
        items.extend(("photo", photo) for photo in placed.get(index, []))
    return items
