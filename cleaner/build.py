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
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path

from . import __version__, card
from .dataset import (DEFAULT_SHARD_BYTES, DEFAULT_SPLIT_SEED, DEFAULT_TEST_SHARE, SPLITS, Placer,
                      Placement, ShardWriter, SplitStats, iter_rows, sha256_file, split_of,
                      split_point, to_row)
from .dedup import DEFAULT_NGRAM, DEFAULT_SHINGLE, DEFAULT_THRESHOLD, Deduper, contamination
from .engine import run_local, with_progress
from .errors import BadInput, OutputRefused
from .manifest import discover
from .modes import normal_mode
from .pipeline import Settings
from .report import write_report


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
    ngram: int = DEFAULT_NGRAM          # window of the contamination check
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
KEY_PACKAGES = ["regex", "opencc", "jieba", "charset-normalizer", "datasketch", "numpy", "pyarrow",
                "datasets", "huggingface_hub"]
MANIFEST = "manifest.json"
AUDIT = "audit.jsonl"


def _versions() -> dict[str, str]:
    out = {"cleaner": __version__, "python": ".".join(map(str, sys.version_info[:2]))}
    for name in KEY_PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def build(opts: BuildOptions, log=print) -> BuildSummary:
    """Run the whole build; raises BadInput (stop mode) before touching dist/,
    and OutputRefused before reading anything when ``out`` or ``card`` would
    overwrite what no build wrote."""
    check_outputs(opts.raw, opts.out, opts.card)
    files, problems = discover(opts.raw, opts.settings.year)
    skipped: list[dict] = []
    for p in problems:
        if opts.on_error == "stop":
            raise p
        skipped.append(p.to_dict())
        log(f"skipped: {p}")
    if not files:
        raise BadInput("empty", "the raw folder holds no raw file to clean: nothing to build",
                       file=str(opts.raw))
    out = opts.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    os.chmod(tmp, normal_mode(folder=True))
    try:
        summary = _build_into(tmp, files, skipped, opts, log)
        if not summary.articles:
            raise BadInput("empty", "the raw files hold no article (only blank lines, dividers or "
                           "page furniture?): a dataset needs at least one, so nothing was built",
                           file=str(opts.raw))
        _swap_in(tmp, out)
        if opts.card is not None:
            _replace_file(opts.card, (out / "README.md").read_bytes())
        summary.out = out
        return summary
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def check_outputs(raw: Path, out: Path, card: Path | None) -> None:
    """Refuse an ``out`` folder or ``card`` file whose replacement would lose
    data: ``out`` may not be the raw folder, hold it or lie inside it, and
    must be missing, empty or a previous build (:func:`is_previous_build`);
    ``card`` may not lie in the raw folder or in ``out``, and must be missing
    or a card this tool wrote (:func:`is_previous_card`)."""
    raw_r, out_r = Path(raw).resolve(), Path(out).resolve()
    if out_r == raw_r:
        raise OutputRefused(f"--out {out} is the raw folder: building there would replace the raw "
                            "files; choose another folder")
    if out_r in raw_r.parents:
        raise OutputRefused(f"--out {out} holds the raw folder {raw}: building there would replace "
                            "the raw files; choose another folder")
    if raw_r in out_r.parents:
        raise OutputRefused(f"--out {out} lies inside the raw folder {raw}; choose a folder outside it")
    if out_r.exists() and not out_r.is_dir():
        raise OutputRefused(f"--out {out} is a file, not a folder")
    if out_r.is_dir():
        stray = _not_built(out_r)
        if stray is not None:
            raise OutputRefused(f"--out {out} holds {stray}, which no build of cleaner wrote: "
                                "a build replaces the whole folder, so choose a new or empty folder "
                                "(or move it away)")
    if card is None:
        return
    card_r = Path(card).resolve()
    if card_r == raw_r or raw_r in card_r.parents:
        raise OutputRefused(f"--card {card} lies in the raw folder {raw}; choose a file outside it")
    if card_r == out_r or out_r in card_r.parents:
        raise OutputRefused(f"--card {card} lies in --out {out}, which already holds the card "
                            "(README.md); choose a file outside it")
    if card_r.is_dir():
        raise OutputRefused(f"--card {card} is a folder, not a file")
    if card_r.exists() and not is_previous_card(card_r):
        raise OutputRefused(f"--card {card} exists and is not a dataset card written by cleaner: "
                            "choose another file (or move it away)")


