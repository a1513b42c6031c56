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
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import compress, count, repeat
from typing import Iterable, Iterator


from . import articles as arts
from . import breaks, metadata, normalize
from .chars import is_han
from .decode import decode
from .edits import Edit, Lines, Piece
from .errors import BadInput, ConservationError
from .page import MAX_LINE_CHARS, Page, split_lines

_WS = " \t\u3000\u00a0\r\n"


#: Files longer than this (characters) are cleaned a section at a time, so
#: that memory follows the section rather than the file (see :func:`sections`).
SECTION_CHARS = 1_000_000


@dataclass(frozen=True)
class Settings:
    """How to clean; the same for every file of a run."""
    script: str = "simplified"      # target script, a key of normalize.SCRIPTS
    year: int | None = None         # year for files whose manifest gives none
    max_line: int = MAX_LINE_CHARS
    check: bool = True              # verify conservation for every article
    section: int = SECTION_CHARS    # cut longer files into sections of about this size


@dataclass(frozen=True)
class FileMeta:
    """What is known about one raw file (from the manifest, or defaults)."""
    name: str                       # the path recorded in source.file
    year: int | None = None
    outlet: str | None = None       # the paper itself: what 本报 stands for
    encoding: str | None = None
    month: int | None = None        # the page's month, when its folio dates it
    day: int | None = None          # the page's day, when its folio dates it


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
    """Clean one decoded raw file (line ends already ``\\n``): the parts
    :func:`clean_sections` yields, as one result."""
    parts = clean_sections(text, meta, settings)
    result = next(parts)
    for part in parts:
        result.articles += part.articles
        result.stray_edits += part.stray_edits
        result.decisions += part.decisions
    return result


def clean_sections(text: str, meta: FileMeta, settings: Settings = Settings()) -> Iterator[FileResult]:
    """Clean one decoded raw file a section at a time (:func:`sections`).

    A file of up to ``settings.section`` characters is one section. A
    longer one yields one result per section, its lines, offsets and
    decisions placed back in the whole file (whose page every part
    carries), so that a caller can pass each part on and let it go: memory
    then follows the section, not the file.
    """
    if len(text) <= settings.section:
        yield _clean_page(text, meta, settings, {})
        return
    page = split_lines(text, meta.name, settings.max_line)   # the whole file's limits, once
    seen: dict[str, int] = {}
    for a, b in sections(page, settings.section):
        start = page.starts[a]
        end = page.starts[b] if b < len(page.lines) else len(text)
        part = _clean_page(text[start:end], meta, settings, seen)
        for art in part.articles:
            src = art.record["source"]
            src["line_start"] += a
            src["line_end"] += a
            art.edits = [e._replace(offset=e.offset + start) for e in art.edits]
            art.span = (art.span[0] + start, art.span[1] + start)
        for d in part.decisions:
            d.prev += a
            d.next += a
        part.stray_edits = [e._replace(offset=e.offset + start) for e in part.stray_edits]
        part.page = page
        yield part


def sections(page: Page, size: int) -> list[tuple[int, int]]:
    """Cut a long page into runs of lines ``[a, b)`` of about ``size``
    characters each, where an article most likely ends.

    Once a section holds ``size`` characters, the cut goes before the next
    headline-shaped line that a byline follows (``标题`` / ``本报讯…``), or
    at the next gap wider than the page's usual one, whichever comes first;
    failing both by twice ``size``, after the first line there that ends a
    sentence (or, with none, right there). Depends on the page alone, so a file is always cut the same
    way.

    >>> p = split_lines("甲。\\n\\n乙。\\n\\n\\n\\n丙。\\n\\n丁。\\n", "x")
    >>> sections(p, 3)
    [(0, 6), (6, 10)]
    """
    content = page.content
    gaps = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
    usual = Counter(gaps).most_common(1)[0][0] if gaps else 0
    cuts, opened, k = [0], 0, 0
    while k < len(content) - 1:
        if page.starts[content[k]] - opened < size:
            k += 1
            continue
        cut = _section_cut(page, content, gaps, usual, k, opened + 2 * size)
        if cut is None:
            break
        cuts.append(content[cut])
        opened = page.starts[content[cut]]
        k = cut
    return list(zip(cuts, cuts[1:] + [len(page.lines)]))


