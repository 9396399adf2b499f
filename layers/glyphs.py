"""The map's label font, served by the page's own server: MapLibre glyph files (signed distance fields in
protobuf, one per block of 256 code points) built from DejaVu Sans, so place names and event glyphs draw
without asking an outside font host and without MapLibre rasterising every character in the browser.

Built at set-up (`python -m layers.glyphs`, run by scripts/setup.sh; quick when they are current), or on
first use when missing.
"""
from __future__ import annotations

import functools
import hashlib
import shutil
import struct
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from scipy.ndimage import distance_transform_edt

from layers.basemap import STATIC_DIR, STATIC_URL

# Debian's fonts-dejavu-core (scripts/setup.sh installs it): wide Unicode coverage, including every action
# glyph in layers.style (◆ ▲ ▼ ★ ✖ ➤ ‖ and their hollow forms).
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# The name text traces ask for (their textfont family); MapLibre puts it in the glyph address.
FONT_STACK = "DejaVu Sans"
GLYPHS_DIR = STATIC_DIR / "glyphs"
# MapLibre's glyph format, as its font tools write it: glyphs drawn at 24 px inside a 3 px border, with
# 8 px of distance spread over the byte range and the outline at 0.75 of it (MapLibre's text shader
# draws from there).
SIZE_PX, BORDER_PX, RADIUS_PX, CUTOFF = 24, 3, 8.0, 0.25
# A glyph's top is given from a line origin this far above the baseline: the offset MapLibre uses for the
# glyphs it draws itself, so ours sit where those did.
BASELINE_TOP_PX = 27
# Outlines are found on a grid this many times finer than the glyph's pixels.
SUPERSAMPLE = 4
# Part of the files' version: raise it when the builder's output changes.
BUILDER_VERSION = 1


@functools.lru_cache(maxsize=1)
def glyphs_url() -> str | None:
    """The page-relative glyph address template for a MapLibre style, built first if missing; None when the
    font is not installed (MapLibre then draws every glyph itself, still offline)."""
    if not FONT_FILE.is_file():
        return None
    ensure_glyphs()
    return f"{STATIC_URL}/glyphs/{{fontstack}}/{{range}}.pbf?v={glyphs_version()}"


def ensure_glyphs() -> int:
    """Build the glyph files unless this font's are there already; returns how many glyphs were built."""
    return 0 if (GLYPHS_DIR / f"built-{glyphs_version()}").is_file() else build_glyphs()


def glyphs_version() -> str:
    digest = hashlib.sha256(FONT_FILE.read_bytes())
    digest.update(f"{BUILDER_VERSION}|{SIZE_PX}|{BORDER_PX}|{RADIUS_PX}|{CUTOFF}|{BASELINE_TOP_PX}".encode())
    return digest.hexdigest()[:12]


