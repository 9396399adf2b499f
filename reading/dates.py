"""Dates written in news text, made absolute against the publication date, with their precision.

"on Friday" is the Friday before publication; "late December" with no year is the last December before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from reading.guard import PatternSet, fold, ignoring_case, text_for

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_YEAR = r"((?:19|20)\d\d)(?!\d)"

_LABELLED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, ignoring_case(rx))
    for kind, rx in (
        ("day-month-year", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+{_YEAR}"),
        ("month-day-year", rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"),
        ("day-month", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b"),
        ("month-day", rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:19|20)\d\d)"),
        ("month-year", rf"\b{_MONTH}\s+{_YEAR}"),
        ("month-relative-year", rf"\b{_MONTH}\s+(last|this)\s+year\b"),  # "in August last year"
        ("part-month", r"\b(early|mid|late|end of|beginning of)[\s-]+" + _MONTH + r"\b"),
        ("month", r"\b(?:in|since|during|until|through|by|last|this|from)\s+" + _MONTH + r"\b(?![\s.,]*\d)"),
        ("weekday", r"\b(?:on|last|this|since)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
        ("relative", r"\b(yesterday|today|last night|last week|last month|last year|this week|earlier this week)\b"),
        ("year", rf"\b(?:in|since|during|of|by|until|before|after|from)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?{_YEAR}\b|^\s*{_YEAR}\b|\bthe\s+{_YEAR}\s+\w+"),
    )
)
_FULL_KINDS = ("day-month-year", "month-day-year")  # written with their year: the only days read without publication
PATTERNS = PatternSet(_LABELLED)
_FULL_PATTERNS = PatternSet((kind, pattern) for kind, pattern in _LABELLED if kind in _FULL_KINDS)


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str  # ISO 8601, as precise as known: "2020-01-03", "2019-12", "2014"
    precision: str  # day | week | month | year
    start: int  # offset in the string searched
    end: int
    first_day: date  # earliest day the mention can mean, to compare with publication

    @property
    def last_day(self) -> date:
        """The latest day the mention can mean: "late December 2019" may be the 31st."""
        return last_day(self.first_day, self.precision)

    def label(self) -> str:
        if self.precision == "day":
            return self.first_day.strftime("%-d %B %Y")
        if self.precision in ("month",):
            return self.first_day.strftime("%B %Y")
        if self.precision == "week":
            return "week of " + self.first_day.strftime("%-d %B %Y")
        return self.value


def last_day(first_day: date, precision: str) -> date:
    """The latest day a date known to `precision` can mean, from the earliest."""
    if precision == "year":
        return date(first_day.year, 12, 31)
    if precision == "month":
        following = (first_day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)
    if precision == "week":
        return first_day + timedelta(days=6)
    return first_day


def period(value: str | None, precision: str) -> tuple[date, date] | None:
    """The days an ISO date of a situation ("2020-01-03", "2019-12", "2014") can mean; None when unknown."""
    if not value or precision == "unknown":
        return None
    parts = value.split("-")
    try:
        first = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None
    # A value written coarser than its stated precision ("2019-12" at "day") means the whole month.
    written = {1: "year", 2: "month"}.get(len(parts))
    if written and precision in ("day", "week"):
        precision = written
    return first, last_day(first, precision)


# A byline or dateline line: short, or led by the words news sites put before their publication date.
_BYLINE = re.compile(r"^\s*(?:(?:published|updated|posted|first published)\b[^\n]{0,40}|[^\n]{0,30})$", re.I)
BYLINE_LINES = 6
# "MAPUTO, 5 June 2025 -": a dateline that carries the filing date.
_DATELINE_DATE = re.compile(r"^[A-Z][A-Z .'’-]+,\s*[^,\n]{6,20}?\s*(?:[-–—(]|$)")


def stated_publication(text: str) -> DateMention | None:
    """A full date on a byline line near the top ("Published 7 January 2020", "March 14, 2025"): the day the
    article was most likely published, for text pasted without one."""
    for line in text.splitlines()[:BYLINE_LINES]:
        # Without a publication date only a date written with its year is a day, and the patterns of those come
        # first, so no other kind of date can take their place: scanning for them alone finds the same days.
        days = _scan(line, None, _FULL_PATTERNS)
        if days and (_BYLINE.match(line[: days[0].start] + line[days[0].end :]) or _DATELINE_DATE.match(line[: days[0].end + 4])):
            return days[0]
    return None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in text, resolved; relative ones are skipped when there is no publication date."""
    return _scan(text, published, PATTERNS)


