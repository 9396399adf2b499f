"""The dashboard run headless with Streamlit's AppTest, as a browser sees it once the map is drawn."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from sharing.map_reports import PAINTED

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def dashboard_app(painted: bool = True) -> AppTest:
    """The page; by default as it is after the browser has reported its map drawn (AppTest runs no JavaScript,
    so the report is set here the way sharing/map_reports.py sets it)."""
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    if painted:
        app.session_state[PAINTED] = True
    return app
