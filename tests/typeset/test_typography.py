"""Each language's typography: French narrow no-break spaces, quotation marks, apostrophes; never
inside addresses or times."""
from __future__ import annotations

from generator.typeset.typography import NNBSP, typography


def test_french_gets_narrow_no_break_spaces_before_high_punctuation_and_inside_guillemets():
    out = typography('Il a dit "bonjour" : voilà ! Pourquoi ? Oui ; « citation »', "fr")
    assert out == f"Il a dit «{NNBSP}bonjour{NNBSP}»{NNBSP}: voilà{NNBSP}! Pourquoi{NNBSP}? Oui{NNBSP}; «{NNBSP}citation{NNBSP}»"


def test_french_adds_the_space_where_the_author_left_it_out():
    assert typography("Note: texte", "fr") == f"Note{NNBSP}: texte"


def test_addresses_and_times_are_left_exactly_as_typed():
    text = "Voir https://example.org/a?b=c:d et mailto:x@example.org à 10:00 ou 16:00-18:00 : fin"
    out = typography(text, "fr")
    assert "https://example.org/a?b=c:d" in out and "mailto:x@example.org" in out and "10:00" in out
    assert "16:00-18:00" in out and out.endswith(f"18:00{NNBSP}: fin")


def test_apostrophes_become_typographic_in_every_language():
    assert typography("l'Europe d'abord", "fr") == "l’Europe d’abord"
    assert typography("INTERPOL's day", "en") == "INTERPOL’s day"


def test_quotation_marks_follow_the_language():
    assert typography('a "b" c', "en") == "a \u201cb\u201d c"
    assert typography('a "b" c', "es") == "a «b» c"
    assert typography('a "b" c', "ar") == "a «b» c"


def test_an_odd_quote_is_left_as_typed():
    assert typography('5" screen', "en") == '5" screen'


def test_spanish_keeps_its_opening_marks_as_written():
    assert typography("¿Qué es? ¡Hoy!", "es") == "¿Qué es? ¡Hoy!"