def _section_cut(page: Page, content: list[int], gaps: list[int], usual: int, k: int,
                 limit: int) -> int | None:
    """The content line (an index into ``content``) after ``k`` that opens
    the next section, as :func:`sections` says; None when none is left."""
    fallback = None
    for j in range(k + 1, len(content)):
        text = page.lines[content[j]].strip(_WS)
        before = page.lines[content[j - 1]].strip(_WS)
        if gaps[j - 1] > usual:
            return j
        if j + 1 < len(content) and arts.title_shaped(text) and not arts.title_shaped(before) \
                and metadata.starts_with_byline(page.lines[content[j + 1]].strip(_WS)):
            return j
        if fallback is None and breaks.ends_sentence(before):
            fallback = j
        if page.starts[content[j]] >= limit:
            return j if fallback is None else fallback
    return fallback


def _clean_page(text: str, meta: FileMeta, settings: Settings, seen: dict[str, int]) -> FileResult:
    """:func:`clean_text` of one page or section; ``seen`` counts the ids
    given so far in the file, so that the same text twice is told apart."""
    page, lines, page_edits = prepare_lines(text, meta, settings)
    content, blanks = content_lines(lines)
    line_texts = lines.texts
    texts = {i: line_texts[i].strip(_WS) for i in content}
    decisions = breaks.decide(line_texts, content, blanks)
    blocks = arts.blocks_from(decisions, content, texts, blanks)
    arts.assign_roles(blocks)
    groups = arts.group(blocks)
    meta = _dated_by_folio(meta, blocks)

    result = FileResult(meta.name, decisions=decisions, page=page)
    page_edits.sort(key=lambda e: e.offset)
    offsets = [e.offset for e in page_edits]
    used = 0
    loose: list[Edit] = []      # marks standing outside any article: removed, recorded as stray
    for g in groups:
        if not (g.title or g.byline or g.body or g.credits):
            _remove_marks(g, lines, loose)
            continue
        start = page.starts[g.first_line]
        end = page.starts[g.last_line] + len(page.lines[g.last_line])
        lo, hi = bisect_left(offsets, start), bisect_left(offsets, end)
        used += hi - lo
        edits = page_edits[lo:hi]
        record = _build_record(g, lines, page, meta, settings, edits)
        if record["id"] in seen:
            seen[record["id"]] += 1
            raw = text[start:end]
            record["id"] = article_id(meta.name, raw, seen[record["id"]])
        seen.setdefault(record["id"], 1)
        record["source"] = {"file": meta.name, "line_start": g.first_line + 1,
                            "line_end": g.last_line + 1}
        article = Article(record, edits, (start, end))
        if settings.check:
            check_conservation(text[start:end], edits, record, where=f"{meta.name}: line {g.first_line + 1}")
        result.articles.append(article)
    if used < len(page_edits) or loose:
        spans = [a.span for a in result.articles]
        stray = [e for e in page_edits if not any(a <= e.offset < b for a, b in spans)]
        result.stray_edits = sorted(stray + loose, key=lambda e: e.offset)
    return result


def _dated_by_folio(meta: FileMeta, blocks: list[arts.Block]) -> FileMeta:
    """The page's year from its own header or footer (``2026年11月27日 星期五
    第5版``): the page's own word, before the manifest's or ``--year``, which
    date what names no year."""
    for b in blocks:
        if b.role == "folio":
            m = _FOLIO_DATE.search(b.text)
            if m:
                return replace(meta, year=int(m.group(1)), month=int(m.group(2)),
                               day=int(m.group(3)) if m.group(3) else None)
    return meta


_FOLIO_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")


def prepare_lines(text: str, meta: FileMeta, settings: Settings = Settings()
                  ) -> tuple[Page, Lines, list[Edit]]:
    """The page, its lines after the page-wide character rules (what break
    repair sees), and the edits those rules made."""
    page = split_lines(text, meta.name, settings.max_line)
    page_edits: list[Edit] = []
    piece = Piece.from_raw(text, 0)
    for name, rule in normalize.LINE_RULES:
        piece = piece.apply(name, rule(piece.text), page_edits)
    if normalize.page_script(settings.script) != "none":
        piece = piece.apply("convert_script", normalize.convert_script(
            piece.text, normalize.page_script(settings.script)), page_edits)
    return page, piece.lines(), page_edits


def content_lines(lines: Lines) -> tuple[list[int], list[int]]:
    """Indices of the non-blank lines, and the blank lines between each two."""
    # (in C: the indices whose stripped text is not empty)
    content = list(compress(count(), map(str.strip, lines.texts, repeat(_WS))))
    blanks = [b - a - 1 for a, b in zip(content, content[1:])]
    return content, blanks


