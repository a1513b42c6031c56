"""The dataset card: Hub YAML front matter plus a body rendered from the
build's own numbers.

The body template is ``data/card.md``, filled with ``string.Template``'s
``substitute``, which raises on any placeholder left without a value, so a
card can never ship with a hole in it. The YAML is built as data and
dumped, with the feature list taken from ``datasets`` itself. Everything
the card states comes from :class:`Facts`, which the build fills.
"""
from __future__ import annotations

import inspect
import json
from dataclasses import dataclass
from importlib import resources
from string import Template

import yaml

from . import __version__, normalize
from .dataset import SCHEMA
from .dedup import NUM_PERM, Contamination

LICENSE = "other"
LICENSE_NAME = "publisher-copyright"
LICENSE_FILE = "LICENSE.md"
PRETTY_NAME = "Cleaned Chinese newspaper articles"
#: Longest tables the card prints in full; the rest is in manifest.json / audit.jsonl.
MAX_TABLE_ROWS = 30


class CardError(Exception):
    """The card template asked for a value the build did not provide."""


@dataclass
class Facts:
    """What the build knows and the card reports."""
    raw: str
    out: str
    script: str
    year: int | None
    test_share: float
    split_seed: str
    dedup: str                        # drop | group | off
    near_threshold: float
    shingle: int
    shard_bytes: int
    splits: dict[str, dict]           # name -> articles, chars, download_bytes, nbytes, shards
    rules: dict[str, list[int]]       # cleaner -> [edits, characters, articles]
    stray_edits: int
    dropped: dict[str, int]           # reason -> articles dropped
    groups: int                       # near-duplicate groups of two or more kept articles
    grouped: int                      # kept articles in such groups
    contamination: Contamination
    skipped: list[dict]
    raw_files: list[dict]             # file, bytes, encoding, sha256
    example: dict | None
    moved: str | None = None          # group moved to fill an empty split
    pretty_name: str = PRETTY_NAME

    @property
    def articles(self) -> int:
        return sum(s["articles"] for s in self.splits.values())

    @property
    def loadable(self) -> dict[str, dict]:
        """The splits with rows: the dataset's configuration lists only
        these, since ``datasets`` cannot load a split without rows."""
        return {name: s for name, s in self.splits.items() if s["articles"]}


