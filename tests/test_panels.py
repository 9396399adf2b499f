"""Panels: each line reads like an analyst's note and carries the sentence it rests on."""
from __future__ import annotations

import dataclasses
import re

import pytest

from panels.militia import militia_panel
from panels.places import NOT_DRAWN, places_panel
from panels.posture import posture_panel
from panels.render import escape_markdown, quote
from panels.content import Evidence
from panels.timeline import BACKGROUND, CURRENT, timeline_panel
from reading.model import Posture

PANELS = (posture_panel, militia_panel, places_panel, timeline_panel)


def sentence(situation, index: int) -> str:
    return next(s.text for s in situation.sentences if s.index == index)


def test_every_posture_line_carries_its_sentence(mini_situation):
    panel = posture_panel(mini_situation)
    assert len(panel.lines) == len(mini_situation.posture) == 2
    for line in panel.lines:
        assert line.evidence
        for evidence in line.evidence:
            assert evidence.text == sentence(mini_situation, evidence.sentence)


@pytest.mark.parametrize("build", PANELS, ids=lambda f: f.__name__)
def test_every_line_of_every_panel_carries_evidence(mini_situation, build):
    for line in build(mini_situation).lines:
        assert line.evidence, line.text
        assert all(e.text.strip() for e in line.evidence)


def test_posture_line_names_actor_status_detail_and_destinations(mini_situation):
    germany = posture_panel(mini_situation).lines[0]
    assert germany.text == "Germany — relocating: trainers moving out of Iraq to Jordan and Kuwait"
    assert [e.sentence for e in germany.evidence] == [2]
    assert germany.evidence[0].mark == "Germany"


def test_posture_without_events_rests_on_the_sentences_naming_the_actor(mini_situation):
    bare = Posture("us-forces", "present", "advisers remain", (), ())
    situation = dataclasses.replace(mini_situation, posture=(bare,))
    (line,) = posture_panel(situation).lines
    assert [e.sentence for e in line.evidence] == [1, 3, 4]
    assert all(e.mark == "US forces" for e in line.evidence)


def test_militia_lines_say_the_date_no_more_exactly_than_it_is_known(mini_situation):
    details = {line.text: line.detail for line in militia_panel(mini_situation).lines}
    assert details["Saraya al-Fajr struck US forces in Erbil"].startswith("8 March 2024 · current")
    assert details["Saraya al-Fajr struck in Baghdad"].startswith("January 2024 · historical")
    assert "threatened to attack" in " ".join(details)


def test_militia_lines_are_grouped_by_actor(mini_situation):
    assert {line.group for line in militia_panel(mini_situation).lines} == {"Saraya al-Fajr"}


def test_timeline_lists_current_events_before_background_newest_first(mini_situation):
    lines = timeline_panel(mini_situation).lines
    groups = [line.group for line in lines]
    assert groups == [CURRENT] * 3 + [BACKGROUND] * 2
    assert [line.text.split(":")[0] for line in lines[:3]] == ["week of 10 March 2024", "9 March 2024", "8 March 2024"]
    assert all(not line.current for line in lines[3:])


def test_places_panel_lists_places_not_drawn_apart(mini_situation):
    lines = places_panel(mini_situation).lines
    germany = next(line for line in lines if line.text.startswith("Germany"))
    assert germany.group == NOT_DRAWN and "metonymic" in germany.detail
    iraq = next(line for line in lines if line.text.startswith("Iraq"))
    assert "located to country" in iraq.detail and "2 mentions" in iraq.detail


def test_empty_situation_gives_panels_that_say_so(mini_situation):
    empty = dataclasses.replace(mini_situation, places=(), events=(), posture=(), actors=(), risk=())
    for build in PANELS:
        panel = build(empty)
        assert panel.lines == () and panel.empty


def test_article_text_is_escaped_so_markdown_shows_it_literally():
    hostile = "*bold* _it_ [link](javascript:alert(1)) $x^2$ :red[alarm] <img src=x> `code` # head"
    escaped = escape_markdown(hostile)
    # every markdown-significant character is preceded by a backslash
    assert not re.search(r"(?<!\\)[*_\[\]()$:<>`#]", escaped)
    assert escaped.replace("\\", "") == hostile


def test_evidence_quote_marks_the_mention_and_gives_the_sentence_number():
    text = quote(Evidence(7, "Germany said its trainers would move.", "Germany"))
    assert text.startswith("> **Germany** said its trainers would move\\.")
    assert text.endswith("sentence 7")


def test_a_line_opens_to_its_detail_and_every_quote_in_one_escaped_block(mini_situation):
    from panels.render import line_body
    from panels.risk import risk_panel

    line = next(line for line in risk_panel(mini_situation).lines if line.evidence)
    body = line_body(line)
    assert body.startswith(":gray[") and "Driven by" in body
    assert body.count("— sentence ") == len(line.evidence)
    assert "<" not in body.replace("\\<", "")  # article text cannot open a tag


def test_a_demand_reads_as_demands_made_of_its_target_not_as_the_target_being_demanded(mini_situation):
    from layers.wording import actor_name, event_phrase

    event = next(e for e in mini_situation.events if e.target)
    demand = dataclasses.replace(event, action="demand", modality="asserted")
    phrase = event_phrase(mini_situation, demand)
    assert f"made demands of {actor_name(mini_situation, event.target)}" in phrase
