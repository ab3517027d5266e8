"""{{ field }} in content: plain field names only, so a field can neither run code nor grow without bound."""
from __future__ import annotations

from generator.fields import MAX_OUTPUT, render

CONTEXT = {"event": {"place": "Main Hall", "name": "Open day"}, "title": "Day", "sections": [{"title": "One"}]}


def test_a_field_is_replaced_by_its_value():
    assert render("At {{ event.place }} on {{title}}", CONTEXT) == ("At Main Hall on Day", None)
    assert render("{{ sections[0].title }}", CONTEXT)[0] == "One"


def test_an_unknown_field_names_the_known_ones():
    _, why = render("{{ event.plac }}", CONTEXT)
    assert "unknown field `event.plac`" in why and "event.place" in why


def test_expressions_loops_and_calls_are_refused_as_unsafe():
    for text in ("{{ ''.__class__.__mro__ }}", "{{ 'a' * 300000000 }}", "{{ range(10) }}", "{{ 1/0 }}"):
        _, why = render(text, CONTEXT)
        assert why and "not allowed" in why and "unsafe" in why, text
    _, why = render("{% for x in range(100000) %}{% for y in range(100000) %}x{% endfor %}{% endfor %}", CONTEXT)
    assert why and "not allowed" in why


def test_an_unclosed_field_is_a_template_error():
    _, why = render("at {{ event.place", CONTEXT)
    assert "template error" in why


def test_fields_cannot_grow_a_text_beyond_the_limit():
    big = {"a": "x" * 60_000}
    _, why = render("{{ a }}{{ a }}", big)
    assert why and f"{MAX_OUTPUT:,}" in why
