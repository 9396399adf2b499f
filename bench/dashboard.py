"""Benchmark: how fast the dashboard draws and answers, with the reference brief and with 100,000 events.

(a) first map paint in Debian Chromium (Playwright): navigation to a MapLibre map that shows its traces (loaded,
    with a layer per trace: sharing/map_reports.py), fresh context per run, and where that time goes;
(b) server time of a layer toggle and a filter change: the functions the page calls, in-process, and a whole
    page rerun through Streamlit's AppTest;
(c) a synthetic situation of --events events: figure build time and bytes, panels, and the server's RSS; and at
    zooms 1, 4 and 8 (layers/clusters.py) the clusters drawn, figure bytes, a rerun's time, paint and RSS.

Run: .venv/bin/python -m bench.dashboard [--runs 5] [--events 100000] [--no-browser]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING
from datetime import datetime, timezone
from pathlib import Path

from reading.model import Situation
from sharing.map_reports import MAP_SHOWS_TRACES_JS, PAINTED
from sharing.viewstate import ViewState

if TYPE_CHECKING:
    import plotly.graph_objects as go
    from playwright.sync_api import Browser

    from tests.browser.helpers import StreamlitServer

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
FLOOR_PAGE = ROOT / "bench" / "floor_page.py"
SERVER_RUNS = 7


def median_ms(action: Callable[[], object], runs: int = SERVER_RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def page_work(situation: Situation, view: ViewState) -> int:
    """What one rerun computes for the map and panels, uncached; returns the figure's JSON size in bytes."""
    import plotly.graph_objects as go

    from layers.figure import build_figure
    from panels.militia import militia_panel
    from panels.places import places_panel
    from panels.posture import posture_panel
    from panels.risk import risk_panel
    from panels.timeline import timeline_panel

    figure = go.Figure(build_figure(situation, view).to_dict())  # as dashboard.map_figure does
    size = len(figure.to_json())  # what st.plotly_chart sends
    for panel in (risk_panel, posture_panel, militia_panel, timeline_panel, places_panel):
        panel(situation, view)
    return size


def server_times(situation: Situation) -> dict[str, float]:
    """Median ms per step, each on a view not drawn before in this process (as a toggle is)."""
    from layers.figure import build_figure

    default = ViewState()
    toggled = replace(default, layers=tuple(layer for layer in default.layers if layer != "militia"))
    filtered = replace(default, categories=("militia-activity",))
    size = page_work(situation, default)  # also warms imports and cached shapes
    return {
        "figure JSON (KB)": size / 1024,
        "build_figure, default view": median_ms(lambda: build_figure(situation, default)),
        "build_figure, militia layer off": median_ms(lambda: build_figure(situation, toggled)),
        "build_figure, category filter": median_ms(lambda: build_figure(situation, filtered)),
        "map + JSON + panels, layer toggle": median_ms(lambda: page_work(situation, toggled)),
        "map + JSON + panels, filter change": median_ms(lambda: page_work(situation, filtered)),
    }


def apptest_times(situation_path: Path) -> dict[str, float]:
    """A whole page rerun (Streamlit's AppTest, no browser) after a layer toggle and after a filter change."""
    from streamlit.testing.v1 import AppTest

    os.environ["FLASHPOINT_SITUATION_JSON"] = str(situation_path)
    app = AppTest.from_file(str(DASHBOARD), default_timeout=300)
    app.session_state[PAINTED] = True  # the whole page, as after the browser reports its map drawn
    started = time.perf_counter()
    app.run()
    first = time.perf_counter() - started
    assert not app.exception, [e.value for e in app.exception]
    timings = {"first run (reads the situation)": first * 1000}
    toggles = []
    for layer in ("militia", "posture", "risk", "places", "countries"):
        started = time.perf_counter()
        app.sidebar.checkbox(key=f"layer.{layer}").uncheck().run()
        toggles.append(time.perf_counter() - started)
    filters = []
    for category in ("militia-activity", "coalition-posture", "state-action"):
        started = time.perf_counter()
        app.sidebar.multiselect(key="categories").set_value([category]).run()
        filters.append(time.perf_counter() - started)
    assert not app.exception, [e.value for e in app.exception]
    timings["rerun after a layer toggle (median of 5)"] = statistics.median(toggles) * 1000
    timings["rerun after a filter change (median of 3)"] = statistics.median(filters) * 1000
    return timings


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def served_in_chromium(env: dict[str, str], app: Path) -> Iterator[tuple["StreamlitServer", "Browser"]]:
    """A fresh Streamlit server of `app` with its own database, and Debian Chromium to visit it."""
    from playwright.sync_api import sync_playwright

    from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

    with tempfile.TemporaryDirectory() as tmp:
        server = StreamlitServer(app, Path(tmp), env={"FLASHPOINT_DB": str(Path(tmp) / "bench.db"), **env})
        server.start(timeout=120)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                yield server, browser
                browser.close()
        finally:
            server.stop()


