"""``dist/report.html``: one self-contained page for reviewing what the cleaner did.

The page has two parts. A summary, rendered here as static HTML with small
inline SVG charts: articles, characters, splits, edits per cleaner,
duplicates dropped, files skipped, article lengths. And an article browser:
each article's raw lines beside its cleaned record, every edit marked with
the rule that made it, the extracted metadata marked on both sides. The
browser is drawn by ``data/report.js`` one page of articles at a time, so
the DOM stays small for tens of thousands of articles.

The data rides along as JSON inside ``<script type="application/json">``
elements: an index (one short row per article, for filtering and paging)
and one JSON document per line for each article's detail, parsed only when
its page is shown. Nothing is fetched: the file opens from disk with no
network. Output depends only on the build's files, so the same build gives
the same bytes (no timestamps, no random ids).

Everything is read back from what the build wrote (``audit.jsonl``, the
Parquet shards) plus the raw files, so the report shows what was published.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow.parquet as pq

from .dataset import SPLITS
from .decode import decode
from .errors import BadInput

REPORT_NAME = "report.html"

#: Articles with their raw text and edits in the browser; past this many the
#: report lists the counts only (a page of this size still opens quickly).
MAX_BROWSABLE = 50_000

#: What each known rule does, for the legend; unknown rules are shown by name.
RULE_NOTES = {
    "join_lines": "layout line break repaired: the lines are joined (a space is kept only between Latin words that whitespace at the break parted)",
    "strip_margins": "whitespace at the start or end of a paragraph removed",
    "split_byline": "space between an inline byline and the body removed when the byline is split off",
    "widen_punctuation": "ASCII punctuation in Chinese text made full-width (，；：！？（）)",
    "fix_ellipsis": "dots or a run of 。 made one ……",
    "fix_dashes": "hyphen runs made the Chinese dash ——",
    "curl_quotes": "straight quotes made curly (“” ‘’)",
    "mark_ranges": "~ in a number range made ～",
    "remove_jump_lines": "page-jump notes removed (（下转第2版）)",
    "remove_folio": "the page's header or footer removed (date, weekday, page number)",
    "collapse_spaces": "whitespace runs made one space, or removed beside Chinese text",
    "remove_controls": "control and invisible characters removed",
    "fold_width": "full-width Latin letters and digits made ASCII",
    "convert_script": "characters converted to the target script (OpenCC)",
}

#: Kinds of edit, for the browser's filter; a rule not listed is "other".
RULE_KINDS = {
    "join_lines": "breaks", "strip_margins": "breaks", "split_byline": "breaks",
    "widen_punctuation": "punctuation", "fix_ellipsis": "punctuation", "fix_dashes": "punctuation",
    "curl_quotes": "punctuation", "mark_ranges": "punctuation", "remove_jump_lines": "other",
    "collapse_spaces": "whitespace", "remove_controls": "whitespace",
    "fold_width": "width", "convert_script": "script",
}

#: Colours of the known rules, picked to stay apart; others get one from a hash.
_RULE_COLOURS = {
    "join_lines": "#d62728", "strip_margins": "#8c564b", "split_byline": "#e377c2",
    "widen_punctuation": "#1f77b4", "fix_ellipsis": "#17becf", "fix_dashes": "#9467bd",
    "curl_quotes": "#bcbd22", "mark_ranges": "#ff7f0e", "collapse_spaces": "#7f7f7f",
    "remove_controls": "#393b79", "fold_width": "#2ca02c", "convert_script": "#ad494a",
}

#: Fields of a record the browser shows (``source`` and ``group`` are in the index).
_RECORD_FIELDS = ("title", "byline", "outlet", "authors", "date", "place", "credits", "text")


def rule_colour(rule: str) -> str:
    """A colour for a rule: fixed for known rules, else from a hash of its name.

    The same name always gets the same colour, whatever else the build holds.

    >>> rule_colour("join_lines"), rule_colour("some_new_rule") == rule_colour("some_new_rule")
    ('#d62728', True)
    >>> rule_colour("some_new_rule").startswith("hsl(")
    True
    """
    if rule in _RULE_COLOURS:
        return _RULE_COLOURS[rule]
    h = int.from_bytes(hashlib.blake2b(rule.encode(), digest_size=4).digest(), "big")
    return f"hsl({h % 360}, 65%, 42%)"


def rule_kind(rule: str) -> str:
    """The kind of edit a rule makes (``other`` for rules not known here).

    >>> rule_kind("join_lines"), rule_kind("widen_punctuation"), rule_kind("new_rule")
    ('breaks', 'punctuation', 'other')
    """
    return RULE_KINDS.get(rule, "other")


# --- reading the build back -------------------------------------------------------

@dataclass
class Summary:
    """The numbers at the top of the report, gathered while streaming the audit."""
    splits: dict[str, int] = field(default_factory=dict)
    chars: int = 0
    lengths: list[int] = field(default_factory=list)
    edits: Counter = field(default_factory=Counter)          # rule -> edits (all entries)
    rule_articles: Counter = field(default_factory=Counter)  # rule -> kept articles with it
    duplicates: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    stray: list[dict] = field(default_factory=list)          # edits outside any article
    files: int = 0
    browsable: int = 0
    unreadable: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(self.splits.values())


def read_rows(data_dir: Path) -> dict[str, tuple[str, dict]]:
    """Every dataset row by id, with its split, read from the Parquet shards."""
    rows: dict[str, tuple[str, dict]] = {}
    for split in SPLITS:
        for path in sorted(data_dir.glob(f"{split}-*.parquet")):
            for row in pq.read_table(path).to_pylist():
                rows[row["id"]] = (split, row)
    return rows


def read_audit(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class RawLines:
    """The decoded lines of raw files, one file kept at a time (the audit is in file order)."""

    def __init__(self, files: Iterable):
        self.where = {f.meta.name: (f.path, f.meta.encoding) for f in files}
        self._name: str | None = None
        self._lines: list[str] | None = None

    def get(self, name: str) -> list[str] | None:
        """Lines of ``name`` (1-based line ``n`` is ``[n - 1]``), None if unreadable."""
        if name != self._name:
            self._name = name
            self._lines = self._read(name)
        return self._lines

    def _read(self, name: str) -> list[str] | None:
        if name not in self.where:
            return None
        path, encoding = self.where[name]
        try:
            data = Path(path).read_bytes()
            return decode(data, name, encoding).text.split("\n")
        except (OSError, BadInput):
            return None


# --- the data the browser reads ---------------------------------------------------

class RuleTable:
    """Rule names numbered in order of first appearance, so edits can be compact."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def id(self, rule: str) -> int:
        if rule not in self.index:
            self.index[rule] = len(self.index)
        return self.index[rule]

    def to_json(self) -> list[dict]:
        return [{"name": r, "colour": rule_colour(r), "kind": rule_kind(r),
                 "note": RULE_NOTES.get(r, "")} for r in self.index]


