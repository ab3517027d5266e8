"""The content model (format v1): declarative, one docstring per field, the JSON Schema's source."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator

from .choices import DECK_STYLES, DIVIDERS, OUTPUT_KINDS, PAPERS  # noqa: F401  (the format's choices)
LETTERS = "abcdefghijklmnopqrstuvwxyz"

def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty; write some text or remove the line")
    return value


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


def _lower_letter(value):
    if isinstance(value, str):
        return value.strip().lower().rstrip(")")
    return value


Letter = Annotated[str, BeforeValidator(_lower_letter), StringConstraints(pattern=r"^[a-z]$")]


def _paper_name(value):
    """a4, LETTER and Letter are all fine: paper names are not case-sensitive."""
    if isinstance(value, str):
        return next((p for p in PAPERS if p.lower() == value.strip().lower()), value)
    return value


Paper = Annotated[Literal["A4", "Letter"], BeforeValidator(_paper_name)]


def canonical_tag(tag: str) -> str:
    """A BCP 47 tag in its usual case (tags are case-insensitive): pt-br -> pt-BR, zh-hant-tw -> zh-Hant-TW."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 and part.isalpha() else
                   part.upper() if len(part) == 2 or (len(part) == 3 and part.isdigit()) else part.lower())
    return "-".join(out)


# Reading the fields' docstrings takes pydantic longer than building the models: only the JSON Schema
# needs them, and schema() loads a copy of this module with them (cli.schema sets _DOCS in it).
_DOCS = globals().get("_DOCS", False)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=_DOCS, frozen=True,
                              str_strip_whitespace=False)


class Organization(_Model):
    """Who hands the materials out."""

    name: Text
    """Name of the organisation, printed in footers and as the documents' author."""
    logo: str | None = None
    """Path of a PNG or JPEG logo, relative to the content file."""
    website: str | None = None
    """Web address, printed as text and as a QR code."""
    contact: str | None = None
    """Contact line (e-mail, phone), free text."""


class Event(_Model):
    """The local event the materials are for."""

    name: Text
    """Name of the event."""
    date: dt.date | None = None
    """ISO date (YYYY-MM-DD), printed in the language's own long form."""
    time: str | None = None
    """Time of day, free text such as 10:00-16:00."""
    place: str | None = None
    """Where it happens, free text."""


class LabelledPoint(_Model):
    """A bullet with a bold term, written out."""

    term: Text
    """The bold lead-in of the point."""
    text: Text
    """The rest of the point."""


Point = Annotated[str | LabelledPoint, Field(union_mode="left_to_right")]


class Image(_Model):
    """A picture shown with a section."""

    file: Text
    """PNG or JPEG path, relative to the content file."""
    alt: Text
    """Alternative text: what the picture shows, for screen readers."""


class Section(_Model):
    """One part of the body, in reading order."""

    id: Id
    """Stable id: lower-case letters, digits and '-'; unique."""
    title: Text
    """Heading of the section."""
    text: str | None = None
    """Paragraphs, separated by a blank line."""
    points: list[Point] = []
    """Bullet points; 'Term: text' makes a labelled point."""
    table: Id | None = None
    """Id of a table shown with this section."""
    image: Image | None = None
    """A picture for this section."""
    slide: list[Point] = []
    """Short bullets for the talk-style deck's slide; the full text then goes to the speaker notes."""
    notes: str | None = None
    """Speaker notes for this section's slides."""
    show: list[Literal["factsheet", "deck", "quiz", "web"]] | None = None
    """Where the section appears (factsheet, deck, web). Default: everywhere; the web page shows what
    the fact sheet shows, and sections marked web."""


class Table(_Model):
    """A table that sections can show."""

    id: Id
    """Stable id that sections refer to."""
    title: Text
    """Caption of the table."""
    columns: Annotated[list[Text], Field(min_length=1, max_length=8)]
    """Column headings."""
    rows: Annotated[list[list[str]], Field(min_length=1)]
    """Rows; each has one cell per column."""


class Faq(_Model):
    """A frequently asked question."""

    question: Text
    """The question."""
    answer: Text
    """The answer, paragraphs separated by a blank line."""
    points: list[Point] = []
    """Optional bullet points under the answer."""


class Question(_Model):
    """A multiple-choice question."""

    question: Text
    """The question as printed."""
    options: Annotated[list[Text], Field(min_length=2, max_length=6)]
    """2 to 6 options, lettered a, b, c ... in this order."""
    answer: Letter | Annotated[list[Letter], Field(min_length=1)]
    """Letter of the correct option, or a list of letters when several are correct."""
    explanation: str | None = None
    """One line printed in the answer key and on the reveal slide."""
    section: Id | None = None
    """Id of the section that teaches this; the key refers readers to it."""

    @property
    def answers(self) -> tuple[int, ...]:
        """Indices of the correct options, in option order."""
        letters = [self.answer] if isinstance(self.answer, str) else self.answer
        return tuple(sorted({LETTERS.index(x) for x in letters}))


