"""What the browser tells the server about the map: a small inline component that reports two things.

- **The camera.** Plotly keeps a pan or zoom in the browser only; the component listens for it on the
  map's plot element, waits for the user to stop moving, and sends the centre and zoom to the server,
  which puts them in the share link. It reports user moves only (plotly emits `plotly_relayout` for
  those), so a rerun that redraws the map does not echo back.
- **The first paint.** Once MapLibre has drawn the map with the figure's traces (or after a few seconds,
  should it never), it says so once per page load. The page holds back its panels and controls until
  then: they would otherwise take the browser's main thread while plotly.js and MapLibre are drawing,
  and the map is what the analyst waits for.
"""
from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

# Whether a plot element's MapLibre map is drawn with its data: a JS function of the element, shared by the
# reporter below and the browser tests' wait_for_map, so the benchmark times what the page reports. MapLibre's
# loaded() holds as soon as its own style (a bare background) is in, but plotly adds the traces' sources and layers
# only once every trace's GeoJSON has been fetched (the base map's static/basemap.geojson): loaded() alone can hold
# on a blank map, and a rerun sent then would compete with the real first paint.
MAP_SHOWS_TRACES_JS = """
(gd) => {
  const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
  const map = sub && sub.map;
  if (!map || !map.loaded()) return false;
  const layers = map.getLayersOrder();
  return (gd._fullData || []).every((trace) => trace.subplot !== sub.id || trace.visible !== true
    || layers.some((id) => id.startsWith('plotly-trace-layer-' + trace.uid + '-')));
}
"""

# Runs in the page (trusted code of ours, given no data): it only reads plotly's own state.
_JS = """
const mapShowsTraces = """ + MAP_SHOWS_TRACES_JS.strip() + """;

export default function (component) {
  const { setTriggerValue } = component;
  const QUIET_MS = 400;
  const PAINT_FALLBACK_MS = 8000;
  const listening = new Map();
  const watched = new Set();
  let timer = null;
  let painted = false;

  function reportPainted() {
    if (painted) return;
    painted = true;
    for (const map of watched) map.off('idle', checkPainted);
    setTriggerValue('painted', true);
  }
  const fallback = setTimeout(reportPainted, PAINT_FALLBACK_MS);

  function checkPainted() {
    if (Array.from(document.querySelectorAll('.js-plotly-plot')).some(mapShowsTraces)) reportPainted();
  }

  // MapLibre goes idle after drawing each change; the one awaited is the change that adds the traces.
  function watchPaint(gd) {
    const sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (painted || !sub || !sub.map || watched.has(sub.map)) return;
    watched.add(sub.map);
    sub.map.on('idle', checkPainted);
  }

  function report(gd) {
    const sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!sub || !sub.map) return;
    const centre = sub.map.getCenter();
    setTriggerValue('camera', { lat: centre.lat, lon: centre.lng, zoom: sub.map.getZoom() });
  }

  function listen() {
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      watchPaint(gd);
      if (listening.has(gd) || typeof gd.on !== 'function' || !(gd._fullLayout && gd._fullLayout.map)) continue;
      const onMove = (change) => {
        if (!Object.keys(change || {}).some((k) => k.startsWith('map.center') || k.startsWith('map.zoom'))) return;
        clearTimeout(timer);
        timer = setTimeout(() => report(gd), QUIET_MS);
      };
      gd.on('plotly_relayout', onMove);
      listening.set(gd, onMove);
    }
    // The map may have gone idle with its traces before it was watched.
    if (!painted) checkPainted();
  }

  listen();
  // Streamlit may draw the chart after this component, or replace its element on a rerun.
  const poll = setInterval(listen, 200);
  return () => {
    clearInterval(poll);
    clearTimeout(timer);
    clearTimeout(fallback);
    for (const map of watched) map.off('idle', checkPainted);
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
