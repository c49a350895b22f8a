"""Marking the searched words: found by their folded form, marked in the text as written, escaped."""

import random
import unicodedata

from news.highlight import (
    Prepared,
    excerpt,
    highlight,
    marked,
    match_spans,
    prepared_excerpt,
    result_excerpt,
)
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


def _random_texts(count, seed):
    """Texts of Vietnamese syllables, capitals, digits, punctuation and markup, some with characters
    that do not fold one for one ("ﬁ", "…", "²", a stray accent, "ß", an emoji)."""
    rng = random.Random(seed)
    syllables = ["Đảng", "ủy", "hội", "nghị", "phường", "Hòa", "bình", "dân", "đến", "NGÀY", "thứ", "ba"]
    syllables += ["a", "an", "x_y", "2026", "ơn"]
    between = [" ", " ", " ", ", ", ". ", ": ", "-", "_", " (", ") ", '"', " <b>", "&amp;", "\n"]
    irregular = ["ﬁ", "…", "m²", "x\u0301", "ß", "😀"]
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(0, 90)):
            pieces.append(rng.choice(syllables))
            pieces.append(rng.choice(between))
        if rng.random() < 0.3:
            pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(irregular))
        text = "".join(pieces)
        if rng.random() < 0.2:
            text = unicodedata.normalize("NFD", text)
        present = query_words(text)
        words = rng.sample(present, min(len(present), rng.randint(0, 3)))
        words += rng.sample(["hoi", "dang", "uy", "ba", "khong", "a"], rng.randint(0, 2))
        yield text, words


def test_prepared_texts_are_marked_as_the_texts_themselves():
    """The kept search cards' fast path (Prepared, its folded twin searched with str.find) marks and
    cuts exactly what highlight and excerpt do, on texts of every kind, short excerpts included."""
    for text, words in _random_texts(3000, seed=8):
        prepared = Prepared(text)
        assert marked(prepared, words) == highlight(text, words), (text, words)
        for length in (220, 25):
            assert prepared_excerpt(prepared, words, length) == excerpt(text, words, length), (text, words)


def test_prepared_search_texts_give_the_excerpt_of_the_first_text_holding_a_word():
    texts = ["", "Nội dung không liên quan.", "Ảnh: Đảng ủy phường họp", "Phần mở đầu"]
    prepared = (*map(Prepared, texts[:-1]), texts[-1])
    found = result_excerpt(prepared, ["dang"], cut=prepared_excerpt)
    assert found == result_excerpt(texts, ["dang"])
    assert found == "Ảnh: <mark>Đảng</mark> ủy phường họp"
    assert result_excerpt(prepared, ["khac"], cut=prepared_excerpt) == "Phần mở đầu"
