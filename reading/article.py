"""An article: its plain text (from .txt, .md or .html), its sentences with offsets, and what was wrong with the input.

Everything later points into `Article.text` by character offsets, so this is the only place text is changed.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from reading.model import Sentence

MAX_CHARS = 1_000_000  # about 150 long articles; beyond this an article is cut, with a notice, so reading time stays bounded
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st no vs jr sr prof rev sen rep gov pres adm brig cpl pte u.s u.k u.n e.g i.e etc jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ENGLISH_WORDS = frozenset("the of and to in a is that for on was with as by it at from his her are were has have said".split())


class UnreadableInput(ValueError):
    """The input is not text we can read (binary, empty); the message says what was wrong."""


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    sentences: tuple[Sentence, ...]
    notices: tuple[str, ...] = ()
    language: str = "en"
    headline: bool = False  # the first line is a headline, not a sentence of the story

    @property
    def id(self) -> str:
        return content_id(self.text)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding the offset (or the last one starting before it)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[max(index, 0)]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]


def content_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def from_text(text: str, title: str | None = None) -> Article:
    notices: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if len(text) > MAX_CHARS:
        notices.append(f"The article is {len(text):,} characters long; only the first {MAX_CHARS:,} were read.")
        text = text[:MAX_CHARS]
    if not text.strip():
        raise UnreadableInput("The article is empty: paste a report or upload a .txt, .md or .html file.")
    language = guess_language(text)
    if language != "en":
        notices.append("This text does not look like English; places and events may be missed.")
    sentences = split_sentences(text)
    headline = has_headline(text, sentences)
    return Article(
        text=text,
        title=title or (sentences[0].text if headline else "Untitled article"),
        sentences=sentences,
        notices=tuple(notices),
        language=language,
        headline=headline,
    )


def from_bytes(data: bytes, filename: str = "article.txt") -> Article:
    """Decode an uploaded file; HTML and Markdown become plain text first."""
    if b"\x00" in data[:4096]:
        raise UnreadableInput(f"{filename} looks like a binary file, not text: upload a .txt, .md or .html file.")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    suffix = Path(filename).suffix.lower()
    if suffix in (".html", ".htm") or raw.lstrip()[:1] == "<" and re.search(r"<(html|body|p|div)\b", raw[:5000], re.I):
        title, body = html_to_text(raw)
        return from_text(body, title or None)
    if suffix == ".md":
        return from_text(markdown_to_text(raw))
    return from_text(raw)


def from_file(path: Path) -> Article:
    return from_bytes(Path(path).read_bytes(), Path(path).name)


def has_headline(text: str, sentences: tuple[Sentence, ...]) -> bool:
    """A short first line with no closing stop, followed by more text, is the headline."""
    first = sentences[0]
    return first.caption and len(first.text) <= 160 and len(sentences) > 1 and "\n" in text[first.end : sentences[1].start]


def guess_language(text: str) -> str:
    """'en' when common English function words make up a normal share of the words; 'unknown' otherwise."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 8:
        return "en"
    share = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    return "en" if share >= 0.08 else "unknown"


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets; every line is a block, and a line without final punctuation is a caption."""
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        line_text = line.group()
        if not line_text.strip():
            continue
        caption = not line_text.rstrip().endswith((".", "!", "?", '"', "”", ":", "'"))
        start = line.start()
        for piece_start, piece_end in _pieces(line_text):
            segment = text[start + piece_start : start + piece_end]
            sentences.append(Sentence(len(sentences), start + piece_start, start + piece_end, segment, caption))
    return tuple(sentences)


def _pieces(line: str) -> list[tuple[int, int]]:
    pieces, begin = [], 0
    for match in _SENTENCE_END.finditer(line):
        word = re.search(r"(\S+)$", line[begin : match.start()])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        pieces.append((begin, match.start() + len(match.group().rstrip())))
        begin = match.end()
    pieces.append((begin, len(line.rstrip())))
    return [(a, b) for a, b in pieces if line[a:b].strip()]


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "figcaption", "blockquote", "header", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """(title, plain text) from HTML, scripts and styles dropped; tolerant of malformed markup."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t\xa0]+", " ", "".join(parser.parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return " ".join("".join(parser.title).split()), re.sub(r"\n{3,}", "\n\n", text).strip()


def markdown_to_text(md: str) -> str:
    """Drop Markdown markup that is not words: headings' #, emphasis marks, link targets, images."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", md)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]\s)\s*", "", text, flags=re.M)
    return re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
