"""Blocks -> articles: give each block a role and group blocks into articles.

A *block* is a run of raw lines that break repair joined into one paragraph.
Roles: ``title``, ``byline`` (a byline or dateline standing alone),
``credit`` (photo credit, ``文/…``, editor's note), ``body``. A title opens
a new article; a byline block opens one too when the current article already
has a body (pages whose articles have no headline). Inline bylines at the
start of a first paragraph are split off later, on normalised text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import Sequence

from . import metadata
from .breaks import Decision, ends_sentence, heading_like


@dataclass
class Block:
    lines: list[int]          # line indices (0-based) joined into this block
    text: str                 # the joined text, for role decisions only
    role: str = "body"


@dataclass
class ArticleBlocks:
    """The blocks of one article, by role, in page order."""
    title: Block | None = None
    byline: Block | None = None
    body: list[Block] = field(default_factory=list)
    credits: list[Block] = field(default_factory=list)

    def blocks(self) -> list[Block]:
        out = [b for b in (self.title, self.byline) if b] + self.body + self.credits
        return sorted(out, key=lambda b: b.lines[0])

    @property
    def first_line(self) -> int:
        return min(b.lines[0] for b in self.blocks())

    @property
    def last_line(self) -> int:
        return max(b.lines[-1] for b in self.blocks())


def blocks_from(decisions: Sequence[Decision], content: Sequence[int], texts: dict[int, str]) -> list[Block]:
    """Group content lines into blocks wherever the decision was a break."""
    if not content:
        return []
    blocks = [Block([content[0]], texts[content[0]])]
    for d in decisions:
        if d.join:
            blocks[-1].lines.append(d.next)
            blocks[-1].text += texts[d.next]
        else:
            blocks.append(Block([d.next], texts[d.next]))
    return blocks


def assign_roles(blocks: list[Block], content=None, blanks=None) -> None:
    """Label each block title, byline, credit or body (in place)."""
    if not blocks:
        return
    typical = median(len(b.text) for b in blocks) or 1
    for i, b in enumerate(blocks):
        t = b.text
        if metadata.is_credit(t):
            b.role = "credit"
        elif metadata.REPORTER_LINE.match(t) or _whole_dateline(t):
            b.role = "byline"
        elif _title_like(t, typical) and i + 1 < len(blocks):
            b.role = "title"


def _whole_dateline(text: str) -> bool:
    end = metadata.byline_end(text)
    return end > 0 and not text[end:].strip()


def _title_like(text: str, typical: float) -> bool:
    """A headline: short, no running-text punctuation, not a list item, and
    ending without a full stop (``！`` and ``？`` are fine)."""
    t = text.strip()
    if not t or metadata.LIST_MARKER.match(t):
        return False
    if ends_sentence(t) and t.rstrip("”’）)")[-1:] not in "！？!?":
        return False
    return heading_like(t, max(typical, 80))


def group(blocks: list[Block]) -> list[ArticleBlocks]:
    """Group role-labelled blocks into articles."""
    articles: list[ArticleBlocks] = []
    cur: ArticleBlocks | None = None
    for b in blocks:
        if b.role == "title":
            if cur is not None and cur.title is not None and not cur.body and cur.byline is None:
                b.role = "body"       # a second headline line: keep it as text
                cur.body.append(b)
                continue
            cur = ArticleBlocks(title=b)
            articles.append(cur)
        elif b.role == "byline":
            if cur is None or cur.body:
                cur = ArticleBlocks(byline=b)
                articles.append(cur)
            elif cur.byline is None:
                cur.byline = b
            else:
                b.role = "credit"
                cur.credits.append(b)
        elif b.role == "credit":
            if cur is None:
                cur = ArticleBlocks()
                articles.append(cur)
            cur.credits.append(b)
        else:
            if cur is None:
                cur = ArticleBlocks()
                articles.append(cur)
            cur.body.append(b)
    return articles
