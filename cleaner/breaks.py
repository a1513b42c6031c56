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
join. A few rules are not weighed but obeyed: :func:`certain_join` joins
what is never cut (a line never starts with closing punctuation or ends right
after an opening bracket or quote; a number is not cut at its decimal point
or a range at its dash; a name is not cut after its surname under a title; a
paragraph is never one character; an amount or a date is not cut from the
word that takes it), and :func:`_alone_after` keeps apart what stands alone
(a byline so completed, a label, names under a headline, a short heading
after a wide gap). Lines are decided left to right,
since bracket balance and a block's length depend on the joins made so far.
:func:`decide` returns every decision with the evidence behind it, which
``cleaner explain`` prints.

:func:`walk` and :func:`p_join` are the model's definition (training uses
them). :func:`decide` reaches the same decisions an order of magnitude
fewer operations per break: what each line says is worked out in bulk, once
per page (:class:`PageLines`); the model is compiled into memoised terms
looked up by the facts they come from (:class:`_Compiled`), so no feature
dict is built; and the costliest facts (bylines and credits, the file's own
use of the characters across a join, the word segmentation) are worked out
only where the model's bounds say they could change the decision. A
decision's evidence and p(join) are worked out from :func:`features` when
asked for. ``bench/equivalence.py`` checks that not one decision changes.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import mul as _mul
from importlib import resources
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

import regex

from . import metadata, words
from .chars import CLAUSE_FINAL, CLOSERS, NO_LINE_START, OPENERS, PAIRS, SENTENCE_FINAL
from .page import line_starts

_STRIP = " \t\u3000\u00a0"
#: The last characters of a line :func:`closes_sentence` may say more of than ``SENTENCE_FINAL``.
_CLOSING_LAST = CLOSERS | {"摄"}
_CLOSER_OF = {v: k for k, v in PAIRS.items()}
_BRACKETS = regex.compile("[" + regex.escape("".join(OPENERS) + "".join(_CLOSER_OF)) + "]")
_HAN = regex.compile(r"\p{Han}")
_ALNUM = regex.compile(r"[A-Za-z0-9]")
_LATIN = regex.compile(r"[A-Za-z]")
#: Columns: two runs of two or more spaces inside a line.
_TABLE = regex.compile(r"\S(?:[ \t\u3000]{2,}\S+){2}")
_INNER_SPACE = regex.compile(r"\S[ \t\u3000]+\S")
_RUNNING_PUNCT = re.compile(r"[，,。；;、]")
_COLON = frozenset("：:")
#: A semicolon ends list items as well as clauses, so it weighs apart from the comma.
_SEMICOLON = frozenset("；;")
#: A news lead opens with when it happened: a date, a time word, or 据/记者.
_LEAD = regex.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年|\d{1,2}日[上下凌晚早中午傍夜]"
    r"|(?:昨|今|前)(?:天|日|晚|年)|(?:近|日前|目前|上周|本周|上月|本月|当天|当日|此前|日前)"
    r"|据(?:了解|悉|介绍|报道|统计)|记者(?:从|获悉|了解|近日|日前))")
