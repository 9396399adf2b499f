"""Articles in, in a real Chromium against a real Streamlit server: hostile pasted text is shown as text and
nothing in it runs; a pasted article's link reopens it in a new session after a restart; empty and binary
uploads get a clear message and leave the page as it was.
"""
from __future__ import annotations

import re

import pytest

from intake.upload import MAX_UPLOAD_MB
from reading.article import content_id
from tests.browser.page import (
    assert_no_exception,
    figure,
    new_session,
    open_view,
    query_of,
    sidebar,
    wait_for_query,
    wait_until_idle,
)

# Each trick sets window.__pwned (or changes the page title) if it ever runs or renders as markup.
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=\'title\'"> Alarm in **Erbil** :red[now] $x^2$'
HOSTILE = (
    f"{HOSTILE_TITLE}\n"
    "<script>window.__pwned = 'script'; document.title = 'pwned';</script>\n"
    "Rockets struck the airport in Erbil on Friday <img src=x onerror=\"window.__pwned='img'\"> "
    "[read more](javascript:window.__pwned='link') and **bold** :red[red] $e^x$, officials said.\n"
    "<a href=\"javascript:window.__pwned='anchor'\">click</a> the militia said it attacked US forces in Baghdad.\n"
)
PLAIN = (
    "Militia rockets hit a base near Baghdad\n"
    "Rockets struck a base near Baghdad airport on Friday, and Kataib Hezbollah fighters attacked US forces in "
    "Erbil on Saturday, officials said.\n"
)


def paste_and_read(page, text: str) -> None:
    """Paste into the sidebar's text area and press Read, as a user does; waits for the link to name it."""
    side = sidebar(page)
    side.get_by_role("tab", name="Paste").click()
    side.get_by_label("Article text").fill(text)
    side.get_by_role("button", name="Read", exact=True).click()
    wait_for_query(page, lambda q: q.get("article") == [content_id(text)], timeout_s=60)
    wait_until_idle(page)
    assert_no_exception(page)


def title_text(page) -> str:
    return page.locator("h1").first.inner_text()


def test_hostile_article_text_is_shown_as_text_and_nothing_in_it_runs(streamlit_server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_view(page, streamlit_server)

    paste_and_read(page, HOSTILE)
    page.get_by_role("heading", name=re.compile("Alarm in")).wait_for()

    title = title_text(page)
    for literal in ("<img src=x onerror=", "**Erbil**", ":red[now]", "$x^2$"):
        assert literal in title, f"{literal!r} is not shown as text in the title {title!r}"
    # The evidence of the Erbil event quotes the hostile sentence, as text.
    main = page.get_by_test_id("stMain")
    for expander in main.get_by_test_id("stExpander").all():
        expander.locator("summary").click()
    quoted = main.inner_text()
    assert "[read more](javascript:window.__pwned='link')" in quoted
    assert "**bold** :red[red] $e^x$" in quoted

    page.wait_for_timeout(500)  # time for an onerror handler or a script to have run, had it been injected
    assert page.evaluate("() => window.__pwned") is None
    assert "pwned" not in page.title()
    assert dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator("script:not([src])").filter(has_text="__pwned").count() == 0
    assert main.locator(".katex").count() == 0, "$…$ in article text was rendered as maths"


def test_a_pasted_articles_link_reopens_it_in_a_new_session_after_a_restart(streamlit_factory, page, browser):
    server = streamlit_factory()
    open_view(page, server.url)
    paste_and_read(page, PLAIN)
    page.get_by_role("heading", name="Militia rockets hit a base near Baghdad").wait_for()
    link = page.url
    assert query_of(link)["article"] == [content_id(PLAIN)]
    before = {"title": title_text(page), "map": figure(page)}

    server.restart()

    with new_session(browser) as other:
        open_view(other, link)
        other.get_by_role("heading", name="Militia rockets hit a base near Baghdad").wait_for()
        assert {"title": title_text(other), "map": figure(other)} == before
        assert other.get_by_test_id("stAlert").filter(has_text="not in this installation").count() == 0
        assert query_of(other.url) == query_of(link)


def upload(page, name: str, data: bytes) -> None:
    side = sidebar(page)
    side.get_by_role("tab", name="Upload").click()
    side.locator("input[type=file]").set_input_files({"name": name, "mimeType": "text/plain", "buffer": data})


@pytest.mark.parametrize(("name", "data", "says"), [
    ("empty.txt", b"", "empty.txt is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "photo.txt looks like a binary file"),
])
def test_an_empty_or_binary_upload_says_so_and_keeps_the_article_shown(streamlit_server, page, name, data, says):
    open_view(page, streamlit_server)
    shown = title_text(page)

    upload(page, name, data)

    message = sidebar(page).get_by_test_id("stAlert").filter(has_text=says)
    message.wait_for()
    assert "The article shown is unchanged" in message.inner_text()
    assert title_text(page) == shown and "article" not in query_of(page.url)
    assert_no_exception(page)


def test_the_upload_limit_is_stated_on_the_page(streamlit_server, page):
    open_view(page, streamlit_server)
    sidebar(page).get_by_role("tab", name="Upload").click()
    sidebar(page).get_by_text(f"up to {MAX_UPLOAD_MB} MB").first.wait_for(state="visible", timeout=10_000)
