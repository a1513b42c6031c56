"""``cleaner explain FILE[:LINE]``: each join-or-break decision and the evidence behind it.

For every break between two content lines of a raw file (or the ones around
LINE) it prints the verdict, the probability of a join, the two line ends
that meet there, the evidence the model weighed (strongest first, each
feature glossed in words), and where the lines ended up (which article, which
field). It reads the decisions the pipeline itself made
(:attr:`cleaner.pipeline.FileResult.decisions`), so what it shows is what
``cleaner build`` did.
"""
from __future__ import annotations

import math
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

from .breaks import Decision
from .errors import EXIT_OK, BadInput
from .pipeline import FileMeta, FileResult, Settings, clean_bytes

#: What each feature of the break model means, in words. A feature without a
#: gloss (the model may grow new ones) is printed by name alone.
FEATURE_GLOSS = {
    "prev_ends_sentence": "the first line ends a sentence (。！？, maybe then a closing quote or bracket)",
    "prev_ends_clause": "the first line ends with clause punctuation (，、；：), so the sentence goes on",
    "prev_ends_opener": "the first line ends with an opening bracket or quote",
    "prev_ends_closer": "the first line ends with a closing bracket or quote",
    "prev_ends_han": "the first line ends on a Chinese character, with no punctuation",
    "prev_ends_alnum": "the first line ends on a Latin letter or digit",
    "next_starts_closing": "the next line starts with punctuation no line may start with (，。）” …)",
    "open_bracket": "a bracket or quote opened in this block is still open, so the text inside goes on",
    "next_list_item": "the next line starts like a list item (一、 1. （1）…)",
    "next_byline": "the next line starts like a byline or dateline (本报讯, 新华社…电, 记者 …)",
    "prev_byline": "the first line is a byline standing alone",
    "prev_credit": "the first line is a credit line (摄影/, 文/, 编辑 …)",
    "prev_heading_like": "the first line is short and free of running-text punctuation, like a heading",
    "prev_alone_heading": "the first line also stands alone (the break before it was kept), like a headline",
    "extra_blanks": "more blank lines than the page's usual gap",
    "word_across": "joining completes a dictionary word across the break (stronger for longer words)",
    "alnum_across": "letters or digits on both sides: a number or word cut in two",
    "next_is_headline": "the next line looks like a headline: short, and a byline follows it",
}

def _model_gloss(name: str) -> str | None:
    """The break model's own gloss of a feature, or of a pair ``a*b``."""
    from .breaks import FEATURES
    if "*" in name:
        a, b = name.split("*", 1)
        if a in FEATURES and b in FEATURES:
            return f"both: {FEATURES[a]}; and {FEATURES[b]}"
    return FEATURES.get(name)


#: Characters of each line end shown beside the break.
EXCERPT = 18


def parse_target(target: str) -> tuple[str, int | None]:
    """Split ``FILE[:LINE]``; a colon not followed by digits belongs to the name.

    >>> parse_target("raw/a.txt:5"), parse_target("raw/a.txt"), parse_target("C:/x.txt")
    (('raw/a.txt', 5), ('raw/a.txt', None), ('C:/x.txt', None))
    """
    name, sep, tail = target.rpartition(":")
    if sep and name and tail.isdigit():
        return name, int(tail)
    return target, None


def file_meta(path: Path, year: int | None) -> FileMeta:
    """What the raw folder's manifest says about ``path`` (year, outlet, encoding),
    or a bare entry named as given when there is no manifest or no row for it."""
    from .manifest import read_manifest
    try:
        listed = read_manifest(path.parent, year) or []
    except BadInput:
        listed = []
    for f in listed:
        if Path(f.path).resolve() == path.resolve():
            return f.meta
    return FileMeta(path.as_posix(), year)


def logit(p: float) -> float | None:
    """The log-odds of ``p``; None at 0 or 1, where it is infinite."""
    if not 0 < p < 1:
        return None
    return math.log(p / (1 - p))


def excerpt(text: str, end: bool) -> str:
    """The last (``end``) or first ``EXCERPT`` characters of a line, marked with … where cut.

    >>> excerpt("本报讯(某城晚报", True)
    '本报讯(某城晚报'
    >>> excerpt("一二三四五六七八九十一二三四五六七八九十", False)
    '一二三四五六七八九十一二三四五六七八 …'
    """
    text = text.strip()
    if len(text) <= EXCERPT:
        return text
    return "… " + text[-EXCERPT:] if end else text[:EXCERPT] + " …"


