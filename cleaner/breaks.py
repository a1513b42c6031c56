"""Join or break: decide, for each pair of neighbouring raw lines, whether the
line break between them is layout (join the lines) or a real paragraph end.

The decision weighs evidence, each kind a named feature (:data:`FEATURES`
lists them all): how the first line ends (sentence end, clause punctuation,
an open bracket), how the next one starts (closing punctuation, a list
marker, a byline, a news lead), bracket balance over the block so far, line
lengths relative to the page (a width-wrapped page makes a layout-broken
line full), whether the join completes a dictionary word or a character
pair the file itself uses inside its lines, how likely each edge character
is to begin or end a word (jieba's character model), whether the first line
stands alone like a headline, and blank lines beyond the page's usual gap.

A logistic model over these features (weights in ``data/breaks.json``,
trained by ``bench/train_breaks.py``) turns them into the probability of a
join. Two typesetting rules are not weighed but obeyed: a line never starts
with closing punctuation and never ends right after an opening bracket or
quote, so such a break is always layout. Lines are decided left to right,
since bracket balance and a block's length depend on the joins made so far.
:func:`decide` returns every decision with the evidence behind it, which
``cleaner explain`` prints.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterator, NamedTuple, Sequence

import regex

from . import metadata, words
from .chars import CLAUSE_FINAL, CLOSERS, NO_LINE_START, OPENERS, PAIRS, SENTENCE_FINAL

_STRIP = " \t\u3000\u00a0"
_CLOSER_OF = {v: k for k, v in PAIRS.items()}
_BRACKETS = regex.compile("[" + regex.escape("".join(OPENERS) + "".join(_CLOSER_OF)) + "]")
_HAN = regex.compile(r"\p{Han}")
_ALNUM = regex.compile(r"[A-Za-z0-9]")
_LATIN = regex.compile(r"[A-Za-z]")
#: Columns: two runs of two or more spaces inside a line.
_TABLE = regex.compile(r"\S(?:[ \t\u3000]{2,}\S+){2}")
_INNER_SPACE = regex.compile(r"\S[ \t\u3000]+\S")
_RUNNING_PUNCT = regex.compile(r"[，,。；;、]")
_COLON = frozenset("：:")
#: A news lead opens with when it happened: a date, a time word, or 据/记者.
_LEAD = regex.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年|\d{1,2}日[上下凌晚早中午傍夜]"
    r"|(?:昨|今|前)(?:天|日|晚|年)|(?:近|日前|目前|上周|本周|上月|本月|当天|当日|此前|日前)"
    r"|据(?:了解|悉|介绍|报道|统计)|记者(?:从|获悉|了解|近日|日前))")
#: Punctuation that ends a clause or stands between clauses.
_ANY_PUNCT = regex.compile(r"[，,。；;、：:！!？?…（）()“”《》\s]")
#: What may follow a digit inside one number or quantity (units, measure
#: words, dates and times): a line ending in a digit before one of these
#: was broken by layout.
_NUMBER_GOES_ON = frozenset("年月日时点分秒号个万亿千百十元角岁名人次件架辆吨米里天周位家只座所度倍期届级条项亩户%.．:：-~～")
#: How far (characters) either side of a break the file is searched for the
#: character pair or triple the join would make.
SELF_WINDOW = 3000
#: The contribution shown for a break the typesetting rules decide.
RULE_WEIGHT = 30.0
#: Lines of at most this many characters may be headlines or sub-headings.
HEADING_MAX = 40


#: Every feature of the break model, and what it says, in words. Pairs
#: (``a*b``) mean both at once. Word classes are jieba's parts of speech,
#: grouped (see :data:`words.WORD_CLASSES`).
FEATURES = {
    "end_sentence": "the first line ends a sentence (。！？…, maybe then a closing quote or bracket)",
    "end_clause": "the first line ends with clause punctuation (，、；), so the sentence goes on",
    "end_colon": "the first line ends with a colon",
    "end_closer": "the first line ends with a closing bracket or quote, no sentence end before it",
    "end_han": "the first line ends on a Chinese character, with no punctuation",
    "end_alnum": "the first line ends on a Latin letter or digit",
    "end_other": "the first line ends on some other symbol (a dash, a slash …)",
    "end_han_x_ended": "ends on a character, weighted by the page's share of lines that end sentences",
    "end_alnum_x_ended": "ends on a letter or digit, weighted by the page's share of sentence ends",
    "end_other_x_ended": "ends on a symbol, weighted by the page's share of sentence ends",
    "end_han_x_alone": "ends on a character and stands alone (the break before it was kept)",
    "end_alnum_x_alone": "ends on a letter or digit and stands alone",
    "end_other_x_alone": "ends on a symbol and stands alone",
    "len_le6": "the first line has at most 6 characters",
    "len_le12": "the first line has 7-12 characters",
    "len_le20": "the first line has 13-20 characters",
    "len_le40": "the first line has 21-40 characters",
    "len_long": "the first line has more than 40 characters",
    "prev_heading_like": "the first line is short and free of running-text punctuation, like a heading",
    "prev_alone_heading": "... and stands alone (the break before it was kept), like a headline",
    "prev_first_heading": "... and is the first line of the page",
    "prev_list_heading": "the first line is a list marker and a short head (一、完善基础设施)",
    "heading_pair": "both lines are short and unpunctuated (a list, a table, a headline and its kicker)",
    "heading_inner_space": "the short first line has a space between two parts, like a two-part headline",
    "prev_full": "the page is wrapped at a fixed width and the first line is full",
    "prev_not_full": "the page is wrapped at a fixed width and the first line stops short",
    "sentence_x_full": "a full line that ends a sentence",
    "prev_rel_short": "the first line is under a third of the page's median line length",
    "next_opener": "the next line starts with an opening bracket or quote",
    "next_alnum": "the next line starts with a Latin letter or digit",
    "next_list_item": "the next line starts like a list item (一、 1. （1）…)",
    "next_byline": "the next line starts like a byline or dateline, or is a credit",
    "next_lead": "the next line opens like a news lead (a date, 日前, 据了解 …)",
    "next_short_tail": "the next line is short and ends a sentence, like a paragraph's last line",
    "next_heading_like": "the next line is short and unpunctuated, like a heading",
    "next_is_headline": "the next line looks like a headline: short, and a byline follows it",
    "open_bracket": "a bracket or quote opened in this block is still open, so the text inside goes on",
    "prev_byline": "the first line is a byline or dateline standing alone",
    "prev_credit": "the first line is a credit line (记者 X 摄, 摄影/…, （责任编辑：…）)",
    "long_block_sentence": "the block is already long and the first line ends a sentence",
    "word_across": "joining completes a dictionary word across the break (log frequency / 5)",
    "segment_inside": "the likeliest segmentation of the text around the join runs a word across it",
    "segment_boundary": "the likeliest segmentation puts a word boundary at the join",
    "han_inside_word": "jieba's character model: the two characters tend to sit inside one word",
    "self_pair": "the two characters either side of the join occur together elsewhere in the file",
    "self_triple": "three characters across the join occur together elsewhere in the file",
    "clause_le12": "the join would make a clause of at most 12 characters without punctuation",
    "clause_le24": "... of 13-24 characters",
    "clause_le40": "... of 25-40 characters",
    "clause_long": "... of more than 40 characters, long for one clause",
    "dateline_across": "joining completes a dateline (新华社乌鲁木齐1月2 + 5日电)",
    "number_across": "a number cut in two, or a number and its unit (早上6 + 点40分)",
    "latin_across": "letters on both sides: a Latin word cut in two",
    "alnum_across": "letters or digits on both sides",
    "prev_table": "the first line has columns (runs of spaces), like a table row",
    "next_table": "the next line has columns, like a table row",
    "extra_blanks": "more blank lines than the page's usual gap",
    "fewer_blanks": "fewer blank lines than the page's usual gap",
    **{f"next_{c}": f"the next line starts with a word of class {c} (jieba)"
       for c in ("particle", "conj", "adverb", "prep", "pronoun", "time", "number", "place", "name")},
    **{f"sent_next_{c}": f"after a sentence end, the next line starts with a word of class {c}"
       for c in ("particle", "conj", "adverb", "prep", "pronoun", "time", "number", "place", "name")},
    **{f"prev_{c}": f"the first line ends with a word of class {c} (jieba)"
       for c in ("particle", "conj", "adverb", "prep", "pronoun", "time", "number", "place", "name")},
    "typesetting_rule": "no line starts with closing punctuation or ends after an opening bracket",
}


class Decision:
    """The verdict on the break after content line ``prev`` (a line index).

    ``evidence`` is ``((feature, contribution), ...)``, strongest first; it
    is worked out from the features only when asked for (``cleaner
    explain``), which keeps cleaning fast.
    """
    __slots__ = ("prev", "next", "join", "p_join", "_evidence", "_features")

    def __init__(self, prev: int, next: int, join: bool, p_join: float,
                 evidence: tuple[tuple[str, float], ...] | None = None,
                 features: dict[str, float] | None = None):
        self.prev, self.next, self.join, self.p_join = prev, next, join, p_join
        self._evidence, self._features = evidence, features

    @property
    def evidence(self) -> tuple[tuple[str, float], ...]:
        if self._evidence is None:
            self._evidence = contributions(self._features or {})
        return self._evidence

    def __repr__(self) -> str:
        return (f"Decision(prev={self.prev}, next={self.next}, join={self.join}, "
                f"p_join={self.p_join:.3f}, evidence={self.evidence[:4]}...)")


class PageStats(NamedTuple):
    """What is true of the whole page, against which each line is judged."""
    median: float        # median line length
    width: float         # the length of a full line on a width-wrapped page, else 0
    gap: int             # the usual number of blank lines between two lines
    ended: float         # share of lines that end a sentence
    text: str            # the content lines joined by "\n" (for self-statistics)
    starts: list[int]    # where each content line starts in ``text``


class BlockState(NamedTuple):
    """The block the previous line belongs to, as decided so far."""
    depth: int = 0       # brackets opened and not closed
    lines: int = 1       # lines in the block
    chars: int = 0       # characters in the block


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

    >>> open_brackets("新报讯(北方新报正"), open_brackets("（完）"), open_brackets("“好”）", 1)
    (1, 0, 0)
    """
    for m in _BRACKETS.finditer(text):
        if m.group() in OPENERS:
            depth += 1
        elif depth:
            depth -= 1
    return depth


