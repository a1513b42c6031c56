"""Records -> a Hugging Face dataset folder: placement, splits, shards.

Records stream in corpus order (manifest order, then page order). Each is
judged against the ones before it (:mod:`cleaner.dedup`) and placed by a
:class:`Placer`: dropped, or given a split from its near-duplicate group's
root id, and appended to that split's current Parquet shard by a
:class:`ShardWriter`. Only per-article facts are remembered (ids, hashes,
signatures, splits), never text, so memory grows with the number of
articles, not with their size.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from .dedup import Deduper, Verdict

SPLITS = ("train", "test")
DEFAULT_TEST_SHARE = 0.2
DEFAULT_SPLIT_SEED = "cleaner-split-v1"
#: Largest Parquet shard: the Hub's tools keep shards to a few hundred MB.
DEFAULT_SHARD_BYTES = 256 * 1024 * 1024
#: A row group ends after this many rows or this many bytes of Arrow data,
#: whichever comes first (and never holds more than a shard's limit).
ROW_GROUP_ROWS = 2_000
ROW_GROUP_BYTES = 64 * 1024 * 1024
DEDUP_MODES = ("drop", "group", "off")

_STR = pa.string()

#: The dataset's schema: what ``cleaner clean`` writes, plus ``group``.
#: Fields that are never null are marked so in the Parquet schema.
SCHEMA = pa.schema([
    pa.field("id", _STR, nullable=False),
    pa.field("title", _STR),
    pa.field("text", _STR, nullable=False),
    pa.field("byline", _STR),
    pa.field("outlet", _STR),
    pa.field("authors", pa.list_(pa.struct([pa.field("name", _STR), pa.field("role", _STR)])),
             nullable=False),
    pa.field("date", _STR),
    pa.field("place", _STR),
    pa.field("credits", pa.list_(_STR), nullable=False),
    pa.field("source", pa.struct([pa.field("file", _STR, nullable=False),
                                  pa.field("line_start", pa.int32(), nullable=False),
                                  pa.field("line_end", pa.int32(), nullable=False)]),
             nullable=False),
    pa.field("group", _STR, nullable=False),
])


@lru_cache(maxsize=1)
def file_schema() -> pa.Schema:
    """:data:`SCHEMA` with the ``datasets`` features in its metadata, as
    ``datasets`` itself writes them, so any reader gets the same types."""
    from datasets import Features
    features = Features.from_arrow_schema(SCHEMA)
    meta = {"huggingface": json.dumps({"info": {"features": features.to_dict()}})}
    return SCHEMA.with_metadata(meta)


def split_point(split_id: str, seed: str = DEFAULT_SPLIT_SEED) -> float:
    """A number in [0, 1) fixed by the id and the seed alone.

    >>> 0 <= split_point("abc") < 1, split_point("abc") == split_point("abc")
    (True, True)
    >>> split_point("abc") == split_point("abc", seed="other")
    False
    """
    h = hashlib.blake2b(f"{seed}\n{split_id}".encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2 ** 64


def split_of(split_id: str, test_share: float, seed: str = DEFAULT_SPLIT_SEED) -> str:
    """``test`` for a ``test_share`` of ids, ``train`` for the rest."""
    return "test" if split_point(split_id, seed) < test_share else "train"


# --- placement: dedup verdict -> split, group, or dropped ---------------------------


@dataclass(frozen=True)
class Placement:
    """Where one record goes. ``split`` is None for a dropped record."""
    split: str | None
    group: str                # root id of its near-duplicate group (its own id if first)
    verdict: Verdict
    reason: str | None = None  # why dropped: "exact", "near" or "near-across-splits"


class Placer:
    """Judges each record (in corpus order) and places it.

    * exact copies are always dropped (the earliest is kept);
    * ``drop``: near-duplicates are dropped too;
    * ``group``: a near-duplicate joins its root's group, in the root's split;
      one that is near groups in *both* splits is dropped, because either
      split would put a near-twin across the line
      (reason ``near-across-splits``);
    * ``off``: near-duplicates are not looked for.

    A new article's verdict depends only on the articles before it, so
    articles already placed never change place when files are appended
    (the one exception, filling an empty split, is made after placing, by
    ``build._fill_empty_split``).
    """

    def __init__(self, mode: str, deduper: Deduper, split_for: Callable[[str], str]):
        if mode not in DEDUP_MODES:
            raise ValueError(f"dedup mode must be one of {DEDUP_MODES}, not {mode!r}")
        self.mode = mode
        self.deduper = deduper
        self.split_for = split_for
        self.group_split: dict[str, str] = {}    # root id -> split

    def place(self, record: dict) -> Placement:
        v = self.deduper.see(record)
        if v.kind == "exact":
            return Placement(None, v.root, v, "exact")
        if v.kind == "near":
            if self.mode == "drop":
                return Placement(None, v.root, v, "near")
            splits = {self.group_split[r] for r in v.roots}
            if len(splits) > 1:
                return Placement(None, v.root, v, "near-across-splits")
            return Placement(self.group_split[v.root], v.root, v)
        split = self.group_split[v.root] = self.split_for(v.root)
        return Placement(split, v.root, v)


# --- Parquet shards -------------------------------------------------------------------


#: Columns with Parquet min/max statistics: the short ones. Statistics of
#: ``text`` would add kilobytes of article text to every row group's footer.
STATISTICS = ["id", "date", "outlet", "place", "group"]


def _writer(sink) -> pq.ParquetWriter:
    return pq.ParquetWriter(sink, file_schema(), compression="zstd", write_statistics=STATISTICS)


@lru_cache(maxsize=1)
def footer_bytes() -> tuple[int, int]:
    """(fixed, per row group): what a shard's footer costs, measured once on
    one-row files, plus a margin per row group for longer statistics."""
    row = {"id": "0" * 16, "title": None, "text": "", "byline": None, "outlet": None, "authors": [],
           "date": "2000-01-01", "place": None, "credits": [],
           "source": {"file": "raw/x", "line_start": 1, "line_end": 1}, "group": "0" * 16}
    table = pa.Table.from_pylist([row], schema=file_schema())
    sizes = []
    for groups in (1, 2):
        sink = pa.BufferOutputStream()
        w = _writer(sink)
        for _ in range(groups):
            w.write_table(table)
        w.close()
        sizes.append(pq.read_metadata(pa.BufferReader(sink.getvalue())).serialized_size)
    per_group = sizes[1] - sizes[0] + 256
    return sizes[0] - per_group + 256 + 8, per_group     # + 8: the footer length and magic


class ShardWriter:
    """Appends rows of one split to Parquet shards of at most ``max_bytes``.

    A shard is closed before a row group that would take it past the limit
    (the row group's size is estimated from the shard's compression so far,
    the footer's from :func:`footer_bytes`), so only a single row group
    larger than the limit makes a larger shard. Shards are written under
    temporary names and renamed to ``{split}-{index:05d}-of-{count:05d}.parquet``
    by :meth:`close`, when the count is known. ``nbytes`` is the Arrow
    (in-memory) size of the rows, what the Hub calls a split's ``num_bytes``.
    """

    def __init__(self, directory: Path, split: str, max_bytes: int = DEFAULT_SHARD_BYTES):
        if max_bytes < 1:
            raise ValueError("shard size must be positive")
        self.dir = directory
        self.split = split
        self.max_bytes = max_bytes
        self.group_bytes = min(ROW_GROUP_BYTES, max(1, max_bytes // 4))
        self.paths: list[Path] = []
        self.rows = 0
        self.nbytes = 0
        self._writer: pq.ParquetWriter | None = None
        self._sink = None
        self._shard_nbytes = 0          # Arrow bytes in the open shard
        self._shard_groups = 0
        self._buffer: list[dict] = []
        self._buffer_bytes = 0

    def write(self, row: dict) -> None:
        self._buffer.append(row)
        self.rows += 1
        # UTF-8 Chinese is 3 bytes a character: a cheap estimate of the Arrow size.
        self._buffer_bytes += 3 * (len(row["text"]) + len(row.get("title") or "")) + 200
        if len(self._buffer) >= ROW_GROUP_ROWS or self._buffer_bytes >= self.group_bytes:
            self._flush()

    def _open(self) -> None:
        path = self.dir / f".{self.split}-{len(self.paths):05d}.parquet.part"
        self.paths.append(path)
        self._sink = pa.OSFile(str(path), "wb")
        self._writer = _writer(self._sink)
        self._shard_nbytes = self._shard_groups = 0

    def _close_shard(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._sink.close()
            self._writer = self._sink = None

    def _fits(self, table: pa.Table) -> bool:
        """Would ``table`` as one more row group keep the open shard within the limit?"""
        written = self._sink.tell()
        ratio = written / self._shard_nbytes if self._shard_nbytes else 1.0
        fixed, per_group = footer_bytes()
        footer = fixed + per_group * (self._shard_groups + 1)
        return written + table.nbytes * ratio + footer <= self.max_bytes

    def _flush(self) -> None:
        if not self._buffer:
            return
        table = pa.Table.from_pylist(self._buffer, schema=file_schema())
        self._buffer, self._buffer_bytes = [], 0
        if self._writer is not None and not self._fits(table):
            self._close_shard()
        if self._writer is None:
            self._open()
        self._writer.write_table(table, row_group_size=len(table))
        self._shard_nbytes += table.nbytes
        self._shard_groups += 1
        self.nbytes += table.nbytes

    def close(self) -> list[Path]:
        """Finish the last shard and give every shard its final name; no
        shard at all for a split without rows."""
        self._flush()
        self._close_shard()
        # An empty split gets no shard: `datasets` can read neither a shard
        # whose row group has no rows nor a split without rows, so the card
        # leaves an empty split out of the dataset's configuration.
        final = []
        n = len(self.paths)
        for i, p in enumerate(self.paths):
            target = self.dir / f"{self.split}-{i:05d}-of-{n:05d}.parquet"
            os.replace(p, target)
            final.append(target)
        self.paths = final
        return final


def iter_rows(paths: Iterable[Path], columns: list[str] | None = None) -> Iterator[dict]:
    """The rows of some shards, one row group at a time."""
    for p in paths:
        f = pq.ParquetFile(p)
        for i in range(f.num_row_groups):
            yield from f.read_row_group(i, columns=columns).to_pylist()


def read_split(paths: Iterable[Path]) -> list[dict]:
    return list(iter_rows(paths))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class SplitStats:
    articles: int = 0
    chars: int = 0


def to_row(record: dict, group: str) -> dict:
    """A record as a dataset row (schema order).

    >>> list(to_row({"id": "a", "text": "正文", "extra": 1}, "a"))[-2:]
    ['source', 'group']
    """
    return {**{k: record.get(k) for k in SCHEMA.names if k != "group"}, "group": group}
