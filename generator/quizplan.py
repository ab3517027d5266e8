"""The quiz plan: versions as index permutations, so handout, key, slides and exports cannot drift apart."""
from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass

from .text import plain

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class PlannedOption:
    """An option as printed in one version."""

    letter: str      # as printed: A, B, C ...
    source: int      # index in the authored option list
    text: str        # the option text (may hold inline markup)
    correct: bool


@dataclass(frozen=True)
class PlannedQuestion:
    """A question as printed in one version."""

    number: int      # 1-based, restarts in each version
    source: int      # index in the authored question list
    text: str
    options: tuple[PlannedOption, ...]
    explanation: str | None
    section_title: str | None

    @property
    def multiple(self) -> bool:
        """True when more than one option is correct."""
        return sum(o.correct for o in self.options) > 1

    separator: str = ", "     # between letters, in the edition's language

    @property
    def letters(self) -> str:
        """Correct letters as printed, such as 'B' or 'A, C'."""
        return self.separator.join(o.letter for o in self.options if o.correct)


@dataclass(frozen=True)
class Version:
    """One version of the handout with its own key."""

    letter: str | None   # None when there is a single version
    questions: tuple[PlannedQuestion, ...]

    @property
    def suffix(self) -> str:
        """File-name suffix: '' or '-A'."""
        return f"-{self.letter}" if self.letter else ""


@dataclass(frozen=True)
class QuizPlan:
    """All versions of the quiz, its title, instructions and fingerprint."""

    title: str
    instructions: str
    fingerprint: str
    versions: tuple[Version, ...]


def orders(n_questions: int, option_rules: list[tuple[int, str]], versions: int, seed: int, shuffle: bool,
           keep_first: bool) -> list[tuple[list[int], list[list[int]]]]:
    """Per version: question order and per-question option order, as indices (language-independent).
    option_rules gives each question's option count and how its options may move: "free", "last"
    (the last one stays last) or "fixed" (the authored order stays)."""
    out = []
    for v in range(versions):
        q_order = list(range(n_questions))
        o_orders = [list(range(n)) for n, _ in option_rules]
        if versions > 1 and shuffle and not (v == 0 and keep_first):
            rng = random.Random(f"{seed}:{UPPER[v]}")
            rng.shuffle(q_order)
            for order, (n, rule) in zip(o_orders, option_rules):
                if rule == "free":
                    rng.shuffle(order)
                elif rule == "last":
                    head = order[:-1]
                    rng.shuffle(head)
                    order[:-1] = head
        out.append((q_order, o_orders))
    return out


_FIRST_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def option_rule(options: list[str], kept_last: list[str]) -> str:
    """How a question's options may be shuffled: two options (yes/no, true/false) and short numbers
    or years in rising or falling order keep their order; an option such as "All of the above",
    written last, stays last; the rest are free."""
    texts = [" ".join(plain(o).lower().split()) for o in options]
    if len(texts) <= 2:
        return "fixed"
    numbers = [_FIRST_NUMBER.search(t) for t in texts]
    if all(numbers) and all(len(t) <= 24 for t in texts):
        values = [float(m.group().replace(",", ".")) for m in numbers]
        if values == sorted(values) or values == sorted(values, reverse=True):
            return "fixed"
    last = texts[-1].rstrip(".!?؟。")
    if any(last == k or last.startswith(k + " ") for k in kept_last):
        return "last"
    return "free"


def fingerprint(kit) -> str:
    """A few characters of a hash over the main file's questions, options, answers and the seed:
    every language's handouts and keys carry the same one, since they share versions and keys."""
    quiz = kit.content.quiz
    settings = kit.build.quiz
    payload = [[q.question, q.options, list(q.answers)] for q in quiz.questions]
    payload.append([settings.seed, settings.versions, settings.shuffle, settings.keep_first])
    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()
    return digest[:6].upper()


def plan(kit, main=None) -> QuizPlan:
    """Plan every version of the quiz from the content and build settings; main is the main
    language's kit, whose fingerprint a translation shares."""
    quiz = kit.content.quiz
    settings = kit.build.quiz
    questions = quiz.questions
    # how options may move is read from the main file, so that every language shares the versions
    source = main or kit
    kept_last = [k.strip().lower() for k in str(source.say("options_kept_last")).split("|") if k.strip()]
    rules = [(len(q.options), option_rule(list(q.options), kept_last)) for q in source.content.quiz.questions]
    layout = orders(len(questions), rules, settings.versions, settings.seed, settings.shuffle, settings.keep_first)
    letters = str(kit.say("option_letters")).split()
    letters = letters if len(letters) >= 6 else list(UPPER[:6])
    separator = (str(kit.say("letters_separator")).strip() or ",") + " "
    versions = []
    for v, (q_order, o_orders) in enumerate(layout):
        planned = []
        for number, qi in enumerate(q_order, start=1):
            q = questions[qi]
            section = kit.content.section(q.section) if q.section else None
            options = tuple(PlannedOption(letters[pos], oi, q.options[oi], oi in q.answers)
                            for pos, oi in enumerate(o_orders[qi]))
            planned.append(PlannedQuestion(number, qi, q.question, options, q.explanation,
                                           plain(section.title, kit.language) if section else None, separator))
        versions.append(Version(UPPER[v] if settings.versions > 1 else None, tuple(planned)))
    return QuizPlan(title=quiz.title or kit.say("quiz_default_title"),
                    instructions=quiz.instructions or kit.say("quiz_default_instructions"),
                    fingerprint=fingerprint(main or kit), versions=tuple(versions))
