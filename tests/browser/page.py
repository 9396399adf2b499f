"""Reading and driving the dashboard page in a browser: its figure, sidebar controls, URL and reruns.
Shared by the browser tests; the server, browser and request guard are in conftest.py and helpers.py."""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from layers import LAYERS
from layers.figure import build_figure
from sharing.viewstate import DEFAULT, ViewState
from tests.browser.helpers import RequestGuard, wait_for_map

MAP = ".js-plotly-plot"
MAP_TIMEOUT_MS = 30_000
RERUN_TIMEOUT_MS = 15_000

# Plotly's figure as drawn: per trace its name, type, mode, point count and ids (customdata).
_FIGURE_JS = """
(sel) => {
  const gd = document.querySelector(sel);
  return Array.from(gd._fullData, t => ({
    name: t.name,
    type: t.type,
    mode: t.mode || null,
    length: t._length,
    ids: Array.isArray(t.customdata) ? t.customdata.slice(0, t._length).map(String) : [],
  }));
}
"""

# True once the plot element holds exactly the trace names expected.
_NAMES_ARE_JS = """
([sel, expected]) => {
  const gd = document.querySelector(sel);
  if (!gd || !gd._fullData) return false;
  const names = Array.from(gd._fullData, t => t.name);
  return JSON.stringify(names) === JSON.stringify(expected);
}
"""


# What the server should show, computed in-process.

def expected_names(situation, view: ViewState) -> list[str]:
    return [trace.name for trace in build_figure(situation, view).data]


def layer_names(situation, layer_id: str, view: ViewState = DEFAULT) -> set[str]:
    return {trace.name for trace in LAYERS[layer_id].build(situation, view).traces}


# Reading and driving the page.

def figure(page) -> list[dict]:
    return page.evaluate(_FIGURE_JS, MAP)


def trace_names(page) -> list[str]:
    return [trace["name"] for trace in figure(page)]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def drag_map(page, dx: float, dy: float) -> None:
    """Drag the map by (dx, dy) pixels with the mouse, from a point left of its middle."""
    box = page.locator(MAP).bounding_box()
    x, y = box["x"] + box["width"] * 0.35, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=10)
    page.mouse.up()


def sidebar(page):
    return page.get_by_test_id("stSidebar")


def layer_checkbox(page, title: str):
    """The checkbox input of a layer, found by its exact label in the sidebar."""
    return sidebar(page).get_by_role("checkbox", name=title, exact=True)


def layer_label(page, title: str):
    """The visible label of that checkbox (the input itself is visually hidden): what a user clicks."""
    return sidebar(page).locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))


def checked_layers(page) -> dict[str, bool]:
    return {layer_id: layer_checkbox(page, spec.title).is_checked() for layer_id, spec in LAYERS.items()}


def focus_box(page):
    return sidebar(page).get_by_test_id("stSelectbox").filter(has_text="Focused place")


def focused_name(page) -> str:
    """The focused place as the selectbox shows it ("" when none is chosen)."""
    return focus_box(page).get_by_role("combobox").input_value().strip()


def choose_focus(page, name: str) -> None:
    """Open the focus list and pick `name`. A rerun that lands while the list is open closes it again (seen on a
    loaded machine), so the list is reopened, up to three times, until the option shows."""
    option = page.get_by_role("option", name=name, exact=True)
    for _ in range(3):
        wait_until_idle(page)
        focus_box(page).get_by_role("combobox").click()
        try:
            option.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    option.click()


def wait_for_names(page, expected: list[str], timeout: float = RERUN_TIMEOUT_MS) -> None:
    """Wait until the rerun has reached the browser: the figure holds exactly `expected` traces."""
    try:
        page.wait_for_function(_NAMES_ARE_JS, arg=[MAP, expected], polling=100, timeout=timeout)
    except Exception as exc:
        raise AssertionError(f"map traces are {trace_names(page)}, expected {expected}") from exc


def wait_for_query(page, predicate, timeout_s: float = RERUN_TIMEOUT_MS / 1000) -> dict[str, list[str]]:
    """Wait until the address bar's query satisfies `predicate`; returns it."""
    deadline = time.monotonic() + timeout_s
    while True:
        query = query_of(page.url)
        if predicate(query):
            return query
        if time.monotonic() > deadline:
            raise AssertionError(f"URL never reached the expected view: {page.url}")
        page.wait_for_timeout(100)


def wait_until_idle(page) -> None:
    """The script run has finished (Streamlit marks its app root `data-test-script-state`).

    Right after a click the state may not have flipped to "running" yet, so callers first wait
    for what the click should change (the URL or the figure) and only then for this.
    """
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        state="attached", timeout=RERUN_TIMEOUT_MS)


def assert_no_exception(page) -> None:
    errors = page.get_by_test_id("stException")
    assert errors.count() == 0, f"Streamlit shows an exception: {errors.first.inner_text()[:2000]}"


def open_view(page, url: str) -> float:
    page.goto(url)
    ms = wait_for_map(page, timeout=MAP_TIMEOUT_MS)
    wait_until_idle(page)
    wait_for_controls(page)
    assert_no_exception(page)
    return ms


def wait_for_controls(page) -> None:
    """The sidebar's controls are drawn. The page sends them after the map, and each widget's code loads on
    its own, so a finished script run does not yet mean a drawn selectbox or date picker."""
    side = sidebar(page)
    for control in ("stSelectbox", "stMultiSelect", "stDateInput", "stDownloadButton"):
        side.get_by_test_id(control).last.wait_for(state="visible", timeout=RERUN_TIMEOUT_MS)
    focus_box(page).get_by_role("combobox").wait_for(state="visible", timeout=RERUN_TIMEOUT_MS)
    actor_box = side.get_by_test_id("stMultiSelect").filter(has_text="Actors, as doer or target")
    actor_box.get_by_role("combobox").wait_for(state="visible", timeout=RERUN_TIMEOUT_MS)


def view_on_page(page) -> dict:
    """What a user sees of the view: the layer checkboxes, the focused place, the map's traces."""
    return {"layers": checked_layers(page), "focus": focused_name(page), "traces": trace_names(page)}


@contextmanager
def new_session(browser):
    """A fresh browser context (no cookies, no storage, a new Streamlit session) behind its own request guard."""
    guard = RequestGuard()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard.install(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()
    assert guard.outside == [], f"the new session made requests to hosts other than loopback: {guard.outside}"


def literal_place(situation, name: str):
    place = next((p for p in situation.places if p.role == "literal" and p.name == name), None)
    assert place is not None, f"the reference brief no longer has {name} as a literal place"
    return place


def share_box_text(page) -> str:
    """The link the sidebar offers to copy, as one line."""
    box = sidebar(page).get_by_test_id("stMarkdown").filter(has_text="?").locator("code")
    return box.first.inner_text().replace("\n", "")
