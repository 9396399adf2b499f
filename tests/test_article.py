"""Articles in: plain text from txt, md and html, sentences with offsets, and clear errors for bad input."""
from __future__ import annotations

import pytest

from reading.article import MAX_CHARS, UnreadableInput, from_bytes, from_text


def test_every_sentence_offset_points_into_the_text():
    article = from_text("Rockets hit Erbil on Monday. Officials said two people were hurt.\nA caption line without a stop")
    assert len(article.sentences) == 3
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
    assert article.sentences[2].caption and not article.sentences[0].caption


def test_abbreviations_do_not_end_a_sentence():
    article = from_text("Gen. Smith met Mr. Jones in Basra. They left.")
    assert [s.text for s in article.sentences] == ["Gen. Smith met Mr. Jones in Basra.", "They left."]


def test_html_scripts_and_styles_are_dropped_and_title_is_kept():
    html = b"<html><head><title>Clashes in Idlib</title><script>alert(1)</script></head><body><p>Fighting in Idlib.</p><style>p{}</style><p>More.</p></body></html>"
    article = from_bytes(html, "page.html")
    assert article.title == "Clashes in Idlib"
    assert "alert" not in article.text and "p{}" not in article.text
    assert "Fighting in Idlib." in article.text


def test_malformed_html_still_gives_text():
    article = from_bytes(b"<div><p>Shelling near Donetsk<p>unclosed <b>tags", "bad.html")
    assert "Shelling near Donetsk" in article.text


def test_markdown_markup_is_removed():
    md = from_bytes(b"# Strike in Sanaa\n\nA **drone** hit [the port](http://x.example) of *Hodeidah*.", "a.md")
    assert md.text.startswith("Strike in Sanaa") and "**" not in md.text and "http" not in md.text


def test_empty_input_is_refused_with_a_clear_message():
    with pytest.raises(UnreadableInput, match="empty"):
        from_text("   \n ")


def test_binary_input_is_refused_with_a_clear_message():
    with pytest.raises(UnreadableInput, match="binary"):
        from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt")


def test_huge_input_is_cut_with_a_notice_not_dropped():
    article = from_text("Troops moved north. " * (MAX_CHARS // 10))
    assert len(article.text) == MAX_CHARS and "only the first" in article.notices[0]


def test_non_english_text_is_detected_and_reported():
    article = from_text("Les forces ont quitté la base près de Mossoul hier soir selon plusieurs sources locales.")
    assert article.language != "en" and article.notices
