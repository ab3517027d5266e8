"""The theme's schema (theme.yaml): every key typed, with one docstring each, as model.py is for content.

Values are the default theme's unless a theme names them; the default theme (templates/default/theme.yaml)
holds every key. Colours are hex RGB, text sizes points, page measures millimetres and deck measures
inches unless a field says otherwise. One module per output (factsheet, quiz, poster, deck, deck_slides),
the shared measures and the base model in base.py, the root here.
"""
from __future__ import annotations

from .base import Anchor, Color, Factor, Font, FontFiles, FontName, Inset, Length, Share, Size, Times, _Model
from .deck import Deck, DeckTemplate
from .deck_slides import DeckAgenda, DeckClosing, DeckQuiz, DeckSection, DeckText, DeckTitleSlide
from .factsheet import Factsheet, FactsheetTight
from .poster import Poster
from .quiz import Quiz, QuizTight

__all__ = ["Theme", "Fonts", "Colors", "Factsheet", "FactsheetTight", "Quiz", "QuizTight", "Poster", "Deck",
           "DeckTitleSlide", "DeckSection", "DeckClosing", "DeckAgenda", "DeckText", "DeckQuiz", "DeckTemplate",
           "FontFiles", "Font", "FontName", "Size", "Length", "Share", "Times", "Factor", "Color", "Inset", "Anchor"]


class Fonts(_Model):
    """The fonts text is set in: chosen from the kit's registry, or files inside the theme folder."""

    text: Font
    """The main family (Latin, Greek, Cyrillic, Hebrew): a registry name such as arimo, or files."""
    fallbacks: list[Font] = []
    """Families for other scripts, tried in this order."""


class Colors(_Model):
    """The palette, each as #RRGGBB."""

    primary: Color
    """Header band and headings."""
    secondary: Color
    """Table headers, links, bullets, accents on white."""
    accent: Color
    """Thin rules on the band, the date."""
    text: Color
    """Body text."""
    muted: Color
    """Footers, small print."""
    light: Color
    """Table banding, the event box, option boxes."""
    rule: Color
    """Hairlines, and the border of a picture on a slide."""
    on_primary: Color
    """Text on the primary colour."""
    correct: Color
    """The correct option on a reveal slide and a scoring overlay."""
    on_correct: Color
    """Text on the correct colour."""
    badge: Color
    """The card behind a logo or a QR code, so any logo stays visible."""
    background: Color
    """The paper and the built-in design's content slides; table rows alternate it with light."""


class Theme(_Model):
    """A theme: the look of every output, as data."""

    name: str = ""
    """The theme's name (for people; the folder's name is what --theme takes)."""
    fonts: Fonts
    """The fonts."""
    colors: Colors
    """The palette."""
    factsheet: Factsheet
    """The fact sheet."""
    quiz: Quiz
    """The quiz handouts and keys."""
    poster: Poster
    """The poster."""
    deck: Deck
    """The built-in deck design."""

