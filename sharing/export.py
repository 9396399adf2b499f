"""What the current view shows, as data to take away: GeoJSON and CSV of the visible layers.

Each visible layer contributes records: events from the event layers (selected by the layers' own
`selected_events`, so exports follow every filter the map follows), places, posture lines and risk
rows. GeoJSON and CSV are two spellings of the same records.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

from layers import militia, posture
from layers.base import involves_place, risks_in_view, selected_events
from layers.posture import move_ends
from layers.wording import actor_name, actor_type, format_published
from reading.model import Event, Place, Posture, Risk, Situation
from sharing.viewstate import ViewState, to_query

Value = Union[str, int, float, bool, None]
Geometry = Mapping[str, object]

# Layers that draw events, and the category each draws.
EVENT_LAYERS: dict[str, str] = {"posture": posture.CATEGORY, "militia": militia.CATEGORY}

# One table for every kind of record, so a spreadsheet can filter on `record`; a record leaves the
# columns that do not apply to it empty.
COLUMNS: tuple[str, ...] = (
    "record", "id", "lat", "lon",
    "name", "kind", "country", "precision", "role", "confidence", "mentions",
    "category", "action", "acled_type",
    "actor_id", "actor_name", "actor_type", "target_id", "target_name",
    "place_id", "place_name", "origin_id", "destination_id",
    "date", "date_precision", "modality", "historical", "current",
    "fatalities_low", "fatalities_best", "fatalities_high",
    "status", "detail", "place_ids", "event_ids",
    "score", "level", "drivers",
    "sentence", "span_start", "span_end", "evidence", "focused",
)
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Several ids or sentences in one cell.
_LIST_SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One row of an export: what it is, where it is (None when the article does not say), its fields."""

    record: str
    id: str
    geometry: Geometry | None
    fields: Mapping[str, Value]


def visible_events(situation: Situation, view: ViewState) -> list[Event]:
    """The events the visible event layers draw, in reading order."""
    drawn = {category for layer_id, category in EVENT_LAYERS.items() if layer_id in view.layers}
    return [event for event in selected_events(situation, view) if event.category in drawn]


def view_records(situation: Situation, view: ViewState) -> list[ExportRecord]:
    """Every record the view shows: events, then places, posture lines and risk rows of visible layers."""
    events = visible_events(situation, view)
    postures = visible_postures(situation, view, events)
    # Risk rows as the risk layer draws them: the places whose score rests on a selected event.
    risks = risks_in_view(situation, view) if "risk" in view.layers else []
    places = visible_places(situation, view, events, postures, [r for r, _ in risks])
    return [
        *(event_record(situation, view, e) for e in events),
        *(place_record(view, p) for p in places),
        *(posture_record(situation, p) for p in postures),
        *(risk_record(r, d, place) for r, d in risks if (place := situation.place(r.place)) is not None),
    ]


def visible_postures(situation: Situation, view: ViewState, events: list[Event]) -> list[Posture]:
    """Posture lines follow their events: a line is shown when an event behind it is."""
    if "posture" not in view.layers:
        return []
    shown = {e.id for e in events}
    return [p for p in situation.posture if shown.intersection(p.events)]


def visible_places(
    situation: Situation, view: ViewState, events: list[Event], postures: list[Posture], risks: list[Risk]
) -> list[Place]:
    """Places drawn by the places and countries layers, and every place a shown record points to."""
    wanted: set[str] = set()
    if "places" in view.layers:
        wanted |= {p.id for p in situation.places if p.role == "literal"}
    if "countries" in view.layers:
        wanted |= {p.id for p in situation.places if p.kind == "country"}
    wanted |= {pid for e in events for pid in (e.place, e.origin, e.destination) if pid}
    wanted |= {pid for p in postures for pid in p.locations}
    wanted |= {r.place for r in risks}
    return [p for p in situation.places if p.id in wanted]


def event_record(situation: Situation, view: ViewState, event: Event) -> ExportRecord:
    place = situation.place(event.place)
    deaths = event.fatalities
    return ExportRecord("event", event.id, event_geometry(situation, event), {
        "category": event.category,
        "action": event.action,
        "acled_type": event.acled_type,
        "actor_id": event.actor,
        "actor_name": actor_name(situation, event.actor),
        "actor_type": actor_type(situation, event.actor),
        "target_id": event.target,
        "target_name": actor_name(situation, event.target),
        "place_id": event.place,
        "place_name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "origin_id": event.origin,
        "destination_id": event.destination,
        "date": event.date,
        "date_precision": event.date_precision,
        "modality": event.modality,
        "historical": event.historical,
        "current": event.is_current,
        "fatalities_low": deaths.low if deaths else None,
        "fatalities_best": deaths.best if deaths else None,
        "fatalities_high": deaths.high if deaths else None,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "evidence": event.evidence,
        "focused": involves_place(event, view.focus),
    })


