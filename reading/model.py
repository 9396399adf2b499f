"""Value types of a reading: the situation document and its parts (DESIGN.md, "The situation contract").

Every type is frozen; `Situation.to_dict()` gives the JSON shape other tools read and
`Situation.from_dict()` reads it back, so the store and the page never pass loose dicts around.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA = "flashpoint.situation/1"

PlaceKind = Literal["country", "admin1", "city", "region", "facility", "water"]
Precision = Literal["site", "near", "admin1", "country", "region"]
Role = Literal["literal", "metonymic", "modifier", "embedded", "demonym"]
Modality = Literal["asserted", "demanded", "threatened", "planned", "denied", "negated"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]

# Strongest first: a place's role is the strongest role among its mentions.
ROLE_STRENGTH: tuple[Role, ...] = ("literal", "metonymic", "modifier", "embedded", "demonym")
# Precisions coarser than "near" are drawn as areas, never as pins.
AREA_PRECISIONS: frozenset[str] = frozenset({"admin1", "country", "region"})


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    caption: bool = False


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    sentence: int
    role: Role


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: PlaceKind
    country: str
    lat: float
    lon: float
    precision: Precision
    confidence: float
    role: Role
    mentions: tuple[PlaceMention, ...]
    radius_km: float = 0.0  # how far an area extends from its point; 0 when unknown or a site

    @property
    def is_area(self) -> bool:
        return self.precision in AREA_PRECISIONS


@dataclass(frozen=True, slots=True)
class ActorMention:
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    mentions: tuple[ActorMention, ...]


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int
    best: int
    high: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    category: str
    action: str
    acled_type: str | None
    actor: str
    target: str | None
    place: str | None
    origin: str | None
    destination: str | None
    date: str | None
    date_precision: DatePrecision
    historical: bool
    modality: Modality
    fatalities: Fatalities | None
    sentence: int
    span: tuple[int, int]
    evidence: str
    place_implicit: bool = False

    @property
    def is_current(self) -> bool:
        return self.modality == "asserted" and not self.historical


@dataclass(frozen=True, slots=True)
class Posture:
    actor: str
    status: str
    detail: str
    locations: tuple[str, ...]
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Risk:
    place: str
    score: int
    level: str
    drivers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReaderInfo:
    version: str
    gazetteer: str


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    title: str
    published: str | None
    chars: int
    sentences: int
    language: str
    reader: ReaderInfo
    notices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Situation:
    article: ArticleInfo
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    posture: tuple[Posture, ...] = ()
    risk: tuple[Risk, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), compare=False)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def to_dict(self) -> dict[str, Any]:
        doc = {"schema": SCHEMA}
        doc.update({f.name: _plain(getattr(self, f.name)) for f in fields(self)})
        return doc

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> "Situation":
        if doc.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={doc.get('schema')!r})")
        article = dict(doc["article"])
        article["reader"] = ReaderInfo(**article["reader"])
        article["notices"] = tuple(article.get("notices", ()))
        return cls(
            article=ArticleInfo(**article),
            places=tuple(_place(p) for p in doc.get("places", ())),
            actors=tuple(_actor(a) for a in doc.get("actors", ())),
            events=tuple(_event(e) for e in doc.get("events", ())),
            posture=tuple(_posture(p) for p in doc.get("posture", ())),
            risk=tuple(_risk(r) for r in doc.get("risk", ())),
            sentences=tuple(Sentence(**s) for s in doc.get("sentences", ())),
        )


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _place(p: dict[str, Any]) -> Place:
    return Place(**{**p, "mentions": tuple(PlaceMention(**m) for m in p["mentions"])})


def _actor(a: dict[str, Any]) -> Actor:
    return Actor(**{**a, "mentions": tuple(ActorMention(**m) for m in a["mentions"])})


def _event(e: dict[str, Any]) -> Event:
    fat = e.get("fatalities")
    return Event(**{**e, "span": tuple(e["span"]), "fatalities": Fatalities(**fat) if fat else None})


def _posture(p: dict[str, Any]) -> Posture:
    return Posture(**{**p, "locations": tuple(p["locations"]), "events": tuple(p["events"])})


def _risk(r: dict[str, Any]) -> Risk:
    return Risk(**{**r, "drivers": tuple(r["drivers"])})
