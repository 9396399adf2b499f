"""Articles in, run headless with AppTest against a real store: pasted text is read, kept and named in the
link; a link to a stored article opens it; refused input leaves the page as it was."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from panels.render import escape_markdown
from reading.article import content_id
from reading.default import default_article
from tests.apptest import dashboard_app
from store.database import Store

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PASTED = (
    "Drone strike reported near Kirkuk\n"
    "A drone struck a militia convoy near Kirkuk on Saturday, killing two fighters, local officials said.\n"
)


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "flashpoint.db"
    monkeypatch.setenv("FLASHPOINT_DB", str(path))
    monkeypatch.delenv("FLASHPOINT_SITUATION_JSON", raising=False)
    return path


def opened(**params: str) -> AppTest:
    app = dashboard_app()
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def paste(app: AppTest, text: str) -> AppTest:
    app.sidebar.text_area(key="paste.text").input(text)
    app.sidebar.button(key="paste.read").click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_pasted_text_is_read_kept_and_named_in_the_link(db):
    app = paste(opened(), PASTED)
    assert app.title[0].value == "Drone strike reported near Kirkuk"
    assert app.query_params["article"] == content_id(PASTED)
    assert any("pasted text" in c.value for c in app.caption)
    assert Store(db).get(content_id(PASTED)).text == PASTED


def test_the_pasted_article_stays_on_later_reruns(db):
    app = paste(opened(), PASTED)
    app.sidebar.checkbox(key="layer.militia").uncheck().run()
    assert app.title[0].value == "Drone strike reported near Kirkuk"
    assert app.query_params["article"] == content_id(PASTED)


def test_a_link_to_a_stored_article_opens_it_in_a_new_session(db):
    paste(opened(), PASTED)
    app = opened(article=content_id(PASTED))
    assert app.title[0].value == "Drone strike reported near Kirkuk"
    assert not app.warning


def test_the_default_article_is_kept_so_its_link_works(db):
    app = opened()
    default = default_article()
    assert "article" not in app.query_params  # nothing chosen: the link stays short
    assert Store(db).get(default.article.id).title == default.title
    linked = opened(article=default.article.id)
    assert linked.title[0].value == app.title[0].value and not linked.warning


@pytest.mark.parametrize("article", ["sha256:" + "0" * 64, "sha256:abc", "geonames:98182"])
def test_a_link_to_an_article_this_store_lacks_falls_back_with_a_notice(db, article):
    app = opened(article=article)
    assert any("not in this installation" in w.value for w in app.warning)
    assert app.title[0].value == escape_markdown(default_article().title)
    assert "article" not in app.query_params


def test_an_empty_paste_says_what_to_do_and_keeps_the_article_shown(db):
    app = paste(paste(opened(), PASTED), "  \n ")
    assert any("empty" in e.value and "unchanged" in e.value for e in app.error)
    assert app.title[0].value == "Drone strike reported near Kirkuk"
    assert app.query_params["article"] == content_id(PASTED)


def test_a_file_picked_from_the_configured_folder_is_read_and_linked(db, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "kirkuk.txt").write_text(PASTED, encoding="utf-8")
    monkeypatch.setenv("FLASHPOINT_ARTICLES_DIR", str(folder))
    app = opened()
    app.sidebar.selectbox(key="folder.file").select("kirkuk.txt").run()
    app.sidebar.button(key="folder.open").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == "Drone strike reported near Kirkuk"
    assert app.query_params["article"] == content_id(PASTED)
    assert any("file kirkuk" in c.value for c in app.caption)


def test_reading_a_new_article_drops_the_focus_and_actors_of_the_previous_one(db):
    opened()
    shown = Store(db).get(default_article().article.id).situation
    place = next(p.id for p in shown.places if p.role == "literal")
    app = opened(focus=place, actor=shown.actors[0].id)
    assert "focus" in app.query_params and "actor" in app.query_params

    paste(app, PASTED)
    assert app.title[0].value == "Drone strike reported near Kirkuk"
    assert "focus" not in app.query_params and "actor" not in app.query_params
    assert app.sidebar.selectbox(key="focus").value is None
    assert app.sidebar.multiselect(key="actors").value == []
    assert not app.warning


def test_a_publication_date_given_with_pasted_text_resolves_its_relative_dates(db):
    from datetime import date

    app = opened()
    app.sidebar.date_input(key="intake.published").set_value(date(2025, 3, 17)).run()
    paste(app, PASTED)
    stored = Store(db).get(content_id(PASTED))
    assert stored.situation.article.published == "2025-03-17"
    assert any(e.date == "2025-03-15" for e in stored.situation.events)  # "on Saturday" before Monday 17 March
