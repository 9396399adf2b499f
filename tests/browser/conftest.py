"""Fixtures for real-browser tests: a real Streamlit server, Debian Chromium
driven by Playwright, and a guard that fails a test whose page reached any
host other than loopback. No mocks.

Fixtures
  streamlit_factory  function: start(app_path, env=None, ...) -> StreamlitServer
                     (.url, .restart(), .stop()); every server it started is
                     stopped after the test.
  streamlit_server   session: base URL of dashboard.py, with FLASHPOINT_DB in a
                     temporary directory.
  browser            session: Chromium from /usr/bin/chromium (tests skip if absent).
  request_guard      function: the RequestGuard of the current `page`.
  page               function: new context + page behind the request guard; after
                     the test, asserts no outside request was made.
  reference          session: the situation of the default article, read in-process as
                     the server reads it.
Helpers such as wait_for_map() live in tests/browser/helpers.py; reading and driving the
dashboard page (its figure, controls and URL) in tests/browser/page.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO_ROOT,
    RequestGuard,
    StreamlitServer,
)

_BROWSER_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ carries the `browser` marker."""
    for item in items:
        if _BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------
# Streamlit
# --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def _server_logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("streamlit-logs")


def _db_env(tmp_dir: Path) -> dict[str, str]:
    return {"FLASHPOINT_DB": str(tmp_dir / "flashpoint.db")}


@pytest.fixture
def streamlit_factory(tmp_path_factory, _server_logs):
    """Start Streamlit servers for one test; all are stopped afterwards.

    start(app=REPO_ROOT/"dashboard.py", env=None, extra_args=None) -> StreamlitServer
    The server gets FLASHPOINT_DB in a fresh temporary directory unless `env`
    sets it. `server.restart()` keeps port and environment.
    """
    servers: list[StreamlitServer] = []

    def start(app: Path | str = REPO_ROOT / "dashboard.py", env: dict[str, str] | None = None,
              extra_args: list[str] | None = None, timeout: float = 60.0) -> StreamlitServer:
        full_env = _db_env(tmp_path_factory.mktemp("db"))
        full_env.update(env or {})
        server = StreamlitServer(app, _server_logs, env=full_env, extra_args=extra_args)
        servers.append(server)
        return server.start(timeout)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def streamlit_session_server(tmp_path_factory, _server_logs) -> StreamlitServer:
    """The dashboard's server object, shared by the whole session."""
    app = REPO_ROOT / "dashboard.py"
    if not app.is_file():
        pytest.fail(f"{app} does not exist: the browser tests need the dashboard")
    server = StreamlitServer(app, _server_logs, env=_db_env(tmp_path_factory.mktemp("db")))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def streamlit_server(streamlit_session_server) -> str:
    """Base URL (http://127.0.0.1:PORT) of the dashboard shared by the session."""
    return streamlit_session_server.url


# --------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def _playwright():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium "
                    "(bash scripts/test.sh does) to run the browser tests")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    yield pw
    pw.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def request_guard() -> RequestGuard:
    return RequestGuard()


@pytest.fixture
def page(browser, request_guard):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # The route sits on the context, so it covers this page and anything it opens.
    request_guard.install(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
    assert request_guard.outside == [], (
        f"the page made requests to hosts other than loopback: {request_guard.outside}")


@pytest.fixture(scope="session")
def reference():
    """The situation of the default article (the reference brief), read in-process as the server does."""
    from reading.default import default_article
    from reading.pipeline import read_article

    default = default_article()
    return read_article(default.article, published=default.published)
