"""Vietnamese text rules: NFC storage, folding for search, slugs with đ -> d."""

import unicodedata

import pytest

from news.text import fold, nfc, one_line, slugify_vi, strip_marks


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hội nghị", "hoi-nghi"),
        ("Đảng ủy phường Hòa Bình", "dang-uy-phuong-hoa-binh"),
        ("ĐẠI HỘI ĐẢNG BỘ", "dai-hoi-dang-bo"),
        ("Nâng cao chất lượng “sinh hoạt chi bộ” 2026!", "nang-cao-chat-luong-sinh-hoat-chi-bo-2026"),
        ("!!!", "bai-viet"),
    ],
)
def test_slug_drops_diacritics_and_turns_d_bar_into_d(title, slug):
    assert slugify_vi(title) == slug


def test_nfd_input_is_stored_as_nfc_without_nul_or_zero_width():
    decomposed = unicodedata.normalize("NFD", "Hội nghị\u200b\x00")
    assert nfc(decomposed) == "Hội nghị"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_fold_ignores_case_diacritics_and_unicode_form():
    assert fold("Hội Nghị ĐẢNG ỦY") == "hoi nghi dang uy"
    assert fold(unicodedata.normalize("NFD", "Đảng ủy")) == "dang uy"


def test_control_characters_are_dropped_but_newlines_and_word_line_breaks_keep_words_apart():
    pasted = "Dòng một\r\n\tDòng hai\x0bDòng ba\x0cHết\x01\x1f\ufffe"
    assert nfc(pasted) == "Dòng một\r\n\tDòng hai Dòng ba Hết"


def test_one_line_is_nfc_with_single_spaces_and_no_invisible_characters():
    typed = " Nguye\u0302\u0303n\u200b  Thu\r\n\tHà\x0b "
    assert one_line(typed) == "Nguyễn Thu Hà"
    assert unicodedata.is_normalized("NFC", one_line(typed))
    assert one_line("") == ""


def test_folding_drops_every_combining_mark_and_only_those():
    """strip_marks removes the marks of their own block by a pattern and any other by a table; every
    character up to U+FFFF folds as the rule says: đ as d, decomposed (NFKD), no combining mark
    (U+034F, the grapheme joiner in that block, is not one), lower case."""
    characters = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    text = " ".join(characters)
    bare = unicodedata.normalize("NFKD", text.translate(str.maketrans("đĐðÐ", "dddd")))
    expected = "".join(c for c in bare if not unicodedata.combining(c)).casefold()
    assert strip_marks(text) == expected
    assert strip_marks("Ðảng ủy PHƯỜNG\u034f") == "dang uy phuong\u034f"
