"""The body allowlist matches the issue: structure survives, Word's styling and anything active does not."""

import unicodedata

from news.sanitize import sanitize_body

WORD_PASTE = """
<h2 class="MsoHeading2" style="mso-outline-level:2">
<span style="font-family:'Times New Roman'">Kết quả</span></h2>
<p class="MsoNormal" style="margin:0cm;font-size:13pt"><o:p></o:p><font face="Arial">Đoạn <b>đậm</b>
và <i>nghiêng</i>.</font></p>
<ul><li style="mso-list:l0 level1 lfo1">Ý một</li></ul>
<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><tbody><tr>
<td width="200" style="width:150pt" colspan="2">Ô</td></tr></tbody></table>
<blockquote>Trích dẫn</blockquote>
<figure><img src="/media/uploads/2026/11/a.jpg" alt="Ảnh" onerror="alert(1)">
<figcaption>Chú thích</figcaption></figure>
"""


def test_word_paste_keeps_structure_but_not_styles_or_fonts():
    body = sanitize_body(WORD_PASTE)
    for kept in (
        "<h2>",
        "<b>đậm</b>",
        "<i>",
        "<ul><li>Ý một</li></ul>",
        '<td colspan="2">',
        "<blockquote>",
    ):
        assert kept in body
    assert '<img src="/media/uploads/2026/11/a.jpg" alt="Ảnh">' in body
    assert "<figcaption>Chú thích</figcaption>" in body
    for dropped in ("style", "class", "Mso", "mso-", "font", "<o:p>", "<span", "onerror", 'width="200"'):
        assert dropped not in body


def test_external_links_get_noopener_and_our_own_do_not():
    body = sanitize_body(
        '<p><a href="https://baochinhphu.vn/x" rel="opener">ngoài</a> '
        '<a href="//evil.example/x">ngoài nữa</a> '
        '<a title="Bài trước" href="/tin-tuc/hoi-nghi/">trong</a> <a href="#muc-2">mục</a></p>'
    )
    assert '<a href="https://baochinhphu.vn/x" rel="noopener noreferrer">ngoài</a>' in body
    assert '<a href="//evil.example/x" rel="noopener noreferrer">' in body
    assert '<a title="Bài trước" href="/tin-tuc/hoi-nghi/">trong</a>' in body
    assert '<a href="#muc-2">mục</a>' in body


def test_a_title_cannot_smuggle_an_own_looking_href():
    body = sanitize_body('<a title=\'x href="/a"\' href="https://evil.example/">x</a>')
    assert 'rel="noopener noreferrer"' in body


def test_a_body_image_without_alt_text_gets_an_empty_one():
    """Without alt, a screen reader reads the image's random file name aloud (axe: image-alt, critical)."""
    body = sanitize_body(
        '<p><img src="/media/uploads/2026/11/a.jpg" width="640" height="480"></p>'
        '<p><img title="ảnh alt=&quot;x&quot; &gt;" src="/media/uploads/2026/11/b.jpg"/></p>'
        '<p><img src="/media/uploads/2026/11/c.jpg" alt="Quang cảnh hội nghị"></p>'
    )
    assert '<img src="/media/uploads/2026/11/a.jpg" width="640" height="480" alt="">' in body
    assert body.count('alt=""') == 2
    assert 'alt="Quang cảnh hội nghị"' in body
    assert sanitize_body(body) == body


def test_an_image_whose_address_was_refused_is_dropped_not_left_as_a_gap():
    """Word pastes images as data: or file: addresses; the sanitizer removed the address, not the image."""
    body = sanitize_body(
        '<p>Trước<img src="data:image/png;base64,iVBORw0KGgo=" alt="Ảnh">Sau</p>'
        '<p><img src="file:///C:/Users/VanPhong/anh1.jpg"><img src=""></p>'
        '<p><img src="/media/uploads/2026/11/a.jpg" alt="Giữ"></p>'
    )
    assert body.count("<img") == 1
    assert "<p>TrướcSau</p>" in body
    assert '<img src="/media/uploads/2026/11/a.jpg" alt="Giữ">' in body


def test_blocks_outside_the_allowlist_keep_their_text_apart():
    """An import, or HTML pasted in CKEditor's source view: <h1>, <h5> and <div> were dropped with nothing
    between their texts, so on the page "Kết luận" and the next line ran together as "Kết luậnĐồng chí"."""
    body = sanitize_body(
        "<h1>Tin chính</h1><h6>Kết luận</h6><div>Đồng chí Bí thư phát biểu.</div><div>Dòng hai.</div>"
        '<div class="WordSection1"><p>Đoạn trong khung.</p><table><tr><td>Ô</td></tr></table></div>'
        "<section><h5>Mục</h5><ul><li><div>Ý một</div></li></ul></section>"
    )
    assert body == (
        "<h2>Tin chính</h2><h4>Kết luận</h4><p>Đồng chí Bí thư phát biểu.</p><p>Dòng hai.</p>"
        "<p>Đoạn trong khung.</p><table><tbody><tr><td>Ô</td></tr></tbody></table>"
        "<h4>Mục</h4><ul><li><p>Ý một</p></li></ul>"
    )
    assert sanitize_body(body) == body


def test_entities_decoded_by_the_sanitizer_are_normalised_after_it():
    """nh3 turns "&ocirc;" into ô after the first NFC, leaving it beside a combining dot below."""
    body = sanitize_body("<p>H&ocirc;&#803;i ngh&#7883; &#273;&#7843;ng &#8203;b&#7897;</p>")
    assert body == "<p>Hội nghị đảng bộ</p>"
    assert unicodedata.is_normalized("NFC", body)


def test_normalising_cannot_join_a_tag_to_the_text_after_it():
    """NFC makes ">" and a combining U+0338 one "≯": the tag would swallow the text as attributes."""
    body = sanitize_body('<p><a href="https://a.vn">&#x338; onmouseover=alert(1) x="</a>&#x338;chữ</p>')
    assert "≯" not in body
    assert body == (
        '<p><a href="https://a.vn" rel="noopener noreferrer">&#x338; onmouseover=alert(1) x="</a>'
        "&#x338;chữ</p>"
    )
    assert unicodedata.is_normalized("NFC", body)
    assert sanitize_body(body) == body
