"""idpc-kit: one content.yaml becomes a fact sheet, a slide deck and quiz handouts with answer keys."""

__version__ = "0.1.0"