def is_previous_build(manifest: dict) -> bool:
    """Whether a parsed ``manifest.json`` is one :func:`_write_manifest`
    wrote: it names the cleaner's version and lists the data files."""
    return (isinstance(manifest, dict) and isinstance(manifest.get("cleaner"), dict)
            and isinstance(manifest["cleaner"].get("cleaner"), str)
            and isinstance(manifest.get("data_files"), dict) and isinstance(manifest.get("files"), dict))


def _not_built(folder: Path) -> str | None:
    """The first file in ``folder`` that its build's ``manifest.json`` does
    not list (the manifest itself, when it is not a build's); None for an
    empty folder or a previous build with nothing added."""
    found = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir())
    if not found:
        return None
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    if not is_previous_build(manifest):
        return MANIFEST if MANIFEST in found else found[0]
    listed = {MANIFEST, *manifest["data_files"], *manifest["files"]}
    return next((f for f in found if f not in listed), None)


#: A line every card this tool writes holds (``data/card.md``).
CARD_MARK = "- **Built by:** `cleaner`"


def is_previous_card(path: Path) -> bool:
    """Whether ``path`` is a dataset card this tool wrote: YAML front matter
    and the card's ``Built by`` line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return text.startswith("---\n") and CARD_MARK in text


class RuleCounts:
    """Per cleaner: edits, characters touched, articles touched (kept articles only)."""

    def __init__(self):
        self.counts: dict[str, list[int]] = {}

    def add(self, edits: list[dict]) -> None:
        seen = set()
        for e in edits:
            c = self.counts.setdefault(e["rule"], [0, 0, 0])
            c[0] += 1
            c[1] += max(len(e["before"]), len(e["after"]))
            if e["rule"] not in seen:
                seen.add(e["rule"])
                c[2] += 1


def _build_into(tmp: Path, files, skipped: list[dict], opts: BuildOptions, log) -> BuildSummary:
    data_dir = tmp / "data"
    data_dir.mkdir()
    writers = {s: ShardWriter(data_dir, s, opts.shard_bytes) for s in SPLITS}
    stats = {s: SplitStats() for s in SPLITS}
    rules = RuleCounts()
    deduper = Deduper(near=opts.dedup != "off", threshold=opts.near_threshold, shingle=opts.shingle)
    placer = Placer(opts.dedup, deduper, lambda root: split_of(root, opts.test_share, opts.split_seed))
    dropped: Counter = Counter()
    group_sizes: Counter = Counter()
    kept_ids: set[str] = set()
    raw_files: list[dict] = []
    stray = 0
    example = None
    audit_path = tmp / AUDIT
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
            entries = [e for e in cleaned.audit if e["id"] is not None]
            for e in cleaned.audit:
                if e["id"] is None:
                    stray += len(e["edits"])
                    _audit(audit, {"kind": "stray", **e})
            for rec, entry in zip(cleaned.records, entries, strict=True):
                p = placer.place(rec)
                if p.split is None:
                    dropped[p.reason] += 1
                    _audit(audit, _duplicate_entry(rec, entry, p))
                    continue
                if rec["id"] in kept_ids:
                    raise BadInput("duplicate-id", f"article id {rec['id']} (line "
                                   f"{rec['source']['line_start']}) was already given to another "
                                   "article: two raw files share this file name and this article's "
                                   "raw text; rename one of them", file=rec["source"]["file"])
                kept_ids.add(rec["id"])
                row = to_row(rec, p.group)
                writers[p.split].write(row)
                stats[p.split].articles += 1
                stats[p.split].chars += len(rec["text"])
                group_sizes[p.group] += 1
                rules.add(entry["edits"])
                if example is None or (not _full(example) and _full(row)):
                    example = row
                _audit(audit, {"kind": "article", "id": rec["id"], "split": p.split,
                               "group": p.group, "source": rec["source"], "edits": entry["edits"]})
        for p in skipped:
            _audit(audit, {"kind": "skipped", **p})
    paths = {s: w.close() for s, w in writers.items()}
    nbytes = {s: w.nbytes for s, w in writers.items()}
    moved = _fill_empty_split(paths, nbytes, stats, placer.group_split, opts)
    if moved is not None:
        _move_in_audit(audit_path, moved, placer.group_split[moved])

    split_info = {s: {"articles": stats[s].articles, "chars": stats[s].chars,
                      "download_bytes": sum(p.stat().st_size for p in paths[s]),
                      "nbytes": nbytes[s], "shards": len(paths[s])} for s in SPLITS}
    path_of = {f.meta.name: f.path for f in files}
    for r in raw_files:
        r["sha256"] = sha256_file(Path(path_of[r["file"]]))
    for warning in order_warnings(opts.out / MANIFEST, raw_files):
        log(f"warning: {warning}")
    contam = contamination(_texts(paths["train"]), _texts(paths["test"]), n=opts.ngram)
    facts = card.Facts(
        raw=opts.raw.as_posix(), out=opts.out.as_posix(), script=opts.settings.script,
        year=opts.settings.year, test_share=opts.test_share, split_seed=opts.split_seed,
        dedup=opts.dedup, near_threshold=opts.near_threshold, shingle=opts.shingle,
        shard_bytes=opts.shard_bytes, splits=split_info, rules=rules.counts, stray_edits=stray,
        dropped=dict(dropped), groups=sum(1 for n in group_sizes.values() if n > 1),
        grouped=sum(n for n in group_sizes.values() if n > 1), contamination=contam,
        skipped=skipped, raw_files=raw_files, example=example, moved=moved)
    (tmp / "README.md").write_text(card.render(facts), encoding="utf-8")
    (tmp / card.LICENSE_FILE).write_text(card.licence_text(), encoding="utf-8")
    write_report(tmp, files)   # dist/report.html, from the audit and shards just written
    # Every file written into tmp/ before this point is listed in the manifest.
    _write_manifest(tmp, opts, raw_files, paths)
    return BuildSummary(sum(stats[s].articles for s in SPLITS),
                        {s: stats[s].articles for s in SPLITS}, skipped, sum(dropped.values()), tmp)


def order_warnings(previous: Path, raw_files: list[dict]) -> list[str]:
    """What in this corpus breaks the promise that existing articles stay put,
    judged against the previous build's manifest: a new file listed before
    files already built (its articles now come first, so an older copy may
    be dropped), or a built file whose bytes changed (its articles get new
    ids)."""
    try:
        old = json.loads(previous.read_text(encoding="utf-8"))["raw_files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    before = {r["file"]: r.get("sha256") for r in old}
    out = []
    last_old = max((i for i, r in enumerate(raw_files) if r["file"] in before), default=-1)
    for i, r in enumerate(raw_files):
        if r["file"] not in before and i < last_old:
            out.append(f"{r['file']} is new but listed before files already in the dataset: "
                       "list new files at the end, or articles already published may be dropped "
                       "as duplicates of its articles")
        elif r["file"] in before and before[r["file"]] != r["sha256"]:
            out.append(f"{r['file']} changed since the last build: its articles get new ids")
    return out


def _full(row: dict) -> bool:
    """A row that shows every kind of field: the card's example prefers one."""
    return bool(row["title"] and row["byline"] and row["authors"] and row["text"])


