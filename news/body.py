"""Placing photos in an article: the body's top-level blocks, interleaved with the photos.

Staff say where a photo goes by the paragraph it follows (ArticlePhoto.position), the way the ward's
reports put a photo after the second paragraph and another after the third. The body stays plain,
sanitized HTML; the photos are placed when the page is rendered, so moving a photo is one number.
"""

from html.parser import HTMLParser

_VOID = {"br", "hr", "img"}


class _BlockSplitter(HTMLParser):
    """Cuts HTML into its top-level elements, keeping each one's markup as it was written."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks = []
        self._current = []
        self._depth = 0

    def _emit(self, text):
        self._current.append(text)

    def _close_block(self):
        block = "".join(self._current).strip()
        if block:
            self.blocks.append(block)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag == "br" and self._depth == 0:
            return  # a line break between blocks carries nothing
        self._emit(self.get_starttag_text())
        if tag not in _VOID:
            self._depth += 1
        elif self._depth == 0:
            self._close_block()

    def handle_startendtag(self, tag, attrs):
        self._emit(self.get_starttag_text())
        if self._depth == 0:
            self._close_block()

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        self._emit(f"</{tag}>")
        self._depth = max(self._depth - 1, 0)
        if self._depth == 0:
            self._close_block()

    def handle_data(self, data):
        if self._depth == 0 and data.strip():
            # Loose text at the top level is a paragraph of its own.
            self.blocks.append(f"<p>{data.strip()}</p>")
        elif self._depth:
            self._emit(data)

    def handle_entityref(self, name):
        self._emit(f"&{name};")

    def handle_charref(self, name):
        self._emit(f"&#{name};")


def split_blocks(html):
    """Return the top-level blocks (paragraphs, headings, lists, tables…) of sanitized HTML."""
    splitter = _BlockSplitter()
    splitter.feed(html or "")
    splitter.close()
    splitter._close_block()
    return splitter.blocks


def interleave(html, photos):
    """Return the page's sequence of ("html", markup) and ("photo", photo) items.

    A photo with position N follows the Nth block (0 puts it first); one with no position, or a
    position past the end, goes after the last block. Photos at the same place keep their order.
    """
    blocks = split_blocks(html)
    placed = {}
    for photo in photos:
        at = len(blocks) if photo.position is None else min(photo.position, len(blocks))
        placed.setdefault(at, []).append(photo)
    items = [("photo", photo) for photo in placed.get(0, [])]
    for index, block in enumerate(blocks, start=1):
        items.append(("html", block))
        items.extend(("photo", photo) for photo in placed.get(index, []))
    return items