def _block_piece(block: arts.Block, lines: Lines, edits: list[Edit]) -> Piece:
    """Join a block's lines, recording each join and the trimmed margins.

    Works on the lines' texts and raw offsets; pieces are made only of the
    joined result (and of each line's core where the page's map is not one
    to one)."""
    idx = block.lines
    if len(idx) == 1:               # most blocks: one line, nothing to join
        return _trimmed(lines[idx[0]], edits)
    texts = lines.texts
    spans = [_core(texts[i]) for i in idx]      # each line's core, without its margins
    i0, (a0, b0) = idx[0], spans[0]
    if a0:
        edits.append(Edit("strip_margins", lines.raw_offset(i0, 0), texts[i0][:a0], ""))
    seps = []
    tail = texts[i0][a0:b0][-metadata.STAFF_TAIL:]    # the end of the text joined so far
    for k in range(1, len(idx)):
        i, j = idx[k - 1], idx[k]
        prev, t = texts[i], texts[j]
        pb, (a, b) = spans[k - 1][1], spans[k]
        gap = "\n".join([prev[pb:], *texts[i + 1:j], t[:a]])
        spaced = pb < len(prev) or a > 0     # whitespace at the break itself
        core = t[a:b]
        sep = " " if spaced and (_needs_space(tail[-1:], core[:1])
                                 or _printed_space(prev[pb:], t[:a]) and _staff_space(tail, core)) else ""
        edits.append(Edit("join_lines", lines.raw_offset(i, pb), gap, sep))
        seps.append(sep)
        tail = (tail + sep + core)[-metadata.STAFF_TAIL:]
    il, bl = idx[-1], spans[-1][1]
    if bl < len(texts[il]):
        edits.append(Edit("strip_margins", lines.raw_offset(il, bl), texts[il][bl:], ""))
    if lines.base is not None:      # one to one: each core maps on from its first character
        starts = lines.starts
        return Piece.from_runs([texts[i][a:b] for i, (a, b) in zip(idx, spans)],
                               [lines.base + starts[i] + a for i, (a, _) in zip(idx, spans)], seps)
    return Piece.joined([lines[i].slice(a, b) for i, (a, b) in zip(idx, spans)], seps)


def _core(t: str) -> tuple[int, int]:
    """Where a line's text starts and ends within its margins."""
    if t.strip(_WS) is t:           # no margins (most lines): strip gives the same string back
        return 0, len(t)
    return len(t) - len(t.lstrip(_WS)), len(t.rstrip(_WS))


def _trimmed(line: Piece, edits: list[Edit]) -> Piece:
    """One line without its margins, each margin recorded as stripped."""
    t = line.text
    a, b = _core(t)
    if a:
        edits.append(Edit("strip_margins", line.raw_offset(0), t[:a], ""))
    if b < len(t):
        edits.append(Edit("strip_margins", line.raw_offset(b), t[b:], ""))
    return line if a == 0 and b == len(t) else line.slice(a, b)


#: A line's indent: ideographic spaces opening it, which part no words.
_INDENT = "\u3000"


def _needs_space(left: str, right: str) -> bool:
    """Latin words that a break with whitespace at it parts are joined with
    a space; with none there, the break cut a word (``Transfor`` + ``mer``)."""
    return left.isascii() and left.isalpha() and right.isascii() and right.isalpha()


def _printed_space(trailing: str, leading: str) -> bool:
    """Whether the whitespace at a break, the line's ``trailing`` and the next
    line's ``leading``, holds a space the page printed: any trailing
    whitespace, or leading whitespace past the next line's indent
    (``\u3000\u3000 顾萌）`` holds one, ``\u3000\u3000摄`` none)."""
    return trailing != "" or leading.lstrip(_INDENT) != ""


def _staff_space(left: str, right: str) -> bool:
    """Whether a printed space at a break, between the text joined so far
    ``left`` and the next line ``right``, parts a byline's staff and so
    stays (:func:`metadata.byline_space`: ``记者 于蓁`` + ``实习生 包世杰``).

    >>> _staff_space("记者 于蓁", "实习生 包世杰）"), _staff_space("据介绍，", "今年全市"), _staff_space("比赛第23", "分钟")
    (True, False, False)
    """
    return left != "" and right != "" and is_han(left[-1]) and is_han(right[0]) and metadata.byline_space(left, right)


