"""Bad input gets a clear result and loses nothing that could be read: no crash, bounded time and memory."""
from __future__ import annotations

import pytest

from reading.article import MAX_CHARS, UnreadableInput, from_bytes
from reading.pipeline import read_article


def test_a_50_mb_file_is_cut_with_a_notice_and_still_read():
    data = ("Shelling hit Kharkiv and Donetsk overnight. " * 1_200_000).encode()  # about 53 MB
    article = from_bytes(data, "huge.txt")
    assert len(article.text) == MAX_CHARS and "only the first" in article.notices[0]
    situation = read_article(article)
    assert {p.name for p in situation.places} >= {"Kharkiv", "Donetsk"}


def test_a_text_of_100000_place_names_is_read_without_blowing_up():
    article = from_bytes(("Mosul " * 100_000).encode(), "names.txt")
    situation = read_article(article)
    assert [p.name for p in situation.places] == ["Mosul"]
    assert len(situation.places[0].mentions) == 100_000


def test_script_laden_html_keeps_the_story_and_drops_the_code():
    html = b"<html><body><script>var Baghdad = 1;</script><p onclick='x()'>Clashes in <b>Aleppo</b>.</p></body></html>"
    situation = read_article(from_bytes(html, "page.html"))
    assert [p.name for p in situation.places] == ["Aleppo"]


def test_non_english_text_is_reported_and_does_not_crash():
    text = "Die Bundeswehr zieht ihre Ausbilder aus dem Irak nach Jordanien und Kuwait ab, teilte das Ministerium mit."
    situation = read_article(from_bytes(text.encode(), "de.txt"))
    assert situation.article.language != "en" and situation.article.notices


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\x00\x01\x02binary"])
def test_empty_or_binary_input_is_refused_with_a_message(data):
    with pytest.raises(UnreadableInput):
        from_bytes(data, "upload.txt")


def test_invalid_utf8_is_decoded_not_refused():
    article = from_bytes("Fighting near Mosul caf\xe9".encode("latin-1"), "latin.txt")
    assert "Mosul" in article.text
