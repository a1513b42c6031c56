"""Blocks -> articles: give each block a role and group blocks into articles.

A *block* is a run of raw lines that break repair joined into one paragraph.
Roles:

``title``     a headline; it opens a new article
``byline``    a byline or dateline standing alone
``credit``    a photo credit (``记者 X 摄``, ``摄影/…``), ``文/…`` line or
              editor's note (``（责任编辑：…）``); kept in the record's
              ``credits`` (the first one fills ``byline`` when there is none)
``divider``   a rule of dashes, stars or dots between items; it ends the
              article, and is removed with an audit edit
``end_mark``  ``（完）`` and the like standing alone; it ends the article, and
              is removed with an audit edit
``kicker``    a column label over a headline; it opens a new article and is
              kept as its first paragraph (role ``body`` once grouped)
``body``      everything else: paragraphs, sub-headings, list items

A short unpunctuated block may be a title or a sub-heading (which stays in
the body, like a list item). A logistic model over block evidence decides
(weights in ``data/titles.json``, trained by ``bench/train_breaks.py``):
what stands before it (the page top, a finished article, a credit, extra
blank lines), what follows (a byline or dateline, a news lead, another
short line), its own shape (length, ``！？``, a space between two parts, a
list marker), and whether its words come from the text after it rather than
the text before (a headline opens new matter; a sub-heading continues it).
One pattern is not weighed but obeyed: a short line at the top of the page,
or after a finished article or a credit, followed by a byline or dateline
opens an article; so does one after extra blank lines behind a finished
paragraph, a credit or a short line (``_after_wide_gap``: a box of listings
or results, a notice). A second short line right after a title stays in the
body: the record has one headline, and a subtitle's text is not lost there.
A column label taken as the headline over a longer headline line
(``_column_labels``) is a ``kicker``: the line under it becomes the title
and the label the text's first paragraph. A label opening the page, or
standing after a credit, over an item with a box's mark (``■ …``) heads a
box of briefs: it is the title (``_box_heads``); one over a question
headline over a Q&A (``问：…``) is a kicker too (``_untaken_pair_over_qa``).
Two heading lines untaken (or only the lower, under a column label,
perhaps marked: ``■民生关注``) right over a byline where an article may
begin are a kicker and its headline (``_kicker_stacks``).
A sidebar's label under a finished paragraph (``■相关链接``, ``【背景】``)
opens a box of its own and is its title, the heading under it the first
paragraph (``_sidebar_boxes``). A signature in brackets under a paragraph
closes its article as a credit does (``_closes_at``). A headline over
nothing but the page's furniture heads no article and goes back to the text
(``_titles_over_furniture``).

A byline block opens a new article when the current one already has a body
(pages whose articles have no headline). Inline bylines at the start of a
first paragraph are split off later, on normalised text.

Speed: most blocks are settled by cheap tests (a byline word near the start,
a credit character, ``完``) before any pattern runs, and one search for the
byline opening a block serves its role, its words and the byline test of
the block before it. The headline model is worked out lazily but exactly:
the costly topic features (character pairs shared with the text around)
are computed only when the rest of the score leaves the decision open for
some value they can take (``_model_says_title``); training
(``assign_roles(blocks, choose)``) always gets every feature.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import add
from typing import Sequence

import regex

from . import metadata, normalize
from .breaks import _LEAD, _NOTICE_HEADING, Decision, ends_sentence, usual_gap

#: Roles that close the article they end and are removed with an audit edit.
MARK_ROLES = ("divider", "end_mark", "folio")
#: Roles after which a block stands where a new article may begin.
_CLOSING_ROLES = ("credit", *MARK_ROLES)
#: The longest block that may be a headline.
TITLE_MAX = 60
#: (not one that ends a sentence: ``……。`` is an elided passage, text)
_DIVIDER = regex.compile(r"^[\s\-—－–_＿=＝*＊~～·•.。…⋯#＃+＋]{3,}(?<!。)$")
_END_MARK = regex.compile(r"^[\s(（\[【<〈-]*(?:全文)?完[\s)）\]】>〉-]*$")
#: A folio: the page's own header or footer, its date and weekday or its page
#: number standing apart (``2026年11月26日 星期四 要闻 第3版``, ``要闻 第3版``).
_FOLIO = regex.compile(
    r"^(?:[^:：，,。]{0,12}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天].{0,24}"
    r"|(?:\S{1,8}\s+)?第\s*[A-Za-z]?\d{1,3}\s*版(?:\s+\S{1,8})*)$")
#: A folio that names no page (``2026年11月26日 星期四`` alone) is one only
#: among the first or last this many blocks of a page, where headers and
#: footers stand; amid the text such a line dates a diary's entry. (On a
#: page of six blocks or fewer every block is at an edge.)
FOLIO_EDGE = 3
#: An end mark closing a paragraph: ``…面积稳定在5600万亩以上。（完）``.
END_MARK_TAIL = regex.compile(r"(?<=[。！？!?”’…）)])\s*[（(](?:全文)?完[）)]$")
_RUNNING_PUNCT = re.compile(r"[，,。；;、]")     # plain characters: ``re`` calls cost less
_INNER_SPACE = regex.compile(r"\S[ \t\u3000]+\S")
#: First characters a divider may start with once stripped (``str.strip``
#: removes every character ``\s`` matches, so only the literals are left).
_DIVIDER_FIRST = "-—－–_＿=＝*＊~～·•.。…⋯#＃+＋"
#: The characters that count as Han in the word-pair features: everything
#: above U+3400 (full-width punctuation included, as the model was fitted).
_HIGH_RUN = re.compile("[\u3401-\U0010FFFF]{2,}")
#: A paragraph opening with its staff in brackets and no outlet:
#: ``（记者 王五 通讯员 赵六）`` or ``(本报记者王五):``.
_STAFF_OPENING = regex.compile(
    r"^[（(〔]\s*(?:本报|本刊|本台|本网)?(?:" + "|".join(metadata.STAFF_ROLES) + r")\s*\p{Han}{2,4}[^（）()]{0,40}[）)〕]")
#: Characters of text around a block compared with the block's own words.
CONTEXT = 300
#: The characters at the start of a block searched for a byline or dateline
#: (which may open a paragraph).
HEAD = 80


@dataclass(slots=True)
class Block:
    lines: list[int]          # line indices (0-based) joined into this block
    text: str                 # the joined text, for role decisions only
    role: str = "body"
    extra_blanks: int = 0     # blank lines before it beyond the page's usual gap
    _shaped: bool | None = field(default=None, repr=False, compare=False)
    _core: str | None = field(default=None, repr=False, compare=False)
    _head: tuple[int, str] | None = field(default=None, repr=False, compare=False)

    @property
    def shaped(self) -> bool:
        """:func:`title_shaped`, worked out once."""
        if self._shaped is None:
            self._shaped = title_shaped(self.text)
        return self._shaped

    @property
    def head_shape(self) -> tuple[int, str]:
        """:func:`metadata.opening_shape` of the first HEAD characters (where
        a byline stands), worked out once."""
        if self._head is None:
            head = self.text[:HEAD]
            self._head = metadata.opening_shape(head) if metadata.may_open_byline(head) else (0, "")
        return self._head

    @property
    def core(self) -> str:
        """The text without the byline or dateline that may open it."""
        if self._core is None:
            self._core = self.text[self.head_shape[0]:]
        return self._core


@dataclass
class ArticleBlocks:
    """The blocks of one article, by role, in page order."""
    title: Block | None = None
    byline: Block | None = None
    body: list[Block] = field(default_factory=list)
    credits: list[Block] = field(default_factory=list)
    marks: list[Block] = field(default_factory=list)     # dividers and end marks

    def blocks(self) -> list[Block]:
        return sorted(self._members(), key=lambda b: b.lines[0])

    def _members(self) -> list[Block]:
        """The blocks in no particular order."""
        return [b for b in (self.title, self.byline) if b] + self.body + self.credits + self.marks

    @property
    def first_line(self) -> int:
        return min(b.lines[0] for b in self._members())

    @property
    def last_line(self) -> int:
        return max(b.lines[-1] for b in self._members())


@lru_cache(maxsize=1)
def model() -> dict:
    """Title model weights and bias, from ``data/titles.json``."""
    text = resources.files("cleaner").joinpath("data/titles.json").read_text(encoding="utf-8")
    return json.loads(text)


def blocks_from(decisions: Sequence[Decision], content: Sequence[int], texts: dict[int, str],
                blanks: Sequence[int] | None = None) -> list[Block]:
    """Group content lines into blocks wherever the decision was a break.

    ``decisions[k]`` is the verdict on the break between ``content[k]`` and
    ``content[k + 1]``; ``blanks[k]`` counts the blank lines there. Each
    block records how many more than the page's usual gap stand before it.

    >>> d = [Decision(0, 2, True), Decision(2, 5, False), Decision(5, 6, False)]
    >>> [(b.lines, b.text, b.extra_blanks)
    ...  for b in blocks_from(d, [0, 2, 5, 6], {0: "甲", 2: "乙", 5: "丙", 6: "丁"}, [1, 3, 1])]
    [([0, 2], '甲乙', 0), ([5], '丙', 2), ([6], '丁', 0)]
    """
    if not content:
        return []
    gap = usual_gap(blanks) if blanks else 0
    blocks = []
    lines, parts, extra = [content[0]], [texts[content[0]]], 0
    for k, d in enumerate(decisions):
        if d.join:
            lines.append(d.next)
            parts.append(texts[d.next])
        else:
            blocks.append(Block(lines, "".join(parts), "body", extra))
            lines, parts = [d.next], [texts[d.next]]
            extra = max(0, blanks[k] - gap) if blanks else 0
    blocks.append(Block(lines, "".join(parts), "body", extra))
    return blocks


def fixed_role(text: str) -> str | None:
    """The role a block's text alone settles, or None.

    >>> [fixed_role(t) for t in ["（完）", "——————", "摄影/某报记者 张三", "记者 王五", "正文。"]]
    ['end_mark', 'divider', 'credit', 'byline', None]
    >>> [fixed_role(t) for t in ["2026年11月26日 星期四 要闻 第3版", "要闻 第3版", "《某字典》第12版发布"]]
    ['folio', 'folio', None]
    """
    return _fixed_role(text.strip())[0]


def _fixed_role(t: str) -> tuple[str | None, tuple[int, str] | None]:
    """:func:`fixed_role` of stripped ``t``, and the :func:`metadata.opening_shape`
    of ``t`` when it was worked out on the way (None when not)."""
    # each pattern runs only past a cheap test it cannot pass without
    if "完" in t and _END_MARK.match(t):
        return "end_mark", None
    if t[:1] in _DIVIDER_FIRST and _DIVIDER.match(t):
        return "divider", None
    if len(t) <= 40 and ("版" in t or "星期" in t or "周" in t) and _FOLIO.match(t):
        return "folio", None
    if len(t) <= 120 and metadata.credit_shaped(t) and metadata.may_be_credit(t) and metadata.is_credit(t):
        return "credit", None
    if not metadata.may_open_byline(t):
        return None, (0, "")
    if not metadata.may_be_byline_alone(t):
        return None, None       # its opening is worked out later, if asked for
    shape = metadata.opening_shape(t)
    return ("byline" if metadata.is_byline_alone(t, shape) else None), shape


def title_shaped(text: str) -> bool:
    """Could be a headline: short, not a list item, not ending like a
    sentence (``！`` and ``？`` are fine) or a label (``：``), and not a
    photo caption closed by its credit.

    >>> title_shaped("省时又省心！和林县跨所通办户籍业务开通"), title_shaped("一、基本情况")
    (True, False)
    >>> title_shaped("据了解，目前已有三千人报名。"), title_shaped("报名方式：")
    (False, False)
    >>> title_shaped("图为新建的大桥。 某日报记者 张三 摄")
    False
    """
    return _title_shaped(text.strip())


def _title_shaped(t: str) -> bool:
    """:func:`title_shaped` of stripped ``t``."""
    # cheapest tests first
    if not t or len(t) > TITLE_MAX or t[-1] in "：:，,、；;":
        return False
    if ends_sentence(t) and t.rstrip("”’）)」』")[-1:] not in "！？!?":
        return False
    if t[-1] in "摄）)" and metadata.trailing_credit(t) < len(t):
        return False
    return not metadata.LIST_MARKER.match(t) and len(_RUNNING_PUNCT.findall(t)) <= 1


def _high_pairs(text: str) -> set[str]:
    """The pairs of adjacent characters both above U+3400 (Han, and full-width
    punctuation such as ``，``): the words the topic features compare.

    >>> sorted(_high_pairs("新报，好。ab市场"))
    ['市场', '报，', '新报', '，好']
    """
    out: set[str] = set()
    for run in _HIGH_RUN.findall(text):
        out.update(map(add, run, run[1:]))
    return out


def _shift(block: str, before: str, after: str) -> float:
    """Share of the block's character pairs found after it minus the share
    found before it: a headline announces what follows. (A pair is among a
    text's pairs exactly when it is a substring, so no pair set is built
    for the context.)"""
    own = _high_pairs(block)
    if not own:
        return 0.0
    return (sum(p in after for p in own) - sum(p in before for p in own)) / len(own)


def _place_features(blocks: Sequence[Block], i: int, prev_title: bool, body_chars: int) -> dict[str, float]:
    """The features of title-shaped block ``i`` read off its own shape and
    its neighbours' roles and openings: all but the topic features and
    ``short_neighbours``, in the model's order."""
    b = blocks[i]
    t = b.text
    f: dict[str, float] = {"bias_candidate": 1}
    n = len(t)
    f["tlen_le6" if n <= 6 else "tlen_le12" if n <= 12 else "tlen_le24" if n <= 24 else "tlen_long"] = 1
    if t[-1] in "！？!?":
        f["ends_exclaim"] = 1
    if (" " in t or "\t" in t or "\u3000" in t) and _INNER_SPACE.search(t):
        f["inner_space"] = 1
    if "：" in t or ":" in t:
        f["has_colon"] = 1
    if _RUNNING_PUNCT.search(t):
        f["has_comma"] = 1
    if t[0] in "“「\"《":
        f["starts_quote"] = 1
    if b.extra_blanks:
        f["extra_blanks_before"] = 1
    if _at_page_top(blocks, i):
        f["page_top"] = 1
    else:
        p = blocks[i - 1]
        if prev_title:
            f["after_title"] = 1
        elif _closes_at(blocks, i - 1) or ends_with_end_mark(p.text):
            f["after_credit"] = 1
        elif p.role == "byline":
            f["after_byline"] = 1
        elif ends_sentence(p.text):
            f["after_sentence"] = 1
        elif p.shaped:
            f["after_short"] = 1
    if i + 1 < len(blocks):
        nb = blocks[i + 1]
        if nb.role == "byline" or _opens_with_byline(nb) \
                or nb.text[:1] in "（(〔" and _STAFF_OPENING.match(nb.text):
            f["before_byline"] = 1
            if i == 0 or "after_sentence" in f or "after_credit" in f:
                f["opens_with_byline"] = 1
        elif nb.role == "credit":
            f["before_credit"] = 1
        elif nb.shaped:
            f["before_short"] = 1
        if _LEAD.match(nb.text):
            f["before_lead"] = 1
            if i == 0 or "after_sentence" in f or "after_credit" in f:
                f["opens_with_lead"] = 1
        if len(nb.text) > 2 * n and len(nb.text) > 40:
            f["before_long"] = 1
    else:
        f["page_end"] = 1
    if body_chars == 0:
        f["article_empty"] = 1
    elif body_chars < 200:
        f["article_short"] = 1
    return f


