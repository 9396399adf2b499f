"""The sidebar's "Article" section: paste text, upload a file or pick one from the configured folder.

Whatever is read goes through the store, so its id can go in the link. A refused input leaves the page
(and what was typed or uploaded) as it was, with a message saying what was wrong.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from intake.folder import article_from_folder, articles_dir, folder_files
from intake.upload import MAX_UPLOAD_MB, SUFFIXES, article_from_file
from panels.render import escape_markdown
from reading.article import Article, UnreadableInput, from_text
from store.database import Store
from store.situations import read_and_keep

_Request = tuple[Callable[[], Article], str]  # how to make the article, and where it came from


def article_inputs(store: Store) -> str | None:
    """Draw the inputs; returns the id of the article read on this run, if one was."""
    st.header("Article")
    published = st.date_input(
        "Published on", value=None, key="intake.published", format="YYYY-MM-DD",
        help="Dates such as 'on Friday' or 'last week' are read against this day; without it they stay unresolved.",
    )
    paste, upload, folder = st.tabs(["Paste", "Upload", "Folder"])
    # Every tab is drawn before anything is read, so no widget loses its state on the run that reads.
    requests = [_paste_request(paste), _upload_request(upload), _folder_request(folder)]
    request = next((r for r in requests if r is not None), None)
    return _read(store, *request, published) if request else None


def _paste_request(tab) -> _Request | None:
    with tab:
        st.text_area("Article text", key="paste.text", height=140, placeholder="Paste a report here, then Read.")
        if st.button("Read", key="paste.read", type="primary"):
            text = st.session_state["paste.text"] or ""
            return lambda: from_text(text), "pasted text"
    return None


def _upload_request(tab) -> _Request | None:
    with tab:
        upload = st.file_uploader(
            f"A {', '.join(SUFFIXES)} file, up to {MAX_UPLOAD_MB} MB",
            type=[suffix.lstrip(".") for suffix in SUFFIXES],
            key="upload.file",
            max_upload_size=MAX_UPLOAD_MB,
        )
    # A file is read once; after that, reruns (a layer toggle, a filter) leave it alone.
    if upload is None or st.session_state.get("upload.read") == upload.file_id:
        return None
    name, data = upload.name, upload.getvalue()

    def make() -> Article:
        article = article_from_file(name, data)
        st.session_state["upload.read"] = upload.file_id
        return article

    return make, f"uploaded file {name}"


def _folder_request(tab) -> _Request | None:
    folder = articles_dir()
    with tab:
        names = folder_files(folder)
        if not names:
            st.caption(escape_markdown(f"No {', '.join(SUFFIXES)} files in the folder {folder.name}."))
            return None
        st.selectbox(f"Files in {folder.name}", names, index=None, key="folder.file", placeholder="Choose a file")
        chosen = st.session_state["folder.file"]
        if st.button("Open", key="folder.open", disabled=chosen is None):
            return lambda: article_from_folder(folder, chosen), f"file {chosen}"
    return None


def _read(store: Store, make: Callable[[], Article], source: str, published: date | None) -> str | None:
    try:
        with st.spinner("Reading the article…", show_time=True):
            article = make()
            read_and_keep(store, article, published, source)
    except UnreadableInput as refused:
        st.error(escape_markdown(f"{refused} The article shown is unchanged."))
        return None
    return article.id

