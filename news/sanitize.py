"""The HTML allowlist for article bodies, applied with nh3 when an article is saved.

Bodies come from CKEditor, often pasted from Word, and could come from an import or the shell. Whatever
the path, only structure survives: paragraphs, headings, lists, tables, links, images, figures and
emphasis. Scripts, event handlers, styles, fonts and Word's markup are dropped.
"""

import re

import nh3

from .text import nfc

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "hr",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}

# Blocks outside the allowlist become the nearest allowed one: nh3 drops a tag and keeps its text, so
# "<h1>Tin chính</h1><div>Đồng chí…</div>" read "Tin chínhĐồng chí…". The article's title is the page's
# <h1>, so a body's h1 is one level down. (Renaming a tag is no risk: nh3 cleans what comes out.)
_BLOCK_AS = {"h1": "h2", "h5": "h4", "h6": "h4"} | dict.fromkeys(
    ("div", "section", "article", "header", "footer", "main", "aside", "address", "center"), "p"
)
_BLOCK_TAG = re.compile(rf"<(/?)({'|'.join(_BLOCK_AS)})\b", re.IGNORECASE)
# A <div> around paragraphs becomes a <p> around them, which HTML cannot nest, and a dropped image may
# have been a paragraph's only content: such empty paragraphs are left over.
_EMPTY_P = re.compile(r"<p>\s*</p>")

# No javascript:, data: or vbscript: URLs; relative links to our own pages and media pass through.
URL_SCHEMES = {"http", "https", "mailto", "tel"}
EXTERNAL_LINK_REL = "noopener noreferrer"
# nh3 gives every link the rel, last; a relative address is our own site and keeps its referrer.
# (nh3 writes quotes inside attribute values as &quot;, so href=" only ever starts a real href.)
_OWN_LINK_REL = re.compile(rf'(<a\s[^>]*?href="(?:/(?!/)|#|\?)[^"]*"[^>]*?) rel="{EXTERNAL_LINK_REL}"')

# An image put in the body without alternative text (CKEditor's dialog leaves alt out unless it is
# typed; a pasted image never has one) would be read aloud as its file name, a random string. alt=""
# lets screen readers pass over it; the words around it (usually a figcaption) say what it shows.
# An image whose address was refused (data: or file:, as a paste from Word brings) or is empty shows
# nothing but a gap, so it goes.
# (nh3 writes every attribute name="value", with > and " escaped inside, so a tag ends at its first >.)
_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s([\w:-]+)="([^"]*)"')


def _tidy_image(match):
    tag = match.group(0)
    attributes = dict(_ATTRIBUTE.findall(tag))
    if not attributes.get("src", "").strip():
        return ""
    if "alt" in attributes:
        return tag
    return tag[:-1].rstrip("/").rstrip() + ' alt="">'


def count_images(html):
    """How many <img> tags the markup has: compared before and after sanitizing, what was dropped."""
    return len(re.findall(r"<img\b", html or "", flags=re.IGNORECASE))


# The one composition NFC makes across markup: a tag's closing ">" and a combining U+0338 opening the
# text become "≯", which moves the text into the tag, where it reads as attributes (an onmouseover).
# Written as a reference it stays text. (In nh3's output a combining mark can only follow text, an
# attribute's opening quote or a tag's ">"; no other ASCII character composes with one.)
_MARK_AFTER_TAG = re.compile(">\u0338")


def _clean(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=EXTERNAL_LINK_REL,
        strip_comments=True,
    )


def sanitize_body(html):
    """Return the body reduced to the allowlist, NFC-normalised."""
    if not html:
        return ""
    blocks = _BLOCK_TAG.sub(lambda m: f"<{m.group(1)}{_BLOCK_AS[m.group(2).lower()]}", nfc(html))
    # nh3 writes entities out as the letters they stand for: CKEditor's "H&ocirc;&#803;i" (typed with
    # Unikey's composite Unicode) comes out as ô and a combining dot, so it is normalised once more.
    clean = nfc(_MARK_AFTER_TAG.sub(">&#x338;", _clean(blocks)))
    clean = _IMG.sub(_tidy_image, _OWN_LINK_REL.sub(r"\1", clean))
    return _EMPTY_P.sub("", clean).strip()


class ShowsBodySafely:
    """For a model with a sanitized `body` (articles, Giới thiệu pages): the body as pages show it.

    save() sanitizes, but update(), bulk_create, loaddata and an import through the ORM never call it
    and store markup as given. Every page that shows a body as HTML asks safe_body(), not .body; the
    public pages are kept rendered (news.page_cache), so a kept page's readers cost nothing more.
    """

    def safe_body(self):
        return sanitize_body(self.body)