def _opens_with_byline(b: Block) -> bool:
    """:func:`metadata.starts_with_byline` of a block's first HEAD
    characters, from the opening already found there when the head has no
    space to strip."""
    head = b.text[:HEAD]
    t = head.strip()
    if len(t) == len(head):
        return metadata.starts_with_byline_shaped(t, b.head_shape)
    return (metadata.may_open_byline(t) or metadata.may_be_credit(t)) and metadata.starts_with_byline(t)


def _context(blocks: Sequence[Block], i: int) -> tuple[str, str]:
    """The body words of up to three blocks before block ``i`` (their last
    CONTEXT characters) and after it (the first CONTEXT)."""
    return _words_before(blocks, i), _words_after(blocks, i)


def _words_before(blocks: Sequence[Block], i: int) -> str:
    """The last CONTEXT characters of :func:`_words_of` of the three blocks
    before block ``i``, joined. Blocks beyond those characters are not
    read, nor is a block's opening byline looked for when the characters
    kept of it all lie past its HEAD (where the byline search stops)."""
    parts = []
    need = CONTEXT
    for j in range(i - 1, max(0, i - 3) - 1, -1):
        b = blocks[j]
        if b.role == "body" and len(b.text) - HEAD >= need:
            parts.append(b.text[-need:])
            break
        parts.append(_words_of(b))
        need -= len(parts[-1])
        if need <= 0:
            break
    return "".join(reversed(parts))[-CONTEXT:]


