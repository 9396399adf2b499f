"""A self-contained HTML snapshot of a view: the flat map, the panels and the link back, in one file
that opens from `file://` with no network.

Everything is inline (plotly.js, the figure, the styles). Article text is escaped with `html.escape`
everywhere; a Content-Security-Policy allows only the page's own two scripts (by hash) and no
outside requests at all, so even a missed escape could neither run a script nor reach the network.
"""
from __future__ import annotations

import base64
import hashlib
import html

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from layers.style import FOCUS_COLOUR
from layers.wording import format_published
from panels import BRIEF_PANELS
from panels.content import Evidence, Panel, PanelLine
from reading.model import Situation
from sharing.flatmap import flat_figure
from sharing.viewstate import ViewState

MAP_ELEMENT_ID = "flashpoint-map"
_PLOT_CONFIG = '{"displaylogo": false, "scrollZoom": true, "responsive": true}'
_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1A1A1A; margin: 1.5rem auto; max-width: 1200px; padding: 0 1rem; }
header p { color: #555; margin: .2rem 0; }
.link code { word-break: break-all; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 1rem 2rem; }
.panel h2 { font-size: 1.15rem; border-bottom: 1px solid #DDD; }
.panel h3 { font-size: .95rem; margin: .8rem 0 .3rem; }
details { margin: .2rem 0; }
details.background summary { font-style: italic; color: #555; }
.detail { color: #555; font-size: .85rem; margin: .2rem 0 .2rem 1.2rem; }
blockquote { margin: .3rem 0 .5rem 1.2rem; padding-left: .6rem; border-left: 3px solid #DDD; }
footer { margin-top: 2rem; color: #777; font-size: .8rem; }
"""


def snapshot_html(situation: Situation, view: ViewState, map_figure: go.Figure, link: str) -> str:
    """The page: title and date, the map (the view's live figure, drawn flat), the view's panels, the link back."""
    article = situation.article
    title = article.title or "Untitled report"
    figure_json = _script_safe_json(flat_figure(map_figure).to_json())
    plot_script = (
        f"var FIGURE = {figure_json};\n"
        f'Plotly.newPlot("{MAP_ELEMENT_ID}", FIGURE.data, FIGURE.layout, {_PLOT_CONFIG});'
    )
    plotly_js = get_plotlyjs()
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_policy(plotly_js, plot_script)}">',
        f"<title>{_text(title)} · Flashpoint snapshot</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_text(title)}</h1>",
        f"<p>As of {_text(format_published(article.published))} · snapshot of a Flashpoint view</p>",
        _link_paragraph(link),
        "</header>",
        f'<div id="{MAP_ELEMENT_ID}" style="height:{map_figure.layout.height}px"></div>',
        f'<div class="panels">{"".join(panel_html(build(situation, view)) for build in BRIEF_PANELS)}</div>',
        "<footer>Place data © GeoNames (CC BY 4.0); boundaries: Natural Earth (public domain).</footer>",
        f"<script>{plotly_js}</script>",
        f"<script>{plot_script}</script>",
        "</body>",
        "</html>",
    ])


def panel_html(panel: Panel) -> str:
    parts = [f'<section class="panel"><h2>{_text(panel.title)}</h2>']
    if not panel.lines:
        parts.append(f"<p>{_text(panel.empty)}</p>")
    group: str | None = None
    for line in panel.lines:
        if line.group and line.group != group:
            group = line.group
            parts.append(f"<h3>{_text(group)}</h3>")
        parts.append(line_html(line))
    parts.append("</section>")
    return "".join(parts)


def line_html(line: PanelLine) -> str:
    """A panel line that opens to its evidence, as the dashboard's expanders do."""
    status = "current" if line.current else "background"
    glyph = f'<span style="color:{_text(line.colour)}">{_text(line.glyph)}</span>'
    if line.focused:
        # A word as well as a colour, as on the dashboard, so the focus reads without colour vision.
        glyph = f'<span style="color:{FOCUS_COLOUR}">◉ focus</span> {glyph}'
    detail = f'<p class="detail">{_text(line.detail)}</p>' if line.detail else ""
    quotes = "".join(evidence_html(e) for e in line.evidence)
    return f'<details class="{status}"><summary>{glyph} {_text(line.text)}</summary>{detail}{quotes}</details>'


def evidence_html(evidence: Evidence) -> str:
    """The sentence, the words the line is about marked, and its number."""
    text = evidence.text
    if evidence.mark and evidence.mark in text:
        before, after = text.split(evidence.mark, 1)
        body = f"{_text(before)}<mark>{_text(evidence.mark)}</mark>{_text(after)}"
    else:
        body = _text(text)
    return f"<blockquote>{body}<br>— sentence {evidence.sentence}</blockquote>"


def _link_paragraph(link: str) -> str:
    """The link back to the live view; only a web address becomes clickable (never `javascript:`)."""
    if link.startswith(("http://", "https://")):
        return f'<p class="link">Live view: <a href="{_text(link)}"><code>{_text(link)}</code></a></p>'
    return f'<p class="link">Live view: <code>{_text(link)}</code></p>'


def _text(value: str) -> str:
    return html.escape(value, quote=True)


def _script_safe_json(text: str) -> str:
    """JSON that cannot end its <script> element early: `<`, `>` and `&` as JavaScript escapes."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _policy(*scripts: str) -> str:
    """No requests anywhere; only these inline scripts run; plotly's inline styles and data images allowed."""
    hashes = " ".join(f"'sha256-{_digest(script)}'" for script in scripts)
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