#: Punctuation that ends a clause or stands between clauses, and white
#: space (Unicode's, spelled out: the standard library's ``\s`` also takes
#: the separators \x1c-\x1f; its ``re`` costs a third of ``regex`` per call).
_ANY_PUNCT = re.compile("[，,。；;、：:！!？?…（）()“”《》\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
#: What may follow a digit inside one number or quantity (units, measure
#: words, dates and times): a line ending in a digit before one of these
#: was broken by layout.
_NUMBER_GOES_ON = frozenset("年月日时点分秒号个万亿千百十元角岁名人次件架辆吨米里天周位家只座所度倍期届级条项亩户"
                            "厘毫公克升斤平场轮页%.．:：-~～")
#: How far (characters) either side of a break the file is searched for the
#: character pair or triple the join would make.
SELF_WINDOW = 3000
#: The contribution shown for a break a rule of :func:`certain_join` decides.
RULE_WEIGHT = 30.0
#: Lines of at most this many characters may be headlines or sub-headings.
HEADING_MAX = 40


#: Every feature of the break model, and what it says, in words. Pairs
#: (``a*b``) mean both at once. Word classes are jieba's parts of speech,
#: grouped (see :data:`words.WORD_CLASSES`).
FEATURES = {
    "end_sentence": "the first line ends a sentence (。！？…, maybe then a closing quote or bracket)",
    "end_clause": "the first line ends with a comma (，、), so the sentence goes on",
    "end_semicolon": "the first line ends with a semicolon, as list items and clauses do",
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
    "number_cut": "a number cut at its decimal point, a range at its dash, a score at its colon or a case "
                  "number before its serial (12. + 6公里, 2∶ + 0, （2026）京0105刑初 + 1234号)",
    "quantity_cut": "a clause cut right before its quantity (股价累计下跌 + 21.3%，…, 同比增长 + 近40%。, a turn's "
                    "first words 卢慧敏：全市 + 186所…): a paragraph may open with a date, not with an amount that "
                    "runs on into the clause",
    "name_cut": "a name cut after its surname, under a staff title, credit role or job title (本报记者 韩 + 冰), "
                "or the first of two names in a byline cut before its last character (通讯员 林晓 + 燕 何志勇)",
    "lone_character": "a line of one Chinese character that completes a word or a byline with the line before "
                      "(咨询热 + 线, 本报记者 肖雨 + 欣) and opens none with the line after: no paragraph is one character",
    "short_tail": "a line of at most four characters that ends a sentence, under a line ending on a Chinese "
                  "character, closes that line's sentence (原型是 + 谁？)",
    "date_cut": "a date cut from the word that takes it (截至 + 2025年底, 预计 + 2027年底前), or a month from its "
                "day (2022年1月 + 31日)",
    "unit_cut": "a number in running text cut from its unit or its Latin suffix (今年26 + 岁，…, 0771-5 + "
                "5512345, 医院5 + G远程会诊): a paragraph opens with no unit",
    "speech_cut": "a speaker cut from the verb that introduces the speech (旅长韩卫东 + 介绍，…, 负责人 + 表示，…)",
    "lead_cut": "a lead's first words cut after its dateline or feed (本报讯 昨日上午 + 10时18分，…, "
                "新华社广州4月20日电 记者 + 从…), or a dated lead before its first sentence ends (9月17日晚，"
                "市民在江城 + 滨江公园…): the lead goes on",
    "byline_cut": "a byline or a photo credit cut inside, its outlet, role or bracket on both lines (新报讯 + "
                  "（某城新报记者 X）…, 新报讯（某城 + 新报正某城网记者 X）…, 摄影/某城新 + 报正某城网记者 X): the joined "
                  "line names its people, the first alone does not",
    "address_cut": "an e-mail or web address cut in two (txzk_zheng + wen@163.com, www.tong + xi.gov.cn)",
    "bracket_cut": "a bracketed line cut before its closing bracket ((本报特约通讯员 马骁 通讯员 蔡文 + 博))",
    "operator_cut": "a line ending on a plus sign, which joins what stands on either side (“港口+ + 班列”多式联运)",
    "frame_cut": "a clause opened by 据 or 由 cut before the word that closes it (据某市住房和城乡 + 建设局统计，…, "
                 "本次大赛由市 + 总工会…联合主办)",
    "headline_cut": "a headline cut after its inner ！ or ？ (高温橙色预警！ + 某市最高气温将达38℃), under a "
                    "sentence's end or at the page's top and over a byline line: one headline",
    "lone_opening": "a line of one Chinese character that opens a word or a name with the long line after it "
                    "(李 + 晓梅遗失…, a drop cap 近 + 日，…): no paragraph is one character",
    "byline_alone": "a byline or credit line, or a field line of names, completed by a name cut, a lone "
                    "character or the rest of a cut credit stands alone (本报记者 韩 + 冰 ¶ …, 坐诊专家：主任医师 郑丽 + 华 ¶ 问：…)",
    "dateline_opens": "a line opening with a dated or bracketed dateline or a feed (快报讯(…), 新华社北京9月1日电) "
                      "opens a lead, unless the line above makes a word with it",
    "qa_turn": "a question or an answer (问：…, 答：…) opens its own paragraph, unless the line above makes a "
               "word with it (回 + 答：)",
    "headline_amount": "a headline-shaped line completed by its amount alone (明年扩至 + 60岁), over a long line, "
                       "ends there",
    "label_alone": "a preface's label, a notice's heading or a column's label over a headline, alone on its "
                   "line (编 者 按, 讣告, 名医坐诊 ¶ 孩子反复咳嗽是不是过敏？), stands apart from the line under it",
    "names_alone": "a line of names alone (李思远) under a headline-shaped line and over a long one stands "
                   "apart: an opinion piece's signature, not the lead's first word",
    "heading_after_gap": "a short heading after more blank lines than usual, over a long line, with no word "
                         "across, stands alone (更正 ¶ …)",
}


class Decision:
    """The verdict on the break after content line ``prev`` (a line index).

    ``evidence`` is ``((feature, contribution), ...)``, strongest first, and
    ``p_join`` the model's probability of a join; both are worked out from
    the features only when asked for (``cleaner explain``), which keeps
    cleaning fast. ``source`` is what they are worked out from: the page,
    the break and the block state it was decided in (see
    :func:`_source_features`).
    """
    __slots__ = ("prev", "next", "join", "_p_join", "_evidence", "_features", "_source")

    def __init__(self, prev: int, next: int, join: bool, p_join: float | None = None,
                 evidence: tuple[tuple[str, float], ...] | None = None,
                 features: dict[str, float] | None = None,
                 source: tuple[PageLines, int, int, int, int] | None = None):
        self.prev, self.next, self.join, self._p_join = prev, next, join, p_join
        self._evidence, self._features, self._source = evidence, features, source

    @property
    def features(self) -> dict[str, float]:
        if self._features is None:
            self._features = _source_features(self._source) if self._source else {}
        return self._features

    @property
    def p_join(self) -> float:
        if self._p_join is None:
            self._p_join = p_join(self.features)
        return self._p_join

    @property
    def evidence(self) -> tuple[tuple[str, float], ...]:
        if self._evidence is None:
            self._evidence = contributions(self.features)
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


def closes_sentence(text: str) -> bool:
    """A sentence end (:func:`ends_sentence`), or a credit closing one
    (``图为…。记者 X 摄``, ``…。（编辑 王五）``): the line ends as a paragraph may.

    >>> closes_sentence("图为读书节现场。本报记者 张三 摄"), closes_sentence("他们正在拍摄")
    (True, False)
    """
    t = text.rstrip(_STRIP)
    return ends_sentence(t) or metadata.trailing_credit(t) < len(t)


def open_brackets(text: str, depth: int = 0) -> int:
    """Brackets and quotes opened and not yet closed (never below zero).

    >>> open_brackets("本报讯(某城晚报"), open_brackets("（完）"), open_brackets("“好”）", 1)
    (1, 0, 0)
    """
    for m in _BRACKETS.finditer(text):
        if m.group() in OPENERS:
            depth += 1
        elif depth:
            depth -= 1
    return depth


@lru_cache(maxsize=4096)        # a few shapes (“”, （）, 《》…) make up most lines
def bracket_effect(brackets: str) -> tuple[int, int]:
    """What a line's brackets (in order) do to the count of open ones, as
    ``(shift, floor)``: the count ``depth`` becomes ``max(depth + shift,
    floor)``. An opener adds one and a closer takes one away but never goes
    below zero; both steps have this form, and so has any run of them,
    which lets a line's effect be worked out once, whatever the count
    before it (:func:`open_brackets` gives the same counts).

    >>> bracket_effect("（（）"), bracket_effect("））（"), bracket_effect("")
    ((1, 1), (-1, 1), (0, 0))
    """
    shift = floor = 0
    for ch in brackets:
        if ch in OPENERS:
            shift, floor = shift + 1, floor + 1
        else:
            shift, floor = shift - 1, max(floor - 1, 0)
    return shift, floor


def heading_like(text: str, typical: float = 80) -> bool:
    """Short, and free of the commas and full stops running text has.

    >>> heading_like("发展先进的侦察预警装备"), heading_like("范文亮说，相")
    (True, False)
    """
    return len(text) <= HEADING_MAX and len(text) < max(0.6 * typical, 24) \
        and not _RUNNING_PUNCT.search(text)


def page_stats(texts: Sequence[str], blanks: Sequence[int],
               sentence: Sequence[bool] | None = None) -> PageStats:
    """Line lengths, the usual gap and the share of sentence ends of a page
    (``sentence[i]``: whether ``texts[i]`` ends a sentence, when known)."""
    lengths = sorted(map(len, texts))
    n = len(lengths)
    median = lengths[n // 2] if n else 1
    gap = usual_gap(blanks)
    if sentence is None:
        sentence = list(map(closes_sentence, texts))
    ended = sum(sentence) / n if n else 0.0
    text = "\n".join(texts)
    starts = line_starts(map(len, texts))
    # rows of a table are alike in length without being wrapped: they don't make a width
    rows = {i for i in _lines_holding(text, starts, _SPACES) if _TABLE_ROW.match(texts[i])}
    if rows:
        lengths = sorted(len(t) for i, t in enumerate(texts) if i not in rows)
    return PageStats(median or 1, full_width(lengths), gap, ended, text, starts)


#: A row of a table: a label, then two or more columns of figures (``上证指数 3245.67 +12.34 +0.38%``).
_TABLE_ROW = re.compile(r"^\S[^ \t\u3000]*(?:[ \t\u3000]+[-+]?\d[\d.,:/%]*){2,}$")


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
    # windows [x - tol, x] over the sorted lengths, one per length; the longer wins a tie
    tol = _TOLERANCE if xs[-1] < len(_TOLERANCE) else _tolerances(xs[-1])
    best_count, best = max((bisect_right(xs, x) - bisect_left(xs, x - tol[x]), x) for x in set(xs))
    above = n - bisect_right(xs, best + tol[best])
    if best >= 8 and best_count >= max(3, 0.25 * n) and above <= 0.15 * n:
        return best
    return 0


def _tolerances(longest: int) -> list[int]:
    """How much shorter than a full line of each length 0..``longest`` a
    line may be and still be full."""
    return [max(2, int(0.08 * x)) for x in range(longest + 1)]


_TOLERANCE = _tolerances(1023)


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
    m = _ANY_PUNCT.search(nxt, 0, 41)          # a longer head makes a long clause all the same
    head = m.start() if m else min(len(nxt), 41)
    n = tail + head
    return "clause_le12" if n <= 12 else "clause_le24" if n <= 24 else \
        "clause_le40" if n <= 40 else "clause_long"


def _dateline_across(prev: str, nxt: str) -> bool:
    """Does the join complete a dateline (``新华社乌鲁木齐1月2`` + ``5日电``)?"""
    text = prev + nxt[:40]
    if not metadata.may_open_byline(text):      # no dateline word: the cheap test first
        return False
    m = metadata.match_dateline(text)
    return m is not None and m.end() > len(prev)


# --- what each line says, worked out once per page ---------------------------------
class PrevFacts(NamedTuple):
    """What a line says about the break after it (it is the first line)."""
    end: str                 # class of its last character (a feature name)
    length: str              # class of its length (a feature name)
    width: str | None        # full or short on a width-wrapped page, or short for the page
    heading_shape: bool      # short, no sentence end, no running-text punctuation
    byline: bool             # opens with a dateline, or is a byline or credit
    list_heading: bool       # a list marker, then a short unpunctuated head
    credit: bool             # is a credit line
    table: bool              # columns separated by runs of spaces
    inner_space: bool        # heading-shaped, no columns, a space between two parts
    word_class: str | None   # class of its last word, when it ends on no punctuation


class NextFacts(NamedTuple):
    """What a line says about the break before it (it is the second line)."""
    first: str | None        # "next_opener" or "next_alnum" by its first character
    list_item: bool          # opens with a list marker
    byline: bool             # opens with a dateline, or is a byline or credit
    lead: bool               # opens like a news lead
    short_tail: bool         # a short line ending a sentence
    heading: bool            # short and unpunctuated, relative to the page
    word_class: str | None   # class of its first word
    table: bool              # columns separated by runs of spaces


class PageLines:
    """The content lines of a page and what each says about the breaks
    either side of it, worked out in bulk, once per page (each line is the
    first line of one break and the second of another).

    ``prev[i]`` and ``next[i]`` are line ``i``'s :class:`PrevFacts` and
    :class:`NextFacts` as plain tuples, ``prev_ids[i]`` and ``next_ids[i]``
    their numbers (interned, for the compiled model); ``sentence[i]``
    whether the line ends a sentence; ``brackets[i]`` its
    :func:`bracket_effect` (None without brackets); ``hard[k]`` the rule of
    :func:`certain_join` that joins the break after line ``k`` (None if
    none), ``alone[k]`` the rule that keeps it (:func:`_alone_after`).
    ``end``, ``first``, ``heading_shape``, ``heading`` and ``byline``
    repeat single facts.

    Whether a line is a byline or a credit are the costliest facts and
    seldom decide a break, so they are worked out only for the lines
    :meth:`resolve` is asked about (until then they read False, and
    ``known[BYLINE][i]`` or ``known[CREDIT][i]`` is False); a line that
    holds none of the words they need is known at once to be neither.
    What is said across each break (:func:`_words_across`) is worked out
    the first time it is asked for (:meth:`words_across`).
    """
    BYLINE, CREDIT = 0, 1
    __slots__ = ("texts", "blanks", "page", "lens", "sentence", "prev", "next", "prev_ids", "next_ids",
                 "brackets", "hard", "alone", "end", "first", "heading_shape", "heading", "byline", "known", "_words")

    def __init__(self, texts: Sequence[str], blanks: Sequence[int]):
        self.texts, self.blanks = texts, blanks
        self._words = None
        lens = self.lens = list(map(len, texts))
        lasts = [t[-1] for t in texts]
        firsts = [t[0] for t in texts]
        sentence = self.sentence = [c in SENTENCE_FINAL or (c in _CLOSING_LAST and closes_sentence(t))
                                    for c, t in zip(lasts, texts)]
        page = self.page = page_stats(texts, blanks, sentence)
        end_of = _END_OF
        end = self.end = ["end_sentence" if s else end_of.get(c) or end_of.setdefault(c, _end_class(c))
                          for s, c in zip(sentence, lasts)]
        length = [_LENGTH_CLASS[n] if n <= HEADING_MAX else "len_long" for n in lens]
        width = _width_classes(page, lens)
        punct = _RUNNING_PUNCT.search
        short_plain = [n <= HEADING_MAX and not punct(t) for n, t in zip(lens, texts)]
        shape = self.heading_shape = [p and not s for p, s in zip(short_plain, sentence)]
        heading_below = max(0.6 * page.median, 24)      # heading_like(), for a short unpunctuated line
        heading = self.heading = [h and n < heading_below for h, n in zip(shape, lens)]
        marker, marker_first = metadata.LIST_MARKER.match, metadata.LIST_MARKER_FIRST
        marks = [marker(t) if c in marker_first or c.isdigit() else None for c, t in zip(firsts, texts)]
        list_heading = [m is not None and n <= HEADING_MAX and not punct(t, m.end())
                        for m, n, t in zip(marks, lens, texts)]
        unknown = [False] * len(texts)
        self.byline = unknown[:]
        self.known = _plain_lines(texts, page)
        table, inner = _spaced_lines(texts, page, shape)
        known, cls = words.tables().known, words.tables().classes.get
        # words.last_word_class() and first_word_class(), spelled out for speed
        last_class = [None if e in _NO_LAST_CLASS else cls(w) if (w := t[-4:]) in known else cls(w)
                      if (w := t[-3:]) in known else cls(w) if (w := t[-2:]) in known else cls(t[-1:])
                      for e, t in zip(end, texts)]
        self.prev = list(zip(end, length, width, shape, unknown, list_heading, unknown, table, inner, last_class))
        first = self.first = [_FIRST_FEATURE.get(c) for c in firsts]
        tail_max = min(HEADING_MAX, 0.5 * page.median + 4)
        self.next = list(zip(
            first, [m is not None for m in marks], unknown,
            [(c in _LEAD_FIRST or c.isdigit()) and _LEAD.match(t) is not None for c, t in zip(firsts, texts)],
            [s and n < tail_max for s, n in zip(sentence, lens)], heading,
            [cls(w) if (w := t[:4]) in known else cls(w) if (w := t[:3]) in known else cls(w)
             if (w := t[:2]) in known else cls(t[:1]) for t in texts], table))
        self.prev_ids = list(map(_PREV_IDS.__getitem__, self.prev))
        self.next_ids = list(map(_NEXT_IDS.__getitem__, self.next))
        self.brackets = [bracket_effect(b) if b else None for b in _line_brackets(page.text)]
        self.hard = hard = ["typesetting_rule" if c in NO_LINE_START or p in OPENERS else None
                            for p, c in zip(lasts, firsts[1:])]
        may_cut = _may_cut
        for k in [k for k, (c, t, f) in enumerate(zip(lasts[:-1], texts, firsts[1:]))
                  if may_cut(c, t, f, lens[k + 1]) and not hard[k]]:
            hard[k] = certain_join(texts[k], texts[k + 1], texts[k + 2] if k + 2 < len(texts) else "")
        for k in [k for k, rule in enumerate(hard) if rule == "lone_opening" and k and not ends_sentence(texts[k - 1])]:
            hard[k] = None      # the character may complete the line above (本报记者 肖雨 + 欣, 更容易拿 + 分)
        for k in [k for k, (c, n) in enumerate(zip(lasts[:-2], lens)) if c in "！？!?" and n <= _BANG_HEAD_MAX]:
            if not hard[k] and _headline_cut(texts, k):
                hard[k] = "headline_cut"
        self.alone = _alone_after(self, heading_below)

    def words_across(self) -> list[tuple[float, str | None, bool, str | None, float | None]]:
        """The :func:`_words_across` of each break, worked out once."""
        if self._words is None:
            self._words = _words_across(self)
        return self._words

    def resolve(self, kind: int, i: int) -> bool:
        """Work out whether line ``i`` (if it exists) is a byline (``kind``
        BYLINE) or a credit (CREDIT); True if it is, which changes its facts."""
        if i >= len(self.texts) or self.known[kind][i]:
            return False
        self.known[kind][i] = True
        if kind == self.BYLINE:
            if not metadata.starts_with_byline(self.texts[i][:80]):
                return False
            self.byline[i] = True
            self.prev[i] = PrevFacts._make(self.prev[i])._replace(byline=True)
            self.next[i] = NextFacts._make(self.next[i])._replace(byline=True)
        else:
            if not metadata.is_credit(self.texts[i]):
                return False
            self.prev[i] = PrevFacts._make(self.prev[i])._replace(credit=True)
        self.prev_ids[i] = _PREV_IDS[self.prev[i]]
        self.next_ids[i] = _NEXT_IDS[self.next[i]]
        return True

    def resolve_all(self, *lines: int) -> None:
        """Work out whether ``lines`` (those that exist) are bylines and credits."""
        for i in lines:
            self.resolve(self.BYLINE, i)
            self.resolve(self.CREDIT, i)


def _plain_lines(texts: Sequence[str], page: PageStats) -> tuple[list[bool], list[bool]]:
    """Which lines are known at once to be no byline and which no credit:
    those that hold none of the words they need (most). Only lines holding
    a character that starts a credit word (found with ``str.find`` over the
    page, faster than for the words themselves) are tested for the words."""
    credit = [False] * len(texts)
    for i in _lines_holding(page.text, page.starts, _CREDIT_START):
        credit[i] = metadata.may_be_credit(texts[i])
    return [not (c or _may_open_byline(t)) for c, t in zip(credit, texts)], [not c for c in credit]


def _lines_holding(text: str, starts: Sequence[int], needles: Iterable[str]) -> list[int]:
    """The lines of ``text`` (lines joined by newlines, line ``i`` at
    ``starts[i]``) that hold any of ``needles``, in no particular order:
    ``str.find`` over the page, which skips to the next line after a hit."""
    found = set()
    n = len(starts)
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            k = bisect_right(starts, at)            # the line after the hit's
            found.add(k - 1)
            if k == n:
                break
            at = text.find(needle, starts[k])
    return list(found)


def _spaced_lines(texts: Sequence[str], page: PageStats, shape: Sequence[bool]) -> tuple[list[bool], list[bool]]:
    """Whether each line has columns (:func:`_has_columns`), and whether a
    heading-shaped line without them has a space between two parts
    (:func:`_inner_space`); only lines holding a space can."""
    table, inner = [False] * len(texts), [False] * len(texts)
    for i in _lines_holding(page.text, page.starts, _SPACES):
        table[i] = has = _has_columns(texts[i])
        inner[i] = shape[i] and not has and _inner_space(texts[i])
    return table, inner


def _line_brackets(text: str) -> list[str]:
    """The brackets and quotes of each line of ``text`` (lines joined by
    newlines), in order: one scan of the page."""
    return "".join(_BRACKET_OR_NEWLINE.findall(text)).split("\n")


def _may_open_byline(text: str) -> bool:
    """False when the line opens with no dateline or byline: none of the
    words they hold where :func:`metadata.starts_with_byline` looks (a
    credit, the third thing it takes for a byline, is tested apart)."""
    return metadata.may_open_byline(text[:80].strip())


def _end_class(last: str) -> str:
    """The class of a last character, for a line that does not end a sentence."""
    if last in _COLON:
        return "end_colon"
    if last in _SEMICOLON:
        return "end_semicolon"
    if last in CLAUSE_FINAL:
        return "end_clause"
    if last in CLOSERS:
        return "end_closer"
    if _HAN.match(last):
        return "end_han"
    if _ALNUM.match(last):
        return "end_alnum"
    return "end_other"


#: The characters that start the words a credit needs (:func:`metadata.may_be_credit`).
_CREDIT_START = sorted({w[0] for w in metadata.CREDIT_HINT_WORDS})
_SPACES = (" ", "\u3000", "\t")
_BRACKET_OR_NEWLINE = re.compile("[\n" + re.escape("".join(OPENERS) + "".join(_CLOSER_OF)) + "]")
#: The characters but digits a news lead (:data:`_LEAD`) may open with.
_LEAD_FIRST = frozenset("昨今前近日目上本当此据记")
_END_OF: dict[str, str] = {}     # last character -> _end_class, filled as characters come
_IS_HAN: dict[str, bool] = {}    # character -> a Chinese character?, filled as characters come
_NO_LAST_CLASS = frozenset(("end_sentence", "end_clause", "end_semicolon", "end_colon"))
_LENGTH_CLASS = ["len_le6"] * 7 + ["len_le12"] * 6 + ["len_le20"] * 8 + ["len_le40"] * (HEADING_MAX - 20)
_FIRST_FEATURE = {**{c: "next_opener" for c in OPENERS},
                  **{c: "next_alnum" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"}}


def _width_classes(page: PageStats, lens: Sequence[int]) -> list[str | None]:
    """Where each line (of these lengths) stops relative to the page: full
    or short on a width-wrapped page, else short relative to the median."""
    if page.width:
        full = page.width - max(3, 0.1 * page.width)
        return ["prev_full" if n >= full else "prev_not_full" for n in lens]
    short = 0.35 * page.median
    return ["prev_rel_short" if n < short else None for n in lens]


def _has_columns(text: str) -> bool:
    """Two runs of two or more spaces inside the line (a table row)."""
    return ("  " in text or "\t" in text or "\u3000\u3000" in text or " \u3000" in text
            or "\u3000 " in text) and bool(_TABLE.search(text))


def _inner_space(text: str) -> bool:
    """A space between two parts of the line."""
    return (" " in text or "\u3000" in text or "\t" in text) and bool(_INNER_SPACE.search(text))


# --- the evidence about one break, in three parts ------------------------------------
class JoinFacts(NamedTuple):
    """What the two lines of a break say together (see :func:`join_facts`)."""
    heading_pair: bool       # both heading-like (the first with no bracket open)
    headline: bool           # the next line is heading-like and a byline follows it
    blanks: str | None       # "extra_blanks", "fewer_blanks" or None
    word: float              # word_across: log10 frequency / 5 of a word across the join, or 0
    clause: str | None       # class of the clause the join would make (None: not weighed)
    dateline: bool           # the join completes a dateline
    across: str | None       # "number_across", "latin_across", "alnum_across", "han" or None
    inside: float | None     # han_inside_word, for two Chinese characters
    segment: str | None      # "segment_inside" or "segment_boundary", for two Chinese characters
    self_use: str | None     # "self_pair" or "self_triple", for two Chinese characters


def prev_evidence(a: PrevFacts, ended: float, depth: int, alone: bool, long_block: bool,
                  first_line: bool) -> dict[str, float]:
    """The evidence of the first line of a break, in the block it ends:
    ``depth`` brackets open, ``alone`` in its block, ``long_block`` the
    block already long; ``ended`` is the page's share of sentence ends."""
    f: dict[str, float] = {a.end: 1, a.length: 1}
    sentence = a.end == "end_sentence"
    heading = not depth and a.heading_shape
    if heading:
        f["prev_heading_like"] = 1
        if alone:
            f["prev_alone_heading"] = 1
            if first_line:
                f["prev_first_heading"] = 1
    if a.end in _X_ENDED:
        f[_X_ENDED[a.end]] = ended
        if alone:
            f[_X_ALONE[a.end]] = 1
    if a.width:
        f[a.width] = 1
        if sentence and a.width == "prev_full":
            f["sentence_x_full"] = 1
    if depth:
        f["open_bracket"] = 1
    elif alone:
        if a.byline:
            f["prev_byline"] = 1
        if a.list_heading and not sentence:
            f["prev_list_heading"] = 1
    if a.credit:
        f["prev_credit"] = 1
    if long_block and sentence:
        f["long_block_sentence"] = 1
    if a.word_class:
        f[_PREV_CLASS[a.word_class]] = 1
    if a.table:
        f["prev_table"] = 1
    elif heading and a.inner_space:
        f["heading_inner_space"] = 1
    return f


def next_evidence(b: NextFacts, sentence: bool) -> dict[str, float]:
    """The evidence of the second line of a break, after a first line that
    ends a sentence or not."""
    f: dict[str, float] = {}
    if b.first:
        f[b.first] = 1
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
    if b.word_class:
        f[(_SENT_NEXT_CLASS if sentence else _NEXT_CLASS)[b.word_class]] = 1
    if b.table:
        f["next_table"] = 1
    return f


def join_evidence(j: JoinFacts) -> dict[str, float]:
    """The evidence of the two lines of a break together."""
    f: dict[str, float] = {}
    if j.heading_pair:
        f["heading_pair"] = 1
    if j.headline:
        f["next_is_headline"] = 1
    if j.word:
        f["word_across"] = j.word
    if j.clause:
        f[j.clause] = 1
    if j.dateline:
        f["dateline_across"] = 1
    if j.across and j.across != "han":
        f[j.across] = 1
    if j.inside is not None:
        f["han_inside_word"] = j.inside
    if j.segment:
        f[j.segment] = 1
    if j.self_use:
        f[j.self_use] = 1
    if j.blanks:
        f[j.blanks] = 1
    return f


def _words_across(pg: PageLines) -> list[tuple[float, str | None, bool, str | None, float | None]]:
    """Words, numbers, datelines and clauses across each break: (word,
    clause, dateline, across, inside) of :class:`JoinFacts`, weighed only
    where the first line ends on no sentence or clause punctuation."""
    texts, lens, end, first_class = pg.texts, pg.lens, pg.end, pg.first
    out = [_NO_WORD_FACTS] * (len(texts) - 1)
    across_join, inside_word = words.word_across_join, words.inside_word
    for k in [k for k, (s, t) in enumerate(zip(pg.sentence, texts[:-1])) if not s and t[-1] not in CLAUSE_FINAL]:
        prev, nxt = texts[k], texts[k + 1]
        last, first = prev[-1], nxt[0]
        w = across_join(prev, nxt)
        dateline = lens[k] <= 30 and _dateline_across(prev, nxt)
        across = inside = None
        if last.isdigit() and (first in _NUMBER_GOES_ON or first.isdigit()):
            across = "number_across"
        elif end[k] == "end_alnum" and first_class[k + 1] == "next_alnum":
            across = "latin_across" if _LATIN.match(last) and _LATIN.match(first) else "alnum_across"
        elif end[k] == "end_han" and (_IS_HAN.get(first) or _IS_HAN.setdefault(first, bool(_HAN.match(first)))):
            across, inside = "han", inside_word(last, first)
        out[k] = (w / 5 if w else 0.0, _clause_class(prev, nxt), dateline, across, inside)
    return out


_NO_WORD_FACTS = (0.0, None, False, None, None)


def join_facts(pg: PageLines, k: int, depth: int) -> JoinFacts:
    """What the two lines of the break after line ``k`` say together, with
    ``depth`` brackets open before it (the bylines of the lines after it
    worked out)."""
    word, clause, dateline, across, inside = pg.words_across()[k]
    segment = self_use = None
    if across == "han":
        prev, nxt = pg.texts[k], pg.texts[k + 1]
        boundary = not word or words.boundary_at_join(prev, nxt)
        segment = "segment_boundary" if boundary else "segment_inside"
        self_use = _self_pair(pg.page, k, prev, nxt)
    heading = pg.heading[k + 1]
    return JoinFacts(not depth and pg.heading_shape[k] and heading,
                     heading and k + 2 < len(pg.texts) and pg.byline[k + 2],
                     _blanks_class(pg.blanks[k], pg.page.gap),
                     word, clause, dateline, across, inside, segment, self_use)


def _blanks_class(blanks: int, gap: int) -> str | None:
    return "extra_blanks" if blanks > gap else "fewer_blanks" if blanks < gap else None


def features(pg: PageLines, k: int, state: BlockState) -> dict[str, float]:
    """The evidence about the break after line ``k`` of the page, whose
    first line ends the block ``state`` describes (as decided so far), in
    the order of :data:`_ORDER`."""
    pg.resolve_all(k, k + 1, k + 2)
    f = prev_evidence(PrevFacts._make(pg.prev[k]), pg.page.ended, state.depth, state.lines == 1,
                      state.chars > 2 * pg.page.median, k == 0)
    f.update(next_evidence(NextFacts._make(pg.next[k + 1]), pg.sentence[k]))
    f.update(join_evidence(join_facts(pg, k, state.depth)))
    return {name: f[name] for name in sorted(f, key=_RANK.__getitem__)}


def _source_features(source: tuple[PageLines, int, int, int, int]) -> dict[str, float]:
    """The features of a break from (page, break, depth, lines, chars)."""
    pg, k, *state = source
    return features(pg, k, BlockState(*state))


_X_ENDED = {e: e + "_x_ended" for e in ("end_han", "end_alnum", "end_other")}
_X_ALONE = {e: e + "_x_alone" for e in ("end_han", "end_alnum", "end_other")}
_CLASSES = ("particle", "conj", "adverb", "prep", "pronoun", "time", "number", "place", "name")
_NEXT_CLASS = {c: "next_" + c for c in _CLASSES}
_SENT_NEXT_CLASS = {c: "sent_next_" + c for c in _CLASSES}
_PREV_CLASS = {c: "prev_" + c for c in _CLASSES}

#: Every feature, in the order the evidence lists them (contributions of
#: equal size keep it), with the part of the evidence it belongs to: the
#: first line ("prev"), the second ("next"), the two together ("join"), or
#: the word segmentation and the file's own use of the characters across
#: the join ("late": worked out only when they can change the decision).
_ORDER = (
    *[(e, "prev") for e in ("end_sentence", "end_clause", "end_semicolon", "end_colon", "end_closer", "end_han",
                            "end_alnum", "end_other")],
    *[(n, "prev") for n in ("len_le6", "len_le12", "len_le20", "len_le40", "len_long")],
    ("prev_heading_like", "prev"), ("prev_alone_heading", "prev"), ("prev_first_heading", "prev"),
    *[(n, "prev") for e in ("end_han", "end_alnum", "end_other") for n in (_X_ENDED[e], _X_ALONE[e])],
    ("prev_full", "prev"), ("sentence_x_full", "prev"), ("prev_not_full", "prev"), ("prev_rel_short", "prev"),
    *[(n, "next") for n in ("next_opener", "next_alnum", "next_list_item", "next_byline", "next_lead",
                            "next_short_tail", "next_heading_like")],
    ("heading_pair", "join"), ("next_is_headline", "join"),
    *[(n, "prev") for n in ("open_bracket", "prev_byline", "prev_list_heading", "prev_credit",
                            "long_block_sentence")],
    *[(n, "join") for n in ("word_across", "clause_le12", "clause_le24", "clause_le40", "clause_long",
                            "dateline_across", "number_across", "latin_across", "alnum_across",
                            "han_inside_word")],
    *[(n, "late") for n in ("segment_boundary", "segment_inside", "self_triple", "self_pair")],
    *[(n, "next") for c in _CLASSES for n in (_NEXT_CLASS[c], _SENT_NEXT_CLASS[c])],
    *[(_PREV_CLASS[c], "prev") for c in _CLASSES],
    ("prev_table", "prev"), ("heading_inner_space", "prev"), ("next_table", "next"),
    ("extra_blanks", "join"), ("fewer_blanks", "join"),
)
_RANK = {name: i for i, (name, _) in enumerate(_ORDER)}
_PART = dict(_ORDER)


def certain_join(prev: str, nxt: str, after: str = "") -> str | None:
    """The rule that joins a break without weighing it, or None: the two
    typesetting rules (no line starts with closing punctuation, none ends
    right after an opening bracket or quote), a number cut at its decimal
    point, a range at its dash or tilde or a score at its colon, a clause
    cut before its amount (:func:`_quantity_cut`), a name cut after its surname,
    under a staff title, credit role or job title (Chinese names have two
    characters or more; a surname joined to the title that makes a common
    word, ``局长江``, is no name: :data:`NAME_CUT_WORD_LOGP`), and a line of one Chinese character that
    completes a line of six or more before it (no paragraph is a single
    character; a drop cap opening the line ``after`` is no completion: see
    :func:`_completes`) or opens a word or a name (a surname) with a line
    of six or more after it (obeyed only under a sentence's end, where the
    character completes nothing above it); a date cut from the word that
    takes it (:data:`_TAKES_DATE`) or a month from its day (``2022年1月`` +
    ``31日``); an approximate amount cut from the word that takes it
    (:func:`_approx_amount_cut`); a sentence's short tail
    (:data:`_SHORT_TAIL`); a number cut from its unit or its Latin suffix
    (:func:`_unit_cut`); a speaker cut from the verb of the speech
    (:data:`_SPEECH`); a lead's first words cut after the dateline
    (:func:`_lead_cut`), or a dated lead cut before its first sentence ends
    (:func:`_dated_lead_cut`); a line that
    opens a bracket cut before its closing one; an e-mail or web address
    cut in two (:func:`_address_cut`); the first of two names in a
    byline cut before its last character (``通讯员 林晓`` + ``燕 何志勇``); and a
    byline or a credit cut inside (:func:`_byline_cut`, :func:`_credit_cut`).

    >>> certain_join("他说：“", "好。”"), certain_join("是", "，也是")
    ('typesetting_rule', 'typesetting_rule')
    >>> certain_join("线路全长12.", "6公里。"), certain_join("本报记者 韩", "冰"), certain_join("2026-", "2027赛季")
    ('number_cut', 'name_cut', 'number_cut')
    >>> certain_join("气温-3℃～", "5℃。"), certain_join("失地村民打来咨询热", "线"), certain_join("球队名称", "赛")
    ('number_cut', 'lone_character', None)
    >>> certain_join("以2∶", "0战胜对手。"), certain_join("今年以来，股价累计下跌", "21.3%，市盈率下降。")
    ('number_cut', 'quantity_cut')
    >>> certain_join("李", "晓梅遗失出生医学证明，声明作废。"), certain_join("胜", "平"), certain_join("陈", "婉琪 报道")
    ('lone_opening', None, 'name_cut')
    >>> certain_join("新京报：主角的原型是", "谁？"), certain_join("好。", "谁？")
    ('short_tail', None)
    >>> certain_join("目前整体工程已完成约65%，预计", "2027年底前完成主体工程。"), certain_join("私人行为", "4月21日，")
    ('date_cut', None)
    >>> certain_join("该案案号为（2026）赣0111刑初", "567号。"), certain_join("（2026）年度报告", "3号文件")
    ('number_cut', None)
    >>> certain_join("石悦今年26", "岁，是一名乡村教师。"), certain_join("该旅旅长韩卫东", "介绍，今年驻训…")
    ('unit_cut', 'speech_cut')
    >>> certain_join("本报讯 昨日上午", "10时18分，随着…"), certain_join("（本报通讯员 马骁 蔡文", "博）")
    ('lead_cut', 'bracket_cut')
    >>> certain_join("好。", "他说"), certain_join("共3点：1.", "加强管理"), certain_join("设立记者站", "今年")
    (None, None, None)
    """
    if nxt[0] in NO_LINE_START or prev[-1] in OPENERS:
        return "typesetting_rule"
    if prev[-1] in _NUMBER_CUT and (nxt[0].isdigit() or prev[-1] in _RANGE and nxt[0] in "-－") \
            and (prev[-2:-1].isdigit() or prev[-1] in _RANGE and prev[-2:-1] in _UNIT_BEFORE_RANGE):
        return "number_cut"
    if nxt[0].isdigit():
        rule = _number_across(prev, nxt, after)
        if rule is not None:
            return rule
    elif nxt[0] in _APPROX_FIRST and _approx_amount_cut(prev, nxt):
        return "quantity_cut"
    if _HAN_START.match(nxt) and (_name_cut(prev, nxt) or len(prev) == 1 and prev in metadata.surnames()[0]
                                  and _byline_line(prev + nxt)):
        return "name_cut"       # 本报记者 韩 + 冰; a surname alone over the rest of its byline: 陈 + 婉琪 报道
    if len(nxt) == 1 and len(prev) >= _LONE_AFTER and _HAN_START.match(nxt) and _HAN_START.match(prev[-1]) \
            and _completes(prev, nxt, after):
        return "lone_character"
    if len(nxt) <= _SHORT_TAIL and nxt[-1] in SENTENCE_FINAL and _HAN_START.match(prev[-1]):
        return "short_tail"
    if len(prev) == 1 and len(nxt) >= _LONE_AFTER and _HAN_START.match(prev) and _HAN_START.match(nxt) \
            and (prev in metadata.surnames()[0] or words.word_across_join(prev, nxt)):
        return "lone_opening"
    if prev[-1].isdigit() and _unit_cut(prev, nxt):
        return "unit_cut"
    if nxt[0] in _SPEECH_FIRST and _SPEECH.match(nxt) is not None and _HAN_START.match(prev[-1]):
        return "speech_cut"
    if len(prev) <= _LEAD_CUT_MAX and ("讯" in prev or "电" in prev) and _lead_cut(prev):
        return "lead_cut"
    if prev[0].isdigit() and _dated_lead_cut(prev, nxt):
        return "lead_cut"
    if prev[0] in _BRACKET_OPEN and _BRACKET_LINE_CLOSE.match(nxt) is not None and _CLOSER.search(prev) is None:
        return "bracket_cut"
    if len(prev) <= _LEAD_CUT_MAX and _BYLINE_WORD.search(prev) is not None and _RUNNING_PUNCT.search(prev) is None \
            and _byline_cut(prev, nxt):
        return "byline_cut"
    if prev[0] in _CREDIT_FIRST and len(prev) <= _CREDIT_CUT_MAX and _CREDIT_OPEN.match(prev) is not None \
            and _credit_cut(prev, nxt):
        return "byline_cut"
    if prev[-1] in _ADDRESS_CHARS and nxt[0] in _ADDRESS_CHARS and _address_cut(prev, nxt):
        return "address_cut"
    if ("A" <= prev[-1] <= "Z" or prev[-1].isdigit()) and _code_cut(prev, nxt):
        return "code_cut"
    if prev[-1] == "”" and _quote_cut(prev, nxt):
        return "quote_cut"
    if prev[-3:-2] in _NAME_GAP and nxt[1:2] in _NAME_GAP and _HAN_START.match(nxt) and _HAN_START.match(prev[-1]) \
            and _byline_line(prev) and _byline_line(prev + nxt):
        return "name_cut"       # 通讯员 林晓 + 燕 何志勇: the first of two names cut before its last character
    if ("据" in prev[:_FRAME_OPEN_AT] or "由" in prev[-_YOU_AT:]) and _frame_cut(prev, nxt):
        return "frame_cut"
    if prev[-1] in _PLUS and (nxt[0].isalnum() or nxt[0] in "“‘\""):
        return "operator_cut"   # “港口+ + 班列”多式联运, 5+ + 2模式: a plus sign joins what is on either side
    return None


#: A plus sign ends no paragraph: it joins the words or numbers on either side.
_PLUS = frozenset("+＋")


#: A clause opened by 据 (``据某市统计局统计``) or 由 (``由市总工会主办``),
#: and the word that closes its frame in the next line's first clause: 据
#: among a line's first :data:`_FRAME_OPEN_AT` characters, 由 among its
#: last :data:`_YOU_AT` (the cheap tests before the patterns).
_FRAME_OPEN_AT = 4
_YOU_SPAN = 12
_YOU_AT = _YOU_SPAN + 1
_JU_OPEN = re.compile(r"[^，,。；;：:！？!?、“”\"]{0,3}据[^，,。；;：:！？!?、]{1,20}")
_JU_CLOSE = re.compile(r"[^，,。；;：:！？!?]{0,24}?(?:统计|报道|介绍|了解|显示|消息|透露|反映|通报|测算|监测|调查|称|悉)")
_YOU_OPEN = re.compile(rf"由[^，,。；;：:！？!?、]{{0,{_YOU_SPAN}}}$")
_YOU_CLOSE = re.compile(r"[^，,。；;：:！？!?]{0,30}?(?:主办|承办|协办|负责|组织|牵头|发起|举办|实施|联合)")


def _frame_cut(prev: str, nxt: str) -> bool:
    """Whether ``prev`` opens a clause with 据 (according to) or 由 (by) and
    ends, on a Chinese character, before the word that closes it, which the
    first clause of ``nxt`` holds: the clause goes on (``据某市住房和城乡`` +
    ``建设局统计，…``, ``本次大赛由市`` + ``总工会、…联合主办``). A heading
    opens no such frame. On the bench pages 17 such breaks after 据 and 4
    after 由 are all layout breaks (two more, cut before a Latin word, the
    corpus split at a space: not taken).

    >>> _frame_cut("据某市住房和城乡", "建设局统计，今年以来，…"), _frame_cut("本次大赛由市", "总工会、市人社局联合主办。")
    (True, True)
    >>> _frame_cut("据说明天有雨", "市民出门带好雨具。"), _frame_cut("事出有因", "由此引发争议。")
    (False, False)
    >>> _frame_cut("据统计", "全市共有学校120所，据称还将新建。")
    False
    """
    if _HAN_START.match(prev[-1]) is None or _HAN_START.match(nxt) is None:
        return False
    if _JU_OPEN.fullmatch(prev) is not None and _JU_CLOSE.match(nxt) is not None:
        return _JU_CLOSE.match(prev, prev.index("据") + 1) is None     # 据统计 + …: closed on its own line
    return _YOU_OPEN.search(prev) is not None and _YOU_CLOSE.match(nxt) is not None


def _number_across(prev: str, nxt: str, after: str) -> str | None:
    """The rule of :func:`certain_join` for a line ``nxt`` that opens with a
    digit: a score or a case number cut (``number_cut``: ``以2∶`` + ``0``,
    ``（2026）赣0111刑初`` + ``567号``), an amount (:func:`_quantity_cut`) or a
    date (``截至`` + ``2025年底``) cut from the word that takes it; or None."""
    if prev[-1] in _RATIO:
        return "number_cut" if prev[-2:-1].isdigit() else None
    if _quantity_cut(prev, nxt, after):
        return "quantity_cut"
    if _TAKES_DATE.search(prev) is not None and _DATE_START.match(nxt) is not None \
            and metadata.LIST_MARKER.match(prev) is None:
        return "date_cut"
    if prev[-1] == "月" and _MONTH_END.search(prev) is not None and _DAY_START.match(nxt) is not None:
        return "date_cut"       # 春节期间（2022年1月 + 31日至2月6日）
    if _CASE_OPEN.search(prev) is not None and _CASE_CLOSE.match(nxt) is not None:
        return "number_cut"
    if prev[-1] in _CLOCK_LAST and _clock_cut(prev, nxt):
        return "unit_cut"
    return None


#: A time or a duration cut before its minutes or seconds (``2小时13分`` +
#: ``52秒``, ``23时`` + ``20分``): the hour's unit, then the minutes with theirs.
_CLOCK_HOUR = re.compile(r"\d(?:小时|时|点)$")
_CLOCK_MINUTE = re.compile(r"\d(?:小时|时|点)\d{1,2}分$")
_CLOCK_LAST = frozenset("时点分")


def _clock_cut(prev: str, nxt: str) -> bool:
    """Whether a time or a duration is cut between its parts: ``prev``
    ends on the hours (``23时``) and ``nxt`` opens with the minutes
    (``20分``), or ``prev`` ends on hours and minutes (``2小时13分``) and
    ``nxt`` opens with the seconds. A score alone on its line (``9分`` ¶
    ``9分``) has no hour before it. On the bench pages the one such break
    is a layout break.

    >>> _clock_cut("男子冠军以2小时13分", "52秒夺冠"), _clock_cut("起飞时间为23时", "20分。"), _clock_cut("9分", "9分")
    (True, True, False)
    """
    if _CLOCK_HOUR.search(prev) is not None:
        return _MINUTES.match(nxt) is not None
    return _CLOCK_MINUTE.search(prev) is not None and _SECONDS.match(nxt) is not None


_MINUTES = re.compile(r"\d{1,2}分")
_SECONDS = re.compile(r"\d{1,2}秒")


def _completes(prev: str, char: str, after: str = "") -> bool:
    """Whether a line of one character completes the line before it: a
    dictionary word across the join (热 + 线), or a byline, credit or a
    name after a title (本报记者 肖雨 + 欣, 主任医师 郑丽 + 华) unless the character opens a word with the line
    ``after`` (本报记者 王明 ¶ 近 ¶ 日，…: a drop cap, the lead's first
    character). A table's cells (赛 胜 平 负) do neither."""
    if words.word_across_join(prev, char):
        return True
    return (_byline_line(prev + char) or _titled_name_cut(prev)) and not (after and words.word_across_join(char, after))


@lru_cache(maxsize=1)
def _titled_name() -> regex.Pattern:
    """A job title or staff role, then the first two characters of a name (``主任医师 郑丽``)."""
    return regex.compile(rf"(?:{metadata._alt(metadata.JOB_TITLES + metadata.STAFF_ROLES)})[ \u3000]?"
                         rf"(?P<name>\p{{Han}}{{2}})$")


def _titled_name_cut(prev: str) -> bool:
    """Whether ``prev`` ends with a title and two characters of a name that
    opens with a surname, so that a lone character under it ends the name
    (``儿科主任医师 郑丽`` + ``华``: a line of experts, not a byline).

    >>> _titled_name_cut("坐诊专家：儿科主任医师 郑丽"), _titled_name_cut("儿科主任医师 郑丽华")
    (True, False)
    """
    m = _titled_name().search(prev, max(0, len(prev) - 12))
    return m is not None and m["name"][0] in metadata.surnames()[0]


def _quantity_cut(prev: str, nxt: str, after: str = "") -> bool:
    """Whether ``nxt`` opens with an amount (a number and its unit, not a
    date) that runs on into a clause of ``prev``: ``prev`` ends on a Chinese
    character and is no list item's heading, and either ends on a word that
    takes an amount (:data:`_TAKES_AMOUNT`: 共计, 超过, 第) or holds a clause
    mark while ``nxt`` reaches a clause mark within a few characters. On
    the bench pages every such break is a layout break; a paragraph that
    opens with a number opens with a date (``2021年，…``), under a heading.
    Likewise a headline cut before its amount: ``nxt`` is the amount alone
    and the line ``after`` it opens with a byline (明年扩至 + 60岁 ¶ 本报讯 …).

    >>> _quantity_cut("今年以来，股价累计下跌", "21.3%，最新市盈率约为14.2倍。")
    True
    >>> _quantity_cut("上半场第", "23分钟，林一帆推射破门。")
    True
    >>> _quantity_cut("今年以来，股价累计下跌", "2021年，公司营收下滑。"), _quantity_cut("二、捐赠标准", "2000元/人，其中：")
    (False, False)
    >>> _quantity_cut("■近日，“城市书房”第", "18家分馆揭牌。")
    True
    >>> _quantity_cut("长者乘车优惠 明年扩至", "60岁", "本报讯 政府昨日宣布，…"), _quantity_cut("最佳报告榜", "9分", "第二名")
    (True, False)
    """
    if _HAN_START.match(prev[-1]) is None:
        return False
    if metadata.LIST_MARKER.match(prev) is not None:
        return prev[-1] == "第"      # ■“城市书房”第 + 18家: an ordinal's 第 ends no item's heading
    if _TAKES_AMOUNT.search(prev) is not None:
        return _AMOUNT.match(nxt) is not None or _LATIN_AMOUNT.match(nxt) is not None
    if _TURN_OPEN.match(prev) is not None and _AMOUNT.match(nxt) is not None:
        return _DATE_START.match(nxt) is None     # 卢慧敏：全市 + 186所中小学…: a turn's first clause
    if _QUANTITY.match(nxt) is not None:
        return _CLAUSE_MARK.search(prev) is not None
    return bool(after) and _AMOUNT_ALONE.match(nxt) is not None and metadata.byline_end(after) > 0


#: A unit that a number in running text runs on into (``26`` + ``岁``, ``10`` + ``时18分``).
_UNIT_START = re.compile(r"(?:[年月日号时分秒岁元角个人家名次万亿千百十米克吨倍层期届条项件座所台辆户间位种批天周例篇张套头"
                         r"盒瓶场轮枚块株%％‰]|[多余](?=[\u4e00-\u9fff]))(?!期|间)")
#: A unit spelled in Latin letters, whole (``20`` + ``GWh、``, ``5`` + ``km``):
#: not a word's first letters (``2`` + ``AC米兰``).
_LATIN_UNIT = re.compile(r"(?:[kMGT]?Wh|[kKMGT]?W|[kMG]?Hz|[kcmn]m|[km]g|ml|mAh|[KMGT]B|dB|ppm|[KMG]bps)(?![A-Za-z])")
#: A number right after a Chinese character or a closing quote or title mark,
#: at a line's end (``今年26``, ``便民生活圈”200``), and
#: a telephone number cut in its local part (``0771-5`` + ``5512345``).
_NUMBER_END = regex.compile(r"[\p{Han}”’》]\d+$")
_PHONE_END = re.compile(r"\d{3,4}[-－](\d{0,6})$")
_DIGITS = re.compile(r"\d+")


def _unit_cut(prev: str, nxt: str) -> bool:
    """Whether a number in running text is cut from its unit or its rest.

    ``prev`` ends on a number right after a Chinese character or a closing
    quote (no table: no run of spaces) and ``nxt`` opens with the unit
    (``多``/``余`` then one: ``40`` + ``多户``; or a Latin unit whole: ``20`` +
    ``GWh``), in running text or a headline; or ``prev`` ends on
    a telephone number whose local part ``nxt`` completes to 7 or 8
    digits. With the rule for a clock's parts (:func:`_clock_cut`), on the bench pages
    148 of 150 such breaks are layout breaks (the others a source's slips:
    ``四级竟考了92`` ¶ ``分，…``; the 4 before ``多``/``余`` all layout breaks, no Latin
    unit among them). A row of a table (``骑士91`` ¶ ``日期:``) is no cut.

    >>> _unit_cut("石悦今年26", "岁，是一名乡村教师。"), _unit_cut("热线电话：0771-5", "5512345")
    (True, True)
    >>> _unit_cut("南屏：将建成“一刻钟便民生活圈”200", "个 覆盖全部城市社区")
    True
    >>> _unit_cut("开园当天还有40", "多户居民排队。"), _unit_cut("年产动力电池20", "GWh、电机30万台"), _unit_cut("共2", "Apple手机")
    (True, True, False)
    >>> _unit_cut("骑士91", "日期：5月3日"), _unit_cut("2024    1.44", "年"), _unit_cut("热线：021-51575678", "800")
    (False, False, False)
    """
    if _NUMBER_END.search(prev) is not None:
        return (_UNIT_START.match(nxt) is not None or _LATIN_UNIT.match(nxt) is not None
                or _LATIN_SUFFIX.match(nxt) is not None and _SHORT_NUMBER_END.search(prev) is not None) \
            and "  " not in prev
    end, start = _PHONE_END.search(prev), _DIGITS.match(nxt)
    return end is not None and start is not None and 7 <= len(end.group(1)) + start.end() <= 8


#: A verb that opens a speech after its speaker, then its comma or colon
#: (``韩卫东`` + ``介绍，…``): no paragraph opens so. On the bench pages all
#: 38 such breaks after a Chinese character are layout breaks.
_SPEECH = re.compile(r"(?:介绍|说|表示|指出|认为|透露|告诉记者|坦言|称|强调|提醒|建议|回忆|解释|分析)[，,：:]")
_SPEECH_FIRST = frozenset("介说表指认透告坦称强提建回解分")
#: The longest line that may hold a dateline or feed and a lead's first words.
_LEAD_CUT_MAX = 60
#: The longest lead start cut after a dateline that :func:`_lead_cut` joins on.
_LEAD_START_MAX = 12
_LEAD_START_STOP = re.compile(r"[（(：:，,。！？!?]")
_BRACKET_OPEN = frozenset("（(")
_CLOSER = re.compile(r"[）)]")
#: The rest of a bracketed line: short, closing the bracket, opening none.
_BRACKET_LINE_CLOSE = re.compile(r"[^（(）)。！？]{0,20}[）)]$")


#: What an e-mail address or a web address is made of, either side of a cut.
_ADDRESS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-@/")
_ADDRESS_TAIL = re.compile(r"[\w.+\-@:/]+$", re.ASCII)
_ADDRESS_HEAD = re.compile(r"[\w.+\-@:/%?=&]+", re.ASCII)
_ADDRESS = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?:https?://|www\.)[\w\-]+(?:\.[\w\-]+)+[\w./%?=&\-]*",
                      re.ASCII)
#: What stands between a role and a name, or two names, in a byline.
_NAME_GAP = frozenset(" \u3000")


def _address_cut(prev: str, nxt: str) -> bool:
    """Whether the break cuts an e-mail or web address (``txzk_zheng`` +
    ``wen@163.com``, ``www.tong`` + ``xi.gov.cn``): the letters either side
    make one address, which the first does not make alone.

    >>> _address_cut("投稿邮箱：txzk_zheng", "wen@163.com；"), _address_cut("详见www.tong", "xi.gov.cn查询。")
    (True, True)
    >>> _address_cut("邮箱：ab@163.com", "2026年起"), _address_cut("使用Windows", "10系统")
    (False, False)
    """
    tail, head = _ADDRESS_TAIL.search(prev), _ADDRESS_HEAD.match(nxt)
    if tail is None or head is None:
        return False
    joined = tail.group() + head.group()
    whole = _ADDRESS.fullmatch(joined) or _ADDRESS.match(joined)
    return whole is not None and whole.end() > len(tail.group()) and not _ADDRESS.fullmatch(tail.group())


#: Words one of which a byline holds (a feed, a wire or a staff role): the
#: cheap test before :func:`_byline_cut`.
_BYLINE_WORD = re.compile(r"讯|电|消息|记者|通讯员|实习生|作者|评论员|撰稿")
#: A credit's role and its slash or colon opening a line (``摄影/``, ``文/图 ``,
#: ``责任编辑：``): the test before :func:`_credit_cut`.
_CREDIT_OPEN = regex.compile(rf"[（(]?\s*(?:{'|'.join(metadata.PAGE_SCOPE_WORDS)})?(?:{metadata._alt(metadata.CREDIT_ROLES)})"
                             r"\s*[/／:：]")
_CREDIT_FIRST = frozenset("（(" + "".join(metadata.PAGE_SCOPE_WORDS) + "".join(r[0] for r in metadata.CREDIT_ROLES))
#: The longest line :func:`_credit_cut` joins a credit's rest to.
_CREDIT_CUT_MAX = 40


def _byline_cut(prev: str, nxt: str) -> bool:
    """Whether a byline is cut inside: the byline that opens the two lines
    joined runs past the cut and names its people, while ``prev`` alone
    names no one, with no clause mark in it (a feed alone over its bracket, ``新报讯`` + ``（某城新报记者
    X）…``; a bracket still open, ``新报讯（某城`` + ``新报正某城网记者 X）…``;
    a role cut from its name, ``…首席记者`` + ``X）…``). The paper's own
    layout cuts bylines so (the seed cuts one mid-outlet). On the bench
    pages 23 breaks are so; 9 are layout breaks by the gold and the other
    14 bylines the source spaced and the corpus split at that space
    (``新华网北京4月27日电`` ¶ ``（记者 X）据…``, ``…（记者 彭某 实习记者 刘某`` ¶
    ``通讯员…）``): a byline is one field whatever its spaces.

    >>> _byline_cut("新报讯", "（某城新报记者 王五）10月9日，记者获悉"), _byline_cut("新报讯（某城", "新报记者 王五）10月9日")
    (True, True)
    >>> _byline_cut("本报讯（记者 王五）", "昨日，市里召开会议。"), _byline_cut("新报讯", "10月9日，记者获悉")
    (False, False)
    """
    joined = prev + nxt[:80]
    end = metadata.byline_end(joined)
    return end > len(prev) and bool(metadata.parse_byline(joined[:end]).authors) \
        and not metadata.parse_byline(prev).authors


def _credit_cut(prev: str, nxt: str) -> bool:
    """Whether a photo credit or a ``文/…`` line is cut inside: ``prev``
    opens with a credit's role and its slash or colon, the two lines joined
    are a credit naming its people, and ``prev`` alone is no credit
    (``摄影/`` + ``某城新报记者 X``) or reads no outlet where the joined
    credit does, its "names" a piece of that outlet (``摄影/某城新`` + ``报正某城网记者
    X``). A credit cut after its names (``摄影/本报记者 张三`` ¶ ``秋色``) is
    left to the model. On the bench pages one break is so (``编辑:`` ¶ ``苏琳``),
    a layout break.

    >>> _credit_cut("摄影/", "某城晚报记者 王五"), _credit_cut("摄影/某城", "晚报记者 王五")
    (True, True)
    >>> _credit_cut("摄影/本报记者 张三", "秋色"), _credit_cut("摄影/张三", "新华社发")
    (False, False)
    """
    joined = prev + nxt
    if not metadata.is_credit(joined):
        return False
    whole = metadata.parse_byline(joined)
    if not whole.authors:
        return False
    if not metadata.is_credit(prev):
        return True
    part = metadata.parse_byline(prev)
    return part.outlet is None and whole.outlet is not None and all(a["name"] in whole.outlet for a in part.authors)


#: A code of capitals glued to Chinese text, cut in two (``“某城图书馆”AP`` +
#: ``P扫码``, ``腹部B`` + ``超``, ``足球赛U`` + ``15组``, ``甲型H3`` + ``N2亚型``,
#: ``其中4A`` + ``级``): what each side of the cut may be.
_CODE_TAIL = regex.compile(r"[\p{Han}”》](?P<letters>[A-Z]+)(?P<digits>\d*)$|\d(?P<grade>[A-Z])$")
_CODE_ONE = regex.compile(r"[A-Z]\p{Han}")
_CODE_DIGITS = regex.compile(r"\d+\p{Han}")
_CODE_REST = regex.compile(r"[A-Z]+\d+[A-Z\d]*\p{Han}")


def _code_cut(prev: str, nxt: str) -> bool:
    """Whether a code of capitals (and digits) glued to the Chinese text
    either side is cut in two: ``prev`` ends on the code right after a
    Chinese character, and ``nxt`` opens with one more capital then a
    Chinese character (``AP`` + ``P扫码``), or with the Chinese character
    itself after a single capital (``腹部B`` + ``超声``) or a grade
    (``4A`` + ``级``), with digits after a single capital (``U`` + ``15组``),
    or with a capital and digits after capitals and digits (``H3`` +
    ``N2亚型``). Two words the source parted with a space (``收购IBM`` ¶ ``PC业务``)
    are left to the model, as is a headline's letter (``知多D``). On the bench
    pages all 18 such breaks are layout breaks.

    >>> _code_cut("市民可用“某城图书馆”AP", "P扫码入馆"), _code_cut("近期儿童腹部B", "超检查"), _code_cut("以甲型H3", "N2亚型为主")
    (True, True, True)
    >>> _code_cut("青少年足球赛U", "15组比赛"), _code_cut("其中4A", "级以上景区7家"), _code_cut("据报道，收购IBM", "PC业务后")
    (True, True, False)
    """
    m = _CODE_TAIL.search(prev)
    if m is None:
        return False
    if m["grade"]:
        return _HAN_START.match(nxt) is not None
    if m["digits"]:
        return _CODE_REST.match(nxt) is not None
    if len(m["letters"]) == 1 and len(prev) >= _LONE_AFTER and (_HAN_START.match(nxt) or _CODE_DIGITS.match(nxt)):
        return True
    return _CODE_ONE.match(nxt) is not None


#: A short name in quotes closing a line, glued to the word before it (``西关街的“马记羊杂”``).
_QUOTED_NAME_END = regex.compile(r"[\p{Han}A-Za-z0-9]“[^“”，,。！？!?：:；;、]{1,12}”$")


def _quote_cut(prev: str, nxt: str) -> bool:
    """Whether a clause is cut right after a quoted name (``…西关街的“马记羊杂”``
    + ``店里已坐满食客。``): ``prev`` is running text (a clause mark in it),
    no list item, and ends on a short quoted name glued to the word before
    it, and ``nxt`` opens with a Chinese character and no dateline. A
    headline ending on quotes (``加息为何还要“窗口指导”``) has no clause mark. On the
    bench pages 73 of 76 such breaks are layout breaks (the others
    a source's slips: ``这种女人属于“占有式女性”`` ¶ ``一周之后，…``).

    >>> _quote_cut("清晨6点，老城区西关街的“马记羊杂”", "店里已经坐满了食客。")
    True
    >>> _quote_cut("推进城市更新的“老街故事”", "改造方案公布"), _quote_cut("他说：“好。”", "大家都笑了。")
    (False, False)
    """
    return _QUOTED_NAME_END.search(prev) is not None and _HAN_START.match(nxt) is not None \
        and _RUNNING_PUNCT.search(prev) is not None and metadata.LIST_MARKER.match(prev) is None \
        and metadata.match_dateline(nxt) is None


def _lead_cut(prev: str) -> bool:
    """Whether ``prev`` is a dateline or feed (``…讯``, ``…电``, or its
    bracketed byline) followed by a lead's first few words, no punctuation
    (``本报讯 昨日上午``): the lead goes on in the next line. On the bench
    pages 28 of 28 such breaks are layout breaks.

    >>> _lead_cut("本报讯 昨日上午"), _lead_cut("新华社广州4月20日电 记者"), _lead_cut("本报讯（记者 王五）")
    (True, True, False)
    >>> _lead_cut("一个举报电话牵出一串窝案"), _lead_cut("中新社合肥五月八日电 题：皖风徽韵")
    (False, False)
    """
    end = metadata.byline_end(prev)
    if not end or end >= len(prev):
        return False
    head, rest = prev[:end].rstrip(), prev[end:].strip()
    if not head or head[-1] not in "讯电）)" or head[-1] in "讯电" and _HAN_START.match(prev[len(head)]):
        return False
    return 0 < len(rest) <= _LEAD_START_MAX and _LEAD_START_STOP.search(rest) is None


#: A lead that opens with its date and a comma (``9月17日晚，…``, ``3月3日，…``).
_DATED_LEAD = re.compile(r"\d{1,2}月\d{1,2}日[^，,。；;！？!?]{0,3}[，,]")
_SENTENCE_MARK = re.compile(r"[。！？!?]")


def _dated_lead_cut(prev: str, nxt: str) -> bool:
    """Whether ``prev`` opens a lead with its date and a comma and ends on
    a Chinese character before its first sentence ends, over a line opening
    with a Chinese character: the sentence goes on (``9月17日晚，市民在雁泽市``
    + ``滨江公园…``), however short the page's lines. On the bench pages 41 of
    41 such breaks are layout breaks.

    >>> _dated_lead_cut("9月17日晚，市民在滨海市", "江滨公园垂钓。"), _dated_lead_cut("5月8日，山羊出生。新华社发", "市场报讯")
    (True, False)
    """
    return _DATED_LEAD.match(prev) is not None and _HAN_START.match(prev[-1]) is not None \
        and _HAN_START.match(nxt) is not None and _SENTENCE_MARK.search(prev) is None


def _approx_amount_cut(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` opens with an approximate amount (``近40%``, ``约3万人``)
    after a word that takes an amount (:data:`_TAKES_AMOUNT`) at the end of
    ``prev``, no list item's heading: the clause goes on (``同比增长`` +
    ``近40%。``). On the bench pages all 3 such breaks are layout breaks.

    >>> _approx_amount_cut("业务量同比增长", "近40%。前10个月，…"), _approx_amount_cut("同比增长", "近日，市里召开会议。")
    (True, False)
    """
    return _HAN_START.match(prev[-1]) is not None and _TAKES_AMOUNT.search(prev) is not None \
        and metadata.LIST_MARKER.match(prev) is None and _APPROX_AMOUNT.match(nxt) is not None


#: The first half of a headline cut after its inner ``！`` or ``？``
#: (``高温橙色预警！``), and the rest of it: no sentence's or clause's mark.
_BANG_HEAD = regex.compile(r"\p{Han}{2,8}[！？!?]")
_BANG_HEAD_MAX = 9
_HEAD_REST = regex.compile(r"[^，,。；;：:！？!?、]{4,24}")


def _headline_cut(texts: Sequence[str], k: int) -> bool:
    """Whether line ``k`` is the first half of a headline cut after its
    inner ``！`` or ``？`` (``高温橙色预警！`` + ``某市最高气温将达38℃``, as the
    seed prints ``省时又省心!…`` on one line): a short exclamation or
    question at the page's top or under a sentence's end, over a
    headline-shaped line, over a byline or dateline. A kicker ending in
    ``！`` over its headline reads the same, and joins as the seed's own
    headline does.

    >>> _headline_cut(["高温橙色预警！", "某市最高气温将达38℃", "新报讯(某报记者 王五) 7月19日，…"], 0)
    True
    >>> _headline_cut(["…健康成长！", "某市最高气温将达38℃", "新报讯(某报记者 王五) 7月19日，…"], 0)
    False
    """
    if k + 2 >= len(texts) or k and not ends_sentence(texts[k - 1]):
        return False
    return _BANG_HEAD.fullmatch(texts[k]) is not None and _HEAD_REST.fullmatch(texts[k + 1]) is not None \
        and metadata.starts_with_byline(texts[k + 2][:80])


def _name_cut(prev: str, nxt: str = "") -> bool:
    """Whether ``prev`` ends with a title or role and a lone surname
    (:func:`metadata.cut_name`) that ``nxt`` goes on: not where the title and
    the surname make a common word (``局长江``), nor a rarer word whose last
    character makes a word with ``nxt`` too (``记者席`` + ``位``).

    >>> _name_cut("站长门", "立强说"), _name_cut("发布会设有记者席", "位二百个。"), _name_cut("局长江", "涛说")
    (True, False, False)
    """
    cut = metadata.cut_name(prev)
    if cut is None:
        return False
    if cut[1]:
        return True
    t = words.tables()
    made = max(t.logp.get(prev[-2:], _RARE), t.logp.get(prev[-3:], _RARE))
    return made < NAME_CUT_WORD_LOGP and (made == _RARE or prev[-1] + nxt[:1] not in t.known)


#: A title's last characters and a surname that make a word at least this
#: common (log probability in the segmenter's dictionary: ``长江`` -8.1,
#: ``长春`` -11.3) are that word, no cut name; a rarer one (``长门`` -14.2:
#: ``站长门`` + ``立强``) is read as the title and a surname. On the dev
#: corpus the cuts this lets through occur 86 times inside paragraphs
#: (``院长葛`` + ``文君``) and never at a paragraph's or headline's end.
NAME_CUT_WORD_LOGP = -12.0
_RARE = -99.0


#: A number goes on past these: a decimal point, a range's dash or tilde.
_RANGE = frozenset("-－–—~～")
_NUMBER_CUT = _RANGE | frozenset(".．")
#: A score's or a clock time's colon: ``2∶`` + ``0``.
_RATIO = frozenset(":：∶")
_CLAUSE_MARK = re.compile(r"[，,、；;]")
#: An amount that runs on into its clause: a number, its unit (not a date's
#: 年月日, but a span of years: ``68年``), then a clause mark within a few
#: characters (``105万人次，``).
_AMOUNT_PATTERN = (r"(?:\d{1,3}[余多]?年(?![底初末中内])"
                   r"|\d[\d.,．]*(?:[至到~～\-—]\d[\d.,．]*)?"
                   r"(?:[余多]?[十百千万亿]*[余多]?(?:[%％‰]"
                   r"|[元人个家只吨台辆名座户次件项倍米克岁股份分秒公亩斤平立度升天周例篇所条张套头盒瓶场届轮枚位块间层期小种株])"
                   r"|[万亿]))")
_AMOUNT = re.compile(_AMOUNT_PATTERN)
_QUANTITY = re.compile(_AMOUNT_PATTERN + r"[^，,。；;、\s]{0,10}[，,。；;、]")
#: An approximate amount: a word of approximation, then an amount (``近40%``, ``约3万人``).
_APPROX_AMOUNT = re.compile(r"(?:近|约|逾|超|超过|不足|将近|接近|大约)" + _AMOUNT_PATTERN)
_APPROX_FIRST = frozenset("近约逾超不将接大")
#: A question's or an answer's turn opened by its speaker and cut after its
#: first few words (``卢慧敏：全市``); a sub-heading (``房价：三大需求支撑热潮``)
#: says more after its colon.
_TURN_OPEN = regex.compile(r"\p{Han}{2,6}[：:]\p{Han}{1,4}$")
#: A date cut between its month and its day (``2022年1月`` + ``31日``).
_MONTH_END = re.compile(r"\d{1,2}月$")
_DAY_START = re.compile(r"\d{1,2}[日号]")
#: A number's Latin suffix, then a Chinese character (``5`` + ``G远程会诊``, ``4`` + ``K电视``).
_LATIN_SUFFIX = regex.compile(r"[A-Z]{1,2}\p{Han}")
_SHORT_NUMBER_END = regex.compile(r"\p{Han}\d{1,2}$")
#: An amount with a Latin unit, after a word that takes one (达到 + 512 TOPS).
_LATIN_AMOUNT = re.compile(r"\d[\d.,]*\s?[A-Za-z]{1,6}")
#: A court case's number cut before its serial: （2026）赣0111刑初 + 567号.
_CASE_OPEN = re.compile(r"[（(〔]\d{4}[）)〕][\u4e00-\u9fff]{0,2}\d{2,6}[\u4e00-\u9fff]{1,4}$")
_CASE_CLOSE = re.compile(r"\d{1,6}号")
#: Words that take a date after them and so end no paragraph or heading (截至 + 2025年底, 计划到 + 2025年).
_TAKES_DATE = re.compile(r"(?:截至|截止|预计|将于|定于|于|自|从|至|到)$")
_DATE_START = re.compile(r"\d{4}年|\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}[日号]")
#: Words that take an amount after them and so end no paragraph or heading:
#: ``共计`` + ``47.3万元。``, ``超过`` + ``80%``, ``上半场第`` + ``23分钟，``.
_TAKES_AMOUNT = re.compile(r"(?:超过|达到|高达|多达|达|约|逾|近|共|共计|合计|累计|总计|仅|不足|不到|超|至|为"
                           r"|上涨|下降|下跌|增长|增加|减少|降低|提高|提升|突破|每[\u4e00-\u9fff]{0,2}|第|计"
                           r"|收报|报收|收于|共有|有|设|满|首批|分别|了)$")
#: An amount alone on its line, with its unit: ``60岁``, ``600万人次``.
_AMOUNT_ALONE = regex.compile(r"\d[\d.,．]*[余多]?[十百千万亿]*[\p{Han}%％‰]{1,3}$")
#: What may stand between a number and a range's dash (``-3℃～5℃``, ``10%-20%``).
_UNIT_BEFORE_RANGE = frozenset("℃%％")


def _may_cut(last: str, prev: str, first: str, next_len: int) -> bool:
    """A cheap first test: False means :func:`certain_join` finds no cut
    beyond the typesetting rules (the line ends in no number mark, no digit
    and no surname after a title's last character, a space or a colon,
    opens no bracket and is no short line holding a byline's word (讯, 电,
    记者 …: :data:`_BYLINE_WORD`), and the next line is longer than four
    characters and opens with no digit, no word of approximation and no
    speech verb's first character, and the line opens with no digit or
    credit role and slash, and ends on no 月, no closing quote and no capital)."""
    if last in _NUMBER_CUT or next_len <= _SHORT_TAIL or first.isdigit() or len(prev) == 1 or last.isdigit() \
            or first in _SPEECH_FIRST or prev[0] in _BRACKET_OPEN or prev[-3:-2] in _NAME_GAP \
            or last in _ADDRESS_CHARS and first in _ADDRESS_CHARS \
            or first in _APPROX_FIRST or prev[0].isdigit() or last == "月" or last == "”" or "A" <= last <= "Z" \
            or len(prev) <= _LEAD_CUT_MAX and _BYLINE_WORD.search(prev) is not None \
            or prev[0] in _CREDIT_FIRST and _CREDIT_OPEN.match(prev) is not None \
            or "据" in prev[:_FRAME_OPEN_AT] or "由" in prev[-_YOU_AT:] or last in _PLUS:
        return True
    single, compound_last, title_end = _cut_chars()
    return last in single and prev[-2:-1] in title_end or last in compound_last and prev[-3:-2] in title_end


@lru_cache(maxsize=1)
def _cut_chars() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Single surnames, the last characters of compound ones, and what may
    stand right before a surname that :func:`metadata.cut_name` reads: the
    last character of a title or role, a space, a colon or a slash."""
    single, compound = metadata.surnames()
    titles = metadata.STAFF_ROLES + metadata.JOB_TITLES + metadata.CREDIT_ROLES
    return single, frozenset(c[-1] for c in compound), frozenset({t[-1] for t in titles} | set(" \u3000:：/／")
                                                                 | metadata.BULLETS)


#: A short heading-shaped line after more blank lines than the page's usual
#: gap, over a long line and with no word across the join, is a headline
#: (更正, 寻人启事): the break under it stands.
_GAP_HEADING = 8
#: A notice's heading alone on its line (讣告, 寻人启事, 遗失声明, 特此公告): the
#: notice's text starts under it. On the bench pages all such breaks are real.
_NOTICE_HEADING = re.compile(r"\s*[\u4e00-\u9fff]{0,4}(?:启事|公告|通告|通知|声明|公示|讣告|更正|告示)\s*$")
#: The longest line a preface's label or a line of names alone may be (``编 者 按``, ``王思远 李可``).
_LABEL_MAX = 14
#: The longest sentence's tail that closes the line before it (``原型是`` + ``谁？``):
#: a line of no more than this, ending a sentence, under a line ending on a
#: Chinese character. On the bench pages 393 of 394 such breaks are layout
#: breaks (the other a source's own slip, ``先天缺`` ¶ ``陷有关。``).
_SHORT_TAIL = 4
#: The shortest line a one-character line may complete (shorter: a table's cells, 队名 + 胜).
_LONE_AFTER = 6


def _alone_after(pg: PageLines, heading_below: float) -> list[str | None]:
    """For each break of ``pg``, the rule that keeps it, or None: a byline
    or credit line that a name cut or a lone character completes (``本报记者
    韩`` + ``冰``, ``本报记者 肖雨`` + ``欣``) stands alone, whatever the fragment
    ``冰`` alone would suggest, and so does a field line of names a lone
    character completes (``坐诊专家：…主任医师 郑丽`` + ``华``); so does a whole byline line under a bullet
    (``□ 孟凡``), which the lead under it never continues, a preface's
    label or a notice's heading (``编 者 按``, ``讣告``), a column's label at
    the page's top or after a wider gap, over a headline-shaped line and a
    longer line, with no word across the join (``名医坐诊`` ¶ ``孩子反复咳嗽是不是过敏？``), names alone under
    a headline-shaped line and over a long one, with no word across either
    join (``李思远``), a headline completed by its amount alone (``明年扩至``
    + ``60岁``), a question's or an answer's turn (``问：``, ``答：``) under a
    line it makes no word with, and a short heading after more blank lines than the page's
    usual gap, over a line of ``heading_below`` characters or more, with no
    word across the join (:data:`_GAP_HEADING`; ``新华`` + ``社北京…电`` goes
    on)."""
    texts, hard, lens, gap = pg.texts, pg.hard, pg.lens, pg.page.gap
    alone: list[str | None] = [None] * len(hard)
    for k, rule in enumerate(hard[:-1]):
        if (rule == "name_cut" or rule == "lone_character" or rule == "byline_cut") \
                and _byline_line(texts[k] + texts[k + 1]):
            alone[k + 1] = "byline_alone"
        elif rule == "lone_character" and not hard[k + 1] and _FIELD_LINE.match(texts[k]) \
                and _titled_name_cut(texts[k]):
            alone[k + 1] = "byline_alone"   # 坐诊专家：…主任医师 郑丽 + 华 ¶ 问：…: a field line of names
    for k, t in enumerate(texts[:-1]):
        if t[:1] in metadata.BULLETS and not hard[k] and len(t) <= 24 and metadata.REPORTER_LINE.match(t):
            alone[k] = "byline_alone"       # □ 孟凡, ■本报记者 王五: a byline set apart by its bullet
    names, label, notice = metadata.NAMES_LINE.match, metadata.PREFACE_LABEL.match, _NOTICE_HEADING.match
    for k, t in enumerate(texts[:-1]):
        if lens[k] <= _LABEL_MAX and not hard[k] and (label(t) or notice(t)):
            alone[k] = "label_alone"        # 编 者 按 ¶ 城市更新是…, 讣告 ¶ 退休教师…: a label over its text
        elif k and lens[k] <= _LABEL_MAX and pg.heading[k - 1] and lens[k + 1] > heading_below and not hard[k] \
                and not hard[k - 1] and names(t) and metadata.names_alone(t) \
                and not words.word_across_join(texts[k - 1], t) and not words.word_across_join(t, texts[k + 1]):
            alone[k] = "names_alone"        # headline ¶ 李思远 ¶ 推进城市更新…: names signed under a headline
    for k, rule in enumerate(hard[:-1]):
        if rule == "quantity_cut" and pg.heading[k] and _AMOUNT_ALONE.match(texts[k + 1]) \
                and lens[k + 2] > heading_below and not hard[k + 1]:
            alone[k + 1] = "headline_amount"    # 明年扩至 + 60岁 ¶ 政府昨日宣布，…: the headline ends with its amount
    for k, t in enumerate(texts[:-2]):
        if lens[k] <= _COLUMN_LABEL_MAX and _COLUMN_LABEL.match(t) and not hard[k] and not alone[k] \
                and (k == 0 or pg.blanks[k - 1] > gap) and lens[k + 1] <= _LABEL_HEADLINE_MAX \
                and (pg.heading_shape[k + 1] or texts[k + 1][-1] in "？！?!") \
                and "：" not in texts[k + 1] and ":" not in texts[k + 1] \
                and lens[k + 2] > lens[k + 1] and words.boundary_at_join(t, texts[k + 1]):
            alone[k] = "label_alone"        # 名医坐诊 ¶ 孩子反复咳嗽是不是过敏？ ¶ 坐诊专家：…: a column's label
    for k, t in enumerate(texts[1:]):          # what the line under break k opens
        if hard[k] or alone[k]:
            continue
        if ("讯" in t[:12] or "电" in t[:20]) and _dateline_opens(texts[k], t):
            alone[k] = "dateline_opens"     # …家长自愿选择 ¶ 快报讯(南屏快报…记者 X) 9月13日，…: a new lead
        elif t[:1] in "问答" and _QA_TURN.match(t) and not words.word_across_join(texts[k], t[:1]):
            alone[k] = "qa_turn"            # 夏季腹泻不可大意 ¶ 问：…: a question or answer opens its paragraph
    for k, b in enumerate(pg.blanks[:-1]):
        if b > gap and pg.heading[k + 1] and lens[k + 1] <= _GAP_HEADING and lens[k + 2] > heading_below \
                and not hard[k + 1] and words.boundary_at_join(texts[k + 1], texts[k + 2]):
            alone[k + 1] = "heading_after_gap"
    return alone


#: A field line: a short label and its colon (``坐诊专家：…``, ``主持人：…``).
_FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]")


def _dateline_opens(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` opens with a dateline or a feed, dated, bracketed or
    a ``…讯`` (``快报讯(…)``, ``新华社北京9月1日电``), that makes no word with
    the end of ``prev``: a lead starts there, whatever ``prev`` looks like
    (a headline with a colon, ``南屏市…全面铺开:每周5天、每天2小时 家长自愿选择``).
    On the bench pages 268 of 273 breaks before a dateline are real; of the
    rest, four make a word across (``巴基斯`` + ``坦电视台``).

    >>> _dateline_opens("每周5天、每天2小时 家长自愿选择", "快报讯(南屏快报记者 齐远舟) 9月13日，记者获悉")
    True
    >>> _dateline_opens("据巴基斯", "坦电视台19日报道，"), _dateline_opens("地方广电，而", "央视尽管对地方广电有号召力")
    (False, False)
    """
    m = metadata.match_dateline(nxt)
    if m is None or words.word_across_join(prev, nxt):
        return False
    return m.group("kind").endswith("讯") or _DATED.search(m.group()) is not None \
        or nxt[m.end():m.end() + 1] in "（("


_DATED = re.compile(r"\d日|[一二三四五六七八九十]日")


#: A question's or an answer's turn in an interview or a Q&A (``问：``, ``答：``).
_QA_TURN = re.compile(r"[问答][：:]")
#: A column's label over a headline, at the page's top or after a wider
#: gap than the page's own: two to six Chinese characters (``名医坐诊``, ``影评``).
_COLUMN_LABEL_MAX = 6
_COLUMN_LABEL = regex.compile(rf"\p{{Han}}{{2,{_COLUMN_LABEL_MAX}}}$")
#: The longest headline a column label stands over.
_LABEL_HEADLINE_MAX = 30


def _byline_line(text: str) -> bool:
    """Whether a whole line is a byline (:data:`metadata.REPORTER_LINE`) or a credit."""
    return metadata.REPORTER_LINE.match(text) is not None or metadata.is_credit(text)


_HAN_START = regex.compile(r"\p{Han}")


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

    ``choose(k, features)`` says whether a weighed break ``k`` is joined;
    a break a rule decides (``PageLines.hard``, ``PageLines.alone``) is
    joined or kept as the rule says, without asking. The block state
    follows those choices. Yields ``(k, features, join)``, features None
    for a rule's break. This is the model's
    definition, which training uses; :func:`decide` reaches the same
    decisions faster.
    """
    if len(texts) < 2:
        return
    pg = PageLines(texts, blanks)
    state = BlockState(open_brackets(texts[0]), 1, len(texts[0]))
    for k in range(len(texts) - 1):
        if pg.hard[k] or pg.alone[k]:       # a rule decides: obeyed, never weighed
            f, join = None, bool(pg.hard[k])
        else:
            f = features(pg, k, state)
            join = choose(k, f)
        yield k, f, join
        nxt = texts[k + 1]
        if join:
            state = BlockState(open_brackets(nxt, state.depth), state.lines + 1, state.chars + len(nxt))
        else:
            state = BlockState(open_brackets(nxt), 1, len(nxt))


# --- the model, compiled for speed --------------------------------------------------
class _Var(NamedTuple):
    """A feature value known only per page or per break, kept as a variable
    while the model is compiled: ``e`` the page's share of sentence ends,
    ``w`` the word across the join, ``h`` the character model's verdict."""
    name: str


_E, _W, _H = _Var("e"), _Var("w"), _Var("h")


@lru_cache(maxsize=None)
def _layout(names: tuple[str, ...]) -> dict[tuple[str, ...], None]:
    """The monomials of a compiled part, in order: the constant, then those
    named ("e", "ew" ...), each a sorted tuple of variable names."""
    return dict.fromkeys([(), *(tuple(sorted(n)) for n in names)])


def _factor(value: float | _Var) -> tuple[float, tuple[str, ...]]:
    """A feature value as (number, variables): 0.5 -> (0.5, ()), e -> (1.0, ("e",))."""
    return (1.0, (value.name,)) if isinstance(value, _Var) else (value, ())


class _Ids(dict):
    """Interns hashable keys as small integers: ``ids[key]`` is the key's
    number (new keys get the next one) and ``ids.keys_[number]`` the key."""

    def __init__(self):
        super().__init__()
        self.keys_: list = []

    def __missing__(self, key) -> int:
        self.keys_.append(key)
        self[key] = n = len(self.keys_) - 1
        return n


class _Memo(dict):
    """A dict that fills itself: ``memo[key]`` is ``make(key)``, made once."""

    def __init__(self, make: Callable):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        self[key] = value = self.make(key)
        return value


_PREV_IDS, _NEXT_IDS = _Ids(), _Ids()
#: The facts of a join that neither the block nor the bylines change (see :func:`_join_parts`).
_JOIN_IDS = _Ids()


class _Compiled:
    """The model compiled for :func:`decide`: the log-odds of a join is the
    sum of the three parts' own terms (features and the pairs within a
    part), the terms of pairs across two parts, and the late features'
    terms. Each is a polynomial in the variables ``e``, ``w``, ``h`` (see
    :class:`_Var`), worked out from the part's evidence the first time it
    is met and then looked up: a part's evidence is keyed by the facts it
    comes from, and the pairs across two parts by the features of each that
    have a partner in the other (few, so these tables stay small). The sum
    is the model's log-odds up to the rounding of a different order of
    additions."""

    def __init__(self, m: dict):
        self.model = m
        self.bias = m["bias"]
        self.weights = m["weights"]
        threshold = m.get("threshold", 0.5)
        self.threshold = threshold
        self.z_threshold = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else math.inf
        self.ranges = _value_ranges()
        self.partners: dict[str, list[tuple[str, float]]] = {}
        for name, w in m.get("pairs", {}).items():
            a, b = name.split("*")
            self.partners.setdefault(a, []).append((b, w))
            self.partners.setdefault(b, []).append((a, w))
        # toward[p][q]: the features of part p with a partner in part q
        self.toward: dict[str, dict[str, frozenset]] = {p: {} for p in ("prev", "next", "join", "late")}
        for p in self.toward:
            for q in self.toward:
                self.toward[p][q] = frozenset(
                    n for n, part in _ORDER if part == p
                    and any(_PART.get(o) == q for o, _ in self.partners.get(n, ())))
        # what a line's being a byline or a credit can add to the log-odds, as
        # the first line of a break, the second, and the line after the second
        self.byline_bounds = tuple(map(self._bounds, ("prev_byline", "next_byline", "next_is_headline")))
        self.credit_bounds = self._bounds("prev_credit")
        self.proj_ids = _Ids()
        self.prev = _Memo(self._prev)
        self.prev_terms = _Memo(self._prev_terms)
        self.next = _Memo(self._next)
        self.join = _Memo(self._join)
        self.prev_next = _Memo(lambda key: self._cross(key, "e"))
        self.prev_join = _Memo(lambda key: self._cross(key, "e", "w", "h", "ew", "eh"))
        self.next_join = _Memo(lambda key: self._cross(key, "w", "h"))
        self.late = _Memo(self._late)
        self.late_range = _Memo(self._late_range)
        self.first = _Memo(self._first)
        self.second = _Memo(self._second)

    def _bounds(self, name: str) -> tuple[float, float]:
        """How much a binary feature can add to the log-odds, at least and at
        most, whatever the other features are."""
        w = self.weights.get(name, 0.0)
        lo, hi = min(0.0, w), max(0.0, w)
        for other, pw in self.partners.get(name, ()):
            ends = [pw * v for v in self.ranges.get(other, (0.0, 1.0))]
            lo, hi = lo + min(0.0, *ends), hi + max(0.0, *ends)
        return lo, hi

    # polynomials: {monomial: coefficient}, a monomial a sorted tuple of variable names
    def _terms(self, f: dict, g: dict | None = None) -> dict[tuple, float]:
        """The terms of ``f`` (its features and pairs within it), or, given
        ``g``, of the pairs with one feature in ``f`` and one in ``g``."""
        out: dict[tuple, float] = {}
        fs = {a: _factor(v) for a, v in f.items()}
        if g is None:
            for a, (c, m) in fs.items():
                out[m] = out.get(m, 0.0) + self.weights.get(a, 0.0) * c
        others = fs if g is None else {b: _factor(v) for b, v in g.items()}
        for a, (ca, ma) in fs.items():
            for b, w in self.partners.get(a, ()):
                if b in others and (g is not None or a < b):
                    cb, mb = others[b]
                    m = tuple(sorted(ma + mb)) if ma and mb else ma or mb
                    out[m] = out.get(m, 0.0) + w * ca * cb
        return out

    @staticmethod
    def _coefficients(terms: dict[tuple, float], *names: str) -> tuple[float, ...]:
        """The constant term, then the coefficients of the monomials named
        ("e", "ew" ...); any other monomial is a compilation error."""
        wanted = _layout(names)
        if not terms.keys() <= wanted.keys():
            raise ValueError(f"break model: unexpected terms {set(terms) - set(wanted)}")
        return tuple(terms.get(m, 0.0) for m in wanted)

    def _project(self, f: dict, part: str, other: str) -> int:
        """The features of ``f`` (of ``part``) that pair with ``other``'s, as a number."""
        keep = self.toward[part][other]
        return self.proj_ids[tuple(sorted((n, v) for n, v in f.items() if n in keep))]

    def _prev(self, key: int) -> tuple:
        facts, bits = _PREV_IDS.keys_[key >> 4], key & 15
        f = prev_evidence(PrevFacts._make(facts), _E, bits & 1, bool(bits & 2), bool(bits & 4), bool(bits & 8))
        return self.prev_terms[tuple(f.items())]

    def _prev_terms(self, items: tuple) -> tuple:
        """The compiled first-line evidence (many facts and block states
        give the same evidence, compiled once)."""
        f = dict(items)
        return (*self._coefficients(self._terms(f), "e"), self._project(f, "prev", "next"),
                self._project(f, "prev", "join"), self._project(f, "prev", "late"))

    def _next(self, key: int) -> tuple:
        f = next_evidence(NextFacts._make(_NEXT_IDS.keys_[key >> 1]), bool(key & 1))
        return (*self._coefficients(self._terms(f)), self._project(f, "next", "prev"),
                self._project(f, "next", "join"), self._project(f, "next", "late"))

    def _join(self, key: int) -> tuple:
        blanks, word, clause, dateline, across, inside = _JOIN_IDS.keys_[key >> 2]
        pair, headline = bool(key & 2), bool(key & 1)
        f = join_evidence(JoinFacts(pair, headline, blanks, _W if word else 0.0, clause, dateline,
                                    across, _H if inside else None, None, None))
        return (*self._coefficients(self._terms(f), "w", "h", "hw"), self._project(f, "join", "prev"),
                self._project(f, "join", "next"), self._project(f, "join", "late"))

    def _first(self, key: tuple[int, int, int]) -> tuple:
        """The first line's part with its pairs across to the other two
        (given their projections toward it): the coefficients of the
        constant, e, w, h, ew and eh, then the projection toward the late
        features."""
        prev, next_proj, join_proj = key
        p1, pe, p_n, p_j, p_l = self.prev[prev]
        c1, ce = self.prev_next[p_n, next_proj]
        d1, de, dw, dh, dew, deh = self.prev_join[p_j, join_proj]
        return p1 + c1 + d1, pe + ce + de, dw, dh, dew, deh, p_l

    def _second(self, key: tuple[int, int]) -> tuple:
        """The second line's part and the join's, with the pairs between
        them: the coefficients of the constant, w, h and hw, then the
        projections of each toward the first line and toward the late
        features."""
        n1, n_p, n_j, n_l = self.next[key[0]]
        g1, gw, gh, ghw, j_p, j_n, j_l = self.join[key[1]]
        x1, xw, xh = self.next_join[n_j, j_n]
        return n1 + g1 + x1, gw + xw, gh + xh, ghw, n_p, j_p, n_l, j_l

    def _cross(self, key: tuple[int, int], *names: str) -> tuple[float, ...]:
        a, b = (dict(self.proj_ids.keys_[i]) for i in key)
        return self._coefficients(self._terms(a, b), *names)

    def _late(self, key: tuple) -> tuple[tuple[str, str | None, tuple[float, ...]], ...]:
        """For the projections of the three parts toward the late features
        and whether a word spans the join: every way the late features may
        turn out, ``(segment, self_use, coefficients)``."""
        p, n, j, word = key
        parts = [dict(self.proj_ids.keys_[i]) for i in (p, n, j)]
        out = []
        for segment in ("segment_inside", "segment_boundary") if word else ("segment_boundary",):
            for self_use in (None, "self_pair", "self_triple"):
                f = {segment: 1, **({self_use: 1} if self_use else {})}
                terms = self._terms(f)
                for g in parts:
                    for mono, c in self._terms(f, g).items():
                        terms[mono] = terms.get(mono, 0.0) + c
                out.append((segment, self_use, self._coefficients(terms, "e", "w", "h", "ew", "eh", "hw")))
        return tuple(out)

    def _late_range(self, key: tuple) -> tuple[float, float]:
        """The least and the most the late features can add, over every way
        and every value of the variables (their terms are linear in each
        variable, so the extremes are at the ends of the variables' ranges)."""
        e_range = (0.0, 1.0)
        w_range = self.ranges["word_across"]
        h_range = self.ranges["han_inside_word"]
        corners = [(1.0, e, w, h, e * w, e * h, w * h) for e in e_range for w in w_range for h in h_range]
        sums = [sum(map(_mul, c, x)) for _, _, c in self.late[key] for x in corners]
        return min(sums) - _CLOSE, max(sums) + _CLOSE


def _value_ranges() -> dict[str, tuple[float, float]]:
    """The values the non-binary features take, at least and at most."""
    return {"end_han_x_ended": (0.0, 1.0), "end_alnum_x_ended": (0.0, 1.0), "end_other_x_ended": (0.0, 1.0),
            "word_across": (0.0, words.max_word_across() / 5), "han_inside_word": (-1.0, 1.0)}


_COMPILED: list[_Compiled] = []


def _compiled() -> _Compiled:
    """The current model, compiled (again when the model is replaced)."""
    m = model()
    if not _COMPILED or _COMPILED[0].model is not m:
        _COMPILED[:] = [_Compiled(m)]
    return _COMPILED[0]


#: Log-odds this close to the threshold are checked against the model's
#: own arithmetic (:func:`p_join`), so that rounding never flips a decision.
_CLOSE = 1e-9


def decide(lines: Sequence[str], content: Sequence[int], blanks: Sequence[int]) -> list[Decision]:
    """Decisions for the breaks between consecutive content lines.

    ``lines`` holds every line of the page (cleaned of controls and width
    forms), ``content`` the indices of non-blank ones, ``blanks[k]`` the
    number of blank lines between ``content[k]`` and ``content[k + 1]``.

    Reaches the decisions :func:`walk` and :func:`p_join` define, by the
    compiled model (:class:`_Compiled`). Bylines, credits, the word
    segmentation and the file's own use of the characters across a join
    are worked out only where some way they may turn out would change the
    decision (the model bounds what each can add to the log-odds).
    """
    texts = [lines[i].strip(_STRIP) or lines[i] for i in content]
    if len(texts) < 2:
        return []
    cm = _compiled()
    pg = PageLines(texts, blanks)
    if not -30 < cm.z_threshold < 30:       # a threshold the clamped probability cannot meet
        return _decide_slowly(pg, content)
    zt = cm.z_threshold
    hard, alone, brackets, lens = pg.hard, pg.alone, pg.brackets, pg.lens
    heading = pg.heading
    BYLINE, CREDIT = PageLines.BYLINE, PageLines.CREDIT
    byline_known, credit_known = pg.known
    prev_byline, next_byline, after_byline = cm.byline_bounds
    credit = cm.credit_bounds
    long_at = 2 * pg.page.median
    n = len(texts)
    joins = _join_parts(pg)
    out = []
    depth, lines_in_block, chars = max(brackets[0] or (0, 0)), 1, lens[0]
    for k in range(n - 1):
        if hard[k]:
            out.append(Decision(content[k], content[k + 1], True, 1.0, ((hard[k], RULE_WEIGHT),)))
            join = True
        elif alone[k]:
            out.append(Decision(content[k], content[k + 1], False, 0.0, ((alone[k], -RULE_WEIGHT),)))
            join = False
        else:
            bits = (depth > 0) | (lines_in_block == 1) << 1 | (chars > long_at) << 2 | (k == 0) << 3
            z, late, values = _log_odds(cm, pg, k, bits, joins[k])
            lo = hi = z
            if late:
                late_lo, late_hi = cm.late_range[late]
                lo, hi = z + late_lo, z + late_hi
            unknown = []            # (kind, line, bounds), in the order they would be worked out
            if not byline_known[k + 1]:
                lo, hi = lo + next_byline[0], hi + next_byline[1]
                unknown.append((BYLINE, k + 1, next_byline))
            if not credit_known[k]:
                lo, hi = lo + credit[0], hi + credit[1]
                unknown.append((CREDIT, k, credit))
            if not byline_known[k]:
                lo, hi = lo + prev_byline[0], hi + prev_byline[1]
                unknown.append((BYLINE, k, prev_byline))
            if heading[k + 1] and k + 2 < n and not byline_known[k + 2]:
                lo, hi = lo + after_byline[0], hi + after_byline[1]
                unknown.append((BYLINE, k + 2, after_byline))
            source = (pg, k, depth, lines_in_block, chars)
            if lo - zt >= _CLOSE:
                join = True
            elif hi - zt <= -_CLOSE:
                join = False
            else:
                join = _settle(cm, pg, k, bits, joins[k], z, late and cm.late[late], values, unknown, source)
            out.append(Decision(content[k], content[k + 1], join, None, None, None, source))
        effect = brackets[k + 1]
        if join:
            if effect:
                depth = max(depth + effect[0], effect[1])
            lines_in_block, chars = lines_in_block + 1, chars + lens[k + 1]
        else:
            depth = max(effect) if effect else 0
            lines_in_block, chars = 1, lens[k + 1]
    return out


def _settle(cm: _Compiled, pg: PageLines, k: int, bits: int, join: tuple, z: float, ways: tuple | None,
            values: tuple, unknown: list[tuple[int, int, tuple[float, float]]], source: tuple) -> bool:
    """The decision on a break its bounds left open. What is still unknown
    is worked out step by step until every way the rest may turn out falls
    on the same side of the threshold: the file's use of the characters
    across the join (for two Chinese characters), then whether the lines
    around it are bylines or credits (``unknown``: kind, line and what it
    can add to the log-odds), and last the segmentation."""
    zt = cm.z_threshold
    steps: list = (["self"] if ways else []) + unknown + ["segment"]
    self_use = None
    lo, hi = _range(z, ways, values)
    for step in steps:
        if lo + sum(b[0] for _, _, b in unknown) - zt >= _CLOSE:
            return True
        if hi + sum(b[1] for _, _, b in unknown) - zt <= -_CLOSE:
            return False
        if step == "self":
            self_use = _self_pair(pg.page, k, pg.texts[k], pg.texts[k + 1])
            ways = tuple(w for w in ways if w[1] == self_use)
        elif step == "segment":
            if ways and len(ways) > 1:
                boundary = words.boundary_at_join(pg.texts[k], pg.texts[k + 1])
                ways = tuple(w for w in ways if w[0] == ("segment_boundary" if boundary else "segment_inside"))
        else:
            unknown = [u for u in unknown if u is not step]
            if pg.resolve(step[0], step[1]):
                z, late, values = _log_odds(cm, pg, k, bits, join)
                if late:
                    ways = tuple(w for w in cm.late[late] if w[1] == self_use)
        lo, hi = _range(z, ways, values)
    z = lo
    if -_CLOSE < z - zt < _CLOSE:
        return p_join(_source_features(source)) >= cm.threshold
    return z >= zt


def _range(z: float, ways: tuple | None, values: tuple) -> tuple[float, float]:
    """The lowest and highest log-odds over the ways the late features may turn out."""
    if not ways:
        return z, z
    zs = [z + sum(map(_mul, c, values)) for _, _, c in ways]
    return min(zs), max(zs)


def _join_parts(pg: PageLines) -> list[tuple[int, float, float | None] | None]:
    """For each break, what its two lines say together that neither the
    block nor the bylines change, as ``(id, w, h)``: the number of the facts
    (blank lines, a word across, clause, dateline, across) in
    :data:`_JOIN_IDS`, the word across the join and the character model's
    verdict (None unless two Chinese characters meet). None for a break
    :func:`certain_join` decides. Most breaks have no facts across them but
    the blank lines (see :func:`_words_across`): their parts are made once
    for each number of blank lines."""
    gap = pg.page.gap
    ids = _JOIN_IDS
    hard = pg.hard
    plain = {b: (ids[_blanks_class(b, gap), False, None, False, None, False], 0.0, None) for b in set(pg.blanks)}
    out = [None if h else plain[b] for h, b in zip(hard, pg.blanks)]
    for k, facts in enumerate(pg.words_across()):
        if facts is not _NO_WORD_FACTS and not hard[k]:
            word, clause, dateline, across, inside = facts
            out[k] = (ids[_blanks_class(pg.blanks[k], gap), word != 0.0, clause, dateline, across, inside is not None],
                      word, inside)
    return out


def _log_odds(cm: _Compiled, pg: PageLines, k: int, bits: int,
              join: tuple[int, float, float | None]) -> tuple[float, tuple | None, tuple]:
    """The log-odds of a join at the break after line ``k`` by the compiled
    model, without the late features, in a block described by ``bits``
    (bracket open, alone, long, first line), given the break's
    :func:`_join_parts`; then, for a break between two Chinese characters,
    the key of the ways the late features may turn out (see
    :meth:`_Compiled._late`) and the values of the variables their terms
    multiply."""
    jid, w, h = join
    heading = pg.heading[k + 1]
    jkey = jid << 2 | (heading and not bits & 1 and pg.heading_shape[k]) << 1 \
        | (heading and k + 2 < len(pg.texts) and pg.byline[k + 2])
    a1, aw, ah, ahw, n_p, j_p, n_l, j_l = cm.second[pg.next_ids[k + 1] << 1 | pg.sentence[k], jkey]
    b1, be, bw, bh, bew, beh, p_l = cm.first[pg.prev_ids[k] << 4 | bits, n_p, j_p]
    e = pg.page.ended
    if h is None:
        return cm.bias + a1 + b1 + e * be + w * (aw + bw + e * bew), None, ()
    z = cm.bias + a1 + b1 + e * be + w * (aw + bw + e * bew) + h * (ah + bh + e * beh) + w * h * ahw
    return z, (p_l, n_l, j_l, w != 0.0), (1.0, e, w, h, e * w, e * h, w * h)


def _decide_slowly(pg: PageLines, content: Sequence[int]) -> list[Decision]:
    """Decisions by the model's own arithmetic (:func:`walk`, :func:`p_join`)."""
    threshold = model().get("threshold", 0.5)
    out = []

    def choose(k: int, f: dict[str, float]) -> bool:
        p = p_join(f)
        out.append(Decision(content[k], content[k + 1], p >= threshold, p, None, f))
        return p >= threshold

    for k, f, join in walk(pg.texts, pg.blanks, choose):
        if f is None:
            out.append(Decision(content[k], content[k + 1], join, float(join),
                                ((pg.hard[k] or pg.alone[k], RULE_WEIGHT if join else -RULE_WEIGHT),)))
    return out
