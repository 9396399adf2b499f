"""The view state a share link carries, and its validated round trip to URL query parameters.

`from_query` never raises: anything unknown, malformed or hostile is dropped with a notice
that says what was wrong, and the rest of the link is kept.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from layers import LAYERS
from reading.vocabulary import ACTOR_TYPES, CATEGORIES

LAYER_IDS: tuple[str, ...] = tuple(LAYERS)
MAX_VALUE_CHARS = 200
# Identifiers in links are store ids ("sha256:…") and gazetteer ids ("geonames:98182"); anything
# else (slashes, quotes, spaces) is refused rather than cleaned, so a link never names a path.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]*")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
# Streamlit's own embedding parameters share the query string; they are not ours to judge.
_STREAMLIT_PARAMS = frozenset({"embed", "embed_options"})
_Reader = Callable[[str, list[str]], dict[str, object]]
_RANGES: dict[str, tuple[float, float]] = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0), "zoom": (0.0, 22.0)}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# The span a date filter may cover; the page's date picker offers the same.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2100, 12, 31)
# More actors than any article names; a longer list is a crafted link, not a view.
MAX_ACTORS = 30


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything a share link can say; empty filters mean "show all"."""

    article: str | None = None
    layers: tuple[str, ...] = LAYER_IDS
    focus: str | None = None
    show_historical: bool = False
    categories: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor ids; an event passes when its actor or its target is one of them
    date_from: date | None = None  # first and last day shown, inclusive; both or neither
    date_to: date | None = None
    lat: float | None = None
    lon: float | None = None
    zoom: float | None = None

    @property
    def has_centre(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def narrows_events(self) -> bool:
        """Whether any filter beyond the historical toggle is set."""
        return bool(self.categories or self.actor_types or self.actors or self.date_from or self.date_to)


DEFAULT = ViewState()


def from_query(params: Mapping[str, str | list[str]]) -> tuple[ViewState, list[str]]:
    """Read a view from query parameters; returns the view and a notice for everything ignored."""
    notices: list[str] = []
    values: dict[str, str] = {}
    for name, raw in params.items():
        value = _single_value(name, raw, notices)
        if value is not None:
            values[name] = value
    for name in sorted(set(values) - set(_READERS) - _STREAMLIT_PARAMS):
        notices.append(f"Ignored unknown parameter {_quote(name)}; known parameters: {', '.join(_READERS)}.")
    fields: dict[str, object] = {}
    for name, read in _READERS.items():
        if name in values:
            fields.update(read(values[name], notices))
    fields = _whole_centre(fields, notices)
    fields = _whole_date_range(fields, notices)
    return ViewState(**fields), notices


def to_query(view: ViewState) -> dict[str, str]:
    """The query parameters for a view, leaving out everything that equals the default."""
    query: dict[str, str] = {}
    if view.article is not None:
        query["article"] = view.article
    if view.layers != DEFAULT.layers:
        query["layers"] = ",".join(view.layers)
    if view.focus is not None:
        query["focus"] = view.focus
    if view.show_historical:
        query["historical"] = "1"
    if view.categories:
        query["categories"] = ",".join(view.categories)
    if view.actor_types:
        query["actors"] = ",".join(view.actor_types)
    if view.actors:
        query["actor"] = ",".join(view.actors)
    if view.date_from is not None:
        query["from"] = view.date_from.isoformat()
    if view.date_to is not None:
        query["to"] = view.date_to.isoformat()
    for name in ("lat", "lon", "zoom"):
        number = getattr(view, name)
        if number is not None:
            query[name] = _format_number(number)
    return query


def with_focus(view: ViewState, focus: str | None) -> ViewState:
    """The view focused on a place; a new focus drops the camera, so the map frames the place."""
    if focus == view.focus:
        return view
    return replace(view, focus=focus, lat=None, lon=None, zoom=None)


def with_camera(view: ViewState, report: object) -> ViewState:
    """The view with the camera the browser reported ({"lat", "lon", "zoom"}); a malformed report changes nothing.

    The report comes from the page's script, so it is checked like a link's parameters.
    """
    if not isinstance(report, Mapping):
        return view
    try:
        lat, lon, zoom = (float(report[name]) for name in ("lat", "lon", "zoom"))
    except (KeyError, TypeError, ValueError):
        return view
    # MapLibre lets the world wrap: a centre east of 180° is the same place as one west of it.
    lon = (lon + 180.0) % 360.0 - 180.0 if math.isfinite(lon) else lon
    camera = {name: _in_range(name, value) for name, value in (("lat", lat), ("lon", lon), ("zoom", zoom))}
    if None in camera.values() or _echoes(view, camera):
        return view
    return replace(view, **camera)


# A map redrawn at a link's camera comes to rest within a pixel of it and may report that back; a report this
# close to the camera already in the link is that echo, not a move, and must not rewrite the link.
_ECHO = {"lat": 2e-4, "lon": 2e-4, "zoom": 2e-3}


def _echoes(view: ViewState, camera: Mapping[str, float]) -> bool:
    current = {"lat": view.lat, "lon": view.lon, "zoom": view.zoom}
    return None not in current.values() and all(abs(camera[k] - current[k]) <= _ECHO[k] for k in _ECHO)


def _single_value(name: str, raw: str | list[str], notices: list[str]) -> str | None:
    values = [raw] if isinstance(raw, str) else list(raw)
    if len(values) != 1:
        # Two values for one parameter is ambiguous; picking either would silently guess.
        notices.append(f"Ignored parameter {_quote(name)}: given {len(values)} times, expected once.")
        return None
    value = values[0]
    if len(value) > MAX_VALUE_CHARS or len(name) > MAX_VALUE_CHARS:
        notices.append(f"Ignored parameter {_quote(name)}: longer than {MAX_VALUE_CHARS} characters.")
        return None
    return value


def _read_id(field: str, label: str) -> _Reader:
    def read(value: str, notices: list[str]) -> dict[str, object]:
        if _ID.fullmatch(value) and ".." not in value:
            return {field: value}
        notices.append(f"Ignored {label} {_quote(value)}: not a valid id (letters, digits and : . _ - only).")
        return {}

    return read


def _read_choices(field: str, label: str, valid: tuple[str, ...], *, keep_empty: bool) -> _Reader:
    def read(value: str, notices: list[str]) -> dict[str, object]:
        given = [v.strip() for v in value.split(",") if v.strip()]
        unknown = [v for v in given if v not in valid]
        if unknown:
            notices.append(
                f"Ignored unknown {label} {', '.join(_quote(v) for v in unknown)}; valid {label}: {', '.join(valid)}."
            )
        chosen = tuple(v for v in valid if v in given)
        if chosen or (keep_empty and not given):
            return {field: chosen}
        return {}

    return read


def _read_ids(field: str, label: str) -> _Reader:
    read_one = _read_id(field, label)

    def read(value: str, notices: list[str]) -> dict[str, object]:
        given = list(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
        if len(given) > MAX_ACTORS:
            notices.append(f"Ignored {label}: more than {MAX_ACTORS} given.")
            return {}
        chosen = tuple(v for v in given if read_one(v, notices))
        return {field: chosen} if chosen else {}

    return read


def _read_day(field: str, name: str) -> _Reader:
    def read(value: str, notices: list[str]) -> dict[str, object]:
        try:
            day = date.fromisoformat(value) if _ISO_DAY.fullmatch(value) else None
        except ValueError:
            day = None
        if day is not None and EARLIEST_DAY <= day <= LATEST_DAY:
            return {field: day}
        notices.append(f"Ignored {name}={_quote(value)}: expected a date from {EARLIEST_DAY} to {LATEST_DAY} (YYYY-MM-DD).")
        return {}

    return read


def _read_flag(value: str, notices: list[str]) -> dict[str, object]:
    if value.lower() in _TRUE:
        return {"show_historical": True}
    if value.lower() in _FALSE:
        return {"show_historical": False}
    notices.append(f"Ignored historical={_quote(value)}: expected 1 or 0.")
    return {}


def _read_number(field: str) -> _Reader:
    low, high = _RANGES[field]

    def read(value: str, notices: list[str]) -> dict[str, object]:
        try:
            number = float(value)
        except ValueError:
            notices.append(f"Ignored {field}={_quote(value)}: not a number.")
            return {}
        checked = _in_range(field, number)
        if checked is None:
            notices.append(f"Ignored {field}={_quote(value)}: must be a number from {low:g} to {high:g}.")
            return {}
        return {field: checked}

    return read


def _in_range(field: str, number: float) -> float | None:
    low, high = _RANGES[field]
    if not math.isfinite(number) or not low <= number <= high:
        return None
    # The formatted value, so a view read from a link always writes the same link back.
    return float(_format_number(number))


def _whole_centre(fields: dict[str, object], notices: list[str]) -> dict[str, object]:
    """A map centre needs both coordinates; half a centre is dropped rather than guessed."""
    if ("lat" in fields) != ("lon" in fields):
        notices.append("Ignored map centre: lat and lon must be given together.")
        return {k: v for k, v in fields.items() if k not in ("lat", "lon")}
    return fields


def _whole_date_range(fields: dict[str, object], notices: list[str]) -> dict[str, object]:
    """A date range needs both ends in order; half a range, or one that ends before it starts, is dropped."""
    first, last = fields.get("date_from"), fields.get("date_to")
    if first is None and last is None:
        return fields
    if first is None or last is None:
        notices.append("Ignored date range: from and to must be given together.")
    elif isinstance(first, date) and isinstance(last, date) and last < first:
        notices.append(f"Ignored date range: 'to' ({last}) is before 'from' ({first}).")
    else:
        return fields
    return {k: v for k, v in fields.items() if k not in ("date_from", "date_to")}


def _format_number(number: float) -> str:
    # Four decimals of a degree is about 11 m: finer than any place the reader resolves.
    return format(round(number, 4) + 0.0, ".10g")


def _quote(value: str) -> str:
    """A short, quoted echo of user input for notices, never the whole of a long value."""
    return repr(value if len(value) <= 40 else value[:40] + "…")


_READERS: dict[str, _Reader] = {
    "article": _read_id("article", "article id"),
    "layers": _read_choices("layers", "layer ids", LAYER_IDS, keep_empty=True),
    "focus": _read_id("focus", "focused place"),
    "historical": _read_flag,
    "categories": _read_choices("categories", "categories", CATEGORIES, keep_empty=False),
    "actors": _read_choices("actor_types", "actor types", ACTOR_TYPES, keep_empty=False),
    "actor": _read_ids("actors", "actor id"),
    "from": _read_day("date_from", "from"),
    "to": _read_day("date_to", "to"),
    "lat": _read_number("lat"),
    "lon": _read_number("lon"),
    "zoom": _read_number("zoom"),
}

