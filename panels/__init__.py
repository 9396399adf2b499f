"""Panels: pure functions from a Situation to the short lists the page shows beside the map."""
