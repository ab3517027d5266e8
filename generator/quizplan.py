"""The quiz plan: versions as index permutations, so handout, key, slides and exports cannot drift apart."""
from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
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
    says_select_all: bool = False   # the question's own words already ask for every correct option

    @property
    def hint(self) -> bool:
        """True when the handout and the slide add "Select all that apply": several options are
        correct and the question does not already say so."""
        return self.multiple and not self.says_select_all

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
    editions: int = 1    # how many languages share these versions (the main file and its translations)


def orders(n_questions: int, option_rules: list[tuple[int, object]], versions: int, seed: int, shuffle: bool,
           keep_first: bool) -> list[tuple[list[int], list[list[int]]]]:
    """Per version: question order and per-question option order, as indices (language-independent).
    option_rules gives each question's option count and how its options may move: "free", "fixed"
    (the authored order stays), "last" (the last one stays last) or a tuple of the indices that stay
    where they were written (options that refer to the others)."""
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
                elif rule == "last" or isinstance(rule, tuple):
                    pinned = {n - 1} if rule == "last" else set(rule)
                    movable = [i for i in order if i not in pinned]
                    rng.shuffle(movable)
                    rest = iter(movable)
                    order[:] = [i if i in pinned else next(rest) for i in range(n)]
        out.append((q_order, o_orders))
    return out


_FIRST_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def refers_to_others(text: str, kept: list[str]) -> bool:
    """True for an option such as "None of the above", "None of the above, because ..." or "None":
    a phrase of the list begins it (a single word only when it is the whole option)."""
    t = " ".join(plain(text).lower().split()).rstrip(".!?؟。 ")
    for k in kept:
        if t == k or (" " in k and re.match(re.escape(k) + r"(?![^\W\d_])", t)):
            return True
    return False


def option_rule(options: list[str], kept_last: list[str]):
    """How a question's options may be shuffled: two options (yes/no, true/false) and short numbers
    or years in rising or falling order keep their order; an option that refers to the others
    ("All of the above", "None", "None of the above, because ...") stays where it was written,
    "last" when that is the last place; the rest are free."""
    texts = [" ".join(plain(o).lower().split()) for o in options]
    if len(texts) <= 2:
        return "fixed"
    numbers = [_FIRST_NUMBER.search(t) for t in texts]
    if all(numbers) and all(len(t) <= 24 for t in texts):
        values = [float(m.group().replace(",", ".")) for m in numbers]
        if values == sorted(values) or values == sorted(values, reverse=True):
            return "fixed"
    pinned = tuple(i for i, o in enumerate(options) if refers_to_others(o, kept_last))
    if pinned == (len(options) - 1,):
        return "last"
    if len(pinned) >= len(options) - 1:
        return "fixed"
    return pinned or "free"


def says_select_all(question: str, phrases: list[str]) -> bool:
    """True when a question's own words ask for every correct option ("... Select all that apply.")."""
    text = " ".join(plain(question).lower().split())
    return any(p and p in text for p in phrases)


def _select_all_phrases(kit) -> list[str]:
    """The edition's hint itself and the phrases that say the same, lower case, without end punctuation."""
    said = [str(kit.say("select_all"))] + str(kit.wording.own("select_all_said") or "").split("|")
    return [" ".join(p.lower().split()).strip(" .!?:;()؟") for p in said if p.strip()]


def editions(kit) -> int:
    """The main file and the translations beside it: the languages that share one set of versions."""
    from pathlib import Path

    from .translations import find_translations

    main = kit.base_dir / Path(kit.main_file or kit.source.file).name
    return 1 + len(find_translations(main, "")) if main.is_file() else 1


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
    separator = str(kit.say("letters_separator")).strip() or ","
    separator += "" if unicodedata.east_asian_width(separator[-1]) in "FW" else " "   # "A、C", "A, C"
    phrases = _select_all_phrases(kit)
    versions = []
    for v, (q_order, o_orders) in enumerate(layout):
        planned = []
        for number, qi in enumerate(q_order, start=1):
            q = questions[qi]
            section = kit.content.section(q.section) if q.section else None
            options = tuple(PlannedOption(letters[pos], oi, q.options[oi], oi in q.answers)
                            for pos, oi in enumerate(o_orders[qi]))
            planned.append(PlannedQuestion(number, qi, q.question, options, q.explanation,
                                           plain(section.title, kit.language) if section else None, separator,
                                           says_select_all(q.question, phrases)))
        versions.append(Version(UPPER[v] if settings.versions > 1 else None, tuple(planned)))
    return QuizPlan(title=quiz.title or kit.say("quiz_default_title"),
                    instructions=quiz.instructions or kit.say("quiz_default_instructions"),
                    fingerprint=fingerprint(main or kit), versions=tuple(versions), editions=editions(main or kit))