def _key(text: str) -> str:
    """Text folded for finding a raw line in a cleaned field: widths folded
    (NFKC, for comparison only) and whitespace dropped."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def fields_of(line: str, record: dict) -> list[str]:
    """Which fields of ``record`` a raw line's text went into, in print order.

    A line may be split between two fields (a byline running into the body).

    >>> rec = {"title": "标题", "byline": "本报讯（某报记者 张三）", "text": "日前，某地。", "credits": []}
    >>> fields_of("本报讯(某报", rec), fields_of("记者 张三) 日前,某地。", rec), fields_of("无关", rec)
    (['byline'], ['byline', 'text'], [])
    """
    k = _key(line)
    if not k:
        return []
    named = [("title", record.get("title")), ("byline", record.get("byline")), ("text", record.get("text")),
             *(("credit", c) for c in record.get("credits") or [])]
    keyed = [(n, _key(v or "")) for n, v in named]
    for n, v in keyed:
        if k in v:
            return [n]
    out = []
    for cut in range(len(k) - 1, 0, -1):
        head, tail = k[:cut], k[cut:]
        first = next((n for n, v in keyed if v.endswith(head)), None)
        second = next((n for n, v in keyed if v.startswith(tail)), None)
        if first and second:
            out = [first, second]
            break
    return out


def article_of(result: FileResult, line: int):
    """The article whose line span holds 0-based ``line``, and its number (1-based)."""
    for n, a in enumerate(result.articles, start=1):
        src = a.record["source"]
        if src["line_start"] <= line + 1 <= src["line_end"]:
            return n, a
    return None, None


def select(decisions: list[Decision], line: int | None, context: int) -> tuple[list[Decision], set[int]]:
    """The decisions to show: all, or those touching 1-based ``line`` plus
    ``context`` on each side. Also the positions of the ones touching it."""
    if line is None:
        return decisions, set()
    at = line - 1
    hit = {k for k, d in enumerate(decisions) if d.prev <= at <= d.next}
    if not hit:   # a line before the first or after the last content line
        nearest = min(range(len(decisions)), key=lambda k: min(abs(decisions[k].prev - at),
                                                              abs(decisions[k].next - at)))
        hit = {nearest}
    lo, hi = max(0, min(hit) - context), min(len(decisions), max(hit) + context + 1)
    return decisions[lo:hi], {decisions[k].prev for k in hit}


def describe(d: Decision, result: FileResult, focus: bool) -> list[str]:
    """The lines printed for one decision."""
    lines = result.page.lines
    verdict = "JOIN " if d.join else "BREAK"
    mark = ">>" if focus else "  "
    out = [f"{mark} lines {d.prev + 1} → {d.next + 1}: {verdict} (p(join) = {d.p_join:.2f})   "
           f"\"{excerpt(lines[d.prev], True)}\" {'⏎' if d.join else '¶'} \"{excerpt(lines[d.next], False)}\""]
    out.append("     why: " + why(d))
    if d.evidence:
        for name, value in d.evidence:
            gloss = FEATURE_GLOSS.get(name) or _model_gloss(name)
            out.append(f"     {value:+6.2f}  {name}" + (f": {gloss}" if gloss else ""))
    else:
        out.append("     (no evidence: the model's prior alone)")
    z = logit(d.p_join)
    if z is not None:
        rest = z - sum(v for _, v in d.evidence)
        if abs(rest) >= 0.005:
            out.append(f"     {rest:+6.2f}  (bias: the model's lean before any evidence)")
    out.append("     " + _outcome(d, result))
    return out


def why(d: Decision) -> str:
    """The verdict and the features that carried it (the strongest two
    pointing the way the decision went).

    >>> why(Decision(4, 6, True, 0.99, (("open_bracket", 4.0), ("prev_ends_han", 0.0))))
    'joined, carried by open_bracket (+4.00)'
    >>> why(Decision(4, 6, False, 0.05, (("prev_ends_sentence", -4.0),)))
    'break kept, carried by prev_ends_sentence (-4.00)'
    >>> why(Decision(4, 6, True, 0.73, (("prev_ends_han", 0.0),)))
    'joined, with no evidence either way: the bias decided'
    """
    verdict = "joined" if d.join else "break kept"
    sign = 1 if d.join else -1
    carried = [(n, v) for n, v in d.evidence if v * sign > 0][:2]
    if carried:
        return f"{verdict}, carried by " + ", ".join(f"{n} ({v:+.2f})" for n, v in carried)
    against = [n for n, v in d.evidence if v * sign < 0]
    if against:
        return f"{verdict} in spite of {', '.join(against)}: the bias outweighed it"
    return f"{verdict}, with no evidence either way: the bias decided"


#: What a line in no article is, by the rule that removed it (its stray edit).
OUTSIDE = {
    "remove_folio": "a page header or footer (folio), removed",
    "remove_divider": "a divider, removed",
    "remove_end_mark": "an end mark, removed",
    "remove_jump_lines": "a page-jump note, removed",
}


def outside_rules(result: FileResult) -> dict[int, str]:
    """0-based line -> the rule that removed it, for lines outside any
    article that one of :data:`OUTSIDE`'s rules removed."""
    out: dict[int, str] = {}
    for e in result.stray_edits:
        if e.rule in OUTSIDE:
            out.setdefault(result.page.line_col(e.offset)[0] - 1, e.rule)
    return out