def event_geometry(situation: Situation, event: Event) -> Geometry | None:
    """A move is a line from origin to destination, as the map draws it; anything else a point at its place."""
    ends = move_ends(situation, event)
    if ends is not None:
        return {"type": "LineString", "coordinates": [_position(p) for p in ends]}
    place = situation.place(event.place)
    return _point(place) if place else None


def place_record(view: ViewState, place: Place) -> ExportRecord:
    return ExportRecord("place", place.id, _point(place), {
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "role": place.role,
        "confidence": place.confidence,
        "mentions": len(place.mentions),
        "focused": place.id == view.focus,
    })


def posture_record(situation: Situation, line: Posture) -> ExportRecord:
    events = [e for e_id in line.events if (e := situation.event(e_id)) is not None]
    places = [p for pid in line.locations if (p := situation.place(pid)) is not None]
    geometry = {"type": "MultiPoint", "coordinates": [_position(p) for p in places]} if places else None
    return ExportRecord("posture", line.actor, geometry, {
        "actor_id": line.actor,
        "actor_name": actor_name(situation, line.actor),
        "actor_type": actor_type(situation, line.actor),
        "status": line.status,
        "detail": line.detail,
        "place_ids": _LIST_SEPARATOR.join(line.locations),
        "event_ids": _LIST_SEPARATOR.join(line.events),
        "sentence": _LIST_SEPARATOR.join(str(e.sentence) for e in events),
        "evidence": " ".join(e.evidence for e in events),
    })


def risk_record(risk: Risk, drivers: tuple[Event, ...], place: Place) -> ExportRecord:
    """A risk row with the drivers the view selects (all of them when nothing is filtered)."""
    return ExportRecord("risk", risk.place, _point(place), {
        "place_id": risk.place,
        "place_name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "score": risk.score,
        "level": risk.level,
        "drivers": _LIST_SEPARATOR.join(e.id for e in drivers),
    })


def geojson_document(situation: Situation, view: ViewState, link: str) -> dict:
    """A GeoJSON FeatureCollection of the view; the article and the view ride along as a foreign member."""
    article = situation.article
    return {
        "type": "FeatureCollection",
        # RFC 7946 §6.1 allows foreign members; GIS tools ignore them, people can trace the data back.
        "flashpoint": {
            "schema": "flashpoint.export/1",
            "article": {"id": article.id, "title": article.title, "published": article.published},
            "view": to_query(view),
            "link": link,
        },
        "features": [
            {
                "type": "Feature",
                "id": f"{r.record}:{r.id}",
                "geometry": r.geometry,
                "properties": {"record": r.record, "id": r.id, **r.fields},
            }
            for r in view_records(situation, view)
        ],
    }


def geojson_text(situation: Situation, view: ViewState, link: str) -> str:
    return json.dumps(geojson_document(situation, view, link), ensure_ascii=False, indent=1)


def csv_text(situation: Situation, view: ViewState) -> str:
    """The view's records as CSV, one row each, with every text cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="raise")
    writer.writeheader()
    for record in view_records(situation, view):
        row = {"record": record.record, "id": record.id, **record.fields}
        writer.writerow({name: spreadsheet_cell(value) for name, value in row.items()})
    return out.getvalue()


def spreadsheet_cell(value: Value) -> str | int | float:
    """A cell a spreadsheet shows as typed: text that would start a formula gets a leading apostrophe.

    Numbers are ours, never article text, so a negative longitude stays a number.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def export_file_stem(situation: Situation) -> str:
    """A file name stem that says which article: "flashpoint-3fa9c2d1e0b4"."""
    digest = situation.article.id.split(":")[-1]
    safe = "".join(ch for ch in digest if ch.isalnum() or ch == "-")[:12]
    return f"flashpoint-{safe or 'view'}"


def export_heading(situation: Situation) -> str:
    """The line an exported picture carries, so it still says what it shows once pasted into a report."""
    article = situation.article
    return f"{article.title or 'Untitled report'} · as of {format_published(article.published)} · Flashpoint"


def _position(place: Place) -> list[float]:
    return [place.lon, place.lat]  # GeoJSON order


def _point(place: Place) -> Geometry:
    return {"type": "Point", "coordinates": _position(place)}