def _words_after(blocks: Sequence[Block], i: int) -> str:
    """The first CONTEXT characters of :func:`_words_of` of the three blocks
    after block ``i``, joined; blocks beyond those characters are not read."""
    parts = []
    need = CONTEXT
    for b in blocks[i + 1:i + 4]:
        parts.append(_words_of(b))
        need -= len(parts[-1])
        if need <= 0:
            break
    return "".join(parts)[:CONTEXT]


def _add_topic_features(f: dict[str, float], block: str, before: str, after: str) -> None:
    f["word_shift"] = _shift(block, before, after)
    _add_topic(f, _overlap(before, after))


def _add_topic(f: dict[str, float], kept: float | None) -> None:
    if kept is not None:
        f["topic_kept"] = kept
        if kept < 0.04:
            f["topic_new"] = 1
        elif kept < 0.1:
            f["topic_low"] = 1


def _short_neighbours(blocks: Sequence[Block], i: int) -> float:
    b = blocks[i]
    near = sum(1 for x in blocks[max(0, i - 4):i + 5]
               if x is not b and x.role == "body" and x.shaped)
    return min(near, 4) / 4


def _short_share(short: Sequence[bool], i: int) -> float:
    """:func:`_short_neighbours` of block ``i`` from the flags of which
    blocks are title-shaped body blocks."""
    return min(sum(short[max(0, i - 4):i]) + sum(short[i + 1:i + 5]), 4) / 4


def title_features(blocks: Sequence[Block], i: int, prev_title: bool, body_chars: int) -> dict[str, float]:
    """The evidence that title-shaped block ``i`` is a headline.

    ``prev_title`` says the block before was taken as a headline,
    ``body_chars`` counts the body text of the article so far.
    """
    f = _place_features(blocks, i, prev_title, body_chars)
    _add_topic_features(f, blocks[i].text, *_context(blocks, i))
    f["short_neighbours"] = _short_neighbours(blocks, i)
    return f


def _words_of(block: Block) -> str:
    """A block's text without the byline or dateline that may open it (which
    every article of a paper shares) and without credits."""
    if block.role != "body":
        return ""
    return block.core


def _overlap(before: str, after: str) -> float | None:
    """Share of the Han character pairs of the text after a block that the
    text before it also has: high within one article, low across two.
    None when either side has too little Han text to tell."""
    if len(before) < 30:
        return None
    a, seams = _pair_codes(after, "\x00")
    if len(a) - seams < 30:
        return None
    # the two sides' seam pairs differ (\x00 and \x01 are not high), so
    # only high pairs meet
    return len(a & _pair_codes(before, "\x01")[0]) / (len(a) - seams)


def _pair_codes(text: str, seam: str) -> tuple[set[int], int]:
    """:func:`_high_pairs` of ``text`` as numbers, plus the numbers of the
    pairs across seams, and how many of those there are.

    The runs of high characters are joined by ``seam`` and every two
    adjacent characters read as one 64-bit number straight off the UTF-32
    encoding, so that no two-character string is made per pair (a third
    less time on the context of a block). The pairs across a seam are
    (last character of a run, seam) and (seam, first character of the
    next): as many as the distinct characters in those places.

    >>> codes, seams = _pair_codes("新报，好。ab市场 。新报", " ")
    >>> len(codes) - seams, len(_high_pairs("新报，好。ab市场 。新报"))
    (4, 4)
    """
    runs = _HIGH_RUN.findall(text)
    data = seam.join(runs).encode("utf-32-le")
    codes = set(memoryview(data[:len(data) & ~7]).cast("Q"))                 # pairs from 0, 2, 4, ...
    codes.update(memoryview(data[4:4 + ((len(data) - 4) & ~7)]).cast("Q"))   # and from 1, 3, 5, ...
    if len(runs) < 2:
        return codes, 0
    return codes, len({r[-1] for r in runs[:-1]}) + len({r[0] for r in runs[1:]})