def _texts(paths):
    for r in iter_rows(paths, columns=["id", "title", "text"]):
        yield r["id"], f"{r['title'] or ''}{r['text']}"


def _duplicate_entry(rec: dict, entry: dict, p: Placement) -> dict:
    """The audit line of a dropped article: what it duplicates and the whole record."""
    v = p.verdict
    out = {"kind": "duplicate", "id": rec["id"], "duplicate_of": v.of, "kept": v.root,
           "match": v.kind, "reason": p.reason, "similarity": round(v.similarity, 4),
           "source": rec["source"]}
    if p.reason == "near-across-splits":
        out["near_groups"] = list(v.roots)
    out["record"] = rec
    out["edits"] = entry["edits"]
    return out


def _write_manifest(tmp: Path, opts: BuildOptions, raw_files, paths) -> None:
    data = {p.relative_to(tmp).as_posix() for s in SPLITS for p in paths[s]}
    others = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*")
                    if p.is_file() and p.relative_to(tmp).as_posix() not in data)
    manifest = {
        "cleaner": _versions(),
        "settings": {"script": opts.settings.script, "year": opts.settings.year,
                     "test_share": opts.test_share, "split_seed": opts.split_seed,
                     "dedup": opts.dedup, "near_threshold": opts.near_threshold,
                     "shingle": opts.shingle, "contamination_ngram": opts.ngram,
                     "shard_bytes": opts.shard_bytes},
        "raw_files": raw_files,
        "data_files": {p.relative_to(tmp).as_posix(): sha256_file(p) for s in SPLITS for p in paths[s]},
        "files": {name: sha256_file(tmp / name) for name in others},
        "audit": sha256_file(tmp / AUDIT),
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                encoding="utf-8")