def _normalise(piece: Piece, edits: list[Edit]) -> Piece:
    if not normalize.NEEDS_PARAGRAPH_RULES.search(piece.text):
        return piece
    for name, rule in normalize.PARAGRAPH_RULES:
        changes = rule(piece.text)
        if changes:
            piece = piece.apply(name, changes, edits)
    return piece


def _split_byline(first: Piece, edits: list[Edit]) -> tuple[Piece | None, Piece]:
    """Cut the byline that opens a first paragraph: (byline, rest)."""
    end = metadata.byline_end(first.text)
    if not end or not first.text[end:].strip():
        return None, first
    head = first.text[:end]
    kept = len(head.rstrip(" "))
    if kept < len(head):
        edits.append(Edit("split_byline", first.raw_offset(kept), head[kept:], ""))
    # the rules judged the paragraph whole; each part is judged again on its own,
    # so that cleaning a field again changes nothing (社讯内 蒙 古 -> 内 蒙 古: a spaced run now)
    return _normalise(first.slice(0, kept), edits), _normalise(first.slice(end), edits)


def _split_credit(last: Piece, edits: list[Edit]) -> tuple[Piece, Piece | None]:
    """Cut a credit that closes the last paragraph (``…。（编辑 王五）``)."""
    start = metadata.trailing_credit(last.text)
    if start == len(last.text):
        return last, None
    kept = len(last.text[:start].rstrip(" "))
    if kept < start:
        edits.append(Edit("split_byline", last.raw_offset(kept), last.text[kept:start], ""))
    return _normalise(last.slice(0, kept), edits), _normalise(last.slice(start), edits)


def _signature_of_lead(byline: Piece | None, body: list[Piece], lead: int, edits: list[Edit]) -> Piece | None:
    """The byline of an article whose lead closes with its writers'
    signature (``晚报讯 9月28日，…。（记者 X 通讯员 Y）``): the signature,
    cut from the lead, under the feed that opened it, a line each as a
    reporter line and a dateline are (``晚报讯\n（记者 X 通讯员 Y）``), or
    alone (the caller asks :func:`articles.signed_by_writers` first)."""
    body[lead], signature = _split_credit(body[lead], edits)
    return Piece.joined([byline, signature], ["\n"]) if byline is not None else signature


def _cut_end_mark(last: Piece, edits: list[Edit]) -> Piece:
    """Remove the end mark closing the last paragraph (``…。（完）``), and record it."""
    start = arts.END_MARK_TAIL.search(last.text).start()
    edits.append(Edit("remove_end_mark", last.raw_offset(start), last.text[start:], ""))
    return last.slice(0, start)


def _close_spaced_names(credit: Piece, edits: list[Edit]) -> Piece:
    """A credit's letter-spaced names closed up (``校对：何 敏`` -> ``校对：何敏``):
    the space rule closes those between two fields already, not the last."""
    changes = metadata.spaced_credit_names(credit.text)
    return credit.apply("collapse_spaces", changes, edits) if changes else credit


def _remove_marks(g: arts.ArticleBlocks, lines: Lines, edits: list[Edit]) -> None:
    """Dividers, end marks and page furniture are removed, and recorded."""
    for mark in g.marks:
        p = _block_piece(mark, lines, edits)
        edits.append(Edit("remove_" + mark.role, p.raw_offset(0), p.text, ""))


def _first_under(g: arts.ArticleBlocks) -> int:
    """The first body paragraph below the byline line (a subtitle kept as
    text may stand above it: the lead, and its date, come after), or 0."""
    if g.byline is None:
        return 0
    return next((k for k, b in enumerate(g.body) if b.lines[0] > g.byline.lines[-1]), 0)