def size_category(n: int) -> str:
    """The Hub's size bucket for ``n`` examples.

    >>> size_category(6), size_category(12_000)
    ('n<1K', '10K<n<100K')
    """
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
              (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M")]
    for limit, name in bounds:
        if n < limit:
            return name
    return "n>100M"


def features_yaml(schema) -> list:
    """The Hub's ``dataset_info.features`` list for a pyarrow schema."""
    from datasets import Features   # the authority on the Hub's feature format
    return Features.from_arrow_schema(schema)._to_yaml_list()


def front_matter(facts: Facts) -> dict:
    """The YAML metadata: configs, dataset_info, language, licence, tasks.

    ``num_bytes`` is a split's in-memory (Arrow) size and ``download_size``
    the Parquet files' size, as ``datasets``' ``push_to_hub`` records them.
    """
    splits = facts.loadable
    return {
        "pretty_name": facts.pretty_name,
        "language": ["zh"],
        "license": LICENSE,
        "license_name": LICENSE_NAME,
        "license_link": LICENSE_FILE,
        "annotations_creators": ["no-annotation"],
        "language_creators": ["found"],
        "multilinguality": ["monolingual"],
        "size_categories": [size_category(facts.articles)],
        "source_datasets": ["original"],
        "task_categories": ["text-generation"],
        "task_ids": ["language-modeling"],
        "tags": ["news", "chinese", "text-cleaning"],
        "configs": [{
            "config_name": "default",
            "data_files": [{"split": name, "path": f"data/{name}-*.parquet"} for name in splits],
        }],
        "dataset_info": {
            "features": features_yaml(SCHEMA),
            "splits": [{"name": name, "num_bytes": s["nbytes"], "num_examples": s["articles"]}
                       for name, s in splits.items()],
            "download_size": sum(s["download_bytes"] for s in splits.values()),
            "dataset_size": sum(s["nbytes"] for s in splits.values()),
        },
    }


def render(facts: Facts) -> str:
    """The whole card: ``---`` YAML ``---`` then the filled body template."""
    body = resources.files("cleaner").joinpath("data/card.md").read_text(encoding="utf-8")
    try:
        text = Template(body).substitute(values(facts))
    except KeyError as e:
        raise CardError(f"dataset card: no value for ${e.args[0]}") from None
    head = yaml.safe_dump(front_matter(facts), allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{text}"


def licence_text() -> str:
    """``LICENSE.md``: the terms the card's ``license_link`` points to."""
    return (f"# Terms of use\n\n{_LICENCE}\n")


_LICENCE = ("The articles in this dataset remain the copyright of their publishers. The dataset "
            "is published for research on Chinese text processing; do not redistribute the "
            "articles where the publishers' terms do not allow it. The `cleaner` code that built "
            "it is MIT-licensed.")


def md_table(header: list[str], rows: list[list]) -> str:
    """A Markdown table; ``|`` inside a cell is escaped.

    >>> print(md_table(["a", "b"], [[1, "x|y"]]))
    | a | b |
    |---|---|
    | 1 | x\\|y |
    """
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(lines)


def capped_table(header: list[str], rows: list[list], rest: str) -> str:
    """``md_table`` of at most ``MAX_TABLE_ROWS`` rows, then a line saying
    how many more there are and where (``rest``)."""
    if len(rows) <= MAX_TABLE_ROWS:
        return md_table(header, rows)
    more = len(rows) - MAX_TABLE_ROWS
    return f"{md_table(header, rows[:MAX_TABLE_ROWS])}\n\n…and {more:,} more, all listed in {rest}."


def example_json(record: dict, limit: int = 160) -> str:
    """A real record, long strings shortened, as indented JSON."""
    def cut(v):
        if isinstance(v, str) and len(v) > limit:
            return v[:limit] + "…"
        if isinstance(v, list):
            return [cut(x) for x in v]
        if isinstance(v, dict):
            return {k: cut(x) for k, x in v.items()}
        return v
    return json.dumps(cut(record), ensure_ascii=False, indent=2)


FIELDS = [
    ("id", "string", "stable id: a hash of the raw file's name and the article's raw text (whitespace ignored)"),
    ("title", "string or null", "the headline"),
    ("text", "string", "the body, paragraphs joined by `\\n`; byline and credits removed"),
    ("byline", "string or null", "the byline, dateline or photo credit as printed (normalised); a reporter "
     "line and the dateline under it are joined by `\\n`"),
    ("outlet", "string or null", "the outlet the byline names, one canonical spelling"),
    ("authors", "list of {name, role}", "people credited, in print order, with the title printed before each name "
     "(role may be null); a page-footer credit (`本版责任编辑：X`, or one naming a production role: "
     "`责任编辑：X 校对：Y`) names no author"),
    ("date", "string or null", "ISO date of the dateline or of the lead's first `M月D日`; its year from the text, "
     "else the page's own header or footer, else the manifest, else `--year`; null without a "
     "known year"),
    ("place", "string or null", "the dateline's place (`新华社北京…电` -> 北京), or the reporter line's (`发自上海`)"),
    ("credits", "list of string", "further credit lines: photo credits, editor's and author's notes, signatures, "
     "page-footer credits"),
    ("source", "{file, line_start, line_end}", "the raw file and the 1-based line span of the article"),
    ("group", "string", "id of the first article of this article's near-duplicate group (its own id when it is the first)"),
]

#: Edits made by the per-file path itself rather than by a named cleaner in
#: :mod:`cleaner.normalize`, and the descriptions the card gives them.
_PIPELINE_STEPS = {
    "join_lines": "A layout line break inside a paragraph is removed (joined without a space; "
                  "Latin words parted by a break with whitespace at it keep one).",
    "strip_margins": "Whitespace before and after a paragraph is removed.",
    "split_byline": "The space between the text and a byline run into its first paragraph, or a "
                    "credit closing its last (`（编辑 王五）`), is removed.",
}


def processing_steps() -> list[tuple[str, str]]:
    """Every step that can edit text, in the order the cleaner runs them,
    with the first paragraph of its docstring as the description."""
    steps = [(name, _doc(fn)) for name, fn in normalize.LINE_RULES]
    steps.append(("convert_script", _doc(normalize.convert_script)))
    steps += [("join_lines", _PIPELINE_STEPS["join_lines"]),
              ("strip_margins", _PIPELINE_STEPS["strip_margins"])]
    steps += [(name, _doc(fn)) for name, fn in normalize.TEXT_RULES]
    steps.append(("split_byline", _PIPELINE_STEPS["split_byline"]))
    return steps


def _doc(fn) -> str:
    doc = inspect.getdoc(fn) or ""
    return " ".join(doc.split("\n\n")[0].split()).replace("``", "`")


def _rule_table(facts: Facts) -> str:
    steps = processing_steps()
    known = {name for name, _ in steps}
    steps += [(name, "") for name in sorted(facts.rules) if name not in known]
    rows = []
    for name, desc in steps:
        n, chars, arts = facts.rules.get(name, [0, 0, 0])
        rows.append([f"`{name}`", desc, f"{n:,}", f"{chars:,}", f"{arts:,}"])
    return md_table(["cleaner", "what it does", "edits", "characters", "articles"], rows)


def _dedup_text(f: Facts) -> str:
    exact = f.dropped.get("exact", 0)
    near = f.dropped.get("near", 0)
    across = f.dropped.get("near-across-splits", 0)
    method = (f"MinHash ({NUM_PERM} permutations) over {f.shingle}-character shingles of the title "
              f"and text with whitespace removed, LSH-indexed, estimated Jaccard similarity at "
              f"least {f.near_threshold}")
    mode = {
        "drop": f"**dropped**: {near:,} articles. Chains count: an article near a dropped "
                "article is dropped too, so each group keeps only its first article.",
        "group": f"**kept and grouped**: {f.grouped:,} articles form {f.groups:,} "
                 f"group{'' if f.groups == 1 else 's'} of two or more (`group` holds the id of each group's first article), and every group "
                 "lies whole in its first article's split. An article near groups in both splits "
                 f"would put a near-twin across the line whichever split it joined, so it is "
                 f"dropped: {across:,} such articles.",
        "off": "**not looked for** (`--dedup off`); `group` is each article's own id.",
    }[f.dedup]
    rows = [["exact duplicate (same title and text after normalisation)", f"{exact:,}"]]
    if f.dedup == "drop":
        rows.append(["near-duplicate", f"{near:,}"])
    if f.dedup == "group":
        rows.append(["near groups in both splits", f"{across:,}"])
    return ("Articles are compared in corpus order (the raw manifest's order, then page order), "
            "and the first copy is kept, so appending raw files never removes an article "
            "already in the dataset.\n\n"
            "- Exact duplicates are kept once.\n"
            + (f"- Near-duplicates ({method}) are {mode}\n\n" if f.dedup != "off" else
               f"- Near-duplicates are {mode}\n\n")
            + md_table(["dropped as", "articles"], rows)
            + "\n\nEvery dropped article is a `duplicate` line in `audit.jsonl`, with the id it "
              "duplicates (`duplicate_of`: the most similar earlier article, the earliest on "
              "ties), the id of the article kept in its place (`kept`), the similarity, and the "
              "whole record.")


def _contamination_text(f: Facts) -> str:
    c = f.contamination
    how = (f"For each test article, the share of its {c.n}-character windows (title and text, "
           "whitespace removed) that occur anywhere in the train split.")
    if c.shift:
        how += (f" The train split has more distinct windows than the check holds in memory, so "
                f"windows are sampled by hash: 1 in {2 ** c.shift:,}, the same windows in every "
                f"text; shares are estimates and the longest run is not computed.")
    if not c.checked:
        return how + f"\n\nNo test article has {c.n} or more characters: nothing to check."
    largest = (f"{c.max_share:.4f} ({c.max_share_found:,} of {c.max_share_checked:,} windows), "
               f"article `{c.max_share_id}`" if c.max_share_found else
               "0 (no test article shares a window with train)")
    rows = [["test articles checked", f"{c.checked:,}"],
            [f"test articles shorter than {c.n} characters (not checked)", f"{c.too_short:,}"],
            ["largest share of windows found in train", largest],
            ["test articles with half or more of their windows in train", f"{c.over_half:,}"]]
    if not c.shift:
        run = (f"{c.max_run:,} characters, article `{c.max_run_id}`" if c.max_run_id else
               f"none (no {c.n}-character window is shared)")
        rows.append(["longest run of test text whose every window is in train", run])
    return how + "\n\n" + md_table(["measure", "value"], rows)


def _split_note(f: Facts) -> str:
    empty = [name for name in f.splits if name not in f.loadable]
    if empty:
        return (f"\nThe {' and '.join(empty)} split is empty: every article ({f.articles:,}) "
                f"belongs to one group, and the hash put that group in {', '.join(f.loadable)}. "
                f"`datasets` cannot load a split without rows, so the "
                f"empty split has no data file and is left out of the dataset's configuration: "
                f"`load_dataset` gives {', '.join(f.loadable)} alone. Add raw files to fill it.\n")
    if not f.moved:
        return ""
    return (f"\nWith so few articles one split came out empty, so the group `{f.moved}`, whose "
            "hash lies nearest the split line, was moved into it (every split then has at least "
            "one article). This is the exception to the rule above: the move lapses once the hash "
            "split fills both splits, and the group then returns to its hash's split.\n")


def _rebuild(f: Facts) -> str:
    parts = [f"cleaner build --raw {_name(f.raw)} --out {_name(f.out)}", f"--test-share {f.test_share}",
             f"--split-seed {f.split_seed}", f"--dedup {f.dedup}",
             f"--near-threshold {f.near_threshold}", f"--shingle {f.shingle}",
             f"--shard-size {size_option(f.shard_bytes)}", f"--script {f.script}"]
    if f.year is not None:
        parts.append(f"--year {f.year}")
    return "pip install -e .\n" + " \\\n    ".join(parts)


def size_option(n: int) -> str:
    """A byte count as ``cleaner build --shard-size`` takes it (MB = 2**20 bytes).

    >>> size_option(256 * 2 ** 20), size_option(5000)
    ('256MB', '5000')
    """
    for unit, m in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n % m == 0:
            return f"{n // m}{unit}"
    return str(n)


def _name(path: str) -> str:
    """A folder by its name alone: the card must not depend on where it was built."""
    return path.rstrip("/").rsplit("/", 1)[-1] or path


def _mb(n: int) -> str:
    """A byte count for people: MiB from 1 MiB up."""
    return f"{n / 2 ** 20:,.1f} MiB" if n >= 1 << 20 else f"{n:,} bytes"


def values(f: Facts) -> dict:
    """Every placeholder of ``data/card.md``, from the facts."""
    chars = sum(s["chars"] for s in f.splits.values())
    split_rows = [[name, f"{s['articles']:,}", f"{s['chars']:,}", s["shards"],
                   f"{s['download_bytes']:,}", f"{s['nbytes']:,}"] for name, s in f.splits.items()]
    skipped = ("No raw file was skipped." if not f.skipped else
               capped_table(["file", "problem", "line", "byte"],
                            [[s["file"], s["message"], s["line"] or "", s["byte"] or ""]
                             for s in f.skipped], "`audit.jsonl` (`skipped` lines)"))
    sources = capped_table(["raw file", "bytes", "encoding", "sha256"],
                           [[r["file"], f"{r['bytes']:,}", r["encoding"], f"`{r['sha256'][:16]}…`"]
                            for r in f.raw_files], "`manifest.json`")
    return {
        "pretty_name": f.pretty_name,
        "summary": ("Chinese newspaper articles cleaned from hard-wrapped page text: layout line "
                    "breaks repaired, articles segmented into headline, byline, body and credits, "
                    "punctuation, width, whitespace and script normalised, bylines parsed into "
                    "outlet, authors and dates, and duplicates removed. Every edit is recorded in "
                    "`audit.jsonl`."),
        "articles": f"{f.articles:,}",
        "chars": f"{chars:,}",
        "files": f"{len(f.raw_files):,} raw file{'' if len(f.raw_files) == 1 else 's'}",
        "split_sizes": ", ".join(f"{name} {s['articles']:,}" for name, s in f.splits.items()),
        "download": _mb(sum(s["download_bytes"] for s in f.splits.values())),
        "script": f.script,
        "cleaner_version": __version__,
        "load_path": _name(f.out),
        "split_names": ", ".join(f.loadable),
        "first_split": next(iter(f.loadable), "train"),
        "fields_table": md_table(["field", "type", "meaning"], [[f"`{a}`", b, c] for a, b, c in FIELDS]),
        "example": example_json(f.example) if f.example else "(no articles)",
        "split_table": md_table(["split", "articles", "characters", "shards", "Parquet bytes",
                                 "in-memory bytes"], split_rows),
        "split_seed": f.split_seed,
        "test_share": f.test_share,
        "shard_limit": _mb(f.shard_bytes).replace(".0 ", " "),
        "split_note": _split_note(f),
        "rule_table": _rule_table(f),
        "stray_edits": f"{f.stray_edits:,}",
        "dedup_summary": _dedup_text(f),
        "contamination_summary": _contamination_text(f),
        "errors_summary": skipped,
        "sources_table": sources,
        "licence": _LICENCE,
        "licence_file": LICENSE_FILE,
        "rebuild": _rebuild(f),
    }