def heading_like(text: str, typical: float = 80) -> bool:
    """Short, and free of the commas and full stops running text has.

    >>> heading_like("发展先进的侦察预警装备"), heading_like("范文亮说，相")
    (True, False)
    """
    return len(text) <= HEADING_MAX and len(text) < max(0.6 * typical, 24) \
        and not _RUNNING_PUNCT.search(text)


def page_stats(texts: Sequence[str], blanks: Sequence[int]) -> PageStats:
    """Line lengths, the usual gap and the share of sentence ends of a page."""
    lengths = sorted(len(t) for t in texts)
    n = len(lengths)
    median = lengths[n // 2] if n else 1
    gap = usual_gap(blanks)
    ended = sum(map(ends_sentence, texts)) / n if n else 0.0
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    return PageStats(median or 1, full_width(lengths), gap, ended, "\n".join(texts), starts)


def usual_gap(blanks: Sequence[int]) -> int:
    """The commonest number of blank lines between two lines (the smaller on a tie).

    >>> usual_gap([1, 1, 3, 1]), usual_gap([0, 0, 1]), usual_gap([3, 1]), usual_gap([])
    (1, 0, 1, 0)
    """
    if not blanks:
        return 0
    return min(set(blanks), key=lambda b: (-blanks.count(b), b))


def full_width(lengths: Sequence[int]) -> float:
    """The length of a full line, when the page is wrapped at a fixed width.

    A width-wrapped page has a cluster of lines within a few characters of
    one length (every line but a paragraph's last), with few lines above it
    (headlines, unwrapped lines); lines broken at random, or only at
    paragraph ends, spread out. 0 when the page does not look width-wrapped.

    >>> full_width([30, 31, 29, 30, 12, 30, 28, 31, 5, 30])
    31
    >>> full_width([80, 12, 230, 51, 7, 160, 95, 33])
    0
    """
    n = len(lengths)
    if n < 5:
        return 0
    xs = sorted(lengths)
    best, best_count = 0, 0
    lo = 0
    for hi, x in enumerate(xs):     # windows [x - tol, x] over the sorted lengths
        tol = max(2, int(0.08 * x))
        while xs[lo] < x - tol:
            lo += 1
        if hi - lo + 1 >= best_count:
            best, best_count = x, hi - lo + 1
    above = n - bisect_right(xs, best + max(2, int(0.08 * best)))
    if best >= 8 and best_count >= max(3, 0.25 * n) and above <= 0.15 * n:
        return best
    return 0


def _end_class(prev: str, sentence: bool) -> str:
    last = prev[-1]
    if sentence:
        return "end_sentence"
    if last in _COLON:
        return "end_colon"
    if last in CLAUSE_FINAL:
        return "end_clause"
    if last in CLOSERS:
        return "end_closer"
    if _HAN.match(last):
        return "end_han"
    if _ALNUM.match(last):
        return "end_alnum"
    return "end_other"


def _length_class(n: int) -> str:
    if n <= 6:
        return "len_le6"
    if n <= 12:
        return "len_le12"
    if n <= 20:
        return "len_le20"
    if n <= HEADING_MAX:
        return "len_le40"
    return "len_long"


def _self_pair(page: PageStats, k: int, prev: str, nxt: str) -> str | None:
    """Does the file use, inside its lines, the characters the join makes?

    ``self_triple`` when three characters across the join occur elsewhere,
    ``self_pair`` when only the two at the join do.
    """
    at = page.starts[k + 1]
    lo, hi = max(0, at - SELF_WINDOW), at + SELF_WINDOW
    text = page.text
    if text.find(prev[-1] + nxt[0], lo, hi) < 0:
        return None
    if (len(prev) > 1 and text.find(prev[-2:] + nxt[0], lo, hi) >= 0) or \
            (len(nxt) > 1 and text.find(prev[-1] + nxt[:2], lo, hi) >= 0):
        return "self_triple"
    return "self_pair"


def _clause_class(prev: str, nxt: str) -> str:
    """How long the clause the join would make is: a headline plus the first
    clause of a lead make an unusually long stretch without punctuation."""
    m = _ANY_PUNCT.search(prev[:-41:-1])      # the last 40 characters, reversed
    tail = m.start() if m else min(len(prev), 40)
    m = _ANY_PUNCT.search(nxt)
    head = m.start() if m else len(nxt)
    n = tail + head
    return "clause_le12" if n <= 12 else "clause_le24" if n <= 24 else \
        "clause_le40" if n <= 40 else "clause_long"


def _dateline_across(prev: str, nxt: str) -> bool:
    """Does the join complete a dateline (``新华社乌鲁木齐1月2`` + ``5日电``)?"""
    m = metadata.match_dateline(prev + nxt[:40])
    return m is not None and m.end() > len(prev)


class LineFacts(NamedTuple):
    """What one line says about the breaks either side of it, worked out
    once per line (each line is the first of one break and the second of
    another)."""
    sentence: bool           # ends a sentence
    end: str                 # class of its last character
    length: str              # class of its length
    unpunctuated: bool       # no comma, full stop, semicolon or 、
    list_heading: bool       # a list marker, then a short unpunctuated head
    list_item: bool          # opens with a list marker
    byline: bool             # opens with a dateline, or is a byline or credit
    credit: bool             # is a credit line
    lead: bool               # opens like a news lead
    first: str               # "opener", "alnum" or ""
    short_tail: bool         # a short line ending a sentence
    heading: bool            # short and unpunctuated, relative to the page
    first_class: str | None  # word class of its first word
    table: bool              # columns separated by runs of spaces
    inner_space: bool        # a space between two parts


def _has_columns(text: str) -> bool:
    """Two runs of two or more spaces inside the line (a table row)."""
    return ("  " in text or "\t" in text or "\u3000\u3000" in text or " \u3000" in text
            or "\u3000 " in text) and bool(_TABLE.search(text))


def line_facts(text: str, page: PageStats) -> LineFacts:
    """The facts about one stripped, non-empty line."""
    sentence = ends_sentence(text)
    m = metadata.LIST_MARKER.match(text)
    head = text[:80]
    first = text[0]
    return LineFacts(
        sentence=sentence,
        end=_end_class(text, sentence),
        length=_length_class(len(text)),
        unpunctuated=not _RUNNING_PUNCT.search(text),
        list_heading=bool(m) and len(text) <= HEADING_MAX and not _RUNNING_PUNCT.search(text, m.end()),
        list_item=bool(m),
        byline=metadata.starts_with_byline(head),
        credit=metadata.is_credit(text),
        lead=bool(_LEAD.match(head)),
        first="opener" if first in OPENERS else "alnum" if _ALNUM.match(first) else "",
        short_tail=sentence and len(text) < min(HEADING_MAX, 0.5 * page.median + 4),
        heading=not sentence and heading_like(text, page.median),
        first_class=words.first_word_class(text),
        table=_has_columns(text),
        inner_space=(" " in text or "\u3000" in text or "\t" in text) and bool(_INNER_SPACE.search(text)),
    )


def features(texts: Sequence[str], blanks: Sequence[int], k: int, page: PageStats,
             state: BlockState, facts: Sequence[LineFacts]) -> dict[str, float]:
    """The evidence about the break after ``texts[k]`` (stripped content lines).

    ``state`` describes the block ``texts[k]`` ends, as decided so far;
    ``facts[i]`` are the facts of ``texts[i]`` (see :func:`line_facts`).
    """
    prev, nxt = texts[k], texts[k + 1]
    a, b = facts[k], facts[k + 1]
    f: dict[str, float] = {}
    sentence = a.sentence
    end = a.end
    f[end] = 1
    heading = len(prev) <= HEADING_MAX and not sentence and state.depth == 0 and a.unpunctuated
    alone = state.lines == 1
    f[a.length] = 1
    if heading:
        f["prev_heading_like"] = 1
        if alone:
            f["prev_alone_heading"] = 1
            if k == 0:
                f["prev_first_heading"] = 1
    if end in ("end_han", "end_alnum", "end_other"):
        f[end + "_x_ended"] = page.ended
        if alone:
            f[end + "_x_alone"] = 1

    # where the line stops, relative to the page
    if page.width:
        if len(prev) >= page.width - max(3, 0.1 * page.width):
            f["prev_full"] = 1
            if sentence:
                f["sentence_x_full"] = 1
        else:
            f["prev_not_full"] = 1
    elif len(prev) < 0.35 * page.median:
        f["prev_rel_short"] = 1

    # how the next line starts
    if b.first:
        f["next_" + b.first] = 1
    if b.list_item:
        f["next_list_item"] = 1
    if b.byline:
        f["next_byline"] = 1
    if b.lead:
        f["next_lead"] = 1
    if b.short_tail:
        f["next_short_tail"] = 1
    if b.heading:
        f["next_heading_like"] = 1
        if heading:
            f["heading_pair"] = 1
        if k + 2 < len(texts) and facts[k + 2].byline:
            f["next_is_headline"] = 1

    # the block so far
    if state.depth:
        f["open_bracket"] = 1
    elif alone:
        if a.byline:
            f["prev_byline"] = 1
        if a.list_heading and not sentence:
            f["prev_list_heading"] = 1
    if a.credit:
        f["prev_credit"] = 1
    if state.chars > 2 * page.median and sentence:
        f["long_block_sentence"] = 1

    # words, numbers, datelines and clauses across the join
    last, first = prev[-1], nxt[0]
    if not sentence and last not in CLAUSE_FINAL:
        w, boundary = words.join_evidence(prev, nxt)
        if w:
            f["word_across"] = w / 5
        f[_clause_class(prev, nxt)] = 1
        if len(prev) <= 30 and _dateline_across(prev, nxt):
            f["dateline_across"] = 1
        if last.isdigit() and (first in _NUMBER_GOES_ON or first.isdigit()):
            f["number_across"] = 1
        elif end == "end_alnum" and b.first == "alnum":
            f["latin_across" if _LATIN.match(last) and _LATIN.match(first) else "alnum_across"] = 1
        elif end == "end_han" and _HAN.match(first):
            f["han_inside_word"] = words.inside_word(last, first)
            f["segment_boundary" if boundary else "segment_inside"] = 1
            pair = _self_pair(page, k, prev, nxt)
            if pair:
                f[pair] = 1

    # word classes at the edges (jieba's part-of-speech tags)
    if b.first_class:
        f[("sent_next_" if sentence else "next_") + b.first_class] = 1
    if not sentence and end != "end_clause" and end != "end_colon":
        cls = words.last_word_class(prev)
        if cls:
            f["prev_" + cls] = 1

    # spaces inside lines: tables, and headlines in two parts
    if a.table:
        f["prev_table"] = 1
    elif heading and a.inner_space:
        f["heading_inner_space"] = 1
    if b.table:
        f["next_table"] = 1

    # blank lines, relative to the page's usual gap
    if blanks[k] > page.gap:
        f["extra_blanks"] = 1
    elif blanks[k] < page.gap:
        f["fewer_blanks"] = 1
    return f


def hard_join(prev: str, nxt: str) -> bool:
    """Typesetting rules: no line starts with closing punctuation, and none
    ends right after an opening bracket or quote.

    >>> hard_join("他说：“", "好。”"), hard_join("是", "，也是"), hard_join("好。", "他说")
    (True, True, False)
    """
    return nxt[0] in NO_LINE_START or prev[-1] in OPENERS


@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[tuple[str, float, str], ...]]:
    """Pair weights indexed by their first feature: a -> ((b, weight, "a*b"), ...)."""
    out: dict[str, list] = {}
    for name, w in model().get("pairs", {}).items():
        a, b = name.split("*")
        out.setdefault(a, []).append((b, w, name))
    return {a: tuple(v) for a, v in out.items()}


