"""The output formats, one module each, listed in one table (as pandoc lists its writers)."""
from __future__ import annotations

from . import deck, factsheet, quiz

# output kind -> render(kit, staging); each module plans first (pure) and then writes.
RENDERERS = {
    "factsheet": factsheet.render,
    "deck": deck.render,
    "quiz": quiz.render,
}
