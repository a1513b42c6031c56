"""Join or break: decide, for each pair of neighbouring raw lines, whether the
line break between them is layout (join the lines) or a real paragraph end.

The decision weighs evidence, each kind a named feature: how the first line
ends (sentence end, clause punctuation, an open bracket), how the next one
starts (closing punctuation, a list marker, a byline), bracket and quote
balance, line lengths relative to the page, whether the join completes a
dictionary word, whether the first line stands alone like a headline, and
extra blank lines. A logistic model over these features (weights in
``data/breaks.json``) turns them into the probability of a join;
:func:`decide` returns every decision with the evidence behind it, which
``cleaner explain`` prints.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from statistics import median
from typing import NamedTuple, Sequence

import regex

from . import metadata, words
from .chars import CLAUSE_FINAL, CLOSERS, NO_LINE_START, OPENERS, PAIRS, SENTENCE_FINAL

_STRIP = " \t\u3000\u00a0"
_CLOSER_OF = {v: k for k, v in PAIRS.items()}
_HAN = regex.compile(r"\p{Han}")
_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")
_RUNNING_PUNCT = regex.compile(r"[，,。；;、]")


class Decision(NamedTuple):
    """The verdict on the break after content line ``prev`` (a line index)."""
    prev: int
    next: int
    join: bool
    p_join: float
    evidence: tuple[tuple[str, float], ...]   # (feature, contribution), strongest first


@lru_cache(maxsize=1)
def model() -> dict:
    """Feature weights and bias, from ``data/breaks.json``."""
    text = resources.files("cleaner").joinpath("data/breaks.json").read_text(encoding="utf-8")
    return json.loads(text)


def ends_sentence(text: str) -> bool:
    """A sentence end, possibly followed by closing quotes or brackets.

    >>> ends_sentence("他说：“好。”"), ends_sentence("称号"), ends_sentence("（完）")
    (True, False, False)
    """
    t = text.rstrip(_STRIP)
    i = len(t)
    while i and t[i - 1] in CLOSERS:
        i -= 1
    return i > 0 and t[i - 1] in SENTENCE_FINAL


def open_brackets(text: str, depth: int = 0) -> int:
    """Brackets and quotes opened and not yet closed (never below zero).

    >>> open_brackets("新报讯(北方新报正"), open_brackets("（完）")
    (1, 0)
    """
    for ch in text:
        if ch in OPENERS:
            depth += 1
        elif ch in _CLOSER_OF and depth:
            depth -= 1
    return depth


def heading_like(text: str, typical: float) -> bool:
    """Short, and free of the commas and full stops running text has.

    >>> heading_like("发展先进的侦察预警装备", 80), heading_like("范文亮说，相", 80)
    (True, False)
    """
    return len(text) <= 40 and len(text) < 0.6 * typical and not _RUNNING_PUNCT.search(text)


def features(prev: str, nxt: str, *, depth: int, prev_alone: bool, extra_blanks: int,
             typical: float, next_next: str | None) -> dict[str, float]:
    """The evidence about the break between ``prev`` and ``nxt`` (stripped lines).

    ``depth`` counts brackets left open in the block so far, ``prev_alone``
    says the previous line starts a block (the break before it was kept),
    ``typical`` is the page's median line length.
    """
    last, first = prev[-1], nxt[0]
    f: dict[str, float] = {}
    sentence = ends_sentence(prev)
    if sentence:
        f["prev_ends_sentence"] = 1
    elif last in CLAUSE_FINAL:
        f["prev_ends_clause"] = 1
    elif last in OPENERS:
        f["prev_ends_opener"] = 1
    elif last in CLOSERS:
        f["prev_ends_closer"] = 1
    elif _HAN.match(last):
        f["prev_ends_han"] = 1
    elif _LATIN_OR_DIGIT.match(last):
        f["prev_ends_alnum"] = 1
    if first in NO_LINE_START:
        f["next_starts_closing"] = 1
    if depth:
        f["open_bracket"] = 1
    if metadata.LIST_MARKER.match(nxt):
        f["next_list_item"] = 1
    if metadata.starts_with_byline(nxt):
        f["next_byline"] = 1
    if prev_alone and not open_brackets(prev) and metadata.starts_with_byline(prev):
        f["prev_byline"] = 1
    if metadata.is_credit(prev):
        f["prev_credit"] = 1
    if not depth and heading_like(prev, typical) and not sentence:
        f["prev_heading_like"] = 1
        if prev_alone:
            f["prev_alone_heading"] = 1
    if extra_blanks > 0:
        f["extra_blanks"] = 1
    if not sentence and last not in CLAUSE_FINAL:
        w = words.word_across(prev, nxt)
        if w:
            f["word_across"] = w / 5
    if _LATIN_OR_DIGIT.match(last) and _LATIN_OR_DIGIT.match(first):
        f["alnum_across"] = 1
    if next_next is not None and heading_like(nxt, typical) and not ends_sentence(nxt) \
            and metadata.starts_with_byline(next_next):
        f["next_is_headline"] = 1
    return f


def decide(lines: Sequence[str], content: Sequence[int], blanks: Sequence[int]) -> list[Decision]:
    """Decisions for the breaks between consecutive content lines.

    ``lines`` holds every line of the page (cleaned of controls and width
    forms), ``content`` the indices of non-blank ones, ``blanks[k]`` the
    number of blank lines between ``content[k]`` and ``content[k + 1]``.
    """
    weights = model()["weights"]
    bias = model()["bias"]
    stripped = [lines[i].strip(_STRIP) for i in content]
    if not stripped:
        return []
    typical = median(len(s) for s in stripped) or 1
    base = min(blanks) if blanks else 0
    out: list[Decision] = []
    depth = 0
    alone = True
    for k in range(len(content) - 1):
        prev, nxt = stripped[k], stripped[k + 1]
        depth = open_brackets(prev, depth)
        f = features(prev, nxt, depth=depth, prev_alone=alone, extra_blanks=blanks[k] - base,
                     typical=typical, next_next=stripped[k + 2] if k + 2 < len(stripped) else None)
        contrib = [(name, weights.get(name, 0.0) * v) for name, v in f.items()]
        z = bias + sum(c for _, c in contrib)
        p = 1 / (1 + math.exp(-z))
        join = p >= 0.5
        contrib.sort(key=lambda c: -abs(c[1]))
        out.append(Decision(content[k], content[k + 1], join, p, tuple(contrib)))
        if not join:
            depth = 0
        alone = not join
    return out
