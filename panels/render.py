"""Streamlit rendering of panel contents: stateless calls only, article text always escaped.

Streamlit markdown reads `*`, `_`, `[`, `$`, `:` and more as syntax, so every piece of article
text goes through `escape_markdown` and nothing here passes `unsafe_allow_html`.
"""
from __future__ import annotations

import re

import streamlit as st

from panels.content import Evidence, Panel, PanelLine

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# also disarms Streamlit's extensions ($math$, :colour[...], :emoji:).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:^=&\"'])")


def escape_markdown(text: str) -> str:
    """Text shown literally by st.markdown, whatever it contains; newlines become spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def glyph(line: PanelLine) -> str:
    """The line's glyph in its palette colour (our own constants, never article text)."""
    return f':color[{line.glyph}]{{foreground="{line.colour}"}}'


def render_panel(panel: Panel) -> None:
    st.subheader(panel.title)
    if not panel.lines:
        st.caption(escape_markdown(panel.empty))
        return
    group: str | None = None
    for line in panel.lines:
        if line.group and line.group != group:
            group = line.group
            st.markdown(f"**{escape_markdown(group)}**")
        render_line(line)


def render_line(line: PanelLine) -> None:
    text = escape_markdown(line.text)
    label = f"{glyph(line)} {text}" if line.current else f"{glyph(line)} *{text}*"
    with st.expander(label):
        if line.detail:
            st.caption(escape_markdown(line.detail))
        for evidence in line.evidence:
            st.markdown(quote(evidence))


def quote(evidence: Evidence) -> str:
    """The sentence as a block quote, the words the line is about in bold, and its number."""
    text = escape_markdown(evidence.text)
    if evidence.mark:
        mark = escape_markdown(evidence.mark)
        text = text.replace(mark, f"**{mark}**", 1)
    return f"> {text}\n>\n> — sentence {evidence.sentence}"
