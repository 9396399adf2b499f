"""What the browser tells the server about the map: a small inline component that reports two things.

- **The camera.** Plotly keeps a pan or zoom in the browser only; the component listens for it on the
  map's plot element, waits for the user to stop moving, and sends the centre and zoom to the server,
  which puts them in the share link. It reports user moves only (plotly emits `plotly_relayout` for
  those), so a rerun that redraws the map does not echo back.
- **The first paint.** Once MapLibre has drawn the map (or after a few seconds, should it never), it
  says so once per page load. The page holds back its panels and controls until then: they would
  otherwise take the browser's main thread while plotly.js is starting, and the map is what the
  analyst waits for.
"""
from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

# Runs in the page (trusted code of ours, given no data): it only reads plotly's own state.
_JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const QUIET_MS = 400;
  const PAINT_FALLBACK_MS = 8000;
  const listening = new Map();
  let timer = null;
  let painted = false;

  function reportPainted() {
    if (painted) return;
    painted = true;
    setTriggerValue('painted', true);
  }
  const fallback = setTimeout(reportPainted, PAINT_FALLBACK_MS);

  function report(gd) {
    const sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!sub || !sub.map) return;
    const centre = sub.map.getCenter();
    setTriggerValue('camera', { lat: centre.lat, lon: centre.lng, zoom: sub.map.getZoom() });
  }

  function listen() {
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      if (listening.has(gd) || typeof gd.on !== 'function' || !(gd._fullLayout && gd._fullLayout.map)) continue;
      const onMove = (change) => {
        if (!Object.keys(change || {}).some((k) => k.startsWith('map.center') || k.startsWith('map.zoom'))) return;
        clearTimeout(timer);
        timer = setTimeout(() => report(gd), QUIET_MS);
      };
      gd.on('plotly_relayout', onMove);
      listening.set(gd, onMove);
      const map = gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
      if (map && map.loaded()) reportPainted();
      else if (map) map.once('idle', reportPainted);
    }
  }

  listen();
  // Streamlit may draw the chart after this component, or replace its element on a rerun.
  const poll = setInterval(listen, 200);
  return () => {
    clearInterval(poll);
    clearTimeout(timer);
    clearTimeout(fallback);
    for (const [gd, onMove] of listening) gd.removeListener('plotly_relayout', onMove);
  };
}
"""

_reporter = st.components.v2.component("flashpoint.map_reports", js=_JS, isolate_styles=False)

# Session-state key: this session's page has painted its map once, so the rest of the page may follow.
PAINTED = "map.painted"


def listen_to_map(key: str = "map_reports") -> Mapping[str, object] | None:
    """Put the map's reporter in the page. Returns the camera the user has just moved to ({"lat", "lon", "zoom"},
    unchecked), or None on any other run; on the run the browser reports its first paint, records it (map_painted)."""
    reports = _reporter(key=key, on_camera_change=lambda: None, on_painted_change=lambda: None)
    if reports.get("painted"):
        st.session_state[PAINTED] = True
    camera = reports.get("camera")
    return camera if isinstance(camera, Mapping) else None


def map_painted() -> bool:
    """Whether the browser has reported this session's map drawn."""
    return bool(st.session_state.get(PAINTED))