def article_detail(entry: dict, record: dict, lines: list[str] | None, rules: RuleTable) -> dict:
    """What the browser needs to draw one article: raw lines, edits, record.

    >>> rules = RuleTable()
    >>> entry = {"source": {"file": "f", "line_start": 2, "line_end": 3},
    ...          "edits": [{"rule": "join_lines", "line": 2, "col": 3, "before": "\\n", "after": ""}]}
    >>> d = article_detail(entry, {"title": None, "text": "ab，c"}, ["x", "ab", "c,"], rules)
    >>> d["lines"], d["edits"], d["record"]["text"]
    (['ab', 'c,'], [[0, 2, 3, '\\n', '']], 'ab，c')
    """
    src = entry["source"]
    span = None if lines is None else lines[src["line_start"] - 1:src["line_end"]]
    edits = [[rules.id(e["rule"]), e["line"], e["col"], e["before"], e["after"]] for e in entry["edits"]]
    out = {"lines": span, "edits": edits, "record": {k: record.get(k) for k in _RECORD_FIELDS}}
    if entry.get("kind") == "duplicate":
        out["duplicate"] = {"of": entry["duplicate_of"], "match": entry.get("match"),
                            "similarity": entry.get("similarity")}
    return out


def index_row(entry: dict, record: dict, split: str, rules: RuleTable) -> list:
    """One article's short row: id, title, split, file, lines, rule counts, text length."""
    src = entry["source"]
    counts = Counter(rules.id(e["rule"]) for e in entry["edits"])
    return [entry["id"], record.get("title"), split, src["file"], src["line_start"], src["line_end"],
            sorted(counts.items()), len(record.get("text") or "")]


