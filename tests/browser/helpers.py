"""Helpers for real-browser tests (not fixtures; the fixtures are in conftest.py).

Everything here talks to a real Streamlit server on 127.0.0.1 and a real
Debian Chromium through Playwright. Nothing is mocked.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from sharing.map_reports import MAP_SHOWS_TRACES_JS

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
HEALTH_TIMEOUT_S = 60.0

# Loopback requests must never go through a proxy from the environment.
_NO_PROXY_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# --------------------------------------------------------------------------
# Streamlit server
# --------------------------------------------------------------------------

def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return text[-limit:] if text else "(empty)"


class StreamlitServer:
    """One `python -m streamlit run APP` process on 127.0.0.1.

    `start()` waits for /_stcore/health; `stop()` ends the whole process
    group; `restart()` stops and starts it again on the same port with the
    same environment (so a database in FLASHPOINT_DB survives).
    """

    def __init__(self, app: Path | str, log_dir: Path, env: dict[str, str] | None = None,
                 port: int | None = None, extra_args: list[str] | None = None):
        self.app = Path(app).resolve()
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.env_overrides = dict(env or {})
        self.port = port or free_port()
        self.extra_args = list(extra_args or [])
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        self.startup_seconds: float | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def stdout_log(self) -> Path:
        return self.log_dir / f"streamlit-{self.port}.out.log"

    @property
    def stderr_log(self) -> Path:
        return self.log_dir / f"streamlit-{self.port}.err.log"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", str(self.app),
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--server.fileWatcherType", "none",
            "--server.runOnSave", "false",
            *self.extra_args,
        ]

    def start(self, timeout: float = HEALTH_TIMEOUT_S) -> "StreamlitServer":
        if self.proc is not None and self.proc.poll() is None:
            raise RuntimeError(f"server on port {self.port} is already running")
        if not self.app.is_file():
            raise FileNotFoundError(f"Streamlit app not found: {self.app}")
        env = os.environ.copy()
        env.update(self.env_overrides)
        env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
        env["PYTHONUNBUFFERED"] = "1"
        # Make the project importable from apps that live outside the repo.
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
        self.starts += 1
        with open(self.stdout_log, "ab") as out, open(self.stderr_log, "ab") as err:
            marker = f"\n--- start #{self.starts} ---\n".encode()
            out.write(marker)
            err.write(marker)
            out.flush()
            err.flush()
            t0 = time.monotonic()
            self.proc = subprocess.Popen(
                self.command(), cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
                stdout=out, stderr=err, start_new_session=True)
        self._wait_healthy(t0, timeout)
        self.startup_seconds = time.monotonic() - t0
        return self

    def _wait_healthy(self, t0: float, timeout: float) -> None:
        health = f"{self.url}/_stcore/health"
        last_error = "no answer yet"
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"Streamlit exited with code {self.proc.returncode} before it was healthy.\n"
                    f"command: {' '.join(self.command())}\n"
                    f"stderr:\n{_tail(self.stderr_log)}\nstdout:\n{_tail(self.stdout_log)}")
            try:
                with _NO_PROXY_OPENER.open(health, timeout=2) as resp:
                    body = resp.read().decode(errors="replace").strip()
                    if resp.status == 200 and body == "ok":
                        return
                    last_error = f"HTTP {resp.status}: {body[:200]!r}"
            except (urllib.error.URLError, OSError) as exc:
                last_error = repr(exc)
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"Streamlit did not answer ok on {health} within {timeout:.0f} s "
            f"(last: {last_error}).\ncommand: {' '.join(self.command())}\n"
            f"stderr:\n{_tail(self.stderr_log)}\nstdout:\n{_tail(self.stdout_log)}")

    def stop(self, timeout: float = 10.0) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def restart(self, timeout: float = HEALTH_TIMEOUT_S) -> "StreamlitServer":
        self.stop()
        # The old socket may linger briefly; wait until the port can be bound.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    s.bind(("127.0.0.1", self.port))
                    break
                except OSError:
                    time.sleep(0.1)
        return self.start(timeout)

    def stderr_text(self) -> str:
        return _tail(self.stderr_log, 100_000)


# --------------------------------------------------------------------------
# Request guard
# --------------------------------------------------------------------------

def classify_url(url: str) -> str:
    """'local' or 'outside'. The map's label glyphs come from the page's own server (layers/glyphs.py), so no
    outside host is tolerated, not even a font host."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension", "devtools"):
        return "local"
    host = (parts.hostname or "").lower()
    if host in LOCAL_HOSTS or host.startswith("127."):
        return "local"
    return "outside"