@contextmanager
def floor_app() -> Iterator[Path]:
    """The floor page, copied into a folder of its own whose static/ is the dashboard's. Streamlit serves the
    static/ beside the page it runs: run from bench/, the floor map got no base map (a 404) and no label glyphs,
    and painted sooner than the dashboard's map could."""
    from layers.basemap import STATIC_DIR

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / FLOOR_PAGE.name
        shutil.copyfile(FLOOR_PAGE, page)
        STATIC_DIR.mkdir(exist_ok=True)
        (Path(tmp) / "static").symlink_to(STATIC_DIR, target_is_directory=True)
        yield page


def browser_paints(runs: int, env: dict[str, str], app: Path = DASHBOARD) -> dict[str, float]:
    """First paint (ms from navigation to MapLibre loaded) in fresh contexts, and the server's RSS after. For the
    dashboard also the whole page: the panels and controls, which follow the map (sharing/map_reports.py)."""
    from panels.places import TITLE as LAST_PANEL
    from tests.browser.helpers import wait_for_map

    with served_in_chromium(env, app) as (server, browser):
        paints, wholes = [], []
        for _ in range(runs + 1):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(server.url)
            paints.append(wait_for_map(page, timeout=300_000))
            if app == DASHBOARD:
                page.get_by_role("heading", name=LAST_PANEL, exact=True).wait_for(timeout=300_000)
                wholes.append(page.evaluate("() => performance.now()"))
            context.close()
        figures = {
            "server healthy after start": server.startup_seconds * 1000,
            "first paint, first visitor after start": paints[0],
            f"first paint, median of {runs} later visitors": statistics.median(paints[1:]),
            f"first paint, slowest of {runs} later visitors": max(paints[1:]),
        }
        if wholes:
            figures[f"whole page (panels and controls) drawn, median of {runs} later visitors"] = statistics.median(wholes[1:])
        return {**figures, "server RSS after the visits (MB)": rss_mb(server.proc.pid)}


def main_thread_profile(env: dict[str, str], app: Path = DASHBOARD, top: int = 6) -> dict[str, float]:
    """Where the page's main thread spends its time until the map is drawn (ms of sampled CPU by script, one
    fresh visit after a warm-up). Shares survive a busy machine better than wall-clock paint times do."""
    from tests.browser.helpers import wait_for_map

    with served_in_chromium(env, app) as (server, browser):
        for _ in range(2):  # the first visit warms the server's caches
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.start")
            page.goto(server.url)
            wait_for_map(page, timeout=300_000)
            profile = cdp.send("Profiler.stop")["profile"]
            context.close()
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    spent: Counter[str] = Counter()
    for node_id, micros in zip(profile["samples"], profile["timeDeltas"]):
        frame = frames[node_id]
        # Streamlit's chunks carry a content hash: "PlotlyChart.D9Z0_fxz.js" is reported as "PlotlyChart".
        script = frame["url"].rsplit("/", 1)[-1].split(".")[0] or frame["functionName"]
        spent[script] += micros / 1000
    busy = {name: ms for name, ms in spent.items() if name not in ("(idle)", "(program)")}
    rows = {"main thread, all scripts and GC (ms)": sum(busy.values())}
    rows.update({f"{name} (ms)": ms for name, ms in Counter(busy).most_common(top)})
    return rows


# Marks, in ms from navigation, the steps a first paint goes through: Streamlit's first element, plotly.js's
# chunk (requested when the chart element arrives; evaluated when plotly draws its plot element), MapLibre's
# map, plotly adding the traces to it, the first label glyphs asked for, and the map showing its traces. Polled
# every 10 ms, so each mark is late by up to that.
_PHASES_JS = """
(() => {
  const marks = window.__flashpointPhases = {};
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  const showsTraces = """ + MAP_SHOWS_TRACES_JS.strip() + """;
  const poll = setInterval(() => {
    if (document.querySelector('h1')) mark('title drawn');
    const gd = document.querySelector('.js-plotly-plot');
    if (gd) mark('plot element (plotly.js evaluated)');
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    const map = sub && sub.map;
    if (!map) return;
    mark('MapLibre map created');
    if (map.getLayersOrder().some((id) => id.startsWith('plotly-trace-layer-'))) mark('traces added to MapLibre');
    if (showsTraces(gd)) { mark('first paint (the map shows its data)'); clearInterval(poll); }
  }, 10);
})();
"""


