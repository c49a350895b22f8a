"""Marking the searched words: found by their folded form, marked in the text as written, escaped."""

import unicodedata

from news.highlight import excerpt, highlight, match_spans
from news.search import indexed, plain_text, query_words


def test_folded_words_are_marked_in_the_text_as_written():
    assert (
        highlight("Đảng ủy phường Hòa Bình", ["dang", "uy"])
        == "<mark>Đảng</mark> <mark>ủy</mark> phường Hòa Bình"
    )


def test_only_whole_words_are_marked():
    assert highlight("Quy chế của Ủy ban", ["uy"]) == "Quy chế của <mark>Ủy</mark> ban"


def test_nfd_text_is_marked_as_nfc():
    text = unicodedata.normalize("NFD", "Hội nghị")
    assert highlight(text, ["hoi"]) == "<mark>Hội</mark> nghị"


def test_everything_else_is_escaped():
    assert highlight('<b onclick="x">luật</b> & "quy"', ["luat"]) == (
        "&lt;b onclick=&quot;x&quot;&gt;<mark>luật</mark>&lt;/b&gt; &amp; &quot;quy&quot;"
    )


def test_excerpt_without_a_match_is_empty():
    assert excerpt("Không có gì", ["hoi"]) == ""
    assert match_spans("", ["hoi"]) == []


def test_indexed_text_is_folded_words_between_spaces():
    assert indexed("Hội nghị: Đảng ủy, 100% đại biểu!") == " hoi nghi dang uy 100 dai bieu "
    assert indexed("%_!") == ""
    assert query_words("  Hội   NGHỊ hội ") == ["hoi", "nghi"]


def test_plain_text_keeps_blocks_apart_and_decodes_entities():
    assert plain_text("<p>Một</p><p>Hai &amp; ba</p>") == "Một Hai & ba"


def test_marks_stay_on_the_word_when_letters_fold_to_more_or_fewer():
    """ "ﬁ" folds to two letters and a stray accent to none: the text as long folded as written, the
    marks once landed beside the word."""
    assert highlight("ﬁ Hội x\u0301", ["hoi"]) == "ﬁ <mark>Hội</mark> x\u0301"
    assert excerpt("ﬁ Hội x\u0301", ["hoi"]) == "ﬁ <mark>Hội</mark> x\u0301"


def test_the_excerpt_marks_a_word_after_a_typographic_ellipsis():
    """ "…" folds to three dots: the words after it are still found where they are written."""
    assert excerpt("Chờ đợi… Đảng ủy họp", ["dang", "uy"]) == "Chờ đợi… <mark>Đảng</mark> <mark>ủy</mark> họp"
