"""Articles in from files: the kinds accepted, the size limit, empty and binary files, and the configured
folder, from which only listed article files can be opened."""
from __future__ import annotations

import pytest

from intake.folder import ARTICLES_DIR_ENV, DEFAULT_DIR, article_from_folder, articles_dir, folder_files
from intake.upload import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, article_from_file
from reading.article import UnreadableInput

REPORT = b"Protest in Basra\nHundreds of people protested outside the consulate in Basra on Sunday.\n"


@pytest.mark.parametrize("name", ["report.txt", "report.md", "REPORT.HTML"])
def test_text_markdown_and_html_files_are_read(name):
    data = b"<html><body><p>" + REPORT + b"</p></body></html>" if name.lower().endswith(".html") else REPORT
    article = article_from_file(name, data)
    assert "protested outside the consulate in Basra" in article.text


def test_a_file_over_the_limit_is_refused_with_the_limit_named():
    with pytest.raises(UnreadableInput, match=f"up to {MAX_UPLOAD_MB} MB"):
        article_from_file("big.txt", REPORT * (MAX_UPLOAD_BYTES // len(REPORT) + 1))


def test_a_file_at_the_limit_is_read():
    data = (REPORT * (MAX_UPLOAD_BYTES // len(REPORT)))[:MAX_UPLOAD_BYTES]
    assert article_from_file("long.txt", data).text.startswith("Protest in Basra")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_an_empty_file_is_refused_by_name(data):
    with pytest.raises(UnreadableInput, match="empty.txt is empty"):
        article_from_file("empty.txt", data)


def test_a_binary_file_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    with pytest.raises(UnreadableInput, match="binary"):
        article_from_file("photo.txt", png)


@pytest.mark.parametrize("name", ["photo.png", "report.pdf", "script.js", "noextension"])
def test_other_kinds_of_file_are_refused(name):
    with pytest.raises(UnreadableInput, match=r"not a \.txt, \.md or \.html file"):
        article_from_file(name, REPORT)


def test_an_uploaded_name_with_folders_is_shown_without_them():
    with pytest.raises(UnreadableInput) as refused:
        article_from_file("../../secret/empty.txt", b"")
    assert "secret" not in str(refused.value) and str(refused.value).startswith("empty.txt")


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    (articles / "sub").mkdir(parents=True)
    (articles / "basra.txt").write_bytes(REPORT)
    (articles / "notes.md").write_bytes(REPORT)
    (articles / "page.html").write_bytes(b"<p>" + REPORT + b"</p>")
    (articles / "README.md").write_text("What these files are.")
    (articles / "image.png").write_bytes(b"\x89PNG\x00")
    (articles / "sub" / "nested.txt").write_bytes(REPORT)
    (tmp_path / "outside.txt").write_bytes(REPORT)
    (articles / "link.txt").symlink_to(tmp_path / "outside.txt")
    return articles


def test_the_folder_lists_only_article_files_directly_inside_it(folder):
    assert folder_files(folder) == ["basra.txt", "notes.md", "page.html"]


def test_a_listed_file_is_opened(folder):
    assert "consulate in Basra" in article_from_folder(folder, "page.html").text


@pytest.mark.parametrize("name", ["../outside.txt", "sub/nested.txt", "link.txt", "/etc/passwd", "README.md", "missing.txt"])
def test_a_name_not_in_the_listing_is_refused(folder, name):
    with pytest.raises(UnreadableInput, match="not one of the articles"):
        article_from_folder(folder, name)


def test_a_missing_folder_lists_nothing(tmp_path):
    assert folder_files(tmp_path / "nowhere") == []


def test_the_folder_comes_from_the_environment_else_briefs(monkeypatch, tmp_path):
    monkeypatch.setenv(ARTICLES_DIR_ENV, str(tmp_path))
    assert articles_dir() == tmp_path
    monkeypatch.delenv(ARTICLES_DIR_ENV)
    assert articles_dir() == DEFAULT_DIR and "baghdad-strike-2020.txt" in folder_files(DEFAULT_DIR)
