"""Streamlit rendering of panel contents: stateless calls only, article text always escaped.

Streamlit markdown reads `*`, `_`, `[`, `$`, `:` and more as syntax, so every piece of article
text goes through `escape_markdown` and nothing here passes `unsafe_allow_html`.
"""
from __future__ import annotations

import re

import streamlit as st

from layers.style import FOCUS_COLOUR
from panels.content import Evidence, Panel, PanelLine
from panels.evidence import EvidenceView, Passage

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
    if panel.more:
        st.caption(f"{panel.more:,} more not listed: narrow the filters to see them.")


def render_line(line: PanelLine) -> None:
    text = escape_markdown(line.text)
    label = f"{glyph(line)} {text}" if line.current else f"{glyph(line)} *{text}*"
    if line.focused:
        # Marked by a word as well as a colour, so the focus reads without colour vision.
        label = f':color[◉ focus]{{foreground="{FOCUS_COLOUR}"}} {label}'
    with st.expander(label):
        st.markdown(line_body(line))


def line_body(line: PanelLine) -> str:
    """What a line opens to, as one markdown block: a page of panels holds a hundred of these, and each
    markdown element costs the browser a parse while the map is still being drawn."""
    detail = [f":gray[{escape_markdown(line.detail)}]"] if line.detail else []
    return "\n\n".join([*detail, *(quote(evidence) for evidence in line.evidence)])


def quote(evidence: Evidence) -> str:
    """The sentence as a block quote, the words the line is about in bold, and its number."""
    text = escape_markdown(evidence.text)
    if evidence.mark:
        mark = escape_markdown(evidence.mark)
        text = text.replace(mark, f"**{mark}**", 1)
    return f"> {text}\n>\n> — sentence {evidence.sentence}"


def render_evidence(evidence: EvidenceView) -> None:
    st.markdown(f"**{escape_markdown(evidence.title)}**")
    st.caption(escape_markdown(evidence.detail))
    for found in evidence.passages:
        st.markdown(passage_markdown(found))
        st.caption(f"sentence {found.sentence}")
    if evidence.more:
        st.caption(f"{evidence.more} more sentence{'s' if evidence.more != 1 else ''} name it.")


def passage_markdown(found: Passage) -> str:
    """The sentence in the text around it (grey), the words it is about bold on a highlight; all escaped."""
    sentence = "".join(
        f":orange-background[**{escape_markdown(text)}**]" if marked else _escape_keeping_edges(text)
        for text, marked in found.pieces
    )
    before = f":gray[{escape_markdown(found.before)}] " if found.before else ""
    after = f" :gray[{escape_markdown(found.after)}]" if found.after else ""
    return before + sentence + after


def _escape_keeping_edges(text: str) -> str:
    """`escape_markdown` of a piece of a sentence, keeping the spaces that join it to the marked words."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + escape_markdown(text) + trail
