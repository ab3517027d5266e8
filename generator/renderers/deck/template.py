"""An organisation's PowerPoint template as a Design (placeholder)."""
from __future__ import annotations


def template_design(kit, notes):
    """The Design of the kit's deck template, or None for the built-in design."""
    if not kit.build.deck_template:
        return None
    raise NotImplementedError