def _outcome(d: Decision, result: FileResult) -> str:
    """Where the two lines ended up: article and field(s), or what a line
    in no article is (a folio, a divider)."""
    lines = result.page.lines
    n1, a1 = article_of(result, d.prev)
    n2, a2 = article_of(result, d.next)
    outside = outside_rules(result) if a1 is None or a2 is None else {}
    parts = []
    for i, a in ((d.prev, a1), (d.next, a2)):
        if a is None:
            parts.append(f"line {i + 1} is {OUTSIDE.get(outside.get(i), 'in no article')}")
            continue
        f = fields_of(lines[i], a.record) or ["?"]
        parts.append(f"line {i + 1} → {' + '.join(f)}")
    where = "; ".join(parts)
    if n1 == n2:
        return f"→ {where}" + (f", article {n1} ({_title(a1)})" if a1 is not None else "")
    ends = [f"article {n1} ({_title(a1)}) ends"] if a1 is not None else []
    ends += [f"article {n2} ({_title(a2)}) begins"] if a2 is not None else []
    return f"→ {where}; {', '.join(ends)}"


def _title(article) -> str:
    if article is None:
        return "none"
    t = article.record.get("title")
    return f"«{t}»" if t else "no headline"


def explain_file(data: bytes, meta: FileMeta, settings: Settings, line: int | None, context: int,
                 out: TextIO) -> None:
    """Print the decisions of one raw file (all, or around ``line``)."""
    result = clean_bytes(data, meta, settings)
    n_lines = len(result.page.lines)
    if line is not None and not 1 <= line <= n_lines:
        raise BadInput("line", f"no line {line}: the file has {n_lines} lines", file=meta.name, line=line)
    decisions = result.decisions
    joins = sum(d.join for d in decisions)
    n_articles = len(result.articles)
    print(f"{meta.name}: {len(result.page.content)} content lines, {len(decisions)} breaks between them: "
          f"{joins} joined, {len(decisions) - joins} kept; {n_articles} "
          f"article{'' if n_articles == 1 else 's'}", file=out)
    if not decisions:
        print("no breaks to decide: fewer than two content lines", file=out)
        return
    shown, focus = select(decisions, line, context)
    if line is not None:
        print(f"around line {line} (±{context} breaks; >> marks the break at that line):", file=out)
    print("each break: verdict, p(join), the line ends that meet; then the evidence, "
          "each weight × feature (+ favours joining, − keeping the break)", file=out)
    for d in shown:
        print(file=out)
        for text in describe(d, result, d.prev in focus):
            print(text, file=out)


def explain(args) -> int:
    """The ``explain`` command: ``args.target`` is FILE[:LINE] (``--script``
    is checked by the command line)."""
    name, line = parse_target(args.target)
    path = Path(name)
    if not path.is_file():
        raise BadInput("missing", "no such file", file=name)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadInput("unreadable", f"cannot read: {e.strerror or e}", file=name) from None
    meta = file_meta(path, args.year)
    # check=False: explaining should work even where the conservation check would fail.
    settings = Settings(script=args.script, year=args.year, check=False)
    explain_file(data, meta, settings, line, max(0, args.context), sys.stdout)
    return EXIT_OK
