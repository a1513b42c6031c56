"""Run the per-file path over many files, on one core or several.

Each worker reads and cleans whole files and sends back only what the main
process needs (records, audit entries, counts), never the page text, so the
main process's memory does not grow with file size. Results come back in
input order whatever the worker count, which keeps output byte-identical to
a single worker's.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from .decode import decode
from .errors import BadInput, InternalError
from .manifest import RawFile
from .pipeline import Settings, clean_sections


@dataclass
class Cleaned:
    """One file's outcome, as sent from a worker to the main process.

    ``records`` and ``audit`` are dicts, or, for a task that asked for JSON,
    ready JSON Lines (one string per record or entry): serialising in the
    worker keeps the main process free to hand out work.
    """
    file: str
    records: list = field(default_factory=list)
    audit: list = field(default_factory=list)
    raw_bytes: int = 0
    raw_chars: int = 0
    encoding: str | None = None
    error: BadInput | None = None


@dataclass(frozen=True)
class Task:
    """What a worker is asked to do with one file."""
    raw: RawFile
    settings: Settings
    audit: bool = True      # return the audit of every edit
    as_json: bool = False   # return records and audit as JSON Lines


def clean_one(task: Task) -> Cleaned:
    """Read and clean one file; bad input comes back as ``error``."""
    raw, settings = task.raw, task.settings
    name = raw.meta.name
    try:
        with open(raw.path, "rb") as f:
            data = f.read()
    except OSError as e:
        return Cleaned(name, error=BadInput("unreadable", f"cannot read: {e.strerror or e}", file=name))
    records: list = []
    audit: list = []
    try:
        decoded = decode(data, name, raw.meta.encoding)
        # section by section: each part is passed on and let go, so a big file costs one section's work
        for part in clean_sections(decoded.text, raw.meta, settings):
            got = [a.record for a in part.articles]
            notes = part.audit() if task.audit else []
            if task.as_json:
                got = [json.dumps(r, ensure_ascii=False) + "\n" for r in got]
                notes = [json.dumps(e, ensure_ascii=False) + "\n" for e in notes]
            records += got
            audit += notes
    except BadInput as e:
        return Cleaned(name, raw_bytes=len(data), error=e)
    except InternalError:
        raise
    except Exception as e:   # a bug: say which file set it off
        raise InternalError(f"{name}: {type(e).__name__}: {e}") from e
    return Cleaned(name, records, audit, len(data), len(decoded.text), decoded.encoding)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ignore_interrupt() -> None:
    """In a worker: leave Ctrl-C to the main process, which stops the pool
    and reports it once, rather than every worker printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(files: Sequence[RawFile], settings: Settings, workers: int | None = None,
              audit: bool = True, as_json: bool = False) -> Iterator[Cleaned]:
    """Clean ``files`` in order with ``workers`` processes (default: all cores)."""
    workers = default_workers() if workers is None else max(1, workers)
    tasks = [Task(f, settings, audit, as_json) for f in files]
    if workers == 1 or len(tasks) <= 1:
        yield from map(clean_one, tasks)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    # a few files per message when there are many: less traffic, same order
    chunk = max(1, min(8, len(tasks) // (workers * 16)))
    with ctx.Pool(min(workers, len(tasks)), initializer=_ignore_interrupt) as pool:
        yield from pool.imap(clean_one, tasks, chunksize=chunk)


def with_progress(results: Iterable[Cleaned], files: Sequence[RawFile], enabled: bool) -> Iterator[Cleaned]:
    """Pass ``results`` through, drawing a progress bar on standard error:
    bytes done (so the rate reads in MB/s and the ETA is by size), files and
    articles. Draws nothing unless ``enabled`` (a terminal, or asked for)."""
    if not enabled:
        yield from results
        return
    from tqdm import tqdm   # imported only when a bar is drawn

    total = 0
    for f in files:
        try:
            total += os.path.getsize(f.path)
        except OSError:
            pass
    articles = 0
    with tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, dynamic_ncols=True,
              desc="cleaning", smoothing=0.1) as bar:
        for n, r in enumerate(results, start=1):
            articles += len(r.records)
            bar.set_postfix_str(f"{n}/{len(files)} files, {articles} articles", refresh=False)
            bar.update(r.raw_bytes)
            yield r
