"""Smoke test of the browser harness itself, independent of the dashboard:
a throwaway Streamlit app with an offline MapLibre map of 3 points is served
by a real Streamlit, opened in Debian Chromium, and must draw with no request
leaving the machine."""

from __future__ import annotations

import textwrap

import pytest

from tests.browser.helpers import trace_lengths, wait_for_map

APP = textwrap.dedent(
    """
    import os

    import plotly.graph_objects as go
    import streamlit as st

    st.title("harness")
    st.caption("db=" + os.environ.get("FLASHPOINT_DB", "unset"))
    fig = go.Figure(go.Scattermap(
        lat=[33.34, 36.19, 36.34], lon=[44.40, 44.01, 43.13],
        mode="markers", marker={"size": 12},
        text=["Baghdad", "Erbil", "Mosul"], hoverinfo="text",
    ))
    fig.update_layout(map_style="white-bg", map_center={"lat": 35, "lon": 44}, map_zoom=4,
                      margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=400)
    st.plotly_chart(fig)
    """
)


@pytest.fixture
def harness_app(tmp_path):
    path = tmp_path / "harness_app.py"
    path.write_text(APP)
    return path


def test_map_loads_offline(streamlit_factory, harness_app, page, request_guard):
    server = streamlit_factory(harness_app)
    assert server.url.startswith("http://127.0.0.1:")

    page.goto(server.url)
    ms = wait_for_map(page, timeout=30_000)
    assert 0 < ms < 30_000

    assert trace_lengths(page) == [3]
    assert page.get_by_text("db=").first.inner_text().endswith("flashpoint.db")
    assert request_guard.local_count > 0
    # `page` asserts after the test that no request went to an outside host.


def test_server_restart(streamlit_factory, harness_app, page):
    server = streamlit_factory(harness_app)
    port, db = server.port, server.env_overrides["FLASHPOINT_DB"]

    page.goto(server.url)
    wait_for_map(page, timeout=30_000)

    server.restart()
    assert (server.port, server.env_overrides["FLASHPOINT_DB"]) == (port, db)
    assert server.starts == 2

    page.goto(server.url)
    wait_for_map(page, timeout=30_000)
    assert trace_lengths(page) == [3]