def paint_phases(runs: int) -> dict[str, float]:
    """Median time from navigation to each step of the dashboard's first paint (_PHASES_JS, and the resource
    timings of plotly.js's chunk and the first glyph file), over `runs` fresh visitors after a warm-up."""
    from tests.browser.helpers import wait_for_map

    resources_js = """() => {
      const first = (part) => performance.getEntriesByType('resource').find((e) => e.name.includes(part));
      const chunk = first('/PlotlyChart.'), glyph = first('.pbf');
      return {'plotly.js chunk requested': chunk && chunk.startTime,
              'plotly.js chunk fetched': chunk && chunk.responseEnd,
              'first label glyphs requested': glyph && glyph.startTime};
    }"""
    visits = []
    with served_in_chromium({}, DASHBOARD) as (server, browser):
        for _ in range(runs + 1):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(_PHASES_JS)
            page = context.new_page()
            page.goto(server.url)
            wait_for_map(page, timeout=300_000)
            marks = page.evaluate("() => window.__flashpointPhases")
            marks.update({name: ms for name, ms in page.evaluate(resources_js).items() if ms is not None})
            visits.append(marks)
            context.close()
    names = {name for marks in visits[1:] for name in marks}
    medians = {name: statistics.median(m[name] for m in visits[1:] if name in m) for name in names}
    return dict(sorted(medians.items(), key=lambda item: item[1]))


# Zoom levels at which the large situation is measured: the world, a region, a province.
LARGE_ZOOMS = (1.0, 4.0, 8.0)


def cluster_marks(figure: go.Figure) -> int:
    """Circles of the event layers' totals (one per cluster of places, layers/clusters.py)."""
    return sum(len(trace.lat) for trace in figure.data if (trace.name or "").endswith("(events per place)"))


def opening_centre(situation: Situation) -> tuple[float, float]:
    """Where the map opens with no camera in the link, as a link writes it."""
    from layers.figure import camera

    lat, lon, _ = camera(situation, ViewState())
    return round(lat, 4), round(lon, 4)


def large_situation_figures(situation: Situation) -> dict[str, float]:
    from layers.figure import build_figure

    view = ViewState()
    started = time.perf_counter()
    figure = build_figure(situation, view)
    built = time.perf_counter() - started
    started = time.perf_counter()
    size = page_work(situation, view)
    page = time.perf_counter() - started
    return {
        "build_figure (ms)": built * 1000,
        "map + JSON + panels (ms)": page * 1000,
        "figure JSON (KB)": size / 1024,
        "traces": len(figure.data),
    }


def zoom_rows(situation: Situation, situation_path: Path) -> list[dict[str, float]]:
    """Per zoom, at the map's opening centre: clusters drawn, figure bytes, the server's work of a redraw
    (in-process, median of 3), and a whole page rerun after the link's camera moves to that zoom (AppTest)."""
    from streamlit.testing.v1 import AppTest

    from layers.figure import build_figure

    lat, lon = opening_centre(situation)
    os.environ["FLASHPOINT_SITUATION_JSON"] = str(situation_path)
    app = AppTest.from_file(str(DASHBOARD), default_timeout=300)
    app.session_state[PAINTED] = True
    app.run()
    rows = []
    for zoom in LARGE_ZOOMS:
        view = ViewState(lat=lat, lon=lon, zoom=zoom)
        size = page_work(situation, view)
        work = median_ms(lambda: page_work(situation, view), runs=3)
        app.query_params.update({"lat": str(lat), "lon": str(lon), "zoom": f"{zoom:g}"})
        started = time.perf_counter()
        app.run()
        rerun = (time.perf_counter() - started) * 1000
        assert not app.exception, [e.value for e in app.exception]
        rows.append({"zoom": zoom, "clusters drawn": cluster_marks(build_figure(situation, view)),
                     "figure JSON (KB)": size / 1024, "map + JSON + panels (ms)": work,
                     "page rerun, camera moved here (ms)": rerun})
    return rows