def build_glyphs() -> int:
    """Write one file per block of 256 code points that the font covers; returns the number of glyphs.

    Written into a fresh folder and swapped in, so a page never reads a half-built set.
    """
    font = ImageFont.truetype(str(FONT_FILE), SIZE_PX * SUPERSAMPLE, layout_engine=ImageFont.Layout.BASIC)
    blocks: dict[int, list[int]] = {}
    for code in sorted(bmp_code_points(FONT_FILE.read_bytes())):
        blocks.setdefault(code // 256, []).append(code)
    GLYPHS_DIR.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=GLYPHS_DIR.parent, prefix=".glyphs-"))
    stack_dir = building / FONT_STACK
    stack_dir.mkdir()
    for block, codes in blocks.items():
        name = f"{block * 256}-{block * 256 + 255}"
        (stack_dir / f"{name}.pbf").write_bytes(glyph_file(FONT_STACK, name, (glyph_message(font, c) for c in codes)))
    (building / f"built-{glyphs_version()}").write_text("", encoding="utf-8")  # the stamp glyphs_url looks for
    for path in (building, *building.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)  # mkdtemp makes it private; a server run by another user reads it
    old = GLYPHS_DIR.with_name(f".glyphs-old-{building.name}")
    try:
        if GLYPHS_DIR.exists():
            GLYPHS_DIR.rename(old)
        building.rename(GLYPHS_DIR)
    except OSError:  # another process swapped in its own set meanwhile, from the same font
        shutil.rmtree(building, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    return sum(len(codes) for codes in blocks.values())


def bmp_code_points(font_bytes: bytes) -> set[int]:
    """Code points below U+10000 that the font maps to a glyph (its cmap table's Unicode BMP subtable, format 4)."""
    (tables,) = struct.unpack_from(">H", font_bytes, 4)
    offsets = {font_bytes[12 + 16 * i: 16 + 16 * i]: struct.unpack_from(">I", font_bytes, 20 + 16 * i)[0] for i in range(tables)}
    cmap = offsets[b"cmap"]
    (subtables,) = struct.unpack_from(">H", font_bytes, cmap + 2)
    for i in range(subtables):
        platform, encoding, offset = struct.unpack_from(">HHI", font_bytes, cmap + 4 + 8 * i)
        start = cmap + offset
        if (platform, encoding) in ((3, 1), (0, 3)) and struct.unpack_from(">H", font_bytes, start)[0] == 4:
            return _format4_code_points(font_bytes, start)
    raise ValueError(f"{FONT_FILE} has no Unicode BMP character map")


def _format4_code_points(data: bytes, start: int) -> set[int]:
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_offsets_at = start + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", data, range_offsets_at)
    codes = set()
    for i, (first, last, delta, range_offset) in enumerate(zip(starts, ends, deltas, range_offsets)):
        for code in range(first, min(last, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = range_offsets_at + 2 * i + range_offset + 2 * (code - first)
                glyph = struct.unpack_from(">H", data, at)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return codes


def glyph_message(font: ImageFont.FreeTypeFont, code: int) -> bytes:
    """One glyph: its metrics at 24 px and, unless it is blank, its distance field."""
    char = chr(code)
    advance = round(font.getlength(char) / SUPERSAMPLE)
    x0, y0, x1, y1 = font.getbbox(char, anchor="ls")  # at the fine size, y down from the baseline
    if x1 <= x0 or y1 <= y0:
        return _fields((1, code), (3, 0), (4, 0), (5, 0), (6, 0), (7, advance))  # a space: no bitmap at all
    # Whole 24 px pixels, rounded outwards: left of the origin, above and below the baseline, right.
    left, top, bottom, right = x0 // SUPERSAMPLE, -(y0 // SUPERSAMPLE), -(-y1 // SUPERSAMPLE), -(-x1 // SUPERSAMPLE)
    width, height = right - left, top + bottom
    field = distance_field(font, char, left, top, width, height)
    return _fields((1, code), (2, field.tobytes()), (3, width), (4, height),
                   (5, _zigzag(left)), (6, _zigzag(top - BASELINE_TOP_PX)), (7, advance))


def distance_field(font: ImageFont.FreeTypeFont, char: str, left: int, top: int, width: int, height: int) -> np.ndarray:
    """The glyph's signed distance field on its 24 px grid plus border, as MapLibre reads it (bytes, 191 on the outline)."""
    columns, rows = width + 2 * BORDER_PX, height + 2 * BORDER_PX
    fine = Image.new("L", (columns * SUPERSAMPLE, rows * SUPERSAMPLE), 0)
    origin = ((BORDER_PX - left) * SUPERSAMPLE, (BORDER_PX + top) * SUPERSAMPLE)
    ImageDraw.Draw(fine).text(origin, char, font=font, fill=255, anchor="ls")
    inside = np.asarray(fine) >= 128
    # Fine pixel centres lie half a fine pixel from the outline between an inside and an outside one.
    fine_signed = np.where(inside, 0.5 - distance_transform_edt(inside), distance_transform_edt(~inside) - 0.5)
    # The mean over each glyph pixel's block of fine pixels is the distance at its centre (the field is
    # nearly linear across a pixel), in glyph pixels.
    signed = fine_signed.reshape(rows, SUPERSAMPLE, columns, SUPERSAMPLE).mean(axis=(1, 3)) / SUPERSAMPLE
    values = 255 - 255 * (signed / RADIUS_PX + CUTOFF)
    return np.clip(np.round(values), 0, 255).astype(np.uint8)


def glyph_file(stack: str, block: str, glyphs: Iterator[bytes]) -> bytes:
    """The protobuf of one block: glyphs { stacks = 1: fontstack { name = 1, range = 2, glyphs = 3 } }."""
    body = _fields((1, stack.encode()), (2, block.encode()), *((3, g) for g in glyphs))
    return _fields((1, body))


def _fields(*fields: tuple[int, int | bytes]) -> bytes:
    """Protobuf fields: unsigned ints as varints, bytes length-delimited."""
    out = bytearray()
    for number, value in fields:
        if isinstance(value, bytes):
            out += _varint(number << 3 | 2) + _varint(len(value)) + value
        else:
            out += _varint(number << 3) + _varint(value)
    return bytes(out)


def _zigzag(value: int) -> int:
    """A sint32 as protobuf writes it (left and top can be negative)."""
    return ((value << 1) ^ (value >> 31)) & 0xFFFFFFFF


def _varint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


if __name__ == "__main__":
    if not FONT_FILE.is_file():
        sys.exit(f"{FONT_FILE} is missing (Debian package fonts-dejavu-core); the map will draw its labels itself")
    count = ensure_glyphs()
    done = f"{count:,} glyphs built" if count else "current"
    print(f"map glyphs {glyphs_version()} of {FONT_STACK} at {GLYPHS_DIR}: {done}")