@lru_cache(maxsize=1)
def _weighed() -> dict[str, tuple[float, tuple[tuple[str, float, str], ...]]]:
    """Feature -> (its weight, its pairs): one lookup per feature."""
    weights = model()["weights"]
    pairs = _pairs()
    return {n: (weights.get(n, 0.0), pairs.get(n, ())) for n in set(weights) | set(pairs)}


def p_join(f: dict[str, float]) -> float:
    """p(join) under the model: features and the pairs of them it weighs."""
    weighed = _weighed()
    z = model()["bias"]
    for a, v in f.items():
        w, pairs = weighed.get(a, _UNWEIGHED)
        z += w * v
        for b, pw, _ in pairs:
            if b in f:
                z += pw * v * f[b]
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


_UNWEIGHED = (0.0, ())


def contributions(f: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """Each feature's (or pair's) contribution to the log-odds of a join,
    strongest first, zeros left out."""
    weights = model()["weights"]
    out = [(name, weights.get(name, 0.0) * v) for name, v in f.items()]
    pairs = _pairs()
    for a, v in f.items():
        for b, w, name in pairs.get(a, ()):
            if b in f:
                out.append((name, w * v * f[b]))
    out = [c for c in out if c[1]]
    out.sort(key=lambda c: -abs(c[1]))
    return tuple(out)


def score(f: dict[str, float]) -> tuple[float, tuple[tuple[str, float], ...]]:
    """p(join) and the evidence behind it."""
    return p_join(f), contributions(f)


def walk(texts: Sequence[str], blanks: Sequence[int],
         choose: Callable[[int, dict[str, float] | None], bool]) -> Iterator[tuple[int, dict | None, bool]]:
    """Visit each break left to right with its features and the block state.

    ``choose(k, features)`` says whether break ``k`` is joined (features is
    None for a break the typesetting rules decide); the block state follows
    those choices. Yields ``(k, features, join)``.
    """
    if len(texts) < 2:
        return
    page = page_stats(texts, blanks)
    facts = [line_facts(t, page) for t in texts]
    state = BlockState(open_brackets(texts[0]), 1, len(texts[0]))
    for k in range(len(texts) - 1):
        prev, nxt = texts[k], texts[k + 1]
        f = None if hard_join(prev, nxt) else features(texts, blanks, k, page, state, facts)
        join = choose(k, f)
        yield k, f, join
        if join:
            state = BlockState(open_brackets(nxt, state.depth), state.lines + 1, state.chars + len(nxt))
        else:
            state = BlockState(open_brackets(nxt), 1, len(nxt))


def decide(lines: Sequence[str], content: Sequence[int], blanks: Sequence[int]) -> list[Decision]:
    """Decisions for the breaks between consecutive content lines.

    ``lines`` holds every line of the page (cleaned of controls and width
    forms), ``content`` the indices of non-blank ones, ``blanks[k]`` the
    number of blank lines between ``content[k]`` and ``content[k + 1]``.
    """
    texts = [lines[i].strip(_STRIP) or lines[i] for i in content]
    threshold = model().get("threshold", 0.5)
    out = []
    rule = (("typesetting_rule", RULE_WEIGHT),)

    def choose(k: int, f: dict[str, float] | None) -> bool:
        if f is None:
            out.append(Decision(content[k], content[k + 1], True, 1.0, rule))
            return True
        p = p_join(f)
        out.append(Decision(content[k], content[k + 1], p >= threshold, p, None, f))
        return p >= threshold

    for _ in walk(texts, blanks, choose):
        pass
    return out