def _scan(text: str, published: date | None, patterns: PatternSet) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    folded = fold(text)
    for kind, pattern in patterns.candidates(text, folded):
        for match in pattern.finditer(text_for(pattern, text, folded)):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            mention = _resolve(kind, match, published)
            if mention is not None:
                found.append(mention)
            if mention is not None or kind in _FULL_KINDS:
                taken.append((match.start(), match.end()))  # "31 February 2020" is no date, not "February 2020"
    return sorted(found, key=lambda m: m.start)


def _resolve(kind: str, m: re.Match[str], published: date | None) -> DateMention | None:
    g = [x for x in m.groups() if x is not None]
    try:
        if kind == "day-month-year":
            return _day(date(int(g[2]), MONTHS[g[1].lower()], int(g[0])), m)
        if kind == "month-day-year":
            return _day(date(int(g[2]), MONTHS[g[0].lower()], int(g[1])), m)
        if kind == "month-year":
            return _month(int(g[1]), MONTHS[g[0].lower()], m)
        if kind == "year":
            year = int(g[0])
            return DateMention(str(year), "year", m.start(), m.end(), date(year, 1, 1))
        if published is None:
            return None
        if kind == "day-month":
            return _day(_before(published, MONTHS[g[1].lower()], int(g[0])), m)
        if kind == "month-day":
            return _day(_before(published, MONTHS[g[0].lower()], int(g[1])), m)
        if kind == "month-relative-year":
            return _month(published.year - (g[1].lower() == "last"), MONTHS[g[0].lower()], m)
        if kind in ("part-month", "month"):
            month = MONTHS[g[-1].lower()]
            year = published.year if month <= published.month else published.year - 1
            return _month(year, month, m)
        if kind == "weekday":
            back = (published.weekday() - WEEKDAYS[g[0].lower()]) % 7
            return _day(published - timedelta(days=back), m)
        return _relative(g[0].lower(), published, m)
    except ValueError:  # "31 February": not a date
        return None


def _day(day: date, m: re.Match[str]) -> DateMention:
    return DateMention(day.isoformat(), "day", m.start(), m.end(), day)


def _month(year: int, month: int, m: re.Match[str]) -> DateMention:
    return DateMention(f"{year:04d}-{month:02d}", "month", m.start(), m.end(), date(year, month, 1))


def _before(published: date, month: int, day: int) -> date:
    """A day and month with no year: the latest such day not after publication."""
    candidate = date(published.year, month, day)
    return candidate if candidate <= published else date(published.year - 1, month, day)


def _relative(word: str, published: date, m: re.Match[str]) -> DateMention:
    if word in ("yesterday", "last night"):
        return _day(published - timedelta(days=1), m)
    if word == "today":
        return _day(published, m)
    if word in ("last week",):
        monday = published - timedelta(days=published.weekday() + 7)
        return DateMention(monday.isoformat(), "week", m.start(), m.end(), monday)
    if word in ("this week", "earlier this week"):
        monday = published - timedelta(days=published.weekday())
        return DateMention(monday.isoformat(), "week", m.start(), m.end(), monday)
    if word == "last month":
        first = (published.replace(day=1) - timedelta(days=1)).replace(day=1)
        return _month(first.year, first.month, m)
    return DateMention(str(published.year - 1), "year", m.start(), m.end(), date(published.year - 1, 1, 1))
