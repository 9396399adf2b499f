"""Literal guards for regular expressions: run a pattern only on text that holds a string every match must contain.

Python's `re` tries a pattern at every position of a text. Most of the reader's patterns (event triggers, dates) match
in few sentences, so a quick test for the words they need skips the scan. The strings are read off the pattern itself,
so a guarded pattern finds exactly what the bare pattern finds, and editing a pattern needs no second list of words.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import reduce
from operator import or_

try:  # the parser `re` itself uses (public as sre_parse before Python 3.11)
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

# Characters that `re.IGNORECASE` matches to an ASCII letter although `str.lower` maps them elsewhere (found by
# trying every code point): Turkish dotted and dotless i, and the long s.
_ODD = ("\u0130", "\u0131", "\u017f")
_FOLD_ODD = str.maketrans(dict(zip(_ODD, "iis")))
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)} - {None}

Needles = frozenset[str]
_IGNORECASE = int(re.IGNORECASE)  # a plain int: `flags & re.IGNORECASE` would go through the slow enum operators


def fold(text: str) -> str:
    """The text as guards search it: lower case, one character for one, so a case-insensitive literal is a substring."""
    if text.isascii() or not any(odd in text for odd in _ODD):  # translate is slow; the odd letters are rare
        return text.lower()
    return text.translate(_FOLD_ODD).lower()


def ignoring_case(rx: str) -> re.Pattern[str]:
    """`rx` compiled to match regardless of case. A pattern that names no capital letter and has no case-sensitive
    part is compiled case-sensitive, to run on the folded text (`text_for`): it finds the same spans there, faster,
    because `re` checks a case-sensitive branch's first letter before trying it."""
    case_free = not re.search(r"\(\?-i|(?<!\\)[A-Z]", rx)
    return re.compile(rx) if case_free else re.compile(rx, re.IGNORECASE)


def text_for(pattern: re.Pattern[str], text: str, folded: str) -> str:
    """What a pattern from `ignoring_case` runs on: the folded text, unless it kept the IGNORECASE flag."""
    return text if pattern.flags & _IGNORECASE else folded


def required_literals(pattern: re.Pattern[str]) -> tuple[Needles, ...]:
    """Sets of folded strings such that every match of `pattern` contains a string of each set; empty when none is
    known (the pattern can match without fixed text, or uses a construct not analysed here)."""
    try:
        return tuple(sorted(_clauses(sre_parse.parse(pattern.pattern, pattern.flags)), key=_selectivity, reverse=True))
    except (re.error, TypeError, ValueError, RecursionError):  # pragma: no cover - keep unguarded rather than fail
        return ()


def _selectivity(needles: Needles) -> tuple[int, int]:
    """Longer and fewer strings are rarer in text, so their set is scanned for and preferred within a branch; a digit
    is rarer in prose than a letter ("19" of a year before "the")."""
    return min(len(n) + 2 * any(c.isdigit() for c in n) for n in needles), -len(needles)


def _sequence(items) -> Needles | None:
    """The most selective of the needle sets a sequence must match."""
    options = _clauses(items)
    return max(options, key=_selectivity) if options else None


def _clauses(items) -> list[Needles]:
    """One needle set per part a sequence must match: a run of literal characters, a required group, or an
    alternation whose every branch has needles."""
    options: list[Needles] = []
    run = ""
    for op, av in items:
        if op is sre_parse.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        part = _part(op, av)
        if part:
            options.append(part)
    if run:
        options.append(frozenset({run}))
    return options


def _part(op, av) -> Needles | None:
    if op is sre_parse.SUBPATTERN:
        return _sequence(av[-1])
    if op is getattr(sre_parse, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(av[2])
    if op is sre_parse.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    return None  # classes, anchors, lookarounds, optional parts: nothing they must contain


class PatternSet:
    """Labelled patterns tried in turn on one text. `candidates` keeps those the text could match: one scan of the
    folded text with a trie of every pattern's most selective needles, then its other needle sets by substring test."""

    def __init__(self, labelled: Iterable[tuple[str, re.Pattern[str]]]) -> None:
        self.labelled = tuple(labelled)
        self._needles = tuple(required_literals(p) for _, p in self.labelled)
        self._always = sum(1 << i for i, clauses in enumerate(self._needles) if not clauses)
        owners: dict[str, int] = {}  # needle -> bits of the patterns whose first needle set holds it
        for i, clauses in enumerate(self._needles):
            for needle in clauses[0] if clauses else ():
                owners[needle] = owners.get(needle, 0) | 1 << i
        # The scan reports the longest needle starting at each position; the shorter ones starting there are its
        # prefixes, so a needle admits the patterns of all its prefixes too.
        self._admits = {n: reduce(or_, (bits for other, bits in owners.items() if n.startswith(other)), 0) for n in owners}
        self._scan = re.compile(f"(?=({trie_regex(owners)}))", re.DOTALL) if owners else None

    def candidates(self, text: str, folded: str | None = None) -> list[tuple[str, re.Pattern[str]]]:
        """The labelled patterns, in order, that may match `text` (whose `fold` may be passed); the others certainly do not."""
        folded = fold(text) if folded is None else folded
        bits = self._always
        if self._scan is not None:
            for needle in set(self._scan.findall(folded)):
                bits |= self._admits[needle]
        found = []
        while bits:  # the set bits, lowest (earliest pattern) first
            i = (bits & -bits).bit_length() - 1
            bits &= bits - 1
            if all(any(n in folded for n in needles) for needles in self._needles[i][1:]):
                found.append(self.labelled[i])
        return found


def trie_regex(words: Iterable[str]) -> str:
    """A regular expression matching the longest of `words` at a position, written as a character trie so that the
    engine tests one character per step instead of every word in turn ("(?!)", never matching, for no words)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie) or "(?!)"


def _node_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word may end here or go on: the greedy "?" tries the longer word first.
    if "" in node:
        return f"(?:{body})?"
    return body
