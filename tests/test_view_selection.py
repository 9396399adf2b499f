"""What a view selects and how panels show it: actor and date filters, focus, the risk table, and the evidence view."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from layers.base import risks_in_view, selected_events
from layers.figure import build_figure, focus_camera
from panels.evidence import cut, evidence_view
from panels.militia import militia_panel
from panels.places import places_panel
from panels.posture import posture_panel
from panels.render import passage_markdown
from panels.risk import risk_panel
from panels.timeline import timeline_panel
from reading.model import Sentence
from sharing.viewstate import ViewState

EVERYTHING = ViewState(show_historical=True)
ERBIL, BAGHDAD = "geonames:95446", "geonames:98182"


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_actor_filter_keeps_events_the_actor_did_or_suffered(mini_situation):
    by_militia = selected_events(mini_situation, replace(EVERYTHING, actors=("saraya-al-fajr",)))
    assert ids(by_militia) == ["e1", "e4", "e5"]
    # US forces did e3 and were the target of e1 and e4.
    involving_us = ids(selected_events(mini_situation, replace(EVERYTHING, actors=("us-forces",))))
    assert "e3" in involving_us and "e1" in involving_us and "e2" not in involving_us


def test_date_range_counts_every_day_an_imprecise_date_can_mean(mini_situation):
    # e5 is "January 2024" (month precision): a range touching the end of January keeps it.
    late_january = replace(EVERYTHING, date_from=date(2024, 1, 31), date_to=date(2024, 2, 5))
    assert ids(selected_events(mini_situation, late_january)) == ["e5"]
    # e2 is the week of 10 March, so a range starting on the 16th still catches it; day-precise e4 (10 March) not.
    week = replace(EVERYTHING, date_from=date(2024, 3, 16), date_to=date(2024, 3, 20))
    assert ids(selected_events(mini_situation, week)) == ["e2"]


def test_a_date_range_hides_undated_events(mini_situation):
    undated = replace(mini_situation.events[0], id="e9", date=None, date_precision="unknown")
    situation = replace(mini_situation, events=(*mini_situation.events, undated))
    assert "e9" in ids(selected_events(situation, EVERYTHING))
    ranged = replace(EVERYTHING, date_from=date(2000, 1, 1), date_to=date(2100, 1, 1))
    assert "e9" not in ids(selected_events(situation, ranged))


def test_filters_reach_the_map_and_the_panels_alike(mini_situation):
    view = ViewState(actors=("germany",))
    names = {t.name for t in build_figure(mini_situation, view).data}
    assert any(n.startswith("moves: ") for n in names) and not any(n.startswith("militia") for n in names)  # e2, the one move
    assert militia_panel(mini_situation, view).lines == ()
    assert [line.text.split(" —")[0] for line in posture_panel(mini_situation, view).lines] == ["Germany"]
    assert all("Germany" in line.text for line in timeline_panel(mini_situation, view).lines)


def test_risk_keeps_a_place_under_threat_even_with_history_hidden(mini_situation):
    # Baghdad's drivers: e3 (current), e4 (threatened), e5 (historical); all three count for its score.
    rows = dict((r.place, ids(d)) for r, d in risks_in_view(mini_situation, ViewState()))
    assert rows[BAGHDAD] == ["e3", "e4", "e5"]
    militia_only = dict((r.place, ids(d)) for r, d in risks_in_view(mini_situation, ViewState(actors=("saraya-al-fajr",))))
    assert militia_only == {ERBIL: ["e1"], BAGHDAD: ["e4", "e5"]}


def test_risk_table_lists_places_by_score_with_drivers_and_their_sentences(mini_situation):
    panel = risk_panel(mini_situation)
    assert [line.text for line in panel.lines] == ["Erbil — severe, 78/100", "Baghdad — high, 52/100"]
    baghdad = panel.lines[1]
    assert [e.sentence for e in baghdad.evidence] == [3, 4, 5]
    assert "US forces suspended training" in baghdad.detail


def test_risk_table_says_how_many_drivers_the_filters_hide(mini_situation):
    baghdad = next(l for l in risk_panel(mini_situation, ViewState(actors=("saraya-al-fajr",))).lines if "Baghdad" in l.text)
    assert len(baghdad.evidence) == 2 and "1 more driver hidden by the filters" in baghdad.detail


def test_focus_marks_the_places_lines_and_lists_them_first(mini_situation):
    view = ViewState(focus=BAGHDAD)
    timeline = timeline_panel(mini_situation, view).lines
    current = [line for line in timeline if line.current]
    assert current[0].focused and "Baghdad" in current[0].text
    assert [line.focused for line in risk_panel(mini_situation, view).lines] == [True, False]  # Baghdad before Erbil
    places = places_panel(mini_situation, view).lines
    assert places[0].focused and places[0].text.startswith("Baghdad")
    assert sum(line.focused for line in places) == 1


def test_focusing_a_site_zooms_closer_than_a_town_or_a_country(mini_situation):
    zooms = {p.precision: focus_camera(p)[2] for p in mini_situation.places}
    assert zooms["site"] > zooms["near"] > zooms["country"] >= 1.0
    figure = build_figure(mini_situation, ViewState(focus=BAGHDAD))
    assert figure.layout.map.zoom == focus_camera(mini_situation.place(BAGHDAD))[2]


def test_event_evidence_marks_the_actor_and_the_place_in_its_sentence(mini_situation):
    found = evidence_view(mini_situation, "e1")
    (passage,) = found.passages
    assert passage.sentence == 1
    assert [text for text, marked in passage.pieces if marked] == ["Saraya al-Fajr", "US forces", "Erbil"]
    assert "".join(text for text, _ in passage.pieces) == "A drone strike by Saraya al-Fajr hit a base used by US forces near Erbil on Friday."
    assert passage.before.startswith("Coalition partners") and passage.after  # the text around it


def test_place_evidence_quotes_each_sentence_naming_it(mini_situation):
    found = evidence_view(mini_situation, BAGHDAD)
    baghdad = mini_situation.place(BAGHDAD)
    assert [p.sentence for p in found.passages] == sorted({m.sentence for m in baghdad.mentions})
    assert all([t for t, marked in p.pieces if marked] == ["Baghdad"] for p in found.passages)


def test_unknown_or_hostile_ids_have_no_evidence(mini_situation):
    for item in (None, "", "e99", "../../etc/passwd", "geonames:1"):
        assert evidence_view(mini_situation, item) is None


def test_overlapping_marks_merge_and_marks_outside_the_sentence_are_dropped():
    sentence = Sentence(index=0, start=100, end=111, text="Hello world")
    assert cut(sentence, [(100, 105), (103, 108), (50, 60)]) == (("Hello wo", True), ("rld", False))
    assert cut(sentence, []) == (("Hello world", False),)


def test_evidence_is_escaped_text_with_the_mention_highlighted(mini_situation):
    hostile = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) :red[x]"
    text = f"{hostile} hit Erbil today."
    sentence = Sentence(index=1, start=0, end=len(text), text=text)
    situation = replace(mini_situation, sentences=(sentence,))
    place = replace(mini_situation.place(ERBIL), mentions=(replace(mini_situation.place(ERBIL).mentions[0],
                    start=text.index("Erbil"), end=text.index("Erbil") + 5, sentence=1),))
    situation = replace(situation, places=(place,))
    markdown = passage_markdown(evidence_view(situation, ERBIL).passages[0])
    assert ":orange-background[**Erbil**]" in markdown
    assert "\\<img" in markdown and "\\*\\*bold\\*\\*" in markdown and "\\[link\\]\\(javascript\\:" in markdown
    assert "<img" not in markdown.replace("\\<img", "")
    assert " hit " in markdown  # the spaces around the marked words survive escaping