def _run(files, opts: BuildOptions):
    if opts.engine == "ray":
        from .ray_engine import run_ray
        results = run_ray(files, opts.settings, opts.workers)
    else:
        results = run_local(files, opts.settings, opts.workers)
    return with_progress(results, files, opts.progress)


def _audit(f, entry: dict) -> None:
    f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _fill_empty_split(paths, nbytes, stats, group_split: dict[str, str], opts: BuildOptions) -> str | None:
    """With two or more groups and one split empty, move the group whose hash
    lies nearest the split line into it. Returns the moved group's id.

    Only a tiny dataset (or a tiny test share) needs this; the card names
    the moved group, and the move lapses once the hash split fills both
    splits.
    """
    empty = [s for s in SPLITS if stats[s].articles == 0]
    if len(group_split) < 2 or not empty:
        return None
    target = empty[0]
    source = "train" if target == "test" else "test"
    root = min(group_split, key=lambda g: abs(split_point(g, opts.split_seed) - opts.test_share))
    data_dir = paths[source][0].parent
    writers = {s: ShardWriter(data_dir, s, opts.shard_bytes) for s in (source, target)}
    for s in writers:
        stats[s] = SplitStats()
    for r in iter_rows(paths[source]):          # streamed: the split may be large
        s = target if r["group"] == root else source
        writers[s].write(r)
        stats[s].articles += 1
        stats[s].chars += len(r["text"])
    for p in paths[source] + paths[target]:
        p.unlink()
    for s, w in writers.items():
        paths[s] = w.close()
        nbytes[s] = w.nbytes
    group_split[root] = target
    return root

def _move_in_audit(path: Path, group: str, split: str) -> None:
    """Give the audit lines of the articles of ``group`` their new split."""
    tmp = path.with_name(path.name + ".part")
    needle = f'"group": "{group}"'
    with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        for line in src:
            if needle in line:
                entry = json.loads(line)
                if entry["kind"] == "article" and entry["group"] == group:
                    entry["split"] = split
                    line = json.dumps(entry, ensure_ascii=False) + "\n"
            dst.write(line)
    os.replace(tmp, path)


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
        os.chmod(tmp, normal_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
