"""Laying out printed pages: blocks set for a column width, poured into columns and pages (pure)."""
