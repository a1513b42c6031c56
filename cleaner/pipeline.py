"""One raw file -> article records: the whole per-file path, and nothing else.

bytes -> text (:mod:`decode`) -> lines (:mod:`page`) -> page-wide character
rules -> join-or-break decisions (:mod:`breaks`) -> blocks and articles
(:mod:`articles`) -> paragraph rules (:mod:`normalize`) -> metadata
(:mod:`metadata`) -> records. A file's records depend on that file, its
manifest entry and the settings alone, so files can be cleaned in any order,
on any worker, with the same result.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import regex

from . import articles as arts
from . import breaks, metadata, normalize
from .decode import decode
from .edits import Edit, Piece
from .errors import BadInput, ConservationError
from .page import MAX_LINE_CHARS, Page, split_lines

_WS = " \t\u3000\u00a0\r\n"


@dataclass(frozen=True)
class Settings:
    """How to clean; the same for every file of a run."""
    script: str = "simplified"      # target script, a key of normalize.SCRIPTS
    year: int | None = None         # year for files whose manifest gives none
    max_line: int = MAX_LINE_CHARS
    check: bool = True              # verify conservation for every article


@dataclass(frozen=True)
class FileMeta:
    """What is known about one raw file (from the manifest, or defaults)."""
    name: str                       # the path recorded in source.file
    year: int | None = None
    outlet: str | None = None       # the paper itself: what 本报 stands for
    encoding: str | None = None


@dataclass
class Article:
    record: dict
    edits: list[Edit]
    span: tuple[int, int]           # raw character offsets [start, end)


@dataclass
class FileResult:
    """Everything one file produced: records, their edits, the decisions."""
    file: str
    encoding: str | None = None
    articles: list[Article] = field(default_factory=list)
    stray_edits: list[Edit] = field(default_factory=list)   # outside any article
    decisions: list[breaks.Decision] = field(default_factory=list)
    page: Page | None = None
    error: BadInput | None = None

    def audit(self) -> list[dict]:
        """Audit entries: one per article with its edits, in page order."""
        out = []
        for a in self.articles:
            out.append({"id": a.record["id"], "source": a.record["source"],
                        "edits": [self._edit_dict(e) for e in a.edits]})
        if self.stray_edits:
            out.append({"id": None, "source": {"file": self.file},
                        "edits": [self._edit_dict(e) for e in self.stray_edits]})
        return out

    def _edit_dict(self, e: Edit) -> dict:
        line, col = self.page.line_col(e.offset)
        return {"rule": e.rule, "line": line, "col": col, "before": e.before, "after": e.after}


def clean_bytes(data: bytes, meta: FileMeta, settings: Settings = Settings()) -> FileResult:
    """Clean one raw file's bytes; bad input raises :class:`BadInput`."""
    decoded = decode(data, meta.name, meta.encoding)
    result = clean_text(decoded.text, meta, settings)
    result.encoding = decoded.encoding
    return result


def clean_text(text: str, meta: FileMeta, settings: Settings = Settings()) -> FileResult:
    """Clean one decoded raw file (line ends already ``\\n``)."""
    page = split_lines(text, meta.name, settings.max_line)
    page_edits: list[Edit] = []
    piece = Piece.from_raw(text, 0)
    for name, rule in normalize.LINE_RULES:
        piece = piece.apply(name, rule(piece.text), page_edits)
    if settings.script != "none":
        piece = piece.apply("convert_script", normalize.convert_script(piece.text, settings.script),
                            page_edits)
    lines = _line_pieces(piece)
    content = [i for i, p in enumerate(lines) if p.text.strip(_WS)]
    texts = {i: lines[i].text.strip(_WS) for i in content}
    blanks = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
    decisions = breaks.decide([p.text for p in lines], content, blanks)
    blocks = arts.blocks_from(decisions, content, texts)
    arts.assign_roles(blocks)
    groups = arts.group(blocks)

    result = FileResult(meta.name, decisions=decisions, page=page)
    page_edits.sort(key=lambda e: e.offset)
    offsets = [e.offset for e in page_edits]
    used = 0
    for g in groups:
        start = page.starts[g.first_line]
        end = page.starts[g.last_line] + len(page.lines[g.last_line])
        lo, hi = bisect_left(offsets, start), bisect_left(offsets, end)
        used += hi - lo
        edits = page_edits[lo:hi]
        record = _build_record(g, lines, page, meta, settings, edits)
        record["source"] = {"file": meta.name, "line_start": g.first_line + 1,
                            "line_end": g.last_line + 1}
        article = Article(record, edits, (start, end))
        if settings.check:
            check_conservation(text[start:end], edits, record, where=f"{meta.name}: line {g.first_line + 1}")
        result.articles.append(article)
    if used < len(page_edits):
        spans = [a.span for a in result.articles]
        result.stray_edits = [e for e in page_edits if not any(a <= e.offset < b for a, b in spans)]
    return result


def _line_pieces(piece: Piece) -> list[Piece]:
    """Split the page piece at line ends, each line keeping its raw offsets."""
    out = []
    at = 0
    text = piece.text
    while True:
        nl = text.find("\n", at)
        if nl < 0:
            out.append(piece.slice(at))
            return out
        out.append(piece.slice(at, nl))
        at = nl + 1