def zoom_visits(env: dict[str, str], runs: int, centre: tuple[float, float]) -> list[dict[str, float]]:
    """Per zoom, fresh visitors opening a link at that zoom in Chromium: the clusters the browser holds, first
    paint (median of `runs`), and the server's RSS after them (it keeps each view's figure it has built)."""
    from tests.browser.helpers import wait_for_map

    count_js = ("(sel) => Array.from(document.querySelector(sel)._fullData)"
                ".filter(t => (t.name || '').endsWith('(events per place)')).reduce((n, t) => n + t._length, 0)")
    rows = []
    with served_in_chromium(env, DASHBOARD) as (server, browser):
        for zoom in LARGE_ZOOMS:
            paints, marks = [], 0
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(f"{server.url}/?lat={centre[0]}&lon={centre[1]}&zoom={zoom:g}")
                paints.append(wait_for_map(page, timeout=300_000))
                marks = page.evaluate(count_js, ".js-plotly-plot")
                context.close()
            rows.append({"zoom": zoom, "clusters in the browser": marks,
                         f"first paint, median of {runs} (ms)": statistics.median(paints),
                         "server RSS after (MB)": rss_mb(server.proc.pid)})
    return rows


def zoom_table(title: str, rows: list[dict[str, float]]) -> None:
    print(f"\n#### {title}\n\n| " + " | ".join(rows[0]) + " |\n|" + "---:|" * len(rows[0]))
    for row in rows:
        cells = [f"{v:g}" if k == "zoom" else f"{v:,.1f}" if k.endswith(("(KB)", "(MB)")) else f"{v:,.0f}"
                 for k, v in row.items()]
        print("| " + " | ".join(cells) + " |")


def table(title: str, rows: dict[str, float], unit: str = "ms") -> None:
    print(f"\n#### {title}\n\n| measure | value |\n|---|---:|")
    for name, value in rows.items():
        shown = f"{value:,.0f}" if not name.endswith(("(MB)", "(KB)", "traces")) else f"{value:,.1f}"
        suffix = "" if name.endswith(("(MB)", "(KB)", "(ms)", "traces")) else f" {unit}"
        print(f"| {name} | {shown}{suffix} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="browser visits per measurement (after one warm-up)")
    parser.add_argument("--events", type=int, default=100_000, help="0: only the reference brief")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    args = parser.parse_args()

    from bench.synthetic import reference_situation, synthetic_situation

    reference = reference_situation()
    large = synthetic_situation(reference, args.events) if args.events else reference
    with tempfile.TemporaryDirectory() as tmp:
        reference_path, large_path = Path(tmp) / "reference.json", Path(tmp) / "large.json"
        reference_path.write_text(json.dumps(reference.to_dict()), encoding="utf-8")
        large_path.write_text(json.dumps(large.to_dict()), encoding="utf-8")
        load = os.getloadavg()[0]
        print(f"### Dashboard speed — {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
        print(f"\n{platform.machine()}, {os.cpu_count()} CPUs, load average {load:.1f} at start, "
              f"Python {platform.python_version()} · `.venv/bin/python -m bench.dashboard --runs {args.runs} "
              f"--events {args.events}`")
        table("(b) Server time with the reference brief, in-process, median of 7", server_times(reference))
        table("(b) Whole page rerun with the reference brief (AppTest)", apptest_times(reference_path))
        if not args.no_browser:
            table("(a) First map paint, reference brief (Chromium, ms from navigation)", browser_paints(args.runs, {}))
            phases = paint_phases(args.runs)
            table(f"(a) Where the dashboard's first paint goes (ms from navigation, median of {args.runs})", phases)
            with floor_app() as floor_page:
                floor = browser_paints(args.runs, {"FLASHPOINT_SITUATION_JSON": str(reference_path)}, floor_page)
                table("(a) The floor: a page with only the title and the same map (bench/floor_page.py)", floor)
                table("(a) Main-thread CPU until first paint, dashboard (sampled, by script)", main_thread_profile({}))
                table("(a) Main-thread CPU until first paint, the floor page",
                      main_thread_profile({"FLASHPOINT_SITUATION_JSON": str(reference_path)}, floor_page))
        if not args.events:
            return
        print(f"\n{len(large.events):,} events over {len(large.places):,} places (bench/synthetic.py).")
        table(f"(c) {args.events:,} events: figure and panels, in-process", large_situation_figures(large))
        table(f"(c) {args.events:,} events: whole page rerun (AppTest)", apptest_times(large_path))
        zoom_table(f"(c) {args.events:,} events by zoom: clusters, bytes, server time", zoom_rows(large, large_path))
        if not args.no_browser:
            env = {"FLASHPOINT_SITUATION_JSON": str(large_path)}
            table(f"(c) {args.events:,} events in Chromium: first paint and server memory", browser_paints(args.runs, env))
            zoom_table(f"(c) {args.events:,} events in Chromium by zoom: a link opened at each zoom",
                       zoom_visits(env, args.runs, opening_centre(large)))


if __name__ == "__main__":
    main()
