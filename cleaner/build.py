"""``cleaner build``: raw/ -> dist/ and DATASET_CARD.md, all or nothing.

The new dataset is written to a temporary folder beside ``dist/`` and
swapped in only when every step succeeded; the card at the root is replaced
by an atomic rename after that. A build killed at any moment leaves the
previous ``dist/`` complete.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path

from . import __version__, card
from .dataset import (DEFAULT_SHARD_BYTES, DEFAULT_SPLIT_SEED, DEFAULT_TEST_SHARE, SCHEMA, SPLITS,
                      ShardWriter, SplitStats, read_split, sha256_file, split_of, split_point,
                      to_row, write_jsonl)
from .dedup import DEFAULT_SHINGLE, DEFAULT_THRESHOLD, Deduper
from .engine import merge_stats, run_local, with_progress
from .errors import BadInput
from .manifest import discover
from .pipeline import Settings


@dataclass
class BuildOptions:
    raw: Path = Path("raw")
    out: Path = Path("dist")
    card: Path | None = Path("DATASET_CARD.md")
    settings: Settings = field(default_factory=Settings)
    workers: int | None = None
    test_share: float = DEFAULT_TEST_SHARE
    split_seed: str = DEFAULT_SPLIT_SEED
    dedup: str = "drop"                 # drop | group | off (near-duplicates)
    near_threshold: float = DEFAULT_THRESHOLD
    shingle: int = DEFAULT_SHINGLE
    shard_bytes: int = DEFAULT_SHARD_BYTES
    on_error: str = "stop"              # stop | skip
    engine: str = "local"
    progress: bool = False


@dataclass
class BuildSummary:
    articles: int
    splits: dict[str, int]
    skipped: list[dict]
    duplicates: int
    out: Path


#: Versions recorded in dist/manifest.json: the cleaner and what shapes its output.
KEY_PACKAGES = ["regex", "opencc", "jieba", "charset-normalizer", "datasketch", "pyarrow", "datasets"]


def _versions() -> dict[str, str]:
    out = {"cleaner": __version__, "python": ".".join(map(str, sys.version_info[:2]))}
    for name in KEY_PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def build(opts: BuildOptions, log=print) -> BuildSummary:
    """Run the whole build; raises BadInput (stop mode) before touching dist/."""
    files, problems = discover(opts.raw, opts.settings.year)
    skipped: list[dict] = []
    for p in problems:
        if opts.on_error == "stop":
            raise p
        skipped.append(p.to_dict())
        log(f"skipped: {p}")
    out = opts.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    os.chmod(tmp, 0o755)
    try:
        summary = _build_into(tmp, files, skipped, opts, log)
        _swap_in(tmp, out)
        if opts.card is not None:
            _replace_file(opts.card, (out / "README.md").read_bytes())
        summary.out = out
        return summary
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _build_into(tmp: Path, files, skipped: list[dict], opts: BuildOptions, log) -> BuildSummary:
    data_dir = tmp / "data"
    data_dir.mkdir()
    writers = {s: ShardWriter(data_dir, s, opts.shard_bytes) for s in SPLITS}
    stats = {s: SplitStats() for s in SPLITS}
    rules: dict[str, list[int]] = {}
    dedup = Deduper(near=opts.dedup != "off", threshold=opts.near_threshold, shingle=opts.shingle)
    group_split: dict[str, str] = {}
    duplicates: list[dict] = []
    raw_files: list[dict] = []
    example = None
    audit_path = tmp / "audit.jsonl"
    with open(audit_path, "w", encoding="utf-8") as audit:
        for cleaned in _run(files, opts):
            if cleaned.error is not None:
                if opts.on_error == "stop":
                    raise cleaned.error
                skipped.append(cleaned.error.to_dict())
                log(f"skipped: {cleaned.error}")
                continue
            raw_files.append({"file": cleaned.file, "bytes": cleaned.raw_bytes,
                              "encoding": cleaned.encoding})
            merge_stats(rules, cleaned.stats)
            entries = {e["id"]: e for e in cleaned.audit if e["id"] is not None}
            for e in cleaned.audit:
                if e["id"] is None:
                    _audit(audit, {"kind": "stray", **e})
            for rec in cleaned.records:
                v = dedup.see(rec)
                entry = entries[rec["id"]]
                if v.kind == "exact" or (v.kind == "near" and opts.dedup == "drop"):
                    dup = {"kind": "duplicate", "id": rec["id"], "duplicate_of": v.of,
                           "match": v.kind, "similarity": round(v.similarity, 4),
                           "source": rec["source"], "record": rec, "edits": entry["edits"]}
                    duplicates.append(dup)
                    _audit(audit, dup)
                    continue
                split = group_split.get(v.root)
                if split is None:
                    split = group_split[v.root] = split_of(v.root, opts.test_share, opts.split_seed)
                group = v.root if (v.kind == "near" or v.root != rec["id"]) else None
                writers[split].write(to_row(rec, group))
                s = stats[split]
                s.articles += 1
                s.chars += len(rec["text"])
                if example is None:
                    example = to_row(rec, group)
                _audit(audit, {"kind": "article", "id": rec["id"], "split": split,
                               "source": rec["source"], "edits": entry["edits"]})
    paths = {s: w.close() for s, w in writers.items()}
    path_of = {f.meta.name: f.path for f in files}
    moved = _fill_empty_split(paths, stats, group_split, opts)
    for p in skipped:
        with open(audit_path, "a", encoding="utf-8") as audit:
            _audit(audit, {"kind": "skipped", **p})

    split_info = {s: {"articles": stats[s].articles, "chars": stats[s].chars,
                      "bytes": sum(p.stat().st_size for p in paths[s]),
                      "shards": len(paths[s])} for s in SPLITS}
    total = sum(v["articles"] for v in split_info.values())
    meta = card.front_matter(schema=SCHEMA, splits=split_info, pretty_name=_pretty_name(opts))
    values = _card_values(opts, split_info, rules, duplicates, skipped, raw_files, example, moved, total)
    text = card.render(meta, values)
    (tmp / "README.md").write_text(text, encoding="utf-8")
    from .report import write_report
    write_report(tmp, files)   # dist/report.html, from the audit and shards just written
    manifest = {
        "cleaner": _versions(),
        "settings": {"script": opts.settings.script, "test_share": opts.test_share,
                     "split_seed": opts.split_seed, "dedup": opts.dedup,
                     "near_threshold": opts.near_threshold, "shingle": opts.shingle},
        "raw_files": [{**r, "sha256": sha256_file(Path(path_of[r["file"]]))} for r in raw_files],
        "data_files": {p.relative_to(tmp).as_posix(): sha256_file(p)
                       for s in SPLITS for p in paths[s]},
        "audit": sha256_file(audit_path),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    return BuildSummary(total, {s: split_info[s]["articles"] for s in SPLITS}, skipped,
                        len(duplicates), tmp)


def _run(files, opts: BuildOptions):
    if opts.engine == "ray":
        from .ray_engine import run_ray
        results = run_ray(files, opts.settings, opts.workers)
    else:
        results = run_local(files, opts.settings, opts.workers)
    return with_progress(results, files, opts.progress)


def _audit(f, entry: dict) -> None:
    f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _fill_empty_split(paths, stats, group_split: dict[str, str], opts: BuildOptions) -> str | None:
    """With two or more groups and one split empty, move the group whose hash
    lies nearest the split line into it. Returns the moved group's id."""
    empty = [s for s in SPLITS if stats[s].articles == 0]
    if len(group_split) < 2 or not empty:
        return None
    target = empty[0]
    source = "train" if target == "test" else "test"
    root = min(group_split, key=lambda g: abs(split_point(g, opts.split_seed) - opts.test_share))
    rows = read_split(paths[source])
    move = [r for r in rows if (r["group"] or r["id"]) == root]
    keep = [r for r in rows if (r["group"] or r["id"]) != root]
    for s, new_rows in ((source, keep), (target, move)):
        for p in paths[s]:
            p.unlink()
        w = ShardWriter(paths[source][0].parent, s, opts.shard_bytes)
        for r in new_rows:
            w.write(r)
        paths[s] = w.close()
        stats[s].articles = len(new_rows)
        stats[s].chars = sum(len(r["text"]) for r in new_rows)
    group_split[root] = target
    return root