def title_score(f: dict[str, float]) -> float:
    """p(headline) under the title model."""
    m = model()
    w = m["weights"]
    z = m["bias"] + sum(w.get(n, 0.0) * v for n, v in f.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


#: How far a partial score must clear the decision boundary before the rest
#: of the features are skipped: far above the rounding error of summing
#: a few dozen terms in another order.
_MARGIN = 1e-9


@dataclass(frozen=True)
class _Bounds:
    """The title model read for deciding fast. ``cut`` is the threshold in
    logit units; ``shift`` the weight of ``word_shift`` (which lies in
    [-1, 1]); ``topic_lo``/``topic_hi`` the least and most the topic
    features can add. ``usable`` is False for a threshold too near 0 or 1
    to compare in logit units (every block then takes the full path)."""
    bias: float
    weights: dict
    threshold: float
    cut: float
    shift: float
    topic_lo: float
    topic_hi: float
    usable: bool

    @classmethod
    def of(cls, m: dict) -> "_Bounds":
        """Read afresh on every call: training changes the model in place."""
        w = m["weights"]
        thr = m.get("threshold", 0.5)
        usable = 1e-9 < thr < 1 - 1e-9
        cut = math.log(thr / (1 - thr)) if usable else 0.0
        kept, new, low = w.get("topic_kept", 0.0), w.get("topic_new", 0.0), w.get("topic_low", 0.0)
        # topic_kept = k in [0, 1], with topic_new for k < 0.04 and topic_low
        # for k < 0.1, or no topic features at all (too little text): the
        # score is linear in k on each piece, so its ends bound it
        ends = [0.0, new, kept * 0.04 + new, kept * 0.04 + low, kept * 0.1 + low, kept * 0.1, kept]
        return cls(m["bias"], w, thr, cut, abs(w.get("word_shift", 0.0)), min(ends), max(ends), usable)


def _model_says_title(blocks: Sequence[Block], i: int, prev_title: bool, body_chars: int,
                      near: float, bounds: _Bounds) -> bool:
    """Whether the title model takes title-shaped block ``i`` as a headline,
    exactly as ``title_score(title_features(...)) >= threshold`` does
    (``near`` is :func:`_short_neighbours`), but leaving out the costly
    topic features whenever the rest of the score already puts the block on
    one side of the threshold with every value they can take."""
    f = _place_features(blocks, i, prev_title, body_chars)
    if "opens_with_byline" in f:
        return True
    text = blocks[i].text
    if not bounds.usable:
        _add_topic_features(f, text, *_context(blocks, i))
        f["short_neighbours"] = near
        return title_score(f) >= bounds.threshold
    w = bounds.weights
    z = bounds.bias + sum(w.get(n, 0.0) * v for n, v in f.items()) + w.get("short_neighbours", 0.0) * near
    lo, hi = bounds.cut - _MARGIN, bounds.cut + _MARGIN
    if z + bounds.shift + bounds.topic_hi < lo:
        return False
    if z - bounds.shift + bounds.topic_lo >= hi:
        return True
    # word_shift as _shift works it out, the text after first: the pairs
    # also found before can only move it towards (found_after - n) / n
    own = _high_pairs(text)
    n = len(own)
    ws = w.get("word_shift", 0.0)
    after = _words_after(blocks, i)
    found_after = sum(p in after for p in own)
    if own and z + max(ws * found_after / n, ws * (found_after - n) / n) + bounds.topic_hi < lo:
        return False
    before = _words_before(blocks, i)
    shift = (found_after - sum(p in before for p in own)) / n if own else 0.0
    z += ws * shift
    if z + bounds.topic_hi < lo:
        return False
    if z + bounds.topic_lo >= hi:
        return True
    f["word_shift"] = shift
    _add_topic(f, _overlap(before, after))
    f["short_neighbours"] = near
    return title_score(f) >= bounds.threshold


def assign_roles(blocks: list[Block], choose=None) -> None:
    """Label each block (in place), left to right.

    ``choose(i, features)`` decides title-shaped blocks; by default the
    title model does. Training passes the gold instead.
    """
    short = []      # title-shaped body blocks; a block taken as a title leaves
    for i, b in enumerate(blocks):
        t = b.text.strip()
        role, shape = _fixed_role(t)
        if role == "folio" and "版" not in t and FOLIO_EDGE <= i < len(blocks) - FOLIO_EDGE:
            role = None     # a date and weekday alone amid the text: a diary's entry, not the page's header
        if shape is not None and len(t) == len(b.text) <= HEAD:
            b._head = shape           # the text is its own head: one opening serves both
        if role is None:
            b.role = "body"
            b._shaped = len(t) <= TITLE_MAX and _title_shaped(t)
            short.append(b._shaped)
        else:
            b.role = role
            short.append(False)
    if choose is not None:
        _assign_titles(blocks, choose)
        return
    _signatures_before_headlines(blocks)
    _signature_at_the_end(blocks)
    bounds = _Bounds.of(model())
    last = len(blocks) - 1

    def says_title(i: int, prev_title: bool, body_chars: int) -> bool:
        if not (short[i] and i < last):
            return False
        if not prev_title and _after_wide_gap(blocks, i) \
                or _model_says_title(blocks, i, prev_title, body_chars, _short_share(short, i), bounds):
            short[i] = False
            return True
        return False

    _walk_titles(blocks, says_title)
    obey_layout_rules(blocks)


def obey_layout_rules(blocks: list[Block]) -> None:
    """The headline rules obeyed after the model has judged each block (box
    heads, headline stacks, kickers, sidebars, photo stories, notices …),
    in this order. Training (``choose``) judges the model alone, without them."""
    _box_heads(blocks)
    _headline_stacks(blocks)
    _kicker_stacks(blocks)
    _pen_names_under_headlines(blocks)
    _column_labels(blocks)
    _kickers_over_headlines(blocks)
    _names_under_headlines(blocks)
    _sidebar_boxes(blocks)
    _photo_heads(blocks)
    _signed_heads(blocks)
    _notice_heads(blocks)
    _titles_over_furniture(blocks)


#: The labels of a box printed under an article (a sidebar): background,
#: a timeline, further reading, the reporter's notes. Standing alone on a
#: line after a bullet (``■相关链接``) or in brackets (``【链接】``).
SIDEBAR_LABELS = ("相关链接", "新闻链接", "知识链接", "背景链接", "链接", "新闻背景", "背景",
                  "延伸阅读", "相关阅读", "记者手记")
_SIDEBAR_WORD = "(?:" + "|".join(SIDEBAR_LABELS) + ")"
_SIDEBAR_LABEL = regex.compile(
    rf"^(?:[{''.join(sorted(metadata.BULLETS))}][ \u3000]*{_SIDEBAR_WORD}"
    rf"|[【［\[][ \u3000]*{_SIDEBAR_WORD}[ \u3000]*[】］\]])[ \u3000]*[：:]?$")
#: The longest line taken for a section heading with a bullet (``■现场``).
BULLET_HEADING_MAX = 10


def _sidebar_boxes(blocks: list[Block]) -> None:
    """A sidebar's label (:data:`_SIDEBAR_LABEL`: ``■相关链接``, ``【背景】``)
    under a finished paragraph or a credit opens a box of its own, and is
    its title; a heading under it (``老码头大事记``) is the box's first
    paragraph, so that the title and text read in print order. A signature
    under the box (``（本报记者 X 整理）``) is then the box's. An article
    that already has a bulleted section heading (``■现场``) prints its
    sections so: the label is one more of them, and stays in the text."""
    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if b.role != "body" or len(b.text) > 12 or not _SIDEBAR_LABEL.match(b.text.strip()):
            continue
        p = blocks[i - 1]
        if not (_closes_at(blocks, i - 1) or p.role == "body" and not p.shaped and ends_sentence(p.text)) \
                or _bulleted_section_above(blocks, i):
            continue
        b.role = "title"
        if blocks[i + 1].role == "title":
            blocks[i + 1].role = "body"


#: The longest headline of a photo story :func:`_photo_heads` reads.
PHOTO_HEAD_MAX = 20


def _photo_credit(b: Block) -> bool:
    """A photo's credit standing alone (``摄影/某报记者 张三``, ``记者 张三 摄``)."""
    t = b.text.strip()
    return b.role == "credit" and ("摄" in t or t.startswith(("图/", "图／", "图片/", "图片／")))


def _photo_heads(blocks: list[Block]) -> None:
    """A short headline-shaped line under a finished paragraph or a credit,
    over one paragraph of running text and a photo's credit, heads a photo
    story (``金秋果园`` ¶ ``9月16日，…`` ¶ ``摄影/某报记者 何志远``): it is the
    title. Scored alone, a short line after an article reads as one of its
    sub-headings, and the seed's photo story passes only because its caption
    is long. An article that already has sub-headings (another short line
    in its text) keeps the line as one more of them."""
    for i in range(1, len(blocks) - 2):
        b = blocks[i]
        if b.role != "body" or len(b.text.strip()) > PHOTO_HEAD_MAX or not b.shaped \
                or not _photo_credit(blocks[i + 2]) or not _lead_at(blocks, i + 1):
            continue
        p = blocks[i - 1]
        if not (_closes_at(blocks, i - 1) or p.role == "body" and not p.shaped and ends_sentence(p.text)):
            continue
        if not _sub_heading_above(blocks, i):
            b.role = "title"


#: The most paragraphs of an item taken as signed at its end by
#: :func:`_signed_heads` (a brief, a reader's letter).
SIGNED_ITEM_MAX = 4


def _signed_heads(blocks: list[Block]) -> None:
    """A short headline-shaped line under a finished paragraph of an article
    that has its byline, over up to :data:`SIGNED_ITEM_MAX` paragraphs of
    running text signed at their end by a writer (``…。（本报记者 X）``, or a
    line ``读者 X`` under them), heads an item of its own (a brief, a
    reader's letter): an article signed by its byline is not signed again
    under a section of its own. A column's label over the line (``百姓心声``)
    is its kicker. Not when the article above has sub-headings."""
    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if b.role != "body" or not b.shaped or len(b.text.strip()) > PHOTO_HEAD_MAX or not _lead_at(blocks, i + 1):
            continue
        p = blocks[i - 1]
        label = None
        if i >= 2 and p.role == "body" and p.shaped and _label_line(p):
            label, p = p, blocks[i - 2]        # 百姓心声 ¶ 社区食堂开到了家门口 ¶ the letter
        if not (p.role == "body" and not p.shaped and ends_sentence(p.text)):
            continue
        k = i + 1
        while k + 1 < len(blocks) and k - i < SIGNED_ITEM_MAX and not ends_signed(blocks[k].text) \
                and _lead_at(blocks, k + 1):
            k += 1
        signer = blocks[k] if _writers_signature(blocks[k]) else \
            blocks[k + 1] if k + 1 < len(blocks) and blocks[k + 1].role == "credit" \
            and _writers_signature(blocks[k + 1]) else None
        if signer is None:
            continue
        top = i - 1 if label is not None else i
        byline = _byline_above(blocks, top)
        if byline is not None and not _sub_heading_above(blocks, top) \
                and not _names(signer.text.strip()) <= _names(byline):
            b.role = "title"
            if label is not None:
                label.role = "kicker"


def _writers_signature(b: Block) -> bool:
    """A paragraph closed by its writers' signature (``…。（记者 X）``), or a
    credit line naming a writer (``读者 X``); not a photo's or an editor's.

    >>> _writers_signature(Block([0], "开放。（本报记者 张三）")), _writers_signature(Block([0], "读者 张三", "credit"))
    (True, True)
    >>> _writers_signature(Block([0], "（责任编辑：张三）", "credit")), _writers_signature(Block([0], "图为大桥。（记者 张三 摄）"))
    (False, False)
    """
    t = b.text.strip()
    if b.role == "credit":
        return "摄" not in t and any(a["role"] in metadata.STAFF_ROLES for a in metadata.parse_byline(t).authors)
    return b.role == "body" and signed_by_writers(t)


def signed_by_writers(text: str) -> bool:
    """A paragraph closed by its writers' signature (``…。（记者 X）``,
    :func:`ends_signed`), not by a photo's credit (``（记者 X 摄）``).

    >>> signed_by_writers("…开通。（记者 张三 通讯员 李四）"), signed_by_writers("图为大桥。（记者 张三 摄）")
    (True, False)
    """
    return ends_signed(text) and "摄" not in text[metadata.trailing_credit(text):]


def _byline_above(blocks: Sequence[Block], i: int) -> str | None:
    """The byline of the article above block ``i``: a line of its own, or
    the paragraph under the headline that opens with one; None if it has none."""
    for j in range(i - 1, -1, -1):
        x = blocks[j]
        if x.role == "byline":
            return x.text
        if x.role in ("title", "kicker") or x.role in MARK_ROLES:
            first = blocks[j + 1] if j + 1 < i else None
            return first.text if first is not None and first.role == "body" and _opens_with_byline(first) else None
    return None


def _names(text: str) -> set[str]:
    """The names a byline or a signature closing ``text`` credits."""
    return {a["name"] for a in metadata.parse_byline(text[metadata.trailing_credit(text):] or text).authors}


def _in_article_above(blocks: Sequence[Block], i: int, heading) -> bool:
    """Whether the article above block ``i`` (back to its headline, kicker,
    byline or a mark) has a paragraph block for which ``heading(block)`` holds."""
    for j in range(i - 1, -1, -1):
        x = blocks[j]
        if x.role in ("title", "kicker", "byline") or x.role in MARK_ROLES:
            return False
        if x.role == "body" and heading(x):
            return True
    return False


def _sub_heading_above(blocks: Sequence[Block], i: int) -> bool:
    """The article above block ``i`` has a short headline-shaped line in its
    text: a sub-heading."""
    return _in_article_above(blocks, i, lambda x: x.shaped and len(x.text.strip()) <= PHOTO_HEAD_MAX)


def _bulleted_section_above(blocks: Sequence[Block], i: int) -> bool:
    """The article above block ``i`` has a short line opening with a bullet
    (``■现场``): a section heading."""
    def bulleted(x: Block) -> bool:
        t = x.text.strip()
        return t[:1] in metadata.BULLETS and len(t) <= BULLET_HEADING_MAX
    return _in_article_above(blocks, i, bulleted)


def _furniture(b: Block) -> bool:
    """Page furniture, no article's matter: a folio, divider or end mark, or
    a credit naming the page's people (``本版编辑：X 校对：Y``) or an
    editor's or author's note."""
    return b.role in MARK_ROLES or b.role == "credit" and (metadata.page_scoped(b.text) or metadata.is_note(b.text))


def _titles_over_furniture(blocks: list[Block]) -> None:
    """A headline over nothing but page furniture (:func:`_furniture`) to the
    end of the page or to the next headline heads no article: it is the
    last paragraph of the one above (``热线电话：0771-55512345`` over the
    page's footer ``本版编辑：龙 珊 校对：陈 露``). Taken as a headline, it
    would make a record of a title and a footer with no text. A photo's
    credit under a headline (``本报记者 张三摄``) is matter: the photo's."""
    for i, b in enumerate(blocks):
        if b.role != "title":
            continue
        j = i + 1
        while j < len(blocks) and _furniture(blocks[j]):
            j += 1
        if j == len(blocks) or j > i + 1 and blocks[j].role in ("title", "kicker"):
            b.role = "body"


def _headline_stacks(blocks: list[Block]) -> None:
    """Headline lines stacked over a byline and closed by a subtitle (a
    kicker 引题 or the headline, then ``——副题``; at most
    :data:`HEAD_LINES_AS_TEXT` + 1 lines), with no headline-shaped line
    above them: the first is the headline when none of them was taken as
    one. Scored one by one, the lines of such a stack may each look too
    short or too long to be sure of; the subtitle and the byline under them
    say they are a headline."""
    for i, b in enumerate(blocks):
        if i < 2 or not _SUBTITLE.match(blocks[i - 1].text) or not blocks[i - 1].shaped \
                or b.role != "byline" and not (b.role == "body" and not b.shaped and _opens_with_byline(b)):
            continue
        sub = blocks[i - 1]
        # a subtitle the model took as the headline stands under the real one (a question: ``…去哪儿？``)
        j = i - 1 if sub.role == "title" else i
        while j > 0 and blocks[j - 1].role == "body" and blocks[j - 1].shaped and i - j <= HEAD_LINES_AS_TEXT:
            j -= 1
        above = blocks[j - 1] if j > 0 else None
        if i - j >= 2 and (above is None or not (above.role == "body" and above.shaped) and above.role != "title"):
            blocks[j].role = "title"
            if sub.role == "title" and j < i - 1:
                sub.role = "body"


def _kicker_stacks(blocks: list[Block]) -> None:
    """Two heading lines, neither taken as a headline (or only the lower,
    under a column label), right over a byline
    line (a byline, or a lead opening with one), where an article may begin
    (the page's top; under a finished paragraph, a credit or a mark): the
    upper is the kicker (引题, a column label, perhaps marked: ``■民生关注``,
    ``【提醒】``), kept as the text's first paragraph, and the lower is the
    headline (``秋粮收购季`` / ``某地：新季玉米每斤1.35元开秤``). Scored one by
    one, the lower line stands under a short line, not under a finished
    article, and neither is sure; the byline under the pair says an article
    begins there. A headline cut in two that break repair left apart reads
    the same way (its first half the text's first paragraph). Not for a
    pair closed by a subtitle (``——…``, :func:`_headline_stacks`), nor for
    an upper line of names alone (the signature of the article above) or a
    sidebar's label (:func:`_sidebar_boxes`)."""
    for i in range(2, len(blocks)):
        upper, lower, b = blocks[i - 2], blocks[i - 1], blocks[i]
        # the roles and shapes first (no pattern runs for most blocks)
        if upper.role != "body" or not (lower.role == "body" and lower.shaped or lower.role == "title"):
            continue
        if b.role != "byline" and not (b.role == "body" and not b.shaped and _opens_with_byline(b)):
            continue
        if not _kicker_line(upper) or lower.role == "body" and _SUBTITLE.match(lower.text) \
                or lower.role == "title" and not (_label_line(upper) or _short_kicker(upper)):
            continue
        if b.role == "byline" and not _lead_at(blocks, i + 1):
            continue
        if _at_page_top(blocks, i - 2) or _closes_at(blocks, i - 3) or _finished_paragraph(blocks[i - 3]):
            upper.role, lower.role = "kicker", "title"


#: The longest kicker (引题) taken over a line the model took as the
#: headline (``秋粮收购正当时`` over ``某地：新季玉米…开秤``); a column label
#: may be longer only when marked (``■…``).
KICKER_MAX = 12


_BARE_HEADING = regex.compile(r"[\p{Han}A-Za-z0-9“”《》·]+")


def _short_kicker(b: Block) -> bool:
    """A kicker of words alone, at most :data:`KICKER_MAX` long
    (``秋粮收购正当时``): no list item's mark or field's colon in it.

    >>> _short_kicker(Block([0], "秋粮收购正当时")), _short_kicker(Block([0], "E、网上捐赠地址：［"))
    (True, False)
    """
    t = b.text.strip()
    return len(t) <= KICKER_MAX and _BARE_HEADING.fullmatch(t) is not None


def _kicker_line(b: Block) -> bool:
    """A line that may stand over a headline as its kicker: headline-shaped,
    or cut from the headline under it after a colon (``…警方提醒：``), or a
    marked column label (``■民生关注``); not names alone, nor a sidebar's label."""
    t = b.text.strip()
    if _MARKED_LABEL.match(t):
        return not _SIDEBAR_LABEL.match(t)
    if not (b.shaped or t[-1:] in "：:" and _title_shaped(t[:-1])):
        return False
    return not (metadata.NAMES_LINE.match(t) and metadata.names_alone(t))


def _label_line(b: Block) -> bool:
    """A column label, marked (``■民生关注``, ``【提醒】``) or not (``百姓心声``)."""
    t = b.text.strip()
    return (_MARKED_LABEL.match(t) or _LABEL.match(t)) is not None and not _SIDEBAR_LABEL.match(t)


def _finished_paragraph(b: Block) -> bool:
    """A paragraph of running text that ends as an article may end: a
    sentence's end (a straight quote after a stop closes a quotation), an
    end mark or a signature."""
    return b.role == "body" and not b.shaped and (ends_sentence(b.text.rstrip("\"'")) or ends_with_end_mark(b.text)
                                                  or ends_signed(b.text))


def _after_wide_gap(blocks: Sequence[Block], i: int) -> bool:
    """Title-shaped block ``i`` stands after more blank lines than the page
    puts between paragraphs, behind a finished paragraph, a credit or mark,
    or a short line (a notice's signature or date): it heads a new item
    (an article, a notice, a box of results or listings). Scored alone, a
    short heading such as ``今日天气`` or ``公告速递`` over rows or bullets
    looks like a sub-heading; the gap says otherwise."""
    if not blocks[i].extra_blanks or i == 0:
        return False
    p = blocks[i - 1]
    if _closes_at(blocks, i - 1):
        return True
    # a straight quote after a stop closes the quotation (``…球迷。"``): not a
    # closer to ends_sentence, which cannot tell it from an opening one
    return p.role == "body" and (ends_sentence(p.text.rstrip("\"'")) or ends_with_end_mark(p.text)
                                 or _NOTE_TAIL.search(p.text) is not None or _short_line(p))


#: A bracketed note closing a finished paragraph (``…增长23.5%。（详见第3版）``).
_NOTE_TAIL = re.compile(r"[。！？!?][”’]?\s*[（(][^（）()。]{1,30}[）)]\s*$")


#: The most characters of a short unpunctuated line closing an item (a
#: notice's signature or date) after which a wide gap may open the next.
SHORT_LINE = 16


def _short_line(b: Block) -> bool:
    """A title-shaped block of at most SHORT_LINE characters, with no comma
    or stop and ending in a letter or digit or a closing bracket: not the
    start of a paragraph cut by the layout (``他说：“``).

    >>> [_short_line(Block([0], t)) for t in ["2026年12月3日", "某市供水公司", "（来源：某报）", "他说：“", "据了解，目前"]]
    [True, True, True, False, False]
    """
    t = b.text.rstrip()
    return b.shaped and len(t) <= SHORT_LINE and t.rstrip(")）]】〕")[-1:].isalnum() \
        and not _RUNNING_PUNCT.search(t)


#: The most characters of a column label (``时评``, ``记者观察``): a
#: heading of Han characters alone, shorter than any headline under it by
#: :data:`LABEL_MARGIN` or more.
LABEL_MAX = 6
LABEL_MARGIN = 3
#: A label of two short words set apart by one space (``家长问 专家答``):
#: each of 2 to :data:`LABEL_WORD_MAX` Han characters.
LABEL_WORD_MAX = 4
_LABEL = regex.compile(rf"^(?:\p{{Han}}{{2,{LABEL_MAX}}}|\p{{Han}}{{2,{LABEL_WORD_MAX}}}[ \u3000]\p{{Han}}{{2,{LABEL_WORD_MAX}}})$")
#: A column label with its mark: after a bullet (``■民生关注``) or in
#: brackets (``【提醒】``).
_MARKED_LABEL = regex.compile(
    rf"^(?:[{''.join(sorted(metadata.BULLETS))}][ \u3000]*\p{{Han}}{{2,{LABEL_MAX}}}"
    rf"|[【［\[][ \u3000]*\p{{Han}}{{2,{LABEL_MAX}}}[ \u3000]*[】］\]])$")


#: Marks that open a box's items (a contents box, a list of briefs): no headline opens so.
_ITEM_MARKS = metadata.BULLETS | frozenset("▶►▷◀→·•")


#: A field's name and its value (``时间：每周六上午``): no headline under a
#: label. A headline with a colon (``《长河》：一条河流与三代人``) is one
#: only with a byline under it.
_FIELD = normalize.FIELD_LABEL


#: The longest line a notice's heading may be (``征稿启事``, with its margins).
_NOTICE_MAX = 16


def _notice_heads(blocks: list[Block]) -> None:
    """A notice's heading (``征稿启事``, ``讣告``: :data:`breaks._NOTICE_HEADING`)
    opening the page (below its folios) or standing after a credit or mark,
    over running text, heads the notice: it is the title. After an article
    the wider gap says so (:func:`_after_wide_gap`); at the page's top
    nothing else does."""
    for i in range(len(blocks) - 1):
        b = blocks[i]
        if b.role == "body" and len(b.text) <= _NOTICE_MAX and _NOTICE_HEADING.match(b.text) \
                and _lead_at(blocks, i + 1) and (_at_page_top(blocks, i) or _closes_at(blocks, i - 1)):
            b.role = "title"


def _box_heads(blocks: list[Block]) -> None:
    """A label (:data:`_LABEL`: ``路局简讯``, ``今日导读``) opening the page
    (below its folios) or standing after a credit or mark, right over an
    item with a box's mark (``■ 11月25日，…``), heads the box: it is the
    title. Scored alone, a short line over a list looks like a sub-heading;
    where an article may begin, the items say it is a box of briefs."""
    for i in range(len(blocks) - 1):
        b, item = blocks[i], blocks[i + 1]
        if b.role != "body" or item.role != "body" or item.text.lstrip()[:1] not in _ITEM_MARKS \
                or not _LABEL.match(b.text.strip()):
            continue
        if _at_page_top(blocks, i) or _closes_at(blocks, i - 1):
            b.role = "title"


def _column_labels(blocks: list[Block]) -> None:
    """A column label taken as the headline (``时评`` over ``让社区更有温度``),
    or standing with the line under it at the top of the page over a byline
    with neither taken, is the article's kicker, and the longer
    headline-shaped line under it (no box's first item, ``▶ …``; no field,
    ``时间：…``; a colon only over a byline) is the headline. A label is a
    few Han characters alone, or two short words set apart by a space
    (``家长问 专家答``), sharing no word (character pair) with the text
    under the headline (a field's label opening it aside: ``坐诊专家：``): a headline cut in two (``律师称案件`` /
    ``应在数日内做出裁决``) shares its words with the story. The label keeps
    role ``kicker``; :func:`group` puts it first in the article's text, as
    it does a subtitle."""
    for i in range(len(blocks) - 1):
        a, b = blocks[i], blocks[i + 1]
        if b.role not in ("body", "title") or not b.shaped \
                or not (a.role == "title" or _untaken_stack_at_top(blocks, i)    # both may be taken as titles
                        or _untaken_pair_over_qa(blocks, i)):
            continue
        label, head = a.text.strip(), b.text.strip()
        if not _LABEL.match(label) or len(head) < len(label) + LABEL_MARGIN or _SUBTITLE.match(head) \
                or ("：" in head or ":" in head) and (_FIELD.match(head) or not _byline_at(blocks, i + 2)) \
                or head[:1] in _ITEM_MARKS or metadata.LIST_MARKER.match(head):
            continue            # …or the line under it is a box's first item: 今日导读 ¶ ▶ … 2版
        after = _words_after(blocks, i + 1)
        field = _FIELD.match(blocks[i + 2].text.strip()) if i + 2 < len(blocks) else None
        if field is not None:   # 名医坐诊 ¶ 孩子…？ ¶ 坐诊专家：…: a field's label shares the column's words
            after = after.replace(field.group()[:-1], "", 1)
        if not any(p in after for p in _high_pairs(label)):
            a.role, b.role = "kicker", "title"


_QUOTED = re.compile(r"“[^“”]{1,12}”")


def _kickers_over_headlines(blocks: list[Block]) -> None:
    """A headline over a line no longer than it that quotes a catchword
    (``“小积分”兑出乡村“大文明”``), itself right over a byline, is the 引题
    (kicker) of that line, the main headline: a 主题 is short and
    quotes; the 副题 under a main headline explains, longer and plainer,
    and a subtitle opened by a dash (``——…``) under the pair marks the
    first line as the headline (kept)."""
    for i in range(len(blocks) - 2):
        a, b = blocks[i], blocks[i + 1]
        if a.role != "title" or b.role != "body" or not b.shaped or i and blocks[i - 1].role == "kicker":
            continue
        kicker, head = a.text.strip(), b.text.strip()
        if kicker[-1:] in "！？!?" or len(head) > len(kicker) or not _QUOTED.search(head) \
                or _SUBTITLE.match(head) or any(c.isdigit() for c in head) or not _byline_at(blocks, i + 2):
            continue
        a.role, b.role = "kicker", "title"


#: An author's note without brackets, a paragraph of its own (``作者单位：某大学``).
_OPEN_AUTHOR_NOTE = re.compile(r"\s*(?:本文)?作者(?:为|系|单位\s*[:：]|简介\s*[:：])[^。]{1,80}$")


def _names_under_headlines(blocks: list[Block]) -> None:
    """A line of names alone right under a headline (``李思远``) is the
    article's byline when the article closes with a note on its author
    (``（作者为某研究院研究员）``, ``作者单位：…``): an opinion piece signed
    at the top. Without the note a name under a headline may be the
    subject of a profile, and stays in the text."""
    for i in range(len(blocks) - 2):
        if blocks[i].role != "title":
            continue
        b = blocks[i + 1]
        t = b.text.strip()
        if b.role != "body" or not metadata.NAMES_LINE.match(t) or not metadata.names_alone(t):
            continue
        if _ends_with_author_note(blocks, i + 2):
            b.role = "byline"


#: The fewest characters of the running text under a pen name's line.
PEN_LEAD_MIN = 24


def _pen_names_under_headlines(blocks: list[Block]) -> None:
    """A bullet and a pen name alone right under a headline and over the
    running text (``老街的修表铺`` / ``□ 木子`` / ``在老街拐角，…``) is the
    byline: :func:`metadata.bullet_pen_name` reads the line's shape, the
    place keeps bullet headings out (``■ 现场`` stands over a sub-heading
    or under a paragraph). The headline may still sit under a column label
    taken as the title, or untaken with it at the page's top (``影评`` /
    ``《长河》：…`` / ``□ 木子``): run before :func:`_column_labels`, which
    then finds the byline under the pair."""
    for i in range(len(blocks) - 2):
        if not (blocks[i].role == "title" or i and blocks[i].role == "body" and blocks[i].shaped
                and (blocks[i - 1].role == "title" or _untaken_stack_at_top(blocks, i - 1))):
            continue
        b, c = blocks[i + 1], blocks[i + 2]
        if b.role == "body" and c.role == "body" and not c.shaped and len(c.text.strip()) >= PEN_LEAD_MIN \
                and metadata.bullet_pen_name(b.text) is not None:
            b.role = "byline"


def _ends_with_author_note(blocks: Sequence[Block], start: int) -> bool:
    """The article running from block ``start`` (to the next headline,
    kicker or byline) closes with a note on its author: a credit, or its
    last paragraph, or that paragraph's bracketed tail."""
    last = None
    for b in blocks[start:]:
        if b.role in ("title", "kicker", "byline") or b.role in MARK_ROLES:
            break
        last = b
    if last is None:
        return False
    t = last.text.strip()
    if last.role == "credit":
        return metadata.AUTHOR_NOTE.match(t) is not None
    if _OPEN_AUTHOR_NOTE.match(t):
        return True
    k = max(t.rfind("（"), t.rfind("("))
    return k > 0 and t[-1:] in "）)" and metadata.AUTHOR_NOTE.match(t[k:]) is not None


def _byline_at(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` is a byline, or a paragraph that opens with one."""
    return i < len(blocks) and blocks[i].role == "byline" or _lead_at(blocks, i) and _opens_with_byline(blocks[i])


#: A question and answer's first line: ``问：…``, ``Q：…``.
_QA_OPENING = re.compile(r"\s*[问Q][:：]")


def _untaken_pair_over_qa(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` stands where an article may begin (the page's top, after
    a credit, a mark or a signature, after a wide gap behind a finished
    paragraph), neither it nor the block under it was taken as a headline,
    and the pair stands over a Q&A, perhaps past a field (``坐诊专家：…``):
    the second line asks a question (``名医坐诊`` / ``孩子反复咳嗽是不是过敏？``)
    or the text under it opens ``问：``. That is a service page's label and headline with no byline.
    Over other running text the pair may as well be a label and a
    sub-heading in an article whose headline is not on the page; a label
    that is a name (``陈祖芬``) signs the piece."""
    a, b = blocks[i], blocks[i + 1]
    under = i + 2
    if under + 1 < len(blocks) and blocks[under].role == "body" and _FIELD.match(blocks[under].text.strip()):
        under += 1          # a field over the Q&A: 坐诊专家：…
    if not (a.role == "body" and a.shaped and b.role == "body" and _lead_at(blocks, under)):
        return False
    if not (b.text.rstrip()[-1:] in "？?" or _QA_OPENING.match(blocks[under].text)):
        return False
    t = a.text.strip()
    if metadata.NAMES_LINE.match(t) and metadata.names_alone(t):
        return False
    return _at_page_top(blocks, i) or _closes_at(blocks, i - 1) or _after_wide_gap(blocks, i)


def _untaken_stack_at_top(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` opens the page (below its folios), neither it nor the
    block under it was taken as a headline, and a byline follows the two:
    the pair is the first article's headline lines."""
    a = blocks[i]
    return a.role == "body" and a.shaped and _at_page_top(blocks, i) \
        and _byline_at(blocks, i + 2)


#: A subtitle: an opening dash, then six characters or more and no middle
#: dot (``——记…``; not a verse's source, ``——元·马致远``).
_SUBTITLE = re.compile(r"\s*(?:——|—|--|－－|――)[^·・]{6,}$")


def _signatures_before_headlines(blocks: list[Block]) -> None:
    """A byline standing between a body and a headline-shaped line that is
    followed by another byline (``…正文。`` / ``记者 张三`` / ``标题`` /
    ``本报讯…``) signs the article above; the line after it is the next
    article's headline."""
    for i in range(1, len(blocks) - 2):
        b, head, after = blocks[i], blocks[i + 1], blocks[i + 2]
        if b.role == "byline" and blocks[i - 1].role == "body" and head.role == "body" and head.shaped \
                and (after.role == "byline" or _opens_with_byline(after)):
            b.role, head.role = "credit", "title"


def _signature_at_the_end(blocks: list[Block]) -> None:
    """A byline after a body with nothing but credits and marks below it
    (``…正文。`` / ``本报记者 张三``, at the end of the page) signs the
    article above: it opens no article, having nothing to open."""
    i = len(blocks) - 1
    while i > 0 and (blocks[i].role == "credit" or blocks[i].role in MARK_ROLES):
        i -= 1
    if i > 0 and blocks[i].role == "byline" and blocks[i - 1].role == "body":
        blocks[i].role = "credit"


def _assign_titles(blocks: list[Block], choose) -> None:
    """The headline pass of :func:`assign_roles` with ``choose(i, features)``
    deciding, on the full features (training)."""
    def says_title(i: int, prev_title: bool, body_chars: int) -> bool:
        b = blocks[i]
        if not (b.role == "body" and b.shaped and i + 1 < len(blocks)):
            return False
        if not prev_title and _after_wide_gap(blocks, i):
            return True
        f = title_features(blocks, i, prev_title, body_chars)
        return "opens_with_byline" in f or choose(i, f)

    _walk_titles(blocks, says_title)


def _walk_titles(blocks: list[Block], says_title) -> None:
    """The headline pass, left to right: a block ``says_title(i, prev_title,
    body_chars)`` takes becomes a title, where ``prev_title`` says the block
    before was taken and ``body_chars`` counts the body text of the article
    so far (a title or a mark starts it again)."""
    prev_title = False
    body_chars = 0
    for i, b in enumerate(blocks):
        if says_title(i, prev_title, body_chars):
            b.role = "title"
            prev_title = True
            body_chars = 0
            continue
        prev_title = False
        if b.role == "body":
            body_chars += len(b.text)
        elif b.role in MARK_ROLES:
            body_chars = 0


def ends_with_end_mark(text: str) -> bool:
    """Whether a paragraph closes with an end mark (``…。（完）``).

    >>> ends_with_end_mark("会议于昨日闭幕。（完）"), ends_with_end_mark("他说完")
    (True, False)
    """
    return text.endswith(("完）", "完)")) and END_MARK_TAIL.search(text) is not None


def ends_signed(text: str) -> bool:
    """Whether a paragraph closes with its writers' signature in brackets,
    a role in it (``…。（记者 张三）``): the article ends there. Names alone
    (``…。（岑参）``) may be a quotation's source, and end nothing.

    >>> ends_signed("工程预计年底完工。（记者 彭湃）"), ends_signed("他说（记者 张三）。"), ends_signed("完工。（岑参）")
    (True, False, False)
    """
    return text[-1:] in "）)〕" and metadata.signed_by_role(text)


def _signature(text: str) -> bool:
    """A byline wholly in brackets: printed after a body, it signs the
    article off rather than opening the next.

    >>> _signature("（本报记者 张三）"), _signature("本报记者 张三")
    (True, False)
    """
    t = text.strip()
    return t[:1] in "（(【[〔" and t[-1:] in "）)】]〕"


def _closes_at(blocks: Sequence[Block], j: int) -> bool:
    """Block ``j`` closes the article it ends: a credit or mark, or a
    signature in brackets under a paragraph of running text (``…整改。`` /
    ``（本报特约通讯员 马 骁）``), which :func:`group` takes as a credit."""
    b = blocks[j]
    return b.role in _CLOSING_ROLES or b.role == "byline" and j > 0 and _signature(b.text) \
        and _lead_at(blocks, j - 1)


def _at_page_top(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` opens the page: nothing but folios above it."""
    return i == 0 or blocks[0].role == "folio" and all(blocks[j].role == "folio" for j in range(i))


def _turn_at(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` is an interview's turn, short as a question may be
    (``记者：课后服务怎么收费？``), or a field (``时间：…``): what a lead may
    have under it."""
    return i < len(blocks) and blocks[i].role == "body" and _FIELD.match(blocks[i].text.strip()) is not None


def _lead_at(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` is a paragraph of running text (not a short line): the
    lead of an article a byline above it opens."""
    return i < len(blocks) and blocks[i].role == "body" and not blocks[i].shaped


def _headline_left_above(a: ArticleBlocks, prev: Block | None) -> int | None:
    """Where in article ``a``'s body a headline stands that the model left
    with the text above: the last paragraph, a short unpunctuated line
    right above a byline that opens a new article, after another such line
    (a poem's); or the line over a last paragraph that is a subtitle
    (``——读某某散文集``). The byline, over a lead, opens the article the
    headline heads; a byline over another short line may be the verse's
    signature.
    None when there is none."""
    body = a.body
    if prev is None or len(body) < 2 or body[-1] is not prev or not prev.shaped:
        return None
    if _SUBTITLE.match(prev.text):
        return len(body) - 2 if len(body) >= 3 and body[-2].shaped and not _SUBTITLE.match(body[-2].text) else None
    return len(body) - 1 if body[-2].shaped else None


#: How many heading-shaped lines kept as text (a kicker, a subtitle
#: ``——记…``) may stand between a headline and its byline.
HEAD_LINES_AS_TEXT = 2


def _under_headline(a: ArticleBlocks, kicker: Block | None = None) -> bool:
    """Only headline lines so far: a title, then at most
    :data:`HEAD_LINES_AS_TEXT` heading-shaped lines kept as text (the
    article's ``kicker`` among them, whatever its shape: ``■民生关注``) or an
    editor's preface, and no byline; a byline line that follows is this
    article's, not a new one's. A preface under a label on a line of its
    own (``编 者 按`` ¶ ``今年是…``) counts as one item: the label and at
    most :data:`PREFACE_PARAGRAPHS` paragraphs."""
    if a.title is None or a.byline is not None:
        return False
    items = 0
    under_label = -1        # paragraphs read under a preface label; -1: no label yet
    for x in a.body:
        if under_label >= 0:
            under_label += 1
            if under_label > PREFACE_PARAGRAPHS:
                return False
            continue
        if metadata.PREFACE_LABEL.match(x.text):
            under_label = 0
        elif not (x.shaped or x is kicker or metadata.PREFACE.match(x.text)):
            return False
        items += 1
    return items <= HEAD_LINES_AS_TEXT


#: The most paragraphs of a preface under a label of its own.
PREFACE_PARAGRAPHS = 2


def group(blocks: list[Block]) -> list[ArticleBlocks]:
    """Group role-labelled blocks into articles."""
    articles: list[ArticleBlocks] = []
    cur: ArticleBlocks | None = None
    closed = False              # a divider or end mark ended the current article

    def new(**kw) -> ArticleBlocks:
        nonlocal cur, closed
        cur = ArticleBlocks(**kw)
        articles.append(cur)
        closed = False
        return cur

    kicker: Block | None = None     # the column label opening the current article
    for n, b in enumerate(blocks):
        prev = blocks[n - 1] if n else None
        if b.role == "kicker":
            b.role = "body"           # kept as the text's first paragraph, like a subtitle
            new().body.append(b)
            kicker = b
            continue
        if b.role == "title":
            if cur is not None and cur.title is None and cur.byline is None and len(cur.body) == 1 \
                    and cur.body[0] is kicker:
                cur.title = b         # the headline under its column label
                continue
            if cur is not None and cur.title is not None and not cur.body and cur.byline is None \
                    and not closed:
                b.role = "body"       # a second headline line: keep it as text
                cur.body.append(b)
                continue
            new(title=b)
        elif b.role in MARK_ROLES:
            if cur is None:
                new()
            cur.marks.append(b)
            closed = True
        elif b.role == "byline":
            if cur is not None and cur.body and not closed and _signature(b.text):
                b.role = "credit"     # （本报记者 张三） after the body signs it off
                cur.credits.append(b)
                closed = True
            elif cur is not None and not closed and cur.byline is not None and prev is cur.byline:
                b.role = "credit"     # a second byline line (本报通讯员 …) under the first
                cur.credits.append(b)
            elif cur is None or closed or cur.body and not _under_headline(cur, kicker):
                k = _headline_left_above(cur, prev) \
                    if cur is not None and not closed and _lead_at(blocks, n + 1) else None
                if k is None:
                    new(byline=b)
                else:           # the headline (and its subtitle) left at the end of the article above
                    head, under = cur.body[k], cur.body[k + 1:]
                    del cur.body[k:]
                    head.role = "title"
                    new(title=head, byline=b, body=under)
            elif cur.byline is None:
                cur.byline = b
            else:
                b.role = "credit"
                cur.credits.append(b)
        elif b.role == "credit":
            if cur is None:
                new()
            cur.credits.append(b)
            # an editor's or author's note (（责任编辑：…）) is the last thing an article prints
            closed = closed or metadata.is_note(b.text)
        else:
            if cur is None or closed:
                new()
            cur.body.append(b)
            # …。（完） or a signature, …。（记者 张三）: the article ends here,
            # unless the signature closes the lead and the story runs on below
            closed = ends_with_end_mark(b.text) or ends_signed(b.text) and not _signed_lead(cur, blocks, n)
    return articles


def _signed_lead(a: ArticleBlocks, blocks: Sequence[Block], n: int) -> bool:
    """Block ``n``, just added to article ``a`` and closed by a signature
    (:func:`ends_signed`), is the article's lead signed at its end, as
    evening papers print it (``晚报讯 9月28日，…。（记者 X 通讯员 Y）``),
    with more of the story under it: the signature is the byline and ends
    nothing. So it is when no paragraph of running text comes before it in
    the article (heading lines kept as text may), the block under it is
    running text that opens no byline, and no paragraph of that run is
    signed again (a column of signed briefs with no headlines: each ends
    its item). A photo's credit (``（记者 X 摄）``) is left closing its caption."""
    b = blocks[n]
    if b.text.rstrip()[-2:-1] == "摄" or any(not x.shaped for x in a.body[:-1]):
        return False
    if not (_lead_at(blocks, n + 1) or _turn_at(blocks, n + 1)) or _opens_with_byline(blocks[n + 1]):
        return False
    for x in blocks[n + 1:]:
        if x.role != "body" or x.shaped:
            break
        if ends_signed(x.text):
            return False
    return True
