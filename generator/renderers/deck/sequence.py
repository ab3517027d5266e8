"""The one place that decides the deck's slide sequence from the content: title, agenda, each
section (with a divider where the style asks for one), FAQ, quiz, closing.

Talk style (the default) is a presentation: each slide makes one point in few words (a section's
`slide:` bullets, or its lead sentence and the terms or lead phrases of its points) and the full
text goes to the speaker notes as a script. Full style is a reading deck with every word on the
slides. In both, every sentence reaches the audience or the presenter.
"""
from __future__ import annotations

import re
from typing import Callable

from ...text import Run, first_sentence, first_words, paragraphs, plain, point, word_count
from . import quizslides, tables
from .model import Para
from .slides import Planner

_CLAUSE = re.compile(r"[;:؛—–；：]|\s-\s")
_CLAUSE_OR_COMMA = re.compile(r"[,;:،؛—–，、；：]|\s-\s")


# what a talk slide shows of a point, in words, relative to the theme's lead_words (rules of selection, stated
# in the docstring below): a phrase is at most 1.5 times lead_words; a clause shorter than 2 words (4 when
# a comma may end it) says nothing on its own
PHRASE, CLAUSE_WORDS, COMMA_CLAUSE_WORDS = 1.5, 2, 4
SHORT_ANSWERS = 0.25   # FAQ answers averaging this share of script_words or less are short


def lead_phrase(text: str, max_words: int, short: bool = False) -> str:
    """What a talk slide shows of a point: all of it up to twice max_words words; else the words
    before a colon, semicolon or dash, or its first sentence, when that reads as a phrase of at most
    1.5 x max_words; else its first words and an ellipsis (the notes keep the whole point).

    short (for a section that would otherwise take more than two slides, or crowd one): all of it
    only up to 1.5 x max_words, and a comma may end the phrase too when four words or more come
    before it. A shorter clause ("If in doubt") says nothing on its own."""
    phrase = int(max_words * PHRASE)
    if word_count(text) <= (phrase if short else 2 * max_words):
        return text.strip()
    clause = (_CLAUSE_OR_COMMA if short else _CLAUSE).search(text)
    if clause and (COMMA_CLAUSE_WORDS if short else CLAUSE_WORDS) <= word_count(text[:clause.start()]) <= phrase:
        return text[:clause.start()].strip()
    sentence = first_sentence(text)
    if word_count(sentence) <= phrase:
        return sentence
    return first_words(text, phrase - 2).rstrip(",;:،؛，、；：") + "…"


def cut_runs(runs: tuple[Run, ...], phrase: str) -> tuple[Run, ...]:
    """runs shortened to phrase (their text's first words, perhaps with "…"), styles kept: a link
    the cut would reach into stays whole, with its address, and nothing follows it."""
    full = " ".join("".join(r.text for r in runs).split())
    if phrase == full:
        return runs
    ellipsis = phrase.endswith("…")
    want = len(phrase.rstrip("…").rstrip())
    out, used = [], 0
    for r in runs:
        text = re.sub(r"\s+", " ", r.text) if out else re.sub(r"\s+", " ", r.text).lstrip()
        if used + len(text) <= want or r.href:   # a link is never cut
            out.append(Run(text, r.bold, r.italic, r.href))
            used += len(text)
            if used >= want or r.href and used > want:
                break
            continue
        out.append(Run(text[:want - used].rstrip(",;:،؛ "), r.bold, r.italic))
        break
    if out and ellipsis and not out[-1].href:
        out[-1] = Run(out[-1].text.rstrip() + "…", out[-1].bold, out[-1].italic)
    return tuple(x for x in out if x.text.strip()) or runs


# dividers="auto" gives a deck dividers from this many sections, taking this many slides each on average:
# where the room needs to hear where one part ends (a rule of structure, not of look)
AUTO_DIVIDER_SECTIONS, AUTO_DIVIDER_SLIDES = 3, 2


def _words(slide) -> int:
    return sum(word_count(r.text) for box in slide.boxes for para in box.paras for r in para.runs)


