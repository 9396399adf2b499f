"""The map camera from the browser: a small inline component that reports where the user panned and zoomed.

Plotly keeps a pan or zoom in the browser only; this component listens for it on the map's plot
element, waits for the user to stop moving, and sends the centre and zoom to the server, which puts
them in the share link. It reports user moves only (plotly emits `plotly_relayout` for those), so a
rerun that redraws the map does not echo back.
"""
from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

# Runs in the page (trusted code of ours, given no data): it only reads plotly's own state.
_JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const QUIET_MS = 400;
  const listening = new Map();
  let timer = null;

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
    }
  }

  listen();
  // Streamlit may draw the chart after this component, or replace its element on a rerun.
  const poll = setInterval(listen, 500);
  return () => {
    clearInterval(poll);
    clearTimeout(timer);
    for (const [gd, onMove] of listening) gd.removeListener('plotly_relayout', onMove);
  };
}
"""

_camera_reporter = st.components.v2.component("flashpoint.map_camera", js=_JS, isolate_styles=False)


def reported_camera(key: str = "map_camera") -> Mapping[str, object] | None:
    """The camera the user has just moved to ({"lat", "lon", "zoom"}, unchecked), or None on any other run."""
    camera = _camera_reporter(key=key, on_camera_change=lambda: None).get("camera")
    return camera if isinstance(camera, Mapping) else None
