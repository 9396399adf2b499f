"""Literal guards: the strings a pattern needs are read off the pattern, and a guarded set of patterns finds exactly
what the bare patterns find."""
import re

from reading.guard import PatternSet, fold, ignoring_case, required_literals, text_for, trie_regex


def _needles(regex: str, flags: int = re.I) -> list[set[str]]:
    return [set(n) for n in required_literals(re.compile(regex, flags))]


def test_an_alternation_needs_one_of_its_branches_words():
    assert _needles(r"\b(?:suspend(?:ed|s)?|halt(?:ed|s)?|froze)\b") == [{"suspend", "halt", "froze"}]


def test_optional_parts_and_classes_are_not_needed():
    assert _needles(r"\b(?:the\s+)?\w+\s+airport") == [{"airport"}]
    assert _needles(r"\d+\s+km") == [{"km"}]


def test_every_required_part_is_a_needle_set_longest_first():
    assert _needles(r"\bmarch\w*\s+(?:through|into)\b") == [{"march"}, {"through", "into"}]
    patterns = PatternSet([("march", re.compile(r"\bmarch\w*\s+(?:through|into)\b", re.I))])
    assert patterns.candidates("They marched into the square.") and not patterns.candidates("A march in March.")


def test_a_pattern_of_classes_alone_needs_nothing():
    assert required_literals(re.compile(r"\d{4}")) == ()


def test_a_branch_without_fixed_text_makes_the_alternation_need_nothing():
    assert _needles(r"(?:killed|\d+)") == []


def test_candidates_keep_only_patterns_whose_words_appear_in_order():
    patterns = PatternSet([("kill", re.compile(r"\bkill(?:ed|s)?\b", re.I)), ("flee", re.compile(r"\bfled\b", re.I)),
                           ("number", re.compile(r"\d+"))])
    assert [label for label, _ in patterns.candidates("Two people were KILLED.")] == ["kill", "number"]
    assert [label for label, _ in patterns.candidates("They fled, and 3 were killed.")] == ["kill", "flee", "number"]


def test_a_needle_inside_a_longer_one_still_admits_its_pattern():
    patterns = PatternSet([("strike", re.compile(r"strike", re.I)), ("airstrike", re.compile(r"airstrikes?", re.I)),
                           ("air", re.compile(r"\bair\b", re.I))])
    assert [label for label, _ in patterns.candidates("an airstrike")] == ["strike", "airstrike", "air"]


def test_letters_that_ignorecase_matches_beyond_lower_case_are_folded():
    # re.IGNORECASE matches "i" to the Turkish dotted capital and "s" to the long s; lower() alone would lose them.
    assert fold("\u0130STANBUL") == "istanbul" and fold("Cla\u017fh") == "clash"
    patterns = PatternSet([("city", re.compile(r"istanbul", re.I)), ("clash", re.compile(r"clash", re.I))])
    assert [label for label, _ in patterns.candidates("\u0130STANBUL and cla\u017fhes")] == ["city", "clash"]


def test_guarded_patterns_find_what_the_bare_patterns_find():
    regexes = [r"\b(?:air|drone)[\s-]?strikes?\b", r"\bpull(?:ed|s)?\s+(?:\w+\s+){0,3}?out\b", r"\b(?:in|since)\s+(?:19|20)\d\d\b",
               r"\bshell(?:ed|ing)\b", r"\bkill\w*", r"(?<![\w-])IS(?!\w)"]
    compiled = [(rx, re.compile(rx, re.I if i % 2 else 0)) for i, rx in enumerate(regexes)]
    patterns = PatternSet(compiled)
    sentences = ["Drone strikes hit the town in 2019.", "The troops pulled most of their units out since 2020.",
                 "Artillery shelled the villages; IS said nothing.", "A quiet day with no news.", "KILLING and killed."]
    for sentence in sentences:
        admitted = {label for label, _ in patterns.candidates(sentence)}
        for label, pattern in compiled:
            if pattern.search(sentence):
                assert label in admitted, (label, sentence)


def test_a_case_free_pattern_on_folded_text_finds_what_it_finds_ignoring_case():
    regexes = [r"\b(?:air|drone)[\s-]?strikes?\b", r"(?<!suicide )bomb(?:ed|ing)\b", r"\bistanbul\b", r"\bclash\w*",
               r"\bfell\b(?!\s+(?:to|in)\b)", r"\b(?:[a-z]+ ){0,2}authorities\b"]
    texts = ["DRONE strikes and a Suicide bombing; the car bombed Istanbul.", "\u0130STANBUL: cla\u017fhes. Kabul fell To them.",
             "The Local Security Authorities said the city fell on Friday.", "No news."]
    for rx in regexes:
        pattern = ignoring_case(rx)
        assert not pattern.flags & re.I  # nothing in these names a capital, so they run case-sensitive
        for text in texts:
            spans = [m.span() for m in pattern.finditer(text_for(pattern, text, fold(text)))]
            assert spans == [m.span() for m in re.finditer(rx, text, re.I)], (rx, text)


def test_a_pattern_with_a_capital_or_a_case_sensitive_part_keeps_ignoring_case_on_the_text():
    for rx in (r"\bIED\b", r"\bentered(?=\s+(?-i:[A-Z]))"):
        pattern = ignoring_case(rx)
        assert pattern.flags & re.I and text_for(pattern, "Entered Kabul", "entered kabul") == "Entered Kabul"
    assert ignoring_case(r"\bentered(?=\s+(?-i:[A-Z]))").search("They ENTERED Kabul") is not None


def test_the_trie_matches_the_longest_word_at_a_position():
    trie = re.compile(trie_regex(["air", "airstrike", "airstrikes", "base"]))
    assert trie.match("airstrikes on the base").group() == "airstrikes"
    assert trie.match("airport").group() == "air"
    assert trie.match("nothing") is None
    assert re.compile(trie_regex([])).match("anything") is None