def _block_piece(block: arts.Block, lines: list[Piece], edits: list[Edit]) -> Piece:
    """Join a block's lines, recording each join and the trimmed margins."""
    pieces = []
    for i in block.lines:
        p = lines[i]
        a = len(p.text) - len(p.text.lstrip(_WS))
        b = len(p.text.rstrip(_WS))
        pieces.append((p, a, b))
    p0, a0, _ = pieces[0]
    if a0:
        edits.append(Edit("strip_margins", p0.raw_offset(0), p0.text[:a0], ""))
    out = None
    for k, (p, a, b) in enumerate(pieces):
        core = p.slice(a, b)
        if out is None:
            out = core
            continue
        prev, pa, pb = pieces[k - 1]
        gap_start = prev.raw_offset(pb)
        between = "".join(lines[j].text + "\n" for j in range(block.lines[k - 1] + 1, block.lines[k]))
        gap = prev.text[pb:] + "\n" + between + p.text[:a]
        sep = " " if _needs_space(out.text[-1:], core.text[:1]) else ""
        edits.append(Edit("join_lines", gap_start, gap, sep))
        out = out.concat(core, sep)
    pl, _, bl = pieces[-1]
    if bl < len(pl.text):
        edits.append(Edit("strip_margins", pl.raw_offset(bl), pl.text[bl:], ""))
    return out


def _needs_space(left: str, right: str) -> bool:
    """Latin words broken across lines are joined with a space."""
    return left.isascii() and left.isalpha() and right.isascii() and right.isalpha()


def _normalise(piece: Piece, edits: list[Edit]) -> Piece:
    for name, rule in normalize.TEXT_RULES:
        piece = piece.apply(name, rule(piece.text), edits)
    return piece


def _build_record(g: arts.ArticleBlocks, lines: list[Piece], page: Page, meta: FileMeta,
                  settings: Settings, edits: list[Edit]) -> dict:
    def clean(block: arts.Block) -> Piece:
        return _normalise(_block_piece(block, lines, edits), edits)

    title = clean(g.title).text if g.title else None
    byline_text = clean(g.byline).text if g.byline else None
    body = [clean(b) for b in g.body]
    credits = [clean(b).text for b in g.credits]
    if byline_text is None and body:
        end = metadata.byline_end(body[0].text)
        rest = body[0].text[end:]
        if end and rest.strip():
            head = body[0].text[:end]
            kept = head.rstrip(" ")
            if len(kept) < len(head):
                edits.append(Edit("split_byline", body[0].raw_offset(len(kept)), head[len(kept):], ""))
            byline_text = kept
            body[0] = body[0].slice(end)
    if byline_text is None and credits:
        byline_text = credits.pop(0)

    outlet = None
    authors: list[dict] = []
    place = None
    date = None
    year = meta.year if meta.year is not None else settings.year
    for i, text in enumerate(([byline_text] if byline_text else []) + credits):
        b = metadata.parse_byline(text)
        authors += b.authors
        if outlet is None and b.outlet:
            outlet = metadata.canonical_outlet(b.outlet, meta.outlet)
        if i == 0:
            place = b.place
            if b.month:
                date = metadata.iso_date(b.year or year, b.month, b.day)
    if date is None and body:
        date = metadata.lead_date(body[0].text, year)
    text = "\n".join(p.text for p in body if p.text)
    raw = page.text[page.starts[g.first_line]:page.starts[g.last_line] + len(page.lines[g.last_line])]
    return {
        "id": article_id(meta.name, raw),
        "title": title,
        "text": text,
        "byline": byline_text,
        "outlet": outlet,
        "authors": authors,
        "date": date,
        "place": place,
        "credits": credits,
    }


def article_id(file: str, raw: str) -> str:
    """A stable id from the file's name and the article's raw text.

    Whitespace is ignored, so re-wrapping or re-encoding a file keeps its ids;
    nothing about other files or the article's position enters it.
    """
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    core = "".join(raw.split())
    return hashlib.blake2b(f"{name}\n{core}".encode(), digest_size=8).hexdigest()


_SPACE = regex.compile(r"\s+")


def check_conservation(raw: str, edits: Iterable[Edit], record: dict, where: str) -> None:
    """Every non-space raw character is in a field, or an edit says where it went.

    Starting from the raw span, take away what each edit removed and add what
    it wrote; what is left must be exactly the characters of the record's
    text fields: as multisets, raw + written == fields + removed. Raises
    :class:`ConservationError` naming the file and line.
    """
    edits = list(edits)
    fields = "".join(filter(None, [record["title"], record["byline"], record["text"], *record["credits"]]))
    left = _SPACE.sub("", raw + "".join(e.after for e in edits))
    right = _SPACE.sub("", fields + "".join(e.before for e in edits))
    if len(left) == len(right) and Counter(left) == Counter(right):
        return
    have, want = Counter(right), Counter(left)
    missing = "".join(sorted((want - have).elements()))[:40]
    extra = "".join(sorted((have - want).elements()))[:40]
    raise ConservationError(f"{where}: characters not accounted for: missing {missing!r}, "
                            f"unexplained {extra!r}")
