"""A plain-text rendering of a situation for people at a terminal."""
from __future__ import annotations

from reading.model import Situation


def situation_table(situation: Situation) -> str:
    names = {p.id: p.name for p in situation.places}
    actors = {a.id: a.name for a in situation.actors}
    lines = [f"{situation.article.title}  (published {situation.article.published or 'unknown'})", "", "PLACES"]
    for p in situation.places:
        lines.append(f"  {p.name:<32} {p.kind:<9} {p.country:<3} {p.lat:8.3f} {p.lon:9.3f}  {p.role:<9} x{len(p.mentions)}")
    lines += ["", "EVENTS"]
    for e in situation.events:
        where = names.get(e.place or "", "-") + (f" ({names.get(e.origin or '', '?')} -> {names.get(e.destination or '', '?')})" if e.destination else "")
        flags = ",".join(f for f in ("historical" if e.historical else "", e.modality if e.modality != "asserted" else "") if f)
        lines.append(f"  {e.id:<4} {actors.get(e.actor, e.actor):<22} {e.action:<19} {where:<40} {e.date or '-':<11} {flags}")
        lines.append(f"       s{e.sentence}: {e.evidence[:110]}")
    lines += ["", "POSTURE"]
    lines += [f"  {actors.get(p.actor, p.actor)} - {p.status}: {p.detail}" for p in situation.posture]
    lines += ["", "RISK"]
    lines += [f"  {names.get(r.place, r.place):<32} {r.score:3d} {r.level:<9} drivers {', '.join(r.drivers)}" for r in situation.risk]
    return "\n".join(lines)
