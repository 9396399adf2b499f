"""Great-circle distance, shared by every geodata module."""
from __future__ import annotations

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0  # mean radius
KM_PER_DEGREE = 2 * math.pi * EARTH_RADIUS_KM / 360  # of latitude, and of longitude at the equator


def haversine_km(lat1: float, lon1: float, lat2: float | np.ndarray, lon2: float | np.ndarray) -> float | np.ndarray:
    """Great-circle distance in km; lat2/lon2 may be numpy arrays."""
    if isinstance(lat2, float) and isinstance(lon2, float):
        # One pair of points: math gives the same bits as numpy here, without numpy's per-call overhead, and the
        # resolver asks this thousands of times per article.
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dlat, dlon = p2 - p1, math.radians(lon2) - math.radians(lon1)
        a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(a, 1.0)))
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(lon2) - np.radians(lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