class Sequence:
    """Plans the slides of one kit in order."""

    def __init__(self, planner: Planner):
        self.p = planner
        self.kit = planner.kit
        self.talk = planner.style == "talk"
        self.lead_words = int(planner.t["lead_words"])
        self.talk_words = int(planner.t["talk_words"])   # a talk slide with more words is read, not listened to

    def say(self, key, **context) -> str:
        return str(self.kit.say(key, **context))

    def plain(self, text) -> str:
        return plain(text or "", self.kit.language)

    # --- the sequence ------------------------------------------------------------------------

    def run(self, qp, dividers: str) -> None:
        kit, content, p = self.kit, self.kit.content, self.p
        event = kit.event_context()
        event_line = self.say("event_line", event=event) if event else ""
        p.title_slide(self.say("note_title", summary=self.plain(content.summary), event_line=event_line))
        shown = [(i, s) for i, s in enumerate(content.sections) if s.show is None or "deck" in s.show]
        titles = [self.plain(s.title) for _, s in shown]
        p.agenda(titles, self.say("note_agenda", items=titles))
        starts = []   # (number, section, first slide) of every section
        for number, (index, section) in enumerate(shown, start=1):
            starts.append((number, section, len(p.slides)))
            self.section(index, section)
        # dividers for every section or for none ("Part 2 of 8" with no Part 1 is a slip): "auto" gives
        # them to a deck of three sections or more that take two slides each on average, where the
        # room needs to hear where one part ends
        body_slides = len(p.slides) - (starts[0][2] if starts else 0)
        if dividers == "always" or dividers == "auto" and len(starts) >= AUTO_DIVIDER_SECTIONS \
                and body_slides >= AUTO_DIVIDER_SLIDES * len(starts):
            for number, section, start in reversed(starts):
                body = p.slides[start:]
                del p.slides[start:]
                p.divider(number, len(shown), self.plain(section.title),
                          self.say("note_section", number=number, title=self.plain(section.title)))
                p.slides += body
        if content.faq:
            self.faq()
        if qp is not None:
            quizslides.slides(p, qp)
        org = content.organization
        p.closing(self.say("note_closing", website=org.website if org and org.website else "",
                           event_line=event_line))

    # --- sections ----------------------------------------------------------------------------

    def script(self, section) -> str:
        """What the presenter says over a section: its notes, then its full text."""
        parts = [self.plain(n) for n in paragraphs(section.notes)]
        parts += [self.plain(t) for t in paragraphs(section.text)]
        for item in section.points:
            pt = point(item)
            parts.append(f"{self.plain(pt.term)}: {self.plain(pt.text)}" if pt.term else self.plain(pt.text))
        return "\n\n".join(x for x in parts if x)

    def section(self, index: int, section) -> None:
        p, kit = self.p, self.kit
        c, look = p.c, p.t["text"]
        indent = float(look["bullet_indent"]) * p.body_size
        title = self.plain(section.title)
        blocks: list[list[Para]] = []
        bullet = dict(bullet="\u2022", bullet_color=c.secondary, link_color=c.link)
        brief = None
        if self.talk:
            def talk_blocks(short: bool) -> list[list[Para]]:
                out: list[list[Para]] = []
                if section.slide:
                    for item in section.slide:
                        out.append([Para(p.point_runs(item), 0, c.text, indent=indent,
                                         space_before=float(look["talk_point_space"]), **bullet)])
                    return out
                texts = paragraphs(section.text)
                if texts:
                    out.append([Para(p.runs(first_sentence(texts[0])), 0, c.text,
                                     space_before=float(look["talk_lead_space"]))])
                for item in section.points:
                    pt = point(item)
                    shown = (tuple(Run(r.text, True, r.italic) for r in p.runs(pt.term)) if pt.term
                             else cut_runs(p.runs(pt.text), lead_phrase(self.plain(pt.text), self.lead_words, short)))
                    out.append([Para(shown, 0, c.text, indent=indent, space_before=float(look["talk_point_space"]),
                                     **bullet)])
                return out

            blocks = talk_blocks(False)
            brief = talk_blocks
            notes = self.script(section)
        else:
            blocks = [[Para(p.runs(t), 0, c.text, space_before=float(look["paragraph_space"]), link_color=c.link)]
                      for t in paragraphs(section.text)]
            blocks += [[Para(p.point_runs(item), 0, c.text, indent=indent, space_before=float(look["point_space"]),
                             **bullet)] for item in section.points]
            notes = "\n\n".join(self.plain(n) for n in paragraphs(section.notes)) or self.script(section)
        image = (kit.asset(section.image.file), self.plain(section.image.alt)) if section.image else None
        if blocks:
            slides, warned = len(p.slides), len(p.notes.items)
            p.text_slides("content", title, blocks, notes, image, ("sections", index))
            if brief is not None and (len(p.slides) - slides > 2 or self.wordy(slides)):   # a hall reads it: say less
                del p.slides[slides:], p.notes.items[warned:]
                shorter = brief(True)
                p.text_slides("content", title, shorter, notes, image, ("sections", index))
                if self.wordy(slides) and not section.slide and section.points and paragraphs(section.text):
                    # still more than a hall reads: the points carry the slide, the notes keep the lead
                    del p.slides[slides:], p.notes.items[warned:]
                    p.text_slides("content", title, shorter[1:], notes, image, ("sections", index))
        elif image:
            p.image_slide(title, image[0], image[1], notes)
        table = kit.content.table(section.table) if section.table else None
        if table:
            tables.table_slides(p, table, None, self.table_notes(table))

    def wordy(self, first: int) -> bool:
        """Whether a slide planned from first on carries more words than a talk slide should."""
        return any(_words(slide) > self.talk_words for slide in self.p.slides[first:])

    def table_notes(self, table) -> Callable[[int, int], str]:
        """The notes of the slide holding rows [i, j): the lead-in, then each of those rows as a
        sentence to say ("INTERPOL. Focus: global police cooperation. ..."), one a line (the whole
        table on every slide would grow with the square of its length)."""
        columns = [self.plain(c) for c in table.columns]

        def sentence(text: str) -> str:
            return text if text[-1:] in ".!?؟。…" else text + "."

        def line(row) -> str:
            cells = [self.plain(cell) for cell in row]
            said = [sentence(cells[0])] if cells and cells[0] else []
            said += [sentence(f"{col}: {cell}") for col, cell in zip(columns[1:], cells[1:]) if cell]
            return " ".join(said)

        lead = [self.say("note_table")]
        return lambda i, j: "\n".join(lead + [line(row) for row in table.rows[i:j]])

    # --- FAQ ---------------------------------------------------------------------------------

    def faq(self) -> None:
        p, c = self.p, self.p.c
        look = p.t["text"]
        indent = float(look["bullet_indent"]) * p.body_size
        faqs = self.kit.content.faq
        blocks, scripts = [], []
        for item in faqs:
            answer = [self.plain(a) for a in paragraphs(item.answer)]
            answer += [self.plain(point(x).term + ": " + point(x).text) if point(x).term else self.plain(point(x).text)
                       for x in item.points]
            scripts.append(self.plain(item.question) + "\n" + "\n".join(answer))
            if self.talk:
                blocks.append([Para(p.runs(item.question), 0, c.text, bold=False,
                                    space_before=float(look["talk_question_space"]), bullet="\u2022",
                                    bullet_color=c.secondary, indent=indent)])
            else:
                block = [Para(p.runs(item.question), 0, c.primary, bold=True,
                              space_before=float(look["question_space"]))]
                block += [Para(p.runs(a), 0, c.text, space_before=float(look["answer_space"]), link_color=c.link)
                          for a in paragraphs(item.answer)]
                block += [Para(p.point_runs(x), 0, c.text, bullet="\u2022", bullet_color=c.secondary,
                               indent=indent, space_before=float(look["answer_point_space"])) for x in item.points]
                blocks.append(block)
        title = self.say("faq")
        lead = self.say("note_faq")
        # a slide's script is read in about a minute and a half: three answers of a usual length, four short ones
        words = sum(len(x.split()) for x in scripts) / max(len(scripts), 1)
        script = int(p.t["script_words"])
        most = (int(p.t["faq_short_per_slide"]) if words <= script * SHORT_ANSWERS else int(p.t["faq_per_slide"])) \
            if self.talk else 0
        p.text_slides("faq", title, blocks, lambda i, j: "\n\n".join([lead] + scripts[i:j]), None, ("faq",),
                      most=most)
