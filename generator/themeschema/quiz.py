"""The quiz handouts' look (theme.yaml `quiz:`): handouts, answer keys, answer sheets."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Length, Share, Size, Times, _Model


class QuizTight(_Model):
    """How far a handout may tighten to save a page."""

    leading: Times
    """Distance between lines, times the text size."""
    question_gap: Length
    """Between questions."""
    option_gap: Length
    """Points between options."""
    key_gap: Length
    """Between the questions of an answer key."""


class Quiz(_Model):
    """The quiz handouts, keys and answer sheets (millimetres and points)."""

    margin: Length
    """Page margin."""
    title_size: Size
    """The handout's title."""
    body_size: Size
    """Questions and "Select all that apply"."""
    option_size: Size
    """Options."""
    small_size: Size
    """Footers and notes."""
    key_size: Size
    """The answer key."""
    leading: Times
    """Distance between lines, times the text size."""
    leading_rtl: Times
    """The same for right-to-left text."""
    bubble: Size
    """Diameter of the circles to fill in."""
    question_gap: Length
    """Between questions."""
    option_gap: Length
    """Points between options."""
    column_gap: Length
    """Between the two columns."""
    number_width: Size
    """The question number's column."""
    sheet_bubble: Size
    """Circles of the answer sheet and scoring overlays."""
    title_leading: Times
    """The title's line pitch."""
    subtitle_leading: Times
    """The line under the title (Answer key, Master key)."""
    subtitle_step: Length
    """Points: that line is set this much larger than body_size."""
    title_after: Length
    """Between the title and what follows."""
    badge_width: Size
    """The version badge beside the title."""
    badge_height: Size
    """Its height."""
    badge_gap: Length
    """Between the title and the badge."""
    badge_radius: Length
    """Points: the badge's corners."""
    field_shares: tuple[Share, Share, Share]
    """The shares of the line given to Name, Date and Score."""
    field_baseline: Size
    """From the top of the fields to the line written on."""
    field_gap: Length
    """Between one field's line and the next field's label."""
    field_label_gap: Length
    """Between a field's label and its line."""
    score_gap: Length
    """Between the score's line and "of 10"."""
    field_rule: Length
    """Points: the line to write on."""
    fields_after: Length
    """Below the line to write on."""
    hint_before: Length
    """Points above "Select all that apply"."""
    first_option_gap: Length
    """Points above a question's first option."""
    bubble_rule: Length
    """Points: the circles' line."""
    bubble_inset: Length
    """Points from the column's edge to a circle."""
    bubble_rise: Share
    """A circle's centre above the baseline, times the first line's ascent."""
    letter_gap: Length
    """Between a circle and its option's letter."""
    letter_min_share: Share
    """The letters' column at least, times option_size (so options line up)."""
    option_indent_gap: Length
    """Between the letter and the option's text."""
    footer_leading: Times
    """The footer's line pitch, times small_size."""
    footer_gap: Length
    """Between the questions and the footer's text (its rule lies in this gap)."""
    footer_rule: Length
    """Points: the rule above the footer."""
    footer_rule_gap: Length
    """Between the footer's rule and its text."""
    key_after_title: Length
    """Between an answer key's title and its first question."""
    key_number_width: Size
    """An answer key's column of question numbers."""
    key_answer_width: Size
    """Its column of answer letters."""
    key_note_step: Length
    """Points: explanations and references are set this much smaller than key_size."""
    key_answer_step: Length
    """Points: the answer's letters are set this much larger than key_size."""
    key_note_before: Length
    """Points above an explanation."""
    key_gap: Length
    """Between the questions of an answer key."""
    key_rule_gap: Length
    """Between a key's question and the rule under it."""
    key_rule: Length
    """Points: the rule under each question of a key."""
    intro_after: Length
    """Below the master key's introduction."""
    version_width: Size
    """A master key's column per version, at most."""
    versions_share: Share
    """At most this share of the master key's width goes to the versions' columns."""
    version_number_step: Length
    """Points: a question's number in each version, this much smaller than key_size."""
    cell_pad: Length
    """Points, beside the text of the master key's cells."""
    cell_pad_y: Length
    """Points, above and below it."""
    table_rule: Length
    """Points: the rule under the master key's table."""
    sheet_fields_after: Length
    """Below the answer sheet's fields."""
    sheet_bubble_gap: Length
    """Between the circles of a row of the answer sheet."""
    sheet_row_gap: Length
    """Between its rows."""
    sheet_letter_share: Share
    """A circle's letter, times the circle's size."""
    sheet_bubble_inset: Length
    """Points: a circle's line drawn this far inside its size."""
    sheet_number_width: Size
    """The question number's column on the answer sheet."""
    sheet_bubbles_at: Size
    """From the start of a column to its first circle."""
    sheet_version_at: Size
    """From the margin to the first circle of the version row."""
    sheet_version_after: Length
    """Below the version row."""
    sheet_column_rows: Annotated[int, Field(ge=5)]
    """Up to this many questions in one column of circles; more take two."""
    tight: QuizTight
    """How far a handout may tighten to save a page."""
