"""The raw folder and its manifest: which files to clean, and what is known
about each (year, outlet, encoding).

``raw/manifest.csv`` has a header row and one row per raw file::

    file,year,outlet,encoding,note
    000_0bb77fbabf8f1fbb.txt,2021,某某日报,,one page, September 2021

The file is UTF-8 (a byte-order mark is allowed). ``file`` is relative to
the raw folder; the other columns may be empty.
Row order is the corpus order: deduplication keeps the copy from the
earliest file, so append new files at the end and existing articles never
lose their place. Without a manifest every non-hidden file in the folder is
read, in path order, with the year given by ``--year``.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput
from .pipeline import FileMeta

MANIFEST = "manifest.csv"
COLUMNS = ("file", "year", "outlet", "encoding", "note")


@dataclass(frozen=True)
class RawFile:
    """A file to clean: where it is on disk, and what is known about it."""
    path: str
    meta: FileMeta


def _source_name(raw_dir: Path, rel: str) -> str:
    """The path recorded in ``source.file``: the raw folder's name + relative path."""
    return f"{raw_dir.resolve().name}/{rel}".replace(os.sep, "/")


def read_manifest(raw_dir: Path, default_year: int | None = None) -> list[RawFile] | None:
    """The manifest's files in order, or None when the folder has no manifest."""
    path = raw_dir / MANIFEST
    if not path.exists():
        return None
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadInput("manifest", f"cannot read manifest: {e.strerror or e}", file=where) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadInput("manifest", "the manifest must be UTF-8 (a spreadsheet's \"CSV UTF-8\"); "
                       f"bytes {data[e.start:e.start + 4]!r} here are not", file=where,
                       line=data.count(b"\n", 0, e.start) + 1, byte=e.start) from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0][:1] != ["file"]:
        raise BadInput("manifest", f"manifest must start with a header row: {','.join(COLUMNS)}",
                       file=where, line=1)
    header = [h.strip() for h in rows[0]]
    unknown = set(header) - set(COLUMNS)
    if unknown:
        raise BadInput("manifest", f"unknown columns {sorted(unknown)}; known: {','.join(COLUMNS)}",
                       file=where, line=1)
    out: list[RawFile] = []
    seen: set[str] = set()
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        rec = dict(zip(header, (c.strip() for c in row)))
        rel = rec.get("file", "")
        if not rel:
            raise BadInput("manifest", "row has no file name", file=where, line=n)
        if rel in seen:
            raise BadInput("manifest", f"{rel} is listed twice", file=where, line=n)
        seen.add(rel)
        year = rec.get("year") or None
        if year is not None:
            if not (year.isdigit() and len(year) == 4):
                raise BadInput("manifest", f"year {year!r} is not a four-digit year", file=where, line=n)
            year = int(year)
        else:
            year = default_year
        meta = FileMeta(_source_name(raw_dir, rel), year, rec.get("outlet") or None,
                        rec.get("encoding") or None)
        out.append(RawFile(str(raw_dir / rel), meta))
    return out


def discover(raw_dir: Path, default_year: int | None = None) -> tuple[list[RawFile], list[BadInput]]:
    """Every raw file to clean, and the problems found checking the manifest.

    A listed file that is missing, or a file that is present but not listed,
    is a problem: the manifest is the record of what the corpus holds. The
    caller decides whether a problem stops the run or is skipped.
    """
    if not raw_dir.is_dir():
        raise BadInput("missing", "raw folder not found", file=str(raw_dir))
    present = sorted(
        p.relative_to(raw_dir).as_posix() for p in raw_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts)
        and p.name != MANIFEST)
    listed = read_manifest(raw_dir, default_year)
    if listed is None:
        return [RawFile(str(raw_dir / rel), FileMeta(_source_name(raw_dir, rel), default_year))
                for rel in present], []
    where = str(raw_dir / MANIFEST)
    problems: list[BadInput] = []
    names = {Path(f.path).relative_to(raw_dir).as_posix() for f in listed}
    files = []
    for f in listed:
        if os.path.lexists(f.path):   # present; an unreadable one fails when read
            files.append(f)
        else:
            problems.append(BadInput("missing", f"listed in {where} but not there", file=f.path))
    for rel in present:
        if rel not in names:
            problems.append(BadInput("unlisted", f"not in {where}: add a row for it, or move it "
                                     "out of the raw folder", file=str(raw_dir / rel)))
    return files, problems
