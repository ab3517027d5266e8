"""Text handling shared by every renderer: inline markup runs, paragraphs, labelled points, escaping."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .links import safe

_md = None


def _parser():
    global _md
    if _md is None:  # markdown-it is loaded only when a text has markup characters
        from markdown_it import MarkdownIt

        _md = MarkdownIt("zero").enable(["emphasis", "link", "escape"])
        _md.validateLink = lambda url: True  # every link is parsed; the kit's link policy decides later
    return _md
_LABEL = re.compile(r"^\s*([^:：︰\n]{1,60}?)(?::\s+|[：︰]\s*)(\S.*)$", re.S)   # "Term: text", "术语：文字"
_URLISH = re.compile(r"^[a-z][a-z0-9+.-]*:/?/?[^\s]*$", re.I)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Runs = tuple[Run, ...]


@lru_cache(maxsize=4096)
def runs(text: str, language: str = "") -> Runs:
    """Parse **bold**, *italic* and [label](url); everything else stays as typed. A link the link
    policy refuses (links.safe) keeps its label as plain text. With a language, its typography
    (typeset.typography) is applied to the text, never to addresses."""
    parsed = _runs(text)
    if not language:
        return parsed
    from .typeset.typography import typography

    return tuple(Run(r.text if r.href and r.text == r.href else typography(r.text, language), r.bold, r.italic,
                     r.href) for r in parsed)


@lru_cache(maxsize=4096)
def _runs(text: str) -> Runs:
    text = " ".join(text.split())  # YAML line breaks inside a paragraph are spaces
    if not any(ch in text for ch in "*_[\\"):
        return (Run(text),) if text else ()
    out: list[Run] = []
    bold = italic = 0
    href = None
    for tok in _parser().parseInline(text)[0].children or []:
        if tok.type == "text" and tok.content:
            out.append(Run(tok.content, bold > 0, italic > 0, href))
        elif tok.type == "strong_open":
            bold += 1
        elif tok.type == "strong_close":
            bold -= 1
        elif tok.type == "em_open":
            italic += 1
        elif tok.type == "em_close":
            italic -= 1
        elif tok.type == "link_open":
            href = safe(str(tok.attrs.get("href") or ""))
        elif tok.type == "link_close":
            href = None
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(Run(" ", bold > 0, italic > 0, href))
    return _merge(out)


def _merge(items: list[Run]) -> Runs:
    merged: list[Run] = []
    for run in items:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (run.bold, run.italic, run.href):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            merged.append(run)
    return tuple(merged)


def plain(text: str | None, language: str = "") -> str:
    """The text a reader sees, without markup characters."""
    return "".join(r.text for r in runs(text or "", language))


def links(text: str) -> list[str]:
    """Every link target written in text as [label](target), as typed."""
    if "](" not in text:
        return []
    out = []
    for tok in _parser().parseInline(" ".join(text.split()))[0].children or []:
        if tok.type == "link_open":
            out.append(str(tok.attrs.get("href") or ""))
    return out


def paragraphs(text: str | None) -> list[str]:
    """Split text on blank lines into paragraphs."""
    if not text:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


@dataclass(frozen=True)
class Point:
    """A bullet: an optional bold term and its text."""

    term: str | None
    text: str


def point(item) -> Point:
    """Normalise a content point ("Term: text" string or {term, text}) into a Point."""
    if isinstance(item, str):
        match = _LABEL.match(item)
        if match and not _URLISH.match(item.strip()) and not match.group(1).strip().startswith(("http", "mailto")):
            return Point(match.group(1).strip(), match.group(2).strip())
        return Point(None, item.strip())
    return Point(item.term.strip(), item.text.strip())


# Words after which a full stop does not end a sentence (UAX #29 leaves these to the application).
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st no nr art vol ch fig p pp approx etc e.g i.e vs cf sept jan feb mar apr jun jul aug "
    "oct nov dec inc ltd co jr sr gen col lt sgt insp supt det u.s u.k u.n sra sr dra av núm pág sen dep "
    "m mme mlle p.ex cf bzw ca evtl ggf usw z.b d.h s т.е т.д г гг см".split())
_SENTENCE_END = re.compile(r"[.!?؟‼⁇‽։۔।॥።፧。！？｡︒…]['\"’”»）)\]]*\s*$")


@lru_cache(maxsize=2048)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a paragraph, by UAX #29 (uniseg): "。", "।", "؟" and "!" end one as a full
    stop does; an abbreviation ("Dr.", "e.g.", "Sept.") or an initial does not."""
    text = " ".join(text.split())
    if not text:
        return ()
    from uniseg.sentencebreak import sentences as uax29

    out: list[str] = []
    for piece in uax29(text):
        if out and _continues(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return tuple(s.strip() for s in out if s.strip())


def _continues(sentence: str) -> bool:
    """True when a piece that UAX #29 ended really goes on: it ends in an abbreviation or an initial."""
    stripped = sentence.rstrip()
    if not stripped.endswith("."):
        return not _SENTENCE_END.search(stripped)
    last = stripped.rsplit(None, 1)[-1].rstrip(".").lower()
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (all of it when it has one): the poster's key sentence and
    a talk slide's lead. UAX #29 breaks only after a full stop (STerm or ATerm), its closing marks and
    spaces, deciding by the word before the stop and what follows up to the next letter; so each stop
    is tried in that window alone, and a long section costs a few words (uniseg takes 75 µs a character)."""
    text = " ".join(text.split())
    if not text:
        return ""
    from uniseg.sentencebreak import sentences as uax29

    stops = 0
    for i, ch in enumerate(text):
        if not _full_stop(ch):
            continue
        stops += 1
        if stops > 8:   # a text of many stops that end nothing: the whole text decides
            return sentences(text)[0]
        start = text.rfind(" ", 0, i) + 1
        end = next((k + 1 for k in range(i + 1, len(text)) if text[k].isalpha()), len(text))
        at = start
        for piece in list(uax29(text[start:end]))[:-1]:
            at += len(piece)
            if at > i:      # the break that follows this stop
                if not _continues(text[:at]):
                    return text[:at].strip()
                break
    return text


@lru_cache(maxsize=1024)
def _full_stop(ch: str) -> bool:
    """True for a character UAX #29 lets end a sentence (its STerm and ATerm: all punctuation, Po)."""
    if unicodedata.category(ch) != "Po":
        return False
    from uniseg.sentencebreak import SentenceBreak, sentence_break

    return sentence_break(ch) in (SentenceBreak.STERM, SentenceBreak.ATERM)


def _east_asian(ch: str) -> bool:
    from .scripts import is_east_asian

    return is_east_asian(ch) and ch.isalnum()


def word_count(text: str) -> int:
    """Words as a reader counts them: Chinese, Japanese and Korean, written without spaces, count two
    characters to a word (what a slide's word limits were set for)."""
    count, east = 0, 0
    for token in text.split():
        k = sum(1 for ch in token if _east_asian(ch))
        east += k
        count += 0 if k and k == sum(1 for ch in token if ch.isalnum()) else 1
    return count + (east + 1) // 2


def first_words(text: str, n: int) -> str:
    """The first n words of text (East Asian characters two to a word), spaces collapsed; in one pass,
    so a very long text costs its length."""
    text = " ".join(text.split())
    if not any(_east_asian(ch) for ch in text):
        return " ".join(text.split()[:n])
    words, in_word = 0.0, False
    for i, ch in enumerate(text):
        if _east_asian(ch):
            words, in_word = words + 0.5, False
        elif ch.isalnum():
            words += 0 if in_word else 1
            in_word = True
        else:
            in_word = in_word and ch not in " "
        if words > n:
            return text[:i]
    return text