class Quiz(_Model):
    """The quiz: handouts, keys and quiz slides."""

    title: str | None = None
    """Title of the handout and the quiz slides."""
    instructions: str | None = None
    """Instructions printed under the title."""
    questions: Annotated[list[Question], Field(min_length=1)]
    """The questions, in authored order."""


class Source(_Model):
    """A reference cited in small type on the fact sheet."""

    title: Text
    """What the source is."""
    url: str | None = None
    """Where to find it (http, https or mailto)."""


class Poster(_Model):
    """What the event poster says."""

    line: Text | None = None
    """The poster's one sentence, set large (default: the summary's first sentence)."""


class QuizBuild(_Model):
    """How quiz versions are made."""

    versions: Annotated[int, Field(ge=1, le=26)] = 1
    """Number of versions, 1 to 26, lettered A, B, C ..."""
    shuffle: bool = True
    """With several versions: shuffle question and option order per version."""
    seed: Annotated[int, Field(ge=0)] = 2027
    """The same seed gives the same versions."""
    keep_first: bool = True
    """Version A keeps the authored order (the others are shuffled)."""
    columns: Annotated[int, Field(ge=1, le=2)] = 1
    """1 or 2 columns on the handout."""
    answer_sheet: bool = False
    """Also write a one-page answer sheet and its scoring overlay."""


class DeckBuild(_Model):
    """How the deck is made."""

    style: Literal["talk", "full"] = "talk"
    """talk: short slides for presenting, the full text in the speaker notes; full: a reading deck."""
    dividers: Literal["auto", "always", "never"] = "auto"
    """Section dividers, before every section or none: auto (3+ sections, 2+ slides each on average), always, never."""


class FontFiles(_Model):
    """A font named by its files: the regular one, and the bold one when there is one."""

    regular: Text
    """Path of the regular font file (.ttf, .otf, .ttc)."""
    bold: str | None = None
    """Path of the bold font file; without one, bold text is drawn thicker."""


class Build(_Model):
    """How to build; each setting also has a command-line flag."""

    paper: Paper = "A4"
    """Paper size of the PDFs: A4 or Letter (any case)."""
    theme: Text = "default"
    """A folder under templates/ (the kit's or beside the content file)."""
    deck_template: str | None = None
    """Path of the organisation's own .pptx or .potx whose layouts and master are used."""
    deck: DeckBuild = DeckBuild()
    """Deck style and dividers."""
    outputs: Annotated[list[Literal["factsheet", "deck", "quiz", "poster", "web"]], Field(min_length=1)] = \
        list(OUTPUT_KINDS)
    """What to build: factsheet, deck, quiz, poster, web."""
    quiz: QuizBuild = QuizBuild()
    """Quiz versions and layout."""
    fonts: list[Annotated[str, StringConstraints(min_length=1)] | FontFiles] = []
    """Font files for scripts the bundled fonts lack, one a line (a path beside the content file, or a
    font in the system's font folders), or {regular: file, bold: file}."""


class Content(_Model):
    """One content file: everything the kit says."""

    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    """BCP 47 tag of the text in this file (en, fr, es, ar, pt-BR ...)."""
    title: Text
    """Title of the day or campaign."""
    subtitle: str | None = None
    """Optional subtitle."""
    date: str | None = None
    """The day as people write it (free text), such as 7 September."""
    summary: Text
    """The lead: 1-3 sentences."""
    organization: Organization | None = None
    """Who hands the materials out."""
    event: Event | None = None
    """The local event these materials are for."""
    sections: Annotated[list[Section], Field(min_length=1)]
    """The body, in reading order; at least one."""
    tables: list[Table] = []
    """Tables that sections show."""
    faq: list[Faq] = []
    """Frequently asked questions."""
    quiz: Quiz | None = None
    """The quiz."""
    sources: list[Source] = []
    """References, printed in small type on the fact sheet."""
    poster: Poster | None = None
    """The event poster's own wording."""
    build: Build = Build()
    """How to build."""

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(value.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            raise ValueError(f"unknown language tag {value!r}; use a BCP 47 tag such as en, fr, es, ar or pt-BR") from None
        return canonical_tag(value)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if any."""
        return next((s for s in self.sections if s.id == section_id), None)

    def table(self, table_id: str) -> Table | None:
        """The table with this id, if any."""
        return next((t for t in self.tables if t.id == table_id), None)