class RequestGuard:
    """Route handler that lets loopback traffic through and aborts the rest.

    `outside` lists every request (and WebSocket) to a host other than
    loopback.
    """

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.local_count = 0

    def handle(self, route, request) -> None:
        kind = classify_url(request.url)
        if kind == "local":
            self.local_count += 1
            route.continue_()
        else:
            self.outside.append(request.url)
            route.abort("blockedbyclient")

    def on_websocket(self, ws) -> None:
        if classify_url(ws.url.replace("ws://", "http://", 1).replace("wss://", "https://", 1)) != "local":
            self.outside.append(ws.url)

    def install(self, context) -> None:
        context.route("**/*", self.handle)
        context.on("page", lambda p: p.on("websocket", self.on_websocket))


# --------------------------------------------------------------------------
# Waiting for the map
# --------------------------------------------------------------------------

# The page's own test of a map drawn with its traces (sharing/map_reports.py), held for a moment.
_MAP_STABLE_JS = """
([selector, stableMs]) => {
  const mapShowsTraces = """ + MAP_SHOWS_TRACES_JS.strip() + """;
  const ok = mapShowsTraces(document.querySelector(selector));
  const now = performance.now();
  const key = '__flashpointMapSince';
  if (!ok) { window[key] = null; return false; }
  if (window[key] == null) window[key] = now;
  return (now - window[key] >= stableMs) ? {since: window[key], now: now} : false;
}
"""

_MAP_STATE_JS = """
(selector) => {
  const gd = document.querySelector(selector);
  if (!gd) return 'no element matches ' + selector;
  if (!gd._fullLayout) return 'plot element has no _fullLayout yet';
  if (!gd._fullLayout.map) return 'figure has no MapLibre subplot (layout.map)';
  const sub = gd._fullLayout.map._subplot;
  if (!sub || !sub.map) return 'MapLibre subplot not created yet';
  const layers = sub.map.getLayersOrder();
  const missing = gd._fullData.filter((t) => t.subplot === sub.id && t.visible === true
    && !layers.some((id) => id.startsWith('plotly-trace-layer-' + t.uid + '-'))).map((t) => t.name);
  return 'map.loaded() = ' + sub.map.loaded() + ', traces without map layers: ' + JSON.stringify(missing);
}
"""


def wait_for_map(page, timeout: float = 30_000, *, selector: str = ".js-plotly-plot",
                 stable_ms: int = 300) -> float:
    """Wait until the first MapLibre map under `selector` is drawn with its data.

    Waits for the plot element, then for MapLibre to be `loaded()` with a layer for every
    visible trace (the page's own test, sharing/map_reports.MAP_SHOWS_TRACES_JS), holding
    for `stable_ms` (loaded() can flip back to false on a resize redraw).
    `timeout` is in milliseconds, for the whole wait. Returns the time in ms
    from navigation start (performance.now()) at which the map became loaded
    for the stretch that held.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    t0 = time.monotonic()
    try:
        page.wait_for_selector(selector, state="attached", timeout=timeout)
        left = max(1.0, timeout - (time.monotonic() - t0) * 1000)
        page.evaluate("() => { window.__flashpointMapSince = null; }")
        handle = page.wait_for_function(
            _MAP_STABLE_JS, arg=[selector, stable_ms], polling=50, timeout=left)
    except PlaywrightTimeoutError as exc:
        try:
            state = page.evaluate(_MAP_STATE_JS, selector)
        except Exception as inner:  # page may be gone
            state = f"state unavailable: {inner!r}"
        raise AssertionError(
            f"map under {selector!r} not loaded within {timeout:.0f} ms ({state}) at {page.url}"
        ) from exc
    return float(handle.json_value()["since"])


def trace_lengths(page, selector: str = ".js-plotly-plot") -> list[int]:
    """Points per trace as plotly counted them (`gd._fullData[i]._length`)."""
    return page.evaluate(
        "(sel) => Array.from(document.querySelector(sel)._fullData, t => t._length)", selector)