def _build_record(g: arts.ArticleBlocks, lines: Lines, page: Page, meta: FileMeta,
                  settings: Settings, edits: list[Edit]) -> dict:
    def clean(block: arts.Block) -> Piece:
        return _normalise(_block_piece(block, lines, edits), edits)

    _remove_marks(g, lines, edits)
    title = clean(g.title) if g.title else None
    byline = clean(g.byline) if g.byline else None
    body = [clean(b) for b in g.body]
    credits = [clean(b) for b in g.credits]
    lead = _first_under(g)    # the paragraph the byline opens, or the first under it
    if byline is None and len(body) > 1 and metadata.trailing_credit(body[0].text) < len(body[0].text) \
            and not arts.signed_by_writers(body[0].text):
        # a photo caption over the story (``图为…。 记者 X 摄``): its credit, then the story's byline
        body[0], photo = _split_credit(body[0], edits)
        credits.append(photo)
        byline, body[1] = _split_byline(body[1], edits)
        lead = 1
    elif byline is None and body:
        for k in range(min(arts.HEAD_LINES_AS_TEXT + 1, len(body))):
            byline, body[k] = _split_byline(body[k], edits)
            if byline is not None:
                lead = k
                break
            if not g.body[k].shaped:
                break
            # past a second headline line kept as text (a kicker 引题, a subtitle ——副题)
    if byline is None and len(body) > 1 and metadata.opening_shape(body[1].text)[1] == "dateline":
        # a caption or a summary over a wire story: the dateline opens the second paragraph
        byline, body[1] = _split_byline(body[1], edits)
        lead = 1 if byline is not None else lead
    elif g.byline is not None and body and metadata.opening_shape(body[lead].text)[1] == "dateline":
        # a reporter line over a lead that opens with the dateline
        # (光明日报记者 王五 ¶ 本报北京11月25日电 今年以来…): both are the byline, a line each
        dateline, body[lead] = _split_byline(body[lead], edits)
        if dateline is not None:
            byline = Piece.joined([byline, dateline], ["\n"])
    if g.byline is None and lead + 1 < len(body) and arts.signed_by_writers(body[lead].text):
        # the lead signed at its end over more paragraphs; a brief's one paragraph keeps its signature a credit
        byline = _signature_of_lead(byline, body, lead, edits)
    for i in range(len(body) - 1):
        if body[i].text.endswith("摄"):
            # a photo caption inside the story (``图①：…。本报记者 X 摄``): its credit is a credit
            body[i], photo = _split_credit(body[i], edits)
            if photo is not None:
                credits.append(photo)
    if body and arts.ends_with_end_mark(body[-1].text):
        body[-1] = _cut_end_mark(body[-1], edits)
    if body and len(body[-1].text) > 0:
        body[-1], closing = _split_credit(body[-1], edits)
        if closing is not None:
            credits.append(closing)
    scoped = [metadata.page_scoped(c.text) for c in credits]    # asked before 韩 梅 is closed up
    credits = [_close_spaced_names(c, edits) for c in credits]
    if byline is None and credits and not metadata.is_note(credits[0].text) and not scoped[0] \
            and not metadata.CONTACT_LINE.match(credits[0].text):   # a page's footer, a mail box: no byline
        byline = credits.pop(0)
        scoped.pop(0)

    year = meta.year if meta.year is not None else settings.year
    heads = byline.text.split("\n") if byline else []    # a reporter line and a dateline: a line each
    outlet, authors, place, date = _read_metadata(heads, [c.text for c, s in zip(credits, scoped) if not s],
                                                  meta, year)
    if date is None and body:
        date = metadata.lead_date(body[lead].text, year, meta.month)

    # Metadata is read in simplified script; a traditional target comes last.
    target = normalize.paragraph_script(settings.script)
    if target:
        def convert(p: Piece) -> Piece:
            return p.apply("convert_script", normalize.convert_script(p.text, target), edits)

        title = convert(title) if title else None
        byline = convert(byline) if byline else None
        body = [convert(p) for p in body]
        credits = [convert(p) for p in credits]
        outlet, place = (normalize.to_script(x, target) if x else x for x in (outlet, place))
        authors = [{"name": normalize.to_script(a["name"], target), "role":
                    normalize.to_script(a["role"], target) if a["role"] else None} for a in authors]
    raw = page.text[page.starts[g.first_line]:page.starts[g.last_line] + len(page.lines[g.last_line])]
    return {
        "id": article_id(meta.name, raw),
        "title": title.text if title else None,
        "text": "\n".join(p.text for p in body if p.text),
        "byline": byline.text if byline else None,
        "outlet": outlet,
        "authors": authors,
        "date": date,
        "place": place,
        "credits": [p.text for p in credits],
    }


