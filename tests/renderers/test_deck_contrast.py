"""Every text run of the deck against what lies behind it: WCAG AA contrast (4.5:1), computed from
the .pptx itself (run colours, the shape's own fill, filled shapes under it on the slide, its layout
and master, the slide's background); and pictures: aspect ratio kept, alt text, no text covered."""
from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

AA = 4.5
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _lum(hex_colour: str) -> float:
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    h = hex_colour.lstrip("#")
    r, g, b = (lin(int(h[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_lum(a), _lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _srgb(parent) -> str | None:
    """The sRGB colour of an a:solidFill under parent (None when absent or not sRGB)."""
    fill = parent.find(f"{A}solidFill") if parent is not None else None
    clr = fill.find(f"{A}srgbClr") if fill is not None else None
    return clr.get("val").upper() if clr is not None else None


def _rect(shape):
    if shape.left is None or shape.width is None:
        return None
    return (Emu(shape.left).inches, Emu(shape.top).inches, Emu(shape.width).inches, Emu(shape.height).inches)


def _overlap(a, b) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _fills(shapes) -> list:
    """(rectangle, colour) of the solid-filled shapes, in drawing order."""
    out = []
    for shape in shapes:
        sppr = shape._element.find(qn("p:spPr"))
        colour = _srgb(sppr)
        rect = _rect(shape)
        if colour and rect:
            out.append((rect, colour))
    return out


def _background(slide) -> str:
    for owner in (slide, slide.slide_layout, slide.slide_layout.slide_master):
        bg = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}/{qn('p:bgPr')}")
        colour = _srgb(bg)
        if colour:
            return colour
    return "FFFFFF"  # python-pptx's and the test templates' themes: bg1 is white


def _behind(rect, fills, background) -> list[str]:
    area = max(rect[2] * rect[3], 1e-9)
    out = []
    for fill_rect, colour in reversed(fills):
        shared = _overlap(rect, fill_rect)
        if shared > 0.02 * area:
            out.append(colour)
            if shared >= 0.98 * area:
                return out
    return out + [background]


def _run_colours(txbody):
    for el in txbody.iter(f"{A}r", f"{A}fld"):
        text = el.findtext(f"{A}t") or ""
        colour = _srgb(el.find(f"{A}rPr"))
        if text.strip():
            yield text, colour


def low_contrast_runs(deck: Path, ratio: float = AA) -> list[tuple]:
    """(slide, text, colour, backdrop, contrast) of every run below ratio, or without a colour of its own."""
    prs = Presentation(str(deck))
    bad = []
    for number, slide in enumerate(prs.slides, start=1):
        background = _background(slide)
        layout = slide.slide_layout
        under = (_fills(layout.slide_master.shapes) if layout._element.get("showMasterSp", "1") != "0" else [])
        under += _fills(layout.shapes)
        drawn = list(under)
        for shape in slide.shapes:
            rect = _rect(shape)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        back = _srgb(cell._tc.find(f"{A}tcPr")) or background
                        for text, colour in _run_colours(cell._tc.find(f"{A}txBody")):
                            if colour is None or contrast(colour, back) < ratio:
                                bad.append((number, text, colour, back, colour and round(contrast(colour, back), 2)))
                continue
            own = _srgb(shape._element.find(qn("p:spPr")))
            body = shape._element.find(qn("p:txBody"))
            if body is not None and rect is not None:
                backs = [own] if own else _behind(rect, drawn, background)
                for text, colour in _run_colours(body):
                    worst = min((contrast(colour, b) for b in backs), default=21) if colour else 0
                    if colour is None or worst < ratio:
                        bad.append((number, text, colour, backs, round(worst, 2)))
            if own and rect:
                drawn.append((rect, own))
    return bad


def lowest_contrast(deck: Path) -> float:
    """The lowest contrast of any text run of the deck (for the record)."""
    return min(r[4] for r in low_contrast_runs(deck, ratio=99) if r[4])


def picture_problems(deck: Path) -> list[tuple]:
    """Pictures that lost their aspect ratio, have no alt text, or lie over a text shape."""
    prs = Presentation(str(deck))
    problems = []
    for number, slide in enumerate(prs.slides, start=1):
        texts = [_rect(sh) for sh in slide.shapes
                 if sh.has_text_frame and sh.text_frame.text.strip() and _rect(sh)]
        texts += [_rect(sh) for sh in slide.shapes if getattr(sh, "has_table", False) and sh.has_table]
        for shape in slide.shapes:
            if shape.shape_type != 13:  # picture
                continue
            descr = shape._element.nvPicPr.cNvPr.get("descr") or ""
            px_w, px_h = shape.image.size
            shown = shape.width / shape.height
            rect = _rect(shape)
            if not descr.strip():
                problems.append((number, shape.name, "no alt text"))
            if abs(shown / (px_w / px_h) - 1) > 0.01:
                problems.append((number, shape.name, f"aspect {shown:.3f} for {px_w}x{px_h}"))
            for t in texts:
                if _overlap(rect, t) > 0.01:
                    problems.append((number, shape.name, f"covers text at {t}"))
    return problems


def test_every_text_run_of_the_builtin_deck_meets_aa(default_build):
    deck = default_build[0] / "deck.pptx"
    assert low_contrast_runs(deck) == []
    assert lowest_contrast(deck) >= AA


def test_every_text_run_of_the_big_builtin_deck_meets_aa(big_build):
    assert low_contrast_runs(big_build[0] / "deck.pptx") == []


def test_the_contrast_check_can_fail(tmp_path):
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = "Pale yellow on white"
    box.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xF2, 0xB7, 0x05)
    prs.save(str(tmp_path / "pale.pptx"))
    assert [r[1] for r in low_contrast_runs(tmp_path / "pale.pptx")] == ["Pale yellow on white"]


def test_builtin_pictures_keep_their_shape_and_alt_text(big_build):
    assert picture_problems(big_build[0] / "deck.pptx") == []


def test_the_theme_colours_pass_on_their_own_backgrounds(default_kit):
    from generator.renderers.deck_color import contrast as theme_contrast

    c = {name: default_kit.theme.color(name) for name in ("primary", "secondary", "accent", "text", "muted",
                                                           "light", "rule", "on_primary", "correct",
                                                           "on_correct")}
    pairs = [("text", "light"), ("secondary", "light"), ("muted", "light"), ("on_primary", "primary"),
             ("accent", "primary"), ("rule", "primary"), ("light", "primary"), ("on_primary", "secondary"),
             ("on_correct", "correct")]
    for fg, bg in pairs:
        assert theme_contrast(c[fg], c[bg]) >= AA, (fg, bg)
