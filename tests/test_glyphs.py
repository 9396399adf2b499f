"""The map's own label glyphs: MapLibre's glyph files, built from the font the page serves."""
from __future__ import annotations

import pytest

from layers import glyphs, style
from reading.vocabulary import ACTIONS

pytestmark = pytest.mark.skipif(not glyphs.FONT_FILE.is_file(), reason=f"{glyphs.FONT_FILE} (fonts-dejavu-core) is not installed")


def read_fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """A protobuf message's fields in order (varints as ints, length-delimited as bytes): enough to read a glyph file."""
    fields, at = [], 0

    def varint() -> int:
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value

    while at < len(data):
        key = varint()
        if key & 7 == 2:
            size = varint()
            fields.append((key >> 3, data[at:at + size]))
            at += size
        else:
            fields.append((key >> 3, varint()))
    return fields


def unzigzag(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


def served_glyph(code: int) -> dict[str, int | bytes]:
    """One glyph as MapLibre reads it from the built file of its block."""
    assert glyphs.glyphs_url() is not None
    block = code // 256 * 256
    ((stacks, body),) = read_fields((glyphs.GLYPHS_DIR / glyphs.FONT_STACK / f"{block}-{block + 255}.pbf").read_bytes())
    fontstack = read_fields(body)
    assert stacks == 1 and fontstack[:2] == [(1, glyphs.FONT_STACK.encode()), (2, f"{block}-{block + 255}".encode())]
    names = {1: "id", 2: "bitmap", 3: "width", 4: "height", 5: "left", 6: "top", 7: "advance"}
    for number, message in fontstack[2:]:
        glyph = {names[n]: v for n, v in read_fields(message)}
        if glyph["id"] == code:
            return {**glyph, "left": unzigzag(glyph["left"]), "top": unzigzag(glyph["top"])}
    raise AssertionError(f"U+{code:04X} is not in its block's file")


def test_the_font_has_every_action_glyph_filled_and_hollow():
    covered = glyphs.bmp_code_points(glyphs.FONT_FILE.read_bytes())
    shapes = {style.action_glyph(action, current=current) for action in ACTIONS for current in (True, False)}
    assert len(shapes) > 10
    assert {shape for shape in shapes if ord(shape) not in covered} == set()


def test_a_served_glyph_is_a_distance_field_inside_its_border():
    diamond = served_glyph(ord("◆"))
    width, height = diamond["width"], diamond["height"]
    assert 12 <= width <= 24 and 12 <= height <= 24 and diamond["advance"] >= width - 1  # the box is rounded outwards
    rows = [diamond["bitmap"][r * (width + 6):(r + 1) * (width + 6)] for r in range(height + 6)]
    assert len(diamond["bitmap"]) == (width + 6) * (height + 6)
    # MapLibre draws where the field passes 191: the middle of the diamond is inside, its box's corners are not.
    assert rows[(height + 6) // 2][(width + 6) // 2] == 255
    assert max(rows[3][3], rows[3][-4], rows[-4][3], rows[-4][-4]) < 191


def test_a_space_has_an_advance_and_no_bitmap():
    space = served_glyph(ord(" "))
    assert space["advance"] > 0 and "bitmap" not in space and space["width"] == space["height"] == 0


def test_letters_stand_on_one_baseline():
    capital, descender = served_glyph(ord("H")), served_glyph(ord("p"))
    # The top is measured from MapLibre's line origin: H's foot and p's x-height meet one baseline.
    h_bottom = capital["top"] - capital["height"]
    assert -glyphs.BASELINE_TOP_PX - 1 <= h_bottom <= -glyphs.BASELINE_TOP_PX + 1
    assert descender["top"] - descender["height"] < h_bottom - 3