def _read_metadata(heads: list[str], credits: list[str], meta: FileMeta, year: int | None
                   ) -> tuple[str | None, list[dict], str | None, str | None]:
    """Outlet, authors, place and date from an article's byline lines
    (``heads``) and its own credits (the caller leaves out a page-footer
    credit, ``本版编辑：X``, which names the page's editors): the place and
    date from the byline; the people of both, a signature that repeats the
    byline counted once. A dateline that prints only the day (``台北26日电``)
    takes the month and year of a wire's date stamp among the credits, else
    of the page its folio dates (:func:`_day_on_page`)."""
    outlet = place = date = named = None
    authors: list[dict] = []
    day = stamp = None
    for i, text in enumerate(heads + credits):
        b = metadata.parse_byline(text)
        authors += (a for a in b.authors if a not in authors)
        if b.outlet and (outlet is None or i < len(heads) and _names_in_full(b.outlet, named)):
            outlet, named = metadata.canonical_outlet(b.outlet, meta.outlet), b.outlet
        if i < len(heads):
            place = place or b.place
            if b.month and date is None:
                date = metadata.iso_date(b.year or metadata.year_near(b.month, year, meta.month), b.month, b.day)
            day = day or (b.day if not b.month else None)
        elif b.month and b.year:
            stamp = stamp or (b.year, b.month, b.day)
    if date is None and day and stamp and day <= stamp[2]:
        date = metadata.iso_date(stamp[0], stamp[1], day)
    if date is None and day and meta.day and meta.month and year:
        date = _day_on_page(day, year, meta.month, meta.day)
    return outlet, authors, place, date


def _names_in_full(outlet: str, feed: str | None) -> bool:
    """A byline line names in full the paper a feed before it named short:
    ``岑江晚报`` after ``晚报讯`` (a signature closing the lead under the
    feed), so the outlet is the full name.

    >>> _names_in_full("岑江晚报", "晚报"), _names_in_full("新华社", "晚报"), _names_in_full("晚报", "晚报")
    (True, False, False)
    """
    return feed is not None and len(outlet) > len(feed) and outlet.endswith(feed)


def _day_on_page(day: int, year: int, month: int, page_day: int) -> str | None:
    """The date of a dateline that prints only its day (``（莎阿南25日讯）``)
    on a page dated ``year``-``month``-``page_day``: in the page's month,
    or the month before when the day is later than the page's.

    >>> _day_on_page(25, 2026, 11, 26), _day_on_page(30, 2027, 1, 2)
    ('2026-11-25', '2026-12-30')
    """
    if day > page_day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return metadata.iso_date(year, month, day)


def article_id(file: str, raw: str, occurrence: int = 1) -> str:
    """A stable id from the file's name and the article's raw text.

    Whitespace is ignored, so re-wrapping or re-encoding a file keeps its ids;
    nothing about other files enters it. The same raw text twice in one file
    is told apart by its occurrence (2, 3, ...), which the first copy lacks.

    >>> article_id("raw/a.txt", "标题\\n\\n正文") == article_id("other/a.txt", "标题 正文")
    True
    >>> article_id("a.txt", "正文", 2) != article_id("a.txt", "正文")
    True
    """
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    core = "".join(raw.split())
    key = f"{name}\n{core}" if occurrence == 1 else f"{name}\n{core}\n#{occurrence}"
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def _sorted_codes(text: str):
    """The code points of ``text`` without whitespace, sorted: its multiset."""
    import numpy as np
    return np.sort(np.frombuffer("".join(text.split()).encode("utf-32-le"), dtype=np.uint32))


def check_conservation(raw: str, edits: Iterable[Edit], record: dict, where: str) -> None:
    """Every non-space raw character is in a field, or an edit says where it went.

    Starting from the raw span, take away what each edit removed and add what
    it wrote; what is left must be exactly the characters of the record's
    text fields: as multisets, raw + written == fields + removed (compared as
    sorted arrays of code points, which is several times faster than
    counting). Raises :class:`ConservationError` naming the file and line.
    """
    edits = list(edits)
    fields = "".join(filter(None, [record["title"], record["byline"], record["text"], *record["credits"]]))
    left = raw + "".join(e.after for e in edits)
    right = fields + "".join(e.before for e in edits)
    a, b = _sorted_codes(left), _sorted_codes(right)
    if a.shape == b.shape and (a == b).all():
        return
    want, have = Counter("".join(left.split())), Counter("".join(right.split()))
    missing = "".join(sorted((want - have).elements()))[:40]
    extra = "".join(sorted((have - want).elements()))[:40]
    raise ConservationError(f"{where}: characters not accounted for: missing {missing!r}, "
                            f"unexplained {extra!r}")
