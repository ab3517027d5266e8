"""Setting text: shaping with HarfBuzz, the Unicode bidi algorithm, line breaking, per-language typography.

Everything here is pure (no ReportLab, no python-pptx): the PDF planners use it to place every glyph,
and the deck planner to measure what PowerPoint will wrap.
"""