def _pretty_name(opts: BuildOptions) -> str:
    return "Cleaned Chinese newspaper articles"


FIELDS = [
    ("id", "string", "stable id: a hash of the raw file's name and the article's raw text"),
    ("title", "string or null", "the headline"),
    ("text", "string", "the body, paragraphs joined by `\\n`; byline and credits removed"),
    ("byline", "string or null", "the byline, dateline or photo credit as printed (normalised)"),
    ("outlet", "string or null", "the outlet the byline names, one canonical spelling"),
    ("authors", "list of {name, role}", "people credited, in print order, with the title printed before each name"),
    ("date", "string or null", "ISO date of the dateline or of the lead's first `M月D日`; null without a known year"),
    ("place", "string or null", "the dateline's place (`新华社北京…电` -> 北京)"),
    ("credits", "list of string", "further credit lines: photo credits, editor's notes"),
    ("source", "{file, line_start, line_end}", "the raw file and the 1-based line span of the article"),
    ("group", "string or null", "id of the first article of this article's near-duplicate group"),
]


def _card_values(opts, split_info, rules, duplicates, skipped, raw_files, example, moved, total) -> dict:
    chars = sum(v["chars"] for v in split_info.values())
    split_rows = [[s, v["articles"], v["chars"], v["shards"], v["bytes"]] for s, v in split_info.items()]
    rule_rows = [[f"`{r}`", n, c, a] for r, (n, c, a) in sorted(rules.items(), key=lambda kv: -kv[1][0])]
    exact = sum(1 for d in duplicates if d["match"] == "exact")
    near = len(duplicates) - exact
    dedup = (f"Exact duplicates (same title and text after normalisation) are kept once: "
             f"{exact} dropped. Near-duplicates (MinHash over {opts.shingle}-character shingles, "
             f"threshold {opts.near_threshold}) are "
             + {"drop": f"dropped: {near} dropped.", "group": "kept and grouped (`group`).",
                "off": "not looked for."}[opts.dedup]
             + " Every dropped article is listed in `audit.jsonl` with the id it duplicates.")
    errors = ("No raw file was skipped." if not skipped else
              card.md_table(["file", "problem", "line", "byte"],
                            [[s["file"], s["message"], s["line"] or "", s["byte"] or ""] for s in skipped]))
    rebuild = (f"pip install -e . && cleaner build --raw {opts.raw.as_posix()} --out "
               f"{opts.out.as_posix()} --test-share {opts.test_share} --split-seed {opts.split_seed} "
               f"--dedup {opts.dedup} --script {opts.settings.script}")
    return {
        "pretty_name": _pretty_name(opts),
        "summary": ("Chinese newspaper articles cleaned from hard-wrapped page text: layout line "
                    "breaks repaired, articles segmented into headline, byline, body and credits, "
                    "punctuation, width, whitespace and script normalised, and bylines parsed into "
                    "outlet, authors and dates. Every edit is recorded."),
        "articles": total,
        "chars": chars,
        "files": len(raw_files),
        "script": opts.settings.script,
        "cleaner_version": __version__,
        "load_path": opts.out.as_posix(),
        "split_names": ", ".join(SPLITS),
        "fields_table": card.md_table(["field", "type", "meaning"], [[f"`{a}`", b, c] for a, b, c in FIELDS]),
        "example": card.example_json(example) if example else "(no articles)",
        "split_table": card.md_table(["split", "articles", "characters", "shards", "bytes"], split_rows),
        "split_seed": opts.split_seed,
        "test_share": opts.test_share,
        "split_note": (f"\nWith so few articles one split came out empty, so the group `{moved}`, "
                       "whose hash lies nearest the split line, was moved into it; this exception "
                       "lapses once the hash split fills both splits." if moved else ""),
        "rule_table": card.md_table(["cleaner", "edits", "characters", "articles"], rule_rows)
        if rule_rows else "No edits were needed.",
        "dedup_summary": dedup,
        "errors_summary": errors,
        "sources_table": card.md_table(["raw file", "bytes", "encoding"],
                                       [[r["file"], r["bytes"], r["encoding"]] for r in raw_files]),
        "limitations": ("- Break repair and headline detection are statistical: a paragraph that "
                        "ends without punctuation right where a layout break could be may be joined "
                        "to the next, and a sub-heading may be taken for a headline.\n"
                        "- Names in bylines printed without separators are split only when one "
                        "split is possible; otherwise `authors` stays empty.\n"
                        "- Dates need a year from the text, the manifest or `--year`."),
        "rebuild": rebuild,
    }


# --- atomic replacement -----------------------------------------------------------
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    rc = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def _remove_stale(out: Path) -> None:
    """Delete temporary folders left by builds that were killed."""
    for p in out.parent.glob(f".{out.name}.building-*"):
        pid = p.name.split("-")[1] if p.name.count("-") >= 2 else ""
        if pid.isdigit() and _alive(int(pid)):
            continue
        shutil.rmtree(p, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap_in(new: Path, out: Path) -> None:
    """Put ``new`` at ``out``; the old ``out`` ends at ``new`` (then deleted)."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.rename(out, old)       # a short window without out/ where renameat2 is missing
    os.rename(new, out)
    os.rename(old, new)


def _replace_file(path: Path, data: bytes) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