def script_json(value) -> str:
    """JSON safe to put inside a ``<script>`` element: no ``<`` at all.

    >>> script_json({"a": "</script>"})
    '{"a":"\\\\u003c/script>"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")


def stream_articles(out_dir: Path, files: Iterable, sink) -> tuple[Summary, list[list], RuleTable]:
    """Walk the audit once: write each article's detail as a JSON line to
    ``sink``, and return the summary, the index rows and the rule table."""
    rows = read_rows(out_dir / "data")
    raw = RawLines(files)
    summary = Summary(splits={s: 0 for s in SPLITS}, files=len(raw.where))
    rules = RuleTable()
    index: list[list] = []
    for entry in read_audit(out_dir / "audit.jsonl"):
        kind = entry["kind"]
        for e in entry.get("edits", ()):
            summary.edits[e["rule"]] += 1
        if kind == "skipped":
            summary.skipped.append(entry)
            continue
        if kind == "stray":
            summary.stray += entry["edits"]
            continue
        if kind == "duplicate":
            record, split = entry["record"], "dropped"
            summary.duplicates.append({"id": entry["id"], "of": entry["duplicate_of"],
                                       "match": entry.get("match"), "title": record.get("title")})
        elif kind == "article":
            split, record = rows.get(entry["id"], (entry.get("split"), {}))
            summary.splits[split] = summary.splits.get(split, 0) + 1
            summary.chars += len(record.get("text") or "")
            summary.lengths.append(len(record.get("text") or ""))
            summary.rule_articles.update({e["rule"] for e in entry["edits"]})
        else:
            continue
        if len(index) >= MAX_BROWSABLE:
            continue
        lines = raw.get(entry["source"]["file"])
        if lines is None and entry["source"]["file"] not in summary.unreadable:
            summary.unreadable.append(entry["source"]["file"])
        index.append(index_row(entry, record, split, rules))
        sink.write(script_json(article_detail(entry, record, lines, rules)) + "\n")
    summary.browsable = len(index)
    return summary, index, rules


# --- charts -----------------------------------------------------------------------

def _fmt(n: int) -> str:
    return f"{n:,}"


def bar_chart_svg(items: list[tuple[str, int, str]], width: int = 560, bar: int = 18) -> str:
    """Horizontal bars, one per ``(label, value, colour)``, largest value full width.

    >>> svg = bar_chart_svg([("join_lines", 10, "#d62728"), ("fold_width", 5, "#2ca02c")])
    >>> svg.count("<rect"), 'width="330.0"' in svg, 'width="165.0"' in svg
    (2, True, True)
    """
    if not items:
        return '<p class="empty">No edits.</p>'
    label_w, value_w = 160, 70
    plot = width - label_w - value_w
    top = max(v for _, v, _ in items) or 1
    gap = 6
    height = len(items) * (bar + gap) + gap
    parts = [f'<svg class="chart" role="img" aria-label="edits per cleaner" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, colour) in enumerate(items):
        y = gap + i * (bar + gap)
        w = round(plot * value / top, 1)
        parts.append(f'<text x="{label_w - 8}" y="{y + bar - 5}" text-anchor="end">{html.escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" fill="{colour}">'
                     f'<title>{html.escape(label)}: {_fmt(value)}</title></rect>'
                     f'<text x="{label_w + w + 6}" y="{y + bar - 5}">{_fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def nice_step(span: float, bins: int = 12) -> int:
    """A round bin width (1, 2 or 5 times a power of ten) giving about ``bins`` bins.

    >>> nice_step(1000), nice_step(37), nice_step(0)
    (100, 5, 1)
    """
    raw = max(span / bins, 1)
    power = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def histogram(values: list[int], bins: int = 12) -> list[tuple[int, int, int]]:
    """Counts of ``values`` in round-width bins: ``(low, high, count)``, high exclusive.

    >>> histogram([5, 12, 18, 40], bins=4)
    [(0, 10, 1), (10, 20, 2), (20, 30, 0), (30, 40, 0), (40, 50, 1)]
    """
    if not values:
        return []
    step = nice_step(max(values), bins)
    counts = Counter(v // step for v in values)
    return [(k * step, (k + 1) * step, counts.get(k, 0)) for k in range(max(counts) + 1)]


def histogram_svg(bins: list[tuple[int, int, int]], width: int = 560, height: int = 180) -> str:
    """Vertical bars for :func:`histogram`'s bins, with the range under the first and last.

    >>> histogram_svg([(0, 10, 1), (10, 20, 3)]).count("<rect")
    2
    """
    if not bins:
        return '<p class="empty">No articles.</p>'
    left, bottom, top_pad = 40, 34, 10
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    top = max(c for _, _, c in bins) or 1
    bw = plot_w / len(bins)
    parts = [f'<svg class="chart" role="img" aria-label="article length distribution" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 10}" y2="{top_pad + plot_h}" class="axis"/>',
             f'<text x="{left - 6}" y="{top_pad + 10}" text-anchor="end">{_fmt(top)}</text>',
             f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end">0</text>']
    for i, (lo, hi, count) in enumerate(bins):
        h = round(plot_h * count / top, 1)
        x = round(left + i * bw + 1, 1)
        parts.append(f'<rect x="{x}" y="{round(top_pad + plot_h - h, 1)}" width="{round(bw - 2, 1)}" '
                     f'height="{h}" fill="#4c78a8"><title>{_fmt(lo)}–{_fmt(hi - 1)} characters: '
                     f'{_fmt(count)} articles</title></rect>')
    parts.append(f'<text x="{left}" y="{height - 14}">{_fmt(bins[0][0])}</text>'
                 f'<text x="{width - 10}" y="{height - 14}" text-anchor="end">{_fmt(bins[-1][1])}</text>'
                 f'<text x="{left + plot_w / 2}" y="{height - 2}" text-anchor="middle">characters of text per article</text>')
    parts.append("</svg>")
    return "".join(parts)


# --- the summary --------------------------------------------------------------------

def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    """An HTML table; cells are already escaped HTML."""
    h = "".join(f"<th>{c}</th>" for c in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>'


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


#: Rows shown in the summary's lists of duplicates, stray edits and skipped files.
_LIST_LIMIT = 200


def _limited(rows: list, what: str) -> str:
    return f'<p class="note">Showing the first {_fmt(_LIST_LIMIT)} of {_fmt(len(rows))} {what}.</p>' \
        if len(rows) > _LIST_LIMIT else ""


def summary_html(s: Summary) -> str:
    """The summary section: numbers, charts and the lists that need no browsing."""
    rules = sorted(s.edits.items(), key=lambda kv: (-kv[1], kv[0]))
    exact = sum(1 for d in s.duplicates if d["match"] == "exact")
    cards = [("articles", _fmt(s.articles)), ("characters", _fmt(s.chars)),
             *((f"{k}", _fmt(v)) for k, v in s.splits.items()),
             ("edits", _fmt(sum(s.edits.values()))),
             ("repaired breaks", _fmt(s.edits.get("join_lines", 0))),
             ("duplicates dropped", _fmt(len(s.duplicates))),
             ("files skipped", _fmt(len(s.skipped))), ("raw files", _fmt(s.files))]
    out = ['<div class="cards">' + "".join(
        f'<div class="card" data-stat="{_e(k)}"><b>{v}</b><span>{_e(k)}</span></div>' for k, v in cards)
        + "</div>"]
    out.append('<div class="charts"><figure><figcaption>Edits per cleaner</figcaption>'
               + bar_chart_svg([(r, n, rule_colour(r)) for r, n in rules])
               + '</figure><figure><figcaption>Article length</figcaption>'
               + histogram_svg(histogram(s.lengths)) + "</figure></div>")
    rule_rows = [[f'<span class="swatch" style="background:{rule_colour(r)}"></span><code>{_e(r)}</code>',
                  _e(rule_kind(r)), _fmt(n), _fmt(s.rule_articles.get(r, 0)), _e(RULE_NOTES.get(r, ""))]
                 for r, n in rules]
    out.append("<h3>Edits per cleaner</h3>" + (
        _table(["cleaner", "kind", "edits", "articles", "what it does"], rule_rows, "rules")
        if rule_rows else '<p class="empty">No edits were needed.</p>'))
    out.append("<h3>Duplicates dropped</h3>")
    if s.duplicates:
        out.append(f"<p>{_fmt(exact)} exact, {_fmt(len(s.duplicates) - exact)} near. "
                   "They are in the browser below under “dropped duplicates”.</p>"
                   + _table(["id", "title", "duplicate of", "match"],
                            [[f"<code>{_e(d['id'])}</code>", _e(d["title"]), f"<code>{_e(d['of'])}</code>",
                              _e(d["match"])] for d in s.duplicates[:_LIST_LIMIT]], "dups")
                   + _limited(s.duplicates, "duplicates"))
    else:
        out.append('<p class="empty">No duplicates were dropped.</p>')
    out.append("<h3>Files skipped</h3>")
    if s.skipped:
        out.append(_table(["file", "problem", "line", "byte"],
                          [[_e(p.get("file")), _e(p.get("message")), _e(p.get("line")), _e(p.get("byte"))]
                           for p in s.skipped[:_LIST_LIMIT]], "skipped") + _limited(s.skipped, "files"))
    else:
        out.append('<p class="empty">No raw file was skipped.</p>')
    if s.stray:
        out.append("<h3>Edits outside any article</h3>"
                   + _table(["rule", "line", "col", "before", "after"],
                            [[f"<code>{_e(e['rule'])}</code>", _e(e["line"]), _e(e["col"]),
                              f"<code>{_e(repr(e['before']))}</code>", f"<code>{_e(repr(e['after']))}</code>"]
                             for e in s.stray[:_LIST_LIMIT]], "stray") + _limited(s.stray, "edits"))
    if s.browsable < s.articles + len(s.duplicates):
        out.append(f'<p class="note">The browser holds the first {_fmt(s.browsable)} articles in corpus '
                   "order; the numbers above count them all.</p>")
    if s.unreadable:
        out.append('<p class="note">Raw text not available for: '
                   + ", ".join(f"<code>{_e(f)}</code>" for f in s.unreadable) + "</p>")
    return "\n".join(out)


# --- the page -----------------------------------------------------------------------

_SLOT = re.compile(r"<!--@(\w+)-->")


def fill(template: str, values: dict[str, str]) -> str:
    """Put ``values`` into the template's ``<!--@name-->`` slots, each used once.

    A slot without a value, or a value without a slot, is an error: the page
    can never ship with a hole in it.

    >>> fill("<p><!--@a--></p>", {"a": "<!--@b-->"})
    '<p><!--@b--></p>'
    >>> fill("<!--@a-->", {})
    Traceback (most recent call last):
    KeyError: 'report template slot without a value: a'
    """
    used = set()

    def put(m: re.Match) -> str:
        name = m.group(1)
        if name not in values:
            raise KeyError(f"report template slot without a value: {name}")
        used.add(name)
        return values[name]

    out = _SLOT.sub(put, template)
    unused = set(values) - used
    if unused:
        raise KeyError(f"report values without a slot: {sorted(unused)}")
    return out


def _asset(name: str) -> str:
    return resources.files("cleaner").joinpath(f"data/{name}").read_text(encoding="utf-8")


#: Stands in for the article details, which are streamed in from a temporary file.
_DETAILS_HERE = "\x00cleaner-report-details\x00"


def write_report(out_dir: Path, files: Iterable) -> Path:
    """Write ``out_dir/report.html`` from the build in ``out_dir`` and its raw ``files``
    (:class:`cleaner.manifest.RawFile`, for paths and encodings)."""
    out_dir = Path(out_dir)
    target = out_dir / REPORT_NAME
    with tempfile.TemporaryFile("w+", encoding="utf-8") as details:
        summary, index, rules = stream_articles(out_dir, files, details)
        page = fill(_asset("report.html"), {
            "css": _asset("report.css"),
            "summary": summary_html(summary),
            "index": script_json({"rules": rules.to_json(), "articles": index}),
            "articles": _DETAILS_HERE,
            "js": _asset("report.js"),
        })
        if page.count(_DETAILS_HERE) != 1:
            raise ValueError("report: the article data slot is not unique")
        head, tail = page.split(_DETAILS_HERE)
        details.seek(0)
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(head)
            shutil.copyfileobj(details, f)
            f.write(tail)
    return target
